/* page_form_admission.c - a case of admission on the pages (issue 11, DOMAIN §5): its record
 * (GET /admissions/{id}[?step=S]: the person, the stage, the next deadline and the timeline of
 * its steps, each with its date, body, counts, number, who recorded it and when) with the form
 * of the next step, or of another step the stage allows (withdrawal); the post of a step (POST
 * /admissions/{id}/steps), every error beside its field with its rule's ID and nothing written;
 * the form adding a candidate to a cell (GET/POST /admissions/new?org=CODE); and the case of a
 * probationary member from the member's record (POST /members/{id}/admission). */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/buf.h"
#include "../lib/mem.h"
#include "page_admission.h"
#include "page_form.h"
#include "pages.h"

/* ---- the organisations a case's steps involve ------------------------------------------- */

/* The case's cell, its grassroots organisation and the committee above, as far as the user
 * sees them (*_seen 0: above the user's scope; the step is then recorded by someone else). */
struct adm_bodies {
	struct org cell, grassroots, above;
	int cell_seen, grassroots_seen, above_seen;
};

static void bodies_find(struct req *r, const struct admission *c, struct adm_bodies *b)
{
	struct err tmp;

	memset(b, 0, sizeof *b);
	err_init(&tmp);
	b->cell_seen = !app_org_get(r->app, &r->actor, c->p.org_code, &b->cell, &tmp);
	err_clear(&tmp);
	if (b->cell_seen && b->cell.kind == OK_GRASSROOTS) {
		b->grassroots = b->cell;
		b->grassroots_seen = 1;
	} else if (b->cell_seen && b->cell.parent_code[0]) {
		b->grassroots_seen =
			!app_org_get(r->app, &r->actor, b->cell.parent_code, &b->grassroots, &tmp);
		err_clear(&tmp);
	}
	if (b->grassroots_seen && b->grassroots.parent_code[0]) {
		b->above_seen =
			!app_org_get(r->app, &r->actor, b->grassroots.parent_code, &b->above, &tmp);
	}
	err_cleanup(&tmp);
}

/* Whether the user may record step k for the case (the app decides again): an editor, and
 * for the bodies above the cell a role that sees them. */
static int may_record(struct req *r, const struct adm_bodies *b, int k)
{
	struct err tmp;
	int can;

	err_init(&tmp);
	can = !app_can_edit(&r->actor, &tmp);
	err_cleanup(&tmp);
	if (!can)
		return 0;
	switch (k) {
	case ASK_COMMITTEE_VOTE: return b->grassroots_seen;
	case ASK_DECISION:
	case ASK_UPPER_RULING: return b->above_seen;
	default: return b->cell_seen;
	}
}

/* The steps the stage allows now, the next one first; returns how many (into k[]). */
static int steps_allowed(const struct admission *c, int k[3])
{
	int n = 0, next = adm_web_next_step(c);

	if (next >= 0)
		k[n++] = next;
	/* The class can be taken again after a failed result; a failed vote again later: the
	 * next step is the same then. A case is withdrawn before the ceremony only. */
	if (c->stage <= AST_DECIDED)
		k[n++] = ASK_WITHDRAWAL;
	return n;
}

/* ---- the fields of each step ---------------------------------------------------------- */

static const struct form_option result_opts[] = {
	{"", ""}, {"passed", N_("Passed")}, {"failed", N_("Not passed")}, {NULL, NULL},
};
static const struct form_option cleared_opts[] = {
	{"", ""}, {"passed", N_("Cleared")}, {"failed", N_("Not cleared")}, {NULL, NULL},
};
static const struct form_option decision_opts[] = {
	{"", ""}, {"passed", N_("Admitted")}, {"failed", N_("Not admitted")}, {NULL, NULL},
};
static const struct form_option ruling_opts[] = {
	{"", ""},
	{"passed", N_("Recognised as official")},
	{"failed", N_("Removed from the rolls")},
	{NULL, NULL},
};

/* A field of a step's form: name (as posted and as the app names it), label, input type
 * ("text", "date", "number"; NULL: a select of opts; "member": a select of the cell's
 * official members), required. */
struct step_field {
	const char *name, *label, *type;
	const struct form_option *opts;
	int required;
};

#define F_DATE {"date", N_("Date"), "date", NULL, 1}
#define F_VOTES                                                                             \
	{"present", N_("Present"), "number", NULL, 1}, {"for", N_("For"), "number", NULL, 1},   \
	{"against", N_("Against"), "number", NULL, 1}
#define F_END {NULL, NULL, NULL, NULL, 0}

