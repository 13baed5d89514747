/* picker.c - the organisation picker: type part of a name, accent-free, and choose.
 * Without JavaScript, GET /pick?q=TEXT&return=PATH&field=NAME lists the organisations found,
 * each a link back to PATH with NAME=CODE, so the form there opens with the choice filled in.
 * With JavaScript, /static/picker.js offers the same choices as the user types, from
 * GET /api/v1/orgs?q=TEXT (docs/search.md). */
#include <string.h>

#include "pages.h"

#define PICK_ROWS 30

/* A path of this site to return to: "/" and letters, digits and - _ / only (no "//", no
 * query), so that the picker sends nobody elsewhere. */
static int pick_return_ok(const char *path)
{
	const char *p = path;

	if (!p || p[0] != '/' || p[1] == '/' || strstr(p, ".."))
		return 0;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || *p == '/' || *p == '-' || *p == '_' ||
		      *p == '.'))
			return 0;
	return 1;
}

static int pick_field_ok(const char *f)
{
	if (!f || !f[0] || strlen(f) > 32)
		return 0;
	for (; *f; f++)
		if (!((*f >= 'a' && *f <= 'z') || *f == '_'))
			return 0;
	return 1;
}

struct pick_ctx {
	struct req *r;
	const char *ret, *field;
	long n;
};

static int pick_row(void *ctx, const struct org *o)
{
	struct pick_ctx *p = ctx;
	struct req *r = p->r;
	struct buf u;

	buf_init(&u, 0);
	buf_adds(&u, p->ret);
	buf_addc(&u, '?');
	buf_adds(&u, p->field);
	buf_addc(&u, '=');
	web_url_arg(&u, o->code);
	H(r, "<li><a class=\"pick\" href=\"");
	A(r, buf_str(&u));
	H(r, "\">");
	T(r, o->name);
	H(r, "</a> <span class=\"code\">");
	T(r, o->code);
	H(r, "</span> ");
	web_crumbs(r, o->code, NULL);
	H(r, "</li>\n");
	buf_cleanup(&u);
	p->n++;
	return 0;
}

void web_org_pick(struct req *r)
{
	const char *q = req_query(r, "q"), *ret = req_query(r, "return"),
		   *field = req_query(r, "field");
	struct pick_ctx p = {r, ret, field, 0};
	int more = 0;

	if (!q)
		q = "";
	if (!pick_return_ok(ret) || !pick_field_ok(field)) {
		ret = "/search";
		field = "org";
		p.ret = ret;
		p.field = field;
	}
	page_begin(r, _(r, "Choose an organisation"));
	H(r, "<form class=\"find\" method=\"get\" action=\"/pick\"><div class=\"field\">"
	     "<label for=\"pick-q\">");
	TR(r, "Part of the organisation's name (accents optional)");
	H(r, "</label><input id=\"pick-q\" name=\"q\" type=\"search\" value=\"");
	A(r, q);
	H(r, "\"></div><input type=\"hidden\" name=\"return\" value=\"");
	A(r, ret);
	H(r, "\"><input type=\"hidden\" name=\"field\" value=\"");
	A(r, field);
	H(r, "\"><button>");
	TR(r, "Find");
	H(r, "</button></form>\n");
	if (q[0]) {
		H(r, "<ul class=\"picks\" id=\"picks\">\n");
		if (app_org_find(r->app, &r->actor, q, 0, PICK_ROWS, pick_row, &p, &more, &r->e)) {
			H(r, "</ul><div class=\"errors\" role=\"alert\"><p>");
			T(r, r->e.n ? r->e.items[0].msg : "");
			H(r, "</p></div>\n");
			r->status = http_status_of(r->e.code);
			page_end(r);
			return;
		}
		H(r, "</ul>\n");
		if (!p.n) {
			H(r, "<p id=\"no-results\">");
			TR(r, "No organisation found.");
			H(r, "</p>\n");
		} else if (more) {
			H(r, "<p class=\"note\">");
			TR(r, "More organisations match: type more of the name.");
			H(r, "</p>\n");
		}
	}
	H(r, "<p><a href=\"");
	A(r, ret);
	H(r, "\">");
	TR(r, "Back without choosing");
	H(r, "</a></p>\n");
	page_end(r);
}

