/* page_insp.c - inspection and supervision on the web (docs/inspection.md "Programmes",
 * "Cases"): an organisation's programmes and cases (/orgs/CODE/inspection, with the list as
 * CSV or XLSX), a programme's page with its items and the form adding one, a case's page with
 * its history, the discipline recorded on it and the form of its next step, and the forms
 * recording a programme and opening a case. Every page needs the inspection right (403
 * without it); a record outside the actor's subtree does not exist (404). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_insp.h"
#include "../lib/buf.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option body_options[] = {
	{"inspection", N_("the inspection committee")},
	{"committee", N_("the party committee")},
	{NULL, NULL},
};
static const struct form_option pkind_options[] = {
	{"inspection", N_("inspection programme")},
	{"supervision", N_("supervision programme")},
	{NULL, NULL},
};
static const struct form_option kind_options[] = {
	{"plan", N_("inspection by plan")},
	{"signs", N_("inspection on signs of violation")},
	{"regular", N_("regular supervision")},
	{"thematic", N_("thematic supervision")},
	{"discipline_exec", N_("inspection of the execution of discipline")},
	{"finance", N_("inspection of finances and dues")},
	{NULL, NULL},
};
static const struct form_option state_options[] = {
	{"open", N_("open")},
	{"concluded", N_("concluded")},
	{"notified", N_("notified")},
	{"closed", N_("closed")},
	{NULL, NULL},
};
static const struct form_option conclusion_options[] = {
	{"no_violation", N_("no violation")},
	{"violation", N_("violation not requiring discipline")},
	{"violation_discipline", N_("violation requiring discipline")},
	{NULL, NULL},
};
static const struct form_option proposal_options[] = {
	{"", N_("(none)")},
	{"reprimand", N_("reprimand")},
	{"warning", N_("warning")},
	{"removal", N_("removal from post")},
	{"expulsion", N_("expulsion")},
	{"dissolution", N_("dissolution")},
	{NULL, NULL},
};

/* The label of code in opts, translated ("" for none). */
static const char *label(struct req *r, const struct form_option *opts, const char *code)
{
	size_t i;

	for (i = 0; opts[i].value; i++)
		if (!strcmp(opts[i].value, code))
			return web_tr(r, opts[i].label);
	return code;
}

/* The inspection right over the actor's scope, else the 403 page (1). */
static int need_right(struct req *r)
{
	if (app_inspection_check(r->app, &r->actor, 0, &r->e)) {
		web_fail(r);
		return 1;
	}
	return 0;
}

static void filter_select(struct req *r, const char *id, const char *name, const char *any,
			  const struct form_option *opts, const char *value)
{
	size_t i;

	H(r, " <label for=\"");
	A(r, id);
	H(r, "\">");
	T(r, name[0] == 'k' ? _(r, "Kind") : _(r, "State"));
	H(r, "</label> <select id=\"");
	A(r, id);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\"><option value=\"\">");
	T(r, any);
	H(r, "</option>");
	for (i = 0; opts[i].value; i++) {
		H(r, "<option value=\"");
		A(r, opts[i].value);
		H(r, "\"");
		if (value && !strcmp(value, opts[i].value))
			H(r, " selected");
		H(r, ">");
		T(r, web_tr(r, opts[i].label));
		H(r, "</option>");
	}
	H(r, "</select>");
}

/* ---- lists --------------------------------------------------------------------------- */

struct rows {
	struct req *r;
	long n;
};

static int programme_row(void *ctx, const struct insp_programme *p)
{
	struct rows *x = ctx;
	struct req *r = x->r;

	if (web_page_full(r))
		return 1;
	x->n++;
	H(r, "<tr><td>");
	N(r, p->year);
	H(r, "</td><td>");
	web_org_link(r, p->org_code, NULL);
	H(r, "</td><td>");
	T(r, label(r, body_options, insp_body_name(p->body)));
	H(r, "</td><td>");
	T(r, label(r, pkind_options, insp_pkind_name(p->kind)));
	H(r, "</td><td><a href=\"/inspection/programmes/");
	N(r, p->id);
	H(r, "\">");
	T(r, p->title);
	H(r, "</a></td><td>");
	T(r, p->doc_no);
	H(r, "</td><td class=\"num\">");
	Q(r, p->items);
	H(r, "</td><td class=\"num\">");
	Q(r, p->cases);
	H(r, "</td></tr>\n");
	return 0;
}

