/* page_review.c - the yearly review on the pages (DOMAIN §6): the form on which a cell's
 * secretary grades the whole roll at once (GET/POST /orgs/{code}/review), the quota of
 * excellent members counted live by /static/review.js and checked again by the server on
 * submit; an organisation's own grade, decided by the committee above (GET/POST
 * /orgs/{code}/review-org) with every revision kept in sight; and the table of a member's
 * reviews on the member page. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_hb.h"
#include "../lib/mem.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option grade_opts[] = {
	{"", ""},
	{"excellent", N_("Excellent")},
	{"good", N_("Good")},
	{"complete", N_("Complete")},
	{"not_complete", N_("Not complete")},
	{NULL, NULL},
};

/* The review year of a form post ("year"): -1 with a problem in r->e when it is not one. */
static int form_year(struct req *r)
{
	const char *s = form_value(r, "year");
	int y, m, d;
	char *end;
	long v;

	date_to_ymd(r->app->today, &y, &m, &d);
	v = strtol(s, &end, 10);
	if (!s[0] || *end || v < 1930 || v > y) {
		err_add(&r->e, ERR_USAGE, 0, "year", s, NULL, "the review year must be from 1930 to %d",
			y);
		return -1;
	}
	return (int)v;
}

/* Write tmpl with {n}, {m}, {p} and {k} replaced by the numbers, escaped, to the page. */
static void quota_words(struct req *r, const char *tmpl, long n, long m, long p, long k)
{
	struct buf b;
	const char *s;

	buf_init(&b, 0);
	for (s = tmpl; *s; s++) {
		if (s[0] == '{' && s[1] && s[2] == '}' && strchr("nmpk", s[1])) {
			buf_printf(&b, "%ld", s[1] == 'n' ? n : s[1] == 'm' ? m : s[1] == 'p' ? p : k);
			s += 2;
		} else {
			buf_addc(&b, *s);
		}
	}
	T(r, buf_str(&b));
	buf_cleanup(&b);
}

/* The texts the live count shows (the script reads them from the form's data attributes, so
 * that it needs no catalogue of its own). */
#define QUOTA_WITHIN N_("{n} excellent of {m} good or better: within the limit of {p}% (at most {k})")
#define QUOTA_OVER N_("{n} excellent of {m} good or better: over the limit of {p}% (at most {k})")
#define QUOTA_NONE N_("{n} excellent of {m} good or better: no limit in force")

/* ---- the cell's form ---------------------------------------------------------------------- */

/* The grade already recorded at the step the form records: the decision when the user may
 * decide, else the cell's proposal. */
static enum grade row_current(const struct review_sheet *s, const struct review_sheet_row *w)
{
	return s->can_decide ? w->decided : w->proposed;
}

/* A decided row may only change with a reason (a new revision): it gets a reason field. */
static int row_locked(const struct review_sheet *s, const struct review_sheet_row *w)
{
	return s->can_decide && w->decided != G_NONE;
}

/* The excellent members and those good or better in the grassroots organisation if the
 * form's choices val[] were recorded (those outside the cell counted by the sheet). */
static void quota_count(const struct review_sheet *s, const char *const *val, long *ex,
			long *gb)
{
	size_t i;

	*ex = s->excellent;
	*gb = s->good_or_better;
	for (i = 0; i < s->n; i++) {
		int g = grade_parse(val[i]);

		*ex += g == G_EXCELLENT;
		*gb += g == G_EXCELLENT || g == G_GOOD;
	}
}

static void quota_line(struct req *r, const struct review_sheet *s, long ex, long gb)
{
	long max = s->quota_pct >= 0 ? gb * s->quota_pct / 100 : -1;

	if (max < 0)
		quota_words(r, _(r, QUOTA_NONE), ex, gb, 0, 0);
	else
		quota_words(r, ex > max ? _(r, QUOTA_OVER) : _(r, QUOTA_WITHIN), ex, gb,
			    s->quota_pct, max);
}

static void row_field_name(char *out, size_t n, char kind, int64_t id)
{
	snprintf(out, n, "%c-%lld", kind, (long long)id);
}