void web_pick_form(struct req *r, const char *ret, const char *field)
{
	H(r, "<form class=\"pick-find inline\" method=\"get\" action=\"/pick\" data-for=\"");
	A(r, field);
	H(r, "\"><label for=\"pick-");
	A(r, field);
	H(r, "\">");
	TR(r, "Find the organisation by name");
	H(r, "</label> <input id=\"pick-");
	A(r, field);
	H(r, "\" name=\"q\" type=\"search\"><input type=\"hidden\" name=\"return\" value=\"");
	A(r, ret);
	H(r, "\"><input type=\"hidden\" name=\"field\" value=\"");
	A(r, field);
	H(r, "\"><button>");
	TR(r, "Find");
	H(r, "</button></form>\n");
}

/* Offers organisations as the user types into an input with data-pick (their codes, with
 * the names as labels), or the input named by a picker form's data-for, from the API's
 * search; the forms still work without it. */
static const char picker_js[] =
	"// picker.js - the organisation picker's suggestions as one types (cadre).\n"
	"(function () {\n"
	"  'use strict';\n"
	"  var inputs = Array.prototype.slice.call(document.querySelectorAll('input[data-pick]'));\n"
	"  Array.prototype.forEach.call(document.querySelectorAll('form.pick-find[data-for]'),\n"
	"    function (f) {\n"
	"      var i = document.querySelector('form:not(.pick-find) input[name=\"' +\n"
	"                                     f.getAttribute('data-for') + '\"]');\n"
	"      if (i && inputs.indexOf(i) < 0) inputs.push(i);\n"
	"    });\n"
	"  inputs.forEach(function (input, k) {\n"
	"    var list = document.createElement('datalist'), timer = null, last = '';\n"
	"    list.id = 'pick-list-' + k;\n"
	"    input.parentNode.appendChild(list);\n"
	"    input.setAttribute('list', list.id);\n"
	"    input.setAttribute('autocomplete', 'off');\n"
	"    function fill(items) {\n"
	"      while (list.firstChild) list.removeChild(list.firstChild);\n"
	"      items.forEach(function (o) {\n"
	"        var opt = document.createElement('option');\n"
	"        opt.value = o.code;\n"
	"        opt.label = o.name + ' (' + o.code + ')';\n"
	"        opt.textContent = o.name + ' (' + o.code + ')';\n"
	"        list.appendChild(opt);\n"
	"      });\n"
	"    }\n"
	"    input.addEventListener('input', function () {\n"
	"      var q = input.value.trim();\n"
	"      if (timer) clearTimeout(timer);\n"
	"      if (q.length < 2 || q === last) return;\n"
	"      timer = setTimeout(function () {\n"
	"        last = q;\n"
	"        fetch('/api/v1/orgs?limit=20&open=' + (input.dataset.pick === 'open' ? '1' : '0') +\n"
	"              '&q=' + encodeURIComponent(q), {credentials: 'same-origin',\n"
	"              headers: {'Accept': 'application/json'}})\n"
	"          .then(function (res) { return res.ok ? res.json() : {items: []}; })\n"
	"          .then(function (d) { fill(d.items || []); })\n"
	"          .catch(function () {});\n"
	"      }, 150);\n"
	"    });\n"
	"  });\n"
	"})();\n";

void web_static_picker_js(struct req *r)
{
	r->ctype = "text/javascript; charset=utf-8";
	buf_add(&r->out, picker_js, sizeof picker_js - 1);
	req_header(r, "Cache-Control", "public, max-age=86400");
}
