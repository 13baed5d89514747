/* api_review.c - the yearly quality review (members' and organisations' steps, batches, the
 * cell's form), discipline records, rule versions, and the figures: a report as JSON, CSV or
 * XLSX, the records behind one of its figures, and the roll-up of the whole tree. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app/app_adm_fig.h"
#include "../app/app_report.h"
#include "../app/report_out.h"
#include "../lib/mem.h"
#include "../web/web.h"
#include "api.h"

#define PAGE 50
#define PAGE_MAX 500
#define YEAR_MIN 1930
#define YEAR_MAX 9999

#define CT_JSON "application/json"
#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- small pieces ------------------------------------------------------------------------ */

static int this_year(struct req *r)
{
	int y, m, d;

	date_to_ymd(r->app->today, &y, &m, &d);
	return y;
}

/* ?year=: def when absent; -1 and a problem (400) when not a year. */
static long query_year(struct req *r, long def)
{
	return req_query_long(r, "year", def, YEAR_MIN, YEAR_MAX);
}

/* A grade, or null when none. */
static json_t *grade_json(enum grade g)
{
	return g == G_NONE ? json_null() : json_string(grade_name(g));
}

/* Copy a string member of a checked object into dst (capacity cap) when present; a problem
 * (with line) when too long. */
static void take_text(struct req *r, json_t *o, const char *name, long line, char *dst,
		      size_t cap)
{
	const char *v = api_str(o, name);

	if (!v)
		return;
	if (strlen(v) >= cap) {
		err_add(&r->e, ERR_INPUT, line, name, v, NULL,
			"%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", name,
			strlen(v), cap - 1);
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* An answer too long for memory, written to a temporary file item by item and sent from
 * there (the roll-up of the whole country holds some 60,000 organisations). */
struct jstream {
	FILE *f;
	size_t n;
	int failed;   /* 1: writing failed (err: its errno), 2: an item could not be encoded */
	int err;
	int paged;    /* 1: only the items of pg are written (js_open_list) */
	struct api_page pg;
};

/* Start the answer with head; -1 after answering the problem. */
static int js_open(struct req *r, struct jstream *s, const char *head)
{
	memset(s, 0, sizeof *s);
	if (!(s->f = tmpfile())) {
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary file for the answer: %s",
			strerror(errno));
		reply_problem(r);
		return -1;
	}
	if (fputs(head, s->f) == EOF)
		s->failed = 1;
	return 0;
}

/* Append j (reference stolen); returns nonzero once writing failed (to stop the walk). A
 * NULL j (jansson could not build the item) is a failure too, never an item left out. */
static int js_item(struct jstream *s, json_t *j)
{
	if (s->paged && !api_page_take(&s->pg)) {
		/* Counted for "total", not written. */
		json_decref(j);
		return 0;
	}
	if (!s->failed && !j)
		s->failed = 2;
	errno = 0;
	if (!s->failed && ((s->n++ && fputc(',', s->f) == EOF) ||
			   json_dumpf(j, s->f, JSON_COMPACT | JSON_PRESERVE_ORDER)))
		s->failed = errno ? 1 : 2;
	s->err = s->failed == 1 ? errno : 0;
	json_decref(j);
	return s->failed;
}

/* End with tail and send it; or, when the app call failed (r->e) or writing did, answer the
 * problem. The file is closed either way. */
static void js_close(struct req *r, struct jstream *s, const char *tail)
{
	/* strerror only of an errno that the failure set: a JSON encoding failure sets none
	 * (it said "Success"). */
	if (!r->e.code && s->failed == 2)
		err_set(&r->e, ERR_INTERNAL, "a record could not be written as JSON (its text is not "
			"valid UTF-8)");
	else if (!r->e.code && (s->failed || fputs(tail, s->f) == EOF))
		err_set(&r->e, ERR_STORAGE, "cannot write the answer to a temporary file: %s",
			s->err ? strerror(s->err) : "the disk may be full");
	if (r->e.code) {
		fclose(s->f);
		reply_problem(r);
		return;
	}
	api_reply_file(r, s->f, CT_JSON, NULL);
}

/* Start a list answer ({"items":[...) of the page of the query's offset and limit (default:
 * the whole list); -1 after answering the problem. */
static int js_open_list(struct req *r, struct jstream *s)
{
	struct api_page pg;

	if (api_page_init(r, &pg, 0, 1L << 40)) {
		reply_problem(r);
		return -1;
	}
	if (js_open(r, s, "{\"items\":["))
		return -1;
	s->paged = 1;
	s->pg = pg;
	return 0;
}

/* End a list answer with its total, offset, limit and next, and send it. */
static void js_close_list(struct req *r, struct jstream *s)
{
	json_t *j = json_object();
	char *t;
	struct buf tail;

	api_page_set(r, &s->pg, j);
	t = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	buf_init(&tail, 0);
	/* "]," and the members of the object without its opening brace. */
	buf_adds(&tail, "],");
	buf_adds(&tail, t ? t + 1 : "\"total\":null}");
	buf_addc(&tail, '\n');
	free(t);
	js_close(r, s, buf_str(&tail));
	buf_cleanup(&tail);
}

/* ---- reviews ----------------------------------------------------------------------------- */

static const struct api_field review_fields[] = {
	{"year", AT_ID, 1}, {"step", AT_STRING, 1}, {"grade", AT_STRING, 0},
	{"score", AT_COUNT, 0}, {"date", AT_DATE, 0}, {"reason", AT_STRING, 0},
	{NULL, AT_STRING, 0},
};
/* An item of a batch: the step may be left out (a decision). */
static const struct api_field batch_item_fields[] = {
	{"member_id", AT_ID, 1}, {"year", AT_ID, 1}, {"step", AT_STRING, 0},
	{"grade", AT_STRING, 0}, {"score", AT_COUNT, 0}, {"date", AT_DATE, 0},
	{"reason", AT_STRING, 0}, {NULL, AT_STRING, 0},
};
static const struct api_field batch_fields[] = {
	{"reviews", AT_ARRAY, 1}, {NULL, AT_STRING, 0},
};

/* A review step from a checked object o into ri (line: its place in a batch, else 0). The
 * names are read here; the year, the score and what the grade must be are the app's to
 * check, so numbers too large for it are capped to values it refuses in its own words. */
static void review_take(struct req *r, json_t *o, long line, struct review_in *ri)
{
	const char *step = api_str(o, "step"), *grade = api_str(o, "grade");
	json_int_t year = json_integer_value(json_object_get(o, "year"));
	long score = api_count(o, "score", -1);
	int v;

	memset(ri, 0, sizeof *ri);
	ri->line = line;
	ri->year = (int)(year > YEAR_MAX ? YEAR_MAX + 1 : year);
	ri->score = (int)(score > 1000 ? 1000 : score);
	ri->grade = G_NONE;
	ri->step = RS_DECISION;
	ri->date = api_date(o, "date");
	if (step) {
		v = review_step_parse(step);
		if (v < 0)
			err_add(&r->e, ERR_INPUT, line, "step", step, NULL,
				"step must be self, proposal or decision");
		else
			ri->step = (enum review_step)v;
	}
	if (grade && grade[0]) {
		v = grade_parse(grade);
		if (v < 0)
			err_add(&r->e, ERR_INPUT, line, "grade", grade, NULL,
				"grade must be excellent, good, complete or not_complete");
		else
			ri->grade = (enum grade)v;
	}
	take_text(r, o, "reason", line, ri->reason, sizeof ri->reason);
}

static json_t *review_json(const struct review_rec *v)
{
	json_t *j = json_object();

	json_object_set_new(j, "id", json_integer(v->id));
	json_object_set_new(j, "member_id", v->member_id ? json_integer(v->member_id) : json_null());
	if (v->member_id)
		json_object_set_new(j, "member_name", json_string(v->member_name));
	json_object_set_new(j, "org_code", json_string(v->org_code));
	json_object_set_new(j, "org_name", json_string(v->org_name));
	json_object_set_new(j, "year", json_integer(v->year));
	json_object_set_new(j, "step", json_string(review_step_name(v->step)));
	json_object_set_new(j, "score", v->score >= 0 ? json_integer(v->score) : json_null());
	json_object_set_new(j, "grade", grade_json(v->grade));
	json_object_set_new(j, "date", json_date(v->date));
	json_object_set_new(j, "by", json_string(v->by));
	json_object_set_new(j, "body", v->body[0] ? json_string(v->body) : json_null());
	json_object_set_new(j, "revision", json_integer(v->revision));
	json_object_set_new(j, "current", json_boolean(v->current));
	json_object_set_new(j, "reason", json_string(v->reason));
	json_object_set_new(j, "rules", json_string(v->rules));
	return j;
}

static int review_item(void *ctx, const struct review_rec *v)
{
	json_array_append_new(ctx, review_json(v));
	return 0;
}

/* The step just stored: the newest of its year and kind. */
struct newest {
	int year;
	enum review_step step;
	int64_t id;
	json_t *j;
};

static int newest_step(void *ctx, const struct review_rec *v)
{
	struct newest *n = ctx;

	if (v->year == n->year && v->step == n->step && v->id > n->id) {
		json_decref(n->j);
		n->j = review_json(v);
		n->id = v->id;
	}
	return 0;
}

/* Answer 201 with the step of ri just stored for member id (or organisation code), its
 * Location the list it joined. */
static void reply_stored(struct req *r, int64_t id, const char *code, const struct review_in *ri)
{
	struct newest n = {ri->year, ri->step, 0, NULL};
	struct buf loc;
	enum err_code rc;

	rc = id ? app_review_history(r->app, &r->actor, id, newest_step, &n, &r->e)
		: app_review_org_history(r->app, &r->actor, code, newest_step, &n, &r->e);
	if (rc || !n.j) {
		json_decref(n.j);
		if (!rc)
			err_set(&r->e, ERR_INTERNAL, "the review was stored but cannot be read back");
		reply_problem(r);
		return;
	}
	api_warnings(r, n.j);
	buf_init(&loc, 0);
	if (id)
		buf_printf(&loc, "/api/v1/members/%lld/reviews", (long long)id);
	else
		buf_printf(&loc, "/api/v1/orgs/%s/reviews", code);
	api_created(r, buf_str(&loc), n.j);
	buf_cleanup(&loc);
}

/* POST /api/v1/members/{id}/reviews {"year", "step", "grade" or "score", "date", "reason"}:
 * one step of a member's review (201, the step stored). */
void api_review_member_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, review_fields);
	struct review_in ri;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "member", &id))
		goto fail;
	review_take(r, body, 0, &ri);
	ri.member_id = id;
	if (r->e.code || app_review_member(r->app, &r->actor, &ri, &r->e))
		goto fail;
	reply_stored(r, id, NULL, &ri);
	json_decref(body);
	return;
