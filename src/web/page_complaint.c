/* page_complaint.c - complaints against discipline decisions and denunciations
 * (docs/inspection.md "Complaints and denunciations"): an organisation's register
 * (/orgs/CODE/complaints, filtered, with CSV and XLSX), the form lodging one, a complaint's page
 * with the decision it concerns and that decision's history, and the forms settling and
 * withdrawing it. Every page needs the inspection right (403 without it); a complaint outside
 * the subtree does not exist (404). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../app/app_complaint.h"
#include "page_form.h"
#include "pages.h"

static const struct form_option kind_opts[] = {
	{"", N_("complaints and denunciations")},
	{"complaint", N_("complaints against discipline")},
	{"denunciation", N_("denunciations")},
	{NULL, NULL},
};
static const struct form_option state_opts[] = {
	{"", N_("every state")},
	{"open", N_("open")},
	{"settled", N_("settled")},
	{"withdrawn", N_("withdrawn")},
	{NULL, NULL},
};
static const struct form_option complaint_outcomes[] = {
	{"", ""},
	{"kept", N_("kept (the decision stands)")},
	{"reduced", N_("reduced (a lighter form)")},
	{"annulled", N_("annulled")},
	{"raised", N_("raised (a heavier form)")},
	{NULL, NULL},
};
static const struct form_option denunciation_outcomes[] = {
	{"", ""},
	{"founded", N_("founded")},
	{"partly_founded", N_("partly founded")},
	{"unfounded", N_("unfounded")},
	{NULL, NULL},
};
static const struct form_option form_opts[] = {
	{"", ""},
	{"reprimand", N_("Reprimand")},
	{"warning", N_("Warning")},
	{"removal", N_("Removal from post")},
	{"expulsion", N_("Expulsion")},
	{"dissolution", N_("Dissolution")},
	{NULL, NULL},
};

static const char *kind_label(struct req *r, int k)
{
	return k == CK_DENUNCIATION ? _(r, "denunciation") : _(r, "complaint");
}

static const char *state_label(struct req *r, int s)
{
	return s == CS_SETTLED ? _(r, "settled") : s == CS_WITHDRAWN ? _(r, "withdrawn")
								   : _(r, "open");
}

static const char *outcome_label(struct req *r, int o)
{
	size_t i;
	const char *name = o >= 0 ? complaint_outcome_name((enum complaint_outcome)o) : "";

	for (i = 1; complaint_outcomes[i].value; i++)
		if (!strcmp(complaint_outcomes[i].value, name))
			return web_tr(r, complaint_outcomes[i].label);
	for (i = 1; denunciation_outcomes[i].value; i++)
		if (!strcmp(denunciation_outcomes[i].value, name))
			return web_tr(r, denunciation_outcomes[i].label);
	return "";
}

static const char *disc_state_label(struct req *r, const char *s)
{
	if (!strcmp(s, "annulled"))
		return _(r, "annulled");
	if (!strcmp(s, "changed"))
		return _(r, "changed");
	return _(r, "in force");
}

static void select_opts(struct req *r, const char *id, const struct form_option *o,
			const char *v)
{
	H(r, "<select id=\"f-");
	A(r, id);
	H(r, "\" name=\"");
	A(r, id);
	H(r, "\">");
	for (; o->value; o++) {
		H(r, "<option value=\"");
		A(r, o->value);
		H(r, "\"");
		if (v && !strcmp(v, o->value))
			H(r, " selected");
		H(r, ">");
		T(r, o->label[0] ? web_tr(r, o->label) : "");
		H(r, "</option>");
	}
	H(r, "</select>");
}

/* ---- the register --------------------------------------------------------------------- */

struct rows {
	struct req *r;
	long n;
};

