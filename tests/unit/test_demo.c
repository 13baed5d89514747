/* test_demo.c - the sample Military Region 2: its tree, its members, its history, and that
 * building it twice gives the same database. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app.h"
#include "app/app_cadres.h"
#include "app/app_admission.h"
#include "app/app_meeting.h"
#include "app/app_report.h"
#include "app/app_worklist.h"
#include "core/vname.h"
#include "lib/buf.h"
#include "core/vn_data.h"

static const struct actor admin = {"test", "", "test", ROLE_SYS_ADMIN, 0, 1, 1};

/* A fresh database file under /tmp, removed with its -wal and -shm files. */
struct db {
	char path[64];
	struct app a;
	int open;
};

static void db_open(struct db *d)
{
	struct err e;
	int fd;

	snprintf(d->path, sizeof d->path, "/tmp/cadre-demo-XXXXXX");
	fd = mkstemp(d->path);
	assert_true(fd >= 0);
	close(fd);
	unlink(d->path); /* app_open creates it */
	err_init(&e);
	assert_int_equal(app_open(&d->a, d->path, 1, &e), ERR_OK);
	err_cleanup(&e);
	d->open = 1;
}

static void db_remove(struct db *d)
{
	char p[80];

	if (d->open)
		app_close(&d->a);
	d->open = 0;
	unlink(d->path);
	snprintf(p, sizeof p, "%s-wal", d->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", d->path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", d->path);
	unlink(p);
}

static int starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void print_err(const struct err *e)
{
	size_t i;

	for (i = 0; i < e->n && i < 10; i++)
		fprintf(stderr, "  line %ld %s '%s': %s\n", e->items[i].line, e->items[i].field,
			e->items[i].value, e->items[i].msg);
}

static void build(struct db *d)
{
	struct err e;
	enum err_code rc;

	db_open(d);
	err_init(&e);
	rc = app_demo(&d->a, &admin, &e);
	if (rc)
		print_err(&e);
	assert_int_equal(rc, ERR_OK);
	err_cleanup(&e);
}

/* The demo database shared by the tests that only read it. */
static struct db demo;

static int setup(void **state)
{
	(void)state;
	/* The demo's dates are fixed; "now" is after its last one. */
	setenv("CADRE_TODAY", "2026-11-01", 1);
	build(&demo);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	db_remove(&demo);
	return 0;
}

/* ---- collecting ------------------------------------------------------------------ */

struct nodes {
	struct tree_node *v;
	size_t n, cap;
};

static int collect_node(void *ctx, const struct tree_node *t)
{
	struct nodes *c = ctx;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = realloc(c->v, c->cap * sizeof *c->v);
		assert_non_null(c->v);
	}
	c->v[c->n++] = *t;
	return 0;
}

static void tree(struct app *a, const char *root, int depth, struct nodes *out)
{
	struct err e;

	memset(out, 0, sizeof *out);
	err_init(&e);
	assert_int_equal(app_org_tree(a, &admin, root, depth, DATE_NONE, collect_node, out, &e),
			 ERR_OK);
	err_cleanup(&e);
}

static struct org get_org(struct app *a, const char *code)
{
	struct org o;
	struct err e;

	err_init(&e);
	if (app_org_get(a, &admin, code, &o, &e))
		fail_msg("no organisation %s", code);
	err_cleanup(&e);
	return o;
}

struct ids {
	int64_t *v;
	size_t n, cap;
};

static int collect_id(void *ctx, const struct member *m)
{
	struct ids *c = ctx;

	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = realloc(c->v, c->cap * sizeof *c->v);
		assert_non_null(c->v);
	}
	c->v[c->n++] = m->id;
	return 0;
}

static int cmp_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return a < b ? -1 : a > b;
}

static void list_ids(struct app *a, const char *org, date_t as_of, struct ids *out)
{
	struct err e;

	memset(out, 0, sizeof *out);
	err_init(&e);
	assert_int_equal(app_member_list(a, &admin, org, as_of, 0, -1, collect_id, out, &e),
			 ERR_OK);
	err_cleanup(&e);
	qsort(out->v, out->n, sizeof *out->v, cmp_id);
}

/* ---- the tree ------------------------------------------------------------------- */

static int province_of(const char *code)
{
	int i;

	for (i = 0; i < VN_MR2_PROVINCES; i++)
		if (strcmp(vn_province[i].abbr, code) == 0)
			return i;
	return -1;
}

