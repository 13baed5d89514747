/* store_int.h - what the files of the store share: the connection and the statement helpers.
 * Not for callers outside src/store. */
#ifndef CADRE_STORE_INT_H
#define CADRE_STORE_INT_H

#include <sqlite3.h>
#include <stdint.h>

#include "store.h"

#define STMT_CACHE 96
/* A first load's scratch databases (store_scratch.c): the members' numbers. */
enum { SCRATCH_NUMBERS, SCRATCH_N };

/* One entry of a list being ordered: the first 8 bytes of the member's sort key as a
 * big-endian number (most comparisons end there), the whole key in an arena, and the id. */
struct keyed {
	uint64_t prefix;
	uint32_t off, len;
	int64_t id;
};

struct store {
	sqlite3 *db;
	long list_total; /* the members the last store_member_list found (all pages) */
	int writing; /* holds write_mu: between store_begin and its commit or rollback */
	long long deadline_ms, deadline_at; /* store_deadline: the limit and when it ends */
	long long busy_t0;   /* when the current wait for another writer began (ms) */
	int busy_told;       /* the wait was announced (store_wait_set's notice) */
	volatile int stopping; /* store_interrupt was called: the process is stopping */
	/* Reused by store_member_list so that ordering a province allocates nothing. */
	struct keyed *lv;
	size_t lcap;
	struct buf larena;
	/* A first load collects the duplicate keys here and stores them sorted at the end. */
	struct dupkey {
		int64_t hash, id;
	} *dupv;
	size_t ndup, capdup;
	/* A first load collects the members' numbers as it stores them, an array a kind (0
	 * citizen ID, 1 party card, 2 personal history; every clash 0, as store_member_insert
	 * writes), sorts and stores them at its end through cadre_numbers (numv: the kind being
	 * stored). off: a number that does not pack, or no memory: that kind is read back from
	 * the members instead. */
	struct numsrc {
		const struct numkey {
			uint64_t hi, lo; /* the value's bytes, big-endian, zero-padded (memcmp's
					  * order) */
			int64_t id;
		} *v;
		size_t n;
		int kind;
	} numsrc;
	struct numbulk {
		struct numkey *v;
		size_t n, cap;
		int off;
	} nb[3];
	/* The numbers stored into the scratch database on a thread of their own (store.c's
	 * number_thread), while this connection goes on with the roll's lists. */
	struct numthread *numthr;
	char *scratch[SCRATCH_N]; /* the scratch databases' paths, while in use */
	int scratch_attached;     /* bit i: scratch i attached to db as cadre_scratchI (until
				   * the transaction ends) */
	struct {
		const char *sql;
		sqlite3_stmt *stmt;
	} cache[STMT_CACHE];
	int ncache;
	int bulk;
	int bulk_recount;          /* a row counted by the loader failed to store */
	struct fig_acc *bulk_figs; /* a first load's counters (store_fig.c) */
	int review_bulk;           /* a bulk of reviews: counted in bulk_figs, not by triggers */
	struct word_bulk *words;   /* a first load's name words (store_search.c) */
	/* A first load's (word id, member id) pairs, kept from the words of names for the
	 * roll's lists (store_roll_bulk), and those lists while they are stored. */
	struct roll_bulk *roll;
	struct roll_cache *roll_cache; /* shared bitmaps of long lists (store_roll_cache_use) */
	int search_plan; /* store_member_find: 0 chooses, 1 reads the scope, 2 the index of all
			  * members' words, 3 (the whole roll) walks the roll's lists however
			  * few are found */
};

/* Tests: keep the lists of words min_members or more members have (16,384), and make a page
 * off the kept lists when more than keys_max are found (100). */
void store_roll_cache_tune(struct roll_cache *c, long min_members, long keys_max);

#define ACTIVE_STATUSES "('probationary','official','exempt','suspended')"

/* store_search.c: the words of names. A first load collects them (words_bulk_begin .. _end);
 * store_words_member keeps a member's in step with a change of name (old_name NULL for a
 * new member, new_name NULL for one gone); store_words_org an organisation's. */
void store_words_register(struct store *st);
enum err_code store_words_bulk_begin(struct store *st, struct err *e);
enum err_code store_words_bulk_end(struct store *st, struct err *e);
void store_words_bulk_forget(struct store *st);
enum err_code store_words_member(struct store *st, int64_t id, const char *old_name,
				 const char *new_name, struct err *e);
enum err_code store_words_org(struct store *st, int64_t org_id, const char *name,
			      struct err *e);
/* A member as roll_word knows it: name, list key, on a current roll. */
struct roll_entry {
	const char *name;
	const void *key;
	int klen, active;
};
/* Keep roll_word in step with a change of a member (was NULL for a new member): the old
 * rows out, the new in, when the name, the key or being on a roll changed. Called after
 * store_words_member (the new words are in name_word). Nothing during a first load. */
