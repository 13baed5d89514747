/* cadre_bench.c - time cadre's own province queries, through the app layer, on a loaded
 * database: subtree counts, a deep list page in Vietnamese name order, accent-free search.
 *
 * Usage: cadre_bench --db PATH [--provinces P001,P002] [--reps N] [--offset N]
 *                    [--search TEXT]
 *        cadre_bench --db PATH --reviews YEAR [--provinces ...] [--reps N]
 *                    [--rollup-reps N] [--figures CODE]
 *        cadre_bench --db PATH --find "TEXT,TEXT,..." [--org-find "TEXT,..."] [--reps N] [--kept]
 * Prints one line per measurement, as bench/plain does:
 *     cadre <name> median_ms=... p90_ms=... [key=value ...]
 * over reps repetitions on each province after one untimed warm-up.
 *
 * --reviews YEAR measures the figures of issue 4 instead, on a database holding a year of
 * reviews (bench/load_reviews): one province's whole report (app_report), the whole
 * country's roll-up as a system administrator (app_rollup), and prints the figures of one
 * organisation from both, keyed as bench/plain --reviews prints them, for run.sh to compare:
 *     cadre figures org=P014 official=... excellent=... org_good=... militia=...
 *     cadre figures_rollup org=P014 ...
 *     cadre rollup_root org=VPA ...
 *
 * --find measures the search of names over the whole roll (issue 10, docs/search.md) as a
 * system administrator: each text's first page of 50 and its total, reps times after a
 * warm-up, one line for all texts and one line a text with its total:
 *     cadre national_search median_ms=... p90_ms=... queries=8
 *     cadre national_search_one query="van hung" total=... median_ms=...
 * (--kept: with the lists a server keeps, built by the warm-up, as in a running server),
 * and --org-find the organisation picker's search (20 at most) over every organisation:
 *     cadre org_search median_ms=... p90_ms=... queries=... orgs=... */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/app/app.h"
#include "../src/app/app_report.h"
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

static void report(const char *name, double *t, int n, const char *extra)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("cadre %s median_ms=%.3f p90_ms=%.3f p99_ms=%.3f%s%s\n", name, t[n / 2],
	       t[(n * 9) / 10], t[(n * 99) / 100], extra[0] ? " " : "", extra);
	fflush(stdout);
}

static int count_cb(void *ctx, const struct member *m)
{
	(void)m;
	(*(long *)ctx)++;
	return 0;
}

/* ---- the search of names of issue 10 --------------------------------------------------- */

static int org_count_cb(void *ctx, const struct org *o)
{
	(void)o;
	(*(long *)ctx)++;
	return 0;
}

/* Split a comma-separated list in place into v (at most max). */
static int split_list(char *s, char **v, int max)
{
	int n = 0;
	char *p;

	for (p = s; p && *p && n < max;) {
		char *c = strchr(p, ',');

		v[n++] = p;
		if (!c)
			break;
		*c = 0;
		p = c + 1;
	}
	return n;
}

