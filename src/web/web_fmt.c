/* web_fmt.c - dates, quantities, percentages and instants written in the page's language. */
#include <stdlib.h>

#include "../core/clock.h"
#include "../core/locfmt.h"
#include "web.h"

void web_date(struct req *r, date_t d)
{
	char s[32];

	T(r, locfmt_date(s, sizeof s, d, r->lang));
}

void web_num(struct req *r, long long v)
{
	char s[32];

	T(r, locfmt_long(s, sizeof s, v, r->lang));
}

void web_pct(struct req *r, long count, long base)
{
	char s[32];

	locfmt_pct(s, sizeof s, count, base, r->lang);
	if (s[0]) {
		T(r, s);
		H(r, "%");
	}
}

const char *web_zone(void)
{
	const char *z = getenv("CADRE_TZ");

	return z && z[0] ? z : CLOCK_ZONE_DEFAULT;
}

void web_instant(struct req *r, const char *iso)
{
	char s[64];

	T(r, locfmt_instant(s, sizeof s, iso, web_zone(), r->lang));
}
