/* test_report.c - the figures of a report as people and programs see them: percentages
 * rounded the same everywhere, the CSV, JSON and XLSX outputs, and the SVG charts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/report_out.h"
#include "core/report.h"
#include "web/svg.h"

/* A label that must be quoted in CSV and escaped in markup. */
#define ODD_LABEL "a, \"b\"\nc"
#define MARKUP_LABEL "<b>&\"'"

/* report_pct_str's text of count/base. */
static const char *pct(long count, long base)
{
	static char s[16];

	report_pct_str(count, base, s, sizeof s);
	return s;
}

static void set_cell(struct report_row *w, size_t k, long count, long base)
{
	w->c[k].count = count;
	w->c[k].base = base;
}

/* A report of two tables: members by status (one column, percentages of 1000 or 2000, a row
 * without a base) and grades by unit (three columns, no bases). */
static void small_report(struct report *r)
{
	static const char *const count[] = {"count"};
	static const char *const grades[] = {"excellent", "good", "poor"};
	struct report_table *t;
	struct report_row *w;

	report_init(r);
	snprintf(r->org_code, sizeof r->org_code, "P01");
	snprintf(r->org_name, sizeof r->org_name, "Đảng bộ Trung đoàn 1");
	r->as_of = date_from_ymd(2025, 6, 30);
	r->year = 2025;
	snprintf(r->made_by, sizeof r->made_by, "admin");
	snprintf(r->made_at, sizeof r->made_at, "2025-07-01T08:00:00Z");
	t = report_table_add(r, "members_by_status", "Members by status", RC_BARS, 1, count, NULL);
	set_cell(report_row_add(t, "official", "official", "status=official"), 0, 227, 1000);
	set_cell(report_row_add(t, "odd", ODD_LABEL, ""), 0, 5, 0);
	set_cell(report_row_add(t, "vn", "Đặng Thị Ánh", ""), 0, 213, 2000);
	t = report_table_add(r, "grades_by_unit", "Grades by unit", RC_STACKED, 3, grades, NULL);
	w = report_row_add(t, "C1", "Chi bộ 1", "org=C1");
	set_cell(w, 0, 2, 0);
	set_cell(w, 1, 5, 0);
	set_cell(w, 2, 1, 0);
	w = report_row_add(t, "C2", MARKUP_LABEL, "org=C2");
	set_cell(w, 0, 0, 0);
	set_cell(w, 1, 3, 0);
	set_cell(w, 2, 4, 0);
}

/* How many times needle occurs in s. */
static size_t count_of(const char *s, const char *needle)
{
	size_t n = 0;

	for (s = strstr(s, needle); s; s = strstr(s + 1, needle))
		n++;
	return n;
}

/* ---- percentages ----------------------------------------------------------------------- */

static void test_pct_rounds_half_up_to_two_decimals(void **state)
{
	(void)state;
	assert_int_equal(report_pct100(227, 1000), 2270);
	assert_string_equal(pct(227, 1000), "22.70");
	assert_string_equal(pct(213, 2000), "10.65");
	assert_string_equal(pct(1, 8), "12.50");
	assert_string_equal(pct(1, 3), "33.33");
	assert_string_equal(pct(2, 3), "66.67");
	assert_string_equal(pct(1, 32), "3.13");    /* 3.125: half goes up */
	assert_string_equal(pct(1, 20000), "0.01"); /* 0.005 */
	assert_string_equal(pct(1, 20001), "0.00"); /* just under half */
	assert_string_equal(pct(0, 7), "0.00");
	assert_string_equal(pct(7, 7), "100.00");
	/* 100% only when every one: 19,999 of 20,000 (99.995) is not rounded up to it */
	assert_int_equal(report_pct100(19999, 20000), 9999);
	assert_string_equal(pct(5599999, 5600000), "99.99");
	assert_string_equal(pct(19998, 20000), "99.99");
	assert_string_equal(pct(3, 2), "150.00");
	assert_string_equal(pct(2000000000L, 3000000000L), "66.67"); /* no overflow */
}

