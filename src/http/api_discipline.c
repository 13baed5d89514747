/* api_discipline.c - /api/v1/discipline (docs/inspection.md "Discipline"): record a decision
 * with every check and its effects, the register of a subtree (the inspection right), one
 * record, the notice to the target. The member's own record (GET /api/v1/members/{id}) shows
 * the discipline in force to whoever sees the member. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_report.h"
#include "api.h"

/* the years a query may ask (as the review API) */
#define YEAR_MIN 1930
#define YEAR_MAX 2199

static const struct api_field discipline_fields[] = {
	{"member_id", AT_ID, 0}, {"org_code", AT_STRING, 0}, {"form", AT_STRING, 1},
	{"body", AT_STRING, 1}, {"inspection", AT_BOOL, 0}, {"reason", AT_STRING, 0},
	{"date", AT_DATE, 0}, {"act_date", AT_DATE, 0}, {"decision_no", AT_STRING, 0},
	{"case_id", AT_ID, 0}, {"notified_on", AT_DATE, 0}, {"effective_on", AT_DATE, 0},
	{"members_to", AT_STRING, 0}, {NULL, AT_STRING, 0},
};

/* Copy a string member into dst (capacity cap) when present; a problem when too long. */
static void take(struct req *r, json_t *o, const char *name, char *dst, size_t cap)
{
	const char *v = api_str(o, name);

	if (!v)
		return;
	if (strlen(v) >= cap) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL,
			"%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", name,
			strlen(v), cap - 1);
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

static date_t opt_date(json_t *body, const char *name)
{
	date_t d = api_date(body, name);

	return d == DATE_NONE ? 0 : d;
}

/* POST /api/v1/discipline {"member_id" or "org_code", "form", "body", "inspection",
 * "reason", "date", "act_date", "decision_no", "case_id", "notified_on", "effective_on",
 * "members_to"} (201, the record). */
void api_discipline_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, discipline_fields);
	struct discipline_in d;
	struct discipline_rec rec;
	const char *org, *form;
	char loc[64];
	int64_t id = 0;
	int fi;

	if (!body)
		return;
	memset(&d, 0, sizeof d);
	org = api_str(body, "org_code");
	form = api_str(body, "form");
	if (!json_object_get(body, "member_id") == !(org && org[0]))
		err_add(&r->e, ERR_INPUT, 0, "member_id", NULL, NULL,
			"say whom the discipline is for: member_id (a member) or org_code (an "
			"organisation's leadership), one of the two");
	d.member_id = (int64_t)json_integer_value(json_object_get(body, "member_id"));
	take(r, body, "org_code", d.org_code, sizeof d.org_code);
	take(r, body, "body", d.body, sizeof d.body);
	take(r, body, "reason", d.reason, sizeof d.reason);
	take(r, body, "decision_no", d.decision_no, sizeof d.decision_no);
	if ((fi = discipline_form_parse(form)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "form", form, NULL,
			"form must be reprimand, warning, removal, expulsion or dissolution");
	d.form = fi < 0 ? DF__COUNT : (enum discipline_form)fi;
	d.date = api_date(body, "date");
	d.act_date = opt_date(body, "act_date");
	d.notified_on = opt_date(body, "notified_on");
	d.effective_on = opt_date(body, "effective_on");
	d.inspection = api_bool(body, "inspection", 0);
	d.case_id = (int64_t)json_integer_value(json_object_get(body, "case_id"));
	d.members_to = api_str(body, "members_to");
	if (r->e.code || app_discipline_add(r->app, &r->actor, &d, &id, &r->e) ||
	    app_discipline_get(r->app, &r->actor, id, &rec, &r->e)) {
		if (d.member_id)
			api_hide_member(r, d.member_id);
		else
			api_hide_org(r, d.org_code);
		reply_problem(r);
		json_decref(body);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/discipline/%lld", (long long)id);
	api_created(r, loc, app_discipline_json(&rec));
	json_decref(body);
}

static int discipline_item(void *ctx, const struct discipline_rec *d)
{
	json_t *j = app_discipline_json(d);

	if (!j)
		return 1;
	json_array_append_new(ctx, j);
	return 0;
}

/* GET /api/v1/discipline?org=CODE&year=YEAR&form=FORM&state=STATE&format=json|csv|xlsx: the
 * register of the subtree, newest first (the inspection right: 403 without it). */
void api_discipline_list(struct req *r)
{
	struct discipline_filter f;
	const char *form = req_query(r, "form"), *fmt;
	json_t *items;

	memset(&f, 0, sizeof f);
	f.org_code = req_query(r, "org") ? req_query(r, "org") : "";
	f.year = (int)req_query_long(r, "year", 0, YEAR_MIN, YEAR_MAX);
	f.state = req_query(r, "state");
	f.form = -1;
	if (form && form[0] && (f.form = discipline_form_parse(form)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "form", form, NULL,
			"form must be reprimand, warning, removal, expulsion or dissolution");
	fmt = req_query(r, "format");
	if (fmt && fmt[0] && strcmp(fmt, "json") && strcmp(fmt, "csv") && strcmp(fmt, "xlsx"))
		err_add(&r->e, ERR_USAGE, 0, "format", fmt, NULL,
			"format must be json, csv or xlsx");
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	if (fmt && (!strcmp(fmt, "csv") || !strcmp(fmt, "xlsx"))) {
		int fd, xlsx = !strcmp(fmt, "xlsx");
		long long len;

		if (app_discipline_export(r->app, &r->actor, &f, xlsx, &fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len,
			     xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
				  : "text/csv; charset=utf-8",
			     xlsx ? "discipline.xlsx" : "discipline.csv");
		return;
	}
	items = json_array();
	if (app_discipline_list(r->app, &r->actor, &f, discipline_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

/* GET /api/v1/discipline/{id}: one record, whole (the inspection right). */
void api_discipline_get(struct req *r)
{
	struct discipline_rec d;
	int64_t id;

	if (api_path_id(r, 0, "discipline record", &id) ||
	    app_discipline_get(r->app, &r->actor, id, &d, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, app_discipline_json(&d));
}

static const struct api_field notify_fields[] = {
	{"date", AT_DATE, 1}, {"number", AT_STRING, 0}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/discipline/{id}/notify {"date", "number"}: the notice given to the target
 * (200, the record). */
void api_discipline_notify(struct req *r)
{
	json_t *body = api_body_or_reply(r, notify_fields);
	struct discipline_rec d;
	int64_t id;

	if (!body)
		return;
	if (api_path_id(r, 0, "discipline record", &id) ||
	    app_discipline_notify(r->app, &r->actor, id, api_date(body, "date"),
				  api_str(body, "number"), &r->e) ||
	    app_discipline_get(r->app, &r->actor, id, &d, &r->e))
		reply_problem(r);
	else
		reply_json(r, 200, app_discipline_json(&d));
	json_decref(body);
}
