/* review.c - the yearly quality review's rules (review.h). */
#include "review.h"

#include <stdio.h>
#include <string.h>

static const char *const grade_names[G__COUNT] = {N_("excellent"), N_("good"), N_("complete"),
						  N_("not_complete")};
static const char *const step_names[RS__COUNT] = {"self", "proposal", "decision"};
static const char *const form_names[DF__COUNT] = {"reprimand", "warning", "removal",
						  "expulsion", "dissolution"};

static int find_name(const char *const *names, int n, const char *s)
{
	int i;

	for (i = 0; s && i < n; i++)
		if (!strcmp(names[i], s))
			return i;
	return -1;
}

const char *grade_name(enum grade g)
{
	return g >= 0 && g < G__COUNT ? grade_names[g] : "";
}

int grade_parse(const char *s)
{
	return find_name(grade_names, G__COUNT, s);
}

const char *review_step_name(enum review_step s)
{
	return s < RS__COUNT ? step_names[s] : "";
}

int review_step_parse(const char *s)
{
	return find_name(step_names, RS__COUNT, s);
}

const char *discipline_form_name(enum discipline_form f)
{
	return f < DF__COUNT ? form_names[f] : "";
}

int discipline_form_parse(const char *s)
{
	return find_name(form_names, DF__COUNT, s);
}

enum err_code review_check_date(int year, date_t on, long line, struct err *e)
{
	char d[DATE_STR];

	if (on == DATE_NONE || year < 1 || on >= date_from_ymd(year, 1, 1))
		return ERR_OK;
	return err_add(e, ERR_RULE, line, "date", date_format(on, d), R_REVIEW_DATES,
		       "a step of the %d review cannot be dated %s, before the year it reviews "
		       "began: date it on or after %d-01-01", year, d, year);
}

enum grade review_score_grade(const struct ruleset *rs, date_t on, int score)
{
	long ex, good, comp;

	if (!ruleset_int(rs, R_REVIEW_SCORE_EXCELLENT, on, &ex) ||
	    !ruleset_int(rs, R_REVIEW_SCORE_GOOD, on, &good) ||
	    !ruleset_int(rs, R_REVIEW_SCORE_COMPLETE, on, &comp))
		return G_NONE;
	if (score >= ex)
		return G_EXCELLENT;
	if (score >= good)
		return G_GOOD;
	if (score >= comp)
		return G_COMPLETE;
	return G_NOT_COMPLETE;
}

long review_quota_max(const struct ruleset *rs, date_t on, long good_or_better)
{
	long pct;

	if (!ruleset_int(rs, R_REVIEW_EXCELLENT_QUOTA, on, &pct))
		return -1;
	/* At most pct% of them: rounded down, a member is whole. */
	return good_or_better * pct / 100;
}

enum err_code review_check_quota(const struct ruleset *rs, date_t on, const char *grassroots,
				 long excellent, long good_or_better, const char *field, long line,
				 struct err *e)
{
	long max = review_quota_max(rs, on, good_or_better), pct = 0;
	char n[32];

	if (max < 0 || excellent <= max)
		return ERR_OK;
	ruleset_int(rs, R_REVIEW_EXCELLENT_QUOTA, on, &pct);
	snprintf(n, sizeof n, "%s", grade_name(G_EXCELLENT));
	return err_add(e, ERR_RULE, line, field, n, R_REVIEW_EXCELLENT_QUOTA,
		       "%ld members of %s would be excellent, but at most %ld%% of the %ld rated "
		       "good or better may be, that is %ld; grade %ld of them good instead",
		       excellent, grassroots, pct, good_or_better, max, excellent - max);
}

enum err_code review_check_disciplined(const struct ruleset *rs, date_t on, enum grade g,
				       int disciplined, const char *field, long line,
				       struct err *e)
{
	const struct rule_version *v = ruleset_find(rs, R_REVIEW_DISCIPLINED_MEMBER, on);
	int best;

