/* store_fig.c - the counters behind the figures (core/fig.h), reviews, discipline records,
 * emulation models (their versions) and ratings. The counters are kept by triggers (schema.c)
 * calling the functions registered here, so every change of a member, a review or a
 * discipline record updates them in its own transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/member.h"
#include "../core/review.h"
#include "../lib/mem.h"
#include "schema.h"
#include "store_int.h"

/* ---- the SQL functions the triggers call -------------------------------------------- */

/* Apply delta to each of keys in the blob argv[0]; the result is the new blob. */
static void fig_result(sqlite3_context *ctx, sqlite3_value *blob, long delta,
		       const uint32_t *keys, size_t nkeys)
{
	struct fig_map m;
	unsigned char *out;
	size_t i, len;

	fig_map_init(&m);
	if (fig_decode(sqlite3_value_blob(blob), (size_t)sqlite3_value_bytes(blob), &m)) {
		fig_map_cleanup(&m);
		sqlite3_result_error(ctx, "the figures' counters are damaged; run 'cadre db refigure'",
				     -1);
		return;
	}
	for (i = 0; i < nkeys; i++)
		fig_map_add(&m, keys[i], delta);
	out = fig_encode(&m, &len);
	sqlite3_result_blob(ctx, out, (int)len, free);
	fig_map_cleanup(&m);
}

static int value_status(sqlite3_value *v)
{
	enum member_status s;
	const char *t = (const char *)sqlite3_value_text(v);

	return t && !member_status_parse(t, &s) ? (int)s : -1;
}

/* cadre_fig_member(core, delta, status, sex, category) */
static void fn_member(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t keys[4];
	size_t n = fig_member_core(value_status(argv[2]), (const char *)sqlite3_value_text(argv[3]),
				   (const char *)sqlite3_value_text(argv[4]), keys);

	(void)argc;
	fig_result(ctx, argv[0], sqlite3_value_int(argv[1]), keys, n);
}

/* cadre_fig_hist(hist, delta, status, ethnic_id, birth_date, admission_date) */
static void fn_hist(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t keys[4];
	size_t n = fig_member_hist(value_status(argv[2]), sqlite3_value_int(argv[3]),
				   (date_t)sqlite3_value_int(argv[4]),
				   (date_t)sqlite3_value_int(argv[5]), keys);

	(void)argc;
	fig_result(ctx, argv[0], sqlite3_value_int(argv[1]), keys, n);
}

/* cadre_fig_hosted(core, delta, status) */
static void fn_hosted(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t key = FIG_KEY(FD_HOSTED, 0);

	(void)argc;
	fig_result(ctx, argv[0], sqlite3_value_int(argv[1]), &key,
		   fig_counted(value_status(argv[2])) ? 1 : 0);
}

/* cadre_fig_review(core, delta, is_org, grassroots, year, grade) */
static void fn_review(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t keys[2];
	size_t n = fig_review(sqlite3_value_int(argv[2]), sqlite3_value_int(argv[3]),
			      sqlite3_value_int(argv[4]),
			      grade_parse((const char *)sqlite3_value_text(argv[5])), keys);

	(void)argc;
	fig_result(ctx, argv[0], sqlite3_value_int(argv[1]), keys, n);
}

/* cadre_fig_discipline(core, delta, decided_on, is_org) */
static void fn_discipline(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint32_t key = fig_discipline((date_t)sqlite3_value_int(argv[2]),
				      sqlite3_value_int(argv[3]));

	(void)argc;
	fig_result(ctx, argv[0], sqlite3_value_int(argv[1]), &key, 1);
}

void fig_register(sqlite3 *db)
{
	static const struct {
		const char *name;
		int argc;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
		{"cadre_fig_member", 5, fn_member},
		{"cadre_fig_hist", 6, fn_hist},
		{"cadre_fig_hosted", 3, fn_hosted},
		{"cadre_fig_review", 6, fn_review},
		{"cadre_fig_discipline", 4, fn_discipline},
	};
	size_t i;

	for (i = 0; i < sizeof fns / sizeof fns[0]; i++)
		sqlite3_create_function(db, fns[i].name, fns[i].argc,
					SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, fns[i].fn,
					NULL, NULL);
}

/* ---- counting from the records ------------------------------------------------------- */

#define ETHNIC_SLOTS 1024 /* a power of two, well above the 54 ethnic groups */

