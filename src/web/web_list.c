/* web_list.c - the list pages' shared machinery (web_list.h): links that keep the list's
 * filters and order, sortable heads, totals and page numbers, CSV and XLSX of the rows. */
#include <string.h>
#include <unistd.h>

#include "pages.h"
#include "web_list.h"

/* Whether key is one of the space-separated words of keys. */
static int one_of(const char *keys, const char *key, size_t n)
{
	const char *p = keys;

	while (p && *p) {
		size_t w = strcspn(p, " ");

		if (w == n && !strncmp(p, key, n))
			return 1;
		p += w;
		p += strspn(p, " ");
	}
	return 0;
}

int web_list_begin(struct web_list *l, struct req *r, const char *path,
		   const char *const *params, const char *sorts, const char *def_sort,
		   long per, const char *sheet)
{
	const char *sort = req_query(r, "sort"), *format = req_query(r, "format");

	memset(l, 0, sizeof *l);
	l->r = r;
	l->path = path;
	l->params = params;
	l->per = per;
	l->total = -1;
	l->offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	if (l->offset < 0)
		return -1;
	l->offset -= l->offset % per;
	if (sort && sort[0]) {
		const char *k = sort[0] == '-' ? sort + 1 : sort;

		if (!one_of(sorts, k, strlen(k))) {
			err_add(&r->e, ERR_USAGE, 0, "sort", sort, NULL,
				"sort must be one of: %s (a leading - for the reverse)", sorts);
			return -1;
		}
		l->sort = sort;
	} else {
		l->sort = def_sort;
	}
	if (format && format[0]) {
		enum table_format f;

		if (!strcmp(format, "csv"))
			f = TABLE_CSV;
		else if (!strcmp(format, "xlsx"))
			f = TABLE_XLSX;
		else {
			err_add(&r->e, ERR_USAGE, 0, "format", format, NULL,
				"format must be csv or xlsx");
			return -1;
		}
		if (!(l->out = table_out_new(f, sheet, &r->e)))
			return -1;
	}
	return 0;
}

int web_list_download(const struct web_list *l)
{
	return l->out != NULL;
}

void web_list_url(const struct web_list *l, struct buf *b, const char *name, const char *value)
{
	const char *const *p;
	int n = 0;

	buf_adds(b, l->path);
	for (p = l->params; p && *p; p++) {
		const char *v = req_query(l->r, *p);

		if (!strcmp(*p, name) || !v || !v[0])
			continue;
		buf_addc(b, n++ ? '&' : '?');
		web_url_arg(b, *p);
		buf_addc(b, '=');
		web_url_arg(b, v);
	}
	if (value) {
		buf_addc(b, n ? '&' : '?');
		web_url_arg(b, name);
		buf_addc(b, '=');
		web_url_arg(b, value);
	}
}

void web_list_th(struct web_list *l, const char *label, const char *key, int numeric)
{
	struct req *r = l->r;
	struct buf u;
	int asc, desc;

	if (l->out) {
		table_out_text(l->out, label);
		return;
	}
	asc = key && l->sort && !strcmp(l->sort, key);
	desc = key && l->sort && l->sort[0] == '-' && !strcmp(l->sort + 1, key);
	H(r, "<th");
	if (numeric)
		H(r, " class=\"n\"");
	if (asc)
		H(r, " aria-sort=\"ascending\"");
	else if (desc)
		H(r, " aria-sort=\"descending\"");
	H(r, ">");
	if (!key) {
		T(r, label);
		H(r, "</th>");
		return;
	}
	buf_init(&u, 0);
	if (asc) {
		buf_addc(&u, '-');
		buf_adds(&u, key);
	} else {
		buf_adds(&u, key);
	}
	{
		struct buf href;

		buf_init(&href, 0);
		web_list_url(l, &href, "sort", buf_str(&u));
		H(r, "<a class=\"sort\" href=\"");
		A(r, buf_str(&href));
		H(r, "\">");
		buf_cleanup(&href);
	}
	buf_cleanup(&u);
	T(r, label);
	if (asc)
		H(r, " ▲");
	else if (desc)
		H(r, " ▼");
	H(r, "</a></th>");
}

void web_list_tr(struct web_list *l, const char *id)
{
	struct req *r = l->r;

	l->in_row = 1;
	if (l->out)
		return;
	H(r, "<tr");
	if (id) {
		H(r, " id=\"");
		A(r, id);
		H(r, "\"");
	}
	H(r, ">");
}

void web_list_tr_end(struct web_list *l)
{
	l->in_row = 0;
	if (l->out)
		table_out_row(l->out);
	else
		H(l->r, "</tr>\n");
}

void web_list_td(struct web_list *l, const char *s)
{
	if (l->out) {
		table_out_text(l->out, s);
		return;
	}
	H(l->r, "<td>");
	T(l->r, s);
	H(l->r, "</td>");
}

void web_list_td_int(struct web_list *l, long long v)
{
	if (l->out) {
		table_out_int(l->out, v);
		return;
	}
	H(l->r, "<td class=\"n\">");
	N(l->r, v);
	H(l->r, "</td>");
}

void web_list_td_date(struct web_list *l, date_t d)
{
	char s[DATE_STR];

	if (l->out) {
		table_out_text(l->out, d == DATE_NONE ? "" : date_format(d, s));
		return;
	}
	H(l->r, "<td>");
	D(l->r, d);
	H(l->r, "</td>");
}

