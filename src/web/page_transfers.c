/* page_transfers.c - GET /transfers[?org=CODE&kind=&state=&overdue=&sort=&offset=]: the open
 * transfers touching the user's subtree, each with its due date (marked when overdue, as the
 * CLI flags it), filtered and sorted by its columns, with the total, page numbers and CSV/XLSX
 * of the list; a link to receive one (a confirmation page first: GET /transfers/{id}/receive,
 * page_form_transfer.c), a form to end a temporary stay, and, for one not yet received, to
 * cancel it (forms.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_web.h"
#include "../lib/mem.h"
#include "pages.h"
#include "web_list.h"

static const char *const transfer_params[] = {"org", "kind", "state", "overdue", "sort", NULL};

/* The small form of one transfer: action "receive" (a GET of the confirmation page) or
 * "return" (the change itself). */
static void transfer_form(struct req *r, const struct transfer *t, const char *action,
			  const char *button)
{
	int receive = !strcmp(action, "receive");

	H(r, "<form class=\"inline\" method=\"");
	if (receive)
		H(r, "get");
	else
		H(r, "post");
	H(r, "\" action=\"/transfers/");
	N(r, t->id);
	H(r, "/");
	A(r, action);
	H(r, "\">");
	if (!receive)
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

struct rows {
	struct transfer_row *v;
	size_t n, cap;
	const char *kind, *state;
	int overdue;
};

static int collect(void *ctx, const struct transfer_row *row)
{
	struct rows *l = ctx;
	const struct transfer *t = &row->t;

	if (l->kind[0] && strcmp(l->kind, t->temporary ? "temporary" : "official"))
		return 0;
	if (l->state[0] && strcmp(l->state, t->state == TS_SENT ? "sent" : "hosted"))
		return 0;
	if (l->overdue && !t->overdue)
		return 0;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *row;
	return 0;
}

static int cmp_date(date_t a, date_t b)
{
	/* Without a date (DATE_NONE) last. */
	if (a == b)
		return 0;
	if (a == DATE_NONE)
		return 1;
	if (b == DATE_NONE)
		return -1;
	return a < b ? -1 : 1;
}

/* The order of the list (sort: a key of the heads, a leading '-' for the reverse). */
static int cmp_rows(const void *pa, const void *pb, void *sort)
{
	const struct transfer_row *a = pa, *b = pb;
	const char *order = sort, *k = order[0] == '-' ? order + 1 : order;
	int c = 0;

	if (!strcmp(k, "name"))
		c = strcmp(a->full_name, b->full_name);
	else if (!strcmp(k, "birth"))
		c = cmp_date(a->birth_date, b->birth_date);
	else if (!strcmp(k, "from"))
		c = strcmp(a->t.from_code, b->t.from_code);
	else if (!strcmp(k, "to"))
		c = strcmp(a->t.to_code, b->t.to_code);
	else if (!strcmp(k, "due"))
		c = cmp_date(a->t.due_date, b->t.due_date);
	else
		c = cmp_date(a->t.sent_date, b->t.sent_date);
	if (order[0] == '-')
		c = -c;
	return c ? c : (a->t.id < b->t.id ? -1 : a->t.id > b->t.id);
}

static void transfer_row(struct web_list *l, const struct transfer_row *row)
{
	struct req *r = l->r;
	const struct transfer *t = &row->t;
	char id[40];

	snprintf(id, sizeof id, "transfer-%lld", (long long)t->id);
	web_list_tr(l, id);
	if (row->member_visible) {
		char href[40];

		snprintf(href, sizeof href, "/members/%lld", (long long)t->member_id);
		web_list_td_link(l, href, row->full_name);
	} else {
		web_list_td(l, row->full_name);
	}
	web_list_td_date(l, row->birth_date);
	web_list_td(l, t->temporary ? _(r, "Temporary") : _(r, "Official"));
	if (web_list_download(l)) {
		web_list_td(l, t->from_code);
		web_list_td(l, t->to_code);
	} else {
		H(r, "<td>");
		web_org_link(r, t->from_code, NULL);
		H(r, "</td><td>");
		web_org_link(r, t->to_code, NULL);
		H(r, "</td>");
	}
	web_list_td_date(l, t->sent_date);
	web_list_td_date(l, t->until_date);
	web_list_td(l, t->letter_no);
	if (web_list_download(l)) {
		web_list_td(l, t->state == TS_SENT ? _(r, "Sent, not yet received")
						   : _(r, "Hosted since"));
		web_list_td_date(l, t->due_date);
		web_list_td(l, t->overdue ? _(r, "Overdue") : "");
		web_list_tr_end(l);
		return;
	}
	H(r, "<td>");
	if (t->state == TS_SENT) {
		TR(r, "Sent, not yet received");
	} else {
		TR(r, "Hosted since");
		H(r, " ");
		D(r, t->received_date);
	}
	H(r, "</td><td>");
	if (t->due_date != DATE_NONE) {
		H(r, "<span class=\"due");
		if (t->overdue)
			H(r, " overdue");
		H(r, "\">");
		if (t->overdue) {
			H(r, "<strong class=\"flag\">");
			TR(r, "Overdue");
			H(r, "</strong> ");
			TR(r, "since");
		} else {
			TR(r, "Due");
		}
		H(r, " ");
		D(r, t->due_date);
		H(r, "</span>");
	}
	H(r, "</td><td>");
	if (t->state == TS_SENT) {
		transfer_form(r, t, "receive", _(r, "Receive…"));
		cancel_form(r, t);
	} else {
		transfer_form(r, t, "return", _(r, "End the stay"));
	}
	H(r, "</td>");
	web_list_tr_end(l);
}

static void heads(struct web_list *l)
{
	struct req *r = l->r;

	web_list_th(l, _(r, "Member"), "name", 0);
	web_list_th(l, _(r, "Date of birth"), "birth", 0);
	web_list_th(l, _(r, "Kind"), NULL, 0);
	web_list_th(l, _(r, "From"), "from", 0);
	web_list_th(l, _(r, "To"), "to", 0);
	web_list_th(l, _(r, "Sent"), "sent", 0);
	web_list_th(l, _(r, "Until"), NULL, 0);
	web_list_th(l, _(r, "Letter"), NULL, 0);
	web_list_th(l, _(r, "State"), NULL, 0);
	web_list_th(l, _(r, "Due"), "due", 0);
	if (web_list_download(l))
		web_list_th(l, _(r, "Overdue"), NULL, 0);
	else
		web_list_th(l, _(r, "Record"), NULL, 0);
}

static void filter_option(struct req *r, const char *name, const char *value, const char *label)
{
	const char *v = req_query(r, name);

	H(r, "<option value=\"");
	A(r, value);
	H(r, "\"");
	if (v && !strcmp(v, value))
		H(r, " selected");
	H(r, ">");
	T(r, label);
	H(r, "</option>");
}

static void filter_form(struct req *r, const char *org)
{
	const char *sort = req_query(r, "sort");

	H(r, "<form class=\"filters\" id=\"transfer-filters\" method=\"get\" "
	     "action=\"/transfers\">");
	if (org[0]) {
		H(r, "<input type=\"hidden\" name=\"org\" value=\"");
		A(r, org);
		H(r, "\">");
	}
	if (sort && sort[0]) {
		H(r, "<input type=\"hidden\" name=\"sort\" value=\"");
		A(r, sort);
		H(r, "\">");
	}
	H(r, "<label>");
	TR(r, "Kind");
	H(r, " <select name=\"kind\">");
	filter_option(r, "kind", "", _(r, "All"));
	filter_option(r, "kind", "official", _(r, "Official"));
	filter_option(r, "kind", "temporary", _(r, "Temporary"));
	H(r, "</select></label> <label>");
	TR(r, "State");
	H(r, " <select name=\"state\">");
	filter_option(r, "state", "", _(r, "All"));
	filter_option(r, "state", "sent", _(r, "Sent, not yet received"));
	filter_option(r, "state", "hosted", _(r, "Hosted"));
	H(r, "</select></label> <label><input type=\"checkbox\" name=\"overdue\" value=\"1\"");
	if (req_query(r, "overdue") && !strcmp(req_query(r, "overdue"), "1"))
		H(r, " checked");
	H(r, "> ");
	TR(r, "Overdue only");
	H(r, "</label> <button>");
	TR(r, "Filter");
	H(r, "</button></form>\n");
}

/* Whether v is "" or one of the two words; else a problem naming the parameter. */
static int one_of2(struct req *r, const char *name, const char *v, const char *a, const char *b)
{
	if (!v[0] || !strcmp(v, a) || !strcmp(v, b))
		return 1;
	err_add(&r->e, ERR_USAGE, 0, name, v, NULL, "%s must be %s or %s", name, a, b);
	return 0;
}

void web_transfers(struct req *r)
{
	const char *org = req_query(r, "org"), *ov = req_query(r, "overdue");
	struct rows rows;
	struct web_list l;
	struct org o;
	size_t i, end;
	long shown = 0;

	memset(&rows, 0, sizeof rows);
	if (!org)
		org = "";
	rows.kind = req_query(r, "kind") ? req_query(r, "kind") : "";
	rows.state = req_query(r, "state") ? req_query(r, "state") : "";
	rows.overdue = ov && !strcmp(ov, "1");
	if (web_list_begin(&l, r, "/transfers", transfer_params,
			   "name birth from to sent due", "sent", WEB_PAGE_ROWS, "transfers") ||
	    !one_of2(r, "kind", rows.kind, "official", "temporary") ||
	    !one_of2(r, "state", rows.state, "sent", "hosted") ||
	    (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e)) ||
	    app_transfer_rows(r->app, &r->actor, org, collect, &rows, &r->e)) {
		web_list_abort(&l);
		free(rows.v);
		web_fail(r);
		return;
	}
	if (rows.n)
		qsort_r(rows.v, rows.n, sizeof *rows.v, cmp_rows, (void *)(uintptr_t)l.sort);
	l.total = (long)rows.n;
	if (web_list_download(&l)) {
		heads(&l);
		table_out_row(l.out);
		for (i = 0; i < rows.n; i++)
			transfer_row(&l, &rows.v[i]);
		free(rows.v);
		web_list_send(&l, "transfers");
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
	filter_form(r, org);
	H(r, "<table class=\"transfers\" id=\"transfers\"><thead><tr>");
	heads(&l);
	H(r, "</tr></thead><tbody>\n");
	end = (size_t)l.offset + WEB_PAGE_ROWS;
	for (i = (size_t)l.offset; i < rows.n && i < end && !web_page_full(r); i++, shown++)
		transfer_row(&l, &rows.v[i]);
	free(rows.v);
	H(r, "</tbody></table>\n");
	if (!shown) {
		H(r, "<p id=\"no-transfers\">");
		TR(r, "No open transfer.");
		H(r, "</p>\n");
	}
	web_list_pages(&l, shown);
	page_end(r);
}
