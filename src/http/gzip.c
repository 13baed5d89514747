/* gzip.c - compressing answers with zlib for clients that accept gzip (gzip.h). */
#include "gzip.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

/* Whether the parameters after a coding (";q=0.000" and the like) refuse it. */
static int q_zero(const char *p, const char *end)
{
	const char *q;

	for (q = p; q + 1 < end; q++) {
		if ((q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
			q += 2;
			while (q < end && *q == ' ')
				q++;
			if (q >= end || *q != '0')
				return 0;
			for (q++; q < end && (*q == '.' || *q == '0'); q++)
				;
			return q >= end || *q == ' ' || *q == ';';
		}
	}
	return 0;
}

int gzip_accepted(const char *ae)
{
	const char *p = ae;

	if (!ae)
		return 0;
	while (*p) {
		const char *end = strchr(p, ',');
		size_t n;

		if (!end)
			end = p + strlen(p);
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		n = strcspn(p, " \t;,");
		if (((n == 4 && !strncasecmp(p, "gzip", 4)) || (n == 6 && !strncasecmp(p, "x-gzip", 6)) ||
		     (n == 1 && *p == '*')) &&
		    !q_zero(p + n, end))
			return 1;
		p = *end ? end + 1 : end;
	}
	return 0;
}

int gzip_type(const char *ct)
{
	static const char *const types[] = {
		"text/", "application/json", "application/problem+json", "application/javascript",
		"image/svg+xml", NULL};
	size_t i;

	if (!ct)
		return 1;
	for (i = 0; types[i]; i++)
		if (!strncasecmp(ct, types[i], strlen(types[i])))
			return 1;
	return 0;
}

char *gzip_compress(const char *in, size_t len, size_t *out_len)
{
	z_stream z;
	char *out;
	uLong cap;

	if (len > (1u << 30))
		return NULL;
	memset(&z, 0, sizeof z);
	/* 15 + 16: a gzip header and trailer around the deflate stream; level 6, zlib's
	 * default, is most of the gain for a fraction of level 9's time. */
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return NULL;
	cap = deflateBound(&z, (uLong)len);
	out = malloc(cap);
	if (!out) {
		deflateEnd(&z);
		return NULL;
	}
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)out;
	z.avail_out = (uInt)cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END || z.total_out >= len) {
		deflateEnd(&z);
		free(out);
		return NULL;
	}
	*out_len = z.total_out;
	deflateEnd(&z);
	return out;
}