/* Nine provincial military committees under the region, each under dual leadership; the
 * five border provinces are the ones holding border posts. */
static void test_provinces(void **state)
{
	struct nodes top, sub;
	size_t i, j;
	int provinces = 0, border = 0;
	char want[128];

	(void)state;
	tree(&demo.a, "QK2", 1, &top);
	for (i = 0; i < top.n; i++) {
		int pi = province_of(top.v[i].code), posts = 0;
		struct org o;

		if (top.v[i].depth != 1 || pi < 0)
			continue;
		provinces++;
		assert_int_equal(top.v[i].kind, OK_COMMITTEE);
		o = get_org(&demo.a, top.v[i].code);
		snprintf(want, sizeof want, "Đảng bộ Quân sự tỉnh %s", vn_province[pi].name);
		assert_string_equal(o.name, want);
		snprintf(want, sizeof want, "Tỉnh ủy %s", vn_province[pi].name);
		assert_string_equal(o.local_committee, want);
		tree(&demo.a, top.v[i].code, 1, &sub);
		for (j = 0; j < sub.n; j++) {
			struct org c;

			if (sub.v[j].depth != 1)
				continue;
			c = get_org(&demo.a, sub.v[j].code);
			if (strcmp(c.grassroots_type, "border_post") == 0)
				posts++;
			if (strcmp(c.grassroots_type, "local_military") == 0) {
				assert_int_equal(c.kind, OK_GRASSROOTS);
				assert_true(starts_with(c.local_committee, "Huyện ủy ") ||
					    starts_with(c.local_committee, "Thị ủy ") ||
					    starts_with(c.local_committee, "Thành ủy "));
			}
		}
		free(sub.v);
		assert_int_equal(posts > 0, vn_province[pi].border);
		border += posts > 0;
	}
	free(top.v);
	assert_int_equal(provinces, 9);
	assert_int_equal(border, 5);
}

static void test_tree_shape(void **state)
{
	struct nodes all;
	size_t i;
	long kinds[OK__COUNT] = {0};
	struct org o;

	(void)state;
	tree(&demo.a, "", -1, &all);
	assert_true(all.n >= 1200 && all.n <= 2500);
	assert_string_equal(all.v[0].code, "QD");
	assert_int_equal(all.v[0].kind, OK_COMMITTEE);
	for (i = 0; i < all.n; i++)
		kinds[all.v[i].kind]++;
	assert_true(kinds[OK_COMMITTEE] >= 13);  /* root, region, 2 divisions, 9 provinces */
	assert_true(kinds[OK_GRASSROOTS] >= 100);
	assert_true(kinds[OK_SUBCOMMITTEE] >= 18);
	assert_true(kinds[OK_CELL] >= 1000);
	free(all.v);

	o = get_org(&demo.a, "QK2");
	assert_string_equal(o.parent_code, "QD");
	o = get_org(&demo.a, "F316");
	assert_int_equal(o.kind, OK_COMMITTEE);
	o = get_org(&demo.a, "E148");
	assert_int_equal(o.kind, OK_GRASSROOTS);
	assert_string_equal(o.grassroots_type, "combat");
	o = get_org(&demo.a, "E98-D1");
	assert_int_equal(o.kind, OK_SUBCOMMITTEE);
	o = get_org(&demo.a, "E98-C1");
	assert_int_equal(o.kind, OK_CELL);
	assert_string_equal(o.parent_code, "E98-D1");
	o = get_org(&demo.a, "BV109");
	assert_string_equal(o.grassroots_type, "hospital");
	o = get_org(&demo.a, "TQS-QK2");
	assert_string_equal(o.grassroots_type, "school");
}

/* Cells with enough official members have standing boards (R-CELL-STANDING-BOARD-MIN);
 * commune cells carry the force strengths. */
static void test_cells(void **state)
{
	struct nodes all;
	size_t i;
	long cells = 0, boards = 0, communes = 0;

	(void)state;
	tree(&demo.a, "QK2", -1, &all);
	for (i = 0; i < all.n; i++) {
		struct org o;

		if (all.v[i].kind != OK_CELL)
			continue;
		o = get_org(&demo.a, all.v[i].code);
		cells++;
		boards += o.standing_board;
		if (starts_with(o.name, "Chi bộ Quân sự ")) {
			communes++;
			assert_true(o.militia > 0);
			assert_true(o.reserve > 0);
			assert_true(o.self_defence >= 0);
			assert_true(starts_with(o.local_committee, "Đảng ủy "));
		}
	}
	free(all.v);
	assert_true(communes >= 900);
	/* Seed 002: 90.2% of commune military cells have standing boards. */
	assert_true(boards * 100 >= cells * 80);
}