static void test_pct_without_base_is_empty(void **state)
{
	(void)state;
	assert_int_equal(report_pct100(5, 0), -1);
	assert_string_equal(pct(5, 0), "");
	assert_string_equal(pct(0, 0), "");
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void test_csv_is_long_form_quoted_utf8(void **state)
{
	struct report r;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	(void)state;
	small_report(&r);
	assert_int_equal(report_csv(&r, f), 0);
	fclose(f);
	assert_string_equal(text,
			    "table,row_key,row_label,column,count,base,percent\n"
			    "members_by_status,official,official,count,227,1000,22.70\n"
			    "members_by_status,odd,\"a, \"\"b\"\"\nc\",count,5,,\n"
			    "members_by_status,vn,Đặng Thị Ánh,count,213,2000,10.65\n"
			    "grades_by_unit,C1,Chi bộ 1,excellent,2,,\n"
			    "grades_by_unit,C1,Chi bộ 1,good,5,,\n"
			    "grades_by_unit,C1,Chi bộ 1,poor,1,,\n"
			    "grades_by_unit,C2,\"<b>&\"\"'\",excellent,0,,\n"
			    "grades_by_unit,C2,\"<b>&\"\"'\",good,3,,\n"
			    "grades_by_unit,C2,\"<b>&\"\"'\",poor,4,,\n");
	free(text);
	report_cleanup(&r);
}

static void test_csv_reports_a_write_error(void **state)
{
	struct report r;
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f)
		skip();
	small_report(&r);
	assert_int_equal(report_csv(&r, f), -1);
	fclose(f);
	report_cleanup(&r);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *cell_of(json_t *j, const char *table, size_t row, const char *col)
{
	json_t *rows = json_object_get(json_object_get(json_object_get(j, "tables"), table),
				       "rows");

	return json_object_get(json_array_get(rows, row), col);
}

static void test_json_names_and_values(void **state)
{
	struct report r;
	json_t *j, *c;
	char *s;

	(void)state;
	small_report(&r);
	j = report_json(&r);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "org"), "code")),
			    "P01");
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "org"), "name")),
			    "Đảng bộ Trung đoàn 1");
	assert_string_equal(json_string_value(json_object_get(j, "as_of")), "2025-06-30");
	assert_int_equal(json_integer_value(json_object_get(j, "year")), 2025);
	assert_string_equal(json_string_value(json_object_get(j, "made_at")),
			    "2025-07-01T08:00:00Z");
	c = cell_of(j, "members_by_status", 0, "count");
	assert_int_equal(json_integer_value(json_object_get(c, "count")), 227);
	assert_int_equal(json_integer_value(json_object_get(c, "base")), 1000);
	assert_true(json_is_real(json_object_get(c, "percent")));
	assert_true(json_real_value(json_object_get(c, "percent")) == 22.7);
	/* No base: neither base nor percent. */
	c = cell_of(j, "members_by_status", 1, "count");
	assert_int_equal(json_integer_value(json_object_get(c, "count")), 5);
	assert_null(json_object_get(c, "base"));
	assert_null(json_object_get(c, "percent"));
	c = json_array_get(json_object_get(json_object_get(json_object_get(j, "tables"),
							   "grades_by_unit"), "rows"), 1);
	assert_string_equal(json_string_value(json_object_get(c, "label")), MARKUP_LABEL);
	assert_string_equal(json_string_value(json_object_get(c, "filter")), "org=C2");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(c, "poor"), "count")),
			 4);
	/* Dumped with the report's flags, a percentage has its 2 decimals and no more. */
	s = json_dumps(j, JSON_COMPACT | REPORT_JSON_FLAGS);
	assert_non_null(strstr(s, "\"percent\":22.7}"));
	assert_non_null(strstr(s, "\"percent\":10.65}"));
	assert_non_null(strstr(s, "\"columns\":[{\"name\":\"excellent\",\"label\":\"excellent\"}"));
	/* The tables in the report's order. */
	assert_true(strstr(s, "\"members_by_status\"") < strstr(s, "\"grades_by_unit\""));
	free(s);
	json_decref(j);
	report_cleanup(&r);
}

/* ---- XLSX ------------------------------------------------------------------------------ */

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	*len = (size_t)n;
	return s;
}

