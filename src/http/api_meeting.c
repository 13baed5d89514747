/* api_meeting.c - meetings (issue 12, docs/meetings.md): the meetings of a subtree (JSON a page
 * at a time, or the whole list as CSV or XLSX), a meeting recorded, read, its roll of the day,
 * its attendance replaced, a resolution added, a cancellation. Access is the app's: a meeting
 * outside the actor's subtree does not exist (404, even for a write a viewer may not make), a
 * viewer's writes are refused (403). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_meeting.h"
#include "../lib/mem.h"
#include "api.h"

#define MEET_PAGE 50
#define MEET_PAGE_MAX 500

#define CT_CSV "text/csv; charset=utf-8"
#define CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* 0 JSON, 1 CSV, 2 XLSX from ?format= (JSON when absent; -1 with a problem when unknown) or
 * the Accept header naming one of the table types. */
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

/* When a write was refused (ERR_DENIED) for a meeting outside the actor's subtree, answer the
 * 404 its lookup gives instead, so that a refusal never tells that it exists. */
static void hide_meeting(struct req *r, int64_t id)
{
	struct meeting m;
	struct err tmp;

	if (r->e.code != ERR_DENIED || id <= 0)
		return;
	meeting_init(&m);
	err_init(&tmp);
	if (app_meeting_get(r->app, &r->actor, id, &m, &tmp) == ERR_NOTFOUND) {
		err_clear(&r->e);
		err_merge(&r->e, &tmp);
	}
	err_cleanup(&tmp);
	meeting_cleanup(&m);
}

/* ---- the list ------------------------------------------------------------------------------ */

struct items {
	json_t *items;
};

static int item(void *ctx, const struct meeting *m)
{
	struct items *l = ctx;

	json_array_append_new(l->items, app_meeting_json(m, 0));
	return 0;
}

/* The query of a list: ?org= ?subtree=0|1 (default 1) ?from= ?to= ?kind= ?state=
 * ?document_id=. 0, or -1 with the problems in r->e. */
