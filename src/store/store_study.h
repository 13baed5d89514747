/* store_study.h - the records of the study of documents (docs/study.md) and their SQL: the
 * register of documents, study plans, study sessions (meeting rows of kind 'study') with
 * their attendance, the members' confirmations, the coverage counters and the action
 * programmes. Called by src/app/app_study.c only. */
#ifndef CADRE_STORE_STUDY_H
#define CADRE_STORE_STUDY_H

#include <stdint.h>

#include "../core/date.h"
#include "../core/docnum.h"
#include "../core/err.h"
#include "../core/org.h"
#include "store.h"

#define DOC_TITLE_MAX 400

struct doc {
	int64_t id;
	char number[DOCNUM_MAX];
	char num[24], type[8], issuer[40];
	date_t issued_on;
	char title[DOC_TITLE_MAX + 1];
	int64_t replaces_id;
	char replaces_number[DOCNUM_MAX];
	int64_t org_id;
	char org_code[ORG_CODE_MAX + 1];
	long org_pre, org_last;
	char recorded_by[64];
};

/* The tiers of an audience (seed 003). */
#define STUDY_TIERS "all, regiment_up, grassroots_members, militia or reserve"
struct study_plan {
	int64_t id, document_id, org_id, audience_org_id;
	char org_code[ORG_CODE_MAX + 1], audience_code[ORG_CODE_MAX + 1];
	char tier[24], category[32];
	date_t deadline;
	char note[401];
};

struct study_session {
	int64_t id, document_id, org_id, makeup_of;
	char org_code[ORG_CODE_MAX + 1];
	date_t on_date;
	int starts_min, ends_min;
	char topic[512];
	char state[12];
	long present, excused, absent;
};

/* One organisation's line of a coverage: its own roll and those of its members covered. */
struct study_org_cov {
	int64_t org_id;
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	char kind[16];
	long pre, last;
	int depth;
	long members, covered; /* own roll only */
	/* the whole subtree (app_study_coverage fills them; a cell's are its own) */
	long sub_members, sub_covered;
	int studied;           /* sub_members > 0 and every one covered */
};

struct action_item {
	int seq;
	char text[401], owner[201];
	date_t due_on;
	int done; /* -1 not reported, 0 not done, 1 done */
	char result[401];
	date_t result_on;
};
struct action_programme {
	int64_t id, org_id, document_id;
	char org_code[ORG_CODE_MAX + 1], doc_number[DOCNUM_MAX];
	int year;
	char title[401];
	long items, done;
};

typedef int (*store_doc_cb)(void *ctx, const struct doc *d);
typedef int (*store_plan_cb)(void *ctx, const struct study_plan *p);
typedef int (*store_session_cb)(void *ctx, const struct study_session *s);
typedef int (*store_cov_cb)(void *ctx, const struct study_org_cov *c);
typedef int (*store_action_cb)(void *ctx, const struct action_programme *p);
typedef int (*store_item_cb)(void *ctx, const struct action_item *it);
typedef int (*store_idname_cb)(void *ctx, int64_t id, const char *name, const char *org_code);

enum err_code store_doc_insert(struct store *st, struct doc *d, const char *folded,
			       struct err *e);
/* ERR_NOTFOUND (e untouched) when there is none. */
enum err_code store_doc_get(struct store *st, int64_t id, struct doc *d, struct err *e);
/* The newest document of this canonical number; ERR_NOTFOUND when none. */
enum err_code store_doc_by_number(struct store *st, const char *number, struct doc *d,
				  struct err *e);
/* The document of this canonical number issued on on (the register's duplicate: the same
 * number and date of issue); ERR_NOTFOUND when none. */
enum err_code store_doc_by_number_on(struct store *st, const char *number, date_t on,
				     struct doc *d, struct err *e);
/* Documents visible from the scope [spre, slast] (registered inside it, or by an
 * organisation above it), whose folded text holds every one of words[0..n) (n 0: all),
 * newest first. */
enum err_code store_doc_list(struct store *st, long spre, long slast, const char *const *words,
			     int n, store_doc_cb cb, void *ctx, struct err *e);
/* The documents that replace id. */
enum err_code store_doc_replaced_by(struct store *st, int64_t id, store_doc_cb cb, void *ctx,
				    struct err *e);

enum err_code store_plan_insert(struct store *st, struct study_plan *p, const char *by,
				struct err *e);
enum err_code store_plan_list(struct store *st, int64_t doc_id, long spre, long slast,
			      store_plan_cb cb, void *ctx, struct err *e);

enum err_code store_session_get(struct store *st, int64_t id, struct study_session *s,
				long *org_pre, struct err *e);
enum err_code store_session_list(struct store *st, int64_t doc_id, long spre, long slast,
				 store_session_cb cb, void *ctx, struct err *e);
/* A member's confirmation of having studied a document; *added 0 when it was already kept. */
enum err_code store_study_confirm(struct store *st, int64_t doc_id, int64_t member_id,
				  date_t on, const char *by, int *added, struct err *e);

/* The coverage of doc_id over the organisations with pre in [pre, last], in pre-order, each
 * with its own roll (the figures' counters) and its members covered (study_fig); names 0:
 * code and name left empty (the totals alone read less). */
enum err_code store_study_coverage(struct store *st, int64_t doc_id, long pre, long last,
				   int names, store_cov_cb cb, void *ctx, struct err *e);
/* The same totals the plain way (the rolls scanned, each member's attendance and
 * confirmations looked up: no counter), for the bench and the check; as_of DATE_NONE: today's
 * rolls, else members on the rolls that day (their periods on a roll) covered by then. */
enum err_code store_study_coverage_plain(struct store *st, int64_t doc_id, long pre, long last,
					 date_t as_of, long *members, long *covered,
					 struct err *e);
/* The members on the roll of org_id not covered for doc_id (covered: 1 those covered). */
enum err_code store_study_members(struct store *st, int64_t doc_id, int64_t org_id, int covered,
				  store_idname_cb cb, void *ctx, struct err *e);

enum err_code store_action_insert(struct store *st, struct action_programme *p, const char *by,
				  struct err *e);
enum err_code store_action_get(struct store *st, int64_t id, struct action_programme *p,
			       long *org_pre, struct err *e);
enum err_code store_action_list(struct store *st, long pre, long last, int64_t doc_id, int year,
				store_action_cb cb, void *ctx, struct err *e);
/* Add item (it->seq set to the next number). */
enum err_code store_action_item_add(struct store *st, int64_t prog_id, struct action_item *it,
				    struct err *e);
/* Record the result of item seq; ERR_NOTFOUND when there is no such item. */
enum err_code store_action_item_result(struct store *st, int64_t prog_id, int seq, int done,
				       const char *result, date_t on, struct err *e);
enum err_code store_action_items(struct store *st, int64_t prog_id, store_item_cb cb, void *ctx,
				 struct err *e);

/* The documents with a study plan reaching the subtree [pre, last] (its audience inside the
 * subtree, or holding the subtree's root) for the year [from, to]: the plan's deadline in it,
 * or a plan without a deadline recorded in it. One line per such plan's audience, by document
 * (oldest issued first) then audience in pre-order; stops when cb returns non-zero. */
struct study_reach {
	int64_t doc_id;
	char number[DOCNUM_MAX];
	char title[401];
	long apre, alast;                  /* the audience's subtree */
	char acode[ORG_CODE_MAX + 1];
};
typedef int (*store_reach_cb)(void *ctx, const struct study_reach *r);
enum err_code store_study_plan_docs(struct store *st, long pre, long last, date_t from,
				    date_t to, store_reach_cb cb, void *ctx, struct err *e);

#endif
