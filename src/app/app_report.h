/* app_report.h - the yearly quality review, discipline records, and the figures rolled up
 * the tree (DOMAIN §6, §11): one function per thing a user does, limited to the actor's
 * subtree like the rest of src/app.
 *
 * Figures come from per-organisation counters kept in the database by triggers in the same
 * transaction as every change to a member, a review or an organisation, so a report read
 * right after a change shows it (no cache to go stale). A report as of a past date is
 * counted from the history instead. */
#ifndef CADRE_APP_REPORT_H
#define CADRE_APP_REPORT_H

#include "../core/report.h"
#include "../core/review.h"
#include "app.h"

/* ---- reviews ------------------------------------------------------------------------- */

/* One step of a member's review for a year: self-assessment (score and proposed grade), the
 * cell's proposal, or the decision of the body entitled to decide. */
struct review_in {
	int64_t member_id;     /* for a member's review */
	char org_code[ORG_CODE_MAX + 1];     /* for an organisation's review */
	int year;
	enum review_step step;
	int score;             /* 0-100, -1 when not given */
	enum grade grade;
	date_t date;           /* DATE_NONE: today */
	char reason[TEXT_REASON_MAX + 1]; /* why a decided review is changed (required then) */
	long line;             /* for messages of a batch (import line), 0 otherwise */
};

/* Record one step of a member's review (R-REVIEW-* checked for a decision). A decision on a
 * member whose year is already decided is refused unless reason is given: then it is a new
 * revision and the old one stays visible. */
enum err_code app_review_member(struct app *a, const struct actor *ac, const struct review_in *r,
				struct err *e);
/* Decide the grades of many members at once (a cell's roll on one form, an import): all or
 * nothing, every problem reported (each with its line), R-REVIEW-EXCELLENT-QUOTA checked per
 * grassroots organisation on the result of the whole batch. */
enum err_code app_review_members(struct app *a, const struct actor *ac,
				 const struct review_in *rs, size_t n, struct err *e);
/* Record a step of an organisation's review; a decision is taken by the standing committee of
 * the organisation above (R-REVIEW-ORG-DECIDER) and checked against R-REVIEW-ORG-*. */
enum err_code app_review_org(struct app *a, const struct actor *ac, const struct review_in *r,
			     struct err *e);
enum err_code app_review_orgs(struct app *a, const struct actor *ac, const struct review_in *rs,
			      size_t n, struct err *e);

/* A batch of review steps fed in chunks, checked and stored in one transaction: what
 * app_review_members and app_review_orgs do for one array, for a file of any size (an
 * import) in memory that does not grow with it. Across chunks the batch keeps only what the
 * whole-batch checks need: per grassroots organisation and year, the quota counts (members);
 * and every member decided so far, with the line (16 bytes a decision), to refuse a member
 * decided twice. Use: app_review_batch_begin, app_review_batch_add for each chunk, then
 * app_review_batch_finish (or app_review_batch_abort). */
struct review_batch;
/* Begin a batch of members' (orgs 0) or organisations' (orgs 1) steps: opens the write
 * transaction. *b is the batch (NULL on failure); the caller ends it with finish or abort. */
enum err_code app_review_batch_begin(struct app *a, const struct actor *ac, int orgs,
				     struct review_batch **b, struct err *e);
/* Prepare and check the rows rs[0..n) (each with its line) and, while the batch has had no
 * problem, store them. Members: every R-REVIEW-* rule of a row, a member decided twice in the
 * batch, and the decisions counted into the quotas. Organisations: in the order given, each
 * judged on the grades stored before it. rs may be reused once this returns. Problems are kept
 * in the batch until finish. Returns the batch's code so far (ERR_STORAGE: stop adding). */
/* Make the batch an import of members' decisions (no-op for organisations'): the set-based
 * way (docs/reviews.md): the scope read once, where each organisation's members count found
 * once, a member read lean, no audit entry a decision but one for the import (file: its
 * name) at app_review_batch_finish, and the figures counted in memory and written once.
 * Every rule is checked as for one decision. A first chunk of facts_rows rows or more (the
 * file is large) reads every member's roll, status and admission at once, in one pass of
 * the table. Right after app_review_batch_begin. */
