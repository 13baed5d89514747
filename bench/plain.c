/* plain.c - the plain-SQL way, for comparison: load the CSVs into a textbook SQLite schema
 * and time subtree counts, a deep list page and accent-free search over a province.
 *
 * Usage: plain --orgs FILE --members FILE --db PATH [--reuse] [--reps N]
 *              [--provinces P001,P002,...] [--offset N] [--search TEXT] [--cache-mb N]
 *              [--no-fts] [-v]
 *
 * The schema is what a developer who knows SQL but not this problem would write: an
 * adjacency list org(parent_id) walked with a recursive CTE, member(org_id) with an index,
 * and precomputed name columns (given_name for ORDER BY ... COLLATE NOCASE, folded_name for
 * LIKE). The "careful" variants add what such a developer would add next: a covering index
 * member(org_id, status), a stored ICU sort key (correct Vietnamese order), and an FTS5
 * trigram index on folded_name. Every timing is printed as one line
 *     plain <name> median_ms=... p90_ms=... [key=value ...]
 * over reps repetitions on each chosen province, after one untimed warm-up run. SQLite keeps
 * its defaults (2 MiB page cache, rollback journal) unless --cache-mb is given; the data set
 * fits in the OS page cache, so "cold" here means SQLite's cache, not the disk. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../src/core/vname.h"
#include "../src/lib/buf.h"
#include "../src/lib/mem.h"

#define MAX_FIELDS 64
#define MAX_PROVINCES 64

/* ---- a small CSV reader (RFC 4180, quoted fields may span lines) ----------------------- */

struct csv_in {
	FILE *f;
	const char *path;
	char *line;
	size_t line_cap;
	struct buf rec;
	long lineno;
	char *field[MAX_FIELDS];
	size_t nfield;
};

static int csv_in_open(struct csv_in *c, const char *path)
{
	memset(c, 0, sizeof *c);
	c->path = path;
	buf_init(&c->rec, 0);
	c->f = fopen(path, "rb");
	if (!c->f) {
		fprintf(stderr, "plain: cannot open %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void csv_in_close(struct csv_in *c)
{
	if (c->f)
		fclose(c->f);
	free(c->line);
	buf_cleanup(&c->rec);
	c->f = NULL;
	c->line = NULL;
}

/* Split the record in place into c->field; returns 0, or -1 on a malformed record. */
static int csv_split(struct csv_in *c)
{
	char *p = c->rec.s, *w, ch;

	c->nfield = 0;
	for (;;) {
		if (c->nfield == MAX_FIELDS)
			return -1;
		c->field[c->nfield++] = w = p;
		if (*p == '"') {
			p++;
			for (;;) {
				if (*p == '"') {
					if (p[1] != '"') {
						p++;
						break;
					}
					p++;
				} else if (!*p) {
					return -1;
				}
				*w++ = *p++;
			}
		} else {
			while (*p && *p != ',')
				*w++ = *p++;
		}
		ch = *p;  /* read before writing: w may equal p */
		*w = 0;
		if (ch == ',') {
			p++;
			continue;
		}
		return ch ? -1 : 0;
	}
}

/* Read the next non-blank record. Returns 1 (fields in c->field), 0 at the end, -1 on a
 * malformed record (message printed). */
static int csv_in_next(struct csv_in *c)
{
	ssize_t n;
	int in_quote = 0;
	size_t i;

	buf_reset(&c->rec);
	for (;;) {
		n = getline(&c->line, &c->line_cap, c->f);
		if (n < 0) {
			if (in_quote) {
				fprintf(stderr, "plain: %s:%ld: quote left open\n", c->path,
					c->lineno);
				return -1;
			}
			if (c->rec.len == 0)
				return 0;
			break;
		}
		c->lineno++;
		for (i = 0; i < (size_t)n; i++)
			if (c->line[i] == '"')
				in_quote = !in_quote;
		buf_add(&c->rec, c->line, (size_t)n);
		if (in_quote)
			continue;
		while (c->rec.len && (c->rec.s[c->rec.len - 1] == '\n' ||
				      c->rec.s[c->rec.len - 1] == '\r'))
			c->rec.s[--c->rec.len] = 0;
		if (c->rec.len)
			break;
	}
	if (csv_split(c)) {
		fprintf(stderr, "plain: %s:%ld: malformed CSV record\n", c->path, c->lineno);
		return -1;
	}
	return 1;
}

/* Index of column name in the header record, or -1. */
static int csv_col(const struct csv_in *hdr, const char *name)
{
	size_t i;

	for (i = 0; i < hdr->nfield; i++)
		if (strcmp(hdr->field[i], name) == 0)
			return (int)i;
	return -1;
}

/* ---- SQLite helpers -------------------------------------------------------------------- */

static int exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "plain: SQL failed: %s\n  in: %.200s\n", msg ? msg : "?", sql);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "plain: cannot prepare: %s\n  in: %.300s\n", sqlite3_errmsg(db),
			sql);
		return NULL;
	}
	return st;
}