static int row(void *ctx, const struct complaint_row *c)
{
	struct rows *x = ctx;
	struct req *r = x->r;

	if (web_page_full(r))
		return 1;
	x->n++;
	H(r, "<tr id=\"complaint-");
	N(r, c->id);
	H(r, "\"><td><a href=\"/complaints/");
	N(r, c->id);
	H(r, "\">");
	N(r, c->id);
	H(r, "</a></td><td>");
	T(r, kind_label(r, c->kind));
	H(r, "</td><td>");
	if (c->member_id)
		web_member_link(r, c->member_id, c->member_name);
	else
		TR(r, "the leadership of the organisation");
	H(r, "</td><td>");
	web_org_link(r, c->org_code, c->org_name);
	H(r, "</td><td>");
	web_org_link(r, c->body_code, c->body_name);
	H(r, "</td><td>");
	D(r, c->lodged_on);
	H(r, "</td><td>");
	D(r, c->due_on);
	H(r, "</td><td>");
	T(r, state_label(r, c->state));
	if (c->state == CS_OPEN && c->due_on < r->app->today) {
		H(r, " <strong class=\"overdue\">");
		TR(r, "overdue");
		H(r, "</strong>");
	}
	H(r, "</td><td>");
	T(r, outcome_label(r, c->outcome));
	H(r, "</td></tr>\n");
	return 0;
}

