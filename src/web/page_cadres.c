/* page_cadres.c - key cadres (docs/cadres.md): GET /orgs/{code}/cadres, an organisation's
 * positions with their holders and history, its flags and its committee of the day with its
 * members and past terms; GET /orgs/{code}/vacancies, the vacancy report of the subtree in
 * priority order. Both answer ?as_of=, and ?format=csv|xlsx for their lists as downloads
 * (the cadres page's ?list= positions, holdings&position=ID, committees, committee&committee=ID,
 * rotations&year=Y). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_cadres_io.h"
#include "../app/app_plan.h"
#include "pages.h"

/* The words shown through web_tr from the records (kinds, states, roles), marked for the
 * catalogue. */
const char *const cadre_page_words[] = {
	N_("secretary"), N_("deputy_secretary"), N_("standing_member"), N_("member"),
	N_("committee_member"), N_("inspection_chair"), N_("inspection_member"), N_("commander"),
	N_("commissar"), N_("deputy_commander"), N_("deputy_commissar"), N_("head_of_office"),
	N_("vacant"), N_("acting"), N_("understaffed"), NULL,
};

/* ?as_of= (default today); -1 after answering a bad date. */
static int page_as_of(struct req *r, date_t *on)
{
	const char *s = req_query(r, "as_of"), *why;

	*on = r->app->today;
	if (s && s[0] && date_parse(s, on, &why)) {
		err_add(&r->e, ERR_USAGE, 0, "as_of", s, NULL, "as_of %s is not a date (YYYY-MM-DD)",
			s);
		web_fail(r);
		return -1;
	}
	return 0;
}

/* ?format=csv|xlsx: answer the list q as a download named file and return 1 (1 too after a
 * problem answered); 0 when the page is wanted. */
static int page_download(struct req *r, const struct cadres_list_query *q, const char *file)
{
	const char *f = req_query(r, "format");
	struct buf d;
	long long len;
	int fd, xlsx;

	if (!f || !f[0])
		return 0;
	if (strcmp(f, "csv") && strcmp(f, "xlsx")) {
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be csv or xlsx");
		web_fail(r);
		return 1;
	}
	xlsx = !strcmp(f, "xlsx");
	if (app_cadres_export(r->app, &r->actor, q, xlsx ? TABLE_XLSX : TABLE_CSV, &fd, &len,
			      &r->e)) {
		web_fail(r);
		return 1;
	}
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			: "text/csv; charset=utf-8";
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"%s.%s\"", file, xlsx ? "xlsx" : "csv");
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
	return 1;
}

/* The links to a list as CSV and XLSX: base is the page's address with its query up to
 * "format=" left to add (it ends with '?' or '&'). */
static void download_links(struct req *r, const char *id, const char *base)
{
	H(r, " <span class=\"downloads\" id=\"");
	A(r, id);
	H(r, "\"><a href=\"");
	A(r, base);
	H(r, "format=csv\">CSV</a> <a href=\"");
	A(r, base);
	H(r, "format=xlsx\">XLSX</a></span>");
}

