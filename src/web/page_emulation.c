/* page_emulation.c - GET /emulation: the emulation models (chi bộ 4 tốt, 4 tốt 3 không, ...)
 * with every version and its criteria, the one in force today marked, and for a system
 * administrator the form adding a version (POST /emulation, app_emulation_add); GET
 * /orgs/{code}/emulation?year=&model=: a cell's ratings and the form rating it for a year,
 * a checkbox per criterion of the version in force on 31 December of that year (POST,
 * app_emulation_rate). Both work with JavaScript off; a refused form comes back with every
 * value kept and the problems beside their fields. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "page_form.h"
#include "../app/app_meet_fig.h"
#include "pages.h"

static const char *const model_shown[] = {"code", "name", "criteria", "required", "from",
					  "source", NULL};
static const char *const rate_shown[] = {"model", "year", "met", NULL};

/* Whether the actor is a system administrator over the whole tree (the app layer refuses
 * anyone else; the page only spares them a form they cannot send). */
static int is_sys_admin(const struct req *r)
{
	return r->actor.role == ROLE_SYS_ADMIN && !r->actor.scope_code[0];
}

/* ---- the models ------------------------------------------------------------------------ */

struct models_ctx {
	struct req *r;
	char last[EMULATION_CODE_MAX + 1];
	long n;
};

static int model_row(void *ctx, const struct emulation_model_rec *m)
{
	struct models_ctx *c = ctx;
	struct req *r = c->r;
	size_t i;

	c->n++;
	H(r, "<tr");
	if (strcmp(c->last, m->code)) {
		H(r, " id=\"model-");
		A(r, m->code);
		H(r, "\"");
		snprintf(c->last, sizeof c->last, "%s", m->code);
	}
	if (m->in_force)
		H(r, " class=\"in-force\"");
	H(r, "><td><code>");
	T(r, m->code);
	H(r, "</code></td><td class=\"n\">");
	N(r, m->version);
	H(r, "</td><td>");
	D(r, m->effective_from);
	if (m->in_force) {
		H(r, " <span class=\"flag\">");
		TR(r, "in force today");
		H(r, "</span>");
	} else if (m->effective_from > r->app->today) {
		H(r, " <span class=\"flag\">");
		TR(r, "not yet in force");
		H(r, "</span>");
	}
	H(r, "</td><td>");
	T(r, m->name);
	H(r, "</td><td><ol>");
	for (i = 0; i < m->ncriteria; i++) {
		H(r, "<li>");
		T(r, m->criteria[i]);
		H(r, "</li>");
	}
	H(r, "</ol></td><td class=\"n\">");
	N(r, m->required);
	H(r, "</td><td>");
	T(r, m->source);
	H(r, "</td><td>");
	T(r, m->added_by);
	H(r, " ");
	T(r, m->added_at);
	H(r, "</td></tr>\n");
	return 0;
}

/* A textarea in the markup of form_input: label, the error beside it, the value kept. */
static void form_textarea(struct req *r, const char *label, const char *name, const char *value)
{
	const struct err_item *it = field_err(r, name);

	field_open(r, label, name, it);
	H(r, "<textarea id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\" rows=\"8\" cols=\"60\" required");
	field_aria(r, name, it);
	H(r, ">");
	T(r, value ? value : "");
	H(r, "</textarea>");
	field_close(r, name, it);
}

