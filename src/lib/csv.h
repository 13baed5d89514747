/* csv.h - a streaming RFC 4180 CSV reader and writer for UTF-8 text from outside.
 *
 * The reader never trusts its input: it checks UTF-8, caps the size of a field, and tells a
 * problem confined to one record (the record is skipped, reading goes on) from one that
 * ends the file (a quote left open). Its callers check column counts against the header. */
#ifndef CADRE_CSV_H
#define CADRE_CSV_H

#include <stddef.h>

#include "buf.h"

/* Default cap on one field, in bytes. */
#define CSV_FIELD_MAX (1u << 20)
/* Default caps on one record: its number of fields, and its bytes (the sum of its field
 * lengths plus one per field). A record over either is a record error, like a long field,
 * so that no input, however built, makes the reader hold more than about the record cap. */
#define CSV_RECORD_FIELDS_MAX 4096u
#define CSV_RECORD_MAX (16u << 20)

/* Where the reader gets bytes: returns the number of bytes read into p (at most n), 0 at
 * end of input, or -1 on a read error. */
typedef long (*csv_read_fn)(void *ctx, char *p, size_t n);

struct csv_reader;

/* One record: nfields NUL-terminated fields (field[i] has len[i] bytes; a field may hold
 * an embedded newline but never a NUL). line is the 1-based line where the record starts.
 * Storage belongs to the reader and is valid until the next csv_next call. */
struct csv_record {
	char **field;
	size_t *len;
	size_t nfields;
	long line;
};

/* A problem found by csv_next: line and 1-based column (field number) where it is, and
 * a message saying what is wrong and how to fix it, in the language of the translator
 * (csv_set_translator; English without one). */
struct csv_error {
	long line;
	size_t column;
	char msg[256];
};

/* Messages in the reader's language: fn returns the translation of an English message id
 * (a printf format keeping the msgid's conversions) or NULL for none. Set once at start-up
 * by the layer that holds the catalogues (src/web/i18n.c passes err_tr, so the language is
 * the calling thread's); without it messages stay English. src/lib knows no catalogue. */
typedef const char *(*csv_translate_fn)(const char *msgid);
void csv_set_translator(csv_translate_fn fn);

/* Create a reader. field_max caps one field (0: CSV_FIELD_MAX). The caller owns the reader
 * and frees it with csv_reader_free. A UTF-8 byte-order mark at the start is skipped. */
struct csv_reader *csv_reader_new(csv_read_fn read, void *ctx, size_t field_max);
void csv_reader_free(struct csv_reader *r);

/* Change the record caps of a new reader (call before the first csv_next). max_fields 0
 * keeps CSV_RECORD_FIELDS_MAX; max_bytes 0 keeps CSV_RECORD_MAX. The byte cap is never
 * below field_max + 1, so one field of field_max bytes always fits. */
void csv_reader_set_record_max(struct csv_reader *r, size_t max_fields, size_t max_bytes);

/* Read the next record. Returns 1 with *rec filled, 0 at end of input, -1 when this record
 * is bad (*err says why; the reader has skipped to the start of the next record, so the
 * caller may go on), or -2 when the rest of the input cannot be read (a quote left open
 * until the end, a read error; *err says why). Blank lines are skipped. Both CRLF and LF
 * end a record. Problems: invalid UTF-8, a NUL byte, a field over field_max, a quote inside
 * an unquoted field, text after a closing quote (and a record over the record caps).
 * After 0 or -2 every later call returns 0. On -1 and -2, *rec is not filled.
 * Details: err->line is the line of the problem itself (for a long field, the line where
 * the field starts; for an open quote, the line where it opened), so it may be later than
 * the record's first line. A CR not followed by LF is data (CR at the very end of input
 * ends the record). To find the end of a bad record, a stray quote in an unquoted field
 * is taken as data, and after text that follows a closing quote the rest of that field
 * is read as unquoted; a later field that starts with a quote still hides line ends.
 * Where the chunks returned by read end never changes the result. err may be NULL. */
int csv_next(struct csv_reader *r, struct csv_record *rec, struct csv_error *err);
/* Whether field s reads as a neutralised formula: an apostrophe before =, +, -, @, tab, CR
 * or another apostrophe. csv_next drops that first apostrophe from every field. */
int csv_neutralised(const char *s);

/* Bytes consumed so far (for a progress bar). */
unsigned long long csv_offset(const struct csv_reader *r);

/* Bytes of heap the reader holds now: its read buffer plus the record storage it keeps
 * for reuse. Bounded by about 64 KiB plus the record cap whatever the input is (tests use
 * it to prove that a huge field is skipped, not buffered). */
size_t csv_reader_footprint(const struct csv_reader *r);

/* Append one field to b, quoted when it holds a comma, quote, CR or LF, or starts or ends
 * with a space (and when it starts with a UTF-8 byte-order mark, which a reader would drop
 * at the start of a file). Quotes inside are doubled. Writes no separator. Any string
 * without NUL reads back exactly; the reader rejects it only when it is not valid UTF-8.
 * A field starting with =, +, -, @, tab or CR (a spreadsheet formula) is written with a
 * leading apostrophe, as is one for which csv_neutralised holds, and csv_next drops that
 * apostrophe again: the round trip stays exact (docs/csv.md). */
void csv_write_field(struct buf *b, const char *s);

/* Append fields[0..n-1] as one record ending in "\n". NULL fields are written empty. A
 * record of one empty field is written as "" so it does not read back as a blank line
 * (which readers skip); n == 0 writes only "\n", which reads back as nothing. */
void csv_write_record(struct buf *b, const char *const *fields, size_t n);

#endif
