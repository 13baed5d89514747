/* member.c - validating a member's record sheet and the status lifecycle. */
#include "member.h"
#include "admission.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

static const char *const status_names[MS__COUNT] = {
	N_("probationary"), N_("official"), N_("exempt"), N_("suspended"),
	N_("removed"), N_("expelled"), N_("deceased"), N_("transferred_out"),
};

const char *const member_text_fields[] = {
	"sex", "ethnicity", "religion", "hometown", "citizen_id", "education", "theory_level",
	"rank", "category", "post", "history_no", "card_no", "phone", NULL,
};

const char *const member_categories[] = {
	"officer", "professional", "soldier", "worker", "militia", "self_defence", "reserve", NULL,
};

const char *const member_theory_levels[] = {
	"primary", "intermediate", "advanced", "senior", NULL,
};

int member_status_active(enum member_status s)
{
	return s == MS_PROBATIONARY || s == MS_OFFICIAL || s == MS_EXEMPT || s == MS_SUSPENDED;
}

const char *member_status_name(enum member_status s)
{
	return (unsigned)s < MS__COUNT ? status_names[s] : "unknown";
}

int member_status_parse(const char *s, enum member_status *out)
{
	int i;

	for (i = 0; i < MS__COUNT; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*out = (enum member_status)i;
			return 0;
		}
	return -1;
}

