/* test_csv.c - the CSV reader and writer, fed through chunks of many sizes. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/buf.h"
#include "lib/csv.h"
#include "lib/mem.h"

/* Input from memory, handed out in chunks whose sizes cycle through a pattern, so that
 * every record, quote, CR/LF pair and multi-byte character is cut somewhere. fail_at
 * makes the read after that many bytes fail (0: never). */
struct src {
	const char *data;
	size_t len, pos;
	const size_t *chunk;
	size_t nchunk, next;
	size_t fail_at;
};

static long src_read(void *ctx, char *p, size_t n)
{
	struct src *s = ctx;
	size_t k = s->chunk[s->next++ % s->nchunk];

	if (s->fail_at && s->pos >= s->fail_at)
		return -1;
	if (k > n)
		k = n;
	if (k > s->len - s->pos)
		k = s->len - s->pos;
	memcpy(p, s->data + s->pos, k);
	s->pos += k;
	return (long)k;
}

static const size_t pat_1[] = {1};
static const size_t pat_3[] = {3};
static const size_t pat_7[] = {7};
static const size_t pat_mix[] = {1, 3, 7, 2, 5, 11};
static const size_t pat_big[] = {65536};
static const size_t pat_odd[] = {4093, 7, 65535};

struct pattern {
	const size_t *chunk;
	size_t n;
};

static const struct pattern patterns[] = {
	{pat_1, 1}, {pat_3, 1}, {pat_7, 1}, {pat_mix, 6}, {pat_big, 1}, {pat_odd, 3},
};
#define NPATTERNS (sizeof patterns / sizeof patterns[0])

/* Limits for one run; zero means the reader's default. */
struct limits {
	size_t field_max, max_fields, max_bytes;
};

/* The message of the last error seen by run(). */
static char last_msg[200];

/* Read all of data with one chunk pattern and return a transcript the caller frees: one
 * line per csv_next result, "<line>[f1][f2]..." for a record, "E1@line:col" and
 * "E2@line:col" for errors. Also checks that a call after the end returns 0 again. */
static char *run(const char *data, size_t len, const struct pattern *pat,
		 const struct limits *lim)
{
	struct src s = {data, len, 0, pat->chunk, pat->n, 0, 0};
	struct csv_reader *r = csv_reader_new(src_read, &s, lim ? lim->field_max : 0);
	struct csv_record rec;
	struct csv_error err;
	struct buf t;
	size_t i;
	int rc;

	if (lim)
		csv_reader_set_record_max(r, lim->max_fields, lim->max_bytes);
	buf_init(&t, 0);
	last_msg[0] = 0;
	while ((rc = csv_next(r, &rec, &err)) != 0) {
		if (rc == 1) {
			buf_printf(&t, "%ld", rec.line);
			for (i = 0; i < rec.nfields; i++) {
				assert_int_equal(strlen(rec.field[i]), rec.len[i]);
				buf_addc(&t, '[');
				buf_add(&t, rec.field[i], rec.len[i]);
				buf_addc(&t, ']');
			}
		} else {
			buf_printf(&t, "E%d@%ld:%zu", -rc, err.line, err.column);
			assert_true(strlen(err.msg) > 10);
			memcpy(last_msg, err.msg, sizeof last_msg);
		}
		buf_addc(&t, '\n');
		if (rc == -2)
			break;
	}
	assert_int_equal(csv_next(r, &rec, &err), 0);
	assert_int_equal(csv_next(r, &rec, &err), 0);
	if (rc == 0)
		assert_int_equal(csv_offset(r), len);
	csv_reader_free(r);
	return buf_steal(&t);
}

/* Every chunk pattern gives the expected transcript. */
static void expect_lim(const char *data, size_t len, const struct limits *lim,
		       const char *want)
{
	size_t i;

	for (i = 0; i < NPATTERNS; i++) {
		char *got = run(data, len, &patterns[i], lim);

		if (strcmp(got, want)) {
			print_error("pattern %zu:\n--- want\n%s--- got\n%s", i, want, got);
			free(got);
			fail();
		}
		free(got);
	}
}

static void expect(const char *data, const char *want)
{
	expect_lim(data, strlen(data), NULL, want);
}

static void expect_msg(const char *part)
{
	if (!strstr(last_msg, part)) {
		print_error("message \"%s\" lacks \"%s\"\n", last_msg, part);
		fail();
	}
}

