/* page_form_import.c - importing organisations, members, documents, position holders or
 * committees from an uploaded CSV file
 * (docs/csv.md): all or nothing unless bad rows are to be skipped, and a report of every bad
 * row (line, column, value, reason). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_study.h"
#include "page_form.h"

static const struct form_option kind_opts[] = {
	{"members", N_("Members")}, {"orgs", N_("Organisations")}, {"documents", N_("Documents")},
	{"holdings", N_("Position holders")}, {"committees", N_("Committees (a row a seat)")},
	{NULL, NULL},
};

static const char *const shown[] = {"kind", "file", "skip_bad", "allow_duplicates",
				    "create_positions", NULL};

/* Kinds imported only whole (no skipping bad rows): documents, holdings, committees. */
static int whole_kind(const char *kind)
{
	return !strcmp(kind, "documents") || !strcmp(kind, "holdings") ||
	       !strcmp(kind, "committees");
}

/* import_form's allow: 1 to offer "Keep the duplicates" (after a list that had some). */
static void import_form(struct req *r, int post, int allow)
{
	H(r, "<form method=\"post\" class=\"record\" id=\"import-form\" action=\"/import\" "
	     "enctype=\"multipart/form-data\">");
	form_csrf(r);
	form_select(r, _(r, "What the file holds"), "kind", kind_opts,
		    post ? form_value(r, "kind") : "members", 1);
	form_input(r, _(r, "CSV file"), "file", "file", "", 1);
	form_checkbox(r, _(r, "Skip bad rows (import the good ones)"), "skip_bad",
		      post ? form_value(r, "skip_bad") : "");
	form_checkbox(r, _(r, "Position holders: create a missing position of a valid kind"),
		      "create_positions", post ? form_value(r, "create_positions") : "");
	if (allow)
		form_checkbox(r, _(r, "Keep the rows listed as duplicates (they are different "
				      "people)"), "allow_duplicates",
			      post ? form_value(r, "allow_duplicates") : "");
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Import");
	H(r, "</button></form>");
}

void web_import_get(struct req *r)
{
	if (form_read_only(r))
		return;
	page_begin(r, _(r, "Import from a CSV file"));
	H(r, "<p>");
	TR(r, "The columns are those of an export: a header row, then one row per record. Nothing "
	      "is imported while any row has a problem, unless bad rows are skipped.");
	H(r, "</p>");
	import_form(r, 0, 0);
	page_end(r);
}

/* A table of the first IMPORT_ANSWER_ITEMS problems (or warnings) of e, id the table's id,
 * and how many more there are. */
static void problem_table(struct req *r, const struct err *e, const char *id)
{
	size_t i;

	H(r, "<table class=\"report\" id=\"");
	A(r, id);
	H(r, "\"><thead><tr><th>");
	TR(r, "Line");
	H(r, "</th><th>");
	TR(r, "Column");
	H(r, "</th><th>");
	TR(r, "Value");
	H(r, "</th><th>");
	TR(r, "Reason");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < e->n && i < IMPORT_ANSWER_ITEMS; i++) {
		const struct err_item *it = &e->items[i];

		H(r, "<tr><td class=\"line\">");
		if (it->line)
			N(r, it->line);
		H(r, "</td><td class=\"col\">");
		T(r, it->field);
		H(r, "</td><td class=\"val\">");
		T(r, it->value);
		H(r, "</td><td class=\"why\">");
		T(r, it->msg);
		if (it->rule[0]) {
			H(r, " <code>");
			T(r, it->rule);
			H(r, "</code>");
		}
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>");
	if (e->n > IMPORT_ANSWER_ITEMS || e->dropped) {
		H(r, "<p class=\"more\">");
		Q(r, (long)(e->n - (e->n > IMPORT_ANSWER_ITEMS ? IMPORT_ANSWER_ITEMS : e->n) +
			    e->dropped));
		H(r, " ");
		TR(r, "more are not listed; the command line's import, or the API's report, lists "
		      "them all.");
		H(r, "</p>");
	}
}

/* The report: the counts, the outcome, a table of every bad row and one of every warning
 * (possible duplicates kept, dates to check): "every row imported" only when there is none.
 * whole: the kind is imported all or nothing (documents), so skipping is not offered. */
