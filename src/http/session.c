/* session.c - web sessions and sign-in attempts per address, in the server's memory.
 *
 * A session id is 32 random bytes (libsodium), sent as an HttpOnly, SameSite=Strict cookie;
 * the table keeps only its BLAKE2b hash, so a memory dump does not hand out live sessions.
 * Each session has its own CSRF token. */
#include <pthread.h>
#include <stdlib.h>
#include <sodium.h>
#include <string.h>
#include <time.h>

#include "../lib/mem.h"
#include "http.h"

#define ID_HASH 32

struct session {
	unsigned char hash[ID_HASH];
	struct actor actor;
	char csrf[CSRF_CHARS];
	char lang[4];
	time_t last;
	time_t created;  /* the absolute lifetime counts from here */
	time_t checked;  /* when the account was last read (session_refresh) */
	struct session *next;
};

struct attempts {
	char address[64];
	long fails;
	time_t first;
	long window;     /* seconds the count lasts from first */
	struct attempts *next;
};

#define BUCKETS 4096
static struct session *g_sessions[BUCKETS];
static struct attempts *g_attempts[256];
static pthread_mutex_t g_mu = PTHREAD_MUTEX_INITIALIZER;
static long g_max_age = 12 * 3600; /* session_config */
static long g_idle = 30 * 60;      /* the idle limit last asked for (swept with it) */
static time_t g_swept;

void session_config(long max_seconds)
{
	g_max_age = max_seconds;
}

static void session_free(struct session *s)
{
	sodium_memzero(s, sizeof *s);
	free(s);
}

static int session_expired(const struct session *s, time_t now)
{
	return now - s->last > g_idle || now - s->created > g_max_age;
}

/* Drop the sessions past their idle time or lifetime and the attempts past their window,
 * at most once a minute (caller holds g_mu): neither table grows with addresses that
 * never come back. */
static void sweep(time_t now)
{
	size_t i;

	if (now - g_swept < 60)
		return;
	g_swept = now;
	for (i = 0; i < BUCKETS; i++) {
		struct session **pp = &g_sessions[i];

		while (*pp) {
			if (session_expired(*pp, now)) {
				struct session *s = *pp;

				*pp = s->next;
				session_free(s);
			} else {
				pp = &(*pp)->next;
			}
		}
	}
	for (i = 0; i < sizeof g_attempts / sizeof g_attempts[0]; i++) {
		struct attempts **pp = &g_attempts[i];

		while (*pp) {
			if (now - (*pp)->first >= (*pp)->window) {
				struct attempts *a = *pp;

				*pp = a->next;
				free(a);
			} else {
				pp = &(*pp)->next;
			}
		}
	}
}

static void id_hash(const char *id, unsigned char out[ID_HASH])
{
	crypto_generichash(out, ID_HASH, (const unsigned char *)id, strlen(id), NULL, 0);
}

static size_t bucket_of(const unsigned char h[ID_HASH])
{
	return ((size_t)h[0] | (size_t)h[1] << 8) % BUCKETS;
}

