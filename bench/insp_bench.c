/* insp_bench.c - time seed 004's footnote 7 (issue 14, docs/inspection.md "The footnote-7
 * report") on a database holding inspection records (bench/insp_natl.sh): app_insp_fig, in
 * process, exactly as the page, the API and the command line call it (the counters of the
 * whole months summed over the subtree's organisations, or the whole tree's, and the edge
 * days counted from the rows), beside the plain way: the rows of the subtree (a recursive CTE
 * on parent_id) grouped by straightforward SQL. Checks that both give every cell the same.
 *
 * Usage: insp_bench --db PATH [--provinces P014,...] [--reps N] [--plain-reps N]
 *                   [--from YYYY-MM-DD] [--to YYYY-MM-DD]
 *        insp_bench --db PATH --gen FILE   (run the generator's SQL FILE on cadre's own
 *                                           connection, so that every trigger of the schema
 *                                           runs, in one transaction)
 * Prints:
 *     cadre insp_country median_ms=... p90_ms=... p99_ms=... cpu_median_ms=... cells=... runs=...
 *     plain insp_country ...
 *     cadre insp_province ... (over every province's runs)
 *     plain insp_province ...
 *     check same=1|0
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "../src/app/app_insp_fig.h"
#include "../src/lib/mem.h"
#include "../src/store/store_int.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

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

static void report(const char *side, const char *name, double *t, double *c, int n, long cells)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	qsort(c, (size_t)n, sizeof *c, cmp_double);
	printf("%s %s median_ms=%.3f p90_ms=%.3f p99_ms=%.3f cpu_median_ms=%.3f cells=%ld runs=%d\n",
	       side, name, t[n / 2], t[(n * 9) / 10], t[(n * 99) / 100], c[n / 2], cells, n);
	fflush(stdout);
}

/* The plain way: every row of the subtree of code, grouped (what, a, b, is_org, c, n). */
static const char plain_sql[] =
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1"
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id)"
	" SELECT 0, c.body, c.kind, c.member_id IS NULL, coalesce(c.conclusion, ''), count(*)"
	"  FROM insp_case c WHERE c.org_id IN sub AND c.decision_on BETWEEN ?2 AND ?3"
	"  GROUP BY 2, 3, 4, 5"
	" UNION ALL SELECT 1, d.body, d.form, d.member_id IS NULL, b.kind, count(*)"
	"  FROM discipline d JOIN org b ON b.id = d.body_org_id WHERE d.org_id IN sub"
	"  AND d.state = 'in_force' AND d.decided_on BETWEEN ?2 AND ?3 GROUP BY 2, 3, 4, 5"
	" UNION ALL SELECT 2, p.kind, '', p.member_id IS NULL, '', count(*) FROM complaint p"
	"  WHERE p.org_id IN sub AND p.lodged_on BETWEEN ?2 AND ?3 GROUP BY 2, 4"
	" UNION ALL SELECT 3, p.kind, p.outcome, p.member_id IS NULL, '', count(*) FROM complaint p"
	"  WHERE p.org_id IN sub AND p.state = 'settled' AND p.settled_on BETWEEN ?2 AND ?3"
	"  GROUP BY 2, 3, 4"
	" UNION ALL SELECT 4, p.kind, '', p.member_id IS NULL, '', count(*) FROM complaint p"
	"  WHERE p.org_id IN sub AND p.lodged_on <= ?3 AND p.due_on < ?3"
	"  AND p.state <> 'withdrawn' AND (p.settled_on IS NULL OR p.settled_on > ?3)"
	"  GROUP BY 2, 4";

static int plain_fig(sqlite3 *db, const char *code, date_t from, date_t to,
		     struct insp_fig_counts *out)
{
	sqlite3_stmt *s;
	int what, k, g, a, b, f, l;
	long n;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(db, plain_sql, -1, &s, NULL) != SQLITE_OK) {
		fprintf(stderr, "insp_bench: %s\n", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, from);
	sqlite3_bind_int64(s, 3, to);
	while (sqlite3_step(s) == SQLITE_ROW) {
		const char *x = (const char *)sqlite3_column_text(s, 1);
		const char *y = (const char *)sqlite3_column_text(s, 2);
		const char *z = (const char *)sqlite3_column_text(s, 4);

		what = sqlite3_column_int(s, 0);
		g = sqlite3_column_int(s, 3) ? 0 : 1;
		n = sqlite3_column_int64(s, 5);
		switch (what) {
		case 0:
			b = insp_fig_word(insp_fig_bodies, x);
			a = insp_fig_act_of(y);
			k = !z[0] ? 2 : !strcmp(z, "no_violation") ? 1 : 0;
			if (a >= 0 && b >= 0)
				out->cell[IF_CASE(b, a, g, k)] += n;
			break;
		case 1:
			b = insp_fig_word(insp_fig_bodies, x);
			f = insp_fig_word(insp_fig_forms, y);
			l = insp_fig_word(insp_fig_levels, z);
			if (b >= 0 && f >= 0 && l >= 0)
				out->cell[IF_DISC(g, f, l, b)] += n;
			break;
		case 2:
			k = insp_fig_word(insp_fig_kinds, x);
			if (k >= 0)
				out->cell[IF_RECV(k, g)] += n;
			break;
		case 3:
			k = insp_fig_word(insp_fig_kinds, x);
			f = insp_fig_word(insp_fig_outcomes, y);
			if (k >= 0 && f >= 0)
				out->cell[IF_SETTLED(k, g, f)] += n;
			break;
		default:
			k = insp_fig_word(insp_fig_kinds, x);
			if (k >= 0)
				out->overdue[k][g] += n;
		}
	}
	sqlite3_finalize(s);
	return 0;
}

