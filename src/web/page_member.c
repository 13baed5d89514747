/* page_member.c - GET /members/{id}: a member's whole record, the timeline of statuses, roll
 * periods, transfers and events, and the yearly reviews. Printed, it is a clean A4 record
 * sheet that names the organisation, the date and who printed it. Opening it is written to
 * the audit log (by app_member_history). */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "pages.h"

static void row_text(struct req *r, const char *label, const char *value)
{
	if (!value || !value[0])
		return;
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	T(r, value);
	H(r, "</dd>");
}

static void row_date(struct req *r, const char *label, date_t d)
{
	if (d == DATE_NONE)
		return;
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
	D(r, d);
	H(r, "</dd>");
}

static void record(struct req *r, const struct member *m, const struct org *roll, int roll_known)
{
	size_t i;

	H(r, "<dl class=\"record\" id=\"record\">");
	row_text(r, _(r, "Full name"), m->full_name);
	H(r, "<dt>");
	TR(r, "Member number");
	H(r, "</dt><dd id=\"member-id\">");
	N(r, m->id);
	H(r, "</dd><dt>");
	TR(r, "Status");
	H(r, "</dt><dd id=\"status\">");
	T(r, web_status_label(r, m->status));
	if (m->status_since != DATE_NONE) {
		H(r, " (");
		TR(r, "since");
		H(r, " ");
		D(r, m->status_since);
		H(r, ")");
	}
	H(r, "</dd><dt>");
	TR(r, "Organisation");
	H(r, "</dt><dd id=\"org\">");
	web_org_link(r, m->org_code, roll_known ? roll->name : NULL);
	if (m->org_since != DATE_NONE) {
		H(r, " (");
		TR(r, "since");
		H(r, " ");
		D(r, m->org_since);
		H(r, ")");
	}
	H(r, "</dd>");
	if (m->temp_org_id) {
		H(r, "<dt>");
		TR(r, "Hosted at (temporary transfer)");
		H(r, "</dt><dd>");
		web_org_link(r, m->temp_org_code, NULL);
		if (m->temp_until != DATE_NONE) {
			H(r, " (");
			TR(r, "until");
			H(r, " ");
			D(r, m->temp_until);
			H(r, ")");
		}
		H(r, "</dd>");
	}
	row_text(r, _(r, "Family name"), m->family);
	row_text(r, _(r, "Middle name"), m->middle);
	row_text(r, _(r, "Given name"), m->given);
	row_date(r, _(r, "Date of birth"), m->birth_date);
	for (i = 0; member_text_fields[i]; i++) {
		const char *f = member_text_fields[i];
		size_t cap;
		const char *v = member_text_field((struct member *)(uintptr_t)m, f, &cap);

		if ((!strcmp(f, "sex") || !strcmp(f, "theory_level") || !strcmp(f, "category")) &&
		    v[0])
			v = web_word(r, v);
		row_text(r, web_word(r, f), v);
	}
	row_date(r, _(r, "Admission decision"), m->admission_decision_date);
	row_date(r, _(r, "Admission ceremony"), m->admission_ceremony_date);
	row_date(r, _(r, "Official since"), m->official_date);
	H(r, "</dl>\n");
}

/* One line of the timeline: a status period, a roll period or an event, by date. */
enum tl_kind { TL_STATUS, TL_ROLL, TL_EVENT };
struct tl_item {
	date_t date;
	enum tl_kind kind;
	size_t idx;
};