static void test_basic(void **state)
{
	(void)state;
	expect("a,b,c\n1,2,3\n", "1[a][b][c]\n2[1][2][3]\n");
	expect("a,b\nc", "1[a][b]\n2[c]\n");
	expect("a,,\n,\n", "1[a][][]\n2[][]\n");
	expect("a,\n", "1[a][]\n");
	expect(" a , b \n", "1[ a ][ b ]\n");
	expect("Nguyễn Văn Hùng,Đức,𝄞\n", "1[Nguyễn Văn Hùng][Đức][𝄞]\n");
}

static void test_empty_input(void **state)
{
	(void)state;
	expect("", "");
	expect("\n", "");
	expect("\n\r\n\n", "");
	expect("\xEF\xBB\xBF", "");
	expect("\xEF\xBB\xBF\n", "");
}

static void test_bom(void **state)
{
	(void)state;
	expect("\xEF\xBB\xBF" "a,b\n", "1[a][b]\n");
	expect("\xEF\xBB\xBF\"a\",b\n", "1[a][b]\n");
	/* Only at the very start; elsewhere it is data (U+FEFF is valid UTF-8). */
	expect("x\n\xEF\xBB\xBFy\n", "1[x]\n2[\xEF\xBB\xBFy]\n");
	expect("\xEF\xBB\xBF\xEF\xBB\xBFz\n", "1[\xEF\xBB\xBFz]\n");
	/* A BOM cut short is not a BOM. */
	expect("\xEF\xBB", "E1@1:1\n");
	expect_msg("invalid UTF-8");
}

static void test_crlf(void **state)
{
	(void)state;
	expect("a,b\r\nc,d\r\n", "1[a][b]\n2[c][d]\n");
	expect("a,b\r\nc,d\ne\r\n", "1[a][b]\n2[c][d]\n3[e]\n");
	expect("a,b\r", "1[a][b]\n");
	/* A CR not followed by LF is data. */
	expect("a\rb,c\n", "1[a\rb][c]\n");
	expect("a\r\r\n", "1[a\r]\n");
	expect("\"a\"\r\n\"b\"\r", "1[a]\n2[b]\n");
}

static void test_quoted(void **state)
{
	(void)state;
	expect("\"a,b\",\"c\"\"d\"\n", "1[a,b][c\"d]\n");
	expect("\"\"\"\"\n", "1[\"]\n");
	expect("\"\",\"\"\n", "1[][]\n");
	/* One empty quoted field is a record, not a blank line. */
	expect("\"\"\n", "1[]\n");
	expect("\"x\ny\",z\nnext\n", "1[x\ny][z]\n3[next]\n");
	expect("\"x\r\ny\"\r\nnext\r\n", "1[x\r\ny]\n3[next]\n");
	expect("a,\"\n\n\n\"\nb\n", "1[a][\n\n\n]\n5[b]\n");
	expect("\"a\",\"b\"", "1[a][b]\n");
	expect("\"a\"\"\"", "1[a\"]\n");
}

static void test_blank_lines(void **state)
{
	(void)state;
	expect("\n\na\n\r\n\nb\n\n", "3[a]\n6[b]\n");
	/* A line of spaces is not blank: it is one field of spaces. */
	expect(" \n", "1[ ]\n");
}

static void test_stray_quote(void **state)
{
	(void)state;
	expect("a,b\"c,d\nx,y\n", "E1@1:2\n2[x][y]\n");
	expect_msg("quote inside the unquoted field in column 2");
	expect_msg("double the quotes");
	/* The stray quote does not open a quote: the line end still ends the record. */
	expect("5'10\",x\ny\n", "E1@1:1\n2[y]\n");
	expect(" \"a\"\nb\n", "E1@1:1\n2[b]\n");
}

static void test_text_after_quote(void **state)
{
	(void)state;
	expect("\"ab\"c,d\nx\n", "E1@1:1\n2[x]\n");
	expect_msg("text after the closing quote in column 1");
	expect("x,\"He said \"hi\" there\",y\nnext\n", "E1@1:2\n2[next]\n");
	expect("\"a\"\rb\nc\n", "E1@1:1\n2[c]\n");
	expect("\"a\" ,b\nc\n", "E1@1:1\n2[c]\n");
	/* A quoted field later in the bad record still hides its line ends. */
	expect("\"a\"b,\"c\nd\"\ne\n", "E1@1:1\n3[e]\n");
}

