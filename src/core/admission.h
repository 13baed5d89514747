/* admission.h - admission to the party (DOMAIN §5; docs/admissions.md) as pure rules: the
 * stages of a case, its steps, and every threshold and deadline, each from a dated rule
 * (rules.h), never a literal here. No I/O: src/app reads the store and calls these.
 *
 * A case follows one person: a candidate kept by a cell (quần chúng ưu tú, nguồn phát triển
 * đảng) -> the awareness class -> the application with its introducers -> the verification of
 * personal history -> the cell's vote -> the grassroots committee's vote -> the decision of the
 * committee above -> the ceremony (a probationary member on the cell's roll, with a mentor) ->
 * probation -> the cell's recognition vote -> official (or, after R-PROBATION-FAILED-VOTES failed
 * votes, the ruling of the committee above: official or removed). */
#ifndef CADRE_ADMISSION_H
#define CADRE_ADMISSION_H

#include <stdint.h>

#include "date.h"
#include "err.h"
#include "member.h"
#include "rules.h"

/* Where a case stands (the board's columns, in this order; the last four are closed). */
enum adm_stage {
	AST_CANDIDATE = 0,    /* listed by the cell */
	AST_CLASS,            /* awareness class passed */
	AST_APPLIED,          /* application with introducers */
	AST_VERIFIED,         /* personal history verified */
	AST_CELL_PASSED,      /* the cell voted for */
	AST_COMMITTEE_PASSED, /* the grassroots committee voted for */
	AST_DECIDED,          /* the committee above decided; the ceremony is due */
	AST_PROBATION,        /* a probationary member */
	AST_REFERRED,         /* failed recognition votes: waiting for the committee above */
	AST_OFFICIAL,         /* closed: recognised as official */
	AST_REMOVED,          /* closed: a probationer who failed, removed from the rolls */
	AST_WITHDRAWN,        /* closed: withdrawn (left the unit, declined, ...) */
	AST_REFUSED,          /* closed: the committee above refused the admission */
	AST__COUNT
};

enum adm_step_kind {
	ASK_LISTED = 0,       /* the case opened (implicit, the date listed) */
	ASK_CLASS,            /* lớp bồi dưỡng nhận thức về Đảng: course, dates, certificate, result */
	ASK_APPLICATION,      /* đơn xin vào Đảng, with the introducers */
	ASK_VERIFICATION,     /* thẩm tra lý lịch: who, conclusion */
	ASK_CELL_VOTE,        /* chi bộ xét: eligible (official members that day), present, for, against */
	ASK_COMMITTEE_VOTE,   /* đảng ủy cơ sở xét: the committee's members, present, for, against */
	ASK_DECISION,         /* quyết định kết nạp of the committee above: number, date, body;
			       * passed = 0 is a refusal */
	ASK_CEREMONY,         /* lễ kết nạp: makes the probationary member; mentor */
	ASK_RECOGNITION_VOTE, /* chi bộ xét công nhận chính thức */
	ASK_UPPER_RULING,     /* the committee above on a referred case: passed 1 official, 0 removed */
	ASK_WITHDRAWAL,       /* the case closed without admission */
	ASK_TRANSFER,         /* the case moved to another cell (restructuring or a move) */
	ASK__COUNT
};

enum adm_source {
	ASRC_SOLDIER = 0,  /* chiến sĩ tiêu biểu, outstanding soldier */
	ASRC_SQUAD_LEADER, /* tiểu đội trưởng */
	ASRC_YOUTH_UNION,  /* đoàn viên thanh niên */
	ASRC_OTHER,
	ASRC__COUNT
};

/* Names as in the CSV, JSON and URLs ("candidate", "cell_vote", "youth_union", ...) and back
 * (-1 when unknown). */
const char *adm_stage_name(enum adm_stage s);
int adm_stage_parse(const char *s);
const char *adm_step_name(enum adm_step_kind k);
int adm_step_parse(const char *s);
const char *adm_source_name(enum adm_source s);
int adm_source_parse(const char *s);
/* Whether a case at stage s is closed (official, removed, withdrawn, refused). */
int adm_stage_closed(enum adm_stage s);

/* One introducer of an application: an official member (member_id) who has worked with the
 * applicant since worked_since, or (member_id 0) the Youth Union committee's resolution. */
struct adm_introducer {
	int64_t member_id;
	char name[VNAME_MAX + 1];   /* filled by the app for display */
	date_t worked_since;
	int official_on_date;       /* filled by the app: the member was official on the date */
	char resolution[M_TEXT];    /* the union committee's resolution (number, date) */
};

#define ADM_INTRODUCERS_MAX 2

/* A step as recorded (one row of admission_step). Votes use eligible/present/votes_for/
 * votes_against (-1: not given); passed is derived for votes, given for a decision or ruling. */
struct adm_step {
	int64_t id;
	int64_t admission_id;
	enum adm_step_kind kind;
	date_t on;
	int64_t org_id;              /* the body that acted */
	char org_code[33];
	int passed;                  /* 1, 0, or -1 when the step has no outcome */
	long eligible, present, votes_for, votes_against;
	char number[M_SHORT];        /* decision or certificate number */
	char detail[1024];           /* JSON object of the step's other fields */
	struct adm_introducer intro[ADM_INTRODUCERS_MAX];
	int n_intro;
	int64_t mentor_id;           /* ceremony: the mentor (an official member of the cell) */
	char rules[128];             /* the rule IDs the step was checked against */
	char recorded_by[64];
	char recorded_at[24];
};

