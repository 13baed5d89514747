/* admission.c - the rules of admission (DOMAIN §5; docs/admissions.md): names of stages,
 * steps and sources, and every threshold and deadline read from its dated rule. Pure C. */
#include "admission.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const stage_names[AST__COUNT] = {
	"candidate", "class", "applied", "verified", "cell_passed", "committee_passed",
	"decided", "probation", "referred", "official", "removed", "withdrawn", "refused",
};

static const char *const step_names[ASK__COUNT] = {
	"listed", "class", "application", "verification", "cell_vote", "committee_vote",
	"decision", "ceremony", "recognition_vote", "upper_ruling", "withdrawal", "transfer",
};

static const char *const source_names[ASRC__COUNT] = {
	"soldier", "squad_leader", "youth_union", "other",
};

static const char *const due_names[DK__COUNT] = {
	"none", "ceremony", "recognition", "upper_decision", "upper_ruling",
};

static int name_index(const char *const *names, int n, const char *s)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *adm_stage_name(enum adm_stage s)
{
	return (unsigned)s < AST__COUNT ? stage_names[s] : "";
}

int adm_stage_parse(const char *s)
{
	return name_index(stage_names, AST__COUNT, s);
}

const char *adm_step_name(enum adm_step_kind k)
{
	return (unsigned)k < ASK__COUNT ? step_names[k] : "";
}

int adm_step_parse(const char *s)
{
	return name_index(step_names, ASK__COUNT, s);
}

const char *adm_source_name(enum adm_source s)
{
	return (unsigned)s < ASRC__COUNT ? source_names[s] : "";
}

int adm_source_parse(const char *s)
{
	return name_index(source_names, ASRC__COUNT, s);
}

const char *adm_due_name(int k)
{
	return k >= 0 && k < DK__COUNT ? due_names[k] : "";
}

int adm_overdue(const struct admission *a, date_t on)
{
	return (a->due_kind == DK_CEREMONY || a->due_kind == DK_RECOGNITION) &&
	       a->due_on != DATE_NONE && a->due_on < on;
}

int adm_stage_closed(enum adm_stage s)
{
	return s == AST_OFFICIAL || s == AST_REMOVED || s == AST_WITHDRAWN || s == AST_REFUSED;
}

int adm_age_months(date_t birth, date_t on)
{
	return date_months_between(birth, on);
}

enum err_code adm_check_age(const struct ruleset *rs, date_t birth, date_t on, const char *field,
			    long line, struct err *e)
{
	char d1[DATE_STR];
	long v;
	int m;

	if (birth == DATE_NONE || on == DATE_NONE)
		return ERR_OK;
	m = adm_age_months(birth, on);
	if (ruleset_int(rs, R_ADMIT_AGE_MIN_MONTHS, on, &v) && m < v)
		return err_add(e, ERR_RULE, line, field, date_format(on, d1), R_ADMIT_AGE_MIN_MONTHS,
			       "on %s the person is %d years %d months old, under the youngest age "
			       "for admission, %ld months (R-ADMIT-AGE-MIN-MONTHS)", d1, m / 12,
			       m % 12, v);
	if (ruleset_int(rs, R_ADMIT_AGE_MAX_MONTHS, on, &v) && m > v)
		return err_add(e, ERR_RULE, line, field, date_format(on, d1), R_ADMIT_AGE_MAX_MONTHS,
			       "on %s the person is %d years %d months old, over the oldest age "
			       "for admission, %ld months (R-ADMIT-AGE-MAX-MONTHS)", d1, m / 12,
			       m % 12, v);
	return ERR_OK;
}