static int case_row(void *ctx, const struct insp_case *c)
{
	struct rows *x = ctx;
	struct req *r = x->r;

	if (web_page_full(r))
		return 1;
	x->n++;
	H(r, "<tr");
	if (app_insp_case_late(r->app, c))
		H(r, " class=\"late\"");
	H(r, "><td><a href=\"/inspection/cases/");
	N(r, c->id);
	H(r, "\">");
	T(r, c->decision_no);
	H(r, "</a></td><td>");
	D(r, c->decision_on);
	H(r, "</td><td>");
	T(r, c->body_code);
	H(r, " · ");
	T(r, label(r, body_options, insp_body_name(c->body)));
	H(r, "</td><td>");
	T(r, label(r, kind_options, insp_kind_name(c->kind)));
	H(r, "</td><td>");
	web_org_link(r, c->org_code, NULL);
	if (c->member_id) {
		H(r, " · <a href=\"/members/");
		N(r, c->member_id);
		H(r, "\">");
		T(r, c->member_name);
		H(r, "</a>");
	}
	H(r, "</td><td>");
	D(r, c->period_to);
	H(r, "</td><td>");
	T(r, label(r, state_options, insp_state_name(c->state)));
	if (app_insp_case_late(r->app, c)) {
		H(r, " <strong>");
		TR(r, "late");
		H(r, "</strong>");
	}
	H(r, "</td><td>");
	if (c->conclusion != ICN_NONE)
		T(r, label(r, conclusion_options, insp_conclusion_name(c->conclusion)));
	H(r, "</td></tr>\n");
	return 0;
}

static void case_table_head(struct req *r, const char *id)
{
	H(r, "<table class=\"list\" tabindex=\"0\" id=\"");
	A(r, id);
	H(r, "\"><thead><tr><th>");
	TR(r, "Decision");
	H(r, "</th><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Body");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "Target");
	H(r, "</th><th>");
	TR(r, "Until");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Conclusion");
	H(r, "</th></tr></thead><tbody>\n");
}

/* The ?format= download of the case list (1 when answered). */
static int cases_download(struct req *r, const struct insp_case_query *q)
{
	const char *f = req_query(r, "format");
	struct buf d;
	long long len;
	int fd, xlsx;

	if (!f || !f[0])
		return 0;
	if (strcmp(f, "csv") && strcmp(f, "xlsx")) {
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be csv or xlsx");
		web_fail(r);
		return 1;
	}
	xlsx = !strcmp(f, "xlsx");
	if (app_insp_case_export(r->app, &r->actor, q, xlsx ? TABLE_XLSX : TABLE_CSV, &fd, &len,
				 &r->e)) {
		web_fail(r);
		return 1;
	}
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			: "text/csv; charset=utf-8";
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"cases.%s\"", xlsx ? "xlsx" : "csv");
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
	return 1;
}

/* GET /orgs/{code}/inspection?year=&kind=&state=&late=&format=: the programmes of the
 * subtree and its cases. */
