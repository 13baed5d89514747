/* test_gzip.c - answers compressed for clients that take gzip (src/http/gzip.c): which
 * Accept-Encoding values take it, which types are worth it, and a round trip through zlib. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "http/gzip.h"

static void test_accept_encoding(void **state)
{
	(void)state;
	assert_true(gzip_accepted("gzip"));
	assert_true(gzip_accepted("gzip, deflate, br"));
	assert_true(gzip_accepted("br;q=1.0, GZIP;q=0.5"));
	assert_true(gzip_accepted("deflate, x-gzip"));
	assert_true(gzip_accepted("*"));
	assert_true(gzip_accepted("gzip;q=0.01"));
	assert_false(gzip_accepted(NULL));
	assert_false(gzip_accepted(""));
	assert_false(gzip_accepted("identity"));
	assert_false(gzip_accepted("br, deflate"));
	assert_false(gzip_accepted("gzip;q=0"));
	assert_false(gzip_accepted("gzip; q=0.000, br"));
	assert_false(gzip_accepted("gzipx"));
	assert_false(gzip_accepted("*;q=0"));
}

static void test_types(void **state)
{
	(void)state;
	assert_true(gzip_type(NULL));
	assert_true(gzip_type("text/html; charset=utf-8"));
	assert_true(gzip_type("text/css; charset=utf-8"));
	assert_true(gzip_type("application/problem+json"));
	assert_true(gzip_type("image/svg+xml"));
	assert_false(gzip_type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
	assert_false(gzip_type("image/png"));
}

static void test_round_trip(void **state)
{
	char in[8192], back[8192];
	size_t n = 0, zlen = 0, i;
	char *z;
	z_stream s;

	(void)state;
	for (i = 0; i + 40 < sizeof in; i += 40)
		n += (size_t)snprintf(in + n, sizeof in - n, "<tr><td>Nguyễn Văn %04zu</td></tr>\n", i);
	z = gzip_compress(in, n, &zlen);
	assert_non_null(z);
	assert_true(zlen < n / 3);
	assert_int_equal((unsigned char)z[0], 0x1f); /* the gzip magic */
	assert_int_equal((unsigned char)z[1], 0x8b);
	memset(&s, 0, sizeof s);
	assert_int_equal(inflateInit2(&s, 15 + 16), Z_OK);
	s.next_in = (Bytef *)z;
	s.avail_in = (uInt)zlen;
	s.next_out = (Bytef *)back;
	s.avail_out = sizeof back;
	assert_int_equal(inflate(&s, Z_FINISH), Z_STREAM_END);
	assert_int_equal(s.total_out, n);
	assert_memory_equal(back, in, n);
	inflateEnd(&s);
	free(z);
	/* What would not shrink is not compressed. */
	assert_null(gzip_compress("ab", 2, &zlen));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accept_encoding),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
