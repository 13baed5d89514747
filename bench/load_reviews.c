/* load_reviews.c - load a year of review decisions into a cadre database through the app
 * layer, as a secretary's form or an import would: app_review_members once per grassroots
 * organisation (R-REVIEW-EXCELLENT-QUOTA is checked on each batch's result), then
 * app_review_orgs for the organisations' own grades. Every decision is validated, stored
 * with its audit entry, and counted by the triggers into the figures.
 *
 * Usage: load_reviews --db PATH --reviews FILE --org-reviews FILE [--date YYYY-MM-DD]
 *
 * The files are those of bench/gen (--reviews-out: member_id,year,grade; --org-reviews-out:
 * org_code,year,grade). Rows may come in any order: each member's grassroots organisation is
 * found from the tree (as src/app/app_review.c does) and the rows are batched by it. Prints
 *     cadre reviews_load seconds=... members=... batches=... per_member_us=... orgs=...
 *                        org_seconds=... cpu_seconds=...
 * (seconds: the loading alone; cpu_seconds: the process's processor time, the reading of the
 * tree included) and exits non-zero if any batch is refused (its messages on standard error). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <sqlite3.h>

#include "../src/app/app.h"
#include "../src/app/app_report.h"
#include "../src/lib/mem.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct row {
	int64_t member_id;
	int year;
	int grade;
	int32_t g;       /* grassroots organisation's id */
	long line;
};

static int cmp_row(const void *x, const void *y)
{
	const struct row *a = x, *b = y;

	if (a->g != b->g)
		return a->g < b->g ? -1 : 1;
	return a->line < b->line ? -1 : a->line > b->line;
}

/* Split "a,b,c" (no quotes in these files) into at most n fields; returns the count. */
static int split(char *s, char **f, int n)
{
	int k = 0;

	s[strcspn(s, "\r\n")] = 0;
	while (k < n) {
		f[k++] = s;
		s = strchr(s, ',');
		if (!s)
			break;
		*s++ = 0;
	}
	return k;
}

static void print_errors(const char *what, const struct err *e)
{
	size_t i;

	for (i = 0; i < e->n && i < 20; i++)
		fprintf(stderr, "load_reviews: %s: line %ld: %s\n", what, e->items[i].line,
			e->items[i].msg);
	if (e->n > 20)
		fprintf(stderr, "load_reviews: %s: ... %zu messages in all\n", what, e->n);
}

/* kind and parent of every organisation, by id, read once from the database. */
struct otree {
	int32_t *parent;
	char *kind;      /* 'c' committee, 'g' grassroots, 's' subcommittee, 'l' cell */
	int32_t *gr;     /* the grassroots organisation of each */
	int32_t *org_of; /* the organisation of each member, by member id */
	int64_t norg, nmember;
};

static int32_t grassroots_of(const struct otree *t, int32_t i)
{
	int guard = 0;

	while (guard++ < 64) {
		int32_t p = t->parent[i];

		if (t->kind[i] == 'g' || t->kind[i] == 'c' || !p)
			break;
		if (t->kind[i] == 'l' && t->kind[p] == 'c')
			break;
		i = p;
	}
	return i;
}