static const struct step_field f_class[] = {
	F_DATE,
	{"course", N_("Course"), "text", NULL, 1},
	{"from", N_("First day of the class"), "date", NULL, 0},
	{"certificate", N_("Certificate number"), "text", NULL, 0},
	{"result", N_("Result"), NULL, result_opts, 1},
	F_END,
};
static const struct step_field f_application[] = {
	F_DATE,
	{"introducer1", N_("First introducer"), "member", NULL, 1},
	{"since1", N_("Has worked with the applicant since"), "date", NULL, 1},
	{"introducer2", N_("Second introducer"), "member", NULL, 0},
	{"since2", N_("Has worked with the applicant since"), "date", NULL, 0},
	{"resolution", N_("Youth Union committee's resolution (instead of a second introducer)"),
	 "text", NULL, 0},
	F_END,
};
static const struct step_field f_verification[] = {
	F_DATE,
	{"verifier", N_("Verified by"), "text", NULL, 1},
	{"conclusion", N_("Conclusion"), "text", NULL, 1},
	{"result", N_("Result"), NULL, cleared_opts, 1},
	F_END,
};
static const struct step_field f_cell_vote[] = {F_DATE, F_VOTES, F_END};
static const struct step_field f_committee_vote[] = {
	F_DATE,
	{"members", N_("Members of the committee"), "number", NULL, 1},
	F_VOTES,
	F_END,
};
static const struct step_field f_decision[] = {
	F_DATE,
	{"number", N_("Decision number"), "text", NULL, 1},
	{"body", N_("Deciding body (code)"), "text", NULL, 1},
	{"result", N_("Decision"), NULL, decision_opts, 1},
	F_END,
};
static const struct step_field f_ceremony[] = {
	F_DATE,
	{"mentor", N_("Mentor (an official member of the cell)"), "member", NULL, 1},
	F_END,
};
static const struct step_field f_upper_ruling[] = {
	F_DATE,
	{"number", N_("Decision number"), "text", NULL, 1},
	{"result", N_("Ruling"), NULL, ruling_opts, 1},
	{"reason", N_("Reason"), "text", NULL, 0},
	F_END,
};
static const struct step_field f_withdrawal[] = {
	F_DATE,
	{"reason", N_("Reason"), "text", NULL, 1},
	F_END,
};

static const struct step_field *step_fields(int k)
{
	switch (k) {
	case ASK_CLASS: return f_class;
	case ASK_APPLICATION: return f_application;
	case ASK_VERIFICATION: return f_verification;
	case ASK_CELL_VOTE:
	case ASK_RECOGNITION_VOTE: return f_cell_vote;
	case ASK_COMMITTEE_VOTE: return f_committee_vote;
	case ASK_DECISION: return f_decision;
	case ASK_CEREMONY: return f_ceremony;
	case ASK_UPPER_RULING: return f_upper_ruling;
	case ASK_WITHDRAWAL: return f_withdrawal;
	default: return NULL;
	}
}

/* ---- the cell's official members (introducers, mentors) ----------------------------------- */

#define MEMBERS_MAX 300

struct official {
	int64_t id;
	char name[VNAME_MAX + 1];
};

struct officials {
	const char *cell;
	struct official *v;
	size_t n;
};

static int official_add(void *ctx, const struct member *m)
{
	struct officials *o = ctx;

	/* Hosted members of another roll are not the cell's. */
	if (strcmp(m->org_code, o->cell) || o->n >= MEMBERS_MAX)
		return 0;
	o->v[o->n].id = m->id;
	snprintf(o->v[o->n].name, sizeof o->v[o->n].name, "%s", m->full_name);
	o->n++;
	return 0;
}

static void officials_read(struct req *r, const char *cell, struct officials *o)
{
	struct roll_query q;
	struct err tmp;
	long total = 0;

	memset(&q, 0, sizeof q);
	q.status = "official";
	q.sort = "name";
	o->cell = cell;
	o->n = 0;
	o->v = xcalloc(MEMBERS_MAX, sizeof *o->v);
	err_init(&tmp);
	if (app_member_roll(r->app, &r->actor, cell, &q, 0, MEMBERS_MAX, official_add, o, &total,
			    &tmp))
		o->n = 0;
	err_cleanup(&tmp);
}

/* A select of the cell's official members (value: the member's id); a value sent that is
 * none of them is kept as a choice, so that the error beside it makes sense. */
static void member_select(struct req *r, const struct step_field *f, const char *value,
			  const struct officials *o)
{
	const struct err_item *it = field_err(r, f->name);
	size_t i;
	int found = 0;
	char id[24];

	field_open(r, web_tr(r, f->label), f->name, it);
	H(r, "<select id=\"f-");
	A(r, f->name);
	H(r, "\" name=\"");
	A(r, f->name);
	H(r, "\"");
	if (f->required)
		H(r, " required");
	field_aria(r, f->name, it);
	H(r, "><option value=\"\"></option>");
	for (i = 0; i < o->n; i++) {
		snprintf(id, sizeof id, "%lld", (long long)o->v[i].id);
		H(r, "<option value=\"");
		A(r, id);
		H(r, "\"");
		if (!strcmp(id, value)) {
			H(r, " selected");
			found = 1;
		}
		H(r, ">");
		T(r, o->v[i].name);
		H(r, " (");
		T(r, id);
		H(r, ")</option>");
	}
	if (!found && value[0]) {
		H(r, "<option value=\"");
		A(r, value);
		H(r, "\" selected>");
		T(r, value);
		H(r, "</option>");
	}
	H(r, "</select>");
	field_close(r, f->name, it);
}

/* ---- the record ------------------------------------------------------------------------- */

static void dt(struct req *r, const char *label)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
}

static void row_text(struct req *r, const char *label, const char *value)
{
	if (!value || !value[0])
		return;
	dt(r, label);
	T(r, value);
	H(r, "</dd>");
}

/* A member by id as a link named after the member when the user sees the record. */
static void member_named(struct req *r, int64_t id)
{
	struct member m;
	struct err tmp;

	err_init(&tmp);
	if (!app_member_get(r->app, &r->actor, id, &m, &tmp))
		web_member_link(r, m.id, m.full_name);
	else
		N(r, id);
	err_cleanup(&tmp);
}