/* ---- members -------------------------------------------------------------------- */

struct census {
	long listed, hosted, militia, reserve, probationary;
	int tay, thai, hmong;
	date_t end;
	long bad_dates;
	long long_probation;
};

static int census_member(void *ctx, const struct member *m)
{
	struct census *c = ctx;
	date_t last_year = date_add_months(c->end, -12);

	c->listed++;
	c->hosted += m->temp_org_id != 0;
	c->tay |= strcmp(m->ethnicity, "Tày") == 0;
	c->thai |= strcmp(m->ethnicity, "Thái") == 0;
	c->hmong |= strcmp(m->ethnicity, "H'Mông") == 0;
	c->militia += strcmp(m->category, "militia") == 0;
	c->reserve += strcmp(m->category, "reserve") == 0;
	/* R-ADMIT-AGE-MIN, R-ADMIT-CEREMONY-WORKING-DAYS, R-PROBATION-MONTHS, R-MEMBER-DATES. */
	if (date_years_between(m->birth_date, m->admission_decision_date) < 18 ||
	    m->admission_ceremony_date < m->admission_decision_date ||
	    m->admission_ceremony_date > date_add_working_days(m->admission_decision_date, 30) ||
	    m->admission_ceremony_date > c->end)
		c->bad_dates++;
	if (m->status == MS_PROBATIONARY) {
		c->probationary++;
		/* Past a year: the demo's overdue recognitions and referred cases (demo_adm.c). */
		if (m->admission_ceremony_date <= last_year)
			c->long_probation++;
		if (m->official_date != DATE_NONE)
			c->bad_dates++;
	} else if (m->official_date != date_add_months(m->admission_ceremony_date, 12) ||
		   m->official_date > c->end) {
		c->bad_dates++;
	}
	return 0;
}

static void test_members(void **state)
{
	struct census c;
	struct nodes root;
	struct err e;
	long militia = 0, reserve = 0;
	size_t i;

	(void)state;
	memset(&c, 0, sizeof c);
	c.end = date_from_ymd(2026, 10, 31);
	err_init(&e);
	assert_int_equal(app_member_list(&demo.a, &admin, "", DATE_NONE, 0, -1, census_member, &c,
					 &e),
			 ERR_OK);
	err_cleanup(&e);
	tree(&demo.a, "", 0, &root);
	assert_int_equal(root.n, 1);
	assert_true(root.v[0].members >= 28000 && root.v[0].members <= 32000);
	/* A member hosted inside the subtree is listed once, with the host set. */
	assert_int_equal(root.v[0].members, c.listed);
	/* 3-5% probationary. */
	assert_int_equal(root.v[0].probationary, c.probationary);
	assert_true(c.probationary * 100 >= root.v[0].members * 3);
	assert_true(c.probationary * 100 <= root.v[0].members * 5);
	free(root.v);
	assert_int_equal(c.bad_dates, 0);
	assert_true(c.long_probation >= 2 && c.long_probation <= 20);
	assert_true(c.tay && c.thai && c.hmong);
	/* Temporary transfers under way: the hosts list them. */
	assert_true(c.hosted >= 1);

	/* Seed 002's leadership ratios: 22.7% of the militia, 10.65% of the reserve. */
	tree(&demo.a, "QK2", -1, &root);
	for (i = 0; i < root.n; i++) {
		struct org o;

		if (root.v[i].kind != OK_CELL)
			continue;
		o = get_org(&demo.a, root.v[i].code);
		militia += o.militia > 0 ? o.militia : 0;
		reserve += o.reserve > 0 ? o.reserve : 0;
	}
	free(root.v);
	assert_true(c.militia * 1000 >= militia * 220 && c.militia * 1000 <= militia * 234);
	assert_true(c.reserve * 10000 >= reserve * 1020 && c.reserve * 10000 <= reserve * 1110);
}

/* ---- history -------------------------------------------------------------------- */

static int ids_equal(const struct ids *a, const struct ids *b)
{
	return a->n == b->n && memcmp(a->v, b->v, a->n * sizeof *a->v) == 0;
}

static int ids_has(const struct ids *a, int64_t id)
{
	return bsearch(&id, a->v, a->n, sizeof *a->v, cmp_id) != NULL;
}

