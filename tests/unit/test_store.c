/* test_store.c - the SQLite store: migrations fresh and by upgrade, versions, default rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/schema.h"
#include "store/store.h"

static void temp_path(char *p, size_t cap)
{
	int fd;

	snprintf(p, cap, "/tmp/cadre-test-store-XXXXXX");
	fd = mkstemp(p);
	close(fd);
	unlink(p);
}

static void remove_db(const char *p)
{
	char q[128];

	unlink(p);
	snprintf(q, sizeof q, "%s-wal", p);
	unlink(q);
	snprintf(q, sizeof q, "%s-shm", p);
	unlink(q);
}

/* The schema as text: every object's SQL, by name. */
static char *schema_text(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	size_t cap = 1 << 18, len = 0;
	char *out = calloc(1, cap);

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM "
					    "sqlite_master ORDER BY type, name", -1, &s, NULL),
			 SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		int n = snprintf(out + len, cap - len, "%s %s %s\n", sqlite3_column_text(s, 0),
				 sqlite3_column_text(s, 1), sqlite3_column_text(s, 2));

		assert_true(n > 0 && (size_t)n < cap - len);
		len += (size_t)n;
	}
	sqlite3_finalize(s);
	sqlite3_close(db);
	return out;
}

static void test_schema_fresh_equals_upgraded(void **state)
{
	char fresh[64], old[64];
	struct store *st;
	struct err e;
	char *a, *b;
	int k;

	(void)state;
	err_init(&e);
	temp_path(fresh, sizeof fresh);
	assert_int_equal(store_open(&st, fresh, 1, &e), ERR_OK);
	assert_int_equal(store_schema_version(st), store_schema_latest());
	store_close(st);
	a = schema_text(fresh);
	/* Upgrade from every earlier version. */
	for (k = 0; k < schema_latest(); k++) {
		sqlite3 *db;
		int n;
		char pragma[32];

		temp_path(old, sizeof old);
		assert_int_equal(sqlite3_open(old, &db), SQLITE_OK);
		for (n = 1; n <= k; n++)
			assert_int_equal(sqlite3_exec(db, schema_migration(n), NULL, NULL, NULL),
					 SQLITE_OK);
		snprintf(pragma, sizeof pragma, "PRAGMA user_version=%d", k);
		sqlite3_exec(db, pragma, NULL, NULL, NULL);
		sqlite3_close(db);
		assert_int_equal(store_open(&st, old, 0, &e), ERR_OK);
		assert_int_equal(store_schema_version(st), schema_latest());
		store_close(st);
		b = schema_text(old);
		assert_string_equal(a, b);
		free(b);
		remove_db(old);
	}
	free(a);
	remove_db(fresh);
	err_cleanup(&e);
}

static void test_newer_schema_refused(void **state)
{
	char p[64];
	sqlite3 *db;
	struct store *st;
	struct err e;

	(void)state;
	err_init(&e);
	temp_path(p, sizeof p);
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA user_version=999", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, p, 0, &e), ERR_STORAGE);
	assert_non_null(strstr(e.items[0].msg, "schema version 999"));
	remove_db(p);
	err_cleanup(&e);
}

/* Every rule the code names ships in the default rule set, in force today. */
static void test_default_rules_cover_every_rule_id(void **state)
{
	static const char *const ids[] = {
		R_ORG_NESTING, R_ORG_DISSOLVE_EMPTY, R_ORG_MIN_OFFICIAL, R_CELL_STANDING_BOARD_MIN,
		R_STATUS_TRANSITION, R_PROBATION_MONTHS, R_ADMIT_AGE_MIN_MONTHS, R_ADMIT_AGE_MAX_MONTHS,
		R_CEREMONY_DAYS, R_TRANSFER_TEMP_MIN_MONTHS, R_TRANSFER_TEMP_MAX_MONTHS,
		R_TRANSFER_PRESENT_DAYS, R_MEMBER_DATES, NULL,
	};
	char p[64];
	struct store *st;
	struct ruleset rs;
	struct err e;
	struct rule_version v;
	date_t today, d2040;
	long val;
	int i;

	(void)state;
	err_init(&e);
	ruleset_init(&rs);
	temp_path(p, sizeof p);
	assert_int_equal(store_open(&st, p, 1, &e), ERR_OK);
	assert_int_equal(store_rules_load(st, &rs, &e), ERR_OK);
	date_parse("2026-11-23", &today, NULL);
	for (i = 0; ids[i]; i++) {
		const struct rule_version *r = ruleset_find(&rs, ids[i], today);

		assert_non_null(r);
		assert_true(r->source[0] != 0);
		assert_true(r->description[0] != 0);
	}
	assert_int_equal(ruleset_int(&rs, R_PROBATION_MONTHS, today, &val), 1);
	assert_int_equal(val, 12);
	/* An administrator's newer version takes over from its date only. */
	memset(&v, 0, sizeof v);
	strcpy(v.id, R_PROBATION_MONTHS);
	strcpy(v.value, "18");
	date_parse("2040-01-01", &v.effective_from, NULL);
	strcpy(v.source, "test");
	strcpy(v.description, "test");
	assert_int_equal(store_rule_add(st, &v, "test", &e), ERR_OK);
	ruleset_cleanup(&rs);
	ruleset_init(&rs);
	assert_int_equal(store_rules_load(st, &rs, &e), ERR_OK);
	assert_int_equal(ruleset_int(&rs, R_PROBATION_MONTHS, today, &val), 1);
	assert_int_equal(val, 12);
	d2040 = v.effective_from;
	assert_int_equal(ruleset_int(&rs, R_PROBATION_MONTHS, d2040, &val), 1);
	assert_int_equal(val, 18);
	assert_int_equal(ruleset_find(&rs, R_PROBATION_MONTHS, d2040)->version, 2);
	store_close(st);
	ruleset_cleanup(&rs);
	remove_db(p);
	err_cleanup(&e);
}