static int find_bench(struct app *a, const char *texts, const char *org_texts, int reps)
{
	struct actor ac;
	struct err e;
	char list[2048], olist[2048], *q[64], *oq[64], extra[256];
	int nq, noq, i, r, n = 0;
	double *t, *one, t0;
	long found, total, orgs;
	int more;

	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN;
	err_init(&e);
	snprintf(list, sizeof list, "%s", texts);
	nq = split_list(list, q, 64);
	t = xcalloc((size_t)(reps * (nq ? nq : 1)) + 1, sizeof *t);
	one = xcalloc((size_t)reps + 1, sizeof *one);
	for (i = 0; i < nq; i++) {
		found = 0;
		if (app_member_find(a, &ac, q[i], "", 0, 50, &total, count_cb, &found, &e)) {
			/* Refused ("type more of the name"): said, and left out of the times. */
			printf("cadre national_search_one query=\"%s\" refused=\"%s\"\n", q[i],
			       e.n ? e.items[0].msg : "?");
			err_clear(&e);
			continue;
		}
		for (r = 0; r < reps; r++) {
			found = 0;
			t0 = now_ms();
			app_member_find(a, &ac, q[i], "", 0, 50, &total, count_cb, &found, &e);
			one[r] = t[n++] = now_ms() - t0;
		}
		snprintf(extra, sizeof extra, "query=\"%s\" total=%ld rows=%ld", q[i], total, found);
		report("national_search_one", one, reps, extra);
	}
	if (nq) {
		snprintf(extra, sizeof extra, "queries=%d reps=%d", nq, reps);
		report("national_search", t, n, extra);
	}
	free(t);
	free(one);
	if (!org_texts)
		return 0;
	snprintf(olist, sizeof olist, "%s", org_texts);
	noq = split_list(olist, oq, 64);
	t = xcalloc((size_t)(reps * (noq ? noq : 1)) + 1, sizeof *t);
	n = 0;
	for (i = 0; i < noq; i++) {
		orgs = 0;
		if (app_org_find(a, &ac, oq[i], 0, 20, org_count_cb, &orgs, &more, &e)) {
			fprintf(stderr, "cadre_bench: %s: %s\n", oq[i], e.n ? e.items[0].msg : "?");
			return 1;
		}
		for (r = 0; r < reps; r++) {
			orgs = 0;
			t0 = now_ms();
			app_org_find(a, &ac, oq[i], 0, 20, org_count_cb, &orgs, &more, &e);
			t[n++] = now_ms() - t0;
		}
	}
	orgs = 0;
	store_org_count(a->st, &orgs, &e);
	snprintf(extra, sizeof extra, "queries=%d reps=%d orgs=%ld", noq, reps, orgs);
	if (noq)
		report("org_search", t, n, extra);
	free(t);
	err_cleanup(&e);
	return 0;
}

/* ---- the figures of issue 4 ------------------------------------------------------------ */

/* The figures compared with bench/plain's, in its order. */
#define NFIG 18
static const char *const fig_key[NFIG] = {
	"official", "probationary", "exempt", "suspended",
	"excellent", "good", "complete", "not_complete",
	"org_excellent", "org_good", "org_complete", "org_not_complete",
	"party_militia", "party_self_defence", "party_reserve",
	"militia", "self_defence", "reserve",
};

static void print_figs(const char *name, const char *org, const long *f)
{
	int i;

	printf("cadre %s org=%s", name, org);
	for (i = 0; i < NFIG; i++)
		printf(" %s=%ld", fig_key[i], f[i]);
	printf("\n");
	fflush(stdout);
}

static long cell(const struct report *r, const char *table, const char *row, int base)
{
	const struct report_table *t = report_find(r, table);
	const struct report_row *w = t ? report_row_find(t, row) : NULL;

	if (!w)
		return -1;  /* shows as a difference */
	return base ? w->c[0].base : w->c[0].count;
}

/* The figures as the report page shows them. */
static void report_figs(const struct report *r, long *f)
{
	static const char *const st[4] = {"official", "probationary", "exempt", "suspended"};
	static const char *const gr[4] = {"excellent", "good", "complete", "not_complete"};
	static const char *const fo[3] = {"militia", "self_defence", "reserve"};
	int i;

	for (i = 0; i < 4; i++) {
		f[i] = cell(r, "members_by_status", st[i], 0);
		f[4 + i] = cell(r, "member_reviews", gr[i], 0);
		f[8 + i] = cell(r, "org_reviews", gr[i], 0);
	}
	for (i = 0; i < 3; i++) {
		f[12 + i] = cell(r, "leadership_ratio", fo[i], 0);
		/* base = party members of the force + its non-party headcount */
		f[15 + i] = cell(r, "leadership_ratio", fo[i], 1) - f[12 + i];
	}
}

static void rollup_figs(const struct rollup_row *w, long *f)
{
	static const int st[4] = {MS_OFFICIAL, MS_PROBATIONARY, MS_EXEMPT, MS_SUSPENDED};
	int i;

	for (i = 0; i < 4; i++) {
		f[i] = w->members[st[i]];
		f[4 + i] = w->member_grade[i];
		f[8 + i] = w->org_grade[i];
	}
	f[12] = w->party_militia;
	f[13] = w->party_self_defence;
	f[14] = w->party_reserve;
	f[15] = w->militia;
	f[16] = w->self_defence;
	f[17] = w->reserve;
}

