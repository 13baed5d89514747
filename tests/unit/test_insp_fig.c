/* test_insp_fig.c - the footnote-7 counters (store_insp_fig.c, migration 43's triggers):
 * after thousands of random inserts, updates (dates, conclusions, states, settlements, bodies,
 * targets, organisations) and deletes of cases, discipline and complaints, and deciding
 * organisations changing kind, the report from the counters equals the plain count of the
 * rows for random subtrees and periods (whole months, edge days, a day, the whole tree). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "core/err.h"
#include "store/store.h"
#include "store/store_insp_fig.h"

#define ORGS 40

static char path[64];

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : "?");
}

static void execf(sqlite3 *db, const char *fmt, ...)
{
	char sql[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	exec(db, sql);
}

/* A tree of ORGS organisations: 1 the root (committee), each next one under a random earlier
 * one, of a random kind; pre/last computed by a walk. */
static int parent[ORGS + 1];
static long pre_of[ORGS + 1], last_of[ORGS + 1];

static long walk(int id, long n)
{
	int c;

	pre_of[id] = ++n;
	for (c = id + 1; c <= ORGS; c++)
		if (parent[c] == id)
			n = walk(c, n);
	last_of[id] = n;
	return n;
}

static const char *const kinds[] = {"committee", "grassroots", "subcommittee", "cell"};
static const char *const case_kinds[] = {"plan", "signs", "regular", "thematic",
					 "discipline_exec", "finance"};
static const char *const concl[] = {"NULL", "'no_violation'", "'violation'",
				    "'violation_discipline'"};
static const char *const forms[] = {"reprimand", "warning", "removal", "expulsion", "dissolution"};
static const char *const dstates[] = {"in_force", "annulled", "changed"};
static const char *const outcomes[] = {"kept", "reduced", "annulled", "raised", "founded",
				       "partly_founded", "unfounded"};

/* A random date from 2019-06-01 over about 8 years (days since 1970). */
static long rdate(void)
{
	return 18048 + rand() % 2900;
}

static void build(sqlite3 *db)
{
	int i, k;

	srand(14);
	parent[1] = 0;
	for (i = 2; i <= ORGS; i++)
		parent[i] = 1 + rand() % (i - 1);
	walk(1, 0);
	exec(db, "BEGIN");
	/* the triggers that call cadre's own SQL functions (the member figures), which this
	 * connection lacks; the footnote-7 counters' triggers are plain SQL and stay */
	{
		sqlite3_stmt *s;
		char names[64][64];
		int n = 0;

		assert_int_equal(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type ="
						    " 'trigger' AND sql LIKE '%cadre\\_%' ESCAPE '\\'",
						    -1, &s, NULL),
				 SQLITE_OK);
		while (sqlite3_step(s) == SQLITE_ROW && n < 64)
			snprintf(names[n++], sizeof names[0], "%s", sqlite3_column_text(s, 0));
		sqlite3_finalize(s);
		for (i = 0; i < n; i++)
			execf(db, "DROP TRIGGER %s", names[i]);
	}
	for (i = 1; i <= ORGS; i++)
		execf(db,
		      "INSERT INTO org(id, code, parent_id, name, kind, established, pre, last, depth)"
		      " VALUES (%d, 'O%d', %s, 'O', '%s', 0, %ld, %ld, 0)",
		      i, i, "NULL",
		      kinds[i == 1 ? 0 : rand() % 4], pre_of[i], last_of[i]);
	for (i = 2; i <= ORGS; i++)
		execf(db, "UPDATE org SET parent_id = %d WHERE id = %d", parent[i], i);
	/* member 1 is named by the records and never read (the foreign keys are off) */
	for (k = 0; k < 3000; k++) {
		int op = rand() % 12, org = 1 + rand() % ORGS, body = 1 + rand() % ORGS;

		switch (op) {
		case 0:
		case 1:
			execf(db,
			      "INSERT INTO insp_case(org_id, member_id, body_org_id, body, kind,"
			      " decision_no, decision_on, period_from, period_to, conclusion, state,"
			      " recorded_by) VALUES (%d, %s, %d, '%s', '%s', 'n%d', %ld, 0, 1, %s,"
			      " 'open', 't')",
			      org, rand() % 2 ? "1" : "NULL", body, rand() % 2 ? "committee" : "inspection",
			      case_kinds[rand() % 6], k, rdate(), concl[rand() % 4]);
			break;
		case 2:
			execf(db,
			      "INSERT INTO discipline(member_id, org_id, form, decided_on, body_org_id,"
			      " reason, recorded_by, body, state) VALUES (%s, %d, '%s', %ld, %d, 'r', 't',"
			      " '%s', '%s')",
			      rand() % 2 ? "1" : "NULL", org, forms[rand() % 5], rdate(), body,
			      rand() % 2 ? "committee" : "inspection", dstates[rand() % 3]);
			break;
		case 3: {
			/* settled_on 0 when not settled: the open ones are set NULL below */
			long lodged = rdate();
			int settled = rand() % 2;

			execf(db,
			      "INSERT INTO complaint(kind, org_id, member_id, to_body_org_id, lodged_on,"
			      " content, due_on, state, outcome, settled_on, recorded_by) VALUES ('%s',"
			      " %d, %s, 1, %ld, 'x', %ld, '%s', %s%s%s, %ld, 't')",
			      rand() % 2 ? "complaint" : "denunciation", org, rand() % 2 ? "1" : "NULL",
			      lodged, lodged + 60 + rand() % 40,
			      settled ? "settled" : rand() % 4 ? "open" : "withdrawn", settled ? "'" : "",
			      settled ? outcomes[rand() % 7] : "NULL", settled ? "'" : "",
			      settled ? lodged + 50 : 0L);
			break;
		}
		case 4:
			execf(db, "UPDATE insp_case SET conclusion = %s, decision_on = %ld WHERE id IN"
				  " (SELECT id FROM insp_case ORDER BY random() LIMIT 3)",
			      concl[rand() % 4], rdate());
			break;
		case 5:
			execf(db, "UPDATE insp_case SET org_id = %d, body = '%s', kind = '%s',"
				  " member_id = %s WHERE id IN (SELECT id FROM insp_case ORDER BY random()"
				  " LIMIT 2)",
			      org, rand() % 2 ? "committee" : "inspection", case_kinds[rand() % 6],
			      rand() % 2 ? "1" : "NULL");
			break;
		case 6:
			execf(db, "UPDATE discipline SET state = '%s', body_org_id = %d, decided_on = %ld"
				  " WHERE id IN (SELECT id FROM discipline ORDER BY random() LIMIT 2)",
			      dstates[rand() % 3], body, rdate());
			break;
		case 7:
			execf(db, "UPDATE complaint SET state = 'settled', outcome = '%s', settled_on ="
				  " lodged_on + %d WHERE id IN (SELECT id FROM complaint ORDER BY random()"
				  " LIMIT 2)",
			      outcomes[rand() % 7], rand() % 200);
			break;
		case 8:
			execf(db, "UPDATE org SET kind = '%s' WHERE id = %d", kinds[rand() % 4],
			      1 + rand() % ORGS);
			break;
		case 9:
			exec(db, "DELETE FROM insp_case WHERE id IN (SELECT id FROM insp_case ORDER BY"
				 " random() LIMIT 1)");
			break;
		case 10:
			exec(db, "DELETE FROM complaint WHERE id IN (SELECT id FROM complaint ORDER BY"
				 " random() LIMIT 1)");
			break;
		default:
			execf(db, "UPDATE complaint SET org_id = %d, kind = '%s', member_id = %s WHERE id"
				  " IN (SELECT id FROM complaint ORDER BY random() LIMIT 1)",
			      org, rand() % 2 ? "complaint" : "denunciation", rand() % 2 ? "1" : "NULL");
			break;
		}
	}
	exec(db, "UPDATE complaint SET settled_on = NULL WHERE settled_on = 0");
	exec(db, "COMMIT");
}

