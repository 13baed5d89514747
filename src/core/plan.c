/* plan.c - personnel planning's criteria, read from their values and checked against what the
 * records say of a candidate (plan.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "member.h"
#include "plan.h"
#include "review.h"

static const char *const crit_names[PC__COUNT] = {
	"max_age", "theory_level", "education", "lower_post_months", "review_grades", "health",
};

const char *plan_crit_name(enum plan_crit c)
{
	return (unsigned)c < PC__COUNT ? crit_names[c] : "";
}

int plan_crit_parse(const char *name)
{
	int i;

	for (i = 0; name && i < PC__COUNT; i++)
		if (!strcmp(name, crit_names[i]))
			return i;
	return -1;
}

/* A whole non-negative number in [s, s+n) within max: 0 and *out, else -1. */
static int read_num(const char *s, size_t n, long max, long *out)
{
	long v = 0;
	size_t i;

	if (!n || n > 6)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v > max)
		return -1;
	*out = v;
	return 0;
}

static int theory_index(const char *level)
{
	int i;

	for (i = 0; level && member_theory_levels[i]; i++)
		if (!strcmp(level, member_theory_levels[i]))
			return i;
	return -1;
}

/* max_age: the age of the entry for rank (or '*'); *age -1 when no entry applies. -1 when the
 * value cannot be read. */
static int max_age_for(const char *value, const char *rank, long *age)
{
	const char *p = value, *semi, *eq;
	long star = -1, v;

	*age = -1;
	while (*p) {
		semi = strchr(p, ';');
		if (!semi)
			semi = p + strlen(p);
		eq = memchr(p, '=', (size_t)(semi - p));
		if (!eq || eq == p || read_num(eq + 1, (size_t)(semi - eq - 1), 150, &v))
			return -1;
		if ((size_t)(eq - p) == 1 && *p == '*')
			star = v;
		else if (rank && strlen(rank) == (size_t)(eq - p) && !memcmp(p, rank, (size_t)(eq - p)))
			*age = v;
		p = *semi ? semi + 1 : semi;
	}
	if (*age < 0)
		*age = star;
	return 0;
}

/* Whether word (whole) is one of the comma-separated items of [list, end). */
static int in_list(const char *list, const char *end, const char *word)
{
	const char *p = list, *c;
	size_t n = word ? strlen(word) : 0;

	if (!n)
		return 0;
	while (p < end) {
		c = memchr(p, ',', (size_t)(end - p));
		if (!c)
			c = end;
		if ((size_t)(c - p) == n && !memcmp(p, word, n))
			return 1;
		p = c + 1;
	}
	return 0;
}

/* "X:N" split at the last ':' with N read within max: 0, else -1. */
static int split_colon(const char *value, long max, const char **colon, long *n)
{
	*colon = strrchr(value, ':');
	if (!*colon || *colon == value)
		return -1;
	return read_num(*colon + 1, strlen(*colon + 1), max, n);
}

/* review_grades "YEARS:GRADE": the grade's index (excellent 0 .. complete 2) and *years, or
 * -1 when unreadable; *gname points at the grade's name. */
static int reviews_parse(const char *value, long *years, const char **gname)
{
	const char *colon = strchr(value, ':');
	int g;

	if (!colon || read_num(value, (size_t)(colon - value), PLAN_YEARS_MAX, years) ||
	    *years < 1)
		return -1;
	*gname = colon + 1;
	g = grade_parse(*gname);
	return g < 0 || g == G_NOT_COMPLETE ? -1 : g;
}

int plan_value_check(enum plan_crit c, const char *value, const char **why)
{
	const char *colon;
	long n;

	*why = NULL;
	if (!value)
		value = "";
	if (!*value)
		return 0;
	switch (c) {
	case PC_MAX_AGE:
		if (max_age_for(value, NULL, &n))
			*why = "write RANK=AGE entries separated by ';' (* for any rank), as "
			       "\"Đại úy=40;*=50\"";
		break;
	case PC_THEORY:
		if (theory_index(value) < 0)
			*why = "write primary, intermediate, advanced or senior";
		break;
	case PC_EDUCATION:
		if (value[0] == ',' || value[strlen(value) - 1] == ',' || strstr(value, ",,"))
			*why = "write the accepted values separated by commas, as \"12/12,10/10\"";
		break;
	case PC_LOWER_POST:
		if (split_colon(value, 600, &colon, &n) || colon[-1] == ',' || value[0] == ',')
			*why = "write KIND,KIND:MONTHS, as \"deputy_commander:24\"";
		break;
	case PC_REVIEWS:
		if (reviews_parse(value, &n, &colon) < 0)
			*why = "write YEARS:GRADE (1 to 10 years; excellent, good or complete), as "
			       "\"2:good\"";
		break;
	case PC_HEALTH:
		if (read_num(value, strlen(value), 6, &n) || n < 1)
			*why = "write the highest health class accepted, 1 to 6";
		break;
	default:
		*why = "no such criterion";
	}
	return *why ? -1 : 0;
}

int plan_age_on_jan1(date_t birth, int year)
{
	int by, bm, bd;

	if (birth == DATE_NONE)
		return -1;
	date_to_ymd(birth, &by, &bm, &bd);
	/* Born on 1 January: the birthday counts on that day. */
	return year - by - ((bm == 1 && bd == 1) ? 0 : 1);
}

