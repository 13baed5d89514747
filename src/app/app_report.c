/* app_report.c - the figures of a subtree (DOMAIN §11) and the whole-country roll-up, from the
 * counters the store keeps (core/fig.h), or from the history for a past date.
 *
 * How things are counted (docs/reports.md says the same for users):
 *  - members: those on the rolls (probationary, official, exempt, suspended) of the subtree's
 *    organisations; members hosted on temporary transfer are shown apart and not counted;
 *  - ages and party seniority by year: the year of the figures minus the year of birth or of
 *    the admission decision (R-REPORT-AGE-BANDS, R-REPORT-SENIORITY-BANDS);
 *  - admissions of a year: members on the rolls whose admission decision falls in it; the
 *    development rate divides them by the members on the rolls of the subtree on 1 January
 *    of the year (their rolls and statuses that day, from the history);
 *  - member reviews: the decisions in force for the year, counted at the organisation whose
 *    roll the member was on when decided; percentages of the members decided;
 *  - organisation reviews: decisions in force on the subtree's organisations, and apart those
 *    on grassroots organisations (seed 004's figure);
 *  - the leadership ratio: party members of the force's category over them plus the
 *    organisations' non-party headcount of that force. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/mem.h"
#include "app_adm_fig.h"
#include "app_cadres.h"
#include "app_meet_fig.h"
#include "app_int.h"
#include "app_insp_fig.h"
#include "app_report.h"
#include "app_study.h"
#include "app_plan.h"
#include "app_training.h"

#define ETHNIC_MAX 256
#define DEPTH_MAX 64

/* What a report is made from: the subtree's counters summed, and per direct sub-organisation
 * the member grades. */
struct figs {
	struct fig_map all;
	long cells, boards, headcount[3];
	size_t nsub;
	struct sub {
		char code[ORG_CODE_MAX + 1];
		char name[ORG_NAME_MAX * 2 + 1];
		long last;
		struct fig_map core;
	} *sub;
	int root_depth;
	long root_last;
};

static void figs_cleanup(struct figs *f)
{
	size_t i;

	fig_map_cleanup(&f->all);
	for (i = 0; i < f->nsub; i++)
		fig_map_cleanup(&f->sub[i].core);
	free(f->sub);
}

static int figs_org(void *ctx, const struct fig_org *o)
{
	struct figs *f = ctx;

	if (o->dissolved != DATE_NONE)
		return 0;
	fig_map_merge(&f->all, &o->core);
	fig_map_merge(&f->all, &o->hist);
	if (o->kind == OK_CELL) {
		f->cells++;
		f->boards += !!o->standing_board;
	}
	if (o->militia > 0)
		f->headcount[0] += o->militia;
	if (o->self_defence > 0)
		f->headcount[1] += o->self_defence;
	if (o->reserve > 0)
		f->headcount[2] += o->reserve;
	if (o->depth == f->root_depth + 1) {
		struct sub *s;

		f->sub = xrealloc(f->sub, (f->nsub + 1) * sizeof *f->sub);
		s = &f->sub[f->nsub++];
		memset(s, 0, sizeof *s);
		snprintf(s->code, sizeof s->code, "%s", o->code);
		snprintf(s->name, sizeof s->name, "%s", o->name);
		s->last = o->last;
	}
	if (f->nsub && o->depth > f->root_depth && o->pre <= f->sub[f->nsub - 1].last)
		fig_map_merge(&f->sub[f->nsub - 1].core, &o->core);
	return 0;
}

/* As of a past date: the members on the rolls then, counted with their status then. */
struct past {
	struct app *a;
	struct figs *f;
	char (*eth)[48];
	struct err *e;
};

static int past_member(void *ctx, const struct member *m)
{
	struct past *p = ctx;
	uint32_t keys[4];
	size_t n, i;
	long eid = 0;

	if (m->temp_org_id) {
		/* hosted: not on this roll, counted apart as today's figures do */
		fig_map_add(&p->f->all, FIG_KEY(FD_HOSTED, 0), 1);
		return 0;
	}
	for (i = 1; i < ETHNIC_MAX && p->eth[i][0]; i++)
		if (!strcmp(p->eth[i], m->ethnicity)) {
			eid = (long)i;
			break;
		}
	n = fig_member_core((int)m->status, m->sex, m->category, keys);
	for (i = 0; i < n; i++)
		fig_map_add(&p->f->all, keys[i], 1);
	n = fig_member_hist((int)m->status, eid, m->birth_date, m->admission_decision_date, keys);
	for (i = 0; i < n; i++)
		fig_map_add(&p->f->all, keys[i], 1);
	return 0;
}

/* ---- building the tables -------------------------------------------------------------- */

static const char *const count_col[] = {"count"};

static long dim_sum(const struct fig_map *m, int dim)
{
	long n = 0;
	size_t i;

	for (i = 0; i < m->n; i++)
		if (FIG_DIM(m->v[i].key) == dim)
			n += m->v[i].count;
	return n;
}

static void row_set(struct report_table *t, const char *key, const char *label,
		    const char *filter, long count, long base)
{
	struct report_row *w = report_row_add(t, key, label, filter);

	w->c[0].count = count;
	w->c[0].base = base;
}

static void status_table(struct report *r, const struct figs *f, long total)
{
	static const int st[] = {MS_OFFICIAL, MS_PROBATIONARY, MS_EXEMPT, MS_SUSPENDED};
	struct report_table *t = report_table_add(r, "members_by_status", "Members by status",
						  RC_BARS, 1, count_col, NULL);
	char filter[64];
	size_t i;

	for (i = 0; i < sizeof st / sizeof st[0]; i++) {
		snprintf(filter, sizeof filter, "status=%s", member_status_name(st[i]));
		row_set(t, member_status_name(st[i]), member_status_name(st[i]), filter,
			fig_map_get(&f->all, FIG_KEY(FD_STATUS, st[i])), total);
	}
	row_set(t, "total", "total", "", total, 0);
	row_set(t, "hosted", "hosted on temporary transfer (not counted)", "hosted=1",
		fig_map_get(&f->all, FIG_KEY(FD_HOSTED, 0)), 0);
}

static void category_table(struct report *r, const struct figs *f, long total)
{
	struct report_table *t = report_table_add(r, "members_by_category", "Members by category",
						  RC_BARS, 1, count_col, NULL);
	char filter[64];
	size_t i;

	for (i = 0; member_categories[i]; i++) {
		snprintf(filter, sizeof filter, "category=%s", member_categories[i]);
		row_set(t, member_categories[i], member_categories[i], filter,
			fig_map_get(&f->all, FIG_KEY(FD_CATEGORY, i + 1)), total);
	}
	row_set(t, "not_given", "not given", "category=", fig_map_get(&f->all, FIG_KEY(FD_CATEGORY, 0)),
		total);
}

static void sex_table(struct report *r, const struct figs *f, long total)
{
	struct report_table *t = report_table_add(r, "members_by_sex", "Members by sex", RC_BARS,
						  1, count_col, NULL);

	row_set(t, "male", "male", "sex=male", fig_map_get(&f->all, FIG_KEY(FD_SEX, 0)), total);
	row_set(t, "female", "female", "sex=female", fig_map_get(&f->all, FIG_KEY(FD_SEX, 1)),
		total);
}

static int cmp_row_count(const void *x, const void *y)
{
	const struct report_row *a = x, *b = y;

	if (a->c[0].count != b->c[0].count)
		return a->c[0].count > b->c[0].count ? -1 : 1;
	return strcmp(a->key, b->key);
}

static void ethnic_table(struct report *r, const struct figs *f, long total,
			 char (*eth)[48])
{
	struct report_table *t = report_table_add(r, "members_by_ethnicity",
						  "Members by ethnicity", RC_BARS, 1, count_col, NULL);
	char filter[80];
	size_t i;

	for (i = 0; i < f->all.n; i++) {
		long id = FIG_VAL(f->all.v[i].key);
		const char *name;

		if (FIG_DIM(f->all.v[i].key) != FD_ETHNIC)
			continue;
		name = id > 0 && id < ETHNIC_MAX && eth[id][0] ? eth[id] : "not given";
		snprintf(filter, sizeof filter, "ethnicity=%s", name);
		row_set(t, name, name, filter, f->all.v[i].count, total);
	}
	if (t->nrow > 1)
		qsort(t->rows, t->nrow, sizeof *t->rows, cmp_row_count);
}

