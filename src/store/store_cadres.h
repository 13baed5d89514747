/* store_cadres.h - the records of key cadres (issue 13, docs/cadres.md) and their SQL: the
 * catalogue of position kinds, positions of organisations, the organisations' flags,
 * holdings of positions (dated intervals with their decisions), committees per term with
 * their members, rotations and the vacancy report's rows. Called by src/app/app_cadres.c
 * only. */
#ifndef CADRE_STORE_CADRES_H
#define CADRE_STORE_CADRES_H

#include <stdint.h>

#include "../core/cadres.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../core/org.h"
#include "../core/vname.h"
#include "store.h"

struct position_kind {
	char code[CADRE_KIND_MAX], side[8], pair[CADRE_KIND_MAX];
	char name_vi[80], name_en[80];
	int key, multi, ord;
};
typedef int (*store_pkind_cb)(void *ctx, const struct position_kind *k);

/* A position of an organisation, with its kind's names and the organisation's place. */
struct position {
	int64_t id, org_id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1], org_kind[16];
	char grassroots_type[24];
	long org_pre, org_last;
	int org_depth;
	date_t org_dissolved;
	char kind[CADRE_KIND_MAX], side[8], kind_vi[80], kind_en[80];
	int is_key;
	long seats;
	date_t valid_from, valid_to;
};
typedef int (*store_position_cb)(void *ctx, const struct position *p);

/* One holding of a position: [valid_from, valid_to), valid_to DATE_NONE while open. */
struct holding {
	int64_t id, position_id, member_id;
	char member_name[VNAME_MAX + 1];
	int holder_left;   /* the holder left the rolls (status) by the date asked */
	char pos_kind[CADRE_KIND_MAX], org_code[ORG_CODE_MAX + 1];
	int acting;
	date_t valid_from, valid_to;
	char how[12];
	char decision[CADRE_DECISION_MAX + 1];
	date_t decided_on;
	int64_t body_org_id;
	char body_code[ORG_CODE_MAX + 1];
	int64_t prev_holding_id;
	int to_difficult, to_border;
	char end_how[12], end_reason[401], end_decision[CADRE_DECISION_MAX + 1];
	date_t end_decided_on;
	char end_body_code[ORG_CODE_MAX + 1];
	int64_t end_body_org_id;
	char recorded_by[64];
};
typedef int (*store_holding_cb)(void *ctx, const struct holding *h);

struct org_flag {
	int64_t org_id;
	char flag[12];
	date_t valid_from, valid_to;
	char decision[CADRE_DECISION_MAX + 1];
};
typedef int (*store_flag_cb)(void *ctx, const struct org_flag *f);

struct committee {
	int64_t id, org_id;
	char org_code[ORG_CODE_MAX + 1];
	date_t term_start, term_end;
	long seats, standing_seats;
	char decision[CADRE_DECISION_MAX + 1];
	int64_t body_org_id;
	char body_code[ORG_CODE_MAX + 1];
	long members, standing; /* on the committee on the date asked (store_committee_count) */
};
typedef int (*store_committee_cb)(void *ctx, const struct committee *c);

struct committee_member {
	int64_t id, committee_id, member_id;
	char member_name[VNAME_MAX + 1];
	char role[20];
	date_t valid_from, valid_to;
	char how[12], decision[CADRE_DECISION_MAX + 1], end_reason[401];
};
typedef int (*store_cmember_cb)(void *ctx, const struct committee_member *m);

/* One row of the vacancy report: a key position short of holders on the date, or a
 * committee below its seats. */
struct vacancy {
	char what[12];      /* "position" or "committee" */
	int64_t id;         /* the position's or the committee's */
	int64_t org_id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	long org_pre;
	char kind[CADRE_KIND_MAX];  /* position kind; "" for a committee */
	char state[16];     /* vacant, acting, understaffed */
	long seats, filled, acting; /* a committee: seats and members */
	long standing_seats, standing;
	date_t since;
	int border, difficult, combat, priority;
	/* planning (app_plan_vacancy_fill): successors planned in the current period and of
	 * them those meeting every criterion; -1 when not shown (no personnel right, no
	 * period, a committee) */
	long successors, ready;
};
typedef int (*store_vacancy_cb)(void *ctx, const struct vacancy *v);

enum err_code store_pkinds(struct store *st, store_pkind_cb cb, void *ctx, struct err *e);
enum err_code store_pkind_get(struct store *st, const char *code, struct position_kind *k,
			      struct err *e);

/* p->id set. */
enum err_code store_position_insert(struct store *st, struct position *p, const char *by,
				    struct err *e);
enum err_code store_position_get(struct store *st, int64_t id, struct position *p,
				 struct err *e);
