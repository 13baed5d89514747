/* store.c - the SQLite backend of the storage interface (store.h). */
#include "store.h"

#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../lib/mem.h"
#include "../core/text.h"
#include "../core/vname.h"
#include "schema.h"
#include "sorted_vtab.h"
#include "store_int.h"


/* ---- helpers ------------------------------------------------------------------------ */

/* How long writers wait for each other (store_wait_set), and who is told of a long wait. */
static long g_wait_ms = 5000;
static void (*g_wait_notice)(long waited_ms, long max_ms);

static int busy_wait(void *ctx, int count);

long store_wait_ms(void)
{
	return g_wait_ms;
}

/* The answer to a writer that waited its whole time: in words, never SQLite's own
 * "database is locked". */
static enum err_code store_busy_error(struct err *e, const char *what)
{
	return err_set(e, ERR_STORAGE,
		       "the database is busy (%s): another import or a server is writing to it "
		       "and it was still busy after %ld s; try again later, or wait longer "
		       "(--wait SECONDS or CADRE_WAIT)", what, (g_wait_ms + 999) / 1000);
}

enum err_code sq_db_error(struct store *st, struct err *e, const char *what)
{
	int rc = sqlite3_errcode(st->db);

	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return store_busy_error(e, what);
	if (rc == SQLITE_INTERRUPT && st->stopping)
		return err_set(e, ERR_STORAGE,
			       "the server is stopping: the work was interrupted while %s and "
			       "nothing of it was kept; send it again once the server is back",
			       what);
	if (rc == SQLITE_INTERRUPT && st->deadline_ms)
		return err_set(e, ERR_STORAGE,
			       "the request took longer than %lld seconds while %s and was "
			       "stopped; narrow it (an organisation, more letters of the name)",
			       st->deadline_ms / 1000, what);
	return err_set(e, ERR_STORAGE, "database error while %s: %s", what,
		       sqlite3_errmsg(st->db));
}

/* A prepared statement for sql, cached by the address of the SQL text (call sites pass
 * static strings), reset and with its bindings cleared. NULL on failure (e filled). */
sqlite3_stmt *sq_prep(struct store *st, const char *sql, struct err *e)
{
	sqlite3_stmt *s;
	int i;

	for (i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			s = st->cache[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		sq_db_error(st, e, "preparing a query");
		return NULL;
	}
	if (st->ncache < STMT_CACHE) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache].stmt = s;
		st->ncache++;
	}
	return s;
}

/* Statements past the cache size are finalised by the caller through sq_done(). */
void sq_done(struct store *st, sqlite3_stmt *s)
{
	int i;

	for (i = 0; i < st->ncache; i++)
		if (st->cache[i].stmt == s) {
			sqlite3_reset(s);
			return;
		}
	sqlite3_finalize(s);
}

void sq_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	sqlite3_bind_text(s, i, v ? v : "", -1, SQLITE_STATIC);
}

void sq_bind_text_or_null(sqlite3_stmt *s, int i, const char *v)
{
	if (v && v[0])
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

/* Dates are stored as day numbers (days since 1970-01-01): small, and compared as numbers.
 * In SQL, date(d * 86400, 'unixepoch') shows one as YYYY-MM-DD. */
void sq_bind_date(sqlite3_stmt *s, int i, date_t d)
{
	if (d == DATE_NONE)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_int(s, i, d);
}

void sq_bind_id_or_null(sqlite3_stmt *s, int i, int64_t id)
{
	if (id > 0)
		sqlite3_bind_int64(s, i, id);
	else
		sqlite3_bind_null(s, i);
}

void sq_bind_count(sqlite3_stmt *s, int i, long v)
{
	if (v >= 0)
		sqlite3_bind_int64(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

void sq_col_copy(sqlite3_stmt *s, int i, char *dst, size_t cap)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	/* Text is checked on the way in (core/text) and fields are sized to its limits; this
	 * keeps what reaches the JSON encoder valid UTF-8 even for rows written before. */
	text_copy(dst, cap, t ? (const char *)t : "");
}

date_t sq_col_date(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? DATE_NONE
							 : (date_t)sqlite3_column_int(s, i);
}

long sq_col_count(sqlite3_stmt *s, int i)
{
	return sqlite3_column_type(s, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(s, i);
}

/* Run a statement that returns no rows. */
enum err_code sq_step_done(struct store *st, sqlite3_stmt *s, struct err *e, const char *what)
{
	int rc = sqlite3_step(s);

	if (rc != SQLITE_DONE) {
		enum err_code c;

		if (rc == SQLITE_CONSTRAINT)
			c = err_set(e, ERR_RULE, "%s: %s", what, sqlite3_errmsg(st->db));
		else
			c = sq_db_error(st, e, what);
		sq_done(st, s);
		return c;
	}
	sq_done(st, s);
	return ERR_OK;
}

enum err_code sq_exec(struct store *st, const char *sql, struct err *e, const char *what)
{
	char *msg = NULL;

	int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		enum err_code c = rc == SQLITE_BUSY || rc == SQLITE_LOCKED || rc == SQLITE_INTERRUPT
			? sq_db_error(st, e, what)
			: err_set(e, ERR_STORAGE, "database error while %s: %s", what,
				  msg ? msg : sqlite3_errmsg(st->db));

		sqlite3_free(msg);
		return c;
	}
	return ERR_OK;
}

/* cadre_match(folded_name, folded_query): every word of the query begins a word of the
 * name ("van hung" matches "nguyen van hung"; "hung" does not match "phung"). */
/* Frees the members' numbers a first load collected (below). */
static void numbers_forget(struct store *st);
/* Registers the cadre_dupkeys table (below) on st's connection. */
static void store_register_dupkeys(struct store *st);

static int word_prefix_in(const char *name, const char *w, size_t wl)
{
	const char *p = name;

	while (*p) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (strncmp(p, w, wl) == 0)
			return 1;
		while (*p && *p != ' ')
			p++;
	}
	return 0;
}

static void fn_match(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *name = (const char *)sqlite3_value_text(argv[0]);
	const char *q = (const char *)sqlite3_value_text(argv[1]);

	(void)argc;
	if (!name || !q) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	while (*q) {
		const char *w;

		while (*q == ' ')
			q++;
		if (!*q)
			break;
		w = q;
		while (*q && *q != ' ')
			q++;
		if (!word_prefix_in(name, w, (size_t)(q - w))) {
			sqlite3_result_int(ctx, 0);
			return;
		}
	}
	sqlite3_result_int(ctx, 1);
}

/* ---- open, migrate, transactions ---------------------------------------------------- */

int store_schema_latest(void)
{
	return schema_latest();
}

int store_schema_version(struct store *st)
{
	sqlite3_stmt *s;
	int v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) == SQLITE_OK) {
		if (sqlite3_step(s) == SQLITE_ROW)
			v = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
	}
	return v;
}

static enum err_code migrate(struct store *st, struct err *e)
{
	int v = store_schema_version(st), n;
	char pragma[64];

	if (v > schema_latest())
		return err_set(e, ERR_STORAGE,
			       "the database is at schema version %d but this cadre knows only up to "
			       "%d; use a newer cadre", v, schema_latest());
	for (n = v + 1; n <= schema_latest(); n++) {
		if (sq_exec(st, "BEGIN IMMEDIATE", e, "starting a migration"))
			return e->code;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", n);
		if (sq_exec(st, schema_migration(n), e, "migrating the schema") ||
		    /* The counters start from the records already there. */
		    (n == 7 && store_fig_rebuild(st, e)) ||
		    /* The words of the names already there (found by the text: the merge of
		     * branches renumbers migrations). */
		    (strstr(schema_migration(n), "CREATE TABLE member_word") &&
		     store_words_rebuild(st, e)) ||
		    (strstr(schema_migration(n), "CREATE TABLE roll_block") &&
		     store_roll_blocks_rebuild(st, e)) ||
		    sq_exec(st, pragma, e, "migrating the schema") ||
		    sq_exec(st, "COMMIT", e, "migrating the schema")) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
			return e->code;
		}
	}
	return ERR_OK;
}

/* SQLite's allocator (sqlite3_mem_methods): malloc with the reserve's rescue, NULL when
 * even that fails (SQLite then answers SQLITE_NOMEM and rolls back). */
static void *sq_malloc(int n)
{
	return mem_try_malloc((size_t)n);
}

static void *sq_realloc(void *p, int n)
{
	return mem_try_realloc(p, (size_t)n);
}

static int sq_size(void *p)
{
	return p ? (int)malloc_usable_size(p) : 0;
}

static int sq_roundup(int n)
{
	return (n + 7) & ~7;
}

static int sq_mem_init(void *unused)
{
	(void)unused;
	return SQLITE_OK;
}

static void sq_mem_shutdown(void *unused)
{
	(void)unused;
}

static const sqlite3_mem_methods sq_mem_methods = {
	sq_malloc, free, sq_realloc, sq_size, sq_roundup, sq_mem_init, sq_mem_shutdown, NULL,
};

enum err_code store_open(struct store **out, const char *path, int create, struct err *e)
{
	static int configured;
	struct store *st;

	if (!configured) {
		/* No global allocation statistics: they cost a mutex on every malloc. */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		/* SQLite's memory through cadre's allocator, so that the server's emergency
		 * reserve (mem.h) covers it too and a request that ran short commits nothing. */
		sqlite3_config(SQLITE_CONFIG_MALLOC, &sq_mem_methods);
		configured = 1;
	}
	st = xcalloc(1, sizeof *st);
	/* One connection is used by one thread at a time: no per-call mutex. */
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);

	*out = NULL;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		if (!create)
			err_set(e, ERR_STORAGE,
				"cannot open the database %s: %s; create it with 'cadre --db %s init'",
				path, sqlite3_errmsg(st->db), path);
		else
			err_set(e, ERR_STORAGE, "cannot open the database %s: %s", path,
				sqlite3_errmsg(st->db));
		sqlite3_close(st->db);
		free(st);
		return ERR_STORAGE;
	}
	sqlite3_busy_handler(st->db, busy_wait, st);
	/* A new database gets 16 KiB pages: a national roll loads and scans faster with them.
	 * (Only an empty file takes the setting; an existing one keeps its own.) */
	if (create)
		sqlite3_exec(st->db, "PRAGMA page_size=16384", NULL, NULL, NULL);
	sqlite3_extended_result_codes(st->db, 0);
	/* 16 MiB of page cache a connection: the server holds one connection per worker. */
	if (sq_exec(st, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL;"
		 "PRAGMA cache_size=-16384;", e, "opening the database")) {
		sqlite3_close(st->db);
		free(st);
		return ERR_STORAGE;
	}
	store_scratch_sweep(st);
	sqlite3_create_function(st->db, "cadre_match", 2,
				SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				fn_match, NULL, NULL);
	fig_register(st->db);
	store_register_dupkeys(st);
	store_words_register(st);
	if (migrate(st, e)) {
		store_close(st);
		return e->code;
	}
	*out = st;
	return ERR_OK;
}