fail:
	if (id)
		api_hide_member(r, id);
	reply_problem(r);
	json_decref(body);
}

/* GET /api/v1/members/{id}/reviews: every step of every year, oldest first. */
void api_review_member_list(struct req *r)
{
	int64_t id;
	json_t *items = json_array();

	if (api_path_id(r, 0, "member", &id) ||
	    app_review_history(r->app, &r->actor, id, review_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:I,s:o}", "member_id", (json_int_t)id, "items", items));
}

/* POST /api/v1/reviews {"reviews": [{"member_id", "year", "grade", ...}, ...]}: decisions
 * (or other steps) on many members at once, all or nothing. Every problem is answered, those
 * of an item with its "index" (and its 1-based position as "line"). */
void api_review_batch(struct req *r)
{
	json_t *body = api_body_or_reply(r, batch_fields), *items, *it;
	struct review_in *rs;
	size_t i, n;

	if (!body)
		return;
	items = json_object_get(body, "reviews");
	n = json_array_size(items);
	if (!n) {
		err_add(&r->e, ERR_INPUT, 0, "reviews", NULL, NULL,
			"give at least one review: {\"reviews\": [{\"member_id\": ID, \"year\": YEAR, "
			"\"grade\": GRADE}]}");
		reply_problem(r);
		json_decref(body);
		return;
	}
	rs = xcalloc(n, sizeof *rs);
	json_array_foreach(items, i, it) {
		long line = (long)i + 1;
		size_t had = r->e.n;

		if (!json_is_object(it)) {
			err_add(&r->e, ERR_INPUT, line, "reviews", NULL, NULL,
				"each review is an object {\"member_id\", \"year\", \"grade\", ...}");
			continue;
		}
		api_check_fields(r, it, batch_item_fields, line);
		if (r->e.n > had)
			continue;
		review_take(r, it, line, &rs[i]);
		rs[i].member_id = (int64_t)json_integer_value(json_object_get(it, "member_id"));
	}
	if (r->e.code || app_review_members(r->app, &r->actor, rs, n, &r->e)) {
		reply_problem_batch(r);
	} else {
		json_t *j = json_pack("{s:I}", "recorded", (json_int_t)n);

		api_warnings(r, j);
		reply_json(r, 200, j);
	}
	free(rs);
	json_decref(body);
}

/* POST /api/v1/orgs/{code}/reviews: one step of an organisation's own review (201). */
void api_review_org_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, review_fields);
	struct review_in ri;

	if (!body)
		return;
	review_take(r, body, 0, &ri);
	if (strlen(r->pathv[0]) > ORG_CODE_MAX)
		err_add(&r->e, ERR_NOTFOUND, 0, "org_code", r->pathv[0], NULL,
			"no organisation has the code '%s'; 'cadre org tree' lists them",
			r->pathv[0]);
	else
		snprintf(ri.org_code, sizeof ri.org_code, "%s", r->pathv[0]);
	if (r->e.code || app_review_org(r->app, &r->actor, &ri, &r->e)) {
		api_hide_org(r, r->pathv[0]);
		reply_problem(r);
	} else {
		reply_stored(r, 0, ri.org_code, &ri);
	}
	json_decref(body);
}

