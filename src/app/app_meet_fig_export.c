/* app_meet_fig_export.c - the lists behind the meeting figures (the cells that missed a
 * monthly or thematic meeting, every cell counted, the members absent without reason too
 * often) as a CSV or XLSX download, for the API (docs/meetings.md "Figures in the API"). */
#include <string.h>
#include <unistd.h>

#include "app_int.h"
#include "app_meet_fig.h"

static const char *const show_names[] = {"cells", "missed_monthly", "missed_thematic",
					 "absentees"};

const char *meet_fig_show_name(enum meet_fig_show show)
{
	return (size_t)show < sizeof show_names / sizeof show_names[0] ? show_names[show] : "";
}

int meet_fig_show_parse(const char *s)
{
	size_t i;

	for (i = 0; s && i < sizeof show_names / sizeof show_names[0]; i++)
		if (!strcmp(s, show_names[i]))
			return (int)i;
	return -1;
}

int meet_fig_cell_shown(enum meet_fig_show show, const struct meet_fig_cell *c)
{
	if (show == MFS_MISSED_MONTHLY)
		return c->months_held < c->months;
	if (show == MFS_MISSED_THEMATIC)
		return c->quarters_thematic < c->quarters;
	return show == MFS_CELLS;
}

static const char *const cell_cols[] = {
	"org", "name", "months", "months_held", "first_missed_month", "quarters",
	"quarters_thematic", "first_missed_quarter", "meetings", "present", "expected", NULL,
};
static const char *const absentee_cols[] = {"member_id", "name", "times", "last", "org",
					    "org_name", NULL};

struct fig_export {
	struct table_out *t;
	enum meet_fig_show show;
	long rows;
};

static int cell_row(void *ctx, const struct meet_fig_cell *c)
{
	struct fig_export *x = ctx;

	if (!meet_fig_cell_shown(x->show, c))
		return 0;
	table_out_text(x->t, c->code);
	table_out_text(x->t, c->name);
	table_out_int(x->t, c->months);
	table_out_int(x->t, c->months_held);
	table_out_text(x->t, c->first_missed_month);
	table_out_int(x->t, c->quarters);
	table_out_int(x->t, c->quarters_thematic);
	table_out_text(x->t, c->first_missed_quarter);
	table_out_int(x->t, c->meetings);
	table_out_int(x->t, c->present);
	table_out_int(x->t, c->expected);
	table_out_row(x->t);
	x->rows++;
	return 0;
}

static int absentee_row(void *ctx, const struct meet_fig_absentee *r)
{
	struct fig_export *x = ctx;
	char d[DATE_STR];

	table_out_int(x->t, (long long)r->member_id);
	table_out_text(x->t, r->name);
	table_out_int(x->t, r->times);
	table_out_text(x->t, date_format(r->last_on, d));
	table_out_text(x->t, r->org_code);
	table_out_text(x->t, r->org_name);
	table_out_row(x->t);
	x->rows++;
	return 0;
}

enum err_code app_meet_fig_export(struct app *a, const struct actor *ac, const char *org_code,
				  date_t from, date_t to, int year, enum meet_fig_show show,
				  enum table_format f, int *fd, long long *len, struct err *e)
{
	struct fig_export x;
	struct meet_figures fig;
	const char *const *col;
	enum err_code rc;
	int y, m, d;

	*fd = -1;
	*len = 0;
	memset(&x, 0, sizeof x);
	x.show = show;
	if (show == MFS_ABSENTEES && !year && to != DATE_NONE) {
		date_to_ymd(to < a->today ? to : a->today, &y, &m, &d);
		year = y;
	}
	if (!(x.t = table_out_new(f, show == MFS_ABSENTEES ? "absentees" : "cells", e)))
		return e->code;
	for (col = show == MFS_ABSENTEES ? absentee_cols : cell_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = show == MFS_ABSENTEES
		     ? app_meet_fig_absentees(a, ac, org_code, year, absentee_row, &x, NULL, e)
		     : app_meet_figures(a, ac, org_code, from, to, &fig, cell_row, &x, e);
	if (rc) {
		int tfd;
		long long tlen;
		struct err tmp;

		err_init(&tmp);
		if (!table_out_finish(x.t, &tfd, &tlen, &tmp))
			close(tfd);
		err_cleanup(&tmp);
		return rc;
	}
	if ((rc = table_out_finish(x.t, fd, len, e)))
		return rc;
	rc = app_audit_bulk(a, ac, "meeting_figures.export", org_code, x.rows, "show",
			    meet_fig_show_name(show), e);
	if (rc) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}
