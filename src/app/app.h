/* app.h - one function per thing a user does, each checking the actor's scope and running
 * in one transaction. The CLI (and later the HTTP server) call only this layer, so every
 * rule and access check exists once.
 *
 * Scope (DOMAIN §12): an actor holds a scope organisation and sees only its subtree. Outside
 * it a record does not exist: lookups answer ERR_NOTFOUND with the same message as for a
 * record that is really absent. */
#ifndef CADRE_APP_H
#define CADRE_APP_H

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>

#include "../core/date.h"
#include "../core/err.h"
#include "../core/member.h"
#include "../core/org.h"
#include "../core/rules.h"
#include "../store/store.h"

/* Who is acting: a name for the history, and the organisation whose subtree they may see
 * (scope_code "" = the whole tree, for a system administrator or the local command line). */
struct actor {
	char name[64];
	char scope_code[ORG_CODE_MAX + 1];
	char address[64]; /* where the request came from, for the audit log ("local": the CLI) */
	enum role role;   /* what the actor may do within the scope (zero: a member's own
			   * account, which sees no scope at all: set it) */
	int64_t account_id; /* 0 for the local command line */
	int personnel;      /* holds the right 'personnel' with its role (docs/cadres.md): set
			     * from the grant in force; a system administrator and the local
			     * command line always hold it. Ask app_personnel_check, never this. */
	int inspection;     /* holds the right 'inspection' (docs/inspection.md: cases and
			     * complaints), set like personnel. Ask app_inspection_check. */
};

/* An open database with its rules. warn collects warnings of the last call (duplicates,
 * deadlines passed) that do not stop it. today is the date used when a command gives none
 * (the CADRE_TODAY environment variable overrides the clock, for tests). */
struct app {
	struct store *st;
	long list_total; /* the members the last app_member_list found (all pages) */
	struct ruleset rules;
	struct err warn;
	date_t today;
	int quiet; /* no progress bars */
	long long rules_loaded; /* when the rules were read (seconds since the epoch) */
	char *db_path;          /* where the database is: its audit key file lies beside it */
	struct audit_keys *audit_keys; /* the audit key, once read and matched to the database */
	int audit_keys_made; /* made by this connection: its record checked at each use */
	int nested; /* inside app_nest_begin: each call is a savepoint of the outer transaction */
};

/* Open the database at path (create: make it if missing). */
enum err_code app_open(struct app *a, const char *path, int create, struct err *e);
void app_close(struct app *a);
/* For a long-lived connection (the server), before each request: today from the clock again,
 * warnings cleared, and the rules read again when another connection added a version. */
enum err_code app_refresh(struct app *a, struct err *e);
/* How long a writer waits for another before failing (ERR_STORAGE, exit 6), and whom to
 * tell once a wait has lasted a second (see store_wait_set). Before opening. */
void app_wait_set(long ms, void (*notice)(long waited_ms, long max_ms));
/* Give the next calls at most ms milliseconds of database work (0: no limit). */
void app_deadline(struct app *a, long long ms);
/* Set a connection up for the server: no checkpoint by its own commits (a thread of the
 * server does them, see app_checkpoint) and a page cache of cache_mib MiB. */
void app_serve_tune(struct app *a, int cache_mib);
/* The server's shared bitmaps of the roll's long word lists (store_roll_cache_new): at most
 * mib MiB, used by the searches of every connection given it by app_search_cache_use. The
 * caller frees it after closing those connections. */
struct roll_cache *app_search_cache_new(size_t mib);
void app_search_cache_free(struct roll_cache *c);
void app_search_cache_use(struct app *a, struct roll_cache *c);
/* Copy the write-ahead log into the database without waiting for readers (the server's
 * checkpointer thread, on a connection of its own). */
void app_checkpoint(struct app *a);
/* Give a connection back clean: roll back a transaction left open (returns 1 when there was
 * one) and lift its deadline. */
int app_release(struct app *a);
/* Make the database work under way on a's connection fail soon (from another thread). */
void app_interrupt(struct app *a);
/* Foreign keys checked by the store (on) or left to the app (a bulk that checks every
 * reference itself); outside a transaction. */
void app_foreign_keys(struct app *a, int on);

/* ---- organisations ------------------------------------------------------------------ */

/* Look up an organisation the actor can see (dissolved ones too). */
enum err_code app_org_get(struct app *a, const struct actor *ac, const char *code, struct org *o,
			  struct err *e);
