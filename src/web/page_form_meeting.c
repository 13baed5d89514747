/* page_form_meeting.c - the meeting forms (issue 12; docs/meetings.md "Pages"): recording a
 * meeting of an organisation (GET/POST /orgs/{code}/meetings/new) and its attendance (GET/POST
 * /meetings/{id}/attendance: every member on the roll that day, present, absent with a reason
 * or absent without one). Both call the app (app_meeting_add, app_meeting_attend), which
 * checks the scope, the rules (R-MEETING-MINUTES, the roll of the day) and writes the audit
 * entry; the CSRF token is checked by the server before these handlers run (ROUTE_FORM). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_meeting.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "page_form.h"
#include "page_meeting.h"
#include "pages.h"

/* ---- recording a meeting ---------------------------------------------------------------- */

static const char *const add_shown[] = {"date", "starts", "ends", "kind", "topic", "agenda",
					"content", "chair_id", "secretary_id", "guests", NULL};

static void textarea(struct req *r, const char *label, const char *name, const char *value)
{
	const struct err_item *it = field_err(r, name);

	field_open(r, label, name, it);
	H(r, "<textarea id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\" rows=\"5\" cols=\"60\"");
	field_aria(r, name, it);
	H(r, ">");
	T(r, value ? value : "");
	H(r, "</textarea>");
	field_close(r, name, it);
}

struct roll_opts {
	struct req *r;
	const char *selected;
};

static int roll_option(void *ctx, const struct member *mb)
{
	struct roll_opts *o = ctx;
	struct req *r = o->r;
	char id[24];

	snprintf(id, sizeof id, "%lld", (long long)mb->id);
	H(r, "<option value=\"");
	A(r, id);
	H(r, "\"");
	if (!strcmp(id, o->selected))
		H(r, " selected");
	H(r, ">");
	T(r, mb->full_name);
	H(r, "</option>");
	return 0;
}

/* A select of the organisation's members on the roll today (for the chair and secretary). */
static void member_select(struct req *r, const struct org *o, const char *label,
			  const char *name, const char *value)
{
	const struct err_item *it = field_err(r, name);
	struct roll_opts ro = {r, value};
	struct err tmp;

	field_open(r, label, name, it);
	H(r, "<select id=\"f-");
	A(r, name);
	H(r, "\" name=\"");
	A(r, name);
	H(r, "\"");
	field_aria(r, name, it);
	H(r, "><option value=\"\">—</option>");
	err_init(&tmp);
	app_member_list(r->app, &r->actor, o->code, DATE_NONE, 0, 500, roll_option, &ro, &tmp);
	err_cleanup(&tmp);
	H(r, "</select>");
	field_close(r, name, it);
}

static void add_page(struct req *r, const struct org *o, int post)
{
	static const struct form_option kinds[] = {
		{"monthly", N_("Monthly meeting")},
		{"thematic", N_("Thematic meeting")},
		{"extraordinary", N_("Extraordinary meeting")},
		{NULL, NULL},
	};
	struct buf title;
	char today[DATE_STR];

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Record a meeting"), o->name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o->code, _(r, "Record a meeting"));
	form_errors(r, add_shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"meeting-new\" action=\"/orgs/");
	A(r, o->code);
	H(r, "/meetings/new\">");
	form_csrf(r);
	date_format(r->app->today, today);
	form_input(r, _(r, "Date"), "date", "date", post ? form_value(r, "date") : today, 1);
	form_input(r, _(r, "Starts (HH:MM)"), "starts", "time",
		   post ? form_value(r, "starts") : "07:30", 1);
	form_input(r, _(r, "Ends (HH:MM)"), "ends", "time", post ? form_value(r, "ends") : "09:30",
		   1);
	form_select(r, _(r, "Kind"), "kind", kinds, post ? form_value(r, "kind") : "monthly", 1);
	form_input(r, _(r, "Topic"), "topic", "text", post ? form_value(r, "topic") : "", 0);
	textarea(r, _(r, "Agenda"), "agenda", post ? form_value(r, "agenda") : "");
	textarea(r, _(r, "Content"), "content", post ? form_value(r, "content") : "");
	member_select(r, o, _(r, "Chair"), "chair_id", post ? form_value(r, "chair_id") : "");
	member_select(r, o, _(r, "Secretary"), "secretary_id",
		      post ? form_value(r, "secretary_id") : "");
	form_input(r, _(r, "Guests"), "guests", "text", post ? form_value(r, "guests") : "", 0);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Record the meeting");
	H(r, "</button> <a href=\"/orgs/");
	U(r, o->code);
	H(r, "/meetings\">");
	TR(r, "Cancel");
	H(r, "</a></form>\n");
	page_end(r);
}

/* GET /orgs/{code}/meetings/new */
void web_meeting_new_get(struct req *r)
{
	struct org o;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_read_only(r))
		return;
	add_page(r, &o, 0);
}

