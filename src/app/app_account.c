/* app_account.c - accounts, roles, API tokens and signing in. */
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_int.h"

enum err_code app_can_edit(const struct actor *ac, struct err *e)
{
	if (role_can_edit(ac->role))
		return ERR_OK;
	return err_set(e, ERR_DENIED, "your role (%s) may read these records but not change them",
		       role_name(ac->role));
}

enum err_code app_account_add(struct app *a, const struct actor *ac, const char *name,
			      const char *password, enum role role, const char *org_code,
			      struct err *e)
{
	struct account acc;
	struct org o;
	const char *why;
	long min_len = 12;
	enum err_code rc;
	char subject[96], *after;

	memset(&acc, 0, sizeof acc);
	memset(&o, 0, sizeof o);
	if (!role_can_manage_accounts(ac->role))
		return err_set(e, ERR_DENIED, "your role (%s) may not manage accounts",
			       role_name(ac->role));
	if (role == ROLE_MEMBER)
		return err_add(e, ERR_INPUT, 0, "role", role_name(role), NULL,
			       "a member's own account is bound to the member: a cell's clerk makes "
			       "them with 'cadre handbook accounts --org CODE' (docs/handbook.md)");
	if (role > ac->role)
		return err_add(e, ERR_DENIED, 0, "role", role_name(role), NULL,
			       "you may not grant a role above your own (%s)", role_name(ac->role));
	if (account_name_check(name, &why))
		err_add(e, ERR_INPUT, 0, "name", name, NULL, "%s", err_tr(why));
	ruleset_int(&a->rules, R_PASSWORD_MIN_LENGTH, a->today, &min_len);
	if (password_check(password, min_len, &why))
		err_add(e, ERR_INPUT, 0, "password", NULL, R_PASSWORD_MIN_LENGTH,
			"%s; use at least %ld characters", why, min_len);
	if (!org_code[0] && role != ROLE_SYS_ADMIN)
		err_add(e, ERR_INPUT, 0, "org", NULL, NULL,
			"give the organisation whose subtree the role covers (--org CODE)");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if (org_code[0] && (rc = app_org_lookup(a, ac, org_code, &o, 1, "org", e)))
		goto out;
	if (!org_code[0] && ac->scope_code[0]) {
		rc = err_set(e, ERR_DENIED, "only a role on the whole tree can grant one");
		goto out;
	}
	snprintf(acc.name, sizeof acc.name, "%s", name);
	if (password_hash(password, acc.password_hash)) {
		rc = err_set(e, ERR_INTERNAL, "the password could not be hashed (out of memory?)");
		goto out;
	}
	if ((rc = store_account_insert(a->st, &acc, e))) {
		/* A scoped account must not learn that a name is held outside its subtree:
		 * one neutral answer whoever holds it. */
		if (rc == ERR_RULE && ac->scope_code[0]) {
			err_clear(e);
			rc = err_add(e, ERR_RULE, 0, "name", name, NULL,
				     "the account name '%s' cannot be used; choose another", name);
		}
		goto out;
	}
	if ((rc = store_role_grant(a->st, acc.id, role, o.id, ac->name, e)))
		goto out;
	snprintf(subject, sizeof subject, "account:%s", name);
	/* The password hash is a secret too: it never goes to the log. */
	after = app_json("{s:s,s:s,s:s}", "name", name, "role", role_name(role), "org",
			 org_code);
	rc = app_audit(a, ac, "account.add", subject, o.id, NULL, after, e);
	free(after);
out:
	return app_end(a, rc, e);
}

struct acc_filter {
	struct app *a;
	long pre, last;
	store_account_cb cb;
	void *ctx;
};

/* Whether account acc lies within the scope [pre, last]: its role's organisation inside it;
 * an account with a role on the whole tree, or with none, only from the whole tree. */
