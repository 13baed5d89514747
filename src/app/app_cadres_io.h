/* app_cadres_io.h - key cadres in and out of files (docs/cadres.md "Imports and lists"): the
 * imports of position holders and of committees (CSV, all or nothing, every bad row with its
 * line, column and how to fix it, through the checks of the single events), and every cadres
 * list as CSV or XLSX. */
#ifndef CADRE_APP_CADRES_IO_H
#define CADRE_APP_CADRES_IO_H

#include "app.h"
#include "app_cadres.h"
#include "table_out.h"

/* Import holdings of positions from CSV (org, kind, member_id or history_no, from, decision,
 * decided_on, body, acting): each row an appointment (app_appoint's checks: the member on the
 * rolls, a seat free, R-POS-DECIDER-LEVEL). The position is the org's of that kind in force
 * on from; when there is none, opts->create_positions creates it (app_position_add, from
 * that day) and otherwise the row is refused. All or nothing (opts->rejects is refused);
 * audited per appointment and as import.holdings. */
enum err_code app_import_holdings(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e);
/* Import committees from CSV, a row a seat (org, term_start, seats, standing_seats, body,
 * decision, member or history_no, role, how): the committee of org for the term starting
 * term_start is made at its first row (app_committee_add; or one already recorded is used,
 * its seats not contradicted), then each row seats its member from the term's start
 * (app_committee_fill's checks: on the rolls of the subtree, one secretary, the seats). All
 * or nothing; audited per change and as import.committees. */
enum err_code app_import_committees(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);

/* The cadres lists a download can hold. */
enum cadres_list {
	CL_POSITIONS,   /* the positions of org on as_of */
	CL_HOLDINGS,    /* the holdings of position id (as_of DATE_NONE: its history) */
	CL_MEMBER,      /* the holdings of member id */
	CL_ROTATIONS,   /* the rotations of year in org's subtree (org NULL: the scope) */
	CL_COMMITTEES,  /* the committees of org */
	CL_CMEMBERS,    /* the members of committee id seated on as_of (DATE_NONE: every seat) */
	CL_VACANCIES,   /* the vacancy report of org's subtree on as_of */
};
struct cadres_list_query {
	enum cadres_list list;
	const char *org;
	int64_t id;
	date_t as_of;
	int year;
};
/* The list q names as CSV or XLSX in a temporary file (*fd at its start, *len bytes), with
 * the columns of the list's JSON (app_cadres.h), read with the same checks as the list. */
enum err_code app_cadres_export(struct app *a, const struct actor *ac,
				const struct cadres_list_query *q, enum table_format f, int *fd,
				long long *len, struct err *e);
/* The same written to path ("-": standard output). */
enum err_code app_cadres_export_file(struct app *a, const struct actor *ac,
				     const struct cadres_list_query *q, enum table_format f,
				     const char *path, struct err *e);

#endif
