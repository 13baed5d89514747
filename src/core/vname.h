/* vname.h - Vietnamese personal names: normalising, splitting, list order, accent-free search.
 *
 * Names are written family first, given name last ("Nguyễn Văn Hùng": family Nguyễn, middle
 * Văn, given Hùng). Lists are ordered by given name, then middle, then family name, in the
 * Vietnamese alphabet (ICU's "vi" collation: a ă â b c d đ e ê ...; tones after letters).
 * Search folds accents and đ to d; duplicate detection does not fold accents. */
#ifndef CADRE_VNAME_H
#define CADRE_VNAME_H

#include <stddef.h>

#include "../lib/buf.h"

/* Largest name cadre accepts, in bytes of UTF-8. */
#define VNAME_MAX 200
/* Room enough for any sort key vname_sort_key produces for a name of VNAME_MAX bytes. A
 * Vietnamese name needs well under 200 bytes, but some compatibility characters expand a lot
 * (one 3-byte U+FDFA weighs 44 key bytes: 198 bytes of it need 2818), hence the margin. */
#define VNAME_KEY_MAX 4096

/* Open the ICU collator. Call once before the other functions (which otherwise open it on
 * first use); returns 0, or -1 when ICU has no Vietnamese collation (the message is written
 * to err_msg, of size cap). Not thread-safe: the collator is one process-global. */
int vname_init(char *err_msg, size_t cap);
/* Close the collator (safe to call when never opened). */
void vname_shutdown(void);

/* Normalise a name as typed: check it is valid UTF-8, convert to NFC, trim, and collapse
 * runs of white space (tab and newline included) to one space; invisible default-ignorable
 * characters (zero-width space, BOM, soft hyphen) are dropped: text_clean (core/text.h)
 * with the limit VNAME_MAX. Writes to out (reset first). Returns 0, or -1 when the input is
 * not valid UTF-8, is empty after trimming, contains a control character or a bidirectional
 * control, or is longer than VNAME_MAX bytes after NFC; then out is empty and *why (if not
 * NULL) points to a static English reason saying how to fix it (NULL on success). */
int vname_normalize(const char *in, struct buf *out, const char **why);

/* Split a normalised full name into family (first word), middle (the words between) and
 * given (last word). A one-word name is a given name only. Each part is written to its buf
 * (reset first; a NULL buf is skipped). Words are separated by ASCII white space. */
void vname_split(const char *full, struct buf *family, struct buf *middle, struct buf *given);

/* Fold for accent-free search: NFD, drop combining marks, map đ/Đ to d, lower-case,
 * collapse white space. "Đặng Văn Đức" -> "dang van duc". Invalid UTF-8 bytes and control
 * characters are dropped (as in vname_dup_key, vname_sort_key and vname_compare). */
void vname_fold(const char *in, struct buf *out);

/* Lower-case and NFC, for accent-exact search: "Hưng" -> "hưng" (leniently cleaned as in
 * vname_fold). Writes to out (reset first). */
void vname_lower(const char *in, struct buf *out);

/* The search words of a name or of a search text: split on white space, apostrophes (' and
 * U+2018/U+2019) and hyphens (- and U+2010/U+2011), so "H'Hen Niê" gives
 * the words h, hen and niê. For each non-empty piece, in order, cb gets the piece as typed
 * (raw[0..rawlen)), its lower-case NFC form and its folded form (vname_fold; may be empty
 * when the piece is only marks or symbols). */
typedef void (*vname_word_cb)(void *ctx, const char *raw, size_t rawlen, const char *lower,
			      const char *folded);
void vname_words(const char *in, vname_word_cb cb, void *ctx);

/* The length of the first separator at s (a word separator of vname_words), or 0. */
size_t vname_word_sep(const char *s);

/* Key for duplicate detection (a key, not text for display): lower-case, white space
 * collapsed, accents KEPT, so
 * "Hùng" and "Hưng" differ while "NGUYỄN văn  hùng" equals "Nguyễn Văn Hùng". The tone mark
 * of each word is moved to the word's end, so the old and new tone placements ("Hòa" and
 * "Hoà", "Thủy" and "Thuỷ") give one key. */
void vname_dup_key(const char *in, struct buf *out);

/* Byte-comparable list key of a full name: the ICU "vi" sort keys of the given, middle and
 * family names, in that order, each followed by one 0x00 byte. memcmp order of two keys is
 * list order. Writes at most cap bytes to out; returns the key length (0 on failure, or
 * if cap was too small). */
size_t vname_sort_key(const char *full, unsigned char *out, size_t cap);

/* The ICU "vi" sort key of one part of a name (a given, middle or family name, NFC), with its
 * trailing 0x00 byte: vname_sort_key(full) is the part keys of given, middle and family
 * joined, so a caller may cache the keys of parts, which repeat far more than names do.
 * Returns the length, 0 on failure or if cap is too small. */
size_t vname_part_key(const char *part, unsigned char *out, size_t cap);

/* Compare two full names in list order (<0, 0, >0). */
int vname_compare(const char *a, const char *b);

#endif
