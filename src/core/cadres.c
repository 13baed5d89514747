/* cadres.c - the rules of key cadres (cadres.h). */
#include <stdlib.h>
#include <string.h>

#include "cadres.h"
#include "err.h"

const char *const cadre_committee_roles[] = {"secretary", "deputy_secretary", "standing_member",
					     "member", NULL};
const char *const cadre_org_flags[] = {"difficult", "border", NULL};

int cadre_committee_role(const char *role)
{
	int i;

	for (i = 0; role && cadre_committee_roles[i]; i++)
		if (!strcmp(role, cadre_committee_roles[i]))
			return i;
	return -1;
}

int cadre_org_flag_ok(const char *flag)
{
	int i;

	for (i = 0; flag && cadre_org_flags[i]; i++)
		if (!strcmp(flag, cadre_org_flags[i]))
			return 1;
	return 0;
}

/* Whether the n bytes at p are the word w, or "*" when star is allowed. */
static int word_is(const char *p, size_t n, const char *w)
{
	return strlen(w) == n && !memcmp(p, w, n);
}

int cadre_decider_levels(const char *rule_value, const char *pos_kind, const char *org_kind,
			 long *levels)
{
	const char *p = rule_value;
	int best = -1;
	long best_n = 0;

	if (!p)
		return -1;
	while (*p) {
		const char *end = strchr(p, ';'), *at, *eq;
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char num[16], *stop;
		long n;
		int score;

		at = memchr(p, '@', len);
		eq = memchr(p, '=', len);
		if (!at || !eq || eq < at || (size_t)(p + len - eq - 1) >= sizeof num ||
		    p + len - eq - 1 == 0)
			return -1;
		memcpy(num, eq + 1, (size_t)(p + len - eq - 1));
		num[p + len - eq - 1] = 0;
		n = strtol(num, &stop, 10);
		if (*stop || n < 0)
			return -1;
		score = -1;
		if (word_is(p, (size_t)(at - p), pos_kind) &&
		    word_is(at + 1, (size_t)(eq - at - 1), org_kind))
			score = 3;
		else if (word_is(p, (size_t)(at - p), pos_kind) &&
			 word_is(at + 1, (size_t)(eq - at - 1), "*"))
			score = 2;
		else if (word_is(p, (size_t)(at - p), "*") &&
			 word_is(at + 1, (size_t)(eq - at - 1), org_kind))
			score = 1;
		else if (word_is(p, (size_t)(at - p), "*") &&
			 word_is(at + 1, (size_t)(eq - at - 1), "*"))
			score = 0;
		if (score > best) {
			best = score;
			best_n = n;
		}
		p += len;
		if (*p == ';')
			p++;
	}
	if (best < 0)
		return -1;
	*levels = best_n;
	return 0;
}

int cadre_decider_ok(int is_ancestor, int pos_depth, int body_depth, long levels)
{
	if (!is_ancestor)
		return 0;
	if (body_depth == 0)
		return 1;
	return pos_depth - body_depth >= levels;
}

date_t cadre_term_end(date_t start, long years)
{
	return date_add_months(start, (int)(years * 12));
}

int cadre_vacancy_priority(int border, int difficult, int combat)
{
	if (border || difficult)
		return 0;
	return combat ? 1 : 2;
}

int cadre_decision_check(const char *number, const char **why)
{
	const unsigned char *p;

	if (!number || !number[0]) {
		*why = N_("the decision's number is required (as written on it: 123/QĐ-BTL)");
		return -1;
	}
	if (strlen(number) > CADRE_DECISION_MAX) {
		*why = N_("the decision's number is longer than 80 bytes");
		return -1;
	}
	for (p = (const unsigned char *)number; *p; p++)
		if (*p < 0x20 || *p == 0x7f) {
			*why = N_("the decision's number holds a control character");
			return -1;
		}
	return 0;
}
