/* training.h - a member's training record (đào tạo, bồi dưỡng; docs/cadres.md "Training"):
 * the course, the school, its kind, the dates, the result and the certificate. Pure C: the
 * fields as typed are checked and normalised here, every problem at once. */
#ifndef CADRE_TRAINING_H
#define CADRE_TRAINING_H

#include <stdint.h>

#include "date.h"
#include "err.h"

/* The kinds of training: long-term (dài hạn), in-service (tại chức), at a school (tập trung
 * tại trường) and short courses (ngắn hạn, bồi dưỡng). */
enum training_kind { TK_LONG_TERM, TK_IN_SERVICE, TK_SCHOOL, TK_SHORT, TK__COUNT };

#define TRAINING_COURSE_MAX 255 /* bytes of UTF-8 after normalisation */
#define TRAINING_SCHOOL_MAX 255
#define TRAINING_RESULT_MAX 127
#define TRAINING_CERT_MAX 63
#define TRAINING_NOTE_MAX 1000

struct training {
	int64_t id;
	int64_t member_id;
	int64_t org_id;      /* the organisation that sent the member (its roll when recorded) */
	char course[TRAINING_COURSE_MAX + 1];
	char school[TRAINING_SCHOOL_MAX + 1];
	enum training_kind kind;
	date_t from, to;     /* to DATE_NONE: under way */
	char result[TRAINING_RESULT_MAX + 1];
	char certificate[TRAINING_CERT_MAX + 1];
	char note[TRAINING_NOTE_MAX + 1];
	/* read back with the record, for lists */
	char member_name[128];
	char org_code[32];
};

/* The fields as typed (CLI options, JSON members, CSV columns, form fields): NULL leaves the
 * field as it is (an edit), "" clears an optional one. Dates are YYYY-MM-DD. */
struct training_input {
	const char *course, *school, *kind, *from, *to, *result, *certificate, *note;
};

/* "long_term", "in_service", "school", "short". */
const char *training_kind_name(enum training_kind k);
/* Parse a kind's name; returns 0, or -1 when it is none. */
int training_kind_parse(const char *s, enum training_kind *out);
/* Set t to an empty record (no kind chosen yet: TK_SHORT, dates DATE_NONE). */
void training_init(struct training *t);
/* Apply in's fields to t, then check the whole record: course and school required, the kind
 * one of the four, the start date required, the end not before the start, every text valid
 * and normalised (text_accept) within its limit. Every problem is added to e (line and the
 * CSV column names as fields). Returns e->code (0 when the record is good). */
enum err_code training_apply(struct training *t, const struct training_input *in, long line,
			     struct err *e);

#endif
