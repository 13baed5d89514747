/* page_hb.c - every member's own handbook (docs/handbook.md): home, own record, the
 * self-assessment, own reviews, the individual action plan; the activation page; a cell's
 * accounts to print for its clerk. Built for a phone on a slow link: each page well under
 * 30 KB, no script, the forms plain HTML. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_hb.h"
#include "page_form.h"
#include "pages.h"

static void hb_home(struct req *r);
static void hb_record(struct req *r);
static void hb_self_get(struct req *r);
static void hb_self_post(struct req *r);
static void hb_reviews(struct req *r);
static void hb_plan_get(struct req *r);
static void hb_plan_post(struct req *r);
static void hb_results_post(struct req *r);
static void hb_meetings(struct req *r);
static void hb_meeting(struct req *r);
static void hb_study(struct req *r);
static void hb_studied_post(struct req *r);
static void hb_activate_get(struct req *r);
static void hb_activate_post(struct req *r);
static void hb_accounts_get(struct req *r);
static void hb_accounts_post(struct req *r);

#define FORM (ROUTE_PAGE | ROUTE_FORM)

const struct route hb_routes[] = {
	{"GET", "/hb", hb_home, ROUTE_PAGE,
	 "a member's handbook: what is due (the plan, the self-assessment)"},
	{"GET", "/hb/record", hb_record, ROUTE_PAGE, "a member's own record, read-only"},
	{"GET", "/hb/self", hb_self_get, ROUTE_PAGE, "a member's own self-assessment form"},
	{"POST", "/hb/self", hb_self_post, FORM, "write one's own self-assessment"},
	{"GET", "/hb/reviews", hb_reviews, ROUTE_PAGE, "a member's own review history"},
	{"GET", "/hb/plan", hb_plan_get, ROUTE_PAGE,
	 "a member's individual action plan of a year, with its forms"},
	{"POST", "/hb/plan", hb_plan_post, FORM, "write one's own action plan"},
	{"POST", "/hb/plan/results", hb_results_post, FORM, "report one's own plan's results"},
	{"GET", "/hb/meetings", hb_meetings, ROUTE_PAGE,
	 "the cell's meetings for a member: upcoming and past, with the member's attendance"},
	{"GET", "/hb/meetings/{id}", hb_meeting, ROUTE_PAGE,
	 "a meeting of the member's cell: agenda, own attendance (the roll only if present)"},
	{"GET", "/hb/study", hb_study, ROUTE_PAGE,
	 "the documents a member is to study, with \"I have studied it\""},
	{"POST", "/hb/study/{id}", hb_studied_post, FORM,
	 "confirm having studied a document (the member's own)"},
	{"GET", "/activate", hb_activate_get, ROUTE_PUBLIC | ROUTE_PAGE,
	 "activate a member account with its one-time code"},
	{"POST", "/activate", hb_activate_post, ROUTE_PUBLIC | ROUTE_PAGE | ROUTE_FORM,
	 "set the password of a member account with its one-time code, and sign in"},
	{"GET", "/orgs/{code}/accounts", hb_accounts_get, ROUTE_PAGE,
	 "the form making a cell's member accounts (clerks)"},
	{"POST", "/orgs/{code}/accounts", hb_accounts_post, FORM,
	 "make a cell's member accounts: the sheet of codes to print (shown once)"},
	{NULL, NULL, NULL, 0, NULL},
};

/* The handbook's own menu, under the title (the bar's menu is the staff's). */
static void hb_nav(struct req *r)
{
	H(r, "<nav class=\"hb\" aria-label=\"");
	A(r, _(r, "Handbook"));
	H(r, "\"><a href=\"/hb\">");
	TR(r, "Handbook");
	H(r, "</a> · <a href=\"/hb/meetings\">");
	TR(r, "Meetings");
	H(r, "</a> · <a href=\"/hb/study\">");
	TR(r, "Documents to study");
	H(r, "</a> · <a href=\"/hb/record\">");
	TR(r, "My record");
	H(r, "</a> · <a href=\"/hb/plan\">");
	TR(r, "Action plan");
	H(r, "</a> · <a href=\"/hb/self\">");
	TR(r, "Self-assessment");
	H(r, "</a> · <a href=\"/hb/reviews\">");
	TR(r, "My reviews");
	H(r, "</a></nav>\n");
}