/* Bind a CSV text field: empty is NULL ("not known", docs/csv.md). */
static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s || !*s)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* ---- loading ---------------------------------------------------------------------------- */

static const char schema_sql[] =
	"CREATE TABLE org(id INTEGER PRIMARY KEY, code TEXT UNIQUE, parent_id INTEGER,"
	" name TEXT, kind TEXT);"
	"CREATE TABLE member(id INTEGER PRIMARY KEY, org_id INTEGER, full_name TEXT, sex TEXT,"
	" birth_date TEXT, ethnicity TEXT, religion TEXT, hometown TEXT, citizen_id TEXT,"
	" education TEXT, theory_level TEXT, rank TEXT, category TEXT, post TEXT,"
	" history_no TEXT, card_no TEXT, phone TEXT, admission_decision_date TEXT,"
	" admission_ceremony_date TEXT, official_date TEXT, status TEXT,"
	" given_name TEXT, folded_name TEXT, sort_key BLOB);"
	"CREATE INDEX org_parent ON org(parent_id);"
	"CREATE INDEX member_org ON member(org_id);";

/* The CSV columns of docs/csv.md that map one to one onto member columns, in the order of
 * the INSERT below (after id and org_id). */
static const char *const member_text_cols[] = {
	"full_name", "sex", "birth_date", "ethnicity", "religion", "hometown", "citizen_id",
	"education", "theory_level", "rank", "category", "post", "history_no", "card_no",
	"phone", "admission_decision_date", "admission_ceremony_date", "official_date", "status",
};
#define N_MEMBER_TEXT (sizeof member_text_cols / sizeof member_text_cols[0])