void web_org_inspection(struct req *r)
{
	struct insp_programme_query pq;
	struct insp_case_query q;
	struct rows x = {r, 0};
	struct org o;
	struct buf base;
	char title[ORG_NAME_MAX * 2 + 128];

	if (need_right(r))
		return;
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	memset(&q, 0, sizeof q);
	q.org = o.code;
	q.year = (int)req_query_long(r, "year", 0, 1900, 2199);
	q.kind = req_query(r, "kind");
	q.state = req_query(r, "state");
	q.late = req_query_long(r, "late", 0, 0, 1) != 0;
	if (cases_download(r, &q))
		return;
	if (snprintf(title, sizeof title, "%s: %s", _(r, "Inspection and supervision"), o.name) >=
	    (int)sizeof title)
		title[sizeof title - 1] = 0;
	page_begin(r, title);
	web_crumbs(r, o.code, _(r, "Inspection and supervision"));
	if (role_can_edit(r->actor.role)) {
		H(r, "<p class=\"actions\"><a class=\"action\" id=\"programme-new\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/inspection/programmes/new\">");
		TR(r, "Record a programme");
		H(r, "</a> <a class=\"action\" id=\"case-new\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/inspection/cases/new\">");
		TR(r, "Open a case outside the programme");
		H(r, "</a></p>\n");
	}
	H(r, "<h2 id=\"programmes\">");
	TR(r, "Programmes");
	H(r, "</h2>\n<table class=\"list\" tabindex=\"0\" id=\"programme-list\"><thead><tr><th>");
	TR(r, "Year");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Body");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "Title");
	H(r, "</th><th>");
	TR(r, "Document");
	H(r, "</th><th>");
	TR(r, "Items");
	H(r, "</th><th>");
	TR(r, "Cases");
	H(r, "</th></tr></thead><tbody>\n");
	memset(&pq, 0, sizeof pq);
	pq.org = o.code;
	if (app_insp_programme_list(r->app, &r->actor, &pq, programme_row, &x, &r->e))
		err_clear(&r->e);
	H(r, "</tbody></table>\n");
	if (!x.n) {
		H(r, "<p class=\"empty\">");
		TR(r, "No programmes recorded.");
		H(r, "</p>\n");
	}
	H(r, "<h2 id=\"cases\">");
	TR(r, "Cases");
	H(r, "</h2>\n<form method=\"get\" class=\"filters\" id=\"case-filter\"><label "
	     "for=\"f-year\">");
	TR(r, "Year");
	H(r, "</label> <input id=\"f-year\" name=\"year\" type=\"number\" min=\"1900\" "
	     "max=\"2199\" value=\"");
	if (q.year)
		N(r, q.year);
	H(r, "\">");
	filter_select(r, "f-kind", "kind", _(r, "every kind"), kind_options, q.kind);
	filter_select(r, "f-state", "state", _(r, "every state"), state_options, q.state);
	H(r, " <label><input type=\"checkbox\" name=\"late\" value=\"1\"");
	if (q.late)
		H(r, " checked");
	H(r, "> ");
	TR(r, "late only");
	H(r, "</label> <button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
	buf_init(&base, 0);
	buf_printf(&base, "/orgs/%s/inspection?year=%d&kind=%s&state=%s&late=%d&", o.code, q.year,
		   q.kind ? q.kind : "", q.state ? q.state : "", q.late);
	H(r, "<p><span class=\"downloads\" id=\"case-downloads\"><a href=\"");
	A(r, buf_str(&base));
	H(r, "format=csv\">CSV</a> <a href=\"");
	A(r, buf_str(&base));
	H(r, "format=xlsx\">XLSX</a></span></p>\n");
	buf_cleanup(&base);
	x.n = 0;
	case_table_head(r, "case-list");
	if (app_insp_case_list(r->app, &r->actor, &q, case_row, &x, &r->e)) {
		H(r, "</tbody></table>\n<p class=\"err\">");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p>\n");
		err_clear(&r->e);
		page_end(r);
		return;
	}
	H(r, "</tbody></table>\n<p id=\"case-count\">");
	Q(r, x.n);
	H(r, " ");
	TR(r, "cases");
	H(r, "</p>\n");
	page_end(r);
}

/* ---- a programme --------------------------------------------------------------------- */

static int item_row(void *ctx, const struct insp_item *it)
{
	struct rows *x = ctx;
	struct req *r = x->r;

	x->n++;
	H(r, "<tr id=\"item-");
	N(r, it->id);
	H(r, "\"><td>");
	T(r, label(r, kind_options, insp_kind_name(it->kind)));
	H(r, "</td><td>");
	web_org_link(r, it->org_code, NULL);
	if (it->member_id) {
		H(r, " · <a href=\"/members/");
		N(r, it->member_id);
		H(r, "\">");
		T(r, it->member_name);
		H(r, "</a>");
	}
	H(r, "</td><td>");
	D(r, it->planned_from);
	H(r, " – ");
	D(r, it->planned_to);
	H(r, "</td><td>");
	T(r, it->content);
	H(r, "</td><td class=\"num\">");
	Q(r, it->cases);
	H(r, "</td><td>");
	if (role_can_edit(r->actor.role)) {
		H(r, "<a class=\"action\" href=\"/orgs/");
		U(r, it->org_code);
		H(r, "/inspection/cases/new?item=");
		N(r, it->id);
		H(r, "\">");
		TR(r, "Open a case");
		H(r, "</a>");
	}
	H(r, "</td></tr>\n");
	return 0;
}

static void programme_page(struct req *r, int64_t id)
{
	static const char *const shown[] = {"org", "member_id", "kind", "from", "to", "content",
					    NULL};
	struct insp_programme p;
	struct insp_case_query q;
	struct rows x = {r, 0};
	struct err keep;
	char d[DATE_STR];

	err_init(&keep);
	err_merge(&keep, &r->e);
	err_clear(&r->e);
	if (app_insp_programme_get(r->app, &r->actor, id, &p, &r->e)) {
		err_cleanup(&keep);
		web_fail(r);
		return;
	}
	page_begin(r, p.title);
	web_crumbs(r, p.org_code, p.title);
	H(r, "<dl class=\"facts\" id=\"programme-facts\"><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd>");
	web_org_link(r, p.org_code, p.org_name);
	H(r, "</dd><dt>");
	TR(r, "Body");
	H(r, "</dt><dd>");
	T(r, label(r, body_options, insp_body_name(p.body)));
	H(r, "</dd><dt>");
	TR(r, "Kind");
	H(r, "</dt><dd>");
	T(r, label(r, pkind_options, insp_pkind_name(p.kind)));
	H(r, "</dd><dt>");
	TR(r, "Year");
	H(r, "</dt><dd>");
	N(r, p.year);
	H(r, "</dd><dt>");
	TR(r, "Approved");
	H(r, "</dt><dd>");
	T(r, date_format(p.approved_on, d));
	H(r, " ");
	T(r, p.doc_no);
	H(r, "</dd></dl>\n<h2 id=\"items\">");
	TR(r, "Items");
	H(r, "</h2>\n<table class=\"list\" tabindex=\"0\" id=\"item-list\"><thead><tr><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "Target");
	H(r, "</th><th>");
	TR(r, "Planned");
	H(r, "</th><th>");
	TR(r, "Content");
	H(r, "</th><th>");
	TR(r, "Cases");
	H(r, "</th><th></th></tr></thead><tbody>\n");
	if (app_insp_programme_items(r->app, &r->actor, id, item_row, &x, &r->e))
		err_clear(&r->e);
	H(r, "</tbody></table>\n");
	H(r, "<h2 id=\"programme-cases\">");
	TR(r, "Cases");
	H(r, "</h2>\n");
	memset(&q, 0, sizeof q);
	q.programme_id = id;
	x.n = 0;
	case_table_head(r, "programme-case-list");
	if (app_insp_case_list(r->app, &r->actor, &q, case_row, &x, &r->e))
		err_clear(&r->e);
	H(r, "</tbody></table>\n");
	err_merge(&r->e, &keep);
	err_cleanup(&keep);
	if (role_can_edit(r->actor.role)) {
		H(r, "<h2 id=\"item-add\">");
		TR(r, "Add an item");
		H(r, "</h2>\n<form method=\"post\" id=\"item-form\" action=\"/inspection/programmes/");
		N(r, id);
		H(r, "/items\">");
		form_csrf(r);
		form_errors(r, shown);
		form_input(r, _(r, "Target organisation (code)"), "org", "text", form_value(r, "org"),
			   0);
		form_input(r, _(r, "or target member (id)"), "member_id", "text",
			   form_value(r, "member_id"), 0);
		form_select(r, _(r, "Kind"), "kind", kind_options, form_value(r, "kind"), 1);
		form_input(r, _(r, "Planned from"), "from", "date", form_value(r, "from"), 1);
		form_input(r, _(r, "Planned to"), "to", "date", form_value(r, "to"), 1);
		form_input(r, _(r, "Content"), "content", "text", form_value(r, "content"), 1);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Add");
		H(r, "</button></form>\n");
	}
	page_end(r);
}

/* GET /inspection/programmes/{id} */
void web_insp_programme(struct req *r)
{
	int64_t id = form_path_id(r);

	if (need_right(r))
		return;
	programme_page(r, id);
}

/* POST /inspection/programmes/{id}/items */
void web_insp_item_post(struct req *r)
{
	struct insp_item_in in;
	int64_t id = form_path_id(r);
	char loc[80];

	in.org = form_value(r, "org");
	in.member_id = form_value(r, "member_id");
	in.kind = form_value(r, "kind");
	in.from = form_value(r, "from");
	in.to = form_value(r, "to");
	in.content = form_value(r, "content");
	if (app_insp_item_add(r->app, &r->actor, id, &in, NULL, &r->e)) {
		if (!form_fail_page(r))
			programme_page(r, id);
		return;
	}
	snprintf(loc, sizeof loc, "/inspection/programmes/%lld#items", (long long)id);
	form_done_flash(r, loc, "item-added", 0);
}

/* ---- a new programme ----------------------------------------------------------------- */

static void programme_form(struct req *r, const struct org *o)
{
	static const char *const shown[] = {"body", "year", "kind", "title", "approved_on",
					    "doc_no", NULL};

	page_begin(r, _(r, "Record a programme"));
	web_crumbs(r, o->code, _(r, "Record a programme"));
	H(r, "<p>");
	T(r, o->name);
	H(r, "</p>\n<form method=\"post\" id=\"programme-form\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/inspection/programmes\">");
	form_csrf(r);
	form_errors(r, shown);
	form_select(r, _(r, "Body"), "body", body_options, form_value(r, "body"), 1);
	form_select(r, _(r, "Kind"), "kind", pkind_options, form_value(r, "kind"), 1);
	form_input(r, _(r, "Year"), "year", "number", form_value(r, "year"), 1);
	form_input(r, _(r, "Title"), "title", "text", form_value(r, "title"), 1);
	form_input(r, _(r, "Approved on"), "approved_on", "date", form_value(r, "approved_on"), 0);
	form_input(r, _(r, "Document number (05-CTr/UBKT)"), "doc_no", "text",
		   form_value(r, "doc_no"), 0);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Save");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/inspection\">");
	TR(r, "Cancel");
	H(r, "</a></form>");
	page_end(r);
}

/* The organisation of the path for a form (1 when the error page was answered). */
static int form_org(struct req *r, struct org *o)
{
	if (need_right(r))
		return 1;
	if (app_org_get(r->app, &r->actor, r->pathv[0], o, &r->e)) {
		web_fail(r);
		return 1;
	}
	return 0;
}

/* GET /orgs/{code}/inspection/programmes/new */
void web_insp_programme_new_get(struct req *r)
{
	struct org o;

	if (form_org(r, &o) || form_read_only(r))
		return;
	programme_form(r, &o);
}

/* POST /orgs/{code}/inspection/programmes */
void web_insp_programme_post(struct req *r)
{
	struct insp_programme_in in;
	struct insp_programme p;
	struct org o;
	char loc[80];

	if (form_org(r, &o))
		return;
	in.org = o.code;
	in.body = form_value(r, "body");
	in.year = form_value(r, "year");
	in.kind = form_value(r, "kind");
	in.title = form_value(r, "title");
	in.approved_on = form_value(r, "approved_on");
	in.doc_no = form_value(r, "doc_no");
	if (app_insp_programme_add(r->app, &r->actor, &in, &p, &r->e)) {
		if (!form_fail_page(r))
			programme_form(r, &o);
		return;
	}
	snprintf(loc, sizeof loc, "/inspection/programmes/%lld", (long long)p.id);
	form_done_flash(r, loc, "programme-added", 0);
}

/* ---- opening a case ------------------------------------------------------------------ */

static void open_form(struct req *r, const struct org *o)
{
	static const char *const shown[] = {"item_id", "org", "member_id", "body_org", "body",
					    "kind", "decision_no", "decision_on", "team", "from",
					    "to", "content", NULL};
	const char *item = form_value(r, "item_id");

	if (!item[0] && req_query(r, "item"))
		item = req_query(r, "item");
	page_begin(r, _(r, "Open a case"));
	web_crumbs(r, o->code, _(r, "Open a case"));
	H(r, "<form method=\"post\" id=\"case-form\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/inspection/cases\">");
	form_csrf(r);
	form_errors(r, shown);
	if (item[0]) {
		H(r, "<p>");
		TR(r, "From the programme item");
		H(r, " ");
		T(r, item);
		H(r, "</p><input type=\"hidden\" name=\"item_id\" value=\"");
		A(r, item);
		H(r, "\">");
	} else {
		form_input(r, _(r, "Target organisation (code)"), "org", "text",
			   r->method[0] == 'G' ? o->code : form_value(r, "org"), 0);
		form_input(r, _(r, "or target member (id)"), "member_id", "text",
			   form_value(r, "member_id"), 0);
		form_input(r, _(r, "Deciding organisation (code)"), "body_org", "text",
			   form_value(r, "body_org"), 1);
		form_select(r, _(r, "Body"), "body", body_options, form_value(r, "body"), 1);
		form_select(r, _(r, "Kind"), "kind", kind_options,
			    r->method[0] == 'G' ? "signs" : form_value(r, "kind"), 1);
	}
	form_input(r, _(r, "Decision number (12-QĐ/UBKT)"), "decision_no", "text",
		   form_value(r, "decision_no"), 1);
	form_input(r, _(r, "Decision date"), "decision_on", "date", form_value(r, "decision_on"),
		   1);
	form_input(r, _(r, "Team"), "team", "text", form_value(r, "team"), 0);
	form_input(r, _(r, "From"), "from", "date", form_value(r, "from"), 1);
	form_input(r, _(r, "To"), "to", "date", form_value(r, "to"), 1);
	form_input(r, _(r, "Content"), "content", "text", form_value(r, "content"), 0);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Open the case");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/inspection\">");
	TR(r, "Cancel");
	H(r, "</a></form>");
	page_end(r);
}

