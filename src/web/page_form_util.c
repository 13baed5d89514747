/* page_form_util.c - what the form pages share: selects and checkboxes, reading ids and dates
 * from a request, and the answers after a change (done, or the error page). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "flash.h"
#include "page_form.h"

void form_select(struct req *r, const char *label, const char *name,
		 const struct form_option *opts, const char *value, int required)
{
	const struct err_item *it = field_err(r, name);
	size_t i;
	int found = 0;

	if (!value)
		value = "";
	field_open(r, label, name, it);
	H(r, "<select id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\"");
	if (required)
		H(r, " required");
	field_aria(r, name, it);
	H(r, ">");
	for (i = 0; opts[i].value; i++) {
		H(r, "<option value=\"");
		A(r, opts[i].value);
		H(r, "\"");
		if (!strcmp(opts[i].value, value)) {
			H(r, " selected");
			found = 1;
		}
		H(r, ">");
		T(r, opts[i].label[0] ? web_tr(r, opts[i].label) : "");
		H(r, "</option>");
	}
	if (!found && value[0]) {
		H(r, "<option value=\"");
		A(r, value);
		H(r, "\" selected>");
		T(r, value);
		H(r, "</option>");
	}
	H(r, "</select>");
	field_close(r, name, it);
}

void form_checkbox(struct req *r, const char *label, const char *name, const char *value)
{
	const struct err_item *it = field_err(r, name);

	H(r, "<div class=\"field check");
	if (it)
		H(r, " bad");
	H(r, "\"><input id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\" type=\"checkbox\" value=\"1\"");
	if (value && value[0])
		H(r, " checked");
	field_aria(r, name, it);
	H(r, "><label for=\"f-");
	A(r, name);
	H(r, "\">");
	T(r, label);
	H(r, "</label>");
	field_close(r, name, it);
}

int64_t form_path_id(const struct req *r)
{
	const char *s = r->pathv[0];
	char *end;
	long long v;

	if (!s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0)
		return 0;
	return (int64_t)v;
}

const char *form_value(const struct req *r, const char *name)
{
	const char *v = req_form(r, name);

	return v ? v : "";
}

void form_text(struct req *r, const char *name, char *dst, size_t cap)
{
	const char *v = form_value(r, name);
	size_t n = strlen(v);

	/* Never cut what was typed: too long is said (app checks it again after NFC). */
	if (n >= cap) {
		dst[0] = 0;
		err_add(&r->e, ERR_INPUT, 0, name, NULL, NULL,
			"the text is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", n,
			cap - 1);
		return;
	}
	memcpy(dst, v, n + 1);
}

date_t form_date(struct req *r, const char *name)
{
	const char *v = req_form(r, name), *why = NULL;
	date_t d;

	if (!v || !v[0])
		return DATE_NONE;
	if (date_parse(v, &d, &why)) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s is not a date (YYYY-MM-DD): %s", v,
			why ? why : "not a date");
		return DATE_NONE;
	}
	return d;
}

int form_fail_page(struct req *r)
{
	switch (r->e.code) {
	case ERR_INPUT:
	case ERR_RULE:
	case ERR_USAGE:
		r->status = 422;
		return 0;
	case ERR_NOTFOUND:
		/* The same page as for a record that does not exist: nothing of the record, not
		 * even the lookup's message, is shown. */
		err_clear(&r->e);
		r->status = 404;
		break;
	default:
		r->status = http_status_of(r->e.code);
		break;
	}
	web_error_page(r);
	return 1;
}

int form_read_only(struct req *r)
{
	struct err tmp;

	err_init(&tmp);
	if (!app_can_edit(&r->actor, &tmp)) {
		err_cleanup(&tmp);
		return 0;
	}
	err_cleanup(&tmp);
	err_clear(&r->e);
	err_set(&r->e, ERR_DENIED, "%s",
		_(r, "Your role may read these records but not change them."));
	r->status = 403;
	web_error_page(r);
	return 1;
}

void form_done(struct req *r, const char *location)
{
	size_t i;

	if (!r->app->warn.n) {
		req_redirect(r, location);
		return;
	}
	page_begin(r, _(r, "Saved, with warnings"));
	H(r, "<div class=\"note warnings\" role=\"status\"><p>");
	TR(r, "The change was saved. Check these points:");
	H(r, "</p><ul>");
	for (i = 0; i < r->app->warn.n; i++) {
		const struct err_item *it = &r->app->warn.items[i];

		H(r, "<li>");
		T(r, it->msg);
		if (it->rule[0]) {
			H(r, " <code>");
			T(r, it->rule);
			H(r, "</code>");
		}
		H(r, "</li>");
	}
	H(r, "</ul></div><p><a id=\"next\" href=\"");
	A(r, location);
	H(r, "\">");
	TR(r, "Continue");
	H(r, "</a></p>");
	page_end(r);
}

void form_done_flash(struct req *r, const char *location, const char *key, int64_t member_id)
{
	struct buf loc;

	buf_init(&loc, 0);
	flash_location(&loc, location, key, member_id);
	form_done(r, buf_str(&loc));
	buf_cleanup(&loc);
}

int form_member(struct req *r, struct member *m)
{
	int64_t id = form_path_id(r);

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such member");
	if (r->e.code || app_member_get(r->app, &r->actor, id, m, &r->e)) {
		form_fail_page(r);
		return 1;
	}
	return 0;
}

void form_submit_cancel(struct req *r, const char *label, int64_t member_id)
{
	H(r, "<button type=\"submit\" id=\"submit\">");
	T(r, label);
	H(r, "</button> <a href=\"/members/");
	N(r, member_id);
	H(r, "\">");
	TR(r, "Cancel");
	H(r, "</a></form>");
}
