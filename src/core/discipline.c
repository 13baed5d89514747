/* discipline.c - the rules of a discipline decision as pure checks (discipline.h). */
#include "discipline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *target_name(const char *t)
{
	if (!strcmp(t, "org"))
		return N_("an organisation");
	if (!strcmp(t, "probationary"))
		return N_("a probationary member");
	return N_("a member");
}

enum err_code discipline_check_form(const struct ruleset *rs, const struct discipline_facts *f,
				    long line, struct err *e)
{
	if ((unsigned)f->form >= DF__COUNT)
		return err_add(e, ERR_INPUT, line, "form", NULL, NULL,
			       "the form must be reprimand, warning, removal, expulsion or "
			       "dissolution");
	if (discipline_form_allowed(rs, f->decided, f->target, f->form) != 0)
		return ERR_OK;
	if (!strcmp(f->target, "probationary"))
		return err_add(e, ERR_RULE, line, "form", discipline_form_name(f->form),
			       R_DISCIPLINE_FORMS,
			       "%s does not apply to a member on probation (reprimand or warning "
			       "only)", discipline_form_name(f->form));
	if (!strcmp(f->target, "org"))
		return err_add(e, ERR_RULE, line, "form", discipline_form_name(f->form),
			       R_DISCIPLINE_FORMS,
			       "%s does not apply to an organisation (reprimand, warning or "
			       "dissolution)", discipline_form_name(f->form));
	return err_add(e, ERR_RULE, line, "form", discipline_form_name(f->form), R_DISCIPLINE_FORMS,
		       "%s does not apply to a member (reprimand, warning, removal or "
		       "expulsion)", discipline_form_name(f->form));
}

enum err_code discipline_check_authority(const struct ruleset *rs,
					 const struct discipline_facts *f, long line,
					 struct err *e)
{
	char pair[64];
	int ok;

	if ((unsigned)f->form >= DF__COUNT || !f->body_kind)
		return ERR_OK;
	snprintf(pair, sizeof pair, "%s%s:%s", f->body_kind, f->inspection ? "/inspection" : "",
		 strcmp(f->target, "org") ? "member" : "org");
	ok = ruleset_pair_allowed(rs, R_DISCIPLINE_AUTHORITY, f->decided, pair,
				  discipline_form_name(f->form));
	if (ok != 0)
		return ERR_OK;
	return err_add(e, ERR_RULE, line, "body", pair, R_DISCIPLINE_AUTHORITY,
		       "%s of a %s organisation may not decide %s for %s: record the decision "
		       "of a body with that authority (a higher committee, or its inspection "
		       "committee where the rule allows)",
		       f->inspection ? err_tr(N_("the inspection committee"))
				     : err_tr(N_("the committee")),
		       f->body_kind, discipline_form_name(f->form),
		       err_tr(target_name(f->target)));
}

/* The years of the limitation of f's form in force on the decision's date: 1 and *years,
 * or 0 when the rule or the form is not in it. */
static int limitation_years(const struct ruleset *rs, const struct discipline_facts *f,
			    long *years)
{
	const struct rule_version *v = ruleset_find(rs, R_DISCIPLINE_LIMITATION, f->decided);
	const char *name = discipline_form_name(f->form), *p;
	size_t n = strlen(name);
	char *end;

	if (!v || (unsigned)f->form >= DF__COUNT)
		return 0;
	for (p = v->value; *p; p++) {
		if ((p == v->value || p[-1] == ';') && !strncmp(p, name, n) && p[n] == '>') {
			long y = strtol(p + n + 1, &end, 10);

			if (end == p + n + 1 || y < 0)
				return 0;
			*years = y;
			return 1;
		}
	}
	return 0;
}

date_t discipline_limit_day(const struct ruleset *rs, const struct discipline_facts *f)
{
	long years;

	if (f->act == DATE_NONE || !limitation_years(rs, f, &years) || years == 0)
		return DATE_NONE;
	return date_add_months(f->act, (int)(years * 12));
}

enum err_code discipline_check_limitation(const struct ruleset *rs,
					  const struct discipline_facts *f, long line,
					  struct err *e)
{
	date_t last = discipline_limit_day(rs, f);
	long years = 0;
	char a[DATE_STR], l[DATE_STR], d[DATE_STR];

