/* app.c - opening the database for a session of work, the actor's scope, name keys. */
#include "app.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/clock.h"
#include "../lib/mem.h"
#include "app_int.h"

static enum err_code set_today(struct app *a, struct err *e)
{
	const char *today = getenv("CADRE_TODAY");

	if (today && today[0]) {
		const char *why;

		if (date_parse(today, &a->today, &why))
			return err_set(e, ERR_USAGE, "CADRE_TODAY '%s' %s", today, err_tr(why));
	} else {
		const char *zone = getenv("CADRE_TZ");

		/* Today in the zone of the party's work (Vietnam's unless configured), not the
		 * server's: on a UTC server the Vietnamese date is a day ahead until 07:00. */
		if (clock_date_in_zone((int64_t)time(NULL), zone, &a->today))
			return err_set(e, ERR_USAGE, "CADRE_TZ '%s' is not a time zone; give an IANA "
				       "name such as Asia/Ho_Chi_Minh or UTC", zone ? zone : "");
	}
	return ERR_OK;
}

enum err_code app_open(struct app *a, const char *path, int create, struct err *e)
{
	char msg[256];

	memset(a, 0, sizeof *a);
	ruleset_init(&a->rules);
	err_init(&a->warn);
	if (vname_init(msg, sizeof msg))
		return err_set(e, ERR_INTERNAL, "%s", msg);
	if (set_today(a, e))
		return e->code;
	if (store_open(&a->st, path, create, e))
		return e->code;
	a->db_path = xstrdup(path);
	if (store_rules_load(a->st, &a->rules, e)) {
		store_close(a->st);
		a->st = NULL;
		free(a->db_path);
		a->db_path = NULL;
		return e->code;
	}
	a->rules_loaded = time(NULL);
	return ERR_OK;
}

void app_wait_set(long ms, void (*notice)(long waited_ms, long max_ms))
{
	store_wait_set(ms, notice);
}

void app_deadline(struct app *a, long long ms)
{
	store_deadline(a->st, ms);
}

void app_serve_tune(struct app *a, int cache_mib)
{
	store_autocheckpoint(a->st, 0);
	store_cache_mib(a->st, cache_mib);
}

struct roll_cache *app_search_cache_new(size_t mib)
{
	return store_roll_cache_new(mib << 20);
}

void app_search_cache_free(struct roll_cache *c)
{
	store_roll_cache_free(c);
}

void app_search_cache_use(struct app *a, struct roll_cache *c)
{
	store_roll_cache_use(a->st, c);
}

void app_checkpoint(struct app *a)
{
	store_checkpoint(a->st);
}

int app_release(struct app *a)
{
	int was_open = store_release(a->st);

	a->nested = 0;
	store_deadline(a->st, 0);
	return was_open;
}

void app_interrupt(struct app *a)
{
	store_interrupt(a->st);
}

void app_foreign_keys(struct app *a, int on)
{
	store_foreign_keys(a->st, on);
}

enum err_code app_refresh(struct app *a, struct err *e)
{
	time_t now = time(NULL);
	long count = 0;

	err_clear(&a->warn);
	if (set_today(a, e))
		return e->code;
	/* Rules only gain versions (rows are never changed): when another connection added
	 * one, the count differs and this connection reads them again before judging. */
	if (store_rules_count(a->st, &count, e))
		return e->code;
	if ((size_t)count != a->rules.n) {
		struct ruleset rs;

		ruleset_init(&rs);
		if (store_rules_load(a->st, &rs, e)) {
			ruleset_cleanup(&rs);
			return e->code;
		}
		ruleset_cleanup(&a->rules);
		a->rules = rs;
		a->rules_loaded = now;
	}
	return ERR_OK;
}

void app_close(struct app *a)
{
	store_close(a->st);
	a->st = NULL;
	free(a->db_path);
	a->db_path = NULL;
	if (a->audit_keys)
		sodium_memzero(a->audit_keys, sizeof *a->audit_keys);
	free(a->audit_keys);
	a->audit_keys = NULL;
	ruleset_cleanup(&a->rules);
	err_cleanup(&a->warn);
}

/* A string -> bytes cache: open addressing over an arena; cleared when full. */
#define NAME_CACHE_SLOTS 16384 /* a power of two */
#define NAME_CACHE_MAX (NAME_CACHE_SLOTS / 2)

struct name_cache {
	struct {
		uint64_t h;
		uint32_t key_off, key_len, val_off, val_len;
	} slot[NAME_CACHE_SLOTS];
	size_t n;
	struct buf arena;
};

