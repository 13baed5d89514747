/* page_login.c - the start page, signing in and out, the language switch. */
#include <string.h>

#include "pages.h"

/* A safe place to go back to after signing in: a path on this site only. Browsers drop
 * tabs and line breaks from a URL and read a backslash as a slash, so "/\t/evil.example"
 * would leave the site: no control character and no backslash anywhere. */
static const char *local_next(const char *next)
{
	const unsigned char *p;

	if (!next || next[0] != '/' || next[1] == '/')
		return "/";
	for (p = (const unsigned char *)next; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return "/";
	return next;
}

static void set_cookie(struct req *r, const char *name, const char *value, int max_age)
{
	struct buf b;

	buf_init(&b, 0);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s", name, value,
		   r->https ? "; Secure" : "");
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%d", max_age);
	req_header(r, "Set-Cookie", buf_str(&b));
	buf_cleanup(&b);
}

static void login_form(struct req *r, const char *name, const char *msg)
{
	page_begin(r, _(r, "Sign in"));
	if (msg) {
		H(r, "<div class=\"errors\" role=\"alert\"><p>");
		T(r, msg);
		H(r, "</p></div>");
	}
	H(r, "<form method=\"post\" action=\"/login\" class=\"login\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"next\" value=\"");
	A(r, local_next(req_query(r, "next") ? req_query(r, "next") : req_form(r, "next")));
	H(r, "\">");
	form_input(r, _(r, "Account name"), "name", "text", name, 1);
	H(r, "<div class=\"field\"><label for=\"f-password\">");
	TR(r, "Password");
	H(r, "</label><input id=\"f-password\" name=\"password\" type=\"password\" required "
	     "autocomplete=\"current-password\"></div><button>");
	TR(r, "Sign in");
	H(r, "</button></form>");
	page_end(r);
}

void web_login_get(struct req *r)
{
	if (r->authed) {
		req_redirect(r, "/");
		return;
	}
	login_form(r, "", NULL);
}

void web_login_post(struct req *r)
{
	const char *name = req_form(r, "name"), *pw = req_form(r, "password");
	long max_fails = 20, window = 15, idle = 30, wait;
	struct actor ac;
	char id[SESSION_ID_CHARS], csrf[CSRF_CHARS];

	ruleset_int(&r->app->rules, R_LOGIN_ADDRESS_MAX_FAILS, r->app->today, &max_fails);
	ruleset_int(&r->app->rules, R_LOGIN_LOCK_MINUTES, r->app->today, &window);
	ruleset_int(&r->app->rules, R_SESSION_IDLE_MINUTES, r->app->today, &idle);
	/* R-LOGIN-ADDRESS-MAX-FAILS: too many failures from this address, whatever the name.
	 * The attempt counts now, before the password is checked; a success takes it back. */
	if ((wait = session_address_try(r->address, max_fails, window)) > 0) {
		struct buf m;
		const char *tr = _(r, "Too many failed sign-ins from your address; try again in "
				      "{minutes} minutes.");
		const char *at = strstr(tr, "{minutes}");

		/* A translation is text, never a format: the number goes where it says. */
		buf_init(&m, 0);
		if (at) {
			buf_add(&m, tr, (size_t)(at - tr));
			buf_printf(&m, "%ld", (wait + 59) / 60);
			buf_adds(&m, at + 9);
		} else {
			buf_adds(&m, tr);
		}
		r->status = 429;
		login_form(r, name ? name : "", buf_str(&m));
		r->status = 429;
		buf_cleanup(&m);
		return;
	}
	if (!name || !pw ||
	    app_login_password(r->app, name, pw, r->address, &ac, &r->e)) {
		const char *msg = r->e.n && r->e.items[0].rule[0] ?
			r->e.items[0].msg : _(r, "The account name or the password is wrong.");

		err_clear(&r->e);
		r->status = 401;
		login_form(r, name ? name : "", msg);
		r->status = 401;
		return;
	}
	session_address_ok(r->address);
	session_create(&ac, r->lang, idle, id, csrf);
	set_cookie(r, "sid", id, -1);
	set_cookie(r, "pcsrf", "", 0);
	req_redirect(r, local_next(req_form(r, "next")));
}

void web_logout(struct req *r)
{
	if (r->session_id[0])
		session_end(r->session_id);
	set_cookie(r, "sid", "", 0);
	req_redirect(r, "/login");
}

void web_lang(struct req *r)
{
	const char *lang = req_form(r, "lang");

	lang = lang && !strcmp(lang, "en") ? "en" : "vi";
	if (r->session_id[0])
		session_set_lang(r->session_id, lang);
	set_cookie(r, "lang", lang, 365 * 24 * 3600);
	req_redirect(r, local_next(req_form(r, "next")));
}
