/* problem.c - answers: JSON values and RFC 9457 problem details, and the one table that maps
 * result codes to HTTP statuses. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "http.h"

/* Mark a message for xgettext; it is translated where it is used. */
#define N_(s) s

static const struct {
	enum err_code code;
	int status;
	const char *type; /* the problem type, a path under /api/v1/problems/ */
	const char *title;
} status_map[] = {
	{ERR_OK, 200, "about:blank", N_("OK")},
	{ERR_INPUT, 422, "/api/v1/problems/invalid-input", N_("The input is not valid")},
	{ERR_NOTFOUND, 404, "/api/v1/problems/not-found", N_("Not found")},
	{ERR_RULE, 409, "/api/v1/problems/rule", N_("A party rule forbids this change")},
	{ERR_STORAGE, 503, "/api/v1/problems/storage", N_("The database is unavailable")},
	{ERR_USAGE, 400, "/api/v1/problems/bad-request", N_("The request is malformed")},
	{ERR_DENIED, 403, "/api/v1/problems/denied", N_("Your role does not allow this")},
	{ERR_INTERNAL, 500, "/api/v1/problems/internal", N_("Internal error")},
};

int http_status_of(enum err_code code)
{
	size_t i;

	for (i = 0; i < sizeof status_map / sizeof status_map[0]; i++)
		if (status_map[i].code == code)
			return status_map[i].status;
	return 500;
}

void reply_json(struct req *r, int status, json_t *j)
{
	char *s;

	r->status = status;
	r->ctype = "application/json";
	buf_reset(&r->out);
	s = j ? json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY) : NULL;
	json_decref(j);
	if (s) {
		buf_adds(&r->out, s);
		buf_addc(&r->out, '\n');
		free(s);
		return;
	}
	/* A NULL from jansson (text that is not UTF-8, no memory) is a failure, never an empty
	 * answer: a fixed problem, which cannot fail in turn. */
	r->status = 500;
	r->ctype = "application/problem+json";
	buf_adds(&r->out, "{\"type\":\"about:blank\",\"title\":\"Internal error\",\"status\":500,"
		 "\"detail\":\"the answer could not be written as JSON\",\"errors\":[{\"detail\":"
		 "\"the answer could not be written as JSON\"}]}\n");
}

static const char *title_of_status(int status)
{
	switch (status) {
	case 400: return N_("The request is malformed");
	case 401: return N_("Sign-in required");
	case 403: return N_("Forbidden");
	case 404: return N_("Not found");
	case 405: return N_("Method not allowed");
	case 409: return N_("A party rule forbids this change");
	case 413: return N_("Too large");
	case 415: return N_("Unsupported media type");
	case 422: return N_("The input is not valid");
	case 429: return N_("Too many attempts");
	case 503: return N_("Unavailable");
	default: return "Error";
	}
}

/* A message for an API client or a page: the same words without the hints that name a CLI
 * command (made for the CLI user, who shares the message ids): a parenthesis or a "; "
 * clause that quotes 'cadre ...' is dropped, and an option "--name" becomes the field "name".
 * Works in place on a NUL-ended message, in either language (the translations keep the
 * quoted commands as they are). */
void problem_neutral(char *msg)
{
	char *p, *q;

	/* ( ... 'cadre ... ) */
	for (p = strstr(msg, "('cadre "); p; p = strstr(p, "('cadre ")) {
		q = strchr(p, ')');
		if (!q)
			break;
		if (p > msg && p[-1] == ' ')
			p--;
		memmove(p, q + 1, strlen(q + 1) + 1);
	}
	/* "; ... 'cadre ..." clauses after the first */
	p = strstr(msg, "; ");
	while (p) {
		char *end = strstr(p + 2, "; "), *hit = strstr(p + 2, "'cadre ");

		if (hit && (!end || hit < end)) {
			if (end)
				memmove(p, end, strlen(end) + 1);
			else
				*p = 0;
			p = *p ? p : NULL; /* p is now at the next clause's "; " */
		} else {
			p = end;
		}
	}
	/* --option -> option */
	for (p = msg; (p = strstr(p, "--")) != NULL;) {
		if ((p == msg || p[-1] == ' ' || p[-1] == '(') && p[2] >= 'a' && p[2] <= 'z')
			memmove(p, p + 2, strlen(p + 2) + 1);
		else
			p += 2;
	}
}