static int tl_cmp(const void *x, const void *y)
{
	const struct tl_item *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static void period_to(struct req *r, date_t to)
{
	H(r, " – ");
	if (to == DATE_NONE)
		TR(r, "now");
	else
		D(r, to);
}

static void timeline(struct req *r, const struct member_history *h)
{
	size_t n = h->nstatuses + h->nperiods + h->nevents, k = 0, i;
	struct tl_item *v = xcalloc(n ? n : 1, sizeof *v);

	for (i = 0; i < h->nstatuses; i++)
		v[k++] = (struct tl_item){h->statuses[i].from, TL_STATUS, i};
	for (i = 0; i < h->nperiods; i++)
		v[k++] = (struct tl_item){h->periods[i].from, TL_ROLL, i};
	for (i = 0; i < h->nevents; i++)
		v[k++] = (struct tl_item){h->events[i].date, TL_EVENT, i};
	qsort(v, n, sizeof *v, tl_cmp);
	H(r, "<h2>");
	TR(r, "Timeline");
	H(r, "</h2>\n<table class=\"timeline\" id=\"timeline\"><thead><tr><th>");
	TR(r, "Date");
	H(r, "</th><th>");
	TR(r, "Event");
	H(r, "</th><th>");
	TR(r, "Detail");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < n; i++) {
		if (web_page_full(r))
			break;
		H(r, "<tr><td>");
		D(r, v[i].date);
		H(r, "</td><td>");
		if (v[i].kind == TL_STATUS) {
			const struct member_status_period *p = &h->statuses[v[i].idx];

			TR(r, "Status");
			H(r, "</td><td>");
			T(r, web_status_label(r, p->status));
			period_to(r, p->to);
		} else if (v[i].kind == TL_ROLL) {
			const struct member_period *p = &h->periods[v[i].idx];

			T(r, p->temporary ? _(r, "Hosted (temporary)") : _(r, "On the roll"));
			H(r, "</td><td>");
			web_org_link(r, p->org_code, NULL);
			period_to(r, p->to);
		} else {
			const struct member_event *ev = &h->events[v[i].idx];

			T(r, web_word(r, ev->kind));
			H(r, "</td><td>");
			web_json_detail(r, ev->detail);
			if (ev->actor[0]) {
				H(r, " <span class=\"by\">(");
				web_actor(r, ev->actor);
				H(r, ")</span>");
			}
		}
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
	free(v);
}

static void transfers(struct req *r, const struct member_history *h)
{
	size_t i;

	if (!h->ntransfers)
		return;
	H(r, "<h2>");
	TR(r, "Transfers");
	H(r, "</h2>\n<table class=\"transfers\" id=\"member-transfers\"><thead><tr><th>");
	TR(r, "Kind");
	H(r, "</th><th>");
	TR(r, "From");
	H(r, "</th><th>");
	TR(r, "To");
	H(r, "</th><th>");
	TR(r, "Sent");
	H(r, "</th><th>");
	TR(r, "Received");
	H(r, "</th><th>");
	TR(r, "Until");
	H(r, "</th><th>");
	TR(r, "Ended");
	H(r, "</th><th>");
	TR(r, "Letter");
	H(r, "</th></tr></thead><tbody>\n");
	for (i = 0; i < h->ntransfers && !web_page_full(r); i++) {
		const struct transfer *t = &h->transfers[i];

		H(r, "<tr><td>");
		T(r, t->temporary ? _(r, "Temporary") : _(r, "Official"));
		H(r, "</td><td>");
		web_org_link(r, t->from_code, NULL);
		H(r, "</td><td>");
		web_org_link(r, t->to_code, NULL);
		H(r, "</td><td>");
		D(r, t->sent_date);
		H(r, "</td><td>");
		D(r, t->received_date);
		H(r, "</td><td>");
		D(r, t->until_date);
		H(r, "</td><td>");
		D(r, t->ended_date);
		if (t->cancelled) {
			H(r, " <span class=\"flag\">");
			TR(r, "cancelled");
			H(r, "</span> ");
			T(r, t->cancel_reason);
		}
		H(r, "</td><td>");
		T(r, t->letter_no);
		H(r, "</td></tr>\n");
	}
	H(r, "</tbody></table>\n");
}

void web_member(struct req *r)
{
	struct member m;
	struct member_history h;
	struct org roll;
	int roll_known;
	char *end;
	long long id;

	memset(&h, 0, sizeof h);
	id = strtoll(r->pathv[0], &end, 10);
	if (*end || id <= 0 || r->pathv[0][0] == '+' || r->pathv[0][0] == ' ') {
		err_add(&r->e, ERR_NOTFOUND, 0, "id", NULL, NULL, "no such member");
		web_fail(r);
		return;
	}
	if (app_member_get(r->app, &r->actor, id, &m, &r->e) ||
	    app_member_history(r->app, &r->actor, id, &h, &r->e)) {
		web_fail(r);
		return;
	}
	/* A hosted member's own roll may lie outside the user's subtree: then only its code. */
	roll_known = !app_org_get(r->app, &r->actor, m.org_code, &roll, &r->e);
	err_clear(&r->e);
	page_begin(r, m.full_name);
	web_crumbs(r, m.org_code, m.full_name);
	H(r, "<p class=\"actions\"><a class=\"action\" id=\"edit\" href=\"/members/");
	N(r, m.id);
	H(r, "/edit\">");
	TR(r, "Edit");
	H(r, "</a> <a class=\"action\" id=\"transfer\" href=\"/members/");
	N(r, m.id);
	H(r, "/transfer\">");
	TR(r, "Transfer");
	H(r, "</a> <a class=\"action\" id=\"change-status\" href=\"/members/");
	N(r, m.id);
	H(r, "/status\">");
	TR(r, "Change status");
	H(r, "</a> <a class=\"action\" id=\"discipline\" href=\"/discipline?member=");
	N(r, m.id);
	H(r, "\">");
	TR(r, "Discipline");
	H(r, "</a></p>\n");
	if (m.status == MS_PROBATIONARY) {
		/* The admission case (the probation and the recognition vote): opened for a
		 * probationer added or imported without one, hence a form. */
		H(r, "<form class=\"inline actions\" method=\"post\" id=\"admission-case\" "
		     "action=\"/members/");
		N(r, m.id);
		H(r, "/admission\">");
		form_csrf(r);
		H(r, "<button>");
		TR(r, "Admission record");
		H(r, "</button></form>\n");
	}
	H(r, "<p class=\"print-only\" id=\"printed\">");
	TR(r, "Party member record");
	H(r, " · ");
	T(r, roll_known ? roll.name : m.org_code);
	H(r, " · ");
	TR(r, "printed by");
	H(r, " ");
	T(r, r->actor.name);
	H(r, " · ");
	D(r, r->app->today);
	H(r, "</p>\n");
	record(r, &m, &roll, roll_known);
	timeline(r, &h);
	transfers(r, &h);
	web_member_reviews(r, m.id);
	web_member_discipline(r, &m);
	web_member_training(r, &m);
	web_member_sheet_link(r, &m);
	member_history_cleanup(&h);
	page_end(r);
}
