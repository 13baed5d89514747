/* csv.c - a streaming RFC 4180 CSV reader that checks untrusted UTF-8, and its writer. */
#include "csv.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

/* Marks a message id for xgettext (scripts/i18n-check.sh); tr() translates it where used. */
#ifndef N_
#define N_(s) s
#endif

/* Bytes asked of the read callback at a time. */
#define CSV_CHUNK (64u << 10)

/* Where the scanner is. The whole state lives here, so a chunk may end anywhere (even
 * inside a multi-byte character or between CR and LF) and scanning resumes exactly. */
enum csv_state {
	ST_FIELD,     /* at the start of a field */
	ST_UNQUOTED,  /* inside an unquoted field */
	ST_QUOTED,    /* inside a quoted field */
	ST_QUOTE,     /* after a quote inside a quoted field: an escape or the closing quote */
	ST_CR,        /* after a CR in an unquoted field: a line end if LF follows */
	ST_CR_END     /* after a CR that follows a closing quote: LF must follow */
};

struct csv_reader {
	csv_read_fn read;
	void *ctx;
	size_t field_max, record_max, fields_max;

	/* Input: one chunk, in[pos..len) not yet scanned. */
	unsigned char *in;
	size_t pos, len;
	unsigned long long consumed;  /* bytes of the chunks before this one */
	int started;                  /* the first chunk was read (and a BOM skipped) */
	int eof;                      /* the callback said end of input */
	int done;                     /* end of input or -2 was returned: only 0 from now on */

	enum csv_state state;
	long line;        /* line of the next byte to scan */
	long rec_line;    /* line where the record being read starts */
	long field_line;  /* line where the field being read starts */
	long quote_line;  /* line where the open quote was opened */
	size_t col;       /* 1-based number of the field being read */
	int first_quoted; /* the first field was quoted (so "" is not a blank line) */

	/* The record being read: fields stored one after another, each NUL-terminated, in
	 * data; field i starts at off[i] and has flen[i] bytes. The field being read starts
	 * at fstart. All of it is reused from record to record. */
	char *data;
	size_t dlen, dcap, fstart;
	size_t *off, *flen;
	size_t nfields, fcap;
	char **fptr;
	size_t pcap;

	/* The record has a problem (err says which): the rest of it is scanned for its end
	 * but neither stored nor checked. */
	int bad;
	struct csv_error err;
};