/* Establish o under o->parent_code ("" for the root, only into an empty database) on
 * o->established (DATE_NONE: today). o->id is set. */
enum err_code app_org_add(struct app *a, const struct actor *ac, struct org *o, struct err *e);
/* Change the attributes that are not restructuring (grassroots type, standing board, local
 * committee, force strengths) to those of o, by code. */
enum err_code app_org_edit(struct app *a, const struct actor *ac, const struct org *o,
			   date_t date, struct err *e);
enum err_code app_org_rename(struct app *a, const struct actor *ac, const char *code,
			     const char *name, date_t date, struct err *e);
enum err_code app_org_move(struct app *a, const struct actor *ac, const char *code,
			   const char *parent_code, date_t date, struct err *e);
/* Merge the organisations srcs[0..n-1] into dst: their members and sub-organisations go to
 * dst and they are dissolved, with lineage src -> dst. */
enum err_code app_org_merge(struct app *a, const struct actor *ac, const char *const *srcs,
			    size_t n, const char *dst, date_t date, struct err *e);
/* One line of a split: which member goes to which organisation. */
struct split_assign {
	int64_t member_id;
	char org_code[ORG_CODE_MAX + 1];
	long line;
};
/* Split src: every member on its roll goes to the organisation the assignment names (every
 * member must be named; the targets must exist); src is dissolved unless keep_source, and
 * lineage src -> each target is recorded. src must have no active sub-organisations. */
enum err_code app_org_split(struct app *a, const struct actor *ac, const char *src,
			    const struct split_assign *as, size_t n, int keep_source, date_t date,
			    struct err *e);
/* Dissolve code; refused while members or sub-organisations remain (R-ORG-DISSOLVE-EMPTY)
 * unless members_to names where its members go. */
enum err_code app_org_dissolve(struct app *a, const struct actor *ac, const char *code,
			       const char *members_to, date_t date, struct err *e);
/* Notes on an organisation from the rules in force today: fewer official members than
 * R-ORG-MIN-OFFICIAL, or enough for a cell committee (R-CELL-STANDING-BOARD-MIN) without one.
 * official is the cell's official roll (official, exempt, suspended). */
struct org_advice {
	long official;
	long min_official;    /* > 0 when the cell is below it */
	long board_min;       /* > 0 when a standing board is due and missing */
};
enum err_code app_org_advice(struct app *a, const struct actor *ac, const char *code,
			     struct org_advice *adv, struct err *e);
/* Members of the subtree of code by status (those off the rolls too: removed, expelled,
 * ...), and those hosted there (hosted NULL: not wanted). The statuses on the rolls come from
 * the figures' counters, summed over the subtree's organisations, never from the roll. */
enum err_code app_org_counts(struct app *a, const struct actor *ac, const char *code,
			     long counts[MS__COUNT], long *hosted, struct err *e);
/* The same for the statuses on the rolls only (counts[] of the others are 0): the figures'
 * counters alone, for pages that show no more. */
enum err_code app_org_counts_on_roll(struct app *a, const struct actor *ac, const char *code,
				     long counts[MS__COUNT], long *hosted, struct err *e);
/* Predecessors (dir < 0) or successors (dir > 0) of code that the actor can see. */
enum err_code app_org_lineage(struct app *a, const struct actor *ac, const char *code, int dir,
			      store_org_cb cb, void *ctx, struct err *e);
/* Number of organisations in the database, and its schema version. */
enum err_code app_org_total(struct app *a, long *n, struct err *e);
int app_schema_version(struct app *a);
/* The newest schema version this build knows. */
int app_schema_latest(void);
enum err_code app_org_history(struct app *a, const struct actor *ac, const char *code,
			      store_org_event_cb cb, void *ctx, struct err *e);

/* A node of the tree as shown to a user: the organisation and member counts of its whole
 * subtree (official roll: official + exempt + suspended; probationary apart; hosted:
 * members here on temporary transfer, not counted in the roll). */
struct tree_node {
	int64_t id, parent_id;
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	enum org_kind kind;
	int depth;        /* relative to the node asked for */
	long official, probationary, hosted;
	long members;     /* official + probationary */
	long orgs;        /* organisations in the subtree, itself included */
};
typedef int (*app_tree_cb)(void *ctx, const struct tree_node *n);
/* The tree under root_code ("" = the actor's scope), max_depth levels deep (-1: all), as of
 * date as_of (DATE_NONE: now), in pre-order with siblings by code. */
