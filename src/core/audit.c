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
