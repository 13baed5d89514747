/* insp.h - inspection and supervision (docs/inspection.md "Programmes", "Cases"): the words
 * (bodies, kinds, states, conclusions), which item kinds a programme takes, the order of a
 * case's states, the document numbers (core/docnum.h, stored canonical) and the dates of
 * each step. Pure C: the fields as typed are checked here, every problem at once. */
#ifndef CADRE_INSP_H
#define CADRE_INSP_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "docnum.h"
#include "err.h"
#include "org.h"

/* Who carries a programme or a case: the party committee (cấp ủy, ban thường vụ) or its
 * inspection committee (ủy ban kiểm tra). */
enum insp_body { IB_COMMITTEE, IB_INSPECTION, IB__COUNT };
/* A programme is of inspection (chương trình kiểm tra) or of supervision (giám sát). */
enum insp_pkind { IPK_INSPECTION, IPK_SUPERVISION, IPK__COUNT };
/* The kind of an item or a case: by plan, on signs of violation, regular supervision,
 * thematic supervision, of the execution of discipline, of the finances and dues. */
enum insp_kind {
	IK_PLAN, IK_SIGNS, IK_REGULAR, IK_THEMATIC, IK_DISCIPLINE_EXEC, IK_FINANCE, IK__COUNT
};
/* A case's states, in their only order. */
enum insp_state { IS_OPEN, IS_CONCLUDED, IS_NOTIFIED, IS_CLOSED, IS__COUNT };
/* A conclusion: none yet, no violation, violation not requiring discipline, violation
 * requiring discipline (with the proposed form). */
enum insp_conclusion {
	ICN_NONE, ICN_NO_VIOLATION, ICN_VIOLATION, ICN_VIOLATION_DISCIPLINE, ICN__COUNT
};
/* The activity groups of footnote 7: inspection (plan, discipline_exec, finance), signs,
 * supervision (regular, thematic). */
enum insp_group { IG_INSPECTION, IG_SIGNS, IG_SUPERVISION, IG__COUNT };
/* What is done to an open case after it is opened. */
enum insp_action { IA_CONCLUDE, IA_NOTIFY, IA_FOLLOWUP, IA_CLOSE, IA__COUNT };

#define INSP_TITLE_MAX 255
#define INSP_CONTENT_MAX 2000
#define INSP_TEAM_MAX 500
#define INSP_FINDINGS_MAX 4000
#define INSP_NOTE_MAX 2000
#define INSP_DOC_MAX DOCNUM_MAX

/* A programme: one body's (an organisation's committee or its inspection committee) yearly
 * programme of inspection or of supervision. org_id is the body's organisation. */
struct insp_programme {
	int64_t id, org_id;
	enum insp_body body;
	int year;
	enum insp_pkind kind;
	char title[INSP_TITLE_MAX + 1];
	date_t approved_on;          /* DATE_NONE: not recorded */
	char doc_no[INSP_DOC_MAX];   /* canonical, "" when not recorded */
	char recorded_by[64];
	/* read back with it */
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1];
	long items, cases;           /* live items; cases opened from them */
};

/* An item of a programme: a target organisation, or a member (org_id then the member's
 * organisation when recorded), its kind, planned period and content. */
struct insp_item {
	int64_t id, programme_id, org_id, member_id;
	enum insp_kind kind;
	date_t planned_from, planned_to;
	char content[INSP_CONTENT_MAX + 1];
	int deleted;
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1], member_name[128];
	long cases;
};

/* A case: opened by a decision of a body (body_org_id, committee or inspection committee),
 * from an item (item_id) or outside the programme (0), on a target organisation or member
 * (org_id as for items); its team, period, findings, conclusion, notice and follow-up. */