static int load_orgs(sqlite3 *db, const char *path, long *count)
{
	struct csv_in c;
	sqlite3_stmt *ins = NULL, *link = NULL;
	char **parent = NULL, **code = NULL;
	size_t n = 0, cap = 0, i;
	int rc = -1, r, ccode, cparent, cname, ckind;

	if (csv_in_open(&c, path))
		return -1;
	if (csv_in_next(&c) != 1)
		goto out;
	ccode = csv_col(&c, "code");
	cparent = csv_col(&c, "parent_code");
	cname = csv_col(&c, "name");
	ckind = csv_col(&c, "kind");
	if (ccode < 0 || cparent < 0 || cname < 0 || ckind < 0) {
		fprintf(stderr, "plain: %s: needs columns code, parent_code, name, kind\n", path);
		goto out;
	}
	ins = prepare(db, "INSERT INTO org(code, name, kind) VALUES (?1, ?2, ?3)");
	link = prepare(db, "UPDATE org SET parent_id = (SELECT p.id FROM org p WHERE p.code = ?2)"
		       " WHERE code = ?1");
	if (!ins || !link)
		goto out;
	/* Rows may come in any order, so parents are linked once every code exists. */
	while ((r = csv_in_next(&c)) == 1) {
		if (c.nfield <= (size_t)ccode || c.nfield <= (size_t)cparent ||
		    c.nfield <= (size_t)cname || c.nfield <= (size_t)ckind) {
			fprintf(stderr, "plain: %s:%ld: too few fields\n", path, c.lineno);
			goto out;
		}
		bind_text(ins, 1, c.field[ccode]);
		bind_text(ins, 2, c.field[cname]);
		bind_text(ins, 3, c.field[ckind]);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "plain: %s:%ld: %s\n", path, c.lineno, sqlite3_errmsg(db));
			goto out;
		}
		sqlite3_reset(ins);
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			code = xrealloc(code, cap * sizeof *code);
			parent = xrealloc(parent, cap * sizeof *parent);
		}
		code[n] = xstrdup(c.field[ccode]);
		parent[n] = xstrdup(c.field[cparent]);
		n++;
	}
	if (r < 0)
		goto out;
	for (i = 0; i < n; i++) {
		if (!*parent[i])
			continue;
		bind_text(link, 1, code[i]);
		bind_text(link, 2, parent[i]);
		if (sqlite3_step(link) != SQLITE_DONE) {
			fprintf(stderr, "plain: linking %s: %s\n", code[i], sqlite3_errmsg(db));
			goto out;
		}
		sqlite3_reset(link);
	}
	*count = (long)n;
	rc = 0;
out:
	for (i = 0; i < n; i++) {
		free(code[i]);
		free(parent[i]);
	}
	free(code);
	free(parent);
	sqlite3_finalize(ins);
	sqlite3_finalize(link);
	csv_in_close(&c);
	return rc;
}

static int load_members(sqlite3 *db, const char *path, long *count, double *name_ms)
{
	struct csv_in c;
	sqlite3_stmt *ins = NULL;
	struct buf given, folded;
	unsigned char key[VNAME_KEY_MAX];
	int col[N_MEMBER_TEXT], cid, corg, rc = -1, r;
	size_t i, klen;
	long n = 0;
	double t;

	buf_init(&given, 0);
	buf_init(&folded, 0);
	if (csv_in_open(&c, path))
		goto out;
	if (csv_in_next(&c) != 1)
		goto out;
	cid = csv_col(&c, "id");
	corg = csv_col(&c, "org_code");
	for (i = 0; i < N_MEMBER_TEXT; i++)
		col[i] = csv_col(&c, member_text_cols[i]);
	if (cid < 0 || corg < 0 || col[0] < 0) {
		fprintf(stderr, "plain: %s: needs columns id, org_code, full_name\n", path);
		goto out;
	}
	ins = prepare(db,
		"INSERT INTO member(id, org_id, full_name, sex, birth_date, ethnicity, religion,"
		" hometown, citizen_id, education, theory_level, rank, category, post, history_no,"
		" card_no, phone, admission_decision_date, admission_ceremony_date, official_date,"
		" status, given_name, folded_name, sort_key)"
		" VALUES (?1, (SELECT id FROM org WHERE code = ?2), ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
		" ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24)");
	if (!ins)
		goto out;
	while ((r = csv_in_next(&c)) == 1) {
		const char *full;
		char *end;
		long long id;

		if (c.nfield <= (size_t)cid || c.nfield <= (size_t)corg) {
			fprintf(stderr, "plain: %s:%ld: too few fields\n", path, c.lineno);
			goto out;
		}
		errno = 0;
		id = strtoll(c.field[cid], &end, 10);
		if (errno || *end || end == c.field[cid]) {
			fprintf(stderr, "plain: %s:%ld: id '%s' is not a number\n", path, c.lineno,
				c.field[cid]);
			goto out;
		}
		sqlite3_bind_int64(ins, 1, id);
		bind_text(ins, 2, c.field[corg]);
		for (i = 0; i < N_MEMBER_TEXT; i++)
			bind_text(ins, 3 + (int)i, col[i] >= 0 && (size_t)col[i] < c.nfield ?
				  c.field[col[i]] : NULL);
		full = c.field[col[0]];
		t = now_ms();
		vname_split(full, NULL, NULL, &given);
		vname_fold(full, &folded);
		klen = vname_sort_key(full, key, sizeof key);
		*name_ms += now_ms() - t;
		bind_text(ins, 22, buf_str(&given));
		bind_text(ins, 23, buf_str(&folded));
		if (klen)
			sqlite3_bind_blob(ins, 24, key, (int)klen, SQLITE_STATIC);
		else
			sqlite3_bind_null(ins, 24);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			fprintf(stderr, "plain: %s:%ld: %s\n", path, c.lineno, sqlite3_errmsg(db));
			goto out;
		}
		sqlite3_reset(ins);
		n++;
	}
	if (r < 0)
		goto out;
	*count = n;
	rc = 0;
