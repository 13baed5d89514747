/* test_review.c - the yearly review's rules, named by rule ID, at and around each boundary;
 * emulation models in versions and the ratings of cells; the figures' counters; and a fixture built through the app layer whose records give the
 * seeds' figures exactly (seed 002: 22.7% of the militia and 10.65% of the reserve are party
 * members; seed 004: more than 92% of grassroots organisations good or excellent, more than
 * 17% excellent; more than 91% of members good or excellent, more than 18% excellent). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/app_report.h"
#include "app/app_review_io.h"
#include "app/report_out.h"
#include "core/fig.h"

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

/* The default rules as shipped: read from a fresh database. */
static struct app *fresh(char *path)
{
	static struct app a;
	struct err e;
	int fd;

	strcpy(path, "/tmp/cadre-test-review-XXXXXX");
	fd = mkstemp(path);
	close(fd);
	unlink(path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	err_init(&e);
	assert_int_equal(app_open(&a, path, 1, &e), ERR_OK);
	a.quiet = 1;
	err_cleanup(&e);
	return &a;
}

static void gone(struct app *a, const char *path)
{
	char p[96];

	app_close(a);
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", path);
	unlink(p);
}

static void show(const struct err *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		fprintf(stderr, "  %s [%s] %s\n", e->items[i].field, e->items[i].rule, e->items[i].msg);
}

static int has_rule(const struct err *e, const char *rule)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->items[i].rule, rule))
			return 1;
	return 0;
}

static int has_text(const struct err *e, const char *text)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strstr(e->items[i].msg, text))
			return 1;
	return 0;
}

/* ---- the rules, pure ---------------------------------------------------------------------- */

/* R-REVIEW-DATES: a step of year Y's review is dated on or after 1 January of Y. */
static void test_R_REVIEW_DATES(void **state)
{
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(review_check_date(2025, date_from_ymd(2025, 1, 1), 0, &e), ERR_OK);
	assert_int_equal(review_check_date(2025, date_from_ymd(2026, 1, 10), 0, &e), ERR_OK);
	assert_int_equal(review_check_date(2025, date_from_ymd(2024, 12, 31), 7, &e), ERR_RULE);
	assert_int_equal(e.n, 1);
	assert_string_equal(e.items[0].rule, "R-REVIEW-DATES");
	assert_string_equal(e.items[0].field, "date");
	assert_int_equal(e.items[0].line, 7);
	err_clear(&e);
	assert_int_equal(review_check_date(2026, date_from_ymd(2025, 6, 1), 0, &e), ERR_RULE);
	err_cleanup(&e);
}

static void test_R_REVIEW_SCORE_bands(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-12-20");

	(void)state;
	assert_int_equal(review_score_grade(&a->rules, on, 100), G_EXCELLENT);
	assert_int_equal(review_score_grade(&a->rules, on, 90), G_EXCELLENT);
	assert_int_equal(review_score_grade(&a->rules, on, 89), G_GOOD);
	assert_int_equal(review_score_grade(&a->rules, on, 70), G_GOOD);
	assert_int_equal(review_score_grade(&a->rules, on, 69), G_COMPLETE);
	assert_int_equal(review_score_grade(&a->rules, on, 50), G_COMPLETE);
	assert_int_equal(review_score_grade(&a->rules, on, 49), G_NOT_COMPLETE);
	assert_int_equal(review_score_grade(&a->rules, on, 0), G_NOT_COMPLETE);
	/* 366-QĐ/TW's scores apply from 2025: before it there is no score rule. */
	assert_int_equal(review_score_grade(&a->rules, D("2024-12-31"), 95), G_NONE);
	gone(a, path);
}

static void test_R_REVIEW_EXCELLENT_QUOTA_boundary(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-12-20");
	struct err e;

	(void)state;
	err_init(&e);
	/* 20% exactly: 2 excellent of 10 rated good or better. */
	assert_int_equal(review_check_quota(&a->rules, on, "G1", 2, 10, "grade", 0, &e), ERR_OK);
	/* One over. */
	assert_int_equal(review_check_quota(&a->rules, on, "G1", 3, 10, "grade", 7, &e), ERR_RULE);
	assert_true(has_rule(&e, R_REVIEW_EXCELLENT_QUOTA));
	assert_true(has_text(&e, "3 members of G1 would be excellent"));
	assert_true(has_text(&e, "at most 20% of the 10"));
	assert_int_equal(e.items[0].line, 7);
	/* Rounded down: 20% of 9 is 1.8, so one. */
	assert_int_equal(review_quota_max(&a->rules, on, 9), 1);
	assert_int_equal(review_quota_max(&a->rules, on, 10), 2);
	/* An organisation with nobody good or better can have no excellent member. */
	assert_int_equal(review_quota_max(&a->rules, on, 0), 0);
	err_clear(&e);
	assert_int_equal(review_check_quota(&a->rules, on, "G1", 0, 0, "grade", 0, &e), ERR_OK);
	assert_int_equal(review_check_quota(&a->rules, on, "G1", 1, 1, "grade", 0, &e), ERR_RULE);
	/* Before the guidance (2019) there was no quota. */
	err_clear(&e);
	assert_int_equal(review_check_quota(&a->rules, D("2018-12-31"), "G1", 5, 5, "grade", 0, &e),
			 ERR_OK);
	err_cleanup(&e);
	gone(a, path);
}

static void test_R_REVIEW_DISCIPLINED_MEMBER(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-12-20");
	struct err e;

	(void)state;
	err_init(&e);
	assert_int_equal(review_check_disciplined(&a->rules, on, G_COMPLETE, 1, "grade", 0, &e),
			 ERR_RULE);
	assert_true(has_rule(&e, R_REVIEW_DISCIPLINED_MEMBER));
	assert_true(has_text(&e, "at best not_complete"));
	err_clear(&e);
	assert_int_equal(review_check_disciplined(&a->rules, on, G_NOT_COMPLETE, 1, "grade", 0, &e),
			 ERR_OK);
	assert_int_equal(review_check_disciplined(&a->rules, on, G_EXCELLENT, 0, "grade", 0, &e),
			 ERR_OK);
	err_cleanup(&e);
	gone(a, path);
}

