/* api_util.c - what the API handlers share: declared JSON bodies checked before a handler
 * sees them, ids and dates from the path and query, and refusals that hide what is out of
 * sight. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../web/web.h"
#include "api.h"

static const char *type_words(enum api_type t)
{
	switch (t) {
	case AT_STRING: return "a string";
	case AT_DATE: return "a date as \"YYYY-MM-DD\"";
	case AT_COUNT: return "a whole number of 0 or more";
	case AT_ID: return "a whole number above 0";
	case AT_BOOL: return "true or false";
	case AT_CODES: return "an array of strings";
	case AT_ARRAY: return "an array";
	case AT_OBJECT: return "an object";
	}
	return "a value";
}

/* Whether v has the type t (null is accepted where the value may be cleared or unknown). */
static int type_ok(json_t *v, enum api_type t)
{
	size_t i;
	json_t *x;

	switch (t) {
	case AT_STRING:
	case AT_DATE:
		return json_is_string(v) || json_is_null(v);
	case AT_COUNT:
		return json_is_null(v) || (json_is_integer(v) && json_integer_value(v) >= 0);
	case AT_ID:
		return json_is_integer(v) && json_integer_value(v) > 0;
	case AT_BOOL:
		return json_is_boolean(v);
	case AT_CODES:
		if (!json_is_array(v))
			return 0;
		json_array_foreach(v, i, x) if (!json_is_string(x)) return 0;
		return 1;
	case AT_ARRAY:
		return json_is_array(v);
	case AT_OBJECT:
		return json_is_object(v);
	}
	return 0;
}

/* The value of v shortened for a problem report ("" for objects and arrays). */
static void value_text(json_t *v, char *out, size_t n)
{
	out[0] = 0;
	if (json_is_string(v))
		snprintf(out, n, "%s", json_string_value(v));
	else if (json_is_integer(v))
		snprintf(out, n, "%lld", (long long)json_integer_value(v));
	else if (json_is_real(v))
		snprintf(out, n, "%g", json_real_value(v));
	else if (json_is_boolean(v))
		snprintf(out, n, "%s", json_is_true(v) ? "true" : "false");
}

static int is_json_type(const char *ct)
{
	size_t n = strcspn(ct, ";");

	while (n && ct[n - 1] == ' ')
		n--;
	return (n == 16 && !strncasecmp(ct, "application/json", 16)) ||
	       (n > 5 && !strncasecmp(ct + n - 5, "+json", 5));
}

enum err_code api_check_fields(struct req *r, json_t *obj, const struct api_field *spec,
			       long line)
{
	json_t *v;
	const char *key;
	const struct api_field *f;
	char val[96];

	json_object_foreach(obj, key, v) {
		for (f = spec; f->name; f++)
			if (!strcmp(f->name, key))
				break;
		value_text(v, val, sizeof val);
		if (!f->name) {
			struct buf names;

			buf_init(&names, 0);
			for (f = spec; f->name; f++)
				buf_printf(&names, "%s%s", f == spec ? "" : ", ", f->name);
			/* The list, when it fits the message; else where to read it. */
			err_add(&r->e, ERR_INPUT, line, key, val, NULL,
				"'%s' is not a field of this request; %s%s", key,
				names.len < 160 ? "the fields are: " : "see /api/v1/openapi.json",
				names.len < 160 ? (names.len ? buf_str(&names) : "(none)") : "");
			buf_cleanup(&names);
			continue;
		}
		if (!type_ok(v, f->type)) {
			err_add(&r->e, ERR_INPUT, line, key, val, NULL, "%s must be %s", key,
				type_words(f->type));
			continue;
		}
		if (f->type == AT_DATE && json_is_string(v)) {
			date_t d;
			const char *why;

			if (date_parse(json_string_value(v), &d, &why))
				err_add(&r->e, ERR_INPUT, line, key, val, NULL, "%s %s", val, err_tr(why));
		}
	}
	for (f = spec; f->name; f++) {
		v = json_object_get(obj, f->name);
		if (f->required && (!v || json_is_null(v)))
			err_add(&r->e, ERR_INPUT, line, f->name, NULL, NULL, "%s is required (%s)",
				f->name, type_words(f->type));
	}
	return r->e.code;
}

