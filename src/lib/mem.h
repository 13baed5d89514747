/* mem.h - allocation that aborts in one place when memory runs out, and the server's
 * emergency reserve that lets one request fail instead. */
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

/* ---- the emergency reserve (the server) -------------------------------------------------
 *
 * A long-running server cannot abort because one request asked for more memory than there
 * was: the other requests and the database would go with it. mem_reserve_init holds a
 * reserve of address space; an allocation that fails gives one piece of it back to the
 * system and is tried again, and marks the thread: the request it serves then commits
 * nothing (store_commit refuses) and is answered 503. The abort stays for a failure with
 * the reserve spent (several at once, or a request that asks for more than all of it).
 * Without mem_reserve_init (the command line) nothing changes: out of memory aborts. */

/* Hold a reserve of about total bytes, in pieces. Call once, before the threads start. */
void mem_reserve_init(size_t total);
/* Whether part of the reserve has been given back and not yet taken again. */
int mem_low(void);
/* Take back what was given of the reserve. 0 when it is whole again, -1 when the memory
 * still cannot be had (the server keeps answering 503 until it can). Thread-safe. */
int mem_reserve_refill(void);

/* A request begins on this thread: forget the last one's failure. fault_after > 0 makes
 * the fault_after-th allocation from now on fail as if memory had run out (the fault
 * injection of the test suite; the server enables it only when CADRE_FAULT_INJECTION is
 * set). */
void mem_request_begin(long fault_after);
/* Whether an allocation of this thread failed since mem_request_begin (and the reserve
 * covered it). */
int mem_request_failed(void);
/* The request has made a change that stands (a commit): a failure after it does not undo
 * the change, so its answer is sent as built rather than as a 503. */
void mem_request_kept(void);
int mem_request_was_kept(void);

/* malloc/realloc with the reserve's rescue but without the abort: NULL when memory cannot
 * be had even so. For libraries that handle NULL themselves (SQLite, jansson). */
void *mem_try_malloc(size_t n);
void *mem_try_realloc(void *p, size_t n);

#endif