/* Answer a handbook page that the actor may not have (not a member account): 403. */
static int hb_fail(struct req *r)
{
	if (!r->e.code)
		return 0;
	web_fail(r);
	return 1;
}

static int year_of(struct req *r)
{
	int y, m, d;

	date_to_ymd(r->app->today, &y, &m, &d);
	return y;
}

static const char *kind_label(struct req *r, const char *kind)
{
	if (!strcmp(kind, "monthly"))
		return _(r, "Regular monthly meeting");
	if (!strcmp(kind, "thematic"))
		return _(r, "Thematic meeting");
	if (!strcmp(kind, "extraordinary"))
		return _(r, "Extraordinary meeting");
	if (!strcmp(kind, "study"))
		return _(r, "Study session");
	return kind;
}

static const char *att_label(struct req *r, const char *status)
{
	if (!strcmp(status, "present"))
		return _(r, "Present");
	if (!strcmp(status, "excused"))
		return _(r, "Absent with leave");
	if (!strcmp(status, "absent"))
		return _(r, "Absent without reason");
	if (!strcmp(status, "not_counted"))
		return _(r, "Not counted");
	return _(r, "Not recorded");
}

/* The date and the hours of a meeting: "07/12/2026 07:30-09:30". */
static void meeting_when(struct req *r, const struct hb_meeting *m)
{
	char t[64];

	D(r, m->on_date);
	snprintf(t, sizeof t, " %02d:%02d-%02d:%02d", (m->starts_min / 60) % 100,
		 m->starts_min % 60, (m->ends_min / 60) % 100, m->ends_min % 60);
	T(r, t);
}

static void hb_home(struct req *r)
{
	struct hb_home h;

	if (app_hb_home(r->app, &r->actor, &h, &r->e)) {
		hb_fail(r);
		return;
	}
	page_begin(r, _(r, "Party member's handbook"));
	hb_nav(r);
	H(r, "<p>");
	T(r, h.full_name);
	H(r, " · ");
	T(r, h.org_name);
	H(r, "</p>\n<h2>");
	TR(r, "What is due");
	H(r, "</h2>\n<ul class=\"due\">");
	H(r, "<li><a href=\"/hb/plan\">");
	if (h.plan == 0)
		TR(r, "Write your action plan for this year");
	else if (h.plan == 1)
		TR(r, "Report the results of your action plan");
	else
		TR(r, "Your action plan: results reported");
	H(r, "</a> (");
	N(r, h.year);
	H(r, ")</li>");
	H(r, "<li>");
	if (h.self_open) {
		H(r, "<a href=\"/hb/self\">");
		if (h.self_grade < 0)
			TR(r, "Write your self-assessment");
		else
			TR(r, "Your self-assessment is written; you may correct it");
		H(r, "</a> (");
		N(r, h.self_year);
		H(r, ")");
	} else if (h.decided) {
		TR(r, "Your review of the year is decided");
		H(r, " (");
		N(r, h.self_year);
		H(r, ") · <a href=\"/hb/reviews\">");
		TR(r, "My reviews");
		H(r, "</a>");
	} else {
		TR(r, "The self-assessment opens in the review period");
	}
	H(r, "</li><li><a href=\"/hb/study\">");
	if (h.docs_due) {
		TR(r, "Documents to study");
		H(r, "</a>: ");
		N(r, h.docs_due);
	} else {
		TR(r, "Documents to study");
		H(r, "</a>: ");
		TR(r, "all studied");
	}
	H(r, "</li><li>");
	if (h.next.id) {
		H(r, "<a href=\"/hb/meetings/");
		N(r, h.next.id);
		H(r, "\">");
		TR(r, "Next meeting");
		H(r, "</a>: ");
		meeting_when(r, &h.next);
		H(r, " · ");
		T(r, kind_label(r, h.next.kind));
		if (h.next.topic[0]) {
			H(r, " · ");
			T(r, h.next.topic);
		}
	} else {
		TR(r, "No meeting planned yet");
	}
	H(r, "</li></ul>\n");
	page_end(r);
}

