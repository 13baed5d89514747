/* store.h - the storage interface: every read and write of cadre's records goes through here.
 *
 * This is the only layer that speaks SQL. The embedded backend is SQLite (store.c); the
 * functions take and return core structs, so another backend (PostgreSQL) can implement the
 * same interface without touching the layers above. Every function returns an err_code and,
 * on failure, adds a problem to e. Values are always bound, never spliced into SQL. */
#ifndef CADRE_STORE_H
#define CADRE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/date.h"
#include "../core/account.h"
#include "../core/audit.h"
#include "../core/err.h"
#include "../core/member.h"
#include "../core/org.h"
#include "../core/review.h"
#include "../core/rules.h"
#include "../core/text.h"

struct store;

/* Open (creating when create is set) the database at path and bring its schema to the
 * newest version. *out is owned by the caller: store_close. */
enum err_code store_open(struct store **out, const char *path, int create, struct err *e);
void store_close(struct store *st);
/* The schema version the database is at, and the newest this build knows. */
int store_schema_version(struct store *st);
int store_schema_latest(void);

/* Transactions. store_begin starts an immediate (write) transaction. */
enum err_code store_begin(struct store *st, struct err *e);
enum err_code store_commit(struct store *st, struct err *e);
void store_rollback(struct store *st);
/* A savepoint inside the open transaction (several app calls made one, as an import that
 * is all or nothing): released (kept in the transaction) or rolled back to (the call's
 * writes undone, the transaction still open). */
enum err_code store_savepoint(struct store *st, struct err *e);
enum err_code store_savepoint_release(struct store *st, struct err *e);
void store_savepoint_rollback(struct store *st);
/* A read transaction: the statements between see one snapshot, and take the database's
 * locks once rather than once each. store_read_end ends it (nothing to keep). */
enum err_code store_read_begin(struct store *st, struct err *e);
void store_read_end(struct store *st);
/* For a long-running server: commits stop copying the log into the database (autocheckpoint
 * off), and store_checkpoint, called from a thread of its own, does it without waiting for
 * readers or writers (a passive checkpoint), so no request pays for the disk's flush. */
void store_autocheckpoint(struct store *st, int on);
void store_checkpoint(struct store *st);
/* Stop any statement that runs past ms milliseconds from now (0: no limit) with ERR_STORAGE
 * and a message saying so: a search abandoned by its client must not hold a worker. */
void store_deadline(struct store *st, long long ms);
/* How long a writer waits for another (another process's import, or another thread of this
 * one) before giving up with ERR_STORAGE "the database is busy ...": ms milliseconds for
 * every connection opened from now on and for the queue of this process's writers. notice,
 * when set, is called once a wait has lasted a second (waited, ms): the CLI says in words
 * what it is waiting for. Call before opening connections, from one thread. */
void store_wait_set(long ms, void (*notice)(long waited_ms, long max_ms));
long store_wait_ms(void);
/* Stop st's running and next statements (thread-safe, for a stopping server): they fail
 * with ERR_STORAGE saying the server is stopping, and their transaction rolls back. */
void store_interrupt(struct store *st);
/* Make st ready for its next user: roll back a transaction left open and release the
 * process's write queue. Returns 1 when something was left open (a bug), else 0. */
int store_release(struct store *st);

/* Journal mode for a first load (on = 1: a rollback journal, so new pages are written once
 * rather than through the write-ahead log; on = 0: back to WAL). Outside a transaction. Fails
 * harmlessly (ERR_STORAGE) when another connection has the database open. */
enum err_code store_journal_bulk(struct store *st, int on);
/* Foreign keys checked (on) or not, outside a transaction: a bulk whose every reference the
 * app has checked itself (an import of a year's reviews) turns them off for its length. */
void store_foreign_keys(struct store *st, int on);

/* Bulk mode for loading many rows into an empty table: drops the member indexes, which
 * store_bulk_end rebuilds. Call inside a transaction. */
enum err_code store_bulk_begin(struct store *st, struct err *e);
enum err_code store_bulk_end(struct store *st, struct err *e);
/* Count a row of a bulk load in the figures (m as it will be stored; its id may be unknown).
 * The loader calls it for every row it hands to store_member_insert, from one thread, which
 * may be another than the one storing: it uses no SQL and no state store_member_insert
 * touches. A row that then fails to store makes store_bulk_end count everything afresh. */
enum err_code store_member_bulk_count(struct store *st, const struct member *m, struct err *e);
/* (Returns ERR_OK, or ERR_INPUT when the row brings one ethnicity too many for the counters:
 * the row is then not counted and the load must fail.) */

/* Rules. */
enum err_code store_rules_load(struct store *st, struct ruleset *rs, struct err *e);
/* Set this connection's page cache to mib MiB (a whole-tree pass reads more than the usual
 * 16). */
void store_cache_mib(struct store *st, int mib);
/* How many rule versions there are (they are only ever added). */
enum err_code store_rules_count(struct store *st, long *n, struct err *e);
enum err_code store_rule_add(struct store *st, const struct rule_version *v, const char *actor,
			     struct err *e);

/* ---- organisations ------------------------------------------------------------------ */

/* Look one up (dissolved ones too). ERR_NOTFOUND when there is none. */
enum err_code store_org_by_code(struct store *st, const char *code, struct org *o, struct err *e);
enum err_code store_org_by_id(struct store *st, int64_t id, struct org *o, struct err *e);
/* Number of organisations (all, including dissolved). */
enum err_code store_org_count(struct store *st, long *n, struct err *e);
/* Insert o (its id is set) with its first version starting at o->established. */
enum err_code store_org_insert(struct store *st, struct org *o, struct err *e);
/* Write o's current fields, and when versioned is set close the version in force and open a
 * new one from date (the name, parent and kind as of date). */
enum err_code store_org_update(struct store *st, const struct org *o, int versioned, date_t date,
			       struct err *e);
/* The start of the version of org id in force now (the date of its last restructuring). */
enum err_code store_org_version_since(struct store *st, int64_t id, date_t *from, struct err *e);
/* Recompute pre/last/depth of every active organisation from the parent links. */
enum err_code store_org_renumber(struct store *st, struct err *e);
/* Record a restructuring event; *event_id is set. detail is JSON text or NULL. */
enum err_code store_org_event_add(struct store *st, date_t date, const char *kind, int64_t org_id,
				  int64_t other_org_id, const char *detail, const char *actor,
				  int64_t *event_id, struct err *e);
enum err_code store_org_lineage_add(struct store *st, int64_t pred, int64_t succ,
				    int64_t event_id, const char *kind, struct err *e);

typedef int (*store_org_cb)(void *ctx, const struct org *o);
/* Active organisations with pre in [pre, last], in pre-order, at most max_depth levels
 * below min_depth (max_depth < 0: all). Stops early when cb returns non-zero. */
