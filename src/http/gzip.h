/* gzip.h - compressing answers for clients that accept gzip (RFC 9110 §8.4, §12.5.3). */
#ifndef CADRE_GZIP_H
#define CADRE_GZIP_H

#include <stddef.h>

/* Answers smaller than this are sent as they are: compressing them saves less than it costs. */
#define GZIP_MIN_BYTES 1024

/* Whether an Accept-Encoding header value (NULL: none) accepts gzip: the coding "gzip" (or
 * "x-gzip", or "*") named without a q of zero. */
int gzip_accepted(const char *accept_encoding);

/* Whether a Content-Type is text worth compressing (HTML, CSS, scripts, JSON, CSV, SVG);
 * workbooks and images are compressed already. NULL: HTML. */
int gzip_type(const char *content_type);

/* Compress the len bytes at in into a new gzip member: returns a buffer from malloc of *out_len
 * bytes, which the caller frees, or NULL when it would not be smaller or memory ran out (then
 * the answer goes out as it is). */
char *gzip_compress(const char *in, size_t len, size_t *out_len);

#endif
