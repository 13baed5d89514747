/* test_discipline.c - the rules of a discipline decision (core/discipline.c) at their
 * boundaries: R-DISCIPLINE-FORMS (probationary members), R-DISCIPLINE-AUTHORITY (every body
 * kind, with and without its inspection committee, member and org targets),
 * R-DISCIPLINE-LIMITATION (the anniversary still within, the day after refused, none for
 * expulsion and dissolution, not in force before its date), and the order of the dates. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/discipline.h"

static struct ruleset rs;

static void add_rule(const char *id, const char *value, date_t from)
{
	struct rule_version v;

	memset(&v, 0, sizeof v);
	snprintf(v.id, sizeof v.id, "%s", id);
	v.version = 1;
	snprintf(v.value, sizeof v.value, "%s", value);
	v.effective_from = from;
	ruleset_add(&rs, &v);
}

static int setup(void **state)
{
	(void)state;
	ruleset_init(&rs);
	/* the values of migration 41 and of the first migration, as shipped */
	add_rule(R_DISCIPLINE_AUTHORITY,
		 "cell:member>reprimand,warning;subcommittee:member>reprimand,warning;"
		 "grassroots:member>reprimand,warning,removal,expulsion;grassroots:org>reprimand,"
		 "warning;committee:member>reprimand,warning,removal,expulsion;"
		 "committee:org>reprimand,warning,dissolution;grassroots/inspection:member>"
		 "reprimand,warning;committee/inspection:member>reprimand,warning,removal,"
		 "expulsion;committee/inspection:org>reprimand,warning",
		 date_from_ymd(2011, 1, 19));
	add_rule(R_DISCIPLINE_FORMS,
		 "official>reprimand,warning,removal,expulsion;probationary>reprimand,warning;"
		 "org>reprimand,warning,dissolution",
		 date_from_ymd(2011, 1, 19));
	add_rule(R_DISCIPLINE_LIMITATION,
		 "reprimand>5;warning>10;removal>10;expulsion>0;dissolution>0",
		 date_from_ymd(2022, 7, 28));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	ruleset_cleanup(&rs);
	return 0;
}

static struct discipline_facts facts(enum discipline_form form, const char *target,
				     const char *kind, int insp)
{
	struct discipline_facts f;

	memset(&f, 0, sizeof f);
	f.form = form;
	f.target = target;
	f.body_kind = kind;
	f.inspection = insp;
	f.today = date_from_ymd(2026, 6, 1);
	f.decided = date_from_ymd(2026, 3, 10);
	f.act = date_from_ymd(2025, 12, 1);
	f.admitted = date_from_ymd(2010, 5, 19);
	f.notified = DATE_NONE;
	f.effective = DATE_NONE;
	return f;
}

/* The one problem f gives: rule ("" none) on field. */
static void expect(const struct discipline_facts *f, const char *rule, const char *field)
{
	struct err e;

	err_init(&e);
	discipline_check(&rs, f, 0, &e);
	if (!rule[0]) {
		if (e.n)
			fail_msg("refused: %s %s", e.items[0].rule, e.items[0].msg);
	} else {
		if (e.n != 1)
			fail_msg("%zu problems, expected 1 (%s)", e.n, rule);
		assert_string_equal(e.items[0].rule, rule);
		assert_string_equal(e.items[0].field, field);
		assert_true(strlen(e.items[0].msg) > 20);
	}
	err_cleanup(&e);
}

static void test_authority(void **state)
{
	static const struct {
		const char *kind;
		int insp;
		const char *target;
		enum discipline_form form;
		int ok;
	} t[] = {
		{"cell", 0, "official", DF_REPRIMAND, 1},
		{"cell", 0, "official", DF_WARNING, 1},
		{"cell", 0, "official", DF_REMOVAL, 0},
		{"cell", 0, "official", DF_EXPULSION, 0},
		{"cell", 1, "official", DF_REPRIMAND, 0},
		{"subcommittee", 0, "official", DF_WARNING, 1},
		{"subcommittee", 0, "official", DF_EXPULSION, 0},
		{"grassroots", 0, "official", DF_EXPULSION, 1},
		{"grassroots", 0, "official", DF_REMOVAL, 1},
		{"grassroots", 1, "official", DF_WARNING, 1},
		{"grassroots", 1, "official", DF_REMOVAL, 0},
		{"grassroots", 0, "org", DF_WARNING, 1},
		{"grassroots", 0, "org", DF_DISSOLUTION, 0},
		{"grassroots", 1, "org", DF_REPRIMAND, 0},
		{"committee", 0, "official", DF_EXPULSION, 1},
		{"committee", 0, "org", DF_DISSOLUTION, 1},
		{"committee", 1, "official", DF_EXPULSION, 1},
		{"committee", 1, "org", DF_WARNING, 1},
		{"committee", 1, "org", DF_DISSOLUTION, 0},
		{"cell", 0, "org", DF_REPRIMAND, 0},
		{"committee", 0, "probationary", DF_WARNING, 1},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct discipline_facts f = facts(t[i].form, t[i].target, t[i].kind, t[i].insp);

		if (!strcmp(t[i].target, "org"))
			f.admitted = DATE_NONE;
		expect(&f, t[i].ok ? "" : R_DISCIPLINE_AUTHORITY, "body");
	}
}

