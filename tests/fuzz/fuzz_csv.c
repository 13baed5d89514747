/* fuzz_csv.c - libFuzzer target: the CSV reader on any bytes, in chunks chosen by the input.
 *
 * Input layout: byte 0 picks the limits, byte 1 sizes them, bytes 2..5 are the chunk sizes
 * the read callback cycles through (0 = 64 KiB); the rest is the CSV. Shorter inputs are
 * all CSV, read a byte at a time. Checked for every input:
 *   - every record has fields that are valid UTF-8 without NUL, NUL-terminated, within
 *     field_max, and starts on a later line than the one before;
 *   - every error has a line, a column and a message saying what and how ("...; ...");
 *   - "invalid UTF-8" and "NUL byte" are reported only when the input has them;
 *   - the chunked read gives exactly what one read of the whole input gives;
 *   - the reader's memory stays within its caps, and it always terminates;
 *   - writing the good records and reading them back gives the same fields. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

struct src {
	const uint8_t *p;
	size_t len, pos;
	size_t chunk[4];
	size_t next;
};

static long src_read(void *ctx, char *p, size_t n)
{
	struct src *s = ctx;
	size_t k = s->chunk[s->next++ % 4];

	if (k > n)
		k = n;
	if (k > s->len - s->pos)
		k = s->len - s->pos;
	memcpy(p, s->p + s->pos, k);
	s->pos += k;
	return (long)k;
}

struct limits {
	size_t field_max, max_fields, max_bytes;
};

/* UTF-8 checked by decoding, independently of the reader's checker; NUL passes only
 * when nul_ok. */
