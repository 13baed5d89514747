/* vac_bench.c - time the vacancy report of key cadres (issue 13, docs/cadres.md) on a database
 * holding the cadres' records (bench/cadres_natl.sh): app_vacancies, in process, exactly as the
 * web page and the API call it (the subtree from the tree's pre-order interval, the rows read
 * by store_vacancies, sorted in priority order, then the planning columns of the first page of
 * 50 rows: successors planned and ready, judged against the criteria), beside the plain way: the same rows as
 * straightforward SQL (the subtree by a recursive CTE on parent_id, the positions and the
 * committees joined to their holdings or seats and the holders' records, grouped). Checks that
 * both give the same rows (kind, id, state, since) for the country and every province.
 *
 * Usage: vac_bench --db PATH [--provinces P014,...] [--reps N] [--plain-reps N]
 *                  [--no-plain] [--cache-mib N] [--as-of YYYY-MM-DD]
 * (--no-plain: cadre's lines only; --cache-mib: the app connection's page cache, default the
 * server's 16 MiB)
 * Prints:
 *     cadre vac_country median_ms=... p90_ms=... p99_ms=... cpu_median_ms=... rows=... runs=...
 *     cadre vac_country_all_plan ... (every row's planning columns: the command line, an export)
 *     plain vac_country median_ms=... rows=...
 *     cadre vac_province median_ms=... (over every province's runs) rows=... (the last's)
 *     plain vac_province ...
 *     check same=1|0
 * median_ms etc.: wall time; cpu_median_ms: the process's processor time (the machine may be
 * shared). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../src/app/app_cadres.h"
#include "../src/app/app_plan.h"
#include "../src/lib/mem.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* The processor time of this process: on a shared machine, the cost of a run without the
 * waits for the other jobs. */
static double cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* t: the wall times of n runs, t + n their processor times. */
static void report(const char *side, const char *name, double *t, int n, long rows)
{
	double *c = t + n;

	qsort(t, (size_t)n, sizeof *t, cmp_double);
	qsort(c, (size_t)n, sizeof *c, cmp_double);
	printf("%s %s median_ms=%.3f p90_ms=%.3f p99_ms=%.3f cpu_median_ms=%.3f rows=%ld runs=%d\n",
	       side, name, t[n / 2], t[(n * 9) / 10], t[(n * 99) / 100], c[n / 2], rows, n);
	fflush(stdout);
}

/* A row as text "what id state since", for comparing the two ways. */
struct rows {
	char **v;
	size_t n, cap;
};

static void rows_add(struct rows *r, const char *what, long long id, const char *state,
		     long long since)
{
	char buf[96];

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 1024;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	snprintf(buf, sizeof buf, "%s %lld %s %lld", what, id, state, since);
	r->v[r->n++] = xstrdup(buf);
}

static void rows_free(struct rows *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i]);
	free(r->v);
	memset(r, 0, sizeof *r);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int rows_same(struct rows *a, struct rows *b)
{
	size_t i;

	if (a->n != b->n)
		return 0;
	qsort(a->v, a->n, sizeof *a->v, cmp_str);
	qsort(b->v, b->n, sizeof *b->v, cmp_str);
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i])) {
			fprintf(stderr, "vac_bench: differ: cadre %s, plain %s\n", a->v[i], b->v[i]);
			return 0;
		}
	return 1;
}

#define ACTIVE "('probationary','official','exempt','suspended')"
#define COV(t) "(" t ".valid_from <= ?2 AND (" t ".valid_to IS NULL OR " t ".valid_to > ?2))"
#define ON_ROLLS "(m.status IN " ACTIVE " OR m.status_since > ?2)"
#define SUBTREE                                                                               \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1"                       \
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

/* The plain way: the key positions and the committees of the subtree on ?2 grouped with their
 * holdings or seats; the state and since as the report defines them. */
