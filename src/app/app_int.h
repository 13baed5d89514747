/* app_int.h - helpers shared by the files of the app layer; not for callers outside it. */
#ifndef CADRE_APP_INT_H
#define CADRE_APP_INT_H

#include <jansson.h>
#include <stdarg.h>

#include "../lib/csv.h"
#include "app.h"

/* Start a call: clear warnings and begin a write transaction. */
enum err_code app_begin(struct app *a, struct err *e);
/* End a call: commit when rc and e are OK, else roll back. Returns the final code. */
enum err_code app_end(struct app *a, enum err_code rc, struct err *e);
/* Make the app calls that follow one transaction (an import of candidates, all or nothing,
 * calling app_adm_add row by row): between app_nest_begin and app_nest_end each call's
 * app_begin/app_end is a savepoint, released when the call succeeds and rolled back to when it
 * fails (its writes undone, the others kept), and warnings add up instead of being cleared.
 * app_nest_end commits when rc and e are OK, else rolls everything back, as app_end. */
enum err_code app_nest_begin(struct app *a, struct err *e);
enum err_code app_nest_end(struct app *a, enum err_code rc, struct err *e);
/* ERR_DENIED ("only a system administrator may <what>") unless the actor is a system
 * administrator over the whole tree (or the local command line). */
enum err_code app_sys_admin_only(const struct actor *ac, const char *what, struct err *e);
/* d, or today when d is DATE_NONE. */
date_t app_date(struct app *a, date_t d);
/* The interval to query: the subtree of org_code if given (and visible; active unless
 * any_state), else the actor's whole scope. */
enum err_code app_subtree(struct app *a, const struct actor *ac, const char *org_code,
			  int any_state, long *pre, long *last, struct err *e);
/* R-MEMBER-DATES: a change is recorded once it has taken effect, so a date after today is
 * refused (field names the input). */
enum err_code app_check_date(struct app *a, date_t d, const char *field, struct err *e);
/* The organisation o existed on date d (established on or before it). */
enum err_code app_check_exists_on(const struct org *o, date_t d, const char *field,
				  struct err *e);
/* Append an audit entry for the change being made (inside its transaction): action
 * ("member.edit"), subject ("member:12"), the organisation it belongs to, and the record
 * before and after as JSON (NULL for none; not freed here). */
/* Record that the actor opened something (a read, no change), in a transaction of its own.
 * Concurrent readers of one process share a commit (group commit): a thread that finds no
 * commit under way writes every waiting entry in one transaction, the others wait for it, so
 * each caller returns only once its own entry is stored, in the chain's order. */
enum err_code app_audit_read(struct app *a, const struct actor *ac, const char *action,
			     const char *subject, int64_t org_id, struct err *e);
/* Record a bulk read of personal data (an export, the records behind a figure, a report
 * download, a page of a member list): ONE entry for the whole read, like a record view,
 * subject "org:CODE" (the subtree read: org_code, else the actor's scope, else the root) and
 * after {"org", "rows", key: value} (key NULL: none). */
enum err_code app_audit_bulk(struct app *a, const struct actor *ac, const char *action,
			     const char *org_code, long rows, const char *key, const char *value,
			     struct err *e);
enum err_code app_audit(struct app *a, const struct actor *ac, const char *action,
			const char *subject, int64_t org_id, const char *before, const char *after,
			struct err *e);
/* Record an event in member m's timeline and in the audit log (action "member.KIND", the
 * detail as the entry's "after"). */
enum err_code app_member_event(struct app *a, const struct actor *ac, const struct member *m,
			       date_t date, const char *kind, const char *detail, struct err *e);
/* A member's record as compact JSON, for the audit log (caller frees). */
char *app_member_json(const struct member *m);
/* A compact JSON text built by json_pack's format (caller frees); NULL on a format error. */
char *app_json(const char *fmt, ...);
/* Whether an app_json since the transaction began (app_begin) failed (jansson answered NULL:
 * text that is not UTF-8, no memory); clears the flag. app_audit refuses to write an entry
 * then, so that a change is never recorded with its details missing. */
int app_audit_json_failed(void);
/* Note that building the JSON of an audit entry failed (as app_json does itself). */
void app_json_failed(void);
/* Whether member m's roll (or the organisation hosting it on a temporary transfer) lies in
 * the scope [pre, last] (app_org_visible). */
int app_member_visible(struct app *a, long pre, long last, const struct member *m);
/* Find a visible organisation by code; active: refuse a dissolved one. field names the
 * input field in messages. */