/* The error of r->e beside a control of a row, if any, and the end of its div.field. */
static void row_field_close(struct req *r, const char *name, const struct err_item *it)
{
	if (it) {
		H(r, "<span class=\"err\" id=\"e-");
		A(r, name);
		H(r, "\">");
		T(r, it->msg);
		if (it->rule[0]) {
			H(r, " <code>");
			T(r, it->rule);
			H(r, "</code>");
		}
		H(r, "</span>");
	}
	H(r, "</div>");
}

/* The members' individual action plans of the sheet's year (docs/handbook.md), one a row:
 * 0 none, 1 written, 2 results reported (malloc'd; freed by the caller). */
struct plan_marks {
	const struct review_sheet *s;
	unsigned char *v;
};

static int plan_mark(void *ctx, int64_t member_id, int reported)
{
	struct plan_marks *p = ctx;
	size_t i;

	for (i = 0; i < p->s->n; i++)
		if (p->s->rows[i].member_id == member_id)
			p->v[i] = reported ? 2 : 1;
	return 0;
}

static unsigned char *plan_marks(struct req *r, const struct review_sheet *s)
{
	struct plan_marks p = {s, calloc(s->n ? s->n : 1, 1)};
	struct err tmp;

	if (!p.v)
		abort();
	err_init(&tmp);
	app_hb_plan_states(r->app, &r->actor, s->org_code, s->year, plan_mark, &p, &tmp);
	err_cleanup(&tmp);
	return p.v;
}

static void plan_cell(struct req *r, unsigned char mark)
{
	H(r, "<td class=\"plan\">");
	if (mark == 2)
		TR(r, "results reported");
	else if (mark == 1)
		TR(r, "written, results not reported");
	else
		TR(r, "no plan");
	H(r, "</td>");
}

static void sheet_row(struct req *r, const struct review_sheet *s, size_t i, const char *val,
		      const char *why, int reasons, unsigned char plan)
{
	const struct review_sheet_row *w = &s->rows[i];
	const struct err_item *it;
	char name[40];
	size_t k;
	int found = 0;

	H(r, "<tr id=\"m-");
	N(r, w->member_id);
	H(r, "\"");
	if (w->disciplined)
		H(r, " class=\"disciplined\"");
	H(r, "><td class=\"n\">");
	N(r, i + 1);
	H(r, "</td><td>");
	web_member_link(r, w->member_id, w->full_name);
	if (w->disciplined) {
		const struct rule_version *v =
			ruleset_find(&r->app->rules, R_REVIEW_DISCIPLINED_MEMBER, r->app->today);
		int best = v ? grade_parse(v->value) : -1;

		H(r, "<br><span class=\"flag\">");
		TR(r, "Disciplined this year");
		if (w->disc_form >= 0) {
			H(r, ": <span class=\"disc-form\">");
			T(r, web_discipline_label(r, (enum discipline_form)w->disc_form));
			H(r, "</span> ");
			D(r, w->disc_date);
		}
		H(r, "</span> <span class=\"rule-note\">");
		TR(r, "a member disciplined during the year is graded at best");
		H(r, " ");
		T(r, best >= 0 ? web_grade_label(r, (enum grade)best) : (v ? v->value : "—"));
		H(r, " <code>");
		T(r, R_REVIEW_DISCIPLINED_MEMBER);
		H(r, "</code></span>");
	}
	if (w->under_revision) {
		H(r, "<br><span class=\"flag under-revision\">");
		TR(r, "The decided grade is under revision after a discipline");
		H(r, "</span>");
	}
	H(r, "</td><td>");
	T(r, web_status_label(r, (enum member_status)w->status));
	H(r, "</td><td>");
	if (w->self_score >= 0) {
		N(r, w->self_score);
		H(r, " · ");
	}
	T(r, w->self_grade != G_NONE ? web_grade_label(r, w->self_grade) : "—");
	H(r, "</td><td>");
	T(r, w->proposed != G_NONE ? web_grade_label(r, w->proposed) : "—");
	H(r, "</td><td class=\"decided\">");
	T(r, w->decided != G_NONE ? web_grade_label(r, w->decided) : "—");
	H(r, "</td><td>");
	row_field_name(name, sizeof name, 'g', w->member_id);
	it = field_err(r, name);
	H(r, "<div class=\"field");
	if (it)
		H(r, " bad");
	H(r, "\"><label class=\"vh\" for=\"f-");
	A(r, name);
	H(r, "\">");
	TR(r, "Grade to record for");
	H(r, " ");
	T(r, w->full_name);
	H(r, "</label><select class=\"grade\" id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\"");
	field_aria(r, name, it);
	H(r, ">");
	for (k = 0; grade_opts[k].value; k++) {
		/* A decision in force cannot be taken back, only changed: no empty choice. */
		if (!grade_opts[k].value[0] && row_current(s, w) != G_NONE)
			continue;
		H(r, "<option value=\"");
		A(r, grade_opts[k].value);
		H(r, "\"");
		if (!strcmp(grade_opts[k].value, val)) {
			H(r, " selected");
			found = 1;
		}
		H(r, ">");
		T(r, grade_opts[k].label[0] ? web_tr(r, grade_opts[k].label) : "—");
		H(r, "</option>");
	}
	if (!found && val[0]) {
		/* A value sent by hand is kept, so that the error beside it makes sense. */
		H(r, "<option selected value=\"");
		A(r, val);
		H(r, "\">");
		T(r, val);
		H(r, "</option>");
	}
	H(r, "</select>");
	row_field_close(r, name, it);
	H(r, "</td>");
	if (reasons) {
		H(r, "<td>");
		if (row_locked(s, w)) {
			row_field_name(name, sizeof name, 'r', w->member_id);
			it = field_err(r, name);
			H(r, "<div class=\"field");
			if (it)
				H(r, " bad");
			H(r, "\"><label class=\"vh\" for=\"f-");
			A(r, name);
			H(r, "\">");
			TR(r, "Reason for changing the decision on");
			H(r, " ");
			T(r, w->full_name);
			H(r, "</label><input type=\"text\" id=\"f-");
			A(r, name);
			H(r, "\" name=\"");
			A(r, name);
			H(r, "\" value=\"");
			A(r, why ? why : "");
			H(r, "\"");
			field_aria(r, name, it);
			H(r, ">");
			row_field_close(r, name, it);
		}
		H(r, "</td>");
	}
	/* Last, so that the columns the review has always had keep their places. */
	plan_cell(r, plan);
	H(r, "</tr>\n");
}

