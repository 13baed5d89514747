/* clock.c - today in a time zone (ICU calendars: thread-safe, unlike TZ and localtime). */
#include "clock.h"

#include <string.h>

#include <unicode/ucal.h>
#include <unicode/ustring.h>

int clock_date_in_zone(int64_t t, const char *zone, date_t *out)
{
	int f[6];

	if (clock_fields_in_zone(t, zone, f))
		return -1;
	*out = date_from_ymd(f[0], f[1], f[2]);
	return 0;
}

int clock_fields_in_zone(int64_t t, const char *zone, int f[6])
{
	UChar id[128], canon[128];
	UErrorCode st = U_ZERO_ERROR;
	UBool system = 0;
	UCalendar *cal;

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
	f[0] = ucal_get(cal, UCAL_EXTENDED_YEAR, &st);
	f[1] = ucal_get(cal, UCAL_MONTH, &st) + 1;
	f[2] = ucal_get(cal, UCAL_DATE, &st);
	f[3] = ucal_get(cal, UCAL_HOUR_OF_DAY, &st);
	f[4] = ucal_get(cal, UCAL_MINUTE, &st);
	f[5] = ucal_get(cal, UCAL_SECOND, &st);
	ucal_close(cal);
	return U_FAILURE(st) ? -1 : 0;
}
