/* api_admission.c - admissions (issue 11, docs/admissions.md): the cases of a subtree (JSON a
 * page at a time, or the whole list as CSV or XLSX), a candidate added, a case and its
 * timeline, a step recorded, what is due, and the board's counts. Access is the app's: a case
 * outside the actor's subtree does not exist (404), a viewer's writes are refused (403), each
 * step needs a role covering the body that takes it. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_adm_io.h"
#include "../web/web.h"
#include "api.h"

#define ADM_PAGE 50
#define ADM_PAGE_MAX 500

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- representations ---------------------------------------------------------------------- */

/* The person fields of a candidate, as the member CSV names them (docs/csv.md). */
static const char *const person_fields[] = {
	"ethnicity", "religion", "hometown", "citizen_id", "education", "theory_level", "rank",
	"category", "post", "phone", NULL,
};

/* A case as the command line's --json shows it (app_adm_json), overdue as of as_of. */
static json_t *adm_json(struct req *r, const struct admission *c, date_t as_of)
{
	return app_adm_json(c, as_of == DATE_NONE ? r->app->today : as_of);
}

/* ---- lists as tables ---------------------------------------------------------------------- */

/* The q of one media range of an Accept header (s, len bytes): 1 unless a q= says less. */
static double accept_q(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while ((p = memchr(p, ';', (size_t)(end - p)))) {
		p++;
		p += strspn(p, " \t");
		if (p + 2 <= end && (*p == 'q' || *p == 'Q') && p[1] == '=')
			return strtod(p + 2, NULL);
	}
	return 1;
}

/* 0 JSON, 1 CSV, 2 XLSX: ?format= when given (-1 with a problem when unknown), else the
 * type of the Accept header with the highest q (JSON when it names neither table). */
static int table_format_of(struct req *r)
{
	static const char *const types[] = {"application/json", "text/csv", CT_XLSX};
	static const char *const names[] = {"json", "csv", "xlsx"};
	const char *f = req_query(r, "format"), *p = r->accept ? r->accept : "";
	double best_q = 0;
	int best = 0, i;

	if (f && f[0]) {
		for (i = 0; i < 3; i++)
			if (!strcmp(f, names[i]))
				return i;
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
		return -1;
	}
	while (*p) {
		size_t len = strcspn(p, ","), skip = strspn(p, " \t"), tlen;
		const char *t = p + (skip < len ? skip : len);
		double q = accept_q(p, len);

		tlen = strcspn(t, ";,");
		while (tlen && (t[tlen - 1] == ' ' || t[tlen - 1] == '\t'))
			tlen--;
		for (i = 0; i < 3; i++)
			if (strlen(types[i]) == tlen && !strncasecmp(t, types[i], tlen) && q > best_q) {
				best = i;
				best_q = q;
			}
		p += len;
		if (*p == ',')
			p++;
	}
	return best;
}

/* Answer the whole list q as CSV (fmt 1) or XLSX (fmt 2), a download named file.EXT. */
static void reply_table(struct req *r, const struct adm_list_query *q, int fmt, const char *file)
{
	char name[96];
	long long len;
	int fd;

	if (app_adm_export(r->app, &r->actor, q, fmt == 2 ? TABLE_XLSX : TABLE_CSV, &fd, &len,
			   &r->e)) {
		reply_problem(r);
		return;
	}
	snprintf(name, sizeof name, "%s%s%s.%s", file, q->org_code && q->org_code[0] ? "-" : "",
		 q->org_code ? q->org_code : "", fmt == 2 ? "xlsx" : "csv");
	api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV, name);
	req_header(r, "Vary", "Accept");
}

/* ?stage=: -1 (open cases) when absent or "open", AST__COUNT for "all", else a stage; -2
 * with a problem when unknown. */
static int query_stage(struct req *r)
{
	const char *s = req_query(r, "stage");
	int k;

	if (!s || !s[0] || !strcmp(s, "open"))
		return -1;
	if (!strcmp(s, "all"))
		return AST__COUNT;
	if ((k = adm_stage_parse(s)) >= 0)
		return k;
	err_add(&r->e, ERR_USAGE, 0, "stage", s, NULL,
		"stage must be open, all, or one of candidate, class, applied, verified, "
		"cell_passed, committee_passed, decided, probation, referred, official, removed, "
		"withdrawn, refused");
	return -2;
}

struct adm_items {
	struct req *r;
	json_t *items;
	date_t as_of;
	struct api_page *page; /* the due list's page (api_adm_due) */
};