/* The problems of r->e that belong to no row, at the top: R-REVIEW-EXCELLENT-QUOTA said
 * with the counts of the form as sent. */
static void sheet_errors(struct req *r, const struct review_sheet *s, long ex, long gb)
{
	size_t i;
	int open = 0;

	for (i = 0; i < r->e.n; i++) {
		const struct err_item *it = &r->e.items[i];

		if ((it->field[0] == 'g' || it->field[0] == 'r') && it->field[1] == '-')
			continue;
		if (!open) {
			H(r, "<div class=\"errors\" role=\"alert\" id=\"form-errors\"><ul>");
			open = 1;
		}
		H(r, "<li>");
		if (!strcmp(it->rule, R_REVIEW_EXCELLENT_QUOTA)) {
			H(r, "<strong id=\"quota-refused\">");
			quota_line(r, s, ex, gb);
			H(r, "</strong> <code>");
			T(r, it->rule);
			H(r, "</code><br>");
			T(r, it->msg);
		} else {
			T(r, it->msg);
			if (it->rule[0]) {
				H(r, " <code>");
				T(r, it->rule);
				H(r, "</code>");
			}
		}
		H(r, "</li>");
	}
	if (open)
		H(r, "</ul></div>\n");
}

/* The whole form: the roll with each member's steps so far and a grade to choose, the quota
 * as it stands. val[i] and why[i] are the values shown in row i. */
