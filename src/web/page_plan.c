/* page_plan.c - personnel planning (docs/cadres.md "Planning"): GET /orgs/{code}/plan, the
 * plan of an organisation for a period as of a version (the ranked successors of each key
 * position of its subtree, each failed criterion in red with what was found and needed, the
 * positions short, the targets red when missed, the versions), and POST /orgs/{code}/plan,
 * its forms (approve, review, add, remove, re-rank). Needs the personnel right: without it
 * the page answers 403. */
#include <stdlib.h>
#include <string.h>

#include "../app/app_plan.h"
#include "page_form.h"
#include "pages.h"

static const struct {
	const char *code, *label;
} crit_labels[] = {
	{"max_age", N_("age ceiling")},
	{"theory_level", N_("political theory")},
	{"education", N_("education")},
	{"lower_post_months", N_("months in the lower post")},
	{"review_grades", N_("review grades")},
	{"health", N_("health class")},
	{NULL, NULL},
};

static const char *crit_label(struct req *r, enum plan_crit c)
{
	return web_tr(r, crit_labels[c].label);
}

static const char *target_label(struct req *r, const char *t)
{
	if (!strcmp(t, "young"))
		return _(r, "young cadres");
	if (!strcmp(t, "ethnic_minority"))
		return _(r, "ethnic-minority cadres");
	return _(r, "women");
}

static void period_query(struct req *r, const struct plan_view *v)
{
	H(r, "?period=");
	U(r, v->period.code);
}

static void candidates(struct req *r, const struct plan_view *v, int64_t position_id)
{
	size_t i;
	int k, any = 0;

	for (i = 0; i < v->nrows; i++) {
		const struct plan_view_row *x = &v->rows[i];

		if (x->s.position_id != position_id)
			continue;
		if (!any) {
			H(r, "<table class=\"list plan\"><thead><tr><th class=\"n\">");
			TR(r, "Rank");
			H(r, "</th><th>");
			TR(r, "Member");
			H(r, "</th><th>");
			TR(r, "Ready");
			H(r, "</th><th>");
			TR(r, "Criteria not met");
			H(r, "</th><th>");
			TR(r, "Reason");
			H(r, "</th><th class=\"n\">");
			TR(r, "Since version");
			H(r, "</th></tr></thead><tbody>\n");
			any = 1;
		}
		H(r, "<tr class=\"candidate\" data-member=\"");
		N(r, x->s.member_id);
		H(r, "\"><td class=\"n\">");
		N(r, x->s.rank);
		H(r, "</td><td><a href=\"/members/");
		N(r, x->s.member_id);
		H(r, "\">");
		T(r, x->s.member_name);
		H(r, "</a></td><td class=\"ready\">");
		if (x->j.nfail)
			TR(r, "not ready");
		else
			TR(r, "ready");
		H(r, "</td><td>");
		for (k = 0; k < x->j.nfail; k++) {
			const struct plan_fail *f = &x->j.fail[k];

			H(r, "<span class=\"err failed\" data-criterion=\"");
			A(r, plan_crit_name(f->crit));
			H(r, "\">");
			T(r, crit_label(r, f->crit));
			H(r, ": ");
			T(r, f->found);
			H(r, " (");
			TR(r, "needed");
			H(r, " ");
			T(r, f->needed);
			H(r, ")</span>");
		}
		H(r, "</td><td>");
		T(r, x->s.added_reason);
		H(r, "</td><td class=\"n\">");
		N(r, x->s.from_version);
		H(r, "</td></tr>\n");
	}
	if (any)
		H(r, "</tbody></table>\n");
	else {
		H(r, "<p class=\"empty\">");
		TR(r, "No successor planned.");
		H(r, "</p>\n");
	}
}

static void field(struct req *r, int post, const char *label, const char *name,
		  const char *type, int required)
{
	form_input(r, label, name, type, post ? form_value(r, name) : "", required);
}

