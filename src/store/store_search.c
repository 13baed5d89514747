/* store_search.c - the search indexes of names: each member's name words (member_word, by a
 * dictionary of words, name_word) and each organisation's folded name words (org_word), kept
 * in the transaction of every change of a name, built in bulk after a first load, and the
 * searches that use them (docs/search.md). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/vname.h"
#include "../lib/mem.h"
#include "sorted_vtab.h"
#include "store_int.h"

/* A first load packs (word id, member id) into one 64-bit number that sorts as the pair. */
#define PAIR_ID_BITS 40
#define PAIR_WORD_MAX ((1LL << (64 - PAIR_ID_BITS - 1)) - 1)
#define PAIR_ID_MAX ((1LL << PAIR_ID_BITS) - 1)

/* Members an organisation has, about (5.6 million in 60,000): the size of a scope. */
#define SEARCH_MEMBERS_PER_ORG 100
/* Above this many members to look at, a search asks for more of the name. */
#define SEARCH_CANDIDATES_MAX 300000

/* ---- words of one name ------------------------------------------------------------- */

/* Words a name can have: VNAME_MAX bytes of one-letter words. */
#define NAME_WORDS_MAX (VNAME_MAX / 2 + 1)

struct name_words {
	size_t n;
	struct {
		char lower[VNAME_MAX + 1], folded[VNAME_MAX + 1];
	} w[NAME_WORDS_MAX];
};

static void collect_word(void *ctx, const char *raw, size_t rawlen, const char *lower,
			 const char *folded)
{
	struct name_words *nw = ctx;
	size_t i;

	(void)raw;
	(void)rawlen;
	if (!folded[0] || strlen(lower) > VNAME_MAX || strlen(folded) > VNAME_MAX ||
	    nw->n == NAME_WORDS_MAX)
		return;
	for (i = 0; i < nw->n; i++)
		if (strcmp(nw->w[i].lower, lower) == 0)
			return;
	memcpy(nw->w[nw->n].lower, lower, strlen(lower) + 1);
	memcpy(nw->w[nw->n].folded, folded, strlen(folded) + 1);
	nw->n++;
}

static void name_words_of(const char *name, struct name_words *nw)
{
	nw->n = 0;
	vname_words(name, collect_word, nw);
}

/* ---- a member's words, one change at a time ----------------------------------------- */

static enum err_code words_add(struct store *st, int64_t id, const char *name, struct err *e)
{
	static const char dict[] =
		"INSERT INTO name_word(word, folded, n) VALUES (?1, ?2, 1)"
		" ON CONFLICT(word) DO UPDATE SET n = n + 1 RETURNING id";
	static const char add[] = "INSERT INTO member_word(word_id, member_id) VALUES (?1, ?2)";
	struct name_words *nw = xmalloc(sizeof *nw);
	enum err_code rc = ERR_OK;
	size_t i;

	name_words_of(name, nw);
	for (i = 0; i < nw->n && !rc; i++) {
		sqlite3_stmt *s = sq_prep(st, dict, e);
		int64_t wid;

		if (!s) {
			rc = e->code;
			break;
		}
		sq_bind_text(s, 1, nw->w[i].lower);
		sq_bind_text(s, 2, nw->w[i].folded);
		if (sqlite3_step(s) != SQLITE_ROW) {
			sq_done(st, s);
			rc = sq_db_error(st, e, "indexing a name");
			break;
		}
		wid = sqlite3_column_int64(s, 0);
		sqlite3_step(s);
		sq_done(st, s);
		if (!(s = sq_prep(st, add, e))) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, wid);
		sqlite3_bind_int64(s, 2, id);
		rc = sq_step_done(st, s, e, "indexing a name");
	}
	free(nw);
	return rc;
}

static enum err_code words_remove(struct store *st, int64_t id, const char *name,
				  struct err *e)
{
	static const char dict[] = "UPDATE name_word SET n = n - 1 WHERE word = ?1 RETURNING id";
	static const char del[] = "DELETE FROM member_word WHERE word_id = ?1 AND member_id = ?2";
	struct name_words *nw = xmalloc(sizeof *nw);
	enum err_code c = ERR_OK;
	size_t i;

	name_words_of(name, nw);
	for (i = 0; i < nw->n && !c; i++) {
		sqlite3_stmt *s = sq_prep(st, dict, e);
		int64_t wid;
		int rc;

		if (!s) {
			c = e->code;
			break;
		}
		sq_bind_text(s, 1, nw->w[i].lower);
		rc = sqlite3_step(s);
		wid = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		if (rc == SQLITE_ROW)
			sqlite3_step(s);
		sq_done(st, s);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			c = sq_db_error(st, e, "indexing a name");
			break;
		}
		if (!wid)
			continue;
		if (!(s = sq_prep(st, del, e))) {
			c = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, wid);
		sqlite3_bind_int64(s, 2, id);
		c = sq_step_done(st, s, e, "indexing a name");
	}
	free(nw);
	return c;
}

/* ---- a first load: the words in memory, stored sorted at the end -------------------- */

struct dict_entry {
	char *lower, *folded;
	int64_t id, n;
	int stored; /* already a row of name_word */
};

struct word_bulk {
	/* The dictionary: entries, and an open-addressing table of lower-case word -> entry. */
	struct dict_entry *d;
	size_t nd, capd;
	size_t *by_lower, nbl; /* entry index + 1; 0 empty */
	/* Words as typed -> entry, so that the Unicode work is done once a distinct word. */
	struct raw_slot {
		char *raw;
		size_t len, entry; /* entry index + 1 */
	} *by_raw;
	size_t nbr, nraw;
	int64_t next_id;
	uint64_t *pairs;
	size_t np, capp;
	int failed; /* a pair did not fit: the words are rebuilt from the table at the end */
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static void bulk_grow_lower(struct word_bulk *b)
{
	size_t i, nbl = b->nbl ? b->nbl * 2 : 4096;
	size_t *t = xcalloc(nbl, sizeof *t);

	for (i = 0; i < b->nd; i++) {
		size_t h = (size_t)hash_bytes(b->d[i].lower, strlen(b->d[i].lower)) & (nbl - 1);

		while (t[h])
			h = (h + 1) & (nbl - 1);
		t[h] = i + 1;
	}
	free(b->by_lower);
	b->by_lower = t;
	b->nbl = nbl;
}

/* The entry of a lower-case word, added when new. */
static size_t bulk_entry(struct word_bulk *b, const char *lower, const char *folded)
{
	size_t h;

	if ((b->nd + 1) * 2 > b->nbl)
		bulk_grow_lower(b);
	h = (size_t)hash_bytes(lower, strlen(lower)) & (b->nbl - 1);
	while (b->by_lower[h]) {
		if (strcmp(b->d[b->by_lower[h] - 1].lower, lower) == 0)
			return b->by_lower[h] - 1;
		h = (h + 1) & (b->nbl - 1);
	}
	if (b->nd == b->capd) {
		b->capd = b->capd ? b->capd * 2 : 1024;
		b->d = xrealloc(b->d, b->capd * sizeof *b->d);
	}
	b->d[b->nd].lower = xstrdup(lower);
	b->d[b->nd].folded = xstrdup(folded);
	b->d[b->nd].id = b->next_id++;
	b->d[b->nd].n = 0;
	b->d[b->nd].stored = 0;
	b->by_lower[h] = b->nd + 1;
	return b->nd++;
}

static void bulk_grow_raw(struct word_bulk *b)
{
	size_t i, nbr = b->nbr ? b->nbr * 2 : 8192;
	struct raw_slot *t = xcalloc(nbr, sizeof *t);

	for (i = 0; i < b->nbr; i++) {
		size_t h;

		if (!b->by_raw[i].raw)
			continue;
		h = (size_t)hash_bytes(b->by_raw[i].raw, b->by_raw[i].len) & (nbr - 1);
		while (t[h].raw)
			h = (h + 1) & (nbr - 1);
		t[h] = b->by_raw[i];
	}
	free(b->by_raw);
	b->by_raw = t;
	b->nbr = nbr;
}

struct raw_ctx {
	struct word_bulk *b;
	size_t entry;
};

static void raw_word(void *ctx, const char *raw, size_t rawlen, const char *lower,
		     const char *folded)
{
	struct raw_ctx *c = ctx;

	(void)raw;
	(void)rawlen;
	if (folded[0] && strlen(lower) <= VNAME_MAX && strlen(folded) <= VNAME_MAX)
		c->entry = bulk_entry(c->b, lower, folded) + 1;
}

/* The entry of the word typed as raw[0..n) (+1; 0 when it is no search word). */
static size_t bulk_raw(struct word_bulk *b, const char *raw, size_t n)
{
	size_t h;
	struct raw_ctx c = {b, 0};
	char tmp[VNAME_MAX + 1];

	if ((b->nraw + 1) * 2 > b->nbr)
		bulk_grow_raw(b);
	h = (size_t)hash_bytes(raw, n) & (b->nbr - 1);
	while (b->by_raw[h].raw) {
		if (b->by_raw[h].len == n && memcmp(b->by_raw[h].raw, raw, n) == 0)
			return b->by_raw[h].entry;
		h = (h + 1) & (b->nbr - 1);
	}
	if (n > VNAME_MAX)
		return 0;
	memcpy(tmp, raw, n);
	tmp[n] = 0;
	vname_words(tmp, raw_word, &c);
	b->by_raw[h].raw = xmalloc(n + 1);
	memcpy(b->by_raw[h].raw, raw, n);
	b->by_raw[h].raw[n] = 0;
	b->by_raw[h].len = n;
	b->by_raw[h].entry = c.entry;
	b->nraw++;
	return c.entry;
}

static void bulk_free(struct word_bulk *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->nd; i++) {
		free(b->d[i].lower);
		free(b->d[i].folded);
	}
	for (i = 0; i < b->nbr; i++)
		free(b->by_raw[i].raw);
	free(b->d);
	free(b->by_lower);
	free(b->by_raw);
	free(b->pairs);
	free(b);
}

/* A first load's roll lists in memory (store_roll_bulk). pairs: (word id << 40 | member id),
 * then (word id << 32 | rank) of the members on a roll, sorted; the members on a roll (ids,
 * their keys at off/len in keys) by id, then (ready) by rank, the order of the lists;
 * perm: the member of each rank meanwhile. */
struct roll_bulk {
	uint64_t *pairs;
	size_t np;
	int64_t *ids;
	size_t *off;
	uint32_t *len, *perm;
	unsigned char *keys;
	size_t n, cap, nkeys, capkeys;
	int ready; /* the members in rank order (perm applied): the rows can be read */
	int sorting; /* roll_bulk_order runs on thread th */
	pthread_t th;
};

static void roll_bulk_free(struct roll_bulk *r)
{
	if (!r)
		return;
	if (r->sorting)
		pthread_join(r->th, NULL);
	free(r->pairs);
	free(r->ids);
	free(r->off);
	free(r->len);
	free(r->perm);
	free(r->keys);
	free(r);
}