static void test_R_REVIEW_ORG_EXCELLENT(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-12-20");
	struct org_review_basis b;
	struct err e;

	(void)state;
	err_init(&e);
	memset(&b, 0, sizeof b);
	/* 80% exactly good or better, the rest complete: excellent allowed. */
	b.units = 10;
	b.graded[G_EXCELLENT] = 2;
	b.graded[G_GOOD] = 6;
	b.graded[G_COMPLETE] = 2;
	assert_int_equal(review_check_org(&a->rules, on, G_EXCELLENT, &b, "grade", 0, &e), ERR_OK);
	/* 70%: refused. */
	b.graded[G_GOOD] = 5;
	b.graded[G_COMPLETE] = 3;
	assert_int_equal(review_check_org(&a->rules, on, G_EXCELLENT, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_rule(&e, R_REVIEW_ORG_EXCELLENT));
	assert_true(has_text(&e, "7 of 10 are"));
	/* One not complete: refused even at 90% good. */
	err_clear(&e);
	b.graded[G_GOOD] = 7;
	b.graded[G_COMPLETE] = 0;
	b.graded[G_NOT_COMPLETE] = 1;
	assert_int_equal(review_check_org(&a->rules, on, G_EXCELLENT, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_text(&e, "1 are not complete"));
	/* One not graded yet: refused. */
	err_clear(&e);
	b.graded[G_NOT_COMPLETE] = 0;
	b.graded[G_GOOD] = 7;
	assert_int_equal(review_check_org(&a->rules, on, G_EXCELLENT, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_text(&e, "1 not yet graded"));
	/* An organisation with no members: nothing to be excellent by. Good is allowed. */
	err_clear(&e);
	memset(&b, 0, sizeof b);
	assert_int_equal(review_check_org(&a->rules, on, G_EXCELLENT, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_text(&e, "no members or sub-units"));
	err_clear(&e);
	assert_int_equal(review_check_org(&a->rules, on, G_GOOD, &b, "grade", 0, &e), ERR_OK);
	err_cleanup(&e);
	gone(a, path);
}

static void test_R_REVIEW_ORG_NOT_COMPLETE(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-12-20");
	struct org_review_basis b;
	struct err e;

	(void)state;
	err_init(&e);
	memset(&b, 0, sizeof b);
	b.units = b.sub_units = 10;
	b.graded[G_GOOD] = 10;
	/* 20% of sub-units disciplined exactly: not "more than", so good is allowed. */
	b.sub_disciplined = 2;
	assert_int_equal(review_check_org(&a->rules, on, G_GOOD, &b, "grade", 0, &e), ERR_OK);
	/* One more: not complete. */
	b.sub_disciplined = 3;
	assert_int_equal(review_check_org(&a->rules, on, G_COMPLETE, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_rule(&e, R_REVIEW_ORG_NOT_COMPLETE));
	assert_true(has_text(&e, "3 of its 10 sub-units"));
	err_clear(&e);
	assert_int_equal(review_check_org(&a->rules, on, G_NOT_COMPLETE, &b, "grade", 0, &e),
			 ERR_OK);
	/* Its leadership disciplined. */
	b.sub_disciplined = 0;
	b.leadership_disciplined = 1;
	assert_int_equal(review_check_org(&a->rules, on, G_GOOD, &b, "grade", 0, &e), ERR_RULE);
	assert_true(has_text(&e, "leadership was disciplined"));
	err_cleanup(&e);
	gone(a, path);
}

static void test_R_DISCIPLINE_FORMS(void **state)
{
	char path[64];
	struct app *a = fresh(path);
	date_t on = D("2025-06-01");

	(void)state;
	assert_int_equal(discipline_form_allowed(&a->rules, on, "official", DF_EXPULSION), 1);
	assert_int_equal(discipline_form_allowed(&a->rules, on, "probationary", DF_WARNING), 1);
	assert_int_equal(discipline_form_allowed(&a->rules, on, "probationary", DF_EXPULSION), 0);
	assert_int_equal(discipline_form_allowed(&a->rules, on, "probationary", DF_REMOVAL), 0);
	assert_int_equal(discipline_form_allowed(&a->rules, on, "org", DF_DISSOLUTION), 1);
	assert_int_equal(discipline_form_allowed(&a->rules, on, "official", DF_DISSOLUTION), 0);
	gone(a, path);
}

/* ---- the counters' blobs ------------------------------------------------------------------ */

static void test_fig_blob_round_trip(void **state)
{
	struct fig_map m, back;
	unsigned char *blob;
	size_t len;

	(void)state;
	fig_map_init(&m);
	fig_map_init(&back);
	fig_map_add(&m, FIG_KEY(FD_BIRTH_YEAR, 1990), 3);
	fig_map_add(&m, FIG_KEY(FD_STATUS, 1), 120000);
	fig_map_add(&m, FIG_KEY(FD_SEX, 0), -2); /* a fault must still round-trip */
	fig_map_add(&m, FIG_KEY(FD_STATUS, 1), -120000); /* back to zero: gone */
	assert_int_equal(m.n, 2);
	blob = fig_encode(&m, &len);
	assert_int_equal(fig_decode(blob, len, &back), 0);
	assert_int_equal(back.n, 2);
	assert_int_equal(fig_map_get(&back, FIG_KEY(FD_BIRTH_YEAR, 1990)), 3);
	assert_int_equal(fig_map_get(&back, FIG_KEY(FD_SEX, 0)), -2);
	assert_int_equal(fig_map_get(&back, FIG_KEY(FD_STATUS, 1)), 0);
	/* A cut blob is refused, not read past its end. */
	fig_map_clear(&back);
	blob[len - 1] |= 0x80;
	assert_int_equal(fig_decode(blob, len, &back), -1);
	free(blob);
	fig_map_cleanup(&m);
	fig_map_cleanup(&back);
}

/* ---- the seed fixture, through the app layer ---------------------------------------------- */

struct fx {
	char path[64];
	struct app *a;
	struct actor root;
	struct err e;
	int64_t first_id;
};

static void add_org(struct fx *f, const char *code, const char *parent, enum org_kind kind,
		    long militia, long reserve)
{
	struct org o;

	memset(&o, 0, sizeof o);
	o.militia = militia;
	o.self_defence = -1;
	o.reserve = reserve;
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", parent);
	snprintf(o.name, sizeof o.name, "Chi bộ %s", code);
	o.kind = kind;
	o.established = D("2000-01-01");
	if (app_org_add(f->a, &f->root, &o, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
}

static int64_t add_member(struct fx *f, const char *org, int i, const char *category)
{
	static const char *const given[] = {"Hùng", "Hưng", "Đức", "Lan", "Mai", "Minh", "Hoa"};
	struct member m;
	char name[64];

	memset(&m, 0, sizeof m);
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "%s", org);
	snprintf(name, sizeof name, "Nguyễn Văn %s %d", given[i % 7], i);
	assert_int_equal(member_set_name(&m, name, &f->e, 0), 0);
	strcpy(m.sex, i % 5 ? "male" : "female");
	m.birth_date = date_from_ymd(1970 + i % 30, 3, 1);
	strcpy(m.ethnicity, i % 3 ? "Kinh" : "Tày");
	strcpy(m.hometown, "Hà Giang");
	snprintf(m.category, sizeof m.category, "%s", category);
	m.admission_decision_date = date_from_ymd(2000 + i % 20, 5, 1);
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	if (app_member_add(f->a, &f->root, &m, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
	return m.id;
}

/* 40 grassroots cells of 25 members under committee P: 1,000 members, of them 227 militia and
 * 213 reserve party members; the militia's non-party headcount is 773 and the reserve's 1,787.
 * Grades of 2025: 23 cells 5 excellent + 20 good; 16 cells 4 excellent + 16 good + 5 complete;
 * one cell 4 excellent + 17 good + 4 complete (each within R-REVIEW-EXCELLENT-QUOTA). Cells'
 * own grades: 7 excellent, 30 good, 3 complete. */
static int fixture(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct review_in *rs = calloc(1000, sizeof *rs), ors[40];
	int c, i, n = 0;
	char code[16];

	f->a = fresh(f->path);
	err_init(&f->e);
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	add_org(f, "ROOT", "", OK_COMMITTEE, -1, -1);
	add_org(f, "QK", "ROOT", OK_COMMITTEE, -1, -1);
	add_org(f, "P", "QK", OK_COMMITTEE, -1, -1);
	add_org(f, "OTHER", "QK", OK_COMMITTEE, -1, -1);
	add_org(f, "OC", "OTHER", OK_CELL, -1, -1);
	for (c = 0; c < 40; c++) {
		snprintf(code, sizeof code, "C%02d", c + 1);
		add_org(f, code, "P", OK_CELL, c ? 0 : 773, c ? 0 : 1787);
		for (i = 0; i < 25; i++) {
			int k = c * 25 + i;
			const char *cat = k < 227 ? "militia" : k < 440 ? "reserve" : "soldier";
			int64_t id = add_member(f, code, k, cat);
			enum grade g;

			if (!f->first_id)
				f->first_id = id;
			if (c < 23)
				g = i < 5 ? G_EXCELLENT : G_GOOD;
			else if (c < 39)
				g = i < 4 ? G_EXCELLENT : i < 20 ? G_GOOD : G_COMPLETE;
			else
				g = i < 4 ? G_EXCELLENT : i < 21 ? G_GOOD : G_COMPLETE;
			rs[n].member_id = id;
			rs[n].year = 2025;
			rs[n].step = RS_DECISION;
			rs[n].score = -1;
			rs[n].grade = g;
			rs[n].date = D("2025-12-20");
			rs[n].line = n + 2;
			n++;
		}
	}
	if (app_review_members(f->a, &f->root, rs, (size_t)n, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
	memset(ors, 0, sizeof ors);
	for (c = 0; c < 40; c++) {
		snprintf(ors[c].org_code, sizeof ors[c].org_code, "C%02d", c + 1);
		ors[c].year = 2025;
		ors[c].step = RS_DECISION;
		ors[c].score = -1;
		ors[c].grade = c < 7 ? G_EXCELLENT : c < 37 ? G_GOOD : G_COMPLETE;
		ors[c].date = D("2025-12-28");
	}
	if (app_review_orgs(f->a, &f->root, ors, 40, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
	free(rs);
	*state = f;
	return 0;
}

static int fixture_end(void **state)
{
	struct fx *f = *state;

	gone(f->a, f->path);
	err_cleanup(&f->e);
	free(f);
	return 0;
}

static const struct report_cell *cell(const struct report *r, const char *table, const char *row)
{
	const struct report_table *t = report_find(r, table);
	const struct report_row *w = report_row_find(t, row);

	assert_non_null(t);
	assert_non_null(w);
	return &w->c[0];
}

static void pct_is(const struct report *r, const char *table, const char *row, long count,
		   long base, const char *pct)
{
	const struct report_cell *c = cell(r, table, row);
	char s[16];

	assert_int_equal(c->count, count);
	assert_int_equal(c->base, base);
	report_pct_str(c->count, c->base, s, sizeof s);
	assert_string_equal(s, pct);
}

static void report_of(struct fx *f, const char *code, struct report *r)
{
	if (app_report(f->a, &f->root, code, 2025, DATE_NONE, r, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
}

static void test_seed_figures(void **state)
{
	struct fx *f = *state;
	struct report r;
	long wrong = -1;

	report_of(f, "P", &r);
	/* seed 002 */
	pct_is(&r, "leadership_ratio", "militia", 227, 1000, "22.70");
	pct_is(&r, "leadership_ratio", "reserve", 213, 2000, "10.65");
	/* seed 004: grassroots organisations */
	pct_is(&r, "grassroots_reviews", "good_or_better", 37, 40, "92.50");
	pct_is(&r, "grassroots_reviews", "excellent", 7, 40, "17.50");
	/* seed 004: members */
	pct_is(&r, "member_reviews", "good_or_better", 916, 1000, "91.60");
	pct_is(&r, "member_reviews", "excellent", 183, 1000, "18.30");
	pct_is(&r, "members_by_status", "official", 1000, 1000, "100.00");
	/* the grades of each sub-organisation: C01 5 excellent and 20 good */
	{
		const struct report_row *w =
			report_row_find(report_find(&r, "reviews_by_suborg"), "C01");

		assert_non_null(w);
		assert_int_equal(w->c[G_EXCELLENT].count, 5);
		assert_int_equal(w->c[G_GOOD].count, 20);
	}
	report_cleanup(&r);
	/* The counters agree with a count from the records. */
	assert_int_equal(app_fig_check(f->a, &f->root, 0, &wrong, &f->e), ERR_OK);
	assert_int_equal(wrong, 0);
}

static void test_seed_figures_in_csv_and_json(void **state)
{
	struct fx *f = *state;
	struct report r;
	char *text = NULL, *json;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	json_t *j;

	report_of(f, "P", &r);
	assert_int_equal(report_csv(&r, out), 0);
	fclose(out);
	assert_non_null(strstr(text, "grassroots_reviews,good_or_better,good or better,count,37,40,92.50\n"));
	assert_non_null(strstr(text, "leadership_ratio,militia,militia,count,227,1000,22.70\n"));
	assert_non_null(strstr(text, "leadership_ratio,reserve,reserve,count,213,2000,10.65\n"));
	assert_non_null(strstr(text, "member_reviews,excellent,excellent,count,183,1000,18.30\n"));
	free(text);
	j = report_json(&r);
	json = json_dumps(j, REPORT_JSON_FLAGS);
	assert_non_null(strstr(json, "\"percent\": 22.7") ? json : strstr(json, "\"percent\":22.7"));
	assert_non_null(strstr(json, "10.65"));
	assert_non_null(strstr(json, "92.5"));
	free(json);
	json_decref(j);
	report_cleanup(&r);
}

/* The quota is counted per grassroots organisation over the whole batch: one over in one
 * cell refuses the batch, and nothing is stored. */
static void test_R_REVIEW_EXCELLENT_QUOTA_batch_all_or_nothing(void **state)
{
	struct fx *f = *state;
	struct review_in r;
	struct report rep;

	memset(&r, 0, sizeof r);
	/* C01 has 5 excellent of 25 good or better: one more (a good one made excellent)
	 * would be 6 of 25, over 20%. A revision needs a reason. */
	r.member_id = f->first_id + 10;
	r.year = 2025;
	r.step = RS_DECISION;
	r.score = -1;
	r.grade = G_EXCELLENT;
	r.date = D("2026-01-10");
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_RULE);
	assert_true(has_text(&f->e, "give a reason"));
	err_clear(&f->e);
	snprintf(r.reason, sizeof r.reason, "%s", "appeal upheld");
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_RULE);
	assert_true(has_rule(&f->e, R_REVIEW_EXCELLENT_QUOTA));
	assert_true(has_text(&f->e, "6 members of C01 would be excellent"));
	assert_true(has_text(&f->e, "that is 5"));
	err_clear(&f->e);
	report_of(f, "C01", &rep);
	pct_is(&rep, "member_reviews", "excellent", 5, 25, "20.00");
	report_cleanup(&rep);
}

/* ---- imports over several chunks ------------------------------------------------------ */

/* The 2026 decisions of the fixture's 1,000 members, one per line in member order (line 2 is
 * the first member, the 25 of each cell together: C01 on lines 2-26, ..., C40 on lines
 * 977-1001); 5 excellent and 20 good in each cell, exactly R-REVIEW-EXCELLENT-QUOTA's 20%.
 * extra_excellent makes one more of C40 (the last chunk) excellent; first (when not NULL) is
 * put on line 2, before them, and extra after them. */
static char *decisions_2026(const struct fx *f, int extra_excellent, const char *first,
			    const char *extra)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	int k;

	fprintf(out, "member_id,year,grade,date,reason\n");
	if (first)
		fputs(first, out);
	for (k = 0; k < 1000; k++) {
		int i = k % 25;
		int excellent = i < 5 || (extra_excellent && k == 975 + 5);

		fprintf(out, "%lld,2026,%s,2026-11-01,\n", (long long)(f->first_id + k),
			excellent ? "excellent" : "good");
	}
	if (extra)
		fputs(extra, out);
	fclose(out);
	return text;
}

/* Import text as a reviews file in chunks of 64 rows (16 chunks for the 1,000 rows). */
static enum err_code import_text(struct fx *f, const char *text, struct import_result *res)
{
	struct import_opts o;
	enum err_code rc;

	memset(&o, 0, sizeof o);
	o.in = fmemopen((void *)(uintptr_t)text, strlen(text), "rb");
	assert_non_null(o.in);
	o.in_size = (long long)strlen(text);
	setenv("CADRE_REVIEW_CHUNK", "64", 1);
	rc = app_import_reviews(f->a, &f->root, &o, REVIEW_CSV_MEMBERS, res, &f->e);
	unsetenv("CADRE_REVIEW_CHUNK");
	fclose(o.in);
	return rc;
}

static int count_rev(void *ctx, const struct review_rec *r)
{
	(void)r;
	++*(long *)ctx;
	return 0;
}

/* Every review step of the fixture's members, every year and revision. */
static long review_rows(struct fx *f)
{
	long n = 0;
	int k;

	for (k = 0; k < 1000; k++)
		assert_int_equal(app_review_history(f->a, &f->root, f->first_id + k, count_rev, &n,
						    &f->e), ERR_OK);
	return n;
}

/* A file over 16 chunks is stored whole, in one transaction, and the figures count every row. */
static void test_import_spans_chunks(void **state)
{
	struct fx *f = *state;
	struct import_result res;
	struct report rep;
	char *text = decisions_2026(f, 0, NULL, NULL);
	long before = review_rows(f), wrong = -1;

	assert_int_equal(before, 1000);
	if (import_text(f, text, &res)) {
		show(&f->e);
		fail();
	}
	assert_int_equal(res.rows, 1000);
	assert_int_equal(res.imported, 1000);
	assert_int_equal(res.rejected, 0);
	assert_int_equal(review_rows(f), before + 1000);
	assert_int_equal(app_report(f->a, &f->root, "P", 2026, DATE_NONE, &rep, &f->e), ERR_OK);
	pct_is(&rep, "member_reviews", "excellent", 200, 1000, "20.00");
	pct_is(&rep, "member_reviews", "good_or_better", 1000, 1000, "100.00");
	{
		const struct report_row *w =
			report_row_find(report_find(&rep, "reviews_by_suborg"), "C40");

		assert_non_null(w);
		assert_int_equal(w->c[G_EXCELLENT].count, 5);
		assert_int_equal(w->c[G_GOOD].count, 20);
	}
	report_cleanup(&rep);
	assert_int_equal(app_fig_check(f->a, &f->root, 0, &wrong, &f->e), ERR_OK);
	assert_int_equal(wrong, 0);
	free(text);
}

/* R-REVIEW-EXCELLENT-QUOTA over the whole file: C40, over its quota in the last chunk, refuses
 * the file after fifteen chunks were stored, and nothing is left of them. */
static void test_import_quota_in_a_later_chunk(void **state)
{
	struct fx *f = *state;
	struct import_result res;
	char *text = decisions_2026(f, 1, NULL, NULL);
	long before = review_rows(f);

	assert_int_equal(import_text(f, text, &res), ERR_RULE);
	assert_true(has_rule(&f->e, R_REVIEW_EXCELLENT_QUOTA));
	assert_true(has_text(&f->e, "6 members of C40 would be excellent"));
	assert_int_equal(f->e.n, 1);
	assert_int_equal(res.rows, 1000);
	assert_int_equal(res.imported, 0);
	err_clear(&f->e);
	assert_int_equal(review_rows(f), before);
	free(text);
}

/* A member decided twice: the second time in the last chunk, long after the first chunk was
 * stored. The whole file is refused, naming both lines, and nothing is stored. */
static void test_import_twice_in_a_later_chunk(void **state)
{
	struct fx *f = *state;
	struct import_result res;
	char extra[96], want[96], *text;
	long before = review_rows(f);

	/* The member on line 5 again, as a revision (a reason given): still twice in a file. */
	snprintf(extra, sizeof extra, "%lld,2026,good,2026-11-02,appeal upheld\n",
		 (long long)(f->first_id + 3));
	text = decisions_2026(f, 0, NULL, extra);
	assert_int_equal(import_text(f, text, &res), ERR_INPUT);
	snprintf(want, sizeof want, "member %lld is graded twice for 2026 (also on line 5)",
		 (long long)(f->first_id + 3));
	assert_true(has_text(&f->e, want));
	assert_int_equal(f->e.n, 1);
	assert_int_equal(f->e.items[0].line, 1002);
	assert_int_equal(res.rows, 1001);
	assert_int_equal(res.rejected, 1);
	assert_int_equal(res.imported, 0);
	err_clear(&f->e);
	assert_int_equal(review_rows(f), before);
	free(text);
}

/* A malformed row in a later chunk: only the malformed rows are reported, as for a file of one
 * chunk (the unknown member of the first chunk is not), and nothing is stored. */
static void test_import_malformed_in_a_later_chunk(void **state)
{
	struct fx *f = *state;
	struct import_result res;
	char *text = decisions_2026(f, 0, "999999,2026,good,2026-11-01,\n", "1,2026,superb,,\n");
	long before = review_rows(f);

	assert_int_equal(import_text(f, text, &res), ERR_INPUT);
	assert_int_equal(f->e.n, 1);
	assert_int_equal(f->e.items[0].line, 1003);
	assert_string_equal(f->e.items[0].field, "grade");
	assert_int_equal(res.rows, 1002);
	assert_int_equal(res.rejected, 1);
	err_clear(&f->e);
	assert_int_equal(review_rows(f), before);
	free(text);
}

/* No stale figures: a grade changed, a status changed and a transfer show in the next
 * report at once, and the counters still agree with a recount. */
static void test_figures_exact_after_changes(void **state)
{
	struct fx *f = *state;
	struct review_in r;
	struct report rep;
	struct transfer t;
	long wrong = -1;
	/* C40 has room under the quota (4 excellent of 21): C01..C39 would go over it if
	 * one of their good members were graded lower. */
	int64_t m1 = f->first_id + 975 + 10, m2 = f->first_id + 7, m3 = f->first_id + 8;

	/* a grade: good -> complete (revision 2, with a reason) */
	memset(&r, 0, sizeof r);
	r.member_id = m1;
	r.year = 2025;
	r.step = RS_DECISION;
	r.score = -1;
	r.grade = G_COMPLETE;
	r.date = D("2026-01-10");
	snprintf(r.reason, sizeof r.reason, "%s", "late finding");
	if (app_review_member(f->a, &f->root, &r, &f->e))
		show(&f->e);
	assert_int_equal(f->e.code, ERR_OK);
	report_of(f, "P", &rep);
	pct_is(&rep, "member_reviews", "good_or_better", 915, 1000, "91.50");
	pct_is(&rep, "member_reviews", "complete", 85, 1000, "8.50");
	report_cleanup(&rep);
	/* a status: official -> removed from the rolls */
	assert_int_equal(app_member_status(f->a, &f->root, m2, MS_REMOVED, D("2026-02-01"),
					   "left the service", &f->e), ERR_OK);
	report_of(f, "P", &rep);
	assert_int_equal(cell(&rep, "members_by_status", "official")->count, 999);
	report_cleanup(&rep);
	/* a transfer out of P, sent and received */
	assert_int_equal(app_member_transfer(f->a, &f->root, m3, "OC", 0, D("2026-03-01"),
					     DATE_NONE, "posted", "12/QĐ", &t, &f->e), ERR_OK);
	assert_int_equal(app_member_receive(f->a, &f->root, t.id, D("2026-03-05"), &t, &f->e),
			 ERR_OK);
	report_of(f, "P", &rep);
	assert_int_equal(cell(&rep, "members_by_status", "official")->count, 998);
	report_cleanup(&rep);
	if (app_report(f->a, &f->root, "P", 2026, DATE_NONE, &rep, &f->e))
		fail();
	assert_int_equal(cell(&rep, "transfers", "official_out")->count, 1);
	report_cleanup(&rep);
	report_of(f, "OTHER", &rep);
	assert_int_equal(cell(&rep, "members_by_status", "official")->count, 1);
	report_cleanup(&rep);
	assert_int_equal(app_fig_check(f->a, &f->root, 0, &wrong, &f->e), ERR_OK);
	assert_int_equal(wrong, 0);
}

/* A member transferred after the year's decision: the review counts where it was decided
 * (docs/reviews.md), the membership where the member is now. */
static void test_member_transferred_mid_year(void **state)
{
	struct fx *f = *state;
	struct report rep;
	struct transfer t;
	int64_t m = f->first_id; /* C01, excellent in 2025 */

	assert_int_equal(app_member_transfer(f->a, &f->root, m, "OC", 0, D("2026-02-01"),
					     DATE_NONE, "posted", "13/QĐ", &t, &f->e), ERR_OK);
	assert_int_equal(app_member_receive(f->a, &f->root, t.id, D("2026-02-03"), &t, &f->e),
			 ERR_OK);
	report_of(f, "C01", &rep);
	assert_int_equal(cell(&rep, "member_reviews", "excellent")->count, 5);
	assert_int_equal(cell(&rep, "members_by_status", "official")->count, 24);
	report_cleanup(&rep);
	report_of(f, "OC", &rep);
	assert_int_equal(cell(&rep, "member_reviews", "excellent")->count, 0);
	assert_int_equal(cell(&rep, "members_by_status", "official")->count, 1);
	report_cleanup(&rep);
}

/* R-REVIEW-DISCIPLINED-MEMBER through the app: a member disciplined in 2025 decided good is
 * refused, not complete is accepted. R-REVIEW-ORG-NOT-COMPLETE: the organisation disciplined. */
static void test_discipline_then_reviews(void **state)
{
	struct fx *f = *state;
	struct discipline_in d;
	struct review_in r;
	int64_t id;

	memset(&d, 0, sizeof d);
	d.member_id = f->first_id + 975 + 11; /* C40, where the quota has room */
	d.form = DF_REPRIMAND;
	d.date = D("2025-06-01");
	d.act_date = D("2025-05-10");
	snprintf(d.body, sizeof d.body, "%s", "C40");
	snprintf(d.reason, sizeof d.reason, "%s", "absent from meetings");
	assert_int_equal(app_discipline_add(f->a, &f->root, &d, &id, &f->e), ERR_OK);
	assert_true(id > 0);
	memset(&r, 0, sizeof r);
	r.member_id = d.member_id;
	r.year = 2025;
	r.step = RS_DECISION;
	r.score = -1;
	r.grade = G_GOOD;
	r.date = D("2026-01-15");
	snprintf(r.reason, sizeof r.reason, "%s", "discipline recorded late");
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_RULE);
	assert_true(has_rule(&f->e, R_REVIEW_DISCIPLINED_MEMBER));
	err_clear(&f->e);
	r.grade = G_NOT_COMPLETE;
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_OK);
	/* The organisation C03 itself disciplined: its grade can only be not complete. */
	memset(&d, 0, sizeof d);
	snprintf(d.org_code, sizeof d.org_code, "%s", "C03");
	d.form = DF_WARNING;
	d.date = D("2025-09-01");
	d.act_date = D("2025-08-10");
	snprintf(d.body, sizeof d.body, "%s", "P");
	snprintf(d.reason, sizeof d.reason, "%s", "loss of weapons");
	assert_int_equal(app_discipline_add(f->a, &f->root, &d, &id, &f->e), ERR_OK);
	memset(&r, 0, sizeof r);
	snprintf(r.org_code, sizeof r.org_code, "%s", "C03");
	r.year = 2025;
	r.step = RS_DECISION;
	r.score = -1;
	r.grade = G_GOOD;
	r.date = D("2026-01-20");
	snprintf(r.reason, sizeof r.reason, "%s", "discipline recorded late");
	assert_int_equal(app_review_org(f->a, &f->root, &r, &f->e), ERR_RULE);
	assert_true(has_rule(&f->e, R_REVIEW_ORG_NOT_COMPLETE));
	err_clear(&f->e);
	/* R-DISCIPLINE-FORMS: expulsion of an organisation is not a form. */
	d.form = DF_EXPULSION;
	assert_int_equal(app_discipline_add(f->a, &f->root, &d, &id, &f->e), ERR_RULE);
	assert_true(has_rule(&f->e, R_DISCIPLINE_FORMS));
	err_clear(&f->e);
}

/* A decided review is locked; a change is a new revision and the old one stays visible. */
static int collect_rev(void *ctx, const struct review_rec *r)
{
	struct review_rec *v = ctx;
	int i;

	for (i = 0; i < 8 && v[i].id; i++)
		;
	if (i < 8)
		v[i] = *r;
	return 0;
}

static void test_revision_keeps_history(void **state)
{
	struct fx *f = *state;
	struct review_in r;
	struct review_rec v[8];

	memset(&r, 0, sizeof r);
	r.member_id = f->first_id + 975 + 12; /* C40 */
	r.year = 2025;
	r.step = RS_DECISION;
	r.score = 65;
	r.grade = G_NONE;
	r.date = D("2026-01-10");
	snprintf(r.reason, sizeof r.reason, "%s", "score corrected");
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_OK);
	memset(v, 0, sizeof v);
	assert_int_equal(app_review_history(f->a, &f->root, r.member_id, collect_rev, v, &f->e),
			 ERR_OK);
	assert_int_equal(v[0].revision, 1);
	assert_int_equal(v[0].grade, G_GOOD);
	assert_int_equal(v[0].current, 0);
	assert_int_equal(v[1].revision, 2);
	assert_int_equal(v[1].grade, G_COMPLETE); /* a score of 65 (R-REVIEW-SCORE-GOOD) */
	assert_int_equal(v[1].current, 1);
	assert_string_equal(v[1].reason, "score corrected");
	assert_non_null(strstr(v[1].rules, "R-REVIEW-EXCELLENT-QUOTA v1"));
	/* A grade that contradicts the score is refused. */
	r.grade = G_GOOD;
	assert_int_equal(app_review_member(f->a, &f->root, &r, &f->e), ERR_RULE);
	err_clear(&f->e);
}

static int count_org(void *ctx, const struct org *o)
{
	(void)o;
	(*(long *)ctx)++;
	return 0;
}

/* The organisations behind an organisation figure: as many as the figure counts. */
static void test_records_behind_org_figures(void **state)
{
	struct fx *f = *state;
	long n = 0, total = 0;

	assert_int_equal(app_report_orgs(f->a, &f->root, "P", 2025, "grassroots_grade=excellent", 0,
					 -1, count_org, &n, &total, &f->e), ERR_OK);
	assert_int_equal(n, 7);
	assert_int_equal(total, 7);
	n = 0;
	assert_int_equal(app_report_orgs(f->a, &f->root, "P", 2025, "grassroots_grade=good_or_better",
					 0, 10, count_org, &n, &total, &f->e), ERR_OK);
	assert_int_equal(n, 10); /* a page */
	assert_int_equal(total, 37);
	assert_int_equal(app_report_orgs(f->a, &f->root, "P", 2025, "colour=red", 0, 10, count_org,
					 &n, &total, &f->e), ERR_INPUT);
	err_clear(&f->e);
}

/* The figures of a subtree the actor cannot see do not exist for them. */
static void test_report_scoped(void **state)
{
	struct fx *f = *state;
	struct actor other;
	struct report rep;

	memset(&other, 0, sizeof other);
	strcpy(other.name, "test:other");
	strcpy(other.scope_code, "OTHER");
	other.role = ROLE_VIEWER;
	assert_int_equal(app_report(f->a, &other, "P", 2025, DATE_NONE, &rep, &f->e), ERR_NOTFOUND);
	report_cleanup(&rep);
	err_clear(&f->e);
}

/* ---- emulation models and ratings, through the app layer ---------------------------------- */

/* A small tree: ROOT > G (grassroots) > C1, C2 (cells); ROOT > OTHER > OC (cell). */
static void emu_tree(struct fx *f)
{
	f->a = fresh(f->path);
	err_init(&f->e);
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	add_org(f, "ROOT", "", OK_COMMITTEE, -1, -1);
	add_org(f, "G", "ROOT", OK_GRASSROOTS, -1, -1);
	add_org(f, "C1", "G", OK_CELL, -1, -1);
	add_org(f, "C2", "G", OK_CELL, -1, -1);
	add_org(f, "OTHER", "ROOT", OK_COMMITTEE, -1, -1);
	add_org(f, "OC", "OTHER", OK_CELL, -1, -1);
}

static void emu_done(struct fx *f)
{
	gone(f->a, f->path);
	err_cleanup(&f->e);
}

static int field_is(const struct err *e, const char *field)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (!strcmp(e->items[i].field, field))
			return 1;
	return 0;
}

struct emu_seen {
	struct emulation_rating_rec v[8];
	int n;
};

static int emu_collect(void *ctx, const struct emulation_rating_rec *r)
{
	struct emu_seen *s = ctx;

	if (s->n < 8)
		s->v[s->n] = *r;
	s->n++;
	return 0;
}

static int audit_actions(void *ctx, const struct audit_entry *a)
{
	if (!strcmp(a->action, "emulation.model.add"))
		(*(int *)ctx)++;
	return 0;
}

/* A version added from a date applies to the years whose 31 December it covers; a rating
 * keeps the version it was judged against, with its criteria, after the model changes. */
static void test_emulation_version_applied_by_year(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	static const char *const crit[] = {"Tốt về chính trị", "Tốt về lãnh đạo",
					   "Không có vi phạm"};
	static const int met4[] = {1, 0, 1, 1}, met3[] = {1, 1, 0};
	struct emulation_in in;
	struct emu_seen *seen = calloc(1, sizeof *seen);
	struct emulation_model_rec *m = calloc(1, sizeof *m);
	int version = 0, audits = 0;
	int64_t id = 0;

	(void)state;
	emu_tree(f);
	/* Rated against the shipped version 1 (four criteria, all required). */
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2025, met4, 4,
					    &id, &f->e), ERR_OK);
	assert_true(id > 0);
	/* Version 2 from 2026-06-01: three criteria, two required. */
	memset(&in, 0, sizeof in);
	in.code = "chi-bo-4-tot";
	in.name = "Chi bộ 4 tốt (2026)";
	in.criteria = crit;
	in.ncriteria = 3;
	in.required = 2;
	in.from = D("2026-06-01");
	in.source = "09-CT/ĐU";
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_OK);
	assert_int_equal(version, 2);
	/* 2026 ends after 2026-06-01: version 2; 2025 ended before it: version 1. */
	assert_int_equal(app_emulation_version(f->a, "chi-bo-4-tot", 2026, m, &f->e), ERR_OK);
	assert_int_equal(m->version, 2);
	assert_int_equal(m->ncriteria, 3);
	assert_true(m->in_force);
	assert_int_equal(app_emulation_version(f->a, "chi-bo-4-tot", 2025, m, &f->e), ERR_OK);
	assert_int_equal(m->version, 1);
	assert_int_equal(m->ncriteria, 4);
	assert_false(m->in_force);
	/* Four answers no longer fit 2026's three criteria. */
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2026, met4, 4,
					    NULL, &f->e), ERR_INPUT);
	assert_true(has_text(&f->e, "has 3 criteria"));
	err_clear(&f->e);
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2026, met3, 3,
					    NULL, &f->e), ERR_OK);
	/* Rated again for 2026: the newer rating is current, the first stays listed. */
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2026, met3, 3,
					    NULL, &f->e), ERR_OK);
	assert_int_equal(app_emulation_ratings(f->a, &f->root, "G", 0, emu_collect, seen, &f->e),
			 ERR_OK);
	assert_int_equal(seen->n, 3);
	assert_int_equal(seen->v[0].year, 2025);
	assert_int_equal(seen->v[0].model.version, 1);
	assert_int_equal(seen->v[0].model.ncriteria, 4);
	assert_string_equal(seen->v[0].model.criteria[0],
			    "Tốt về chính trị, tư tưởng (good in politics and thought)");
	assert_int_equal(seen->v[0].nmet, 3);
	assert_false(seen->v[0].earned); /* 3 of 4, all 4 required */
	assert_int_equal(seen->v[1].model.version, 2);
	assert_false(seen->v[1].current);
	assert_true(seen->v[2].current);
	assert_true(seen->v[2].earned); /* 2 of 3, 2 required */
	assert_string_equal(seen->v[2].model.criteria[2], "Không có vi phạm");
	/* The year filter. */
	seen->n = 0;
	assert_int_equal(app_emulation_ratings(f->a, &f->root, "C1", 2025, emu_collect, seen, &f->e),
			 ERR_OK);
	assert_int_equal(seen->n, 1);
	/* Audited with the version it replaced. */
	assert_int_equal(app_audit_list(f->a, &f->root, "", 10, audit_actions, &audits, &f->e),
			 ERR_OK);
	assert_int_equal(audits, 1);
	/* A year before the model's first version. */
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2010, met4, 4,
					    NULL, &f->e), ERR_INPUT);
	assert_true(field_is(&f->e, "year"));
	err_clear(&f->e);
	free(m);
	free(seen);
	emu_done(f);
	free(f);
}

