/* page_report.c - the figures of an organisation's subtree (DOMAIN §11): GET
 * /orgs/{code}/report shows every table of app_report with each count linked to the records
 * behind it, a chart where the table asks for one, a year selector and the same report as CSV
 * and XLSX (GET /orgs/{code}/report.csv, .xlsx); GET /orgs/{code}/report/members and
 * /report/orgs list the records behind one figure, a page at a time. Printed, the report is an A4 document naming
 * the organisation, the date, the year and who printed it when. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app/app_adm_fig.h"
#include "../app/report_out.h"
#include "pages.h"
#include "svg.h"

/* ---- reading the query --------------------------------------------------------------- */

/* The year and date of the report from the query (year 0: the year of the date). Returns 0,
 * or -1 after answering 400. */
static int report_args(struct req *r, int *year, date_t *as_of)
{
	const char *s = req_query(r, "as_of"), *why = NULL;
	int y, m, d;

	date_to_ymd(r->app->today, &y, &m, &d);
	*as_of = DATE_NONE;
	/* Without a year: the last one with decided reviews, not an empty year begun. */
	*year = (int)req_query_long(r, "year", APP_REPORT_LAST_DECIDED, 1930, y);
	if (s && s[0] && date_parse(s, as_of, &why))
		err_add(&r->e, ERR_USAGE, 0, "as_of", s, NULL, "%s is not a date (YYYY-MM-DD): %s",
			s, why ? why : "not a date");
	if (r->e.code) {
		web_fail(r);
		return -1;
	}
	return 0;
}

/* The report of the path's organisation, as the query asks: 0, or -1 after answering the
 * error page (404 outside the user's subtree). rep is cleaned up on failure. */
static int report_get(struct req *r, struct report *rep)
{
	int year;
	date_t as_of;

	report_init(rep);
	if (report_args(r, &year, &as_of))
		return -1;
	if (app_report(r->app, &r->actor, r->pathv[0], year, as_of, rep, &r->e)) {
		report_cleanup(rep);
		web_fail(r);
		return -1;
	}
	return 0;
}

/* ---- the report in the request's language ---------------------------------------------- */