static int acc_in_scope(struct app *a, long pre, long last, const struct account *acc)
{
	struct org o;
	struct err tmp;
	int vis = 0;

	if (!acc->has_role || !acc->role_org_id) {
		/* A role on the whole tree: seen only from the whole tree. */
		vis = pre == 1 && last == 1L << 40;
	} else {
		err_init(&tmp);
		if (store_org_by_id(a->st, acc->role_org_id, &o, &tmp) == ERR_OK)
			vis = app_org_visible(a, pre, last, &o);
		err_cleanup(&tmp);
	}
	return vis;
}

/* Whether the actor may act on the target account acc (its tokens, its sessions): acc lies
 * in the actor's subtree and holds no role above the actor's. Checked on the target, not
 * only on the actor's role name. */
static int acc_manageable(struct app *a, const struct actor *ac, const struct account *acc)
{
	long pre, last;
	struct err tmp;
	int ok;

	err_init(&tmp);
	ok = app_scope(a, ac, &pre, &last, &tmp) == ERR_OK && acc_in_scope(a, pre, last, acc) &&
	     (!acc->has_role || acc->role <= ac->role);
	err_cleanup(&tmp);
	return ok;
}

enum err_code app_personnel_check(struct app *a, const struct actor *ac, int64_t org_id,
				  struct err *e)
{
	long pre, last;
	struct org o;
	struct err tmp;
	int in = 0;

	if (ac->role != ROLE_SYS_ADMIN && (!ac->personnel || ac->role < ROLE_VIEWER))
		return err_set(e, ERR_DENIED,
			       "personnel records (training, planning, assessments) need the "
			       "personnel right; an administrator of your accounts grants it "
			       "('cadre user grant NAME --personnel')");
	if (!org_id)
		return ERR_OK;
	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_org_by_id(a->st, org_id, &o, &tmp) == ERR_OK)
		in = app_org_visible(a, pre, last, &o);
	err_cleanup(&tmp);
	if (!in)
		return err_set(e, ERR_DENIED, "the personnel right of your role does not cover "
					      "that organisation");
	return ERR_OK;
}

enum err_code app_account_personnel(struct app *a, const struct actor *ac, const char *name,
				    int on, struct err *e)
{
	struct account acc;
	struct err tmp;
	char subject[96], *before, *after;
	enum err_code rc;

	if (!role_can_manage_accounts(ac->role))
		return err_set(e, ERR_DENIED, "your role (%s) may not manage accounts",
			       role_name(ac->role));
	if ((rc = app_begin(a, e)))
		return rc;
	err_init(&tmp);
	rc = store_account_by_name(a->st, name, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE) {
		rc = err_set(e, ERR_STORAGE, "the database could not be read");
		goto out;
	}
	/* An account outside the actor's subtree is answered as one that does not exist. */
	if (rc || !acc.has_role || !acc_manageable(a, ac, &acc)) {
		rc = err_add(e, ERR_NOTFOUND, 0, "account", name, NULL,
			     "there is no account named '%s' within your scope", name);
		goto out;
	}
	if (acc.role == ROLE_MEMBER) {
		rc = err_add(e, ERR_INPUT, 0, "account", name, NULL,
			     "a member's own account cannot hold the personnel right");
		goto out;
	}
	if (acc.personnel == (on != 0))
		goto out;
	if ((rc = store_role_personnel(a->st, acc.id, on, ac->name, e)))
		goto out;
	snprintf(subject, sizeof subject, "account:%s", name);
	before = app_json("{s:s,s:s,s:b}", "role", role_name(acc.role), "org",
			  acc.role_org_code, "personnel", acc.personnel);
	after = app_json("{s:s,s:s,s:b}", "role", role_name(acc.role), "org", acc.role_org_code,
			 "personnel", on != 0);
	rc = app_audit(a, ac, on ? "account.personnel.grant" : "account.personnel.revoke",
		       subject, acc.role_org_id, before, after, e);
	free(before);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_account_personnel_org(struct app *a, const struct actor *ac,
					const char *name, const char *org_code, int on,
					struct err *e)
{
	struct account acc;
	struct err tmp;

	if (org_code && role_can_manage_accounts(ac->role)) {
		err_init(&tmp);
		if (store_account_by_name(a->st, name, &acc, &tmp) == ERR_OK && acc.has_role &&
		    acc_manageable(a, ac, &acc) && strcmp(org_code, acc.role_org_code)) {
			err_cleanup(&tmp);
			return err_add(e, ERR_INPUT, 0, "org", org_code, NULL,
				       "the role of account '%s' is on %s: the right goes with "
				       "that grant",
				       name, acc.role_org_code[0] ? acc.role_org_code
								  : "the whole tree");
		}
		err_cleanup(&tmp);
	}
	return app_account_personnel(a, ac, name, on, e);
}

enum err_code app_inspection_check(struct app *a, const struct actor *ac, int64_t org_id,
				  struct err *e)
{
	long pre, last;
	struct org o;
	struct err tmp;
	int in = 0;

	if (ac->role != ROLE_SYS_ADMIN && (!ac->inspection || ac->role < ROLE_VIEWER))
		return err_set(e, ERR_DENIED,
			       "inspection records (programmes, cases, complaints) need the "
			       "inspection right; an administrator of your accounts grants it "
			       "('cadre user grant NAME --inspection')");
	if (!org_id)
		return ERR_OK;
	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_org_by_id(a->st, org_id, &o, &tmp) == ERR_OK)
		in = app_org_visible(a, pre, last, &o);
	err_cleanup(&tmp);
	if (!in)
		return err_set(e, ERR_DENIED, "the inspection right of your role does not cover "
					      "that organisation");
	return ERR_OK;
}