struct insp_case {
	int64_t id, item_id, org_id, member_id, body_org_id, programme_id;
	enum insp_body body;
	enum insp_kind kind;
	char decision_no[INSP_DOC_MAX];
	date_t decision_on;
	char team[INSP_TEAM_MAX + 1];
	date_t period_from, period_to;
	char content[INSP_CONTENT_MAX + 1];
	char findings[INSP_FINDINGS_MAX + 1];
	enum insp_state state;
	enum insp_conclusion conclusion;
	date_t concluded_on;
	char conclusion_no[INSP_DOC_MAX];
	char proposal[16];           /* a discipline form's name, for violation_discipline */
	char notice_no[INSP_DOC_MAX];
	date_t notified_on;
	char followup[INSP_NOTE_MAX + 1];
	date_t followup_on, closed_on;
	char recorded_by[64];
	char org_code[ORG_CODE_MAX + 1], org_name[ORG_NAME_MAX * 2 + 1], member_name[128];
	char body_code[ORG_CODE_MAX + 1], body_name[ORG_NAME_MAX * 2 + 1];
};

/* One row of a case's history: what happened (open, concluded, notified, followup, closed),
 * on which date, the document, a note, who recorded it and when. */
struct insp_event {
	int64_t id, case_id;
	char state[16];
	date_t on_date;
	char doc_no[INSP_DOC_MAX];
	char note[INSP_NOTE_MAX + 1];
	char recorded_by[64], recorded_at[24];
};

/* Codes as stored and in the API ("committee", "inspection", "supervision", "plan",
 * "signs" ..., "open" ..., "no_violation" ...; "" for ICN_NONE); "?" out of range. */
const char *insp_body_name(enum insp_body b);
const char *insp_pkind_name(enum insp_pkind k);
const char *insp_kind_name(enum insp_kind k);
const char *insp_state_name(enum insp_state s);
const char *insp_conclusion_name(enum insp_conclusion c);
const char *insp_group_name(enum insp_group g);
/* Parse a code (exact); 0, or -1 when s (may be NULL) is none of them. */
int insp_body_parse(const char *s, enum insp_body *out);
int insp_pkind_parse(const char *s, enum insp_pkind *out);
int insp_kind_parse(const char *s, enum insp_kind *out);
int insp_state_parse(const char *s, enum insp_state *out);
int insp_conclusion_parse(const char *s, enum insp_conclusion *out);

/* The group a kind counts in. */
enum insp_group insp_kind_group(enum insp_kind k);
/* Whether a programme of kind pk takes items (and cases) of kind k: an inspection programme
 * plan, signs, discipline_exec, finance; a supervision programme regular, thematic. */
int insp_kind_fits(enum insp_pkind pk, enum insp_kind k);
/* The kinds a programme of kind pk takes, as "plan, signs, ..." (a static text). */
const char *insp_kinds_of(enum insp_pkind pk);

/* The state a case must be in for action a (conclude: open; notify: concluded; follow-up:
 * notified; close: notified), and the state it is in after (follow-up leaves it). */
enum insp_state insp_action_from(enum insp_action a);
enum insp_state insp_action_to(enum insp_action a);
/* The action's name: "conclude", "notify", "followup", "close". */
const char *insp_action_name(enum insp_action a);
/* ERR_RULE saying what state the case is in and what it needs, when action a is out of
 * order for a case in state s (0 otherwise). */
enum err_code insp_action_check(enum insp_state s, enum insp_action a, struct err *e);

/* A document number as typed (in, may be NULL or "") parsed with docnum_parse and written
 * canonical to out (cap bytes, "" when absent). A required number missing, or one the
 * parser refuses (its message and byte offset), is a problem in e naming field. Returns 0,
 * or -1 with the problem added. */
int insp_docnum(const char *in, int required, char *out, size_t cap, long line,
		const char *field, struct err *e);

/* Date d (field, "the conclusion") must be given (when required), not before after (when
 * not DATE_NONE; after_what names it: "the decision opening the case") and not after today.
 * Problems added to e; returns 0 or -1. */
int insp_date_check(date_t d, int required, date_t after, const char *after_what, date_t today,
		    long line, const char *field, const char *what, struct err *e);
/* A date field as typed ("" or NULL: DATE_NONE) into *d; a problem naming field when it is
 * not YYYY-MM-DD. Returns 0 or -1. */
int insp_date_in(const char *v, date_t *d, long line, const char *field, struct err *e);

#endif
