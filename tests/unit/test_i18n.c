/* test_i18n.c - unit tests of the reader's conventions (core/locfmt: numbers, percentages,
 * dates, instants), of the Vietnamese words of coded CSV values (core/vi_codes), of messages
 * translated by the err translator (core/err) and of problem details without CLI hints. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "core/date.h"
#include "core/err.h"
#include "core/locfmt.h"
#include "core/vi_codes.h"
#include "http/http.h"

static void test_numbers(void **state)
{
	char s[32];

	(void)state;
	assert_string_equal(locfmt_long(s, sizeof s, 29073, "vi"), "29.073");
	assert_string_equal(locfmt_long(s, sizeof s, 29073, "en"), "29073");
	assert_string_equal(locfmt_long(s, sizeof s, 5600000, "vi"), "5.600.000");
	assert_string_equal(locfmt_long(s, sizeof s, 999, "vi"), "999");
	assert_string_equal(locfmt_long(s, sizeof s, 1000, "vi"), "1.000");
	assert_string_equal(locfmt_long(s, sizeof s, 0, "vi"), "0");
	assert_string_equal(locfmt_long(s, sizeof s, -1234567, "vi"), "-1.234.567");
	assert_string_equal(locfmt_long(s, sizeof s, INT64_MIN, "vi"),
			    "-9.223.372.036.854.775.808");
	assert_string_equal(locfmt_long(s, sizeof s, 3598, NULL), "3598");
	/* a short buffer is cut, never overrun */
	assert_string_equal(locfmt_long(s, 4, 29073, "vi"), "29.");
}

static void test_percentages(void **state)
{
	char s[32];

	(void)state;
	assert_string_equal(locfmt_pct(s, sizeof s, 9703, 10000, "vi"), "97,03");
	assert_string_equal(locfmt_pct(s, sizeof s, 9703, 10000, "en"), "97.03");
	assert_string_equal(locfmt_pct(s, sizeof s, 1, 3, "vi"), "33,33");
	assert_string_equal(locfmt_pct(s, sizeof s, 5, 5, "vi"), "100,00");
	assert_string_equal(locfmt_pct(s, sizeof s, 5, 0, "vi"), "");
}

static void test_dates(void **state)
{
	char s[32];

	(void)state;
	assert_string_equal(locfmt_date(s, sizeof s, date_from_ymd(2026, 12, 6), "vi"),
			    "06/12/2026");
	assert_string_equal(locfmt_date(s, sizeof s, date_from_ymd(2026, 12, 6), "en"),
			    "2026-12-06");
	assert_string_equal(locfmt_date(s, sizeof s, date_from_ymd(1946, 1, 9), "vi"),
			    "09/01/1946");
	assert_string_equal(locfmt_date(s, sizeof s, DATE_NONE, "vi"), "");
}

static void test_instants(void **state)
{
	char s[64];

	(void)state;
	/* UTC 20:30 is 03:30 the next day in Hanoi (UTC+7, no summer time). */
	assert_string_equal(locfmt_instant(s, sizeof s, "2026-12-05T20:30:15Z", NULL, "vi"),
			    "03:30:15 06/12/2026");
	assert_string_equal(locfmt_instant(s, sizeof s, "2026-12-05T20:30:15Z",
					   "Asia/Ho_Chi_Minh", "en"),
			    "2026-12-06 03:30:15");
	assert_string_equal(locfmt_instant(s, sizeof s, "2026-12-05T20:30:15Z", "UTC", "vi"),
			    "20:30:15 05/12/2026");
	/* not an instant, or an unknown zone: shown as it is */
	assert_string_equal(locfmt_instant(s, sizeof s, "yesterday", NULL, "vi"), "yesterday");
	assert_string_equal(locfmt_instant(s, sizeof s, "2026-12-05T20:30:15Z", "Mars/Olympus",
					   "vi"),
			    "2026-12-05T20:30:15Z");
}