static void form_open(struct req *r, const struct plan_view *v, const char *id,
		      const char *action, const char *title)
{
	H(r, "<form method=\"post\" class=\"record\" id=\"");
	A(r, id);
	H(r, "\" action=\"/orgs/");
	U(r, v->org.code);
	H(r, "/plan");
	period_query(r, v);
	H(r, "\"><h3>");
	T(r, title);
	H(r, "</h3>");
	form_csrf(r);
	H(r, "<input type=\"hidden\" name=\"action\" value=\"");
	A(r, action);
	H(r, "\">");
}

static void form_close(struct req *r, const char *button)
{
	H(r, "<button type=\"submit\">");
	T(r, button);
	H(r, "</button></form>\n");
}

static void forms(struct req *r, const struct plan_view *v, int post)
{
	if (!v->latest) {
		form_open(r, v, "plan-approve", "approve", _(r, "Approve the plan (version 1)"));
		field(r, post, _(r, "Decision number"), "ap_decision", "text", 0);
		field(r, post, _(r, "Decision date"), "ap_decided_on", "date", 0);
		field(r, post, _(r, "Approving body (code)"), "ap_body", "text", 0);
		field(r, post, _(r, "Note"), "ap_note", "text", 0);
		form_close(r, _(r, "Approve"));
		return;
	}
	form_open(r, v, "plan-add", "add", _(r, "Add a successor"));
	field(r, post, _(r, "Position (ORG:KIND, as E98:commander)"), "add_position", "text", 1);
	field(r, post, _(r, "Member (id)"), "add_member", "text", 1);
	field(r, post, _(r, "Rank (empty: last)"), "add_rank", "number", 0);
	field(r, post, _(r, "Reason"), "add_reason", "text", 1);
	form_close(r, _(r, "Add"));
	form_open(r, v, "plan-rerank", "rerank", _(r, "Change a successor's rank"));
	field(r, post, _(r, "Position (ORG:KIND, as E98:commander)"), "rr_position", "text", 1);
	field(r, post, _(r, "Member (id)"), "rr_member", "text", 1);
	field(r, post, _(r, "New rank"), "rr_rank", "number", 1);
	form_close(r, _(r, "Re-rank"));
	form_open(r, v, "plan-remove", "remove", _(r, "Remove a successor"));
	field(r, post, _(r, "Position (ORG:KIND, as E98:commander)"), "rm_position", "text", 1);
	field(r, post, _(r, "Member (id)"), "rm_member", "text", 1);
	field(r, post, _(r, "Reason"), "rm_reason", "text", 1);
	form_close(r, _(r, "Remove"));
	form_open(r, v, "plan-review", "review", _(r, "Yearly review (opens the next version)"));
	field(r, post, _(r, "Year"), "rv_year", "number", 1);
	field(r, post, _(r, "Decision number"), "rv_decision", "text", 0);
	field(r, post, _(r, "Note"), "rv_note", "text", 0);
	form_close(r, _(r, "Review"));
}