static void import_report(struct req *r, const struct import_result *res, int ok, int whole)
{
	const struct err *w = &r->app->warn;

	H(r, "<section class=\"report\" id=\"report\"><h2>");
	TR(r, "Report");
	H(r, "</h2><dl class=\"counts\"><dt>");
	TR(r, "Rows read");
	H(r, "</dt><dd id=\"rows\">");
	Q(r, res->rows);
	H(r, "</dd><dt>");
	TR(r, "Imported");
	H(r, "</dt><dd id=\"imported\">");
	Q(r, ok ? res->imported : 0);
	H(r, "</dd><dt>");
	TR(r, "Rejected");
	H(r, "</dt><dd id=\"rejected\">");
	Q(r, res->rejected);
	H(r, "</dd><dt>");
	TR(r, "Warnings");
	H(r, "</dt><dd id=\"warnings\">");
	Q(r, (long)(w->n + w->dropped));
	H(r, "</dd></dl><p class=\"outcome\" id=\"outcome\">");
	if (!ok && whole)
		TR(r, "Nothing was imported. Fix the rows below and import the whole file again.");
	else if (!ok)
		TR(r, "Nothing was imported. Fix the rows below and import the file again, or tick "
		      "'Skip bad rows' to import the good ones.");
	else if (res->rejected)
		TR(r, "The good rows were imported; the rows below were skipped.");
	else if (w->n || w->dropped)
		TR(r, "Every row was imported, with the warnings below: check them.");
	else
		TR(r, "Every row was imported.");
	H(r, "</p>");
	if (r->e.n)
		problem_table(r, &r->e, "problems");
	if (ok && (w->n || w->dropped)) {
		H(r, "<h3>");
		TR(r, "Warnings");
		H(r, "</h3>");
		problem_table(r, w, "warning-items");
	}
	H(r, "</section>\n");
}

/* Whether e lists a row refused as a duplicate (the form then offers to keep them). */
static int has_duplicates(const struct err *e)
{
	size_t i;

	for (i = 0; i < e->n; i++)
		if (strstr(e->items[i].msg, "allow-duplicates"))
			return 1;
	return 0;
}

/* ---- large imports: a job in the background and a page showing its progress ---------- */

/* An upload larger than this (bytes; CADRE_WEB_IMPORT_JOB_BYTES overrides it) is imported by
 * a job (src/app/app_job.c, kept in the database): the form's post answers at once with the
 * job's page, which refreshes itself (a Refresh header: no script) until the report is
 * there, instead of a post that hangs for minutes. */
#define IMPORT_JOB_BYTES (1L << 20)

static long job_threshold(void)
{
	const char *v = getenv("CADRE_WEB_IMPORT_JOB_BYTES");
	char *end;
	long n;

	if (!v || !v[0])
		return IMPORT_JOB_BYTES;
	n = strtol(v, &end, 10);
	return *end || n < 0 ? IMPORT_JOB_BYTES : n;
}

/* The page of a job still queued or running: its progress, asked again every two seconds. */
static void job_running(struct req *r, const struct import_job *j)
{
	req_header(r, "Refresh", "2");
	page_begin(r, _(r, "Import from a CSV file"));
	H(r, "<p id=\"job-running\" role=\"status\">");
	TR(r, "The import is under way; this page follows it.");
	H(r, "</p><p><progress id=\"job-progress\" max=\"");
	N(r, j->total);
	H(r, "\" value=\"");
	N(r, j->done);
	H(r, "\"></progress> <span id=\"job-percent\">");
	N(r, j->total ? j->done * 100 / j->total : 0);
	H(r, "%</span></p><p id=\"job-file\">");
	T(r, j->file_name);
	H(r, "</p>");
	page_end(r);
}

/* GET /import/jobs/{id}: the progress of an import the user started (or, for an
 * administrator, one started within their subtree), then its report; a job another server
 * process left when it stopped is interrupted and imported nothing. */