enum err_code app_org_tree(struct app *a, const struct actor *ac, const char *root_code,
			   int max_depth, date_t as_of, app_tree_cb cb, void *ctx, struct err *e);

/* ---- members ------------------------------------------------------------------------ */

/* Add m to the roll of m->org_code. Validates everything at once; duplicates (same name,
 * birth date and home town; accents not folded) become warnings in a->warn. m->id is set. */
enum err_code app_member_add(struct app *a, const struct actor *ac, struct member *m,
			     struct err *e);
/* Add a member from fields as typed (names[i] = values[i], CSV column names of docs/csv.md,
 * with org_code and status among them): every problem is reported at once, those of fields
 * that could not be read and those of the record as a whole, then as app_member_add. m
 * receives the record (its id set on success). */
enum err_code app_member_add_fields(struct app *a, const struct actor *ac,
				    const char *const *names, const char *const *values, size_t n,
				    struct member *m, struct err *e);
/* Change fields of a member: names[i] = values[i] (CSV column names; dates as YYYY-MM-DD;
 * "" clears an optional field). The old values are kept in the member's history. */
enum err_code app_member_edit(struct app *a, const struct actor *ac, int64_t id,
			      const char *const *names, const char *const *values, size_t n,
			      date_t date, struct err *e);
enum err_code app_member_get(struct app *a, const struct actor *ac, int64_t id, struct member *m,
			     struct err *e);
/* A roll filtered and ordered as a list page asks: each text "" (or NULL) for no condition,
 * else a status of the rolls, a category (docs/csv.md), "male"/"female", an age band of
 * app_age_bands, an organisation kind; sort one of app_roll_sorts, a leading '-' for the
 * reverse ("" or NULL: name order). */
struct roll_query {
	const char *status, *category, *sex, *age, *kind, *sort;
};
/* The age bands ("18-30", ..., "61-") and the sort keys ("name", "birth", ...), NULL-ended. */
extern const char *const app_age_bands[];
extern const char *const app_roll_sorts[];
/* The current members of org_code's subtree ("" = the actor's scope; hosted members too) that
 * q picks, in q's order, from offset, at most limit (< 0: all), to cb; *total: how many in
 * all. ERR_USAGE naming the parameter ("status", "category", "sex", "age", "kind", "sort")
 * whose value is not one of its words. */
enum err_code app_member_roll(struct app *a, const struct actor *ac, const char *org_code,
			      const struct roll_query *q, long offset, long limit, store_member_cb cb,
			      void *ctx, long *total, struct err *e);
/* Members of the subtree of org_code ("" = the actor's scope), in Vietnamese name order, as of
 * as_of (DATE_NONE: now). Now: the current rolls plus members hosted on temporary transfer
 * (m->temp_org_id set). As of a past date: the rolls on that date, with the status then.
 * a->list_total is set to how many there are in all (every page). */
enum err_code app_member_list(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, long offset, long limit, store_member_cb cb, void *ctx,
			      struct err *e);
/* Search of names within org_code's subtree ("" = the actor's scope), docs/search.md: every
 * word of text must be a word of the name (the last may be the beginning of one); a word
 * typed without accents matches any accents (đ as d), one typed with accents matches those
 * exactly; apostrophes and hyphens separate words. The members on the current rolls that
 * match, in list order: *total of them, at most limit from offset to cb. */
enum err_code app_member_find(struct app *a, const struct actor *ac, const char *text,
			      const char *org_code, long offset, long limit, long *total,
			      store_member_cb cb, void *ctx, struct err *e);
/* The first limit of app_member_find. */
enum err_code app_member_search(struct app *a, const struct actor *ac, const char *text,
				const char *org_code, long limit, store_member_cb cb, void *ctx,
				struct err *e);
/* Organisations within the actor's scope whose name has every word of text (accent-free,
 * each the beginning of a word of the name), the nearest the root first: at most limit to
 * cb, *more set when there are others; open_only leaves out dissolved ones. */
enum err_code app_org_find(struct app *a, const struct actor *ac, const char *text,
			   int open_only, long limit, store_org_cb cb, void *ctx, int *more,
			   struct err *e);
/* The path to organisation code from the top of the actor's scope, the top first and code
 * last, to cb (app_find.c). ERR_NOTFOUND when code is out of sight. */