/* Bytes that end a run of plain bytes in an unquoted field, and in a quoted one. */
static const unsigned char stop_unquoted[256] = {[','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1};
static const unsigned char stop_quoted[256] = {['"'] = 1, ['\n'] = 1};

static const unsigned char utf8_bom[3] = {0xEF, 0xBB, 0xBF};

struct csv_reader *csv_reader_new(csv_read_fn read, void *ctx, size_t field_max)
{
	struct csv_reader *r = xcalloc(1, sizeof *r);

	r->read = read;
	r->ctx = ctx;
	r->field_max = field_max ? field_max : CSV_FIELD_MAX;
	/* Keep field_max + 1 and the buffer doubling far from overflow. */
	if (r->field_max > SIZE_MAX / 4)
		r->field_max = SIZE_MAX / 4;
	r->in = xmalloc(CSV_CHUNK);
	/* Never NULL, so that pointer arithmetic on an empty record is defined. */
	r->dcap = 1024;
	r->data = xmalloc(r->dcap);
	r->line = 1;
	r->rec_line = 1;
	r->field_line = 1;
	r->col = 1;
	r->state = ST_FIELD;
	csv_reader_set_record_max(r, 0, 0);
	return r;
}

void csv_reader_set_record_max(struct csv_reader *r, size_t max_fields, size_t max_bytes)
{
	r->fields_max = max_fields ? max_fields : CSV_RECORD_FIELDS_MAX;
	r->record_max = max_bytes ? max_bytes : CSV_RECORD_MAX;
	if (r->record_max > SIZE_MAX / 4)
		r->record_max = SIZE_MAX / 4;
	if (r->record_max < r->field_max + 1)
		r->record_max = r->field_max + 1;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	free(r->in);
	free(r->data);
	free(r->off);
	free(r->flen);
	free(r->fptr);
	free(r);
}

unsigned long long csv_offset(const struct csv_reader *r)
{
	return r->consumed + r->pos;
}

size_t csv_reader_footprint(const struct csv_reader *r)
{
	return sizeof *r + CSV_CHUNK + r->dcap + r->fcap * 2 * sizeof(size_t) +
	       r->pcap * sizeof(char *);
}

/* The translator of the messages (csv_set_translator); NULL keeps them English. */
static csv_translate_fn g_tr;

void csv_set_translator(csv_translate_fn fn)
{
	g_tr = fn;
}

/* msgid in the reader's language (the translator's), else itself. */
static const char *tr(const char *msgid)
{
	const char *s = g_tr ? g_tr(msgid) : NULL;

	return s ? s : msgid;
}

/* Record the first problem of the record (later ones are consequences, or can wait until
 * the first is fixed) and switch to skipping the rest of the record. */
static void csv_fail(struct csv_reader *r, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void csv_fail(struct csv_reader *r, long line, const char *fmt, ...)
{
	va_list ap;

	if (r->bad)
		return;
	r->bad = 1;
	r->err.line = line;
	r->err.column = r->col;
	va_start(ap, fmt);
	vsnprintf(r->err.msg, sizeof r->err.msg, tr(fmt), ap);
	va_end(ap);
}

/* Make data hold at least need bytes; need never passes record_max. */
static void data_reserve(struct csv_reader *r, size_t need)
{
	size_t cap = r->dcap;

	while (cap < need)
		cap *= 2;
	if (cap > r->record_max)
		cap = r->record_max;
	r->data = xrealloc(r->data, cap);
	r->dcap = cap;
}

/* Append n bytes to the field being read, unless the record is bad or the field or the
 * record would pass its cap (then the record becomes bad and nothing more is stored, so a
 * huge field costs no memory). */
static void field_add(struct csv_reader *r, const unsigned char *p, size_t n)
{
	size_t room_field, room_record;

	if (r->bad)
		return;
	/* Bytes the field and the record may still take (the record keeps one for the NUL
	 * that ends the field). The cap passed first, byte by byte, is the one reported, so
	 * that where the chunks happen to end changes nothing. */
	room_field = r->field_max - (r->dlen - r->fstart);
	room_record = r->record_max > r->dlen ? r->record_max - r->dlen - 1 : 0;
	if (n > room_field || n > room_record) {
		if (room_field <= room_record)
			csv_fail(r, r->field_line, "field in column %zu is longer than %zu bytes; "
			     "shorten it or check for a missing closing quote", r->col,
			     r->field_max);
		else
			csv_fail(r, r->rec_line, "record is longer than %zu bytes; shorten it or "
			     "check for a missing closing quote", r->record_max);
		return;
	}
	if (r->dlen + n + 1 > r->dcap)
		data_reserve(r, r->dlen + n + 1);
	memcpy(r->data + r->dlen, p, n);
	r->dlen += n;
}

/* Check that s[0..n) is UTF-8 without NUL: no overlong forms, no surrogates, nothing past
 * U+10FFFF, no cut-off sequences. Returns n when it is, else the offset of the first bad
 * byte with *why set to an English phrase ("" for NUL). */
static size_t utf8_check(const unsigned char *s, size_t n, const char **why)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t i = 0, k, need;
	unsigned c, lo, hi;

	while (i < n) {
		c = s[i];
		if (c < 0x80) {
			if (c == 0) {
				*why = "";
				return i;
			}
			i++;
			/* Eight bytes at a time while they are all ASCII and not NUL. */
			while (n - i >= 8) {
				uint64_t v;

				memcpy(&v, s + i, 8);
				if ((v | ((v - ones) & ~v)) & highs)
					break;
				i += 8;
			}
			continue;
		}
		lo = 0x80;
		hi = 0xBF;
		if (c < 0xC0) {
			*why = N_("a continuation byte without a lead byte");
			return i;
		} else if (c < 0xC2) {
			*why = N_("an overlong encoding");
			return i;
		} else if (c < 0xE0) {
			need = 1;
		} else if (c < 0xF0) {
			need = 2;
			if (c == 0xE0)
				lo = 0xA0;
			else if (c == 0xED)
				hi = 0x9F;
		} else if (c < 0xF5) {
			need = 3;
			if (c == 0xF0)
				lo = 0x90;
			else if (c == 0xF4)
				hi = 0x8F;
		} else {
			*why = c < 0xF8 ? N_("a code point above U+10FFFF") :
					  N_("a byte that never occurs in UTF-8");
			return i;
		}
		for (k = 1; k <= need; k++) {
			if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
				*why = N_("a multi-byte character cut short");
				return i;
			}
		}
		if (s[i + 1] < lo) {
			*why = N_("an overlong encoding");
			return i;
		}
		if (s[i + 1] > hi) {
			*why = c == 0xED ? N_("a UTF-16 surrogate") :
					   N_("a code point above U+10FFFF");
			return i;
		}
		i += need + 1;
	}
	return n;
}

