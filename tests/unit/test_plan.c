/* test_plan.c - personnel planning's criteria (core/plan.c) at each boundary: the age exactly
 * at the ceiling and one year over, by rank and by '*'; the theory level's order; the
 * education list; 23 against 24 months in the lower posts (summed over holdings, counted up to
 * the day judged); a missing review year and a grade below the one needed; health 2 against
 * 3; a candidate failing several criteria gets each one with what was found and needed. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "core/plan.h"

static struct plan_criteria crit(void)
{
	struct plan_criteria c;

	memset(&c, 0, sizeof c);
	strcpy(c.value[PC_MAX_AGE], "Đại úy=40;Thiếu tá=43;*=50");
	strcpy(c.value[PC_THEORY], "intermediate");
	strcpy(c.value[PC_EDUCATION], "12/12,10/10");
	strcpy(c.value[PC_LOWER_POST], "deputy_commander,deputy_commissar:24");
	strcpy(c.value[PC_REVIEWS], "2:good");
	strcpy(c.value[PC_HEALTH], "2");
	return c;
}

/* A candidate meeting every criterion of crit() for a 2025 period judged on 2026-03-01. */
static struct plan_span spans[2];
static struct plan_candidate good(void)
{
	struct plan_candidate c;

	memset(&c, 0, sizeof c);
	c.birth_date = date_from_ymd(1985, 1, 1); /* 40 on 2025-01-01 */
	c.rank = "Đại úy";
	c.theory_level = "advanced";
	c.education = "12/12";
	strcpy(spans[0].kind, "deputy_commander");
	spans[0].from = date_from_ymd(2024, 3, 1);
	spans[0].to = DATE_NONE; /* 24 months on 2026-03-01 */
	c.spans = spans;
	c.nspans = 1;
	c.grades[0] = "good";      /* 2025 */
	c.grades[1] = "excellent"; /* 2024 */
	c.health = 2;
	return c;
}

static date_t ON(void)
{
	return date_from_ymd(2026, 3, 1);
}

static const struct plan_fail *only(const struct plan_judgement *j, enum plan_crit k)
{
	assert_int_equal(j->nfail, 1);
	assert_int_equal(j->fail[0].crit, k);
	return &j->fail[0];
}

static void test_ready(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;

	(void)state;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	/* every criterion off: always ready */
	memset(&cr, 0, sizeof cr);
	memset(&c, 0, sizeof c);
	c.birth_date = DATE_NONE;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
}

static void test_age(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;
	const struct plan_fail *f;

	(void)state;
	assert_int_equal(plan_age_on_jan1(date_from_ymd(1985, 1, 1), 2025), 40);
	assert_int_equal(plan_age_on_jan1(date_from_ymd(1985, 1, 2), 2025), 39);
	assert_int_equal(plan_age_on_jan1(date_from_ymd(1984, 12, 31), 2025), 40);
	/* exactly at the ceiling (40 for Đại úy) meets it; a day older is 41: refused */
	c.birth_date = date_from_ymd(1984, 12, 31);
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.birth_date = date_from_ymd(1984, 1, 1);
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	f = only(&j, PC_MAX_AGE);
	assert_string_equal(f->found, "41");
	assert_string_equal(f->needed, "<= 40");
	/* a rank without an entry takes '*' */
	c.rank = "Trung tá";
	c.birth_date = date_from_ymd(1975, 1, 1); /* 50 */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.birth_date = date_from_ymd(1974, 6, 1); /* 50 on 2025-01-01 as well */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.birth_date = date_from_ymd(1974, 1, 1); /* 51 */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_MAX_AGE)->needed, "<= 50");
	/* no birth date: not met */
	c.birth_date = DATE_NONE;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_MAX_AGE)->found, "none");
}

static void test_theory_education(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;

	(void)state;
	c.theory_level = "intermediate"; /* exactly the lowest accepted */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.theory_level = "primary";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_THEORY)->found, "primary");
	assert_string_equal(j.fail[0].needed, ">= intermediate");
	c.theory_level = "";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_THEORY)->found, "none");
	c = good();
	c.education = "10/10";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.education = "9/12";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_EDUCATION)->found, "9/12");
	assert_string_equal(j.fail[0].needed, "12/12,10/10");
	c.education = "12/1"; /* a prefix of an accepted value is not it */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
}

