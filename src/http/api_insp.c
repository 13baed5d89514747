/* api_insp.c - inspection and supervision through the API (docs/inspection.md
 * "Programmes", "Cases"): programmes with their items, cases (JSON a page at a time, or
 * CSV/XLSX) with their history and each step, the imports of past records. Every endpoint
 * needs the inspection right (403 without it, whatever the record); a record outside the
 * actor's subtree does not exist (404). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_insp.h"
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

/* A whole-number query parameter name into *out (0 when absent); -1 with a problem. */
static int query_num(struct req *r, const char *name, long lo, long hi, long *out)
{
	const char *v = req_query(r, name);
	char *end;
	long n;

	*out = 0;
	if (!v || !v[0])
		return 0;
	n = strtol(v, &end, 10);
	if (*end || n < lo || n > hi) {
		err_add(&r->e, ERR_USAGE, 0, name, v, NULL, "%s is a whole number from %ld to %ld",
			name, lo, hi);
		return -1;
	}
	*out = n;
	return 0;
}

/* The right first: without it the answer is 403 whatever else the request holds. */
static int need_right(struct req *r)
{
	if (app_inspection_check(r->app, &r->actor, 0, &r->e)) {
		reply_problem(r);
		return -1;
	}
	return 0;
}

/* An id member of body as text (buf), NULL when absent. */
static const char *id_text(json_t *body, const char *name, char *buf, size_t cap)
{
	json_t *v = json_object_get(body, name);

	if (!json_is_integer(v))
		return NULL;
	snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
	return buf;
}

/* ---- programmes ---------------------------------------------------------------------- */

struct plist {
	json_t *items;
	struct api_page *p;
};

static int prog_item(void *ctx, const struct insp_programme *pr)
{
	struct plist *l = ctx;

	if (api_page_take(l->p))
		json_array_append_new(l->items, app_insp_programme_json(pr));
	return 0;
}