/* GET /orgs/{code}/inspection/cases/new?item= */
void web_insp_case_new_get(struct req *r)
{
	struct org o;

	if (form_org(r, &o) || form_read_only(r))
		return;
	open_form(r, &o);
}

/* POST /orgs/{code}/inspection/cases */
void web_insp_case_post(struct req *r)
{
	struct insp_open_in in;
	struct insp_case c;
	struct org o;
	char loc[80];

	if (form_org(r, &o))
		return;
	in.item_id = form_value(r, "item_id");
	in.org = form_value(r, "org");
	in.member_id = form_value(r, "member_id");
	in.body_org = form_value(r, "body_org");
	in.body = form_value(r, "body");
	in.kind = form_value(r, "kind");
	in.decision_no = form_value(r, "decision_no");
	in.decision_on = form_value(r, "decision_on");
	in.team = form_value(r, "team");
	in.from = form_value(r, "from");
	in.to = form_value(r, "to");
	in.content = form_value(r, "content");
	if (app_insp_case_open(r->app, &r->actor, &in, &c, &r->e)) {
		if (!form_fail_page(r))
			open_form(r, &o);
		return;
	}
	snprintf(loc, sizeof loc, "/inspection/cases/%lld", (long long)c.id);
	form_done_flash(r, loc, "case-opened", 0);
}