static void test_lower_post(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;
	struct plan_span two[3];

	(void)state;
	/* 24 months exactly: met; a day less is 23 months: not met */
	spans[0].from = date_from_ymd(2024, 3, 2);
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_LOWER_POST)->found, "23");
	assert_string_equal(j.fail[0].needed, ">= 24 (deputy_commander,deputy_commissar)");
	/* an ended holding counts up to its end, several kinds add up, other kinds do not */
	memset(two, 0, sizeof two);
	strcpy(two[0].kind, "deputy_commissar");
	two[0].from = date_from_ymd(2020, 1, 1);
	two[0].to = date_from_ymd(2021, 1, 1); /* 12 */
	strcpy(two[1].kind, "deputy_commander");
	two[1].from = date_from_ymd(2025, 3, 1);
	two[1].to = DATE_NONE; /* 12 up to 2026-03-01 */
	strcpy(two[2].kind, "commander");
	two[2].from = date_from_ymd(2021, 1, 1);
	two[2].to = date_from_ymd(2025, 3, 1);
	c.spans = two;
	c.nspans = 3;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	two[0].to = date_from_ymd(2020, 12, 31); /* 11 + 12 = 23 */
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_LOWER_POST)->found, "23");
	/* no holding at all: 0 months */
	c.nspans = 0;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_LOWER_POST)->found, "0");
}

static void test_reviews(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;

	(void)state;
	/* a missing year fails, naming it */
	c.grades[1] = "";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_REVIEWS)->found, "2024: none");
	assert_string_equal(j.fail[0].needed, "2 years good or better");
	c.grades[1] = NULL;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	/* below the grade, and both years wrong */
	c.grades[0] = "complete";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_REVIEWS)->found, "2025: complete; 2024: none");
	/* a third year back is not asked for */
	c = good();
	c.grades[2] = "not_complete";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	strcpy(cr.value[PC_REVIEWS], "3:good");
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_REVIEWS)->found, "2023: not_complete");
}

static void test_health(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;

	(void)state;
	c.health = 1;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 0);
	c.health = 3;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_HEALTH)->found, "3");
	assert_string_equal(j.fail[0].needed, "<= 2");
	c.health = 0;
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_HEALTH)->found, "none");
}

static void test_several(void **state)
{
	struct plan_criteria cr = crit();
	struct plan_candidate c = good();
	struct plan_judgement j;

	(void)state;
	c.theory_level = "primary";
	c.health = 3;
	c.grades[0] = "";
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 3);
	assert_int_equal(j.fail[0].crit, PC_THEORY);
	assert_int_equal(j.fail[1].crit, PC_REVIEWS);
	assert_int_equal(j.fail[2].crit, PC_HEALTH);
	/* a value that cannot be read is shown as not met, never passed over */
	cr = crit();
	c = good();
	strcpy(cr.value[PC_HEALTH], "two");
	assert_int_equal(plan_judge(&cr, &c, 2025, ON(), &j), 1);
	assert_string_equal(only(&j, PC_HEALTH)->found, "?");
}

static void test_values(void **state)
{
	const char *why;
	long mn, mx;

	(void)state;
	assert_int_equal(plan_crit_parse("lower_post_months"), PC_LOWER_POST);
	assert_int_equal(plan_crit_parse("age"), -1);
	assert_string_equal(plan_crit_name(PC_HEALTH), "health");
	assert_int_equal(plan_value_check(PC_MAX_AGE, "Đại úy=40;*=50", &why), 0);
	assert_int_equal(plan_value_check(PC_MAX_AGE, "Đại úy=x", &why), -1);
	assert_int_equal(plan_value_check(PC_MAX_AGE, "", &why), 0);
	assert_int_equal(plan_value_check(PC_THEORY, "advanced", &why), 0);
	assert_int_equal(plan_value_check(PC_THEORY, "high", &why), -1);
	assert_int_equal(plan_value_check(PC_EDUCATION, "12/12,", &why), -1);
	assert_int_equal(plan_value_check(PC_LOWER_POST, "deputy_commander:24", &why), 0);
	assert_int_equal(plan_value_check(PC_LOWER_POST, "deputy_commander", &why), -1);
	assert_int_equal(plan_value_check(PC_REVIEWS, "2:good", &why), 0);
	assert_int_equal(plan_value_check(PC_REVIEWS, "0:good", &why), -1);
	assert_int_equal(plan_value_check(PC_REVIEWS, "2:not_complete", &why), -1);
	assert_int_equal(plan_value_check(PC_REVIEWS, "11:good", &why), -1);
	assert_int_equal(plan_value_check(PC_HEALTH, "2", &why), 0);
	assert_int_equal(plan_value_check(PC_HEALTH, "7", &why), -1);
	assert_int_equal(plan_per_position("2-3", &mn, &mx), 0);
	assert_int_equal(mn, 2);
	assert_int_equal(mx, 3);
	assert_int_equal(plan_per_position("3", &mn, &mx), 0);
	assert_int_equal(mn, 0);
	assert_int_equal(plan_per_position("3-2", &mn, &mx), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ready),     cmocka_unit_test(test_age),
		cmocka_unit_test(test_theory_education), cmocka_unit_test(test_lower_post),
		cmocka_unit_test(test_reviews),   cmocka_unit_test(test_health),
		cmocka_unit_test(test_several),   cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