static void random_token(char *out, size_t cap)
{
	unsigned char raw[32];

	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, cap, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void csrf_new(char out[CSRF_CHARS])
{
	random_token(out, CSRF_CHARS);
}

void session_init(void)
{
	if (sodium_init() < 0)
		abort(); /* libsodium cannot start: no randomness for sessions */
}

void session_shutdown(void)
{
	size_t i;

	pthread_mutex_lock(&g_mu);
	for (i = 0; i < BUCKETS; i++) {
		while (g_sessions[i]) {
			struct session *s = g_sessions[i];

			g_sessions[i] = s->next;
			session_free(s);
		}
	}
	for (i = 0; i < sizeof g_attempts / sizeof g_attempts[0]; i++) {
		while (g_attempts[i]) {
			struct attempts *a = g_attempts[i];

			g_attempts[i] = a->next;
			free(a);
		}
	}
	g_swept = 0;
	pthread_mutex_unlock(&g_mu);
}

int session_create(const struct actor *ac, const char *lang, long idle_minutes,
		   char id[SESSION_ID_CHARS], char csrf[CSRF_CHARS])
{
	struct session *s = xcalloc(1, sizeof *s);
	size_t b;

	random_token(id, SESSION_ID_CHARS);
	random_token(s->csrf, sizeof s->csrf);
	memcpy(csrf, s->csrf, CSRF_CHARS);
	id_hash(id, s->hash);
	s->actor = *ac;
	snprintf(s->lang, sizeof s->lang, "%s", lang && !strcmp(lang, "en") ? "en" : "vi");
	s->last = s->created = s->checked = time(NULL);
	b = bucket_of(s->hash);
	pthread_mutex_lock(&g_mu);
	if (idle_minutes > 0)
		g_idle = idle_minutes * 60;
	sweep(s->last);
	s->next = g_sessions[b];
	g_sessions[b] = s;
	pthread_mutex_unlock(&g_mu);
	return 0;
}

/* The link that points to the session of hash h (caller holds g_mu). */
static struct session **find(const unsigned char h[ID_HASH])
{
	struct session **pp = &g_sessions[bucket_of(h)];

	for (; *pp; pp = &(*pp)->next)
		if (!sodium_memcmp((*pp)->hash, h, ID_HASH))
			return pp;
	return NULL;
}

int session_get(const char *id, long idle_minutes, struct actor *ac, char csrf[CSRF_CHARS],
		char lang[4], int *stale)
{
	unsigned char h[ID_HASH];
	struct session **pp, *s;
	time_t now = time(NULL);
	int rc = -1;

	id_hash(id, h);
	pthread_mutex_lock(&g_mu);
	g_idle = idle_minutes * 60;
	sweep(now);
	pp = find(h);
	if (pp) {
		s = *pp;
		if (session_expired(s, now)) {
			*pp = s->next;
			session_free(s);
		} else {
			s->last = now;
			*ac = s->actor;
			memcpy(csrf, s->csrf, CSRF_CHARS);
			memcpy(lang, s->lang, 4);
			*stale = now - s->checked >= SESSION_CHECK_SECONDS;
			rc = 0;
		}
	}
	pthread_mutex_unlock(&g_mu);
	return rc;
}

void session_refresh(const char *id, const struct actor *ac)
{
	unsigned char h[ID_HASH];
	struct session **pp;

	id_hash(id, h);
	pthread_mutex_lock(&g_mu);
	pp = find(h);
	if (pp) {
		(*pp)->actor = *ac;
		(*pp)->checked = time(NULL);
	}
	pthread_mutex_unlock(&g_mu);
}

void session_set_lang(const char *id, const char *lang)
{
	unsigned char h[ID_HASH];
	struct session **pp;

	id_hash(id, h);
	pthread_mutex_lock(&g_mu);
	pp = find(h);
	if (pp)
		snprintf((*pp)->lang, sizeof (*pp)->lang, "%s", !strcmp(lang, "en") ? "en" : "vi");
	pthread_mutex_unlock(&g_mu);
}

void session_end(const char *id)
{
	unsigned char h[ID_HASH];
	struct session **pp;

	id_hash(id, h);
	pthread_mutex_lock(&g_mu);
	pp = find(h);
	if (pp) {
		struct session *s = *pp;

		*pp = s->next;
		session_free(s);
	}
	pthread_mutex_unlock(&g_mu);
}

void session_end_account(int64_t account_id)
{
	size_t i;

	pthread_mutex_lock(&g_mu);
	for (i = 0; i < BUCKETS; i++) {
		struct session **pp = &g_sessions[i];

		while (*pp) {
			if ((*pp)->actor.account_id == account_id) {
				struct session *s = *pp;

				*pp = s->next;
				session_free(s);
			} else {
				pp = &(*pp)->next;
			}
		}
	}
	pthread_mutex_unlock(&g_mu);
}

static struct attempts **attempts_find(const char *address)
{
	unsigned char h = 0;
	const char *p;
	struct attempts **pp;

	for (p = address; *p; p++)
		h = (unsigned char)(h * 31 + (unsigned char)*p);
	for (pp = &g_attempts[h]; *pp; pp = &(*pp)->next)
		if (!strcmp((*pp)->address, address))
			return pp;
	return pp; /* the end of the chain: *pp == NULL */
}

long session_address_try(const char *address, long max_fails, long window_minutes)
{
	struct attempts **pp;
	time_t now = time(NULL);
	long wait = 0;

	pthread_mutex_lock(&g_mu);
	sweep(now);
	pp = attempts_find(address);
	if (*pp && now - (*pp)->first >= window_minutes * 60) {
		struct attempts *a = *pp;

		*pp = a->next;
		free(a);
		pp = attempts_find(address);
	}
	if (!*pp) {
		*pp = xcalloc(1, sizeof **pp);
		snprintf((*pp)->address, sizeof (*pp)->address, "%s", address);
		(*pp)->first = now;
		(*pp)->window = window_minutes * 60;
	}
	if ((*pp)->fails >= max_fails) {
		wait = window_minutes * 60 - (long)(now - (*pp)->first);
		if (wait < 1)
			wait = 1;
	} else {
		(*pp)->fails++;
	}
	pthread_mutex_unlock(&g_mu);
	return wait;
}

void session_address_ok(const char *address)
{
	struct attempts **pp;

	/* Only this sign-in's own attempt is taken back: one good password among many
	 * guesses from the same place must not reset the limit. The window ends it. */
	pthread_mutex_lock(&g_mu);
	pp = attempts_find(address);
	if (*pp && (*pp)->fails > 0)
		(*pp)->fails--;
	pthread_mutex_unlock(&g_mu);
}

int csrf_ok(const char *expected, const char *given)
{
	size_t n;

	if (!expected || !given || !expected[0])
		return 0;
	n = strlen(expected);
	if (strlen(given) != n)
		return 0;
	return sodium_memcmp(expected, given, n) == 0;
}