static uint64_t cache_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h | 1; /* 0 marks an empty slot */
}

/* Find s[0..n) in c; *val and *len set when found. */
static int cache_get(struct name_cache *c, const char *s, size_t n, const char **val,
		     size_t *len)
{
	uint64_t h = cache_hash(s, n);
	size_t i = h & (NAME_CACHE_SLOTS - 1);

	for (; c->slot[i].h; i = (i + 1) & (NAME_CACHE_SLOTS - 1))
		if (c->slot[i].h == h && c->slot[i].key_len == n &&
		    memcmp(c->arena.s + c->slot[i].key_off, s, n) == 0) {
			*val = c->arena.s + c->slot[i].val_off;
			*len = c->slot[i].val_len;
			return 1;
		}
	return 0;
}

static void cache_put(struct name_cache *c, const char *s, size_t n, const void *val,
		      size_t len)
{
	uint64_t h = cache_hash(s, n);
	size_t i;

	if (c->n >= NAME_CACHE_MAX || c->arena.len > (1u << 24)) {
		memset(c->slot, 0, sizeof c->slot);
		c->n = 0;
		buf_reset(&c->arena);
	}
	for (i = h & (NAME_CACHE_SLOTS - 1); c->slot[i].h; i = (i + 1) & (NAME_CACHE_SLOTS - 1))
		;
	c->slot[i].h = h;
	c->slot[i].key_off = (uint32_t)c->arena.len;
	c->slot[i].key_len = (uint32_t)n;
	buf_add(&c->arena, s, n);
	c->slot[i].val_off = (uint32_t)c->arena.len;
	c->slot[i].val_len = (uint32_t)len;
	buf_add(&c->arena, val, len);
	c->n++;
}

static struct name_cache *cache_new(void)
{
	struct name_cache *c = xcalloc(1, sizeof *c);

	buf_init(&c->arena, 0);
	return c;
}

static void cache_free(struct name_cache *c)
{
	if (!c)
		return;
	buf_cleanup(&c->arena);
	free(c);
}

void name_keys_init(struct name_keys *nk)
{
	memset(nk, 0, sizeof *nk);
	buf_init(&nk->folded, 0);
	buf_init(&nk->dup, 0);
}

void name_keys_cleanup(struct name_keys *nk)
{
	buf_cleanup(&nk->folded);
	buf_cleanup(&nk->dup);
	cache_free(nk->parts);
	cache_free(nk->words);
}

/* Append the sort key of part s[0..n) (cached) at nk->sort_key + *pos. */
static int part_key(struct name_keys *nk, const char *s, size_t n, size_t *pos)
{
	const char *v;
	size_t len;
	char tmp[VNAME_MAX + 1];

	if (!cache_get(nk->parts, s, n, &v, &len)) {
		if (n > VNAME_MAX)
			return -1;
		memcpy(tmp, s, n);
		tmp[n] = 0;
		len = vname_part_key(tmp, nk->sort_key + *pos, sizeof nk->sort_key - *pos);
		if (len == 0)
			return -1;
		cache_put(nk->parts, s, n, nk->sort_key + *pos, len);
		*pos += len;
		return 0;
	}
	if (len > sizeof nk->sort_key - *pos)
		return -1;
	memcpy(nk->sort_key + *pos, v, len);
	*pos += len;
	return 0;
}

/* Append the folded and duplicate-key forms of word s[0..n) (cached). */
static void word_keys(struct name_keys *nk, const char *s, size_t n)
{
	const char *v;
	size_t len;

	if (!cache_get(nk->words, s, n, &v, &len)) {
		char tmp[VNAME_MAX + 1];
		struct buf f, d, both;

		memcpy(tmp, s, n < VNAME_MAX ? n : VNAME_MAX);
		tmp[n < VNAME_MAX ? n : VNAME_MAX] = 0;
		buf_init(&f, 0);
		buf_init(&d, 0);
		buf_init(&both, 0);
		vname_fold(tmp, &f);
		vname_dup_key(tmp, &d);
		/* Stored as folded, NUL, dup key. */
		buf_add(&both, buf_str(&f), f.len + 1);
		buf_add(&both, buf_str(&d), d.len);
		cache_put(nk->words, s, n, both.s, both.len);
		cache_get(nk->words, s, n, &v, &len);
		buf_cleanup(&f);
		buf_cleanup(&d);
		buf_cleanup(&both);
	}
	{
		size_t fl = strlen(v);

		buf_add(&nk->folded, v, fl);
		buf_add(&nk->dup, v + fl + 1, len - fl - 1);
	}
}