/* Every problem of a version at once, each naming its field; nothing stored. */
static void test_emulation_add_validation(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	static const char *const one[] = {"A"};
	const char *many[21], *bad[3];
	char longc[EMULATION_CRITERION_MAX + 2];
	struct emulation_in in;
	int version = 0, i;

	(void)state;
	emu_tree(f);
	for (i = 0; i < 21; i++)
		many[i] = "x";
	memset(longc, 'a', sizeof longc - 1);
	longc[sizeof longc - 1] = 0;
	bad[0] = "";
	bad[1] = longc;
	bad[2] = "two\nlines";
	memset(&in, 0, sizeof in);
	in.code = "Bad Code";
	in.name = "  ";
	in.criteria = bad;
	in.ncriteria = 3;
	in.required = 4;
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_INPUT);
	assert_true(field_is(&f->e, "code"));
	assert_true(field_is(&f->e, "name"));
	assert_true(field_is(&f->e, "required"));
	assert_true(has_text(&f->e, "criterion 1 is empty"));
	assert_true(has_text(&f->e, "criterion 2 is 201 bytes long; shorten it to at most 200"));
	assert_true(has_text(&f->e, "criterion 3 holds a line break"));
	assert_true(has_text(&f->e, "1 to 3"));
	err_clear(&f->e);
	/* Too many criteria; none at all. */
	in.code = "new-model";
	in.name = "Mô hình mới";
	in.criteria = many;
	in.ncriteria = 21;
	in.required = 1;
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_INPUT);
	assert_true(has_text(&f->e, "1 to 20 criteria, not 21"));
	err_clear(&f->e);
	in.ncriteria = 0;
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_INPUT);
	assert_true(field_is(&f->e, "criteria"));
	err_clear(&f->e);
	/* Not after the latest version's date (2011-01-19, the shipped one). */
	in.code = "chi-bo-4-tot";
	in.criteria = one;
	in.ncriteria = 1;
	in.from = D("2011-01-19");
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_INPUT);
	assert_true(field_is(&f->e, "from"));
	assert_true(has_text(&f->e, "version 1 is in force from 2011-01-19"));
	err_clear(&f->e);
	/* A new model starts at version 1, from today by default. */
	in.code = "3-tot-3-khong";
	in.from = DATE_NONE;
	assert_int_equal(app_emulation_add(f->a, &f->root, &in, &version, &f->e), ERR_OK);
	assert_int_equal(version, 1);
	/* Nothing of the refused ones was stored: still only version 1 of chi-bo-4-tot. */
	{
		struct emulation_model_rec *m = calloc(1, sizeof *m);

		assert_int_equal(app_emulation_version(f->a, "chi-bo-4-tot", 2026, m, &f->e), ERR_OK);
		assert_int_equal(m->version, 1);
		assert_int_equal(app_emulation_version(f->a, "new-model", 2026, m, &f->e),
				 ERR_NOTFOUND);
		assert_true(field_is(&f->e, "model"));
		err_clear(&f->e);
		free(m);
	}
	emu_done(f);
	free(f);
}