static void sheet_form(struct req *r, const struct review_sheet *s, const char *const *val,
		       const char *const *why)
{
	struct buf title;
	size_t i;
	long ex, gb;
	int reasons = 0, gvis;
	unsigned char *plans;
	/* After a post: how many grades it recorded (shown only when it is a number). */
	const char *sv = req_query(r, "saved");
	char *end = NULL;
	long saved = sv && sv[0] ? strtol(sv, &end, 10) : -1;
	struct org g;
	struct err tmp;

	/* The grassroots organisation may lie above the user's scope (a cell's secretary): it
	 * is then neither named nor linked, only its counts are given. */
	err_init(&tmp);
	gvis = !app_org_get(r->app, &r->actor, s->grassroots_code, &g, &tmp);
	err_cleanup(&tmp);
	for (i = 0; i < s->n; i++)
		reasons |= row_locked(s, &s->rows[i]);
	quota_count(s, val, &ex, &gb);
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Review of members"), s->org_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"actions\"><a class=\"action\" href=\"/orgs/");
	U(r, s->org_code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a> <a class=\"action\" href=\"/orgs/");
	U(r, s->org_code);
	H(r, "/review-org?year=");
	N(r, s->year);
	H(r, "\">");
	TR(r, "Review of the organisation");
	H(r, "</a> <a class=\"action\" href=\"/orgs/");
	U(r, gvis ? s->grassroots_code : s->org_code);
	H(r, "/report?year=");
	N(r, s->year);
	H(r, "\">");
	TR(r, "Report of figures");
	H(r, "</a></p>\n<form class=\"inline\" method=\"get\" id=\"review-year\" action=\"/orgs/");
	A(r, s->org_code);
	H(r, "/review\"><label for=\"year\">");
	TR(r, "Review year");
	H(r, "</label><select id=\"year\" name=\"year\">");
	web_year_options(r, s->year);
	H(r, "</select><button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
	if (saved >= 0 && end && !*end && r->status == 200) {
		H(r, "<p class=\"ok\" role=\"status\" id=\"saved\">");
		if (!saved) {
			TR(r, "Nothing was changed.");
		} else {
			TR(r, "Grades recorded:");
			H(r, " ");
			N(r, saved);
		}
		H(r, "</p>\n");
	}
	H(r, "<p id=\"mode\">");
	if (s->can_decide)
		TR(r, "You decide the grades: the grassroots organisation decides its members' "
		      "grades.");
	else
		TR(r, "You record the cell's proposals: the grassroots organisation, above your "
		      "role, decides the grades.");
	H(r, " <code>");
	T(r, R_REVIEW_MEMBER_DECIDER);
	H(r, "</code></p>\n<div class=\"quota\" id=\"quota\"><p>");
	TR(r, "Excellent members already decided in the grassroots organisation");
	if (gvis) {
		H(r, " ");
		web_org_link(r, g.code, g.name);
	}
	H(r, " ");
	TR(r, "outside this cell");
	H(r, ": <b id=\"quota-ex\">");
	Q(r, s->excellent);
	H(r, "</b> ");
	TR(r, "of");
	H(r, " <b id=\"quota-gb\">");
	Q(r, s->good_or_better);
	H(r, "</b> ");
	TR(r, "rated good or better.");
	H(r, " ");
	if (s->quota_pct >= 0) {
		TR(r, "At most this share of the members rated good or better may be excellent:");
		H(r, " <b id=\"quota-pct\">");
		N(r, s->quota_pct);
		H(r, "%</b>");
	} else {
		TR(r, "No limit is in force.");
	}
	H(r, " <code>");
	T(r, R_REVIEW_EXCELLENT_QUOTA);
	H(r, "</code></p><p id=\"quota-live\" role=\"status\" aria-live=\"polite\" class=\"live");
	if (s->quota_pct >= 0 && ex > gb * s->quota_pct / 100)
		H(r, " over");
	H(r, "\">");
	quota_line(r, s, ex, gb);
	H(r, "</p><p class=\"note\">");
	TR(r, "The count follows your choices as you make them; the server checks it again when "
	      "the form is sent.");
	H(r, "</p></div>\n");
	sheet_errors(r, s, ex, gb);
	if (!s->n) {
		H(r, "<p id=\"no-members\">");
		TR(r, "No member on this organisation's own roll.");
		H(r, "</p>\n");
		page_end(r);
		return;
	}
	H(r, "<form method=\"post\" id=\"review-form\" action=\"/orgs/");
	A(r, s->org_code);
	H(r, "/review\" data-excellent=\"");
	N(r, s->excellent);
	H(r, "\" data-good=\"");
	N(r, s->good_or_better);
	H(r, "\" data-quota=\"");
	N(r, s->quota_pct);
	H(r, "\" data-within=\"");
	A(r, _(r, QUOTA_WITHIN));
	H(r, "\" data-over=\"");
	A(r, _(r, QUOTA_OVER));
	H(r, "\" data-none=\"");
	A(r, _(r, QUOTA_NONE));
	H(r, "\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"year\" value=\"");
	N(r, s->year);
	H(r, "\"><table class=\"review\" id=\"sheet\"><thead><tr><th class=\"n\">#</th><th>");
	TR(r, "Member");
	H(r, "</th><th>");
	TR(r, "Status");
	H(r, "</th><th>");
	TR(r, "Self-assessment");
	H(r, "</th><th>");
	TR(r, "Proposal of the cell");
	H(r, "</th><th>");
	TR(r, "Decision in force");
	H(r, "</th><th>");
	T(r, s->can_decide ? _(r, "Grade to decide") : _(r, "Grade to propose"));
	H(r, "</th>");
	if (reasons) {
		H(r, "<th>");
		TR(r, "Reason for changing a decision");
		H(r, "</th>");
	}
	H(r, "<th>");
	TR(r, "Action plan");
	H(r, "</th>");
	H(r, "</tr></thead><tbody>\n");
	plans = plan_marks(r, s);
	for (i = 0; i < s->n; i++)
		sheet_row(r, s, i, val[i], why ? why[i] : NULL, reasons, plans[i]);
	free(plans);
	H(r, "</tbody></table>\n<p><button type=\"submit\" id=\"submit\">");
	T(r, s->can_decide ? _(r, "Record the decisions") : _(r, "Record the proposals"));
	H(r, "</button> <a href=\"/orgs/");
	U(r, s->org_code);
	H(r, "\">");
	TR(r, "Cancel");
	H(r, "</a></p></form>\n<script src=\"/static/review.js\" defer></script>\n");
	page_end(r);
}

