/* app_meet_export.c - the meetings list as a CSV or XLSX download (docs/csv.md), one audit
 * entry a read, for the command line (meeting list --csv/--xlsx), the API and the pages. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app_int.h"
#include "app_meeting.h"

static const char *const meet_cols[] = {
	"id", "org", "date", "starts", "ends", "minutes", "kind", "state", "topic",
	"chair_id", "secretary_id", "document_id", "makeup_of", "present", "excused", "absent",
	"not_counted", "quorum_base", NULL,
};

struct export_ctx {
	struct table_out *t;
	long rows;
};

static void put_id(struct table_out *t, int64_t id)
{
	if (id)
		table_out_int(t, (long long)id);
	else
		table_out_text(t, "");
}

static int export_row(void *ctx, const struct meeting *m)
{
	struct export_ctx *x = ctx;
	struct table_out *t = x->t;
	char d[DATE_STR], t1[6], t2[6];

	table_out_int(t, (long long)m->id);
	table_out_text(t, m->org_code);
	table_out_text(t, date_format(m->on, d));
	table_out_text(t, meeting_format_time(m->starts_min, t1));
	table_out_text(t, meeting_format_time(m->ends_min, t2));
	table_out_int(t, m->ends_min - m->starts_min);
	table_out_text(t, meeting_kind_name(m->kind));
	table_out_text(t, meeting_state_name(m->state));
	table_out_text(t, m->topic);
	put_id(t, m->chair_id);
	put_id(t, m->secretary_id);
	put_id(t, m->document_id);
	put_id(t, m->makeup_of);
	table_out_int(t, m->n_present);
	table_out_int(t, m->n_excused);
	table_out_int(t, m->n_absent);
	table_out_int(t, m->n_not_counted);
	if (m->quorum_base >= 0)
		table_out_int(t, m->quorum_base);
	else
		table_out_text(t, "");
	table_out_row(t);
	x->rows++;
	return 0;
}

enum err_code app_meeting_export(struct app *a, const struct actor *ac, const struct meet_query *q,
				 enum table_format f, int *fd, long long *len, struct err *e)
{
	struct export_ctx x;
	const char *const *col;
	const char *org = q->org_code && q->org_code[0] ? q->org_code : NULL;
	enum err_code rc;

	*fd = -1;
	*len = 0;
	memset(&x, 0, sizeof x);
	if (!(x.t = table_out_new(f, "meetings", e)))
		return e->code;
	for (col = meet_cols; *col; col++)
		table_out_text(x.t, *col);
	table_out_row(x.t);
	rc = app_meeting_list(a, ac, q, 0, 0, export_row, &x, NULL, e);
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
	rc = app_audit_bulk(a, ac, "meetings.export", org, x.rows, "format",
			    f == TABLE_XLSX ? "xlsx" : "csv", e);
	if (rc) {
		close(*fd);
		*fd = -1;
	}
	return rc;
}

enum err_code app_meeting_export_file(struct app *a, const struct actor *ac,
				      const struct meet_query *q, enum table_format f,
				      const char *path, struct err *e)
{
	long long len;
	int fd;

	if (app_meeting_export(a, ac, q, f, &fd, &len, e))
		return e->code;
	return table_out_save(fd, path, e);
}
