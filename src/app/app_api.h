/* app_api.h - app-layer calls that the JSON API needs beyond those of the command line. */
#ifndef CADRE_APP_API_H
#define CADRE_APP_API_H

#include "app.h"

/* Look up transfer id as the actor sees it: visible when its member is (on a roll within the
 * scope) or when it goes to an organisation within the scope. Otherwise ERR_NOTFOUND, with
 * the same words as for an id that names no transfer. */
enum err_code app_transfer_get(struct app *a, const struct actor *ac, int64_t id,
			       struct transfer *t, struct err *e);

#endif
