/* page_admission.c - admissions on the pages (issue 11, DOMAIN §5): the pipeline board of a
 * grassroots organisation or a cell (GET /admissions?org=CODE[&stage=S&offset=N]: the open
 * stages as columns, as sections on a phone, each with its count, its overdue count and its
 * cases with the next step and its deadline) and the due list (GET /admissions/due?org=CODE
 * [&as_of=D][&kind=K][&format=csv|xlsx]: ceremonies and recognition votes due and overdue,
 * probationers past their probation without a vote, cases awaiting the committee above), and
 * the words both share with the record's page (page_admission.h). Counts come from
 * app_adm_board and app_adm_due (the due index), never from a walk of the roll. */
#include <string.h>

#include "../lib/buf.h"
#include "page_admission.h"
#include "pages.h"
#include "web_list.h"

/* ---- words ------------------------------------------------------------------------------ */

static const char *const stage_labels[AST__COUNT] = {
	[AST_CANDIDATE] = N_("Candidates"),
	[AST_CLASS] = N_("Awareness class passed"),
	[AST_APPLIED] = N_("Application filed"),
	[AST_VERIFIED] = N_("Personal history verified"),
	[AST_CELL_PASSED] = N_("Passed by the cell"),
	[AST_COMMITTEE_PASSED] = N_("Passed by the grassroots committee"),
	[AST_DECIDED] = N_("Admission decided"),
	[AST_PROBATION] = N_("Probationary members"),
	[AST_REFERRED] = N_("Referred to the committee above"),
	[AST_OFFICIAL] = N_("Recognised as official"),
	[AST_REMOVED] = N_("Removed from the rolls"),
	[AST_WITHDRAWN] = N_("Withdrawn"),
	[AST_REFUSED] = N_("Refused by the committee above"),
};

static const char *const step_labels[ASK__COUNT] = {
	[ASK_LISTED] = N_("Listed as a candidate"),
	[ASK_CLASS] = N_("Awareness class"),
	[ASK_APPLICATION] = N_("Application and introducers"),
	[ASK_VERIFICATION] = N_("Verification of personal history"),
	[ASK_CELL_VOTE] = N_("Vote of the cell"),
	[ASK_COMMITTEE_VOTE] = N_("Vote of the grassroots committee"),
	[ASK_DECISION] = N_("Admission decision of the committee above"),
	[ASK_CEREMONY] = N_("The admission ceremony"),
	[ASK_RECOGNITION_VOTE] = N_("Vote on recognition as official"),
	[ASK_UPPER_RULING] = N_("Ruling of the committee above"),
	[ASK_WITHDRAWAL] = N_("Withdrawal of the case"),
	[ASK_TRANSFER] = N_("Moved to another cell"),
};

static const char *const source_labels[ASRC__COUNT] = {
	[ASRC_SOLDIER] = N_("Outstanding soldier"),
	[ASRC_SQUAD_LEADER] = N_("Squad leader"),
	[ASRC_YOUTH_UNION] = N_("Youth Union member"),
	[ASRC_OTHER] = N_("Other source"),
};

static const char *const due_labels[DK__COUNT] = {
	[DK_NONE] = "",
	[DK_CEREMONY] = N_("Admission ceremony due"),
	[DK_RECOGNITION] = N_("Recognition vote due"),
	[DK_UPPER_DECISION] = N_("Decision of the committee above awaited"),
	[DK_UPPER_RULING] = N_("Ruling of the committee above awaited"),
};

const char *adm_web_stage(const struct req *r, int stage)
{
	return stage >= 0 && stage < AST__COUNT ? web_tr(r, stage_labels[stage]) : "";
}

const char *adm_web_step(const struct req *r, int step)
{
	return step >= 0 && step < ASK__COUNT ? web_tr(r, step_labels[step]) : "";
}

const char *adm_web_source(const struct req *r, int source)
{
	return source >= 0 && source < ASRC__COUNT ? web_tr(r, source_labels[source]) : "";
}

const char *adm_web_due_kind(const struct req *r, int kind)
{
	return kind > DK_NONE && kind < DK__COUNT ? web_tr(r, due_labels[kind]) : "";
}

