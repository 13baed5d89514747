/* test_web.c - the pieces of the server that need no socket: escapers by context, route
 * matching, the status of each result code, CSRF comparison, the .mo catalogue reader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http.h"
#include "web/i18n.h"
#include "web/web.h"

static void test_html_text_escapes_every_markup_character(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	html_text(&b, "<script>\"'&</script> Đặng");
	assert_string_equal(buf_str(&b),
			    "&lt;script&gt;&quot;&#39;&amp;&lt;/script&gt; Đặng");
	buf_reset(&b);
	html_attr(&b, "\" onmouseover='x'");
	assert_string_equal(buf_str(&b), "&quot; onmouseover=&#39;x&#39;");
	buf_cleanup(&b);
}

static void test_url_arg_encodes_all_but_unreserved(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	web_url_arg(&b, "a b&c=d?#Đ");
	assert_string_equal(buf_str(&b), "a%20b%26c%3Dd%3F%23%C4%90");
	buf_cleanup(&b);
}

static void test_routes_match_segments(void **state)
{
	const char *v[4];
	const struct route *rt;
	int known;

	(void)state;
	rt = route_find("GET", "/api/v1/orgs/A1C", v, &known);
	assert_non_null(rt);
	assert_string_equal(rt->pattern, "/api/v1/orgs/{code}");
	assert_string_equal(v[0], "A1C");
	/* A parameter is one segment: no slash inside, never empty. */
	assert_null(route_find("GET", "/api/v1/orgs/", v, &known));
	rt = route_find("GET", "/api/v1/orgs/A/B", v, &known);
	assert_true(rt == NULL || strcmp(rt->pattern, "/api/v1/orgs/{code}") != 0);
	/* The path exists with another method: 405, not 404. */
	assert_null(route_find("DELETE", "/api/v1/orgs/A1C", v, &known));
	assert_int_equal(known, 1);
	assert_null(route_find("GET", "/nothing/here", v, &known));
	assert_int_equal(known, 0);
	/* HEAD is answered by the GET route. */
	assert_non_null(route_find("HEAD", "/login", v, &known));
}

static void test_status_of_each_code(void **state)
{
	(void)state;
	assert_int_equal(http_status_of(ERR_OK), 200);
	assert_int_equal(http_status_of(ERR_INPUT), 422);
	assert_int_equal(http_status_of(ERR_NOTFOUND), 404);
	assert_int_equal(http_status_of(ERR_RULE), 409);
	assert_int_equal(http_status_of(ERR_STORAGE), 503);
	assert_int_equal(http_status_of(ERR_USAGE), 400);
	assert_int_equal(http_status_of(ERR_DENIED), 403);
	assert_int_equal(http_status_of(ERR_INTERNAL), 500);
}

static void test_csrf_comparison(void **state)
{
	char t[CSRF_CHARS], u[CSRF_CHARS];

	(void)state;
	session_init();
	csrf_new(t);
	csrf_new(u);
	assert_int_equal(strlen(t), 43);
	assert_string_not_equal(t, u);
	assert_true(csrf_ok(t, t));
	assert_false(csrf_ok(t, u));
	assert_false(csrf_ok(t, ""));
	assert_false(csrf_ok("", ""));
	assert_false(csrf_ok(t, NULL));
	session_shutdown();
}

/* A catalogue as msgfmt writes it, built by hand: two messages, sorted. */
static size_t make_mo(unsigned char *out, const char *const *ids, const char *const *strs,
		      size_t n)
{
	size_t off = 28 + n * 16, i, p;
	uint32_t hdr[7] = {0x950412deu, 0, (uint32_t)n, 28, (uint32_t)(28 + n * 8), 0, 0};

	memcpy(out, hdr, sizeof hdr);
	p = off;
	for (i = 0; i < n; i++) {
		uint32_t e[2] = {(uint32_t)strlen(ids[i]), (uint32_t)p};

		memcpy(out + 28 + i * 8, e, 8);
		memcpy(out + p, ids[i], strlen(ids[i]) + 1);
		p += strlen(ids[i]) + 1;
	}
	for (i = 0; i < n; i++) {
		uint32_t e[2] = {(uint32_t)strlen(strs[i]), (uint32_t)p};

		memcpy(out + 28 + n * 8 + i * 8, e, 8);
		memcpy(out + p, strs[i], strlen(strs[i]) + 1);
		p += strlen(strs[i]) + 1;
	}
	return p;
}

static void test_catalog_reads_and_refuses(void **state)
{
	static const char *const ids[] = {"Sign in", "Tree"};
	static const char *const strs[] = {"Đăng nhập", "Cây tổ chức"};
	static const char *const bad_ids[] = {"Tree", "Sign in"};
	unsigned char mo[512];
	struct catalog c;
	const char *why = NULL;
	size_t n;

	(void)state;
	n = make_mo(mo, ids, strs, 2);
	assert_int_equal(catalog_parse(&c, (const char *)mo, n, &why), 0);
	assert_string_equal(catalog_find(&c, "Sign in"), "Đăng nhập");
	assert_string_equal(catalog_find(&c, "Tree"), "Cây tổ chức");
	assert_null(catalog_find(&c, "Search"));
	catalog_cleanup(&c);
	/* Cut short: the strings lie outside the file. */
	assert_int_equal(catalog_parse(&c, (const char *)mo, n - 5, &why), -1);
	assert_non_null(strstr(why, "outside"));
	/* Not sorted: binary search would miss messages. */
	n = make_mo(mo, bad_ids, strs, 2);
	assert_int_equal(catalog_parse(&c, (const char *)mo, n, &why), -1);
	assert_non_null(strstr(why, "sorted"));
	mo[0] = 0;
	assert_int_equal(catalog_parse(&c, (const char *)mo, n, &why), -1);
	assert_non_null(strstr(why, "magic"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_text_escapes_every_markup_character),
		cmocka_unit_test(test_url_arg_encodes_all_but_unreserved),
		cmocka_unit_test(test_routes_match_segments),
		cmocka_unit_test(test_status_of_each_code),
		cmocka_unit_test(test_csrf_comparison),
		cmocka_unit_test(test_catalog_reads_and_refuses),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
