/* plain.c - the plain-SQL way, for comparison: load the CSVs into a textbook SQLite schema
 * and time subtree counts, a deep list page and accent-free search over a province.
 *
 * Usage: plain --orgs FILE --members FILE --db PATH [--reuse] [--reps N]
 *              [--provinces P001,P002,...] [--offset N] [--search TEXT] [--cache-mb N]
 *              [--no-fts] [-v]
 *        plain --db PATH --reuse --reviews YEAR [--provinces ...] [--reps N]
 *              [--figures CODE] [--rollup-reps N] [--cte-timeout S] [--cte-only]
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
		"       plain --db PATH --reuse --reviews YEAR [--provinces ...] [--reps N]\n"
		"             [--figures CODE] [--rollup-reps N] [--cte-timeout S] [--cte-only]\n"
		"  --reuse      keep an existing DB (skip the load)\n"
		"  --reps N     timed repetitions per province (default 21)\n"
		"  --provinces  level-3 codes to time (default: 5 spread over the tree, among\n"
		"               those with at least offset + 50 members)\n"
		"  --offset N   list page offset (default 8000, capped at members - 50)\n"
		"  --search T   name to search without accents (default \"văn hùng\")\n"
		"  --cache-mb N SQLite page cache in MiB (default: SQLite's own, 2 MiB)\n"
		"  --no-fts     skip the FTS5 variant (its index takes a while to build)\n"
		"  --reviews Y  instead: the figures of issue 4 for review year Y (needs the\n"
		"               tables of bench/plain_reviews.sh): one province's counts by\n"
		"               recursive CTE and by pre-order interval, the whole country's\n"
		"               roll-up both ways, and the figures of one organisation\n"
		"  --figures C  the organisation whose figures are printed (default: the first\n"
		"               province)\n"
		"  --rollup-reps N  timed runs of the careful roll-up (default 5)\n"
		"  --cte-timeout S  stop the recursive-CTE roll-up after S seconds (default\n"
		"               900; 0: leave it out)\n"
		"  --cte-only   only the recursive-CTE roll-up (it takes minutes)\n");
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

/* ---- reviews and figures (issue 4) ----------------------------------------------------- */

/* The figures compared with cadre's, in this order (cadre_bench prints the same keys):
 * members on the rolls by status, member grades of the year, organisation grades of the
 * year, party members of the forces' categories, the forces' non-party headcounts. */
#define NFIG 18
static const char *const fig_key[NFIG] = {
	"official", "probationary", "exempt", "suspended",
	"excellent", "good", "complete", "not_complete",
	"org_excellent", "org_good", "org_complete", "org_not_complete",
	"party_militia", "party_self_defence", "party_reserve",
	"militia", "self_defence", "reserve",
};
static const char *const status_name[4] = { "official", "probationary", "exempt", "suspended" };
static const char *const grade_name4[4] = { "excellent", "good", "complete", "not_complete" };
static const char *const force_name[3] = { "militia", "self_defence", "reserve" };

static int name_index(const char *const *names, int n, const unsigned char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (strcmp(names[i], (const char *)s) == 0)
			return i;
	return -1;
}

static void print_figs(const char *name, const char *org, const long *f)
{
	int i;

	printf("plain %s org=%s", name, org);
	for (i = 0; i < NFIG; i++)
		printf(" %s=%ld", fig_key[i], f[i]);
	printf("\n");
	fflush(stdout);
}

/* The plain way: the subtree by a recursive CTE; members joined with their review by id. */
static const char rv_cte_members[] = SUBTREE_CTE
	"SELECT m.status, m.category, r.grade, count(*) FROM member m INDEXED BY member_org"
	" LEFT JOIN review r INDEXED BY review_member ON r.member_id = m.id AND r.year = ?2"
	" WHERE m.org_id IN (SELECT id FROM sub) GROUP BY 1, 2, 3";
static const char rv_cte_orgs[] = SUBTREE_CTE
	"SELECT v.grade, count(*), NULL, NULL FROM org_review v JOIN org o ON o.code = v.org_code"
	" WHERE v.year = ?2 AND o.id IN (SELECT id FROM sub) GROUP BY 1"
	" UNION ALL SELECT NULL, sum(max(coalesce(militia, 0), 0)),"
	" sum(max(coalesce(self_defence, 0), 0)), sum(max(coalesce(reserve, 0), 0))"
	" FROM org WHERE id IN (SELECT id FROM sub)";
