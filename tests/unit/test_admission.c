/* test_admission.c - the rules of admission (core/admission.c) at every boundary, each test
 * named by the rule it proves: the day before, the day and the day after for each date rule,
 * 2/3 exactly and one vote short, three failed votes, and each rule only from its effective
 * date. The rules are those a fresh database ships (schema migration 19). */
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
#include "app/app_admission.h"
#include "core/admission.h"

static struct ruleset rs;

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

/* The shipped rules, read from a fresh database. */
static int load_rules(void **state)
{
	struct app a;
	struct err e;
	char path[64], p[96];
	size_t i;
	int fd;

	(void)state;
	strcpy(path, "/tmp/cadre-test-adm-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	err_init(&e);
	assert_int_equal(app_open(&a, path, 1, &e), ERR_OK);
	ruleset_init(&rs);
	for (i = 0; i < a.rules.n; i++)
		ruleset_add(&rs, &a.rules.v[i]);
	app_close(&a);
	err_cleanup(&e);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", path);
	unlink(p);
	return 0;
}

static int free_rules(void **state)
{
	(void)state;
	ruleset_cleanup(&rs);
	return 0;
}

/* The code of adm_check_age, and the rule named when refused ("" when accepted). */
static enum err_code age(const char *birth, const char *on, char *rule)
{
	struct err e;
	enum err_code rc;

	err_init(&e);
	rc = adm_check_age(&rs, D(birth), D(on), "date", 0, &e);
	snprintf(rule, 40, "%s", e.n ? e.items[0].rule : "");
	err_cleanup(&e);
	return rc;
}

static void test_names_round_trip(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < AST__COUNT; i++)
		assert_int_equal(adm_stage_parse(adm_stage_name((enum adm_stage)i)), i);
	for (i = 0; i < ASK__COUNT; i++)
		assert_int_equal(adm_step_parse(adm_step_name((enum adm_step_kind)i)), i);
	for (i = 0; i < ASRC__COUNT; i++)
		assert_int_equal(adm_source_parse(adm_source_name((enum adm_source)i)), i);
	assert_int_equal(adm_stage_parse("nonsense"), -1);
	assert_int_equal(adm_step_parse(NULL), -1);
	assert_string_equal(adm_stage_name(AST_CELL_PASSED), "cell_passed");
	assert_string_equal(adm_step_name(ASK_RECOGNITION_VOTE), "recognition_vote");
	assert_string_equal(adm_source_name(ASRC_YOUTH_UNION), "youth_union");
	assert_string_equal(adm_due_name(DK_CEREMONY), "ceremony");
	assert_true(adm_stage_closed(AST_OFFICIAL) && adm_stage_closed(AST_REFUSED));
	assert_false(adm_stage_closed(AST_PROBATION) || adm_stage_closed(AST_REFERRED));
}

