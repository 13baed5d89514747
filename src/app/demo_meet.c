/* demo_meet.c - the demo's meetings (issue 12, DOMAIN §7): a year of meetings for every cell
 * of the demo region, December 2025 to November 2026 up to the demo's date: the monthly
 * meeting (a few months missed), a thematic meeting each quarter (a few quarters missed), the
 * attendance of the roll of each day (members away on temporary transfer, suspended or exempt
 * not counted), some poorly attended meetings, a few members absent without reason three times
 * or more, a resolution per monthly meeting measured against the quorum; the meetings after
 * the demo's date are planned. Fast: the rows go through the store's bulk path in the demo's
 * transaction with one audit entry, each checked by the same core rules as app_meeting_add
 * (R-MEETING-MINUTES, R-MEETING-QUORUM). Deterministic: its own random sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_int.h"
#include "app_meet_int.h"

#define DEMO_MEET_SEED 0x4d454554494e4731ULL /* "MEETING1" */
/* One cell in MISS_MONTH_EVERY misses one monthly meeting; one in MISS_QUARTER_EVERY a
 * thematic quarter; one in POOR_EVERY meets poorly attended; one in ABSENT_EVERY has a
 * member absent without reason four times. */
#define MISS_MONTH_EVERY 9
#define MISS_QUARTER_EVERY 13
#define POOR_EVERY 17
#define ABSENT_EVERY 23

static const char *const excuses[] = {"ốm", "đi công tác", "trực chỉ huy", "nghỉ phép",
				      "đi học", "trực sẵn sàng chiến đấu"};
