/* http.h - the web server: one request as handlers see it, the routing table, sessions,
 * CSRF, and the answers (JSON, problem+json, HTML pages). Handlers parse, call src/app,
 * encode; they hold no rule and no access check of their own. */
#ifndef CADRE_HTTP_H
#define CADRE_HTTP_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "../app/app.h"
#include "../app/app_json.h"
#include "../lib/buf.h"

/* A review form carries a grade and a reason for each member of a cell: 512 fields hold a
 * roll of 250. */
#define HTTP_MAX_PARAMS 512
#define HTTP_MAX_HEADERS 8
#define SESSION_ID_CHARS 44 /* base64url of 32 random bytes, and its NUL */
#define CSRF_CHARS 44

/* One name=value pair of the query string or of a form. value is NUL-terminated; for a file
 * of a multipart form, filename is set and len is its length in bytes. */
struct http_param {
	char *name;
	char *value;
	size_t len;
	char *filename;
};

/* What a handler is given, and the answer it builds. Memory is owned by the server and
 * released after the response (the arena of the request). */
struct req {
	/* the request */
	const char *method;        /* "GET", "POST", ... */
	const char *path;          /* decoded, without the query */
	const char *pathv[4];      /* the {parameters} of the route, in order */
	struct http_param query[HTTP_MAX_PARAMS];
	size_t nquery;
	struct http_param form[HTTP_MAX_PARAMS]; /* urlencoded or multipart POST fields */
	size_t nform;
	const char *body;          /* the raw body (JSON, CSV) when not a form; "" when none */
	size_t body_len;
	const char *content_type;  /* "" when none */
	const char *accept;        /* the Accept header, "" when none */
	const char *idem_key;      /* the Idempotency-Key header, NULL when none */
	const char *prefer;        /* the Prefer header (RFC 7240), NULL when none */
	char address[64];          /* the peer's address */
	int https;
	/* who is asking */
	struct app *app;           /* this thread's database connection */
	struct actor actor;        /* valid when authed */
	int authed;                /* 1: by session cookie, 2: by bearer token */
	char session_id[SESSION_ID_CHARS];
	char csrf[CSRF_CHARS];     /* the session's CSRF token ("" without a session) */
	char lang[4];              /* "vi" (default) or "en" */
	struct err e;              /* problems of the app call; handlers pass it on */
	/* the answer */
	int status;                /* 200 unless set */
	const char *ctype;         /* Content-Type, default text/html; charset=utf-8 */
	struct buf out;            /* the body */
	char *headers[HTTP_MAX_HEADERS]; /* "Name: value" lines (owned), e.g. Set-Cookie */
	size_t nheaders;
	const char *download;      /* Content-Disposition attachment file name, or NULL */
	int file_fd;               /* when file_len > 0 or file_set: answer this file's bytes */
	int file_set;              /* (the server closes it), not out: large downloads */
	unsigned long long file_len;
};

/* A route: method and pattern ("/api/v1/orgs/{code}/members": each {x} matches one path
 * segment and lands in pathv). */
enum route_flags {
	ROUTE_PUBLIC = 1,   /* no sign-in needed */
	ROUTE_API = 2,      /* answers JSON; errors as problem+json; bearer tokens accepted */
	ROUTE_PAGE = 4,     /* answers HTML; unauthenticated: redirect to /login */
	ROUTE_FORM = 8,     /* a state-changing form post: the CSRF token must match */
	ROUTE_TOKEN_OK = 16 /* a page that also accepts a bearer token (scripts print it) */
};
struct route {
	const char *method;
	const char *pattern;
	void (*handler)(struct req *r);
	int flags;
	const char *summary; /* one line, also used by the OpenAPI test */
};
/* The query parameters an API route declares (api.c), separated by spaces. A route not in
 * the table takes none. An API request naming any other is refused with 400 before the
 * handler runs (Kore's habit); the OpenAPI test holds this table and openapi.json to each
 * other. Ended by a NULL pattern. */
struct route_params {
	const char *method;
	const char *pattern;
	const char *params;
};
extern const struct route_params api_params[];
/* The declared query parameters of rt ("" when none). */
const char *route_params_of(const struct route *rt);
/* The tables: the API's (api.c) and the pages' (src/web/pages.c), each ended by a NULL
 * pattern. */
extern const struct route api_routes[];
extern const struct route web_routes[];
extern const struct route web_form_routes[]; /* src/web/forms.c: the pages that change records */
extern const struct route hb_routes[]; /* src/web/page_hb.c: the members' handbook */

/* Find the route of method and path; pathv receives the parameters. Returns NULL when no
 * pattern matches; *path_known is set when a pattern matched with another method (405). */
const struct route *route_find(const char *method, const char *path, const char *pathv[4],
			       int *path_known);

/* Whether every query parameter of r is declared for rt (route_params_of). Returns 1; or 0 after
 * answering 400 with a problem naming each undeclared parameter and the declared ones. */
int route_query_ok(struct req *r, const struct route *rt);
/* Whether name is one of the words of the space-separated list params (NULL: none). */
int route_param_declared(const char *params, const char *name);

