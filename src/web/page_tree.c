/* page_tree.c - GET /tree[?root=CODE][&as_of=YYYY-MM-DD]: the organisation tree of the
 * user's scope with member counts, folded with <details> (no script). Two levels below the
 * root are shown and open; at the cut, a link opens the tree from that organisation down (its
 * own tree page), so a page stays under 30 KB and never holds the whole force. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "pages.h"

/* Levels below the root shown at most (the levels deeper open on their own tree page, through
 * the link at the cut), nodes shown at most, levels opened at first, and the page's budget:
 * two levels of a region are hundreds of organisations, so the cut comes up a level rather
 * than the page growing past 30 KB. */
#define TREE_DEPTH_MAX 2
#define TREE_NODES_MAX 80
#define TREE_OPEN_LEVELS 2
#define TREE_PAGE_BYTES (28 * 1024)

struct tree_list {
	struct tree_node *v;
	size_t n, cap, max;
	int cut; /* more nodes than max */
};

static int tree_collect(void *ctx, const struct tree_node *n)
{
	struct tree_list *l = ctx;

	if (l->n == l->max) {
		l->cut = 1;
		return 1;
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *n;
	return 0;
}

/* The href of the tree from code down, keeping the date asked for. */
static void tree_href(struct req *r, const char *code, const char *as_of)
{
	H(r, "/tree?root=");
	U(r, code);
	if (as_of && as_of[0]) {
		H(r, "&amp;as_of=");
		U(r, as_of);
	}
}

static void node_counts(struct req *r, const struct tree_node *n)
{
	H(r, " <span class=\"count\">");
	TR(r, "Official");
	H(r, " <b class=\"official\">");
	Q(r, n->official);
	H(r, "</b> · ");
	TR(r, "Probationary");
	H(r, " <b class=\"probationary\">");
	Q(r, n->probationary);
	H(r, "</b>");
	if (n->hosted) {
		H(r, " · ");
		TR(r, "Hosted");
		H(r, " <b class=\"hosted\">");
		Q(r, n->hosted);
		H(r, "</b>");
	}
	H(r, "</span>");
}

/* The organisation's link and counts, and at the cut a link to the levels below. */
static void node_line(struct req *r, const struct tree_node *n, int at_cut, const char *as_of)
{
	web_org_link(r, n->code, n->name);
	H(r, " <span class=\"kind\">");
	T(r, web_kind_label(r, n->kind));
	H(r, "</span>");
	node_counts(r, n);
	if (at_cut && n->orgs > 1) {
		H(r, " <a class=\"deeper\" href=\"");
		tree_href(r, n->code, as_of);
		H(r, "\">");
		TR(r, "Organisations below");
		H(r, " (");
		Q(r, n->orgs - 1);
		H(r, ")</a>");
	}
}

static void tree_render(struct req *r, const struct tree_list *l, int depth_shown,
			const char *as_of)
{
	int open_depth[TREE_DEPTH_MAX + 2];
	int nopen = 0;
	size_t i;

	H(r, "<div class=\"tree\" id=\"tree\">\n");
	for (i = 0; i < l->n; i++) {
		const struct tree_node *n = &l->v[i];
		int has_children = n->orgs > 1 && n->depth < depth_shown && i + 1 < l->n &&
				   l->v[i + 1].depth > n->depth;

		while (nopen && open_depth[nopen - 1] >= n->depth) {
			H(r, "</details></div>\n");
			nopen--;
		}
		if (web_page_full(r) || r->out.len > TREE_PAGE_BYTES) {
			H(r, "<p class=\"note\">");
			TR(r, "The tree is too large for one page; open an organisation below to see "
			      "more.");
			H(r, "</p>\n");
			break;
		}
		if (has_children && nopen < TREE_DEPTH_MAX + 1) {
			/* The toggle holds no link (a link inside a summary is a control inside a
			 * control): the line comes first, the summary is drawn beside it. */
			H(r, "<div class=\"branch\"><div class=\"line\">");
			node_line(r, n, 0, as_of);
			H(r, "</div><details class=\"tree\"");
			if (n->depth < TREE_OPEN_LEVELS)
				H(r, " open");
			H(r, "><summary><span class=\"vh\">");
			TR(r, "Organisations below");
			H(r, ": ");
			T(r, n->name);
			H(r, "</span></summary>\n");
			open_depth[nopen++] = n->depth;
		} else {
			H(r, "<div class=\"leaf\">");
			node_line(r, n, 1, as_of);
			H(r, "</div>\n");
		}
	}
	while (nopen--)
		H(r, "</details></div>\n");
	H(r, "</div>\n");
}

void web_tree(struct req *r)
{
	const char *root = req_query(r, "root"), *as_of_s = req_query(r, "as_of");
	date_t as_of = DATE_NONE;
	struct tree_list l;
	struct org top;
	int depth;
	const char *why;

	memset(&l, 0, sizeof l);
	if (!root)
		root = "";
	if (as_of_s && as_of_s[0] && date_parse(as_of_s, &as_of, &why)) {
		err_add(&r->e, ERR_USAGE, 0, "as_of", as_of_s, NULL,
			"as_of must be a date written YYYY-MM-DD");
		web_fail(r);
		return;
	}
	/* The deepest cut that keeps the page small: four levels when they fit, else fewer. */
	for (depth = TREE_DEPTH_MAX; depth >= 1; depth--) {
		l.n = 0;
		l.cut = 0;
		l.max = depth > 1 ? TREE_NODES_MAX + 1 : 4000;
		if (app_org_tree(r->app, &r->actor, root, depth, as_of, tree_collect, &l, &r->e)) {
			free(l.v);
			web_fail(r);
			return;
		}
		if (!l.cut)
			break;
	}
	if (depth < 1)
		depth = 1;
	page_begin(r, _(r, "Organisation tree"));
	H(r, "<form class=\"asof\" method=\"get\" action=\"/tree\">");
	if (root[0]) {
		H(r, "<input type=\"hidden\" name=\"root\" value=\"");
		A(r, root);
		H(r, "\">");
	}
	H(r, "<label for=\"as_of\">");
	TR(r, "The tree as of");
	H(r, "</label> <input id=\"as_of\" name=\"as_of\" type=\"date\" value=\"");
	A(r, as_of_s ? as_of_s : "");
	H(r, "\"> <button>");
	TR(r, "Show");
	H(r, "</button></form>\n");
	if (as_of != DATE_NONE) {
		H(r, "<p class=\"note\">");
		TR(r, "As of");
		H(r, " <time>");
		D(r, as_of);
		H(r, "</time>. <a href=\"/tree\">");
		TR(r, "The tree today");
		H(r, "</a></p>\n");
	}
	if (root[0] && as_of == DATE_NONE &&
	    !app_org_get(r->app, &r->actor, root, &top, &r->e) && top.parent_code[0]) {
		struct org up;

		if (!app_org_get(r->app, &r->actor, top.parent_code, &up, &r->e)) {
			H(r, "<p><a class=\"up\" href=\"");
			tree_href(r, up.code, NULL);
			H(r, "\">");
			TR(r, "Up to");
			H(r, " ");
			T(r, up.name);
			H(r, "</a></p>\n");
		}
	}
	err_clear(&r->e);
	if (!l.n) {
		H(r, "<p>");
		TR(r, "No organisation.");
		H(r, "</p>\n");
	} else {
		tree_render(r, &l, depth, as_of_s);
	}
	free(l.v);
	page_end(r);
}
