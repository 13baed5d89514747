/* cmd_review.c - cadre review member|org|history|sheet, emulation
 * models|add|ratings|rate, report [members], rollup, figures check|rebuild: the yearly review,
 * emulation and the figures. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_report.h"
#include "../app/report_out.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/mem.h"
#include "cli.h"

/* ---- reading the options ------------------------------------------------------------- */

static int opt_grade(struct cli *c, const char *name, enum grade *g)
{
	const char *v = OPT(c, name);
	int k;

	*g = G_NONE;
	if (!v)
		return 0;
	if ((k = grade_parse(v)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, name, v, NULL,
			"--%s is one of excellent, good, complete, not_complete", name);
		return -1;
	}
	*g = (enum grade)k;
	return 0;
}

/* Text of an option into a fixed buffer; refused when it does not fit. */
static int opt_text(struct cli *c, const char *name, char *out, size_t cap)
{
	const char *v = OPT(c, name);

	out[0] = 0;
	if (!v)
		return 0;
	if (strlen(v) >= cap) {
		err_add(&c->e, ERR_INPUT, 0, name, NULL, NULL,
			"--%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", name,
			strlen(v), cap - 1);
		return -1;
	}
	memcpy(out, v, strlen(v) + 1);
	return 0;
}

/* The options of 'review member' and 'review org' as one step. Every problem is collected. */
static int review_from_opts(struct cli *c, struct review_in *r)
{
	const char *v;
	long score;
	int k;

	memset(r, 0, sizeof *r);
	r->score = -1;
	r->grade = G_NONE;
	r->step = RS_DECISION;
	cli_year(c, "year", OPT(c, "year"), 1, &r->year);
	opt_grade(c, "grade", &r->grade);
	if ((v = OPT(c, "step"))) {
		if ((k = review_step_parse(v)) < 0)
			err_add(&c->e, ERR_USAGE, 0, "step", v, NULL,
				"--step is one of self, proposal, decision");
		else
			r->step = (enum review_step)k;
	}
	if ((v = OPT(c, "score")) && !cli_count(c, "score", v, &score)) {
		if (score > 100)
			err_add(&c->e, ERR_USAGE, 0, "score", v, NULL,
				"the score is out of 100: give 0 to 100");
		else
			r->score = (int)score;
	}
	if (!OPT(c, "grade") && !OPT(c, "score"))
		err_add(&c->e, ERR_USAGE, 0, "grade", NULL, NULL,
			"give --grade (excellent, good, complete, not_complete) or --score (0-100)");
	cli_date(c, "date", OPT(c, "date"), &r->date);
	opt_text(c, "reason", r->reason, sizeof r->reason);
	return c->e.code ? -1 : 0;
}

/* ---- reviews ------------------------------------------------------------------------- */

static json_t *json_review(const struct review_rec *r)
{
	json_t *j = json_object();

	json_object_set_new(j, "id", json_integer(r->id));
	json_object_set_new(j, "member_id", r->member_id ? json_integer(r->member_id) : json_null());
	if (r->member_id)
		json_object_set_new(j, "member_name", json_string(r->member_name));
	json_object_set_new(j, "org_code", json_string(r->org_code));
	json_object_set_new(j, "year", json_integer(r->year));
	json_object_set_new(j, "step", json_string(review_step_name(r->step)));
	json_object_set_new(j, "grade", json_string(grade_name(r->grade)));
	json_object_set_new(j, "score", r->score >= 0 ? json_integer(r->score) : json_null());
	json_object_set_new(j, "date", json_date(r->date));
	json_object_set_new(j, "body", r->body[0] ? json_string(r->body) : json_null());
	json_object_set_new(j, "revision", json_integer(r->revision));
	json_object_set_new(j, "current", json_boolean(r->current));
	json_object_set_new(j, "reason", json_string(r->reason));
	json_object_set_new(j, "rules", json_string(r->rules));
	json_object_set_new(j, "by", json_string(r->by));
	return j;
}

/* The newest step of a year and kind among a history (the one just recorded). */
struct last_step {
	int year;
	enum review_step step;
	struct review_rec r;
	int found;
};

static int last_step_cb(void *ctx, const struct review_rec *r)
{
	struct last_step *l = ctx;

	if (r->year == l->year && r->step == l->step && (!l->found || r->id > l->r.id)) {
		l->r = *r;
		l->found = 1;
	}
	return 0;
}

static const char *step_words(enum review_step s)
{
	return s == RS_SELF ? "self-assessment" : s == RS_PROPOSAL ? "proposal" : "decision";
}

static int review_done(struct cli *c, const struct review_in *in, const char *who,
		       enum err_code rc, struct last_step *l)
{
	char score[24] = "";

