/* app_import.c - what every import shares: its report (the counts, the answer given, every
 * problem and warning), the idempotency key that keeps a repeated request from importing
 * twice, the checks of the rejects file, and the API's way in (app_import_body). */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_adm_io.h"
#include "app_insp.h"
#include "app_int.h"
#include "app_report.h"
#include "app_cadres_io.h"
#include "app_training.h"
#include "app_complaint.h"
#include "app_meeting.h"
#include "app_json.h"
#include "app_review_io.h"
#include "app_study.h"

int app_file_sha256(FILE *f, char *hex)
{
	crypto_hash_sha256_state st;
	unsigned char h[crypto_hash_sha256_BYTES], chunk[65536];
	size_t n;

	crypto_hash_sha256_init(&st);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		crypto_hash_sha256_update(&st, chunk, n);
	if (ferror(f))
		return -1;
	crypto_hash_sha256_final(&st, h);
	sodium_bin2hex(hex, 65, h, sizeof h);
	rewind(f);
	return 0;
}

static void report_of(const struct actor *ac, const char *what, const struct import_opts *o,
		      const struct import_result *res, struct import_report *r)
{
	memset(r, 0, sizeof *r);
	snprintf(r->account, sizeof r->account, "%s", ac->name);
	snprintf(r->what, sizeof r->what, "%s", what);
	snprintf(r->sha256, sizeof r->sha256, "%s", o->sha256 ? o->sha256 : "");
	r->rows = res->rows;
	r->imported = res->imported;
	r->rejected = res->rejected;
	r->warnings = res->warnings;
}

int app_import_once_check(struct app *a, const struct actor *ac, const char *what,
			  const struct import_opts *opts, struct import_result *res,
			  struct err *e)
{
	struct import_report r;
	enum err_code rc;

	if (!opts->once_key || !opts->once_key[0])
		return 0;
	rc = store_import_report_by_key(a->st, ac->name, opts->once_key, &r, e);
	if (rc == ERR_NOTFOUND)
		return 0;
	if (rc)
		return -1;
	if (strcmp(r.what, what) ||
	    (opts->sha256 && opts->sha256[0] && r.sha256[0] && strcmp(r.sha256, opts->sha256))) {
		err_add(e, ERR_RULE, 0, "Idempotency-Key", NULL, NULL,
			"this key was used on %s for another import (%s, another file); a key "
			"names one import: send a new key for a new file", r.created, r.what);
		return -1;
	}
	res->rows = r.rows;
	res->imported = r.imported;
	res->rejected = r.rejected;
	res->warnings = r.warnings;
	res->report_id = r.id;
	res->replayed = 1;
	snprintf(res->replayed_at, sizeof res->replayed_at, "%s", r.created);
	return 1;
}

enum err_code app_import_finish(struct app *a, const struct actor *ac, const char *what,
				const struct import_opts *opts, struct import_result *res,
				struct err *e)
{
	struct import_report r;

	if (opts->rejects) {
		errno = 0;
		if (fflush(opts->rejects) || ferror(opts->rejects)) {
			int en = errno;

			err_add(e, ERR_STORAGE, 0, "skip-bad", NULL, NULL,
				"cannot write the rejected rows to the rejects file%s%s; nothing was "
				"imported", en ? ": " : "", en ? strerror(en) : "");
			/* A storage failure, whatever the rejected rows said before it. */
			return e->code = ERR_STORAGE;
		}
	}
	report_of(ac, what, opts, res, &r);
	return store_import_report_add(a->st, &r, opts->once_key && opts->once_key[0] ?
					   opts->once_key : NULL, &res->report_id, e);
}

typedef enum err_code (*import_fn)(struct app *, const struct actor *,
				   const struct import_opts *, struct import_result *,
				   struct err *);

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

static json_t *report_ref(int64_t id)
{
	char url[64];

	snprintf(url, sizeof url, "/api/v1/import/reports/%lld", (long long)id);
	return json_pack("{s:I,s:s}", "id", (json_int_t)id, "url", url);
}

/* The whole report: counts, every problem and warning, the rejected rows. */
static char *report_text(const char *what, const struct import_result *res,
			 const struct err *e, const struct err *warn, const char *rej,
			 size_t rej_len)
{
	json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:I}", "imported", what, "rows",
			      (json_int_t)res->rows, "imported_rows", (json_int_t)res->imported,
			      "rejected", (json_int_t)res->rejected, "warnings",
			      (json_int_t)res->warnings);
	char *s;

	json_object_set_new(j, "errors", json_err_items(e));
	json_object_set_new(j, "warning_items", json_err_items(warn));
	if (rej && rej_len)
		json_object_set_new(j, "rejected_csv", json_stringn(rej, rej_len));
	if (e->dropped + warn->dropped)
		json_object_set_new(j, "items_dropped", json_integer((json_int_t)(e->dropped +
										  warn->dropped)));
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