/* Bands from a rule's list of starts ("30,40,50,60": under 30, 30-39, ..., 60 and over) over
 * the years of dimension dim counted back from year. */
static void band_table(struct app *a, struct report *r, const struct figs *f, long total,
		       const char *name, const char *title, const char *rule, int dim, int year,
		       const char *filter_name)
{
	struct report_table *t = report_table_add(r, name, title, RC_BARS, 1, count_col, NULL);
	const struct rule_version *v = ruleset_find(&a->rules, rule, r->as_of);
	long starts[16];
	size_t ns = 0, i, j;
	const char *p = v ? v->value : "";

	while (*p && ns < 15) {
		char *end;

		starts[ns++] = strtol(p, &end, 10);
		p = *end == ',' ? end + 1 : end + strlen(end);
	}
	snprintf(t->note, sizeof t->note, "%s (%s)", "years counted by calendar year", rule);
	for (i = 0; i <= ns; i++) {
		long lo = i ? starts[i - 1] : 0, hi = i < ns ? starts[i] : 1000, n = 0;
		char key[32], label[48], filter[64];

		for (j = 0; j < f->all.n; j++) {
			long yrs;

			if (FIG_DIM(f->all.v[j].key) != dim)
				continue;
			yrs = year - FIG_VAL(f->all.v[j].key);
			if (yrs >= lo && yrs < hi)
				n += f->all.v[j].count;
		}
		if (!i)
			snprintf(key, sizeof key, "under_%ld", hi);
		else if (i == ns)
			snprintf(key, sizeof key, "%ld_and_over", lo);
		else
			snprintf(key, sizeof key, "%ld_%ld", lo, hi - 1);
		if (!i)
			snprintf(label, sizeof label, "under %ld", hi);
		else if (i == ns)
			snprintf(label, sizeof label, "%ld and over", lo);
		else
			snprintf(label, sizeof label, "%ld-%ld", lo, hi - 1);
		snprintf(filter, sizeof filter, "%s=%ld-%ld", filter_name, lo, hi - 1);
		row_set(t, key, label, filter, n, total);
	}
}

/* Admissions of the year and the development rate: admitted in the year over the members on
 * the rolls of the subtree on 1 January of that year (jan1, from the history: not those
 * still on the rolls at the report's date, which left out everyone who moved away or died
 * during the year). */
static void admissions_table(struct report *r, const struct figs *f, int year, long jan1)
{
	struct report_table *t = report_table_add(r, "admissions", "Admissions and the development rate",
						  RC_NONE, 1, count_col, NULL);
	long in_year = 0;
	size_t i;
	char filter[48], start[48];

	for (i = 0; i < f->all.n; i++)
		if (FIG_DIM(f->all.v[i].key) == FD_ADMIT_YEAR && FIG_VAL(f->all.v[i].key) == year)
			in_year += f->all.v[i].count;
	snprintf(t->note, sizeof t->note, "%s",
		 "admitted: members on the rolls whose admission decision falls in the year; "
		 "the development rate divides them by the members on the rolls on 1 January");
	snprintf(filter, sizeof filter, "admitted=%d", year);
	snprintf(start, sizeof start, "on_rolls=%d", year);
	row_set(t, "admitted", "admitted in the year", filter, in_year, 0);
	row_set(t, "members_at_start", "members on the rolls on 1 January", start, jan1, 0);
	row_set(t, "development_rate", "development rate", filter, in_year, jan1);
}

/* The admission figures (app_adm_fig.c): the cases by stage and by source on 31 December
 * (or today when earlier), and the pipeline's events of the year. Their rows' records are
 * cases (filters adm_...), except the members admitted and the probationers. */
static void adm_tables(struct report *r, const struct adm_figures *af, int year)
{
	static const char *const stage_labels[AST__COUNT] = {
		"listed candidates", "awareness class passed", "application made",
		"personal history verified", "voted for by the cell",
		"voted for by the grassroots committee", "admission decided, ceremony due",
		"on probation", "referred to the committee above", "recognised as official",
		"removed from the rolls", "withdrawn", "refused by the committee above"};
	static const char *const source_labels[ASRC__COUNT] = {
		"outstanding soldiers", "squad leaders", "Youth Union members", "other sources"};
	struct report_table *t;
	char filter[64];
	long open = 0, candidates = 0, recognised;
	int i;

	for (i = 0; i < AST__COUNT; i++)
		if (!adm_stage_closed((enum adm_stage)i))
			open += af->by_stage[i];
	for (i = 0; i < ASRC__COUNT; i++)
		candidates += af->by_source[i];
	t = report_table_add(r, "admission_stages", "Admission cases by stage", RC_NONE, 1,
			     count_col, NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "the cases kept by the cells on 31 December, or today when earlier, at the stage "
		 "their steps had reached; percentages of the open cases");
	for (i = 0; i < AST__COUNT; i++) {
		snprintf(filter, sizeof filter, "adm_stage=%s", adm_stage_name((enum adm_stage)i));
		row_set(t, adm_stage_name((enum adm_stage)i), stage_labels[i], filter,
			af->by_stage[i], adm_stage_closed((enum adm_stage)i) ? 0 : open);
	}
	row_set(t, "open", "open cases", "", open, 0);
	t = report_table_add(r, "admission_sources", "Candidates by source", RC_NONE, 1, count_col,
			     NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "the cases not yet admitted (listed to decided) on the same date, by where the "
		 "candidate came from");
	for (i = 0; i < ASRC__COUNT; i++) {
		snprintf(filter, sizeof filter, "adm_source=%s",
			 adm_source_name((enum adm_source)i));
		row_set(t, adm_source_name((enum adm_source)i), source_labels[i], filter,
			af->by_source[i], candidates);
	}
	t = report_table_add(r, "admission_year", "The admission pipeline in the year", RC_NONE,
			     1, count_col, NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "awareness classes passed, admissions by decision date, probationers on 31 "
		 "December or today, recognitions as official on time or late, failed recognition "
		 "votes and removals of the year (R-PROBATION-VOTE-WORKING-DAYS)");
	snprintf(filter, sizeof filter, "adm_class=%d", year);
	row_set(t, "classes", "awareness classes passed", filter, af->classes, 0);
	snprintf(filter, sizeof filter, "admitted=%d", year);
	row_set(t, "admitted", "admitted in the year", filter, af->admitted, 0);
	snprintf(filter, sizeof filter, "probationers=%d", year);
	row_set(t, "probationers", "probationary members at the end", filter, af->probationers, 0);
	recognised = af->recognised_on_time + af->recognised_late;
	snprintf(filter, sizeof filter, "adm_on_time=%d", year);
	row_set(t, "recognised_on_time", "recognised as official on time", filter,
		af->recognised_on_time, recognised);
	snprintf(filter, sizeof filter, "adm_late=%d", year);
	row_set(t, "recognised_late", "recognised as official late", filter,
		af->recognised_late, recognised);
	snprintf(filter, sizeof filter, "adm_failed=%d", year);
	row_set(t, "failed_votes", "failed recognition votes", filter, af->failed_votes, 0);
	snprintf(filter, sizeof filter, "adm_removed=%d", year);
	row_set(t, "removed", "probationers removed from the rolls", filter, af->removed, 0);
}

/* The meeting figures of the year (app_meet_fig.c; DOMAIN §7): the rhythm of the cells'
 * monthly and thematic meetings, the attendance and the members absent without reason. The
 * rows' records are cells or members, listed by the meeting figures' page (meet_show=). */