/* GET /api/v1/orgs/{code}/reviews: every step of the organisation's own reviews. */
void api_review_org_list(struct req *r)
{
	json_t *items = json_array();

	if (app_review_org_history(r->app, &r->actor, r->pathv[0], review_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:o}", "code", r->pathv[0], "items", items));
}

/* GET /api/v1/orgs/{code}/review-sheet?year=: the cell's form for the year (default this
 * year): its roll with each member's steps, and the quota as it stands outside the cell. */
void api_review_sheet(struct req *r)
{
	long year = query_year(r, this_year(r));
	struct review_sheet s;
	json_t *j, *rows, *quota;
	size_t i;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	if (app_review_sheet(r->app, &r->actor, r->pathv[0], (int)year, &s, &r->e)) {
		review_sheet_cleanup(&s);
		reply_problem(r);
		return;
	}
	rows = json_array();
	for (i = 0; i < s.n; i++) {
		const struct review_sheet_row *w = &s.rows[i];

		json_array_append_new(rows, json_pack(
			"{s:I,s:s,s:s,s:o,s:o,s:o,s:o,s:b}", "member_id", (json_int_t)w->member_id,
			"full_name", w->full_name, "status",
			member_status_name((enum member_status)w->status), "self_score",
			w->self_score >= 0 ? json_integer(w->self_score) : json_null(), "self_grade",
			grade_json(w->self_grade), "proposed", grade_json(w->proposed), "decided",
			grade_json(w->decided), "disciplined", w->disciplined));
		json_object_set_new(json_array_get(rows, i), "under_revision",
				    json_boolean(w->under_revision));
		json_object_set_new(
			json_array_get(rows, i), "discipline",
			w->disc_form >= 0
				? json_pack("{s:s,s:o}", "form",
					    discipline_form_name((enum discipline_form)w->disc_form),
					    "date", json_date(w->disc_date))
				: json_null());
	}
	quota = json_pack("{s:o,s:I,s:I}", "percent",
			  s.quota_pct >= 0 ? json_integer(s.quota_pct) : json_null(),
			  "excellent_outside", (json_int_t)s.excellent, "good_or_better_outside",
			  (json_int_t)s.good_or_better);
	j = json_pack("{s:s,s:s,s:s,s:i,s:b,s:o,s:o}", "org_code", s.org_code, "org_name",
		      s.org_name, "grassroots_code", s.grassroots_code, "year", s.year,
		      "can_decide", s.can_decide, "quota", quota, "rows", rows);
	review_sheet_cleanup(&s);
	reply_json(r, 200, j);
}

/* ---- rule versions ----------------------------------------------------------------------- */

static const struct api_field rule_fields[] = {
	{"id", AT_STRING, 1}, {"value", AT_STRING, 1}, {"from", AT_DATE, 1},
	{"source", AT_STRING, 1}, {"description", AT_STRING, 0}, {NULL, AT_STRING, 0},
};

static json_t *rule_json(struct req *r, const struct rule_version *v)
{
	return json_pack("{s:s,s:i,s:s,s:o,s:s,s:s,s:b}", "id", v->id, "version", v->version,
			 "value", v->value, "effective_from", json_date(v->effective_from),
			 "source", v->source, "description", v->description, "in_force",
			 ruleset_find(&r->app->rules, v->id, r->app->today) == v);
}

/* GET /api/v1/rules?id=RULE: every version of every rule (or of one), and which is in force
 * today. */
void api_rule_list(struct req *r)
{
	const char *id = req_query(r, "id");
	json_t *items;
	size_t i;

	/* A version added through another worker's connection is read there only; read them
	 * again so that the list is the database's (app_refresh reads rules a minute old). */
	r->app->rules_loaded = 0;
	if (app_refresh(r->app, &r->e)) {
		reply_problem(r);
		return;
	}
	items = json_array();
	for (i = 0; i < r->app->rules.n; i++)
		if (!id || !id[0] || !strcmp(id, r->app->rules.v[i].id))
			json_array_append_new(items, rule_json(r, &r->app->rules.v[i]));
	if (id && id[0] && !json_array_size(items)) {
		json_decref(items);
		err_add(&r->e, ERR_NOTFOUND, 0, "id", id, NULL,
			"there is no rule %s; GET /api/v1/rules lists them", id);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o,s:o}", "today", json_date(r->app->today), "items",
				     items));
}

