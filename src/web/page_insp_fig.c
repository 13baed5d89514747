/* page_insp_fig.c - seed 004's footnote 7 on the web (docs/inspection.md "The footnote-7
 * report"): GET /orgs/{code}/inspection-report shows the four tables of app_insp_fig for a
 * period (a form to change it), each number linked to the records behind it; print=1 is the
 * A4 document (organisation, period, who printed it when on every page, the pages numbered by
 * the stylesheet); .csv and .xlsx download it. GET /orgs/{code}/inspection-report/list lists
 * the cases, discipline or complaints behind a number, a page at a time, and as CSV/XLSX
 * (list.csv, list.xlsx). All need the inspection right (403 without it). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../app/app_insp_fig.h"
#include "../app/report_out.h"
#include "pages.h"

#define LIST_PAGE 50

/* ?from= ?to= of the page: 0, or -1 after answering 400. */
static int period_args(struct req *r, date_t *from, date_t *to)
{
	const char *names[2] = {"from", "to"};
	date_t *out[2] = {from, to};
	const char *why = NULL;
	int i;

	for (i = 0; i < 2; i++) {
		const char *s = req_query(r, names[i]);

		*out[i] = DATE_NONE;
		if (s && s[0] && date_parse(s, out[i], &why))
			err_add(&r->e, ERR_USAGE, 0, names[i], s, NULL,
				"%s is not a date (YYYY-MM-DD): %s", s, why ? why : "not a date");
	}
	if (r->e.code) {
		web_fail(r);
		return -1;
	}
	return 0;
}

static int report_get(struct req *r, struct insp_report *ir)
{
	date_t from, to;

	memset(ir, 0, sizeof *ir);
	report_init(&ir->r);
	if (period_args(r, &from, &to))
		return -1;
	if (app_insp_fig(r->app, &r->actor, r->pathv[0], from, to, ir, &r->e)) {
		insp_report_cleanup(ir);
		web_fail(r);
		return -1;
	}
	return 0;
}

