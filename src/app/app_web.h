/* app_web.h - what the web pages ask of the app layer beyond what the CLI asks. */
#ifndef CADRE_APP_WEB_H
#define CADRE_APP_WEB_H

#include "app.h"

/* An open transfer as a page lists it: the transfer, the member's name and birth date, and
 * whether the member's record is within the actor's subtree (a member on the way in is not
 * yet: the page then names the person without a link). */
struct transfer_row {
	struct transfer t;
	char full_name[VNAME_MAX + 1];
	date_t birth_date;
	int member_visible;
};
typedef int (*app_transfer_row_cb)(void *ctx, const struct transfer_row *row);
/* Open transfers touching the subtree of org_code ("" = the actor's scope), as
 * app_transfer_list, each with the member's name: the receiving organisation must know whom
 * it receives, so a transfer within the subtree names its member even while the member is
 * still on a roll outside it. Stops early when cb returns non-zero. */
enum err_code app_transfer_rows(struct app *a, const struct actor *ac, const char *org_code,
				app_transfer_row_cb cb, void *ctx, struct err *e);

#endif
