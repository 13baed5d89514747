/* app_plan.h - personnel planning (quy hoạch; Thông tư 54/2017/TT-BQP; docs/cadres.md
 * "Planning"): planning periods; the plan of an organisation for a period in versions (the
 * first approval is version 1, each yearly review opens the next); its ranked planned
 * successors per key position of the organisation's subtree, every change recorded in the
 * latest version (the plan as of version N: the rows with from_version <= N < to_version);
 * the criteria per position kind as dated data, each candidate judged against them and shown
 * with the criteria not met; the structure targets (young, ethnic minority, women) in percent
 * of the distinct people planned.
 *
 * Every call needs the personnel right (app_personnel_check) over the plan's organisation
 * (periods and criteria: over the actor's scope); changes also need an editing role, and
 * setting a criterion a system administrator. Every change is one transaction with its audit
 * entry (plan.period.add, plan.approve, plan.review, plan.add, plan.remove, plan.rerank,
 * plan.criterion.set, plan.target.set). Rules: R-PLAN-MAX-POSITIONS (open rows of one person
 * in one period), R-PLAN-PER-POSITION (MIN-MAX per position: more than MAX refused, fewer than
 * MIN shown short). */
#ifndef CADRE_APP_PLAN_H
#define CADRE_APP_PLAN_H

#include "../store/store_cadres.h"
#include "../store/store_plan.h"
#include "app.h"
#include "app_cadres.h"
#include "table_out.h"

enum err_code app_plan_period_add(struct app *a, const struct actor *ac, const char *code,
				  int from_year, int to_year, struct plan_period *p,
				  struct err *e);
enum err_code app_plan_periods(struct app *a, const struct actor *ac, store_plan_period_cb cb,
			       void *ctx, struct err *e);

/* Approve the plan of org_code for period (version 1, year: that of decided_on or today) or
 * review it (review 1: the next version, for year, later than the latest version's). d may
 * name the decision and the approving body (NULL members allowed). v receives the version. */
enum err_code app_plan_version_add(struct app *a, const struct actor *ac, const char *period,
				   const char *org_code, int review, int year,
				   const struct cadre_decision *d, const char *note,
				   struct plan_version *v, struct err *e);

/* Plan member_id for position (app_position_ref: an id or "ORG:KIND"; a key position in force
 * today of org_code's subtree) at rank (0: last; the others at that rank and below move one
 * down), for reason (required), in the latest version. Refused: no version yet, the member off
 * the rolls or already planned for it, R-PLAN-MAX-POSITIONS, R-PLAN-PER-POSITION's MAX. */
enum err_code app_plan_add(struct app *a, const struct actor *ac, const char *period,
			   const char *org_code, const char *position, int64_t member_id,
			   int rank, const char *reason, struct err *e);
/* Remove member_id from position's successors in the latest version, for reason (required);
 * the ranks below move up. */
enum err_code app_plan_remove(struct app *a, const struct actor *ac, const char *period,
			      const char *org_code, const char *position, int64_t member_id,
			      const char *reason, struct err *e);
/* Move member_id to rank among position's successors (rows closed and reopened in the latest
 * version); reason may be "". */
enum err_code app_plan_rerank(struct app *a, const struct actor *ac, const char *period,
			      const char *org_code, const char *position, int64_t member_id,
			      int rank, const char *reason, struct err *e);

/* A target of a plan: pct_min percent of the distinct people planned; young: under age_under
 * on the period's first 1 January (required for young, refused otherwise). */
enum err_code app_plan_target_set(struct app *a, const struct actor *ac, const char *period,
				  const char *org_code, const char *target, int pct_min,
				  int age_under, struct err *e);

/* The criteria in force on on (DATE_NONE: today) for kind (NULL/"": every row). */
enum err_code app_plan_criteria(struct app *a, const struct actor *ac, const char *kind,
				date_t on, store_plan_criterion_cb cb, void *ctx, struct err *e);