void web_import_job(struct req *r)
{
	int64_t id = form_path_id(r);
	struct import_job j;
	struct import_result res;
	char *result = NULL, *error = NULL;
	int done;

	if (app_job_get(r->app, &r->actor, id, &j, &result, &error, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (!strcmp(j.state, "queued") || !strcmp(j.state, "running")) {
		job_running(r, &j);
		goto out;
	}
	if (!strcmp(j.state, "interrupted")) {
		page_begin(r, _(r, "Import from a CSV file"));
		H(r, "<p id=\"job-interrupted\" role=\"alert\">");
		TR(r, "This import was interrupted: the server stopped before it ended. An import "
		      "is all or nothing, so nothing of this file was imported. Choose the file "
		      "again to run the import again.");
		H(r, "</p><p id=\"job-file\">");
		T(r, j.file_name);
		H(r, "</p><h2>");
		TR(r, "Import the file again");
		H(r, "</h2>");
		import_form(r, 0, 0);
		page_end(r);
		goto out;
	}
	done = !strcmp(j.state, "done");
	app_job_read(done ? result : error, &res, &r->e, done ? &r->app->warn : NULL);
	if (!done && (r->e.code == ERR_DENIED || r->e.code == ERR_STORAGE ||
		      r->e.code == ERR_INTERNAL || !r->e.code)) {
		if (!r->e.code)
			err_set(&r->e, ERR_INTERNAL, "cannot start the import");
		form_fail_page(r);
		goto out;
	}
	r->status = done ? 200 : 422;
	page_begin(r, _(r, "Import from a CSV file"));
	r->status = done ? 200 : 422;
	import_report(r, &res, done, whole_kind(j.kind));
	err_clear(&r->e);
	err_clear(&r->app->warn);
	H(r, "<h2>");
	TR(r, "Import another file");
	H(r, "</h2>");
	import_form(r, 0, 0);
	page_end(r);
out:
	free(result);
	free(error);
}

void web_import_post(struct req *r)
{
	const char *kind = form_value(r, "kind");
	const struct http_param *file = req_form_param(r, "file");
	int skip = form_value(r, "skip_bad")[0] != 0, orgs = !strcmp(kind, "orgs");
	int docs = !strcmp(kind, "documents"), cadres = !strcmp(kind, "holdings") ||
							     !strcmp(kind, "committees");
	int create = form_value(r, "create_positions")[0] != 0;
	int allow = form_value(r, "allow_duplicates")[0] != 0, dups;
	struct import_opts o;
	struct import_result res;
	char *rej_text = NULL;
	size_t rej_len = 0;
	enum err_code rc;

	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	if (!orgs && !docs && !cadres && strcmp(kind, "members"))
		err_add(&r->e, ERR_INPUT, 0, "kind", kind, NULL, "%s",
			_(r, "Choose organisations, members, documents, position holders or "
			     "committees."));
	if (cadres && skip)
		err_add(&r->e, ERR_INPUT, 0, "skip_bad", NULL, NULL, "%s",
			_(r, "Position holders and committees are imported all or nothing: fix the "
			     "bad rows instead of skipping them."));
	if (!file || !file->len)
		err_add(&r->e, ERR_INPUT, 0, "file", NULL, NULL, "%s",
			_(r, "Choose a CSV file that is not empty."));
	if (r->e.code) {
		if (form_read_only(r))
			return;
		r->status = 422;
		page_begin(r, _(r, "Import from a CSV file"));
		form_errors(r, shown);
		import_form(r, 1, allow);
		page_end(r);
		return;
	}
	if ((long long)file->len > job_threshold()) {
		struct import_request q;
		struct buf loc;
		int64_t id;

		if (form_read_only(r))
			return;
		memset(&q, 0, sizeof q);
		q.what = orgs ? "orgs" : docs || cadres ? kind : "members";
		q.create_positions = create;
		q.body = file->value;
		q.len = file->len;
		q.skip_bad = skip;
		q.allow_duplicates = allow;
		if (app_job_start(r->app, &r->actor, &q, file->filename, &id, &r->e)) {
			form_fail_page(r);
			return;
		}
		buf_init(&loc, 0);
		buf_printf(&loc, "/import/jobs/%lld", (long long)id);
		req_redirect(r, buf_str(&loc));
		buf_cleanup(&loc);
		return;
	}
	o.in = fmemopen(file->value, file->len, "r");
	o.in_name = file->filename && file->filename[0] ? file->filename : "upload.csv";
	o.in_size = (long long)file->len;
	o.allow_duplicates = allow;
	o.create_positions = create && !strcmp(kind, "holdings");
	/* Skipped rows are listed on the page; the rejects file of the command line is not
	 * needed here but turns the all-or-nothing rule off. */
	if (skip)
		o.rejects = open_memstream(&rej_text, &rej_len);
	if (!o.in || (skip && !o.rejects)) {
		rc = err_set(&r->e, ERR_INTERNAL, "cannot read the upload");
	} else {
		rc = orgs     ? app_import_orgs(r->app, &r->actor, &o, &res, &r->e)
		     : docs   ? app_import_documents(r->app, &r->actor, &o, &res, &r->e)
		     : cadres ? app_import_run(r->app, &r->actor, kind, &o, &res, &r->e)
			      : app_import_members(r->app, &r->actor, &o, &res, &r->e);
	}
	if (o.in)
		fclose(o.in);
	if (o.rejects)
		fclose(o.rejects);
	free(rej_text);
	if (rc == ERR_DENIED || rc == ERR_STORAGE || rc == ERR_INTERNAL) {
		form_fail_page(r);
		return;
	}
	r->status = rc ? 422 : 200;
	page_begin(r, _(r, "Import from a CSV file"));
	r->status = rc ? 422 : 200;
	import_report(r, &res, rc == ERR_OK, docs || cadres);
	dups = has_duplicates(&r->e);
	H(r, "<h2>");
	if (dups)
		TR(r, "Import the file again");
	else
		TR(r, "Import another file");
	H(r, "</h2>");
	if (dups) {
		H(r, "<p id=\"duplicates\">");
		TR(r, "Some rows look like a member already on a roll or another row of the file. "
		      "If they are different people, choose the file again and tick the box to keep "
		      "them.");
		H(r, "</p>");
	}
	err_clear(&r->e); /* the problems are in the report, not beside the form's fields */
	import_form(r, 1, dups || allow);
	page_end(r);
}
