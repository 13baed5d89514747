/* docnum.c - the number of a document parsed and spelled one way (docnum.h). */
#include "docnum.h"
#include "err.h"

#include <stdio.h>
#include <string.h>

const struct docnum_type docnum_types[] = {
	{"NQ", "Nghị quyết", "resolution"},
	{"CT", "Chỉ thị", "directive"},
	{"KL", "Kết luận", "conclusion"},
	{"QĐ", "Quy định, quyết định", "regulation or decision"},
	{"HD", "Hướng dẫn", "instruction"},
	{"KH", "Kế hoạch", "plan"},
	{"CTr", "Chương trình", "programme"},
	{"TT", "Thông tư", "circular"},
	{"TTLT", "Thông tư liên tịch", "joint circular"},
	{"TB", "Thông báo", "notice"},
	{"BC", "Báo cáo", "report"},
	{"NĐ", "Nghị định", "decree"},
	{"QC", "Quy chế", "working rules"},
	{"ĐA", "Đề án", "scheme"},
	{"TTr", "Tờ trình", "submission"},
	{"CV", "Công văn", "official letter"},
	{"L", "Luật", "law"},
	{NULL, NULL, NULL},
};

/* Issuers whose canonical spelling differs from their plain upper-case one (diacritics, a
 * lower-case letter): matched on the folded upper-case spelling of one part. */
static const struct {
	const char *folded, *canon;
} issuers[] = {
	{"DU", "ĐU"},         /* Đảng ủy (a region's, a division's party committee) */
	{"DUK", "ĐUK"},       /* Đảng ủy khối */
	{"DUQS", "ĐUQS"},     /* Đảng ủy quân sự (a province's) */
	{"DUQSTW", "ĐUQSTW"}, /* Đảng ủy Quân sự Trung ương (before 2011) */
	{"DUBP", "ĐUBP"},     /* Đảng ủy Bộ đội Biên phòng */
	{"BCD", "BCĐ"},       /* Ban Chỉ đạo */
	{"TTG", "TTg"},       /* Thủ tướng Chính phủ */
	{NULL, NULL},
};

enum tok_kind { T_END, T_NUM, T_WORD, T_DASH, T_SLASH };

struct tok {
	enum tok_kind kind;
	size_t off;           /* byte offset in the input */
	char text[48];        /* as normalised: upper case, Đ as U+0110 */
	char fold[48];        /* upper case, Đ as D */
	size_t len, flen;     /* bytes of text, fold */
	int too_long;
};

struct lexer {
	const unsigned char *s;
	size_t n, i;
};

/* One input character, classified: 'd' digit, 'a' letter (ASCII; Đ gives 'D' with *dstroke),
 * '-', '/', ' ' space, 0 end, '?' anything else. *len: the bytes it takes. */
static int lex_char(const struct lexer *lx, size_t i, int *c, int *dstroke, size_t *len)
{
	const unsigned char *s = lx->s;
	size_t n = lx->n;
	unsigned b;

	*dstroke = 0;
	*len = 1;
	if (i >= n)
		return 0;
	b = s[i];
	if (b >= '0' && b <= '9') {
		*c = (int)b;
		return 'd';
	}
	if ((b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z')) {
		*c = b >= 'a' ? (int)b - 32 : (int)b;
		/* D with a combining short or long stroke overlay: Đ decomposed by hand */
		if (*c == 'D' && i + 2 < n + 0 && s[i + 1] == 0xCC &&
		    (s[i + 2] == 0xB5 || s[i + 2] == 0xB6)) {
			*dstroke = 1;
			*len = 3;
		}
		return 'a';
	}
	if (b == '-' || b == '/' || b == ' ' || b == '\t') {
		*c = (int)b;
		return b == '\t' ? ' ' : (int)b;
	}
	if (b == 0xC2 && i + 1 < n && s[i + 1] == 0xA0) { /* no-break space */
		*len = 2;
		return ' ';
	}
	/* Đ U+0110, đ U+0111 */
	if (b == 0xC4 && i + 1 < n && (s[i + 1] == 0x90 || s[i + 1] == 0x91)) {
		*c = 'D';
		*dstroke = 1;
		*len = 2;
		return 'a';
	}
	/* the look-alikes Ð U+00D0 and ð U+00F0 */
	if (b == 0xC3 && i + 1 < n && (s[i + 1] == 0x90 || s[i + 1] == 0xB0)) {
		*c = 'D';
		*dstroke = 1;
		*len = 2;
		return 'a';
	}
	/* dashes U+2010..U+2015, minus U+2212 */
	if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] >= 0x90 && s[i + 2] <= 0x95) {
		*len = 3;
		*c = '-';
		return '-';
	}
	if (b == 0xE2 && i + 2 < n && s[i + 1] == 0x88 && (s[i + 2] == 0x92 || s[i + 2] == 0x95)) {
		*len = 3; /* U+2212 minus; U+2215 division slash */
		*c = s[i + 2] == 0x92 ? '-' : '/';
		return *c;
	}
	if (b == 0xEF && i + 2 < n && s[i + 1] == 0xBC && (s[i + 2] == 0x8D || s[i + 2] == 0x8F)) {
		*len = 3; /* fullwidth hyphen-minus, solidus */
		*c = s[i + 2] == 0x8D ? '-' : '/';
		return *c;
	}
	*c = '?';
	return '?';
}

