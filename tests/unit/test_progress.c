/* test_progress.c - the progress bar: silent off a terminal, drawn and rate-limited on one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "lib/progress.h"

/* Standard error is swapped for another descriptor while a test draws. */
static int saved_stderr = -1;

static void stderr_to(int fd)
{
	saved_stderr = dup(STDERR_FILENO);
	assert_true(saved_stderr >= 0);
	assert_int_equal(dup2(fd, STDERR_FILENO), STDERR_FILENO);
}

static void stderr_back(void)
{
	assert_int_equal(dup2(saved_stderr, STDERR_FILENO), STDERR_FILENO);
	close(saved_stderr);
	saved_stderr = -1;
}

/* A pseudo-terminal: *master to read what was drawn, returns the slave (a real tty). The
 * slave is raw so the bytes come through unchanged. Skips the test if there are no ptys. */
static int open_pty(int *master)
{
	struct termios t;
	int s;

	*master = posix_openpt(O_RDWR | O_NOCTTY);
	if (*master < 0 || grantpt(*master) || unlockpt(*master))
		skip();
	s = open(ptsname(*master), O_RDWR | O_NOCTTY);
	if (s < 0)
		skip();
	assert_int_equal(tcgetattr(s, &t), 0);
	cfmakeraw(&t);
	assert_int_equal(tcsetattr(s, TCSANOW, &t), 0);
	return s;
}

/* Everything waiting on the master, NUL-terminated, at most cap - 1 bytes. */
static size_t drain(int master, char *out, size_t cap)
{
	struct pollfd pfd = {master, POLLIN, 0};
	size_t len = 0;
	ssize_t n;

	while (len < cap - 1 && poll(&pfd, 1, 100) == 1 && (pfd.revents & POLLIN)) {
		n = read(master, out + len, cap - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	out[len] = 0;
	return len;
}

static size_t count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == c;
	return n;
}

static void test_silent_when_not_a_tty(void **state)
{
	FILE *f = tmpfile();
	struct progress p;
	unsigned long long i;

	(void)state;
	assert_non_null(f);
	unsetenv("CADRE_NO_PROGRESS");
	stderr_to(fileno(f));
	progress_start(&p, "reading members.csv", 1000000);
	for (i = 0; i <= 1000000; i++)
		progress_update(&p, i);
	progress_end(&p);
	progress_start(&p, "counting", 0);
	progress_update(&p, 5);
	progress_end(&p);
	stderr_back();
	assert_int_equal(ftell(f), 0);
	fseek(f, 0, SEEK_END);
	assert_int_equal(ftell(f), 0);
	fclose(f);
}

static void test_silent_when_disabled(void **state)
{
	struct progress p;
	char out[4096];
	int m, s;

	(void)state;
	s = open_pty(&m);
	setenv("CADRE_NO_PROGRESS", "1", 1);
	stderr_to(s);
	progress_start(&p, "reading", 100);
	progress_update(&p, 50);
	progress_end(&p);
	stderr_back();
	unsetenv("CADRE_NO_PROGRESS");
	assert_int_equal(drain(m, out, sizeof out), 0);
	close(s);
	close(m);
}

static void test_draws_on_a_tty(void **state)
{
	struct progress p;
	char out[8192];
	size_t len;
	int m, s;

	(void)state;
	s = open_pty(&m);
	unsetenv("CADRE_NO_PROGRESS");
	stderr_to(s);
	progress_start(&p, "reading members.csv", 1000);
	progress_update(&p, 420);
	progress_end(&p);
	progress_end(&p);  /* a second end draws nothing */
	stderr_back();
	len = drain(m, out, sizeof out);
	assert_true(len > 0);
	assert_non_null(strstr(out, "\rreading members.csv ["));
	assert_non_null(strstr(out, "  0%"));
	assert_non_null(strstr(out, "100%"));
	assert_non_null(strstr(out, "[##############################]"));
	assert_int_equal(count_char(out, '\n'), 1);
	assert_int_equal(out[len - 1], '\n');
	close(s);
	close(m);
}

static void test_unknown_total_shows_count(void **state)
{
	struct progress p;
	char out[8192];
	int m, s;

	(void)state;
	s = open_pty(&m);
	unsetenv("CADRE_NO_PROGRESS");
	stderr_to(s);
	progress_start(&p, "scanning", 0);
	progress_update(&p, 12345);
	progress_end(&p);
	stderr_back();
	drain(m, out, sizeof out);
	assert_non_null(strstr(out, "scanning"));
	assert_non_null(strstr(out, "12.3k"));
	assert_null(strstr(out, "%"));
	assert_null(strstr(out, "["));
	close(s);
	close(m);
}

/* Millions of updates cost little and redraw at most about ten times a second. */
static void test_rate_limited(void **state)
{
	struct timespec a, b;
	struct progress p;
	char out[65536];
	unsigned long long i, n = 20000000;
	double secs;
	size_t draws;
	int m, s;

	(void)state;
	s = open_pty(&m);
	unsetenv("CADRE_NO_PROGRESS");
	stderr_to(s);
	clock_gettime(CLOCK_MONOTONIC, &a);
	progress_start(&p, "loading", n);
	for (i = 1; i <= n; i++)
		progress_update(&p, i);
	progress_end(&p);
	clock_gettime(CLOCK_MONOTONIC, &b);
	stderr_back();
	secs = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
	drain(m, out, sizeof out);
	draws = count_char(out, '\r');
	print_message("%llu updates in %.3f s, %zu draws\n", n, secs, draws);
	assert_true(draws >= 2);
	assert_true((double)draws <= 3 + secs * 11);
	close(s);
	close(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_silent_when_not_a_tty),
		cmocka_unit_test(test_silent_when_disabled),
		cmocka_unit_test(test_draws_on_a_tty),
		cmocka_unit_test(test_unknown_total_shows_count),
		cmocka_unit_test(test_rate_limited),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