enum err_code store_org_walk(struct store *st, long pre, long last, int max_depth,
			     store_org_cb cb, void *ctx, struct err *e);
/* Active children of org id, ordered by code. */
enum err_code store_org_children(struct store *st, int64_t id, store_org_cb cb, void *ctx,
				 struct err *e);

/* An organisation's state as of a date, from its versions: id, parent id, name, kind. */
struct org_at {
	int64_t id, parent_id;
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	enum org_kind kind;
};
typedef int (*store_org_at_cb)(void *ctx, const struct org_at *o);
/* Every organisation that existed on date d, with its parent, name and kind then. */
enum err_code store_orgs_as_of(struct store *st, date_t d, store_org_at_cb cb, void *ctx,
			       struct err *e);

/* One restructuring event touching an organisation (as subject or as the other party). */
struct org_event {
	int64_t id;
	date_t date;
	char kind[24];
	char org_code[ORG_CODE_MAX + 1], other_code[ORG_CODE_MAX + 1];
	char detail[1024];
	char actor[64];
	char recorded_at[32];
};
typedef int (*store_org_event_cb)(void *ctx, const struct org_event *ev);
enum err_code store_org_history(struct store *st, int64_t org_id, store_org_event_cb cb,
				void *ctx, struct err *e);
/* Lineage: predecessors (dir < 0) or successors (dir > 0) of org_id. */
enum err_code store_org_lineage(struct store *st, int64_t org_id, int dir, store_org_cb cb,
				void *ctx, struct err *e);

/* Members on the rolls of the organisations with pre in [pre, last], by status
 * (counts[MS_...]), plus temporarily hosted members from elsewhere (*hosted). */
enum err_code store_org_counts(struct store *st, long pre, long last, long counts[MS__COUNT],
			       long *hosted, struct err *e);
/* Members on the roll of exactly org id, by status (no subtree). */
/* The members hosted on temporary transfer in organisations with pre in [pre, last] whose
 * own roll is outside it (the hosted count of store_org_counts alone). */
enum err_code store_org_hosted(struct store *st, long pre, long last, long *hosted,
			       struct err *e);
/* Members of organisations with pre in [pre, last] by status, for the statuses off the rolls
 * only (removed, expelled, deceased, transferred out: those the figures do not count);
 * counts[] of the others are left as they are. */
enum err_code store_org_counts_off_roll(struct store *st, long pre, long last,
					long counts[MS__COUNT], struct err *e);
/* The organisations with pre in [pre, last] in pre-order, each with its pre-order interval
 * and its core counters as stored (a blob for fig_decode, valid during the call; NULL when
 * none). */
typedef int (*store_fig_pre_cb)(void *ctx, long pre, long last, const void *core, size_t len);
enum err_code store_fig_walk_pre(struct store *st, long pre, long last, store_fig_pre_cb cb,
				 void *ctx, struct err *e);
enum err_code store_org_direct_counts(struct store *st, int64_t id, long counts[MS__COUNT],
				      struct err *e);
/* Active-member counts of every organisation's own roll: cb(ctx, org_id, n_official_roll,
 * n_probationary). For tree displays; sums are made by the caller. */
enum err_code store_org_roll_sizes(struct store *st,
				   int (*cb)(void *ctx, int64_t org_id, long official, long prob),
				   void *ctx, struct err *e);

/* ---- members ------------------------------------------------------------------------ */

/* Derived keys of a member's name, computed by the caller (core/vname). */
struct member_keys {
	const unsigned char *sort_key;
	size_t sort_key_len;
	const char *folded;
	int64_t dup_hash;  /* hash of the duplicate key (vname_dup_key) */
};

/* Insert m (m->id is kept when non-zero, else assigned and set). ERR_RULE "duplicate id"
 * when the id is taken. */
enum err_code store_member_insert(struct store *st, struct member *m,
				  const struct member_keys *k, struct err *e);
/* Replace the stored record of m->id with m. */
enum err_code store_member_update(struct store *st, const struct member *m,
				  const struct member_keys *k, struct err *e);
enum err_code store_member_get(struct store *st, int64_t id, struct member *m, struct err *e);
/* The largest member id in use (0 when none). */
enum err_code store_member_max_id(struct store *st, int64_t *id, struct err *e);

/* A closed period of a member on a roll [from, to), temporary or official. */
enum err_code store_member_period_add(struct store *st, int64_t member_id, int64_t org_id,
				      date_t from, date_t to, int temporary, struct err *e);
/* A closed period of a status [from, to). */
enum err_code store_member_status_add(struct store *st, int64_t member_id,
				      enum member_status status, date_t from, date_t to,
				      struct err *e);
/* An event in the member's timeline (status change, transfer, edit, merge...). */
enum err_code store_member_event_add(struct store *st, int64_t member_id, date_t date,
				     const char *kind, const char *detail, const char *actor,
				     struct err *e);

typedef int (*store_member_cb)(void *ctx, const struct member *m);

/* Members on the current rolls (active statuses) of organisations with pre in [pre, last],
 * plus those hosted there on temporary transfer when with_hosted is set, in list order
 * (given, middle, family name, then id); offset/limit page the list (limit < 0: all). */
/* What a filtered roll (store_member_roll) picks and how it is ordered. Strings "" (or NULL)
 * and DATE_NONE are no condition. */
enum member_sort {
	MSORT_NAME, MSORT_BIRTH, MSORT_STATUS, MSORT_ORG, MSORT_CATEGORY, MSORT__COUNT
};
struct member_filter {
	long pre, last;        /* the rolls of these organisations, and those hosted there */
	const char *status;    /* "official", ... */
	const char *category;  /* "soldier", ... */
	const char *sex;       /* "male" | "female" */
	date_t born_after;     /* birth date after this day */
	date_t born_until;     /* birth date on or before this day */
	const char *org_kind;  /* members of organisations of this kind ("cell", ...) */
	enum member_sort sort; /* then Vietnamese name order */
	int desc;              /* 1: the first key in reverse */
};
/* The active members f picks, ordered by f, from offset, at most limit (< 0: all), to cb;
 * *total receives how many f picks in all. */
enum err_code store_member_roll(struct store *st, const struct member_filter *f, long offset,
				long limit, store_member_cb cb, void *ctx, long *total,
				struct err *e);
/* How many members the last store_member_list of st found in all (every page). */
long store_member_list_total(const struct store *st);
enum err_code store_member_list(struct store *st, long pre, long last, int with_hosted,
				long offset, long limit, store_member_cb cb, void *ctx,
				struct err *e);
/* Members whose current roll is org id exactly, by id: active statuses only when
 * active_only, else every status (for questions about the past). */
enum err_code store_member_of_org(struct store *st, int64_t org_id, int active_only,
				  store_member_cb cb, void *ctx, struct err *e);
