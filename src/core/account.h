/* account.h - user accounts: roles and what they allow, names, passwords (argon2id). */
#ifndef CADRE_ACCOUNT_H
#define CADRE_ACCOUNT_H

#include <stddef.h>

/* A role is held on an organisation and covers its subtree (DOMAIN §12). */
enum role {
	/* a member's own account (docs/handbook.md): bound to one member, it sees that
	 * member's own record and handbook only; below every other role, so each role
	 * comparison (r >= ROLE_CLERK, a grant above one's own) leaves it out */
	ROLE_MEMBER,
	ROLE_VIEWER,     /* reads */
	ROLE_CLERK,      /* edits members and organisations */
	ROLE_ORG_ADMIN,  /* and manages the accounts inside the subtree */
	ROLE_SYS_ADMIN,  /* everything, the whole tree */
	ROLE__COUNT
};

const char *role_name(enum role r);
int role_parse(const char *s, enum role *out);
/* What a role allows. */
int role_can_edit(enum role r);
int role_can_manage_accounts(enum role r);

/* An account name: 2-63 characters of a-z 0-9 . _ - (lower case). Returns 0 or -1 (*why). */
int account_name_check(const char *name, const char **why);
/* A password: at least min_len characters (R-PASSWORD-MIN-LENGTH) and not longer than 1024
 * bytes. Returns 0 or -1 (*why). */
int password_check(const char *pw, long min_len, const char **why);

#define PASSWORD_HASH_MAX 128
/* Hash a password with argon2id (libsodium's interactive limits) into out. Returns 0, or -1
 * when memory for the hash cannot be had. */
int password_hash(const char *pw, char out[PASSWORD_HASH_MAX]);
/* Whether pw matches the stored argon2id hash (constant time). */
int password_verify(const char *hash, const char *pw);

#endif