static void models_page(struct req *r, int post)
{
	struct models_ctx c;
	struct err tmp;

	memset(&c, 0, sizeof c);
	c.r = r;
	page_begin(r, _(r, "Emulation models"));
	H(r, "<p>");
	TR(r, "The criteria a cell is rated against each year. A model is changed by adding a "
	      "version in force from a later date; a rating is judged against the version in "
	      "force on 31 December of its year and keeps it.");
	H(r, " <a id=\"rules\" href=\"/rules\">");
	TR(r, "Rules");
	H(r, "</a></p>\n");
	if (is_sys_admin(r)) {
		H(r, "<h2>");
		TR(r, "Add a version of a model");
		H(r, "</h2>\n");
		form_errors(r, model_shown);
		H(r, "<form method=\"post\" class=\"record\" id=\"emulation-form\" "
		     "action=\"/emulation\">");
		form_csrf(r);
		form_input(r, _(r, "Model code (an existing one for a newer version)"), "code",
			   "text", post ? form_value(r, "code") : "", 1);
		form_input(r, _(r, "Name"), "name", "text", post ? form_value(r, "name") : "", 1);
		form_textarea(r, _(r, "Criteria, one a line, in order"), "criteria",
			      post ? form_value(r, "criteria") : "");
		form_input(r, _(r, "Criteria to meet to earn the title"), "required", "number",
			   post ? form_value(r, "required") : "", 1);
		form_input(r, _(r, "In force from (empty: today)"), "from", "date",
			   post ? form_value(r, "from") : "", 0);
		form_input(r, _(r, "Source document"), "source", "text",
			   post ? form_value(r, "source") : "", 0);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Add the version");
		H(r, "</button></form>\n");
	}
	H(r, "<h2>");
	TR(r, "Models and their versions");
	H(r, "</h2>\n<table class=\"rules\" id=\"models\" tabindex=\"0\"><thead><tr><th>");
	TR(r, "Model");
	H(r, "</th><th class=\"n\">");
	TR(r, "Version");
	H(r, "</th><th>");
	TR(r, "In force from");
	H(r, "</th><th>");
	TR(r, "Name");
	H(r, "</th><th>");
	TR(r, "Criteria");
	H(r, "</th><th class=\"n\">");
	TR(r, "To meet");
	H(r, "</th><th>");
	TR(r, "Source document");
	H(r, "</th><th>");
	TR(r, "Added by");
	H(r, "</th></tr></thead><tbody>\n");
	err_init(&tmp);
	if (app_emulation_models(r->app, &r->actor, NULL, model_row, &c, &tmp)) {
		err_merge(&r->e, &tmp);
		err_cleanup(&tmp);
		web_fail(r);
		return;
	}
	err_cleanup(&tmp);
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p id=\"no-models\">");
		TR(r, "No emulation model.");
		H(r, "</p>\n");
	}
	page_end(r);
}

/* GET /emulation */
void web_emulation(struct req *r)
{
	models_page(r, 0);
}

/* The lines of text (a textarea: \r\n or \n; blank lines skipped) into a new array of
 * pointers into the copy *buf (both freed by the caller). */
static size_t split_lines(const char *text, char **buf, const char ***out)
{
	char *p, *line;
	size_t n = 0;

	*buf = xstrdup(text);
	*out = xcalloc(strlen(text) / 2 + 2, sizeof **out);
	for (p = *buf; p;) {
		line = p;
		p = strchr(p, '\n');
		if (p)
			*p++ = 0;
		if (line[0] && line[strlen(line) - 1] == '\r')
			line[strlen(line) - 1] = 0;
		if (line[strspn(line, " \t")])
			(*out)[n++] = line;
	}
	return n;
}