static enum err_code meeting_table(struct app *a, struct report *r, long pre, long last,
				   int year, struct err *e)
{
	struct meet_figures mf;
	struct report_table *t;

	if (app_meet_figures_range(a, pre, last, date_from_ymd(year, 1, 1),
				   date_from_ymd(year, 12, 31), MF_ALL, &mf, NULL, NULL, e))
		return e->code;
	t = report_table_add(r, "meetings", "Cell meetings in the year", RC_NONE, 1, count_col,
			     NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "months and quarters ended by 31 December or today; a month held with "
		 "R-MEETING-MONTHLY monthly meetings, a quarter with R-MEETING-THEMATIC-QUARTER "
		 "thematic ones; attendance over the members expected (those not counted left out)");
	row_set(t, "cells_every_month", "cells that held their monthly meeting every month",
		"meet_show=missed_monthly", mf.cells_every_month, mf.cells);
	row_set(t, "months_held", "cell-months with the monthly meeting held", "",
		mf.cell_months_held, mf.cell_months);
	row_set(t, "cells_every_quarter", "cells with a thematic meeting every quarter",
		"meet_show=missed_thematic", mf.cells_every_quarter, mf.cells_q);
	row_set(t, "quarters_thematic", "cell-quarters with a thematic meeting", "",
		mf.cell_quarters_thematic, mf.cell_quarters);
	row_set(t, "meetings_held", "meetings held", "meet_show=cells", mf.meetings, 0);
	row_set(t, "thematic_held", "thematic meetings held", "", mf.thematic, 0);
	row_set(t, "attendance", "members present of those expected", "", mf.present,
		mf.expected);
	row_set(t, "absentees", "members absent without reason R-MEETING-ABSENT-MAX times",
		"meet_show=absentees", mf.absentees, 0);
	return ERR_OK;
}

/* The study of documents in the year (DOMAIN §9, seed 003; docs/study.md "In the report"):
 * one row per document with a study plan reaching the subtree for the year, its coverage
 * today from the kept counters (app_study_coverage_range) over the organisations that must
 * study it: the whole subtree when a plan's audience holds its root, else the audiences
 * inside it (disjoint subtrees, added up). Party committees and organisations that have
 * studied it, members covered. The rows' records are the organisations not yet studied, on
 * the document's coverage page (study_missing=ID,CODE: CODE the subtree asked, the report's
 * own or the one audience inside it). */
#define STUDY_AUDIENCES 64

struct study_rows {
	struct app *a;
	struct report_table *t;
	long pre, last;
	const char *root_code;
	struct study_reach doc;      /* the document being gathered (doc_id 0: none) */
	int whole;                   /* an audience holds the root */
	size_t n;                    /* audiences inside, outermost only, in pre-order */
	struct study_reach in[STUDY_AUDIENCES];
	struct err *e;
};

static int study_flush(struct study_rows *x)
{
	struct study_coverage cov, sum;
	struct report_row *w;
	char key[REPORT_NAME_MAX], filter[REPORT_NAME_MAX + 24], label[REPORT_LABEL_MAX];
	const char *code = x->root_code;
	size_t i, n;

	if (!x->doc.doc_id)
		return 0;
	memset(&sum, 0, sizeof sum);
	if (x->whole || x->n >= STUDY_AUDIENCES) {
		/* more audiences than kept: the whole subtree (each its part is in it) */
		if (app_study_coverage_range(x->a, x->doc.doc_id, x->pre, x->last, &sum, NULL,
					     NULL, x->e))
			return 1;
	} else {
		for (i = 0; i < x->n; i++) {
			if (app_study_coverage_range(x->a, x->doc.doc_id, x->in[i].apre,
						     x->in[i].alast, &cov, NULL, NULL, x->e))
				return 1;
			sum.members += cov.members;
			sum.covered += cov.covered;
			sum.orgs += cov.orgs;
			sum.orgs_studied += cov.orgs_studied;
			sum.committees += cov.committees;
			sum.committees_studied += cov.committees_studied;
		}
		if (x->n == 1)
			code = x->in[0].acode;
	}
	snprintf(key, sizeof key, "doc_%lld", (long long)x->doc.doc_id);
	snprintf(filter, sizeof filter, "study_missing=%lld,%s", (long long)x->doc.doc_id, code);
	snprintf(label, sizeof label, "%s ", x->doc.number);
	n = strlen(label);
	snprintf(label + n, sizeof label - n, "%.*s", (int)(sizeof label - n - 1), x->doc.title);
	/* a title too long is cut at a character's start: drop a last character left whole */
	n = strlen(label);
	if (n == sizeof label - 1) {
		size_t k = n, want;
		unsigned char lead;

		while (k > 0 && ((unsigned char)label[k - 1] & 0xc0) == 0x80)
			k--;
		lead = k > 0 ? (unsigned char)label[k - 1] : 0;
		want = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
		if (k > 0 && k - 1 + want > n)
			label[k - 1] = 0;
	}
	w = report_row_add(x->t, key, label, filter);
	w->c[0].count = sum.committees_studied;
	w->c[0].base = sum.committees;
	w->c[1].count = sum.orgs_studied;
	w->c[1].base = sum.orgs;
	w->c[2].count = sum.covered;
	w->c[2].base = sum.members;
	return 0;
}

static int study_reach_line(void *ctx, const struct study_reach *r)
{
	struct study_rows *x = ctx;

	if (r->doc_id != x->doc.doc_id) {
		if (study_flush(x))
			return 1;
		x->doc = *r;
		x->whole = 0;
		x->n = 0;
	}
	if (r->apre <= x->pre && x->pre <= r->alast)
		x->whole = 1;
	else if (x->n == 0 || r->apre > x->in[x->n - 1].alast) {
		/* in pre-order: an audience inside the last one kept is already counted */
		if (x->n < STUDY_AUDIENCES)
			x->in[x->n] = *r;
		x->n++;
	}
	return 0;
}

static enum err_code study_table(struct app *a, struct report *r, long pre, long last,
				 int year, struct err *e)
{
	static const char *const cols[] = {"committees", "organisations", "members"};
	static const char *const labels[] = {"party committees that have studied it",
					     "organisations that have studied it",
					     "members covered"};
	struct study_rows *x = xcalloc(1, sizeof *x);

	x->a = a;
	x->t = report_table_add(r, "study_coverage", "Study of documents in the year", RC_NONE, 3,
				cols, labels);
	x->pre = pre;
	x->last = last;
	x->root_code = r->org_code;
	x->e = e;
	snprintf(x->t->note, sizeof x->t->note, "%s",
		 "documents with a study plan for the year reaching the subtree, their coverage "
		 "today: party committees (committee, grassroots, subcommittee) and organisations "
		 "with members whose every member is covered, members present at a session or its "
		 "make-up or who confirmed it; 100% only when every one has");
	/* study_reach_line stops the walk with its problem in e */
	if (!store_study_plan_docs(a->st, pre, last, date_from_ymd(year, 1, 1),
				   date_from_ymd(year, 12, 31), study_reach_line, x, e) &&
	    !e->code)
		study_flush(x);
	free(x);
	return e->code;
}

/* Cadres sent to training in the year (docs/cadres.md "Training"): the members of the
 * subtree's organisations with a course starting in the year, a member once in the total and
 * once in each kind of course he had. Only for an actor with the personnel right: without it
 * the table is left out. The rows' records are the training list (training_kind=). */
