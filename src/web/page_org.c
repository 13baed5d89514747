/* page_org.c - GET /orgs/{code}[?offset=N]: an organisation's facts, key figures and notes,
 * its sub-organisations with their counts, the members of its subtree in Vietnamese name
 * order (a page at a time), its restructuring history and lineage; links to its report,
 * reviews and discipline. */
#include <string.h>

#include "pages.h"

static void fact(struct req *r, const char *label)
{
	H(r, "<dt>");
	T(r, label);
	H(r, "</dt><dd>");
}

static void facts(struct req *r, const struct org *o)
{
	struct org parent;

	H(r, "<dl class=\"record\" id=\"facts\">");
	fact(r, _(r, "Code"));
	H(r, "<code>");
	T(r, o->code);
	H(r, "</code></dd>");
	fact(r, _(r, "Kind"));
	T(r, web_kind_label(r, o->kind));
	H(r, "</dd>");
	/* The parent only when the user may see it: above one's scope nothing exists. */
	if (o->parent_code[0] && !app_org_get(r->app, &r->actor, o->parent_code, &parent, &r->e)) {
		fact(r, _(r, "Parent organisation"));
		web_org_link(r, parent.code, parent.name);
		H(r, "</dd>");
	}
	err_clear(&r->e);
	if (o->grassroots_type[0]) {
		fact(r, _(r, "Grassroots type"));
		T(r, web_word(r, o->grassroots_type));
		H(r, "</dd>");
	}
	if (o->kind == OK_CELL) {
		fact(r, _(r, "Standing board"));
		T(r, o->standing_board ? _(r, "yes") : _(r, "no"));
		H(r, "</dd>");
	}
	if (o->local_committee[0]) {
		fact(r, _(r, "Local party committee (dual leadership)"));
		T(r, o->local_committee);
		H(r, "</dd>");
	}
	if (o->militia >= 0 || o->self_defence >= 0 || o->reserve >= 0) {
		fact(r, _(r, "Force strengths"));
		TR(r, "Militia");
		H(r, " ");
		Q(r, o->militia < 0 ? 0 : o->militia);
		H(r, " · ");
		TR(r, "Self-defence");
		H(r, " ");
		Q(r, o->self_defence < 0 ? 0 : o->self_defence);
		H(r, " · ");
		TR(r, "Reserve");
		H(r, " ");
		Q(r, o->reserve < 0 ? 0 : o->reserve);
		H(r, "</dd>");
	}
	fact(r, _(r, "Established"));
	D(r, o->established);
	H(r, "</dd>");
	if (o->dissolved != DATE_NONE) {
		fact(r, _(r, "Dissolved"));
		D(r, o->dissolved);
		H(r, "</dd>");
	}
	H(r, "</dl>\n");
}

static int figures(struct req *r, const struct org *o, long *on_roll)
{
	long counts[MS__COUNT], hosted = 0, total;
	struct org_advice adv;
	static const enum member_status shown[] = {MS_OFFICIAL, MS_PROBATIONARY, MS_EXEMPT,
						   MS_SUSPENDED};
	size_t i;

	memset(counts, 0, sizeof counts);
	memset(&adv, 0, sizeof adv);
	if (app_org_counts_on_roll(r->app, &r->actor, o->code, counts, &hosted, &r->e) ||
	    app_org_advice(r->app, &r->actor, o->code, &adv, &r->e))
		return -1;
	total = counts[MS_OFFICIAL] + counts[MS_PROBATIONARY] + counts[MS_EXEMPT] +
		counts[MS_SUSPENDED];
	*on_roll = total;
	H(r, "<h2>");
	TR(r, "Key figures");
	H(r, "</h2>\n<table class=\"figures\" id=\"figures\"><tbody>");
	for (i = 0; i < sizeof shown / sizeof shown[0]; i++) {
		H(r, "<tr><th>");
		T(r, web_status_label(r, shown[i]));
		H(r, "</th><td class=\"n\">");
		Q(r, counts[shown[i]]);
		H(r, "</td></tr>");
	}
	H(r, "<tr><th>");
	TR(r, "On the rolls");
	H(r, "</th><td class=\"n\" id=\"total\">");
	Q(r, total);
	H(r, "</td></tr><tr><th>");
	TR(r, "Hosted on temporary transfer");
	H(r, "</th><td class=\"n\">");
	Q(r, hosted);
	H(r, "</td></tr></tbody></table>\n");
	if (adv.min_official || adv.board_min) {
		H(r, "<ul class=\"notes\">");
		if (adv.min_official) {
			H(r, "<li>");
			TR(r, "Fewer official members than the minimum of");
			H(r, " ");
			Q(r, adv.min_official);
			H(r, " <code>");
			T(r, R_ORG_MIN_OFFICIAL);
			H(r, "</code></li>");
		}
		if (adv.board_min) {
			H(r, "<li>");
			Q(r, adv.official);
			H(r, " ");
			TR(r, "official members: a cell committee should be elected");
			H(r, " <code>");
			T(r, R_CELL_STANDING_BOARD_MIN);
			H(r, "</code></li>");
		}
		H(r, "</ul>\n");
	}
	return 0;
}