enum err_code store_words_bulk_begin(struct store *st, struct err *e)
{
	static const char sql[] = "SELECT id, word, folded, n FROM name_word ORDER BY id";
	struct word_bulk *b = xcalloc(1, sizeof *b);
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	bulk_free(st->words);
	st->words = NULL;
	if (!s) {
		bulk_free(b);
		return e->code;
	}
	b->next_id = 1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		size_t i = bulk_entry(b, (const char *)sqlite3_column_text(s, 1),
				      (const char *)sqlite3_column_text(s, 2));

		b->d[i].id = sqlite3_column_int64(s, 0);
		b->d[i].n = sqlite3_column_int64(s, 3);
		b->d[i].stored = 1;
		if (b->d[i].id >= b->next_id)
			b->next_id = b->d[i].id + 1;
	}
	sq_done(st, s);
	if (rc != SQLITE_DONE) {
		bulk_free(b);
		return sq_db_error(st, e, "reading the words of names");
	}
	st->words = b;
	return ERR_OK;
}

/* Collect the words of a member loaded in bulk. */
static void bulk_member(struct word_bulk *b, int64_t id, const char *name)
{
	size_t first = b->np, i;
	const char *p = name;

	while (*p) {
		const char *w;
		size_t k, ent;

		while ((k = vname_word_sep(p)) > 0)
			p += k;
		if (!*p)
			break;
		w = p;
		while (*p && !vname_word_sep(p))
			p++;
		if (!(ent = bulk_raw(b, w, (size_t)(p - w))))
			continue;
		if (b->d[ent - 1].id > PAIR_WORD_MAX || id > PAIR_ID_MAX || id < 0) {
			b->failed = 1;
			continue;
		}
		{
			uint64_t pair = (uint64_t)b->d[ent - 1].id << PAIR_ID_BITS | (uint64_t)id;

			/* A word twice in one name is one entry. */
			for (i = first; i < b->np && b->pairs[i] != pair; i++)
				;
			if (i < b->np)
				continue;
			if (b->np == b->capp) {
				b->capp = b->capp ? b->capp * 2 : 1 << 16;
				b->pairs = xrealloc(b->pairs, b->capp * sizeof *b->pairs);
			}
			b->pairs[b->np++] = pair;
			b->d[ent - 1].n++;
		}
	}
}

/* cadre_wordpairs: the (word id, member id) pairs of a first load, sorted. */
static size_t wp_count(void *ctx)
{
	const struct store *st = ctx;

	return st->words ? st->words->np : 0;
}

static void wp_column(void *ctx, size_t i, int col, sqlite3_context *out)
{
	uint64_t p = ((struct store *)ctx)->words->pairs[i];

	sqlite3_result_int64(out, col == 0 ? (sqlite3_int64)(p >> PAIR_ID_BITS)
					   : (sqlite3_int64)(p & (uint64_t)PAIR_ID_MAX));
}

static const struct sorted_vtab wp_table = {
	"CREATE TABLE x(word_id INTEGER, member_id INTEGER)", 2, wp_count, wp_column,
};

/* cadre_rollwords: a first load's roll lists (st->roll->pairs), in roll_word's key order. */
static size_t rw_count(void *ctx)
{
	const struct store *st = ctx;

	return st->roll && st->roll->ready ? st->roll->np : 0;
}

static void rw_column(void *ctx, size_t i, int col, sqlite3_context *out)
{
	const struct roll_bulk *r = ((struct store *)ctx)->roll;
	uint64_t p = r->pairs[i];
	size_t m = (size_t)(p & 0xFFFFFFFFu);

	if (col == 0)
		sqlite3_result_int64(out, (sqlite3_int64)(p >> 32));
	else if (col == 1)
		sqlite3_result_blob(out, r->keys + r->off[m], (int)r->len[m], SQLITE_STATIC);
	else
		sqlite3_result_int64(out, r->ids[m]);
}

static const struct sorted_vtab rw_table = {
	"CREATE TABLE x(word_id INTEGER, sort_key BLOB, member_id INTEGER)", 3, rw_count,
	rw_column,
};

void store_words_register(struct store *st)
{
	sorted_vtab_register(st->db, "cadre_wordpairs", &wp_table, st);
	sorted_vtab_register(st->db, "cadre_rollwords", &rw_table, st);
}

static int cmp_u64(const void *x, const void *y)
{
	uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;

	return a < b ? -1 : a > b;
}

/* Sort 64-bit keys: a radix sort by bytes (the pairs of a national load are tens of
 * millions; qsort's comparisons would cost seconds), qsort for short runs. */
static void sort_u64(uint64_t *v, size_t n)
{
	uint64_t *tmp, *src = v, *dst;
	size_t count[256];
	int shift;

	if (n < 4096) {
		qsort(v, n, sizeof *v, cmp_u64);
		return;
	}
	tmp = xmalloc(n * sizeof *tmp);
	dst = tmp;
	for (shift = 0; shift < 64; shift += 8) {
		size_t i, sum = 0;
		uint64_t all_or = 0, all_and = ~(uint64_t)0;

		for (i = 0; i < n; i++) {
			all_or |= src[i];
			all_and &= src[i];
		}
		/* A byte the same in every key orders nothing: skip its pass. */
		if ((((all_or ^ all_and) >> shift) & 0xFF) == 0)
			continue;
		memset(count, 0, sizeof count);
		for (i = 0; i < n; i++)
			count[(src[i] >> shift) & 0xFF]++;
		for (i = 0; i < 256; i++) {
			size_t c = count[i];

			count[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			dst[count[(src[i] >> shift) & 0xFF]++] = src[i];
		{
			uint64_t *t = src;

			src = dst;
			dst = t;
		}
	}
	if (src != v)
		memcpy(v, src, n * sizeof *v);
	free(tmp);
}

enum err_code store_words_bulk_end(struct store *st, struct err *e)
{
	static const char put[] =
		"INSERT INTO name_word(id, word, folded, n) VALUES (?1, ?2, ?3, ?4)"
		" ON CONFLICT(id) DO UPDATE SET n = excluded.n";
	struct word_bulk *b = st->words;
	enum err_code rc = ERR_OK;
	size_t i, k;

	if (!b)
		return ERR_OK;
	if (b->failed) {
		/* An id too large to pack: index the whole roll row by row instead. */
		bulk_free(b);
		st->words = NULL;
		return store_words_rebuild_slow(st, e);
	}
	for (i = 0; i < b->nd && !rc; i++) {
		sqlite3_stmt *s = sq_prep(st, put, e);

		if (b->d[i].stored && !b->d[i].n)
			continue;
		if (!s) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, b->d[i].id);
		sq_bind_text(s, 2, b->d[i].lower);
		sq_bind_text(s, 3, b->d[i].folded);
		sqlite3_bind_int64(s, 4, b->d[i].n);
		rc = sq_step_done(st, s, e, "storing the words of names");
	}
	if (!rc && b->np) {
		sort_u64(b->pairs, b->np);
		for (i = k = 0; i < b->np; i++)
			if (k == 0 || b->pairs[i] != b->pairs[k - 1])
				b->pairs[k++] = b->pairs[i];
		b->np = k;
		rc = sq_exec(st, "INSERT OR IGNORE INTO member_word(word_id, member_id)"
			     " SELECT word_id, member_id FROM cadre_wordpairs ORDER BY 1, 2",
			     e, "storing the words of names");
	}
	if (!rc) {
		/* The pairs are every member's words (the roll was empty): the roll's lists are
		 * made from them (store_roll_bulk). */
		roll_bulk_free(st->roll);
		st->roll = xcalloc(1, sizeof *st->roll);
		st->roll->pairs = b->pairs;
		st->roll->np = b->np;
		b->pairs = NULL;
	}
	bulk_free(b);
	st->words = NULL;
	return rc;
}

void store_words_bulk_forget(struct store *st)
{
	bulk_free(st->words);
	st->words = NULL;
	roll_bulk_free(st->roll);
	st->roll = NULL;
}

enum err_code store_words_member(struct store *st, int64_t id, const char *old_name,
				 const char *new_name, struct err *e)
{
	if (old_name && new_name && strcmp(old_name, new_name) == 0)
		return ERR_OK;
	if (st->words && !old_name) {
		bulk_member(st->words, id, new_name);
		return ERR_OK;
	}
	if (old_name && words_remove(st, id, old_name, e))
		return e->code;
	if (new_name && words_add(st, id, new_name, e))
		return e->code;
	return ERR_OK;
}

enum err_code store_words_rebuild_slow(struct store *st, struct err *e)
{
	static const char sql[] = "SELECT id, full_name FROM member ORDER BY id";
	sqlite3_stmt *s;
	int rc;

	if (sq_exec(st, "DELETE FROM member_word; DELETE FROM name_word;", e,
		    "rebuilding the words of names"))
		return e->code;
	/* Not cached: the statements of words_add run while it steps. */
	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return sq_db_error(st, e, "rebuilding the words of names");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (words_add(st, sqlite3_column_int64(s, 0),
			      (const char *)sqlite3_column_text(s, 1), e))
			break;
	sqlite3_finalize(s);
	if (e->code)
		return e->code;
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "rebuilding the words of names");
}

/* ---- organisations' words ------------------------------------------------------------ */

struct org_words_ctx {
	struct buf *joined;
};

static void org_word_join(void *ctx, const char *raw, size_t rawlen, const char *lower,
			  const char *folded)
{
	struct org_words_ctx *c = ctx;

	(void)raw;
	(void)rawlen;
	(void)lower;
	if (!folded[0])
		return;
	if (c->joined->len)
		buf_addc(c->joined, ' ');
	buf_adds(c->joined, folded);
}

/* The folded name of an organisation: its words folded, joined by single spaces. */
static void org_folded(const char *name, struct buf *out)
{
	struct org_words_ctx c = {out};

	buf_reset(out);
	vname_words(name, org_word_join, &c);
}

enum err_code store_words_org(struct store *st, int64_t org_id, const char *name,
			      struct err *e)
{
	static const char del[] = "DELETE FROM org_word WHERE org_id = ?1";
	static const char add[] = "INSERT OR IGNORE INTO org_word(folded, org_id) VALUES (?1, ?2)";
	static const char set[] = "UPDATE org SET folded = ?2 WHERE id = ?1";
	struct buf f;
	sqlite3_stmt *s;
	const char *p;
	enum err_code rc = ERR_OK;

	buf_init(&f, 0);
	org_folded(name, &f);
	if (!(s = sq_prep(st, del, e)))
		goto fail;
	sqlite3_bind_int64(s, 1, org_id);
	if (sq_step_done(st, s, e, "indexing an organisation's name"))
		goto fail;
	if (!(s = sq_prep(st, set, e)))
		goto fail;
	sqlite3_bind_int64(s, 1, org_id);
	sq_bind_text(s, 2, buf_str(&f));
	if (sq_step_done(st, s, e, "indexing an organisation's name"))
		goto fail;
	for (p = buf_str(&f); *p;) {
		const char *sp = strchr(p, ' ');
		size_t n = sp ? (size_t)(sp - p) : strlen(p);

		if (!(s = sq_prep(st, add, e)))
			goto fail;
		sqlite3_bind_text(s, 1, p, (int)n, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 2, org_id);
		if (sq_step_done(st, s, e, "indexing an organisation's name"))
			goto fail;
		p += n + (sp ? 1 : 0);
	}
	buf_cleanup(&f);
	return rc;
fail:
	buf_cleanup(&f);
	return e->code;
}