static int setup(void **state)
{
	struct store *st;
	struct err e;
	sqlite3 *db;

	(void)state;
	snprintf(path, sizeof path, "/tmp/cadre-insp-fig-%d.db", (int)getpid());
	unlink(path);
	err_init(&e);
	assert_int_equal(store_open(&st, path, 1, &e), ERR_OK);
	store_close(st);
	err_cleanup(&e);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	exec(db, "PRAGMA foreign_keys = OFF");
	build(db);
	sqlite3_close(db);
	return 0;
}

static int teardown(void **state)
{
	char p[80];

	(void)state;
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	return 0;
}

static void compare(struct store *st, long pre, long last, date_t from, date_t to)
{
	struct insp_fig_counts a, b;
	struct err e;
	int i;

	err_init(&e);
	assert_int_equal(store_insp_fig(st, pre, last, from, to, &a, &e), ERR_OK);
	assert_int_equal(store_insp_fig_plain(st, pre, last, from, to, &b, &e), ERR_OK);
	for (i = 0; i < IF_CELLS; i++)
		if (a.cell[i] != b.cell[i])
			fail_msg("subtree [%ld, %ld] %ld..%ld cell %d: counters %ld, rows %ld", pre, last,
				 (long)from, (long)to, i, a.cell[i], b.cell[i]);
	assert_memory_equal(a.overdue, b.overdue, sizeof a.overdue);
	err_cleanup(&e);
}

static void test_counters_equal_rows(void **state)
{
	struct store *st;
	struct err e;
	long total = 0;
	int i, k;

	(void)state;
	err_init(&e);
	assert_int_equal(store_open(&st, path, 0, &e), ERR_OK);
	/* the whole tree (insp_fig_all) and every organisation's subtree */
	compare(st, 1, ORGS, date_from_ymd(2020, 1, 1), date_from_ymd(2026, 11, 23));
	compare(st, 1, ORGS, date_from_ymd(2019, 1, 1), date_from_ymd(2027, 12, 31));
	for (i = 1; i <= ORGS; i++) {
		compare(st, pre_of[i], last_of[i], date_from_ymd(2020, 3, 1),
			date_from_ymd(2025, 5, 31));
		compare(st, pre_of[i], last_of[i], date_from_ymd(2020, 3, 17),
			date_from_ymd(2025, 6, 9));
	}
	for (k = 0; k < 600; k++) {
		date_t a = (date_t)rdate(), b = (date_t)rdate();
		int o = 1 + rand() % ORGS;

		if (k % 10 == 0)
			b = a;
		/* half the runs count the edges and the overdue by the date indexes */
		store_insp_fig_tune(k % 2 ? 0 : 2000);
		if (k % 7 == 0)
			o = 1;
		compare(st, pre_of[o], last_of[o], a < b ? a : b, a < b ? b : a);
	}
	{
		struct insp_fig_counts c;

		assert_int_equal(store_insp_fig(st, 1, ORGS, date_from_ymd(2019, 1, 1),
						date_from_ymd(2027, 12, 31), &c, &e),
				 ERR_OK);
		for (i = 0; i < IF_CELLS; i++)
			total += c.cell[i];
	}
	assert_true(total > 300); /* the test counts something */
	store_close(st);
	err_cleanup(&e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counters_equal_rows),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
