/* test_vacancy_scale.c - the vacancy report read the fast way (migration 39's kept state of
 * positions and committees, store_vacancies' narrow and wide ways) gives the same rows as a
 * straightforward computation: the subtree by a recursive CTE, every key position and
 * committee joined to its holdings or seats and the holders' records (bench/vac_bench.c's
 * plain way). A small tree with vacancies, acting holders, a post of two seats, a transfer,
 * a dismissal dated after some of the days asked, holders and committee members leaving the
 * rolls, flags set and cleared; the report of every subtree on every day around the events,
 * both ways; then the rows of one day checked by value. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "app/app.h"
#include "app/app_cadres.h"

struct fx {
	char path[64];
	struct app a;
	struct actor root;
	struct err e;
	int64_t m[12];
	int64_t p[10];
	int64_t k[3];
};

/* rc must be ERR_OK; else the first problem is shown. */
static void ok(struct fx *f, enum err_code rc)
{
	if (rc != ERR_OK)
		fail_msg("%s", f->e.n ? f->e.items[0].msg : "failed");
}

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

static void add_org(struct fx *f, const char *code, const char *parent, enum org_kind kind,
		    const char *type)
{
	struct org o;

	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", parent);
	snprintf(o.name, sizeof o.name, "Tổ chức %s", code);
	snprintf(o.grassroots_type, sizeof o.grassroots_type, "%s", type);
	o.kind = kind;
	o.established = D("2000-01-01");
	ok(f, app_org_add(&f->a, &f->root, &o, &f->e));
}

static int64_t add_member(struct fx *f, const char *org, int i)
{
	static const char *const names[] = {
		"Nguyễn Văn An", "Trần Văn Bình", "Lê Văn Cường", "Phạm Văn Dũng",
		"Hoàng Văn Em", "Vũ Văn Giang", "Đặng Văn Hải", "Bùi Văn Khánh",
		"Đỗ Văn Long", "Hồ Văn Minh", "Ngô Văn Nam", "Dương Văn Phúc",
	};
	struct member m;

	memset(&m, 0, sizeof m);
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "%s", org);
	assert_int_equal(member_set_name(&m, names[i], &f->e, 0), 0);
	strcpy(m.sex, "male");
	m.birth_date = D("1985-01-01") + i;
	strcpy(m.ethnicity, "Kinh");
	strcpy(m.hometown, "Hà Giang");
	m.admission_decision_date = D("2010-01-01");
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	ok(f, app_member_add(&f->a, &f->root, &m, &f->e));
	return m.id;
}

static int64_t add_position(struct fx *f, const char *org, const char *kind, long seats)
{
	struct position p;

	ok(f, app_position_add(&f->a, &f->root, org, kind, seats, -1, D("2020-01-01"),
					  &p, &f->e));
	return p.id;
}

static void appoint(struct fx *f, int m, int p, int acting, const char *on)
{
	struct cadre_decision d = {"12/QĐ", D(on), "TOP"};
	struct holding h;

	ok(f, app_appoint(&f->a, &f->root, f->m[m], f->p[p], &d, acting, D(on), &h, &f->e));
}

static void dismiss(struct fx *f, int m, int p, const char *on)
{
	struct cadre_decision d = {"13/QĐ", D(on), "TOP"};

	ok(f, app_dismiss(&f->a, &f->root, f->m[m], f->p[p], &d, "nghỉ hưu", D(on),
				     &f->e));
}

