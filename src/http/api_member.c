/* api_member.c - members: record, history, search, add, edit, status, transfers. */
#include <errno.h>
#include <stdlib.h>

#include "api.h"

/* The {id} of the path as a member id; a problem (404: an id that is not a number names no
 * record) when it is not one. */
static int path_id(struct req *r, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(r->pathv[0], &end, 10);
	if (errno || *end || v <= 0) {
		err_set(&r->e, ERR_NOTFOUND, "there is no member %s", r->pathv[0]);
		return -1;
	}
	*id = v;
	return 0;
}

void api_member_get(struct req *r)
{
	struct member m;
	struct member_history h;
	int64_t id;
	json_t *j;

	if (path_id(r, &id) || app_member_get(r->app, &r->actor, id, &m, &r->e) ||
	    app_member_history(r->app, &r->actor, id, &h, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_member(&m);
	json_history_add(j, &h);
	member_history_cleanup(&h);
	reply_json(r, 200, j);
}