void web_list_td_link(struct web_list *l, const char *href, const char *s)
{
	if (l->out) {
		table_out_text(l->out, s);
		return;
	}
	H(l->r, "<td><a href=\"");
	A(l->r, href);
	H(l->r, "\">");
	T(l->r, s);
	H(l->r, "</a></td>");
}

/* A link to the page starting at offset, labelled with its number (or text when given). */
static void page_link(struct web_list *l, long offset, const char *rel, const char *text)
{
	struct req *r = l->r;
	struct buf u;
	char v[32];

	/* offset=0 too: a large roll's organisation page lists its members only when asked. */
	snprintf(v, sizeof v, "%ld", offset);
	buf_init(&u, 0);
	web_list_url(l, &u, "offset", v);
	H(r, "<a");
	if (rel) {
		H(r, " rel=\"");
		A(r, rel);
		H(r, "\"");
	}
	H(r, " href=\"");
	A(r, buf_str(&u));
	H(r, "\">");
	if (text)
		T(r, text);
	else
		N(r, offset / l->per + 1);
	H(r, "</a>");
	buf_cleanup(&u);
}

void web_list_pages(struct web_list *l, long shown)
{
	struct req *r = l->r;
	long pages, cur, p;
	struct buf u;

	if (l->out)
		return;
	H(r, "<nav class=\"pager\" aria-label=\"");
	A(r, _(r, "Pages"));
	H(r, "\"><span class=\"count\" id=\"list-total\">");
	if (l->total >= 0) {
		N(r, shown ? l->offset + 1 : l->offset);
		H(r, "–");
		N(r, l->offset + shown);
		H(r, " / ");
		N(r, l->total);
		H(r, " ");
		TR(r, "in all");
	}
	H(r, "</span>");
	pages = l->total > 0 ? (l->total + l->per - 1) / l->per : 1;
	cur = l->offset / l->per;
	if (pages > 1 || l->next_before > 0) {
		H(r, " <span class=\"pages\">");
		if (cur > 0)
			page_link(l, (cur - 1) * l->per, "prev", _(r, "Previous page"));
		for (p = 0; p < pages; p++) {
			if (p != 0 && p != pages - 1 && (p < cur - 2 || p > cur + 2)) {
				if (p == 1 || p == cur + 3)
					H(r, " …");
				continue;
			}
			H(r, " ");
			if (p == cur) {
				H(r, "<strong aria-current=\"page\">");
				N(r, p + 1);
				H(r, "</strong>");
			} else {
				page_link(l, p * l->per, NULL, NULL);
			}
		}
		if (l->next_before > 0) {
			char v[32];

			snprintf(v, sizeof v, "%lld", l->next_before);
			buf_init(&u, 0);
			web_list_url(l, &u, "before", v);
			H(r, " <a rel=\"next\" href=\"");
			A(r, buf_str(&u));
			H(r, "\">");
			TR(r, "Next page");
			H(r, "</a>");
			buf_cleanup(&u);
		} else if (cur + 1 < pages) {
			H(r, " ");
			page_link(l, (cur + 1) * l->per, "next", _(r, "Next page"));
		}
		H(r, "</span>");
	}
	H(r, " <span class=\"downloads\">");
	buf_init(&u, 0);
	web_list_url(l, &u, "format", "csv");
	H(r, "<a id=\"list-csv\" href=\"");
	A(r, buf_str(&u));
	H(r, "\">CSV</a> <a id=\"list-xlsx\" href=\"");
	buf_reset(&u);
	web_list_url(l, &u, "format", "xlsx");
	A(r, buf_str(&u));
	H(r, "\">XLSX</a>");
	buf_cleanup(&u);
	H(r, "</span></nav>\n");
}

int web_list_send(struct web_list *l, const char *file)
{
	struct req *r = l->r;
	int xlsx = 0, fd;
	long long len;
	struct buf d;

	if (!l->out)
		return 0;
	if (l->in_row)
		web_list_tr_end(l);
	/* The format is known from the query: the table does not keep it. */
	xlsx = req_query(r, "format") && !strcmp(req_query(r, "format"), "xlsx");
	if (table_out_finish(l->out, &fd, &len, &r->e)) {
		l->out = NULL;
		web_fail(r);
		return -1;
	}
	l->out = NULL;
	buf_reset(&r->out);
	r->file_fd = fd;
	r->file_len = (unsigned long long)len;
	r->file_set = 1;
	r->status = 200;
	r->ctype = xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			: "text/csv; charset=utf-8";
	buf_init(&d, 0);
	/* file is a fixed name of the page's code: no quoting needed. */
	buf_printf(&d, "attachment; filename=\"%s.%s\"", file, xlsx ? "xlsx" : "csv");
	req_header(r, "Content-Disposition", buf_str(&d));
	buf_cleanup(&d);
	return 0;
}

void web_list_abort(struct web_list *l)
{
	struct err ignore;
	long long len;
	int fd;

	if (!l->out)
		return;
	err_init(&ignore);
	if (!table_out_finish(l->out, &fd, &len, &ignore))
		close(fd);
	err_cleanup(&ignore);
	l->out = NULL;
}
