/* demo_complaint.c - the demo's complaints and denunciations (issue 14, docs/inspection.md
 * "Complaints and denunciations"): for every organisation directly under the region (each
 * province's military command, each division, agency and school), complaints against two of
 * its discipline decisions (those the demo recorded, or two recorded here through
 * app_discipline_add with the act's date, the decision's number and the notice date), settled
 * in turn kept, reduced, annulled and raised, some still open (one past due), and a
 * denunciation about a member, settled founded, partly founded or unfounded; every third a
 * denunciation about a grassroots organisation, still open. Deterministic; each row is lodged
 * and settled by the app calls, with every rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_complaint.h"
#include "app_int.h"
#include "app_report.h"

struct ids {
	int64_t *v;
	size_t n, cap;
};

static void ids_add(struct ids *l, int64_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

static int org_seen(void *ctx, const struct org *o)
{
	if (o->kind == OK_COMMITTEE || o->kind == OK_GRASSROOTS)
		ids_add(ctx, o->id);
	return 0;
}

/* The decisions of a subtree in force, on members, old enough to be complained of and
 * settled. */
struct pick {
	date_t before;
	struct discipline_rec v[3];
	size_t n;
};

static int disc_seen(void *ctx, const struct discipline_rec *d)
{
	struct pick *p = ctx;

	if (p->n < 3 && d->member_id && d->date <= p->before &&
	    !strcmp(d->state[0] ? d->state : "in_force", "in_force"))
		p->v[p->n++] = *d;
	return p->n >= 3;
}

/* Official members of a subtree admitted long ago, to discipline or denounce. */
struct roll {
	date_t admitted_before;
	struct member v[8];
	size_t n;
	long seen;
};

static int member_seen(void *ctx, const struct member *m)
{
	struct roll *r = ctx;

	r->seen++;
	if (r->n < 8 && m->status == MS_OFFICIAL && m->official_date != DATE_NONE &&
	    m->official_date < r->admitted_before && (r->seen % 7) == 3)
		r->v[r->n++] = *m;
	return r->n >= 8;
}

/* A call refused by a rule is skipped (the demo's records vary); anything else stops. */
static int skipped(struct err *one, struct err *e)
{
	if (one->code == ERR_OK)
		return 0;
	if (one->code == ERR_RULE || one->code == ERR_INPUT || one->code == ERR_NOTFOUND) {
		err_clear(one);
		return 1;
	}
	err_merge(e, one);
	return -1;
}

enum demo_outcome { DO_REDUCED, DO_KEPT, DO_ANNULLED, DO_RAISED, DO_OPEN, DO__COUNT };

static enum err_code one_complaint(struct app *a, const struct actor *ac,
				   const struct discipline_rec *d, int turn, struct err *e)
{
	struct complaint_in in;
	struct complaint_settle_in s;
	struct err one;
	int64_t id = 0;
	enum demo_outcome o = (enum demo_outcome)(turn % DO__COUNT);
	date_t base = d->notified_on ? d->notified_on : d->date;
	int rc;

	memset(&in, 0, sizeof in);
	in.kind = CK_COMPLAINT;
	in.discipline_id = d->id;
	in.lodged_on = base + 5 + turn % 20;
	if (in.lodged_on > a->today)
		return ERR_OK;
	in.content = o == DO_ANNULLED ? "Đề nghị xem xét lại: hành vi vi phạm chưa được xác minh đầy "
					"đủ, không có biên bản kiểm điểm tại chi bộ"
				      : "Đề nghị xem xét lại hình thức kỷ luật: bản thân đã nhận "
					"khuyết điểm, khắc phục hậu quả";
	in.from_name = d->member_name;
	err_init(&one);
	app_complaint_add(a, ac, &in, &id, &one);
	if ((rc = skipped(&one, e))) {
		err_cleanup(&one);
		return rc < 0 ? e->code : ERR_OK;
	}
	memset(&s, 0, sizeof s);
	s.id = id;
	s.form = -1;
	s.on = in.lodged_on + 35 + turn % 40;
	if (o == DO_OPEN || s.on > a->today) {
		err_cleanup(&one);
		return ERR_OK;
	}
	if (o == DO_REDUCED && d->form == DF_REPRIMAND)
		o = DO_RAISED;
	switch (o) {
	case DO_REDUCED:
		s.outcome = CO_REDUCED;
		s.form = (int)d->form - 1;
		s.text = "Giảm hình thức kỷ luật: đảng viên vi phạm lần đầu, thành khẩn nhận khuyết "
			 "điểm";
		break;
	case DO_ANNULLED:
		s.outcome = CO_ANNULLED;
		s.text = "Xóa bỏ quyết định kỷ luật: không đủ căn cứ kết luận vi phạm";
		break;
	case DO_RAISED:
		s.outcome = CO_RAISED;
		s.form = (int)d->form + 1;
		s.text = "Tăng hình thức kỷ luật: vi phạm có tính chất nghiêm trọng hơn kết luận ban đầu";
		break;
	default:
		s.outcome = CO_KEPT;
		s.text = "Giữ nguyên hình thức kỷ luật";
		break;
	}
	app_complaint_settle(a, ac, &s, NULL, &one);
	if ((rc = skipped(&one, e)) > 0) {
		/* A reduction or a raise the rules refuse here: the decision is kept. */
		s.outcome = CO_KEPT;
		s.form = -1;
		s.text = "Giữ nguyên hình thức kỷ luật";
		app_complaint_settle(a, ac, &s, NULL, &one);
		rc = skipped(&one, e);
	}
	err_cleanup(&one);
	return rc < 0 ? e->code : ERR_OK;
}

/* Two decisions on members of org (its own, or recorded here) with complaints; a
 * denunciation about a member; every third organisation one about a grassroots one. */