enum err_code app_org_path(struct app *a, const struct actor *ac, const char *code,
			   store_org_cb cb, void *ctx, struct err *e);
/* A page of a member list or search handed to a client (the API): the same as
 * app_member_list / app_member_search, at most limit rows to cb (*more set when there are
 * further rows), and the page is one audit entry ("members.list", "members.search") with
 * the subtree and the number of rows, like the opening of a record (docs/audit.md). */
enum err_code app_member_page(struct app *a, const struct actor *ac, const char *org_code,
			      date_t as_of, long offset, long limit, store_member_cb cb, void *ctx,
			      int *more, struct err *e);
enum err_code app_member_search_page(struct app *a, const struct actor *ac, const char *text,
				     const char *org_code, long offset, long limit, long *total,
				     store_member_cb cb, void *ctx, struct err *e);
/* Change a member's status on date (R-STATUS-TRANSITION, R-PROBATION-MONTHS). */
enum err_code app_member_status(struct app *a, const struct actor *ac, int64_t id,
				enum member_status status, date_t date, const char *reason,
				struct err *e);
/* Send a member to another organisation (the first half of a transfer). temporary: until
 * is the planned end (R-TRANSFER-TEMP-MIN-MONTHS, R-TRANSFER-TEMP-MAX-MONTHS). *t is filled. */
enum err_code app_member_transfer(struct app *a, const struct actor *ac, int64_t id,
				  const char *to_code, int temporary, date_t date, date_t until,
				  const char *reason, const char *letter_no, struct transfer *t,
				  struct err *e);
/* The receiving organisation records the member's arrival (the second half). From then the
 * member is on its roll (official), or hosted there (temporary). R-TRANSFER-PRESENT-DAYS
 * late arrival is a warning. */
enum err_code app_member_receive(struct app *a, const struct actor *ac, int64_t transfer_id,
				 date_t date, struct transfer *t, struct err *e);
/* End a temporary transfer: the member is no longer hosted. */
enum err_code app_member_return(struct app *a, const struct actor *ac, int64_t transfer_id,
				date_t date, struct err *e);
/* Cancel a transfer sent by mistake: the sending side (the member in the actor's scope),
 * before the receiving side recorded the arrival. reason is required. The transfer stays in
 * the member's history, ended and marked cancelled; the cancellation is audited. *t is the
 * transfer after. */
enum err_code app_member_transfer_cancel(struct app *a, const struct actor *ac,
					 int64_t transfer_id, date_t date, const char *reason,
					 struct transfer *t, struct err *e);
/* The public holidays (every account may read them) of year (0: all), by date. */
enum err_code app_holiday_list(struct app *a, const struct actor *ac, int year,
			       store_holiday_cb cb, void *ctx, struct err *e);
/* Add or remove a public holiday: a system administrator over the whole tree only; audited
 * (holiday.add, holiday.remove with the removed day as "before"). */
enum err_code app_holiday_add(struct app *a, const struct actor *ac, date_t day,
			      const char *name, struct err *e);
enum err_code app_holiday_remove(struct app *a, const struct actor *ac, date_t day,
				 struct err *e);
/* Open transfers touching the subtree of org_code ("" = scope), each with its due date and
 * overdue flag (R-TRANSFER-COMPLETE-WORKING-DAYS for official ones, until for stays). */
enum err_code app_transfer_list(struct app *a, const struct actor *ac, const char *org_code,
				store_transfer_cb cb, void *ctx, struct err *e);

/* A member's whole history: roll periods (closed ones and the current one), status periods,
 * events and transfers. */
struct member_history {
	struct member_period *periods;
	size_t nperiods;
	struct member_status_period *statuses;
	size_t nstatuses;
	struct member_event *events;
	size_t nevents;
	struct transfer *transfers;
	size_t ntransfers;
};
enum err_code app_member_history(struct app *a, const struct actor *ac, int64_t id,
				 struct member_history *h, struct err *e);
void member_history_cleanup(struct member_history *h);
/* Open a member's full record: the record and its history in one snapshot, and the audit
 * entry "member.read" (no entry, no record). What pages and the API use; one call instead of
 * app_member_get and app_member_history. */
enum err_code app_member_record(struct app *a, const struct actor *ac, int64_t id,
				struct member *m, struct member_history *h, struct err *e);
/* Where a member was on date d: *org set (code ""/id 0 when not on any roll) and *status. */
enum err_code app_member_where(struct app *a, const struct actor *ac, int64_t id, date_t d,
			       struct member_period *where, int *status, struct err *e);