enum err_code store_words_rebuild(struct store *st, struct err *e)
{
	static const char members[] = "SELECT id, full_name FROM member ORDER BY id";
	static const char orgs[] = "SELECT id, name FROM org ORDER BY id";
	sqlite3_stmt *s;
	int rc;

	if (sq_exec(st, "DELETE FROM member_word; DELETE FROM name_word; DELETE FROM org_word;", e,
		    "rebuilding the words of names") ||
	    store_words_bulk_begin(st, e))
		return e->code;
	if (sqlite3_prepare_v2(st->db, members, -1, &s, NULL) != SQLITE_OK) {
		store_words_bulk_forget(st);
		return sq_db_error(st, e, "rebuilding the words of names");
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		bulk_member(st->words, sqlite3_column_int64(s, 0),
			    (const char *)sqlite3_column_text(s, 1));
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_words_bulk_forget(st);
		return sq_db_error(st, e, "rebuilding the words of names");
	}
	if (store_words_bulk_end(st, e))
		return e->code;
	if (sqlite3_prepare_v2(st->db, orgs, -1, &s, NULL) != SQLITE_OK)
		return sq_db_error(st, e, "rebuilding the words of names");
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		if (store_words_org(st, sqlite3_column_int64(s, 0),
				    (const char *)sqlite3_column_text(s, 1), e))
			break;
	sqlite3_finalize(s);
	if (e->code)
		return e->code;
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "rebuilding the words of names");
}

/* ---- the roll's word lists: active members only, in list order ----------------------- */

/* roll_word holds (word, list key, member) for every member on a current roll (the
 * statuses of ACTIVE_STATUSES), so that a search of the whole roll reads its first page off
 * the lists in the order shown and counts its total from them, without a member's row. */

/* roll_block: the same lists by member id, packed, for counting: for each word and each
 * 65,536 ids (key = word id << 24 | member id >> 16), the low 16 bits of the ids of the
 * members on a roll, ascending, 2 bytes each (little-endian). Ids are below 2^40, as a first
 * load's (PAIR_ID_MAX). */
#define ROLL_BLOCK_BITS 16
#define ROLL_BLOCK_MASK 0xFFFFFFLL

static int64_t roll_key(int64_t word_id, int64_t id)
{
	return word_id << 24 | id >> ROLL_BLOCK_BITS;
}

/* Put member id into word w's block (add) or take it out. */
static enum err_code roll_block_set(struct store *st, int64_t w, int64_t id, int add,
				    struct err *e)
{
	static const char get[] = "SELECT ids FROM roll_block WHERE key = ?1";
	static const char put[] = "INSERT OR REPLACE INTO roll_block(key, ids) VALUES (?1, ?2)";
	static const char del[] = "DELETE FROM roll_block WHERE key = ?1";
	unsigned lo = (unsigned)(id & 0xFFFF);
	unsigned char *v;
	size_t n = 0, a = 0, b, m;
	sqlite3_stmt *s;
	int step;

	if (id < 0 || id > PAIR_ID_MAX)
		return ERR_OK; /* not packed: roll_word alone has it, and roll_usable says so */
	if (!(s = sq_prep(st, get, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, roll_key(w, id));
	step = sqlite3_step(s);
	if (step == SQLITE_ROW)
		n = (size_t)sqlite3_column_bytes(s, 0) / 2;
	v = xmalloc((n + 1) * 2);
	if (n)
		memcpy(v, sqlite3_column_blob(s, 0), n * 2);
	sq_done(st, s);
	if (step != SQLITE_ROW && step != SQLITE_DONE) {
		free(v);
		return sq_db_error(st, e, "indexing a name");
	}
	/* The first entry not below lo. */
	b = n;
	while (a < b) {
		m = (a + b) / 2;
		if ((unsigned)(v[2 * m] | v[2 * m + 1] << 8) < lo)
			a = m + 1;
		else
			b = m;
	}
	if (add == (a < n && (unsigned)(v[2 * a] | v[2 * a + 1] << 8) == lo)) {
		free(v); /* already there, or already gone */
		return ERR_OK;
	}
	if (add) {
		memmove(v + 2 * (a + 1), v + 2 * a, (n - a) * 2);
		v[2 * a] = (unsigned char)(lo & 0xFF);
		v[2 * a + 1] = (unsigned char)(lo >> 8);
		n++;
	} else {
		memmove(v + 2 * a, v + 2 * (a + 1), (n - a - 1) * 2);
		n--;
	}
	if (!(s = sq_prep(st, n ? put : del, e))) {
		free(v);
		return e->code;
	}
	sqlite3_bind_int64(s, 1, roll_key(w, id));
	if (n)
		sqlite3_bind_blob(s, 2, v, (int)(n * 2), SQLITE_TRANSIENT);
	free(v);
	return sq_step_done(st, s, e, "indexing a name");
}

/* Write word w's members (ids, sorted) as its blocks. */
static enum err_code roll_blocks_put(struct store *st, sqlite3_stmt *put, int64_t w,
				     const uint64_t *ids, size_t n, unsigned char *buf,
				     struct err *e)
{
	size_t i = 0, j;

	while (i < n) {
		int64_t blk = (int64_t)(ids[i] >> ROLL_BLOCK_BITS);

		for (j = i; j < n && (int64_t)(ids[j] >> ROLL_BLOCK_BITS) == blk; j++) {
			buf[2 * (j - i)] = (unsigned char)(ids[j] & 0xFF);
			buf[2 * (j - i) + 1] = (unsigned char)(ids[j] >> 8 & 0xFF);
		}
		sqlite3_reset(put);
		sqlite3_bind_int64(put, 1, w << 24 | blk);
		sqlite3_bind_blob(put, 2, buf, (int)((j - i) * 2), SQLITE_STATIC);
		if (sqlite3_step(put) != SQLITE_DONE)
			return sq_db_error(st, e, "storing the roll's words");
		i = j;
	}
	return ERR_OK;
}

enum err_code store_roll_blocks_rebuild(struct store *st, struct err *e)
{
	static const char rows[] = "SELECT word_id, member_id FROM roll_word";
	static const char put[] = "INSERT INTO roll_block(key, ids) VALUES (?1, ?2)";
	sqlite3_stmt *s = NULL, *p = NULL;
	uint64_t *ids = NULL;
	unsigned char *buf = xmalloc(2 << ROLL_BLOCK_BITS);
	size_t n = 0, cap = 0;
	int64_t w = -1;
	enum err_code rc = ERR_OK;
	int step;

	if (sq_exec(st, "DELETE FROM roll_block", e, "storing the roll's words")) {
		free(buf);
		return e->code;
	}
	if (sqlite3_prepare_v2(st->db, rows, -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(st->db, put, -1, &p, NULL) != SQLITE_OK) {
		rc = sq_db_error(st, e, "storing the roll's words");
		goto out;
	}
	/* roll_word comes word by word (in list order within a word): each word's ids sorted,
	 * then written as blocks. */
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t wid = sqlite3_column_int64(s, 0), id = sqlite3_column_int64(s, 1);

		if (wid != w) {
			if (n) {
				sort_u64(ids, n);
				if ((rc = roll_blocks_put(st, p, w, ids, n, buf, e)))
					goto out;
			}
			w = wid;
			n = 0;
		}
		if (id < 0 || id > PAIR_ID_MAX)
			continue; /* not packed (roll_block_set) */
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			ids = xrealloc(ids, cap * sizeof *ids);
		}
		ids[n++] = (uint64_t)id;
	}
	if (step != SQLITE_DONE) {
		rc = sq_db_error(st, e, "storing the roll's words");
		goto out;
	}
	if (n) {
		sort_u64(ids, n);
		rc = roll_blocks_put(st, p, w, ids, n, buf, e);
	}
out:
	sqlite3_finalize(s);
	sqlite3_finalize(p);
	free(ids);
	free(buf);
	return rc;
}

static enum err_code roll_words(struct store *st, int64_t id, const char *name,
				const void *key, int klen, int add, struct err *e)
{
	static const char wid[] = "SELECT id FROM name_word WHERE word = ?1";
	static const char ins[] =
		"INSERT OR IGNORE INTO roll_word(word_id, sort_key, member_id) VALUES (?1, ?2, ?3)";
	static const char del[] =
		"DELETE FROM roll_word WHERE word_id = ?1 AND sort_key = ?2 AND member_id = ?3";
	struct name_words *nw = xmalloc(sizeof *nw);
	enum err_code rc = ERR_OK;
	size_t i;

	name_words_of(name, nw);
	for (i = 0; i < nw->n && !rc; i++) {
		sqlite3_stmt *s = sq_prep(st, wid, e);
		int64_t w = 0;
		int step;

		if (!s) {
			rc = e->code;
			break;
		}
		sq_bind_text(s, 1, nw->w[i].lower);
		step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			w = sqlite3_column_int64(s, 0);
		sq_done(st, s);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = sq_db_error(st, e, "indexing a name");
			break;
		}
		if (!w)
			continue; /* only a removal finds no word: nothing to remove */
		if (!(s = sq_prep(st, add ? ins : del, e))) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, w);
		sqlite3_bind_blob(s, 2, key, klen, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 3, id);
		if ((rc = sq_step_done(st, s, e, "indexing a name")))
			break;
		if (sqlite3_changes(st->db) > 0)
			rc = roll_block_set(st, w, id, add, e);
	}
	free(nw);
	return rc;
}

enum err_code store_roll_member(struct store *st, int64_t id, const struct roll_entry *was,
				const struct roll_entry *now, struct err *e)
{
	int same;

	if (st->words)
		return ERR_OK; /* a first load: store_roll_rebuild at its end */
	same = was && now && was->active == now->active && strcmp(was->name, now->name) == 0 &&
	       was->klen == now->klen && memcmp(was->key, now->key, (size_t)now->klen) == 0;
	if (same)
		return ERR_OK;
	if (was && was->active && roll_words(st, id, was->name, was->key, was->klen, 0, e))
		return e->code;
	if (now && now->active && roll_words(st, id, now->name, now->key, now->klen, 1, e))
		return e->code;
	return ERR_OK;
}

enum err_code store_roll_rebuild(struct store *st, struct err *e)
{
	/* The pairs of member_word with each member's key, sorted so that the table is
	 * written by appending. */
	return sq_exec(st,
		       "DELETE FROM roll_word;"
		       "INSERT INTO roll_word(word_id, sort_key, member_id)"
		       " SELECT w.word_id, m.sort_key, m.id FROM member_word w"
		       " CROSS JOIN member m ON m.id = w.member_id"
		       " WHERE m.status IN " ACTIVE_STATUSES " ORDER BY 1, 2, 3;",
		       e, "storing the roll's words") ||
			       store_roll_blocks_rebuild(st, e)
		       ? e->code
		       : ERR_OK;
}

