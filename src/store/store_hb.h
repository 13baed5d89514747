/* store_hb.h - the store of the members' handbook: member accounts with their activation
 * codes, and the individual action plans (docs/handbook.md). */
#ifndef CADRE_STORE_HB_H
#define CADRE_STORE_HB_H

#include "store.h"

#define HB_CODE_HASH 32
#define HB_PLAN_MAX 4000 /* bytes of commitments or of results */

/* A member of a cell's roll as the bulk creation of accounts sees it. */
struct hb_roll_row {
	int64_t member_id;
	char full_name[VNAME_MAX + 1];
	char given[VNAME_MAX + 1];
	int64_t account_id;    /* 0: no account yet */
	char login[64];        /* the account's name, when there is one */
	int activated;
};
typedef int (*store_hb_roll_cb)(void *ctx, const struct hb_roll_row *r);
/* The members on the roll of organisation org_id (the active statuses), by name, each with
 * its member account when it has one. */
enum err_code store_hb_roll(struct store *st, int64_t org_id, store_hb_roll_cb cb, void *ctx,
			    struct err *e);

/* A member account's binding and its code. */
struct hb_binding {
	int64_t account_id, member_id;
	int has_code;                       /* a code not yet used */
	unsigned char code_hash[HB_CODE_HASH];
	date_t code_expires;
	int activated;
};
/* Bind account_id to member_id with a code (hash) good to expires. */
enum err_code store_hb_bind(struct store *st, int64_t account_id, int64_t member_id,
			    const unsigned char hash[HB_CODE_HASH], date_t expires,
			    const char *by, struct err *e);
/* A new code for an account not yet activated (ERR_NOTFOUND when it is activated). */
enum err_code store_hb_code_set(struct store *st, int64_t account_id,
				const unsigned char hash[HB_CODE_HASH], date_t expires,
				struct err *e);
/* The binding of account_id, ERR_NOTFOUND when it is no member account. */
enum err_code store_hb_binding(struct store *st, int64_t account_id, struct hb_binding *b,
			       struct err *e);
/* Use the code of account_id: its password becomes password_hash and the code is gone, in
 * one statement that finds the code still there (ERR_NOTFOUND when it is not: used since,
 * by a parallel request). */
enum err_code store_hb_activate(struct store *st, int64_t account_id, const char *password_hash,
				struct err *e);

/* A member's individual action plan for a year. */
struct hb_plan {
	int64_t member_id;
	int year;
	char commitments[HB_PLAN_MAX + 1];
	char results[HB_PLAN_MAX + 1];
	date_t written_on, reported_on; /* reported_on DATE_NONE: no results yet */
	char updated_by[64];
};
/* ERR_NOTFOUND when the member has no plan for year. */
enum err_code store_hb_plan_get(struct store *st, int64_t member_id, int year,
				struct hb_plan *p, struct err *e);
/* Write the commitments of (member, year) (a new plan, or the commitments changed). */
enum err_code store_hb_plan_write(struct store *st, int64_t member_id, int year,
				  const char *commitments, date_t on, const char *by,
				  struct err *e);
/* Report the results of an existing plan (ERR_NOTFOUND when there is none). */
enum err_code store_hb_plan_report(struct store *st, int64_t member_id, int year,
				   const char *results, date_t on, const char *by,
				   struct err *e);
typedef int (*store_hb_plan_cb)(void *ctx, const struct hb_plan *p);
/* Every plan of a member, newest year first. */
enum err_code store_hb_plans(struct store *st, int64_t member_id, store_hb_plan_cb cb,
			     void *ctx, struct err *e);
/* The plans of year of the members on the roll of org_id: cb(member_id, reported). */
enum err_code store_hb_plan_states(struct store *st, int64_t org_id, int year,
				   int (*cb)(void *ctx, int64_t member_id, int reported),
				   void *ctx, struct err *e);
/* The self-assessment of member_id for year (the latest), and whether the year is decided:
 * *score -1 and *grade -1 when none. */
enum err_code store_hb_review_state(struct store *st, int64_t member_id, int year, int *score,
				    int *grade, int *decided, struct err *e);

/* A meeting as a member's handbook shows it: of the member's own cell, or one the member is
 * listed at (a study session of any organiser); with the member's own attendance. */
struct hb_meeting {
	int64_t id;
	date_t on_date;
	int starts_min, ends_min;
	char kind[16], state[12];
	char topic[400], agenda[2000];
	char org_name[ORG_NAME_MAX * 2 + 1];
	char status[16]; /* the member's own: present|excused|absent|not_counted, "" none */
	char reason[200];
};
typedef int (*store_hb_meeting_cb)(void *ctx, const struct hb_meeting *m);
/* The meetings of org_id (the member's cell) and those member_id is listed at, dated from..to
 * (inclusive), by date (descending when desc), not cancelled, at most limit (0: all). By the
 * indexes meeting_org and meeting_attendance_member. */
enum err_code store_hb_meetings(struct store *st, int64_t member_id, int64_t org_id,
				date_t from, date_t to, int desc, long limit,
				store_hb_meeting_cb cb, void *ctx, struct err *e);
/* One of those meetings (ERR_NOTFOUND when id is neither of the cell nor one the member is
 * listed at). */
enum err_code store_hb_meeting(struct store *st, int64_t member_id, int64_t org_id, int64_t id,
			       struct hb_meeting *m, struct err *e);
/* The names and statuses of meeting id's attendance, in name order. */
enum err_code store_hb_meeting_att(struct store *st, int64_t id,
				   int (*cb)(void *ctx, const char *name, const char *status),
				   void *ctx, struct err *e);

/* A document a member is to study: a study plan's audience (tier all or grassroots members)
 * holds the member's cell; with whether the member is covered (present at a session, or
 * confirmed) and the day the member confirmed (DATE_NONE: not confirmed). */
struct hb_doc {
	int64_t id;
	char number[64], title[400];
	date_t issued_on, deadline, confirmed_on;
	int covered;
};
typedef int (*store_hb_doc_cb)(void *ctx, const struct hb_doc *d);
/* The documents for member_id of the cell cell_id, newest first. */
enum err_code store_hb_docs(struct store *st, int64_t member_id, int64_t cell_id,
			    store_hb_doc_cb cb, void *ctx, struct err *e);

#endif
