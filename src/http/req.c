/* req.c - the request as handlers and pages read it: query and form values, response
 * headers, redirects (http.h). The one home of these accessors: src/web and the server both
 * use them, so the pages never reach into the server. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "http.h"

static const char *param_find(const struct http_param *p, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(p[i].name, name))
			return p[i].value;
	return NULL;
}

const char *req_query(const struct req *r, const char *name)
{
	return param_find(r->query, r->nquery, name);
}

const char *req_form(const struct req *r, const char *name)
{
	return param_find(r->form, r->nform, name);
}

const struct http_param *req_form_param(const struct req *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nform; i++)
		if (!strcmp(r->form[i].name, name))
			return &r->form[i];
	return NULL;
}

void req_header(struct req *r, const char *name, const char *value)
{
	struct buf b;

	if (r->nheaders >= HTTP_MAX_HEADERS)
		return;
	buf_init(&b, 0);
	buf_printf(&b, "%s: %s", name, value);
	r->headers[r->nheaders++] = buf_steal(&b);
}

void req_redirect(struct req *r, const char *location)
{
	r->status = 303;
	req_header(r, "Location", location);
	buf_reset(&r->out);
}

long req_query_long(struct req *r, const char *name, long def, long min, long max)
{
	const char *s = req_query(r, name);
	char *end;
	long v;

	if (!s || !s[0])
		return def;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max) {
		err_add(&r->e, ERR_USAGE, 0, name, s, NULL,
			"%s must be a whole number from %ld to %ld", name, min, max);
		return -1;
	}
	return v;
}