/* GET /orgs/{code}/review?year= */
void web_review_get(struct req *r)
{
	struct review_sheet s;
	const char **val;
	int year = web_query_year(r);
	size_t i;

	if (year < 0 || app_review_sheet(r->app, &r->actor, r->pathv[0], year, &s, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_read_only(r)) {
		review_sheet_cleanup(&s);
		return;
	}
	val = xcalloc(s.n ? s.n : 1, sizeof *val);
	for (i = 0; i < s.n; i++) {
		enum grade g = row_current(&s, &s.rows[i]);

		/* Offered for deciding: the decision in force, else the cell's proposal. */
		if (g == G_NONE && s.can_decide)
			g = s.rows[i].proposed;
		val[i] = grade_name(g);
	}
	sheet_form(r, &s, val, NULL);
	free(val);
	review_sheet_cleanup(&s);
}

/* POST /orgs/{code}/review: every row whose grade differs from the one recorded is sent to
 * app_review_members at once (all or nothing); the problems come back beside their rows. */
void web_review_post(struct req *r)
{
	struct review_sheet s;
	const char **val = NULL, **why = NULL;
	struct review_in *rs = NULL;
	size_t *row_of = NULL, n = 0, i;
	int year = form_year(r);
	char name[40];

	memset(&s, 0, sizeof s);
	if (year < 0 || app_review_sheet(r->app, &r->actor, r->pathv[0], year, &s, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_read_only(r))
		goto out;
	val = xcalloc(s.n ? s.n : 1, sizeof *val);
	why = xcalloc(s.n ? s.n : 1, sizeof *why);
	rs = xcalloc(s.n ? s.n : 1, sizeof *rs);
	row_of = xcalloc(s.n ? s.n : 1, sizeof *row_of);
	for (i = 0; i < s.n; i++) {
		const struct review_sheet_row *w = &s.rows[i];
		struct review_in *in;
		int g;

		row_field_name(name, sizeof name, 'r', w->member_id);
		why[i] = form_value(r, name);
		row_field_name(name, sizeof name, 'g', w->member_id);
		val[i] = form_value(r, name);
		if (!val[i][0])
			continue;
		if ((g = grade_parse(val[i])) < 0) {
			err_add(&r->e, ERR_INPUT, 0, name, val[i], NULL, "%s",
				_(r, "Choose one of the four grades."));
			continue;
		}
		if ((enum grade)g == row_current(&s, w))
			continue;
		in = &rs[n];
		in->member_id = w->member_id;
		in->year = year;
		in->step = s.can_decide ? RS_DECISION : RS_PROPOSAL;
		in->score = -1;
		in->grade = (enum grade)g;
		in->date = DATE_NONE;
		row_field_name(name, sizeof name, 'r', w->member_id);
		form_text(r, name, in->reason, sizeof in->reason);
		in->line = (long)n + 1;
		row_of[n++] = i;
	}
	if (!r->e.code && n && app_review_members(r->app, &r->actor, rs, n, &r->e)) {
		/* Each problem of a row goes beside it: the reason's beside the reason field,
		 * any other beside the grade. */
		for (i = 0; i < r->e.n; i++) {
			struct err_item *it = &r->e.items[i];
			const struct review_sheet_row *w;

			if (it->line < 1 || (size_t)it->line > n)
				continue;
			w = &s.rows[row_of[it->line - 1]];
			row_field_name(it->field, sizeof it->field,
				       !strcmp(it->field, "reason") && row_locked(&s, w) ? 'r' : 'g',
				       w->member_id);
			it->line = 0;
		}
	}
	if (r->e.code) {
		if (!form_fail_page(r))
			sheet_form(r, &s, val, why);
		goto out;
	}
	{
		struct buf loc;

		buf_init(&loc, 0);
		buf_adds(&loc, "/orgs/");
		web_url_arg(&loc, s.org_code);
		buf_printf(&loc, "/review?year=%d&saved=%zu", year, n);
		form_done(r, buf_str(&loc));
		buf_cleanup(&loc);
	}
out:
	free(val);
	free(why);
	free(rs);
	free(row_of);
	review_sheet_cleanup(&s);
}

/* ---- reviews as history ------------------------------------------------------------------- */

struct rec_list {
	struct review_rec *v;
	size_t n;
};

static int rec_add(void *ctx, const struct review_rec *v)
{
	struct rec_list *l = ctx;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = *v;
	return 0;
}

/* A table of review steps: a decision replaced by a later revision is marked so and kept. */
static void review_table(struct req *r, const char *id, const struct review_rec *v, size_t n)
{
	size_t i;

	H(r, "<table class=\"reviews\" id=\"");
	A(r, id);
	H(r, "\"><thead><tr><th>");
	TR(r, "Year");
	H(r, "</th><th>");
	TR(r, "Step");
	H(r, "</th><th>");
	TR(r, "Grade");
	H(r, "</th><th class=\"n\">");
	TR(r, "Score");
	H(r, "</th><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Deciding body");
	H(r, "</th><th class=\"n\">");
	TR(r, "Revision");
	H(r, "</th><th>");
	TR(r, "Reason");
	H(r, "</th><th>");
	TR(r, "By");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < n && !web_page_full(r); i++) {
		const struct review_rec *x = &v[i];
		int old = x->step == RS_DECISION && !x->current;

		H(r, "<tr");
		if (old)
			H(r, " class=\"old\"");
		H(r, "><td>");
		N(r, x->year);
		H(r, "</td><td>");
		T(r, web_step_label(r, x->step));
		H(r, "</td><td>");
		if (old)
			H(r, "<del>");
		T(r, web_grade_label(r, x->grade));
		if (old)
			H(r, "</del>");
		H(r, "</td><td class=\"n\">");
		if (x->score >= 0)
			N(r, x->score);
		H(r, "</td><td>");
		D(r, x->date);
		H(r, "</td><td>");
		if (x->body[0]) {
			struct org b;
			struct err tmp;

			/* Named only when within the user's sight. */
			err_init(&tmp);
			if (!app_org_get(r->app, &r->actor, x->body, &b, &tmp))
				web_org_link(r, b.code, b.name);
			err_cleanup(&tmp);
		}
		H(r, "</td><td class=\"n\">");
		if (x->revision > 0)
			N(r, x->revision);
		if (old) {
			H(r, " <span class=\"replaced\">(");
			TR(r, "replaced");
			H(r, ")</span>");
		}
		H(r, "</td><td>");
		T(r, x->reason);
		H(r, "</td><td>");
		web_actor(r, x->by);
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

void web_member_reviews(struct req *r, int64_t member_id)
{
	struct rec_list l = {NULL, 0};
	struct err tmp;

	err_init(&tmp);
	if (app_review_history(r->app, &r->actor, member_id, rec_add, &l, &tmp)) {
		/* The record itself was shown: a failure here leaves only this table out. */
		err_cleanup(&tmp);
		free(l.v);
		return;
	}
	err_cleanup(&tmp);
	H(r, "<h2 id=\"reviews\">");
	TR(r, "Quality reviews");
	H(r, "</h2>\n");
	if (!l.n) {
		H(r, "<p id=\"no-reviews\">");
		TR(r, "No review recorded.");
		H(r, "</p>\n");
	} else {
		review_table(r, "member-reviews", l.v, l.n);
	}
	free(l.v);
}

/* ---- an organisation's review ------------------------------------------------------------- */

static const char *const org_shown[] = {"grade", "reason", "date", NULL};

/* What the organisation's grade rests on: its members' grades decided for the year (the
 * report's table member_reviews for its subtree). Nothing when it cannot be counted. */
static void org_basis(struct req *r, const char *code, int year)
{
	struct report rep;
	const struct report_table *t;
	struct err tmp;
	size_t i;

	/* Its own problems are not the form's: r->e may hold those of a post. */
	err_init(&tmp);
	if (app_report(r->app, &r->actor, code, year, DATE_NONE, &rep, &tmp) ||
	    !(t = report_find(&rep, "member_reviews"))) {
		err_cleanup(&tmp);
		report_cleanup(&rep);
		return;
	}
	err_cleanup(&tmp);
	H(r, "<p id=\"org-basis\">");
	TR(r, "Members' grades decided for the year in its subtree:");
	for (i = 0; i < t->nrow; i++) {
		const struct report_row *w = &t->rows[i];
		int g = grade_parse(w->key);

		if (g < 0 && strcmp(w->key, "not_reviewed"))
			continue;
		H(r, " ");
		T(r, g >= 0 ? web_grade_label(r, (enum grade)g) : _(r, "not yet decided"));
		H(r, " <b>");
		Q(r, w->c[0].count);
		H(r, "</b>");
		if (strcmp(w->key, "not_reviewed"))
			H(r, " ·");
	}
	H(r, "</p>\n");
	report_cleanup(&rep);
}

static void org_form(struct req *r, const struct org *o, int year, int post)
{
	struct rec_list l = {NULL, 0};
	struct buf title;
	const struct review_rec *cur = NULL;
	size_t i;
	struct err tmp;

	err_init(&tmp);
	if (app_review_org_history(r->app, &r->actor, o->code, rec_add, &l, &tmp))
		l.n = 0;
	err_cleanup(&tmp);
	for (i = 0; i < l.n; i++)
		if (l.v[i].year == year && l.v[i].step == RS_DECISION && l.v[i].current)
			cur = &l.v[i];
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Review of the organisation"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"actions\"><a class=\"action\" href=\"/orgs/");
	U(r, o->code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a> <a class=\"action\" href=\"/orgs/");
	U(r, o->code);
	H(r, "/report?year=");
	N(r, year);
	H(r, "\">");
	TR(r, "Report of figures");
	H(r, "</a></p>\n<form class=\"inline\" method=\"get\" id=\"review-org-year\" action=\"/orgs/");
	A(r, o->code);
	H(r, "/review-org\"><label for=\"year\">");
	TR(r, "Review year");
	H(r, "</label><select id=\"year\" name=\"year\">");
	web_year_options(r, year);
	H(r, "</select><button>");
	TR(r, "Show");
	H(r, "</button></form>\n<p id=\"org-grade-now\">");
	if (cur) {
		TR(r, "Grade decided for the year:");
		H(r, " <b id=\"org-grade\">");
		T(r, web_grade_label(r, cur->grade));
		H(r, "</b> (");
		D(r, cur->date);
		if (cur->revision > 1) {
			H(r, ", ");
			TR(r, "revision");
			H(r, " ");
			N(r, cur->revision);
		}
		H(r, ")");
	} else {
		TR(r, "No grade decided for the year yet.");
	}
	H(r, "</p>\n");
	org_basis(r, o->code, year);
	err_init(&tmp);
	if (!app_can_edit(&r->actor, &tmp)) {
		form_errors(r, org_shown);
		H(r, "<form method=\"post\" class=\"record\" id=\"review-org-form\" action=\"/orgs/");
		A(r, o->code);
		H(r, "/review-org\">");
		form_csrf(r);
		H(r, "<input type=\"hidden\" name=\"year\" value=\"");
		N(r, year);
		H(r, "\"><p class=\"note\">");
		TR(r, "The standing committee of the organisation above decides an organisation's "
		      "grade.");
		H(r, " <code>");
		T(r, R_REVIEW_ORG_DECIDER);
		H(r, "</code></p>");
		form_select(r, _(r, "Grade"), "grade", grade_opts, post ? form_value(r, "grade") : "",
			    1);
		form_input(r, _(r, "Reason (needed to change a decision already taken)"), "reason",
			   "text", post ? form_value(r, "reason") : "", 0);
		form_input(r, _(r, "Date of the decision (empty: today)"), "date", "date",
			   post ? form_value(r, "date") : "", 0);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Decide the grade");
		H(r, "</button> <a href=\"/orgs/");
		U(r, o->code);
		H(r, "\">");
		TR(r, "Cancel");
		H(r, "</a></form>\n");
	}
	err_cleanup(&tmp);
	H(r, "<h2>");
	TR(r, "Reviews of the organisation");
	H(r, "</h2>\n");
	if (l.n)
		review_table(r, "org-review-history", l.v, l.n);
	else {
		H(r, "<p id=\"no-reviews\">");
		TR(r, "No review recorded.");
		H(r, "</p>\n");
	}
	free(l.v);
	page_end(r);
}

/* GET /orgs/{code}/review-org?year= */
void web_review_org_get(struct req *r)
{
	struct org o;
	int year = web_query_year(r);

	if (year < 0 || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	org_form(r, &o, year, 0);
}

/* POST /orgs/{code}/review-org: grade, reason, date, year. */
void web_review_org_post(struct req *r)
{
	struct org o;
	struct review_in in;
	int year = form_year(r), g;
	const char *gv = form_value(r, "grade");
	struct buf loc;

	if (year < 0 || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	memset(&in, 0, sizeof in);
	snprintf(in.org_code, sizeof in.org_code, "%s", o.code);
	in.year = year;
	in.step = RS_DECISION;
	in.score = -1;
	if ((g = grade_parse(gv)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "grade", gv, NULL, "%s", _(r, "Choose a grade."));
	in.grade = (enum grade)g;
	in.date = form_date(r, "date");
	form_text(r, "reason", in.reason, sizeof in.reason);
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code || app_review_org(r->app, &r->actor, &in, &r->e)) {
		/* Not the deciding body: said in the form, in the page's words, since the app's
		 * message names the body, which may lie above the user's scope. */
		if (r->e.code == ERR_DENIED && r->e.n &&
		    !strcmp(r->e.items[0].rule, R_REVIEW_ORG_DECIDER)) {
			snprintf(r->e.items[0].msg, sizeof r->e.items[0].msg, "%s",
				 _(r, "The standing committee of the organisation above decides "
				      "this grade, and your role does not cover it."));
			r->status = 403;
			org_form(r, &o, year, 1);
			return;
		}
		if (!form_fail_page(r))
			org_form(r, &o, year, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/orgs/");
	web_url_arg(&loc, o.code);
	buf_printf(&loc, "/review-org?year=%d", year);
	form_done_flash(r, buf_str(&loc), "review-org-saved", 0);
	buf_cleanup(&loc);
}
