/* app_meet_import.c - meetings and their attendance imported from CSV (docs/csv.md), for cells
 * that keep their book on paper and type it in at the month's end: all or nothing, every bad
 * row reported with its line and what to fix, one audit entry for the file. The attendance
 * takes a bulk path (one transaction, statements prepared once, the members' numbers read
 * once into memory) sized for a national year of meetings (bench/meetings.sh). */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_meet_int.h"

/* ---- shared ---------------------------------------------------------------------------- */

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

static int first_org(void *ctx, const struct org *o)
{
	*(struct org *)ctx = *o;
	return 1;
}

/* The one audit entry of an import (which file, how many rows, under whose scope). */
static enum err_code audit_import(struct app *a, const struct actor *ac, const char *action,
				  const struct import_opts *opts, const struct import_result *res,
				  long meetings, struct err *e)
{
	struct org scope;
	char subject[300], *after;
	enum err_code rc;
	struct err tmp;

	err_init(&tmp);
	memset(&scope, 0, sizeof scope);
	if (ac->scope_code[0])
		store_org_by_code(a->st, ac->scope_code, &scope, &tmp);
	else
		store_org_walk(a->st, 1, 1, 0, first_org, &scope, &tmp);
	err_cleanup(&tmp);
	snprintf(subject, sizeof subject, "file:%s", opts->in_name ? opts->in_name : "-");
	after = app_json("{s:I,s:I,s:I}", "rows", (json_int_t)res->rows, "imported",
			 (json_int_t)res->imported, "meetings", (json_int_t)meetings);
	rc = app_audit(a, ac, action, subject, scope.id, NULL, after, e);
	free(after);
	return rc;
}

static int64_t parse_id(const char *v, const char *field, long line, struct err *e)
{
	char *end;
	long long n;

	if (!v[0])
		return 0;
	n = strtoll(v, &end, 10);
	if (*end || n <= 0) {
		err_add(e, ERR_INPUT, line, field, v, NULL, "%s is not an id (a whole number)", v);
		return 0;
	}
	return (int64_t)n;
}

static int parse_time(const char *v, const char *field, long line, struct err *e)
{
	int t = -1;

	if (!v[0])
		err_add(e, ERR_INPUT, line, field, NULL, NULL, "give the time as HH:MM");
	else if (meeting_parse_time(v, &t))
		err_add(e, ERR_INPUT, line, field, v, NULL, "%s is not a time: give it as HH:MM", v);
	return t;
}

static int parse_kind(const char *v, long line, struct err *e)
{
	int k = meeting_kind_parse(v);

	if (k < 0)
		err_add(e, ERR_INPUT, line, "kind", v, NULL,
			"the kind is monthly, thematic, extraordinary or study");
	return k;
}

static date_t parse_date(const char *v, long line, struct err *e)
{
	const char *why;
	date_t d = DATE_NONE;

	if (!v[0])
		err_add(e, ERR_INPUT, line, "date", NULL, NULL, "give the date as YYYY-MM-DD");
	else if (date_parse(v, &d, &why))
		err_add(e, ERR_INPUT, line, "date", v, NULL, "%s %s", v, err_tr(why));
	return d;
}

/* The header of path's CSV into cols; -1 with the problems in e. */
static int read_header(struct csv_reader *rd, struct csv_columns *cols, struct err *e)
{
	struct csv_record rec;
	struct csv_error ce;
	int got = csv_next(rd, &rec, &ce);

	if (got == 0)
		return err_add(e, ERR_INPUT, 1, NULL, NULL, NULL,
			       "the file is empty; it needs a header row (see docs/csv.md)"),
		       -1;
	if (got < 0)
		return err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg), -1;
	return app_csv_header(cols, &rec, e);
}

/* ---- meetings -------------------------------------------------------------------------- */

