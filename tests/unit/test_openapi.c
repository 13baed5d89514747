/* test_openapi.c - the OpenAPI description built into the server against the API's real
 * routing table: every route described with its method, every described operation a route. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"

static json_t *doc;

static int load(void **state)
{
	json_error_t je;

	(void)state;
	doc = json_loads(api_openapi_json, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		fprintf(stderr, "openapi.json: line %d: %s\n", je.line, je.text);
	return doc ? 0 : -1;
}

static int unload(void **state)
{
	(void)state;
	json_decref(doc);
	return 0;
}

static const char *lower(const char *m, char *out, size_t n)
{
	size_t i;

	for (i = 0; m[i] && i + 1 < n; i++)
		out[i] = (char)(m[i] >= 'A' && m[i] <= 'Z' ? m[i] + 32 : m[i]);
	out[i] = 0;
	return out;
}

static int is_method(const char *k)
{
	static const char *const m[] = {"get", "put", "post", "delete", "options", "head",
					"patch", "trace", NULL};
	size_t i;

	for (i = 0; m[i]; i++)
		if (!strcmp(k, m[i]))
			return 1;
	return 0;
}

static void test_version(void **state)
{
	(void)state;
	assert_non_null(json_string_value(json_object_get(doc, "openapi")));
	assert_int_equal(strncmp(json_string_value(json_object_get(doc, "openapi")), "3.", 2), 0);
	assert_true(json_is_object(json_object_get(doc, "paths")));
	assert_true(json_is_object(json_object_get(json_object_get(doc, "components"),
						   "securitySchemes")));
}

/* Whether op declares the path parameter name. */
static int has_path_param(json_t *op, const char *name)
{
	size_t i;
	json_t *p;

	json_array_foreach(json_object_get(op, "parameters"), i, p)
		if (!strcmp(json_string_value(json_object_get(p, "in")) ?
			    json_string_value(json_object_get(p, "in")) : "", "path") &&
		    json_string_value(json_object_get(p, "name")) &&
		    !strcmp(json_string_value(json_object_get(p, "name")), name))
			return 1;
	return 0;
}

/* Every route is described: its path, its method, its summary, its path parameters, and
 * whether it needs a token. */
static void test_every_route_described(void **state)
{
	const struct route *rt;
	char m[16];
	size_t n = 0;

	(void)state;
	for (rt = api_routes; rt->pattern; rt++, n++) {
		json_t *item = json_object_get(json_object_get(doc, "paths"), rt->pattern);
		json_t *op = json_object_get(item, lower(rt->method, m, sizeof m)), *sec;
		const char *p;

		if (!op)
			fail_msg("%s %s is a route but not in openapi.json", rt->method, rt->pattern);
		assert_string_equal(json_string_value(json_object_get(op, "summary")), rt->summary);
		assert_true(json_object_size(json_object_get(op, "responses")) > 0);
		for (p = strchr(rt->pattern, '{'); p; p = strchr(p + 1, '{')) {
			char name[32];
			size_t len = strcspn(p + 1, "}");

			assert_true(len < sizeof name);
			memcpy(name, p + 1, len);
			name[len] = 0;
			if (!has_path_param(op, name))
				fail_msg("%s %s: the path parameter {%s} is not declared", rt->method,
					 rt->pattern, name);
		}
		sec = json_object_get(op, "security");
		if (rt->flags & ROUTE_PUBLIC)
			assert_true(json_is_array(sec) && json_array_size(sec) == 0);
		else
			assert_null(sec); /* the document's default: a bearer token */
	}
	assert_true(n > 20);
}

/* The query parameters of every route are those openapi.json declares, no more and no fewer:
 * the server refuses any other (route_query_ok), so the two must say the same. */
static void test_query_params_declared(void **state)
{
	const struct route *rt;
	char m[16];

	(void)state;
	for (rt = api_routes; rt->pattern; rt++) {
		json_t *item = json_object_get(json_object_get(doc, "paths"), rt->pattern);
		json_t *op = json_object_get(item, lower(rt->method, m, sizeof m)), *p;
		const char *declared = route_params_of(rt), *w;
		size_t i, n = 0, words = 0;

		json_array_foreach(json_object_get(op, "parameters"), i, p) {
			const char *in = json_string_value(json_object_get(p, "in"));
			const char *name = json_string_value(json_object_get(p, "name"));

			if (!in || strcmp(in, "query"))
				continue;
			n++;
			if (!route_param_declared(declared, name))
				fail_msg("%s %s: openapi.json declares ?%s, the route does not", rt->method,
					 rt->pattern, name);
		}
		for (w = declared; *w; w += strspn(w, " ")) {
			w += strcspn(w, " ");
			words++;
		}
		if (words != n)
			fail_msg("%s %s: the route declares %zu query parameters (%s), openapi.json %zu",
				 rt->method, rt->pattern, words, declared, n);
	}
}

/* Every described operation is a route of the table, and the server finds that very route
 * for a request to it. */
static void test_every_description_routed(void **state)
{
	const char *path, *key;
	json_t *item, *op;

	(void)state;
	json_object_foreach(json_object_get(doc, "paths"), path, item) {
		json_object_foreach(item, key, op) {
			const struct route *rt, *found;
			const char *pathv[4];
			char method[16], concrete[256];
			size_t i, j = 0;
			int known;

			if (!is_method(key)) {
				assert_true(!strcmp(key, "parameters") || !strcmp(key, "summary") ||
					    !strcmp(key, "description"));
				continue;
			}
			for (i = 0; key[i] && i + 1 < sizeof method; i++)
				method[i] = (char)(key[i] - 32);
			method[i] = 0;
			for (rt = api_routes; rt->pattern; rt++)
				if (!strcmp(rt->pattern, path) && !strcmp(rt->method, method))
					break;
			if (!rt->pattern)
				fail_msg("openapi.json describes %s %s, which is no route", method, path);
			/* A concrete path: each {x} becomes "7". */
			for (i = 0; path[i] && j + 2 < sizeof concrete; i++) {
				if (path[i] == '{') {
					concrete[j++] = '7';
					i += strcspn(path + i, "}");
					continue;
				}
				concrete[j++] = path[i];
			}
			concrete[j] = 0;
			found = route_find(method, concrete, pathv, &known);
			assert_ptr_equal(found, rt);
		}
	}
}

/* Every "$ref" names something the document holds. */
static void check_refs(json_t *v)
{
	const char *key;
	json_t *x;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach(v, key, x) {
			if (!strcmp(key, "$ref")) {
				const char *ref = json_string_value(x);
				char part[64];
				json_t *at = doc;
				const char *p;

				assert_non_null(ref);
				assert_int_equal(strncmp(ref, "#/", 2), 0);
				for (p = ref + 2; *p;) {
					size_t len = strcspn(p, "/");

					assert_true(len < sizeof part);
					memcpy(part, p, len);
					part[len] = 0;
					at = json_object_get(at, part);
					if (!at)
						fail_msg("%s does not resolve", ref);
					p += len;
					if (*p == '/')
						p++;
				}
				continue;
			}
			check_refs(x);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, x) check_refs(x);
	}
}

static void test_refs_resolve(void **state)
{
	(void)state;
	check_refs(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_every_route_described),
		cmocka_unit_test(test_every_description_routed),
		cmocka_unit_test(test_query_params_declared),
		cmocka_unit_test(test_refs_resolve),
	};

	return cmocka_run_group_tests(tests, load, unload);
}
