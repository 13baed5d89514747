/* api_plan.c - personnel planning (docs/cadres.md "Planning"): periods, an organisation's
 * plan (as of a version) with its judged candidates and targets, its versions (approve,
 * review), successors (add, remove, re-rank), the criteria in force and a dated criterion,
 * the targets. Every endpoint needs the personnel right (403 without it, whatever the
 * record); an organisation outside the actor's subtree does not exist (404). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_plan.h"
#include "api.h"

/* 403 unless the actor holds the right (before any body is read). */
static int need_right(struct req *r)
{
	if (app_personnel_check(r->app, &r->actor, 0, &r->e)) {
		reply_problem(r);
		return -1;
	}
	return 0;
}

/* A whole number from the query (def when absent); -1 and a problem when not one. */
static int query_int(struct req *r, const char *name, int def, int *out)
{
	const char *v = req_query(r, name);
	char *end;
	long n;

	*out = def;
	if (!v || !v[0])
		return 0;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 100000) {
		err_add(&r->e, ERR_USAGE, 0, name, v, NULL, "%s is a whole number", name);
		return -1;
	}
	*out = (int)n;
	return 0;
}

/* A whole number member of a checked body (def when absent or null). */
static int body_int(json_t *body, const char *name, int def)
{
	json_t *v = json_object_get(body, name);

	return json_is_integer(v) ? (int)json_integer_value(v) : def;
}

static int period_item(void *ctx, const struct plan_period *p)
{
	json_array_append_new(ctx, app_plan_period_json(p));
	return 0;
}