static const char *const themes[] = {
	"Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
	"Nâng cao chất lượng sinh hoạt chi bộ",
	"Giữ gìn kỷ luật, xây dựng chính quy",
	"Phòng, chống suy thoái tư tưởng chính trị, đạo đức, lối sống",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

struct demo_meet {
	struct app *a;
	struct err *e;
	struct rng r;
	struct store_att_bulk *bulk;
	struct roll_vec roll;
	struct meet_attendance *att;
	size_t cap;
	int64_t *cells;
	size_t n, ncap;
	long meetings, rows;
};

static int cell_seen(void *ctx, const struct org *o)
{
	struct demo_meet *d = ctx;

	if (o->kind != OK_CELL)
		return 0;
	if (d->n == d->ncap) {
		d->ncap = d->ncap ? d->ncap * 2 : 1024;
		d->cells = xrealloc(d->cells, d->ncap * sizeof *d->cells);
	}
	d->cells[d->n++] = o->id;
	return 0;
}

/* One meeting of cell on date on; held (attendance and, for a monthly one, a resolution) or
 * planned when after the demo's date. poor: a poorly attended cell; truant: a member absent
 * without reason (0: none). */
static enum err_code one_meeting(struct demo_meet *d, const struct org *cell, date_t on,
				 enum meeting_kind kind, int poor, int64_t truant)
{
	struct app *a = d->a;
	struct meeting *m = xmalloc(sizeof *m);
	enum attend_status *st = NULL;
	enum err_code rc;
	long base, present = 0;
	size_t i, k = 0;

	meeting_init(m);
	m->org_id = cell->id;
	snprintf(m->org_code, sizeof m->org_code, "%s", cell->code);
	m->on = on;
	m->kind = kind;
	m->starts_min = kind == MK_THEMATIC ? 13 * 60 + 30 : 7 * 60 + 30;
	m->ends_min = m->starts_min + 90 + 15 * (int)rng_below(&d->r, 5);
	if (kind == MK_THEMATIC)
		snprintf(m->topic, sizeof m->topic, "%s", themes[rng_below(&d->r, N(themes))]);
	else
		snprintf(m->agenda, sizeof m->agenda, "%s",
			 "Kiểm điểm lãnh đạo thực hiện nhiệm vụ tháng; phương hướng tháng tới");
	snprintf(m->rules, sizeof m->rules, "%s %s", R_MEETING_MINUTES, R_MEETING_QUORUM);
	snprintf(m->recorded_by, sizeof m->recorded_by, "demo");
	if ((rc = meeting_check_minutes(&a->rules, on, kind, m->starts_min, m->ends_min, 0,
					d->e)))
		goto out;
	if (on > a->today) {
		m->state = MST_PLANNED;
		rc = store_meeting_insert(a->st, m, d->e);
		d->meetings += !rc;
		goto out;
	}
	d->roll.n = 0;
	if ((rc = meet_roll_of(a, m, &d->roll, d->e)))
		goto out;
	if (d->roll.n > d->cap) {
		d->cap = d->roll.n * 2;
		d->att = xrealloc(d->att, d->cap * sizeof *d->att);
	}
	st = xmalloc((d->roll.n ? d->roll.n : 1) * sizeof *st);
	for (i = 0; i < d->roll.n; i++) {
		const struct meet_roll_row *r = &d->roll.v[i];
		struct meet_attendance *t = &d->att[k];
		unsigned u = (unsigned)rng_below(&d->r, 1000);
		enum attend_status given;

		memset(t, 0, sizeof *t);
		t->member_id = r->r.member_id;
		if (r->r.member_id == truant && kind == MK_MONTHLY && u < 400)
			given = AT_ABSENT;
		else if (poor ? u < 450 : u < 40)
			given = AT_EXCUSED;
		else if (poor ? u < 500 : u < 52)
			given = AT_ABSENT;
		else
			given = AT_PRESENT;
		t->status = meeting_effective_status(&r->r, given);
		if (t->status == AT_EXCUSED)
			snprintf(t->reason, sizeof t->reason, "%s",
				 excuses[rng_below(&d->r, N(excuses))]);
		else if (t->status == AT_NOT_COUNTED)
			snprintf(t->reason, sizeof t->reason, "%s",
				 r->r.temp_away ? "on temporary transfer elsewhere"
				 : r->r.status == MS_SUSPENDED ? "suspended" : "exempt from activity");
		if (t->status == AT_PRESENT) {
			present++;
			if (!m->chair_id)
				m->chair_id = t->member_id;
			else if (!m->secretary_id)
				m->secretary_id = t->member_id;
		}
		st[k++] = t->status;
	}
	base = meeting_quorum_base(st, (long)k);
	m->quorum_base = base;
	if ((rc = store_meeting_insert(a->st, m, d->e)))
		goto out;
	d->meetings++;
	for (i = 0; i < k && !rc; i++)
		rc = store_att_bulk_put(d->bulk, m->id, &d->att[i], d->e);
	d->rows += (long)k;
	if (!rc && kind == MK_MONTHLY && present > 0) {
		struct meet_resolution *res = xcalloc(1, sizeof *res);

		res->seq = 1;
		snprintf(res->text, sizeof res->text, "%s",
			 "Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng tới");
		res->votes_for = present - (long)rng_below(&d->r, present > 3 ? 2 : 1);
		res->against = present - res->votes_for;
		res->base = base;
		res->passed = meeting_passes(&a->rules, on, base, res->votes_for) == 1;
		rc = store_meeting_res_insert(a->st, m->id, res, d->e);
		free(res);
	}
out:
	free(st);
	meeting_cleanup(m);
	free(m);
	return rc;
}

static enum err_code cell_year(struct demo_meet *d, size_t ci)
{
	struct org o;
	enum err_code rc;
	int64_t truant = 0;
	int mon, miss_month = -1, miss_quarter = -1, poor;

	if ((rc = store_org_by_id(d->a->st, d->cells[ci], &o, d->e)))
		return rc;
	if (o.established > date_from_ymd(2025, 12, 1))
		return ERR_OK;
	if (ci % MISS_MONTH_EVERY == 3)
		miss_month = (int)rng_below(&d->r, 10);
	if (ci % MISS_QUARTER_EVERY == 5)
		miss_quarter = (int)rng_below(&d->r, 3);
	poor = ci % POOR_EVERY == 7;
	for (mon = 0; mon < 12 && !rc; mon++) {
		int y = mon == 0 ? 2025 : 2026, m = mon == 0 ? 12 : mon;
		date_t on = date_from_ymd(y, m, 5 + (int)rng_below(&d->r, 6));

		if (mon == miss_month)
			continue;
		if (ci % ABSENT_EVERY == 11 && !truant) {
			/* The truant: a member on the cell's roll at its first meeting. */
			struct meeting *tm = xmalloc(sizeof *tm);

			meeting_init(tm);
			tm->org_id = o.id;
			tm->kind = MK_MONTHLY;
			tm->on = on;
			d->roll.n = 0;
			rc = meet_roll_of(d->a, tm, &d->roll, d->e);
			free(tm);
			if (rc)
				return rc;
			if (d->roll.n)
				truant = d->roll.v[d->roll.n / 2].r.member_id;
		}
		rc = one_meeting(d, &o, on, MK_MONTHLY, poor, truant);
		/* The thematic meeting in the middle month of each quarter (Feb, May, Aug, Nov). */
		if (!rc && m % 3 == 2 && (m / 3) != miss_quarter)
			rc = one_meeting(d, &o, on + 10, MK_THEMATIC, poor, 0);
	}
	return rc;
}

enum err_code demo_meetings(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_meet d;
	enum err_code rc;
	char *after = NULL;
	size_t i;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.e = e;
	rng_seed(&d.r, DEMO_MEET_SEED);
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = store_org_walk(a->st, 1, 0x7fffffffL, -1, cell_seen, &d, e)))
		goto out;
	if (!(d.bulk = store_att_bulk_new(a->st, e))) {
		rc = e->code;
		goto out;
	}
	for (i = 0; i < d.n && !rc; i++)
		rc = cell_year(&d, i);
	if (!rc)
		rc = store_att_bulk_end(d.bulk, e);
	if (!rc) {
		after = app_json("{s:I,s:I}", "meetings", (json_int_t)d.meetings, "attendance",
				 (json_int_t)d.rows);
		rc = app_audit(a, ac, "meeting.demo", "demo", 0, NULL, after, e);
	}
out:
	store_att_bulk_free(d.bulk);
	rc = app_end(a, rc, e);
	free(after);
	free(d.cells);
	free(d.roll.v);
	free(d.att);
	return rc;
}