json_t *api_body_or_reply(struct req *r, const struct api_field *spec)
{
	json_t *body;
	json_error_t je;

	if (r->body_len == 0 && r->nform == 0)
		body = json_object();
	else if (!is_json_type(r->content_type)) {
		reply_problem_msg(r, 415, "send the body as application/json (it came as %s)",
				  r->content_type[0] ? r->content_type : "no type");
		return NULL;
	} else if (!(body = json_loadb(r->body, r->body_len, JSON_REJECT_DUPLICATES, &je))) {
		err_add(&r->e, ERR_USAGE, je.line, "body", NULL, NULL,
			"the body is not JSON: %s (line %d, column %d)", je.text, je.line, je.column);
		reply_problem(r);
		return NULL;
	}
	if (!json_is_object(body)) {
		json_decref(body);
		err_add(&r->e, ERR_USAGE, 0, "body", NULL, NULL, "the body must be a JSON object");
		reply_problem(r);
		return NULL;
	}
	if (api_check_fields(r, body, spec, 0)) {
		json_decref(body);
		reply_problem(r);
		return NULL;
	}
	return body;
}

const char *api_str(json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);

	if (!v)
		return NULL;
	return json_is_string(v) ? json_string_value(v) : "";
}

date_t api_date(json_t *body, const char *name)
{
	const char *s = api_str(body, name), *why;
	date_t d;

	if (!s || !s[0] || date_parse(s, &d, &why))
		return DATE_NONE;
	return d;
}

long api_count(json_t *body, const char *name, long def)
{
	json_t *v = json_object_get(body, name);

	if (!v)
		return def;
	return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

int api_bool(json_t *body, const char *name, int def)
{
	json_t *v = json_object_get(body, name);

	return json_is_boolean(v) ? json_is_true(v) : def;
}

int api_path_id(struct req *r, int i, const char *what, int64_t *id)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(r->pathv[i], &end, 10);
	if (errno || *end || v <= 0 || !r->pathv[i][0] || r->pathv[i][0] == '+') {
		err_add(&r->e, ERR_NOTFOUND, 0, "id", NULL, NULL, "no %s has the id %s", what,
			r->pathv[i]);
		return -1;
	}
	*id = v;
	return 0;
}

int api_query_date(struct req *r, const char *name, date_t *d)
{
	const char *s = req_query(r, name), *why;

	*d = DATE_NONE;
	if (!s || !s[0])
		return 0;
	if (date_parse(s, d, &why)) {
		err_add(&r->e, ERR_USAGE, 0, name, s, NULL, "%s: %s %s", name, s, err_tr(why));
		*d = DATE_NONE;
		return -1;
	}
	return 0;
}

/* Replace a refusal by the lookup's 404 when the lookup (its result in tmp) found nothing. */
static void hide_if_absent(struct req *r, struct err *tmp, enum err_code looked)
{
	if (looked == ERR_NOTFOUND) {
		err_clear(&r->e);
		err_merge(&r->e, tmp);
	}
	err_cleanup(tmp);
}

void api_hide_org(struct req *r, const char *code)
{
	struct err tmp;
	struct org o;

	if (r->e.code != ERR_DENIED || !code)
		return;
	err_init(&tmp);
	hide_if_absent(r, &tmp, app_org_get(r->app, &r->actor, code, &o, &tmp));
}

void api_hide_member(struct req *r, int64_t id)
{
	struct err tmp;
	struct member m;

	if (r->e.code != ERR_DENIED)
		return;
	err_init(&tmp);
	hide_if_absent(r, &tmp, app_member_get(r->app, &r->actor, id, &m, &tmp));
}

void api_hide_transfer(struct req *r, int64_t id)
{
	struct err tmp;
	struct transfer t;

	if (r->e.code != ERR_DENIED)
		return;
	err_init(&tmp);
	hide_if_absent(r, &tmp, app_transfer_get(r->app, &r->actor, id, &t, &tmp));
}