enum err_code app_account_inspection(struct app *a, const struct actor *ac, const char *name,
				    int on, struct err *e)
{
	struct account acc;
	struct err tmp;
	char subject[96], *before, *after;
	enum err_code rc;

	if (!role_can_manage_accounts(ac->role))
		return err_set(e, ERR_DENIED, "your role (%s) may not manage accounts",
			       role_name(ac->role));
	if ((rc = app_begin(a, e)))
		return rc;
	err_init(&tmp);
	rc = store_account_by_name(a->st, name, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE) {
		rc = err_set(e, ERR_STORAGE, "the database could not be read");
		goto out;
	}
	/* An account outside the actor's subtree is answered as one that does not exist. */
	if (rc || !acc.has_role || !acc_manageable(a, ac, &acc)) {
		rc = err_add(e, ERR_NOTFOUND, 0, "account", name, NULL,
			     "there is no account named '%s' within your scope", name);
		goto out;
	}
	if (acc.role == ROLE_MEMBER) {
		rc = err_add(e, ERR_INPUT, 0, "account", name, NULL,
			     "a member's own account cannot hold the inspection right");
		goto out;
	}
	if (acc.inspection == (on != 0))
		goto out;
	if ((rc = store_role_inspection(a->st, acc.id, on, ac->name, e)))
		goto out;
	snprintf(subject, sizeof subject, "account:%s", name);
	before = app_json("{s:s,s:s,s:b}", "role", role_name(acc.role), "org",
			  acc.role_org_code, "inspection", acc.inspection);
	after = app_json("{s:s,s:s,s:b}", "role", role_name(acc.role), "org", acc.role_org_code,
			 "inspection", on != 0);
	rc = app_audit(a, ac, on ? "account.inspection.grant" : "account.inspection.revoke",
		       subject, acc.role_org_id, before, after, e);
	free(before);
	free(after);
out:
	return app_end(a, rc, e);
}

enum err_code app_account_inspection_org(struct app *a, const struct actor *ac,
					const char *name, const char *org_code, int on,
					struct err *e)
{
	struct account acc;
	struct err tmp;