static void test_vi_codes(void **state)
{
	(void)state;
	assert_string_equal(vi_code("sex", "nữ"), "female");
	assert_string_equal(vi_code("sex", "NỮ"), "female");
	assert_string_equal(vi_code("sex", "nu"), "female");
	assert_string_equal(vi_code("sex", " Nam "), "male");
	assert_string_equal(vi_code("status", "chính thức"), "official");
	assert_string_equal(vi_code("status", "Chinh Thuc"), "official");
	assert_string_equal(vi_code("status", "dự bị"), "probationary");
	assert_string_equal(vi_code("status", "miễn sinh hoạt"), "exempt");
	assert_string_equal(vi_code("status", "đình chỉ sinh hoạt"), "suspended");
	assert_string_equal(vi_code("grade", "Hoàn thành xuất sắc nhiệm vụ"), "excellent");
	assert_string_equal(vi_code("grade", "hoàn thành tốt nhiệm vụ"), "good");
	assert_string_equal(vi_code("grade", "hoàn thành nhiệm vụ"), "complete");
	assert_string_equal(vi_code("grade", "không hoàn thành nhiệm vụ"), "not_complete");
	assert_string_equal(vi_code("step", "quyết định"), "decision");
	/* not a word of that column, the codes themselves, nothing */
	assert_null(vi_code("sex", "chính thức"));
	assert_null(vi_code("status", "official"));
	assert_null(vi_code("grade", "giỏi"));
	assert_null(vi_code("sex", ""));
	assert_null(vi_code("sex", NULL));
	assert_string_equal(vi_code_or("sex", "female"), "female");
}

static const char *fake_translate(const char *lang, const char *msgid)
{
	(void)lang;
	if (!strcmp(msgid, "no member has the id %lld; 'cadre member search NAME' finds ids"))
		return "không có đảng viên nào mã %lld; 'cadre member search TÊN' tìm mã đảng viên";
	return NULL;
}

static void test_err_translated(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	err_set_translator(fake_translate);
	err_lang_set("vi");
	err_set(&e, ERR_NOTFOUND, "no member has the id %lld; 'cadre member search NAME' finds ids",
		42LL);
	assert_string_equal(e.items[0].msg,
			    "không có đảng viên nào mã 42; 'cadre member search TÊN' tìm mã đảng viên");
	/* the API's form of it: the CLI hint left out */
	problem_neutral(e.items[0].msg);
	assert_string_equal(e.items[0].msg, "không có đảng viên nào mã 42");
	err_lang_set("en");
	err_set(&e, ERR_NOTFOUND, "no member has the id %lld; 'cadre member search NAME' finds ids",
		7LL);
	assert_string_equal(e.items[1].msg,
			    "no member has the id 7; 'cadre member search NAME' finds ids");
	assert_string_equal(err_lang_of_locale("vi_VN.UTF-8"), "vi");
	assert_string_equal(err_lang_of_locale("vi"), "vi");
	assert_string_equal(err_lang_of_locale("C.UTF-8"), "en");
	assert_string_equal(err_lang_of_locale("vim"), "en");
	assert_string_equal(err_lang_of_locale(NULL), "en");
	err_set_translator(NULL);
	err_cleanup(&e);
}

static void test_problem_neutral(void **state)
{
	char m[256];

	(void)state;
	snprintf(m, sizeof m, "%s", "'A' still has 2 sub-organisations (first: 'B'); move them "
				    "first with 'cadre org move'");
	problem_neutral(m);
	assert_string_equal(m, "'A' still has 2 sub-organisations (first: 'B')");
	snprintf(m, sizeof m, "%s", "a member id is a whole number above 0 ('cadre member list' "
				    "shows them)");
	problem_neutral(m);
	assert_string_equal(m, "a member id is a whole number above 0");
	snprintf(m, sizeof m, "%s", "'X' still has 3 members on its roll; give --members-to CODE "
				    "to say where they go, or transfer them first");
	problem_neutral(m);
	assert_string_equal(m, "'X' still has 3 members on its roll; give members-to CODE to say "
			       "where they go, or transfer them first");
	snprintf(m, sizeof m, "%s", "a; b 'cadre x'; c");
	problem_neutral(m);
	assert_string_equal(m, "a; c");
	snprintf(m, sizeof m, "%s", "-- and x--y stay");
	problem_neutral(m);
	assert_string_equal(m, "-- and x--y stay");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_percentages),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_instants),
		cmocka_unit_test(test_vi_codes),
		cmocka_unit_test(test_err_translated),
		cmocka_unit_test(test_problem_neutral),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
