/* vname.c - Vietnamese personal names: normalising, splitting, list order and search keys (ICU). */
#include "vname.h"
#include "err.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "../lib/mem.h"
#include "text.h"

_Static_assert(VNAME_MAX == 200, "why_long names the limit");

static const char why_utf8[] =
	N_("the name is not valid UTF-8 text; save the file as UTF-8 (not VNI, TCVN3 or "
	   "Windows-1258) and try again");
static const char why_empty[] =
	N_("the name is empty; enter the full name, family name first (for example Nguyễn Văn "
	   "Hùng)");
static const char why_control[] =
	N_("the name contains an invisible control character (for example ESC or DEL); delete "
	   "it, or type the name again instead of pasting it");
static const char why_bidi[] =
	N_("the name contains a bidirectional control character (U+202A-U+202E or "
	   "U+2066-U+2069), which makes text read differently from what it is; delete it");
/* VNAME_MAX written out, so that xgettext sees the whole message. */
static const char why_long[] = N_("the name is longer than 200 bytes of UTF-8; shorten it");
static const char why_icu[] =
	N_("cadre could not load its Unicode tables (ICU); check that the libicu72 package is "
	   "installed");

/* The lenient paths (fold, dup key, list order) look at no more than this many input bytes,
 * so that every UTF-16 length below fits an int32_t with room to double. */
#define VN_INPUT_MAX (INT32_MAX / 8)

static UCollator *vn_coll;
static int vn_tried;

/* A growable UTF-16 string; s is always allocated once ustr_reserve has run. */
struct ustr {
	UChar *s;
	int32_t len, cap;
};

/* The three parts of a full name as ranges of one ustr, in list order: given, middle, family. */
struct vn_parts {
	const UChar *p[3];
	int32_t n[3];
};

enum vn_xform {
	VN_NFC,
	VN_NFD,
	VN_LOWER
};

int vname_init(char *err_msg, size_t cap)
{
	UErrorCode st = U_ZERO_ERROR;
	UCollator *c;

	vn_tried = 1;
	if (vn_coll)
		return 0;
	c = ucol_open("vi", &st);
	/* ICU falls back to the root order (U_USING_DEFAULT_WARNING) when the data has no
	 * Vietnamese tailoring; root puts đ after d but not ư after u, so refuse it. */
	if (U_FAILURE(st) || st == U_USING_DEFAULT_WARNING) {
		if (c)
			ucol_close(c);
		if (err_msg && cap)
			snprintf(err_msg, cap, "ICU has no Vietnamese (\"vi\") collation (%s); "
				"install the full ICU data (libicu72)", u_errorName(st));
		return -1;
	}
	vn_coll = c;
	return 0;
}

void vname_shutdown(void)
{
	if (vn_coll)
		ucol_close(vn_coll);
	vn_coll = NULL;
	vn_tried = 0;
}

/* The collator, opened on first use when vname_init was not called; NULL if ICU lacks it. */
static UCollator *vn_collator(void)
{
	if (!vn_coll && !vn_tried)
		vname_init(NULL, 0);
	return vn_coll;
}

static void ustr_reserve(struct ustr *u, int32_t extra)
{
	size_t need = (size_t)u->len + (size_t)extra + 1;
	size_t ncap;

	if (u->s && need <= (size_t)u->cap)
		return;
	ncap = u->cap ? (size_t)u->cap : 64;
	while (ncap < need)
		ncap *= 2;
	u->s = xrealloc(u->s, ncap * sizeof *u->s);
	u->cap = (int32_t)ncap;
}

static void ustr_free(struct ustr *u)
{
	free(u->s);
	u->s = NULL;
	u->len = u->cap = 0;
}

static void ustr_addc(struct ustr *u, UChar32 c)
{
	ustr_reserve(u, 2);
	U16_APPEND_UNSAFE(u->s, u->len, c);
}

/* Decode UTF-8 into u (reset first) leniently, for keys: ill-formed bytes and control
 * characters are dropped, as are invisible default-ignorable code points (zero width space,
 * BOM, soft hyphen); white space is trimmed and its runs collapsed to one U+0020. */
