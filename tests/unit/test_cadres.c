/* test_cadres.c - the rules of key cadres (core/cadres.c) at their boundaries, each test named
 * by the rule it proves: R-POS-DECIDER-LEVEL as the database ships it (a regiment's commander
 * two levels up, a deputy one level up, the root always, the organisation itself and a
 * sibling never) and its reading (the most specific entry wins, a bad value refused),
 * R-COMMITTEE-TERM-YEARS (five years to the day, 29 February), the vacancy priority, the
 * decision's number, the committee roles and the flags. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "core/cadres.h"

static struct ruleset rs;

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

static int load_rules(void **state)
{
	struct app a;
	struct err e;
	char path[64], p[96];
	size_t i;
	int fd;

	(void)state;
	strcpy(path, "/tmp/cadre-test-cadres-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	err_init(&e);
	assert_int_equal(app_open(&a, path, 1, &e), ERR_OK);
	ruleset_init(&rs);
	for (i = 0; i < a.rules.n; i++)
		ruleset_add(&rs, &a.rules.v[i]);
	app_close(&a);
	err_cleanup(&e);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", path);
	unlink(p);
	return 0;
}

static int free_rules(void **state)
{
	(void)state;
	ruleset_cleanup(&rs);
	return 0;
}

/* R-POS-DECIDER-LEVEL as shipped: commander and commissar of any organisation two levels up
 * at least; a secretary of a grassroots or committee organisation two levels up; the rest one
 * level up. Boundaries: 1 level refused and 2 accepted for a commander; the root decides
 * everything; the organisation itself or a body outside its ancestry never. */
static void test_decider_level(void **state)
{
	const struct rule_version *rv = ruleset_find(&rs, "R-POS-DECIDER-LEVEL", D("2024-01-10"));
	long n;

	(void)state;
	assert_non_null(rv);
	assert_null(ruleset_find(&rs, "R-POS-DECIDER-LEVEL", D("2017-03-19")));
	assert_int_equal(cadre_decider_levels(rv->value, "commander", "grassroots", &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(cadre_decider_levels(rv->value, "commissar", "cell", &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(cadre_decider_levels(rv->value, "secretary", "grassroots", &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(cadre_decider_levels(rv->value, "secretary", "cell", &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(cadre_decider_levels(rv->value, "deputy_commander", "grassroots", &n), 0);
	assert_int_equal(n, 1);
	/* a regiment (depth 3): the division (2) may not, the region (1) may */
	assert_false(cadre_decider_ok(1, 3, 2, 2));
	assert_true(cadre_decider_ok(1, 3, 1, 2));
	assert_true(cadre_decider_ok(1, 3, 2, 1));
	/* the root always; itself or a sibling never */
	assert_true(cadre_decider_ok(1, 1, 0, 2));
	assert_false(cadre_decider_ok(0, 3, 3, 0));
	assert_false(cadre_decider_ok(0, 3, 1, 1));
}

/* Reading the rule: kind@orgkind beats kind@*, which beats *@orgkind, which beats *@*; no
 * entry or a malformed value is refused. */
static void test_decider_reading(void **state)
{
	long n = -7;

	(void)state;
	assert_int_equal(cadre_decider_levels("*@*=1;*@cell=4;commander@*=2;commander@cell=3",
					      "commander", "cell", &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(cadre_decider_levels("*@*=1;*@cell=4;commander@*=2", "commander", "cell",
					      &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(cadre_decider_levels("*@*=1;*@cell=4", "commander", "cell", &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(cadre_decider_levels("*@*=0", "commander", "cell", &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(cadre_decider_levels("commander@cell=2", "secretary", "cell", &n), -1);
	assert_int_equal(cadre_decider_levels("*@*=x", "secretary", "cell", &n), -1);
	assert_int_equal(cadre_decider_levels("*@*=-1", "secretary", "cell", &n), -1);
	assert_int_equal(cadre_decider_levels("*=1", "secretary", "cell", &n), -1);
	assert_int_equal(cadre_decider_levels("*@*=", "secretary", "cell", &n), -1);
	assert_int_equal(cadre_decider_levels(NULL, "secretary", "cell", &n), -1);
}

/* R-COMMITTEE-TERM-YEARS: 5 years to the day; a term started on 29 February ends on the last
 * day of February. */
static void test_term_years(void **state)
{
	long years;
	char s[DATE_STR];

	(void)state;
	assert_int_equal(ruleset_int(&rs, "R-COMMITTEE-TERM-YEARS", D("2020-10-01"), &years), 1);
	assert_int_equal(years, 5);
	assert_int_equal(ruleset_int(&rs, "R-COMMITTEE-TERM-YEARS", D("2011-01-18"), &years), 0);
	assert_string_equal(date_format(cadre_term_end(D("2020-10-01"), years), s), "2025-10-01");
	assert_string_equal(date_format(cadre_term_end(D("2024-02-29"), years), s), "2029-02-28");
}

/* The vacancy priority; the decision's number; roles and flags. */
static void test_priority_and_names(void **state)
{
	const char *why = NULL;
	char longnum[100];

	(void)state;
	assert_int_equal(cadre_vacancy_priority(1, 0, 1), 0);
	assert_int_equal(cadre_vacancy_priority(0, 1, 0), 0);
	assert_int_equal(cadre_vacancy_priority(0, 0, 1), 1);
	assert_int_equal(cadre_vacancy_priority(0, 0, 0), 2);
	assert_int_equal(cadre_decision_check("12/QĐ-BTL", &why), 0);
	assert_int_equal(cadre_decision_check("", &why), -1);
	assert_non_null(strstr(why, "required"));
	memset(longnum, 'x', 81);
	longnum[81] = 0;
	assert_int_equal(cadre_decision_check(longnum, &why), -1);
	longnum[80] = 0;
	assert_int_equal(cadre_decision_check(longnum, &why), 0);
	assert_int_equal(cadre_decision_check("12\n/QĐ", &why), -1);
	assert_int_equal(cadre_committee_role("secretary"), 0);
	assert_int_equal(cadre_committee_role("member"), 3);
	assert_int_equal(cadre_committee_role("chief"), -1);
	assert_int_equal(cadre_committee_role(NULL), -1);
	assert_true(cadre_org_flag_ok("border"));
	assert_true(cadre_org_flag_ok("difficult"));
	assert_false(cadre_org_flag_ok("mountain"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decider_level),
		cmocka_unit_test(test_decider_reading),
		cmocka_unit_test(test_term_years),
		cmocka_unit_test(test_priority_and_names),
	};

	return cmocka_run_group_tests(tests, load_rules, free_rules);
}
