/* server.c - the libmicrohttpd daemon: one database connection per worker thread, the body
 * and forms of a request gathered, authentication, CSRF, dispatch, and a graceful stop. */
#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../lib/mem.h"
#include "../web/web.h"
#include "gzip.h"
#include "http.h"

/* The largest body a request may send, by who sends it (item: no anonymous request makes the
 * server hold more than a small body). The limit is known once the headers are in, and a
 * declared Content-Length above it is refused before a byte of the body is read. */
#define BODY_ANON_MAX (64u << 10)   /* before signing in: the sign-in form */
#define BODY_USER_MAX (4u << 20)    /* a signed-in form or JSON write (a review of a cell) */
#define BODY_IMPORT_MAX (64u << 20) /* an import (about 300,000 members), by who may import */
#define FIELD_MAX (64u << 20)

/* One form field while it arrives in pieces. */
struct field {
	char *name, *filename;
	struct buf value;
};

/* The state of one request, from its first call to the completion notice. */
struct conn {
	struct req r;
	struct MHD_PostProcessor *pp;
	struct buf body;
	struct field fields[HTTP_MAX_PARAMS];
	size_t nfields;
	int too_many;       /* a field beyond HTTP_MAX_PARAMS was dropped */
	struct timespec t0;
	size_t limit;       /* the largest body this request may send (by who sends it) */
	size_t received;    /* bytes of body received so far */
	size_t reserved;    /* bytes of the uploads' memory budget held (upload_release) */
	int over;           /* the body went past limit: dropped, answered 413 */
	int answered;       /* answered before the body was read: the rest is ignored */
};

/* Per connection (MHD's socket context): a control byte was found in the request line's
 * path or query by unescape_url. */
struct sock {
	int bad_bytes;
	int fd;            /* the connection's socket */
	int in_request;    /* its headers are in: the header deadline does not apply */
	time_t since;      /* when it began to wait for headers (accepted, or last answered) */
	struct sock *prev, *next; /* g_socks */
};

static const struct server_opts *g_opts;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
/* Database connections, one per request under way at most: a request takes one from the pool
 * (or opens one) and gives it back when answered. All are closed when the server stops. */
static struct app *g_apps[256];  /* every connection opened */
static size_t g_napps;
static struct app *g_free[256];  /* those not in use */
static size_t g_nfree;
static long g_inflight;       /* requests between their first call and their completion */
static volatile sig_atomic_t g_stopping;
/* The memory all bodies being received may hold together: an upload reserves its declared
 * length (or its limit when chunked) before its first byte is read, and waits up to
 * UPLOAD_WAIT seconds for room, else is answered 503 with Retry-After. */
static size_t g_upload_budget = 192u << 20;
static size_t g_upload_used;
static pthread_cond_t g_upload_cv = PTHREAD_COND_INITIALIZER;
#define UPLOAD_WAIT 5
static unsigned g_header_timeout = 10; /* seconds to send the request's headers */
/* Every open connection, for the header watchdog (g_sock_lock). */
static struct sock *g_socks;
static pthread_mutex_t g_sock_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_sock_cv = PTHREAD_COND_INITIALIZER;
static int g_sock_stop;
#define BODY_TIMEOUT 120u              /* seconds of silence allowed once the headers are in */

/* Requests worked on at once (--threads). Each client connection has a thread of its own,
 * which waits here for its turn: the waiters are woken in the order they came, so under load
 * every connection waits about as long as the others. (With a pool of worker threads, each
 * serving the connections it happened to accept, a busy worker held up all of its own while
 * others idled: measured at 64 connections in three alternating runs, the 99th percentile
 * of a member's record went from 18-38 ms to 19-21 ms.) */
static sem_t g_slots;
/* Searches at once, one a processor. A search of a large subtree reads every name in it (a
 * second of processor time for the whole roll): without this limit, 64 of them at once each
 * got a sixty-fourth of the processors, all ran past their 15 s, and none was answered. They
 * wait for their turn before taking a request slot, so that they never hold up the others. */
static sem_t g_heavy;
/* The bitmaps of the roll's long word lists ("văn": 1.3 million members nationally), built
 * by the first search that needs one and shared by all (docs/search.md): built for each
 * search they were most of its time (17.6 ms of processor time a search at 64 connections,
 * most of it reading and unpacking the blocks, 2.6 MB for "văn"; 4.1-5.3 ms with them).
 * 128 MiB holds about 180 national bitmaps of 700 KB, the common family, middle and given
 * names, or fewer beside the lists in order that pages are read off. */
#define SEARCH_CACHE_MIB 128
static struct roll_cache *g_search_cache;
static int g_heavy_wait = 5; /* seconds a search waits for its turn */
static int g_fault_ok;       /* CADRE_FAULT_INJECTION: X-Cadre-Fault is obeyed (tests) */
/* The emergency reserve (mem.h): what lets a request that ran out of memory fail alone. */
#define MEM_RESERVE (32u << 20)

static int request_heavy(const struct req *r)
{
	return (!strcmp(r->path, "/api/v1/members") && req_query(r, "q")) ||
	       !strcmp(r->path, "/search");
}

static void slot_wait(sem_t *s)
{
	while (sem_wait(s) != 0 && errno == EINTR)
		;
}

/* Wait at most seconds for a slot; -1 when none came free. */
static int slot_wait_for(sem_t *s, int seconds)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += seconds;
	while (sem_timedwait(s, &ts) != 0)
		if (errno != EINTR)
			return -1;
	return 0;
}

/* A connection to the database for one request, once a slot is free. NULL (and e set) when
 * the database cannot be opened or too many are open. */
static struct app *app_take(struct err *e)
{
	struct app *a = NULL;

	slot_wait(&g_slots);
	pthread_mutex_lock(&g_lock);
	if (g_nfree)
		a = g_free[--g_nfree];
	pthread_mutex_unlock(&g_lock);
	if (a)
		return a;
	a = xcalloc(1, sizeof *a);
	if (app_open(a, g_opts->db, 0, e)) {
		free(a);
		sem_post(&g_slots);
		return NULL;
	}
	a->quiet = 1;
	/* 4 MiB of pages: a request reads a few pages at random from a roll of millions,
	 * which no cache of a connection holds, and the interior pages fit; up to 64 such
	 * connections stay within 256 MiB (measured: the same rate and latency as 16 MiB). */
	app_serve_tune(a, 4);
	app_search_cache_use(a, g_search_cache);
	pthread_mutex_lock(&g_lock);
	if (g_napps < sizeof g_apps / sizeof g_apps[0]) {
		g_apps[g_napps++] = a;
	} else {
		pthread_mutex_unlock(&g_lock);
		app_close(a);
		free(a);
		sem_post(&g_slots);
		err_set(e, ERR_STORAGE, "the server has too many requests under way; try again");
		return NULL;
	}
	pthread_mutex_unlock(&g_lock);
	return a;
}