static void row(struct req *r, const char *label, const char *value)
{
	if (!value || !value[0])
		return;
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	T(r, value);
	H(r, "</dd>");
}

static void row_date(struct req *r, const char *label, date_t d)
{
	if (d == DATE_NONE)
		return;
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	D(r, d);
	H(r, "</dd>");
}

static void hb_record(struct req *r)
{
	struct member m;

	if (app_hb_record(r->app, &r->actor, &m, &r->e)) {
		hb_fail(r);
		return;
	}
	page_begin(r, _(r, "My record"));
	hb_nav(r);
	H(r, "<dl class=\"record\">");
	row(r, _(r, "Full name"), m.full_name);
	row_date(r, _(r, "Birth date"), m.birth_date);
	row(r, _(r, "Sex"), !strcmp(m.sex, "female") ? _(r, "female") : _(r, "male"));
	row(r, _(r, "Ethnicity"), m.ethnicity);
	row(r, _(r, "Religion"), m.religion);
	row(r, _(r, "Home town"), m.hometown);
	row(r, _(r, "Organisation"), m.org_code);
	row(r, _(r, "Status"), web_status_label(r, m.status));
	row_date(r, _(r, "Admitted (decision)"), m.admission_decision_date);
	row_date(r, _(r, "Admission ceremony"), m.admission_ceremony_date);
	row_date(r, _(r, "Official member since"), m.official_date);
	row(r, _(r, "Party card"), m.card_no);
	row(r, _(r, "Personal history no."), m.history_no);
	row(r, _(r, "Rank"), m.rank);
	row(r, _(r, "Post"), m.post);
	row(r, _(r, "Education"), m.education);
	row(r, _(r, "Political theory"), m.theory_level);
	row(r, _(r, "Phone"), m.phone);
	H(r, "</dl>\n<p class=\"note\">");
	TR(r, "Something wrong? Tell your cell's clerk: only the cell corrects a record.");
	H(r, "</p>\n");
	page_end(r);
}

static const struct form_option grade_opts[] = {
	{"", N_("(from the score)")},
	{"excellent", N_("Excellent")},
	{"good", N_("Good")},
	{"complete", N_("Complete")},
	{"not_complete", N_("Not complete")},
	{NULL, NULL},
};

static void self_form(struct req *r, const char *score, const char *grade)
{
	struct hb_home h;
	struct err tmp;

	err_init(&tmp);
	app_hb_home(r->app, &r->actor, &h, &tmp);
	err_cleanup(&tmp);
	page_begin(r, _(r, "Self-assessment"));
	hb_nav(r);
	form_errors(r, (const char *const[]){"score", "grade", NULL});
	if (!h.self_open) {
		H(r, "<p>");
		if (h.decided)
			TR(r, "Your review of the year is decided");
		else
			TR(r, "The self-assessment opens in the review period");
		H(r, " (<code>R-HB-SELF-PERIOD</code>).</p>\n");
		page_end(r);
		return;
	}
	H(r, "<p>");
	TR(r, "The first step of the yearly review: your own assessment, which the cell then "
	      "discusses.");
	H(r, "</p>");
	if (h.self_grade >= 0) {
		H(r, "<p class=\"ok\">");
		TR(r, "Written");
		H(r, ": ");
		T(r, web_grade_label(r, (enum grade)h.self_grade));
		if (h.self_score >= 0) {
			H(r, " (");
			N(r, h.self_score);
			H(r, ")");
		}
		H(r, "</p>");
	}
	H(r, "<form method=\"post\" action=\"/hb/self\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"year\" value=\"");
	N(r, h.self_year);
	H(r, "\"><p>");
	TR(r, "Year");
	H(r, ": ");
	N(r, h.self_year);
	H(r, "</p>");
	form_input(r, _(r, "Score (0-100)"), "score", "number", score, 0);
	form_select(r, _(r, "Grade"), "grade", grade_opts, grade, 0);
	H(r, "<button>");
	TR(r, "Save my self-assessment");
	H(r, "</button></form>\n");
	page_end(r);
}

