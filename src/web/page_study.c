/* page_study.c - the pages of documents and their study (docs/study.md): the register with
 * its search and downloads, the form registering a document, a document with its plans,
 * sessions and coverage, the coverage's drill-down to organisations and members, and the
 * action programmes. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_study.h"
#include "page_form.h"
#include "page_study.h"
#include "pages.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* The type's name in the page's language. */
static const char *type_label(const struct req *r, const char *code)
{
	const struct docnum_type *t = docnum_type_find(code);

	if (!t)
		return code;
	return strcmp(r->lang, "vi") ? t->en : t->vi;
}

/* A tier of a study plan's audience in the page's language. */
static const char *tier_label(struct req *r, const char *tier)
{
	if (!strcmp(tier, "all"))
		return _(r, "all members");
	if (!strcmp(tier, "regiment_up"))
		return _(r, "cadres of regiment level and above");
	if (!strcmp(tier, "grassroots_members"))
		return _(r, "members of the grassroots organisations");
	if (!strcmp(tier, "militia"))
		return _(r, "militia and self-defence");
	if (!strcmp(tier, "reserve"))
		return _(r, "reserves in training");
	return tier;
}

static void doc_link(struct req *r, int64_t id, const char *number)
{
	H(r, "<a href=\"/documents/");
	N(r, id);
	H(r, "\">");
	T(r, number);
	H(r, "</a>");
}

