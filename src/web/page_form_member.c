/* page_form_member.c - adding a member to a roll and editing a member's record sheet: the
 * fields named by the member CSV columns (docs/csv.md), every error beside its field and
 * every typed value kept. */
#include <string.h>

#include "page_form.h"

static const struct form_option sex_opts[] = {
	{"", ""}, {"male", N_("Male")}, {"female", N_("Female")}, {NULL, NULL},
};
static const struct form_option status_opts[] = {
	{"probationary", N_("Probationary")}, {"official", N_("Official")}, {NULL, NULL},
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

/* The fields of the form, in the order of the record sheet. type: "text", "date", or NULL
 * for a select of opts. add_only: the status, which changes later through its own form. */
static const struct member_field {
	const char *name, *label, *type;
	const struct form_option *opts;
	int required, add_only;
} fields[] = {
	{"full_name", N_("Full name"), "text", NULL, 1, 0},
	{"sex", N_("Sex"), NULL, sex_opts, 1, 0},
	{"birth_date", N_("Date of birth"), "date", NULL, 1, 0},
	{"ethnicity", N_("Ethnicity"), "text", NULL, 1, 0},
	{"religion", N_("Religion"), "text", NULL, 0, 0},
	{"hometown", N_("Home town"), "text", NULL, 1, 0},
	{"citizen_id", N_("Citizen ID number"), "text", NULL, 0, 0},
	{"education", N_("General education"), "text", NULL, 0, 0},
	{"theory_level", N_("Political theory level"), NULL, theory_opts, 0, 0},
	{"rank", N_("Military rank"), "text", NULL, 0, 0},
	{"category", N_("Category"), NULL, category_opts, 0, 0},
	{"post", N_("Post"), "text", NULL, 0, 0},
	{"history_no", N_("Personal history number"), "text", NULL, 0, 0},
	{"card_no", N_("Party card number"), "text", NULL, 0, 0},
	{"phone", N_("Phone"), "text", NULL, 0, 0},
	{"admission_decision_date", N_("Date of the admission decision"), "date", NULL, 1, 0},
	{"admission_ceremony_date", N_("Date of the admission ceremony"), "date", NULL, 1, 0},
	{"official_date", N_("Date recognised as official"), "date", NULL, 0, 0},
	{"status", N_("Status"), NULL, status_opts, 1, 1},
	{NULL, NULL, NULL, NULL, 0, 0},
};

/* Every field name of the form, for form_errors (problems of other fields go to the top). */
static const char *const shown[] = {
	"full_name", "sex", "birth_date", "ethnicity", "religion", "hometown", "citizen_id",
	"education", "theory_level", "rank", "category", "post", "history_no", "card_no", "phone",
	"admission_decision_date", "admission_ceremony_date", "official_date", "status", "date",
	NULL,
};

/* The current value of field name of m as the form shows it (dates as YYYY-MM-DD), in d when
 * it is a date. */
static const char *member_value(struct member *m, const char *name, char d[DATE_STR])
{
	size_t cap;
	const char *v;

	if (!strcmp(name, "full_name"))
		return m->full_name;
	if (!strcmp(name, "status"))
		return member_status_name(m->status);
	if (!strcmp(name, "birth_date"))
		return date_format(m->birth_date, d);
	if (!strcmp(name, "admission_decision_date"))
		return date_format(m->admission_decision_date, d);
	if (!strcmp(name, "admission_ceremony_date"))
		return date_format(m->admission_ceremony_date, d);
	if (!strcmp(name, "official_date"))
		return date_format(m->official_date, d);
	v = member_text_field(m, name, &cap);
	return v ? v : "";
}

/* The fields, each with its value: from the form when it was sent (post), else from m (NULL
 * for an empty form). */
static void member_fields(struct req *r, struct member *m, int post, int add)
{
	const struct member_field *f;

	for (f = fields; f->name; f++) {
		char d[DATE_STR];
		const char *v;

		if (f->add_only && !add)
			continue;
		if (post)
			v = form_value(r, f->name);
		else if (m)
			v = member_value(m, f->name, d);
		else
			v = "";
		if (f->opts)
			form_select(r, web_tr(r, f->label), f->name, f->opts, v, f->required);
		else
			form_input(r, web_tr(r, f->label), f->name, f->type, v, f->required);
	}
}

/* ---- adding ------------------------------------------------------------------------------ */

static void new_form(struct req *r, const struct org *o, int post)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Add a member"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	form_errors(r, shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"member-form\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/members/new\">");
	form_csrf(r);
	member_fields(r, NULL, post, 1);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Add the member");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "\">");
	TR(r, "Cancel");
	H(r, "</a></form>");
	page_end(r);
}

