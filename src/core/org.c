/* org.c - organisation kinds, validation, nesting and the in-memory tree. */
#include "org.h"
#include "err.h"

#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"

static const char *const kind_names[OK__COUNT] = {"committee", "grassroots", "subcommittee", "cell"};

const char *const org_grassroots_types[] = {
	"agency", "combat", "local_military", "border_post", "school", "hospital", "enterprise", NULL,
};

const char *org_kind_name(enum org_kind k)
{
	return (unsigned)k < OK__COUNT ? kind_names[k] : "unknown";
}

int org_kind_parse(const char *s, enum org_kind *out)
{
	int i;

	for (i = 0; i < OK__COUNT; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum org_kind)i;
			return 0;
		}
	return -1;
}

int org_code_check(const char *code, const char **why)
{
	size_t n = strlen(code), i;

	if (n == 0) {
		*why = N_("the code is empty");
		return -1;
	}
	if (n > ORG_CODE_MAX) {
		*why = N_("the code is longer than 32 characters");
		return -1;
	}
	for (i = 0; i < n; i++) {
		char c = code[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '.' || c == '_' || c == '-')) {
			*why = N_("a code may hold only letters A-Z, digits and . _ -");
			return -1;
		}
	}
	return 0;
}

int org_clean(struct org *o, struct err *e, long line)
{
	size_t before = e->n + e->dropped;

	/* In place: text_accept reads all of its input before it writes. */
	text_accept(o->name, ORG_NAME_MAX, 0, o->name, sizeof o->name, e, line, "name",
		    "the name");
	text_accept(o->local_committee, ORG_NAME_MAX, 0, o->local_committee,
		    sizeof o->local_committee, e, line, "local_committee", NULL);
	text_accept(o->grassroots_type, sizeof o->grassroots_type - 1, 0, o->grassroots_type,
		    sizeof o->grassroots_type, e, line, "grassroots_type", NULL);
	return (int)(e->n + e->dropped - before);
}

int org_validate(const struct org *o, struct err *e, long line)
{
	size_t before = e->n + e->dropped;
	const char *why;
	int i, ok;

	if (org_code_check(o->code, &why))
		err_add(e, ERR_INPUT, line, "code", o->code, NULL, "%s", err_tr(why));
	if (!o->name[0])
		err_add(e, ERR_INPUT, line, "name", "", NULL, "the name is missing");
	if (o->grassroots_type[0]) {
		ok = 0;
		for (i = 0; org_grassroots_types[i]; i++)
			if (strcmp(o->grassroots_type, org_grassroots_types[i]) == 0)
				ok = 1;
		if (!ok)
			err_add(e, ERR_INPUT, line, "grassroots_type", o->grassroots_type, NULL,
				"grassroots type must be one of agency, combat, local_military, "
				"border_post, school, hospital, enterprise");
	}
	if (o->militia < -1 || o->self_defence < -1 || o->reserve < -1)
		err_add(e, ERR_INPUT, line, "militia", "", NULL,
			"force strengths are whole numbers of people, 0 or more");
	return (int)(e->n + e->dropped - before);
}

int org_check_nesting(enum org_kind parent, enum org_kind child, date_t on,
		      const struct ruleset *rs, struct err *e, long line, const char *parent_code)
{
	int ok = ruleset_pair_allowed(rs, R_ORG_NESTING, on, org_kind_name(parent),
				      org_kind_name(child));

	if (ok == 0) {
		err_add(e, ERR_RULE, line, "parent_code", parent_code, R_ORG_NESTING,
			"a %s cannot be placed under a %s", org_kind_name(child),
			org_kind_name(parent));
		return -1;
	}
	return 0;
}

struct sort_ctx {
	int (*cmp)(void *ctx, long a, long b);
	void *ctx;
};

static int cmp_idx(const void *a, const void *b, void *ctx)
{
	struct sort_ctx *sc = ctx;

	return sc->cmp(sc->ctx, *(const long *)a, *(const long *)b);
}