void store_close(struct store *st)
{
	int i;

	if (!st)
		return;
	fig_bulk_forget(st);
	store_words_bulk_forget(st);
	for (i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	store_scratch_drop(st);
	sqlite3_close(st->db);
	free(st->lv);
	free(st->dupv);
	numbers_forget(st);
	buf_cleanup(&st->larena);
	free(st);
}

static long long now_ms(void);

void store_busy_restore(struct store *st)
{
	sqlite3_busy_handler(st->db, busy_wait, st);
}

void store_wait_set(long ms, void (*notice)(long waited_ms, long max_ms))
{
	g_wait_ms = ms < 0 ? 0 : ms;
	g_wait_notice = notice;
}

/* SQLite's busy handler: another connection holds the write lock. Sleep in short steps
 * until g_wait_ms have passed since the first call of this wait (count 0), telling the
 * notice once after a second. Returns 0 to give up (SQLITE_BUSY). */
static int busy_wait(void *ctx, int count)
{
	struct store *st = ctx;
	long long now = now_ms(), waited;
	struct timespec ts;
	long step;

	if (count == 0) {
		st->busy_t0 = now;
		st->busy_told = 0;
	}
	waited = now - st->busy_t0;
	if (st->stopping || waited >= g_wait_ms)
		return 0;
	if (g_wait_notice && !st->busy_told && waited >= 1000) {
		st->busy_told = 1;
		g_wait_notice((long)waited, g_wait_ms);
	}
	step = count < 10 ? 1 + count : count < 40 ? 10 : 50;
	if (step > g_wait_ms - waited)
		step = (long)(g_wait_ms - waited);
	ts.tv_sec = 0;
	ts.tv_nsec = step * 1000000L;
	nanosleep(&ts, NULL);
	return 1;
}

/* Writers of one process (the server's worker threads, each with its own connection) queue
 * on this mutex rather than on SQLite's busy handler, which sleeps in steps of milliseconds:
 * under load the queue is fair and its wait is the work ahead, not a guess. Other processes
 * still meet SQLite's lock and its busy timeout. */
static pthread_mutex_t write_mu = PTHREAD_MUTEX_INITIALIZER;

static void write_release(struct store *st)
{
	if (st->writing) {
		st->writing = 0;
		pthread_mutex_unlock(&write_mu);
	}
}

enum err_code store_begin(struct store *st, struct err *e)
{
	enum err_code rc;

	if (!st->writing) {
		/* Bounded like SQLite's own wait: during another thread's long import, a writer
		 * is answered "busy" rather than held until the import ends. */
		struct timespec ts;
		int lrc;

		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += g_wait_ms / 1000;
		ts.tv_nsec += (g_wait_ms % 1000) * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		lrc = pthread_mutex_trylock(&write_mu);
		if (lrc) {
			if (g_wait_notice && g_wait_ms > 1000)
				g_wait_notice(0, g_wait_ms);
			lrc = pthread_mutex_timedlock(&write_mu, &ts);
		}
		if (lrc)
			return store_busy_error(e, "starting a transaction");
		st->writing = 1;
	}
	rc = sq_exec(st, "BEGIN IMMEDIATE", e, "starting a transaction");
	if (rc)
		write_release(st);
	return rc;
}

enum err_code store_commit(struct store *st, struct err *e)
{
	enum err_code rc;

	store_scratch_unlink(st);
	rc = sq_exec(st, "COMMIT", e, "committing");

	if (rc && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	store_scratch_drop(st);
	write_release(st);
	return rc;
}

enum err_code store_savepoint(struct store *st, struct err *e)
{
	return sq_exec(st, "SAVEPOINT app_call", e, "starting a step of a transaction");
}

enum err_code store_savepoint_release(struct store *st, struct err *e)
{
	return sq_exec(st, "RELEASE app_call", e, "ending a step of a transaction");
}

void store_savepoint_rollback(struct store *st)
{
	/* ROLLBACK TO keeps the savepoint open: RELEASE ends it, its writes undone. */
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK TO app_call; RELEASE app_call", NULL, NULL, NULL);
}

enum err_code store_read_begin(struct store *st, struct err *e)
{
	return sq_exec(st, "BEGIN DEFERRED", e, "starting to read");
}

void store_read_end(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
}

void store_autocheckpoint(struct store *st, int on)
{
	sqlite3_wal_autocheckpoint(st->db, on ? 1000 : 0);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int deadline_passed(void *ctx)
{
	struct store *st = ctx;

	return st->deadline_ms && now_ms() > st->deadline_at;
}

void store_deadline(struct store *st, long long ms)
{
	st->deadline_ms = ms;
	st->deadline_at = now_ms() + ms;
	/* Every 20,000 virtual machine steps: a few hundred microseconds of work. */
	sqlite3_progress_handler(st->db, ms ? 20000 : 0, ms ? deadline_passed : NULL, st);
}

void store_checkpoint(struct store *st)
{
	int log = 0, done = 0;

	sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
	/* Under constant load some reader always holds a snapshot in the log, so the log is
	 * never started over by itself. Once it is long, try to start it over when nobody is
	 * reading it, without waiting: a restart that waited would hold every writer back. */
	if (log > 4096 && done == log) {
		sqlite3_busy_timeout(st->db, 0);
		sqlite3_wal_checkpoint_v2(st->db, NULL, SQLITE_CHECKPOINT_RESTART, NULL, NULL);
		sqlite3_busy_handler(st->db, busy_wait, st);
	}
}

void store_interrupt(struct store *st)
{
	st->stopping = 1;
	sqlite3_interrupt(st->db);
}

int store_release(struct store *st)
{
	int open = !sqlite3_get_autocommit(st->db) || st->writing;

	if (open)
		store_rollback(st);
	return open;
}

void store_rollback(struct store *st)
{
	store_scratch_unlink(st);
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	st->bulk = 0;
	st->review_bulk = 0;
	fig_bulk_forget(st);
	store_words_bulk_forget(st);
	numbers_forget(st);
	store_scratch_drop(st);
	write_release(st);
}

enum err_code store_journal_bulk(struct store *st, int on)
{
	struct err tmp;
	enum err_code rc;

	err_init(&tmp);
	/* The app has checked every reference of the rows a first load brings, so the load
	 * does not check them again row by row; the index build may sort on two threads. A
	 * small cache: the load writes every table and index in key order, which needs only the
	 * pages on the right edge of each, and SQLite's sorter sizes its runs by the cache: the
	 * runs of a 4 MiB cache sort within the processor's caches, where those of a large
	 * cache (a linked list of hundreds of megabytes, merged by pointer) cost member_roll's
	 * build twice the processor time. */
	rc = sq_exec(st, on ? "PRAGMA journal_mode=DELETE; PRAGMA foreign_keys=OFF;"
			   " PRAGMA cache_size=-4096; PRAGMA threads=2"
			 : "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA cache_size=-65536;"
			   " PRAGMA threads=0",
		  &tmp, "changing the journal mode");
	err_cleanup(&tmp);
	return rc;
}

void store_foreign_keys(struct store *st, int on)
{
	sqlite3_exec(st->db, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF", NULL, NULL,
		     NULL);
}

enum err_code store_bulk_begin(struct store *st, struct err *e)
{
	st->bulk = 1;
	st->bulk_recount = 0;
	st->ndup = 0;
	numbers_forget(st);
	/* The loader counts the rows as it reads them (store_member_bulk_count) and the
	 * counters are written once at the end, instead of by the triggers row by row. */
	if (sq_exec(st, "DROP INDEX IF EXISTS member_roll; DROP INDEX IF EXISTS member_since;"
			MEMBER_NUMBER_TRIGGERS_DROP, e,
		    "preparing a bulk load") ||
	    sq_exec(st, schema_fig_member_triggers(0), e, "preparing a bulk load") ||
	    store_words_bulk_begin(st, e))
		return e->code;
	return fig_bulk_start(st, e);
}

/* cadre_dupkeys: the duplicate keys a first load collected (st->dupv), sorted. */
static size_t dk_count(void *ctx)
{
	return ((struct store *)ctx)->ndup;
}

static void dk_column(void *ctx, size_t i, int col, sqlite3_context *out)
{
	const struct dupkey *k = &((struct store *)ctx)->dupv[i];

	sqlite3_result_int64(out, col == 0 ? k->hash : k->id);
}

static const struct sorted_vtab dk_table = {
	"CREATE TABLE x(dup_hash INTEGER, member_id INTEGER)", 2, dk_count, dk_column,
};

/* cadre_numbers: one kind of the members' numbers a first load sorted (a struct numsrc), in
 * the order of member_number's key (kind, value, clash). */
static size_t nk_count(void *ctx)
{
	return ((struct numsrc *)ctx)->n;
}

/* The value of a packed number (at most 16 bytes, no NUL). */
static size_t numkey_value(const struct numkey *k, char out[17])
{
	size_t n;

	for (n = 0; n < 16; n++) {
		uint64_t w = n < 8 ? k->hi : k->lo;
		unsigned char c = (unsigned char)(w >> (56 - 8 * (n & 7)));

		if (!c)
			break;
		out[n] = (char)c;
	}
	out[n] = 0;
	return n;
}

static void nk_column(void *ctx, size_t i, int col, sqlite3_context *out)
{
	const struct numsrc *src = ctx;
	const struct numkey *k = &src->v[i];
	char v[17];
	size_t n;

	switch (col) {
	case 0:
		sqlite3_result_int(out, src->kind);
		break;
	case 1:
		n = numkey_value(k, v);
		sqlite3_result_text(out, v, (int)n, SQLITE_TRANSIENT);
		break;
	case 2:
		sqlite3_result_int(out, 0); /* a first load's clash */
		break;
	default:
		sqlite3_result_int64(out, k->id);
	}
}

static const struct sorted_vtab nk_table = {
	"CREATE TABLE x(kind INTEGER, value TEXT, clash INTEGER, member_id INTEGER)", 3,
	nk_count, nk_column,
};

static void store_register_dupkeys(struct store *st)
{
	sorted_vtab_register(st->db, "cadre_dupkeys", &dk_table, st);
	sorted_vtab_register(st->db, "cadre_numbers", &nk_table, &st->numsrc);
}

static int cmp_dupkey(const void *x, const void *y)
{
	const struct dupkey *a = x, *b = y;

	if (a->hash != b->hash)
		return a->hash < b->hash ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The order of the numbers' values (member_number's key within a kind: every clash is 0). */
static int numkey_cmp(const struct numkey *a, const struct numkey *b)
{
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return 0;
}

/* Sorts v[0..n) in place (qsort would take as much memory again for its merge). */
static void numkey_sort(struct numkey *v, size_t n)
{
	while (n > 16) {
		struct numkey p, t;
		size_t i = 0, j = n - 1, m = n / 2;

		/* The median of three as the pivot. */
		if (numkey_cmp(&v[m], &v[0]) < 0) {
			t = v[m]; v[m] = v[0]; v[0] = t;
		}
		if (numkey_cmp(&v[j], &v[m]) < 0) {
			t = v[j]; v[j] = v[m]; v[m] = t;
			if (numkey_cmp(&v[m], &v[0]) < 0) {
				t = v[m]; v[m] = v[0]; v[0] = t;
			}
		}
		p = v[m];
		for (;;) {
			while (numkey_cmp(&v[i], &p) < 0)
				i++;
			while (numkey_cmp(&p, &v[j]) < 0)
				j--;
			if (i >= j)
				break;
			t = v[i]; v[i] = v[j]; v[j] = t;
			i++;
			j--;
		}
		/* The smaller part by recursion, the larger by the loop: a depth of log n. */
		if (j + 1 < n - j - 1) {
			numkey_sort(v, j + 1);
			v += j + 1;
			n -= j + 1;
		} else {
			numkey_sort(v + j + 1, n - j - 1);
			n = j + 1;
		}
	}
	for (size_t i = 1; i < n; i++) {
		struct numkey t = v[i];
		size_t j = i;

		for (; j > 0 && numkey_cmp(&t, &v[j - 1]) < 0; j--)
			v[j] = v[j - 1];
		v[j] = t;
	}
}

/* Pack a number of at most 16 bytes into k (0 when it is longer or holds a NUL). */
static int numkey_pack(struct numkey *k, const unsigned char *v, size_t n)
{
	size_t i;

	if (n > 16 || memchr(v, 0, n))
		return 0;
	k->hi = k->lo = 0;
	for (i = 0; i < n; i++) {
		if (i < 8)
			k->hi |= (uint64_t)v[i] << (56 - 8 * i);
		else
			k->lo |= (uint64_t)v[i] << (56 - 8 * (i - 8));
	}
	return 1;
}

static void numbulk_free(struct numbulk *b)
{
	free(b->v);
	memset(b, 0, sizeof *b);
}

/* Add the number v[0..n) of member id to b; a number that does not pack, or no memory,
 * turns b off (its kind is then read back from the members). */
static void numbulk_add(struct numbulk *b, const unsigned char *v, size_t n, int64_t id)
{
	if (b->off)
		return;
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 65536;
		struct numkey *nv = cap <= SIZE_MAX / sizeof *nv ? realloc(b->v, cap * sizeof *nv)
								   : NULL;

		if (!nv)
			goto off;
		b->v = nv;
		b->cap = cap;
	}
	if (!numkey_pack(&b->v[b->n], v, n))
		goto off;
	b->v[b->n++].id = id;
	return;
off:
	numbulk_free(b);
	b->off = 1;
}

/* The numbers of a member a first load stores (store_member_insert). */
static void numbers_collect(struct store *st, const struct member *m)
{
	const char *val[3] = {m->citizen_id, m->card_no, m->history_no};
	int kind;

	for (kind = 0; kind < 3; kind++)
		if (val[kind][0])
			numbulk_add(&st->nb[kind], (const unsigned char *)val[kind],
				    strlen(val[kind]), m->id);
}

static void numbers_forget(struct store *st)
{
	int kind;

	for (kind = 0; kind < 3; kind++)
		numbulk_free(&st->nb[kind]);
}

/* One kind of number stored by SQLite's own sort (a number longer than 16 bytes, or no
 * memory for the sorted way); a number held twice is then found by a query. */
static enum err_code number_kind_plain(struct store *st, int kind, struct err *e)
{
	static const char *const field[] = {"citizen_id", "card_no", "history_no"};
	static const char *const plain[] = {
		"INSERT INTO member_number(kind, value, clash, member_id) SELECT 0, citizen_id,"
		" number_clash, id FROM member WHERE citizen_id <> ''",
		"INSERT INTO member_number(kind, value, clash, member_id) SELECT 1, card_no,"
		" number_clash, id FROM member WHERE card_no <> ''",
		"INSERT INTO member_number(kind, value, clash, member_id) SELECT 2, history_no,"
		" number_clash, id FROM member WHERE history_no <> ''",
	};
	static const char dups[] =
		"SELECT value, min(member_id), max(member_id) FROM (SELECT 0 AS kind, citizen_id AS"
		" value, number_clash AS clash, id AS member_id FROM member WHERE citizen_id <> ''"
		" UNION ALL SELECT 1, card_no, number_clash, id FROM member WHERE card_no <> ''"
		" UNION ALL SELECT 2, history_no, number_clash, id FROM member WHERE history_no <> '')"
		" WHERE kind = ?1 GROUP BY value, clash HAVING count(*) > 1 LIMIT 100";
	struct err tmp;
	sqlite3_stmt *s;

	err_init(&tmp);
	if (sq_exec(st, plain[kind], &tmp, "building indexes") == ERR_OK) {
		err_cleanup(&tmp);
		return ERR_OK;
	}
	if ((s = sq_prep(st, dups, e))) {
		sqlite3_bind_int(s, 1, kind);
		while (sqlite3_step(s) == SQLITE_ROW)
			err_add(e, ERR_RULE, 0, field[kind], (const char *)sqlite3_column_text(s, 0),
				"R-MEMBER-UNIQUE-NUMBERS",
				"this number is given to two members of the file (ids %lld and "
				"%lld); a number belongs to one member",
				(long long)sqlite3_column_int64(s, 1),
				(long long)sqlite3_column_int64(s, 2));
		sq_done(st, s);
	}
	if (!e->code)
		err_merge(e, &tmp);
	err_cleanup(&tmp);
	return e->code ? e->code : ERR_STORAGE;
}

static const char number_insert[] =
	"INSERT INTO member_number(kind, value, clash, member_id)"
	" SELECT kind, value, clash, member_id FROM cadre_numbers ORDER BY 1, 2, 3";

/* One kind of number collected in v[0..n), sorted: checked for a value held twice
 * (adjacent once sorted; each named with two of its members, at most 100 in all through
 * *reported). */
static enum err_code number_kind_check(int kind, const struct numkey *v, size_t n,
				       size_t *reported, struct err *e)
{
	static const char *const field[] = {"citizen_id", "card_no", "history_no"};

	for (size_t i = 0; i + 1 < n; i++) {
		int64_t lo, hi;
		size_t j = i + 1;
		char val[17];

		if (numkey_cmp(&v[i], &v[j]))
			continue;
		lo = hi = v[i].id;
		for (; j < n && !numkey_cmp(&v[i], &v[j]); j++) {
			lo = v[j].id < lo ? v[j].id : lo;
			hi = v[j].id > hi ? v[j].id : hi;
		}
		if ((*reported)++ < 100) {
			numkey_value(&v[i], val);
			err_add(e, ERR_RULE, 0, field[kind], val, "R-MEMBER-UNIQUE-NUMBERS",
				"this number is given to two members of the file (ids %lld and "
				"%lld); a number belongs to one member", (long long)lo,
				(long long)hi);
		}
		i = j - 1;
	}
	return e->code;
}

/* One kind of number collected in v[0..n), sorted: checked (number_kind_check) and stored
 * in key order through cadre_numbers. */
static enum err_code number_kind_sorted(struct store *st, int kind, struct numkey *v, size_t n,
					size_t *reported, struct err *e)
{
	enum err_code rc;

	if (number_kind_check(kind, v, n, reported, e))
		return e->code;
	st->numsrc = (struct numsrc){v, n, kind};
	rc = sq_exec(st, number_insert, e, "building indexes");
	st->numsrc = (struct numsrc){NULL, 0, 0};
	return rc;
}

/* The numbers stored into the scratch database (store_scratch.c) on a thread of their own,
 * each kind in key order through the scratch connection's cadre_numbers; the arrays are
 * the thread's, freed as they are stored. rc and msg: SQLite's result. */
struct numthread {
	pthread_t t;
	int started;
	sqlite3 *db;
	struct numsrc src;
	struct numkey *v[3];
	size_t n[3];
	int rc;
	char msg[200];
};

static void *number_thread(void *arg)
{
	struct numthread *nt = arg;
	int kind, rc = SQLITE_OK;

	for (kind = 0; kind < 3; kind++) {
		nt->src = (struct numsrc){nt->v[kind], nt->n[kind], kind};
		if (rc == SQLITE_OK)
			rc = sqlite3_exec(nt->db, number_insert, NULL, NULL, NULL);
		nt->src = (struct numsrc){NULL, 0, 0};
		free(nt->v[kind]);
		nt->v[kind] = NULL;
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(nt->db, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		snprintf(nt->msg, sizeof nt->msg, "%s", sqlite3_errmsg(nt->db));
	nt->rc = rc;
	sqlite3_close(nt->db);
	nt->db = NULL;
	return NULL;
}

/* Start storing the numbers collected (every kind checked) into a scratch database, beside
 * this connection's work: 1 when started (st->numthr), 0 when there is no scratch database
 * (the arrays are left to the caller). */
static int number_thread_start(struct store *st)
{
	static const char *const tables[] = {"member_number", NULL};
	struct numthread *nt;
	sqlite3 *db = store_scratch_open(st, SCRATCH_NUMBERS, tables);
	int kind;

	if (!db)
		return 0;
	nt = xcalloc(1, sizeof *nt);
	nt->db = db;
	if (sorted_vtab_register(db, "cadre_numbers", &nk_table, &nt->src) != SQLITE_OK) {
		sqlite3_close(db);
		free(nt);
		return 0;
	}
	for (kind = 0; kind < 3; kind++) {
		nt->v[kind] = st->nb[kind].v;
		nt->n[kind] = st->nb[kind].n;
		memset(&st->nb[kind], 0, sizeof st->nb[kind]);
	}
	st->numthr = nt;
	nt->started = pthread_create(&nt->t, NULL, number_thread, nt) == 0;
	if (!nt->started)
		number_thread(nt);
	return 1;
}

/* Wait for the numbers' thread and copy its table in (e NULL: only wait, the load having
 * failed otherwise). */
static enum err_code number_thread_end(struct store *st, struct err *e)
{
	struct numthread *nt = st->numthr;
	enum err_code rc = ERR_OK;

	if (!nt)
		return ERR_OK;
	if (nt->started)
		pthread_join(nt->t, NULL);
	st->numthr = NULL;
	if (e && nt->rc != SQLITE_OK)
		rc = err_set(e, ERR_STORAGE, "database error while building indexes: %s",
			     nt->msg);
	else if (e)
		rc = store_scratch_copy(st, SCRATCH_NUMBERS, "member_number", e);
	free(nt);
	return rc;
}

/* Read back from the members the numbers of the kinds turned off while they were collected
 * (plain[kind] set when one of them does not pack either: SQLite sorts that kind). */
static enum err_code numbers_scan(struct store *st, int plain[3], struct err *e)
{
	static const char scan[] =
		"SELECT id, number_clash, citizen_id, card_no, history_no FROM member";
	int kind, step = SQLITE_DONE, need = 0, scanned[3];
	sqlite3_stmt *s = NULL;

	for (kind = 0; kind < 3; kind++)
		if ((scanned[kind] = st->nb[kind].off != 0)) {
			numbulk_free(&st->nb[kind]);
			need = 1;
		} else
			st->nb[kind].off = 2; /* collected: left alone by the scan */
	if (need && !(s = sq_prep(st, scan, e)))
		return e->code;
	while (need && (step = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);
		int clash = sqlite3_column_int64(s, 1) != 0;

		for (kind = 0; kind < 3; kind++) {
			const unsigned char *t = sqlite3_column_text(s, 2 + kind);
			int len = sqlite3_column_bytes(s, 2 + kind);

			if (!len || st->nb[kind].off)
				continue;
			if (clash)
				st->nb[kind].off = 1;
			else
				numbulk_add(&st->nb[kind], t, (size_t)len, id);
		}
	}
	if (need)
		sq_done(st, s);
	for (kind = 0; kind < 3; kind++) {
		plain[kind] = st->nb[kind].off == 1;
		if (plain[kind])
			numbulk_free(&st->nb[kind]);
		st->nb[kind].off = 0;
		if (scanned[kind] && !plain[kind])
			numkey_sort(st->nb[kind].v, st->nb[kind].n);
	}
	if (need && step != SQLITE_DONE)
		return sq_db_error(st, e, "building indexes");
	return ERR_OK;
}

/* Fill member_number at the end of a first load (which checks the numbers in the file only
 * through it, sparing a set of every number in memory) from the numbers collected as the
 * members were stored and sorted since (bulk_sort), each kind stored in key order: a tenth
 * of the work of sorting them in SQLite. A number held twice fails the load. When every
 * kind was collected, they are checked here and stored on a second thread into a scratch
 * database (number_thread_start), to be copied in by number_thread_end: the copy costs a
 * quarter of storing them, and the storing is done beside the roll's lists. */
static enum err_code number_table(struct store *st, struct err *e)
{
	enum err_code rc;
	size_t reported = 0;
	int plain[3], kind;

	if ((rc = numbers_scan(st, plain, e))) {
		numbers_forget(st);
		return rc;
	}
	if (!plain[0] && !plain[1] && !plain[2]) {
		for (kind = 0; kind < 3; kind++)
			number_kind_check(kind, st->nb[kind].v, st->nb[kind].n, &reported, e);
		if (e->code) {
			numbers_forget(st);
			return e->code;
		}
		if (number_thread_start(st))
			return ERR_OK;
	}
	/* Every kind is checked even after one had a number held twice, so that the load's
	 * report names them all. */
	for (kind = 0; kind < 3 && rc != ERR_STORAGE; kind++) {
		enum err_code k;

		if (plain[kind])
			k = number_kind_plain(st, kind, e);
		else
			k = number_kind_sorted(st, kind, st->nb[kind].v, st->nb[kind].n, &reported,
					       e);
		rc = rc ? rc : k;
		rc = k == ERR_STORAGE ? k : rc;
		numbulk_free(&st->nb[kind]);
	}
	numbers_forget(st);
	return rc;
}

/* The sorting of a first load's end, on a thread of its own while the words of names are
 * stored: the duplicate keys and the numbers collected. */
static void *bulk_sort(void *arg)
{
	struct store *st = arg;
	int kind;

	if (st->ndup)
		qsort(st->dupv, st->ndup, sizeof *st->dupv, cmp_dupkey);
	for (kind = 0; kind < 3; kind++)
		if (!st->nb[kind].off)
			numkey_sort(st->nb[kind].v, st->nb[kind].n);
	return NULL;
}

/* CADRE_TRACE: a line for each part of the end of a first load, its wall time and the
 * process's processor time (every thread) since the last line. */
static void bulk_trace(const char *what, struct timespec *w, struct timespec *c)
{
	struct timespec nw, nc;

	if (!getenv("CADRE_TRACE"))
		return;
	clock_gettime(CLOCK_MONOTONIC, &nw);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &nc);
	fprintf(stderr, "cadre: trace:   %-26s %8.2f s, %6.2f s CPU\n", what,
		(double)(nw.tv_sec - w->tv_sec) + (double)(nw.tv_nsec - w->tv_nsec) / 1e9,
		(double)(nc.tv_sec - c->tv_sec) + (double)(nc.tv_nsec - c->tv_nsec) / 1e9);
	*w = nw;
	*c = nc;
}

enum err_code store_bulk_end(struct store *st, struct err *e)
{
	enum err_code rc = ERR_OK;
	struct timespec tw, tc;
	pthread_t sorter;
	int sorting;

	clock_gettime(CLOCK_MONOTONIC, &tw);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &tc);

	if (!st->bulk)
		return ERR_OK;
	st->bulk = 0;
	/* The duplicate keys and the numbers are sorted on a second thread (the processor's
	 * other core) while this one stores the words of names; then each is stored in key
	 * order, which writes its table by appending. */
	sorting = pthread_create(&sorter, NULL, bulk_sort, st) == 0;
	if (!sorting)
		bulk_sort(st);
	rc = store_words_bulk_end(st, e);
	if (rc)
		store_words_bulk_forget(st);
	bulk_trace("words of names", &tw, &tc);
	if (sorting)
		pthread_join(sorter, NULL);
	bulk_trace("sorting (the rest)", &tw, &tc);
	/* The numbers checked, and stored on a second thread while this one goes on. */
	if (rc || (rc = number_table(st, e))) {
		free(st->dupv);
		st->dupv = NULL;
		st->ndup = st->capdup = 0;
		numbers_forget(st);
		store_words_bulk_forget(st);
		return rc;
	}
	bulk_trace("numbers checked", &tw, &tc);
	if (st->ndup)
		rc = sq_exec(st, "INSERT INTO member_dupkey(dup_hash, member_id)"
			     " SELECT dup_hash, member_id FROM cadre_dupkeys ORDER BY 1, 2",
			     e, "storing duplicate keys");
	free(st->dupv);
	st->dupv = NULL;
	st->ndup = st->capdup = 0;
	bulk_trace("duplicate keys", &tw, &tc);
	/* The roll's lists: the members' keys read, the lists ordered on a second thread while
	 * SQLite builds the roll index here, then stored. */
	if (rc || (rc = store_roll_bulk_begin(st, e)))
		goto fail;
	bulk_trace("roll lists: members read", &tw, &tc);
	if ((rc = sq_exec(st,
		    "CREATE INDEX IF NOT EXISTS member_roll ON member(org_id, status, sort_key, folded);",
		    e, "building indexes")))
		goto fail;
	bulk_trace("member_roll (lists sorted)", &tw, &tc);
	if ((rc = store_roll_bulk(st, e))) {
		number_thread_end(st, NULL);
		return rc;
	}
	bulk_trace("roll lists stored", &tw, &tc);
	/* Built here while the numbers' thread may still be storing them. */
	if ((rc = sq_exec(st,
		    "CREATE INDEX IF NOT EXISTS member_since ON member(org_id, org_since,"
		    " status_since, status, admission_decision_date, official_date);",
		    e, "building indexes"))) {
		number_thread_end(st, NULL);
		return rc;
	}
	bulk_trace("member_since", &tw, &tc);
	if ((rc = number_thread_end(st, e)))
		return rc;
	bulk_trace("numbers: waited, copied in", &tw, &tc);
	if ((rc = sq_exec(st, MEMBER_NUMBER_TRIGGERS, e, "building indexes")) ||
	    (rc = sq_exec(st, schema_fig_member_triggers(1), e, "building indexes")))
		return rc;
	if (st->bulk_recount) {
		/* Some row counted by the loader was not stored: count what was. */
		fig_bulk_forget(st);
		return store_fig_rebuild(st, e);
	}
	return fig_bulk_flush(st, e);
fail:
	number_thread_end(st, NULL);
	store_words_bulk_forget(st);
	return rc;
}

/* ---- rules -------------------------------------------------------------------------- */

enum err_code store_rules_load(struct store *st, struct ruleset *rs, struct err *e)
{
	static const char sql[] =
		"SELECT id, version, value, effective_from, source, description FROM rule"
		" ORDER BY id, version";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct rule_version v;

		memset(&v, 0, sizeof v);
		sq_col_copy(s, 0, v.id, sizeof v.id);
		v.version = sqlite3_column_int(s, 1);
		sq_col_copy(s, 2, v.value, sizeof v.value);
		v.effective_from = sq_col_date(s, 3);
		sq_col_copy(s, 4, v.source, sizeof v.source);
		sq_col_copy(s, 5, v.description, sizeof v.description);
		ruleset_add(rs, &v);
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading the rules");
}

void store_cache_mib(struct store *st, int mib)
{
	char sql[48];

	snprintf(sql, sizeof sql, "PRAGMA cache_size=-%d", mib * 1024);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
}

enum err_code store_rules_count(struct store *st, long *n, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM rule";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the rules");
}

enum err_code store_rule_add(struct store *st, const struct rule_version *v, const char *actor,
			     struct err *e)
{
	static const char sql[] =
		"INSERT INTO rule(id, version, value, effective_from, source, description, added_by)"
		" VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM rule WHERE id = ?1),"
		" ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, v->id);
	sq_bind_text(s, 2, v->value);
	sq_bind_date(s, 3, v->effective_from);
	sq_bind_text(s, 4, v->source);
	sq_bind_text(s, 5, v->description);
	sq_bind_text(s, 6, actor);
	return sq_step_done(st, s, e, "adding a rule version");
}

/* ---- organisations ------------------------------------------------------------------ */

#define ORG_COLS                                                                          \
	"o.id, o.code, o.parent_id, coalesce(p.code, ''), o.name, o.kind, o.grassroots_type," \
	" o.standing_board, o.local_committee, o.militia, o.self_defence, o.reserve,"          \
	" o.established, o.dissolved, coalesce(o.pre, 0), coalesce(o.last, 0),"                \
	" coalesce(o.depth, 0)"
#define ORG_FROM " FROM org o LEFT JOIN org p ON p.id = o.parent_id"

static void read_org(sqlite3_stmt *s, struct org *o)
{
	char kind[24];

	memset(o, 0, sizeof *o);
	o->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, o->code, sizeof o->code);
	o->parent_id = sqlite3_column_int64(s, 2);
	sq_col_copy(s, 3, o->parent_code, sizeof o->parent_code);
	sq_col_copy(s, 4, o->name, sizeof o->name);
	sq_col_copy(s, 5, kind, sizeof kind);
	if (org_kind_parse(kind, &o->kind))
		o->kind = OK_CELL;
	sq_col_copy(s, 6, o->grassroots_type, sizeof o->grassroots_type);
	o->standing_board = sqlite3_column_int(s, 7);
	sq_col_copy(s, 8, o->local_committee, sizeof o->local_committee);
	o->militia = sq_col_count(s, 9);
	o->self_defence = sq_col_count(s, 10);
	o->reserve = sq_col_count(s, 11);
	o->established = sq_col_date(s, 12);
	o->dissolved = sq_col_date(s, 13);
	o->pre = (long)sqlite3_column_int64(s, 14);
	o->last = (long)sqlite3_column_int64(s, 15);
	o->depth = sqlite3_column_int(s, 16);
}

