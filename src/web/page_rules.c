/* page_rules.c - GET /rules: every rule cadre enforces with all its versions (the value, the
 * date from which it applies, the document that sets it, what it means), the version in force
 * today marked; and for a system administrator the form adding a newer version (POST /rules,
 * app_rule_add): older acts keep being judged by the version in force on their date. */
#include <string.h>

#include "../lib/mem.h"
#include "page_form.h"
#include "pages.h"

static const char *const shown[] = {"id", "value", "from", "source", "description", NULL};

/* Whether the actor is a system administrator over the whole tree (the app layer refuses
 * anyone else; the page only spares them a form they cannot send). */
static int is_sys_admin(const struct req *r)
{
	return r->actor.role == ROLE_SYS_ADMIN && !r->actor.scope_code[0];
}

static void rules_table(struct req *r)
{
	const struct ruleset *rs = &r->app->rules;
	size_t i;

	H(r, "<table class=\"rules\" id=\"rules\" tabindex=\"0\"><thead><tr><th>");
	TR(r, "Rule");
	H(r, "</th><th class=\"n\">");
	TR(r, "Version");
	H(r, "</th><th>");
	TR(r, "Value");
	H(r, "</th><th>");
	TR(r, "In force from");
	H(r, "</th><th>");
	TR(r, "Source document");
	H(r, "</th><th>");
	TR(r, "Meaning");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < rs->n; i++) {
		const struct rule_version *v = &rs->v[i];
		const struct rule_version *now = ruleset_find(rs, v->id, r->app->today);
		int first = !i || strcmp(rs->v[i - 1].id, v->id);

		H(r, "<tr");
		if (first) {
			H(r, " id=\"rule-");
			A(r, v->id);
			H(r, "\"");
		}
		if (now == v)
			H(r, " class=\"in-force\"");
		H(r, "><td><code>");
		T(r, v->id);
		H(r, "</code></td><td class=\"n\">");
		N(r, v->version);
		H(r, "</td><td class=\"value\"><code>");
		T(r, v->value);
		H(r, "</code>");
		if (now == v) {
			H(r, " <span class=\"flag\">");
			TR(r, "in force today");
			H(r, "</span>");
		} else if (v->effective_from > r->app->today) {
			H(r, " <span class=\"flag\">");
			TR(r, "not yet in force");
			H(r, "</span>");
		}
		H(r, "</td><td>");
		D(r, v->effective_from);
		H(r, "</td><td>");
		T(r, v->source);
		H(r, "</td><td>");
		T(r, v->description);
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

static int holiday_row(void *ctx, const struct holiday *h)
{
	struct req *r = ctx;

	H(r, "<tr><td>");
	D(r, h->day);
	H(r, "</td><td>");
	T(r, h->name);
	H(r, "</td></tr>\n");
	return 0;
}

/* The public holidays of this year, which working-day deadlines skip besides weekends
 * (R-TRANSFER-COMPLETE-WORKING-DAYS, R-TRANSFER-PRESENT-DAYS); a system administrator edits
 * them with 'cadre holiday' or the API. */
static void holidays_section(struct req *r)
{
	int y, m, d;

	date_to_ymd(r->app->today, &y, &m, &d);
	H(r, "<h2 id=\"holidays\">");
	TR(r, "Public holidays");
	H(r, " ");
	N(r, y);
	H(r, "</h2>\n<p>");
	TR(r, "Working days skip weekends and these days (the deadlines of transfers are counted "
	      "in working days).");
	H(r, "</p>\n<table class=\"holidays\" id=\"holiday-list\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Holiday");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_holiday_list(r->app, &r->actor, y, holiday_row, r, &r->e))
		err_clear(&r->e); /* the rules still show; the table stays empty */
	H(r, "</tbody></table>\n");
}

static void rules_page(struct req *r, int post)
{
	const struct ruleset *rs = &r->app->rules;
	struct form_option *ids;
	size_t i, n = 0;

	page_begin(r, _(r, "Rules"));
	H(r, "<p>");
	TR(r, "Every threshold, list and deadline the records are checked against is a rule "
	      "with versions; an act is judged by the version in force on its date.");
	H(r, " <a id=\"emulation-models\" href=\"/emulation\">");
	TR(r, "Emulation models");
	H(r, "</a></p>\n");
	if (is_sys_admin(r)) {
		ids = xcalloc(rs->n + 2, sizeof *ids);
		ids[n++] = (struct form_option){"", ""};
		for (i = 0; i < rs->n; i++)
			if (!i || strcmp(rs->v[i - 1].id, rs->v[i].id)) {
				ids[n].value = rs->v[i].id;
				ids[n++].label = rs->v[i].id;
			}
		H(r, "<h2>");
		TR(r, "Add a newer version of a rule");
		H(r, "</h2>\n");
		form_errors(r, shown);
		H(r, "<form method=\"post\" class=\"record\" id=\"rule-form\" action=\"/rules\">");
		form_csrf(r);
		form_select(r, _(r, "Rule"), "id", ids, post ? form_value(r, "id") : "", 1);
		form_input(r, _(r, "New value"), "value", "text", post ? form_value(r, "value") : "",
			   1);
		form_input(r, _(r, "In force from"), "from", "date",
			   post ? form_value(r, "from") : "", 1);
		form_input(r, _(r, "Source document"), "source", "text",
			   post ? form_value(r, "source") : "", 1);
		form_input(r, _(r, "Meaning (empty: as before)"), "description", "text",
			   post ? form_value(r, "description") : "", 0);
		H(r, "<button type=\"submit\" id=\"submit\">");
		TR(r, "Add the version");
		H(r, "</button></form>\n");
		free(ids);
	}
	H(r, "<h2>");
	TR(r, "Rules and their versions");
	H(r, "</h2>\n");
	rules_table(r);
	holidays_section(r);
	page_end(r);
}

/* GET /rules */
void web_rules(struct req *r)
{
	rules_page(r, 0);
}

/* POST /rules: id, value, from, source, description. */
void web_rules_post(struct req *r)
{
	const char *id = form_value(r, "id");
	date_t from = form_date(r, "from");
	int version = 0;
	struct buf loc;

	/* Anyone else is refused by the app layer, before any field is looked at. */
	if (!id[0] && is_sys_admin(r))
		err_add(&r->e, ERR_INPUT, 0, "id", NULL, NULL, "%s", _(r, "Choose the rule."));
	if (r->e.code || app_rule_add(r->app, &r->actor, id, form_value(r, "value"), from,
				      form_value(r, "source"), form_value(r, "description"),
				      &version, &r->e)) {
		/* A rule that does not exist is a mistake in the field, not a missing page. */
		if (r->e.code == ERR_NOTFOUND)
			r->e.code = ERR_INPUT;
		if (!form_fail_page(r))
			rules_page(r, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/rules#rule-");
	web_url_arg(&loc, id);
	form_done_flash(r, buf_str(&loc), "rule-added", 0);
	buf_cleanup(&loc);
}