	if (org_code && role_can_manage_accounts(ac->role)) {
		err_init(&tmp);
		if (store_account_by_name(a->st, name, &acc, &tmp) == ERR_OK && acc.has_role &&
		    acc_manageable(a, ac, &acc) && strcmp(org_code, acc.role_org_code)) {
			err_cleanup(&tmp);
			return err_add(e, ERR_INPUT, 0, "org", org_code, NULL,
				       "the role of account '%s' is on %s: the right goes with "
				       "that grant",
				       name, acc.role_org_code[0] ? acc.role_org_code
								  : "the whole tree");
		}
		err_cleanup(&tmp);
	}
	return app_account_inspection(a, ac, name, on, e);
}

static int acc_visible(void *ctx, const struct account *acc)
{
	struct acc_filter *f = ctx;

	return acc_in_scope(f->a, f->pre, f->last, acc) ? f->cb(f->ctx, acc) : 0;
}

enum err_code app_account_list(struct app *a, const struct actor *ac, store_account_cb cb,
			       void *ctx, struct err *e)
{
	struct acc_filter f = {a, 0, 0, cb, ctx};

	if (!role_can_manage_accounts(ac->role))
		return err_set(e, ERR_DENIED, "your role (%s) may not manage accounts",
			       role_name(ac->role));
	if (app_scope(a, ac, &f.pre, &f.last, e))
		return e->code;
	return store_accounts_walk(a->st, acc_visible, &f, e);
}

static void token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token, strlen(token), NULL, 0);
}

enum err_code app_token_add(struct app *a, const struct actor *ac, const char *account,
			    const char *label, char token[TOKEN_CHARS], int64_t *id,
			    struct err *e)
{
	struct account acc;
	unsigned char raw[32], h[32];
	char subject[96], *after;
	struct err tmp;
	enum err_code rc;

	token[0] = 0;
	if (ac->role != ROLE_SYS_ADMIN)
		return err_set(e, ERR_DENIED, "only a system administrator issues API tokens");
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "the random generator did not start");
	if ((rc = app_begin(a, e)))
		return rc;
	/* An account outside the actor's subtree is answered as one that does not exist. */
	err_init(&tmp);
	rc = store_account_by_name(a->st, account, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE) {
		rc = err_set(e, ERR_STORAGE, "the database could not be read");
		goto out;
	}
	if (rc || !acc_manageable(a, ac, &acc)) {
		rc = err_add(e, ERR_NOTFOUND, 0, "account", account, NULL,
			     "there is no account named '%s' within your scope", account);
		goto out;
	}
	randombytes_buf(raw, sizeof raw);
	memcpy(token, "cdr_", 4);
	sodium_bin2base64(token + 4, TOKEN_CHARS - 4, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	token_hash(token, h);
	if ((rc = store_token_insert(a->st, acc.id, label ? label : "", h, id, e)))
		goto out;
	snprintf(subject, sizeof subject, "token:%lld", (long long)*id);
	/* Never the token itself. */
	after = app_json("{s:s,s:s}", "account", account, "label", label ? label : "");
	rc = app_audit(a, ac, "token.add", subject, acc.role_org_id, NULL, after, e);
	free(after);
out:
	if (rc)
		token[0] = 0;
	return app_end(a, rc, e);
}

enum err_code app_token_revoke(struct app *a, const struct actor *ac, int64_t id,
			       struct err *e)
{
	char subject[48];
	struct account acc;
	struct err tmp;
	int64_t account_id = 0;
	enum err_code rc;

	if (ac->role != ROLE_SYS_ADMIN)
		return err_set(e, ERR_DENIED, "only a system administrator revokes API tokens");
	if ((rc = app_begin(a, e)))
		return rc;
	/* A token of an account outside the actor's subtree is answered as one that does not
	 * exist. */
	err_init(&tmp);
	rc = store_token_account(a->st, id, &account_id, &tmp);
	if (!rc)
		rc = store_account_by_id(a->st, account_id, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE) {
		rc = err_set(e, ERR_STORAGE, "the database could not be read");
		goto out;
	}
	if (rc || !acc_manageable(a, ac, &acc)) {
		rc = err_set(e, ERR_NOTFOUND, "no active token has the id %lld", (long long)id);
		goto out;
	}
	snprintf(subject, sizeof subject, "token:%lld", (long long)id);
	if (!(rc = store_token_revoke(a->st, id, e)))
		rc = app_audit(a, ac, "token.revoke", subject, acc.role_org_id, NULL, NULL, e);
out:
	return app_end(a, rc, e);
}