/* ---- a case -------------------------------------------------------------------------- */

static int event_row(void *ctx, const struct insp_event *ev)
{
	struct rows *x = ctx;
	struct req *r = x->r;
	static const struct form_option steps[] = {
		{"open", N_("opened")},         {"concluded", N_("concluded")},
		{"notified", N_("notified")},   {"followup", N_("follow-up")},
		{"closed", N_("closed")},       {NULL, NULL},
	};

	x->n++;
	H(r, "<tr><td>");
	D(r, ev->on_date);
	H(r, "</td><td>");
	T(r, label(r, steps, ev->state));
	H(r, "</td><td>");
	T(r, ev->doc_no);
	H(r, "</td><td>");
	T(r, ev->note);
	H(r, "</td><td>");
	T(r, ev->recorded_by);
	H(r, "</td></tr>\n");
	return 0;
}

struct disc_ctx {
	struct req *r;
	int64_t case_id;
	long n;
};

static int disc_row(void *ctx, const struct discipline_rec *d)
{
	struct disc_ctx *x = ctx;
	struct req *r = x->r;

	if (d->case_id != x->case_id)
		return 0;
	x->n++;
	H(r, "<tr><td>");
	D(r, d->date);
	H(r, "</td><td>");
	T(r, d->decision_no);
	H(r, "</td><td>");
	T(r, label(r, proposal_options, discipline_form_name(d->form)));
	H(r, "</td><td>");
	T(r, d->member_id ? d->member_name : d->org_code);
	H(r, "</td><td>");
	T(r, d->body);
	H(r, "</td></tr>\n");
	return 0;
}