static void case_record(struct req *r, const struct admission *c)
{
	static const char *const person[] = {"ethnicity", "religion", "hometown", "citizen_id",
					     "education", "theory_level", "rank", "category",
					     "post", "phone", NULL};
	int next = adm_web_next_step(c), i;
	struct member p = c->p;

	H(r, "<dl class=\"record\" id=\"case\">");
	dt(r, _(r, "Stage"));
	H(r, "<span id=\"stage\">");
	T(r, adm_web_stage(r, c->stage));
	H(r, "</span>");
	if (c->stage_since != DATE_NONE) {
		H(r, " (");
		TR(r, "since");
		H(r, " ");
		D(r, c->stage_since);
		H(r, ")");
	}
	H(r, "</dd>");
	if (next >= 0) {
		dt(r, _(r, "Next step"));
		H(r, "<span id=\"next\">");
		T(r, adm_web_step(r, next));
		H(r, "</span> ");
		adm_web_deadline(r, c, r->app->today);
		H(r, "</dd>");
	}
	if (c->failed_votes > 0) {
		dt(r, _(r, "Failed recognition votes"));
		H(r, "<span id=\"failed-votes\">");
		N(r, c->failed_votes);
		H(r, "</span></dd>");
	}
	dt(r, _(r, "Cell"));
	adm_web_org(r, c->p.org_code);
	H(r, "</dd>");
	dt(r, _(r, "Source"));
	T(r, adm_web_source(r, c->source));
	H(r, "</dd>");
	dt(r, _(r, "Listed on"));
	D(r, c->listed_on);
	H(r, "</dd>");
	if (c->member_id > 0) {
		dt(r, _(r, "Member record"));
		member_named(r, c->member_id);
		H(r, "</dd>");
	}
	if (c->mentor_id > 0) {
		dt(r, _(r, "Mentor"));
		member_named(r, c->mentor_id);
		H(r, "</dd>");
	}
	if (c->former_member_id > 0) {
		dt(r, _(r, "Re-admission of the former member"));
		member_named(r, c->former_member_id);
		H(r, "</dd>");
	}
	row_text(r, _(r, "Sex"), p.sex[0] ? web_word(r, p.sex) : "");
	if (p.birth_date != DATE_NONE) {
		int months = adm_age_months(p.birth_date, r->app->today);

		dt(r, _(r, "Date of birth"));
		D(r, p.birth_date);
		H(r, " (");
		N(r, months / 12);
		H(r, " ");
		TR(r, "years");
		H(r, " ");
		N(r, months % 12);
		H(r, " ");
		TR(r, "months");
		H(r, ")</dd>");
	}
	for (i = 0; person[i]; i++) {
		size_t cap;
		const char *v = member_text_field(&p, person[i], &cap);

		if (v && v[0] && (!strcmp(person[i], "theory_level") || !strcmp(person[i], "category")))
			v = web_word(r, v);
		row_text(r, web_word(r, person[i]), v);
	}
	H(r, "</dl>\n");
}

/* ---- the timeline ----------------------------------------------------------------------- */

struct step_list {
	struct adm_step *v;
	size_t n;
};

static int step_add(void *ctx, const struct adm_step *s)
{
	struct step_list *l = ctx;

	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n++] = *s;
	return 0;
}

static void counts_text(struct req *r, const struct adm_step *s)
{
	if (s->eligible < 0 && s->present < 0 && s->votes_for < 0)
		return;
	if (s->eligible >= 0) {
		T(r, s->kind == ASK_COMMITTEE_VOTE ? _(r, "members") : _(r, "official members"));
		H(r, " ");
		N(r, s->eligible);
		H(r, ", ");
	}
	TR(r, "present");
	H(r, " ");
	N(r, s->present);
	H(r, ", ");
	TR(r, "for");
	H(r, " ");
	N(r, s->votes_for);
	H(r, ", ");
	TR(r, "against");
	H(r, " ");
	N(r, s->votes_against);
}

static void outcome_text(struct req *r, const struct adm_step *s)
{
	if (s->passed < 0)
		return;
	if (s->passed)
		H(r, "<span class=\"passed\">");
	else
		H(r, "<span class=\"failed\">");
	switch (s->kind) {
	case ASK_DECISION: T(r, s->passed ? _(r, "Admitted") : _(r, "Not admitted")); break;
	case ASK_UPPER_RULING:
		T(r, s->passed ? _(r, "Recognised as official") : _(r, "Removed from the rolls"));
		break;
	case ASK_VERIFICATION: T(r, s->passed ? _(r, "Cleared") : _(r, "Not cleared")); break;
	default: T(r, s->passed ? _(r, "Passed") : _(r, "Not passed")); break;
	}
	H(r, "</span>");
}

/* A step's detail in words: its texts under their labels, a late ceremony flagged; the
 * mentor and a re-admission's former record are shown elsewhere. */