static void test_forms(void **state)
{
	struct discipline_facts f = facts(DF_EXPULSION, "probationary", "committee", 0);
	struct err e;

	(void)state;
	err_init(&e);
	/* a probationary member: reprimand or warning only (the form's rule, then the
	 * authority's, which knows no such pair, says nothing more) */
	discipline_check_form(&rs, &f, 0, &e);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.items[0].rule, R_DISCIPLINE_FORMS);
	assert_non_null(strstr(e.items[0].msg, "reprimand or warning only"));
	err_clear(&e);
	f.form = DF_REMOVAL;
	assert_int_equal(discipline_check_form(&rs, &f, 0, &e), ERR_RULE);
	err_clear(&e);
	f.form = DF_WARNING;
	assert_int_equal(discipline_check_form(&rs, &f, 0, &e), ERR_OK);
	f = facts(DF_EXPULSION, "org", "committee", 0);
	assert_int_equal(discipline_check_form(&rs, &f, 0, &e), ERR_RULE);
	err_clear(&e);
	f = facts(DF_DISSOLUTION, "official", "committee", 0);
	assert_int_equal(discipline_check_form(&rs, &f, 0, &e), ERR_RULE);
	err_clear(&e);
	f.form = DF__COUNT;
	assert_int_equal(discipline_check_form(&rs, &f, 0, &e), ERR_INPUT);
	err_cleanup(&e);
}

static void test_limitation(void **state)
{
	struct discipline_facts f = facts(DF_REPRIMAND, "official", "committee", 0);

	(void)state;
	/* reprimand: 5 years; the anniversary still within, the day after refused */
	f.act = date_from_ymd(2021, 3, 10);
	f.decided = date_from_ymd(2026, 3, 10);
	expect(&f, "", "");
	assert_int_equal(discipline_limit_day(&rs, &f), date_from_ymd(2026, 3, 10));
	f.decided = date_from_ymd(2026, 3, 11);
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	/* warning and removal: 10 years */
	f.form = DF_WARNING;
	f.act = date_from_ymd(2016, 3, 11);
	expect(&f, "", "");
	f.act = date_from_ymd(2016, 3, 10);
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	f.form = DF_REMOVAL;
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	f.act = date_from_ymd(2016, 3, 11);
	expect(&f, "", "");
	/* expulsion: none */
	f.form = DF_EXPULSION;
	f.act = date_from_ymd(2011, 1, 1);
	expect(&f, "", "");
	assert_int_equal(discipline_limit_day(&rs, &f), DATE_NONE);
	/* dissolution: none */
	f = facts(DF_DISSOLUTION, "org", "committee", 0);
	f.admitted = DATE_NONE;
	f.act = date_from_ymd(2001, 1, 1);
	expect(&f, "", "");
	/* 29 February: the anniversary in a common year is 28 February */
	f = facts(DF_REPRIMAND, "official", "committee", 0);
	f.act = date_from_ymd(2020, 2, 29);
	f.admitted = date_from_ymd(2019, 1, 1);
	f.decided = date_from_ymd(2025, 2, 28);
	f.today = date_from_ymd(2025, 6, 1);
	expect(&f, "", "");
	f.decided = date_from_ymd(2025, 3, 1);
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	/* not in force before 2022-07-28: no limit checked */
	f.act = date_from_ymd(2012, 1, 1);
	f.admitted = date_from_ymd(2011, 1, 1);
	f.decided = date_from_ymd(2022, 7, 27);
	expect(&f, "", "");
	f.decided = date_from_ymd(2022, 7, 28);
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
}

static void test_dates(void **state)
{
	struct discipline_facts f = facts(DF_WARNING, "official", "committee", 0);

	(void)state;
	/* the act: required, not after the decision (the same day is fine), not in the future */
	f.act = DATE_NONE;
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	f.act = f.decided;
	expect(&f, "", "");
	f.act = f.decided + 1;
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	f.act = f.today + 1;
	f.decided = f.today;
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	/* the decision: today is fine, tomorrow refused */
	f.act = date_from_ymd(2025, 1, 1);
	f.decided = f.today;
	expect(&f, "", "");
	f.decided = f.today + 1;
	expect(&f, R_MEMBER_DATES, "date");
	/* before the member's admission: the act refused, the admission day itself fine */
	f = facts(DF_WARNING, "official", "committee", 0);
	f.admitted = date_from_ymd(2025, 12, 1);
	expect(&f, "", "");
	f.admitted = date_from_ymd(2025, 12, 2);
	expect(&f, R_DISCIPLINE_LIMITATION, "act_date");
	/* the decision before the admission too (the act then before it as well) */
	f.admitted = date_from_ymd(2026, 3, 11);
	{
		struct err e;

		err_init(&e);
		discipline_check_dates(&f, 0, &e);
		assert_int_equal(e.n, 2);
		assert_string_equal(e.items[1].field, "date");
		assert_string_equal(e.items[1].rule, R_MEMBER_DATES);
		err_cleanup(&e);
	}
	/* the notice and the effect: not before the decision, not in the future */
	f = facts(DF_WARNING, "official", "committee", 0);
	f.notified = f.decided;
	f.effective = f.decided;
	expect(&f, "", "");
	f.notified = f.decided - 1;
	expect(&f, R_MEMBER_DATES, "notified_on");
	f.notified = f.today + 1;
	expect(&f, R_MEMBER_DATES, "notified_on");
	f.notified = DATE_NONE;
	f.effective = f.decided - 1;
	expect(&f, R_MEMBER_DATES, "effective_on");
	f.effective = f.today;
	expect(&f, "", "");
	f.effective = f.today + 1;
	expect(&f, R_MEMBER_DATES, "effective_on");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_authority),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_limitation),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