/* Put dst (n bytes) in the request's language: the catalogue may answer dst itself. */
static void tr_in_place(const struct req *r, char *dst, size_t n)
{
	const char *s = web_tr(r, dst);
	size_t len = strlen(s);

	if (len >= n) { /* cut at a character's boundary */
		len = n - 1;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	memmove(dst, s, len);
	dst[len] = 0;
}

static void translate(const struct req *r, struct report *rep)
{
	size_t i, k;

	for (i = 0; i < rep->n; i++) {
		struct report_table *t = &rep->t[i];

		tr_in_place(r, t->title, sizeof t->title);
		if (t->note[0])
			tr_in_place(r, t->note, sizeof t->note);
		for (k = 0; k < t->ncol; k++)
			tr_in_place(r, t->col_label[k], sizeof t->col_label[k]);
		for (k = 0; k < t->nrow; k++)
			tr_in_place(r, t->rows[k].label, sizeof t->rows[k].label);
	}
}

/* ?from=...&to=... of the report (amp: "&amp;" in markup, "&" in a URL buffer). */
static void period_query(struct buf *b, const struct insp_report *ir, int amp)
{
	char d1[DATE_STR], d2[DATE_STR];

	buf_printf(b, "from=%s%sto=%s", date_format(ir->from, d1), amp ? "&amp;" : "&",
		   date_format(ir->to, d2));
}

static void table_html(struct req *r, const struct insp_report *ir, const struct report_table *t)
{
	struct buf u;
	char q[200];
	size_t i, k;

	buf_init(&u, 0);
	H(r, "<section class=\"rtable\" id=\"t-");
	A(r, t->name);
	H(r, "\"><h2>");
	T(r, t->title);
	H(r, "</h2>\n<table class=\"report\" tabindex=\"0\"><thead><tr><td></td>");
	for (k = 0; k < t->ncol; k++) {
		H(r, "<th scope=\"col\" class=\"n\">");
		T(r, t->col_label[k]);
		H(r, "</th>");
	}
	H(r, "</tr></thead><tbody>\n");
	for (i = 0; i < t->nrow; i++) {
		const struct report_row *w = &t->rows[i];

		H(r, "<tr data-key=\"");
		A(r, w->key);
		H(r, "\"><th scope=\"row\">");
		T(r, w->label);
		H(r, "</th>");
		for (k = 0; k < t->ncol; k++) {
			H(r, "<td class=\"n\" data-col=\"");
			A(r, t->col[k]);
			H(r, "\">");
			if (w->c[k].count) {
				app_insp_fig_cell_filter(t->name, w, t->col[k], q, sizeof q);
				buf_reset(&u);
				buf_adds(&u, "/orgs/");
				web_url_arg(&u, ir->r.org_code);
				buf_adds(&u, "/inspection-report/list?");
				period_query(&u, ir, 0);
				buf_printf(&u, "&%s", q);
				H(r, "<a href=\"");
				A(r, buf_str(&u));
				H(r, "\">");
				Q(r, w->c[k].count);
				H(r, "</a>");
			} else {
				Q(r, 0);
			}
			H(r, "</td>");
		}
		H(r, "</tr>\n");
	}
	H(r, "</tbody></table>\n");
	if (t->note[0]) {
		H(r, "<p class=\"note\">");
		T(r, t->note);
		H(r, "</p>\n");
	}
	H(r, "</section>\n");
	buf_cleanup(&u);
}

static void made_at(struct req *r, const struct report *rep)
{
	if (strlen(rep->made_at) >= 16) {
		char when[24];

		snprintf(when, sizeof when, "%.10s %.5s UTC", rep->made_at, rep->made_at + 11);
		T(r, when);
	}
}

static void running_head(struct req *r, const struct insp_report *ir)
{
	H(r, "<div class=\"run\"><b>");
	T(r, ir->r.org_name);
	H(r, "</b> (");
	T(r, ir->r.org_code);
	H(r, ") · ");
	TR(r, "Inspection report");
	H(r, " · ");
	D(r, ir->from);
	H(r, " – ");
	D(r, ir->to);
	H(r, "</div>");
}

static void link_to(struct req *r, const struct insp_report *ir, const char *path,
		    const char *extra, const char *id, const char *label)
{
	struct buf u;

	buf_init(&u, 0);
	buf_adds(&u, "/orgs/");
	web_url_arg(&u, ir->r.org_code);
	buf_adds(&u, path);
	buf_adds(&u, "?");
	period_query(&u, ir, 0);
	buf_adds(&u, extra);
	H(r, "<a class=\"action\" id=\"");
	A(r, id);
	H(r, "\" href=\"");
	A(r, buf_str(&u));
	H(r, "\">");
	T(r, label);
	H(r, "</a> ");
	buf_cleanup(&u);
}

/* GET /orgs/{code}/inspection-report?from=&to=&print=1 */
void web_insp_report(struct req *r)
{
	struct insp_report ir;
	struct buf title;
	char d[DATE_STR];
	size_t i;
	int print = req_query(r, "print") != NULL;

	if (report_get(r, &ir))
		return;
	translate(r, &ir.r);
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Inspection report"), ir.r.org_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, ir.r.org_code, _(r, "Inspection report"));
	H(r, "<p class=\"actions\">");
	if (!print) {
		link_to(r, &ir, "/inspection-report.csv", "", "csv", _(r, "Download CSV"));
		link_to(r, &ir, "/inspection-report.xlsx", "", "xlsx",
			_(r, "Download XLSX (to print)"));
		link_to(r, &ir, "/inspection-report", "&print=1", "print", _(r, "Page to print"));
	} else {
		link_to(r, &ir, "/inspection-report", "", "back", _(r, "Back to the report"));
	}
	H(r, "<a class=\"action\" href=\"/orgs/");
	U(r, ir.r.org_code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a></p>\n");
	if (!print) {
		H(r, "<form class=\"inline\" method=\"get\" id=\"insp-period\" action=\"/orgs/");
		A(r, ir.r.org_code);
		H(r, "/inspection-report\"><label for=\"from\">");
		TR(r, "From");
		H(r, "</label><input id=\"from\" name=\"from\" type=\"date\" value=\"");
		A(r, date_format(ir.from, d));
		H(r, "\"><label for=\"to\">");
		TR(r, "To");
		H(r, "</label><input id=\"to\" name=\"to\" type=\"date\" value=\"");
		A(r, date_format(ir.to, d));
		H(r, "\"><button>");
		TR(r, "Show");
		H(r, "</button></form>\n");
	}
	H(r, "<dl class=\"record\" id=\"report-facts\"><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd id=\"report-org\">");
	T(r, ir.r.org_name);
	H(r, " (<code>");
	T(r, ir.r.org_code);
	H(r, "</code>)</dd><dt>");
	TR(r, "Period");
	H(r, "</dt><dd id=\"report-period\">");
	D(r, ir.from);
	H(r, " – ");
	D(r, ir.to);
	H(r, "</dd><dt>");
	TR(r, "Printed by");
	H(r, "</dt><dd id=\"printed\">");
	T(r, ir.r.made_by);
	H(r, " ");
	TR(r, "at");
	H(r, " ");
	made_at(r, &ir.r);
	H(r, "</dd></dl>\n");
	H(r, "<table class=\"print-frame\" role=\"presentation\"><thead><tr><td>");
	running_head(r, &ir);
	H(r, "</td></tr></thead><tbody><tr><td>\n");
	for (i = 0; i < ir.r.n; i++)
		table_html(r, &ir, &ir.r.t[i]);
	H(r, "</td></tr></tbody><tfoot><tr><td><div class=\"run\">cadre · ");
	T(r, ir.r.org_code);
	H(r, " · ");
	TR(r, "Printed by");
	H(r, " ");
	T(r, ir.r.made_by);
	H(r, " ");
	TR(r, "at");
	H(r, " ");
	made_at(r, &ir.r);
	H(r, "</div></td></tr></tfoot></table>\n");
	insp_report_cleanup(&ir);
	page_end(r);
}

/* Answer the file open at fd (len bytes) as a download named name. */
static void send_fd(struct req *r, int fd, off_t len, const char *ctype, const char *name)
{
	struct buf d;

	lseek(fd, 0, SEEK_SET);
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = ctype;
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"%s\"", name);
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
}

/* GET /orgs/{code}/inspection-report.csv (labels in English, as for programs) */
void web_insp_report_csv(struct req *r)
{
	struct insp_report ir;
	FILE *f;
	off_t len = -1;
	int fd = -1;

	if (report_get(r, &ir))
		return;
	f = tmpfile();
	if (!f || report_csv(&ir.r, f) || fflush(f) || (len = ftello(f)) < 0 ||
	    (fd = dup(fileno(f))) < 0)
		err_set(&r->e, ERR_STORAGE, "cannot write the report to a temporary file: %s",
			strerror(errno));
	if (f)
		fclose(f);
	insp_report_cleanup(&ir);
	if (r->e.code) {
		web_fail(r);
		return;
	}
	send_fd(r, fd, len, "text/csv; charset=utf-8", "inspection-report.csv");
}

/* GET /orgs/{code}/inspection-report.xlsx (in the request's language) */
void web_insp_report_xlsx(struct req *r)
{
	struct insp_report ir;
	const char *tmp = getenv("TMPDIR");
	char dir[512], path[560];
	struct stat st;
	int fd = -1;

	memset(&st, 0, sizeof st);
	if (report_get(r, &ir))
		return;
	translate(r, &ir.r);
	snprintf(dir, sizeof dir, "%s/cadre-insp-XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary directory for the workbook: %s",
			strerror(errno));
	} else {
		snprintf(path, sizeof path, "%s/report.xlsx", dir);
		if (!report_xlsx(&ir.r, path, &r->e) &&
		    ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0 || fstat(fd, &st)))
			err_set(&r->e, ERR_STORAGE, "cannot read the workbook back: %s",
				strerror(errno));
		unlink(path);
		rmdir(dir);
	}
	insp_report_cleanup(&ir);
	if (r->e.code) {
		if (fd >= 0)
			close(fd);
		web_fail(r);
		return;
	}
	send_fd(r, fd, st.st_size,
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
		"inspection-report.xlsx");
}

