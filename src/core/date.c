/* date.c - calendar arithmetic on day numbers (days since 1970-01-01). */
#include "date.h"
#include "err.h"

#include <string.h>

/* Days from civil, after Howard Hinnant's public-domain algorithm. */
date_t date_from_ymd(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (date_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(date_t z0, int *y, int *m, int *d)
{
	long z = (long)z0 + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long dd = doy - (153 * mp + 2) / 5 + 1;
	long mm = mp < 10 ? mp + 3 : mp - 9;

	*y = (int)(yoe + era * 400 + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 ? 28 + leap : dm[m - 1];
}

static int digits(const char *s, int n, int *out)
{
	int i, v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, date_t *out, const char **why)
{
	int y, m, d;
	const char *dummy;

	if (!why)
		why = &dummy;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &y) ||
	    digits(s + 5, 2, &m) || digits(s + 8, 2, &d)) {
		*why = N_("is not a date; write it as YYYY-MM-DD");
		return -1;
	}
	if (y < 1800 || y > 2199) {
		*why = N_("has a year outside 1800-2199");
		return -1;
	}
	if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) {
		*why = N_("is not a real calendar date");
		return -1;
	}
	*out = date_from_ymd(y, m, d);
	return 0;
}

char *date_format(date_t d, char out[DATE_STR])
{
	int y, m, dd;

	if (d == DATE_NONE) {
		out[0] = 0;
		return out;
	}
	date_to_ymd(d, &y, &m, &dd);
	y = ((y % 10000) + 10000) % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + dd / 10);
	out[9] = (char)('0' + dd % 10);
	out[10] = 0;
	return out;
}

date_t date_add_months(date_t d, int n)
{
	int y, m, dd, dim;
	long total;

	date_to_ymd(d, &y, &m, &dd);
	total = (long)y * 12 + (m - 1) + n;
	y = (int)(total >= 0 ? total / 12 : (total - 11) / 12);
	m = (int)(total - (long)y * 12) + 1;
	dim = days_in_month(y, m);
	if (dd > dim)
		dd = dim;
	return date_from_ymd(y, m, dd);
}

int date_months_between(date_t a, date_t b)
{
	int ya, ma, da, yb, mb, db, n;

	date_to_ymd(a, &ya, &ma, &da);
	date_to_ymd(b, &yb, &mb, &db);
	n = (yb - ya) * 12 + (mb - ma);
	/* Adjust so that a + n months <= b < a + (n+1) months. */
	while (n > 0 && date_add_months(a, n) > b)
		n--;
	while (n < 0 && date_add_months(a, n) > b)
		n--;
	while (date_add_months(a, n + 1) <= b)
		n++;
	return n;
}

int date_years_between(date_t a, date_t b)
{
	int n = date_months_between(a, b);

	return n >= 0 ? n / 12 : -((-n + 11) / 12);
}

int date_weekday(date_t d)
{
	/* 1970-01-01 was a Thursday (3). */
	int w = (int)(((long)d + 3) % 7);

	return w < 0 ? w + 7 : w;
}

date_t date_add_working_days(date_t d, int n)
{
	int step = n >= 0 ? 1 : -1;

	while (n != 0) {
		d += step;
		if (date_weekday(d) < 5)
			n -= step;
	}
	return d;
}

int date_is_working_day(date_t d, const date_t *hol, size_t nhol)
{
	size_t lo = 0, hi = nhol;

	if (date_weekday(d) >= 5)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (hol[mid] == d)
			return 0;
		if (hol[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 1;
}

date_t date_add_working_days_hol(date_t d, int n, const date_t *hol, size_t nhol)
{
	int step = n >= 0 ? 1 : -1;

	while (n != 0) {
		d += step;
		if (date_is_working_day(d, hol, nhol))
			n -= step;
	}
	return d;
}