/* ---- import and export (app_io.c) -------------------------------------------------- */

struct import_opts {
	FILE *in;             /* the CSV */
	const char *in_name;  /* for messages */
	FILE *rejects;        /* --skip-bad: good rows are imported, bad ones written here (a
			       * write error fails the import) */
	long long in_size;    /* bytes, for the progress bar (0: unknown) */
	int allow_duplicates; /* keep rows that look like a member already on the roll or another
			       * row of the file (warnings then), instead of refusing them */
	const char *once_key; /* NULL, or a key ("key:..." from Idempotency-Key, "sha256:HEX" from
			       * --once): an import whose key the actor already used is not run
			       * again (res->replayed), one with another file is refused */
	const char *sha256;   /* the file's SHA-256 in hex, "" or NULL when not known */
	int create_positions; /* holdings: a missing position of a valid kind is created */
};
struct import_result {
	long rows, imported, rejected, warnings;
	int64_t report_id;    /* the import's report (import_report), 0 when none was kept */
	int replayed;         /* once_key was used before: nothing imported, the counts and
			       * report_id are those of the first import */
	char replayed_at[32]; /* when the first import was (UTC, ISO 8601) */
};
/* Import organisations or members from CSV (docs/csv.md), all or nothing unless
 * opts->rejects is set. Every bad row is reported in e (line, column, value, reason). */
enum err_code app_import_orgs(struct app *a, const struct actor *ac,
			      const struct import_opts *opts, struct import_result *res,
			      struct err *e);
enum err_code app_import_members(struct app *a, const struct actor *ac,
				 const struct import_opts *opts, struct import_result *res,
				 struct err *e);
/* Import o->in as what ("orgs", "members", "reviews", "org-reviews", "candidates"), with o->once_key
 * honoured for each of them (the reviews' key is looked up before their transaction and kept
 * after it). */
enum err_code app_import_run(struct app *a, const struct actor *ac, const char *what,
			     const struct import_opts *o, struct import_result *res, struct err *e);
/* The first problems and warnings an answer carries; the rest are in the import's report. */
#define IMPORT_ANSWER_ITEMS 1000
/* The largest rejected_csv an answer carries; a longer one is in the import's report. */
#define IMPORT_ANSWER_CSV_MAX (1u << 20)
/* One import as the API receives it: what ("orgs", "members", "reviews", "org-reviews",
 * "candidates"), a CSV body in memory, ?skip_bad, ?allow_duplicates and the Idempotency-Key
 * (NULL: none). */
struct import_request {
	const char *what;
	const char *body;
	size_t len;
	int skip_bad, allow_duplicates;
	const char *key;
	/* Optional (NULL when not wanted): *result receives the counts, whatever the outcome;
	 * opened(opened_ctx, in) is called with the stream the import reads once it is open and
	 * with NULL before it is closed (an import job reads its position as its progress). */
	struct import_result *result;
	void (*opened)(void *ctx, FILE *in);
	void *opened_ctx;
	int create_positions; /* holdings: a missing position of a valid kind is created */
};
/* Import q's body as the API does (the fuzz target takes this path too). On success *answer
 * (a new reference) is the answer: the counts, the first IMPORT_ANSWER_ITEMS problems and
 * warnings with "errors_more"/"warnings_more" when there are more, rejected_csv (null when
 * over IMPORT_ANSWER_CSV_MAX), and the report ({"id","url"}) where the whole of it can be
 * read; a repeat of a key already used answers what the first import answered, with
 * "replayed": true, and imports nothing. On failure e says why and *answer is NULL or an
 * object of members to add to the problem (the report of a refusal too long for it). Never
 * fails because the answer is long. */
enum err_code app_import_body(struct app *a, const struct actor *ac,
			      const struct import_request *q, json_t **answer, struct err *e);
/* An import report of the actor's own (GET /api/v1/import/reports/ID): *report (caller frees)
 * gets its JSON text: the counts and every problem and warning. ERR_NOTFOUND for another
 * account's report. */
enum err_code app_import_report(struct app *a, const struct actor *ac, int64_t id,
				char **report, struct err *e);
/* ---- import jobs (app_job.c): an import run in the background ------------------------ */