char *member_text_field(struct member *m, const char *name, size_t *cap)
{
#define F(n)                                           \
	if (strcmp(name, #n) == 0) {                   \
		*cap = sizeof m->n;                    \
		return m->n;                           \
	}
	F(sex) F(ethnicity) F(religion) F(hometown) F(citizen_id) F(education)
	F(theory_level) F(rank) F(category) F(post) F(history_no) F(card_no) F(phone)
#undef F
	return NULL;
}

int member_set_name(struct member *m, const char *text, struct err *e, long line)
{
	struct buf n, fam, mid, giv;
	const char *why = NULL;
	int rc = 0;

	buf_init(&n, 0);
	buf_init(&fam, 0);
	buf_init(&mid, 0);
	buf_init(&giv, 0);
	if (vname_normalize(text, &n, &why)) {
		err_add(e, ERR_INPUT, line, "full_name", text, NULL, "%s", err_tr(why));
		rc = -1;
		goto out;
	}
	vname_split(buf_str(&n), &fam, &mid, &giv);
	snprintf(m->full_name, sizeof m->full_name, "%s", buf_str(&n));
	snprintf(m->family, sizeof m->family, "%s", buf_str(&fam));
	snprintf(m->middle, sizeof m->middle, "%s", buf_str(&mid));
	snprintf(m->given, sizeof m->given, "%s", buf_str(&giv));
out:
	buf_cleanup(&n);
	buf_cleanup(&fam);
	buf_cleanup(&mid);
	buf_cleanup(&giv);
	return rc;
}

static int in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

static int all_digits(const char *s, size_t min, size_t max)
{
	size_t n = strlen(s), i;

	if (n < min || n > max)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* Personal-history number: 6 digits and a 1-3 letter province code ("012345HG"). */
static int history_no_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 7 || n > 9)
		return 0;
	for (i = 0; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	for (; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z')))
			return 0;
	return 1;
}

int member_validate(const struct member *m, const struct ruleset *rs, struct err *e, long line)
{
	size_t before = e->n + e->dropped;
	char d1[DATE_STR], d2[DATE_STR];
	long v;

	if (!m->full_name[0])
		err_add(e, ERR_INPUT, line, "full_name", "", NULL,
			"the full name is missing; write family, middle and given names");
	if (strcmp(m->sex, "male") != 0 && strcmp(m->sex, "female") != 0)
		err_add(e, ERR_INPUT, line, "sex", m->sex, NULL,
			"sex must be 'male' or 'female'");
	if (m->birth_date == DATE_NONE)
		err_add(e, ERR_INPUT, line, "birth_date", "", NULL,
			"the birth date is missing; write it as YYYY-MM-DD");
	if (!m->ethnicity[0])
		err_add(e, ERR_INPUT, line, "ethnicity", "", NULL,
			"the ethnicity is missing (Kinh, Tày, Thái, Mường, H'Mông, ...)");
	if (!m->hometown[0])
		err_add(e, ERR_INPUT, line, "hometown", "", NULL, "the home town is missing");
	if (m->category[0] && !in_list(m->category, member_categories))
		err_add(e, ERR_INPUT, line, "category", m->category, NULL,
			"category must be one of officer, professional, soldier, worker, militia, "
			"self_defence, reserve");
	if (m->theory_level[0] && !in_list(m->theory_level, member_theory_levels))
		err_add(e, ERR_INPUT, line, "theory_level", m->theory_level, NULL,
			"theory level must be one of primary, intermediate, advanced, senior");
	if (m->citizen_id[0] && !all_digits(m->citizen_id, 12, 12))
		err_add(e, ERR_INPUT, line, "citizen_id", m->citizen_id, NULL,
			"a citizen ID is 12 digits");
	if (m->history_no[0] && !history_no_ok(m->history_no))
		err_add(e, ERR_INPUT, line, "history_no", m->history_no, NULL,
			"a personal-history number is 6 digits and a 1-3 letter province code, "
			"e.g. 012345HG");
	if (m->phone[0] && !all_digits(m->phone[0] == '+' ? m->phone + 1 : m->phone, 8, 15))
		err_add(e, ERR_INPUT, line, "phone", m->phone, NULL,
			"a phone number is 8-15 digits, optionally after '+'");
	if (m->admission_decision_date == DATE_NONE)
		err_add(e, ERR_INPUT, line, "admission_decision_date", "", NULL,
			"the admission decision date is missing");
	if (m->admission_ceremony_date == DATE_NONE)
		err_add(e, ERR_INPUT, line, "admission_ceremony_date", "", NULL,
			"the admission ceremony date is missing");

	/* R-MEMBER-DATES: birth < decision <= ceremony < official. A birth date on or after
	 * the admission decision is the birth date's problem (2030 typed for 1990): it is
	 * named on that field, where the form shows it. */
	if (m->birth_date != DATE_NONE && m->admission_decision_date != DATE_NONE &&
	    m->admission_decision_date <= m->birth_date)
		err_add(e, ERR_RULE, line, "birth_date", date_format(m->birth_date, d1),
			R_MEMBER_DATES, "the birth date %s is not before the admission decision %s",
			d1, date_format(m->admission_decision_date, d2));
	if (m->admission_decision_date != DATE_NONE && m->admission_ceremony_date != DATE_NONE &&
	    m->admission_ceremony_date < m->admission_decision_date)
		err_add(e, ERR_RULE, line, "admission_ceremony_date",
			date_format(m->admission_ceremony_date, d1), R_MEMBER_DATES,
			"the admission ceremony is before the admission decision %s",
			date_format(m->admission_decision_date, d2));

	switch (m->status) {
	case MS_PROBATIONARY:
		if (m->official_date != DATE_NONE)
			err_add(e, ERR_INPUT, line, "official_date",
				date_format(m->official_date, d1), NULL,
				"a probationary member has no official date; leave it empty or set "
				"the status to official");
		break;
	case MS_OFFICIAL:
	case MS_EXEMPT:
	case MS_SUSPENDED:
		if (m->official_date == DATE_NONE) {
			err_add(e, ERR_INPUT, line, "official_date", "", NULL,
				"an official member needs the date recognised as official");
			break;
		}
		/* R-PROBATION-MONTHS: official no earlier than the end of probation. */
		if (m->admission_ceremony_date != DATE_NONE &&
		    ruleset_int(rs, R_PROBATION_MONTHS, m->admission_ceremony_date, &v) &&
		    m->official_date < date_add_months(m->admission_ceremony_date, (int)v))
			err_add(e, ERR_RULE, line, "official_date",
				date_format(m->official_date, d1), R_PROBATION_MONTHS,
				"the official date is before the end of the %ld-month probation "
				"that began at the ceremony on %s", v,
				date_format(m->admission_ceremony_date, d2));
		break;
	default:
		break;
	}
	return (int)(e->n + e->dropped - before);
}

int member_check_age(const struct member *m, const struct ruleset *rs, struct err *e, long line)
{
	char d1[DATE_STR];
	size_t before = e->n + e->dropped;
	long v;

	/* R-ADMIT-AGE-MIN-MONTHS / R-ADMIT-AGE-MAX-MONTHS: age in whole months on the day of
	 * the admission decision (the older R-ADMIT-AGE-MIN / -MAX counted whole years and let
	 * 60 years 10 months through; they stay in the rule table as history). */
	if (m->birth_date != DATE_NONE && m->admission_decision_date != DATE_NONE &&
	    m->admission_decision_date > m->birth_date) {
		int months = adm_age_months(m->birth_date, m->admission_decision_date);

		date_format(m->admission_decision_date, d1);
		if (ruleset_int(rs, R_ADMIT_AGE_MIN_MONTHS, m->admission_decision_date, &v) &&
		    months < v)
			err_add(e, ERR_RULE, line, "admission_decision_date", d1,
				R_ADMIT_AGE_MIN_MONTHS,
				"the member was %d years %d months old (%d months) when admitted on "
				"%s; the youngest age is %ld months (%ld years)", months / 12,
				months % 12, months, d1, v, v / 12);
		if (ruleset_int(rs, R_ADMIT_AGE_MAX_MONTHS, m->admission_decision_date, &v) &&
		    months > v)
			err_add(e, ERR_RULE, line, "admission_decision_date", d1,
				R_ADMIT_AGE_MAX_MONTHS,
				"the member was %d years %d months old (%d months) when admitted on "
				"%s; the oldest age is %ld months (%ld years)", months / 12,
				months % 12, months, d1, v, v / 12);
	}
	return (int)(e->n + e->dropped - before);
}

int member_fix_official_date(struct member *m, const struct ruleset *rs, struct err *warn,
			     long line)
{
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	date_t end;
	long v;

	if (!member_status_active(m->status) || m->status == MS_PROBATIONARY ||
	    m->official_date == DATE_NONE || m->admission_ceremony_date == DATE_NONE ||
	    !ruleset_int(rs, R_PROBATION_MONTHS, m->admission_ceremony_date, &v))
		return 0;
	end = date_add_months(m->admission_ceremony_date, (int)v);
	if (m->official_date <= end)
		return 0;
	date_format(m->official_date, d1);
	date_format(end, d2);
	err_add(warn, ERR_OK, line, "official_date", d1, R_PROBATION_MONTHS,
		"the official date %s is later than the end of the %ld-month probation that began "
		"at the ceremony on %s: corrected to %s", d1, v,
		date_format(m->admission_ceremony_date, d3), d2);
	m->official_date = end;
	return 1;
}

int member_warnings(const struct member *m, const struct ruleset *rs, const date_t *hol,
		    size_t nhol, struct err *warn, long line)
{
	char d1[DATE_STR], d2[DATE_STR];
	date_t due;
	long days;

	if (m->admission_decision_date == DATE_NONE || m->admission_ceremony_date == DATE_NONE ||
	    !ruleset_int(rs, R_ADMIT_CEREMONY_WORKING_DAYS, m->admission_decision_date, &days) ||
	    (due = adm_ceremony_due(rs, m->admission_decision_date, hol, nhol)) == DATE_NONE ||
	    m->admission_ceremony_date <= due)
		return 0;
	err_add(warn, ERR_OK, line, "admission_ceremony_date",
		date_format(m->admission_ceremony_date, d1), R_ADMIT_CEREMONY_WORKING_DAYS,
		"the ceremony was held more than %ld working days after the decision of %s", days,
		date_format(m->admission_decision_date, d2));
	return 1;
}

int member_check_transition(const struct member *m, enum member_status b, date_t on,
			    const struct ruleset *rs, struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	int ok;
	long v;

	if (m->status == b) {
		err_add(e, ERR_RULE, 0, "status", member_status_name(b), R_STATUS_TRANSITION,
			"the member's status is already %s", err_tr(member_status_name(b)));
		return -1;
	}
	ok = ruleset_pair_allowed(rs, R_STATUS_TRANSITION, on, member_status_name(m->status),
				  member_status_name(b));
	if (ok != 1) {
		err_add(e, ERR_RULE, 0, "status", member_status_name(b), R_STATUS_TRANSITION,
			"a member cannot go from %s to %s%s", err_tr(member_status_name(m->status)),
			err_tr(member_status_name(b)),
			ok < 0 ? " (no status rule is in force on that date)" : "");
		return -1;
	}
	if (m->status_since != DATE_NONE && on < m->status_since) {
		err_add(e, ERR_RULE, 0, "date", date_format(on, d1), R_MEMBER_DATES,
			"the change is dated before the current status began on %s",
			date_format(m->status_since, d2));
		return -1;
	}
	if (b == MS_OFFICIAL && m->status == MS_PROBATIONARY &&
	    ruleset_int(rs, R_PROBATION_MONTHS, m->admission_ceremony_date, &v) &&
	    on < date_add_months(m->admission_ceremony_date, (int)v)) {
		err_add(e, ERR_RULE, 0, "date", date_format(on, d1), R_PROBATION_MONTHS,
			"probation lasts %ld months from the ceremony on %s; the member can be "
			"recognised as official from %s", v,
			date_format(m->admission_ceremony_date, d2),
			date_format(date_add_months(m->admission_ceremony_date, (int)v), d3));
		return -1;
	}
	return 0;
}

int member_status_from_dates(const struct member *m, date_t d)
{
	if (m->admission_decision_date == DATE_NONE || d < m->admission_decision_date)
		return -1;
	if (m->official_date != DATE_NONE && d >= m->official_date)
		return MS_OFFICIAL;
	return MS_PROBATIONARY;
}

int member_set_field(struct member *m, const char *name, const char *value, struct err *e,
		     long line)
{
	const char *why;
	date_t *dp = NULL;
	size_t cap;
	char *tp;

	if (strcmp(name, "full_name") == 0)
		return member_set_name(m, value, e, line);
	if (strcmp(name, "birth_date") == 0)
		dp = &m->birth_date;
	else if (strcmp(name, "admission_decision_date") == 0)
		dp = &m->admission_decision_date;
	else if (strcmp(name, "admission_ceremony_date") == 0)
		dp = &m->admission_ceremony_date;
	else if (strcmp(name, "official_date") == 0)
		dp = &m->official_date;
	if (dp) {
		if (!value[0]) {
			*dp = DATE_NONE;
			return 0;
		}
		if (date_parse(value, dp, &why)) {
			err_add(e, ERR_INPUT, line, name, value, NULL, "%s %s", value, err_tr(why));
			return -1;
		}
		return 0;
	}
	tp = member_text_field(m, name, &cap);
	if (!tp) {
		err_add(e, ERR_INPUT, line, name, NULL, NULL,
			"'%s' is not a member field that can be set here; status and organisation "
			"change through 'member status' and 'member transfer'", name);
		return -1;
	}
	/* Text fields are text as any (core/text): NFC, trimmed, measured after NFC; the long
	 * ones (home town, post) may hold line breaks. */
	if (text_accept(value, cap - 1, cap == M_TEXT ? TEXT_LINES : 0, tp, cap, e, line, name,
			NULL))
		return -1;
	return 0;
}

