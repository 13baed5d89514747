/* text.c - text as it comes in: UTF-8 checked, controls refused, NFC, trimmed, measured (ICU). */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "../lib/mem.h"

/* NFC composes at most a few UTF-16 units into one, so text that still has more than this
 * many units once white space is collapsed cannot normalise to max bytes: text_clean stops
 * there instead of converting an arbitrarily long input. */
#define TEXT_UNITS_PER_BYTE 8

static int is_bidi_control(UChar32 c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

/* C0 (but the white space tab, line feed, vertical tab, form feed, carriage return), DEL, C1
 * (but NEL, a line break of old mainframe text, white space as the others). */
static int is_control(UChar32 c)
{
	if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == 0x85)
		return 0;
	return c < 0x20 || (c >= 0x7F && c <= 0x9F) || u_charType(c) == U_CONTROL_CHAR;
}

static void fail(struct text_check *tc, enum text_problem p, UChar32 cp, size_t len)
{
	tc->problem = p;
	tc->cp = cp < 0 ? 0 : (uint32_t)cp;
	tc->len = len;
}

/* Room for extra more units in *u (of *cap units, *n used). */
static void units_reserve(UChar **u, int32_t *cap, int32_t n, int32_t extra)
{
	size_t need = (size_t)n + (size_t)extra + 1, ncap = *cap ? (size_t)*cap : 64;

	if (*u && need <= (size_t)*cap)
		return;
	while (ncap < need)
		ncap *= 2;
	*u = xrealloc(*u, ncap * sizeof **u);
	*cap = (int32_t)ncap;
}

/* Whether s[0..n) is printable ASCII with no space at either end and none doubled. */
static int ascii_clean(const uint8_t *s, size_t n)
{
	size_t i;

	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 0x20 || s[i] > 0x7E || (s[i] == ' ' && s[i + 1] == ' '))
			return 0;
	return 1;
}

/* Whether s[0..n) is already clean Vietnamese or other Latin text: valid UTF-8 of printable
 * ASCII and the letters U+00C0-U+024F (Latin-1's letters, Latin Extended-A and -B: đ, ơ, ư)
 * and U+1E00-U+1EFF (Latin Extended Additional: ạ, ế, ữ ...), with no space at either end and
 * none doubled. Each of those letters is its own NFC (NFC_Quick_Check Yes, combining class 0),
 * none is white space, a control or default-ignorable, so such text is its own clean form and
 * needs no trip through ICU: most names and places of a national import. */
static int latin_clean(const uint8_t *s, size_t n)
{
	size_t i = 0;

	if (n && (s[0] == ' ' || s[n - 1] == ' '))
		return 0;
	while (i < n) {
		uint8_t c = s[i];

		if (c >= 0x20 && c <= 0x7E) {
			if (c == ' ' && i + 1 < n && s[i + 1] == ' ')
				return 0;
			i++;
		} else if (c >= 0xC3 && c <= 0xC9 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
			/* U+00C0-U+024F: lead bytes C3 (from 80), C4-C8, C9 (to 8F). */
			if ((c == 0xC9 && s[i + 1] > 0x8F))
				return 0;
			i += 2;
		} else if (c == 0xE1 && i + 2 < n && (s[i + 1] == 0xB8 || s[i + 1] == 0xB9 ||
						      s[i + 1] == 0xBA || s[i + 1] == 0xBB) &&
			   (s[i + 2] & 0xC0) == 0x80) {
			/* U+1E00-U+1EFF: E1 B8 80 to E1 BB BF. */
			i += 3;
		} else {
			return 0;
		}
	}
	return 1;
}

int text_clean(const char *in, size_t max, unsigned flags, struct buf *out,
	       struct text_check *tc)
{
	struct text_check local;
	const uint8_t *s = (const uint8_t *)(in ? in : "");
	size_t len = strlen((const char *)s), bytes = 0, limit_units;
	UChar *u = NULL, *o = NULL;
	int32_t i = 0, n = 0, cap = 0, ocap, on, k;
	int space = 0, breaks = 0;
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc;