static void app_give(struct app *a)
{
	if (!a)
		return;
	/* A connection goes back clean: a transaction left open (a bug on some path) would
	 * hold the write lock, and the process's write queue, for whoever takes it next. */
	if (app_release(a))
		fprintf(stderr, "cadre: a request left a transaction open; it was rolled back\n");
	pthread_mutex_lock(&g_lock);
	g_free[g_nfree++] = a;
	pthread_mutex_unlock(&g_lock);
	sem_post(&g_slots);
}

/* ---- gathering the request ------------------------------------------------------------ */

static enum MHD_Result query_it(void *cls, enum MHD_ValueKind kind, const char *key,
				const char *value)
{
	struct req *r = cls;

	(void)kind;
	if (r->nquery >= HTTP_MAX_PARAMS)
		return MHD_NO;
	r->query[r->nquery].name = xstrdup(key);
	r->query[r->nquery].value = xstrdup(value ? value : "");
	r->query[r->nquery].len = strlen(r->query[r->nquery].value);
	r->nquery++;
	return MHD_YES;
}

static enum MHD_Result post_it(void *cls, enum MHD_ValueKind kind, const char *key,
			       const char *filename, const char *content_type,
			       const char *transfer_encoding, const char *data, uint64_t off,
			       size_t size)
{
	struct conn *c = cls;
	struct field *f = NULL;

	(void)kind;
	(void)content_type;
	(void)transfer_encoding;
	if (c->nfields && off > 0 && !strcmp(c->fields[c->nfields - 1].name, key))
		f = &c->fields[c->nfields - 1];
	if (!f) {
		if (c->nfields >= HTTP_MAX_PARAMS) {
			c->too_many = 1;
			return MHD_YES;
		}
		f = &c->fields[c->nfields++];
		f->name = xstrdup(key);
		f->filename = filename ? xstrdup(filename) : NULL;
		buf_init(&f->value, FIELD_MAX);
	}
	buf_add(&f->value, data, size);
	return MHD_YES;
}

static const char *header(struct MHD_Connection *mc, const char *name)
{
	const char *v = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, name);

	return v ? v : "";
}

static void peer_address(struct MHD_Connection *mc, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CLIENT_ADDRESS);

	snprintf(out, n, "unknown");
	if (!ci || !ci->client_addr)
		return;
	if (ci->client_addr->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)ci->client_addr)->sin_addr,
			  out, (socklen_t)n);
	else if (ci->client_addr->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)(const void *)ci->client_addr)->sin6_addr, out,
			  (socklen_t)n);
}

/* ---- authentication and dispatch ---------------------------------------------------- */

static long rule_long(struct app *a, const char *id, long def)
{
	long v = def;

	ruleset_int(&a->rules, id, a->today, &v);
	return v;
}

/* Scripts send the same token with every request; its account is looked up at most once a
 * TOKEN_CACHE_SECONDS per worker. So a revoked token or a disabled account stops working
 * within that time, not at once (docs/web.md says so). Only the token's hash is kept. */
#define TOKEN_CACHE_SECONDS 2
#define TOKEN_CACHE_SLOTS 8
static __thread struct token_slot {
	unsigned char hash[32];
	struct actor actor;
	time_t at;
} tl_tokens[TOKEN_CACHE_SLOTS];
static __thread unsigned tl_token_next;

static int token_login(struct req *r, const char *tok)
{
	unsigned char h[32];
	time_t now = time(NULL);
	size_t i;

	crypto_generichash(h, sizeof h, (const unsigned char *)tok, strlen(tok), NULL, 0);
	for (i = 0; i < TOKEN_CACHE_SLOTS; i++) {
		struct token_slot *t = &tl_tokens[i];

		if (t->at && now - t->at < TOKEN_CACHE_SECONDS && !sodium_memcmp(t->hash, h, 32)) {
			r->actor = t->actor;
			snprintf(r->actor.address, sizeof r->actor.address, "%s", r->address);
			return 0;
		}
	}
	if (app_login_token(r->app, tok, r->address, &r->actor, &r->e))
		return -1;
	i = tl_token_next++ % TOKEN_CACHE_SLOTS;
	memcpy(tl_tokens[i].hash, h, 32);
	tl_tokens[i].actor = r->actor;
	tl_tokens[i].at = now;
	return 0;
}

/* A session's account is read again once its last check is SESSION_CHECK_SECONDS old (as
 * the token cache does): a disabled account loses its sessions, a changed role or scope
 * applies to them, within seconds. Returns 0 when the session goes on (r->actor updated),
 * -1 when it was ended. */
static int session_recheck(struct req *r, const char *sid)
{
	struct actor fresh;
	struct err tmp;
	int64_t account = r->actor.account_id;
	enum err_code rc;

	err_init(&tmp);
	rc = app_login_account(r->app, account, r->address, &fresh, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE)
		return 0; /* the database is busy: keep what the session knew, check next time */
	if (rc) {
		session_end_account(account);
		return -1;
	}
	r->actor = fresh;
	session_refresh(sid, &fresh);
	return 0;
}

/* Who is asking: a bearer token, or the session cookie. Sets r->authed. A bearer token that
 * is wrong is an error of its own (401), not a fall-back to the cookie. Returns 0, or -1 when
 * a token was given and refused (r->e set). */
static int authenticate(struct req *r, struct MHD_Connection *mc, int flags)
{
	const char *auth = header(mc, MHD_HTTP_HEADER_AUTHORIZATION);
	const char *sid = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, "sid");
	const char *lang = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, "lang");
	int stale = 0;

	snprintf(r->lang, sizeof r->lang, "%s", lang && !strcmp(lang, "en") ? "en" : "vi");
	if (!strncasecmp(auth, "Bearer ", 7) && (flags & (ROUTE_API | ROUTE_TOKEN_OK))) {
		const char *tok = auth + 7;

		while (*tok == ' ')
			tok++;
		if (token_login(r, tok))
			return -1;
		r->authed = 2;
		return 0;
	}
	if (sid && strlen(sid) < SESSION_ID_CHARS &&
	    !session_get(sid, rule_long(r->app, R_SESSION_IDLE_MINUTES, 30), &r->actor, r->csrf,
			 r->lang, &stale) &&
	    (!stale || !session_recheck(r, sid))) {
		snprintf(r->session_id, sizeof r->session_id, "%s", sid);
		snprintf(r->actor.address, sizeof r->actor.address, "%s", r->address);
		r->authed = 1;
	} else {
		/* Before signing in, forms carry a token that must equal this cookie (the
		 * double-submit pattern), so even the sign-in form cannot be posted from
		 * another site. */
		const char *pre = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, "pcsrf");

		if (pre && strlen(pre) < CSRF_CHARS)
			snprintf(r->csrf, sizeof r->csrf, "%s", pre);
	}
	return 0;
}

