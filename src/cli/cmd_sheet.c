/* cmd_sheet.c - cadre assessment add|list|show (the cadre's own yearly assessment in post)
 * and cadre sheet MEMBER_ID (the cadre's sheet, docs/cadres.md "The cadre's sheet and
 * assessment"); every command needs the personnel right. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_sheet.h"
#include "../lib/mem.h"
#include "cli.h"

struct opt assessment_add_opts[] = {
	{"member", 1, N_("the member's id"), NULL, 0},
	{"year", 1, N_("the year assessed"), NULL, 0},
	{"text", 1, N_("the cadre's own assessment in post"), NULL, 0},
	{"strengths", 1, N_("strengths"), NULL, 0},
	{"weaknesses", 1, N_("weaknesses and shortcomings"), NULL, 0},
	{"health", 1, N_("the health class, 1 (best) to 6"), NULL, 0},
	{"position", 1, N_("the position held that year, by id (default: the one held at the "
			   "year's end)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt assessment_list_opts[] = {
	{"member", 1, N_("the member's id"), NULL, 0},
	{"all", 0, N_("every revision, not only the current one of each year"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt sheet_opts[] = {
	{"as-of", 1, N_("the sheet as things were on this date, YYYY-MM-DD (default today)"), NULL,
	 0},
	{NULL, 0, NULL, NULL, 0},
};

static void print_assessment(struct cli *c, const struct assessment *x, const char *what)
{
	if (c->json) {
		cli_json_out(app_assessment_json(x));
		return;
	}
	if (what)
		printf("%s %lld\n", what, (long long)x->id);
	printf("member:     %lld\nyear:       %d\nrevision:   %d%s\nposition:   %s%s%s\n"
	       "health:     ",
	       (long long)x->member_id, x->year, x->revision, x->current ? " (current)" : "",
	       x->pos_org_code, x->position_id ? ":" : "(none)", x->pos_kind);
	if (x->health)
		printf("%d\n", x->health);
	else
		printf("(not given)\n");
	printf("assessment: %s\nstrengths:  %s\nweaknesses: %s\nrecorded:   %s by %s\n",
	       x->self_text, x->strengths, x->weaknesses, x->recorded_at, x->recorded_by);
}

int cmd_assessment_add(struct cli *c, int npos, char **pos)
{
	struct assessment_input in;
	struct assessment *x;
	int64_t member = 0;
	int rc = 0;

	(void)npos;
	(void)pos;
	if (!OPT(c, "member")) {
		err_add(&c->e, ERR_USAGE, 0, "member", NULL, NULL, "give the member: --member ID");
		return cli_fail(c);
	}
	if (cli_id(c, "member", OPT(c, "member"), &member))
		return cli_fail(c);
	memset(&in, 0, sizeof in);
	in.year = OPT(c, "year");
	in.self_text = OPT(c, "text");
	in.strengths = OPT(c, "strengths");
	in.weaknesses = OPT(c, "weaknesses");
	in.health = OPT(c, "health");
	in.position = OPT(c, "position");
	x = xmalloc(sizeof *x);
	if (app_assessment_add(&c->app, &c->actor, member, &in, x, &c->e))
		rc = cli_fail(c);
	else
		print_assessment(c, x, "assessment recorded:");
	free(x);
	return rc;
}

int cmd_assessment_show(struct cli *c, int npos, char **pos)
{
	struct assessment *x;
	int64_t id;
	int rc = 0;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	x = xmalloc(sizeof *x);
	if (app_assessment_get(&c->app, &c->actor, id, x, &c->e))
		rc = cli_fail(c);
	else
		print_assessment(c, x, "assessment");
	free(x);
	return rc;
}

/* The length of s's first max bytes, cut back to a whole UTF-8 character. */
static int cut(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (n <= max)
		return (int)n;
	n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

struct alist {
	json_t *arr;
	struct table *t;
};

static int alist_row(void *ctx, const struct assessment *x)
{
	struct alist *o = ctx;
	char id[24], y[16], rev[16], h[16], pos[ORG_CODE_MAX + CADRE_KIND_MAX + 2], text[64];

	if (o->arr) {
		cli_json_push(o->arr, app_assessment_json(x));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)x->id);
	snprintf(y, sizeof y, "%d", x->year);
	snprintf(rev, sizeof rev, "%d%s", x->revision, x->current ? "" : "*");
	snprintf(h, sizeof h, "%d", x->health);
	snprintf(pos, sizeof pos, "%s%s%s", x->pos_org_code, x->position_id ? ":" : "",
		 x->pos_kind);
	snprintf(text, sizeof text, "%.*s", cut(x->self_text, 60), x->self_text);
	table_row(o->t, id, y, rev, x->health ? h : "", pos, text);
	return 0;
}