/* Only a system administrator over the whole tree adds a version; a rating needs a role that
 * edits; a cell out of sight does not exist (ERR_NOTFOUND), and only cells are rated. */
static void test_emulation_permissions_and_scope(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	static const char *const one[] = {"A"};
	static const int met4[] = {1, 1, 1, 1};
	struct emulation_in in;
	struct actor admin, other, viewer;
	struct emu_seen *seen = calloc(1, sizeof *seen);
	int version = 0;
	enum role roles[] = {ROLE_ORG_ADMIN, ROLE_CLERK, ROLE_VIEWER};
	size_t k;

	(void)state;
	emu_tree(f);
	memset(&in, 0, sizeof in);
	in.code = "chi-bo-4-tot";
	in.name = "x";
	in.criteria = one;
	in.ncriteria = 1;
	in.required = 1;
	in.from = D("2026-01-01");
	memset(&admin, 0, sizeof admin);
	strcpy(admin.name, "account:admin");
	admin.account_id = 7;
	for (k = 0; k < sizeof roles / sizeof roles[0]; k++) {
		admin.role = roles[k];
		assert_int_equal(app_emulation_add(f->a, &admin, &in, &version, &f->e), ERR_DENIED);
		assert_true(has_text(&f->e, "only a system administrator"));
		err_clear(&f->e);
	}
	/* A system administrator's role held on a subtree is not the whole tree. */
	admin.role = ROLE_SYS_ADMIN;
	strcpy(admin.scope_code, "G");
	assert_int_equal(app_emulation_add(f->a, &admin, &in, &version, &f->e), ERR_DENIED);
	err_clear(&f->e);
	admin.scope_code[0] = 0;
	assert_int_equal(app_emulation_add(f->a, &admin, &in, &version, &f->e), ERR_OK);
	assert_int_equal(version, 2);
	/* A clerk of OTHER: C1 does not exist for them. */
	memset(&other, 0, sizeof other);
	strcpy(other.name, "account:other");
	strcpy(other.scope_code, "OTHER");
	other.role = ROLE_CLERK;
	other.account_id = 8;
	assert_int_equal(app_emulation_rate(f->a, &other, "C1", "chi-bo-4-tot", 2025, met4, 4, NULL,
					    &f->e), ERR_NOTFOUND);
	assert_true(has_text(&f->e, "no organisation has the code 'C1'"));
	err_clear(&f->e);
	assert_int_equal(app_emulation_ratings(f->a, &other, "C1", 0, emu_collect, seen, &f->e),
			 ERR_NOTFOUND);
	err_clear(&f->e);
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2025, met4, 4,
					    NULL, &f->e), ERR_OK);
	assert_int_equal(app_emulation_ratings(f->a, &other, "", 0, emu_collect, seen, &f->e),
			 ERR_OK);
	assert_int_equal(seen->n, 0); /* C1's rating is not in OTHER's subtree */
	assert_int_equal(app_emulation_rate(f->a, &other, "OC", "chi-bo-4-tot", 2025, met4, 4, NULL,
					    &f->e), ERR_OK);
	/* A viewer rates nothing; a grassroots committee is not a cell; an unknown model. */
	viewer = other;
	viewer.role = ROLE_VIEWER;
	assert_int_equal(app_emulation_rate(f->a, &viewer, "OC", "chi-bo-4-tot", 2025, met4, 4, NULL,
					    &f->e), ERR_DENIED);
	err_clear(&f->e);
	assert_int_equal(app_emulation_rate(f->a, &f->root, "G", "chi-bo-4-tot", 2025, met4, 4,
					    NULL, &f->e), ERR_INPUT);
	assert_true(has_text(&f->e, "not a cell"));
	err_clear(&f->e);
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "no-such", 2025, met4, 4, NULL,
					    &f->e), ERR_NOTFOUND);
	assert_true(field_is(&f->e, "model"));
	err_clear(&f->e);
	assert_int_equal(app_emulation_rate(f->a, &f->root, "C1", "chi-bo-4-tot", 2027, met4, 4,
					    NULL, &f->e), ERR_INPUT);
	assert_true(field_is(&f->e, "year"));
	err_clear(&f->e);
	free(seen);
	emu_done(f);
	free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_R_REVIEW_DATES),
		cmocka_unit_test(test_R_REVIEW_SCORE_bands),
		cmocka_unit_test(test_R_REVIEW_EXCELLENT_QUOTA_boundary),
		cmocka_unit_test(test_R_REVIEW_DISCIPLINED_MEMBER),
		cmocka_unit_test(test_R_REVIEW_ORG_EXCELLENT),
		cmocka_unit_test(test_R_REVIEW_ORG_NOT_COMPLETE),
		cmocka_unit_test(test_R_DISCIPLINE_FORMS),
		cmocka_unit_test(test_fig_blob_round_trip),
		cmocka_unit_test_setup_teardown(test_seed_figures, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_seed_figures_in_csv_and_json, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_R_REVIEW_EXCELLENT_QUOTA_batch_all_or_nothing,
						fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_figures_exact_after_changes, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_member_transferred_mid_year, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_discipline_then_reviews, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_revision_keeps_history, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_report_scoped, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_records_behind_org_figures, fixture, fixture_end),
		cmocka_unit_test(test_emulation_version_applied_by_year),
		cmocka_unit_test(test_emulation_add_validation),
		cmocka_unit_test(test_emulation_permissions_and_scope),
		cmocka_unit_test_setup_teardown(test_import_spans_chunks, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_import_quota_in_a_later_chunk, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_import_twice_in_a_later_chunk, fixture, fixture_end),
		cmocka_unit_test_setup_teardown(test_import_malformed_in_a_later_chunk, fixture,
						fixture_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
