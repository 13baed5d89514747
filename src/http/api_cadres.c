/* api_cadres.c - key cadres (issue 13, docs/cadres.md): the catalogue of position kinds, an
 * organisation's positions, flags, rotations, committees and vacancy report; a position with
 * its holders and the events appoint, dismiss, transfer and rotate; a committee with its
 * members, seats filled and left. Access is the app's: a record outside the actor's subtree
 * does not exist (404), a viewer's writes are refused (403). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres_io.h"
#include "../app/app_plan.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "../lib/csv.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ?format=csv|xlsx (or an Accept asking for one): the list q as a download, named name
 * (.csv/.xlsx added), and 1; 1 too after a problem replied; 0 for JSON. */
static int exported(struct req *r, const struct cadres_list_query *q, const char *name)
{
	const char *f = req_query(r, "format"), *acc = r->accept ? r->accept : "";
	char fname[64];
	long long len;
	int fmt = 0, fd;

	if (f && f[0]) {
		if (!strcmp(f, "csv"))
			fmt = 1;
		else if (!strcmp(f, "xlsx"))
			fmt = 2;
		else if (strcmp(f, "json")) {
			err_add(&r->e, ERR_USAGE, 0, "format", f, NULL,
				"format must be json, csv or xlsx");
			reply_problem(r);
			return 1;
		}
	} else if (strstr(acc, CT_XLSX)) {
		fmt = 2;
	} else if (strcasestr(acc, "text/csv")) {
		fmt = 1;
	}
	if (!fmt)
		return 0;
	if (app_cadres_export(r->app, &r->actor, q, fmt == 2 ? TABLE_XLSX : TABLE_CSV, &fd, &len,
			      &r->e)) {
		reply_problem(r);
		return 1;
	}
	snprintf(fname, sizeof fname, "%s.%s", name, fmt == 2 ? "xlsx" : "csv");
	api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV, fname);
	req_header(r, "Vary", "Accept");
	return 1;
}

static const char *text_of(json_t *body, const char *name)
{
	const char *v = api_str(body, name);

	return v ? v : "";
}

static int push_kind(void *ctx, const struct position_kind *k)
{
	json_array_append_new(ctx, json_pack("{s:s,s:s,s:b,s:s?,s:b,s:s,s:s}", "code", k->code,
					     "side", k->side, "key", k->key, "pair",
					     k->pair[0] ? k->pair : NULL, "several", k->multi,
					     "name_vi", k->name_vi, "name_en", k->name_en));
	return 0;
}