/* Add a dated criterion row (system administrator only): kind a position kind or '*', value
 * checked by plan_value_check ("" switches it off), from (DATE_NONE: today). */
enum err_code app_plan_criterion_set(struct app *a, const struct actor *ac, const char *kind,
				     const char *criterion, const char *value, date_t from,
				     const char *source, struct err *e);

/* A plan as of one version, read whole. */
struct plan_view_row {
	struct plan_successor s;
	struct plan_judgement j;
};
struct plan_view_pos {
	struct plan_pos p;
	long n;      /* successors in the version shown */
	int is_short; /* fewer than R-PLAN-PER-POSITION's MIN */
};
struct plan_view_target {
	struct plan_target t;
	long count;
	int pct;    /* of the people planned, rounded down */
	int missed;
};
struct plan_view {
	struct plan_period period;
	struct org org;
	int version;  /* shown */
	int latest;   /* 0: no version yet */
	date_t on;    /* the day the candidates were judged */
	long min, max;
	struct plan_version *versions;
	size_t nversions;
	struct plan_view_pos *pos;
	size_t npos;
	struct plan_view_row *rows; /* by position (pos's order) and rank */
	size_t nrows;
	struct plan_view_target targets[3];
	int ntargets;
	long people, short_n;
};
/* The plan of org_code for period (NULL or "": the latest period covering today) as of
 * version (0: the latest). v is filled (plan_view_free releases it). */
enum err_code app_plan_get(struct app *a, const struct actor *ac, const char *period,
			   const char *org_code, int version, struct plan_view *v,
			   struct err *e);
void plan_view_free(struct plan_view *v);
/* JSON of the view (a new reference): {"period", "org", "org_name", "version", "latest",
 * "min", "max", "people", "short", "versions": [...], "positions": [{"id", "org", "kind",
 * "kind_vi", "kind_en", "successors", "short", "candidates": [{"member_id", "name", "rank",
 * "from_version", "to_version", "reason", "ready", "failed": [{"criterion", "found",
 * "needed"}]}]}], "targets": [{"target", "pct_min", "age_under", "count", "pct", "missed"}]}. */
json_t *app_plan_json(const struct plan_view *v);
json_t *app_plan_period_json(const struct plan_period *p);
json_t *app_plan_version_json(const struct plan_version *v);
json_t *app_plan_criterion_json(const struct plan_criterion_row *r);
/* The plan's rows (position, rank, member, ready, failed criteria) as CSV or XLSX to path
 * ("-": standard output). */
enum err_code app_plan_export_file(struct app *a, const struct plan_view *v,
				   enum table_format f, const char *path, struct err *e);
/* The same rows as a download: *fd (caller closes) holds *len bytes (table_out_finish). */
enum err_code app_plan_export(struct app *a, const struct plan_view *v, enum table_format f,
			      int *fd, long long *len, struct err *e);

/* The vacancy report's columns: for each position row of v, the successors planned (open
 * rows of the latest period covering as_of) and of them those ready (meeting every
 * criterion), in one batch read; -1 in both when the actor lacks the personnel right or no
 * period covers as_of. */
enum err_code app_plan_vacancy_fill(struct app *a, const struct actor *ac, struct vacancy *v,
				    size_t n, date_t as_of, struct err *e);

/* The planning table of the report and the worklist: the key positions of [pre, last] today,
 * those short of R-PLAN-PER-POSITION's MIN successors in the current period (open rows), the
 * distinct people planned (people may be NULL), *min the rule's MIN; *has_period 0 when no
 * period covers today. No access check: the callers make it. */
enum err_code app_plan_counts(struct app *a, long pre, long last, long *positions,
			      long *short_n, long *people, long *min, int *has_period,
			      struct err *e);

/* The demo's plan (demo_plan.c): period 2025-2030, the region's plan approved and reviewed. */
enum err_code demo_plan(struct app *a, const struct actor *ac, struct err *e);

#endif