/* The position of kind at org_id in force on date on (ERR_NOTFOUND when none). */
enum err_code store_position_find(struct store *st, int64_t org_id, const char *kind, date_t on,
				  struct position *p, struct err *e);
/* The positions of org_id in force on on (DATE_NONE: every one ever), by the kind's order. */
enum err_code store_positions(struct store *st, int64_t org_id, date_t on, store_position_cb cb,
			      void *ctx, struct err *e);

/* The holdings of position_id: on DATE_NONE every one, oldest first; else those covering on. */
enum err_code store_holdings(struct store *st, int64_t position_id, date_t on,
			     store_holding_cb cb, void *ctx, struct err *e);
/* The holdings of member_id, oldest first. */
enum err_code store_member_holdings(struct store *st, int64_t member_id, store_holding_cb cb,
				    void *ctx, struct err *e);
enum err_code store_holding_get(struct store *st, int64_t id, struct holding *h, struct err *e);
/* The open holding of member_id at position_id (ERR_NOTFOUND when none). */
enum err_code store_holding_open(struct store *st, int64_t member_id, int64_t position_id,
				 struct holding *h, struct err *e);
/* Holdings of position_id open on on: the full (not acting) and the acting ones. */
enum err_code store_holding_counts(struct store *st, int64_t position_id, date_t on, long *full,
				   long *acting, struct err *e);
/* h->id set. */
enum err_code store_holding_insert(struct store *st, struct holding *h, struct err *e);
/* Close holding h->id on h->valid_to with h's end fields. */
enum err_code store_holding_end(struct store *st, const struct holding *h, struct err *e);
/* The rotations that began in [from, to) at positions of organisations in [pre, last]. */
enum err_code store_rotations(struct store *st, long pre, long last, date_t from, date_t to,
			      store_holding_cb cb, void *ctx, struct err *e);

/* Whether org_id carries flag on date on (*set 0/1). */
enum err_code store_flag_at(struct store *st, int64_t org_id, const char *flag, date_t on,
			    int *set, struct err *e);
/* Open flag f (from f->valid_from) or close the open one of that name on f->valid_from
 * (set 0). */
enum err_code store_flag_set(struct store *st, const struct org_flag *f, int set, const char *by,
			     struct err *e);
enum err_code store_flags(struct store *st, int64_t org_id, store_flag_cb cb, void *ctx,
			  struct err *e);

/* c->id set. */
enum err_code store_committee_insert(struct store *st, struct committee *c, const char *by,
				     struct err *e);
enum err_code store_committee_get(struct store *st, int64_t id, struct committee *c,
				  struct err *e);
/* The committees of org_id, newest term first. */
enum err_code store_committees(struct store *st, int64_t org_id, store_committee_cb cb,
			       void *ctx, struct err *e);
/* The members of committee_id: on DATE_NONE every one ever (by start); else those seated on
 * on, by role. */
enum err_code store_cmembers(struct store *st, int64_t committee_id, date_t on,
			     store_cmember_cb cb, void *ctx, struct err *e);
/* Members seated on on (every role) and of them those of the standing committee. */
enum err_code store_committee_count(struct store *st, int64_t committee_id, date_t on,
				    long *members, long *standing, struct err *e);
/* The open seat of member_id on committee_id (ERR_NOTFOUND when none). */
enum err_code store_cmember_open(struct store *st, int64_t committee_id, int64_t member_id,
				 struct committee_member *m, struct err *e);
enum err_code store_cmember_insert(struct store *st, struct committee_member *m, const char *by,
				   struct err *e);
enum err_code store_cmember_end(struct store *st, int64_t id, date_t on, const char *reason,
				struct err *e);

/* The vacancy report's rows over [pre, last] on date on (in no particular order): key
 * positions short of full holders, committees of a term under way below their seats. Only
 * the positions and committees not certainly full by their kept watermark full_since
 * (migration 39) or with a holder who left the rolls are read; a subtree of more than
 * store_vacancy_wide_orgs organisations takes them from the whole tree's index and keeps
 * those of [pre, last], a smaller one walks its organisations. Both ways give the same rows
 * (tests/unit/test_vacancy_scale). */
extern long store_vacancy_wide_orgs;
enum err_code store_vacancies(struct store *st, long pre, long last, date_t on,
			      store_vacancy_cb cb, void *ctx, struct err *e);
/* The report's base figures of the vacancy report (app_report.c, "key_cadres"): how many key
 * positions of [pre, last] are in force on on, and how many committees' terms cover it. */
enum err_code store_cadre_counts(struct store *st, long pre, long last, date_t on,
				 long *key_positions, long *committees, struct err *e);

#endif