static void vn_decode(const char *in, struct ustr *u)
{
	const uint8_t *s = (const uint8_t *)in;
	size_t len = strlen(in);
	int32_t i = 0, n;
	int space = 0;

	u->len = 0;
	ustr_reserve(u, 0);
	if (len > VN_INPUT_MAX)
		len = VN_INPUT_MAX;
	n = (int32_t)len;
	while (i < n) {
		UChar32 c;

		U8_NEXT(s, i, n, c);
		if (c < 0)
			continue;
		if (u_isUWhiteSpace(c)) {
			space = 1;
			continue;
		}
		if (u_charType(c) == U_CONTROL_CHAR ||
		    u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
			continue;
		if (space && u->len)
			ustr_addc(u, ' ');
		space = 0;
		ustr_addc(u, c);
	}
}

static int32_t vn_xform_run(enum vn_xform how, const struct ustr *u, struct ustr *o,
	UErrorCode *st)
{
	const UNormalizer2 *n2;

	switch (how) {
	case VN_NFC:
		n2 = unorm2_getNFCInstance(st);
		break;
	case VN_NFD:
		n2 = unorm2_getNFDInstance(st);
		break;
	case VN_LOWER:
	default:
		return u_strToLower(o->s, o->cap, u->s, u->len, "", st);
	}
	if (U_FAILURE(*st))
		return 0;
	return unorm2_normalize(n2, u->s, u->len, o->s, o->cap, st);
}

/* Replace u by its NFC, NFD or lower-case form. Returns 0, or -1 (u unchanged) when ICU
 * fails, which only happens when its data cannot be loaded. */
static int vn_xform(struct ustr *u, enum vn_xform how)
{
	struct ustr o = { 0 };
	UErrorCode st = U_ZERO_ERROR;
	int32_t n;

	ustr_reserve(&o, u->len + u->len / 2 + 16);
	n = vn_xform_run(how, u, &o, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		ustr_reserve(&o, n);
		n = vn_xform_run(how, u, &o, &st);
	}
	if (U_FAILURE(st) || n > o.cap) {
		ustr_free(&o);
		return -1;
	}
	o.len = n;
	ustr_free(u);
	*u = o;
	return 0;
}

/* Append u to out as UTF-8. u never holds a lone surrogate: it was decoded from UTF-8. */
static void ustr_to_buf(const struct ustr *u, struct buf *out)
{
	int32_t i = 0;

	while (i < u->len) {
		uint8_t b[U8_MAX_LENGTH];
		int32_t k = 0;
		UChar32 c;

		U16_NEXT(u->s, i, u->len, c);
		U8_APPEND_UNSAFE(b, k, c);
		buf_add(out, b, (size_t)k);
	}
}

int vname_normalize(const char *in, struct buf *out, const char **why)
{
	struct text_check tc;
	const char *reason = NULL;

	/* Names are text as any other field (core/text), with a limit of their own. */
	if (text_clean(in, VNAME_MAX, 0, out, &tc)) {
		switch (tc.problem) {
		case TEXT_UTF8:
			reason = why_utf8;
			break;
		case TEXT_CONTROL:
			reason = why_control;
			break;
		case TEXT_BIDI:
			reason = why_bidi;
			break;
		case TEXT_LONG:
			reason = why_long;
			break;
		default:
			reason = why_icu;
			break;
		}
	} else if (out->len == 0) {
		reason = why_empty;
	}
	if (reason)
		buf_reset(out);
	if (why)
		*why = reason;
	return reason ? -1 : 0;
}

static int vn_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

static void vn_put(struct buf *b, const char *s, size_t n)
{
	if (!b)
		return;
	buf_reset(b);
	buf_add(b, s, n);
}

void vname_split(const char *full, struct buf *family, struct buf *middle, struct buf *given)
{
	const char *s = full ? full : "";
	const char *first, *first_end, *last, *end;

	vn_put(family, "", 0);
	vn_put(middle, "", 0);
	vn_put(given, "", 0);
	while (vn_is_space(*s))
		s++;
	if (!*s)
		return;
	end = s + strlen(s);
	while (vn_is_space(end[-1]))
		end--;
	first = s;
	first_end = first;
	while (first_end < end && !vn_is_space(*first_end))
		first_end++;
	last = end;
	while (last > first && !vn_is_space(last[-1]))
		last--;
	vn_put(given, last, (size_t)(end - last));
	if (first_end == end)
		return;
	vn_put(family, first, (size_t)(first_end - first));
	s = first_end;
	while (vn_is_space(*s))
		s++;
	end = last;
	while (end > s && vn_is_space(end[-1]))
		end--;
	vn_put(middle, s, (size_t)(end - s));
}

void vname_fold(const char *in, struct buf *out)
{
	struct ustr u = { 0 };
	int32_t i = 0;
	int space = 0, any = 0;

	buf_reset(out);
	vn_decode(in ? in : "", &u);
	/* Lower-case before decomposing: full case mapping can add marks (İ -> i + U+0307),
	 * which the loop below then drops. */
	vn_xform(&u, VN_LOWER);
	vn_xform(&u, VN_NFD);
	while (i < u.len) {
		UChar32 c;

		U16_NEXT(u.s, i, u.len, c);
		if (U_GET_GC_MASK(c) & U_GC_M_MASK)
			continue;
		if (c == ' ') {
			space = 1;
			continue;
		}
		if (space && any)
			buf_addc(out, ' ');
		space = 0;
		any = 1;
		/* đ is a letter of its own, not d with a mark, so NFD leaves it alone. */
		if (c == 0x0110 || c == 0x0111) {
			buf_addc(out, 'd');
		} else if (c < 0x80) {
			buf_addc(out, (char)c);
		} else {
			uint8_t b[U8_MAX_LENGTH];
			int32_t k = 0;

			U8_APPEND_UNSAFE(b, k, c);
			buf_add(out, b, (size_t)k);
		}
	}
	ustr_free(&u);
}

/* The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. Vowel-quality
 * marks (circumflex, breve, horn) make letters of their own and are not among them. */
static int is_tone_mark(UChar c)
{
	return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
}

/* Move each word's tone mark to the end of the word: the old and new placements ("hòa" and
 * "hoà", "thủy" and "thuỷ") are one spelling of one name, and must meet as duplicates. */
static void vn_tone_to_word_end(struct ustr *u)
{
	int32_t i = 0, start = 0;

	while (i <= u->len) {
		if (i == u->len || u->s[i] == ' ') {
			UChar tone = 0;
			int32_t r, w = start;

			for (r = start; r < i; r++) {
				if (is_tone_mark(u->s[r])) {
					tone = u->s[r];
					continue;
				}
				u->s[w++] = u->s[r];
			}
			if (tone)
				u->s[w++] = tone;
			/* w <= i: close the gap left by a moved mark. */
			if (w < i) {
				memmove(u->s + w, u->s + i, (size_t)(u->len - i) * sizeof *u->s);
				u->len -= i - w;
				i = w;
			}
			start = i + 1;
		}
		i++;
	}
}

void vname_dup_key(const char *in, struct buf *out)
{
	struct ustr u = { 0 };

	buf_reset(out);
	vn_decode(in ? in : "", &u);
	vn_xform(&u, VN_LOWER);
	vn_xform(&u, VN_NFD);
	vn_tone_to_word_end(&u);
	vn_xform(&u, VN_NFC);
	ustr_to_buf(&u, out);
	ustr_free(&u);
}

void vname_lower(const char *in, struct buf *out)
{
	struct ustr u = { 0 };

	buf_reset(out);
	vn_decode(in ? in : "", &u);
	vn_xform(&u, VN_LOWER);
	vn_xform(&u, VN_NFC);
	ustr_to_buf(&u, out);
	ustr_free(&u);
}

size_t vname_word_sep(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\'' || *p == '-')
		return 1;
	/* U+2010 and U+2011 (hyphens), U+2018 and U+2019 (quotation marks used as apostrophes). */
	if (p[0] == 0xE2 && p[1] == 0x80 &&
	    (p[2] == 0x90 || p[2] == 0x91 || p[2] == 0x98 || p[2] == 0x99))
		return 3;
	return 0;
}

