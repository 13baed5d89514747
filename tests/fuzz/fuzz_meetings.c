/* fuzz_meetings.c - libFuzzer target: the imports of meetings and of attendance
 * (app_import_meetings, app_import_attendance; docs/csv.md) on any bytes, into a small
 * in-memory tree with a held meeting. Byte 0 chooses the import (even: meetings, odd:
 * attendance); the rest is the CSV. Invariants: no crash or sanitizer report; an import either
 * succeeds or reports at least one problem; a refused import changes nothing (the meetings and
 * the attendance counts as before); a successful meetings import adds exactly the rows it
 * counts, a successful attendance import leaves every meeting's counts equal to its rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app_meeting.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

struct tally {
	long meetings, att, bad;
};

static int tally_cb(void *ctx, const struct meeting *m)
{
	struct tally *t = ctx;

	t->meetings++;
	t->att += m->n_present + m->n_excused + m->n_absent + m->n_not_counted;
	if (m->quorum_base >= 0 && m->quorum_base != m->n_present + m->n_absent)
		t->bad++;
	return 0;
}

static struct tally count(struct app *a, const struct actor *ac)
{
	struct meet_query q;
	struct tally t = {0, 0, 0};
	struct err e;

	memset(&q, 0, sizeof q);
	q.subtree = 1;
	q.kind = q.state = -1;
	q.from = q.to = DATE_NONE;
	err_init(&e);
	app_meeting_list(a, ac, &q, 0, 0, tally_cb, &t, NULL, &e);
	err_cleanup(&e);
	return t;
}

/* R (committee) > C1 (cell) with two members, and meeting 1 of C1 on 2026-03-10. */
static void fixture(struct app *a, const struct actor *ac)
{
	static const char *const codes[][2] = {{"R", ""}, {"C1", "R"}};
	static const char *const names[] = {"org_code", "full_name", "sex", "birth_date",
					    "ethnicity", "hometown", "admission_decision_date",
					    "admission_ceremony_date", "official_date", "history_no"};
	const char *values[] = {"C1", "Nguyễn Văn An", "male", "1990-01-01", "Kinh", "Cao Bằng",
				"2015-03-01", "2015-03-15", "2016-03-15", "012345HG"};
	struct meeting *m = calloc(1, sizeof *m);
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
	app_member_add_fields(a, ac, names, values, 10, &mb, &e);
	err_clear(&e);
	values[1] = "Trần Văn Bình";
	values[9] = "012346HG";
	app_member_add_fields(a, ac, names, values, 10, &mb, &e);
	err_clear(&e);
	if (m) {
		meeting_init(m);
		snprintf(m->org_code, sizeof m->org_code, "C1");
		date_parse("2026-03-10", &m->on, NULL);
		m->kind = MK_MONTHLY;
		m->starts_min = 450;
		m->ends_min = 570;
		app_meeting_add(a, ac, m, &e);
		meeting_cleanup(m);
		free(m);
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
	int attendance;
	FILE *f;

	if (size < 1)
		return 0;
	attendance = data[0] & 1;
	data++;
	size--;
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
	f = size ? fmemopen((void *)(uintptr_t)data, size, "rb") : fopen("/dev/null", "rb");
	if (f) {
		o.in = f;
		o.in_size = (long long)size;
		rc = attendance ? app_import_attendance(&a, &ac, &o, &res, &e)
				: app_import_meetings(&a, &ac, &o, &res, &e);
		fclose(f);
		after = count(&a, &ac);
		CHECK(after.bad == 0);
		if (rc) {
			CHECK(e.n > 0); /* a refusal always says why */
			CHECK(after.meetings == before.meetings && after.att == before.att);
			CHECK(res.imported == 0);
		} else if (!attendance) {
			CHECK(after.meetings == before.meetings + res.imported);
		} else {
			CHECK(after.meetings == before.meetings);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