enum err_code app_org_lookup(struct app *a, const struct actor *ac, const char *code,
			     struct org *o, int active, const char *field, struct err *e);
/* Move member m to organisation to on date (closing the period on the old roll), record an
 * event of kind with detail; m is updated in place and in the store. */
enum err_code app_move_member(struct app *a, const struct actor *ac, struct member *m,
			      const struct org *to, date_t date, const char *kind,
			      const char *why, struct err *e);
/* The bodies of app_member_add and app_member_status inside the caller's transaction (no
 * app_begin/app_end, no warnings cleared; app_member_add's checks of the record and its
 * deadline warnings are the caller's). why is accepted text (text_accept). Used by the
 * admission ceremony, recognition and removal (app_admission.c), so that a member made or
 * changed there is made by the same code as any other. */
enum err_code app_member_add_tx(struct app *a, const struct actor *ac, struct member *m,
				struct err *e);
enum err_code app_member_status_tx(struct app *a, const struct actor *ac, int64_t id,
				   enum member_status status, date_t date, const char *why,
				   struct err *e);
/* Admissions where they meet other features (app_admission.c), inside the caller's
 * transaction. A member moved to organisation to (a transfer received, a merge, split or
 * dissolution) takes an open case along (a transfer step); the open cases still kept by from
 * after a restructuring go to to (to NULL: refused while there are any); a member's status changed outside the pipeline closes an
 * open case (deceased, removed, expelled, transferred out: closed; official: closed as
 * official). */
enum err_code app_adm_follow_member(struct app *a, const struct actor *ac,
				    const struct member *m, const struct org *to, date_t date,
				    const char *why, struct err *e);
enum err_code app_adm_org_moved(struct app *a, const struct actor *ac, const struct org *from,
				const struct org *to, date_t date, const char *why, struct err *e);
enum err_code app_adm_member_status(struct app *a, const struct actor *ac, int64_t member_id,
				    enum member_status status, date_t date, const char *why,
				    struct err *e);
/* The public holidays, sorted (app_transfer.c): days[0..n). */
struct app_holidays {
	date_t *days;
	size_t n, cap;
};
enum err_code app_holidays_load(struct app *a, struct app_holidays *h, struct err *e);
void app_holidays_cleanup(struct app_holidays *h);
/* Set t's due_date and overdue flag as of today: an official transfer sent and not received
 * is due R-TRANSFER-COMPLETE-WORKING-DAYS working days (weekends and h skipped) after it was
 * sent; a temporary stay under way is due at its planned end. */
void app_transfer_deadline(struct app *a, const struct app_holidays *h, struct transfer *t);
/* Refuse (ERR_RULE, one problem a transfer, each saying how to resolve it) while transfers
 * are open to or from organisation o; how says what was asked ("dissolved"). */
enum err_code app_transfers_refuse_open(struct app *a, const struct org *o, const char *how,
					struct err *e);
/* Open transfers to or from src go to succ, its successor in a restructuring on date (why:
 * "merge", "split", "dissolve"): sent to src, succ receives; hosted at src, succ hosts (the
 * stay at src is kept as a closed period); sent from src, the sending side is the member's
 * roll after the restructuring (call after moving the members). Each redirect is an event in
 * the member's history and an audit entry (member.transfer_redirected). */
enum err_code app_transfers_redirect(struct app *a, const struct actor *ac,
				     const struct org *src, const struct org *succ, date_t date,
				     const char *why, struct err *e);
/* The members hosted at org_id on temporary transfer on date d: the stays under way that
 * began by d and, when closed is set, those that ended after d (callers that read the closed
 * periods at the organisation anyway pass 0 and take the temporary ones themselves). Each has
 * temp_org_id/temp_org_code set to the host; the status is the current one (the caller asks
 * app_status_at). Past dates answer as today does. */
enum err_code app_hosted_at(struct app *a, int64_t org_id, date_t d, int closed,
			    store_member_cb cb, void *ctx, struct err *e);
/* Status of member m on date d (-1: not on any roll then). */
enum err_code app_status_at(struct app *a, const struct member *m, date_t d, int *status,
			    struct err *e);

/* The tree as of date d, built in memory from the organisations' versions: v[0..n) sorted by
 * id, parent[i] the index of v[i]'s parent (-1 at the top), tr numbered with siblings by code,
 * and root the index of organisation root_id (0: the top), -1 when it did not exist then. */
struct asof_tree {
	struct org_at *v;
	size_t n, cap;
	long *parent;
	struct tree tr;
	long root;
};
enum err_code app_tree_as_of(struct app *a, date_t d, int64_t root_id, struct asof_tree *t,
			     struct err *e);