static int wants_json(const struct req *r, const struct route *rt)
{
	if (rt)
		return (rt->flags & ROUTE_API) != 0;
	return !strncmp(r->path, "/api/", 5);
}

/* The language an Accept-Language header prefers among those cadre speaks: "vi" when a vi
 * tag has a higher weight than any en tag (and more than 0), "en" otherwise. */
static const char *accept_lang(const char *h)
{
	double best_vi = 0, best_en = 0;

	while (h && *h) {
		const char *end = strchr(h, ','), *semi;
		size_t n = end ? (size_t)(end - h) : strlen(h);
		double q = 1;

		while (n && (*h == ' ' || *h == '\t')) {
			h++;
			n--;
		}
		semi = memchr(h, ';', n);
		if (semi) {
			const char *qs = strstr(semi, "q=");

			if (qs && qs < h + n)
				q = strtod(qs + 2, NULL);
		}
		if (n >= 2 && !strncasecmp(h, "vi", 2) && (n == 2 || h[2] == '-' || h[2] == ';' ||
							   h[2] == ' '))
			best_vi = q > best_vi ? q : best_vi;
		else if (n >= 2 && !strncasecmp(h, "en", 2) &&
			 (n == 2 || h[2] == '-' || h[2] == ';' || h[2] == ' '))
			best_en = q > best_en ? q : best_en;
		h = end ? end + 1 : NULL;
	}
	return best_vi > 0 && best_vi > best_en ? "vi" : "en";
}

/* The request's language for its messages: the API follows Accept-Language (English when
 * none is given), pages the session's choice or the lang cookie (r->lang, Vietnamese by
 * default). Messages made in src/core and src/app follow it (err_lang_set). */
static void request_lang(struct req *r, struct MHD_Connection *mc, const struct route *rt)
{
	if (wants_json(r, rt))
		snprintf(r->lang, sizeof r->lang, "%s",
			 accept_lang(header(mc, MHD_HTTP_HEADER_ACCEPT_LANGUAGE)));
	err_lang_set(r->lang);
}

/* The answer to a request that needs a signed-in account and has none. */
static void answer_unauthed(struct req *r, const struct route *rt)
{
	if (wants_json(r, rt)) {
		reply_problem_msg(r, 401, "sign in first: send 'Authorization: Bearer TOKEN' "
			       "with a token an administrator issued");
		req_header(r, "WWW-Authenticate", "Bearer realm=\"cadre\"");
	} else {
		struct buf loc;

		buf_init(&loc, 0);
		buf_adds(&loc, "/login?next=");
		web_url_arg(&loc, r->path);
		req_redirect(r, buf_str(&loc));
		buf_cleanup(&loc);
	}
}

/* An answer with one message and a status, as problem+json for the API and a page for the
 * web (no database needed: used before a request's body is read). */
static void answer_msg(struct req *r, int status, const char *msg)
{
	if (wants_json(r, NULL)) {
		reply_problem_msg(r, status, "%s", err_tr(msg));
	} else {
		err_clear(&r->e);
		err_set(&r->e, ERR_USAGE, "%s", err_tr(msg));
		r->status = status;
		web_error_page(r);
	}
}

static void dispatch(struct conn *c, struct MHD_Connection *mc)
{
	struct req *r = &c->r;
	const struct route *rt;
	int path_known = 0, api = !strncmp(r->path, "/api/", 5), unauthed;

	request_lang(r, mc, NULL);
	if (app_refresh(r->app, &r->e)) {
		reply_problem(r);
		return;
	}
	/* No request holds a worker for long: imports and exports get minutes, anything else
	 * seconds (a search of the whole roll abandoned by its client must not pile up). */
	app_deadline(r->app, !strncmp(r->path, "/api/v1/import/", 15) ||
				     !strncmp(r->path, "/api/v1/export/", 15) ||
				     !strcmp(r->path, "/import") ? 600000 : 15000);
	rt = route_find(r->method, r->path, r->pathv, &path_known);
	/* Who is asking comes first, so that even an error page shows the right header and
	 * language. */
	unauthed = authenticate(r, mc, rt ? rt->flags : api ? ROUTE_API : 0);
	request_lang(r, mc, rt);
	if (unauthed) {
		if (wants_json(r, rt)) {
			reply_problem_msg(r, 401, "the API token was not accepted: it is unknown or "
				       "was revoked; ask an administrator for a new one");
			req_header(r, "WWW-Authenticate", "Bearer realm=\"cadre\"");
		} else {
			err_clear(&r->e);
			r->status = 401;
			web_error_page(r);
		}
		return;
	}
	if (!rt) {
		if (wants_json(r, NULL)) {
			if (path_known)
				reply_problem_msg(r, 405, "%s is not allowed on %s", r->method, r->path);
			else
				reply_problem_msg(r, 404, "there is no %s", r->path);
		} else {
			r->status = path_known ? 405 : 404;
			web_error_page(r);
		}
		return;
	}
	if (!r->authed && !(rt->flags & ROUTE_PUBLIC)) {
		answer_unauthed(r, rt);
		return;
	}
	/* CSRF: a state-changing request carried by the session cookie must bring the session's
	 * token, in the form or (for scripts in the page) in a header. Bearer tokens are not sent
	 * by browsers on their own, so they need none. */
	if (r->authed != 2 && ((rt->flags & ROUTE_FORM) ||
				(r->authed == 1 && strcmp(r->method, "GET") && strcmp(r->method, "HEAD")))) {
		const char *given = req_form(r, "csrf");

		if (!given)
			given = header(mc, "X-CSRF-Token");
		if (!csrf_ok(r->csrf, given)) {
			if (wants_json(r, rt))
				reply_problem_msg(r, 403, "the CSRF token is missing or wrong: "
					       "reload the page and send the form again");
			else {
				r->status = 403;
				web_error_page(r);
			}
			return;
		}
	}
	if (c->too_many) {
		reply_problem_msg(r, 413, "the form has more than %d fields", HTTP_MAX_PARAMS);
		return;
	}
	/* The API's inputs are declared: a parameter the route does not know is refused (a
	 * misspelt "limt" silently ignored would hand a script the wrong page). */
	if ((rt->flags & ROUTE_API) && !route_query_ok(r, rt))
		return;
	rt->handler(r);
}

