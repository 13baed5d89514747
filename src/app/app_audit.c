/* app_audit.c - writing, listing and verifying the tamper-evident audit log: the hash chain,
 * the MAC chain under a key kept outside the database, signed checkpoints (docs/audit.md). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../lib/mem.h"
#include "app_int.h"

/* A signed checkpoint of the head every this many entries (and at the end of every import). */
#define AUDIT_CHECKPOINT_EVERY 100

static const char key_magic[] = "cadre-audit-key 1";

static void now_utc(char *out, size_t cap)
{
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(out, cap, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The key file: CADRE_AUDIT_KEY_FILE, or the database's path with ".auditkey". */
static void key_path(const struct app *a, char *out, size_t cap)
{
	const char *env = getenv("CADRE_AUDIT_KEY_FILE");

	if (env && env[0])
		snprintf(out, cap, "%s", env);
	else
		snprintf(out, cap, "%s.auditkey", a->db_path ? a->db_path : "cadre.db");
}

/* A database in memory (the fuzz targets, tests) keeps its key in memory only: no file. */
static int memory_db(const struct app *a)
{
	const char *env = getenv("CADRE_AUDIT_KEY_FILE");

	return (!env || !env[0]) && a->db_path &&
	       (!strcmp(a->db_path, ":memory:") || !strncmp(a->db_path, "file::memory:", 13));
}

/* Parse "WORD HEX" from line into out[0..n). 0 or -1. */
static int key_line(const char *line, const char *word, unsigned char *out, size_t n)
{
	size_t wl = strlen(word), got = 0;
	const char *end = NULL;

	if (strncmp(line, word, wl) != 0 || line[wl] != ' ')
		return -1;
	if (sodium_hex2bin(out, n, line + wl + 1, 2 * n, NULL, &got, &end) || got != n)
		return -1;
	return *end == '\n' || *end == 0 ? 0 : -1;
}

/* Read the key file at path into k. *exists 0 (and ERR_OK) when there is none. The file must
 * be private to its owner: a key others can read protects nothing. */
static enum err_code key_read(const char *path, struct audit_keys *k, int *exists, struct err *e)
{
	char text[512], *nl1, *nl2;
	struct stat sb;
	ssize_t n;
	int fd;

	*exists = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return ERR_OK;
		return err_set(e, ERR_STORAGE, "cannot open the audit key file %s: %s", path,
			       strerror(errno));
	}
	*exists = 1;
	if (fstat(fd, &sb) != 0 || (sb.st_mode & 077)) {
		close(fd);
		return err_set(e, ERR_STORAGE, "the audit key file %s may be read by others (mode "
			       "%03o): make it private with 'chmod 600 %s'", path,
			       (unsigned)(sb.st_mode & 0777), path);
	}
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n < 0)
		return err_set(e, ERR_STORAGE, "cannot read the audit key file %s: %s", path,
			       strerror(errno));
	text[n] = 0;
	nl1 = strchr(text, '\n');
	nl2 = nl1 ? strchr(nl1 + 1, '\n') : NULL;
	if (!nl1 || !nl2 || (size_t)(nl1 - text) != sizeof key_magic - 1 ||
	    memcmp(text, key_magic, sizeof key_magic - 1) != 0 ||
	    key_line(nl1 + 1, "mac", k->mac, sizeof k->mac) ||
	    key_line(nl2 + 1, "sign", k->sign_secret, sizeof k->sign_secret) ||
	    crypto_sign_ed25519_sk_to_pk(k->sign_public, k->sign_secret)) {
		sodium_memzero(text, sizeof text);
		return err_set(e, ERR_STORAGE, "the audit key file %s is damaged (it is not a cadre "
			       "audit key)", path);
	}
	sodium_memzero(text, sizeof text);
	return ERR_OK;
}

/* Write a new key file at path, private to its owner; never over an existing file
 * (*raced 1 when one appeared meanwhile: read it instead). */
static enum err_code key_write(const char *path, const struct audit_keys *k, int *raced,
			       struct err *e)
{
	char text[512], mac[2 * AUDIT_KEY_BYTES + 1], sign[2 * AUDIT_SIGN_SECRET_BYTES + 1];
	size_t len;
	int fd, ok;