void web_member_new_get(struct req *r)
{
	struct org o;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	new_form(r, &o, 0);
}

void web_member_new_post(struct req *r)
{
	const char *names[32], *values[32];
	size_t n = 0;
	const struct member_field *f;
	struct member m;
	struct org o;
	struct buf loc;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	names[n] = "org_code";
	values[n++] = o.code;
	for (f = fields; f->name; f++) {
		const char *v = req_form(r, f->name);

		/* An optional field left empty is not known: leave it out. */
		if (!v || (!v[0] && !f->required))
			continue;
		names[n] = f->name;
		values[n++] = v;
	}
	if (app_member_add_fields(r->app, &r->actor, names, values, n, &m, &r->e)) {
		if (!form_fail_page(r))
			new_form(r, &o, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/members/%lld", (long long)m.id);
	form_done_flash(r, buf_str(&loc), "member-added", m.id);
	buf_cleanup(&loc);
}

/* ---- editing ----------------------------------------------------------------------------- */

static void edit_form(struct req *r, struct member *m, int post)
{
	struct buf title;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Edit the record"), m->full_name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	form_errors(r, shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"member-form\" action=\"/members/");
	N(r, m->id);
	H(r, "/edit\">");
	form_csrf(r);
	member_fields(r, m, post, 0);
	form_input(r, _(r, "Date of the change (empty: today)"), "date", "date",
		   post ? form_value(r, "date") : "", 0);
	form_submit_cancel(r, _(r, "Save the changes"), m->id);
	page_end(r);
}

void web_member_edit_get(struct req *r)
{
	struct member m;

	if (form_member(r, &m))
		return;
	if (form_read_only(r))
		return;
	edit_form(r, &m, 0);
}

void web_member_edit_post(struct req *r)
{
	const char *names[32], *values[32];
	size_t n = 0;
	const struct member_field *f;
	struct member m;
	int64_t id = form_path_id(r);
	date_t date;
	struct buf loc;

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no such member");
	if (r->e.code || app_member_get(r->app, &r->actor, id, &m, &r->e)) {
		form_fail_page(r);
		return;
	}
	date = form_date(r, "date");
	/* Only the fields that changed go to the record, so its history names them alone. */
	for (f = fields; f->name; f++) {
		char d[DATE_STR];
		const char *v = req_form(r, f->name);

		if (f->add_only || !v || !strcmp(v, member_value(&m, f->name, d)))
			continue;
		names[n] = f->name;
		values[n++] = v;
	}
	if (r->e.code) {
		/* The date of the change is wrong, so the app layer is not asked: read the fields
		 * on a copy all the same, so that their problems are shown at once too. */
		struct member copy = m;
		size_t i;

		for (i = 0; i < n; i++)
			member_set_field(&copy, names[i], values[i], &r->e, 0);
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/members/%lld", (long long)id);
	/* When the app layer is not asked (a bad date, nothing changed), a role that may only
	 * read is still told so first. */
	if ((r->e.code || !n) && form_read_only(r))
		goto out;
	if (!n && !r->e.code) {
		form_done_flash(r, buf_str(&loc), "member-unchanged", id);
		goto out;
	}
	if (r->e.code || app_member_edit(r->app, &r->actor, id, names, values, n, date, &r->e)) {
		if (!form_fail_page(r))
			edit_form(r, &m, 1);
		goto out;
	}
	form_done_flash(r, buf_str(&loc), "member-edited", id);
out:
	buf_cleanup(&loc);
}
