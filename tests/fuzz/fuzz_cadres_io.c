/* fuzz_cadres_io.c - libFuzzer target: the imports of position holders and of committees
 * (app_import_holdings, app_import_committees; docs/cadres.md "Imports and lists") on any
 * bytes, into a small in-memory tree: R > F > E (grassroots) > C1 with two members, E's
 * commander position. The first byte chooses the import (even: holdings, odd: committees;
 * its low bits after that: --create-positions); the rest is the CSV. Invariants: no crash or
 * sanitizer report; an import either succeeds or reports at least one problem; a refused
 * import changes nothing (the holdings and committees as before); a successful one adds
 * exactly the rows it counts. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_cadres_io.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

static int count_holding(void *ctx, const struct holding *h)
{
	(void)h;
	(*(long *)ctx)++;
	return 0;
}

static int count_seat(void *ctx, const struct committee_member *m)
{
	(void)m;
	(*(long *)ctx)++;
	return 0;
}

struct seats_ctx {
	struct app *a;
	const struct actor *ac;
	long committees, seats;
};

static int count_committee(void *ctx, const struct committee *c)
{
	struct seats_ctx *s = ctx;
	struct err e;

	s->committees++;
	err_init(&e);
	app_cmembers(s->a, s->ac, c->id, DATE_NONE, count_seat, &s->seats, &e);
	err_cleanup(&e);
	return 0;
}

/* Holdings of the members 1 and 2, committees and seats of E and C1. */
static void count(struct app *a, const struct actor *ac, long *holdings, long *committees,
		  long *seats)
{
	static const char *const orgs[] = {"E", "C1", "F"};
	struct seats_ctx s = {a, ac, 0, 0};
	struct err e;
	size_t i;

	*holdings = 0;
	err_init(&e);
	for (i = 1; i <= 2; i++) {
		app_member_holdings(a, ac, (int64_t)i, count_holding, holdings, &e);
		err_clear(&e);
	}
	for (i = 0; i < 3; i++) {
		app_committees(a, ac, orgs[i], count_committee, &s, &e);
		err_clear(&e);
	}
	err_cleanup(&e);
	*committees = s.committees;
	*seats = s.seats;
}

static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"F", "R"}, {"E", "F"}, {"C1", "E"}};
	static const enum org_kind kinds[] = {OK_COMMITTEE, OK_COMMITTEE, OK_GRASSROOTS, OK_CELL};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date", "history_no"};
	const char *values[] = {"C1", "Nguyễn Văn An", "male", "1980-01-01", "Kinh", "Cao Bằng",
				"2005-03-01", "2005-03-15", "2006-03-15", "000001HG"};
	struct position p;
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
	app_member_add_fields(a, ac, names, values, 10, &mb, &e);
	err_clear(&e);
	values[1] = "Trần Văn Bình";
	values[9] = "000002HG";
	app_member_add_fields(a, ac, names, values, 10, &mb, &e);
	err_clear(&e);
	app_position_add(a, ac, "E", "commander", 0, -1, date_from_ymd(2020, 1, 1), &p, &e);
	err_cleanup(&e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o;
	struct import_result res;
	long h0, c0, s0, h1, c1, s1;
	struct app a;
	struct actor ac;
	struct err e;
	enum err_code rc;
	int committees;
	FILE *f;

	if (!size)
		return 0;
	committees = data[0] & 1;
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
	count(&a, &ac, &h0, &c0, &s0);
	memset(&o, 0, sizeof o);
	o.create_positions = (data[0] >> 1) & 1;
	f = size > 1 ? fmemopen((void *)(uintptr_t)(data + 1), size - 1, "rb")
		     : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size - 1;
		rc = committees ? app_import_committees(&a, &ac, &o, &res, &e)
				: app_import_holdings(&a, &ac, &o, &res, &e);
		fclose(f);
		count(&a, &ac, &h1, &c1, &s1);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(h1 == h0 && c1 == c0 && s1 == s0);
			CHECK(res.imported == 0);
		} else if (committees) {
			CHECK(h1 == h0 && s1 == s0 + res.imported);
		} else {
			CHECK(c1 == c0 && s1 == s0 && h1 == h0 + res.imported);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