static const char plain_sql[] =
	SUBTREE ", pos AS (SELECT p.id, p.seats, p.valid_from,"
	"  coalesce(sum(h.acting = 0 AND " COV("h") " AND " ON_ROLLS "), 0) AS full,"
	"  coalesce(sum(h.acting = 1 AND " COV("h") " AND " ON_ROLLS "), 0) AS acting,"
	"  max(CASE WHEN h.acting = 1 AND " COV("h") " THEN h.valid_from END) AS acting_since,"
	"  max(CASE WHEN h.valid_to <= ?2 THEN h.valid_to END) AS last_end,"
	"  max(CASE WHEN " COV("h") " AND NOT " ON_ROLLS " THEN m.status_since END) AS left_on"
	" FROM position p JOIN org o ON o.id = p.org_id"
	" LEFT JOIN holding h ON h.position_id = p.id LEFT JOIN member m ON m.id = h.member_id"
	" WHERE o.id IN (SELECT id FROM sub) AND p.is_key = 1 AND " COV("p")
	"  AND o.established <= ?2 GROUP BY p.id),"
	" com AS (SELECT c.id, c.seats, c.standing_seats, c.term_start,"
	"  coalesce(sum(" COV("cm") " AND " ON_ROLLS "), 0) AS filled,"
	"  coalesce(sum(cm.role <> 'member' AND " COV("cm") " AND " ON_ROLLS "), 0) AS standing,"
	"  max(CASE WHEN cm.valid_to <= ?2 THEN cm.valid_to END) AS last_end,"
	"  max(CASE WHEN " COV("cm") " AND NOT " ON_ROLLS " THEN m.status_since END) AS left_on"
	" FROM committee c JOIN org o ON o.id = c.org_id"
	" LEFT JOIN committee_member cm ON cm.committee_id = c.id"
	" LEFT JOIN member m ON m.id = cm.member_id"
	" WHERE o.id IN (SELECT id FROM sub) AND c.term_start <= ?2 AND c.term_end > ?2"
	" GROUP BY c.id)"
	" SELECT 'position', id, CASE WHEN acting > 0 THEN 'acting' ELSE 'vacant' END,"
	"  CASE WHEN acting > 0 AND acting_since > max(valid_from, coalesce(last_end, valid_from),"
	"   coalesce(left_on, valid_from)) THEN acting_since ELSE max(valid_from,"
	"   coalesce(last_end, valid_from), coalesce(left_on, valid_from)) END"
	" FROM pos WHERE full < seats"
	" UNION ALL SELECT 'committee', id, 'understaffed', max(term_start,"
	"  coalesce(last_end, term_start), coalesce(left_on, term_start))"
	" FROM com WHERE filled < seats OR standing < standing_seats";