/* POST /api/v1/rules {"id", "value", "from", "source", "description"}: a newer version of a
 * rule (system administrators only; 201, the version). */
void api_rule_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, rule_fields), *j = NULL;
	const char *id;
	int version = 0;
	size_t i;

	if (!body)
		return;
	id = api_str(body, "id");
	if (app_rule_add(r->app, &r->actor, id, api_str(body, "value"), api_date(body, "from"),
			 api_str(body, "source"), api_str(body, "description"), &version,
			 &r->e)) {
		reply_problem(r);
		json_decref(body);
		return;
	}
	for (i = 0; i < r->app->rules.n && !j; i++)
		if (!strcmp(r->app->rules.v[i].id, id) && r->app->rules.v[i].version == version)
			j = rule_json(r, &r->app->rules.v[i]);
	if (!j) {
		err_set(&r->e, ERR_INTERNAL, "rule %s version %d was stored but cannot be read back",
			id, version);
		reply_problem(r);
	} else {
		struct buf loc;

		buf_init(&loc, 0);
		buf_adds(&loc, "/api/v1/rules?id=");
		web_url_arg(&loc, id);
		api_created(r, buf_str(&loc), j);
		buf_cleanup(&loc);
	}
	json_decref(body);
}

/* ---- figures ----------------------------------------------------------------------------- */