/* A member on a roll in list order: its key (the first 8 bytes big-endian, zero-padded,
 * then the whole key) and its place in id order, which breaks ties as the id does. */
struct roll_rank {
	uint64_t prefix;
	const unsigned char *key;
	uint32_t len, idx;
};

/* The order of roll_word's sort_key, as SQLite orders blobs (bytes, then length), then id. */
static int cmp_roll_rank(const void *x, const void *y)
{
	const struct roll_rank *a = x, *b = y;
	uint32_t n = a->len < b->len ? a->len : b->len;
	int c;

	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	if ((c = memcmp(a->key, b->key, n)))
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Read the members on a roll, by id, with their keys. */
static enum err_code roll_bulk_members(struct store *st, struct roll_bulk *r, struct err *e)
{
	static const char sql[] =
		"SELECT id, sort_key FROM member WHERE status IN " ACTIVE_STATUSES " ORDER BY id";
	sqlite3_stmt *s;
	int step;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
		return sq_db_error(st, e, "storing the roll's words");
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		size_t len = (size_t)sqlite3_column_bytes(s, 1);
		const void *key = sqlite3_column_blob(s, 1);

		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 1 << 16;
			r->ids = xrealloc(r->ids, r->cap * sizeof *r->ids);
			r->off = xrealloc(r->off, r->cap * sizeof *r->off);
			r->len = xrealloc(r->len, r->cap * sizeof *r->len);
		}
		while (r->nkeys + len > r->capkeys) {
			r->capkeys = r->capkeys ? r->capkeys * 2 : 1 << 20;
			r->keys = xrealloc(r->keys, r->capkeys);
		}
		if (len)
			memcpy(r->keys + r->nkeys, key, len);
		r->ids[r->n] = sqlite3_column_int64(s, 0);
		r->off[r->n] = r->nkeys;
		r->len[r->n] = (uint32_t)len;
		r->nkeys += len;
		r->n++;
	}
	sqlite3_finalize(s);
	return step == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "storing the roll's words");
}

/* Make r->pairs the rows of roll_word as (word id << 32 | rank), sorted, and r->perm. */
static void roll_bulk_order(struct roll_bulk *r)
{
	struct roll_rank *rk = xmalloc((r->n ? r->n : 1) * sizeof *rk);
	uint32_t *rank = xmalloc((r->n ? r->n : 1) * sizeof *rank);
	size_t i, j, k;

	for (i = 0; i < r->n; i++) {
		const unsigned char *key = r->keys + r->off[i];
		uint64_t p = 0;

		for (j = 0; j < 8; j++)
			p = p << 8 | (j < r->len[i] ? key[j] : 0);
		rk[i].prefix = p;
		rk[i].key = key;
		rk[i].len = r->len[i];
		rk[i].idx = (uint32_t)i;
	}
	qsort(rk, r->n, sizeof *rk, cmp_roll_rank);
	r->perm = xmalloc((r->n ? r->n : 1) * sizeof *r->perm);
	for (i = 0; i < r->n; i++) {
		r->perm[i] = rk[i].idx;
		rank[rk[i].idx] = (uint32_t)i;
	}
	free(rk);
	/* The pairs by member (id << 23 | word id: the word ids fit PAIR_WORD_MAX), walked beside
	 * the members by id; a member not on a roll has none. */
	for (i = 0; i < r->np; i++)
		r->pairs[i] = (r->pairs[i] & (uint64_t)PAIR_ID_MAX) << 23 | r->pairs[i] >> PAIR_ID_BITS;
	sort_u64(r->pairs, r->np);
	for (i = j = k = 0; i < r->np; i++) {
		int64_t id = (int64_t)(r->pairs[i] >> 23);

		while (j < r->n && r->ids[j] < id)
			j++;
		if (j < r->n && r->ids[j] == id)
			r->pairs[k++] = (r->pairs[i] & PAIR_WORD_MAX) << 32 | rank[j];
	}
	r->np = k;
	free(rank);
	sort_u64(r->pairs, r->np);
	/* The members in rank order, so that the rows read them in turn. */
	{
		int64_t *ids = xmalloc((r->n ? r->n : 1) * sizeof *ids);
		size_t *off = xmalloc((r->n ? r->n : 1) * sizeof *off);
		uint32_t *len = xmalloc((r->n ? r->n : 1) * sizeof *len);
		unsigned char *keys = xmalloc(r->nkeys ? r->nkeys : 1);
		size_t at = 0;

		for (i = 0; i < r->n; i++) {
			uint32_t m = r->perm[i];

			ids[i] = r->ids[m];
			off[i] = at;
			len[i] = r->len[m];
			memcpy(keys + at, r->keys + r->off[m], r->len[m]);
			at += r->len[m];
		}
		free(r->ids);
		free(r->off);
		free(r->len);
		free(r->keys);
		free(r->perm);
		r->perm = NULL;
		r->ids = ids;
		r->off = off;
		r->len = len;
		r->keys = keys;
		r->ready = 1;
	}
}

static void *roll_bulk_thread(void *arg)
{
	roll_bulk_order(arg);
	return NULL;
}

enum err_code store_roll_bulk_begin(struct store *st, struct err *e)
{
	struct roll_bulk *r = st->roll;
	enum err_code rc;

	if (!r)
		return ERR_OK;
	if ((rc = roll_bulk_members(st, r, e)) || r->n > 0xFFFFFFFFu) {
		/* The ranks are 32-bit: more members go the SQL way (store_roll_bulk). */
		roll_bulk_free(r);
		st->roll = NULL;
		return rc;
	}
	r->sorting = pthread_create(&r->th, NULL, roll_bulk_thread, r) == 0;
	if (!r->sorting)
		roll_bulk_order(r);
	return ERR_OK;
}

enum err_code store_roll_bulk(struct store *st, struct err *e)
{
	static const char put[] = "INSERT INTO roll_block(key, ids) VALUES (?1, ?2)";
	struct roll_bulk *r = st->roll;
	sqlite3_stmt *p = NULL;
	unsigned char *buf = NULL;
	uint64_t *ids = NULL;
	size_t i, j, cap = 0;
	enum err_code rc;

	if (!r)
		return store_roll_rebuild(st, e);
	if (!r->ready && !r->sorting && (rc = store_roll_bulk_begin(st, e)))
		return rc;
	if (!(r = st->roll))
		return store_roll_rebuild(st, e);
	if (r->sorting) {
		pthread_join(r->th, NULL);
		r->sorting = 0;
	}
	if ((rc = sq_exec(st,
			  "DELETE FROM roll_word; DELETE FROM roll_block;"
			  "INSERT INTO roll_word(word_id, sort_key, member_id)"
			  " SELECT word_id, sort_key, member_id FROM cadre_rollwords ORDER BY 1, 2, 3",
			  e, "storing the roll's words")))
		goto out;
	/* roll_block: each word's members by id (as store_roll_blocks_rebuild from roll_word). */
	if (sqlite3_prepare_v2(st->db, put, -1, &p, NULL) != SQLITE_OK) {
		rc = sq_db_error(st, e, "storing the roll's words");
		goto out;
	}
	buf = xmalloc(2 << ROLL_BLOCK_BITS);
	for (i = 0; i < r->np && !rc; i = j) {
		uint64_t w = r->pairs[i] >> 32;
		size_t n = 0;

		for (j = i; j < r->np && r->pairs[j] >> 32 == w; j++) {
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				ids = xrealloc(ids, cap * sizeof *ids);
			}
			ids[n++] = (uint64_t)r->ids[r->pairs[j] & 0xFFFFFFFFu];
		}
		sort_u64(ids, n);
		rc = roll_blocks_put(st, p, (int64_t)w, ids, n, buf, e);
	}
out:
	sqlite3_finalize(p);
	free(buf);
	free(ids);
	roll_bulk_free(st->roll);
	st->roll = NULL;
	return rc;
}

/* One dictionary word's list in list order, read a row at a time. */
struct roll_cursor {
	sqlite3_stmt *s;
	const unsigned char *key;
	int klen, done;
	int64_t id;
};

static int roll_cursor_next(struct store *st, struct roll_cursor *c, struct err *e)
{
	int rc = sqlite3_step(c->s);

	if (rc == SQLITE_ROW) {
		c->key = sqlite3_column_blob(c->s, 0);
		c->klen = sqlite3_column_bytes(c->s, 0);
		c->id = sqlite3_column_int64(c->s, 1);
		return 0;
	}
	c->done = 1;
	if (rc != SQLITE_DONE) {
		sq_db_error(st, e, "searching names");
		return -1;
	}
	return 0;
}

/* List order: the key as SQLite orders blobs (bytes, then length), then the id. */
static int roll_cmp(const struct roll_cursor *a, const struct roll_cursor *b)
{
	int n = a->klen < b->klen ? a->klen : b->klen;
	int c = memcmp(a->key, b->key, (size_t)n);

	if (c)
		return c;
	if (a->klen != b->klen)
		return a->klen < b->klen ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Whether [pre, last] holds every organisation of the tree (the whole roll). */
static enum err_code scope_whole(struct store *st, long pre, long last, int *whole,
				 struct err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM org WHERE parent_id IS NULL AND pre IS NOT NULL"
		" AND (pre < ?1 OR last > ?2)";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	rc = sqlite3_step(s);
	*whole = rc == SQLITE_ROW && sqlite3_column_int64(s, 0) == 0;
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : sq_db_error(st, e, "searching names");
}

/* ---- searching members --------------------------------------------------------------- */

/* The members a query word can be: the ids of its dictionary words and their sum of n. */
struct qword {
	const struct search_word *w;
	int64_t *ids, *ns; /* its dictionary words and how many members have each */
	size_t nids;
	long long n;
};

static enum err_code qword_ids(struct store *st, struct qword *q, struct err *e)
{
	static const char *const sql[2][2] = {
		{"SELECT id, n FROM name_word WHERE folded = ?1 AND n > 0",
		 "SELECT id, n FROM name_word WHERE folded >= ?1 AND folded < ?1 || char(1114111)"
		 " AND n > 0"},
		{"SELECT id, n FROM name_word WHERE word = ?1 AND n > 0",
		 "SELECT id, n FROM name_word WHERE word >= ?1 AND word < ?1 || char(1114111)"
		 " AND n > 0"},
	};
	sqlite3_stmt *s = sq_prep(st, sql[q->w->accented ? 1 : 0][q->w->prefix ? 1 : 0], e);
	size_t cap = 0;
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, q->w->text);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (q->nids == cap) {
			cap = cap ? cap * 2 : 16;
			q->ids = xrealloc(q->ids, cap * sizeof *q->ids);
			q->ns = xrealloc(q->ns, cap * sizeof *q->ns);
		}
		q->ns[q->nids] = sqlite3_column_int64(s, 1);
		q->ids[q->nids++] = sqlite3_column_int64(s, 0);
		q->n += sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "searching names");
}

