/* report.c - the tables of a report (report.h). */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"

void report_init(struct report *r)
{
	memset(r, 0, sizeof *r);
}

void report_cleanup(struct report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->t[i].rows);
	free(r->t);
	memset(r, 0, sizeof *r);
}

static void copy(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

struct report_table *report_table_add(struct report *r, const char *name, const char *title,
				      enum report_chart chart, size_t ncol,
				      const char *const *cols, const char *const *labels)
{
	struct report_table *t;
	size_t i;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->t = xrealloc(r->t, r->cap * sizeof *r->t);
	}
	t = &r->t[r->n++];
	memset(t, 0, sizeof *t);
	copy(t->name, sizeof t->name, name);
	copy(t->title, sizeof t->title, title);
	t->chart = chart;
	t->ncol = ncol > REPORT_COLS_MAX ? REPORT_COLS_MAX : ncol;
	for (i = 0; i < t->ncol; i++) {
		copy(t->col[i], sizeof t->col[i], cols[i]);
		copy(t->col_label[i], sizeof t->col_label[i], labels ? labels[i] : cols[i]);
	}
	return t;
}

struct report_row *report_row_add(struct report_table *t, const char *key, const char *label,
				  const char *filter)
{
	struct report_row *w;

	if (t->nrow == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	w = &t->rows[t->nrow++];
	memset(w, 0, sizeof *w);
	copy(w->key, sizeof w->key, key);
	copy(w->label, sizeof w->label, label ? label : key);
	copy(w->filter, sizeof w->filter, filter);
	return w;
}

const struct report_table *report_find(const struct report *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (!strcmp(r->t[i].name, name))
			return &r->t[i];
	return NULL;
}

const struct report_row *report_row_find(const struct report_table *t, const char *key)
{
	size_t i;

	for (i = 0; t && i < t->nrow; i++)
		if (!strcmp(t->rows[i].key, key))
			return &t->rows[i];
	return NULL;
}

long report_pct100(long count, long base)
{
	long long num;

	if (base <= 0)
		return -1;
	num = (long long)count * 10000;
	num = (num + (num >= 0 ? base / 2 : -(base / 2))) / base;
	/* 100% says every one: 19,999 of 20,000 is 99.99, not rounded up to 100 */
	if (num == 10000 && count < base)
		num = 9999;
	return (long)num;
}

void report_pct_str(long count, long base, char *out, size_t n)
{
	long p = report_pct100(count, base);

	if (p < 0)
		snprintf(out, n, "%s", "");
	else
		snprintf(out, n, "%ld.%02ld", p / 100, p % 100);
}

const char *report_row_records(const struct report_row *w)
{
	static const char *const org_filters[] = {"org_grade=", "grassroots_grade=", "kind=",
						  "standing_board=", "disciplined=org", NULL};
	size_t i;

	if (!w->filter[0])
		return "";
	if (!strncmp(w->filter, "adm_", 4))
		return "cases";
	/* the meeting figures' cells or members (the meeting figures' page lists them) */
	if (!strncmp(w->filter, "meet_", 5))
		return "meetings";
	/* the organisations that have not studied a document (its coverage page lists them) */
	if (!strncmp(w->filter, "study_", 6))
		return "study";
	/* key positions and committees short (the vacancy report), rotations of the year */
	if (!strncmp(w->filter, "cadre_", 6))
		return "cadres";
	/* the training records of the year (the training list of the organisation) */
	if (!strncmp(w->filter, "training_", 9))
		return "training";
	/* the key positions and their successors (the organisation's plan page) */
	if (!strncmp(w->filter, "plan_", 5))
		return "plan";
	/* the cases, discipline or complaints of the year (the inspection report's list) */
	if (!strncmp(w->filter, "what=", 5))
		return "inspection";
	for (i = 0; org_filters[i]; i++)
		if (!strncmp(w->filter, org_filters[i], strlen(org_filters[i])))
			return "organisations";
	return "members";
}
