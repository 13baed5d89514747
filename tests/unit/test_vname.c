/* test_vname.c - unit tests of Vietnamese name handling: normalising, splitting, folding, order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/vname.h"
#include "lib/buf.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

static void assert_fold(const char *in, const char *want)
{
	struct buf b;

	buf_init(&b, 0);
	vname_fold(in, &b);
	assert_string_equal(buf_str(&b), want);
	buf_cleanup(&b);
}

static void assert_normalizes(const char *in, const char *want)
{
	struct buf b;
	const char *why = "not reset";

	buf_init(&b, 0);
	if (vname_normalize(in, &b, &why) != 0)
		fail_msg("normalising \"%s\" failed: %s", in, why);
	assert_null(why);
	assert_string_equal(buf_str(&b), want);
	buf_cleanup(&b);
}

/* The input is rejected and the reason mentions word. */
static void assert_rejected(const char *in, const char *word)
{
	struct buf b;
	const char *why = NULL;

	buf_init(&b, 0);
	if (vname_normalize(in, &b, &why) == 0)
		fail_msg("\"%s\" was accepted as \"%s\"", in, buf_str(&b));
	assert_non_null(why);
	if (!strstr(why, word))
		fail_msg("reason \"%s\" does not mention \"%s\"", why, word);
	assert_int_equal(b.len, 0);
	buf_cleanup(&b);
}

static void assert_split(const char *full, const char *family, const char *middle,
	const char *given)
{
	struct buf f, m, g;

	buf_init(&f, 0);
	buf_init(&m, 0);
	buf_init(&g, 0);
	vname_split(full, &f, &m, &g);
	assert_string_equal(buf_str(&f), family);
	assert_string_equal(buf_str(&m), middle);
	assert_string_equal(buf_str(&g), given);
	buf_cleanup(&f);
	buf_cleanup(&m);
	buf_cleanup(&g);
}

