/* html.c - the escapers by context, and the layout every page shares. */
#include <stdio.h>
#include <string.h>

#include "flash.h"
#include "pages.h"
#include "web.h"

void html_text(struct buf *b, const char *s)
{
	const char *p, *run;

	if (!s)
		return;
	for (run = p = s; *p; p++) {
		const char *rep;

		switch (*p) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, run, (size_t)(p - run));
		buf_adds(b, rep);
		run = p + 1;
	}
	buf_add(b, run, (size_t)(p - run));
}

void html_attr(struct buf *b, const char *s)
{
	/* The same set: inside a double-quoted attribute nothing else can end the value, and
	 * backticks or = cannot start anything. */
	html_text(b, s);
}

void web_url_arg(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	if (!s)
		return;
	for (p = (const unsigned char *)s; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~' || *p == '/') {
			buf_addc(b, (char)*p);
		} else {
			buf_addc(b, '%');
			buf_addc(b, hex[*p >> 4]);
			buf_addc(b, hex[*p & 15]);
		}
	}
}

void html_long(struct buf *b, long long v)
{
	buf_printf(b, "%lld", v);
}

void html_date(struct buf *b, date_t d)
{
	char s[DATE_STR];

	if (d != DATE_NONE)
		buf_adds(b, date_format(d, s));
}

void page_begin(struct req *r, const char *title)
{
	buf_reset(&r->out);
	if (!r->status)
		r->status = 200;
	if (!r->authed && !r->csrf[0]) {
		/* The pre-session token of the forms on this page (see server.c). */
		struct buf c;

		csrf_new(r->csrf);
		buf_init(&c, 0);
		buf_printf(&c, "pcsrf=%s; Path=/; HttpOnly; SameSite=Strict%s", r->csrf,
			   r->https ? "; Secure" : "");
		req_header(r, "Set-Cookie", buf_str(&c));
		buf_cleanup(&c);
	}
	r->ctype = "text/html; charset=utf-8";
	H(r, "<!DOCTYPE html>\n<html lang=\"");
	A(r, r->lang);
	H(r, "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
	     "content=\"width=device-width, initial-scale=1\"><title>");
	T(r, title);
	H(r, " · cadre</title><link rel=\"stylesheet\" href=\"/static/cadre.css\">"
	     "<link rel=\"icon\" href=\"data:,\"></head><body>\n<a class=\"skip\" href=\"#main\">");
	TR(r, "Skip to the content");
	H(r, "</a><header class=\"bar\"><a class=\"home\" href=\"/\">cadre</a>");
	if (r->authed && r->actor.role == ROLE_MEMBER) {
		/* A member's own account: its handbook (page_hb.c) has its own menu; the staff's
		 * search and pages would only answer it "not found". */
		H(r, "<details class=\"menu\"><summary>");
		TR(r, "Menu");
		H(r, "</summary><span class=\"who\">");
		T(r, r->actor.name);
		H(r, "</span>");
	} else if (r->authed) {
		H(r, "<form class=\"search\" method=\"get\" action=\"/search\" role=\"search\">"
		     "<label for=\"q\" class=\"vh\">");
		TR(r, "Search members");
		H(r, "</label><input id=\"q\" name=\"q\" type=\"search\" placeholder=\"");
		A(r, _(r, "Search members (accents optional)"));
		H(r, "\" value=\"");
		A(r, req_query(r, "q") ? req_query(r, "q") : "");
		H(r, "\"><button>");
		TR(r, "Search");
		/* The menu folds into a <details> on a phone; at a desk the stylesheet shows
		 * its content without the summary (no script either way). */
		H(r, "</button></form><details class=\"menu\"><summary>");
		TR(r, "Menu");
		H(r, "</summary><nav aria-label=\"");
		A(r, _(r, "Main menu"));
		H(r, "\"><a href=\"/tree\">");
		TR(r, "Tree");
		H(r, "</a> <a href=\"/transfers\">");
		TR(r, "Transfers");
		H(r, "</a> <a href=\"/meetings\">");
		TR(r, "Meetings");
		H(r, "</a> <a href=\"/import\">");
		TR(r, "Import");
		H(r, "</a> <a href=\"/audit\">");
		TR(r, "Audit"); /* the menu's short name of the audit log */
		H(r, "</a> <a href=\"/discipline\">");
		TR(r, "Discipline");
		H(r, "</a> <a href=\"/emulation\">");
		TR(r, "Emulation");
		H(r, "</a> <a href=\"/rules\">");
		TR(r, "Rules");
		H(r, "</a></nav><span class=\"who\">");
		T(r, r->actor.name);
		H(r, "</span>");
	}
	H(r, "<form class=\"lang\" method=\"post\" action=\"/lang\">");
	if (r->authed != 2)
		form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"next\" value=\"");
	A(r, r->path);
	H(r, "\">");
	if (!strcmp(r->lang, "en"))
		H(r, "<button name=\"lang\" value=\"vi\" lang=\"vi\">Tiếng Việt</button>");
	else
		H(r, "<button name=\"lang\" value=\"en\" lang=\"en\">English</button>");
	H(r, "</form>");
	if (r->authed == 1) {
		H(r, "<form class=\"out\" method=\"post\" action=\"/logout\">");
		form_csrf(r);
		H(r, "<button>");
		TR(r, "Sign out");
		H(r, "</button></form>");
	}
	if (r->authed)
		H(r, "</details>");
	H(r, "</header>\n<main id=\"main\">\n<h1>");
	T(r, title);
	H(r, "</h1>\n");
	web_flash(r);
}

