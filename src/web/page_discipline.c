/* page_discipline.c - GET /discipline?org=&year=&form=&state=&member=: the discipline register
 * of the user's subtree (the inspection right: docs/inspection.md "Discipline"), newest first,
 * a page at a time, and the form recording one (POST /discipline, app_discipline_add): a
 * member or an organisation's leadership, the form (R-DISCIPLINE-FORMS), the deciding body and
 * whether its inspection committee decided (R-DISCIPLINE-AUTHORITY), the decision's date and
 * number, the act's date (R-DISCIPLINE-LIMITATION), the case, the notice, the effective date,
 * where a dissolved organisation's members go, and the reason. GET /discipline/{id}: one
 * record, whole. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "page_form.h"
#include "pages.h"

static const struct form_option form_opts[] = {
	{"", ""},
	{"reprimand", N_("Reprimand")},
	{"warning", N_("Warning")},
	{"removal", N_("Removal from post")},
	{"expulsion", N_("Expulsion")},
	{"dissolution", N_("Dissolution")},
	{NULL, NULL},
};

static const struct form_option state_opts[] = {
	{"", N_("All states")},
	{"in_force", N_("In force")},
	{"annulled", N_("Annulled")},
	{"changed", N_("Changed")},
	{NULL, NULL},
};

static const char *const shown[] = {"member_id", "org_code", "form", "date", "act_date", "body",
				    "inspection", "decision_no", "case_id", "notified_on",
				    "effective_on", "members_to", "reason", NULL};

/* The state's words. */
static const char *state_label(struct req *r, const char *state)
{
	size_t i;

	for (i = 1; state_opts[i].value; i++)
		if (!strcmp(state_opts[i].value, state))
			return web_tr(r, state_opts[i].label);
	return state;
}

/* The deciding body: the organisation (linked when in sight) and which of its bodies. */
static void body_cell(struct req *r, const struct discipline_rec *d)
{
	struct org b;
	struct err tmp;

	err_init(&tmp);
	if (d->body[0] && !app_org_get(r->app, &r->actor, d->body, &b, &tmp))
		web_org_link(r, b.code, b.name);
	else
		T(r, d->body);
	err_cleanup(&tmp);
	H(r, " <span class=\"note\">(");
	if (d->inspection)
		TR(r, "inspection committee");
	else
		TR(r, "party committee");
	H(r, ")</span>");
}

struct list_ctx {
	struct req *r;
	long skip, n;
	int more;
};

static int list_row(void *ctx, const struct discipline_rec *d)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;

	if (c->skip > 0) {
		c->skip--;
		return 0;
	}
	if (c->n >= WEB_PAGE_ROWS || web_page_full(r)) {
		c->more = 1;
		return 1;
	}
	c->n++;
	H(r, "<tr id=\"discipline-");
	N(r, d->id);
	H(r, "\"><td><a href=\"/discipline/");
	N(r, d->id);
	H(r, "\">");
	D(r, d->date);
	H(r, "</a>");
	H(r, "</td><td>");
	if (d->member_id) {
		web_member_link(r, d->member_id, d->member_name);
	} else {
		TR(r, "the leadership of the organisation");
	}
	H(r, "</td><td>");
	web_org_link(r, d->org_code, d->org_name);
	H(r, "</td><td>");
	T(r, web_discipline_label(r, d->form));
	H(r, "</td><td>");
	/* The deciding body may lie above the user's subtree: named only when in sight. */
	body_cell(r, d);
	H(r, "</td><td>");
	T(r, d->decision_no);
	H(r, "</td><td>");
	if (d->act_date)
		D(r, d->act_date);
	H(r, "</td><td>");
	T(r, state_label(r, d->state));
	H(r, "</td><td>");
	T(r, d->reason);
	H(r, "</td><td>");
	T(r, d->by);
	H(r, "</td></tr>\n");
	return 0;
}

/* The page: the filter, the list, and the form for a role that may change records. post:
 * the form shows the values sent. */
/* The filter's select of forms or states: value sel. */
static void filter_select(struct req *r, const char *name, const struct form_option *opts,
			  const char *first, const char *sel)
{
	size_t i;

	H(r, "<select id=\"");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\">");
	for (i = 0; opts[i].value; i++) {
		H(r, "<option value=\"");
		A(r, opts[i].value);
		H(r, "\"");
		if (!strcmp(opts[i].value, sel))
			H(r, " selected");
		H(r, ">");
		T(r, i == 0 ? first : web_tr(r, opts[i].label));
		H(r, "</option>");
	}
	H(r, "</select>");
}

