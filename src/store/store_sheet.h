/* store_sheet.h - the SQL of the cadre's own yearly assessment (cadre_assessment, in
 * revisions) and of the cadre's sheet (docs/cadres.md "The cadre's sheet and assessment"):
 * one read per part of the sheet, each by an index on the member. Called by
 * src/app/app_sheet.c only. */
#ifndef CADRE_STORE_SHEET_H
#define CADRE_STORE_SHEET_H

#include <stdint.h>

#include "../core/cadres.h"
#include "../core/date.h"
#include "../core/org.h"
#include "../core/vname.h"
#include "store.h"

#define ASSESS_TEXT_MAX 4000  /* the own assessment, in bytes */
#define ASSESS_NOTE_MAX 2000  /* strengths, weaknesses */

/* One revision of a cadre's own assessment of a year; current 1 for the one in force. */
struct assessment {
	int64_t id, member_id, position_id; /* position_id 0: none named */
	int year, health, revision, current; /* health 0: not given, else 1 (best) to 6 */
	char pos_kind[CADRE_KIND_MAX], pos_org_code[ORG_CODE_MAX + 1];
	char self_text[ASSESS_TEXT_MAX + 1];
	char strengths[ASSESS_NOTE_MAX + 1], weaknesses[ASSESS_NOTE_MAX + 1];
	char recorded_by[64], recorded_at[24];
};
typedef int (*store_assessment_cb)(void *ctx, const struct assessment *a);

/* Store a as the current assessment of (a->member_id, a->year): the current row of that year,
 * if any, becomes an old revision (current 0) and a is inserted with the next revision number
 * (0 for the first). a->id and a->revision are set. Call inside a transaction. */
enum err_code store_assessment_insert(struct store *st, struct assessment *a, const char *by,
				      struct err *e);
/* The revision id (ERR_NOTFOUND when none). */
enum err_code store_assessment_get(struct store *st, int64_t id, struct assessment *a,
				   struct err *e);
/* member_id's assessments, newest year first, the current revision first within a year:
 * only the current ones unless all; only years up to max_year (0: every year). */
enum err_code store_assessments(struct store *st, int64_t member_id, int all, int max_year,
				store_assessment_cb cb, void *ctx, struct err *e);

/* A position held (a holding) as the sheet shows it. */
struct sheet_post {
	int64_t holding_id, position_id, prev_holding_id;
	char kind[CADRE_KIND_MAX], kind_vi[80], kind_en[80];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int is_key, acting, to_difficult, to_border;
	date_t from, to;           /* to DATE_NONE while held */
	char how[12], decision[CADRE_DECISION_MAX + 1], end_how[12];
};
typedef int (*store_sheet_post_cb)(void *ctx, const struct sheet_post *p);
/* member_id's holdings that began on or before on, oldest first. */
enum err_code store_sheet_posts(struct store *st, int64_t member_id, date_t on,
				store_sheet_post_cb cb, void *ctx, struct err *e);

/* A seat on a committee. */
struct sheet_seat {
	int64_t committee_id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	date_t term_start, term_end, from, to;
	char role[20], how[12];
};
typedef int (*store_sheet_seat_cb)(void *ctx, const struct sheet_seat *s);
/* member_id's committee seats that began on or before on, oldest first. */
enum err_code store_sheet_seats(struct store *st, int64_t member_id, date_t on,
				store_sheet_seat_cb cb, void *ctx, struct err *e);

/* A position the member is planned for (a row of plan_successor open in the latest version). */
struct sheet_plan {
	char period[32];
	int from_year, to_year;
	int64_t position_id;
	char kind[CADRE_KIND_MAX], kind_vi[80], kind_en[80];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int rank, from_version;
};
typedef int (*store_sheet_plan_cb)(void *ctx, const struct sheet_plan *p);
/* The positions member_id is planned for (rows not closed) in periods not over by year,
 * by period then rank. */
enum err_code store_sheet_plans(struct store *st, int64_t member_id, int year,
				store_sheet_plan_cb cb, void *ctx, struct err *e);

/* A yearly review of the member (the current row of its year). */
struct sheet_review {
	int year;
	char grade[16], step[12];
};
typedef int (*store_sheet_review_cb)(void *ctx, const struct sheet_review *r);
/* member_id's reviews of years from_year..to_year (current rows), by year. */
enum err_code store_sheet_reviews(struct store *st, int64_t member_id, int from_year,
				  int to_year, store_sheet_review_cb cb, void *ctx,
				  struct err *e);
/* The latest year (up to to_year) with a current review or a current own assessment of
 * member_id (0 when none). */
enum err_code store_sheet_last_year(struct store *st, int64_t member_id, int to_year, int *year,
				    struct err *e);

/* A holder of a key position on a date, and whether the own assessment of a year exists. */
struct key_holder {
	int64_t member_id, position_id;
	char full_name[VNAME_MAX + 1], kind[CADRE_KIND_MAX], kind_vi[80], kind_en[80];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int assessed;
};
typedef int (*store_key_holder_cb)(void *ctx, const struct key_holder *k);
/* The holders of key positions in force (open) of organisations in [pre, last] on date on
 * (acting ones too; read from the organisations' pre range down, by indexes), by organisation (pre-order) then the kind's order; with missing only those without
 * a current own assessment of year. */
enum err_code store_key_holders(struct store *st, long pre, long last, date_t on, int year,
				int missing, store_key_holder_cb cb, void *ctx, struct err *e);

/* Worklist: how many members holding a key position in force of an organisation in [pre, last]
 * on date on have no current own assessment of year (by the same indexes). */
enum err_code store_assessment_missing(struct store *st, long pre, long last, date_t on,
				       int year, long *n, struct err *e);

#endif