/* Company 16 merged into Company 15 on 2019-07-01: before, 15's roll was its own; now it
 * holds both, and the newcomers' time in Company 16 is a closed roll period. */
static void test_merge(void **state)
{
	struct ids then, now, c16;
	struct org o;
	struct err e;
	size_t i;
	int closed = 0;

	(void)state;
	list_ids(&demo.a, "E148-C15", date_from_ymd(2018, 6, 30), &then);
	list_ids(&demo.a, "E148-C15", DATE_NONE, &now);
	list_ids(&demo.a, "E148-C16", date_from_ymd(2018, 6, 30), &c16);
	assert_true(then.n > 0 && c16.n > 0);
	assert_false(ids_equal(&then, &now));
	assert_true(now.n > then.n);
	for (i = 0; i < c16.n; i++)
		assert_true(ids_has(&now, c16.v[i]) || !ids_has(&then, c16.v[i]));
	o = get_org(&demo.a, "E148-C16");
	assert_int_equal(o.dissolved, date_from_ymd(2019, 7, 1));
	err_init(&e);
	for (i = 0; i < c16.n && !closed; i++) {
		struct member_history h;
		size_t k;

		if (!ids_has(&now, c16.v[i]))
			continue;
		assert_int_equal(app_member_history(&demo.a, &admin, c16.v[i], &h, &e), ERR_OK);
		for (k = 0; k < h.nperiods; k++)
			if (h.periods[k].to != DATE_NONE &&
			    strcmp(h.periods[k].org_code, "E148-C16") == 0) {
				assert_int_equal(h.periods[k].to, date_from_ymd(2019, 7, 1));
				closed = 1;
			}
		member_history_cleanup(&h);
	}
	err_cleanup(&e);
	assert_true(closed);
	free(then.v);
	free(now.v);
	free(c16.v);
}

static void test_restructuring(void **state)
{
	struct org o;
	struct ids c7, c8;

	(void)state;
	/* The split of 2021: Company 7 kept, a new Company 8 beside it. */
	o = get_org(&demo.a, "E174-C8");
	assert_int_equal(o.established, date_from_ymd(2021, 4, 1));
	assert_string_equal(o.parent_code, "E174-D2");
	list_ids(&demo.a, "E174-C8", DATE_NONE, &c8);
	list_ids(&demo.a, "E174-C7", DATE_NONE, &c7);
	assert_true(c8.n > 0 && c7.n > 0);
	free(c7.v);
	free(c8.v);
	/* The depot dissolved in 2022, its members sent to the logistics cell. */
	o = get_org(&demo.a, "PT-CQ-KHO");
	assert_int_equal(o.dissolved, date_from_ymd(2022, 9, 1));
	/* Sa Pa became a town in 2020. */
	o = get_org(&demo.a, "LCA-SP");
	assert_string_equal(o.name, "Đảng bộ Quân sự thị xã Sa Pa");
	assert_string_equal(o.local_committee, "Thị ủy Sa Pa");
}

struct open_transfers {
	long sent, hosting;
};

static int count_open(void *ctx, const struct transfer *t)
{
	struct open_transfers *c = ctx;

	if (t->state == TS_SENT)
		c->sent++;
	else if (t->temporary && t->state == TS_RECEIVED)
		c->hosting++;
	return 0;
}

static void test_transfers(void **state)
{
	struct open_transfers c = {0, 0};
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(app_transfer_list(&demo.a, &admin, "", count_open, &c, &e), ERR_OK);
	err_cleanup(&e);
	assert_true(c.sent >= 1);
	assert_true(c.hosting >= 1);
}

/* The home page's worklist has something in each item on the demo's "now": transfers to
 * receive (two of them overdue), the undecided reviews of the year, and one member of each
 * pair sharing a number; the members it names carry đ, and their names typed without
 * accents ("d" for "đ") find them. */
struct clashing {
	char names[8][VNAME_MAX + 1];
	size_t n;
};

static int clash_row(void *ctx, const struct member *m)
{
	struct clashing *c = ctx;

	if (c->n < 8)
		snprintf(c->names[c->n++], sizeof c->names[0], "%s", m->full_name);
	return 0;
}

struct wanted {
	const char *name;
	int found;
};

static int found_name(void *ctx, const struct member *m)
{
	struct wanted *w = ctx;

	w->found |= strcmp(m->full_name, w->name) == 0;
	return 0;
}