/* Members hosted at org id on temporary transfer now. */
enum err_code store_member_hosted(struct store *st, int64_t org_id, store_member_cb cb,
				  void *ctx, struct err *e);
/* A server's bitmaps of the long word lists of the roll (roll_block), built once and shared
 * by the searches of all its connections (docs/search.md): each kept while its word's
 * version (roll_gen) is the one it was built at, the least recently used let go beyond
 * budget bytes. Thread-safe. The caller owns it and frees it after the last connection
 * that uses it is closed. */
struct roll_cache;
struct roll_cache *store_roll_cache_new(size_t budget);
void store_roll_cache_free(struct roll_cache *c);
/* Searches of st use c (NULL: none, the lists read each time). c outlives st's use of it. */
void store_roll_cache_use(struct store *st, struct roll_cache *c);
/* c's counters: bitmaps found built and valid, built (absent or out of date), kept now. */
void store_roll_cache_stats(struct roll_cache *c, long long *hits, long long *builds,
			    long *kept);
/* A word of a search (docs/search.md): text is folded (vname_fold) unless accented, when it
 * is lower-case NFC and matches those accents exactly; prefix: it may begin a longer word. */
struct search_word {
	const char *text, *folded; /* folded: the word folded (text itself when not accented) */
	int accented, prefix;
};
/* Members on the current rolls within [pre, last] who have every word of words among the
 * words of their names, in list order: *total of them, those from offset, at most limit
 * (limit < 0: all) to cb. ERR_INPUT when too many people match to count. */
enum err_code store_member_find(struct store *st, long pre, long last,
				const struct search_word *words, size_t nwords, long offset,
				long limit, long *total, store_member_cb cb, void *ctx,
				struct err *e);
/* Organisations within [pre, last] (open ones only when open_only) each word of whose
 * folded name begins with a word of folded (folded, single spaces), the nearest the root
 * first then by name, at most limit to cb; *more set when there are others. */
enum err_code store_org_find(struct store *st, long pre, long last, const char *folded,
			     int open_only, long limit, store_org_cb cb, void *ctx, int *more,
			     struct err *e);
/* The numbers that belong to one member only (R-MEMBER-UNIQUE-NUMBERS), former members
 * included. */
enum member_number { MN_CITIZEN_ID, MN_CARD_NO, MN_HISTORY_NO };
/* The member other than not_id whose number of kind k is value: *holder gets its id (0 when
 * none holds it) and *holder_pre the pre-order number of its organisation, for the caller's
 * scope check. value "" is never held. */
enum err_code store_member_number_holder(struct store *st, enum member_number k,
					 const char *value, int64_t not_id, int64_t *holder,
					 long *holder_pre, struct err *e);
/* Give member id the number of kind k that member holder has, as records from before
 * R-MEMBER-UNIQUE-NUMBERS shared numbers (migration 11): id is marked number_clash = id, so
 * the two stand side by side and id is listed among the members whose numbers clash. Only
 * for the demo's sample of such old records (app_demo); a user's change never shares a
 * number. ERR_NOTFOUND when either member is missing or holder has no such number. */
enum err_code store_member_number_share(struct store *st, int64_t id, enum member_number k,
					int64_t holder, struct err *e);
/* Members whose numbers clash with another's (number_clash set: a number two members
 * already shared when R-MEMBER-UNIQUE-NUMBERS came, kept on both) on the rolls of
 * organisations with pre in [pre, last]: their count (a partial index holds only them), and
 * the list, by id, offset and limit (limit < 0: all). */
enum err_code store_member_clash_count(struct store *st, long pre, long last, long *n,
				       struct err *e);
enum err_code store_member_clash_list(struct store *st, long pre, long last, long offset,
				      long limit, store_member_cb cb, void *ctx, struct err *e);

/* ---- import reports and idempotency keys (one row a committed import, or a refused one
 * whose report was too long for its answer) ---- */
struct import_report {
	int64_t id;
	char account[64];
	char what[24];
	char created[32];     /* UTC, ISO 8601 */
	char sha256[65];      /* of the file, hex; "" when not known */
	long rows, imported, rejected, warnings;
	int has_answer;
};
/* Add a report row (inside the caller's transaction, or alone): key may be NULL. *id gets its
 * id. A second row with the same account and key is refused by a unique index (ERR_RULE). */
enum err_code store_import_report_add(struct store *st, const struct import_report *r,
				      const char *key, int64_t *id, struct err *e);
/* The report of account with idempotency key key: ERR_NOTFOUND when none. */
enum err_code store_import_report_by_key(struct store *st, const char *account,
					 const char *key, struct import_report *r, struct err *e);
/* Store the answer given and the whole report (JSON texts) of report id. */
enum err_code store_import_report_set(struct store *st, int64_t id, const char *answer,
				      const char *report, struct err *e);
/* Report id of account: *r, and (when answer/report are not NULL) malloc'd copies of the
 * answer and whole report texts (NULL when not stored). ERR_NOTFOUND when the id is not one
 * of account's. */
enum err_code store_import_report_get(struct store *st, int64_t id, const char *account,
				      struct import_report *r, char **answer, char **report,
				      struct err *e);

/* ---- import jobs (an import run in the background; store_import.c) ---- */
struct import_job {
	int64_t id;
	char kind[24];        /* "orgs", "members", "reviews", "org-reviews" */
	char account[64];     /* who started it */
	int64_t account_id;
	char scope[ORG_CODE_MAX + 1]; /* their scope then ("" = the whole tree) */
	char file_name[128];
	char sha256[65];
	char state[16];       /* "queued", "running", "done", "failed", "interrupted" */
	long long done, total; /* bytes of the file read, and its size */
	char started[32], ended[32]; /* UTC, ISO 8601; ended "" while it runs */
	int64_t report_id;    /* the import's report (import_report), 0 when none */
};
typedef int (*store_job_cb)(void *ctx, const struct import_job *j);
/* Add job j (its id, the times and the state as given); *id gets its id. */
enum err_code store_job_add(struct store *st, const struct import_job *j, int64_t *id,
			    struct err *e);
/* Set the state of job id (and, when ended is not NULL, its end time). */
enum err_code store_job_state(struct store *st, int64_t id, const char *state,
			      const char *ended, struct err *e);
/* Record how job id ended: state "done" or "failed", its counts, report, and the result
 * and error texts (NULL: none). */
enum err_code store_job_finish(struct store *st, const struct import_job *j,
			       const char *result, const char *error, struct err *e);
/* Job id: *j, and (when not NULL) malloc'd copies of its result and error texts (NULL when
 * none). ERR_NOTFOUND without touching e when there is no such job. */
enum err_code store_job_get(struct store *st, int64_t id, struct import_job *j, char **result,
			    char **error, struct err *e);
/* The jobs of account (by account_id and name), newest first, from offset, at most limit, to
 * cb; *total (when not NULL) how many in all. */
