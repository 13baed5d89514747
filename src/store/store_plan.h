/* store_plan.h - the SQL of personnel planning (quy hoạch, docs/cadres.md "Planning"):
 * periods, a plan's versions (period, organisation), its ranked successors as intervals of
 * versions, the criteria in force per position kind, the structure targets and, for the
 * vacancy report and the plan's page, what the records say of the candidates (holdings,
 * decided review grades, health). Called by src/app/app_plan.c and app_cadres.c only. */
#ifndef CADRE_STORE_PLAN_H
#define CADRE_STORE_PLAN_H

#include <stdint.h>

#include "../core/cadres.h"
#include "../core/date.h"
#include "../core/err.h"
#include "../core/org.h"
#include "../core/plan.h"
#include "../core/vname.h"
#include "store.h"

#define PLAN_CODE_MAX 24
#define PLAN_TEXT_MAX 400

struct plan_period {
	int64_t id;
	char code[PLAN_CODE_MAX + 1];
	int from_year, to_year;
};
typedef int (*store_plan_period_cb)(void *ctx, const struct plan_period *p);

/* One version of a plan (period, organisation): 1 its approval, each later a yearly review. */
struct plan_version {
	int64_t id, period_id, org_id;
	char org_code[ORG_CODE_MAX + 1];
	int version, year;
	char decision[CADRE_DECISION_MAX + 1];
	date_t decided_on;
	int64_t body_org_id;
	char body_code[ORG_CODE_MAX + 1];
	char note[PLAN_TEXT_MAX + 1];
	char created_by[64], created_at[24];
};
typedef int (*store_plan_version_cb)(void *ctx, const struct plan_version *v);

/* A planned successor: a row of a plan [from_version, to_version) (to_version 0 while open),
 * with its position and the member's record fields the criteria and the targets read. */
struct plan_successor {
	int64_t id, period_id, position_id, member_id, plan_org_id;
	int rank, from_version, to_version;
	char added_reason[PLAN_TEXT_MAX + 1], removed_reason[PLAN_TEXT_MAX + 1];
	char pos_kind[CADRE_KIND_MAX], pos_org_code[ORG_CODE_MAX + 1];
	int64_t pos_org_id;
	char member_name[VNAME_MAX + 1];
	char sex[8], ethnicity[64], mil_rank[64], theory_level[64], education[64];
	date_t birth_date;
	int on_rolls; /* the member's status is on a roll */
};
typedef int (*store_plan_successor_cb)(void *ctx, const struct plan_successor *s);

struct plan_criterion_row {
	char kind[CADRE_KIND_MAX], criterion[24];
	char value[PLAN_VALUE_MAX];
	date_t effective_from;
	char source[PLAN_TEXT_MAX + 1], added_by[64];
};
typedef int (*store_plan_criterion_cb)(void *ctx, const struct plan_criterion_row *r);

struct plan_target {
	char target[16]; /* young, ethnic_minority, women */
	int pct_min;
	int age_under;   /* young: under this age on the period's first 1 January; 0 otherwise */
};
typedef int (*store_plan_target_cb)(void *ctx, const struct plan_target *t);

/* p->id set; ERR_CONFLICT when the code exists. */
enum err_code store_plan_period_insert(struct store *st, struct plan_period *p, const char *by,
				       struct err *e);
/* By code (ERR_NOTFOUND when none). */
enum err_code store_plan_period_get(struct store *st, const char *code, struct plan_period *p,
				    struct err *e);
/* The period covering year with the latest start (ERR_NOTFOUND when none). */
enum err_code store_plan_period_at(struct store *st, int year, struct plan_period *p,
				   struct err *e);
enum err_code store_plan_periods(struct store *st, store_plan_period_cb cb, void *ctx,
				 struct err *e);

/* v->id set. */
enum err_code store_plan_version_insert(struct store *st, struct plan_version *v,
					const char *by, struct err *e);
/* The latest version of the plan (ERR_NOTFOUND when none). */
enum err_code store_plan_version_latest(struct store *st, int64_t period_id, int64_t org_id,
					struct plan_version *v, struct err *e);
/* The versions of the plan, oldest first. */
enum err_code store_plan_versions(struct store *st, int64_t period_id, int64_t org_id,
				  store_plan_version_cb cb, void *ctx, struct err *e);

/* The rows of the plan (period_id, org_id) in version (0: the open rows; -1: every row ever),
 * by position (the kind's order) and rank. A row's plan is its plan_org_id, or the
 * organisation of its position when that is NULL (rows written by hand or by the benches). */