static long cells_sum(const struct insp_fig_counts *c)
{
	long n = 0;
	int i;

	for (i = 0; i < IF_CELLS; i++)
		n += c->cell[i];
	return n + c->overdue[0][0] + c->overdue[0][1] + c->overdue[1][0] + c->overdue[1][1];
}

/* Run the SQL of path on the app's own connection (the triggers' functions registered). */
static int gen(struct app *a, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *sql, *msg = NULL;
	long len;

	if (!f || fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fprintf(stderr, "insp_bench: cannot read %s\n", path);
		return 1;
	}
	sql = xcalloc((size_t)len + 1, 1);
	if (fread(sql, 1, (size_t)len, f) != (size_t)len) {
		fprintf(stderr, "insp_bench: cannot read %s\n", path);
		return 1;
	}
	fclose(f);
	if (sqlite3_exec(a->st->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "insp_bench: %s\n", msg ? msg : "the generator failed");
		return 1;
	}
	free(sql);
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P014", *from_s = "2020-01-01", *to_s = NULL, *why;
	const char *gen_path = NULL;
	int reps = 21, plain_reps = 3, i, r, np = 0, same = 1;
	char list[1024], *names[64], *p, root[64];
	struct app a;
	struct actor ac;
	struct err e;
	struct insp_report ir;
	struct insp_fig_counts pc;
	date_t from, to;
	double *t, *c;
	int n;
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
		else if (!strcmp(argv[i], "--from") && i + 1 < argc)
			from_s = argv[++i];
		else if (!strcmp(argv[i], "--to") && i + 1 < argc)
			to_s = argv[++i];
		else if (!strcmp(argv[i], "--gen") && i + 1 < argc)
			gen_path = argv[++i];
		else {
			fprintf(stderr, "usage: insp_bench --db PATH [--provinces P014,...] [--reps N]"
					" [--plain-reps N] [--from D] [--to D] | --db PATH --gen FILE\n");
			return 2;
		}
	}
	if (!db || reps < 1 || plain_reps < 1) {
		fprintf(stderr, "insp_bench: --db is required\n");
		return 2;
	}
	err_init(&e);
	if (app_open(&a, db, 0, &e)) {
		fprintf(stderr, "insp_bench: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	if (gen_path) {
		i = gen(&a, gen_path);
		app_close(&a);
		return i;
	}
	if (sqlite3_open_v2(db, &pdb, SQLITE_OPEN_READONLY, NULL)) {
		fprintf(stderr, "insp_bench: cannot open %s\n", db);
		return 1;
	}
	to = a.today;
	if (date_parse(from_s, &from, &why) || (to_s && date_parse(to_s, &to, &why))) {
		fprintf(stderr, "insp_bench: a date: %s\n", why);
		return 2;
	}
	snprintf(list, sizeof list, "%s", provinces);
	for (p = list; p && *p && np < 64;) {
		char *comma = strchr(p, ',');

		names[np++] = p;
		if (!comma)
			break;
		*comma = 0;
		p = comma + 1;
	}
	root[0] = 0;
	if (sqlite3_prepare_v2(pdb, "SELECT code FROM org WHERE parent_id IS NULL", -1, &s,
			       NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		snprintf(root, sizeof root, "%s", (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN;
	ac.inspection = 1;
	t = xcalloc((size_t)(reps + plain_reps) * (size_t)(np + 1), sizeof *t);
	c = xcalloc((size_t)(reps + plain_reps) * (size_t)(np + 1), sizeof *c);

	for (int pass = 0; pass < 2; pass++) {
		/* pass 0: the country; pass 1: the provinces */
		const char *side_name = pass ? "insp_province" : "insp_country";
		int codes = pass ? np : 1;
		long cells = 0;

		for (n = 0, r = 0; r < reps; r++)
			for (i = 0; i < codes; i++) {
				const char *code = pass ? names[i] : root;
				double t0, c0;

				if (!r) { /* a warm-up */
					app_insp_fig(&a, &ac, code, from, to, &ir, &e);
					insp_report_cleanup(&ir);
				}
				t0 = now_ms();
				c0 = cpu_ms();
				if (app_insp_fig(&a, &ac, code, from, to, &ir, &e)) {
					fprintf(stderr, "insp_bench: %s: %s\n", code,
						e.n ? e.items[0].msg : "failed");
					return 1;
				}
				t[n] = now_ms() - t0;
				c[n++] = cpu_ms() - c0;
				cells = cells_sum(&ir.c);
				if (!r) {
					plain_fig(pdb, code, from, to, &pc);
					if (memcmp(&pc, &ir.c, sizeof pc)) {
						same = 0;
						fprintf(stderr, "insp_bench: %s: the two ways differ\n",
							code);
					}
				}
				insp_report_cleanup(&ir);
			}
		report("cadre", side_name, t, c, n, cells);
		for (n = 0, r = 0; r < plain_reps; r++)
			for (i = 0; i < codes; i++) {
				double t0 = now_ms(), c0 = cpu_ms();

				plain_fig(pdb, pass ? names[i] : root, from, to, &pc);
				t[n] = now_ms() - t0;
				c[n++] = cpu_ms() - c0;
				cells = cells_sum(&pc);
			}
		report("plain", side_name, t, c, n, cells);
	}
	printf("check same=%d\n", same);
	sqlite3_close(pdb);
	app_close(&a);
	free(t);
	free(c);
	return same ? 0 : 1;
}