static const char *const meet_names[] = {
	"org", "date", "kind", "starts", "ends", "topic", "agenda", "content", "chair_id",
	"secretary_id", "guests", "document_id", "makeup_of", NULL,
};
static const char *const meet_required[] = {"org", "date", "kind", "starts", "ends", NULL};
enum { MC_ORG, MC_DATE, MC_KIND, MC_STARTS, MC_ENDS, MC_TOPIC, MC_AGENDA, MC_CONTENT, MC_CHAIR,
       MC_SECRETARY, MC_GUESTS, MC_DOCUMENT, MC_MAKEUP };

static void copy_col(char *dst, size_t cap, const char *v, const char *field, long line,
		     struct err *e)
{
	if (strlen(v) >= cap)
		err_add(e, ERR_INPUT, line, field, NULL, NULL,
			"the text is longer than %zu bytes: shorten it", cap - 1);
	else
		snprintf(dst, cap, "%s", v);
}

static void parse_meeting(const struct csv_columns *c, const struct csv_record *r,
			  struct meeting *m, struct err *e)
{
	long ln = r->line;
	int k;

	meeting_init(m);
	if (r->nfields != c->nfile) {
		err_add(e, ERR_INPUT, ln, NULL, NULL, NULL,
			"the row has %zu fields but the header has %zu; check for a missing or "
			"extra comma",
			r->nfields, c->nfile);
		return;
	}
	copy_col(m->org_code, sizeof m->org_code, app_csv_col(c, r, MC_ORG), "org", ln, e);
	if (!m->org_code[0])
		err_add(e, ERR_INPUT, ln, "org", NULL, NULL,
			"give the code of the organisation that held the meeting");
	m->on = parse_date(app_csv_col(c, r, MC_DATE), ln, e);
	k = parse_kind(app_csv_col(c, r, MC_KIND), ln, e);
	m->kind = k < 0 ? MK_MONTHLY : (enum meeting_kind)k;
	m->starts_min = parse_time(app_csv_col(c, r, MC_STARTS), "starts", ln, e);
	m->ends_min = parse_time(app_csv_col(c, r, MC_ENDS), "ends", ln, e);
	copy_col(m->topic, sizeof m->topic, app_csv_col(c, r, MC_TOPIC), "topic", ln, e);
	copy_col(m->agenda, sizeof m->agenda, app_csv_col(c, r, MC_AGENDA), "agenda", ln, e);
	copy_col(m->content, sizeof m->content, app_csv_col(c, r, MC_CONTENT), "content", ln, e);
	copy_col(m->guests, sizeof m->guests, app_csv_col(c, r, MC_GUESTS), "guests", ln, e);
	m->chair_id = parse_id(app_csv_col(c, r, MC_CHAIR), "chair_id", ln, e);
	m->secretary_id = parse_id(app_csv_col(c, r, MC_SECRETARY), "secretary_id", ln, e);
	m->document_id = parse_id(app_csv_col(c, r, MC_DOCUMENT), "document_id", ln, e);
	m->makeup_of = parse_id(app_csv_col(c, r, MC_MAKEUP), "makeup_of", ln, e);
}

enum err_code app_import_meetings(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e)
{
	struct csv_columns cols = {meet_names, meet_required, {0}, 0, {{0}}};
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	struct meeting *m = xmalloc(sizeof *m);
	struct err row;
	enum err_code rc;
	int got, once, fatal = 0;

	memset(res, 0, sizeof *res);
	meeting_init(m);
	if (opts->rejects) {
		free(m);
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "meetings are imported all or nothing: fix the bad rows instead of "
			       "skipping them");
	}
	if (app_can_edit(ac, e)) {
		free(m);
		return e->code;
	}
	if ((rc = app_begin(a, e))) {
		free(m);
		return rc;
	}
	once = app_import_once_check(a, ac, "meetings", opts, res, e);
	if (once) {
		free(m);
		return app_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
	}
	err_init(&row);
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	if (read_header(rd, &cols, e))
		goto done;
	while (!fatal && (got = csv_next(rd, &rec, &ce)) != 0) {
		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			res->rejected++;
			fatal = got == -2;
			continue;
		}
		parse_meeting(&cols, &rec, m, &row);
		if (!row.code)
			meet_add_tx(a, ac, m, rec.line, &row);
		if (row.code == ERR_STORAGE || row.code == ERR_INTERNAL)
			fatal = 1;
		if (row.code) {
			res->rejected++;
			take_row_problems(e, &row, rec.line);
		} else {
			res->imported++;
		}
		meeting_cleanup(m);
	}
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL, "the file has a header but no meetings");
	if (!e->code && !(rc = app_import_finish(a, ac, "meetings", opts, res, e)))
		audit_import(a, ac, "import.meetings", opts, res, res->imported, e);
