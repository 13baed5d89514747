/* cmd_meet_fig.c - 'cadre meeting figures': the meeting figures of a subtree for a period
 * (app_meet_fig.c; docs/meetings.md "Figures"), and with --show the cells or members behind
 * them; as text or --json. */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../app/app_meet_fig.h"
#include "cli.h"

struct fig_out {
	struct cli *c;
	const char *show;
	json_t *arr;
};

static int cell_out(void *ctx, const struct meet_fig_cell *x)
{
	struct fig_out *o = ctx;

	if (!strcmp(o->show, "missed_monthly") && x->months_held >= x->months)
		return 0;
	if (!strcmp(o->show, "missed_thematic") && x->quarters_thematic >= x->quarters)
		return 0;
	if (o->arr) {
		json_array_append_new(
			o->arr, json_pack("{s:s,s:s,s:i,s:i,s:s,s:i,s:i,s:s,s:i,s:i,s:i}", "org",
					  x->code, "name", x->name, "months", (int)x->months,
					  "months_held", (int)x->months_held, "first_missed_month",
					  x->first_missed_month, "quarters", (int)x->quarters,
					  "quarters_thematic", (int)x->quarters_thematic,
					  "first_missed_quarter", x->first_missed_quarter, "meetings",
					  (int)x->meetings, "present", (int)x->present, "expected",
					  (int)x->expected));
		return 0;
	}
	printf("%-16s %2ld/%-2ld %-8s %ld/%ld %-8s %4ld %ld/%ld  %s\n", x->code, x->months_held,
	       x->months, x->first_missed_month[0] ? x->first_missed_month : "-",
	       x->quarters_thematic, x->quarters,
	       x->first_missed_quarter[0] ? x->first_missed_quarter : "-", x->meetings,
	       x->present, x->expected, x->name);
	return 0;
}

static int absentee_out(void *ctx, const struct meet_fig_absentee *a)
{
	struct fig_out *o = ctx;
	char d[DATE_STR];

	date_format(a->last_on, d);
	if (o->arr) {
		json_array_append_new(o->arr, json_pack("{s:I,s:s,s:i,s:s,s:s}", "member_id",
							(json_int_t)a->member_id, "name", a->name,
							"times", (int)a->times, "last", d, "org",
							a->org_code));
		return 0;
	}
	printf("%-8lld %3ld  %s  %-16s %s\n", (long long)a->member_id, a->times, d, a->org_code,
	       a->name);
	return 0;
}

int cmd_meeting_figures(struct cli *c, int npos, char **pos)
{
	const char *org = OPT(c, "org") ? OPT(c, "org") : "", *show = OPT(c, "show");
	struct meet_figures f;
	struct fig_out o;
	date_t from = DATE_NONE, to = DATE_NONE;
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	json_t *j = NULL;
	long max = 0;

	(void)npos;
	(void)pos;
	if (OPT(c, "from"))
		cli_date(c, "from", OPT(c, "from"), &from);
	if (OPT(c, "to"))
		cli_date(c, "to", OPT(c, "to"), &to);
	if (show && strcmp(show, "cells") && strcmp(show, "missed_monthly") &&
	    strcmp(show, "missed_thematic") && strcmp(show, "absentees"))
		err_add(&c->e, ERR_USAGE, 0, "show", show, NULL,
			"--show must be one of: cells, missed_monthly, missed_thematic, absentees");
	if (c->e.code ||
	    app_meet_figures(&c->app, &c->actor, org, from, to, &f, NULL, NULL, &c->e))
		return cli_fail(c);
	memset(&o, 0, sizeof o);
	o.c = c;
	o.show = show ? show : "";
	if (c->json) {
		j = json_pack("{s:s,s:s,s:s,s:s,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,"
			      "s:i,s:i,s:i,s:i,s:i,s:i}",
			      "org", org, "from", date_format(f.from, d1), "to",
			      date_format(f.to, d2), "end", date_format(f.end, d3), "cells",
			      (int)f.cells, "cells_every_month", (int)f.cells_every_month,
			      "cell_months", (int)f.cell_months, "cell_months_held",
			      (int)f.cell_months_held, "cells_q", (int)f.cells_q,
			      "cells_every_quarter", (int)f.cells_every_quarter, "cell_quarters",
			      (int)f.cell_quarters, "cell_quarters_thematic",
			      (int)f.cell_quarters_thematic, "meetings", (int)f.meetings, "monthly",
			      (int)f.monthly, "thematic", (int)f.thematic, "present", (int)f.present,
			      "expected", (int)f.expected, "excused", (int)f.excused, "absent",
			      (int)f.absent, "absent_max", (int)f.absent_max, "absentees",
			      (int)f.absentees, "year", f.year);
		if (show) {
			o.arr = json_array();
			json_object_set_new(j, "show", json_string(show));
		}
	} else {
		printf("%s %s .. %s (counted to %s)\n", org[0] ? org : "-",
		       date_format(f.from, d1), date_format(f.to, d2), date_format(f.end, d3));
		printf("cells that held their monthly meeting every month (R-MEETING-MONTHLY): "
		       "%ld of %ld\n", f.cells_every_month, f.cells);
		printf("cell-months with the monthly meeting held: %ld of %ld\n", f.cell_months_held,
		       f.cell_months);
		printf("cells with a thematic meeting every quarter (R-MEETING-THEMATIC-QUARTER): "
		       "%ld of %ld\n", f.cells_every_quarter, f.cells_q);
		printf("cell-quarters with a thematic meeting: %ld of %ld\n",
		       f.cell_quarters_thematic, f.cell_quarters);
		printf("meetings held: %ld (monthly %ld, thematic %ld)\n", f.meetings, f.monthly,
		       f.thematic);
		printf("attendance: %ld present of %ld expected (%ld excused, %ld absent)\n",
		       f.present, f.expected, f.excused, f.absent);
		printf("members absent without reason at least %ld times in %d "
		       "(R-MEETING-ABSENT-MAX): %ld\n", f.absent_max, f.year, f.absentees);
		if (show)
			printf("\n");
	}
	if (show && !strcmp(show, "absentees")) {
		if (app_meet_fig_absentees(&c->app, &c->actor, org, f.year, absentee_out, &o, &max,
					   &c->e))
			goto fail;
	} else if (show) {
		if (app_meet_figures(&c->app, &c->actor, org, from, to, &f, cell_out, &o, &c->e))
			goto fail;
	}
	if (j) {
		if (o.arr)
			json_object_set_new(j, "behind", o.arr);
		cli_json_out(j);
	}
	return 0;
fail:
	json_decref(o.arr);
	json_decref(j);
	return cli_fail(c);
}
