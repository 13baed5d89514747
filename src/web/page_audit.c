/* page_audit.c - GET /audit?org=&actor=&action=&subject=&from=&to=[&offset=|&before=]: the
 * audit log entries of the user's subtree that the filters pick, newest first: who, when,
 * from where, what, which record, before and after; the total, page numbers through all of
 * it (keyset by entry id for the next page), and the same entries as CSV or XLSX. */
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "web_list.h"

/* The query parameters that make the list (kept in its links). */
static const char *const audit_params[] = {"org", "actor", "action", "subject", "from", "to",
					   NULL};

struct audit_ctx {
	struct web_list *l;
	struct audit_namer nm;
	long n;
	int more;
	long long last_id;
};

/* The subject of an entry in words: a member's name linked to the member's page, an
 * admission case's candidate linked to the case's record, an organisation's name linked to
 * its page with its code beside it; the raw reference
 * ("member:7") when the record lies outside the reader's subtree or names neither. */
static void subject(struct req *r, const char *s, const struct audit_subject *sj)
{
	if (sj->kind == AUDIT_SUBJECT_MEMBER && sj->name[0]) {
		H(r, "<a href=\"/members/");
		N(r, sj->member_id);
		H(r, "\" title=\"");
		A(r, s);
		H(r, "\">");
		T(r, sj->name);
		H(r, "</a>");
	} else if (sj->kind == AUDIT_SUBJECT_ADMISSION && sj->name[0]) {
		H(r, "<a href=\"/admissions/");
		N(r, sj->admission_id);
		H(r, "\" title=\"");
		A(r, s);
		H(r, "\">");
		T(r, sj->name);
		H(r, "</a>");
	} else if (sj->kind == AUDIT_SUBJECT_ORG && sj->name[0]) {
		web_org_link(r, sj->code, sj->name);
		H(r, " <span class=\"code\">");
		T(r, sj->code);
		H(r, "</span>");
	} else {
		T(r, s);
	}
}

static int audit_row(void *ctx, const struct audit_entry *en)
{
	struct audit_ctx *c = ctx;
	struct web_list *l = c->l;
	struct req *r = l->r;
	struct audit_subject sj;

	if (!web_list_download(l) && (c->n >= WEB_PAGE_ROWS || web_page_full(r))) {
		c->more = 1;
		return 1;
	}
	app_audit_subject(&c->nm, en->subject, &sj);
	c->n++;
	c->last_id = en->id;
	web_list_tr(l, NULL);
	web_list_td_int(l, en->id);
	if (web_list_download(l)) {
		/* The stored values as they are: ISO times, the JSON of before and after. */
		web_list_td(l, en->at);
		web_list_td(l, en->actor);
		web_list_td(l, en->address);
		web_list_td(l, en->action);
		web_list_td(l, en->subject);
		web_list_td(l, sj.name);
		web_list_td(l, en->before ? en->before : "");
		web_list_td(l, en->after ? en->after : "");
		web_list_tr_end(l);
		return 0;
	}
	H(r, "<td><time datetime=\"");
	A(r, en->at);
	H(r, "\">");
	web_instant(r, en->at);
	H(r, "</time></td><td>");
	web_actor(r, en->actor);
	H(r, "</td><td>");
	T(r, en->address);
	H(r, "</td><td><span title=\"");
	A(r, en->action);
	H(r, "\">");
	T(r, web_action_label(r, en->action));
	H(r, "</span></td><td>");
	subject(r, en->subject, &sj);
	H(r, "</td><td>");
	web_json_detail(r, en->before);
	H(r, "</td><td>");
	web_json_detail(r, en->after);
	H(r, "</td>");
	web_list_tr_end(l);
	return 0;
}

/* One text field of the filter form, its value kept. */
static void filter_input(struct req *r, const char *label, const char *name, const char *type)
{
	const char *v = req_query(r, name);

	H(r, "<label>");
	T(r, label);
	H(r, " <input name=\"");
	A(r, name);
	H(r, "\" type=\"");
	A(r, type);
	H(r, "\" value=\"");
	A(r, v ? v : "");
	H(r, "\"></label> ");
}