struct child_ctx {
	struct req *r;
	long n, cut;
};

static int child_row(void *ctx, const struct tree_node *n)
{
	struct child_ctx *c = ctx;
	struct req *r = c->r;

	if (n->depth != 1)
		return 0;
	if (web_page_full(r)) {
		c->cut++;
		return 0;
	}
	if (!c->n++) {
		H(r, "<h2>");
		TR(r, "Sub-organisations");
		H(r, "</h2>\n<table class=\"children\" id=\"children\"><thead><tr><th>");
		TR(r, "Organisation");
		H(r, "</th><th>");
		TR(r, "Kind");
		H(r, "</th><th class=\"n\">");
		TR(r, "Official");
		H(r, "</th><th class=\"n\">");
		TR(r, "Probationary");
		H(r, "</th><th class=\"n\">");
		TR(r, "Hosted");
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr><td>");
	web_org_link(r, n->code, n->name);
	H(r, "</td><td>");
	T(r, web_kind_label(r, n->kind));
	H(r, "</td><td class=\"n\">");
	Q(r, n->official);
	H(r, "</td><td class=\"n\">");
	Q(r, n->probationary);
	H(r, "</td><td class=\"n\">");
	Q(r, n->hosted);
	H(r, "</td></tr>\n");
	return 0;
}

/* The members of a subtree larger than this are listed on demand (the link, or any of the
 * list's parameters): listing them in name order reads every one's key, several
 * milliseconds for a province, for a first page few read; the counts above come from the
 * figures. */
#define ORG_LIST_INLINE 2000

/* Whether the request asks for the roll's list (a page of it, an order, a filter). */
static int roll_asked(const struct req *r)
{
	static const char *const p[] = {"offset", "sort", "status", "category", "sex", "age",
					"kind", NULL};
	int i;

	for (i = 0; p[i]; i++)
		if (req_query(r, p[i]))
			return 1;
	return 0;
}

/* The link that lists a large subtree's members, in place of the list. */
static void members_on_demand(struct req *r, const struct org *o, long on_roll)
{
	H(r, "<h2 id=\"members\">");
	TR(r, "Members");
	H(r, "</h2>\n");
	H(r, "<p id=\"members-on-demand\"><a href=\"/orgs/");
	U(r, o->code);
	H(r, "?offset=0#members\">");
	TR(r, "List the members of the subtree by name");
	H(r, "</a> (");
	N(r, on_roll);
	H(r, ") · <a href=\"/search?org=");
	U(r, o->code);
	H(r, "\">");
	TR(r, "Search by name");
	H(r, "</a></p>\n");
}

struct hist_ctx {
	struct req *r;
	long n;
};

static int hist_row(void *ctx, const struct org_event *ev)
{
	struct hist_ctx *h = ctx;
	struct req *r = h->r;

	if (web_page_full(r))
		return 1;
	if (!h->n++) {
		H(r, "<table class=\"history\" id=\"history\"><thead><tr><th>");
		TR(r, "Date");
		H(r, "</th><th>");
		TR(r, "Event");
		H(r, "</th><th>");
		TR(r, "Other organisation");
		H(r, "</th><th>");
		TR(r, "Detail");
		H(r, "</th><th>");
		TR(r, "By");
		H(r, "</th></tr></thead><tbody>\n");
	}
	H(r, "<tr><td>");
	D(r, ev->date);
	H(r, "</td><td>");
	T(r, web_word(r, ev->kind));
	H(r, "</td><td>");
	if (ev->other_code[0]) {
		struct org other;

		/* The other party only when the user may see it (a parent above the scope is
		 * not there for them). */
		if (!app_org_get(r->app, &r->actor, ev->other_code, &other, &r->e))
			web_org_link(r, other.code, other.name);
		err_clear(&r->e);
	}
	H(r, "</td><td>");
	web_json_detail(r, ev->detail);
	H(r, "</td><td>");
	web_actor(r, ev->actor);
	H(r, "</td></tr>\n");
	return 0;
}

struct lineage_ctx {
	struct req *r;
	long n;
};

static int lineage_item(void *ctx, const struct org *o)
{
	struct lineage_ctx *l = ctx;

	if (l->n++)
		H(l->r, ", ");
	web_org_link(l->r, o->code, o->name);
	return 0;
}

static int history(struct req *r, const struct org *o)
{
	struct hist_ctx h = {r, 0};
	int dir;

	H(r, "<h2>");
	TR(r, "Restructuring history");
	H(r, "</h2>\n");
	if (app_org_history(r->app, &r->actor, o->code, hist_row, &h, &r->e))
		return -1;
	if (h.n)
		H(r, "</tbody></table>\n");
	else {
		H(r, "<p>");
		TR(r, "No restructuring recorded.");
		H(r, "</p>\n");
	}
	for (dir = -1; dir <= 1; dir += 2) {
		struct lineage_ctx l = {r, 0};
		size_t mark = r->out.len;

		H(r, "<p class=\"lineage\">");
		T(r, dir < 0 ? _(r, "Predecessors") : _(r, "Successors"));
		H(r, ": ");
		if (app_org_lineage(r->app, &r->actor, o->code, dir, lineage_item, &l, &r->e))
			return -1;
		if (!l.n) {
			/* Nothing to name: take the paragraph back out. */
			r->out.len = mark;
			r->out.s[mark] = '\0';
		} else {
			H(r, "</p>\n");
		}
	}
	return 0;
}

void web_org(struct req *r)
{
	struct org o;
	int active;
	long on_roll = 0;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		web_fail(r);
		return;
	}
	if (req_query(r, "format")) {
		/* The roll as a download (page_roll.c). */
		if (web_org_roll(r, &o))
			web_fail(r);
		return;
	}
	active = o.dissolved == DATE_NONE;
	page_begin(r, o.name);
	web_crumbs(r, o.code, NULL);
	H(r, "<p class=\"actions\">");
	if (active) {
		H(r, "<a class=\"action\" id=\"add-member\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/members/new\">");
		TR(r, "Add member");
		H(r, "</a> ");
	}
	H(r, "<a class=\"action\" id=\"transfers\" href=\"/transfers?org=");
	U(r, o.code);
	H(r, "\">");
	TR(r, "Transfers");
	H(r, "</a> <a class=\"action\" href=\"/audit?org=");
	U(r, o.code);
	H(r, "\">");
	TR(r, "Audit log");
	H(r, "</a>");
	if (active) {
		H(r, " <a class=\"action\" href=\"/tree?root=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "Tree");
		H(r, "</a> <a class=\"action\" id=\"report\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/report\">");
		TR(r, "Report of figures");
		H(r, "</a>");
		if (o.kind == OK_CELL) {
			H(r, " <a class=\"action\" id=\"review\" href=\"/orgs/");
			U(r, o.code);
			H(r, "/review\">");
			TR(r, "Review of members");
			H(r, "</a> <a class=\"action\" id=\"emulation\" href=\"/orgs/");
			U(r, o.code);
			H(r, "/emulation\">");
			TR(r, "Emulation");
			H(r, "</a>");
		}
		/* The admission board of a cell or grassroots organisation; above them, what
		 * is due in the subtree's admissions. */
		if (o.kind == OK_CELL || o.kind == OK_GRASSROOTS)
			H(r, " <a class=\"action\" id=\"admissions\" href=\"/admissions?org=");
		else
			H(r, " <a class=\"action\" id=\"admissions\" href=\"/admissions/due?org=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "Admissions");
		H(r, "</a>");
		H(r, " <a class=\"action\" id=\"meetings\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/meetings\">");
		TR(r, "Meetings");
		H(r, "</a>");
		H(r, " <a class=\"action\" id=\"review-org\" href=\"/orgs/");
		U(r, o.code);
		H(r, "/review-org\">");
		TR(r, "Review of the organisation");
		H(r, "</a> <a class=\"action\" href=\"/discipline?org=");
		U(r, o.code);
		H(r, "\">");
		TR(r, "Discipline");
		H(r, "</a>");
		{
			struct err tmp;

			err_init(&tmp);
			if (!app_inspection_check(r->app, &r->actor, o.id, &tmp)) {
				H(r, " <a class=\"action\" id=\"inspection\" href=\"/orgs/");
				U(r, o.code);
				H(r, "/inspection\">");
				TR(r, "Inspection and supervision");
				H(r, "</a>");
			}
			err_cleanup(&tmp);
		}
	}
	H(r, "</p>\n");
	facts(r, &o);
	if (active) {
		struct child_ctx c = {r, 0, 0};

		if (figures(r, &o, &on_roll) ||
		    app_org_tree(r->app, &r->actor, o.code, 1, DATE_NONE, child_row, &c, &r->e))
			goto fail;
		if (c.n)
			H(r, "</tbody></table>\n");
		if (c.cut) {
			H(r, "<p><a href=\"/tree?root=");
			U(r, o.code);
			H(r, "\">");
			TR(r, "All sub-organisations in the tree");
			H(r, "</a></p>\n");
		}
		if (on_roll > ORG_LIST_INLINE && !roll_asked(r))
			members_on_demand(r, &o, on_roll);
		else if (web_org_roll(r, &o))
			goto fail;
	}
	if (history(r, &o))
		goto fail;
	page_end(r);
	return;
fail:
	web_fail(r);
}
