/* forms.c - the routing table of the pages that change records (forms). */
#include "pages.h"

const struct route web_form_routes[] = {
	{NULL, NULL, NULL, 0, NULL},
};