/* The filter of the query: 0, or -1 after a problem in r->e. */
static int query_filter(struct req *r, struct complaint_filter *f)
{
	const char *k = req_query(r, "kind"), *s = req_query(r, "state");
	const char *o = req_query(r, "overdue"), *y = req_query(r, "year");
	int year;

	memset(f, 0, sizeof *f);
	f->kind = f->state = -1;
	if (k && k[0] && (f->kind = complaint_kind_parse(k)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "kind", k, NULL, "kind is complaint or denunciation");
	if (s && s[0] && (f->state = complaint_state_parse(s)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "state", s, NULL, "state is open, settled or withdrawn");
	if (o && o[0])
		f->overdue_on = r->app->today;
	if (y && y[0]) {
		if ((year = web_query_year(r)) < 0)
			return -1;
		f->from = date_from_ymd(year, 1, 1);
		f->to = date_from_ymd(year, 12, 31);
	}
	return r->e.code ? -1 : 0;
}

static void send_download(struct req *r, const char *code, int xlsx)
{
	struct complaint_filter f;
	struct buf d;
	long long len;
	int fd;

	if (query_filter(r, &f) ||
	    app_complaint_export(r->app, &r->actor, code, &f, xlsx ? TABLE_XLSX : TABLE_CSV, &fd,
				 &len, &r->e)) {
		web_fail(r);
		return;
	}
	lseek(fd, 0, SEEK_SET);
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			: "text/csv; charset=utf-8";
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"complaints.%s\"", xlsx ? "xlsx" : "csv");
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
}

/* GET /orgs/{code}/complaints.csv and .xlsx: the register as the page filters it. */
void web_org_complaints_csv(struct req *r)
{
	send_download(r, r->pathv[0], 0);
}

void web_org_complaints_xlsx(struct req *r)
{
	send_download(r, r->pathv[0], 1);
}

static void query_link(struct req *r, const char *code, const char *ext)
{
	static const char *const keys[] = {"kind", "state", "year", "overdue", NULL};
	struct buf b;
	size_t i;
	char sep = '?';

	buf_init(&b, 0);
	buf_adds(&b, "/orgs/");
	web_url_arg(&b, code);
	buf_adds(&b, "/complaints");
	buf_adds(&b, ext);
	for (i = 0; keys[i]; i++) {
		const char *v = req_query(r, keys[i]);

		if (v && v[0]) {
			buf_printf(&b, "%c%s=", sep, keys[i]);
			web_url_arg(&b, v);
			sep = '&';
		}
	}
	A(r, buf_str(&b));
	buf_cleanup(&b);
}

/* GET /orgs/{code}/complaints?kind=&state=&year=&overdue=: the register of the subtree. */
void web_org_complaints(struct req *r)
{
	struct complaint_filter f;
	struct rows x = {r, 0};
	struct org o;
	struct err tmp;
	char title[ORG_NAME_MAX * 2 + 128];
	const char *y = req_query(r, "year");

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_inspection_check(r->app, &r->actor, o.id, &r->e) || query_filter(r, &f)) {
		web_fail(r);
		return;
	}
	if (snprintf(title, sizeof title, "%s: %s", _(r, "Complaints and denunciations"), o.name) >=
	    (int)sizeof title)
		title[sizeof title - 1] = 0;
	page_begin(r, title);
	web_crumbs(r, o.code, _(r, "Complaints and denunciations"));
	H(r, "<form method=\"get\" class=\"filters\" id=\"complaint-filter\"><label for=\"f-kind\">");
	TR(r, "Kind");
	H(r, "</label> ");
	select_opts(r, "kind", kind_opts, req_query(r, "kind"));
	H(r, " <label for=\"f-state\">");
	TR(r, "State");
	H(r, "</label> ");
	select_opts(r, "state", state_opts, req_query(r, "state"));
	H(r, " <label for=\"f-year\">");
	TR(r, "Year lodged");
	H(r, "</label> <input id=\"f-year\" name=\"year\" type=\"number\" min=\"1900\" "
	     "max=\"2199\" value=\"");
	A(r, y ? y : "");
	H(r, "\"> <label><input type=\"checkbox\" name=\"overdue\" value=\"1\"");
	if (f.overdue_on)
		H(r, " checked");
	H(r, "> ");
	TR(r, "only open past due");
	H(r, "</label> <button>");
	TR(r, "Show");
	H(r, "</button></form>\n<p class=\"actions\"><a id=\"complaints-csv\" href=\"");
	query_link(r, o.code, ".csv");
	H(r, "\">CSV</a> <a id=\"complaints-xlsx\" href=\"");
	query_link(r, o.code, ".xlsx");
	H(r, "\">XLSX</a>");
	err_init(&tmp);
	if (!app_can_edit(&r->actor, &tmp)) {
		H(r, " <a class=\"action\" id=\"complaint-add\" href=\"/orgs/");
		A(r, o.code);
		H(r, "/complaints/new\">");
		TR(r, "Lodge a complaint");
		H(r, "</a> <a class=\"action\" id=\"denunciation-add\" href=\"/orgs/");
		A(r, o.code);
		H(r, "/complaints/new?kind=denunciation\">");
		TR(r, "Record a denunciation");
		H(r, "</a>");
	}
	err_cleanup(&tmp);
	H(r, "</p>\n<table class=\"list\" tabindex=\"0\" id=\"complaints\"><thead><tr><th>");
	TR(r, "No.");
	H(r, "</th><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "Concerning");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th><th>");
	TR(r, "Lodged with");
	H(r, "</th><th>");
	TR(r, "Lodged on");
	H(r, "</th><th>");
	TR(r, "Due on");
	H(r, "</th><th>");
	TR(r, "State");
	H(r, "</th><th>");
	TR(r, "Outcome");
	H(r, "</th></tr></thead><tbody>\n");
	if (app_complaint_list(r->app, &r->actor, o.code, &f, row, &x, &r->e)) {
		H(r, "</tbody></table>\n<p class=\"err\">");
		T(r, r->e.n ? r->e.items[0].msg : "");
		H(r, "</p>\n");
		err_clear(&r->e);
		page_end(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!x.n) {
		H(r, "<p class=\"empty\" id=\"no-complaints\">");
		TR(r, "No complaints or denunciations.");
		H(r, "</p>\n");
	}
	page_end(r);
}

/* ---- lodging ---------------------------------------------------------------------------- */

struct disc_opts {
	struct form_option v[101];
	char val[100][24], label[100][200];
	size_t n;
};

static int disc_opt(void *ctx, const struct discipline_rec *d)
{
	struct disc_opts *o = ctx;
	char ds[DATE_STR];

	if (strcmp(d->state[0] ? d->state : "in_force", "in_force"))
		return 0;
	if (o->n >= 100)
		return 1;
	snprintf(o->val[o->n], sizeof o->val[o->n], "%lld", (long long)d->id);
	snprintf(o->label[o->n], sizeof o->label[o->n], "%lld: %s, %.80s, %s (%s)",
		 (long long)d->id, discipline_form_name(d->form),
		 d->member_id ? d->member_name : d->org_code, date_format(d->date, ds), d->body);
	o->v[o->n + 1].value = o->val[o->n];
	o->v[o->n + 1].label = o->label[o->n];
	o->n++;
	return 0;
}

static void lodge_form(struct req *r, const struct org *o, int denunciation)
{
	static const char *const shown[] = {"discipline_id", "member_id", "org", "from", "to_body",
					    "lodged_on", "content", NULL};
	struct disc_opts *dopts = NULL;
	struct err tmp;

	page_begin(r, denunciation ? _(r, "Record a denunciation") : _(r, "Lodge a complaint"));
	web_crumbs(r, o->code, _(r, "Complaints and denunciations"));
	H(r, "<p class=\"note\">");
	if (denunciation) {
		TR(r, "A denunciation is settled within the days the rule gives.");
		H(r, " <code>");
		T(r, R_DENUNCIATION_SETTLE_DAYS);
	} else {
		TR(r, "A complaint is lodged within the days the rule gives after the decision was "
		      "notified, with the body above the one that decided; the decision applies "
		      "meanwhile.");
		H(r, " <code>");
		T(r, R_COMPLAINT_DAYS);
		H(r, "</code> <code>");
		T(r, R_COMPLAINT_SETTLE_DAYS);
	}
	H(r, "</code></p>\n");
	form_errors(r, shown);
	H(r, "<form method=\"post\" class=\"record\" id=\"complaint-form\" action=\"/orgs/");
	A(r, o->code);
	H(r, "/complaints\">");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"kind\" value=\"");
	A(r, denunciation ? "denunciation" : "complaint");
	H(r, "\">");
	if (denunciation) {
		form_input(r, _(r, "Member number"), "member_id", "number",
			   form_value(r, "member_id"), 0);
		form_input(r, _(r, "or an organisation, for its leadership (code)"), "org", "text",
			   form_value(r, "org"), 0);
	} else {
		dopts = calloc(1, sizeof *dopts);
		if (!dopts)
			abort();
		dopts->v[0].value = "";
		dopts->v[0].label = "";
		err_init(&tmp);
		{
			struct discipline_filter df = {o->code, 0, -1, "in_force"};

			app_discipline_list(r->app, &r->actor, &df, disc_opt, dopts, &tmp);
		}
		err_cleanup(&tmp);
		dopts->v[dopts->n + 1].value = NULL;
		form_select(r, _(r, "The discipline decision complained against"), "discipline_id",
			    dopts->v, form_value(r, "discipline_id"), 1);
	}
	form_input(r, _(r, "Lodged by (empty: the one disciplined)"), "from", "text",
		   form_value(r, "from"), 0);
	form_input(r, _(r, "Lodged with (organisation code; empty: the body above)"), "to_body",
		   "text", form_value(r, "to_body"), 0);
	form_input(r, _(r, "Lodged on (empty: today)"), "lodged_on", "date",
		   form_value(r, "lodged_on"), 0);
	form_input(r, _(r, "Content"), "content", "text", form_value(r, "content"), 1);
	H(r, "<button type=\"submit\" id=\"submit\">");
	TR(r, "Save");
	H(r, "</button></form>\n");
	free(dopts);
	page_end(r);
}

