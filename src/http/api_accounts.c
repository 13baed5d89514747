/* api_accounts.c - the accounts of the actor's subtree and the personnel right through the
 * API (docs/cadres.md "Accounts and the right"): GET /api/v1/accounts, POST
 * /api/v1/accounts/{login}/personnel. For those who manage accounts (an organisation
 * administrator within their subtree, a system administrator); the app layer checks it and
 * writes the audit entries the command line writes. */
#include <string.h>

#include "api.h"

/* An account as JSON: {"account", "role", "org", "disabled", "personnel", "inspection"}
 * (org "" for the whole tree; a system administrator always holds both rights). */
static json_t *account_json(const struct account *acc)
{
	int sys = acc->has_role && acc->role == ROLE_SYS_ADMIN;

	return json_pack("{s:s,s:s?,s:s,s:b,s:b,s:b}", "account", acc->name, "role",
			 acc->has_role ? role_name(acc->role) : NULL, "org", acc->role_org_code,
			 "disabled", acc->disabled, "personnel", acc->personnel || sys,
			 "inspection", acc->inspection || sys);
}

struct acc_list {
	json_t *items;
	const char *want; /* one account's name, or NULL */
	json_t *one;
};

static int push_account(void *ctx, const struct account *acc)
{
	struct acc_list *l = ctx;

	if (l->want) {
		if (!strcmp(l->want, acc->name)) {
			l->one = account_json(acc);
			return 1;
		}
		return 0;
	}
	json_array_append_new(l->items, account_json(acc));
	return 0;
}

/* GET /api/v1/accounts: the accounts with roles in the actor's subtree, by name. */
void api_accounts(struct req *r)
{
	struct acc_list l = {json_array(), NULL, NULL};

	if (app_account_list(r->app, &r->actor, push_account, &l, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", l.items));
}

static const struct api_field personnel_fields[] = {
	{"grant", AT_BOOL, 1}, {"org", AT_STRING, 0}, {NULL, 0, 0},
};

/* Grant or revoke a right (personnel: 0, inspection: 1) as the request asks, 200 with the
 * account. */
static void account_right(struct req *r, int inspection)
{
	json_t *body = api_body_or_reply(r, personnel_fields);
	struct acc_list l = {NULL, NULL, NULL};

	if (!body)
		return;
	if ((inspection ? app_account_inspection_org : app_account_personnel_org)(
		    r->app, &r->actor, r->pathv[0], api_str(body, "org"),
		    json_is_true(json_object_get(body, "grant")), &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	l.want = r->pathv[0];
	if (app_account_list(r->app, &r->actor, push_account, &l, &r->e) || !l.one) {
		json_decref(l.one);
		if (!r->e.code)
			err_set(&r->e, ERR_NOTFOUND, "no such account");
		reply_problem(r);
		return;
	}
	reply_json(r, 200, l.one);
}

/* POST /api/v1/accounts/{login}/personnel {"org", "grant": true|false}: grant or revoke the
 * right on the account's role grant (org, when given, must be that grant's organisation, ""
 * for the whole tree); 200 with the account. */
void api_account_personnel(struct req *r)
{
	account_right(r, 0);
}

/* POST /api/v1/accounts/{login}/inspection {"org", "grant": true|false}: the same for the
 * inspection right (docs/inspection.md "The inspection right"). */
void api_account_inspection(struct req *r)
{
	account_right(r, 1);
}