/* The problem type of a status given without a result code: a page of its own under
 * /api/v1/problems/ (src/web/page_problem.c explains each). */
static const char *type_of_status(int status)
{
	switch (status) {
	case 400: return "/api/v1/problems/bad-request";
	case 401: return "/api/v1/problems/unauthenticated";
	case 403: return "/api/v1/problems/forbidden";
	case 404: return "/api/v1/problems/not-found";
	case 405: return "/api/v1/problems/method-not-allowed";
	case 409: return "/api/v1/problems/rule";
	case 413: return "/api/v1/problems/too-large";
	case 415: return "/api/v1/problems/unsupported-media-type";
	case 422: return "/api/v1/problems/invalid-input";
	case 429: return "/api/v1/problems/too-many-attempts";
	case 503: return "/api/v1/problems/unavailable";
	default: return "/api/v1/problems/internal";
	}
}

/* The problem of r->e as JSON (a new reference); *status receives its status. */
static json_t *problem_json(struct req *r, int *status)
{
	enum err_code code = r->e.code ? r->e.code : ERR_INTERNAL;
	size_t i;
	json_t *j;

	for (i = 0; i < r->e.n; i++)
		problem_neutral(r->e.items[i].msg);
	for (i = 0; i < sizeof status_map / sizeof status_map[0]; i++)
		if (status_map[i].code == code)
			break;
	if (i == sizeof status_map / sizeof status_map[0])
		i = sizeof status_map / sizeof status_map[0] - 1;
	j = json_pack("{s:s,s:s,s:i}", "type", status_map[i].type, "title",
		      err_tr(status_map[i].title), "status", status_map[i].status);
	if (r->e.n == 1 || (r->e.n && !r->e.items[0].field[0] && !r->e.items[0].line))
		json_object_set_new(j, "detail", json_string(r->e.items[0].msg));
	else if (r->e.n)
		json_object_set_new(j, "detail",
				    json_sprintf(err_tr("%zu problems; each is listed in errors"),
						 r->e.n + r->e.dropped));
	json_object_set_new(j, "instance", json_string(r->path));
	/* An answer carries the first problems, never so many that it outgrows its buffer. */
	json_object_set_new(j, "errors", json_err_items_max(&r->e, IMPORT_ANSWER_ITEMS));
	if (r->e.n > IMPORT_ANSWER_ITEMS || r->e.dropped)
		json_object_set_new(j, "errors_more", json_true());
	*status = status_map[i].status;
	return j;
}

json_t *problem_of(struct req *r, int *status)
{
	return problem_json(r, status);
}

void reply_problem(struct req *r)
{
	int status;
	json_t *j = problem_json(r, &status);

	reply_json(r, status, j);
	r->ctype = "application/problem+json";
}

void reply_problem_batch(struct req *r)
{
	int status;
	json_t *j = problem_json(r, &status), *it;
	size_t i;

	json_array_foreach(json_object_get(j, "errors"), i, it) {
		json_t *line = json_object_get(it, "line");

		if (json_is_integer(line) && json_integer_value(line) > 0)
			json_object_set_new(it, "index", json_integer(json_integer_value(line) - 1));
	}
	reply_json(r, status, j);
	r->ctype = "application/problem+json";
}

void reply_problem_msg(struct req *r, int status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	json_t *j;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
	va_end(ap);
	problem_neutral(msg);
	j = json_pack("{s:s,s:s,s:i,s:s,s:s,s:[{s:s}]}", "type", type_of_status(status), "title",
		      err_tr(title_of_status(status)), "status", status, "detail", msg, "instance",
		      r->path, "errors", "detail", msg);
	reply_json(r, status, j);
	r->ctype = "application/problem+json";
}