static void test_unclosed_quote(void **state)
{
	(void)state;
	expect("a\nb,\"c\nd\ne\n", "1[a]\nE2@2:2\n");
	expect_msg("quote opened on line 2 is never closed; close it or remove it");
	expect("\"", "E2@1:1\n");
	expect("\"abc\"\"", "E2@1:1\n");
	/* Even in a record already bad (the closing quote is the one that is missing). */
	expect("a\"b,\"c\nd", "E2@1:2\n");
}

static void test_field_max(void **state)
{
	struct limits lim = {10, 0, 0};
	const char *in = "0123456789,x\n01234567890,y\nz\n\"0123456789\n0123\",y\nw\n"
			 "v,\"0123456789\"\"\"\nu\n";

	(void)state;
	expect_lim(in, strlen(in), &lim,
		   "1[0123456789][x]\nE1@2:1\n3[z]\nE1@4:1\n6[w]\nE1@7:2\n8[u]\n");
	expect_msg("field in column 2 is longer than 10 bytes");
}

static void test_record_caps(void **state)
{
	struct limits fields = {0, 3, 0}, bytes = {10, 0, 20}, tight = {2, 0, 3};
	const char *in1 = "a,b,c\na,b,c,d\nx\n";
	const char *in2 = "0123456789,01234567\n0123456789,0123456789\nx\n";

	(void)state;
	expect_lim(in1, strlen(in1), &fields, "1[a][b][c]\nE1@2:4\n3[x]\n");
	expect_msg("more than 3 fields");
	expect_lim(in2, strlen(in2), &bytes, "1[0123456789][01234567]\nE1@2:2\n3[x]\n");
	expect_msg("record is longer than 20 bytes");
	/* Whichever cap the record passes first, byte by byte, is reported, however the
	 * input is cut into chunks (found by fuzzing). */
	expect_lim("a,bcd\nx\n", 8, &tight, "E1@1:2\n2[x]\n");
	expect_msg("record is longer than 3 bytes");
	expect_lim("abc\nx\n", 6, &tight, "E1@1:1\n2[x]\n");
	expect_msg("field in column 1 is longer than 2 bytes");
	/* The NUL that ends an empty field counts too. */
	expect_lim("ab,\nx\n", 6, &tight, "E1@1:2\n2[x]\n");
	expect_msg("record is longer than 3 bytes");
}

/* A 10 MB field (unquoted, then quoted with line ends and doubled quotes inside) is
 * skipped without being held: the reader's memory stays near the 1 MiB field cap. */
static void test_huge_field(void **state)
{
	const size_t big = 10u << 20;
	const struct pattern pats[] = {{pat_big, 1}, {pat_odd, 3}};
	struct buf in;
	size_t i, j;

	(void)state;
	buf_init(&in, 0);
	buf_adds(&in, "h1,h2\na,");
	for (i = 0; i < big; i++)
		buf_addc(&in, (char)('a' + i % 26));
	buf_adds(&in, "\nb,c\nq,\"");
	for (i = 0; i < big; i++)
		buf_adds(&in, i % 1000 == 999 ? "\n" : i % 100 == 99 ? "\"\"" : "x");
	buf_adds(&in, "\",tail\nlast,one\n");
	for (j = 0; j < 2; j++) {
		struct src s = {in.s, in.len, 0, pats[j].chunk, pats[j].n, 0, 0};
		struct csv_reader *r = csv_reader_new(src_read, &s, 0);
		struct csv_record rec;
		struct csv_error err;

		assert_int_equal(csv_next(r, &rec, &err), 1);
		assert_int_equal(csv_next(r, &rec, &err), -1);
		assert_int_equal(err.line, 2);
		assert_int_equal(err.column, 2);
		assert_non_null(strstr(err.msg, "field in column 2 is longer than 1048576 bytes"));
		assert_true(csv_reader_footprint(r) < 3u << 20);
		assert_int_equal(csv_next(r, &rec, &err), 1);
		assert_int_equal(rec.line, 3);
		assert_int_equal(rec.nfields, 2);
		assert_string_equal(rec.field[0], "b");
		assert_string_equal(rec.field[1], "c");
		assert_int_equal(csv_next(r, &rec, &err), -1);
		assert_int_equal(err.line, 4);
		assert_int_equal(err.column, 2);
		assert_true(csv_reader_footprint(r) < 3u << 20);
		assert_int_equal(csv_next(r, &rec, &err), 1);
		/* The quoted field holds a line end every 1000 bytes: 10485 of them. */
		assert_int_equal(rec.line, 5 + (long)(big / 1000));
		assert_string_equal(rec.field[0], "last");
		assert_string_equal(rec.field[1], "one");
		assert_int_equal(csv_next(r, &rec, &err), 0);
		assert_int_equal(csv_offset(r), in.len);
		assert_true(csv_reader_footprint(r) < 3u << 20);
		csv_reader_free(r);
	}
	buf_cleanup(&in);
}