	if (rc || !l->found) {
		if (!rc && !c->e.code)
			err_set(&c->e, ERR_INTERNAL, "the review was recorded but cannot be read back");
		return cli_fail(c);
	}
	if (c->json) {
		cli_json_out(json_review(&l->r));
		return 0;
	}
	if (l->r.score >= 0)
		snprintf(score, sizeof score, " (score %d)", l->r.score);
	if (in->step == RS_DECISION)
		printf("%s: decision for %d recorded: %s%s, revision %d, decided by %s\n", who,
		       in->year, grade_name(l->r.grade), score, l->r.revision, l->r.body);
	else
		printf("%s: %s for %d recorded: %s%s\n", who, step_words(in->step), in->year,
		       grade_name(l->r.grade), score);
	return 0;
}

int cmd_review_member(struct cli *c, int npos, char **pos)
{
	struct review_in in;
	struct last_step l;
	enum err_code rc;
	char who[VNAME_MAX + 40];

	(void)npos;
	review_from_opts(c, &in);
	if (cli_id(c, "id", pos[0], &in.member_id) || c->e.code)
		return cli_fail(c);
	memset(&l, 0, sizeof l);
	l.year = in.year;
	l.step = in.step;
	rc = app_review_member(&c->app, &c->actor, &in, &c->e);
	if (!rc)
		rc = app_review_history(&c->app, &c->actor, in.member_id, last_step_cb, &l, &c->e);
	snprintf(who, sizeof who, "member %lld (%s)", (long long)in.member_id,
		 l.found ? l.r.member_name : "");
	return review_done(c, &in, who, rc, &l);
}

int cmd_review_org(struct cli *c, int npos, char **pos)
{
	struct review_in in;
	struct last_step l;
	enum err_code rc;

	(void)npos;
	if (review_from_opts(c, &in))
		return cli_fail(c);
	snprintf(in.org_code, sizeof in.org_code, "%s", pos[0]);
	memset(&l, 0, sizeof l);
	l.year = in.year;
	l.step = in.step;
	rc = app_review_org(&c->app, &c->actor, &in, &c->e);
	if (!rc)
		rc = app_review_org_history(&c->app, &c->actor, pos[0], last_step_cb, &l, &c->e);
	return review_done(c, &in, pos[0], rc, &l);
}

struct hist_out {
	json_t *arr;
	struct table *t;
};

static int hist_row(void *ctx, const struct review_rec *r)
{
	struct hist_out *h = ctx;
	char year[16], score[16], rev[16], d[DATE_STR];

	if (h->arr) {
		cli_json_push(h->arr, json_review(r));
		return 0;
	}
	snprintf(year, sizeof year, "%d", r->year);
	snprintf(score, sizeof score, "%d", r->score);
	snprintf(rev, sizeof rev, "%d", r->revision);
	table_row(h->t, year, review_step_name(r->step), grade_name(r->grade),
		  r->score >= 0 ? score : "", date_format(r->date, d),
		  r->step == RS_DECISION ? rev : "",
		  r->step != RS_DECISION ? "" : r->current ? "yes" : "no", r->org_code, r->body,
		  r->by, r->reason, r->rules);
	return 0;
}

int cmd_review_history(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct hist_out h = {NULL, &t};
	int64_t id = 0;
	enum err_code rc;

	if ((npos == 1) == (OPT(c, "org") != NULL)) {
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"give a member's ID or --org CODE (one of them)");
		return cli_fail(c);
	}
	if (npos == 1 && cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	table_init(&t, 12);
	table_row(&t, "YEAR", "STEP", "GRADE", "SCORE", "DATE", "REVISION", "CURRENT", "AT",
		  "DECIDED BY", "RECORDED BY", "REASON", "RULES APPLIED");
	if (c->json)
		h.arr = json_array();
	if (id)
		rc = app_review_history(&c->app, &c->actor, id, hist_row, &h, &c->e);
	else
		rc = app_review_org_history(&c->app, &c->actor, OPT(c, "org"), hist_row, &h, &c->e);
	return cli_list_end(c, &t, h.arr, rc, "no reviews recorded");
}

/* "good (85)", "good", or "" for a step not taken. */
static void grade_cell(enum grade g, int score, char *out, size_t n)
{
	if (g == G_NONE)
		snprintf(out, n, "%s", "");
	else if (score >= 0)
		snprintf(out, n, "%s (%d)", grade_name(g), score);
	else
		snprintf(out, n, "%s", grade_name(g));
}

static json_t *json_grade_or_null(enum grade g)
{
	return g == G_NONE ? json_null() : json_string(grade_name(g));
}