/* Fetch the one row sql selects for key ?1 (text when key is not NULL, else id) into out
 * with read. Returns ERR_OK, ERR_NOTFOUND with no problem added (the caller says what was
 * not found), or a storage error naming what. */
static enum err_code fetch_one(struct store *st, const char *sql, const char *key, int64_t id,
			       void (*read)(sqlite3_stmt *s, void *out), void *out,
			       const char *what, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	if (key)
		sq_bind_text(s, 1, key);
	else
		sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		read(s, out);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, what);
	return ERR_NOTFOUND;
}

static void read_org_any(sqlite3_stmt *s, void *out)
{
	read_org(s, out);
}

static enum err_code org_one(struct store *st, const char *sql, const char *code, int64_t id,
			     struct org *o, struct err *e)
{
	enum err_code rc = fetch_one(st, sql, code, id, read_org_any, o, "reading an organisation",
				     e);

	if (rc != ERR_NOTFOUND)
		return rc;
	if (code)
		return err_add(e, ERR_NOTFOUND, 0, "org", code, NULL,
			       "no organisation has the code '%s'; 'cadre org tree' lists them", code);
	return err_set(e, ERR_NOTFOUND, "no organisation has the id %lld", (long long)id);
}

enum err_code store_org_by_code(struct store *st, const char *code, struct org *o, struct err *e)
{
	static const char sql[] = "SELECT " ORG_COLS ORG_FROM " WHERE o.code = ?1";

	return org_one(st, sql, code, 0, o, e);
}

enum err_code store_org_by_id(struct store *st, int64_t id, struct org *o, struct err *e)
{
	static const char sql[] = "SELECT " ORG_COLS ORG_FROM " WHERE o.id = ?1";

	return org_one(st, sql, NULL, id, o, e);
}

enum err_code store_org_count(struct store *st, long *n, struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM org";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sq_done(st, s);
		return sq_db_error(st, e, "counting organisations");
	}
	*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

static enum err_code version_open(struct store *st, const struct org *o, date_t from,
				  struct err *e)
{
	static const char sql[] =
		"INSERT OR REPLACE INTO org_version(org_id, valid_from, valid_to, parent_id, name, kind)"
		" VALUES (?1, ?2, NULL, ?3, ?4, ?5)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, o->id);
	sq_bind_date(s, 2, from);
	sq_bind_id_or_null(s, 3, o->parent_id);
	sq_bind_text(s, 4, o->name);
	sq_bind_text(s, 5, org_kind_name(o->kind));
	return sq_step_done(st, s, e, "recording an organisation version");
}

enum err_code store_org_insert(struct store *st, struct org *o, struct err *e)
{
	static const char sql[] =
		"INSERT INTO org(code, parent_id, name, kind, grassroots_type, standing_board,"
		" local_committee, militia, self_defence, reserve, established)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_text(s, 1, o->code);
	sq_bind_id_or_null(s, 2, o->parent_id);
	sq_bind_text(s, 3, o->name);
	sq_bind_text(s, 4, org_kind_name(o->kind));
	sq_bind_text_or_null(s, 5, o->grassroots_type);
	sqlite3_bind_int(s, 6, o->standing_board);
	sq_bind_text_or_null(s, 7, o->local_committee);
	sq_bind_count(s, 8, o->militia);
	sq_bind_count(s, 9, o->self_defence);
	sq_bind_count(s, 10, o->reserve);
	sq_bind_date(s, 11, o->established);
	if (sqlite3_step(s) != SQLITE_DONE) {
		enum err_code c = sq_db_error(st, e, "adding an organisation");

		sq_done(st, s);
		return c;
	}
	sq_done(st, s);
	o->id = sqlite3_last_insert_rowid(st->db);
	if (store_words_org(st, o->id, o->name, e))
		return e->code;
	return version_open(st, o, o->established, e);
}

