/* web.h - the server-rendered pages: escapers by context, the layout, translations.
 *
 * Escaping by construction: page code writes markup only through H(), which accepts string
 * literals alone, and data only through html_text (element content), html_attr (a quoted
 * attribute value) and web_url_arg (a piece of a URL). */
#ifndef CADRE_WEB_H
#define CADRE_WEB_H

#include "../http/http.h"

/* Markup: a string literal only (the "" forces a compile error for anything else). */
#define H(r, lit) buf_add(&(r)->out, "" lit "", sizeof(lit) - 1)

/* Text inside an element: & < > " ' escaped. */
void html_text(struct buf *b, const char *s);
/* A value inside a double-quoted attribute: the same, plus nothing unescaped at all. */
void html_attr(struct buf *b, const char *s);
/* A query argument or path segment: everything but unreserved characters %-encoded. */
void web_url_arg(struct buf *b, const char *s);
/* Shorthands writing to the page being built. */
#define T(r, s) html_text(&(r)->out, (s))
#define A(r, s) html_attr(&(r)->out, (s))
#define U(r, s) web_url_arg(&(r)->out, (s))
/* A number. */
void html_long(struct buf *b, long long v);
#define N(r, v) html_long(&(r)->out, (long long)(v))
/* A date as YYYY-MM-DD ("" for none): for attributes (an input's value) and machines. */
void html_date(struct buf *b, date_t d);
/* Shown to a reader, in the page's language (src/web/web_fmt.c, core/locfmt): a date
 * ("06/12/2026" on Vietnamese pages, ISO on English ones), a quantity ("29.073" / "29073"),
 * a percentage count/base with its sign ("97,03%" / "97.03%", nothing without a base), an
 * instant of the audit log in the server's time zone (CADRE_TZ, Asia/Ho_Chi_Minh). */
void web_date(struct req *r, date_t d);
#define D(r, d) web_date((r), (d))
void web_num(struct req *r, long long v);
#define Q(r, v) web_num((r), (long long)(v))
void web_pct(struct req *r, long count, long base);
void web_instant(struct req *r, const char *iso);
/* The time zone of the times shown (CADRE_TZ or Asia/Ho_Chi_Minh). */
const char *web_zone(void);

/* Translations (gettext catalogues, po/LANG.po compiled by msgfmt into build/locale). The
 * message ids are the English texts; _() gives the text in the request's language. */
const char *web_tr(const struct req *r, const char *msgid);
#define _(r, s) web_tr((r), "" s "")
/* Mark a string for xgettext without translating it here. */
#define N_(s) s
/* Translated text, escaped for an element. */
#define TR(r, s) html_text(&(r)->out, web_tr((r), "" s ""))
/* Where the catalogues are looked for: $CADRE_LOCALEDIR, then build/locale next to the
 * binary, then /usr/share/locale. */
void web_init(void);
void web_shutdown(void);

/* The layout: the document head, the bar with the search box, the signed-in user, the
 * language switch and sign-out, then the page's title as h1. crumbs may be NULL. */
void page_begin(struct req *r, const char *title);
void page_end(struct req *r);
/* The hidden CSRF field of a form. */
void form_csrf(struct req *r);
/* A form field: label, input (name, value kept), and the error beside it when r->e has one
 * for that field. type: "text", "date", "number", ... */
void form_input(struct req *r, const char *label, const char *name, const char *type,
		const char *value, int required);
/* The pieces of every field, for controls other than an input (selects, checkboxes): the
 * first problem of r->e about name (or NULL); the div and label; aria-invalid and
 * aria-describedby on the control when there is a problem; the error beside it and the end. */
const struct err_item *field_err(const struct req *r, const char *name);
void field_open(struct req *r, const char *label, const char *name, const struct err_item *it);
void field_aria(struct req *r, const char *name, const struct err_item *it);
void field_close(struct req *r, const char *name, const struct err_item *it);
/* The problems of r->e that belong to no field shown, as a list at the top of a form. */
void form_errors(struct req *r, const char *const *shown_fields);
/* The whole error page for r->status (404, 403, 401, 405, 500), with r->e's message when it
 * is safe to show. */
void web_error_page(struct req *r);

#endif
