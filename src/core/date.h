/* date.h - calendar dates as day numbers: parsing, formatting, months and working days. */
#ifndef CADRE_DATE_H
#define CADRE_DATE_H

#include <stddef.h>
#include <stdint.h>

/* A date is a day number: days since 1970-01-01 (proleptic Gregorian). DATE_NONE means
 * "not known". */
typedef int32_t date_t;
#define DATE_NONE INT32_MIN
#define DATE_STR 11 /* "YYYY-MM-DD" and its NUL */

/* Parse exactly "YYYY-MM-DD" (years 1800-2199) into *out. Returns 0, or -1 when the text is
 * not in that form or is not a real date (2019-02-30); *why then says which, in English. */
int date_parse(const char *s, date_t *out, const char **why);

/* Write d as "YYYY-MM-DD" into out (DATE_STR bytes); "" for DATE_NONE. Returns out. */
char *date_format(date_t d, char out[DATE_STR]);

/* Day number of a calendar date; the caller passes a valid date. */
date_t date_from_ymd(int y, int m, int d);
void date_to_ymd(date_t d, int *y, int *m, int *day);

/* d plus n calendar months; the day is clamped to the month's end (2024-01-31 + 1 month =
 * 2024-02-29). */
date_t date_add_months(date_t d, int n);

/* Whole months from a to b (negative when b < a): the largest n with a + n months <= b. */
int date_months_between(date_t a, date_t b);

/* Whole years from a to b, as for an age. */
int date_years_between(date_t a, date_t b);

/* d plus n working days (Monday to Friday; public holidays are not modelled). */
date_t date_add_working_days(date_t d, int n);

/* d plus n working days, skipping weekends and the public holidays in hol (nhol dates sorted
 * ascending, duplicates allowed; NULL/0: weekends only). A holiday on a weekend changes
 * nothing. Used for R-TRANSFER-COMPLETE-WORKING-DAYS and R-TRANSFER-PRESENT-DAYS. */
date_t date_add_working_days_hol(date_t d, int n, const date_t *hol, size_t nhol);

/* Whether d is a working day: Monday to Friday and not in hol (sorted, as above). */
int date_is_working_day(date_t d, const date_t *hol, size_t nhol);

/* 0 Monday ... 6 Sunday. */
int date_weekday(date_t d);

#endif