static int doc_row(void *ctx, const struct doc *d)
{
	struct req *r = ctx;

	if (web_page_full(r))
		return 1;
	H(r, "<tr><td>");
	doc_link(r, d->id, d->number);
	H(r, "</td><td>");
	T(r, type_label(r, d->type));
	H(r, "</td><td>");
	D(r, d->issued_on);
	H(r, "</td><td>");
	T(r, d->title);
	H(r, "</td><td>");
	web_org_link(r, d->org_code, NULL);
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /documents */
void web_doc_list(struct req *r)
{
	const char *q = req_query(r, "q"), *f = req_query(r, "format");

	if (f && (!strcmp(f, "csv") || !strcmp(f, "xlsx"))) {
		long long len;
		int fd, xlsx = !strcmp(f, "xlsx");

		if (app_doc_export(r->app, &r->actor, q, xlsx, &fd, &len, &r->e)) {
			web_fail(r);
			return;
		}
		buf_reset(&r->out);
		r->file_fd = fd;
		r->file_len = (unsigned long long)len;
		r->file_set = 1;
		r->status = 200;
		r->ctype = xlsx ? CT_XLSX : CT_CSV;
		req_header(r, "Content-Disposition", xlsx ? "attachment; filename=\"documents.xlsx\""
							  : "attachment; filename=\"documents.csv\"");
		return;
	}
	page_begin(r, _(r, "Documents"));
	H(r, "<form method=\"get\" action=\"/documents\" class=\"search\" id=\"doc-search\">"
	     "<label for=\"doc-q\">");
	TR(r, "Number or words of the title (no accents needed)");
	H(r, "</label> <input type=\"search\" id=\"doc-q\" name=\"q\" value=\"");
	A(r, q ? q : "");
	H(r, "\"> <button type=\"submit\">");
	TR(r, "Search");
	H(r, "</button></form>\n<p><a id=\"doc-new\" href=\"/documents/new\">");
	TR(r, "Register a document");
	H(r, "</a> · <a id=\"doc-csv\" href=\"/documents?format=csv");
	if (q && q[0]) {
		H(r, "&amp;q=");
		U(r, q);
	}
	H(r, "\">CSV</a> · <a id=\"doc-xlsx\" href=\"/documents?format=xlsx");
	if (q && q[0]) {
		H(r, "&amp;q=");
		U(r, q);
	}
	H(r, "\">XLSX</a> · <a href=\"/action-programmes\">");
	TR(r, "Action programmes");
	H(r, "</a></p>\n<table id=\"documents\"><thead><tr><th>");
	TR(r, "Number");
	H(r, "</th><th>");
	TR(r, "Type");
	H(r, "</th><th>");
	TR(r, "Issued");
	H(r, "</th><th>");
	TR(r, "Title");
	H(r, "</th><th>");
	TR(r, "Registered by");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_doc_list(r->app, &r->actor, q, doc_row, r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	page_end(r);
}

static const char *const doc_fields[] = {"number", "issued_on", "title", "replaces", "org", NULL};

static void new_form(struct req *r, int post)
{
	page_begin(r, _(r, "Register a document"));
	form_errors(r, doc_fields);
	H(r, "<form method=\"post\" class=\"record\" id=\"doc-form\" action=\"/documents/new\">");
	form_csrf(r);
	form_input(r, _(r, "Number as written (21-NQ/TW, 2008/HD-CT)"), "number", "text",
		   post ? form_value(r, "number") : "", 1);
	form_input(r, _(r, "Date of issue"), "issued_on", "date",
		   post ? form_value(r, "issued_on") : "", 1);
	form_input(r, _(r, "Title"), "title", "text", post ? form_value(r, "title") : "", 1);
	form_input(r, _(r, "Replaces (number)"), "replaces", "text",
		   post ? form_value(r, "replaces") : "", 0);
	form_input(r, _(r, "Registered by (organisation code)"), "org", "text",
		   post ? form_value(r, "org") : r->actor.scope_code, 1);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Register");
	H(r, "</button></form>\n");
	page_end(r);
}

/* GET /documents/new */
void web_doc_new_get(struct req *r)
{
	if (form_read_only(r))
		return;
	new_form(r, 0);
}

/* POST /documents/new: number, issued_on, title, replaces, org. */
void web_doc_new_post(struct req *r)
{
	struct doc d;
	date_t issued = form_date(r, "issued_on");
	char loc[48];

	if (form_read_only(r))
		return;
	if (r->e.code || app_doc_add(r->app, &r->actor, form_value(r, "number"), issued,
				     form_value(r, "title"), form_value(r, "replaces"),
				     form_value(r, "org"), &d, &r->e)) {
		if (!form_fail_page(r))
			new_form(r, 1);
		return;
	}
	snprintf(loc, sizeof loc, "/documents/%lld", (long long)d.id);
	form_done(r, loc);
}

/* The document of the path; 0, or -1 after the error page. */
static int path_doc(struct req *r, struct doc *d)
{
	int64_t id = form_path_id(r);

	if (id <= 0) {
		err_add(&r->e, ERR_NOTFOUND, 0, "document", NULL, NULL,
			"no document has the number or id '%s'", r->pathv[0]);
		web_fail(r);
		return -1;
	}
	if (app_doc_get(r->app, &r->actor, id, d, &r->e)) {
		web_fail(r);
		return -1;
	}
	return 0;
}

static int replaced_row(void *ctx, const struct doc *d)
{
	struct req *r = ctx;

	H(r, "<li>");
	doc_link(r, d->id, d->number);
	H(r, " (");
	D(r, d->issued_on);
	H(r, ")</li>");
	return 0;
}

static int plan_row(void *ctx, const struct study_plan *p)
{
	struct req *r = ctx;

	H(r, "<tr><td>");
	web_org_link(r, p->org_code, NULL);
	H(r, "</td><td>");
	web_org_link(r, p->audience_code, NULL);
	H(r, "</td><td>");
	T(r, tier_label(r, p->tier));
	if (p->category[0]) {
		H(r, ", ");
		T(r, web_word(r, p->category));
	}
	H(r, "</td><td>");
	if (p->deadline != DATE_NONE)
		D(r, p->deadline);
	H(r, "</td></tr>\n");
	return 0;
}

static int session_row(void *ctx, const struct study_session *s)
{
	struct req *r = ctx;

	if (web_page_full(r))
		return 1;
	H(r, "<tr><td>");
	D(r, s->on_date);
	H(r, "</td><td>");
	web_org_link(r, s->org_code, NULL);
	H(r, "</td><td>");
	if (s->makeup_of) {
		TR(r, "make-up of session");
		H(r, " ");
		N(r, s->makeup_of);
	}
	H(r, "</td><td class=\"n\">");
	N(r, s->present);
	H(r, "</td><td class=\"n\">");
	N(r, s->excused);
	H(r, "</td><td class=\"n\">");
	N(r, s->absent);
	H(r, "</td></tr>\n");
	return 0;
}

static void pct(struct req *r, long n, long d)
{
	if (d <= 0) {
		H(r, "–");
		return;
	}
	N(r, n * 100 / d);
	H(r, ",");
	N(r, (n * 1000 / d) % 10);
	H(r, "%");
}

/* The coverage's summary: members, organisations, the committees' sentence. */
static void cov_summary(struct req *r, const struct doc *d, const struct study_coverage *c,
			int past)
{
	H(r, "<dl class=\"facts\" id=\"coverage\"><dt>");
	TR(r, "Members covered");
	H(r, "</dt><dd id=\"cov-members\">");
	N(r, c->covered);
	H(r, " / ");
	N(r, c->members);
	H(r, " (");
	pct(r, c->covered, c->members);
	H(r, ")</dd>");
	if (!past) {
		H(r, "<dt>");
		TR(r, "Organisations that have studied it");
		H(r, "</dt><dd id=\"cov-orgs\">");
		N(r, c->orgs_studied);
		H(r, " / ");
		N(r, c->orgs);
		H(r, "</dd><dt>");
		TR(r, "Party committees");
		H(r, "</dt><dd id=\"cov-committees\">");
		if (c->committees > 0 && c->committees_studied == c->committees) {
			TR(r, "All party committees have studied it");
			H(r, " (100%)");
		} else {
			N(r, c->committees_studied);
			H(r, " / ");
			N(r, c->committees);
			H(r, " ");
			TR(r, "have studied it");
		}
		H(r, "</dd>");
	}
	H(r, "</dl>\n<p><a id=\"cov-link\" href=\"/documents/");
	N(r, d->id);
	H(r, "/coverage\">");
	TR(r, "Coverage by organisation");
	H(r, "</a></p>\n");
}

/* GET /documents/{id} */
void web_doc_show(struct req *r)
{
	struct doc d;
	struct study_coverage cov;
	struct buf title;

	if (path_doc(r, &d))
		return;
	buf_init(&title, 0);
	buf_printf(&title, "%s", d.number);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<dl class=\"facts\" id=\"doc\"><dt>");
	TR(r, "Title");
	H(r, "</dt><dd id=\"doc-title\">");
	T(r, d.title);
	H(r, "</dd><dt>");
	TR(r, "Type");
	H(r, "</dt><dd>");
	T(r, type_label(r, d.type));
	H(r, " (");
	T(r, d.type);
	H(r, ")</dd><dt>");
	TR(r, "Issuer");
	H(r, "</dt><dd>");
	T(r, d.issuer);
	H(r, "</dd><dt>");
	TR(r, "Issued");
	H(r, "</dt><dd>");
	D(r, d.issued_on);
	H(r, "</dd><dt>");
	TR(r, "Registered by");
	H(r, "</dt><dd>");
	web_org_link(r, d.org_code, NULL);
	H(r, "</dd>");
	if (d.replaces_id) {
		H(r, "<dt>");
		TR(r, "Replaces");
		H(r, "</dt><dd id=\"doc-replaces\">");
		doc_link(r, d.replaces_id, d.replaces_number);
		H(r, "</dd>");
	}
	H(r, "</dl>\n<h2>");
	TR(r, "Replaced by");
	H(r, "</h2>\n<ul id=\"doc-replaced-by\">");
	if (app_doc_replaced_by(r->app, &r->actor, d.id, replaced_row, r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</ul>\n<h2>");
	TR(r, "Coverage");
	H(r, "</h2>\n");
	if (app_study_coverage(r->app, &r->actor, d.id, NULL, DATE_NONE, &cov, NULL, NULL,
			       &r->e)) {
		web_fail(r);
		return;
	}
	cov_summary(r, &d, &cov, 0);
	H(r, "<h2>");
	TR(r, "Study plans");
	H(r, "</h2>\n<table id=\"plans\"><thead><tr><th>");
	TR(r, "Introduced by");
	H(r, "</th><th>");
	TR(r, "To");
	H(r, "</th><th>");
	TR(r, "Tier");
	H(r, "</th><th>");
	TR(r, "Deadline");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_study_plans(r->app, &r->actor, d.id, plan_row, r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n<h2>");
	TR(r, "Study sessions");
	H(r, "</h2>\n<table id=\"sessions\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Held by");
	H(r, "</th><th></th><th class=\"n\">");
	TR(r, "Present");
	H(r, "</th><th class=\"n\">");
	TR(r, "Excused");
	H(r, "</th><th class=\"n\">");
	TR(r, "Absent");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_study_sessions(r->app, &r->actor, d.id, session_row, r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	page_end(r);
}

struct cov_page {
	struct req *r;
	int64_t doc_id;
	int missing; /* only the organisations that have not studied it (the report's link) */
};

static int cov_row(void *ctx, const struct study_org_cov *c)
{
	struct cov_page *p = ctx;
	struct req *r = p->r;

	if (web_page_full(r))
		return 1;
	if (p->missing && c->studied)
		return 0;
	H(r, "<tr");
	if (!c->studied)
		H(r, " class=\"missing\"");
	H(r, "><td><a href=\"/documents/");
	N(r, p->doc_id);
	H(r, "/coverage?org=");
	U(r, c->code);
	H(r, "\">");
	T(r, c->name);
	H(r, "</a> <code>");
	T(r, c->code);
	H(r, "</code></td><td class=\"n\">");
	N(r, c->sub_covered);
	H(r, " / ");
	N(r, c->sub_members);
	H(r, "</td><td class=\"n\">");
	pct(r, c->sub_covered, c->sub_members);
	H(r, "</td><td>");
	if (c->studied)
		TR(r, "studied");
	else
		TR(r, "not yet studied");
	H(r, "</td></tr>\n");
	return 0;
}

static int member_row(void *ctx, int64_t id, const char *name, const char *org)
{
	struct req *r = ctx;

	(void)org;
	if (web_page_full(r))
		return 1;
	H(r, "<li>");
	web_member_link(r, id, name);
	H(r, "</li>");
	return 0;
}

/* GET /documents/{id}/coverage?org=&as_of=&missing=1 (missing: the organisations that have not
 * studied it alone, as the report's study table links to it) */
void web_doc_coverage(struct req *r)
{
	struct doc d;
	struct study_coverage cov;
	struct cov_page p;
	const char *org = req_query(r, "org");
	date_t as_of = DATE_NONE;
	const char *why;
	struct buf title;
	const char *av = req_query(r, "as_of");

	if (av && av[0] && date_parse(av, &as_of, &why)) {
		err_add(&r->e, ERR_USAGE, 0, "as_of", av, NULL, "%s", err_tr(why));
		web_fail(r);
		return;
	}
	if (path_doc(r, &d))
		return;
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", d.number, _(r, "coverage"));
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	if (org && org[0])
		web_crumbs(r, org, NULL);
	H(r, "<p><a href=\"/documents/");
	N(r, d.id);
	H(r, "\">");
	T(r, d.number);
	H(r, "</a> ");
	T(r, d.title);
	H(r, "</p>\n<form method=\"get\" class=\"search\" id=\"cov-form\"><input type=\"hidden\" "
	     "name=\"org\" value=\"");
	A(r, org ? org : "");
	H(r, "\"><label for=\"as_of\">");
	TR(r, "As of");
	H(r, "</label> <input type=\"date\" id=\"as_of\" name=\"as_of\" value=\"");
	A(r, av ? av : "");
	H(r, "\"> <button type=\"submit\">");
	TR(r, "Show");
	H(r, "</button></form>\n");
	memset(&p, 0, sizeof p);
	p.r = r;
	p.doc_id = d.id;
	p.missing = req_query(r, "missing") && !strcmp(req_query(r, "missing"), "1");
	/* the organisations' table is written as the walk goes; the summary is counted first */
	if (app_study_coverage(r->app, &r->actor, d.id, org && org[0] ? org : NULL, as_of, &cov,
			       NULL, NULL, &r->e)) {
		web_fail(r);
		return;
	}
	cov_summary(r, &d, &cov, as_of != DATE_NONE && as_of != r->app->today);
	if (as_of == DATE_NONE || as_of == r->app->today) {
		if (p.missing) {
			H(r, "<h2 id=\"cov-missing\">");
			TR(r, "Organisations that have not yet studied it");
			H(r, "</h2>\n");
		}
		H(r, "<table id=\"cov-orgs-table\"><thead><tr><th>");
		TR(r, "Organisation");
		H(r, "</th><th class=\"n\">");
		TR(r, "Covered / members");
		H(r, "</th><th class=\"n\">%</th><th></th></tr></thead><tbody>\n");
		if (app_study_coverage(r->app, &r->actor, d.id, org && org[0] ? org : NULL,
				       DATE_NONE, &cov, cov_row, &p, &r->e)) {
			web_fail(r);
			return;
		}
		H(r, "</tbody></table>\n");
		if (org && org[0]) {
			H(r, "<h2>");
			TR(r, "Members of its own roll not yet covered");
			H(r, "</h2>\n<ul id=\"cov-missing-members\">");
			if (app_study_members(r->app, &r->actor, d.id, org, 0, member_row, r,
					      &r->e)) {
				web_fail(r);
				return;
			}
			H(r, "</ul>\n");
		}
	}
	page_end(r);
}

static int prog_row(void *ctx, const struct action_programme *p)
{
	struct req *r = ctx;

	if (web_page_full(r))
		return 1;
	H(r, "<tr><td><a href=\"/action-programmes/");
	N(r, p->id);
	H(r, "\">");
	T(r, p->title);
	H(r, "</a></td><td>");
	web_org_link(r, p->org_code, NULL);
	H(r, "</td><td>");
	T(r, p->doc_number);
	H(r, "</td><td class=\"n\">");
	N(r, p->year);
	H(r, "</td><td class=\"n\">");
	N(r, p->done);
	H(r, " / ");
	N(r, p->items);
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /action-programmes?org=&year= */
void web_action_list(struct req *r)
{
	const char *org = req_query(r, "org");
	long year = req_query_long(r, "year", 0, 0, 9999);

	if (r->e.code) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Action programmes"));
	H(r, "<table id=\"programmes\"><thead><tr><th>");
	TR(r, "Title");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Document");
	H(r, "</th><th class=\"n\">");
	TR(r, "Year");
	H(r, "</th><th class=\"n\">");
	TR(r, "Items done");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_action_list(r->app, &r->actor, org && org[0] ? org : NULL, 0, (int)year, prog_row,
			    r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	page_end(r);
}

static int item_row(void *ctx, const struct action_item *it)
{
	struct req *r = ctx;

	H(r, "<tr><td class=\"n\">");
	N(r, it->seq);
	H(r, "</td><td>");
	T(r, it->text);
	H(r, "</td><td>");
	T(r, it->owner);
	H(r, "</td><td>");
	if (it->due_on != DATE_NONE)
		D(r, it->due_on);
	H(r, "</td><td>");
	if (it->done > 0)
		TR(r, "done");
	else if (it->done == 0)
		TR(r, "not done");
	if (it->result[0]) {
		H(r, ": ");
		T(r, it->result);
	}
	H(r, "</td></tr>\n");
	return 0;
}

/* GET /action-programmes/{id} */
void web_action_show(struct req *r)
{
	struct action_programme p;
	int64_t id = form_path_id(r);

	if (id <= 0 || app_action_get(r->app, &r->actor, id, &p, &r->e)) {
		if (!r->e.code)
			err_add(&r->e, ERR_NOTFOUND, 0, "programme", NULL, NULL,
				"no action programme has the id %s", r->pathv[0]);
		web_fail(r);
		return;
	}
	page_begin(r, p.title);
	H(r, "<dl class=\"facts\"><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd>");
	web_org_link(r, p.org_code, NULL);
	H(r, "</dd><dt>");
	TR(r, "Document");
	H(r, "</dt><dd>");
	doc_link(r, p.document_id, p.doc_number);
	H(r, "</dd><dt>");
	TR(r, "Year");
	H(r, "</dt><dd>");
	N(r, p.year);
	H(r, "</dd></dl>\n<table id=\"items\"><thead><tr><th class=\"n\">#</th><th>");
	TR(r, "Item");
	H(r, "</th><th>");
	TR(r, "Owner");
	H(r, "</th><th>");
	TR(r, "Deadline");
	H(r, "</th><th>");
	TR(r, "Result");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_action_items(r->app, &r->actor, id, item_row, r, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	page_end(r);
}
