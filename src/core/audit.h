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
};

/* BLAKE2b-256 over prev and every field of e, each field length-prefixed so that no two
 * different entries hash alike by shifting text between fields. Writes out. Returns 0, or -1
 * when the hash library cannot start. */
int audit_hash(const struct audit_entry *e, unsigned char out[AUDIT_HASH_BYTES]);

/* Lower-case hex of a hash into out (2 * AUDIT_HASH_BYTES + 1 bytes). */
void audit_hex(const unsigned char h[AUDIT_HASH_BYTES], char *out);

#endif
