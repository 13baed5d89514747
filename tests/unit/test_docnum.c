/* test_docnum.c - the number of a document (core/docnum.c): every example of DOMAIN §9 and
 * seed 003, the spellings offices type normalised to one, and hostile input refused with the
 * byte offset and what was expected there. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/docnum.h"

static void ok(const char *in, const char *number, const char *num, const char *type,
	       const char *issuer)
{
	struct docnum d;
	struct docnum_error pe = {0, NULL};

	if (docnum_parse(in, strlen(in), &d, &pe) != 0)
		fail_msg("'%s' refused at %zu: %s", in, pe.offset, pe.expected);
	assert_string_equal(d.number, number);
	assert_string_equal(d.num, num);
	assert_string_equal(d.type, type);
	assert_string_equal(d.issuer, issuer);
}

static void bad(const char *in, size_t len, size_t offset, const char *expect_part)
{
	struct docnum d;
	struct docnum_error pe = {0, NULL};

	if (docnum_parse(in, len, &d, &pe) == 0)
		fail_msg("'%s' accepted as %s", in, d.number);
	assert_int_equal(pe.offset, offset);
	assert_non_null(pe.expected);
	if (!strstr(pe.expected, expect_part))
		fail_msg("'%s': expected '%s' in '%s'", in, expect_part, pe.expected);
}

static void test_examples(void **state)
{
	(void)state;
	ok("21-NQ/TW", "21-NQ/TW", "21", "NQ", "TW");
	ok("35-CT/TW", "35-CT/TW", "35", "CT", "TW");
	ok("37-KL/TW", "37-KL/TW", "37", "KL", "TW");
	ok("769-NQ/QUTW", "769-NQ/QUTW", "769", "NQ", "QUTW");
	ok("2008/HD-CT", "2008/HD-CT", "2008", "HD", "CT");
	ok("527/HD-CT", "527/HD-CT", "527", "HD", "CT");
	ok("168-KH/ĐU", "168-KH/ĐU", "168", "KH", "ĐU");
	ok("243-CTr/ĐU", "243-CTr/ĐU", "243", "CTr", "ĐU");
	ok("126-QĐ/TW", "126-QĐ/TW", "126", "QĐ", "TW");
	ok("54/2017/TT-BQP", "54/2017/TT-BQP", "54/2017", "TT", "BQP");
	ok("01-CT/TW", "01-CT/TW", "01", "CT", "TW");
	ok("03-HD/BTGTW", "03-HD/BTGTW", "03", "HD", "BTGTW");
}

static void test_spellings(void **state)
{
	struct docnum d;

	(void)state;
	ok(" 21 - nq / tw ", "21-NQ/TW", "21", "NQ", "TW");
	ok("126-QD/TW", "126-QĐ/TW", "126", "QĐ", "TW");
	ok("126-qđ/tw", "126-QĐ/TW", "126", "QĐ", "TW");
	ok("168-KH/DU", "168-KH/ĐU", "168", "KH", "ĐU");
	ok("168-kh/đu", "168-KH/ĐU", "168", "KH", "ĐU");
	ok("168-KH/D\xCC\xB5U", "168-KH/ĐU", "168", "KH", "ĐU");   /* D + U+0335 */
	ok("168-KH/\xC3\x90U", "168-KH/ĐU", "168", "KH", "ĐU");    /* Ð U+00D0 */
	ok("243-CTR/DU", "243-CTr/ĐU", "243", "CTr", "ĐU");
	ok("243-ctr/đu", "243-CTr/ĐU", "243", "CTr", "ĐU");
	ok("21\xE2\x80\x93NQ/TW", "21-NQ/TW", "21", "NQ", "TW");   /* en-dash */
	ok("2008/HD\xE2\x80\x94" "CT", "2008/HD-CT", "2008", "HD", "CT"); /* em-dash */
	ok("54 / 2017 / tt - bqp", "54/2017/TT-BQP", "54/2017", "TT", "BQP");
	ok("Số 21-NQ/TW", "21-NQ/TW", "21", "NQ", "TW");
	ok("số: 769-NQ/QUTW", "769-NQ/QUTW", "769", "NQ", "QUTW");
	ok("21\xC2\xA0-NQ/TW", "21-NQ/TW", "21", "NQ", "TW");       /* no-break space */
	ok("12-NQ/ĐU-BCH", "12-NQ/ĐU-BCH", "12", "NQ", "ĐU-BCH");
	ok("15/QĐ-TTg", "15/QĐ-TTg", "15", "QĐ", "TTg");
	ok("15/qd-ttg", "15/QĐ-TTg", "15", "QĐ", "TTg");
	/* the shape is kept: B and C apart from A */
	assert_int_equal(docnum_parse("2008/HD-CT", 10, &d, NULL), 0);
	assert_int_equal(d.shape, DOCNUM_B);
	assert_int_equal(docnum_parse("54/2017/TT-BQP", 14, &d, NULL), 0);
	assert_int_equal(d.shape, DOCNUM_C);
	assert_string_equal(docnum_types[d.type_index].en, "circular");
	assert_string_equal(docnum_types[d.type_index].vi, "Thông tư");
}

