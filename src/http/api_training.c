/* api_training.c - members' training records (docs/cadres.md "Training"): the list (JSON a
 * page at a time, or CSV/XLSX), one record, add, change, delete, the figure "cadres sent to
 * training" of a subtree and year, and the CSV import. Every endpoint needs the personnel
 * right (403 without it, whatever the record); a record outside the actor's subtree does
 * not exist (404). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_training.h"
#include "api.h"

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* 0 JSON, 1 CSV, 2 XLSX from ?format= or Accept (-1 with a problem when unknown). */
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

static int query_year(struct req *r, int *year)
{
	const char *v = req_query(r, "year");
	char *end;
	long n;

	*year = 0;
	if (!v || !v[0])
		return 0;
	n = strtol(v, &end, 10);
	if (*end || n < 1900 || n > 2199) {
		err_add(&r->e, ERR_USAGE, 0, "year", v, NULL, "year is a year from 1900 to 2199");
		return -1;
	}
	*year = (int)n;
	return 0;
}

struct items {
	json_t *items;
	struct api_page *p;
};

static int item(void *ctx, const struct training *t)
{
	struct items *l = ctx;

	if (api_page_take(l->p))
		json_array_append_new(l->items, app_training_json(t));
	return 0;
}

/* GET /api/v1/training?member=&org=&year=&kind=: a member's records, or those sent by a
 * subtree, by start date. */
void api_training_list(struct req *r)
{
	struct training_query q;
	struct api_page p;
	struct items l;
	const char *v;
	int fmt;
	json_t *j;

	memset(&q, 0, sizeof q);
	fmt = format_of(r);
	if (fmt < 0 || api_page_init(r, &p, 100, 1000) || query_year(r, &q.year)) {
		reply_problem(r);
		return;
	}
	if ((v = req_query(r, "member")) && v[0]) {
		char *end;
		long long n = strtoll(v, &end, 10);

		if (*end || n <= 0) {
			err_add(&r->e, ERR_USAGE, 0, "member", v, NULL, "member is a member's id");
			reply_problem(r);
			return;
		}
		q.member_id = (int64_t)n;
	}
	q.org_code = req_query(r, "org");
	q.kind = req_query(r, "kind");
	if (fmt > 0) {
		long long len;
		int fd;

		if (app_training_export(r->app, &r->actor, &q, fmt == 2 ? TABLE_XLSX : TABLE_CSV,
					&fd, &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV,
			     fmt == 2 ? "training.xlsx" : "training.csv");
		req_header(r, "Vary", "Accept");
		return;
	}
	l.items = json_array();
	l.p = &p;
	if (app_training_list(r->app, &r->actor, &q, item, &l, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

static void reply_one(struct req *r, int status, int64_t id)
{
	struct training t;
	char loc[64];
	json_t *j;

	if (app_training_get(r->app, &r->actor, id, &t, &r->e)) {
		reply_problem(r);
		return;
	}
	j = app_training_json(&t);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/training/%lld", (long long)id);
	api_created(r, loc, j);
}

/* GET /api/v1/training/{id} */
void api_training_get(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "training record", &id)) {
		reply_problem(r);
		return;
	}
	reply_one(r, 200, id);
}

static const struct api_field add_fields[] = {
	{"member_id", AT_ID, 1},  {"course", AT_STRING, 1}, {"school", AT_STRING, 1},
	{"kind", AT_STRING, 1},   {"from", AT_STRING, 1},   {"to", AT_STRING, 0},
	{"result", AT_STRING, 0}, {"certificate", AT_STRING, 0}, {"note", AT_STRING, 0},
	{NULL, 0, 0},
};
static const struct api_field edit_fields[] = {
	{"course", AT_STRING, 0}, {"school", AT_STRING, 0}, {"kind", AT_STRING, 0},
	{"from", AT_STRING, 0},   {"to", AT_STRING, 0},     {"result", AT_STRING, 0},
	{"certificate", AT_STRING, 0}, {"note", AT_STRING, 0}, {NULL, 0, 0},
};

static void input_of(json_t *body, struct training_input *in)
{
	in->course = api_str(body, "course");
	in->school = api_str(body, "school");
	in->kind = api_str(body, "kind");
	in->from = api_str(body, "from");
	in->to = api_str(body, "to");
	in->result = api_str(body, "result");
	in->certificate = api_str(body, "certificate");
	in->note = api_str(body, "note");
}

/* POST /api/v1/training: 201 with the record and its Location. */
void api_training_add(struct req *r)
{
	json_t *body;
	struct training_input in;
	struct training t;

	/* Without the personnel right the answer is 403 whatever the body holds. */
	if (app_personnel_check(r->app, &r->actor, 0, &r->e)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, add_fields)))
		return;
	input_of(body, &in);
	if (app_training_add(r->app, &r->actor,
			     (int64_t)json_integer_value(json_object_get(body, "member_id")), &in,
			     &t, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_one(r, 201, t.id);
}

/* PATCH /api/v1/training/{id}: the fields given change; the old values stay in the audit
 * log. */
void api_training_edit(struct req *r)
{
	json_t *body;
	struct training_input in;
	struct training t;
	int64_t id;

	if (api_path_id(r, 0, "training record", &id)) {
		reply_problem(r);
		return;
	}
	if (!(body = api_body_or_reply(r, edit_fields)))
		return;
	input_of(body, &in);
	if (app_training_edit(r->app, &r->actor, id, &in, &t, &r->e)) {
		json_decref(body);
		reply_problem(r);
		return;
	}
	json_decref(body);
	reply_one(r, 200, id);
}

/* DELETE /api/v1/training/{id}: 204; the record is kept, marked deleted. */
void api_training_delete(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "training record", &id) ||
	    app_training_delete(r->app, &r->actor, id, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:s,s:I}", "done", "deleted", "id", (json_int_t)id));
}

static int fig_item(void *ctx, const struct training_fig_row *f)
{
	json_t *arr = ctx, *j;
	int k;

	j = json_pack("{s:s,s:s,s:i,s:I}", "org", f->code, "name", f->name, "depth", f->depth,
		      "total", (json_int_t)f->total);
	for (k = 0; j && k < TK__COUNT; k++)
		json_object_set_new(j, training_kind_name((enum training_kind)k),
				    json_integer(f->counts[k]));
	json_array_append_new(arr, j);
	return 0;
}

/* GET /api/v1/orgs/{code}/training-figures?year=Y: cadres sent to training in year Y by the
 * organisation and each of its children, by kind (a member once). */
void api_training_figures(struct req *r)
{
	json_t *arr;
	int year;

	if (app_personnel_check(r->app, &r->actor, 0, &r->e) || query_year(r, &year)) {
		reply_problem(r);
		return;
	}
	if (!year) {
		err_add(&r->e, ERR_USAGE, 0, "year", NULL, NULL, "give the year: ?year=YYYY");
		reply_problem(r);
		return;
	}
	arr = json_array();
	if (app_training_figures(r->app, &r->actor, r->pathv[0], year, fig_item, arr, &r->e)) {
		json_decref(arr);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:i,s:o}", "year", year, "items", arr));
}
