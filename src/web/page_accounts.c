/* page_accounts.c - the accounts of the actor's subtree with the personnel right (docs/cadres.md
 * "Accounts and the right") and the inspection right (docs/inspection.md): GET /accounts lists
 * them with buttons granting or revoking each right; POST /accounts/{login}/personnel and
 * /accounts/{login}/inspection (grant=1|0) do it. For those who manage accounts
 * (an organisation administrator within their subtree, a system administrator: the app layer
 * checks it and writes the audit entry). */
#include <string.h>

#include "page_form.h"
#include "pages.h"

/* A button granting or revoking right ("personnel", "inspection") of account acc. */
static void right_form(struct req *r, const struct account *acc, const char *right, int held,
		       const char *revoke, const char *grant)
{
	H(r, "<form method=\"post\" class=\"right-form\" action=\"/accounts/");
	U(r, acc->name);
	H(r, "/");
	U(r, right);
	H(r, "\">");
	form_csrf(r);
	if (held) {
		H(r, "<input type=\"hidden\" name=\"grant\" value=\"0\"><button type=\"submit\" "
		     "class=\"revoke\">");
		T(r, web_tr(r, revoke));
	} else {
		H(r, "<input type=\"hidden\" name=\"grant\" value=\"1\"><button type=\"submit\" "
		     "class=\"grant\">");
		T(r, web_tr(r, grant));
	}
	H(r, "</button></form>");
}

static int account_row(void *ctx, const struct account *acc)
{
	struct req *r = ctx;
	int sys = acc->has_role && acc->role == ROLE_SYS_ADMIN;
	int held = acc->personnel || sys, held_i = acc->inspection || sys;

	H(r, "<tr id=\"account-");
	A(r, acc->name);
	H(r, "\"><td>");
	T(r, acc->name);
	H(r, "</td><td>");
	if (acc->has_role)
		T(r, web_tr(r, role_name(acc->role)));
	H(r, "</td><td>");
	if (acc->role_org_code[0]) {
		H(r, "<a href=\"/orgs/");
		U(r, acc->role_org_code);
		H(r, "\">");
		T(r, acc->role_org_code);
		H(r, "</a>");
	} else {
		TR(r, "the whole tree");
	}
	H(r, "</td><td>");
	if (acc->disabled)
		TR(r, "disabled");
	H(r, "</td><td class=\"right\">");
	if (held)
		TR(r, "personnel");
	if (held && held_i)
		H(r, " · ");
	if (held_i)
		TR(r, "inspection");
	H(r, "</td><td>");
	/* A system administrator always holds them; a member's own account never may. */
	if (acc->has_role && acc->role != ROLE_SYS_ADMIN && acc->role != ROLE_MEMBER) {
		right_form(r, acc, "personnel", held, N_("Revoke the personnel right"),
			   N_("Grant the personnel right"));
		right_form(r, acc, "inspection", held_i, N_("Revoke the inspection right"),
			   N_("Grant the inspection right"));
	}
	H(r, "</td></tr>\n");
	return 0;
}

static int no_row(void *ctx, const struct account *acc)
{
	(void)ctx;
	(void)acc;
	return 1;
}

/* GET /accounts */
void web_accounts(struct req *r)
{
	/* a role that may not manage accounts: the refusal page, not half a list */
	if (app_account_list(r->app, &r->actor, no_row, NULL, &r->e)) {
		web_fail(r);
		return;
	}
	page_begin(r, _(r, "Accounts and the personnel right"));
	H(r, "<p>");
	TR(r, "The personnel right lets an account with a role see and record training, planning "
	      "and assessments of the cadres of its subtree; viewers and clerks without it see "
	      "positions and committees only.");
	H(r, "</p>\n<p>");
	TR(r, "The inspection right lets an account with a role see and record the programmes and "
	      "cases of inspection and supervision, complaints and the discipline register of its "
	      "subtree (an inspection committee's accounts); others see only the discipline in "
	      "force on a member's record.");
	H(r, "</p>\n<table id=\"account-list\"><thead><tr><th>");
	TR(r, "Account");
	H(r, "</th><th>");
	TR(r, "Role");
	H(r, "</th><th>");
	TR(r, "On");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Rights");
	H(r, "</th><th></th></tr></thead><tbody>\n");
	app_account_list(r->app, &r->actor, account_row, r, &r->e);
	H(r, "</tbody></table>\n");
	page_end(r);
}

/* POST /accounts/{login}/RIGHT: grant=1 or 0 (inspection: 1 for the inspection right). */
static void right_post(struct req *r, int inspection)
{
	const char *g = form_value(r, "grant");

	if (strcmp(g, "1") && strcmp(g, "0")) {
		err_add(&r->e, ERR_INPUT, 0, "grant", g, NULL, "grant is 1 or 0");
		r->status = 422;
		web_error_page(r);
		return;
	}
	if ((inspection ? app_account_inspection : app_account_personnel)(
		    r->app, &r->actor, r->pathv[0], g[0] == '1', &r->e)) {
		if (!form_fail_page(r))
			web_error_page(r);
		return;
	}
	if (inspection)
		form_done_flash(r, "/accounts",
				g[0] == '1' ? "inspection-granted" : "inspection-revoked", 0);
	else
		form_done_flash(r, "/accounts",
				g[0] == '1' ? "personnel-granted" : "personnel-revoked", 0);
}

/* POST /accounts/{login}/personnel: grant=1 or 0. */
void web_account_personnel_post(struct req *r)
{
	right_post(r, 0);
}

/* POST /accounts/{login}/inspection: grant=1 or 0. */
void web_account_inspection_post(struct req *r)
{
	right_post(r, 1);
}
