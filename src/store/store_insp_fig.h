/* store_insp_fig.h - the counting behind seed 004's footnote 7 (the inspection report,
 * store_insp_fig.c; app/app_insp_fig.c). Each case, discipline in force and complaint
 * received or settled adds 1 to a counter of its organisation, month and cell (insp_fig) and
 * of the whole tree (insp_fig_all), kept by plain-SQL triggers (schema.c, migration 43) in
 * the same transaction as the change. A period's figures are the counters of the months
 * wholly inside it summed over the subtree, plus the rows of its partial edge months counted
 * with the same cells, so the result equals the plain count of the rows. */
#ifndef CADRE_STORE_INSP_FIG_H
#define CADRE_STORE_INSP_FIG_H

#include "store.h"

/* The cells. Cases: body (0 committee, 1 inspection) x activity (0 inspection: plan,
 * discipline_exec, finance; 1 signs; 2 supervision: regular, thematic) x target (0
 * organisation, 1 member) x result (0 with violation, 1 without, 2 not yet concluded). */
#define IF_CASE(body, act, tgt, res) ((((body) * 3 + (act)) * 2 + (tgt)) * 3 + (res))
#define IF_CASES 36
/* Discipline in force: target x form (reprimand, warning, removal, expulsion, dissolution) x
 * level (the deciding organisation's kind: committee, grassroots, subcommittee, cell) x
 * body. */
#define IF_DISC0 64
#define IF_DISC(tgt, form, level, body) (IF_DISC0 + (((tgt) * 5 + (form)) * 4 + (level)) * 2 + (body))
#define IF_DISCS 80
/* Complaints (kind 0) and denunciations (1) received, by target; settled by outcome (kept,
 * reduced, annulled, raised, founded, partly_founded, unfounded). */
#define IF_RECV(kind, tgt) (160 + (kind) * 2 + (tgt))
#define IF_SETTLED(kind, tgt, out) (168 + ((kind) * 2 + (tgt)) * 7 + (out))
#define IF_CELLS 256

/* The words of the cells (codes in the database and the API), each list NULL-ended. */
extern const char *const insp_fig_bodies[];   /* committee, inspection */
extern const char *const insp_fig_acts[];     /* inspection, signs, supervision */
extern const char *const insp_fig_targets[];  /* orgs, members */
extern const char *const insp_fig_results[];  /* violation, no_violation, open */
extern const char *const insp_fig_forms[];    /* reprimand ... dissolution */
extern const char *const insp_fig_levels[];   /* committee, grassroots, subcommittee, cell */
extern const char *const insp_fig_kinds[];    /* complaint, denunciation */
extern const char *const insp_fig_outcomes[]; /* kept ... unfounded */

/* The index of word in list, or -1. */
int insp_fig_word(const char *const *list, const char *word);
/* A case's activity group from its kind (plan ...), -1 when unknown. */
int insp_fig_act_of(const char *case_kind);

/* Figures: per cell, plus the complaints and denunciations open past their due date as of
 * the period's end (kind x target). */
struct insp_fig_counts {
	long cell[IF_CELLS];
	long overdue[2][2];
};

/* The figures of the organisations of [pre, last] (pre-order interval) for [from, to]. */
enum err_code store_insp_fig(struct store *st, long pre, long last, date_t from, date_t to,
			     struct insp_fig_counts *out, struct err *e);

/* Subtrees of more than orgs organisations count the edge days and the overdue complaints
 * by the date indexes rather than organisation by organisation (default 2000; the tests set
 * 0 to prove both ways). */
void store_insp_fig_tune(long orgs);

/* The same, counted from the rows with plain SQL (the tests and the bench compare). */
enum err_code store_insp_fig_plain(struct store *st, long pre, long last, date_t from,
				   date_t to, struct insp_fig_counts *out, struct err *e);

/* A drill-down filter: what (0 cases, 1 discipline, 2 complaints), and -1 for "any" in
 * each dimension. stage for complaints: 0 received, 1 settled, 2 overdue as of to. */
struct insp_fig_filter {
	int what;
	int body, act, target, result;  /* cases (body, target also discipline) */
	int form, level;                /* discipline */
	int kind, stage, outcome;       /* complaints (target too) */
};

/* One row of a drill-down list. */
struct insp_fig_item {
	int64_t id;
	date_t on;              /* decision, decided_on, lodged_on (settled_on when settled) */
	char org_code[64], org_name[256];
	int64_t member_id;      /* 0: the organisation */
	char member_name[256];
	char body_code[64];     /* the deciding body's organisation */
	char body[16];          /* committee | inspection (cases, discipline) */
	char kind[24];          /* case kind, discipline form, complaint kind */
	char state[24];
	char result[24];        /* conclusion, or complaint outcome */
	char doc_no[64];
};
typedef int (*store_insp_fig_item_cb)(void *ctx, const struct insp_fig_item *r);

/* The rows behind a cell of the organisations of [pre, last] for [from, to], by date then id,
 * limit rows from offset (limit < 0: all); *total gets how many match. */
enum err_code store_insp_fig_list(struct store *st, long pre, long last, date_t from,
				  date_t to, const struct insp_fig_filter *f, long limit,
				  long offset, long *total, store_insp_fig_item_cb cb, void *ctx,
				  struct err *e);

/* The worklist's counts over [pre, last] as of today: cases open past their period (state
 * open or concluded, period_to < today), concluded and not notified, complaints and
 * denunciations open past due_on, review revisions not resolved. */
struct insp_fig_work {
	long cases_late, notice_due, complaints_due, reviews_to_revise;
};
enum err_code store_insp_fig_work(struct store *st, long pre, long last, date_t today,
				  struct insp_fig_work *out, struct err *e);

#endif
