/* report_out.h - a report of figures (core/report.h) written for other programs and for
 * paper: JSON for the API and scripts, CSV for any spreadsheet, an XLSX workbook to print.
 *
 * Every output shows a percentage as report_pct100 / report_pct_str give it, so a figure
 * reads the same on the page, in the file and on paper. A cell with base 0 has no
 * percentage (and no base) in any output. */
#ifndef CADRE_REPORT_OUT_H
#define CADRE_REPORT_OUT_H

#include <stdio.h>

#include <jansson.h>

#include "../core/err.h"
#include "../core/report.h"

/* The flags to give json_dumps for a report: jansson writes a real with 17 significant
 * digits unless told otherwise (22.7 becomes 22.699999999999999, the same double but not
 * the text people expect); 15 digits give back every percentage exactly ("22.7"). */
#define REPORT_JSON_FLAGS (JSON_REAL_PRECISION(15) | JSON_PRESERVE_ORDER)

/* The report as a new JSON object (the caller owns the reference):
 *
 *   {"org": {"code": "P01", "name": "..."},
 *    "as_of": "2025-06-30",             (null when the report has no date)
 *    "year": 2025, "made_by": "...", "made_at": "2025-07-01T08:00:00Z",
 *    "tables": {
 *      "members_by_status": {            (the table's name, in the report's order)
 *        "title": "...", "note": "...",
 *        "columns": [{"name": "count", "label": "count"}, ...],
 *        "rows": [{"key": "official", "label": "official", "filter": "status=official",
 *                  "count": {"count": 227, "base": 1000, "percent": 22.7}, ...}]}}}
 *
 * Each row holds its cells under the column names (a column may not be called "key",
 * "label" or "filter"). percent is a number with at most 2 decimals, report_pct100 / 100;
 * "base" and "percent" are left out when the base is 0. Dump with REPORT_JSON_FLAGS. */
json_t *report_json(const struct report *r);

/* Write the report to out as one CSV file (RFC 4180 quoting, UTF-8, lines ended by LF as in
 * every CSV cadre writes) in long form: a header row, then one record per cell:
 *
 *   table,row_key,row_label,column,count,base,percent
 *   members_by_status,official,official,count,227,1000,22.70
 *
 * base and percent are empty when the base is 0. A field holding a comma, a quote or a line
 * break is quoted. Returns 0, or -1 when writing to out failed (errno tells why). */
int report_csv(const struct report *r, FILE *out);

/* Write the report as an XLSX workbook at path (replaced if it exists): a first sheet
 * "summary" listing the tables with their titles (each linked to its sheet), then one sheet
 * per table named by the table's name (cut to Excel's 31 characters, made unique). Every
 * sheet starts with four rows saying whose figures they are: organisation, as-of date, year,
 * who made the report and when. A table sheet then has a bold header row and a row per
 * report row: the row's label, then for each column its count and, when the column has
 * bases, its percentage (a number formatted 0.00%, blank where the base is 0).
 * Returns ERR_OK, or ERR_STORAGE with e saying why when the file cannot be written (the
 * directory is missing or read-only, the disk is full); no partial file is left then. */
enum err_code report_xlsx(const struct report *r, const char *path, struct err *e);

#endif
