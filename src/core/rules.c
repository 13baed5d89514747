/* rules.c - looking up the version of a rule in force on a date. */
#include "rules.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"

void ruleset_init(struct ruleset *rs)
{
	memset(rs, 0, sizeof *rs);
}

void ruleset_cleanup(struct ruleset *rs)
{
	free(rs->v);
	memset(rs, 0, sizeof *rs);
}

/* The versions are kept ordered by id, then version (as the store loads them), so that a
 * lookup is a binary search: a first load asks for several rules on every row. */
static int version_cmp(const struct rule_version *x, const char *id, int version)
{
	int c = strcmp(x->id, id);

	return c ? c : (x->version > version) - (x->version < version);
}

void ruleset_add(struct ruleset *rs, const struct rule_version *v)
{
	size_t i;

	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 32;
		rs->v = xrealloc(rs->v, rs->cap * sizeof *rs->v);
	}
	for (i = rs->n; i > 0 && version_cmp(&rs->v[i - 1], v->id, v->version) > 0; i--)
		;
	memmove(rs->v + i + 1, rs->v + i, (rs->n - i) * sizeof *rs->v);
	rs->v[i] = *v;
	rs->n++;
}

const struct rule_version *ruleset_find(const struct ruleset *rs, const char *id, date_t on)
{
	const struct rule_version *best = NULL;
	size_t lo = 0, hi = rs->n, i;

	/* The first version of id. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(rs->v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < rs->n && strcmp(rs->v[i].id, id) == 0; i++) {
		const struct rule_version *v = &rs->v[i];

		if (v->effective_from > on)
			continue;
		if (!best || v->effective_from > best->effective_from ||
		    (v->effective_from == best->effective_from && v->version > best->version))
			best = v;
	}
	return best;
}

int ruleset_int(const struct ruleset *rs, const char *id, date_t on, long *out)
{
	const struct rule_version *v = ruleset_find(rs, id, on);
	char *end;
	long n;

	if (!v)
		return 0;
	errno = 0;
	n = strtol(v->value, &end, 10);
	if (errno || end == v->value || *end)
		return 0;
	*out = n;
	return 1;
}

int ruleset_pair_allowed(const struct ruleset *rs, const char *id, date_t on, const char *a,
			 const char *b)
{
	const struct rule_version *v = ruleset_find(rs, id, on);
	const char *p;
	size_t la = strlen(a), lb = strlen(b);

	if (!v)
		return -1;
	p = v->value;
	while (*p) {
		const char *end = strchr(p, ';');
		const char *gt;
		size_t len = end ? (size_t)(end - p) : strlen(p);

		gt = memchr(p, '>', len);
		if (gt && (size_t)(gt - p) == la && memcmp(p, a, la) == 0) {
			const char *q = gt + 1, *stop = p + len;

			while (q < stop) {
				const char *comma = memchr(q, ',', (size_t)(stop - q));
				size_t lq = comma ? (size_t)(comma - q) : (size_t)(stop - q);

				if (lq == lb && memcmp(q, b, lb) == 0)
					return 1;
				q += lq + (comma ? 1 : 0);
			}
		}
		p += len + (end ? 1 : 0);
	}
	return 0;
}
