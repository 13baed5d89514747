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
#define LEGEND_GAP 16 /* between two entries of the legend on a line */
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
	svg_link_fn link;
	void *link_ctx;
	int w, h;
	size_t n;       /* rows drawn: those of row[] */
	size_t row[SVG_ROWS_MAX];
	size_t left;    /* rows not drawn for want of room (totals are not drawn at all) */
	size_t prefix;  /* bytes of the words every drawn label starts with, left out */
	size_t ncol;    /* columns drawn: 1 for bars */
	int band;       /* bars: the height of a row */
	int plot_top, plot_bottom;
	int label_w;    /* bars: the width of the labels on the left */
	int foot_y;     /* the top of the lines below the chart */
	size_t legend_lines, per_line;
	int item_w;     /* the width of an entry of the legend */
};

/* The i-th row drawn. */
#define ROW(c, i) (&(c)->t->rows[(c)->row[i]])

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

/* s escaped, its beginning cut (an ellipsis, then the last max - 1 characters) when longer
 * than max: what tells names apart is at their end ("... tỉnh Hà Giang"). */
static void text_cut_start(struct buf *b, const char *s, int max)
{
	int chars = 0, skip;
	const char *p;

	for (p = s; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars <= max || max < 2) {
		html_text(b, s);
		return;
	}
	skip = chars - (max - 1);
	for (p = s; *p && skip; p++)
		if ((((unsigned char)p[1]) & 0xC0) != 0x80)
			skip--;
	buf_adds(b, "\xe2\x80\xa6");
	html_text(b, p);
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
		const struct report_row *w = ROW(c, i);

		buf_adds(c->b, i ? "; " : "");
		html_text(c->b, tr_of(c, w->label));
		for (k = 0; k < c->ncol; k++) {
			buf_adds(c->b, k ? ", " : ": ");
			html_text(c->b, tr_of(c, c->t->col_label[k]));
			buf_addc(c->b, ' ');
			figure(c->b, w->c[k].count, w->c[k].base);
		}
	}
	if (c->n + c->left > n) {
		buf_adds(c->b, "; ");
		more_rows(c, c->n + c->left - n);
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

	/* A drawing with links is a figure holding them (an image's content is one picture,
	 * nothing inside it can be a control). */
	buf_printf(c->b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-%s\" "
		   "role=\"%s\" aria-labelledby=\"", kind[c->t->chart], c->link ? "figure" : "img");
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
	size_t k;

	for (k = 0; c->legend_lines && k < c->ncol; k++) {
		int x = PAD + (int)(k % c->per_line) * c->item_w;
		int y = c->foot_y + (int)(k / c->per_line) * LINE_H;

		key(c, k, x, y);
		text_at(c, x + 30, y + 13, "start", tr_of(c, c->t->col_label[k]),
			(c->w - PAD - x - 30) / CHAR_W);
	}
	if (c->left) {
		buf_printf(c->b, "<text class=\"more\" x=\"%d\" y=\"%d\">", PAD,
			   c->foot_y + (int)c->legend_lines * LINE_H + 13);
		more_rows(c, c->left);
		buf_adds(c->b, "</text>");
	}
}

/* ---- bars ------------------------------------------------------------------------------ */

/* Open a link to the records behind column k of row w when there are some: 1 when opened. */
static int link_open(struct chart *c, const struct report_row *w, size_t k)
{
	struct buf url;
	int ok;

	if (!c->link)
		return 0;
	buf_init(&url, 0);
	ok = c->link(c->link_ctx, w, k, &url) && url.len;
	if (ok) {
		buf_adds(c->b, "<a href=\"");
		html_attr(c->b, buf_str(&url));
		buf_adds(c->b, "\">");
	}
	buf_cleanup(&url);
	return ok;
}

/* Open the group of the bars of series k: their fill and outline are said once, there. */
static void series_open(struct chart *c, size_t k)
{
	buf_adds(c->b, "<g stroke=\"#000\" stroke-width=\"0.5\" fill=\"url(#");
	chart_id(c, "");
	buf_printf(c->b, "-p%zu)\">", k % SVG_SERIES);
}