static long plain_report(sqlite3 *db, const char *code, date_t on, struct rows *out)
{
	sqlite3_stmt *s;
	long rows = 0;

	if (sqlite3_prepare_v2(db, plain_sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "vac_bench: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, on);
	while (sqlite3_step(s) == SQLITE_ROW) {
		if (out)
			rows_add(out, (const char *)sqlite3_column_text(s, 0),
				 sqlite3_column_int64(s, 1), (const char *)sqlite3_column_text(s, 2),
				 sqlite3_column_int64(s, 3));
		rows++;
	}
	sqlite3_finalize(s);
	return rows;
}

/* The rows whose planning columns (successors planned, ready) are filled, as a caller does
 * for the rows it shows: the first page of 50 (the web page's and a paged API call's), or
 * every row (-1: the command line, a whole export). */
static long fill_rows = 50;

static long cadre_report(struct app *a, const struct actor *ac, const char *code, date_t on,
			 struct rows *out)
{
	struct vacancy *v;
	struct err e;
	size_t n, i, nf;

	err_init(&e);
	if (app_vacancies(a, ac, code, on, &v, &n, &e)) {
		fprintf(stderr, "vac_bench: %s: %s\n", code, e.n ? e.items[0].msg : "failed");
		exit(1);
	}
	nf = fill_rows < 0 || (size_t)fill_rows > n ? n : (size_t)fill_rows;
	if (app_plan_vacancy_fill(a, ac, v, nf, on, &e)) {
		fprintf(stderr, "vac_bench: %s: %s\n", code, e.n ? e.items[0].msg : "failed");
		exit(1);
	}
	for (i = 0; out && i < n; i++)
		rows_add(out, v[i].what, (long long)v[i].id, v[i].state, (long long)v[i].since);
	free(v);
	err_cleanup(&e);
	return (long)n;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P014", *as_of = NULL, *why;
	int reps = 21, plain_reps = 3, i, r, np = 0, n, same = 1, plain = 1, cache_mib = 0;
	char list[1024], *names[64], *p, root[64];
	struct app a;
	struct actor ac;
	struct err e;
	struct rows cr = {0}, pr = {0};
	date_t on;
	double *t, *cpu;
	long rows = 0;
	sqlite3 *pdb;
	sqlite3_stmt *s;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--provinces") && i + 1 < argc)
			provinces = argv[++i];
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--plain-reps") && i + 1 < argc)
			plain_reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--cache-mib") && i + 1 < argc)
			cache_mib = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--no-plain"))
			plain = 0;
		else if (!strcmp(argv[i], "--as-of") && i + 1 < argc)
			as_of = argv[++i];
		else {
			fprintf(stderr, "usage: vac_bench --db PATH [--provinces P014,...] [--reps N]"
					" [--plain-reps N] [--no-plain] [--cache-mib N] [--as-of YYYY-MM-DD]\n");
			return 2;
		}
	}
	if (!db || reps < 1 || plain_reps < 1) {
		fprintf(stderr, "vac_bench: --db is required\n");
		return 2;
	}
	snprintf(list, sizeof list, "%s", provinces);
	for (p = list; p && *p && np < 64;) {
		char *c = strchr(p, ',');

		names[np++] = p;
		if (!c)
			break;
		*c = 0;
		p = c + 1;
	}
	err_init(&e);
	if (app_open(&a, db, 0, &e) || sqlite3_open_v2(db, &pdb, SQLITE_OPEN_READONLY, NULL)) {
		fprintf(stderr, "vac_bench: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	if (cache_mib > 0)
		store_cache_mib(a.st, cache_mib);
	on = a.today;
	if (as_of && date_parse(as_of, &on, &why)) {
		fprintf(stderr, "vac_bench: --as-of %s: %s\n", as_of, why);
		return 2;
	}
	root[0] = 0;
	if (sqlite3_prepare_v2(pdb, "SELECT code FROM org WHERE parent_id IS NULL", -1, &s,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		snprintf(root, sizeof root, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN; /* the whole tree (a zeroed actor is a member's own account) */
	t = xcalloc((size_t)(2 * (reps + plain_reps) * (np + 1)), sizeof *t);
	cpu = xcalloc((size_t)((reps + plain_reps) * (np + 1)), sizeof *cpu);

	/* the country: cadre, then the plain way, then the rows compared */
	cadre_report(&a, &ac, root, on, NULL); /* warm-up */
	for (n = 0, r = 0; r < reps; r++) {
		double t0 = now_ms(), c0 = cpu_ms();

		rows = cadre_report(&a, &ac, root, on, NULL);
		cpu[n] = cpu_ms() - c0;
		t[n++] = now_ms() - t0;
	}
	memcpy(t + n, cpu, (size_t)n * sizeof *t);
	report("cadre", "vac_country", t, n, rows);
	/* every row's planning columns (the command line's report, a whole export) */
	fill_rows = -1;
	for (n = 0, r = 0; r < (reps < 5 ? reps : 5); r++) {
		double t0 = now_ms(), c0 = cpu_ms();

		rows = cadre_report(&a, &ac, root, on, NULL);
		cpu[n] = cpu_ms() - c0;
		t[n++] = now_ms() - t0;
	}
	memcpy(t + n, cpu, (size_t)n * sizeof *t);
	report("cadre", "vac_country_all_plan", t, n, rows);
	fill_rows = 50;
	for (n = 0, i = 0; !plain && i < np; i++) {
		cadre_report(&a, &ac, names[i], on, NULL);
		for (r = 0; r < reps; r++) {
			double t0 = now_ms(), c0 = cpu_ms();

			rows = cadre_report(&a, &ac, names[i], on, NULL);
			cpu[n] = cpu_ms() - c0;
			t[n++] = now_ms() - t0;
		}
	}
	if (!plain) {
		memcpy(t + n, cpu, (size_t)n * sizeof *t);
		report("cadre", "vac_province", t, n, rows);
		goto out;
	}
	plain_report(pdb, root, on, NULL);
	for (n = 0, r = 0; r < plain_reps; r++) {
		double t0 = now_ms(), c0 = cpu_ms();

		rows = plain_report(pdb, root, on, NULL);
		cpu[n] = cpu_ms() - c0;
		t[n++] = now_ms() - t0;
	}
	memcpy(t + n, cpu, (size_t)n * sizeof *t);
	report("plain", "vac_country", t, n, rows);
	cadre_report(&a, &ac, root, on, &cr);
	plain_report(pdb, root, on, &pr);
	same &= rows_same(&cr, &pr);
	rows_free(&cr);
	rows_free(&pr);

	/* the provinces */
	for (n = 0, i = 0; i < np; i++) {
		cadre_report(&a, &ac, names[i], on, NULL);
		for (r = 0; r < reps; r++) {
			double t0 = now_ms(), c0 = cpu_ms();

			rows = cadre_report(&a, &ac, names[i], on, NULL);
			cpu[n] = cpu_ms() - c0;
			t[n++] = now_ms() - t0;
		}
	}
	memcpy(t + n, cpu, (size_t)n * sizeof *t);
	report("cadre", "vac_province", t, n, rows);
	for (n = 0, i = 0; i < np; i++) {
		plain_report(pdb, names[i], on, NULL);
		for (r = 0; r < plain_reps; r++) {
			double t0 = now_ms(), c0 = cpu_ms();

			rows = plain_report(pdb, names[i], on, NULL);
			cpu[n] = cpu_ms() - c0;
			t[n++] = now_ms() - t0;
		}
		cadre_report(&a, &ac, names[i], on, &cr);
		plain_report(pdb, names[i], on, &pr);
		same &= rows_same(&cr, &pr);
		rows_free(&cr);
		rows_free(&pr);
	}
	memcpy(t + n, cpu, (size_t)n * sizeof *t);
	report("plain", "vac_province", t, n, rows);
	printf("check same=%d\n", same);
out:
	free(t);
	free(cpu);
	sqlite3_close(pdb);
	app_close(&a);
	err_cleanup(&e);
	return same ? 0 : 1;
}
