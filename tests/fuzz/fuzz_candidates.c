/* fuzz_candidates.c - libFuzzer target: the candidates CSV reader (app_adm_read) on any bytes,
 * then the import of the file into a small in-memory tree (app_import_candidates), the whole
 * path a candidates file from outside takes. Byte 0 chooses all or nothing (even) or
 * --skip-bad (odd) and, in bit 1, --allow-duplicates; the rest is the CSV. Invariants: no
 * crash or sanitizer report; every record the reader counts is returned once, in file order,
 * a good one with a cell, a name, a birth date and a known source; a bad one always with a
 * problem of its line; an import either succeeds or reports at least one problem; a refused
 * import opens no case, a successful one opens exactly the rows it counts as imported. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_adm_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

static int count_cb(void *ctx, const struct admission *c)
{
	(void)c;
	++*(long *)ctx;
	return 0;
}

/* Every case, closed ones too. */
static long count_cases(struct app *a, const struct actor *ac)
{
	long n = 0;
	struct err e;

	err_init(&e);
	app_adm_list(a, ac, NULL, AST__COUNT, 0, 0, count_cb, &n, NULL, &e);
	err_cleanup(&e);
	return n;
}

/* R (committee) > G (grassroots) > C1, C2 (cells); one official member in C1. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const struct {
		const char *code, *parent;
		enum org_kind kind;
	} orgs[] = {{"R", "", OK_COMMITTEE}, {"G", "R", OK_GRASSROOTS},
		    {"C1", "G", OK_CELL}, {"C2", "G", OK_CELL}};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date"};
	static const char *const values[] = {"C1", "Nguyễn Văn An", "male", "1990-01-01", "Kinh",
					     "Cao Bằng", "2015-03-01", "2015-03-15", "2016-03-15"};
	struct member m;
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
	app_member_add_fields(a, ac, names, values, 9, &m, &e);
	err_cleanup(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct adm_reader *rd;
	struct admission c;
	struct import_opts o;
	struct import_result res;
	struct app a;
	struct actor ac;
	struct err e;
	long seen = 0, last = 0, before;
	int skip_bad, allow_dup;
	char *rej = NULL;
	size_t rej_len = 0;
	enum err_code rc;
	FILE *f;

	if (size < 1)
		return 0;
	skip_bad = data[0] & 1;
	allow_dup = (data[0] >> 1) & 1;
	data++;
	size--;
	setenv("CADRE_TODAY", "2026-11-23", 1);

	/* The reader alone. */
	err_init(&e);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (!f)
		return 0;
	rd = app_adm_reader_new(f);
	while (app_adm_read(rd, &c, &e)) {
		const struct csv_record *rec = app_adm_reader_record(rd);
		long line = app_adm_reader_line(rd);

		CHECK(line > last);
		CHECK(!rec || rec->line == line);
		last = line;
		seen++;
	}
	/* At the end it stays at the end. */
	CHECK(app_adm_read(rd, &c, &e) == 0);
	CHECK(seen == app_adm_reader_records(rd));
	app_adm_reader_free(rd);
	fclose(f);
	err_cleanup(&e);

	/* Each good row as the reader gives it: a cell, a name, a birth date, a source. */
	err_init(&e);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (!f)
		return 0;
	rd = app_adm_reader_new(f);
	for (;;) {
		size_t had = e.n + e.dropped;

		if (!app_adm_read(rd, &c, &e))
			break;
		if (e.n + e.dropped == had) {
			CHECK(c.p.org_code[0] != 0);
			CHECK(c.p.full_name[0] != 0);
			CHECK(c.p.birth_date != DATE_NONE);
			CHECK(c.listed_on != DATE_NONE);
			CHECK(c.source < ASRC__COUNT);
		} else {
			CHECK(e.code != ERR_OK);
		}
	}
	app_adm_reader_free(rd);
	fclose(f);
	err_cleanup(&e);

	/* The import: all or nothing, or the good rows with --skip-bad. */
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
	before = count_cases(&a, &ac);
	memset(&o, 0, sizeof o);
	o.allow_duplicates = allow_dup;
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		if (skip_bad)
			o.rejects = open_memstream(&rej, &rej_len);
		rc = app_import_candidates(&a, &ac, &o, &res, &e);
		fclose(f);
		if (o.rejects)
			fclose(o.rejects);
		CHECK(res.imported + res.rejected <= res.rows);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(count_cases(&a, &ac) == before); /* nothing half-written */
			CHECK(res.imported == 0);
		} else {
			CHECK(res.rows > 0);
			CHECK(skip_bad || res.imported == res.rows);
			CHECK(count_cases(&a, &ac) == before + res.imported);
			CHECK(!res.rejected || (rej && rej_len > 0));
		}
		free(rej);
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
