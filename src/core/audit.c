/* audit.c - hashing audit entries into a chain: an edit, a deletion or a reordering of any
 * entry breaks every link after it. */
#include "audit.h"

#include <sodium.h>
#include <string.h>

static void put(crypto_generichash_state *st, const void *p, size_t n)
{
	unsigned char len[8];
	size_t i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)((uint64_t)n >> (8 * i));
	crypto_generichash_update(st, len, sizeof len);
	crypto_generichash_update(st, p, n);
}

static void put_str(crypto_generichash_state *st, const char *s)
{
	put(st, s ? s : "", s ? strlen(s) : 0);
}

int audit_hash(const struct audit_entry *e, unsigned char out[AUDIT_HASH_BYTES])
{
	crypto_generichash_state st;
	unsigned char num[8];
	size_t i;

	if (sodium_init() < 0)
		return -1;
	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	put(&st, e->prev, AUDIT_HASH_BYTES);
	for (i = 0; i < 8; i++)
		num[i] = (unsigned char)((uint64_t)e->id >> (8 * i));
	put(&st, num, sizeof num);
	put_str(&st, e->at);
	put_str(&st, e->actor);
	put_str(&st, e->address);
	put_str(&st, e->action);
	put_str(&st, e->subject);
	for (i = 0; i < 8; i++)
		num[i] = (unsigned char)((uint64_t)e->org_id >> (8 * i));
	put(&st, num, sizeof num);
	put_str(&st, e->before);
	put_str(&st, e->after);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
	return 0;
}

void audit_hex(const unsigned char h[AUDIT_HASH_BYTES], char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < AUDIT_HASH_BYTES; i++) {
		out[2 * i] = hex[h[i] >> 4];
		out[2 * i + 1] = hex[h[i] & 15];
	}
	out[2 * AUDIT_HASH_BYTES] = 0;
}

int audit_mac(const struct audit_keys *k, const unsigned char prev_mac[AUDIT_HASH_BYTES],
	      const unsigned char hash[AUDIT_HASH_BYTES], unsigned char out[AUDIT_HASH_BYTES])
{
	static const char domain[] = "cadre-audit-mac-v1";
	crypto_generichash_state st;

	if (sodium_init() < 0)
		return -1;
	crypto_generichash_init(&st, k->mac, AUDIT_KEY_BYTES, AUDIT_HASH_BYTES);
	put(&st, domain, sizeof domain - 1);
	put(&st, prev_mac, AUDIT_HASH_BYTES);
	put(&st, hash, AUDIT_HASH_BYTES);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
	return 0;
}

int audit_keys_new(struct audit_keys *k)
{
	if (sodium_init() < 0)
		return -1;
	randombytes_buf(k->mac, sizeof k->mac);
	return crypto_sign_keypair(k->sign_public, k->sign_secret) ? -1 : 0;
}

static void put_num(crypto_generichash_state *st, int64_t v)
{
	unsigned char num[8];
	size_t i;

	for (i = 0; i < 8; i++)
		num[i] = (unsigned char)((uint64_t)v >> (8 * i));
	put(st, num, sizeof num);
}

int audit_key_tag(const struct audit_keys *k, int64_t legacy, unsigned char out[AUDIT_HASH_BYTES])
{
	static const char domain[] = "cadre-audit-key-v1";
	crypto_generichash_state st;

	if (sodium_init() < 0)
		return -1;
	crypto_generichash_init(&st, k->mac, AUDIT_KEY_BYTES, AUDIT_HASH_BYTES);
	put(&st, domain, sizeof domain - 1);
	put(&st, k->sign_public, AUDIT_SIGN_PUBLIC_BYTES);
	put_num(&st, legacy);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
	return 0;
}

/* The signed message of a checkpoint: a digest of a domain string and its three fields. */
static void checkpoint_digest(int64_t entries, const unsigned char head[AUDIT_HASH_BYTES],
			      const char *at, unsigned char out[AUDIT_HASH_BYTES])
{
	static const char domain[] = "cadre-audit-checkpoint-v1";
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, AUDIT_HASH_BYTES);
	put(&st, domain, sizeof domain - 1);
	put_num(&st, entries);
	put(&st, head, AUDIT_HASH_BYTES);
	put_str(&st, at);
	crypto_generichash_final(&st, out, AUDIT_HASH_BYTES);
}

int audit_checkpoint_sign(const struct audit_keys *k, int64_t entries,
			  const unsigned char head[AUDIT_HASH_BYTES], const char *at,
			  unsigned char sig[AUDIT_SIG_BYTES])
{
	unsigned char d[AUDIT_HASH_BYTES];

	if (sodium_init() < 0)
		return -1;
	checkpoint_digest(entries, head, at, d);
	return crypto_sign_detached(sig, NULL, d, sizeof d, k->sign_secret) ? -1 : 0;
}

int audit_checkpoint_check(const unsigned char pub[AUDIT_SIGN_PUBLIC_BYTES], int64_t entries,
			   const unsigned char head[AUDIT_HASH_BYTES], const char *at,
			   const unsigned char sig[AUDIT_SIG_BYTES])
{
	unsigned char d[AUDIT_HASH_BYTES];

	if (sodium_init() < 0)
		return -1;
	checkpoint_digest(entries, head, at, d);
	return crypto_sign_verify_detached(sig, d, sizeof d, pub) ? -1 : 0;
}

int audit_unhex(const char *s, unsigned char out[AUDIT_HASH_BYTES])
{
	size_t i;

	for (i = 0; i < 2 * AUDIT_HASH_BYTES; i++) {
		unsigned char c = (unsigned char)s[i];
		int v;

		if (c >= '0' && c <= '9')
			v = c - '0';
		else if (c >= 'a' && c <= 'f')
			v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v = c - 'A' + 10;
		else
			return -1;
		if (i % 2 == 0)
			out[i / 2] = (unsigned char)(v << 4);
		else
			out[i / 2] |= (unsigned char)v;
	}
	return s[i] ? -1 : 0;
}
