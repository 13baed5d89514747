/* page_form_committee.c - the committee forms of an organisation (docs/cadres.md "Imports and
 * lists"): GET and POST /orgs/{code}/cadres/committee, three forms on one page: a committee
 * for a term (the seats set by the upper committee), members seated (several at once, all or
 * nothing), a member leaving. The app layer checks it all (R-COMMITTEE-TERM-YEARS, the rolls,
 * one secretary, the seats); a refusal comes back beside its field. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres.h"
#include "page_form.h"
#include "pages.h"

#define SEAT_ROWS 6

static const struct form_option role_opts[] = {
	{"", ""},
	{"secretary", N_("secretary")},
	{"deputy_secretary", N_("deputy_secretary")},
	{"standing_member", N_("standing_member")},
	{"member", N_("member")},
	{NULL, NULL},
};
static const struct form_option how_opts[] = {
	{"election", N_("Election (the congress's results)")},
	{"appointment", N_("Appointment by the upper committee")},
	{NULL, NULL},
};

static const char *const shown[] = {
	"term_start", "seats", "standing_seats", "decision", "body", "seat_committee",
	"member_1", "role_1", "member_2", "role_2", "member_3", "role_3", "member_4", "role_4",
	"member_5", "role_5", "member_6", "role_6", "how", "seat_decision", "seat_on",
	"leave_committee", "leave_member", "leave_on", "reason", NULL,
};

/* The organisation's committees as the choices of a select (labels "from – to"). */
struct terms {
	struct form_option opt[24];
	char label[24][2 * DATE_STR + 8], value[24][24];
	size_t n;
};

static int term_opt(void *ctx, const struct committee *c)
{
	struct terms *t = ctx;
	char a[DATE_STR], b[DATE_STR];

	if (t->n >= 23)
		return 1;
	snprintf(t->value[t->n], sizeof t->value[t->n], "%lld", (long long)c->id);
	snprintf(t->label[t->n], sizeof t->label[t->n], "%s – %s", date_format(c->term_start, a),
		 date_format(c->term_end, b));
	t->opt[t->n].value = t->value[t->n];
	t->opt[t->n].label = t->label[t->n];
	t->n++;
	return 0;
}

static const char *kept(struct req *r, int post, const char *name)
{
	return post ? form_value(r, name) : "";
}

static void committee_forms(struct req *r, const struct org *o, int post)
{
	struct terms t;
	struct buf title;
	struct err tmp;
	int i;

	memset(&t, 0, sizeof t);
	err_init(&tmp);
	app_committees(r->app, &r->actor, o->code, term_opt, &t, &tmp);
	err_cleanup(&tmp);
	t.opt[t.n].value = NULL;
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Committee"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o->code, _(r, "Committee"));
	form_errors(r, shown);

	H(r, "<h2>");
	TR(r, "A committee for a term");
	H(r, "</h2>\n<form method=\"post\" class=\"record\" id=\"committee-add\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres/committee\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"action\" value=\"add\">");
	form_input(r, _(r, "First day of the term (the congress)"), "term_start", "date",
		   kept(r, post, "term_start"), 1);
	form_input(r, _(r, "Seats set by the upper committee"), "seats", "number",
		   kept(r, post, "seats"), 1);
	form_input(r, _(r, "Standing committee seats"), "standing_seats", "number",
		   kept(r, post, "standing_seats"), 0);
	form_input(r, _(r, "Decision number"), "decision", "text", kept(r, post, "decision"), 0);
	form_input(r, _(r, "Upper committee that set the seats (code)"), "body", "text",
		   kept(r, post, "body"), 0);
	H(r, "<button type=\"submit\" id=\"submit-add\">");
	TR(r, "Add the committee");
	H(r, "</button></form>\n");

	if (!t.n) {
		H(r, "<p id=\"no-committee\">");
		TR(r, "No committee yet: add one for its term first.");
		H(r, "</p>\n");
		page_end(r);
		return;
	}
	H(r, "<h2>");
	TR(r, "Seat members");
	H(r, "</h2>\n<form method=\"post\" class=\"record\" id=\"committee-seat\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres/committee\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"action\" value=\"seat\">");
	form_select(r, _(r, "Term"), "seat_committee", t.opt, kept(r, post, "seat_committee"), 1);
	for (i = 1; i <= SEAT_ROWS; i++) {
		char m[24], ro[24];

		snprintf(m, sizeof m, "member_%d", i);
		snprintf(ro, sizeof ro, "role_%d", i);
		form_input(r, _(r, "Member (id)"), m, "text", kept(r, post, m), 0);
		form_select(r, _(r, "Role"), ro, role_opts, kept(r, post, ro), 0);
	}
	form_select(r, _(r, "How"), "how", how_opts, post ? form_value(r, "how") : "election", 1);
	form_input(r, _(r, "Decision number (an appointment)"), "seat_decision", "text",
		   kept(r, post, "seat_decision"), 0);
	form_input(r, _(r, "Seated from (empty: the term's first day)"), "seat_on", "date",
		   kept(r, post, "seat_on"), 0);
	H(r, "<button type=\"submit\" id=\"submit-seat\">");
	TR(r, "Seat them");
	H(r, "</button></form>\n");

	H(r, "<h2>");
	TR(r, "A member leaves the committee");
	H(r, "</h2>\n<form method=\"post\" class=\"record\" id=\"committee-leave\" action=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres/committee\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"action\" value=\"leave\">");
	form_select(r, _(r, "Term"), "leave_committee", t.opt, kept(r, post, "leave_committee"),
		    1);
	form_input(r, _(r, "Member (id)"), "leave_member", "text", kept(r, post, "leave_member"),
		   1);
	form_input(r, _(r, "Leaves on (empty: today)"), "leave_on", "date",
		   kept(r, post, "leave_on"), 0);
	form_input(r, _(r, "Reason"), "reason", "text", kept(r, post, "reason"), 1);
	H(r, "<button type=\"submit\" id=\"submit-leave\">");
	TR(r, "Record the departure");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/cadres\">");
	TR(r, "Cancel");
	H(r, "</a></form>\n");
	page_end(r);
}