out:
	sqlite3_finalize(ins);
	csv_in_close(&c);
	buf_cleanup(&given);
	buf_cleanup(&folded);
	return rc;
}

/* ---- timing ----------------------------------------------------------------------------- */

/* The subtree of the province ?1, as plain SQL walks it. */
#define SUBTREE_CTE \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1" \
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

struct bench {
	const char *name;
	const char *sql;     /* ?1 province code, ?2 offset or pattern */
	int careful;         /* needs the careful indexes */
	int fts;             /* needs the FTS table */
	int bind2;           /* 0 none, 1 offset (int), 2 LIKE pattern, 3 FTS phrase */
	int max_reps;        /* cap on repetitions (0: none) for the slow naive form */
};

/* The subtree is joined as "org_id IN (SELECT id FROM sub)": with that form SQLite always
 * walks the subtree and looks members up by org_id. Written as "JOIN sub ON m.org_id =
 * sub.id" the plan depends on the statistics: at scale 0.01 SQLite 3.40 scans the whole
 * member index and probes sub, at scale 1 it walks sub first. That form is timed too
 * (counts_cte_join, few repetitions) to show the difference; the other queries use IN.
 * INDEXED BY keeps the plain queries on the plain index even when the careful one exists
 * (--reuse). */
static const struct bench benches[] = {
	{ "counts_cte",
	  SUBTREE_CTE "SELECT m.status, count(*) FROM member m INDEXED BY member_org"
	  " WHERE m.org_id IN (SELECT id FROM sub) GROUP BY m.status", 0, 0, 0, 0 },
	{ "counts_cte_join",
	  SUBTREE_CTE "SELECT m.status, count(*) FROM member m INDEXED BY member_org"
	  " JOIN sub ON m.org_id = sub.id GROUP BY m.status", 0, 0, 0, 5 },
	{ "list_page_nocase",
	  SUBTREE_CTE "SELECT m.id, m.full_name, m.birth_date, m.rank, m.post, o.code"
	  " FROM member m INDEXED BY member_org JOIN org o ON o.id = m.org_id"
	  " WHERE m.org_id IN (SELECT id FROM sub)"
	  " ORDER BY m.given_name COLLATE NOCASE, m.full_name COLLATE NOCASE, m.id"
	  " LIMIT 50 OFFSET ?2", 0, 0, 1, 0 },
	{ "search_like",
	  SUBTREE_CTE "SELECT m.id, m.full_name, o.code"
	  " FROM member m INDEXED BY member_org JOIN org o ON o.id = m.org_id"
	  " WHERE m.org_id IN (SELECT id FROM sub) AND m.folded_name LIKE ?2"
	  " ORDER BY m.given_name COLLATE NOCASE, m.full_name COLLATE NOCASE, m.id LIMIT 50",
	  0, 0, 2, 0 },
	{ "counts_covering_index",
	  SUBTREE_CTE "SELECT m.status, count(*) FROM member m INDEXED BY member_org_status"
	  " WHERE m.org_id IN (SELECT id FROM sub) GROUP BY m.status", 1, 0, 0, 0 },
	{ "list_page_sortkey",
	  SUBTREE_CTE "SELECT m.id, m.full_name, m.birth_date, m.rank, m.post, o.code"
	  " FROM member m INDEXED BY member_org JOIN org o ON o.id = m.org_id"
	  " WHERE m.org_id IN (SELECT id FROM sub) ORDER BY m.sort_key, m.id"
	  " LIMIT 50 OFFSET ?2", 1, 0, 1, 0 },
	{ "search_fts5_trigram",
	  SUBTREE_CTE "SELECT m.id, m.full_name, o.code"
	  " FROM member_fts f JOIN member m ON m.id = f.rowid JOIN org o ON o.id = m.org_id"
	  " WHERE member_fts MATCH ?2 AND m.org_id IN (SELECT id FROM sub)"
	  " ORDER BY m.given_name COLLATE NOCASE, m.full_name COLLATE NOCASE, m.id LIMIT 50",
	  1, 1, 3, 0 },
};
#define N_BENCHES (sizeof benches / sizeof benches[0])

