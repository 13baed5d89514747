/* app_training.c - members' training records: add, read, edit, delete, list and export,
 * the figure "cadres sent to training", the CSV import. Every call needs the personnel
 * right over the member's organisation (app_personnel_check); a record lies in the actor's
 * subtree when its member does, or when the organisation that sent the member does. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_int.h"
#include "app_training.h"

static int first_org(void *ctx, const struct org *o);

static char *training_json(const struct training *t)
{
	char f[DATE_STR], to[DATE_STR];

	return app_json("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "id", (json_int_t)t->id,
			"member_id", (json_int_t)t->member_id, "course", t->course, "school",
			t->school, "kind", training_kind_name(t->kind), "from",
			date_format(t->from, f), "to", date_format(t->to, to), "result", t->result,
			"certificate", t->certificate, "note", t->note);
}

json_t *app_training_json(const struct training *t)
{
	char f[DATE_STR], to[DATE_STR];

	return json_pack("{s:I,s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:o,s:s,s:s,s:s}", "id",
			 (json_int_t)t->id, "member_id", (json_int_t)t->member_id, "full_name",
			 t->member_name, "org", t->org_code, "course", t->course, "school",
			 t->school, "kind", training_kind_name(t->kind), "from",
			 date_format(t->from, f), "to",
			 t->to == DATE_NONE ? json_null() : json_string(date_format(t->to, to)),
			 "result", t->result, "certificate", t->certificate, "note", t->note);
}

/* The member of a new record, in scope, with the personnel right over its roll. */
static enum err_code member_for(struct app *a, const struct actor *ac, int64_t member_id,
				struct member *m, struct err *e)
{
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (app_member_get(a, ac, member_id, m, e))
		return e->code;
	return ERR_OK;
}

/* The body of app_training_add inside the caller's transaction. */
static enum err_code add_tx(struct app *a, const struct actor *ac, int64_t member_id,
			    const struct training_input *in, long line, struct training *t,
			    struct err *e)
{
	struct member m;
	char subject[48], *after;
	enum err_code rc;

	training_init(t);
	training_apply(t, in, line, e);
	member_for(a, ac, member_id, &m, e);
	if (e->code)
		return e->code;
	t->member_id = m.id;
	t->org_id = m.org_id;
	if ((rc = store_training_insert(a->st, t, ac->name, e)))
		return rc;
	snprintf(subject, sizeof subject, "member:%lld", (long long)m.id);
	after = training_json(t);
	rc = app_audit(a, ac, "training.add", subject, m.org_id, NULL, after, e);
	free(after);
	return rc;
}

enum err_code app_training_add(struct app *a, const struct actor *ac, int64_t member_id,
			       const struct training_input *in, struct training *out,
			       struct err *e)
{
	struct training t;
	enum err_code rc;

	if (app_personnel_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = add_tx(a, ac, member_id, in, 0, &t, e);
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = t;
	return rc;
}

/* The record id if the actor may see it (its member, or its sending organisation, in the
 * subtree) and holds the right. */
static enum err_code training_lookup(struct app *a, const struct actor *ac, int64_t id,
				     struct training *t, struct err *e)
{
	long pre, last;
	struct member m;
	struct org o;
	struct err tmp;
	int vis = 0;

	if (app_personnel_check(a, ac, 0, e) || app_scope(a, ac, &pre, &last, e))
		return e->code;
	err_init(&tmp);
	if (store_training_get(a->st, id, t, &tmp) == ERR_OK) {
		if (store_member_get(a->st, t->member_id, &m, &tmp) == ERR_OK &&
		    app_member_visible(a, pre, last, &m))
			vis = 1;
		else if (store_org_by_id(a->st, t->org_id, &o, &tmp) == ERR_OK &&
			 app_org_visible(a, pre, last, &o))
			vis = 1;
	}
	if (tmp.code == ERR_STORAGE) {
		err_merge(e, &tmp);
		err_cleanup(&tmp);
		return e->code;
	}
	err_cleanup(&tmp);
	if (!vis)
		return err_add(e, ERR_NOTFOUND, 0, "id", NULL, NULL,
			       "no training record has the id %lld within your scope",
			       (long long)id);
	return ERR_OK;
}

enum err_code app_training_get(struct app *a, const struct actor *ac, int64_t id,
			       struct training *t, struct err *e)
{
	char subject[48];