/* ---- request helpers (req.c) -------------------------------------------------------- */
/* A query or form value by name, NULL when absent. */
const char *req_query(const struct req *r, const char *name);
const char *req_form(const struct req *r, const char *name);
const struct http_param *req_form_param(const struct req *r, const char *name);
/* Add a response header line (copied). */
void req_header(struct req *r, const char *name, const char *value);
/* Answer with a redirect (303 See Other) to location. */
void req_redirect(struct req *r, const char *location);
/* A number from the query: the default when absent; -1 and a problem in r->e when not a
 * whole number within [min, max]. */
long req_query_long(struct req *r, const char *name, long def, long min, long max);

/* ---- answers (problem.c) ------------------------------------------------------------ */
/* The HTTP status of a result code: 400 usage, 422 input, 404 not found, 409 rule,
 * 403 denied, 503 storage, 500 internal. */
int http_status_of(enum err_code code);
/* Answer the JSON value j (reference stolen) with status. */
void reply_json(struct req *r, int status, json_t *j);
/* Answer r->e as application/problem+json (RFC 9457): type, title, status, detail, and
 * "errors": every problem with its field, value, line and rule. */
void reply_problem(struct req *r);
/* The problem reply_problem would answer, as JSON (a new reference); *status its status. */
json_t *problem_of(struct req *r, int *status);
/* The same for a request that is a batch of items: a problem whose line is an item's 1-based
 * position also carries "index", the item's 0-based index in the request's array. */
void reply_problem_batch(struct req *r);
/* Drop from msg (in place) the hints that name CLI commands ('cadre ...') and turn options
 * ("--org") into field names ("org"): problem details are for API clients and pages. */
void problem_neutral(char *msg);
/* Answer a problem with one message and a given status. */
void reply_problem_msg(struct req *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ---- sessions (session.c) ----------------------------------------------------------- */
/* Sessions live in the server's memory: a restart signs everybody out. The idle timeout is
 * R-SESSION-IDLE-MINUTES, read when the session is used. */
void session_init(void);
void session_shutdown(void);
/* Start a session for actor; id and csrf receive the new values. lang: "vi"/"en". */
int session_create(const struct actor *ac, const char *lang, long idle_minutes,
		   char id[SESSION_ID_CHARS], char csrf[CSRF_CHARS]);
/* The absolute lifetime of a session in seconds, whatever its use (set once at start). */
void session_config(long max_seconds);
/* Look a session up (touching it): fills actor, csrf, lang; *stale is set when its account
 * was last read more than SESSION_CHECK_SECONDS ago (the caller reads it again and calls
 * session_refresh, or session_end_account). Returns 0, or -1 when unknown, idle for too
 * long or past its lifetime (and then removed). Expired sessions and old sign-in attempts
 * are swept at most once a minute by the calls of this module. */
#define SESSION_CHECK_SECONDS 2
int session_get(const char *id, long idle_minutes, struct actor *ac, char csrf[CSRF_CHARS],
		char lang[4], int *stale);
/* The account of session id as read again now. */
void session_refresh(const char *id, const struct actor *ac);

void session_set_lang(const char *id, const char *lang);
void session_end(const char *id);
/* End every session of an account (after its roles change or it is locked). */
void session_end_account(int64_t account_id);
/* Sign-in attempts per address (R-LOGIN-ADDRESS-MAX-FAILS within R-LOGIN-LOCK-MINUTES).
 * session_address_try counts an attempt before its password is checked, in one step with
 * the check of the limit (parallel attempts cannot all pass a count read before any was
 * written): it returns the seconds to wait (the attempt not counted), or 0 when allowed.
 * session_address_ok takes back the attempt of a sign-in that succeeded. */
long session_address_try(const char *address, long max_fails, long window_minutes);
void session_address_ok(const char *address);
/* A new random token (base64url). */
void csrf_new(char out[CSRF_CHARS]);
/* Constant-time comparison of a submitted CSRF token. Returns 1 when equal and non-empty. */
int csrf_ok(const char *expected, const char *given);

/* ---- the server (server.c) ---------------------------------------------------------- */
struct server_opts {
	const char *db;
	const char *listen;   /* "ADDR:PORT", default 127.0.0.1:8080 */
	const char *cert, *key; /* PEM files: HTTPS */
	int threads;          /* 0: one per core */
	int quiet;
	int max_per_address;  /* connections one address may hold at once (0: 32) */
	int header_timeout;   /* seconds a connection has to send its headers (0: 10) */
	int session_hours;    /* a session's absolute lifetime (0: 12) */
	int wait;             /* seconds a writer waits for another before 503 (0: 10) */
	long upload_mib;      /* memory all uploads under way may hold (0: 192 MiB) */
};
/* Serve until SIGTERM or SIGINT; then stop taking connections, finish the requests under
 * way, and return 0. Errors (bad address, port taken, unreadable certificate) go to e. */
int server_run(const struct server_opts *o, struct err *e);

#endif