struct province {
	char code[33];
	long members;
	int offset;
};

/* Run st once with its bindings and step through every row, reading each column as a
 * client would. Returns the number of rows, or -1 on error. */
static long run_once(sqlite3 *db, sqlite3_stmt *st, const struct bench *b,
		     const struct province *p, const char *pattern, const char *phrase)
{
	long rows = 0;
	int rc, i, n;

	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	if (b->bind2 == 1)
		sqlite3_bind_int(st, 2, p->offset);
	else if (b->bind2 == 2)
		sqlite3_bind_text(st, 2, pattern, -1, SQLITE_STATIC);
	else if (b->bind2 == 3)
		sqlite3_bind_text(st, 2, phrase, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		n = sqlite3_column_count(st);
		for (i = 0; i < n; i++)
			(void)sqlite3_column_text(st, i);
		rows++;
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "plain: %s: %s\n", b->name, sqlite3_errmsg(db));
		return -1;
	}
	return rows;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest-rank percentile q (0..1) of the sorted samples v[0..n-1]. */
static double percentile(const double *v, size_t n, double q)
{
	size_t k = (size_t)(q * (double)n + 0.999999);

	if (k == 0)
		k = 1;
	if (k > n)
		k = n;
	return v[k - 1];
}

static int time_bench(sqlite3 *db, const struct bench *b, const struct province *prov,
		      size_t nprov, int reps, int offset, const char *pattern,
		      const char *phrase, int verbose)
{
	sqlite3_stmt *st = prepare(db, b->sql);
	double *sample, t, med;
	int nrep = b->max_reps && b->max_reps < reps ? b->max_reps : reps;
	size_t ns = 0, p;
	long rows = 0, total_rows = 0;
	int k, rc = -1;

	if (!st)
		return -1;
	sample = xmalloc(nprov * (size_t)nrep * sizeof *sample);
	for (p = 0; p < nprov; p++) {
		double *first = sample + ns;

		if (run_once(db, st, b, &prov[p], pattern, phrase) < 0)  /* warm-up */
			goto out;
		for (k = 0; k < nrep; k++) {
			t = now_ms();
			rows = run_once(db, st, b, &prov[p], pattern, phrase);
			sample[ns++] = now_ms() - t;
			if (rows < 0)
				goto out;
		}
		total_rows += rows;
		if (verbose) {
			qsort(first, (size_t)nrep, sizeof *first, cmp_double);
			fprintf(stderr, "  %s %s: median %.3f ms, rows %ld, offset %d\n", b->name,
				prov[p].code, percentile(first, (size_t)nrep, 0.5), rows,
				prov[p].offset);
		}
	}
	qsort(sample, ns, sizeof *sample, cmp_double);
	med = percentile(sample, ns, 0.5);
	printf("plain %s median_ms=%.3f p90_ms=%.3f reps=%d provinces=%zu rows_avg=%.1f",
	       b->name, med, percentile(sample, ns, 0.9), nrep, nprov,
	       (double)total_rows / (double)nprov);
	if (b->bind2 == 1)
		printf(" offset=%d", offset);
	else if (b->bind2 == 2)
		printf(" pattern=%s", pattern);
	else if (b->bind2 == 3)
		printf(" match=%s", phrase);
	printf("\n");
	fflush(stdout);
	rc = 0;
out:
	free(sample);
	sqlite3_finalize(st);
	return rc;
}