/* R-ADMIT-AGE-MIN-MONTHS (216): born 2006-03-10, 216 months on 2024-03-10. */
static void test_R_ADMIT_AGE_MIN_MONTHS(void **state)
{
	char rule[40];

	(void)state;
	assert_int_equal(adm_age_months(D("2006-03-10"), D("2024-03-09")), 215);
	assert_int_equal(age("2006-03-10", "2024-03-09", rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_AGE_MIN_MONTHS);
	assert_int_equal(age("2006-03-10", "2024-03-10", rule), ERR_OK);
	assert_int_equal(age("2006-03-10", "2024-03-11", rule), ERR_OK);
}

/* R-ADMIT-AGE-MAX-MONTHS (720, from 2021-06-01): born 1963-07-16, 720 months on 2023-07-16,
 * 721 on 2023-08-16; 60 years 10 months on 2024-06-15 is refused (counted in whole years it
 * was 60 and passed). */
static void test_R_ADMIT_AGE_MAX_MONTHS(void **state)
{
	char rule[40];
	struct err e;

	(void)state;
	assert_int_equal(age("1963-07-16", "2023-07-15", rule), ERR_OK);
	assert_int_equal(age("1963-07-16", "2023-07-16", rule), ERR_OK);
	assert_int_equal(age("1963-07-16", "2023-07-17", rule), ERR_OK);
	/* 720 months and some days is still 720 whole months; the 721st month refuses. */
	assert_int_equal(age("1963-07-16", "2023-08-15", rule), ERR_OK);
	assert_int_equal(age("1963-07-16", "2023-08-16", rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_AGE_MAX_MONTHS);
	assert_int_equal(age("1963-07-16", "2023-08-17", rule), ERR_RULE);
	assert_int_equal(adm_age_months(D("1963-07-16"), D("2024-06-15")), 730);
	err_init(&e);
	assert_int_equal(adm_check_age(&rs, D("1963-07-16"), D("2024-06-15"), "date", 0, &e),
			 ERR_RULE);
	assert_non_null(strstr(e.items[0].msg, "60 years 10 months"));
	assert_non_null(strstr(e.items[0].msg, "R-ADMIT-AGE-MAX-MONTHS"));
	err_cleanup(&e);
}

/* R-ADMIT-AGE-MAX-MONTHS is in force only from 2021-06-01: 61 years old the day before is not
 * refused by it, on the day it is. */
static void test_R_ADMIT_AGE_MAX_MONTHS_effective_date(void **state)
{
	char rule[40];

	(void)state;
	assert_null(ruleset_find(&rs, R_ADMIT_AGE_MAX_MONTHS, D("2021-05-31")));
	assert_int_equal(age("1960-01-01", "2021-05-31", rule), ERR_OK);
	assert_int_equal(age("1960-01-01", "2021-06-01", rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_AGE_MAX_MONTHS);
	/* R-ADMIT-AGE-MIN-MONTHS from 2011-01-19. */
	assert_int_equal(age("1995-01-01", "2011-01-18", rule), ERR_OK);
	assert_int_equal(age("1995-01-01", "2011-01-19", rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_AGE_MIN_MONTHS);
}

static enum err_code intro(date_t on, enum adm_source src, int64_t m1, const char *since1,
			   int off1, int64_t m2, const char *since2, int off2, const char *res,
			   char *rule)
{
	struct adm_introducer in[2];
	struct err e;
	enum err_code rc;

	memset(in, 0, sizeof in);
	in[0].member_id = m1;
	in[0].worked_since = since1 ? D(since1) : DATE_NONE;
	in[0].official_on_date = off1;
	in[1].member_id = m2;
	in[1].worked_since = since2 ? D(since2) : DATE_NONE;
	in[1].official_on_date = off2;
	if (res)
		snprintf(in[1].resolution, sizeof in[1].resolution, "%s", res);
	err_init(&e);
	rc = adm_check_introducers(&rs, on, src, in, 2, &e);
	snprintf(rule, 40, "%s", e.n ? e.items[0].rule : "");
	err_cleanup(&e);
	return rc;
}

/* R-ADMIT-INTRODUCER-MONTHS (12): application 2025-06-10; worked together since 2024-06-11
 * (a day short), 2024-06-10 (the day), 2024-06-09 (a day more). */
static void test_R_ADMIT_INTRODUCER_MONTHS(void **state)
{
	date_t on = D("2025-06-10");
	char rule[40];

	(void)state;
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2020-01-01", 1, 2, "2024-06-11", 1, NULL,
			       rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_INTRODUCER_MONTHS);
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2020-01-01", 1, 2, "2024-06-10", 1, NULL,
			       rule), ERR_OK);
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2020-01-01", 1, 2, "2024-06-09", 1, NULL,
			       rule), ERR_OK);
	/* 11 months refused, whoever the introducer. */
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2024-07-10", 1, 2, "2020-01-01", 1, NULL,
			       rule), ERR_RULE);
	/* A probationary member cannot introduce (official on the date). */
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2020-01-01", 0, 2, "2020-01-01", 1, NULL,
			       rule), ERR_RULE);
	assert_string_equal(rule, R_ADMIT_INTRODUCER_MONTHS);
	/* Two different members. */
	assert_int_equal(intro(on, ASRC_SOLDIER, 1, "2020-01-01", 1, 1, "2020-01-01", 1, NULL,
			       rule), ERR_RULE);
	/* Youth Union: the union committee's resolution and one official member. */
	assert_int_equal(intro(on, ASRC_YOUTH_UNION, 1, "2020-01-01", 1, 0, NULL, 0,
			       "12-NQ/ĐTN 2025-05-01", rule), ERR_OK);
	/* ... not for another source. */
	assert_int_equal(intro(on, ASRC_OTHER, 1, "2020-01-01", 1, 0, NULL, 0,
			       "12-NQ/ĐTN 2025-05-01", rule), ERR_RULE);
	/* The date rule of a Youth Union applicant's member introducer too. */
	assert_int_equal(intro(on, ASRC_YOUTH_UNION, 1, "2024-06-11", 1, 0, NULL, 0,
			       "12-NQ/ĐTN 2025-05-01", rule), ERR_RULE);
}

