/* test_text.c - unit tests of text as it comes in (core/text) and of today in a zone
 * (core/clock). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/text.h"
#include "lib/buf.h"

static void assert_clean(const char *in, unsigned flags, const char *want)
{
	struct buf b;
	struct text_check tc;

	buf_init(&b, 0);
	if (text_clean(in, 1000, flags, &b, &tc) != 0)
		fail_msg("cleaning \"%s\" failed with problem %d", in, (int)tc.problem);
	assert_string_equal(buf_str(&b), want);
	buf_cleanup(&b);
}

static enum text_problem problem_of(const char *in, size_t max, unsigned flags)
{
	struct buf b;
	struct text_check tc;

	buf_init(&b, 0);
	assert_int_equal(text_clean(in, max, flags, &b, &tc), -1);
	assert_int_equal(b.len, 0);
	buf_cleanup(&b);
	return tc.problem;
}

static void test_clean_nfc_and_space(void **state)
{
	(void)state;
	/* Tày typed in NFD (a + combining grave) is stored as NFC. */
	assert_clean("Ta\xcc\x80y", 0, "Tày");
	assert_clean("  Xã  Tân\tLập  ", 0, "Xã Tân Lập");
	assert_clean("", 0, "");
	assert_clean("   ", 0, "");
	/* Line breaks: spaces in a one-line field, kept (at most one blank line) in a reason. */
	assert_clean("một\r\nhai", 0, "một hai");
	assert_clean(" một  \r\n  hai\n\n\n\nba ", TEXT_LINES, "một\nhai\n\nba");
	/* Zero-width space and BOM are dropped. */
	assert_clean("\xef\xbb\xbfHù\xe2\x80\x8bng", 0, "Hùng");
	/* Clean Latin text takes the short way (no ICU) and comes out as it went in; anything
	 * just outside it (a combining mark after a precomposed letter, a doubled space, a
	 * no-break space, a letter past U+024F) still goes the long way. */
	assert_clean("Đặng Thị Ngọc Ánh, xã Đồng Ưng", 0, "Đặng Thị Ngọc Ánh, xã Đồng Ưng");
	assert_clean("Nguye\xcc\x82\xcc\x83n", 0, "Nguyễn");
	assert_clean("a\xcc\x81", 0, "á");
	assert_clean("\xe1\xba\xa1\xcc\x82", 0, "\xe1\xba\xad"); /* ạ + circumflex: ậ */
	assert_clean("Đặng  Văn", 0, "Đặng Văn");
	assert_clean("Đặng\xc2\xa0Văn", 0, "Đặng Văn");
	assert_clean("\xc9\x90 Ươ", 0, "\xc9\x90 Ươ");
}

static void test_clean_refuses(void **state)
{
	(void)state;
	assert_int_equal(problem_of("An\xe1\xba", 100, 0), TEXT_UTF8);
	assert_int_equal(problem_of("\xc0\xaf", 100, 0), TEXT_UTF8);
	assert_int_equal(problem_of("a\x1b[31mb", 100, 0), TEXT_CONTROL);
	assert_int_equal(problem_of("a\x07", 100, TEXT_LINES), TEXT_CONTROL);
	assert_int_equal(problem_of("a\x7f", 100, 0), TEXT_CONTROL);
	assert_int_equal(problem_of("a\xc2\x9b", 100, 0), TEXT_CONTROL);
	assert_int_equal(problem_of("Nguy\xe2\x80\xae" "nễ", 100, 0), TEXT_BIDI);
	assert_int_equal(problem_of("\xe2\x80\xaa", 100, 0), TEXT_BIDI);
	assert_int_equal(problem_of("\xe2\x81\xa9x", 100, 0), TEXT_BIDI);
}

