/* complaint.c - the rules of complaints and denunciations: deadlines, due dates, outcomes and
 * the new form of a changed discipline (complaint.h). */
#include <stdio.h>
#include <string.h>

#include "complaint.h"

static const char *const kind_names[CK__COUNT] = {"complaint", "denunciation"};
static const char *const outcome_names[CO__COUNT] = {
	"kept", "reduced", "annulled", "raised", "founded", "partly_founded", "unfounded"};
static const char *const state_names[CS__COUNT] = {"open", "settled", "withdrawn"};

static int parse_in(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

const char *complaint_kind_name(enum complaint_kind k)
{
	return (unsigned)k < CK__COUNT ? kind_names[k] : "";
}

int complaint_kind_parse(const char *s)
{
	return parse_in(kind_names, CK__COUNT, s);
}

const char *complaint_outcome_name(enum complaint_outcome o)
{
	return (unsigned)o < CO__COUNT ? outcome_names[o] : "";
}

int complaint_outcome_parse(const char *s)
{
	return parse_in(outcome_names, CO__COUNT, s);
}

const char *complaint_state_name(enum complaint_state s)
{
	return (unsigned)s < CS__COUNT ? state_names[s] : "";
}

int complaint_state_parse(const char *s)
{
	return parse_in(state_names, CS__COUNT, s);
}

int complaint_outcome_fits(enum complaint_kind k, enum complaint_outcome o)
{
	if (k == CK_COMPLAINT)
		return o >= CO_KEPT && o <= CO_RAISED;
	return k == CK_DENUNCIATION && o >= CO_FOUNDED && o <= CO_UNFOUNDED;
}

int complaint_check_lodged(const struct ruleset *rs, date_t notified_on, date_t lodged_on,
			   long line, struct err *e)
{
	long days;
	char d1[DATE_STR], d2[DATE_STR];

	if (!notified_on)
		return 1;
	if (!ruleset_int(rs, R_COMPLAINT_DAYS, notified_on, &days))
		return 0;
	if (lodged_on <= notified_on + days)
		return 0;
	err_add(e, ERR_RULE, line, "lodged_on", date_format(lodged_on, d1), R_COMPLAINT_DAYS,
		"a complaint must be lodged within %ld days of the notice (notified on %s): "
		"lodged %ld days after it",
		days, date_format(notified_on, d2), (long)(lodged_on - notified_on));
	return -1;
}

int complaint_due(const struct ruleset *rs, enum complaint_kind k, date_t lodged_on,
		  date_t *due)
{
	const char *id = k == CK_DENUNCIATION ? R_DENUNCIATION_SETTLE_DAYS : R_COMPLAINT_SETTLE_DAYS;
	long days;
	size_t i;

	if (!ruleset_int(rs, id, lodged_on, &days)) {
		/* Lodged before the rule's first version: that version's value (the versions
		 * are ordered by id then version, the first is the oldest). */
		for (i = 0; i < rs->n; i++)
			if (!strcmp(rs->v[i].id, id))
				break;
		if (i == rs->n || !ruleset_int(rs, id, rs->v[i].effective_from, &days))
			return -1;
	}
	*due = lodged_on + (date_t)days;
	return 0;
}

int complaint_authority_allowed(const struct ruleset *rs, date_t on, const char *body_kind,
				int inspection, const char *target, enum discipline_form f)
{
	char key[64];

	snprintf(key, sizeof key, "%s%s:%s", body_kind, inspection ? "/inspection" : "", target);
	return ruleset_pair_allowed(rs, R_DISCIPLINE_AUTHORITY, on, key, discipline_form_name(f));
}

int complaint_check_new_form(const struct ruleset *rs, date_t on, enum complaint_outcome o,
			     enum discipline_form old, int new_form, const char *target,
			     const char *body_kind, long line, struct err *e)
{
	int n = 0;
	const char *tk = strcmp(target, "org") ? "member" : "org";
	enum discipline_form f = (enum discipline_form)new_form;

	if (new_form < 0 || new_form >= DF__COUNT) {
		err_add(e, ERR_INPUT, line, "form", NULL, NULL,
			"a reduced or raised discipline needs its new form: reprimand, warning, "
			"removal, expulsion or dissolution");
		return 1;
	}
	/* The forms are ordered lightest first (review.h). */
	if (o == CO_REDUCED && f >= old) {
		err_add(e, ERR_INPUT, line, "form", discipline_form_name(f), NULL,
			"a reduced discipline must be lighter than %s", discipline_form_name(old));
		n++;
	} else if (o == CO_RAISED && f <= old) {
		err_add(e, ERR_INPUT, line, "form", discipline_form_name(f), NULL,
			"a raised discipline must be heavier than %s", discipline_form_name(old));
		n++;
	}
	if (discipline_form_allowed(rs, on, target, f) == 0) {
		if (!strcmp(target, "org"))
			err_add(e, ERR_RULE, line, "form", discipline_form_name(f),
				R_DISCIPLINE_FORMS, "%s does not apply to an organisation",
				discipline_form_name(f));
		else if (!strcmp(target, "probationary"))
			err_add(e, ERR_RULE, line, "form", discipline_form_name(f),
				R_DISCIPLINE_FORMS,
				"%s does not apply to a member on probation (reprimand or warning "
				"only)",
				discipline_form_name(f));
		else
			err_add(e, ERR_RULE, line, "form", discipline_form_name(f),
				R_DISCIPLINE_FORMS, "%s does not apply to a member",
				discipline_form_name(f));
		n++;
	}
	if (complaint_authority_allowed(rs, on, body_kind, 0, tk, f) == 0) {
		if (!strcmp(tk, "org"))
			err_add(e, ERR_RULE, line, "form", discipline_form_name(f),
				R_DISCIPLINE_AUTHORITY,
				"the committee of a %s organisation does not decide %s on an "
				"organisation",
				body_kind, discipline_form_name(f));
		else
			err_add(e, ERR_RULE, line, "form", discipline_form_name(f),
				R_DISCIPLINE_AUTHORITY,
				"the committee of a %s organisation does not decide %s on a member",
				body_kind, discipline_form_name(f));
		n++;
	}
	return n;
}
