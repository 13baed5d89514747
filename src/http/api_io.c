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
	int skip_bad, allow_dup;
	enum err_code rc;

	if ((skip_bad = query_flag(r, "skip_bad")) < 0 ||
	    (allow_dup = query_flag(r, "allow_duplicates")) < 0)
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
	q.key = r->idem_key;
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