enum report_format { RF_JSON, RF_CSV, RF_XLSX };
static const struct {
	const char *name, *type;
} formats[] = {
	{"json", "application/json"},
	{"csv", "text/csv"},
	{"xlsx", CT_XLSX},
};

/* The q of one media range of an Accept header (s, len bytes): 1 unless a q= says less. */
static double accept_q(const char *s, size_t len)
{
	const char *end = s + len, *p = memchr(s, ';', len);

	while (p && p < end) {
		p++;
		p += strspn(p, " \t");
		if (p + 2 <= end && (*p == 'q' || *p == 'Q') && p[1] == '=')
			return strtod(p + 2, NULL);
		p = p < end ? memchr(p, ';', (size_t)(end - p)) : NULL;
	}
	return 1;
}

/* The format the Accept header prefers among the three (highest q, then the first named);
 * JSON when it names none of them (*\/\*, a browser's text/html). */
static enum report_format accept_format(const char *accept)
{
	enum report_format best = RF_JSON;
	double best_q = 0;
	const char *p = accept ? accept : "";

	while (*p) {
		size_t len = strcspn(p, ","), skip = strspn(p, " \t"), tlen, i;
		const char *t = p + (skip < len ? skip : len);
		double q = accept_q(p, len);

		tlen = strcspn(t, ";,");
		while (tlen && (t[tlen - 1] == ' ' || t[tlen - 1] == '\t'))
			tlen--;
		for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
			if (strlen(formats[i].type) == tlen && !strncasecmp(t, formats[i].type, tlen) &&
			    q > best_q) {
				best = (enum report_format)i;
				best_q = q;
			}
		p += len;
		if (*p == ',')
			p++;
	}
	return best;
}

/* ?format= when given (a problem, -1, when unknown), else the Accept header's choice. */
static int report_format_of(struct req *r)
{
	const char *f = req_query(r, "format");
	size_t i;

	if (!f || !f[0])
		return (int)accept_format(r->accept);
	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (!strcmp(f, formats[i].name))
			return (int)i;
	err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
	return -1;
}

