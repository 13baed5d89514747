/* test_training.c - a member's training record (core/training.c): the kinds, the fields
 * checked and normalised, every problem at once, the end at its boundary (the same day as
 * the start accepted, the day before refused), an edit that leaves the other fields. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>

#include "core/training.h"

static int has_field(const struct err *e, const char *field)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->items[i].field, field))
			return 1;
	return 0;
}

static void test_kinds(void **state)
{
	enum training_kind k;
	int i;

	(void)state;
	for (i = 0; i < TK__COUNT; i++) {
		assert_int_equal(training_kind_parse(training_kind_name((enum training_kind)i), &k), 0);
		assert_int_equal((int)k, i);
	}
	assert_string_equal(training_kind_name(TK_LONG_TERM), "long_term");
	assert_string_equal(training_kind_name(TK_IN_SERVICE), "in_service");
	assert_int_equal(training_kind_parse("Long_term", &k), -1);
	assert_int_equal(training_kind_parse("", &k), -1);
	assert_int_equal(training_kind_parse(NULL, &k), -1);
}

static void test_good_normalised(void **state)
{
	struct training t;
	struct training_input in = {"  Cao cấp   lý luận\tchính trị ", "Học viện Chính trị",
				    "long_term", "2025-09-01", "2026-06-30", "Giỏi", "CC-1", "ghi chú"};
	struct err e;

	(void)state;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &in, 0, &e), ERR_OK);
	assert_string_equal(t.course, "Cao cấp lý luận chính trị");
	assert_int_equal(t.kind, TK_LONG_TERM);
	assert_int_equal(t.to - t.from, 302);
	err_cleanup(&e);
}

static void test_nfc(void **state)
{
	struct training t;
	/* "Bồi" with the combining grave and circumflex written apart */
	struct training_input in = {"Bo\xcc\x82\xcc\x80i du\xcc\x9bo\xcc\x9b\xcc\x83ng", "S", "short",
				    "2025-01-01", NULL, NULL, NULL, NULL};
	struct err e;

	(void)state;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &in, 0, &e), ERR_OK);
	assert_string_equal(t.course, "Bồi dưỡng");
	err_cleanup(&e);
}

static void test_every_problem(void **state)
{
	struct training t;
	struct training_input in = {"", " ", "weekly", "2025-02-30", "2024-13-01", NULL,
				    "\x01", NULL};
	struct err e;

	(void)state;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &in, 7, &e), ERR_INPUT);
	assert_true(has_field(&e, "course"));
	assert_true(has_field(&e, "school"));
	assert_true(has_field(&e, "kind"));
	assert_true(has_field(&e, "from"));
	assert_true(has_field(&e, "to"));
	assert_true(has_field(&e, "certificate"));
	assert_int_equal(e.items[0].line, 7);
	err_cleanup(&e);
}

static void test_end_boundary(void **state)
{
	struct training t;
	struct training_input same = {"K", "S", "short", "2025-03-01", "2025-03-01", NULL, NULL,
				      NULL};
	struct training_input before = {"K", "S", "short", "2025-03-01", "2025-02-28", NULL,
					NULL, NULL};
	struct err e;

	(void)state;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &same, 0, &e), ERR_OK);
	training_init(&t);
	assert_int_equal(training_apply(&t, &before, 0, &e), ERR_INPUT);
	assert_int_equal((int)e.n, 1);
	assert_string_equal(e.items[0].field, "to");
	assert_non_null(strstr(e.items[0].msg, "before it starts"));
	err_cleanup(&e);
}

static void test_edit_keeps_the_rest(void **state)
{
	struct training t;
	struct training_input add = {"K", "S", "school", "2025-03-01", "2025-06-01", "Khá", "C9",
				     NULL};
	struct training_input edit = {NULL, NULL, NULL, NULL, "", "Giỏi", NULL, NULL};
	struct training_input clear = {"", NULL, NULL, NULL, NULL, NULL, NULL, NULL};
	struct err e;

	(void)state;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &add, 0, &e), ERR_OK);
	assert_int_equal(training_apply(&t, &edit, 0, &e), ERR_OK);
	assert_int_equal(t.to, DATE_NONE); /* "" clears the end: under way */
	assert_string_equal(t.result, "Giỏi");
	assert_string_equal(t.certificate, "C9");
	assert_int_equal(t.kind, TK_SCHOOL);
	/* a required field cannot be cleared */
	assert_int_equal(training_apply(&t, &clear, 0, &e), ERR_INPUT);
	assert_true(has_field(&e, "course"));
	err_cleanup(&e);
}

static void test_long_text(void **state)
{
	char big[TRAINING_COURSE_MAX + 2];
	struct training t;
	struct training_input in = {big, "S", "short", "2025-01-01", NULL, NULL, NULL, NULL};
	struct err e;

	(void)state;
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	err_init(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &in, 0, &e), ERR_INPUT);
	assert_true(has_field(&e, "course"));
	assert_int_equal((int)e.n, 1); /* not "give the course" as well */
	big[sizeof big - 2] = 0;
	err_clear(&e);
	training_init(&t);
	assert_int_equal(training_apply(&t, &in, 0, &e), ERR_OK);
	err_cleanup(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_good_normalised),
		cmocka_unit_test(test_nfc),
		cmocka_unit_test(test_every_problem),
		cmocka_unit_test(test_end_boundary),
		cmocka_unit_test(test_edit_keeps_the_rest),
		cmocka_unit_test(test_long_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
