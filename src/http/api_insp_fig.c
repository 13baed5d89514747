/* api_insp_fig.c - seed 004's footnote 7 in the API (docs/inspection.md "The footnote-7
 * report"): GET /api/v1/reports/inspection (JSON, CSV, XLSX) with the address of the list
 * behind every number, and GET /api/v1/reports/inspection/list (the cases, discipline or
 * complaints behind one, a page at a time, or whole as CSV/XLSX). Access is the app's: the
 * inspection right (403 without it), an organisation outside the caller's subtree does not
 * exist (404). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../app/app_insp_fig.h"
#include "../app/report_out.h"
#include "../lib/buf.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* 0 JSON, 1 CSV, 2 XLSX from ?format= or the Accept header; -1 with a problem. */
static int format_of(struct req *r)
{
	const char *f = req_query(r, "format"), *acc = r->accept ? r->accept : "";

	if (f && f[0]) {
		if (!strcmp(f, "json"))
			return 0;
		if (!strcmp(f, "csv"))
			return 1;
		if (!strcmp(f, "xlsx"))
			return 2;
		err_add(&r->e, ERR_USAGE, 0, "format", f, NULL, "format must be json, csv or xlsx");
		return -1;
	}
	if (strstr(acc, CT_XLSX))
		return 2;
	if (strcasestr(acc, "text/csv"))
		return 1;
	return 0;
}

static const char *org_of(struct req *r)
{
	const char *o = req_query(r, "org");

	return o ? o : "";
}

/* Every row of the report's JSON gets "lists": for each column, the address of its records. */
static void add_lists(json_t *j, const struct insp_report *ir)
{
	json_t *tables = json_object_get(j, "tables");
	char d1[DATE_STR], d2[DATE_STR], q[200];
	struct buf u;
	size_t i, k, c;

	date_format(ir->from, d1);
	date_format(ir->to, d2);
	buf_init(&u, 0);
	for (i = 0; i < ir->r.n; i++) {
		const struct report_table *t = &ir->r.t[i];
		json_t *rows = json_object_get(json_object_get(tables, t->name), "rows");

		for (k = 0; k < t->nrow && k < json_array_size(rows); k++) {
			json_t *lists = json_object();

			for (c = 0; c < t->ncol; c++) {
				app_insp_fig_cell_filter(t->name, &t->rows[k], t->col[c], q,
							 sizeof q);
				buf_reset(&u);
				/* org codes hold A-Z a-z 0-9 . _ - only: no escaping needed */
				buf_printf(&u, "/api/v1/reports/inspection/list?org=%s&from=%s&to=%s&%s",
					   ir->r.org_code, d1, d2, q);
				json_object_set_new(lists, t->col[c], json_string(buf_str(&u)));
			}
			json_object_set_new(json_array_get(rows, k), "lists", lists);
		}
	}
	buf_cleanup(&u);
}

/* GET /api/v1/reports/inspection?org=&from=&to=&format=json|csv|xlsx */
void api_insp_report(struct req *r)
{
	int fmt = format_of(r);
	struct insp_report ir;
	date_t from = DATE_NONE, to = DATE_NONE;
	char file[96], d1[DATE_STR], d2[DATE_STR];
	json_t *j;
	FILE *f;

	api_query_date(r, "from", &from);
	api_query_date(r, "to", &to);
	if (fmt < 0 || r->e.code) {
		reply_problem(r);
		return;
	}
	if (app_insp_fig(r->app, &r->actor, org_of(r), from, to, &ir, &r->e)) {
		insp_report_cleanup(&ir);
		reply_problem(r);
		return;
	}
	date_format(ir.from, d1);
	date_format(ir.to, d2);
	snprintf(file, sizeof file, "inspection-%s-%s-%s.%s", ir.r.org_code, d1, d2,
		 fmt == 2 ? "xlsx" : fmt == 1 ? "csv" : "json");
	if (fmt == 0) {
		j = report_json(&ir.r);
		json_object_set_new(j, "from", json_string(d1));
		json_object_set_new(j, "to", json_string(d2));
		add_lists(j, &ir);
		reply_report_json(r, j);
	} else if (fmt == 1) {
		if (!(f = tmpfile())) {
			err_set(&r->e, ERR_STORAGE, "cannot make a temporary file for the report: %s",
				strerror(errno));
			reply_problem(r);
		} else if (report_csv(&ir.r, f)) {
			err_set(&r->e, ERR_STORAGE, "cannot write the report: %s", strerror(errno));
			fclose(f);
			reply_problem(r);
		} else {
			api_reply_file(r, f, CT_CSV, file);
		}
	} else {
		reply_xlsx(r, &ir.r, file);
	}
	req_header(r, "Vary", "Accept");
	insp_report_cleanup(&ir);
}

static const char *query_param(void *ctx, const char *name)
{
	return req_query(ctx, name);
}

static int item_json(void *ctx, const struct insp_fig_item *it)
{
	char d[DATE_STR];

	json_array_append_new(
		ctx, json_pack("{s:I,s:s,s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id",
			       (json_int_t)it->id, "date", date_format(it->on, d), "org",
			       it->org_code, "org_name", it->org_name, "member_id",
			       it->member_id ? json_integer((json_int_t)it->member_id) : json_null(),
			       "member_name", it->member_name, "body_org", it->body_code, "body",
			       it->body, "kind", it->kind, "state", it->state, "result", it->result,
			       "doc_no", it->doc_no));
	return 0;
}

/* GET /api/v1/reports/inspection/list?org=&from=&to=&what=...&offset=&limit=&format= */
void api_insp_report_list(struct req *r)
{
	int fmt = format_of(r);
	struct insp_fig_filter f;
	struct api_page p;
	date_t from = DATE_NONE, to = DATE_NONE;
	json_t *items, *j;
	long total = 0;

	/* The right before the filter: an actor without it learns nothing from how its input
	 * is refused (tests/api/t_access_member.sh). */
	if (app_inspection_check(r->app, &r->actor, 0, &r->e)) {
		reply_problem(r);
		return;
	}
	api_query_date(r, "from", &from);
	api_query_date(r, "to", &to);
	if (fmt < 0 || r->e.code || app_insp_fig_filter(query_param, r, &f, &r->e) ||
	    api_page_init(r, &p, 50, API_LIST_MAX)) {
		reply_problem(r);
		return;
	}
	if (fmt > 0) {
		int fd;
		long long len;
		char file[64];

		if (app_insp_fig_list_table(r->app, &r->actor, org_of(r), from, to, &f, fmt == 2,
					    &fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		snprintf(file, sizeof file, "inspection-list.%s", fmt == 2 ? "xlsx" : "csv");
		api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV, file);
		return;
	}
	items = json_array();
	if (app_insp_fig_list(r->app, &r->actor, org_of(r), from, to, &f,
			      p.limit ? p.limit : -1, p.offset, &total, item_json, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	p.total = total;
	j = json_pack("{s:o}", "items", items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}
