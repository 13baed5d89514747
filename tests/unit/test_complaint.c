/* test_complaint.c - the rules of complaints and denunciations (core/complaint.c) at their
 * boundaries, as the database ships them: R-COMPLAINT-DAYS (day 30 after the notice in time,
 * day 31 refused naming the rule, no notice date accepted with a warning),
 * R-COMPLAINT-SETTLE-DAYS and R-DENUNCIATION-SETTLE-DAYS (due dates, and before the rules'
 * first version), the new form of a reduced or raised discipline (lighter or heavier,
 * R-DISCIPLINE-FORMS, R-DISCIPLINE-AUTHORITY), and the names. */
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
#include "core/complaint.h"

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
	strcpy(path, "/tmp/cadre-test-complaint-XXXXXX");
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

/* R-COMPLAINT-DAYS: notified 2024-03-01; day 30 (2024-03-31) in time, day 31 refused. */
static void test_lodge_days(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(complaint_check_lodged(&rs, D("2024-03-01"), D("2024-03-01"), 0, &e), 0);
	assert_int_equal(complaint_check_lodged(&rs, D("2024-03-01"), D("2024-03-31"), 0, &e), 0);
	assert_int_equal(e.n, 0);
	assert_int_equal(complaint_check_lodged(&rs, D("2024-03-01"), D("2024-04-01"), 7, &e), -1);
	assert_int_equal(e.code, ERR_RULE);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.items[0].rule, "R-COMPLAINT-DAYS");
	assert_string_equal(e.items[0].field, "lodged_on");
	assert_string_equal(e.items[0].value, "2024-04-01");
	assert_int_equal(e.items[0].line, 7);
	assert_non_null(strstr(e.items[0].msg, "within 30 days"));
	assert_non_null(strstr(e.items[0].msg, "31 days after"));
	err_clear(&e);
	/* No notice date recorded: accepted, the caller warns. */
	assert_int_equal(complaint_check_lodged(&rs, 0, D("2026-01-01"), 0, &e), 1);
	assert_int_equal(e.n, 0);
	err_cleanup(&e);
}

static void test_due(void **state)
{
	date_t due = 0;

	(void)state;
	/* R-COMPLAINT-SETTLE-DAYS 90, R-DENUNCIATION-SETTLE-DAYS 60 (from 2021-07-28). */
	assert_int_equal(complaint_due(&rs, CK_COMPLAINT, D("2024-01-01"), &due), 0);
	assert_int_equal(due, D("2024-03-31"));
	assert_int_equal(complaint_due(&rs, CK_DENUNCIATION, D("2024-01-01"), &due), 0);
	assert_int_equal(due, D("2024-03-01"));
	assert_int_equal(complaint_due(&rs, CK_COMPLAINT, D("2021-07-28"), &due), 0);
	assert_int_equal(due, D("2021-10-26"));
	/* Before the rules' first version: that version's days. */
	assert_int_equal(complaint_due(&rs, CK_COMPLAINT, D("2020-05-01"), &due), 0);
	assert_int_equal(due, D("2020-07-30"));
	assert_int_equal(complaint_due(&rs, CK_DENUNCIATION, D("2020-05-01"), &due), 0);
	assert_int_equal(due, D("2020-06-30"));
}

static void test_new_form(void **state)
{
	struct err e;
	date_t on = D("2025-06-01");

	(void)state;
	err_init(&e);
	/* reduced: lighter, allowed to a grassroots committee on a member */
	assert_int_equal(complaint_check_new_form(&rs, on, CO_REDUCED, DF_WARNING, DF_REPRIMAND,
						  "official", "grassroots", 0, &e), 0);
	assert_int_equal(complaint_check_new_form(&rs, on, CO_REDUCED, DF_WARNING, DF_WARNING,
						  "official", "grassroots", 0, &e), 1);
	assert_non_null(strstr(e.items[0].msg, "lighter than warning"));
	err_clear(&e);
	/* raised: heavier; expulsion by a grassroots committee yes, by a cell's no */
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_WARNING, DF_EXPULSION,
						  "official", "grassroots", 0, &e), 0);
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_REPRIMAND, DF_REMOVAL,
						  "official", "cell", 0, &e), 1);
	assert_string_equal(e.items[0].rule, "R-DISCIPLINE-AUTHORITY");
	err_clear(&e);
	/* a probationary member: reprimand or warning only (R-DISCIPLINE-FORMS) */
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_WARNING, DF_REMOVAL,
						  "probationary", "committee", 0, &e), 1);
	assert_string_equal(e.items[0].rule, "R-DISCIPLINE-FORMS");
	err_clear(&e);
	/* an organisation: dissolution by a committee, not by a grassroots committee */
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_WARNING, DF_DISSOLUTION,
						  "org", "committee", 0, &e), 0);
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_WARNING, DF_DISSOLUTION,
						  "org", "grassroots", 0, &e), 1);
	assert_string_equal(e.items[0].rule, "R-DISCIPLINE-AUTHORITY");
	err_clear(&e);
	assert_int_equal(complaint_check_new_form(&rs, on, CO_RAISED, DF_WARNING, -1, "official",
						  "committee", 0, &e), 1);
	assert_int_equal(e.code, ERR_INPUT);
	err_cleanup(&e);
	assert_int_equal(complaint_authority_allowed(&rs, on, "committee", 1, "org", DF_WARNING), 1);
	assert_int_equal(complaint_authority_allowed(&rs, on, "committee", 1, "org",
						     DF_DISSOLUTION), 0);
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(complaint_kind_parse("denunciation"), CK_DENUNCIATION);
	assert_int_equal(complaint_kind_parse("x"), -1);
	assert_int_equal(complaint_outcome_parse("partly_founded"), CO_PARTLY_FOUNDED);
	assert_string_equal(complaint_outcome_name(CO_RAISED), "raised");
	assert_int_equal(complaint_state_parse("withdrawn"), CS_WITHDRAWN);
	assert_true(complaint_outcome_fits(CK_COMPLAINT, CO_ANNULLED));
	assert_false(complaint_outcome_fits(CK_COMPLAINT, CO_FOUNDED));
	assert_true(complaint_outcome_fits(CK_DENUNCIATION, CO_UNFOUNDED));
	assert_false(complaint_outcome_fits(CK_DENUNCIATION, CO_KEPT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lodge_days),
		cmocka_unit_test(test_due),
		cmocka_unit_test(test_new_form),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, load_rules, free_rules);
}