/* Copy s over dst (n bytes; s may be dst), cut at a character boundary when too long. */
static void copy_utf8(char *dst, size_t n, const char *s)
{
	size_t len = strlen(s);

	if (len >= n) {
		len = n - 1;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memmove(dst, s, len);
	dst[len] = 0;
}

/* A label in place: the catalogue's text, or for the bands of ages and seniority ("under 30",
 * "60 and over") the words translated around the number. */
static void tr_label(const struct req *r, char *s, size_t n)
{
	char tmp[REPORT_LABEL_MAX * 2];
	const char *end = strstr(s, " and over");

	if (!strncmp(s, "under ", 6) && s[6] >= '0' && s[6] <= '9')
		snprintf(tmp, sizeof tmp, "%s %s", _(r, "under"), s + 6);
	else if (end && !end[9] && s[0] >= '0' && s[0] <= '9')
		snprintf(tmp, sizeof tmp, "%.*s %s", (int)(end - s), s, _(r, "and over"));
	else
		snprintf(tmp, sizeof tmp, "%s", web_tr(r, s));
	copy_utf8(s, n, tmp);
}

/* A table's note: the text translated, a rule named in parentheses at its end kept. */
static void tr_note(const struct req *r, char *s, size_t n)
{
	char tmp[REPORT_LABEL_MAX * 4], head[REPORT_LABEL_MAX * 2];
	const char *rule = strstr(s, " (R-");

	if (!s[0])
		return;
	if (!rule) {
		copy_utf8(s, n, web_tr(r, s));
		return;
	}
	snprintf(head, sizeof head, "%.*s", (int)(rule - s), s);
	snprintf(tmp, sizeof tmp, "%s%s", web_tr(r, head), rule);
	copy_utf8(s, n, tmp);
}

/* Put the report's English titles, notes and labels in the request's language. Names are left
 * as they are: organisations (the rows of reviews_by_suborg), years (review_trend),
 * documents (study_coverage) and ethnicities (all but "not given"). Keys and filters never change. */
static void report_translate(const struct req *r, struct report *rep)
{
	size_t i, k;

	for (i = 0; i < rep->n; i++) {
		struct report_table *t = &rep->t[i];
		int names = !strcmp(t->name, "reviews_by_suborg") || !strcmp(t->name, "review_trend") ||
			    !strcmp(t->name, "study_coverage");
		int ethnic = !strcmp(t->name, "members_by_ethnicity");

		copy_utf8(t->title, sizeof t->title, web_tr(r, t->title));
		tr_note(r, t->note, sizeof t->note);
		for (k = 0; k < t->ncol; k++)
			copy_utf8(t->col_label[k], sizeof t->col_label[k], web_tr(r, t->col_label[k]));
		for (k = 0; k < t->nrow && !names; k++)
			if (!ethnic || !strcmp(t->rows[k].label, "not given"))
				tr_label(r, t->rows[k].label, sizeof t->rows[k].label);
	}
}

/* svg_chart's translator has no request: the one being answered by this thread. */
static __thread const struct req *tl_req;

static const char *chart_tr(const char *msgid)
{
	return tl_req ? web_tr(tl_req, msgid) : msgid;
}

/* ---- the page ------------------------------------------------------------------------ */

/* The URL of the page listing the records behind cell k of row w (members, or organisations
 * for the tables of organisations), into b. Returns 0 when the figure has nothing to list: a
 * zero, a total, or a report as of a past date (the lists are of today). In a matrix of grades (members' grades by
 * sub-organisation or by year) the row says where or when and the column the grade. */
static int behind_url(const struct req *r, const struct report *rep,
		      const struct report_table *t, const struct report_row *w, size_t k,
		      struct buf *b)
{
	const char *org = rep->org_code, *filter = w->filter;
	const char *records = report_row_records(w);
	const char *list = !strcmp(records, "organisations") ? "/report/orgs?filter="
			   : !strcmp(records, "cases")       ? "/report/cases?filter="
							     : "/report/members?filter=";
	char grade[REPORT_NAME_MAX + 8];
	long year = rep->year;

	if (!strcmp(records, "study")) {
		/* The organisations that have not studied the document yet, on its coverage
		 * page (today's, as the figure is), when some have not: study_missing=ID,CODE
		 * (the id is digits, made by app_report). */
		const char *id = filter + strlen("study_missing="), *code = strchr(id, ',');

		if (w->c[k].count >= w->c[k].base || !code)
			return 0;
		buf_adds(b, "/documents/");
		buf_add(b, id, (size_t)(code - id));
		buf_adds(b, "/coverage?org=");
		web_url_arg(b, code + 1);
		buf_adds(b, "&missing=1#cov-orgs-table");
		return 1;
	}
	if (w->c[k].count <= 0 || rep->as_of != r->app->today)
		return 0;
	if (!strcmp(records, "training")) {
		/* The organisation's training records of the year (the personnel right). */
		buf_adds(b, "/orgs/");
		web_url_arg(b, org);
		buf_printf(b, "/training?year=%ld&kind=", year);
		web_url_arg(b, filter + strlen("training_kind="));
		return 1;
	}
	if (!strcmp(records, "cadres")) {
		/* The vacancy report showing one state (of the report's date, today here), or the
		 * rotations of the year to one kind of area. */
		buf_adds(b, "/orgs/");
		web_url_arg(b, org);
		if (!strncmp(filter, "cadre_state=", 12)) {
			buf_adds(b, "/vacancies?state=");
			web_url_arg(b, filter + 12);
		} else if (!strncmp(filter, "cadre_rotation=", 15)) {
			buf_printf(b, "/rotations?year=%ld&area=", year);
			web_url_arg(b, filter + 15);
		} else {
			return 0;
		}
		return 1;
	}
	if (!strcmp(records, "plan")) {
		/* The organisation's succession plan (the personnel right). */
		buf_adds(b, "/orgs/");
		web_url_arg(b, org);
		buf_adds(b, "/plan");
		return 1;
	}
	if (!strcmp(records, "inspection")) {
		/* The inspection report's records of the year (the inspection right). */
		buf_adds(b, "/orgs/");
		web_url_arg(b, org);
		buf_printf(b, "/inspection-report/list?from=%ld-01-01&to=", year);
		{
			char d[DATE_STR];
			date_t end = date_from_ymd((int)year, 12, 31);

			buf_adds(b, date_format(end < r->app->today ? end : r->app->today, d));
		}
		buf_adds(b, "&");
		buf_adds(b, filter);
		return 1;
	}
	if (!strcmp(records, "meetings")) {
		/* The meeting figures' page of the year, showing the cells or members. */
		buf_adds(b, "/orgs/");
		web_url_arg(b, org);
		buf_printf(b, "/meetings/figures?from=%ld-01-01&to=%ld-12-31&show=", year, year);
		web_url_arg(b, filter + strlen("meet_show="));
		buf_adds(b, "#behind");
		return 1;
	}
	if (t->ncol > 1) {
		if (grade_parse(t->col[k]) < 0)
			return 0;
		if (!strncmp(filter, "org=", 4) && filter[4]) {
			org = filter + 4;
		} else if (!strncmp(filter, "year=", 5)) {
			char *end;

			year = strtol(filter + 5, &end, 10);
			if (*end || year < 1930)
				return 0;
		} else if (filter[0]) {
			return 0;
		}
		snprintf(grade, sizeof grade, "grade=%s", t->col[k]);
		filter = grade;
	} else if (!filter[0]) {
		return 0;
	}
	buf_adds(b, "/orgs/");
	web_url_arg(b, org);
	buf_adds(b, list);
	web_url_arg(b, filter);
	buf_printf(b, "&year=%ld", year);
	return 1;
}

static void count_cell(struct req *r, const struct report *rep, const struct report_table *t,
		       const struct report_row *w, size_t k)
{
	struct buf url;

	buf_init(&url, 0);
	H(r, "<td class=\"n\">");
	if (behind_url(r, rep, t, w, k, &url)) {
		H(r, "<a href=\"");
		A(r, buf_str(&url));
		H(r, "\">");
		Q(r, w->c[k].count);
		H(r, "</a>");
	} else {
		Q(r, w->c[k].count);
	}
	/* the study's figures are read as "studied of those that must" */
	if (!strcmp(t->name, "study_coverage")) {
		H(r, " / ");
		Q(r, w->c[k].base);
	}
	H(r, "</td><td class=\"n\">");
	web_pct(r, w->c[k].count, w->c[k].base);
	H(r, "</td>");
	buf_cleanup(&url);
}

/* The records behind a figure of a chart (svg_link_fn): what behind_url says. */
struct chart_links {
	const struct req *r;
	const struct report *rep;
	const struct report_table *t;
};

static int chart_link(void *ctx, const struct report_row *w, size_t k, struct buf *url)
{
	const struct chart_links *l = ctx;

	return behind_url(l->r, l->rep, l->t, w, k, url);
}

/* Whether a row has no figure at all: a year of the trend before anything was decided. */
static int row_empty(const struct report_table *t, const struct report_row *w)
{
	size_t k;

	for (k = 0; k < t->ncol; k++)
		if (w->c[k].count)
			return 0;
	return 1;
}

/* Whether a table of the year's reviews has nothing decided in the year. */
static int reviews_empty(const struct report_table *t)
{
	const struct report_row *w = report_row_find(t, "reviewed");
	size_t i;

	if (w)
		return w->c[0].count == 0;
	if (strcmp(t->name, "reviews_by_suborg"))
		return 0;
	for (i = 0; i < t->nrow; i++)
		if (!row_empty(t, &t->rows[i]))
			return 0;
	return 1;
}

/* Under the study table, each document's party committees in words: "all have studied it
 * (100%)" only when every one has (docs/study.md), else how many of them. */
static void committees_said(struct req *r, const struct report_table *t)
{
	size_t i;

	H(r, "<ul class=\"note\" id=\"study-committees\">");
	for (i = 0; i < t->nrow; i++) {
		const struct report_row *w = &t->rows[i];

		if (w->c[0].base <= 0)
			continue;
		H(r, "<li data-key=\"");
		A(r, w->key);
		H(r, "\">");
		T(r, w->label);
		H(r, ": ");
		if (w->c[0].count == w->c[0].base) {
			TR(r, "All party committees have studied it");
			H(r, " (100%)");
		} else {
			TR(r, "Party committees");
			H(r, " ");
			N(r, w->c[0].count);
			H(r, " / ");
			N(r, w->c[0].base);
			H(r, " ");
			TR(r, "have studied it");
		}
		H(r, "</li>");
	}
	H(r, "</ul>\n");
}

/* One table of the report, whole whatever its size (a printed report is what an office
 * files): label, count and percentage of each column, the note, the chart. A year of the
 * trend without figures and a table of reviews with none decided in the year say "no data
 * yet" rather than show zeros as a fall. */
static void table_html(struct req *r, const struct report *rep, const struct report_table *t)
{
	size_t i, k;

	H(r, "<section class=\"rtable");
	if (t->ncol == 1)
		H(r, " narrow");
	H(r, "\" id=\"t-");
	A(r, t->name);
	H(r, "\"><h2>");
	T(r, t->title);
	H(r, "</h2>\n");
	if (!t->nrow) {
		H(r, "<p class=\"note\">");
		TR(r, "Nothing to count here.");
		H(r, "</p></section>\n");
		return;
	}
	H(r, "<table class=\"report\" tabindex=\"0\"><thead><tr><td></td>");
	for (k = 0; k < t->ncol; k++) {
		H(r, "<th scope=\"col\" class=\"n\">");
		if (t->ncol == 1)
			TR(r, "Number");
		else
			T(r, t->col_label[k]);
		H(r, "</th><th scope=\"col\" class=\"n\">%</th>");
	}
	H(r, "</tr></thead><tbody>\n");
	for (i = 0; i < t->nrow; i++) {
		const struct report_row *w = &t->rows[i];

		H(r, "<tr data-key=\"");
		A(r, w->key);
		H(r, "\"><th scope=\"row\">");
		T(r, w->label);
		H(r, "</th>");
		if (t->chart == RC_TREND && row_empty(t, w)) {
			H(r, "<td class=\"nodata\" colspan=\"");
			N(r, 2 * t->ncol);
			H(r, "\">");
			TR(r, "no data yet");
			H(r, "</td>");
		} else {
			for (k = 0; k < t->ncol; k++)
				count_cell(r, rep, t, w, k);
		}
		H(r, "</tr>\n");
	}
	H(r, "</tbody></table>\n");
	if (!strcmp(t->name, "study_coverage"))
		committees_said(r, t);
	if (reviews_empty(t)) {
		H(r, "<p class=\"note nodata\">");
		TR(r, "No decided review in this year: no data yet.");
		H(r, "</p>\n");
	}
	if (t->note[0]) {
		H(r, "<p class=\"note\">");
		T(r, t->note);
		H(r, "</p>\n");
	}
	/* A chart keeps its 12 px text on a phone and scrolls in its box; its bars link to
	 * their records as the table's counts do. */
	if (t->chart != RC_NONE && !reviews_empty(t)) {
		struct chart_links l = {r, rep, t};

		H(r, "<div class=\"chart-box\">");
		svg_chart_linked(&r->out, t, chart_tr, 640, 320, chart_link, &l);
		H(r, "</div>\n");
	}
	H(r, "</section>\n");
}

/* A download link of the report in format ext with the query of the page. */
static void download_link(struct req *r, const struct report *rep, const char *ext,
			  const char *id, const char *label)
{
	const char *as_of = req_query(r, "as_of");

	H(r, "<a class=\"action\" id=\"");
	A(r, id);
	H(r, "\" href=\"/orgs/");
	U(r, rep->org_code);
	H(r, "/report.");
	A(r, ext);
	H(r, "?year=");
	N(r, rep->year);
	if (as_of && as_of[0]) {
		H(r, "&amp;as_of=");
		U(r, as_of);
	}
	H(r, "\" download>");
	T(r, label);
	H(r, "</a> ");
}

/* The line that runs at the head of every printed page: the organisation, the year, the date
 * of the figures, who printed the report and when. */
static void running_head(struct req *r, const struct report *rep)
{
	H(r, "<div class=\"run\"><b>");
	T(r, rep->org_name);
	H(r, "</b> (");
	T(r, rep->org_code);
	H(r, ") · ");
	TR(r, "Review year");
	H(r, " ");
	N(r, rep->year);
	H(r, " · ");
	TR(r, "Members as of");
	H(r, " ");
	D(r, rep->as_of);
	H(r, "</div>");
}

/* 2026-11-23T08:05:00Z as 2026-11-23 08:05 UTC */
static void made_at(struct req *r, const struct report *rep)
{
	if (strlen(rep->made_at) >= 16) {
		char when[24];

		snprintf(when, sizeof when, "%.10s %.5s UTC", rep->made_at, rep->made_at + 11);
		T(r, when);
	}
}

/* GET /orgs/{code}/report?year=&as_of=&print=1: every table whole (the page and its print
 * are the same document); print=1 leaves out the controls, for a page to print as it is. On
 * paper a running head and foot repeat on every page (the frame's thead and tfoot) and the
 * stylesheet numbers the pages. */
void web_report(struct req *r)
{
	struct report rep;
	struct buf title;
	size_t i;
	int print = req_query(r, "print") != NULL;

	if (report_get(r, &rep))
		return;
	if (app_report_download(r->app, &r->actor, &rep, "xlsx", &r->e)) {
		report_cleanup(&rep);
		web_fail(r);
		return;
	}
	report_translate(r, &rep);
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Report of figures"), rep.org_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, rep.org_code, _(r, "Report of figures"));
	H(r, "<p class=\"actions\">");
	if (!print) {
		download_link(r, &rep, "csv", "csv", _(r, "Download CSV"));
		download_link(r, &rep, "xlsx", "xlsx", _(r, "Download XLSX (to print)"));
		H(r, "<a class=\"action\" id=\"print\" href=\"/orgs/");
		U(r, rep.org_code);
		H(r, "/report?year=");
		N(r, rep.year);
		if (req_query(r, "as_of") && req_query(r, "as_of")[0]) {
			H(r, "&amp;as_of=");
			U(r, req_query(r, "as_of"));
		}
		H(r, "&amp;print=1\">");
		TR(r, "Page to print");
		H(r, "</a> ");
	} else {
		H(r, "<a class=\"action\" href=\"/orgs/");
		U(r, rep.org_code);
		H(r, "/report?year=");
		N(r, rep.year);
		H(r, "\">");
		TR(r, "Back to the report");
		H(r, "</a> ");
	}
	H(r, "<a class=\"action\" href=\"/orgs/");
	U(r, rep.org_code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a></p>\n");
	if (!print) {
		H(r, "<form class=\"inline\" method=\"get\" id=\"report-year\" action=\"/orgs/");
		A(r, rep.org_code);
		H(r, "/report\"><label for=\"year\">");
		TR(r, "Review year");
		H(r, "</label><select id=\"year\" name=\"year\">");
		web_year_options(r, rep.year);
		H(r, "</select><label for=\"as_of\">");
		TR(r, "Members as of");
		H(r, "</label><input id=\"as_of\" name=\"as_of\" type=\"date\" value=\"");
		A(r, req_query(r, "as_of") ? req_query(r, "as_of") : "");
		H(r, "\"><button>");
		TR(r, "Show");
		H(r, "</button></form>\n");
	}
	H(r, "<dl class=\"record\" id=\"report-facts\"><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd id=\"report-org\">");
	T(r, rep.org_name);
	H(r, " (<code>");
	T(r, rep.org_code);
	H(r, "</code>)</dd><dt>");
	TR(r, "Members as of");
	H(r, "</dt><dd id=\"report-as-of\">");
	D(r, rep.as_of);
	H(r, "</dd><dt>");
	TR(r, "Review year");
	H(r, "</dt><dd id=\"report-year-shown\">");
	N(r, rep.year);
	H(r, "</dd><dt>");
	TR(r, "Printed by");
	H(r, "</dt><dd id=\"printed\">");
	T(r, rep.made_by);
	H(r, " ");
	TR(r, "at");
	H(r, " ");
	made_at(r, &rep);
	H(r, "</dd></dl>\n");
	if (rep.as_of != r->app->today) {
		H(r, "<p class=\"note\">");
		TR(r, "Figures as of a past date are counted from the history; the lists behind "
		      "them are of today's rolls, so the counts are not linked.");
		H(r, "</p>\n");
	}
	/* The frame of the printed pages: its head and foot repeat on each. */
	H(r, "<table class=\"print-frame\" role=\"presentation\"><thead><tr><td>");
	running_head(r, &rep);
	H(r, "</td></tr></thead><tbody><tr><td>\n");
	tl_req = r;
	for (i = 0; i < rep.n; i++)
		table_html(r, &rep, &rep.t[i]);
	tl_req = NULL;
	H(r, "</td></tr></tbody><tfoot><tr><td><div class=\"run\">cadre · ");
	T(r, rep.org_code);
	H(r, " · ");
	TR(r, "Printed by");
	H(r, " ");
	T(r, rep.made_by);
	H(r, " ");
	TR(r, "at");
	H(r, " ");
	made_at(r, &rep);
	H(r, "</div></td></tr></tfoot></table>\n");
	report_cleanup(&rep);
	page_end(r);
}

/* ---- downloads --------------------------------------------------------------------------- */

/* Answer the len bytes of the file open at fd as a download named "report-CODE-YEAR.ext":
 * the server sends it from the disk and closes fd. */
static void send_file(struct req *r, const struct report *rep, int fd, off_t len,
		      const char *ctype, const char *ext)
{
	struct buf d;
	char code[sizeof rep->org_code];
	size_t i;

	/* Only safe characters in a header's quoted file name. */
	snprintf(code, sizeof code, "%s", rep->org_code);
	for (i = 0; code[i]; i++)
		if (!((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= 'a' && code[i] <= 'z') ||
		      (code[i] >= '0' && code[i] <= '9') || code[i] == '-' || code[i] == '_'))
			code[i] = '_';
	lseek(fd, 0, SEEK_SET);
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = ctype;
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"report-%s-%d.%s\"", code, rep->year, ext);
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
}

/* GET /orgs/{code}/report.csv: the report as report_csv writes it (for programs: the labels
 * stay in English, as from the command line and the API). */
void web_report_csv(struct req *r)
{
	struct report rep;
	FILE *f;
	off_t len = -1;
	int fd = -1;

	if (report_get(r, &rep))
		return;
	if (app_report_download(r->app, &r->actor, &rep, "csv", &r->e)) {
		report_cleanup(&rep);
		web_fail(r);
		return;
	}
	f = tmpfile();
	if (!f || report_csv(&rep, f) || fflush(f) || (len = ftello(f)) < 0 ||
	    (fd = dup(fileno(f))) < 0)
		err_set(&r->e, ERR_STORAGE, "cannot write the report to a temporary file: %s",
			strerror(errno));
	if (f)
		fclose(f);
	if (r->e.code) {
		report_cleanup(&rep);
		web_fail(r);
		return;
	}
	send_file(r, &rep, fd, len, "text/csv; charset=utf-8", "csv");
	report_cleanup(&rep);
}

/* GET /orgs/{code}/report.xlsx: the workbook to print, in the request's language. It is
 * written into a private temporary directory, opened, and unlinked before it is sent, so
 * nothing is left behind whatever happens to the connection. */
void web_report_xlsx(struct req *r)
{
	struct report rep;
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[560];
	struct stat st;
	int fd = -1;

	memset(&st, 0, sizeof st);
	if (report_get(r, &rep))
		return;
	if (app_report_download(r->app, &r->actor, &rep, "xlsx", &r->e)) {
		report_cleanup(&rep);
		web_fail(r);
		return;
	}
	report_translate(r, &rep);
	snprintf(dir, sizeof dir, "%s/cadre-report-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary directory for the workbook: %s",
			strerror(errno));
	} else {
		snprintf(path, sizeof path, "%s/report.xlsx", dir);
		if (!report_xlsx(&rep, path, &r->e) &&
		    ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st)))
			err_set(&r->e, ERR_STORAGE, "cannot read the workbook back: %s",
				strerror(errno));
		unlink(path);
		rmdir(dir);
	}
	if (r->e.code) {
		if (fd >= 0)
			close(fd);
		report_cleanup(&rep);
		web_fail(r);
		return;
	}
	send_file(r, &rep, fd, st.st_size,
		  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");
	report_cleanup(&rep);
}