/* ---- the records behind a number ------------------------------------------------------ */

static const char *query_param(void *ctx, const char *name)
{
	return req_query(ctx, name);
}

/* A word of the records in the request's language ("" stays ""). */
static const char *word(const struct req *r, const char *w)
{
	static const struct {
		const char *code, *en;
	} words[] = {
		{"committee", "committee"},
		{"inspection", "inspection committee"},
		{"plan", "inspection by plan"},
		{"signs", "inspection on signs of violation"},
		{"regular", "regular supervision"},
		{"thematic", "thematic supervision"},
		{"discipline_exec", "inspection of the execution of discipline"},
		{"finance", "inspection of finances and dues"},
		{"open", "open"},
		{"concluded", "concluded"},
		{"notified", "notified"},
		{"closed", "closed"},
		{"no_violation", "no violation"},
		{"violation", "violation not requiring discipline"},
		{"violation_discipline", "violation requiring discipline"},
		{"reprimand", "reprimand"},
		{"warning", "warning"},
		{"removal", "removal from post"},
		{"expulsion", "expulsion"},
		{"dissolution", "dissolution"},
		{"in_force", "in force"},
		{"annulled", "annulled"},
		{"changed", "changed"},
		{"complaint", "complaint"},
		{"denunciation", "denunciation"},
		{"settled", "settled"},
		{"withdrawn", "withdrawn"},
		{"kept", "kept"},
		{"reduced", "reduced"},
		{"raised", "raised"},
		{"founded", "founded"},
		{"partly_founded", "partly founded"},
		{"unfounded", "unfounded"},
	};
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(words[i].code, w))
			return web_tr(r, words[i].en);
	return w;
}