static enum err_code training_table(struct app *a, const struct actor *ac, struct report *r,
				    const struct org *o, int year, struct err *e)
{
	struct training_filter f;
	struct report_table *t;
	long counts[TK__COUNT], total;
	char filter[64];
	struct err tmp;
	int k, may;

	err_init(&tmp);
	may = app_personnel_check(a, ac, o->id, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	if (!may)
		return ERR_OK;
	memset(&f, 0, sizeof f);
	f.pre = o->pre;
	f.last = o->last;
	f.from = date_from_ymd(year, 1, 1);
	f.to = date_from_ymd(year, 12, 31);
	f.kind = -1;
	if (store_training_figures(a->st, &f, counts, &total, e))
		return e->code;
	t = report_table_add(r, "training", "Cadres sent to training in the year", RC_NONE, 1,
			     count_col, NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "members with a course starting in the year, counted by the organisation that "
		 "sent them; a member once in all, and once in each kind he had");
	row_set(t, "sent", "cadres sent to training", "training_kind=", total, 0);
	for (k = 0; k < TK__COUNT; k++) {
		static const char *const labels[TK__COUNT] = {"long-term", "in-service", "at a school",
							      "short courses"};

		snprintf(filter, sizeof filter, "training_kind=%s",
			 training_kind_name((enum training_kind)k));
		row_set(t, training_kind_name((enum training_kind)k), labels[k], filter, counts[k],
			total);
	}
	return ERR_OK;
}

/* Key cadres (docs/cadres.md "In the report"): the key positions in force on the report's
 * date and how many the vacancy report finds vacant or held by an acting holder; the
 * committees of a term under way and those below their seats; the rotations begun in the
 * year and how many went to a border or a difficult area. Positions and committees are not
 * personnel records: every actor who may read the report sees the table. The rows' records
 * are the vacancy report (cadre_state=) and the rotations of the year (cadre_rotation=). */
struct cadre_tally {
	long vacant, acting, understaffed;
};

static int cadre_tally_row(void *ctx, const struct vacancy *v)
{
	struct cadre_tally *c = ctx;

	if (!strcmp(v->state, "vacant"))
		c->vacant++;
	else if (!strcmp(v->state, "acting"))
		c->acting++;
	else if (!strcmp(v->state, "understaffed"))
		c->understaffed++;
	return 0;
}

struct rot_tally {
	long n, border, difficult;
};

static int rot_tally_row(void *ctx, const struct holding *h)
{
	struct rot_tally *t = ctx;

	t->n++;
	t->border += h->to_border != 0;
	t->difficult += h->to_difficult != 0;
	return 0;
}

static enum err_code cadres_table(struct app *a, struct report *r, long pre, long last,
				  date_t as_of, int year, struct err *e)
{
	struct cadre_tally c = {0, 0, 0};
	struct rot_tally rt = {0, 0, 0};
	struct report_table *t;
	long keys, committees;

	if (store_cadre_counts(a->st, pre, last, as_of, &keys, &committees, e) ||
	    store_vacancies(a->st, pre, last, as_of, cadre_tally_row, &c, e) ||
	    store_rotations(a->st, pre, last, date_from_ymd(year, 1, 1),
			    date_from_ymd(year + 1, 1, 1), rot_tally_row, &rt, e))
		return e->code;
	t = report_table_add(r, "key_cadres", "Key cadres", RC_NONE, 1, count_col, NULL);
	t->member_rows = 0;
	snprintf(t->note, sizeof t->note, "%s",
		 "key positions and committees on the report's date, as the vacancy report "
		 "counts them; rotations begun in the year");
	row_set(t, "key_positions", "key positions", "", keys, 0);
	row_set(t, "vacant", "vacant", "cadre_state=vacant", c.vacant, keys);
	row_set(t, "acting", "held by an acting holder", "cadre_state=acting", c.acting, keys);
	row_set(t, "committees", "committees of a term under way", "", committees, 0);
	row_set(t, "understaffed", "committees below their seats", "cadre_state=understaffed",
		c.understaffed, committees);
	row_set(t, "rotations", "rotations begun in the year", "cadre_rotation=all", rt.n, 0);
	row_set(t, "rotations_border", "of them to a border area", "cadre_rotation=border",
		rt.border, rt.n);
	row_set(t, "rotations_difficult", "of them to a difficult area",
		"cadre_rotation=difficult", rt.difficult, rt.n);
	return ERR_OK;
}

/* Planning (docs/cadres.md "Planning"): the key positions of the subtree today, those with at
 * least R-PLAN-PER-POSITION's MIN successors in the current period and those short, the
 * people planned. Only for an actor with the personnel right, and when a period covers
 * today; the rows lead to the organisation's plan (plan_). */
static enum err_code planning_table(struct app *a, const struct actor *ac, struct report *r,
				    const struct org *o, struct err *e)
{
	struct report_table *t;
	long n, short_n, people, min;
	struct err tmp;
	int may, has;

	err_init(&tmp);
	may = app_personnel_check(a, ac, o->id, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	if (!may)
		return ERR_OK;
	if (app_plan_counts(a, o->pre, o->last, &n, &short_n, &people, &min, &has, e))
		return e->code;
	if (!has)
		return ERR_OK;
	t = report_table_add(r, "planning", "Planning of key cadres", RC_NONE, 1, count_col,
			     NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "key positions in force today and their successors planned in the current "
		 "period (R-PLAN-PER-POSITION)");
	row_set(t, "key_positions", "key positions", "plan_positions", n, 0);
	row_set(t, "planned", "with enough successors planned", "plan_planned", n - short_n, n);
	row_set(t, "short", "short of successors", "plan_short", short_n, n);
	row_set(t, "people", "people planned", "plan_people", people, 0);
	return ERR_OK;
}

static const char *const grade_cols[] = {"excellent", "good", "complete", "not_complete"};

static void grade_rows(struct report_table *t, const struct fig_map *m, int dim, int year,
		       const char *filter_name)
{
	long g[G__COUNT], total = 0, revising;
	char filter[64];
	int i;

	for (i = 0; i < G__COUNT; i++)
		total += g[i] = fig_map_get(m, FIG_KEY(dim, FIG_YG(year, i)));
	/* Grades flagged for revision after a discipline (docs/inspection.md "Discipline"):
	 * decided, but counted under no grade until the new decision. */
	revising = fig_map_get(m, FIG_KEY(dim, FIG_YG(year, FIG_GRADE_REVISION)));
	total += revising;
	for (i = 0; i < G__COUNT; i++) {
		snprintf(filter, sizeof filter, "%s=%s", filter_name, grade_cols[i]);
		row_set(t, grade_cols[i], grade_cols[i], filter, g[i], total);
	}
	row_set(t, "under_revision", "under revision", "", revising, total);
	snprintf(filter, sizeof filter, "%s=good_or_better", filter_name);
	row_set(t, "good_or_better", "good or better", filter, g[0] + g[1], total);
	row_set(t, "reviewed", "reviewed", "", total, 0);
}

static void review_tables(struct report *r, const struct figs *f, int year, long total)
{
	struct report_table *t;
	const struct report_row *reviewed;
	size_t i;
	int y, j;

	t = report_table_add(r, "member_reviews", "Members' reviews", RC_BARS, 1, count_col, NULL);
	grade_rows(t, &f->all, FD_MEMBER_GRADE, year, "grade");
	reviewed = report_row_find(t, "reviewed");
	row_set(t, "not_reviewed", "on the rolls, not yet decided", "grade=none",
		total - (reviewed ? reviewed->c[0].count : 0), total);
	snprintf(t->note, sizeof t->note, "%s",
		 "decisions in force; percentages of the members decided");
	t = report_table_add(r, "org_reviews", "Organisations' reviews", RC_BARS, 1, count_col,
			     NULL);
	t->member_rows = 0;
	grade_rows(t, &f->all, FD_ORG_GRADE, year, "org_grade");
	t = report_table_add(r, "grassroots_reviews", "Grassroots organisations' reviews", RC_BARS,
			     1, count_col, NULL);
	grade_rows(t, &f->all, FD_GRASSROOTS_GRADE, year, "grassroots_grade");
	t = report_table_add(r, "reviews_by_suborg", "Members' grades by sub-organisation",
			     RC_STACKED, G__COUNT, grade_cols, NULL);
	t->member_rows = 1;
	for (i = 0; i < f->nsub; i++) {
		struct report_row *w;
		long sum = 0;
		char filter[64];

		snprintf(filter, sizeof filter, "org=%s", f->sub[i].code);
		w = report_row_add(t, f->sub[i].code, f->sub[i].name, filter);
		for (j = 0; j < G__COUNT; j++)
			sum += w->c[j].count =
				fig_map_get(&f->sub[i].core, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(year, j)));
		for (j = 0; j < G__COUNT; j++)
			w->c[j].base = sum;
	}
	t = report_table_add(r, "review_trend", "Members' grades over the years", RC_TREND,
			     G__COUNT, grade_cols, NULL);
	for (y = year - 4; y <= year; y++) {
		struct report_row *w;
		long sum = 0;
		char key[16], filter[32];

		snprintf(key, sizeof key, "%d", y);
		snprintf(filter, sizeof filter, "year=%d", y);
		w = report_row_add(t, key, key, filter);
		for (j = 0; j < G__COUNT; j++)
			sum += w->c[j].count = fig_map_get(&f->all, FIG_KEY(FD_MEMBER_GRADE,
									  FIG_YG(y, j)));
		for (j = 0; j < G__COUNT; j++)
			w->c[j].base = sum;
	}
}

static void force_tables(struct report *r, const struct figs *f)
{
	static const char *const forces[] = {"militia", "self_defence", "reserve"};
	static const char *const labels[] = {"militia", "self-defence force", "reserve"};
	struct report_table *t;
	size_t i;

	t = report_table_add(r, "standing_boards", "Cells with a standing board", RC_NONE, 1,
			     count_col, NULL);
	t->member_rows = 0;
	row_set(t, "cells", "cells", "kind=cell", f->cells, 0);
	row_set(t, "with_standing_board", "with a standing board", "standing_board=1", f->boards,
		f->cells);
	t = report_table_add(r, "leadership_ratio", "Party members in the forces (leadership ratio)",
			     RC_BARS, 1, count_col, NULL);
	snprintf(t->note, sizeof t->note, "%s",
		 "party members of the force's category over them plus the non-party headcount");
	for (i = 0; i < 3; i++) {
		long party = fig_map_get(&f->all, FIG_KEY(FD_CATEGORY, 5 + i));
		char filter[48];

		snprintf(filter, sizeof filter, "category=%s", forces[i]);
		row_set(t, forces[i], labels[i], filter, party, party + f->headcount[i]);
	}
}

static void discipline_table(struct report *r, const struct figs *f, int year)
{
	struct report_table *t = report_table_add(r, "discipline", "Discipline decided in the year",
						  RC_NONE, 1, count_col, NULL);

	row_set(t, "members", "members", "disciplined=member",
		fig_map_get(&f->all, FIG_KEY(FD_DISCIPLINE, year * 2)), 0);
	row_set(t, "organisations", "organisations", "disciplined=org",
		fig_map_get(&f->all, FIG_KEY(FD_DISCIPLINE, year * 2 + 1)), 0);
}

static enum err_code transfer_table(struct app *a, struct report *r, long pre, long last,
				    int year, struct err *e)
{
	struct report_table *t = report_table_add(r, "transfers", "Transfers in and out",
						  RC_NONE, 1, count_col, NULL);
	long c[4];

	t->member_rows = 1;
	if (store_transfer_counts(a->st, pre, last, date_from_ymd(year, 1, 1),
				  date_from_ymd(year, 12, 31), c, e))
		return e->code;
	row_set(t, "official_in", "official transfers in", "", c[0], 0);
	row_set(t, "official_out", "official transfers out", "", c[1], 0);
	row_set(t, "temporary_in", "temporary transfers in", "", c[2], 0);
	row_set(t, "temporary_out", "temporary transfers out", "", c[3], 0);
	return ERR_OK;
}

/* The last year up to until in which members' grades were decided in the figures m, or
 * until when there is none. */
static int last_decided_year(const struct fig_map *m, int until)
{
	int best = 0;
	size_t i;

	for (i = 0; i < m->n; i++) {
		int yr = (int)(FIG_VAL(m->v[i].key) / 8);

		if (FIG_DIM(m->v[i].key) == FD_MEMBER_GRADE && m->v[i].count > 0 && yr <= until &&
		    yr > best)
			best = yr;
	}
	return best ? best : until;
}

enum err_code app_report(struct app *a, const struct actor *ac, const char *org_code,
			 int year, date_t as_of, struct report *r, struct err *e)
{
	struct org o;
	struct figs f;
	char (*eth)[48] = xcalloc(ETHNIC_MAX, sizeof *eth);
	long total;
	int y, m, d;
	size_t i;
	time_t now = time(NULL);
	struct tm tm;
	int past = as_of != DATE_NONE && as_of < a->today;

	report_init(r);
	memset(&f, 0, sizeof f);
	if (!org_code || !org_code[0])
		org_code = ac->scope_code;
	/* A dissolved organisation answers for any date of its life, as the tree and the member
	 * list do; only the figures of today (or a date after it was dissolved) are refused. */
	if (org_code[0] ? app_org_lookup(a, ac, org_code, &o, !past, "org", e)
			: store_org_by_id(a->st, 1, &o, e))
		goto out;
	if (o.dissolved != DATE_NONE) {
		char dd[DATE_STR];

		if (as_of >= o.dissolved) {
			err_add(e, ERR_RULE, 0, "org", o.code, NULL,
				"'%s' was dissolved on %s; ask with --as-of an earlier date", o.code,
				date_format(o.dissolved, dd));
			goto out;
		}
		/* Its counters went with it: reviews, discipline and transfers of the subtree are
		 * not kept apart for a date in the past, so those tables are empty. */
		o.pre = 1;
		o.last = 0;
	}
	if (!org_code[0] && app_subtree(a, ac, "", 0, &o.pre, &o.last, e))
		goto out;
	if (as_of == DATE_NONE || as_of > a->today)
		as_of = a->today;
	date_to_ymd(as_of, &y, &m, &d);
	if (!year)
		year = y;
	snprintf(r->org_code, sizeof r->org_code, "%s", o.code);
	snprintf(r->org_name, sizeof r->org_name, "%s", o.name);
	r->as_of = as_of;
	snprintf(r->made_by, sizeof r->made_by, "%s", ac->name);
	gmtime_r(&now, &tm);
	strftime(r->made_at, sizeof r->made_at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (store_fig_ethnic_names(a->st, eth, ETHNIC_MAX, e))
		goto out;
	f.root_depth = o.depth;
	if (store_fig_walk(a->st, o.pre, o.last, 1, figs_org, &f, e))
		goto out;
	if (year == APP_REPORT_LAST_DECIDED)
		year = last_decided_year(&f.all, y);
	r->year = year;
	if (past) {
		/* The members as they were; reviews, discipline and headcounts as recorded. */
		struct past p = {a, &f, eth, e};
		struct fig_map keep;

		fig_map_init(&keep);
		for (i = 0; i < f.all.n; i++) {
			int dim = FIG_DIM(f.all.v[i].key);

			if (dim >= FD_MEMBER_GRADE && dim <= FD_DISCIPLINE)
				fig_map_add(&keep, f.all.v[i].key, f.all.v[i].count);
		}
		fig_map_cleanup(&f.all);
		f.all = keep;
		if (app_member_list(a, ac, o.code, as_of, 0, -1, past_member, &p, e))
			goto out;
	}
	total = dim_sum(&f.all, FD_STATUS);
	status_table(r, &f, total);
	category_table(r, &f, total);
	sex_table(r, &f, total);
	ethnic_table(r, &f, total, eth);
	band_table(a, r, &f, total, "members_by_age", "Members by age", R_REPORT_AGE_BANDS,
		   FD_BIRTH_YEAR, y, "age");
	band_table(a, r, &f, total, "members_by_seniority", "Members by party seniority",
		   R_REPORT_SENIORITY_BANDS, FD_ADMIT_YEAR, y, "seniority");
	{
		struct adm_figures af;

		if (app_adm_figures_range(a, o.pre, o.last, year, &af, e))
			goto out;
		admissions_table(r, &f, year, af.members_jan1);
		adm_tables(r, &af, year);
	}
	if (meeting_table(a, r, o.pre, o.last, year, e) ||
	    study_table(a, r, o.pre, o.last, year, e))
		goto out;
	if (training_table(a, ac, r, &o, year, e) ||
	    cadres_table(a, r, o.pre, o.last, as_of, year, e) || planning_table(a, ac, r, &o, e))
		goto out;
	review_tables(r, &f, year, total);
	force_tables(r, &f);
	discipline_table(r, &f, year);
	if (app_insp_fig_year(a, ac, o.id, o.pre, o.last, year, r, e))
		goto out;
	transfer_table(a, r, o.pre, o.last, year, e);
	for (i = 0; i < r->n; i++)
		if (strncmp(r->t[i].name, "org_", 4) && strcmp(r->t[i].name, "standing_boards") &&
		    strcmp(r->t[i].name, "grassroots_reviews") &&
		    strcmp(r->t[i].name, "study_coverage") && strcmp(r->t[i].name, "key_cadres") &&
		    strcmp(r->t[i].name, "inspection"))
			r->t[i].member_rows = 1;
out:
	figs_cleanup(&f);
	free(eth);
	return e->code;
}

/* ---- the whole country at once ---------------------------------------------------------- */

struct roll {
	struct rollup_row *v;
	size_t n, cap;
	int year;
	char (*codes)[ORG_CODE_MAX + 1];
	struct fig_map core;  /* one organisation's counters, decoded */
};

static int roll_org(void *ctx, const struct fig_core_row *o)
{
	struct roll *r = ctx;
	struct rollup_row *w;
	size_t i;

	if (o->dissolved)
		return 0;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 65536;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
		r->codes = xrealloc(r->codes, r->cap * sizeof *r->codes);
	}
	w = &r->v[r->n];
	memset(w, 0, sizeof *w);
	snprintf(r->codes[r->n], sizeof r->codes[0], "%s", o->code ? o->code : "");
	r->n++;
	w->org_id = o->id;
	w->depth = o->depth;
	w->militia = o->militia > 0 ? o->militia : 0;
	w->self_defence = o->self_defence > 0 ? o->self_defence : 0;
	w->reserve = o->reserve > 0 ? o->reserve : 0;
	fig_map_clear(&r->core);
	fig_decode(o->core, o->core_len, &r->core);
	for (i = 0; i < r->core.n; i++) {
		uint32_t k = r->core.v[i].key;
		long c = r->core.v[i].count, v = FIG_VAL(k);

		switch (FIG_DIM(k)) {
		case FD_STATUS:
			if (v < MS__COUNT)
				w->members[v] += c;
			break;
		case FD_HOSTED:
			w->hosted += c;
			break;
		case FD_CATEGORY:
			if (v == 5)
				w->party_militia += c;
			else if (v == 6)
				w->party_self_defence += c;
			else if (v == 7)
				w->party_reserve += c;
			break;
		case FD_MEMBER_GRADE:
			if (v / 8 == r->year && v % 8 < G__COUNT)
				w->member_grade[v % 8] += c;
			break;
		case FD_ORG_GRADE:
			if (v / 8 == r->year && v % 8 < G__COUNT)
				w->org_grade[v % 8] += c;
			break;
		default:
			break;
		}
	}
	return 0;
}

static void roll_add(struct rollup_row *to, const struct rollup_row *from)
{
	int i;

	for (i = 0; i < MS__COUNT; i++)
		to->members[i] += from->members[i];
	for (i = 0; i < G__COUNT; i++) {
		to->member_grade[i] += from->member_grade[i];
		to->org_grade[i] += from->org_grade[i];
	}
	to->hosted += from->hosted;
	to->militia += from->militia;
	to->self_defence += from->self_defence;
	to->reserve += from->reserve;
	to->party_militia += from->party_militia;
	to->party_self_defence += from->party_self_defence;
	to->party_reserve += from->party_reserve;
}

enum err_code app_rollup(struct app *a, const struct actor *ac, int year, rollup_cb cb,
			 void *ctx, struct err *e)
{
	struct roll r;
	long pre, last, *parent, at[DEPTH_MAX];
	size_t i;
	int y, m, d;

	memset(&r, 0, sizeof r);
	date_to_ymd(a->today, &y, &m, &d);
	r.year = year ? year : y;
	if (app_scope(a, ac, &pre, &last, e) ||
	    (store_cache_mib(a->st, 48), store_fig_walk_core(a->st, pre, last, roll_org, &r, e)))
		goto out;
	/* Pre-order: an organisation's parent is the last one seen one level up, and its
	 * subtree follows it; walking backwards, each row is complete when reached and is
	 * added into its parent. */
	parent = xmalloc((r.n + 1) * sizeof *parent);
	for (i = 0; i < r.n; i++) {
		int dep = r.v[i].depth - (r.n ? r.v[0].depth : 0);

		parent[i] = dep > 0 && dep < DEPTH_MAX ? at[dep - 1] : -1;
		if (dep >= 0 && dep < DEPTH_MAX)
			at[dep] = (long)i;
	}
	for (i = r.n; i-- > 0;)
		if (parent[i] >= 0)
			roll_add(&r.v[parent[i]], &r.v[i]);
	free(parent);
	for (i = 0; i < r.n; i++) {
		r.v[i].code = r.codes[i];
		if (cb(ctx, &r.v[i]))
			break;
	}
out:
	/* The whole tree's counters (about 17 MB nationally) stay in this connection's cache
	 * for the next roll-up; other work on it is back to the usual size. */
	store_cache_mib(a->st, 16);
	free(r.v);
	free(r.codes);
	fig_map_cleanup(&r.core);
	return e->code;
}

/* ---- the records behind a figure ------------------------------------------------------ */

/* A report row's filter, "name=value" (report.h), as a test on one member. */
struct behind {
	struct app *a;
	char name[24], value[64];
	long lo, hi;          /* for age and seniority: "lo-hi" in years */
	int year, this_year;  /* the review year; the year ages are counted at */
	int64_t org_lo, org_hi; /* "org=CODE": that sub-organisation's interval */
	long offset, limit, seen;
	store_member_cb cb;
	void *ctx;
	struct err *e;
};

static int year_of(date_t d)
{
	int y, m, dd;

	date_to_ymd(d, &y, &m, &dd);
	return y;
}

static int behind_grade(struct behind *b, const struct member *m)
{
	struct review_row r;
	struct err tmp;
	int found, g;

	err_init(&tmp);
	found = !store_review_current(b->a->st, m->id, 0, b->year, &r, &tmp);
	err_cleanup(&tmp);
	if (!strcmp(b->value, "none"))
		return !found;
	if (!found)
		return 0;
	if (!strcmp(b->value, "any"))
		return 1;
	if (!strcmp(b->value, "good_or_better"))
		return r.grade == G_EXCELLENT || r.grade == G_GOOD;
	g = grade_parse(b->value);
	return g == r.grade;
}

static int behind_match(struct behind *b, const struct member *m)
{
	const char *n = b->name, *v = b->value;

	if (!strcmp(n, "hosted"))
		return m->temp_org_id != 0;
	if (m->temp_org_id)
		return 0; /* hosted here: not on these rolls */
	if (!strcmp(n, "status"))
		return !strcmp(member_status_name(m->status), v);
	if (!strcmp(n, "category"))
		return !strcmp(m->category, v);
	if (!strcmp(n, "sex"))
		return !strcmp(m->sex, v);
	if (!strcmp(n, "ethnicity"))
		return !strcmp(m->ethnicity, v) || (!strcmp(v, "not given") && !m->ethnicity[0]);
	if (!strcmp(n, "age")) {
		long yrs = b->this_year - year_of(m->birth_date);

		return yrs >= b->lo && yrs <= b->hi;
	}
	if (!strcmp(n, "seniority")) {
		long yrs = b->this_year - year_of(m->admission_decision_date);

		return yrs >= b->lo && yrs <= b->hi;
	}
	if (!strcmp(n, "admitted"))
		return year_of(m->admission_decision_date) == (int)strtol(v, NULL, 10);
	if (!strcmp(n, "grade") || !strcmp(n, "year"))
		return behind_grade(b, m); /* year=: b->year set and the value "any" */
	if (!strcmp(n, "disciplined")) {
		struct err tmp;
		long count = 0;

		err_init(&tmp);
		store_discipline_count(b->a->st, m->id, 0, date_from_ymd(b->year, 1, 1),
				       date_from_ymd(b->year, 12, 31), &count, &tmp);
		err_cleanup(&tmp);
		return count > 0;
	}
	return 1; /* "", org=: every member of the (sub)tree */
}

static int behind_member(void *ctx, const struct member *m)
{
	struct behind *b = ctx;

	if (!behind_match(b, m))
		return 0;
	b->seen++;
	if (b->seen > b->offset && (b->limit < 0 || b->seen <= b->offset + b->limit))
		return b->cb(b->ctx, m);
	return 0;
}

/* A whole number of the whole of s within [min, max] into *out; -1 when not one. */
static int filter_long(const char *s, long min, long max, long *out)
{
	char *end;
	long v;

	if (!s || !(*s >= '0' && *s <= '9'))
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* The value of a filter name=value is one its name takes (the same values the report rows
 * give): an unknown status, a band "30-39xyz" or a grade nobody has is refused with the
 * filter named, never answered with an empty list as if it were a real selection. */
static enum err_code filter_value_check(const char *filter, const char *name, const char *v,
					long *lo, long *hi, struct err *e)
{
	enum member_status st;
	enum org_kind k;
	const char *dash;
	long n;
	int i, ok = 1;
	const char *want = NULL;

	if (!strcmp(name, "status")) {
		ok = !member_status_parse(v, &st);
		want = "a member status (probationary, official, ...)";
	} else if (!strcmp(name, "category")) {
		/* "category=" (empty): the members with none, a row of the report too. */
		for (ok = !v[0], i = 0; member_categories[i]; i++)
			ok |= !strcmp(member_categories[i], v);
		want = "officer, professional, soldier, worker, militia, self_defence or reserve";
	} else if (!strcmp(name, "sex")) {
		ok = !strcmp(v, "male") || !strcmp(v, "female");
		want = "male or female";
	} else if (!strcmp(name, "ethnicity")) {
		ok = v[0] != 0;
		want = "an ethnicity's name, or 'not given'";
	} else if (!strcmp(name, "age") || !strcmp(name, "seniority")) {
		char a[16];

		dash = strchr(v, '-');
		ok = dash && (size_t)(dash - v) < sizeof a;
		if (ok) {
			snprintf(a, sizeof a, "%.*s", (int)(dash - v), v);
			/* The report's open last band is "60-999". */
			ok = !filter_long(a, 0, 999, lo) && !filter_long(dash + 1, 0, 999, hi) &&
			     *lo <= *hi;
		}
		want = "a band LO-HI in whole years, for example 30-39";
	} else if (!strcmp(name, "admitted") || !strcmp(name, "year") ||
		   !strcmp(name, "on_rolls") || !strcmp(name, "probationers")) {
		ok = !filter_long(v, 1900, 2200, &n);
		want = "a year, for example 2024";
	} else if (!strcmp(name, "grade") || !strcmp(name, "org_grade") ||
		   !strcmp(name, "grassroots_grade")) {
		ok = grade_parse(v) >= 0 || !strcmp(v, "good_or_better") || !strcmp(v, "none") ||
		     (!strcmp(name, "grade") && !strcmp(v, "any"));
		want = "a grade, good_or_better or none";
	} else if (!strcmp(name, "hosted") || !strcmp(name, "standing_board")) {
		ok = !strcmp(v, "1");
		want = "1";
	} else if (!strcmp(name, "kind")) {
		ok = !org_kind_parse(v, &k);
		want = "a kind of organisation (cell, grassroots, ...)";
	}
	if (ok)
		return ERR_OK;
	return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
		       "the filter %s= has no value '%s': give %s", name, v, want);
}

struct id_vec {
	int64_t *v;
	size_t n, cap;
};

static int id_take(void *ctx, int64_t id)
{
	struct id_vec *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
	return 0;
}

/* The members on the rolls of org_code's subtree (within the actor's scope) on day d, all
 * (status NULL) or those of status that day, a page at a time, audited as the other records
 * behind a figure. */
static enum err_code rolls_members(struct app *a, const struct actor *ac, const char *org_code,
				   date_t d, const char *status, long offset, long limit,
				   store_member_cb cb, void *ctx, long *total, const char *filter,
				   struct err *e)
{
	struct id_vec ids = {0};
	long pre, last, shown = 0, n;
	size_t i;
	struct member m;

	if (app_subtree(a, ac, org_code ? org_code : "", 1, &pre, &last, e) ||
	    (status ? store_rolls_at_status(a->st, pre, last, d, status, id_take, &ids, &n, e)
		    : store_rolls_at(a->st, pre, last, d, id_take, &ids, e)))
		goto out;
	if (total)
		*total = (long)ids.n;
	for (i = (size_t)(offset > 0 ? offset : 0); i < ids.n; i++) {
		if (limit >= 0 && shown >= limit)
			break;
		if (store_member_get(a->st, ids.v[i], &m, e))
			goto out;
		shown++;
		if (cb(ctx, &m))
			break;
	}
	app_audit_bulk(a, ac, "report.members", org_code, shown, "filter", filter, e);
out:
	free(ids.v);
	return e->code;
}

enum err_code app_report_members(struct app *a, const struct actor *ac, const char *org_code,
				 int year, const char *filter, long offset, long limit,
				 store_member_cb cb, void *ctx, long *total, struct err *e)
{
	static const char *const names[] = {"", "status", "category", "sex", "ethnicity", "age",
					    "seniority", "admitted", "grade", "year", "disciplined",
					    "hosted", "org", "on_rolls", "probationers", NULL};
	struct behind b;
	const char *eq = filter ? strchr(filter, '=') : NULL;
	int y, m, d, i, known = 0;

	memset(&b, 0, sizeof b);
	b.a = a;
	b.cb = cb;
	b.ctx = ctx;
	b.e = e;
	b.offset = offset;
	b.limit = limit;
	date_to_ymd(a->today, &y, &m, &d);
	b.this_year = y;
	b.year = year ? year : y;
	if (filter && filter[0]) {
		size_t nl = eq ? (size_t)(eq - filter) : strlen(filter);

		snprintf(b.name, sizeof b.name, "%.*s", (int)(nl < sizeof b.name ? nl : 0), filter);
		snprintf(b.value, sizeof b.value, "%s", eq ? eq + 1 : "");
	}
	for (i = 0; names[i]; i++)
		known |= !strcmp(names[i], b.name);
	if (!known || (b.name[0] && !eq))
		return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
			       "the filter must be one of status=, category=, sex=, ethnicity=, "
			       "age=LO-HI, seniority=LO-HI, admitted=YEAR, grade=, year=YEAR, "
			       "disciplined=member, hosted=1, org=CODE, on_rolls=YEAR, "
			       "probationers=YEAR (the adm_ filters list cases: report cases; "
			       "cadre_state=: cadre vacancy; cadre_rotation=: cadre rotations; "
			       "training_kind=: cadre training list)");
	if (filter_value_check(filter, b.name, b.value, &b.lo, &b.hi, e))
		return e->code;
	if (!strcmp(b.name, "disciplined") && strcmp(b.value, "member"))
		return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
			       "disciplined=member lists the members disciplined in the year; "
			       "organisations are not members");
	/* on_rolls=YEAR (the development rate's divisor): the members on the rolls of the
	 * subtree on 1 January of the year, from the history, as the report counts them. */
	if (!strcmp(b.name, "on_rolls"))
		return rolls_members(a, ac, org_code,
				     date_from_ymd((int)strtol(b.value, NULL, 10), 1, 1), NULL,
				     offset, limit, cb, ctx, total, filter, e);
	/* probationers=YEAR (the admission figures): probationary on 31 December of the year,
	 * or today when earlier. */
	if (!strcmp(b.name, "probationers")) {
		date_t end = date_from_ymd((int)strtol(b.value, NULL, 10), 12, 31);

		return rolls_members(a, ac, org_code, end < a->today ? end : a->today,
				     member_status_name(MS_PROBATIONARY), offset, limit, cb, ctx,
				     total, filter, e);
	}
	/* year=YEAR (a row of review_trend): the members decided that year, whatever grade. */
	if (!strcmp(b.name, "year")) {
		b.year = (int)strtol(b.value, NULL, 10);
		snprintf(b.value, sizeof b.value, "%s", "any");
	}
	/* org=CODE narrows the subtree: it must lie within org_code's (both looked up within
	 * the actor's scope). */
	if (!strcmp(b.name, "org")) {
		struct org outer, inner;

		if ((org_code && org_code[0] && app_org_get(a, ac, org_code, &outer, e)) ||
		    app_org_get(a, ac, b.value, &inner, e))
			return e->code;
		if (org_code && org_code[0] && (inner.pre < outer.pre || inner.pre > outer.last))
			return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
				       "%s is not within %s: give an organisation of its subtree",
				       inner.code, outer.code);
		org_code = b.value;
	}
	if (app_member_list(a, ac, org_code ? org_code : "", DATE_NONE, 0, -1, behind_member, &b, e))
		return e->code;
	if (total)
		*total = b.seen;
	/* The records behind a figure are a bulk read: one audit entry, the rows handed out. */
	{
		long shown = b.seen - (offset > 0 ? offset : 0);

		if (shown < 0)
			shown = 0;
		if (limit >= 0 && shown > limit)
			shown = limit;
		return app_audit_bulk(a, ac, "report.members", org_code, shown, "filter",
				      filter ? filter : "", e);
	}
}