int adm_web_next_step(const struct admission *c)
{
	switch (c->stage) {
	case AST_CANDIDATE: return ASK_CLASS;
	case AST_CLASS: return ASK_APPLICATION;
	case AST_APPLIED: return ASK_VERIFICATION;
	case AST_VERIFIED: return ASK_CELL_VOTE;
	case AST_CELL_PASSED:
		/* A grassroots cell has no committee of its own between it and the decision. */
		return c->due_kind == DK_UPPER_DECISION ? ASK_DECISION : ASK_COMMITTEE_VOTE;
	case AST_COMMITTEE_PASSED: return ASK_DECISION;
	case AST_DECIDED: return ASK_CEREMONY;
	case AST_PROBATION: return ASK_RECOGNITION_VOTE;
	case AST_REFERRED: return ASK_UPPER_RULING;
	default: return -1;
	}
}

int adm_web_overdue(const struct admission *c, date_t as_of)
{
	return adm_overdue(c, as_of);
}

void adm_web_deadline(struct req *r, const struct admission *c, date_t as_of)
{
	if (c->due_kind == DK_NONE || c->due_on == DATE_NONE)
		return;
	H(r, "<span class=\"due");
	if (adm_web_overdue(c, as_of)) {
		H(r, " overdue\"><strong class=\"flag\">");
		TR(r, "Overdue");
		H(r, "</strong> ");
		TR(r, "deadline was");
	} else if (c->due_kind == DK_UPPER_DECISION || c->due_kind == DK_UPPER_RULING) {
		H(r, " awaited\">");
		TR(r, "awaited since");
	} else {
		H(r, "\">");
		TR(r, "by");
	}
	H(r, " ");
	D(r, c->due_on);
	H(r, "</span>");
}

void adm_web_org(struct req *r, const char *code)
{
	struct org o;
	struct err tmp;

	err_init(&tmp);
	if (!app_org_get(r->app, &r->actor, code, &o, &tmp))
		web_org_link(r, o.code, o.name);
	else
		T(r, code);
	err_cleanup(&tmp);
}

/* ---- the board -------------------------------------------------------------------------- */

/* Cases shown in a column of the board; the rest are on the column's own list. */
#define BOARD_CASES 20

struct board_ctx {
	struct req *r;
	const char *org;  /* the board's organisation: a case of another cell names its cell */
	long n;
};

static int board_case(void *ctx, const struct admission *c)
{
	struct board_ctx *b = ctx;
	struct req *r = b->r;
	int next = adm_web_next_step(c);

	if (web_page_full(r))
		return 1;
	b->n++;
	H(r, "<li class=\"case");
	if (adm_web_overdue(c, r->app->today))
		H(r, " overdue");
	H(r, "\" id=\"case-");
	N(r, c->id);
	H(r, "\"><a class=\"name\" href=\"/admissions/");
	N(r, c->id);
	H(r, "\">");
	T(r, c->p.full_name);
	H(r, "</a>");
	if (strcmp(c->p.org_code, b->org)) {
		H(r, " <span class=\"cell\">");
		adm_web_org(r, c->p.org_code);
		H(r, "</span>");
	}
	if (next >= 0) {
		H(r, "<br><span class=\"next\">");
		TR(r, "Next:");
		H(r, " ");
		T(r, adm_web_step(r, next));
		H(r, "</span>");
	}
	if (c->due_kind != DK_NONE) {
		H(r, " ");
		adm_web_deadline(r, c, r->app->today);
	}
	if (c->stage == AST_PROBATION && c->failed_votes > 0) {
		H(r, " <span class=\"failed\">");
		TR(r, "failed votes:");
		H(r, " ");
		N(r, c->failed_votes);
		H(r, "</span>");
	}
	H(r, "</li>\n");
	return 0;
}

/* The link to one stage's whole list on the board of org. */
static void stage_href(struct req *r, const char *org, int stage)
{
	H(r, "/admissions?org=");
	U(r, org);
	H(r, "&amp;stage=");
	U(r, adm_stage_name((enum adm_stage)stage));
}

/* One column: its head with the counts, then its cases (a page of them when it is the only
 * column shown). */