/* One bad sequence of each kind, in column 2 of line 2, with the kind named. */
static void test_bad_utf8(void **state)
{
	static const struct {
		const char *bytes, *why;
	} cases[] = {
		{"\xC0\xAF", "overlong"},
		{"\xC1\xBF", "overlong"},
		{"\xE0\x80\xAF", "overlong"},
		{"\xE0\x9F\xBF", "overlong"},
		{"\xF0\x80\x80\xAF", "overlong"},
		{"\xF0\x8F\xBF\xBF", "overlong"},
		{"\xED\xA0\x80", "surrogate"},
		{"\xED\xBF\xBF", "surrogate"},
		{"\xF4\x90\x80\x80", "above U+10FFFF"},
		{"\xF5\x80\x80\x80", "above U+10FFFF"},
		{"\xF7\xBF\xBF\xBF", "above U+10FFFF"},
		{"\xE2\x82", "cut short"},
		{"\xE2\x82x", "cut short"},
		{"\xC3", "cut short"},
		{"\xF0\x9D\x84", "cut short"},
		{"a\xC3" "A", "cut short"},
		{"\x80", "continuation"},
		{"\xBF\xBF", "continuation"},
		{"\xF8\x88\x80\x80\x80", "never occurs"},
		{"\xFF", "never occurs"},
		{"\xFE", "never occurs"},
	};
	size_t i;
	char in[64], in_q[64], in_eof[64];

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(in, sizeof in, "ok\nv,%s,w\nnext\n", cases[i].bytes);
		expect(in, "1[ok]\nE1@2:2\n3[next]\n");
		expect_msg("invalid UTF-8 in column 2");
		expect_msg(cases[i].why);
		expect_msg("save the file as UTF-8");
		snprintf(in_q, sizeof in_q, "ok\nv,\"\n%s\"\nnext\n", cases[i].bytes);
		expect(in_q, "1[ok]\nE1@3:2\n4[next]\n");
		expect_msg(cases[i].why);
		snprintf(in_eof, sizeof in_eof, "ok\nv,%s", cases[i].bytes);
		expect(in_eof, "1[ok]\nE1@2:2\n");
		expect_msg(cases[i].why);
	}
}

/* The edges of every range are accepted. */
static void test_good_utf8(void **state)
{
	(void)state;
	expect("\x7F,\xC2\x80,\xDF\xBF,\xE0\xA0\x80,\xED\x9F\xBF,\xEE\x80\x80,\xEF\xBF\xBF\n",
	       "1[\x7F][\xC2\x80][\xDF\xBF][\xE0\xA0\x80][\xED\x9F\xBF][\xEE\x80\x80][\xEF\xBF\xBF]\n");
	expect("\xF0\x90\x80\x80,\xF4\x8F\xBF\xBF\n", "1[\xF0\x90\x80\x80][\xF4\x8F\xBF\xBF]\n");
	/* Long ASCII runs go through the eight-bytes-at-a-time path; bad bytes inside are
	 * still found at every position. */
	expect("abcdefghijklmnopqrstuvwxyz0123456789é\n",
	       "1[abcdefghijklmnopqrstuvwxyz0123456789é]\n");
	expect("abcdefghijklmnop\xFFqrstuvwxyz\n", "E1@1:1\n");
}