/* GET /orgs/{code}/complaints/new?kind=denunciation */
void web_complaint_new_get(struct req *r)
{
	struct org o;
	const char *k = req_query(r, "kind");

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e) ||
	    app_inspection_check(r->app, &r->actor, o.id, &r->e)) {
		web_fail(r);
		return;
	}
	if (form_read_only(r))
		return;
	lodge_form(r, &o, k && !strcmp(k, "denunciation"));
}

static int64_t form_id(struct req *r, const char *name)
{
	const char *v = form_value(r, name);
	long long n;
	char *end;

	if (!v[0])
		return 0;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno || *end || n <= 0 || v[0] < '0' || v[0] > '9') {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL, "%s", _(r, "A number is a whole number."));
		return 0;
	}
	return (int64_t)n;
}

/* A record not found is a mistake in the field that named it: the form itself is there. */
static void notfound_to_field(struct req *r, const char *field)
{
	size_t i;

	if (r->e.code != ERR_NOTFOUND)
		return;
	r->e.code = ERR_INPUT;
	for (i = 0; i < r->e.n; i++)
		if (!r->e.items[i].field[0] || !strcmp(r->e.items[i].field, "id"))
			snprintf(r->e.items[i].field, sizeof r->e.items[i].field, "%s", field);
}

/* POST /orgs/{code}/complaints */
void web_complaint_new_post(struct req *r)
{
	struct complaint_in in;
	struct org o;
	char loc[64];
	int64_t id = 0;
	int den = !strcmp(form_value(r, "kind"), "denunciation");

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	memset(&in, 0, sizeof in);
	in.kind = den ? CK_DENUNCIATION : CK_COMPLAINT;
	in.discipline_id = form_id(r, "discipline_id");
	in.member_id = form_id(r, "member_id");
	in.org_code = form_value(r, "org");
	in.from_name = form_value(r, "from");
	in.to_body = form_value(r, "to_body");
	in.lodged_on = form_date(r, "lodged_on");
	in.content = form_value(r, "content");
	if (r->e.code || app_complaint_add(r->app, &r->actor, &in, &id, &r->e)) {
		notfound_to_field(r, den ? (in.member_id ? "member_id" : "org") : "discipline_id");
		if (!form_fail_page(r))
			lodge_form(r, &o, den);
		return;
	}
	snprintf(loc, sizeof loc, "/complaints/%lld", (long long)id);
	form_done_flash(r, loc, "complaint-added", 0);
}