/* Answer a report's JSON, percentages written as people read them (22.7, not 22.69999). */
void reply_report_json(struct req *r, json_t *j)
{
	char *s = json_dumps(j, REPORT_JSON_FLAGS | JSON_COMPACT);

	json_decref(j);
	r->status = 200;
	r->ctype = CT_JSON;
	buf_reset(&r->out);
	if (s) {
		buf_adds(&r->out, s);
		buf_addc(&r->out, '\n');
		free(s);
	}
}

/* Answer the report as an XLSX download named file. report_xlsx writes a path, so the
 * workbook is made in a private directory (mode 0700) that is removed, with the file's name,
 * once the file is open: what is sent is an unlinked file nobody else could open. */
void reply_xlsx(struct req *r, const struct report *rep, const char *file)
{
	const char *tmp = getenv("TMPDIR");
	char dir[PATH_MAX], path[PATH_MAX + 16];
	struct stat st;
	int fd = -1;

	snprintf(dir, sizeof dir, "%s/cadre-report.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary directory for the workbook: %s",
			strerror(errno));
		reply_problem(r);
		return;
	}
	snprintf(path, sizeof path, "%s/report.xlsx", dir);
	if (!report_xlsx(rep, path, &r->e)) {
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || fchmod(fd, 0600) || fstat(fd, &st))
			err_set(&r->e, ERR_STORAGE, "cannot read the workbook back: %s",
				strerror(errno));
	}
	unlink(path);
	rmdir(dir);
	if (r->e.code) {
		if (fd >= 0)
			close(fd);
		reply_problem(r);
		return;
	}
	api_reply_fd(r, fd, (unsigned long long)st.st_size, CT_XLSX, file);
}

/* GET /api/v1/orgs/{code}/report?year=&as_of=&format=json|csv|xlsx: the subtree's figures;
 * the format by ?format= or else by the Accept header. */
void api_report(struct req *r)
{
	long year = query_year(r, 0);
	int fmt = report_format_of(r);
	struct report rep;
	date_t as_of;
	char file[ORG_CODE_MAX + 32];
	FILE *f;

	api_query_date(r, "as_of", &as_of);
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	if (app_report(r->app, &r->actor, r->pathv[0], (int)year, as_of, &rep, &r->e) ||
	    app_report_download(r->app, &r->actor, &rep, formats[fmt].name, &r->e)) {
		report_cleanup(&rep);
		reply_problem(r);
		return;
	}
	snprintf(file, sizeof file, "report-%s-%d.%s", rep.org_code, rep.year,
		 formats[fmt].name);
	switch ((enum report_format)fmt) {
	case RF_JSON:
		reply_report_json(r, report_json(&rep));
		break;
	case RF_CSV:
		if (!(f = tmpfile())) {
			err_set(&r->e, ERR_STORAGE, "cannot make a temporary file for the report: %s",
				strerror(errno));
			reply_problem(r);
		} else if (report_csv(&rep, f)) {
			err_set(&r->e, ERR_STORAGE, "cannot write the report: %s", strerror(errno));
			fclose(f);
			reply_problem(r);
		} else {
			api_reply_file(r, f, CT_CSV, file);
		}
		break;
	case RF_XLSX:
		reply_xlsx(r, &rep, file);
		break;
	}
	/* One address, three representations: caches must key on Accept. */
	req_header(r, "Vary", "Accept");
	report_cleanup(&rep);
}

static int member_item(void *ctx, const struct member *m)
{
	json_array_append_new(ctx, json_member(m));
	return 0;
}

static int case_item(void *ctx, const struct adm_fig_person *p)
{
	char listed[DATE_STR];

	json_array_append_new(ctx, json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I}", "id",
					     (json_int_t)p->id, "full_name", p->full_name,
					     "org_code", p->org_code, "stage_now", p->stage,
					     "source", p->source, "listed_on",
					     date_format(p->listed_on, listed), "member_id",
					     (json_int_t)p->member_id));
	return 0;
}

static int org_item(void *ctx, const struct org *o)
{
	json_array_append_new(ctx, json_org(o));
	return 0;
}

/* The records behind a figure, members or organisations (what: the last segment of the
 * path), a page at a time; "total" counts them all and "next" is the next page's address
 * (null on the last). */
