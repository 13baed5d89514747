/* i18n.c - reading gettext .mo catalogues and translating per request. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../lib/mem.h"
#include "../core/err.h"
#include "../lib/csv.h"
#include "i18n.h"
#include "web.h"

static uint32_t rd32(const unsigned char *p, int swap)
{
	uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
		     (uint32_t)p[3] << 24;

	if (swap)
		v = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
	return v;
}

int catalog_parse(struct catalog *c, const char *data, size_t len, const char **why)
{
	const unsigned char *u;
	uint32_t magic, n, oo, to, i;
	int swap;

	memset(c, 0, sizeof *c);
	if (len < 28) {
		*why = "shorter than a .mo header";
		return -1;
	}
	c->data = xmalloc(len + 1);
	memcpy(c->data, data, len);
	c->data[len] = 0;
	c->len = len;
	u = (const unsigned char *)c->data;
	magic = rd32(u, 0);
	if (magic == 0x950412deu)
		swap = 0;
	else if (magic == 0xde120495u)
		swap = 1;
	else {
		*why = "not a .mo file (wrong magic number)";
		goto bad;
	}
	if (rd32(u + 4, swap) >> 16 != 0) {
		*why = "an unknown .mo revision";
		goto bad;
	}
	n = rd32(u + 8, swap);
	oo = rd32(u + 12, swap);
	to = rd32(u + 16, swap);
	if (n > len / 16 || oo > len || to > len || len - oo < (size_t)n * 8 ||
	    len - to < (size_t)n * 8) {
		*why = "its string tables lie outside the file";
		goto bad;
	}
	c->ids = xcalloc(n ? n : 1, sizeof *c->ids);
	c->strs = xcalloc(n ? n : 1, sizeof *c->strs);
	for (i = 0; i < n; i++) {
		uint32_t il = rd32(u + oo + i * 8, swap), io = rd32(u + oo + i * 8 + 4, swap);
		uint32_t sl = rd32(u + to + i * 8, swap), so = rd32(u + to + i * 8 + 4, swap);

		if (io > len || il >= len - io || so > len || sl >= len - so || u[io + il] ||
		    u[so + sl]) {
			*why = "a string lies outside the file or is not ended";
			goto bad;
		}
		c->ids[i] = c->data + io;
		c->strs[i] = c->data + so;
		if (i && strcmp(c->ids[i - 1], c->ids[i]) >= 0) {
			*why = "its messages are not sorted";
			goto bad;
		}
	}
	c->n = n;
	return 0;
bad:
	catalog_cleanup(c);
	return -1;
}

const char *catalog_find(const struct catalog *c, const char *id)
{
	size_t lo = 0, hi = c->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(id, c->ids[mid]);

		if (!cmp)
			return c->strs[mid][0] ? c->strs[mid] : NULL;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

void catalog_cleanup(struct catalog *c)
{
	free(c->data);
	free((void *)(uintptr_t)c->ids);
	free((void *)(uintptr_t)c->strs);
	memset(c, 0, sizeof *c);
}

/* ---- the server's catalogues --------------------------------------------------------- */

static struct catalog g_vi;

static int load(const char *dir)
{
	char path[4096];
	FILE *f;
	char *data = NULL;
	size_t len = 0, cap = 0, got;
	const char *why;
	int rc;

	snprintf(path, sizeof path, "%s/vi/LC_MESSAGES/cadre.mo", dir);
	if (!(f = fopen(path, "rb")))
		return -1;
	do {
		if (len + 65536 > cap) {
			cap = cap ? cap * 2 : 65536;
			data = xrealloc(data, cap);
		}
		got = fread(data + len, 1, cap - len, f);
		len += got;
	} while (got && len < (16u << 20));
	fclose(f);
	rc = catalog_parse(&g_vi, data, len, &why);
	if (rc)
		fprintf(stderr, "cadre: %s: %s; pages stay in English\n", path, why);
	free(data);
	return rc;
}

/* The translator of src/core/err: the Vietnamese catalogue for "vi", nothing otherwise. */
static const char *translate(const char *lang, const char *msgid)
{
	if (lang[0] != 'v' || !g_vi.n)
		return NULL;
	return catalog_find(&g_vi, msgid);
}

void web_init(void)
{
	i18n_init();
}

void i18n_init(void)
{
	const char *env = getenv("CADRE_LOCALEDIR");
	char exe[4096];
	ssize_t n;

	err_set_translator(translate);
	csv_set_translator(err_tr);
	if (g_vi.n)
		return;
	if (env && env[0] && !load(env))
		return;
	n = readlink("/proc/self/exe", exe, sizeof exe - 32);
	if (n > 0) {
		char *slash;

		exe[n] = 0;
		slash = strrchr(exe, '/');
		if (slash) {
			/* build/cadre and build/san/cadre look in build/locale. */
			snprintf(slash, sizeof exe - (size_t)(slash - exe), "/locale");
			if (!load(exe))
				return;
			*slash = 0;
			slash = strrchr(exe, '/');
			if (slash) {
				snprintf(slash, sizeof exe - (size_t)(slash - exe), "/locale");
				if (!load(exe))
					return;
			}
		}
	}
	load("/usr/share/locale");
}

void web_shutdown(void)
{
	catalog_cleanup(&g_vi);
}

const char *web_tr(const struct req *r, const char *msgid)
{
	const char *s;

	if (r->lang[0] == 'e' || !g_vi.n)
		return msgid;
	s = catalog_find(&g_vi, msgid);
	return s ? s : msgid;
}