static void test_refused(void **state)
{
	(void)state;
	bad("", 0, 0, "document's number, as 21-NQ/TW");
	bad("   ", 3, 3, "digits");
	bad("NQ-21/TW", 8, 0, "digits");
	bad("21", 2, 2, "after the number");
	bad("21 NQ/TW", 8, 3, "after the number");
	bad("21-XX/TW", 8, 3, "known type of document");
	bad("21-/TW", 6, 3, "known type");
	bad("21-NQ", 5, 5, "'/' between the type and the issuer");
	bad("21-NQ/", 6, 6, "the issuer");
	bad("21-NQ/TW/", 9, 8, "the end of the number");
	bad("21-NQ/TW-", 9, 9, "the issuer");
	bad("2008/HD/CT", 10, 7, "'-' between the type and the issuer");
	bad("54/17/TT-BQP", 12, 3, "a year of four digits");
	bad("54/2017-TT-BQP", 14, 7, "'/' after the year");
	bad("21-NQ/T\xC3\xA9", 9, 7, "no place in a document's number");
	bad("21-NQ/TW\x01", 9, 8, "no place");
	bad("21-NQ/TW\xff", 9, 8, "no place");
	bad("21-NQ/TW\xC4", 9, 8, "no place");    /* a cut character */
	bad("1234567-NQ/TW", 13, 6, "at most 6 digits");
	bad("21-NQ/<script>", 14, 6, "no place");
	bad("21-NQ/TW'; DROP TABLE document;--", 33, 8, "no place");
	bad("21-NQ/TWAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 56, 6, "shorter issuer");
	bad(NULL, 0, 0, "document's number");
}

static void test_nul_and_long(void **state)
{
	static char big[400];
	struct docnum d;
	struct docnum_error pe;

	(void)state;
	/* a NUL inside the given length is a character like any other */
	assert_int_equal(docnum_parse("21-NQ\0/TW", 9, &d, &pe), -1);
	assert_int_equal(pe.offset, 5);
	/* the length given is what counts, not a NUL */
	assert_int_equal(docnum_parse("21-NQ/TWxyz", 8, &d, &pe), 0);
	assert_string_equal(d.number, "21-NQ/TW");
	memset(big, '1', sizeof big);
	assert_int_equal(docnum_parse(big, sizeof big, &d, &pe), -1);
	assert_int_equal(pe.offset, DOCNUM_INPUT_MAX);
}

static void test_fold_and_types(void **state)
{
	char f[64];

	(void)state;
	assert_string_equal(docnum_fold("168-KH/ĐU", f, sizeof f), "168-kh/du");
	assert_string_equal(docnum_fold("126-QĐ/TW", f, sizeof f), "126-qd/tw");
	assert_string_equal(docnum_fold("21-NQ/TW", f, 4), "21-");
	assert_non_null(docnum_type_find("qd"));
	assert_string_equal(docnum_type_find("QD")->code, "QĐ");
	assert_string_equal(docnum_type_find("ctr")->en, "programme");
	assert_string_equal(docnum_type_find("CT")->en, "directive");
	assert_string_equal(docnum_type_find("KL")->vi, "Kết luận");
	assert_string_equal(docnum_type_find("TB")->en, "notice");
	assert_string_equal(docnum_type_find("BC")->en, "report");
	assert_null(docnum_type_find("XX"));
	assert_null(docnum_type_find(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_spellings),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_nul_and_long),
		cmocka_unit_test(test_fold_and_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