int plan_per_position(const char *value, long *min, long *max)
{
	const char *dash;

	if (!value || !*value)
		return -1;
	dash = strchr(value, '-');
	if (!dash) {
		*min = 0;
		return read_num(value, strlen(value), 1000, max);
	}
	if (read_num(value, (size_t)(dash - value), 1000, min) ||
	    read_num(dash + 1, strlen(dash + 1), 1000, max) || *min > *max)
		return -1;
	return 0;
}

static struct plan_fail *fail(struct plan_judgement *j, enum plan_crit c, const char *value)
{
	struct plan_fail *f = &j->fail[j->nfail++];

	f->crit = c;
	f->found[0] = '\0';
	snprintf(f->needed, sizeof f->needed, "%s", value);
	return f;
}

static void judge_reviews(const char *value, const struct plan_candidate *c, date_t on,
			  struct plan_judgement *j)
{
	const char *gname;
	long years;
	int need, y, m, d, i, g;
	size_t used = 0;
	struct plan_fail *f = NULL;

	if ((need = reviews_parse(value, &years, &gname)) < 0) {
		snprintf(fail(j, PC_REVIEWS, value)->found, sizeof j->fail[0].found, "?");
		return;
	}
	date_to_ymd(on, &y, &m, &d);
	for (i = 0; i < years; i++) {
		const char *got = c->grades[i] ? c->grades[i] : "";
		int n;

		g = *got ? grade_parse(got) : -1;
		if (g >= 0 && g <= need)
			continue;
		if (!f) {
			f = fail(j, PC_REVIEWS, "");
			snprintf(f->needed, sizeof f->needed, "%ld years %s or better", years, gname);
		}
		n = snprintf(f->found + used, sizeof f->found - used, "%s%d: %s", used ? "; " : "",
			     y - 1 - i, *got ? got : "none");
		if (n > 0 && (size_t)n < sizeof f->found - used)
			used += (size_t)n;
	}
}

int plan_judge(const struct plan_criteria *cr, const struct plan_candidate *c,
	       int period_from_year, date_t on, struct plan_judgement *j)
{
	const char *v, *colon;
	long n, months;
	int age, lv, need;
	size_t i;
	struct plan_fail *f;

	j->nfail = 0;
	/* max_age */
	v = cr->value[PC_MAX_AGE];
	if (*v) {
		age = plan_age_on_jan1(c->birth_date, period_from_year);
		if (max_age_for(v, c->rank, &n))
			snprintf(fail(j, PC_MAX_AGE, v)->found, sizeof f->found, "?");
		else if (n >= 0 && (age < 0 || age > n)) {
			f = fail(j, PC_MAX_AGE, "");
			snprintf(f->needed, sizeof f->needed, "<= %ld", n);
			if (age < 0)
				snprintf(f->found, sizeof f->found, "none");
			else
				snprintf(f->found, sizeof f->found, "%d", age);
		}
	}
	/* theory_level */
	v = cr->value[PC_THEORY];
	if (*v) {
		need = theory_index(v);
		lv = theory_index(c->theory_level);
		if (need < 0)
			snprintf(fail(j, PC_THEORY, v)->found, sizeof f->found, "?");
		else if (lv < need) {
			f = fail(j, PC_THEORY, "");
			snprintf(f->needed, sizeof f->needed, ">= %s", v);
			snprintf(f->found, sizeof f->found, "%s",
				 c->theory_level && *c->theory_level ? c->theory_level : "none");
		}
	}
	/* education */
	v = cr->value[PC_EDUCATION];
	if (*v && !in_list(v, v + strlen(v), c->education)) {
		f = fail(j, PC_EDUCATION, v);
		snprintf(f->found, sizeof f->found, "%s",
			 c->education && *c->education ? c->education : "none");
	}
	/* lower_post_months */
	v = cr->value[PC_LOWER_POST];
	if (*v) {
		if (split_colon(v, 600, &colon, &n))
			snprintf(fail(j, PC_LOWER_POST, v)->found, sizeof f->found, "?");
		else {
			months = 0;
			for (i = 0; i < c->nspans; i++) {
				const struct plan_span *s = &c->spans[i];
				date_t to = s->to == DATE_NONE || s->to > on ? on : s->to;

				if (s->from < to && in_list(v, colon, s->kind))
					months += date_months_between(s->from, to);
			}
			if (months < n) {
				f = fail(j, PC_LOWER_POST, "");
				snprintf(f->needed, sizeof f->needed, ">= %ld (%.*s)", n,
					 (int)(colon - v), v);
				snprintf(f->found, sizeof f->found, "%ld", months);
			}
		}
	}
	/* review_grades */
	v = cr->value[PC_REVIEWS];
	if (*v)
		judge_reviews(v, c, on, j);
	/* health */
	v = cr->value[PC_HEALTH];
	if (*v) {
		if (read_num(v, strlen(v), 6, &n))
			snprintf(fail(j, PC_HEALTH, v)->found, sizeof f->found, "?");
		else if (c->health < 1 || c->health > n) {
			f = fail(j, PC_HEALTH, "");
			snprintf(f->needed, sizeof f->needed, "<= %ld", n);
			if (c->health < 1)
				snprintf(f->found, sizeof f->found, "none");
			else
				snprintf(f->found, sizeof f->found, "%d", c->health);
		}
	}
	return j->nfail;
}