static void hb_self_get(struct req *r)
{
	struct hb_home h;

	if (app_hb_home(r->app, &r->actor, &h, &r->e)) {
		hb_fail(r);
		return;
	}
	self_form(r, "", "");
}

/* A whole number field: -1 when empty; a problem when it is not a number. */
static int form_int(struct req *r, const char *name, int lo, int hi)
{
	const char *v = form_value(r, name);
	char *end;
	long n;

	if (!v[0])
		return -1;
	n = strtol(v, &end, 10);
	if (*end || n < lo || n > hi) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "give a whole number from %d to %d", lo,
			hi);
		return -1;
	}
	return (int)n;
}

static void hb_self_post(struct req *r)
{
	int year = form_int(r, "year", 1930, 9999), score = form_int(r, "score", 0, 100);
	const char *gv = form_value(r, "grade");
	int g = gv[0] ? grade_parse(gv) : G_NONE;

	if (gv[0] && g < 0)
		err_add(&r->e, ERR_INPUT, 0, "grade", gv, NULL, "choose a grade from the list");
	if (!r->e.code)
		app_hb_self(r->app, &r->actor, year, score, (enum grade)g, &r->e);
	if (r->e.code) {
		if (form_fail_page(r))
			return;
		self_form(r, form_value(r, "score"), gv);
		return;
	}
	req_redirect(r, "/hb?saved=self");
}

struct rev_page {
	struct req *r;
	long n;
};

static int rev_row(void *ctx, const struct review_rec *v)
{
	struct rev_page *p = ctx;
	struct req *r = p->r;

	if (v->step == RS_DECISION && !v->current)
		return 0;
	H(r, "<tr><td>");
	N(r, v->year);
	H(r, "</td><td>");
	T(r, web_step_label(r, v->step));
	H(r, "</td><td>");
	T(r, web_grade_label(r, v->grade));
	if (v->score >= 0) {
		H(r, " (");
		N(r, v->score);
		H(r, ")");
	}
	H(r, "</td><td>");
	D(r, v->date);
	H(r, "</td></tr>\n");
	p->n++;
	return web_page_full(r);
}

static void hb_reviews(struct req *r)
{
	struct rev_page p = {r, 0};
	struct err tmp;

	err_init(&tmp);
	if (app_hb_home(r->app, &r->actor, &(struct hb_home){0}, &r->e)) {
		err_cleanup(&tmp);
		hb_fail(r);
		return;
	}
	page_begin(r, _(r, "My reviews"));
	hb_nav(r);
	H(r, "<table><thead><tr><th>");
	TR(r, "Year");
	H(r, "</th><th>");
	TR(r, "Step");
	H(r, "</th><th>");
	TR(r, "Grade");
	H(r, "</th><th>");
	TR(r, "Date");
	H(r, "</th></tr></thead><tbody>\n");
	app_hb_reviews(r->app, &r->actor, rev_row, &p, &tmp);
	H(r, "</tbody></table>\n");
	if (!p.n) {
		H(r, "<p>");
		TR(r, "No review recorded yet.");
		H(r, "</p>");
	}
	err_cleanup(&tmp);
	page_end(r);
}

static void textarea(struct req *r, const char *label, const char *name, const char *value)
{
	const struct err_item *it = field_err(r, name);

	field_open(r, label, name, it);
	H(r, "<textarea rows=\"6\" id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\"");
	field_aria(r, name, it);
	H(r, ">");
	T(r, value);
	H(r, "</textarea>");
	field_close(r, name, it);
}

