/* page_meeting.c - meetings on the pages (issue 12, DOMAIN §7; docs/meetings.md "Pages"): an
 * organisation's meetings by month (GET /orgs/{code}/meetings?year=&kind=), one meeting with
 * its attendance and resolutions (GET /meetings/{id}), and its minutes as an A4 page in the
 * Vietnamese layout (GET /meetings/{id}/minutes: a document of its own, printed from the
 * browser, no PDF). Records come from app_meeting_list and app_meeting_get (app_meeting.h),
 * which check the actor's scope. The forms are in page_form_meeting.c. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_meeting.h"
#include "../lib/buf.h"
#include "../lib/mem.h"
#include "page_form.h"
#include "page_meeting.h"
#include "pages.h"

/* ---- words ------------------------------------------------------------------------------ */

static const char *const kind_labels[MK__COUNT] = {
	[MK_MONTHLY] = N_("Monthly meeting"),
	[MK_THEMATIC] = N_("Thematic meeting"),
	[MK_EXTRAORDINARY] = N_("Extraordinary meeting"),
	[MK_STUDY] = N_("Study session"),
};

static const char *const state_labels[MST__COUNT] = {
	[MST_PLANNED] = N_("planned"),
	[MST_HELD] = N_("held"),
	[MST_CANCELLED] = N_("cancelled"),
};

static const char *const att_labels[AT__COUNT] = {
	[AT_PRESENT] = N_("present"),
	[AT_EXCUSED] = N_("absent with reason"),
	[AT_ABSENT] = N_("absent without reason"),
	[AT_NOT_COUNTED] = N_("not counted"),
};

const char *meet_web_kind(const struct req *r, int k)
{
	return k >= 0 && k < MK__COUNT ? web_tr(r, kind_labels[k]) : "";
}

const char *meet_web_state(const struct req *r, int s)
{
	return s >= 0 && s < MST__COUNT ? web_tr(r, state_labels[s]) : "";
}

const char *meet_web_att(const struct req *r, int s)
{
	return s >= 0 && s < AT__COUNT ? web_tr(r, att_labels[s]) : "";
}

/* "HH:MM–HH:MM" */
static void times(struct req *r, const struct meeting *m)
{
	char a[6], b[6];

	T(r, meeting_format_time(m->starts_min, a));
	H(r, "–");
	T(r, meeting_format_time(m->ends_min, b));
}

/* ---- the list --------------------------------------------------------------------------- */

struct list_ctx {
	struct req *r;
	int month; /* y * 12 + m of the heading shown last; 0 none */
	int subtree;
	long n;
};

