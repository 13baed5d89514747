/* api_emulation.c - emulation models and ratings: the models with every version (GET), a new
 * version (POST, system administrators), a subtree's ratings for a year (GET) and the rating
 * of a cell (POST), each answered as app_emulation_* decides. */
#include <string.h>

#include "../app/app_report.h"
#include "../lib/mem.h"
#include "../web/web.h"
#include "api.h"

#define YEAR_MIN 1930
#define YEAR_MAX 9999

static const struct api_field model_fields[] = {
	{"code", AT_STRING, 1}, {"name", AT_STRING, 1}, {"criteria", AT_CODES, 1},
	{"required", AT_COUNT, 1}, {"from", AT_DATE, 0}, {"source", AT_STRING, 0},
	{NULL, AT_STRING, 0},
};
static const struct api_field rate_fields[] = {
	{"model", AT_STRING, 1}, {"year", AT_ID, 1}, {"met", AT_ARRAY, 1}, {NULL, AT_STRING, 0},
};

static int model_item(void *ctx, const struct emulation_model_rec *m)
{
	json_emulation_models_add(ctx, m);
	return 0;
}

/* GET /api/v1/emulation-models?code=CODE: every model (or one: 404 when there is none) with
 * every version, the one in force today marked. */
void api_emulation_models(struct req *r)
{
	const char *code = req_query(r, "code");
	json_t *items = json_array();

	if (app_emulation_models(r->app, &r->actor, code, model_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o,s:o}", "today", json_date(r->app->today), "items",
				     items));
}

struct version_find {
	int version;
	json_t *j;
};

static int version_find(void *ctx, const struct emulation_model_rec *m)
{
	struct version_find *f = ctx;

	if (m->version == f->version) {
		json_decref(f->j);
		f->j = json_emulation_version(m);
	}
	return 0;
}

/* POST /api/v1/emulation-models {"code", "name", "criteria": [...], "required", "from",
 * "source"}: a version of a model, or the first of a new one (system administrators only;
 * 201, the version). */
void api_emulation_model_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, model_fields), *crit, *x;
	const char **texts;
	struct emulation_in in;
	struct version_find f = {0, NULL};
	size_t i;

	if (!body)
		return;
	crit = json_object_get(body, "criteria");
	texts = xcalloc(json_array_size(crit) + 1, sizeof *texts);
	json_array_foreach(crit, i, x) texts[i] = json_string_value(x);
	memset(&in, 0, sizeof in);
	in.code = api_str(body, "code");
	in.name = api_str(body, "name");
	in.source = api_str(body, "source");
	in.criteria = texts;
	in.ncriteria = json_array_size(crit);
	in.required = api_count(body, "required", -1);
	in.from = api_date(body, "from");
	if (app_emulation_add(r->app, &r->actor, &in, &f.version, &r->e) ||
	    app_emulation_models(r->app, &r->actor, in.code, version_find, &f, &r->e) || !f.j) {
		if (!r->e.code)
			err_set(&r->e, ERR_INTERNAL, "the version was stored but cannot be read back");
		json_decref(f.j);
		reply_problem(r);
	} else {
		struct buf loc;

		buf_init(&loc, 0);
		buf_adds(&loc, "/api/v1/emulation-models?code=");
		web_url_arg(&loc, in.code);
		api_created(r, buf_str(&loc), f.j);
		buf_cleanup(&loc);
	}
	free(texts);
	json_decref(body);
}

static int rating_item(void *ctx, const struct emulation_rating_rec *v)
{
	json_array_append_new(ctx, json_emulation_rating(v));
	return 0;
}

/* GET /api/v1/orgs/{code}/emulation?year=Y: the ratings of the subtree (every year when year
 * is absent), each with the version it was judged against; current marks the newest of a
 * cell, year and model. */
void api_emulation_ratings(struct req *r)
{
	long year = req_query_long(r, "year", 0, YEAR_MIN, YEAR_MAX);
	json_t *items;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_emulation_ratings(r->app, &r->actor, r->pathv[0], (int)year, rating_item, items,
				  &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:o,s:o}", "org_code", r->pathv[0], "year",
				     year ? json_integer(year) : json_null(), "items", items));
}

struct rating_find {
	int64_t id;
	json_t *j;
};

static int rating_find(void *ctx, const struct emulation_rating_rec *v)
{
	struct rating_find *f = ctx;

	if (v->id == f->id)
		f->j = json_emulation_rating(v);
	return 0;
}

/* POST /api/v1/orgs/{code}/emulation {"model", "year", "met": [true, false, ...]}: rate the
 * cell (201, the rating with the version applied). */
void api_emulation_rate(struct req *r)
{
	json_t *body = api_body_or_reply(r, rate_fields), *met, *x;
	struct rating_find f = {0, NULL};
	json_int_t year;
	int *v;
	size_t i, n;

	if (!body)
		return;
	met = json_object_get(body, "met");
	n = json_array_size(met);
	v = xcalloc(n + 1, sizeof *v);
	json_array_foreach(met, i, x) {
		if (!json_is_boolean(x)) {
			err_add(&r->e, ERR_INPUT, 0, "met", NULL, NULL,
				"met[%zu] is not true or false: give for each criterion, in the "
				"model's order, whether it was met", i);
			break;
		}
		v[i] = json_is_true(x);
	}
	year = json_integer_value(json_object_get(body, "year"));
	if (year > YEAR_MAX)
		year = YEAR_MAX + 1; /* refused by the app in its own words */
	if (r->e.code ||
	    app_emulation_rate(r->app, &r->actor, r->pathv[0], api_str(body, "model"), (int)year,
			       v, n, &f.id, &r->e) ||
	    app_emulation_ratings(r->app, &r->actor, r->pathv[0], (int)year, rating_find, &f,
				  &r->e) || !f.j) {
		if (!r->e.code)
			err_set(&r->e, ERR_INTERNAL, "the rating was stored but cannot be read back");
		json_decref(f.j);
		api_hide_org(r, r->pathv[0]);
		reply_problem(r);
	} else {
		struct buf loc;

		buf_init(&loc, 0);
		buf_adds(&loc, "/api/v1/orgs/");
		web_url_arg(&loc, r->pathv[0]);
		buf_printf(&loc, "/emulation?year=%d", (int)year);
		api_created(r, buf_str(&loc), f.j);
		buf_cleanup(&loc);
	}
	free(v);
	json_decref(body);
}