/* R-ADMIT-VOTE-FRACTION (2/3 of the official members, exact): 6 of 9 passes, 5 of 9 does
 * not; of 10: 7 passes, 6 does not; 0 eligible never passes; not in force before
 * 2011-01-19. */
static void test_R_ADMIT_VOTE_FRACTION(void **state)
{
	date_t on = D("2025-06-10");

	(void)state;
	assert_int_equal(adm_vote_passes(&rs, on, 9, 6), 1);
	assert_int_equal(adm_vote_passes(&rs, on, 9, 5), 0);
	assert_int_equal(adm_vote_passes(&rs, on, 10, 7), 1);
	assert_int_equal(adm_vote_passes(&rs, on, 10, 6), 0);
	assert_int_equal(adm_vote_passes(&rs, on, 3, 2), 1);
	assert_int_equal(adm_vote_passes(&rs, on, 3, 1), 0);
	assert_int_equal(adm_vote_passes(&rs, on, 0, 0), 0);
	assert_int_equal(adm_vote_passes(&rs, D("2011-01-18"), 9, 9), -1);
	assert_int_equal(adm_vote_passes(&rs, D("2011-01-19"), 9, 6), 1);
}

/* A newer version of R-ADMIT-VOTE-FRACTION applies from its date ("3/4": 6 of 8). */
static void test_R_ADMIT_VOTE_FRACTION_version(void **state)
{
	struct ruleset r2;
	struct rule_version v;
	size_t i;

	(void)state;
	ruleset_init(&r2);
	for (i = 0; i < rs.n; i++)
		ruleset_add(&r2, &rs.v[i]);
	memset(&v, 0, sizeof v);
	strcpy(v.id, R_ADMIT_VOTE_FRACTION);
	v.version = 2;
	strcpy(v.value, "3/4");
	v.effective_from = D("2030-01-01");
	ruleset_add(&r2, &v);
	assert_int_equal(adm_vote_passes(&r2, D("2029-12-31"), 8, 6), 1);
	assert_int_equal(adm_vote_passes(&r2, D("2030-01-01"), 8, 6), 1);
	assert_int_equal(adm_vote_passes(&r2, D("2030-01-01"), 9, 6), 0);
	assert_int_equal(adm_vote_passes(&r2, D("2029-12-31"), 9, 6), 1);
	ruleset_cleanup(&r2);
}

static void test_vote_counts(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(adm_check_vote_counts(9, 9, 6, 3, &e), ERR_OK);
	assert_int_equal(adm_check_vote_counts(9, 10, 6, 3, &e), ERR_INPUT);
	assert_string_equal(e.items[0].field, "present");
	err_clear(&e);
	assert_int_equal(adm_check_vote_counts(9, 8, 6, 3, &e), ERR_INPUT);
	assert_string_equal(e.items[0].field, "for");
	err_clear(&e);
	assert_int_equal(adm_check_vote_counts(9, -1, 6, 3, &e), ERR_INPUT);
	err_cleanup(&e);
}

/* R-ADMIT-CEREMONY-WORKING-DAYS (30): a decision on Friday 2025-04-25; a weekend and the
 * holidays of 30 April and 1 May in the way: due 2025-06-10 (2025-06-06 without holidays). */