static void fact(struct req *r, const char *name, const char *value)
{
	H(r, "<dt>");
	T(r, name);
	H(r, "</dt><dd>");
	T(r, value);
	H(r, "</dd>");
}

/* The form of the case's next step (none once closed). */
static void step_form(struct req *r, const struct insp_case *c)
{
	static const char *const shown[] = {"on", "doc_no", "conclusion", "proposal", "findings",
					    "text", "state", NULL};
	const char *act = c->state == IS_OPEN ? "conclude" : c->state == IS_CONCLUDED ? "notify"
											: "close";

	if (c->state == IS_CLOSED || !role_can_edit(r->actor.role))
		return;
	H(r, "<h2 id=\"next-step\">");
	T(r, c->state == IS_OPEN	       ? _(r, "Conclude the case")
	     : c->state == IS_CONCLUDED ? _(r, "Notify the conclusion")
					: _(r, "Follow-up and closing"));
	H(r, "</h2>\n<form method=\"post\" id=\"step-form\" action=\"/inspection/cases/");
	N(r, c->id);
	H(r, "/step\">");
	form_csrf(r);
	form_errors(r, shown);
	form_input(r, _(r, "Date"), "on", "date", form_value(r, "on"), 1);
	if (c->state == IS_OPEN) {
		form_select(r, _(r, "Conclusion"), "conclusion", conclusion_options,
			    form_value(r, "conclusion"), 1);
		form_select(r, _(r, "Proposed discipline"), "proposal", proposal_options,
			    form_value(r, "proposal"), 0);
		form_input(r, _(r, "Findings"), "findings", "text", form_value(r, "findings"), 0);
		form_input(r, _(r, "Conclusion number (07-KL/UBKT)"), "doc_no", "text",
			   form_value(r, "doc_no"), 0);
	} else if (c->state == IS_CONCLUDED) {
		form_input(r, _(r, "Notice number (05-TB/UBKT)"), "doc_no", "text",
			   form_value(r, "doc_no"), 1);
	} else {
		form_input(r, _(r, "Follow-up of the conclusions, or a note on closing"), "text",
			   "text", form_value(r, "text"), 0);
	}
	H(r, "<input type=\"hidden\" name=\"action\" value=\"");
	A(r, act);
	H(r, "\">");
	if (c->state == IS_NOTIFIED) {
		H(r, "<button type=\"submit\" id=\"followup\" name=\"action\" value=\"followup\">");
		TR(r, "Record the follow-up");
		H(r, "</button> ");
	}
	H(r, "<button type=\"submit\" id=\"submit\" name=\"action\" value=\"");
	A(r, act);
	H(r, "\">");
	T(r, c->state == IS_OPEN	       ? _(r, "Conclude")
	     : c->state == IS_CONCLUDED ? _(r, "Record the notice")
					: _(r, "Close the case"));
	H(r, "</button></form>\n");
}