/* Migration 9 (emulation models in versions): a database of version 8 holding a rating keeps
 * it, pointing at version 1 of its model, whose criteria are those it was rated against. */
static int count_rows(void *ctx, const struct emulation_rating_row *r)
{
	(*(int *)ctx)++;
	assert_int_equal(r->model.version, 1);
	assert_string_equal(r->model.code, "chi-bo-4-tot");
	assert_string_equal(r->met, "1,0,1,1");
	assert_int_equal(r->year, 2024);
	assert_int_equal(r->current, 1);
	assert_non_null(strstr(r->model.criteria, "Tốt về chính trị, tư tưởng"));
	return 0;
}

static void test_emulation_ratings_migrate_to_versions(void **state)
{
	char p[64];
	sqlite3 *db;
	struct store *st;
	struct err e;
	struct emulation_version_row v;
	int n, rows = 0;
	char pragma[32];

	(void)state;
	err_init(&e);
	temp_path(p, sizeof p);
	assert_int_equal(sqlite3_open(p, &db), SQLITE_OK);
	for (n = 1; n <= 8; n++)
		assert_int_equal(sqlite3_exec(db, schema_migration(n), NULL, NULL, NULL), SQLITE_OK);
	snprintf(pragma, sizeof pragma, "PRAGMA user_version=8");
	assert_int_equal(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
		"INSERT INTO org(id, code, name, kind, established, pre, last, depth)"
		" VALUES (1, 'C1', 'Chi bộ 1', 'cell', 0, 1, 1, 0);"
		"INSERT INTO emulation_rating(org_id, year, model, met, earned, recorded_by)"
		" VALUES (1, 2024, 'chi-bo-4-tot', '1,0,1,1', 0, 'cli:test');", NULL, NULL, NULL),
		SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(store_open(&st, p, 0, &e), ERR_OK);
	assert_int_equal(store_schema_version(st), schema_latest());
	assert_int_equal(store_emulation_ratings(st, 0, 100, 2024, count_rows, &rows, &e), ERR_OK);
	assert_int_equal(rows, 1);
	/* The shipped models are version 1 of themselves; a newer version is number 2. */
	assert_int_equal(store_emulation_version_at(st, "4-tot-3-khong", DATE_NONE, &v, &e), ERR_OK);
	assert_int_equal(v.version, 1);
	assert_int_equal(v.required, 7);
	memset(&v, 0, sizeof v);
	strcpy(v.code, "chi-bo-4-tot");
	strcpy(v.name, "test");
	strcpy(v.criteria, "a\nb");
	v.required = 2;
	date_parse("2030-01-01", &v.effective_from, NULL);
	assert_int_equal(store_emulation_version_add(st, &v, "test", &e), ERR_OK);
	assert_int_equal(v.version, 2);
	/* One version a date: (code, effective_from) is unique. */
	assert_int_not_equal(store_emulation_version_add(st, &v, "test", &e), ERR_OK);
	store_close(st);
	remove_db(p);
	err_cleanup(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_schema_fresh_equals_upgraded),
		cmocka_unit_test(test_newer_schema_refused),
		cmocka_unit_test(test_default_rules_cover_every_rule_id),
		cmocka_unit_test(test_emulation_ratings_migrate_to_versions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