enum err_code store_plan_successors(struct store *st, int64_t period_id, int64_t org_id,
				    int version, store_plan_successor_cb cb, void *ctx,
				    struct err *e);
/* The open row of member_id for position_id in period_id (ERR_NOTFOUND when none). */
enum err_code store_plan_successor_open(struct store *st, int64_t period_id,
					int64_t position_id, int64_t member_id,
					struct plan_successor *s, struct err *e);
/* s->id set (s->to_version 0: open). */
enum err_code store_plan_successor_insert(struct store *st, struct plan_successor *s,
					  const char *by, struct err *e);
/* Close row id in to_version (the row belongs to versions before it) for reason ("" or NULL:
 * none, as a re-ranking's closing). A row opened in that very version is deleted instead:
 * it never belonged to any version. */
enum err_code store_plan_successor_close(struct store *st, int64_t id, int to_version,
					 const char *reason, struct err *e);
/* Open rows in period_id: of member_id (*by_member), of position_id (*by_position). */
enum err_code store_plan_open_counts(struct store *st, int64_t period_id, int64_t member_id,
				     int64_t position_id, long *by_member, long *by_position,
				     struct err *e);

/* The criteria in force on on for kind: per criterion the row of kind, else of '*', the most
 * recent on or before on. */
enum err_code store_plan_criteria(struct store *st, const char *kind, date_t on,
				  struct plan_criteria *cr, struct err *e);
/* The rows in force on on (kind "" : every kind), by kind and criterion. */
enum err_code store_plan_criterion_rows(struct store *st, const char *kind, date_t on,
					store_plan_criterion_cb cb, void *ctx, struct err *e);
enum err_code store_plan_criterion_insert(struct store *st, const struct plan_criterion_row *r,
					  struct err *e);

enum err_code store_plan_targets(struct store *st, int64_t period_id, int64_t org_id,
				 store_plan_target_cb cb, void *ctx, struct err *e);
/* Set (replace) target t of the plan. */
enum err_code store_plan_target_set(struct store *st, int64_t period_id, int64_t org_id,
				    const struct plan_target *t, const char *by, struct err *e);

/* What the records say of the members in ids_json (a JSON array of member ids): each
 * holding's kind and interval to span_cb; each decided current review grade of the years
 * [from_year, to_year] to grade_cb; the health class of each member's latest current own
 * assessment to health_cb. */
typedef int (*store_plan_span_cb)(void *ctx, int64_t member_id, const struct plan_span *s);
typedef int (*store_plan_grade_cb)(void *ctx, int64_t member_id, int year, const char *grade);
typedef int (*store_plan_health_cb)(void *ctx, int64_t member_id, int health);
enum err_code store_plan_evidence(struct store *st, const char *ids_json, int from_year,
				  int to_year, store_plan_span_cb span_cb,
				  store_plan_grade_cb grade_cb, store_plan_health_cb health_cb,
				  void *ctx, struct err *e);

/* The vacancy report's batch: the open rows of period_id whose positions are in
 * position_ids_json (a JSON array), with the member's fields, in one read. */
enum err_code store_plan_for_positions(struct store *st, int64_t period_id,
				       const char *position_ids_json, store_plan_successor_cb cb,
				       void *ctx, struct err *e);
/* Per key position of the subtree [pre, last] in force on on: the open rows of period_id
 * (*n positions, *short_n of them with fewer than min open rows); people (may be NULL): the
 * distinct members of those rows. For the report and the worklist. */
enum err_code store_plan_short(struct store *st, int64_t period_id, long pre, long last,
			       date_t on, long min, long *n, long *short_n, long *people,
			       struct err *e);

/* The demo's stand-in for the cadre's own assessment (the sheet's area owns its recording):
 * a current row of member_id for year with the health class, unless one exists. */
enum err_code store_plan_demo_health(struct store *st, int64_t member_id, int year, int health,
				     const char *by, struct err *e);

/* A key position of a plan's subtree, in force on the date asked. */
struct plan_pos {
	int64_t id, org_id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char kind[CADRE_KIND_MAX], kind_vi[80], kind_en[80];
};
typedef int (*store_plan_pos_cb)(void *ctx, const struct plan_pos *p);
/* The key positions of the organisations [pre, last] active and in force on on, by the tree's
 * order and the kind's. */
enum err_code store_plan_key_positions(struct store *st, long pre, long last, date_t on,
				       store_plan_pos_cb cb, void *ctx, struct err *e);

#endif