static void case_page(struct req *r, int64_t id)
{
	struct insp_case c;
	struct rows x = {r, 0};
	struct disc_ctx dx;
	struct err keep, tmp;
	char title[160], d1[DATE_STR], d2[DATE_STR], buf[1024];

	err_init(&keep);
	err_merge(&keep, &r->e);
	err_clear(&r->e);
	if (app_insp_case_get(r->app, &r->actor, id, &c, &r->e)) {
		err_cleanup(&keep);
		web_fail(r);
		return;
	}
	snprintf(title, sizeof title, "%s %s", _(r, "Case"), c.decision_no);
	page_begin(r, title);
	web_crumbs(r, c.org_code, title);
	H(r, "<dl class=\"facts\" id=\"case-facts\">");
	H(r, "<dt>");
	TR(r, "Target");
	H(r, "</dt><dd>");
	web_org_link(r, c.org_code, c.org_name);
	if (c.member_id) {
		H(r, " · <a href=\"/members/");
		N(r, c.member_id);
		H(r, "\">");
		T(r, c.member_name);
		H(r, "</a>");
	}
	H(r, "</dd>");
	snprintf(buf, sizeof buf, "%s · %s", c.body_name, label(r, body_options, insp_body_name(c.body)));
	fact(r, _(r, "Body"), buf);
	fact(r, _(r, "Kind"), label(r, kind_options, insp_kind_name(c.kind)));
	snprintf(buf, sizeof buf, "%s, %s", c.decision_no, date_format(c.decision_on, d1));
	fact(r, _(r, "Decision"), buf);
	if (c.programme_id) {
		H(r, "<dt>");
		TR(r, "Programme");
		H(r, "</dt><dd><a href=\"/inspection/programmes/");
		N(r, c.programme_id);
		H(r, "\">");
		TR(r, "the programme's item");
		H(r, "</a></dd>");
	} else {
		fact(r, _(r, "Programme"), _(r, "outside the programme"));
	}
	snprintf(buf, sizeof buf, "%s – %s", date_format(c.period_from, d1),
		 date_format(c.period_to, d2));
	fact(r, _(r, "Period"), buf);
	fact(r, _(r, "Team"), c.team);
	fact(r, _(r, "Content"), c.content);
	H(r, "<dt>");
	TR(r, "State");
	H(r, "</dt><dd id=\"case-state\">");
	T(r, label(r, state_options, insp_state_name(c.state)));
	if (app_insp_case_late(r->app, &c)) {
		H(r, " <strong>");
		TR(r, "late");
		H(r, "</strong>");
	}
	H(r, "</dd>");
	if (c.conclusion != ICN_NONE) {
		H(r, "<dt>");
		TR(r, "Conclusion");
		H(r, "</dt><dd id=\"case-conclusion\">");
		T(r, label(r, conclusion_options, insp_conclusion_name(c.conclusion)));
		if (c.proposal[0]) {
			H(r, " (");
			TR(r, "proposed");
			H(r, ": ");
			T(r, label(r, proposal_options, c.proposal));
			H(r, ")");
		}
		H(r, "</dd>");
		fact(r, _(r, "Findings"), c.findings);
	}
	H(r, "</dl>\n<h2 id=\"history\">");
	TR(r, "History");
	H(r, "</h2>\n<table class=\"list\" tabindex=\"0\" id=\"case-history\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Step");
	H(r, "</th><th>");
	TR(r, "Document");
	H(r, "</th><th>");
	TR(r, "Note");
	H(r, "</th><th>");
	TR(r, "By");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_insp_case_history(r->app, &r->actor, id, event_row, &x, &r->e))
		err_clear(&r->e);
	H(r, "</tbody></table>\n");
	dx.r = r;
	dx.case_id = id;
	dx.n = 0;
	H(r, "<h2 id=\"discipline\">");
	TR(r, "Discipline decided on this case");
	H(r, "</h2>\n<table class=\"list\" tabindex=\"0\" id=\"case-discipline\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Decision");
	H(r, "</th><th>");
	TR(r, "Form");
	H(r, "</th><th>");
	TR(r, "Target");
	H(r, "</th><th>");
	TR(r, "Body");
	H(r, "</th></tr></thead><tbody>\n");
	err_init(&tmp);
	{
		struct discipline_filter df = {c.org_code, 0, -1, NULL};

		app_discipline_list(r->app, &r->actor, &df, disc_row, &dx, &tmp);
	}
	err_cleanup(&tmp);
	H(r, "</tbody></table>\n");
	if (!dx.n) {
		H(r, "<p class=\"empty\">");
		TR(r, "No discipline recorded on this case.");
		H(r, "</p>\n");
	}
	err_merge(&r->e, &keep);
	err_cleanup(&keep);
	step_form(r, &c);
	page_end(r);
}