struct items {
	struct insp_fig_item v[LIST_PAGE];
	size_t n;
};

static int item_keep(void *ctx, const struct insp_fig_item *it)
{
	struct items *l = ctx;

	if (l->n < LIST_PAGE)
		l->v[l->n++] = *it;
	return 0;
}

static void item_row(struct req *r, const struct insp_fig_item *it)
{

	H(r, "<tr><td>");
	D(r, it->on);
	H(r, "</td><td>");
	web_org_named(r, it->org_code, it->org_name);
	H(r, "</td><td>");
	if (it->member_id) {
		H(r, "<a href=\"/members/");
		N(r, it->member_id);
		H(r, "\">");
		T(r, it->member_name);
		H(r, "</a>");
	}
	H(r, "</td><td>");
	T(r, it->body_code);
	if (it->body[0]) {
		H(r, " · ");
		T(r, word(r, it->body));
	}
	H(r, "</td><td>");
	T(r, word(r, it->kind));
	H(r, "</td><td>");
	T(r, word(r, it->state));
	H(r, "</td><td>");
	T(r, word(r, it->result));
	H(r, "</td><td>");
	T(r, it->doc_no);
	H(r, "</td></tr>\n");
}

/* GET /orgs/{code}/inspection-report/list?from=&to=&what=...&page= */
void web_insp_report_list(struct req *r)
{
	struct insp_fig_filter f;
	date_t from, to;
	long page = req_query_long(r, "page", 1, 1, 1000000), total = 0, pages;
	char fs[200], d1[DATE_STR], d2[DATE_STR];
	struct buf u, title;
	struct items *l;
	size_t i;
	int k;

	if (period_args(r, &from, &to))
		return;
	if (page < 0 || app_insp_fig_filter(query_param, r, &f, &r->e)) {
		web_fail(r);
		return;
	}
	l = calloc(1, sizeof *l);
	if (!l || app_insp_fig_list(r->app, &r->actor, r->pathv[0], from, to, &f, LIST_PAGE,
				    (page - 1) * LIST_PAGE, &total, item_keep, l, &r->e)) {
		if (!l)
			err_set(&r->e, ERR_STORAGE, "out of memory");
		free(l);
		web_fail(r);
		return;
	}
	app_insp_fig_filter_str(&f, fs, sizeof fs);
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Records behind a number of the inspection report"),
		   r->pathv[0]);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, r->pathv[0], _(r, "Inspection report"));
	H(r, "<table class=\"list\" id=\"insp-list\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Member");
	H(r, "</th><th>");
	TR(r, "Body");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Result");
	H(r, "</th><th>");
	TR(r, "Document");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < l->n; i++)
		item_row(r, &l->v[i]);
	free(l);
	H(r, "</tbody></table>\n");
	if (from == DATE_NONE)
		from = date_from_ymd(2020, 1, 1);
	if (to == DATE_NONE)
		to = r->app->today;
	date_format(from, d1);
	date_format(to, d2);
	pages = total ? (total + LIST_PAGE - 1) / LIST_PAGE : 1;
	buf_init(&u, 0);
	H(r, "<nav class=\"pager\">");
	for (k = -1; k <= 1; k += 2) {
		if (page + k < 1 || page + k > pages)
			continue;
		buf_reset(&u);
		buf_adds(&u, "/orgs/");
		web_url_arg(&u, r->pathv[0]);
		buf_printf(&u, "/inspection-report/list?from=%s&to=%s&%s&page=%ld", d1, d2, fs,
			   page + k);
		H(r, "<a rel=\"");
		T(r, k < 0 ? "prev" : "next");
		H(r, "\" href=\"");
		A(r, buf_str(&u));
		H(r, "\">");
		T(r, k < 0 ? _(r, "Previous page") : _(r, "Next page"));
		H(r, "</a> ");
	}
	H(r, "<span class=\"count\" id=\"page-of\">");
	TR(r, "Page");
	H(r, " ");
	N(r, page);
	H(r, " / ");
	N(r, pages);
	H(r, " · ");
	Q(r, total);
	H(r, "</span></nav>\n<p class=\"actions\">");
	for (k = 0; k < 2; k++) {
		buf_reset(&u);
		buf_adds(&u, "/orgs/");
		web_url_arg(&u, r->pathv[0]);
		buf_printf(&u, "/inspection-report/list.%s?from=%s&to=%s&%s", k ? "xlsx" : "csv", d1,
			   d2, fs);
		H(r, "<a class=\"action\" id=\"");
		A(r, k ? "list-xlsx" : "list-csv");
		H(r, "\" href=\"");
		A(r, buf_str(&u));
		H(r, "\" download>");
		T(r, k ? _(r, "Download XLSX") : _(r, "Download CSV"));
		H(r, "</a> ");
	}
	buf_reset(&u);
	buf_adds(&u, "/orgs/");
	web_url_arg(&u, r->pathv[0]);
	buf_printf(&u, "/inspection-report?from=%s&to=%s", d1, d2);
	H(r, "<a class=\"action\" id=\"back\" href=\"");
	A(r, buf_str(&u));
	H(r, "\">");
	TR(r, "Back to the report");
	H(r, "</a></p>\n");
	buf_cleanup(&u);
	page_end(r);
}

static void list_file(struct req *r, int xlsx)
{
	struct insp_fig_filter f;
	date_t from, to;
	long long len;
	int fd;

	if (period_args(r, &from, &to))
		return;
	if (app_insp_fig_filter(query_param, r, &f, &r->e) ||
	    app_insp_fig_list_table(r->app, &r->actor, r->pathv[0], from, to, &f, xlsx, &fd, &len,
				    &r->e)) {
		web_fail(r);
		return;
	}
	send_fd(r, fd, (off_t)len,
		xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		     : "text/csv; charset=utf-8",
		xlsx ? "inspection-list.xlsx" : "inspection-list.csv");
}

/* GET /orgs/{code}/inspection-report/list.csv and list.xlsx: the whole list */
void web_insp_report_list_csv(struct req *r)
{
	list_file(r, 0);
}

void web_insp_report_list_xlsx(struct req *r)
{
	list_file(r, 1);
}
