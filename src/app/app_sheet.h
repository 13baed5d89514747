/* app_sheet.h - the cadre's own yearly assessment in post and the cadre's sheet (lý lịch cán
 * bộ, docs/cadres.md "The cadre's sheet and assessment"). Every call needs the personnel
 * right (app_personnel_check) over the member's organisation: without it ERR_DENIED,
 * whatever the member; a member outside the actor's subtree does not exist (ERR_NOTFOUND). */
#ifndef CADRE_APP_SHEET_H
#define CADRE_APP_SHEET_H

#include "../core/member.h"
#include "../core/training.h"
#include "../store/store_sheet.h"
#include "app.h"

/* An assessment as typed: year (required, 1945 to this year), health ("" or NULL: not
 * given, else a class 1 (best) to 6), position (NULL/"": the key position the member held at
 * the year's end, else a position's id the member held during the year), self_text (the
 * cadre's own assessment, required), strengths and weaknesses (may be NULL). */
struct assessment_input {
	const char *year, *health, *position;
	const char *self_text, *strengths, *weaknesses;
};

/* Record member_id's own assessment of a year: the current one of that year, if any, stays
 * as an earlier revision (current 0) and this one becomes current with the next revision
 * number. Every problem at once. Needs an editing role. Audited as assessment.add (subject
 * member:ID, the replaced revision as before). out (may be NULL) receives the row stored. */
enum err_code app_assessment_add(struct app *a, const struct actor *ac, int64_t member_id,
				 const struct assessment_input *in, struct assessment *out,
				 struct err *e);
/* The checks and the row of app_assessment_add for member m, inside the caller's
 * transaction, with no audit entry and no access check (the demo: its caller audits). */
enum err_code app_assessment_store(struct app *a, const struct actor *ac, const struct member *m,
				   const struct assessment_input *in, struct assessment *x,
				   struct err *e);
/* One revision by id (ERR_NOTFOUND when its member lies outside the actor's subtree);
 * audited as assessment.read. */
enum err_code app_assessment_get(struct app *a, const struct actor *ac, int64_t id,
				 struct assessment *out, struct err *e);
/* member_id's assessments to cb, newest year first: the current ones, or with all every
 * revision (the current first within a year). One audit entry (assessment.list). */
enum err_code app_assessments(struct app *a, const struct actor *ac, int64_t member_id, int all,
			      store_assessment_cb cb, void *ctx, struct err *e);
/* {"id", "member_id", "year", "revision", "current", "position_id" (null when none),
 * "position" ("ORG:KIND" or null), "health" (null when not given), "self_text", "strengths",
 * "weaknesses", "recorded_by", "recorded_at"} (a new reference). */
json_t *app_assessment_json(const struct assessment *x);

#define SHEET_YEARS 5

/* One year of the sheet's table of reviews beside the own assessments. */
struct sheet_year {
	int year;
	char grade[16], step[12];   /* the review's current row: "" when none */
	int has_assessment;
	struct assessment *assessment; /* the current one of the year (NULL when none) */
};

/* The cadre's sheet as of a date: everything the one page prints. */
struct cadre_sheet {
	date_t as_of;
	struct member m;
	char org_name[ORG_NAME_MAX * 2 + 1];
	int age;                    /* on as_of; -1 when the birth date is unknown */
	struct sheet_post *posts;   /* positions held, oldest first */
	size_t nposts;
	struct sheet_seat *seats;   /* committee seats, oldest first */
	size_t nseats;
	struct sheet_plan *plans;   /* positions planned for */
	size_t nplans;
	struct training *training;  /* training records begun by as_of */
	size_t ntraining;
	struct sheet_year years[SHEET_YEARS]; /* oldest first */
	int health, health_year;    /* latest health class given (0: none) and its year */
	struct assessment *assessments; /* storage of years[].assessment */
};

/* Gather member_id's sheet as of as_of (DATE_NONE: today) into s (s owns its arrays:
 * app_cadre_sheet_cleanup). The five years are those ending at the latest year up to
 * as_of's with a review or an own assessment (the year before as_of's when none). One audit
 * entry cadre.sheet (subject member:ID) for every opening. */
enum err_code app_cadre_sheet(struct app *a, const struct actor *ac, int64_t member_id,
			      date_t as_of, struct cadre_sheet *s, struct err *e);
void app_cadre_sheet_cleanup(struct cadre_sheet *s);
/* The sheet as JSON (a new reference): {"as_of", "member": {...identity...}, "positions",
 * "rotations", "committees", "plans", "training", "years", "health"}. */
json_t *app_cadre_sheet_json(const struct cadre_sheet *s);

/* The worklist: how many holders of a key position of [pre, last] today have no own
 * assessment of last year; -1 when the actor lacks the personnel right (no item). */
enum err_code app_assessment_missing(struct app *a, const struct actor *ac, long pre, long last,
				     long *n, struct err *e);

/* The holders of key positions of org_code's subtree (NULL or "": the actor's scope) today
 * without a current own assessment of year (0: last year), to cb; *year_out (may be NULL)
 * receives the year. Needs the personnel right. */
enum err_code app_assessments_due(struct app *a, const struct actor *ac, const char *org_code,
				  int year, store_key_holder_cb cb, void *ctx, int *year_out,
				  struct err *e);

/* The demo's assessments (demo_sheet.c): the key cadres' own assessments of the two years
 * before today's, with health classes; called after demo_cadres. */
enum err_code demo_sheet(struct app *a, const struct actor *ac, struct err *e);

#endif