/* app_adm_due_sel's first pass: the items of the page asked. */
static int due_page_take(void *ctx, const struct admission *c)
{
	struct adm_items *l = ctx;

	(void)c;
	return api_page_take(l->page) ? ADM_SEL_TAKE : ADM_SEL_SKIP;
}

static int adm_item(void *ctx, const struct admission *c)
{
	struct adm_items *l = ctx;

	json_array_append_new(l->items, adm_json(l->r, c, l->as_of));
	return 0;
}

/* GET /api/v1/admissions?org=&stage=&offset=&limit=&format=: the cases of the subtree (the
 * actor's scope without org) in the order of the names, a page at a time as the member list
 * is; as CSV or XLSX (Accept or ?format=) the whole list. Each read is one audit entry. */
void api_adm_list(struct req *r)
{
	const char *org = req_query(r, "org");
	struct adm_list_query q;
	struct adm_items l;
	struct api_page p;
	int stage = query_stage(r), fmt = table_format_of(r);
	json_t *j;

	api_page_init(r, &p, ADM_PAGE, ADM_PAGE_MAX);
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	memset(&q, 0, sizeof q);
	q.kind = ADM_LIST_CASES;
	q.org_code = org && org[0] ? org : NULL;
	q.stage = stage;
	q.as_of = DATE_NONE;
	if (fmt > 0) {
		reply_table(r, &q, fmt, "admissions");
		return;
	}
	l.r = r;
	l.items = json_array();
	l.as_of = DATE_NONE;
	if (app_adm_list(r->app, &r->actor, q.org_code, stage, p.offset, p.limit, adm_item, &l,
			 &p.total, &r->e) ||
	    app_adm_audit_list(r->app, &r->actor, "admissions.list", q.org_code,
			       (long)json_array_size(l.items), &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

/* GET /api/v1/admissions/due?org=&as_of=&format=: what is due or overdue in the subtree, in
 * order of the deadline (the whole list; CSV or XLSX by Accept or ?format=). */
void api_adm_due(struct req *r)
{
	const char *org = req_query(r, "org");
	struct adm_list_query q;
	struct adm_items l;
	struct api_page p;
	int fmt = table_format_of(r);
	date_t as_of = DATE_NONE;
	json_t *j;

	api_query_date(r, "as_of", &as_of);
	if (!r->e.code)
		api_page_init(r, &p, 0, API_LIST_MAX); /* a bad value is in r->e */
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	memset(&q, 0, sizeof q);
	q.kind = ADM_LIST_DUE;
	q.org_code = org && org[0] ? org : NULL;
	q.stage = -1;
	q.as_of = as_of;
	if (fmt > 0) {
		reply_table(r, &q, fmt, "admissions-due");
		return;
	}
	l.r = r;
	l.items = json_array();
	l.as_of = as_of;
	l.page = &p;
	/* A page (?offset=&limit=; every item without limit): the items counted from the due
	 * indexes, only the page's read whole (app_adm_due_sel). */
	if (app_adm_due_sel(r->app, &r->actor, q.org_code, as_of, due_page_take, adm_item, &l,
			    &r->e) ||
	    app_adm_audit_list(r->app, &r->actor, "admissions.due", q.org_code,
			       (long)json_array_size(l.items), &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o,s:o,s:o}", "org", q.org_code ? json_string(org) : json_null(),
		      "as_of", json_date(as_of == DATE_NONE ? r->app->today : as_of), "items",
		      l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

/* GET /api/v1/admissions/board?org=&as_of=: the open cases of a grassroots organisation or a
 * cell by stage, with how many of each are overdue. */
void api_adm_board(struct req *r)
{
	const char *org = req_query(r, "org");
	struct adm_board b;
	date_t as_of = DATE_NONE;
	json_t *stages;
	long total = 0, overdue = 0;
	int i;

	api_query_date(r, "as_of", &as_of);
	if (!org || !org[0])
		err_add(&r->e, ERR_USAGE, 0, "org", NULL, NULL,
			"say whose board: ?org=CODE (a grassroots organisation or a cell)");
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	memset(&b, 0, sizeof b);
	if (app_adm_board(r->app, &r->actor, org, as_of, &b, &r->e)) {
		reply_problem(r);
		return;
	}
	stages = json_array();
	for (i = 0; i < AST__COUNT; i++) {
		if (adm_stage_closed((enum adm_stage)i))
			continue;
		json_array_append_new(stages, json_pack("{s:s,s:I,s:I}", "stage",
							adm_stage_name((enum adm_stage)i), "count",
							(json_int_t)b.count[i], "overdue",
							(json_int_t)b.overdue[i]));
		total += b.count[i];
		overdue += b.overdue[i];
	}
	reply_json(r, 200, json_pack("{s:s,s:o,s:o,s:I,s:I}", "org", org, "as_of",
				     json_date(as_of == DATE_NONE ? r->app->today : as_of), "stages",
				     stages, "total", (json_int_t)total, "overdue",
				     (json_int_t)overdue));
}

/* ---- a case ------------------------------------------------------------------------------- */

/* After a refusal (ERR_DENIED: a viewer's write, a step the role may not take), when case id
 * is outside the actor's subtree answer the 404 its lookup gives, so that a refusal never
 * tells that a case exists out of sight (api_hide_member's rule). */
static void hide_case(struct req *r, int64_t id)
{
	struct admission c;
	struct err tmp;

	if (r->e.code != ERR_DENIED || id <= 0)
		return;
	err_init(&tmp);
	if (app_adm_get(r->app, &r->actor, id, &c, &tmp) == ERR_NOTFOUND) {
		err_clear(&r->e);
		err_merge(&r->e, &tmp);
	}
	err_cleanup(&tmp);
}

static const struct api_field adm_add_fields[] = {
	{"org", AT_STRING, 0}, {"full_name", AT_STRING, 0}, {"sex", AT_STRING, 0},
	{"birth_date", AT_STRING, 0}, {"ethnicity", AT_STRING, 0}, {"religion", AT_STRING, 0},
	{"hometown", AT_STRING, 0}, {"citizen_id", AT_STRING, 0}, {"education", AT_STRING, 0},
	{"theory_level", AT_STRING, 0}, {"rank", AT_STRING, 0}, {"category", AT_STRING, 0},
	{"post", AT_STRING, 0}, {"phone", AT_STRING, 0}, {"source", AT_STRING, 0},
	{"listed_on", AT_STRING, 0}, {"allow_duplicate", AT_BOOL, 0}, {NULL, AT_STRING, 0},
};

/* Answer case id as it is now (200: a read, audited; 201: with its Location, and the
 * warnings of the call). */
static void reply_case(struct req *r, int status, int64_t id)
{
	struct admission c;
	json_t *j;
	char loc[64];

	if (app_adm_get(r->app, &r->actor, id, &c, &r->e) ||
	    (status == 200 && app_adm_audit_read(r->app, &r->actor, &c, &r->e))) {
		reply_problem(r);
		return;
	}
	j = adm_json(r, &c, DATE_NONE);
	api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/admissions/%lld", (long long)id);
	api_created(r, loc, j);
}

/* A string of the body ("" when absent or null). */
static const char *body_text(json_t *body, const char *name)
{
	const char *v = api_str(body, name);

	return v ? v : "";
}

/* POST /api/v1/admissions {"org", "full_name", "sex", "birth_date", person fields, "source",
 * "listed_on", "allow_duplicate"}: a candidate (201, the case; Location). Every problem of the
 * fields is answered at once (422), nothing written. */
void api_adm_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, adm_add_fields);
	struct admission c;
	const char *v, *why;
	size_t i;
	int k;

	if (!body)
		return;
	memset(&c, 0, sizeof c);
	c.p.birth_date = c.p.admission_decision_date = c.p.admission_ceremony_date = DATE_NONE;
	c.p.official_date = c.p.org_since = c.p.status_since = c.p.temp_until = DATE_NONE;
	c.listed_on = c.stage_since = c.due_on = c.due_from = DATE_NONE;
	c.decision_on = c.ceremony_on = c.cell_vote_on = DATE_NONE;
	v = body_text(body, "org");
	if (!v[0] || strlen(v) > ORG_CODE_MAX)
		err_add(&r->e, ERR_INPUT, 0, "org", v, NULL,
			v[0] ? "not an organisation code" : "the cell is missing: give the code of "
							    "the cell that keeps the candidate");
	else
		snprintf(c.p.org_code, sizeof c.p.org_code, "%s", v);
	v = body_text(body, "full_name");
	if (!v[0])
		err_add(&r->e, ERR_INPUT, 0, "full_name", NULL, NULL, "the full name is missing");
	else
		member_set_name(&c.p, v, &r->e, 0);
	v = body_text(body, "sex");
	if (!v[0])
		err_add(&r->e, ERR_INPUT, 0, "sex", NULL, NULL, "the sex is missing: male or female");
	else
		text_accept(v, sizeof c.p.sex - 1, 0, c.p.sex, sizeof c.p.sex, &r->e, 0, "sex", NULL);
	v = body_text(body, "birth_date");
	if (!v[0])
		err_add(&r->e, ERR_INPUT, 0, "birth_date", NULL, NULL,
			"the birth date is missing: give it as YYYY-MM-DD");
	else
		member_set_field(&c.p, "birth_date", v, &r->e, 0);
	for (i = 0; person_fields[i]; i++)
		if ((v = body_text(body, person_fields[i]))[0])
			member_set_field(&c.p, person_fields[i], v, &r->e, 0);
	v = body_text(body, "source");
	if ((k = adm_source_parse(v)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "source", v, NULL,
			"source must be soldier, squad_leader, youth_union or other");
	else
		c.source = (enum adm_source)k;
	v = body_text(body, "listed_on");
	if (!v[0])
		c.listed_on = DATE_NONE; /* the app takes today */
	else if (date_parse(v, &c.listed_on, &why))
		err_add(&r->e, ERR_INPUT, 0, "listed_on", v, NULL, "%s %s", v, err_tr(why));
	if (app_adm_add_input(r->app, &r->actor, &c, api_bool(body, "allow_duplicate", 0),
			      &r->e)) {
		api_hide_org(r, body_text(body, "org"));
		reply_problem(r);
	} else {
		reply_case(r, 201, c.id);
	}
	json_decref(body);
}

/* GET /api/v1/admissions/{id}: the case with its next deadline (audited as a record view,
 * admission.read). */
void api_adm_get(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "admission", &id)) {
		reply_problem(r);
		return;
	}
	reply_case(r, 200, id);
}

static int step_item(void *ctx, const struct adm_step *s)
{
	json_array_append_new(ctx, app_adm_step_json(s));
	return 0;
}

/* GET /api/v1/admissions/{id}/steps: the timeline, in the order the steps were taken. */
void api_adm_steps(struct req *r)
{
	int64_t id;
	json_t *items = json_array();

	if (api_path_id(r, 0, "admission", &id) ||
	    app_adm_steps(r->app, &r->actor, id, step_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:I,s:o}", "admission_id", (json_int_t)id, "items", items));
}

static const struct api_field step_fields[] = {
	{"step", AT_STRING, 1}, {"date", AT_DATE, 0}, {"org", AT_STRING, 0},
	{"passed", AT_BOOL, 0}, {"eligible", AT_COUNT, 0}, {"present", AT_COUNT, 0},
	{"for", AT_COUNT, 0}, {"against", AT_COUNT, 0}, {"number", AT_STRING, 0},
	{"detail", AT_OBJECT, 0}, {"introducers", AT_ARRAY, 0}, {"mentor_id", AT_ID, 0},
	{NULL, AT_STRING, 0},
};
static const struct api_field introducer_fields[] = {
	{"member_id", AT_COUNT, 0}, {"worked_since", AT_DATE, 0}, {"resolution", AT_STRING, 0},
	{NULL, AT_STRING, 0},
};

/* Copy text v into dst (cap bytes) or add a problem naming field (at line). */
static void take_text(struct req *r, const char *field, const char *v, long line, char *dst,
		      size_t cap)
{
	if (!v)
		return;
	if (strlen(v) >= cap) {
		err_add(&r->e, ERR_INPUT, line, field, v, NULL,
			"%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", field,
			strlen(v), cap - 1);
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* The step of a checked body into s; every problem to r->e. */
static void step_take(struct req *r, json_t *body, struct adm_step *s)
{
	const char *v = api_str(body, "step");
	json_t *in = json_object_get(body, "introducers"), *it;
	json_t *detail = json_object_get(body, "detail");
	size_t i;
	int k;

	memset(s, 0, sizeof s[0]);
	s->on = api_date(body, "date");
	s->passed = json_object_get(body, "passed") ? api_bool(body, "passed", 0) : -1;
	/* Counts above any roll are capped to values the app refuses in its own words. */
	s->eligible = api_count(body, "eligible", -1);
	s->present = api_count(body, "present", -1);
	s->votes_for = api_count(body, "for", -1);
	s->votes_against = api_count(body, "against", -1);
	if ((k = adm_step_parse(v ? v : "")) < 0 || k == ASK_LISTED)
		err_add(&r->e, ERR_INPUT, 0, "step", v, NULL,
			"step must be class, application, verification, cell_vote, committee_vote, "
			"decision, ceremony, recognition_vote, upper_ruling, withdrawal or transfer");
	else
		s->kind = (enum adm_step_kind)k;
	take_text(r, "org", api_str(body, "org"), 0, s->org_code, sizeof s->org_code);
	take_text(r, "number", api_str(body, "number"), 0, s->number, sizeof s->number);
	if (detail) {
		char *t = json_dumps(detail, JSON_COMPACT | JSON_PRESERVE_ORDER);

		if (!t)
			err_add(&r->e, ERR_INPUT, 0, "detail", NULL, NULL,
				"detail could not be read as JSON");
		else
			take_text(r, "detail", t, 0, s->detail, sizeof s->detail);
		free(t);
	}
	if (json_array_size(in) > ADM_INTRODUCERS_MAX)
		err_add(&r->e, ERR_INPUT, 0, "introducers", NULL, NULL,
			"an application has at most %d introducers", ADM_INTRODUCERS_MAX);
	json_array_foreach(in, i, it) {
		struct adm_introducer *x;
		long line = (long)i + 1;
		size_t had = r->e.n;

		if (i >= ADM_INTRODUCERS_MAX)
			break;
		if (!json_is_object(it)) {
			err_add(&r->e, ERR_INPUT, line, "introducers", NULL, NULL,
				"each introducer is an object {\"member_id\", \"worked_since\"} or "
				"{\"resolution\"}");
			continue;
		}
		api_check_fields(r, it, introducer_fields, line);
		if (r->e.n > had)
			continue;
		x = &s->intro[s->n_intro++];
		x->member_id = (int64_t)api_count(it, "member_id", 0);
		if (x->member_id < 0)
			x->member_id = 0;
		x->worked_since = api_date(it, "worked_since");
		take_text(r, "resolution", api_str(it, "resolution"), line, x->resolution,
			  sizeof x->resolution);
	}
	s->mentor_id = (int64_t)json_integer_value(json_object_get(body, "mentor_id"));
	/* A class's result may come as detail.result ("passed" or "failed") instead. */
	if (s->passed < 0 && json_is_string(json_object_get(detail, "result"))) {
		const char *res = json_string_value(json_object_get(detail, "result"));

		if (!strcmp(res, "passed") || !strcmp(res, "failed"))
			s->passed = !strcmp(res, "passed");
		else
			err_add(&r->e, ERR_INPUT, 0, "detail", res, NULL,
				"the class's result is passed or failed");
	}
}

/* The app names some fields as the command line's options do: answer with the body's. */
static void body_field_names(struct req *r)
{
	static const char *const names[][2] = {
		{"body", "org"}, {"members", "eligible"}, {"result", "passed"}, {"org_code", "org"},
	};
	size_t i, k;

	for (i = 0; i < r->e.n; i++)
		for (k = 0; k < sizeof names / sizeof names[0]; k++)
			if (!strcmp(r->e.items[i].field, names[k][0]))
				snprintf(r->e.items[i].field, sizeof r->e.items[i].field, "%s",
					 names[k][1]);
}

/* POST /api/v1/admissions/{id}/steps {"step", "date", "org", "passed", "eligible",
 * "present", "for", "against", "number", "detail", "introducers", "mentor_id"}: a step of the
 * case (201, the step as stored with the case after it; Location: the timeline). */
void api_adm_step(struct req *r)
{
	json_t *body = api_body_or_reply(r, step_fields), *j;
	struct adm_step s;
	struct admission c;
	int64_t id = 0;
	char loc[80];

	if (!body)
		return;
	if (api_path_id(r, 0, "admission", &id))
		goto fail;
	step_take(r, body, &s);
	if (r->e.code || app_adm_step(r->app, &r->actor, id, &s, &c, &r->e))
		goto fail;
	j = app_adm_step_json(&s);
	json_object_set_new(j, "admission", adm_json(r, &c, DATE_NONE));
	api_warnings(r, j);
	snprintf(loc, sizeof loc, "/api/v1/admissions/%lld/steps", (long long)id);
	api_created(r, loc, j);
	json_decref(body);
	return;
fail:
	hide_case(r, id);
	body_field_names(r);
	reply_problem(r);
	json_decref(body);
}