/* ---- main ------------------------------------------------------------------------------- */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: plain --orgs FILE --members FILE --db PATH [--reuse] [--reps N]\n"
		"             [--provinces P001,P002,...] [--offset N] [--search TEXT]\n"
		"             [--cache-mb N] [--no-fts] [-v]\n"
		"  --reuse      keep an existing DB (skip the load)\n"
		"  --reps N     timed repetitions per province (default 21)\n"
		"  --provinces  level-3 codes to time (default: 5 spread over the tree, among\n"
		"               those with at least offset + 50 members)\n"
		"  --offset N   list page offset (default 8000, capped at members - 50)\n"
		"  --search T   name to search without accents (default \"văn hùng\")\n"
		"  --cache-mb N SQLite page cache in MiB (default: SQLite's own, 2 MiB)\n"
		"  --no-fts     skip the FTS5 variant (its index takes a while to build)\n");
}

static int parse_int(const char *s, int lo, int hi, int *v)
{
	char *end;
	long x;

	if (!s || !*s)
		return -1;
	errno = 0;
	x = strtol(s, &end, 10);
	if (errno || *end || x < lo || x > hi)
		return -1;
	*v = (int)x;
	return 0;
}

static double file_mb(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 ? (double)sb.st_size / (1024.0 * 1024.0) : 0;
}

static int table_exists(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st = prepare(db, "SELECT 1 FROM sqlite_schema WHERE name = ?1");
	int found;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Fill prov from a comma list, or pick 5 level-3 codes spread over the tree among those with
 * at least min_members members (all of them if none has), so that the deep list page really
 * is at the asked offset. */
static int choose_provinces(sqlite3 *db, const char *list, long min_members,
			    struct province *prov, size_t *n)
{
	sqlite3_stmt *st;
	char **all = NULL;
	size_t nall = 0, nbig = 0, cap = 0, i, pass;
	long *size = NULL;
	int rc = -1;

	*n = 0;
	if (list) {
		const char *s = list;

		while (*s && *n < MAX_PROVINCES) {
			size_t len = strcspn(s, ",");

			if (len == 0 || len >= sizeof prov[0].code) {
				fprintf(stderr, "plain: bad province list '%s'\n", list);
				return -1;
			}
			memcpy(prov[*n].code, s, len);
			prov[(*n)++].code[len] = 0;
			s += len + (s[len] == ',');
		}
		return *n ? 0 : -1;
	}
	/* Every level-3 committee with the size of its subtree, in one pass (not timed). */
	st = prepare(db,
		"WITH RECURSIVE l3(id, code) AS (SELECT o.id, o.code FROM org o"
		" JOIN org p ON o.parent_id = p.id JOIN org r ON p.parent_id = r.id"
		" WHERE r.parent_id IS NULL),"
		" t(id, root) AS (SELECT id, id FROM l3"
		" UNION ALL SELECT o.id, t.root FROM org o JOIN t ON o.parent_id = t.id)"
		" SELECT l3.code, (SELECT count(*) FROM t JOIN member m INDEXED BY member_org"
		" ON m.org_id = t.id WHERE t.root = l3.id) FROM l3 ORDER BY l3.code");
	if (!st)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (nall == cap) {
			cap = cap ? 2 * cap : 256;
			all = xrealloc(all, cap * sizeof *all);
			size = xrealloc(size, cap * sizeof *size);
		}
		all[nall] = xstrdup((const char *)sqlite3_column_text(st, 0));
		size[nall] = (long)sqlite3_column_int64(st, 1);
		nbig += size[nall] >= min_members;
		nall++;
	}
	sqlite3_finalize(st);
	if (nall == 0) {
		fprintf(stderr, "plain: no level-3 organisations in the database\n");
		goto out;
	}
	if (nbig == 0) {
		min_members = 0;
		nbig = nall;
	}
	/* Take the eligible codes at 0, 1/4, 1/2, 3/4 and the end of their list. */
	for (pass = 0; pass < 5; pass++) {
		size_t k = nbig == 1 ? 0 : pass * (nbig - 1) / 4, seen = 0;

		for (i = 0; i < nall; i++) {
			if (size[i] < min_members)
				continue;
			if (seen++ == k)
				break;
		}
		if (i == nall || (*n && strcmp(prov[*n - 1].code, all[i]) == 0))
			continue;
		snprintf(prov[*n].code, sizeof prov[*n].code, "%s", all[i]);
		(*n)++;
	}
	rc = 0;
out:
	for (i = 0; i < nall; i++)
		free(all[i]);
	free(all);
	free(size);
	return rc;
}

