/* clock.c - today in a time zone (ICU calendars: thread-safe, unlike TZ and localtime). */
#include "clock.h"

#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

int clock_date_in_zone(int64_t t, const char *zone, date_t *out)
{
	UChar id[128], canon[128];
	UErrorCode st = U_ZERO_ERROR;
	UBool system = 0;
	UCalendar *cal;
	int y, m, d;

	if (!zone || !zone[0])
		zone = CLOCK_ZONE_DEFAULT;
	if (strlen(zone) >= sizeof id / sizeof id[0])
		return -1;
	u_uastrcpy(id, zone);
	/* ICU answers an unknown zone with GMT: refuse it instead. */
	ucal_getCanonicalTimeZoneID(id, -1, canon, (int32_t)(sizeof canon / sizeof canon[0]),
				    &system, &st);
	if (U_FAILURE(st) || !system)
		return -1;
	cal = ucal_open(id, -1, "en_US_POSIX", UCAL_GREGORIAN, &st);
	if (U_FAILURE(st))
		return -1;
	ucal_setMillis(cal, (UDate)t * 1000.0, &st);
	y = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	m = ucal_get(cal, UCAL_MONTH, &st) + 1;
	d = ucal_get(cal, UCAL_DATE, &st);
	ucal_close(cal);
	if (U_FAILURE(st))
		return -1;
	*out = date_from_ymd(y, m, d);
	return 0;
}
