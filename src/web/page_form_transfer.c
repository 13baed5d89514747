/* page_form_transfer.c - transfers of party activity: the sending form of a member, and the
 * receive, return and cancel buttons of the transfers page (POST only). */
#include <string.h>

#include "../app/app_web.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option kind_opts[] = {
	{"official", N_("Official")}, {"temporary", N_("Temporary")}, {NULL, NULL},
};

static const char *const shown[] = {"to", "kind", "date", "until", "reason", "letter_no",
				    NULL};

static void send_form(struct req *r, const struct member *m, int post)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Transfer party activity"), m->full_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"now\">");
	TR(r, "On the roll of:");
	H(r, " <a id=\"from\" href=\"/orgs/");
	U(r, m->org_code);
	H(r, "\">");
	T(r, m->org_code);
	H(r, "</a></p>");
	form_errors(r, shown);
	{
		/* The receiving organisation chosen by name (picker.c): back here with ?to=CODE. */
		struct buf ret;
		const char *to = req_query(r, "to");

		buf_init(&ret, 0);
		buf_printf(&ret, "/members/%lld/transfer", (long long)m->id);
		web_pick_form(r, buf_str(&ret), "to");
		buf_cleanup(&ret);
		H(r, "<form method=\"post\" class=\"record\" id=\"transfer-form\" action=\"/members/");
		N(r, m->id);
		H(r, "/transfer\">");
		form_csrf(r);
		form_input(r, _(r, "To (organisation code)"), "to", "text",
			   post ? form_value(r, "to") : to ? to : "", 1);
	}
	form_select(r, _(r, "Kind of transfer"), "kind", kind_opts,
		    post ? form_value(r, "kind") : "official", 1);
	form_input(r, _(r, "Date sent (empty: today)"), "date", "date",
		   post ? form_value(r, "date") : "", 0);
	form_input(r, _(r, "Until (temporary transfers)"), "until", "date",
		   post ? form_value(r, "until") : "", 0);
	form_input(r, _(r, "Reason"), "reason", "text", post ? form_value(r, "reason") : "", 0);
	form_input(r, _(r, "Letter number"), "letter_no", "text",
		   post ? form_value(r, "letter_no") : "", 0);
	form_submit_cancel(r, _(r, "Send the transfer"), m->id);
	H(r, WEB_PICKER_SCRIPT "\n");
	page_end(r);
}

void web_transfer_send_get(struct req *r)
{
	struct member m;

	if (form_member(r, &m))
		return;
	if (form_read_only(r))
		return;
	send_form(r, &m, 0);
}

