/* fuzz_insp_cases.c - libFuzzer target: the import of past inspection cases (app_import_cases;
 * docs/inspection.md "Cases") on any bytes, into a small in-memory tree (R > E > C1 with one
 * member) holding one case. The first byte chooses the import of cases (even) or of
 * programmes (odd). Invariants: no crash or sanitizer report; an import either succeeds or
 * reports at least one problem; a refused import changes nothing (the cases and programmes as
 * before); a successful one adds exactly the rows it counts, each case with its conclusion,
 * notice and closing dated in order and its decision number canonical. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_insp.h"
#include "core/docnum.h"

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

static int case_cb(void *ctx, const struct insp_case *c)
{
	struct tally *t = ctx;
	struct docnum d;

	t->rows++;
	if (c->period_to < c->period_from || c->period_from < c->decision_on)
		t->bad++;
	if (c->state != IS_OPEN && (c->concluded_on == DATE_NONE || c->concluded_on < c->decision_on))
		t->bad++;
	if ((c->state == IS_NOTIFIED || c->state == IS_CLOSED) &&
	    (c->notified_on == DATE_NONE || c->notified_on < c->concluded_on || !c->notice_no[0]))
		t->bad++;
	if (docnum_parse(c->decision_no, strlen(c->decision_no), &d, NULL) ||
	    strcmp(d.number, c->decision_no))
		t->bad++;
	return 0;
}

static int prog_cb(void *ctx, const struct insp_programme *p)
{
	struct tally *t = ctx;

	(void)p;
	t->rows++;
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct insp_case_query q;
	struct insp_programme_query pq;
	struct tally t = {0, 0};
	struct err e;

	memset(&q, 0, sizeof q);
	memset(&pq, 0, sizeof pq);
	err_init(&e);
	app_insp_case_list(a, ac, &q, case_cb, &t, &e);
	err_clear(&e);
	app_insp_programme_list(a, ac, &pq, prog_cb, &t, &e);
	err_cleanup(&e);
	return t;
}

static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"E", "R"}, {"C1", "E"}};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date"};
	const char *values[] = {"C1", "Nguyễn Văn An", "male", "1990-01-01", "Kinh", "Cao Bằng",
				"2015-03-01", "2015-03-15", "2016-03-15"};
	struct insp_open_in in = {NULL, "C1", NULL, "E", "inspection", "signs", "1-QĐ/UBKT",
				  "2024-03-01", "", "2024-03-01", "2024-03-20", ""};
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
		o.kind = i == 2 ? OK_CELL : i ? OK_GRASSROOTS : OK_COMMITTEE;
		date_parse("2000-01-01", &o.established, NULL);
		app_org_add(a, ac, &o, &e);
		err_clear(&e);
	}
	app_member_add_fields(a, ac, names, values, 9, &mb, &e);
	err_clear(&e);
	app_insp_case_open(a, ac, &in, NULL, &e);
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
	int programmes = size && (data[0] & 1);
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
	if (size) {
		data++;
		size--;
	}
	memset(&o, 0, sizeof o);
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = programmes ? app_import_programmes(&a, &ac, &o, &res, &e)
				: app_import_cases(&a, &ac, &o, &res, &e);
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