enum err_code app_review_batch_import(struct review_batch *b, const char *file, size_t facts_rows,
				      struct err *e);
enum err_code app_review_batch_add(struct review_batch *b, const struct review_in *rs,
				   size_t n);
/* End the batch: check R-REVIEW-EXCELLENT-QUOTA on the result of the whole batch (when no row
 * had a problem), move every problem to e, and commit when there is none, else roll back
 * (all or nothing). *bad (may be NULL) receives the number of rows with a problem. Frees b. */
enum err_code app_review_batch_finish(struct review_batch *b, long *bad, struct err *e);
/* Roll the batch back, dropping its problems (the caller found others that come first), and
 * free it. */
void app_review_batch_abort(struct review_batch *b);

/* A review step as stored. */
struct review_rec {
	int64_t id;
	int64_t member_id;          /* 0 for an organisation's review */
	char member_name[VNAME_MAX + 1];
	char org_code[ORG_CODE_MAX + 1];          /* the member's grassroots organisation, or the org reviewed */
	char org_name[ORG_NAME_MAX * 2 + 1];
	int year;
	enum review_step step;
	int score;                  /* -1 none */
	enum grade grade;
	date_t date;
	char by[64];                /* who recorded it */
	char body[ORG_CODE_MAX + 1];              /* the deciding body's organisation code */
	int revision;               /* 1, 2, ... for decisions; 0 for other steps */
	int current;                /* the decision in force */
	char reason[TEXT_REASON_MAX + 1];
	char rules[200];            /* the rule versions applied, "R-REVIEW-EXCELLENT-QUOTA v1; ..." */
};
typedef int (*review_cb)(void *ctx, const struct review_rec *r);
/* Every step of member_id's reviews (all years, oldest first). */
enum err_code app_review_history(struct app *a, const struct actor *ac, int64_t member_id,
				 review_cb cb, void *ctx, struct err *e);
/* Every step of an organisation's own reviews. */
enum err_code app_review_org_history(struct app *a, const struct actor *ac, const char *code,
				     review_cb cb, void *ctx, struct err *e);

/* The form a secretary fills for a cell: every member on the cell's roll with their
 * self-assessment, proposal and decision for year, and the quota as it stands. */
struct review_sheet_row {
	int64_t member_id;
	char full_name[VNAME_MAX + 1];
	int status;                 /* enum member_status */
	int self_score;             /* -1 none */
	enum grade self_grade, proposed, decided; /* G_NONE when not given */
	int disciplined;            /* disciplined during the year: at most not complete */
	int under_revision;         /* the decision is flagged for revision after a discipline
				     * (docs/inspection.md "Discipline") */
	int disc_form;              /* the latest discipline in force decided in the year
				     * (enum discipline_form), -1 none */
	date_t disc_date;           /* its date */
};
struct review_sheet {
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char grassroots_code[ORG_CODE_MAX + 1];   /* the grassroots organisation the quota is counted in */
	int year;
	size_t n;
	struct review_sheet_row *rows;
	long quota_pct;             /* R-REVIEW-EXCELLENT-QUOTA in force */
	long excellent, good_or_better; /* decided so far in the grassroots organisation,
					 * outside this cell */
	int can_decide;             /* the actor may decide (else only propose) */
	int64_t rows_org;           /* the cell's id */
};
enum err_code app_review_sheet(struct app *a, const struct actor *ac, const char *cell_code,
			       int year, struct review_sheet *s, struct err *e);
void review_sheet_cleanup(struct review_sheet *s);

/* ---- discipline (a minimal record; the inspection issue extends it) -------------------- */