static void actor_of(const struct account *acc, const char *address, struct actor *out)
{
	memset(out, 0, sizeof *out);
	snprintf(out->name, sizeof out->name, "%s", acc->name);
	snprintf(out->scope_code, sizeof out->scope_code, "%s", acc->role_org_code);
	snprintf(out->address, sizeof out->address, "%s", address ? address : "");
	out->role = acc->has_role ? acc->role : ROLE_VIEWER;
	out->account_id = acc->id;
	out->personnel = out->role == ROLE_SYS_ADMIN || (out->role >= ROLE_VIEWER && acc->personnel);
	out->inspection = out->role == ROLE_SYS_ADMIN || (out->role >= ROLE_VIEWER && acc->inspection);
	if (out->role == ROLE_MEMBER) {
		/* Never the empty scope (the whole tree), whatever the role's row says. */
		if (!out->scope_code[0])
			snprintf(out->scope_code, sizeof out->scope_code, "~");
	}
}

/* Whether an account may sign in at all: enabled, with a role, and a member's own account
 * bound to its member. */
static int acc_usable(const struct account *acc)
{
	return !acc->disabled && acc->has_role && (acc->role != ROLE_MEMBER || acc->member_id);
}

/* A hash to check passwords against when there is no account: the same work as a real
 * check, so the time of an answer tells nothing. */
static char g_dummy_hash[PASSWORD_HASH_MAX];
static pthread_once_t g_dummy_once = PTHREAD_ONCE_INIT;

static void dummy_hash_make(void)
{
	if (password_hash("not a password", g_dummy_hash))
		g_dummy_hash[0] = 0;
}

static void dummy_verify(const char *password)
{
	pthread_once(&g_dummy_once, dummy_hash_make);
	if (g_dummy_hash[0])
		(void)password_verify(g_dummy_hash, password);
}

/* Failed sign-ins of names that are no account (or a disabled one), kept in memory the way
 * an account keeps them in the database, so that after R-LOGIN-MAX-FAILS tries such a name
 * is "locked" too. A fixed table: a name pushed out only forgets its count. */
#define GHOST_SLOTS 1024
static struct ghost {
	unsigned char hash[16];
	long failed;
	long long locked_until;
} g_ghosts[GHOST_SLOTS];
static pthread_mutex_t g_ghost_mu = PTHREAD_MUTEX_INITIALIZER;

/* Count a failure of name; returns the time its lock ends when it is locked (the attempt
 * not counted), else 0. */
static long long ghost_attempt(const char *name, long max_fails, long lock_minutes,
			       long long now)
{
	unsigned char h[16];
	struct ghost *g;
	long long locked = 0;

	crypto_generichash(h, sizeof h, (const unsigned char *)name, strlen(name), NULL, 0);
	g = &g_ghosts[(h[0] | (unsigned)h[1] << 8) % GHOST_SLOTS];
	pthread_mutex_lock(&g_ghost_mu);
	if (memcmp(g->hash, h, sizeof h)) {
		memcpy(g->hash, h, sizeof h);
		g->failed = 0;
		g->locked_until = 0;
	}
	if (g->locked_until > now) {
		locked = g->locked_until;
	} else if (++g->failed >= max_fails) {
		g->failed = 0;
		g->locked_until = now + lock_minutes * 60;
	}
	pthread_mutex_unlock(&g_ghost_mu);
	return locked;
}

static enum err_code login_locked(struct err *e, long max_fails, long long until, long long now)
{
	return err_add(e, ERR_DENIED, 0, "name", NULL, R_LOGIN_MAX_FAILS,
		       "the account is locked after %ld failed sign-ins; try again in %lld "
		       "minutes", max_fails, (until - now + 59) / 60);
}