	if (!disciplined || !v || (best = grade_parse(v->value)) < 0 || g == G_NONE || (int)g >= best)
		return ERR_OK;
	return err_add(e, ERR_RULE, line, field, grade_name(g), R_REVIEW_DISCIPLINED_MEMBER,
		       "the member was disciplined during the year, so the grade can be at best "
		       "%s", err_tr(v->value));
}

enum err_code review_check_org(const struct ruleset *rs, date_t on, enum grade g,
			       const struct org_review_basis *b, const char *field, long line,
			       struct err *e)
{
	long pct, good = b->graded[G_EXCELLENT] + b->graded[G_GOOD];
	enum err_code rc = ERR_OK;

	if (g == G_EXCELLENT && ruleset_int(rs, R_REVIEW_ORG_EXCELLENT, on, &pct)) {
		/* Every unit at least complete: none not complete and none ungraded. */
		long graded = good + b->graded[G_COMPLETE] + b->graded[G_NOT_COMPLETE];

		if (!b->units)
			rc = err_add(e, ERR_RULE, line, field, grade_name(g), R_REVIEW_ORG_EXCELLENT,
				     "an organisation with no members or sub-units has nothing to "
				     "be excellent by; grade it after its members are graded");
		else if (b->graded[G_NOT_COMPLETE] || graded < b->units)
			rc = err_add(e, ERR_RULE, line, field, grade_name(g), R_REVIEW_ORG_EXCELLENT,
				     "an organisation is excellent only when all of its %ld "
				     "members or sub-units are at least complete: %ld are not "
				     "complete and %ld not yet graded", b->units,
				     b->graded[G_NOT_COMPLETE], b->units - graded);
		else if (good * 100 < pct * b->units)
			rc = err_add(e, ERR_RULE, line, field, grade_name(g), R_REVIEW_ORG_EXCELLENT,
				     "an organisation is excellent only when at least %ld%% of its "
				     "members or sub-units are good or better: %ld of %ld are",
				     pct, good, b->units);
	}
	if (g != G_NOT_COMPLETE && g != G_NONE &&
	    ruleset_int(rs, R_REVIEW_ORG_NOT_COMPLETE, on, &pct)) {
		if (b->leadership_disciplined)
			rc = err_add(e, ERR_RULE, line, field, grade_name(g),
				     R_REVIEW_ORG_NOT_COMPLETE,
				     "its leadership was disciplined during the year, so the "
				     "organisation is not complete");
		else if (b->sub_units && b->sub_disciplined * 100 > pct * b->sub_units)
			rc = err_add(e, ERR_RULE, line, field, grade_name(g),
				     R_REVIEW_ORG_NOT_COMPLETE,
				     "%ld of its %ld sub-units were disciplined during the year, "
				     "more than %ld%%, so the organisation is not complete",
				     b->sub_disciplined, b->sub_units, pct);
	}
	return rc;
}

int discipline_form_allowed(const struct ruleset *rs, date_t on, const char *target,
			    enum discipline_form f)
{
	return ruleset_pair_allowed(rs, R_DISCIPLINE_FORMS, on, target, discipline_form_name(f));
}

/* ---- emulation models ---------------------------------------------------------------- */