/* GET /orgs/{code}/cadres/committee */
void web_committee_forms_get(struct req *r)
{
	struct org o;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	committee_forms(r, &o, 0);
}

/* A whole number of a form field (0 and a problem in r->e when not one). */
static long long form_id(struct req *r, const char *name, const char *what)
{
	const char *v = form_value(r, name);
	char *end;
	long long n = strtoll(v, &end, 10);

	if (!v[0] || *end || n <= 0) {
		err_add(&r->e, ERR_INPUT, 0, name, NULL, NULL, "%s", what);
		return 0;
	}
	return n;
}

/* Rename the field of the problems from index from on: the app's word to the form's. */
static void rename_fields(struct req *r, size_t from, const char *const map[][2])
{
	size_t i, k;

	for (i = from; i < r->e.n; i++) {
		struct err_item *it = &r->e.items[i];

		if (!strcmp(it->field, "member") || !strcmp(it->field, "role")) {
			/* a seat's problem carries its row as its line */
			if (it->line > 0 && it->line <= SEAT_ROWS && map == NULL) {
				const char *base = it->field[0] == 'm' ? "member" : "role";

				snprintf(it->field, sizeof it->field, "%s_%d", base, (int)it->line);
				it->line = 0;
				continue;
			}
		}
		for (k = 0; map && map[k][0]; k++)
			if (!strcmp(it->field, map[k][0])) {
				snprintf(it->field, sizeof it->field, "%s", map[k][1]);
				break;
			}
	}
}

static const char *const seat_map[][2] = {
	{"decision", "seat_decision"}, {"on", "seat_on"}, {"members", "member_1"}, {NULL, NULL},
};
static const char *const leave_map[][2] = {
	{"member", "leave_member"}, {"on", "leave_on"}, {"committee", "leave_committee"},
	{NULL, NULL},
};

/* The seats of the form's rows (empty rows skipped); each row's problems name its fields.
 * Returns how many; rows[k] is form row row_of[k]. */