int cmd_review_sheet(struct cli *c, int npos, char **pos)
{
	struct review_sheet s;
	struct table t;
	long excellent, good;
	char ds[DATE_STR];
	size_t i;
	int year;

	(void)npos;
	if (cli_year(c, "year", OPT(c, "year"), 1, &year))
		return cli_fail(c);
	if (app_review_sheet(&c->app, &c->actor, pos[0], year, &s, &c->e))
		return cli_fail(c);
	/* The quota as it stands in the grassroots organisation: outside the cell plus the
	 * cell's own decisions. */
	excellent = s.excellent;
	good = s.good_or_better;
	for (i = 0; i < s.n; i++) {
		excellent += s.rows[i].decided == G_EXCELLENT;
		good += s.rows[i].decided == G_EXCELLENT || s.rows[i].decided == G_GOOD;
	}
	if (c->json) {
		json_t *rows = json_array();

		for (i = 0; i < s.n; i++) {
			const struct review_sheet_row *w = &s.rows[i];

			cli_json_push(
				rows, json_pack("{s:I,s:s,s:s,s:o,s:o,s:o,s:o,s:b}", "member_id",
						(json_int_t)w->member_id, "full_name", w->full_name,
						"status", member_status_name((enum member_status)w->status),
						"self_score", w->self_score >= 0 ? json_integer(w->self_score)
										 : json_null(),
						"self", json_grade_or_null(w->self_grade), "proposal",
						json_grade_or_null(w->proposed), "decision",
						json_grade_or_null(w->decided), "disciplined",
						w->disciplined));
			json_object_set_new(json_array_get(rows, json_array_size(rows) - 1),
					    "under_revision", json_boolean(w->under_revision));
			json_object_set_new(
				json_array_get(rows, json_array_size(rows) - 1), "discipline",
				w->disc_form >= 0
					? json_pack("{s:s,s:s}", "form",
						    discipline_form_name((enum discipline_form)w->disc_form),
						    "date", date_format(w->disc_date, ds))
					: json_null());
		}
		cli_json_out(json_pack("{s:s,s:s,s:s,s:i,s:o,s:{s:o,s:I,s:I},s:b}", "org_code",
				       s.org_code, "org_name", s.org_name, "grassroots_code",
				       s.grassroots_code, "year", s.year, "rows", rows, "quota",
				       "limit_pct", s.quota_pct >= 0 ? json_integer(s.quota_pct)
								     : json_null(),
				       "excellent", (json_int_t)excellent, "good_or_better",
				       (json_int_t)good, "can_decide", s.can_decide));
		review_sheet_cleanup(&s);
		return 0;
	}
	printf("review of %d: %s %s (counted in the grassroots organisation %s)\n\n", s.year,
	       s.org_code, s.org_name, s.grassroots_code);
	table_init(&t, 7);
	table_row(&t, "ID", "NAME", "STATUS", "SELF", "PROPOSAL", "DECISION", "NOTE");
	for (i = 0; i < s.n; i++) {
		const struct review_sheet_row *w = &s.rows[i];
		char id[24], self[40], prop[24], dec[48], note[80];

		snprintf(id, sizeof id, "%lld", (long long)w->member_id);
		grade_cell(w->self_grade, w->self_score, self, sizeof self);
		grade_cell(w->proposed, -1, prop, sizeof prop);
		grade_cell(w->decided, -1, dec, sizeof dec);
		if (w->under_revision)
			snprintf(dec + strlen(dec), sizeof dec - strlen(dec), " (under revision)");
		if (w->disc_form >= 0)
			snprintf(note, sizeof note, "disciplined this year: %s %s",
				 discipline_form_name((enum discipline_form)w->disc_form),
				 date_format(w->disc_date, ds));
		else
			snprintf(note, sizeof note, "%s",
				 w->disciplined ? "disciplined this year" : "");
		table_row(&t, id, w->full_name, member_status_name((enum member_status)w->status),
			  self, prop, dec, note);
	}
	if (s.n)
		table_print(&t, stdout);
	else
		printf("no members on the roll\n");
	table_cleanup(&t);
	if (s.quota_pct >= 0)
		printf("\nexcellent so far in %s: %ld of %ld rated good or better (limit %ld%%)\n",
		       s.grassroots_code, excellent, good, s.quota_pct);
	else
		printf("\nexcellent so far in %s: %ld of %ld rated good or better (no limit in "
		       "force)\n", s.grassroots_code, excellent, good);
	printf("%s\n", s.can_decide ? "your role may decide these grades"
				    : "your role may record self-assessments and proposals; the "
				      "grassroots committee decides");
	review_sheet_cleanup(&s);
	return 0;
}

/* ---- emulation ----------------------------------------------------------------------- */

static void model_rows(struct table *t, const struct emulation_model_rec *m, date_t today)
{
	char v[16], req[48], ds[DATE_STR], line[EMULATION_CRITERION_MAX + 16];
	size_t i;

	snprintf(v, sizeof v, "%d", m->version);
	snprintf(req, sizeof req, "%d of %zu", m->required, m->ncriteria);
	table_row(t, m->code, v, date_format(m->effective_from, ds),
		  m->in_force ? "in force" : m->effective_from > today ? "not yet" : "earlier", req,
		  m->name);
	for (i = 0; i < m->ncriteria; i++) {
		snprintf(line, sizeof line, "  %zu. %s", i + 1, m->criteria[i]);
		table_row(t, "", "", "", "", "", line);
	}
}