static unsigned name_hash(const char *s)
{
	unsigned h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* A first load's counters of one organisation, as plain arrays: adding a row is six
 * increments (the sorted maps' searches took a tenth of a national load). Values outside
 * them go to the maps. */
#define DENSE_YEAR0 1900
#define DENSE_YEARS 136
#define DENSE_ETHNIC 64
#define DENSE_CATEGORIES 8
struct dense {
	int32_t used, status[MS__COUNT], sex[2], category[DENSE_CATEGORIES], hosted;
	int32_t birth[DENSE_YEARS], admit[DENSE_YEARS], ethnic[DENSE_ETHNIC];
};

struct fig_acc {
	struct fig_map *core, *hist; /* by organisation id */
	struct dense *dense;         /* by organisation id, a first load only (xcalloc_big) */
	int64_t max_id;
	char (*ethnic)[48];          /* fig_ethnic names by id */
	long nethnic, capethnic;
	long nethnic_stored;         /* a bulk load: ids above this are not in fig_ethnic yet */
	long slot[ETHNIC_SLOTS];     /* open addressing: name hash -> id (0: empty) */
};

static void acc_cleanup(struct fig_acc *a)
{
	int64_t i;

	for (i = 0; a->core && i <= a->max_id; i++) {
		fig_map_cleanup(&a->core[i]);
		fig_map_cleanup(&a->hist[i]);
	}
	if (a->dense)
		xfree_big(a->dense, (size_t)a->max_id + 1, sizeof *a->dense);
	free(a->core);
	free(a->hist);
	free(a->ethnic);
	memset(a, 0, sizeof *a);
}

static void acc_add(struct fig_acc *a, struct fig_map *maps, int64_t org, const uint32_t *keys,
		    size_t n, long delta)
{
	size_t i;

	if (org < 1 || org > a->max_id)
		return;
	for (i = 0; i < n; i++)
		fig_map_add(&maps[org], keys[i], delta);
}

static void ethnic_put(struct fig_acc *a, long id, const char *name, unsigned h)
{
	if (id >= a->capethnic) {
		long cap = a->capethnic ? a->capethnic : 128;

		while (cap <= id)
			cap *= 2;
		a->ethnic = xrealloc(a->ethnic, (size_t)cap * sizeof *a->ethnic);
		memset(a->ethnic + a->capethnic, 0, (size_t)(cap - a->capethnic) * sizeof *a->ethnic);
		a->capethnic = cap;
	}
	snprintf(a->ethnic[id], sizeof a->ethnic[id], "%s", name);
	a->slot[h] = id;
	if (id > a->nethnic)
		a->nethnic = id;
}

/* A name of fig_ethnic as stored, with its id. */
static void ethnic_load(struct fig_acc *a, int64_t id, const char *name)
{
	unsigned h = name_hash(name) & (ETHNIC_SLOTS - 1);

	while (a->slot[h])
		h = (h + 1) & (ETHNIC_SLOTS - 1);
	if (id > 0 && id < ETHNIC_SLOTS / 2)
		ethnic_put(a, (long)id, name, h);
}

/* The id of an ethnicity's name in fig_ethnic, adding it when new (write: may insert). */
static long ethnic_id(struct store *st, struct fig_acc *a, const char *name, int write,
		      struct err *e)
{
	static const char ins[] = "INSERT INTO fig_ethnic(id, name) VALUES (?1, ?2)";
	sqlite3_stmt *s;
	unsigned h = name_hash(name) & (ETHNIC_SLOTS - 1);
	long i;

	/* A national roll names its ethnicities millions of times: look them up by hash. */
	while (a->slot[h]) {
		if (!strcmp(a->ethnic[a->slot[h]], name))
			return a->slot[h];
		h = (h + 1) & (ETHNIC_SLOTS - 1);
	}
	if (a->nethnic + 1 >= ETHNIC_SLOTS / 2) {
		err_set(e, ERR_INPUT, "more than %d different ethnicities: check the ethnicity column",
			ETHNIC_SLOTS / 2 - 1);
		return -1;
	}
	i = ++a->nethnic;
	ethnic_put(a, i, name, h);
	if (!write)
		return i;
	if (!(s = sq_prep(st, ins, e)))
		return -1;
	sqlite3_bind_int64(s, 1, i);
	sq_bind_text(s, 2, name);
	return sq_step_done(st, s, e, "counting the figures") ? -1 : i;
}

/* Empty counters for every organisation, and the ethnicities as stored. */
static enum err_code acc_open(struct store *st, struct fig_acc *a, struct err *e)
{
	static const char maxid[] = "SELECT coalesce(max(id), 0) FROM org";
	static const char eth[] = "SELECT id, name FROM fig_ethnic ORDER BY id";
	sqlite3_stmt *s;

	memset(a, 0, sizeof *a);
	if (!(s = sq_prep(st, maxid, e)))
		return e->code;
	if (sqlite3_step(s) == SQLITE_ROW)
		a->max_id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	a->core = xcalloc((size_t)a->max_id + 1, sizeof *a->core);
	a->hist = xcalloc((size_t)a->max_id + 1, sizeof *a->hist);
	if (!(s = sq_prep(st, eth, e)))
		return e->code;
	while (sqlite3_step(s) == SQLITE_ROW)
		ethnic_load(a, sqlite3_column_int64(s, 0), (const char *)sqlite3_column_text(s, 1));
	sq_done(st, s);
	a->nethnic_stored = a->nethnic;
	return ERR_OK;
}

/* Whether the schema has review_revision yet (migration 7 counts the figures before it). */
static int has_revision_table(struct store *st)
{
	return sqlite3_table_column_metadata(st->db, NULL, "review_revision", "id", NULL, NULL,
					     NULL, NULL, NULL) == SQLITE_OK;
}

static enum err_code acc_load(struct store *st, struct fig_acc *a, int write, struct err *e)
{
	static const char mem[] =
		"SELECT org_id, temp_org_id, status, sex, category, ethnicity, birth_date,"
		" admission_decision_date FROM member WHERE status IN " ACTIVE_STATUSES;
	static const char rev[] =
		"SELECT org_id, member_id IS NULL, grassroots, year, grade, 0 FROM review"
		" WHERE current AND step = 'decision'";
	/* From migration 41 on: a grade flagged for revision and not yet revised counts in its
	 * own bucket (FIG_GRADE_REVISION), as store_review_revision_flag moved it. */
	static const char rev41[] =
		"SELECT org_id, member_id IS NULL, grassroots, year, grade, EXISTS (SELECT 1 FROM"
		" review_revision v WHERE v.review_id = review.id AND v.resolved_on IS NULL)"
		" FROM review WHERE current AND step = 'decision'";
	static const char dis[] = "SELECT org_id, decided_on, member_id IS NULL FROM discipline";
	sqlite3_stmt *s;
	uint32_t keys[4];
	int rc;

	if (acc_open(st, a, e))
		return e->code;
	if (!(s = sq_prep(st, mem, e)))
		return e->code;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int status = value_status(sqlite3_column_value(s, 2));
		long eid = ethnic_id(st, a, (const char *)sqlite3_column_text(s, 5), write, e);
		size_t n;

		if (eid < 0)
			break;
		n = fig_member_core(status, (const char *)sqlite3_column_text(s, 3),
				    (const char *)sqlite3_column_text(s, 4), keys);
		acc_add(a, a->core, sqlite3_column_int64(s, 0), keys, n, 1);
		n = fig_member_hist(status, eid, (date_t)sqlite3_column_int(s, 6),
				    (date_t)sqlite3_column_int(s, 7), keys);
		acc_add(a, a->hist, sqlite3_column_int64(s, 0), keys, n, 1);
		keys[0] = FIG_KEY(FD_HOSTED, 0);
		acc_add(a, a->core, sqlite3_column_int64(s, 1), keys, 1, 1);
	}
	sq_done(st, s);
	if (e->code)
		return e->code;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "counting the figures");
	if (!(s = sq_prep(st, has_revision_table(st) ? rev41 : rev, e)))
		return e->code;
	while (sqlite3_step(s) == SQLITE_ROW) {
		size_t n = fig_review(sqlite3_column_int(s, 1), sqlite3_column_int(s, 2),
				      sqlite3_column_int(s, 3),
				      sqlite3_column_int(s, 5) ? FIG_GRADE_REVISION :
				      grade_parse((const char *)sqlite3_column_text(s, 4)), keys);

		acc_add(a, a->core, sqlite3_column_int64(s, 0), keys, n, 1);
	}
	sq_done(st, s);
	if (!(s = sq_prep(st, dis, e)))
		return e->code;
	while (sqlite3_step(s) == SQLITE_ROW) {
		keys[0] = fig_discipline((date_t)sqlite3_column_int(s, 1), sqlite3_column_int(s, 2));
		acc_add(a, a->core, sqlite3_column_int64(s, 0), keys, 1, 1);
	}
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_fig_rebuild(struct store *st, struct err *e)
{
	static const char ins[] = "INSERT INTO org_fig(org_id, core, hist) VALUES (?1, ?2, ?3)";
	struct fig_acc a;
	int64_t id;
	enum err_code rc;

	if ((rc = sq_exec(st, "DELETE FROM org_fig", e, "counting the figures")) ||
	    (rc = acc_load(st, &a, 1, e))) {
		acc_cleanup(&a);
		return rc;
	}
	for (id = 1; id <= a.max_id && !rc; id++) {
		unsigned char *c, *h;
		size_t lc, lh;
		sqlite3_stmt *s;

		if (!a.core[id].n && !a.hist[id].n)
			continue;
		if (!(s = sq_prep(st, ins, e))) {
			rc = e->code;
			break;
		}
		c = fig_encode(&a.core[id], &lc);
		h = fig_encode(&a.hist[id], &lh);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_blob(s, 2, c, (int)lc, SQLITE_TRANSIENT);
		sqlite3_bind_blob(s, 3, h, (int)lh, SQLITE_TRANSIENT);
		rc = sq_step_done(st, s, e, "storing the figures");
		free(c);
		free(h);
	}
	acc_cleanup(&a);
	return rc;
}

/* ---- a first load counts as it stores ---------------------------------------------------- */

/* The counters of the rows a bulk load stores, kept in memory and written once at its end
 * (the member triggers are dropped meanwhile): no second pass over the table. The loader
 * counts on its reading thread while another stores, so everything SQL is done here,
 * before the rows, and in fig_bulk_flush, after them. */
enum err_code fig_bulk_start(struct store *st, struct err *e)
{
	struct fig_acc *a;

	fig_bulk_forget(st);
	a = st->bulk_figs = xcalloc(1, sizeof *a);
	if (acc_open(st, a, e))
		return e->code;
	/* One table for every organisation, read at random as the rows come. */
	a->dense = xcalloc_big((size_t)a->max_id + 1, sizeof *a->dense);
	return ERR_OK;
}

enum err_code store_member_bulk_count(struct store *st, const struct member *m, struct err *e)
{
	struct fig_acc *a = st->bulk_figs;
	struct dense *d;
	uint32_t keys[4];
	size_t n, i;
	long eid;

	if (!a || !fig_counted((int)m->status) || m->org_id < 1 || m->org_id > a->max_id)
		return ERR_OK;
	/* A new ethnicity gets its id here and its row in fig_ethnic at the end; one too many
	 * fails the load (counting the row under no ethnicity would make the figures lie). */
	eid = ethnic_id(st, a, m->ethnicity, 0, e);
	if (eid < 0)
		return e->code;
	d = &a->dense[m->org_id];
	d->used = 1;
	/* The same keys as fig_member_core and fig_member_hist, counted in place. */
	n = fig_member_core((int)m->status, m->sex, m->category, keys);
	d->status[m->status]++;
	d->sex[FIG_VAL(keys[1]) ? 1 : 0]++;
	d->category[FIG_VAL(keys[2]) & (DENSE_CATEGORIES - 1)]++;
	n = fig_member_hist((int)m->status, eid > 0 ? eid : 0, m->birth_date,
			    m->admission_decision_date, keys);
	for (i = 0; i < n; i++) {
		long v = FIG_VAL(keys[i]);
		int32_t *slot = NULL;

		if (FIG_DIM(keys[i]) == FD_ETHNIC && v < DENSE_ETHNIC)
			slot = &d->ethnic[v];
		else if (FIG_DIM(keys[i]) != FD_ETHNIC && v >= DENSE_YEAR0 &&
			 v < DENSE_YEAR0 + DENSE_YEARS)
			slot = FIG_DIM(keys[i]) == FD_BIRTH_YEAR ? &d->birth[v - DENSE_YEAR0]
								  : &d->admit[v - DENSE_YEAR0];
		if (slot)
			(*slot)++;
		else
			acc_add(a, a->hist, m->org_id, &keys[i], 1, 1);
	}
	if (m->temp_org_id) {
		keys[0] = FIG_KEY(FD_HOSTED, 0);
		acc_add(a, a->core, m->temp_org_id, keys, 1, 1);
	}
	return ERR_OK;
}

/* Move the arrays of organisation id into its maps. */
static void dense_fold(struct fig_acc *a, int64_t id)
{
	struct dense *d = &a->dense[id];
	int i;

	if (!d->used)
		return;
	for (i = 0; i < MS__COUNT; i++)
		fig_map_add(&a->core[id], FIG_KEY(FD_STATUS, i), d->status[i]);
	for (i = 0; i < 2; i++)
		fig_map_add(&a->core[id], FIG_KEY(FD_SEX, i), d->sex[i]);
	for (i = 0; i < DENSE_CATEGORIES; i++)
		fig_map_add(&a->core[id], FIG_KEY(FD_CATEGORY, i), d->category[i]);
	for (i = 0; i < DENSE_ETHNIC; i++)
		fig_map_add(&a->hist[id], FIG_KEY(FD_ETHNIC, i), d->ethnic[i]);
	for (i = 0; i < DENSE_YEARS; i++)
		fig_map_add(&a->hist[id], FIG_KEY(FD_BIRTH_YEAR, DENSE_YEAR0 + i), d->birth[i]);
	for (i = 0; i < DENSE_YEARS; i++)
		fig_map_add(&a->hist[id], FIG_KEY(FD_ADMIT_YEAR, DENSE_YEAR0 + i), d->admit[i]);
	d->used = 0;
}

/* Add the counters gathered by fig_bulk_add to those stored, and forget them. */
enum err_code fig_bulk_flush(struct store *st, struct err *e)
{
	static const char get[] = "SELECT core, hist FROM org_fig WHERE org_id = ?1";
	static const char put[] =
		"INSERT INTO org_fig(org_id, core, hist) VALUES (?1, ?2, ?3)"
		" ON CONFLICT(org_id) DO UPDATE SET core = excluded.core, hist = excluded.hist";
	struct fig_acc *a = st->bulk_figs;
	enum err_code rc = ERR_OK;
	int64_t id;

	if (!a)
		return ERR_OK;
	st->bulk_figs = NULL;
	/* The ethnicities first met in this load. */
	for (id = a->nethnic_stored + 1; id <= a->nethnic && !rc; id++) {
		static const char ins[] = "INSERT INTO fig_ethnic(id, name) VALUES (?1, ?2)";
		sqlite3_stmt *s = sq_prep(st, ins, e);

		if (!s) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		sq_bind_text(s, 2, a->ethnic[id]);
		rc = sq_step_done(st, s, e, "counting the figures");
	}
	for (id = 1; id <= a->max_id && !rc; id++) {
		sqlite3_stmt *s;
		unsigned char *c, *h;
		size_t lc, lh;

		dense_fold(a, id);
		if (!a->core[id].n && !a->hist[id].n)
			continue;
		if (!(s = sq_prep(st, get, e))) {
			rc = e->code;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		if (sqlite3_step(s) == SQLITE_ROW) {
			fig_decode(sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0),
				   &a->core[id]);
			fig_decode(sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1),
				   &a->hist[id]);
		}
		sq_done(st, s);
		if (!(s = sq_prep(st, put, e))) {
			rc = e->code;
			break;
		}
		c = fig_encode(&a->core[id], &lc);
		h = fig_encode(&a->hist[id], &lh);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_blob(s, 2, c, (int)lc, SQLITE_TRANSIENT);
		sqlite3_bind_blob(s, 3, h, (int)lh, SQLITE_TRANSIENT);
		rc = sq_step_done(st, s, e, "storing the figures");
		free(c);
		free(h);
	}
	acc_cleanup(a);
	free(a);
	return rc;
}

