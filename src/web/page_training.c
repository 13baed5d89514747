/* page_training.c - members' training records (docs/cadres.md "Training"): the section of a
 * member's page, the form adding a record, and an organisation's list of the records of the
 * members it sent, by year and kind (where the report's training table leads). Every piece
 * needs the personnel right: without it the section is not shown and the pages answer 403. */
#include <string.h>

#include "../app/app_training.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option kind_options[] = {
	{"long_term", N_("long-term")},
	{"in_service", N_("in-service")},
	{"school", N_("at a school")},
	{"short", N_("short course")},
	{NULL, NULL},
};

static const char *kind_label(struct req *r, enum training_kind k)
{
	return web_tr(r, kind_options[k].label);
}

struct rows {
	struct req *r;
	int with_member;
	long n;
};

static int row(void *ctx, const struct training *t)
{
	struct rows *x = ctx;
	struct req *r = x->r;

	if (web_page_full(r))
		return 1;
	x->n++;
	H(r, "<tr><td>");
	if (x->with_member) {
		H(r, "<a href=\"/members/");
		N(r, t->member_id);
		H(r, "\">");
		T(r, t->member_name);
		H(r, "</a></td><td>");
		web_org_link(r, t->org_code, NULL);
		H(r, "</td><td>");
	}
	T(r, t->course);
	H(r, "</td><td>");
	T(r, t->school);
	H(r, "</td><td>");
	T(r, kind_label(r, t->kind));
	H(r, "</td><td>");
	D(r, t->from);
	H(r, "</td><td>");
	if (t->to == DATE_NONE)
		TR(r, "under way");
	else
		D(r, t->to);
	H(r, "</td><td>");
	T(r, t->result);
	H(r, "</td><td>");
	T(r, t->certificate);
	H(r, "</td></tr>\n");
	return 0;
}

static void table_head(struct req *r, const char *id, int with_member)
{
	/* focusable: a wide table scrolls sideways on a phone (axe: scrollable-region-focusable) */
	H(r, "<table class=\"list\" tabindex=\"0\" id=\"");
	A(r, id);
	H(r, "\"><thead><tr><th>");
	if (with_member) {
		TR(r, "Member");
		H(r, "</th><th>");
		TR(r, "Sent by");
		H(r, "</th><th>");
	}
	TR(r, "Course");
	H(r, "</th><th>");
	TR(r, "School");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "From");
	H(r, "</th><th>");
	TR(r, "To");
	H(r, "</th><th>");
	TR(r, "Result");
	H(r, "</th><th>");
	TR(r, "Certificate");
	H(r, "</th></tr></thead><tbody>\n");
}

void web_member_training(struct req *r, const struct member *m)
{
	struct training_query q;
	struct rows x = {r, 0, 0};
	struct err tmp;

	err_init(&tmp);
	if (app_personnel_check(r->app, &r->actor, m->org_id, &tmp)) {
		err_cleanup(&tmp);
		return;
	}
	H(r, "<h2 id=\"training\">");
	TR(r, "Training");
	H(r, "</h2>\n");
	if (role_can_edit(r->actor.role)) {
		H(r, "<p class=\"actions\"><a class=\"action\" id=\"training-add\" href=\"/members/");
		N(r, m->id);
		H(r, "/training/new\">");
		TR(r, "Add a training record");
		H(r, "</a></p>\n");
	}
	memset(&q, 0, sizeof q);
	q.member_id = m->id;
	table_head(r, "member-training", 0);
	if (app_training_list(r->app, &r->actor, &q, row, &x, &tmp))
		x.n = 0;
	H(r, "</tbody></table>\n");
	if (!x.n) {
		H(r, "<p class=\"empty\">");
		TR(r, "No training recorded.");
		H(r, "</p>\n");
	}
	err_cleanup(&tmp);
}