static void tok_put(struct tok *t, const char *text, size_t tl, char fold)
{
	if (t->len + tl + 1 > sizeof t->text || t->flen + 2 > sizeof t->fold) {
		t->too_long = 1;
		return;
	}
	memcpy(t->text + t->len, text, tl);
	t->len += tl;
	t->text[t->len] = 0;
	t->fold[t->flen++] = fold;
	t->fold[t->flen] = 0;
}

/* The next token from lx->i; spaces skipped. Returns 0, or -1 with pe set at an unknown
 * character. */
static int lex_next(struct lexer *lx, struct tok *t, struct docnum_error *pe)
{
	int k, c, ds;
	size_t len;

	memset(t, 0, sizeof *t);
	while ((k = lex_char(lx, lx->i, &c, &ds, &len)) == ' ')
		lx->i += len;
	t->off = lx->i;
	if (k == 0) {
		t->kind = T_END;
		return 0;
	}
	if (k == '?') {
		pe->offset = lx->i;
		pe->expected = N_("a digit, a letter, '-' or '/' (this character has no place in "
				  "a document's number)");
		return -1;
	}
	if (k == '-' || k == '/') {
		t->kind = k == '-' ? T_DASH : T_SLASH;
		lx->i += len;
		return 0;
	}
	if (k == 'd') {
		t->kind = T_NUM;
		while ((k = lex_char(lx, lx->i, &c, &ds, &len)) == 'd') {
			char ch = (char)c;

			tok_put(t, &ch, 1, ch);
			lx->i += len;
		}
		return 0;
	}
	t->kind = T_WORD;
	/* a word: a letter, then letters and digits */
	while ((k = lex_char(lx, lx->i, &c, &ds, &len)) == 'a' || k == 'd') {
		if (ds) {
			tok_put(t, "\xC4\x90", 2, 'D');
		} else {
			char ch = (char)c;

			tok_put(t, &ch, 1, ch);
		}
		lx->i += len;
	}
	return 0;
}

const struct docnum_type *docnum_type_find(const char *code)
{
	char want[16], have[16];
	size_t i, j, n;

	if (!code)
		return NULL;
	/* fold code: upper case, Đ/đ as D */
	for (i = j = 0; code[i] && j + 1 < sizeof want; i++) {
		unsigned char b = (unsigned char)code[i];

		if (b == 0xC4 && (code[i + 1] == '\x90' || code[i + 1] == '\x91')) {
			want[j++] = 'D';
			i++;
		} else if (b >= 'a' && b <= 'z') {
			want[j++] = (char)(b - 32);
		} else {
			want[j++] = (char)b;
		}
	}
	want[j] = 0;
	for (n = 0; docnum_types[n].code; n++) {
		const char *c = docnum_types[n].code;

		for (i = j = 0; c[i] && j + 1 < sizeof have; i++) {
			unsigned char b = (unsigned char)c[i];

			if (b == 0xC4) {
				have[j++] = 'D';
				i++;
			} else {
				have[j++] = (char)(b >= 'a' && b <= 'z' ? b - 32 : b);
			}
		}
		have[j] = 0;
		if (!strcmp(have, want))
			return &docnum_types[n];
	}
	return NULL;
}

/* Append the issuer part t (canonical spelling) to d->issuer; -1 when it does not fit. */
static int issuer_add(struct docnum *d, const struct tok *t, int dash)
{
	const char *canon = t->text;
	size_t i, have = strlen(d->issuer), need;

	for (i = 0; issuers[i].folded; i++)
		if (!strcmp(issuers[i].folded, t->fold)) {
			canon = issuers[i].canon;
			break;
		}
	need = strlen(canon) + (dash ? 1 : 0);
	if (have + need + 1 > sizeof d->issuer)
		return -1;
	if (dash)
		d->issuer[have++] = '-';
	memcpy(d->issuer + have, canon, strlen(canon) + 1);
	return 0;
}

static int fail(struct docnum_error *pe, size_t off, const char *expected)
{
	pe->offset = off;
	pe->expected = expected;
	return -1;
}

static const char exp_type[] = N_("a known type of document (NQ, CT, KL, QĐ, HD, KH, CTr, TT, TB, "
				  "BC, NĐ, QC, ĐA, TTr, CV, TTLT, L)");
static const char exp_issuer[] = N_("the issuer (letters), as TW in 21-NQ/TW or CT in 2008/HD-CT");

/* Skip a leading "Số" or "Số:" (any case). */
static size_t skip_so(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i + 4 <= n && (s[i] == 'S' || s[i] == 's') && s[i + 1] == 0xE1 && s[i + 2] == 0xBB &&
	    (s[i + 3] == 0x90 || s[i + 3] == 0x91)) {
		i += 4;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i < n && (s[i] == ':' || s[i] == '.'))
			i++;
		return i;
	}
	return 0;
}