/* The ?list= download of the cadres page (1 when answered). */
static int cadres_download(struct req *r, const struct org *o, date_t on)
{
	const char *l = req_query(r, "list");
	struct cadres_list_query q;
	char *end;

	if (!req_query(r, "format"))
		return 0;
	memset(&q, 0, sizeof q);
	q.org = o->code;
	q.as_of = on;
	if (!l || !strcmp(l, "positions")) {
		q.list = CL_POSITIONS;
		return page_download(r, &q, "positions");
	}
	if (!strcmp(l, "committees")) {
		q.list = CL_COMMITTEES;
		return page_download(r, &q, "committees");
	}
	if (!strcmp(l, "rotations")) {
		const char *y = req_query(r, "year");
		int yy, mm, dd;

		date_to_ymd(on, &yy, &mm, &dd);
		q.list = CL_ROTATIONS;
		q.year = y ? (int)strtol(y, &end, 10) : yy;
		return page_download(r, &q, "rotations");
	}
	if (!strcmp(l, "holdings") || !strcmp(l, "committee")) {
		const char *v = req_query(r, l[0] == 'h' ? "position" : "committee");
		long long id = v ? strtoll(v, &end, 10) : 0;

		if (!v || *end || id <= 0) {
			err_add(&r->e, ERR_USAGE, 0, l[0] == 'h' ? "position" : "committee", v, NULL,
				"give the id of the %s", l[0] == 'h' ? "position" : "committee");
			web_fail(r);
			return 1;
		}
		q.id = (int64_t)id;
		q.list = l[0] == 'h' ? CL_HOLDINGS : CL_CMEMBERS;
		if (l[0] == 'h')
			q.as_of = DATE_NONE;
		return page_download(r, &q, l[0] == 'h' ? "holdings" : "committee");
	}
	err_add(&r->e, ERR_USAGE, 0, "list", l, NULL,
		"list is positions, holdings, committees, committee or rotations");
	web_fail(r);
	return 1;
}

static const char *kind_label(struct req *r, const char *vi, const char *en)
{
	return !strcmp(r->lang, "vi") ? vi : en;
}

/* The link to the cadre's sheet beside a holder, for those with the personnel right. */
static void sheet_link(struct req *r, int64_t member_id)
{
	struct err tmp;

	err_init(&tmp);
	if (app_personnel_check(r->app, &r->actor, 0, &tmp) == ERR_OK) {
		H(r, " <a class=\"sheet-link\" href=\"/members/");
		N(r, member_id);
		H(r, "/cadre-sheet\">");
		TR(r, "sheet");
		H(r, "</a>");
	}
	err_cleanup(&tmp);
}

static int holding_row(void *ctx, const struct holding *h)
{
	struct req *r = ctx;

	H(r, "<tr><td><a href=\"/members/");
	N(r, h->member_id);
	H(r, "\">");
	T(r, h->member_name);
	H(r, "</a>");
	sheet_link(r, h->member_id);
	if (h->acting) {
		H(r, " <span class=\"flag\">");
		TR(r, "acting");
		H(r, "</span>");
	}
	if (h->holder_left) {
		H(r, " <span class=\"flag\">");
		TR(r, "left the rolls");
		H(r, "</span>");
	}
	H(r, "</td><td>");
	D(r, h->valid_from);
	H(r, "</td><td>");
	if (h->valid_to != DATE_NONE)
		D(r, h->valid_to);
	H(r, "</td><td>");
	T(r, h->decision);
	H(r, " (");
	T(r, h->body_code);
	H(r, ")</td><td>");
	if (h->end_how[0]) {
		T(r, h->end_decision);
		H(r, " ");
		T(r, h->end_reason);
	}
	H(r, "</td></tr>\n");
	return 0;
}

struct pos_page {
	struct req *r;
	date_t on;
};

static int position_block(void *ctx, const struct position *p)
{
	struct pos_page *pp = ctx;
	struct req *r = pp->r;

	H(r, "<h3 id=\"position-");
	N(r, p->id);
	H(r, "\">");
	T(r, kind_label(r, p->kind_vi, p->kind_en));
	if (p->is_key) {
		H(r, " <span class=\"flag\">");
		TR(r, "key position");
		H(r, "</span>");
	}
	{
		struct buf b;
		char id[48];

		buf_init(&b, 0);
		buf_adds(&b, "?list=holdings&position=");
		buf_printf(&b, "%lld&", (long long)p->id);
		snprintf(id, sizeof id, "position-download-%lld", (long long)p->id);
		download_links(r, id, buf_str(&b));
		buf_cleanup(&b);
	}
	H(r, "</h3>\n<table class=\"holders\"><thead><tr><th>");
	TR(r, "Holder");
	H(r, "</th><th>");
	TR(r, "From");
	H(r, "</th><th>");
	TR(r, "To");
	H(r, "</th><th>");
	TR(r, "Decision");
	H(r, "</th><th>");
	TR(r, "Ended by");
	H(r, "</th></tr></thead><tbody>\n");
	/* the whole history, the holders of the day first */
	if (app_holdings(r->app, &r->actor, p->id, DATE_NONE, holding_row, r, &r->e))
		return 1;
	H(r, "</tbody></table>\n");
	return 0;
}

