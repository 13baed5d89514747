/* test_insp.c - inspection and supervision (core/insp.c): the words round-trip, the kinds a
 * programme takes, the order of a case's states (each action refused out of order, saying
 * the state), document numbers canonical or refused with the parser's byte, and the dates
 * at their boundaries (the same day accepted, the day before refused, tomorrow refused). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "core/insp.h"

static void test_names(void **state)
{
	enum insp_kind k;
	enum insp_state s;
	enum insp_conclusion c;
	enum insp_body b;
	enum insp_pkind pk;
	int i;

	(void)state;
	for (i = 0; i < IK__COUNT; i++) {
		assert_int_equal(insp_kind_parse(insp_kind_name((enum insp_kind)i), &k), 0);
		assert_int_equal((int)k, i);
	}
	for (i = 0; i < IS__COUNT; i++) {
		assert_int_equal(insp_state_parse(insp_state_name((enum insp_state)i), &s), 0);
		assert_int_equal((int)s, i);
	}
	for (i = 1; i < ICN__COUNT; i++) {
		assert_int_equal(
			insp_conclusion_parse(insp_conclusion_name((enum insp_conclusion)i), &c), 0);
		assert_int_equal((int)c, i);
	}
	assert_int_equal(insp_conclusion_parse("", &c), -1);
	assert_int_equal(insp_body_parse("inspection", &b), 0);
	assert_int_equal(b, IB_INSPECTION);
	assert_int_equal(insp_body_parse("Committee", &b), -1);
	assert_int_equal(insp_pkind_parse("supervision", &pk), 0);
	assert_int_equal(pk, IPK_SUPERVISION);
	assert_int_equal(insp_kind_parse(NULL, &k), -1);
	assert_string_equal(insp_kind_name(IK_DISCIPLINE_EXEC), "discipline_exec");
	assert_string_equal(insp_conclusion_name(ICN_VIOLATION_DISCIPLINE), "violation_discipline");
}

static void test_kinds_fit(void **state)
{
	(void)state;
	assert_true(insp_kind_fits(IPK_INSPECTION, IK_PLAN));
	assert_true(insp_kind_fits(IPK_INSPECTION, IK_SIGNS));
	assert_true(insp_kind_fits(IPK_INSPECTION, IK_DISCIPLINE_EXEC));
	assert_true(insp_kind_fits(IPK_INSPECTION, IK_FINANCE));
	assert_false(insp_kind_fits(IPK_INSPECTION, IK_REGULAR));
	assert_false(insp_kind_fits(IPK_INSPECTION, IK_THEMATIC));
	assert_true(insp_kind_fits(IPK_SUPERVISION, IK_REGULAR));
	assert_true(insp_kind_fits(IPK_SUPERVISION, IK_THEMATIC));
	assert_false(insp_kind_fits(IPK_SUPERVISION, IK_PLAN));
	assert_false(insp_kind_fits(IPK_SUPERVISION, IK_SIGNS));
	assert_int_equal(insp_kind_group(IK_SIGNS), IG_SIGNS);
	assert_int_equal(insp_kind_group(IK_FINANCE), IG_INSPECTION);
	assert_int_equal(insp_kind_group(IK_THEMATIC), IG_SUPERVISION);
}

static void test_state_order(void **state)
{
	struct err e;
	int s, a;

	(void)state;
	for (s = 0; s < IS__COUNT; s++)
		for (a = 0; a < IA__COUNT; a++) {
			err_init(&e);
			insp_action_check((enum insp_state)s, (enum insp_action)a, &e);
			if (insp_action_from((enum insp_action)a) == (enum insp_state)s) {
				assert_int_equal(e.code, ERR_OK);
			} else {
				assert_int_equal(e.code, ERR_RULE);
				assert_int_equal(e.n, 1);
				assert_string_equal(e.items[0].field, "state");
				assert_non_null(strstr(e.items[0].msg,
						       insp_state_name((enum insp_state)s)));
			}
			err_cleanup(&e);
		}
	assert_int_equal(insp_action_to(IA_CONCLUDE), IS_CONCLUDED);
	assert_int_equal(insp_action_to(IA_NOTIFY), IS_NOTIFIED);
	assert_int_equal(insp_action_to(IA_FOLLOWUP), IS_NOTIFIED);
	assert_int_equal(insp_action_to(IA_CLOSE), IS_CLOSED);
	err_init(&e);
	insp_action_check(IS_CLOSED, IA_CONCLUDE, &e);
	assert_string_equal(e.items[0].msg, "the case is closed: only an open case can be concluded");
	err_cleanup(&e);
}

static void test_docnum(void **state)
{
	char out[INSP_DOC_MAX];
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(insp_docnum("Số 12 - qd/ubkt", 1, out, sizeof out, 0, "decision_no", &e), 0);
	assert_string_equal(out, "12-QĐ/UBKT");
	assert_int_equal(insp_docnum("", 0, out, sizeof out, 0, "notice_no", &e), 0);
	assert_string_equal(out, "");
	assert_int_equal(e.code, ERR_OK);
	assert_int_equal(insp_docnum("", 1, out, sizeof out, 3, "decision_no", &e), -1);
	assert_int_equal(insp_docnum("12-XX/UBKT", 1, out, sizeof out, 3, "decision_no", &e), -1);
	assert_int_equal(e.code, ERR_INPUT);
	assert_int_equal(e.n, 2);
	assert_int_equal(e.items[1].line, 3);
	assert_string_equal(e.items[1].field, "decision_no");
	assert_string_equal(e.items[1].value, "12-XX/UBKT");
	assert_non_null(strstr(e.items[1].msg, "at byte 3"));
	err_cleanup(&e);
}

static void test_dates(void **state)
{
	date_t open = date_from_ymd(2024, 3, 10), today = date_from_ymd(2024, 6, 1);
	struct err e;

	(void)state;
	err_init(&e);
	/* the same day as the opening, and today, are accepted */
	assert_int_equal(insp_date_check(open, 1, open, "the decision", today, 0, "concluded_on",
					 "the conclusion", &e), 0);
	assert_int_equal(insp_date_check(today, 1, open, "the decision", today, 0, "concluded_on",
					 "the conclusion", &e), 0);
	assert_int_equal(insp_date_check(DATE_NONE, 0, open, "the decision", today, 0, "x", "x",
					 &e), 0);
	assert_int_equal(e.code, ERR_OK);
	/* the day before the opening, tomorrow, missing */
	assert_int_equal(insp_date_check(open - 1, 1, open, "the decision opening the case", today,
					 0, "concluded_on", "the conclusion", &e), -1);
	assert_string_equal(e.items[0].msg, "the date of the conclusion (2024-03-09) is before that "
					    "of the decision opening the case (2024-03-10)");
	assert_int_equal(insp_date_check(today + 1, 1, open, "the decision", today, 0,
					 "concluded_on", "the conclusion", &e), -1);
	assert_non_null(strstr(e.items[1].msg, "in the future"));
	assert_int_equal(insp_date_check(DATE_NONE, 1, open, "the decision", today, 0,
					 "concluded_on", "the conclusion", &e), -1);
	assert_int_equal(e.n, 3);
	assert_string_equal(e.items[2].field, "concluded_on");
	err_cleanup(&e);
	{
		date_t d;

		err_init(&e);
		assert_int_equal(insp_date_in("2024-02-30", &d, 4, "on", &e), -1);
		assert_int_equal(e.items[0].line, 4);
		assert_int_equal(insp_date_in("", &d, 0, "on", &e), 0);
		assert_int_equal(d, DATE_NONE);
		err_cleanup(&e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),       cmocka_unit_test(test_kinds_fit),
		cmocka_unit_test(test_state_order), cmocka_unit_test(test_docnum),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