void fig_bulk_forget(struct store *st)
{
	if (st->bulk_figs) {
		acc_cleanup(st->bulk_figs);
		free(st->bulk_figs);
		st->bulk_figs = NULL;
	}
}

static int map_equal(const struct fig_map *x, const struct fig_map *y)
{
	size_t i;

	if (x->n != y->n)
		return 0;
	for (i = 0; i < x->n; i++)
		if (x->v[i].key != y->v[i].key || x->v[i].count != y->v[i].count)
			return 0;
	return 1;
}

enum err_code store_fig_verify(struct store *st, long *wrong, struct err *e)
{
	static const char sql[] = "SELECT org_id, core, hist FROM org_fig";
	struct fig_acc a;
	struct fig_map c, h;
	sqlite3_stmt *s;
	char *seen;
	int64_t id;

	*wrong = 0;
	if (acc_load(st, &a, 0, e) || !(s = sq_prep(st, sql, e))) {
		acc_cleanup(&a);
		return e->code;
	}
	seen = xcalloc((size_t)a.max_id + 1, 1);
	fig_map_init(&c);
	fig_map_init(&h);
	while (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
		fig_map_clear(&c);
		fig_map_clear(&h);
		fig_decode(sqlite3_column_blob(s, 1), (size_t)sqlite3_column_bytes(s, 1), &c);
		fig_decode(sqlite3_column_blob(s, 2), (size_t)sqlite3_column_bytes(s, 2), &h);
		if (id < 1 || id > a.max_id) {
			*wrong += c.n || h.n;
			continue;
		}
		seen[id] = 1;
		if (!map_equal(&c, &a.core[id]) || !map_equal(&h, &a.hist[id]))
			(*wrong)++;
	}
	sq_done(st, s);
	for (id = 1; id <= a.max_id; id++)
		if (!seen[id] && (a.core[id].n || a.hist[id].n))
			(*wrong)++;
	free(seen);
	fig_map_cleanup(&c);
	fig_map_cleanup(&h);
	acc_cleanup(&a);
	return ERR_OK;
}

/* ---- reading the counters ------------------------------------------------------------ */

/* The roll-up's walk: no parent, no name, no hist, the core decoded in place. */
enum err_code store_fig_walk_core(struct store *st, long pre, long last, store_fig_core_cb cb,
				  void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT o.id, o.depth, o.code, o.militia, o.self_defence, o.reserve,"
		" o.dissolved IS NOT NULL, f.core"
		" FROM org o LEFT JOIN org_fig f ON f.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY o.pre";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct fig_core_row r;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(s, 0);
		r.depth = sqlite3_column_int(s, 1);
		r.code = (const char *)sqlite3_column_text(s, 2);
		r.militia = sq_col_count(s, 3);
		r.self_defence = sq_col_count(s, 4);
		r.reserve = sq_col_count(s, 5);
		r.dissolved = sqlite3_column_int(s, 6);
		r.core = sqlite3_column_blob(s, 7);
		r.core_len = (size_t)sqlite3_column_bytes(s, 7);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading the figures");
	return ERR_OK;
}

