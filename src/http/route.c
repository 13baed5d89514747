/* route.c - finding the handler of a request in the routing tables (the API's and the
 * pages'); each {name} of a pattern matches one path segment. */
#include <string.h>

#include "../web/web.h"
#include "http.h"

/* Match path against pattern; on success the {parameters} are copied into the segments of
 * scratch and pointed to by pathv. */
static int match(const char *pattern, const char *path, const char *pathv[4], char *scratch,
		 size_t cap)
{
	const char *p = pattern, *s = path;
	size_t used = 0;
	int n = 0;

	while (*p && *s) {
		if (*p == '{') {
			const char *end = strchr(p, '}');
			size_t len = strcspn(s, "/");

			if (!end || len == 0 || n >= 4 || used + len + 1 > cap)
				return 0;
			memcpy(scratch + used, s, len);
			scratch[used + len] = 0;
			pathv[n++] = scratch + used;
			used += len + 1;
			p = end + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == 0 && *s == 0;
}

const struct route *route_find(const char *method, const char *path, const char *pathv[4],
			       int *path_known)
{
	const struct route *tables[] = {api_routes, web_routes, web_form_routes, hb_routes};
	static __thread char scratch[1024];
	size_t t;
	const struct route *rt;

	*path_known = 0;
	for (t = 0; t < sizeof tables / sizeof tables[0]; t++)
		for (rt = tables[t]; rt->pattern; rt++) {
			const char *v[4] = {0};

			if (!match(rt->pattern, path, v, scratch, sizeof scratch))
				continue;
			if (strcmp(rt->method, method) &&
			    !(!strcmp(method, "HEAD") && !strcmp(rt->method, "GET"))) {
				*path_known = 1;
				continue;
			}
			memcpy(pathv, v, sizeof v);
			return rt;
		}
	return NULL;
}

int route_param_declared(const char *params, const char *name)
{
	size_t n = strlen(name);
	const char *p = params;

	if (!p || !n)
		return 0;
	while (*p) {
		size_t w = strcspn(p, " ");

		if (w == n && !strncmp(p, name, n))
			return 1;
		p += w;
		p += strspn(p, " ");
	}
	return 0;
}

const char *route_params_of(const struct route *rt)
{
	const struct route_params *p;

	for (p = api_params; p->pattern; p++)
		if (!strcmp(p->method, rt->method) && !strcmp(p->pattern, rt->pattern))
			return p->params;
	return "";
}

int route_query_ok(struct req *r, const struct route *rt)
{
	const char *params = route_params_of(rt), *declared = params[0] ? params : NULL;
	size_t i;

	for (i = 0; i < r->nquery; i++) {
		const char *name = r->query[i].name;

		if (route_param_declared(params, name))
			continue;
		if (declared)
			err_add(&r->e, ERR_USAGE, 0, name, r->query[i].value, NULL,
				"'%s' is not a parameter of %s %s; its parameters are: %s", name,
				rt->method, rt->pattern, declared);
		else
			err_add(&r->e, ERR_USAGE, 0, name, r->query[i].value, NULL,
				"'%s' is not a parameter of %s %s; it takes none", name, rt->method,
				rt->pattern);
	}
	if (!r->e.code)
		return 1;
	reply_problem(r);
	return 0;
}