struct idset {
	int64_t *v;
	size_t n, cap;
};

static void idset_add(struct idset *s, int64_t id)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, s->cap * sizeof *s->v);
	}
	s->v[s->n++] = id;
}

/* The members of q's words, sorted and without repeats, into out (reset first). */
static enum err_code qword_members(struct store *st, const struct qword *q, struct idset *out,
				   struct err *e)
{
	static const char sql[] = "SELECT member_id FROM member_word WHERE word_id = ?1";
	size_t i, k, *run = xmalloc((q->nids + 1) * sizeof *run), nrun = 0;
	int64_t *tmp;
	int rc;

	out->n = 0;
	for (i = 0; i < q->nids; i++) {
		sqlite3_stmt *s = sq_prep(st, sql, e);

		if (!s) {
			free(run);
			return e->code;
		}
		run[nrun++] = out->n;
		sqlite3_bind_int64(s, 1, q->ids[i]);
		while ((rc = sqlite3_step(s)) == SQLITE_ROW)
			idset_add(out, sqlite3_column_int64(s, 0));
		sq_done(st, s);
		if (rc != SQLITE_DONE) {
			free(run);
			return sq_db_error(st, e, "searching names");
		}
	}
	run[nrun] = out->n;
	/* Each word's list comes sorted by member (the key's order): merge the runs pairwise,
	 * then drop the members found under two forms of the word. */
	tmp = nrun > 1 ? xmalloc(out->n * sizeof *tmp + 1) : NULL;
	while (nrun > 1) {
		size_t r, m = 0;

		for (r = 0; r < nrun; r += 2) {
			size_t a = run[r], ae = run[r + 1], b = ae;
			size_t be = r + 2 <= nrun ? run[r + 2] : ae, o = a;

			while (a < ae && b < be)
				tmp[o++] = out->v[a] <= out->v[b] ? out->v[a++] : out->v[b++];
			while (a < ae)
				tmp[o++] = out->v[a++];
			while (b < be)
				tmp[o++] = out->v[b++];
			run[m++] = run[r];
		}
		run[m] = out->n;
		memcpy(out->v, tmp, out->n * sizeof *tmp);
		nrun = m;
	}
	free(tmp);
	free(run);
	for (i = k = 0; i < out->n; i++)
		if (k == 0 || out->v[i] != out->v[k - 1])
			out->v[k++] = out->v[i];
	out->n = k;
	return ERR_OK;
}

/* Keep in a the members also in b (both sorted). */
static void idset_and(struct idset *a, const struct idset *b)
{
	size_t i = 0, j = 0, k = 0;

	while (i < a->n && j < b->n) {
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else {
			a->v[k++] = a->v[i];
			i++;
			j++;
		}
	}
	a->n = k;
}

/* Whether member id has one of q's words (for a few candidates against a long list). */
static enum err_code qword_has(struct store *st, const struct qword *q, int64_t id, int *has,
			       struct err *e)
{
	static const char sql[] = "SELECT 1 FROM member_word WHERE word_id = ?1 AND member_id = ?2";
	size_t i;
	int rc;

	*has = 0;
	for (i = 0; i < q->nids && !*has; i++) {
		sqlite3_stmt *s = sq_prep(st, sql, e);

		if (!s)
			return e->code;
		sqlite3_bind_int64(s, 1, q->ids[i]);
		sqlite3_bind_int64(s, 2, id);
		rc = sqlite3_step(s);
		sq_done(st, s);
		if (rc == SQLITE_ROW)
			*has = 1;
		else if (rc != SQLITE_DONE)
			return sq_db_error(st, e, "searching names");
	}
	return ERR_OK;
}

/* The pre-order numbers of the organisations of the candidates, looked up once each: namesakes
 * share organisations far more often than not. */
struct pre_cache {
	struct pre_slot {
		int64_t org_id;
		long pre; /* 0: not in the tree (dissolved) */
	} *slot;
	size_t cap, n;
};