static int dup_equal(const char *a, const char *b)
{
	struct buf ka, kb;
	int eq;

	buf_init(&ka, 0);
	buf_init(&kb, 0);
	vname_dup_key(a, &ka);
	vname_dup_key(b, &kb);
	eq = strcmp(buf_str(&ka), buf_str(&kb)) == 0;
	buf_cleanup(&ka);
	buf_cleanup(&kb);
	return eq;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* memcmp order of two sort keys, the shorter first on a common prefix. */
static int key_order(const char *a, const char *b)
{
	unsigned char ka[VNAME_KEY_MAX], kb[VNAME_KEY_MAX];
	size_t na = vname_sort_key(a, ka, sizeof ka), nb = vname_sort_key(b, kb, sizeof kb);
	int r;

	if (na == 0 || nb == 0)
		fail_msg("no sort key for \"%s\" or \"%s\"", a, b);
	r = memcmp(ka, kb, na < nb ? na : nb);
	if (r == 0)
		r = (na > nb) - (na < nb);
	return sign(r);
}

/* a sorts strictly before b, by vname_compare (both ways) and by the sort keys. */
static void assert_before(const char *a, const char *b)
{
	if (!(vname_compare(a, b) < 0 && vname_compare(b, a) > 0))
		fail_msg("vname_compare: \"%s\" should sort before \"%s\"", a, b);
	if (key_order(a, b) >= 0)
		fail_msg("sort key: \"%s\" should sort before \"%s\"", a, b);
}

static void assert_same_place(const char *a, const char *b)
{
	if (vname_compare(a, b) != 0)
		fail_msg("vname_compare: \"%s\" and \"%s\" should be equal", a, b);
	if (key_order(a, b) != 0)
		fail_msg("sort key: \"%s\" and \"%s\" should be equal", a, b);
}

/* Runs first: the functions open the collator themselves when vname_init was not called. */
static void test_lazy_init(void **state)
{
	char msg[256] = "";

	(void)state;
	vname_shutdown();
	assert_true(vname_compare("An", "Ân") < 0);
	vname_shutdown();
	vname_shutdown();
	assert_int_equal(vname_init(msg, sizeof msg), 0);
	assert_int_equal(vname_init(msg, sizeof msg), 0);
	assert_string_equal(msg, "");
	assert_true(vname_compare("Dũng", "Đức") < 0);
}

static void test_fold_vietnamese(void **state)
{
	(void)state;
	assert_fold("Đặng Văn Đức", "dang van duc");
	assert_fold("NGUYỄN  Thị   Ánh", "nguyen thi anh");
	assert_fold("Trương Ơn Ưng", "truong on ung");
	assert_fold("Ăn Ân Êm Ôn Đô đô", "an an em on do do");
	assert_fold("Hoàng Thị Mai", "hoang thi mai");
	assert_fold("Vàng Seo Phìn", "vang seo phin");
	assert_fold("Giàng A Páo", "giang a pao");
	assert_fold("  Lò\tVăn\nTấn  ", "lo van tan");
	/* Every tone on every vowel goes: the 132 precomposed vowels of Vietnamese. */
	assert_fold("àáảãạăằắẳẵặâầấẩẫậ ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ", "aaaaaaaaaaaaaaaaa aaaaaaaaaaaaaaaaa");
	assert_fold("èéẻẽẹêềếểễệ ÈÉẺẼẸÊỀẾỂỄỆ", "eeeeeeeeeee eeeeeeeeeee");
	assert_fold("ìíỉĩị ÌÍỈĨỊ ỳýỷỹỵ ỲÝỶỸỴ", "iiiii iiiii yyyyy yyyyy");
	assert_fold("òóỏõọôồốổỗộơờớởỡợ ÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ", "ooooooooooooooooo ooooooooooooooooo");
	assert_fold("ùúủũụưừứửữự ÙÚỦŨỤƯỪỨỬỮỰ", "uuuuuuuuuuu uuuuuuuuuuu");
	/* Decomposed input folds the same. */
	assert_fold("Nguye\xcc\x82\xcc\x83n", "nguyen");
	assert_fold("H'Mông", "h'mong");
	assert_fold("", "");
	assert_fold(" \t ", "");
}

static void test_fold_other_input(void **state)
{
	(void)state;
	/* Other scripts: lower-cased with marks removed. */
	assert_fold("Müller Ελένη ДЖОН", "muller ελενη джон");
	assert_fold("İstanbul", "istanbul");
	/* Invalid bytes and control characters are dropped, never passed on. */
	assert_fold("Hu\xffng", "hung");
	assert_fold("Hu\xe1\xbbng", "hung");
	assert_fold("Hu\x01ng\x7f", "hung");
	/* A word that was only a mark disappears with its space. */
	assert_fold("a \xcc\x81 b", "a b");
}

static void test_dup_key(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	/* A key, not text for display: lower-case, each word's tone mark moved to its end. */
	vname_dup_key("  NGUYỄN văn  hùng ", &b);
	assert_string_equal(buf_str(&b), "nguy\xc3\xaa\xc3\xb1 văn hung\xcc\x80");
	buf_cleanup(&b);
	assert_true(dup_equal("NGUYỄN văn  hùng", "Nguyễn Văn Hùng"));
	assert_true(dup_equal("Nguyễn\tVăn\nHùng", "Nguyễn Văn Hùng"));
	assert_true(dup_equal("Nguye\xcc\x82\xcc\x83n Văn Hùng", "Nguyễn Văn Hùng"));
	assert_true(dup_equal("ĐẶNG VĂN ĐỨC", "đặng văn đức"));
	/* Accents are kept: these are different people. */
	assert_false(dup_equal("Nguyễn Văn Hùng", "Nguyễn Văn Hưng"));
	assert_false(dup_equal("Nguyễn Văn Hùng", "Nguyễn Văn Hung"));
	assert_false(dup_equal("Đặng Văn Đức", "Dặng Văn Đức"));
	assert_false(dup_equal("Lê Thị Ân", "Lê Thị Ăn"));
}

static void test_normalize_accepts(void **state)
{
	(void)state;
	/* The literal is precomposed: N g u y ễ(3 bytes) n. */
	assert_int_equal(strlen("Nguyễn"), 8);
	assert_normalizes("Nguye\xcc\x82\xcc\x83n", "Nguyễn");
	/* Marks in the other order compose only as far as Unicode allows: ẽ + U+0302. */
	assert_normalizes("Nguye\xcc\x83\xcc\x82n", "Nguy\xe1\xba\xbd\xcc\x82n");
	assert_normalizes("Ho\xcc\x80ng Thi\xcc\xa3 Mai", "Hòng Thị Mai");
	assert_normalizes("  Nguyễn \t Văn\r\nHùng  ", "Nguyễn Văn Hùng");
	/* No-break space, next line and ideographic space are white space too. */
	assert_normalizes("Lò\xc2\xa0Văn\xc2\x85Tấn\xe3\x80\x80", "Lò Văn Tấn");
	/* Invisible zero-width space and BOM are dropped. */
	assert_normalizes("\xef\xbb\xbfHù\xe2\x80\x8bng", "Hùng");
	assert_normalizes("Giàng A Páo", "Giàng A Páo");
	assert_normalizes("H'Mông", "H'Mông");
	/* Case is kept. */
	assert_normalizes("NGUYỄN văn hùng", "NGUYỄN văn hùng");
	/* NULL why is allowed. */
	{
		struct buf b;

		buf_init(&b, 0);
		assert_int_equal(vname_normalize("An", &b, NULL), 0);
		assert_int_equal(vname_normalize("\x01", &b, NULL), -1);
		buf_cleanup(&b);
	}
}

static void test_normalize_rejects_bad_utf8(void **state)
{
	static const char *const bad[] = {
		"\xc0\xaf",                /* overlong '/' */
		"\xc1\xbf",                /* overlong DEL */
		"\xe0\x80\xaf",            /* overlong, 3 bytes */
		"\xf0\x80\x80\xaf",        /* overlong, 4 bytes */
		"Nguy\xe1\xbb",            /* truncated at the end */
		"Nguy\xe1\xbbn",           /* truncated in the middle */
		"\200An",                   /* stray continuation byte */
		"An\xbf",
		"\xed\xa0\x80",            /* surrogate U+D800 */
		"\xed\xbf\xbf",            /* surrogate U+DFFF */
		"\xed\xa0\xbd\xed\xb2\xa9", /* a CESU-8 surrogate pair */
		"\xf4\x90\x80\x80",        /* above U+10FFFF */
		"\xf8\x88\x80\x80\x80",    /* 5-byte form */
		"\xfe",
		"\xff",
		"Nguy\xean",               /* Windows-1252 "Nguyên" */
		"H\xf9ng",                 /* Windows-1258 "Hùng" */
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(bad); i++)
		assert_rejected(bad[i], "not valid UTF-8");
}

static void test_normalize_rejects_controls(void **state)
{
	static const char *const bad[] = {
		"\x01", "Nguy\x1b[31mn", "Hùng\x7f", "A\x08n", "\037An",
		"An\xc2\x80", "An\xc2\x9f", "Lò\x1cVăn",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_LEN(bad); i++)
		assert_rejected(bad[i], "control character");
}

static void test_normalize_empty_and_length(void **state)
{
	char s[1200];
	size_t i, n;

	(void)state;
	assert_rejected("", "empty");
	assert_rejected("   \t\r\n ", "empty");
	assert_rejected("\xe2\x80\x8b", "empty");
	assert_rejected(NULL, "empty");

	memset(s, 'a', VNAME_MAX);
	s[VNAME_MAX] = 0;
	assert_normalizes(s, s);
	s[VNAME_MAX] = 'a';
	s[VNAME_MAX + 1] = 0;
	assert_rejected(s, "longer than 200 bytes");
	memset(s, 'a', 1000);
	s[1000] = 0;
	assert_rejected(s, "longer than 200 bytes");

	/* Padding does not count: the length is measured after normalising. */
	n = 0;
	for (i = 0; i < 50; i++)
		s[n++] = ' ';
	memset(s + n, 'b', VNAME_MAX);
	n += VNAME_MAX;
	for (i = 0; i < 50; i++)
		s[n++] = '\t';
	s[n] = 0;
	{
		struct buf b;

		buf_init(&b, 0);
		assert_int_equal(vname_normalize(s, &b, NULL), 0);
		assert_int_equal(b.len, VNAME_MAX);
		buf_cleanup(&b);
	}

	/* 100 decomposed ê take 300 bytes, 200 once composed: accepted. */
	n = 0;
	for (i = 0; i < 100; i++) {
		memcpy(s + n, "e\xcc\x82", 3);
		n += 3;
	}
	s[n] = 0;
	{
		struct buf b;

		buf_init(&b, 0);
		assert_int_equal(vname_normalize(s, &b, NULL), 0);
		assert_int_equal(b.len, 200);
		assert_memory_equal(b.s, "\xc3\xaa\xc3\xaa", 4);
		buf_cleanup(&b);
	}
	memcpy(s + n, "e\xcc\x82", 4);
	assert_rejected(s, "longer than 200 bytes");

	/* A caller's buffer smaller than the name is reported as too long, not cut. */
	{
		struct buf b;
		const char *why = NULL;

		buf_init(&b, 8);
		assert_int_equal(vname_normalize("Nguyễn Văn Hùng", &b, &why), -1);
		assert_non_null(why);
		assert_int_equal(b.len, 0);
		buf_cleanup(&b);
	}
}

static void test_split(void **state)
{
	struct buf g;

	(void)state;
	assert_split("Nguyễn Văn Hùng", "Nguyễn", "Văn", "Hùng");
	assert_split("Tôn Nữ Thị Ngọc Lan", "Tôn", "Nữ Thị Ngọc", "Lan");
	assert_split("Hùng", "", "", "Hùng");
	assert_split("Lò Văn", "Lò", "", "Văn");
	assert_split("Giàng A Páo", "Giàng", "A", "Páo");
	assert_split("Vàng Seo Phìn", "Vàng", "Seo", "Phìn");
	assert_split("", "", "", "");
	assert_split("   ", "", "", "");
	assert_split(" Lò  Văn\tTấn ", "Lò", "Văn", "Tấn");
	assert_split(" Hùng ", "", "", "Hùng");

	/* Parts not wanted may be NULL; a buf is reset before it is written. */
	buf_init(&g, 0);
	buf_adds(&g, "old");
	vname_split("Đặng Văn Đức", NULL, NULL, &g);
	assert_string_equal(buf_str(&g), "Đức");
	buf_cleanup(&g);
}

/* The Vietnamese alphabet: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y. */
static void test_order_letters(void **state)
{
	(void)state;
	assert_before("An", "Ăn");
	assert_before("Ăn", "Ân");
	assert_before("Ân", "Bình");
	assert_before("Ánh", "Ăn");   /* the letter decides before the tone */
	assert_before("An", "Anh");
	assert_before("Anh", "Ánh");
	assert_before("Dy", "Đa");
	assert_before("Dũng", "Đức");
	assert_before("Dương", "Đức");
	assert_before("Đức", "Em");
	assert_before("Em", "Êm");
	assert_before("Ong", "Ông");
	assert_before("Ông", "Ơn");
	assert_before("Ơn", "Phong");
	assert_before("Uyên", "Ưng");
	assert_before("Ưng", "Vân");
	assert_before("Hung", "Hưng");
	assert_before("Hùng", "Hưng");
	assert_before("Huy", "Hựu");  /* ư (any tone) comes after u, whatever follows */
	/* Not the same name. */
	assert_int_not_equal(vname_compare("Hùng", "Hưng"), 0);
}

/* Tones sort after the plain letter, in the traditional order: ngang, huyền, hỏi, ngã,
 * sắc, nặng (ICU's vi tailoring: & ̀ << ̉ << ̃ << ́ << ̣). */
static void test_order_tones(void **state)
{
	(void)state;
	assert_before("Ha", "Hà");
	assert_before("Hà", "Hả");
	assert_before("Hả", "Hã");
	assert_before("Hã", "Há");
	assert_before("Há", "Hạ");
	assert_before("Hung", "Hùng");
	assert_before("Hùng", "Hủng");
	assert_before("Hụng", "Hưng");
	assert_before("Hạ", "Hai");   /* a letter more outweighs any tone */
	assert_before("Hai", "Hài");
	assert_before("Hào", "Hảo");
	/* Tone marks on different letters are different names; the earlier mark is the
	 * greater (secondary weights compare left to right). */
	assert_before("Hoà", "Hòa");
	/* Case is a tertiary difference, lower case first, and only after the tones. */
	assert_before("an", "An");
	assert_before("An", "àn");
	/* Decomposed input and extra white space sort as its normal form. */
	assert_same_place("Nguye\xcc\x82\xcc\x83n  Văn\tHùng", "Nguyễn Văn Hùng");
}

/* Lists go by given name, then middle, then family name. */
static void test_order_parts(void **state)
{
	(void)state;
	assert_before("Trần Văn An", "Nguyễn Văn Bình");
	assert_before("Trần Thị Lan", "Nguyễn Văn Lan");
	assert_before("Lê Văn Nam", "Nguyễn Văn Nam");
	assert_before("Tôn Nữ Thị Ngọc Lan", "Lê Thị Lan");
	assert_before("Hùng", "Nguyễn Hùng");
	assert_before("Nguyễn Hùng", "Lê Văn Hùng");
	assert_before("Lê Văn Hùng", "Nguyễn Văn Hùng");
	assert_before("Lò Văn", "Lò Văn Văn");
	/* A given name that is a prefix of another sorts first, whatever the other parts. */
	assert_before("Vũ Văn Thanh", "An Thanh Thanhh");
	assert_before("Z Z Z", "A A Zz");
}

static int cmp_names(const void *a, const void *b)
{
	return vname_compare(*(const char *const *)a, *(const char *const *)b);
}

static const char *const sorted_names[] = {
	"Lê Văn An",
	"Lường Văn Anh",         /* Thái */
	"Trần Thị Ánh",
	"Phạm Thị Ân",
	"Sùng A Chứ",            /* H'Mông */
	"Nông Văn Dền",          /* Tày */
	"Đỗ Đình Dũng",
	"Đặng Văn Đức",
	"Ma Văn Hung",           /* Tày */
	"Nguyễn Văn Hùng",
	"Nguyễn Văn Hưng",
	"Tôn Nữ Thị Ngọc Lan",
	"Vũ Mai",
	"Hoàng Thị Mai",
	"Lê Thị Mai",
	"Giàng A Páo",           /* H'Mông */
	"Vàng Seo Phìn",         /* H'Mông */
	"Lò Văn Tấn",            /* Thái */
};

static void test_sort_list(void **state)
{
	static const size_t shuffle[] = { 7, 15, 2, 11, 0, 17, 9, 4, 13, 6, 16, 1, 10, 14, 3, 12, 8, 5 };
	const char *names[ARRAY_LEN(sorted_names)];
	size_t i;

	(void)state;
	assert_int_equal(ARRAY_LEN(shuffle), ARRAY_LEN(sorted_names));
	for (i = 0; i < ARRAY_LEN(names); i++)
		names[i] = sorted_names[shuffle[i]];
	qsort(names, ARRAY_LEN(names), sizeof names[0], cmp_names);
	for (i = 0; i < ARRAY_LEN(names); i++)
		assert_string_equal(names[i], sorted_names[i]);
	for (i = 0; i + 1 < ARRAY_LEN(sorted_names); i++)
		assert_before(sorted_names[i], sorted_names[i + 1]);
}

static void test_key_compare_consistent(void **state)
{
	static const char *const extra[] = {
		"", "Hùng", "hùng", "HÙNG", "Nguyễn  Văn Hùng", "Nguye\xcc\x82\xcc\x83n Văn Hùng",
		"nguyễn văn hùng", "Lò Văn", "Hoà", "Hòa", "Hu\xffng", "Ελένη", "Müller Hans",
	};
	const char *all[ARRAY_LEN(sorted_names) + ARRAY_LEN(extra)];
	size_t i, j, n = 0;

	(void)state;
	for (i = 0; i < ARRAY_LEN(sorted_names); i++)
		all[n++] = sorted_names[i];
	for (i = 0; i < ARRAY_LEN(extra); i++)
		all[n++] = extra[i];
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			int c = sign(vname_compare(all[i], all[j]));

			if (c != key_order(all[i], all[j]))
				fail_msg("\"%s\" vs \"%s\": compare %d, keys %d", all[i], all[j], c,
					key_order(all[i], all[j]));
			if (c != -sign(vname_compare(all[j], all[i])))
				fail_msg("\"%s\" vs \"%s\": compare not antisymmetric", all[i], all[j]);
		}
	assert_same_place("Nguyễn  Văn Hùng", "Nguyễn Văn Hùng");
	assert_same_place("Hu\xffng", "Hung");
}