static void list_head(struct req *r, int subtree)
{
	H(r, "<table class=\"meetings\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th>");
	if (subtree) {
		H(r, "<th>");
		TR(r, "Organisation");
		H(r, "</th>");
	}
	H(r, "<th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "Topic");
	H(r, "</th><th>");
	TR(r, "Time");
	H(r, "</th><th>");
	TR(r, "Present");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th></tr></thead><tbody>\n");
}

static int list_row(void *ctx, const struct meeting *m)
{
	struct list_ctx *c = ctx;
	struct req *r = c->r;
	int y, mo, d;

	date_to_ymd(m->on, &y, &mo, &d);
	if (y * 12 + mo != c->month) {
		if (c->month)
			H(r, "</tbody></table>\n");
		c->month = y * 12 + mo;
		H(r, "<h2 class=\"month\" id=\"m-");
		N(r, y);
		H(r, "-");
		if (mo < 10)
			H(r, "0");
		N(r, mo);
		H(r, "\">");
		TR(r, "Month");
		H(r, " ");
		N(r, mo);
		H(r, "/");
		N(r, y);
		H(r, "</h2>\n");
		list_head(r, c->subtree);
	}
	c->n++;
	H(r, "<tr data-id=\"");
	N(r, m->id);
	H(r, "\"");
	if (m->state == MST_CANCELLED)
		H(r, " class=\"cancelled\"");
	H(r, "><td><a href=\"/meetings/");
	N(r, m->id);
	H(r, "\">");
	D(r, m->on);
	H(r, "</a></td>");
	if (c->subtree) {
		H(r, "<td>");
		web_org_named(r, m->org_code, m->org_name);
		H(r, "</td>");
	}
	H(r, "<td>");
	T(r, meet_web_kind(r, m->kind));
	H(r, "</td><td>");
	T(r, m->topic);
	H(r, "</td><td>");
	times(r, m);
	H(r, "</td><td class=\"n\">");
	if (m->quorum_base >= 0) {
		Q(r, m->n_present);
		H(r, " / ");
		Q(r, m->n_present + m->n_excused + m->n_absent);
	}
	H(r, "</td><td>");
	T(r, meet_web_state(r, m->state));
	H(r, "</td></tr>\n");
	return web_page_full(r);
}

/* GET /meetings (the menu): the meetings of the user's scope; the tree to choose from for
 * an account of the whole tree. */
void web_meetings_home(struct req *r)
{
	struct buf loc;

	buf_init(&loc, 0);
	if (r->actor.scope_code[0]) {
		buf_adds(&loc, "/orgs/");
		web_url_arg(&loc, r->actor.scope_code);
		buf_adds(&loc, "/meetings");
	} else {
		buf_adds(&loc, "/tree");
	}
	req_redirect(r, buf_str(&loc));
	buf_cleanup(&loc);
}

/* GET /orgs/{code}/meetings?year=&kind=&from=&to=&offset= */
void web_meetings(struct req *r)
{
	const char *ks = req_query(r, "kind"), *fs = req_query(r, "from"), *ts = req_query(r, "to");
	const char *why = NULL;
	struct meet_query q;
	struct list_ctx c;
	struct org o;
	struct buf title;
	long total = 0, offset = req_query_long(r, "offset", 0, 0, 1L << 30);
	int y, m, d, year, k = -1;

	memset(&q, 0, sizeof q);
	memset(&c, 0, sizeof c);
	c.r = r;
	date_to_ymd(r->app->today, &y, &m, &d);
	year = (int)req_query_long(r, "year", y, 1930, y + 1);
	q.from = date_from_ymd(year, 1, 1);
	q.to = date_from_ymd(year, 12, 31);
	if (fs && fs[0] && date_parse(fs, &q.from, &why))
		err_add(&r->e, ERR_USAGE, 0, "from", fs, NULL, "from %s is not a date (YYYY-MM-DD)",
			fs);
	if (ts && ts[0] && date_parse(ts, &q.to, &why))
		err_add(&r->e, ERR_USAGE, 0, "to", ts, NULL, "to %s is not a date (YYYY-MM-DD)", ts);
	if (ks && ks[0] && (k = meeting_kind_parse(ks)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "kind", ks, NULL,
			"kind must be one of: monthly, thematic, extraordinary, study");
	if (r->e.code || app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	q.org_code = o.code;
	q.subtree = o.kind != OK_CELL;
	q.kind = k;
	q.state = -1;
	c.subtree = q.subtree;
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Meetings"), o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Meetings"));
	H(r, "<p class=\"actions\">");
	if (o.kind == OK_CELL || o.kind == OK_GRASSROOTS) {
		H(r, "<a class=\"action\" id=\"add-meeting\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/meetings/new\">");
		TR(r, "Record a meeting");
		H(r, "</a> ");
	}
	H(r, "<a class=\"action\" id=\"figures-link\" href=\"/orgs/");
	U(r, o.code);
	H(r, "/meetings/figures?from=");
	{
		char d1[DATE_STR], d2[DATE_STR];

		U(r, date_format(q.from, d1));
		H(r, "&amp;to=");
		U(r, date_format(q.to < r->app->today ? q.to : r->app->today, d2));
	}
	H(r, "\">");
	TR(r, "Meeting figures");
	H(r, "</a></p>\n<form class=\"inline noprint\" method=\"get\" id=\"filter\" action=\"/orgs/");
	A(r, o.code);
	H(r, "/meetings\"><label for=\"year\">");
	TR(r, "Year");
	H(r, "</label><select id=\"year\" name=\"year\">");
	web_year_options(r, year);
	H(r, "</select><label for=\"kind\">");
	TR(r, "Kind");
	H(r, "</label><select id=\"kind\" name=\"kind\"><option value=\"\">");
	TR(r, "all");
	H(r, "</option>");
	for (m = 0; m < MK__COUNT; m++) {
		H(r, "<option value=\"");
		A(r, meeting_kind_name((enum meeting_kind)m));
		H(r, "\"");
		if (m == k)
			H(r, " selected");
		H(r, ">");
		T(r, meet_web_kind(r, m));
		H(r, "</option>");
	}
	H(r, "</select><button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
	if (app_meeting_list(r->app, &r->actor, &q, offset, WEB_PAGE_ROWS, list_row, &c, &total,
			     &r->e)) {
		web_fail(r);
		return;
	}
	if (c.month)
		H(r, "</tbody></table>\n");
	H(r, "<p class=\"note\" id=\"total\">");
	Q(r, total);
	H(r, " ");
	TR(r, "meetings");
	H(r, "</p>\n");
	if (!total) {
		H(r, "<p id=\"no-meetings\">");
		TR(r, "No meeting recorded for this period.");
		H(r, "</p>\n");
	}
	{
		struct buf pre;

		buf_init(&pre, 0);
		buf_adds(&pre, "/orgs/");
		web_url_arg(&pre, o.code);
		buf_printf(&pre, "/meetings?year=%d&", year);
		if (k >= 0)
			buf_printf(&pre, "kind=%s&", meeting_kind_name((enum meeting_kind)k));
		web_pager(r, buf_str(&pre), offset, c.n, offset + c.n < total);
		buf_cleanup(&pre);
	}
	page_end(r);
}

/* ---- one meeting ------------------------------------------------------------------------ */

static void fact(struct req *r, const char *label, const char *value)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	T(r, value);
	H(r, "</dd>");
}

/* The resolutions: text, votes, the count used and whether it passed (R-MEETING-QUORUM). */
static void resolutions(struct req *r, const struct meeting *m)
{
	size_t i;

	if (!m->n_res)
		return;
	H(r, "<table class=\"resolutions\" id=\"resolutions\"><thead><tr><th>#</th><th>");
	TR(r, "Resolution");
	H(r, "</th><th>");
	TR(r, "For");
	H(r, "</th><th>");
	TR(r, "Against");
	H(r, "</th><th>");
	TR(r, "Abstain");
	H(r, "</th><th>");
	TR(r, "Members counted (R-MEETING-QUORUM)");
	H(r, "</th><th>");
	TR(r, "Result");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < m->n_res; i++) {
		const struct meet_resolution *s = &m->res[i];

		H(r, "<tr data-seq=\"");
		N(r, s->seq);
		H(r, "\"><td>");
		N(r, s->seq);
		H(r, "</td><td>");
		T(r, s->text);
		H(r, "</td><td class=\"n\">");
		Q(r, s->votes_for);
		H(r, "</td><td class=\"n\">");
		Q(r, s->against);
		H(r, "</td><td class=\"n\">");
		Q(r, s->abstain);
		H(r, "</td><td class=\"n\">");
		Q(r, s->base);
		H(r, "</td><td>");
		T(r, s->passed ? _(r, "adopted") : _(r, "not adopted"));
		H(r, " (");
		Q(r, s->votes_for);
		H(r, " / ");
		Q(r, s->base);
		H(r, ", R-MEETING-QUORUM)</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

/* GET /meetings/{id} */
void web_meeting(struct req *r)
{
	struct meeting *m = xmalloc(sizeof *m);
	int64_t id = form_path_id(r);
	struct buf title;
	size_t i;

	meeting_init(m);
	if (!id)
		err_add(&r->e, ERR_NOTFOUND, 0, "id", r->pathv[0], NULL, "no meeting has the id %s",
			r->pathv[0]);
	if (r->e.code || app_meeting_get(r->app, &r->actor, id, m, &r->e)) {
		web_fail(r);
		goto out;
	}
	buf_init(&title, 0);
	buf_adds(&title, meet_web_kind(r, m->kind));
	buf_adds(&title, " ");
	{
		char d[DATE_STR];

		buf_adds(&title, date_format(m->on, d));
	}
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, m->org_code, _(r, "Meeting"));
	H(r, "<p class=\"actions\"><a class=\"action\" id=\"minutes-link\" href=\"/meetings/");
	N(r, m->id);
	H(r, "/minutes\">");
	TR(r, "Minutes to print");
	H(r, "</a> ");
	if (m->state != MST_CANCELLED) {
		H(r, "<a class=\"action\" id=\"attend-link\" href=\"/meetings/");
		N(r, m->id);
		H(r, "/attendance\">");
		TR(r, "Record the attendance");
		H(r, "</a> ");
	}
	H(r, "<a class=\"action\" href=\"/orgs/");
	U(r, m->org_code);
	H(r, "/meetings\">");
	TR(r, "All meetings");
	H(r, "</a></p>\n<dl class=\"record\" id=\"facts\">");
	H(r, "<dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd>");
	web_org_named(r, m->org_code, m->org_name);
	H(r, "</dd><dt>");
	TR(r, "Date");
	H(r, "</dt><dd>");
	D(r, m->on);
	H(r, "</dd><dt>");
	TR(r, "Time");
	H(r, "</dt><dd>");
	times(r, m);
	H(r, " (");
	N(r, m->ends_min - m->starts_min);
	H(r, " ");
	TR(r, "minutes");
	H(r, ")</dd>");
	fact(r, _(r, "Kind"), meet_web_kind(r, m->kind));
	fact(r, _(r, "State"), meet_web_state(r, m->state));
	if (m->topic[0])
		fact(r, _(r, "Topic"), m->topic);
	if (m->agenda[0])
		fact(r, _(r, "Agenda"), m->agenda);
	if (m->chair_id) {
		H(r, "<dt>");
		TR(r, "Chair");
		H(r, "</dt><dd>");
		web_member_link(r, m->chair_id, m->chair_name);
		H(r, "</dd>");
	}
	if (m->secretary_id) {
		H(r, "<dt>");
		TR(r, "Secretary");
		H(r, "</dt><dd>");
		web_member_link(r, m->secretary_id, m->secretary_name);
		H(r, "</dd>");
	}
	if (m->guests[0])
		fact(r, _(r, "Guests"), m->guests);
	if (m->content[0])
		fact(r, _(r, "Content"), m->content);
	H(r, "</dl>\n<h2 id=\"attendance\">");
	TR(r, "Attendance");
	H(r, "</h2>\n");
	if (m->quorum_base < 0) {
		H(r, "<p id=\"no-attendance\">");
		TR(r, "The attendance is not recorded yet.");
		H(r, "</p>\n");
	} else {
		H(r, "<p class=\"note\" id=\"counts\">");
		TR(r, "Present");
		H(r, ": ");
		Q(r, m->n_present);
		H(r, "; ");
		TR(r, "absent with reason");
		H(r, ": ");
		Q(r, m->n_excused);
		H(r, "; ");
		TR(r, "absent without reason");
		H(r, ": ");
		Q(r, m->n_absent);
		H(r, "; ");
		TR(r, "not counted");
		H(r, ": ");
		Q(r, m->n_not_counted);
		H(r, ". ");
		TR(r, "Members counted for a resolution (R-MEETING-QUORUM):");
		H(r, " <strong id=\"quorum-base\">");
		Q(r, m->quorum_base);
		H(r, "</strong></p>\n<table class=\"members\" id=\"attendance-table\"><thead><tr><th>");
		TR(r, "Name");
		H(r, "</th><th>");
		TR(r, "Attendance");
		H(r, "</th><th>");
		TR(r, "Reason");
		H(r, "</th></tr></thead><tbody>\n");
		for (i = 0; i < m->n_att; i++) {
			const struct meet_attendance *a = &m->att[i];

			H(r, "<tr data-member=\"");
			N(r, a->member_id);
			H(r, "\" class=\"att-");
			A(r, attend_status_name(a->status));
			H(r, "\"><td>");
			web_member_link(r, a->member_id, a->name);
			H(r, "</td><td>");
			T(r, meet_web_att(r, a->status));
			H(r, "</td><td>");
			T(r, a->reason);
			H(r, "</td></tr>\n");
		}
		H(r, "</tbody></table>\n");
	}
	H(r, "<h2 id=\"resolutions-h\">");
	TR(r, "Resolutions");
	H(r, "</h2>\n");
	if (!m->n_res) {
		H(r, "<p id=\"no-resolutions\">");
		TR(r, "No resolution recorded.");
		H(r, "</p>\n");
	}
	resolutions(r, m);
	H(r, "<p class=\"note\">");
	TR(r, "Recorded by");
	H(r, " ");
	web_actor(r, m->recorded_by);
	H(r, " ");
	web_instant(r, m->recorded_at);
	H(r, "</p>\n");
	page_end(r);
out:
	meeting_cleanup(m);
	free(m);
}

/* ---- the minutes ------------------------------------------------------------------------ */

/* The names of the attendance rows with status st, comma-separated; "" none. */
static void names_of(struct req *r, const struct meeting *m, enum attend_status st,
		     int with_reason)
{
	size_t i;
	int first = 1;

	for (i = 0; i < m->n_att; i++) {
		if (m->att[i].status != st)
			continue;
		if (!first)
			H(r, ", ");
		first = 0;
		T(r, m->att[i].name);
		if (with_reason && m->att[i].reason[0]) {
			H(r, " (");
			T(r, m->att[i].reason);
			H(r, ")");
		}
	}
	if (first)
		H(r, "—");
}

/* The committee above the meeting's organisation: its parent's name ("" none). */
static void parent_name(struct req *r, const struct meeting *m, char *out, size_t n)
{
	struct org o, p;
	struct err tmp;

	out[0] = 0;
	err_init(&tmp);
	if (!app_org_get(r->app, &r->actor, m->org_code, &o, &tmp) && o.parent_code[0] &&
	    !app_org_get(r->app, &r->actor, o.parent_code, &p, &tmp))
		snprintf(out, n, "%s", p.name);
	err_cleanup(&tmp);
}

/* Text with its line breaks as <br> (escaped). */
static void text_lines(struct req *r, const char *s)
{
	while (*s) {
		size_t len = strcspn(s, "\n");
		char *line = xmalloc(len + 1);

		memcpy(line, s, len);
		line[len] = 0;
		T(r, line);
		free(line);
		s += len;
		if (*s == '\n') {
			H(r, "<br>");
			s++;
		}
	}
}

/* GET /meetings/{id}/minutes: a document of its own (A4, /static/minutes.css), Vietnamese
 * layout whatever the language chosen: the minutes are a party record. */
void web_meeting_minutes(struct req *r)
{
	struct meeting *m = xmalloc(sizeof *m);
	int64_t id = form_path_id(r);
	char above[ORG_NAME_MAX * 2 + 1], a[6], b[6];
	int y, mo, d;
	size_t i;

	meeting_init(m);
	if (!id)
		err_add(&r->e, ERR_NOTFOUND, 0, "id", r->pathv[0], NULL, "no meeting has the id %s",
			r->pathv[0]);
	if (r->e.code || app_meeting_get(r->app, &r->actor, id, m, &r->e)) {
		web_fail(r);
		goto out;
	}
	parent_name(r, m, above, sizeof above);
	date_to_ymd(m->on, &y, &mo, &d);
	H(r, "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
	     "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>");
	H(r, "Biên bản sinh hoạt ");
	T(r, m->org_name);
	H(r, "</title><link rel=\"stylesheet\" href=\"/static/minutes.css\">"
	     "<link rel=\"icon\" href=\"data:,\"></head><body class=\"minutes\">\n"
	     "<p class=\"noprint back\"><a href=\"/meetings/");
	N(r, m->id);
	H(r, "\">← ");
	TR(r, "Back to the meeting");
	H(r, "</a> · ");
	TR(r, "Print this page (A4) from the browser.");
	H(r, "</p>\n<div class=\"sheet\"><table class=\"head\" role=\"presentation\"><tr><td "
	     "class=\"left\">");
	T(r, above);
	H(r, "<br><strong>");
	T(r, m->org_name);
	H(r, "</strong><br>*<br>Số: ");
	N(r, m->id);
	H(r, "-BB/CB</td><td class=\"right\"><strong><u>ĐẢNG CỘNG SẢN VIỆT NAM</u></strong>"
	     "<br><br><em>Ngày ");
	N(r, d);
	H(r, " tháng ");
	N(r, mo);
	H(r, " năm ");
	N(r, y);
	H(r, "</em></td></tr></table>\n<h1>BIÊN BẢN SINH HOẠT CHI BỘ</h1>\n<p class=\"sub\">");
	switch (m->kind) {
	case MK_THEMATIC:
		H(r, "Sinh hoạt chuyên đề");
		break;
	case MK_EXTRAORDINARY:
		H(r, "Sinh hoạt bất thường");
		break;
	case MK_STUDY:
		H(r, "Học tập, quán triệt nghị quyết");
		break;
	default:
		H(r, "Sinh hoạt thường kỳ tháng ");
		N(r, mo);
		H(r, "/");
		N(r, y);
		break;
	}
	if (m->topic[0]) {
		H(r, ": ");
		T(r, m->topic);
	}
	H(r, "</p>\n<p id=\"when\">Hôm nay, vào lúc ");
	T(r, meeting_format_time(m->starts_min, a));
	H(r, " ngày ");
	N(r, d);
	H(r, " tháng ");
	N(r, mo);
	H(r, " năm ");
	N(r, y);
	H(r, ", ");
	T(r, m->org_name);
	H(r, " tiến hành sinh hoạt.</p>\n<p id=\"chair\">Chủ trì: ");
	T(r, m->chair_id ? m->chair_name : "…………………………");
	H(r, ". Thư ký: ");
	T(r, m->secretary_id ? m->secretary_name : "…………………………");
	H(r, ".</p>\n");
	if (m->guests[0]) {
		H(r, "<p id=\"guests\">Đại biểu dự: ");
		T(r, m->guests);
		H(r, ".</p>\n");
	}
	H(r, "<h2>I. Tình hình đảng viên dự sinh hoạt</h2>\n<p id=\"att-total\">Tổng số đảng viên "
	     "của chi bộ: ");
	Q(r, (long)m->n_att);
	H(r, " đồng chí; có mặt: ");
	Q(r, m->n_present);
	H(r, " đồng chí; vắng: ");
	Q(r, m->n_excused + m->n_absent);
	H(r, " đồng chí (có lý do: ");
	Q(r, m->n_excused);
	H(r, ", không có lý do: ");
	Q(r, m->n_absent);
	H(r, ")");
	if (m->n_not_counted) {
		H(r, "; không tính: ");
		Q(r, m->n_not_counted);
	}
	H(r, ".</p>\n<p id=\"att-excused\">Vắng có lý do: ");
	names_of(r, m, AT_EXCUSED, 1);
	H(r, ".</p>\n<p id=\"att-absent\">Vắng không có lý do: ");
	names_of(r, m, AT_ABSENT, 0);
	H(r, ".</p>\n");
	if (m->n_not_counted) {
		H(r, "<p id=\"att-not-counted\">Không tính vào số đảng viên biểu quyết: ");
		names_of(r, m, AT_NOT_COUNTED, 1);
		H(r, ".</p>\n");
	}
	H(r, "<h2>II. Nội dung sinh hoạt</h2>\n");
	if (m->agenda[0]) {
		H(r, "<p id=\"agenda\"><em>Chương trình:</em> ");
		text_lines(r, m->agenda);
		H(r, "</p>\n");
	}
	H(r, "<p id=\"content\">");
	if (m->content[0])
		text_lines(r, m->content);
	else
		H(r, "……………………………………………………………………………………");
	H(r, "</p>\n<h2>III. Nghị quyết và biểu quyết</h2>\n");
	if (!m->n_res)
		H(r, "<p>……………………………………………………………………………………</p>\n");
	for (i = 0; i < m->n_res; i++) {
		const struct meet_resolution *s = &m->res[i];

		H(r, "<p class=\"resolution\" data-seq=\"");
		N(r, s->seq);
		H(r, "\">");
		N(r, s->seq);
		H(r, ". ");
		text_lines(r, s->text);
		H(r, "<br><em>Biểu quyết: tán thành ");
		Q(r, s->votes_for);
		H(r, "/");
		Q(r, s->base);
		H(r, " đồng chí, không tán thành ");
		Q(r, s->against);
		H(r, ", không biểu quyết ");
		Q(r, s->abstain);
		H(r, ". ");
		if (s->passed)
			H(r, "Nghị quyết được thông qua");
		else
			H(r, "Nghị quyết không được thông qua");
		H(r, " (quá nửa số đảng viên được tính: ");
		Q(r, s->base);
		H(r, "; R-MEETING-QUORUM).</em></p>\n");
	}
	H(r, "<p id=\"end\">Buổi sinh hoạt kết thúc vào lúc ");
	T(r, meeting_format_time(m->ends_min, b));
	H(r, " cùng ngày.</p>\n<table class=\"sign\" role=\"presentation\"><tr><td><strong>THƯ KÝ"
	     "</strong><br><em>(Ký, ghi rõ họ tên)</em><div class=\"space\"></div>");
	if (m->secretary_id)
		T(r, m->secretary_name);
	H(r, "</td><td><strong>CHỦ TRÌ</strong><br><em>(Ký, ghi rõ họ tên)</em>"
	     "<div class=\"space\"></div>");
	if (m->chair_id)
		T(r, m->chair_name);
	H(r, "</td></tr></table>\n</div></body></html>\n");
out:
	meeting_cleanup(m);
	free(m);
}

static const char minutes_css[] =
	"body.minutes{font:13pt/1.5 'Times New Roman',serif;color:#000;background:#eee;margin:0}"
	".sheet{background:#fff;max-width:210mm;margin:0 auto;padding:15mm 15mm 20mm 25mm;"
	"box-sizing:border-box;overflow-wrap:anywhere}"
	".back{max-width:210mm;margin:0 auto;padding:.5em 1em;font:11pt sans-serif}"
	"table.head,table.sign{width:100%;border-collapse:collapse}"
	"table.head td,table.sign td{vertical-align:top;text-align:center;width:50%;padding:0}"
	"h1{font-size:14pt;text-align:center;margin:1.2em 0 0}"
	"p.sub{text-align:center;font-style:italic;margin:0 0 1em}"
	"h2{font-size:13pt;margin:1em 0 .3em}p{margin:.3em 0;text-align:justify}"
	".space{height:25mm}"
	"@media (max-width:600px){.sheet{padding:4mm}body.minutes{font-size:12pt}"
	"table.head,table.head tbody,table.head tr,table.head td{display:block;width:auto}}"
	"@media print{body.minutes{background:#fff}.noprint{display:none}"
	".sheet{max-width:none;padding:0;margin:0}"
	"@page{size:A4;margin:20mm 15mm 20mm 30mm}table.sign{break-inside:avoid}}";

/* GET /static/minutes.css */
void web_static_minutes_css(struct req *r)
{
	r->ctype = "text/css; charset=utf-8";
	buf_add(&r->out, minutes_css, sizeof minutes_css - 1);
	req_header(r, "Cache-Control", "public, max-age=86400");
}