static void test_R_ADMIT_CEREMONY_WORKING_DAYS(void **state)
{
	date_t hol[] = {D("2025-04-30"), D("2025-05-01")};
	date_t due;

	(void)state;
	assert_int_equal(adm_ceremony_due(&rs, D("2025-04-25"), NULL, 0), D("2025-06-06"));
	due = adm_ceremony_due(&rs, D("2025-04-25"), hol, 2);
	assert_int_equal(due, D("2025-06-10"));
	/* The day before and the day are in time, the day after is late. */
	assert_true(D("2025-06-09") <= due);
	assert_true(D("2025-06-10") <= due);
	assert_true(D("2025-06-11") > due);
	/* Not in force before 2011-01-19: no deadline. */
	assert_int_equal(adm_ceremony_due(&rs, D("2011-01-18"), NULL, 0), DATE_NONE);
	assert_int_not_equal(adm_ceremony_due(&rs, D("2011-01-19"), NULL, 0), DATE_NONE);
}

/* R-PROBATION-MONTHS (12): a ceremony on 2024-08-20 ends probation on 2025-08-20; a
 * ceremony on 2024-02-29 on 2025-02-28. */
static void test_R_PROBATION_MONTHS(void **state)
{
	(void)state;
	assert_int_equal(adm_probation_end(&rs, D("2024-08-20")), D("2025-08-20"));
	assert_int_equal(adm_probation_end(&rs, D("2024-02-29")), D("2025-02-28"));
	assert_int_equal(adm_probation_end(&rs, DATE_NONE), DATE_NONE);
}

/* R-PROBATION-VOTE-WORKING-DAYS (30): the end of probation 2025-08-20, the holiday of 2
 * September in the way: the vote is due 2025-10-02 (2025-10-01 without it). */
static void test_R_PROBATION_VOTE_WORKING_DAYS(void **state)
{
	date_t hol[] = {D("2025-09-02")};

	(void)state;
	assert_int_equal(adm_recognition_due(&rs, D("2024-08-20"), NULL, 0), D("2025-10-01"));
	assert_int_equal(adm_recognition_due(&rs, D("2024-08-20"), hol, 1), D("2025-10-02"));
}

/* R-PROBATION-FAILED-VOTES (3): two failed votes stay with the cell, the third sends the
 * case up. */
static void test_R_PROBATION_FAILED_VOTES(void **state)
{
	date_t on = D("2025-10-01");

	(void)state;
	assert_false(adm_referred(&rs, on, 2));
	assert_true(adm_referred(&rs, on, 3));
	assert_true(adm_referred(&rs, on, 4));
	assert_false(adm_referred(&rs, D("2011-01-18"), 3));
}

static enum err_code readmit(const char *left, int times, const char *on, char *rule)
{
	struct err e;
	enum err_code rc;

	err_init(&e);
	rc = adm_check_readmit(&rs, D(left), times, D(on), &e);
	snprintf(rule, 40, "%s", e.n ? e.items[0].rule : "");
	if (e.n)
		assert_non_null(strstr(e.items[0].msg, rule));
	err_cleanup(&e);
	return rc;
}

/* R-READMIT-MONTHS (36): left on 2021-05-10, admitted again from 2024-05-10. R-READMIT-TIMES
 * (1): a second re-admission is refused. */
static void test_R_READMIT_MONTHS(void **state)
{
	char rule[40];

	(void)state;
	assert_int_equal(readmit("2021-05-10", 1, "2024-05-09", rule), ERR_RULE);
	assert_string_equal(rule, R_READMIT_MONTHS);
	assert_int_equal(readmit("2021-05-10", 1, "2024-05-10", rule), ERR_OK);
	assert_int_equal(readmit("2021-05-10", 1, "2024-05-11", rule), ERR_OK);
}

static void test_R_READMIT_TIMES(void **state)
{
	char rule[40];

	(void)state;
	assert_int_equal(readmit("2015-01-01", 1, "2024-05-10", rule), ERR_OK);
	assert_int_equal(readmit("2015-01-01", 2, "2024-05-10", rule), ERR_RULE);
	assert_string_equal(rule, R_READMIT_TIMES);
}

