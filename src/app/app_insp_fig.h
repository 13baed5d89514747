/* app_insp_fig.h - seed 004's footnote 7: the inspection, supervision, discipline and
 * complaints of a subtree and period (docs/inspection.md "The footnote-7 report"), the records
 * behind each number, and the worklist's inspection counts. Every call needs the inspection
 * right (app_inspection_check) and a role over the organisation. */
#ifndef CADRE_APP_INSP_FIG_H
#define CADRE_APP_INSP_FIG_H

#include "../core/report.h"
#include "../store/store_insp_fig.h"
#include "app.h"

/* The report's tables (names stable; docs/inspection.md):
 *   insp_cases       rows BODY.ACT.TARGET (committee|inspection . inspection|signs|supervision
 *                    . orgs|members); columns total, violation, no_violation, open
 *   insp_discipline  rows TARGET.FORM; columns total, then the deciding level and body:
 *                    committee, committee_inspection, grassroots, grassroots_inspection,
 *                    subcommittee, cell
 *   insp_complaints  rows KIND.TARGET (complaint|denunciation . orgs|members); columns
 *                    received, settled, overdue
 *   insp_settlements rows KIND.TARGET; columns the outcomes
 * Each row's filter ("what=cases&body=...") selects its records (app_insp_fig_list); a
 * column adds its own parameter (app_insp_fig_cell_filter). */
struct insp_report {
	date_t from, to;
	struct insp_fig_counts c;
	struct report r;          /* the tables; r.as_of = to */
};

/* The figures of org_code's subtree (NULL or "": the actor's scope) for [from, to]
 * (DATE_NONE: 2020-01-01; today). ERR_INPUT when to is before from or after today;
 * ERR_DENIED without the inspection right; ERR_NOTFOUND for an organisation out of sight.
 * The caller frees with insp_report_cleanup (also after a failure). Counts only: not audited
 * (the lists behind them are). */
enum err_code app_insp_fig(struct app *a, const struct actor *ac, const char *org_code,
			   date_t from, date_t to, struct insp_report *out, struct err *e);
void insp_report_cleanup(struct insp_report *r);

/* The tables of a report filled from counts (the main report's "inspection" table uses
 * app_insp_fig_year). */
void insp_fig_tables(struct report *r, const struct insp_fig_counts *c);

/* The query string of the records behind a cell: the row's filter and the column's
 * parameter (out holds at least 160 bytes). */
void app_insp_fig_cell_filter(const char *table, const struct report_row *w, const char *col,
			      char *out, size_t n);

/* Parse a drill-down filter from its parameters (get(ctx, name) returns a value or NULL):
 * what=cases|discipline|complaints|late|notice|revisions, body, act, target, result, form,
 * level, kind, stage=received|settled|overdue, outcome. ERR_INPUT naming the parameter. */
typedef const char *(*insp_fig_param_fn)(void *ctx, const char *name);
enum err_code app_insp_fig_filter(insp_fig_param_fn get, void *ctx, struct insp_fig_filter *f,
				  struct err *e);
/* The filter as query parameters (without from/to/org). */
void app_insp_fig_filter_str(const struct insp_fig_filter *f, char *out, size_t n);

/* The records behind a number: rows of org_code's subtree and [from, to] matching f, from
 * offset, limit rows (< 0: all); *total gets how many match. Audited "report.inspection_list". */
enum err_code app_insp_fig_list(struct app *a, const struct actor *ac, const char *org_code,
				date_t from, date_t to, const struct insp_fig_filter *f,
				long limit, long offset, long *total, store_insp_fig_item_cb cb,
				void *ctx, struct err *e);

/* The list as a CSV or XLSX download (table_out.h): *fd, *len as table_out_finish. */
enum err_code app_insp_fig_list_table(struct app *a, const struct actor *ac,
				      const char *org_code, date_t from, date_t to,
				      const struct insp_fig_filter *f, int xlsx, int *fd,
				      long long *len, struct err *e);

/* The worklist's counts over [pre, last] (the caller checked the scope): all 0 without the
 * inspection right. */
enum err_code app_insp_fig_work(struct app *a, const struct actor *ac, long pre, long last,
				struct insp_fig_work *w, struct err *e);

/* The main report's table "inspection" for year over [pre, last] (org_id for the right): the
 * year's cases, discipline and complaints in a few rows; added only when the actor holds
 * the inspection right. */
enum err_code app_insp_fig_year(struct app *a, const struct actor *ac, int64_t org_id,
				long pre, long last, int year, struct report *r, struct err *e);

#endif
