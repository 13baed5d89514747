/* mem.h - allocation that aborts in one place when memory runs out. */
#ifndef CADRE_MEM_H
#define CADRE_MEM_H

#include <stddef.h>

/* Like malloc/calloc/realloc/strdup, but never return NULL: out of memory aborts with a
 * message (the one place cadre handles it). The caller owns the result and frees it. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Zeroed memory for a large table read at random (a hash set of millions of rows): backed by
 * huge pages where the system allows it, which spares most of the address-translation
 * misses of such a table. Free it with xfree_big and the same size. */
void *xcalloc_big(size_t n, size_t size);
/* The same, but NULL when the memory cannot be had (or n * size overflows): for a table whose
 * size follows the input, so that a request too large for the machine fails alone, with an
 * error, rather than abort the process. Freed with xfree_big. */
void *calloc_big(size_t n, size_t size);
void xfree_big(void *p, size_t n, size_t size);

#endif