struct discipline_in {
	int64_t member_id;        /* a member, or */
	char org_code[ORG_CODE_MAX + 1];        /* an organisation (its leadership) */
	enum discipline_form form;
	date_t date;              /* decided on */
	char body[ORG_CODE_MAX + 1];            /* the deciding body's organisation code */
	char reason[TEXT_REASON_MAX + 1];
	/* issue 14 (docs/inspection.md "Discipline"): all optional (zero / ""). */
	date_t act_date;          /* when the act was committed (R-DISCIPLINE-LIMITATION); 0:
				   * not known, refused where the limitation applies */
	char decision_no[64];     /* the decision's number (core/docnum.h: 12-QĐ/UBKT) */
	int inspection;           /* decided by the body's inspection committee, not the
				   * committee itself (R-DISCIPLINE-AUTHORITY "/inspection") */
	int64_t case_id;          /* the inspection case it concludes (insp_case), or 0 */
	date_t notified_on;       /* when the target was notified (R-COMPLAINT-DAYS counts from
				   * it); 0: not yet */
	date_t effective_on;      /* when it takes effect (expulsion changes the roll then);
				   * 0: the decision's date */
	const char *members_to;   /* dissolution: where the members go (an organisation code) */
};
/* Record a discipline decision (app_discipline.c; docs/inspection.md "Discipline"): needs an
 * editing role and the inspection right over the target's organisation. Checked: the target
 * on the rolls (member) or active (org), the body the target's own organisation or above it
 * (a proper ancestor for an org), R-DISCIPLINE-FORMS, R-DISCIPLINE-AUTHORITY,
 * R-DISCIPLINE-LIMITATION, the dates (core/discipline.h), the decision's number
 * (core/docnum.h, stored canonical), the case. Effects in the same transaction: expulsion
 * makes the member expelled on effective_on (the member status path), removal ends every
 * position held, dissolution dissolves the organisation (members_to where members remain);
 * a decided review of the year left breaking R-REVIEW-DISCIPLINED-MEMBER or
 * R-REVIEW-ORG-NOT-COMPLETE (the parent's share of disciplined sub-units included) is
 * flagged for revision. Any refusal leaves nothing written. */
enum err_code app_discipline_add(struct app *a, const struct actor *ac,
				 const struct discipline_in *d, int64_t *id, struct err *e);
/* The same for row line of an import, inside the caller's transaction. */
enum err_code app_discipline_add_tx(struct app *a, const struct actor *ac,
				    const struct discipline_in *d, long line, int64_t *id,
				    struct err *e);
struct discipline_rec {
	int64_t id, member_id;
	char member_name[VNAME_MAX + 1];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	enum discipline_form form;
	date_t date;
	char body[ORG_CODE_MAX + 1], reason[TEXT_REASON_MAX + 1], by[64];
	/* issue 14 */
	date_t act_date, notified_on, effective_on, ended_on;
	char decision_no[64];
	int inspection;           /* decided by the inspection committee */
	int64_t case_id, replaces_id;
	char state[12];           /* in_force, annulled, changed */
	char notice_no[64];       /* the notice's number, "" none */
	char body_kind[16];       /* the deciding organisation's kind (cell ... committee) */
	int full;                 /* the whole record (the inspection right): else only the
				   * form, the dates and the body are filled */
};
typedef int (*discipline_cb)(void *ctx, const struct discipline_rec *d);
/* What the register lists: the subtree of org_code ("" the actor's scope), year decided (0:
 * all), form (-1: all), state ("" or NULL: all). */
struct discipline_filter {
	const char *org_code;
	int year;
	int form;
	const char *state;
};
/* The register, newest first: needs the inspection right over the organisation
 * (ERR_DENIED without it). */
enum err_code app_discipline_list(struct app *a, const struct actor *ac,
				  const struct discipline_filter *f, discipline_cb cb, void *ctx,
				  struct err *e);
/* One record by id, whole: the inspection right over its organisation (outside the subtree:
 * ERR_NOTFOUND). */
enum err_code app_discipline_get(struct app *a, const struct actor *ac, int64_t id,
				 struct discipline_rec *d, struct err *e);
/* Record that the target was notified of discipline id on on (not before the decision, not
 * in the future), by notice number ("" none; core/docnum.h). Editing role and the right. */
enum err_code app_discipline_notify(struct app *a, const struct actor *ac, int64_t id, date_t on,
				    const char *number, struct err *e);
/* A member's discipline as whoever sees the member may: with the inspection right every
 * record (full set), else only those in force with their form, dates and deciding body. */
enum err_code app_member_discipline(struct app *a, const struct actor *ac, int64_t member_id,
				    discipline_cb cb, void *ctx, struct err *e);