/* GET /api/v1/plan-periods */
void api_plan_periods(struct req *r)
{
	json_t *arr;

	if (need_right(r))
		return;
	arr = json_array();
	if (app_plan_periods(r->app, &r->actor, period_item, arr, &r->e)) {
		json_decref(arr);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", arr));
}

static const struct api_field period_fields[] = {
	{"code", AT_STRING, 1}, {"from_year", AT_COUNT, 1}, {"to_year", AT_COUNT, 1},
	{NULL, 0, 0},
};

/* POST /api/v1/plan-periods {"code", "from_year", "to_year"}: 201 (system administrator). */
void api_plan_period_add(struct req *r)
{
	struct plan_period p;
	json_t *body;

	if (need_right(r) || !(body = api_body_or_reply(r, period_fields)))
		return;
	if (app_plan_period_add(r->app, &r->actor, api_str(body, "code"),
				(int)api_count(body, "from_year", 0),
				(int)api_count(body, "to_year", 0), &p, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	api_created(r, "/api/v1/plan-periods", app_plan_period_json(&p));
}

/* The plan of the path's organisation for ?period= / the body's period, as of version. */
static void reply_plan(struct req *r, int status, const char *period, int version)
{
	struct plan_view v;
	json_t *j;

	if (app_plan_get(r->app, &r->actor, period, r->pathv[0], version, &v, &r->e)) {
		reply_problem(r);
		return;
	}
	j = app_plan_json(&v);
	plan_view_free(&v);
	reply_json(r, status, j);
}

/* GET /api/v1/orgs/{code}/plan?period=&version=&format=json|csv|xlsx (a download: a row a
 * planned successor, with whether ready and the criteria not met) */
void api_plan_get(struct req *r)
{
	const char *f = req_query(r, "format");
	struct plan_view v;
	long long len;
	int version, fd, x;
	enum err_code rc;

	if (need_right(r))
		return;
	if (query_int(r, "version", 0, &version)) {
		reply_problem(r);
		return;
	}
	if (!f || !f[0] || !strcmp(f, "json")) {
		reply_plan(r, 200, req_query(r, "period"), version);
		return;
	}
	if (strcmp(f, "csv") && strcmp(f, "xlsx")) {
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
		reply_problem(r);
		return;
	}
	x = !strcmp(f, "xlsx");
	if (app_plan_get(r->app, &r->actor, req_query(r, "period"), r->pathv[0], version, &v,
			 &r->e)) {
		reply_problem(r);
		return;
	}
	rc = app_plan_export(r->app, &v, x ? TABLE_XLSX : TABLE_CSV, &fd, &len, &r->e);
	plan_view_free(&v);
	if (rc) {
		reply_problem(r);
		return;
	}
	api_reply_fd(r, fd, (unsigned long long)len,
		     x ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		       : "text/csv; charset=utf-8",
		     x ? "plan.xlsx" : "plan.csv");
}

/* GET /api/v1/orgs/{code}/plan/versions?period= */
void api_plan_versions(struct req *r)
{
	struct plan_view v;
	json_t *arr;
	size_t i;

	if (need_right(r))
		return;
	if (app_plan_get(r->app, &r->actor, req_query(r, "period"), r->pathv[0], 0, &v, &r->e)) {
		reply_problem(r);
		return;
	}
	arr = json_array();
	for (i = 0; i < v.nversions; i++)
		json_array_append_new(arr, app_plan_version_json(&v.versions[i]));
	api_reply_list(r, json_pack("{s:s,s:s,s:o}", "period", v.period.code, "org", v.org.code,
				    "items", arr));
	plan_view_free(&v);
}

static const struct api_field version_fields[] = {
	{"period", AT_STRING, 0},  {"review", AT_BOOL, 0},     {"year", AT_COUNT, 0},
	{"decision", AT_STRING, 0}, {"decided_on", AT_DATE, 0}, {"body", AT_STRING, 0},
	{"note", AT_STRING, 0},     {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/plan/versions {"review": false} approves (version 1), {"review":
 * true, "year"} reviews: 201 with the version. */
void api_plan_version_add(struct req *r)
{
	struct cadre_decision d;
	struct plan_version v;
	json_t *body;
	int review;

	if (need_right(r) || !(body = api_body_or_reply(r, version_fields)))
		return;
	review = api_bool(body, "review", 0);
	if (review && !json_is_integer(json_object_get(body, "year"))) {
		json_decref(body);
		err_add(&r->e, ERR_USAGE, 0, "year", NULL, NULL, "a review gives its year");
		reply_problem(r);
		return;
	}
	memset(&d, 0, sizeof d);
	d.number = api_str(body, "decision");
	d.decided_on = api_date(body, "decided_on");
	d.body_code = api_str(body, "body");
	if (app_plan_version_add(r->app, &r->actor, api_str(body, "period"), r->pathv[0], review,
				 body_int(body, "year", 0), &d, api_str(body, "note"), &v,
				 &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	{
		char loc[ORG_CODE_MAX + 40];

		snprintf(loc, sizeof loc, "/api/v1/orgs/%s/plan/versions", v.org_code);
		api_created(r, loc, app_plan_version_json(&v));
	}
}

static const struct api_field succ_fields[] = {
	{"period", AT_STRING, 0}, {"position", AT_STRING, 1}, {"member_id", AT_ID, 1},
	{"rank", AT_COUNT, 0},    {"reason", AT_STRING, 0},   {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/plan/successors[/remove|/rerank]: what 0 add, 1 remove, 2
 * re-rank; 200 with the plan's latest version. */
static void succ_change(struct req *r, int what)
{
	json_t *body;
	const char *period;
	int64_t member;
	int rank;
	enum err_code rc;

	if (need_right(r) || !(body = api_body_or_reply(r, succ_fields)))
		return;
	period = api_str(body, "period");
	member = (int64_t)json_integer_value(json_object_get(body, "member_id"));
	rank = (int)api_count(body, "rank", 0);
	if (what == 2 && rank < 1) {
		json_decref(body);
		err_add(&r->e, ERR_USAGE, 0, "rank", NULL, NULL, "give the new rank");
		reply_problem(r);
		return;
	}
	if (what == 0)
		rc = app_plan_add(r->app, &r->actor, period, r->pathv[0], api_str(body, "position"),
				  member, rank < 0 ? 0 : rank, api_str(body, "reason"), &r->e);
	else if (what == 1)
		rc = app_plan_remove(r->app, &r->actor, period, r->pathv[0],
				     api_str(body, "position"), member, api_str(body, "reason"),
				     &r->e);
	else
		rc = app_plan_rerank(r->app, &r->actor, period, r->pathv[0],
				     api_str(body, "position"), member, rank,
				     api_str(body, "reason"), &r->e);
	if (rc) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	reply_plan(r, what == 0 ? 201 : 200, period, 0);
	json_decref(body);
}

void api_plan_successor_add(struct req *r)
{
	succ_change(r, 0);
}

void api_plan_successor_remove(struct req *r)
{
	succ_change(r, 1);
}

void api_plan_successor_rerank(struct req *r)
{
	succ_change(r, 2);
}

static int crit_item(void *ctx, const struct plan_criterion_row *c)
{
	json_array_append_new(ctx, app_plan_criterion_json(c));
	return 0;
}

/* GET /api/v1/plan-criteria?kind=&as_of= */
void api_plan_criteria(struct req *r)
{
	json_t *arr;
	date_t on;

	if (need_right(r))
		return;
	if (api_query_date(r, "as_of", &on)) {
		reply_problem(r);
		return;
	}
	arr = json_array();
	if (app_plan_criteria(r->app, &r->actor, req_query(r, "kind"), on, crit_item, arr,
			      &r->e)) {
		json_decref(arr);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", arr));
}

static const struct api_field crit_fields[] = {
	{"kind", AT_STRING, 1}, {"criterion", AT_STRING, 1}, {"value", AT_STRING, 1},
	{"from", AT_DATE, 0},   {"source", AT_STRING, 0},    {NULL, 0, 0},
};

/* POST /api/v1/plan-criteria: a dated row (system administrator); 201. */
void api_plan_criterion_add(struct req *r)
{
	json_t *body;

	if (need_right(r) || !(body = api_body_or_reply(r, crit_fields)))
		return;
	if (app_plan_criterion_set(r->app, &r->actor, api_str(body, "kind"),
				   api_str(body, "criterion"), api_str(body, "value"),
				   api_date(body, "from"), api_str(body, "source"), &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	api_created(r, "/api/v1/plan-criteria", json_pack("{s:s,s:s,s:s}", "kind",
							   api_str(body, "kind"), "criterion",
							   api_str(body, "criterion"), "value",
							   api_str(body, "value")));
	json_decref(body);
}

static void reply_targets(struct req *r, const char *period)
{
	struct plan_view v;
	json_t *j;

	if (app_plan_get(r->app, &r->actor, period, r->pathv[0], 0, &v, &r->e)) {
		reply_problem(r);
		return;
	}
	j = app_plan_json(&v);
	plan_view_free(&v);
	if (!j) {
		reply_json(r, 200, NULL);
		return;
	}
	api_reply_list(r, json_pack("{s:O,s:O,s:O}", "period", json_object_get(j, "period"),
				    "people", json_object_get(j, "people"), "items",
				    json_object_get(j, "targets")));
	json_decref(j);
}

/* GET /api/v1/orgs/{code}/plan/targets?period= */
void api_plan_targets(struct req *r)
{
	if (need_right(r))
		return;
	reply_targets(r, req_query(r, "period"));
}

static const struct api_field target_fields[] = {
	{"period", AT_STRING, 0}, {"target", AT_STRING, 1}, {"pct_min", AT_COUNT, 1},
	{"age_under", AT_COUNT, 0}, {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/plan/targets {"target", "pct_min", "age_under"}: 200 with the
 * targets. */
void api_plan_target_set(struct req *r)
{
	json_t *body;
	const char *period;

	if (need_right(r) || !(body = api_body_or_reply(r, target_fields)))
		return;
	period = api_str(body, "period");
	if (app_plan_target_set(r->app, &r->actor, period, r->pathv[0], api_str(body, "target"),
				(int)api_count(body, "pct_min", 0),
				(int)(api_count(body, "age_under", 0) < 0
					      ? 0
					      : api_count(body, "age_under", 0)),
				&r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	reply_targets(r, period);
	json_decref(body);
}
