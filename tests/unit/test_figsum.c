/* test_figsum.c - unit tests of the counters read in place (core/fig.h: fig_blob_sum,
 * fig_blob_status), which the worklist and the organisation pages sum over a subtree: the same
 * counts as decoding the blob into a map, a range that stops early, negative counts, and a
 * malformed blob refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "core/fig.h"
#include "core/member.h"

/* A blob of: 3 official, 2 probationary, 1 exempt, 4 female, 2 hosted, and member grades of
 * 2025 (good 5, excellent 1) and 2026 (complete -1: a fault, kept as read). */
static unsigned char *blob(size_t *len)
{
	struct fig_map m;
	unsigned char *b;

	fig_map_init(&m);
	fig_map_add(&m, FIG_KEY(FD_STATUS, MS_OFFICIAL), 3);
	fig_map_add(&m, FIG_KEY(FD_STATUS, MS_PROBATIONARY), 2);
	fig_map_add(&m, FIG_KEY(FD_STATUS, MS_EXEMPT), 1);
	fig_map_add(&m, FIG_KEY(FD_SEX, 1), 4);
	fig_map_add(&m, FIG_KEY(FD_HOSTED, 0), 2);
	fig_map_add(&m, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2025, 1)), 5);
	fig_map_add(&m, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2025, 0)), 1);
	fig_map_add(&m, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2026, 2)), -1);
	b = fig_encode(&m, len);
	fig_map_cleanup(&m);
	return b;
}

static void test_blob_sum(void **state)
{
	size_t n;
	unsigned char *b = blob(&n);

	(void)state;
	assert_int_equal(fig_blob_sum(b, n, FIG_KEY(FD_STATUS, 0), FIG_KEY(FD_STATUS, MS__COUNT - 1)), 6);
	assert_int_equal(fig_blob_sum(b, n, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2025, 0)),
				      FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2025, 3))), 6);
	assert_int_equal(fig_blob_sum(b, n, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2026, 0)),
				      FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2026, 3))), -1);
	assert_int_equal(fig_blob_sum(b, n, FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2024, 0)),
				      FIG_KEY(FD_MEMBER_GRADE, FIG_YG(2024, 3))), 0);
	assert_int_equal(fig_blob_sum(NULL, 0, 0, 0xffffffffu), 0);
	/* cut in the middle of a varint: malformed */
	assert_true(fig_blob_sum(b, 1, 0, 0xffffffffu) < 0);
	free(b);
}

static void test_blob_status(void **state)
{
	size_t n;
	unsigned char *b = blob(&n);
	long st[MS__COUNT] = {0}, hosted = 0;

	(void)state;
	assert_int_equal(fig_blob_status(b, n, st, MS__COUNT, &hosted), 0);
	assert_int_equal(st[MS_OFFICIAL], 3);
	assert_int_equal(st[MS_PROBATIONARY], 2);
	assert_int_equal(st[MS_EXEMPT], 1);
	assert_int_equal(st[MS_SUSPENDED], 0);
	assert_int_equal(hosted, 2);
	/* added to what is there: the sum over a subtree */
	assert_int_equal(fig_blob_status(b, n, st, MS__COUNT, &hosted), 0);
	assert_int_equal(st[MS_OFFICIAL], 6);
	assert_int_equal(hosted, 4);
	assert_int_equal(fig_blob_status(b, 1, st, MS__COUNT, &hosted), -1);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blob_sum),
		cmocka_unit_test(test_blob_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