enum err_code store_fig_walk(struct store *st, long pre, long last, int with_hist,
			     store_fig_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT o.id, coalesce(o.parent_id, 0), o.pre, o.last, o.depth, o.code, o.kind,"
		" o.kind = 'grassroots' OR (o.kind = 'cell' AND p.kind = 'committee'),"
		" o.standing_board, o.militia, o.self_defence, o.reserve, o.established,"
		" o.dissolved, f.core, CASE WHEN ?3 THEN f.hist END, o.name"
		" FROM org o LEFT JOIN org p ON p.id = o.parent_id"
		" LEFT JOIN org_fig f ON f.org_id = o.id"
		" WHERE o.pre BETWEEN ?1 AND ?2 ORDER BY o.pre";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct fig_org o;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int(s, 3, with_hist);
	memset(&o, 0, sizeof o);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		fig_map_clear(&o.core);
		fig_map_clear(&o.hist);
		o.id = sqlite3_column_int64(s, 0);
		o.parent_id = sqlite3_column_int64(s, 1);
		o.pre = (long)sqlite3_column_int64(s, 2);
		o.last = (long)sqlite3_column_int64(s, 3);
		o.depth = sqlite3_column_int(s, 4);
		sq_col_copy(s, 5, o.code, sizeof o.code);
		org_kind_parse((const char *)sqlite3_column_text(s, 6), &o.kind);
		o.grassroots = sqlite3_column_int(s, 7);
		o.standing_board = sqlite3_column_int(s, 8);
		o.militia = sq_col_count(s, 9);
		o.self_defence = sq_col_count(s, 10);
		o.reserve = sq_col_count(s, 11);
		o.established = sq_col_date(s, 12);
		o.dissolved = sq_col_date(s, 13);
		fig_decode(sqlite3_column_blob(s, 14), (size_t)sqlite3_column_bytes(s, 14), &o.core);
		fig_decode(sqlite3_column_blob(s, 15), (size_t)sqlite3_column_bytes(s, 15), &o.hist);
		sq_col_copy(s, 16, o.name, sizeof o.name);
		if (cb(ctx, &o))
			break;
	}
	sq_done(st, s);
	fig_map_cleanup(&o.core);
	fig_map_cleanup(&o.hist);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading the figures");
	return ERR_OK;
}

enum err_code store_fig_ethnic_names(struct store *st, char (*names)[48], size_t n,
				     struct err *e)
{
	static const char sql[] = "SELECT id, name FROM fig_ethnic";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	while (sqlite3_step(s) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(s, 0);

		if (id > 0 && (size_t)id < n)
			sq_col_copy(s, 1, names[id], sizeof names[id]);
	}
	sq_done(st, s);
	return ERR_OK;
}

/* ---- reviews ------------------------------------------------------------------------- */

#define REVIEW_COLS \
	"r.id, coalesce(r.member_id, 0), r.org_id, r.grassroots_id, coalesce(r.body_org_id, 0)," \
	" r.grassroots, r.year, r.step, coalesce(r.score, -1), r.grade, r.on_date, r.revision," \
	" r.current, r.reason, r.rules, r.recorded_by, coalesce(m.full_name, ''), o.code," \
	" o.name, coalesce(b.code, '')" \
	" FROM review r LEFT JOIN member m ON m.id = r.member_id JOIN org o ON o.id = r.org_id" \
	" LEFT JOIN org b ON b.id = r.body_org_id"

static void read_review(sqlite3_stmt *s, struct review_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(s, 0);
	r->member_id = sqlite3_column_int64(s, 1);
	r->org_id = sqlite3_column_int64(s, 2);
	r->grassroots_id = sqlite3_column_int64(s, 3);
	r->body_org_id = sqlite3_column_int64(s, 4);
	r->grassroots = sqlite3_column_int(s, 5);
	r->year = sqlite3_column_int(s, 6);
	r->step = review_step_parse((const char *)sqlite3_column_text(s, 7));
	r->score = sqlite3_column_int(s, 8);
	r->grade = grade_parse((const char *)sqlite3_column_text(s, 9));
	r->date = sq_col_date(s, 10);
	r->revision = sqlite3_column_int(s, 11);
	r->current = sqlite3_column_int(s, 12);
	sq_col_copy(s, 13, r->reason, sizeof r->reason);
	sq_col_copy(s, 14, r->rules, sizeof r->rules);
	sq_col_copy(s, 15, r->by, sizeof r->by);
	sq_col_copy(s, 16, r->member_name, sizeof r->member_name);
	sq_col_copy(s, 17, r->org_code, sizeof r->org_code);
	sq_col_copy(s, 18, r->org_name, sizeof r->org_name);
	sq_col_copy(s, 19, r->body_code, sizeof r->body_code);
}

static enum err_code review_one(struct store *st, sqlite3_stmt *s, struct review_row *r,
				struct err *e)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW)
		read_review(s, r);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc == SQLITE_DONE)
		return ERR_NOTFOUND; /* no message: callers decide whether it matters */
	return sq_db_error(st, e, "reading reviews");
}

enum err_code store_review_current(struct store *st, int64_t member_id, int64_t org_id, int year,
				   struct review_row *r, struct err *e)
{
	static const char by_member[] = "SELECT " REVIEW_COLS
		" WHERE r.member_id = ?1 AND r.year = ?2 AND r.current";
	static const char by_org[] = "SELECT " REVIEW_COLS
		" WHERE r.member_id IS NULL AND r.org_id = ?1 AND r.year = ?2 AND r.current";
	sqlite3_stmt *s = sq_prep(st, member_id ? by_member : by_org, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id ? member_id : org_id);
	sqlite3_bind_int(s, 2, year);
	return review_one(st, s, r, e);
}

enum err_code store_review_latest(struct store *st, int64_t member_id, int year, int step,
				  struct review_row *r, struct err *e)
{
	static const char sql[] = "SELECT " REVIEW_COLS
		" WHERE r.member_id = ?1 AND r.year = ?2 AND r.step = ?3 ORDER BY r.id DESC LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	sqlite3_bind_int(s, 2, year);
	sq_bind_text(s, 3, review_step_name((enum review_step)step));
	return review_one(st, s, r, e);
}

/* Count a decision (delta 1) or the end of one (-1) as the review triggers do (FIG_REVIEW),
 * into the bulk's counters. */
static void review_bulk_count(struct store *st, int64_t org_id, int is_org, int grassroots,
			      int year, const char *grade, long delta)
{
	uint32_t keys[2];
	size_t n;

	if (!st->bulk_figs)
		return;
	n = fig_review(is_org, grassroots, year, grade_parse(grade), keys);
	acc_add(st->bulk_figs, st->bulk_figs->core, org_id, keys, n, delta);
}

static enum err_code review_insert(struct store *st, struct review_row *r, int known,
				   const struct review_row *known_prev, struct err *e);
static enum err_code revision_unflag_figs(struct store *st, int64_t review_id, int64_t org_id,
					  int is_org, int grassroots, int year, int grade,
					  struct err *e);
static enum err_code revision_resolve(struct store *st, int64_t review_id, int64_t by_id,
				      date_t on, struct err *e);

enum err_code store_review_insert(struct store *st, struct review_row *r, struct err *e)
{
	return review_insert(st, r, 0, NULL, e);
}

enum err_code store_review_insert_after(struct store *st, struct review_row *r,
					const struct review_row *prev, struct err *e)
{
	return review_insert(st, r, 1, prev, e);
}

