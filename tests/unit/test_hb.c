/* test_hb.c - the members' handbook at its boundaries (docs/handbook.md): R-HB-CODE-DAYS (the
 * code good on its last day, not the day after; single use), R-HB-SELF-PERIOD (its first and
 * last days), and a member account's empty scope (its own record and cell not found through
 * the staff's functions, no member account by 'user add'). */
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
#include "app/app_hb.h"

struct fx {
	char path[64];
	struct app a;
	struct actor root;
	struct err e;
	int64_t m1, m2;
};

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

static void add_org(struct fx *f, const char *code, const char *parent, enum org_kind kind)
{
	struct org o;

	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", parent);
	snprintf(o.name, sizeof o.name, "Tổ chức %s", code);
	o.kind = kind;
	o.established = D("2000-01-01");
	assert_int_equal(app_org_add(&f->a, &f->root, &o, &f->e), ERR_OK);
}

static int64_t add_member(struct fx *f, const char *org, const char *name)
{
	struct member m;

	memset(&m, 0, sizeof m);
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "%s", org);
	assert_int_equal(member_set_name(&m, name, &f->e, 0), 0);
	strcpy(m.sex, "male");
	m.birth_date = D("1990-01-01");
	strcpy(m.ethnicity, "Kinh");
	strcpy(m.hometown, "Hà Giang");
	m.admission_decision_date = D("2010-01-01");
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	assert_int_equal(app_member_add(&f->a, &f->root, &m, &f->e), ERR_OK);
	return m.id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	int fd;

	strcpy(f->path, "/tmp/cadre-test-hb-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	setenv("CADRE_TODAY", "2026-11-01", 1);
	unsetenv("CADRE_AUDIT_KEY_FILE");
	err_init(&f->e);
	assert_int_equal(app_open(&f->a, f->path, 1, &f->e), ERR_OK);
	f->a.quiet = 1;
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	add_org(f, "ROOT", "", OK_COMMITTEE);
	add_org(f, "E1", "ROOT", OK_GRASSROOTS);
	add_org(f, "C1", "E1", OK_CELL);
	f->m1 = add_member(f, "C1", "Nguyễn Văn An");
	f->m2 = add_member(f, "C1", "Trần Văn Bình");
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[80];

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

static const struct hb_sheet_row *row_of(const struct hb_sheet *s, int64_t id)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (s->rows[i].member_id == id)
			return &s->rows[i];
	fail();
	return NULL;
}

static void test_R_HB_CODE_DAYS(void **state)
{
	struct fx *f = *state;
	struct hb_sheet s;
	struct actor me;
	char c1[HB_CODE_CHARS], c2[HB_CODE_CHARS], l1[64], l2[64];

	assert_int_equal(app_hb_accounts(&f->a, &f->root, "C1", 0, &s, &f->e), ERR_OK);
	assert_int_equal(s.made, 2);
	assert_int_equal(s.expires, D("2026-11-15")); /* 14 days */
	snprintf(c1, sizeof c1, "%s", row_of(&s, f->m1)->code);
	snprintf(l1, sizeof l1, "%s", row_of(&s, f->m1)->login);
	snprintf(c2, sizeof c2, "%s", row_of(&s, f->m2)->code);
	snprintf(l2, sizeof l2, "%s", row_of(&s, f->m2)->login);
	hb_sheet_cleanup(&s);
	/* The last day: good. */
	f->a.today = D("2026-11-15");
	assert_int_equal(app_hb_activate(&f->a, l1, c1, "mật khẩu đủ dài lắm", "t", &me, &f->e),
			 ERR_OK);
	assert_int_equal(me.role, ROLE_MEMBER);
	/* Single use. */
	assert_int_equal(app_hb_activate(&f->a, l1, c1, "mật khẩu đủ dài khác", "t", &me, &f->e),
			 ERR_DENIED);
	err_clear(&f->e);
	/* The day after: expired, with the rule. */
	f->a.today = D("2026-11-16");
	assert_int_equal(app_hb_activate(&f->a, l2, c2, "mật khẩu đủ dài lắm", "t", &me, &f->e),
			 ERR_RULE);
	assert_string_equal(f->e.items[0].rule, R_HB_CODE_DAYS);
	err_clear(&f->e);
	/* A new code from that day, good again. */
	assert_int_equal(app_hb_accounts(&f->a, &f->root, "C1", 1, &s, &f->e), ERR_OK);
	assert_int_equal(s.renewed, 1);
	assert_int_equal(s.skipped, 1);
	snprintf(c2, sizeof c2, "%s", row_of(&s, f->m2)->code);
	hb_sheet_cleanup(&s);
	assert_int_equal(app_hb_activate(&f->a, l2, c2, "mật khẩu đủ dài lắm", "t", &me, &f->e),
			 ERR_OK);
}

static void test_R_HB_SELF_PERIOD(void **state)
{
	struct fx *f = *state;
	int y = 0;

	f->a.today = D("2026-11-14");
	assert_int_equal(app_hb_self_period(&f->a, &y), 0);
	f->a.today = D("2026-11-15");
	assert_int_equal(app_hb_self_period(&f->a, &y), 1);
	assert_int_equal(y, 2026);
	f->a.today = D("2027-01-31");
	assert_int_equal(app_hb_self_period(&f->a, &y), 1);
	assert_int_equal(y, 2026);
	f->a.today = D("2027-02-01");
	assert_int_equal(app_hb_self_period(&f->a, &y), 0);
}

static void test_member_sees_no_scope(void **state)
{
	struct fx *f = *state;
	struct hb_sheet s;
	struct actor me;
	struct member m;
	struct org o;
	struct hb_home h;
	long pre = 0, last = 0;
	const struct hb_sheet_row *w;

	assert_int_equal(app_hb_accounts(&f->a, &f->root, "C1", 0, &s, &f->e), ERR_OK);
	w = row_of(&s, f->m1);
	assert_int_equal(app_hb_activate(&f->a, w->login, w->code, "mật khẩu đủ dài lắm", "t", &me,
					 &f->e), ERR_OK);
	hb_sheet_cleanup(&s);
	assert_int_equal(app_scope(&f->a, &me, &pre, &last, &f->e), ERR_OK);
	assert_true(pre > last);
	assert_int_equal(app_member_get(&f->a, &me, f->m1, &m, &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
	assert_int_equal(app_org_get(&f->a, &me, "C1", &o, &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
	assert_int_equal(app_hb_home(&f->a, &me, &h, &f->e), ERR_OK);
	assert_int_equal(h.member_id, f->m1);
	assert_string_equal(h.full_name, "Nguyễn Văn An");
	/* No handbook for the staff; no member account by hand. */
	assert_int_equal(app_hb_home(&f->a, &f->root, &h, &f->e), ERR_DENIED);
	err_clear(&f->e);
	assert_int_equal(app_account_add(&f->a, &f->root, "x.member", "mật khẩu đủ dài lắm",
					 ROLE_MEMBER, "C1", &f->e), ERR_INPUT);
	err_clear(&f->e);
	/* A member account cannot make accounts. */
	assert_int_equal(app_hb_accounts(&f->a, &me, "C1", 0, &s, &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_R_HB_CODE_DAYS, setup, teardown),
		cmocka_unit_test_setup_teardown(test_R_HB_SELF_PERIOD, setup, teardown),
		cmocka_unit_test_setup_teardown(test_member_sees_no_scope, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
