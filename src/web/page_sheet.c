/* page_sheet.c - the cadre's sheet (lý lịch cán bộ, docs/cadres.md "The cadre's sheet and
 * assessment"): /members/ID/cadre-sheet, one A4 page to print for a personnel meeting
 * (identity, positions held, rotations, committees, plans, training, reviews beside the own
 * assessments, health), and the form adding the cadre's own assessment of a year. Both need
 * the personnel right: without it the answer is "not allowed" (403), whatever the member;
 * each opening of the sheet is audited (cadre.sheet). */
#include <stdio.h>
#include <string.h>

#include "../app/app_sheet.h"
#include "page_form.h"
#include "pages.h"

/* The own assessment's text on the page: at most this many bytes, cut at a character. */
#define SHEET_TEXT_MAX 260

static const char *kind_name(struct req *r, const char *vi, const char *en)
{
	return !strcmp(r->lang, "vi") ? vi : en;
}

/* Text s cut to max bytes at a whole UTF-8 character, with "…" when cut. */
static void text_cut(struct req *r, const char *s, size_t max)
{
	char buf[SHEET_TEXT_MAX + 8];
	size_t n = strlen(s);

	if (n <= max) {
		T(r, s);
		return;
	}
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	memcpy(buf, s, max);
	memcpy(buf + max, "…", sizeof "…");
	T(r, buf);
}

/* A pair of the identity block. */
static void ident(struct req *r, const char *label, const char *value)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	T(r, value && value[0] ? value : "—");
	H(r, "</dd>\n");
}

static void ident_date(struct req *r, const char *label, date_t d)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	if (d == DATE_NONE)
		H(r, "—");
	else
		D(r, d);
	H(r, "</dd>\n");
}

/* from – to, or "since from" while open. */
static void span(struct req *r, date_t from, date_t to)
{
	if (to == DATE_NONE) {
		TR(r, "since");
		H(r, " ");
		D(r, from);
		return;
	}
	D(r, from);
	H(r, " – ");
	D(r, to);
}

static void section(struct req *r, const char *id, const char *title)
{
	H(r, "<h2 id=\"");
	A(r, id);
	H(r, "\">");
	T(r, title);
	H(r, "</h2>\n");
}

static void none(struct req *r)
{
	H(r, "<p class=\"empty\">");
	TR(r, "None.");
	H(r, "</p>\n");
}

static void identity(struct req *r, const struct cadre_sheet *s)
{
	const struct member *m = &s->m;
	char age[64], health[64];

	H(r, "<dl class=\"sheet-id\" id=\"sheet-identity\">\n");
	ident(r, _(r, "Full name"), m->full_name);
	H(r, "<dt>");
	TR(r, "Birth date");
	H(r, "</dt><dd>");
	if (m->birth_date == DATE_NONE) {
		H(r, "—");
	} else {
		D(r, m->birth_date);
		snprintf(age, sizeof age, " (%d %s)", s->age, _(r, "years old"));
		T(r, age);
	}
	H(r, "</dd>\n");
	ident(r, _(r, "Sex"), m->sex[0] ? web_word(r, m->sex) : "");
	ident(r, _(r, "Ethnicity"), m->ethnicity);
	ident(r, _(r, "Home town"), m->hometown);
	ident(r, _(r, "Rank"), m->rank);
	ident(r, _(r, "Education"), m->education);
	ident(r, _(r, "Political theory"), m->theory_level[0] ? web_word(r, m->theory_level) : "");
	ident_date(r, _(r, "Admitted to the party"), m->admission_decision_date);
	ident_date(r, _(r, "Official member"), m->official_date);
	H(r, "<dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd>");
	web_org_link(r, m->org_code, s->org_name);
	H(r, "</dd>\n");
	health[0] = 0;
	if (s->health)
		snprintf(health, sizeof health, "%s %d (%d)", _(r, "class"), s->health,
			 s->health_year);
	ident(r, _(r, "Health"), health);
	H(r, "</dl>\n");
}

