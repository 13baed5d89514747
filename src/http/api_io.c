/* api_io.c - import (a CSV body, the same per-row report as the command line) and export
 * (CSV answers), both scoped to the actor's subtree by the app layer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../app/app_review_io.h"
#include "api.h"

typedef enum err_code (*import_fn)(struct app *, const struct actor *,
				   const struct import_opts *, struct import_result *,
				   struct err *);

static int is_csv_type(const char *ct)
{
	size_t n = strcspn(ct, ";");

	while (n && ct[n - 1] == ' ')
		n--;
	return n == 8 && !strncasecmp(ct, "text/csv", 8);
}

/* Import the body with fn: all or nothing, or with ?skip_bad=1 the good rows, answering the
 * problems of the rejected ones in "errors" and the rejected rows (with a last "error"
 * column) in "rejected_csv". */
static void import_body(struct req *r, const char *what, import_fn fn)
{
	struct import_opts o;
	struct import_result res;
	const char *sb = req_query(r, "skip_bad");
	int skip_bad = sb && (!strcmp(sb, "1") || !strcmp(sb, "true"));
	char *rej = NULL;
	size_t rej_len = 0;
	enum err_code rc;
	json_t *j;

	if (sb && !skip_bad && strcmp(sb, "0") && strcmp(sb, "false") && sb[0]) {
		err_add(&r->e, ERR_USAGE, 0, "skip_bad", sb, NULL, "skip_bad is 1 or 0");
		reply_problem(r);
		return;
	}
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
	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	o.in = fmemopen((void *)(uintptr_t)r->body, r->body_len, "r");
	o.in_name = what;
	o.in_size = (long long)r->body_len;
	if (skip_bad)
		o.rejects = open_memstream(&rej, &rej_len);
	if (!o.in || (skip_bad && !o.rejects)) {
		err_set(&r->e, ERR_INTERNAL, "cannot read the upload");
		rc = ERR_INTERNAL;
	} else {
		rc = fn(r->app, &r->actor, &o, &res, &r->e);
	}
	if (o.in)
		fclose(o.in);
	if (o.rejects)
		fclose(o.rejects);
	if (rc) {
		size_t i;

		/* The app names the option as the command line spells it; here it is ?skip_bad. */
		for (i = 0; i < r->e.n; i++)
			if (!strcmp(r->e.items[i].field, "skip-bad"))
				snprintf(r->e.items[i].field, sizeof r->e.items[i].field, "skip_bad");
		free(rej);
		reply_problem(r);
		return;
	}
	j = json_pack("{s:s,s:I,s:I,s:I,s:I,s:o,s:o}", "imported", what, "rows",
		      (json_int_t)res.rows, "imported_rows", (json_int_t)res.imported, "rejected",
		      (json_int_t)res.rejected, "warnings", (json_int_t)res.warnings, "errors",
		      json_err_items(&r->e), "rejected_csv",
		      res.rejected && rej ? json_stringn(rej, rej_len) : json_null());
	if (r->app->warn.n)
		json_object_set_new(j, "warning_items", json_err_items(&r->app->warn));
	free(rej);
	reply_json(r, 200, j);
}

/* POST /api/v1/import/orgs (text/csv) */
void api_import_orgs(struct req *r)
{
	import_body(r, "orgs", app_import_orgs);
}

/* POST /api/v1/import/members (text/csv) */
void api_import_members(struct req *r)
{
	import_body(r, "members", app_import_members);
}

static enum err_code import_member_reviews(struct app *a, const struct actor *ac,
					   const struct import_opts *o, struct import_result *res,
					   struct err *e)
{
	return app_import_reviews(a, ac, o, REVIEW_CSV_MEMBERS, res, e);
}

static enum err_code import_org_reviews(struct app *a, const struct actor *ac,
					const struct import_opts *o, struct import_result *res,
					struct err *e)
{
	return app_import_reviews(a, ac, o, REVIEW_CSV_ORGS, res, e);
}

/* POST /api/v1/import/reviews (text/csv: member_id,year,grade,...): all or nothing, the quota
 * counted over the whole file (?skip_bad is refused). */
void api_import_reviews(struct req *r)
{
	import_body(r, "reviews", import_member_reviews);
}

/* POST /api/v1/import/org-reviews (text/csv: org_code,year,grade,...): all or nothing. */
void api_import_org_reviews(struct req *r)
{
	import_body(r, "org-reviews", import_org_reviews);
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
