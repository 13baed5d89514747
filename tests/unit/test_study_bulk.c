/* test_study_bulk.c - a large attendance import (store_att_bulk_big) drops the study's
 * attendance triggers for its rows and, at its end, counts the coverage of the documents of the
 * meetings it wrote again: the same study_covered and study_fig as the triggers give row by row
 * (docs/study.md, "How coverage is kept"). */
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
#include "app/app_int.h"
#include "app/app_study.h"
#include "store/store_meeting.h"

struct fx {
	char path[64];
	struct app a;
	struct actor root;
	struct err e;
	int64_t m[3];
	int64_t session;
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
	m.admission_decision_date = D("2012-01-01");
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	assert_int_equal(app_member_add(&f->a, &f->root, &m, &f->e), ERR_OK);
	return m.id;
}

/* One number from the database file, through a connection of its own. */
static long q(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long v = -1;

	assert_int_equal(sqlite3_open_v2(f->path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct study_session ss;
	struct doc d;
	int fd;

	strcpy(f->path, "/tmp/cadre-test-study-bulk-XXXXXX");
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
	add_org(f, "ROOT", "", OK_COMMITTEE);
	add_org(f, "E1", "ROOT", OK_GRASSROOTS);
	add_org(f, "C1", "E1", OK_CELL);
	add_org(f, "C2", "E1", OK_CELL);
	f->m[0] = add_member(f, "C1", "Đặng Văn Đức");
	f->m[1] = add_member(f, "C1", "Nguyễn Văn Hùng");
	f->m[2] = add_member(f, "C2", "Lê Thị Hưng");
	assert_int_equal(app_doc_add(&f->a, &f->root, "21-NQ/TW", D("2022-10-16"),
				     "Nghị quyết về tăng cường củng cố tổ chức cơ sở đảng", NULL,
				     "ROOT", &d, &f->e),
			 ERR_OK);
	memset(&ss, 0, sizeof ss);
	ss.document_id = d.id;
	snprintf(ss.org_code, sizeof ss.org_code, "E1");
	ss.on_date = D("2026-03-02");
	ss.starts_min = 8 * 60;
	ss.ends_min = 11 * 60;
	snprintf(ss.topic, sizeof ss.topic, "Học tập Nghị quyết 21-NQ/TW");
	assert_int_equal(app_study_session_add(&f->a, &f->root, &ss, &f->e), ERR_OK);
	f->session = ss.id;
	assert_int_equal(app_study_attend(&f->a, &f->root, ss.id, f->m[0], "present", "", &f->e),
			 ERR_OK);
	assert_int_equal(app_study_attend(&f->a, &f->root, ss.id, f->m[1], "present", "", &f->e),
			 ERR_OK);
	assert_int_equal(app_study_attend(&f->a, &f->root, ss.id, f->m[2], "absent", "", &f->e),
			 ERR_OK);
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

/* The session's attendance written again by a big bulk: m0 present, m1 absent, m2 present. */
static void bulk_again(struct fx *f, const enum attend_status st[3])
{
	struct store_att_bulk *b;
	struct meet_attendance r;
	int i;

	assert_int_equal(app_begin(&f->a, &f->e), ERR_OK);
	assert_non_null(b = store_att_bulk_big(f->a.st, &f->e));
	assert_int_equal(store_att_bulk_clear(b, f->session, &f->e), ERR_OK);
	for (i = 0; i < 3; i++) {
		memset(&r, 0, sizeof r);
		r.member_id = f->m[i];
		r.status = st[i];
		assert_int_equal(store_att_bulk_put(b, f->session, &r, &f->e), ERR_OK);
	}
	assert_int_equal(store_att_bulk_end(b, &f->e), ERR_OK);
	store_att_bulk_free(b);
	assert_int_equal(app_end(&f->a, ERR_OK, &f->e), ERR_OK);
}

static void test_big_bulk_keeps_coverage(void **state)
{
	struct fx *f = *state;
	static const enum attend_status swap[3] = {AT_PRESENT, AT_ABSENT, AT_PRESENT};
	char sql[200];

	/* By the triggers: m0 and m1 (both of C1) covered. */
	assert_int_equal(q(f, "SELECT count(*) FROM study_covered"), 2);
	assert_int_equal(q(f, "SELECT covered FROM study_fig f JOIN org o ON o.id = f.org_id"
			      " WHERE o.code = 'C1'"),
			 2);
	bulk_again(f, swap);
	/* m1 uncovered, m2 covered: C1 1, C2 1; the triggers made again. */
	assert_int_equal(q(f, "SELECT count(*) FROM study_covered"), 2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM study_covered WHERE member_id = %lld",
		 (long long)f->m[1]);
	assert_int_equal(q(f, sql), 0);
	snprintf(sql, sizeof sql, "SELECT first_on FROM study_covered WHERE member_id = %lld",
		 (long long)f->m[2]);
	assert_int_equal(q(f, sql), D("2026-03-02"));
	assert_int_equal(q(f, "SELECT covered FROM study_fig f JOIN org o ON o.id = f.org_id"
			      " WHERE o.code = 'C1'"),
			 1);
	assert_int_equal(q(f, "SELECT covered FROM study_fig f JOIN org o ON o.id = f.org_id"
			      " WHERE o.code = 'C2'"),
			 1);
	assert_int_equal(q(f, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
			      " AND name LIKE 'study_attend_%'"),
			 4);
	/* Row by row again through the triggers: m1 present is covered at once. */
	assert_int_equal(app_study_attend(&f->a, &f->root, f->session, f->m[1], "present", "",
					  &f->e),
			 ERR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM study_covered"), 3);
	assert_int_equal(q(f, "SELECT covered FROM study_fig f JOIN org o ON o.id = f.org_id"
			      " WHERE o.code = 'C1'"),
			 2);
}

/* A big bulk of regular meetings only (no document): coverage untouched, triggers back. */
static void test_big_bulk_without_study(void **state)
{
	struct fx *f = *state;
	struct store_att_bulk *b;

	assert_int_equal(app_begin(&f->a, &f->e), ERR_OK);
	assert_non_null(b = store_att_bulk_big(f->a.st, &f->e));
	assert_int_equal(store_att_bulk_end(b, &f->e), ERR_OK);
	store_att_bulk_free(b);
	assert_int_equal(app_end(&f->a, ERR_OK, &f->e), ERR_OK);
	assert_int_equal(q(f, "SELECT count(*) FROM study_covered"), 2);
	assert_int_equal(q(f, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
			      " AND name LIKE 'study_attend_%'"),
			 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_big_bulk_keeps_coverage, setup, teardown),
		cmocka_unit_test_setup_teardown(test_big_bulk_without_study, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