static int board_column(struct req *r, const struct org *o, const struct adm_board *b,
			int stage, long offset, int alone)
{
	struct board_ctx c = {r, o->code, 0};
	long total = 0, limit = alone ? WEB_PAGE_ROWS : BOARD_CASES;
	const char *name = adm_stage_name((enum adm_stage)stage);

	H(r, "<section class=\"stage\" id=\"stage-");
	A(r, name);
	H(r, "\"><h2>");
	T(r, adm_web_stage(r, stage));
	H(r, " <span class=\"count\" id=\"count-");
	A(r, name);
	H(r, "\">");
	Q(r, b->count[stage]);
	H(r, "</span>");
	if (b->overdue[stage] > 0) {
		H(r, " <strong class=\"flag\" id=\"overdue-");
		A(r, name);
		H(r, "\">");
		Q(r, b->overdue[stage]);
		H(r, " ");
		TR(r, "overdue");
		H(r, "</strong>");
	}
	H(r, "</h2>\n<ol class=\"cases\">\n");
	if (app_adm_list(r->app, &r->actor, o->code, stage, offset, limit, board_case, &c, &total,
			 &r->e))
		return -1;
	H(r, "</ol>\n");
	if (!c.n) {
		H(r, "<p class=\"nodata\">");
		TR(r, "None.");
		H(r, "</p>\n");
	}
	if (!alone && total > c.n) {
		H(r, "<p class=\"more\"><a href=\"");
		stage_href(r, o->code, stage);
		H(r, "\">");
		TR(r, "All of this stage");
		H(r, " (");
		Q(r, total);
		H(r, ")</a></p>\n");
	}
	if (alone) {
		struct buf pre;

		buf_init(&pre, 0);
		buf_adds(&pre, "/admissions?org=");
		web_url_arg(&pre, o->code);
		buf_adds(&pre, "&stage=");
		buf_adds(&pre, name);
		buf_adds(&pre, "&");
		web_pager(r, buf_str(&pre), offset, c.n, offset + c.n < total);
		buf_cleanup(&pre);
	}
	H(r, "</section>\n");
	return 0;
}

/* The page asking which organisation's board to show (an account of the whole tree). */
static void board_choose(struct req *r)
{
	page_begin(r, _(r, "Admissions"));
	H(r, "<form class=\"record\" method=\"get\" action=\"/admissions\" id=\"choose\">");
	form_input(r, _(r, "Code of a grassroots organisation or a cell"), "org", "text", "", 1);
	H(r, "<button type=\"submit\">");
	TR(r, "Show the board");
	H(r, "</button></form>\n");
	web_pick_form(r, "/admissions", "org");
	H(r, WEB_PICKER_SCRIPT "\n");
	page_end(r);
}