done:
	rc = app_end(a, e->code, e);
	if (rc)
		res->imported = 0;
	csv_reader_free(rd);
	err_cleanup(&row);
	meeting_cleanup(m);
	free(m);
	return rc;
}

/* ---- attendance: the bulk path --------------------------------------------------------- */

static const char *const att_names[] = {
	"meeting_id", "org", "date", "kind", "member_id", "member_no", "status", "reason", NULL,
};
static const char *const att_required[] = {"status", NULL};
enum { AC_MEETING, AC_ORG, AC_DATE, AC_KIND, AC_MEMBER, AC_MEMBER_NO, AC_STATUS, AC_REASON };

/* Files larger than this take the big bulk path (store_att_bulk_big). */
#define ATT_BIG_BYTES (8L << 20)

struct number {
	char *no;
	int64_t id;
};

struct att_import {
	struct app *a;
	const struct actor *ac;
	struct store_att_bulk *bulk;
	/* the members' numbers, sorted, read at the first member_no */
	struct number *nums;
	size_t nnum, capnum;
	int nums_read;
	/* the rows of the meeting being read */
	char key[128];
	long first_line;
	struct meet_attendance *rows;
	long *lines;
	size_t n, cap;
	/* the meetings done, to refuse one whose rows are not together */
	int64_t *done;
	size_t ndone, capdone;
	struct meeting *m;
	struct roll_vec roll;
	/* roll holds the roll of organisation roll_org for any day in [roll_lo, roll_hi)
	 * (store_meeting_roll_span): the next meeting of that organisation in the span takes
	 * it as it is (roll_org 0: nothing kept) */
	int64_t roll_org;
	date_t roll_lo, roll_hi;
	struct meet_att_buf buf;
	long meetings, stored;
};

static int num_take(void *ctx, const char *no, int64_t id)
{
	struct att_import *x = ctx;

	if (x->nnum == x->capnum) {
		x->capnum = x->capnum ? x->capnum * 2 : 1024;
		x->nums = xrealloc(x->nums, x->capnum * sizeof *x->nums);
	}
	x->nums[x->nnum].no = xstrdup(no);
	x->nums[x->nnum++].id = id;
	return 0;
}

static int num_cmp(const void *p, const void *q)
{
	return strcmp(((const struct number *)p)->no, ((const struct number *)q)->no);
}

static int64_t member_by_number(struct att_import *x, const char *no, struct err *e)
{
	struct number key, *hit;

	if (!x->nums_read) {
		x->nums_read = 1;
		if (store_meeting_numbers(x->a->st, num_take, x, e))
			return 0;
		if (x->nnum)
			qsort(x->nums, x->nnum, sizeof *x->nums, num_cmp);
	}
	key.no = (char *)(uintptr_t)no;
	hit = x->nnum ? bsearch(&key, x->nums, x->nnum, sizeof *x->nums, num_cmp) : NULL;
	return hit ? hit->id : 0;
}

static int id_cmp(const void *p, const void *q)
{
	int64_t a = *(const int64_t *)p, b = *(const int64_t *)q;

	return a < b ? -1 : a > b;
}

