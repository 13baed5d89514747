/* store_meeting.h - the SQL of meetings (store_meeting.c; docs/meetings.md): meetings, their
 * attendance and resolutions, the lists by subtree and period, and the roll of a day with
 * each member's status that day and whether the member was away on temporary transfer. */
#ifndef CADRE_STORE_MEETING_H
#define CADRE_STORE_MEETING_H

#include "../core/meeting.h"
#include "store.h"

/* Insert m (its row only; attendance and resolutions apart). Sets m->id. */
enum err_code store_meeting_insert(struct store *st, struct meeting *m, struct err *e);
/* Meeting id's row (org code and name, chair and secretary names, the attendance counts) into
 * m (att/res untouched); *org_pre the organisation's pre (0 when dissolved). ERR_NOTFOUND. */
enum err_code store_meeting_get(struct store *st, int64_t id, struct meeting *m, long *org_pre,
				struct err *e);
/* Set state, quorum_base (-1: NULL) and cancel_reason (NULL: unchanged) of meeting id. */
enum err_code store_meeting_set_state(struct store *st, int64_t id, enum meeting_state state,
				      long quorum_base, const char *cancel_reason, struct err *e);
/* The attendance of meeting id, names in list order, pushed into m. */
enum err_code store_meeting_att_read(struct store *st, int64_t id, struct meeting *m,
				     struct err *e);
/* Replace the attendance of meeting id by rows[0..n). */
enum err_code store_meeting_att_replace(struct store *st, int64_t id,
					const struct meet_attendance *rows, size_t n,
					struct err *e);
/* The resolutions of meeting id, by seq, pushed into m. */
enum err_code store_meeting_res_read(struct store *st, int64_t id, struct meeting *m,
				     struct err *e);
enum err_code store_meeting_res_insert(struct store *st, int64_t id,
				       const struct meet_resolution *r, struct err *e);

/* One member of a roll of the day. */
struct meet_roll_row {
	struct meet_roll_entry r;
	int64_t org_id;
	char org_code[ORG_CODE_MAX + 1];
	char name[VNAME_MAX + 1];
	char history_no[64];
};
typedef int (*store_meet_roll_cb)(void *ctx, const struct meet_roll_row *r);
/* The members on the rolls on date d of organisation org_id (pre/last 0), or of every
 * organisation whose pre lies in [pre, last] (org_id 0): the current roll since org_since and
 * the closed periods covering d (not temporary stays), each with the status that day (the
 * current status from status_since, else the closed status period covering d, else from the
 * admission dates) and temp_away (a temporary stay elsewhere under way that day), in list
 * order of the names when sorted (else in no order, for a check that sorts by id). Members
 * not on a roll that day (status removed ...) come too: callers filter with
 * meeting_expected. */
enum err_code store_meeting_roll(struct store *st, int64_t org_id, long pre, long last, date_t d,
				 int sorted, store_meet_roll_cb cb, void *ctx, struct err *e);

/* The days around d over which the roll of organisation org_id (one organisation, as
 * store_meeting_roll reads it with org_id > 0) stays as it is on d: *lo the last date on or
 * before d and *hi the first date after d at which any date the roll compares with changes
 * a comparison (a member's org_since, status_since, official and admission dates, the bounds
 * of its closed status periods and of its temporary stays, the bounds of the closed periods
 * at the organisation), for every member at the organisation now or in a closed period;
 * DATE_NONE and INT32_MAX where there is none. For d2 in [*lo, *hi) the roll of d2 is the
 * roll of d: an import that checks a year of an organisation's meetings reads it once. */
enum err_code store_meeting_roll_span(struct store *st, int64_t org_id, date_t d, date_t *lo,
				      date_t *hi, struct err *e);

/* The list query in store terms: organisations with pre in [pre, last] (and the dissolved ones
 * whose nearest active ancestor is there) or org_id alone (> 0). */
struct store_meet_q {
	int64_t org_id;
	long pre, last;
	date_t from, to;
	int kind, state;
	int64_t document_id;
};
typedef int (*store_meeting_cb)(void *ctx, const struct meeting *m);
enum err_code store_meeting_list(struct store *st, const struct store_meet_q *q, long offset,
				 long limit, store_meeting_cb cb, void *ctx, long *total,
				 struct err *e);
/* The id of the meeting of org_id on date d of kind k (not cancelled; the lowest id), 0 when
 * none. */
enum err_code store_meeting_find(struct store *st, int64_t org_id, date_t d, enum meeting_kind k,
				 int64_t *id, struct err *e);
/* Whether document id exists. */
enum err_code store_meeting_document_exists(struct store *st, int64_t id, int *yes,
					    struct err *e);

/* Every member's personal-history number (history_no, not empty) with the member's id. */
typedef int (*store_number_cb)(void *ctx, const char *number, int64_t id);
enum err_code store_meeting_numbers(struct store *st, store_number_cb cb, void *ctx,
				    struct err *e);

/* The bulk path of an attendance import: prepared once, bound per row. */
struct store_att_bulk;
struct store_att_bulk *store_att_bulk_new(struct store *st, struct err *e);
/* Drop the rows of meeting id (before its new rows). */
enum err_code store_att_bulk_clear(struct store_att_bulk *b, int64_t id, struct err *e);
/* Keep row r of meeting id; stored a chunk at a time (at the latest by store_att_bulk_clear
 * or store_att_bulk_end). */
enum err_code store_att_bulk_put(struct store_att_bulk *b, int64_t id,
				 const struct meet_attendance *r, struct err *e);
/* A bulk of many rows (a year's file): the index by member and the study's attendance triggers
 * dropped until store_att_bulk_end builds the index again, sorted, makes the triggers again and
 * counts the study coverage of the documents of the meetings written (all inside the caller's
 * transaction: a rollback undoes it all), and a larger page cache meanwhile. */
struct store_att_bulk *store_att_bulk_big(struct store *st, struct err *e);
/* Store the rows kept (every bulk ends with it), and for a big one build the index again. */
enum err_code store_att_bulk_end(struct store_att_bulk *b, struct err *e);
/* Finalise (a big bulk not ended leaves the index to the rollback). */
void store_att_bulk_free(struct store_att_bulk *b);

#endif