enum err_code store_org_update(struct store *st, const struct org *o, int versioned, date_t date,
			       struct err *e)
{
	static const char sql[] =
		"UPDATE org SET parent_id = ?2, name = ?3, kind = ?4, grassroots_type = ?5,"
		" standing_board = ?6, local_committee = ?7, militia = ?8, self_defence = ?9,"
		" reserve = ?10, dissolved = ?11 WHERE id = ?1";
	static const char close_sql[] =
		"UPDATE org_version SET valid_to = ?2 WHERE org_id = ?1 AND valid_to IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, o->id);
	sq_bind_id_or_null(s, 2, o->parent_id);
	sq_bind_text(s, 3, o->name);
	sq_bind_text(s, 4, org_kind_name(o->kind));
	sq_bind_text_or_null(s, 5, o->grassroots_type);
	sqlite3_bind_int(s, 6, o->standing_board);
	sq_bind_text_or_null(s, 7, o->local_committee);
	sq_bind_count(s, 8, o->militia);
	sq_bind_count(s, 9, o->self_defence);
	sq_bind_count(s, 10, o->reserve);
	sq_bind_date(s, 11, o->dissolved);
	if (sq_step_done(st, s, e, "updating an organisation") ||
	    store_words_org(st, o->id, o->name, e))
		return e->code;
	if (!versioned)
		return ERR_OK;
	s = sq_prep(st, close_sql, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, o->id);
	sq_bind_date(s, 2, date);
	if (sq_step_done(st, s, e, "closing an organisation version"))
		return e->code;
	if (o->dissolved != DATE_NONE)
		return ERR_OK; /* no version after dissolution */
	return version_open(st, o, date, e);
}

enum err_code store_org_version_since(struct store *st, int64_t id, date_t *from, struct err *e)
{
	static const char sql[] = "SELECT max(valid_from) FROM org_version WHERE org_id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	*from = rc == SQLITE_ROW ? sq_col_date(s, 0) : DATE_NONE;
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading an organisation version");
}

struct renum {
	int64_t *ids;
	char **codes;
};

static int cmp_code(void *ctx, long a, long b)
{
	struct renum *r = ctx;

	return strcmp(r->codes[a], r->codes[b]);
}

static int cmp_id64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

enum err_code store_org_renumber(struct store *st, struct err *e)
{
	static const char sel[] =
		"SELECT id, coalesce(parent_id, 0), code FROM org WHERE dissolved IS NULL ORDER BY id";
	static const char clear[] = "UPDATE org SET pre = NULL, last = NULL, depth = NULL"
				    " WHERE pre IS NOT NULL";
	static const char upd[] = "UPDATE org SET pre = ?2, last = ?3, depth = ?4 WHERE id = ?1";
	sqlite3_stmt *s;
	size_t n = 0, cap = 1024, i;
	int64_t *ids = xmalloc(cap * sizeof *ids), *pids = xmalloc(cap * sizeof *pids);
	char **codes = xmalloc(cap * sizeof *codes);
	long *parent = NULL, cyc = -1;
	struct tree t;
	struct renum r;
	enum err_code rc = ERR_OK;
	int step;

	s = sq_prep(st, sel, e);
	if (!s) {
		rc = e->code;
		goto out;
	}
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			ids = xrealloc(ids, cap * sizeof *ids);
			pids = xrealloc(pids, cap * sizeof *pids);
			codes = xrealloc(codes, cap * sizeof *codes);
		}
		ids[n] = sqlite3_column_int64(s, 0);
		pids[n] = sqlite3_column_int64(s, 1);
		codes[n] = xstrdup((const char *)sqlite3_column_text(s, 2));
		n++;
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		rc = sq_db_error(st, e, "reading the tree");
		goto out;
	}
	/* ids are sorted: find each parent's index by binary search. */
	parent = xmalloc((n ? n : 1) * sizeof *parent);
	for (i = 0; i < n; i++) {
		int64_t *hit = pids[i] ? bsearch(&pids[i], ids, n, sizeof *ids, cmp_id64) : NULL;

		parent[i] = hit ? (long)(hit - ids) : -1;
	}
	r.ids = ids;
	r.codes = codes;
	if (tree_build(&t, parent, n, cmp_code, &r, &cyc)) {
		tree_cleanup(&t);
		rc = err_set(e, ERR_INTERNAL, "the organisation tree has a cycle at %s",
			     cyc >= 0 ? codes[cyc] : "?");
		goto out;
	}
	s = sq_prep(st, clear, e);
	if (!s || sq_step_done(st, s, e, "renumbering the tree")) {
		tree_cleanup(&t);
		rc = e->code;
		goto out;
	}
	for (i = 0; i < n; i++) {
		s = sq_prep(st, upd, e);
		if (!s) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, ids[i]);
		sqlite3_bind_int64(s, 2, t.pre[i]);
		sqlite3_bind_int64(s, 3, t.last[i]);
		sqlite3_bind_int(s, 4, t.depth[i]);
		if (sq_step_done(st, s, e, "renumbering the tree")) {
			rc = e->code;
			break;
		}
	}
	tree_cleanup(&t);
out:
	for (i = 0; i < n; i++)
		free(codes[i]);
	free(codes);
	free(ids);
	free(pids);
	free(parent);
	return rc;
}

enum err_code store_org_event_add(struct store *st, date_t date, const char *kind, int64_t org_id,
				  int64_t other_org_id, const char *detail, const char *actor,
				  int64_t *event_id, struct err *e)
{
	static const char sql[] =
		"INSERT INTO org_event(date, kind, org_id, other_org_id, detail, actor)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sq_bind_date(s, 1, date);
	sq_bind_text(s, 2, kind);
	sqlite3_bind_int64(s, 3, org_id);
	sq_bind_id_or_null(s, 4, other_org_id);
	sq_bind_text_or_null(s, 5, detail);
	sq_bind_text(s, 6, actor);
	if (sq_step_done(st, s, e, "recording a restructuring event"))
		return e->code;
	if (event_id)
		*event_id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_org_lineage_add(struct store *st, int64_t pred, int64_t succ,
				    int64_t event_id, const char *kind, struct err *e)
{
	static const char sql[] =
		"INSERT OR IGNORE INTO org_lineage(predecessor_id, successor_id, event_id, kind)"
		" VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pred);
	sqlite3_bind_int64(s, 2, succ);
	sqlite3_bind_int64(s, 3, event_id);
	sq_bind_text(s, 4, kind);
	return sq_step_done(st, s, e, "recording lineage");
}

/* Run a query of ORG_COLS rows and hand each to cb. The statement is bound already. */
static enum err_code org_rows(struct store *st, sqlite3_stmt *s, store_org_cb cb, void *ctx,
			      struct err *e)
{
	int rc;
	struct org o;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_org(s, &o);
		if (cb(ctx, &o)) {
			sq_done(st, s);
			return ERR_OK;
		}
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading organisations");
}

enum err_code store_org_walk(struct store *st, long pre, long last, int max_depth,
			     store_org_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " ORG_COLS ORG_FROM
				  " WHERE o.pre BETWEEN ?1 AND ?2 AND o.depth <= ?3 ORDER BY o.pre";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int(s, 3, max_depth < 0 ? 1 << 30 : max_depth);
	return org_rows(st, s, cb, ctx, e);
}

enum err_code store_org_children(struct store *st, int64_t id, store_org_cb cb, void *ctx,
				 struct err *e)
{
	static const char sql[] = "SELECT " ORG_COLS ORG_FROM
				  " WHERE o.parent_id = ?1 AND o.dissolved IS NULL ORDER BY o.code";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	return org_rows(st, s, cb, ctx, e);
}

enum err_code store_orgs_as_of(struct store *st, date_t d, store_org_at_cb cb, void *ctx,
			       struct err *e)
{
	static const char sql[] =
		"SELECT v.org_id, coalesce(v.parent_id, 0), o.code, v.name, v.kind"
		" FROM org_version v JOIN org o ON o.id = v.org_id"
		" WHERE v.valid_from <= ?1 AND (v.valid_to IS NULL OR v.valid_to > ?1)"
		" ORDER BY o.code";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct org_at a;
	char kind[24];
	int rc;

	if (!s)
		return e->code;
	sq_bind_date(s, 1, d);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		a.id = sqlite3_column_int64(s, 0);
		a.parent_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, a.code, sizeof a.code);
		sq_col_copy(s, 3, a.name, sizeof a.name);
		sq_col_copy(s, 4, kind, sizeof kind);
		if (org_kind_parse(kind, &a.kind))
			a.kind = OK_CELL;
		if (cb(ctx, &a)) {
			sq_done(st, s);
			return ERR_OK;
		}
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "reading the tree as of a date");
}

enum err_code store_org_history(struct store *st, int64_t org_id, store_org_event_cb cb,
				void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT ev.id, ev.date, ev.kind, a.code, coalesce(b.code, ''), coalesce(ev.detail, ''),"
		" ev.actor, ev.recorded_at"
		" FROM org_event ev JOIN org a ON a.id = ev.org_id LEFT JOIN org b ON b.id = ev.other_org_id"
		" WHERE ev.org_id = ?1 OR ev.other_org_id = ?1"
		" OR ev.id IN (SELECT event_id FROM org_lineage"
		"              WHERE predecessor_id = ?1 OR successor_id = ?1)"
		" ORDER BY ev.date, ev.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct org_event ev;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof ev);
		ev.id = sqlite3_column_int64(s, 0);
		ev.date = sq_col_date(s, 1);
		sq_col_copy(s, 2, ev.kind, sizeof ev.kind);
		sq_col_copy(s, 3, ev.org_code, sizeof ev.org_code);
		sq_col_copy(s, 4, ev.other_code, sizeof ev.other_code);
		sq_col_copy(s, 5, ev.detail, sizeof ev.detail);
		sq_col_copy(s, 6, ev.actor, sizeof ev.actor);
		sq_col_copy(s, 7, ev.recorded_at, sizeof ev.recorded_at);
		if (cb(ctx, &ev))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading history");
}

enum err_code store_org_lineage(struct store *st, int64_t org_id, int dir, store_org_cb cb,
				void *ctx, struct err *e)
{
	static const char pred[] = "SELECT " ORG_COLS ORG_FROM
				   " WHERE o.id IN (SELECT predecessor_id FROM org_lineage"
				   " WHERE successor_id = ?1) ORDER BY o.code";
	static const char succ[] = "SELECT " ORG_COLS ORG_FROM
				   " WHERE o.id IN (SELECT successor_id FROM org_lineage"
				   " WHERE predecessor_id = ?1) ORDER BY o.code";
	sqlite3_stmt *s = sq_prep(st, dir < 0 ? pred : succ, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	return org_rows(st, s, cb, ctx, e);
}

enum err_code store_org_counts(struct store *st, long pre, long last, long counts[MS__COUNT],
			       long *hosted, struct err *e)
{
	static const char sql[] =
		"SELECT m.status, count(*) FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 GROUP BY m.status";
	static const char host_sql[] =
		"SELECT count(*) FROM org o CROSS JOIN member m ON m.temp_org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES
		" AND m.org_id NOT IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum member_status ms;
	int rc, i;

	for (i = 0; i < MS__COUNT; i++)
		counts[i] = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (member_status_parse((const char *)sqlite3_column_text(s, 0), &ms) == 0)
			counts[ms] = (long)sqlite3_column_int64(s, 1);
	sq_done(st, s);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "counting members");
	if (!hosted)
		return ERR_OK;
	s = sq_prep(st, host_sql, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	rc = sqlite3_step(s);
	*hosted = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting hosted members");
}

enum err_code store_org_hosted(struct store *st, long pre, long last, long *hosted,
			       struct err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM org o CROSS JOIN member m ON m.temp_org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES
		" AND m.org_id NOT IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*hosted = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*hosted = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting hosted members");
}

enum err_code store_org_counts_off_roll(struct store *st, long pre, long last,
					long counts[MS__COUNT], struct err *e)
{
	/* member_roll (org_id, status, ...) answers each organisation's few off-roll members
	 * by a seek per status, never reading those on the rolls. */
	static const char sql[] =
		"SELECT m.status, count(*) FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN"
		" ('removed','expelled','deceased','transferred_out') GROUP BY m.status";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum member_status ms;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (member_status_parse((const char *)sqlite3_column_text(s, 0), &ms) == 0)
			counts[ms] = (long)sqlite3_column_int64(s, 1);
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "counting members");
}

enum err_code store_fig_walk_pre(struct store *st, long pre, long last, store_fig_pre_cb cb,
				 void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT o.pre, o.last, f.core FROM org o LEFT JOIN org_fig f ON f.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY o.pre";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, (long)sqlite3_column_int64(s, 0), (long)sqlite3_column_int64(s, 1),
		       sqlite3_column_blob(s, 2), (size_t)sqlite3_column_bytes(s, 2)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						      : sq_db_error(st, e, "reading the figures");
}

enum err_code store_org_direct_counts(struct store *st, int64_t id, long counts[MS__COUNT],
				      struct err *e)
{
	static const char sql[] =
		"SELECT status, count(*) FROM member WHERE org_id = ?1 GROUP BY status";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum member_status ms;
	int rc, i;

	for (i = 0; i < MS__COUNT; i++)
		counts[i] = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (member_status_parse((const char *)sqlite3_column_text(s, 0), &ms) == 0)
			counts[ms] = (long)sqlite3_column_int64(s, 1);
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "counting members");
}

enum err_code store_org_roll_sizes(struct store *st,
				   int (*cb)(void *ctx, int64_t org_id, long official, long prob),
				   void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT org_id, sum(status <> 'probationary'), sum(status = 'probationary')"
		" FROM member WHERE status IN " ACTIVE_STATUSES " GROUP BY org_id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (cb(ctx, sqlite3_column_int64(s, 0), (long)sqlite3_column_int64(s, 1),
		       (long)sqlite3_column_int64(s, 2)))
			break;
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting rolls");
}

/* ---- members ------------------------------------------------------------------------ */

#define MEMBER_COLS                                                                         \
	"m.id, m.org_id, o.code, m.status, m.status_since, m.org_since,"                       \
	" coalesce(m.temp_org_id, 0), coalesce(t.code, ''), m.temp_until,"                     \
	" m.full_name, m.sex, m.birth_date, m.ethnicity,"                                     \
	" m.religion, m.hometown, m.citizen_id, m.education, m.theory_level, m.rank,"           \
	" m.category, m.post, m.history_no, m.card_no, m.phone, m.admission_decision_date,"     \
	" m.admission_ceremony_date, m.official_date"
#define MEMBER_FROM                                                                         \
	" FROM member m JOIN org o ON o.id = m.org_id LEFT JOIN org t ON t.id = m.temp_org_id"

static void read_member(sqlite3_stmt *s, struct member *m)
{
	char status[24];
	struct buf fam, mid, giv;

	memset(m, 0, sizeof *m);
	m->id = sqlite3_column_int64(s, 0);
	m->org_id = sqlite3_column_int64(s, 1);
	sq_col_copy(s, 2, m->org_code, sizeof m->org_code);
	sq_col_copy(s, 3, status, sizeof status);
	if (member_status_parse(status, &m->status))
		m->status = MS_OFFICIAL;
	m->status_since = sq_col_date(s, 4);
	m->org_since = sq_col_date(s, 5);
	m->temp_org_id = sqlite3_column_int64(s, 6);
	sq_col_copy(s, 7, m->temp_org_code, sizeof m->temp_org_code);
	m->temp_until = sq_col_date(s, 8);
	sq_col_copy(s, 9, m->full_name, sizeof m->full_name);
	sq_col_copy(s, 10, m->sex, sizeof m->sex);
	m->birth_date = sq_col_date(s, 11);
	sq_col_copy(s, 12, m->ethnicity, sizeof m->ethnicity);
	sq_col_copy(s, 13, m->religion, sizeof m->religion);
	sq_col_copy(s, 14, m->hometown, sizeof m->hometown);
	sq_col_copy(s, 15, m->citizen_id, sizeof m->citizen_id);
	sq_col_copy(s, 16, m->education, sizeof m->education);
	sq_col_copy(s, 17, m->theory_level, sizeof m->theory_level);
	sq_col_copy(s, 18, m->rank, sizeof m->rank);
	sq_col_copy(s, 19, m->category, sizeof m->category);
	sq_col_copy(s, 20, m->post, sizeof m->post);
	sq_col_copy(s, 21, m->history_no, sizeof m->history_no);
	sq_col_copy(s, 22, m->card_no, sizeof m->card_no);
	sq_col_copy(s, 23, m->phone, sizeof m->phone);
	m->admission_decision_date = sq_col_date(s, 24);
	m->admission_ceremony_date = sq_col_date(s, 25);
	m->official_date = sq_col_date(s, 26);
	/* The name's parts are derived, not stored. */
	buf_init(&fam, 0);
	buf_init(&mid, 0);
	buf_init(&giv, 0);
	vname_split(m->full_name, &fam, &mid, &giv);
	snprintf(m->family, sizeof m->family, "%s", buf_str(&fam));
	snprintf(m->middle, sizeof m->middle, "%s", buf_str(&mid));
	snprintf(m->given, sizeof m->given, "%s", buf_str(&giv));
	buf_cleanup(&fam);
	buf_cleanup(&mid);
	buf_cleanup(&giv);
}

