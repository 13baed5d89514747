/* cmd_insp_fig.c - 'cadre report inspection' (seed 004's footnote 7 for a subtree and period)
 * and 'cadre report inspection-list' (the records behind one of its numbers), app_insp_fig.c;
 * docs/inspection.md "The footnote-7 report". */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "../app/app_insp_fig.h"
#include "../app/report_out.h"
#include "../app/table_out.h"
#include "cli.h"

static int period_opts(struct cli *c, date_t *from, date_t *to)
{
	*from = DATE_NONE;
	*to = DATE_NONE;
	if (OPT(c, "from"))
		cli_date(c, "from", OPT(c, "from"), from);
	if (OPT(c, "to"))
		cli_date(c, "to", OPT(c, "to"), to);
	return c->e.code;
}

static void one_output(struct cli *c, const char *xlsx)
{
	if (c->json + OPT_SET(c, "csv") + (xlsx != NULL) > 1)
		err_add(&c->e, ERR_USAGE, 0, NULL, NULL, NULL,
			"choose one output: --json, --csv or --xlsx FILE");
	if (xlsx && !xlsx[0])
		err_add(&c->e, ERR_USAGE, 0, "xlsx", NULL, NULL, "--xlsx needs a file name");
}

int cmd_report_inspection(struct cli *c, int npos, char **pos)
{
	const char *xlsx = OPT(c, "xlsx");
	struct insp_report r;
	date_t from, to;
	char d1[DATE_STR], d2[DATE_STR];
	int rc = 0;

	(void)npos;
	(void)pos;
	one_output(c, xlsx);
	if (period_opts(c, &from, &to))
		return cli_fail(c);
	if (app_insp_fig(&c->app, &c->actor, OPT(c, "org") ? OPT(c, "org") : "", from, to, &r,
			 &c->e)) {
		insp_report_cleanup(&r);
		return cli_fail(c);
	}
	date_format(r.from, d1);
	date_format(r.to, d2);
	if (c->json) {
		json_t *j = report_json(&r.r);
		char *s;

		json_object_set_new(j, "from", json_string(d1));
		json_object_set_new(j, "to", json_string(d2));
		s = json_dumps(j, REPORT_JSON_FLAGS | JSON_INDENT(2));
		if (s)
			printf("%s\n", s);
		free(s);
		json_decref(j);
	} else if (OPT_SET(c, "csv")) {
		if (report_csv(&r.r, stdout) || fflush(stdout)) {
			err_set(&c->e, ERR_STORAGE, "cannot write the CSV: %s", strerror(errno));
			rc = cli_fail(c);
		}
	} else if (xlsx) {
		if (report_xlsx(&r.r, xlsx, &c->e))
			rc = cli_fail(c);
		else
			printf("inspection report of %s written to %s (%zu tables)\n", r.r.org_code,
			       xlsx, r.r.n);
	} else {
		printf("period %s .. %s\n", d1, d2);
		print_report_text(&r.r);
	}
	insp_report_cleanup(&r);
	return rc;
}

/* A parameter of the list: its own option, else the --filter's NAME=VALUE. */
struct list_params {
	struct cli *c;
	char filter[512];
};

static const char *list_param(void *ctx, const char *name)
{
	struct list_params *p = ctx;
	static char val[128];
	const char *v = OPT(p->c, name), *s = p->filter;
	size_t len = strlen(name);

	if (v)
		return v;
	while (*s) {
		const char *end = strchr(s, '&');
		size_t n = end ? (size_t)(end - s) : strlen(s);

		if (n > len && !strncmp(s, name, len) && s[len] == '=') {
			snprintf(val, sizeof val, "%.*s", (int)(n - len - 1), s + len + 1);
			return val;
		}
		s += n + (end != NULL);
	}
	return NULL;
}

static int item_out(void *ctx, const struct insp_fig_item *r)
{
	json_t *arr = ctx;
	char d[DATE_STR];

	date_format(r->on, d);
	if (arr) {
		cli_json_push(arr, json_pack("{s:I,s:s,s:s,s:s,s:o,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
					       "id", (json_int_t)r->id, "date", d, "org",
					       r->org_code, "org_name", r->org_name, "member_id",
					       r->member_id ? json_integer((json_int_t)r->member_id)
							    : json_null(),
					       "member_name", r->member_name, "body_org",
					       r->body_code, "body", r->body, "kind", r->kind,
					       "state", r->state, "result", r->result, "doc_no",
					       r->doc_no));
		return 0;
	}
	printf("%-8lld %s  %-12s %-16s %-12s %-10s %-14s %-10s %s\n", (long long)r->id, d,
	       r->org_code, r->kind, r->body, r->state, r->result[0] ? r->result : "-",
	       r->doc_no[0] ? r->doc_no : "-", r->member_id ? r->member_name : r->org_name);
	return 0;
}

int cmd_report_inspection_list(struct cli *c, int npos, char **pos)
{
	const char *xlsx = OPT(c, "xlsx"), *org = OPT(c, "org") ? OPT(c, "org") : "";
	struct list_params p;
	struct insp_fig_filter f;
	date_t from, to;
	long limit = -1, offset = 0, total = 0;
	json_t *arr = NULL;

	(void)npos;
	(void)pos;
	p.c = c;
	snprintf(p.filter, sizeof p.filter, "%s", OPT(c, "filter") ? OPT(c, "filter") : "");
	one_output(c, xlsx);
	if (OPT(c, "limit"))
		cli_count(c, "limit", OPT(c, "limit"), &limit);
	if (OPT(c, "offset"))
		cli_count(c, "offset", OPT(c, "offset"), &offset);
	if (period_opts(c, &from, &to) || app_insp_fig_filter(list_param, &p, &f, &c->e))
		return cli_fail(c);
	if (OPT_SET(c, "csv") || xlsx) {
		int fd;
		long long len;

		if (app_insp_fig_list_table(&c->app, &c->actor, org, from, to, &f, xlsx != NULL, &fd,
					    &len, &c->e) ||
		    table_out_save(fd, xlsx ? xlsx : "-", &c->e))
			return cli_fail(c);
		return 0;
	}
	if (c->json)
		arr = json_array();
	if (app_insp_fig_list(&c->app, &c->actor, org, from, to, &f, limit, offset < 0 ? 0 : offset,
			      &total, item_out, arr, &c->e)) {
		json_decref(arr);
		return cli_fail(c);
	}
	if (arr)
		cli_json_out(json_pack("{s:I,s:o}", "total", (json_int_t)total, "rows", arr));
	else
		printf("(%ld)\n", total);
	return 0;
}
