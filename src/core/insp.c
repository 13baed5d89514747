/* insp.c - inspection and supervision: the words, the kinds a programme takes, the order of
 * a case's states, its document numbers and dates. */
#include <string.h>

#include "insp.h"

static const char *const body_names[IB__COUNT] = {"committee", "inspection"};
static const char *const pkind_names[IPK__COUNT] = {"inspection", "supervision"};
static const char *const kind_names[IK__COUNT] = {"plan",     "signs",           "regular",
						  "thematic", "discipline_exec", "finance"};
static const char *const state_names[IS__COUNT] = {"open", "concluded", "notified", "closed"};
static const char *const conclusion_names[ICN__COUNT] = {"", "no_violation", "violation",
							 "violation_discipline"};
static const char *const group_names[IG__COUNT] = {"inspection", "signs", "supervision"};
static const char *const action_names[IA__COUNT] = {"conclude", "notify", "followup", "close"};

static const char *name_of(const char *const *names, int n, int i)
{
	return i >= 0 && i < n ? names[i] : "?";
}

static int parse_of(const char *const *names, int n, const char *s, int *out)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < n; i++)
		if (names[i][0] && !strcmp(s, names[i])) {
			*out = i;
			return 0;
		}
	return -1;
}

const char *insp_body_name(enum insp_body b)
{
	return name_of(body_names, IB__COUNT, (int)b);
}

const char *insp_pkind_name(enum insp_pkind k)
{
	return name_of(pkind_names, IPK__COUNT, (int)k);
}

const char *insp_kind_name(enum insp_kind k)
{
	return name_of(kind_names, IK__COUNT, (int)k);
}

const char *insp_state_name(enum insp_state s)
{
	return name_of(state_names, IS__COUNT, (int)s);
}

const char *insp_conclusion_name(enum insp_conclusion c)
{
	return name_of(conclusion_names, ICN__COUNT, (int)c);
}

const char *insp_group_name(enum insp_group g)
{
	return name_of(group_names, IG__COUNT, (int)g);
}

const char *insp_action_name(enum insp_action a)
{
	return name_of(action_names, IA__COUNT, (int)a);
}

int insp_body_parse(const char *s, enum insp_body *out)
{
	int i;

	if (parse_of(body_names, IB__COUNT, s, &i))
		return -1;
	*out = (enum insp_body)i;
	return 0;
}

int insp_pkind_parse(const char *s, enum insp_pkind *out)
{
	int i;

	if (parse_of(pkind_names, IPK__COUNT, s, &i))
		return -1;
	*out = (enum insp_pkind)i;
	return 0;
}

int insp_kind_parse(const char *s, enum insp_kind *out)
{
	int i;

	if (parse_of(kind_names, IK__COUNT, s, &i))
		return -1;
	*out = (enum insp_kind)i;
	return 0;
}

int insp_state_parse(const char *s, enum insp_state *out)
{
	int i;

	if (parse_of(state_names, IS__COUNT, s, &i))
		return -1;
	*out = (enum insp_state)i;
	return 0;
}

int insp_conclusion_parse(const char *s, enum insp_conclusion *out)
{
	int i;

	if (parse_of(conclusion_names, ICN__COUNT, s, &i))
		return -1;
	*out = (enum insp_conclusion)i;
	return 0;
}

enum insp_group insp_kind_group(enum insp_kind k)
{
	switch (k) {
	case IK_SIGNS:
		return IG_SIGNS;
	case IK_REGULAR:
	case IK_THEMATIC:
		return IG_SUPERVISION;
	default:
		return IG_INSPECTION;
	}
}

int insp_kind_fits(enum insp_pkind pk, enum insp_kind k)
{
	if ((unsigned)k >= IK__COUNT)
		return 0;
	return pk == IPK_SUPERVISION ? insp_kind_group(k) == IG_SUPERVISION
				     : pk == IPK_INSPECTION && insp_kind_group(k) != IG_SUPERVISION;
}

