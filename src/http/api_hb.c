/* api_hb.c - the members' handbook in the JSON API: /api/v1/me/... for a member's own
 * account (its home, record, reviews, self-assessment, action plans) and a cell's member
 * accounts for its clerk (docs/handbook.md). */
#include <string.h>

#include "../app/app_hb.h"
#include "api.h"

static json_t *plan_json(const struct hb_plan *p)
{
	return json_pack("{s:i,s:s,s:s,s:o,s:o,s:b}", "year", p->year, "commitments",
			 p->commitments, "results", p->results, "written_on",
			 json_date(p->written_on), "reported_on", json_date(p->reported_on),
			 "reported", p->reported_on != DATE_NONE && p->results[0]);
}

/* GET /api/v1/me: what is due. */
void api_hb_home(struct req *r)
{
	struct hb_home h;

	if (app_hb_home(r->app, &r->actor, &h, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200,
		   json_pack("{s:I,s:s,s:s,s:s,s:i,s:s,s:{s:i,s:b,s:o,s:o,s:b}}", "member_id",
			     (json_int_t)h.member_id, "name", h.full_name, "org", h.org_code,
			     "org_name", h.org_name, "year", h.year, "plan",
			     h.plan == 2 ? "reported" : h.plan == 1 ? "written" : "none",
			     "self_assessment", "year", h.self_year, "open", h.self_open, "grade",
			     h.self_grade >= 0 ? json_string(grade_name((enum grade)h.self_grade))
					       : json_null(),
			     "score", h.self_score >= 0 ? json_integer(h.self_score) : json_null(),
			     "decided", h.decided));
}

/* GET /api/v1/me/record: the member's own record (read-only; audited). */
void api_hb_record(struct req *r)
{
	struct member m;

	if (app_hb_record(r->app, &r->actor, &m, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_member(&m));
}

static int review_one(void *ctx, const struct review_rec *v)
{
	json_array_append_new(
		ctx, json_pack("{s:i,s:s,s:o,s:o,s:o,s:b}", "year", v->year, "step",
			       review_step_name(v->step), "grade",
			       v->grade == G_NONE ? json_null() : json_string(grade_name(v->grade)),
			       "score", v->score >= 0 ? json_integer(v->score) : json_null(),
			       "date", json_date(v->date), "current", v->current));
	return 0;
}

/* GET /api/v1/me/reviews: the member's own review steps, oldest first. */
void api_hb_reviews(struct req *r)
{
	json_t *items = json_array();

	if (app_hb_reviews(r->app, &r->actor, review_one, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

static const struct api_field self_fields[] = {
	{"year", AT_COUNT, 1},
	{"score", AT_COUNT, 0},
	{"grade", AT_STRING, 0},
	{NULL, 0, 0},
};

/* POST /api/v1/me/self-assessment {"year", "score", "grade"}. */
void api_hb_self(struct req *r)
{
	json_t *body = api_body_or_reply(r, self_fields);
	const char *gv;
	int g = G_NONE;
	long score;

	if (!body)
		return;
	gv = api_str(body, "grade");
	score = api_count(body, "score", -1);
	if (gv && gv[0] && (g = grade_parse(gv)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "grade", gv, NULL,
			"the grade is one of excellent, good, complete, not_complete");
	if (r->e.code || app_hb_self(r->app, &r->actor, (int)api_count(body, "year", 0),
				     score > 100 ? 101 : (int)score, (enum grade)g, &r->e)) {
		reply_problem(r);
		json_decref(body);
		return;
	}
	json_decref(body);
	api_hb_home(r);
	r->status = 201;
}

static int plan_one(void *ctx, const struct hb_plan *p)
{
	json_array_append_new(ctx, plan_json(p));
	return 0;
}

/* GET /api/v1/me/plans: every plan of the member, newest year first. */
void api_hb_plans(struct req *r)
{
	json_t *items = json_array();

	if (app_hb_plans(r->app, &r->actor, plan_one, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

/* The year of the path: a problem (404, as for no such plan) when it is not one. */
static int path_year(struct req *r, int *year)
{
	int64_t y;

	if (api_path_id(r, 0, "plan", &y) || y < 1930 || y > 9999) {
		if (!r->e.code)
			err_set(&r->e, ERR_NOTFOUND, "no plan for the year %s", r->pathv[0]);
		return -1;
	}
	*year = (int)y;
	return 0;
}

/* GET /api/v1/me/plans/{year}. */
void api_hb_plan(struct req *r)
{
	struct hb_plan p;
	int year;

	if (path_year(r, &year) || app_hb_plan(r->app, &r->actor, year, &p, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, plan_json(&p));
}

static const struct api_field plan_fields[] = {
	{"commitments", AT_STRING, 1},
	{NULL, 0, 0},
};
static const struct api_field results_fields[] = {
	{"results", AT_STRING, 1},
	{NULL, 0, 0},
};

static void plan_change(struct req *r, int results)
{
	json_t *body = api_body_or_reply(r, results ? results_fields : plan_fields);
	int year;
	enum err_code rc;

	if (!body)
		return;
	if (path_year(r, &year)) {
		reply_problem(r);
		json_decref(body);
		return;
	}
	rc = results ? app_hb_plan_report(r->app, &r->actor, year, api_str(body, "results"), &r->e)
		     : app_hb_plan_write(r->app, &r->actor, year, api_str(body, "commitments"),
					 &r->e);
	json_decref(body);
	if (rc) {
		reply_problem(r);
		return;
	}
	api_hb_plan(r);
}

/* PUT /api/v1/me/plans/{year} {"commitments"}: write (or rewrite) the plan. */
void api_hb_plan_put(struct req *r)
{
	plan_change(r, 0);
}

/* POST /api/v1/me/plans/{year}/results {"results"}. */
void api_hb_plan_results(struct req *r)
{
	plan_change(r, 1);
}

static json_t *meeting_json(const struct hb_meeting *m)
{
	return json_pack("{s:I,s:o,s:i,s:i,s:s,s:s,s:s,s:s,s:s,s:o,s:s}", "id", (json_int_t)m->id,
			 "date", json_date(m->on_date), "starts_min", m->starts_min, "ends_min",
			 m->ends_min, "kind", m->kind, "state", m->state, "topic", m->topic, "agenda",
			 m->agenda, "org_name", m->org_name, "attendance",
			 m->status[0] ? json_string(m->status) : json_null(), "reason", m->reason);
}

static int meeting_one(void *ctx, const struct hb_meeting *m)
{
	json_array_append_new(ctx, meeting_json(m));
	return 0;
}

/* GET /api/v1/me/meetings: the cell's meetings and those the member is listed at, upcoming
 * (soonest first) and past (newest first, the last 24), each with the member's attendance. */
void api_hb_meetings(struct req *r)
{
	json_t *up = json_array(), *past = json_array();

	if (app_hb_meetings(r->app, &r->actor, 1, 12, meeting_one, up, &r->e) ||
	    app_hb_meetings(r->app, &r->actor, 0, 24, meeting_one, past, &r->e)) {
		json_decref(up);
		json_decref(past);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:o,s:o}", "upcoming", up, "past", past));
}

static int att_one(void *ctx, const char *name, const char *status)
{
	json_array_append_new(ctx, json_pack("{s:s,s:s}", "name", name, "status", status));
	return 0;
}

/* GET /api/v1/me/meetings/{id}: one of them; "roll" (names and statuses) only when the
 * member was present, else null. */
void api_hb_meeting(struct req *r)
{
	struct hb_meeting m;
	json_t *roll = json_array(), *j;
	int64_t id;

	if (api_path_id(r, 0, "meeting", &id) ||
	    app_hb_meeting(r->app, &r->actor, id, &m, att_one, roll, &r->e)) {
		json_decref(roll);
		reply_problem(r);
		return;
	}
	j = meeting_json(&m);
	if (strcmp(m.status, "present")) {
		json_decref(roll);
		roll = json_null();
	}
	json_object_set_new(j, "roll", roll);
	reply_json(r, 200, j);
}

static int doc_one(void *ctx, const struct hb_doc *d)
{
	json_array_append_new(ctx, json_pack("{s:I,s:s,s:s,s:o,s:o,s:b,s:o}", "id",
					     (json_int_t)d->id, "number", d->number, "title",
					     d->title, "issued_on", json_date(d->issued_on),
					     "deadline", json_date(d->deadline), "studied",
					     d->covered, "confirmed_on",
					     json_date(d->confirmed_on)));
	return 0;
}

/* GET /api/v1/me/documents: the documents the member is to study, newest first. */
void api_hb_docs(struct req *r)
{
	json_t *items = json_array();

	if (app_hb_docs(r->app, &r->actor, doc_one, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

/* POST /api/v1/me/documents/{id}/studied: "I have studied it" (today). */
void api_hb_studied(struct req *r)
{
	int64_t id;
	int added = 0;

	if (api_path_id(r, 0, "document", &id) ||
	    app_hb_study_confirm(r->app, &r->actor, id, &added, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, added ? 201 : 200,
		   json_pack("{s:I,s:b}", "document_id", (json_int_t)id, "added", added));
}

static const struct api_field accounts_fields[] = {
	{"reissue", AT_BOOL, 0},
	{NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/member-accounts {"reissue"}: the cell's member accounts made,
 * with their codes (shown in this answer only). */
void api_hb_accounts(struct req *r)
{
	json_t *body = api_body_or_reply(r, accounts_fields), *arr;
	struct hb_sheet s;
	char d[DATE_STR];
	size_t i;

	if (!body)
		return;
	if (app_hb_accounts(r->app, &r->actor, r->pathv[0], api_bool(body, "reissue", 0), &s,
			    &r->e)) {
		json_decref(body);
		api_hide_org(r, r->pathv[0]);
		reply_problem(r);
		return;
	}
	json_decref(body);
	arr = json_array();
	for (i = 0; i < s.n; i++) {
		const struct hb_sheet_row *w = &s.rows[i];

		json_array_append_new(
			arr, json_pack("{s:I,s:s,s:s,s:s?,s:s}", "member_id", (json_int_t)w->member_id,
				       "name", w->full_name, "login", w->login, "code",
				       w->made ? w->code : NULL, "state",
				       w->made == 1 ? "made" : w->made == 2 ? "new_code" : "had_account"));
	}
	reply_json(r, 201,
		   json_pack("{s:s,s:s,s:s,s:i,s:i,s:i,s:o}", "org", s.org_code, "org_name",
			     s.org_name, "expires", date_format(s.expires, d), "made", (int)s.made,
			     "new_codes", (int)s.renewed, "had_account", (int)s.skipped, "accounts",
			     arr));
	hb_sheet_cleanup(&s);
}
