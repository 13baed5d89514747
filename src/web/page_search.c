/* page_search.c - GET /search?q=TEXT[&org=CODE][&offset=N]: accent-free search of members'
 * names within the user's subtree (or a part of it), a page of results at a time. */
#include <string.h>

#include "pages.h"

/* Results looked at in all: the search is for finding a person, not for listing a force. */
#define SEARCH_MAX 1000

struct search_ctx {
	struct req *r;
	long skip, n;
	int more;
};

static int search_row(void *ctx, const struct member *m)
{
	struct search_ctx *s = ctx;

	if (s->skip > 0) {
		s->skip--;
		return 0;
	}
	if (s->n >= WEB_PAGE_ROWS || web_page_full(s->r)) {
		s->more = 1;
		return 1;
	}
	s->n++;
	web_member_row(s->r, m);
	return 0;
}

void web_search(struct req *r)
{
	const char *q = req_query(r, "q"), *org = req_query(r, "org");
	struct search_ctx s = {r, 0, 0, 0};
	struct org o;
	struct buf prefix;
	long offset;

	if (!q)
		q = "";
	if (!org)
		org = "";
	offset = req_query_long(r, "offset", 0, 0, SEARCH_MAX - WEB_PAGE_ROWS);
	if (offset < 0 || (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e))) {
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
	TR(r, "Within organisation (code)");
	H(r, "</label><input id=\"search-org\" name=\"org\" type=\"text\" value=\"");
	A(r, org);
	H(r, "\"></div><button>");
	TR(r, "Search");
	H(r, "</button></form>\n");
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
		web_org_link(r, o.code, o.name);
	}
	H(r, "</h2>\n");
	s.skip = offset;
	web_member_rows_head(r);
	if (app_member_search(r->app, &r->actor, q, org, offset + WEB_PAGE_ROWS + 1, search_row,
			      &s, &r->e)) {
		/* A search text that is not one (no letters): say so on the page. */
		if (r->e.code == ERR_NOTFOUND) {
			web_fail(r);
			return;
		}
		H(r, "</tbody></table>\n<div class=\"errors\" role=\"alert\"><p>");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p></div>\n");
		r->status = http_status_of(r->e.code);
		page_end(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!s.n) {
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
	web_pager(r, buf_str(&prefix), offset, s.n, s.more && offset + s.n <= SEARCH_MAX - WEB_PAGE_ROWS);
	buf_cleanup(&prefix);
	page_end(r);
}
