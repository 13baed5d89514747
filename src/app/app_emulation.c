/* app_emulation.c - emulation models (DOMAIN §6: "chi bộ 4 tốt", "4 tốt 3 không"), kept in
 * versions like rules, and the yearly ratings of cells against them: adding a version (system
 * administrators), listing the models, rating a cell, listing the ratings of a subtree. A
 * rating is judged against the version in force on 31 December of the year rated and keeps
 * it, so a model changed later leaves the ratings already made as they were judged. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_meet_fig.h"
#include "app_report.h"

#define YEAR_MIN 1930

/* The id of model code's version in force today (0: none), remembered for the last code
 * asked: listings go model by model. */
struct in_force_cache {
	char code[EMULATION_CODE_MAX + 1];
	int64_t id;
};

static int64_t in_force_id(struct app *a, struct in_force_cache *c, const char *code)
{
	struct emulation_version_row *v;
	struct err tmp;

	if (c->code[0] && !strcmp(c->code, code))
		return c->id;
	v = xmalloc(sizeof *v);
	err_init(&tmp);
	c->id = store_emulation_version_at(a->st, code, a->today, v, &tmp) ? 0 : v->id;
	err_cleanup(&tmp);
	free(v);
	snprintf(c->code, sizeof c->code, "%s", code);
	return c->id;
}

static void rec_from_row(const struct emulation_version_row *v, int64_t in_force,
			 struct emulation_model_rec *m)
{
	memset(m, 0, sizeof *m);
	m->id = v->id;
	snprintf(m->code, sizeof m->code, "%s", v->code);
	m->version = v->version;
	snprintf(m->name, sizeof m->name, "%s", v->name);
	m->ncriteria = emulation_split(v->criteria, m->criteria, EMULATION_CRITERIA_MAX);
	if (m->ncriteria > EMULATION_CRITERIA_MAX)
		m->ncriteria = EMULATION_CRITERIA_MAX;
	m->required = v->required;
	m->effective_from = v->effective_from;
	snprintf(m->source, sizeof m->source, "%s", v->source);
	snprintf(m->added_by, sizeof m->added_by, "%s", v->added_by);
	snprintf(m->added_at, sizeof m->added_at, "%s", v->added_at);
	m->in_force = in_force && in_force == v->id;
}

static enum err_code no_model(const char *code, struct err *e)
{
	return err_add(e, ERR_NOTFOUND, 0, "model", code, NULL,
		       "there is no emulation model %s; 'cadre emulation models' lists them", code);
}

/* ---- adding a version ------------------------------------------------------------------ */

/* The version as JSON for the audit log (caller frees). */
static char *version_json(const struct emulation_version_row *v)
{
	json_t *crit = json_array();
	const char *p = v->criteria;
	char d[DATE_STR];

	while (*p) {
		size_t len = strcspn(p, "\n");

		json_array_append_new(crit, json_stringn(p, len));
		p += len + (p[len] ? 1 : 0);
	}
	return app_json("{s:s,s:i,s:s,s:o,s:i,s:s,s:s}", "code", v->code, "version", v->version,
			"name", v->name, "criteria", crit, "required", v->required, "from",
			date_format(v->effective_from, d), "source", v->source);
}

/* A model version's text cleaned (core/text: UTF-8, NFC, no control or bidi character); line
 * breaks are kept so that emulation_check can say a name or criterion is one line. */
struct emulation_clean {
	struct emulation_in in;
	char name[4 * EMULATION_NAME_MAX + 1], source[4 * EMULATION_SOURCE_MAX + 1];
	char crit[EMULATION_CRITERIA_MAX][4 * EMULATION_CRITERION_MAX + 1];
	const char *cp[EMULATION_CRITERIA_MAX];
};

static void text_input_emulation(const struct emulation_in *in, struct emulation_clean *c,
				 struct err *e)
{
	size_t i;