static void test_xlsx_has_a_sheet_per_table_and_a_summary(void **state)
{
	char dir[] = "/tmp/cadre-test-report-XXXXXX", path[64], name[80];
	struct report r;
	struct err e;
	size_t len, i;
	char *zip;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/r.xlsx", dir);
	small_report(&r);
	err_init(&e);
	assert_int_equal(report_xlsx(&r, path, &e), ERR_OK);
	zip = slurp(path, &len);
	assert_true(len > 2 && !memcmp(zip, "PK", 2));
	/* The names of a zip's members are stored uncompressed. */
	for (i = 1; i <= r.n + 1; i++) {
		snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", i);
		assert_non_null(memmem(zip, len, name, strlen(name)));
	}
	snprintf(name, sizeof name, "xl/worksheets/sheet%zu.xml", r.n + 2);
	assert_null(memmem(zip, len, name, strlen(name)));
	free(zip);
	/* Written beside and renamed: nothing else is left. */
	snprintf(name, sizeof name, "%s.part", path);
	assert_int_equal(access(name, F_OK), -1);
	unlink(path);
	rmdir(dir);
	err_cleanup(&e);
	report_cleanup(&r);
}

static void test_xlsx_in_a_missing_directory_is_an_error(void **state)
{
	struct report r;
	struct err e;

	(void)state;
	small_report(&r);
	err_init(&e);
	assert_int_equal(report_xlsx(&r, "/nonexistent-cadre-dir/r.xlsx", &e), ERR_STORAGE);
	assert_int_equal(e.n, 1);
	assert_non_null(strstr(e.items[0].msg, "/nonexistent-cadre-dir/r.xlsx"));
	assert_non_null(strstr(e.items[0].msg, "directory that exists"));
	err_cleanup(&e);
	report_cleanup(&r);
}

/* ---- SVG ------------------------------------------------------------------------------- */

/* The chart of table name of r, as text (the caller frees). */
static char *chart_of(const struct report *r, const char *name,
		      const char *(*tr)(const char *msgid))
{
	struct buf b;

	buf_init(&b, 0);
	svg_chart(&b, report_find(r, name), tr, 600, 300);
	return buf_steal(&b);
}

static const char *tr_vi(const char *msgid)
{
	return !strcmp(msgid, "Members by status") ? "Đảng viên theo tình trạng" : msgid;
}

static void test_svg_bars(void **state)
{
	struct report r;
	char *s;

	(void)state;
	small_report(&r);
	s = chart_of(&r, "members_by_status", NULL);
	assert_true(!strncmp(s, "<svg ", 5));
	assert_non_null(strstr(s, " role=\"img\" aria-labelledby=\"chart-members_by_status-t "
				  "chart-members_by_status-d\""));
	assert_non_null(strstr(s, " viewBox=\"0 0 600 "));
	assert_non_null(strstr(s, "<title id=\"chart-members_by_status-t\">Members by status"
				  "</title>"));
	assert_non_null(strstr(s, "<desc id=\"chart-members_by_status-d\">official: count 227 "
				  "(22.70%); "));
	assert_int_equal(count_of(s, "<rect class=\"bar "), 3);
	assert_int_equal(count_of(s, "<rect class=\"bar s0\""), 3);
	assert_non_null(strstr(s, ">227 (22.70%)</text>"));
	assert_non_null(strstr(s, ">5</text>"));
	assert_null(strstr(s, "http://www.w3.org/1999/xlink")); /* nothing outside */
	assert_null(strstr(s, "<script"));
	free(s);
	s = chart_of(&r, "members_by_status", tr_vi);
	assert_non_null(strstr(s, ">Đảng viên theo tình trạng</title>"));
	free(s);
	report_cleanup(&r);
}

static void test_svg_stacked_escapes_labels(void **state)
{
	struct report r;
	char *s;

	(void)state;
	small_report(&r);
	s = chart_of(&r, "grades_by_unit", NULL);
	assert_non_null(strstr(s, "class=\"chart chart-stacked\""));
	/* A segment per non-zero cell: 3 + 2. */
	assert_int_equal(count_of(s, "<rect class=\"bar "), 5);
	assert_int_equal(count_of(s, "<pattern "), 3);
	assert_int_equal(count_of(s, "<rect class=\"key "), 3);
	assert_non_null(strstr(s, ">&lt;b&gt;&amp;&quot;&#39;</text>"));
	assert_null(strstr(s, MARKUP_LABEL));
	assert_null(strstr(s, "<b>"));
	/* The segments of a row end where the row's bar ends. */
	assert_non_null(strstr(s, ">8</text>"));
	free(s);
	report_cleanup(&r);
}