/* The careful way: the subtree as a pre-order interval, covering indexes. */
static const char rv_iv_members[] =
	"SELECT m.status, m.category, count(*) FROM org o"
	" JOIN member m INDEXED BY member_org_cover ON m.org_id = o.id"
	" WHERE o.pre BETWEEN ?1 AND ?2 GROUP BY 1, 2";
static const char rv_iv_grades[] =
	"SELECT r.grade, count(*) FROM org o JOIN review r INDEXED BY review_org_cover"
	" ON r.year = ?3 AND r.org_id = o.id WHERE o.pre BETWEEN ?1 AND ?2 GROUP BY 1";
static const char rv_iv_orgs[] =
	"SELECT v.grade, count(*), NULL, NULL FROM org o JOIN org_review v INDEXED BY org_review_cover"
	" ON v.year = ?3 AND v.org_id = o.id WHERE o.pre BETWEEN ?1 AND ?2 GROUP BY 1"
	" UNION ALL SELECT NULL, sum(max(coalesce(militia, 0), 0)),"
	" sum(max(coalesce(self_defence, 0), 0)), sum(max(coalesce(reserve, 0), 0))"
	" FROM org WHERE pre BETWEEN ?1 AND ?2";

/* Rows (status, category, [grade,] count) into f. */
static void add_member_rows(sqlite3_stmt *st, long *f, int with_grade)
{
	while (sqlite3_step(st) == SQLITE_ROW) {
		long n = sqlite3_column_int64(st, with_grade ? 3 : 2);
		int s = name_index(status_name, 4, sqlite3_column_text(st, 0));
		int c = name_index(force_name, 3, sqlite3_column_text(st, 1));
		int g = with_grade ? name_index(grade_name4, 4, sqlite3_column_text(st, 2)) : -1;

		if (s < 0)
			continue;  /* not on a roll */
		f[s] += n;
		if (c >= 0)
			f[12 + c] += n;
		if (g >= 0)
			f[4 + g] += n;
	}
}

/* Rows (grade, count) of member grades (base 4) or org grades (base 8) into f; a row with a
 * NULL grade holds the headcounts. */
static void add_grade_rows(sqlite3_stmt *st, long *f, int base)
{
	while (sqlite3_step(st) == SQLITE_ROW) {
		int g = name_index(grade_name4, 4, sqlite3_column_text(st, 0));

		if (sqlite3_column_type(st, 0) == SQLITE_NULL && base == 8) {
			f[15] += sqlite3_column_int64(st, 1);
			f[16] += sqlite3_column_int64(st, 2);
			f[17] += sqlite3_column_int64(st, 3);
		} else if (g >= 0) {
			f[base + g] += sqlite3_column_int64(st, 1);
		}
	}
}

struct rv_stmts {
	sqlite3_stmt *cte_m, *cte_o, *iv_m, *iv_g, *iv_o, *iv_range;
};