enum err_code adm_check_introducers(const struct ruleset *rs, date_t on, enum adm_source src,
				    const struct adm_introducer *in, int n, struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR];
	long months = 0;
	int i, members = 0, resolutions = 0;
	size_t before = e->n + e->dropped;

	ruleset_int(rs, R_ADMIT_INTRODUCER_MONTHS, on, &months);
	for (i = 0; i < n; i++) {
		const struct adm_introducer *x = &in[i];

		if (x->member_id == 0) {
			if (!x->resolution[0])
				err_add(e, ERR_INPUT, 0, "introducers", NULL, NULL,
					"an introducer is a member id, or the Youth Union "
					"committee's resolution (--resolution TEXT)");
			else if (src != ASRC_YOUTH_UNION)
				err_add(e, ERR_RULE, 0, "resolution", x->resolution,
					R_ADMIT_INTRODUCER_MONTHS,
					"only an applicant from the Youth Union is introduced by the "
					"union committee's resolution; give two official members");
			resolutions++;
			continue;
		}
		members++;
		if (i > 0 && in[0].member_id == x->member_id)
			err_add(e, ERR_RULE, 0, "introducers", NULL, R_ADMIT_INTRODUCER_MONTHS,
				"the two introducers must be two different members (member %lld "
				"is given twice)", (long long)x->member_id);
		if (!x->official_on_date)
			err_add(e, ERR_RULE, 0, "introducers", NULL, R_ADMIT_INTRODUCER_MONTHS,
				"introducer %lld is not an official member on %s (a probationary "
				"member cannot introduce) (R-ADMIT-INTRODUCER-MONTHS)",
				(long long)x->member_id, date_format(on, d1));
		if (x->worked_since == DATE_NONE)
			err_add(e, ERR_INPUT, 0, "introducers", NULL, NULL,
				"give the date introducer %lld began working with the applicant "
				"(--introducer ID:YYYY-MM-DD)", (long long)x->member_id);
		else if (date_add_months(x->worked_since, (int)months) > on)
			err_add(e, ERR_RULE, 0, "introducers", date_format(x->worked_since, d1),
				R_ADMIT_INTRODUCER_MONTHS,
				"introducer %lld has worked with the applicant since %s, less than "
				"%ld months before the application on %s (R-ADMIT-INTRODUCER-MONTHS)",
				(long long)x->member_id, d1, months, date_format(on, d2));
	}
	if (src == ASRC_YOUTH_UNION ? (members + resolutions != 2 || members < 1 ||
				       resolutions > 1)
				    : members != 2)
		err_add(e, ERR_RULE, 0, "introducers", NULL, R_ADMIT_INTRODUCER_MONTHS,
			src == ASRC_YOUTH_UNION
				? "an applicant from the Youth Union is introduced by the union "
				  "committee's resolution and one official member, or by two "
				  "official members"
				: "an application needs two introducers, official members");
	return e->n + e->dropped > before ? e->code : ERR_OK;
}

/* The rule's value "N/D" as numerator and denominator; 0 when it is not such a fraction. */
static int parse_fraction(const char *s, long *num, long *den)
{
	char *end;

	errno = 0;
	*num = strtol(s, &end, 10);
	if (errno || end == s || *end != '/' || *num < 0)
		return 0;
	s = end + 1;
	*den = strtol(s, &end, 10);
	if (errno || end == s || *end || *den <= 0)
		return 0;
	return 1;
}

int adm_vote_passes(const struct ruleset *rs, date_t on, long eligible, long votes_for)
{
	const struct rule_version *v = ruleset_find(rs, R_ADMIT_VOTE_FRACTION, on);
	long num, den;

	if (!v || !parse_fraction(v->value, &num, &den))
		return -1;
	if (eligible <= 0 || votes_for < 0)
		return 0;
	/* for / eligible >= num / den, in integers: no rounding at the boundary. */
	return (long long)den * votes_for >= (long long)num * eligible;
}

enum err_code adm_check_vote_counts(long eligible, long present, long votes_for,
				    long votes_against, struct err *e)
{
	size_t before = e->n + e->dropped;

	if (present < 0)
		err_add(e, ERR_INPUT, 0, "present", NULL, NULL,
			"give how many members were present (--present N)");
	if (votes_for < 0)
		err_add(e, ERR_INPUT, 0, "for", NULL, NULL, "give the votes for (--for N)");
	if (votes_against < 0)
		err_add(e, ERR_INPUT, 0, "against", NULL, NULL,
			"give the votes against (--against N)");
	if (e->n + e->dropped > before)
		return e->code;
	if (present > eligible)
		err_add(e, ERR_INPUT, 0, "present", NULL, NULL,
			"%ld present is more than the %ld members who may vote", present, eligible);
	if (votes_for + votes_against > present)
		err_add(e, ERR_INPUT, 0, "for", NULL, NULL,
			"%ld for and %ld against are more votes than the %ld present", votes_for,
			votes_against, present);
	return e->n + e->dropped > before ? e->code : ERR_OK;
}

