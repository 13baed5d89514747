/* web_list.h - the machinery of the list pages (the roll of an organisation, the open
 * transfers, the audit log; any list page may use it, search results too): links that keep
 * the list's filters and order, sortable column heads (plain links, no script), the total
 * and page numbers, and the same rows as a CSV or XLSX download (?format=csv|xlsx: the
 * filters and order of the page, every row of the list, the columns the page shows). */
#ifndef CADRE_WEB_LIST_H
#define CADRE_WEB_LIST_H

#include "../app/table_out.h"
#include "web.h"

struct web_list {
	struct req *r;
	const char *path;          /* the page's path ("/audit", "/orgs/HG"), URL-safe */
	const char *const *params; /* the query parameters that make the list (filters, sort),
				    * NULL-ended: kept in its links */
	const char *sort;          /* the query's sort key ("name", "-birth": descending), or
				    * the default given to web_list_begin */
	long offset, per;          /* the page: rows from offset, per rows (per page) */
	long total;                /* rows in all (-1: not known) */
	struct table_out *out;     /* a download (?format=): cells go here, not to the page */
	long long next_before;     /* > 0: the next page is ?before= this (keyset paging) */
	int in_row;
};

/* Start list l of the page at path: reads ?offset= (a multiple of per), ?sort= (one of the
 * space-separated keys sorts, default def_sort) and ?format= ("csv" or "xlsx": a download
 * whose sheet is named sheet). Returns 0, or -1 with a problem (ERR_USAGE) in r->e. */
int web_list_begin(struct web_list *l, struct req *r, const char *path,
		   const char *const *params, const char *sorts, const char *def_sort,
		   long per, const char *sheet);
/* Whether the list is a download (no page markup is written then). */
int web_list_download(const struct web_list *l);
/* Append to b the address of this list with name=value (value NULL: without name), the
 * other parameters of the list kept, the offset dropped unless name is "offset". */
void web_list_url(const struct web_list *l, struct buf *b, const char *name, const char *value);
/* A column head: label, a link sorting by key (NULL: not sortable) ascending, or descending
 * when the list is sorted by key already; aria-sort tells the order shown. numeric: the
 * column is right-aligned. In a download, the label is the column's head cell. */
void web_list_th(struct web_list *l, const char *label, const char *key, int numeric);
/* Start and end a row of the body (id: the row's id attribute, or NULL). */
void web_list_tr(struct web_list *l, const char *id);
void web_list_tr_end(struct web_list *l);
/* Cells: text, a whole number, a date (as the page shows dates; ISO in a download), and a
 * link (href already a safe, escaped-by-construction path; s the text). */
void web_list_td(struct web_list *l, const char *s);
void web_list_td_int(struct web_list *l, long long v);
void web_list_td_date(struct web_list *l, date_t d);
void web_list_td_link(struct web_list *l, const char *href, const char *s);
/* The end of the list on the page: "N in all", page numbers (the first, the last, and two
 * either side of this one) with previous and next, and the CSV and XLSX links. shown: rows
 * on this page. */
void web_list_pages(struct web_list *l, long shown);
/* Drop a download begun by web_list_begin when the page fails before web_list_send (its
 * temporary file goes); nothing otherwise. */
void web_list_abort(struct web_list *l);
/* The end of a download: the file is answered (name "file.csv" or "file.xlsx"). Returns 0,
 * or -1 after answering the problem page. */
int web_list_send(struct web_list *l, const char *file);

#endif
