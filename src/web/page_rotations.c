/* page_rotations.c - GET /orgs/{code}/rotations?year=&area=&offset=: the rotations (luân
 * chuyển) begun in a year at positions of an organisation's subtree, counted to border and
 * difficult areas (seed 000: rotating cadres to difficult areas is a stated aim); the report's
 * "Key cadres" table links here (docs/cadres.md "In the report"). area: all (the default),
 * border or difficult. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres.h"
#include "pages.h"

struct rot_page {
	struct req *r;
	int area;           /* 0 all, 1 border, 2 difficult */
	long offset, seen, shown;
	int more;
};

static int rot_row(void *ctx, const struct holding *h)
{
	struct rot_page *p = ctx;
	struct req *r = p->r;

	if ((p->area == 1 && !h->to_border) || (p->area == 2 && !h->to_difficult))
		return 0;
	if (p->seen++ < p->offset)
		return 0;
	if (p->shown >= WEB_PAGE_ROWS) {
		p->more = 1;
		return 0; /* keep counting: the figures above are of every row */
	}
	p->shown++;
	H(r, "<tr><td><a href=\"/members/");
	N(r, h->member_id);
	H(r, "\">");
	T(r, h->member_name);
	H(r, "</a></td><td>");
	T(r, web_tr(r, h->pos_kind));
	H(r, "</td><td><a href=\"/orgs/");
	U(r, h->org_code);
	H(r, "/cadres\">");
	T(r, h->org_code);
	H(r, "</a></td><td>");
	D(r, h->valid_from);
	H(r, "</td><td>");
	T(r, h->decision);
	H(r, " (");
	T(r, h->body_code);
	H(r, ")</td><td>");
	if (h->to_border)
		TR(r, "border area");
	if (h->to_border && h->to_difficult)
		H(r, ", ");
	if (h->to_difficult)
		TR(r, "difficult area");
	H(r, "</td></tr>\n");
	return 0;
}

/* The areas' names, shown through web_tr. */
static const char *const areas[] = {N_("all"), N_("border"), N_("difficult")};

void web_org_rotations(struct req *r)
{
	struct rot_page p;
	struct org o;
	struct buf title, pre;
	const char *area = req_query(r, "area");
	long year, n, dif, bor, flagged;
	int y, m, d;

	memset(&p, 0, sizeof p);
	p.r = r;
	date_to_ymd(r->app->today, &y, &m, &d);
	year = req_query_long(r, "year", y, 1900, 9999);
	p.offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	if (area && area[0]) {
		for (p.area = 0; p.area < 3 && strcmp(area, areas[p.area]); p.area++)
			;
		if (p.area == 3)
			err_add(&r->e, ERR_USAGE, 0, "area", area, NULL,
				"area must be all, border or difficult");
	}
	/* The counts first (a year's rotations are few), then the page's rows. */
	if (r->e.code || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_rotations(r->app, &r->actor, o.code, (int)year, NULL, NULL, &n, &dif, &bor,
			  &flagged, &r->e)) {
		web_fail(r);
		return;
	}
	buf_init(&title, 0);
	buf_printf(&title, "%s %ld: %s", _(r, "Rotations"), year, o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Rotations"));
	H(r, "<p id=\"rotation-counts\">");
	TR(r, "Rotations begun in the year");
	H(r, ": <strong>");
	Q(r, n);
	H(r, "</strong>; ");
	TR(r, "to a border area");
	H(r, ": ");
	Q(r, bor);
	H(r, "; ");
	TR(r, "to a difficult area");
	H(r, ": ");
	Q(r, dif);
	H(r, ".</p>\n<p>");
	for (y = 0; y < 3; y++) {
		if (y)
			H(r, " · ");
		if (y == p.area) {
			H(r, "<strong>");
			T(r, web_tr(r, areas[y]));
			H(r, "</strong>");
			continue;
		}
		H(r, "<a href=\"/orgs/");
		U(r, o.code);
		H(r, "/rotations?year=");
		N(r, year);
		H(r, "&amp;area=");
		buf_adds(&r->out, areas[y]);
		H(r, "\">");
		T(r, web_tr(r, areas[y]));
		H(r, "</a>");
	}
	H(r, "</p>\n<table id=\"rotation-list\"><thead><tr><th>");
	TR(r, "Member");
	H(r, "</th><th>");
	TR(r, "Position");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "From");
	H(r, "</th><th>");
	TR(r, "Decision");
	H(r, "</th><th>");
	TR(r, "Area");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_rotations(r->app, &r->actor, o.code, (int)year, rot_row, &p, &n, &dif, &bor,
			  &flagged, &r->e)) {
		page_end(r);
		return;
	}
	if (!p.shown) {
		H(r, "<tr><td colspan=\"6\">");
		TR(r, "None.");
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
	buf_init(&pre, 0);
	buf_adds(&pre, "/orgs/");
	web_url_arg(&pre, o.code);
	buf_printf(&pre, "/rotations?year=%ld&area=%s&", year, areas[p.area]);
	web_pager(r, buf_str(&pre), p.offset, p.shown, p.more);
	buf_cleanup(&pre);
	page_end(r);
}
