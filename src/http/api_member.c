/* api_member.c - members: record, history, search, add, edit, status, transfers; and the
 * public holidays that transfer deadlines skip. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../web/web.h"
#include "../app/app_report.h"
#include "api.h"

#define SEARCH_LIMIT 50
#define SEARCH_LIMIT_MAX 500

static int member_item(void *ctx, const struct member *m)
{
	json_array_append_new(ctx, json_member(m));
	return 0;
}

/* GET /api/v1/members?q=TEXT&org=CODE&offset=N&limit=N: search of names (docs/search.md);
 * "total" counts every match, "next" is the next page's address (null on the last). */
void api_member_search(struct req *r)
{
	const char *q = req_query(r, "q"), *org = req_query(r, "org");
	long offset = req_query_long(r, "offset", 0, 0, 1L << 40);
	long limit = req_query_long(r, "limit", SEARCH_LIMIT, 1, SEARCH_LIMIT_MAX);
	long total = 0;
	json_t *items, *next = json_null();

	if (!q || !q[0])
		err_add(&r->e, ERR_USAGE, 0, "q", NULL, NULL,
			"give the text to search for: ?q=NAME (accents may be left out)");
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_member_search_page(r->app, &r->actor, q, org && org[0] ? org : NULL, offset,
				   limit, &total, member_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	if (offset + limit < total) {
		struct buf u;

		buf_init(&u, 0);
		buf_adds(&u, "/api/v1/members?q=");
		web_url_arg(&u, q);
		if (org && org[0]) {
			buf_adds(&u, "&org=");
			web_url_arg(&u, org);
		}
		buf_printf(&u, "&offset=%ld&limit=%ld", offset + limit, limit);
		next = json_string(buf_str(&u));
		buf_cleanup(&u);
	}
	reply_json(r, 200, json_pack("{s:s,s:I,s:I,s:I,s:o,s:o}", "q", q, "total",
				     (json_int_t)total, "offset", (json_int_t)offset, "limit",
				     (json_int_t)limit, "items", items, "next", next));
}

static int member_disc(void *ctx, const struct discipline_rec *d)
{
	json_array_append_new(ctx, app_discipline_json(d));
	return 0;
}

/* j["discipline"]: the discipline in force, to whoever sees the member; all of it with the
 * inspection right (docs/inspection.md "Discipline"). -1 with r->e on failure. */
static int add_discipline(struct req *r, int64_t id, json_t *j)
{
	json_t *disc = json_array();

	if (app_member_discipline(r->app, &r->actor, id, member_disc, disc, &r->e)) {
		json_decref(disc);
		return -1;
	}
	json_object_set_new(j, "discipline", disc);
	return 0;
}


/* GET /api/v1/members/{id}: the whole record and its history (the opening is audited). */
void api_member_get(struct req *r)
{
	struct member m;
	struct member_history h;
	int64_t id;
	json_t *j;

	if (api_path_id(r, 0, "member", &id) || app_member_record(r->app, &r->actor, id, &m, &h, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_member(&m);
	json_history_add(j, &h);
	member_history_cleanup(&h);
	if (add_discipline(r, id, j)) {
		json_decref(j);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, j);
}

/* GET /api/v1/members/{id}/where?date=DATE (default today) */
void api_member_where(struct req *r)
{
	struct member_period w;
	int64_t id;
	int status = -1;
	date_t d;

	if (api_path_id(r, 0, "member", &id) || api_query_date(r, "date", &d)) {
		reply_problem(r);
		return;
	}
	if (d == DATE_NONE)
		d = r->app->today;
	if (app_member_where(r->app, &r->actor, id, d, &w, &status, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:I,s:o,s:o,s:o,s:o}", "id", (json_int_t)id, "date",
				     json_date(d), "org_code",
				     w.org_code[0] ? json_string(w.org_code) : json_null(), "status",
				     status >= 0 ? json_string(member_status_name(
							  (enum member_status)status))
						 : json_null(),
				     "hosted_at",
				     w.host_code[0] ? json_string(w.host_code) : json_null()));
}

/* The fields of a member as the CSV columns of docs/csv.md (id aside: it is assigned). All
 * are strings here, so that the app reports every problem of the record at once, as for a
 * row of an import. */
#define MEMBER_FIELDS                                                                      \
	{"full_name", AT_STRING, 0}, {"sex", AT_STRING, 0}, {"birth_date", AT_STRING, 0},   \
	{"ethnicity", AT_STRING, 0}, {"religion", AT_STRING, 0},                            \
	{"hometown", AT_STRING, 0}, {"citizen_id", AT_STRING, 0},                           \
	{"education", AT_STRING, 0}, {"theory_level", AT_STRING, 0},                        \
	{"rank", AT_STRING, 0}, {"category", AT_STRING, 0}, {"post", AT_STRING, 0},         \
	{"history_no", AT_STRING, 0}, {"card_no", AT_STRING, 0}, {"phone", AT_STRING, 0},   \
	{"admission_decision_date", AT_STRING, 0},                                          \
	{"admission_ceremony_date", AT_STRING, 0}, {"official_date", AT_STRING, 0}

static const struct api_field member_add_fields[] = {
	{"org_code", AT_STRING, 0}, {"status", AT_STRING, 0}, MEMBER_FIELDS,
	{NULL, AT_STRING, 0},
};
static const struct api_field member_edit_fields[] = {
	MEMBER_FIELDS, {"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};

/* The string members of body except skip, as name/value arrays (at most cap). */
static size_t body_fields(json_t *body, const char *skip, const char **names,
			  const char **values, size_t cap)
{
	const char *key;
	json_t *v;
	size_t n = 0;

	json_object_foreach(body, key, v) {
		if ((skip && !strcmp(key, skip)) || n == cap)
			continue;
		names[n] = key;
		values[n++] = json_is_string(v) ? json_string_value(v) : "";
	}
	return n;
}

/* Answer member id as it is now, with status (201: and its Location). */
static void reply_member(struct req *r, int status, int64_t id)
{
	struct member m;
	json_t *j;
	struct buf loc;

	if (app_member_get(r->app, &r->actor, id, &m, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_member(&m);
	if (add_discipline(r, id, j)) {
		json_decref(j);
		reply_problem(r);
		return;
	}
	api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/api/v1/members/%lld", (long long)id);
	api_created(r, buf_str(&loc), j);
	buf_cleanup(&loc);
}

/* POST /api/v1/members: a JSON object of the member CSV columns (201, Location). */
void api_member_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, member_add_fields);
	const char *names[64], *values[64];
	struct member m;
	size_t n;

	if (!body)
		return;
	n = body_fields(body, NULL, names, values, 64);
	if (app_member_add_fields(r->app, &r->actor, names, values, n, &m, &r->e)) {
		api_hide_org(r, api_str(body, "org_code"));
		reply_problem(r);
	} else {
		reply_member(r, 201, m.id);
	}
	json_decref(body);
}

/* PATCH /api/v1/members/{id}: the fields given change ("" or null clears an optional one);
 * "date" is when the change took effect. */
void api_member_edit(struct req *r)
{
	json_t *body = api_body_or_reply(r, member_edit_fields);
	const char *names[64], *values[64];
	int64_t id = 0;
	size_t n;

	if (!body)
		return;
	if (api_path_id(r, 0, "member", &id))
		goto fail;
	n = body_fields(body, "date", names, values, 64);
	if (!n) {
		err_add(&r->e, ERR_INPUT, 0, NULL, NULL, NULL,
			"say what to change, e.g. {\"hometown\": \"Hà Giang\"}");
		goto fail;
	}
	if (app_member_edit(r->app, &r->actor, id, names, values, n, api_date(body, "date"),
			    &r->e))
		goto fail;
	reply_member(r, 200, id);
	json_decref(body);
	return;
fail:
	if (r->e.code == ERR_DENIED)
		api_hide_member(r, id);
	reply_problem(r);
	json_decref(body);
}

static const struct api_field status_fields[] = {
	{"status", AT_STRING, 1}, {"date", AT_DATE, 0}, {"reason", AT_STRING, 0},
	{NULL, AT_STRING, 0},
};

/* POST /api/v1/members/{id}/status {"status", "date", "reason"} */
void api_member_status(struct req *r)
{
	json_t *body = api_body_or_reply(r, status_fields);
	enum member_status st;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "member", &id))
		goto fail;
	if (member_status_parse(api_str(body, "status"), &st)) {
		err_add(&r->e, ERR_INPUT, 0, "status", api_str(body, "status"), NULL,
			"status must be one of official, exempt, suspended, removed, expelled, "
			"deceased, transferred_out");
		goto fail;
	}
	if (app_member_status(r->app, &r->actor, id, st, api_date(body, "date"),
			      api_str(body, "reason"), &r->e))
		goto fail;
	reply_member(r, 200, id);
	json_decref(body);
	return;
fail:
	if (id)
		api_hide_member(r, id);
	reply_problem(r);
	json_decref(body);
}

/* Answer transfer t with status (201: and its Location), warnings added. */
static void reply_transfer(struct req *r, int status, const struct transfer *t)
{
	json_t *j = json_transfer(t);
	struct buf loc;

	api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/api/v1/transfers/%lld", (long long)t->id);
	api_created(r, buf_str(&loc), j);
	buf_cleanup(&loc);
}

static const struct api_field transfer_fields[] = {
	{"to", AT_STRING, 1}, {"temporary", AT_BOOL, 0}, {"date", AT_DATE, 0},
	{"until", AT_DATE, 0}, {"reason", AT_STRING, 0}, {"letter_no", AT_STRING, 0},
	{NULL, AT_STRING, 0},
};

/* POST /api/v1/members/{id}/transfers: send the member (201, Location of the transfer). */
void api_member_transfer(struct req *r)
{
	json_t *body = api_body_or_reply(r, transfer_fields);
	struct transfer t;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "member", &id) ||
	    app_member_transfer(r->app, &r->actor, id, api_str(body, "to"),
				api_bool(body, "temporary", 0), api_date(body, "date"),
				api_date(body, "until"), api_str(body, "reason"),
				api_str(body, "letter_no"), &t, &r->e)) {
		if (id)
			api_hide_member(r, id);
		reply_problem(r);
	} else {
		reply_transfer(r, 201, &t);
	}
	json_decref(body);
}