static enum err_code org_pre_of(struct store *st, struct pre_cache *c, int64_t org_id,
				long *pre, struct err *e)
{
	static const char sql[] = "SELECT coalesce(pre, 0) FROM org WHERE id = ?1";
	sqlite3_stmt *s;
	size_t h;

	if ((c->n + 1) * 2 > c->cap) {
		struct pre_slot *old = c->slot;
		size_t oldcap = c->cap, i;

		c->cap = c->cap ? c->cap * 2 : 1024;
		c->slot = xcalloc(c->cap, sizeof *c->slot);
		for (i = 0; i < oldcap; i++) {
			if (!old[i].org_id)
				continue;
			h = (size_t)((uint64_t)old[i].org_id * 0x9E3779B97F4A7C15ULL) & (c->cap - 1);
			while (c->slot[h].org_id)
				h = (h + 1) & (c->cap - 1);
			c->slot[h] = old[i];
		}
		free(old);
	}
	h = (size_t)((uint64_t)org_id * 0x9E3779B97F4A7C15ULL) & (c->cap - 1);
	while (c->slot[h].org_id) {
		if (c->slot[h].org_id == org_id) {
			*pre = c->slot[h].pre;
			return ERR_OK;
		}
		h = (h + 1) & (c->cap - 1);
	}
	if (!(s = sq_prep(st, sql, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	*pre = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	c->slot[h].org_id = org_id;
	c->slot[h].pre = *pre;
	c->n++;
	return ERR_OK;
}

static int cmp_qword(const void *x, const void *y)
{
	const struct qword *a = x, *b = y;

	return a->n < b->n ? -1 : a->n > b->n;
}

/* Whether one of the words of name (split as vname_words splits) is w, or begins with it
 * when prefix. */
static int has_word(const char *name, const char *w, int prefix)
{
	size_t wl = strlen(w), k;
	const char *p = name, *s;

	while (*p) {
		while ((k = vname_word_sep(p)) > 0)
			p += k;
		if (!*p)
			break;
		s = p;
		while (*p && !vname_word_sep(p))
			p++;
		if ((size_t)(p - s) >= wl && memcmp(s, w, wl) == 0 &&
		    (prefix || (size_t)(p - s) == wl))
			return 1;
	}
	return 0;
}

struct lower_ctx {
	struct buf *out;
};

static void lower_join(void *ctx, const char *raw, size_t rawlen, const char *lower,
		       const char *folded)
{
	struct lower_ctx *c = ctx;

	(void)raw;
	(void)rawlen;
	(void)folded;
	if (c->out->len)
		buf_addc(c->out, ' ');
	buf_adds(c->out, lower);
}

/* Whether the folded name has every word (by its folded form). */
static int folded_matches(const struct search_word *w, size_t n, const char *folded)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!has_word(folded, w[i].folded, w[i].prefix))
			return 0;
	return 1;
}

/* Whether the full name has every accented word with those accents. */
static int accents_match(const struct search_word *w, size_t n, const char *full)
{
	struct buf lower;
	struct lower_ctx c = {&lower};
	size_t i;
	int ok = 1;

	buf_init(&lower, 0);
	vname_words(full, lower_join, &c);
	for (i = 0; i < n && ok; i++)
		if (w[i].accented && !has_word(buf_str(&lower), w[i].text, w[i].prefix))
			ok = 0;
	buf_cleanup(&lower);
	return ok;
}

/* Add a member's list key to v[*nv] (v has room). */
static void keyed_add(struct keyed *v, size_t *nv, struct buf *arena, const unsigned char *k,
		      int kl, int64_t id)
{
	uint64_t pfx = 0;
	int b;

	for (b = 0; b < 8; b++)
		pfx = pfx << 8 | (b < kl ? k[b] : 0);
	v[*nv].prefix = pfx;
	v[*nv].off = (uint32_t)arena->len;
	v[*nv].len = (uint32_t)kl;
	v[*nv].id = id;
	buf_add(arena, k, (size_t)kl);
	(*nv)++;
}

/* A small scope: its members read from the covering index member_roll and matched here,
 * cheaper than the words' lists of the whole roll. */
static enum err_code scope_scan(struct store *st, long pre, long last,
				const struct search_word *w, size_t nw, struct keyed **vp,
				size_t *nvp, struct buf *arena, struct err *e)
{
	static const char sql[] =
		"SELECT m.sort_key, m.id, m.folded FROM org o CROSS JOIN member m ON m.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND m.status IN " ACTIVE_STATUSES;
	static const char full[] = "SELECT full_name FROM member WHERE id = ?1";
	struct keyed *v = NULL;
	size_t nv = 0, cap = 0, i;
	int accents = 0, step;
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	for (i = 0; i < nw; i++)
		accents |= w[i].accented;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((step = sqlite3_step(s)) == SQLITE_ROW) {
		const char *f = (const char *)sqlite3_column_text(s, 2);

		if (!f || !folded_matches(w, nw, f))
			continue;
		if (nv == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		keyed_add(v, &nv, arena, sqlite3_column_blob(s, 0), sqlite3_column_bytes(s, 0),
			  sqlite3_column_int64(s, 1));
	}
	sq_done(st, s);
	if (step != SQLITE_DONE) {
		free(v);
		return sq_db_error(st, e, "searching names");
	}
	if (accents) {
		/* The accents typed: checked on the full names of the few folded matches. */
		size_t k = 0;

		for (i = 0; i < nv; i++) {
			sqlite3_stmt *g = sq_prep(st, full, e);
			int keep = 0;

			if (!g) {
				free(v);
				return e->code;
			}
			sqlite3_bind_int64(g, 1, v[i].id);
			if (sqlite3_step(g) == SQLITE_ROW)
				keep = accents_match(w, nw, (const char *)sqlite3_column_text(g, 0));
			sq_done(st, g);
			if (keep)
				v[k++] = v[i];
		}
		nv = k;
	}
	*vp = v;
	*nvp = nv;
	return ERR_OK;
}

static int cmp_keyed_search(const void *x, const void *y, void *keys)
{
	const struct keyed *a = x, *b = y;
	size_t n;
	int c;

	if (a->prefix != b->prefix)
		return a->prefix < b->prefix ? -1 : 1;
	n = a->len < b->len ? a->len : b->len;
	c = memcmp((const char *)keys + a->off, (const char *)keys + b->off, n);
	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* The page [offset, end_at) of the nv found in v, sorted in list order (cmp_keyed_search,
 * keys in the arena at keys), each member read and given to cb until it asks to stop. */
static enum err_code keyed_page(struct store *st, struct keyed *v, size_t nv, char *keys,
				size_t offset, size_t end_at, store_member_cb cb, void *ctx,
				struct err *e)
{
	enum err_code rc;
	size_t i;

	qsort_r(v, nv, sizeof *v, cmp_keyed_search, keys);
	for (i = offset; i < end_at; i++) {
		struct member m;

		if ((rc = store_member_get(st, v[i].id, &m, e)))
			return rc;
		if (cb(ctx, &m))
			break;
	}
	return ERR_OK;
}

/* A set of member ids as a bitmap: bit id of w. */
struct bitset {
	uint64_t *w;
	size_t nw;
};

static void bitset_room(struct bitset *b, size_t nw)
{
	if (nw <= b->nw)
		return;
	if (nw < 2 * b->nw)
		nw = 2 * b->nw; /* block by block: grown in doublings, not a copy a block */
	b->w = xrealloc(b->w, nw * sizeof *b->w);
	memset(b->w + b->nw, 0, (nw - b->nw) * sizeof *b->w);
	b->nw = nw;
}

static int bitset_has(const struct bitset *b, int64_t id)
{
	size_t i = (size_t)id >> 6;

	return i < b->nw && (b->w[i] >> (id & 63) & 1);
}

/* Bits set in x (without the processor's instruction, which the build does not assume). */
static unsigned popcount64(uint64_t x)
{
	x -= (x >> 1) & 0x5555555555555555ULL;
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (unsigned)((x * 0x0101010101010101ULL) >> 56);
}

/* Word w's members on a roll, from its blocks, added to out. */
static enum err_code roll_bits_read(struct store *st, int64_t w, struct bitset *out,
				    struct err *e)
{
	static const char sql[] = "SELECT key, ids FROM roll_block WHERE key BETWEEN ?1 AND ?2";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, w << 24);
	sqlite3_bind_int64(s, 2, w << 24 | ROLL_BLOCK_MASK);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		uint64_t base = (uint64_t)(sqlite3_column_int64(s, 0) & ROLL_BLOCK_MASK)
				<< ROLL_BLOCK_BITS;
		const unsigned char *v = sqlite3_column_blob(s, 1);
		size_t n = (size_t)sqlite3_column_bytes(s, 1) / 2, k;

		bitset_room(out, (size_t)((base >> 6) + (1u << (ROLL_BLOCK_BITS - 6))));
		for (k = 0; k < n; k++) {
			uint64_t id = base | (uint64_t)(v[2 * k] | v[2 * k + 1] << 8);

			out->w[id >> 6] |= 1ULL << (id & 63);
		}
	}
	sq_done(st, s);
	return rc == SQLITE_DONE ? ERR_OK : sq_db_error(st, e, "searching names");
}

/* ---- the server's shared copies of the long lists --------------------------------------- */

/* A word this many members have (name_word.n) has its lists kept: shorter lists are read
 * from the database about as fast as a copy is used (nationally a bitmap is 700 KB, a list
 * of 16,384 members 32 KB of blocks). */
#define ROLL_CACHE_MIN 16384
/* A list in order is kept from a sixteenth of that: 4 bytes a member, where a walk of it in
 * the database reads its 36-byte keys (a form "hưng" of 15,000 members was walked to its
 * end for "van hung": its first Văn lie past the other middle names). */
#define ROLL_ORDER_SHARE 16
/* A page of the whole roll is made by reading the list keys of those found only when they
 * are this many or fewer: more are found faster off the kept lists (roll_page_by_lists). */
#define ROLL_READ_KEYS_SERVER 100

/* What is kept of a word: its members as a bitmap (for counting), or their ids in list
 * order (for a page). */
enum { ROLL_BITS, ROLL_ORDER, ROLL_KINDS };

struct roll_data {
	int refs; /* the cache's own while it keeps it, and one a search using it */
	size_t n, bytes; /* 64-bit words of the bitmap, or ids in order */
	void *p;         /* uint64_t bits, or uint32_t ids */
};

struct roll_cached {
	int64_t word_id, gen; /* the word and the version of its lists the copy holds */
	int kind;
	struct roll_data *d;
	unsigned long long used; /* the cache's tick at its last use */
};

struct roll_cache {
	pthread_mutex_t mu;
	struct roll_cached *v;
	size_t n, cap, bytes, budget;
	unsigned long long tick;
	long long hits, builds;
	long min, keys_max; /* ROLL_CACHE_MIN and ROLL_READ_KEYS_SERVER, unless tuned */
};

struct roll_cache *store_roll_cache_new(size_t budget)
{
	struct roll_cache *c = xcalloc(1, sizeof *c);

	pthread_mutex_init(&c->mu, NULL);
	c->budget = budget;
	c->min = ROLL_CACHE_MIN;
	c->keys_max = ROLL_READ_KEYS_SERVER;
	return c;
}

void store_roll_cache_tune(struct roll_cache *c, long min_members, long keys_max)
{
	c->min = min_members;
	c->keys_max = keys_max;
}

static void roll_data_unref(struct roll_data *d)
{
	if (d && --d->refs == 0) {
		free(d->p);
		free(d);
	}
}

void store_roll_cache_free(struct roll_cache *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->n; i++)
		roll_data_unref(c->v[i].d);
	free(c->v);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

void store_roll_cache_use(struct store *st, struct roll_cache *c)
{
	st->roll_cache = c;
}

void store_roll_cache_stats(struct roll_cache *c, long long *hits, long long *builds, long *kept)
{
	pthread_mutex_lock(&c->mu);
	*hits = c->hits;
	*builds = c->builds;
	*kept = (long)c->n;
	pthread_mutex_unlock(&c->mu);
}

/* Let go of entry i (its data lives on while a search still uses it). */
static void roll_cache_drop(struct roll_cache *c, size_t i)
{
	c->bytes -= c->v[i].d->bytes;
	roll_data_unref(c->v[i].d);
	c->v[i] = c->v[--c->n];
}

/* Word w's copy of kind at version gen, held for the caller (roll_cache_done), or NULL. */
static struct roll_data *roll_cache_get(struct roll_cache *c, int kind, int64_t w, int64_t gen)
{
	struct roll_data *d = NULL;
	size_t i;

	pthread_mutex_lock(&c->mu);
	for (i = 0; i < c->n; i++)
		if (c->v[i].word_id == w && c->v[i].kind == kind)
			break;
	if (i < c->n && c->v[i].gen == gen) {
		d = c->v[i].d;
		d->refs++;
		c->v[i].used = ++c->tick;
		c->hits++;
	}
	pthread_mutex_unlock(&c->mu);
	return d;
}

static void roll_cache_done(struct roll_cache *c, struct roll_data *d)
{
	pthread_mutex_lock(&c->mu);
	roll_data_unref(d);
	pthread_mutex_unlock(&c->mu);
}

/* Keep p (n items, bytes long; c takes it) as word w's copy of kind at version gen, letting
 * go of the least recently used beyond the budget; held for the caller (roll_cache_done). */
static struct roll_data *roll_cache_put(struct roll_cache *c, int kind, int64_t w, int64_t gen,
					void *p, size_t n, size_t bytes)
{
	struct roll_data *d = xcalloc(1, sizeof *d);
	size_t i;

	d->refs = 1;
	d->p = p;
	d->n = n;
	d->bytes = bytes;
	pthread_mutex_lock(&c->mu);
	c->builds++;
	for (i = 0; i < c->n; i++)
		if (c->v[i].word_id == w && c->v[i].kind == kind) {
			roll_cache_drop(c, i); /* out of date, or built meanwhile by another */
			break;
		}
	while (c->n && c->bytes + bytes > c->budget) {
		size_t old = 0;

		for (i = 1; i < c->n; i++)
			if (c->v[i].used < c->v[old].used)
				old = i;
		roll_cache_drop(c, old);
	}
	if (bytes <= c->budget) {
		if (c->n == c->cap) {
			c->cap = c->cap ? 2 * c->cap : 32;
			c->v = xrealloc(c->v, c->cap * sizeof *c->v);
		}
		c->v[c->n].word_id = w;
		c->v[c->n].gen = gen;
		c->v[c->n].kind = kind;
		c->v[c->n].d = d;
		c->v[c->n].used = ++c->tick;
		c->n++;
		c->bytes += bytes;
		d->refs++;
	}
	pthread_mutex_unlock(&c->mu);
	return d;
}

/* The version of word w's lists (roll_gen; 0 before their first change). */
static enum err_code roll_gen_of(struct store *st, int64_t w, int64_t *gen, struct err *e)
{
	static const char sql[] = "SELECT gen FROM roll_gen WHERE word_id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, w);
	rc = sqlite3_step(s);
	*gen = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? ERR_OK
						      : sq_db_error(st, e, "searching names");
}

/* Word w's members in list order as ids of 32 bits into *ids, *n (NULL when an id is
 * larger: the list is then walked in the database). */
static enum err_code roll_order_read(struct store *st, int64_t w, uint32_t **ids, size_t *n,
				     struct err *e)
{
	static const char sql[] =
		"SELECT member_id FROM roll_word WHERE word_id = ?1 ORDER BY sort_key, member_id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	size_t cap = 0;
	int rc;

	*ids = NULL;
	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, w);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id < 0 || id > (int64_t)UINT32_MAX) {
			free(*ids);
			*ids = NULL;
			*n = 0;
			sq_done(st, s);
			return ERR_OK;
		}
		if (*n == cap) {
			cap = cap ? 2 * cap : 1024;
			*ids = xrealloc(*ids, cap * sizeof **ids);
		}
		(*ids)[(*n)++] = (uint32_t)id;
	}
	sq_done(st, s);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		return sq_db_error(st, e, "searching names");
	}
	return ERR_OK;
}

/* Word w's copy of kind, from the cache at the word's present version or built and kept;
 * *d NULL when it cannot be had (a list with ids past 32 bits). The version is read before
 * the lists: a change between the two moves it on, so a copy is never kept under a version
 * it does not hold. */
static enum err_code roll_cached_get(struct store *st, int kind, int64_t w,
				     struct roll_data **d, struct err *e)
{
	int64_t gen;

	*d = NULL;
	if (roll_gen_of(st, w, &gen, e))
		return e->code;
	if ((*d = roll_cache_get(st->roll_cache, kind, w, gen)))
		return ERR_OK;
	if (kind == ROLL_BITS) {
		struct bitset b = {0};

		if (roll_bits_read(st, w, &b, e)) {
			free(b.w);
			return e->code;
		}
		*d = roll_cache_put(st->roll_cache, kind, w, gen, b.w, b.nw, b.nw * sizeof *b.w);
	} else {
		uint32_t *ids;
		size_t n;

		if (roll_order_read(st, w, &ids, &n, e))
			return e->code;
		if (ids || !n)
			*d = roll_cache_put(st->roll_cache, kind, w, gen, ids, n, n * sizeof *ids);
	}
	return ERR_OK;
}

/* The members on a roll with one of q's dictionary words into out (empty first): a long
 * list's bitmap from the shared cache (roll_cached_get), the others from their blocks. */
static enum err_code roll_bits(struct store *st, const struct qword *q, struct bitset *out,
			       struct err *e)
{
	size_t i, j;

	for (i = 0; i < q->nids; i++) {
		struct roll_data *d;
		const uint64_t *w;

		if (!st->roll_cache || q->ns[i] < st->roll_cache->min) {
			if (roll_bits_read(st, q->ids[i], out, e))
				return e->code;
			continue;
		}
		if (roll_cached_get(st, ROLL_BITS, q->ids[i], &d, e))
			return e->code;
		w = d->p;
		bitset_room(out, d->n);
		for (j = 0; j < d->n; j++)
			out->w[j] |= w[j];
		roll_cache_done(st->roll_cache, d);
	}
	return ERR_OK;
}