struct model_out {
	json_t *arr;
	struct table *t;
	date_t today;
};

static int model_row(void *ctx, const struct emulation_model_rec *m)
{
	struct model_out *o = ctx;

	if (o->arr)
		json_emulation_models_add(o->arr, m);
	else
		model_rows(o->t, m, o->today);
	return 0;
}

int cmd_emulation_models(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct model_out o = {NULL, &t, c->app.today};

	(void)npos;
	(void)pos;
	table_init(&t, 6);
	table_row(&t, "CODE", "VERSION", "FROM", "TODAY", "REQUIRED", "NAME AND CRITERIA");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_emulation_models(&c->app, &c->actor, NULL, model_row, &o, &c->e),
			    "no emulation model");
}

/* The criteria of a file, one a line (blank lines skipped), into *v (owned by the caller,
 * each line too); -1 after adding the problem to c->e. */
static int read_criteria(struct cli *c, const char *path, char ***v, size_t *n)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	*v = NULL;
	*n = 0;
	if (!f) {
		err_add(&c->e, ERR_USAGE, 0, "criteria-file", path, NULL,
			"cannot read the criteria file: %s", strerror(errno));
		return -1;
	}
	while ((len = getline(&line, &cap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = 0;
		if (!line[strspn(line, " \t")])
			continue;
		if (*n == 1000) {
			err_add(&c->e, ERR_USAGE, 0, "criteria-file", path, NULL,
				"the file has more than 1000 criteria; a model has at most %d",
				EMULATION_CRITERIA_MAX);
			break;
		}
		*v = xrealloc(*v, (*n + 1) * sizeof **v);
		(*v)[(*n)++] = xstrdup(line);
	}
	free(line);
	if (f != stdin)
		fclose(f);
	return c->e.code ? -1 : 0;
}

struct version_find {
	int version;
	json_t *j;
};

static int version_find(void *ctx, const struct emulation_model_rec *m)
{
	struct version_find *f = ctx;

	if (m->version == f->version)
		f->j = json_emulation_version(m);
	return 0;
}

int cmd_emulation_add(struct cli *c, int npos, char **pos)
{
	struct emulation_in in;
	const char *given[CLI_REPEAT_MAX];
	char **lines = NULL, ds[DATE_STR];
	size_t nlines = 0, ngiven, i;
	long required = -1;
	int version = 0, rc = 0;

	(void)npos;
	memset(&in, 0, sizeof in);
	in.code = pos[0];
	in.name = OPT(c, "name");
	in.source = OPT(c, "source");
	ngiven = cli_opt_all(c, "criterion", given, CLI_REPEAT_MAX);
	if (!in.name)
		err_add(&c->e, ERR_USAGE, 0, "name", NULL, NULL,
			"--name is required: the model's name, such as \"Chi bộ 4 tốt\"");
	if (ngiven && OPT(c, "criteria-file"))
		err_add(&c->e, ERR_USAGE, 0, "criterion", NULL, NULL,
			"give the criteria by --criterion or by --criteria-file, not both");
	else if (!ngiven && !OPT(c, "criteria-file"))
		err_add(&c->e, ERR_USAGE, 0, "criterion", NULL, NULL,
			"give the criteria: --criterion TEXT for each, in order, or --criteria-file "
			"FILE with one a line");
	else if (OPT(c, "criteria-file"))
		read_criteria(c, OPT(c, "criteria-file"), &lines, &nlines);
	if (!OPT(c, "required"))
		err_add(&c->e, ERR_USAGE, 0, "required", NULL, NULL,
			"--required is required: how many criteria a cell must meet to earn the "
			"title");
	else
		cli_count(c, "required", OPT(c, "required"), &required);
	cli_date(c, "from", OPT(c, "from"), &in.from);
	in.criteria = lines ? (const char *const *)lines : given;
	in.ncriteria = lines ? nlines : ngiven;
	in.required = required;
	if (c->e.code || app_emulation_add(&c->app, &c->actor, &in, &version, &c->e)) {
		rc = cli_fail(c);
	} else if (c->json) {
		struct version_find f = {version, NULL};

		if (app_emulation_models(&c->app, &c->actor, in.code, version_find, &f, &c->e) ||
		    !f.j) {
			json_decref(f.j);
			rc = cli_fail(c);
		} else {
			cli_json_out(f.j);
		}
	} else {
		printf("emulation model %s version %d added: %zu criteria, %ld to meet, in force "
		       "from %s\n", in.code, version, in.ncriteria, in.required,
		       date_format(in.from == DATE_NONE ? c->app.today : in.from, ds));
	}
	for (i = 0; i < nlines; i++)
		free(lines[i]);
	free(lines);
	return rc;
}

struct rating_out {
	json_t *arr;
	struct table *t;
	int64_t want;                 /* find only this rating (0: list every one) */
	struct emulation_rating_rec *found;
};

static int rating_row(void *ctx, const struct emulation_rating_rec *r)
{
	struct rating_out *o = ctx;
	char id[24], year[8], version[8], met[2 * EMULATION_CRITERIA_MAX + 1] = "", count[48];
	size_t i;

	if (o->want) {
		if (r->id == o->want)
			*o->found = *r;
		return 0;
	}
	if (o->arr) {
		cli_json_push(o->arr, json_emulation_rating(r));
		return 0;
	}
	for (i = 0; i < r->model.ncriteria; i++) {
		size_t len = strlen(met);

		snprintf(met + len, sizeof met - len, "%s%d", i ? "," : "", r->met[i]);
	}
	snprintf(id, sizeof id, "%lld", (long long)r->id);
	snprintf(year, sizeof year, "%d", r->year);
	snprintf(version, sizeof version, "%d", r->model.version);
	snprintf(count, sizeof count, "%ld of %zu (%d required)", r->nmet, r->model.ncriteria,
		 r->model.required);
	table_row(o->t, id, r->org_code, year, r->model.code, version, met, count,
		  r->earned ? "yes" : "no", r->current ? "yes" : "no", r->by);
	return 0;
}

int cmd_emulation_ratings(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct rating_out o = {NULL, &t, 0, NULL};
	int year;

	(void)npos;
	(void)pos;
	if (cli_year(c, "year", OPT(c, "year"), 0, &year))
		return cli_fail(c);
	table_init(&t, 10);
	table_row(&t, "ID", "ORG", "YEAR", "MODEL", "VERSION", "MET", "CRITERIA MET", "EARNED",
		  "CURRENT", "RECORDED BY");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_emulation_ratings(&c->app, &c->actor,
						  OPT(c, "org") ? OPT(c, "org") : "", year,
						  rating_row, &o, &c->e),
			    "no emulation rating");
}

