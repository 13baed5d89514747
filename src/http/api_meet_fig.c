/* api_meet_fig.c - the meeting figures of a subtree and period in the API (issue 12, DOMAIN
 * §7; docs/meetings.md "Figures in the API"): the figures, and the lists behind them (the
 * cells counted or those that missed a monthly or a quarter's thematic meeting; the members
 * absent without reason at least R-MEETING-ABSENT-MAX times in a year) as JSON or as CSV/XLSX
 * downloads. Access is the app's (app_meet_figures): an organisation outside the caller's
 * subtree does not exist (404), and a member's own account has no subtree. */
#include <string.h>
#include <strings.h>

#include "../app/app_meet_fig.h"
#include "../core/report.h"
#include "../lib/buf.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* 0 JSON, 1 CSV, 2 XLSX from ?format= (JSON when absent; -1 with a problem when unknown) or
 * the Accept header naming one of the table types. */
static int format_of(struct req *r)
{
	const char *f = req_query(r, "format"), *acc = r->accept ? r->accept : "";

	if (f && f[0]) {
		if (!strcmp(f, "json"))
			return 0;
		if (!strcmp(f, "csv"))
			return 1;
		if (!strcmp(f, "xlsx"))
			return 2;
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
		return -1;
	}
	if (strstr(acc, CT_XLSX))
		return 2;
	if (strcasestr(acc, "text/csv"))
		return 1;
	return 0;
}

/* ?from= ?to= (DATE_NONE when absent; a problem when not a date). */
static void period_of(struct req *r, date_t *from, date_t *to)
{
	*from = *to = DATE_NONE;
	api_query_date(r, "from", from);
	api_query_date(r, "to", to);
}

/* The address of a list behind the figures, with the period (or the year) asked. */
static json_t *behind_url(struct req *r, const char *list, const char *show,
			  const struct meet_figures *f)
{
	struct buf u;
	char d1[DATE_STR], d2[DATE_STR];
	json_t *j;

	buf_init(&u, 0);
	/* The code was found, so it holds only A-Z a-z 0-9 . _ - (no escaping needed). */
	buf_printf(&u, "/api/v1/orgs/%s/meeting-figures/%s?", r->pathv[0], list);
	if (show)
		buf_printf(&u, "show=%s&from=%s&to=%s", show, date_format(f->from, d1),
			   date_format(f->to, d2));
	else
		buf_printf(&u, "year=%d", f->year);
	j = json_string(buf_str(&u));
	buf_cleanup(&u);
	return j;
}

static json_t *pct_json(long count, long base)
{
	char s[32];

	report_pct_str(count, base, s, sizeof s);
	return s[0] ? json_string(s) : json_null();
}

/* GET /api/v1/orgs/{code}/meeting-figures?from=&to=: the figures of the subtree for the
 * period (from: 1 January of this year, to: today when absent). */
