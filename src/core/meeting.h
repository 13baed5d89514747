/* meeting.h - meetings of an organisation (DOMAIN §7; docs/meetings.md) as pure rules: the
 * kinds, the attendance statuses, the length rule and the quorum of a resolution, and who is
 * expected at a meeting. Thresholds come from dated rules (rules.h), never literals here. No
 * I/O: src/app reads the roll of the day from the store and calls these. */
#ifndef CADRE_MEETING_H
#define CADRE_MEETING_H

#include <stdint.h>

#include "date.h"
#include "err.h"
#include "member.h"
#include "org.h"
#include "vname.h"
#include "rules.h"

enum meeting_kind {
	MK_MONTHLY = 0, /* sinh hoạt chi bộ thường kỳ */
	MK_THEMATIC,    /* sinh hoạt chuyên đề */
	MK_EXTRAORDINARY,
	MK_STUDY,       /* a session where a document is studied (document_id set) */
	MK__COUNT
};

enum meeting_state { MST_PLANNED = 0, MST_HELD, MST_CANCELLED, MST__COUNT };

enum attend_status {
	AT_PRESENT = 0,
	AT_EXCUSED,     /* absent with a reason given: outside the quorum's count */
	AT_ABSENT,      /* absent without reason: inside the quorum's count */
	AT_NOT_COUNTED, /* on temporary transfer elsewhere, suspended, or exempt and absent */
	AT__COUNT
};

/* Names as in the CSV, JSON and URLs ("monthly", "held", "not_counted", ...) and back (-1 when
 * unknown). */
const char *meeting_kind_name(enum meeting_kind k);
int meeting_kind_parse(const char *s);
const char *meeting_state_name(enum meeting_state s);
int meeting_state_parse(const char *s);
const char *attend_status_name(enum attend_status s);
int attend_status_parse(const char *s);

/* Where a member stood on the day of a meeting, as the app reads it from the roll history. */
struct meet_roll_entry {
	int64_t member_id;
	enum member_status status; /* the status that day */
	int temp_away;             /* on temporary transfer to another organisation that day */
};

/* What becomes of a member of the roll whose attendance was given as given (AT_PRESENT,
 * AT_EXCUSED, AT_ABSENT): suspended or on temporary transfer elsewhere -> AT_NOT_COUNTED
 * whatever was given; exempt and not present -> AT_NOT_COUNTED; otherwise given. */
enum attend_status meeting_effective_status(const struct meet_roll_entry *r,
					    enum attend_status given);

/* Whether a member with status st on the day is expected at the organisation's meetings (on
 * its roll: probationary, official, exempt, suspended). A member on temporary transfer
 * elsewhere is on the roll (listed, not counted), a member hosted here is not. */
int meeting_expected(enum member_status st);

/* R-MEETING-QUORUM: the count a resolution is measured against, from the attendance statuses
 * st[0..n): every member listed less those AT_NOT_COUNTED and AT_EXCUSED. */
long meeting_quorum_base(const enum attend_status *st, long n);

/* R-MEETING-QUORUM: whether votes_for of base passes: votes_for / base strictly more than the
 * rule's fraction (1/2: 3 of 6 fails, 4 of 6 passes, 3 of 5 passes; base 0 never passes).
 * Returns 1 passes, 0 not, -1 when the rule is not in force on date on. */
int meeting_passes(const struct ruleset *rs, date_t on, long base, long votes_for);

/* R-MEETING-QUORUM counts: for, against and abstain not negative and together at most the
 * members present. ERR_OK or ERR_INPUT naming the field. */
enum err_code meeting_check_votes(long present, long votes_for, long against, long abstain,
				  struct err *e);

/* R-MEETING-MINUTES: a monthly or thematic meeting lasts at least the rule's minutes
 * (ends_min - starts_min; 89 fails, 90 passes with the 2018 value); other kinds only need
 * ends after starts. starts/ends are minutes after midnight in [0, 1440]. ERR_OK, or ERR_INPUT
 * (times out of range, end not after start) / ERR_RULE naming the rule, the length and the
 * minimum; field names "starts"/"ends"; line as given. */
enum err_code meeting_check_minutes(const struct ruleset *rs, date_t on, enum meeting_kind k,
				    int starts_min, int ends_min, long line, struct err *e);

#define MEET_TEXT 4096  /* agenda, content: bytes with the NUL */
#define MEET_LINE 512   /* topic, guests, reason */

/* One row of attendance. name/number are filled by the app for display. */
struct meet_attendance {
	int64_t member_id;
	enum attend_status status;
	char reason[MEET_LINE];       /* excused: why (required); not_counted: why (filled) */
	char name[VNAME_MAX + 1];
	char org_code[ORG_CODE_MAX + 1]; /* the member's organisation that day */
	enum member_status member_status; /* the member's status that day */
};

/* One resolution of the meeting: votes measured against base (the quorum's count when it was
 * recorded), passed per R-MEETING-QUORUM. */
struct meet_resolution {
	int seq;                      /* 1, 2, ... in the meeting */
	char text[MEET_TEXT];
	long votes_for, against, abstain;
	long base;
	int passed;
};

/* A meeting. att/res are owned by the struct (meeting_cleanup). */
struct meeting {
	int64_t id;
	int64_t org_id;
	char org_code[ORG_CODE_MAX + 1];
	char org_name[ORG_NAME_MAX * 2 + 1];
	date_t on;
	int starts_min, ends_min;     /* minutes after midnight */
	enum meeting_kind kind;
	enum meeting_state state;
	char topic[MEET_LINE];
	char agenda[MEET_TEXT];
	char content[MEET_TEXT];
	int64_t chair_id, secretary_id; /* 0: none */
	char chair_name[VNAME_MAX + 1], secretary_name[VNAME_MAX + 1];
	char guests[MEET_LINE];
	int64_t document_id;          /* study: the document studied (0: none) */
	int64_t makeup_of;            /* a make-up session: the meeting it makes up (0: none) */
	long quorum_base;             /* -1 until attendance is recorded */
	long n_present, n_excused, n_absent, n_not_counted; /* from att, filled by the app */
	char rules[128];              /* the rule ids checked */
	char cancel_reason[MEET_LINE]; /* cancelled: why */
	char recorded_by[64];
	char recorded_at[24];
	struct meet_attendance *att;
	size_t n_att, cap_att;
	struct meet_resolution *res;
	size_t n_res, cap_res;
};

void meeting_init(struct meeting *m);
void meeting_cleanup(struct meeting *m);
/* Append one attendance row / resolution (copies r) to m; returns the copy. */
struct meet_attendance *meeting_att_push(struct meeting *m, const struct meet_attendance *r);
struct meet_resolution *meeting_res_push(struct meeting *m, const struct meet_resolution *r);

/* Parse "HH:MM" (00:00 to 24:00) into minutes after midnight. 0 ok, -1 not a time. */
int meeting_parse_time(const char *s, int *min);
/* Format minutes after midnight as "HH:MM" into out[6]. */
char *meeting_format_time(int min, char out[6]);

#endif