static enum err_code review_insert(struct store *st, struct review_row *r, int known,
				   const struct review_row *known_prev, struct err *e)
{
	static const char prev_m[] =
		"SELECT id, revision, org_id, grassroots, grade FROM review WHERE member_id = ?1"
		" AND year = ?2 AND current";
	static const char prev_o[] =
		"SELECT id, revision, org_id, grassroots, grade FROM review WHERE member_id IS NULL"
		" AND org_id = ?1 AND year = ?2 AND current";
	static const char unset[] = "UPDATE review SET current = 0 WHERE id = ?1";
	static const char ins[] =
		"INSERT INTO review(member_id, org_id, grassroots_id, grassroots, year, step, score,"
		" grade, on_date, body_org_id, revision, current, reason, rules, recorded_by)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
	sqlite3_stmt *s;
	enum err_code rc;
	int64_t prev = 0, prev_org = 0;
	int prev_grassroots = 0, prev_grade = -1;

	r->revision = 0;
	r->current = 0;
	if (r->step == RS_DECISION) {

		r->revision = 1;
		if (known && known_prev) {
			prev = known_prev->id;
			prev_org = known_prev->org_id;
			prev_grassroots = known_prev->grassroots;
			prev_grade = known_prev->grade;
			r->revision = known_prev->revision + 1;
			if (st->review_bulk)
				review_bulk_count(st, known_prev->org_id, !r->member_id,
						  known_prev->grassroots, r->year,
						  grade_name((enum grade)known_prev->grade), -1);
		} else if (!known) {
			if (!(s = sq_prep(st, r->member_id ? prev_m : prev_o, e)))
				return e->code;
			sqlite3_bind_int64(s, 1, r->member_id ? r->member_id : r->org_id);
			sqlite3_bind_int(s, 2, r->year);
			if (sqlite3_step(s) == SQLITE_ROW) {
				prev = sqlite3_column_int64(s, 0);
				prev_org = sqlite3_column_int64(s, 2);
				prev_grassroots = sqlite3_column_int(s, 3);
				prev_grade = grade_parse((const char *)sqlite3_column_text(s, 4));
				r->revision = sqlite3_column_int(s, 1) + 1;
				if (st->review_bulk)
					review_bulk_count(st, sqlite3_column_int64(s, 2),
							  !r->member_id, sqlite3_column_int(s, 3),
							  r->year,
							  (const char *)sqlite3_column_text(s, 4), -1);
			}
			sq_done(st, s);
		}
		/* A decision flagged for revision counts in its own bucket until this one
		 * revises it: back to its grade first, so that the trigger ending it takes it
		 * from there. */
		if (prev && (rc = revision_unflag_figs(st, prev, prev_org, !r->member_id,
						       prev_grassroots, r->year, prev_grade, e)))
			return rc;
		if (prev) {
			if (!(s = sq_prep(st, unset, e)))
				return e->code;
			sqlite3_bind_int64(s, 1, prev);
			if ((rc = sq_step_done(st, s, e, "recording a review")))
				return rc;
		}
		r->current = 1;
	}
	if (!(s = sq_prep(st, ins, e)))
		return e->code;
	sq_bind_id_or_null(s, 1, r->member_id);
	sqlite3_bind_int64(s, 2, r->org_id);
	sqlite3_bind_int64(s, 3, r->grassroots_id);
	sqlite3_bind_int(s, 4, r->grassroots);
	sqlite3_bind_int(s, 5, r->year);
	sq_bind_text(s, 6, review_step_name((enum review_step)r->step));
	sq_bind_count(s, 7, r->score);
	sq_bind_text(s, 8, grade_name((enum grade)r->grade));
	sq_bind_date(s, 9, r->date);
	sq_bind_id_or_null(s, 10, r->body_org_id);
	sqlite3_bind_int(s, 11, r->revision);
	sqlite3_bind_int(s, 12, r->current);
	sq_bind_text(s, 13, r->reason);
	sq_bind_text(s, 14, r->rules);
	sq_bind_text(s, 15, r->by);
	if ((rc = sq_step_done(st, s, e, "recording a review")))
		return rc;
	r->id = sqlite3_last_insert_rowid(st->db);
	if (st->review_bulk && r->current)
		review_bulk_count(st, r->org_id, !r->member_id, r->grassroots, r->year,
				  grade_name((enum grade)r->grade), 1);
	if (prev && (rc = revision_resolve(st, prev, r->id, r->date, e)))
		return rc;
	return ERR_OK;
}

enum err_code store_review_bulk_begin(struct store *st, struct err *e)
{
	if (sq_exec(st, schema_fig_review_triggers(0), e, "preparing a bulk of reviews") ||
	    fig_bulk_start(st, e))
		return e->code;
	st->review_bulk = 1;
	return ERR_OK;
}

enum err_code store_review_bulk_end(struct store *st, struct err *e)
{
	if (!st->review_bulk)
		return ERR_OK;
	st->review_bulk = 0;
	if (sq_exec(st, schema_fig_review_triggers(1), e, "ending a bulk of reviews"))
		return e->code;
	return fig_bulk_flush(st, e);
}

enum err_code store_review_list(struct store *st, int64_t member_id, int64_t org_id,
				store_review_cb cb, void *ctx, struct err *e)
{
	static const char by_member[] = "SELECT " REVIEW_COLS
		" WHERE r.member_id = ?1 ORDER BY r.year, r.id";
	static const char by_org[] = "SELECT " REVIEW_COLS
		" WHERE r.member_id IS NULL AND r.org_id = ?1 ORDER BY r.year, r.id";
	sqlite3_stmt *s = sq_prep(st, member_id ? by_member : by_org, e);
	struct review_row r;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id ? member_id : org_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		read_review(s, &r);
		if (cb(ctx, &r))
			break;
	}
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading reviews");
	return ERR_OK;
}

static enum err_code grade_counts(struct store *st, sqlite3_stmt *s, long counts[4],
				  struct err *e)
{
	int rc;

	memset(counts, 0, 4 * sizeof *counts);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int g = grade_parse((const char *)sqlite3_column_text(s, 0));

		if (g >= 0 && g < 4)
			counts[g] = (long)sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "counting grades");
	return ERR_OK;
}

enum err_code store_review_quota_counts(struct store *st, int64_t g, int year, long counts[4],
					struct err *e)
{
	static const char sql[] =
		"SELECT grade, count(*) FROM review WHERE grassroots_id = ?1 AND year = ?2"
		" AND current AND member_id IS NOT NULL GROUP BY grade";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, g);
	sqlite3_bind_int(s, 2, year);
	return grade_counts(st, s, counts, e);
}

