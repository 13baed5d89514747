/* api_study.c - documents and their study (issue 12, docs/study.md): the register (JSON, or
 * the whole list as CSV or XLSX), a document with its plans and sessions, its coverage with
 * the drill-down, plans, sessions, attendance and confirmations added, and the action
 * programmes with their items and results. Access is the app's: a record outside the actor's
 * subtree does not exist (404), a viewer's writes are refused (403). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_study.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

static const char *text_of(json_t *body, const char *name)
{
	const char *v = api_str(body, name);

	return v ? v : "";
}

static int push_doc(void *ctx, const struct doc *d)
{
	json_array_append_new(ctx, app_doc_json(d));
	return 0;
}

static int push_plan(void *ctx, const struct study_plan *p)
{
	json_array_append_new(ctx, app_study_plan_json(p));
	return 0;
}

static int push_session(void *ctx, const struct study_session *s)
{
	json_array_append_new(ctx, app_study_session_json(s));
	return 0;
}

/* GET /api/v1/documents?q=&format=: the documents the actor sees, newest first; q searches
 * the number and title without accents. format csv or xlsx: the whole list as a file. */
void api_doc_list(struct req *r)
{
	const char *q = req_query(r, "q"), *f = req_query(r, "format");
	json_t *items;

	if (f && f[0] && strcmp(f, "json")) {
		long long len;
		int fd, xlsx = !strcmp(f, "xlsx");

		if (!xlsx && strcmp(f, "csv")) {
			err_add(&r->e, ERR_USAGE, 0, "format", f, NULL,
				"format must be json, csv or xlsx");
			reply_problem(r);
			return;
		}
		if (app_doc_export(r->app, &r->actor, q, xlsx, &fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len, xlsx ? CT_XLSX : CT_CSV,
			     xlsx ? "documents.xlsx" : "documents.csv");
		return;
	}
	items = json_array();
	if (app_doc_list(r->app, &r->actor, q, push_doc, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

static const struct api_field doc_add_fields[] = {
	{"number", AT_STRING, 1}, {"issued_on", AT_DATE, 1}, {"title", AT_STRING, 1},
	{"replaces", AT_STRING, 0}, {"org", AT_STRING, 0}, {NULL, 0, 0},
};

/* The document with what replaces it, its plans and its sessions seen by the actor. */
static void reply_doc(struct req *r, int status, const struct doc *d)
{
	json_t *j = app_doc_json(d), *rb = json_array(), *pl = json_array(), *ss = json_array();
	char loc[64];

	if (app_doc_replaced_by(r->app, &r->actor, d->id, push_doc, rb, &r->e) ||
	    app_study_plans(r->app, &r->actor, d->id, push_plan, pl, &r->e) ||
	    app_study_sessions(r->app, &r->actor, d->id, push_session, ss, &r->e)) {
		json_decref(j);
		json_decref(rb);
		json_decref(pl);
		json_decref(ss);
		reply_problem(r);
		return;
	}
	json_object_set_new(j, "replaced_by", rb);
	json_object_set_new(j, "plans", pl);
	json_object_set_new(j, "sessions", ss);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/documents/%lld", (long long)d->id);
	api_created(r, loc, j);
}

/* POST /api/v1/documents {"number", "issued_on", "title", "replaces", "org"}: 201 with the
 * document; 422 naming the byte of a number that cannot be read. */
void api_doc_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, doc_add_fields);
	struct doc d;

	if (!body)
		return;
	if (app_doc_add(r->app, &r->actor, text_of(body, "number"), api_date(body, "issued_on"),
			text_of(body, "title"), text_of(body, "replaces"), text_of(body, "org"), &d,
			&r->e))
		reply_problem(r);
	else
		reply_doc(r, 201, &d);
	json_decref(body);
}

/* The document of the path's first {id}; 0, or -1 after answering 404. */
static int path_doc(struct req *r, struct doc *d)
{
	int64_t id;

	if (api_path_id(r, 0, "document", &id) || app_doc_get(r->app, &r->actor, id, d, &r->e)) {
		reply_problem(r);
		return -1;
	}
	return 0;
}

/* GET /api/v1/documents/{id} */
void api_doc_get(struct req *r)
{
	struct doc d;

	if (path_doc(r, &d) == 0)
		reply_doc(r, 200, &d);
}

static int push_cov(void *ctx, const struct study_org_cov *c)
{
	json_array_append_new(ctx, app_study_cov_json(c));
	return 0;
}

/* GET /api/v1/documents/{id}/coverage?org=&as_of=: the coverage of the subtree; "orgs" every
 * organisation with members (its subtree's figures, "studied"), "missing" the codes of those
 * that have not studied it. A past as_of answers members and covered only. */
void api_doc_coverage(struct req *r)
{
	struct doc d;
	struct study_coverage cov;
	const char *org = req_query(r, "org");
	date_t as_of = DATE_NONE;
	json_t *orgs, *missing;
	size_t i;

	if (api_query_date(r, "as_of", &as_of)) {
		reply_problem(r);
		return;
	}
	if (path_doc(r, &d))
		return;
	orgs = json_array();
	if (app_study_coverage(r->app, &r->actor, d.id, org && org[0] ? org : NULL, as_of, &cov,
			       push_cov, orgs, &r->e)) {
		json_decref(orgs);
		reply_problem(r);
		return;
	}
	missing = json_array();
	for (i = 0; i < json_array_size(orgs); i++) {
		json_t *o = json_array_get(orgs, i);

		if (!json_is_true(json_object_get(o, "studied")))
			json_array_append(missing, json_object_get(o, "org"));
	}
	reply_json(r, 200,
		   json_pack("{s:s,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:b,s:o,s:o}", "document", d.number,
			     "as_of", json_date(as_of == DATE_NONE ? r->app->today : as_of),
			     "members", (json_int_t)cov.members, "covered", (json_int_t)cov.covered,
			     "orgs_total", (json_int_t)cov.orgs, "orgs_studied",
			     (json_int_t)cov.orgs_studied, "committees", (json_int_t)cov.committees,
			     "committees_studied", (json_int_t)cov.committees_studied,
			     "all_committees_studied",
			     cov.committees > 0 && cov.committees == cov.committees_studied, "orgs",
			     orgs, "missing", missing));
}

static const struct api_field plan_fields[] = {
	{"org", AT_STRING, 1}, {"audience", AT_STRING, 0}, {"tier", AT_STRING, 0},
	{"category", AT_STRING, 0}, {"deadline", AT_DATE, 0}, {"note", AT_STRING, 0},
	{NULL, 0, 0},
};

/* POST /api/v1/documents/{id}/plans {"org", "audience", "tier", "category", "deadline",
 * "note"}: 201 with the plan. */
void api_doc_plan_add(struct req *r)
{
	struct doc d;
	struct study_plan p;
	json_t *body;

	if (path_doc(r, &d) || !(body = api_body_or_reply(r, plan_fields)))
		return;
	memset(&p, 0, sizeof p);
	snprintf(p.org_code, sizeof p.org_code, "%s", text_of(body, "org"));
	snprintf(p.audience_code, sizeof p.audience_code, "%s", text_of(body, "audience"));
	snprintf(p.tier, sizeof p.tier, "%s", api_str(body, "tier") ? text_of(body, "tier") : "all");
	snprintf(p.category, sizeof p.category, "%s", text_of(body, "category"));
	snprintf(p.note, sizeof p.note, "%s", text_of(body, "note"));
	p.deadline = api_date(body, "deadline");
	if (app_study_plan_add(r->app, &r->actor, d.id, &p, &r->e))
		reply_problem(r);
	else
		reply_json(r, 201, app_study_plan_json(&p));
	json_decref(body);
}

static const struct api_field session_fields[] = {
	{"org", AT_STRING, 1}, {"date", AT_DATE, 1}, {"starts", AT_STRING, 0},
	{"ends", AT_STRING, 0}, {"topic", AT_STRING, 0}, {"makeup_of", AT_ID, 0}, {NULL, 0, 0},
};

/* HH:MM of a body member, def when absent; -1 with a problem. */
static int body_hhmm(struct req *r, json_t *body, const char *name, int def)
{
	const char *v = api_str(body, name);
	int h, m;
	char extra;

	if (!v || !v[0])
		return def;
	if (sscanf(v, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "a time is HH:MM (07:30)");
		return -1;
	}
	return h * 60 + m;
}

/* POST /api/v1/documents/{id}/sessions {"org", "date", "starts", "ends", "topic",
 * "makeup_of"}: 201 with the session (a meeting of kind study). */
void api_doc_session_add(struct req *r)
{
	struct doc d;
	struct study_session s;
	json_t *body, *mk;

	if (path_doc(r, &d) || !(body = api_body_or_reply(r, session_fields)))
		return;
	memset(&s, 0, sizeof s);
	s.document_id = d.id;
	snprintf(s.org_code, sizeof s.org_code, "%s", text_of(body, "org"));
	snprintf(s.topic, sizeof s.topic, "%s",
		 api_str(body, "topic") ? text_of(body, "topic") : d.title);
	s.on_date = api_date(body, "date");
	mk = json_object_get(body, "makeup_of");
	s.makeup_of = json_is_integer(mk) ? (int64_t)json_integer_value(mk) : 0;
	s.starts_min = body_hhmm(r, body, "starts", 7 * 60 + 30);
	s.ends_min = body_hhmm(r, body, "ends", 11 * 60);
	if (r->e.code || app_study_session_add(r->app, &r->actor, &s, &r->e))
		reply_problem(r);
	else
		reply_json(r, 201, app_study_session_json(&s));
	json_decref(body);
}

static const struct api_field attend_fields[] = {
	{"member_id", AT_ID, 1}, {"status", AT_STRING, 1}, {"reason", AT_STRING, 0},
	{NULL, 0, 0},
};

/* POST /api/v1/study-sessions/{id}/attendance {"member_id", "status", "reason"}: 200 with the
 * session's counts. */
void api_session_attend(struct req *r)
{
	struct study_session s;
	json_t *body;
	int64_t id;

	if (api_path_id(r, 0, "study session", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, attend_fields)))
		return;
	if (app_study_attend(r->app, &r->actor, id,
			     (int64_t)json_integer_value(json_object_get(body, "member_id")),
			     text_of(body, "status"), text_of(body, "reason"), &r->e) ||
	    app_study_session_get(r->app, &r->actor, id, &s, &r->e))
		reply_problem(r);
	else
		reply_json(r, 200, app_study_session_json(&s));
	json_decref(body);
}

static const struct api_field confirm_fields[] = {
	{"member_id", AT_ID, 1}, {"date", AT_DATE, 0}, {NULL, 0, 0},
};

/* POST /api/v1/documents/{id}/confirmations {"member_id", "date"}: a member confirms having
 * studied the document (201; 200 when it was already confirmed). */
void api_doc_confirm(struct req *r)
{
	struct doc d;
	json_t *body;
	int64_t mid;
	int added = 0;

	if (path_doc(r, &d) || !(body = api_body_or_reply(r, confirm_fields)))
		return;
	mid = (int64_t)json_integer_value(json_object_get(body, "member_id"));
	if (app_study_confirm(r->app, &r->actor, d.id, mid, api_date(body, "date"), &added, &r->e))
		reply_problem(r);
	else
		reply_json(r, added ? 201 : 200,
			   json_pack("{s:s,s:I,s:b}", "document", d.number, "member_id",
				     (json_int_t)mid, "added", added));
	json_decref(body);
}

/* ---- action programmes ---------------------------------------------------------------- */

static int push_prog(void *ctx, const struct action_programme *p)
{
	json_array_append_new(ctx, app_action_json(p));
	return 0;
}

static int push_item(void *ctx, const struct action_item *it)
{
	json_array_append_new(ctx, app_action_item_json(it));
	return 0;
}

/* GET /api/v1/action-programmes?org=&year=&document=ID */
void api_action_list(struct req *r)
{
	const char *org = req_query(r, "org"), *y = req_query(r, "year"),
		   *doc = req_query(r, "document");
	json_t *items;
	long year = 0, docid = 0;
	char *end;

	if (y && y[0]) {
		year = strtol(y, &end, 10);
		if (*end || year < 1900 || year > 9999)
			err_add(&r->e, ERR_USAGE, 0, "year", y, NULL, "the year is YYYY");
	}
	if (doc && doc[0]) {
		docid = strtol(doc, &end, 10);
		if (*end || docid <= 0)
			err_add(&r->e, ERR_USAGE, 0, "document", doc, NULL,
				"document is a document's id");
	}
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_action_list(r->app, &r->actor, org && org[0] ? org : NULL, docid, (int)year,
			    push_prog, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

static void reply_prog(struct req *r, int status, int64_t id)
{
	struct action_programme p;
	json_t *items = json_array(), *j;
	char loc[64];

	if (app_action_get(r->app, &r->actor, id, &p, &r->e) ||
	    app_action_items(r->app, &r->actor, id, push_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	j = app_action_json(&p);
	json_object_set_new(j, "items", items);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/action-programmes/%lld", (long long)id);
	api_created(r, loc, j);
}

static const struct api_field prog_fields[] = {
	{"org", AT_STRING, 1}, {"document_id", AT_ID, 1}, {"year", AT_COUNT, 1},
	{"title", AT_STRING, 1}, {NULL, 0, 0},
};

/* POST /api/v1/action-programmes {"org", "document_id", "year", "title"} */
void api_action_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, prog_fields);
	struct action_programme p;

	if (!body)
		return;
	memset(&p, 0, sizeof p);
	snprintf(p.org_code, sizeof p.org_code, "%s", text_of(body, "org"));
	snprintf(p.title, sizeof p.title, "%s", text_of(body, "title"));
	p.document_id = (int64_t)json_integer_value(json_object_get(body, "document_id"));
	p.year = (int)api_count(body, "year", 0);
	if (app_action_add(r->app, &r->actor, &p, &r->e))
		reply_problem(r);
	else
		reply_prog(r, 201, p.id);
	json_decref(body);
}

/* GET /api/v1/action-programmes/{id}: the programme with its items. */
void api_action_get(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "action programme", &id)) {
		reply_problem(r);
		return;
	}
	reply_prog(r, 200, id);
}

static const struct api_field item_fields[] = {
	{"text", AT_STRING, 1}, {"owner", AT_STRING, 0}, {"due_on", AT_DATE, 0}, {NULL, 0, 0},
};

/* POST /api/v1/action-programmes/{id}/items {"text", "owner", "due_on"} */
void api_action_item_add(struct req *r)
{
	struct action_item it;
	json_t *body;
	int64_t id;

	if (api_path_id(r, 0, "action programme", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, item_fields)))
		return;
	memset(&it, 0, sizeof it);
	snprintf(it.text, sizeof it.text, "%s", text_of(body, "text"));
	snprintf(it.owner, sizeof it.owner, "%s", text_of(body, "owner"));
	it.due_on = api_date(body, "due_on");
	if (app_action_item_add(r->app, &r->actor, id, &it, &r->e))
		reply_problem(r);
	else
		reply_prog(r, 201, id);
	json_decref(body);
}

static const struct api_field result_fields[] = {
	{"done", AT_BOOL, 1}, {"result", AT_STRING, 0}, {"date", AT_DATE, 0}, {NULL, 0, 0},
};

/* POST /api/v1/action-programmes/{id}/items/{seq}/result {"done", "result", "date"} */
void api_action_result(struct req *r)
{
	json_t *body;
	int64_t id, seq;

	if (api_path_id(r, 0, "action programme", &id) || api_path_id(r, 1, "item", &seq)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, result_fields)))
		return;
	if (app_action_result(r->app, &r->actor, id, (int)seq, api_bool(body, "done", 0),
			      text_of(body, "result"), api_date(body, "date"), &r->e))
		reply_problem(r);
	else
		reply_prog(r, 200, id);
	json_decref(body);
}