/* ---- the records behind a figure ---------------------------------------------------------- */

/* The stage's label, as the report's table admission_stages shows it (an English message
 * id). */
static const char *web_adm_stage_label(const char *stage)
{
	static const char *const labels[AST__COUNT] = {
		N_("listed candidates"), N_("awareness class passed"), N_("application made"),
		N_("personal history verified"), N_("voted for by the cell"),
		N_("voted for by the grassroots committee"), N_("admission decided, ceremony due"),
		N_("on probation"), N_("referred to the committee above"),
		N_("recognised as official"), N_("removed from the rolls"), N_("withdrawn"),
		N_("refused by the committee above")};
	int k = adm_stage_parse(stage);

	return k >= 0 ? labels[k] : stage;
}

/* A candidate's source in words (an English message id). */
static const char *web_adm_source_label(const char *source)
{
	static const char *const labels[ASRC__COUNT] = {
		N_("outstanding soldier"), N_("squad leader"), N_("Youth Union member"),
		N_("other source")};
	int k = adm_source_parse(source);

	return k >= 0 ? labels[k] : source;
}

/* What a filter of a report row selects, in words. */
static void filter_text(struct req *r, const char *filter)
{
	const char *eq = strchr(filter, '=');
	const char *v = eq ? eq + 1 : "";
	size_t nl = eq ? (size_t)(eq - filter) : strlen(filter);
	enum member_status st;
	int g;

#define IS(s) (nl == sizeof(s) - 1 && !strncmp(filter, s, nl))
	if (!filter[0]) {
		TR(r, "All members on the rolls");
	} else if (IS("status") && !member_status_parse(v, &st)) {
		TR(r, "Status");
		H(r, ": ");
		T(r, web_status_label(r, st));
	} else if (IS("grade")) {
		TR(r, "Grade decided");
		H(r, ": ");
		if ((g = grade_parse(v)) >= 0)
			T(r, web_grade_label(r, (enum grade)g));
		else if (!strcmp(v, "good_or_better"))
			TR(r, "good or better");
		else if (!strcmp(v, "none"))
			TR(r, "not yet decided");
		else
			T(r, v);
	} else if (IS("category") || IS("sex")) {
		T(r, IS("sex") ? _(r, "Sex") : _(r, "Category"));
		H(r, ": ");
		if (v[0])
			T(r, web_word(r, v));
		else
			TR(r, "not given");
	} else if (IS("ethnicity")) {
		TR(r, "Ethnicity");
		H(r, ": ");
		T(r, !strcmp(v, "not given") ? _(r, "not given") : v);
	} else if (IS("age") || IS("seniority")) {
		T(r, IS("age") ? _(r, "Age") : _(r, "Party seniority"));
		H(r, ": ");
		T(r, v);
		H(r, " ");
		TR(r, "years");
	} else if (IS("admitted")) {
		TR(r, "Admitted in");
		H(r, " ");
		T(r, v);
	} else if (IS("adm_stage")) {
		TR(r, "Admission cases at the stage");
		H(r, ": ");
		T(r, web_tr(r, web_adm_stage_label(v)));
	} else if (IS("adm_source")) {
		TR(r, "Candidates from");
		H(r, ": ");
		T(r, web_tr(r, web_adm_source_label(v)));
	} else if (IS("adm_class") || IS("adm_on_time") || IS("adm_late") || IS("adm_failed") ||
		   IS("adm_removed")) {
		T(r, IS("adm_class")     ? _(r, "Awareness classes passed in")
		     : IS("adm_on_time") ? _(r, "Recognised as official on time in")
		     : IS("adm_late")    ? _(r, "Recognised as official late in")
		     : IS("adm_failed")  ? _(r, "Failed recognition votes in")
					 : _(r, "Probationers removed from the rolls in"));
		H(r, " ");
		T(r, v);
	} else if (IS("probationers")) {
		TR(r, "Probationary members at the end of");
		H(r, " ");
		T(r, v);
	} else if (IS("on_rolls")) {
		TR(r, "On the rolls on 1 January");
		H(r, " ");
		T(r, v);
	} else if (IS("org_grade") || IS("grassroots_grade")) {
		T(r, IS("org_grade") ? _(r, "Grade of the organisation")
				     : _(r, "Grade of the grassroots organisation"));
		H(r, ": ");
		if ((g = grade_parse(v)) >= 0)
			T(r, web_grade_label(r, (enum grade)g));
		else if (!strcmp(v, "good_or_better"))
			TR(r, "good or better");
		else if (!strcmp(v, "none"))
			TR(r, "not yet decided");
		else
			T(r, v);
	} else if (IS("disciplined")) {
		T(r, !strcmp(v, "org") ? _(r, "Organisations disciplined in the year")
				       : _(r, "Members disciplined in the year"));
	} else if (IS("kind")) {
		TR(r, "Party cells");
	} else if (IS("standing_board")) {
		TR(r, "Cells with a standing board");
	} else if (IS("hosted")) {
		TR(r, "Hosted on temporary transfer");
	} else if (IS("org")) {
		TR(r, "Organisation");
		H(r, ": <code>");
		T(r, v);
		H(r, "</code>");
	} else {
		H(r, "<code>");
		T(r, filter);
		H(r, "</code>");
	}
#undef IS
}