int docnum_parse(const char *s, size_t len, struct docnum *d, struct docnum_error *pe)
{
	struct docnum_error spare;
	struct lexer lx;
	struct tok t, num, year, type;
	const struct docnum_type *ty;
	int parts = 0, rc;

	if (!pe)
		pe = &spare;
	memset(d, 0, sizeof *d);
	if (!s)
		len = 0;
	if (len > DOCNUM_INPUT_MAX)
		return fail(pe, DOCNUM_INPUT_MAX, N_("the end of the number (a document's number is "
						  "at most 200 bytes)"));
	lx.s = (const unsigned char *)s;
	lx.n = len;
	lx.i = skip_so(lx.s, len);
	if (lex_next(&lx, &num, pe))
		return -1;
	if (num.kind != T_NUM)
		return fail(pe, num.off, num.kind == T_END && num.off == 0
						 ? N_("a document's number, as 21-NQ/TW or 2008/HD-CT")
						 : N_("the document's number (digits), as 21 in 21-NQ/TW"));
	if (num.len > 6 || num.too_long)
		return fail(pe, num.off + 6, N_("'-' or '/' (a document's number has at most 6 digits)"));
	if (lex_next(&lx, &t, pe))
		return -1;
	memset(&year, 0, sizeof year);
	if (t.kind == T_DASH) {
		d->shape = DOCNUM_A;
	} else if (t.kind == T_SLASH) {
		d->shape = DOCNUM_B;
	} else {
		return fail(pe, t.off, N_("'-' (as in 21-NQ/TW) or '/' (as in 2008/HD-CT) after the "
				       "number"));
	}
	if (lex_next(&lx, &type, pe))
		return -1;
	if (d->shape == DOCNUM_B && type.kind == T_NUM) {
		/* NUMBER/YEAR/TYPE-ISSUER */
		year = type;
		if (year.len != 4 || year.text[0] < '1' || year.text[0] > '2')
			return fail(pe, year.off, N_("a year of four digits, as 2017 in 54/2017/TT-BQP"));
		d->shape = DOCNUM_C;
		if (lex_next(&lx, &t, pe))
			return -1;
		if (t.kind != T_SLASH)
			return fail(pe, t.off, N_("'/' after the year, as in 54/2017/TT-BQP"));
		if (lex_next(&lx, &type, pe))
			return -1;
	}
	if (type.kind != T_WORD || type.too_long || !(ty = docnum_type_find(type.fold)))
		return fail(pe, type.off, exp_type);
	d->type_index = (int)(ty - docnum_types);
	snprintf(d->type, sizeof d->type, "%s", ty->code);
	if (lex_next(&lx, &t, pe))
		return -1;
	if (d->shape == DOCNUM_A && t.kind != T_SLASH)
		return fail(pe, t.off, N_("'/' between the type and the issuer, as in 21-NQ/TW"));
	if (d->shape != DOCNUM_A && t.kind != T_DASH)
		return fail(pe, t.off, N_("'-' between the type and the issuer, as in 2008/HD-CT"));
	for (;;) {
		if (lex_next(&lx, &t, pe))
			return -1;
		if (t.kind != T_WORD)
			return fail(pe, t.off, exp_issuer);
		if (t.too_long || issuer_add(d, &t, parts > 0))
			return fail(pe, t.off, N_("a shorter issuer (at most 39 bytes)"));
		parts++;
		if (lex_next(&lx, &t, pe))
			return -1;
		if (t.kind == T_END)
			break;
		if (t.kind != T_DASH)
			return fail(pe, t.off, N_("the end of the number, or '-' and another part of the "
					       "issuer"));
	}
	if (d->shape == DOCNUM_C)
		rc = snprintf(d->num, sizeof d->num, "%s/%s", num.text, year.text);
	else
		rc = snprintf(d->num, sizeof d->num, "%s", num.text);
	if (rc < 0 || (size_t)rc >= sizeof d->num)
		return fail(pe, num.off, N_("a shorter number"));
	if (d->shape == DOCNUM_A)
		rc = snprintf(d->number, sizeof d->number, "%s-%s/%s", d->num, d->type, d->issuer);
	else
		rc = snprintf(d->number, sizeof d->number, "%s/%s-%s", d->num, d->type, d->issuer);
	if (rc < 0 || (size_t)rc >= sizeof d->number)
		return fail(pe, num.off, N_("a shorter number"));
	return 0;
}

char *docnum_fold(const char *number, char *out, size_t cap)
{
	size_t i, j = 0;

	if (!cap)
		return out;
	for (i = 0; number && number[i] && j + 1 < cap; i++) {
		unsigned char b = (unsigned char)number[i];

		if (b == 0xC4 && (number[i + 1] == '\x90' || number[i + 1] == '\x91')) {
			out[j++] = 'd';
			i++;
		} else {
			out[j++] = (char)(b >= 'A' && b <= 'Z' ? b + 32 : b);
		}
	}
	out[j] = 0;
	return out;
}
