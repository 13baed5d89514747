/* cmd_study.c - cadre doc add|show|list, study plan|session|attend|coverage and action
 * programme|item|result|list (docs/study.md). */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../app/app_study.h"
#include "../lib/mem.h"
#include "cli_study.h"

struct opt doc_add_opts[] = {
	{"title", 1, N_("the title (required)"), NULL, 0},
	{"issued-on", 1, N_("the date of issue, YYYY-MM-DD (required)"), NULL, 0},
	{"replaces", 1, N_("the number or id of the document it replaces"), NULL, 0},
	{"org", 1, N_("the organisation that registers it (default: your scope)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt doc_list_opts[] = {{NULL, 0, NULL, NULL, 0}};
struct opt doc_list_file_opts[] = {
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output); 'cadre import "
		      "documents' reads it back"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt study_plan_opts[] = {
	{"org", 1, N_("the organisation that introduces the document"), NULL, 0},
	{"audience", 1, N_("the subtree whose members study it (default: --org)"), NULL, 0},
	{"tier", 1, N_("all, regiment_up, grassroots_members, militia or reserve"), NULL, 0},
	{"category", 1, N_("only members of this category"), NULL, 0},
	{"deadline", 1, N_("to be studied by, YYYY-MM-DD"), NULL, 0},
	{"note", 1, N_("a note"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt study_session_opts[] = {
	{"org", 1, N_("the organisation holding the session (required)"), NULL, 0},
	{"date", 1, N_("the day, YYYY-MM-DD (required)"), NULL, 0},
	{"starts", 1, N_("start time HH:MM (default 07:30)"), NULL, 0},
	{"ends", 1, N_("end time HH:MM (default 11:00)"), NULL, 0},
	{"topic", 1, N_("the topic"), NULL, 0},
	{"makeup-of", 1, N_("the session this one makes up, for those absent"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt study_attend_opts[] = {
	{"status", 1, N_("present (default), excused or absent"), NULL, 0},
	{"reason", 1, N_("the reason of an excused absence"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt study_confirm_opts[] = {
	{"date", 1, N_("the day it was studied (default today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt study_cov_opts[] = {
	{"org", 1, N_("the subtree (default: your scope)"), NULL, 0},
	{"as-of", 1, N_("the coverage on this day"), NULL, 0},
	{"orgs", 0, N_("list every organisation with its coverage (drill-down)"), NULL, 0},
	{"bench", 1, N_("time this many runs of the kept counters and of the plain count "
			"(bench/study.sh)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt action_prog_opts[] = {
	{"org", 1, N_("the organisation (required)"), NULL, 0},
	{"year", 1, N_("the year (required)"), NULL, 0},
	{"title", 1, N_("the title (required)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt action_item_opts[] = {
	{"text", 1, N_("what is to be done (required)"), NULL, 0},
	{"owner", 1, N_("who is responsible"), NULL, 0},
	{"due", 1, N_("the deadline, YYYY-MM-DD"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt action_result_opts[] = {
	{"done", 0, N_("the item was done"), NULL, 0},
	{"not-done", 0, N_("the item was not done"), NULL, 0},
	{"result", 1, N_("what was achieved"), NULL, 0},
	{"date", 1, N_("the day of the report (default today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt action_list_opts[] = {
	{"org", 1, N_("the subtree (default: your scope)"), NULL, 0},
	{"year", 1, N_("only this year"), NULL, 0},
	{"document", 1, N_("only programmes for this document"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

static int copy_opt(char *dst, size_t cap, const char *v)
{
	snprintf(dst, cap, "%s", v ? v : "");
	return 0;
}

/* HH:MM into minutes after midnight (def when absent); -1 with a problem when malformed. */
static int cli_hhmm(struct cli *c, const char *name, const char *v, int def)
{
	int h, m;
	char extra;

	if (!v)
		return def;
	if (sscanf(v, "%2d:%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 24 || m < 0 || m > 59 ||
	    h * 60 + m > 1440) {
		err_add(&c->e, ERR_USAGE, 0, name, v, NULL, "a time is HH:MM (07:30)");
		return -1;
	}
	return h * 60 + m;
}

/* ---- doc ------------------------------------------------------------------------------ */

int cmd_doc_add(struct cli *c, int npos, char **pos)
{
	struct doc d;
	date_t issued = DATE_NONE;

	(void)npos;
	if (cli_date(c, "issued-on", OPT(c, "issued-on"), &issued) || c->e.code)
		return cli_fail(c);
	if (app_doc_add(&c->app, &c->actor, pos[0], issued, OPT(c, "title"), OPT(c, "replaces"),
			OPT(c, "org"), &d, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_doc_json(&d));
	else
		printf(err_tr("registered document %lld: %s (%s)\n"), (long long)d.id, d.number,
		       d.title);
	return 0;
}

static int doc_push(void *ctx, const struct doc *d)
{
	cli_json_push(ctx, app_doc_json(d));
	return 0;
}

static int doc_row(void *ctx, const struct doc *d)
{
	char day[DATE_STR], id[24];

	snprintf(id, sizeof id, "%lld", (long long)d->id);
	table_row(ctx, id, d->number, date_format(d->issued_on, day), d->org_code, d->title);
	return 0;
}

int cmd_doc_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	json_t *arr = c->json ? json_array() : NULL;
	char q[512] = "";
	size_t used = 0;
	int i;
	enum err_code rc;

	for (i = 0; i < npos; i++) {
		int n = snprintf(q + used, sizeof q - used, "%s%s", i ? " " : "", pos[i]);

		if (n < 0 || (size_t)n >= sizeof q - used)
			break;
		used += (size_t)n;
	}
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;

		if (app_doc_export_file(&c->app, &c->actor, q, x, x ? OPT(c, "xlsx") : OPT(c, "csv"),
					&c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, 5);
	table_row(&t, err_tr("id"), err_tr("number"), err_tr("issued"), err_tr("org"),
		  err_tr("title"));
	rc = app_doc_list(&c->app, &c->actor, q, arr ? doc_push : doc_row, arr ? (void *)arr
										 : (void *)&t,
			  &c->e);
	return cli_list_end(c, &t, arr, rc, err_tr("no document found"));
}

static int plan_push(void *ctx, const struct study_plan *p)
{
	json_t *arr = ctx;

	if (arr) {
		cli_json_push(arr, app_study_plan_json(p));
	} else {
		char day[DATE_STR];

		printf(err_tr("  plan %lld: %s introduces it to %s (%s%s%s), by %s\n"),
		       (long long)p->id, p->org_code, p->audience_code, p->tier,
		       p->category[0] ? ", " : "", p->category,
		       p->deadline == DATE_NONE ? "-" : date_format(p->deadline, day));
	}
	return 0;
}

static int session_push(void *ctx, const struct study_session *s)
{
	json_t *arr = ctx;

	if (arr) {
		cli_json_push(arr, app_study_session_json(s));
	} else {
		char day[DATE_STR], mk[48] = "";

		if (s->makeup_of)
			snprintf(mk, sizeof mk, err_tr(" (make-up of %lld)"), (long long)s->makeup_of);
		printf(err_tr("  session %lld: %s %s%s, %ld present, %ld excused, %ld absent\n"),
		       (long long)s->id, s->org_code, date_format(s->on_date, day), mk, s->present,
		       s->excused, s->absent);
	}
	return 0;
}

static int replaced_push(void *ctx, const struct doc *d)
{
	json_t *arr = ctx;

	if (arr)
		cli_json_push(arr, json_pack("{s:I,s:s}", "id", (json_int_t)d->id, "number",
					     d->number));
	else
		printf("%-16s%s (%lld)\n", err_tr("replaced by"), d->number, (long long)d->id);
	return 0;
}

int cmd_doc_show(struct cli *c, int npos, char **pos)
{
	struct doc d;
	const struct docnum_type *t;
	char day[DATE_STR];

	(void)npos;
	if (app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *j = app_doc_json(&d), *rb = json_array(), *pl = json_array(),
		       *ss = json_array();

		if (app_doc_replaced_by(&c->app, &c->actor, d.id, replaced_push, rb, &c->e) ||
		    app_study_plans(&c->app, &c->actor, d.id, plan_push, pl, &c->e) ||
		    app_study_sessions(&c->app, &c->actor, d.id, session_push, ss, &c->e)) {
			json_decref(j);
			json_decref(rb);
			json_decref(pl);
			json_decref(ss);
			return cli_fail(c);
		}
		json_object_set_new(j, "replaced_by", rb);
		json_object_set_new(j, "plans", pl);
		json_object_set_new(j, "sessions", ss);
		cli_json_out(j);
		return 0;
	}
	t = docnum_type_find(d.type);
	printf("%lld  %s\n", (long long)d.id, d.number);
	printf("%-16s%s (%s)\n", err_tr("type"), t ? (strcmp(err_lang(), "vi") ? t->en : t->vi)
						  : d.type, d.type);
	printf("%-16s%s\n", err_tr("issuer"), d.issuer);
	printf("%-16s%s\n", err_tr("issued"), date_format(d.issued_on, day));
	printf("%-16s%s\n", err_tr("title"), d.title);
	printf("%-16s%s\n", err_tr("registered by"), d.org_code);
	if (d.replaces_id)
		printf("%-16s%s (%lld)\n", err_tr("replaces"), d.replaces_number,
		       (long long)d.replaces_id);
	if (app_doc_replaced_by(&c->app, &c->actor, d.id, replaced_push, NULL, &c->e))
		return cli_fail(c);
	printf("%s\n", err_tr("study plans:"));
	if (app_study_plans(&c->app, &c->actor, d.id, plan_push, NULL, &c->e))
		return cli_fail(c);
	printf("%s\n", err_tr("sessions:"));
	if (app_study_sessions(&c->app, &c->actor, d.id, session_push, NULL, &c->e))
		return cli_fail(c);
	return 0;
}

/* ---- study ---------------------------------------------------------------------------- */

int cmd_study_plan(struct cli *c, int npos, char **pos)
{
	struct doc d;
	struct study_plan p;

	(void)npos;
	if (app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e))
		return cli_fail(c);
	if (!OPT(c, "org")) {
		json_t *arr = c->json ? json_array() : NULL;

		if (app_study_plans(&c->app, &c->actor, d.id, plan_push, arr, &c->e)) {
			json_decref(arr);
			return cli_fail(c);
		}
		if (arr)
			cli_json_out(arr);
		return 0;
	}
	memset(&p, 0, sizeof p);
	p.deadline = DATE_NONE;
	copy_opt(p.org_code, sizeof p.org_code, OPT(c, "org"));
	copy_opt(p.audience_code, sizeof p.audience_code, OPT(c, "audience"));
	copy_opt(p.tier, sizeof p.tier, OPT(c, "tier") ? OPT(c, "tier") : "all");
	copy_opt(p.category, sizeof p.category, OPT(c, "category"));
	copy_opt(p.note, sizeof p.note, OPT(c, "note"));
	if (cli_date(c, "deadline", OPT(c, "deadline"), &p.deadline) || c->e.code ||
	    app_study_plan_add(&c->app, &c->actor, d.id, &p, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:I,s:s,s:s,s:s}", "id",
							    (json_int_t)p.id, "document", d.number,
							    "org", p.org_code, "audience",
							    p.audience_code));
	else
		printf(err_tr("study plan %lld: %s introduces %s to %s (%s)\n"), (long long)p.id,
		       p.org_code, d.number, p.audience_code, p.tier);
	return 0;
}

int cmd_study_session(struct cli *c, int npos, char **pos)
{
	struct doc d;
	struct study_session s;
	int64_t mk = 0;

	(void)npos;
	memset(&s, 0, sizeof s);
	s.on_date = DATE_NONE;
	if (!OPT(c, "org"))
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org CODE is required");
	if (cli_date(c, "date", OPT(c, "date"), &s.on_date) ||
	    (OPT(c, "makeup-of") && cli_id(c, "makeup-of", OPT(c, "makeup-of"), &mk)))
		return cli_fail(c);
	s.starts_min = cli_hhmm(c, "starts", OPT(c, "starts"), 7 * 60 + 30);
	s.ends_min = cli_hhmm(c, "ends", OPT(c, "ends"), 11 * 60);
	if (c->e.code || app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e))
		return cli_fail(c);
	s.document_id = d.id;
	s.makeup_of = mk;
	copy_opt(s.org_code, sizeof s.org_code, OPT(c, "org"));
	copy_opt(s.topic, sizeof s.topic, OPT(c, "topic") ? OPT(c, "topic") : d.title);
	if (app_study_session_add(&c->app, &c->actor, &s, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_study_session_json(&s));
	else
		printf(err_tr("study session %lld of %s held by %s\n"), (long long)s.id, d.number,
		       s.org_code);
	return 0;
}

int cmd_study_attend(struct cli *c, int npos, char **pos)
{
	int64_t sid, mid;
	const char *status = OPT(c, "status") ? OPT(c, "status") : "present";
	int i, n = 0;

	if (cli_id(c, "session", pos[0], &sid))
		return cli_fail(c);
	for (i = 1; i < npos; i++) {
		if (cli_id(c, "member", pos[i], &mid) ||
		    app_study_attend(&c->app, &c->actor, sid, mid, status, OPT(c, "reason"), &c->e))
			return cli_fail(c);
		n++;
	}
	if (c->json)
		cli_json_out(json_pack("{s:I,s:s,s:i}", "session", (json_int_t)sid, "status", status,
				       "members", n));
	else
		printf(err_tr("%d member(s) recorded %s at session %lld\n"), n, status,
		       (long long)sid);
	return 0;
}

int cmd_study_confirm(struct cli *c, int npos, char **pos)
{
	struct doc d;
	date_t on = DATE_NONE;
	int64_t mid;
	int added = 0;

	(void)npos;
	if (cli_id(c, "member", pos[1], &mid) || cli_date(c, "date", OPT(c, "date"), &on) ||
	    app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e) ||
	    app_study_confirm(&c->app, &c->actor, d.id, mid, on, &added, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I,s:b}", "document", d.number, "member_id",
				       (json_int_t)mid, "added", added));
	else
		printf(added ? err_tr("member %lld confirmed having studied %s\n")
			     : err_tr("member %lld had already confirmed having studied %s\n"),
		       (long long)mid, d.number);
	return 0;
}

struct cov_out {
	json_t *missing;
	json_t *orgs;
	int all;
};

static int cov_org(void *ctx, const struct study_org_cov *o)
{
	struct cov_out *w = ctx;
	json_t *j;

	if (!w->all && o->studied)
		return 0;
	j = app_study_cov_json(o);
	json_array_append_new(o->studied ? w->orgs : w->missing, j);
	return 0;
}

static void pct(long n, long d, char *out, size_t cap)
{
	if (d <= 0)
		snprintf(out, cap, "-");
	else
		snprintf(out, cap, "%ld.%ld%%", n * 100 / d, (n * 1000 / d) % 10);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;

	return (a > b) - (a < b);
}

/* --bench N: the coverage of the subtree N times from the kept counters (as the command
 * answers it) and N times the plain way (the rolls joined with the covered members), each
 * after a warm-up; one line each with the median (bench/study.sh reads them). */
static int coverage_bench(struct cli *c, const struct doc *d, long runs)
{
	struct study_coverage cov;
	double *t = xcalloc((size_t)runs, sizeof *t), t0;
	long i, members = 0, covered = 0;
	int side;

	for (side = 0; side < 2; side++) {
		for (i = -1; i < runs; i++) {
			t0 = now_ms();
			if (side == 0 ? app_study_coverage(&c->app, &c->actor, d->id, OPT(c, "org"),
							   DATE_NONE, &cov, NULL, NULL, &c->e)
				      : app_study_coverage_plain(&c->app, &c->actor, d->id,
								 OPT(c, "org"), DATE_NONE, &members,
								 &covered, &c->e)) {
				free(t);
				return cli_fail(c);
			}
			if (i >= 0)
				t[i] = now_ms() - t0;
		}
		qsort(t, (size_t)runs, sizeof *t, cmp_double);
		if (side == 0)
			printf("cadre study_coverage median_ms=%.3f members=%ld covered=%ld runs=%ld\n",
			       t[runs / 2], cov.members, cov.covered, runs);
		else
			printf("plain study_coverage_scan median_ms=%.3f members=%ld covered=%ld "
			       "runs=%ld\n", t[runs / 2], members, covered, runs);
	}
	free(t);
	return 0;
}

int cmd_study_coverage(struct cli *c, int npos, char **pos)
{
	struct doc d;
	struct study_coverage cov;
	struct cov_out w;
	date_t as_of = DATE_NONE;
	char p1[16], p2[16], p3[16];
	size_t i;

	(void)npos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of) ||
	    app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e))
		return cli_fail(c);
	if (OPT(c, "bench")) {
		long runs;

		if (cli_count(c, "bench", OPT(c, "bench"), &runs) || runs < 1 || runs > 1000) {
			if (!c->e.code)
				err_add(&c->e, ERR_USAGE, 0, "bench", OPT(c, "bench"), NULL,
					"--bench takes 1 to 1000 runs");
			return cli_fail(c);
		}
		return coverage_bench(c, &d, runs);
	}
	w.missing = json_array();
	w.orgs = json_array();
	w.all = OPT_SET(c, "orgs");
	if (app_study_coverage(&c->app, &c->actor, d.id, OPT(c, "org"), as_of, &cov, cov_org, &w,
			       &c->e)) {
		json_decref(w.missing);
		json_decref(w.orgs);
		return cli_fail(c);
	}
	if (c->json) {
		json_t *j = json_pack("{s:s,s:s,s:o,s:I,s:I,s:I,s:I,s:I,s:I,s:b,s:o}", "document",
				      d.number, "org", OPT(c, "org") ? OPT(c, "org")
								     : c->actor.scope_code,
				      "as_of", json_date(as_of == DATE_NONE ? c->app.today : as_of),
				      "members", (json_int_t)cov.members, "covered",
				      (json_int_t)cov.covered, "orgs", (json_int_t)cov.orgs,
				      "orgs_studied", (json_int_t)cov.orgs_studied, "committees",
				      (json_int_t)cov.committees, "committees_studied",
				      (json_int_t)cov.committees_studied, "all_committees_studied",
				      cov.committees > 0 && cov.committees_studied == cov.committees,
				      "missing", w.missing);
		if (w.all)
			json_object_set_new(j, "studied", w.orgs);
		else
			json_decref(w.orgs);
		cli_json_out(j);
		return 0;
	}
	pct(cov.covered, cov.members, p1, sizeof p1);
	pct(cov.orgs_studied, cov.orgs, p2, sizeof p2);
	pct(cov.committees_studied, cov.committees, p3, sizeof p3);
	printf(err_tr("%s: %ld of %ld members covered (%s)\n"), d.number, cov.covered, cov.members,
	       p1);
	if (as_of != DATE_NONE && as_of != c->app.today) {
		json_decref(w.missing);
		json_decref(w.orgs);
		return 0;
	}
	printf(err_tr("organisations that have studied it: %ld of %ld (%s)\n"), cov.orgs_studied,
	       cov.orgs, p2);
	if (cov.committees > 0 && cov.committees_studied == cov.committees)
		printf(err_tr("100%% of party committees have studied it (%ld)\n"), cov.committees);
	else
		printf(err_tr("party committees that have studied it: %ld of %ld (%s)\n"),
		       cov.committees_studied, cov.committees, p3);
	if (json_array_size(w.missing))
		printf("%s\n", err_tr("not yet studied:"));
	for (i = 0; i < json_array_size(w.missing); i++) {
		json_t *o = json_array_get(w.missing, i);

		printf("  %-14s %ld/%ld  %s\n", json_string_value(json_object_get(o, "org")),
		       (long)json_integer_value(json_object_get(o, "covered")),
		       (long)json_integer_value(json_object_get(o, "members")),
		       json_string_value(json_object_get(o, "name")));
	}
	json_decref(w.missing);
	json_decref(w.orgs);
	return 0;
}

/* ---- action programmes ---------------------------------------------------------------- */

int cmd_action_programme(struct cli *c, int npos, char **pos)
{
	struct doc d;
	struct action_programme p;

	(void)npos;
	memset(&p, 0, sizeof p);
	if (!OPT(c, "org"))
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org CODE is required");
	if (cli_year(c, "year", OPT(c, "year"), 1, &p.year) || c->e.code ||
	    app_doc_find(&c->app, &c->actor, pos[0], &d, &c->e))
		return cli_fail(c);
	p.document_id = d.id;
	copy_opt(p.org_code, sizeof p.org_code, OPT(c, "org"));
	copy_opt(p.title, sizeof p.title, OPT(c, "title"));
	if (app_action_add(&c->app, &c->actor, &p, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_action_json(&p));
	else
		printf(err_tr("action programme %lld of %s for %s (%d)\n"), (long long)p.id,
		       p.org_code, p.doc_number, p.year);
	return 0;
}

int cmd_action_item(struct cli *c, int npos, char **pos)
{
	struct action_item it;
	int64_t id;

	(void)npos;
	memset(&it, 0, sizeof it);
	it.due_on = DATE_NONE;
	copy_opt(it.text, sizeof it.text, OPT(c, "text"));
	copy_opt(it.owner, sizeof it.owner, OPT(c, "owner"));
	if (cli_id(c, "programme", pos[0], &id) || cli_date(c, "due", OPT(c, "due"), &it.due_on) ||
	    app_action_item_add(&c->app, &c->actor, id, &it, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:I,s:i,s:s}", "programme", (json_int_t)id, "seq", it.seq,
				       "text", it.text));
	else
		printf(err_tr("item %d added to action programme %lld\n"), it.seq, (long long)id);
	return 0;
}

int cmd_action_result(struct cli *c, int npos, char **pos)
{
	int64_t id, seq;
	date_t on = DATE_NONE;

	(void)npos;
	if (OPT_SET(c, "done") == OPT_SET(c, "not-done"))
		err_add(&c->e, ERR_USAGE, 0, "done", NULL, NULL, "say --done or --not-done");
	if (cli_id(c, "programme", pos[0], &id) || cli_id(c, "seq", pos[1], &seq) ||
	    cli_date(c, "date", OPT(c, "date"), &on) || c->e.code ||
	    app_action_result(&c->app, &c->actor, id, (int)seq, OPT_SET(c, "done"),
			      OPT(c, "result"), on, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:I,s:I,s:b}", "programme", (json_int_t)id, "seq",
				       (json_int_t)seq, "done", OPT_SET(c, "done")));
	else
		printf(err_tr("result recorded for item %lld of action programme %lld\n"),
		       (long long)seq, (long long)id);
	return 0;
}

static int prog_push(void *ctx, const struct action_programme *p)
{
	json_t *arr = ctx;

	if (arr)
		cli_json_push(arr, app_action_json(p));
	else
		printf("%-6lld %-12s %-16s %d  %ld/%ld  %s\n", (long long)p->id, p->org_code,
		       p->doc_number, p->year, p->done, p->items, p->title);
	return 0;
}

static int item_push(void *ctx, const struct action_item *it)
{
	json_t *arr = ctx;
	char d1[DATE_STR];

	if (arr)
		cli_json_push(arr, app_action_item_json(it));
	else
		printf("  %d. %s [%s] %s %s %s\n", it->seq, it->text, it->owner,
		       it->due_on == DATE_NONE ? "-" : date_format(it->due_on, d1),
		       it->done < 0 ? "" : it->done ? err_tr("done") : err_tr("not done"),
		       it->result);
	return 0;
}

int cmd_action_list(struct cli *c, int npos, char **pos)
{
	json_t *arr = c->json ? json_array() : NULL;
	int year = 0;
	int64_t doc_id = 0;

	if (npos == 1) {
		struct action_programme p;
		int64_t id;

		if (cli_id(c, "programme", pos[0], &id) ||
		    app_action_get(&c->app, &c->actor, id, &p, &c->e)) {
			json_decref(arr);
			return cli_fail(c);
		}
		if (!arr)
			prog_push(NULL, &p);
		if (app_action_items(&c->app, &c->actor, id, item_push, arr, &c->e)) {
			json_decref(arr);
			return cli_fail(c);
		}
		if (arr) {
			json_t *j = app_action_json(&p);

			json_object_set_new(j, "items", arr);
			cli_json_out(j);
		}
		return 0;
	}
	if (OPT(c, "document")) {
		struct doc d;

		if (app_doc_find(&c->app, &c->actor, OPT(c, "document"), &d, &c->e)) {
			json_decref(arr);
			return cli_fail(c);
		}
		doc_id = d.id;
	}
	if (cli_year(c, "year", OPT(c, "year"), 0, &year) ||
	    app_action_list(&c->app, &c->actor, OPT(c, "org"), doc_id, year, prog_push, arr,
			    &c->e)) {
		json_decref(arr);
		return cli_fail(c);
	}
	if (arr)
		cli_json_out(arr);
	return 0;
}