/* GET /api/v1/position-kinds */
void api_pkinds(struct req *r)
{
	json_t *items = json_array();
	long spre, slast;

	if (app_scope(r->app, &r->actor, &spre, &slast, &r->e) ||
	    app_pkinds(r->app, push_kind, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

struct pos_ctx {
	struct req *r;
	json_t *items;
	date_t on;
	int failed;
};

static int push_holding(void *ctx, const struct holding *h)
{
	json_array_append_new(ctx, app_holding_json(h));
	return 0;
}

static int push_position(void *ctx, const struct position *p)
{
	struct pos_ctx *c = ctx;
	json_t *j = app_position_json(p), *h = json_array();

	if (app_holdings(c->r->app, &c->r->actor, p->id, c->on, push_holding, h, &c->r->e)) {
		json_decref(j);
		json_decref(h);
		c->failed = 1;
		return 1;
	}
	json_object_set_new(j, "holders", h);
	json_array_append_new(c->items, j);
	return 0;
}

/* GET /api/v1/orgs/{code}/positions?as_of=: the positions in force with their holders. */
void api_org_positions(struct req *r)
{
	struct pos_ctx c = {r, NULL, DATE_NONE, 0};

	if (api_query_date(r, "as_of", &c.on)) {
		reply_problem(r);
		return;
	}
	{
		struct cadres_list_query q = {CL_POSITIONS, r->pathv[0], 0, c.on, 0};

		if (exported(r, &q, "positions"))
			return;
	}
	c.items = json_array();
	if (app_positions(r->app, &r->actor, r->pathv[0], c.on,
			  push_position, &c, &r->e) || c.failed) {
		json_decref(c.items);
		reply_problem(r);
		return;
	}
	c.on = c.on == DATE_NONE ? r->app->today : c.on;
	api_reply_list(r, json_pack("{s:s,s:o,s:o}", "org", r->pathv[0], "as_of", json_date(c.on),
				    "items", c.items));
}

/* A position with its history (as_of DATE_NONE) or its holders of a day. */
static void reply_position(struct req *r, int status, const struct position *p, date_t as_of)
{
	json_t *j = app_position_json(p), *h = json_array();
	char loc[64];

	if (app_holdings(r->app, &r->actor, p->id, as_of, push_holding, h, &r->e)) {
		json_decref(j);
		json_decref(h);
		reply_problem(r);
		return;
	}
	json_object_set_new(j, as_of == DATE_NONE ? "history" : "holders", h);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/positions/%lld", (long long)p->id);
	api_created(r, loc, j);
}

static const struct api_field position_fields[] = {
	{"kind", AT_STRING, 1}, {"seats", AT_COUNT, 0}, {"key", AT_BOOL, 0},
	{"on", AT_DATE, 0}, {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/positions {"kind", "seats", "key", "on"} */
void api_org_position_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, position_fields);
	struct position p;
	int key;

	if (!body)
		return;
	key = json_object_get(body, "key") ? api_bool(body, "key", 0) : -1;
	if (app_position_add(r->app, &r->actor, r->pathv[0], text_of(body, "kind"),
			     api_count(body, "seats", 0), key, api_date(body, "on"), &p, &r->e))
		reply_problem(r);
	else
		reply_position(r, 201, &p, DATE_NONE);
	json_decref(body);
}

static int path_position(struct req *r, struct position *p)
{
	int64_t id;

	if (api_path_id(r, 0, "position", &id) ||
	    app_position_ref(r->app, &r->actor, r->pathv[0], DATE_NONE, p, &r->e)) {
		reply_problem(r);
		return -1;
	}
	return 0;
}

/* GET /api/v1/positions/{id}?as_of= */
void api_position_get(struct req *r)
{
	struct position p;
	date_t as_of;

	if (api_query_date(r, "as_of", &as_of)) {
		reply_problem(r);
		return;
	}
	if (path_position(r, &p) == 0) {
		struct cadres_list_query q = {CL_HOLDINGS, NULL, p.id, as_of, 0};

		if (!exported(r, &q, "holdings"))
			reply_position(r, 200, &p, as_of);
	}
}

static const struct api_field event_fields[] = {
	{"member_id", AT_ID, 1}, {"decision", AT_STRING, 1}, {"decided_on", AT_DATE, 1},
	{"body", AT_STRING, 1}, {"on", AT_DATE, 0}, {"acting", AT_BOOL, 0},
	{"reason", AT_STRING, 0}, {"to", AT_ID, 0}, {"rotate", AT_BOOL, 0}, {NULL, 0, 0},
};

static void read_decision(json_t *body, struct cadre_decision *d)
{
	d->number = text_of(body, "decision");
	d->decided_on = api_date(body, "decided_on");
	d->body_code = text_of(body, "body");
}

static int64_t id_of(json_t *body, const char *name)
{
	return (int64_t)json_integer_value(json_object_get(body, name));
}

static void reply_holding(struct req *r, const struct holding *h)
{
	char loc[64];

	snprintf(loc, sizeof loc, "/api/v1/positions/%lld", (long long)h->position_id);
	api_created(r, loc, app_holding_json(h));
}

/* POST /api/v1/positions/{id}/appointments {"member_id", "decision", "decided_on", "body",
 * "acting", "on"}: 201 with the holding. */
void api_position_appoint(struct req *r)
{
	json_t *body = api_body_or_reply(r, event_fields);
	struct cadre_decision d;
	struct position p;
	struct holding h;

	if (!body)
		return;
	read_decision(body, &d);
	if (path_position(r, &p) == 0) {
		if (app_appoint(r->app, &r->actor, id_of(body, "member_id"), p.id, &d,
				api_bool(body, "acting", 0), api_date(body, "on"), &h, &r->e))
			reply_problem(r);
		else
			reply_holding(r, &h);
	}
	json_decref(body);
}

/* POST /api/v1/positions/{id}/dismissals {"member_id", "decision", "decided_on", "body",
 * "reason", "on"}: 200 with the position's history. */
void api_position_dismiss(struct req *r)
{
	json_t *body = api_body_or_reply(r, event_fields);
	struct cadre_decision d;
	struct position p;

	if (!body)
		return;
	read_decision(body, &d);
	if (path_position(r, &p) == 0) {
		if (app_dismiss(r->app, &r->actor, id_of(body, "member_id"), p.id, &d,
				text_of(body, "reason"), api_date(body, "on"), &r->e))
			reply_problem(r);
		else
			reply_position(r, 200, &p, DATE_NONE);
	}
	json_decref(body);
}

/* POST /api/v1/positions/{id}/transfers {"member_id", "to", "rotate", "acting", "decision",
 * "decided_on", "body", "on"}: the holder of this position moves to position "to" (a
 * rotation when "rotate"); 201 with the new holding. */
void api_position_transfer(struct req *r)
{
	json_t *body = api_body_or_reply(r, event_fields);
	struct cadre_decision d;
	struct position p, to;
	struct holding h;
	char ref[24];

	if (!body)
		return;
	read_decision(body, &d);
	snprintf(ref, sizeof ref, "%lld", (long long)id_of(body, "to"));
	if (path_position(r, &p) == 0) {
		if (!json_object_get(body, "to")) {
			err_add(&r->e, ERR_INPUT, 0, "to", NULL, NULL,
				"the new post is required: \"to\": its id");
			reply_problem(r);
		} else if (app_position_ref(r->app, &r->actor, ref, DATE_NONE, &to, &r->e) ||
			   app_post_transfer(r->app, &r->actor, id_of(body, "member_id"), p.id,
					     to.id, &d, api_bool(body, "rotate", 0),
					     api_bool(body, "acting", 0), api_date(body, "on"), &h,
					     &r->e))
			reply_problem(r);
		else
			reply_holding(r, &h);
	}
	json_decref(body);
}

static int push_flag(void *ctx, const struct org_flag *f)
{
	json_array_append_new(ctx, app_flag_json(f));
	return 0;
}

/* GET /api/v1/orgs/{code}/flags: the flags' history. */
void api_org_flags(struct req *r)
{
	json_t *items = json_array();

	if (app_org_flags(r->app, &r->actor, r->pathv[0], push_flag, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:o}", "org", r->pathv[0], "items", items));
}

static const struct api_field flag_fields[] = {
	{"flag", AT_STRING, 1}, {"set", AT_BOOL, 0}, {"on", AT_DATE, 0},
	{"decision", AT_STRING, 0}, {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/flags {"flag", "set" (default true), "on", "decision"} */
void api_org_flag_set(struct req *r)
{
	json_t *body = api_body_or_reply(r, flag_fields);

	if (!body)
		return;
	if (app_org_flag(r->app, &r->actor, r->pathv[0], text_of(body, "flag"),
			 api_bool(body, "set", 1), api_date(body, "on"), text_of(body, "decision"),
			 &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	api_org_flags(r);
}

/* GET /api/v1/orgs/{code}/rotations?year=: the rotations of a year in the subtree. */
void api_org_rotations(struct req *r)
{
	const char *y = req_query(r, "year");
	json_t *items = json_array();
	long n, dif, bor, fl;
	char *end;
	long year = y ? strtol(y, &end, 10) : 0;

	if (!y || *end)
		year = 0;
	{
		struct cadres_list_query q = {CL_ROTATIONS, r->pathv[0], 0, DATE_NONE, (int)year};

		if (exported(r, &q, "rotations")) {
			json_decref(items);
			return;
		}
	}
	if (app_rotations(r->app, &r->actor, r->pathv[0], (int)year, push_holding, items, &n,
			  &dif, &bor, &fl, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:i,s:I,s:I,s:I,s:I,s:o}", "org", r->pathv[0], "year",
				    (int)year, "rotations", (json_int_t)n,
				    "to_difficult_or_border", (json_int_t)fl, "to_difficult",
				    (json_int_t)dif, "to_border", (json_int_t)bor, "items", items));
}

static int push_committee(void *ctx, const struct committee *c)
{
	json_array_append_new(ctx, app_committee_json(c));
	return 0;
}

/* GET /api/v1/orgs/{code}/committees: newest term first. */
void api_org_committees(struct req *r)
{
	struct cadres_list_query q = {CL_COMMITTEES, r->pathv[0], 0, DATE_NONE, 0};
	json_t *items;

	if (exported(r, &q, "committees"))
		return;
	items = json_array();
	if (app_committees(r->app, &r->actor, r->pathv[0], push_committee, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:o}", "org", r->pathv[0], "items", items));
}

static int push_cmember(void *ctx, const struct committee_member *m)
{
	json_array_append_new(ctx, app_cmember_json(m));
	return 0;
}

/* A committee with its members on on (history: every seat). */
static void reply_committee(struct req *r, int status, int64_t id, date_t on, int history)
{
	struct committee c;
	json_t *j, *mem = json_array();
	char loc[64];

	on = on == DATE_NONE ? r->app->today : on;
	if (app_committee_get(r->app, &r->actor, id, &c, &r->e) ||
	    app_committee_seated(r->app, &r->actor, id, on, &c.members, &c.standing, &r->e) ||
	    app_cmembers(r->app, &r->actor, id, history ? DATE_NONE : on, push_cmember, mem,
			 &r->e)) {
		json_decref(mem);
		reply_problem(r);
		return;
	}
	j = app_committee_json(&c);
	json_object_set_new(j, "as_of", json_date(on));
	json_object_set_new(j, "seated", json_integer(c.members));
	json_object_set_new(j, "standing", json_integer(c.standing));
	json_object_set_new(j, "vacant", json_integer(c.seats > c.members ? c.seats - c.members
									   : 0));
	json_object_set_new(j, "members", mem);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/committees/%lld", (long long)id);
	api_created(r, loc, j);
}

static const struct api_field committee_fields[] = {
	{"term_start", AT_DATE, 1}, {"seats", AT_COUNT, 1}, {"standing_seats", AT_COUNT, 0},
	{"decision", AT_STRING, 0}, {"body", AT_STRING, 0}, {NULL, 0, 0},
};

/* POST /api/v1/orgs/{code}/committees {"term_start", "seats", "standing_seats", "decision",
 * "body"}: 201 with the committee (its term's end by R-COMMITTEE-TERM-YEARS). */
void api_org_committee_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, committee_fields);
	struct cadre_decision d = {NULL, DATE_NONE, NULL};
	struct committee c;

	if (!body)
		return;
	d.number = api_str(body, "decision");
	d.body_code = api_str(body, "body");
	if (app_committee_add(r->app, &r->actor, r->pathv[0], api_date(body, "term_start"),
			      api_count(body, "seats", 0), api_count(body, "standing_seats", 0), &d,
			      &c, &r->e))
		reply_problem(r);
	else
		reply_committee(r, 201, c.id, c.term_start, 0);
	json_decref(body);
}

/* GET /api/v1/committees/{id}?as_of=&history=1 */
void api_committee_get(struct req *r)
{
	const char *h = req_query(r, "history");
	date_t on;
	int64_t id;

	if (api_query_date(r, "as_of", &on) || api_path_id(r, 0, "committee", &id)) {
		reply_problem(r);
		return;
	}
	{
		struct cadres_list_query q = {CL_CMEMBERS, NULL, id,
					      h && !strcmp(h, "1") ? DATE_NONE
							       : on == DATE_NONE ? r->app->today : on,
					      0};

		if (exported(r, &q, "committee"))
			return;
	}
	reply_committee(r, 200, id, on, h && !strcmp(h, "1"));
}

static const struct api_field seat_fields[] = {
	{"seats", AT_ARRAY, 1}, {"how", AT_STRING, 0}, {"decision", AT_STRING, 0},
	{"on", AT_DATE, 0}, {NULL, 0, 0},
};
static const struct api_field seat_item_fields[] = {
	{"member_id", AT_ID, 1}, {"role", AT_STRING, 1}, {NULL, 0, 0},
};

/* POST /api/v1/committees/{id}/members {"seats": [{"member_id", "role"}], "how" (election or
 * appointment), "decision", "on"}: all or nothing; 200 with the committee. */
void api_committee_seat(struct req *r)
{
	json_t *body = api_body_or_reply(r, seat_fields), *arr, *it;
	struct committee_seat *s = NULL;
	const char *how;
	date_t on;
	int64_t id;
	size_t i, n;

	if (!body)
		return;
	if (api_path_id(r, 0, "committee", &id))
		goto fail;
	arr = json_object_get(body, "seats");
	n = json_array_size(arr);
	s = xcalloc(n ? n : 1, sizeof *s);
	json_array_foreach(arr, i, it) {
		if (!json_is_object(it)) {
			err_add(&r->e, ERR_INPUT, (long)i + 1, "seats", NULL, NULL,
				"each seat is an object {\"member_id\", \"role\"}");
			continue;
		}
		if (api_check_fields(r, it, seat_item_fields, (long)i + 1))
			continue;
		s[i].member_id = id_of(it, "member_id");
		s[i].role = json_string_value(json_object_get(it, "role"));
	}
	if (r->e.code)
		goto fail;
	how = api_str(body, "how");
	on = api_date(body, "on");
	if (app_committee_fill(r->app, &r->actor, id, s, n, on, how && how[0] ? how : "election",
			       api_str(body, "decision"), &r->e))
		goto fail;
	free(s);
	json_decref(body);
	reply_committee(r, 200, id, on, 0);
	return;
fail:
	free(s);
	json_decref(body);
	reply_problem(r);
}

static const struct api_field leave_fields[] = {
	{"member_id", AT_ID, 1}, {"reason", AT_STRING, 1}, {"on", AT_DATE, 0}, {NULL, 0, 0},
};

/* POST /api/v1/committees/{id}/departures {"member_id", "reason", "on"}: 200 with the
 * committee on that day. */
void api_committee_leave(struct req *r)
{
	json_t *body = api_body_or_reply(r, leave_fields);
	int64_t id;
	date_t on;

	if (!body)
		return;
	on = api_date(body, "on");
	if (api_path_id(r, 0, "committee", &id) ||
	    app_committee_leave(r->app, &r->actor, id, id_of(body, "member_id"), on,
				text_of(body, "reason"), &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_committee(r, 200, id, on, 0);
}

/* GET /api/v1/orgs/{code}/vacancies?as_of=&format=csv: the vacancy report of the subtree in
 * priority order. */
void api_org_vacancies(struct req *r)
{
	const char *f = req_query(r, "format");
	struct vacancy *v;
	json_t *items;
	size_t n, i;
	date_t as_of;

	if (f && !strcmp(f, "xlsx")) {
		struct cadres_list_query q = {CL_VACANCIES, r->pathv[0], 0, DATE_NONE, 0};

		if (api_query_date(r, "as_of", &q.as_of))
			reply_problem(r);
		else
			exported(r, &q, "vacancies");
		return;
	}
	if (api_query_date(r, "as_of", &as_of) ||
	    app_vacancies(r->app, &r->actor, r->pathv[0], as_of, &v, &n, &r->e)) {
		reply_problem(r);
		return;
	}
	as_of = as_of == DATE_NONE ? r->app->today : as_of;
	if (f && !strcmp(f, "csv")) {
		FILE *out = tmpfile();
		static const char *const head[] = {"priority", "org", "org_name", "what", "kind",
						   "state", "seats", "filled", "acting", "since",
						   "days"};
		struct buf b;

		if (!out) {
			free(v);
			err_set(&r->e, ERR_STORAGE, "no room for the report");
			reply_problem(r);
			return;
		}
		buf_init(&b, 0);
		csv_write_record(&b, head, 11);
		for (i = 0; i < n; i++) {
			char c[6][24];
			const char *row[11];

			snprintf(c[0], 24, "%d", v[i].priority);
			snprintf(c[1], 24, "%ld", v[i].seats);
			snprintf(c[2], 24, "%ld", v[i].filled);
			snprintf(c[3], 24, "%ld", v[i].acting);
			date_format(v[i].since, c[4]);
			snprintf(c[5], 24, "%ld", (long)(as_of - v[i].since));
			row[0] = c[0];
			row[1] = v[i].org_code;
			row[2] = v[i].org_name;
			row[3] = v[i].what;
			row[4] = v[i].kind;
			row[5] = v[i].state;
			row[6] = c[1];
			row[7] = c[2];
			row[8] = c[3];
			row[9] = c[4];
			row[10] = c[5];
			csv_write_record(&b, row, 11);
		}
		fwrite(buf_str(&b), 1, b.len, out);
		buf_cleanup(&b);
		free(v);
		api_reply_file(r, out, "text/csv; charset=utf-8", "vacancies.csv");
		return;
	}
	/* the planning columns of the rows of the page asked (?offset=&limit=; the whole list
	 * when no limit) */
	{
		struct api_page pg;
		size_t from, to;

		if (api_page_init(r, &pg, 0, API_LIST_MAX)) {
			free(v);
			reply_problem(r);
			return;
		}
		from = (size_t)pg.offset < n ? (size_t)pg.offset : n;
		to = pg.limit && (size_t)pg.limit < n - from ? from + (size_t)pg.limit : n;
		if (app_plan_vacancy_fill(r->app, &r->actor, v + from, to - from, as_of, &r->e)) {
			free(v);
			reply_problem(r);
			return;
		}
	}
	items = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(items, app_vacancy_json(&v[i], as_of));
	free(v);
	api_reply_list(r, json_pack("{s:s,s:o,s:o}", "org", r->pathv[0], "as_of", json_date(as_of),
				    "items", items));
}

/* GET /api/v1/members/{id}/holdings?format=: the positions a member held and holds, oldest
 * first. */
void api_member_holdings(struct req *r)
{
	struct cadres_list_query q = {CL_MEMBER, NULL, 0, DATE_NONE, 0};
	json_t *items;

	if (api_path_id(r, 0, "member", &q.id)) {
		reply_problem(r);
		return;
	}
	if (exported(r, &q, "holdings"))
		return;
	items = json_array();
	if (app_member_holdings(r->app, &r->actor, q.id, push_holding, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:I,s:o}", "member_id", (json_int_t)q.id, "items", items));
}