/* ---- one complaint ------------------------------------------------------------------------ */

static int history_row(void *ctx, const struct discipline_row *d)
{
	struct req *r = ctx;

	H(r, "<tr id=\"decision-");
	N(r, d->id);
	H(r, "\"><td>");
	N(r, d->id);
	H(r, "</td><td>");
	T(r, web_discipline_label(r, (enum discipline_form)d->form));
	H(r, "</td><td>");
	D(r, d->date);
	H(r, "</td><td>");
	T(r, d->body_code);
	if (d->inspection) {
		H(r, " (");
		TR(r, "inspection committee");
		H(r, ")");
	}
	H(r, "</td><td>");
	T(r, d->decision_no);
	H(r, "</td><td>");
	D(r, d->notified_on);
	H(r, "</td><td class=\"state\">");
	T(r, disc_state_label(r, d->state[0] ? d->state : "in_force"));
	H(r, "</td><td>");
	D(r, d->ended_on);
	H(r, "</td><td>");
	T(r, d->reason);
	H(r, "</td></tr>\n");
	return 0;
}

static void dl_item(struct req *r, const char *label, const char *value)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	T(r, value);
	H(r, "</dd>");
}

static void complaint_page(struct req *r, const struct complaint_row *c)
{
	static const char *const shown[] = {"outcome", "form", "settled_on", "decision_no",
					    "settlement", "date", "reason", NULL};
	char title[96], ds[DATE_STR];
	struct err tmp;

	snprintf(title, sizeof title, "%s %lld",
		 c->kind == CK_DENUNCIATION ? _(r, "Denunciation") : _(r, "Complaint"),
		 (long long)c->id);
	page_begin(r, title);
	web_crumbs(r, c->org_code, title);
	H(r, "<dl class=\"record\" id=\"complaint\">");
	dl_item(r, _(r, "Kind"), kind_label(r, c->kind));
	H(r, "<dt>");
	TR(r, "Concerning");
	H(r, "</dt><dd>");
	if (c->member_id)
		web_member_link(r, c->member_id, c->member_name);
	else
		TR(r, "the leadership of the organisation");
	H(r, " — ");
	web_org_link(r, c->org_code, c->org_name);
	H(r, "</dd><dt>");
	TR(r, "Lodged with");
	H(r, "</dt><dd>");
	web_org_link(r, c->body_code, c->body_name);
	H(r, "</dd>");
	dl_item(r, _(r, "Lodged by"), c->from_name);
	dl_item(r, _(r, "Lodged on"), date_format(c->lodged_on, ds));
	dl_item(r, _(r, "Due on"), date_format(c->due_on, ds));
	H(r, "<dt>");
	TR(r, "State");
	H(r, "</dt><dd id=\"complaint-state\">");
	T(r, state_label(r, c->state));
	if (c->state == CS_OPEN && c->due_on < r->app->today) {
		H(r, " <strong class=\"overdue\">");
		TR(r, "overdue");
		H(r, "</strong>");
	}
	H(r, "</dd>");
	if (c->state == CS_SETTLED) {
		H(r, "<dt>");
		TR(r, "Outcome");
		H(r, "</dt><dd id=\"complaint-outcome\">");
		T(r, outcome_label(r, c->outcome));
		H(r, "</dd>");
		dl_item(r, _(r, "Settlement decision"), c->settlement_no);
	}
	if (c->state != CS_OPEN) {
		dl_item(r, c->state == CS_SETTLED ? _(r, "Settled on") : _(r, "Withdrawn on"),
			date_format(c->settled_on, ds));
		dl_item(r, _(r, "Settlement"), c->settlement);
	}
	dl_item(r, _(r, "Content"), c->content);
	H(r, "</dl>\n");
	if (c->discipline_id) {
		H(r, "<h2 id=\"history\">");
		TR(r, "The decision and its history");
		H(r, "</h2>\n<table class=\"list\" tabindex=\"0\" id=\"decision-history\"><thead><tr>"
		     "<th>");
		TR(r, "No.");
		H(r, "</th><th>");
		TR(r, "Form of discipline");
		H(r, "</th><th>");
		TR(r, "Decided on");
		H(r, "</th><th>");
		TR(r, "Deciding body");
		H(r, "</th><th>");
		TR(r, "Decision number");
		H(r, "</th><th>");
		TR(r, "Notified on");
		H(r, "</th><th>");
		TR(r, "State");
		H(r, "</th><th>");
		TR(r, "Ended on");
		H(r, "</th><th>");
		TR(r, "Reason");
		H(r, "</th></tr></thead><tbody>\n");
		err_init(&tmp);
		app_complaint_history(r->app, c->discipline_id, history_row, r, &tmp);
		err_cleanup(&tmp);
		H(r, "</tbody></table>\n");
	}
	err_init(&tmp);
	if (c->state == CS_OPEN && !app_can_edit(&r->actor, &tmp)) {
		form_errors(r, shown);
		H(r, "<h2>");
		TR(r, "Settle");
		H(r, "</h2>\n<form method=\"post\" class=\"record\" id=\"settle-form\" "
		     "action=\"/complaints/");
		N(r, c->id);
		H(r, "/settle\">");
		form_csrf(r);
		form_select(r, _(r, "Outcome"), "outcome",
			    c->kind == CK_DENUNCIATION ? denunciation_outcomes : complaint_outcomes,
			    form_value(r, "outcome"), 1);
		if (c->kind == CK_COMPLAINT)
			form_select(r, _(r, "New form (reduced or raised)"), "form", form_opts,
				    form_value(r, "form"), 0);
		form_input(r, _(r, "Settled on (empty: today)"), "settled_on", "date",
			   form_value(r, "settled_on"), 0);
		form_input(r, _(r, "Settlement decision number"), "decision_no", "text",
			   form_value(r, "decision_no"), 0);
		form_input(r, _(r, "Settlement"), "settlement", "text", form_value(r, "settlement"),
			   0);
		H(r, "<button type=\"submit\" id=\"settle\">");
		TR(r, "Settle");
		H(r, "</button></form>\n<h2>");
		TR(r, "Withdrawn");
		H(r, "</h2>\n<form method=\"post\" class=\"record\" id=\"withdraw-form\" "
		     "action=\"/complaints/");
		N(r, c->id);
		H(r, "/withdraw\">");
		form_csrf(r);
		form_input(r, _(r, "Withdrawn on (empty: today)"), "date", "date",
			   form_value(r, "date"), 0);
		form_input(r, _(r, "Reason"), "reason", "text", form_value(r, "reason"), 0);
		H(r, "<button type=\"submit\" id=\"withdraw\">");
		TR(r, "Record the withdrawal");
		H(r, "</button></form>\n");
	}
	err_cleanup(&tmp);
	page_end(r);
}