static void add_security_headers(struct MHD_Response *resp, const struct req *r)
{
	MHD_add_response_header(resp, "Content-Security-Policy",
				"default-src 'self'; img-src 'self' data:; style-src 'self'; "
				"script-src 'self'; frame-ancestors 'none'; form-action 'self'; "
				"base-uri 'none'");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	if (r->https)
		MHD_add_response_header(resp, "Strict-Transport-Security", "max-age=31536000");
	if (r->authed || r->status >= 400)
		MHD_add_response_header(resp, "Cache-Control", "no-store");
}

/* Add Accept-Encoding to the answer's Vary (one header: "Accept, Accept-Encoding" when a
 * handler said Vary: Accept). */
static void vary_encoding(struct MHD_Response *resp)
{
	const char *v = MHD_get_response_header(resp, MHD_HTTP_HEADER_VARY);
	struct buf b;

	if (!v) {
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");
		return;
	}
	buf_init(&b, 0);
	buf_printf(&b, "%s, Accept-Encoding", v);
	MHD_del_response_header(resp, MHD_HTTP_HEADER_VARY, v);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, buf_str(&b));
	buf_cleanup(&b);
}

static enum MHD_Result respond(struct conn *c, struct MHD_Connection *mc)
{
	struct req *r = &c->r;
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len = r->out.len, i, zlen = 0;
	char *body, *zipped;
	int from_file = r->file_set;

	if (r->out.overflow) {
		buf_reset(&r->out);
		r->out.overflow = 0;
		r->out.cap_max = 0;
		err_clear(&r->e);
		reply_problem_msg(r, 500, "the answer grew too large");
		len = r->out.len;
	}
	if (r->file_set) {
		/* A large download from an unlinked temporary file: sent from the disk, never
		 * whole in memory; MHD closes the file. */
		resp = MHD_create_response_from_fd((uint64_t)r->file_len, r->file_fd);
		r->file_set = 0;
		if (!resp) {
			close(r->file_fd);
			return MHD_NO;
		}
	} else {
		body = buf_steal(&r->out);
		/* Pages and assets over a kilobyte go out compressed to a client that takes
		 * gzip (a report of 80 KB travels as about 10 KB to a border post). */
		zipped = gzip_type(r->ctype) && len >= GZIP_MIN_BYTES &&
			 gzip_accepted(header(mc, MHD_HTTP_HEADER_ACCEPT_ENCODING)) ?
			 gzip_compress(body, len, &zlen) : NULL;
		if (zipped) {
			free(body);
			body = zipped;
			len = zlen;
		}
		resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
		if (!resp) {
			free(body);
			return MHD_NO;
		}
		if (zipped)
			MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
				r->ctype ? r->ctype : "text/html; charset=utf-8");
	for (i = 0; i < r->nheaders; i++) {
		char *colon = strchr(r->headers[i], ':');

		if (!colon)
			continue;
		*colon = 0;
		MHD_add_response_header(resp, r->headers[i], colon + 2);
		*colon = ':';
	}
	if (!from_file && gzip_type(r->ctype))
		vary_encoding(resp);
	if (r->download) {
		struct buf d;

		buf_init(&d, 0);
		buf_printf(&d, "attachment; filename=\"%s\"", r->download);
		MHD_add_response_header(resp, "Content-Disposition", buf_str(&d));
		buf_cleanup(&d);
	}
	add_security_headers(resp, r);
	/* Every 503 says when to come back: the database busy with another writer, the
	 * uploads' memory full, a queue of searches. */
	if (r->status == 503 && !MHD_get_response_header(resp, "Retry-After"))
		MHD_add_response_header(resp, "Retry-After", "5");
	if (g_stopping)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION, "close");
	ret = MHD_queue_response(mc, (unsigned)(r->status ? r->status : 200), resp);
	MHD_destroy_response(resp);
	return ret;
}

/* ---- bodies: who may send how much ---------------------------------------------------- */

/* Reserve n bytes of the uploads' budget, waiting up to UPLOAD_WAIT s for room. -1 when
 * none came (or n alone is more than the whole budget). */
static int upload_reserve(struct conn *c, size_t n)
{
	struct timespec ts;
	int rc = 0;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += UPLOAD_WAIT;
	pthread_mutex_lock(&g_lock);
	while (g_upload_used + n > g_upload_budget) {
		if (n > g_upload_budget || g_stopping ||
		    pthread_cond_timedwait(&g_upload_cv, &g_lock, &ts) == ETIMEDOUT) {
			rc = g_upload_used + n > g_upload_budget ? -1 : 0;
			break;
		}
	}
	if (!rc) {
		g_upload_used += n;
		c->reserved = n;
	}
	pthread_mutex_unlock(&g_lock);
	return rc;
}

static void upload_release(struct conn *c)
{
	if (!c->reserved)
		return;
	pthread_mutex_lock(&g_lock);
	g_upload_used -= c->reserved;
	c->reserved = 0;
	pthread_cond_broadcast(&g_upload_cv);
	pthread_mutex_unlock(&g_lock);
}

static int import_route(const char *path)
{
	return !strncmp(path, "/api/v1/import/", 15) || !strcmp(path, "/import");
}

/* Once the headers are in and before any byte of a body is read: who is asking, how much
 * they may send, and room in the uploads' budget. Returns 0 to go on reading, or 1 when
 * the request has been answered (401, 413 or 503): its body is never read. */