enum err_code store_roll_member(struct store *st, int64_t id, const struct roll_entry *was,
				const struct roll_entry *now, struct err *e);
/* roll_word and roll_block again from member_word and member. */
enum err_code store_roll_rebuild(struct store *st, struct err *e);
/* roll_word and roll_block at the end of a first load: from the pairs of the words of names
 * kept in memory (st->roll) when there are, else store_roll_rebuild. _begin (optional, before)
 * reads the members' keys and orders the lists on a second thread, while the caller goes on
 * with other work on the connection; store_roll_bulk stores them and frees st->roll. */
enum err_code store_roll_bulk_begin(struct store *st, struct err *e);
enum err_code store_roll_bulk(struct store *st, struct err *e);
/* roll_block again from roll_word (store_roll_rebuild, the migration that adds it). */
enum err_code store_roll_blocks_rebuild(struct store *st, struct err *e);
/* Build every index of words from the names stored (the migration that adds them). */
enum err_code store_words_rebuild(struct store *st, struct err *e);
/* The members' words again, a member at a time (when a first load's ids are too large). */
enum err_code store_words_rebuild_slow(struct store *st, struct err *e);

enum err_code sq_db_error(struct store *st, struct err *e, const char *what);
/* Puts back the connection's busy handler (after a look that must not wait). */
void store_busy_restore(struct store *st);

/* store_scratch.c: a first load's scratch databases (see there; which: SCRATCH_*). _sweep
 * removes those a killed process left (at open, when no write transaction is open); _open
 * makes an empty one, beside the database, with the given tables (a NULL-terminated list)
 * declared as in it, on a connection of its own in an open transaction (NULL: none, e.g. a
 * database in memory); _copy copies one of its tables into the same, empty, table of the
 * database, by SQLite's transfer (attaching it first); _unlink removes their files (before
 * the transaction ends: an attached one is only read); _drop detaches them once it has
 * ended. */
void store_scratch_sweep(struct store *st);
sqlite3 *store_scratch_open(struct store *st, int which, const char *const *tables);
enum err_code store_scratch_copy(struct store *st, int which, const char *table,
				 struct err *e);
void store_scratch_unlink(struct store *st);
void store_scratch_drop(struct store *st);
/* A prepared statement for sql, cached by the address of the SQL text (call sites pass
 * static strings), reset and with its bindings cleared. NULL on failure (e filled). */
sqlite3_stmt *sq_prep(struct store *st, const char *sql, struct err *e);
/* Statements past the cache size are finalised by the caller through sq_done(). */
void sq_done(struct store *st, sqlite3_stmt *s);
void sq_bind_text(sqlite3_stmt *s, int i, const char *v);
void sq_bind_text_or_null(sqlite3_stmt *s, int i, const char *v);
void sq_bind_date(sqlite3_stmt *s, int i, date_t d);
void sq_bind_id_or_null(sqlite3_stmt *s, int i, int64_t id);
void sq_bind_count(sqlite3_stmt *s, int i, long v);
void sq_col_copy(sqlite3_stmt *s, int i, char *dst, size_t cap);
date_t sq_col_date(sqlite3_stmt *s, int i);
long sq_col_count(sqlite3_stmt *s, int i);
/* Run a statement that returns no rows. */
enum err_code sq_step_done(struct store *st, sqlite3_stmt *s, struct err *e, const char *what);
enum err_code sq_exec(struct store *st, const char *sql, struct err *e, const char *what);

/* store_fig.c: register the cadre_fig_* functions the counters' triggers call. */
void fig_register(sqlite3 *db);
/* A bulk load's counters: set up (before the rows), add member m (store_member_bulk_count),
 * write them all at the end, or drop them (the load was rolled back). */
struct member;
enum err_code fig_bulk_start(struct store *st, struct err *e);
enum err_code fig_bulk_flush(struct store *st, struct err *e);
void fig_bulk_forget(struct store *st);

/* A statement's rows through body (which may return on a row); done with it at the end, a
 * failure of the step answered as sq_db_error(st, e, what). For the functions that return an
 * enum err_code. */
#define WALK(st, s, e, what, body)                                                  \
	do {                                                                        \
		int step_;                                                          \
		while ((step_ = sqlite3_step(s)) == SQLITE_ROW) {                   \
			body                                                        \
		}                                                                   \
		sq_done(st, s);                                                     \
		if (step_ != SQLITE_DONE && step_ != SQLITE_ROW)                    \
			return sq_db_error(st, e, what);                            \
	} while (0)

#endif