/* POST /emulation: code, name, criteria (one a line), required, from, source. */
void web_emulation_post(struct req *r)
{
	struct emulation_in in;
	const char **lines = NULL, *req = form_value(r, "required");
	char *buf = NULL, *end;
	int version = 0;
	struct buf loc;

	memset(&in, 0, sizeof in);
	in.code = form_value(r, "code");
	in.name = form_value(r, "name");
	in.source = form_value(r, "source");
	in.ncriteria = split_lines(form_value(r, "criteria"), &buf, &lines);
	in.criteria = lines;
	in.required = req[0] ? strtol(req, &end, 10) : -1;
	if (req[0] && *end)
		in.required = -1;
	in.from = form_date(r, "from");
	/* Anyone else is refused by the app layer, before any field is looked at; for an
	 * administrator the app adds its problems to the form's own (a date that is not one),
	 * so that every mistake is shown at once. */
	if (!is_sys_admin(r))
		err_clear(&r->e);
	if (app_emulation_add(r->app, &r->actor, &in, &version, &r->e) || r->e.code) {
		if (!form_fail_page(r))
			models_page(r, 1);
		goto out;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/emulation#model-");
	web_url_arg(&loc, in.code);
	form_done_flash(r, buf_str(&loc), "model-added", 0);
	buf_cleanup(&loc);
out:
	free(lines);
	free(buf);
}

/* ---- a cell's ratings and the form rating it ------------------------------------------- */

struct ratings_ctx {
	struct req *r;
	long n;
};

static int rating_row(void *ctx, const struct emulation_rating_rec *v)
{
	struct ratings_ctx *c = ctx;
	struct req *r = c->r;
	size_t i;

	if (!c->n++) {
		H(r, "<table class=\"emulation\" id=\"ratings\"><thead><tr><th>");
		TR(r, "Year");
		H(r, "</th><th>");
		TR(r, "Model");
		H(r, "</th><th>");
		TR(r, "Criteria met");
		H(r, "</th><th>");
		TR(r, "Title earned");
		H(r, "</th><th>");
		TR(r, "Recorded by");
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr id=\"rating-");
	N(r, v->id);
	H(r, "\"");
	if (!v->current)
		H(r, " class=\"replaced\"");
	H(r, "><td>");
	N(r, v->year);
	H(r, "</td><td>");
	T(r, v->model.name);
	H(r, " (");
	TR(r, "version");
	H(r, " ");
	N(r, v->model.version);
	H(r, ")</td><td><ul class=\"criteria\">");
	for (i = 0; i < v->model.ncriteria; i++) {
		H(r, "<li>");
		T(r, v->met[i] ? "☑ " : "☐ ");
		T(r, v->model.criteria[i]);
		H(r, "</li>");
	}
	H(r, "</ul>");
	N(r, v->nmet);
	H(r, " / ");
	N(r, v->model.ncriteria);
	H(r, "</td><td>");
	T(r, v->earned ? _(r, "yes") : _(r, "no"));
	if (!v->current) {
		H(r, " <span class=\"flag\">");
		TR(r, "replaced by a later rating");
		H(r, "</span>");
	}
	H(r, "</td><td>");
	web_actor(r, v->by);
	H(r, " ");
	web_instant(r, v->at);
	H(r, "</td></tr>\n");
	return 0;
}

struct choice_ctx {
	struct req *r;
	const char *selected;
	char last[EMULATION_CODE_MAX + 1];
	char first[EMULATION_CODE_MAX + 1];
};

/* One <option> a model (its code), from its versions in a row. */
static int model_option(void *ctx, const struct emulation_model_rec *m)
{
	struct choice_ctx *c = ctx;
	struct req *r = c->r;

	if (!c->first[0])
		snprintf(c->first, sizeof c->first, "%s", m->code);
	if (!strcmp(c->last, m->code))
		return 0;
	snprintf(c->last, sizeof c->last, "%s", m->code);
	H(r, "<option value=\"");
	A(r, m->code);
	H(r, "\"");
	if (!strcmp(m->code, c->selected))
		H(r, " selected");
	H(r, ">");
	T(r, m->code);
	H(r, "</option>");
	return 0;
}

/* What the records count of the criteria of m for cell o and year (R-EMULATION-COUNTED):
 * cnt[i] each; a failure to read leaves every criterion uncounted. */
static void counted_read(struct req *r, const struct org *o, int year,
			 const struct emulation_model_rec *m, struct meet_counted *cnt,
			 struct meet_cell_year *cy)
{
	const char *crit[EMULATION_CRITERIA_MAX];
	struct err tmp;
	size_t i;

	for (i = 0; i < m->ncriteria; i++)
		crit[i] = m->criteria[i];
	err_init(&tmp);
	if (app_meet_counted(r->app, o, year, crit, m->ncriteria, cnt, cy, &tmp))
		for (i = 0; i < m->ncriteria; i++)
			cnt[i].check = MC_NONE;
	err_cleanup(&tmp);
}

/* Beside criterion i: what the records count of it (nothing when they do not). */
static void counted_note(struct req *r, size_t i, const struct meet_counted *c,
			 const struct meet_cell_year *y)
{
	if (c->check == MC_NONE)
		return;
	H(r, "<p class=\"note counted\" id=\"counted-");
	N(r, i + 1);
	H(r, "\">");
	if (c->met < 0)
		TR(r, "Counted from the records: not counted, no meeting of the year recorded");
	else if (c->met)
		TR(r, "Counted from the records: met");
	else
		TR(r, "Counted from the records: not met");
	H(r, " (R-EMULATION-COUNTED) — ");
	if (c->check == MC_NO_DISCIPLINE) {
		TR(r, "members disciplined in the year:");
		H(r, " ");
		Q(r, y->disciplined);
	} else {
		TR(r, "months with the monthly meeting:");
		H(r, " ");
		Q(r, y->months_held);
		H(r, " / ");
		Q(r, y->months);
		H(r, "; ");
		TR(r, "quarters with a thematic meeting:");
		H(r, " ");
		Q(r, y->quarters_thematic);
		H(r, " / ");
		Q(r, y->quarters);
	}
	H(r, "</p>");
}

/* The page of cell o for year with the form for model ("" the first). post: the form shows
 * the ticks sent. */
static void cell_page(struct req *r, const struct org *o, int year, const char *model, int post)
{
	struct ratings_ctx rc = {r, 0};
	struct choice_ctx cc;
	struct emulation_model_rec *m = NULL;
	struct meet_counted cnt[EMULATION_CRITERIA_MAX];
	struct meet_cell_year cy;
	struct buf title;
	struct err tmp;
	size_t i;

	memset(&cc, 0, sizeof cc);
	cc.r = r;
	cc.selected = model;
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Emulation"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"actions\"><a class=\"action\" href=\"/orgs/");
	U(r, o->code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a> <a class=\"action\" id=\"models\" href=\"/emulation\">");
	TR(r, "Emulation models");
	H(r, "</a></p>\n");
	err_init(&tmp);
	if (o->kind != OK_CELL) {
		H(r, "<p class=\"note\" id=\"not-a-cell\">");
		TR(r, "Emulation models rate cells; this organisation is not a cell.");
		H(r, "</p>\n");
	} else if (!app_can_edit(&r->actor, &tmp)) {
		H(r, "<h2>");
		TR(r, "Rate the cell");
		H(r, "</h2>\n<form class=\"inline\" method=\"get\" id=\"emulation-choose\" "
		     "action=\"/orgs/");
		A(r, o->code);
		H(r, "/emulation\"><label for=\"model\">");
		TR(r, "Model");
		H(r, "</label><select id=\"model\" name=\"model\">");
		err_clear(&tmp);
		app_emulation_models(r->app, &r->actor, NULL, model_option, &cc, &tmp);
		H(r, "</select><label for=\"year\">");
		TR(r, "Year");
		H(r, "</label><select id=\"year\" name=\"year\">");
		web_year_options(r, year);
		H(r, "</select><button>");
		TR(r, "Show the criteria");
		H(r, "</button></form>\n");
		if (!model[0])
			model = cc.first;
		m = xmalloc(sizeof *m);
		err_clear(&tmp);
		if (model[0] && app_emulation_version(r->app, model, year, m, &tmp)) {
			/* A model or year that does not fit (a URL typed by hand, or a post whose
			 * problem r->e holds already): said above the form, which is not shown. */
			if (!post)
				err_merge(&r->e, &tmp);
			form_errors(r, NULL);
		} else if (model[0]) {
			form_errors(r, rate_shown);
			H(r, "<form method=\"post\" class=\"record\" id=\"emulation-rate-form\" "
			     "action=\"/orgs/");
			A(r, o->code);
			H(r, "/emulation\">");
			form_csrf(r);
			H(r, "<input type=\"hidden\" name=\"model\" value=\"");
			A(r, m->code);
			H(r, "\"><input type=\"hidden\" name=\"year\" value=\"");
			N(r, year);
			H(r, "\"><input type=\"hidden\" name=\"n\" value=\"");
			N(r, m->ncriteria);
			H(r, "\"><p class=\"note\" id=\"version\">");
			T(r, m->name);
			H(r, " — ");
			TR(r, "version");
			H(r, " ");
			N(r, m->version);
			H(r, ", ");
			TR(r, "in force from");
			H(r, " ");
			D(r, m->effective_from);
			H(r, ". ");
			TR(r, "Criteria to meet to earn the title:");
			H(r, " ");
			N(r, m->required);
			H(r, " / ");
			N(r, m->ncriteria);
			H(r, "</p><fieldset><legend>");
			TR(r, "Criteria met in the year");
			H(r, " ");
			N(r, year);
			H(r, "</legend>");
			counted_read(r, o, year, m, cnt, &cy);
			for (i = 0; i < m->ncriteria; i++) {
				char name[24];

				snprintf(name, sizeof name, "c-%zu", i + 1);
				form_checkbox(r, m->criteria[i], name,
					      post ? form_value(r, name) : "");
				counted_note(r, i, &cnt[i], &cy);
			}
			{
				const struct err_item *it = field_err(r, "met");

				if (it) {
					H(r, "<p class=\"err\" id=\"e-met\">");
					T(r, it->msg);
					H(r, "</p>");
				}
			}
			H(r, "</fieldset><button type=\"submit\" id=\"submit\">");
			TR(r, "Record the rating");
			H(r, "</button></form>\n");
		}
	}
	err_cleanup(&tmp);
	free(m);
	H(r, "<h2>");
	TR(r, "Ratings of the cell");
	H(r, "</h2>\n");
	err_init(&tmp);
	if (app_emulation_ratings(r->app, &r->actor, o->code, 0, rating_row, &rc, &tmp)) {
		err_merge(&r->e, &tmp);
		err_cleanup(&tmp);
		web_fail(r);
		return;
	}
	err_cleanup(&tmp);
	if (rc.n)
		H(r, "</tbody></table>\n");
	else {
		H(r, "<p id=\"no-ratings\">");
		TR(r, "No rating recorded.");
		H(r, "</p>\n");
	}
	page_end(r);
}