/* Start a job importing q (copied: the caller may free it when this returns) from a file
 * named file_name (for the lists; NULL: "upload.csv"): a row of import_job (queued) and a
 * thread with a connection of its own to a->db_path that runs app_import_body and records its
 * answer (done) or its problems (failed). The thread's messages are in the caller's language.
 * ERR_DENIED for a role that may not change records, ERR_STORAGE when too many jobs run
 * (APP_JOBS_MAX). *id gets the job's id. */
#define APP_JOBS_MAX 16
enum err_code app_job_start(struct app *a, const struct actor *ac,
			    const struct import_request *q, const char *file_name, int64_t *id,
			    struct err *e);
/* Job id as the actor may see it: their own job, or one started within the subtree of an
 * administrator (organisation or system); any other is ERR_NOTFOUND, as a job that does not
 * exist. *j has its progress (done/total read live while it runs in this process);
 * *result and *error (caller frees; may be NULL) the stored answer and problem texts. */
enum err_code app_job_get(struct app *a, const struct actor *ac, int64_t id,
			  struct import_job *j, char **result, char **error, struct err *e);
/* The actor's own jobs, newest first, from offset, at most limit, to cb; *total in all. */
enum err_code app_job_list(struct app *a, const struct actor *ac, long offset, long limit,
			   store_job_cb cb, void *ctx, long *total, struct err *e);
/* When a server stops: interrupt the jobs under way (each rolls back whole and is recorded
 * interrupted) and wait at most wait_ms for their threads to end. */
void app_job_stop(long wait_ms);
/* When a server starts: every job left queued or running by a server that stopped is marked
 * interrupted (an import is one transaction: nothing of it was written). *n: how many. */
enum err_code app_job_recover(struct app *a, long *n, struct err *e);
/* Read a job's stored result or error text back: the counts into *res, its problems into e
 * (with the stored code, for an error text) and its warnings into warn (may be NULL).
 * Returns 0, or -1 when the text is not what a job stores. */
int app_job_read(const char *text, struct import_result *res, struct err *e, struct err *warn);

/* The SHA-256 of the rest of f in hex (hex has 65 bytes), f rewound after; -1 on a read
 * error. */
int app_file_sha256(FILE *f, char *hex);

/* Export the actor's active organisations (pre-order) or current rolls (by id) as CSV. */
enum err_code app_export_orgs(struct app *a, const struct actor *ac, FILE *out, struct err *e);
enum err_code app_export_members(struct app *a, const struct actor *ac, FILE *out,
				 struct err *e);

/* ---- accounts and tokens (app_account.c) ------------------------------------------ */

/* Whether the actor's role may change records (ERR_DENIED with the reason otherwise). Every
 * changing app function checks it; pages call it too, to spare a viewer a form that cannot be
 * sent. */
enum err_code app_can_edit(const struct actor *ac, struct err *e);

/* The one check of the right 'personnel' (docs/cadres.md "The personnel right"): the actor
 * holds the right with a role over organisation org_id (0: over its own scope), that is its
 * grant carries the right (a system administrator always does) and org_id lies in its
 * subtree. ERR_DENIED with a message saying who grants it otherwise. Training records (and
 * later planning and assessments) need it; viewers and clerks without it see positions and
 * committees only. */
enum err_code app_personnel_check(struct app *a, const struct actor *ac, int64_t org_id,
				  struct err *e);
/* Grant (on 1) or revoke (on 0) the right 'personnel' on account name's role grant: by those
 * who manage the account (an organisation administrator within their subtree, a system
 * administrator). Audited as account.personnel.grant / account.personnel.revoke. Refused for
 * a member's own account; granting it twice is no error. */
enum err_code app_account_personnel(struct app *a, const struct actor *ac, const char *name,
				    int on, struct err *e);
/* The same, the grant named by its organisation too (the API's and the page's "org"):
 * org_code NULL is not checked, "" is the whole tree; an account whose role lies on another
 * organisation is refused (ERR_INPUT naming "org", saying where its role is). */
enum err_code app_account_personnel_org(struct app *a, const struct actor *ac,
					const char *name, const char *org_code, int on,
					struct err *e);

/* The one check of the right 'inspection' (docs/inspection.md "The inspection right"):
 * inspection programmes, cases, complaints and denunciations, and the footnote-7 report
 * need it, held with a role over organisation org_id (0: over its own scope); a system
 * administrator and the local command line always hold it. Others see only the discipline
 * in force on a member's record. ERR_DENIED saying who grants it otherwise. */
