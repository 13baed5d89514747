/* fuzz_complaints.c - libFuzzer target: the import of complaints and denunciations
 * (app_import_complaints; docs/inspection.md "Complaints and denunciations") on any bytes,
 * into a small in-memory tree with one member and two discipline decisions. Invariants: no
 * crash or sanitizer report; an import either succeeds or reports at least one problem; a
 * refused import changes nothing (the register and the decisions as before); a successful one
 * adds exactly the rows it counts, every settled complaint names a decision that is no longer
 * in force unless kept, and a decision's replacement names it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_complaint.h"
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
	struct app *a;
	long rows, in_force, bad;
};

static int disc_cb(void *ctx, const struct discipline_rec *d)
{
	struct tally *t = ctx;

	t->in_force += !strcmp(d->state, "in_force");
	return 0;
}

static int row_cb(void *ctx, const struct complaint_row *c)
{
	struct tally *t = ctx;
	struct discipline_row d;
	struct err e;

	t->rows++;
	err_init(&e);
	if (c->kind == CK_COMPLAINT && c->state == CS_SETTLED && c->outcome != CO_KEPT) {
		if (store_discipline_get(t->a->st, c->discipline_id, &d, &e) ||
		    !strcmp(d.state, "in_force"))
			t->bad++;
	}
	if (c->new_discipline_id &&
	    (store_discipline_get(t->a->st, c->new_discipline_id, &d, &e) ||
	     d.replaces_id != c->discipline_id))
		t->bad++;
	err_cleanup(&e);
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct complaint_filter f;
	struct tally t = {a, 0, 0, 0};
	struct err e;

	memset(&f, 0, sizeof f);
	f.kind = f.state = -1;
	err_init(&e);
	app_complaint_list(a, ac, "", &f, row_cb, &t, &e);
	err_clear(&e);
	{
		struct discipline_filter df = {"", 0, -1, NULL};

		app_discipline_list(a, ac, &df, disc_cb, &t, &e);
	}
	err_cleanup(&e);
	return t;
}

/* R (committee) > G (grassroots) > C1 (cell) with member 1 and two decisions of C1 on it
 * (ids 1 and 2). */
static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"G", "R"}, {"C1", "G"}};
	static const enum org_kind kinds[] = {OK_COMMITTEE, OK_GRASSROOTS, OK_CELL};
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
	for (i = 0; i < 3; i++) {
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
	for (i = 0; i < 2; i++) {
		memset(&d, 0, sizeof d);
		d.member_id = mb.id;
		d.form = i ? DF_REPRIMAND : DF_WARNING;
		date_parse(i ? "2022-03-01" : "2021-03-01", &d.date, NULL);
		snprintf(d.body, sizeof d.body, "C1");
		snprintf(d.reason, sizeof d.reason, "vi phạm");
		app_discipline_add(a, ac, &d, NULL, &e);
		err_clear(&e);
	}
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
	ac.inspection = 1;
	fixture(&a, &ac);
	before = count(&a, &ac);
	memset(&o, 0, sizeof o);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = app_import_complaints(&a, &ac, &o, &res, &e);
		fclose(f);
		after = count(&a, &ac);
		CHECK(after.bad == 0);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(after.rows == before.rows);
			CHECK(after.in_force == before.in_force);
			CHECK(res.imported == 0);
		} else {
			CHECK(after.rows == before.rows + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