struct behind_ctx {
	struct req *r;
	long n;
};

static int behind_row(void *ctx, const struct member *m)
{
	struct behind_ctx *c = ctx;

	c->n++;
	web_member_row(c->r, m);
	return 0;
}

/* Previous and next links of the list by page number, and where the page is. */
static void page_links(struct req *r, const char *code, const char *what, const char *filter,
		       int year, long page, long pages, long total)
{
	int k;

	H(r, "<nav class=\"pager\">");
	for (k = -1; k <= 1; k += 2) {
		long to = page + k;

		if (to < 1 || to > pages)
			continue;
		if (k > 0)
			H(r, " ");
		H(r, "<a rel=\"");
		T(r, k < 0 ? "prev" : "next");
		H(r, "\" href=\"/orgs/");
		U(r, code);
		H(r, "/report/");
		A(r, what);
		H(r, "?filter=");
		U(r, filter);
		H(r, "&amp;year=");
		N(r, year);
		H(r, "&amp;page=");
		N(r, to);
		H(r, "\">");
		T(r, k < 0 ? _(r, "Previous page") : _(r, "Next page"));
		H(r, "</a>");
		if (k < 0)
			H(r, " ");
	}
	H(r, "<span class=\"count\" id=\"page-of\">");
	TR(r, "Page");
	H(r, " ");
	N(r, page);
	H(r, " / ");
	N(r, pages);
	H(r, " · ");
	Q(r, total);
	H(r, " ");
	T(r, !strcmp(what, "orgs")    ? _(r, "organisations")
	     : !strcmp(what, "cases") ? _(r, "cases")
				      : _(r, "members"));
	H(r, "</span></nav>\n");
}

