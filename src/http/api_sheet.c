/* api_sheet.c - the cadre's own assessments and the cadre's sheet (docs/cadres.md "The
 * cadre's sheet and assessment"): GET and POST /api/v1/members/{id}/assessments, GET
 * /api/v1/members/{id}/cadre-sheet. Every endpoint needs the personnel right (403 without
 * it, whatever the member); a member outside the actor's subtree does not exist (404). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_sheet.h"
#include "../lib/mem.h"
#include "api.h"

static int push_assessment(void *ctx, const struct assessment *x)
{
	json_array_append_new(ctx, app_assessment_json(x));
	return 0;
}

/* GET /api/v1/members/{id}/assessments?all=1: the current assessment of each year, newest
 * first, or every revision. */
void api_assessment_list(struct req *r)
{
	const char *all = req_query(r, "all");
	json_t *items;
	int64_t id;

	if (app_personnel_check(r->app, &r->actor, 0, &r->e) ||
	    api_path_id(r, 0, "member", &id)) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_assessments(r->app, &r->actor, id, all && !strcmp(all, "1"), push_assessment,
			    items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:I,s:o}", "member_id", (json_int_t)id, "items", items));
}

static const struct api_field add_fields[] = {
	{"year", AT_COUNT, 1},        {"self_text", AT_STRING, 1}, {"strengths", AT_STRING, 0},
	{"weaknesses", AT_STRING, 0}, {"health", AT_COUNT, 0},     {"position_id", AT_COUNT, 0},
	{NULL, 0, 0},
};

/* The integer member name of body as text into buf ("" when absent or null). */
static const char *int_text(json_t *body, const char *name, char *buf, size_t cap)
{
	json_t *v = json_object_get(body, name);

	buf[0] = 0;
	if (json_is_integer(v))
		snprintf(buf, cap, "%lld", (long long)json_integer_value(v));
	return buf;
}

/* POST /api/v1/members/{id}/assessments: 201 with the revision stored (a second one of a
 * year replaces the current one, kept as an earlier revision). */
void api_assessment_add(struct req *r)
{
	struct assessment_input in;
	struct assessment *x;
	char year[24], health[24], pos[24], loc[96];
	json_t *body;
	int64_t id;

	if (app_personnel_check(r->app, &r->actor, 0, &r->e) ||
	    api_path_id(r, 0, "member", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, add_fields)))
		return;
	memset(&in, 0, sizeof in);
	in.year = int_text(body, "year", year, sizeof year);
	in.health = int_text(body, "health", health, sizeof health);
	in.position = int_text(body, "position_id", pos, sizeof pos);
	in.self_text = api_str(body, "self_text");
	in.strengths = api_str(body, "strengths");
	in.weaknesses = api_str(body, "weaknesses");
	x = xmalloc(sizeof *x);
	if (app_assessment_add(r->app, &r->actor, id, &in, x, &r->e)) {
		reply_problem(r);
	} else {
		snprintf(loc, sizeof loc, "/api/v1/members/%lld/assessments", (long long)id);
		api_created(r, loc, app_assessment_json(x));
	}
	json_decref(body);
	free(x);
}

/* GET /api/v1/members/{id}/cadre-sheet?as_of=: the cadre's sheet (one audit entry). */
void api_cadre_sheet(struct req *r)
{
	struct cadre_sheet s;
	date_t on;
	int64_t id;

	if (app_personnel_check(r->app, &r->actor, 0, &r->e) ||
	    api_path_id(r, 0, "member", &id) || api_query_date(r, "as_of", &on)) {
		reply_problem(r);
		return;
	}
	if (app_cadre_sheet(r->app, &r->actor, id, on, &s, &r->e))
		reply_problem(r);
	else
		reply_json(r, 200, app_cadre_sheet_json(&s));
	app_cadre_sheet_cleanup(&s);
}