int cmd_emulation_rate(struct cli *c, int npos, char **pos)
{
	const char *met = OPT(c, "met"), *p;
	int met_v[64], year;
	size_t n = 0;
	int64_t id = 0;
	struct emulation_rating_rec *r;
	struct rating_out o = {NULL, NULL, 0, NULL};
	int rc = 0;

	(void)npos;
	cli_year(c, "year", OPT(c, "year"), 1, &year);
	if (!OPT(c, "model"))
		err_add(&c->e, ERR_USAGE, 0, "model", NULL, NULL,
			"--model is required: the emulation model's code ('cadre emulation models' "
			"lists them)");
	if (!met || !met[0]) {
		err_add(&c->e, ERR_USAGE, 0, "met", NULL, NULL,
			"--met is required: 1 or 0 for each criterion, such as 1,0,1,1");
	} else {
		for (p = met; *p;) {
			if ((*p != '0' && *p != '1') || (p[1] && p[1] != ',') || n == 64) {
				err_add(&c->e, ERR_USAGE, 0, "met", met, NULL,
					"--met is a list of 1 (met) and 0 (not met) separated by "
					"commas, one for each criterion, such as 1,0,1,1");
				break;
			}
			met_v[n++] = *p == '1';
			p += p[1] ? 2 : 1;
		}
	}
	if (c->e.code ||
	    app_emulation_rate(&c->app, &c->actor, pos[0], OPT(c, "model"), year, met_v, n, &id,
			       &c->e))
		return cli_fail(c);
	/* Read back: the version applied and whether the title is earned. */
	r = xcalloc(1, sizeof *r);
	o.want = id;
	o.found = r;
	if (app_emulation_ratings(&c->app, &c->actor, pos[0], year, rating_row, &o, &c->e) ||
	    r->id != id) {
		if (!c->e.code)
			err_set(&c->e, ERR_INTERNAL, "the rating was stored but cannot be read back");
		rc = cli_fail(c);
	} else if (c->json) {
		cli_json_out(json_emulation_rating(r));
	} else {
		printf("%s rated against %s (version %d) for %d: %ld of %zu criteria met, %d "
		       "required: the title is %s\n", r->org_code, r->model.code, r->model.version,
		       year, r->nmet, r->model.ncriteria, r->model.required,
		       r->earned ? "earned" : "not earned");
	}
	free(r);
	return rc;
}

/* ---- the report ---------------------------------------------------------------------- */