/* GET /api/v1/inspection/programmes?org=&year=&kind=&body= */
void api_insp_programme_list(struct req *r)
{
	struct insp_programme_query q;
	struct api_page p;
	struct plist l;
	long year;
	json_t *j;

	if (need_right(r))
		return;
	memset(&q, 0, sizeof q);
	if (api_page_init(r, &p, 100, 1000) || query_num(r, "year", 1900, 2199, &year)) {
		reply_problem(r);
		return;
	}
	q.year = (int)year;
	q.org = req_query(r, "org");
	q.kind = req_query(r, "kind");
	q.body = req_query(r, "body");
	l.items = json_array();
	l.p = &p;
	if (app_insp_programme_list(r->app, &r->actor, &q, prog_item, &l, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}

static int item_push(void *ctx, const struct insp_item *it)
{
	json_array_append_new(ctx, app_insp_item_json(it));
	return 0;
}

static void reply_programme(struct req *r, int status, int64_t id)
{
	struct insp_programme p;
	json_t *j, *items = json_array();
	char loc[80];

	if (app_insp_programme_get(r->app, &r->actor, id, &p, &r->e) ||
	    app_insp_programme_items(r->app, &r->actor, id, item_push, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	j = app_insp_programme_json(&p);
	json_object_set_new(j, "items_list", items);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/inspection/programmes/%lld", (long long)id);
	api_created(r, loc, j);
}

/* GET /api/v1/inspection/programmes/{id}: with its items (items_list). */
void api_insp_programme_get(struct req *r)
{
	int64_t id;

	if (need_right(r))
		return;
	if (api_path_id(r, 0, "programme", &id)) {
		reply_problem(r);
		return;
	}
	reply_programme(r, 200, id);
}

static const struct api_field prog_fields[] = {
	{"org", AT_STRING, 1},   {"body", AT_STRING, 1},        {"year", AT_COUNT, 1},
	{"kind", AT_STRING, 1},  {"title", AT_STRING, 1},       {"approved_on", AT_STRING, 0},
	{"doc_no", AT_STRING, 0}, {NULL, 0, 0},
};

/* POST /api/v1/inspection/programmes: 201 with the programme. */
void api_insp_programme_add(struct req *r)
{
	struct insp_programme_in in;
	struct insp_programme p;
	char year[24];
	json_t *body;

	if (need_right(r))
		return;
	if (!(body = api_body_or_reply(r, prog_fields)))
		return;
	snprintf(year, sizeof year, "%lld",
		 (long long)json_integer_value(json_object_get(body, "year")));
	in.org = api_str(body, "org");
	in.body = api_str(body, "body");
	in.year = year;
	in.kind = api_str(body, "kind");
	in.title = api_str(body, "title");
	in.approved_on = api_str(body, "approved_on");
	in.doc_no = api_str(body, "doc_no");
	if (app_insp_programme_add(r->app, &r->actor, &in, &p, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_programme(r, 201, p.id);
}

static const struct api_field item_fields[] = {
	{"org", AT_STRING, 0},  {"member_id", AT_ID, 0}, {"kind", AT_STRING, 1},
	{"from", AT_STRING, 1}, {"to", AT_STRING, 1},    {"content", AT_STRING, 1},
	{NULL, 0, 0},
};

/* POST /api/v1/inspection/programmes/{id}/items: 201 with the item. */
void api_insp_item_add(struct req *r)
{
	struct insp_item_in in;
	struct insp_item it;
	char mid[24], loc[80];
	json_t *body;
	int64_t id;

	if (need_right(r))
		return;
	if (api_path_id(r, 0, "programme", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, item_fields)))
		return;
	in.org = api_str(body, "org");
	in.member_id = id_text(body, "member_id", mid, sizeof mid);
	in.kind = api_str(body, "kind");
	in.from = api_str(body, "from");
	in.to = api_str(body, "to");
	in.content = api_str(body, "content");
	if (app_insp_item_add(r->app, &r->actor, id, &in, &it, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	snprintf(loc, sizeof loc, "/api/v1/inspection/programmes/%lld", (long long)id);
	api_created(r, loc, app_insp_item_json(&it));
}

/* DELETE /api/v1/inspection/items/{id}: the item marked deleted (kept). */
void api_insp_item_remove(struct req *r)
{
	int64_t id;

	if (need_right(r))
		return;
	if (api_path_id(r, 0, "item", &id) ||
	    app_insp_item_remove(r->app, &r->actor, id, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:s,s:I}", "done", "removed", "id", (json_int_t)id));
}

/* ---- cases --------------------------------------------------------------------------- */

struct clist {
	struct req *r;
	json_t *items;
	struct api_page *p;
};

static int case_item(void *ctx, const struct insp_case *c)
{
	struct clist *l = ctx;

	if (api_page_take(l->p))
		json_array_append_new(l->items, app_insp_case_json(l->r->app, c));
	return 0;
}

/* GET /api/v1/inspection/cases?org=&year=&kind=&state=&late=&programme=&format= */
void api_insp_case_list(struct req *r)
{
	struct insp_case_query q;
	struct api_page p;
	struct clist l;
	long year, late, prog;
	int fmt;
	json_t *j;

	if (need_right(r))
		return;
	memset(&q, 0, sizeof q);
	fmt = format_of(r);
	if (fmt < 0 || api_page_init(r, &p, 100, 1000) ||
	    query_num(r, "year", 1900, 2199, &year) || query_num(r, "late", 0, 1, &late) ||
	    query_num(r, "programme", 1, 0x7fffffffL, &prog)) {
		reply_problem(r);
		return;
	}
	q.year = (int)year;
	q.late = (int)late;
	q.programme_id = prog;
	q.org = req_query(r, "org");
	q.kind = req_query(r, "kind");
	q.state = req_query(r, "state");
	if (fmt > 0) {
		long long len;
		int fd;

		if (app_insp_case_export(r->app, &r->actor, &q, fmt == 2 ? TABLE_XLSX : TABLE_CSV,
					 &fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV,
			     fmt == 2 ? "cases.xlsx" : "cases.csv");
		req_header(r, "Vary", "Accept");
		return;
	}
	l.r = r;
	l.items = json_array();
	l.p = &p;
	if (app_insp_case_list(r->app, &r->actor, &q, case_item, &l, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

static int event_push(void *ctx, const struct insp_event *ev)
{
	json_array_append_new(ctx, app_insp_event_json(ev));
	return 0;
}

static void reply_case(struct req *r, int status, int64_t id)
{
	struct insp_case c;
	json_t *j, *h = json_array();
	char loc[80];

	if (app_insp_case_get(r->app, &r->actor, id, &c, &r->e) ||
	    app_insp_case_history(r->app, &r->actor, id, event_push, h, &r->e)) {
		json_decref(h);
		reply_problem(r);
		return;
	}
	j = app_insp_case_json(r->app, &c);
	json_object_set_new(j, "history", h);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/inspection/cases/%lld", (long long)id);
	api_created(r, loc, j);
}

/* GET /api/v1/inspection/cases/{id}: with its history. */
void api_insp_case_get(struct req *r)
{
	int64_t id;

	if (need_right(r))
		return;
	if (api_path_id(r, 0, "case", &id)) {
		reply_problem(r);
		return;
	}
	reply_case(r, 200, id);
}

static const struct api_field open_fields[] = {
	{"item_id", AT_ID, 0},       {"org", AT_STRING, 0},      {"member_id", AT_ID, 0},
	{"body_org", AT_STRING, 0},  {"body", AT_STRING, 0},     {"kind", AT_STRING, 0},
	{"decision_no", AT_STRING, 1}, {"decision_on", AT_STRING, 1}, {"team", AT_STRING, 0},
	{"from", AT_STRING, 1},      {"to", AT_STRING, 1},       {"content", AT_STRING, 0},
	{NULL, 0, 0},
};

/* POST /api/v1/inspection/cases: open a case; 201 with it. */
void api_insp_case_open(struct req *r)
{
	struct insp_open_in in;
	struct insp_case c;
	char item[24], mid[24];
	json_t *body;

	if (need_right(r))
		return;
	if (!(body = api_body_or_reply(r, open_fields)))
		return;
	in.item_id = id_text(body, "item_id", item, sizeof item);
	in.org = api_str(body, "org");
	in.member_id = id_text(body, "member_id", mid, sizeof mid);
	in.body_org = api_str(body, "body_org");
	in.body = api_str(body, "body");
	in.kind = api_str(body, "kind");
	in.decision_no = api_str(body, "decision_no");
	in.decision_on = api_str(body, "decision_on");
	in.team = api_str(body, "team");
	in.from = api_str(body, "from");
	in.to = api_str(body, "to");
	in.content = api_str(body, "content");
	if (app_insp_case_open(r->app, &r->actor, &in, &c, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_case(r, 201, c.id);
}

static const struct api_field step_fields[] = {
	{"on", AT_STRING, 1},         {"doc_no", AT_STRING, 0},   {"findings", AT_STRING, 0},
	{"conclusion", AT_STRING, 0}, {"proposal", AT_STRING, 0}, {"text", AT_STRING, 0},
	{NULL, 0, 0},
};

static void step(struct req *r, enum insp_action act)
{
	struct insp_step_in in;
	json_t *body;
	int64_t id;

	if (need_right(r))
		return;
	if (api_path_id(r, 0, "case", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, step_fields)))
		return;
	in.on = api_str(body, "on");
	in.doc_no = api_str(body, "doc_no");
	in.findings = api_str(body, "findings");
	in.conclusion = api_str(body, "conclusion");
	in.proposal = api_str(body, "proposal");
	in.text = api_str(body, "text");
	if (app_insp_case_step(r->app, &r->actor, id, act, &in, NULL, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_case(r, 200, id);
}

/* POST /api/v1/inspection/cases/{id}/conclude {on, conclusion, proposal, findings, doc_no} */
void api_insp_case_conclude(struct req *r)
{
	step(r, IA_CONCLUDE);
}

/* POST /api/v1/inspection/cases/{id}/notify {on, doc_no, text} */
void api_insp_case_notify(struct req *r)
{
	step(r, IA_NOTIFY);
}

/* POST /api/v1/inspection/cases/{id}/followup {on, text} */
void api_insp_case_followup(struct req *r)
{
	step(r, IA_FOLLOWUP);
}

/* POST /api/v1/inspection/cases/{id}/close {on, text} */
void api_insp_case_close(struct req *r)
{
	step(r, IA_CLOSE);
}
