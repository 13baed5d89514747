/* demo_insp.c - the demo's inspection and supervision (docs/inspection.md). */
#include "app_int.h"

enum err_code demo_inspection(struct app *a, const struct actor *ac, struct err *e)
{
	(void)a;
	(void)ac;
	(void)e;
	return ERR_OK;
}