static void test_nul(void **state)
{
	static const char in1[] = "a,b\0c\nx\n";
	static const char in2[] = "a,\"b\0\"\nx\n";
	static const char in3[] = "\"a\"\0\nx\n";
	static const char in4[] = "abcdefghijklmnop\0\nx\n";

	(void)state;
	expect_lim(in1, sizeof in1 - 1, NULL, "E1@1:2\n2[x]\n");
	expect_msg("NUL byte in column 2");
	expect_msg("UTF-8");
	expect_lim(in2, sizeof in2 - 1, NULL, "E1@1:2\n2[x]\n");
	expect_msg("NUL byte");
	expect_lim(in3, sizeof in3 - 1, NULL, "E1@1:1\n2[x]\n");
	expect_msg("text after the closing quote");
	expect_lim(in4, sizeof in4 - 1, NULL, "E1@1:1\n2[x]\n");
	expect_msg("NUL byte");
}

static void test_read_error(void **state)
{
	struct src s = {"a,b\nc,d\ne", 9, 0, pat_3, 1, 0, 6};
	struct csv_reader *r = csv_reader_new(src_read, &s, 0);
	struct csv_record rec;
	struct csv_error err;

	(void)state;
	assert_int_equal(csv_next(r, &rec, &err), 1);
	assert_string_equal(rec.field[1], "b");
	assert_int_equal(csv_next(r, &rec, &err), -2);
	assert_int_equal(err.line, 2);
	assert_non_null(strstr(err.msg, "cannot read the input after byte 6"));
	assert_int_equal(csv_next(r, &rec, &err), 0);
	csv_reader_free(r);
}

/* After the first records, reading more of the same shape allocates nothing: the
 * footprint stays put, and the field pointers point into one reused block. */
static void test_buffers_reused(void **state)
{
	struct buf in;
	struct src s;
	struct csv_reader *r;
	struct csv_record rec;
	struct csv_error err;
	size_t i, fp = 0;
	long n = 0;

	(void)state;
	buf_init(&in, 0);
	for (i = 0; i < 20000; i++)
		buf_printf(&in, "%zu,\"name %zu\",Nguyễn Văn Hùng,\"a\nb\"\r\n", i, i % 97);
	s = (struct src){in.s, in.len, 0, pat_odd, 3, 0, 0};
	r = csv_reader_new(src_read, &s, 0);
	while (csv_next(r, &rec, &err) == 1) {
		n++;
		assert_int_equal(rec.nfields, 4);
		assert_int_equal(rec.line, 2 * n - 1);
		assert_string_equal(rec.field[3], "a\nb");
		if (n == 100)
			fp = csv_reader_footprint(r);
		else if (n > 100)
			assert_int_equal(csv_reader_footprint(r), fp);
	}
	assert_int_equal(n, 20000);
	csv_reader_free(r);
	buf_cleanup(&in);
}

static void test_write_field(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"abc", "abc"},
		{"", ""},
		{"a,b", "\"a,b\""},
		{"a\"b", "\"a\"\"b\""},
		{"\"", "\"\"\"\""},
		{"a\nb", "\"a\nb\""},
		{"a\rb", "\"a\rb\""},
		{" lead", "\" lead\""},
		{"trail ", "\"trail \""},
		{" ", "\" \""},
		{"in side", "in side"},
		{"\tx", "'\tx"},
		/* Formulas are written as text (docs/csv.md), and csv_next reads them back. */
		{"=1+2", "'=1+2"},
		{"+84 912", "'+84 912"},
		{"-Hà Nội", "'-Hà Nội"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\r=x", "\"'\r=x\""},
		{"'=x", "''=x"},
		{"''", "'''"},
		{"'plain", "'plain"},
		{"a=b", "a=b"},
		{"\xEF\xBB\xBFx", "\"\xEF\xBB\xBFx\""},
		{"Đặng Văn Đức", "Đặng Văn Đức"},
	};
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b, 0);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		buf_reset(&b);
		csv_write_field(&b, cases[i].in);
		assert_string_equal(buf_str(&b), cases[i].out);
	}
	buf_cleanup(&b);
}

static void test_write_record(void **state)
{
	const char *f3[] = {"a", NULL, "c d"};
	const char *f1[] = {""};
	const char *f1n[] = {NULL};
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	csv_write_record(&b, f3, 3);
	csv_write_record(&b, f1, 1);
	csv_write_record(&b, f1n, 1);
	csv_write_record(&b, f3, 0);
	assert_string_equal(buf_str(&b), "a,,c d\n\"\"\n\"\"\n\n");
	buf_cleanup(&b);
}

/* Write records of tricky fields, read them back through every chunk pattern, and get
 * exactly the same fields. */