date_t adm_ceremony_due(const struct ruleset *rs, date_t decided, const date_t *hol, size_t nhol)
{
	long days;

	if (decided == DATE_NONE || !ruleset_int(rs, R_ADMIT_CEREMONY_WORKING_DAYS, decided, &days))
		return DATE_NONE;
	return date_add_working_days_hol(decided, (int)days, hol, nhol);
}

date_t adm_probation_end(const struct ruleset *rs, date_t ceremony)
{
	long months;

	if (ceremony == DATE_NONE || !ruleset_int(rs, R_PROBATION_MONTHS, ceremony, &months))
		return DATE_NONE;
	return date_add_months(ceremony, (int)months);
}

date_t adm_recognition_due(const struct ruleset *rs, date_t ceremony, const date_t *hol,
			   size_t nhol)
{
	date_t end = adm_probation_end(rs, ceremony);
	long days;

	if (end == DATE_NONE || !ruleset_int(rs, R_PROBATION_VOTE_WORKING_DAYS, end, &days))
		return DATE_NONE;
	return date_add_working_days_hol(end, (int)days, hol, nhol);
}

int adm_referred(const struct ruleset *rs, date_t on, int failed_votes)
{
	long n;

	return ruleset_int(rs, R_PROBATION_FAILED_VOTES, on, &n) && failed_votes >= n;
}

enum err_code adm_check_readmit(const struct ruleset *rs, date_t left, int times_admitted,
				date_t on, struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	long times, months;

	if (ruleset_int(rs, R_READMIT_TIMES, on, &times) && times_admitted - 1 >= times)
		return err_add(e, ERR_RULE, 0, "full_name", NULL, R_READMIT_TIMES,
			       "this person has been admitted %d times already; a person who left "
			       "the party is admitted again at most %ld times (R-READMIT-TIMES)",
			       times_admitted, times);
	if (left != DATE_NONE && ruleset_int(rs, R_READMIT_MONTHS, on, &months) &&
	    date_add_months(left, (int)months) > on)
		return err_add(e, ERR_RULE, 0, "listed_on", date_format(on, d1), R_READMIT_MONTHS,
			       "this person left the party on %s; re-admission is possible %ld "
			       "months after leaving, from %s (R-READMIT-MONTHS)",
			       date_format(left, d2), months,
			       date_format(date_add_months(left, (int)months), d3));
	return ERR_OK;
}

void adm_next_due(const struct ruleset *rs, struct admission *a, const date_t *hol, size_t nhol)
{
	a->due_kind = DK_NONE;
	a->due_on = a->due_from = DATE_NONE;
	switch (a->stage) {
	case AST_DECIDED:
		if (a->decision_on == DATE_NONE)
			break;
		a->due_kind = DK_CEREMONY;
		a->due_from = a->decision_on;
		a->due_on = adm_ceremony_due(rs, a->decision_on, hol, nhol);
		break;
	case AST_PROBATION:
		if (a->ceremony_on == DATE_NONE)
			break;
		a->due_kind = DK_RECOGNITION;
		a->due_from = adm_probation_end(rs, a->ceremony_on);
		a->due_on = adm_recognition_due(rs, a->ceremony_on, hol, nhol);
		break;
	case AST_COMMITTEE_PASSED:
		a->due_kind = DK_UPPER_DECISION;
		a->due_from = a->due_on = a->stage_since;
		break;
	case AST_REFERRED:
		a->due_kind = DK_UPPER_RULING;
		a->due_from = a->due_on = a->stage_since;
		break;
	default:
		break;
	}
	if (a->due_kind != DK_NONE && a->due_on == DATE_NONE) {
		a->due_kind = DK_NONE;
		a->due_from = DATE_NONE;
	}
}