int emulation_code_check(const char *code, const char **why)
{
	size_t n = strlen(code), i;
	const char *w = NULL;

	if (n < 2 || n > EMULATION_CODE_MAX)
		w = "is not 2 to 32 characters long";
	for (i = 0; i < n && !w; i++) {
		char c = code[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
			w = "holds a character other than a-z, 0-9 and '-'";
	}
	if (!w && (code[0] == '-' || code[n - 1] == '-'))
		w = "starts or ends with '-'";
	if (w && why)
		*why = w;
	return w ? -1 : 0;
}

/* Whether s holds a control character (a line break, a tab): names and criteria are one
 * line each, and criteria are stored one a line. */
static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static int blank(const char *s)
{
	return s[strspn(s, " \t")] == 0;
}

enum err_code emulation_check(const char *code, const char *name, const char *const *criteria,
			      size_t n, long required, const char *source, struct err *e)
{
	const char *why = NULL;
	size_t i;

	if (!code || !code[0])
		err_add(e, ERR_INPUT, 0, "code", NULL, NULL,
			"give the model's code: 2 to 32 lowercase letters a-z, digits and '-', "
			"such as chi-bo-4-tot");
	else if (emulation_code_check(code, &why))
		err_add(e, ERR_INPUT, 0, "code", code, NULL,
			"the code %s; a model's code is 2 to 32 lowercase letters a-z, digits and "
			"'-', not starting or ending with '-', such as chi-bo-4-tot", why);
	if (!name || blank(name))
		err_add(e, ERR_INPUT, 0, "name", NULL, NULL,
			"give the model's name, such as Chi bộ 4 tốt");
	else if (strlen(name) > EMULATION_NAME_MAX)
		err_add(e, ERR_INPUT, 0, "name", NULL, NULL,
			"the name is %zu bytes long; shorten it to at most %d", strlen(name),
			EMULATION_NAME_MAX);
	else if (has_control(name))
		err_add(e, ERR_INPUT, 0, "name", NULL, NULL,
			"the name is one line: remove the line breaks and tabs");
	if (n < 1 || n > EMULATION_CRITERIA_MAX)
		err_add(e, ERR_INPUT, 0, "criteria", NULL, NULL,
			"a model has 1 to %d criteria, not %zu: give each criterion the cell is "
			"rated against", EMULATION_CRITERIA_MAX, n);
	for (i = 0; i < n && i < EMULATION_CRITERIA_MAX; i++) {
		const char *c = criteria[i] ? criteria[i] : "";

		if (blank(c))
			err_add(e, ERR_INPUT, 0, "criteria", NULL, NULL,
				"criterion %zu is empty: say what the cell must achieve, or leave "
				"it out", i + 1);
		else if (strlen(c) > EMULATION_CRITERION_MAX)
			err_add(e, ERR_INPUT, 0, "criteria", NULL, NULL,
				"criterion %zu is %zu bytes long; shorten it to at most %d (the "
				"source document holds the full text)", i + 1, strlen(c),
				EMULATION_CRITERION_MAX);
		else if (has_control(c))
			err_add(e, ERR_INPUT, 0, "criteria", NULL, NULL,
				"criterion %zu holds a line break or a tab: give each criterion "
				"as one line", i + 1);
	}
	if (n >= 1 && n <= EMULATION_CRITERIA_MAX && (required < 1 || required > (long)n))
		err_add(e, ERR_INPUT, 0, "required", NULL, NULL,
			"give how many of the %zu criteria a cell must meet to earn the title: "
			"1 to %zu", n, n);
	else if (n > EMULATION_CRITERIA_MAX && required < 1)
		err_add(e, ERR_INPUT, 0, "required", NULL, NULL,
			"give how many criteria a cell must meet to earn the title (at least 1)");
	if (source && strlen(source) > EMULATION_SOURCE_MAX)
		err_add(e, ERR_INPUT, 0, "source", NULL, NULL,
			"the source is %zu bytes long; shorten it to at most %d (the document's "
			"number, such as 09-CT/ĐU)", strlen(source), EMULATION_SOURCE_MAX);
	else if (source && has_control(source))
		err_add(e, ERR_INPUT, 0, "source", NULL, NULL,
			"the source is one line: remove the line breaks and tabs");
	return e->code;
}

size_t emulation_split(const char *text, char out[][EMULATION_CRITERION_MAX + 1], size_t max)
{
	size_t n = 0;
	const char *p = text;

	if (!text || !text[0])
		return 0;
	for (;;) {
		size_t len = strcspn(p, "\n");

		if (n < max) {
			size_t k = len < EMULATION_CRITERION_MAX ? len : EMULATION_CRITERION_MAX;

			memcpy(out[n], p, k);
			out[n][k] = 0;
		}
		n++;
		if (!p[len])
			break;
		p += len + 1;
	}
	return n;
}
