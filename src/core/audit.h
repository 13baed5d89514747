/* audit.h - the audit log's entries and their hash chain (tamper evidence). */
#ifndef CADRE_AUDIT_H
#define CADRE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#define AUDIT_HASH_BYTES 32

/* One entry: who did what to which record, when and from where, with the record before and
 * after (JSON text, "" when none). org_id places the entry in the tree, so that a user sees
 * the entries of their own subtree only. prev is the hash of the entry before (zeros for the
 * first); hash covers prev and every field (audit_hash). */
struct audit_entry {
	int64_t id;
	char at[32];          /* UTC, 2026-11-23T09:30:00Z */
	char actor[64];
	char address[64];
	char action[32];      /* org.add, member.edit, member.read, import.members, ... */
	char subject[64];     /* org:HG, member:123, transfer:7, file:members.csv */
	int64_t org_id;       /* 0 when the whole tree */
	char *before, *after; /* owned by whoever filled the entry */
	unsigned char prev[AUDIT_HASH_BYTES];
	unsigned char hash[AUDIT_HASH_BYTES];
	int has_mac;          /* 0: written before the database had an audit key (legacy) */
	unsigned char mac[AUDIT_HASH_BYTES];
};

#define AUDIT_KEY_BYTES 32
#define AUDIT_SIGN_PUBLIC_BYTES 32
#define AUDIT_SIGN_SECRET_BYTES 64
#define AUDIT_SIG_BYTES 64

/* The secrets kept outside the database (docs/audit.md): the key of the MAC chain and the
 * Ed25519 key pair that signs checkpoints of its head. */
struct audit_keys {
	unsigned char mac[AUDIT_KEY_BYTES];
	unsigned char sign_secret[AUDIT_SIGN_SECRET_BYTES];
	unsigned char sign_public[AUDIT_SIGN_PUBLIC_BYTES];
};

/* BLAKE2b-256 over prev and every field of e, each field length-prefixed so that no two
 * different entries hash alike by shifting text between fields. Writes out. Returns 0, or -1
 * when the hash library cannot start. */
int audit_hash(const struct audit_entry *e, unsigned char out[AUDIT_HASH_BYTES]);

/* The keyed link of an entry: BLAKE2b-256 keyed with k->mac over prev_mac (the MAC of the
 * entry before; for the first keyed entry the plain hash of the last legacy entry, zeros when
 * none) and the entry's plain hash, which covers every field. Without the key no one can
 * recompute it, so a rewritten, forged or reordered entry shows. Returns 0 or -1. */
int audit_mac(const struct audit_keys *k, const unsigned char prev_mac[AUDIT_HASH_BYTES],
	      const unsigned char hash[AUDIT_HASH_BYTES], unsigned char out[AUDIT_HASH_BYTES]);

/* Fresh random keys into k. Returns 0 or -1. */
int audit_keys_new(struct audit_keys *k);

/* The tag that binds the database's record of its key to the key: a MAC over the public
 * signing key and the number of legacy entries (those written before the key), so that
 * neither can be changed in the database without the key. */
int audit_key_tag(const struct audit_keys *k, int64_t legacy, unsigned char out[AUDIT_HASH_BYTES]);

/* Sign (audit_checkpoint_sign) or check (audit_checkpoint_check: 0 when the signature is
 * good) a checkpoint: the log had `entries` entries, the last with MAC head, at time at. */
int audit_checkpoint_sign(const struct audit_keys *k, int64_t entries,
			  const unsigned char head[AUDIT_HASH_BYTES], const char *at,
			  unsigned char sig[AUDIT_SIG_BYTES]);
int audit_checkpoint_check(const unsigned char pub[AUDIT_SIGN_PUBLIC_BYTES], int64_t entries,
			   const unsigned char head[AUDIT_HASH_BYTES], const char *at,
			   const unsigned char sig[AUDIT_SIG_BYTES]);

/* Parse 2 * AUDIT_HASH_BYTES hex digits (either case) of s into out. Returns 0, or -1 when s
 * is not exactly that. */
int audit_unhex(const char *s, unsigned char out[AUDIT_HASH_BYTES]);

/* Lower-case hex of a hash into out (2 * AUDIT_HASH_BYTES + 1 bytes). */
void audit_hex(const unsigned char h[AUDIT_HASH_BYTES], char *out);

#endif