/* Up to this many found, a page of the whole roll is made by reading their list keys. */
#define ROLL_READ_KEYS_MAX 5000

/* The page [offset, offset + limit) of the members of found in list order, from their keys
 * (each member's row read for its key). */
static enum err_code roll_page_by_keys(struct store *st, const struct bitset *found,
				       long offset, long limit, store_member_cb cb, void *ctx,
				       struct err *e)
{
	static const char key[] = "SELECT sort_key FROM member WHERE id = ?1";
	struct keyed *v = NULL;
	size_t nv = 0, cap = 0, i, end_at;
	struct buf arena;
	enum err_code rc = ERR_OK;

	buf_init(&arena, 0);
	for (i = 0; i < found->nw; i++) {
		uint64_t w = found->w[i];

		while (w) {
			int64_t id = (int64_t)(i << 6) + __builtin_ctzll(w);
			sqlite3_stmt *s = sq_prep(st, key, e);
			int step;

			w &= w - 1;
			if (!s) {
				rc = e->code;
				goto out;
			}
			sqlite3_bind_int64(s, 1, id);
			step = sqlite3_step(s);
			if (step == SQLITE_ROW) {
				if (nv == cap) {
					cap = cap ? cap * 2 : 256;
					v = xrealloc(v, cap * sizeof *v);
				}
				keyed_add(v, &nv, &arena, sqlite3_column_blob(s, 0),
					  sqlite3_column_bytes(s, 0), id);
			}
			sq_done(st, s);
			if (step != SQLITE_ROW && step != SQLITE_DONE) {
				rc = sq_db_error(st, e, "searching names");
				goto out;
			}
		}
	}
	end_at = limit < 0 ? nv : (size_t)offset + (size_t)limit;
	if (end_at > nv)
		end_at = nv;
	if ((size_t)offset >= end_at)
		goto out;
	rc = keyed_page(st, v, nv, arena.s, (size_t)offset, end_at, cb, ctx, e);
out:
	free(v);
	buf_cleanup(&arena);
	return rc;
}

/* Ids up to this are searched through the roll's lists: their bitmaps are sized by the
 * largest id (16 MiB a word at most) and the kept lists hold ids in 4 bytes. Ids are
 * dense as SQLite gives them (5.6 million nationally); a file may give any id. */
#define ROLL_DENSE_ID_MAX ((1LL << 27) - 1)

/* Whether the whole roll can be searched through its lists: every id at most
 * ROLL_DENSE_ID_MAX. Ids above PAIR_ID_MAX are kept in roll_word but not in roll_block, and
 * a bitmap of ids in the billions would be an allocation sized by a value of the input
 * (issue 9, item 18): while such a member exists the whole roll is searched the subtree's
 * way. */
static enum err_code roll_usable(struct store *st, int *usable, struct err *e)
{
	sqlite3_stmt *s = sq_prep(st, "SELECT max(id) FROM member", e);
	int rc;

	if (!s)
		return e->code;
	rc = sqlite3_step(s);
	*usable = rc == SQLITE_ROW && sqlite3_column_int64(s, 0) <= ROLL_DENSE_ID_MAX;
	sq_done(st, s);
	if (rc != SQLITE_ROW)
		return sq_db_error(st, e, "searching names");
	return ERR_OK;
}