/* adm_next_due: the ceremony from the decision (R-ADMIT-CEREMONY-WORKING-DAYS), the
 * recognition from the end of probation (R-PROBATION-VOTE-WORKING-DAYS), the committee
 * above at once. */
static void test_next_due(void **state)
{
	struct admission a;

	(void)state;
	memset(&a, 0, sizeof a);
	a.decision_on = a.ceremony_on = a.cell_vote_on = DATE_NONE;
	a.stage = AST_DECIDED;
	a.decision_on = D("2025-04-25");
	adm_next_due(&rs, &a, NULL, 0);
	assert_int_equal(a.due_kind, DK_CEREMONY);
	assert_int_equal(a.due_from, D("2025-04-25"));
	assert_int_equal(a.due_on, D("2025-06-06"));
	a.stage = AST_PROBATION;
	a.ceremony_on = D("2024-08-20");
	adm_next_due(&rs, &a, NULL, 0);
	assert_int_equal(a.due_kind, DK_RECOGNITION);
	assert_int_equal(a.due_from, D("2025-08-20"));
	assert_int_equal(a.due_on, D("2025-10-01"));
	assert_false(adm_overdue(&a, D("2025-10-01")));
	assert_true(adm_overdue(&a, D("2025-10-02")));
	a.stage = AST_REFERRED;
	a.stage_since = D("2025-11-01");
	adm_next_due(&rs, &a, NULL, 0);
	assert_int_equal(a.due_kind, DK_UPPER_RULING);
	assert_int_equal(a.due_on, D("2025-11-01"));
	assert_false(adm_overdue(&a, D("2026-11-01"))); /* awaited, never overdue */
	a.stage = AST_COMMITTEE_PASSED;
	adm_next_due(&rs, &a, NULL, 0);
	assert_int_equal(a.due_kind, DK_UPPER_DECISION);
	a.stage = AST_OFFICIAL;
	adm_next_due(&rs, &a, NULL, 0);
	assert_int_equal(a.due_kind, DK_NONE);
	assert_int_equal(a.due_on, DATE_NONE);
}

/* ---- through the app layer: a grassroots cell, a probationer without a case, the board --- */

struct afx {
	struct app a;
	struct actor root;
	struct err e;
	char path[64];
};

static void afx_org(struct afx *f, const char *code, const char *parent, enum org_kind kind)
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

static int64_t afx_member(struct afx *f, const char *org, const char *name, const char *ceremony,
			  int official)
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
	m.admission_ceremony_date = D(ceremony);
	m.admission_decision_date = m.admission_ceremony_date - 10;
	m.official_date = official ? date_add_months(m.admission_ceremony_date, 12) : DATE_NONE;
	m.status = official ? MS_OFFICIAL : MS_PROBATIONARY;
	assert_int_equal(app_member_add(&f->a, &f->root, &m, &f->e), ERR_OK);
	return m.id;
}