enum err_code app_report_download(struct app *a, const struct actor *ac,
				  const struct report *rep, const char *format, struct err *e)
{
	size_t i;
	long rows = 0;

	for (i = 0; i < rep->n; i++)
		rows += (long)rep->t[i].nrow;
	return app_audit_bulk(a, ac, "report.download", rep->org_code, rows, "format", format, e);
}

/* ---- rules and the counters' upkeep ---------------------------------------------------- */

enum err_code app_sys_admin_only(const struct actor *ac, const char *what, struct err *e)
{
	if (ac->scope_code[0] || (ac->account_id && ac->role != ROLE_SYS_ADMIN))
		return err_set(e, ERR_DENIED, "only a system administrator may %s", what);
	return ERR_OK;
}

enum err_code app_rule_add(struct app *a, const struct actor *ac, const char *id,
			   const char *value, date_t from, const char *source,
			   const char *description, int *version, struct err *e)
{
	struct rule_version v;
	const struct rule_version *old = NULL;
	char *end, *after, d[DATE_STR];
	enum err_code rc;
	size_t i;

	if (app_sys_admin_only(ac, "add a rule version", e))
		return e->code;
	for (i = 0; i < a->rules.n; i++)
		if (!strcmp(a->rules.v[i].id, id))
			old = &a->rules.v[i]; /* the latest version: they are ordered */
	if (!old)
		return err_add(e, ERR_NOTFOUND, 0, "id", id, NULL,
			       "there is no rule %s; 'cadre rules' lists them", id);
	if (!value || !value[0])
		err_add(e, ERR_INPUT, 0, "value", NULL, id, "give the new value");
	else {
		strtol(old->value, &end, 10);
		if (!*end) {
			strtol(value, &end, 10);
			if (*end)
				err_add(e, ERR_INPUT, 0, "value", value, id,
					"%s is a number (now %s); give a whole number", id, old->value);
		}
	}
	if (from == DATE_NONE)
		err_add(e, ERR_INPUT, 0, "from", NULL, id,
			"give the date from which the new value applies, YYYY-MM-DD");
	if (!source || !source[0])
		err_add(e, ERR_INPUT, 0, "source", NULL, id,
			"name the document that sets the new value (for example 366-QĐ/TW)");
	if (e->code)
		return e->code;
	memset(&v, 0, sizeof v);
	snprintf(v.id, sizeof v.id, "%s", id);
	snprintf(v.value, sizeof v.value, "%s", value);
	v.effective_from = from;
	snprintf(v.source, sizeof v.source, "%s", source);
	snprintf(v.description, sizeof v.description, "%s",
		 description && description[0] ? description : old->description);
	if ((rc = app_begin(a, e)))
		return rc;
	if (!store_rule_add(a->st, &v, ac->name, e)) {
		after = app_json("{s:s,s:s,s:s,s:s}", "id", id, "value", value, "from",
				 date_format(from, d), "source", source);
		app_audit(a, ac, "rule.add", id, 0, old->value, after, e);
		free(after);
	}
	if (version)
		*version = old->version + 1;
	if ((rc = app_end(a, e->code, e)))
		return rc;
	ruleset_cleanup(&a->rules);
	ruleset_init(&a->rules);
	return store_rules_load(a->st, &a->rules, e);
}