enum err_code store_job_list(struct store *st, int64_t account_id, const char *account,
			     long offset, long limit, store_job_cb cb, void *ctx, long *total,
			     struct err *e);
/* Mark every job queued or running as interrupted, ended at ended; *n how many. */
enum err_code store_job_interrupt(struct store *st, const char *ended, long *n, struct err *e);

/* Members (any status) whose duplicate-key hash and birth date are these (the caller compares
 * the names, as hashes may collide). */
enum err_code store_member_dups(struct store *st, int64_t dup_hash, date_t birth,
				store_member_cb cb, void *ctx, struct err *e);
/* Every member (any status) in id order, for export and as-of queries. */
enum err_code store_member_all(struct store *st, store_member_cb cb, void *ctx, struct err *e);

/* A member's place and status over time. */
struct member_period {
	int64_t org_id;
	char org_code[ORG_CODE_MAX + 1];
	date_t from, to; /* to = DATE_NONE: still open */
	int temporary;
	/* app_member_where only: where the member was hosted on temporary transfer then ("" and
	 * 0 when not hosted). */
	int64_t host_id;
	char host_code[ORG_CODE_MAX + 1];
};
struct member_status_period {
	enum member_status status;
	date_t from, to;
};
struct member_event {
	int64_t id;
	date_t date;
	char kind[24];
	char detail[1024];
	char actor[64];
	char recorded_at[32];
};
typedef int (*store_period_cb)(void *ctx, int64_t member_id, const struct member_period *p);
typedef int (*store_status_cb)(void *ctx, int64_t member_id,
			       const struct member_status_period *p);
typedef int (*store_event_cb)(void *ctx, const struct member_event *ev);

/* The closed roll periods of one member (member_id > 0) or of everyone (member_id = 0). */
enum err_code store_member_periods(struct store *st, int64_t member_id, store_period_cb cb,
				   void *ctx, struct err *e);
/* Closed roll periods at org_id covering date d (who was in that cell then, beyond the
 * current roll). */
enum err_code store_member_periods_at(struct store *st, int64_t org_id, date_t d,
				      store_period_cb cb, void *ctx, struct err *e);
enum err_code store_member_statuses(struct store *st, int64_t member_id, store_status_cb cb,
				    void *ctx, struct err *e);
enum err_code store_member_events(struct store *st, int64_t member_id, store_event_cb cb,
				  void *ctx, struct err *e);

/* ---- transfers ---------------------------------------------------------------------- */
enum transfer_state { TS_SENT, TS_RECEIVED, TS_ENDED };
struct transfer {
	int64_t id, member_id;
	int temporary;
	int64_t from_org_id, to_org_id;
	char from_code[ORG_CODE_MAX + 1], to_code[ORG_CODE_MAX + 1];
	date_t sent_date, received_date, until_date, ended_date;
	enum transfer_state state;
	char reason[TEXT_REASON_MAX + 1];
	char letter_no[64];
	int cancelled;             /* ended by the sending side before receipt */
	char cancel_reason[TEXT_REASON_MAX + 1];
	char cancelled_by[64];
	/* Computed by the app, not stored: the deadline (official sent: R-TRANSFER-COMPLETE-
	 * WORKING-DAYS after sending; temporary hosted: until) and whether today is past it. */
	date_t due_date;
	int overdue;
};
enum err_code store_transfer_insert(struct store *st, struct transfer *t, struct err *e);
/* Write back t's organisations (a redirect after a merge), dates, state and cancellation. */
enum err_code store_transfer_update(struct store *st, const struct transfer *t, struct err *e);
enum err_code store_transfer_get(struct store *st, int64_t id, struct transfer *t, struct err *e);
typedef int (*store_transfer_cb)(void *ctx, const struct transfer *t);
/* Transfers of one member (member_id > 0), or open ones (state sent, or temporary received and
 * not ended) whose sending or receiving organisation lies in [pre, last] (member_id = 0). */
enum err_code store_transfer_list(struct store *st, int64_t member_id, long pre, long last,
				  store_transfer_cb cb, void *ctx, struct err *e);

/* Open transfers (sent, or a temporary stay under way) whose sending or receiving organisation
 * is org_id exactly. */
enum err_code store_transfer_open_at(struct store *st, int64_t org_id, store_transfer_cb cb,
				     void *ctx, struct err *e);
/* Temporary transfers received at org_id whose stay covered date d (received on or before d,
 * ended after d or not yet), any state. */
enum err_code store_transfer_hosted_at(struct store *st, int64_t org_id, date_t d,
				       store_transfer_cb cb, void *ctx, struct err *e);

/* ---- public holidays (working days skip them) ------------------------------------- */
struct holiday {
	date_t day;
	char name[128];
	char added_by[64];
};
typedef int (*store_holiday_cb)(void *ctx, const struct holiday *h);
/* The holidays of year (0: all), by date. */
enum err_code store_holiday_list(struct store *st, int year, store_holiday_cb cb, void *ctx,
				 struct err *e);
/* Add a holiday (ERR_CONFLICT when the day already is one). */
enum err_code store_holiday_add(struct store *st, const struct holiday *h, struct err *e);
/* Remove the holiday on day (ERR_NOTFOUND when there is none). */
enum err_code store_holiday_remove(struct store *st, date_t day, struct err *e);

/* ---- the audit log ------------------------------------------------------------------ */

/* Append e: its id, prev and hash are set here from the last entry (call inside the
 * transaction of the change it records, so the chain cannot fork). */
enum err_code store_audit_append(struct store *st, struct audit_entry *e, struct err *e2);
/* The same, keyed: e's MAC is set too, chained to the MAC of the entry before (or to its
 * plain hash when that one is legacy), under keys (audit_mac). */
enum err_code store_audit_append_keyed(struct store *st, struct audit_entry *e,
				       const struct audit_keys *keys, struct err *e2);
/* The number of entries (the last id) and, when there are any, the MAC of the last (*has_mac
 * 0 when it has none; head then holds its plain hash). */
enum err_code store_audit_head(struct store *st, int64_t *entries,
			       unsigned char head[AUDIT_HASH_BYTES], int *has_mac, struct err *e);
/* The database's record of its audit key (docs/audit.md); *found 0 when it has none. */
struct audit_key_row {
	unsigned char public_key[AUDIT_SIGN_PUBLIC_BYTES];
	int64_t legacy;
	char created_at[32];
	unsigned char tag[AUDIT_HASH_BYTES];
};
enum err_code store_audit_key_get(struct store *st, struct audit_key_row *k, int *found,
				  struct err *e);
