/* fuzz_discipline.c - libFuzzer target: the import of past discipline (app_import_discipline;
 * docs/inspection.md "Discipline") on any bytes, into a small in-memory tree (R > G > C1, C2)
 * with two members and one record. Invariants: no crash or sanitizer report; an import either
 * succeeds or reports at least one problem; a refused import changes nothing (the records and
 * the members' statuses as before: all or nothing, effects included); a successful one adds
 * exactly the rows it counts, each with its act not after its decision. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_report.h"

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

static int tally_cb(void *ctx, const struct discipline_rec *d)
{
	struct tally *c = ctx;

	c->rows++;
	if (d->act_date && d->act_date > d->date)
		c->bad++;
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct discipline_filter f = {"", 0, -1, NULL};
	struct tally t = {0, 0};
	struct err e;

	err_init(&e);
	app_discipline_list(a, ac, &f, tally_cb, &t, &e);
	err_cleanup(&e);
	return t;
}

/* The statuses of members 1 and 2, as one number. */
static int statuses(struct app *a, const struct actor *ac)
{
	struct member m;
	struct err e;
	int s = 0;
	int64_t id;

	err_init(&e);
	for (id = 1; id <= 2; id++) {
		if (!app_member_get(a, ac, id, &m, &e))
			s = s * 16 + (int)m.status;
		err_clear(&e);
	}
	err_cleanup(&e);
	return s;
}

/* R (committee) > G (grassroots) > C1, C2 (cells); members 1 and 2 in C1; one reprimand. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"G", "R"}, {"C1", "G"}, {"C2", "G"}};
	static const enum org_kind kinds[] = {OK_COMMITTEE, OK_GRASSROOTS, OK_CELL, OK_CELL};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date"};
	const char *values[] = {"C1", "Nguyễn Văn An", "male", "1990-01-01", "Kinh", "Cao Bằng",
				"2015-03-01", "2015-03-15", "2016-03-15"};
	struct discipline_in d;
	struct member mb;
	struct err e;
	size_t i;

	err_init(&e);
	for (i = 0; i < 4; i++) {
		struct org o;

		memset(&o, 0, sizeof o);
		o.militia = o.self_defence = o.reserve = -1;
		snprintf(o.code, sizeof o.code, "%s", codes[i][0]);
		snprintf(o.parent_code, sizeof o.parent_code, "%s", codes[i][1]);
		snprintf(o.name, sizeof o.name, "Org %s", codes[i][0]);
		o.kind = kinds[i];
		date_parse("2000-01-01", &o.established, NULL);
		app_org_add(a, ac, &o, &e);
		err_clear(&e);
	}
	app_member_add_fields(a, ac, names, values, 9, &mb, &e);
	err_clear(&e);
	values[1] = "Trần Văn Bình";
	app_member_add_fields(a, ac, names, values, 9, &mb, &e);
	err_clear(&e);
	memset(&d, 0, sizeof d);
	d.member_id = 1;
	d.form = DF_REPRIMAND;
	date_parse("2025-03-01", &d.date, NULL);
	date_parse("2025-02-01", &d.act_date, NULL);
	snprintf(d.body, sizeof d.body, "%s", "G");
	snprintf(d.reason, sizeof d.reason, "%s", "vắng sinh hoạt");
	app_discipline_add(a, ac, &d, NULL, &e);
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
	int st;
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
	ac.inspection = 1;
	fixture(&a, &ac);
	before = count(&a, &ac);
	st = statuses(&a, &ac);
	CHECK(before.rows == 1);
	memset(&o, 0, sizeof o);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = app_import_discipline(&a, &ac, &o, &res, &e);
		fclose(f);
		after = count(&a, &ac);
		CHECK(after.bad == 0);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(after.rows == before.rows);
			CHECK(statuses(&a, &ac) == st);
			CHECK(res.imported == 0);
		} else {
			CHECK(after.rows == before.rows + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
