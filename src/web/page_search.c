/* page_search.c - GET /search?q=TEXT[&org=CODE][&page=N]: search of members' names within
 * the user's subtree (or a part of it), docs/search.md: how many were found, and per person
 * the organisation's name, rank and post, so that namesakes can be told apart; numbered
 * pages of results. */
#include <string.h>

#include "pages.h"

/* Pages of results offered: the search is for finding a person, not for listing a force. */
#define SEARCH_PAGES_MAX 200

struct search_ctx {
	struct req *r;
	long n;
	/* The last organisation looked up: namesakes in one cell come one after another. */
	char code[sizeof ((struct org *)0)->code];
	char name[sizeof ((struct org *)0)->name];
};

static void result_org(struct search_ctx *s, const char *code)
{
	struct req *r = s->r;
	struct org o;
	struct err tmp;

	if (strcmp(s->code, code)) {
		err_init(&tmp);
		if (app_org_get(r->app, &r->actor, code, &o, &tmp) == ERR_OK)
			memcpy(s->name, o.name, sizeof s->name);
		else
			s->name[0] = 0;
		err_cleanup(&tmp);
		memcpy(s->code, code, strlen(code) + 1);
	}
	web_org_named(r, code, s->name);
}

static int search_row(void *ctx, const struct member *m)
{
	struct search_ctx *s = ctx;
	struct req *r = s->r;

	s->n++;
	H(r, "<tr><td>");
	web_member_link(r, m->id, m->full_name);
	H(r, "</td><td>");
	D(r, m->birth_date);
	H(r, "</td><td>");
	result_org(s, m->org_code);
	H(r, "</td><td>");
	T(r, m->rank[0] ? m->rank : "—");
	H(r, "</td><td>");
	T(r, m->post[0] ? m->post : "—");
	H(r, "</td><td>");
	T(r, web_status_label(r, m->status));
	H(r, "</td></tr>\n");
	return 0;
}

/* Numbered pages: the first, the last, and those near the current one. */
static void search_pages(struct req *r, const char *prefix, long page, long pages)
{
	long p;

	if (pages <= 1)
		return;
	H(r, "<nav class=\"pager pages\" aria-label=\"");
	A(r, _(r, "Pages of results"));
	H(r, "\"><ol>");
	for (p = 1; p <= pages; p++) {
		if (p != 1 && p != pages && (p < page - 3 || p > page + 3)) {
			if (p == page - 4 || p == page + 4)
				H(r, "<li>…</li>");
			continue;
		}
		if (p == page) {
			H(r, "<li><span class=\"here\">");
			N(r, p);
			H(r, "</span></li>");
			continue;
		}
		H(r, "<li><a href=\"");
		A(r, prefix);
		H(r, "page=");
		N(r, p);
		H(r, "\"");
		if (p == page - 1)
			H(r, " rel=\"prev\"");
		else if (p == page + 1)
			H(r, " rel=\"next\"");
		H(r, ">");
		N(r, p);
		H(r, "</a></li>");
	}
	H(r, "</ol></nav>\n");
}

void web_search(struct req *r)
{
	const char *q = req_query(r, "q"), *org = req_query(r, "org");
	struct search_ctx s;
	struct org o;
	struct buf prefix;
	long page, total = 0, pages;
	size_t mark;

	memset(&s, 0, sizeof s);
	s.r = r;
	if (!q)
		q = "";
	if (!org)
		org = "";
	page = req_query_long(r, "page", 1, 1, SEARCH_PAGES_MAX);
	if (page < 0 || (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e))) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Search members"));
	H(r, "<form class=\"find\" method=\"get\" action=\"/search\"><div class=\"field\">"
	     "<label for=\"search-q\">");
	TR(r, "Name (accents optional)");
	H(r, "</label><input id=\"search-q\" name=\"q\" type=\"search\" value=\"");
	A(r, q);
	H(r, "\"></div><div class=\"field\"><label for=\"search-org\">");
	TR(r, "Within organisation (code; type a name to choose)");
	H(r, "</label><input id=\"search-org\" name=\"org\" type=\"text\" data-pick=\"1\" value=\"");
	A(r, org);
	H(r, "\">");
	if (org[0]) {
		H(r, " <span class=\"note\" id=\"search-org-name\">");
		T(r, o.name);
		H(r, "</span>");
	}
	H(r, "</div><button>");
	TR(r, "Search");
	H(r, "</button></form>\n");
	/* Without JavaScript: the organisation chosen by name on the picker's page. */
	web_pick_form(r, "/search", "org");
	H(r, WEB_PICKER_SCRIPT "\n");
	if (!q[0]) {
		page_end(r);
		return;
	}
	H(r, "<h2>");
	TR(r, "Results for");
	H(r, " “");
	T(r, q);
	H(r, "”");
	if (org[0]) {
		H(r, " — ");
		web_org_named(r, o.code, o.name);
	}
	H(r, "</h2>\n");
	mark = r->out.len;
	H(r, "<div class=\"results\"><table class=\"members found\"><thead><tr><th>");
	TR(r, "Full name");
	H(r, "</th><th>");
	TR(r, "Date of birth");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Rank");
	H(r, "</th><th>");
	TR(r, "Post");
	H(r, "</th><th>");
	TR(r, "Status");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_member_find(r->app, &r->actor, q, org, (page - 1) * WEB_PAGE_ROWS, WEB_PAGE_ROWS,
			    &total, search_row, &s, &r->e)) {
		if (r->e.code == ERR_NOTFOUND) {
			web_fail(r);
			return;
		}
		H(r, "</tbody></table></div>\n<div class=\"errors\" role=\"alert\"><p>");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p></div>\n");
		r->status = http_status_of(r->e.code);
		page_end(r);
		return;
	}
	H(r, "</tbody></table></div>\n");
	{
		/* How many, above the table (known once the search has run). */
		struct buf cnt;

		buf_init(&cnt, 0);
		buf_adds(&cnt, "<p class=\"count\" id=\"found\" role=\"status\"><b>");
		html_long(&cnt, total);
		buf_adds(&cnt, "</b> ");
		html_text(&cnt, total == 1 ? _(r, "result") : _(r, "results"));
		buf_adds(&cnt, "</p>\n");
		buf_add(&r->out, cnt.s, cnt.len);
		if (!r->out.overflow) {
			memmove(r->out.s + mark + cnt.len, r->out.s + mark,
				r->out.len - cnt.len - mark);
			memcpy(r->out.s + mark, cnt.s, cnt.len);
		}
		buf_cleanup(&cnt);
	}
	if (!total) {
		H(r, "<p id=\"no-results\">");
		TR(r, "No member found.");
		H(r, "</p>\n");
	}
	buf_init(&prefix, 0);
	buf_adds(&prefix, "/search?q=");
	web_url_arg(&prefix, q);
	if (org[0]) {
		buf_adds(&prefix, "&org=");
		web_url_arg(&prefix, org);
	}
	buf_adds(&prefix, "&");
	pages = (total + WEB_PAGE_ROWS - 1) / WEB_PAGE_ROWS;
	if (pages > SEARCH_PAGES_MAX)
		pages = SEARCH_PAGES_MAX;
	search_pages(r, buf_str(&prefix), page, pages);
	buf_cleanup(&prefix);
	page_end(r);
}