static void print_report_table(const struct report_table *t)
{
	struct table out;
	size_t i, j, k, ncells;
	int pct[REPORT_COLS_MAX];
	const char *cells[1 + 2 * REPORT_COLS_MAX];
	char buf[2 * REPORT_COLS_MAX][40];

	/* A percent column beside each column that has a base anywhere. */
	ncells = 1;
	for (j = 0; j < t->ncol; j++) {
		pct[j] = 0;
		for (i = 0; i < t->nrow; i++)
			pct[j] |= t->rows[i].c[j].base != 0;
		ncells += 1 + (size_t)pct[j];
	}
	table_init(&out, ncells);
	k = 0;
	cells[k++] = "";
	for (j = 0; j < t->ncol; j++) {
		cells[k++] = t->ncol == 1 ? "COUNT" : t->col_label[j][0] ? t->col_label[j]
									: t->col[j];
		if (pct[j])
			cells[k++] = t->ncol == 1 ? "PERCENT" : "%";
	}
	table_rowv(&out, cells);
	for (i = 0; i < t->nrow; i++) {
		const struct report_row *w = &t->rows[i];

		k = 0;
		cells[k++] = w->label;
		for (j = 0; j < t->ncol; j++) {
			snprintf(buf[2 * j], sizeof buf[0], "%ld", w->c[j].count);
			cells[k++] = buf[2 * j];
			if (pct[j]) {
				report_pct_str(w->c[j].count, w->c[j].base, buf[2 * j + 1],
					       sizeof buf[0] - 1);
				if (buf[2 * j + 1][0])
					memcpy(buf[2 * j + 1] + strlen(buf[2 * j + 1]), "%", 2);
				cells[k++] = buf[2 * j + 1];
			}
		}
		table_rowv(&out, cells);
	}
	table_print(&out, stdout);
	table_cleanup(&out);
}

void print_report_text(const struct report *r)
{
	size_t i;
	char d[DATE_STR];

	printf("%s  %s\n", r->org_code, r->org_name);
	printf("as of %s, year %d\n", date_format(r->as_of, d), r->year);
	printf("made by %s at %s\n", r->made_by, r->made_at);
	for (i = 0; i < r->n; i++) {
		const struct report_table *t = &r->t[i];

		printf("\n%s [%s]\n", t->title, t->name);
		if (t->nrow)
			print_report_table(t);
		else
			printf("(none)\n");
		if (t->note[0])
			printf("  (%s)\n", t->note);
	}
}

int cmd_report(struct cli *c, int npos, char **pos)
{
	struct report r;
	date_t as_of;
	int year, rc = 0;
	const char *xlsx = OPT(c, "xlsx");

	(void)npos;
	(void)pos;
	if (c->json + OPT_SET(c, "csv") + (xlsx != NULL) > 1)
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"choose one output: --json, --csv or --xlsx FILE");
	if (xlsx && !xlsx[0])
		err_add(&c->e, ERR_USAGE, 0, "xlsx", NULL, NULL, "--xlsx needs a file name");
	cli_year(c, "year", OPT(c, "year"), 0, &year);
	cli_date(c, "as-of", OPT(c, "as-of"), &as_of);
	if (c->e.code)
		return cli_fail(c);
	if (app_report(&c->app, &c->actor, OPT(c, "org") ? OPT(c, "org") : "", year, as_of, &r,
		       &c->e)) {
		report_cleanup(&r);
		return cli_fail(c);
	}
	/* A report taken out as a file (JSON, CSV, XLSX) is one audit entry. */
	if ((c->json || OPT_SET(c, "csv") || xlsx) &&
	    app_report_download(&c->app, &c->actor, &r,
				c->json ? "json" : OPT_SET(c, "csv") ? "csv" : "xlsx", &c->e)) {
		report_cleanup(&r);
		return cli_fail(c);
	}
	if (c->json) {
		json_t *j = report_json(&r);
		char *s = json_dumps(j, REPORT_JSON_FLAGS | JSON_INDENT(2));

		if (s)
			printf("%s\n", s);
		free(s);
		json_decref(j);
	} else if (OPT_SET(c, "csv")) {
		if (report_csv(&r, stdout) || fflush(stdout)) {
			err_set(&c->e, ERR_STORAGE, "cannot write the CSV: %s", strerror(errno));
			rc = cli_fail(c);
		}
	} else if (xlsx) {
		if (report_xlsx(&r, xlsx, &c->e))
			rc = cli_fail(c);
		else
			printf("report of %s written to %s (%zu tables)\n", r.org_code, xlsx, r.n);
	} else {
		print_report_text(&r);
	}
	report_cleanup(&r);
	return rc;
}