void vname_words(const char *in, vname_word_cb cb, void *ctx)
{
	struct buf piece, lower, folded;
	const char *p = in ? in : "";

	buf_init(&piece, 0);
	buf_init(&lower, 0);
	buf_init(&folded, 0);
	while (*p) {
		const char *w;
		size_t k;

		while ((k = vname_word_sep(p)) > 0)
			p += k;
		if (!*p)
			break;
		w = p;
		while (*p && !vname_word_sep(p))
			p++;
		buf_reset(&piece);
		buf_add(&piece, w, (size_t)(p - w));
		vname_lower(buf_str(&piece), &lower);
		vname_fold(buf_str(&piece), &folded);
		if (lower.len)
			cb(ctx, w, (size_t)(p - w), buf_str(&lower), buf_str(&folded));
	}
	buf_cleanup(&piece);
	buf_cleanup(&lower);
	buf_cleanup(&folded);
}

/* Clean a full name leniently (as vname_dup_key, keeping case) and split it into parts
 * pointing into u. */
static void vn_parts_of(const char *full, struct ustr *u, struct vn_parts *pt)
{
	int32_t first = -1, last = -1, i;

	vn_decode(full ? full : "", u);
	vn_xform(u, VN_NFC);
	for (i = 0; i < u->len; i++) {
		if (u->s[i] != ' ')
			continue;
		if (first < 0)
			first = i;
		last = i;
	}
	/* given, middle, family */
	pt->p[0] = u->s + (last + 1);
	pt->n[0] = u->len - (last + 1);
	pt->p[1] = u->s + (first + 1);
	pt->n[1] = first < last ? last - first - 1 : 0;
	pt->p[2] = u->s;
	pt->n[2] = first < 0 ? 0 : first;
}