enum err_code store_audit_key_put(struct store *st, const struct audit_key_row *k, struct err *e);
/* A signed checkpoint of the log's head. */
struct audit_checkpoint {
	int64_t id, entries;
	unsigned char head[AUDIT_HASH_BYTES];
	char at[32];
	unsigned char sig[AUDIT_SIG_BYTES];
};
enum err_code store_audit_checkpoint_add(struct store *st, const struct audit_checkpoint *c,
					 struct err *e);
typedef int (*store_checkpoint_cb)(void *ctx, const struct audit_checkpoint *c);
/* Every checkpoint in id order. */
enum err_code store_audit_checkpoint_walk(struct store *st, store_checkpoint_cb cb, void *ctx,
					  struct err *e);
/* How many organisations, members and accounts the database holds (a log cannot be empty
 * then). */
enum err_code store_audit_records(struct store *st, long *orgs, long *members, long *accounts,
				  struct err *e);
typedef int (*store_audit_cb)(void *ctx, const struct audit_entry *e);
/* Every entry in id order (pre < 0), or those whose organisation's current pre-order number
 * lies in [pre, last], newest first, at most limit; entries about no organisation (org_id 0)
 * only when [pre, last] is the whole tree (pre <= 1, last >= 2^40). */
enum err_code store_audit_walk(struct store *st, long pre, long last, long limit,
			       store_audit_cb cb, void *ctx, struct err *e);

/* What store_audit_find picks out of the log. Strings "" (or NULL) are no condition. */
struct audit_filter {
	long pre, last;      /* entries about organisations with pre-order number in [pre, last]
			      * (those about none too when that is the whole tree) */
	const char *actor;   /* exactly this actor ("account:name", "cli:root") */
	const char *action;  /* exactly this action ("member.edit"), or a prefix ending in '.' */
	const char *subject; /* exactly this record ("member:12", "org:HG") */
	const char *from;    /* "YYYY-MM-DD": entries written on that day (UTC) or later */
	const char *until;   /* "YYYY-MM-DD": entries written before that day (UTC) */
	int64_t before;      /* 0: from the newest; else only entries with id < before (keyset) */
};
/* The entries of f, newest first, from the offset-th (0: the first that f picks), at most
 * limit (< 0: all), to cb. Paging by before (the id of the last entry shown) with offset 0
 * reads only the entries of the page, however deep the page lies in the log. */
enum err_code store_audit_find(struct store *st, const struct audit_filter *f, long offset,
			       long limit, store_audit_cb cb, void *ctx, struct err *e);
/* How many entries f picks: all of them (with_before 0), or only those older than
 * f->before (with_before 1). */
enum err_code store_audit_count(struct store *st, const struct audit_filter *f, int with_before,
				long *n, struct err *e);

/* ---- accounts and tokens ------------------------------------------------------------ */

struct account {
	int64_t id;
	char name[64];
	char password_hash[PASSWORD_HASH_MAX];
	int disabled;
	long failed_logins;
	long long locked_until; /* seconds since 1970, 0 when not locked */
	/* the role in force (the latest granted and not revoked) */
	enum role role;
	int64_t role_org_id;    /* 0: the whole tree */
	char role_org_code[ORG_CODE_MAX + 1];
	int has_role;
	int64_t member_id;      /* a member's own account: the member it is bound to, else 0 */
	int personnel;          /* the grant in force carries the right 'personnel' */
	int inspection;         /* ... and the right 'inspection' (docs/inspection.md) */
};
enum err_code store_account_insert(struct store *st, struct account *a, struct err *e);
/* With its role in force. ERR_NOTFOUND when there is no such account. */
enum err_code store_account_by_name(struct store *st, const char *name, struct account *a,
				    struct err *e);
enum err_code store_account_by_id(struct store *st, int64_t id, struct account *a,
				  struct err *e);
/* Count a sign-in attempt of account id before its password is checked, in one statement
 * (parallel attempts each count): *failed receives the new count. ERR_NOTFOUND (and *failed
 * untouched) when the account is locked at now (seconds since 1970). */
enum err_code store_account_login_attempt(struct store *st, int64_t id, long long now,
					  long *failed, struct err *e);
enum err_code store_account_set_login(struct store *st, int64_t id, long failed,
				      long long locked_until, struct err *e);
/* Grant a role (revoking the one in force). org_id 0: the whole tree. */
enum err_code store_role_grant(struct store *st, int64_t account_id, enum role role,
			       int64_t org_id, const char *granted_by, struct err *e);
/* Set the right 'personnel' (on: 0/1) of account_id's grant in force: the grant is closed
 * and a copy with the new value opened (history kept). ERR_NOTFOUND when it has no grant. */
enum err_code store_role_personnel(struct store *st, int64_t account_id, int on,
				   const char *granted_by, struct err *e);
/* The same for the right 'inspection' (docs/inspection.md), the personnel right kept. */
enum err_code store_role_inspection(struct store *st, int64_t account_id, int on,
				    const char *granted_by, struct err *e);
typedef int (*store_account_cb)(void *ctx, const struct account *a);
enum err_code store_accounts_walk(struct store *st, store_account_cb cb, void *ctx,
				  struct err *e);
/* Tokens are kept as hashes: the token itself is shown once, when made. */
enum err_code store_token_insert(struct store *st, int64_t account_id, const char *label,
				 const unsigned char hash[32], int64_t *id, struct err *e);
/* The account of an unrevoked token with this hash (ERR_NOTFOUND otherwise). */
enum err_code store_token_find(struct store *st, const unsigned char hash[32],
			       int64_t *account_id, int64_t *token_id, struct err *e);
/* The account of the active (unrevoked) token id (ERR_NOTFOUND otherwise). */
enum err_code store_token_account(struct store *st, int64_t id, int64_t *account_id,
				  struct err *e);
enum err_code store_token_revoke(struct store *st, int64_t id, struct err *e);

/* ---- figures, reviews, discipline (store_fig.c) ---------------------------------------- */

#include "../core/fig.h"

/* Count every organisation's counters again from the records (after a first load, and to
 * check them: store_fig_verify). */
enum err_code store_fig_rebuild(struct store *st, struct err *e);
/* Compare the kept counters with a count from the records: *wrong gets the number of
 * organisations whose counters differ (0 when all are exact). */
enum err_code store_fig_verify(struct store *st, long *wrong, struct err *e);
/* An organisation with its own counters (not its subtree's). */
struct fig_org {
	int64_t id, parent_id;
	long pre, last;
	int depth;
	char code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	enum org_kind kind;
	int grassroots;         /* a grassroots committee, or a cell right under a committee */
	int standing_board;
	long militia, self_defence, reserve; /* -1 unknown */
	date_t established, dissolved;
	struct fig_map core, hist;
};
typedef int (*store_fig_cb)(void *ctx, const struct fig_org *o);
/* The organisations of [pre, last] in pre-order (active ones and those dissolved after
 * since), with their counters (hist only when with_hist). */
