/* org.h - party organisations and the tree they form: kinds, nesting, pre-order numbering. */
#ifndef CADRE_ORG_H
#define CADRE_ORG_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "err.h"
#include "rules.h"

#define ORG_CODE_MAX 32
#define ORG_NAME_MAX 200

enum org_kind { OK_COMMITTEE, OK_GRASSROOTS, OK_SUBCOMMITTEE, OK_CELL, OK__COUNT };

/* One organisation as it is now (or as of a date, for the fields org_version keeps). */
struct org {
	int64_t id;
	char code[ORG_CODE_MAX + 1];
	int64_t parent_id;         /* 0 for the root */
	char parent_code[ORG_CODE_MAX + 1];
	char name[ORG_NAME_MAX * 2 + 1];
	enum org_kind kind;
	char grassroots_type[24];  /* "" when not given */
	int standing_board;
	char local_committee[ORG_NAME_MAX * 2 + 1];
	long militia, self_defence, reserve; /* -1 when unknown */
	date_t established;
	date_t dissolved;          /* DATE_NONE while active */
	long pre, last;            /* pre-order interval in the current tree; 0 when dissolved */
	int depth;                 /* 0 for the root */
};

const char *org_kind_name(enum org_kind k);
int org_kind_parse(const char *s, enum org_kind *out);
extern const char *const org_grassroots_types[];

/* Check a code: 1-ORG_CODE_MAX characters of A-Z a-z 0-9 . _ -. Returns 0 or -1 (*why set). */
int org_code_check(const char *code, const char **why);

/* Check the fields of o that do not depend on other records; add every problem to e.
 * Returns the number of problems. */
/* Check and normalise o's text (name, local committee, grassroots type) as all text that
 * comes in (core/text: NFC, trimmed, controls and bidi controls refused, limits after NFC);
 * add every problem to e. Returns the number of problems. */
int org_clean(struct org *o, struct err *e, long line);
int org_validate(const struct org *o, struct err *e, long line);

/* Whether a child of kind child may sit under a parent of kind parent on date on
 * (R-ORG-NESTING). Adds a problem (field parent_code, value parent_code) and returns -1 if
 * not. */
int org_check_nesting(enum org_kind parent, enum org_kind child, date_t on,
		      const struct ruleset *rs, struct err *e, long line, const char *parent_code);

/* An in-memory tree over n nodes given by parent index (-1 for a root). Used to check a
 * whole import for cycles and orphans, to number the current tree in pre-order, and to
 * walk a tree as of a date. Owns its arrays: tree_cleanup. */
struct tree {
	size_t n;
	long *parent;       /* parent index or -1 */
	long *first_child;  /* -1 if none */
	long *next_sibling; /* -1 if none */
	long *pre, *last;   /* pre-order number (1-based) and the largest number in the subtree */
	int *depth;
	long *order;        /* node indices in pre-order */
};

/* Build from parent[] (copied). Children keep the order of their indices unless cmp is given,
 * in which case siblings are ordered by cmp(ctx, a, b). Returns 0, or -1 when the parent
 * links hold a cycle; then *cycle_node is a node on it. Nodes unreachable from a root are
 * only possible with a cycle. */
int tree_build(struct tree *t, const long *parent, size_t n,
	       int (*cmp)(void *ctx, long a, long b), void *ctx, long *cycle_node);
void tree_cleanup(struct tree *t);
/* Whether node a is b or inside b's subtree (after tree_build). */
int tree_within(const struct tree *t, long a, long b);

#endif