/* The page: the filter, the register, and the form for a role that may change records. post:
 * the form shows the values sent. The register was checked readable (list_args). */
static void discipline_page(struct req *r, const struct discipline_filter *f, long offset,
			    int post)
{
	struct list_ctx c = {r, offset, 0, 0};
	struct buf prefix;
	struct err tmp;
	const char *member = req_query(r, "member");
	const char *org = f->org_code;
	int year = f->year;

	page_begin(r, _(r, "Discipline"));
	H(r, "<form class=\"inline\" method=\"get\" id=\"discipline-filter\" action=\"/discipline\">"
	     "<label for=\"org\">");
	TR(r, "Within organisation (code)");
	H(r, "</label><input id=\"org\" name=\"org\" value=\"");
	A(r, org);
	H(r, "\"><label for=\"year\">");
	TR(r, "Year");
	H(r, "</label><select id=\"year\" name=\"year\"><option value=\"\"");
	if (!year)
		H(r, " selected");
	H(r, ">");
	TR(r, "All years");
	H(r, "</option>");
	web_year_options(r, year);
	H(r, "</select><label for=\"form\">");
	TR(r, "Form of discipline");
	H(r, "</label>");
	filter_select(r, "form", form_opts, _(r, "All forms"),
		      f->form >= 0 ? discipline_form_name((enum discipline_form)f->form) : "");
	H(r, "<label for=\"state\">");
	TR(r, "State");
	H(r, "</label>");
	filter_select(r, "state", state_opts, _(r, "All states"), f->state ? f->state : "");
	H(r, "<button>");
	TR(r, "Show");
	H(r, "</button></form>\n<table class=\"discipline\" id=\"discipline\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Disciplined");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Form of discipline");
	H(r, "</th><th>");
	TR(r, "Deciding body");
	H(r, "</th><th>");
	TR(r, "Decision number");
	H(r, "</th><th>");
	TR(r, "Date of the act");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Reason");
	H(r, "</th><th>");
	TR(r, "Recorded by");
	H(r, "</th></tr></thead><tbody>\n");
	err_init(&tmp);
	if (app_discipline_list(r->app, &r->actor, f, list_row, &c, &tmp)) {
		/* Checked before the page began (web_discipline); a failure now is the
		 * database's. */
		err_merge(&r->e, &tmp);
		err_cleanup(&tmp);
		web_fail(r);
		return;
	}
	err_cleanup(&tmp);
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-discipline\">");
		TR(r, "No discipline recorded.");
		H(r, "</p>\n");
	}
	buf_init(&prefix, 0);
	buf_adds(&prefix, "/discipline?");
	if (org[0]) {
		buf_adds(&prefix, "org=");
		web_url_arg(&prefix, org);
		buf_addc(&prefix, '&');
	}
	if (year)
		buf_printf(&prefix, "year=%d&", year);
	if (f->form >= 0)
		buf_printf(&prefix, "form=%s&", discipline_form_name((enum discipline_form)f->form));
	if (f->state && f->state[0]) {
		buf_adds(&prefix, "state=");
		web_url_arg(&prefix, f->state);
		buf_addc(&prefix, '&');
	}
	web_pager(r, buf_str(&prefix), offset, c.n, c.more);
	buf_cleanup(&prefix);
	err_init(&tmp);
	if (!app_can_edit(&r->actor, &tmp)) {
		H(r, "<h2>");
		TR(r, "Record a discipline decision");
		H(r, "</h2>\n<p class=\"note\">");
		TR(r, "A member disciplined during a year is graded at best as the rule says; a "
		      "grade already decided is flagged for revision.");
		H(r, " <code>");
		T(r, R_REVIEW_DISCIPLINED_MEMBER);
		H(r, "</code> <code>");
		T(r, R_DISCIPLINE_FORMS);
		H(r, "</code> <code>");
		T(r, R_DISCIPLINE_AUTHORITY);
		H(r, "</code> <code>");
		T(r, R_DISCIPLINE_LIMITATION);
		H(r, "</code></p>\n");
		form_errors(r, shown);
		H(r, "<form method=\"post\" class=\"record\" id=\"discipline-form\" "
		     "action=\"/discipline\">");
		form_csrf(r);
		form_input(r, _(r, "Member number"), "member_id", "number",
			   post ? form_value(r, "member_id") : member ? member : "", 0);
		form_input(r, _(r, "or an organisation, for its leadership (code)"), "org_code",
			   "text", post ? form_value(r, "org_code") : "", 0);
		form_select(r, _(r, "Form of discipline"), "form", form_opts,
			    post ? form_value(r, "form") : "", 1);
		form_input(r, _(r, "Deciding body (organisation code)"), "body", "text",
			   post ? form_value(r, "body") : "", 1);
		form_checkbox(r, _(r, "Decided by its inspection committee"), "inspection",
			      post ? form_value(r, "inspection") : "");
		form_input(r, _(r, "Date of the decision (empty: today)"), "date", "date",
			   post ? form_value(r, "date") : "", 0);
		form_input(r, _(r, "Decision number (12-QĐ/UBKT)"), "decision_no", "text",
			   post ? form_value(r, "decision_no") : "", 0);
		form_input(r, _(r, "Date of the act"), "act_date", "date",
			   post ? form_value(r, "act_date") : "", 1);
		form_input(r, _(r, "Inspection case number (optional)"), "case_id", "number",
			   post ? form_value(r, "case_id") : "", 0);
		form_input(r, _(r, "Notified on (optional)"), "notified_on", "date",
			   post ? form_value(r, "notified_on") : "", 0);
		form_input(r, _(r, "Takes effect on (empty: the decision's date)"), "effective_on",
			   "date", post ? form_value(r, "effective_on") : "", 0);
		form_input(r, _(r, "Dissolution: the organisation its members go to (code)"),
			   "members_to", "text", post ? form_value(r, "members_to") : "", 0);
		form_input(r, _(r, "Reason"), "reason", "text", post ? form_value(r, "reason") : "",
			   1);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Record the discipline");
		H(r, "</button></form>\n");
	}
	err_cleanup(&tmp);
	page_end(r);
}