int tree_build(struct tree *t, const long *parent, size_t n,
	       int (*cmp)(void *ctx, long a, long b), void *ctx, long *cycle_node)
{
	long *stack, *last_child, i;
	size_t sp = 0, k = 0;
	long counter = 0;

	memset(t, 0, sizeof *t);
	t->n = n;
	t->parent = xmalloc(n * sizeof(long));
	t->first_child = xmalloc(n * sizeof(long));
	t->next_sibling = xmalloc(n * sizeof(long));
	t->pre = xcalloc(n, sizeof(long));
	t->last = xcalloc(n, sizeof(long));
	t->depth = xcalloc(n, sizeof(int));
	t->order = xmalloc(n * sizeof(long));
	memcpy(t->parent, parent, n * sizeof(long));
	last_child = xmalloc(n * sizeof(long));
	for (i = 0; i < (long)n; i++)
		t->first_child[i] = t->next_sibling[i] = last_child[i] = -1;

	if (cmp) {
		/* Order each node's children: sort all indices, then link in that order. */
		long *idx = xmalloc(n * sizeof(long));
		struct sort_ctx sc = {cmp, ctx};

		for (i = 0; i < (long)n; i++)
			idx[i] = i;
		qsort_r(idx, n, sizeof(long), cmp_idx, &sc);
		for (k = 0; k < n; k++) {
			long c = idx[k], p = parent[c];

			if (p < 0)
				continue;
			if (last_child[p] < 0)
				t->first_child[p] = c;
			else
				t->next_sibling[last_child[p]] = c;
			last_child[p] = c;
		}
		free(idx);
	} else {
		for (i = 0; i < (long)n; i++) {
			long p = parent[i];

			if (p < 0)
				continue;
			if (last_child[p] < 0)
				t->first_child[p] = i;
			else
				t->next_sibling[last_child[p]] = i;
			last_child[p] = i;
		}
	}
	free(last_child);

	/* Iterative pre-order walk from every root. */
	stack = xmalloc((n + 1) * sizeof(long));
	k = 0;
	for (i = 0; i < (long)n; i++) {
		if (parent[i] >= 0)
			continue;
		sp = 0;
		stack[sp++] = i;
		t->depth[i] = 0;
		while (sp) {
			long v = stack[--sp], c;
			size_t cnt = 0, m;

			t->pre[v] = ++counter;
			t->order[k++] = v;
			/* Push the children in reverse so the first child is visited first; each
			 * node is pushed once, so n slots suffice. */
			for (c = t->first_child[v]; c >= 0; c = t->next_sibling[c])
				cnt++;
			m = sp + cnt;
			for (c = t->first_child[v]; c >= 0; c = t->next_sibling[c]) {
				t->depth[c] = t->depth[v] + 1;
				stack[--m] = c;
			}
			sp += cnt;
		}
	}
	free(stack);
	if (k < n) {
		/* Some node was never reached: it sits on or below a cycle. */
		for (i = 0; i < (long)n; i++)
			if (t->pre[i] == 0) {
				long slow = i, fast = i;

				/* Walk up until a repeat: that node is on the cycle. */
				do {
					slow = parent[slow];
					fast = parent[fast] >= 0 ? parent[parent[fast]] : -1;
				} while (slow >= 0 && fast >= 0 && slow != fast);
				if (cycle_node)
					*cycle_node = slow >= 0 ? slow : i;
				break;
			}
		return -1;
	}
	/* last[v] = largest pre-order number in v's subtree: walk the order backwards. */
	for (k = n; k > 0; k--) {
		long v = t->order[k - 1];

		if (t->last[v] < t->pre[v])
			t->last[v] = t->pre[v];
		if (parent[v] >= 0 && t->last[parent[v]] < t->last[v])
			t->last[parent[v]] = t->last[v];
	}
	return 0;
}

void tree_cleanup(struct tree *t)
{
	free(t->parent);
	free(t->first_child);
	free(t->next_sibling);
	free(t->pre);
	free(t->last);
	free(t->depth);
	free(t->order);
	memset(t, 0, sizeof *t);
}

int tree_within(const struct tree *t, long a, long b)
{
	return t->pre[a] >= t->pre[b] && t->pre[a] <= t->last[b];
}