	if (training_lookup(a, ac, id, t, e))
		return e->code;
	snprintf(subject, sizeof subject, "member:%lld", (long long)t->member_id);
	return app_audit_read(a, ac, "training.read", subject, t->org_id, e);
}

enum err_code app_training_edit(struct app *a, const struct actor *ac, int64_t id,
				const struct training_input *in, struct training *out,
				struct err *e)
{
	struct training t;
	char subject[48], *before = NULL, *after = NULL;
	enum err_code rc;

	if (app_personnel_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = training_lookup(a, ac, id, &t, e)))
		goto out;
	before = training_json(&t);
	if ((rc = training_apply(&t, in, 0, e)))
		goto out;
	if ((rc = store_training_update(a->st, &t, e)))
		goto out;
	after = training_json(&t);
	snprintf(subject, sizeof subject, "member:%lld", (long long)t.member_id);
	rc = app_audit(a, ac, "training.edit", subject, t.org_id, before, after, e);
out:
	free(before);
	free(after);
	rc = app_end(a, rc, e);
	if (!rc && out)
		*out = t;
	return rc;
}

enum err_code app_training_delete(struct app *a, const struct actor *ac, int64_t id,
				  struct err *e)
{
	struct training t;
	char subject[48], *before = NULL;
	enum err_code rc;

	if (app_personnel_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	if ((rc = training_lookup(a, ac, id, &t, e)))
		goto out;
	if ((rc = store_training_delete(a->st, id, e)))
		goto out;
	before = training_json(&t);
	snprintf(subject, sizeof subject, "member:%lld", (long long)t.member_id);
	rc = app_audit(a, ac, "training.delete", subject, t.org_id, before, NULL, e);
out:
	free(before);
	return app_end(a, rc, e);
}

/* The filter of q for the actor (scope, subtree, year, kind). */
static enum err_code query_filter(struct app *a, const struct actor *ac,
				  const struct training_query *q, struct training_filter *f,
				  struct err *e)
{
	enum training_kind k;
	struct member m;

	memset(f, 0, sizeof *f);
	f->from = f->to = DATE_NONE;
	f->kind = -1;
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (q->kind && q->kind[0]) {
		if (training_kind_parse(q->kind, &k))
			return err_add(e, ERR_USAGE, 0, "kind", q->kind, NULL,
				       "the kind of training is one of long_term, in_service, "
				       "school, short");
		f->kind = (int)k;
	}
	if (q->year) {
		if (q->year < 1900 || q->year > 2199)
			return err_add(e, ERR_USAGE, 0, "year", NULL, NULL,
				       "the year is from 1900 to 2199");
		f->from = date_from_ymd(q->year, 1, 1);
		f->to = date_from_ymd(q->year, 12, 31);
	}
	if (q->member_id) {
		if (app_member_get(a, ac, q->member_id, &m, e))
			return e->code;
		f->member_id = m.id;
		return ERR_OK;
	}
	return app_subtree(a, ac, q->org_code, 1, &f->pre, &f->last, e);
}

struct count_ctx {
	store_training_cb cb;
	void *ctx;
	long rows;
};

static int count_row(void *ctx, const struct training *t)
{
	struct count_ctx *c = ctx;

	c->rows++;
	return c->cb(c->ctx, t);
}

enum err_code app_training_list(struct app *a, const struct actor *ac,
				const struct training_query *q, store_training_cb cb, void *ctx,
				struct err *e)
{
	struct training_filter f;
	struct count_ctx c = {cb, ctx, 0};
	char subject[48];