/* The register's filter from the query, checked readable (the organisation in sight, the
 * inspection right): 0, or -1 after answering 400, 403 or 404. */
static int list_args(struct req *r, struct discipline_filter *f, long *offset)
{
	const char *y = req_query(r, "year"), *form = req_query(r, "form");
	struct org o;
	struct err tmp;
	int64_t org_id = 0;

	memset(f, 0, sizeof *f);
	f->org_code = req_query(r, "org") ? req_query(r, "org") : "";
	f->year = y && y[0] ? web_query_year(r) : 0;
	f->form = form && form[0] ? discipline_form_parse(form) : -1;
	f->state = req_query(r, "state");
	*offset = req_query_long(r, "offset", 0, 0, 100000000);
	if (form && form[0] && f->form < 0)
		err_add(&r->e, ERR_INPUT, 0, "form", form, NULL, "%s",
			_(r, "Choose the form of discipline."));
	if (f->year < 0 || *offset < 0 || r->e.code ||
	    (f->org_code[0] && app_org_get(r->app, &r->actor, f->org_code, &o, &r->e))) {
		web_fail(r);
		return -1;
	}
	if (f->org_code[0])
		org_id = o.id;
	err_init(&tmp);
	if (app_inspection_check(r->app, &r->actor, org_id, &tmp)) {
		err_merge(&r->e, &tmp);
		err_cleanup(&tmp);
		web_fail(r);
		return -1;
	}
	err_cleanup(&tmp);
	return 0;
}

/* GET /discipline?org=&year=&form=&state=&member=&offset= */
void web_discipline(struct req *r)
{
	struct discipline_filter f;
	long offset;

	if (list_args(r, &f, &offset))
		return;
	discipline_page(r, &f, offset, 0);
}

/* A row of the record page. */
static void rec_row(struct req *r, const char *id, const char *label)
{
	H(r, "<tr id=\"");
	A(r, id);
	H(r, "\"><th>");
	T(r, label);
	H(r, "</th><td>");
}