static int province_cte(struct rv_stmts *s, const char *code, int year, long *f)
{
	memset(f, 0, NFIG * sizeof *f);
	sqlite3_reset(s->cte_m);
	sqlite3_bind_text(s->cte_m, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->cte_m, 2, year);
	add_member_rows(s->cte_m, f, 1);
	sqlite3_reset(s->cte_o);
	sqlite3_bind_text(s->cte_o, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int(s->cte_o, 2, year);
	add_grade_rows(s->cte_o, f, 8);
	return 0;
}

static int province_intervals(struct rv_stmts *s, const char *code, int year, long *f)
{
	sqlite3_stmt *q[3] = { s->iv_m, s->iv_g, s->iv_o };
	long pre, last;
	int i;

	memset(f, 0, NFIG * sizeof *f);
	sqlite3_reset(s->iv_range);
	sqlite3_bind_text(s->iv_range, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(s->iv_range) != SQLITE_ROW)
		return -1;
	pre = (long)sqlite3_column_int64(s->iv_range, 0);
	last = (long)sqlite3_column_int64(s->iv_range, 1);
	sqlite3_reset(s->iv_range);
	for (i = 0; i < 3; i++) {
		sqlite3_reset(q[i]);
		sqlite3_bind_int64(q[i], 1, pre);
		sqlite3_bind_int64(q[i], 2, last);
		if (i)
			sqlite3_bind_int(q[i], 3, year);
	}
	add_member_rows(s->iv_m, f, 0);
	add_grade_rows(s->iv_g, f, 4);
	add_grade_rows(s->iv_o, f, 8);
	return 0;
}

static int column_exists(sqlite3 *db, const char *table, const char *col)
{
	sqlite3_stmt *st = prepare(db, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2");
	int found;

	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, col, -1, SQLITE_STATIC);
	found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* What the careful developer adds for the figures, once: the subtree of every organisation
 * as a pre-order interval org(pre, last) (numbered here, in C, walking the tree by code),
 * the member's organisation recorded on each review row (as cadre's review table does: a
 * review counts where the member was when decided), and covering indexes. */
static int careful_reviews_setup(sqlite3 *db, const char *dbpath)
{
	sqlite3_stmt *st = NULL, *up = NULL;
	int64_t *id = NULL, *parent = NULL, maxid = 0, i;
	long *first = NULL, *next = NULL, *stack = NULL, n = 0, cap = 0, pre = 0, sp = 0;
	long *pre_of = NULL, *last_of = NULL, *depth = NULL;
	double t = now_ms();
	int rc = -1;

	if (column_exists(db, "org", "pre") && table_exists(db, "review_org_cover"))
		return 0;
	if (exec(db, "BEGIN"))
		return -1;
	if (!column_exists(db, "org", "pre")) {
		/* Children in code order, so that the numbering does not depend on ids. */
		if (!(st = prepare(db, "SELECT id, coalesce(parent_id, 0) FROM org ORDER BY code")))
			goto out;
		while (sqlite3_step(st) == SQLITE_ROW) {
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				id = xrealloc(id, (size_t)cap * sizeof *id);
				parent = xrealloc(parent, (size_t)cap * sizeof *parent);
			}
			id[n] = sqlite3_column_int64(st, 0);
			parent[n] = sqlite3_column_int64(st, 1);
			if (id[n] > maxid)
				maxid = id[n];
			n++;
		}
		sqlite3_finalize(st);
		st = NULL;
		first = xmalloc((size_t)(maxid + 1) * sizeof *first);
		next = xmalloc((size_t)(maxid + 1) * sizeof *next);
		pre_of = xcalloc((size_t)(maxid + 1), sizeof *pre_of);
		last_of = xcalloc((size_t)(maxid + 1), sizeof *last_of);
		depth = xcalloc((size_t)(maxid + 1), sizeof *depth);
		stack = xmalloc((size_t)(2 * n + 2) * sizeof *stack);
		for (i = 0; i <= maxid; i++)
			first[i] = next[i] = -1;
		/* Read in code order and pushed on the front: each list descends, so that the
		 * stack below enters the children in code order. */
		for (i = 0; i < n; i++) {
			next[id[i]] = first[parent[i]];
			first[parent[i]] = (long)id[i];
		}
		/* Iterative depth-first walk: a node is pushed as +id (enter) and -id (leave). */
		for (long r = first[0]; r >= 0; r = next[r]) {
			stack[sp++] = r;
			while (sp) {
				long x = stack[--sp];

				if (x < 0) {
					last_of[-x] = pre;
					continue;
				}
				pre_of[x] = ++pre;
				stack[sp++] = -x;
				for (long c = first[x]; c >= 0; c = next[c]) {
					depth[c] = depth[x] + 1;
					stack[sp++] = c;
				}
			}
		}
		if (exec(db, "ALTER TABLE org ADD COLUMN pre INTEGER;"
			 "ALTER TABLE org ADD COLUMN last INTEGER;"
			 "ALTER TABLE org ADD COLUMN depth INTEGER") ||
		    !(up = prepare(db, "UPDATE org SET pre = ?2, last = ?3, depth = ?4 WHERE id = ?1")))
			goto out;
		for (i = 0; i < n; i++) {
			sqlite3_bind_int64(up, 1, id[i]);
			sqlite3_bind_int64(up, 2, pre_of[id[i]]);
			sqlite3_bind_int64(up, 3, last_of[id[i]]);
			sqlite3_bind_int64(up, 4, depth[id[i]]);
			if (sqlite3_step(up) != SQLITE_DONE)
				goto out;
			sqlite3_reset(up);
		}
		if (exec(db, "CREATE UNIQUE INDEX org_interval ON org(pre, last)"))
			goto out;
	}
	if (!column_exists(db, "review", "org_id") &&
	    exec(db, "ALTER TABLE review ADD COLUMN org_id INTEGER;"
		 "UPDATE review SET org_id = (SELECT m.org_id FROM member m WHERE m.id = review.member_id);"
		 "ALTER TABLE org_review ADD COLUMN org_id INTEGER;"
		 "UPDATE org_review SET org_id = (SELECT o.id FROM org o WHERE o.code = org_review.org_code)"))
		goto out;
	if (exec(db, "CREATE INDEX IF NOT EXISTS member_org_cover ON member(org_id, status, category);"
		 "CREATE INDEX IF NOT EXISTS review_org_cover ON review(year, org_id, grade);"
		 "CREATE INDEX IF NOT EXISTS org_review_cover ON org_review(year, org_id, grade);"
		 "ANALYZE org; ANALYZE review; ANALYZE org_review") ||
	    exec(db, "COMMIT"))
		goto out;
	printf("plain careful_reviews_setup seconds=%.2f orgs=%ld db_mb=%.0f\n", (now_ms() - t) / 1e3,
	       n, file_mb(dbpath));
	fflush(stdout);
	rc = 0;
out:
	if (rc) {
		fprintf(stderr, "plain: careful setup: %s\n", sqlite3_errmsg(db));
		exec(db, "ROLLBACK");
	}
	sqlite3_finalize(st);
	sqlite3_finalize(up);
	free(id);
	free(parent);
	free(first);
	free(next);
	free(stack);
	free(pre_of);
	free(last_of);
	free(depth);
	return rc;
}