	c->in = *in;
	if (in->name && !text_accept(in->name, sizeof c->name - 1, TEXT_LINES, c->name,
				     sizeof c->name, e, 0, "name", "the name"))
		c->in.name = c->name;
	if (in->source && !text_accept(in->source, sizeof c->source - 1, TEXT_LINES, c->source,
				       sizeof c->source, e, 0, "source", "the source"))
		c->in.source = c->source;
	if (in->ncriteria > EMULATION_CRITERIA_MAX)
		return;
	for (i = 0; i < in->ncriteria; i++) {
		c->cp[i] = in->criteria[i];
		if (in->criteria[i] &&
		    !text_accept(in->criteria[i], sizeof c->crit[i] - 1, TEXT_LINES, c->crit[i],
				 sizeof c->crit[i], e, 0, "criteria", "a criterion"))
			c->cp[i] = c->crit[i];
	}
	c->in.criteria = c->cp;
}

enum err_code app_emulation_add(struct app *a, const struct actor *ac,
				const struct emulation_in *in, int *version, struct err *e)
{
	struct emulation_version_row *v = NULL, *prev = NULL;
	struct emulation_clean clean;
	date_t from = app_date(a, in->from);
	char subject[EMULATION_CODE_MAX + 24], d[DATE_STR], pd[DATE_STR];
	char *before = NULL, *after = NULL;
	enum err_code rc;
	size_t i, len = 0;

	/* Anyone else is refused before any field is looked at, as for rules. */
	if (app_sys_admin_only(ac, "add an emulation model version", e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	/* Text as any that comes in (core/text), then measured by emulation_check. */
	text_input_emulation(in, &clean, e);
	in = &clean.in;
	emulation_check(in->code, in->name, in->criteria, in->ncriteria, in->required, in->source,
			e);
	if (in->code && !emulation_code_check(in->code, NULL)) {
		struct err tmp;

		prev = xmalloc(sizeof *prev);
		err_init(&tmp);
		if (store_emulation_version_at(a->st, in->code, DATE_NONE, prev, &tmp)) {
			free(prev);
			prev = NULL;
		}
		if (tmp.code == ERR_STORAGE)
			err_merge(e, &tmp);
		err_cleanup(&tmp);
		if (prev && from <= prev->effective_from)
			err_add(e, ERR_INPUT, 0, "from", date_format(from, d), NULL,
				"%s version %d is in force from %s; a newer version starts after "
				"that date (the older ratings keep the version they were judged "
				"against): give a later date", prev->code, prev->version,
				date_format(prev->effective_from, pd));
	}
	if (e->code)
		goto out;
	v = xcalloc(1, sizeof *v);
	snprintf(v->code, sizeof v->code, "%s", in->code);
	snprintf(v->name, sizeof v->name, "%s", in->name);
	for (i = 0; i < in->ncriteria; i++)
		len += (size_t)snprintf(v->criteria + len, sizeof v->criteria - len, "%s%s",
					i ? "\n" : "", in->criteria[i]);
	v->required = (int)in->required;
	v->effective_from = from;
	snprintf(v->source, sizeof v->source, "%s", in->source ? in->source : "");
	if (store_emulation_version_add(a->st, v, ac->name, e))
		goto out;
	if (version)
		*version = v->version;
	snprintf(subject, sizeof subject, "emulation:%s", v->code);
	after = version_json(v);
	if (prev)
		before = version_json(prev);
	app_audit(a, ac, "emulation.model.add", subject, 0, before, after, e);
out:
	free(before);
	free(after);
	free(prev);
	free(v);
	return app_end(a, e->code, e);
}

/* ---- listing the models ---------------------------------------------------------------- */

struct model_fwd {
	struct app *a;
	struct in_force_cache c;
	struct emulation_model_rec m;
	emulation_model_cb cb;
	void *ctx;
};

static int model_forward(void *ctx, const struct emulation_version_row *v)
{
	struct model_fwd *f = ctx;

	rec_from_row(v, in_force_id(f->a, &f->c, v->code), &f->m);
	return f->cb(f->ctx, &f->m);
}

enum err_code app_emulation_models(struct app *a, const struct actor *ac, const char *code,
				   emulation_model_cb cb, void *ctx, struct err *e)
{
	struct model_fwd *f;
	enum err_code rc;

	(void)ac; /* the models are the same for everyone, like the rules */
	f = xcalloc(1, sizeof *f);
	f->a = a;
	f->cb = cb;
	f->ctx = ctx;
	if (code && code[0]) {
		struct emulation_version_row *v = xmalloc(sizeof *v);
		struct err tmp;

		err_init(&tmp);
		rc = store_emulation_version_at(a->st, code, DATE_NONE, v, &tmp);
		if (tmp.code == ERR_STORAGE)
			err_merge(e, &tmp);
		else if (rc)
			no_model(code, e);
		err_cleanup(&tmp);
		free(v);
		if (e->code) {
			free(f);
			return e->code;
		}
	}
	rc = store_emulation_versions(a->st, code, model_forward, f, e);
	free(f);
	return rc;
}

/* The first version of code (its date), for the message of a year before it. */
static int first_version(void *ctx, const struct emulation_version_row *v)
{
	*(date_t *)ctx = v->effective_from;
	return 1;
}

enum err_code app_emulation_version(struct app *a, const char *code, int year,
				    struct emulation_model_rec *m, struct err *e)
{
	struct emulation_version_row *v = xmalloc(sizeof *v);
	struct in_force_cache c;
	struct err tmp;
	enum err_code rc;
	date_t first = DATE_NONE;
	char d[DATE_STR];

	memset(&c, 0, sizeof c);
	err_init(&tmp);
	rc = store_emulation_version_at(a->st, code, date_from_ymd(year, 12, 31), v, &tmp);
	if (rc == ERR_OK) {
		rec_from_row(v, in_force_id(a, &c, code), m);
	} else if (tmp.code == ERR_STORAGE) {
		err_merge(e, &tmp);
	} else if (store_emulation_versions(a->st, code, first_version, &first, e) == ERR_OK) {
		if (first == DATE_NONE)
			no_model(code, e);
		else
			err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
				"the emulation model %s applies from %s (its first version), after "
				"%d: rate a later year", code, date_format(first, d), year);
	}
	err_cleanup(&tmp);
	free(v);
	return e->code;
}

/* ---- rating a cell --------------------------------------------------------------------- */

/* R-EMULATION-COUNTED: a criterion the records count (app_meet_counted) ticked as met when
 * they say it was not is refused, each such criterion named. */
static enum err_code counted_check(struct app *a, const struct org *o,
				   const struct emulation_model_rec *m, int year, const int *met,
				   struct err *e)
{
	const char *crit[EMULATION_CRITERIA_MAX];
	struct meet_counted c[EMULATION_CRITERIA_MAX];
	struct meet_cell_year y;
	size_t i;

	for (i = 0; i < m->ncriteria; i++)
		crit[i] = m->criteria[i];
	if (app_meet_counted(a, o, year, crit, m->ncriteria, c, &y, e))
		return e->code;
	for (i = 0; i < m->ncriteria; i++) {
		if (!met[i] || c[i].met != 0)
			continue;
		if (c[i].check == MC_NO_DISCIPLINE)
			err_add(e, ERR_RULE, 0, "met", m->criteria[i], R_EMULATION_COUNTED,
				"criterion %zu is ticked as met, but %ld disciplinary "
				"decision(s) on members of %s are recorded in %d "
				"(R-EMULATION-COUNTED): untick it, or correct the discipline records",
				i + 1, y.disciplined, o->code, year);
		else
			err_add(e, ERR_RULE, 0, "met", m->criteria[i], R_EMULATION_COUNTED,
				"criterion %zu is ticked as met, but the meetings recorded for "
				"%s in %d say otherwise: the monthly meeting held in %ld of %ld "
				"months, a thematic meeting in %ld of %ld quarters "
				"(R-EMULATION-COUNTED): "
				"untick it, or record the meetings held",
				i + 1, o->code, year, y.months_held, y.months,
				y.quarters_thematic, y.quarters);
	}
	return e->code;
}

enum err_code app_emulation_rate(struct app *a, const struct actor *ac, const char *cell_code,
				 const char *model, int year, const int *met, size_t n,
				 int64_t *id, struct err *e)
{
	struct org o;
	struct emulation_model_rec *m = NULL;
	char list[2 * EMULATION_CRITERIA_MAX + 1] = "", subject[64], *after;
	long nmet = 0;
	size_t i;
	int ty, tm, td;
	int64_t rid = 0;
	enum err_code rc;

	if ((rc = app_begin(a, e)))
		return rc;
	if (app_org_lookup(a, ac, cell_code, &o, 1, "org", e) || app_can_edit(ac, e))
		return app_end(a, e->code, e);
	if (o.kind != OK_CELL)
		err_add(e, ERR_INPUT, 0, "org", o.code, NULL,
			"%s is a %s organisation, not a cell: emulation models rate cells (chi "
			"bộ); give the code of a cell", o.code, org_kind_name(o.kind));
	date_to_ymd(a->today, &ty, &tm, &td);
	if (year < YEAR_MIN || year > ty)
		err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			"the year rated must be between %d and %d", YEAR_MIN, ty);
	if (!model || !model[0])
		err_add(e, ERR_INPUT, 0, "model", NULL, NULL,
			"give the emulation model's code; 'cadre emulation models' lists them");
	if (e->code)
		return app_end(a, e->code, e);
	m = xmalloc(sizeof *m);
	if (app_emulation_version(a, model, year, m, e))
		goto out;
	if (n != m->ncriteria) {
		err_add(e, ERR_INPUT, 0, "met", NULL, NULL,
			"the model %s (version %d, in force for %d) has %zu criteria; say for each, "
			"in its order, whether it was met (1) or not (0)", m->code, m->version, year,
			m->ncriteria);
		goto out;
	}
	if (counted_check(a, &o, m, year, met, e))
		goto out;
	for (i = 0; i < n; i++) {
		size_t len = strlen(list);

		nmet += !!met[i];
		snprintf(list + len, sizeof list - len, "%s%d", i ? "," : "", !!met[i]);
	}
	if (store_emulation_rate(a->st, o.id, year, m->id, list, nmet >= m->required, ac->name,
				 &rid, e))
		goto out;
	if (id)
		*id = rid;
	snprintf(subject, sizeof subject, "org:%s", o.code);
	after = app_json("{s:s,s:i,s:i,s:s,s:i,s:i,s:b}", "model", m->code, "version", m->version,
			 "year", year, "met", list, "criteria_met", (int)nmet, "required",
			 m->required, "earned", nmet >= m->required);
	app_audit(a, ac, "emulation.rate", subject, o.id, NULL, after, e);
	free(after);
out:
	free(m);
	return app_end(a, e->code, e);
}

