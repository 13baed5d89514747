/* page_form_cadres.c - the clerk's form of key cadres (docs/cadres.md): GET and POST
 * /orgs/{code}/cadres/event, one form for an appointment, a dismissal, a transfer or a rotation
 * at a position of the organisation, with the decision (number, date, deciding body). The
 * app layer checks it all (R-POS-DECIDER-LEVEL among the rest); a refusal comes back beside
 * its field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option action_opts[] = {
	{"", ""},
	{"appoint", N_("Appoint (bổ nhiệm)")},
	{"dismiss", N_("Dismiss (miễn nhiệm)")},
	{"transfer", N_("Transfer to another post (điều động)")},
	{"rotate", N_("Rotate to another post (luân chuyển)")},
	{NULL, NULL},
};

static const char *const shown[] = {"action", "member", "position", "to", "decision",
				    "decided_on", "body", "on", "reason", NULL};

static void event_form(struct req *r, const struct org *o, int post)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Record a change of cadres"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o->code, _(r, "Record a change of cadres"));
	form_errors(r, shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"cadre-form\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres/event\">");
	form_csrf(r);
	form_select(r, _(r, "Change"), "action", action_opts, post ? form_value(r, "action") : "",
		    1);
	form_input(r, _(r, "Member (id)"), "member", "text", post ? form_value(r, "member") : "",
		   1);
	form_input(r, _(r, "Position (kind: commander, commissar ...)"), "position", "text",
		   post ? form_value(r, "position") : "", 1);
	form_input(r, _(r, "New post, for a transfer or rotation (ORG:KIND)"), "to", "text",
		   post ? form_value(r, "to") : "", 0);
	form_input(r, _(r, "Decision number"), "decision", "text",
		   post ? form_value(r, "decision") : "", 1);
	form_input(r, _(r, "Decision date"), "decided_on", "date",
		   post ? form_value(r, "decided_on") : "", 1);
	form_input(r, _(r, "Deciding body (code)"), "body", "text",
		   post ? form_value(r, "body") : "", 1);
	form_input(r, _(r, "Takes effect on (empty: today)"), "on", "date",
		   post ? form_value(r, "on") : "", 0);
	form_input(r, _(r, "Reason (a dismissal)"), "reason", "text",
		   post ? form_value(r, "reason") : "", 0);
	form_checkbox(r, _(r, "Acting holder (quyền)"), "acting", post ? form_value(r, "acting") : "");
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Record");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres\">");
	TR(r, "Cancel");
	H(r, "</a></form>\n");
	page_end(r);
}

/* GET /orgs/{code}/cadres/event */
void web_cadre_event_get(struct req *r)
{
	struct org o;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	event_form(r, &o, 0);
}

/* POST /orgs/{code}/cadres/event: action, member, position, to, decision, decided_on, body,
 * on, reason, acting. */
void web_cadre_event_post(struct req *r)
{
	const char *act = form_value(r, "action");
	struct cadre_decision d;
	struct position p, to;
	struct holding h;
	struct org o;
	struct buf ref, loc;
	char *end;
	long long mid;
	date_t on;
	enum err_code rc = ERR_OK;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	mid = strtoll(form_value(r, "member"), &end, 10);
	if (*end || mid <= 0)
		err_add(&r->e, ERR_INPUT, 0, "member", NULL, NULL, "%s",
			_(r, "Give the member's id (a whole number)."));
	if (strcmp(act, "appoint") && strcmp(act, "dismiss") && strcmp(act, "transfer") &&
	    strcmp(act, "rotate"))
		err_add(&r->e, ERR_INPUT, 0, "action", NULL, NULL, "%s", _(r, "Choose the change."));
	d.number = form_value(r, "decision");
	d.decided_on = form_date(r, "decided_on");
	d.body_code = form_value(r, "body");
	on = form_date(r, "on");
	buf_init(&ref, 0);
	buf_printf(&ref, "%s:%s", o.code, form_value(r, "position"));
	if (!r->e.code &&
	    app_position_ref(r->app, &r->actor, buf_str(&ref), on, &p, &r->e) == ERR_NOTFOUND)
		r->e.code = ERR_INPUT; /* a post the organisation lacks: a mistake in the field */
	buf_cleanup(&ref);
	if (!r->e.code) {
		if (!strcmp(act, "appoint"))
			rc = app_appoint(r->app, &r->actor, (int64_t)mid, p.id, &d,
					 form_value(r, "acting")[0] != 0, on, &h, &r->e);
		else if (!strcmp(act, "dismiss"))
			rc = app_dismiss(r->app, &r->actor, (int64_t)mid, p.id, &d,
					 form_value(r, "reason"), on, &r->e);
		else if (app_position_ref(r->app, &r->actor, form_value(r, "to"), on, &to, &r->e)) {
			if (r->e.code == ERR_NOTFOUND || r->e.code == ERR_USAGE)
				r->e.code = ERR_INPUT;
			if (r->e.n) /* the new post's field, not the old one's */
				snprintf(r->e.items[r->e.n - 1].field,
					 sizeof r->e.items[r->e.n - 1].field, "to");
			rc = r->e.code;
		} else
			rc = app_post_transfer(r->app, &r->actor, (int64_t)mid, p.id, to.id, &d,
					       !strcmp(act, "rotate"),
					       form_value(r, "acting")[0] != 0, on, &h, &r->e);
	}
	if (rc || r->e.code) {
		if (!form_fail_page(r))
			event_form(r, &o, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/orgs/");
	web_url_arg(&loc, o.code);
	buf_adds(&loc, "/cadres");
	form_done_flash(r, buf_str(&loc), "cadre-recorded", (int64_t)mid);
	buf_cleanup(&loc);
}