	*raced = 0;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST) {
			*raced = 1;
			return ERR_OK;
		}
		return err_set(e, ERR_STORAGE, "cannot create the audit key file %s: %s", path,
			       strerror(errno));
	}
	sodium_bin2hex(mac, sizeof mac, k->mac, sizeof k->mac);
	sodium_bin2hex(sign, sizeof sign, k->sign_secret, sizeof k->sign_secret);
	snprintf(text, sizeof text, "%s\nmac %s\nsign %s\npublic ", key_magic, mac, sign);
	len = strlen(text);
	sodium_bin2hex(text + len, sizeof text - len, k->sign_public, sizeof k->sign_public);
	len = strlen(text);
	text[len++] = '\n';
	ok = fchmod(fd, 0600) == 0 && write(fd, text, len) == (ssize_t)len && fsync(fd) == 0;
	sodium_memzero(text, sizeof text);
	sodium_memzero(mac, sizeof mac);
	sodium_memzero(sign, sizeof sign);
	if (close(fd) != 0)
		ok = 0;
	if (!ok) {
		unlink(path);
		return err_set(e, ERR_STORAGE, "cannot write the audit key file %s", path);
	}
	return ERR_OK;
}

/* The audit key for writing (call inside a write transaction). A database with a key record
 * needs its key file; one without (new, or made before keys: legacy) gets a key now, its
 * existing entries marked legacy. A key file without a record in a database whose log is not
 * empty is refused: the record was removed, or the file belongs to another database. */
static const struct audit_keys *keys_ready(struct app *a, struct err *e)
{
	struct audit_key_row row;
	struct audit_keys k;
	char path[PATH_MAX];
	unsigned char head[AUDIT_HASH_BYTES];
	int found, exists, raced, has_mac, made = 0;
	int64_t n;

	if (a->audit_keys && !a->audit_keys_made)
		return a->audit_keys;
	if (store_audit_key_get(a->st, &row, &found, e))
		return NULL;
	if (a->audit_keys) {
		/* Made here: its record is there unless the transaction that wrote it rolled
		 * back; then it is recorded again (the file is ours). */
		if (found)
			return a->audit_keys;
		k = *a->audit_keys;
		sodium_memzero(a->audit_keys, sizeof *a->audit_keys);
		free(a->audit_keys);
		a->audit_keys = NULL;
		if (store_audit_head(a->st, &n, head, &has_mac, e))
			return NULL;
		made = 1;
		goto record;
	}
	if (memory_db(a) && !found) {
		if (store_audit_head(a->st, &n, head, &has_mac, e))
			return NULL;
		if (audit_keys_new(&k)) {
			err_set(e, ERR_INTERNAL, "the crypto library did not start");
			return NULL;
		}
		goto record;
	}
	key_path(a, path, sizeof path);
	if (key_read(path, &k, &exists, e))
		return NULL;
	if (found) {
		if (!exists) {
			err_set(e, ERR_STORAGE, "the audit key file %s is missing: this database's "
				"audit log is keyed and is not written without its key; put the file "
				"back (it was made with the database) or name it in "
				"CADRE_AUDIT_KEY_FILE (docs/audit.md)", path);
			return NULL;
		}
		if (sodium_memcmp(row.public_key, k.sign_public, sizeof k.sign_public) != 0) {
			sodium_memzero(&k, sizeof k);
			err_set(e, ERR_STORAGE, "the audit key file %s belongs to another database",
				path);
			return NULL;
		}
		a->audit_keys = xmalloc(sizeof k);
		*a->audit_keys = k;
		sodium_memzero(&k, sizeof k);
		return a->audit_keys;
	}
	if (store_audit_head(a->st, &n, head, &has_mac, e))
		return NULL;
	if (!exists) {
		if (audit_keys_new(&k)) {
			err_set(e, ERR_INTERNAL, "the crypto library did not start");
			return NULL;
		}
		if (key_write(path, &k, &raced, e))
			return NULL;
		made = !raced;
		if (raced && key_read(path, &k, &exists, e))
			return NULL;
	}
	if (!made && (n > 0 || has_mac)) {
		sodium_memzero(&k, sizeof k);
		err_set(e, ERR_STORAGE, "the database has no record of its audit key, but the key "
			"file %s exists and the log has %lld entries: the record was removed, or "
			"the file belongs to another database (docs/audit.md)", path, (long long)n);
		return NULL;
	}
record:
	memset(&row, 0, sizeof row);
	memcpy(row.public_key, k.sign_public, sizeof row.public_key);
	row.legacy = n;
	now_utc(row.created_at, sizeof row.created_at);
	if (audit_key_tag(&k, n, row.tag) || store_audit_key_put(a->st, &row, e)) {
		sodium_memzero(&k, sizeof k);
		if (!e->code)
			err_set(e, ERR_INTERNAL, "the hash library did not start");
		return NULL;
	}
	a->audit_keys = xmalloc(sizeof k);
	*a->audit_keys = k;
	a->audit_keys_made = 1;
	sodium_memzero(&k, sizeof k);
	return a->audit_keys;
}