	if (query_filter(a, ac, q, &f, e))
		return e->code;
	if (store_training_walk(a->st, &f, count_row, &c, e))
		return e->code;
	if (f.member_id) {
		snprintf(subject, sizeof subject, "member:%lld", (long long)f.member_id);
		return app_audit_read(a, ac, "training.list", subject, 0, e);
	}
	return app_audit_bulk(a, ac, "training.list", q->org_code && q->org_code[0] ? q->org_code
										 : NULL,
			      c.rows, NULL, NULL, e);
}

static const char *const export_cols[] = {
	"id", "member_id", "full_name", "org", "course", "school", "kind", "from", "to", "result",
	"certificate", "note", NULL,
};

struct export_ctx {
	struct table_out *t;
};

static int export_row(void *ctx, const struct training *t)
{
	struct export_ctx *x = ctx;
	char d[DATE_STR];

	table_out_int(x->t, t->id);
	table_out_int(x->t, t->member_id);
	table_out_text(x->t, t->member_name);
	table_out_text(x->t, t->org_code);
	table_out_text(x->t, t->course);
	table_out_text(x->t, t->school);
	table_out_text(x->t, training_kind_name(t->kind));
	table_out_text(x->t, date_format(t->from, d));
	table_out_text(x->t, date_format(t->to, d));
	table_out_text(x->t, t->result);
	table_out_text(x->t, t->certificate);
	table_out_text(x->t, t->note);
	table_out_row(x->t);
	return 0;
}

enum err_code app_training_export(struct app *a, const struct actor *ac,
				  const struct training_query *q, enum table_format f, int *fd,
				  long long *len, struct err *e)
{
	struct export_ctx x;
	const char *const *col;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (!(x.t = table_out_new(f, "training", e)))
		return e->code;
	for (col = export_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = app_training_list(a, ac, q, export_row, &x, e);
	if (rc) {
		int tfd;
		long long tlen;
		struct err tmp;

		err_init(&tmp);
		if (!table_out_finish(x.t, &tfd, &tlen, &tmp))
			close(tfd);
		err_cleanup(&tmp);
		return rc;
	}
	return table_out_finish(x.t, fd, len, e);
}

enum err_code app_training_export_file(struct app *a, const struct actor *ac,
				       const struct training_query *q, enum table_format f,
				       const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_training_export(a, ac, q, f, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}

/* ---- the figure ------------------------------------------------------------------------ */

struct fig_ctx {
	struct app *a;
	struct training_filter f;
	app_training_fig_cb cb;
	void *ctx;
	struct err *e;
	int stop;
};

static int fig_one(struct fig_ctx *x, const struct org *o, int depth)
{
	struct training_fig_row r;
	struct training_filter f = x->f;

	memset(&r, 0, sizeof r);
	snprintf(r.code, sizeof r.code, "%s", o->code);
	snprintf(r.name, sizeof r.name, "%s", o->name);
	r.depth = depth;
	f.pre = o->pre;
	f.last = o->last;
	if (store_training_figures(x->a->st, &f, r.counts, &r.total, x->e))
		return x->stop = 1;
	return x->stop = x->cb(x->ctx, &r) != 0;
}

static int fig_child(void *ctx, const struct org *o)
{
	return fig_one(ctx, o, 1);
}

enum err_code app_training_figures(struct app *a, const struct actor *ac, const char *org_code,
				   int year, app_training_fig_cb cb, void *ctx, struct err *e)
{
	struct fig_ctx x;
	struct org o;
	const char *code = org_code && org_code[0] ? org_code : ac->scope_code;
	enum err_code rc;

	memset(&x, 0, sizeof x);
	x.a = a;
	x.cb = cb;
	x.ctx = ctx;
	x.e = e;
	x.f.kind = -1;
	if (app_personnel_check(a, ac, 0, e))
		return e->code;
	if (year < 1900 || year > 2199)
		return err_add(e, ERR_USAGE, 0, "year", NULL, NULL, "the year is from 1900 to 2199");
	x.f.from = date_from_ymd(year, 1, 1);
	x.f.to = date_from_ymd(year, 12, 31);
	memset(&o, 0, sizeof o);
	if (code[0]) {
		if ((rc = app_org_lookup(a, ac, code, &o, 0, "org", e)))
			return rc;
	} else if (store_org_walk(a->st, 1, 1, 0, first_org, &o, e)) {
		return e->code;
	} else if (!o.id) {
		return err_set(e, ERR_NOTFOUND, "the tree is empty");
	}
	if (fig_one(&x, &o, 0) || x.stop)
		return e->code;
	if (store_org_children(a->st, o.id, fig_child, &x, e))
		return e->code;
	return e->code;
}

/* ---- the import ------------------------------------------------------------------------ */

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* Move the problems of a row from src to dst, each with line when it names none. */
static void take_row_problems(struct err *dst, struct err *src, long line)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const struct err_item *it = &src->items[i];

		err_add(dst, src->code ? src->code : ERR_INPUT, it->line ? it->line : line,
			it->field[0] ? it->field : NULL, it->value[0] ? it->value : NULL,
			it->rule[0] ? it->rule : NULL, "%s", it->msg);
	}
	if (src->code && !src->n)
		err_add(dst, src->code, line, NULL, NULL, NULL, "the row could not be stored");
	err_clear(src);
}

static const char *const imp_names[] = {
	"member_id", "course", "school", "kind", "from", "to", "result", "certificate", "note",
	NULL,
};
static const char *const imp_required[] = {"member_id", "course", "school", "kind", "from",
					   NULL};
enum { IC_MEMBER, IC_COURSE, IC_SCHOOL, IC_KIND, IC_FROM, IC_TO, IC_RESULT, IC_CERT, IC_NOTE };

/* One row into a record (problems to row). */
static void import_row(struct app *a, const struct actor *ac, const struct csv_columns *c,
		       const struct csv_record *r, struct err *row)
{
	struct training_input in;
	struct training t;
	const char *v = app_csv_col(c, r, IC_MEMBER);
	long long id = 0;
	char *end = NULL;

	if (r->nfields != c->nfile) {
		err_add(row, ERR_INPUT, r->line, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma",
			r->nfields, c->nfile);
		return;
	}
	if (v[0]) {
		errno = 0;
		id = strtoll(v, &end, 10);
	}
	if (!v[0] || *end || id <= 0 || errno) {
		err_add(row, ERR_INPUT, r->line, "member_id", v, NULL,
			"give the member's id (a whole number; 'cadre member search NAME' finds "
			"it)");
		id = 0;
	}
	in.course = app_csv_col(c, r, IC_COURSE);
	in.school = app_csv_col(c, r, IC_SCHOOL);
	in.kind = app_csv_col(c, r, IC_KIND);
	in.from = app_csv_col(c, r, IC_FROM);
	in.to = app_csv_col(c, r, IC_TO);
	in.result = app_csv_col(c, r, IC_RESULT);
	in.certificate = app_csv_col(c, r, IC_CERT);
	in.note = app_csv_col(c, r, IC_NOTE);
	if (!id) {
		training_init(&t);
		training_apply(&t, &in, r->line, row);
		return;
	}
	add_tx(a, ac, (int64_t)id, &in, r->line, &t, row);
}

enum err_code app_import_training(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e)
{
	struct csv_columns cols = {imp_names, imp_required, {0}, 0, {{0}}};
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct err row;
	struct org scope;
	char subject[300], *after;
	enum err_code rc;
	int got, once, fatal = 0;

