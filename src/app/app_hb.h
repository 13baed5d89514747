/* app_hb.h - every member's own handbook (docs/handbook.md): member accounts made in bulk for
 * a cell with one-time activation codes, activation, and what a member account may do: read
 * its own record, write its own self-assessment in the review period, read its own review
 * history, write its individual action plan and report its results.
 *
 * A member account (ROLE_MEMBER, actor.member_id) holds no scope (app_scope answers it with
 * an empty one): everything else answers it as an actor outside the subtree. Every function
 * here taking a member actor reads and writes that member's own rows only, by index. */
#ifndef CADRE_APP_HB_H
#define CADRE_APP_HB_H

#include "../store/store_hb.h"
#include "app.h"
#include "app_report.h"

#define R_HB_CODE_DAYS "R-HB-CODE-DAYS"
#define R_HB_SELF_PERIOD "R-HB-SELF-PERIOD"

/* "ABCD-EFGH-JKLM": 12 characters of 32 (60 bits), in groups of four. */
#define HB_CODE_CHARS 15

/* One member of a cell on the sheet of accounts to hand out. */
struct hb_sheet_row {
	int64_t member_id;
	char full_name[VNAME_MAX + 1];
	char login[64];
	char code[HB_CODE_CHARS]; /* "" for an account activated or issued before (not shown) */
	int made;                 /* 1: made now; 2: a new code for an account not activated */
};
struct hb_sheet {
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	date_t expires; /* the last day the codes of this sheet are good for */
	size_t n;
	struct hb_sheet_row *rows; /* malloc'd: hb_sheet_cleanup */
	long made, renewed, skipped;
};
void hb_sheet_cleanup(struct hb_sheet *s);
/* For every member on the roll of cell org_code without an account: a member account (named
 * from the name and the member's id) with a one-time activation code, good until today +
 * R-HB-CODE-DAYS; with reissue, also a new code (the old one void) for each account not yet
 * activated. The actor is a clerk (or above) whose scope holds the cell. The codes are in s
 * and nowhere else (only their hashes are stored). One audit entry per account. */
enum err_code app_hb_accounts(struct app *a, const struct actor *ac, const char *org_code,
			      int reissue, struct hb_sheet *s, struct err *e);
/* The same, for the demo: code_of(i, code, login) gives the code (and login, when it sets
 * one) of the i-th member of the roll instead of random ones; accounts already there are
 * left out. */
enum err_code app_hb_accounts_fixed(struct app *a, const struct actor *ac, const char *org_code,
				    void (*code_of)(size_t i, char code[HB_CODE_CHARS],
						    char login[64]),
				    struct hb_sheet *s, struct err *e);
/* The demo's member accounts (demo.c calls it last): every member of HB_DEMO_CELL gets
 * "dvNN.demo" with code "HBDM-SAMP-?" (docs/handbook.md), and dv01.demo is activated with
 * HB_DEMO_PASSWORD. */
#define HB_DEMO_CELL "E98-D1-CQ"
#define HB_DEMO_PASSWORD "sotay-dangvien-2026"
enum err_code demo_hb(struct app *a, const struct actor *ac, struct err *e);

/* Activate the member account login with its code: the password (R-PASSWORD-MIN-LENGTH,
 * argon2id) is set and the code is used up. A wrong login or code gets one answer; an
 * expired code says so (R-HB-CODE-DAYS); failures count towards R-LOGIN-MAX-FAILS as
 * sign-ins do. On success out is the account's actor (signed in). */
enum err_code app_hb_activate(struct app *a, const char *login, const char *code,
			      const char *password, const char *address, struct actor *out,
			      struct err *e);

