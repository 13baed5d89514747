/* clock.h - what day it is: today in the time zone of the party's work, not the server's. */
#ifndef CADRE_CLOCK_H
#define CADRE_CLOCK_H

#include <stdint.h>

#include "date.h"

/* The zone "today" is taken in unless configured (CADRE_TZ, serve --tz): Vietnam's, UTC+7,
 * so that on a server kept in UTC a change dated with the Vietnamese date is not "after
 * today" between midnight and 07:00. */
#define CLOCK_ZONE_DEFAULT "Asia/Ho_Chi_Minh"

/* The date in time zone zone (an IANA name such as "Asia/Ho_Chi_Minh" or "UTC"; NULL or "":
 * CLOCK_ZONE_DEFAULT) at the instant t, in seconds since 1970-01-01T00:00:00Z. Returns 0, or
 * -1 when zone is not a time zone ICU knows (*out is then untouched). Thread-safe. */
int clock_date_in_zone(int64_t t, const char *zone, date_t *out);

/* The calendar and clock fields of instant t in zone (as clock_date_in_zone): f[0] year,
 * f[1] month 1-12, f[2] day, f[3] hour, f[4] minute, f[5] second. Returns 0, or -1 when zone
 * is unknown. Thread-safe. */
int clock_fields_in_zone(int64_t t, const char *zone, int f[6]);

#endif
