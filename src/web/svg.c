/* svg.c - charts of a report's tables drawn as SVG on the server (svg.h).
 *
 * Markup is written literally and every text from a report through html_text, whose five
 * escapes (& < > " ') are all XML's own, so the same drawing is valid inline in a page and
 * as a file. Colours come from the stylesheet by class; the attributes written here (greys,
 * black strokes) are what shows when there is no stylesheet, and presentation attributes,
 * unlike style attributes, are allowed by the server's Content-Security-Policy. All
 * coordinates are integers: no floating-point text that a locale could change. */
#include "../core/err.h"
#include "../core/locfmt.h"
#include "svg.h"

#include <stdio.h>
#include <string.h>

#include "web.h"

#define FONT 12     /* text size in drawing units */
#define CHAR_W 7    /* the average width of a character, to cut labels that would not fit */
#define PAD 8       /* the margin around the drawing */
#define BAND_MIN 16 /* the height given to each row of a bar chart: at least, at most */
#define BAND_MAX 28
#define LINE_H 18   /* a line below the chart: the legend, the "+N more" note */
#define LEGEND_PER_LINE 4
#define DESC_ROWS 10 /* rows told in <desc>; the rest is a count */
#define PLOT_MIN 60  /* the least height of a trend's plot */

/* How each series stays apart: a hatch on a 6x6 tile and a grey when there is no stylesheet
 * (the bars), a dash pattern (the lines). s0 is solid and dark; the others are light enough
 * for a black hatch to show. */
static const char *const series_hatch[SVG_SERIES] = {
	"", "M0,6L6,0M-1,1L1,-1M5,7L7,5", "M0,3H6", "M3,0V6", "M0,0L6,6M-1,5L1,7M5,-1L7,1",
	"M0,3H6M3,0V6", "M1,2H3M4,5H6", "M0,0L6,6M0,6L6,0"};
static const char *const series_grey[SVG_SERIES] = {
	"#404040", "#a8a8a8", "#c8c8c8", "#909090", "#e0e0e0", "#b8b8b8", "#989898", "#d8d8d8"};
static const char *const series_dash[SVG_SERIES] = {
	"none", "8 4", "2 3", "10 3 2 3", "14 5", "2 7", "6 2 2 2", "16 3 3 3"};

struct chart {
	struct buf *b;
	const struct report_table *t;
	const char *(*tr)(const char *msgid);
	int w, h;
	size_t n;       /* rows drawn */
	size_t ncol;    /* columns drawn: 1 for bars */
	int band;       /* bars: the height of a row */
	int plot_top, plot_bottom;
	int label_w;    /* bars: the width of the labels on the left */
	int foot_y;     /* the top of the lines below the chart */
	size_t legend_lines;
};

/* ---- text ------------------------------------------------------------------------------ */

static const char *tr_of(const struct chart *c, const char *s)
{
	const char *v;

	/* "" is the catalogue's header in gettext: never look it up. */
	if (!c->tr || !s[0])
		return s;
	v = c->tr(s);
	return v ? v : s;
}

/* s escaped, cut to max characters (UTF-8 code points) with an ellipsis when longer. */
static void text_cut(struct buf *b, const char *s, int max)
{
	char part[REPORT_LABEL_MAX * 2];
	size_t i, len = 0;
	int chars = 0;

	for (i = 0; s[i]; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars == max)
			len = i;
	if (chars <= max || len >= sizeof part) {
		html_text(b, s);
		return;
	}
	memcpy(part, s, len);
	part[len] = 0;
	html_text(b, part);
	buf_adds(b, "\xe2\x80\xa6");
}

/* A count and, when it has a base, its percentage, in the language of the page being drawn
 * (the request's thread language, core/err): "1227 (22.70%)", "1.227 (22,70%)". */
static void figure(struct buf *b, long count, long base)
{
	char pct[32], n[32];

	locfmt_pct(pct, sizeof pct, count, base, err_lang());
	buf_adds(b, locfmt_long(n, sizeof n, count, err_lang()));
	if (pct[0])
		buf_printf(b, " (%s%%)", pct);
}

/* An id of this chart: "chart-" and the table's name (characters other than letters,
 * digits, "-" and "_" made "_", so that url(#...) needs no escaping), then suffix. */
static void chart_id(struct chart *c, const char *suffix)
{
	const char *p;

	buf_adds(c->b, "chart-");
	for (p = c->t->name; *p; p++) {
		int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			 (*p >= '0' && *p <= '9') || *p == '-' || *p == '_';

		buf_addc(c->b, ok ? *p : '_');
	}
	buf_adds(c->b, suffix);
}