enum err_code app_fig_check(struct app *a, const struct actor *ac, int rebuild, long *wrong,
			    struct err *e)
{
	enum err_code rc;

	if (app_sys_admin_only(ac, rebuild ? "count the figures again" : "check the figures", e) ||
	    store_fig_verify(a->st, wrong, e))
		return e->code;
	if (!rebuild || !*wrong)
		return ERR_OK;
	if ((rc = app_begin(a, e)))
		return rc;
	if (!store_fig_rebuild(a->st, e))
		app_audit(a, ac, "figures.rebuild", "figures", 0, NULL, NULL, e);
	return app_end(a, e->code, e);
}

/* ---- the organisations behind a figure ------------------------------------------------ */

struct behind_orgs {
	struct app *a;
	char name[24], value[64];
	int year;
	long offset, limit, seen;
	store_org_cb cb;
	void *ctx;
	int stop;
};

static int grade_matches(const char *want, int found, int grade)
{
	if (!strcmp(want, "none"))
		return !found;
	if (!found)
		return 0;
	if (!strcmp(want, "good_or_better"))
		return grade == G_EXCELLENT || grade == G_GOOD;
	return grade_parse(want) == grade;
}

static int behind_org(void *ctx, const struct fig_org *fo)
{
	struct behind_orgs *b = ctx;
	struct review_row r;
	struct org o;
	struct err tmp;
	int ok, found = 0;

	if (fo->dissolved != DATE_NONE)
		return 0;
	err_init(&tmp);
	if (!strcmp(b->name, "kind"))
		ok = !strcmp(org_kind_name(fo->kind), b->value);
	else if (!strcmp(b->name, "disciplined")) {
		long n = 0;

		store_discipline_count(b->a->st, 0, fo->id, date_from_ymd(b->year, 1, 1),
				       date_from_ymd(b->year, 12, 31), &n, &tmp);
		ok = n > 0;
	}
	else if (!strcmp(b->name, "standing_board"))
		ok = fo->kind == OK_CELL && fo->standing_board == (int)strtol(b->value, NULL, 10);
	else {
		if (!strcmp(b->name, "grassroots_grade") && !fo->grassroots) {
			err_cleanup(&tmp);
			return 0;
		}
		found = !store_review_current(b->a->st, 0, fo->id, b->year, &r, &tmp);
		ok = grade_matches(b->value, found, found ? r.grade : -1);
	}
	if (ok && ++b->seen > b->offset && (b->limit < 0 || b->seen <= b->offset + b->limit) &&
	    !b->stop && !store_org_by_id(b->a->st, fo->id, &o, &tmp))
		b->stop = b->cb(b->ctx, &o);
	err_cleanup(&tmp);
	return 0;
}