static int body_admit(struct conn *c, struct MHD_Connection *mc)
{
	struct req *r = &c->r;
	const char *cl = MHD_lookup_connection_value(mc, MHD_HEADER_KIND,
						     MHD_HTTP_HEADER_CONTENT_LENGTH);
	const char *te = header(mc, MHD_HTTP_HEADER_TRANSFER_ENCODING);
	const char *auth = header(mc, MHD_HTTP_HEADER_AUTHORIZATION);
	const struct route *rt;
	int path_known = 0, api = !strncmp(r->path, "/api/", 5);
	unsigned long long len = 0;
	char *end;

	if (cl) {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno || *end || cl[0] == '-')
			len = ~0ull;
	}
	if (!len && !strcasestr(te, "chunked"))
		return 0; /* no body */
	rt = route_find(r->method, r->path, r->pathv, &path_known);
	/* Credentials, when some were sent, are checked now (the body of an account that may
	 * not send one is never read); without any, the request is anonymous. */
	if (auth[0] || MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, "sid")) {
		r->app = app_take(&r->e);
		if (!r->app) {
			reply_problem(r);
			return 1;
		}
		if (app_refresh(r->app, &r->e) ||
		    authenticate(r, mc, rt ? rt->flags : api ? ROUTE_API : 0)) {
			err_clear(&r->e);
			r->authed = 0;
		}
		app_give(r->app);
		r->app = NULL;
	} else {
		const char *lang = MHD_lookup_connection_value(mc, MHD_COOKIE_KIND, "lang");

		snprintf(r->lang, sizeof r->lang, "%s", lang && !strcmp(lang, "en") ? "en" : "vi");
	}
	request_lang(r, mc, rt);
	if (rt && !r->authed && !(rt->flags & ROUTE_PUBLIC)) {
		answer_unauthed(r, rt);
		return 1;
	}
	if (!r->authed)
		c->limit = BODY_ANON_MAX;
	else if (import_route(r->path) && role_can_edit(r->actor.role))
		c->limit = BODY_IMPORT_MAX;
	else
		c->limit = BODY_USER_MAX;
	if (cl && len > c->limit) {
		struct buf m;

		buf_init(&m, 0);
		if (c->limit == BODY_IMPORT_MAX)
			buf_printf(&m, err_tr("the upload is larger than %zu MiB; split the file"),
				   c->limit >> 20);
		else if (r->authed)
			buf_printf(&m, err_tr("the request's body is larger than the %zu KiB "
					      "allowed here"), c->limit >> 10);
		else
			buf_printf(&m, err_tr("the request's body is larger than the %zu KiB "
					      "allowed before signing in"), c->limit >> 10);
		answer_msg(r, 413, buf_str(&m));
		buf_cleanup(&m);
		return 1;
	}
	if (upload_reserve(c, cl ? (size_t)len : c->limit)) {
		answer_msg(r, 503, "the server is receiving too many uploads at once; "
				   "send this one again in a moment");
		return 1;
	}
	c->body.cap_max = c->limit;
	return 0;
}

static void conn_free(struct conn *c)
{
	struct req *r = &c->r;
	size_t i;

	if (c->pp)
		MHD_destroy_post_processor(c->pp);
	upload_release(c);
	for (i = 0; i < r->nquery; i++) {
		free(r->query[i].name);
		free(r->query[i].value);
	}
	for (i = 0; i < c->nfields; i++) {
		free(c->fields[i].name);
		free(c->fields[i].filename);
		buf_cleanup(&c->fields[i].value);
	}
	for (i = 0; i < r->nheaders; i++)
		free(r->headers[i]);
	if (r->file_set)
		close(r->file_fd);
	free((char *)(uintptr_t)r->path);
	buf_cleanup(&c->body);
	buf_cleanup(&r->out);
	err_cleanup(&r->e);
	free(c);
}

static void log_request(const struct conn *c)
{
	struct timespec t1;
	double ms;

	if (g_opts->quiet)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (double)(t1.tv_sec - c->t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - c->t0.tv_nsec) / 1e6;
	/* The path only: query strings may carry search text about people. */
	fprintf(stderr, "%s %s %s %d %.1fms %s\n", c->r.address, c->r.method, c->r.path,
		c->r.status ? c->r.status : 200, ms, c->r.authed ? c->r.actor.name : "-");
}

static int take_bad_bytes(struct MHD_Connection *mc);

/* The fault the test suite asks of this request ("X-Cadre-Fault: alloc=N": the N-th
 * allocation fails), 0 for none. Obeyed only when the server was started with
 * CADRE_FAULT_INJECTION set. */
static long fault_asked(struct MHD_Connection *mc)
{
	const char *v;

	if (!g_fault_ok)
		return 0;
	v = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "X-Cadre-Fault");
	if (!v || strncmp(v, "alloc=", 6))
		return 0;
	return strtol(v + 6, NULL, 10);
}

/* Answer 503 for want of memory: whatever the handler built is dropped (it may lack a
 * part; nothing of it was committed, see app_end). */