/* <text> at x, y (the baseline), anchored "start", "middle" or "end". */
static void text_at(struct chart *c, int x, int y, const char *anchor, const char *s, int max)
{
	buf_printf(c->b, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\">", x, y, anchor);
	text_cut(c->b, s, max);
	buf_adds(c->b, "</text>");
}

/* A tooltip: "label - column: figure". */
static void tooltip(struct chart *c, const struct report_row *w, size_t k, long base)
{
	buf_adds(c->b, "<title>");
	html_text(c->b, tr_of(c, w->label));
	buf_adds(c->b, " \xe2\x80\x94 ");
	html_text(c->b, tr_of(c, c->t->col_label[k]));
	buf_adds(c->b, ": ");
	figure(c->b, w->c[k].count, base);
	buf_adds(c->b, "</title>");
}

/* "+40 more rows". */
static void more_rows(struct chart *c, size_t n)
{
	buf_printf(c->b, "+%zu ", n);
	html_text(c->b, tr_of(c, "more rows"));
}

/* <desc>: the figures drawn, as one line ("official: count 227 (22.70%); ..."). */
static void desc(struct chart *c)
{
	size_t i, k, n = c->n < DESC_ROWS ? c->n : DESC_ROWS;

	buf_adds(c->b, "<desc id=\"");
	chart_id(c, "-d");
	buf_adds(c->b, "\">");
	for (i = 0; i < n; i++) {
		const struct report_row *w = &c->t->rows[i];

		buf_adds(c->b, i ? "; " : "");
		html_text(c->b, tr_of(c, w->label));
		for (k = 0; k < c->ncol; k++) {
			buf_adds(c->b, k ? ", " : ": ");
			html_text(c->b, tr_of(c, c->t->col_label[k]));
			buf_addc(c->b, ' ');
			figure(c->b, w->c[k].count, w->c[k].base);
		}
	}
	if (c->t->nrow > n) {
		buf_adds(c->b, "; ");
		more_rows(c, c->t->nrow - n);
	}
	buf_adds(c->b, "</desc>");
}

/* ---- the frame ------------------------------------------------------------------------- */

/* The fill of series k: a colour from the stylesheet (by class) under a hatch. */
static void pattern(struct chart *c, size_t k)
{
	buf_adds(c->b, "<pattern id=\"");
	chart_id(c, "");
	buf_printf(c->b, "-p%zu\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
		   "<rect class=\"s%zu\" width=\"6\" height=\"6\" fill=\"%s\"/>", k, k,
		   series_grey[k]);
	if (series_hatch[k][0])
		buf_printf(c->b, "<path d=\"%s\" stroke=\"#000\" fill=\"none\"/>",
			   series_hatch[k]);
	buf_adds(c->b, "</pattern>");
}

static void svg_open(struct chart *c)
{
	static const char *const kind[] = {"", "bars", "stacked", "trend"};
	size_t k;

	buf_printf(c->b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-%s\" "
		   "role=\"img\" aria-labelledby=\"", kind[c->t->chart]);
	chart_id(c, "-t ");
	chart_id(c, "-d");
	buf_printf(c->b, "\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" font-size=\"%d\" "
		   "font-family=\"sans-serif\"><title id=\"", c->w, c->h, c->w, c->h, FONT);
	chart_id(c, "-t");
	buf_adds(c->b, "\">");
	html_text(c->b, tr_of(c, c->t->title));
	buf_adds(c->b, "</title>");
	desc(c);
	if (c->t->chart == RC_TREND)
		return;
	buf_adds(c->b, "<defs>");
	for (k = 0; k < c->ncol && k < SVG_SERIES; k++)
		pattern(c, k);
	buf_adds(c->b, "</defs>");
}

/* The key of series k at x, y (the top of its line). */
static void key(struct chart *c, size_t k, int x, int y)
{
	size_t s = k % SVG_SERIES;

	if (c->t->chart == RC_TREND) {
		buf_printf(c->b, "<line class=\"line s%zu\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
			   "y2=\"%d\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"%s\"/>",
			   s, x, y + 9, x + 24, y + 9, series_dash[s]);
	} else {
		buf_printf(c->b, "<rect class=\"key s%zu\" x=\"%d\" y=\"%d\" width=\"12\" "
			   "height=\"12\" stroke=\"#000\" fill=\"url(#", s, x + 6, y + 3);
		chart_id(c, "");
		buf_printf(c->b, "-p%zu)\"/>", s);
	}
}