	if (last == DATE_NONE || f->decided == DATE_NONE || f->decided <= last)
		return ERR_OK;
	limitation_years(rs, f, &years);
	return err_add(e, ERR_RULE, line, "act_date", date_format(f->act, a),
		       R_DISCIPLINE_LIMITATION,
		       "an act of %s is past the limitation period: %s may be decided within %ld "
		       "years of the act, that is by %s, not on %s; check the act's date, or "
		       "record no discipline", a, discipline_form_name(f->form), years,
		       date_format(last, l), date_format(f->decided, d));
}

enum err_code discipline_check_dates(const struct discipline_facts *f, long line,
				     struct err *e)
{
	char a[DATE_STR], b[DATE_STR];
	enum err_code rc = ERR_OK;

	if (f->decided != DATE_NONE && f->decided > f->today)
		rc = err_add(e, ERR_RULE, line, "date", date_format(f->decided, a), R_MEMBER_DATES,
			     "the decision's date %s is after today (%s): record a decision once "
			     "it is taken", a, date_format(f->today, b));
	if (f->act == DATE_NONE)
		rc = err_add(e, ERR_INPUT, line, "act_date", NULL, R_DISCIPLINE_LIMITATION,
			     "the date of the act is required (the limitation period counts from "
			     "it): give it as YYYY-MM-DD");
	else if (f->act > f->today)
		rc = err_add(e, ERR_RULE, line, "act_date", date_format(f->act, a),
			     R_DISCIPLINE_LIMITATION,
			     "the act's date %s is after today (%s): give the day the act was "
			     "committed", a, date_format(f->today, b));
	else if (f->decided != DATE_NONE && f->act > f->decided)
		rc = err_add(e, ERR_RULE, line, "act_date", date_format(f->act, a),
			     R_DISCIPLINE_LIMITATION,
			     "the act's date %s is after the decision (%s): a decision follows the "
			     "act; check both dates", a, date_format(f->decided, b));
	else if (f->admitted != DATE_NONE && f->act < f->admitted)
		rc = err_add(e, ERR_RULE, line, "act_date", date_format(f->act, a),
			     R_DISCIPLINE_LIMITATION,
			     "the act's date %s is before the member's admission (%s): party "
			     "discipline covers acts as a member; check the date", a,
			     date_format(f->admitted, b));
	if (f->admitted != DATE_NONE && f->decided != DATE_NONE && f->decided < f->admitted)
		rc = err_add(e, ERR_RULE, line, "date", date_format(f->decided, a), R_MEMBER_DATES,
			     "the decision's date %s is before the member's admission (%s): check "
			     "the date", a, date_format(f->admitted, b));
	if (f->notified != DATE_NONE && f->decided != DATE_NONE && f->notified < f->decided)
		rc = err_add(e, ERR_RULE, line, "notified_on", date_format(f->notified, a),
			     R_MEMBER_DATES,
			     "the notice (%s) cannot come before the decision (%s)", a,
			     date_format(f->decided, b));
	else if (f->notified != DATE_NONE && f->notified > f->today)
		rc = err_add(e, ERR_RULE, line, "notified_on", date_format(f->notified, a),
			     R_MEMBER_DATES, "the notice's date %s is after today: record it once "
			     "given", a);
	if (f->effective != DATE_NONE && f->decided != DATE_NONE && f->effective < f->decided)
		rc = err_add(e, ERR_RULE, line, "effective_on", date_format(f->effective, a),
			     R_MEMBER_DATES,
			     "the decision cannot take effect (%s) before it is taken (%s)", a,
			     date_format(f->decided, b));
	else if (f->effective != DATE_NONE && f->effective > f->today)
		rc = err_add(e, ERR_RULE, line, "effective_on", date_format(f->effective, a),
			     R_MEMBER_DATES,
			     "the effective date %s is after today (%s): record the decision once "
			     "it has taken effect", a, date_format(f->today, b));
	return rc;
}

enum err_code discipline_check(const struct ruleset *rs, const struct discipline_facts *f,
			       long line, struct err *e)
{
	discipline_check_form(rs, f, line, e);
	discipline_check_dates(f, line, e);
	discipline_check_limitation(rs, f, line, e);
	discipline_check_authority(rs, f, line, e);
	return e->code;
}