static void test_sort_key_shape(void **state)
{
	unsigned char k[VNAME_KEY_MAX];
	char worst[VNAME_MAX + 1];
	size_t n, i, zeros = 0;
	struct buf b;

	(void)state;
	n = vname_sort_key("Nguyễn Văn Hùng", k, sizeof k);
	assert_true(n > 3);
	assert_int_equal(k[n - 1], 0);
	for (i = 0; i < n; i++)
		zeros += k[i] == 0;
	assert_int_equal(zeros, 3);
	/* Too small a buffer gives 0, never a cut key. */
	assert_int_equal(vname_sort_key("Nguyễn Văn Hùng", k, n - 1), 0);
	assert_int_equal(vname_sort_key("Nguyễn Văn Hùng", k, n), n);
	assert_int_equal(vname_sort_key("Nguyễn Văn Hùng", k, 0), 0);
	assert_int_equal(vname_sort_key("Nguyễn Văn Hùng", NULL, 100), 0);

	/* The heaviest name that passes normalisation still fits VNAME_KEY_MAX: 66 times
	 * U+FDFA, a ligature whose collation expands to 18 letters. */
	n = 0;
	while (n + 3 <= VNAME_MAX) {
		memcpy(worst + n, "\xef\xb7\xba", 3);
		n += 3;
	}
	worst[n] = 0;
	buf_init(&b, 0);
	assert_int_equal(vname_normalize(worst, &b, NULL), 0);
	buf_cleanup(&b);
	n = vname_sort_key(worst, k, sizeof k);
	assert_true(n > 1024);
	assert_true(n <= VNAME_KEY_MAX);
}