/* GET /admissions?org=CODE[&stage=S&offset=N] */
void web_adm_board(struct req *r)
{
	const char *org = req_query(r, "org"), *st = req_query(r, "stage");
	struct adm_board b;
	struct org o;
	struct buf title;
	long offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	int stage = -1, s;
	struct err tmp;

	if (!org || !org[0]) {
		if (r->actor.scope_code[0]) {
			struct buf loc;

			buf_init(&loc, 0);
			buf_adds(&loc, "/admissions?org=");
			web_url_arg(&loc, r->actor.scope_code);
			req_redirect(r, buf_str(&loc));
			buf_cleanup(&loc);
		} else {
			board_choose(r);
		}
		return;
	}
	if (st && st[0] && (stage = adm_stage_parse(st)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "stage", st, NULL,
			"stage must be one of the stages of a case (candidate, class, applied, "
			"verified, cell_passed, committee_passed, decided, probation, referred, "
			"official, removed, withdrawn, refused)");
	if (offset < 0 || r->e.code || app_org_get(r->app, &r->actor, org, &o, &r->e) ||
	    app_adm_board(r->app, &r->actor, o.code, r->app->today, &b, &r->e)) {
		web_fail(r);
		return;
	}
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Admissions"), o.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, o.code, _(r, "Admissions"));
	H(r, "<p class=\"actions\">");
	err_init(&tmp);
	/* Cases are kept by cells: a cell, or a grassroots organisation without cells. */
	if (!app_can_edit(&r->actor, &tmp) && o.dissolved == DATE_NONE &&
	    (o.kind == OK_CELL || (o.kind == OK_GRASSROOTS && o.last == o.pre))) {
		H(r, "<a class=\"action\" id=\"add-candidate\" href=\"/admissions/new?org=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "Add a candidate");
		H(r, "</a> ");
	}
	err_cleanup(&tmp);
	H(r, "<a class=\"action\" id=\"due-list\" href=\"/admissions/due?org=");
	U(r, o.code);
	H(r, "\">");
	TR(r, "Due and overdue");
	H(r, "</a> <a class=\"action\" href=\"/orgs/");
	U(r, o.code);
	H(r, "\">");
	TR(r, "Back to the organisation");
	H(r, "</a></p>\n<p class=\"print-only\" id=\"printed\">");
	TR(r, "Admission pipeline");
	H(r, " · ");
	T(r, o.name);
	H(r, " · ");
	TR(r, "printed by");
	H(r, " ");
	T(r, r->actor.name);
	H(r, " · ");
	D(r, r->app->today);
	H(r, "</p>\n");
	if (stage >= 0) {
		H(r, "<p><a href=\"/admissions?org=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "The whole board");
		H(r, "</a></p>\n<div class=\"board single\" id=\"board\">\n");
		if (board_column(r, &o, &b, stage, offset, 1))
			goto fail;
		H(r, "</div>\n");
		page_end(r);
		return;
	}
	H(r, "<div class=\"board\" id=\"board\">\n");
	for (s = AST_CANDIDATE; s <= AST_REFERRED; s++)
		if (board_column(r, &o, &b, s, 0, 0))
			goto fail;
	H(r, "</div>\n<p class=\"closed\" id=\"closed\">");
	TR(r, "Closed cases:");
	for (s = AST_OFFICIAL; s < AST__COUNT; s++) {
		H(r, " <a href=\"");
		stage_href(r, o.code, s);
		H(r, "\">");
		T(r, adm_web_stage(r, s));
		H(r, "</a>");
		if (s + 1 < AST__COUNT)
			H(r, " ·");
	}
	H(r, "</p>\n");
	page_end(r);
	return;
fail:
	web_fail(r);
}

/* ---- the due list ----------------------------------------------------------------------- */

/* The filters of the due list (?kind=): what a worklist item counts. */
enum due_filter {
	DUE_ALL = 0,
	DUE_CEREMONY,            /* ceremonies due or overdue */
	DUE_CEREMONY_OVERDUE,    /* ceremonies not held in time */
	DUE_RECOGNITION,         /* recognition votes due or overdue (past probation, no vote) */
	DUE_RECOGNITION_DUE,     /* recognition votes due, the deadline not yet passed */
	DUE_RECOGNITION_OVERDUE, /* recognition votes overdue */
	DUE_UPPER,               /* decisions and rulings awaited from the committee above */
	DUE__COUNT
};

static const char *const due_filter_names[DUE__COUNT] = {
	"", "ceremony", "ceremony_overdue", "recognition", "recognition_due",
	"recognition_overdue", "upper",
};

static const char *const due_filter_labels[DUE__COUNT] = {
	N_("Everything due"),
	N_("Admission ceremonies due"),
	N_("Admission ceremonies not held in time"),
	N_("Recognition votes due or overdue"),
	N_("Recognition votes due within the time allowed"),
	N_("Recognition votes overdue"),
	N_("Awaiting the committee above"),
};

static int due_filter_match(int f, const struct admission *c, date_t as_of)
{
	int late = adm_web_overdue(c, as_of);

	switch (f) {
	case DUE_CEREMONY: return c->due_kind == DK_CEREMONY;
	case DUE_CEREMONY_OVERDUE: return c->due_kind == DK_CEREMONY && late;
	case DUE_RECOGNITION: return c->due_kind == DK_RECOGNITION;
	case DUE_RECOGNITION_DUE: return c->due_kind == DK_RECOGNITION && !late;
	case DUE_RECOGNITION_OVERDUE: return c->due_kind == DK_RECOGNITION && late;
	case DUE_UPPER:
		return c->due_kind == DK_UPPER_DECISION || c->due_kind == DK_UPPER_RULING;
	default: return c->due_kind != DK_NONE;
	}
}

static const char *const due_params[] = {"org", "as_of", "kind", NULL};

struct due_ctx {
	struct web_list *l;
	int filter;
	date_t as_of;
	long n, shown; /* rows matching; rows written to the page */
	long overdue;
	int full;
};

static void due_row(struct web_list *l, const struct admission *c, date_t as_of)
{
	struct req *r = l->r;
	char id[40], href[48];
	int late = adm_web_overdue(c, as_of);

	if (c->id > 0) {
		snprintf(id, sizeof id, "due-%lld", (long long)c->id);
		snprintf(href, sizeof href, "/admissions/%lld", (long long)c->id);
	} else {
		/* A probationer imported or added without a case: the member's record. */
		snprintf(id, sizeof id, "due-m%lld", (long long)c->member_id);
		snprintf(href, sizeof href, "/members/%lld", (long long)c->member_id);
	}
	if (web_list_download(l)) {
		web_list_tr(l, NULL);
	} else {
		/* The row's class marks it for the eye; the flag in its last cell says it. */
		l->in_row = 1;
		H(r, "<tr id=\"");
		A(r, id);
		if (late)
			H(r, "\" class=\"overdue\">");
		else
			H(r, "\">");
	}
	web_list_td_link(l, href, c->p.full_name);
	if (web_list_download(l)) {
		web_list_td(l, c->p.org_code);
	} else {
		H(r, "<td>");
		adm_web_org(r, c->p.org_code);
		H(r, "</td>");
	}
	web_list_td(l, adm_web_stage(r, c->stage));
	web_list_td(l, adm_web_due_kind(r, c->due_kind));
	web_list_td_date(l, c->due_from);
	web_list_td_date(l, c->due_on);
	if (web_list_download(l)) {
		web_list_td(l, late ? _(r, "Overdue") : "");
	} else {
		H(r, "<td>");
		adm_web_deadline(r, c, as_of);
		H(r, "</td>");
	}
	web_list_tr_end(l);
}

/* The first pass (app_adm_due_sel): every item, with its deadline only, counted; the rows of
 * the page (or of a download: every match) taken to be read whole. */
static int due_select(void *ctx, const struct admission *c)
{
	struct due_ctx *d = ctx;
	struct web_list *l = d->l;

	if (!due_filter_match(d->filter, c, d->as_of))
		return ADM_SEL_SKIP;
	d->n++;
	d->overdue += adm_web_overdue(c, d->as_of);
	if (web_list_download(l))
		return ADM_SEL_TAKE;
	return d->n <= l->offset || d->n > l->offset + l->per ? ADM_SEL_SKIP : ADM_SEL_TAKE;
}

/* The second pass: the rows taken, read whole. */
static int due_collect(void *ctx, const struct admission *c)
{
	struct due_ctx *d = ctx;
	struct web_list *l = d->l;

	if (web_list_download(l)) {
		due_row(l, c, d->as_of);
		return 0;
	}
	if (web_page_full(l->r)) {
		d->full = 1;
		return 0;
	}
	due_row(l, c, d->as_of);
	d->shown++;
	return 0;
}

static void due_heads(struct web_list *l)
{
	struct req *r = l->r;

	web_list_th(l, _(r, "Full name"), NULL, 0);
	web_list_th(l, _(r, "Cell"), NULL, 0);
	web_list_th(l, _(r, "Stage"), NULL, 0);
	web_list_th(l, _(r, "What is due"), NULL, 0);
	web_list_th(l, _(r, "Shown from"), NULL, 0);
	web_list_th(l, _(r, "Due by"), NULL, 0);
	web_list_th(l, _(r, "Deadline"), NULL, 0);
}

static void due_filter_form(struct req *r, const char *org, const char *as_of, int filter)
{
	int f;

	H(r, "<form class=\"inline\" method=\"get\" action=\"/admissions/due\" id=\"due-filter\">"
	     "<input type=\"hidden\" name=\"org\" value=\"");
	A(r, org);
	H(r, "\"><label for=\"f-kind\">");
	TR(r, "Show");
	H(r, "</label> <select id=\"f-kind\" name=\"kind\">");
	for (f = 0; f < DUE__COUNT; f++) {
		H(r, "<option value=\"");
		A(r, due_filter_names[f]);
		H(r, "\"");
		if (f == filter)
			H(r, " selected");
		H(r, ">");
		T(r, web_tr(r, due_filter_labels[f]));
		H(r, "</option>");
	}
	H(r, "</select> <label for=\"f-as_of\">");
	TR(r, "as of");
	H(r, "</label> <input id=\"f-as_of\" name=\"as_of\" type=\"date\" value=\"");
	A(r, as_of);
	H(r, "\"> <button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
}

/* GET /admissions/due?org=CODE[&as_of=D][&kind=K][&offset=N][&format=csv|xlsx] */
void web_adm_due(struct req *r)
{
	const char *org = req_query(r, "org"), *asq = req_query(r, "as_of");
	const char *kind = req_query(r, "kind"), *why = NULL;
	struct due_ctx d;
	struct web_list l;
	struct org o;
	struct buf title;
	date_t as_of = r->app->today;
	int f;

	memset(&d, 0, sizeof d);
	if (!org || !org[0])
		org = r->actor.scope_code;
	if (asq && asq[0] && date_parse(asq, &as_of, &why))
		err_add(&r->e, ERR_USAGE, 0, "as_of", asq, NULL, "as_of %s is not a date (YYYY-MM-DD)",
			asq);
	for (f = 0; kind && kind[0] && f < DUE__COUNT; f++)
		if (!strcmp(kind, due_filter_names[f]))
			break;
	if (f == DUE__COUNT)
		err_add(&r->e, ERR_USAGE, 0, "kind", kind, NULL,
			"kind must be one of: ceremony, ceremony_overdue, recognition, "
			"recognition_due, recognition_overdue, upper");
	d.filter = kind && kind[0] ? f : DUE_ALL;
	d.as_of = as_of;
	d.l = &l;
	if (r->e.code) {
		web_fail(r);
		return;
	}
	if (web_list_begin(&l, r, "/admissions/due", due_params, "due", "due", WEB_PAGE_ROWS,
			   "due") ||
	    (org[0] && app_org_get(r->app, &r->actor, org, &o, &r->e))) {
		web_list_abort(&l);
		web_fail(r);
		return;
	}
	if (!org[0])
		memset(&o, 0, sizeof o);
	if (web_list_download(&l)) {
		due_heads(&l);
		table_out_row(l.out);
		if (app_adm_due_sel(r->app, &r->actor, org[0] ? o.code : NULL, as_of, due_select,
				due_collect, &d,
				&r->e)) {
			web_list_abort(&l);
			web_fail(r);
			return;
		}
		web_list_send(&l, "admissions-due");
		return;
	}
	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Admissions due"), o.name[0] ? o.name : _(r, "all"));
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	if (o.code[0])
		web_crumbs(r, o.code, _(r, "Admissions due"));
	H(r, "<p class=\"actions\">");
	if (o.code[0]) {
		H(r, "<a class=\"action\" id=\"board-link\" href=\"/admissions?org=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "The admission board");
		H(r, "</a>");
	}
	H(r, "</p>\n<p class=\"print-only\" id=\"printed\">");
	TR(r, "Admissions due");
	H(r, " · ");
	T(r, o.name);
	H(r, " · ");
	TR(r, "printed by");
	H(r, " ");
	T(r, r->actor.name);
	H(r, " · ");
	D(r, r->app->today);
	H(r, "</p>\n");
	due_filter_form(r, o.code, asq ? asq : "", d.filter);
	H(r, "<p id=\"due-what\">");
	T(r, web_tr(r, due_filter_labels[d.filter]));
	H(r, " · ");
	TR(r, "as of");
	H(r, " ");
	D(r, as_of);
	H(r, "</p>\n<table class=\"due\" id=\"due\" tabindex=\"0\"><thead><tr>");
	due_heads(&l);
	H(r, "</tr></thead><tbody>\n");
	if (app_adm_due_sel(r->app, &r->actor, org[0] ? o.code : NULL, as_of, due_select,
				due_collect, &d,
			&r->e)) {
		web_fail(r);
		return;
	}
	H(r, "</tbody></table>\n");
	if (!d.n) {
		H(r, "<p id=\"no-due\">");
		TR(r, "Nothing is due.");
		H(r, "</p>\n");
	} else {
		H(r, "<p id=\"due-total\">");
		TR(r, "In all:");
		H(r, " <b>");
		Q(r, d.n);
		H(r, "</b>, ");
		TR(r, "overdue:");
		H(r, " <b id=\"due-overdue\">");
		Q(r, d.overdue);
		H(r, "</b></p>\n");
	}
	l.total = d.n;
	web_list_pages(&l, d.shown);
	page_end(r);
}
