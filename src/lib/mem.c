/* mem.c - allocation that aborts in one place when memory runs out. */
#include "mem.h"

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

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

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
