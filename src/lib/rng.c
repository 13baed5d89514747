/* rng.c - xoshiro256** seeded by splitmix64 (Blackman and Vigna's public-domain algorithms). */
#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

void rng_seed(struct rng *r, uint64_t seed)
{
	uint64_t x = seed;
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
	/* splitmix64 is a bijection of a counter, so four zero words cannot occur; keep the
	 * check anyway because an all-zero state would be stuck at zero forever. */
	if (!(r->s[0] | r->s[1] | r->s[2] | r->s[3]))
		r->s[0] = 1;
}

uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Multiply-high of two 64-bit values: the high word is the draw, the low word decides
 * whether the draw falls in the biased sliver that must be rejected. */
static uint64_t mul_hi_lo(uint64_t a, uint64_t b, uint64_t *lo)
{
#ifdef __SIZEOF_INT128__
	unsigned __int128 p = (unsigned __int128)a * b;

	*lo = (uint64_t)p;
	return (uint64_t)(p >> 64);
#else
	uint64_t a_lo = a & 0xffffffffu, a_hi = a >> 32;
	uint64_t b_lo = b & 0xffffffffu, b_hi = b >> 32;
	uint64_t ll = a_lo * b_lo, lh = a_lo * b_hi, hl = a_hi * b_lo, hh = a_hi * b_hi;
	uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);

	*lo = (mid << 32) | (ll & 0xffffffffu);
	return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
#endif
}

uint64_t rng_below(struct rng *r, uint64_t n)
{
	uint64_t lo, hi, threshold;

	if (n == 0)
		return 0;
	hi = mul_hi_lo(rng_next(r), n, &lo);
	if (lo < n) {
		threshold = (0 - n) % n;  /* 2^64 mod n */
		while (lo < threshold)
			hi = mul_hi_lo(rng_next(r), n, &lo);
	}
	return hi;
}

int64_t rng_range(struct rng *r, int64_t lo, int64_t hi)
{
	uint64_t span;

	if (hi <= lo)
		return lo;
	span = (uint64_t)hi - (uint64_t)lo;
	if (span == UINT64_MAX)
		return (int64_t)rng_next(r);
	return (int64_t)((uint64_t)lo + rng_below(r, span + 1));
}

double rng_unit(struct rng *r)
{
	return (double)(rng_next(r) >> 11) * 0x1.0p-53;
}

int rng_chance(struct rng *r, unsigned per_mille)
{
	if (per_mille >= 1000)
		return 1;
	return rng_below(r, 1000) < per_mille;
}

size_t rng_pick_weighted(struct rng *r, const unsigned *weight, size_t n)
{
	uint64_t total = 0, x;
	size_t i;

	for (i = 0; i < n; i++)
		total += weight[i];
	if (total == 0)
		return 0;
	x = rng_below(r, total);
	for (i = 0; i < n; i++) {
		if (x < weight[i])
			return i;
		x -= weight[i];
	}
	return n - 1;  /* not reached: x < total */
}

size_t rng_pick_cumulative(struct rng *r, const uint64_t *cum, size_t n)
{
	size_t lo = 0, hi;
	uint64_t x;

	if (n == 0 || cum[n - 1] == 0)
		return 0;
	x = rng_below(r, cum[n - 1]);
	hi = n - 1;
	/* The first i with x < cum[i]: it exists because x < cum[n-1]. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x < cum[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

void rng_cumulate(const unsigned *weight, size_t n, uint64_t *cum)
{
	uint64_t total = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		total += weight[i];
		cum[i] = total;
	}
}