int name_keys_compute(struct name_keys *nk, const struct member *m)
{
	/* m->full_name is normalised (NFC, single spaces): its parts and words are plain
	 * byte ranges, and the keys of the whole are those of the parts joined. */
	const char *s = m->full_name, *first = strchr(s, ' '), *last = strrchr(s, ' ');
	size_t n = strlen(s), pos = 0;
	const char *w;

	if (!nk->parts) {
		nk->parts = cache_new();
		nk->words = cache_new();
	}
	if (n == 0)
		return -1;
	/* given, middle, family */
	if (!first) {
		if (part_key(nk, s, n, &pos) || part_key(nk, "", 0, &pos) ||
		    part_key(nk, "", 0, &pos))
			return -1;
	} else if (part_key(nk, last + 1, n - (size_t)(last + 1 - s), &pos) ||
		   part_key(nk, first + 1, first < last ? (size_t)(last - first - 1) : 0, &pos) ||
		   part_key(nk, s, (size_t)(first - s), &pos)) {
		return -1;
	}
	buf_reset(&nk->folded);
	buf_reset(&nk->dup);
	for (w = s; *w;) {
		const char *e = strchr(w, ' ');
		size_t wl = e ? (size_t)(e - w) : strlen(w);

		if (w != s) {
			buf_addc(&nk->folded, ' ');
			buf_addc(&nk->dup, ' ');
		}
		word_keys(nk, w, wl);
		w += wl + (e ? 1 : 0);
	}
	nk->k.sort_key = nk->sort_key;
	nk->k.sort_key_len = pos;
	nk->k.folded = buf_str(&nk->folded);
	nk->k.dup_hash = app_hash64(buf_str(&nk->dup));
	return 0;
}

int64_t app_hash64(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	/* Fold into a signed 64-bit value as SQLite stores integers. */
	return (int64_t)(h >> 1);
}

enum err_code app_scope(struct app *a, const struct actor *ac, long *pre, long *last,
			struct err *e)
{
	struct org o;
	struct err tmp;

	/* A member's own account holds no scope: every record, list and action outside its
	 * handbook answers it as an actor outside the subtree (docs/handbook.md). Checked
	 * first, whatever its scope_code says. */
	if (ac->role == ROLE_MEMBER) {
		*pre = 1;
		*last = 0;
		return ERR_OK;
	}
	if (!ac->scope_code[0]) {
		*pre = 1;
		*last = 1L << 40;
		return ERR_OK;
	}
	err_init(&tmp);
	if (store_org_by_code(a->st, ac->scope_code, &o, &tmp) || o.dissolved != DATE_NONE) {
		err_cleanup(&tmp);
		/* The scope itself vanished: the actor sees nothing. */
		*pre = 1;
		*last = 0;
		(void)e;
		return ERR_OK;
	}
	err_cleanup(&tmp);
	*pre = o.pre;
	*last = o.last;
	return ERR_OK;
}

int app_org_visible(struct app *a, long scope_pre, long scope_last, const struct org *o)
{
	struct org p;
	struct err tmp;
	int depth = 0, vis = 0;

	if (o->dissolved == DATE_NONE)
		return o->pre >= scope_pre && o->pre <= scope_last;
	if (scope_pre == 1 && scope_last == 1L << 40)
		return 1;
	/* A dissolved organisation is visible when its last parent is. */
	err_init(&tmp);
	p = *o;
	while (p.dissolved != DATE_NONE && p.parent_id && depth++ < 64)
		if (store_org_by_id(a->st, p.parent_id, &p, &tmp))
			break;
	if (p.dissolved == DATE_NONE)
		vis = p.pre >= scope_pre && p.pre <= scope_last;
	err_cleanup(&tmp);
	return vis;
}

/* ---- helpers for the app files (app_int.h) ----------------------------------------- */

/* Set by app_json when jansson failed, taken by app_audit_json_failed: per thread, as a
 * connection is used by one thread at a time. */
static _Thread_local int app_json_bad;

void app_json_failed(void)
{
	app_json_bad = 1;
}

int app_audit_json_failed(void)
{
	int bad = app_json_bad;

	app_json_bad = 0;
	return bad;
}

enum err_code app_begin(struct app *a, struct err *e)
{
	app_json_bad = 0;
	if (a->nested)
		return store_savepoint(a->st, e);
	err_clear(&a->warn);
	return store_begin(a->st, e);
}

enum err_code app_nest_begin(struct app *a, struct err *e)
{
	enum err_code rc = app_begin(a, e);

	a->nested = !rc;
	return rc;
}