static int flag_item(void *ctx, const struct org_flag *f)
{
	struct req *r = ctx;

	H(r, "<li>");
	if (f->flag[0] == 'b')
		TR(r, "border area");
	else
		TR(r, "difficult area");
	H(r, ": ");
	D(r, f->valid_from);
	H(r, " – ");
	if (f->valid_to != DATE_NONE)
		D(r, f->valid_to);
	H(r, "</li>\n");
	return 0;
}

static int cmember_row(void *ctx, const struct committee_member *m)
{
	struct req *r = ctx;

	H(r, "<tr><td><a href=\"/members/");
	N(r, m->member_id);
	H(r, "\">");
	T(r, m->member_name);
	H(r, "</a>");
	sheet_link(r, m->member_id);
	H(r, "</td><td>");
	/* a seat's role "member" is a committee member (cấp ủy viên), not a party member */
	T(r, web_tr(r, strcmp(m->role, "member") ? m->role : "committee_member"));
	H(r, "</td><td>");
	D(r, m->valid_from);
	H(r, "</td></tr>\n");
	return 0;
}

static int committee_item(void *ctx, const struct committee *c)
{
	struct req *r = ctx;

	H(r, "<li>");
	D(r, c->term_start);
	H(r, " – ");
	D(r, c->term_end);
	H(r, ": ");
	N(r, c->seats);
	H(r, " ");
	TR(r, "seats");
	H(r, "</li>\n");
	return 0;
}