/* The title and the facts of a list behind a figure. */
static void behind_head(struct req *r, const struct org *o, const char *filter, int year)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "The records behind a figure"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o->code, _(r, "The records behind a figure"));
	H(r, "<dl class=\"record\" id=\"behind-facts\"><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd>");
	web_org_link(r, o->code, o->name);
	H(r, " · <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/report?year=");
	N(r, year);
	H(r, "\">");
	TR(r, "Report of figures");
	H(r, "</a></dd><dt>");
	TR(r, "Figure");
	H(r, "</dt><dd id=\"filter\">");
	filter_text(r, filter);
	H(r, "</dd><dt>");
	TR(r, "Review year");
	H(r, "</dt><dd>");
	N(r, year);
	H(r, "</dd></dl>\n");
}

/* The arguments of a list behind a figure, and its organisation: 0, or -1 after answering
 * the error page. */
static int behind_args(struct req *r, const char **filter, long *page, int *year, struct org *o)
{
	*filter = req_query(r, "filter") ? req_query(r, "filter") : "";
	*page = req_query_long(r, "page", 1, 1, 10000000);
	*year = web_query_year(r);
	if (*page < 0 || *year < 0 || app_org_get(r->app, &r->actor, r->pathv[0], o, &r->e)) {
		web_fail(r);
		return -1;
	}
	return 0;
}

