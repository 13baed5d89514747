/* progress.h - a progress bar on standard error for long work, drawn only on a terminal. */
#ifndef CADRE_PROGRESS_H
#define CADRE_PROGRESS_H

/* One bar. The caller owns the storage (a local variable is fine) and passes it to every
 * call; there is nothing to free. The members are private to progress.c. The bar is drawn
 * only when standard error is a terminal and CADRE_NO_PROGRESS is not set, so output that
 * goes to a file, a pipe or a test log never holds it. */
struct progress {
	const char *label;             /* not copied: must outlive the bar */
	unsigned long long total;      /* 0: unknown */
	unsigned long long done;
	int on;                        /* drawing */
	int cols;                      /* terminal width */
	int drawn;                     /* columns of the last line drawn, to blank it out */
	unsigned calls, stride;        /* updates since the clock was read, and how many to skip */
	double start, checked, drawn_at;  /* monotonic seconds */
};

/* Start a bar for work of the given total, in any unit (bytes, records): 0 means the total
 * is unknown, and then a count is shown instead of a bar and a percentage. label names the
 * work in a few words ("reading members.csv") and must stay valid until progress_end.
 * Draws the first line at once when drawing. */
void progress_start(struct progress *p, const char *label, unsigned long long total);

/* Say that done units are finished (done counts from the start, it is not an increment).
 * Cheap enough to call for every record of millions: it reads the clock only every few
 * calls (fewer as calls come faster) and redraws at most about ten times a second. */
void progress_update(struct progress *p, unsigned long long done);

/* Finish the bar: draw it at 100% (or the final count when the total is unknown) with the
 * time taken, and end the line, so that later output starts on a fresh one. Calling it
 * again, or on a bar that does not draw, does nothing. */
void progress_end(struct progress *p);

#endif