/* The whole country's roll-up, the careful way: the counts of each organisation's own rolls
 * by GROUP BY over covering indexes, then every organisation's subtree summed over its
 * pre-order interval. */
static const char rollup_iv_own[] =
	"DROP TABLE IF EXISTS temp.own;"
	"CREATE TEMP TABLE own(pre INTEGER PRIMARY KEY, f0, f1, f2, f3, f4, f5, f6, f7, f8, f9,"
	" f10, f11, f12, f13, f14, f15, f16, f17);"
	/* Counted by the index's own order (no sort, one count per group), then pivoted: five
	 * times quicker than a sum(status = ...) per member row. */
	"WITH mc AS MATERIALIZED (SELECT org_id, status, category, count(*) n"
	"   FROM member INDEXED BY member_org_cover GROUP BY 1, 2, 3),"
	" per AS MATERIALIZED (SELECT org_id, sum(n * (status = 'official')) s0,"
	"   sum(n * (status = 'probationary')) s1, sum(n * (status = 'exempt')) s2,"
	"   sum(n * (status = 'suspended')) s3,"
	"   sum(n * (category = 'militia' AND status IN ('official','probationary','exempt','suspended'))) c0,"
	"   sum(n * (category = 'self_defence' AND status IN ('official','probationary','exempt','suspended'))) c1,"
	"   sum(n * (category = 'reserve' AND status IN ('official','probationary','exempt','suspended'))) c2"
	"   FROM mc GROUP BY org_id),"
	" rc AS MATERIALIZED (SELECT org_id, grade, count(*) n"
	"   FROM review INDEXED BY review_org_cover WHERE year = ?1 GROUP BY 1, 2),"
	" rv AS MATERIALIZED (SELECT org_id, sum(n * (grade = 'excellent')) g0,"
	"   sum(n * (grade = 'good')) g1, sum(n * (grade = 'complete')) g2,"
	"   sum(n * (grade = 'not_complete')) g3 FROM rc GROUP BY org_id),"
	" ov AS MATERIALIZED (SELECT org_id, sum(grade = 'excellent') g0, sum(grade = 'good') g1,"
	"   sum(grade = 'complete') g2, sum(grade = 'not_complete') g3"
	"   FROM org_review INDEXED BY org_review_cover WHERE year = ?1 GROUP BY org_id)"
	" INSERT INTO own SELECT o.pre, coalesce(per.s0, 0), coalesce(per.s1, 0),"
	"  coalesce(per.s2, 0), coalesce(per.s3, 0), coalesce(rv.g0, 0), coalesce(rv.g1, 0),"
	"  coalesce(rv.g2, 0), coalesce(rv.g3, 0), coalesce(ov.g0, 0), coalesce(ov.g1, 0),"
	"  coalesce(ov.g2, 0), coalesce(ov.g3, 0), coalesce(per.c0, 0), coalesce(per.c1, 0),"
	"  coalesce(per.c2, 0), max(coalesce(o.militia, 0), 0), max(coalesce(o.self_defence, 0), 0),"
	"  max(coalesce(o.reserve, 0), 0)"
	" FROM org o LEFT JOIN per ON per.org_id = o.id LEFT JOIN rv ON rv.org_id = o.id"
	" LEFT JOIN ov ON ov.org_id = o.id";
