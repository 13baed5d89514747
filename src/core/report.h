/* report.h - a report of figures: named tables of counts, each count with the base of its
 * percentage, ready to be shown as a table, a chart, JSON, CSV or a workbook.
 *
 * The app layer fills a report (app_report); the CLI, the API and the pages only present it.
 * Names are English snake_case and stable (scripts read them); labels are English and the
 * web layer translates them. A table is a matrix: rows (a status, an age band, a
 * sub-organisation, a year) by columns (usually "count" and "percent", or the four grades).
 * Each cell holds a count and the base its percentage is taken of (base 0: no percentage). */
#ifndef CADRE_REPORT_H
#define CADRE_REPORT_H

#include <stddef.h>

#include "date.h"

#define REPORT_NAME_MAX 48
#define REPORT_LABEL_MAX 200
#define REPORT_COLS_MAX 8

/* How a table is best drawn (the pages choose a chart from it). */
enum report_chart {
	RC_NONE,
	RC_BARS,    /* one bar per row (counts of column 0) */
	RC_STACKED, /* one stacked bar per row, a segment per column (grades by sub-unit) */
	RC_TREND    /* rows are years: one line per column */
};

struct report_cell {
	long count;
	long base;  /* percentage = count / base; 0: none */
};

struct report_row {
	char key[REPORT_NAME_MAX];       /* stable: "official", "30_39", "P014", "2025" */
	char label[REPORT_LABEL_MAX];    /* shown: "official", "30-39", an organisation's name */
	/* The records behind the row's figures, as a filter of the member list or the
	 * organisation list (app_report_members / app_report_orgs): "" when the row has none
	 * (a total of another table, a headcount that is not a party record). */
	char filter[REPORT_NAME_MAX + 24];
	struct report_cell c[REPORT_COLS_MAX];
};

struct report_table {
	char name[REPORT_NAME_MAX];      /* "members_by_status" */
	char title[REPORT_LABEL_MAX];    /* "Members by status" */
	char note[REPORT_LABEL_MAX * 2]; /* how it is counted, shown under the table ("" none) */
	enum report_chart chart;
	/* whether the rows' filters select members (1) or organisations (0) */
	int member_rows;
	size_t ncol;
	char col[REPORT_COLS_MAX][REPORT_NAME_MAX]; /* "count", "percent" is implied by base */
	char col_label[REPORT_COLS_MAX][REPORT_NAME_MAX];
	size_t nrow, cap;
	struct report_row *rows;
};

struct report {
	char org_code[40];
	char org_name[404];
	date_t as_of;      /* the date the membership figures are for */
	int year;          /* the review year, admissions and transfers */
	char made_by[64];  /* who asked (shown on paper) */
	char made_at[24];  /* when, UTC, YYYY-MM-DDTHH:MM:SSZ */
	size_t n, cap;
	struct report_table *t;
};

void report_init(struct report *r);
void report_cleanup(struct report *r);
/* Add a table with ncol columns named by cols[] and labelled by labels[]; returns it. */
struct report_table *report_table_add(struct report *r, const char *name, const char *title,
				      enum report_chart chart, size_t ncol,
				      const char *const *cols, const char *const *labels);
/* Add a row (all cells zero); returns it. */
struct report_row *report_row_add(struct report_table *t, const char *key, const char *label,
				  const char *filter);
/* The table named name, or NULL. */
const struct report_table *report_find(const struct report *r, const char *name);
/* The row keyed key in t, or NULL. */
const struct report_row *report_row_find(const struct report_table *t, const char *key);
/* What a row's filter selects: "organisations" (org_grade=, grassroots_grade=, kind=,
 * standing_board=, disciplined=org), "cases" (the admission figures' adm_... filters: the
 * people of admission cases), "meetings" (meet_show=: the cells or members behind a meeting
 * figure, on the meeting figures' page), "study" (study_missing=ID: the organisations that have
 * not studied document ID, on its coverage page), "training" (training_kind=: the training
 * records of the year), "cadres" (cadre_state=: the vacancy report's rows in that state;
 * cadre_rotation=all|border|difficult: the rotations of the year), "inspection" (what=...:
 * the inspection report's records of the year), "members" for any other
 * filter, "" when it has none. */
const char *report_row_records(const struct report_row *w);
/* A percentage rounded half away from zero to 2 decimals, in hundredths (2270 = 22.70%);
 * 10000 (100%) only when count is base (a count short of it gives at most 9999); -1 when
 * base is 0. Integer arithmetic: the same figure everywhere it is shown. */
long report_pct100(long count, long base);
/* Write a percentage as text, "22.70" (at most 2 decimals, trailing zeros kept), or "" when
 * base is 0; out holds at least 16 bytes. */
void report_pct_str(long count, long base, char *out, size_t n);

#endif