static int afx_setup(void **state)
{
	struct afx *f = calloc(1, sizeof *f);
	int fd;

	strcpy(f->path, "/tmp/cadre-test-adm-app-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	err_init(&f->e);
	assert_int_equal(app_open(&f->a, f->path, 1, &f->e), ERR_OK);
	f->a.quiet = 1;
	strcpy(f->root.name, "cli:test");
	strcpy(f->root.address, "local");
	f->root.role = ROLE_SYS_ADMIN;
	afx_org(f, "ROOT", "", OK_COMMITTEE);
	/* GC: a grassroots cell (no cells under it): no committee vote. */
	afx_org(f, "GC", "ROOT", OK_GRASSROOTS);
	*state = f;
	return 0;
}

static int afx_teardown(void **state)
{
	struct afx *f = *state;
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

static void step_init(struct adm_step *s, enum adm_step_kind k, const char *on)
{
	memset(s, 0, sizeof *s);
	s->kind = k;
	s->on = D(on);
	s->passed = -1;
	s->eligible = s->present = s->votes_for = s->votes_against = -1;
}

/* A grassroots cell: after its vote the decision of the committee above is awaited at once
 * (DK_UPPER_DECISION), and a committee vote is refused. */
static void test_grassroots_cell_skips_committee_vote(void **state)
{
	struct afx *f = *state;
	struct admission c;
	struct adm_step s;
	struct adm_board b;
	int i;

	for (i = 0; i < 3; i++) {
		char name[64];

		snprintf(name, sizeof name, "Nguyễn Văn Số %c", 'A' + i);
		afx_member(f, "GC", name, "2015-03-15", 1);
	}
	memset(&c, 0, sizeof c);
	c.p.birth_date = D("2000-01-01");
	snprintf(c.p.full_name, sizeof c.p.full_name, "Trần Văn Cơ");
	strcpy(c.p.sex, "male");
	strcpy(c.p.ethnicity, "Kinh");
	strcpy(c.p.hometown, "Hà Giang");
	strcpy(c.p.org_code, "GC");
	c.source = ASRC_YOUTH_UNION;
	c.listed_on = D("2026-01-05");
	assert_int_equal(app_adm_add(&f->a, &f->root, &c, 0, &f->e), ERR_OK);
	step_init(&s, ASK_CLASS, "2026-02-02");
	s.passed = 1;
	strcpy(s.detail, "{\"course\":\"Lớp 1\"}");
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	/* Three introducers (the API could send them): refused, nothing written. */
	{
		struct adm_step t;
		struct admission was = c;

		step_init(&t, ASK_APPLICATION, "2026-03-02");
		t.n_intro = 3;
		assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &t, &c, &f->e), ERR_INPUT);
		assert_string_equal(f->e.items[0].field, "introducers");
		err_clear(&f->e);
		assert_int_equal(app_adm_get(&f->a, &f->root, c.id, &c, &f->e), ERR_OK);
		assert_int_equal(c.stage, was.stage);
		assert_int_equal(c.stage_since, was.stage_since);
	}
	step_init(&s, ASK_APPLICATION, "2026-03-02");
	s.n_intro = 2;
	s.intro[0].member_id = 1;
	s.intro[0].worked_since = D("2020-01-01");
	s.intro[1].member_id = 0;
	s.intro[1].worked_since = DATE_NONE;
	strcpy(s.intro[1].resolution, "3-NQ/ĐTN");
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	step_init(&s, ASK_VERIFICATION, "2026-04-01");
	strcpy(s.detail, "{\"verifier\":\"x\",\"conclusion\":\"y\"}");
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	/* R-ADMIT-VOTE-FRACTION: 2 of 3 official members passes. */
	step_init(&s, ASK_CELL_VOTE, "2026-05-04");
	s.present = 3;
	s.votes_for = 2;
	s.votes_against = 1;
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	assert_int_equal(s.eligible, 3);
	assert_int_equal(s.passed, 1);
	assert_int_equal(c.stage, AST_CELL_PASSED);
	assert_int_equal(c.due_kind, DK_UPPER_DECISION);
	step_init(&s, ASK_COMMITTEE_VOTE, "2026-05-05");
	s.eligible = 5;
	s.present = 5;
	s.votes_for = 5;
	s.votes_against = 0;
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_RULE);
	err_clear(&f->e);
	assert_int_equal(app_adm_board(&f->a, &f->root, "GC", DATE_NONE, &b, &f->e), ERR_OK);
	assert_int_equal(b.count[AST_CELL_PASSED], 1);
	/* The decision above is awaited: never overdue. */
	assert_int_equal(b.overdue[AST_CELL_PASSED], 0);
	/* As of a past date, from the steps: on 2026-03-10 the case had applied. */
	assert_int_equal(app_adm_board(&f->a, &f->root, "GC", D("2026-03-10"), &b, &f->e), ERR_OK);
	assert_int_equal(b.count[AST_APPLIED], 1);
	assert_int_equal(b.count[AST_CELL_PASSED], 0);
	assert_int_equal(app_adm_board(&f->a, &f->root, "GC", D("2025-12-31"), &b, &f->e), ERR_OK);
	assert_int_equal(b.count[AST_CANDIDATE] + b.count[AST_APPLIED], 0);
	step_init(&s, ASK_DECISION, "2026-05-20");
	strcpy(s.number, "1-QĐ");
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	assert_string_equal(s.org_code, "ROOT");
	assert_int_equal(c.stage, AST_DECIDED);
	assert_int_equal(c.due_kind, DK_CEREMONY);
}

