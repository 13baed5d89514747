/* adm_bench.c - time the admission pipeline's reads (issue 11) on a database holding a
 * generated pipeline (bench/admissions.sh): a province's due list, the whole country's due
 * list and a province's admission figures through cadre's app layer, each beside the plain
 * way: the same question as a straightforward SQL query over the tables, the subtree by a
 * recursive CTE on parent_id and the tables read without their indexes (NOT INDEXED).
 *
 * Usage: adm_bench --db PATH [--provinces P014,...] [--reps N] [--as-of YYYY-MM-DD]
 *                  [--year YYYY] [--plain-reps N] [--only due_province,due_country,due_country_whole,figures]
 * Prints one line per measurement, as bench/cadre_bench does:
 *     cadre adm_due_province median_ms=... p90_ms=... p99_ms=... rows=...
 *     plain adm_due_province_scan median_ms=... rows=...
 *     cadre adm_due_country ... / plain adm_due_country_scan ...
 *     cadre adm_figures_province ... / plain adm_figures_province_scan ...
 * over reps repetitions on each province (the country: reps) after one untimed warm-up; the
 * plain way over --plain-reps (default reps; 0 leaves it out, for a quick look at cadre's side). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../src/app/app_admission.h"
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
	if (n < 1)
		return; /* --plain-reps 0: not measured */
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%s %s median_ms=%.3f p90_ms=%.3f p99_ms=%.3f rows=%ld runs=%d\n", side, name,
	       t[n / 2], t[(n * 9) / 10], t[(n * 99) / 100], rows, n);
	fflush(stdout);
}

static int due_cb(void *ctx, const struct admission *c)
{
	(void)c;
	(*(long *)ctx)++;
	return 0;
}

/* The due list as its page and the API's page serve it (app_adm_due_sel): every item counted
 * by kind and lateness from the due indexes, the first page (50 rows) read whole. */
struct page_ctx {
	long n, overdue, by_kind[DK__COUNT], rows;
	date_t as_of;
};

static int page_sel(void *ctx, const struct admission *c)
{
	struct page_ctx *p = ctx;

	p->by_kind[c->due_kind]++;
	p->overdue += adm_overdue(c, p->as_of);
	return p->n++ < 50 ? ADM_SEL_TAKE : ADM_SEL_SKIP;
}

static int page_row(void *ctx, const struct admission *c)
{
	(void)c;
	((struct page_ctx *)ctx)->rows++;
	return 0;
}

static long due_page(struct app *a, const struct actor *ac, const char *org, date_t as_of,
		     struct err *e)
{
	struct page_ctx p;

	memset(&p, 0, sizeof p);
	p.as_of = as_of;
	app_adm_due_sel(a, ac, org, as_of, page_sel, page_row, &p, e);
	return p.n;
}

/* ---- the plain way ----------------------------------------------------------------------- */

#define SUBTREE                                                                               \
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1"                       \
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id) "

/* What is due on ?2, the same question cadre answers (docs/admissions.md, "Deadlines and the
 * due list"): the cases whose next step is due from a day on or before ?2 (a ceremony from the
 * decision, a recognition vote from the end of probation 12 months after the ceremony, the
 * committee above's decision or ruling from the stage's day), and the probationers without a
 * case whose probation ended by ?2, in a subtree (?1 a code) or the whole country (?1 NULL),
 * in due order. (?3 is not used.) */
#define PLAIN_PROBATION_END(c)                                                                \
	"CAST(julianday(date(" c " * 86400, 'unixepoch', '+12 months')) - 2440587.5 AS INTEGER)"
static const char plain_due[] =
	SUBTREE
	"SELECT a.id, a.due_on FROM admission a NOT INDEXED"
	" WHERE (?1 IS NULL OR a.org_id IN (SELECT id FROM sub)) AND ?3 = ?3"
	"   AND ((a.stage = 'decided' AND a.decision_on <= ?2)"
	"     OR (a.stage = 'probation' AND " PLAIN_PROBATION_END("a.ceremony_on") " <= ?2)"
	"     OR (a.stage IN ('committee_passed', 'referred') AND a.stage_since <= ?2)"
	"     OR (a.stage = 'cell_passed' AND a.due_kind = 'upper_decision'"
	"         AND a.stage_since <= ?2))"
	" UNION ALL SELECT m.id, m.admission_ceremony_date FROM member m NOT INDEXED"
	" WHERE m.status = 'probationary' AND (?1 IS NULL OR m.org_id IN (SELECT id FROM sub))"
	"   AND " PLAIN_PROBATION_END("m.admission_ceremony_date") " <= ?2"
	"   AND NOT EXISTS (SELECT 1 FROM admission x NOT INDEXED WHERE x.member_id = m.id)"
	" ORDER BY 2";

