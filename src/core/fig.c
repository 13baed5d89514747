/* fig.c - counters by key and their blobs (fig.h). */
#include "fig.h"

#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "member.h"

void fig_map_init(struct fig_map *m)
{
	memset(m, 0, sizeof *m);
}

void fig_map_cleanup(struct fig_map *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

void fig_map_clear(struct fig_map *m)
{
	m->n = 0;
}

/* The index of key in m, or of where it would go. */
static size_t find(const struct fig_map *m, uint32_t key)
{
	size_t lo = 0, hi = m->n;

	/* Keys mostly arrive in order: try the end first. */
	if (!m->n || m->v[m->n - 1].key < key)
		return m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (m->v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void fig_map_add(struct fig_map *m, uint32_t key, long delta)
{
	size_t i = find(m, key);

	if (!delta)
		return;
	if (i < m->n && m->v[i].key == key) {
		m->v[i].count += delta;
		if (!m->v[i].count) {
			memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof *m->v);
			m->n--;
		}
		return;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 16;
		m->v = xrealloc(m->v, m->cap * sizeof *m->v);
	}
	memmove(&m->v[i + 1], &m->v[i], (m->n - i) * sizeof *m->v);
	m->v[i].key = key;
	m->v[i].count = delta;
	m->n++;
}

long fig_map_get(const struct fig_map *m, uint32_t key)
{
	size_t i = find(m, key);

	return i < m->n && m->v[i].key == key ? m->v[i].count : 0;
}

void fig_map_merge(struct fig_map *m, const struct fig_map *src)
{
	size_t i;

	for (i = 0; i < src->n; i++)
		fig_map_add(m, src->v[i].key, src->v[i].count);
}

static int get_varint(const unsigned char **p, const unsigned char *end, uint64_t *out)
{
	uint64_t v = 0;
	int shift = 0;

	while (*p < end && shift < 64) {
		unsigned char b = *(*p)++;

		v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80)) {
			*out = v;
			return 0;
		}
		shift += 7;
	}
	return -1;
}

static unsigned char *put_varint(unsigned char *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	*p++ = (unsigned char)v;
	return p;
}

int fig_decode(const void *blob, size_t n, struct fig_map *m)
{
	/* An empty blob comes as NULL: NULL + 0 is undefined behaviour, so do not form it. */
	const unsigned char *p = blob, *end = p ? p + n : p;
	uint64_t key = 0, d, c;

	while (p < end) {
		long count;

		if (get_varint(&p, end, &d) || get_varint(&p, end, &c) || d > 0xffffffffu ||
		    key + d > 0xffffffffu)
			return -1;
		key += d;
		/* zigzag: counts may go negative only through a fault, but must round-trip */
		count = (long)(c >> 1) ^ -(long)(c & 1);
		fig_map_add(m, (uint32_t)key, count);
	}
	return 0;
}

long fig_blob_sum(const void *blob, size_t n, uint32_t lo, uint32_t hi)
{
	const unsigned char *p = blob, *end = p ? p + n : p;
	uint64_t key = 0, d, c;
	long sum = 0;

	while (p < end) {
		if (get_varint(&p, end, &d) || get_varint(&p, end, &c) || d > 0xffffffffu ||
		    key + d > 0xffffffffu)
			return -1;
		key += d;
		if (key > hi)
			break; /* keys come in order: nothing further is within */
		if (key >= lo)
			sum += (long)(c >> 1) ^ -(long)(c & 1);
	}
	return sum;
}

int fig_blob_status(const void *blob, size_t n, long *st, int nst, long *hosted)
{
	const unsigned char *p = blob, *end = p ? p + n : p;
	uint64_t key = 0, d, c;

	while (p < end) {
		long v;

		if (get_varint(&p, end, &d) || get_varint(&p, end, &c) || d > 0xffffffffu ||
		    key + d > 0xffffffffu)
			return -1;
		key += d;
		if (FIG_DIM(key) > FD_HOSTED)
			break; /* keys come in order: statuses, sexes, categories, hosted, ... */
		v = (long)(c >> 1) ^ -(long)(c & 1);
		if (FIG_DIM(key) == FD_STATUS && FIG_VAL(key) < nst)
			st[FIG_VAL(key)] += v;
		else if (FIG_DIM(key) == FD_HOSTED)
			*hosted += v;
	}
	return 0;
}

unsigned char *fig_encode(const struct fig_map *m, size_t *len)
{
	unsigned char *buf = xmalloc(m->n * 20 + 1), *p = buf;
	uint32_t prev = 0;
	size_t i;

	for (i = 0; i < m->n; i++) {
		long c = m->v[i].count;

		p = put_varint(p, m->v[i].key - prev);
		p = put_varint(p, ((uint64_t)c << 1) ^ (uint64_t)(c >> 63));
		prev = m->v[i].key;
	}
	*len = (size_t)(p - buf);
	return buf;
}

int fig_counted(int status)
{
	return status >= 0 && status < MS__COUNT && member_status_active((enum member_status)status);
}

size_t fig_member_core(int status, const char *sex, const char *category, uint32_t *keys)
{
	size_t i, cat = 0;

	if (!fig_counted(status))
		return 0;
	for (i = 0; category && category[0] && member_categories[i]; i++)
		if (!strcmp(member_categories[i], category))
			cat = i + 1;
	keys[0] = FIG_KEY(FD_STATUS, status);
	keys[1] = FIG_KEY(FD_SEX, sex && !strcmp(sex, "female"));
	keys[2] = FIG_KEY(FD_CATEGORY, cat);
	return 3;
}

size_t fig_member_hist(int status, long ethnic_id, date_t birth, date_t admitted,
		       uint32_t *keys)
{
	int y, mo, d, ya;

	if (!fig_counted(status))
		return 0;
	date_to_ymd(birth, &y, &mo, &d);
	date_to_ymd(admitted, &ya, &mo, &d);
	keys[0] = FIG_KEY(FD_ETHNIC, ethnic_id > 0 ? ethnic_id : 0);
	keys[1] = FIG_KEY(FD_BIRTH_YEAR, y > 0 ? y : 0);
	keys[2] = FIG_KEY(FD_ADMIT_YEAR, ya > 0 ? ya : 0);
	return 3;
}

size_t fig_review(int is_org, int grassroots, int year, int grade, uint32_t *keys)
{
	if (year < 0 || grade < 0 || grade > 7)
		return 0;
	if (!is_org) {
		keys[0] = FIG_KEY(FD_MEMBER_GRADE, FIG_YG(year, grade));
		return 1;
	}
	keys[0] = FIG_KEY(FD_ORG_GRADE, FIG_YG(year, grade));
	if (!grassroots)
		return 1;
	keys[1] = FIG_KEY(FD_GRASSROOTS_GRADE, FIG_YG(year, grade));
	return 2;
}

uint32_t fig_discipline(date_t decided, int is_org)
{
	int y, m, d;

	date_to_ymd(decided, &y, &m, &d);
	return FIG_KEY(FD_DISCIPLINE, (y > 0 ? y : 0) * 2 + !!is_org);
}