void page_end(struct req *r)
{
	H(r, "</main>\n<footer class=\"foot\">cadre · ");
	if (r->authed) {
		T(r, r->actor.name);
		H(r, " · ");
	}
	D(r, r->app ? r->app->today : DATE_NONE);
	H(r, "</footer>\n</body></html>\n");
}

void form_csrf(struct req *r)
{
	H(r, "<input type=\"hidden\" name=\"csrf\" value=\"");
	A(r, r->csrf);
	H(r, "\">");
}

/* The first problem of r->e about field name, or NULL. */
const struct err_item *field_err(const struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->e.n; i++)
		if (!strcmp(r->e.items[i].field, name))
			return &r->e.items[i];
	return NULL;
}

/* The opening of a field: div, label. */
void field_open(struct req *r, const char *label, const char *name,
		       const struct err_item *it)
{
	H(r, "<div class=\"field");
	if (it)
		H(r, " bad");
	H(r, "\"><label for=\"f-");
	A(r, name);
	H(r, "\">");
	T(r, label);
	H(r, "</label>");
}

/* The error beside a field and the end of the div. */
void field_close(struct req *r, const char *name, const struct err_item *it)
{
	if (it) {
		H(r, "<span class=\"err\" id=\"e-");
		A(r, name);
		H(r, "\">");
		T(r, it->msg);
		if (it->rule[0]) {
			H(r, " <code>");
			T(r, it->rule);
			H(r, "</code>");
		}
		H(r, "</span>");
	}
	H(r, "</div>\n");
}

/* The attributes of a control with an error: aria-invalid and the error's id. */
void field_aria(struct req *r, const char *name, const struct err_item *it)
{
	if (!it)
		return;
	H(r, " aria-invalid=\"true\" aria-describedby=\"e-");
	A(r, name);
	H(r, "\"");
}

void form_input(struct req *r, const char *label, const char *name, const char *type,
		const char *value, int required)
{
	const struct err_item *it = field_err(r, name);

	field_open(r, label, name, it);
	H(r, "<input id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\" type=\"");
	A(r, type);
	H(r, "\" value=\"");
	A(r, value ? value : "");
	H(r, "\"");
	if (required)
		H(r, " required");
	field_aria(r, name, it);
	H(r, ">");
	field_close(r, name, it);
}

void form_errors(struct req *r, const char *const *shown_fields)
{
	size_t i, k;
	int open = 0;

	for (i = 0; i < r->e.n; i++) {
		const struct err_item *it = &r->e.items[i];
		int shown = 0;

		for (k = 0; shown_fields && shown_fields[k]; k++)
			if (!strcmp(it->field, shown_fields[k]))
				shown = 1;
		if (!open) {
			/* The summary at the top of the form: every problem, those of a field
			 * linked to it (its control's id f-NAME), each shown again beside it. */
			H(r, "<div class=\"errors\" role=\"alert\" id=\"error-summary\"><p>");
			TR(r, "The form has problems:");
			H(r, "</p><ul>");
			open = 1;
		}
		if (shown) {
			H(r, "<li><a href=\"#f-");
			A(r, it->field);
			H(r, "\">");
			T(r, web_word(r, it->field));
			H(r, "</a>: ");
			T(r, it->msg);
			H(r, "</li>");
			continue;
		}
		H(r, "<li>");
		if (it->line) {
			TR(r, "line");
			H(r, " ");
			N(r, it->line);
			H(r, ": ");
		}
		if (it->field[0]) {
			T(r, it->field);
			H(r, ": ");
		}
		T(r, it->msg);
		if (it->rule[0]) {
			H(r, " <code>");
			T(r, it->rule);
			H(r, "</code>");
		}
		H(r, "</li>");
	}
	if (open)
		H(r, "</ul></div>\n");
}

void web_error_page(struct req *r)
{
	int status = r->status ? r->status : 500;
	const char *title;

	switch (status) {
	case 401: title = _(r, "Please sign in"); break;
	case 403: title = _(r, "Not allowed"); break;
	case 404: title = _(r, "Not found"); break;
	case 405: title = _(r, "Method not allowed"); break;
	case 429: title = _(r, "Too many attempts"); break;
	default: title = _(r, "Something went wrong"); break;
	}
	page_begin(r, title);
	r->status = status;
	H(r, "<p>");
	if (status == 404)
		TR(r, "There is no such page or record, or it is outside your organisation.");
	else if (status == 403 && !r->e.n)
		TR(r, "The form has expired or did not come from this site. Go back, reload the "
		      "page and send it again.");
	else if (r->e.n)
		T(r, r->e.items[0].msg);
	else if (status == 401)
		TR(r, "Sign in to see this page.");
	H(r, "</p><p><a href=\"/\">");
	TR(r, "Go to the start page");
	H(r, "</a></p>");
	page_end(r);
}