/* The answer of a replayed key: the first answer as stored, or (if the server stopped
 * between the commit and storing it) one made of the counts. */
static json_t *replay_answer(struct app *a, const struct actor *ac, const char *what,
			     const struct import_result *res)
{
	struct import_report r;
	struct err tmp;
	char *ans = NULL;
	json_t *j = NULL;

	err_init(&tmp);
	if (store_import_report_get(a->st, res->report_id, ac->name, &r, &ans, NULL, &tmp) ==
		    ERR_OK && ans)
		j = json_loads(ans, 0, NULL);
	free(ans);
	err_cleanup(&tmp);
	if (!json_is_object(j)) {
		json_decref(j);
		j = json_pack("{s:s,s:I,s:I,s:I,s:I}", "imported", what, "rows",
			      (json_int_t)res->rows, "imported_rows", (json_int_t)res->imported,
			      "rejected", (json_int_t)res->rejected, "warnings",
			      (json_int_t)res->warnings);
		json_object_set_new(j, "report", report_ref(res->report_id));
	}
	json_object_set_new(j, "replayed", json_true());
	json_object_set_new(j, "first_imported_at", json_string(res->replayed_at));
	return j;
}

enum err_code app_import_run(struct app *a, const struct actor *ac, const char *what,
			     const struct import_opts *o, struct import_result *res, struct err *e)
{
	import_fn fn;
	int once;
	enum err_code rc;

	if (!strcmp(what, "orgs"))
		return app_import_orgs(a, ac, o, res, e);
	if (!strcmp(what, "members"))
		return app_import_members(a, ac, o, res, e);
	if (!strcmp(what, "candidates"))
		return app_import_candidates(a, ac, o, res, e);
	if (!strcmp(what, "meetings"))
		return app_import_meetings(a, ac, o, res, e);
	if (!strcmp(what, "attendance"))
		return app_import_attendance(a, ac, o, res, e);
	if (!strcmp(what, "documents"))
		return app_import_documents(a, ac, o, res, e);
	if (!strcmp(what, "training"))
		return app_import_training(a, ac, o, res, e);
	if (!strcmp(what, "complaints"))
		return app_import_complaints(a, ac, o, res, e);
	if (!strcmp(what, "holdings"))
		return app_import_holdings(a, ac, o, res, e);
	if (!strcmp(what, "committees"))
		return app_import_committees(a, ac, o, res, e);
	if (!strcmp(what, "programmes"))
		return app_import_programmes(a, ac, o, res, e);
	if (!strcmp(what, "cases"))
		return app_import_cases(a, ac, o, res, e);
	if (!strcmp(what, "discipline"))
		return app_import_discipline(a, ac, o, res, e);
	if (!strcmp(what, "reviews"))
		fn = import_member_reviews;
	else if (!strcmp(what, "org-reviews"))
		fn = import_org_reviews;
	else
		return err_set(e, ERR_INTERNAL, "no import of '%s'", what);
	/* The reviews' import keeps its own transaction: its key is looked up before and kept
	 * after it (two identical requests at the same instant may both run; the second then
	 * finds every review already recorded). */
	memset(res, 0, sizeof *res);
	once = app_import_once_check(a, ac, what, o, res, e);
	if (once < 0)
		return e->code ? e->code : ERR_STORAGE;
	if (once > 0)
		return ERR_OK;
	rc = fn(a, ac, o, res, e);
	if (!rc) {
		struct err tmp;

		err_init(&tmp);
		app_import_finish(a, ac, what, o, res, &tmp);
		err_cleanup(&tmp);
	}
	return rc;
}