/* The field being read is complete: check it, end it with a NUL and add it to the record. */
static void end_field(struct csv_reader *r)
{
	const unsigned char *s;
	const char *why;
	size_t n, bad_at, i;
	long line;

	if (r->bad)
		goto out;
	s = (const unsigned char *)r->data + r->fstart;
	n = r->dlen - r->fstart;
	bad_at = n ? utf8_check(s, n, &why) : 0;
	if (bad_at < n) {
		line = r->field_line;
		for (i = 0; i < bad_at; i++)
			line += s[i] == '\n';
		if (!*why)
			csv_fail(r, line, "NUL byte in column %zu; the file may be UTF-16 or binary: "
			     "save it as UTF-8 text", r->col);
		else
			csv_fail(r, line, "invalid UTF-8 in column %zu (%s, byte 0x%02X); save the file "
			     "as UTF-8", r->col, tr(why), s[bad_at]);
		goto out;
	}
	if (r->nfields >= r->fields_max) {
		csv_fail(r, r->field_line, "record has more than %zu fields; check the commas in it",
		     r->fields_max);
		goto out;
	}
	if (r->dlen + 1 > r->record_max) {
		csv_fail(r, r->rec_line, "record is longer than %zu bytes; shorten it or check for a "
		     "missing closing quote", r->record_max);
		goto out;
	}
	if (r->dlen + 1 > r->dcap)
		data_reserve(r, r->dlen + 1);
	r->data[r->dlen++] = 0;
	if (r->nfields == r->fcap) {
		r->fcap = r->fcap ? 2 * r->fcap : 16;
		r->off = xrealloc(r->off, r->fcap * sizeof *r->off);
		r->flen = xrealloc(r->flen, r->fcap * sizeof *r->flen);
	}
	r->off[r->nfields] = r->fstart;
	r->flen[r->nfields] = n;
	r->nfields++;
out:
	r->fstart = r->dlen;
	r->field_line = r->line;
	r->col++;
}

/* Forget the record just read (its storage stays valid until it is overwritten). */
static void record_reset(struct csv_reader *r)
{
	r->dlen = r->fstart = 0;
	r->nfields = 0;
	r->col = 1;
	r->bad = 0;
	r->first_quoted = 0;
	r->state = ST_FIELD;
	r->rec_line = r->field_line = r->line;
}

/* Read the next chunk into in. Returns 0 (eof set at end of input) or -1 on a read error.
 * The first time, reads until three bytes are there so that a BOM cut across tiny chunks
 * is still recognised. */
