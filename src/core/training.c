/* training.c - a member's training record: the fields checked and normalised. */
#include <string.h>

#include "text.h"
#include "training.h"

static const char *const kind_names[TK__COUNT] = {"long_term", "in_service", "school", "short"};

const char *training_kind_name(enum training_kind k)
{
	return (unsigned)k < TK__COUNT ? kind_names[k] : "?";
}

int training_kind_parse(const char *s, enum training_kind *out)
{
	int i;

	for (i = 0; i < TK__COUNT; i++)
		if (s && !strcmp(s, kind_names[i])) {
			*out = (enum training_kind)i;
			return 0;
		}
	return -1;
}

void training_init(struct training *t)
{
	memset(t, 0, sizeof *t);
	t->kind = TK_SHORT;
	t->from = DATE_NONE;
	t->to = DATE_NONE;
}

/* A date field: "" is none; otherwise YYYY-MM-DD. */
static void apply_date(const char *v, date_t *d, long line, const char *field, struct err *e)
{
	const char *why;
	date_t got;

	if (!v)
		return;
	if (!v[0]) {
		*d = DATE_NONE;
		return;
	}
	if (date_parse(v, &got, &why))
		err_add(e, ERR_INPUT, line, field, v, NULL, "%s %s", v, err_tr(why));
	else
		*d = got;
}

/* Returns 1 when v was given and refused (a problem is in e). */
static int apply_text(const char *v, size_t max, unsigned flags, char *dst, size_t cap,
		      long line, const char *field, const char *what, struct err *e)
{
	return v && text_accept(v, max, flags, dst, cap, e, line, field, what) != 0;
}

enum err_code training_apply(struct training *t, const struct training_input *in, long line,
			     struct err *e)
{
	int bad_course, bad_school, bad_from = 0;
	size_t n;

	bad_course = apply_text(in->course, TRAINING_COURSE_MAX, 0, t->course, sizeof t->course,
				line, "course", "the course", e);
	bad_school = apply_text(in->school, TRAINING_SCHOOL_MAX, 0, t->school, sizeof t->school,
				line, "school", "the school", e);
	apply_text(in->result, TRAINING_RESULT_MAX, 0, t->result, sizeof t->result, line, "result",
		   "the result", e);
	apply_text(in->certificate, TRAINING_CERT_MAX, 0, t->certificate, sizeof t->certificate,
		   line, "certificate", "the certificate number", e);
	apply_text(in->note, TRAINING_NOTE_MAX, TEXT_LINES, t->note, sizeof t->note, line, "note",
		   "the note", e);
	if (in->kind && training_kind_parse(in->kind, &t->kind))
		err_add(e, ERR_INPUT, line, "kind", in->kind, NULL,
			"the kind of training is one of long_term, in_service, school, short");
	n = e->n;
	apply_date(in->from, &t->from, line, "from", e);
	bad_from = e->n != n;
	apply_date(in->to, &t->to, line, "to", e);
	if (!t->course[0] && !bad_course)
		err_add(e, ERR_INPUT, line, "course", NULL, NULL, "give the course's name");
	if (!t->school[0] && !bad_school)
		err_add(e, ERR_INPUT, line, "school", NULL, NULL,
			"give the school or the body that gives the course");
	if (t->from == DATE_NONE && !bad_from)
		err_add(e, ERR_INPUT, line, "from", NULL, NULL,
			"give the date the course starts (YYYY-MM-DD)");
	if (t->from != DATE_NONE && t->to != DATE_NONE && t->to < t->from) {
		char f[DATE_STR], to[DATE_STR];

		err_add(e, ERR_INPUT, line, "to", date_format(t->to, to), NULL,
			"the course ends (%s) before it starts (%s)", to, date_format(t->from, f));
	}
	return e->code;
}