struct counted {
	long n;
	int64_t first;
};

static int count_case(void *ctx, const struct admission *c)
{
	struct counted *k = ctx;

	if (!k->n++)
		k->first = c->member_id;
	return 0;
}

/* A probationary member added without a case: on the due list past month 12 (R-PROBATION-
 * MONTHS), a case opened for it at stage probation, recognised official from month 12. */
static void test_probationer_without_case(void **state)
{
	struct afx *f = *state;
	struct admission c, again;
	struct adm_step s;
	struct member m;
	struct counted k = {0, 0};
	int64_t id;
	int i;

	for (i = 0; i < 3; i++) {
		char name[64];

		snprintf(name, sizeof name, "Lê Văn Số %c", 'A' + i);
		afx_member(f, "GC", name, "2015-03-15", 1);
	}
	id = afx_member(f, "GC", "Phạm Văn Dự", "2025-09-01", 0);
	assert_int_equal(app_adm_due(&f->a, &f->root, "GC", D("2026-08-31"), count_case, &k, &f->e),
			 ERR_OK);
	assert_int_equal(k.n, 0);
	assert_int_equal(app_adm_due(&f->a, &f->root, "GC", D("2026-09-01"), count_case, &k, &f->e),
			 ERR_OK);
	assert_int_equal(k.n, 1);
	assert_int_equal(k.first, id);
	assert_int_equal(app_adm_of_member(&f->a, &f->root, id, &c, &f->e), ERR_OK);
	assert_int_equal(c.stage, AST_PROBATION);
	assert_true(c.id > 0);
	assert_int_equal(app_adm_of_member(&f->a, &f->root, id, &again, &f->e), ERR_OK);
	assert_int_equal(again.id, c.id);
	assert_int_equal(again.ceremony_on, D("2025-09-01"));
	step_init(&s, ASK_RECOGNITION_VOTE, "2026-09-10");
	s.present = 3;
	s.votes_for = 3;
	s.votes_against = 0;
	assert_int_equal(app_adm_step(&f->a, &f->root, c.id, &s, &c, &f->e), ERR_OK);
	assert_int_equal(c.stage, AST_OFFICIAL);
	assert_int_equal(app_member_get(&f->a, &f->root, id, &m, &f->e), ERR_OK);
	assert_int_equal(m.status, MS_OFFICIAL);
	assert_int_equal(m.official_date, D("2026-09-01"));
	/* An official member has no case to open. */
	assert_int_equal(app_adm_of_member(&f->a, &f->root, 1, &again, &f->e), ERR_RULE);
	err_clear(&f->e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_round_trip),
		cmocka_unit_test(test_R_ADMIT_AGE_MIN_MONTHS),
		cmocka_unit_test(test_R_ADMIT_AGE_MAX_MONTHS),
		cmocka_unit_test(test_R_ADMIT_AGE_MAX_MONTHS_effective_date),
		cmocka_unit_test(test_R_ADMIT_INTRODUCER_MONTHS),
		cmocka_unit_test(test_R_ADMIT_VOTE_FRACTION),
		cmocka_unit_test(test_R_ADMIT_VOTE_FRACTION_version),
		cmocka_unit_test(test_vote_counts),
		cmocka_unit_test(test_R_ADMIT_CEREMONY_WORKING_DAYS),
		cmocka_unit_test(test_R_PROBATION_MONTHS),
		cmocka_unit_test(test_R_PROBATION_VOTE_WORKING_DAYS),
		cmocka_unit_test(test_R_PROBATION_FAILED_VOTES),
		cmocka_unit_test(test_R_READMIT_MONTHS),
		cmocka_unit_test(test_R_READMIT_TIMES),
		cmocka_unit_test(test_next_due),
		cmocka_unit_test_setup_teardown(test_grassroots_cell_skips_committee_vote, afx_setup,
						afx_teardown),
		cmocka_unit_test_setup_teardown(test_probationer_without_case, afx_setup,
						afx_teardown),
	};

	return cmocka_run_group_tests(tests, load_rules, free_rules);
}