/* GET /orgs/{code}/emulation?year=&model= */
void web_org_emulation_get(struct req *r)
{
	struct org o;
	int year = web_query_year(r);
	const char *model = req_query(r, "model");

	if (year < 0 || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	cell_page(r, &o, year, model ? model : "", 0);
}

/* POST /orgs/{code}/emulation: model, year, n (the criteria shown), c-1 .. c-n ticked. */
void web_org_emulation_post(struct req *r)
{
	struct org o;
	const char *ys = form_value(r, "year"), *ns = form_value(r, "n");
	const char *model = form_value(r, "model");
	int met[EMULATION_CRITERIA_MAX], year, ty, tm, td;
	long n;
	size_t i;
	char *end;
	struct buf loc;

	date_to_ymd(r->app->today, &ty, &tm, &td);
	year = (int)strtol(ys, &end, 10);
	if (!ys[0] || *end || year < 1930 || year > ty) {
		err_add(&r->e, ERR_USAGE, 0, "year", ys, NULL,
			"the year rated must be from 1930 to %d", ty);
		year = -1;
	}
	if (year < 0 || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	n = strtol(ns, &end, 10);
	if (!ns[0] || *end || n < 0 || n > EMULATION_CRITERIA_MAX)
		n = 0;
	for (i = 0; i < (size_t)n; i++) {
		char name[24];

		snprintf(name, sizeof name, "c-%zu", i + 1);
		met[i] = form_value(r, name)[0] != 0;
	}
	if (form_read_only(r))
		return;
	if (app_emulation_rate(r->app, &r->actor, o.code, model, year, met, (size_t)n, NULL,
			       &r->e)) {
		/* An unknown model is a mistake in the form, not a missing page. */
		for (i = 0; i < r->e.n; i++)
			if (r->e.code == ERR_NOTFOUND && !strcmp(r->e.items[i].field, "model"))
				r->e.code = ERR_INPUT;
		if (!form_fail_page(r))
			cell_page(r, &o, year, model, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/orgs/");
	web_url_arg(&loc, o.code);
	buf_printf(&loc, "/emulation?year=%d&model=", year);
	web_url_arg(&loc, model);
	buf_adds(&loc, "#ratings");
	form_done_flash(r, buf_str(&loc), "emulation-saved", 0);
	buf_cleanup(&loc);
}
