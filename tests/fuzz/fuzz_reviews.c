/* fuzz_reviews.c - libFuzzer target: the reviews CSV reader (app_review_read, a chunk at a
 * time) on any bytes, then the import of the file into a small in-memory tree, the whole path a
 * reviews file from outside takes. Byte 0 chooses members (even) or organisations (odd) and,
 * in its other bits, the rows a chunk holds (1 to 128: small chunks make a short input span
 * several, as a national file does); the rest is the CSV. Invariants: no crash or sanitizer
 * report; the reader returns a problem for every refusal, rows with lines in file order and
 * never more rows than records; an import either succeeds or reports at least one problem, and
 * a refused import stores no review. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_review_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

static int count_cb(void *ctx, const struct review_rec *r)
{
	(void)r;
	++*(long *)ctx;
	return 0;
}

/* Every review stored: the members' (ids 1..5) and the organisations'. */
static long count_reviews(struct app *a, const struct actor *ac)
{
	static const char *const codes[] = {"R", "G", "C1", "C2"};
	long n = 0;
	int64_t id;
	size_t i;
	struct err e;

	err_init(&e);
	for (id = 1; id <= 5; id++)
		app_review_history(a, ac, id, count_cb, &n, &e);
	for (i = 0; i < sizeof codes / sizeof codes[0]; i++)
		app_review_org_history(a, ac, codes[i], count_cb, &n, &e);
	err_cleanup(&e);
	return n;
}

/* R (committee) > G (grassroots) > C1, C2 (cells); five official members. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const struct {
		const char *code, *parent;
		enum org_kind kind;
	} orgs[] = {{"R", "", OK_COMMITTEE}, {"G", "R", OK_GRASSROOTS},
		    {"C1", "G", OK_CELL}, {"C2", "G", OK_CELL}};
	struct err e;
	size_t i;

	err_init(&e);
	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		struct org o;

		memset(&o, 0, sizeof o);
		o.militia = o.self_defence = o.reserve = -1;
		snprintf(o.code, sizeof o.code, "%s", orgs[i].code);
		snprintf(o.parent_code, sizeof o.parent_code, "%s", orgs[i].parent);
		snprintf(o.name, sizeof o.name, "Org %s", orgs[i].code);
		o.kind = orgs[i].kind;
		date_parse("2000-01-01", &o.established, NULL);
		app_org_add(a, ac, &o, &e);
		err_clear(&e);
	}
	for (i = 0; i < 5; i++) {
		const char *names[] = {"org_code", "full_name", "sex", "birth_date", "ethnicity",
				       "hometown", "admission_decision_date",
				       "admission_ceremony_date", "official_date"};
		const char *values[] = {i < 3 ? "C1" : "C2", "Nguyễn Văn An", "male",
					"1990-01-01", "Kinh", i % 2 ? "Hà Giang" : "Cao Bằng",
					"2015-03-01", "2015-03-15", "2016-03-15"};
		struct member m;
		char name[40];

		snprintf(name, sizeof name, "Nguyễn Văn An %c", (char)('A' + i));
		values[1] = name;
		app_member_add_fields(a, ac, names, values, 9, &m, &e);
		err_clear(&e);
	}
	err_cleanup(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum review_csv_kind kind;
	struct review_reader *rd;
	struct review_in rows[128];
	size_t chunk, n, total = 0, i;
	long nrows, before, last = 0;
	struct import_opts o;
	struct import_result res;
	struct app a;
	struct actor ac;
	struct err e;
	enum err_code rc;
	char env[8];
	FILE *f;

	if (size < 1)
		return 0;
	kind = data[0] & 1 ? REVIEW_CSV_ORGS : REVIEW_CSV_MEMBERS;
	chunk = (size_t)(data[0] >> 1) + 1;
	data++;
	size--;
	setenv("CADRE_TODAY", "2026-11-23", 1);
	snprintf(env, sizeof env, "%zu", chunk);
	setenv("CADRE_REVIEW_CHUNK", env, 1);

	/* The reader alone, a chunk at a time. */
	err_init(&e);
	f = fmemopen((void *)(uintptr_t)data, size, "rb");
	if (!f && size)
		return 0;
	if (!f)
		f = fopen("/dev/null", "rb");
	rd = app_review_reader_new(f, kind);
	do {
		rc = app_review_read(rd, rows, chunk, &n, &e);
		CHECK(rc == ERR_OK || rc == ERR_INPUT);
		CHECK(n <= chunk);
		for (i = 0; i < n; i++) {
			CHECK(rows[i].line > 1);
			CHECK(rows[i].line > last);
			last = rows[i].line;
			CHECK(rows[i].year >= 1900 && rows[i].year <= 9999);
			CHECK(rows[i].score >= -1 && rows[i].score <= 100);
			CHECK(rows[i].step < RS__COUNT);
			CHECK(rows[i].grade != G_NONE || rows[i].score >= 0);
			CHECK(kind == REVIEW_CSV_ORGS ? rows[i].org_code[0] != 0
						      : rows[i].member_id > 0);
		}
		total += n;
	} while (n);
	/* At the end it stays at the end. */
	CHECK(app_review_read(rd, rows, chunk, &n, &e) == rc && n == 0);
	nrows = app_review_reader_records(rd);
	app_review_reader_free(rd);
	fclose(f);
	CHECK(rc == ERR_OK ? e.n == 0 : e.n > 0);
	CHECK((long)total <= nrows);
	err_cleanup(&e);

	/* The import: all or nothing, over chunks of the same size. */
	err_init(&e);
	if (app_open(&a, ":memory:", 1, &e)) {
		err_cleanup(&e);
		return 0;
	}
	a.quiet = 1;
	memset(&ac, 0, sizeof ac);
	strcpy(ac.name, "fuzz");
	ac.role = ROLE_SYS_ADMIN;
	fixture(&a, &ac);
	before = count_reviews(&a, &ac);
	memset(&o, 0, sizeof o);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		rc = app_import_reviews(&a, &ac, &o, kind, &res, &e);
		fclose(f);
		CHECK(res.rows == nrows);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(count_reviews(&a, &ac) == before); /* nothing half-written */
			CHECK(res.imported == 0 && res.rejected <= res.rows);
		} else {
			CHECK(res.imported == res.rows && res.rows > 0);
			CHECK(count_reviews(&a, &ac) == before + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
