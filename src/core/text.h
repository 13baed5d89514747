/* text.h - text as it comes in: the one check and normalisation of every field typed in a
 * form, given on the command line, sent as JSON or read from a CSV file.
 *
 * Text is accepted when it is valid UTF-8 holding no control character (C0 other than the
 * white space tab, line feed, vertical tab, form feed and carriage return; DEL; C1 other than
 * NEL, a line break) and no bidirectional control (U+202A-U+202E,
 * U+2066-U+2069, which can make a name read differently from what it is). It is then put in
 * NFC, trimmed, and its runs of white space collapsed to one space (a field that allows line
 * breaks keeps them: at most one blank line in a row); invisible default-ignorable characters
 * (zero-width space, BOM, soft hyphen) are dropped. Its length is measured after that, in
 * bytes of UTF-8, and text longer than the field's limit is refused with the limit named:
 * text is never cut. */
#ifndef CADRE_TEXT_H
#define CADRE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../lib/buf.h"
#include "err.h"

/* The limit of a reason (a discipline, a transfer, a changed review decision), in bytes of
 * UTF-8 after normalisation: some 700 Vietnamese letters. */
#define TEXT_REASON_MAX 2000

/* Flags of text_clean. */
#define TEXT_LINES 1u   /* keep line breaks (a long reason); else they become spaces */

enum text_problem {
	TEXT_OK,
	TEXT_UTF8,      /* not valid UTF-8 */
	TEXT_CONTROL,   /* a control character (cp) */
	TEXT_BIDI,      /* a bidirectional control (cp) */
	TEXT_LONG,      /* longer than max bytes after normalisation (len) */
	TEXT_ICU        /* the Unicode tables could not be loaded */
};

/* What text_clean found: the problem, the offending code point, and the length in bytes of
 * UTF-8 after normalisation (for TEXT_LONG, at least that many when the input was so long
 * that it was not normalised at all). */
struct text_check {
	enum text_problem problem;
	uint32_t cp;
	size_t len, max;
};

/* Check and normalise in (see the top of this file) into out (reset first). max is the
 * limit in bytes of UTF-8 after normalisation; flags TEXT_LINES keeps line breaks. Empty
 * text is accepted (the caller decides whether the field is required). Returns 0, or -1
 * with tc->problem set and out empty. tc may be NULL. */
int text_clean(const char *in, size_t max, unsigned flags, struct buf *out,
	       struct text_check *tc);

/* An English sentence saying what is wrong and how to fix it, the subject being what ("the
 * reason", "the name"; NULL: "the text"), written to msg (of size cap), e.g. "the reason is
 * 2660 bytes of UTF-8 after normalisation; the limit is 2000: shorten it". Returns msg. */
const char *text_why(const struct text_check *tc, const char *what, char *msg, size_t cap);

/* The usual use: clean in into dst (of size cap, which must exceed max) or add a problem to
 * e (ERR_INPUT, naming line, field and the limit) and return -1 with dst untouched. */
int text_accept(const char *in, size_t max, unsigned flags, char *dst, size_t cap,
		struct err *e, long line, const char *field, const char *what);

/* Append s[0..n) to out for display on a terminal: control characters (C0 but line feed and
 * tab, DEL, C1), bidirectional controls and bytes that are not UTF-8 are written as visible
 * escapes (\x1b, \u202e) instead of raw, so text echoed from input cannot drive the
 * terminal. */
void text_escape_controls(const char *s, size_t n, struct buf *out);

/* Copy src into dst (of size cap > 0) as valid UTF-8: ill-formed bytes become U+FFFD, and
 * text that does not fit is shortened on a character boundary. Returns 1 when dst holds all
 * of src unchanged, 0 otherwise. For text read back from storage, which is checked on the way
 * in; a JSON encoder refuses text that is not UTF-8. */
int text_copy(char *dst, size_t cap, const char *src);

/* Whether s[0..n) is valid UTF-8. */
int text_utf8_valid(const char *s, size_t n);

#endif