static void posts(struct req *r, const struct cadre_sheet *s)
{
	size_t i;

	section(r, "sheet-positions", _(r, "Positions held"));
	if (!s->nposts) {
		none(r);
		return;
	}
	H(r, "<table class=\"list\" id=\"sheet-positions-list\"><thead><tr><th>");
	TR(r, "Period");
	H(r, "</th><th>");
	TR(r, "Position");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Decision");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < s->nposts; i++) {
		const struct sheet_post *p = &s->posts[i];

		H(r, "<tr><td>");
		span(r, p->from, p->to);
		H(r, "</td><td>");
		T(r, kind_name(r, p->kind_vi, p->kind_en));
		if (p->acting) {
			H(r, " <span class=\"flag\">");
			TR(r, "acting");
			H(r, "</span>");
		}
		if (!strcmp(p->how, "rotate")) {
			H(r, " <span class=\"flag\">");
			TR(r, "rotation");
			H(r, "</span>");
		}
		H(r, "</td><td>");
		T(r, p->org_name);
		H(r, "</td><td>");
		T(r, p->decision);
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

static void rotations(struct req *r, const struct cadre_sheet *s)
{
	size_t i, j, n = 0;

	section(r, "sheet-rotations", _(r, "Rotations"));
	for (i = 0; i < s->nposts; i++) {
		const struct sheet_post *p = &s->posts[i], *prev = NULL;

		if (strcmp(p->how, "rotate"))
			continue;
		if (!n++)
			H(r, "<ul class=\"sheet-rot\" id=\"sheet-rotations-list\">\n");
		for (j = 0; j < s->nposts; j++)
			if (p->prev_holding_id && s->posts[j].holding_id == p->prev_holding_id)
				prev = &s->posts[j];
		H(r, "<li>");
		D(r, p->from);
		H(r, ": ");
		if (prev) {
			T(r, kind_name(r, prev->kind_vi, prev->kind_en));
			H(r, ", ");
			T(r, prev->org_name);
			H(r, " → ");
		}
		T(r, kind_name(r, p->kind_vi, p->kind_en));
		H(r, ", ");
		T(r, p->org_name);
		if (p->to_border) {
			H(r, " <span class=\"flag\" data-area=\"border\">");
			TR(r, "border area");
			H(r, "</span>");
		}
		if (p->to_difficult) {
			H(r, " <span class=\"flag\" data-area=\"difficult\">");
			TR(r, "difficult area");
			H(r, "</span>");
		}
		H(r, "</li>\n");
	}
	if (n)
		H(r, "</ul>\n");
	else
		none(r);
}

static void seats(struct req *r, const struct cadre_sheet *s)
{
	size_t i;

	section(r, "sheet-committees", _(r, "Committees"));
	if (!s->nseats) {
		none(r);
		return;
	}
	H(r, "<ul id=\"sheet-committees-list\">\n");
	for (i = 0; i < s->nseats; i++) {
		const struct sheet_seat *c = &s->seats[i];

		H(r, "<li>");
		span(r, c->from, c->to);
		H(r, ": ");
		/* "member" alone is a party member in the catalogue: here a committee member. */
		T(r, !strcmp(c->role, "member") ? _(r, "member of the committee")
						 : web_tr(r, c->role));
		H(r, ", ");
		T(r, c->org_name);
		H(r, " (");
		TR(r, "term");
		H(r, " ");
		span(r, c->term_start, c->term_end);
		H(r, ")</li>\n");
	}
	H(r, "</ul>\n");
}

static void plans(struct req *r, const struct cadre_sheet *s)
{
	size_t i;
	char buf[96];

	section(r, "sheet-plans", _(r, "Planned for"));
	if (!s->nplans) {
		none(r);
		return;
	}
	H(r, "<ul id=\"sheet-plans-list\">\n");
	for (i = 0; i < s->nplans; i++) {
		const struct sheet_plan *p = &s->plans[i];

		H(r, "<li>");
		T(r, p->period);
		H(r, ": ");
		T(r, kind_name(r, p->kind_vi, p->kind_en));
		H(r, ", ");
		T(r, p->org_name);
		snprintf(buf, sizeof buf, " (%s %d, %s %d)", _(r, "rank"), p->rank,
			 _(r, "since version"), p->from_version);
		T(r, buf);
		H(r, "</li>\n");
	}
	H(r, "</ul>\n");
}

static void training(struct req *r, const struct cadre_sheet *s)
{
	size_t i;

	section(r, "sheet-training", _(r, "Training"));
	if (!s->ntraining) {
		none(r);
		return;
	}
	H(r, "<ul id=\"sheet-training-list\">\n");
	for (i = 0; i < s->ntraining; i++) {
		const struct training *t = &s->training[i];

		H(r, "<li>");
		D(r, t->from);
		H(r, " – ");
		if (t->to == DATE_NONE)
			TR(r, "under way");
		else
			D(r, t->to);
		H(r, ": ");
		T(r, t->course);
		H(r, ", ");
		T(r, t->school);
		if (t->result[0]) {
			H(r, " (");
			T(r, t->result);
			H(r, ")");
		}
		H(r, "</li>\n");
	}
	H(r, "</ul>\n");
}

static void years(struct req *r, const struct cadre_sheet *s)
{
	int i;

	section(r, "sheet-years", _(r, "Reviews and own assessments"));
	H(r, "<table class=\"list\" id=\"sheet-years-list\"><thead><tr><th>");
	TR(r, "Year");
	H(r, "</th><th>");
	TR(r, "Review");
	H(r, "</th><th>");
	TR(r, "Own assessment");
	H(r, "</th><th>");
	TR(r, "Health");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < SHEET_YEARS; i++) {
		const struct sheet_year *y = &s->years[i];

		H(r, "<tr><td>");
		N(r, y->year);
		H(r, "</td><td>");
		if (y->grade[0]) {
			T(r, web_code_value(r, "grade", y->grade));
			if (strcmp(y->step, "decision")) {
				H(r, " (");
				TR(r, "not decided");
				H(r, ")");
			}
		} else {
			H(r, "—");
		}
		H(r, "</td><td>");
		if (y->assessment)
			text_cut(r, y->assessment->self_text, SHEET_TEXT_MAX);
		else
			H(r, "—");
		H(r, "</td><td>");
		if (y->assessment && y->assessment->health)
			N(r, y->assessment->health);
		else
			H(r, "—");
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

/* GET /members/{id}/cadre-sheet?as_of= */
void web_cadre_sheet(struct req *r)
{
	struct cadre_sheet s;
	int64_t id = form_path_id(r);
	date_t as_of = DATE_NONE;
	const char *v, *why;
	char title[VNAME_MAX + 64];

	if (app_personnel_check(r->app, &r->actor, 0, &r->e)) {
		web_fail(r);
		return;
	}
	v = req_query(r, "as_of");
	if (v && v[0] && date_parse(v, &as_of, &why)) {
		err_add(&r->e, ERR_USAGE, 0, "as_of", v, NULL, "as_of %s %s", v, err_tr(why));
		web_fail(r);
		return;
	}
	if (!id) {
		err_set(&r->e, ERR_NOTFOUND, "no such member");
		web_fail(r);
		return;
	}
	if (app_cadre_sheet(r->app, &r->actor, id, as_of, &s, &r->e)) {
		app_cadre_sheet_cleanup(&s);
		web_fail(r);
		return;
	}
	snprintf(title, sizeof title, "%s: %s", _(r, "Cadre's sheet"), s.m.full_name);
	page_begin(r, title);
	web_crumbs(r, s.m.org_code, _(r, "Cadre's sheet"));
	H(r, "<p class=\"print-only\" id=\"printed\">");
	TR(r, "Cadre's sheet");
	H(r, " · ");
	T(r, s.org_name);
	H(r, " · ");
	TR(r, "as of");
	H(r, " ");
	D(r, s.as_of);
	H(r, " · ");
	TR(r, "printed by");
	H(r, " ");
	T(r, r->actor.name);
	H(r, "</p>\n<p class=\"actions\"><a href=\"/members/");
	N(r, s.m.id);
	H(r, "\">");
	TR(r, "Party member record");
	H(r, "</a>");
	if (role_can_edit(r->actor.role)) {
		H(r, " · <a class=\"action\" id=\"assessment-add\" href=\"/members/");
		N(r, s.m.id);
		H(r, "/assessments/new\">");
		TR(r, "Add an own assessment");
		H(r, "</a>");
	}
	H(r, "</p>\n<div class=\"cadre-sheet\" id=\"cadre-sheet\">\n");
	identity(r, &s);
	H(r, "<div class=\"sheet-cols\"><div>\n");
	posts(r, &s);
	rotations(r, &s);
	seats(r, &s);
	H(r, "</div><div>\n");
	plans(r, &s);
	training(r, &s);
	H(r, "</div></div>\n");
	years(r, &s);
	H(r, "</div>\n");
	page_end(r);
	app_cadre_sheet_cleanup(&s);
}

static void add_form(struct req *r, const struct member *m)
{
	static const char *const shown[] = {"year", "self_text", "strengths", "weaknesses",
					    "health", "position", NULL};
	static const struct form_option health_options[] = {
		{"", N_("not given")}, {"1", "1"}, {"2", "2"}, {"3", "3"},
		{"4", "4"},            {"5", "5"}, {"6", "6"}, {NULL, NULL},
	};
	const char *fields[] = {"self_text", "strengths", "weaknesses"};
	const char *labels[] = {_(r, "Own assessment in post"), _(r, "Strengths"),
				_(r, "Weaknesses")};
	size_t i;

	page_begin(r, _(r, "Add an own assessment"));
	web_crumbs(r, m->org_code, m->full_name);
	H(r, "<p>");
	T(r, m->full_name);
	H(r, "</p>\n<form method=\"post\" id=\"assessment-form\" action=\"/members/");
	N(r, m->id);
	H(r, "/assessments\">");
	form_csrf(r);
	form_errors(r, shown);
	form_input(r, _(r, "Year"), "year", "number", form_value(r, "year"), 1);
	for (i = 0; i < 3; i++) {
		const struct err_item *it = field_err(r, fields[i]);

		field_open(r, labels[i], fields[i], it);
		H(r, "<textarea id=\"f-");
		A(r, fields[i]);
		H(r, "\" name=\"");
		A(r, fields[i]);
		H(r, "\" rows=\"");
		N(r, i ? 3 : 6);
		H(r, "\" cols=\"60\"");
		if (!i)
			H(r, " required");
		field_aria(r, fields[i], it);
		H(r, ">");
		T(r, form_value(r, fields[i]));
		H(r, "</textarea>");
		field_close(r, fields[i], it);
	}
	form_select(r, _(r, "Health class"), "health", health_options, form_value(r, "health"), 0);
	form_input(r, _(r, "Position held (id; empty: the one held at the year's end)"), "position",
		   "number", form_value(r, "position"), 0);
	form_submit_cancel(r, _(r, "Save"), m->id);
	page_end(r);
}

/* GET /members/{id}/assessments/new */
void web_assessment_new_get(struct req *r)
{
	struct member m;

	if (app_personnel_check(r->app, &r->actor, 0, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_member(r, &m))
		return;
	if (app_personnel_check(r->app, &r->actor, m.org_id, &r->e) || form_read_only(r)) {
		if (r->e.code)
			web_fail(r);
		return;
	}
	add_form(r, &m);
}

/* POST /members/{id}/assessments */
void web_assessment_new_post(struct req *r)
{
	struct assessment_input in;
	struct member m;
	char loc[96];

	if (app_personnel_check(r->app, &r->actor, 0, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_member(r, &m))
		return;
	memset(&in, 0, sizeof in);
	in.year = form_value(r, "year");
	in.self_text = form_value(r, "self_text");
	in.strengths = form_value(r, "strengths");
	in.weaknesses = form_value(r, "weaknesses");
	in.health = form_value(r, "health");
	in.position = form_value(r, "position");
	if (app_assessment_add(r->app, &r->actor, m.id, &in, NULL, &r->e)) {
		if (!form_fail_page(r))
			add_form(r, &m);
		return;
	}
	snprintf(loc, sizeof loc, "/members/%lld/cadre-sheet", (long long)m.id);
	form_done(r, loc);
}

void web_member_sheet_link(struct req *r, const struct member *m)
{
	struct err tmp;

	err_init(&tmp);
	if (app_personnel_check(r->app, &r->actor, m->org_id, &tmp) == ERR_OK) {
		H(r, "<p class=\"actions\"><a id=\"cadre-sheet-link\" href=\"/members/");
		N(r, m->id);
		H(r, "/cadre-sheet\">");
		TR(r, "Cadre's sheet");
		H(r, "</a></p>\n");
	}
	err_cleanup(&tmp);
}

static int due_row(void *ctx, const struct key_holder *k)
{
	struct req *r = ctx;

	if (web_page_full(r))
		return 1;
	H(r, "<tr><td><a href=\"/members/");
	N(r, k->member_id);
	H(r, "/cadre-sheet\">");
	T(r, k->full_name);
	H(r, "</a></td><td>");
	T(r, kind_name(r, k->kind_vi, k->kind_en));
	H(r, "</td><td>");
	web_org_link(r, k->org_code, k->org_name);
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /orgs/{code}/assessments-due?year=: the key cadres of the subtree without their own
 * assessment of the year (last year by default): the worklist's item leads here. */
void web_org_assessments_due(struct req *r)
{
	struct org o;
	char title[ORG_NAME_MAX * 2 + 128];
	int year = (int)req_query_long(r, "year", 0, 1945, 2199);

	if (app_personnel_check(r->app, &r->actor, 0, &r->e) ||
	    app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	if (snprintf(title, sizeof title, "%s: %s", _(r, "Key cadres without their own assessment"),
		     o.name) >= (int)sizeof title)
		title[sizeof title - 1] = 0;
	page_begin(r, title);
	web_crumbs(r, o.code, _(r, "Key cadres without their own assessment"));
	H(r, "<table class=\"list\" id=\"assessments-due\"><thead><tr><th>");
	TR(r, "Member");
	H(r, "</th><th>");
	TR(r, "Position");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_assessments_due(r->app, &r->actor, o.code, year, due_row, r, &year, &r->e)) {
		H(r, "</tbody></table>\n<p class=\"err\">");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p>\n");
		err_clear(&r->e);
		page_end(r);
		return;
	}
	H(r, "</tbody></table>\n<p id=\"assessments-due-year\">");
	TR(r, "Year");
	H(r, " ");
	N(r, year);
	H(r, "</p>\n");
	page_end(r);
}