int cmd_assessment_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct alist o = {NULL, &t};
	int64_t member = 0;

	(void)npos;
	(void)pos;
	if (!OPT(c, "member")) {
		err_add(&c->e, ERR_USAGE, 0, "member", NULL, NULL, "give the member: --member ID");
		return cli_fail(c);
	}
	if (cli_id(c, "member", OPT(c, "member"), &member))
		return cli_fail(c);
	table_init(&t, 6);
	table_row(&t, "ID", "YEAR", "REVISION", "HEALTH", "POSITION", "ASSESSMENT");
	if (c->json)
		o.arr = json_array();
	return cli_list_end(c, &t, o.arr,
			    app_assessments(&c->app, &c->actor, member, OPT_SET(c, "all"),
					    alist_row, &o, &c->e),
			    "no assessments");
}

static const char *or_dash(const char *s)
{
	return s && s[0] ? s : "-";
}

static void print_sheet(const struct cadre_sheet *s)
{
	const struct member *m = &s->m;
	char d1[DATE_STR], d2[DATE_STR], d3[DATE_STR];
	size_t i;

	printf("CADRE'S SHEET as of %s\n\n", date_format(s->as_of, d1));
	printf("%s (member %lld)\nborn:        %s", m->full_name, (long long)m->id,
	       m->birth_date == DATE_NONE ? "-" : date_format(m->birth_date, d1));
	if (s->age >= 0)
		printf(" (age %d)", s->age);
	printf("\nsex:         %s\nethnicity:   %s\nhometown:    %s\nrank:        %s\n"
	       "education:   %s\ntheory:      %s\nadmitted:    %s\nofficial:    %s\n"
	       "organisation: %s %s\nhealth:      ",
	       or_dash(m->sex), or_dash(m->ethnicity), or_dash(m->hometown), or_dash(m->rank),
	       or_dash(m->education), or_dash(m->theory_level),
	       m->admission_decision_date == DATE_NONE ? "-"
						       : date_format(m->admission_decision_date, d2),
	       m->official_date == DATE_NONE ? "-" : date_format(m->official_date, d3),
	       m->org_code, s->org_name);
	if (s->health)
		printf("class %d (%d)\n", s->health, s->health_year);
	else
		printf("-\n");
	printf("\nPOSITIONS HELD\n");
	for (i = 0; i < s->nposts; i++) {
		const struct sheet_post *p = &s->posts[i];

		printf("  %s - %s  %s %s%s%s%s%s\n", date_format(p->from, d1),
		       p->to == DATE_NONE ? "          " : date_format(p->to, d2), p->org_code,
		       p->kind, p->acting ? " (acting)" : "",
		       !strcmp(p->how, "rotate") ? " [rotation" : "",
		       !strcmp(p->how, "rotate") && (p->to_border || p->to_difficult)
			       ? (p->to_border ? ", to a border area" : ", to a difficult area")
			       : "",
		       !strcmp(p->how, "rotate") ? "]" : "");
	}
	if (!s->nposts)
		printf("  (none)\n");
	printf("\nCOMMITTEES\n");
	for (i = 0; i < s->nseats; i++) {
		const struct sheet_seat *c = &s->seats[i];

		printf("  %s - %s  %s %s (term %s)\n", date_format(c->from, d1),
		       c->to == DATE_NONE ? "          " : date_format(c->to, d2), c->org_code,
		       c->role, date_format(c->term_start, d3));
	}
	if (!s->nseats)
		printf("  (none)\n");
	printf("\nPLANNED FOR\n");
	for (i = 0; i < s->nplans; i++)
		printf("  %s  %s %s  rank %d (since version %d)\n", s->plans[i].period,
		       s->plans[i].org_code, s->plans[i].kind, s->plans[i].rank,
		       s->plans[i].from_version);
	if (!s->nplans)
		printf("  (none)\n");
	printf("\nTRAINING\n");
	for (i = 0; i < s->ntraining; i++) {
		const struct training *t = &s->training[i];

		printf("  %s - %s  %s, %s (%s) %s\n", date_format(t->from, d1),
		       t->to == DATE_NONE ? "under way " : date_format(t->to, d2), t->course,
		       t->school, training_kind_name(t->kind), t->result);
	}
	if (!s->ntraining)
		printf("  (none)\n");
	printf("\nYEAR  REVIEW        OWN ASSESSMENT\n");
	for (i = 0; i < SHEET_YEARS; i++) {
		const struct sheet_year *y = &s->years[i];

		char h[16] = "-";

		printf("%d  %-12s  ", y->year, y->grade[0] ? y->grade : "-");
		if (y->assessment && y->assessment->health)
			snprintf(h, sizeof h, "%d", y->assessment->health);
		if (y->assessment)
			printf("rev %d, health %s: %.*s\n", y->assessment->revision, h,
			       cut(y->assessment->self_text, 70), y->assessment->self_text);
		else
			printf("-\n");
	}
}

int cmd_sheet(struct cli *c, int npos, char **pos)
{
	struct cadre_sheet s;
	date_t as_of;
	int64_t id;

	(void)npos;
	if (cli_id(c, "member", pos[0], &id) || cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	if (app_cadre_sheet(&c->app, &c->actor, id, as_of, &s, &c->e)) {
		app_cadre_sheet_cleanup(&s);
		return cli_fail(c);
	}
	if (c->json)
		cli_json_out(app_cadre_sheet_json(&s));
	else
		print_sheet(&s);
	app_cadre_sheet_cleanup(&s);
	return 0;
}