	memset(res, 0, sizeof *res);
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "training records are imported all or nothing: fix the bad rows "
			       "instead of skipping them");
	if (app_personnel_check(a, ac, 0, e) || app_can_edit(ac, e))
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	once = app_import_once_check(a, ac, "training", opts, res, e);
	if (once)
		return app_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	err_init(&row);
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	got = csv_next(rd, &rec, &ce);
	if (got == 0) {
		err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			"the file is empty; it needs a header row (see docs/csv.md)");
		goto done;
	}
	if (got < 0) {
		err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
		goto done;
	}
	if (app_csv_header(&cols, &rec, e))
		goto done;
	while (!fatal && (got = csv_next(rd, &rec, &ce)) != 0) {
		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			res->rejected++;
			fatal = got == -2;
			continue;
		}
		import_row(a, ac, &cols, &rec, &row);
		if (row.code == ERR_STORAGE || row.code == ERR_INTERNAL)
			fatal = 1;
		if (row.code) {
			res->rejected++;
			take_row_problems(e, &row, rec.line);
		} else {
			res->imported++;
		}
	}
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
			"the file has a header but no training records");
	if (e->code || app_import_finish(a, ac, "training", opts, res, e))
		goto done;
	memset(&scope, 0, sizeof scope);
	{
		struct err tmp;

		err_init(&tmp);
		if (ac->scope_code[0])
			store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
		else
			store_org_walk(a->st, 1, 1, 0, first_org, &scope, &tmp);
		err_cleanup(&tmp);
	}
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported);
	app_audit(a, ac, "import.training", subject, scope.id, NULL, after, e);
	free(after);
done:
	rc = app_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	return rc;
}