/* Bind a date kept in the store's buffer slot (valid until the statement runs again). */
static void bind_date_slot(struct store *st, sqlite3_stmt *s, int i, date_t d, int slot)
{
	(void)st;
	(void)slot;
	sq_bind_date(s, i, d);
}

/* Bind the member's fields to ?2..?28 in the order of the INSERT/UPDATE below. */
static void bind_member(struct store *st, sqlite3_stmt *s, const struct member *m,
			const struct member_keys *k)
{
	sqlite3_bind_int64(s, 2, m->org_id);
	bind_date_slot(st, s, 3, m->org_since, 0);
	sq_bind_text(s, 4, member_status_name(m->status));
	bind_date_slot(st, s, 5, m->status_since, 1);
	sq_bind_id_or_null(s, 6, m->temp_org_id);
	bind_date_slot(st, s, 7, m->temp_until, 2);
	sq_bind_text(s, 8, m->full_name);
	sqlite3_bind_blob(s, 9, k->sort_key, (int)k->sort_key_len, SQLITE_STATIC);
	sq_bind_text(s, 10, k->folded);
	sqlite3_bind_int64(s, 11, k->dup_hash);
	sq_bind_text(s, 12, m->sex);
	bind_date_slot(st, s, 13, m->birth_date, 3);
	sq_bind_text(s, 14, m->ethnicity);
	sq_bind_text(s, 15, m->religion);
	sq_bind_text(s, 16, m->hometown);
	sq_bind_text(s, 17, m->citizen_id);
	sq_bind_text(s, 18, m->education);
	sq_bind_text(s, 19, m->theory_level);
	sq_bind_text(s, 20, m->rank);
	sq_bind_text(s, 21, m->category);
	sq_bind_text(s, 22, m->post);
	sq_bind_text(s, 23, m->history_no);
	sq_bind_text(s, 24, m->card_no);
	sq_bind_text(s, 25, m->phone);
	bind_date_slot(st, s, 26, m->admission_decision_date, 4);
	bind_date_slot(st, s, 27, m->admission_ceremony_date, 5);
	bind_date_slot(st, s, 28, m->official_date, 6);
}

/* Whether a constraint that failed is member_number's key (R-MEMBER-UNIQUE-NUMBERS). */
static int number_key_failed(struct store *st)
{
	int x = sqlite3_extended_errcode(st->db);

	return (x == SQLITE_CONSTRAINT_PRIMARYKEY || x == SQLITE_CONSTRAINT_UNIQUE) &&
	       strstr(sqlite3_errmsg(st->db), "member_number");
}

/* The number of m that member_number's key refused (R-MEMBER-UNIQUE-NUMBERS): the app checks
 * first and names the holder; this answers a race between two writers. */
static enum err_code number_clash(struct store *st, const struct member *m, struct err *e)
{
	static const char *const field[] = {"citizen_id", "card_no", "history_no"};
	const char *v[] = {m->citizen_id, m->card_no, m->history_no};
	int64_t holder = 0;
	long pre;
	struct err tmp;
	int k;

	err_init(&tmp);
	for (k = MN_CITIZEN_ID; k <= MN_HISTORY_NO; k++)
		if (!store_member_number_holder(st, (enum member_number)k, v[k], m->id, &holder,
						&pre, &tmp) && holder)
			break;
	err_cleanup(&tmp);
	if (k > MN_HISTORY_NO)
		k = MN_CITIZEN_ID;
	return err_add(e, ERR_RULE, 0, field[k], v[k], "R-MEMBER-UNIQUE-NUMBERS",
		       "this number is already used by another member");
}

enum err_code store_member_number_holder(struct store *st, enum member_number k,
					 const char *value, int64_t not_id, int64_t *holder,
					 long *holder_pre, struct err *e)
{
	static const char sql[] =
		"SELECT m.id, coalesce(o.pre, 0) FROM member_number n"
		" JOIN member m ON m.id = n.member_id JOIN org o ON o.id = m.org_id"
		" WHERE n.kind = ?3 AND n.value = ?1 AND n.member_id <> ?2 ORDER BY m.id LIMIT 1";
	sqlite3_stmt *s;
	int rc;

	*holder = 0;
	*holder_pre = 0;
	if (!value[0] || (unsigned)k > MN_HISTORY_NO)
		return ERR_OK;
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	sq_bind_text(s, 1, value);
	sqlite3_bind_int64(s, 2, not_id);
	sqlite3_bind_int(s, 3, (int)k);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*holder = sqlite3_column_int64(s, 0);
		*holder_pre = (long)sqlite3_column_int64(s, 1);
	} else if (rc != SQLITE_DONE) {
		sq_done(st, s);
		return sq_db_error(st, e, "looking up a member's number");
	}
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_member_number_share(struct store *st, int64_t id, enum member_number k,
					int64_t holder, struct err *e)
{
	static const char *const sql[] = {
		"UPDATE member SET citizen_id = (SELECT citizen_id FROM member WHERE id = ?2),"
		" number_clash = id WHERE id = ?1 AND id <> ?2 AND"
		" (SELECT citizen_id FROM member WHERE id = ?2) <> ''",
		"UPDATE member SET card_no = (SELECT card_no FROM member WHERE id = ?2),"
		" number_clash = id WHERE id = ?1 AND id <> ?2 AND"
		" (SELECT card_no FROM member WHERE id = ?2) <> ''",
		"UPDATE member SET history_no = (SELECT history_no FROM member WHERE id = ?2),"
		" number_clash = id WHERE id = ?1 AND id <> ?2 AND"
		" (SELECT history_no FROM member WHERE id = ?2) <> ''",
	};
	sqlite3_stmt *s;
	int rc;

	if ((unsigned)k > MN_HISTORY_NO)
		return err_set(e, ERR_INTERNAL, "no such kind of member number: %d", (int)k);
	if (!(s = sq_prep(st, sql[k], e)))
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, holder);
	rc = sqlite3_step(s);
	sq_done(st, s);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "sharing a member's number");
	if (sqlite3_changes(st->db) != 1)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "member %lld or the holder %lld of the number is missing (or has "
			       "no such number)", (long long)id, (long long)holder);
	return ERR_OK;
}

enum err_code store_member_clash_count(struct store *st, long pre, long last, long *n,
				       struct err *e)
{
	static const char sql[] = "SELECT count(*) FROM member m JOIN org o ON o.id = m.org_id"
				  " WHERE m.number_clash <> 0 AND o.pre BETWEEN ?1 AND ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting clashing numbers");
}

enum err_code store_member_clash_list(struct store *st, long pre, long last, long offset,
				      long limit, store_member_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " MEMBER_COLS MEMBER_FROM
				  " WHERE m.number_clash <> 0 AND o.pre BETWEEN ?1 AND ?2"
				  " ORDER BY m.id LIMIT ?3 OFFSET ?4";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct member m;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int64(s, 3, limit);
	sqlite3_bind_int64(s, 4, offset);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_member(s, &m);
		if (cb(ctx, &m))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						      : sq_db_error(st, e, "listing clashing numbers");
}

enum err_code store_member_review_facts(struct store *st, int64_t id,
					struct member_review_facts *f, struct err *e)
{
	static const char sql[] = "SELECT m.org_id, coalesce(o.pre, 0), m.status,"
				  " m.admission_decision_date FROM member m JOIN org o ON o.id = m.org_id"
				  " WHERE m.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	memset(f, 0, sizeof *f);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		f->org_id = sqlite3_column_int64(s, 0);
		f->org_pre = (long)sqlite3_column_int64(s, 1);
		if (member_status_parse((const char *)sqlite3_column_text(s, 2), &f->status))
			f->status = MS_OFFICIAL;
		f->admitted = sq_col_date(s, 3);
	}
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading a member");
	return ERR_NOTFOUND;
}

enum err_code store_member_review_facts_all(struct store *st, void (*cb_max)(void *ctx,
					    int64_t max_id), store_facts_cb cb, void *ctx,
					    struct err *e)
{
	static const char max_sql[] = "SELECT coalesce(max(id), 0) FROM member";
	static const char sql[] =
		"SELECT id, org_id, status, admission_decision_date FROM member";
	struct member_review_facts f;
	sqlite3_stmt *s;
	int rc;

	if (cb_max) {
		if (!(s = sq_prep(st, max_sql, e)))
			return e->code;
		rc = sqlite3_step(s);
		cb_max(ctx, rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0);
		sq_done(st, s);
		if (rc != SQLITE_ROW)
			return sq_db_error(st, e, "reading the members");
	}
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	memset(&f, 0, sizeof f);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		f.org_id = sqlite3_column_int64(s, 1);
		if (member_status_parse((const char *)sqlite3_column_text(s, 2), &f.status))
			f.status = MS_OFFICIAL;
		f.admitted = sq_col_date(s, 3);
		if (cb(ctx, sqlite3_column_int64(s, 0), &f))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						      : sq_db_error(st, e, "reading the members");
}

static const char dup_sql[] =
	"INSERT OR IGNORE INTO member_dupkey(dup_hash, member_id) VALUES (?1, ?2)";

enum err_code store_member_insert(struct store *st, struct member *m,
				  const struct member_keys *k, struct err *e)
{
	static const char sql[] =
		"INSERT INTO member(id, org_id, org_since, status, status_since, temp_org_id,"
		" temp_until, full_name, sort_key, folded, dup_hash, sex,"
		" birth_date, ethnicity, religion, hometown, citizen_id, education, theory_level,"
		" rank, category, post, history_no, card_no, phone, admission_decision_date,"
		" admission_ceremony_date, official_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
		" ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24,"
		" ?25, ?26, ?27, ?28)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sq_bind_id_or_null(s, 1, m->id);
	bind_member(st, s, m, k);
	rc = sqlite3_step(s);
	sq_done(st, s);
	if (rc != SQLITE_DONE && st->bulk)
		st->bulk_recount = 1; /* the loader counted this row already */
	if (rc == SQLITE_CONSTRAINT && number_key_failed(st))
		return number_clash(st, m, e);
	if (rc == SQLITE_CONSTRAINT)
		return err_add(e, ERR_RULE, 0, "id", NULL, NULL,
			       "member id %lld is already in use; leave the id empty to have one "
			       "assigned", (long long)m->id);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "adding a member");
	m->id = sqlite3_last_insert_rowid(st->db);
	if (store_words_member(st, m->id, NULL, m->full_name, e))
		return e->code;
	{
		struct roll_entry now = {m->full_name, k->sort_key, (int)k->sort_key_len,
					 member_status_active(m->status)};

		if (store_roll_member(st, m->id, NULL, &now, e))
			return e->code;
	}
	if (st->bulk) {
		numbers_collect(st, m);
		if (st->ndup == st->capdup) {
			st->capdup = st->capdup ? st->capdup * 2 : 65536;
			st->dupv = xrealloc(st->dupv, st->capdup * sizeof *st->dupv);
		}
		st->dupv[st->ndup].hash = k->dup_hash;
		st->dupv[st->ndup].id = m->id;
		st->ndup++;
		return ERR_OK;
	}
	s = sq_prep(st, dup_sql, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, k->dup_hash);
	sqlite3_bind_int64(s, 2, m->id);
	return sq_step_done(st, s, e, "adding a member");
}

enum err_code store_member_update(struct store *st, const struct member *m,
				  const struct member_keys *k, struct err *e)
{
	static const char sql[] =
		"UPDATE member SET org_id = ?2, org_since = ?3, status = ?4, status_since = ?5,"
		" temp_org_id = ?6, temp_until = ?7, full_name = ?8,"
		" sort_key = ?9, folded = ?10, dup_hash = ?11, sex = ?12,"
		" birth_date = ?13, ethnicity = ?14, religion = ?15, hometown = ?16,"
		" citizen_id = ?17, education = ?18, theory_level = ?19, rank = ?20, category = ?21,"
		" post = ?22, history_no = ?23, card_no = ?24, phone = ?25,"
		" admission_decision_date = ?26, admission_ceremony_date = ?27, official_date = ?28"
		" WHERE id = ?1";
	static const char undup[] =
		"DELETE FROM member_dupkey WHERE member_id = ?1 AND"
		" dup_hash = (SELECT dup_hash FROM member WHERE id = ?1)";
	static const char old_name[] =
		"SELECT full_name, sort_key, status IN " ACTIVE_STATUSES " FROM member WHERE id = ?1";
	sqlite3_stmt *s;

	{
		/* The words of the name, and the roll's lists of words, when the name, its key or
		 * being on a roll change (in this transaction). */
		sqlite3_stmt *o = sq_prep(st, old_name, e);
		char *was = NULL;
		void *was_key = NULL;
		struct roll_entry before = {0}, now = {m->full_name, k->sort_key,
						       (int)k->sort_key_len,
						       member_status_active(m->status)};
		enum err_code c;

		if (!o)
			return e->code;
		sqlite3_bind_int64(o, 1, m->id);
		if (sqlite3_step(o) == SQLITE_ROW) {
			was = xstrdup((const char *)sqlite3_column_text(o, 0));
			before.klen = sqlite3_column_bytes(o, 1);
			was_key = xmalloc((size_t)before.klen + 1);
			if (before.klen)
				memcpy(was_key, sqlite3_column_blob(o, 1), (size_t)before.klen);
			before.active = sqlite3_column_int(o, 2);
		}
		sq_done(st, o);
		before.name = was;
		before.key = was_key;
		c = was ? store_words_member(st, m->id, was, m->full_name, e) : ERR_OK;
		if (!c && was)
			c = store_roll_member(st, m->id, &before, &now, e);
		free(was);
		free(was_key);
		if (c)
			return c;
	}
	{
		sqlite3_stmt *d = sq_prep(st, undup, e);

		if (!d)
			return e->code;
		sqlite3_bind_int64(d, 1, m->id);
		if (sq_step_done(st, d, e, "updating a member"))
			return e->code;
		s = sq_prep(st, sql, e);
		if (!s)
			return e->code;
	}
	sqlite3_bind_int64(s, 1, m->id);
	bind_member(st, s, m, k);
	if (sqlite3_step(s) != SQLITE_DONE) {
		enum err_code c;

		if (number_key_failed(st))
			c = number_clash(st, m, e);
		else
			c = sq_db_error(st, e, "updating a member");
		sq_done(st, s);
		return c;
	}
	sq_done(st, s);
	s = sq_prep(st, dup_sql, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, k->dup_hash);
	sqlite3_bind_int64(s, 2, m->id);
	return sq_step_done(st, s, e, "updating a member");
}

static void read_member_any(sqlite3_stmt *s, void *out)
{
	read_member(s, out);
}

enum err_code store_member_get(struct store *st, int64_t id, struct member *m, struct err *e)
{
	static const char sql[] = "SELECT " MEMBER_COLS MEMBER_FROM " WHERE m.id = ?1";
	enum err_code rc = fetch_one(st, sql, NULL, id, read_member_any, m, "reading a member", e);

	if (rc != ERR_NOTFOUND)
		return rc;
	return err_set(e, ERR_NOTFOUND, "no member has the id %lld", (long long)id);
}