static int cell_counted(void *ctx, const struct org *o)
{
	if (o->kind == OK_CELL)
		++*(long *)ctx;
	return 0;
}

/* The cells of the demo's tree (the most a meeting item of the worklist can count). */
static long demo_cells(struct app *a)
{
	struct err e;
	long n = 0;

	err_init(&e);
	assert_int_equal(store_org_walk(a->st, 0, 1L << 40, -1, cell_counted, &n, &e), ERR_OK);
	err_cleanup(&e);
	return n;
}

static void test_worklist(void **state)
{
	struct worklist w;
	struct clashing c;
	struct err e;
	size_t i;
	int more = 0;
	long total;

	(void)state;
	err_init(&e);
	assert_int_equal(app_worklist(&demo.a, &admin, 0, &w, &e), ERR_OK);
	assert_int_equal(w.n, 18);
	assert_string_equal(w.items[0].id, "transfers_to_receive");
	assert_true(w.items[0].count >= 4);
	assert_string_equal(w.items[1].id, "transfers_overdue");
	assert_true(w.items[1].count >= 2);
	assert_string_equal(w.items[2].id, "reviews_undecided");
	assert_true(w.items[2].count > 20000);
	assert_string_equal(w.items[3].id, "members_number_clash");
	assert_int_equal(w.items[3].count, 3);
	/* The demo's admissions on 2026-11-01 (demo_adm.c): in 6 grassroots organisations a
	 * ceremony and a recognition vote overdue and a case referred after three failed votes;
	 * the committee above awaited in every grassroots organisation (131) and on the 6 referred
	 * cases; no recognition vote inside its window that day. */
	assert_string_equal(w.items[4].id, "adm_ceremony_late");
	assert_int_equal(w.items[4].count, 6);
	assert_string_equal(w.items[5].id, "adm_recognition_due");
	assert_int_equal(w.items[5].count, 0);
	assert_string_equal(w.items[6].id, "adm_recognition_late");
	assert_int_equal(w.items[6].count, 6);
	assert_string_equal(w.items[7].id, "adm_upper_awaited");
	assert_int_equal(w.items[7].count, 137);
	/* The meeting items (app_meet_fig.c): cells without October's monthly meeting or the
	 * third quarter's thematic one, members absent without reason three times. At most one
	 * a cell; the demo's meetings decide how many. */
	assert_string_equal(w.items[8].id, "meet_monthly_missed");
	assert_string_equal(w.items[9].id, "meet_thematic_missed");
	assert_string_equal(w.items[10].id, "meet_absentees");
	assert_true(w.items[8].count >= 0 && w.items[8].count <= demo_cells(&demo.a));
	assert_true(w.items[9].count >= 0 && w.items[9].count <= demo_cells(&demo.a));
	assert_true(w.items[10].count >= 0);
	/* key cadres (demo_cadres.c): the vacancy report's rows, some posts left vacant */
	assert_string_equal(w.items[11].id, "cadre_vacancies");
	assert_true(w.items[11].count > 10);
	assert_string_equal(w.items[11].link, "/orgs/QD/vacancies");
	/* the cadre's own assessments (demo_sheet.c): every key holder has last year's */
	assert_string_equal(w.items[12].id, "cadre_assessments_missing");
	assert_int_equal(w.items[12].count, 0);
	assert_string_equal(w.items[12].link, "/orgs/QD/assessments-due");
	/* planning (demo_plan.c): the key posts short of planned successors in 2025-2030, for an
	 * account with the personnel right */
	assert_string_equal(w.items[13].id, "plan_short");
	assert_true(w.items[13].count > 10);
	assert_string_equal(w.items[13].link, "/orgs/QD/plan");
	/* the inspection work (app_insp_fig.c), for an account with the inspection right: the
	 * demo's cases and complaints decide the counts; each links to the report's list */
	assert_string_equal(w.items[14].id, "insp_cases_late");
	assert_string_equal(w.items[14].link, "/orgs/QD/inspection-report/list?what=late");
	assert_string_equal(w.items[15].id, "insp_notice_due");
	assert_string_equal(w.items[15].link, "/orgs/QD/inspection-report/list?what=notice");
	assert_string_equal(w.items[16].id, "complaints_due");
	assert_string_equal(w.items[16].link,
			    "/orgs/QD/inspection-report/list?what=complaints&stage=overdue");
	assert_string_equal(w.items[17].id, "reviews_to_revise");
	assert_string_equal(w.items[17].link, "/orgs/QD/inspection-report/list?what=revisions");
	for (i = 14; i < 18; i++)
		assert_true(w.items[i].count >= 0);
	{
		long rn, rdif, rbor, rfl;

		/* the inland deputies rotated to the border posts in 2025 */
		assert_int_equal(app_rotations(&demo.a, &admin, NULL, 2025, NULL, NULL, &rn, &rdif,
					       &rbor, &rfl, &e),
				 ERR_OK);
		assert_true(rn > 0 && rbor == rn && rfl == rn);
	}
	memset(&c, 0, sizeof c);
	assert_int_equal(app_worklist_clashes(&demo.a, &admin, 0, 10, clash_row, &c, &more, &e),
			 ERR_OK);
	assert_int_equal(c.n, 3);
	for (i = 0; i < c.n; i++) {
		struct buf folded;
		struct wanted want = {c.names[i], 0};

		assert_true(strstr(c.names[i], "Đ") || strstr(c.names[i], "đ"));
		buf_init(&folded, 0);
		vname_fold(c.names[i], &folded);
		assert_null(strstr(buf_str(&folded), "đ"));
		total = 0;
		assert_int_equal(app_member_find(&demo.a, &admin, buf_str(&folded), NULL, 0, 50,
						 &total, found_name, &want, &e),
				 ERR_OK);
		assert_true(total >= 1);
		assert_true(want.found);
		buf_cleanup(&folded);
	}
	err_cleanup(&e);
}

