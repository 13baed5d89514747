/* account.c - roles, account names and argon2id password hashes. */
#include "account.h"
#include "err.h"

#include <sodium.h>
#include <string.h>

static const char *const role_names[ROLE__COUNT] = {"member", "viewer", "clerk", "org_admin",
							  "sys_admin"};

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE__COUNT ? role_names[r] : "unknown";
}

int role_parse(const char *s, enum role *out)
{
	int i;

	for (i = 0; i < ROLE__COUNT; i++)
		if (strcmp(s, role_names[i]) == 0) {
			*out = (enum role)i;
			return 0;
		}
	return -1;
}

int role_can_edit(enum role r)
{
	return r >= ROLE_CLERK;
}

int role_can_manage_accounts(enum role r)
{
	return r >= ROLE_ORG_ADMIN;
}

int account_name_check(const char *name, const char **why)
{
	size_t n = strlen(name), i;

	if (n < 2 || n > 63) {
		*why = N_("an account name has 2 to 63 characters");
		return -1;
	}
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-')) {
			*why = N_("an account name holds only a-z, 0-9 and . _ - (no accents, no capitals)");
			return -1;
		}
	}
	return 0;
}

int password_check(const char *pw, long min_len, const char **why)
{
	size_t n = strlen(pw), chars = 0, i;

	for (i = 0; i < n; i++)
		if (((unsigned char)pw[i] & 0xC0) != 0x80)
			chars++;
	if ((long)chars < min_len) {
		*why = N_("the password is too short");
		return -1;
	}
	if (n > 1024) {
		*why = N_("the password is longer than 1024 bytes");
		return -1;
	}
	return 0;
}

int password_hash(const char *pw, char out[PASSWORD_HASH_MAX])
{
	if (sodium_init() < 0)
		return -1;
	return crypto_pwhash_argon2id_str(out, pw, strlen(pw),
					  crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
					  crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE) == 0 ? 0 : -1;
}

int password_verify(const char *hash, const char *pw)
{
	if (sodium_init() < 0)
		return 0;
	return crypto_pwhash_argon2id_str_verify(hash, pw, strlen(pw)) == 0;
}