static void plan_page(struct req *r, const struct plan_view *v, int post)
{
	struct buf title;
	size_t i, k;
	int t;

	buf_init(&title, 0);
	buf_printf(&title, "%s: %s", _(r, "Succession plan"), v->org.name);
	page_begin(r, buf_str(&title));
	buf_cleanup(&title);
	web_crumbs(r, v->org.code, _(r, "Succession plan"));
	if (post)
		form_errors(r, NULL);
	H(r, "<p id=\"plan-head\">");
	TR(r, "Planning period");
	H(r, " ");
	T(r, v->period.code);
	H(r, ". ");
	if (v->latest) {
		TR(r, "Version");
		H(r, " <span id=\"plan-version\">");
		N(r, v->version);
		H(r, "</span> / ");
		N(r, v->latest);
		H(r, ". ");
	} else {
		TR(r, "Not approved yet.");
		H(r, " ");
	}
	TR(r, "Candidates judged on");
	H(r, " ");
	D(r, v->on);
	H(r, ". <span class=\"downloads\" id=\"plan-download\"><a href=\"/orgs/");
	U(r, v->org.code);
	H(r, "/plan?period=");
	U(r, v->period.code);
	H(r, "&amp;version=");
	N(r, v->version);
	H(r, "&amp;format=csv\">CSV</a> <a href=\"/orgs/");
	U(r, v->org.code);
	H(r, "/plan?period=");
	U(r, v->period.code);
	H(r, "&amp;version=");
	N(r, v->version);
	H(r, "&amp;format=xlsx\">XLSX</a></span></p>\n<p id=\"plan-summary\">");
	TR(r, "People planned");
	H(r, ": ");
	N(r, v->people);
	H(r, "; ");
	TR(r, "key positions short of successors");
	H(r, ": <span id=\"plan-short\">");
	N(r, v->short_n);
	H(r, "</span> / ");
	N(r, v->npos);
	H(r, " (");
	TR(r, "fewer than");
	H(r, " ");
	N(r, v->min);
	H(r, ", R-PLAN-PER-POSITION).</p>\n<h2 id=\"positions\">");
	TR(r, "Key positions and their successors");
	H(r, "</h2>\n");
	for (k = 0; k < v->npos; k++) {
		const struct plan_view_pos *p = &v->pos[k];

		if (!p->n)
			continue; /* listed below, in short: a region has hundreds */
		H(r, "<section class=\"plan-position\" id=\"pos-");
		N(r, p->p.id);
		H(r, "\" data-org=\"");
		A(r, p->p.org_code);
		H(r, "\" data-kind=\"");
		A(r, p->p.kind);
		H(r, "\"><h3>");
		T(r, web_tr(r, p->p.kind));
		H(r, " — ");
		T(r, p->p.org_name);
		H(r, " (");
		T(r, p->p.org_code);
		H(r, ":");
		T(r, p->p.kind);
		H(r, ")");
		if (p->is_short) {
			H(r, " <span class=\"err short\">");
			TR(r, "short");
			H(r, "</span>");
		}
		H(r, "</h3>\n");
		candidates(r, v, p->p.id);
		H(r, "</section>\n");
	}
	for (k = 0, i = 0; k < v->npos; k++) {
		const struct plan_view_pos *p = &v->pos[k];

		if (p->n)
			continue;
		if (!i++) {
			H(r, "<h3 id=\"no-successor\">");
			TR(r, "Key positions without a successor");
			H(r, "</h3>\n<ul class=\"err\" id=\"plan-empty\">");
		}
		H(r, "<li data-org=\"");
		A(r, p->p.org_code);
		H(r, "\" data-kind=\"");
		A(r, p->p.kind);
		H(r, "\">");
		T(r, p->p.org_code);
		H(r, ":");
		T(r, p->p.kind);
		H(r, "</li>");
	}
	if (i)
		H(r, "</ul>\n");
	H(r, "<h2 id=\"targets\">");
	TR(r, "Structure targets");
	H(r, "</h2>\n");
	if (!v->ntargets) {
		H(r, "<p class=\"empty\">");
		TR(r, "No targets set.");
		H(r, "</p>\n");
	} else {
		H(r, "<table class=\"list\" id=\"plan-targets\"><thead><tr><th>");
		TR(r, "Target");
		H(r, "</th><th class=\"n\">");
		TR(r, "People");
		H(r, "</th><th class=\"n\">");
		TR(r, "Share");
		H(r, "</th><th class=\"n\">");
		TR(r, "At least");
		H(r, "</th><th>");
		TR(r, "State");
		H(r, "</th></tr></thead><tbody>\n");
		for (t = 0; t < v->ntargets; t++) {
			const struct plan_view_target *x = &v->targets[t];

			H(r, "<tr data-target=\"");
			A(r, x->t.target);
			H(r, "\"><td>");
			T(r, target_label(r, x->t.target));
			if (x->t.age_under) {
				H(r, " (");
				TR(r, "under");
				H(r, " ");
				N(r, x->t.age_under);
				H(r, ")");
			}
			H(r, "</td><td class=\"n\">");
			N(r, x->count);
			H(r, " / ");
			N(r, v->people);
			H(r, "</td><td class=\"n\">");
			N(r, x->pct);
			H(r, "%</td><td class=\"n\">");
			N(r, x->t.pct_min);
			H(r, "%</td><td>");
			if (x->missed) {
				H(r, "<span class=\"err missed\">");
				TR(r, "missed");
				H(r, "</span>");
			} else
				TR(r, "met");
			H(r, "</td></tr>\n");
		}
		H(r, "</tbody></table>\n");
	}
	H(r, "<h2 id=\"versions\">");
	TR(r, "Versions");
	H(r, "</h2>\n<ul id=\"plan-versions\">");
	for (i = 0; i < v->nversions; i++) {
		const struct plan_version *pv = &v->versions[i];

		H(r, "<li><a href=\"/orgs/");
		U(r, v->org.code);
		H(r, "/plan");
		period_query(r, v);
		H(r, "&amp;version=");
		N(r, pv->version);
		H(r, "\">");
		TR(r, "Version");
		H(r, " ");
		N(r, pv->version);
		H(r, "</a> (");
		N(r, pv->year);
		H(r, ", ");
		if (pv->version == 1)
			TR(r, "approval");
		else
			TR(r, "yearly review");
		if (pv->decision[0]) {
			H(r, ", ");
			T(r, pv->decision);
		}
		H(r, ")");
		if (pv->note[0]) {
			H(r, ": ");
			T(r, pv->note);
		}
		H(r, "</li>");
	}
	H(r, "</ul>\n");
	if (app_can_edit(&r->actor, &r->e) == ERR_OK && v->version == v->latest)
		forms(r, v, post);
	else if (!post)
		err_clear(&r->e);
	page_end(r);
}