/* GET /discipline/{id}: one record, whole (the inspection right). */
void web_discipline_record(struct req *r)
{
	struct discipline_rec d;
	int64_t id = form_path_id(r);
	char title[64];

	if (!id)
		err_add(&r->e, ERR_NOTFOUND, 0, "id", NULL, NULL, "no such discipline record");
	if (r->e.code || app_discipline_get(r->app, &r->actor, id, &d, &r->e)) {
		web_fail(r);
		return;
	}
	snprintf(title, sizeof title, "%s %lld", _(r, "Discipline"), (long long)id);
	page_begin(r, title);
	H(r, "<table class=\"record\" id=\"discipline-record\">");
	rec_row(r, "r-who", _(r, "Disciplined"));
	if (d.member_id)
		web_member_link(r, d.member_id, d.member_name);
	else
		TR(r, "the leadership of the organisation");
	H(r, "</td></tr>");
	rec_row(r, "r-org", _(r, "Organisation"));
	web_org_link(r, d.org_code, d.org_name);
	H(r, "</td></tr>");
	rec_row(r, "r-form", _(r, "Form of discipline"));
	T(r, web_discipline_label(r, d.form));
	H(r, "</td></tr>");
	rec_row(r, "r-body", _(r, "Deciding body"));
	body_cell(r, &d);
	H(r, "</td></tr>");
	rec_row(r, "r-date", _(r, "Date of the decision"));
	D(r, d.date);
	H(r, "</td></tr>");
	rec_row(r, "r-decision", _(r, "Decision number"));
	T(r, d.decision_no);
	H(r, "</td></tr>");
	rec_row(r, "r-act", _(r, "Date of the act"));
	if (d.act_date)
		D(r, d.act_date);
	H(r, "</td></tr>");
	rec_row(r, "r-effective", _(r, "Takes effect on"));
	if (d.effective_on)
		D(r, d.effective_on);
	H(r, "</td></tr>");
	rec_row(r, "r-notified", _(r, "Notified on"));
	if (d.notified_on)
		D(r, d.notified_on);
	if (d.notice_no[0]) {
		H(r, " (");
		T(r, d.notice_no);
		H(r, ")");
	}
	H(r, "</td></tr>");
	rec_row(r, "r-state", _(r, "State"));
	T(r, state_label(r, d.state));
	if (d.ended_on) {
		H(r, " ");
		D(r, d.ended_on);
	}
	H(r, "</td></tr>");
	if (d.case_id) {
		rec_row(r, "r-case", _(r, "Inspection case"));
		N(r, d.case_id);
		H(r, "</td></tr>");
	}
	if (d.replaces_id) {
		rec_row(r, "r-replaces", _(r, "Replaces the decision"));
		H(r, "<a href=\"/discipline/");
		N(r, d.replaces_id);
		H(r, "\">");
		N(r, d.replaces_id);
		H(r, "</a></td></tr>");
	}
	rec_row(r, "r-reason", _(r, "Reason"));
	T(r, d.reason);
	H(r, "</td></tr>");
	rec_row(r, "r-by", _(r, "Recorded by"));
	T(r, d.by);
	H(r, "</td></tr></table>\n");
	page_end(r);
}

/* A whole number field of the form into *out (0 when empty); a problem when not one. */
static void form_id(struct req *r, const char *name, int64_t *out)
{
	const char *v = form_value(r, name);
	char *end;
	long long n;

	*out = 0;
	if (!v[0])
		return;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || *end || n <= 0 || v[0] < '0' || v[0] > '9')
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s",
			_(r, "A number here is a whole number."));
	else
		*out = (int64_t)n;
}

static date_t form_opt_date(struct req *r, const char *name)
{
	date_t d = form_date(r, name);

	return d == DATE_NONE ? 0 : d;
}

/* POST /discipline: member_id or org_code, form, body, inspection, date, decision_no,
 * act_date, case_id, notified_on, effective_on, members_to, reason. */
