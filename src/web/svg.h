/* svg.h - charts of a report's tables drawn on the server as SVG: no script, small enough for
 * a slow link, and readable when printed in black and white. */
#ifndef CADRE_SVG_H
#define CADRE_SVG_H

#include "../core/report.h"
#include "../lib/buf.h"

/* At most this many rows of a table are drawn; a note says how many more there are. */
#define SVG_ROWS_MAX 60
/* Series told apart by class (s0..s7), fill pattern and dash pattern; a table's columns
 * past the eighth take the styles again from s0. */
#define SVG_SERIES 8

/* Append to out an <svg> drawing t as t->chart asks:
 *   RC_BARS     a horizontal bar per row, the length of its column-0 count; the row's
 *               label on the left, the count and its percentage on the right;
 *   RC_STACKED  a horizontal bar per row split into a segment per column, the full width
 *               being the row's total; a legend of the columns below;
 *   RC_TREND    the rows (years) along the x axis, a line with point markers per column,
 *               and a legend;
 *   RC_NONE     nothing (and nothing for a table without rows or columns).
 * The drawing has role="img", a <title> (the table's title) and a <desc> (its figures as one
 * line of text) for screen readers; a viewBox so that it scales (the stylesheet sets
 * svg.chart to the width of the page); the classes s0..s7 on each series for the
 * stylesheet's colours, with fill patterns and dash patterns that keep the series apart on
 * paper. Every text is escaped; nothing outside the drawing is referred to. Ids start with
 * "chart-" and the table's name, so charts of different tables can share a page.
 * tr translates the labels, titles and words (NULL: English as given). width and height are
 * in the drawing's units: a trend uses both; bars use the width, and the height is shared
 * among the rows, each getting between 16 and 28 units, so that the drawing is as tall as
 * its rows need. */
void svg_chart(struct buf *out, const struct report_table *t, const char *(*tr)(const char *msgid),
	       int width, int height);

/* Write into url the address of the records behind column k of row w: 1 when there are
 * some, 0 when the figure links nowhere (a zero, a total). */
typedef int (*svg_link_fn)(void *ctx, const struct report_row *w, size_t k, struct buf *url);

/* svg_chart, with each bar, segment and point linked to its records (link(link_ctx, ...);
 * NULL: none). Rows that are totals of others (keys "total", "reviewed", "good_or_better")
 * are not drawn; the words every row's label starts with are left out of the labels (the
 * table keeps them); the labels' column grows to the longest label (up to half the width);
 * the legend has as many whole entries on a line as fit; a year of a trend without figures
 * is not plotted (the line breaks there) and says "no data yet". */
void svg_chart_linked(struct buf *out, const struct report_table *t,
		      const char *(*tr)(const char *msgid), int width, int height,
		      svg_link_fn link, void *link_ctx);

#endif
