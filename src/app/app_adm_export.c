/* app_adm_export.c - every admissions list as a CSV or XLSX download (the cases of a subtree
 * at a stage, what is due), one audit entry a read, for the command line (admission list
 * --csv/--xlsx, admission due --csv/--xlsx), the API (Accept: text/csv or the XLSX type) and
 * the pages. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app_adm_io.h"
#include "app_int.h"

static const char *const adm_cols[] = {
	"id", "org", "full_name", "sex", "birth_date", "source", "listed_on", "stage",
	"stage_since", "due", "due_from", "due_on", "overdue", "failed_votes", "member_id", NULL,
};

struct export_ctx {
	struct table_out *t;
	date_t as_of;  /* overdue: due_on before this day */
	long rows;
};

static void put_date(struct table_out *t, date_t d)
{
	char s[DATE_STR];

	table_out_text(t, d == DATE_NONE ? "" : date_format(d, s));
}

static int export_row(void *ctx, const struct admission *c)
{
	struct export_ctx *x = ctx;
	struct table_out *t = x->t;

	table_out_int(t, (long long)c->id);
	table_out_text(t, c->p.org_code);
	table_out_text(t, c->p.full_name);
	table_out_text(t, c->p.sex);
	put_date(t, c->p.birth_date);
	table_out_text(t, adm_source_name(c->source));
	put_date(t, c->listed_on);
	table_out_text(t, adm_stage_name(c->stage));
	put_date(t, c->stage_since);
	table_out_text(t, c->due_kind ? adm_due_name(c->due_kind) : "");
	put_date(t, c->due_kind ? c->due_from : DATE_NONE);
	put_date(t, c->due_kind ? c->due_on : DATE_NONE);
	table_out_text(t, adm_overdue(c, x->as_of) ? "yes" : "no");
	table_out_int(t, c->failed_votes);
	if (c->member_id)
		table_out_int(t, (long long)c->member_id);
	else
		table_out_text(t, "");
	table_out_row(t);
	x->rows++;
	return 0;
}

enum err_code app_adm_audit_list(struct app *a, const struct actor *ac, const char *action,
				 const char *org_code, long rows, struct err *e)
{
	return app_audit_bulk(a, ac, action, org_code, rows, NULL, NULL, e);
}

enum err_code app_adm_audit_read(struct app *a, const struct actor *ac,
				 const struct admission *c, struct err *e)
{
	char subject[40];

	snprintf(subject, sizeof subject, "admission:%lld", (long long)c->id);
	return app_audit_read(a, ac, "admission.read", subject, c->p.org_id, e);
}

enum err_code app_adm_export(struct app *a, const struct actor *ac,
			     const struct adm_list_query *q, enum table_format f, int *fd,
			     long long *len, struct err *e)
{
	struct export_ctx x;
	const char *const *col;
	const char *org = q->org_code && q->org_code[0] ? q->org_code : NULL;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	memset(&x, 0, sizeof x);
	x.as_of = q->kind == ADM_LIST_DUE && q->as_of != DATE_NONE ? q->as_of : a->today;
	if (!(x.t = table_out_new(f, q->kind == ADM_LIST_DUE ? "due" : "admissions", e)))
		return e->code;
	for (col = adm_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = q->kind == ADM_LIST_DUE
		     ? app_adm_due(a, ac, org, q->as_of, export_row, &x, e)
		     : app_adm_list(a, ac, org, q->stage, 0, 0, export_row, &x, NULL, e);
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
	if ((rc = table_out_finish(x.t, fd, len, e)))
		return rc;
	rc = app_audit_bulk(a, ac, "admissions.export", org, x.rows, "format",
			    f == TABLE_XLSX ? "xlsx" : "csv", e);
	if (rc) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}

enum err_code app_adm_export_file(struct app *a, const struct actor *ac,
				  const struct adm_list_query *q, enum table_format f,
				  const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_adm_export(a, ac, q, f, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}
