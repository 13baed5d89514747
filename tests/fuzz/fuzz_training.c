/* fuzz_training.c - libFuzzer target: the import of training records (app_import_training;
 * docs/cadres.md "Training") on any bytes, into a small in-memory tree with one member and
 * one record. Invariants: no crash or sanitizer report; an import either succeeds or reports
 * at least one problem; a refused import changes nothing (the records as before); a
 * successful one adds exactly the rows it counts, each with its end not before its start. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_training.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

struct tally {
	long rows, bad;
};

static int tally_cb(void *ctx, const struct training *t)
{
	struct tally *c = ctx;

	c->rows++;
	if (t->to != DATE_NONE && t->to < t->from)
		c->bad++;
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct training_query q;
	struct tally t = {0, 0};
	struct err e;

	memset(&q, 0, sizeof q);
	err_init(&e);
	app_training_list(a, ac, &q, tally_cb, &t, &e);
	err_cleanup(&e);
	return t;
}

/* R (committee) > C1 (cell) with member 1 and one training record. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"C1", "R"}};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date"};
	const char *values[] = {"C1", "Nguyễn Văn An", "male", "1990-01-01", "Kinh", "Cao Bằng",
				"2015-03-01", "2015-03-15", "2016-03-15"};
	struct training_input in = {"Cao cấp lý luận", "Học viện Chính trị", "long_term",
				    "2025-09-01", "2026-06-30", "", "", ""};
	struct member mb;
	struct err e;
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
	app_member_add_fields(a, ac, names, values, 9, &mb, &e);
	err_clear(&e);
	app_training_add(a, ac, mb.id, &in, NULL, &e);
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
	ac.personnel = 1;
	fixture(&a, &ac);
	before = count(&a, &ac);
	memset(&o, 0, sizeof o);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = app_import_training(&a, &ac, &o, &res, &e);
		fclose(f);
		after = count(&a, &ac);
		CHECK(after.bad == 0);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(after.rows == before.rows);
			CHECK(res.imported == 0);
		} else {
			CHECK(after.rows == before.rows + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