enum err_code store_member_max_id(struct store *st, int64_t *id, struct err *e)
{
	static const char sql[] = "SELECT coalesce(max(id), 0) FROM member";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	if (sqlite3_step(s) != SQLITE_ROW) {
		sq_done(st, s);
		return sq_db_error(st, e, "reading member ids");
	}
	*id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_member_period_add(struct store *st, int64_t member_id, int64_t org_id,
				      date_t from, date_t to, int temporary, struct err *e)
{
	static const char sql[] =
		"INSERT INTO member_period(member_id, org_id, valid_from, valid_to, temporary)"
		" VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int64(s, 2, org_id);
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	sqlite3_bind_int(s, 5, temporary);
	return sq_step_done(st, s, e, "recording a roll period");
}

enum err_code store_member_status_add(struct store *st, int64_t member_id,
				      enum member_status status, date_t from, date_t to,
				      struct err *e)
{
	static const char sql[] =
		"INSERT INTO member_status(member_id, status, valid_from, valid_to) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sq_bind_text(s, 2, member_status_name(status));
	sq_bind_date(s, 3, from);
	sq_bind_date(s, 4, to);
	return sq_step_done(st, s, e, "recording a status period");
}

enum err_code store_member_event_add(struct store *st, int64_t member_id, date_t date,
				     const char *kind, const char *detail, const char *actor,
				     struct err *e)
{
	static const char sql[] =
		"INSERT INTO member_event(member_id, date, kind, detail, actor) VALUES (?1, ?2, ?3, ?4, ?5)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sq_bind_date(s, 2, date);
	sq_bind_text(s, 3, kind);
	sq_bind_text_or_null(s, 4, detail);
	sq_bind_text(s, 5, actor);
	return sq_step_done(st, s, e, "recording a member event");
}

/* Collect ids from s (bound already), then load each full record and hand it to cb. Two
 * steps so that sorting touches only the narrow index, never whole rows. */
static enum err_code members_by_ids(struct store *st, sqlite3_stmt *s, store_member_cb cb,
				    void *ctx, struct err *e)
{
	static const char one[] = "SELECT " MEMBER_COLS MEMBER_FROM " WHERE m.id = ?1";
	int64_t *ids = NULL;
	size_t n = 0, cap = 0, i;
	enum err_code rc = ERR_OK;
	int step;

	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = sqlite3_column_int64(s, 0);
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		free(ids);
		return sq_db_error(st, e, "listing members");
	}
	for (i = 0; i < n; i++) {
		struct member m;
		sqlite3_stmt *g = sq_prep(st, one, e);

		if (!g) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(g, 1, ids[i]);
		step = sqlite3_step(g);
		if (step == SQLITE_ROW)
			read_member(g, &m);
		sq_done(st, g);
		if (step != SQLITE_ROW) {
			rc = sq_db_error(st, e, "reading a member");
			break;
		}
		if (cb(ctx, &m))
			break;
	}
	free(ids);
	return rc;
}

static int cmp_keyed(const void *x, const void *y, void *keys)
{
	const char *g_keys = keys;
	const struct keyed *a = x, *b = y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c;

	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	c = memcmp(g_keys + a->off, g_keys + b->off, n);
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Rearrange v[0..n) so that the k smallest come first (in no order) and the rest after:
 * quickselect with a median-of-three pivot, expected linear time. */
static void keyed_select(struct keyed *v, size_t n, size_t k, void *keys)
{
	size_t lo = 0, hi = n;

	if (k == 0 || k >= n)
		return;
	while (hi - lo > 16) {
		size_t mid = lo + (hi - lo) / 2, i, j;
		struct keyed pivot, t;

		/* Median of three to v[mid]. */
		if (cmp_keyed(&v[mid], &v[lo], keys) < 0) {
			t = v[mid]; v[mid] = v[lo]; v[lo] = t;
		}
		if (cmp_keyed(&v[hi - 1], &v[lo], keys) < 0) {
			t = v[hi - 1]; v[hi - 1] = v[lo]; v[lo] = t;
		}
		if (cmp_keyed(&v[hi - 1], &v[mid], keys) < 0) {
			t = v[hi - 1]; v[hi - 1] = v[mid]; v[mid] = t;
		}
		pivot = v[mid];
		i = lo;
		j = hi - 1;
		for (;;) { /* Hoare partition: v[lo..j] <= pivot <= v[j+1..hi) */
			while (cmp_keyed(&v[i], &pivot, keys) < 0)
				i++;
			while (cmp_keyed(&pivot, &v[j], keys) < 0)
				j--;
			if (i >= j)
				break;
			t = v[i]; v[i] = v[j]; v[j] = t;
			i++;
			j--;
		}
		if (k <= j)
			hi = j + 1;
		else
			lo = j + 1;
	}
	/* A short range left: sort it, which puts the boundary in place. */
	qsort_r(v + lo, hi - lo, sizeof *v, cmp_keyed, keys);
}

#define ROLL_FROM                                                                           \
	" FROM (SELECT m.id AS mid FROM org o CROSS JOIN member m ON m.org_id = o.id"          \
	"  WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES                    \
	"  UNION ALL SELECT m.id FROM org o CROSS JOIN member m ON m.temp_org_id = o.id"       \
	"  WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES                    \
	"  AND m.org_id NOT IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)) x"           \
	" CROSS JOIN member m ON m.id = x.mid JOIN org o ON o.id = m.org_id"                  \
	" LEFT JOIN org t ON t.id = m.temp_org_id"                                            \
	" WHERE (?3 = '' OR m.status = ?3) AND (?4 = '' OR m.category = ?4)"                  \
	" AND (?5 = '' OR m.sex = ?5) AND (?6 IS NULL OR m.birth_date > ?6)"                  \
	" AND (?7 IS NULL OR m.birth_date <= ?7) AND (?8 = '' OR o.kind = ?8)"
#define ROLL_SQL(order) "SELECT " MEMBER_COLS ROLL_FROM " ORDER BY " order " LIMIT ?9 OFFSET ?10"

enum err_code store_member_roll(struct store *st, const struct member_filter *f, long offset,
				long limit, store_member_cb cb, void *ctx, long *total,
				struct err *e)
{
	/* One statement per order (the statement cache knows them by address); the orders
	 * are these constants, never text from a request. */
	static const char *const sql[MSORT__COUNT][2] = {
		{ROLL_SQL("m.sort_key, m.id"), ROLL_SQL("m.sort_key DESC, m.id DESC")},
		{ROLL_SQL("m.birth_date, m.sort_key, m.id"),
		 ROLL_SQL("m.birth_date DESC, m.sort_key, m.id")},
		{ROLL_SQL("m.status, m.sort_key, m.id"), ROLL_SQL("m.status DESC, m.sort_key, m.id")},
		{ROLL_SQL("o.code, m.sort_key, m.id"), ROLL_SQL("o.code DESC, m.sort_key, m.id")},
		{ROLL_SQL("m.category, m.sort_key, m.id"),
		 ROLL_SQL("m.category DESC, m.sort_key, m.id")},
	};
	static const char count[] = "SELECT count(*)" ROLL_FROM;
	const char *q;
	sqlite3_stmt *s;
	struct member m;
	int pass, rc = SQLITE_DONE;

	for (pass = 0; pass < 2; pass++) {
		q = pass ? sql[f->sort < MSORT__COUNT ? f->sort : 0][f->desc ? 1 : 0] : count;
		if (!(s = sq_prep(st, q, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, f->pre);
		sqlite3_bind_int64(s, 2, f->last);
		sqlite3_bind_text(s, 3, f->status ? f->status : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, f->category ? f->category : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, f->sex ? f->sex : "", -1, SQLITE_STATIC);
		if (f->born_after != DATE_NONE)
			sqlite3_bind_int64(s, 6, f->born_after);
		if (f->born_until != DATE_NONE)
			sqlite3_bind_int64(s, 7, f->born_until);
		sqlite3_bind_text(s, 8, f->org_kind ? f->org_kind : "", -1, SQLITE_STATIC);
		if (!pass) {
			rc = sqlite3_step(s);
			*total = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
			sq_done(st, s);
			if (rc != SQLITE_ROW)
				return sq_db_error(st, e, "counting members");
			continue;
		}
		sqlite3_bind_int64(s, 9, limit);
		sqlite3_bind_int64(s, 10, offset > 0 ? offset : 0);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			read_member(s, &m);
			if (cb(ctx, &m))
				break;
		}
		sq_done(st, s);
	}
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "listing members");
}

long store_member_list_total(const struct store *st)
{
	return st->list_total;
}

enum err_code store_member_list(struct store *st, long pre, long last, int with_hosted,
				long offset, long limit, store_member_cb cb, void *ctx,
				struct err *e)
{
	/* The keys come from the covering index member_roll; the ordering and the page are
	 * made here, which is several times faster than SQLite's sorter on blob keys for the
	 * few thousand members of a province. */
	static const char sql[] =
		"SELECT m.sort_key, m.id FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES;
	static const char sql_hosted[] =
		"SELECT m.sort_key, m.id FROM org o CROSS JOIN member m ON m.temp_org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES
		" AND m.org_id NOT IN (SELECT id FROM org WHERE pre BETWEEN ?1 AND ?2)";
	static const char one[] = "SELECT " MEMBER_COLS MEMBER_FROM " WHERE m.id = ?1";
	struct keyed *v = st->lv;
	size_t n = 0, cap = st->lcap, i, end_at;
	struct buf *arena = &st->larena;
	enum err_code rc = ERR_OK;
	int pass, step;

	buf_reset(arena);
	for (pass = 0; pass < (with_hosted ? 2 : 1); pass++) {
		sqlite3_stmt *s = sq_prep(st, pass ? sql_hosted : sql, e);

		if (!s) {
			rc = e->code;
			goto out;
		}
		sqlite3_bind_int64(s, 1, pre);
		sqlite3_bind_int64(s, 2, last);
		while ((step = sqlite3_step(s)) == SQLITE_ROW) {
			const unsigned char *k = sqlite3_column_blob(s, 0);
			int kl = sqlite3_column_bytes(s, 0), j;
			uint64_t pfx = 0;

			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				v = xrealloc(v, cap * sizeof *v);
				st->lv = v;
				st->lcap = cap;
			}
			for (j = 0; j < 8; j++)
				pfx = pfx << 8 | (j < kl ? k[j] : 0);
			v[n].prefix = pfx;
			v[n].off = (uint32_t)arena->len;
			v[n].len = (uint32_t)kl;
			v[n].id = sqlite3_column_int64(s, 1);
			buf_add(arena, k, (size_t)kl);
			n++;
		}
		sq_done(st, s);
		if (step != SQLITE_DONE) {
			rc = sq_db_error(st, e, "listing members");
			goto out;
		}
	}
	st->list_total = (long)n;
	if (offset < 0)
		offset = 0;
	end_at = limit < 0 ? n : (size_t)offset + (size_t)limit;
	if (end_at > n)
		end_at = n;
	/* Only the page's ranks need sorting: select them, then sort those few. */
	if ((size_t)offset < end_at) {
		keyed_select(v, n, (size_t)offset, arena->s);
		keyed_select(v + offset, n - (size_t)offset, end_at - (size_t)offset, arena->s);
		qsort_r(v + offset, end_at - (size_t)offset, sizeof *v, cmp_keyed, arena->s);
	}
	for (i = (size_t)offset; i < end_at; i++) {
		struct member m;
		sqlite3_stmt *g = sq_prep(st, one, e);

		if (!g) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(g, 1, v[i].id);
		step = sqlite3_step(g);
		if (step == SQLITE_ROW)
			read_member(g, &m);
		sq_done(st, g);
		if (step != SQLITE_ROW) {
			rc = sq_db_error(st, e, "reading a member");
			break;
		}
		if (cb(ctx, &m))
			break;
	}
out:
	return rc;
}

enum err_code store_member_of_org(struct store *st, int64_t org_id, int active_only,
				  store_member_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT id FROM member WHERE org_id = ?1 AND status IN "
				  ACTIVE_STATUSES " ORDER BY id";
	static const char any[] = "SELECT id FROM member WHERE org_id = ?1 ORDER BY id";
	sqlite3_stmt *s = sq_prep(st, active_only ? sql : any, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	return members_by_ids(st, s, cb, ctx, e);
}

enum err_code store_member_hosted(struct store *st, int64_t org_id, store_member_cb cb,
				  void *ctx, struct err *e)
{
	static const char sql[] = "SELECT id FROM member WHERE temp_org_id = ?1 AND status IN "
				  ACTIVE_STATUSES " ORDER BY id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	return members_by_ids(st, s, cb, ctx, e);
}

enum err_code store_member_dups(struct store *st, int64_t dup_hash, date_t birth,
				store_member_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT m.id FROM member_dupkey d JOIN member m ON m.id = d.member_id"
		" WHERE d.dup_hash = ?1 AND m.birth_date = ?2 ORDER BY m.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, dup_hash);
	sq_bind_date(s, 2, birth);
	return members_by_ids(st, s, cb, ctx, e);
}

enum err_code store_member_all(struct store *st, store_member_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " MEMBER_COLS MEMBER_FROM " ORDER BY m.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct member *m;
	int rc;

	if (!s)
		return e->code;
	m = xmalloc(sizeof *m);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_member(s, m);
		if (cb(ctx, m))
			break;
	}
	sq_done(st, s);
	free(m);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading members");
}

