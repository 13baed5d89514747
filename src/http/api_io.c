/* api_io.c - import (a CSV body, the same per-row report as the command line) and export
 * (CSV answers), both scoped to the actor's subtree by the app layer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_review_io.h"
#include "api.h"

static int is_csv_type(const char *ct)
{
	size_t n = strcspn(ct, ";");

	while (n && ct[n - 1] == ' ')
		n--;
	return n == 8 && !strncasecmp(ct, "text/csv", 8);
}

/* ?name=1/true or 0/false/empty: 1, 0, or -1 after answering the problem. */
static int query_flag(struct req *r, const char *name)
{
	const char *v = req_query(r, name);

	if (!v || !v[0] || !strcmp(v, "0") || !strcmp(v, "false"))
		return 0;
	if (!strcmp(v, "1") || !strcmp(v, "true"))
		return 1;
	err_add(&r->e, ERR_USAGE, 0, name, v, NULL, "%s is 1 or 0", name);
	reply_problem(r);
	return -1;
}

/* Whether the request asks for an answer at once (Prefer: respond-async, RFC 7240). */
static int prefers_async(const struct req *r)
{
	const char *p = r->prefer;

	while (p && *p) {
		size_t n;

		p += strspn(p, " \t,");
		n = strcspn(p, " \t,;=");
		if (n == 13 && !strncasecmp(p, "respond-async", 13))
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

/* A job as the API shows it: its fields, its address, the answer a synchronous import
 * gives once it is done ("result"), the problem once it failed ("error", with the status
 * the synchronous import would have answered). */
static json_t *job_json(struct req *r, const struct import_job *j, const char *result,
			const char *error)
{
	char url[64];
	json_t *o;

	snprintf(url, sizeof url, "/api/v1/import/jobs/%lld", (long long)j->id);
	o = json_pack("{s:I,s:s,s:s,s:s,s:s,s:s,s:I,s:I,s:s}", "id", (json_int_t)j->id,
		      "url", url, "kind", j->kind, "file_name", j->file_name, "sha256", j->sha256,
		      "state", j->state, "done", (json_int_t)j->done, "total",
		      (json_int_t)j->total, "started", j->started);
	json_object_set_new(o, "ended", j->ended[0] ? json_string(j->ended) : json_null());
	json_object_set_new(o, "account", json_string(j->account));
	json_object_set_new(o, "scope", json_string(j->scope));
	if (j->report_id) {
		snprintf(url, sizeof url, "/api/v1/import/reports/%lld", (long long)j->report_id);
		json_object_set_new(o, "report", json_pack("{s:I,s:s}", "id",
							   (json_int_t)j->report_id, "url", url));
	} else {
		json_object_set_new(o, "report", json_null());
	}
	json_object_set_new(o, "result", result ? json_loads(result, 0, NULL) : json_null());
	if (!json_object_get(o, "result"))
		json_object_set_new(o, "result", json_null());
	if (error) {
		struct import_result res;
		struct err saved = r->e;
		json_t *p, *stored = json_loads(error, 0, NULL);
		int status;

		/* The problem is made as reply_problem makes it, from the stored problems. */
		err_init(&r->e);
		app_job_read(error, &res, &r->e, NULL);
		if (!r->e.code)
			r->e.code = ERR_INTERNAL;
		p = problem_of(r, &status);
		err_cleanup(&r->e);
		r->e = saved;
		if (json_is_object(stored) && json_object_get(stored, "report"))
			json_object_set(p, "report", json_object_get(stored, "report"));
		if (json_is_object(stored) && json_object_get(stored, "errors_more"))
			json_object_set_new(p, "errors_more", json_true());
		json_decref(stored);
		json_object_set_new(o, "error", p);
	} else {
		json_object_set_new(o, "error", json_null());
	}
	return o;
}

/* Start a job importing q: 202 Accepted, the job's address in Location. */
static void import_async(struct req *r, const struct import_request *q)
{
	struct import_job j;
	int64_t id;
	char url[64];

	if (app_job_start(r->app, &r->actor, q, q->what, &id, &r->e) ||
	    app_job_get(r->app, &r->actor, id, &j, NULL, NULL, &r->e)) {
		reply_problem(r);
		return;
	}
	snprintf(url, sizeof url, "/api/v1/import/jobs/%lld", (long long)id);
	req_header(r, "Location", url);
	req_header(r, "Preference-Applied", "respond-async");
	reply_json(r, 202, job_json(r, &j, NULL, NULL));
}

/* Import the body as what (app_import_body): all or nothing, or with ?skip_bad=1 the good
 * rows, answering the problems of the rejected ones in "errors" and the rejected rows (with a
 * last "error" column) in "rejected_csv"; ?allow_duplicates=1 keeps rows that look like a
 * member already on the roll; an Idempotency-Key makes a repeat answer the first answer
 * without importing again. The answer carries the first problems and warnings and names the
 * report that holds them all: an import that committed is answered 200 whatever its size. */
static void import_body(struct req *r, const char *what)
{
	struct import_request q;
	json_t *extra = NULL;
	int skip_bad, allow_dup, create_pos;
	enum err_code rc;

	if ((skip_bad = query_flag(r, "skip_bad")) < 0 ||
	    (allow_dup = query_flag(r, "allow_duplicates")) < 0 ||
	    (create_pos = query_flag(r, "create_positions")) < 0)
		return;
	if (!is_csv_type(r->content_type)) {
		reply_problem_msg(r, 415, "send the file as the body, with Content-Type: text/csv "
				  "(it came as %s)", r->content_type[0] ? r->content_type : "no type");
		return;
	}
	if (r->body_len == 0) {
		err_add(&r->e, ERR_INPUT, 1, "body", NULL, NULL,
			"the file is empty; it needs a header row (see docs/csv.md)");
		reply_problem(r);
		return;
	}
	memset(&q, 0, sizeof q);
	q.what = what;
	q.body = r->body;
	q.len = r->body_len;
	q.skip_bad = skip_bad;
	q.allow_duplicates = allow_dup;
	q.create_positions = create_pos;
	q.key = r->idem_key;
	if (prefers_async(r)) {
		import_async(r, &q);
		return;
	}
	rc = app_import_body(r->app, &r->actor, &q, &extra, &r->e);
	if (rc) {
		size_t i;
		json_t *j;
		int status;

		/* The app names the options as the command line spells them. */
		for (i = 0; i < r->e.n; i++)
			if (!strcmp(r->e.items[i].field, "skip-bad"))
				snprintf(r->e.items[i].field, sizeof r->e.items[i].field, "skip_bad");
		reply_problem(r);
		if (extra) {
			/* The report of a refusal too long for its answer. */
			status = r->status;
			j = json_loadb(r->out.s, r->out.len, 0, NULL);
			if (json_is_object(j)) {
				json_object_update(j, extra);
				reply_json(r, status, j);
				r->ctype = "application/problem+json";
			} else {
				json_decref(j);
			}
			json_decref(extra);
		}
		return;
	}
	if (json_is_true(json_object_get(extra, "replayed")))
		req_header(r, "Idempotent-Replayed", "true");
	reply_json(r, 200, extra);
}

/* POST /api/v1/import/orgs (text/csv) */
void api_import_orgs(struct req *r)
{
	import_body(r, "orgs");
}

/* POST /api/v1/import/members (text/csv) */
void api_import_members(struct req *r)
{
	import_body(r, "members");
}

/* POST /api/v1/import/reviews (text/csv: member_id,year,grade,...): all or nothing, the quota
 * counted over the whole file (?skip_bad is refused). */
void api_import_reviews(struct req *r)
{
	import_body(r, "reviews");
}

/* POST /api/v1/import/org-reviews (text/csv: org_code,year,grade,...): all or nothing. */
void api_import_org_reviews(struct req *r)
{
	import_body(r, "org-reviews");
}

/* POST /api/v1/import/candidates (text/csv: org,full_name,sex,birth_date,source,listed_on,
 * ...): each row a case (app_adm_add), all or nothing unless ?skip_bad=1. */
void api_import_candidates(struct req *r)
{
	import_body(r, "candidates");
}

/* POST /api/v1/import/meetings (text/csv: org,date,kind,starts,ends,...): each row a meeting
 * (app_meeting_add's checks), always all or nothing (?skip_bad is refused). */
void api_import_meetings(struct req *r)
{
	import_body(r, "meetings");
}

/* POST /api/v1/import/attendance (text/csv: meeting_id or org,date,kind; member_id or
 * member_no; status; reason): the bulk path, always all or nothing. */
void api_import_attendance(struct req *r)
{
	import_body(r, "attendance");
}

/* POST /api/v1/import/documents (text/csv: number,issued_on,title[,type,issuer,replaces,
 * org]; docs/study.md): the register, all or nothing. */
void api_import_documents(struct req *r)
{
	import_body(r, "documents");
}

/* POST /api/v1/import/training (text/csv: member_id,course,school,kind,from,to,...): each
 * row a training record (app_training_add's checks, the personnel right), always all or
 * nothing. */
void api_import_training(struct req *r)
{
	import_body(r, "training");
}

/* POST /api/v1/import/holdings?create_positions=1 (text/csv: org,kind,member_id or
 * history_no,from,decision,decided_on,body,acting): each row an appointment (app_appoint's
 * checks), always all or nothing. */
void api_import_holdings(struct req *r)
{
	import_body(r, "holdings");
}

/* POST /api/v1/import/committees (text/csv: org,term_start,seats,standing_seats,body,
 * decision,member or history_no,role,how): a row a seat, always all or nothing. */
void api_import_committees(struct req *r)
{
	import_body(r, "committees");
}

/* GET /api/v1/import/reports/{id}: the whole report of one of the actor's imports, sent from
 * a temporary file (a report of every row of a large file may be large). */
void api_import_report(struct req *r)
{
	int64_t id;
	char *text = NULL;
	FILE *f;
	size_t n;

	if (api_path_id(r, 0, "import report", &id)) {
		reply_problem(r);
		return;
	}
	if (app_import_report(r->app, &r->actor, id, &text, &r->e)) {
		reply_problem(r);
		return;
	}
	n = strlen(text);
	f = tmpfile();
	if (!f || fwrite(text, 1, n, f) != n || fflush(f)) {
		if (f)
			fclose(f);
		free(text);
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary file for the report");
		reply_problem(r);
		return;
	}
	free(text);
	api_reply_file(r, f, "application/json", NULL);
}

/* GET /api/v1/import/jobs/{id}: the job's state and progress, its answer once done. */
void api_import_job(struct req *r)
{
	struct import_job j;
	char *result = NULL, *error = NULL;
	int64_t id;

	if (api_path_id(r, 0, "import job", &id) ||
	    app_job_get(r->app, &r->actor, id, &j, &result, &error, &r->e)) {
		reply_problem(r);
		return;
	}
	reply_json(r, 200, job_json(r, &j, result, error));
	free(result);
	free(error);
}

struct job_list {
	struct req *r;
	json_t *items;
};

static int job_item(void *ctx, const struct import_job *j)
{
	struct job_list *l = ctx;

	json_array_append_new(l->items, job_json(l->r, j, NULL, NULL));
	return 0;
}

/* GET /api/v1/import/jobs?offset=N&limit=N: the actor's own jobs, newest first (without
 * their answers: each job's address gives it). */
void api_import_jobs(struct req *r)
{
	struct api_page p;
	struct job_list l;
	json_t *j;

	if (api_page_init(r, &p, 100, API_LIST_MAX)) {
		reply_problem(r);
		return;
	}
	l.r = r;
	l.items = json_array();
	if (app_job_list(r->app, &r->actor, p.offset, p.limit, job_item, &l, &p.total, &r->e)) {
		json_decref(l.items);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:o}", "items", l.items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}

typedef enum err_code (*export_fn)(struct app *, const struct actor *, FILE *, struct err *);

/* Answer the export of fn as a CSV download named file. The CSV goes to an unlinked
 * temporary file (mode 0600) and is sent from there, so a national export (over a gigabyte)
 * never sits in memory. */
static void export_csv(struct req *r, const char *file, export_fn fn)
{
	FILE *f = tmpfile();

	if (!f) {
		err_set(&r->e, ERR_STORAGE, "cannot make a temporary file for the export: %s",
			strerror(errno));
		reply_problem(r);
		return;
	}
	if (fn(r->app, &r->actor, f, &r->e)) {
		fclose(f);
		reply_problem(r);
		return;
	}
	api_reply_file(r, f, "text/csv; charset=utf-8", file);
}

/* GET /api/v1/export/orgs */
void api_export_orgs(struct req *r)
{
	export_csv(r, "orgs.csv", app_export_orgs);
}

/* GET /api/v1/export/members */
void api_export_members(struct req *r)
{
	export_csv(r, "members.csv", app_export_members);
}

/* POST /api/v1/import/programmes (text/csv: org,body,year,kind,title[,approved_on,doc_no];
 * docs/inspection.md): past programmes, all or nothing (the inspection right). */
void api_import_programmes(struct req *r)
{
	import_body(r, "programmes");
}

/* POST /api/v1/import/cases (text/csv: body_org,body,decision_no,decision_on,org or
 * member_id,kind,from,to[,...]; docs/inspection.md): past cases with their steps, all or
 * nothing (the inspection right). */
void api_import_cases(struct req *r)
{
	import_body(r, "cases");
}