	if (!tc)
		tc = &local;
	memset(tc, 0, sizeof *tc);
	tc->max = max;
	buf_reset(out);
	if (len <= max && (ascii_clean(s, len) || latin_clean(s, len))) {
		/* Printable ASCII or Latin letters, trimmed, single spaces: already its own NFC
		 * (most fields of an import: codes, numbers, dates, names, places), so no trip
		 * through ICU. */
		buf_add(out, s, len);
		tc->len = len;
		if (!out->overflow)
			return 0;
		buf_reset(out);
		fail(tc, TEXT_LONG, 0, len);
		return -1;
	}
	limit_units = max > (size_t)(INT32_MAX / 4) / TEXT_UNITS_PER_BYTE
			      ? (size_t)(INT32_MAX / 4)
			      : max * TEXT_UNITS_PER_BYTE + 16;
	if (len > (size_t)INT32_MAX / 2) {
		fail(tc, TEXT_LONG, 0, len);
		return -1;
	}
	units_reserve(&u, &cap, 0, 0);
	while (i < (int32_t)len) {
		UChar32 c;

		U8_NEXT(s, i, (int32_t)len, c);
		if (c < 0) {
			fail(tc, TEXT_UTF8, 0, 0);
			goto bad;
		}
		if (is_bidi_control(c)) {
			fail(tc, TEXT_BIDI, c, 0);
			goto bad;
		}
		if (is_control(c)) {
			fail(tc, TEXT_CONTROL, c, 0);
			goto bad;
		}
		if ((flags & TEXT_LINES) && c == '\n') {
			breaks++;
			continue;
		}
		if ((flags & TEXT_LINES) && c == '\r') {
			/* CR LF and a lone CR are one line break. */
			if (i < (int32_t)len && s[i] == '\n')
				i++;
			breaks++;
			continue;
		}
		if (u_isUWhiteSpace(c)) {
			space = 1;
			continue;
		}
		if (u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
			continue;
		units_reserve(&u, &cap, n, 3);
		if (n && breaks) {
			u[n++] = '\n';
			if (breaks > 1)
				u[n++] = '\n';
		} else if (n && space) {
			u[n++] = ' ';
		}
		space = breaks = 0;
		U16_APPEND_UNSAFE(u, n, c);
		if ((size_t)n > limit_units) {
			fail(tc, TEXT_LONG, 0, len);
			goto bad;
		}
	}
	nfc = unorm2_getNFCInstance(&st);
	if (U_FAILURE(st)) {
		fail(tc, TEXT_ICU, 0, 0);
		goto bad;
	}
	ocap = n + n / 2 + 16;
	o = xmalloc((size_t)ocap * sizeof *o);
	on = unorm2_normalize(nfc, u, n, o, ocap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		st = U_ZERO_ERROR;
		ocap = on + 1;
		o = xrealloc(o, (size_t)ocap * sizeof *o);
		on = unorm2_normalize(nfc, u, n, o, ocap, &st);
	}
	if (U_FAILURE(st) || on > ocap) {
		fail(tc, TEXT_ICU, 0, 0);
		goto bad;
	}
	for (k = 0; k < on;) {
		UChar32 c;

		U16_NEXT(o, k, on, c);
		bytes += (size_t)U8_LENGTH(c);
	}
	if (bytes > max) {
		fail(tc, TEXT_LONG, 0, bytes);
		goto bad;
	}
	for (k = 0; k < on;) {
		uint8_t b[U8_MAX_LENGTH];
		int32_t m = 0;
		UChar32 c;

		U16_NEXT(o, k, on, c);
		U8_APPEND_UNSAFE(b, m, c);
		buf_add(out, b, (size_t)m);
	}
	tc->len = bytes;
	free(u);
	free(o);
	if (out->overflow) {
		buf_reset(out);
		fail(tc, TEXT_LONG, 0, bytes);
		return -1;
	}
	return 0;
bad:
	free(u);
	free(o);
	buf_reset(out);
	return -1;
}

const char *text_why(const struct text_check *tc, const char *what, char *msg, size_t cap)
{
	const char *w = what && what[0] ? what : err_tr("the text");

	switch (tc->problem) {
	case TEXT_OK:
		snprintf(msg, cap, err_tr("%s is acceptable"), w);
		break;
	case TEXT_UTF8:
		snprintf(msg, cap, err_tr("%s is not valid UTF-8 text; save the file as UTF-8 (not VNI, "
			 "TCVN3 or Windows-1258) and try again"), w);
		break;
	case TEXT_CONTROL:
		snprintf(msg, cap, err_tr("%s contains an invisible control character (U+%04X); delete "
			 "it, or type the text again instead of pasting it"), w, (unsigned)tc->cp);
		break;
	case TEXT_BIDI:
		snprintf(msg, cap, err_tr("%s contains a bidirectional control character (U+%04X), which "
			 "makes text read differently from what it is; delete it"), w,
			 (unsigned)tc->cp);
		break;
	case TEXT_LONG:
		snprintf(msg, cap, err_tr("%s is %zu bytes of UTF-8 after normalisation; the limit is %zu "
			 "bytes: shorten it"), w, tc->len, tc->max);
		break;
	case TEXT_ICU:
	default:
		snprintf(msg, cap, "%s",
			 err_tr("cadre could not load its Unicode tables (ICU); check that the "
				"libicu72 package is installed"));
		break;
	}
	return msg;
}

int text_accept(const char *in, size_t max, unsigned flags, char *dst, size_t cap,
		struct err *e, long line, const char *field, const char *what)
{
	struct text_check tc;
	struct buf b;
	char msg[256];
	int rc = 0;