/* GET /orgs/{code}/cadres?as_of= */
void web_org_cadres(struct req *r)
{
	struct pos_page pp;
	struct committee c;
	struct org o;
	struct buf title;
	date_t on;

	if (page_as_of(r, &on))
		return;
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	if (cadres_download(r, &o, on))
		return;
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Positions and committee"), o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Positions and committee"));
	H(r, "<p class=\"actions\"><a id=\"vacancies\" href=\"/orgs/");
	U(r, o.code);
	H(r, "/vacancies\">");
	TR(r, "Vacancy report");
	H(r, "</a>");
	if (app_can_edit(&r->actor, &r->e) == ERR_OK && o.dissolved == DATE_NONE) {
		H(r, " <a id=\"cadre-event\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/cadres/event\">");
		TR(r, "Record a change of cadres");
		H(r, "</a> <a id=\"committee-forms\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/cadres/committee\">");
		TR(r, "Committee: a term, seats, departures");
		H(r, "</a>");
	}
	err_clear(&r->e);
	if (app_personnel_check(r->app, &r->actor, o.id, &r->e) == ERR_OK) {
		H(r, " <a id=\"plan\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/plan\">");
		TR(r, "Succession plan");
		H(r, "</a>");
	}
	err_clear(&r->e);
	H(r, " <a id=\"rotations\" href=\"/orgs/");
	U(r, o.code);
	H(r, "/rotations\">");
	TR(r, "Rotations of the year");
	H(r, "</a>");
	download_links(r, "rotations-download", "?list=rotations&");
	H(r, "</p>\n<ul class=\"flags\" id=\"flags\">");
	if (app_org_flags(r->app, &r->actor, o.code, flag_item, r, &r->e))
		goto fail;
	H(r, "</ul>\n<h2 id=\"committee\">");
	TR(r, "Committee");
	H(r, "</h2>\n");
	if (app_committee_at(r->app, &r->actor, o.code, on, &c, &r->e) == ERR_OK) {
		H(r, "<p>");
		D(r, c.term_start);
		H(r, " – ");
		D(r, c.term_end);
		H(r, ": ");
		N(r, c.members);
		H(r, " / ");
		N(r, c.seats);
		H(r, " ");
		TR(r, "seats");
		H(r, ", ");
		TR(r, "standing committee");
		H(r, " ");
		N(r, c.standing);
		H(r, " / ");
		N(r, c.standing_seats);
		{
			struct buf b;
			char d[DATE_STR];

			buf_init(&b, 0);
			buf_printf(&b, "?list=committee&committee=%lld&as_of=%s&", (long long)c.id,
				   date_format(on, d));
			download_links(r, "committee-download", buf_str(&b));
			buf_cleanup(&b);
		}
		H(r, "</p>\n<table id=\"committee-members\"><thead><tr><th>");
		TR(r, "Member");
		H(r, "</th><th>");
		TR(r, "Role");
		H(r, "</th><th>");
		TR(r, "From");
		H(r, "</th></tr></thead><tbody>\n");
		if (app_cmembers(r->app, &r->actor, c.id, on, cmember_row, r, &r->e))
			goto fail;
		H(r, "</tbody></table>\n");
	} else {
		if (r->e.code == ERR_STORAGE)
			goto fail;
		err_clear(&r->e);
		H(r, "<p>");
		TR(r, "No committee whose term covers this date.");
		H(r, "</p>\n");
	}
	H(r, "<h3>");
	TR(r, "Terms");
	download_links(r, "committees-download", "?list=committees&");
	H(r, "</h3>\n<ul id=\"terms\">");
	if (app_committees(r->app, &r->actor, o.code, committee_item, r, &r->e))
		goto fail;
	H(r, "</ul>\n<h2 id=\"positions\">");
	TR(r, "Positions");
	{
		struct buf b;
		char d[DATE_STR];

		buf_init(&b, 0);
		buf_printf(&b, "?list=positions&as_of=%s&", date_format(on, d));
		download_links(r, "positions-download", buf_str(&b));
		buf_cleanup(&b);
	}
	H(r, "</h2>\n");
	pp.r = r;
	pp.on = on;
	if (app_positions(r->app, &r->actor, o.code, on, position_block, &pp, &r->e))
		goto fail;
	page_end(r);
	return;
fail:
	page_end(r);
}

/* GET /orgs/{code}/vacancies?as_of=&state= (state: vacant, acting or understaffed, the
 * report's drill-down; none: every row) */
