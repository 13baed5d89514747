/* page_form_status.c - changing a member's status (R-STATUS-TRANSITION, R-PROBATION-MONTHS):
 * the new status, its date and the reason. */
#include <string.h>

#include "page_form.h"
#include "pages.h"

static const struct form_option status_opts[] = {
	{"", ""},
	{"official", N_("Official")},
	{"exempt", N_("Exempt from activity")},
	{"suspended", N_("Suspended")},
	{"removed", N_("Removed from the rolls")},
	{"expelled", N_("Expelled")},
	{"deceased", N_("Deceased")},
	{"transferred_out", N_("Transferred out of the armed forces' party")},
	{NULL, NULL},
};

static const char *const shown[] = {"status", "date", "reason", NULL};

static void status_form(struct req *r, const struct member *m, int post)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Change the status"), m->full_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"now\">");
	TR(r, "Status now:");
	H(r, " <span id=\"status-now\">");
	T(r, web_status_label(r, m->status));
	H(r, "</span></p>");
	form_errors(r, shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"status-form\" action=\"/members/");
	N(r, m->id);
	H(r, "/status\">");
	form_csrf(r);
	form_select(r, _(r, "New status"), "status", status_opts,
		    post ? form_value(r, "status") : "", 1);
	form_input(r, _(r, "Date (empty: today)"), "date", "date",
		   post ? form_value(r, "date") : "", 0);
	form_input(r, _(r, "Reason"), "reason", "text", post ? form_value(r, "reason") : "", 0);
	form_submit_cancel(r, _(r, "Change the status"), m->id);
	page_end(r);
}

void web_member_status_get(struct req *r)
{
	struct member m;

	if (form_member(r, &m))
		return;
	if (form_read_only(r))
		return;
	status_form(r, &m, 0);
}

void web_member_status_post(struct req *r)
{
	struct member m;
	int64_t id = form_path_id(r);
	enum member_status st = MS_OFFICIAL;
	const char *sv = form_value(r, "status");
	date_t date;
	struct buf loc;

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such member");
	if (r->e.code || app_member_get(r->app, &r->actor, id, &m, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (member_status_parse(sv, &st))
		err_add(&r->e, ERR_INPUT, 0, "status", sv, NULL, "%s",
			_(r, "Choose the new status."));
	date = form_date(r, "date");
	/* Problems found here keep the app layer from being asked: a role that may only read
	 * is still told so first. */
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code ||
	    app_member_status(r->app, &r->actor, id, st, date, form_value(r, "reason"), &r->e)) {
		if (!form_fail_page(r))
			status_form(r, &m, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/members/%lld", (long long)id);
	form_done_flash(r, buf_str(&loc), "status-changed", id);
	buf_cleanup(&loc);
}