static void detail_text(struct req *r, const char *detail)
{
	static const struct {
		const char *key, *label;
	} keys[] = {
		{"course", N_("Course")},
		{"started", N_("First day of the class")},
		{"verifier", N_("Verified by")},
		{"conclusion", N_("Conclusion")},
		{"reason", N_("Reason")},
		{"from", N_("From")},
		{NULL, NULL},
	};
	json_t *j = json_loads(detail, 0, NULL), *v;
	const char *key;
	int n = 0;
	size_t i;

	if (!json_is_object(j)) {
		json_decref(j);
		T(r, detail);
		return;
	}
	json_object_foreach(j, key, v) {
		const char *label = NULL;

		if (!strcmp(key, "mentor_id") || !strcmp(key, "former_member_id"))
			continue;
		if (n++)
			H(r, "<br>");
		if (!strcmp(key, "late")) {
			H(r, "<strong class=\"flag\">");
			TR(r, "Overdue");
			H(r, "</strong>");
			continue;
		}
		for (i = 0; keys[i].key; i++)
			if (!strcmp(keys[i].key, key))
				label = web_tr(r, keys[i].label);
		T(r, label ? label : web_word(r, key));
		H(r, ": ");
		if (json_is_string(v))
			T(r, web_code_value(r, key, json_string_value(v)));
		else if (json_is_integer(v))
			N(r, json_integer_value(v));
	}
	json_decref(j);
}