static void answer_short_of_memory(struct conn *c)
{
	static const char msg[] = N_("The server is short of memory and could not finish this "
				     "request; nothing of it was saved. Try again in a minute.");
	struct req *r = &c->r;
	size_t i;

	for (i = 0; i < r->nheaders; i++)
		free(r->headers[i]);
	r->nheaders = 0;
	r->download = NULL;
	if (r->file_set) {
		close(r->file_fd);
		r->file_set = 0;
	}
	buf_reset(&r->out);
	r->out.overflow = 0;
	err_clear(&r->e);
	if (wants_json(r, NULL)) {
		reply_problem_msg(r, 503, "%s", err_tr(msg));
	} else {
		err_set(&r->e, ERR_STORAGE, "%s", err_tr(msg));
		r->status = 503;
		web_error_page(r);
	}
	req_header(r, "Retry-After", "30");
	fprintf(stderr, "cadre: out of memory while answering %s %s: answered 503\n", r->method,
		r->path);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *mc, const char *url,
				  const char *method, const char *version,
				  const char *upload_data, size_t *upload_data_size, void **con_cls)
{
	struct conn *c = *con_cls;
	struct req *r;
	enum MHD_Result ret;
	size_t i;
	int heavy, busy;

	(void)cls;
	(void)version;
	if (!c) {
		const char *ct;

		mem_request_begin(fault_asked(mc));
		c = xcalloc(1, sizeof *c);
		clock_gettime(CLOCK_MONOTONIC, &c->t0);
		r = &c->r;
		r->method = method;
		r->path = xstrdup(url);
		buf_init(&c->body, BODY_ANON_MAX);
		buf_init(&r->out, 8u << 20);
		err_init(&r->e);
		peer_address(mc, r->address, sizeof r->address);
		r->https = g_opts->cert != NULL;
		ct = header(mc, MHD_HTTP_HEADER_CONTENT_TYPE);
		r->content_type = ct;
		r->accept = header(mc, MHD_HTTP_HEADER_ACCEPT);
		r->idem_key = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "Idempotency-Key");
		r->prefer = MHD_lookup_connection_value(mc, MHD_HEADER_KIND, "Prefer");
		if (!strncasecmp(ct, "application/x-www-form-urlencoded", 33) ||
		    !strncasecmp(ct, "multipart/form-data", 19))
			c->pp = MHD_create_post_processor(mc, 64 * 1024, post_it, c);
		MHD_get_connection_values(mc, MHD_GET_ARGUMENT_KIND, query_it, r);
		*con_cls = c;
		pthread_mutex_lock(&g_lock);
		g_inflight++;
		pthread_mutex_unlock(&g_lock);
		/* The headers are in: the body (if any) may take longer than they could. */
		MHD_set_connection_option(mc, MHD_CONNECTION_OPTION_TIMEOUT, BODY_TIMEOUT);
		if (take_bad_bytes(mc)) {
			c->answered = 1;
			answer_msg(r, 400, "the address has a control character (such as %00, a tab "
					   "or a line break) in its path or parameters");
		} else if (body_admit(c, mc)) {
			c->answered = 1;
		}
		if (c->answered) {
			ret = respond(c, mc);
			log_request(c);
			return ret;
		}
		return MHD_YES;
	}
	r = &c->r;
	if (c->answered) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	if (*upload_data_size) {
		/* Bodies without a Content-Length (chunked) are held to the same limit as they
		 * come: past it the connection is closed. */
		c->received += *upload_data_size;
		if (c->received > c->limit) {
			c->over = 1;
			*upload_data_size = 0;
			return MHD_NO;
		}
		if (c->pp) {
			if (MHD_post_process(c->pp, upload_data, *upload_data_size) != MHD_YES)
				c->too_many = 1;
		} else {
			buf_add(&c->body, upload_data, *upload_data_size);
		}
		*upload_data_size = 0;
		return MHD_YES;
	}
	for (i = 0; i < c->nfields; i++) {
		r->form[i].name = c->fields[i].name;
		r->form[i].value = (char *)(uintptr_t)buf_str(&c->fields[i].value);
		r->form[i].len = c->fields[i].value.len;
		r->form[i].filename = c->fields[i].filename;
	}
	r->nform = c->nfields;
	r->body = buf_str(&c->body);
	r->body_len = c->body.len;
	/* A search that waited 5 s for its turn is told so at once, rather than answered
	 * after its client has given up (the queue would only grow). */
	/* Short of memory since an earlier request (the reserve not whole again): answered 503
	 * at once until it is, rather than started and failed half-way. */
	if (mem_low() && mem_reserve_refill()) {
		answer_short_of_memory(c);
		ret = respond(c, mc);
		log_request(c);
		return ret;
	}
	heavy = request_heavy(r);
	busy = heavy && slot_wait_for(&g_heavy, g_heavy_wait);
	heavy = heavy && !busy;
	r->app = busy ? NULL : app_take(&r->e);
	if (busy) {
		static const char msg[] = N_("Too many searches are under way at once; try again "
					     "in a moment, or search within an organisation.");

		if (wants_json(r, NULL)) {
			reply_problem_msg(r, 503, "%s", err_tr(msg));
		} else {
			err_set(&r->e, ERR_STORAGE, "%s", err_tr(msg));
			r->status = 503;
			web_error_page(r);
		}
		req_header(r, "Retry-After", "5");
	} else if (c->body.overflow || c->over) {
		reply_problem_msg(r, 413, "the upload is larger than %zu MiB; split the file",
				  c->limit >> 20);
	} else if (!r->app) {
		reply_problem(r);
	} else {
		for (i = 0; i < c->nfields; i++)
			if (c->fields[i].value.overflow)
				break;
		if (i < c->nfields)
			reply_problem_msg(r, 413, "the field %s is too large", c->fields[i].name);
		else
			dispatch(c, mc);
	}
	/* Memory ran out in this request and the reserve covered it: unless it committed a
	 * change (then its answer says what was done, and a 503 would invite a repeat), it
	 * is answered 503. */
	if (mem_request_failed() && !mem_request_was_kept())
		answer_short_of_memory(c);
	ret = respond(c, mc);
	log_request(c);
	app_give(r->app);
	if (heavy)
		sem_post(&g_heavy);
	r->app = NULL;
	return ret;
}

/* ---- connections: bytes in the request line, addresses -------------------------------- */

/* MHD's unescaper of the path and the query, which decodes %XX in place: a decoded control
 * byte (%00 would cut the path short, and a tab or a line break means nothing in a code
 * or a filter) marks the connection, and the request is answered 400 before anything
 * reads the value. Returns the decoded length. */
static size_t unescape_url(void *cls, struct MHD_Connection *mc, char *s)
{
	size_t n = MHD_http_unescape(s), i;
	const union MHD_ConnectionInfo *ci;

	(void)cls;
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] == 0x7f)
			break;
	if (i < n && (ci = MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT)) &&
	    ci->socket_context)
		((struct sock *)ci->socket_context)->bad_bytes = 1;
	return n;
}

/* Whether the request now starting had a control byte in its path or query (and forget it
 * for the next request on the connection). */
static int take_bad_bytes(struct MHD_Connection *mc)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct sock *k = ci ? ci->socket_context : NULL;
	int bad = k && k->bad_bytes;

	if (k) {
		k->bad_bytes = 0;
		pthread_mutex_lock(&g_sock_lock);
		k->in_request = 1;
		pthread_mutex_unlock(&g_sock_lock);
	}
	return bad;
}

static void on_connection(void *cls, struct MHD_Connection *mc, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	struct sock *k;

	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(mc, MHD_CONNECTION_INFO_CONNECTION_FD);

		k = xcalloc(1, sizeof *k);
		k->fd = ci ? ci->connect_fd : -1;
		k->since = time(NULL);
		pthread_mutex_lock(&g_sock_lock);
		k->next = g_socks;
		if (g_socks)
			g_socks->prev = k;
		g_socks = k;
		pthread_mutex_unlock(&g_sock_lock);
		*socket_context = k;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED && (k = *socket_context)) {
		/* Off the list before MHD closes the socket: the watchdog never touches a
		 * number the system may give to another connection. */
		pthread_mutex_lock(&g_sock_lock);
		if (k->prev)
			k->prev->next = k->next;
		else
			g_socks = k->next;
		if (k->next)
			k->next->prev = k->prev;
		pthread_mutex_unlock(&g_sock_lock);
		free(k);
		*socket_context = NULL;
	}
}

/* The header deadline: MHD's timeout counts silence, so a client trickling a byte of its
 * headers every few seconds would hold its connection (and thread) for ever. Once a second,
 * a connection that has waited longer than --header-timeout for a request's headers is shut
 * down; its thread then sees the end of the stream and closes it. */