/* What the handbook's home page shows. */
struct hb_home {
	int64_t member_id;
	char full_name[VNAME_MAX + 1];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	int year;                    /* this year */
	int plan;                    /* this year's plan: 0 none, 1 written, 2 results reported */
	int self_open;               /* the self-assessment may be written now (for self_year) */
	int self_year;               /* the year it is for */
	int self_score, self_grade;  /* written: score (-1 none) and grade (-1 none) */
	int decided;                 /* self_year is decided */
	struct hb_meeting next;      /* the next meeting (next.id 0: none planned) */
	long docs_due;               /* documents to study not yet covered */
};
/* The member actor's home: everything by the member's own rows. ERR_NOTFOUND for any other
 * actor. */
enum err_code app_hb_home(struct app *a, const struct actor *ac, struct hb_home *h,
			  struct err *e);
/* The member's own record (audited as member.read, as any record opened). */
enum err_code app_hb_record(struct app *a, const struct actor *ac, struct member *m,
			    struct err *e);
/* Which year's self-assessment is open on today by R-HB-SELF-PERIOD: 1 and *year, or 0. */
int app_hb_self_period(struct app *a, int *year);
/* Write the member's own self-assessment of year (the review's first step, through the
 * review's own checks): only in the period R-HB-SELF-PERIOD opens for that year, and not
 * once the year is decided. score 0-100 or -1; grade G_NONE to take it from the score. */
enum err_code app_hb_self(struct app *a, const struct actor *ac, int year, int score,
			  enum grade grade, struct err *e);
/* The member's own review steps, oldest first. */
enum err_code app_hb_reviews(struct app *a, const struct actor *ac, review_cb cb, void *ctx,
			     struct err *e);
/* The member's plan of year: ERR_NOTFOUND when none. */
enum err_code app_hb_plan(struct app *a, const struct actor *ac, int year, struct hb_plan *p,
			  struct err *e);
/* Every plan of the member, newest first. */
enum err_code app_hb_plans(struct app *a, const struct actor *ac, store_hb_plan_cb cb,
			   void *ctx, struct err *e);
/* Write the commitments of the member's plan of year (this year or the next). */
enum err_code app_hb_plan_write(struct app *a, const struct actor *ac, int year,
				const char *commitments, struct err *e);
/* Report the results of the member's plan of year (this year or the one before). */
enum err_code app_hb_plan_report(struct app *a, const struct actor *ac, int year,
				 const char *results, struct err *e);
/* The meetings of the member's cell and those the member is listed at: upcoming (from today,
 * soonest first) or past (newest first), at most limit. */
enum err_code app_hb_meetings(struct app *a, const struct actor *ac, int upcoming, long limit,
			      store_hb_meeting_cb cb, void *ctx, struct err *e);
/* One of them, with the names and statuses of its attendance (att_cb) only when the member
 * was present at it: nothing of the roll otherwise. ERR_NOTFOUND for any other meeting. */
enum err_code app_hb_meeting(struct app *a, const struct actor *ac, int64_t id,
			     struct hb_meeting *m,
			     int (*att_cb)(void *ctx, const char *name, const char *status),
			     void *ctx, struct err *e);
/* The documents the member is to study (store_hb_docs), newest first. */
enum err_code app_hb_docs(struct app *a, const struct actor *ac, store_hb_doc_cb cb, void *ctx,
			  struct err *e);
/* "I have studied it": the member confirms having studied doc_id today, through the study's
 * own app_study_confirm (its checks and its audit entry study.confirm), for the member's own
 * record only and only for a document of the member's list (ERR_NOTFOUND for any other).
 * *added 0 when it was confirmed before. */
enum err_code app_hb_study_confirm(struct app *a, const struct actor *ac, int64_t doc_id,
				   int *added, struct err *e);
/* For the review sheet of cell org_code (in the actor's scope): each member's plan of year,
 * cb(member_id, reported). */
enum err_code app_hb_plan_states(struct app *a, const struct actor *ac, const char *org_code,
				 int year, int (*cb)(void *ctx, int64_t member_id, int reported),
				 void *ctx, struct err *e);

#endif