static enum err_code period_rows(struct store *st, sqlite3_stmt *s, store_period_cb cb,
				 void *ctx, struct err *e)
{
	struct member_period p;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.org_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, p.org_code, sizeof p.org_code);
		p.from = sq_col_date(s, 3);
		p.to = sq_col_date(s, 4);
		p.temporary = sqlite3_column_int(s, 5);
		if (cb(ctx, sqlite3_column_int64(s, 0), &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading periods");
}

enum err_code store_member_periods(struct store *st, int64_t member_id, store_period_cb cb,
				   void *ctx, struct err *e)
{
	static const char one[] =
		"SELECT p.member_id, p.org_id, o.code, p.valid_from, p.valid_to, p.temporary"
		" FROM member_period p JOIN org o ON o.id = p.org_id WHERE p.member_id = ?1"
		" ORDER BY p.valid_from, p.rowid";
	static const char all[] =
		"SELECT p.member_id, p.org_id, o.code, p.valid_from, p.valid_to, p.temporary"
		" FROM member_period p JOIN org o ON o.id = p.org_id ORDER BY p.member_id, p.valid_from";
	sqlite3_stmt *s = sq_prep(st, member_id > 0 ? one : all, e);

	if (!s)
		return e->code;
	if (member_id > 0)
		sqlite3_bind_int64(s, 1, member_id);
	return period_rows(st, s, cb, ctx, e);
}

enum err_code store_member_periods_at(struct store *st, int64_t org_id, date_t d,
				      store_period_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT p.member_id, p.org_id, o.code, p.valid_from, p.valid_to, p.temporary"
		" FROM member_period p JOIN org o ON o.id = p.org_id"
		" WHERE p.org_id = ?1 AND p.valid_from <= ?2 AND p.valid_to > ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_date(s, 2, d);
	return period_rows(st, s, cb, ctx, e);
}

enum err_code store_member_statuses(struct store *st, int64_t member_id, store_status_cb cb,
				    void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT member_id, status, valid_from, valid_to FROM member_status"
		" WHERE member_id = ?1 ORDER BY valid_from, rowid";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct member_status_period p;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (member_status_parse((const char *)sqlite3_column_text(s, 1), &p.status))
			continue;
		p.from = sq_col_date(s, 2);
		p.to = sq_col_date(s, 3);
		if (cb(ctx, sqlite3_column_int64(s, 0), &p))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading statuses");
}

enum err_code store_member_events(struct store *st, int64_t member_id, store_event_cb cb,
				  void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT id, date, kind, coalesce(detail, ''), actor, recorded_at FROM member_event"
		" WHERE member_id = ?1 ORDER BY date, id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct member_event ev;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&ev, 0, sizeof ev);
		ev.id = sqlite3_column_int64(s, 0);
		ev.date = sq_col_date(s, 1);
		sq_col_copy(s, 2, ev.kind, sizeof ev.kind);
		sq_col_copy(s, 3, ev.detail, sizeof ev.detail);
		sq_col_copy(s, 4, ev.actor, sizeof ev.actor);
		sq_col_copy(s, 5, ev.recorded_at, sizeof ev.recorded_at);
		if (cb(ctx, &ev))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading events");
}

/* ---- transfers ---------------------------------------------------------------------- */

static const char *const transfer_states[] = {"sent", "received", "ended"};

#define TRANSFER_COLS                                                                    \
	"t.id, t.member_id, t.temporary, t.from_org_id, t.to_org_id, a.code, b.code,"      \
	" t.sent_date, t.received_date, t.until_date, t.ended_date, t.state, t.reason,"     \
	" t.letter_no, t.cancelled, t.cancel_reason, t.cancelled_by"
#define TRANSFER_FROM " FROM transfer t JOIN org a ON a.id = t.from_org_id JOIN org b ON b.id = t.to_org_id"

static void read_transfer(sqlite3_stmt *s, struct transfer *t)
{
	const char *state;
	int i;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	t->member_id = sqlite3_column_int64(s, 1);
	t->temporary = sqlite3_column_int(s, 2);
	t->from_org_id = sqlite3_column_int64(s, 3);
	t->to_org_id = sqlite3_column_int64(s, 4);
	sq_col_copy(s, 5, t->from_code, sizeof t->from_code);
	sq_col_copy(s, 6, t->to_code, sizeof t->to_code);
	t->sent_date = sq_col_date(s, 7);
	t->received_date = sq_col_date(s, 8);
	t->until_date = sq_col_date(s, 9);
	t->ended_date = sq_col_date(s, 10);
	state = (const char *)sqlite3_column_text(s, 11);
	for (i = 0; i < 3; i++)
		if (state && strcmp(state, transfer_states[i]) == 0)
			t->state = (enum transfer_state)i;
	sq_col_copy(s, 12, t->reason, sizeof t->reason);
	sq_col_copy(s, 13, t->letter_no, sizeof t->letter_no);
	t->cancelled = sqlite3_column_int(s, 14);
	sq_col_copy(s, 15, t->cancel_reason, sizeof t->cancel_reason);
	sq_col_copy(s, 16, t->cancelled_by, sizeof t->cancelled_by);
	t->due_date = DATE_NONE;
}

enum err_code store_transfer_insert(struct store *st, struct transfer *t, struct err *e)
{
	static const char sql[] =
		"INSERT INTO transfer(member_id, temporary, from_org_id, to_org_id, sent_date,"
		" received_date, until_date, ended_date, state, reason, letter_no)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, t->member_id);
	sqlite3_bind_int(s, 2, t->temporary);
	sqlite3_bind_int64(s, 3, t->from_org_id);
	sqlite3_bind_int64(s, 4, t->to_org_id);
	sq_bind_date(s, 5, t->sent_date);
	sq_bind_date(s, 6, t->received_date);
	sq_bind_date(s, 7, t->until_date);
	sq_bind_date(s, 8, t->ended_date);
	sq_bind_text(s, 9, transfer_states[t->state]);
	sq_bind_text(s, 10, t->reason);
	sq_bind_text(s, 11, t->letter_no);
	if (sq_step_done(st, s, e, "recording a transfer"))
		return e->code;
	t->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_transfer_update(struct store *st, const struct transfer *t, struct err *e)
{
	static const char sql[] =
		"UPDATE transfer SET received_date = ?2, until_date = ?3, ended_date = ?4, state = ?5,"
		" from_org_id = ?6, to_org_id = ?7, cancelled = ?8, cancel_reason = ?9,"
		" cancelled_by = ?10 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, t->id);
	sq_bind_date(s, 2, t->received_date);
	sq_bind_date(s, 3, t->until_date);
	sq_bind_date(s, 4, t->ended_date);
	sq_bind_text(s, 5, transfer_states[t->state]);
	sqlite3_bind_int64(s, 6, t->from_org_id);
	sqlite3_bind_int64(s, 7, t->to_org_id);
	sqlite3_bind_int(s, 8, t->cancelled);
	sq_bind_text(s, 9, t->cancel_reason);
	sq_bind_text(s, 10, t->cancelled_by);
	return sq_step_done(st, s, e, "updating a transfer");
}

static void read_transfer_any(sqlite3_stmt *s, void *out)
{
	read_transfer(s, out);
}

enum err_code store_transfer_get(struct store *st, int64_t id, struct transfer *t, struct err *e)
{
	static const char sql[] = "SELECT " TRANSFER_COLS TRANSFER_FROM " WHERE t.id = ?1";
	enum err_code rc = fetch_one(st, sql, NULL, id, read_transfer_any, t, "reading a transfer",
				     e);

	if (rc != ERR_NOTFOUND)
		return rc;
	return err_set(e, ERR_NOTFOUND, "no transfer has the id %lld", (long long)id);
}

enum err_code store_transfer_list(struct store *st, int64_t member_id, long pre, long last,
				  store_transfer_cb cb, void *ctx, struct err *e)
{
	static const char by_member[] = "SELECT " TRANSFER_COLS TRANSFER_FROM
					" WHERE t.member_id = ?1 ORDER BY t.sent_date, t.id";
	static const char open[] = "SELECT " TRANSFER_COLS TRANSFER_FROM
				   " WHERE t.state <> 'ended' AND NOT (t.state = 'received' AND"
				   " t.temporary = 0) AND ((a.pre BETWEEN ?2 AND ?3) OR"
				   " (b.pre BETWEEN ?2 AND ?3)) ORDER BY t.sent_date, t.id";
	sqlite3_stmt *s = sq_prep(st, member_id > 0 ? by_member : open, e);
	struct transfer t;
	int rc;

	if (!s)
		return e->code;
	if (member_id > 0) {
		sqlite3_bind_int64(s, 1, member_id);
	} else {
		sqlite3_bind_int64(s, 2, pre);
		sqlite3_bind_int64(s, 3, last);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_transfer(s, &t);
		if (cb(ctx, &t))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading transfers");
}

/* Rows of a transfer query with id1 bound to ?1 and (when d != DATE_NONE) d to ?2. */
static enum err_code transfer_rows(struct store *st, const char *sql, int64_t id1, date_t d,
				   store_transfer_cb cb, void *ctx, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct transfer t;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id1);
	if (d != DATE_NONE)
		sq_bind_date(s, 2, d);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_transfer(s, &t);
		if (cb(ctx, &t))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading transfers");
}

enum err_code store_transfer_open_at(struct store *st, int64_t org_id, store_transfer_cb cb,
				     void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " TRANSFER_COLS TRANSFER_FROM
				  " WHERE t.state <> 'ended' AND NOT (t.state = 'received' AND"
				  " t.temporary = 0) AND (t.from_org_id = ?1 OR t.to_org_id = ?1)"
				  " ORDER BY t.id";

	return transfer_rows(st, sql, org_id, DATE_NONE, cb, ctx, e);
}

enum err_code store_transfer_hosted_at(struct store *st, int64_t org_id, date_t d,
				       store_transfer_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " TRANSFER_COLS TRANSFER_FROM
				  " WHERE t.to_org_id = ?1 AND t.temporary = 1 AND"
				  " t.received_date IS NOT NULL AND t.received_date <= ?2 AND"
				  " (t.ended_date IS NULL OR t.ended_date > ?2) ORDER BY t.id";

	return transfer_rows(st, sql, org_id, d, cb, ctx, e);
}

/* ---- public holidays ---------------------------------------------------------------- */

enum err_code store_holiday_list(struct store *st, int year, store_holiday_cb cb, void *ctx,
				 struct err *e)
{
	static const char all[] = "SELECT day, name, added_by FROM holiday ORDER BY day";
	static const char one[] = "SELECT day, name, added_by FROM holiday"
				  " WHERE day BETWEEN ?1 AND ?2 ORDER BY day";
	sqlite3_stmt *s = sq_prep(st, year ? one : all, e);
	struct holiday h;
	int rc;

	if (!s)
		return e->code;
	if (year) {
		sq_bind_date(s, 1, date_from_ymd(year, 1, 1));
		sq_bind_date(s, 2, date_from_ymd(year, 12, 31));
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&h, 0, sizeof h);
		h.day = sq_col_date(s, 0);
		sq_col_copy(s, 1, h.name, sizeof h.name);
		sq_col_copy(s, 2, h.added_by, sizeof h.added_by);
		if (cb(ctx, &h))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading holidays");
}

enum err_code store_holiday_add(struct store *st, const struct holiday *h, struct err *e)
{
	static const char sql[] = "INSERT INTO holiday(day, name, added_by) VALUES (?1, ?2, ?3)"
				  " ON CONFLICT(day) DO NOTHING";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	char d[DATE_STR];

	if (!s)
		return e->code;
	sq_bind_date(s, 1, h->day);
	sq_bind_text(s, 2, h->name);
	sq_bind_text(s, 3, h->added_by);
	if (sq_step_done(st, s, e, "adding a holiday"))
		return e->code;
	if (sqlite3_changes(st->db) == 0)
		return err_add(e, ERR_RULE, 0, "date", date_format(h->day, d), NULL,
			       "%s is already a holiday; remove it first to rename it", d);
	return ERR_OK;
}

enum err_code store_holiday_remove(struct store *st, date_t day, struct err *e)
{
	static const char sql[] = "DELETE FROM holiday WHERE day = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	char d[DATE_STR];

	if (!s)
		return e->code;
	sq_bind_date(s, 1, day);
	if (sq_step_done(st, s, e, "removing a holiday"))
		return e->code;
	if (sqlite3_changes(st->db) == 0)
		return err_add(e, ERR_NOTFOUND, 0, "date", date_format(day, d), NULL,
			       "%s is not a holiday", d);
	return ERR_OK;
}

/* ---- the audit log ------------------------------------------------------------------ */

static enum err_code audit_append(struct store *st, struct audit_entry *a,
				  const struct audit_keys *keys, struct err *e)
{
	static const char last_sql[] = "SELECT id, hash, mac FROM audit ORDER BY id DESC LIMIT 1";
	static const char ins[] =
		"INSERT INTO audit(id, at, actor, address, action, subject, org_id, before, after,"
		" prev, hash, mac) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
	sqlite3_stmt *s = sq_prep(st, last_sql, e);
	unsigned char prev_mac[AUDIT_HASH_BYTES];
	int rc;

	if (!s)
		return e->code;
	memset(a->prev, 0, sizeof a->prev);
	memset(prev_mac, 0, sizeof prev_mac);
	a->id = 1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		a->id = sqlite3_column_int64(s, 0) + 1;
		if (sqlite3_column_bytes(s, 1) == AUDIT_HASH_BYTES)
			memcpy(a->prev, sqlite3_column_blob(s, 1), AUDIT_HASH_BYTES);
		/* The first keyed entry chains to the plain hash of the last legacy one. */
		if (sqlite3_column_bytes(s, 2) == AUDIT_HASH_BYTES)
			memcpy(prev_mac, sqlite3_column_blob(s, 2), AUDIT_HASH_BYTES);
		else
			memcpy(prev_mac, a->prev, AUDIT_HASH_BYTES);
	}
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading the audit log");
	if (audit_hash(a, a->hash))
		return err_set(e, ERR_INTERNAL, "the hash library did not start");
	a->has_mac = 0;
	if (keys) {
		if (audit_mac(keys, prev_mac, a->hash, a->mac))
			return err_set(e, ERR_INTERNAL, "the hash library did not start");
		a->has_mac = 1;
	}
	s = sq_prep(st, ins, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, a->id);
	sq_bind_text(s, 2, a->at);
	sq_bind_text(s, 3, a->actor);
	sq_bind_text(s, 4, a->address);
	sq_bind_text(s, 5, a->action);
	sq_bind_text(s, 6, a->subject);
	sqlite3_bind_int64(s, 7, a->org_id);
	sq_bind_text(s, 8, a->before);
	sq_bind_text(s, 9, a->after);
	sqlite3_bind_blob(s, 10, a->prev, AUDIT_HASH_BYTES, SQLITE_STATIC);
	sqlite3_bind_blob(s, 11, a->hash, AUDIT_HASH_BYTES, SQLITE_STATIC);
	if (a->has_mac)
		sqlite3_bind_blob(s, 12, a->mac, AUDIT_HASH_BYTES, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 12);
	return sq_step_done(st, s, e, "writing the audit log");
}

enum err_code store_audit_append(struct store *st, struct audit_entry *a, struct err *e)
{
	return audit_append(st, a, NULL, e);
}

enum err_code store_audit_append_keyed(struct store *st, struct audit_entry *a,
				       const struct audit_keys *keys, struct err *e)
{
	return audit_append(st, a, keys, e);
}

enum err_code store_audit_head(struct store *st, int64_t *entries,
			       unsigned char head[AUDIT_HASH_BYTES], int *has_mac, struct err *e)
{
	static const char sql[] = "SELECT id, hash, mac FROM audit ORDER BY id DESC LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	*entries = 0;
	*has_mac = 0;
	memset(head, 0, AUDIT_HASH_BYTES);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*entries = sqlite3_column_int64(s, 0);
		if (sqlite3_column_bytes(s, 2) == AUDIT_HASH_BYTES) {
			memcpy(head, sqlite3_column_blob(s, 2), AUDIT_HASH_BYTES);
			*has_mac = 1;
		} else if (sqlite3_column_bytes(s, 1) == AUDIT_HASH_BYTES) {
			memcpy(head, sqlite3_column_blob(s, 1), AUDIT_HASH_BYTES);
		}
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the audit log");
}

enum err_code store_audit_key_get(struct store *st, struct audit_key_row *k, int *found,
				  struct err *e)
{
	static const char sql[] =
		"SELECT public_key, legacy, created_at, tag FROM audit_key WHERE id = 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	memset(k, 0, sizeof *k);
	*found = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*found = 1;
		if (sqlite3_column_bytes(s, 0) == AUDIT_SIGN_PUBLIC_BYTES)
			memcpy(k->public_key, sqlite3_column_blob(s, 0), AUDIT_SIGN_PUBLIC_BYTES);
		k->legacy = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, k->created_at, sizeof k->created_at);
		if (sqlite3_column_bytes(s, 3) == AUDIT_HASH_BYTES)
			memcpy(k->tag, sqlite3_column_blob(s, 3), AUDIT_HASH_BYTES);
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the audit key");
}

enum err_code store_audit_key_put(struct store *st, const struct audit_key_row *k, struct err *e)
{
	static const char sql[] = "INSERT INTO audit_key(id, public_key, legacy, created_at, tag)"
				  " VALUES (1, ?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_blob(s, 1, k->public_key, AUDIT_SIGN_PUBLIC_BYTES, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, k->legacy);
	sq_bind_text(s, 3, k->created_at);
	sqlite3_bind_blob(s, 4, k->tag, AUDIT_HASH_BYTES, SQLITE_STATIC);
	return sq_step_done(st, s, e, "recording the audit key");
}

enum err_code store_audit_checkpoint_add(struct store *st, const struct audit_checkpoint *c,
					 struct err *e)
{
	static const char sql[] = "INSERT INTO audit_checkpoint(entries, head, at, signature)"
				  " VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, c->entries);
	sqlite3_bind_blob(s, 2, c->head, AUDIT_HASH_BYTES, SQLITE_STATIC);
	sq_bind_text(s, 3, c->at);
	sqlite3_bind_blob(s, 4, c->sig, AUDIT_SIG_BYTES, SQLITE_STATIC);
	return sq_step_done(st, s, e, "writing an audit checkpoint");
}

