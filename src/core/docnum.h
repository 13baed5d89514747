/* docnum.h - the number of a party or state document as offices write it (DOMAIN §9;
 * docs/study.md): `21-NQ/TW`, `769-NQ/QUTW`, `2008/HD-CT`, `54/2017/TT-BQP`, parsed into its
 * number, type and issuer and put in one canonical spelling. Pure C, no allocation.
 *
 * Three shapes are known:
 *   A  NUMBER-TYPE/ISSUER          21-NQ/TW, 168-KH/ĐU, 243-CTr/ĐU (party documents)
 *   B  NUMBER/TYPE-ISSUER          2008/HD-CT, 527/HD-CT (army and state documents)
 *   C  NUMBER/YEAR/TYPE-ISSUER     54/2017/TT-BQP (state legal documents)
 * The spellings offices type are accepted and normalised: spaces around the separators, a
 * leading "Số" / "Số:", lower case, types and issuers without diacritics ("QD", "DU"), Đ
 * composed (U+0110), lower case (U+0111), as the look-alike Ð (U+00D0) or as D with a
 * combining stroke (U+0335/U+0336), and the dashes U+2010-U+2015 and U+2212 for '-'. The
 * type must be one of docnum_types; the issuer is letters in one or more parts joined by '-'
 * (a known issuer typed without diacritics gets them: DU -> ĐU). */
#ifndef CADRE_DOCNUM_H
#define CADRE_DOCNUM_H

#include <stddef.h>

#define DOCNUM_MAX 64      /* bytes of the canonical number, with its NUL */
#define DOCNUM_INPUT_MAX 200 /* longer input is refused at byte 200 */

/* A type of document: its canonical spelling, its name in Vietnamese and in English. */
struct docnum_type {
	const char *code; /* NQ, CT, KL, QĐ, HD, KH, CTr, TT, TB, BC ... */
	const char *vi;   /* Nghị quyết */
	const char *en;   /* resolution */
};
/* The known types, ended by a NULL code. */
extern const struct docnum_type docnum_types[];

enum docnum_shape { DOCNUM_A, DOCNUM_B, DOCNUM_C };

/* A parsed number. Every text is UTF-8 and NUL-ended. */
struct docnum {
	char number[DOCNUM_MAX]; /* canonical: 21-NQ/TW, 2008/HD-CT, 54/2017/TT-BQP */
	char num[24];            /* 21, 2008, 54/2017 (digits as written, leading zeros kept) */
	char type[8];            /* canonical type code: NQ, QĐ, CTr */
	char issuer[40];         /* TW, QUTW, ĐU, BQP, ĐU-BCH */
	enum docnum_shape shape;
	int type_index;          /* into docnum_types */
};

/* Where a parse failed: the byte offset into the input, and what was expected there (an
 * English message id, to translate with err_tr; it may hold no printf conversion). */
struct docnum_error {
	size_t offset;
	const char *expected;
};

/* Parse s[0..len) (not necessarily NUL-ended, any bytes) into *d. Returns 0, or -1 with *pe
 * (when not NULL) saying where and what was expected; *d is then undefined. */
int docnum_parse(const char *s, size_t len, struct docnum *d, struct docnum_error *pe);

/* The type whose canonical code or folded spelling (no diacritics, any case) is code, or
 * NULL. */
const struct docnum_type *docnum_type_find(const char *code);

/* The number folded for search into out (cap bytes; cut to fit): lower case, Đ as d
 * ("21-nq/tw", "168-kh/du"). Returns out. */
char *docnum_fold(const char *number, char *out, size_t cap);

#endif