/* Three years of reviews within the rules, and seed 004's shares of members: about 18%
 * excellent, over 90% good or better; the counters agree with a count from the records. */
static void test_reviews(void **state)
{
	struct report r;
	const struct report_table *t;
	const struct report_row *ex, *gb;
	struct err e;
	long wrong = -1;
	int year;

	(void)state;
	err_init(&e);
	for (year = 2023; year <= 2025; year++) {
		assert_int_equal(app_report(&demo.a, &admin, "", year, DATE_NONE, &r, &e), ERR_OK);
		t = report_find(&r, "member_reviews");
		assert_non_null(t);
		ex = report_row_find(t, "excellent");
		gb = report_row_find(t, "good_or_better");
		assert_true(ex->c[0].base > 20000);
		assert_in_range(report_pct100(ex->c[0].count, ex->c[0].base), 1400, 2000);
		assert_in_range(report_pct100(gb->c[0].count, gb->c[0].base), 9000, 9500);
		t = report_find(&r, "grassroots_reviews");
		assert_true(report_row_find(t, "reviewed")->c[0].count > 100);
		report_cleanup(&r);
	}
	assert_int_equal(app_fig_check(&demo.a, &admin, 0, &wrong, &e), ERR_OK);
	assert_int_equal(wrong, 0);
	err_cleanup(&e);
}

/* ---- admissions ------------------------------------------------------------------ */

struct due_kinds {
	long overdue[DK__COUNT];
	date_t as_of;
};

static int due_case(void *ctx, const struct admission *c)
{
	struct due_kinds *k = ctx;

	if (c->due_kind > DK_NONE && c->due_kind < DK__COUNT && c->due_on < k->as_of)
		k->overdue[c->due_kind]++;
	return 0;
}

/* Every grassroots organisation has a case at each open stage (the committee's vote skipped
 * where the cell is the grassroots organisation), three years of admissions recognised, and
 * the due list has an overdue ceremony, an overdue recognition vote and a referred case. */