static void test_svg_trend_has_a_line_per_column(void **state)
{
	static const char *const cols[] = {"admitted", "left"};
	struct report r;
	struct report_table *t;
	char *s;
	int y;

	(void)state;
	report_init(&r);
	t = report_table_add(&r, "admissions_by_year", "Admissions by year", RC_TREND, 2, cols,
			     NULL);
	for (y = 2021; y <= 2024; y++) {
		char key[16];
		struct report_row *w;

		snprintf(key, sizeof key, "%d", y);
		w = report_row_add(t, key, key, "");
		set_cell(w, 0, y - 2000, 0);
		set_cell(w, 1, 2025 - y, 0);
	}
	s = chart_of(&r, "admissions_by_year", NULL);
	assert_int_equal(count_of(s, "<path class=\"line "), 2);
	assert_int_equal(count_of(s, "<circle "), 8);
	assert_int_equal(count_of(s, "<line class=\"line "), 2); /* the legend */
	assert_int_equal(count_of(s, "stroke-dasharray=\"8 4\""), 2);
	assert_non_null(strstr(s, ">2021</text>"));
	assert_non_null(strstr(s, ">24</text>")); /* the top of the scale */
	assert_null(strstr(s, "<rect class=\"bar "));
	free(s);
	report_cleanup(&r);
}

static void test_svg_none_writes_nothing(void **state)
{
	static const char *const cols[] = {"count"};
	struct report r;
	struct report_table *t;
	char *s;

	(void)state;
	report_init(&r);
	t = report_table_add(&r, "plain", "Plain", RC_NONE, 1, cols, NULL);
	set_cell(report_row_add(t, "a", "a", ""), 0, 1, 0);
	s = chart_of(&r, "plain", NULL);
	assert_string_equal(s, "");
	free(s);
	/* A chart without rows has nothing to draw either. */
	report_table_add(&r, "empty", "Empty", RC_BARS, 1, cols, NULL);
	s = chart_of(&r, "empty", NULL);
	assert_string_equal(s, "");
	free(s);
	report_cleanup(&r);
}

static void test_svg_draws_at_most_60_rows(void **state)
{
	static const char *const cols[] = {"count"};
	struct report r;
	struct report_table *t;
	char *s;
	int i;

	(void)state;
	report_init(&r);
	t = report_table_add(&r, "members_by_org", "Members by organisation", RC_BARS, 1, cols,
			     NULL);
	for (i = 0; i < 100; i++) {
		char key[16];

		snprintf(key, sizeof key, "O%03d", i);
		set_cell(report_row_add(t, key, key, ""), 0, i, 100);
	}
	s = chart_of(&r, "members_by_org", NULL);
	assert_int_equal(count_of(s, "<rect class=\"bar "), 60);
	assert_non_null(strstr(s, ">O059</text>"));
	assert_null(strstr(s, ">O060</text>"));
	assert_non_null(strstr(s, ">+40 more rows</text>"));
	assert_non_null(strstr(s, "; +90 more rows</desc>")); /* <desc> tells 10 rows */
	free(s);
	report_cleanup(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pct_rounds_half_up_to_two_decimals),
		cmocka_unit_test(test_pct_without_base_is_empty),
		cmocka_unit_test(test_csv_is_long_form_quoted_utf8),
		cmocka_unit_test(test_csv_reports_a_write_error),
		cmocka_unit_test(test_json_names_and_values),
		cmocka_unit_test(test_xlsx_has_a_sheet_per_table_and_a_summary),
		cmocka_unit_test(test_xlsx_in_a_missing_directory_is_an_error),
		cmocka_unit_test(test_svg_bars),
		cmocka_unit_test(test_svg_stacked_escapes_labels),
		cmocka_unit_test(test_svg_trend_has_a_line_per_column),
		cmocka_unit_test(test_svg_none_writes_nothing),
		cmocka_unit_test(test_svg_draws_at_most_60_rows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