static const char rollup_iv_sum[] =
	"SELECT a.code, sum(b.f0), sum(b.f1), sum(b.f2), sum(b.f3), sum(b.f4), sum(b.f5),"
	" sum(b.f6), sum(b.f7), sum(b.f8), sum(b.f9), sum(b.f10), sum(b.f11), sum(b.f12),"
	" sum(b.f13), sum(b.f14), sum(b.f15), sum(b.f16), sum(b.f17)"
	" FROM org a JOIN temp.own b ON b.pre BETWEEN a.pre AND a.last GROUP BY a.id";
/* The plain way: every (ancestor, organisation) pair by a recursive CTE over parent ids,
 * each member joined with its review by id, summed per ancestor. */
static const char rollup_cte_members[] =
	"WITH RECURSIVE anc(a, d) AS (SELECT id, id FROM org"
	" UNION ALL SELECT anc.a, o.id FROM anc JOIN org o ON o.parent_id = anc.d)"
	" SELECT (SELECT code FROM org WHERE id = anc.a), sum(m.status = 'official'),"
	" sum(m.status = 'probationary'), sum(m.status = 'exempt'), sum(m.status = 'suspended'),"
	" sum(r.grade = 'excellent'), sum(r.grade = 'good'), sum(r.grade = 'complete'),"
	" sum(r.grade = 'not_complete'), sum(m.category = 'militia'),"
	" sum(m.category = 'self_defence'), sum(m.category = 'reserve')"
	" FROM anc JOIN member m INDEXED BY member_org ON m.org_id = anc.d"
	" LEFT JOIN review r INDEXED BY review_member ON r.member_id = m.id AND r.year = ?1"
	" GROUP BY anc.a";
static const char rollup_cte_orgs[] =
	"WITH RECURSIVE anc(a, d) AS (SELECT id, id FROM org"
	" UNION ALL SELECT anc.a, o.id FROM anc JOIN org o ON o.parent_id = anc.d)"
	" SELECT (SELECT code FROM org WHERE id = anc.a), sum(v.grade = 'excellent'),"
	" sum(v.grade = 'good'), sum(v.grade = 'complete'), sum(v.grade = 'not_complete'),"
	" sum(max(coalesce(o.militia, 0), 0)), sum(max(coalesce(o.self_defence, 0), 0)),"
	" sum(max(coalesce(o.reserve, 0), 0))"
	" FROM anc JOIN org o ON o.id = anc.d"
	" LEFT JOIN org_review v ON v.org_code = o.code AND v.year = ?1 GROUP BY anc.a";

struct deadline {
	double at;
	int hit;
};

static int past_deadline(void *ctx)
{
	struct deadline *d = ctx;

	if (now_ms() > d->at) {
		d->hit = 1;
		return 1;
	}
	return 0;
}

/* Run the careful roll-up once; the rows of the organisations named keep[0..nk-1] (the root
 * and the compared province) are copied into out[k]. Returns the number of rows or -1. */