static int transfer_item(void *ctx, const struct transfer *t)
{
	json_array_append_new(ctx, json_transfer(t));
	return 0;
}

/* GET /api/v1/transfers?org=CODE: open transfers touching the subtree. */
void api_transfer_list(struct req *r)
{
	const char *org = req_query(r, "org");
	json_t *items = json_array();

	if (app_transfer_list(r->app, &r->actor, org && org[0] ? org : NULL, transfer_item, items,
			      &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

/* A transfer that is not found, in one form: the app's lookups word it differently when the
 * transfer exists out of sight and when it does not exist, and the two must not be told
 * apart. */
static void transfer_not_found(struct req *r, int64_t id)
{
	if (r->e.code != ERR_NOTFOUND || !id)
		return;
	err_clear(&r->e);
	err_add(&r->e, ERR_NOTFOUND, 0, "id", NULL, NULL, "no transfer has the id %lld",
		(long long)id);
}

/* GET /api/v1/transfers/{id} */
void api_transfer_get(struct req *r)
{
	struct transfer t;
	int64_t id = 0;

	if (api_path_id(r, 0, "transfer", &id) ||
	    app_transfer_get(r->app, &r->actor, id, &t, &r->e)) {
		transfer_not_found(r, id);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_transfer(&t));
}

static const struct api_field date_fields[] = {
	{"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/transfers/{id}/receive {"date"}: the receiving side records the arrival. */
void api_transfer_receive(struct req *r)
{
	json_t *body = api_body_or_reply(r, date_fields);
	struct transfer t;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "transfer", &id) ||
	    app_member_receive(r->app, &r->actor, id, api_date(body, "date"), &t, &r->e)) {
		if (id)
			api_hide_transfer(r, id);
		transfer_not_found(r, id);
		reply_problem(r);
	} else {
		reply_transfer(r, 200, &t);
	}
	json_decref(body);
}

/* POST /api/v1/transfers/{id}/return {"date"}: a temporary stay ends. */
void api_transfer_return(struct req *r)
{
	json_t *body = api_body_or_reply(r, date_fields);
	struct transfer t;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "transfer", &id) ||
	    app_member_return(r->app, &r->actor, id, api_date(body, "date"), &r->e) ||
	    app_transfer_get(r->app, &r->actor, id, &t, &r->e)) {
		if (id)
			api_hide_transfer(r, id);
		transfer_not_found(r, id);
		reply_problem(r);
	} else {
		reply_transfer(r, 200, &t);
	}
	json_decref(body);
}

static const struct api_field cancel_fields[] = {
	{"reason", AT_STRING, 1}, {"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/transfers/{id}/cancel {"reason", "date"}: the sending side cancels a transfer
 * not yet received; it stays in the history, marked cancelled. */
void api_transfer_cancel(struct req *r)
{
	json_t *body = api_body_or_reply(r, cancel_fields);
	struct transfer t;
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "transfer", &id) ||
	    app_member_transfer_cancel(r->app, &r->actor, id, api_date(body, "date"),
				       api_str(body, "reason"), &t, &r->e)) {
		if (id)
			api_hide_transfer(r, id);
		transfer_not_found(r, id);
		reply_problem(r);
	} else {
		reply_transfer(r, 200, &t);
	}
	json_decref(body);
}

/* ---- public holidays ---------------------------------------------------------------- */

static int holiday_item(void *ctx, const struct holiday *h)
{
	char d[DATE_STR];

	json_array_append_new(ctx, json_pack("{s:s,s:s,s:s}", "date", date_format(h->day, d),
					     "name", h->name, "added_by", h->added_by));
	return 0;
}

/* GET /api/v1/holidays?year=Y */
void api_holiday_list(struct req *r)
{
	const char *ys = req_query(r, "year");
	json_t *items;
	long year = 0;

	if (ys && ys[0]) {
		char *end;

		errno = 0;
		year = strtol(ys, &end, 10);
		if (errno || *end || year < 1900 || year > 2199) {
			err_add(&r->e, ERR_INPUT, 0, "year", ys, NULL,
				"the year must be a whole number between 1900 and 2199");
			reply_problem(r);
			return;
		}
	}
	items = json_array();
	if (app_holiday_list(r->app, &r->actor, (int)year, holiday_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:o}", "items", items));
}

static const struct api_field holiday_fields[] = {
	{"date", AT_DATE, 1}, {"name", AT_STRING, 1}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/holidays {"date", "name"} (system administrators): 201. */
void api_holiday_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, holiday_fields), *j;
	date_t d;
	char ds[DATE_STR];
	struct buf loc;

	if (!body)
		return;
	d = api_date(body, "date");
	if (app_holiday_add(r->app, &r->actor, d, api_str(body, "name"), &r->e)) {
		reply_problem(r);
		json_decref(body);
		return;
	}
	date_format(d, ds);
	j = json_pack("{s:s,s:s,s:s}", "date", ds, "name", api_str(body, "name"), "added_by",
		      r->actor.name);
	api_warnings(r, j);
	buf_init(&loc, 0);
	buf_printf(&loc, "/api/v1/holidays/%s", ds);
	api_created(r, buf_str(&loc), j);
	buf_cleanup(&loc);
	json_decref(body);
}

/* DELETE /api/v1/holidays/{date} (system administrators): 200 {"removed": date}. */
void api_holiday_remove(struct req *r)
{
	date_t d;
	const char *why;

	if (date_parse(r->pathv[0], &d, &why)) {
		err_add(&r->e, ERR_NOTFOUND, 0, "date", NULL, NULL, "no holiday is dated %s",
			r->pathv[0]);
		reply_problem(r);
		return;
	}
	if (app_holiday_remove(r->app, &r->actor, d, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, json_pack("{s:s}", "removed", r->pathv[0]));
}