enum err_code app_report_orgs(struct app *a, const struct actor *ac, const char *org_code,
			      int year, const char *filter, long offset, long limit,
			      store_org_cb cb, void *ctx, long *total, struct err *e)
{
	static const char *const names[] = {"org_grade", "grassroots_grade", "kind",
					    "standing_board", "disciplined", NULL};
	struct behind_orgs b;
	const char *eq = filter ? strchr(filter, '=') : NULL;
	long pre, last, lo, hi;
	int y, m, d, i, known = 0;

	memset(&b, 0, sizeof b);
	b.a = a;
	b.cb = cb;
	b.ctx = ctx;
	b.offset = offset;
	b.limit = limit;
	date_to_ymd(a->today, &y, &m, &d);
	b.year = year ? year : y;
	if (eq && (size_t)(eq - filter) < sizeof b.name) {
		snprintf(b.name, sizeof b.name, "%.*s", (int)(eq - filter), filter);
		snprintf(b.value, sizeof b.value, "%s", eq + 1);
	}
	for (i = 0; names[i]; i++)
		known |= !strcmp(names[i], b.name);
	if (!known)
		return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
			       "the filter must be one of org_grade=, grassroots_grade= (a grade, "
			       "good_or_better or none), kind=cell, standing_board=1, "
			       "disciplined=org");
	if (filter_value_check(filter, b.name, b.value, &lo, &hi, e))
		return e->code;
	if (!strcmp(b.name, "disciplined") && strcmp(b.value, "org"))
		return err_add(e, ERR_INPUT, 0, "filter", filter, NULL,
			       "disciplined=org lists the organisations disciplined in the year");
	if (app_subtree(a, ac, org_code ? org_code : "", 0, &pre, &last, e) ||
	    store_fig_walk(a->st, pre, last, 0, behind_org, &b, e))
		return e->code;
	if (total)
		*total = b.seen;
	return ERR_OK;
}
