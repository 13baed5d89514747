/* store_training.h - the SQL of members' training records (docs/cadres.md "Training"). */
#ifndef CADRE_STORE_TRAINING_H
#define CADRE_STORE_TRAINING_H

#include "../core/training.h"
#include "store.h"

/* Which records a walk reads: one member's (member_id), or those sent by the organisations
 * whose pre lies in [pre, last]; from..to (DATE_NONE: open) bounds the start date; kind < 0
 * for every kind. Deleted records are never read. */
struct training_filter {
	int64_t member_id;
	long pre, last;
	date_t from, to;
	int kind;
};
typedef int (*store_training_cb)(void *ctx, const struct training *t);

/* Insert t (t->id set); by names the actor. */
enum err_code store_training_insert(struct store *st, struct training *t, const char *by,
				    struct err *e);
/* Write t's fields over the record t->id. */
enum err_code store_training_update(struct store *st, const struct training *t, struct err *e);
/* Mark the record id deleted (kept, never read again). */
enum err_code store_training_delete(struct store *st, int64_t id, struct err *e);
/* The record id with its member's name and its organisation's code (ERR_NOTFOUND). */
enum err_code store_training_get(struct store *st, int64_t id, struct training *t,
				 struct err *e);
/* The records f picks, by start date then id, to cb (non-zero stops). */
enum err_code store_training_walk(struct store *st, const struct training_filter *f,
				  store_training_cb cb, void *ctx, struct err *e);
/* The figure "cadres sent to training": the members with a record that f picks (f->kind
 * ignored), each counted once in *total and once in each kind of counts[] they had a course
 * of (a member with two courses of one kind counts once there). */
enum err_code store_training_figures(struct store *st, const struct training_filter *f,
				     long counts[TK__COUNT], long *total, struct err *e);

#endif