/* A province's figures: the cases by stage and source, the steps of the year by kind and
 * outcome, the members on the rolls on 1 January (as the roll says now), the probationers. */
static const char *const plain_figs[] = {
	SUBTREE "SELECT stage, source, count(*) FROM admission NOT INDEXED"
		" WHERE org_id IN (SELECT id FROM sub) GROUP BY stage, source",
	SUBTREE "SELECT step, passed, count(*) FROM admission_step NOT INDEXED"
		" WHERE org_id IN (SELECT id FROM sub) AND on_date BETWEEN ?2 AND ?3"
		" GROUP BY step, passed",
	SUBTREE "SELECT count(*) FROM member NOT INDEXED WHERE org_id IN (SELECT id FROM sub)"
		" AND org_since <= ?2 AND status IN ('probationary','official','exempt','suspended')",
	SUBTREE "SELECT count(*) FROM member NOT INDEXED WHERE org_id IN (SELECT id FROM sub)"
		" AND status = 'probationary' AND admission_decision_date BETWEEN ?2 AND ?3",
};

/* Run sql with ?1 = code (NULL: none), ?2, ?3 bound; the rows it returns. */
static long plain_run(sqlite3 *db, const char *sql, const char *code, long p2, long p3)
{
	sqlite3_stmt *s;
	long rows = 0;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "adm_bench: %s\n", sqlite3_errmsg(db));
		exit(1);
	}
	if (code)
		sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, p2);
	sqlite3_bind_int64(s, 3, p3);
	while (sqlite3_step(s) == SQLITE_ROW)
		rows++;
	sqlite3_finalize(s);
	return rows;
}

