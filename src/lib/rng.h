/* rng.h - a small deterministic pseudo-random generator (xoshiro256**, seeded by splitmix64). */
#ifndef CADRE_RNG_H
#define CADRE_RNG_H

#include <stddef.h>
#include <stdint.h>

/* Generator state. Plain data: copy it to fork a stream, zero-initialise and seed it before
 * use. The same seed gives the same sequence on every platform (no floating point is used
 * except by rng_unit, whose result is exact). Not for cryptography. */
struct rng {
	uint64_t s[4];
};

/* Seed r from one 64-bit value (any value, 0 included): splitmix64 expands it into the four
 * state words, which are then never all zero. */
void rng_seed(struct rng *r, uint64_t seed);

/* The next 64 uniformly distributed bits. */
uint64_t rng_next(struct rng *r);

/* A uniform integer in [0, n), without modulo bias (Lemire's multiply-and-reject). n must
 * be at least 1; rng_below(r, 0) returns 0 and draws nothing. */
uint64_t rng_below(struct rng *r, uint64_t n);

/* A uniform integer in [lo, hi], both included. When hi < lo, returns lo and draws nothing. */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);

/* A uniform double in [0, 1), with 53 random bits. */
double rng_unit(struct rng *r);

/* 1 with probability per_mille/1000, else 0 (per_mille >= 1000 is always 1). */
int rng_chance(struct rng *r, unsigned per_mille);

/* Pick an index in [0, n) with probability weight[i] / sum(weight), in O(n). Zero weights
 * are never picked. Returns 0 when n is 0 or every weight is 0 (and draws nothing). */
size_t rng_pick_weighted(struct rng *r, const unsigned *weight, size_t n);

/* The same for a long table, in O(log n): cum[i] is the running total of the weights up to
 * and including i (non-decreasing; cum[n-1] the grand total, at most 2^63). Build it once
 * with rng_cumulate. Returns 0 when n is 0 or the total is 0. */
size_t rng_pick_cumulative(struct rng *r, const uint64_t *cum, size_t n);

/* Fill cum[0..n-1] with the running totals of weight[0..n-1] (the caller owns both). */
void rng_cumulate(const unsigned *weight, size_t n, uint64_t *cum);

#endif