/* A list's failure: a filter made by hand is a bad request, not a missing page. */
static void behind_fail(struct req *r)
{
	if (r->e.code == ERR_INPUT)
		r->e.code = ERR_USAGE;
	web_fail(r);
}

/* GET /orgs/{code}/report/members?filter=&year=&page= */
void web_report_members(struct req *r)
{
	const char *filter;
	struct behind_ctx c = {r, 0};
	struct org o;
	long total = 0, page;
	int year;

	if (behind_args(r, &filter, &page, &year, &o))
		return;
	behind_head(r, &o, filter, year);
	web_member_rows_head(r);
	if (app_report_members(r->app, &r->actor, o.code, year, filter,
			       (page - 1) * WEB_PAGE_ROWS, WEB_PAGE_ROWS, behind_row, &c, &total,
			       &r->e)) {
		behind_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-members\">");
		TR(r, "No member on this page.");
		H(r, "</p>\n");
	}
	page_links(r, o.code, "members", filter, year, page,
		   total ? (total + WEB_PAGE_ROWS - 1) / WEB_PAGE_ROWS : 1, total);
	page_end(r);
}

static int behind_case_row(void *ctx, const struct adm_fig_person *p)
{
	struct behind_ctx *c = ctx;
	struct req *r = c->r;

	c->n++;
	H(r, "<tr><td><a href=\"/admissions/");
	N(r, p->id);
	H(r, "\">");
	T(r, p->full_name);
	H(r, "</a></td><td>");
	web_org_link(r, p->org_code, p->org_name);
	H(r, "</td><td>");
	T(r, web_tr(r, web_adm_stage_label(p->stage)));
	H(r, "</td><td>");
	T(r, web_tr(r, web_adm_source_label(p->source)));
	H(r, "</td><td>");
	D(r, p->listed_on);
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /orgs/{code}/report/cases?filter=&year=&page=: the people of the admission cases
 * behind a figure of the admission tables. */
void web_report_cases(struct req *r)
{
	const char *filter;
	struct behind_ctx c = {r, 0};
	struct org o;
	long total = 0, page;
	int year;

	if (behind_args(r, &filter, &page, &year, &o))
		return;
	behind_head(r, &o, filter, year);
	H(r, "<table class=\"members\" id=\"behind-cases\"><thead><tr><th>");
	TR(r, "Full name");
	H(r, "</th><th>");
	TR(r, "Cell");
	H(r, "</th><th>");
	TR(r, "Stage now");
	H(r, "</th><th>");
	TR(r, "Source");
	H(r, "</th><th>");
	TR(r, "Listed on");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_adm_fig_people(r->app, &r->actor, o.code, year, filter,
			       (page - 1) * WEB_PAGE_ROWS, WEB_PAGE_ROWS, behind_case_row, &c,
			       &total, &r->e)) {
		behind_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-cases\">");
		TR(r, "No case on this page.");
		H(r, "</p>\n");
	}
	page_links(r, o.code, "cases", filter, year, page,
		   total ? (total + WEB_PAGE_ROWS - 1) / WEB_PAGE_ROWS : 1, total);
	page_end(r);
}