static void add_form(struct req *r, const struct member *m)
{
	static const char *const shown[] = {"course", "school", "kind", "from", "to", "result",
					    "certificate", "note", NULL};

	page_begin(r, _(r, "Add a training record"));
	web_crumbs(r, m->org_code, m->full_name);
	H(r, "<p>");
	T(r, m->full_name);
	H(r, "</p>\n<form method=\"post\" id=\"training-form\" action=\"/members/");
	N(r, m->id);
	H(r, "/training\">");
	form_csrf(r);
	form_errors(r, shown);
	form_input(r, _(r, "Course"), "course", "text", form_value(r, "course"), 1);
	form_input(r, _(r, "School"), "school", "text", form_value(r, "school"), 1);
	form_select(r, _(r, "Kind"), "kind", kind_options, form_value(r, "kind"), 1);
	form_input(r, _(r, "From"), "from", "date", form_value(r, "from"), 1);
	form_input(r, _(r, "To (empty while under way)"), "to", "date", form_value(r, "to"), 0);
	form_input(r, _(r, "Result"), "result", "text", form_value(r, "result"), 0);
	form_input(r, _(r, "Certificate number"), "certificate", "text",
		   form_value(r, "certificate"), 0);
	form_input(r, _(r, "Note"), "note", "text", form_value(r, "note"), 0);
	form_submit_cancel(r, _(r, "Save"), m->id);
	page_end(r);
}

/* GET /members/{id}/training/new */
void web_training_new_get(struct req *r)
{
	struct member m;

	if (form_member(r, &m))
		return;
	if (app_personnel_check(r->app, &r->actor, m.org_id, &r->e) || form_read_only(r)) {
		if (r->e.code)
			web_fail(r);
		return;
	}
	add_form(r, &m);
}

/* POST /members/{id}/training */
void web_training_new_post(struct req *r)
{
	struct training_input in;
	struct member m;
	char loc[96];

	if (form_member(r, &m))
		return;
	in.course = form_value(r, "course");
	in.school = form_value(r, "school");
	in.kind = form_value(r, "kind");
	in.from = form_value(r, "from");
	in.to = form_value(r, "to");
	in.result = form_value(r, "result");
	in.certificate = form_value(r, "certificate");
	in.note = form_value(r, "note");
	if (app_training_add(r->app, &r->actor, m.id, &in, NULL, &r->e)) {
		if (!form_fail_page(r))
			add_form(r, &m);
		return;
	}
	snprintf(loc, sizeof loc, "/members/%lld#training", (long long)m.id);
	form_done_flash(r, loc, "training-added", m.id);
}

/* GET /orgs/{code}/training?year=&kind=: the records of the members the subtree sent. */
void web_org_training(struct req *r)
{
	struct training_query q;
	struct rows x = {r, 1, 0};
	struct org o;
	const char *kind = req_query(r, "kind");
	char title[ORG_NAME_MAX * 2 + 128];
	size_t i;

	memset(&q, 0, sizeof q);
	q.org_code = r->pathv[0];
	q.year = (int)req_query_long(r, "year", 0, 1900, 2199);
	q.kind = kind;
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_personnel_check(r->app, &r->actor, o.id, &r->e)) {
		web_fail(r);
		return;
	}
	if (snprintf(title, sizeof title, "%s: %s", _(r, "Training"), o.name) >= (int)sizeof title)
		title[sizeof title - 1] = 0;
	page_begin(r, title);
	web_crumbs(r, o.code, _(r, "Training"));
	H(r, "<form method=\"get\" class=\"filters\" id=\"training-filter\"><label for=\"f-year\">");
	TR(r, "Year");
	H(r, "</label> <input id=\"f-year\" name=\"year\" type=\"number\" min=\"1900\" "
	     "max=\"2199\" value=\"");
	if (q.year)
		N(r, q.year);
	H(r, "\"> <label for=\"f-kind\">");
	TR(r, "Kind");
	H(r, "</label> <select id=\"f-kind\" name=\"kind\"><option value=\"\">");
	TR(r, "every kind");
	H(r, "</option>");
	for (i = 0; kind_options[i].value; i++) {
		H(r, "<option value=\"");
		A(r, kind_options[i].value);
		H(r, "\"");
		if (kind && !strcmp(kind, kind_options[i].value))
			H(r, " selected");
		H(r, ">");
		T(r, web_tr(r, kind_options[i].label));
		H(r, "</option>");
	}
	H(r, "</select> <button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
	table_head(r, "org-training", 1);
	if (app_training_list(r->app, &r->actor, &q, row, &x, &r->e)) {
		H(r, "</tbody></table>\n");
		H(r, "<p class=\"err\">");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p>\n");
		err_clear(&r->e);
		page_end(r);
		return;
	}
	H(r, "</tbody></table>\n<p id=\"training-count\">");
	Q(r, x.n);
	H(r, " ");
	TR(r, "records");
	H(r, "</p>\n");
	page_end(r);
}