/* A bar (or a segment) of series k (inside series_open's group) for column k of row w, with its tooltip. */
static void bar(struct chart *c, const struct report_row *w, size_t k, long base, long x, long y,
		long len)
{
	size_t s = k % SVG_SERIES;
	int linked = link_open(c, w, k);

	buf_printf(c->b, "<rect class=\"bar s%zu\" x=\"%ld\" y=\"%ld\" width=\"%ld\" "
		   "height=\"%d\">", s, x, y, len, c->band - 4);
	tooltip(c, w, k, base);
	buf_adds(c->b, "</rect>");
	if (linked)
		buf_adds(c->b, "</a>");
}

/* The row's label on the left; returns the top of its band. */
static int row_label(struct chart *c, size_t i)
{
	int y = c->plot_top + (int)i * c->band;

	buf_printf(c->b, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", c->label_w - 6,
		   y + c->band / 2 + FONT / 3);
	text_cut_start(c->b, tr_of(c, ROW(c, i)->label) + c->prefix, (c->label_w - 10) / CHAR_W);
	buf_adds(c->b, "</text>");
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
		if (ROW(c, i)->c[0].count > max)
			max = ROW(c, i)->c[0].count;
	for (i = 0; i < c->n; i++) {
		const struct report_cell *cell = &ROW(c, i)->c[0];
		int y = row_label(c, i);

		len = cell->count > 0 ? (long)((long long)span * cell->count / max) : 0;
		row_value(c, c->label_w + len, y, cell->count, cell->base);
	}
	series_open(c, 0);
	for (i = 0; i < c->n; i++) {
		const struct report_cell *cell = &ROW(c, i)->c[0];
		int y = c->plot_top + (int)i * c->band;

		len = cell->count > 0 ? (long)((long long)span * cell->count / max) : 0;
		bar(c, ROW(c, i), 0, cell->base, c->label_w, y + 2, len);
	}
	buf_adds(c->b, "</g>");
}

/* The segment of column k of row i: each column's share of the row's total, ends rounded
 * so that the segments meet exactly. */
static void stack_segment(struct chart *c, size_t i, size_t k, long span)
{
	const struct report_row *w = ROW(c, i);
	long total = 0, before = 0, x0, x1;
	int y = c->plot_top + (int)i * c->band;
	size_t j;

	for (j = 0; j < c->ncol; j++) {
		long v = w->c[j].count > 0 ? w->c[j].count : 0;

		total += v;
		if (j < k)
			before += v;
	}
	if (!total || w->c[k].count <= 0)
		return;
	x0 = c->label_w + (long)((long long)span * before / total);
	x1 = c->label_w + (long)((long long)span * (before + w->c[k].count) / total);
	bar(c, w, k, w->c[k].base > 0 ? w->c[k].base : total, x0, y + 2, x1 - x0);
}