enum err_code store_audit_checkpoint_walk(struct store *st, store_checkpoint_cb cb, void *ctx,
					  struct err *e)
{
	static const char sql[] =
		"SELECT id, entries, head, at, signature FROM audit_checkpoint ORDER BY id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct audit_checkpoint c;
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.id = sqlite3_column_int64(s, 0);
		c.entries = sqlite3_column_int64(s, 1);
		if (sqlite3_column_bytes(s, 2) == AUDIT_HASH_BYTES)
			memcpy(c.head, sqlite3_column_blob(s, 2), AUDIT_HASH_BYTES);
		sq_col_copy(s, 3, c.at, sizeof c.at);
		if (sqlite3_column_bytes(s, 4) == AUDIT_SIG_BYTES)
			memcpy(c.sig, sqlite3_column_blob(s, 4), AUDIT_SIG_BYTES);
		if (cb(ctx, &c))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the audit checkpoints");
}

enum err_code store_audit_records(struct store *st, long *orgs, long *members, long *accounts,
				  struct err *e)
{
	static const char sql[] = "SELECT (SELECT count(*) FROM org), (SELECT count(*) FROM member),"
				  " (SELECT count(*) FROM account)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	*orgs = *members = *accounts = 0;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*orgs = (long)sqlite3_column_int64(s, 0);
		*members = (long)sqlite3_column_int64(s, 1);
		*accounts = (long)sqlite3_column_int64(s, 2);
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting records");
}

/* The audit entry on statement s's row (columns id, at, actor, address, action, subject,
 * org_id, before, after, prev, hash, mac); before and after point into the row. */
static void audit_row(sqlite3_stmt *s, struct audit_entry *a)
{
	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, a->at, sizeof a->at);
	sq_col_copy(s, 2, a->actor, sizeof a->actor);
	sq_col_copy(s, 3, a->address, sizeof a->address);
	sq_col_copy(s, 4, a->action, sizeof a->action);
	sq_col_copy(s, 5, a->subject, sizeof a->subject);
	a->org_id = sqlite3_column_int64(s, 6);
	a->before = (char *)(uintptr_t)sqlite3_column_text(s, 7);
	a->after = (char *)(uintptr_t)sqlite3_column_text(s, 8);
	if (sqlite3_column_bytes(s, 9) == AUDIT_HASH_BYTES)
		memcpy(a->prev, sqlite3_column_blob(s, 9), AUDIT_HASH_BYTES);
	if (sqlite3_column_bytes(s, 10) == AUDIT_HASH_BYTES)
		memcpy(a->hash, sqlite3_column_blob(s, 10), AUDIT_HASH_BYTES);
	if (sqlite3_column_bytes(s, 11) == AUDIT_HASH_BYTES) {
		memcpy(a->mac, sqlite3_column_blob(s, 11), AUDIT_HASH_BYTES);
		a->has_mac = 1;
	}
}


enum err_code store_audit_walk(struct store *st, long pre, long last, long limit,
			       store_audit_cb cb, void *ctx, struct err *e)
{
	static const char all[] =
		"SELECT id, at, actor, address, action, subject, org_id, before, after, prev, hash,"
		" mac FROM audit ORDER BY id";
	static const char scoped[] =
		"SELECT a.id, a.at, a.actor, a.address, a.action, a.subject, a.org_id, a.before,"
		" a.after, a.prev, a.hash, a.mac FROM audit a LEFT JOIN org o ON o.id = a.org_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 OR (?4 AND a.org_id = 0)"
		" ORDER BY a.id DESC LIMIT ?3";
	sqlite3_stmt *s = sq_prep(st, pre < 0 ? all : scoped, e);
	struct audit_entry a;
	int rc;

	if (!s)
		return e->code;
	if (pre >= 0) {
		sqlite3_bind_int64(s, 1, pre);
		sqlite3_bind_int64(s, 2, last);
		sqlite3_bind_int64(s, 3, limit);
		/* Entries about no organisation (token revocations) are for the whole tree. */
		sqlite3_bind_int(s, 4, pre <= 1 && last >= 1L << 40);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		audit_row(s, &a);
		if (cb(ctx, &a))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading the audit log");
}

#define AUDIT_FIND_WHERE                                                                   \
	" FROM audit a LEFT JOIN org o ON o.id = a.org_id"                                 \
	" WHERE (o.pre BETWEEN ?1 AND ?2 OR (?3 AND a.org_id = 0))"                        \
	" AND (?4 = '' OR a.actor = ?4)"                                                   \
	" AND (?5 = '' OR a.action = ?5 OR (substr(?5, -1) = '.' AND"                      \
	"  substr(a.action, 1, length(?5)) = ?5))"                                         \
	" AND (?6 = '' OR a.subject = ?6) AND (?7 = '' OR a.at >= ?7)"                     \
	" AND (?8 = '' OR a.at < ?8)"

static void audit_find_bind(sqlite3_stmt *s, const struct audit_filter *f)
{
	sqlite3_bind_int64(s, 1, f->pre);
	sqlite3_bind_int64(s, 2, f->last);
	/* Entries about no organisation (token revocations) are for the whole tree. */
	sqlite3_bind_int(s, 3, f->pre <= 1 && f->last >= 1L << 40);
	sqlite3_bind_text(s, 4, f->actor ? f->actor : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, f->action ? f->action : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 6, f->subject ? f->subject : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, f->from ? f->from : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, f->until ? f->until : "", -1, SQLITE_STATIC);
}

enum err_code store_audit_count(struct store *st, const struct audit_filter *f, int with_before,
				long *n, struct err *e)
{
	static const char sql[] = "SELECT count(*)" AUDIT_FIND_WHERE " AND a.id < ?9";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	audit_find_bind(s, f);
	sqlite3_bind_int64(s, 9, with_before && f->before > 0 ? f->before : INT64_MAX);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "counting audit entries");
}

enum err_code store_audit_find(struct store *st, const struct audit_filter *f, long offset,
			       long limit, store_audit_cb cb, void *ctx, struct err *e)
{
	/* a.id < ?9 as a plain range (no "?9 = 0 OR"), so that the page starts at its key
	 * in the rowid b-tree instead of reading past every newer entry. */
	static const char page[] =
		"SELECT a.id, a.at, a.actor, a.address, a.action, a.subject, a.org_id, a.before,"
		" a.after, a.prev, a.hash, a.mac" AUDIT_FIND_WHERE
		" AND a.id < ?9 ORDER BY a.id DESC LIMIT ?10 OFFSET ?11";
	sqlite3_stmt *s;
	struct audit_entry a;
	int rc;

	if (!(s = sq_prep(st, page, e)))
		return e->code;
	audit_find_bind(s, f);
	sqlite3_bind_int64(s, 9, f->before > 0 ? f->before : INT64_MAX);
	sqlite3_bind_int64(s, 10, limit);
	sqlite3_bind_int64(s, 11, offset > 0 ? offset : 0);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		audit_row(s, &a);
		if (cb(ctx, &a))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK
						     : sq_db_error(st, e, "reading the audit log");
}

/* ---- accounts and tokens ------------------------------------------------------------ */

#define ACCOUNT_SQL                                                                         \
	"SELECT a.id, a.name, a.password_hash, a.disabled, a.failed_logins,"                 \
	" coalesce(a.locked_until, '0'), r.role, coalesce(r.org_id, 0), coalesce(o.code, '')," \
	" coalesce(ma.member_id, 0), coalesce(r.personnel, 0), coalesce(r.inspection, 0)"    \
	" FROM account a LEFT JOIN account_role r ON r.account_id = a.id AND"                \
	" r.revoked_at IS NULL LEFT JOIN org o ON o.id = r.org_id"                           \
	" LEFT JOIN member_account ma ON ma.account_id = a.id"

static void read_account(sqlite3_stmt *s, struct account *a)
{
	const unsigned char *role;

	memset(a, 0, sizeof *a);
	a->id = sqlite3_column_int64(s, 0);
	sq_col_copy(s, 1, a->name, sizeof a->name);
	sq_col_copy(s, 2, a->password_hash, sizeof a->password_hash);
	a->disabled = sqlite3_column_int(s, 3);
	a->failed_logins = (long)sqlite3_column_int64(s, 4);
	a->locked_until = (long long)sqlite3_column_int64(s, 5);
	role = sqlite3_column_text(s, 6);
	a->has_role = role && role_parse((const char *)role, &a->role) == 0;
	a->role_org_id = sqlite3_column_int64(s, 7);
	sq_col_copy(s, 8, a->role_org_code, sizeof a->role_org_code);
	a->member_id = sqlite3_column_int64(s, 9);
	a->personnel = sqlite3_column_int(s, 10) != 0;
	a->inspection = sqlite3_column_int(s, 11) != 0;
}

enum err_code store_account_insert(struct store *st, struct account *a, struct err *e)
{
	static const char sql[] = "INSERT INTO account(name, password_hash) VALUES (?1, ?2)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, a->name);
	sq_bind_text(s, 2, a->password_hash);
	rc = sqlite3_step(s);
	sq_done(st, s);
	if (rc == SQLITE_CONSTRAINT)
		return err_add(e, ERR_RULE, 0, "name", a->name, NULL,
			       "the account name '%s' is taken; choose another", a->name);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "adding an account");
	a->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

static void read_account_any(sqlite3_stmt *s, void *out)
{
	read_account(s, out);
}

static enum err_code account_one(struct store *st, const char *sql, const char *name, int64_t id,
				 struct account *a, struct err *e)
{
	enum err_code rc = fetch_one(st, sql, name, id, read_account_any, a, "reading an account",
				     e);

	if (rc != ERR_NOTFOUND)
		return rc;
	return err_add(e, ERR_NOTFOUND, 0, "name", name ? name : "", NULL, "no such account");
}

enum err_code store_account_by_name(struct store *st, const char *name, struct account *a,
				    struct err *e)
{
	static const char sql[] = ACCOUNT_SQL " WHERE a.name = ?1";

	return account_one(st, sql, name, 0, a, e);
}

enum err_code store_account_by_id(struct store *st, int64_t id, struct account *a,
				  struct err *e)
{
	static const char sql[] = ACCOUNT_SQL " WHERE a.id = ?1";

	return account_one(st, sql, NULL, id, a, e);
}

enum err_code store_account_set_login(struct store *st, int64_t id, long failed,
				      long long locked_until, struct err *e)
{
	static const char sql[] =
		"UPDATE account SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, failed);
	sqlite3_bind_int64(s, 3, locked_until);
	return sq_step_done(st, s, e, "recording a sign-in");
}

enum err_code store_account_login_attempt(struct store *st, int64_t id, long long now,
					  long *failed, struct err *e)
{
	static const char sql[] =
		"UPDATE account SET failed_logins = failed_logins + 1"
		" WHERE id = ?1 AND CAST(coalesce(locked_until, 0) AS INTEGER) <= ?2"
		" RETURNING failed_logins";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, now);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*failed = (long)sqlite3_column_int64(s, 0);
	if (rc == SQLITE_ROW)
		rc = sqlite3_step(s);
	if (rc != SQLITE_DONE) {
		enum err_code c = sq_db_error(st, e, "recording a sign-in");

		sq_done(st, s);
		return c;
	}
	sq_done(st, s);
	return *failed < 0 ? ERR_NOTFOUND : ERR_OK;
}

enum err_code store_role_grant(struct store *st, int64_t account_id, enum role role,
			       int64_t org_id, const char *granted_by, struct err *e)
{
	static const char revoke[] =
		"UPDATE account_role SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE account_id = ?1 AND revoked_at IS NULL";
	static const char grant[] =
		"INSERT INTO account_role(account_id, role, org_id, granted_by) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt *s = sq_prep(st, revoke, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	if (sq_step_done(st, s, e, "granting a role"))
		return e->code;
	s = sq_prep(st, grant, e);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, role_name(role));
	sq_bind_id_or_null(s, 3, org_id);
	sq_bind_text(s, 4, granted_by);
	return sq_step_done(st, s, e, "granting a role");
}

enum err_code store_role_personnel(struct store *st, int64_t account_id, int on,
				   const char *granted_by, struct err *e)
{
	static const char copy[] =
		"INSERT INTO account_role(account_id, role, org_id, granted_by, personnel, inspection)"
		" SELECT account_id, role, org_id, ?2, ?3, inspection FROM account_role"
		" WHERE account_id = ?1 AND revoked_at IS NULL";
	static const char close_old[] =
		"UPDATE account_role SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE account_id = ?1 AND revoked_at IS NULL AND id <> ?2";
	sqlite3_stmt *s = sq_prep(st, copy, e);
	int64_t id;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, granted_by);
	sqlite3_bind_int(s, 3, on ? 1 : 0);
	if (sq_step_done(st, s, e, "granting the personnel right"))
		return e->code;
	if (!sqlite3_changes(st->db))
		return err_set(e, ERR_NOTFOUND, "the account holds no role");
	id = sqlite3_last_insert_rowid(st->db);
	if (!(s = sq_prep(st, close_old, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sqlite3_bind_int64(s, 2, id);
	return sq_step_done(st, s, e, "granting the personnel right");
}

enum err_code store_role_inspection(struct store *st, int64_t account_id, int on,
				   const char *granted_by, struct err *e)
{
	static const char copy[] =
		"INSERT INTO account_role(account_id, role, org_id, granted_by, personnel, inspection)"
		" SELECT account_id, role, org_id, ?2, personnel, ?3 FROM account_role"
		" WHERE account_id = ?1 AND revoked_at IS NULL";
	static const char close_old[] =
		"UPDATE account_role SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE account_id = ?1 AND revoked_at IS NULL AND id <> ?2";
	sqlite3_stmt *s = sq_prep(st, copy, e);
	int64_t id;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, granted_by);
	sqlite3_bind_int(s, 3, on ? 1 : 0);
	if (sq_step_done(st, s, e, "granting the inspection right"))
		return e->code;
	if (!sqlite3_changes(st->db))
		return err_set(e, ERR_NOTFOUND, "the account holds no role");
	id = sqlite3_last_insert_rowid(st->db);
	if (!(s = sq_prep(st, close_old, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sqlite3_bind_int64(s, 2, id);
	return sq_step_done(st, s, e, "granting the inspection right");
}

enum err_code store_accounts_walk(struct store *st, store_account_cb cb, void *ctx,
				  struct err *e)
{
	static const char sql[] = ACCOUNT_SQL " ORDER BY a.name";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct account a;
	int rc;

	if (!s)
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_account(s, &a);
		if (cb(ctx, &a))
			break;
	}
	sq_done(st, s);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "reading accounts");
}

enum err_code store_token_insert(struct store *st, int64_t account_id, const char *label,
				 const unsigned char hash[32], int64_t *id, struct err *e)
{
	static const char sql[] =
		"INSERT INTO api_token(account_id, label, token_hash) VALUES (?1, ?2, ?3)";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, account_id);
	sq_bind_text(s, 2, label);
	sqlite3_bind_blob(s, 3, hash, 32, SQLITE_STATIC);
	if (sq_step_done(st, s, e, "adding a token"))
		return e->code;
	*id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_token_find(struct store *st, const unsigned char hash[32],
			       int64_t *account_id, int64_t *token_id, struct err *e)
{
	static const char sql[] =
		"SELECT account_id, id FROM api_token WHERE token_hash = ?1 AND revoked_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_blob(s, 1, hash, 32, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*account_id = sqlite3_column_int64(s, 0);
		*token_id = sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading tokens");
	return err_set(e, ERR_NOTFOUND, "the token is not valid");
}

enum err_code store_token_account(struct store *st, int64_t id, int64_t *account_id,
				  struct err *e)
{
	static const char sql[] =
		"SELECT account_id FROM api_token WHERE id = ?1 AND revoked_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*account_id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading tokens");
	return err_set(e, ERR_NOTFOUND, "no active token has the id %lld", (long long)id);
}

enum err_code store_token_revoke(struct store *st, int64_t id, struct err *e)
{
	static const char sql[] =
		"UPDATE api_token SET revoked_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
		" WHERE id = ?1 AND revoked_at IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	if (sq_step_done(st, s, e, "revoking a token"))
		return e->code;
	if (sqlite3_changes(st->db) == 0)
		return err_set(e, ERR_NOTFOUND, "no active token has the id %lld", (long long)id);
	return ERR_OK;
}