void api_warnings(struct req *r, json_t *j)
{
	if (r->app->warn.n)
		json_object_set_new(j, "warnings",
				    json_err_items_max(&r->app->warn, IMPORT_ANSWER_ITEMS));
}

void api_created(struct req *r, const char *location, json_t *j)
{
	reply_json(r, 201, j);
	req_header(r, "Location", location);
}

void api_reply_fd(struct req *r, int fd, unsigned long long len, const char *ctype,
		  const char *download)
{
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = ctype;
	if (download) {
		struct buf d;

		/* The names given here are made of an organisation's code (A-Z a-z 0-9 . _ -)
		 * and digits: nothing to quote. */
		buf_init(&d, 0);
		buf_printf(&d, "attachment; filename=\"%s\"", download);
		req_header(r, "Content-Disposition", buf_str(&d));
		buf_cleanup(&d);
	}
}

int api_reply_file(struct req *r, FILE *f, const char *ctype, const char *download)
{
	long long len = -1;
	int fd = -1;

	if (fflush(f) || (len = ftello(f)) < 0 || (fd = dup(fileno(f))) < 0) {
		err_set(&r->e, ERR_STORAGE, "cannot write the answer to a temporary file: %s",
			strerror(errno));
		fclose(f);
		reply_problem(r);
		return -1;
	}
	fclose(f);
	lseek(fd, 0, SEEK_SET);
	api_reply_fd(r, fd, (unsigned long long)len, ctype, download);
	return 0;
}

/* ---- lists ---------------------------------------------------------------------------- */

int api_page_init(struct req *r, struct api_page *p, long def, long max)
{
	p->offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	p->limit = req_query_long(r, "limit", def, 1, max);
	p->total = 0;
	return p->offset < 0 || p->limit < 0 ? -1 : 0;
}

int api_page_take(struct api_page *p)
{
	long i = p->total++;

	return i >= p->offset && (p->limit == 0 || i < p->offset + p->limit);
}

void api_page_slice(struct api_page *p, json_t *items)
{
	size_t n = json_array_size(items), i;

	p->total = (long)n;
	/* From the end, so that the indexes of the items still to look at do not move. */
	for (i = n; i-- > 0;)
		if (!(i >= (size_t)p->offset && (p->limit == 0 || i < (size_t)(p->offset + p->limit))))
			json_array_remove(items, i);
}

json_t *api_self_url(struct req *r, const char *name, const char *value)
{
	struct buf u;
	size_t i;
	int n = 0;
	json_t *j;

	buf_init(&u, 0);
	/* The path matched a route: its segments hold codes and ids, nothing to escape. */
	buf_adds(&u, r->path);
	for (i = 0; i < r->nquery; i++) {
		if (!strcmp(r->query[i].name, name))
			continue;
		buf_addc(&u, n++ ? '&' : '?');
		web_url_arg(&u, r->query[i].name);
		buf_addc(&u, '=');
		web_url_arg(&u, r->query[i].value);
	}
	buf_addc(&u, n ? '&' : '?');
	web_url_arg(&u, name);
	buf_addc(&u, '=');
	web_url_arg(&u, value);
	j = json_string(buf_str(&u));
	buf_cleanup(&u);
	return j;
}

void api_page_set(struct req *r, const struct api_page *p, json_t *j)
{
	json_t *next = json_null();

	if (p->limit && p->offset + p->limit < p->total) {
		char v[32];

		snprintf(v, sizeof v, "%ld", p->offset + p->limit);
		next = api_self_url(r, "offset", v);
	}
	json_object_set_new(j, "total", json_integer(p->total));
	json_object_set_new(j, "offset", json_integer(p->offset));
	json_object_set_new(j, "limit", p->limit ? json_integer(p->limit) : json_null());
	json_object_set_new(j, "next", next);
}

void api_reply_list(struct req *r, json_t *j)
{
	struct api_page p;

	if (api_page_init(r, &p, 0, API_LIST_MAX)) {
		json_decref(j);
		reply_problem(r);
		return;
	}
	api_page_slice(&p, json_object_get(j, "items"));
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}