static void filter_form(struct req *r)
{
	H(r, "<form class=\"filters\" id=\"audit-filters\" method=\"get\" action=\"/audit\">");
	filter_input(r, _(r, "Who"), "actor", "text");
	filter_input(r, _(r, "Action"), "action", "text");
	filter_input(r, _(r, "Record"), "subject", "text");
	filter_input(r, _(r, "Organisation"), "org", "text");
	filter_input(r, _(r, "From"), "from", "date");
	filter_input(r, _(r, "To"), "to", "date");
	H(r, "<button>");
	TR(r, "Filter");
	H(r, "</button> <a href=\"/audit\">");
	TR(r, "All entries");
	H(r, "</a></form>\n");
}

void web_audit(struct req *r)
{
	const char *org = req_query(r, "org");
	struct web_list l;
	struct audit_ctx c;
	struct audit_filter f;
	struct audit_counts n = {0, 0};
	struct org o;
	long long before;
	struct buf when;

	if (!org)
		org = "";
	memset(&c, 0, sizeof c);
	c.l = &l;
	before = req_query_long(r, "before", 0, 1, 1L << 62);
	if (web_list_begin(&l, r, "/audit", audit_params, "", NULL, WEB_PAGE_ROWS, "audit") ||
	    before < 0 || (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e)) ||
	    app_audit_namer_init(&c.nm, r->app, &r->actor, &r->e)) {
		web_list_abort(&l);
		web_fail(r);
		return;
	}
	memset(&f, 0, sizeof f);
	f.actor = req_query(r, "actor");
	f.action = req_query(r, "action");
	f.subject = req_query(r, "subject");
	f.from = req_query(r, "from");
	f.until = req_query(r, "to");
	if (web_list_download(&l)) {
		/* Every entry the filters pick, in the page's order. */
		web_list_th(&l, _(r, "Entry"), NULL, 1);
		web_list_th(&l, _(r, "When (UTC)"), NULL, 0);
		web_list_th(&l, _(r, "Who"), NULL, 0);
		web_list_th(&l, _(r, "From address"), NULL, 0);
		web_list_th(&l, _(r, "Action"), NULL, 0);
		web_list_th(&l, _(r, "Record"), NULL, 0);
		web_list_th(&l, _(r, "Record's name"), NULL, 0);
		web_list_th(&l, _(r, "Before"), NULL, 0);
		web_list_th(&l, _(r, "After"), NULL, 0);
		table_out_row(l.out);
		if (app_audit_find(r->app, &r->actor, org, &f, 0, -1, audit_row, &c, NULL, &r->e)) {
			web_list_abort(&l);
			web_fail(r);
			return;
		}
		web_list_send(&l, "audit");
		return;
	}
	/* A page reached by "next" starts after an entry (keyset: however deep, it reads only
	 * its own entries); a page number counts from the newest. */
	f.before = before;
	page_begin(r, _(r, "Audit log"));
	if (org[0]) {
		H(r, "<p>");
		TR(r, "Entries of");
		H(r, " ");
		web_org_link(r, o.code, o.name);
		H(r, "</p>\n");
	}
	filter_form(r);
	H(r, "<table class=\"audit\" id=\"audit\"><thead><tr>");
	web_list_th(&l, _(r, "Entry"), NULL, 1);
	buf_init(&when, 0);
	buf_printf(&when, "%s (%s)", _(r, "When"), web_zone());
	web_list_th(&l, buf_str(&when), NULL, 0);
	buf_cleanup(&when);
	web_list_th(&l, _(r, "Who"), NULL, 0);
	web_list_th(&l, _(r, "From address"), NULL, 0);
	web_list_th(&l, _(r, "Action"), NULL, 0);
	web_list_th(&l, _(r, "Record"), NULL, 0);
	web_list_th(&l, _(r, "Before"), NULL, 0);
	web_list_th(&l, _(r, "After"), NULL, 0);
	H(r, "</tr></thead><tbody>\n");
	if (app_audit_find(r->app, &r->actor, org, &f, before ? 0 : l.offset, WEB_PAGE_ROWS + 1,
			   audit_row, &c, &n, &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-entries\">");
		TR(r, "No entry.");
		H(r, "</p>\n");
	}
	l.total = n.total;
	if (before) {
		/* Where this page lies: the entries before it are those not older. */
		l.offset = n.total - n.older;
		l.offset -= l.offset % WEB_PAGE_ROWS;
	}
	if (c.more)
		l.next_before = c.last_id;
	web_list_pages(&l, c.n);
	page_end(r);
}