/* GET /orgs/{code}/plan?period=&version= */
/* ?format=csv|xlsx: the plan's rows as a download (1 when answered). */
static int plan_download(struct req *r, const struct plan_view *v)
{
	const char *f = req_query(r, "format");
	struct buf d;
	long long len;
	int fd, x;

	if (!f || !f[0])
		return 0;
	if (strcmp(f, "csv") && strcmp(f, "xlsx")) {
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be csv or xlsx");
		web_fail(r);
		return 1;
	}
	x = !strcmp(f, "xlsx");
	if (app_plan_export(r->app, v, x ? TABLE_XLSX : TABLE_CSV, &fd, &len, &r->e)) {
		web_fail(r);
		return 1;
	}
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = x ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
		     : "text/csv; charset=utf-8";
	buf_init(&d, 0);
	buf_printf(&d, "attachment; filename=\"plan-%s.%s\"", v->period.code, x ? "xlsx" : "csv");
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
	return 1;
}

void web_org_plan(struct req *r)
{
	struct plan_view v;

	if (app_plan_get(r->app, &r->actor, req_query(r, "period"), r->pathv[0],
			 (int)req_query_long(r, "version", 0, 0, 100000), &v, &r->e)) {
		web_fail(r);
		return;
	}
	if (!plan_download(r, &v))
		plan_page(r, &v, 0);
	plan_view_free(&v);
}

static int int_field(const char *s)
{
	char *end;
	long n;

	if (!s || !*s)
		return 0;
	n = strtol(s, &end, 10);
	return *end || n < 0 || n > 100000 ? -1 : (int)n;
}