/* A whole number field (0 when empty); a problem naming it otherwise. */
static int64_t form_id_field(struct req *r, const char *name)
{
	const char *v = form_value(r, name);
	char *end;
	long long n;

	if (!v[0])
		return 0;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "choose a member from the list");
		return 0;
	}
	return (int64_t)n;
}

static int form_time(struct req *r, const char *name)
{
	const char *v = form_value(r, name);
	int min = 0;

	if (meeting_parse_time(v, &min))
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "give a time as HH:MM, for example 07:30");
	return min;
}

/* POST /orgs/{code}/meetings/new */
void web_meeting_new_post(struct req *r)
{
	struct meeting *m = xmalloc(sizeof *m);
	struct org o;
	struct buf loc;
	int k;

	meeting_init(m);
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		goto out;
	}
	if (form_read_only(r))
		goto out;
	snprintf(m->org_code, sizeof m->org_code, "%s", o.code);
	m->on = form_date(r, "date");
	if (m->on == DATE_NONE && !field_err(r, "date"))
		err_add(&r->e, ERR_INPUT, 0, "date", "", NULL, "give the date of the meeting");
	m->starts_min = form_time(r, "starts");
	m->ends_min = form_time(r, "ends");
	k = meeting_kind_parse(form_value(r, "kind"));
	if (k < 0 || k == MK_STUDY)
		err_add(&r->e, ERR_INPUT, 0, "kind", form_value(r, "kind"), NULL,
			"choose the kind: monthly, thematic or extraordinary");
	m->kind = k < 0 ? MK_MONTHLY : (enum meeting_kind)k;
	m->state = MST_HELD;
	form_text(r, "topic", m->topic, sizeof m->topic);
	form_text(r, "agenda", m->agenda, sizeof m->agenda);
	form_text(r, "content", m->content, sizeof m->content);
	form_text(r, "guests", m->guests, sizeof m->guests);
	m->chair_id = form_id_field(r, "chair_id");
	m->secretary_id = form_id_field(r, "secretary_id");
	if (r->e.code || app_meeting_add(r->app, &r->actor, m, &r->e)) {
		if (!form_fail_page(r))
			add_page(r, &o, 1);
		goto out;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/meetings/%lld/attendance", (long long)m->id);
	form_done(r, buf_str(&loc));
	buf_cleanup(&loc);
out:
	meeting_cleanup(m);
	free(m);
}

/* ---- the attendance --------------------------------------------------------------------- */

/* The status shown for a member: the form's on a post, else the one recorded, else the
 * roll's default. */
static enum attend_status shown_status(struct req *r, int post, const struct meet_attendance *a,
				       const struct meeting *rec)
{
	size_t i;
	char name[32];

	if (post) {
		int s;

		snprintf(name, sizeof name, "s-%lld", (long long)a->member_id);
		s = attend_status_parse(form_value(r, name));
		return s < 0 ? AT_PRESENT : (enum attend_status)s;
	}
	for (i = 0; rec && i < rec->n_att; i++)
		if (rec->att[i].member_id == a->member_id)
			return rec->att[i].status;
	return a->status;
}

static const char *shown_reason(struct req *r, int post, const struct meet_attendance *a,
				const struct meeting *rec)
{
	size_t i;
	char name[32];

	if (post) {
		snprintf(name, sizeof name, "r-%lld", (long long)a->member_id);
		return form_value(r, name);
	}
	for (i = 0; rec && i < rec->n_att; i++)
		if (rec->att[i].member_id == a->member_id)
			return rec->att[i].reason;
	return a->status == AT_NOT_COUNTED ? "" : a->reason;
}