static int list_query(struct req *r, struct meet_query *q)
{
	const char *v;

	memset(q, 0, sizeof *q);
	q->org_code = req_query(r, "org");
	q->subtree = 1;
	q->kind = q->state = -1;
	if ((v = req_query(r, "subtree")) && v[0]) {
		if (strcmp(v, "0") && strcmp(v, "1"))
			err_add(&r->e, ERR_USAGE, 0, "subtree", v, NULL, "subtree is 0 or 1");
		q->subtree = !strcmp(v, "1");
	}
	if (api_query_date(r, "from", &q->from) || api_query_date(r, "to", &q->to))
		return -1;
	if ((v = req_query(r, "kind")) && v[0] && (q->kind = meeting_kind_parse(v)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "kind", v, NULL,
			"kind is monthly, thematic, extraordinary or study");
	if ((v = req_query(r, "state")) && v[0] && (q->state = meeting_state_parse(v)) < 0)
		err_add(&r->e, ERR_USAGE, 0, "state", v, NULL, "state is planned, held or cancelled");
	if ((v = req_query(r, "document_id")) && v[0]) {
		char *end;
		long long n = strtoll(v, &end, 10);

		if (*end || n <= 0)
			err_add(&r->e, ERR_USAGE, 0, "document_id", v, NULL,
				"document_id is a document's id");
		else
			q->document_id = (int64_t)n;
	}
	return r->e.code ? -1 : 0;
}

/* GET /api/v1/meetings: the meetings of the subtree, newest first, a page at a time (JSON), or
 * the whole list as CSV or XLSX (?format= or Accept). */
void api_meeting_list(struct req *r)
{
	struct meet_query q;
	struct items l;
	struct api_page p;
	int fmt;
	json_t *j;

	fmt = format_of(r);
	api_page_init(r, &p, MEET_PAGE, MEET_PAGE_MAX);
	if (fmt < 0 || list_query(r, &q) || r->e.code) {
		reply_problem(r);
		return;
	}
	if (fmt > 0) {
		long long len;
		int fd;

		if (app_meeting_export(r->app, &r->actor, &q, fmt == 2 ? TABLE_XLSX : TABLE_CSV, &fd,
				       &len, &r->e)) {
			reply_problem(r);
			return;
		}
		api_reply_fd(r, fd, (unsigned long long)len, fmt == 2 ? CT_XLSX : CT_CSV,
			     fmt == 2 ? "meetings.xlsx" : "meetings.csv");
		req_header(r, "Vary", "Accept");
		return;
	}
	l.items = json_array();
	if (app_meeting_list(r->app, &r->actor, &q, p.offset, p.limit, item, &l, &p.total,
			     &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
	req_header(r, "Vary", "Accept");
}

/* ---- one meeting --------------------------------------------------------------------------- */

static void reply_meeting(struct req *r, int status, int64_t id)
{
	struct meeting m;
	char loc[64];
	json_t *j;

	meeting_init(&m);
	if (app_meeting_get(r->app, &r->actor, id, &m, &r->e)) {
		meeting_cleanup(&m);
		reply_problem(r);
		return;
	}
	j = app_meeting_json(&m, 1);
	meeting_cleanup(&m);
	api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	snprintf(loc, sizeof loc, "/api/v1/meetings/%lld", (long long)id);
	api_created(r, loc, j);
}

/* GET /api/v1/meetings/{id}: the meeting with its attendance and resolutions. */
void api_meeting_get(struct req *r)
{
	int64_t id;

	if (api_path_id(r, 0, "meeting", &id)) {
		reply_problem(r);
		return;
	}
	reply_meeting(r, 200, id);
}

/* GET /api/v1/meetings/{id}/roll: the members expected that day with the status each would
 * get by default (the attendance form). */
void api_meeting_roll(struct req *r)
{
	struct meeting m;
	int64_t id;
	json_t *j;

	if (api_path_id(r, 0, "meeting", &id)) {
		reply_problem(r);
		return;
	}
	meeting_init(&m);
	if (app_meeting_roll(r->app, &r->actor, id, &m, &r->e)) {
		meeting_cleanup(&m);
		reply_problem(r);
		return;
	}
	j = app_meeting_json(&m, 1);
	meeting_cleanup(&m);
	reply_json(r, 200, j);
}

/* The attendance array of a body into m (member_id, status, reason each): every problem into
 * r->e naming the item. */
static void take_attendance(struct req *r, json_t *arr, struct meeting *m)
{
	size_t i;
	json_t *it;

	json_array_foreach(arr, i, it) {
		struct meet_attendance a;
		json_t *id = json_object_get(it, "member_id"), *st = json_object_get(it, "status"),
		       *why = json_object_get(it, "reason");
		char field[48];
		int k;

		snprintf(field, sizeof field, "attendance[%zu]", i);
		memset(&a, 0, sizeof a);
		if (!json_is_object(it) || !json_is_integer(id) || json_integer_value(id) <= 0 ||
		    !json_is_string(st) || (why && !json_is_string(why) && !json_is_null(why))) {
			err_add(&r->e, ERR_INPUT, 0, field, NULL, NULL,
				"each attendance item is {\"member_id\", \"status\", \"reason\"}");
			continue;
		}
		k = attend_status_parse(json_string_value(st));
		if (k < 0 || k == AT_NOT_COUNTED) {
			err_add(&r->e, ERR_INPUT, 0, field, json_string_value(st), NULL,
				"the status is present, excused or absent");
			continue;
		}
		a.member_id = (int64_t)json_integer_value(id);
		a.status = (enum attend_status)k;
		if (json_is_string(why)) {
			if (strlen(json_string_value(why)) >= sizeof a.reason) {
				err_add(&r->e, ERR_INPUT, 0, field, NULL, NULL,
					"the reason is too long: shorten it");
				continue;
			}
			snprintf(a.reason, sizeof a.reason, "%s", json_string_value(why));
		}
		meeting_att_push(m, &a);
	}
}

static const struct api_field add_fields[] = {
	{"org", AT_STRING, 1},      {"date", AT_DATE, 1},        {"kind", AT_STRING, 1},
	{"starts", AT_STRING, 1},   {"ends", AT_STRING, 1},      {"topic", AT_STRING, 0},
	{"agenda", AT_STRING, 0},   {"content", AT_STRING, 0},   {"chair_id", AT_ID, 0},
	{"secretary_id", AT_ID, 0}, {"guests", AT_STRING, 0},    {"document_id", AT_ID, 0},
	{"makeup_of", AT_ID, 0},    {"planned", AT_BOOL, 0},     {"attendance", AT_ARRAY, 0},
	{NULL, AT_STRING, 0},
};

static void take_str(struct req *r, json_t *body, const char *name, char *dst, size_t cap)
{
	const char *v = api_str(body, name);

	if (!v)
		return;
	if (strlen(v) >= cap)
		err_add(&r->e, ERR_INPUT, 0, name, NULL, NULL, "the text is too long: shorten it");
	else
		snprintf(dst, cap, "%s", v);
}

static int64_t body_id(json_t *body, const char *name)
{
	json_t *v = json_object_get(body, name);

	return json_is_integer(v) ? (int64_t)json_integer_value(v) : 0;
}

/* POST /api/v1/meetings {"org", "date", "kind", "starts", "ends", "topic", "agenda",
 * "content", "chair_id", "secretary_id", "guests", "document_id", "makeup_of", "planned",
 * "attendance": [...]}: 201 with the meeting and its Location. */
void api_meeting_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, add_fields);
	struct meeting *m;
	const char *v;
	int k;

	if (!body)
		return;
	m = xmalloc(sizeof *m);
	meeting_init(m);
	take_str(r, body, "org", m->org_code, sizeof m->org_code);
	m->on = api_date(body, "date");
	v = api_str(body, "kind");
	if ((k = meeting_kind_parse(v)) < 0)
		err_add(&r->e, ERR_INPUT, 0, "kind", v, NULL,
			"the kind is monthly, thematic, extraordinary or study");
	m->kind = k < 0 ? MK_MONTHLY : (enum meeting_kind)k;
	v = api_str(body, "starts");
	if (meeting_parse_time(v, &m->starts_min))
		err_add(&r->e, ERR_INPUT, 0, "starts", v, NULL, "give the start as HH:MM");
	v = api_str(body, "ends");
	if (meeting_parse_time(v, &m->ends_min))
		err_add(&r->e, ERR_INPUT, 0, "ends", v, NULL, "give the end as HH:MM");
	take_str(r, body, "topic", m->topic, sizeof m->topic);
	take_str(r, body, "agenda", m->agenda, sizeof m->agenda);
	take_str(r, body, "content", m->content, sizeof m->content);
	take_str(r, body, "guests", m->guests, sizeof m->guests);
	m->chair_id = body_id(body, "chair_id");
	m->secretary_id = body_id(body, "secretary_id");
	m->document_id = body_id(body, "document_id");
	m->makeup_of = body_id(body, "makeup_of");
	if (api_bool(body, "planned", 0))
		m->state = MST_PLANNED;
	if (json_object_get(body, "attendance"))
		take_attendance(r, json_object_get(body, "attendance"), m);
	if (r->e.code || app_meeting_add(r->app, &r->actor, m, &r->e)) {
		api_hide_org(r, m->org_code);
		reply_problem(r);
	} else {
		reply_meeting(r, 201, m->id);
	}
	meeting_cleanup(m);
	free(m);
	json_decref(body);
}

static const struct api_field attend_fields[] = {
	{"attendance", AT_ARRAY, 1},
	{NULL, AT_STRING, 0},
};

/* PUT /api/v1/meetings/{id}/attendance {"attendance": [{"member_id", "status", "reason"}]}:
 * the attendance replaced (200, the meeting). */
void api_meeting_attend(struct req *r)
{
	json_t *body = api_body_or_reply(r, attend_fields);
	struct meeting m;
	int64_t id = 0;

	if (!body)
		return;
	meeting_init(&m);
	if (api_path_id(r, 0, "meeting", &id))
		goto fail;
	take_attendance(r, json_object_get(body, "attendance"), &m);
	if (r->e.code || app_meeting_attend(r->app, &r->actor, id, m.att, m.n_att, &r->e))
		goto fail;
	meeting_cleanup(&m);
	json_decref(body);
	reply_meeting(r, 200, id);
	return;
fail:
	hide_meeting(r, id);
	reply_problem(r);
	meeting_cleanup(&m);
	json_decref(body);
}

static const struct api_field res_fields[] = {
	{"text", AT_STRING, 1}, {"for", AT_COUNT, 1}, {"against", AT_COUNT, 1},
	{"abstain", AT_COUNT, 0}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/meetings/{id}/resolutions {"text", "for", "against", "abstain"}: 201 with the
 * resolution as stored (its base and whether it passed, R-MEETING-QUORUM). */
void api_meeting_resolution(struct req *r)
{
	json_t *body = api_body_or_reply(r, res_fields), *j;
	struct meet_resolution *res;
	int64_t id = 0;
	char loc[64];

	if (!body)
		return;
	res = xcalloc(1, sizeof *res);
	if (api_path_id(r, 0, "meeting", &id))
		goto fail;
	take_str(r, body, "text", res->text, sizeof res->text);
	res->votes_for = api_count(body, "for", -1);
	res->against = api_count(body, "against", -1);
	res->abstain = api_count(body, "abstain", 0);
	if (r->e.code || app_meeting_resolution_add(r->app, &r->actor, id, res, &r->e))
		goto fail;
	j = json_pack("{s:I,s:i,s:s,s:i,s:i,s:i,s:i,s:b,s:s}", "meeting_id", (json_int_t)id,
		      "seq", res->seq, "text", res->text, "for", (json_int_t)res->votes_for,
		      "against", (json_int_t)res->against, "abstain", (json_int_t)res->abstain,
		      "base", (json_int_t)res->base, "passed", res->passed, "rule",
		      R_MEETING_QUORUM);
	snprintf(loc, sizeof loc, "/api/v1/meetings/%lld", (long long)id);
	api_created(r, loc, j);
	free(res);
	json_decref(body);
	return;
fail:
	hide_meeting(r, id);
	reply_problem(r);
	free(res);
	json_decref(body);
}

static const struct api_field cancel_fields[] = {
	{"reason", AT_STRING, 1},
	{NULL, AT_STRING, 0},
};

/* POST /api/v1/meetings/{id}/cancel {"reason"}: the meeting cancelled (200, the meeting; its
 * record stays). */
void api_meeting_cancel(struct req *r)
{
	json_t *body = api_body_or_reply(r, cancel_fields);
	int64_t id = 0;

	if (!body)
		return;
	if (api_path_id(r, 0, "meeting", &id) ||
	    app_meeting_cancel(r->app, &r->actor, id, api_str(body, "reason"), &r->e)) {
		hide_meeting(r, id);
		reply_problem(r);
	} else {
		reply_meeting(r, 200, id);
	}
	json_decref(body);
}