static void timeline(struct req *r, const struct step_list *l)
{
	size_t i;
	int k;

	H(r, "<h2 id=\"timeline-title\">");
	TR(r, "Steps");
	H(r, "</h2>\n<table class=\"timeline\" id=\"timeline\" tabindex=\"0\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Step");
	H(r, "</th><th>");
	TR(r, "Body");
	H(r, "</th><th>");
	TR(r, "Votes");
	H(r, "</th><th>");
	TR(r, "Outcome");
	H(r, "</th><th>");
	TR(r, "Decision or certificate number");
	H(r, "</th><th>");
	TR(r, "Detail");
	H(r, "</th><th>");
	TR(r, "Recorded by");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < l->n && !web_page_full(r); i++) {
		const struct adm_step *s = &l->v[i];

		H(r, "<tr id=\"step-");
		N(r, i + 1);
		H(r, "\" class=\"step-");
		A(r, adm_step_name(s->kind));
		H(r, "\"");
		if (s->eligible >= 0) {
			H(r, " data-eligible=\"");
			N(r, s->eligible);
			H(r, "\"");
		}
		H(r, "><td>");
		D(r, s->on);
		H(r, "</td><td>");
		T(r, adm_web_step(r, s->kind));
		H(r, "</td><td>");
		if (s->org_code[0])
			adm_web_org(r, s->org_code);
		H(r, "</td><td>");
		counts_text(r, s);
		H(r, "</td><td>");
		outcome_text(r, s);
		H(r, "</td><td>");
		T(r, s->number);
		H(r, "</td><td>");
		if (s->detail[0] && strcmp(s->detail, "{}"))
			detail_text(r, s->detail);
		for (k = 0; k < s->n_intro && k < ADM_INTRODUCERS_MAX; k++) {
			const struct adm_introducer *in = &s->intro[k];

			H(r, "<br>");
			TR(r, "Introducer:");
			H(r, " ");
			if (in->member_id > 0) {
				web_member_link(r, in->member_id, in->name[0] ? in->name : "?");
				H(r, " (");
				TR(r, "since");
				H(r, " ");
				D(r, in->worked_since);
				H(r, ")");
			} else {
				TR(r, "resolution of the Youth Union committee");
				H(r, " ");
				T(r, in->resolution);
			}
		}
		if (s->mentor_id > 0) {
			H(r, "<br>");
			TR(r, "Mentor:");
			H(r, " ");
			member_named(r, s->mentor_id);
		}
		if (s->rules[0]) {
			H(r, "<br><code class=\"rules\">");
			T(r, s->rules);
			H(r, "</code>");
		}
		H(r, "</td><td>");
		web_actor(r, s->recorded_by);
		if (s->recorded_at[0]) {
			H(r, "<br><span class=\"when\">");
			web_instant(r, s->recorded_at);
			H(r, "</span>");
		}
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

/* ---- the form of a step ----------------------------------------------------------------- */

/* The value a field shows: what was sent (post), else its default. */
static const char *field_value(struct req *r, int k, const struct step_field *f, int post,
			       const struct adm_bodies *b, char *d, size_t dn)
{
	if (post)
		return form_value(r, f->name);
	/* A decision admits unless it says otherwise. */
	if (k == ASK_DECISION && !strcmp(f->name, "result"))
		return "passed";
	if (!strcmp(f->name, "date")) {
		char s[DATE_STR];

		snprintf(d, dn, "%s", date_format(r->app->today, s));
		return d;
	}
	if (!strcmp(f->name, "body") && b->above_seen)
		return b->above.code;
	return "";
}

/* What the user should know before recording step k (the rule it is checked against). */
static void step_note(struct req *r, const struct admission *c, const struct adm_bodies *b,
		      int k)
{
	long counts[MS__COUNT], hosted = 0;
	struct err tmp;

	H(r, "<p class=\"note\" id=\"step-note\">");
	switch (k) {
	case ASK_CELL_VOTE:
	case ASK_RECOGNITION_VOTE:
		memset(counts, 0, sizeof counts);
		err_init(&tmp);
		if (!app_org_counts_on_roll(r->app, &r->actor, c->p.org_code, counts, &hosted,
					    &tmp)) {
			TR(r, "Official members of the cell today (those who vote; probationary "
			      "members do not):");
			H(r, " <b id=\"eligible\">");
			Q(r, counts[MS_OFFICIAL]);
			H(r, "</b>. ");
		}
		err_cleanup(&tmp);
		TR(r, "The vote passes when at least two thirds of the cell's official members on "
		      "the vote's date vote for; the count is taken from the roll of that day.");
		H(r, " <code>R-ADMIT-VOTE-FRACTION</code>");
		if (k == ASK_CELL_VOTE)
			H(r, " <code>R-ADMIT-AGE-MIN-MONTHS</code> <code>R-ADMIT-AGE-MAX-MONTHS</code>");
		else
			H(r, " <code>R-PROBATION-MONTHS</code> <code>R-PROBATION-FAILED-VOTES</code>");
		break;
	case ASK_COMMITTEE_VOTE:
		TR(r, "The vote passes when at least two thirds of the committee's members vote "
		      "for.");
		H(r, " <code>R-ADMIT-VOTE-FRACTION</code>");
		break;
	case ASK_APPLICATION:
		TR(r, "Two official members who have worked with the applicant for at least 12 "
		      "months; for a Youth Union member, the union committee's resolution and one "
		      "official member.");
		H(r, " <code>R-ADMIT-INTRODUCER-MONTHS</code>");
		break;
	case ASK_CEREMONY:
		TR(r, "The ceremony is held within 30 working days of the decision; it makes the "
		      "person a probationary member of the cell.");
		H(r, " <code>R-ADMIT-CEREMONY-WORKING-DAYS</code>");
		break;
	case ASK_DECISION:
	case ASK_UPPER_RULING:
		TR(r, "Recorded by a role covering the committee above the grassroots "
		      "organisation");
		if (b->above_seen) {
			H(r, ": ");
			web_org_link(r, b->above.code, b->above.name);
		}
		H(r, ".");
		break;
	default:
		TR(r, "The step is dated and kept with who recorded it; it cannot be changed "
		      "afterwards.");
		break;
	}
	H(r, "</p>\n");
}

/* The names of every field a step form shows, for form_errors (others go to the top). */
static const char *const step_shown[] = {
	"date", "course", "from", "certificate", "result", "introducer1", "since1", "introducer2",
	"since2", "resolution", "verifier", "conclusion", "present", "for", "against", "members",
	"number", "body", "mentor", "reason", NULL,
};

static void step_form(struct req *r, const struct admission *c, const struct adm_bodies *b,
		      int k, int post)
{
	const struct step_field *f = step_fields(k);
	struct officials o = {NULL, NULL, 0};
	char d[DATE_STR + 1];

	if (!f)
		return;
	H(r, "<section class=\"step-form\" id=\"step-form\"><h2>");
	T(r, adm_web_step(r, k));
	H(r, "</h2>\n");
	step_note(r, c, b, k);
	form_errors(r, step_shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"adm-step\" action=\"/admissions/");
	N(r, c->id);
	H(r, "/steps\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"step\" value=\"");
	A(r, adm_step_name((enum adm_step_kind)k));
	H(r, "\">");
	for (; f->name; f++) {
		const char *v = field_value(r, k, f, post, b, d, sizeof d);

		if (f->type && !strcmp(f->type, "member")) {
			if (!o.v)
				officials_read(r, c->p.org_code, &o);
			member_select(r, f, v, &o);
		} else if (!f->type) {
			form_select(r, web_tr(r, f->label), f->name, f->opts, v, f->required);
		} else {
			form_input(r, web_tr(r, f->label), f->name, f->type, v, f->required);
		}
	}
	free(o.v);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Record the step");
	H(r, "</button></form></section>\n");
}

/* The links to the forms of the other steps the stage allows. */
static void step_choices(struct req *r, const struct admission *c, const struct adm_bodies *b,
			 int shown)
{
	int k[3], n = steps_allowed(c, k), i, any = 0;

	for (i = 0; i < n; i++) {
		if (k[i] == shown || !may_record(r, b, k[i]))
			continue;
		if (!any++) {
			H(r, "<p class=\"other-steps\" id=\"other-steps\">");
			TR(r, "Other step:");
		}
		H(r, " <a href=\"/admissions/");
		N(r, c->id);
		H(r, "?step=");
		U(r, adm_step_name((enum adm_step_kind)k[i]));
		H(r, "#step-form\">");
		T(r, adm_web_step(r, k[i]));
		H(r, "</a>");
	}
	if (any)
		H(r, "</p>\n");
}

/* The whole record page, with the form of step k (-1: the next step's) filled from the post
 * when post is set. */
static void record_page(struct req *r, const struct admission *c, int k, int post)
{
	struct step_list l = {NULL, 0};
	struct adm_bodies b;
	struct err tmp;
	int allowed[3], n, i, ok = 0;

	bodies_find(r, c, &b);
	err_init(&tmp);
	if (app_adm_steps(r->app, &r->actor, c->id, step_add, &l, &tmp))
		l.n = 0;
	err_cleanup(&tmp);
	page_begin(r, c->p.full_name);
	web_crumbs(r, c->p.org_code, c->p.full_name);
	H(r, "<p class=\"actions\"><a class=\"action\" id=\"board-link\" href=\"/admissions?org=");
	U(r, b.grassroots_seen ? b.grassroots.code : c->p.org_code);
	H(r, "\">");
	TR(r, "The admission board");
	H(r, "</a> <a class=\"action\" href=\"/admissions/due?org=");
	U(r, c->p.org_code);
	H(r, "\">");
	TR(r, "Due and overdue");
	H(r, "</a></p>\n<p class=\"print-only\" id=\"printed\">");
	TR(r, "Admission record");
	H(r, " · ");
	T(r, b.cell_seen ? b.cell.name : c->p.org_code);
	H(r, " · ");
	TR(r, "printed by");
	H(r, " ");
	T(r, r->actor.name);
	H(r, " · ");
	D(r, r->app->today);
	H(r, "</p>\n");
	case_record(r, c);
	timeline(r, &l);
	free(l.v);
	n = steps_allowed(c, allowed);
	if (k < 0 && n)
		k = allowed[0];
	for (i = 0; i < n; i++)
		ok |= allowed[i] == k;
	/* A post refused for a step that has no form here (not at this stage, not the user's
	 * to record): its problems at the top. */
	if (r->e.n && !(ok && may_record(r, &b, k)))
		form_errors(r, NULL);
	if (!n) {
		H(r, "<p id=\"closed\">");
		TR(r, "The case is closed: no step follows.");
		H(r, "</p>\n");
	} else if (ok && may_record(r, &b, k)) {
		step_form(r, c, &b, k, post);
	} else if (ok) {
		H(r, "<p class=\"note\" id=\"not-yours\">");
		T(r, adm_web_step(r, k));
		H(r, ": ");
		TR(r, "recorded by a role covering the body that takes this step.");
		H(r, "</p>\n");
	}
	step_choices(r, c, &b, ok ? k : -1);
	page_end(r);
}

/* The case of the path: 0 with c filled, or 1 after the error page (404 for an id out of
 * sight or not a number). */
static int form_case(struct req *r, struct admission *c)
{
	int64_t id = form_path_id(r);

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such case");
	if (r->e.code || app_adm_get(r->app, &r->actor, id, c, &r->e)) {
		form_fail_page(r);
		return 1;
	}
	return 0;
}

/* GET /admissions/{id}[?step=S] */
void web_adm_record(struct req *r)
{
	struct admission c;
	const char *st = req_query(r, "step");
	int k = -1;

	if (form_case(r, &c))
		return;
	if (st && st[0] && (k = adm_step_parse(st)) < 0) {
		err_add(&r->e, ERR_USAGE, 0, "step", st, NULL, "step %s is not a step of a case", st);
		web_fail(r);
		return;
	}
	record_page(r, &c, k, 0);
}

/* ---- recording a step ------------------------------------------------------------------- */

/* A whole number of the form ("" : -1, the app then says it is missing); a problem beside
 * the field when it is not one. */
static long form_long(struct req *r, const char *name)
{
	const char *v = form_value(r, name);
	char *end;
	long n;

	if (!v[0])
		return -1;
	n = strtol(v, &end, 10);
	if (*end || n < 0 || n > 1000000) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s", _(r, "Give a whole number."));
		return -1;
	}
	return n;
}