static enum err_code checkpoint_write(struct app *a, const struct audit_keys *k, int64_t entries,
				      const unsigned char head[AUDIT_HASH_BYTES], struct err *e)
{
	struct audit_checkpoint c;

	memset(&c, 0, sizeof c);
	c.entries = entries;
	memcpy(c.head, head, AUDIT_HASH_BYTES);
	now_utc(c.at, sizeof c.at);
	if (audit_checkpoint_sign(k, entries, head, c.at, c.sig))
		return err_set(e, ERR_INTERNAL, "the crypto library did not start");
	return store_audit_checkpoint_add(a->st, &c, e);
}

/* Append en keyed, with a checkpoint when its number is due. */
static enum err_code append_keyed(struct app *a, struct audit_entry *en, struct err *e)
{
	const struct audit_keys *k = keys_ready(a, e);

	if (!k)
		return e->code;
	if (store_audit_append_keyed(a->st, en, k, e))
		return e->code;
	if (en->id % AUDIT_CHECKPOINT_EVERY == 0)
		return checkpoint_write(a, k, en->id, en->mac, e);
	return ERR_OK;
}

enum err_code app_audit_checkpoint(struct app *a, struct err *e)
{
	const struct audit_keys *k = keys_ready(a, e);
	unsigned char head[AUDIT_HASH_BYTES];
	int64_t n;
	int has_mac;

	if (!k)
		return e->code;
	if (store_audit_head(a->st, &n, head, &has_mac, e))
		return e->code;
	if (n == 0 || !has_mac || n % AUDIT_CHECKPOINT_EVERY == 0)
		return ERR_OK;
	return checkpoint_write(a, k, n, head, e);
}

enum err_code app_audit_key_init(struct app *a, const char **path_out, struct err *e)
{
	static char path[PATH_MAX];

	if (memory_db(a))
		snprintf(path, sizeof path, "%s", "memory (the database is in memory)");
	else
		key_path(a, path, sizeof path);
	if (path_out)
		*path_out = path;
	if (store_begin(a->st, e))
		return e->code;
	if (!keys_ready(a, e)) {
		store_rollback(a->st);
		return e->code;
	}
	return store_commit(a->st, e);
}

enum err_code app_audit(struct app *a, const struct actor *ac, const char *action,
			const char *subject, int64_t org_id, const char *before, const char *after,
			struct err *e)
{
	struct audit_entry en;
	time_t now = time(NULL);
	struct tm tm;

	if (app_audit_json_failed())
		return err_set(e, ERR_INTERNAL, "the details of %s could not be written as JSON, so "
			       "the change is not made", action);
	memset(&en, 0, sizeof en);
	gmtime_r(&now, &tm);
	strftime(en.at, sizeof en.at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(en.actor, sizeof en.actor, "%s", ac->name);
	snprintf(en.address, sizeof en.address, "%s", ac->address[0] ? ac->address : "local");
	snprintf(en.action, sizeof en.action, "%s", action);
	snprintf(en.subject, sizeof en.subject, "%s", subject);
	en.org_id = org_id;
	en.before = (char *)(uintptr_t)(before ? before : "");
	en.after = (char *)(uintptr_t)(after ? after : "");
	return append_keyed(a, &en, e);
}

/* ---- group commit of read entries ---------------------------------------------------- */

struct read_entry {
	struct audit_entry en;
	int *done;              /* set by the writer; the waiter's own variables */
	enum err_code *rc;
	char why[256];          /* what went wrong, when it did */
	struct read_entry *next;
};

static pthread_mutex_t rd_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t rd_cv = PTHREAD_COND_INITIALIZER;
static struct read_entry *rd_head, **rd_tail = &rd_head;
static int rd_writing;

#define GATHER_NS (200 * 1000L)

/* Write the batch in one transaction on a's connection; tell each waiter how it went. */
static void read_batch_write(struct app *a, struct read_entry *batch)
{
	struct read_entry *r;
	struct err e;
	enum err_code rc;

	err_init(&e);
	rc = store_begin(a->st, &e);
	for (r = batch; r && !rc; r = r->next)
		rc = append_keyed(a, &r->en, &e);
	if (!rc)
		rc = store_commit(a->st, &e);
	else
		store_rollback(a->st);
	pthread_mutex_lock(&rd_mu);
	for (r = batch; r; r = r->next) {
		if (rc)
			snprintf(r->why, sizeof r->why, "%s", e.n ? e.items[0].msg : "");
		*r->rc = rc;
		*r->done = 1;
	}
	rd_writing = 0;
	pthread_cond_broadcast(&rd_cv);
	pthread_mutex_unlock(&rd_mu);
	err_cleanup(&e);
}

/* A read entry through the group commit, with after as its "after" ("" when none). */
static enum err_code audit_read(struct app *a, const struct actor *ac, const char *action,
				const char *subject, int64_t org_id, const char *after,
				struct err *e)
{
	struct read_entry me;
	time_t now = time(NULL);
	struct tm tm;
	int done = 0;
	enum err_code rc = ERR_OK;

