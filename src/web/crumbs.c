/* crumbs.c - names, not codes: the breadcrumb of an organisation's path from the top of the
 * user's scope, and an organisation shown by its name with its code beside it. */
#include <string.h>

#include "pages.h"

struct crumbs {
	struct req *r;
	const char *code, *here;
};

static int crumb(void *ctx, const struct org *o)
{
	struct crumbs *c = ctx;
	int last = !strcmp(o->code, c->code) && !c->here;

	H(c->r, "<li>");
	if (last) {
		H(c->r, "<span class=\"here\">");
		T(c->r, o->name);
		H(c->r, "</span>");
	} else {
		web_org_link(c->r, o->code, o->name);
	}
	H(c->r, "</li>");
	return 0;
}

void web_crumbs(struct req *r, const char *org_code, const char *here)
{
	struct crumbs c = {r, org_code, here};
	struct err tmp;
	size_t mark = r->out.len;

	err_init(&tmp);
	H(r, "<nav class=\"crumbs\" aria-label=\"");
	A(r, _(r, "Breadcrumb"));
	H(r, "\"><ol>");
	if (app_org_path(r->app, &r->actor, org_code, crumb, &c, &tmp)) {
		/* Out of sight or gone: no breadcrumb (the page says what it says). */
		r->out.len = mark;
		r->out.s[mark] = 0;
		err_cleanup(&tmp);
		return;
	}
	err_cleanup(&tmp);
	if (here) {
		H(r, "<li><span class=\"here\">");
		T(r, here);
		H(r, "</span></li>");
	}
	H(r, "</ol></nav>\n");
}

void web_org_named(struct req *r, const char *code, const char *name)
{
	web_org_link(r, code, name);
	if (name && name[0]) {
		H(r, " <span class=\"code\">");
		T(r, code);
		H(r, "</span>");
	}
}
