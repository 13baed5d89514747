/* fig.h - the counters behind the figures: for each organisation, how many of its own members
 * (not its subtree's) fall under each key (a status, a sex, a birth year, a review grade of a
 * year, ...), kept by the store in the same transaction as every change (store.c: triggers
 * call the functions below), and summed up the tree when a report is asked for.
 *
 * A key is a dimension and a value. The counters of one organisation are stored as a blob:
 * (key delta, count) pairs in key order, each a varint, so a cell's counters take a few
 * hundred bytes and the whole country's are read in one pass. Two blobs per organisation:
 * "core" (statuses, sexes, categories, grades: what the whole-country roll-up needs) and
 * "hist" (ethnicities, birth and admission years: the report of one subtree). */
#ifndef CADRE_FIG_H
#define CADRE_FIG_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum fig_dim {
	/* core */
	FD_STATUS = 1,          /* value: enum member_status (those on the roll) */
	FD_SEX,                 /* 0 male, 1 female */
	FD_CATEGORY,            /* 0 not given, 1 + index in member_categories */
	FD_HOSTED,              /* value 0: members here on temporary transfer */
	FD_MEMBER_GRADE,        /* year * 8 + grade: decided member reviews, at the member's cell */
	FD_ORG_GRADE,           /* year * 8 + grade: decided reviews of this organisation */
	FD_GRASSROOTS_GRADE,    /* the same, when the organisation is a grassroots one */
	FD_DISCIPLINE,          /* year * 2 + (1 organisation, 0 member): discipline decided */
	/* hist */
	FD_ETHNIC = 16,         /* the id of the ethnicity's name in fig_ethnic */
	FD_BIRTH_YEAR,
	FD_ADMIT_YEAR           /* year of the admission decision */
};

#define FIG_KEY(d, v) (((uint32_t)(d) << 24) | ((uint32_t)(v) & 0xffffffu))
#define FIG_DIM(k) ((int)((k) >> 24))
#define FIG_VAL(k) ((long)((k) & 0xffffffu))
#define FIG_YG(year, grade) ((year) * 8 + (grade))
/* The grade value of a decided review flagged for revision after a discipline (review_revision
 * open, docs/inspection.md "Discipline"): counted here rather than under its grade until a
 * new decision revises it. */
#define FIG_GRADE_REVISION 4

struct fig_kv {
	uint32_t key;
	long count;
};

/* Counters by key, sorted by key, no zero counts. */
struct fig_map {
	struct fig_kv *v;
	size_t n, cap;
};

void fig_map_init(struct fig_map *m);
void fig_map_cleanup(struct fig_map *m);
void fig_map_clear(struct fig_map *m);
void fig_map_add(struct fig_map *m, uint32_t key, long delta);
long fig_map_get(const struct fig_map *m, uint32_t key);
/* Add every counter of src to m. */
void fig_map_merge(struct fig_map *m, const struct fig_map *src);

/* Add the counters of a blob to m. Returns 0, or -1 when the blob is malformed (then m holds
 * what was read before the fault). */
int fig_decode(const void *blob, size_t n, struct fig_map *m);
/* Encode m into a buffer the caller frees; *len gets its length (0 for an empty map, with a
 * non-NULL buffer). */
unsigned char *fig_encode(const struct fig_map *m, size_t *len);

/* The sum of the counts of a blob's keys within [lo, hi], read in place (no map is built:
 * the home page's worklist sums a few keys over every organisation of a subtree). -1 when the
 * blob is malformed. */
long fig_blob_sum(const void *blob, size_t n, uint32_t lo, uint32_t hi);

/* The members of a blob by status (st[0..nst): FD_STATUS values) and those hosted
 * (FD_HOSTED), added to st and *hosted, read in place. -1 when the blob is malformed. */
int fig_blob_status(const void *blob, size_t n, long *st, int nst, long *hosted);

/* Whether a member of status (enum member_status) is on the roll and counted. */
int fig_counted(int status);
/* The core keys of a member: status, sex, category (0 keys when not counted). Returns the
 * number written to keys (at most 4). */
size_t fig_member_core(int status, const char *sex, const char *category, uint32_t *keys);
/* The hist keys of a member: ethnicity id, birth year, admission year. */
size_t fig_member_hist(int status, long ethnic_id, date_t birth, date_t admitted,
		       uint32_t *keys);

/* The core keys of a decided review in force (is_org: of an organisation, grassroots: a
 * grassroots one), and of a discipline decided on date. */
size_t fig_review(int is_org, int grassroots, int year, int grade, uint32_t *keys);
uint32_t fig_discipline(date_t decided, int is_org);

#endif
