/* cmd_account.c - cadre user add|list, cadre token add|revoke. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"

/* Read a password from standard input: prompted without echo on a terminal, else the first
 * line. Returns 0, or -1 when there is none. */
static int read_password(char *out, size_t cap)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO);
	size_t n;

	if (tty) {
		fputs("password: ", stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	if (!fgets(out, (int)cap, stdin))
		out[0] = 0;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSANOW, &old);
		fputc('\n', stderr);
	}
	n = strlen(out);
	while (n && (out[n - 1] == '\n' || out[n - 1] == '\r'))
		out[--n] = 0;
	return n ? 0 : -1;
}

int cmd_user_add(struct cli *c, int npos, char **pos)
{
	char password[1100];
	enum role role;
	const char *v = OPT(c, "role");
	int rc;

	(void)npos;
	if (!v || role_parse(v, &role)) {
		err_add(&c->e, ERR_USAGE, 0, "role", v ? v : "", NULL,
			"--role is one of viewer, clerk, org_admin, sys_admin");
		return cli_fail(c);
	}
	if (read_password(password, sizeof password)) {
		err_add(&c->e, ERR_USAGE, 0, "password", NULL, NULL,
			"give the password on standard input (it is never taken as an argument)");
		return cli_fail(c);
	}
	rc = app_account_add(&c->app, &c->actor, pos[0], password, role,
			     OPT(c, "org") ? OPT(c, "org") : "", &c->e);
	memset(password, 0, sizeof password);
	if (!rc && OPT_SET(c, "personnel"))
		rc = app_account_personnel(&c->app, &c->actor, pos[0], 1, &c->e);
	if (!rc && OPT_SET(c, "inspection"))
		rc = app_account_inspection(&c->app, &c->actor, pos[0], 1, &c->e);
	if (rc)
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:s,s:s,s:b,s:b}", "account", pos[0], "role",
				       role_name(role), "org", OPT(c, "org") ? OPT(c, "org") : "",
				       "personnel", OPT_SET(c, "personnel"), "inspection",
				       OPT_SET(c, "inspection")));
	else
		printf("account %s added: %s on %s%s%s\n", pos[0], role_name(role),
		       OPT(c, "org") ? OPT(c, "org") : "the whole tree",
		       OPT_SET(c, "personnel") ? ", with the personnel right" : "",
		       OPT_SET(c, "inspection") ? ", with the inspection right" : "");
	return 0;
}

struct acc_out {
	json_t *arr;
	struct table *t;
};

static int acc_row(void *ctx, const struct account *acc)
{
	struct acc_out *o = ctx;
	const char *role = acc->has_role ? role_name(acc->role) : "-";
	const char *org = acc->role_org_code[0] ? acc->role_org_code : "(whole tree)";
	int sys = acc->has_role && acc->role == ROLE_SYS_ADMIN;
	int pers = acc->personnel || sys, insp = acc->inspection || sys;

	if (o->arr)
		cli_json_push(o->arr, json_pack("{s:s,s:s,s:s,s:b,s:b,s:b}", "account", acc->name,
							"role", role, "org", org, "disabled",
							acc->disabled, "personnel", pers,
							"inspection", insp));
	else
		table_row(o->t, acc->name, role, org,
			  pers && insp ? "personnel,inspection"
			  : pers      ? "personnel"
			  : insp      ? "inspection"
				      : "",
			  acc->disabled ? "disabled" : "");
	return 0;
}

int cmd_user_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct acc_out o = {NULL, &t};

	(void)npos;
	(void)pos;
	table_init(&t, 5);
	table_row(&t, "ACCOUNT", "ROLE", "ON", "RIGHTS", "");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr, app_account_list(&c->app, &c->actor, acc_row, &o, &c->e),
			    NULL);
}

/* user grant|revoke NAME --personnel|--inspection (one right a call) */
static int user_right(struct cli *c, const char *name, int on)
{
	int insp = OPT_SET(c, "inspection");

	if (OPT_SET(c, "personnel") == insp) {
		err_add(&c->e, ERR_USAGE, 0, "personnel", NULL, NULL,
			"name one right: --personnel or --inspection");
		return cli_fail(c);
	}
	if (insp ? app_account_inspection(&c->app, &c->actor, name, on, &c->e)
		 : app_account_personnel(&c->app, &c->actor, name, on, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:s,s:b}", "account", name, "right",
				       insp ? "inspection" : "personnel", "held", on));
	else if (insp)
		printf(on ? "account %s: inspection right granted\n"
			  : "account %s: inspection right revoked\n", name);
	else
		printf(on ? "account %s: personnel right granted\n"
			  : "account %s: personnel right revoked\n", name);
	return 0;
}

int cmd_user_grant(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return user_right(c, pos[0], 1);
}

int cmd_user_revoke(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return user_right(c, pos[0], 0);
}

int cmd_token_add(struct cli *c, int npos, char **pos)
{
	char token[TOKEN_CHARS];
	int64_t id;

	(void)npos;
	if (app_token_add(&c->app, &c->actor, pos[0], OPT(c, "label"), token, &id, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:I,s:s,s:s}", "id", (json_int_t)id, "account", pos[0],
				       "token", token));
	else
		printf("%s\n", token);
	if (!c->json && isatty(STDOUT_FILENO))
		fprintf(stderr, "token %lld for %s: shown this once; keep it secret\n",
			(long long)id, pos[0]);
	memset(token, 0, sizeof token);
	return 0;
}

int cmd_token_revoke(struct cli *c, int npos, char **pos)
{
	int64_t id;

	(void)npos;
	if (cli_id(c, "token id", pos[0], &id) || app_token_revoke(&c->app, &c->actor, id, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I}", "done", "revoked", "token", (json_int_t)id));
	else
		printf("token %lld revoked\n", (long long)id);
	return 0;
}
