/* store_insp.h - the SQL of inspection and supervision (docs/inspection.md "Programmes",
 * "Cases"): programmes, their items, cases and each case's history. */
#ifndef CADRE_STORE_INSP_H
#define CADRE_STORE_INSP_H

#include "../core/insp.h"
#include "store.h"

/* Which programmes a walk reads: those of the organisations whose pre lies in [pre, last];
 * year 0, kind/body < 0: any. By year (newest first), organisation code, body, kind. */
struct insp_programme_filter {
	long pre, last;
	int year, kind, body;
};
/* Which cases a walk reads: the targets' organisations with pre in [pre, last]; year 0:
 * any (else the opening decision's year); kind, state < 0: any; late: open with the period
 * ended before today; item_id, programme_id, member_id 0: any. Newest decision first. */
struct insp_case_filter {
	long pre, last;
	int year, kind, state, late;
	date_t today;
	int64_t item_id, programme_id, member_id;
};
typedef int (*store_insp_programme_cb)(void *ctx, const struct insp_programme *p);
typedef int (*store_insp_item_cb)(void *ctx, const struct insp_item *it);
typedef int (*store_insp_case_cb)(void *ctx, const struct insp_case *c);
typedef int (*store_insp_event_cb)(void *ctx, const struct insp_event *ev);

/* Insert p (p->id set); by names the actor. */
enum err_code store_insp_programme_insert(struct store *st, struct insp_programme *p,
					  const char *by, struct err *e);
/* The programme id with its organisation and counts (ERR_NOTFOUND). */
enum err_code store_insp_programme_get(struct store *st, int64_t id, struct insp_programme *p,
				       struct err *e);
/* The id of the programme of (org_id, body, year, kind) in *id, 0 when there is none. */
enum err_code store_insp_programme_find(struct store *st, int64_t org_id, enum insp_body body,
					int year, enum insp_pkind kind, int64_t *id,
					struct err *e);
enum err_code store_insp_programme_walk(struct store *st, const struct insp_programme_filter *f,
					store_insp_programme_cb cb, void *ctx, struct err *e);

/* Insert it (it->id set). */
enum err_code store_insp_item_insert(struct store *st, struct insp_item *it, const char *by,
				     struct err *e);
/* The item id, deleted ones too (it->deleted says so), ERR_NOTFOUND. */
enum err_code store_insp_item_get(struct store *st, int64_t id, struct insp_item *it,
				  struct err *e);
/* Mark the item deleted (kept). */
enum err_code store_insp_item_delete(struct store *st, int64_t id, struct err *e);
/* The live items of a programme by planned start, then id. */
enum err_code store_insp_item_walk(struct store *st, int64_t programme_id,
				   store_insp_item_cb cb, void *ctx, struct err *e);

/* Insert c (c->id set) with its state, conclusion and so on as they are. */
enum err_code store_insp_case_insert(struct store *st, struct insp_case *c, const char *by,
				     struct err *e);
/* Write c's state, findings, conclusion, notice and follow-up over the case c->id. */
enum err_code store_insp_case_update(struct store *st, const struct insp_case *c,
				     struct err *e);
/* The case id with its names (ERR_NOTFOUND). */
enum err_code store_insp_case_get(struct store *st, int64_t id, struct insp_case *c,
				  struct err *e);
/* The id of the case opened by decision decision_no (canonical) of body_org_id, 0: none. */
enum err_code store_insp_case_find(struct store *st, int64_t body_org_id,
				   const char *decision_no, int64_t *id, struct err *e);
enum err_code store_insp_case_walk(struct store *st, const struct insp_case_filter *f,
				   store_insp_case_cb cb, void *ctx, struct err *e);

/* Append ev to its case's history (ev->id set). */
enum err_code store_insp_event_insert(struct store *st, struct insp_event *ev, const char *by,
				      struct err *e);
/* A case's history, oldest first. */
enum err_code store_insp_event_walk(struct store *st, int64_t case_id, store_insp_event_cb cb,
				    void *ctx, struct err *e);

#endif