/* ---- listing the ratings --------------------------------------------------------------- */

struct rating_fwd {
	struct app *a;
	struct in_force_cache c;
	struct emulation_rating_rec r;
	emulation_rating_cb cb;
	void *ctx;
};

static int rating_forward(void *ctx, const struct emulation_rating_row *w)
{
	struct rating_fwd *f = ctx;
	struct emulation_rating_rec *r = &f->r;
	const char *p;
	size_t i = 0;

	memset(r, 0, sizeof *r);
	r->id = w->id;
	snprintf(r->org_code, sizeof r->org_code, "%s", w->org_code);
	snprintf(r->org_name, sizeof r->org_name, "%s", w->org_name);
	r->year = w->year;
	for (p = w->met; *p && i < EMULATION_CRITERIA_MAX; p++)
		if (*p == '0' || *p == '1') {
			r->met[i] = *p == '1';
			r->nmet += r->met[i++];
		}
	r->earned = w->earned;
	r->current = w->current;
	snprintf(r->by, sizeof r->by, "%s", w->by);
	snprintf(r->at, sizeof r->at, "%s", w->at);
	rec_from_row(&w->model, in_force_id(f->a, &f->c, w->model.code), &r->model);
	return f->cb(f->ctx, r);
}

enum err_code app_emulation_ratings(struct app *a, const struct actor *ac, const char *org_code,
				    int year, emulation_rating_cb cb, void *ctx, struct err *e)
{
	struct rating_fwd *f;
	long pre, last;
	enum err_code rc;

	/* Dissolved organisations too: their ratings are history. */
	if (app_subtree(a, ac, org_code, 1, &pre, &last, e))
		return e->code;
	f = xcalloc(1, sizeof *f);
	f->a = a;
	f->cb = cb;
	f->ctx = ctx;
	rc = store_emulation_ratings(a->st, pre, last, year, rating_forward, f, e);
	free(f);
	return rc;
}