int cmd_report_members(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct member_out l = {NULL, &t};
	const char *filter = OPT(c, "filter");
	long offset, limit, total = 0;
	int year, code;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (!filter)
		err_add(&c->e, ERR_USAGE, 0, "filter", NULL, NULL,
			"--filter NAME=VALUE is required: the filter of a report row (--json "
			"report gives each row's), such as status=official");
	cli_year(c, "year", OPT(c, "year"), 0, &year);
	cli_count(c, "offset", OPT(c, "offset"), &offset);
	cli_count(c, "limit", OPT(c, "limit"), &limit);
	if (c->e.code)
		return cli_fail(c);
	member_table_init(&t);
	if (c->json)
		l.arr = json_array();
	rc = app_report_members(&c->app, &c->actor, OPT(c, "org") ? OPT(c, "org") : "", year,
				filter, offset < 0 ? 0 : offset, limit, member_out, &l, &total,
				&c->e);
	code = cli_list_end(c, &t, l.arr, rc, "no members");
	if (!rc && !c->json && (offset > 0 || limit >= 0))
		fprintf(stderr, "%ld members match %s in all\n", total, filter);
	return code;
}

/* ---- the roll-up --------------------------------------------------------------------- */

static const int rollup_statuses[] = {MS_OFFICIAL, MS_PROBATIONARY, MS_EXEMPT, MS_SUSPENDED};
static const char *const force_names[] = {"militia", "self_defence", "reserve"};

struct roll_out {
	json_t *arr;
	struct table *t;
	struct buf csv;
	int base_depth;
	long rows;
};

static void force_counts(const struct rollup_row *r, long party[3], long other[3])
{
	party[0] = r->party_militia;
	party[1] = r->party_self_defence;
	party[2] = r->party_reserve;
	other[0] = r->militia;
	other[1] = r->self_defence;
	other[2] = r->reserve;
}

static int roll_row(void *ctx, const struct rollup_row *r)
{
	struct roll_out *o = ctx;
	long party[3], other[3];
	char num[32][24], pct[3][16];
	const char *f[32];
	size_t n = 0, i;

	if (!o->rows++)
		o->base_depth = r->depth;
	force_counts(r, party, other);
	for (i = 0; i < 3; i++)
		report_pct_str(party[i], party[i] + other[i], pct[i], sizeof pct[i]);
	if (o->arr) {
		json_t *m = json_object(), *mg = json_object(), *og = json_object(),
		       *lead = json_object();

		for (i = 0; i < 4; i++)
			json_object_set_new(m, member_status_name(rollup_statuses[i]),
					    json_integer(r->members[rollup_statuses[i]]));
		for (i = 0; i < G__COUNT; i++) {
			json_object_set_new(mg, grade_name((enum grade)i),
					    json_integer(r->member_grade[i]));
			json_object_set_new(og, grade_name((enum grade)i),
					    json_integer(r->org_grade[i]));
		}
		for (i = 0; i < 3; i++)
			json_object_set_new(lead, force_names[i],
					    json_pack("{s:I,s:I,s:o}", "party", (json_int_t)party[i],
						      "non_party", (json_int_t)other[i], "percent",
						      pct[i][0] ? json_real(report_pct100(
								  party[i], party[i] + other[i]) / 100.0)
								: json_null()));
		cli_json_push(o->arr,
				      json_pack("{s:s,s:i,s:o,s:I,s:o,s:o,s:o}", "code", r->code,
						"depth", r->depth, "members", m, "hosted",
						(json_int_t)r->hosted, "member_grades", mg,
						"org_grades", og, "leadership_ratio", lead));
		return 0;
	}
	/* The fields in the order of the CSV header (roll_header). */
	f[n++] = r->code;
	snprintf(num[n], sizeof num[n], "%d", r->depth);
	f[n] = num[n];
	n++;
	for (i = 0; i < 4; i++, n++) {
		snprintf(num[n], sizeof num[n], "%ld", r->members[rollup_statuses[i]]);
		f[n] = num[n];
	}
	snprintf(num[n], sizeof num[n], "%ld", r->hosted);
	f[n] = num[n];
	n++;
	for (i = 0; i < G__COUNT; i++, n++) {
		snprintf(num[n], sizeof num[n], "%ld", r->member_grade[i]);
		f[n] = num[n];
	}
	for (i = 0; i < G__COUNT; i++, n++) {
		snprintf(num[n], sizeof num[n], "%ld", r->org_grade[i]);
		f[n] = num[n];
	}
	for (i = 0; i < 3; i++) {
		snprintf(num[n], sizeof num[n], "%ld", party[i]);
		f[n] = num[n];
		n++;
		snprintf(num[n], sizeof num[n], "%ld", other[i]);
		f[n] = num[n];
		n++;
		f[n++] = pct[i];
	}
	if (!o->t) {
		csv_write_record(&o->csv, f, n);
		if (o->csv.len > 65536) {
			fwrite(o->csv.s, 1, o->csv.len, stdout);
			buf_reset(&o->csv);
		}
		return 0;
	}
	{
		/* The text table: the code indented by depth; member and organisation grades as
		 * E/G/C/N; the three forces' ratios. */
		char code[ORG_CODE_MAX + 80], mg[96], og[96], lead[3][64];
		int ind = r->depth - o->base_depth;

		snprintf(code, sizeof code, "%*s%s", ind > 0 ? 2 * (ind > 30 ? 30 : ind) : 0, "",
			 r->code);
		snprintf(mg, sizeof mg, "%ld/%ld/%ld/%ld", r->member_grade[0], r->member_grade[1],
			 r->member_grade[2], r->member_grade[3]);
		snprintf(og, sizeof og, "%ld/%ld/%ld/%ld", r->org_grade[0], r->org_grade[1],
			 r->org_grade[2], r->org_grade[3]);
		for (i = 0; i < 3; i++)
			snprintf(lead[i], sizeof lead[i], "%s%s", pct[i], pct[i][0] ? "%" : "");
		table_row(o->t, code, f[2], f[3], f[4], f[5], f[6], mg, og, lead[0], lead[1],
			  lead[2]);
	}
	return 0;
}