/* GET /inspection/cases/{id} */
void web_insp_case(struct req *r)
{
	if (need_right(r))
		return;
	case_page(r, form_path_id(r));
}

/* POST /inspection/cases/{id}/step: action conclude|notify|followup|close with its fields. */
void web_insp_step_post(struct req *r)
{
	static const char *const acts[] = {"conclude", "notify", "followup", "close"};
	struct insp_step_in in;
	const char *a = form_value(r, "action");
	int64_t id = form_path_id(r);
	char loc[80];
	int i;

	for (i = 0; i < IA__COUNT && strcmp(a, acts[i]); i++)
		;
	if (i == IA__COUNT) {
		err_add(&r->e, ERR_INPUT, 0, "action", a, NULL,
			"action is conclude, notify, followup or close");
		r->status = 422;
		web_error_page(r);
		return;
	}
	memset(&in, 0, sizeof in);
	in.on = form_value(r, "on");
	in.doc_no = form_value(r, "doc_no");
	in.findings = form_value(r, "findings");
	in.conclusion = form_value(r, "conclusion");
	in.proposal = form_value(r, "proposal");
	in.text = form_value(r, "text");
	if (app_insp_case_step(r->app, &r->actor, id, (enum insp_action)i, &in, NULL, &r->e)) {
		if (!form_fail_page(r))
			case_page(r, id);
		return;
	}
	snprintf(loc, sizeof loc, "/inspection/cases/%lld#history", (long long)id);
	form_done_flash(r, loc, "case-step", 0);
}