/* The legend (one entry per column; none for bars), then the "+N more rows" note. */
static void foot(struct chart *c)
{
	int item_w = (c->w - 2 * PAD) / LEGEND_PER_LINE;
	size_t k;

	for (k = 0; c->legend_lines && k < c->ncol; k++) {
		int x = PAD + (int)(k % LEGEND_PER_LINE) * item_w;
		int y = c->foot_y + (int)(k / LEGEND_PER_LINE) * LINE_H;

		key(c, k, x, y);
		text_at(c, x + 30, y + 13, "start", tr_of(c, c->t->col_label[k]),
			(item_w - 34) / CHAR_W);
	}
	if (c->t->nrow > c->n) {
		buf_printf(c->b, "<text class=\"more\" x=\"%d\" y=\"%d\">", PAD,
			   c->foot_y + (int)c->legend_lines * LINE_H + 13);
		more_rows(c, c->t->nrow - c->n);
		buf_adds(c->b, "</text>");
	}
}

/* ---- bars ------------------------------------------------------------------------------ */

/* A bar (or a segment) of series k for column k of row w, with its tooltip. */
static void bar(struct chart *c, const struct report_row *w, size_t k, long base, long x, long y,
		long len)
{
	size_t s = k % SVG_SERIES;

	buf_printf(c->b, "<rect class=\"bar s%zu\" x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		   "height=\"%d\" stroke=\"#000\" stroke-width=\"0.5\" fill=\"url(#", s, x, y, len,
		   c->band - 4);
	chart_id(c, "");
	buf_printf(c->b, "-p%zu)\">", s);
	tooltip(c, w, k, base);
	buf_adds(c->b, "</rect>");
}

/* The row's label on the left; returns the top of its band. */
static int row_label(struct chart *c, size_t i)
{
	int y = c->plot_top + (int)i * c->band;

	text_at(c, c->label_w - 6, y + c->band / 2 + FONT / 3, "end",
		tr_of(c, c->t->rows[i].label), (c->label_w - 6) / CHAR_W);
	return y;
}

/* The figure written after the end of a bar. */
static void row_value(struct chart *c, long x, int y, long count, long base)
{
	buf_printf(c->b, "<text x=\"%ld\" y=\"%d\">", x + 4, y + c->band / 2 + FONT / 3);
	figure(c->b, count, base);
	buf_adds(c->b, "</text>");
}

static void draw_bars(struct chart *c, int value_w)
{
	long max = 1, len, span = c->w - c->label_w - value_w - PAD;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->t->rows[i].c[0].count > max)
			max = c->t->rows[i].c[0].count;
	for (i = 0; i < c->n; i++) {
		const struct report_cell *cell = &c->t->rows[i].c[0];
		int y = row_label(c, i);

		len = cell->count > 0 ? (long)((long long)span * cell->count / max) : 0;
		bar(c, &c->t->rows[i], 0, cell->base, c->label_w, y + 2, len);
		row_value(c, c->label_w + len, y, cell->count, cell->base);
	}
}

/* The row's segments: each column's share of the row's total, ends rounded so that the
 * segments meet exactly. */
static void stack_row(struct chart *c, size_t i, long span)
{
	const struct report_row *w = &c->t->rows[i];
	long total = 0, sum = 0, x = c->label_w;
	int y = row_label(c, i);
	size_t k;

	for (k = 0; k < c->ncol; k++)
		total += w->c[k].count > 0 ? w->c[k].count : 0;
	for (k = 0; total && k < c->ncol; k++) {
		long end;

		if (w->c[k].count <= 0)
			continue;
		sum += w->c[k].count;
		end = c->label_w + (long)((long long)span * sum / total);
		bar(c, w, k, w->c[k].base > 0 ? w->c[k].base : total, x, y + 2, end - x);
		x = end;
	}
	row_value(c, c->label_w + (total ? span : 0), y, total, 0);
}

static void draw_stacked(struct chart *c, int value_w)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		stack_row(c, i, c->w - c->label_w - value_w - PAD);
}

/* ---- trend ----------------------------------------------------------------------------- */

/* Where row i and a count sit in the plot. */
static int trend_x(const struct chart *c, size_t i)
{
	int left = PAD + 40, right = c->w - PAD - 12;

	return c->n < 2 ? (left + right) / 2 : left + (int)((long)(right - left) * (long)i /
							       (long)(c->n - 1));
}

static int trend_y(const struct chart *c, long count, long max)
{
	long span = c->plot_bottom - c->plot_top;

	return c->plot_bottom - (int)(span * (count > 0 ? count : 0) / max);
}

