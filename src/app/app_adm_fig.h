/* app_adm_fig.h - the admission figures in the report (app_adm_fig.c): the figures of a
 * subtree's pre range (for app_report, which has looked the subtree up already) and the
 * people behind one figure (the report's drill-down of its admission tables). app_adm_figures
 * itself is declared in app_admission.h. */
#ifndef CADRE_APP_ADM_FIG_H
#define CADRE_APP_ADM_FIG_H

#include "app_admission.h"

/* app_adm_figures over the organisations of [pre, last] (already checked against the
 * actor's scope by the caller). rate_bp is -1 when nobody was on the rolls on 1 January. */
enum err_code app_adm_figures_range(struct app *a, long pre, long last, int year,
				    struct adm_figures *f, struct err *e);

/* Whether a report row's filter is one of the admission figures' (adm_...): its records are
 * cases, listed by app_adm_fig_people. */
int app_adm_fig_filter(const char *filter);

typedef int (*adm_fig_person_cb)(void *ctx, const struct adm_fig_person *p);
/* The people behind one admission figure of org_code's subtree ("" the actor's scope) for
 * year (0: this year): filter adm_stage=STAGE or adm_source=SOURCE (the cases at that stage,
 * or not yet admitted from that source, on 31 December or today when earlier),
 * adm_class=YEAR, adm_on_time=YEAR, adm_late=YEAR, adm_failed=YEAR, adm_removed=YEAR (the
 * classes passed, recognitions on time and late, failed recognition votes and removals of
 * the year); a page at a time (limit < 0: all), *total of them. One audit entry
 * "report.cases" for the page. ERR_INPUT naming "filter" for any other filter. */
enum err_code app_adm_fig_people(struct app *a, const struct actor *ac, const char *org_code,
				 int year, const char *filter, long offset, long limit,
				 adm_fig_person_cb cb, void *ctx, long *total, struct err *e);

#endif