void web_discipline_post(struct req *r)
{
	struct discipline_in d;
	struct discipline_filter flt = {"", 0, -1, NULL};
	const char *mid = form_value(r, "member_id"), *oc = form_value(r, "org_code");
	const char *fv = form_value(r, "form");
	int f;
	int64_t id = 0;
	size_t i;
	struct buf loc;

	memset(&d, 0, sizeof d);
	if (mid[0] && oc[0])
		err_add(&r->e, ERR_INPUT, 0, "org_code", oc, NULL, "%s",
			_(r, "Give a member or an organisation, not both."));
	else if (!mid[0] && !oc[0])
		err_add(&r->e, ERR_INPUT, 0, "member_id", NULL, NULL, "%s",
			_(r, "Give the member's number, or the code of the organisation whose "
			     "leadership is disciplined."));
	if (mid[0]) {
		char *end;
		long long v;

		errno = 0;
		v = strtoll(mid, &end, 10);
		if (errno || *end || v <= 0 || mid[0] < '0' || mid[0] > '9')
			err_add(&r->e, ERR_INPUT, 0, "member_id", mid, NULL, "%s",
				_(r, "A member number is a whole number."));
		else
			d.member_id = (int64_t)v;
	}
	snprintf(d.org_code, sizeof d.org_code, "%s", oc);
	if ((f = discipline_form_parse(fv)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "form", fv, NULL, "%s",
			_(r, "Choose the form of discipline."));
	d.form = f < 0 ? DF__COUNT : (enum discipline_form)f;
	d.date = form_date(r, "date");
	d.act_date = form_opt_date(r, "act_date");
	d.notified_on = form_opt_date(r, "notified_on");
	d.effective_on = form_opt_date(r, "effective_on");
	form_id(r, "case_id", &d.case_id);
	d.inspection = form_value(r, "inspection")[0] != '\0';
	snprintf(d.body, sizeof d.body, "%s", form_value(r, "body"));
	form_text(r, "decision_no", d.decision_no, sizeof d.decision_no);
	d.members_to = form_value(r, "members_to");
	form_text(r, "reason", d.reason, sizeof d.reason);
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code || app_discipline_add(r->app, &r->actor, &d, &id, &r->e)) {
		/* A member or organisation not found is a mistake in its field, not a missing
		 * page: the form itself is there. */
		if (r->e.code == ERR_NOTFOUND) {
			r->e.code = ERR_INPUT;
			for (i = 0; i < r->e.n; i++) {
				char *fld = r->e.items[i].field;

				if (!fld[0] || !strcmp(fld, "id") || !strcmp(fld, "org"))
					snprintf(fld, sizeof r->e.items[i].field, "%s",
						 d.member_id ? "member_id" : "org_code");
			}
		}
		if (!form_fail_page(r))
			discipline_page(r, &flt, 0, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/discipline/%lld", (long long)id);
	form_done_flash(r, buf_str(&loc), "discipline-added", d.member_id);
	buf_cleanup(&loc);
}

struct member_disc_ctx {
	struct req *r;
	long n;
};

static int member_disc_row(void *ctx, const struct discipline_rec *d)
{
	struct member_disc_ctx *c = ctx;
	struct req *r = c->r;

	if (!c->n++) {
		H(r, "<table class=\"discipline\" id=\"member-discipline\"><thead><tr><th>");
		TR(r, "Date");
		H(r, "</th><th>");
		TR(r, "Form of discipline");
		H(r, "</th><th>");
		TR(r, "Deciding body");
		if (d->full) {
			H(r, "</th><th>");
			TR(r, "Decision number");
			H(r, "</th><th>");
			TR(r, "State");
			H(r, "</th><th>");
			TR(r, "Reason");
		}
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr id=\"md-");
	N(r, d->id);
	H(r, "\"><td>");
	if (d->full) {
		H(r, "<a href=\"/discipline/");
		N(r, d->id);
		H(r, "\">");
		D(r, d->date);
		H(r, "</a>");
	} else {
		D(r, d->date);
	}
	H(r, "</td><td>");
	T(r, web_discipline_label(r, d->form));
	H(r, "</td><td>");
	body_cell(r, d);
	if (d->full) {
		H(r, "</td><td>");
		T(r, d->decision_no);
		H(r, "</td><td>");
		T(r, state_label(r, d->state));
		H(r, "</td><td>");
		T(r, d->reason);
	}
	H(r, "</td></tr>\n");
	return 0;
}

void web_member_discipline(struct req *r, const struct member *m)
{
	struct member_disc_ctx c = {r, 0};
	struct err tmp;

	H(r, "<h2 id=\"discipline-heading\">");
	TR(r, "Discipline");
	H(r, "</h2>\n");
	err_init(&tmp);
	app_member_discipline(r->app, &r->actor, m->id, member_disc_row, &c, &tmp);
	err_cleanup(&tmp);
	if (c.n)
		H(r, "</tbody></table>\n");
	else {
		H(r, "<p id=\"no-member-discipline\">");
		TR(r, "No discipline in force.");
		H(r, "</p>\n");
	}
}
