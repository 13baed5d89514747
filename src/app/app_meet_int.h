/* app_meet_int.h - what the meeting files of the app layer share (app_meeting.c,
 * app_meet_import.c, demo_meet.c); not for callers outside src/app. */
#ifndef CADRE_APP_MEET_INT_H
#define CADRE_APP_MEET_INT_H

#include "../store/store_meeting.h"
#include "app_meeting.h"

/* The members of a roll of a day (store_meeting_roll's rows). all: keep the members not on a
 * roll that day too (else only those meeting_expected). */
struct roll_vec {
	struct meet_roll_row *v;
	size_t n, cap;
	int all;
	int sorted; /* in list order of the names (else in no order) */
};
/* What meet_check_attendance works in, kept by a caller that checks many meetings (an import)
 * so that nothing is allocated a meeting: out[0..n) the rows to store. meet_att_buf_free. */
struct meet_att_buf {
	struct meet_attendance *out;
	enum attend_status *st;
	unsigned char *seen;
	size_t n, cap, seen_cap;
};
void meet_att_buf_free(struct meet_att_buf *b);
/* Meeting id's row (no attendance or resolutions) if the actor can see its organisation,
 * else ERR_NOTFOUND as for an id never used. */
enum err_code meet_lookup(struct app *a, const struct actor *ac, int64_t id, struct meeting *m,
			  struct err *e);
/* The members expected at meeting m (its organisation's roll on its date; a study session:
 * the rolls of the organiser's subtree that day) appended to l, in list order. */
enum err_code meet_roll_of(struct app *a, const struct meeting *m, struct roll_vec *l,
			   struct err *e);
/* qsort order of roll rows by member id. */
int meet_roll_cmp_id(const void *x, const void *y);
/* Check the attendance rows[0..n) of meeting m against its roll l (left sorted by id;
 * lines[i]: the input line of row i, NULL: line for all; line also names the problem of a
 * member missing): every problem into e. b->out[0..b->n) what is stored, *base the quorum's
 * count. */
void meet_check_attendance(const struct meeting *m, struct roll_vec *l,
			   const struct meet_attendance *rows, size_t n, const long *lines,
			   long line, struct meet_att_buf *b, long *base, struct err *e);
/* app_meeting_add's body inside the caller's transaction. line > 0: a row of an import (the
 * problems name it, no audit entry: the import writes one). */
enum err_code meet_add_tx(struct app *a, const struct actor *ac, struct meeting *m, long line,
			  struct err *e);

#endif
