/* fuzz_vname.c - libFuzzer target: every vname function on arbitrary bytes, checking invariants. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "core/vname.h"
#include "lib/buf.h"
#include "lib/mem.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Unlike assert, never compiled out. */
#define CHECK(c) do { if (!(c)) abort(); } while (0)

static const char probe[] = "Nguyễn Văn Hùng";

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static int key_cmp(const unsigned char *a, size_t na, const unsigned char *b, size_t nb)
{
	int r = memcmp(a, b, na < nb ? na : nb);

	if (r == 0)
		r = (na > nb) - (na < nb);
	return sign(r);
}

/* A sort key is three ICU keys, each ending in its only 0x00 byte. */
static void check_key(const unsigned char *k, size_t n)
{
	size_t i, zeros = 0;

	CHECK(n >= 3 && k[n - 1] == 0);
	for (i = 0; i < n; i++)
		zeros += k[i] == 0;
	CHECK(zeros == 3);
}

static int is_valid_utf8(const char *s, size_t n)
{
	UErrorCode st = U_ZERO_ERROR;

	u_strFromUTF8(NULL, 0, NULL, s, (int32_t)n, &st);
	return st == U_BUFFER_OVERFLOW_ERROR || st == U_STRING_NOT_TERMINATED_WARNING ||
		U_SUCCESS(st);
}

static int is_nfc(const char *s)
{
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	UChar u[4 * VNAME_MAX];
	int32_t n;

	u_strFromUTF8(u, (int32_t)(sizeof u / sizeof u[0]), &n, s, -1, &st);
	CHECK(U_SUCCESS(st));
	return unorm2_isNormalized(nfc, u, n, &st) && U_SUCCESS(st);
}

static void check_normalized(const char *s, struct buf *norm)
{
	struct buf again, fam, mid, giv, joined, k1, k2;
	unsigned char key[VNAME_KEY_MAX];
	size_t n = norm->len;

	CHECK(n > 0 && n <= VNAME_MAX && strlen(norm->s) == n);
	CHECK(norm->s[0] != ' ' && norm->s[n - 1] != ' ' && !strstr(norm->s, "  "));
	CHECK(is_valid_utf8(norm->s, n) && is_nfc(norm->s));

	/* Idempotent. */
	buf_init(&again, 0);
	CHECK(vname_normalize(norm->s, &again, NULL) == 0);
	CHECK(strcmp(again.s, norm->s) == 0);
	buf_cleanup(&again);

	/* A normalised name has a key that fits, and sorts with its raw form. */
	n = vname_sort_key(norm->s, key, sizeof key);
	CHECK(n > 0);
	check_key(key, n);
	CHECK(vname_compare(norm->s, s) == 0);
	CHECK(vname_compare(norm->s, norm->s) == 0);

	/* The parts put back together give the name. */
	buf_init(&fam, 0);
	buf_init(&mid, 0);
	buf_init(&giv, 0);
	buf_init(&joined, 0);
	vname_split(norm->s, &fam, &mid, &giv);
	CHECK(giv.len > 0);
	buf_add(&joined, fam.s, fam.len);
	if (mid.len) {
		CHECK(fam.len > 0);
		buf_addc(&joined, ' ');
		buf_add(&joined, mid.s, mid.len);
	}
	if (fam.len)
		buf_addc(&joined, ' ');
	buf_add(&joined, giv.s, giv.len);
	CHECK(strcmp(joined.s, norm->s) == 0);
	buf_cleanup(&fam);
	buf_cleanup(&mid);
	buf_cleanup(&giv);
	buf_cleanup(&joined);

	/* Duplicate keys do not care whether the name was normalised first. */
	buf_init(&k1, 0);
	buf_init(&k2, 0);
	vname_dup_key(s, &k1);
	vname_dup_key(norm->s, &k2);
	CHECK(strcmp(k1.s ? k1.s : "", k2.s ? k2.s : "") == 0);
	buf_cleanup(&k1);
	buf_cleanup(&k2);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xmalloc(size + 1);
	struct buf norm, out, out2, fam, mid, giv;
	unsigned char key[VNAME_KEY_MAX], pkey[VNAME_KEY_MAX];
	const char *why = NULL;
	size_t len, n, pn;
	int c;

	memcpy(s, data, size);
	s[size] = 0;
	len = strlen(s);
	buf_init(&norm, 0);
	buf_init(&out, 0);
	buf_init(&out2, 0);

	if (vname_normalize(s, &norm, &why) == 0) {
		CHECK(why == NULL);
		check_normalized(s, &norm);
	} else {
		CHECK(why != NULL && norm.len == 0);
	}

	/* Folding: lower-case, no marks, no đ, never more than 4x the input, idempotent. */
	vname_fold(s, &out);
	CHECK(out.len <= 4 * len);
	CHECK(is_valid_utf8(buf_str(&out), out.len));
	for (n = 0; n < out.len; n++)
		CHECK(!(out.s[n] >= 'A' && out.s[n] <= 'Z'));
	CHECK(!strstr(buf_str(&out), "\xc4\x91") && !strstr(buf_str(&out), "  "));
	vname_fold(buf_str(&out), &out2);
	CHECK(strcmp(buf_str(&out), buf_str(&out2)) == 0);

	/* Duplicate key: valid UTF-8, idempotent. */
	vname_dup_key(s, &out);
	CHECK(is_valid_utf8(buf_str(&out), out.len));
	vname_dup_key(buf_str(&out), &out2);
	CHECK(strcmp(buf_str(&out), buf_str(&out2)) == 0);

	/* Splitting never invents bytes. */
	buf_init(&fam, 0);
	buf_init(&mid, 0);
	buf_init(&giv, 0);
	vname_split(s, &fam, &mid, &giv);
	CHECK(fam.len + mid.len + giv.len <= len);
	buf_cleanup(&fam);
	buf_cleanup(&mid);
	buf_cleanup(&giv);

	/* Sort key and compare agree, against a fixed name and against itself. */
	n = vname_sort_key(s, key, sizeof key);
	pn = vname_sort_key(probe, pkey, sizeof pkey);
	CHECK(pn > 0);
	check_key(pkey, pn);
	c = sign(vname_compare(s, probe));
	CHECK(c == -sign(vname_compare(probe, s)));
	CHECK(vname_compare(s, s) == 0);
	if (n > 0) {
		check_key(key, n);
		CHECK(c == key_cmp(key, n, pkey, pn));
	}

	buf_cleanup(&norm);
	buf_cleanup(&out);
	buf_cleanup(&out2);
	free(s);
	return 0;
}
