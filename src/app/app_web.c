/* app_web.c - what the web pages ask of the app layer beyond what the CLI asks. */
#include <string.h>

#include "app_int.h"
#include "app_web.h"

struct rows_ctx {
	struct app *a;
	const struct actor *ac;
	app_transfer_row_cb cb;
	void *ctx;
	struct err *e;
	int stopped;
};

static int transfer_row(void *ctx, const struct transfer *t)
{
	struct rows_ctx *c = ctx;
	struct transfer_row row;
	struct member m;
	struct err tmp;

	memset(&row, 0, sizeof row);
	row.t = *t;
	row.birth_date = DATE_NONE;
	err_init(&tmp);
	if (app_member_get(c->a, c->ac, t->member_id, &m, &tmp) == ERR_OK) {
		row.member_visible = 1;
	} else if (tmp.code != ERR_NOTFOUND) {
		err_merge(c->e, &tmp);
		err_cleanup(&tmp);
		return 1;
	} else {
		/* The transfer is within the subtree (app_transfer_list checked it): its member
		 * may be named. */
		err_cleanup(&tmp);
		err_init(&tmp);
		if (store_member_get(c->a->st, t->member_id, &m, &tmp)) {
			err_merge(c->e, &tmp);
			err_cleanup(&tmp);
			return 1;
		}
	}
	err_cleanup(&tmp);
	snprintf(row.full_name, sizeof row.full_name, "%s", m.full_name);
	row.birth_date = m.birth_date;
	if (c->cb(c->ctx, &row)) {
		c->stopped = 1;
		return 1;
	}
	return 0;
}

enum err_code app_transfer_rows(struct app *a, const struct actor *ac, const char *org_code,
				app_transfer_row_cb cb, void *ctx, struct err *e)
{
	struct rows_ctx c = {a, ac, cb, ctx, e, 0};
	enum err_code rc = app_transfer_list(a, ac, org_code, transfer_row, &c, e);

	return c.stopped ? ERR_OK : rc ? rc : e->code;
}