/* The complaint of the path, in sight and with the right: 0, or 1 after the error page. */
static int path_complaint(struct req *r, struct complaint_row *c)
{
	int64_t id = form_path_id(r);

	if (!id)
		err_set(&r->e, ERR_NOTFOUND, "no complaint has the id %s", r->pathv[0]);
	if (r->e.code || app_complaint_get(r->app, &r->actor, id, c, &r->e)) {
		web_fail(r);
		return 1;
	}
	return 0;
}

/* GET /complaints/{id} */
void web_complaint(struct req *r)
{
	struct complaint_row c;

	if (path_complaint(r, &c))
		return;
	complaint_page(r, &c);
}

/* POST /complaints/{id}/settle */
void web_complaint_settle_post(struct req *r)
{
	struct complaint_settle_in in;
	struct complaint_row c;
	const char *o = form_value(r, "outcome"), *f = form_value(r, "form");
	char loc[64];

	if (path_complaint(r, &c))
		return;
	memset(&in, 0, sizeof in);
	in.id = c.id;
	in.outcome = complaint_outcome_parse(o);
	in.form = f[0] ? discipline_form_parse(f) : -1;
	if (in.outcome < 0)
		err_add(&r->e, ERR_INPUT, 0, "outcome", o, NULL, "%s", _(r, "Choose the outcome."));
	if (f[0] && in.form < 0)
		err_add(&r->e, ERR_INPUT, 0, "form", f, NULL, "%s",
			_(r, "Choose the form of discipline."));
	in.on = form_date(r, "settled_on");
	in.decision_no = form_value(r, "decision_no");
	in.text = form_value(r, "settlement");
	if (r->e.code || app_complaint_settle(r->app, &r->actor, &in, NULL, &r->e)) {
		if (!form_fail_page(r))
			complaint_page(r, &c);
		return;
	}
	snprintf(loc, sizeof loc, "/complaints/%lld", (long long)c.id);
	form_done_flash(r, loc, "complaint-settled", 0);
}

/* POST /complaints/{id}/withdraw */
void web_complaint_withdraw_post(struct req *r)
{
	struct complaint_row c;
	date_t on;
	char loc[64];

	if (path_complaint(r, &c))
		return;
	on = form_date(r, "date");
	if (r->e.code ||
	    app_complaint_withdraw(r->app, &r->actor, c.id, on, form_value(r, "reason"), &r->e)) {
		if (!form_fail_page(r))
			complaint_page(r, &c);
		return;
	}
	snprintf(loc, sizeof loc, "/complaints/%lld", (long long)c.id);
	form_done_flash(r, loc, "complaint-withdrawn", 0);
}