enum err_code store_review_unit_grades(struct store *st, int64_t org_id, int year, int subunits,
				       long graded[4], long *units, struct err *e)
{
	/* Members: those on the roll now, with their decision (wherever it was taken). */
	static const char members[] =
		"SELECT r.grade, count(*) FROM member m JOIN review r ON r.member_id = m.id"
		" AND r.year = ?2 AND r.current WHERE m.org_id = ?1 AND m.status IN "
		ACTIVE_STATUSES " GROUP BY r.grade";
	static const char nmembers[] =
		"SELECT count(*) FROM member WHERE org_id = ?1 AND status IN " ACTIVE_STATUSES;
	static const char subs[] =
		"SELECT r.grade, count(*) FROM org o JOIN review r ON r.org_id = o.id"
		" AND r.member_id IS NULL AND r.year = ?2 AND r.current"
		" WHERE o.parent_id = ?1 AND o.dissolved IS NULL GROUP BY r.grade";
	static const char nsubs[] =
		"SELECT count(*) FROM org WHERE parent_id = ?1 AND dissolved IS NULL";
	sqlite3_stmt *s = sq_prep(st, subunits ? subs : members, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_int(s, 2, year);
	if ((rc = grade_counts(st, s, graded, e)))
		return rc;
	if (!(s = sq_prep(st, subunits ? nsubs : nmembers, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	*units = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return ERR_OK;
}

/* ---- discipline ---------------------------------------------------------------------- */

enum err_code store_discipline_insert(struct store *st, struct discipline_row *d, struct err *e)
{
	static const char ins[] =
		"INSERT INTO discipline(member_id, org_id, form, decided_on, body_org_id, reason,"
		" recorded_by, act_on, decision_no, body, case_id, notified_on, effective_on, state,"
		" replaces_id, notice_no) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
		" ?12, ?13, ?14, ?15, ?16)";
	sqlite3_stmt *s = sq_prep(st, ins, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sq_bind_id_or_null(s, 1, d->member_id);
	sqlite3_bind_int64(s, 2, d->org_id);
	sq_bind_text(s, 3, discipline_form_name((enum discipline_form)d->form));
	sq_bind_date(s, 4, d->date);
	sqlite3_bind_int64(s, 5, d->body_org_id);
	sq_bind_text(s, 6, d->reason);
	sq_bind_text(s, 7, d->by);
	if (d->act_date)
		sq_bind_date(s, 8, d->act_date);
	sq_bind_text(s, 9, d->decision_no);
	sq_bind_text(s, 10, d->inspection ? "inspection" : "committee");
	sq_bind_id_or_null(s, 11, d->case_id);
	if (d->notified_on)
		sq_bind_date(s, 12, d->notified_on);
	sq_bind_date(s, 13, d->effective_on ? d->effective_on : d->date);
	sq_bind_text(s, 14, d->state[0] ? d->state : "in_force");
	sq_bind_id_or_null(s, 15, d->replaces_id);
	sq_bind_text(s, 16, d->notice_no);
	if ((rc = sq_step_done(st, s, e, "recording discipline")))
		return rc;
	d->id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

/* Move one decided review's count at org_id from grade from to grade to (core/fig.h), in the
 * bulk's counters during a bulk of reviews, else in org_fig. */
static enum err_code fig_review_move(struct store *st, int64_t org_id, int is_org, int grassroots,
				     int year, int from, int to, struct err *e)
{
	static const char get[] = "SELECT core FROM org_fig WHERE org_id = ?1";
	static const char put[] =
		"INSERT INTO org_fig(org_id, core) VALUES (?1, ?2)"
		" ON CONFLICT(org_id) DO UPDATE SET core = excluded.core";
	uint32_t kf[2], kt[2];
	size_t nf = fig_review(is_org, grassroots, year, from, kf);
	size_t nt = fig_review(is_org, grassroots, year, to, kt), i, len;
	struct fig_map m;
	unsigned char *blob;
	sqlite3_stmt *s;
	enum err_code rc;
	int bad = 0;

	if (st->review_bulk && st->bulk_figs) {
		acc_add(st->bulk_figs, st->bulk_figs->core, org_id, kf, nf, -1);
		acc_add(st->bulk_figs, st->bulk_figs->core, org_id, kt, nt, 1);
		return ERR_OK;
	}
	if (!(s = sq_prep(st, get, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	fig_map_init(&m);
	if (sqlite3_step(s) == SQLITE_ROW)
		bad = fig_decode(sqlite3_column_blob(s, 0), (size_t)sqlite3_column_bytes(s, 0), &m);
	sq_done(st, s);
	if (bad) {
		fig_map_cleanup(&m);
		return err_set(e, ERR_STORAGE, "the figures' counters are damaged; run 'cadre db "
					       "refigure'");
	}
	for (i = 0; i < nf; i++)
		fig_map_add(&m, kf[i], -1);
	for (i = 0; i < nt; i++)
		fig_map_add(&m, kt[i], 1);
	blob = fig_encode(&m, &len);
	fig_map_cleanup(&m);
	if (!(s = sq_prep(st, put, e))) {
		free(blob);
		return e->code;
	}
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_blob(s, 2, blob, (int)len, SQLITE_TRANSIENT);
	rc = sq_step_done(st, s, e, "counting a review under revision");
	free(blob);
	return rc;
}

/* Open revisions of review_id: *n. */
static enum err_code revision_open_count(struct store *st, int64_t review_id, long *n,
					 struct err *e)
{
	static const char sql[] =
		"SELECT count(*) FROM review_revision WHERE review_id = ?1 AND resolved_on IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, review_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

static enum err_code revision_unflag_figs(struct store *st, int64_t review_id, int64_t org_id,
					  int is_org, int grassroots, int year, int grade,
					  struct err *e)
{
	long n;

	if (grade < 0 || revision_open_count(st, review_id, &n, e))
		return e->code;
	if (!n)
		return ERR_OK;
	return fig_review_move(st, org_id, is_org, grassroots, year, FIG_GRADE_REVISION, grade, e);
}

static enum err_code revision_resolve(struct store *st, int64_t review_id, int64_t by_id,
				      date_t on, struct err *e)
{
	static const char sql[] =
		"UPDATE review_revision SET resolved_review_id = ?2, resolved_on = ?3"
		" WHERE review_id = ?1 AND resolved_on IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, review_id);
	sqlite3_bind_int64(s, 2, by_id);
	sq_bind_date(s, 3, on);
	return sq_step_done(st, s, e, "resolving a review's revision");
}

enum err_code store_review_revision_flag(struct store *st, const struct review_row *rv,
					 int64_t discipline_id, const char *rule_id,
					 date_t flagged_on, int *moved, struct err *e)
{
	static const char ins[] =
		"INSERT INTO review_revision(review_id, member_id, org_id, year, discipline_id,"
		" rule_id, body_org_id, flagged_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
	sqlite3_stmt *s;
	long open;
	enum err_code rc;

	*moved = 0;
	if (revision_open_count(st, rv->id, &open, e))
		return e->code;
	if (!(s = sq_prep(st, ins, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, rv->id);
	sq_bind_id_or_null(s, 2, rv->member_id);
	sqlite3_bind_int64(s, 3, rv->org_id);
	sqlite3_bind_int(s, 4, rv->year);
	sqlite3_bind_int64(s, 5, discipline_id);
	sq_bind_text(s, 6, rule_id);
	sq_bind_id_or_null(s, 7, rv->body_org_id);
	sq_bind_date(s, 8, flagged_on);
	if ((rc = sq_step_done(st, s, e, "flagging a review for revision")))
		return rc;
	if (open)
		return ERR_OK;
	*moved = 1;
	return fig_review_move(st, rv->org_id, !rv->member_id, rv->grassroots, rv->year, rv->grade,
			       FIG_GRADE_REVISION, e);
}

/* Resolve, with no review, the open revisions discipline_id flagged (the discipline annulled on
 * a complaint): each review left with no open revision has its grade counted back from the
 * bucket under revision (store_review_revision_flag moved it there). *n: rows resolved. */
enum err_code store_review_revision_drop(struct store *st, int64_t discipline_id, date_t on,
					 long *n, struct err *e)
{
	static const char pick[] =
		"SELECT DISTINCT r.id, r.org_id, r.member_id IS NULL, r.grassroots, r.year, r.grade"
		" FROM review_revision v JOIN review r ON r.id = v.review_id"
		" WHERE v.discipline_id = ?1 AND v.resolved_on IS NULL";
	static const char upd[] =
		"UPDATE review_revision SET resolved_on = ?2"
		" WHERE discipline_id = ?1 AND resolved_on IS NULL";
	struct rv {
		int64_t id, org_id;
		int is_org, grassroots, year, grade;
	} *v = NULL, *nv;
	size_t nr = 0, cap = 0, i;
	sqlite3_stmt *s = sq_prep(st, pick, e);
	long open;
	int rc;

	*n = 0;
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, discipline_id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (nr == cap) {
			cap = cap ? cap * 2 : 8;
			if (!(nv = realloc(v, cap * sizeof *v))) {
				sq_done(st, s);
				free(v);
				return err_set(e, ERR_STORAGE, "out of memory");
			}
			v = nv;
		}
		v[nr].id = sqlite3_column_int64(s, 0);
		v[nr].org_id = sqlite3_column_int64(s, 1);
		v[nr].is_org = sqlite3_column_int(s, 2);
		v[nr].grassroots = sqlite3_column_int(s, 3);
		v[nr].year = sqlite3_column_int(s, 4);
		v[nr].grade = grade_parse((const char *)sqlite3_column_text(s, 5));
		nr++;
	}
	sq_done(st, s);
	if (rc != SQLITE_DONE) {
		free(v);
		return sq_db_error(st, e, "reading reviews flagged for revision");
	}
	if (!(s = sq_prep(st, upd, e))) {
		free(v);
		return e->code;
	}
	sqlite3_bind_int64(s, 1, discipline_id);
	sq_bind_date(s, 2, on);
	if (sq_step_done(st, s, e, "resolving reviews flagged for revision")) {
		free(v);
		return e->code;
	}
	*n = (long)sqlite3_changes(st->db);
	for (i = 0; i < nr && !e->code; i++) {
		if (v[i].grade < 0 || revision_open_count(st, v[i].id, &open, e) || open)
			continue;
		fig_review_move(st, v[i].org_id, v[i].is_org, v[i].grassroots, v[i].year,
				FIG_GRADE_REVISION, v[i].grade, e);
	}
	free(v);
	return e->code;
}

enum err_code store_review_revision_open(struct store *st, int64_t review_id, int *open,
					 struct err *e)
{
	long n;

	if (revision_open_count(st, review_id, &n, e))
		return e->code;
	*open = n > 0;
	return ERR_OK;
}

enum err_code store_discipline_count(struct store *st, int64_t member_id, int64_t org_id,
				     date_t from, date_t to, long *n, struct err *e)
{
	static const char by_member[] =
		"SELECT count(*) FROM discipline WHERE member_id = ?1 AND decided_on BETWEEN ?2 AND ?3"
		" AND state = 'in_force'";
	static const char by_org[] =
		"SELECT count(*) FROM discipline WHERE member_id IS NULL AND org_id = ?1"
		" AND decided_on BETWEEN ?2 AND ?3 AND state = 'in_force'";
	sqlite3_stmt *s = sq_prep(st, member_id ? by_member : by_org, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id ? member_id : org_id);
	sqlite3_bind_int(s, 2, from);
	sqlite3_bind_int(s, 3, to);
	*n = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_discipline_subunits(struct store *st, int64_t org_id, date_t from, date_t to,
					long *subs, long *disciplined, struct err *e)
{
	/* A sub-unit counts as disciplined when the organisation itself (its leadership) was. */
	static const char sql[] =
		"SELECT count(*), coalesce(sum(EXISTS (SELECT 1 FROM discipline d"
		"  WHERE d.member_id IS NULL AND d.org_id = o.id AND d.decided_on BETWEEN ?2 AND ?3"
		"  AND d.state = 'in_force')), 0)"
		" FROM org o WHERE o.parent_id = ?1 AND o.dissolved IS NULL";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_int(s, 2, from);
	sqlite3_bind_int(s, 3, to);
	*subs = *disciplined = 0;
	if (sqlite3_step(s) == SQLITE_ROW) {
		*subs = (long)sqlite3_column_int64(s, 0);
		*disciplined = (long)sqlite3_column_int64(s, 1);
	}
	sq_done(st, s);
	return ERR_OK;
}

#define DISCIPLINE_COLS \
	"d.id, coalesce(d.member_id, 0), d.org_id, d.body_org_id, d.form, d.decided_on," \
	" d.reason, d.recorded_by, coalesce(m.full_name, ''), o.code, o.name, b.code," \
	" coalesce(d.act_on, 0), coalesce(d.notified_on, 0), coalesce(d.effective_on, 0)," \
	" coalesce(d.ended_on, 0), d.decision_no, d.body = 'inspection'," \
	" coalesce(d.case_id, 0), coalesce(d.replaces_id, 0), d.state, d.notice_no, b.kind" \
	" FROM discipline d JOIN org o ON o.id = d.org_id JOIN org b ON b.id = d.body_org_id" \
	" LEFT JOIN member m ON m.id = d.member_id"

static void discipline_read(sqlite3_stmt *s, struct discipline_row *d)
{
	memset(d, 0, sizeof *d);
	d->id = sqlite3_column_int64(s, 0);
	d->member_id = sqlite3_column_int64(s, 1);
	d->org_id = sqlite3_column_int64(s, 2);
	d->body_org_id = sqlite3_column_int64(s, 3);
	d->form = discipline_form_parse((const char *)sqlite3_column_text(s, 4));
	d->date = sq_col_date(s, 5);
	sq_col_copy(s, 6, d->reason, sizeof d->reason);
	sq_col_copy(s, 7, d->by, sizeof d->by);
	sq_col_copy(s, 8, d->member_name, sizeof d->member_name);
	sq_col_copy(s, 9, d->org_code, sizeof d->org_code);
	sq_col_copy(s, 10, d->org_name, sizeof d->org_name);
	sq_col_copy(s, 11, d->body_code, sizeof d->body_code);
	d->act_date = (date_t)sqlite3_column_int(s, 12);
	d->notified_on = (date_t)sqlite3_column_int(s, 13);
	d->effective_on = (date_t)sqlite3_column_int(s, 14);
	d->ended_on = (date_t)sqlite3_column_int(s, 15);
	sq_col_copy(s, 16, d->decision_no, sizeof d->decision_no);
	d->inspection = sqlite3_column_int(s, 17);
	d->case_id = sqlite3_column_int64(s, 18);
	d->replaces_id = sqlite3_column_int64(s, 19);
	sq_col_copy(s, 20, d->state, sizeof d->state);
	sq_col_copy(s, 21, d->notice_no, sizeof d->notice_no);
	sq_col_copy(s, 22, d->body_kind, sizeof d->body_kind);
}

static enum err_code discipline_rows(struct store *st, sqlite3_stmt *s, store_discipline_cb cb,
				     void *ctx, struct err *e)
{
	struct discipline_row d;
	int rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		discipline_read(s, &d);
		if (cb(ctx, &d))
			break;
	}
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading discipline records");
	return ERR_OK;
}

enum err_code store_discipline_list(struct store *st, long pre, long last, date_t from,
				    date_t to, store_discipline_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " DISCIPLINE_COLS
		" WHERE (o.pre BETWEEN ?1 AND ?2 OR (o.dissolved IS NOT NULL AND EXISTS (SELECT 1"
		"  FROM org p WHERE p.id = o.parent_id AND p.pre BETWEEN ?1 AND ?2)))"
		" AND d.decided_on BETWEEN ?3 AND ?4"
		" ORDER BY d.decided_on DESC, d.id DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int(s, 3, from);
	sqlite3_bind_int(s, 4, to);
	return discipline_rows(st, s, cb, ctx, e);
}

enum err_code store_discipline_of_member(struct store *st, int64_t member_id,
					 store_discipline_cb cb, void *ctx, struct err *e)
{
	static const char sql[] = "SELECT " DISCIPLINE_COLS
		" WHERE d.member_id = ?1 ORDER BY d.decided_on DESC, d.id DESC";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, member_id);
	return discipline_rows(st, s, cb, ctx, e);
}

enum err_code store_discipline_get(struct store *st, int64_t id, struct discipline_row *d,
				   struct err *e)
{
	static const char sql[] = "SELECT " DISCIPLINE_COLS " WHERE d.id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		discipline_read(s, d);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc == SQLITE_DONE)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no discipline record has the id %lld", (long long)id);
	return sq_db_error(st, e, "reading a discipline record");
}

enum err_code store_discipline_notify(struct store *st, int64_t id, date_t on,
				      const char *notice_no, struct err *e)
{
	static const char sql[] =
		"UPDATE discipline SET notified_on = ?2, notice_no = ?3 WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, id);
	sq_bind_date(s, 2, on);
	sq_bind_text(s, 3, notice_no ? notice_no : "");
	return sq_step_done(st, s, e, "recording a discipline's notice");
}

/* ---- emulation ----------------------------------------------------------------------- */

#define EMU_COLS "m.id, m.code, m.version, m.name, m.criteria, m.required, m.effective_from," \
	" m.source, m.added_by, m.added_at"

/* The version's columns (EMU_COLS) from column at of s. */
static void emu_row(sqlite3_stmt *s, int at, struct emulation_version_row *v)
{
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(s, at);
	sq_col_copy(s, at + 1, v->code, sizeof v->code);
	v->version = sqlite3_column_int(s, at + 2);
	sq_col_copy(s, at + 3, v->name, sizeof v->name);
	sq_col_copy(s, at + 4, v->criteria, sizeof v->criteria);
	v->required = sqlite3_column_int(s, at + 5);
	v->effective_from = sq_col_date(s, at + 6);
	sq_col_copy(s, at + 7, v->source, sizeof v->source);
	sq_col_copy(s, at + 8, v->added_by, sizeof v->added_by);
	sq_col_copy(s, at + 9, v->added_at, sizeof v->added_at);
}

enum err_code store_emulation_version_add(struct store *st, struct emulation_version_row *v,
					  const char *by, struct err *e)
{
	static const char ins[] =
		"INSERT INTO emulation_model(code, version, name, criteria, required, effective_from,"
		" source, added_by) VALUES (?1, (SELECT coalesce(max(version), 0) + 1 FROM"
		" emulation_model WHERE code = ?1), ?2, ?3, ?4, ?5, ?6, ?7)";
	static const char back[] = "SELECT version FROM emulation_model WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, ins, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, v->code);
	sq_bind_text(s, 2, v->name);
	sq_bind_text(s, 3, v->criteria);
	sqlite3_bind_int(s, 4, v->required);
	sq_bind_date(s, 5, v->effective_from);
	sq_bind_text(s, 6, v->source);
	sq_bind_text(s, 7, by);
	if ((rc = sq_step_done(st, s, e, "adding an emulation model version")))
		return rc;
	v->id = sqlite3_last_insert_rowid(st->db);
	if (!(s = sq_prep(st, back, e)))
		return e->code;
	sqlite3_bind_int64(s, 1, v->id);
	if (sqlite3_step(s) == SQLITE_ROW)
		v->version = sqlite3_column_int(s, 0);
	sq_done(st, s);
	return ERR_OK;
}

enum err_code store_emulation_version_at(struct store *st, const char *code, date_t on,
					 struct emulation_version_row *v, struct err *e)
{
	static const char at[] =
		"SELECT " EMU_COLS " FROM emulation_model m WHERE m.code = ?1 AND m.effective_from <= ?2"
		" ORDER BY m.effective_from DESC LIMIT 1";
	static const char latest[] =
		"SELECT " EMU_COLS " FROM emulation_model m WHERE m.code = ?1"
		" ORDER BY m.effective_from DESC LIMIT 1";
	sqlite3_stmt *s = sq_prep(st, on == DATE_NONE ? latest : at, e);
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, code);
	if (on != DATE_NONE)
		sq_bind_date(s, 2, on);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		emu_row(s, 0, v);
	sq_done(st, s);
	if (rc == SQLITE_ROW)
		return ERR_OK;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading an emulation model");
	return ERR_NOTFOUND;
}

enum err_code store_emulation_versions(struct store *st, const char *code,
				       store_emulation_version_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT " EMU_COLS " FROM emulation_model m WHERE ?1 = '' OR m.code = ?1"
		" ORDER BY m.code, m.effective_from";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct emulation_version_row *v;
	int rc;

	if (!s)
		return e->code;
	sq_bind_text(s, 1, code ? code : "");
	v = xmalloc(sizeof *v);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		emu_row(s, 0, v);
		if (cb(ctx, v))
			break;
	}
	free(v);
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading the emulation models");
	return ERR_OK;
}

enum err_code store_emulation_rate(struct store *st, int64_t org_id, int year, int64_t version_id,
				   const char *met, int earned, const char *by, int64_t *id,
				   struct err *e)
{
	/* The model's code is taken from the version, so the two never disagree. */
	static const char sql[] =
		"INSERT INTO emulation_rating(org_id, year, model, model_version_id, met, earned,"
		" recorded_by) SELECT ?1, ?2, code, id, ?4, ?5, ?6 FROM emulation_model WHERE id = ?3";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	enum err_code rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, org_id);
	sqlite3_bind_int(s, 2, year);
	sqlite3_bind_int64(s, 3, version_id);
	sq_bind_text(s, 4, met);
	sqlite3_bind_int(s, 5, earned);
	sq_bind_text(s, 6, by);
	if ((rc = sq_step_done(st, s, e, "recording an emulation rating")))
		return rc;
	if (!sqlite3_changes(st->db))
		return err_set(e, ERR_INTERNAL, "emulation model version %lld is missing",
			       (long long)version_id);
	if (id)
		*id = sqlite3_last_insert_rowid(st->db);
	return ERR_OK;
}

enum err_code store_emulation_ratings(struct store *st, long pre, long last, int year,
				      store_emulation_rating_cb cb, void *ctx, struct err *e)
{
	static const char sql[] =
		"SELECT r.id, r.org_id, o.code, o.name, r.year, r.met, r.earned,"
		" NOT EXISTS (SELECT 1 FROM emulation_rating n WHERE n.org_id = r.org_id"
		"  AND n.year = r.year AND n.model = r.model AND n.id > r.id),"
		" r.recorded_by, r.recorded_at, " EMU_COLS
		" FROM emulation_rating r JOIN org o ON o.id = r.org_id"
		" JOIN emulation_model m ON m.id = r.model_version_id"
		" WHERE o.pre BETWEEN ?1 AND ?2 AND (?3 = 0 OR r.year = ?3)"
		" ORDER BY o.pre, r.year, r.model, r.id";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	struct emulation_rating_row *w;
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int(s, 3, year);
	w = xmalloc(sizeof *w);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		memset(w, 0, sizeof *w);
		w->id = sqlite3_column_int64(s, 0);
		w->org_id = sqlite3_column_int64(s, 1);
		sq_col_copy(s, 2, w->org_code, sizeof w->org_code);
		sq_col_copy(s, 3, w->org_name, sizeof w->org_name);
		w->year = sqlite3_column_int(s, 4);
		sq_col_copy(s, 5, w->met, sizeof w->met);
		w->earned = sqlite3_column_int(s, 6);
		w->current = sqlite3_column_int(s, 7);
		sq_col_copy(s, 8, w->by, sizeof w->by);
		sq_col_copy(s, 9, w->at, sizeof w->at);
		emu_row(s, 10, &w->model);
		if (cb(ctx, w))
			break;
	}
	free(w);
	sq_done(st, s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, e, "reading emulation ratings");
	return ERR_OK;
}

/* ---- transfers across a subtree's edge -------------------------------------------------- */

enum err_code store_transfer_counts(struct store *st, long pre, long last, date_t from, date_t to,
				    long c[4], struct err *e)
{
	static const char sql[] =
		"SELECT t.temporary, coalesce(f.pre BETWEEN ?1 AND ?2, 0) AS fin,"
		" coalesce(o.pre BETWEEN ?1 AND ?2, 0) AS tin, count(*)"
		" FROM transfer t JOIN org f ON f.id = t.from_org_id JOIN org o ON o.id = t.to_org_id"
		" WHERE t.sent_date BETWEEN ?3 AND ?4 AND fin <> tin GROUP BY 1, 2, 3";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	memset(c, 0, 4 * sizeof *c);
	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, pre);
	sqlite3_bind_int64(s, 2, last);
	sqlite3_bind_int(s, 3, from);
	sqlite3_bind_int(s, 4, to);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int temp = sqlite3_column_int(s, 0), in = sqlite3_column_int(s, 2);

		c[(temp ? 2 : 0) + (in ? 0 : 1)] += (long)sqlite3_column_int64(s, 3);
	}
	sq_done(st, s);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, e, "counting transfers");
	return ERR_OK;
}

enum err_code store_discipline_case_org(struct store *st, int64_t case_id, int64_t *org_id,
					struct err *e)
{
	static const char sql[] = "SELECT org_id FROM insp_case WHERE id = ?1";
	sqlite3_stmt *s = sq_prep(st, sql, e);
	int rc;

	if (!s)
		return e->code;
	sqlite3_bind_int64(s, 1, case_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*org_id = sqlite3_column_int64(s, 0);
	sq_done(st, s);
	return rc == SQLITE_ROW ? ERR_OK : ERR_NOTFOUND;
}