/* A member's id chosen in a select (0 when none). */
static int64_t form_member_id(struct req *r, const char *name)
{
	const char *v = form_value(r, name);
	char *end;
	long long n;

	if (!v[0])
		return 0;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s",
			_(r, "Choose an official member of the cell."));
		return 0;
	}
	return (int64_t)n;
}

/* passed/failed of a select; -1 when none (the app says it is missing). */
static int form_result(struct req *r, const char *name)
{
	const char *v = form_value(r, name);

	if (!v[0])
		return -1;
	if (!strcmp(v, "passed"))
		return 1;
	if (!strcmp(v, "failed"))
		return 0;
	err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s", _(r, "Choose one of the choices."));
	return -1;
}

/* The detail's text fields of the step, as a JSON object. */
static void detail_put(struct req *r, json_t *j, const char *key, const char *name)
{
	const char *v = form_value(r, name);

	if (v[0])
		json_object_set_new(j, key, json_string(v));
}

/* Read the post of step k into s; problems of the form's own reading go to r->e. */
static void step_read(struct req *r, int k, struct adm_step *s)
{
	json_t *j = json_object();
	char *txt;

	memset(s, 0, sizeof *s);
	s->kind = (enum adm_step_kind)k;
	s->on = form_date(r, "date");
	s->passed = -1;
	s->eligible = s->present = s->votes_for = s->votes_against = -1;
	switch (k) {
	case ASK_CLASS:
		detail_put(r, j, "course", "course");
		if (form_date(r, "from") != DATE_NONE)
			detail_put(r, j, "started", "from");
		form_text(r, "certificate", s->number, sizeof s->number);
		s->passed = form_result(r, "result");
		break;
	case ASK_APPLICATION:
		s->intro[0].member_id = form_member_id(r, "introducer1");
		s->intro[0].worked_since = form_date(r, "since1");
		s->n_intro = 1;
		if (form_value(r, "resolution")[0]) {
			form_text(r, "resolution", s->intro[1].resolution,
				  sizeof s->intro[1].resolution);
			s->n_intro = 2;
		} else if (form_value(r, "introducer2")[0] || form_value(r, "since2")[0]) {
			s->intro[1].member_id = form_member_id(r, "introducer2");
			s->intro[1].worked_since = form_date(r, "since2");
			s->n_intro = 2;
		}
		break;
	case ASK_VERIFICATION:
		detail_put(r, j, "verifier", "verifier");
		detail_put(r, j, "conclusion", "conclusion");
		s->passed = form_result(r, "result");
		break;
	case ASK_COMMITTEE_VOTE:
		s->eligible = form_long(r, "members");
		/* fall through */
	case ASK_CELL_VOTE:
	case ASK_RECOGNITION_VOTE:
		s->present = form_long(r, "present");
		s->votes_for = form_long(r, "for");
		s->votes_against = form_long(r, "against");
		break;
	case ASK_DECISION:
		form_text(r, "number", s->number, sizeof s->number);
		form_text(r, "body", s->org_code, sizeof s->org_code);
		s->passed = form_result(r, "result");
		break;
	case ASK_CEREMONY:
		s->mentor_id = form_member_id(r, "mentor");
		break;
	case ASK_UPPER_RULING:
		form_text(r, "number", s->number, sizeof s->number);
		s->passed = form_result(r, "result");
		detail_put(r, j, "reason", "reason");
		break;
	case ASK_WITHDRAWAL:
		detail_put(r, j, "reason", "reason");
		break;
	default:
		break;
	}
	txt = json_dumps(j, JSON_COMPACT);
	if (txt && strlen(txt) < sizeof s->detail)
		memcpy(s->detail, txt, strlen(txt) + 1);
	else
		err_add(&r->e, ERR_INPUT, 0, "", NULL, NULL, "%s", _(r, "The texts are too long."));
	free(txt);
	json_decref(j);
}