static int behind_org_row(void *ctx, const struct org *o)
{
	struct behind_ctx *c = ctx;
	struct req *r = c->r;

	c->n++;
	H(r, "<tr><td>");
	web_org_link(r, o->code, o->name);
	H(r, "</td><td><code>");
	T(r, o->code);
	H(r, "</code></td><td>");
	T(r, web_kind_label(r, o->kind));
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /orgs/{code}/report/orgs?filter=&year=&page= */
void web_report_orgs(struct req *r)
{
	const char *filter;
	struct behind_ctx c = {r, 0};
	struct org o;
	long total = 0, page;
	int year;

	if (behind_args(r, &filter, &page, &year, &o))
		return;
	behind_head(r, &o, filter, year);
	H(r, "<table class=\"orgs\" id=\"behind-orgs\"><thead><tr><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Code");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_report_orgs(r->app, &r->actor, o.code, year, filter, (page - 1) * WEB_PAGE_ROWS,
			    WEB_PAGE_ROWS, behind_org_row, &c, &total, &r->e)) {
		behind_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-orgs\">");
		TR(r, "No organisation on this page.");
		H(r, "</p>\n");
	}
	page_links(r, o.code, "orgs", filter, year, page,
		   total ? (total + WEB_PAGE_ROWS - 1) / WEB_PAGE_ROWS : 1, total);
	page_end(r);
}
