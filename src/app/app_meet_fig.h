/* app_meet_fig.h - the meeting figures of a subtree and period (DOMAIN §7; docs/meetings.md
 * "Figures"): cells that held their monthly meeting every month (R-MEETING-MONTHLY) and the
 * share of cell-months on time, thematic meetings per quarter (R-MEETING-THEMATIC-QUARTER),
 * the attendance rate, the members absent without reason at least R-MEETING-ABSENT-MAX times
 * in the year; with the cells and members behind each figure, the worklist's meeting items
 * and the counts the emulation cross-check uses. */
#ifndef CADRE_APP_MEET_FIG_H
#define CADRE_APP_MEET_FIG_H

#include "../store/store_meet_fig.h"
#include "app.h"
#include "table_out.h"

/* The emulation cross-check's rule (migration of mweb, docs/meetings.md): the criteria
 * counted from the records. */
#define R_EMULATION_COUNTED "R-EMULATION-COUNTED"

/* The figures of [from, to]. A month is counted for a cell when it ended before end (today,
 * or to when earlier) and the cell was active on its last day; it is "held" when the cell
 * held at least R-MEETING-MONTHLY monthly meetings dated in it (in force on that last day).
 * Quarters likewise with thematic meetings and R-MEETING-THEMATIC-QUARTER (a quarter before
 * the rule came is not counted). Meetings, thematic and attendance are the held meetings
 * dated in [from, end] of every organisation of the subtree (not cells only): expected is
 * every member listed but those not counted (temporary transfer, exempted, suspended).
 * Absentees: members absent without reason from monthly meetings of the subtree at least
 * R-MEETING-ABSENT-MAX times in the calendar year of end. */
struct meet_figures {
	date_t from, to, end;
	long cells;             /* cells with at least one month counted */
	long cells_every_month; /* ... that held every month counted */
	long cell_months, cell_months_held;
	long cells_q;           /* cells with at least one quarter counted */
	long cells_every_quarter;
	long cell_quarters, cell_quarters_thematic;
	long meetings, monthly, thematic;
	long present, expected, excused, absent;
	long absent_max;        /* R-MEETING-ABSENT-MAX in force on end (0: not in force) */
	long absentees;
	int year;               /* the absentees' year */
};

/* One cell's part of the figures (the drill-down). */
struct meet_fig_cell {
	int64_t id;
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	long months, months_held, quarters, quarters_thematic;
	long meetings, present, expected;
	/* the first month counted and not held ("" none), YYYY-MM; the first quarter YYYY-Qn */
	char first_missed_month[16], first_missed_quarter[16];
};
typedef int (*meet_fig_cell_cb)(void *ctx, const struct meet_fig_cell *c);

/* What app_meet_figures_range reads besides the months and quarters of the cells. */
#define MF_ATTENDANCE 1 /* present, expected ... (every attendance row of the period) */
#define MF_ABSENTEES 2  /* the absentees of the year (the absences alone) */
#define MF_ALL (MF_ATTENDANCE | MF_ABSENTEES)

/* The figures of [pre, last] (already checked against the actor's scope); what: MF_...
 * (the fields not read stay 0). cell_cb, when not NULL, receives every cell counted, in
 * pre-order. */
enum err_code app_meet_figures_range(struct app *a, long pre, long last, date_t from,
				     date_t to, int what, struct meet_figures *f,
				     meet_fig_cell_cb cell_cb,
				     void *ctx, struct err *e);

/* The figures of org_code's subtree (NULL or "": the actor's scope) for [from, to]
 * (DATE_NONE: 1 January of today's year; today). ERR_INPUT for a period that ends before
 * it starts or spans more than 10 years. cell_cb as above. */
enum err_code app_meet_figures(struct app *a, const struct actor *ac, const char *org_code,
			       date_t from, date_t to, struct meet_figures *f,
			       meet_fig_cell_cb cell_cb, void *ctx, struct err *e);

/* The members behind f->absentees: absent without reason from monthly meetings of the
 * subtree at least R-MEETING-ABSENT-MAX times in year (0: this year), most first. One audit
 * entry "report.meeting_absentees" for the list. *max receives the rule's value. */
typedef int (*meet_fig_absentee_cb)(void *ctx, const struct meet_fig_absentee *r);
enum err_code app_meet_fig_absentees(struct app *a, const struct actor *ac,
				     const char *org_code, int year, meet_fig_absentee_cb cb,
				     void *ctx, long *max, struct err *e);

/* The counts of one cell for the emulation cross-check of year: months counted and held,
 * quarters counted and with a thematic meeting, meetings held (any kind), and the members
 * of the cell disciplined in the year. No scope check (the caller has made it). */
struct meet_cell_year {
	long months, months_held, quarters, quarters_thematic, meetings, disciplined;
};
enum err_code app_meet_cell_year(struct app *a, const struct org *cell, int year,
				 struct meet_cell_year *y, struct err *e);

/* What the records count of one criterion of an emulation model. */
enum meet_check { MC_NONE = 0, MC_NO_DISCIPLINE, MC_MONTHLY, MC_THEMATIC, MC_MEETINGS };
struct meet_counted {
	enum meet_check check; /* MC_NONE: the records do not count this criterion */
	int met;               /* 1 met, 0 not met, -1 not counted (no meeting of the year
				* recorded, for the meeting checks) */
};

/* The criteria criteria[0..n) of an emulation model counted from the records of cell for
 * year (R-EMULATION-COUNTED in force on 31 December of year names which, by words in them):
 * out[i] for each; *y the counts (app_meet_cell_year). */
enum err_code app_meet_counted(struct app *a, const struct org *cell, int year,
			       const char *const *criteria, size_t n, struct meet_counted *out,
			       struct meet_cell_year *y, struct err *e);

/* ---- the lists behind the figures (app_meet_fig_export.c; the API and downloads) -------- */

/* What a list behind the figures shows: every cell counted, the cells that missed a monthly
 * meeting (a month counted and not held), those that missed a quarter's thematic meeting,
 * or the members absent without reason too often (app_meet_fig_absentees). */
enum meet_fig_show { MFS_CELLS, MFS_MISSED_MONTHLY, MFS_MISSED_THEMATIC, MFS_ABSENTEES };
#define MEET_FIG_SHOWS "cells, missed_monthly, missed_thematic, absentees"
/* The name of show ("cells" ...), and the show named s (-1: none). */
const char *meet_fig_show_name(enum meet_fig_show show);
int meet_fig_show_parse(const char *s);
/* Whether cell c belongs to the list show (MFS_CELLS: every one). */
int meet_fig_cell_shown(enum meet_fig_show show, const struct meet_fig_cell *c);

/* The list show of org_code's subtree as a CSV or XLSX table in a private temporary file
 * (*fd open at its start, the caller closes it; *len its size): the cells of [from, to]
 * (columns org, name, months, months_held, first_missed_month, quarters, quarters_thematic,
 * first_missed_quarter, meetings, present, expected), or the absentees of year (0: the
 * year of to; columns member_id, name, times, last, org, org_name). Scope as
 * app_meet_figures; one audit entry "meeting_figures.export" (the absentees' list adds its
 * own "report.meeting_absentees"). */
enum err_code app_meet_fig_export(struct app *a, const struct actor *ac, const char *org_code,
				  date_t from, date_t to, int year, enum meet_fig_show show,
				  enum table_format f, int *fd, long long *len, struct err *e);

#endif