void web_org_vacancies(struct req *r)
{
	struct vacancy *v;
	struct org o;
	struct buf title;
	size_t n, i, shown = 0, from, to;
	long offset;
	date_t on;
	const char *state = req_query(r, "state");
	int plan = 0;

	if (page_as_of(r, &on))
		return;
	if (state && !state[0])
		state = NULL;
	if (state && strcmp(state, "vacant") && strcmp(state, "acting") &&
	    strcmp(state, "understaffed")) {
		err_add(&r->e, ERR_USAGE, 0, "state", state, NULL,
			"state must be vacant, acting or understaffed");
		web_fail(r);
		return;
	}
	if (req_query(r, "format")) {
		struct cadres_list_query q = {CL_VACANCIES, r->pathv[0], 0, on, 0};

		if (page_download(r, &q, "vacancies"))
			return;
	}
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_vacancies(r->app, &r->actor, o.code, on, &v, &n, &r->e)) {
		web_fail(r);
		return;
	}
	/* the state asked, then the page (?offset=): the planning columns of the page's rows */
	if (state) {
		size_t k = 0;

		for (i = 0; i < n; i++)
			if (!strcmp(state, v[i].state))
				v[k++] = v[i];
		n = k;
	}
	offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	from = (size_t)offset < n ? (size_t)offset : n;
	to = n - from > WEB_PAGE_ROWS ? from + WEB_PAGE_ROWS : n;
	if (app_plan_vacancy_fill(r->app, &r->actor, v + from, to - from, on, &r->e)) {
		free(v);
		web_fail(r);
		return;
	}
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Vacancy report"), o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Vacancy report"));
	H(r, "<p>");
	TR(r, "Key positions vacant or held by an acting holder, and committees below their "
	      "seats; border and difficult areas first, then combat-ready units, the longest "
	      "vacant first.");
	H(r, " ");
	D(r, on);
	if (state) {
		H(r, " (");
		TR(r, "shown");
		H(r, ": ");
		T(r, web_tr(r, state));
		H(r, "; <a href=\"/orgs/");
		U(r, o.code);
		H(r, "/vacancies\">");
		TR(r, "all");
		H(r, "</a>)");
	}
	{
		struct buf b;
		char d[DATE_STR];

		buf_init(&b, 0);
		buf_printf(&b, "?as_of=%s&", date_format(on, d));
		download_links(r, "vacancies-download", buf_str(&b));
		buf_cleanup(&b);
	}
	H(r, "</p>\n<table id=\"vacancy-list\"><thead><tr><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Position");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th class=\"n\">");
	TR(r, "Filled");
	H(r, "</th><th>");
	TR(r, "Since");
	H(r, "</th><th class=\"n\">");
	TR(r, "Days");
	H(r, "</th><th>");
	TR(r, "Area");
	for (i = from; i < to && !plan; i++)
		plan = v[i].successors >= 0;
	if (plan) {
		H(r, "</th><th>");
		TR(r, "Successors (ready)");
	}
	H(r, "</th></tr></thead><tbody>\n");
	for (i = from; i < to; i++) {
		shown++;
		H(r, "<tr data-what=\"");
		A(r, v[i].what);
		H(r, "\" data-org=\"");
		A(r, v[i].org_code);
		H(r, "\" data-kind=\"");
		A(r, v[i].kind);
		H(r, "\"><td><a href=\"/orgs/");
		U(r, v[i].org_code);
		H(r, "/cadres\">");
		T(r, v[i].org_name);
		H(r, "</a></td><td>");
		if (v[i].what[0] == 'c')
			TR(r, "Committee");
		else
			T(r, web_tr(r, v[i].kind));
		H(r, "</td><td>");
		T(r, web_tr(r, v[i].state));
		H(r, "</td><td class=\"n\">");
		N(r, v[i].filled);
		H(r, " / ");
		N(r, v[i].seats);
		H(r, "</td><td>");
		D(r, v[i].since);
		H(r, "</td><td class=\"n\">");
		Q(r, on - v[i].since);
		H(r, "</td><td>");
		if (v[i].border)
			TR(r, "border area");
		else if (v[i].difficult)
			TR(r, "difficult area");
		else if (v[i].combat)
			TR(r, "combat-ready");
		if (plan) {
			H(r, "</td><td class=\"successors\">");
			if (v[i].successors >= 0) {
				N(r, v[i].successors);
				H(r, " (");
				N(r, v[i].ready);
				H(r, " ");
				TR(r, "successor ready");
				H(r, ")");
			}
		}
		H(r, "</td></tr>\n");
	}
	if (!shown) {
		if (plan)
			H(r, "<tr><td colspan=\"8\">");
		else
			H(r, "<tr><td colspan=\"7\">");
		TR(r, "No vacancies.");
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
	{
		struct buf pre;
		char d[DATE_STR];

		buf_init(&pre, 0);
		buf_adds(&pre, "/orgs/");
		web_url_arg(&pre, o.code);
		buf_printf(&pre, "/vacancies?as_of=%s&", date_format(on, d));
		if (state)
			buf_printf(&pre, "state=%s&", state);
		web_pager(r, buf_str(&pre), (long)from, (long)(to - from), to < n);
		buf_cleanup(&pre);
	}
	free(v);
	page_end(r);
}