static int group_teardown(void **state)
{
	(void)state;
	vname_shutdown();
	return 0;
}

/* The old and new tone placements are one name to duplicate detection; tones and letters
 * still tell names apart. */
static void test_dup_key_tone_placement(void **state)
{
	struct buf a, b;
	static const char *const same[][2] = {
		{"Bùi Thị Hòa", "Bùi Thị Hoà"},
		{"Lê Thủy", "Lê Thuỷ"},
		{"Trần Thị Khỏe", "TRẦN THỊ KHOẺ"},
		{"Nguyen Hoa\xcc\x80", "Nguyen Hòa"}, /* decomposed input */
	};
	static const char *const differ[][2] = {
		{"Hùng", "Hưng"}, {"Hòa", "Hóa"}, {"Hoà", "Hoa"}, {"Thủy", "Thúy"},
	};
	size_t i;

	(void)state;
	buf_init(&a, 0);
	buf_init(&b, 0);
	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		vname_dup_key(same[i][0], &a);
		vname_dup_key(same[i][1], &b);
		assert_string_equal(buf_str(&a), buf_str(&b));
	}
	for (i = 0; i < sizeof differ / sizeof differ[0]; i++) {
		vname_dup_key(differ[i][0], &a);
		vname_dup_key(differ[i][1], &b);
		assert_string_not_equal(buf_str(&a), buf_str(&b));
	}
	buf_cleanup(&a);
	buf_cleanup(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dup_key_tone_placement),
		cmocka_unit_test(test_lazy_init),
		cmocka_unit_test(test_fold_vietnamese),
		cmocka_unit_test(test_fold_other_input),
		cmocka_unit_test(test_dup_key),
		cmocka_unit_test(test_normalize_accepts),
		cmocka_unit_test(test_normalize_rejects_bad_utf8),
		cmocka_unit_test(test_normalize_rejects_controls),
		cmocka_unit_test(test_normalize_empty_and_length),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_order_letters),
		cmocka_unit_test(test_order_tones),
		cmocka_unit_test(test_order_parts),
		cmocka_unit_test(test_sort_list),
		cmocka_unit_test(test_key_compare_consistent),
		cmocka_unit_test(test_sort_key_shape),
	};

	return cmocka_run_group_tests(tests, NULL, group_teardown);
}
