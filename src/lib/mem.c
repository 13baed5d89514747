/* mem.c - allocation that aborts in one place when memory runs out, and the server's
 * emergency reserve that lets one request fail instead. */
#include "mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>

static void oom(size_t n)
{
	fprintf(stderr, "cadre: out of memory (asked for %zu bytes)\n", n);
	abort();
}

/* ---- the emergency reserve ------------------------------------------------------------ */

#define RESERVE_PIECES 8

static pthread_mutex_t reserve_mu = PTHREAD_MUTEX_INITIALIZER;
static void *reserve[RESERVE_PIECES];
static size_t reserve_piece;          /* bytes a piece; 0 before mem_reserve_init */
static volatile int reserve_given;    /* pieces given back and not yet taken again */
static __thread int t_failed;         /* an allocation of this request failed */
static __thread int t_kept;           /* this request committed a change */
static __thread long t_fault;         /* fault injection: fail when this reaches 0 */

void mem_reserve_init(size_t total)
{
	int i;

	pthread_mutex_lock(&reserve_mu);
	reserve_piece = total / RESERVE_PIECES;
	/* Address space is what runs out (a limit on it, or no overcommit): the pieces need
	 * not be touched to count. */
	for (i = 0; i < RESERVE_PIECES && reserve_piece; i++)
		if (!reserve[i])
			reserve[i] = malloc(reserve_piece);
	pthread_mutex_unlock(&reserve_mu);
}

int mem_low(void)
{
	return __atomic_load_n(&reserve_given, __ATOMIC_RELAXED) > 0;
}

int mem_reserve_refill(void)
{
	int i, rc = 0;

	pthread_mutex_lock(&reserve_mu);
	for (i = 0; i < RESERVE_PIECES && reserve_piece; i++) {
		if (reserve[i])
			continue;
		reserve[i] = malloc(reserve_piece);
		if (!reserve[i]) {
			rc = -1;
			break;
		}
		__atomic_sub_fetch(&reserve_given, 1, __ATOMIC_RELAXED);
	}
	pthread_mutex_unlock(&reserve_mu);
	return rc;
}

/* Give one piece of the reserve back and mark the thread. 0 when there was none left. */
static int rescue(void)
{
	int i, done = 0;

	pthread_mutex_lock(&reserve_mu);
	for (i = 0; i < RESERVE_PIECES && !done; i++) {
		if (!reserve[i])
			continue;
		free(reserve[i]);
		reserve[i] = NULL;
		__atomic_add_fetch(&reserve_given, 1, __ATOMIC_RELAXED);
		done = 1;
	}
	pthread_mutex_unlock(&reserve_mu);
	if (done)
		t_failed = 1;
	return done;
}

void mem_request_begin(long fault_after)
{
	t_failed = 0;
	t_kept = 0;
	t_fault = fault_after > 0 ? fault_after : 0;
}

int mem_request_failed(void)
{
	return t_failed;
}

void mem_request_kept(void)
{
	t_kept = 1;
}

int mem_request_was_kept(void)
{
	return t_kept;
}

/* Whether the fault injection fails this allocation. */
static int fault_now(void)
{
	return t_fault && --t_fault == 0;
}

void *mem_try_malloc(size_t n)
{
	void *p = fault_now() ? NULL : malloc(n ? n : 1);

	while (!p && rescue())
		p = malloc(n ? n : 1);
	return p;
}

void *mem_try_realloc(void *p, size_t n)
{
	void *q = fault_now() ? NULL : realloc(p, n ? n : 1);

	while (!q && rescue())
		q = realloc(p, n ? n : 1);
	return q;
}

/* ---- allocation that never returns NULL ----------------------------------------------- */

void *xmalloc(size_t n)
{
	void *p = mem_try_malloc(n);

	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = fault_now() ? NULL : calloc(n ? n : 1, size ? size : 1);

	while (!p && rescue())
		p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = mem_try_realloc(p, n);

	if (!q)
		oom(n);
	return q;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* Below 2 MiB a huge page cannot help: plain calloc. */
#define BIG_MIN (2u << 20)

void *calloc_big(size_t n, size_t size)
{
	size_t len;
	void *p;

	if (size && n > SIZE_MAX / size)
		return NULL;
	len = n * size;
	if (len < BIG_MIN)
		return calloc(n ? n : 1, size ? size : 1);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
#ifdef MADV_HUGEPAGE
	madvise(p, len, MADV_HUGEPAGE); /* advice only: without it the pages are small */
#endif
	return p;
}

void *xcalloc_big(size_t n, size_t size)
{
	void *p = calloc_big(n, size);

	if (!p)
		oom(size && n > SIZE_MAX / size ? SIZE_MAX : n * size);
	return p;
}

void xfree_big(void *p, size_t n, size_t size)
{
	if (!p)
		return;
	if (n * size < BIG_MIN)
		free(p);
	else
		munmap(p, n * size);
}