static void test_admissions(void **state)
{
	static const enum adm_stage open[] = {AST_CANDIDATE, AST_CLASS, AST_APPLIED,
					      AST_VERIFIED, AST_CELL_PASSED, AST_DECIDED,
					      AST_PROBATION};
	struct due_kinds k;
	struct adm_figures f;
	struct adm_board b;
	struct nodes all;
	struct err e;
	size_t i, j;
	long grassroots = 0;
	int year;

	(void)state;
	err_init(&e);
	tree(&demo.a, "", -1, &all);
	for (i = 0; i < all.n; i++) {
		if (all.v[i].kind != OK_GRASSROOTS)
			continue;
		grassroots++;
		assert_int_equal(app_adm_board(&demo.a, &admin, all.v[i].code, DATE_NONE, &b, &e),
				 ERR_OK);
		for (j = 0; j < sizeof open / sizeof open[0]; j++)
			if (b.count[open[j]] < 1)
				fail_msg("%s has no case at stage %s", all.v[i].code,
					 adm_stage_name(open[j]));
		if (b.count[AST_COMMITTEE_PASSED] < 1 && all.v[i].orgs > 1)
			fail_msg("%s has no case voted by its committee", all.v[i].code);
	}
	free(all.v);
	assert_true(grassroots > 100);
	memset(&k, 0, sizeof k);
	k.as_of = date_from_ymd(2026, 11, 1);
	assert_int_equal(app_adm_due(&demo.a, &admin, "", k.as_of, due_case, &k, &e), ERR_OK);
	assert_true(k.overdue[DK_CEREMONY] >= 1);
	assert_true(k.overdue[DK_RECOGNITION] >= 1);
	assert_true(k.overdue[DK_UPPER_RULING] >= 1);
	assert_int_equal(app_adm_figures(&demo.a, &admin, "", 2026, &f, &e), ERR_OK);
	assert_true(f.by_stage[AST_REFERRED] >= 1);
	assert_true(f.by_stage[AST_OFFICIAL] >= 2 * grassroots);
	for (year = 2025; year <= 2026; year++) {
		assert_int_equal(app_adm_figures(&demo.a, &admin, "", year, &f, &e), ERR_OK);
		assert_true(f.recognised_on_time >= grassroots);
		assert_true(f.admitted >= grassroots);
		assert_true(f.members_jan1 > 25000);
		assert_true(f.rate_bp > 0);
	}
	assert_int_equal(app_adm_figures(&demo.a, &admin, "", 2024, &f, &e), ERR_OK);
	assert_true(f.admitted >= grassroots);
	assert_true(f.classes >= grassroots);
	err_cleanup(&e);
}

/* ---- determinism and refusal ---------------------------------------------------- */

static void export_all(struct app *a, char **orgs, size_t *no, char **members, size_t *nm)
{
	struct err e;
	FILE *f;

	err_init(&e);
	f = open_memstream(orgs, no);
	assert_non_null(f);
	assert_int_equal(app_export_orgs(a, &admin, f, &e), ERR_OK);
	fclose(f);
	f = open_memstream(members, nm);
	assert_non_null(f);
	assert_int_equal(app_export_members(a, &admin, f, &e), ERR_OK);
	fclose(f);
	err_cleanup(&e);
}

static void test_deterministic(void **state)
{
	struct db other;
	char *o1, *o2, *m1, *m2;
	size_t no1, no2, nm1, nm2;

	(void)state;
	memset(&other, 0, sizeof other);
	build(&other);
	export_all(&demo.a, &o1, &no1, &m1, &nm1);
	export_all(&other.a, &o2, &no2, &m2, &nm2);
	db_remove(&other);
	assert_true(no1 > 100000 && nm1 > 1000000);
	assert_int_equal(no1, no2);
	assert_memory_equal(o1, o2, no1);
	assert_int_equal(nm1, nm2);
	assert_memory_equal(m1, m2, nm1);
	free(o1);
	free(o2);
	free(m1);
	free(m2);
}

static void test_refuses_non_empty(void **state)
{
	struct db one;
	struct org root;
	struct err e;
	struct nodes before, after;

	(void)state;
	/* Into the demo database itself: refused, nothing added. */
	tree(&demo.a, "", -1, &before);
	err_init(&e);
	assert_int_equal(app_demo(&demo.a, &admin, &e), ERR_RULE);
	assert_true(e.n >= 1 && strstr(e.items[0].msg, "empty") != NULL);
	err_cleanup(&e);
	tree(&demo.a, "", -1, &after);
	assert_int_equal(before.n, after.n);
	free(before.v);
	free(after.v);

	/* Into a database holding only a root. */
	memset(&one, 0, sizeof one);
	db_open(&one);
	memset(&root, 0, sizeof root);
	snprintf(root.code, sizeof root.code, "ROOT");
	snprintf(root.name, sizeof root.name, "Đảng bộ Quân đội");
	root.kind = OK_COMMITTEE;
	root.militia = root.self_defence = root.reserve = -1;
	root.established = date_from_ymd(2000, 1, 1);
	root.dissolved = DATE_NONE;
	err_init(&e);
	assert_int_equal(app_org_add(&one.a, &admin, &root, &e), ERR_OK);
	assert_int_equal(app_demo(&one.a, &admin, &e), ERR_RULE);
	err_cleanup(&e);
	db_remove(&one);
}

