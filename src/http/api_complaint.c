/* api_complaint.c - complaints against discipline decisions and denunciations
 * (docs/inspection.md "Complaints and denunciations"): the register (JSON a page at a time,
 * or CSV/XLSX), one row with the decision's history, lodge, settle, withdraw. Every endpoint
 * needs the inspection right (403 without it); a row outside the actor's subtree does not
 * exist (404). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_complaint.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* 0 JSON, 1 CSV, 2 XLSX from ?format= or Accept (-1 with a problem when unknown). */
static int format_of(struct req *r)
{
	const char *f = req_query(r, "format"), *acc = r->accept ? r->accept : "";

	if (f && f[0]) {
		if (!strcmp(f, "json"))
			return 0;
		if (!strcmp(f, "csv"))
			return 1;
		if (!strcmp(f, "xlsx"))
			return 2;
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
		return -1;
	}
	if (strstr(acc, CT_XLSX))
		return 2;
	if (strcasestr(acc, "text/csv"))
		return 1;
	return 0;
}

/* The list's filters from the query (?kind=&state=&overdue=1&year=); -1 with a problem. */
static int filter_of(struct req *r, struct complaint_filter *f)
{
	const char *k = req_query(r, "kind"), *s = req_query(r, "state");
	const char *o = req_query(r, "overdue"), *y = req_query(r, "year");

	memset(f, 0, sizeof *f);
	f->kind = f->state = -1;
	if (k && k[0] && (f->kind = complaint_kind_parse(k)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "kind", k, NULL, "kind is complaint or denunciation");
	if (s && s[0] && (f->state = complaint_state_parse(s)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "state", s, NULL,
			"state is open, settled or withdrawn");
	if (o && (!strcmp(o, "1") || !strcmp(o, "true")))
		f->overdue_on = r->app->today;
	if (y && y[0]) {
		char *end;
		long n = strtol(y, &end, 10);

		if (*end || n < 1900 || n > 2199)
			err_add(&r->e, ERR_USAGE, 0, "year", y, NULL,
				"year is a year from 1900 to 2199");
		else {
			f->from = date_from_ymd((int)n, 1, 1);
			f->to = date_from_ymd((int)n, 12, 31);
		}
	}
	return r->e.code ? -1 : 0;
}

struct items {
	struct app *a;
	json_t *items;
	struct api_page *p;
};

static int item(void *ctx, const struct complaint_row *c)
{
	struct items *l = ctx;

	if (api_page_take(l->p))
		json_array_append_new(l->items, app_complaint_json(l->a, c));
	return 0;
}

/* GET /api/v1/complaints?org=&kind=&state=&overdue=&year=: the register of a subtree,
 * newest first. */
void api_complaint_list(struct req *r)
{
	struct complaint_filter f;
	struct api_page p;
	struct items l;
	const char *org = req_query(r, "org");
	int fmt;
	json_t *j;

	fmt = format_of(r);
	if (fmt < 0 || api_page_init(r, &p, 100, 1000) || filter_of(r, &f)) {
		reply_problem(r);
		return;
	}
	if (fmt > 0) {
		long long len;
		int fd;

		if (app_complaint_export(r->app, &r->actor, org, &f,
					 fmt == 2 ? TABLE_XLSX : TABLE_CSV, &fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV,
			     fmt == 2 ? "complaints.xlsx" : "complaints.csv");
		req_header(r, "Vary", "Accept");
		return;
	}
	l.a = r->app;
	l.items = json_array();
	l.p = &p;
	if (app_complaint_list(r->app, &r->actor, org, &f, item, &l, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

static int history_item(void *ctx, const struct discipline_row *d)
{
	json_array_append_new(ctx, app_complaint_discipline_json(d));
	return 0;
}

static void reply_one(struct req *r, int status, int64_t id)
{
	struct complaint_row c;
	char loc[64];
	json_t *j, *h;

	if (app_complaint_get(r->app, &r->actor, id, &c, &r->e)) {
		reply_problem(r);
		return;
	}
	j = app_complaint_json(r->app, &c);
	if (j && c.discipline_id) {
		h = json_array();
		if (app_complaint_history(r->app, c.discipline_id, history_item, h, &r->e)) {
			json_decref(h);
			json_decref(j);
			reply_problem(r);
			return;
		}
		json_object_set_new(j, "history", h);
	}
	if (j)
		api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/complaints/%lld", (long long)id);
	api_created(r, loc, j);
}

/* GET /api/v1/complaints/{id} */
void api_complaint_get(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "complaint", &id)) {
		reply_problem(r);
		return;
	}
	reply_one(r, 200, id);
}

static const struct api_field add_fields[] = {
	{"kind", AT_STRING, 0},      {"discipline_id", AT_ID, 0}, {"member_id", AT_ID, 0},
	{"org", AT_STRING, 0},       {"from", AT_STRING, 0},      {"to_body", AT_STRING, 0},
	{"lodged_on", AT_DATE, 0},   {"content", AT_STRING, 1},   {NULL, 0, 0},
};

/* POST /api/v1/complaints: 201 with the row and its Location (warnings: no notice date). */
void api_complaint_add(struct req *r)
{
	struct complaint_in in;
	const char *k;
	json_t *body;
	int64_t id = 0;

	/* Without the inspection right the answer is 403 whatever the body holds. */
	if (app_inspection_check(r->app, &r->actor, 0, &r->e)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, add_fields)))
		return;
	memset(&in, 0, sizeof in);
	k = api_str(body, "kind");
	in.kind = k && k[0] ? complaint_kind_parse(k) : CK_COMPLAINT;
	in.discipline_id = (int64_t)json_integer_value(json_object_get(body, "discipline_id"));
	in.member_id = (int64_t)json_integer_value(json_object_get(body, "member_id"));
	in.org_code = api_str(body, "org");
	in.from_name = api_str(body, "from");
	in.to_body = api_str(body, "to_body");
	in.lodged_on = api_date(body, "lodged_on");
	in.content = api_str(body, "content");
	if (in.kind < 0) {
		err_add(&r->e, ERR_INPUT, 0, "kind", k, NULL, "kind is complaint or denunciation");
		json_decref(body);
		reply_problem(r);
		return;
	}
	if (app_complaint_add(r->app, &r->actor, &in, &id, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_one(r, 201, id);
}

static const struct api_field settle_fields[] = {
	/* outcome is required by app_complaint_settle, after the access check */
	{"outcome", AT_STRING, 0}, {"form", AT_STRING, 0},  {"settled_on", AT_DATE, 0},
	{"decision_no", AT_STRING, 0}, {"settlement", AT_STRING, 0}, {NULL, 0, 0},
};

/* POST /api/v1/complaints/{id}/settle */
void api_complaint_settle(struct req *r)
{
	struct complaint_settle_in in;
	const char *o, *f;
	json_t *body;

	memset(&in, 0, sizeof in);
	if (api_path_id(r, 0, "complaint", &in.id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, settle_fields)))
		return;
	o = api_str(body, "outcome");
	f = api_str(body, "form");
	in.outcome = o ? complaint_outcome_parse(o) : -1;
	in.form = f && f[0] ? discipline_form_parse(f) : -1;
	in.on = api_date(body, "settled_on");
	in.decision_no = api_str(body, "decision_no");
	in.text = api_str(body, "settlement");
	if (f && f[0] && in.form < 0)
		err_add(&r->e, ERR_INPUT, 0, "form", f, NULL,
			"form is reprimand, warning, removal, expulsion or dissolution");
	if (r->e.code || app_complaint_settle(r->app, &r->actor, &in, NULL, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_one(r, 200, in.id);
}

static const struct api_field withdraw_fields[] = {
	{"date", AT_DATE, 0}, {"reason", AT_STRING, 0}, {NULL, 0, 0},
};

/* POST /api/v1/complaints/{id}/withdraw */
void api_complaint_withdraw(struct req *r)
{
	json_t *body;
	int64_t id;

	if (api_path_id(r, 0, "complaint", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, withdraw_fields)))
		return;
	if (app_complaint_withdraw(r->app, &r->actor, id, api_date(body, "date"),
				   api_str(body, "reason"), &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_one(r, 200, id);
}
