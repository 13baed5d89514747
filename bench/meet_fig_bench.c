/* meet_fig_bench.c - time a province's meeting figures (issue 12) on a database holding a
 * year of meetings (bench/meet_fig.sh): app_meet_figures (the cells from the tree's pre-order
 * interval, each one's meetings through meeting_org, the attendance through its key) beside
 * the plain way: the same counts as straightforward SQL, the subtree by a recursive CTE on
 * parent_id and the meeting table read without its index (NOT INDEXED).
 *
 * Usage: meet_fig_bench --db PATH [--provinces P014,...] [--reps N] [--plain-reps N]
 *                       [--year YYYY]
 * Prints, as bench/adm_bench does:
 *     cadre meet_figures_province median_ms=... p90_ms=... p99_ms=... rows=... runs=...
 *     plain meet_figures_province_scan median_ms=... ...
 * rows: the meetings counted (cadre) or the rows the plain queries returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../src/app/app_meet_fig.h"
#include "../src/lib/mem.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void report(const char *side, const char *name, double *t, int n, long rows)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%s %s median_ms=%.3f p90_ms=%.3f p99_ms=%.3f rows=%ld runs=%d\n", side, name,
	       t[n / 2], t[(n * 9) / 10], t[(n * 99) / 100], rows, n);
	fflush(stdout);
}

#define SUBTREE                                                                               \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1"                       \
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

/* The plain way: the held meetings of the subtree by cell, kind and month with their
 * attendance by status; the members absent without reason at least ?4 times. */
static const char *const plain_figs[] = {
	SUBTREE "SELECT m.org_id, m.kind, strftime('%m', m.on_date * 86400, 'unixepoch'),"
		" a.status, count(*) FROM meeting m NOT INDEXED"
		" LEFT JOIN meeting_attendance a ON a.meeting_id = m.id"
		" WHERE m.org_id IN (SELECT id FROM sub) AND m.on_date BETWEEN ?2 AND ?3"
		"   AND m.state = 'held' GROUP BY 1, 2, 3, 4",
	SUBTREE "SELECT a.member_id, count(*) FROM meeting m NOT INDEXED"
		" JOIN meeting_attendance a ON a.meeting_id = m.id AND a.status = 'absent'"
		" WHERE m.org_id IN (SELECT id FROM sub) AND m.on_date BETWEEN ?2 AND ?3"
		"   AND m.state = 'held' AND m.kind = 'monthly' GROUP BY 1 HAVING count(*) >= ?4",
	SUBTREE "SELECT count(*) FROM org WHERE id IN (SELECT id FROM sub) AND kind = 'cell'",
};

static long plain_figures(sqlite3 *db, const char *code, long from, long to)
{
	long rows = 0;
	size_t i;

	for (i = 0; i < sizeof plain_figs / sizeof plain_figs[0]; i++) {
		sqlite3_stmt *s;

		if (sqlite3_prepare_v2(db, plain_figs[i], -1, &s, NULL) != SQLITE_OK) {
			fprintf(stderr, "meet_fig_bench: %s\n", sqlite3_errmsg(db));
			exit(1);
		}
		sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, from);
		sqlite3_bind_int64(s, 3, to);
		sqlite3_bind_int64(s, 4, 3);
		while (sqlite3_step(s) == SQLITE_ROW)
			rows++;
		sqlite3_finalize(s);
	}
	return rows;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P014";
	int reps = 21, plain_reps = 3, year = 0, i, r, np = 0, n;
	char list[1024], *names[64], *p;
	struct app a;
	struct actor ac;
	struct err e;
	struct meet_figures f;
	date_t from, to;
	double *t;
	long rows = 0;
	sqlite3 *pdb;
	int y, m, d;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--provinces") && i + 1 < argc)
			provinces = argv[++i];
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--plain-reps") && i + 1 < argc)
			plain_reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--year") && i + 1 < argc)
			year = (int)strtol(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: meet_fig_bench --db PATH [--provinces P014,...] "
					"[--reps N] [--plain-reps N] [--year YYYY]\n");
			return 2;
		}
	}
	if (!db || reps < 1 || plain_reps < 1) {
		fprintf(stderr, "meet_fig_bench: --db is required\n");
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
		fprintf(stderr, "meet_fig_bench: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	date_to_ymd(a.today, &y, &m, &d);
	if (!year)
		year = y;
	from = date_from_ymd(year, 1, 1);
	to = date_from_ymd(year, 12, 31);
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN; /* the whole tree (a zeroed actor is a member's own account) */
	t = xcalloc((size_t)(reps * np), sizeof *t);
	for (n = 0, i = 0; i < np; i++) {
		app_meet_figures(&a, &ac, names[i], from, to, &f, NULL, NULL, &e); /* warm-up */
		for (r = 0; r < reps; r++) {
			double t0 = now_ms();

			app_meet_figures(&a, &ac, names[i], from, to, &f, NULL, NULL, &e);
			t[n++] = now_ms() - t0;
		}
		rows = f.meetings;
	}
	if (e.code) {
		fprintf(stderr, "meet_fig_bench: %s\n", e.n ? e.items[0].msg : "the figures failed");
		return 1;
	}
	report("cadre", "meet_figures_province", t, n, rows);
	/* The plain way reads every meeting and attendance row of the country a run: a few runs
	 * (--plain-reps, 3) after its warm-up. */
	for (n = 0, i = 0; i < np; i++) {
		plain_figures(pdb, names[i], from, to);
		for (r = 0; r < plain_reps; r++) {
			double t0 = now_ms();

			rows = plain_figures(pdb, names[i], from, to);
			t[n++] = now_ms() - t0;
		}
	}
	report("plain", "meet_figures_province_scan", t, n, rows);
	free(t);
	sqlite3_close(pdb);
	app_close(&a);
	return 0;
}
