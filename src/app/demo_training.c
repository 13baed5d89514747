/* demo_training.c - the demo's training records (issue 13, docs/cadres.md "Training"): for
 * every committee and grassroots organisation of the demo region, its first two members on
 * the roll (the demo has no positions yet: they stand for its key cadres) get a course each,
 * of every kind in turn, starting in 2024, 2025 or 2026 (some still under way); and one
 * account of the organisation department, tochuc.demo (clerk on QK2, with the personnel
 * right), to read them. Deterministic; the rows go through the store in one transaction
 * with one audit entry, each checked by training_apply as any other record is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_training.h"

#define DEMO_TRAINING_ACCOUNT "tochuc.demo"
#define DEMO_TRAINING_PASSWORD "canbo-tochuc-2026"

static const struct {
	const char *course, *school;
} courses[TK__COUNT][2] = {
	[TK_LONG_TERM] = {{"Cao cấp lý luận chính trị", "Học viện Chính trị"},
			  {"Đào tạo chỉ huy tham mưu cấp trung đoàn", "Học viện Lục quân"}},
	[TK_IN_SERVICE] = {{"Trung cấp lý luận chính trị - hành chính (tại chức)",
			    "Trường Quân sự Quân khu 2"},
			   {"Đại học Xây dựng Đảng và chính quyền nhà nước (vừa làm vừa học)",
			    "Trường Sĩ quan Chính trị"}},
	[TK_SCHOOL] = {{"Bồi dưỡng chính trị viên cấp đại đội", "Trường Quân sự Quân khu 2"},
		       {"Đào tạo chỉ huy cấp phân đội", "Trường Sĩ quan Lục quân 1"}},
	[TK_SHORT] = {{"Bồi dưỡng cán bộ chủ trì cơ quan, đơn vị", "Quân khu 2"},
		      {"Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3", "Quân khu 2"}},
};
static const char *const results[] = {"Giỏi", "Khá", "Xuất sắc", "Trung bình khá"};

struct demo_tr {
	struct app *a;
	const struct actor *ac;
	struct err *e;
	long orgs, rows;
	int took;
	int64_t *ids;
	size_t n, cap;
};

static int org_seen(void *ctx, const struct org *o)
{
	struct demo_tr *d = ctx;

	if (o->kind != OK_COMMITTEE && o->kind != OK_GRASSROOTS)
		return 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->ids = xrealloc(d->ids, d->cap * sizeof *d->ids);
	}
	d->ids[d->n++] = o->id;
	return 0;
}

static int member_seen(void *ctx, const struct member *m)
{
	struct demo_tr *d = ctx;
	struct training t;
	struct training_input in;
	char from[DATE_STR], to[DATE_STR], cert[32];
	long i = d->rows;
	int k = (int)(i % TK__COUNT), y = 2024 + (int)(i / 4 % 3), open = i % 7 == 3;
	date_t f = date_from_ymd(y, 1 + (int)(i % 10), 1 + (int)(i % 20));
	date_t end = k == TK_LONG_TERM ? date_add_months(f, 10)
		     : k == TK_SHORT  ? f + 14
				      : date_add_months(f, 4);

	if (m->status != MS_OFFICIAL)
		return 0;
	snprintf(cert, sizeof cert, "QK2-%d-%04ld", y, i + 1);
	memset(&in, 0, sizeof in);
	in.course = courses[k][i / 4 % 2].course;
	in.school = courses[k][i / 4 % 2].school;
	in.kind = training_kind_name((enum training_kind)k);
	in.from = date_format(f, from);
	in.to = open || end > d->a->today ? "" : date_format(end, to);
	in.result = in.to[0] ? results[i % 4] : "";
	in.certificate = in.to[0] ? cert : "";
	in.note = "";
	training_init(&t);
	if (training_apply(&t, &in, 0, d->e))
		return 1;
	t.member_id = m->id;
	t.org_id = m->org_id;
	if (store_training_insert(d->a->st, &t, d->ac->name, d->e))
		return 1;
	d->rows++;
	return ++d->took >= 2;
}

enum err_code demo_training(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_tr d;
	struct org qk;
	char *after;
	enum err_code rc;
	size_t i;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	d.e = e;
	if ((rc = store_org_by_code(a->st, "QK2", &qk, e)))
		return rc;
	if ((rc = store_org_walk(a->st, qk.pre, qk.last, -1, org_seen, &d, e)))
		goto out;
	if ((rc = app_begin(a, e)))
		goto out;
	for (i = 0; i < d.n && !e->code; i++) {
		struct org o;

		d.took = 0;
		if (store_org_by_id(a->st, d.ids[i], &o, e) ||
		    store_member_of_org(a->st, o.id, 1, member_seen, &d, e))
			break;
		if (!d.took)
			store_member_list(a->st, o.pre, o.last, 0, 0, 6, member_seen, &d, e);
	}
	if (!e->code) {
		after = app_json("{s:I}", "records", (json_int_t)d.rows);
		app_audit(a, ac, "demo.training", "org:QK2", qk.id, NULL, after, e);
		free(after);
	}
	if ((rc = app_end(a, e->code, e)))
		goto out;
	/* The organisation department's account, to read them. */
	if ((rc = app_account_add(a, ac, DEMO_TRAINING_ACCOUNT, DEMO_TRAINING_PASSWORD, ROLE_CLERK,
				  "QK2", e)))
		goto out;
	rc = app_account_personnel(a, ac, DEMO_TRAINING_ACCOUNT, 1, e);
out:
	free(d.ids);
	return rc;
}