struct roll_ctx {
	long rows;
	const char *keep;
	long keep_f[NFIG], root_f[NFIG];
	char root[ORG_CODE_MAX + 1];
	int root_depth;
};

static int roll_cb(void *ctx, const struct rollup_row *w)
{
	struct roll_ctx *c = ctx;

	if (!c->rows++ || w->depth < c->root_depth) {
		c->root_depth = w->depth;
		snprintf(c->root, sizeof c->root, "%s", w->code);
		rollup_figs(w, c->root_f);
	}
	if (!strcmp(w->code, c->keep))
		rollup_figs(w, c->keep_f);
	return 0;
}

static int reviews_bench(struct app *a, int year, char **names, int np, int reps,
			 int rollup_reps, const char *figures_org)
{
	struct actor admin;
	struct report r;
	struct roll_ctx rc;
	struct err e;
	long f[NFIG];
	double *tr, *tu, t0;
	int i, k, n = 0;
	char extra[128];

	/* The whole country's administrator: an empty scope, the system administrator role. */
	memset(&admin, 0, sizeof admin);
	snprintf(admin.name, sizeof admin.name, "bench");
	admin.role = ROLE_SYS_ADMIN;
	err_init(&e);

	/* The figures of one organisation, from its report and from the roll-up. */
	if (app_report(a, &admin, figures_org, year, DATE_NONE, &r, &e)) {
		fprintf(stderr, "cadre_bench: report of %s: %s\n", figures_org,
			e.n ? e.items[0].msg : "failed");
		return 1;
	}
	report_figs(&r, f);
	report_cleanup(&r);
	print_figs("figures", figures_org, f);

	/* One province's report, every table of the page. */
	tr = xcalloc((size_t)(reps * np), sizeof *tr);
	for (i = 0; i < np; i++) {
		app_report(a, &admin, names[i], year, DATE_NONE, &r, &e);  /* warm-up */
		report_cleanup(&r);
		for (k = 0; k < reps; k++) {
			t0 = now_ms();
			app_report(a, &admin, names[i], year, DATE_NONE, &r, &e);
			tr[n++] = now_ms() - t0;
			report_cleanup(&r);
		}
		if (e.code) {
			fprintf(stderr, "cadre_bench: report of %s: %s\n", names[i], e.items[0].msg);
			return 1;
		}
	}
	snprintf(extra, sizeof extra, "reps=%d provinces=%d year=%d", reps, np, year);
	report("province_report", tr, n, extra);
	free(tr);

	/* The whole country at once, as the system administrator sees it. */
	tu = xcalloc((size_t)rollup_reps, sizeof *tu);
	memset(&rc, 0, sizeof rc);
	rc.keep = figures_org;
	app_rollup(a, &admin, year, roll_cb, &rc, &e);  /* warm-up */
	for (k = 0; k < rollup_reps; k++) {
		memset(&rc, 0, sizeof rc);
		rc.keep = figures_org;
		t0 = now_ms();
		app_rollup(a, &admin, year, roll_cb, &rc, &e);
		tu[k] = now_ms() - t0;
	}
	if (e.code) {
		fprintf(stderr, "cadre_bench: roll-up: %s\n", e.items[0].msg);
		return 1;
	}
	snprintf(extra, sizeof extra, "reps=%d orgs=%ld year=%d", rollup_reps, rc.rows, year);
	report("rollup", tu, rollup_reps, extra);
	free(tu);
	print_figs("rollup_root", rc.root, rc.root_f);
	print_figs("figures_rollup", figures_org, rc.keep_f);
	err_cleanup(&e);
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P001", *search = "van hung";
	long offset = 8000;
	int reps = 21, i, r, year = 0, rollup_reps = 11;
	const char *figures_org = NULL, *find = NULL, *org_find = NULL;
	struct app a;
	struct actor ac;
	struct err e;
	char list[1024], *p, *save = NULL;
	char *names[64];
	int np = 0;
	double *tc, *tl, *ts;
	int n = 0;
	long found = 0, listed = 0, members = 0;
	char extra[128];
	struct roll_cache *kept = NULL;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--provinces") && i + 1 < argc)
			provinces = argv[++i];
		else if (!strcmp(argv[i], "--reps") && i + 1 < argc)
			reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--offset") && i + 1 < argc)
			offset = strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--search") && i + 1 < argc)
			search = argv[++i];
		else if (!strcmp(argv[i], "--reviews") && i + 1 < argc)
			year = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--rollup-reps") && i + 1 < argc)
			rollup_reps = (int)strtol(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--figures") && i + 1 < argc)
			figures_org = argv[++i];
		else if (!strcmp(argv[i], "--find") && i + 1 < argc)
			find = argv[++i];
		else if (!strcmp(argv[i], "--org-find") && i + 1 < argc)
			org_find = argv[++i];
		else if (!strcmp(argv[i], "--kept"))
			kept = app_search_cache_new(128);
		else {
			fprintf(stderr, "usage: cadre_bench --db PATH [--provinces P001,...] "
				"[--reps N] [--offset N] [--search TEXT]\n"
				"       cadre_bench --db PATH --reviews YEAR [--provinces ...] "
				"[--reps N] [--rollup-reps N] [--figures CODE]\n");
			return 2;
		}
	}
	if (!db || reps < 1 || rollup_reps < 1) {
		fprintf(stderr, "cadre_bench: --db is required\n");
		return 2;
	}
	snprintf(list, sizeof list, "%s", provinces);
	for (p = strtok_r(list, ",", &save); p && np < 64; p = strtok_r(NULL, ",", &save))
		names[np++] = p;
	err_init(&e);
	if (app_open(&a, db, 0, &e)) {
		fprintf(stderr, "cadre_bench: %s\n", e.n ? e.items[0].msg : "cannot open");
		return 1;
	}
	if (find || org_find) {
		if (kept) /* the lists kept as a server keeps them (docs/search.md) */
			app_search_cache_use(&a, kept);
		r = find_bench(&a, find ? find : "", org_find, reps);
		app_close(&a);
		app_search_cache_free(kept);
		err_cleanup(&e);
		return r;
	}
	if (year) {
		r = reviews_bench(&a, year, names, np, reps, rollup_reps,
				  figures_org ? figures_org : names[0]);
		app_close(&a);
		err_cleanup(&e);
		return r;
	}
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
	ac.role = ROLE_SYS_ADMIN; /* the whole tree (a zeroed actor is a member's own account) */
	tc = xcalloc((size_t)(reps * np), sizeof *tc);
	tl = xcalloc((size_t)(reps * np), sizeof *tl);
	ts = xcalloc((size_t)(reps * np), sizeof *ts);
	for (i = 0; i < np; i++) {
		long counts[MS__COUNT], hosted;

		/* Warm-up, untimed. */
		app_org_counts(&a, &ac, names[i], counts, &hosted, &e);
		app_member_list(&a, &ac, names[i], DATE_NONE, offset, 50, count_cb, &listed, &e);
		app_member_search(&a, &ac, search, names[i], 50, count_cb, &found, &e);
		if (e.code) {
			fprintf(stderr, "cadre_bench: %s\n", e.items[0].msg);
			return 1;
		}
		members = 0;
		for (int k = 0; k < MS__COUNT; k++)
			members += counts[k];
		for (r = 0; r < reps; r++) {
			double t0;

			t0 = now_ms();
			app_org_counts(&a, &ac, names[i], counts, &hosted, &e);
			tc[n] = now_ms() - t0;
			listed = 0;
			t0 = now_ms();
			app_member_list(&a, &ac, names[i], DATE_NONE, offset, 50, count_cb, &listed, &e);
			tl[n] = now_ms() - t0;
			found = 0;
			t0 = now_ms();
			app_member_search(&a, &ac, search, names[i], 50, count_cb, &found, &e);
			ts[n] = now_ms() - t0;
			n++;
		}
	}
	snprintf(extra, sizeof extra, "members=%ld provinces=%d", members, np);
	report("province_counts", tc, n, extra);
	snprintf(extra, sizeof extra, "offset=%ld rows=%ld", offset, listed);
	report("province_list_page", tl, n, extra);
	snprintf(extra, sizeof extra, "query=\"%s\" rows=%ld", search, found);
	report("province_search", ts, n, extra);
	free(tc);
	free(tl);
	free(ts);
	app_close(&a);
	err_cleanup(&e);
	return 0;
}
