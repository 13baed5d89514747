/* cmd_hb.c - cadre handbook accounts: a cell's member accounts with their one-time activation
 * codes, to print and hand out (docs/handbook.md). */
#include <string.h>

#include "../app/app_hb.h"
#include "cli.h"

int cmd_hb_accounts(struct cli *c, int npos, char **pos)
{
	struct hb_sheet s;
	char d[DATE_STR];
	size_t i;

	(void)npos;
	(void)pos;
	if (!OPT(c, "org") || !OPT(c, "org")[0]) {
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL,
			"give the cell whose members get accounts (--org CODE)");
		return cli_fail(c);
	}
	if (app_hb_accounts(&c->app, &c->actor, OPT(c, "org"), OPT_SET(c, "reissue"), &s, &c->e))
		return cli_fail(c);
	date_format(s.expires, d);
	if (c->json) {
		json_t *arr = json_array();

		for (i = 0; i < s.n; i++) {
			const struct hb_sheet_row *r = &s.rows[i];

			json_array_append_new(
				arr, json_pack("{s:I,s:s,s:s,s:s?,s:s}", "member_id",
					       (json_int_t)r->member_id, "name", r->full_name,
					       "login", r->login, "code",
					       r->made ? r->code : NULL, "state",
					       r->made == 1 ? "made" : r->made == 2 ? "new_code"
										: "had_account"));
		}
		cli_json_out(json_pack("{s:s,s:s,s:s,s:i,s:i,s:i,s:o}", "org", s.org_code, "org_name",
				       s.org_name, "expires", d, "made", (int)s.made, "new_codes",
				       (int)s.renewed, "had_account", (int)s.skipped, "accounts",
				       arr));
	} else {
		struct table t;

		table_init(&t, 3);
		table_row(&t, "NAME", "LOGIN", "CODE");
		for (i = 0; i < s.n; i++)
			table_row(&t, s.rows[i].full_name, s.rows[i].login,
				  s.rows[i].made ? s.rows[i].code : "(has an account)");
		table_print(&t, stdout);
		table_cleanup(&t);
		printf(err_tr("%s: %ld accounts made, %ld new codes, %ld had an account; the codes "
			      "are good until %s and shown only now\n"),
		       s.org_code, s.made, s.renewed, s.skipped, d);
	}
	hb_sheet_cleanup(&s);
	return 0;
}