static size_t read_seats(struct req *r, struct committee_seat *s, long *row_of)
{
	size_t n = 0;
	int i;

	for (i = 1; i <= SEAT_ROWS; i++) {
		char m[24], ro[24];
		long long id;

		snprintf(m, sizeof m, "member_%d", i);
		snprintf(ro, sizeof ro, "role_%d", i);
		if (!form_value(r, m)[0] && !form_value(r, ro)[0])
			continue;
		id = form_id(r, m, _(r, "Give the member's id (a whole number)."));
		if (!form_value(r, ro)[0])
			err_add(&r->e, ERR_INPUT, 0, ro, NULL, NULL, "%s", _(r, "Choose the role."));
		s[n].member_id = (int64_t)id;
		s[n].role = form_value(r, ro);
		row_of[n] = i;
		n++;
	}
	if (!n && !r->e.code)
		err_add(&r->e, ERR_INPUT, 0, "member_1", NULL, NULL, "%s",
			_(r, "Give at least one member and the role."));
	return n;
}

/* POST /orgs/{code}/cadres/committee: action add (term_start, seats, standing_seats,
 * decision, body), seat (seat_committee, member_N, role_N, how, seat_decision, seat_on) or
 * leave (leave_committee, leave_member, leave_on, reason). */
void web_committee_forms_post(struct req *r)
{
	const char *act = form_value(r, "action");
	struct cadre_decision d = {NULL, DATE_NONE, NULL};
	struct committee c;
	struct org o;
	struct buf loc;
	const char *flash = "committee-added";
	enum err_code rc = ERR_OK;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		form_fail_page(r);
		return;
	}
	if (form_read_only(r))
		return;
	if (!strcmp(act, "add")) {
		char *end;
		const char *sv = form_value(r, "seats"), *ss = form_value(r, "standing_seats");
		long seats = strtol(sv, &end, 10), standing = 0;
		date_t start = form_date(r, "term_start");

		if (!sv[0] || *end)
			seats = 0;
		if (ss[0]) {
			standing = strtol(ss, &end, 10);
			if (*end || standing < 0)
				err_add(&r->e, ERR_INPUT, 0, "standing_seats", NULL, NULL, "%s",
					_(r, "Give a whole number."));
		}
		d.number = form_value(r, "decision");
		d.body_code = form_value(r, "body");
		if (!r->e.code)
			rc = app_committee_add(r->app, &r->actor, o.code, start, seats, standing, &d,
					       &c, &r->e);
		if (r->e.code == ERR_NOTFOUND)
			r->e.code = ERR_INPUT;
	} else if (!strcmp(act, "seat")) {
		struct committee_seat s[SEAT_ROWS];
		long row_of[SEAT_ROWS];
		size_t n, from, i;
		long long cid = form_id(r, "seat_committee", _(r, "Choose the term."));
		date_t on = form_date(r, "seat_on");

		n = read_seats(r, s, row_of);
		from = r->e.n;
		if (!r->e.code)
			rc = app_committee_fill(r->app, &r->actor, (int64_t)cid, s, n, on,
						form_value(r, "how")[0] ? form_value(r, "how")
									: "election",
						form_value(r, "seat_decision"),
						&r->e);
		/* the app numbers the seats 1..n; the form's rows may skip empty ones */
		for (i = from; i < r->e.n; i++)
			if (r->e.items[i].line > 0 && (size_t)r->e.items[i].line <= n)
				r->e.items[i].line = row_of[r->e.items[i].line - 1];
		rename_fields(r, from, NULL);
		rename_fields(r, from, seat_map);
		if (r->e.code == ERR_NOTFOUND && r->e.n > from)
			r->e.code = ERR_INPUT;
		flash = "committee-seated";
	} else if (!strcmp(act, "leave")) {
		long long cid = form_id(r, "leave_committee", _(r, "Choose the term."));
		long long mid = form_id(r, "leave_member", _(r, "Give the member's id (a whole number)."));
		size_t from = r->e.n;

		if (!r->e.code)
			rc = app_committee_leave(r->app, &r->actor, (int64_t)cid, (int64_t)mid,
						 form_date(r, "leave_on"), form_value(r, "reason"),
						 &r->e);
		rename_fields(r, from, leave_map);
		flash = "committee-left";
	} else {
		err_add(&r->e, ERR_INPUT, 0, "action", NULL, NULL, "%s", _(r, "Choose the change."));
	}
	if (rc || r->e.code) {
		if (!form_fail_page(r))
			committee_forms(r, &o, 1);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/orgs/");
	web_url_arg(&loc, o.code);
	buf_adds(&loc, "/cadres");
	form_done_flash(r, buf_str(&loc), flash, 0);
	buf_cleanup(&loc);
}