/* Resolve the meeting of the rows read (the first row's fields) and store its attendance. */
static enum err_code flush_meeting(struct att_import *x, int64_t id, const char *org, date_t on,
				   int kind, struct err *e)
{
	struct app *a = x->a;
	struct err tmp;
	size_t i;
	long base = 0, ln = x->first_line;
	enum err_code rc = ERR_OK;

	if (!x->n)
		return ERR_OK;
	err_init(&tmp);
	meeting_cleanup(x->m);
	meeting_init(x->m);
	if (!id) {
		struct org o;

		if (app_org_lookup(a, x->ac, org, &o, 0, "org", &tmp) ||
		    store_meeting_find(a->st, o.id, on, (enum meeting_kind)kind, &id, &tmp)) {
			rc = tmp.code;
			take_row_problems(e, &tmp, ln);
			goto out;
		}
		if (!id) {
			err_add(e, ERR_INPUT, ln, "date", NULL, NULL,
				"%s held no %s meeting on that date: import the meeting first", org,
				meeting_kind_name((enum meeting_kind)kind));
			goto out;
		}
	}
	if (meet_lookup(a, x->ac, id, x->m, &tmp)) {
		rc = tmp.code == ERR_STORAGE ? ERR_STORAGE : ERR_OK;
		take_row_problems(e, &tmp, ln);
		goto out;
	}
	if (x->ndone && bsearch(&id, x->done, x->ndone, sizeof *x->done, id_cmp)) {
		err_add(e, ERR_INPUT, ln, "meeting_id", NULL, NULL,
			"the rows of meeting %lld are not together: put every row of a meeting "
			"one after another",
			(long long)id);
		goto out;
	}
	if (x->ndone == x->capdone) {
		x->capdone = x->capdone ? x->capdone * 2 : 1024;
		x->done = xrealloc(x->done, x->capdone * sizeof *x->done);
	}
	/* Kept sorted: meetings mostly come in id order, so this is an append. */
	for (i = x->ndone; i > 0 && x->done[i - 1] > id; i--)
		x->done[i] = x->done[i - 1];
	x->done[i] = id;
	x->ndone++;
	if (x->m->state == MST_CANCELLED) {
		err_add(e, ERR_RULE, ln, "meeting_id", NULL, NULL,
			"meeting %lld was cancelled; its attendance cannot be recorded",
			(long long)id);
		goto out;
	}
	if (x->m->on > a->today) {
		err_add(e, ERR_RULE, ln, "meeting_id", NULL, NULL,
			"meeting %lld is planned for a later date; import its attendance once it "
			"is held",
			(long long)id);
		goto out;
	}
	/* A year of an organisation's monthly meetings mostly has one roll: read it once. */
	if (x->m->kind == MK_STUDY || x->m->org_id != x->roll_org || x->m->on < x->roll_lo ||
	    x->m->on >= x->roll_hi) {
		x->roll_org = 0;
		x->roll.n = 0;
		if ((rc = meet_roll_of(a, x->m, &x->roll, e)))
			goto out;
		if (x->m->kind != MK_STUDY) {
			if ((rc = store_meeting_roll_span(a->st, x->m->org_id, x->m->on,
							  &x->roll_lo, &x->roll_hi, e)))
				goto out;
			x->roll_org = x->m->org_id;
		}
	}
	meet_check_attendance(x->m, &x->roll, x->rows, x->n, x->lines, ln, &x->buf, &base, e);
	if (e->code)
		goto out; /* nothing more is written: the import will be refused */
	if ((rc = store_att_bulk_clear(x->bulk, id, e)))
		goto out;
	for (i = 0; i < x->buf.n && !rc; i++)
		rc = store_att_bulk_put(x->bulk, id, &x->buf.out[i], e);
	if (!rc)
		rc = store_meeting_set_state(a->st, id, MST_HELD, base, NULL, e);
	x->stored += (long)x->buf.n;
	x->meetings++;
out:
	err_cleanup(&tmp);
	x->n = 0;
	return rc;
}

