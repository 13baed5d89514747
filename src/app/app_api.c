/* app_api.c - app-layer calls that the JSON API needs beyond those of the command line. */
#include "app_api.h"
#include "app_int.h"

enum err_code app_transfer_get(struct app *a, const struct actor *ac, int64_t id,
			       struct transfer *t, struct err *e)
{
	struct err tmp;
	struct member m;
	struct org o;
	enum err_code rc;

	err_init(&tmp);
	rc = store_transfer_get(a->st, id, t, &tmp);
	if (rc == ERR_OK && app_member_get(a, ac, t->member_id, &m, &tmp) &&
	    app_org_get(a, ac, t->to_code, &o, &tmp))
		rc = tmp.code == ERR_STORAGE ? ERR_STORAGE : ERR_NOTFOUND;
	if (rc == ERR_OK) {
		struct app_holidays h;

		if (app_holidays_load(a, &h, &tmp) == ERR_OK) {
			app_transfer_deadline(a, &h, t);
			app_holidays_cleanup(&h);
		}
	}
	if (rc == ERR_STORAGE)
		err_merge(e, &tmp);
	else if (rc)
		err_add(e, ERR_NOTFOUND, 0, "transfer", NULL, NULL, "no transfer has the id %lld",
			(long long)id);
	err_cleanup(&tmp);
	return rc;
}
