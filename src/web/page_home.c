/* page_home.c - the start page: the worklist of the signed-in account's subtree (GET /),
 * each item a count and a link to the list of its records, as app_worklist's providers give
 * them; and the list behind the records with problems (GET /worklist/number-clash). */
#include "../app/app_worklist.h"
#include "pages.h"
#include "web_list.h"

/* The worklist as a download (?format=csv|xlsx): one row an item, with the subtree's top and
 * the review year, the count and the address of the list behind it. */
static void worklist_download(struct web_list *l, const struct worklist *w)
{
	struct req *r = l->r;
	size_t i;

	web_list_th(l, _(r, "Organisation"), NULL, 0);
	web_list_th(l, _(r, "Review year"), NULL, 1);
	web_list_th(l, _(r, "Item"), NULL, 0);
	web_list_th(l, _(r, "Count"), NULL, 1);
	web_list_th(l, _(r, "Link"), NULL, 0);
	table_out_row(l->out);
	for (i = 0; i < w->n; i++) {
		web_list_tr(l, NULL);
		web_list_td(l, w->top);
		web_list_td_int(l, w->year);
		web_list_td(l, web_tr(r, w->items[i].title));
		web_list_td_int(l, w->items[i].count);
		web_list_td(l, w->items[i].link);
		web_list_tr_end(l);
	}
	web_list_send(l, "worklist");
}

/* GET /[?format=csv|xlsx] */
void web_home(struct req *r)
{
	struct worklist w;
	struct web_list l;
	size_t i;

	if (r->actor.role == ROLE_MEMBER) {
		/* A member's own account has its handbook for a home (docs/handbook.md). */
		req_redirect(r, "/hb");
		return;
	}
	if (web_list_begin(&l, r, "/", NULL, "", NULL, WORKLIST_MAX, "worklist") ||
	    app_worklist(r->app, &r->actor, 0, &w, &r->e)) {
		web_list_abort(&l);
		web_fail(r);
		return;
	}
	l.total = (long)w.n;
	if (web_list_download(&l)) {
		worklist_download(&l, &w);
		return;
	}
	page_begin(r, _(r, "What waits for you"));
	H(r, "<p class=\"scope\">");
	TR(r, "Organisation");
	H(r, ": ");
	web_org_link(r, w.top, w.top_name);
	H(r, " · ");
	TR(r, "Review year");
	H(r, " ");
	N(r, w.year);
	H(r, "</p>\n<ul class=\"worklist\" id=\"worklist\">\n");
	for (i = 0; i < w.n; i++) {
		const struct worklist_item *it = &w.items[i];

		H(r, "<li id=\"wl-");
		A(r, it->id);
		H(r, "\"");
		if (it->count)
			H(r, " class=\"waits\"");
		H(r, "><a href=\"");
		A(r, it->link);
		H(r, "\"><span class=\"count\">");
		N(r, it->count);
		H(r, "</span> <span class=\"title\">");
		T(r, web_tr(r, it->title));
		H(r, "</span></a></li>\n");
	}
	H(r, "</ul>\n");
	web_list_pages(&l, (long)w.n);
	H(r, "<p><a href=\"/tree\">");
	TR(r, "The organisation tree");
	H(r, "</a></p>\n");
	page_end(r);
}

struct clash_ctx {
	struct req *r;
	long n;
};

static int clash_row(void *ctx, const struct member *m)
{
	struct clash_ctx *c = ctx;

	c->n++;
	web_member_row(c->r, m);
	return 0;
}

/* GET /worklist/number-clash?offset= */
void web_worklist_clashes(struct req *r)
{
	struct clash_ctx c = {r, 0};
	long offset = req_query_long(r, "offset", 0, 0, 100000000);
	int more = 0;

	if (offset < 0) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Members whose numbers clash with another member's"));
	H(r, "<p>");
	TR(r, "These members share a citizen ID, party card or personal-history number with "
	      "another member (R-MEMBER-UNIQUE-NUMBERS): open each record and correct the number.");
	H(r, "</p>\n");
	web_member_rows_head(r);
	if (app_worklist_clashes(r->app, &r->actor, offset, WEB_PAGE_ROWS, clash_row, &c, &more,
				 &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-members\">");
		TR(r, "No member on this page.");
		H(r, "</p>\n");
	}
	web_pager(r, "/worklist/number-clash?", offset, c.n, more);
	page_end(r);
}
