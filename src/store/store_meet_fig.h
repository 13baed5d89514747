/* store_meet_fig.h - the queries behind the meeting figures (store_meet_fig.c; app/app_meet_fig.c,
 * the worklist's meeting items, the emulation cross-check). Every query starts from the
 * organisations of a subtree [pre, last] (org_pre) and reads each one's meetings through
 * meeting_org (org_id, on_date), the attendance through its primary key: per organisation,
 * never a scan of the meeting tables. */
#ifndef CADRE_STORE_MEET_FIG_H
#define CADRE_STORE_MEET_FIG_H

#include "store.h"

/* One held meeting with its attendance counted. */
struct meet_fig_row {
	int64_t id, org_id;
	date_t on_date;
	char kind[16];         /* monthly, thematic, extraordinary, study */
	long present, excused, absent, not_counted;
};
typedef int (*store_meet_fig_cb)(void *ctx, const struct meet_fig_row *r);

/* The held meetings (state 'held') of the organisations of [pre, last] dated in [from, to],
 * in no particular order; kind NULL: every kind; with_att: the attendance counted (else
 * the counts are 0 and no attendance row is read). Stops when cb returns non-zero. */
enum err_code store_meet_fig_meetings(struct store *st, long pre, long last, date_t from,
				      date_t to, const char *kind, int with_att,
				      store_meet_fig_cb cb,
				      void *ctx, struct err *e);

/* The held meetings of one organisation in [from, to] of kind (NULL: any): how many. */
enum err_code store_meet_fig_count(struct store *st, int64_t org_id, date_t from, date_t to,
				   const char *kind, long *n, struct err *e);

/* A member absent without reason (status 'absent') from held meetings of kind of the
 * organisations of [pre, last] in [from, to]: times, the member's name and the
 * organisation where it happened last. */
struct meet_fig_absentee {
	int64_t member_id;
	long times;
	char name[256];
	char org_code[64];
	char org_name[256];
	date_t last_on;
};
typedef int (*store_meet_absentee_cb)(void *ctx, const struct meet_fig_absentee *r);

/* The members absent without reason at least min times, by times (most first) then name. */
enum err_code store_meet_fig_absentees(struct store *st, long pre, long last, date_t from,
				       date_t to, const char *kind, long min,
				       store_meet_absentee_cb cb, void *ctx, struct err *e);

/* The disciplinary decisions on members of organisation org_id dated in [from, to]
 * (discipline_org): how many. */
enum err_code store_meet_fig_disciplined(struct store *st, int64_t org_id, date_t from,
					 date_t to, long *n, struct err *e);

#endif