/* The rows' labels and totals, then the segments series by series (a group each). */
static void draw_stacked(struct chart *c, int value_w)
{
	long span = c->w - c->label_w - value_w - PAD;
	size_t i, k;

	for (i = 0; i < c->n; i++) {
		const struct report_row *w = ROW(c, i);
		long total = 0;
		int y = row_label(c, i);

		for (k = 0; k < c->ncol; k++)
			total += w->c[k].count > 0 ? w->c[k].count : 0;
		row_value(c, c->label_w + (total ? span : 0), y, total, 0);
	}
	for (k = 0; k < c->ncol; k++) {
		series_open(c, k);
		for (i = 0; i < c->n; i++)
			stack_segment(c, i, k, span);
		buf_adds(c->b, "</g>");
	}
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

/* Whether row i has any figure: a year without one is "no data yet", not a fall to 0. */
static int has_data(const struct chart *c, size_t i)
{
	size_t k;

	for (k = 0; k < c->ncol; k++)
		if (ROW(c, i)->c[k].count > 0)
			return 1;
	return 0;
}

/* The axes, the largest count and 0 up the side, the years along the bottom, "no data yet"
 * under a year without figures. */
static void trend_axes(struct chart *c, long max)
{
	size_t i, step = (c->n + 11) / 12;
	char s[24];

	buf_printf(c->b, "<path class=\"axis\" d=\"M%d,%dV%dH%d\" stroke=\"#000\" fill=\"none\"/>",
		   PAD + 40, c->plot_top, c->plot_bottom, c->w - PAD);
	snprintf(s, sizeof s, "%ld", max);
	text_at(c, PAD + 36, c->plot_top + FONT / 3, "end", s, 20);
	text_at(c, PAD + 36, c->plot_bottom, "end", "0", 20);
	for (i = 0; i < c->n; i += step) {
		text_at(c, trend_x(c, i), c->plot_bottom + 16, "middle",
			tr_of(c, ROW(c, i)->label), 10);
		if (!has_data(c, i)) {
			buf_printf(c->b, "<text class=\"more nodata\" x=\"%d\" y=\"%d\" "
				   "text-anchor=\"middle\">", trend_x(c, i), c->plot_bottom + 32);
			html_text(c->b, tr_of(c, "no data yet"));
			buf_adds(c->b, "</text>");
		}
	}
}

/* The line of column k through the years with figures (broken over those without) and a
 * marker (with its tooltip, linked to its records) on each of its points. */
static void trend_line(struct chart *c, size_t k, long max)
{
	size_t i, s = k % SVG_SERIES;
	int pen = 0;

	buf_printf(c->b, "<path class=\"line s%zu\" fill=\"none\" stroke=\"#000\" "
		   "stroke-width=\"2\" stroke-dasharray=\"%s\" d=\"", s, series_dash[s]);
	for (i = 0; i < c->n; i++) {
		if (!has_data(c, i)) {
			pen = 0;
			continue;
		}
		buf_printf(c->b, "%s%d,%d", pen ? "L" : "M", trend_x(c, i),
			   trend_y(c, ROW(c, i)->c[k].count, max));
		pen = 1;
	}
	buf_adds(c->b, "\"/>");
	for (i = 0; i < c->n; i++) {
		const struct report_row *w = ROW(c, i);
		int linked;

		if (!has_data(c, i))
			continue;
		linked = link_open(c, w, k);
		buf_printf(c->b, "<circle class=\"mk s%zu\" cx=\"%d\" cy=\"%d\" r=\"4\" "
			   "fill=\"%s\">", s, trend_x(c, i), trend_y(c, w->c[k].count, max),
			   series_grey[s]);
		tooltip(c, w, k, w->c[k].base);
		buf_adds(c->b, "</circle>");
		if (linked)
			buf_adds(c->b, "</a>");
	}
}

static void draw_trend(struct chart *c)
{
	long max = 1;
	size_t i, k;

	for (i = 0; i < c->n; i++)
		for (k = 0; k < c->ncol; k++)
			if (ROW(c, i)->c[k].count > max)
				max = ROW(c, i)->c[k].count;
	trend_axes(c, max);
	for (k = 0; k < c->ncol; k++)
		trend_line(c, k, max);
}

/* ---- layout ---------------------------------------------------------------------------- */

/* Whether row w is a total of other rows of its table (drawn beside its own parts, it would
 * dwarf them): the keys the report gives its totals. */
static int is_total(const struct report_row *w)
{
	return !strcmp(w->key, "total") || !strcmp(w->key, "reviewed") ||
	       !strcmp(w->key, "good_or_better");
}

/* Characters (code points) of s. */
static int chars_of(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The bytes of the whole words every drawn row's label starts with ("Đảng bộ Quân sự huyện
 * " of "... Bắc Mê" and "... Bắc Quang"), left out of the labels so that what tells them
 * apart shows; the table beside the chart keeps the full names. */
static size_t shared_words(const struct chart *c)
{
	const char *first;
	size_t i, len;

	if (c->n < 2 || c->t->chart == RC_TREND)
		return 0;
	first = tr_of(c, ROW(c, 0)->label);
	len = strlen(first);
	for (i = 1; i < c->n && len; i++) {
		const char *s = tr_of(c, ROW(c, i)->label);
		size_t k = 0;

		while (k < len && s[k] && s[k] == first[k])
			k++;
		len = k;
	}
	while (len && first[len - 1] != ' ')
		len--;
	/* Every label keeps some words of its own. */
	for (i = 0; i < c->n && len; i++)
		if (!tr_of(c, ROW(c, i)->label)[len])
			len = 0;
	return len;
}

/* Size the drawing: the rows drawn (not the totals), the width of their labels and of the
 * legend's entries, then what goes below the chart, then the rows' bands (bars) or the plot
 * (trend) in what is left, growing the height when that is too little. */
static void layout(struct chart *c)
{
	int below, room, longest = 0;
	size_t i, k;

	for (i = 0; i < c->t->nrow; i++) {
		if (c->t->chart != RC_TREND && is_total(&c->t->rows[i]))
			continue;
		if (c->n < SVG_ROWS_MAX)
			c->row[c->n++] = i;
		else
			c->left++;
	}
	c->ncol = c->t->chart == RC_BARS ? 1 : c->t->ncol;
	c->prefix = shared_words(c);
	for (i = 0; i < c->n; i++) {
		int n = chars_of(tr_of(c, ROW(c, i)->label) + c->prefix);

		if (n > longest)
			longest = n;
	}
	/* The labels as wide as the longest needs, between 3/10 and 1/2 of the drawing. */
	c->label_w = longest * CHAR_W + 12;
	if (c->label_w < c->w * 3 / 10)
		c->label_w = c->w * 3 / 10;
	if (c->label_w > c->w / 2)
		c->label_w = c->w / 2;
	/* As many entries of the legend on a line as fit whole. */
	longest = 0;
	for (k = 0; k < c->ncol; k++)
		if (chars_of(tr_of(c, c->t->col_label[k])) > longest)
			longest = chars_of(tr_of(c, c->t->col_label[k]));
	c->item_w = 30 + longest * CHAR_W + LEGEND_GAP;
	c->per_line = (size_t)((c->w - 2 * PAD) / c->item_w);
	if (c->per_line < 1)
		c->per_line = 1;
	if (c->per_line > c->ncol)
		c->per_line = c->ncol;
	if (c->per_line)
		c->item_w = (c->w - 2 * PAD) / (int)c->per_line;
	c->legend_lines = c->t->chart == RC_BARS || !c->per_line ? 0 :
			  (c->ncol + c->per_line - 1) / c->per_line;
	below = (int)c->legend_lines * LINE_H + (c->left ? LINE_H : 0);
	c->plot_top = PAD;
	if (c->t->chart == RC_TREND) {
		/* The years, and "no data yet" under some, below the plot. */
		room = c->h - 2 * PAD - below - 2 * LINE_H;
		if (room < PLOT_MIN)
			room = PLOT_MIN;
		c->plot_bottom = c->plot_top + room;
		c->foot_y = c->plot_bottom + 2 * LINE_H + 4;
	} else {
		room = c->n ? (c->h - 2 * PAD - below) / (int)c->n : BAND_MIN;
		c->band = room < BAND_MIN ? BAND_MIN : room > BAND_MAX ? BAND_MAX : room;
		c->plot_bottom = c->plot_top + (int)c->n * c->band;
		c->foot_y = c->plot_bottom + 4;
	}
	c->h = c->foot_y + below + PAD;
}

void svg_chart_linked(struct buf *out, const struct report_table *t,
		      const char *(*tr)(const char *msgid), int width, int height,
		      svg_link_fn link, void *link_ctx)
{
	struct chart c;

	if ((t->chart != RC_BARS && t->chart != RC_STACKED && t->chart != RC_TREND) ||
	    !t->nrow || !t->ncol)
		return;
	memset(&c, 0, sizeof c);
	c.b = out;
	c.t = t;
	c.tr = tr;
	c.link = link;
	c.link_ctx = link_ctx;
	c.w = width < 240 ? 240 : width;
	c.h = height < 80 ? 80 : height;
	layout(&c);
	if (!c.n)
		return;
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

void svg_chart(struct buf *out, const struct report_table *t, const char *(*tr)(const char *msgid),
	       int width, int height)
{
	svg_chart_linked(out, t, tr, width, height, NULL, NULL);
}