void asof_tree_cleanup(struct asof_tree *t);

/* ---- imports (app_import.c) ---- */
/* Called by an import right after app_begin: 0 to go on; 1 when opts->once_key was used by
 * the actor before (res holds the first import's counts and report, res->replayed is set:
 * import nothing); -1 when that key came with another file, or on a storage error (e says
 * why). */
int app_import_once_check(struct app *a, const struct actor *ac, const char *what,
			  const struct import_opts *opts, struct import_result *res,
			  struct err *e);
/* Called by an import about to commit: keep its report row (with opts->once_key), setting
 * res->report_id, and make sure every rejected row reached the rejects file (a write error,
 * a full disk, is ERR_STORAGE: the import must not commit). */
enum err_code app_import_finish(struct app *a, const struct actor *ac, const char *what,
				const struct import_opts *opts, struct import_result *res,
				struct err *e);
/* R-MEMBER-UNIQUE-NUMBERS: a problem in e (at line) for each of m's citizen ID, card and
 * personal-history numbers held by a member other than m->id, naming the holder when it is
 * in [pre, last] (the actor's scope), else saying only "already used". Returns 0 or -1. */
int app_check_numbers(struct app *a, const struct member *m, long pre, long last, long line,
		      struct err *e);

/* Whether member other is a duplicate of a member with duplicate key dup_key and home town
 * hometown (the store matched the hash and birth date; this compares the text). */
int app_same_person(const struct member *other, const char *dup_key, const char *hometown);

/* demo_review.c: three years of reviews and a few discipline records on the demo's rolls. */
enum err_code demo_reviews(struct app *a, const struct actor *ac, struct err *e);
/* The demo's discipline beyond the review demo's (demo_disc.c): an expulsion, a removal from
 * post, a reprimand that flags a decided review for revision. Runs after the cadres' demo (the
 * removal ends the posts it made). */
enum err_code demo_discipline(struct app *a, const struct actor *ac, struct err *e);
/* The demo's admissions (demo_adm.c): cases at every open stage in every grassroots
 * organisation, three years of admissions, and a few overdue items; after the history. */
enum err_code demo_admissions(struct app *a, const struct actor *ac, struct err *e);
/* The demo's meetings (demo_meet.c): a year of meetings for every cell, some missed, some
 * poorly attended; after the history and the admissions. */
enum err_code demo_meetings(struct app *a, const struct actor *ac, struct err *e);

/* The demo's training records and its account with the personnel right (demo_training.c):
 * two members of every committee and grassroots organisation of the region; after the rest. */
enum err_code demo_training(struct app *a, const struct actor *ac, struct err *e);

/* The demo's inspection and supervision and its account with the inspection right
 * (demo_insp.c): programmes 2020-2026 of the region, its inspection committee, every
 * province and some grassroots committees, cases from them and on signs of violation, with
 * conclusions, notices and some discipline; after the reviews. */
enum err_code demo_inspection(struct app *a, const struct actor *ac, struct err *e);
/* The demo's complaints and denunciations (demo_complaint.c): complaints against decisions of
 * every organisation under the region, one of each outcome, some open and one past due, and
 * denunciations; at the end of the demo, after the discipline. */
enum err_code demo_complaints(struct app *a, const struct actor *ac, struct err *e);

/* ---- CSV files with a header (app_io.c; the review imports use them too) ---------------- */
/* The columns of a CSV file: names the known ones (NULL-terminated, at most 64), required
 * those that must be there. app_csv_header fills the rest from the header record. */
struct csv_columns {
	const char *const *names;
	const char *const *required;
	int idx[64];              /* idx[k] = position in the file of names[k], or -1 */
	size_t nfile;
	char hdr[64][48];         /* the file's column names, for messages */
};
/* A csv_read_fn reading the FILE * ctx. */
long app_csv_read(void *ctx, char *p, size_t n);
/* Map the header h. Adds a problem to e for each unknown, duplicated or missing column (with
 * the header's line); returns 0, or -1 when there was any. */
int app_csv_header(struct csv_columns *c, const struct csv_record *h, struct err *e);
/* The value of known column k (an index into c->names) in record r, "" when the file has no
 * such column or the record is short. Valid as long as r is. */
const char *app_csv_col(const struct csv_columns *c, const struct csv_record *r, int k);
/* The name of the file's column number col (1-based), or "". */
const char *app_csv_col_name(const struct csv_columns *c, size_t col);

#endif