	memset(&me, 0, sizeof me);
	gmtime_r(&now, &tm);
	strftime(me.en.at, sizeof me.en.at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(me.en.actor, sizeof me.en.actor, "%s", ac->name);
	snprintf(me.en.address, sizeof me.en.address, "%s", ac->address[0] ? ac->address : "local");
	snprintf(me.en.action, sizeof me.en.action, "%s", action);
	snprintf(me.en.subject, sizeof me.en.subject, "%s", subject);
	me.en.org_id = org_id;
	me.en.before = (char *)(uintptr_t)"";
	me.en.after = (char *)(uintptr_t)(after ? after : "");
	me.done = &done;
	me.rc = &rc;
	pthread_mutex_lock(&rd_mu);
	*rd_tail = &me;
	rd_tail = &me.next;
	while (!done) {
		if (!rd_writing) {
			struct read_entry *batch;
			struct timespec ts;

			/* The new writer lets the openings just behind it join its batch:
			 * 200 us against a commit each, which writes a 16 KiB page of the log
			 * every time (measured: 2 entries a commit without the wait, 10 with
			 * it, and 15% more requests answered). */
			rd_writing = 1;
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_nsec += GATHER_NS;
			if (ts.tv_nsec >= 1000000000L) {
				ts.tv_sec++;
				ts.tv_nsec -= 1000000000L;
			}
			pthread_cond_timedwait(&rd_cv, &rd_mu, &ts);
			batch = rd_head;
			rd_head = NULL;
			rd_tail = &rd_head;
			pthread_mutex_unlock(&rd_mu);
			read_batch_write(a, batch);
			pthread_mutex_lock(&rd_mu);
			continue;
		}
		pthread_cond_wait(&rd_cv, &rd_mu);
	}
	pthread_mutex_unlock(&rd_mu);
	if (rc == ERR_STORAGE && strstr(me.why, "audit key"))
		return err_set(e, rc, "%s", me.why); /* a missing or foreign key: try again won't do */
	if (rc)
		return err_set(e, rc, "the audit log could not be written, so the record is not "
			       "shown; try again");
	return ERR_OK;
}

enum err_code app_audit_read(struct app *a, const struct actor *ac, const char *action,
			     const char *subject, int64_t org_id, struct err *e)
{
	return audit_read(a, ac, action, subject, org_id, NULL, e);
}

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

enum err_code app_audit_bulk(struct app *a, const struct actor *ac, const char *action,
			     const char *org_code, long rows, const char *key, const char *value,
			     struct err *e)
{
	struct org o;
	struct err tmp;
	char subject[64];
	char *after;
	enum err_code rc;