/* The axes, the largest count and 0 up the side, the years along the bottom. */
static void trend_axes(struct chart *c, long max)
{
	size_t i, step = (c->n + 11) / 12;
	char s[24];

	buf_printf(c->b, "<path class=\"axis\" d=\"M%d,%dV%dH%d\" stroke=\"#000\" fill=\"none\"/>",
		   PAD + 40, c->plot_top, c->plot_bottom, c->w - PAD);
	snprintf(s, sizeof s, "%ld", max);
	text_at(c, PAD + 36, c->plot_top + FONT / 3, "end", s, 20);
	text_at(c, PAD + 36, c->plot_bottom, "end", "0", 20);
	for (i = 0; i < c->n; i += step)
		text_at(c, trend_x(c, i), c->plot_bottom + 16, "middle",
			tr_of(c, c->t->rows[i].label), 10);
}

/* The line of column k and a marker (with its tooltip) on each of its points. */
static void trend_line(struct chart *c, size_t k, long max)
{
	size_t i, s = k % SVG_SERIES;

	buf_printf(c->b, "<polyline class=\"line s%zu\" fill=\"none\" stroke=\"#000\" "
		   "stroke-width=\"2\" stroke-dasharray=\"%s\" points=\"", s, series_dash[s]);
	for (i = 0; i < c->n; i++)
		buf_printf(c->b, "%s%d,%d", i ? " " : "", trend_x(c, i),
			   trend_y(c, c->t->rows[i].c[k].count, max));
	buf_adds(c->b, "\"/>");
	for (i = 0; i < c->n; i++) {
		const struct report_row *w = &c->t->rows[i];

		buf_printf(c->b, "<circle class=\"mk s%zu\" cx=\"%d\" cy=\"%d\" r=\"3\" "
			   "fill=\"%s\">", s, trend_x(c, i), trend_y(c, w->c[k].count, max),
			   series_grey[s]);
		tooltip(c, w, k, w->c[k].base);
		buf_adds(c->b, "</circle>");
	}
}

static void draw_trend(struct chart *c)
{
	long max = 1;
	size_t i, k;

	for (i = 0; i < c->n; i++)
		for (k = 0; k < c->ncol; k++)
			if (c->t->rows[i].c[k].count > max)
				max = c->t->rows[i].c[k].count;
	trend_axes(c, max);
	for (k = 0; k < c->ncol; k++)
		trend_line(c, k, max);
}

/* ---- layout ---------------------------------------------------------------------------- */

/* Size the drawing: what goes below the chart, then the rows' bands (bars) or the plot
 * (trend) in what is left, growing the height when that is too little. */
static void layout(struct chart *c)
{
	int below, room;

	c->n = c->t->nrow < SVG_ROWS_MAX ? c->t->nrow : SVG_ROWS_MAX;
	c->ncol = c->t->chart == RC_BARS ? 1 : c->t->ncol;
	c->legend_lines = c->t->chart == RC_BARS ? 0 :
			  (c->ncol + LEGEND_PER_LINE - 1) / LEGEND_PER_LINE;
	below = (int)c->legend_lines * LINE_H + (c->t->nrow > c->n ? LINE_H : 0);
	c->plot_top = PAD;
	c->label_w = c->w * 3 / 10;
	if (c->t->chart == RC_TREND) {
		room = c->h - 2 * PAD - below - LINE_H;
		if (room < PLOT_MIN)
			room = PLOT_MIN;
		c->plot_bottom = c->plot_top + room;
		c->foot_y = c->plot_bottom + LINE_H + 4;
	} else {
		room = (c->h - 2 * PAD - below) / (int)c->n;
		c->band = room < BAND_MIN ? BAND_MIN : room > BAND_MAX ? BAND_MAX : room;
		c->plot_bottom = c->plot_top + (int)c->n * c->band;
		c->foot_y = c->plot_bottom + 4;
	}
	c->h = c->foot_y + below + PAD;
}

void svg_chart(struct buf *out, const struct report_table *t, const char *(*tr)(const char *msgid),
	       int width, int height)
{
	struct chart c;

	if ((t->chart != RC_BARS && t->chart != RC_STACKED && t->chart != RC_TREND) ||
	    !t->nrow || !t->ncol)
		return;
	memset(&c, 0, sizeof c);
	c.b = out;
	c.t = t;
	c.tr = tr;
	c.w = width < 240 ? 240 : width;
	c.h = height < 80 ? 80 : height;
	layout(&c);
	svg_open(&c);
	if (t->chart == RC_BARS)
		draw_bars(&c, 110);
	else if (t->chart == RC_STACKED)
		draw_stacked(&c, 60);
	else
		draw_trend(&c);
	foot(&c);
	buf_adds(out, "</svg>");
}