static int64_t add_committee(struct fx *f, const char *org, const char *start, long seats,
			     long standing, const struct committee_seat *s, size_t n)
{
	struct cadre_decision d = {"NQ 1", D(start), "TOP"};
	struct committee c;

	ok(f, app_committee_add(&f->a, &f->root, org, D(start), seats, standing, &d,
					   &c, &f->e));
	ok(f, app_committee_fill(&f->a, &f->root, c.id, s, n, D(start), "election",
					    NULL, &f->e));
	return c.id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct cadre_decision d = {"14/QĐ", D("2023-07-01"), "TOP"};
	struct holding h;
	int fd, i;

	strcpy(f->path, "/tmp/cadre-test-vacancy-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	unsetenv("CADRE_AUDIT_KEY_FILE");
	err_init(&f->e);
	assert_int_equal(app_open(&f->a, f->path, 1, &f->e), ERR_OK);
	f->a.quiet = 1;
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	add_org(f, "TOP", "", OK_COMMITTEE, "");
	add_org(f, "ROOT", "TOP", OK_COMMITTEE, "");
	add_org(f, "E1", "ROOT", OK_GRASSROOTS, "combat");
	add_org(f, "C1", "E1", OK_CELL, "");
	add_org(f, "C2", "E1", OK_CELL, "");
	add_org(f, "E2", "ROOT", OK_GRASSROOTS, "");
	add_org(f, "C3", "E2", OK_CELL, "");
	for (i = 0; i < 12; i++)
		f->m[i] = add_member(f, i < 4 ? "C1" : i < 8 ? "C2" : "C3", i);
	ok(f, app_org_flag(&f->a, &f->root, "E2", "border", 1, D("2024-01-01"), "QĐ 7",
				      &f->e));
	ok(f, app_org_flag(&f->a, &f->root, "C3", "difficult", 1, D("2024-06-01"),
				      "QĐ 8", &f->e));
	ok(f, app_org_flag(&f->a, &f->root, "C3", "difficult", 0, D("2025-06-01"),
				      "QĐ 9", &f->e));
	f->p[1] = add_position(f, "E2", "secretary", 1);
	f->p[2] = add_position(f, "E2", "commander", 1);
	f->p[3] = add_position(f, "E1", "secretary", 1);
	f->p[4] = add_position(f, "E1", "deputy_secretary", 2);
	f->p[5] = add_position(f, "C1", "secretary", 1);
	f->p[6] = add_position(f, "C2", "secretary", 1);
	f->p[7] = add_position(f, "E2", "commissar", 1);
	f->p[8] = add_position(f, "C3", "secretary", 1);
	f->p[9] = add_position(f, "E1", "head_of_office", 1); /* not key: never in the report */
	appoint(f, 0, 1, 0, "2020-02-01");
	appoint(f, 1, 2, 0, "2020-02-01");
	dismiss(f, 1, 2, "2023-03-01");
	appoint(f, 2, 2, 1, "2024-01-10"); /* acting */
	appoint(f, 4, 3, 0, "2021-01-01");
	appoint(f, 5, 4, 0, "2020-03-01");
	appoint(f, 6, 4, 0, "2022-01-01");
	dismiss(f, 6, 4, "2024-04-01");
	appoint(f, 3, 5, 0, "2020-05-01");
	ok(f, app_post_transfer(&f->a, &f->root, f->m[3], f->p[5], f->p[6], &d, 0, 0,
					   D("2023-07-01"), &h, &f->e));
	appoint(f, 8, 7, 0, "2025-01-01");
	appoint(f, 9, 8, 0, "2020-01-01");
	dismiss(f, 9, 8, "2026-10-01");
	{
		const struct committee_seat k1[] = {{f->m[5], "secretary"},
						    {f->m[6], "deputy_secretary"},
						    {f->m[0], "member"},
						    {f->m[1], "member"},
						    {f->m[7], "member"}};
		const struct committee_seat k2[] = {
			{f->m[8], "secretary"}, {f->m[9], "member"}, {f->m[10], "member"}};
		const struct committee_seat k3[] = {
			{f->m[0], "secretary"}, {f->m[1], "member"}, {f->m[2], "member"}};

		f->k[0] = add_committee(f, "E1", "2025-06-01", 5, 2, k1, 5);
		f->k[1] = add_committee(f, "E2", "2025-06-01", 3, 0, k2, 3);
		f->k[2] = add_committee(f, "ROOT", "2021-01-01", 3, 0, k3, 3);
	}
	ok(f, app_committee_leave(&f->a, &f->root, f->k[0], f->m[7], D("2026-02-01"),
					     "chuyển công tác", &f->e));
	/* holders and a committee member leaving the rolls */
	ok(f, app_member_status(&f->a, &f->root, f->m[4], MS_REMOVED, D("2025-05-01"),
					   "xóa tên", &f->e));
	ok(f, app_member_status(&f->a, &f->root, f->m[10], MS_REMOVED,
					   D("2026-03-01"), "xóa tên", &f->e));
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[96];

	app_close(&f->a);
	err_cleanup(&f->e);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", f->path);
	unlink(p);
	free(f);
	return 0;
}

/* ---- the straightforward computation ------------------------------------------------- */
#define ACTIVE "('probationary','official','exempt','suspended')"
#define COV(t) "(" t ".valid_from <= ?2 AND (" t ".valid_to IS NULL OR " t ".valid_to > ?2))"
#define ON_ROLLS "(m.status IN " ACTIVE " OR m.status_since > ?2)"
#define FLAG(f)                                                                               \
	"EXISTS (SELECT 1 FROM org_flag g WHERE g.org_id = o.id AND g.flag = '" f "' AND "     \
	COV("g") ")"

static const char plain_sql[] =
	"WITH RECURSIVE sub(id) AS (SELECT id FROM org WHERE code = ?1"
	" UNION ALL SELECT o.id FROM org o JOIN sub ON o.parent_id = sub.id),"
	" pos AS (SELECT p.id, p.seats, p.valid_from, " FLAG("border") " AS border, "
	FLAG("difficult") " AS difficult, coalesce(o.grassroots_type, '') = 'combat' AS combat,"
	"  coalesce(sum(h.acting = 0 AND " COV("h") " AND " ON_ROLLS "), 0) AS full,"
	"  coalesce(sum(h.acting = 1 AND " COV("h") " AND " ON_ROLLS "), 0) AS acting,"
	"  max(CASE WHEN h.acting = 1 AND " COV("h") " THEN h.valid_from END) AS acting_since,"
	"  max(CASE WHEN h.valid_to <= ?2 THEN h.valid_to END) AS last_end,"
	"  max(CASE WHEN " COV("h") " AND NOT " ON_ROLLS " THEN m.status_since END) AS left_on"
	" FROM position p JOIN org o ON o.id = p.org_id"
	" LEFT JOIN holding h ON h.position_id = p.id LEFT JOIN member m ON m.id = h.member_id"
	" WHERE o.id IN (SELECT id FROM sub) AND p.is_key = 1 AND " COV("p")
	"  AND o.established <= ?2 GROUP BY p.id),"
	" com AS (SELECT c.id, c.seats, c.standing_seats, c.term_start, " FLAG("border")
	" AS border, " FLAG("difficult") " AS difficult,"
	"  coalesce(o.grassroots_type, '') = 'combat' AS combat,"
	"  coalesce(sum(" COV("cm") " AND " ON_ROLLS "), 0) AS filled,"
	"  coalesce(sum(cm.role <> 'member' AND " COV("cm") " AND " ON_ROLLS "), 0) AS standing,"
	"  max(CASE WHEN cm.valid_to <= ?2 THEN cm.valid_to END) AS last_end,"
	"  max(CASE WHEN " COV("cm") " AND NOT " ON_ROLLS " THEN m.status_since END) AS left_on"
	" FROM committee c JOIN org o ON o.id = c.org_id"
	" LEFT JOIN committee_member cm ON cm.committee_id = c.id"
	" LEFT JOIN member m ON m.id = cm.member_id"
	" WHERE o.id IN (SELECT id FROM sub) AND c.term_start <= ?2 AND c.term_end > ?2"
	" GROUP BY c.id)"
	" SELECT 'position ' || id || ' ' || CASE WHEN acting > 0 THEN 'acting' ELSE 'vacant' END"
	"  || ' ' || CASE WHEN acting > 0 AND acting_since > max(valid_from,"
	"   coalesce(last_end, valid_from), coalesce(left_on, valid_from)) THEN acting_since"
	"   ELSE max(valid_from, coalesce(last_end, valid_from), coalesce(left_on, valid_from))"
	"   END || ' ' || full || '/' || seats || ' a' || acting || ' s0/0 ' || border"
	"  || difficult || combat"
	" FROM pos WHERE full < seats"
	" UNION ALL SELECT 'committee ' || id || ' understaffed ' || max(term_start,"
	"  coalesce(last_end, term_start), coalesce(left_on, term_start)) || ' ' || filled"
	"  || '/' || seats || ' a0 s' || standing || '/' || standing_seats || ' ' || border"
	"  || difficult || combat"
	" FROM com WHERE filled < seats OR standing < standing_seats";

struct rows {
	char v[64][96];
	size_t n;
};

static int cmp_row(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void plain(struct fx *f, sqlite3 *db, const char *code, date_t on, struct rows *r)
{
	sqlite3_stmt *s;

	(void)f;
	r->n = 0;
	assert_int_equal(sqlite3_prepare_v2(db, plain_sql, -1, &s, NULL), SQLITE_OK);
	sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, on);
	while (sqlite3_step(s) == SQLITE_ROW) {
		assert_true(r->n < 64);
		snprintf(r->v[r->n++], sizeof r->v[0], "%s", (const char *)sqlite3_column_text(s, 0));
	}
	sqlite3_finalize(s);
	qsort(r->v, r->n, sizeof r->v[0], cmp_row);
}

static void fast(struct fx *f, const char *code, date_t on, struct rows *r)
{
	struct vacancy *v;
	size_t n, i;

	ok(f, app_vacancies(&f->a, &f->root, code, on, &v, &n, &f->e));
	assert_true(n < 64);
	for (i = 0; i < n; i++)
		snprintf(r->v[i], sizeof r->v[0], "%s %lld %s %ld %ld/%ld a%ld s%ld/%ld %d%d%d",
			 v[i].what, (long long)v[i].id, v[i].state, (long)v[i].since, v[i].filled,
			 v[i].seats, v[i].acting, v[i].standing, v[i].standing_seats, v[i].border,
			 v[i].difficult, v[i].combat);
	r->n = n;
	free(v);
	qsort(r->v, r->n, sizeof r->v[0], cmp_row);
}

static void assert_same(const struct rows *a, const struct rows *b, const char *what)
{
	size_t i;

	if (a->n != b->n)
		fail_msg("%s: %zu rows the fast way, %zu the plain way", what, a->n, b->n);
	for (i = 0; i < a->n; i++)
		if (strcmp(a->v[i], b->v[i]))
			fail_msg("%s: fast \"%s\", plain \"%s\"", what, a->v[i], b->v[i]);
}

/* Every subtree, every day around the events, the narrow way and the wide way. */
static void test_same_rows_as_plain(void **state)
{
	static const char *const days[] = {
		"2019-12-31", "2020-01-01", "2020-02-01", "2020-05-01", "2021-01-01",
		"2022-01-01", "2023-03-01", "2023-07-01", "2024-01-01", "2024-01-10",
		"2024-04-01", "2024-06-01", "2025-01-01", "2025-05-01", "2025-06-01",
		"2026-01-01", "2026-02-01", "2026-03-01", "2026-10-01", "2026-11-23",
		"2027-01-01",
	};
	static const char *const orgs[] = {"TOP", "E1", "E2", "C1", "C3"};
	struct fx *f = *state;
	long saved = store_vacancy_wide_orgs;
	struct rows *a = calloc(1, sizeof *a), *b = calloc(1, sizeof *b);
	sqlite3 *db;
	size_t i, j, k;
	int wide, nonempty = 0;
	char what[96];

	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (wide = 0; wide < 2; wide++) {
		store_vacancy_wide_orgs = wide ? 0 : 1000000;
		for (i = 0; i < sizeof days / sizeof days[0]; i++)
			for (k = 0; k < 3; k++) /* the day before, the day, the day after */
				for (j = 0; j < sizeof orgs / sizeof orgs[0]; j++) {
					date_t on = D(days[i]) - 1 + (date_t)k;

					snprintf(what, sizeof what, "%s on %s%+d, %s", orgs[j],
						 days[i], (int)k - 1, wide ? "wide" : "narrow");
					fast(f, orgs[j], on, a);
					plain(f, db, orgs[j], on, b);
					assert_same(a, b, what);
					nonempty += a->n > 0;
				}
	}
	store_vacancy_wide_orgs = saved;
	sqlite3_close(db);
	assert_true(nonempty > 100);
	free(a);
	free(b);
}

/* The rows of one day by value (both ways): what each event left. */
static void test_rows_by_value(void **state)
{
	struct fx *f = *state;
	long saved = store_vacancy_wide_orgs;
	struct rows *a = calloc(1, sizeof *a), *e = calloc(1, sizeof *e);
	int wide;

	snprintf(e->v[0], sizeof e->v[0], "position %lld acting %ld 0/1 a1 s0/0 100",
		 (long long)f->p[2], (long)D("2024-01-10"));
	snprintf(e->v[1], sizeof e->v[0], "position %lld vacant %ld 0/1 a0 s0/0 001",
		 (long long)f->p[3], (long)D("2025-05-01")); /* the holder removed */
	snprintf(e->v[2], sizeof e->v[0], "position %lld vacant %ld 1/2 a0 s0/0 001",
		 (long long)f->p[4], (long)D("2024-04-01"));
	snprintf(e->v[3], sizeof e->v[0], "position %lld vacant %ld 0/1 a0 s0/0 000",
		 (long long)f->p[5], (long)D("2023-07-01")); /* the holder transferred */
	snprintf(e->v[4], sizeof e->v[0], "position %lld vacant %ld 0/1 a0 s0/0 000",
		 (long long)f->p[8], (long)D("2026-10-01"));
	snprintf(e->v[5], sizeof e->v[0], "committee %lld understaffed %ld 4/5 a0 s2/2 001",
		 (long long)f->k[0], (long)D("2026-02-01"));
	snprintf(e->v[6], sizeof e->v[0], "committee %lld understaffed %ld 2/3 a0 s1/0 100",
		 (long long)f->k[1], (long)D("2026-03-01")); /* a member removed */
	e->n = 7;
	qsort(e->v, e->n, sizeof e->v[0], cmp_row);
	for (wide = 0; wide < 2; wide++) {
		store_vacancy_wide_orgs = wide ? 0 : 1000000;
		fast(f, "ROOT", D("2026-11-23"), a);
		assert_same(a, e, wide ? "ROOT wide" : "ROOT narrow");
	}
	store_vacancy_wide_orgs = saved;
	free(a);
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_rows_as_plain),
		cmocka_unit_test(test_rows_by_value),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