static int valid_utf8(const uint8_t *s, size_t n, int nul_ok)
{
	static const uint32_t min[4] = {0, 0x80, 0x800, 0x10000};
	size_t i = 0, j, k;
	uint32_t cp;

	while (i < n) {
		if (s[i] < 0x80) {
			if (!s[i] && !nul_ok)
				return 0;
			i++;
			continue;
		}
		if (s[i] >= 0xC0 && s[i] < 0xE0)
			k = 1, cp = s[i] & 0x1Fu;
		else if (s[i] >= 0xE0 && s[i] < 0xF0)
			k = 2, cp = s[i] & 0x0Fu;
		else if (s[i] >= 0xF0 && s[i] < 0xF8)
			k = 3, cp = s[i] & 0x07u;
		else
			return 0;
		if (n - i <= k)
			return 0;
		for (j = 1; j <= k; j++) {
			if ((s[i + j] & 0xC0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3Fu);
		}
		if (cp < min[k] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += k + 1;
	}
	return 1;
}

/* Read all of the input; append a transcript of every result to t, and every good record,
 * written back as CSV, to out. Returns the number of errors. */
static size_t read_all(const uint8_t *p, size_t len, const size_t chunk[4],
		       const struct limits *lim, struct buf *t, struct buf *out)
{
	struct src s = {p, len, 0, {chunk[0], chunk[1], chunk[2], chunk[3]}, 0};
	struct csv_reader *r = csv_reader_new(src_read, &s, lim->field_max);
	size_t field_max = lim->field_max ? lim->field_max : CSV_FIELD_MAX;
	size_t max_fields = lim->max_fields ? lim->max_fields : CSV_RECORD_FIELDS_MAX;
	size_t max_bytes = lim->max_bytes ? lim->max_bytes : CSV_RECORD_MAX;
	size_t calls = 0, errors = 0, i;
	int input_utf8 = valid_utf8(p, len, 1);
	int input_nul = memchr(p, 0, len) != NULL;
	struct csv_record rec;
	struct csv_error err;
	long last_line = 0;
	int rc;

	if (max_bytes < field_max + 1)
		max_bytes = field_max + 1;
	csv_reader_set_record_max(r, lim->max_fields, lim->max_bytes);
	while ((rc = csv_next(r, &rec, &err)) != 0) {
		CHECK(++calls <= len + 1);
		CHECK(csv_offset(r) <= len);
		CHECK(csv_reader_footprint(r) <= 70000 + max_bytes + 48 * (max_fields + 16));
		if (rc == 1) {
			CHECK(rec.nfields >= 1 && rec.nfields <= max_fields);
			CHECK(rec.line > last_line);
			last_line = rec.line;
			buf_printf(t, "R %ld %zu\n", rec.line, rec.nfields);
			for (i = 0; i < rec.nfields; i++) {
				CHECK(rec.len[i] <= field_max);
				CHECK(rec.field[i][rec.len[i]] == 0);
				CHECK(valid_utf8((const uint8_t *)rec.field[i], rec.len[i], 0));
				buf_printf(t, "%zu:", rec.len[i]);
				buf_add(t, rec.field[i], rec.len[i]);
			}
			csv_write_record(out, (const char *const *)rec.field, rec.nfields);
			continue;
		}
		errors++;
		CHECK(rc == -1 || rc == -2);
		CHECK(err.line > last_line && err.column >= 1);
		CHECK(strlen(err.msg) > 10 && strstr(err.msg, "; "));
		if (strstr(err.msg, "invalid UTF-8"))
			CHECK(!input_utf8);
		if (strstr(err.msg, "NUL byte"))
			CHECK(input_nul);
		/* The bad record is skipped whole: the next one starts on a later line. */
		last_line = err.line;
		buf_printf(t, "E%d %ld %zu %s\n", rc, err.line, err.column, err.msg);
		if (rc == -2)
			break;
	}
	if (rc == 0)
		CHECK(csv_offset(r) == len);
	CHECK(csv_next(r, &rec, &err) == 0);
	csv_reader_free(r);
	return errors;
}

static int buf_equal(const struct buf *a, const struct buf *b)
{
	return a->len == b->len && !memcmp(buf_str(a), buf_str(b), a->len);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t whole[4] = {1 << 16, 1 << 16, 1 << 16, 1 << 16};
	size_t chunk[4] = {1, 1, 1, 1};
	struct limits lim = {0, 0, 0}, lim_back;
	struct buf t1, t2, out1, out2, back, back_out;
	size_t i;

	if (size >= 6) {
		if (data[0] & 1)
			lim.field_max = 1 + data[1] % 64;
		if (data[0] & 2)
			lim.max_fields = 1 + data[1] % 8;
		if (data[0] & 4)
			lim.max_bytes = 1 + data[1] % 128;
		for (i = 0; i < 4; i++)
			chunk[i] = data[2 + i] ? data[2 + i] : 1 << 16;
		data += 6;
		size -= 6;
	}
	buf_init(&t1, 0);
	buf_init(&t2, 0);
	buf_init(&out1, 0);
	buf_init(&out2, 0);
	buf_init(&back, 0);
	buf_init(&back_out, 0);

	/* Chunk boundaries change nothing. */
	read_all(data, size, chunk, &lim, &t1, &out1);
	read_all(data, size, whole, &lim, &t2, &out2);
	CHECK(buf_equal(&t1, &t2));

	/* The good records, written and read back, come back without errors and write the
	 * same bytes again: the writer is one-to-one, so the fields are the same. A field
	 * that looks like a formula is written with one apostrophe more (docs/csv.md), so the
	 * read-back allows a byte more a field (and so at most twice the bytes a record). */
	lim_back = lim;
	if (lim_back.field_max)
		lim_back.field_max++;
	lim_back.max_bytes *= 2;
	CHECK(read_all((const uint8_t *)buf_str(&out1), out1.len, chunk, &lim_back, &back,
		       &back_out) == 0);
	CHECK(buf_equal(&back_out, &out1));

	buf_cleanup(&t1);
	buf_cleanup(&t2);
	buf_cleanup(&out1);
	buf_cleanup(&out2);
	buf_cleanup(&back);
	buf_cleanup(&back_out);
	return 0;
}
