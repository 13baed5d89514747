/* cadre_bench.c - time cadre's own province queries, through the app layer, on a loaded
 * database: subtree counts, a deep list page in Vietnamese name order, accent-free search.
 *
 * Usage: cadre_bench --db PATH [--provinces P001,P002] [--reps N] [--offset N]
 *                    [--search TEXT]
 * Prints one line per measurement, as bench/plain does:
 *     cadre <name> median_ms=... p90_ms=... [key=value ...]
 * over reps repetitions on each province after one untimed warm-up. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/app/app.h"
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
	printf("cadre %s median_ms=%.3f p90_ms=%.3f%s%s\n", name, t[n / 2], t[(n * 9) / 10],
	       extra[0] ? " " : "", extra);
	fflush(stdout);
}

static int count_cb(void *ctx, const struct member *m)
{
	(void)m;
	(*(long *)ctx)++;
	return 0;
}

int main(int argc, char **argv)
{
	const char *db = NULL, *provinces = "P001", *search = "van hung";
	long offset = 8000;
	int reps = 21, i, r;
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
		else {
			fprintf(stderr, "usage: cadre_bench --db PATH [--provinces P001,...] "
				"[--reps N] [--offset N] [--search TEXT]\n");
			return 2;
		}
	}
	if (!db || reps < 1) {
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
	memset(&ac, 0, sizeof ac);
	snprintf(ac.name, sizeof ac.name, "bench");
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