void web_transfer_send_post(struct req *r)
{
	struct member m;
	struct transfer t;
	int64_t id = form_path_id(r);
	const char *kind = form_value(r, "kind"), *to = form_value(r, "to");
	date_t date, until;
	struct buf loc;

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such member");
	if (r->e.code || app_member_get(r->app, &r->actor, id, &m, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (strcmp(kind, "official") && strcmp(kind, "temporary"))
		err_add(&r->e, ERR_INPUT, 0, "kind", kind, NULL, "%s",
			_(r, "Choose official or temporary."));
	if (!to[0])
		err_add(&r->e, ERR_INPUT, 0, "to", NULL, NULL, "%s",
			_(r, "Give the code of the receiving organisation."));
	date = form_date(r, "date");
	until = form_date(r, "until");
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code ||
	    app_member_transfer(r->app, &r->actor, id, to, !strcmp(kind, "temporary"), date, until,
				form_value(r, "reason"), form_value(r, "letter_no"), &t, &r->e)) {
		/* A receiving organisation that does not exist is a mistake in the field "to",
		 * not a missing page: the member was found above. */
		if (r->e.code == ERR_NOTFOUND)
			r->e.code = ERR_INPUT;
		if (!form_fail_page(r))
			send_form(r, &m, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/transfers?org=");
	web_url_arg(&loc, t.from_code);
	form_done_flash(r, buf_str(&loc), "transfer-sent", id);
	buf_cleanup(&loc);
}

/* The answer of a receive or return that was refused: the error page for a transfer out of
 * sight (404) or a role that may only read (403); otherwise the problems and the way back. */
static void transfer_refused(struct req *r)
{
	if (r->e.code == ERR_NOTFOUND || r->e.code == ERR_DENIED || r->e.code == ERR_STORAGE ||
	    r->e.code == ERR_INTERNAL) {
		form_fail_page(r);
		return;
	}
	r->status = http_status_of(r->e.code);
	page_begin(r, _(r, "The transfer was not recorded"));
	r->status = http_status_of(r->e.code);
	form_errors(r, NULL);
	H(r, "<p><a id=\"back\" href=\"/transfers\">");
	TR(r, "Back to the transfers");
	H(r, "</a></p>");
	page_end(r);
}

/* POST /transfers/{id}/receive and /transfers/{id}/return: field "date", empty for today. */
static void transfer_step(struct req *r, int receive)
{
	struct transfer t;
	int64_t id = form_path_id(r);
	date_t date;

	if (!id) {
		err_set(&r->e, ERR_NOTFOUND, "no such transfer");
		form_fail_page(r);
		return;
	}
	date = form_date(r, "date");
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code ||
	    (receive ? app_member_receive(r->app, &r->actor, id, date, &t, &r->e) :
		       app_member_return(r->app, &r->actor, id, date, &r->e))) {
		transfer_refused(r);
		return;
	}
	if (receive)
		form_done_flash(r, "/transfers", "transfer-received", t.member_id);
	else
		form_done_flash(r, "/transfers", "transfer-returned", 0);
}

struct find_row {
	int64_t id;
	struct transfer_row row;
	int found;
};

static int find_row(void *ctx, const struct transfer_row *row)
{
	struct find_row *f = ctx;

	if (row->t.id != f->id)
		return 0;
	f->row = *row;
	f->found = 1;
	return 1;
}

/* GET /transfers/{id}/receive?date=: the confirmation before a receipt: whom, from where, to
 * where, sent when; the date of arrival to check; the button that records it (POST). */
void web_transfer_receive_get(struct req *r)
{
	struct find_row f;
	const struct transfer *t = &f.row.t;
	const char *d = req_query(r, "date");

	memset(&f, 0, sizeof f);
	f.id = form_path_id(r);
	if (f.id && app_transfer_rows(r->app, &r->actor, "", find_row, &f, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (!f.found || t->state != TS_SENT) {
		/* Out of sight, received already, or no such transfer: nothing to confirm. */
		err_set(&r->e, ERR_NOTFOUND, "no such open transfer");
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	page_begin(r, _(r, "Receive a transferred member"));
	H(r, "<p>");
	TR(r, "Check the transfer before recording the arrival:");
	H(r, "</p>\n<dl class=\"facts\" id=\"receive-facts\"><dt>");
	TR(r, "Member");
	H(r, "</dt><dd>");
	if (f.row.member_visible)
		web_member_link(r, t->member_id, f.row.full_name);
	else
		T(r, f.row.full_name);
	H(r, "</dd><dt>");
	TR(r, "Date of birth");
	H(r, "</dt><dd>");
	D(r, f.row.birth_date);
	H(r, "</dd><dt>");
	TR(r, "Kind");
	H(r, "</dt><dd>");
	T(r, t->temporary ? _(r, "Temporary") : _(r, "Official"));
	H(r, "</dd><dt>");
	TR(r, "From");
	H(r, "</dt><dd>");
	web_org_link(r, t->from_code, NULL);
	H(r, "</dd><dt>");
	TR(r, "To");
	H(r, "</dt><dd>");
	web_org_link(r, t->to_code, NULL);
	H(r, "</dd><dt>");
	TR(r, "Sent");
	H(r, "</dt><dd>");
	D(r, t->sent_date);
	H(r, "</dd><dt>");
	TR(r, "Letter");
	H(r, "</dt><dd>");
	T(r, t->letter_no);
	H(r, "</dd></dl>\n<form method=\"post\" class=\"record\" id=\"receive-form\" "
	     "action=\"/transfers/");
	N(r, t->id);
	H(r, "/receive\">");
	form_csrf(r);
	H(r, "<div class=\"field\"><label for=\"f-date\">");
	TR(r, "Date of arrival");
	H(r, "</label><input id=\"f-date\" name=\"date\" type=\"date\" required value=\"");
	if (d && d[0]) {
		A(r, d);
	} else {
		char ds[DATE_STR];

		/* ISO in the value of a date input, whatever the page's way of writing dates. */
		A(r, date_format(r->app->today, ds));
	}
	H(r, "\"></div><button type=\"submit\" id=\"submit\">");
	TR(r, "Confirm the arrival");
	H(r, "</button> <a href=\"/transfers\">");
	TR(r, "Cancel");
	H(r, "</a></form>\n");
	page_end(r);
}

void web_transfer_receive(struct req *r)
{
	transfer_step(r, 1);
}

void web_transfer_return(struct req *r)
{
	transfer_step(r, 0);
}

/* POST /transfers/{id}/cancel: fields "reason" (required) and "date" (empty for today). The
 * sending side cancels a transfer sent by mistake, before it is received. */
void web_transfer_cancel(struct req *r)
{
	struct transfer t;
	int64_t id = form_path_id(r);
	date_t date;
	const char *reason = form_value(r, "reason");

	if (!id) {
		err_set(&r->e, ERR_NOTFOUND, "no such transfer");
		form_fail_page(r);
		return;
	}
	date = form_date(r, "date");
	if (!reason[0])
		err_add(&r->e, ERR_INPUT, 0, "reason", NULL, NULL, "%s",
			_(r, "Say why the transfer is cancelled."));
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code ||
	    app_member_transfer_cancel(r->app, &r->actor, id, date, reason, &t, &r->e)) {
		transfer_refused(r);
		return;
	}
	form_done_flash(r, "/transfers", "transfer-cancelled", t.member_id);
}
