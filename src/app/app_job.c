/* app_job.c - import jobs: a large import run in the background for the web and the API, its
 * row in import_job (who started it, the file, the state, the answer or the problem) and,
 * while it runs, its progress read from the position of the stream it imports. */
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_int.h"
#include "../lib/mem.h"
#include "app_json.h"

/* The jobs under way in this process: the stream each one reads (its position is the
 * progress) and its size. The row in import_job holds the rest. */
struct live_job {
	int used;
	int64_t id;
	FILE *in;
	long long total;
	struct app *app; /* the job's connection while it is open (app_job_stop interrupts it) */
};

static pthread_mutex_t live_mu = PTHREAD_MUTEX_INITIALIZER;
static struct live_job live[APP_JOBS_MAX];
static int jobs_stopping; /* app_job_stop was called: no job records an end but interrupted */

/* What the job's thread needs, all owned by it. */
struct job_run {
	struct live_job *slot;
	int64_t id;
	char *db_path;
	struct actor actor;
	char what[24];
	char *body;
	size_t len;
	int skip_bad, allow_duplicates, create_positions;
	char *key;
	char lang[4];
};

/* Now as UTC ISO 8601 into out[32]. */
static void now_iso(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void job_opened(void *ctx, FILE *in)
{
	struct live_job *l = ctx;

	pthread_mutex_lock(&live_mu);
	l->in = in;
	pthread_mutex_unlock(&live_mu);
}

static void run_free(struct job_run *r)
{
	free(r->db_path);
	free(r->body);
	free(r->key);
	free(r);
}

/* The problem of a failed job as stored: its code, counts and problems, and the members a
 * refusal too long for its answer adds (its report). */
static char *error_text(enum err_code rc, const struct import_result *res, const struct err *e,
			json_t *extra)
{
	json_t *j = json_pack("{s:i,s:I,s:I}", "code", (int)rc, "rows", (json_int_t)res->rows,
			      "rejected", (json_int_t)res->rejected);
	char *s;

	json_object_set_new(j, "errors", json_err_items_max(e, IMPORT_ANSWER_ITEMS));
	if (e->n > IMPORT_ANSWER_ITEMS || e->dropped)
		json_object_set_new(j, "errors_more", json_true());
	if (json_is_object(extra))
		json_object_update(j, extra);
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

static void *job_main(void *arg)
{
	struct job_run *r = arg;
	struct import_request q;
	struct import_result res;
	struct import_job j;
	struct app a;
	struct err e;
	json_t *answer = NULL;
	char *result = NULL, *error = NULL;
	enum err_code rc;

	err_lang_set(r->lang);
	memset(&a, 0, sizeof a);
	memset(&res, 0, sizeof res);
	memset(&j, 0, sizeof j);
	err_init(&e);
	j.id = r->id;
	j.total = (long long)r->len;
	if (!(rc = app_open(&a, r->db_path, 0, &e))) {
		int stopping;

		a.quiet = 1;
		pthread_mutex_lock(&live_mu);
		r->slot->app = &a;
		stopping = jobs_stopping;
		pthread_mutex_unlock(&live_mu);
		if (!stopping) {
			store_job_state(a.st, r->id, "running", NULL, &e);
			err_clear(&e);
		}
		memset(&q, 0, sizeof q);
		q.what = r->what;
		q.body = r->body;
		q.len = r->len;
		q.skip_bad = r->skip_bad;
		q.allow_duplicates = r->allow_duplicates;
		q.create_positions = r->create_positions;
		q.key = r->key;
		q.result = &res;
		q.opened = job_opened;
		q.opened_ctx = r->slot;
		/* A job that starts when the server is stopping does not begin its import. */
		rc = stopping ? err_set(&e, ERR_STORAGE, "the server is stopping")
			      : app_import_body(&a, &r->actor, &q, &answer, &e);
		if (rc == ERR_OK) {
			result = json_dumps(answer, JSON_COMPACT | JSON_PRESERVE_ORDER);
			j.report_id = json_integer_value(json_object_get(json_object_get(answer,
											 "report"),
								 "id"));
		} else {
			error = error_text(rc, &res, &e, answer);
		}
		json_decref(answer);
		pthread_mutex_lock(&live_mu);
		stopping = jobs_stopping;
		r->slot->app = NULL;
		pthread_mutex_unlock(&live_mu);
		app_release(&a); /* an interrupted statement's transaction, and the interruption */
		snprintf(j.state, sizeof j.state, "%s", rc == ERR_OK ? "done" : "failed");
		j.done = rc == ERR_OK ? j.total : 0;
		now_iso(j.ended);
		err_clear(&e);
		if (stopping && rc != ERR_OK) {
			/* Stopped by the server's end: rolled back whole, as after a crash. */
			store_job_state(a.st, r->id, "interrupted", j.ended, &e);
		} else if (store_job_finish(a.st, &j, result, error, &e)) {
			fprintf(stderr, "cadre: import job %lld: cannot record its end: %s\n",
				(long long)r->id, e.n ? e.items[0].msg : "");
		}
		app_close(&a);
	} else {
		fprintf(stderr, "cadre: import job %lld: cannot open the database: %s\n",
			(long long)r->id, e.n ? e.items[0].msg : "");
	}
	free(result);
	free(error);
	err_cleanup(&e);
	pthread_mutex_lock(&live_mu);
	r->slot->used = 0;
	r->slot->in = NULL;
	pthread_mutex_unlock(&live_mu);
	run_free(r);
	return NULL;
}

enum err_code app_job_start(struct app *a, const struct actor *ac,
			    const struct import_request *q, const char *file_name, int64_t *id,
			    struct err *e)
{
	struct import_job j;
	struct live_job *slot = NULL;
	struct job_run *r;
	unsigned char h[crypto_hash_sha256_BYTES];
	pthread_attr_t at;
	pthread_t t;
	size_t i;
	int failed;

	*id = 0;
	if (app_can_edit(ac, e))
		return e->code;
	if (strcmp(q->what, "orgs") && strcmp(q->what, "members") && strcmp(q->what, "reviews") &&
	    strcmp(q->what, "org-reviews") && strcmp(q->what, "candidates") &&
	    strcmp(q->what, "meetings") && strcmp(q->what, "attendance") &&
	    strcmp(q->what, "documents") &&
	    strcmp(q->what, "training") && strcmp(q->what, "holdings") &&
	    strcmp(q->what, "committees"))
		return err_set(e, ERR_INTERNAL, "no import of '%s'", q->what);
	pthread_mutex_lock(&live_mu);
	for (i = 0; i < APP_JOBS_MAX && !slot; i++)
		if (!live[i].used)
			slot = &live[i];
	if (slot) {
		memset(slot, 0, sizeof *slot);
		slot->used = 1;
		slot->total = (long long)q->len;
	}
	pthread_mutex_unlock(&live_mu);
	if (!slot)
		return err_set(e, ERR_STORAGE,
			       "Too many imports are under way; try again in a few minutes.");
	memset(&j, 0, sizeof j);
	snprintf(j.kind, sizeof j.kind, "%s", q->what);
	snprintf(j.account, sizeof j.account, "%s", ac->name);
	j.account_id = ac->account_id;
	snprintf(j.scope, sizeof j.scope, "%s", ac->scope_code);
	snprintf(j.file_name, sizeof j.file_name, "%s",
		 file_name && file_name[0] ? file_name : "upload.csv");
	crypto_hash_sha256(h, (const unsigned char *)q->body, q->len);
	sodium_bin2hex(j.sha256, sizeof j.sha256, h, sizeof h);
	snprintf(j.state, sizeof j.state, "queued");
	j.total = (long long)q->len;
	now_iso(j.started);
	if (store_job_add(a->st, &j, id, e)) {
		pthread_mutex_lock(&live_mu);
		slot->used = 0;
		pthread_mutex_unlock(&live_mu);
		return e->code;
	}
	r = xmalloc(sizeof *r);
	memset(r, 0, sizeof *r);
	r->slot = slot;
	r->id = *id;
	r->db_path = xstrdup(a->db_path ? a->db_path : "");
	r->actor = *ac;
	snprintf(r->what, sizeof r->what, "%s", q->what);
	r->body = xmalloc(q->len ? q->len : 1);
	memcpy(r->body, q->body, q->len);
	r->len = q->len;
	r->skip_bad = q->skip_bad;
	r->allow_duplicates = q->allow_duplicates;
	r->create_positions = q->create_positions;
	r->key = q->key ? xstrdup(q->key) : NULL;
	snprintf(r->lang, sizeof r->lang, "%s", err_lang());
	pthread_mutex_lock(&live_mu);
	slot->id = *id;
	pthread_mutex_unlock(&live_mu);
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	failed = pthread_create(&t, &at, job_main, r) != 0;
	pthread_attr_destroy(&at);
	if (failed) {
		char ended[32];
		struct err tmp;

		pthread_mutex_lock(&live_mu);
		slot->used = 0;
		pthread_mutex_unlock(&live_mu);
		run_free(r);
		now_iso(ended);
		err_init(&tmp);
		store_job_state(a->st, *id, "interrupted", ended, &tmp);
		err_cleanup(&tmp);
		*id = 0;
		return err_set(e, ERR_INTERNAL, "cannot start the import");
	}
	return ERR_OK;
}

/* Whether the actor may see job j: their own, or within an administrator's subtree. */
static int job_visible(struct app *a, const struct actor *ac, const struct import_job *j)
{
	struct org o;
	struct err tmp;
	int ok;

	if (j->account_id == ac->account_id && !strcmp(j->account, ac->name))
		return 1;
	if (ac->role != ROLE_ORG_ADMIN && ac->role != ROLE_SYS_ADMIN)
		return 0;
	if (!ac->scope_code[0])
		return 1;
	if (!j->scope[0])
		return 0;
	err_init(&tmp);
	ok = app_org_get(a, ac, j->scope, &o, &tmp) == ERR_OK;
	err_cleanup(&tmp);
	return ok;
}

/* The progress of job j read live when it runs in this process. */
static void live_progress(struct import_job *j)
{
	size_t i;

	if (strcmp(j->state, "running") && strcmp(j->state, "queued"))
		return;
	pthread_mutex_lock(&live_mu);
	for (i = 0; i < APP_JOBS_MAX; i++)
		if (live[i].used && live[i].id == j->id && live[i].in) {
			long p = ftell(live[i].in);

			j->done = p > 0 ? p : 0;
			j->total = live[i].total;
		}
	pthread_mutex_unlock(&live_mu);
}

enum err_code app_job_get(struct app *a, const struct actor *ac, int64_t id,
			  struct import_job *j, char **result, char **error, struct err *e)
{
	enum err_code rc;

	if (result)
		*result = NULL;
	if (error)
		*error = NULL;
	rc = store_job_get(a->st, id, j, result, error, e);
	if (rc == ERR_OK && !job_visible(a, ac, j)) {
		if (result) {
			free(*result);
			*result = NULL;
		}
		if (error) {
			free(*error);
			*error = NULL;
		}
		rc = ERR_NOTFOUND;
	}
	if (rc == ERR_NOTFOUND)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL, "no import job %lld",
			       (long long)id);
	if (rc)
		return rc;
	live_progress(j);
	return ERR_OK;
}

struct list_env {
	store_job_cb cb;
	void *ctx;
};

static int list_row(void *ctx, const struct import_job *j)
{
	struct list_env *l = ctx;
	struct import_job c = *j;

	live_progress(&c);
	return l->cb(l->ctx, &c);
}

enum err_code app_job_list(struct app *a, const struct actor *ac, long offset, long limit,
			   store_job_cb cb, void *ctx, long *total, struct err *e)
{
	struct list_env l = {cb, ctx};

	return store_job_list(a->st, ac->account_id, ac->name, offset, limit, list_row, &l, total,
			      e);
}

void app_job_stop(long wait_ms)
{
	long waited;
	size_t i;
	int n;

	for (waited = 0;; waited += 10) {
		n = 0;
		pthread_mutex_lock(&live_mu);
		jobs_stopping = 1;
		for (i = 0; i < APP_JOBS_MAX; i++)
			if (live[i].used) {
				n++;
				if (live[i].app)
					app_interrupt(live[i].app);
			}
		pthread_mutex_unlock(&live_mu);
		if (!n || waited >= wait_ms)
			break;
		nanosleep(&(struct timespec){0, 10000000L}, NULL);
	}
}

enum err_code app_job_recover(struct app *a, long *n, struct err *e)
{
	char ended[32];

	now_iso(ended);
	return store_job_interrupt(a->st, ended, n, e);
}

/* Add the items of arr ({line, field, value, rule, detail}) to e with code. */
static void items_read(json_t *arr, enum err_code code, struct err *e)
{
	size_t i;
	json_t *it;

	json_array_foreach(arr, i, it) {
		const char *rule = json_string_value(json_object_get(it, "rule"));

		err_add(e, code, (long)json_integer_value(json_object_get(it, "line")),
			json_string_value(json_object_get(it, "field")),
			json_string_value(json_object_get(it, "value")), rule, "%s",
			json_string_value(json_object_get(it, "detail")) ?
				json_string_value(json_object_get(it, "detail")) : "");
	}
}

int app_job_read(const char *text, struct import_result *res, struct err *e, struct err *warn)
{
	json_t *j = text ? json_loads(text, 0, NULL) : NULL, *code;
	enum err_code c;

	memset(res, 0, sizeof *res);
	if (!json_is_object(j)) {
		json_decref(j);
		return -1;
	}
	code = json_object_get(j, "code");
	c = json_is_integer(code) ? (enum err_code)json_integer_value(code) : ERR_INPUT;
	res->rows = (long)json_integer_value(json_object_get(j, "rows"));
	res->imported = (long)json_integer_value(json_object_get(j, "imported_rows"));
	res->rejected = (long)json_integer_value(json_object_get(j, "rejected"));
	res->warnings = (long)json_integer_value(json_object_get(j, "warnings"));
	res->report_id = json_integer_value(json_object_get(json_object_get(j, "report"), "id"));
	items_read(json_object_get(j, "errors"), c, e);
	if (json_is_integer(code) && !e->code)
		e->code = c;
	if (warn)
		items_read(json_object_get(j, "warning_items"), ERR_OK, warn);
	json_decref(j);
	return 0;
}