static void attend_page(struct req *r, const struct meeting *roll, const struct meeting *rec,
			int post)
{
	static const enum attend_status choices[] = {AT_PRESENT, AT_EXCUSED, AT_ABSENT};
	struct buf title;
	size_t i, j;
	char d[DATE_STR];

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s %s", _(r, "Attendance"), roll->org_name,
		   date_format(roll->on, d));
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, roll->org_code, _(r, "Attendance"));
	form_errors(r, NULL);
	H(r, "<p class=\"note\" id=\"roll-note\">");
	TR(r, "Every member on the roll that day is listed. Members on temporary transfer "
	      "elsewhere, suspended, or exempt and absent are not counted (R-MEETING-QUORUM).");
	H(r, "</p>\n<form method=\"post\" class=\"record attendance\" id=\"attendance-form\" "
	     "action=\"/meetings/");
	N(r, roll->id);
	H(r, "/attendance\">");
	form_csrf(r);
	for (i = 0; i < roll->n_att; i++) {
		const struct meet_attendance *a = &roll->att[i];
		enum attend_status st = shown_status(r, post, a, rec);
		char base[32], rname[32];
		const struct err_item *it;

		snprintf(base, sizeof base, "s-%lld", (long long)a->member_id);
		snprintf(rname, sizeof rname, "r-%lld", (long long)a->member_id);
		it = field_err(r, rname);
		H(r, "<fieldset class=\"att\" id=\"m-");
		N(r, a->member_id);
		H(r, "\"><legend>");
		T(r, a->name);
		H(r, "</legend>");
		if (a->status == AT_NOT_COUNTED) {
			H(r, "<p class=\"note\">");
			TR(r, "not counted");
			if (a->reason[0]) {
				H(r, ": ");
				T(r, a->reason);
			}
			H(r, "</p>");
		}
		for (j = 0; j < sizeof choices / sizeof choices[0]; j++) {
			const char *v = attend_status_name(choices[j]);

			H(r, "<label class=\"choice\"><input type=\"radio\" name=\"");
			A(r, base);
			H(r, "\" value=\"");
			A(r, v);
			H(r, "\"");
			if (st == choices[j] || (st == AT_NOT_COUNTED && j == 0))
				H(r, " checked");
			H(r, "> ");
			T(r, meet_web_att(r, (int)choices[j]));
			H(r, "</label> ");
		}
		field_open(r, _(r, "Reason (when absent with reason)"), rname, it);
		H(r, "<input type=\"text\" id=\"f-");
		A(r, rname);
		H(r, "\" name=\"");
		A(r, rname);
		H(r, "\" value=\"");
		A(r, shown_reason(r, post, a, rec));
		H(r, "\"");
		field_aria(r, rname, it);
		H(r, ">");
		field_close(r, rname, it);
		H(r, "</fieldset>\n");
	}
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Record the attendance");
	H(r, "</button> <a href=\"/meetings/");
	N(r, roll->id);
	H(r, "\">");
	TR(r, "Cancel");
	H(r, "</a></form>\n");
	page_end(r);
}

/* The roll of the path's meeting and what is recorded of it: 0, or -1 after the error page. */
static int attend_load(struct req *r, struct meeting *roll, struct meeting *rec)
{
	int64_t id = form_path_id(r);

	if (!id)
		err_add(&r->e, ERR_NOTFOUND, 0, "id", r->pathv[0], NULL, "no meeting has the id %s",
			r->pathv[0]);
	if (r->e.code || app_meeting_get(r->app, &r->actor, id, rec, &r->e) ||
	    app_meeting_roll(r->app, &r->actor, id, roll, &r->e)) {
		web_fail(r);
		return -1;
	}
	return 0;
}

/* GET /meetings/{id}/attendance */
void web_meeting_attend_get(struct req *r)
{
	struct meeting *roll = xmalloc(sizeof *roll), *rec = xmalloc(sizeof *rec);

	meeting_init(roll);
	meeting_init(rec);
	if (!attend_load(r, roll, rec) && !form_read_only(r))
		attend_page(r, roll, rec->quorum_base >= 0 ? rec : NULL, 0);
	meeting_cleanup(roll);
	meeting_cleanup(rec);
	free(roll);
	free(rec);
}

/* POST /meetings/{id}/attendance: s-MEMBER (present|excused|absent) and r-MEMBER (the
 * reason) for every member of the roll. */
void web_meeting_attend_post(struct req *r)
{
	struct meeting *roll = xmalloc(sizeof *roll), *rec = xmalloc(sizeof *rec);
	struct meet_attendance *rows = NULL;
	struct buf loc;
	size_t i;

	meeting_init(roll);
	meeting_init(rec);
	if (attend_load(r, roll, rec) || form_read_only(r))
		goto out;
	rows = xcalloc(roll->n_att ? roll->n_att : 1, sizeof *rows);
	for (i = 0; i < roll->n_att; i++) {
		char name[32];
		int s;

		rows[i].member_id = roll->att[i].member_id;
		snprintf(name, sizeof name, "s-%lld", (long long)rows[i].member_id);
		s = attend_status_parse(form_value(r, name));
		if (s < 0 || s == AT_NOT_COUNTED) {
			err_add(&r->e, ERR_INPUT, 0, name, form_value(r, name), NULL,
				"%s: choose present, absent with reason or absent without reason",
				roll->att[i].name);
			s = AT_PRESENT;
		}
		rows[i].status = (enum attend_status)s;
		snprintf(name, sizeof name, "r-%lld", (long long)rows[i].member_id);
		form_text(r, name, rows[i].reason, sizeof rows[i].reason);
	}
	if (r->e.code ||
	    app_meeting_attend(r->app, &r->actor, roll->id, rows, roll->n_att, &r->e)) {
		if (!form_fail_page(r))
			attend_page(r, roll, NULL, 1);
		goto out;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/meetings/%lld#attendance", (long long)roll->id);
	form_done(r, buf_str(&loc));
	buf_cleanup(&loc);
out:
	free(rows);
	meeting_cleanup(roll);
	meeting_cleanup(rec);
	free(roll);
	free(rec);
}