static void roundtrip(const char *const *const *recs, const size_t *nf, size_t nrec)
{
	struct buf out;
	size_t i, j;

	buf_init(&out, 0);
	for (i = 0; i < nrec; i++)
		csv_write_record(&out, recs[i], nf[i]);
	for (i = 0; i < NPATTERNS; i++) {
		struct src s = {out.s, out.len, 0, patterns[i].chunk, patterns[i].n, 0, 0};
		struct csv_reader *r = csv_reader_new(src_read, &s, 0);
		struct csv_record rec;
		struct csv_error err;
		size_t k;

		for (k = 0; k < nrec; k++) {
			int rc = csv_next(r, &rec, &err);

			if (rc != 1)
				print_error("record %zu: rc %d: %s\n", k, rc, err.msg);
			assert_int_equal(rc, 1);
			assert_int_equal(rec.nfields, nf[k]);
			for (j = 0; j < nf[k]; j++) {
				const char *f = recs[k][j] ? recs[k][j] : "";

				assert_int_equal(rec.len[j], strlen(f));
				assert_memory_equal(rec.field[j], f, rec.len[j] + 1);
			}
		}
		assert_int_equal(csv_next(r, &rec, &err), 0);
		csv_reader_free(r);
	}
	buf_cleanup(&out);
}

static void test_roundtrip_tricky(void **state)
{
	static const char *const r0[] = {"\xEF\xBB\xBF" "bom", "x"};
	static const char *const r1[] = {""};
	static const char *const r2[] = {"", ""};
	static const char *const r3[] = {" ", "\"", "\"\"", ",", "\n", "\r\n", "\r"};
	static const char *const r4[] = {"a\"b\"c", "  x  ", "\t", "=1+2", "Nguyễn Văn Hùng",
						 "'=x", "''", "'", "-", "'-1", "@x"};
	static const char *const r5[] = {"\"\n\"", ",\r", "\r\r\n\n", "end\r"};
	static const char *const r6[] = {"\xEF\xBB\xBF"};
	static const char *const r7[] = {NULL, "", NULL};
	static const char *const r8[] = {" "};
	static const char *const *const recs[] = {r0, r1, r2, r3, r4, r5, r6, r7, r8};
	static const size_t nf[] = {2, 1, 2, 7, 5, 4, 1, 3, 1};

	(void)state;
	roundtrip(recs, nf, sizeof nf / sizeof nf[0]);
}

/* Many random records over an alphabet of the characters that matter, including long
 * fields that cross chunk boundaries. */
static void test_roundtrip_random(void **state)
{
	static const char *const alphabet[] = {
		"a", "b", " ", ",", "\"", "\r", "\n", "é", "Đ", "𝄞", "\xEF\xBB\xBF", "\t", "z"};
	const size_t nrec = 3000;
	char ***recs = xcalloc(nrec, sizeof *recs);
	size_t *nf = xcalloc(nrec, sizeof *nf);
	unsigned long long x = 88172645463325252ull;
	size_t i, j, k, len;

	(void)state;
	for (i = 0; i < nrec; i++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		nf[i] = 1 + x % 6;
		recs[i] = xcalloc(nf[i], sizeof *recs[i]);
		for (j = 0; j < nf[i]; j++) {
			struct buf f;

			buf_init(&f, 0);
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			len = x % 9 == 0 ? x % 3000 : x % 8;
			for (k = 0; k < len; k++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				buf_adds(&f, alphabet[x % (sizeof alphabet / sizeof alphabet[0])]);
			}
			recs[i][j] = buf_steal(&f);
		}
	}
	roundtrip((const char *const *const *)recs, nf, nrec);
	for (i = 0; i < nrec; i++) {
		for (j = 0; j < nf[i]; j++)
			free(recs[i][j]);
		free(recs[i]);
	}
	free(recs);
	free(nf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_empty_input),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_stray_quote),
		cmocka_unit_test(test_text_after_quote),
		cmocka_unit_test(test_unclosed_quote),
		cmocka_unit_test(test_field_max),
		cmocka_unit_test(test_record_caps),
		cmocka_unit_test(test_huge_field),
		cmocka_unit_test(test_bad_utf8),
		cmocka_unit_test(test_good_utf8),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_buffers_reused),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_write_record),
		cmocka_unit_test(test_roundtrip_tricky),
		cmocka_unit_test(test_roundtrip_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
