/* progress.c - a progress bar on standard error, redrawn in place at most ten times a second. */
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* Seconds between redraws. */
#define PROGRESS_REDRAW 0.1
/* Clock reads closer together than this make progress_update read it less often. */
#define PROGRESS_CHECK_MIN 0.005
#define PROGRESS_STRIDE_MAX 65536u
/* Longest label shown, in bytes; longer ones are cut at a character boundary. */
#define PROGRESS_LABEL_MAX 40

/* A line being built: snprintf into a fixed buffer, cut silently when full. */
struct line {
	char s[512];
	size_t len;
};

static void line_printf(struct line *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void line_printf(struct line *l, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (l->len >= sizeof l->s - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(l->s + l->len, sizeof l->s - l->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	l->len += (size_t)n;
	if (l->len > sizeof l->s - 1)
		l->len = sizeof l->s - 1;
}

static void line_fill(struct line *l, char c, int n)
{
	while (n-- > 0 && l->len < sizeof l->s - 1)
		l->s[l->len++] = c;
	l->s[l->len] = 0;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Columns a UTF-8 string takes: one per character (right for Vietnamese in NFC). */
static int columns(const char *s, size_t n)
{
	int c = 0;
	size_t i;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xC0) != 0x80;
	return c;
}

/* A count in at most five characters: 999, 12.3k, 4.5M. */
static void put_count(struct line *l, double v)
{
	static const char unit[] = "kMGTPE";
	int u = -1;

	while (v >= 999.5 && u < 5) {
		v /= 1000;
		u++;
	}
	if (u < 0)
		line_printf(l, "%.0f", v);
	else
		line_printf(l, "%.1f%c", v, unit[u]);
}

static void put_time(struct line *l, double secs)
{
	unsigned long s = secs > 0 ? (unsigned long)secs : 0;

	if (s >= 3600)
		line_printf(l, "%lu:%02lu:%02lu", s / 3600, s / 60 % 60, s % 60);
	else
		line_printf(l, "%lu:%02lu", s / 60, s % 60);
}

static void write_all(const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(STDERR_FILENO, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;  /* a bar is not worth failing for */
		s += w;
		n -= (size_t)w;
	}
}

/* Draw the line for the state in p, over the previous one. final adds the line end. */
static void draw(struct progress *p, double t, int final)
{
	struct line tail = {{0}, 0}, out = {{0}, 0};
	double elapsed = t - p->start, rate = elapsed > 0 ? (double)p->done / elapsed : 0;
	size_t lab = strlen(p->label);
	int pct = 0, bar, cols, fill;

	/* What follows the bar: percent or count, rate, time. */
	if (p->total) {
		pct = p->done >= p->total ? 100 : (int)(100.0 * (double)p->done / (double)p->total);
		line_printf(&tail, " %3d%%", pct);
	} else {
		line_printf(&tail, "  ");
		put_count(&tail, (double)p->done);
	}
	if (elapsed >= 0.5) {
		line_printf(&tail, "  ");
		put_count(&tail, rate);
		line_printf(&tail, "/s");
	}
	line_printf(&tail, "  ");
	put_time(&tail, elapsed);
	if (!final && p->total && p->done && p->done < p->total && elapsed >= 1) {
		line_printf(&tail, " ETA ");
		put_time(&tail, elapsed * (double)(p->total - p->done) / (double)p->done);
	}

	if (lab > PROGRESS_LABEL_MAX) {
		lab = PROGRESS_LABEL_MAX;
		while (lab > 0 && ((unsigned char)p->label[lab] & 0xC0) == 0x80)
			lab--;
	}
	line_printf(&out, "\r%.*s", (int)lab, p->label);
	/* The bar takes what the terminal has left, up to 30 columns; below 10 it goes. */
	bar = p->cols - 1 - columns(p->label, lab) - (int)tail.len - 3;
	if (bar > 30)
		bar = 30;
	if (p->total && bar >= 10) {
		fill = (int)((double)bar * pct / 100);
		line_printf(&out, " [");
		line_fill(&out, '#', fill);
		line_fill(&out, '.', bar - fill);
		line_printf(&out, "]");
	}
	line_printf(&out, "%s", tail.s);
	cols = columns(out.s + 1, out.len - 1);
	line_fill(&out, ' ', p->drawn - cols);
	p->drawn = cols;
	if (final)
		line_printf(&out, "\n");
	write_all(out.s, out.len);
	p->drawn_at = t;
}

void progress_start(struct progress *p, const char *label, unsigned long long total)
{
	struct winsize ws;

	memset(p, 0, sizeof *p);
	p->label = label ? label : "";
	p->total = total;
	p->stride = 1;
	p->on = isatty(STDERR_FILENO) && !getenv("CADRE_NO_PROGRESS");
	if (!p->on)
		return;
	p->cols = 80;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		p->cols = ws.ws_col;
	p->start = p->checked = now();
	draw(p, p->start, 0);
}

void progress_update(struct progress *p, unsigned long long done)
{
	double t;

	p->done = done;
	if (!p->on || ++p->calls < p->stride)
		return;
	p->calls = 0;
	t = now();
	/* Aim at a clock read every few milliseconds, whatever the rate of calls. */
	if (t - p->checked < PROGRESS_CHECK_MIN) {
		if (p->stride < PROGRESS_STRIDE_MAX)
			p->stride *= 2;
	} else if (p->stride > 1 && t - p->checked > 4 * PROGRESS_CHECK_MIN) {
		p->stride /= 2;
	}
	p->checked = t;
	if (t - p->drawn_at >= PROGRESS_REDRAW)
		draw(p, t, 0);
}

void progress_end(struct progress *p)
{
	if (!p->on)
		return;
	if (p->total && p->done < p->total)
		p->done = p->total;
	draw(p, now(), 1);
	p->on = 0;
}
