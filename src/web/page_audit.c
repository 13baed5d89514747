/* page_audit.c - GET /audit[?org=CODE][&offset=N]: the audit log entries of the user's
 * subtree, newest first: who, when, from where, what, which record, before and after. */
#include <string.h>

#include "pages.h"

/* How far back the pages reach; older entries are read with 'cadre audit list'. */
#define AUDIT_MAX 5000

struct audit_ctx {
	struct req *r;
	long skip, n;
	int more;
};

/* The subject of an entry, linked when it names a member or an organisation. */
static void subject(struct req *r, const char *s)
{
	if (!strncmp(s, "member:", 7) && s[7] >= '1' && s[7] <= '9' &&
	    strspn(s + 7, "0123456789") == strlen(s + 7)) {
		H(r, "<a href=\"/members/");
		A(r, s + 7);
		H(r, "\">");
		T(r, s);
		H(r, "</a>");
	} else if (!strncmp(s, "org:", 4) && s[4]) {
		H(r, "<a href=\"/orgs/");
		U(r, s + 4);
		H(r, "\">");
		T(r, s);
		H(r, "</a>");
	} else {
		T(r, s);
	}
}

static int audit_row(void *ctx, const struct audit_entry *en)
{
	struct audit_ctx *c = ctx;
	struct req *r = c->r;

	if (c->skip > 0) {
		c->skip--;
		return 0;
	}
	if (c->n >= WEB_PAGE_ROWS || web_page_full(r)) {
		c->more = 1;
		return 1;
	}
	c->n++;
	H(r, "<tr><td class=\"n\">");
	N(r, en->id);
	H(r, "</td><td><time datetime=\"");
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
	subject(r, en->subject);
	H(r, "</td><td>");
	web_json_detail(r, en->before);
	H(r, "</td><td>");
	web_json_detail(r, en->after);
	H(r, "</td></tr>\n");
	return 0;
}

void web_audit(struct req *r)
{
	const char *org = req_query(r, "org");
	struct audit_ctx c = {r, 0, 0, 0};
	struct org o;
	long offset;

	if (!org)
		org = "";
	offset = req_query_long(r, "offset", 0, 0, AUDIT_MAX);
	if (offset < 0 || (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e))) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Audit log"));
	if (org[0]) {
		H(r, "<p>");
		TR(r, "Entries of");
		H(r, " ");
		web_org_link(r, o.code, o.name);
		H(r, " · <a href=\"/audit\">");
		TR(r, "All entries");
		H(r, "</a></p>\n");
	}
	H(r, "<table class=\"audit\" id=\"audit\"><thead><tr><th class=\"n\">");
	TR(r, "Entry");
	H(r, "</th><th>");
	TR(r, "When");
	H(r, " (");
	T(r, web_zone());
	H(r, ")");
	H(r, "</th><th>");
	TR(r, "Who");
	H(r, "</th><th>");
	TR(r, "From address");
	H(r, "</th><th>");
	TR(r, "Action");
	H(r, "</th><th>");
	TR(r, "Record");
	H(r, "</th><th>");
	TR(r, "Before");
	H(r, "</th><th>");
	TR(r, "After");
	H(r, "</th></tr></thead><tbody>\n");
	c.skip = offset;
	if (app_audit_list(r->app, &r->actor, org, offset + WEB_PAGE_ROWS + 1, audit_row, &c,
			   &r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-entries\">");
		TR(r, "No entry.");
		H(r, "</p>\n");
	}
	web_pager_org(r, "/audit", org, offset, c.n, c.more && offset + c.n < AUDIT_MAX);
	page_end(r);
}