enum err_code app_nest_end(struct app *a, enum err_code rc, struct err *e)
{
	a->nested = 0;
	return app_end(a, rc, e);
}

enum err_code app_end(struct app *a, enum err_code rc, struct err *e)
{
	/* Memory ran out somewhere in this request and the emergency reserve covered it: what
	 * was built may lack a part, so none of it is kept (mem.h). */
	if (rc == ERR_OK && e->code == ERR_OK && mem_request_failed())
		rc = err_set(e, ERR_STORAGE, "the server ran short of memory while doing this; "
					     "nothing of it was saved: send it again in a minute");
	if (a->nested) {
		if (rc == ERR_OK && e->code == ERR_OK)
			return store_savepoint_release(a->st, e);
		store_savepoint_rollback(a->st);
		return rc ? rc : e->code;
	}
	if (rc == ERR_OK && e->code == ERR_OK) {
		rc = store_commit(a->st, e);
		if (!rc)
			mem_request_kept();
		return rc;
	}
	store_rollback(a->st);
	return rc ? rc : e->code;
}

date_t app_date(struct app *a, date_t d)
{
	return d == DATE_NONE ? a->today : d;
}

enum err_code app_check_date(struct app *a, date_t d, const char *field, struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR];

	if (d == DATE_NONE || d <= a->today)
		return ERR_OK;
	return err_add(e, ERR_RULE, 0, field, date_format(d, d1), R_MEMBER_DATES,
		       "%s is after today (%s); record a change once it has taken effect", d1,
		       date_format(a->today, d2));
}

enum err_code app_check_exists_on(const struct org *o, date_t d, const char *field,
				  struct err *e)
{
	char d1[DATE_STR], d2[DATE_STR];

	if (o->established == DATE_NONE || d >= o->established)
		return ERR_OK;
	return err_add(e, ERR_RULE, 0, field, o->code, R_MEMBER_DATES,
		       "'%s' was established on %s and did not exist yet on %s", o->code,
		       date_format(o->established, d1), date_format(d, d2));
}

int app_same_person(const struct member *other, const char *dup_key, const char *hometown)
{
	struct buf k;
	int same;

	buf_init(&k, 0);
	vname_dup_key(other->full_name, &k);
	same = strcmp(buf_str(&k), dup_key) == 0 && strcmp(other->hometown, hometown) == 0;
	buf_cleanup(&k);
	return same;
}

char *app_json(const char *fmt, ...)
{
	va_list ap;
	json_t *j;
	json_error_t je;
	char *s;

	va_start(ap, fmt);
	j = json_vpack_ex(&je, 0, fmt, ap);
	va_end(ap);
	s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;
	json_decref(j);
	/* Never "no value": the audit entry this is for is refused (app_audit). */
	if (!s)
		app_json_bad = 1;
	return s;
}

enum err_code app_org_lookup(struct app *a, const struct actor *ac, const char *code,
			     struct org *o, int active, const char *field, struct err *e)
{
	long pre, last;
	struct err tmp;

	err_init(&tmp);
	if (app_scope(a, ac, &pre, &last, e))
		return e->code;
	if (store_org_by_code(a->st, code, o, &tmp) || !app_org_visible(a, pre, last, o)) {
		enum err_code c = tmp.code == ERR_STORAGE ? ERR_STORAGE : ERR_NOTFOUND;

		if (c == ERR_STORAGE)
			err_merge(e, &tmp);
		else
			err_add(e, ERR_NOTFOUND, 0, field, code, NULL,
				"no organisation has the code '%s'; 'cadre org tree' lists them",
				code);
		err_cleanup(&tmp);
		return c;
	}
	err_cleanup(&tmp);
	if (active && o->dissolved != DATE_NONE) {
		char d[DATE_STR];

		return err_add(e, ERR_RULE, 0, field, code, NULL,
			       "organisation '%s' was dissolved on %s", code,
			       date_format(o->dissolved, d));
	}
	return ERR_OK;
}

enum err_code app_subtree(struct app *a, const struct actor *ac, const char *org_code,
			  int any_state, long *pre, long *last, struct err *e)
{
	struct org o;

	if (app_scope(a, ac, pre, last, e))
		return e->code;
	if (!org_code || !org_code[0])
		return ERR_OK;
	if (app_org_lookup(a, ac, org_code, &o, !any_state, "org", e))
		return e->code;
	*pre = o.pre;
	*last = o.last;
	return ERR_OK;
}

enum err_code app_org_get(struct app *a, const struct actor *ac, const char *code, struct org *o,
			  struct err *e)
{
	return app_org_lookup(a, ac, code, o, 0, "org", e);
}