	buf_init(&b, 0);
	if (max >= cap)
		max = cap - 1;
	if (text_clean(in, max, flags, &b, &tc)) {
		/* The value is shown only when it is printable: the problem may be its bytes. */
		err_add(e, tc.problem == TEXT_ICU ? ERR_INTERNAL : ERR_INPUT, line, field,
			tc.problem == TEXT_LONG ? in : NULL, NULL, "%s",
			text_why(&tc, what, msg, sizeof msg));
		rc = -1;
	} else {
		memcpy(dst, buf_str(&b), b.len + 1);
	}
	buf_cleanup(&b);
	return rc;
}

/* Length of the well-formed UTF-8 sequence at s[0..n), 0 when ill-formed; *cp its value. */
static int utf8_seq(const uint8_t *s, size_t n, UChar32 *cp)
{
	int32_t i = 0, m = n > 4 ? 4 : (int32_t)n;
	UChar32 c;

	U8_NEXT(s, i, m, c);
	if (c < 0)
		return 0;
	*cp = c;
	return i;
}

void text_escape_controls(const char *s, size_t n, struct buf *out)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		UChar32 c = 0;
		int k;

		if (p[i] < 0x80) {
			c = p[i];
			if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
				buf_printf(out, "\\x%02x", (unsigned)c);
			else
				buf_addc(out, (char)c);
			i++;
			continue;
		}
		k = utf8_seq(p + i, n - i, &c);
		if (k == 0) {
			buf_printf(out, "\\x%02x", (unsigned)p[i]);
			i++;
			continue;
		}
		if ((c >= 0x80 && c <= 0x9F) || is_bidi_control(c))
			buf_printf(out, "\\u%04x", (unsigned)c);
		else
			buf_add(out, p + i, (size_t)k);
		i += (size_t)k;
	}
}

int text_copy(char *dst, size_t cap, const char *src)
{
	static const char repl[] = "\xEF\xBF\xBD";
	const uint8_t *p = (const uint8_t *)(src ? src : "");
	size_t n = strlen((const char *)p), i = 0, w = 0;
	int whole = 1;

	while (i < n) {
		UChar32 c;
		int k = p[i] < 0x80 ? 1 : utf8_seq(p + i, n - i, &c);
		const void *from = k ? (const void *)(p + i) : (const void *)repl;
		size_t len = k ? (size_t)k : 3;

		if (!k)
			whole = 0;
		if (w + len >= cap) {
			whole = 0;
			break;
		}
		memcpy(dst + w, from, len);
		w += len;
		i += k ? (size_t)k : 1;
	}
	dst[w] = 0;
	return whole;
}

int text_utf8_valid(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s;
	size_t i = 0;

	while (i < n) {
		UChar32 c;
		int k = p[i] < 0x80 ? 1 : utf8_seq(p + i, n - i, &c);

		if (!k)
			return 0;
		i += (size_t)k;
	}
	return 1;
}