static long rollup_intervals(sqlite3 *db, int year, const char *const *keep, int nk, long out[][NFIG])
{
	sqlite3_stmt *st;
	const char *tail, *sql = rollup_iv_own;
	long rows = 0;
	int k, i;

	/* The statements of rollup_iv_own one by one (the last takes ?1). */
	while (sql && *sql) {
		st = NULL;
		if (sqlite3_prepare_v2(db, sql, -1, &st, &tail) != SQLITE_OK) {
			fprintf(stderr, "plain: rollup: %s\n", sqlite3_errmsg(db));
			return -1;
		}
		if (st) {
			if (sqlite3_bind_parameter_count(st))
				sqlite3_bind_int(st, 1, year);
			if (sqlite3_step(st) != SQLITE_DONE) {
				fprintf(stderr, "plain: rollup: %s\n", sqlite3_errmsg(db));
				sqlite3_finalize(st);
				return -1;
			}
			sqlite3_finalize(st);
		}
		sql = tail;
	}
	if (!(st = prepare(db, rollup_iv_sum)))
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);

		rows++;
		for (k = 0; k < nk; k++)
			if (code && strcmp(code, keep[k]) == 0)
				for (i = 0; i < NFIG; i++)
					out[k][i] = sqlite3_column_int64(st, 1 + i);
	}
	sqlite3_finalize(st);
	return rows;
}

/* The plain roll-up once, stopped after timeout_s seconds. Returns the rows, -1 on error,
 * -2 when stopped. */
static long rollup_cte(sqlite3 *db, int year, double timeout_s, const char *const *keep, int nk,
		       long out[][NFIG])
{
	struct deadline dl = { now_ms() + timeout_s * 1e3, 0 };
	sqlite3_stmt *st;
	long rows = 0;
	int k, i, q, rc = SQLITE_DONE;

	sqlite3_progress_handler(db, 100000, past_deadline, &dl);
	for (q = 0; q < 2 && rc == SQLITE_DONE; q++) {
		if (!(st = prepare(db, q ? rollup_cte_orgs : rollup_cte_members)))
			break;
		sqlite3_bind_int(st, 1, year);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *code = (const char *)sqlite3_column_text(st, 0);

			rows += !q;
			for (k = 0; k < nk; k++) {
				if (!code || strcmp(code, keep[k]))
					continue;
				if (!q) {
					for (i = 0; i < 8; i++)
						out[k][i] = sqlite3_column_int64(st, 1 + i);
					for (i = 0; i < 3; i++)
						out[k][12 + i] = sqlite3_column_int64(st, 9 + i);
				} else {
					for (i = 0; i < 4; i++)
						out[k][8 + i] = sqlite3_column_int64(st, 1 + i);
					for (i = 0; i < 3; i++)
						out[k][15 + i] = sqlite3_column_int64(st, 5 + i);
				}
			}
		}
		sqlite3_finalize(st);
	}
	sqlite3_progress_handler(db, 0, NULL, NULL);
	if (dl.hit)
		return -2;
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "plain: roll-up: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	return rows;
}

static void report_samples(const char *name, double *v, size_t n, const char *extra)
{
	qsort(v, n, sizeof *v, cmp_double);
	printf("plain %s median_ms=%.3f p90_ms=%.3f%s%s\n", name, percentile(v, n, 0.5),
	       percentile(v, n, 0.9), *extra ? " " : "", extra);
	fflush(stdout);
}

/* Everything of issue 4 on the plain side: the careful setup, the figures of one
 * organisation, one province's counts both ways, the careful roll-up (reps runs) and the
 * plain one (once, stopped after timeout_s). */
