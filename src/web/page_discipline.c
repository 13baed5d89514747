/* page_discipline.c - GET /discipline?org=&year=&member=: the discipline decisions of the
 * user's subtree, newest first, a page at a time, and the form recording one (POST
 * /discipline, app_discipline_add): a member or an organisation's leadership, the form of
 * discipline (R-DISCIPLINE-FORMS), the date, the deciding body and the reason. A member
 * disciplined during a year is graded at best as R-REVIEW-DISCIPLINED-MEMBER says. */
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

static const char *const shown[] = {"member_id", "org_code", "form", "date", "body", "reason",
				    NULL};

struct list_ctx {
	struct req *r;
	long skip, n;
	int more;
};

static int list_row(void *ctx, const struct discipline_rec *d)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;
	struct org b;
	struct err tmp;

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
	H(r, "\"><td>");
	D(r, d->date);
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
	err_init(&tmp);
	if (d->body[0] && !app_org_get(r->app, &r->actor, d->body, &b, &tmp))
		web_org_link(r, b.code, b.name);
	err_cleanup(&tmp);
	H(r, "</td><td>");
	T(r, d->reason);
	H(r, "</td><td>");
	T(r, d->by);
	H(r, "</td></tr>\n");
	return 0;
}

/* The page: the filter, the list, and the form for a role that may change records. post:
 * the form shows the values sent. */
static void discipline_page(struct req *r, const char *org, int year, long offset, int post)
{
	struct list_ctx c = {r, offset, 0, 0};
	struct buf prefix;
	struct err tmp;
	const char *member = req_query(r, "member");

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
	H(r, "</select><button>");
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
	TR(r, "Reason");
	H(r, "</th><th>");
	TR(r, "Recorded by");
	H(r, "</th></tr></thead><tbody>\n");
	err_init(&tmp);
	if (app_discipline_list(r->app, &r->actor, org, year, list_row, &c, &tmp)) {
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
	web_pager(r, buf_str(&prefix), offset, c.n, c.more);
	buf_cleanup(&prefix);
	err_init(&tmp);
	if (!app_can_edit(&r->actor, &tmp)) {
		H(r, "<h2>");
		TR(r, "Record a discipline decision");
		H(r, "</h2>\n<p class=\"note\">");
		TR(r, "A member disciplined during a year is graded at best as the rule says.");
		H(r, " <code>");
		T(r, R_REVIEW_DISCIPLINED_MEMBER);
		H(r, "</code> <code>");
		T(r, R_DISCIPLINE_FORMS);
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
		form_input(r, _(r, "Date of the decision (empty: today)"), "date", "date",
			   post ? form_value(r, "date") : "", 0);
		form_input(r, _(r, "Deciding body (organisation code)"), "body", "text",
			   post ? form_value(r, "body") : "", 1);
		form_input(r, _(r, "Reason"), "reason", "text", post ? form_value(r, "reason") : "",
			   1);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Record the discipline");
		H(r, "</button></form>\n");
	}
	err_cleanup(&tmp);
	page_end(r);
}

/* The list's filter from the query: 0, or -1 after answering 400 or 404. */
static int list_args(struct req *r, const char **org, int *year, long *offset)
{
	const char *y = req_query(r, "year");
	struct org o;

	*org = req_query(r, "org") ? req_query(r, "org") : "";
	*year = y && y[0] ? web_query_year(r) : 0;
	*offset = req_query_long(r, "offset", 0, 0, 100000000);
	if (*year < 0 || *offset < 0 || ((*org)[0] && app_org_get(r->app, &r->actor, *org, &o, &r->e))) {
		web_fail(r);
		return -1;
	}
	return 0;
}

/* GET /discipline?org=&year=&member=&offset= */
void web_discipline(struct req *r)
{
	const char *org;
	int year;
	long offset;

	if (list_args(r, &org, &year, &offset))
		return;
	discipline_page(r, org, year, offset, 0);
}

/* POST /discipline: member_id or org_code, form, date, body, reason. */
void web_discipline_post(struct req *r)
{
	struct discipline_in d;
	const char *mid = form_value(r, "member_id"), *oc = form_value(r, "org_code");
	const char *fv = form_value(r, "form");
	int f, y, m, dd;
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
	snprintf(d.body, sizeof d.body, "%s", form_value(r, "body"));
	form_text(r, "reason", d.reason, sizeof d.reason);
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code || app_discipline_add(r->app, &r->actor, &d, NULL, &r->e)) {
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
			discipline_page(r, "", 0, 0, 1);
		return;
	}
	date_to_ymd(d.date != DATE_NONE ? d.date : r->app->today, &y, &m, &dd);
	buf_init(&loc, 0);
	buf_printf(&loc, "/discipline?year=%d", y);
	form_done_flash(r, buf_str(&loc), "discipline-added", d.member_id);
	buf_cleanup(&loc);
}