static void report_records(struct req *r, const char *what)
{
	const char *filter = req_query(r, "filter");
	long year = query_year(r, 0);
	long offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	long limit = req_query_long(r, "limit", PAGE, 1, PAGE_MAX);
	long total = 0;
	json_t *items, *next = json_null();
	enum err_code rc;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	if (!filter)
		filter = "";
	items = json_array();
	/* One more than asked: whether a next page exists. */
	rc = !strcmp(what, "members")
		? app_report_members(r->app, &r->actor, r->pathv[0], (int)year, filter, offset,
				     limit + 1, member_item, items, &total, &r->e)
	     : !strcmp(what, "cases")
		? app_adm_fig_people(r->app, &r->actor, r->pathv[0], (int)year, filter, offset,
				     limit + 1, case_item, items, &total, &r->e)
		: app_report_orgs(r->app, &r->actor, r->pathv[0], (int)year, filter, offset,
				  limit + 1, org_item, items, &total, &r->e);
	if (rc) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	if (json_array_size(items) > (size_t)limit) {
		struct buf u;

		json_array_remove(items, (size_t)limit);
		buf_init(&u, 0);
		/* The code was found, so it holds only A-Z a-z 0-9 . _ - (no escaping needed). */
		buf_printf(&u, "/api/v1/orgs/%s/report/%s?filter=", r->pathv[0], what);
		web_url_arg(&u, filter);
		if (year)
			buf_printf(&u, "&year=%ld", year);
		buf_printf(&u, "&offset=%ld&limit=%ld", offset + limit, limit);
		next = json_string(buf_str(&u));
		buf_cleanup(&u);
	}
	reply_json(r, 200, json_pack("{s:s,s:I,s:o,s:I,s:I,s:I,s:o}", "filter", filter, "year",
				     (json_int_t)(year ? year : this_year(r)), "items", items,
				     "offset", (json_int_t)offset, "limit", (json_int_t)limit,
				     "total", (json_int_t)total, "next", next));
}

/* GET /api/v1/orgs/{code}/report/members?filter=status%3Dofficial&year=&offset=&limit=: the
 * members behind a figure of a member table (a row's "filter"). */
void api_report_members(struct req *r)
{
	report_records(r, "members");
}

/* GET /api/v1/orgs/{code}/report/cases?filter=adm_stage%3Dcandidate&year=&offset=&limit=:
 * the people (their admission cases) behind a figure of the admission tables. */
void api_report_cases(struct req *r)
{
	report_records(r, "cases");
}

/* GET /api/v1/orgs/{code}/report/orgs?filter=grassroots_grade%3Dgood&year=&offset=&limit=:
 * the organisations behind a figure of org_reviews, grassroots_reviews or standing_boards. */
void api_report_orgs(struct req *r)
{
	report_records(r, "orgs");
}

static json_t *grades_json(const long g[G__COUNT])
{
	json_t *j = json_object();
	int i;

	for (i = 0; i < G__COUNT; i++)
		json_object_set_new(j, grade_name((enum grade)i), json_integer(g[i]));
	return j;
}

static int rollup_item(void *ctx, const struct rollup_row *w)
{
	json_t *members = json_object();
	int i;

	for (i = 0; i < MS__COUNT; i++)
		if (member_status_active((enum member_status)i))
			json_object_set_new(members, member_status_name((enum member_status)i),
					    json_integer(w->members[i]));
	return js_item(ctx, json_pack(
		"{s:s,s:i,s:o,s:I,s:o,s:o,s:I,s:I,s:I,s:I,s:I,s:I}", "code", w->code, "depth",
		w->depth, "members", members, "hosted", (json_int_t)w->hosted, "member_grades",
		grades_json(w->member_grade), "org_grades", grades_json(w->org_grade), "militia",
		(json_int_t)w->militia, "self_defence", (json_int_t)w->self_defence, "reserve",
		(json_int_t)w->reserve, "party_militia", (json_int_t)w->party_militia,
		"party_self_defence", (json_int_t)w->party_self_defence, "party_reserve",
		(json_int_t)w->party_reserve));
}

/* GET /api/v1/rollup?year=&offset=&limit=: every organisation of the caller's scope with its
 * subtree's figures, in pre-order, as a list ("items", "total", "next"; the whole list unless
 * limit is given), sent from a temporary file (the whole country is some 60,000 rows). */
void api_rollup(struct req *r)
{
	long year = query_year(r, 0);
	struct jstream s;

	if (r->e.code) {
		reply_problem(r);
		return;
	}
	if (js_open_list(r, &s))
		return;
	app_rollup(r->app, &r->actor, (int)year, rollup_item, &s, &r->e);
	js_close_list(r, &s);
}