static int reviews_bench(sqlite3 *db, const char *dbpath, int year, const struct province *prov,
			 size_t nprov, int reps, int rollup_reps, double timeout_s,
			 const char *figures_org, int cte_only)
{
	struct rv_stmts s;
	long f[NFIG], roll[2][NFIG];
	double *tc, *ti, *tr, t;
	const char *keep[2];
	char root[64] = "", extra[160];
	size_t p, n = 0;
	int k, rc = -1;
	long rows;
	sqlite3_stmt *st;

	if (!table_exists(db, "review")) {
		fprintf(stderr, "plain: no review table: run bench/plain_reviews.sh first\n");
		return -1;
	}
	if (careful_reviews_setup(db, dbpath))
		return -1;
	memset(&s, 0, sizeof s);
	if (!(s.cte_m = prepare(db, rv_cte_members)) || !(s.cte_o = prepare(db, rv_cte_orgs)) ||
	    !(s.iv_m = prepare(db, rv_iv_members)) || !(s.iv_g = prepare(db, rv_iv_grades)) ||
	    !(s.iv_o = prepare(db, rv_iv_orgs)) ||
	    !(s.iv_range = prepare(db, "SELECT pre, last FROM org WHERE code = ?1")))
		goto out;
	if ((st = prepare(db, "SELECT code FROM org WHERE parent_id IS NULL"))) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(root, sizeof root, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	keep[0] = root;
	keep[1] = figures_org;
	if (cte_only)
		goto cte;

	/* The figures of one organisation, both ways (compared with cadre's by run.sh). */
	province_cte(&s, figures_org, year, f);
	print_figs("figures_cte", figures_org, f);
	province_intervals(&s, figures_org, year, f);
	print_figs("figures_intervals", figures_org, f);

	/* One province's counts, both ways. */
	tc = xmalloc(nprov * (size_t)reps * sizeof *tc);
	ti = xmalloc(nprov * (size_t)reps * sizeof *ti);
	for (p = 0; p < nprov; p++) {
		province_cte(&s, prov[p].code, year, f);
		province_intervals(&s, prov[p].code, year, f);
		for (k = 0; k < reps; k++, n++) {
			t = now_ms();
			province_cte(&s, prov[p].code, year, f);
			tc[n] = now_ms() - t;
			t = now_ms();
			province_intervals(&s, prov[p].code, year, f);
			ti[n] = now_ms() - t;
		}
	}
	snprintf(extra, sizeof extra, "reps=%d provinces=%zu year=%d", reps, nprov, year);
	report_samples("province_report_cte", tc, n, extra);
	report_samples("province_report_intervals", ti, n, extra);
	free(tc);
	free(ti);

	/* The whole country, the careful way: a warm-up, then rollup_reps runs. */
	memset(roll, 0, sizeof roll);
	tr = xmalloc((size_t)rollup_reps * sizeof *tr);
	if ((rows = rollup_intervals(db, year, keep, 2, roll)) < 0)
		goto out;
	for (k = 0; k < rollup_reps; k++) {
		t = now_ms();
		rows = rollup_intervals(db, year, keep, 2, roll);
		tr[k] = now_ms() - t;
		if (rows < 0)
			goto out;
	}
	snprintf(extra, sizeof extra, "reps=%d orgs=%ld year=%d", rollup_reps, rows, year);
	report_samples("rollup_intervals", tr, (size_t)rollup_reps, extra);
	free(tr);
	print_figs("rollup_root_intervals", root, roll[0]);
	print_figs("figures_rollup_intervals", figures_org, roll[1]);

	/* The whole country, the plain way: once, with a time limit. */
cte:
	if (timeout_s > 0) {
		memset(roll, 0, sizeof roll);
		t = now_ms();
		rows = rollup_cte(db, year, timeout_s, keep, 2, roll);
		t = now_ms() - t;
		if (rows == -1)
			goto out;
		printf("plain rollup_cte seconds=%.2f timed_out=%d timeout_s=%.0f orgs=%ld year=%d\n",
		       t / 1e3, rows == -2, timeout_s, rows < 0 ? 0 : rows, year);
		fflush(stdout);
		if (rows >= 0) {
			print_figs("rollup_root_cte", root, roll[0]);
			print_figs("figures_rollup_cte", figures_org, roll[1]);
		}
	}
	rc = 0;
out:
	sqlite3_finalize(s.cte_m);
	sqlite3_finalize(s.cte_o);
	sqlite3_finalize(s.iv_m);
	sqlite3_finalize(s.iv_g);
	sqlite3_finalize(s.iv_o);
	sqlite3_finalize(s.iv_range);
	return rc;
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
	int reviews_year = 0, rollup_reps = 5, cte_timeout = 900, cte_only = 0;
	const char *figures_org = NULL;
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
		else if (strcmp(a, "--reviews") == 0 &&
			 parse_int(v, 1930, 9999, &reviews_year) == 0)
			i++;
		else if (strcmp(a, "--rollup-reps") == 0 && parse_int(v, 1, 1000, &rollup_reps) == 0)
			i++;
		else if (strcmp(a, "--cte-timeout") == 0 && parse_int(v, 0, 86400, &cte_timeout) == 0)
			i++;
		else if (strcmp(a, "--cte-only") == 0)
			cte_only = 1;
		else if (strcmp(a, "--figures") == 0 && v)
			figures_org = argv[++i];
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

	if (reviews_year) {
		rc = reviews_bench(db, dbpath, reviews_year, prov, nprov, reps, rollup_reps,
				   cte_timeout, figures_org ? figures_org : prov[0].code,
				   cte_only) ? 1 : 0;
		goto out;
	}
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
