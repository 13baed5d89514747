/* page_roll.c - the members of an organisation's subtree on its page (/orgs/{code}): filters
 * (status, category, sex, age band, kind of organisation), sortable columns, the total, page
 * numbers, and the same list as CSV or XLSX (/orgs/{code}?format=csv|xlsx&...). */
#include <string.h>

#include "pages.h"
#include "web_list.h"

static const char *const roll_params[] = {"status", "category", "sex", "age", "kind", "sort",
					  NULL};

struct roll_ctx {
	struct web_list *l;
	long n;
	int more;
};

static int roll_row(void *ctx, const struct member *m)
{
	struct roll_ctx *c = ctx;
	struct web_list *l = c->l;
	struct req *r = l->r;
	char href[40];

	if (!web_list_download(l) && (c->n >= WEB_PAGE_ROWS || web_page_full(r))) {
		c->more = 1;
		return 1;
	}
	c->n++;
	snprintf(href, sizeof href, "/members/%lld", (long long)m->id);
	web_list_tr(l, NULL);
	web_list_td_link(l, href, m->full_name);
	web_list_td_date(l, m->birth_date);
	if (web_list_download(l)) {
		web_list_td(l, web_status_label(r, m->status));
		web_list_td(l, m->temp_org_id ? m->temp_org_code : "");
		web_list_td(l, m->category[0] ? web_word(r, m->category) : "");
		web_list_td(l, m->org_code);
	} else {
		H(r, "<td>");
		T(r, web_status_label(r, m->status));
		if (m->temp_org_id) {
			H(r, ", ");
			TR(r, "hosted at");
			H(r, " ");
			web_org_link(r, m->temp_org_code, NULL);
		}
		H(r, "</td>");
		web_list_td(l, m->category[0] ? web_word(r, m->category) : "");
		H(r, "<td>");
		web_org_link(r, m->org_code, NULL);
		H(r, "</td>");
	}
	web_list_tr_end(l);
	return 0;
}

/* A select of the filter form: "" (any) and the words, each labelled. */
static void filter_select(struct req *r, const char *label, const char *name,
			  const char *const *words, const char *const *labels)
{
	const char *v = req_query(r, name);
	int i;

	H(r, "<label>");
	T(r, label);
	H(r, " <select name=\"");
	A(r, name);
	H(r, "\"><option value=\"\">");
	TR(r, "All");
	H(r, "</option>");
	for (i = 0; words[i]; i++) {
		H(r, "<option value=\"");
		A(r, words[i]);
		H(r, "\"");
		if (v && !strcmp(v, words[i]))
			H(r, " selected");
		H(r, ">");
		T(r, labels ? web_tr(r, labels[i]) : web_word(r, words[i]));
		H(r, "</option>");
	}
	H(r, "</select></label> ");
}

static void filter_form(struct req *r, const struct org *o)
{
	static const char *const statuses[] = {"probationary", "official", "exempt", "suspended",
					       NULL};
	static const char *const status_labels[] = {N_("Probationary"), N_("Official"),
						    N_("Exempt from activity"), N_("Suspended"),
						    NULL};
	static const char *const sexes[] = {"male", "female", NULL};
	static const char *const sex_labels[] = {N_("Male"), N_("Female"), NULL};
	static const char *const kinds[] = {"committee", "grassroots", "subcommittee", "cell",
					    NULL};
	static const char *const kind_labels[] = {N_("Party committee"),
						  N_("Grassroots party committee"),
						  N_("Sub-committee"), N_("Party cell"), NULL};
	const char *sort = req_query(r, "sort");

	H(r, "<form class=\"filters\" id=\"roll-filters\" method=\"get\" action=\"/orgs/");
	U(r, o->code);
	H(r, "\">");
	filter_select(r, _(r, "Status"), "status", statuses, status_labels);
	filter_select(r, _(r, "Category"), "category", member_categories, NULL);
	filter_select(r, _(r, "Sex"), "sex", sexes, sex_labels);
	filter_select(r, _(r, "Age"), "age", app_age_bands, NULL);
	filter_select(r, _(r, "Kind of organisation"), "kind", kinds, kind_labels);
	if (sort && sort[0]) {
		H(r, "<input type=\"hidden\" name=\"sort\" value=\"");
		A(r, sort);
		H(r, "\">");
	}
	H(r, "<button>");
	TR(r, "Filter");
	H(r, "</button></form>\n");
}

/* The heads of the roll's columns (on the page and in a download). */
static void heads(struct web_list *l)
{
	struct req *r = l->r;

	web_list_th(l, _(r, "Full name"), "name", 0);
	web_list_th(l, _(r, "Date of birth"), "birth", 0);
	web_list_th(l, _(r, "Status"), "status", 0);
	if (web_list_download(l))
		web_list_th(l, _(r, "hosted at"), NULL, 0);
	web_list_th(l, _(r, "Category"), "category", 0);
	web_list_th(l, _(r, "Organisation"), "org", 0);
}

/* Whether the roll is asked as it comes (no filter, name order): then the list of the
 * organisation page (app_member_list, its fast path) answers. */
static int plain(const struct roll_query *q)
{
	return !(q->status && q->status[0]) && !(q->category && q->category[0]) &&
	       !(q->sex && q->sex[0]) && !(q->age && q->age[0]) && !(q->kind && q->kind[0]) &&
	       !(q->sort && q->sort[0] && strcmp(q->sort, "name"));
}

int web_org_roll(struct req *r, const struct org *o)
{
	struct web_list l;
	struct roll_ctx c = {&l, 0, 0};
	struct roll_query q;
	struct buf path;
	long total = 0, want;
	int rc = -1;

	buf_init(&path, 0);
	buf_adds(&path, "/orgs/");
	web_url_arg(&path, o->code);
	q.status = req_query(r, "status");
	q.category = req_query(r, "category");
	q.sex = req_query(r, "sex");
	q.age = req_query(r, "age");
	q.kind = req_query(r, "kind");
	q.sort = req_query(r, "sort");
	if (web_list_begin(&l, r, buf_str(&path), roll_params, "name birth status org category",
			   "name", WEB_PAGE_ROWS, "members"))
		goto out;
	if (!web_list_download(&l)) {
		H(r, "<h2 id=\"members\">");
		TR(r, "Members");
		H(r, "</h2>\n");
		filter_form(r, o);
		H(r, "<table class=\"members\" id=\"roll\"><thead><tr>");
	}
	heads(&l);
	if (web_list_download(&l))
		table_out_row(l.out);
	else
		H(r, "</tr></thead><tbody>\n");
	want = web_list_download(&l) ? -1 : WEB_PAGE_ROWS + 1;
	if (plain(&q)) {
		if (app_member_list(r->app, &r->actor, o->code, DATE_NONE, l.offset, want, roll_row,
				    &c, &r->e))
			goto out;
		total = r->app->list_total;
	} else if (app_member_roll(r->app, &r->actor, o->code, &q, l.offset, want, roll_row, &c,
				   &total, &r->e)) {
		goto out;
	}
	if (web_list_download(&l)) {
		rc = web_list_send(&l, "members");
		goto out;
	}
	H(r, "</tbody></table>\n");
	if (!c.n) {
		H(r, "<p>");
		TR(r, "No member on this page.");
		H(r, "</p>\n");
	}
	l.total = total;
	web_list_pages(&l, c.n);
	rc = 0;
out:
	if (rc)
		web_list_abort(&l); /* failed on the way: the download's file goes */
	buf_cleanup(&path);
	return rc;
}
