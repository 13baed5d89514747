/* fuzz_docimport.c - libFuzzer target: the import of the register of documents
 * (app_import_documents; docs/study.md) on any bytes, into a small in-memory tree with one
 * document registered. Invariants: no crash or sanitizer report; an import either succeeds
 * or reports at least one problem, each naming a line; a refused import changes nothing (the
 * register as before); a successful one adds exactly the rows it counts, and every document
 * it names as replaced exists. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_study.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

struct tally {
	long docs, dangling;
	int64_t max_id;
};

static int tally_cb(void *ctx, const struct doc *d)
{
	struct tally *t = ctx;

	t->docs++;
	if (d->id > t->max_id)
		t->max_id = d->id;
	if (d->replaces_id && !d->replaces_number[0])
		t->dangling++;
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct tally t = {0, 0, 0};
	struct err e;

	err_init(&e);
	app_doc_list(a, ac, NULL, tally_cb, &t, &e);
	err_cleanup(&e);
	return t;
}

/* R (committee) > C1 (cell), and 21-NQ/TW registered by R. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"C1", "R"}};
	struct doc d;
	struct err e;
	date_t on = DATE_NONE;
	size_t i;

	err_init(&e);
	for (i = 0; i < 2; i++) {
		struct org o;

		memset(&o, 0, sizeof o);
		o.militia = o.self_defence = o.reserve = -1;
		snprintf(o.code, sizeof o.code, "%s", codes[i][0]);
		snprintf(o.parent_code, sizeof o.parent_code, "%s", codes[i][1]);
		snprintf(o.name, sizeof o.name, "Org %s", codes[i][0]);
		o.kind = i ? OK_CELL : OK_COMMITTEE;
		date_parse("2000-01-01", &o.established, NULL);
		app_org_add(a, ac, &o, &e);
		err_clear(&e);
	}
	date_parse("2016-10-30", &on, NULL);
	app_doc_add(a, ac, "21-NQ/TW", on, "Nghị quyết", NULL, "R", &d, &e);
	err_cleanup(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o;
	struct import_result res;
	struct tally before, after;
	struct app a;
	struct actor ac;
	struct err e;
	enum err_code rc;
	size_t i;
	FILE *f;

	setenv("CADRE_TODAY", "2026-11-23", 1);
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
	before = count(&a, &ac);
	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = app_import_documents(&a, &ac, &o, &res, &e);
		fclose(f);
		after = count(&a, &ac);
		CHECK(after.dangling == 0);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			for (i = 0; i < e.n; i++)
				CHECK(e.items[i].line > 0 || e.items[i].field[0] || e.n == 1);
			CHECK(after.docs == before.docs && after.max_id == before.max_id);
			CHECK(res.imported == 0);
		} else {
			CHECK(res.imported == res.rows && res.rejected == 0);
			CHECK(after.docs == before.docs + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
