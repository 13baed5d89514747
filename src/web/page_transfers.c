/* page_transfers.c - GET /transfers[?org=CODE][&offset=N]: the open transfers touching the
 * user's subtree, each with its due date (flagged when overdue) and a small form to record the
 * arrival (or the end of a temporary stay), and, for one not yet received, to cancel it. The
 * forms post to /transfers/{id}/receive, /return and /cancel (forms.c). */
#include <string.h>

#include "../app/app_web.h"
#include "pages.h"

struct transfers_ctx {
	struct req *r;
	long skip, n;
	int more;
};

/* The small form of one transfer: action "receive" or "return". */
static void transfer_form(struct req *r, const struct transfer *t, const char *action,
			  const char *button)
{
	H(r, "<form class=\"inline\" method=\"post\" action=\"/transfers/");
	N(r, t->id);
	H(r, "/");
	A(r, action);
	H(r, "\">");
	form_csrf(r);
	H(r, "<label for=\"date-");
	N(r, t->id);
	H(r, "-");
	A(r, action);
	H(r, "\">");
	TR(r, "Date");
	H(r, "</label> <input id=\"date-");
	N(r, t->id);
	H(r, "-");
	A(r, action);
	H(r, "\" name=\"date\" type=\"date\" required value=\"");
	html_date(&r->out, r->app->today);
	H(r, "\"> <button>");
	T(r, button);
	H(r, "</button></form>");
}

/* The cancel form of a transfer not yet received: the sending side says why. */
static void cancel_form(struct req *r, const struct transfer *t)
{
	H(r, "<form class=\"inline\" method=\"post\" action=\"/transfers/");
	N(r, t->id);
	H(r, "/cancel\">");
	form_csrf(r);
	H(r, "<label for=\"reason-");
	N(r, t->id);
	H(r, "-cancel\">");
	TR(r, "Reason");
	H(r, "</label> <input id=\"reason-");
	N(r, t->id);
	H(r, "-cancel\" name=\"reason\" type=\"text\" required> <button>");
	TR(r, "Cancel the transfer");
	H(r, "</button></form>");
}

static int transfer_row(void *ctx, const struct transfer_row *row)
{
	struct transfers_ctx *c = ctx;
	struct req *r = c->r;
	const struct transfer *t = &row->t;

	if (c->skip > 0) {
		c->skip--;
		return 0;
	}
	if (c->n >= WEB_PAGE_ROWS || web_page_full(r)) {
		c->more = 1;
		return 1;
	}
	c->n++;
	H(r, "<tr id=\"transfer-");
	N(r, t->id);
	H(r, "\"><td>");
	if (row->member_visible)
		web_member_link(r, t->member_id, row->full_name);
	else
		T(r, row->full_name);
	H(r, "</td><td>");
	D(r, row->birth_date);
	H(r, "</td><td>");
	T(r, t->temporary ? _(r, "Temporary") : _(r, "Official"));
	H(r, "</td><td>");
	web_org_link(r, t->from_code, NULL);
	H(r, "</td><td>");
	web_org_link(r, t->to_code, NULL);
	H(r, "</td><td>");
	D(r, t->sent_date);
	H(r, "</td><td>");
	D(r, t->until_date);
	H(r, "</td><td>");
	T(r, t->letter_no);
	H(r, "</td><td>");
	if (t->state == TS_SENT) {
		TR(r, "Sent, not yet received");
	} else {
		TR(r, "Hosted since");
		H(r, " ");
		D(r, t->received_date);
	}
	if (t->due_date != DATE_NONE) {
		H(r, "<br><span class=\"due");
		if (t->overdue)
			H(r, " overdue");
		H(r, "\">");
		if (t->overdue)
			TR(r, "Overdue since");
		else
			TR(r, "Due");
		H(r, " ");
		D(r, t->due_date);
		H(r, "</span>");
	}
	H(r, "</td><td>");
	if (t->state == TS_SENT) {
		transfer_form(r, t, "receive", _(r, "Receive"));
		cancel_form(r, t);
	} else {
		transfer_form(r, t, "return", _(r, "End the stay"));
	}
	H(r, "</td></tr>\n");
	return 0;
}

void web_transfers(struct req *r)
{
	const char *org = req_query(r, "org");
	struct transfers_ctx c = {r, 0, 0, 0};
	struct org o;
	long offset;

	if (!org)
		org = "";
	offset = req_query_long(r, "offset", 0, 0, 100000000);
	if (offset < 0 || (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e))) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Open transfers"));
	if (org[0]) {
		H(r, "<p>");
		TR(r, "Touching");
		H(r, " ");
		web_org_link(r, o.code, o.name);
		H(r, " · <a href=\"/transfers\">");
		TR(r, "All open transfers");
		H(r, "</a></p>\n");
	}
	H(r, "<table class=\"transfers\" id=\"transfers\"><thead><tr><th>");
	TR(r, "Member");
	H(r, "</th><th>");
	TR(r, "Date of birth");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "From");
	H(r, "</th><th>");
	TR(r, "To");
	H(r, "</th><th>");
	TR(r, "Sent");
	H(r, "</th><th>");
	TR(r, "Until");
	H(r, "</th><th>");
	TR(r, "Letter");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Record");
	H(r, "</th></tr></thead><tbody>\n");
	c.skip = offset;
	if (app_transfer_rows(r->app, &r->actor, org, transfer_row, &c, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-transfers\">");
		TR(r, "No open transfer.");
		H(r, "</p>\n");
	}
	web_pager_org(r, "/transfers", org, offset, c.n, c.more);
	page_end(r);
}