enum err_code app_login_password(struct app *a, const char *name, const char *password,
				 const char *address, struct actor *out, struct err *e)
{
	struct account acc;
	struct err tmp;
	long max_fails = 5, lock_minutes = 15, failed = -1;
	long long now = (long long)time(NULL), until;
	enum err_code rc;
	int ok;

	memset(out, 0, sizeof *out);
	ruleset_int(&a->rules, R_LOGIN_MAX_FAILS, a->today, &max_fails);
	ruleset_int(&a->rules, R_LOGIN_LOCK_MINUTES, a->today, &lock_minutes);
	err_init(&tmp);
	rc = store_account_by_name(a->st, name, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE)
		return err_set(e, ERR_STORAGE, "the database could not be read");
	if (rc || !acc_usable(&acc)) {
		/* The same work and the same answers as for an account. */
		dummy_verify(password);
		if ((until = ghost_attempt(name, max_fails, lock_minutes, now)))
			return login_locked(e, max_fails, until, now);
		return err_set(e, ERR_DENIED, "the name or the password is wrong");
	}
	if (acc.locked_until > now) {
		dummy_verify(password);
		return login_locked(e, max_fails, acc.locked_until, now);
	}
	/* R-LOGIN-MAX-FAILS: the attempt counts before the slow check, in one statement, so
	 * that parallel guesses cannot all read the same count and write it back. */
	if ((rc = app_begin(a, e)))
		return rc;
	rc = store_account_login_attempt(a->st, acc.id, now, &failed, e);
	if (rc == ERR_NOTFOUND) {
		/* Locked by a parallel attempt since it was read. */
		store_rollback(a->st);
		dummy_verify(password);
		return login_locked(e, max_fails, now + lock_minutes * 60, now);
	}
	if ((rc = app_end(a, rc, e)))
		return rc;
	ok = password_verify(acc.password_hash, password);
	if ((rc = app_begin(a, e)))
		return rc;
	if (ok) {
		rc = store_account_set_login(a->st, acc.id, 0, 0, e);
		actor_of(&acc, address, out);
		if (!rc)
			rc = app_audit(a, out, "account.login", "account:login", acc.role_org_id,
				       NULL, NULL, e);
	} else if (failed >= max_fails) {
		rc = store_account_set_login(a->st, acc.id, 0, now + lock_minutes * 60, e);
	}
	rc = app_end(a, rc, e);
	if (rc)
		return rc;
	if (!ok)
		return err_set(e, ERR_DENIED, "the name or the password is wrong");
	return ERR_OK;
}

enum err_code app_login_account(struct app *a, int64_t account_id, const char *address,
				struct actor *out, struct err *e)
{
	struct account acc;
	struct err tmp;
	enum err_code rc;

	memset(out, 0, sizeof *out);
	err_init(&tmp);
	rc = store_account_by_id(a->st, account_id, &acc, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE)
		return err_set(e, ERR_STORAGE, "the database could not be read");
	if (rc || !acc_usable(&acc))
		return err_set(e, ERR_DENIED, "the account is disabled or has no role");
	actor_of(&acc, address, out);
	return ERR_OK;
}

enum err_code app_login_token(struct app *a, const char *token, const char *address,
			      struct actor *out, struct err *e)
{
	unsigned char h[32];
	int64_t account_id, token_id;
	struct account acc;
	struct err tmp;

	memset(out, 0, sizeof *out);
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "the hash library did not start");
	token_hash(token, h);
	err_init(&tmp);
	if (store_token_find(a->st, h, &account_id, &token_id, &tmp) ||
	    store_account_by_id(a->st, account_id, &acc, &tmp) || !acc_usable(&acc)) {
		err_cleanup(&tmp);
		return err_set(e, ERR_DENIED, "the token is not valid");
	}
	err_cleanup(&tmp);
	actor_of(&acc, address, out);
	return ERR_OK;
}