	err_init(&tmp);
	memset(&o, 0, sizeof o);
	if (org_code && org_code[0])
		store_org_by_code(a->st, org_code, &o, &tmp);
	else if (ac->scope_code[0])
		store_org_by_code(a->st, ac->scope_code, &o, &tmp);
	else
		store_org_walk(a->st, 1, 1, 0, first_org, &o, &tmp);
	err_cleanup(&tmp);
	snprintf(subject, sizeof subject, "org:%s", o.code);
	after = key ? app_json("{s:s,s:I,s:s}", "org", o.code, "rows", (json_int_t)rows, key,
			       value ? value : "")
		    : app_json("{s:s,s:I}", "org", o.code, "rows", (json_int_t)rows);
	rc = audit_read(a, ac, action, subject, o.id, after, e);
	free(after);
	return rc;
}

enum err_code app_member_event(struct app *a, const struct actor *ac, const struct member *m,
			       date_t date, const char *kind, const char *detail, struct err *e)
{
	char action[32], subject[48];

	if (store_member_event_add(a->st, m->id, date, kind, detail, ac->name, e))
		return e->code;
	snprintf(action, sizeof action, "member.%s", kind);
	snprintf(subject, sizeof subject, "member:%lld", (long long)m->id);
	return app_audit(a, ac, action, subject, m->org_id, NULL, detail, e);
}

char *app_member_json(const struct member *m)
{
	char d[5][DATE_STR];
	json_t *j = json_pack(
		"{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
		"id", (json_int_t)m->id, "org_code", m->org_code, "status",
		member_status_name(m->status), "full_name", m->full_name, "sex", m->sex,
		"birth_date", date_format(m->birth_date, d[0]), "ethnicity", m->ethnicity,
		"religion", m->religion, "hometown", m->hometown, "citizen_id", m->citizen_id,
		"education", m->education, "theory_level", m->theory_level, "rank", m->rank,
		"category", m->category, "post", m->post, "history_no", m->history_no,
		"phone", m->phone, "admission_decision_date",
		date_format(m->admission_decision_date, d[1]), "admission_ceremony_date",
		date_format(m->admission_ceremony_date, d[2]), "official_date",
		date_format(m->official_date, d[3]));
	char *s;

	s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	if (!s)
		app_json_failed();
	return s;
}

enum err_code app_audit_namer_init(struct audit_namer *n, struct app *a, const struct actor *ac,
				   struct err *e)
{
	n->a = a;
	return app_scope(a, ac, &n->pre, &n->last, e);
}

void app_audit_subject(struct audit_namer *n, const char *subject, struct audit_subject *out)
{
	struct err tmp;
	const char *p;
	char *end;
	long long id;

	memset(out, 0, sizeof *out);
	if (!subject)
		return;
	err_init(&tmp);
	if (!strncmp(subject, "member:", 7) && subject[7] >= '1' && subject[7] <= '9') {
		struct member m;

		p = subject + 7;
		errno = 0;
		id = strtoll(p, &end, 10);
		if (*end || errno)
			goto out;
		out->kind = AUDIT_SUBJECT_MEMBER;
		out->member_id = id;
		if (store_member_get(n->a->st, id, &m, &tmp) == ERR_OK &&
		    app_member_visible(n->a, n->pre, n->last, &m))
			snprintf(out->name, sizeof out->name, "%s", m.full_name);
	} else if (!strncmp(subject, "admission:", 10) && subject[10] >= '1' &&
		   subject[10] <= '9') {
		struct admission c;
		struct org o;
		long pre = 0;

		p = subject + 10;
		errno = 0;
		id = strtoll(p, &end, 10);
		if (*end || errno)
			goto out;
		out->kind = AUDIT_SUBJECT_ADMISSION;
		out->admission_id = id;
		/* Seen as the case is (case_lookup): its cell in the reader's subtree, a closed
		 * case of a dissolved cell where the cell's last parent is. */
		if (store_adm_get(n->a->st, id, &c, &pre, &tmp) == ERR_OK &&
		    (pre ? pre >= n->pre && pre <= n->last
			 : store_org_by_id(n->a->st, c.p.org_id, &o, &tmp) == ERR_OK &&
				   app_org_visible(n->a, n->pre, n->last, &o)))
			snprintf(out->name, sizeof out->name, "%s", c.p.full_name);
	} else if (!strncmp(subject, "org:", 4) && subject[4] &&
		   strlen(subject + 4) < sizeof out->code) {
		struct org o;

		out->kind = AUDIT_SUBJECT_ORG;
		snprintf(out->code, sizeof out->code, "%s", subject + 4);
		if (store_org_by_code(n->a->st, out->code, &o, &tmp) == ERR_OK &&
		    app_org_visible(n->a, n->pre, n->last, &o))
			snprintf(out->name, sizeof out->name, "%s", o.name);
	}
out:
	err_cleanup(&tmp);
}

enum err_code app_audit_list(struct app *a, const struct actor *ac, const char *org_code,
			     long limit, store_audit_cb cb, void *ctx, struct err *e)
{
	long pre, last;

	if (app_subtree(a, ac, org_code, 1, &pre, &last, e))
		return e->code;
	return store_audit_walk(a->st, pre, last, limit < 0 ? 100 : limit, cb, ctx, e);
}

enum err_code app_audit_find(struct app *a, const struct actor *ac, const char *org_code,
			     const struct audit_filter *given, long offset, long limit,
			     store_audit_cb cb, void *ctx, struct audit_counts *n, struct err *e)
{
	struct audit_filter fc = *given, *f = &fc;
	date_t d;
	const char *why;
	char until[DATE_STR];

	if (f->from && f->from[0] && date_parse(f->from, &d, &why))
		return err_add(e, ERR_USAGE, 0, "from", f->from, NULL, "from: %s %s", f->from,
			       err_tr(why));
	if (f->until && f->until[0]) {
		if (date_parse(f->until, &d, &why))
			return err_add(e, ERR_USAGE, 0, "to", f->until, NULL, "to: %s %s", f->until,
				       err_tr(why));
		/* The store takes the first day after: "to" includes its own day. */
		date_format(d + 1, until);
		f->until = until;
	}
	if (app_subtree(a, ac, org_code, 1, &f->pre, &f->last, e))
		return e->code;
	if (n) {
		if (store_audit_count(a->st, f, 0, &n->total, e))
			return e->code;
		n->older = n->total;
		if (f->before > 0 && store_audit_count(a->st, f, 1, &n->older, e))
			return e->code;
	}
	return store_audit_find(a->st, f, offset, limit, cb, ctx, e);
}

struct verify {
	struct audit_verdict *v;
	const struct audit_keys *keys; /* NULL: the plain chain only (a legacy database) */
	int64_t legacy;
	int64_t expect_id;
	unsigned char prev[AUDIT_HASH_BYTES];
	unsigned char prev_mac[AUDIT_HASH_BYTES];
	struct audit_checkpoint *cp; /* sorted by entries */
	size_t ncp, next_cp;
	int64_t kept_n;              /* 0: find kept anywhere */
	unsigned char kept[AUDIT_HASH_BYTES];
	int has_kept, kept_found;
};

static int fail_at(struct verify *vf, int64_t id, const char *fmt, long long x)
{
	vf->v->bad_id = id;
	snprintf(vf->v->why, sizeof vf->v->why, fmt, x);
	return 1;
}

static int verify_one(void *ctx, const struct audit_entry *en)
{
	struct verify *vf = ctx;
	struct audit_verdict *v = vf->v;
	unsigned char h[AUDIT_HASH_BYTES];
	const unsigned char *head;

	v->entries++;
	if (en->id != vf->expect_id)
		return fail_at(vf, vf->expect_id, "audit entry %lld is missing: entries were deleted "
			       "or renumbered", (long long)vf->expect_id);
	if (memcmp(en->prev, vf->prev, AUDIT_HASH_BYTES) != 0)
		return fail_at(vf, en->id, "audit entry %lld does not follow the entry before it: "
			       "entries were deleted, inserted or reordered", (long long)en->id);
	if (audit_hash(en, h) || memcmp(h, en->hash, AUDIT_HASH_BYTES) != 0)
		return fail_at(vf, en->id, "audit entry %lld was edited after it was written",
			       (long long)en->id);
	if (vf->keys && en->id > vf->legacy) {
		if (!en->has_mac)
			return fail_at(vf, en->id, "audit entry %lld has no MAC although the "
				       "database had its audit key when it was written: it was "
				       "forged or rewritten without the key", (long long)en->id);
		if (audit_mac(vf->keys, vf->prev_mac, en->hash, h) ||
		    sodium_memcmp(h, en->mac, AUDIT_HASH_BYTES) != 0)
			return fail_at(vf, en->id, "audit entry %lld has a wrong MAC: it was "
				       "forged, rewritten or moved without the key",
				       (long long)en->id);
		memcpy(vf->prev_mac, en->mac, AUDIT_HASH_BYTES);
		head = en->mac;
	} else if (!vf->keys && en->has_mac) {
		return fail_at(vf, en->id, "audit entry %lld carries a MAC but the database has no "
			       "record of its audit key: the record was removed", (long long)en->id);
	} else {
		memcpy(vf->prev_mac, en->hash, AUDIT_HASH_BYTES);
		head = en->hash;
	}
	while (vf->next_cp < vf->ncp && vf->cp[vf->next_cp].entries <= en->id) {
		const struct audit_checkpoint *c = &vf->cp[vf->next_cp++];

		if (c->entries == en->id && memcmp(c->head, head, AUDIT_HASH_BYTES) != 0)
			return fail_at(vf, en->id, "audit entry %lld is not the one its signed "
				       "checkpoint saw: the log was rewritten from there",
				       (long long)en->id);
	}
	if (vf->has_kept && !vf->kept_found && (vf->kept_n == 0 || vf->kept_n == en->id)) {
		if (memcmp(vf->kept, head, AUDIT_HASH_BYTES) == 0)
			vf->kept_found = 1;
		else if (vf->kept_n == en->id)
			return fail_at(vf, en->id, "audit entry %lld is not the head you kept: the "
				       "log was rewritten up to there", (long long)en->id);
	}
	memcpy(vf->prev, en->hash, AUDIT_HASH_BYTES);
	memcpy(v->head, head, AUDIT_HASH_BYTES);
	v->head_entries = en->id;
	vf->expect_id++;
	return 0;
}

struct cp_list {
	struct audit_checkpoint *cp;
	size_t n, cap;
};

static int cp_add(void *ctx, const struct audit_checkpoint *c)
{
	struct cp_list *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->cp = xrealloc(l->cp, l->cap * sizeof *l->cp);
	}
	l->cp[l->n++] = *c;
	return 0;
}

static int cp_cmp(const void *x, const void *y)
{
	const struct audit_checkpoint *p = x, *q = y;

	return p->entries < q->entries ? -1 : p->entries > q->entries;
}

/* Parse a kept head, "N:HEX" or "HEX". 0 or -1. */
static int parse_kept(const char *s, struct verify *vf)
{
	const char *colon = strchr(s, ':');

	vf->kept_n = 0;
	if (colon) {
		char *end;
		long long n;

		errno = 0;
		n = strtoll(s, &end, 10);
		if (errno || end != colon || n < 1)
			return -1;
		vf->kept_n = n;
		s = colon + 1;
	}
	if (audit_unhex(s, vf->kept))
		return -1;
	vf->has_kept = 1;
	return 0;
}

static enum err_code verdict(struct audit_verdict *v, struct err *e)
{
	return err_set(e, ERR_STORAGE, "%s", v->why);
}

enum err_code app_audit_verify(struct app *a, const char *kept_head, struct audit_verdict *v,
			       struct err *e)
{
	struct verify vf;
	struct audit_key_row row;
	struct audit_keys k;
	struct cp_list cl = {NULL, 0, 0};
	char path[PATH_MAX];
	unsigned char tag[AUDIT_HASH_BYTES], head[AUDIT_HASH_BYTES];
	int found, exists, has_mac;
	int64_t last;
	long orgs, members, accounts;
	size_t i;
	enum err_code rc = ERR_OK;