static int cmp_i64(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

/* Found on a short list (walked in the database) or on a kept one: its first k members in found, in its order, appended to *v. */
static enum err_code roll_list_first(struct store *st, const struct qword *q, size_t form,
				     const struct bitset *found, size_t k, struct idset *v,
				     struct err *e)
{
	static const char list[] =
		"SELECT member_id FROM roll_word WHERE word_id = ?1 ORDER BY sort_key, member_id";
	size_t got = 0, i;
	struct roll_data *d = NULL;
	sqlite3_stmt *s;
	int rc = SQLITE_DONE;

	if (q->ns[form] >= st->roll_cache->min / ROLL_ORDER_SHARE &&
	    roll_cached_get(st, ROLL_ORDER, q->ids[form], &d, e))
		return e->code;
	if (d) {
		const uint32_t *ids = d->p;

		for (i = 0; i < d->n && got < k; i++)
			if (bitset_has(found, ids[i])) {
				idset_add(v, ids[i]);
				got++;
			}
		roll_cache_done(st->roll_cache, d);
		return ERR_OK;
	}
	if (!(s = sq_prep(st, list, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, q->ids[form]);
	while (got < k && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (bitset_has(found, id)) {
			idset_add(v, id);
			got++;
		}
	}
	sq_done(st, s);
	if (got < k && rc != SQLITE_DONE)
		return sq_db_error(st, e, "searching names");
	return ERR_OK;
}

/* The page [offset, offset + limit) of the members of found (more words than one: the
 * found are spread over the lists), off the rarest word's lists as
 * the server keeps them (roll_cached_get): from each form's list the first offset + limit
 * found, in memory; the page is among them. One form: they are the page, in order; more:
 * their keys read and sorted. Read so, a page costs a walk of the lists in memory, not a
 * row a member found ("pham van minh": 2,561 rows read before) nor a walk of the list in
 * the database to where the first found lies. */
static enum err_code roll_page_by_lists(struct store *st, const struct qword *q,
					const struct bitset *found, long offset, long limit,
					store_member_cb cb, void *ctx, struct err *e)
{
	static const char key[] = "SELECT sort_key FROM member WHERE id = ?1";
	size_t k = (size_t)offset + (size_t)limit, nc, nv = 0, i, j, end_at;
	struct idset cs = {0};
	int64_t *cand;
	struct keyed *v = NULL;
	struct buf arena;
	enum err_code rc = ERR_OK;

	buf_init(&arena, 0);
	for (i = 0; i < q->nids; i++)
		if ((rc = roll_list_first(st, q, i, found, k, &cs, e)))
			goto out;
	cand = cs.v;
	nc = cs.n;
	if (q->nids == 1) {
		for (i = (size_t)offset; i < nc; i++) {
			struct member m;

			if ((rc = store_member_get(st, cand[i], &m, e)))
				goto out;
			if (cb(ctx, &m))
				break;
		}
		goto out;
	}
	/* More forms: the same member may be on two (a name with hùng and hưng). */
	qsort(cand, nc, sizeof *cand, cmp_i64);
	for (i = j = 0; i < nc; i++)
		if (!j || cand[j - 1] != cand[i])
			cand[j++] = cand[i];
	nc = j;
	v = xmalloc((nc ? nc : 1) * sizeof *v);
	for (i = 0; i < nc; i++) {
		sqlite3_stmt *s = sq_prep(st, key, e);
		int step;

		if (!s) {
			rc = e->code;
			goto out;
		}
		sqlite3_bind_int64(s, 1, cand[i]);
		step = sqlite3_step(s);
		if (step == SQLITE_ROW)
			keyed_add(v, &nv, &arena, sqlite3_column_blob(s, 0),
				  sqlite3_column_bytes(s, 0), cand[i]);
		sq_done(st, s);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = sq_db_error(st, e, "searching names");
			goto out;
		}
	}
	end_at = k < nv ? k : nv;
	rc = keyed_page(st, v, nv, arena.s, (size_t)offset, end_at, cb, ctx, e);
out:
	free(cs.v);
	free(v);
	buf_cleanup(&arena);
	return rc;
}

/* The whole roll (docs/search.md): the total from the packed lists of the members on a
 * current roll (roll_block), a bitmap a word intersected and counted, without reading a
 * member's row; the page walked off the rarest word's lists in list order (roll_word),
 * merged, each member kept when it is among those found; then only the rows shown read.
 * q is sorted rarest first. */
static enum err_code roll_find(struct store *st, struct qword *q, size_t nwords, long offset,
			       long limit, long *total, store_member_cb cb, void *ctx,
			       struct err *e)
{
	static const char count[] =
		"SELECT sum(length(ids)) / 2 FROM roll_block WHERE key BETWEEN ?1 AND ?2";
	static const char list[] = "SELECT sort_key, member_id FROM roll_word WHERE word_id = ?1"
				   " ORDER BY sort_key, member_id";
	struct bitset found = {0}, *own = NULL;
	struct roll_data **held = NULL;
	const uint64_t **view = NULL;
	struct roll_cursor *c = NULL;
	int64_t *page = NULL, last_id = 0;
	size_t i, j, npage = 0, live = 0;
	long seen = 0;
	int all = nwords == 1 && q[0].nids == 1; /* every row of the one list is found */
	enum err_code rc = ERR_OK;
	sqlite3_stmt *s;

	if (offset < 0)
		offset = 0;
	if (all) {
		/* One word, one form: its blocks' lengths. */
		if (!(s = sq_prep(st, count, e)))
			return e->code;
		sqlite3_bind_int64(s, 1, q[0].ids[0] << 24);
		sqlite3_bind_int64(s, 2, q[0].ids[0] << 24 | ROLL_BLOCK_MASK);
		*total = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
		sq_done(st, s);
	} else {
		/* Each word's members as a bitmap, intersected, counted. A word of one form
		 * whose bitmap the server keeps is read where it is kept, not copied. */
		long long n = 0;
		size_t nw = SIZE_MAX;

		held = xcalloc(nwords, sizeof *held);
		own = xcalloc(nwords, sizeof *own);
		view = xcalloc(nwords, sizeof *view);
		for (i = 0; i < nwords; i++) {
			if (st->roll_cache && q[i].nids == 1 && q[i].ns[0] >= st->roll_cache->min) {
				if ((rc = roll_cached_get(st, ROLL_BITS, q[i].ids[0], &held[i], e)))
					goto out;
				view[i] = held[i]->p;
				if (held[i]->n < nw)
					nw = held[i]->n;
				continue;
			}
			if ((rc = roll_bits(st, &q[i], &own[i], e)))
				goto out;
			view[i] = own[i].w;
			if (own[i].nw < nw)
				nw = own[i].nw;
		}
		found.nw = nw;
		found.w = xmalloc((nw ? nw : 1) * sizeof *found.w);
		for (j = 0; j < nw; j++) {
			uint64_t x = view[0][j];

			for (i = 1; i < nwords; i++)
				x &= view[i][j];
			found.w[j] = x;
			n += popcount64(x);
		}
		*total = (long)n;
	}
	if (limit == 0 || offset >= *total)
		goto out;
	if (nwords > 1 && st->roll_cache && limit > 0 && !st->search_plan &&
	    *total > st->roll_cache->keys_max) {
		rc = roll_page_by_lists(st, &q[0], &found, offset, limit, cb, ctx, e);
		goto out;
	}
	if (!all && *total <= ROLL_READ_KEYS_MAX && st->search_plan != 3) {
		/* Few found: their keys read and sorted, rather than a walk of the rarest word's
		 * lists, whose first match can lie far down (the lists run by given name, then
		 * middle name: "pham van minh" starts at the Minh whose middle name is Văn). */
		rc = roll_page_by_keys(st, &found, offset, limit, cb, ctx, e);
		goto out;
	}
	/* The page: the rarest word's lists merged in list order. */
	c = xcalloc(q[0].nids, sizeof *c);
	for (i = 0; i < q[0].nids; i++) {
		if (sqlite3_prepare_v2(st->db, list, -1, &c[i].s, NULL) != SQLITE_OK) {
			rc = sq_db_error(st, e, "searching names");
			goto out;
		}
		sqlite3_bind_int64(c[i].s, 1, q[0].ids[i]);
		if (roll_cursor_next(st, &c[i], e)) {
			rc = e->code;
			goto out;
		}
		live += !c[i].done;
	}
	page = xmalloc((size_t)(limit > 0 ? limit : 1) * sizeof *page);
	while (live && (limit < 0 || npage < (size_t)limit)) {
		size_t m = q[0].nids;
		int64_t id;

		for (i = 0; i < q[0].nids; i++)
			if (!c[i].done && (m == q[0].nids || roll_cmp(&c[i], &c[m]) < 0))
				m = i;
		id = c[m].id;
		if (roll_cursor_next(st, &c[m], e)) {
			rc = e->code;
			goto out;
		}
		live -= c[m].done;
		if (id == last_id)
			continue; /* the same member under two forms of the word */
		last_id = id;
		if (!all && !bitset_has(&found, id))
			continue;
		if (seen++ < offset)
			continue;
		if (limit < 0)
			page = xrealloc(page, (npage + 1) * sizeof *page);
		page[npage++] = id;
	}
	for (i = 0; i < npage; i++) {
		struct member m;

		if ((rc = store_member_get(st, page[i], &m, e)))
			goto out;
		if (cb(ctx, &m))
			break;
	}
out:
	for (i = 0; c && i < q[0].nids; i++)
		sqlite3_finalize(c[i].s);
	free(c);
	free(page);
	free(found.w);
	for (i = 0; (held || own) && i < nwords; i++) {
		if (held && held[i])
			roll_cache_done(st->roll_cache, held[i]);
		if (own)
			free(own[i].w);
	}
	free(held);
	free(own);
	free(view);
	return rc;
}

static enum err_code member_find(struct store *st, long pre, long last,
				 const struct search_word *words, size_t nwords, long offset,
				 long limit, long *total, store_member_cb cb, void *ctx,
				 struct err *e)
{
	static const char row[] =
		"SELECT sort_key, org_id FROM member WHERE id = ?1 AND status IN " ACTIVE_STATUSES;
	struct qword *q = xcalloc(nwords ? nwords : 1, sizeof *q);
	struct idset cand = {0}, other = {0};
	struct pre_cache pres = {0};
	struct keyed *v = NULL;
	size_t nv = 0, i, j, end_at;
	struct buf arena;
	enum err_code rc = ERR_OK;

	*total = 0;
	buf_init(&arena, 0);
	for (i = 0; i < nwords; i++) {
		q[i].w = &words[i];
		if ((rc = qword_ids(st, &q[i], e)))
			goto out;
		if (!q[i].nids)
			goto out; /* a word nobody has: nobody */
	}
	if (!nwords)
		goto out;
	/* The rarest word first; each further word narrows the candidates, by its list when
	 * that is not much longer than they are, else by looking each candidate up. */
	qsort(q, nwords, sizeof *q, cmp_qword);
	/* The whole roll: its lists of words in list order (roll_find). */
	if (!st->search_plan || st->search_plan == 3) {
		int whole, usable = 0;

		if ((rc = scope_whole(st, pre, last, &whole, e)))
			goto out;
		if (whole && (rc = roll_usable(st, &usable, e)))
			goto out;
		if (whole && usable) {
			rc = roll_find(st, q, nwords, offset, limit, total, cb, ctx, e);
			goto out;
		}
	}
	/* A scope with fewer members than the rarest word has in the whole roll (about 100
	 * members an organisation) is read whole instead. */
	if (st->search_plan == 1 ||
	    (!st->search_plan && (long long)(last - pre + 1) * SEARCH_MEMBERS_PER_ORG < q[0].n)) {
		if ((rc = scope_scan(st, pre, last, words, nwords, &v, &nv, &arena, e)))
			goto out;
		goto page;
	}
	if (q[0].n > SEARCH_CANDIDATES_MAX) {
		rc = err_add(e, ERR_INPUT, 0, "q", NULL, NULL,
			     "more than %d people have names that match; type more of the name",
			     SEARCH_CANDIDATES_MAX);
		goto out;
	}
	if ((rc = qword_members(st, &q[0], &cand, e)))
		goto out;
	for (i = 1; i < nwords && cand.n; i++) {
		/* A row of a list costs about a twentieth of a lookup (a step of a range scan
		 * against a descent of the b-tree), and a candidate needs a lookup a word. */
		if ((long long)q[i].n <= 20 * (long long)cand.n * (long long)q[i].nids + 1024) {
			if ((rc = qword_members(st, &q[i], &other, e)))
				goto out;
			idset_and(&cand, &other);
		} else {
			size_t k = 0;

			for (j = 0; j < cand.n; j++) {
				int has;

				if ((rc = qword_has(st, &q[i], cand.v[j], &has, e)))
					goto out;
				if (has)
					cand.v[k++] = cand.v[j];
			}
			cand.n = k;
		}
	}
	/* On a current roll within the scope: their list keys, then the page in list order. */
	v = xmalloc((cand.n ? cand.n : 1) * sizeof *v);
	for (i = 0; i < cand.n; i++) {
		sqlite3_stmt *s = sq_prep(st, row, e);
		int step;

		if (!s) {
			rc = e->code;
			goto out;
		}
		sqlite3_bind_int64(s, 1, cand.v[i]);
		step = sqlite3_step(s);
		if (step == SQLITE_ROW) {
			long p = 0;

			if ((rc = org_pre_of(st, &pres, sqlite3_column_int64(s, 1), &p, e))) {
				sq_done(st, s);
				goto out;
			}
			if (p > 0 && p >= pre && p <= last)
				keyed_add(v, &nv, &arena, sqlite3_column_blob(s, 0),
					  sqlite3_column_bytes(s, 0), cand.v[i]);
		}
		sq_done(st, s);
		if (step != SQLITE_ROW && step != SQLITE_DONE) {
			rc = sq_db_error(st, e, "searching names");
			goto out;
		}
	}
page:
	*total = (long)nv;
	if (offset < 0)
		offset = 0;
	end_at = limit < 0 ? nv : (size_t)offset + (size_t)limit;
	if (end_at > nv)
		end_at = nv;
	if ((size_t)offset >= end_at)
		goto out;
	rc = keyed_page(st, v, nv, arena.s, (size_t)offset, end_at, cb, ctx, e);
out:
	for (i = 0; i < nwords; i++) {
		free(q[i].ids);
		free(q[i].ns);
	}
	free(q);
	free(cand.v);
	free(other.v);
	free(pres.slot);
	free(v);
	buf_cleanup(&arena);
	return rc;
}

/* The search in one read transaction (unless the caller has one open): its total and its
 * page from one state of the database, and the connection's page cache checked once against
 * the log, not at each of its statements (in a server, whose every search writes an audit
 * entry, another connection's commit between two statements emptied it). */
enum err_code store_member_find(struct store *st, long pre, long last,
				const struct search_word *words, size_t nwords, long offset,
				long limit, long *total, store_member_cb cb, void *ctx,
				struct err *e)
{
	int own = sqlite3_get_autocommit(st->db) &&
		  sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	enum err_code rc = member_find(st, pre, last, words, nwords, offset, limit, total, cb,
				       ctx, e);

	if (own && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		if (!rc)
			rc = sq_db_error(st, e, "searching names");
	}
	return rc;
}

/* ---- searching organisations --------------------------------------------------------- */

enum err_code store_org_find(struct store *st, long pre, long last, const char *folded,
			     int open_only, long limit, store_org_cb cb, void *ctx, int *more,
			     struct err *e)
{
	/* The rarest word leads (its organisations counted up to 4,000); every word
	 * must begin a word of the name (cadre_match); the nearest the root first, then by
	 * name. */
	static const char sql[] =
		"SELECT DISTINCT o.id FROM org_word w JOIN org o ON o.id = w.org_id"
		" WHERE w.folded >= ?1 AND w.folded < ?1 || char(1114111)"
		" AND o.pre BETWEEN ?2 AND ?3 AND cadre_match(o.folded, ?4)"
		" AND (?5 = 0 OR o.dissolved IS NULL)"
		" ORDER BY o.depth, o.folded, o.code LIMIT ?6";
	static const char by_order[] =
		"SELECT id FROM org INDEXED BY org_find WHERE ?1 = ?1 AND pre BETWEEN ?2 AND ?3"
		" AND cadre_match(folded, ?4) AND (?5 = 0 OR dissolved IS NULL)"
		" ORDER BY depth, folded, code LIMIT ?6";
	static const char count[] =
		"SELECT count(*) FROM (SELECT 1 FROM org_word WHERE folded >= ?1"
		" AND folded < ?1 || char(1114111) LIMIT 4000)";
	const char *p = folded;
	long bestn = -1;
	char lead[VNAME_MAX + 1], word[VNAME_MAX + 1];
	sqlite3_stmt *s;
	int64_t *ids = NULL;
	size_t n = 0, i;
	int rc;

	*more = 0;
	lead[0] = 0;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t k = sp ? (size_t)(sp - p) : strlen(p);
		long c;

		if (k <= VNAME_MAX) {
			memcpy(word, p, k);
			word[k] = 0;
			if (!(s = sq_prep(st, count, e)))
				return e->code;
			sq_bind_text(s, 1, word);
			c = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
			sq_done(st, s);
			if (bestn < 0 || c < bestn) {
				bestn = c;
				memcpy(lead, word, k + 1);
			}
		}
		p += k;
		while (*p == ' ')
			p++;
	}
	if (!lead[0] || bestn == 0)
		return ERR_OK;
	/* Every word common ("co quan"): the organisations in the order shown, until enough
	 * match, rather than every one with the rarest word sorted. */
	if (bestn >= 4000)
		s = sq_prep(st, by_order, e);
	else
		s = sq_prep(st, sql, e);
	if (!s)
		return e->code;
	sq_bind_text(s, 1, lead);
	sqlite3_bind_int64(s, 2, pre);
	sqlite3_bind_int64(s, 3, last);
	sq_bind_text(s, 4, folded);
	sqlite3_bind_int(s, 5, open_only);
	sqlite3_bind_int64(s, 6, limit + 1);
	ids = xmalloc((size_t)(limit + 1) * sizeof *ids);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	if (rc != SQLITE_DONE) {
		free(ids);
		return sq_db_error(st, e, "searching organisations");
	}
	if ((long)n > limit) {
		*more = 1;
		n = (size_t)limit;
	}
	for (i = 0; i < n; i++) {
		struct org o;

		if (store_org_by_id(st, ids[i], &o, e))
			break;
		if (cb(ctx, &o))
			break;
	}
	free(ids);
	return e->code;
}