static void *header_watchdog(void *arg)
{
	struct timespec ts;
	struct sock *k;

	(void)arg;
	pthread_mutex_lock(&g_sock_lock);
	while (!g_sock_stop) {
		time_t now = time(NULL);

		for (k = g_socks; k; k = k->next)
			if (!k->in_request && k->fd >= 0 &&
			    now - k->since > (time_t)g_header_timeout) {
				shutdown(k->fd, SHUT_RDWR);
				k->fd = -1;
			}
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 1;
		pthread_cond_timedwait(&g_sock_cv, &g_sock_lock, &ts);
	}
	pthread_mutex_unlock(&g_sock_lock);
	return NULL;
}

static void on_completed(void *cls, struct MHD_Connection *mc, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct conn *c = *con_cls;

	(void)cls;
	(void)toe;
	if (!c)
		return;
	/* A kept-alive connection gets the header timeout again for its next request. */
	if (mc) {
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(mc, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		struct sock *k = ci ? ci->socket_context : NULL;

		MHD_set_connection_option(mc, MHD_CONNECTION_OPTION_TIMEOUT, g_header_timeout);
		if (k) {
			pthread_mutex_lock(&g_sock_lock);
			k->in_request = 0;
			k->since = time(NULL);
			pthread_mutex_unlock(&g_sock_lock);
		}
	}
	conn_free(c);
	*con_cls = NULL;
	pthread_mutex_lock(&g_lock);
	g_inflight--;
	pthread_mutex_unlock(&g_lock);
}

/* ---- the checkpointer ------------------------------------------------------------------ */

static pthread_mutex_t ck_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ck_cv = PTHREAD_COND_INITIALIZER;
static int ck_stop;

/* Copies the write-ahead log into the database every 200 ms on a connection of its own, so
 * that commits by the workers never wait for it (see app_checkpoint). */
static void *checkpointer(void *arg)
{
	struct app *a = arg;
	struct timespec ts;

	pthread_mutex_lock(&ck_mu);
	while (!ck_stop) {
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += 200 * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&ck_cv, &ck_mu, &ts);
		if (ck_stop)
			break;
		pthread_mutex_unlock(&ck_mu);
		app_checkpoint(a);
		pthread_mutex_lock(&ck_mu);
	}
	pthread_mutex_unlock(&ck_mu);
	app_checkpoint(a);
	return NULL;
}

/* ---- starting and stopping -------------------------------------------------------------- */

static char *read_file(const char *path, struct err *e, const char *what)
{
	FILE *f = fopen(path, "rb");
	struct buf b;
	char chunk[4096];
	size_t n;

	if (!f) {
		err_set(e, ERR_USAGE, "cannot read the %s %s: %s", what, path, strerror(errno));
		return NULL;
	}
	buf_init(&b, 1u << 20);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (b.overflow) {
		buf_cleanup(&b);
		err_set(e, ERR_USAGE, "the %s %s is larger than 1 MiB", what, path);
		return NULL;
	}
	return buf_steal(&b);
}

/* Parse "ADDR:PORT", "[ADDR6]:PORT" or ":PORT" into ss. */
static int parse_listen(const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
	char host[128];
	const char *colon;
	char *end;
	long port;

	memset(ss, 0, sizeof *ss);
	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (!close || close[1] != ':' || (size_t)(close - s - 1) >= sizeof host)
			return -1;
		memcpy(host, s + 1, (size_t)(close - s - 1));
		host[close - s - 1] = 0;
		colon = close + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon || (size_t)(colon - s) >= sizeof host)
			return -1;
		memcpy(host, s, (size_t)(colon - s));
		host[colon - s] = 0;
	}
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (errno || *end || colon[1] == 0 || port < 1 || port > 65535)
		return -1;
	if (!host[0])
		snprintf(host, sizeof host, "0.0.0.0");
	if (strchr(host, ':')) {
		struct sockaddr_in6 *a6 = (struct sockaddr_in6 *)ss;

		a6->sin6_family = AF_INET6;
		a6->sin6_port = htons((uint16_t)port);
		if (inet_pton(AF_INET6, host, &a6->sin6_addr) != 1)
			return -1;
		*len = sizeof *a6;
	} else {
		struct sockaddr_in *a4 = (struct sockaddr_in *)ss;

		a4->sin_family = AF_INET;
		a4->sin_port = htons((uint16_t)port);
		if (!strcmp(host, "localhost"))
			snprintf(host, sizeof host, "127.0.0.1");
		if (inet_pton(AF_INET, host, &a4->sin_addr) != 1)
			return -1;
		*len = sizeof *a4;
	}
	return 0;
}