/* The app names the fields of a step as the API's JSON does; the form's names for them. */
static void fields_to_form(struct req *r, int k)
{
	static const struct {
		const char *app, *form;
	} map[] = {
		{"on", "date"},
		{"votes_for", "for"},
		{"votes_against", "against"},
		{"mentor_id", "mentor"},
		{"org", "body"},
		{"passed", "result"},
		{"certificate", "certificate"},
		{NULL, NULL},
	};
	size_t i, m;

	for (i = 0; i < r->e.n; i++) {
		struct err_item *it = &r->e.items[i];

		for (m = 0; map[m].app; m++)
			if (!strcmp(it->field, map[m].app))
				snprintf(it->field, sizeof it->field, "%s", map[m].form);
		if (k == ASK_COMMITTEE_VOTE && !strcmp(it->field, "eligible"))
			snprintf(it->field, sizeof it->field, "members");
		if (k == ASK_CLASS && !strcmp(it->field, "number"))
			snprintf(it->field, sizeof it->field, "certificate");
		/* The introducers: "introducers[0].member_id", "introducer", ... */
		if (!strncmp(it->field, "introducer", 10) && strcmp(it->field, "introducer1") &&
		    strcmp(it->field, "introducer2")) {
			int second = strstr(it->field, "[1]") != NULL;
			int since = strstr(it->field, "since") != NULL;
			int resol = strstr(it->field, "resolution") != NULL;

			snprintf(it->field, sizeof it->field, "%s",
				 resol ? "resolution"
				       : since ? (second ? "since2" : "since1")
					       : (second ? "introducer2" : "introducer1"));
		}
	}
}