static int tree_read(const char *path, struct otree *t)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	int rc = -1;
	int64_t i;

	memset(t, 0, sizeof *t);
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		goto out;
	if (sqlite3_prepare_v2(db, "SELECT max(id) FROM org", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto out;
	t->norg = sqlite3_column_int64(s, 0) + 1;
	sqlite3_finalize(s);
	if (sqlite3_prepare_v2(db, "SELECT max(id) FROM member", -1, &s, NULL) != SQLITE_OK ||
	    sqlite3_step(s) != SQLITE_ROW)
		goto out;
	t->nmember = sqlite3_column_int64(s, 0) + 1;
	sqlite3_finalize(s);
	t->parent = xcalloc((size_t)t->norg, sizeof *t->parent);
	t->kind = xcalloc((size_t)t->norg, 1);
	t->gr = xcalloc((size_t)t->norg, sizeof *t->gr);
	t->org_of = xcalloc((size_t)t->nmember, sizeof *t->org_of);
	if (sqlite3_prepare_v2(db, "SELECT id, coalesce(parent_id, 0), kind FROM org", -1, &s,
			       NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(s, 2);

		i = sqlite3_column_int64(s, 0);
		t->parent[i] = (int32_t)sqlite3_column_int64(s, 1);
		t->kind[i] = !strcmp(k, "committee") ? 'c' : !strcmp(k, "grassroots") ? 'g' :
			     !strcmp(k, "cell") ? 'l' : 's';
	}
	sqlite3_finalize(s);
	for (i = 1; i < t->norg; i++)
		t->gr[i] = t->kind[i] ? grassroots_of(t, (int32_t)i) : 0;
	/* The covering index (org_id first) is a smaller read than the table. */
	if (sqlite3_prepare_v2(db, "SELECT id, org_id FROM member INDEXED BY member_roll", -1, &s,
			       NULL) != SQLITE_OK)
		goto out;
	while (sqlite3_step(s) == SQLITE_ROW)
		t->org_of[sqlite3_column_int64(s, 0)] = (int32_t)sqlite3_column_int64(s, 1);
	rc = 0;
out:
	if (rc)
		fprintf(stderr, "load_reviews: reading the tree of %s: %s\n", path,
			db ? sqlite3_errmsg(db) : "cannot open");
	sqlite3_finalize(s);
	sqlite3_close(db);
	return rc;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *rpath = NULL, *opath = NULL, *date = "2025-12-20";
	struct app a;
	struct actor ac;
	struct err e;
	struct otree t;
	struct row *rows = NULL;
	struct review_in *in = NULL;
	size_t nrow = 0, cap = 0, i, j, batches = 0, nin = 0, incap = 0, norg = 0;
	char line[512], *f[4];
	FILE *fp;
	long lineno = 0;
	double t0, t_members, t_orgs;
	date_t on;
	int rc = 1, y, m, d;

	for (i = 1; i < (size_t)argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < (size_t)argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--reviews") && i + 1 < (size_t)argc)
			rpath = argv[++i];
		else if (!strcmp(argv[i], "--org-reviews") && i + 1 < (size_t)argc)
			opath = argv[++i];
		else if (!strcmp(argv[i], "--date") && i + 1 < (size_t)argc)
			date = argv[++i];
		else {
			fprintf(stderr, "usage: load_reviews --db PATH --reviews FILE "
				"--org-reviews FILE [--date YYYY-MM-DD]\n");
			return 2;
		}
	}
	if (!db || !rpath || !opath || sscanf(date, "%d-%d-%d", &y, &m, &d) != 3) {
		fprintf(stderr, "load_reviews: --db, --reviews and --org-reviews are required\n");
		return 2;
	}
	on = date_from_ymd(y, m, d);
	err_init(&e);
	/* Open through the app first: it migrates an older database. */
	if (app_open(&a, db, 0, &e)) {
		fprintf(stderr, "load_reviews: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	a.quiet = 1;
	if (tree_read(db, &t))
		goto out;

	/* The members' grades, each with its grassroots organisation. */
	if (!(fp = fopen(rpath, "r"))) {
		fprintf(stderr, "load_reviews: %s: %s\n", rpath, strerror(errno));
		goto out;
	}
	while (fgets(line, sizeof line, fp)) {
		struct row *r;
		int64_t id;

		if (++lineno == 1)
			continue;  /* header */
		if (split(line, f, 4) != 3) {
			fprintf(stderr, "load_reviews: %s:%ld: expected member_id,year,grade\n",
				rpath, lineno);
			fclose(fp);
			goto out;
		}
		if (nrow == cap) {
			cap = cap ? cap * 2 : 1 << 16;
			rows = xrealloc(rows, cap * sizeof *rows);
		}
		r = &rows[nrow++];
		id = strtoll(f[0], NULL, 10);
		r->member_id = id;
		r->year = (int)strtol(f[1], NULL, 10);
		r->grade = grade_parse(f[2]);
		r->line = lineno;
		/* Unknown members sort first and are refused by the app with their line. */
		r->g = id > 0 && id < t.nmember && t.org_of[id] ? t.gr[t.org_of[id]] : 0;
	}
	fclose(fp);
	qsort(rows, nrow, sizeof *rows, cmp_row);

	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench-loader");
	snprintf(ac.address, sizeof ac.address, "local");
	ac.role = ROLE_SYS_ADMIN;
	t0 = now_s();
	for (i = 0; i < nrow; i = j) {
		for (j = i; j < nrow && rows[j].g == rows[i].g; j++)
			;
		if (j - i > incap) {
			incap = j - i;
			in = xrealloc(in, incap * sizeof *in);
		}
		nin = j - i;
		memset(in, 0, nin * sizeof *in);
		for (size_t k = 0; k < nin; k++) {
			in[k].member_id = rows[i + k].member_id;
			in[k].year = rows[i + k].year;
			in[k].step = RS_DECISION;
			in[k].score = -1;
			in[k].grade = (enum grade)rows[i + k].grade;
			in[k].date = on;
			in[k].line = rows[i + k].line;
		}
		if (app_review_members(&a, &ac, in, nin, &e)) {
			print_errors(rpath, &e);
			goto out;
		}
		batches++;
		if (batches % 500 == 0) {
			fprintf(stderr, "load_reviews: %zu of %zu members, %.0f s\n", j, nrow,
				now_s() - t0);
		}
	}
	t_members = now_s() - t0;

	/* The organisations' grades, in one batch, in the file's order. */
	if (!(fp = fopen(opath, "r"))) {
		fprintf(stderr, "load_reviews: %s: %s\n", opath, strerror(errno));
		goto out;
	}
	lineno = 0;
	nin = 0;
	while (fgets(line, sizeof line, fp)) {
		if (++lineno == 1)
			continue;
		if (split(line, f, 4) != 3) {
			fprintf(stderr, "load_reviews: %s:%ld: expected org_code,year,grade\n",
				opath, lineno);
			fclose(fp);
			goto out;
		}
		if (nin == incap) {
			incap = incap ? incap * 2 : 1024;
			in = xrealloc(in, incap * sizeof *in);
		}
		memset(&in[nin], 0, sizeof *in);
		snprintf(in[nin].org_code, sizeof in[nin].org_code, "%s", f[0]);
		in[nin].year = (int)strtol(f[1], NULL, 10);
		in[nin].step = RS_DECISION;
		in[nin].score = -1;
		in[nin].grade = (enum grade)grade_parse(f[2]);
		in[nin].date = on;
		in[nin].line = lineno;
		nin++;
	}
	fclose(fp);
	t0 = now_s();
	if (nin && app_review_orgs(&a, &ac, in, nin, &e)) {
		print_errors(opath, &e);
		goto out;
	}
	norg = nin;
	t_orgs = now_s() - t0;
	{
		struct rusage ru;
		double cpu;

		getrusage(RUSAGE_SELF, &ru);
		cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		      (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
		printf("cadre reviews_load seconds=%.2f members=%zu batches=%zu per_member_us=%.1f"
		       " orgs=%zu org_seconds=%.2f cpu_seconds=%.1f\n", t_members + t_orgs, nrow,
		       batches, nrow ? t_members * 1e6 / (double)nrow : 0.0, norg, t_orgs, cpu);
	}
	rc = 0;
out:
	free(rows);
	free(in);
	free(t.parent);
	free(t.kind);
	free(t.gr);
	free(t.org_of);
	app_close(&a);
	err_cleanup(&e);
	return rc;
}