static int64_t id_field(struct req *r, const char *name)
{
	const char *s = form_value(r, name);
	char *end;
	long long n = strtoll(s, &end, 10);

	if (*end || n <= 0) {
		err_add(&r->e, ERR_INPUT, 0, name, NULL, NULL, "%s",
			_(r, "Give the member's id (a whole number)."));
		return 0;
	}
	return (int64_t)n;
}

/* POST /orgs/{code}/plan?period=: action approve, review, add, remove, rerank. */
void web_org_plan_post(struct req *r)
{
	const char *act = form_value(r, "action"), *period = req_query(r, "period");
	const char *code = r->pathv[0];
	struct cadre_decision d;
	struct plan_version pv;
	struct plan_view v;
	struct buf loc;
	int64_t mid;
	int n;

	if (form_read_only(r))
		return;
	memset(&d, 0, sizeof d);
	if (!strcmp(act, "approve")) {
		d.number = form_value(r, "ap_decision");
		d.decided_on = form_date(r, "ap_decided_on");
		d.body_code = form_value(r, "ap_body");
		if (!r->e.code)
			app_plan_version_add(r->app, &r->actor, period, code, 0, 0, &d,
					     form_value(r, "ap_note"), &pv, &r->e);
	} else if (!strcmp(act, "review")) {
		d.number = form_value(r, "rv_decision");
		if ((n = int_field(form_value(r, "rv_year"))) <= 0)
			err_add(&r->e, ERR_INPUT, 0, "rv_year", NULL, NULL, "%s",
				_(r, "Give the year reviewed."));
		else
			app_plan_version_add(r->app, &r->actor, period, code, 1, n, &d,
					     form_value(r, "rv_note"), &pv, &r->e);
	} else if (!strcmp(act, "add")) {
		mid = id_field(r, "add_member");
		n = int_field(form_value(r, "add_rank"));
		if (n < 0)
			err_add(&r->e, ERR_INPUT, 0, "add_rank", NULL, NULL, "%s",
				_(r, "The rank is a whole number."));
		if (!r->e.code)
			app_plan_add(r->app, &r->actor, period, code, form_value(r, "add_position"),
				     mid, n, form_value(r, "add_reason"), &r->e);
	} else if (!strcmp(act, "remove")) {
		mid = id_field(r, "rm_member");
		if (!r->e.code)
			app_plan_remove(r->app, &r->actor, period, code,
					form_value(r, "rm_position"), mid,
					form_value(r, "rm_reason"), &r->e);
	} else if (!strcmp(act, "rerank")) {
		mid = id_field(r, "rr_member");
		n = int_field(form_value(r, "rr_rank"));
		if (n <= 0)
			err_add(&r->e, ERR_INPUT, 0, "rr_rank", NULL, NULL, "%s",
				_(r, "The rank is a whole number."));
		if (!r->e.code)
			app_plan_rerank(r->app, &r->actor, period, code,
					form_value(r, "rr_position"), mid, n, "", &r->e);
	} else {
		err_add(&r->e, ERR_INPUT, 0, "action", NULL, NULL, "%s", _(r, "Choose the change."));
	}
	if (r->e.code) {
		struct err keep;

		if (form_fail_page(r))
			return;
		/* the page again, with the problems at the top of the forms */
		err_init(&keep);
		err_merge(&keep, &r->e);
		err_clear(&r->e);
		if (app_plan_get(r->app, &r->actor, period, code, 0, &v, &r->e)) {
			err_cleanup(&keep);
			web_fail(r);
			return;
		}
		err_merge(&r->e, &keep);
		err_cleanup(&keep);
		plan_page(r, &v, 1);
		plan_view_free(&v);
		return;
	}
	buf_init(&loc, 0);
	buf_adds(&loc, "/orgs/");
	web_url_arg(&loc, code);
	buf_adds(&loc, "/plan");
	if (period && *period) {
		buf_adds(&loc, "?period=");
		web_url_arg(&loc, period);
	}
	form_done(r, buf_str(&loc));
	buf_cleanup(&loc);
}