int server_run(const struct server_opts *o, struct err *e)
{
	struct sockaddr_storage ss;
	socklen_t sslen = 0;
	struct MHD_Daemon *d;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_THREAD_PER_CONNECTION |
			 MHD_USE_ITC | MHD_USE_ERROR_LOG;
	char *cert = NULL, *key = NULL;
	const char *listen = o->listen ? o->listen : "127.0.0.1:8080";
	unsigned threads = o->threads > 0 ? (unsigned)o->threads : 0;
	sigset_t set;
	int sig, waited;
	size_t i;
	struct app *probe, ck_app;
	unsigned per_address;
	pthread_t ck_thread, wd_thread;
	int ck_started = 0, wd_started = 0;

	g_opts = o;
	g_stopping = 0;
	g_fault_ok = getenv("CADRE_FAULT_INJECTION") && *getenv("CADRE_FAULT_INJECTION");
	mem_reserve_init(MEM_RESERVE);
	/* jansson's memory too: its NULL (when even the reserve cannot help) it handles. */
	json_set_alloc_funcs(mem_try_malloc, free);
	/* One address may hold this many connections at once (each is a thread): one client
	 * with a thousand half-open connections must not take every one the server has.
	 * Those beyond are closed as soon as they are accepted. */
	per_address = o->max_per_address > 0 ? (unsigned)o->max_per_address : 32;
	g_header_timeout = o->header_timeout > 0 ? (unsigned)o->header_timeout : 10;
	{
		/* CADRE_SESSION_SECONDS: the tests' way of reaching the lifetime in seconds. */
		const char *v = getenv("CADRE_SESSION_SECONDS");
		long secs = (o->session_hours > 0 ? o->session_hours : 12) * 3600L;

		if (v && *v && strtol(v, NULL, 10) > 0)
			secs = strtol(v, NULL, 10);
		session_config(secs);
	}
	if (o->upload_mib > 0)
		g_upload_budget = (size_t)o->upload_mib << 20;
	/* A writer waits this long for another (an import) and is then answered 503 with
	 * Retry-After: never held for the length of someone else's import. */
	app_wait_set((o->wait > 0 ? o->wait : 10) * 1000L, NULL);
	if (parse_listen(listen, &ss, &sslen))
		return err_add(e, ERR_USAGE, 0, "listen", listen, NULL,
			       "give the address to listen on as ADDR:PORT, for example "
			       "127.0.0.1:8080 or [::1]:8443");
	if ((o->cert && !o->key) || (!o->cert && o->key))
		return err_set(e, ERR_USAGE, "HTTPS needs both --cert FILE and --key FILE");
	if (o->cert) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES)
			return err_set(e, ERR_USAGE, "this libmicrohttpd was built without TLS");
		if (!(cert = read_file(o->cert, e, "certificate")) ||
		    !(key = read_file(o->key, e, "key"))) {
			free(cert);
			return e->code;
		}
		flags |= MHD_USE_TLS;
	}
	if (ss.ss_family == AF_INET6)
		flags |= MHD_USE_IPv6;
	/* Requests wait on the disk and on each other's commits (an audited read is a write),
	 * so many of them at once keep the processors busy and let the group commit of audit
	 * entries gather more entries per transaction (measured on 2 cores at 64 connections:
	 * 64 at once gave a 99th percentile of 19-21 ms where 16 gave 23-25 ms). */
	if (!threads)
		threads = 64;
	sem_init(&g_slots, 0, threads);
	{
		/* CADRE_SEARCH_SLOTS and CADRE_SEARCH_WAIT change the defaults (the tests'
		 * way of filling them). */
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		const char *v = getenv("CADRE_SEARCH_SLOTS");

		if (v && *v)
			n = strtol(v, NULL, 10);
		else if (n < 1)
			n = 2;
		sem_init(&g_heavy, 0, n > 0 ? (unsigned)(n < 64 ? n : 64) : 0);
		g_search_cache = app_search_cache_new(SEARCH_CACHE_MIB);
		v = getenv("CADRE_SEARCH_WAIT");
		g_heavy_wait = v && *v ? (int)strtol(v, NULL, 10) : 5;
	}
	/* Check the database before taking connections: a wrong --db is an error now. */
	if (!(probe = app_take(e))) {
		app_search_cache_free(g_search_cache);
		g_search_cache = NULL;
		free(cert);
		free(key);
		return e->code;
	}
	{
		/* Import jobs a stopped server left under way wrote nothing (each import is one
		 * transaction): they are marked interrupted, for their pages to say so. */
		long n = 0;

		if (app_job_recover(probe, &n, e))
			err_clear(e);
		else if (n && !o->quiet)
			fprintf(stderr, "cadre: %ld import job(s) interrupted by the last stop\n", n);
	}
	app_give(probe);
	session_init();
	web_init();

	/* SIGTERM and SIGINT are taken by sigwait below, in this thread only. */
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	d = MHD_start_daemon(flags, 0, NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR,
			     (struct sockaddr *)&ss,
			     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
			     MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
			     MHD_OPTION_UNESCAPE_CALLBACK, unescape_url, NULL,
			     MHD_OPTION_CONNECTION_TIMEOUT, g_header_timeout,
			     MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_address,
			     MHD_OPTION_CONNECTION_LIMIT, 1000u,
			     cert ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, cert,
			     MHD_OPTION_HTTPS_MEM_KEY, key, MHD_OPTION_END);
	if (!d) {
		app_search_cache_free(g_search_cache);
		g_search_cache = NULL;
		free(cert);
		free(key);
		session_shutdown();
		return err_add(e, ERR_USAGE, 0, "listen", listen, NULL,
			       "cannot listen on %s (is the port taken, or the address not this "
			       "machine's?)", listen);
	}
	g_sock_stop = 0;
	wd_started = !pthread_create(&wd_thread, NULL, header_watchdog, NULL);
	ck_stop = 0;
	if (!app_open(&ck_app, o->db, 0, e)) {
		ck_started = !pthread_create(&ck_thread, NULL, checkpointer, &ck_app);
		if (!ck_started)
			app_close(&ck_app);
	} else {
		err_clear(e);
	}
	if (!o->quiet) {
		printf("cadre: serving %s on %s://%s/ (stop with Ctrl-C)\n", o->db,
		       cert ? "https" : "http", listen);
		fflush(stdout);
	}
	while (sigwait(&set, &sig) != 0)
		;
	/* Stop taking connections, let the requests under way finish (at most 30 s). */
	g_stopping = 1;
	MHD_quiesce_daemon(d);
	pthread_mutex_lock(&g_lock);
	pthread_cond_broadcast(&g_upload_cv);
	pthread_mutex_unlock(&g_lock);
	for (waited = 0; waited < 3000; waited++) {
		long n;

		pthread_mutex_lock(&g_lock);
		n = g_inflight;
		/* After a second of grace, the database work still running (an import of
		 * minutes) is interrupted: it fails, rolls back, and its request is answered. */
		if (n > 0 && waited >= 100)
			for (i = 0; i < g_napps; i++)
				app_interrupt(g_apps[i]);
		pthread_mutex_unlock(&g_lock);
		if (n <= 0)
			break;
		usleep(10000);
	}
	/* Import jobs end with the server: interrupted, rolled back, recorded so. */
	app_job_stop(10000);
	MHD_stop_daemon(d);
	if (wd_started) {
		pthread_mutex_lock(&g_sock_lock);
		g_sock_stop = 1;
		pthread_cond_signal(&g_sock_cv);
		pthread_mutex_unlock(&g_sock_lock);
		pthread_join(wd_thread, NULL);
	}
	if (ck_started) {
		pthread_mutex_lock(&ck_mu);
		ck_stop = 1;
		pthread_cond_signal(&ck_cv);
		pthread_mutex_unlock(&ck_mu);
		pthread_join(ck_thread, NULL);
		app_close(&ck_app);
	}
	for (i = 0; i < g_napps; i++) {
		app_close(g_apps[i]);
		free(g_apps[i]);
	}
	g_napps = 0;
	g_nfree = 0;
	app_search_cache_free(g_search_cache);
	g_search_cache = NULL;
	sem_destroy(&g_slots);
	sem_destroy(&g_heavy);
	session_shutdown();
	web_shutdown();
	free(cert);
	free(key);
	if (!o->quiet)
		fprintf(stderr, "cadre: stopped (signal %d)\n", sig);
	return 0;
}