enum err_code app_import_body(struct app *a, const struct actor *ac,
			      const struct import_request *q, json_t **answer, struct err *e)
{
	struct import_opts o;
	struct import_result res;
	char hex[65], key[300];
	unsigned char h[crypto_hash_sha256_BYTES];
	char *rej = NULL;
	size_t rej_len = 0;
	enum err_code rc;
	json_t *j;

	*answer = NULL;
	memset(&o, 0, sizeof o);
	memset(&res, 0, sizeof res);
	if (q->key) {
		size_t n = strlen(q->key);

		if (n == 0 || n > 255 || strspn(q->key, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
					     "qrstuvwxyz0123456789-_.:~+/=") != n)
			return err_add(e, ERR_INPUT, 0, "Idempotency-Key", NULL, NULL,
				       "an Idempotency-Key is 1 to 255 letters, digits and -_.:~+/= "
				       "(a UUID is a good one)");
		snprintf(key, sizeof key, "key:%s", q->key);
		o.once_key = key;
	}
	crypto_hash_sha256(h, (const unsigned char *)q->body, q->len);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	o.sha256 = hex;
	o.in = fmemopen((void *)(uintptr_t)q->body, q->len, "r");
	o.in_name = q->what;
	o.in_size = (long long)q->len;
	o.allow_duplicates = q->allow_duplicates;
	o.create_positions = q->create_positions;
	if (q->skip_bad)
		o.rejects = open_memstream(&rej, &rej_len);
	if (!o.in || (q->skip_bad && !o.rejects)) {
		rc = err_set(e, ERR_INTERNAL, "cannot read the upload");
	} else {
		if (q->opened)
			q->opened(q->opened_ctx, o.in);
		rc = app_import_run(a, ac, q->what, &o, &res, e);
		if (q->opened)
			q->opened(q->opened_ctx, NULL);
	}
	if (q->result)
		*q->result = res;
	if (o.in)
		fclose(o.in);
	if (o.rejects)
		fclose(o.rejects);
	if (rc) {
		/* A refusal longer than its answer: the whole of it kept as a report. */
		if (e->n > IMPORT_ANSWER_ITEMS || e->dropped) {
			struct import_report r;
			struct err tmp;
			int64_t id = 0;
			char *text;

			err_init(&tmp);
			report_of(ac, q->what, &o, &res, &r);
			text = report_text(q->what, &res, e, &a->warn, NULL, 0);
			if (text && store_import_report_add(a->st, &r, NULL, &id, &tmp) == ERR_OK &&
			    store_import_report_set(a->st, id, NULL, text, &tmp) == ERR_OK)
				*answer = json_pack("{s:o}", "report", report_ref(id));
			free(text);
			err_cleanup(&tmp);
		}
		free(rej);
		return rc;
	}
	if (res.replayed) {
		free(rej);
		*answer = replay_answer(a, ac, q->what, &res);
		return ERR_OK;
	}
	j = json_pack("{s:s,s:I,s:I,s:I,s:I}", "imported", q->what, "rows", (json_int_t)res.rows,
		      "imported_rows", (json_int_t)res.imported, "rejected",
		      (json_int_t)res.rejected, "warnings", (json_int_t)res.warnings);
	json_object_set_new(j, "errors", json_err_items_max(e, IMPORT_ANSWER_ITEMS));
	json_object_set_new(j, "errors_more",
			    json_boolean(e->n > IMPORT_ANSWER_ITEMS || e->dropped));
	json_object_set_new(j, "rejected_csv", res.rejected && rej && rej_len <= IMPORT_ANSWER_CSV_MAX
						       ? json_stringn(rej, rej_len) : json_null());
	if (res.rejected && rej && rej_len > IMPORT_ANSWER_CSV_MAX)
		json_object_set_new(j, "rejected_csv_more", json_true());
	json_object_set_new(j, "warning_items", json_err_items_max(&a->warn, IMPORT_ANSWER_ITEMS));
	json_object_set_new(j, "warnings_more", json_boolean(a->warn.n > IMPORT_ANSWER_ITEMS ||
							     a->warn.dropped));
	if (res.report_id) {
		struct err tmp;
		char *text = report_text(q->what, &res, e, &a->warn, rej, rej_len);
		char *ans;

		json_object_set_new(j, "report", report_ref(res.report_id));
		ans = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		err_init(&tmp);
		/* The import is committed: failing to keep its report loses the download, never
		 * the answer. */
		if (!ans || !text ||
		    store_import_report_set(a->st, res.report_id, ans, text, &tmp) != ERR_OK)
			json_object_set_new(j, "report", json_null());
		err_cleanup(&tmp);
		free(ans);
		free(text);
	} else {
		json_object_set_new(j, "report", json_null());
	}
	free(rej);
	*answer = j;
	return ERR_OK;
}

enum err_code app_import_report(struct app *a, const struct actor *ac, int64_t id,
				char **report, struct err *e)
{
	struct import_report r;
	char *text = NULL;
	enum err_code rc;

	*report = NULL;
	if ((rc = store_import_report_get(a->st, id, ac->name, &r, NULL, &text, e)))
		return rc;
	if (!text) {
		json_t *j = json_pack("{s:s,s:I,s:I,s:I,s:I,s:[],s:[]}", "imported", r.what,
				      "rows", (json_int_t)r.rows, "imported_rows",
				      (json_int_t)r.imported, "rejected", (json_int_t)r.rejected,
				      "warnings", (json_int_t)r.warnings, "errors",
				      "warning_items");

		text = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(j);
	}
	*report = text;
	return text ? ERR_OK : err_set(e, ERR_INTERNAL, "cannot write the report");
}