	memset(v, 0, sizeof *v);
	memset(&vf, 0, sizeof vf);
	memset(&k, 0, sizeof k);
	vf.v = v;
	vf.expect_id = 1;
	if (kept_head && kept_head[0] && parse_kept(kept_head, &vf))
		return err_set(e, ERR_USAGE, "--head wants the head as 'cadre audit head' prints "
			       "it: ENTRIES:HEX (or the 64 hex digits alone), not '%s'", kept_head);
	if (store_audit_key_get(a->st, &row, &found, e) ||
	    store_audit_head(a->st, &last, head, &has_mac, e) ||
	    store_audit_records(a->st, &orgs, &members, &accounts, e))
		return e->code;
	key_path(a, path, sizeof path);
	if (memory_db(a) && a->audit_keys) {
		k = *a->audit_keys;
		exists = 1;
	} else if (key_read(path, &k, &exists, e)) {
		return e->code;
	}
	if (found && !exists)
		return err_set(e, ERR_STORAGE, "the audit key file %s is missing, so the log's MACs "
			       "cannot be checked: put the file back or name it in "
			       "CADRE_AUDIT_KEY_FILE (docs/audit.md)", path);
	if (found) {
		if (sodium_memcmp(row.public_key, k.sign_public, sizeof k.sign_public) != 0) {
			snprintf(v->why, sizeof v->why, "the database's record of its audit key does "
				 "not match the key file %.200s: the record was replaced, or the file "
				 "belongs to another database", path);
			rc = verdict(v, e);
			goto out;
		}
		if (audit_key_tag(&k, row.legacy, tag) ||
		    sodium_memcmp(tag, row.tag, sizeof tag) != 0) {
			snprintf(v->why, sizeof v->why, "the database's record of its audit key was "
				 "altered (its count of legacy entries, %lld, is not the one the key "
				 "signed)", (long long)row.legacy);
			rc = verdict(v, e);
			goto out;
		}
		vf.keys = &k;
		vf.legacy = row.legacy;
		v->keyed = 1;
		v->legacy = (long)row.legacy;
	} else if (exists && (last > 0 || orgs + members + accounts > 0)) {
		snprintf(v->why, sizeof v->why, "the database has no record of its audit key, but "
			 "the key file %.200s exists: the record was removed (and the log with it, or "
			 "stripped of its MACs), or the file belongs to another database", path);
		rc = verdict(v, e);
		goto out;
	}
	if (store_audit_checkpoint_walk(a->st, cp_add, &cl, e)) {
		rc = e->code;
		goto out;
	}
	for (i = 0; i < cl.n; i++) {
		if (!vf.keys || cl.cp[i].entries < 1 ||
		    audit_checkpoint_check(k.sign_public, cl.cp[i].entries, cl.cp[i].head,
					   cl.cp[i].at, cl.cp[i].sig)) {
			snprintf(v->why, sizeof v->why, "audit checkpoint %lld (of %s) is not signed "
				 "by this database's key: it was forged", (long long)cl.cp[i].id,
				 cl.cp[i].at);
			rc = verdict(v, e);
			goto out;
		}
	}
	if (cl.n)
		qsort(cl.cp, cl.n, sizeof *cl.cp, cp_cmp);
	vf.cp = cl.cp;
	vf.ncp = cl.n;
	v->checkpoints = (long)cl.n;
	if (store_audit_walk(a->st, -1, 0, -1, verify_one, &vf, e)) {
		rc = e->code;
		goto out;
	}
	if (v->why[0]) {
		rc = verdict(v, e);
		goto out;
	}
	if (vf.keys && v->entries < vf.legacy) {
		snprintf(v->why, sizeof v->why, "the audit log has %ld entries, but %lld were there "
			 "when the database got its audit key: entries were deleted from the end",
			 v->entries, (long long)vf.legacy);
	} else if (cl.n && cl.cp[cl.n - 1].entries > v->entries) {
		snprintf(v->why, sizeof v->why, "the audit log has %ld entries, but its checkpoint "
			 "signed at %s counted %lld: entries were deleted from the end",
			 v->entries, cl.cp[cl.n - 1].at, (long long)cl.cp[cl.n - 1].entries);
	} else if (v->entries == 0 && orgs + members + accounts > 0) {
		snprintf(v->why, sizeof v->why, "the audit log is empty, but the database holds %ld "
			 "organisations, %ld members and %ld accounts: the log was wiped", orgs,
			 members, accounts);
	} else if (vf.has_kept && !vf.kept_found) {
		if (vf.kept_n)
			snprintf(v->why, sizeof v->why, "the head you kept (of entry %lld) is not in "
				 "the log, which ends at entry %ld: the log was cut short or rewritten",
				 (long long)vf.kept_n, v->entries);
		else
			snprintf(v->why, sizeof v->why, "the head you kept is not in the log, which "
				 "ends at entry %ld: the log was cut short or rewritten", v->entries);
	}
	if (v->why[0])
		rc = verdict(v, e);
out:
	free(cl.cp);
	sodium_memzero(&k, sizeof k);
	return rc;
}

enum err_code app_audit_head(struct app *a, int64_t *entries, unsigned char head[AUDIT_HASH_BYTES],
			     struct err *e)
{
	int has_mac;

	return store_audit_head(a->st, entries, head, &has_mac, e);
}

enum err_code app_audit_may_verify(const struct actor *ac, struct err *e)
{
	/* A scoped account would learn how many entries lie outside its scope. */
	if (ac->scope_code[0] || ac->role != ROLE_SYS_ADMIN)
		return err_set(e, ERR_DENIED, "checking the whole audit log is for a system "
			       "administrator of the whole tree; 'audit list' shows the entries "
			       "of your scope");
	return ERR_OK;
}
