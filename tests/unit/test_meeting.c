/* test_meeting.c - the rules of meetings (core/meeting.c) at their boundaries, each test named
 * by the rule it proves: R-MEETING-MINUTES at 89 and 90 minutes and only from its effective
 * date, R-MEETING-QUORUM at exactly half and half + 1 and its base (temporary transfer
 * elsewhere, suspended, exempt and absent, excused absentees), the vote counts, the times. The
 * rules are those a fresh database ships (schema migration 24). */
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
#include "core/meeting.h"

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
	strcpy(path, "/tmp/cadre-test-meet-XXXXXX");
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

/* R-MEETING-MINUTES: 89 minutes refused (ERR_RULE naming the rule), 90 accepted; from
 * 2018-10-18 only; extraordinary and study meetings need only end after they start. */
static void test_minutes(void **state)
{
	struct err e;
	date_t on = D("2026-10-10");

	(void)state;
	err_init(&e);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_MONTHLY, 450, 539, 0, &e), ERR_RULE);
	assert_string_equal(e.items[0].rule, "R-MEETING-MINUTES");
	assert_non_null(strstr(e.items[0].msg, "89 minutes"));
	err_clear(&e);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_MONTHLY, 450, 540, 0, &e), ERR_OK);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_THEMATIC, 450, 539, 7, &e), ERR_RULE);
	assert_int_equal(e.items[0].line, 7);
	err_clear(&e);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_EXTRAORDINARY, 450, 480, 0, &e), ERR_OK);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_STUDY, 450, 451, 0, &e), ERR_OK);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_STUDY, 450, 450, 0, &e), ERR_INPUT);
	err_clear(&e);
	assert_int_equal(meeting_check_minutes(&rs, on, MK_MONTHLY, 450, 1441, 0, &e), ERR_INPUT);
	err_clear(&e);
	/* The day before the rule took effect, and the day it did. */
	assert_int_equal(meeting_check_minutes(&rs, D("2018-10-17"), MK_MONTHLY, 450, 480, 0, &e),
			 ERR_OK);
	assert_int_equal(meeting_check_minutes(&rs, D("2018-10-18"), MK_MONTHLY, 450, 480, 0, &e),
			 ERR_RULE);
	err_cleanup(&e);
}

/* R-MEETING-QUORUM: strictly more than half of the base. */
static void test_quorum_passes(void **state)
{
	date_t on = D("2026-10-10");

	(void)state;
	assert_int_equal(meeting_passes(&rs, on, 6, 3), 0);  /* exactly half */
	assert_int_equal(meeting_passes(&rs, on, 6, 4), 1);  /* half + 1 */
	assert_int_equal(meeting_passes(&rs, on, 5, 2), 0);
	assert_int_equal(meeting_passes(&rs, on, 5, 3), 1);
	assert_int_equal(meeting_passes(&rs, on, 1, 1), 1);
	assert_int_equal(meeting_passes(&rs, on, 0, 0), 0);
	assert_int_equal(meeting_passes(&rs, on, 2, 1), 0);
	assert_int_equal(meeting_passes(&rs, D("2011-01-18"), 6, 4), -1); /* not yet in force */
	assert_int_equal(meeting_passes(&rs, D("2011-01-19"), 6, 4), 1);
}

/* Who is counted: temporary transfer elsewhere and suspended never, exempt only when present,
 * excused absentees out of the base, absentees without reason in it. */
static void test_quorum_base(void **state)
{
	struct meet_roll_entry away = {1, MS_OFFICIAL, 1}, susp = {2, MS_SUSPENDED, 0},
			       exempt = {3, MS_EXEMPT, 0}, off = {4, MS_OFFICIAL, 0},
			       prob = {5, MS_PROBATIONARY, 0};
	enum attend_status st[8];

	(void)state;
	assert_int_equal(meeting_effective_status(&away, AT_PRESENT), AT_NOT_COUNTED);
	assert_int_equal(meeting_effective_status(&susp, AT_PRESENT), AT_NOT_COUNTED);
	assert_int_equal(meeting_effective_status(&exempt, AT_ABSENT), AT_NOT_COUNTED);
	assert_int_equal(meeting_effective_status(&exempt, AT_EXCUSED), AT_NOT_COUNTED);
	assert_int_equal(meeting_effective_status(&exempt, AT_PRESENT), AT_PRESENT);
	assert_int_equal(meeting_effective_status(&off, AT_EXCUSED), AT_EXCUSED);
	assert_int_equal(meeting_effective_status(&off, AT_ABSENT), AT_ABSENT);
	assert_int_equal(meeting_effective_status(&prob, AT_PRESENT), AT_PRESENT);
	st[0] = AT_PRESENT;
	st[1] = AT_PRESENT;
	st[2] = AT_ABSENT;
	st[3] = AT_EXCUSED;
	st[4] = AT_NOT_COUNTED;
	st[5] = AT_NOT_COUNTED;
	st[6] = AT_PRESENT;
	st[7] = AT_EXCUSED;
	assert_int_equal(meeting_quorum_base(st, 8), 4);
	assert_int_equal(meeting_quorum_base(st, 0), 0);
	assert_true(meeting_expected(MS_SUSPENDED));
	assert_true(meeting_expected(MS_EXEMPT));
	assert_false(meeting_expected(MS_REMOVED));
	assert_false(meeting_expected(MS_TRANSFERRED_OUT));
}

static void test_votes_and_times(void **state)
{
	struct err e;
	char t[6];
	int m = -1;

	(void)state;
	err_init(&e);
	assert_int_equal(meeting_check_votes(5, 3, 1, 1, &e), ERR_OK);
	assert_int_equal(meeting_check_votes(5, 3, 2, 1, &e), ERR_INPUT);
	err_clear(&e);
	assert_int_equal(meeting_check_votes(5, -1, 0, 0, &e), ERR_INPUT);
	assert_string_equal(e.items[0].field, "for");
	err_cleanup(&e);
	assert_int_equal(meeting_parse_time("07:30", &m), 0);
	assert_int_equal(m, 450);
	assert_int_equal(meeting_parse_time("24:00", &m), 0);
	assert_int_equal(m, 1440);
	assert_int_equal(meeting_parse_time("24:01", &m), -1);
	assert_int_equal(meeting_parse_time("7:30", &m), -1);
	assert_int_equal(meeting_parse_time("07:60", &m), -1);
	assert_string_equal(meeting_format_time(539, t), "08:59");
	assert_int_equal(meeting_kind_parse("thematic"), MK_THEMATIC);
	assert_int_equal(meeting_kind_parse("weekly"), -1);
	assert_string_equal(attend_status_name(AT_NOT_COUNTED), "not_counted");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_minutes),
		cmocka_unit_test(test_quorum_passes),
		cmocka_unit_test(test_quorum_base),
		cmocka_unit_test(test_votes_and_times),
	};

	return cmocka_run_group_tests(tests, load_rules, free_rules);
}