static const char *const roll_header[] = {
	"code", "depth", "official", "probationary", "exempt", "suspended", "hosted",
	"members_excellent", "members_good", "members_complete", "members_not_complete",
	"orgs_excellent", "orgs_good", "orgs_complete", "orgs_not_complete",
	"party_militia", "militia", "militia_ratio", "party_self_defence", "self_defence",
	"self_defence_ratio", "party_reserve", "reserve", "reserve_ratio",
};

int cmd_rollup(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct roll_out o;
	int year, csv = OPT_SET(c, "csv");
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (c->json && csv)
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL, "choose one output: --json or --csv");
	if (cli_year(c, "year", OPT(c, "year"), 0, &year) || c->e.code)
		return cli_fail(c);
	memset(&o, 0, sizeof o);
	buf_init(&o.csv, 0);
	if (c->json) {
		o.arr = json_array();
	} else if (csv) {
		csv_write_record(&o.csv, roll_header, sizeof roll_header / sizeof roll_header[0]);
	} else {
		table_init(&t, 11);
		table_row(&t, "ORG", "OFFICIAL", "PROBATIONARY", "EXEMPT", "SUSPENDED", "HOSTED",
			  "MEMBERS E/G/C/N", "ORGS E/G/C/N", "MILITIA", "SELF-DEFENCE", "RESERVE");
		o.t = &t;
	}
	rc = app_rollup(&c->app, &c->actor, year, roll_row, &o, &c->e);
	if (csv) {
		if (!rc && (fwrite(o.csv.s, 1, o.csv.len, stdout) != o.csv.len || fflush(stdout) ||
			    ferror(stdout)))
			rc = err_set(&c->e, ERR_STORAGE, "cannot write the CSV: %s", strerror(errno));
		buf_cleanup(&o.csv);
		return rc ? cli_fail(c) : 0;
	}
	buf_cleanup(&o.csv);
	if (c->json) {
		if (rc) {
			json_decref(o.arr);
			return cli_fail(c);
		}
		cli_json_out(o.arr);
		return 0;
	}
	if (!rc) {
		table_print(&t, stdout);
		printf("(grades: excellent/good/complete/not complete, decided for the year; forces: "
		       "party members of the force's category over them plus the non-party "
		       "headcount)\n");
	}
	table_cleanup(&t);
	return rc ? cli_fail(c) : 0;
}

/* ---- the counters -------------------------------------------------------------------- */

int cmd_figures_check(struct cli *c, int npos, char **pos)
{
	long wrong = 0;

	(void)npos;
	(void)pos;
	if (app_fig_check(&c->app, &c->actor, 0, &wrong, &c->e))
		return cli_fail(c);
	if (wrong) {
		err_set(&c->e, ERR_STORAGE,
			"the kept counters of %ld organisation%s differ from a count of the "
			"records: reports would show wrong figures; run 'cadre figures rebuild' and "
			"report the bug", wrong, wrong == 1 ? "" : "s");
		return cli_fail(c);
	}
	if (c->json)
		cli_json_out(json_pack("{s:b,s:i}", "ok", 1, "wrong", 0));
	else
		printf("figures: every organisation's counters match a count of the records\n");
	return 0;
}

int cmd_figures_rebuild(struct cli *c, int npos, char **pos)
{
	long wrong = 0;

	(void)npos;
	(void)pos;
	if (app_fig_check(&c->app, &c->actor, 1, &wrong, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:b,s:I}", "ok", 1, "rebuilt", (json_int_t)wrong));
	else if (wrong)
		printf("figures: the counters of %ld organisation%s were wrong and are counted "
		       "again\n", wrong, wrong == 1 ? "" : "s");
	else
		printf("figures: every counter was right; nothing to rebuild\n");
	return 0;
}