enum err_code store_fig_walk(struct store *st, long pre, long last, int with_hist,
			     store_fig_cb cb, void *ctx, struct err *e);
/* The same walk for the whole-tree roll-up: each organisation's code and headcounts and its
 * core counters as stored (a blob for fig_decode; valid during the call). */
struct fig_core_row {
	int64_t id;
	int depth, dissolved;
	const char *code;
	long militia, self_defence, reserve;
	const void *core;
	size_t core_len;
};
typedef int (*store_fig_core_cb)(void *ctx, const struct fig_core_row *r);
enum err_code store_fig_walk_core(struct store *st, long pre, long last, store_fig_core_cb cb,
				  void *ctx, struct err *e);
/* The name of ethnicity id (fig_ethnic). */
enum err_code store_fig_ethnic_names(struct store *st, char (*names)[48], size_t n,
				     struct err *e);

struct review_row {
	int64_t id, member_id, org_id, grassroots_id, body_org_id;
	int grassroots;
	int year;
	int step;              /* enum review_step */
	int score;             /* -1 none */
	int grade;             /* enum grade */
	date_t date;
	int revision, current;
	char reason[TEXT_REASON_MAX + 1], rules[200], by[64];
	/* filled by the lookups */
	char member_name[VNAME_MAX + 1], org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char body_code[ORG_CODE_MAX + 1];
};
/* Insert a review step; a current decision first makes the one in force not current (its
 * revision + 1 is given to the new one). r->id and r->revision are set. */
enum err_code store_review_insert(struct store *st, struct review_row *r, struct err *e);
/* The same when the caller has just read the decision in force (store_review_current):
 * prev, or NULL when there is none; saves reading it again. */
enum err_code store_review_insert_after(struct store *st, struct review_row *r,
					const struct review_row *prev, struct err *e);
/* The decision in force on member_id (or, member_id 0, organisation org_id) for year:
 * ERR_NOTFOUND when there is none. */
enum err_code store_review_current(struct store *st, int64_t member_id, int64_t org_id, int year,
				   struct review_row *r, struct err *e);
/* The latest step of the given kind (any revision) for a member, or ERR_NOTFOUND. */
enum err_code store_review_latest(struct store *st, int64_t member_id, int year, int step,
				  struct review_row *r, struct err *e);
/* A bulk of review decisions (a year-end import), inside its transaction: the review
 * triggers are dropped and store_review_insert counts each decision (and each it replaces)
 * in memory, written into the figures once by store_review_bulk_end, which puts the
 * triggers back. A rollback forgets the counts and brings the triggers back with it. */
enum err_code store_review_bulk_begin(struct store *st, struct err *e);
enum err_code store_review_bulk_end(struct store *st, struct err *e);
/* What a member review needs to know of the member, in one lookup by id: the roll
 * (org_id and its pre-order number, 0 when dissolved), the status and the admission
 * decision date. ERR_NOTFOUND (e untouched) when there is no such member. */
struct member_review_facts {
	int64_t org_id;
	long org_pre;
	enum member_status status;
	date_t admitted;
};
enum err_code store_member_review_facts(struct store *st, int64_t id,
					struct member_review_facts *f, struct err *e);
/* The same for every member, in one pass of the table in id order (an import of a year's
 * decisions reads them once rather than a page a decision): cb gets each member's id and
 * facts (org_pre 0: not read here); non-zero from cb stops. *max_id gets the largest id
 * first, through cb_max before the rows (NULL: not wanted). */
typedef int (*store_facts_cb)(void *ctx, int64_t id, const struct member_review_facts *f);
enum err_code store_member_review_facts_all(struct store *st, void (*cb_max)(void *ctx,
					    int64_t max_id), store_facts_cb cb, void *ctx,
					    struct err *e);
typedef int (*store_review_cb)(void *ctx, const struct review_row *r);
/* Every step for member_id (or org_id when member_id is 0), by year then id. */
enum err_code store_review_list(struct store *st, int64_t member_id, int64_t org_id,
				store_review_cb cb, void *ctx, struct err *e);
/* Decided members' grades in force in grassroots organisation g for year. */
enum err_code store_review_quota_counts(struct store *st, int64_t g, int year,
					long counts[4], struct err *e);
/* Decided grades in force for year of the members on the roll of org_id (at their review),
 * or (subunits) of org_id's active direct sub-organisations; *units gets how many members or
 * sub-organisations there are. */
enum err_code store_review_unit_grades(struct store *st, int64_t org_id, int year, int subunits,
				       long graded[4], long *units, struct err *e);

struct discipline_row {
	int64_t id, member_id, org_id, body_org_id;
	int form;              /* enum discipline_form */
	date_t date;
	char reason[TEXT_REASON_MAX + 1], by[64];
	char member_name[VNAME_MAX + 1], org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char body_code[ORG_CODE_MAX + 1];
	/* issue 14 (schema 41): written by store_discipline_insert, read by the list */
	date_t act_date, notified_on, effective_on, ended_on; /* 0: none */
	char decision_no[64];
	int inspection;        /* body 'inspection' */
	int64_t case_id, replaces_id;
	char state[12];        /* in_force (the default when ""), annulled, changed */
	char notice_no[64];    /* the notice's number (migration 42), "" none */
	char body_kind[16];    /* read: the deciding organisation's kind (org_kind_name) */
};
enum err_code store_discipline_insert(struct store *st, struct discipline_row *d, struct err *e);
/* Discipline in force (not annulled, not changed on a complaint) decided between from and to
 * (inclusive) on member_id, or (member_id 0) on the organisation org_id itself. */
enum err_code store_discipline_count(struct store *st, int64_t member_id, int64_t org_id,
				     date_t from, date_t to, long *n, struct err *e);
/* How many of org_id's active direct sub-organisations were disciplined between from and to
 * (the organisation itself, or any member of its subtree... only the organisation). */
enum err_code store_discipline_subunits(struct store *st, int64_t org_id, date_t from, date_t to,
					long *subs, long *disciplined, struct err *e);
typedef int (*store_discipline_cb)(void *ctx, const struct discipline_row *d);
/* One record by id (ERR_NOTFOUND naming the id). */
enum err_code store_discipline_get(struct store *st, int64_t id, struct discipline_row *d,
				   struct err *e);
/* Every record of member_id, newest first (every state). */
enum err_code store_discipline_of_member(struct store *st, int64_t member_id,
					 store_discipline_cb cb, void *ctx, struct err *e);
/* Record that the target was notified of discipline id on on, by notice notice_no ("" none). */
enum err_code store_discipline_notify(struct store *st, int64_t id, date_t on,
				      const char *notice_no, struct err *e);
/* Flag the decided review rv for revision after discipline_id (rule_id: the rule its grade
 * breaks; the review's deciding body is told: rv->body_org_id). The first open flag of a
 * review moves its count in the figures to FIG_GRADE_REVISION (*moved 1); a new decision on
 * that review (store_review_insert) resolves every open flag and counts its grade again. */