size_t vname_part_key(const char *part, unsigned char *out, size_t cap)
{
	UCollator *coll = vn_collator();
	struct ustr u = { 0 };
	int32_t r, n;

	if (!coll || !out || cap == 0)
		return 0;
	vn_decode(part ? part : "", &u);
	vn_xform(&u, VN_NFC);
	r = cap > INT32_MAX ? INT32_MAX : (int32_t)cap;
	n = ucol_getSortKey(coll, u.s, u.len, out, r);
	ustr_free(&u);
	return n <= 0 || n > r ? 0 : (size_t)n;
}

size_t vname_sort_key(const char *full, unsigned char *out, size_t cap)
{
	UCollator *coll = vn_collator();
	struct ustr u = { 0 };
	struct vn_parts pt;
	size_t pos = 0;
	int k;

	if (!coll || !out || cap == 0)
		return 0;
	vn_parts_of(full, &u, &pt);
	/* ICU ends every sort key with its only 0x00 byte, so the keys concatenate into one
	 * that memcmp orders part by part. */
	for (k = 0; k < 3; k++) {
		size_t room = cap - pos;
		int32_t r = room > INT32_MAX ? INT32_MAX : (int32_t)room;
		int32_t n = ucol_getSortKey(coll, pt.p[k], pt.n[k], out + pos, r);

		if (n <= 0 || n > r) {
			pos = 0;
			break;
		}
		pos += (size_t)n;
	}
	ustr_free(&u);
	return pos;
}

int vname_compare(const char *a, const char *b)
{
	UCollator *coll = vn_collator();
	struct ustr ua = { 0 }, ub = { 0 };
	struct vn_parts pa, pb;
	int k, r = 0;

	vn_parts_of(a, &ua, &pa);
	vn_parts_of(b, &ub, &pb);
	for (k = 0; k < 3 && r == 0; k++) {
		/* ucol_strcoll orders exactly as memcmp of the ICU sort keys does. */
		if (coll)
			r = ucol_strcoll(coll, pa.p[k], pa.n[k], pb.p[k], pb.n[k]);
		else
			r = u_strCompare(pa.p[k], pa.n[k], pb.p[k], pb.n[k], 1);
	}
	ustr_free(&ua);
	ustr_free(&ub);
	return r < 0 ? -1 : r > 0;
}
