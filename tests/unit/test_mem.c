/* test_mem.c - the emergency reserve: a failed allocation is rescued and marks the request,
 * the reserve is taken back, and without a reserve nothing is rescued. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lib/mem.h"

/* Without a reserve (the command line): a failure is not rescued (mem_try_* answer NULL,
 * the x* functions would abort). Runs first, before any mem_reserve_init. */
static void no_reserve_no_rescue(void **state)
{
	(void)state;
	mem_request_begin(1);
	assert_null(mem_try_malloc(16));
	assert_int_equal(mem_request_failed(), 0);
	assert_int_equal(mem_low(), 0);
	mem_request_begin(0);
}

/* With one: the injected failure is rescued (the allocation succeeds), the request is
 * marked, the reserve is low until taken back. */
static void rescued_and_marked(void **state)
{
	char *p, *q;

	(void)state;
	mem_reserve_init(1u << 20);
	mem_request_begin(2);
	p = xmalloc(32);
	assert_int_equal(mem_request_failed(), 0);
	q = xmalloc(64); /* the second: fails, rescued */
	assert_non_null(q);
	memset(q, 1, 64);
	assert_int_equal(mem_request_failed(), 1);
	assert_int_equal(mem_low(), 1);
	assert_int_equal(mem_request_was_kept(), 0);
	mem_request_kept();
	assert_int_equal(mem_request_was_kept(), 1);
	assert_int_equal(mem_reserve_refill(), 0);
	assert_int_equal(mem_low(), 0);
	/* A new request starts clean. */
	mem_request_begin(0);
	assert_int_equal(mem_request_failed(), 0);
	assert_int_equal(mem_request_was_kept(), 0);
	free(p);
	free(q);
}

/* realloc and calloc are rescued the same way, and keep the contents. */
static void realloc_and_calloc(void **state)
{
	char *p, *z;

	(void)state;
	mem_reserve_init(1u << 20);
	p = xmalloc(8);
	memcpy(p, "abcdefg", 8);
	mem_request_begin(1);
	p = xrealloc(p, 4096);
	assert_string_equal(p, "abcdefg");
	assert_int_equal(mem_request_failed(), 1);
	mem_request_begin(1);
	z = xcalloc(100, 10);
	assert_int_equal(mem_request_failed(), 1);
	assert_int_equal(z[999], 0);
	assert_int_equal(mem_reserve_refill(), 0);
	mem_request_begin(0);
	free(p);
	free(z);
}

/* Eight failures spend the reserve; the ninth is not rescued (NULL from mem_try_malloc). */
static void reserve_spent(void **state)
{
	void *p[8];
	int i;

	(void)state;
	mem_reserve_init(1u << 20);
	for (i = 0; i < 8; i++) {
		mem_request_begin(1);
		p[i] = mem_try_malloc(10);
		assert_non_null(p[i]);
	}
	mem_request_begin(1);
	assert_null(mem_try_malloc(10));
	assert_int_equal(mem_reserve_refill(), 0);
	assert_int_equal(mem_low(), 0);
	mem_request_begin(0);
	for (i = 0; i < 8; i++)
		free(p[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_reserve_no_rescue),
		cmocka_unit_test(rescued_and_marked),
		cmocka_unit_test(realloc_and_calloc),
		cmocka_unit_test(reserve_spent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