enum err_code app_inspection_check(struct app *a, const struct actor *ac, int64_t org_id,
				   struct err *e);
/* Grant (on 1) or revoke (on 0) the right 'inspection', as app_account_personnel(_org).
 * Audited as account.inspection.grant / account.inspection.revoke. */
enum err_code app_account_inspection(struct app *a, const struct actor *ac, const char *name,
				     int on, struct err *e);
enum err_code app_account_inspection_org(struct app *a, const struct actor *ac,
					 const char *name, const char *org_code, int on,
					 struct err *e);

/* Make an account holding role on org_code ("" = the whole tree, for a system administrator).
 * A system administrator may do this anywhere; an organisation administrator inside their
 * subtree and never for a role above their own. The password is stored as an argon2id hash
 * (R-PASSWORD-MIN-LENGTH). */
enum err_code app_account_add(struct app *a, const struct actor *ac, const char *name,
			      const char *password, enum role role, const char *org_code,
			      struct err *e);
/* The accounts whose role lies within the actor's subtree. */
enum err_code app_account_list(struct app *a, const struct actor *ac, store_account_cb cb,
			       void *ctx, struct err *e);
/* Issue an API token for an account (system administrators only). token receives the token,
 * shown this once (only its hash is kept). */
#define TOKEN_CHARS 48
enum err_code app_token_add(struct app *a, const struct actor *ac, const char *account,
			    const char *label, char token[TOKEN_CHARS], int64_t *id,
			    struct err *e);
enum err_code app_token_revoke(struct app *a, const struct actor *ac, int64_t id,
			       struct err *e);
/* Sign in: out becomes the account's actor. A wrong name and a wrong password get the same
 * answer; R-LOGIN-MAX-FAILS failures in a row lock the account for R-LOGIN-LOCK-MINUTES.
 * Each attempt is counted before the password is checked (parallel guesses all count). An
 * unknown or disabled name costs the same work and, after as many tries, gets the same
 * lockout answer as an account: the answers never tell whether a name exists. */
enum err_code app_login_password(struct app *a, const char *name, const char *password,
				 const char *address, struct actor *out, struct err *e);
/* The actor of account_id as it is now (a session's account read again): ERR_DENIED when
 * the account is gone, disabled or has no role. */
enum err_code app_login_account(struct app *a, int64_t account_id, const char *address,
				struct actor *out, struct err *e);
enum err_code app_login_token(struct app *a, const char *token, const char *address,
			      struct actor *out, struct err *e);

/* ---- the audit log (app_audit.c) -------------------------------------------------- */

/* The entries of org_code's subtree ("" or NULL: the actor's scope) that f picks (its
 * actor, action, subject, from, until and before; pre and last are set here), newest first,
 * from the offset-th, at most limit; *n (when not NULL) receives how many f picks in all
 * (whatever before) and how many of them are older than f->before (the rest of the log from
 * this page on: the page's rank is total - older). from and until are days "YYYY-MM-DD",
 * both included (ERR_USAGE naming "from" or "to" when not dates). */
struct audit_counts {
	long total, older;
};
enum err_code app_audit_find(struct app *a, const struct actor *ac, const char *org_code,
			     const struct audit_filter *f, long offset, long limit,
			     store_audit_cb cb, void *ctx, struct audit_counts *n, struct err *e);
/* The latest entries of the actor's subtree, newest first (at most limit; limit < 0: 100).
 * Entries about the whole tree (imports by a system administrator) are seen by actors whose
 * scope is the whole tree. */
enum err_code app_audit_list(struct app *a, const struct actor *ac, const char *org_code,
			     long limit, store_audit_cb cb, void *ctx, struct err *e);
/* What an audit entry's subject names, as one reader may see it (app_audit_subject). */
enum audit_subject_kind {
	AUDIT_SUBJECT_OTHER,
	AUDIT_SUBJECT_MEMBER,
	AUDIT_SUBJECT_ORG,
	AUDIT_SUBJECT_ADMISSION
};
struct audit_subject {
	enum audit_subject_kind kind;   /* member:ID, org:CODE, admission:ID, or anything else */
	int64_t member_id;              /* kind MEMBER */
	int64_t admission_id;           /* kind ADMISSION: the case; name is the candidate's */
	char code[ORG_CODE_MAX + 1];    /* kind ORG: the organisation's code */
	char name[ORG_NAME_MAX * 2 + 1]; /* the member's full name or the organisation's name;
					  * "" when the record lies outside the reader's
					  * subtree, no longer exists, or the subject is neither */
};
/* The reader of a list of entries: its scope, read once for the whole list. */
struct audit_namer {
	struct app *a;
	long pre, last;
};
enum err_code app_audit_namer_init(struct audit_namer *n, struct app *a, const struct actor *ac,
				   struct err *e);