/* Import past discipline from CSV (docs/inspection.md "Discipline": member_id or org_code,
 * form, body, inspection, date, act_date, decision_no, case_id, notified_on, effective_on,
 * members_to, reason), all or nothing: every row checked and applied as app_discipline_add
 * does (its effects included), every bad row reported with its line, column, value and
 * reason. Editing role and the inspection right. */
enum err_code app_import_discipline(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);
/* The register (as app_discipline_list) as a download: CSV or XLSX in a temporary file (*fd
 * at its start, *len bytes; the caller closes it). Columns: id, date, form, member_id,
 * member_name, org_code, body, by_body, act_date, decision_no, notified_on, notice_no,
 * effective_on, state, ended_on, reason. */
enum err_code app_discipline_export(struct app *a, const struct actor *ac,
				    const struct discipline_filter *f, int xlsx, int *fd,
				    long long *len, struct err *e);
/* A record as JSON (the CLI's --json and the API alike): id, member_id, member_name,
 * org_code, org_name, form, date, effective_on, body, body_kind, by_body (committee |
 * inspection), state; with d->full also act_date, decision_no, notified_on, notice_no,
 * ended_on, case_id, replaces_id, reason, by. A new reference. */
json_t *app_discipline_json(const struct discipline_rec *d);


/* ---- emulation models (app_emulation.c) ------------------------------------------------ */

/* A model kept in versions, as rules are: changing a model is adding a version in force from
 * a later date. A rating is judged against the version in force on 31 December of the year
 * rated, and keeps it (docs/reviews.md). */

/* A new version of a model (or the first of a new one), as given. */
struct emulation_in {
	const char *code, *name, *source;   /* source may be NULL or "" */
	const char *const *criteria;        /* in the order a rating gives them */
	size_t ncriteria;
	long required;                      /* criteria to meet to earn the title */
	date_t from;                        /* in force from (DATE_NONE: today) */
};
/* Add a version of model in->code (system administrators only, like rules): every problem
 * of the input at once (emulation_check), and a date after the latest version's. Audited
 * ("emulation.model.add"). *version receives its number (1 for a new model). */
enum err_code app_emulation_add(struct app *a, const struct actor *ac,
				const struct emulation_in *in, int *version, struct err *e);

/* A model version as shown. */
struct emulation_model_rec {
	int64_t id;
	char code[EMULATION_CODE_MAX + 1];
	int version;
	char name[EMULATION_NAME_MAX + 1];
	size_t ncriteria;
	char criteria[EMULATION_CRITERIA_MAX][EMULATION_CRITERION_MAX + 1];
	int required;
	date_t effective_from;
	char source[EMULATION_SOURCE_MAX + 1];
	char added_by[64], added_at[24];
	int in_force;  /* the version in force today */
};
typedef int (*emulation_model_cb)(void *ctx, const struct emulation_model_rec *m);
/* Every version of every model (code NULL or "") or of one (ERR_NOTFOUND when there is no
 * such model), by code then date. Any role may read them. */
enum err_code app_emulation_models(struct app *a, const struct actor *ac, const char *code,
				   emulation_model_cb cb, void *ctx, struct err *e);
/* The version of model code that a rating for year is judged against: the one in force on
 * 31 December of year. ERR_NOTFOUND (field "model") when there is no such model; ERR_INPUT
 * (field "year") when its first version is later. */
enum err_code app_emulation_version(struct app *a, const char *code, int year,
				    struct emulation_model_rec *m, struct err *e);

/* Rate a cell (an organisation of kind cell) against an emulation model's criteria for a
 * year: met[i] says whether criterion i (in the order of the version in force for the year)
 * was met. The title is earned when at least the version's required number are met. Rating
 * the same cell, year and model again records a new rating that replaces the earlier one
 * (which stays listed, no longer current). Audited ("emulation.rate"); *id receives the
 * rating's id when id is not NULL. */
enum err_code app_emulation_rate(struct app *a, const struct actor *ac, const char *cell_code,
				 const char *model, int year, const int *met, size_t n,
				 int64_t *id, struct err *e);

/* A rating as shown, with the version it was judged against. */
struct emulation_rating_rec {
	int64_t id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int year;
	int met[EMULATION_CRITERIA_MAX];
	long nmet;
	int earned, current;
	char by[64], at[24];
	struct emulation_model_rec model;   /* in_force: whether it is today's version */
};
typedef int (*emulation_rating_cb)(void *ctx, const struct emulation_rating_rec *r);
/* The ratings of the subtree of org_code ("" the actor's scope; out of sight: ERR_NOTFOUND)
 * for year (0: every year), by organisation in pre-order, then year, model and id. */