static int refill(struct csv_reader *r)
{
	long n;

	r->consumed += r->len;
	r->pos = r->len = 0;
	do {
		n = r->read(r->ctx, (char *)r->in + r->len, CSV_CHUNK - r->len);
		if (n < 0 || (unsigned long)n > CSV_CHUNK - r->len)
			return -1;
		if (n == 0)
			r->eof = 1;
		r->len += (size_t)n;
	} while (!r->started && !r->eof && r->len < sizeof utf8_bom);
	if (!r->started) {
		r->started = 1;
		if (r->len >= sizeof utf8_bom && !memcmp(r->in, utf8_bom, sizeof utf8_bom))
			r->pos = sizeof utf8_bom;
	}
	return 0;
}

/* Scan in[pos..len). Returns 1 when a record ended (pos is just past its line end), 0 when
 * the chunk is used up first. */
static int scan(struct csv_reader *r)
{
	const unsigned char *p = r->in + r->pos, *end = r->in + r->len, *q;
	unsigned c;

	while (p < end) {
		switch (r->state) {
		case ST_FIELD:
			if (*p == '"') {
				p++;
				r->state = ST_QUOTED;
				r->quote_line = r->line;
				if (r->col == 1)
					r->first_quoted = 1;
				break;
			}
			r->state = ST_UNQUOTED;
			/* fall through */
		case ST_UNQUOTED:
			for (q = p; q < end && !stop_unquoted[*q]; q++)
				;
			if (q != p)
				field_add(r, p, (size_t)(q - p));
			p = q;
			if (p == end)
				break;
			c = *p++;
			if (c == ',') {
				end_field(r);
				r->state = ST_FIELD;
			} else if (c == '\n') {
				end_field(r);
				r->line++;
				goto record;
			} else if (c == '\r') {
				r->state = ST_CR;
			} else {
				/* The quote is taken as data and the line end after it ends the
				 * record: a stray quote rarely means a quoted field follows. */
				csv_fail(r, r->line, "quote inside the unquoted field in column %zu; put the "
				     "whole field in quotes and double the quotes inside it", r->col);
			}
			break;
		case ST_QUOTED:
			for (q = p; q < end && !stop_quoted[*q]; q++)
				;
			if (q != p)
				field_add(r, p, (size_t)(q - p));
			p = q;
			if (p == end)
				break;
			if (*p == '\n') {
				field_add(r, p, 1);
				r->line++;
			} else {
				r->state = ST_QUOTE;
			}
			p++;
			break;
		case ST_QUOTE:
			c = *p;
			if (c == '"') {
				field_add(r, p++, 1);
				r->state = ST_QUOTED;
			} else if (c == ',') {
				p++;
				end_field(r);
				r->state = ST_FIELD;
			} else if (c == '\n') {
				p++;
				end_field(r);
				r->line++;
				goto record;
			} else if (c == '\r') {
				p++;
				r->state = ST_CR_END;
			} else {
				/* Most often a quote inside the field that was not doubled: read the
				 * rest of the field as unquoted text to find the record's end. */
				csv_fail(r, r->line, "text after the closing quote in column %zu; double "
				     "each quote inside a quoted field", r->col);
				r->state = ST_UNQUOTED;
			}
			break;
		case ST_CR:
			if (*p == '\n') {
				p++;
				end_field(r);
				r->line++;
				goto record;
			}
			field_add(r, (const unsigned char *)"\r", 1);
			r->state = ST_UNQUOTED;
			break;
		case ST_CR_END:
			if (*p == '\n') {
				p++;
				end_field(r);
				r->line++;
				goto record;
			}
			csv_fail(r, r->line, "text after the closing quote in column %zu; double each "
			     "quote inside a quoted field", r->col);
			r->state = ST_UNQUOTED;
			break;
		}
	}
	r->pos = (size_t)(p - r->in);
	return 0;
record:
	r->pos = (size_t)(p - r->in);
	return 1;
}