static enum err_code org_complaints(struct app *a, const struct actor *ac, const struct org *o,
				    int turn, struct err *e)
{
	static const enum complaint_outcome den[] = {CO_FOUNDED, CO_PARTLY_FOUNDED, CO_UNFOUNDED};
	struct pick p;
	struct roll r;
	struct err one;
	size_t i;
	enum err_code rc = ERR_OK;
	int bad;

	memset(&p, 0, sizeof p);
	p.before = a->today - 60;
	{
		struct discipline_filter df = {o->code, 0, -1, "in_force"};

		if (app_discipline_list(a, ac, &df, disc_seen, &p, e))
			return e->code;
	}
	memset(&r, 0, sizeof r);
	r.admitted_before = a->today - 5 * 365;
	if (app_member_list(a, ac, o->code, DATE_NONE, 0, 2000, member_seen, &r, e))
		return e->code;
	err_init(&one);
	for (i = 0; p.n < 2 && i < r.n; i++) {
		struct discipline_in d;
		int64_t id = 0;

		memset(&d, 0, sizeof d);
		d.member_id = r.v[i].id;
		d.form = p.n ? DF_REPRIMAND : DF_WARNING;
		d.date = a->today - 150 - 23 * (date_t)((turn + (int)p.n) % 9);
		d.act_date = d.date - 45;
		d.notified_on = d.date + 4;
		snprintf(d.decision_no, sizeof d.decision_no, "%d-QĐ/ĐU", 20 + turn * 3 + (int)p.n);
		snprintf(d.body, sizeof d.body, "%s", r.v[i].org_code);
		snprintf(d.reason, sizeof d.reason, "%s",
			 p.n ? "Vi phạm quy định về chế độ sinh hoạt đảng"
			     : "Vi phạm quy định quản lý, sử dụng tài chính, tài sản của đơn vị");
		app_discipline_add(a, ac, &d, &id, &one);
		bad = skipped(&one, e);
		if (bad < 0) {
			err_cleanup(&one);
			return e->code;
		}
		if (bad)
			continue;
		memset(&p.v[p.n], 0, sizeof p.v[p.n]);
		p.v[p.n].id = id;
		p.v[p.n].member_id = d.member_id;
		snprintf(p.v[p.n].member_name, sizeof p.v[p.n].member_name, "%s", r.v[i].full_name);
		p.v[p.n].form = d.form;
		p.v[p.n].date = d.date;
		p.v[p.n].notified_on = d.notified_on;
		p.n++;
	}
	for (i = 0; i < p.n && i < 2; i++)
		if ((rc = one_complaint(a, ac, &p.v[i], turn * 2 + (int)i, e)))
			goto out;
	if (r.n) {
		struct complaint_in in;
		struct complaint_settle_in s;
		int64_t id = 0;

		memset(&in, 0, sizeof in);
		in.kind = CK_DENUNCIATION;
		in.member_id = r.v[r.n - 1].id;
		in.lodged_on = a->today - 100 - 9 * (turn % 20);
		in.from_name = "Quần chúng nhân dân (đơn có ký tên)";
		in.content = "Tố cáo đảng viên vi phạm quy định về những điều đảng viên không được "
			     "làm: nhận tiền của cá nhân để can thiệp việc tuyển quân";
		app_complaint_add(a, ac, &in, &id, &one);
		if ((bad = skipped(&one, e)) < 0) {
			rc = e->code;
			goto out;
		}
		if (!bad) {
			memset(&s, 0, sizeof s);
			s.id = id;
			s.form = -1;
			s.outcome = den[turn % 3];
			s.on = in.lodged_on + 45;
			s.text = s.outcome == CO_UNFOUNDED ? "Nội dung tố cáo không đúng sự thật"
							   : "Nội dung tố cáo có căn cứ; đề nghị "
							     "xem xét xử lý";
			app_complaint_settle(a, ac, &s, NULL, &one);
			if (skipped(&one, e) < 0) {
				rc = e->code;
				goto out;
			}
		}
	}
	if (turn % 3 == 0 && o->kind == OK_COMMITTEE) {
		struct ids g = {NULL, 0, 0};
		struct org t;
		struct complaint_in in;

		if (store_org_children(a->st, o->id, org_seen, &g, e)) {
			free(g.v);
			rc = e->code;
			goto out;
		}
		if (g.n && store_org_by_id(a->st, g.v[0], &t, e) == ERR_OK) {
			memset(&in, 0, sizeof in);
			in.kind = CK_DENUNCIATION;
			in.org_code = t.code;
			in.lodged_on = a->today - 20 - turn % 50;
			in.content = "Tố cáo cấp ủy buông lỏng lãnh đạo, để xảy ra sai phạm trong quản "
				     "lý doanh trại";
			app_complaint_add(a, ac, &in, NULL, &one);
			if (skipped(&one, e) < 0)
				rc = e->code;
		}
		free(g.v);
	}
out:
	err_cleanup(&one);
	return rc ? rc : e->code;
}

enum err_code demo_complaints(struct app *a, const struct actor *ac, struct err *e)
{
	struct ids l = {NULL, 0, 0};
	struct org qk, o;
	size_t i;
	enum err_code rc;

	if ((rc = store_org_by_code(a->st, "QK2", &qk, e)))
		return rc;
	if ((rc = store_org_children(a->st, qk.id, org_seen, &l, e)))
		goto out;
	for (i = 0; i < l.n && !rc; i++) {
		if ((rc = store_org_by_id(a->st, l.v[i], &o, e)))
			break;
		rc = org_complaints(a, ac, &o, (int)i, e);
	}
out:
	free(l.v);
	return rc;
}