enum err_code app_emulation_ratings(struct app *a, const struct actor *ac, const char *org_code,
				    int year, emulation_rating_cb cb, void *ctx, struct err *e);

/* ---- figures --------------------------------------------------------------------------- */

/* A year for app_report: the last year with members' grades decided in the subtree (up to
 * as_of's year; that year when there is none), where the pages open the report. */
#define APP_REPORT_LAST_DECIDED (-1)
/* The report of the subtree of org_code ("" the actor's scope) for year (0: the year of
 * as_of; APP_REPORT_LAST_DECIDED) as of as_of (DATE_NONE: today). Tables (names are stable, see docs/reports.md):
 * members_by_status, members_by_category, members_by_sex, members_by_ethnicity,
 * members_by_age, members_by_seniority, admissions, member_reviews, org_reviews,
 * grassroots_reviews, reviews_by_suborg, review_trend, standing_boards, leadership_ratio,
 * transfers; training only for an actor with the personnel right (app_personnel_check). */
enum err_code app_report(struct app *a, const struct actor *ac, const char *org_code,
			 int year, date_t as_of, struct report *r, struct err *e);

/* Every organisation's figures at once (the whole country for a system administrator): the
 * counters of each organisation's subtree for year, as of today. cb is called once per
 * organisation in pre-order with its totals; the figures are those of app_report's tables
 * members_by_status, member_reviews and org_reviews. */
struct rollup_row {
	int64_t org_id;
	const char *code;
	int depth;
	long members[MS__COUNT];  /* on the roll, by status */
	long hosted;
	long member_grade[G__COUNT]; /* member reviews decided for year, by grade */
	long org_grade[G__COUNT];    /* organisations of the subtree reviewed for year */
	long militia, self_defence, reserve;          /* non-party headcounts */
	long party_militia, party_self_defence, party_reserve; /* members of that category */
};
typedef int (*rollup_cb)(void *ctx, const struct rollup_row *r);
enum err_code app_rollup(struct app *a, const struct actor *ac, int year, rollup_cb cb,
			 void *ctx, struct err *e);

/* The records behind a figure: the members (filter from a report row, within org_code's
 * subtree and the actor's scope) a page at a time; one audit entry "report.members" for the
 * page, with the rows handed to cb. */
enum err_code app_report_members(struct app *a, const struct actor *ac, const char *org_code,
				 int year, const char *filter, long offset, long limit,
				 store_member_cb cb, void *ctx, long *total, struct err *e);
/* Record that report rep leaves the system as a download in format ("csv", "xlsx", "json"):
 * one audit entry "report.download" with the subtree and the number of rows of figures.
 * Call before handing the file out (no entry, no download). */
enum err_code app_report_download(struct app *a, const struct actor *ac,
				  const struct report *rep, const char *format, struct err *e);

/* The organisations behind a figure of an organisation table (org_reviews,
 * grassroots_reviews, standing_boards): filter org_grade=G, grassroots_grade=G (G a grade,
 * good_or_better, or none), kind=cell, standing_board=1; within org_code's subtree and the
 * actor's scope, in pre-order, a page at a time. */
enum err_code app_report_orgs(struct app *a, const struct actor *ac, const char *org_code,
			      int year, const char *filter, long offset, long limit,
			      store_org_cb cb, void *ctx, long *total, struct err *e);

/* ---- rule versions and the counters' upkeep (system administrators) ------------------- */

/* Add a newer version of rule id: value in force from date from (the rule must exist; the
 * value must be of its kind: a number for a number, a list for a list). Audited. */
enum err_code app_rule_add(struct app *a, const struct actor *ac, const char *id,
			   const char *value, date_t from, const char *source,
			   const char *description, int *version, struct err *e);
/* Count the figures again from the records and compare: *wrong organisations differ
 * (rebuild: then store the recount). */
enum err_code app_fig_check(struct app *a, const struct actor *ac, int rebuild, long *wrong,
			    struct err *e);

#endif