/* A record ended: hand it out (1), report its problem (-1), or skip a blank line (0). */
static int record_finish(struct csv_reader *r, struct csv_record *rec, struct csv_error *err)
{
	size_t i;

	if (r->bad) {
		if (err)
			*err = r->err;
		record_reset(r);
		return -1;
	}
	if (r->nfields == 1 && r->flen[0] == 0 && !r->first_quoted) {
		record_reset(r);
		return 0;
	}
	if (r->pcap < r->nfields) {
		r->pcap = r->fcap;
		r->fptr = xrealloc(r->fptr, r->pcap * sizeof *r->fptr);
	}
	for (i = 0; i < r->nfields; i++) {
		r->fptr[i] = r->data + r->off[i];
		/* A formula neutralised by csv_write_field reads back as it was. */
		if (csv_neutralised(r->fptr[i])) {
			r->fptr[i]++;
			r->flen[i]--;
		}
	}
	rec->field = r->fptr;
	rec->len = r->flen;
	rec->nfields = r->nfields;
	rec->line = r->rec_line;
	record_reset(r);
	return 1;
}

/* The input cannot go on: report why and return only 0 from now on. */
static int csv_fatal(struct csv_reader *r, struct csv_error *err, long line,
		     const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int csv_fatal(struct csv_reader *r, struct csv_error *err, long line,
		     const char *fmt, ...)
{
	va_list ap;

	r->done = 1;
	if (!err)
		return -2;
	err->line = line;
	err->column = r->col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, tr(fmt), ap);
	va_end(ap);
	return -2;
}

int csv_next(struct csv_reader *r, struct csv_record *rec, struct csv_error *err)
{
	int rc;

	if (r->done)
		return 0;
	for (;;) {
		if (r->pos < r->len) {
			if (!scan(r))
				continue;
		} else if (!r->eof) {
			/* A chunk may bring nothing to scan (a BOM alone): loop, do not stop. */
			if (refill(r) < 0)
				return csv_fatal(r, err, r->line, "cannot read the input after byte %llu "
					     "(line %ld); check the file and try again",
					     csv_offset(r), r->line);
			continue;
		} else if (r->state == ST_QUOTED) {
			return csv_fatal(r, err, r->quote_line, "quote opened on line %ld is never "
				     "closed; close it or remove it", r->quote_line);
		} else if (r->state == ST_FIELD && r->col == 1) {
			r->done = 1;
			return 0;
		} else {
			/* The last record has no line end: a CR left pending is dropped. */
			end_field(r);
		}
		rc = record_finish(r, rec, err);
		if (rc)
			return rc;
	}
}

static void csv_write_plain(struct buf *b, const char *s);

/* A first byte a spreadsheet takes as the start of a formula (or strips: tab, CR). */
static int formula_start(char c)
{
	return c && strchr("=+-@\t\r", c) != NULL;
}

int csv_neutralised(const char *s)
{
	return s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'');
}

void csv_write_field(struct buf *b, const char *s)
{
	if (!s)
		s = "";
	/* A formula is written as text: a leading apostrophe, which the reader drops again
	 * (and one more before a field that would otherwise read as neutralised). */
	if (formula_start(s[0]) || csv_neutralised(s)) {
		struct buf t;

		buf_init(&t, 0);
		buf_addc(&t, '\'');
		buf_adds(&t, s);
		csv_write_plain(b, buf_str(&t));
		buf_cleanup(&t);
		return;
	}
	csv_write_plain(b, s);
}

static void csv_write_plain(struct buf *b, const char *s)
{
	const char *q;
	size_t n;

	n = strlen(s);
	if (!(n && (s[0] == ' ' || s[n - 1] == ' ')) &&
	    !(n >= sizeof utf8_bom && !memcmp(s, utf8_bom, sizeof utf8_bom)) &&
	    !strpbrk(s, ",\"\r\n")) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	while ((q = strchr(s, '"')) != NULL) {
		buf_add(b, s, (size_t)(q - s) + 1);
		buf_addc(b, '"');
		s = q + 1;
	}
	buf_adds(b, s);
	buf_addc(b, '"');
}

void csv_write_record(struct buf *b, const char *const *fields, size_t n)
{
	size_t i;

	if (n == 1 && (!fields[0] || !fields[0][0])) {
		buf_adds(b, "\"\"\n");
		return;
	}
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		csv_write_field(b, fields[i]);
	}
	buf_addc(b, '\n');
}
