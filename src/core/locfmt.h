/* locfmt.h - numbers, percentages, dates and times written as a page in a language writes
 * them: Vietnamese "29.073", "97,03", "06/12/2026", "10:46:26 07/12/2026"; English keeps the
 * plain forms ("29073", "97.03", ISO dates). CSV and JSON never use these (ISO stays there). */
#ifndef CADRE_LOCFMT_H
#define CADRE_LOCFMT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* Whether lang ("vi", "en", NULL) writes the Vietnamese way. */
int locfmt_vi(const char *lang);

/* v with the language's grouping of thousands ("29.073", "-1.234.567" in Vietnamese; plain
 * digits otherwise) into out (n bytes, 32 are always enough). Returns out. */
char *locfmt_long(char *out, size_t n, long long v, const char *lang);

/* The percentage count/base with two decimals ("97,03" in Vietnamese, "97.03" otherwise; no
 * "%" sign), or "" when there is no base (report_pct100 < 0). Returns out. */
char *locfmt_pct(char *out, size_t n, long count, long base, const char *lang);

/* The date d ("06/12/2026" in Vietnamese, "2026-12-06" otherwise, "" for DATE_NONE). Returns
 * out (n >= DATE_STR). */
char *locfmt_date(char *out, size_t n, date_t d, const char *lang);

/* An instant written "YYYY-MM-DDTHH:MM:SSZ" (as the audit log keeps it) shown in time zone
 * zone (NULL or "": clock's default, Asia/Ho_Chi_Minh): "10:46:26 07/12/2026" in Vietnamese,
 * "2026-12-07 10:46:26" otherwise. When iso is not in that form or zone is unknown, iso is
 * copied as it is. Returns out. */
char *locfmt_instant(char *out, size_t n, const char *iso, const char *zone, const char *lang);

#endif