/* A case. The person is p (p.org_id / p.org_code: the cell keeping the case; p.id unused). */
struct admission {
	int64_t id;
	struct member p;
	enum adm_source source;
	date_t listed_on;
	enum adm_stage stage;
	date_t stage_since;
	int failed_votes;            /* recognition votes failed so far */
	int64_t member_id;           /* after the ceremony: the member */
	int64_t former_member_id;    /* a re-admission: the earlier member record */
	int64_t mentor_id;
	/* the next deadline (adm_next_due): what is due and by when; DK_NONE when nothing is */
	int due_kind;
	date_t due_on;
	date_t due_from;             /* when the item appears on the due list */
	/* dates of the steps that set deadlines (DATE_NONE until taken) */
	date_t decision_on, ceremony_on, cell_vote_on;
	char recorded_by[64];
};

/* What a case waits for next, for the due list and the home worklist. */
enum adm_due_kind {
	DK_NONE = 0,
	DK_CEREMONY,           /* ceremony due within R-ADMIT-CEREMONY-WORKING-DAYS of the decision */
	DK_RECOGNITION,        /* recognition vote due within R-PROBATION-VOTE-WORKING-DAYS after
				* the end of probation (R-PROBATION-MONTHS) */
	DK_UPPER_DECISION,     /* the grassroots committee voted: the committee above decides */
	DK_UPPER_RULING,       /* referred after failed recognition votes */
	DK__COUNT
};
const char *adm_due_name(int k);
/* Whether case a is overdue on date on: a ceremony or a recognition vote (the deadlines the
 * rules set) past due_on; decisions and rulings of the committee above are awaited, never
 * overdue. */
int adm_overdue(const struct admission *a, date_t on);

/* Age in whole months on date on (date_months_between of the birth date). */
int adm_age_months(date_t birth, date_t on);

/* R-ADMIT-AGE-MIN-MONTHS / R-ADMIT-AGE-MAX-MONTHS: age in whole months on date on (the cell's
 * vote, or the admission decision when none is recorded) from MIN to MAX inclusive. ERR_OK, or
 * ERR_RULE with a problem naming the rule, the age (years and months) and the limit, at field
 * and line. */
enum err_code adm_check_age(const struct ruleset *rs, date_t birth, date_t on, const char *field,
			    long line, struct err *e);

/* R-ADMIT-INTRODUCER-MONTHS: an introducer is official on the application's date and has worked
 * with the applicant at least the rule's months by then; an applicant from the Youth Union has
 * the union committee's resolution and one official member, any other two official members
 * (two different ones). */
enum err_code adm_check_introducers(const struct ruleset *rs, date_t on, enum adm_source src,
				    const struct adm_introducer *in, int n, struct err *e);

/* R-ADMIT-VOTE-FRACTION: votes_for of eligible reach the rule's fraction (for >= 2/3 of
 * eligible, counted exactly: 6 of 9 passes, 5 of 9 does not; eligible 0 never passes).
 * Returns 1 passes, 0 not; -1 when the rule is not in force on date on. */
int adm_vote_passes(const struct ruleset *rs, date_t on, long eligible, long votes_for);

/* Check a vote's counts: 0 <= for + against <= present <= eligible. ERR_OK or ERR_INPUT naming
 * the field. */
enum err_code adm_check_vote_counts(long eligible, long present, long votes_for,
				    long votes_against, struct err *e);

/* R-ADMIT-CEREMONY-WORKING-DAYS: the last day for the ceremony of a decision taken on
 * decided (working days skip weekends and the holidays hol[0..nhol), sorted). */
date_t adm_ceremony_due(const struct ruleset *rs, date_t decided, const date_t *hol, size_t nhol);

/* R-PROBATION-MONTHS: the end of probation (official from this day when recognised). */
date_t adm_probation_end(const struct ruleset *rs, date_t ceremony);

/* R-PROBATION-VOTE-WORKING-DAYS: the last day for the recognition vote after a ceremony. */
date_t adm_recognition_due(const struct ruleset *rs, date_t ceremony, const date_t *hol,
			   size_t nhol);

/* R-PROBATION-FAILED-VOTES: whether failed recognition votes send the case up. */
int adm_referred(const struct ruleset *rs, date_t on, int failed_votes);

/* R-READMIT-TIMES / R-READMIT-MONTHS: a person who left the party on left (removed, expelled,
 * or otherwise off the rolls), admitted before times_admitted times in all, may be admitted
 * again on date on. ERR_OK or ERR_RULE naming the rule (and the first day allowed). */
enum err_code adm_check_readmit(const struct ruleset *rs, date_t left, int times_admitted,
				date_t on, struct err *e);

/* The next step's deadline of case a as of date today (uses its stage and step dates):
 * sets a->due_kind, a->due_from and a->due_on (DK_NONE and DATE_NONE when nothing is due). */
void adm_next_due(const struct ruleset *rs, struct admission *a, const date_t *hol, size_t nhol);

#endif