enum err_code app_import_attendance(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e)
{
	struct csv_columns cols = {att_names, att_required, {0}, 0, {{0}}};
	struct att_import x;
	struct csv_reader *rd = NULL;
	struct csv_record rec;
	struct csv_error ce;
	enum err_code rc;
	/* the meeting of the rows being gathered, as its first row named it */
	int64_t cur_id = 0;
	char cur_org[ORG_CODE_MAX + 1] = "";
	date_t cur_on = DATE_NONE;
	int cur_kind = 0, got, once, fatal = 0, journal;
	size_t i;

	memset(res, 0, sizeof *res);
	memset(&x, 0, sizeof x);
	x.a = a;
	x.ac = ac;
	if (opts->rejects)
		return err_add(e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			       "attendance is imported all or nothing: fix the bad rows instead of "
			       "skipping them");
	if (app_can_edit(ac, e))
		return e->code;
	/* Every reference is checked here (a meeting the actor sees, a member on its roll), so
	 * the store need not check each row's foreign keys again. */
	app_foreign_keys(a, 0);
	/* A large file is written once through a rollback journal rather than twice through
	 * the write-ahead log (harmlessly refused while another connection has the database). */
	journal = opts->in_size > ATT_BIG_BYTES && store_journal_bulk(a->st, 1) == ERR_OK;
	if ((rc = app_begin(a, e))) {
		if (journal)
			store_journal_bulk(a->st, 0);
		app_foreign_keys(a, 1);
		return rc;
	}
	once = app_import_once_check(a, ac, "attendance", opts, res, e);
	if (once) {
		rc = app_end(a, once > 0 ? ERR_OK : e->code ? e->code : ERR_STORAGE, e);
		if (journal)
			store_journal_bulk(a->st, 0);
		app_foreign_keys(a, 1);
		return rc;
	}
	x.m = xmalloc(sizeof *x.m);
	meeting_init(x.m);
	/* A large file (a year of a province or more) takes the big bulk path. */
	if (!(x.bulk = opts->in_size > ATT_BIG_BYTES ? store_att_bulk_big(a->st, e)
						      : store_att_bulk_new(a->st, e)))
		goto done;
	rd = csv_reader_new(app_csv_read, opts->in, 0);
	if (read_header(rd, &cols, e))
		goto done;
	if (cols.idx[AC_MEETING] < 0 &&
	    (cols.idx[AC_ORG] < 0 || cols.idx[AC_DATE] < 0 || cols.idx[AC_KIND] < 0)) {
		err_add(e, ERR_INPUT, 1, "meeting_id", NULL, NULL,
			"name the meeting: a meeting_id column, or org, date and kind columns");
		goto done;
	}
	if (cols.idx[AC_MEMBER] < 0 && cols.idx[AC_MEMBER_NO] < 0) {
		err_add(e, ERR_INPUT, 1, "member_id", NULL, NULL,
			"name the member: a member_id or a member_no column");
		goto done;
	}
	while (!fatal && (got = csv_next(rd, &rec, &ce)) != 0) {
		struct meet_attendance r;
		char key[128];
		const char *v;
		int64_t mid = 0;
		date_t on = DATE_NONE;
		int kind = 0, st;
		size_t before = e->n;

		res->rows++;
		if (got < 0) {
			err_add(e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			fatal = got == -2;
			continue;
		}
		if (rec.nfields != cols.nfile) {
			err_add(e, ERR_INPUT, rec.line, NULL, NULL, NULL,
				"the row has %zu fields but the header has %zu; check for a "
				"missing or extra comma",
				rec.nfields, cols.nfile);
			continue;
		}
		memset(&r, 0, sizeof r);
		v = app_csv_col(&cols, &rec, AC_MEETING);
		if (v[0]) {
			mid = parse_id(v, "meeting_id", rec.line, e);
			snprintf(key, sizeof key, "#%s", v);
		} else {
			v = app_csv_col(&cols, &rec, AC_ORG);
			on = parse_date(app_csv_col(&cols, &rec, AC_DATE), rec.line, e);
			kind = parse_kind(app_csv_col(&cols, &rec, AC_KIND), rec.line, e);
			if (!v[0] || strlen(v) > ORG_CODE_MAX)
				err_add(e, ERR_INPUT, rec.line, "org", NULL, NULL,
					"give the meeting_id, or the org, date and kind of the "
					"meeting");
			snprintf(key, sizeof key, "%s|%s|%s", v, app_csv_col(&cols, &rec, AC_DATE),
				 app_csv_col(&cols, &rec, AC_KIND));
		}
		v = app_csv_col(&cols, &rec, AC_MEMBER);
		if (v[0]) {
			r.member_id = parse_id(v, "member_id", rec.line, e);
		} else if ((v = app_csv_col(&cols, &rec, AC_MEMBER_NO))[0]) {
			r.member_id = member_by_number(&x, v, e);
			if (!r.member_id && e->code != ERR_STORAGE)
				err_add(e, ERR_INPUT, rec.line, "member_no", v, NULL,
					"no member has the number %s", v);
		} else {
			err_add(e, ERR_INPUT, rec.line, "member_id", NULL, NULL,
				"give the member_id or the member_no of the member");
		}
		v = app_csv_col(&cols, &rec, AC_STATUS);
		st = attend_status_parse(v);
		if (st < 0 || st == AT_NOT_COUNTED)
			err_add(e, ERR_INPUT, rec.line, "status", v, NULL,
				"the status is present, excused or absent");
		r.status = st < 0 ? AT_ABSENT : (enum attend_status)st;
		v = app_csv_col(&cols, &rec, AC_REASON);
		if (strlen(v) >= sizeof r.reason)
			err_add(e, ERR_INPUT, rec.line, "reason", NULL, NULL,
				"the reason is longer than %zu bytes: shorten it",
				sizeof r.reason - 1);
		else
			memcpy(r.reason, v, strlen(v) + 1);
		if (e->code == ERR_STORAGE) {
			fatal = 1;
			break;
		}
		if (e->n > before)
			continue;
		if (strcmp(key, x.key) != 0) {
			if ((rc = flush_meeting(&x, cur_id, cur_org, cur_on, cur_kind, e)) ==
			    ERR_STORAGE) {
				fatal = 1;
				break;
			}
			snprintf(x.key, sizeof x.key, "%s", key);
			x.first_line = rec.line;
			cur_id = mid;
			snprintf(cur_org, sizeof cur_org, "%s", app_csv_col(&cols, &rec, AC_ORG));
			cur_on = on;
			cur_kind = kind;
		}
		if (x.n == x.cap) {
			x.cap = x.cap ? x.cap * 2 : 256;
			x.rows = xrealloc(x.rows, x.cap * sizeof *x.rows);
			x.lines = xrealloc(x.lines, x.cap * sizeof *x.lines);
		}
		x.rows[x.n] = r;
		x.lines[x.n++] = rec.line;
	}
	if (!fatal)
		flush_meeting(&x, cur_id, cur_org, cur_on, cur_kind, e);
	if (!e->code && !res->rows)
		err_add(e, ERR_INPUT, 0, NULL, NULL, NULL,
			"the file has a header but no attendance");
	res->imported = x.stored;
	if (!e->code)
		store_att_bulk_end(x.bulk, e);
	if (!e->code && !app_import_finish(a, ac, "attendance", opts, res, e))
		audit_import(a, ac, "import.attendance", opts, res, x.meetings, e);
done:
	store_att_bulk_free(x.bulk);
	rc = app_end(a, e->code, e);
	if (journal)
		store_journal_bulk(a->st, 0);
	app_foreign_keys(a, 1);
	if (rc)
		res->imported = 0;
	for (i = 0; i < x.nnum; i++)
		free(x.nums[i].no);
	free(x.nums);
	free(x.rows);
	free(x.lines);
	free(x.done);
	free(x.roll.v);
	meet_att_buf_free(&x.buf);
	if (x.m) {
		meeting_cleanup(x.m);
		free(x.m);
	}
	if (rd)
		csv_reader_free(rd);
	return rc;
}