/* POST /admissions/{id}/steps: step, and the fields of that step's form. */
void web_adm_step_post(struct req *r)
{
	struct admission c;
	struct adm_step s;
	const char *st = form_value(r, "step");
	int k = adm_step_parse(st);
	struct buf loc;

	if (form_case(r, &c))
		return;
	if (k < 0 || k == ASK_LISTED || k == ASK_TRANSFER) {
		err_add(&r->e, ERR_USAGE, 0, "step", st, NULL, "step %s cannot be recorded here", st);
		web_fail(r);
		return;
	}
	step_read(r, k, &s);
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code || app_adm_step(r->app, &r->actor, c.id, &s, &c, &r->e)) {
		fields_to_form(r, k);
		if (!form_fail_page(r))
			record_page(r, &c, k, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/admissions/%lld#timeline", (long long)c.id);
	form_done_flash(r, buf_str(&loc), "admission-step", 0);
	buf_cleanup(&loc);
}

/* POST /members/{id}/admission: the case of a probationary member (opened when the member
 * was added or imported without one), then its record. */
void web_adm_of_member(struct req *r)
{
	struct admission c;
	int64_t id = form_path_id(r);
	struct buf loc;

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such member");
	if (r->e.code || app_adm_of_member(r->app, &r->actor, id, &c, &r->e)) {
		form_fail_page(r);
		if (r->status == 422) {
			r->status = http_status_of(ERR_RULE);
			web_error_page(r);
		}
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/admissions/%lld", (long long)c.id);
	req_redirect(r, buf_str(&loc));
	buf_cleanup(&loc);
}

/* ---- a new candidate -------------------------------------------------------------------- */

static const struct form_option sex_opts[] = {
	{"", ""}, {"male", N_("Male")}, {"female", N_("Female")}, {NULL, NULL},
};
static const struct form_option theory_opts[] = {
	{"", ""}, {"primary", N_("Primary")}, {"intermediate", N_("Intermediate")},
	{"advanced", N_("Advanced")}, {"senior", N_("Senior (degree)")}, {NULL, NULL},
};
static const struct form_option category_opts[] = {
	{"", ""}, {"officer", N_("Officer")}, {"professional", N_("Professional soldier")},
	{"soldier", N_("Soldier")}, {"worker", N_("Defence worker")}, {"militia", N_("Militia")},
	{"self_defence", N_("Self-defence force")}, {"reserve", N_("Reserve")}, {NULL, NULL},
};
static const struct form_option source_opts[] = {
	{"", ""},
	{"soldier", N_("Outstanding soldier")},
	{"squad_leader", N_("Squad leader")},
	{"youth_union", N_("Youth Union member")},
	{"other", N_("Other source")},
	{NULL, NULL},
};

/* The person's fields, as on the member form (docs/csv.md's columns), then the case's. */
static const struct step_field person_fields[] = {
	{"full_name", N_("Full name"), "text", NULL, 1},
	{"sex", N_("Sex"), NULL, sex_opts, 1},
	{"birth_date", N_("Date of birth"), "date", NULL, 1},
	{"ethnicity", N_("Ethnicity"), "text", NULL, 1},
	{"religion", N_("Religion"), "text", NULL, 0},
	{"hometown", N_("Home town"), "text", NULL, 1},
	{"citizen_id", N_("Citizen ID number"), "text", NULL, 0},
	{"education", N_("General education"), "text", NULL, 0},
	{"theory_level", N_("Political theory level"), NULL, theory_opts, 0},
	{"rank", N_("Military rank"), "text", NULL, 0},
	{"category", N_("Category"), NULL, category_opts, 0},
	{"post", N_("Post"), "text", NULL, 0},
	{"phone", N_("Phone"), "text", NULL, 0},
	{"source", N_("Source of the candidate"), NULL, source_opts, 1},
	{"listed_on", N_("Listed on"), "date", NULL, 1},
	F_END,
};

static const char *const new_shown[] = {
	"full_name", "sex", "birth_date", "ethnicity", "religion", "hometown", "citizen_id",
	"education", "theory_level", "rank", "category", "post", "phone", "source", "listed_on",
	"allow_duplicate", NULL,
};

static void new_form(struct req *r, const struct org *o, int post)
{
	const struct step_field *f;
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Add a candidate"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	H(r, "<p class=\"note\">");
	TR(r, "A candidate for admission kept by the cell. The duplicate "
	      "check compares the name and date of birth, and the citizen ID, with the members, "
	      "the former members and the open cases.");
	H(r, " <code>R-READMIT-TIMES</code> <code>R-READMIT-MONTHS</code></p>\n");
	form_errors(r, new_shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"adm-new\" action=\"/admissions/new?org=");
	U(r, o->code);
	H(r, "\">");
	form_csrf(r);
	for (f = person_fields; f->name; f++) {
		const char *v = post ? form_value(r, f->name) : "";
		char d[DATE_STR];

		if (!post && !strcmp(f->name, "listed_on"))
			v = date_format(r->app->today, d);
		if (f->opts)
			form_select(r, web_tr(r, f->label), f->name, f->opts, v, f->required);
		else
			form_input(r, web_tr(r, f->label), f->name, f->type, v, f->required);
	}
	form_checkbox(r, _(r, "Add even if the same person may be listed already"),
		      "allow_duplicate", post ? form_value(r, "allow_duplicate") : "");
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Add the candidate");
	H(r, "</button> <a href=\"/admissions?org=");
	U(r, o->code);
	H(r, "\">");
	TR(r, "Cancel");
	H(r, "</a></form>");
	page_end(r);
}

/* The organisation of ?org= (404 when out of sight): 0, or 1 after the error page. */
static int new_org(struct req *r, struct org *o)
{
	const char *org = req_query(r, "org");

	if (!org || !org[0])
		err_add(&r->e, ERR_USAGE, 0, "org", NULL, NULL,
			"org: give the code of the cell that keeps the candidate");
	if (r->e.code || app_org_get(r->app, &r->actor, org, o, &r->e)) {
		if (r->e.code == ERR_USAGE)
			web_fail(r);
		else
			form_fail_page(r);
		return 1;
	}
	return 0;
}

/* GET /admissions/new?org=CODE */
void web_adm_new_get(struct req *r)
{
	struct org o;

	if (new_org(r, &o) || form_read_only(r))
		return;
	new_form(r, &o, 0);
}

/* POST /admissions/new?org=CODE */
void web_adm_new_post(struct req *r)
{
	const struct step_field *f;
	struct admission c;
	struct org o;
	struct buf loc;
	const char *src;
	int sv;

	if (new_org(r, &o))
		return;
	memset(&c, 0, sizeof c);
	c.p.birth_date = c.p.admission_decision_date = c.p.admission_ceremony_date = DATE_NONE;
	c.p.official_date = c.p.status_since = c.p.org_since = c.p.temp_until = DATE_NONE;
	snprintf(c.p.org_code, sizeof c.p.org_code, "%s", o.code);
	for (f = person_fields; f->name; f++) {
		const char *v = form_value(r, f->name);

		if (!strcmp(f->name, "source") || !strcmp(f->name, "listed_on"))
			continue;
		if (!v[0] && !f->required)
			continue;
		member_set_field(&c.p, f->name, v, &r->e, 0);
	}
	src = form_value(r, "source");
	sv = adm_source_parse(src);
	if (sv < 0)
		err_add(&r->e, ERR_INPUT, 0, "source", src, NULL, "%s",
			_(r, "Choose the source of the candidate."));
	c.source = sv < 0 ? ASRC_OTHER : (enum adm_source)sv;
	c.listed_on = form_date(r, "listed_on");
	if (c.listed_on == DATE_NONE && !field_err(r, "listed_on"))
		err_add(&r->e, ERR_INPUT, 0, "listed_on", NULL, NULL, "%s",
			_(r, "Give the date the candidate was listed."));
	if (r->e.code && form_read_only(r))
		return;
	if (r->e.code || app_adm_add(r->app, &r->actor, &c, form_value(r, "allow_duplicate")[0] != 0,
				     &r->e)) {
		if (!form_fail_page(r))
			new_form(r, &o, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/admissions/%lld", (long long)c.id);
	form_done_flash(r, buf_str(&loc), "admission-added", 0);
	buf_cleanup(&loc);
}