/* Resolve the open review_revision rows of discipline id on date on (no review: the
 * discipline annulled), counting each review left with no open revision back under its grade:
 * *n rows resolved. */
enum err_code store_review_revision_drop(struct store *st, int64_t discipline_id, date_t on,
					 long *n, struct err *e);
enum err_code store_review_revision_flag(struct store *st, const struct review_row *rv,
					 int64_t discipline_id, const char *rule_id,
					 date_t flagged_on, int *moved, struct err *e);
/* The organisation of inspection case case_id: ERR_NOTFOUND (e untouched) when none. */
enum err_code store_discipline_case_org(struct store *st, int64_t case_id, int64_t *org_id,
					struct err *e);
/* Whether review_id has an open revision flag. */
enum err_code store_review_revision_open(struct store *st, int64_t review_id, int *open,
					 struct err *e);
/* The records of organisations in [pre, last] (and of those dissolved whose last parent is
 * there: a dissolution is filed with the organisation it dissolved) decided between from and
 * to, newest first. */
enum err_code store_discipline_list(struct store *st, long pre, long last, date_t from,
				    date_t to, store_discipline_cb cb, void *ctx, struct err *e);
/* Transfers sent between from and to that cross the edge of [pre, last]: c[0] official in,
 * c[1] official out, c[2] temporary in, c[3] temporary out. */
enum err_code store_transfer_counts(struct store *st, long pre, long last, date_t from, date_t to,
				    long c[4], struct err *e);
/* ---- emulation models (versions) and the ratings of cells ------------------------------ */
/* One version of an emulation model as stored: criteria one a line. */
struct emulation_version_row {
	int64_t id;
	char code[EMULATION_CODE_MAX + 1];
	int version;
	char name[EMULATION_NAME_MAX + 1];
	char criteria[EMULATION_CRITERIA_MAX * (EMULATION_CRITERION_MAX + 1) + 1];
	int required;
	date_t effective_from;
	char source[EMULATION_SOURCE_MAX + 1];
	char added_by[64], added_at[24];
};
/* Add version v of model v->code (the version number is the next of that code: v->version
 * and v->id are set). The (code, effective_from) pair is unique. */
enum err_code store_emulation_version_add(struct store *st, struct emulation_version_row *v,
					  const char *by, struct err *e);
/* The version of model code in force on date on (the latest whose effective_from is on or
 * before it); on DATE_NONE: the latest version whatever its date. ERR_NOTFOUND when none
 * (nothing added to e). */
enum err_code store_emulation_version_at(struct store *st, const char *code, date_t on,
					 struct emulation_version_row *v, struct err *e);
typedef int (*store_emulation_version_cb)(void *ctx, const struct emulation_version_row *v);
/* Every version of every model (code "" or NULL) or of one, by code then date. */
enum err_code store_emulation_versions(struct store *st, const char *code,
				       store_emulation_version_cb cb, void *ctx, struct err *e);
/* Record a rating of org_id for year against the model version version_id: met is "1,0,1".
 * *id is set when id is not NULL. */
enum err_code store_emulation_rate(struct store *st, int64_t org_id, int year, int64_t version_id,
				   const char *met, int earned, const char *by, int64_t *id,
				   struct err *e);
/* A rating as stored, with its organisation and the model version it was judged against. */
struct emulation_rating_row {
	int64_t id, org_id;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int year;
	char met[64];
	int earned;
	int current;           /* the newest rating of the organisation, year and model */
	char by[64], at[24];
	struct emulation_version_row model;
};
typedef int (*store_emulation_rating_cb)(void *ctx, const struct emulation_rating_row *r);
/* The ratings of organisations in [pre, last] for year (0: every year), by organisation in
 * pre-order, then year, model and id. */
enum err_code store_emulation_ratings(struct store *st, long pre, long last, int year,
				      store_emulation_rating_cb cb, void *ctx, struct err *e);

/* ---- admissions (store_admission.c; docs/admissions.md) ------------------------------- */

#include "../core/admission.h"

typedef int (*store_adm_cb)(void *ctx, const struct admission *c);
typedef int (*store_adm_step_cb)(void *ctx, const struct adm_step *s);
/* Insert case c (the person c->p with its name keys k, c->p.org_id the cell; stage,
 * stage_since, the derived columns as given); c->id is set. */
enum err_code store_adm_insert(struct store *st, struct admission *c, const struct member_keys *k,
			       struct err *e);
/* Case id with its cell (p.org_id, p.org_code) and the dates of its decision, ceremony and
 * passing cell vote read from its steps; *org_pre (may be NULL) the cell's pre-order number
 * (0 when dissolved). ERR_NOTFOUND (e untouched) when there is none. */
enum err_code store_adm_get(struct store *st, int64_t id, struct admission *c, long *org_pre,
			    struct err *e);
/* The case of member member_id (the member its ceremony made): ERR_NOTFOUND (e untouched)
 * when none. */
enum err_code store_adm_by_member(struct store *st, int64_t member_id, struct admission *c,
				  struct err *e);
/* Write the derived columns of case c->id: org_id, stage, stage_since, failed_votes,
 * member_id, mentor_id, due_kind (NULL for DK_NONE), due_on. */
enum err_code store_adm_update(struct store *st, const struct admission *c, struct err *e);
/* Insert step s with its introducers (s->intro[0..n_intro)); s->id is set. */
enum err_code store_adm_step_insert(struct store *st, struct adm_step *s, struct err *e);
/* The steps of case id in the order taken (date, then id), each with its introducers. */
enum err_code store_adm_steps(struct store *st, int64_t id, store_adm_step_cb cb, void *ctx,
			      struct err *e);
/* The cases kept by organisations with pre in [pre, last] at stage (-1: every open stage,
 * AST__COUNT: every stage), in list order (sort_key, then id), from offset, at most limit
 * (limit <= 0: all); *total (may be NULL) how many in all. */
enum err_code store_adm_list(struct store *st, long pre, long last, int stage, long offset,
			     long limit, store_adm_cb cb, void *ctx, long *total, struct err *e);
/* Every case kept in [pre, last] and every case moved (a transfer step) after date d, in
 * list order of the names: those that may have been kept in [pre, last] on d. */
enum err_code store_adm_list_since(struct store *st, long pre, long last, date_t d,
				   store_adm_cb cb, void *ctx, struct err *e);
/* The open cases kept by organisation org_id exactly (for a restructuring). */
enum err_code store_adm_open_at(struct store *st, int64_t org_id, store_adm_cb cb, void *ctx,
				struct err *e);