void api_meet_figures(struct req *r)
{
	struct meet_figures f;
	date_t from, to;
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	json_t *j;

	period_of(r, &from, &to);
	if (r->e.code ||
	    app_meet_figures(r->app, &r->actor, r->pathv[0], from, to, &f, NULL, NULL, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_pack("{s:s,s:s,s:s,s:s,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,"
		      "s:I,s:I,s:o,s:I,s:I,s:i}",
		      "org", r->pathv[0], "from", date_format(f.from, d1), "to",
		      date_format(f.to, d2), "end", date_format(f.end, d3), "cells",
		      (json_int_t)f.cells, "cells_every_month", (json_int_t)f.cells_every_month,
		      "cell_months", (json_int_t)f.cell_months, "cell_months_held",
		      (json_int_t)f.cell_months_held, "cells_q", (json_int_t)f.cells_q,
		      "cells_every_quarter", (json_int_t)f.cells_every_quarter, "cell_quarters",
		      (json_int_t)f.cell_quarters, "cell_quarters_thematic",
		      (json_int_t)f.cell_quarters_thematic, "meetings", (json_int_t)f.meetings,
		      "monthly", (json_int_t)f.monthly, "thematic", (json_int_t)f.thematic,
		      "present", (json_int_t)f.present, "expected", (json_int_t)f.expected,
		      "excused", (json_int_t)f.excused, "absent", (json_int_t)f.absent,
		      "attendance_percent",
		      pct_json(f.present, f.expected), "absent_max", (json_int_t)f.absent_max,
		      "absentees", (json_int_t)f.absentees, "year", f.year);
	if (!j) {
		err_set(&r->e, ERR_STORAGE, "cannot encode the figures");
		reply_problem(r);
		return;
	}
	json_object_set_new(j, "behind",
			    json_pack("{s:o,s:o,s:o,s:o}", "cells",
				      behind_url(r, "cells", "cells", &f), "missed_monthly",
				      behind_url(r, "cells", "missed_monthly", &f),
				      "missed_thematic",
				      behind_url(r, "cells", "missed_thematic", &f), "absentees",
				      behind_url(r, "absentees", NULL, &f)));
	reply_json(r, 200, j);
}

struct cells {
	enum meet_fig_show show;
	json_t *items;
};

static int cell_item(void *ctx, const struct meet_fig_cell *c)
{
	struct cells *l = ctx;

	if (!meet_fig_cell_shown(l->show, c))
		return 0;
	json_array_append_new(
		l->items, json_pack("{s:s,s:s,s:I,s:I,s:s,s:I,s:I,s:s,s:I,s:I,s:I}", "org", c->code,
				  "name", c->name, "months", (json_int_t)c->months, "months_held",
				  (json_int_t)c->months_held, "first_missed_month",
				  c->first_missed_month, "quarters", (json_int_t)c->quarters,
				  "quarters_thematic", (json_int_t)c->quarters_thematic,
				  "first_missed_quarter", c->first_missed_quarter, "meetings",
				  (json_int_t)c->meetings, "present", (json_int_t)c->present,
				  "expected", (json_int_t)c->expected));
	return 0;
}

static int absentee_item(void *ctx, const struct meet_fig_absentee *a)
{
	char d[DATE_STR];

	json_array_append_new(ctx, json_pack("{s:I,s:s,s:I,s:s,s:s,s:s}", "member_id",
					     (json_int_t)a->member_id, "name", a->name, "times",
					     (json_int_t)a->times, "last",
					     date_format(a->last_on, d), "org", a->org_code,
					     "org_name", a->org_name));
	return 0;
}

/* Send the list show as CSV (fmt 1) or XLSX (2). */
static void reply_table(struct req *r, date_t from, date_t to, int year,
			enum meet_fig_show show, int fmt)
{
	long long len;
	int fd;
	char file[64];

	if (app_meet_fig_export(r->app, &r->actor, r->pathv[0], from, to, year, show,
				fmt == 2 ? TABLE_XLSX : TABLE_CSV, &fd, &len, &r->e)) {
		reply_problem(r);
		return;
	}
	snprintf(file, sizeof file, "meeting-%s.%s", meet_fig_show_name(show),
		 fmt == 2 ? "xlsx" : "csv");
	api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV, file);
}

/* GET /api/v1/orgs/{code}/meeting-figures/cells?show=cells|missed_monthly|missed_thematic
 * &from=&to=&format=&offset=&limit=: the cells behind the figures of the period (every cell
 * counted, or those that missed), in pre-order. */
void api_meet_fig_cells(struct req *r)
{
	const char *s = req_query(r, "show");
	int show = s && s[0] ? meet_fig_show_parse(s) : MFS_CELLS;
	int fmt = format_of(r);
	struct meet_figures f;
	struct cells l;
	date_t from, to;
	char d1[DATE_STR], d2[DATE_STR];
	json_t *j;

	period_of(r, &from, &to);
	if (show < 0 || show == MFS_ABSENTEES)
		err_add(&r->e, ERR_USAGE, 0, "show", s, NULL,
			"show must be one of: cells, missed_monthly, missed_thematic");
	if (fmt < 0 || r->e.code) {
		reply_problem(r);
		return;
	}
	if (fmt > 0) {
		reply_table(r, from, to, 0, (enum meet_fig_show)show, fmt);
		req_header(r, "Vary", "Accept");
		return;
	}
	l.show = (enum meet_fig_show)show;
	l.items = json_array();
	if (app_meet_figures(r->app, &r->actor, r->pathv[0], from, to, &f, cell_item, &l,
			     &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:s,s:s,s:s,s:s,s:o}", "org", r->pathv[0], "show",
		      meet_fig_show_name(l.show), "from", date_format(f.from, d1), "to",
		      date_format(f.to, d2), "items", l.items);
	api_reply_list(r, j);
	req_header(r, "Vary", "Accept");
}

/* GET /api/v1/orgs/{code}/meeting-figures/absentees?year=&format=&offset=&limit=: the
 * members absent without reason from monthly meetings of the subtree at least
 * R-MEETING-ABSENT-MAX times in year (this year when absent), most first. */
void api_meet_fig_absentees(struct req *r)
{
	long year = req_query_long(r, "year", 0, 1930, 9999);
	int fmt = format_of(r);
	long max = 0;
	json_t *items, *j;

	if (fmt < 0 || r->e.code) {
		reply_problem(r);
		return;
	}
	if (fmt > 0) {
		reply_table(r, DATE_NONE, DATE_NONE, (int)year, MFS_ABSENTEES, fmt);
		req_header(r, "Vary", "Accept");
		return;
	}
	items = json_array();
	if (app_meet_fig_absentees(r->app, &r->actor, r->pathv[0], (int)year, absentee_item,
				   items, &max, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	if (!year) {
		int y, m, d;

		date_to_ymd(r->app->today, &y, &m, &d);
		year = y;
	}
	j = json_pack("{s:s,s:I,s:I,s:o}", "org", r->pathv[0], "year", (json_int_t)year,
		      "absent_max", (json_int_t)max, "items", items);
	api_reply_list(r, j);
	req_header(r, "Vary", "Accept");
}