/* The name behind subject for n's reader: a member's name when the member (on its roll, or
 * hosted on a temporary transfer) is within the reader's subtree, an organisation's when the
 * organisation is (a dissolved one: when its last parent is), an admission case's candidate
 * when the case's cell is (as app_adm_get finds cases), else none (the raw reference
 * is what the reader gets, as for an entry whose record is gone). Never fails: a store
 * error also gives no name. */
void app_audit_subject(struct audit_namer *n, const char *subject, struct audit_subject *out);
/* Whether the actor may check the whole chain: only a role on the whole tree, since the
 * check counts and reads every entry, those outside a scope too (ERR_DENIED otherwise). */
enum err_code app_audit_may_verify(const struct actor *ac, struct err *e);
/* What audit verify found (docs/audit.md). why is "" when the log is intact. */
struct audit_verdict {
	long entries;       /* entries read */
	long legacy;        /* of which written before the database had its key (MAC unchecked) */
	long checkpoints;   /* signed checkpoints checked */
	int keyed;          /* the MAC chain was checked with the key */
	int64_t bad_id;     /* the first entry edited, deleted or moved; 0 when none is named */
	char why[400];
	int64_t head_entries;                 /* the head: the number of entries ... */
	unsigned char head[AUDIT_HASH_BYTES]; /* ... and the last one's MAC (hash when legacy) */
};
/* Check the whole log, streaming: ids, the hash chain, the MAC chain under the key (the key
 * file must be there when the database has one), every checkpoint's signature and head, an
 * empty or shortened log on a database with records, and, when kept_head is given ("N:HEX"
 * or "HEX", as app_audit_head prints it), that the log still holds that head. ERR_STORAGE
 * when something is wrong (v->why says what), ERR_USAGE for a malformed kept_head. */
enum err_code app_audit_verify(struct app *a, const char *kept_head, struct audit_verdict *v,
			       struct err *e);
/* The current head of the log, to keep elsewhere: entries and the last entry's MAC. */
enum err_code app_audit_head(struct app *a, int64_t *entries, unsigned char head[AUDIT_HASH_BYTES],
			     struct err *e);
/* Make the database's audit key (at init): the key file beside the database (or
 * CADRE_AUDIT_KEY_FILE), mode 0600, and its record in the database. *path_out (may be NULL)
 * gets the key file's path. Nothing happens when the database has its key already. */
enum err_code app_audit_key_init(struct app *a, const char **path_out, struct err *e);
/* Sign a checkpoint of the current head (inside a write transaction; nothing when the log
 * is empty or the last checkpoint is of this head already). */
enum err_code app_audit_checkpoint(struct app *a, struct err *e);

/* ---- demo (demo.c) ------------------------------------------------------------------ */
/* Build the sample military region into an empty database, deterministically. */
enum err_code app_demo(struct app *a, const struct actor *ac, struct err *e);

/* ---- helpers shared by the app files ------------------------------------------------ */
/* Compute the name keys of m into the buffers and fill k. The keys of name parts and words
 * are cached (they repeat: a few thousand given names among millions of members), so one
 * name_keys used for a whole import spends little time in ICU. Not shared between threads. */
struct name_cache;
struct name_keys {
	unsigned char sort_key[VNAME_KEY_MAX];
	struct buf folded, dup;
	struct member_keys k;
	struct name_cache *parts, *words;
};
void name_keys_init(struct name_keys *nk);
void name_keys_cleanup(struct name_keys *nk);
int name_keys_compute(struct name_keys *nk, const struct member *m);
/* FNV-1a hash of a string, as a non-negative 64-bit integer (duplicate-key hashes). */
int64_t app_hash64(const char *s);
/* The scope interval of an actor: [*pre, *last] in the current tree. */
enum err_code app_scope(struct app *a, const struct actor *ac, long *pre, long *last,
			struct err *e);
/* Whether org o is visible to the actor (active: inside the scope interval; dissolved: its
 * last parent is). */
int app_org_visible(struct app *a, long scope_pre, long scope_last, const struct org *o);

#endif