static void test_clean_length_after_nfc(void **state)
{
	struct buf b;
	struct text_check tc;
	char msg[256];
	char nfd[64 * 3 + 1];
	size_t i;

	(void)state;
	/* 64 NFD "à" are 192 bytes as typed and 128 after NFC: within a limit of 128. */
	for (i = 0; i < 64; i++)
		memcpy(nfd + 3 * i, "a\xcc\x80", 3);
	nfd[192] = 0;
	buf_init(&b, 0);
	assert_int_equal(text_clean(nfd, 128, 0, &b, &tc), 0);
	assert_int_equal(b.len, 128);
	assert_int_equal(text_clean(nfd, 127, 0, &b, &tc), -1);
	assert_int_equal(tc.problem, TEXT_LONG);
	assert_int_equal(tc.len, 128);
	text_why(&tc, "the reason", msg, sizeof msg);
	assert_non_null(strstr(msg, "the limit is 127"));
	assert_non_null(strstr(msg, "128 bytes"));
	buf_cleanup(&b);
}

static void test_accept_into_field(void **state)
{
	struct err e;
	char dst[16];

	(void)state;
	err_init(&e);
	assert_int_equal(text_accept("Ta\xcc\x80y", 15, 0, dst, sizeof dst, &e, 3, "ethnicity",
				     NULL), 0);
	assert_string_equal(dst, "Tày");
	assert_int_equal(text_accept("Tày Tày Tày Tày", 15, 0, dst, sizeof dst, &e, 4,
				     "ethnicity", NULL), -1);
	assert_string_equal(dst, "Tày");
	assert_int_equal(e.code, ERR_INPUT);
	assert_int_equal(e.items[0].line, 4);
	assert_string_equal(e.items[0].field, "ethnicity");
	assert_non_null(strstr(e.items[0].msg, "the limit is 15"));
	err_cleanup(&e);
}

static void test_escape_controls(void **state)
{
	struct buf b;
	const char *s = "a\x1b[2Jb\x07\tc\n\xe2\x80\xae\xc2\x9b\xff\xe1\xbb\x87";

	(void)state;
	buf_init(&b, 0);
	text_escape_controls(s, strlen(s), &b);
	assert_string_equal(buf_str(&b), "a\\x1b[2Jb\\x07\tc\n\\u202e\\u009b\\xffệ");
	buf_cleanup(&b);
}

static void test_copy_keeps_utf8(void **state)
{
	char d[8];

	(void)state;
	assert_int_equal(text_copy(d, sizeof d, "abc"), 1);
	assert_string_equal(d, "abc");
	/* "ễễễ" is 9 bytes: cut before the third letter, never inside it. */
	assert_int_equal(text_copy(d, sizeof d, "ễễễ"), 0);
	assert_string_equal(d, "ễễ");
	assert_int_equal(text_copy(d, sizeof d, "a\xe1\xba"), 0);
	assert_string_equal(d, "a\xef\xbf\xbd\xef\xbf\xbd");
	assert_true(text_utf8_valid("ệ", 3));
	assert_false(text_utf8_valid("\xe1\xba", 2));
}

static void test_today_in_zone(void **state)
{
	date_t d;
	/* 2026-11-23T18:30:00Z: still the 23rd in UTC, already the 24th in Vietnam. */
	int64_t t = 1795458600;

	(void)state;
	assert_int_equal(clock_date_in_zone(t, "UTC", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 11, 23));
	assert_int_equal(clock_date_in_zone(t, NULL, &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 11, 24));
	assert_int_equal(clock_date_in_zone(t, "Asia/Ho_Chi_Minh", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 11, 24));
	/* 16:59:59Z is the last second of the Vietnamese day. */
	assert_int_equal(clock_date_in_zone(1795453199, "", &d), 0);
	assert_int_equal(d, date_from_ymd(2026, 11, 23));
	assert_int_equal(clock_date_in_zone(t, "Mars/Olympus", &d), -1);
	assert_int_equal(d, date_from_ymd(2026, 11, 23));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean_nfc_and_space),
		cmocka_unit_test(test_clean_refuses),
		cmocka_unit_test(test_clean_length_after_nfc),
		cmocka_unit_test(test_accept_into_field),
		cmocka_unit_test(test_escape_controls),
		cmocka_unit_test(test_copy_keeps_utf8),
		cmocka_unit_test(test_today_in_zone),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