static int plan_old(void *ctx, const struct hb_plan *p)
{
	struct req *r = ctx;

	H(r, "<li><a href=\"/hb/plan?year=");
	N(r, p->year);
	H(r, "\">");
	N(r, p->year);
	H(r, "</a>: ");
	if (p->reported_on != DATE_NONE && p->results[0])
		TR(r, "results reported");
	else
		TR(r, "written, results not reported");
	H(r, "</li>");
	return 0;
}

static void plan_page(struct req *r, int year, const char *commitments, const char *results)
{
	struct hb_plan p;
	struct err tmp;
	int has;

	err_init(&tmp);
	has = app_hb_plan(r->app, &r->actor, year, &p, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	page_begin(r, _(r, "Action plan"));
	hb_nav(r);
	form_errors(r, (const char *const[]){"commitments", "results", NULL});
	H(r, "<p>");
	TR(r, "Your individual action plan for the year: what you commit to do, and at the end "
	      "what you achieved. The secretary sees it when grading your year.");
	H(r, "</p><h2>");
	N(r, year);
	H(r, "</h2>\n");
	if (has) {
		H(r, "<p>");
		TR(r, "Written on");
		H(r, " ");
		D(r, p.written_on);
		if (p.reported_on != DATE_NONE) {
			H(r, " · ");
			TR(r, "results reported on");
			H(r, " ");
			D(r, p.reported_on);
		}
		H(r, "</p>");
	}
	H(r, "<form method=\"post\" action=\"/hb/plan\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"year\" value=\"");
	N(r, year);
	H(r, "\">");
	textarea(r, _(r, "Commitments"), "commitments",
		 commitments ? commitments : has ? p.commitments : "");
	H(r, "<button>");
	TR(r, "Save the plan");
	H(r, "</button></form>\n");
	if (has) {
		H(r, "<form method=\"post\" action=\"/hb/plan/results\">");
		form_csrf(r);
		H(r, "<input type=\"hidden\" name=\"year\" value=\"");
		N(r, year);
		H(r, "\">");
		textarea(r, _(r, "Results"), "results", results ? results : p.results);
		H(r, "<button>");
		TR(r, "Report the results");
		H(r, "</button></form>\n");
	}
	H(r, "<h2>");
	TR(r, "Every year");
	H(r, "</h2><ul>");
	err_init(&tmp);
	app_hb_plans(r->app, &r->actor, plan_old, r, &tmp);
	err_cleanup(&tmp);
	H(r, "</ul>\n");
	page_end(r);
}

static void hb_plan_get(struct req *r)
{
	long year = req_query_long(r, "year", year_of(r), 1930, 9999);

	if (app_hb_home(r->app, &r->actor, &(struct hb_home){0}, &r->e)) {
		hb_fail(r);
		return;
	}
	plan_page(r, (int)year, NULL, NULL);
}

static void plan_post(struct req *r, int results)
{
	int year = form_int(r, "year", 1930, 9999);
	const char *text = form_value(r, results ? "results" : "commitments");
	char loc[48];

	if (!r->e.code) {
		if (results)
			app_hb_plan_report(r->app, &r->actor, year, text, &r->e);
		else
			app_hb_plan_write(r->app, &r->actor, year, text, &r->e);
	}
	if (r->e.code) {
		if (form_fail_page(r))
			return;
		plan_page(r, year > 0 ? year : year_of(r), results ? NULL : text,
			  results ? text : NULL);
		return;
	}
	snprintf(loc, sizeof loc, "/hb/plan?year=%d", year);
	req_redirect(r, loc);
}

static void hb_plan_post(struct req *r)
{
	plan_post(r, 0);
}

static void hb_results_post(struct req *r)
{
	plan_post(r, 1);
}

/* ---- meetings ------------------------------------------------------------------------------ */

static int meeting_row(void *ctx, const struct hb_meeting *m)
{
	struct req *r = ctx;

	H(r, "<li><a href=\"/hb/meetings/");
	N(r, m->id);
	H(r, "\">");
	meeting_when(r, m);
	H(r, "</a> · ");
	T(r, kind_label(r, m->kind));
	if (m->topic[0]) {
		H(r, " · ");
		T(r, m->topic);
	}
	if (m->on_date < r->app->today) {
		H(r, " · <strong>");
		T(r, att_label(r, m->status));
		H(r, "</strong>");
	}
	H(r, "</li>\n");
	return web_page_full(r);
}

static void hb_meetings(struct req *r)
{
	struct err tmp;

	if (app_hb_home(r->app, &r->actor, &(struct hb_home){0}, &r->e)) {
		hb_fail(r);
		return;
	}
	page_begin(r, _(r, "Meetings"));
	hb_nav(r);
	err_init(&tmp);
	H(r, "<h2>");
	TR(r, "Upcoming");
	H(r, "</h2><ul class=\"meetings\">");
	app_hb_meetings(r->app, &r->actor, 1, 12, meeting_row, r, &tmp);
	H(r, "</ul><h2>");
	TR(r, "Past");
	H(r, "</h2><ul class=\"meetings\">");
	app_hb_meetings(r->app, &r->actor, 0, 24, meeting_row, r, &tmp);
	H(r, "</ul>\n");
	err_cleanup(&tmp);
	page_end(r);
}

/* Markup into a buffer of its own: string literals only, as H(). */
#define HB_LIT(b, lit) buf_add((b), "" lit "", sizeof(lit) - 1)

struct att_rows {
	struct req *r;
	struct buf b;
};

static int att_row(void *ctx, const char *name, const char *status)
{
	struct att_rows *x = ctx;

	HB_LIT(&x->b, "<tr><td>");
	html_text(&x->b, name);
	HB_LIT(&x->b, "</td><td>");
	html_text(&x->b, att_label(x->r, status));
	HB_LIT(&x->b, "</td></tr>\n");
	return x->b.len > WEB_PAGE_BUDGET / 2;
}

static void hb_meeting(struct req *r)
{
	struct hb_meeting m;
	struct att_rows x = {r, {0}};
	int64_t id = form_path_id(r);

	if (app_hb_home(r->app, &r->actor, &(struct hb_home){0}, &r->e)) {
		hb_fail(r);
		return;
	}
	buf_init(&x.b, 0);
	if (!id || app_hb_meeting(r->app, &r->actor, id, &m, att_row, &x, &r->e)) {
		buf_cleanup(&x.b);
		if (!id)
			err_set(&r->e, ERR_NOTFOUND, "no meeting has the id %s", r->pathv[0]);
		form_fail_page(r);
		return;
	}
	page_begin(r, _(r, "Meeting"));
	hb_nav(r);
	H(r, "<dl class=\"record\"><dt>");
	TR(r, "Date");
	H(r, "</dt><dd>");
	meeting_when(r, &m);
	H(r, "</dd><dt>");
	TR(r, "Kind");
	H(r, "</dt><dd>");
	T(r, kind_label(r, m.kind));
	H(r, "</dd><dt>");
	TR(r, "Held by");
	H(r, "</dt><dd>");
	T(r, m.org_name);
	H(r, "</dd>");
	if (m.topic[0]) {
		H(r, "<dt>");
		TR(r, "Topic");
		H(r, "</dt><dd>");
		T(r, m.topic);
		H(r, "</dd>");
	}
	if (m.agenda[0]) {
		H(r, "<dt>");
		TR(r, "Agenda");
		H(r, "</dt><dd>");
		T(r, m.agenda);
		H(r, "</dd>");
	}
	H(r, "<dt>");
	TR(r, "Your attendance");
	H(r, "</dt><dd>");
	T(r, m.on_date >= r->app->today && !m.status[0] ? _(r, "Not yet held")
							: att_label(r, m.status));
	if (m.reason[0]) {
		H(r, " (");
		T(r, m.reason);
		H(r, ")");
	}
	H(r, "</dd></dl>\n");
	if (x.b.len) {
		H(r, "<h2>");
		TR(r, "Attendance");
		H(r, "</h2><table class=\"att\"><tbody>\n");
		buf_add(&r->out, buf_str(&x.b), x.b.len);
		H(r, "</tbody></table>\n");
	}
	buf_cleanup(&x.b);
	page_end(r);
}

/* ---- documents to study ---------------------------------------------------------------------- */

static int doc_row(void *ctx, const struct hb_doc *d)
{
	struct req *r = ctx;

	H(r, "<li><strong>");
	T(r, d->number);
	H(r, "</strong> ");
	T(r, d->title);
	if (d->deadline != DATE_NONE) {
		H(r, " · ");
		TR(r, "by");
		H(r, " ");
		D(r, d->deadline);
	}
	H(r, "<br>");
	if (d->confirmed_on != DATE_NONE) {
		TR(r, "You confirmed having studied it on");
		H(r, " ");
		D(r, d->confirmed_on);
	} else if (d->covered) {
		TR(r, "Studied (present at a study session)");
	} else {
		H(r, "<form method=\"post\" action=\"/hb/study/");
		N(r, d->id);
		H(r, "\">");
		form_csrf(r);
		H(r, "<button>");
		TR(r, "I have studied it");
		H(r, "</button></form>");
	}
	H(r, "</li>\n");
	return web_page_full(r);
}

static void hb_study(struct req *r)
{
	struct err tmp;

	if (app_hb_home(r->app, &r->actor, &(struct hb_home){0}, &r->e)) {
		hb_fail(r);
		return;
	}
	page_begin(r, _(r, "Documents to study"));
	hb_nav(r);
	H(r, "<ul class=\"docs\">");
	err_init(&tmp);
	app_hb_docs(r->app, &r->actor, doc_row, r, &tmp);
	err_cleanup(&tmp);
	H(r, "</ul>\n");
	page_end(r);
}

static void hb_studied_post(struct req *r)
{
	int64_t id = form_path_id(r);
	int added;

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no document to study has the id %s", r->pathv[0]);
	else
		app_hb_study_confirm(r->app, &r->actor, id, &added, &r->e);
	if (r->e.code) {
		if (!form_fail_page(r))
			web_fail(r);
		return;
	}
	req_redirect(r, "/hb/study");
}

/* ---- activation -------------------------------------------------------------------------- */

static void activate_form(struct req *r, const char *login, const char *msg)
{
	page_begin(r, _(r, "Activate your account"));
	if (msg) {
		H(r, "<div class=\"errors\" role=\"alert\"><p>");
		T(r, msg);
		H(r, "</p></div>");
	}
	H(r, "<p>");
	TR(r, "Type the login and the one-time code from the slip your cell's clerk gave you, "
	      "then choose your password.");
	H(r, "</p><form method=\"post\" action=\"/activate\" class=\"login\">");
	form_csrf(r);
	form_input(r, _(r, "Login"), "login", "text", login, 1);
	form_input(r, _(r, "Activation code"), "code", "text", "", 1);
	H(r, "<div class=\"field\"><label for=\"f-password\">");
	TR(r, "New password");
	H(r, "</label><input id=\"f-password\" name=\"password\" type=\"password\" required "
	     "autocomplete=\"new-password\"></div><div class=\"field\"><label for=\"f-password2\">");
	TR(r, "The password again");
	H(r, "</label><input id=\"f-password2\" name=\"password2\" type=\"password\" required "
	     "autocomplete=\"new-password\"></div><button>");
	TR(r, "Activate");
	H(r, "</button></form>\n");
	page_end(r);
}

static void hb_activate_get(struct req *r)
{
	if (r->authed) {
		req_redirect(r, "/");
		return;
	}
	activate_form(r, form_value(r, "login"), NULL);
}

static void hb_activate_post(struct req *r)
{
	const char *login = form_value(r, "login"), *pw = form_value(r, "password");
	long idle = 30;
	struct actor ac;
	char id[SESSION_ID_CHARS], csrf[CSRF_CHARS];
	struct buf c;

	if (strcmp(pw, form_value(r, "password2"))) {
		r->status = 422;
		activate_form(r, login, _(r, "The two passwords differ; type the same one twice."));
		r->status = 422;
		return;
	}
	if (app_hb_activate(r->app, login, form_value(r, "code"), pw, r->address, &ac, &r->e)) {
		const char *msg = r->e.n ? r->e.items[0].msg : _(r, "The activation failed.");
		const char *rule = r->e.n ? r->e.items[0].rule : "";
		int st = r->e.code == ERR_DENIED ? 401 : 422;
		char keep[600];

		/* The rule's id beside the message, as the forms show it. */
		snprintf(keep, sizeof keep, "%s%s%s%s", msg, rule[0] ? " (" : "", rule,
			 rule[0] ? ")" : "");
		err_clear(&r->e);
		r->status = st;
		activate_form(r, login, keep);
		r->status = st;
		return;
	}
	ruleset_int(&r->app->rules, R_SESSION_IDLE_MINUTES, r->app->today, &idle);
	session_create(&ac, r->lang, idle, id, csrf);
	buf_init(&c, 0);
	buf_printf(&c, "sid=%s; Path=/; HttpOnly; SameSite=Strict%s", id, r->https ? "; Secure" : "");
	req_header(r, "Set-Cookie", buf_str(&c));
	buf_cleanup(&c);
	req_header(r, "Set-Cookie", "pcsrf=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	req_redirect(r, "/hb");
}

/* ---- a cell's accounts (its clerk) --------------------------------------------------------- */

static void hb_accounts_get(struct req *r)
{
	struct org o;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	page_begin(r, _(r, "Members' accounts"));
	web_crumbs(r, o.code, NULL);
	H(r, "<p>");
	TR(r, "Every member of the cell without an account gets one, with a one-time activation "
	      "code. The codes are shown once, on a sheet to print, cut and hand out; the member "
	      "sets a password at /activate.");
	H(r, "</p><form method=\"post\" action=\"/orgs/");
	U(r, o.code);
	H(r, "/accounts\">");
	form_csrf(r);
	form_checkbox(r, _(r, "Also a new code for accounts not yet activated (the old code "
			     "stops working)"), "reissue", "");
	H(r, "<button>");
	TR(r, "Make the accounts and print the codes");
	H(r, "</button></form>\n");
	page_end(r);
}

static void hb_accounts_post(struct req *r)
{
	struct hb_sheet s;
	size_t i;

	if (app_hb_accounts(r->app, &r->actor, r->pathv[0], form_value(r, "reissue")[0] != 0, &s,
			    &r->e)) {
		if (!form_fail_page(r))
			web_fail(r);
		return;
	}
	page_begin(r, _(r, "Members' accounts"));
	H(r, "<p>");
	T(r, s.org_name);
	H(r, " · ");
	TR(r, "the codes are good until");
	H(r, " ");
	D(r, s.expires);
	H(r, " · ");
	TR(r, "activate at");
	H(r, " <strong>/activate</strong></p>\n<table class=\"slips\"><thead><tr><th>");
	TR(r, "Full name");
	H(r, "</th><th>");
	TR(r, "Login");
	H(r, "</th><th>");
	TR(r, "Activation code");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < s.n; i++) {
		H(r, "<tr><td>");
		T(r, s.rows[i].full_name);
		H(r, "</td><td><code>");
		T(r, s.rows[i].login);
		H(r, "</code></td><td>");
		if (s.rows[i].made) {
			H(r, "<code class=\"code\">");
			T(r, s.rows[i].code);
			H(r, "</code>");
		} else {
			TR(r, "has an account");
		}
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n<p class=\"note\">");
	TR(r, "These codes are shown only now: print this page before leaving it.");
	H(r, "</p>\n");
	page_end(r);
	hb_sheet_cleanup(&s);
}
