/* buf.h - a growable byte buffer with a size cap; a failed append is sticky. */
#ifndef CADRE_BUF_H
#define CADRE_BUF_H

#include <stddef.h>

/* A NUL-terminated growable buffer. cap_max bounds its size (0: no bound); an append that
 * would pass it sets overflow and is dropped, and later appends are ignored (sticky, as in
 * SQLite's builders: check once at the end). Storage is owned by the buf: buf_cleanup. */
struct buf {
	char *s;
	size_t len, cap, cap_max;
	int overflow;
};

void buf_init(struct buf *b, size_t cap_max);
void buf_cleanup(struct buf *b);
void buf_reset(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Take the string out (caller frees); the buf is left empty. */
char *buf_steal(struct buf *b);
/* "" if empty (never NULL). */
const char *buf_str(const struct buf *b);

#endif
