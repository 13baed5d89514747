/* page_meeting_fig.c - the meeting figures of an organisation's subtree for a period (issue 12,
 * DOMAIN §7; docs/meetings.md "Figures"): GET /orgs/{code}/meetings/figures?from=&to=&show=
 * The figures (app_meet_figures): cells that held their monthly meeting every month
 * (R-MEETING-MONTHLY) and the share of cell-months on time, the quarters with a thematic
 * meeting (R-MEETING-THEMATIC-QUARTER), the attendance rate, the members absent without
 * reason at least R-MEETING-ABSENT-MAX times in the year; each count links to what is behind
 * it below (show=cells|missed_monthly|missed_thematic|absentees). */
#include <string.h>

#include "../app/app_meet_fig.h"
#include "../lib/buf.h"
#include "pages.h"

enum show { SH_NONE, SH_CELLS, SH_MISSED_MONTHLY, SH_MISSED_THEMATIC, SH_ABSENTEES };
static const char *const show_names[] = {"", "cells", "missed_monthly", "missed_thematic",
					 "absentees"};

struct fig_page {
	struct req *r;
	enum show show;
	long n;
	char from[DATE_STR], to[DATE_STR];
};

/* A link to this page for the same period showing sh: href="..." */
static void self_link(struct fig_page *p, const char *code, enum show sh)
{
	struct req *r = p->r;

	H(r, "<a href=\"/orgs/");
	U(r, code);
	H(r, "/meetings/figures?from=");
	U(r, p->from);
	H(r, "&amp;to=");
	U(r, p->to);
	H(r, "&amp;show=");
	U(r, show_names[sh]);
	H(r, "#behind\">");
}

/* One row of the figures table: label, count (linked to sh unless SH_NONE), of base, share. */
static void fig_row(struct fig_page *p, const char *code, const char *key, const char *label,
		    long count, long base, enum show sh)
{
	struct req *r = p->r;

	H(r, "<tr data-key=\"");
	A(r, key);
	H(r, "\"><th scope=\"row\">");
	T(r, label);
	H(r, "</th><td class=\"n\">");
	if (sh != SH_NONE)
		self_link(p, code, sh);
	Q(r, count);
	if (sh != SH_NONE)
		H(r, "</a>");
	H(r, "</td><td class=\"n\">");
	if (base >= 0)
		Q(r, base);
	H(r, "</td><td class=\"n\">");
	if (base > 0)
		web_pct(r, count, base);
	H(r, "</td></tr>\n");
}

static int cell_row(void *ctx, const struct meet_fig_cell *c)
{
	struct fig_page *p = ctx;
	struct req *r = p->r;

	if (p->show == SH_MISSED_MONTHLY && c->months_held >= c->months)
		return 0;
	if (p->show == SH_MISSED_THEMATIC && c->quarters_thematic >= c->quarters)
		return 0;
	if (!p->n++) {
		H(r, "<table class=\"orgs\" id=\"behind-cells\"><thead><tr><th>");
		TR(r, "Cell");
		H(r, "</th><th>");
		TR(r, "Months with the monthly meeting");
		H(r, "</th><th>");
		TR(r, "First month missed");
		H(r, "</th><th>");
		TR(r, "Quarters with a thematic meeting");
		H(r, "</th><th>");
		TR(r, "First quarter missed");
		H(r, "</th><th>");
		TR(r, "Meetings held");
		H(r, "</th><th>");
		TR(r, "Attendance");
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr data-key=\"");
	A(r, c->code);
	H(r, "\"><td>");
	web_org_named(r, c->code, c->name);
	H(r, "</td><td class=\"n\">");
	Q(r, c->months_held);
	H(r, " / ");
	Q(r, c->months);
	H(r, "</td><td>");
	T(r, c->first_missed_month);
	H(r, "</td><td class=\"n\">");
	Q(r, c->quarters_thematic);
	H(r, " / ");
	Q(r, c->quarters);
	H(r, "</td><td>");
	T(r, c->first_missed_quarter);
	H(r, "</td><td class=\"n\"><a href=\"/orgs/");
	U(r, c->code);
	H(r, "/meetings?from=");
	U(r, p->from);
	H(r, "&amp;to=");
	U(r, p->to);
	H(r, "\">");
	Q(r, c->meetings);
	H(r, "</a></td><td class=\"n\">");
	Q(r, c->present);
	H(r, " / ");
	Q(r, c->expected);
	H(r, "</td></tr>\n");
	return web_page_full(r);
}