const char *insp_kinds_of(enum insp_pkind pk)
{
	return pk == IPK_SUPERVISION ? "regular, thematic" : "plan, signs, discipline_exec, finance";
}

enum insp_state insp_action_from(enum insp_action a)
{
	switch (a) {
	case IA_CONCLUDE:
		return IS_OPEN;
	case IA_NOTIFY:
		return IS_CONCLUDED;
	default:
		return IS_NOTIFIED;
	}
}

enum insp_state insp_action_to(enum insp_action a)
{
	switch (a) {
	case IA_CONCLUDE:
		return IS_CONCLUDED;
	case IA_CLOSE:
		return IS_CLOSED;
	default:
		return IS_NOTIFIED;
	}
}

enum err_code insp_action_check(enum insp_state s, enum insp_action a, struct err *e)
{
	static const char *const need[IA__COUNT] = {
		N_("the case is %s: only an open case can be concluded"),
		N_("the case is %s: only a concluded case can be notified (conclude it first)"),
		N_("the case is %s: a follow-up is recorded on a notified case (notify the "
		   "conclusion first)"),
		N_("the case is %s: only a notified case can be closed (notify the conclusion "
		   "first)"),
	};

	if ((unsigned)a >= IA__COUNT)
		return err_set(e, ERR_INTERNAL, "no such action on a case");
	if (s == insp_action_from(a))
		return ERR_OK;
	return err_add(e, ERR_RULE, 0, "state", insp_state_name(s), NULL, need[a],
		       insp_state_name(s));
}

int insp_docnum(const char *in, int required, char *out, size_t cap, long line,
		const char *field, struct err *e)
{
	struct docnum d;
	struct docnum_error pe;

	if (cap)
		out[0] = 0;
	if (!in || !in[0]) {
		if (!required)
			return 0;
		err_add(e, ERR_INPUT, line, field, NULL, NULL,
			"give the document's number as written on it (12-QĐ/UBKT)");
		return -1;
	}
	if (docnum_parse(in, strlen(in), &d, &pe)) {
		err_add(e, ERR_INPUT, line, field, in, NULL,
			"the number '%s' cannot be read at byte %zu: expected %s", in, pe.offset,
			err_tr(pe.expected));
		return -1;
	}
	if (strlen(d.number) >= cap) {
		err_add(e, ERR_INPUT, line, field, in, NULL, "the number '%s' is too long", in);
		return -1;
	}
	memcpy(out, d.number, strlen(d.number) + 1);
	return 0;
}

int insp_date_check(date_t d, int required, date_t after, const char *after_what, date_t today,
		    long line, const char *field, const char *what, struct err *e)
{
	char a[DATE_STR], b[DATE_STR];

	if (d == DATE_NONE) {
		if (!required)
			return 0;
		err_add(e, ERR_INPUT, line, field, NULL, NULL, "give the date of %s (YYYY-MM-DD)",
			err_tr(what));
		return -1;
	}
	if (after != DATE_NONE && d < after) {
		err_add(e, ERR_INPUT, line, field, date_format(d, a), NULL,
			"the date of %s (%s) is before that of %s (%s)", err_tr(what), a,
			err_tr(after_what), date_format(after, b));
		return -1;
	}
	if (today != DATE_NONE && d > today) {
		err_add(e, ERR_INPUT, line, field, date_format(d, a), NULL,
			"the date of %s (%s) is in the future; record it once it has happened",
			err_tr(what), a);
		return -1;
	}
	return 0;
}

int insp_date_in(const char *v, date_t *d, long line, const char *field, struct err *e)
{
	const char *why;
	date_t got;

	*d = DATE_NONE;
	if (!v || !v[0])
		return 0;
	if (date_parse(v, &got, &why)) {
		err_add(e, ERR_INPUT, line, field, v, NULL, "%s %s", v, err_tr(why));
		return -1;
	}
	*d = got;
	return 0;
}
