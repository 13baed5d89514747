/* locfmt.c - numbers, percentages, dates and times in a page's language. */
#include "locfmt.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "report.h"

int locfmt_vi(const char *lang)
{
	return lang && lang[0] == 'v' && lang[1] == 'i';
}

char *locfmt_long(char *out, size_t n, long long v, const char *lang)
{
	char digits[32];
	unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
	size_t len, i, o = 0;

	if (!n)
		return out;
	snprintf(digits, sizeof digits, "%llu", u);
	len = strlen(digits);
	if (v < 0 && o + 1 < n)
		out[o++] = '-';
	for (i = 0; i < len && o + 1 < n; i++) {
		/* a dot before each group of three digits from the right */
		if (locfmt_vi(lang) && i && (len - i) % 3 == 0) {
			out[o++] = '.';
			if (o + 1 >= n)
				break;
		}
		out[o++] = digits[i];
	}
	out[o] = 0;
	return out;
}

char *locfmt_pct(char *out, size_t n, long count, long base, const char *lang)
{
	long p = report_pct100(count, base);

	if (p < 0)
		snprintf(out, n, "%s", "");
	else
		snprintf(out, n, "%ld%c%02ld", p / 100, locfmt_vi(lang) ? ',' : '.', p % 100);
	return out;
}

char *locfmt_date(char *out, size_t n, date_t d, const char *lang)
{
	int y, m, day;

	if (d == DATE_NONE) {
		snprintf(out, n, "%s", "");
		return out;
	}
	date_to_ymd(d, &y, &m, &day);
	if (locfmt_vi(lang))
		snprintf(out, n, "%02d/%02d/%04d", day, m, y);
	else
		snprintf(out, n, "%04d-%02d-%02d", y, m, day);
	return out;
}

char *locfmt_instant(char *out, size_t n, const char *iso, const char *zone, const char *lang)
{
	int y, mo, d, h, mi, s, f[6];
	char z = 0;
	int64_t t;

	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
	    z != 'Z' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
		snprintf(out, n, "%s", iso ? iso : "");
		return out;
	}
	t = (int64_t)date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
	if (clock_fields_in_zone(t, zone, f)) {
		snprintf(out, n, "%s", iso);
		return out;
	}
	if (locfmt_vi(lang))
		snprintf(out, n, "%02d:%02d:%02d %02d/%02d/%04d", f[3], f[4], f[5], f[2], f[1], f[0]);
	else
		snprintf(out, n, "%04d-%02d-%02d %02d:%02d:%02d", f[0], f[1], f[2], f[3], f[4], f[5]);
	return out;
}