/* Count each province's members (the counts query) and set its page offset. */
static int size_provinces(sqlite3 *db, struct province *prov, size_t n, int offset)
{
	sqlite3_stmt *st = prepare(db, SUBTREE_CTE "SELECT count(*) FROM member m"
				   " WHERE m.org_id IN (SELECT id FROM sub)");
	size_t i;

	if (!st)
		return -1;
	for (i = 0; i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, prov[i].code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_finalize(st);
			return -1;
		}
		prov[i].members = sqlite3_column_int64(st, 0);
		prov[i].offset = prov[i].members - 50 < offset ?
				 (int)(prov[i].members > 50 ? prov[i].members - 50 : 0) : offset;
	}
	sqlite3_finalize(st);
	return 0;
}

int main(int argc, char **argv)
{
	const char *orgs = NULL, *members = NULL, *dbpath = NULL, *plist = NULL;
	const char *search = "văn hùng";
	int reuse = 0, reps = 21, offset = 8000, fts = 1, verbose = 0, rc = 1, i, cache_mb = 0;
	sqlite3 *db = NULL;
	struct province prov[MAX_PROVINCES];
	size_t nprov = 0, b;
	struct buf folded, pattern, phrase;
	char err[256];
	double t, name_ms = 0;
	long norgs = 0, nmembers = 0;

	buf_init(&folded, 0);
	buf_init(&pattern, 0);
	buf_init(&phrase, 0);
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--orgs") == 0 && v)
			orgs = argv[++i];
		else if (strcmp(a, "--members") == 0 && v)
			members = argv[++i];
		else if (strcmp(a, "--db") == 0 && v)
			dbpath = argv[++i];
		else if (strcmp(a, "--provinces") == 0 && v)
			plist = argv[++i];
		else if (strcmp(a, "--search") == 0 && v)
			search = argv[++i];
		else if (strcmp(a, "--reps") == 0 && parse_int(v, 1, 100000, &reps) == 0)
			i++;
		else if (strcmp(a, "--offset") == 0 && parse_int(v, 0, 100000000, &offset) == 0)
			i++;
		else if (strcmp(a, "--cache-mb") == 0 && parse_int(v, 1, 1 << 20, &cache_mb) == 0)
			i++;
		else if (strcmp(a, "--reuse") == 0)
			reuse = 1;
		else if (strcmp(a, "--no-fts") == 0)
			fts = 0;
		else if (strcmp(a, "-v") == 0)
			verbose = 1;
		else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "plain: bad or incomplete option '%s'\n", a);
			usage(stderr);
			return 2;
		}
	}
	if (!dbpath || (!reuse && (!orgs || !members))) {
		fprintf(stderr, "plain: --db is required, and --orgs/--members unless --reuse\n");
		usage(stderr);
		return 2;
	}
	if (vname_init(err, sizeof err)) {
		fprintf(stderr, "plain: %s\n", err);
		return 1;
	}
	if (reuse && access(dbpath, R_OK) != 0) {
		fprintf(stderr, "plain: --reuse: %s does not exist\n", dbpath);
		goto out;
	}
	if (!reuse && unlink(dbpath) != 0 && errno != ENOENT) {
		fprintf(stderr, "plain: cannot remove %s: %s\n", dbpath, strerror(errno));
		goto out;
	}
	if (sqlite3_open(dbpath, &db) != SQLITE_OK) {
		fprintf(stderr, "plain: cannot open %s: %s\n", dbpath, sqlite3_errmsg(db));
		goto out;
	}

	if (cache_mb) {
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = -%d", cache_mb * 1024);
		if (exec(db, pragma))
			goto out;
	}
	printf("plain config sqlite=%s cache_mb=%d%s\n", sqlite3_libversion(),
	       cache_mb ? cache_mb : 2, cache_mb ? "" : " (default)");
	if (!reuse) {
		t = now_ms();
		if (exec(db, schema_sql) || exec(db, "BEGIN") ||
		    load_orgs(db, orgs, &norgs) || load_members(db, members, &nmembers, &name_ms) ||
		    exec(db, "COMMIT"))
			goto out;
		printf("plain load seconds=%.2f orgs=%ld members=%ld name_keys_seconds=%.2f"
		       " db_mb=%.0f\n", (now_ms() - t) / 1e3, norgs, nmembers, name_ms / 1e3,
		       file_mb(dbpath));
		fflush(stdout);
		t = now_ms();
		if (exec(db, "ANALYZE"))
			goto out;
		printf("plain analyze seconds=%.2f\n", (now_ms() - t) / 1e3);
	}

	if (choose_provinces(db, plist, (long)offset + 50, prov, &nprov) ||
	    size_provinces(db, prov, nprov, offset))
		goto out;
	vname_fold(search, &folded);
	buf_printf(&pattern, "%%%s%%", buf_str(&folded));
	buf_printf(&phrase, "\"%s\"", buf_str(&folded));
	printf("plain provinces");
	for (b = 0; b < nprov; b++)
		printf(" %s=%ld", prov[b].code, prov[b].members);
	printf("\n");
	fflush(stdout);

	for (b = 0; b < N_BENCHES; b++) {
		const struct bench *be = &benches[b];

		if (be->careful && !table_exists(db, "member_org_status")) {
			t = now_ms();
			if (exec(db, "CREATE INDEX IF NOT EXISTS member_org_status"
				 " ON member(org_id, status)"))
				goto out;
			printf("plain careful_index_build seconds=%.2f db_mb=%.0f\n",
			       (now_ms() - t) / 1e3, file_mb(dbpath));
			fflush(stdout);
		}
		if (be->fts) {
			if (!fts)
				continue;
			if (!table_exists(db, "member_fts")) {
				t = now_ms();
				if (exec(db, "CREATE VIRTUAL TABLE member_fts USING fts5("
					 "folded_name, content='member', content_rowid='id',"
					 " tokenize='trigram');"
					 "INSERT INTO member_fts(member_fts) VALUES('rebuild')"))
					goto out;
				printf("plain fts5_build seconds=%.2f db_mb=%.0f\n",
				       (now_ms() - t) / 1e3, file_mb(dbpath));
				fflush(stdout);
			}
		}
		if (time_bench(db, be, prov, nprov, reps, offset, buf_str(&pattern),
			       buf_str(&phrase), verbose))
			goto out;
	}
	rc = 0;
out:
	sqlite3_close(db);
	vname_shutdown();
	buf_cleanup(&folded);
	buf_cleanup(&pattern);
	buf_cleanup(&phrase);
	return rc;
}
