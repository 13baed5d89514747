/* store_complaint.h - the SQL of the register of complaints and denunciations, and of the
 * discipline rows a settlement changes (docs/inspection.md "Complaints and denunciations"). */
#ifndef CADRE_STORE_COMPLAINT_H
#define CADRE_STORE_COMPLAINT_H

#include "../core/complaint.h"
#include "../core/text.h"
#include "store.h"

#define COMPLAINT_NAME_MAX 200

/* One row of the register, with the codes and names it refers to. */
struct complaint_row {
	int64_t id;
	int kind;                       /* enum complaint_kind */
	int64_t discipline_id;          /* a complaint's discipline, else 0 */
	int64_t org_id;                 /* the complainant's or the denounced's organisation */
	int64_t member_id;              /* the member concerned, else 0 */
	char from_name[COMPLAINT_NAME_MAX + 1]; /* who lodged it ("" : the one disciplined) */
	int64_t to_body_org_id;         /* the body it is lodged with */
	date_t lodged_on, due_on;
	char content[TEXT_REASON_MAX + 1];
	int state;                      /* enum complaint_state */
	int outcome;                    /* enum complaint_outcome, -1 none */
	date_t settled_on;              /* settled or withdrawn on; 0 while open */
	char settlement_no[64];
	char settlement[TEXT_REASON_MAX + 1];
	int64_t new_discipline_id;      /* reduced or raised: the new decision, else 0 */
	char by[64], recorded_at[32];
	/* read only */
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char body_code[ORG_CODE_MAX + 1], body_name[ORG_NAME_MAX * 2 + 1];
	char member_name[VNAME_MAX + 1];
	long org_pre;                   /* the organisation's pre-order number (0: dissolved) */
};

/* What a walk reads: organisations with pre in [pre, last]; kind/state -1 any; lodged_on in
 * [from, to] (0: open); overdue_on > 0: only open ones with due_on < overdue_on;
 * discipline_id > 0: only the complaints against it (pre/last then ignored). */
struct complaint_filter {
	long pre, last;
	int kind, state;
	date_t from, to, overdue_on;
	int64_t discipline_id;
};
typedef int (*store_complaint_cb)(void *ctx, const struct complaint_row *c);

/* Insert c (state open, no outcome); c->id set. */
enum err_code store_complaint_insert(struct store *st, struct complaint_row *c, struct err *e);
/* The row id (ERR_NOTFOUND). */
enum err_code store_complaint_get(struct store *st, int64_t id, struct complaint_row *c,
				  struct err *e);
/* Close the open row c->id with c's state (settled or withdrawn), outcome, settled_on,
 * settlement_no, settlement, new_discipline_id. ERR_RULE when it is no longer open. */
enum err_code store_complaint_close(struct store *st, const struct complaint_row *c,
				    struct err *e);
/* The rows f picks, newest lodged first, to cb (non-zero stops). */
enum err_code store_complaint_walk(struct store *st, const struct complaint_filter *f,
				   store_complaint_cb cb, void *ctx, struct err *e);

/* One discipline row by id, read as store_discipline_list reads them (ERR_NOTFOUND). */
enum err_code store_complaint_discipline(struct store *st, int64_t id, struct discipline_row *d,
				   struct err *e);
/* The rows that replace id (replaces_id = id), and id's own chain back: every row of the
 * history of decision id (the first decision and each change), oldest first. */
enum err_code store_discipline_history(struct store *st, int64_t id, store_discipline_cb cb,
				       void *ctx, struct err *e);
/* End the discipline in force id: state ("annulled" or "changed") and ended_on. ERR_RULE
 * when it is not in force. */
enum err_code store_discipline_end(struct store *st, int64_t id, const char *state,
				   date_t ended_on, struct err *e);

#endif