static long plain_figures(sqlite3 *db, const char *code, long from, long to)
{
	long rows = 0;
	size_t i;

	for (i = 0; i < sizeof plain_figs / sizeof plain_figs[0]; i++)
		rows += plain_run(db, plain_figs[i], code, from, to);
	return rows;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P014", *as_of_s = NULL, *only = "";
	int reps = 21, preps = -1, year = 0, i, r, np = 0, n;
	char list[1024], *names[64], *p;
	struct app a;
	struct actor ac;
	struct err e;
	struct adm_figures f;
	date_t as_of, from, to;
	double *t;
	long rows = 0, prows = 0;
	sqlite3 *pdb;
	int y, m, d;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--provinces") && i + 1 < argc)
			provinces = argv[++i];
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--as-of") && i + 1 < argc)
			as_of_s = argv[++i];
		else if (!strcmp(argv[i], "--only") && i + 1 < argc)
			only = argv[++i];
		else if (!strcmp(argv[i], "--plain-reps") && i + 1 < argc)
			preps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--year") && i + 1 < argc)
			year = (int)strtol(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: adm_bench --db PATH [--provinces P014,...] [--reps N] "
					"[--as-of YYYY-MM-DD] [--year YYYY] [--plain-reps N] [--only due_province,due_country,due_country_whole,figures]\n");
			return 2;
		}
	}
	if (!db || reps < 1) {
		fprintf(stderr, "adm_bench: --db is required\n");
		return 2;
	}
	if (preps < 0)
		preps = reps;
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
		fprintf(stderr, "adm_bench: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	as_of = a.today;
	if (as_of_s && date_parse(as_of_s, &as_of, NULL)) {
		fprintf(stderr, "adm_bench: --as-of %s is not a date\n", as_of_s);
		return 2;
	}
	date_to_ymd(as_of, &y, &m, &d);
	if (!year)
		year = y;
	from = date_from_ymd(year, 1, 1);
	to = date_from_ymd(year, 12, 31);
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN; /* the whole tree (a zeroed actor is a member's own account) */
	t = xcalloc((size_t)(reps * (np > 1 ? np : 1)), sizeof *t);

	/* A province's due list. */
	for (n = 0, i = 0; i < np && (!*only || strstr(only, "due_province")); i++) {
		due_page(&a, &ac, names[i], as_of, &e); /* warm-up */
		for (r = 0; r < reps; r++) {
			double t0 = now_ms();

			rows = due_page(&a, &ac, names[i], as_of, &e);
			t[n++] = now_ms() - t0;
		}
	}
	if (e.code) {
		fprintf(stderr, "adm_bench: %s\n", e.n ? e.items[0].msg : "the due list failed");
		return 1;
	}
	report("cadre", "adm_due_province", t, n, rows);
	for (n = 0, i = 0; i < np && (!*only || strstr(only, "due_province")); i++) {
		if (!preps)
			break;
		plain_run(pdb, plain_due, names[i], as_of, as_of);
		for (r = 0; r < preps; r++) {
			double t0 = now_ms();

			prows = plain_run(pdb, plain_due, names[i], as_of, as_of);
			t[n++] = now_ms() - t0;
		}
	}
	report("plain", "adm_due_province_scan", t, n, prows);

	/* The whole country's due list. */
	if (!*only || strstr(only, "due_country"))
		due_page(&a, &ac, "", as_of, &e);
	for (n = 0; n < reps && (!*only || strstr(only, "due_country")); n++) {
		double t0 = now_ms();

		rows = due_page(&a, &ac, "", as_of, &e);
		t[n] = now_ms() - t0;
	}
	report("cadre", "adm_due_country", t, n, rows);
	/* Every item read whole (the export, the API without a limit): fewer runs. */
	for (n = 0; n < (reps + 2) / 3 && (!*only || strstr(only, "due_country_whole")); n++) {
		double t0 = now_ms();

		rows = 0;
		app_adm_due(&a, &ac, "", as_of, due_cb, &rows, &e);
		t[n] = now_ms() - t0;
	}
	report("cadre", "adm_due_country_whole", t, n, rows);
	for (n = 0; n < preps && (!*only || strstr(only, "due_country")); n++) {
		double t0 = now_ms();

		prows = plain_run(pdb, plain_due, NULL, as_of, as_of);
		t[n] = now_ms() - t0;
	}
	report("plain", "adm_due_country_scan", t, n, prows);

	/* A province's admission figures. */
	for (n = 0, i = 0; i < np && (!*only || strstr(only, "figures")); i++) {
		app_adm_figures(&a, &ac, names[i], year, &f, &e);
		for (r = 0; r < reps; r++) {
			double t0 = now_ms();

			app_adm_figures(&a, &ac, names[i], year, &f, &e);
			t[n++] = now_ms() - t0;
		}
	}
	if (e.code) {
		fprintf(stderr, "adm_bench: %s\n", e.n ? e.items[0].msg : "the figures failed");
		return 1;
	}
	if (*only && !strstr(only, "figures"))
		goto out;
	report("cadre", "adm_figures_province", t, n,
	       f.by_stage[AST_CANDIDATE] + f.by_stage[AST_PROBATION]);
	printf("cadre adm_figures org=%s year=%d candidates=%ld probation=%ld classes=%ld "
	       "admitted=%ld members_jan1=%ld rate_bp=%ld probationers=%ld on_time=%ld late=%ld "
	       "failed=%ld removed=%ld\n", names[np - 1], year, f.by_stage[AST_CANDIDATE],
	       f.by_stage[AST_PROBATION], f.classes, f.admitted, f.members_jan1, f.rate_bp,
	       f.probationers, f.recognised_on_time, f.recognised_late, f.failed_votes,
	       f.removed);
	for (n = 0, i = 0; i < np; i++) {
		if (!preps)
			break;
		plain_figures(pdb, names[i], from, to);
		for (r = 0; r < preps; r++) {
			double t0 = now_ms();

			prows = plain_figures(pdb, names[i], from, to);
			t[n++] = now_ms() - t0;
		}
	}
	report("plain", "adm_figures_province_scan", t, n, prows);
out:
	free(t);
	sqlite3_close(pdb);
	app_close(&a);
	err_cleanup(&e);
	return 0;
}