/* An actor whose scope is a subtree cannot build the whole tree. */
static void test_refuses_scoped_actor(void **state)
{
	struct db one;
	struct actor scoped = {"test", "QK2", "test", ROLE_SYS_ADMIN, 0, 1, 1};
	struct err e;

	(void)state;
	memset(&one, 0, sizeof one);
	db_open(&one);
	err_init(&e);
	assert_int_equal(app_demo(&one.a, &scoped, &e), ERR_RULE);
	err_cleanup(&e);
	db_remove(&one);
}

/* The demo's meetings (demo_meet.c): a year for every cell, the held ones up to the demo's
 * date (2026-11-01) with the attendance of their roll, the later ones planned; some months
 * and thematic quarters missed, some poorly attended meetings, a few members absent without
 * reason three times or more; each quorum base as R-MEETING-QUORUM counts it. */
struct meet_count {
	long held[MK__COUNT], planned[MK__COUNT], bad_base, short_len, poor, cells_missing;
	long months[12];
};

static int meet_seen(void *ctx, const struct meeting *m)
{
	struct meet_count *c = ctx;

	if (m->state == MST_PLANNED) {
		c->planned[m->kind]++;
		return 0;
	}
	c->held[m->kind]++;
	/* The cells' regular and thematic meetings (demo_meet.c). The study sessions of the
	 * documents (demo_study.c) take no vote, and a make-up session may be held before its
	 * attendance is recorded (no quorum base yet). */
	if (m->kind != MK_MONTHLY && m->kind != MK_THEMATIC)
		return 0;
	if (m->quorum_base != m->n_present + m->n_absent)
		c->bad_base++;
	if (m->ends_min - m->starts_min < 90)
		c->short_len++;
	if (m->n_present * 2 <= m->quorum_base)
		c->poor++;
	return 0;
}

static int first_meeting(void *ctx, const struct meeting *m)
{
	*(int64_t *)ctx = m->id;
	return 1;
}

static void test_meetings(void **state)
{
	struct meet_query q;
	struct meet_count c;
	struct meeting m;
	struct err e;
	long total = 0;

	(void)state;
	err_init(&e);
	memset(&q, 0, sizeof q);
	memset(&c, 0, sizeof c);
	q.subtree = 1;
	q.kind = q.state = -1;
	q.from = date_from_ymd(2025, 12, 1);
	q.to = date_from_ymd(2026, 11, 30);
	assert_int_equal(app_meeting_list(&demo.a, &admin, &q, 0, 0, meet_seen, &c, &total, &e),
			 ERR_OK);
	/* 1597 cells: 11 monthly meetings held each (December to October) but the months
	 * missed, November's planned; 4 thematic quarters, the fourth's planned. */
	assert_int_equal(c.planned[MK_MONTHLY], 1597);
	assert_int_equal(c.planned[MK_THEMATIC], 1597);
	assert_true(c.held[MK_MONTHLY] < 1597L * 11 && c.held[MK_MONTHLY] > 1597L * 11 - 300);
	assert_true(c.held[MK_THEMATIC] < 1597L * 3 && c.held[MK_THEMATIC] > 1597L * 3 - 400);
	assert_int_equal(c.bad_base, 0);
	assert_int_equal(c.short_len, 0);
	assert_true(c.poor >= 10 && c.poor < 400);
	/* A meeting read back has its attendance and its resolution. */
	q.kind = MK_MONTHLY;
	q.state = MST_HELD;
	q.org_code = "E98-C1";
	meeting_init(&m);
	total = 0;
	assert_int_equal(app_meeting_list(&demo.a, &admin, &q, 0, 1, first_meeting, &m.id, &total,
					  &e),
			 ERR_OK);
	assert_true(total >= 10);
	assert_int_equal(app_meeting_get(&demo.a, &admin, m.id, &m, &e), ERR_OK);
	assert_true(m.n_att >= 5);
	assert_int_equal((long)m.n_att, m.n_present + m.n_excused + m.n_absent + m.n_not_counted);
	assert_int_equal(m.n_res, 1);
	assert_int_equal(m.res[0].base, m.quorum_base);
	err_cleanup(&e);
	meeting_cleanup(&m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_provinces),
		cmocka_unit_test(test_tree_shape),
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_members),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_restructuring),
		cmocka_unit_test(test_transfers),
		cmocka_unit_test(test_worklist),
		cmocka_unit_test(test_reviews),
		cmocka_unit_test(test_admissions),
		cmocka_unit_test(test_meetings),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_refuses_non_empty),
		cmocka_unit_test(test_refuses_scoped_actor),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