/* The due index: cases kept in [pre, last] whose due_on is at most due_until; then
 * (probationers) the probationary members on the rolls of [pre, last] with no case whose
 * ceremony was on or before ceremony_until, as cases with id 0, stage probation, member_id and
 * ceremony_on set. The whole tree (pre <= 1) reads the admission_due_keys and member_probation
 * indexes in date order; a subtree its organisations' due cases and probationers one
 * organisation at a time. In no promised order: the caller sorts. */
enum err_code store_adm_due(struct store *st, long pre, long last, date_t due_until,
			    date_t ceremony_until, store_adm_cb cb, void *ctx, struct err *e);
/* One item of the due list as the indexes hold it (store_adm_due_keys): a case (id set) or a
 * probationer without a case (id 0, member_id set), with what its next deadline is computed
 * from; no name nor person. */
struct adm_due_key {
	int64_t id, member_id, org_id;
	int stage;                      /* enum adm_stage */
	date_t stage_since, decision_on, ceremony_on;
	int due_kind;                   /* filled by the caller (adm_next_due) */
	date_t due_on, due_from;
};
typedef int (*store_adm_key_cb)(void *ctx, const struct adm_due_key *k);
/* store_adm_due's items read from the indexes alone (admission_due_keys,
 * admission_org_due_keys: migration 26; member_probation), a row a microsecond: the same
 * cases and probationers, as keys. In no promised order. */
enum err_code store_adm_due_keys(struct store *st, long pre, long last, date_t due_until,
				 date_t ceremony_until, store_adm_key_cb cb, void *ctx,
				 struct err *e);
/* Member member_id as a probationer without a case, as store_adm_due gives one (id 0, stage
 * probation): ERR_NOTFOUND when there is no such member. */
enum err_code store_adm_probationer_get(struct store *st, int64_t member_id, struct admission *c,
					struct err *e);
/* The probationers without a case who may have been on the rolls of [pre, last] on a past
 * date d, with a ceremony on or before ceremony_until: today's probationers and the members
 * whose status changed after d, each kept (p.org_id, p.org_code) by the organisation whose
 * roll it was on that day (a period of the roll's history), as cases with id 0 at stage
 * probation like store_adm_due's. p.status is today's: the caller tells from the member's
 * status events after d whether it was probationary on d. By member id. */
enum err_code store_adm_probationers_on(struct store *st, long pre, long last, date_t d,
					date_t ceremony_until, store_adm_cb cb, void *ctx,
					struct err *e);
/* The members on the roll of org_id on date d whose status that day was official (from the
 * rolls' and statuses' history): *n of them; with member_id > 0 only that member is counted
 * (1: an official member of org_id that day, 0: not). */
enum err_code store_adm_official_count(struct store *st, int64_t org_id, date_t d,
				       int64_t member_id, long *n, struct err *e);
/* Cases (any stage) whose duplicate-key hash and birth date are these, or whose citizen ID
 * is citizen_id (not ""); not_id is left out. By id. */
enum err_code store_adm_dups(struct store *st, int64_t dup_hash, date_t birth,
			     const char *citizen_id, int64_t not_id, store_adm_cb cb, void *ctx,
			     struct err *e);
/* Whether member id was itself admitted again (its case has a former member): *n 1 when so
 * (the person was then admitted twice), else 0. */
enum err_code store_adm_readmitted(struct store *st, int64_t former_id, long *n, struct err *e);

/* ---- the admission figures (store_adm_fig.c) ----------------------------------------- */

typedef int (*store_id_cb)(void *ctx, int64_t id);
/* How many members were on a roll (not hosted) of an organisation of [pre, last] on day d,
 * with a status of those on the rolls that day (from the history of rolls and statuses: the
 * development rate's divisor on 1 January). */
enum err_code store_rolls_at_count(struct store *st, long pre, long last, date_t d, long *n,
				   struct err *e);
/* Those of them with status status that day (its stored name), *n of them; their ids in
 * list order of the names to cb when cb is not NULL. */
enum err_code store_rolls_at_status(struct store *st, long pre, long last, date_t d,
				    const char *status, store_id_cb cb, void *ctx, long *n,
				    struct err *e);
/* Those members' ids, in list order of the names. */
enum err_code store_rolls_at(struct store *st, long pre, long last, date_t d,
			     store_id_cb cb, void *ctx, struct err *e);

/* The cases kept by the organisations of [pre, last] now, counted by stage and source (the
 * stored names): cb once per pair. */
typedef int (*store_adm_count_cb)(void *ctx, const char *stage, const char *source, long n);
enum err_code store_adm_fig_stages(struct store *st, long pre, long last,
				   store_adm_count_cb cb, void *ctx, struct err *e);
struct adm_fig_step;
typedef int (*store_adm_fig_step_cb)(void *ctx, const struct adm_fig_step *s);
/* The cases kept in [pre, last] now, one row each (s->step: the stage's stored name, s->on
 * its date), by id. */
enum err_code store_adm_fig_cases(struct store *st, long pre, long last,
				  store_adm_fig_step_cb cb, void *ctx, struct err *e);
/* A case and one of its steps as the figures read them (texts valid during the call). */
struct adm_fig_step {
	int64_t case_id, member_id;  /* member_id 0: none yet */
	const char *source;
	date_t listed_on;
	const char *step;            /* NULL: a case without a step yet */
	date_t on;
	int passed;                  /* 1, 0, -1 when not given */
	date_t ceremony;             /* store_adm_fig_steps_in: the case's ceremony */
	const char *detail;          /* store_adm_fig_steps_until: the step's detail (JSON) */
};
/* Every case kept in [pre, last] listed on or before d, with each of its steps dated on or
 * before d (a case without one: one row, step NULL), by case then date: the stages as they
 * were on d. */
enum err_code store_adm_fig_steps_until(struct store *st, long pre, long last, date_t d,
					store_adm_fig_step_cb cb, void *ctx, struct err *e);
/* The steps of kind step (its stored name) dated within [from, to] recorded by an
 * organisation of [pre, last], by date, with the case's ceremony date. */
enum err_code store_adm_fig_steps_in(struct store *st, long pre, long last, const char *step,
				     date_t from, date_t to, store_adm_fig_step_cb cb, void *ctx,
				     struct err *e);
/* The cases kept in [pre, last] that reached the closed stage (its stored name) within
 * [from, to] (s->step is the stage, s->on its date). */
enum err_code store_adm_fig_stage_in(struct store *st, long pre, long last, const char *stage,
				     date_t from, date_t to, store_adm_fig_step_cb cb, void *ctx,
				     struct err *e);
/* A case's person as a list of the records behind a figure shows it. */
struct adm_fig_person {
	int64_t id, member_id;
	char full_name[VNAME_MAX + 1];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	char stage[24], source[24], sex[8];
	date_t listed_on, birth_date;
};
enum err_code store_adm_fig_person(struct store *st, int64_t id, struct adm_fig_person *p,
				   struct err *e);

#endif