static int absentee_row(void *ctx, const struct meet_fig_absentee *a)
{
	struct fig_page *p = ctx;
	struct req *r = p->r;

	if (!p->n++) {
		H(r, "<table class=\"members\" id=\"behind-absentees\"><thead><tr><th>");
		TR(r, "Name");
		H(r, "</th><th>");
		TR(r, "Absences without reason");
		H(r, "</th><th>");
		TR(r, "Last absence");
		H(r, "</th><th>");
		TR(r, "Cell");
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr data-key=\"");
	N(r, a->member_id);
	H(r, "\"><td>");
	web_member_link(r, a->member_id, a->name);
	H(r, "</td><td class=\"n\">");
	Q(r, a->times);
	H(r, "</td><td>");
	D(r, a->last_on);
	H(r, "</td><td>");
	web_org_named(r, a->org_code, a->org_name);
	H(r, "</td></tr>\n");
	return web_page_full(r);
}

/* GET /orgs/{code}/meetings/figures?from=&to=&show= */
void web_meeting_figures(struct req *r)
{
	const char *fs = req_query(r, "from"), *ts = req_query(r, "to"), *ss = req_query(r, "show");
	const char *why = NULL;
	struct fig_page p;
	struct meet_figures f;
	struct org o;
	struct buf title;
	date_t from = DATE_NONE, to = DATE_NONE;
	size_t i;
	long max = 0;
	int y, m, d;

	memset(&p, 0, sizeof p);
	p.r = r;
	if (fs && fs[0] && date_parse(fs, &from, &why))
		err_add(&r->e, ERR_USAGE, 0, "from", fs, NULL, "from %s is not a date (YYYY-MM-DD)",
			fs);
	if (ts && ts[0] && date_parse(ts, &to, &why))
		err_add(&r->e, ERR_USAGE, 0, "to", ts, NULL, "to %s is not a date (YYYY-MM-DD)", ts);
	for (i = 0; ss && ss[0] && i < sizeof show_names / sizeof show_names[0]; i++)
		if (!strcmp(ss, show_names[i]))
			break;
	if (ss && ss[0] && i == sizeof show_names / sizeof show_names[0])
		err_add(&r->e, ERR_USAGE, 0, "show", ss, NULL,
			"show must be one of: cells, missed_monthly, missed_thematic, absentees");
	else if (ss && ss[0])
		p.show = (enum show)i;
	date_to_ymd(r->app->today, &y, &m, &d);
	if (from == DATE_NONE)
		from = date_from_ymd(y, 1, 1);
	if (to == DATE_NONE)
		to = r->app->today;
	date_format(from, p.from);
	date_format(to, p.to);
	if (r->e.code || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_meet_figures(r->app, &r->actor, o.code, from, to, &f, NULL, NULL, &r->e)) {
		web_fail(r);
		return;
	}
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Meeting figures"), o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Meeting figures"));
	H(r, "<form class=\"inline noprint\" method=\"get\" id=\"period\" action=\"/orgs/");
	A(r, o.code);
	H(r, "/meetings/figures\"><label for=\"from\">");
	TR(r, "From");
	H(r, "</label><input type=\"date\" id=\"from\" name=\"from\" value=\"");
	A(r, p.from);
	H(r, "\"><label for=\"to\">");
	TR(r, "To");
	H(r, "</label><input type=\"date\" id=\"to\" name=\"to\" value=\"");
	A(r, p.to);
	H(r, "\"><button>");
	TR(r, "Show");
	H(r, "</button></form>\n<p class=\"note\" id=\"counted\">");
	TR(r, "Months and quarters are counted once they have ended; today's are not yet.");
	H(r, "</p>\n<table class=\"report\" id=\"meeting-figures\"><thead><tr><td></td><th scope=\"col\">");
	TR(r, "Count");
	H(r, "</th><th scope=\"col\">");
	TR(r, "Of");
	H(r, "</th><th scope=\"col\">%</th></tr></thead><tbody>\n");
	fig_row(&p, o.code, "cells", _(r, "Cells counted"), f.cells, -1, SH_CELLS);
	fig_row(&p, o.code, "every_month",
		_(r, "Cells that held their monthly meeting every month (R-MEETING-MONTHLY)"),
		f.cells_every_month, f.cells, SH_MISSED_MONTHLY);
	fig_row(&p, o.code, "months_held", _(r, "Cell-months with the monthly meeting held on time"),
		f.cell_months_held, f.cell_months, SH_NONE);
	fig_row(&p, o.code, "every_quarter",
		_(r, "Cells with a thematic meeting every quarter (R-MEETING-THEMATIC-QUARTER)"),
		f.cells_every_quarter, f.cells_q, SH_MISSED_THEMATIC);
	fig_row(&p, o.code, "quarters_thematic", _(r, "Cell-quarters with a thematic meeting"),
		f.cell_quarters_thematic, f.cell_quarters, SH_NONE);
	fig_row(&p, o.code, "meetings", _(r, "Meetings held"), f.meetings, -1, SH_CELLS);
	fig_row(&p, o.code, "monthly", _(r, "Monthly meetings held"), f.monthly, -1, SH_NONE);
	fig_row(&p, o.code, "thematic", _(r, "Thematic meetings held"), f.thematic, -1, SH_NONE);
	fig_row(&p, o.code, "attendance", _(r, "Attendance: members present of those expected"),
		f.present, f.expected, SH_NONE);
	fig_row(&p, o.code, "excused", _(r, "Absent with a reason"), f.excused, f.expected,
		SH_NONE);
	fig_row(&p, o.code, "absent", _(r, "Absent without reason"), f.absent, f.expected,
		SH_NONE);
	fig_row(&p, o.code, "absentees",
		_(r, "Members absent without reason from monthly meetings at least "
		     "R-MEETING-ABSENT-MAX times in the year"),
		f.absentees, -1, SH_ABSENTEES);
	H(r, "</tbody></table>\n<p class=\"note\" id=\"absent-max\">R-MEETING-ABSENT-MAX: ");
	Q(r, f.absent_max);
	H(r, " (");
	N(r, f.year);
	H(r, ")</p>\n");
	if (p.show != SH_NONE) {
		H(r, "<h2 id=\"behind\">");
		switch (p.show) {
		case SH_MISSED_MONTHLY:
			TR(r, "Cells that missed a monthly meeting");
			break;
		case SH_MISSED_THEMATIC:
			TR(r, "Cells that missed a thematic meeting in a quarter");
			break;
		case SH_ABSENTEES:
			TR(r, "Members absent without reason too often");
			break;
		default:
			TR(r, "The cells");
			break;
		}
		H(r, "</h2>\n");
		if (p.show == SH_ABSENTEES) {
			if (app_meet_fig_absentees(r->app, &r->actor, o.code, f.year, absentee_row,
						   &p, &max, &r->e)) {
				web_fail(r);
				return;
			}
		} else if (app_meet_figures(r->app, &r->actor, o.code, from, to, &f, cell_row, &p,
					    &r->e)) {
			web_fail(r);
			return;
		}
		if (p.n)
			H(r, "</tbody></table>\n");
		else {
			H(r, "<p id=\"none-behind\">");
			TR(r, "None.");
			H(r, "</p>\n");
		}
	}
	page_end(r);
}
