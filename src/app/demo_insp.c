/* demo_insp.c - the demo's inspection and supervision (issue 14, docs/inspection.md): for
 * every year 2020-2026, the programmes of inspection and of supervision of the region's
 * committee and of its inspection committee, of every committee directly under the region
 * (the provinces, the divisions) and of the first grassroots committee under each; their
 * items on the organisations below and cases opened from them; a few cases on signs of
 * violation outside the programme on members; conclusions of every kind, most notified and
 * closed, some of this year late or not yet notified (the worklist shows them); for the
 * cases on signs of violation concluded violation_discipline, the discipline recorded
 * through app_discipline_add with its case, act date, number, the inspection committee as
 * the body and the notice (valid under R-DISCIPLINE-AUTHORITY and R-DISCIPLINE-LIMITATION);
 * and the inspection committee's account kiemtra.demo (clerk on QK2 with the inspection
 * right, without the personnel right). Deterministic: fixed dates, none after 2026-10-31.
 * Everything goes through the app layer in one transaction (app_nest_begin). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_insp.h"
#include "app_int.h"
#include "app_report.h"

#define DEMO_INSP_ACCOUNT "kiemtra.demo"
#define DEMO_INSP_PASSWORD "uykiemtra-2026"
#define FIRST_YEAR 2020
#define LAST_YEAR 2026

struct orgs {
	struct org *v;
	size_t n, cap;
};

static int org_push(void *ctx, const struct org *o)
{
	struct orgs *l = ctx;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 32;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = *o;
	return 0;
}

struct demo_insp {
	struct app *a;
	const struct actor *ac;
	struct err *e;
	long cases, n;      /* cases opened; a counter choosing outcomes */
	long qd_no, ub_no;  /* running decision numbers, per kind of body (made unique by org) */
};

/* The member of subtree o to inspect: an official member admitted before 2015, the k-th. */
struct pick {
	long skip;
	struct member m;
	int found;
};

static int pick_member(void *ctx, const struct member *m)
{
	struct pick *p = ctx;

	if (m->status != MS_OFFICIAL || m->admission_decision_date == DATE_NONE ||
	    m->admission_decision_date >= date_from_ymd(2015, 1, 1))
		return 0;
	if (p->skip-- > 0)
		return 0;
	p->m = *m;
	p->found = 1;
	return 1;
}

static char *fmt_date(date_t d, char *out)
{
	return date_format(d, out);
}

/* Conclude (and notify, follow up, close as the year allows) case c opened on open_on. */
static enum err_code steps(struct demo_insp *d, const struct insp_case *c, int year,
			   const char *body_tag, int member, enum insp_conclusion want,
			   const char *proposal)
{
	struct insp_step_in in;
	char on[DATE_STR], no[40];
	date_t concl = c->period_to + 5, notice = concl + 7;
	long n = d->n++;

	/* This year's: some left open past their period (late), some concluded and not yet
	 * notified. */
	if (year == LAST_YEAR && n % 3 == 0)
		return ERR_OK;
	memset(&in, 0, sizeof in);
	in.on = fmt_date(concl, on);
	in.conclusion = insp_conclusion_name(want);
	in.proposal = want == ICN_VIOLATION_DISCIPLINE ? proposal : NULL;
	in.findings = want == ICN_NO_VIOLATION
			      ? "Thực hiện đúng quy định, không có vi phạm."
		      : member ? "Có vi phạm quy định về những điều đảng viên không được làm."
			       : "Có thiếu sót trong lãnh đạo, chỉ đạo thực hiện nhiệm vụ.";
	snprintf(no, sizeof no, "%ld-KL/%s", ++d->ub_no, body_tag);
	in.doc_no = no;
	if (app_insp_case_step(d->a, d->ac, c->id, IA_CONCLUDE, &in, NULL, d->e))
		return d->e->code;
	if (year == LAST_YEAR && n % 3 == 1)
		return ERR_OK;
	memset(&in, 0, sizeof in);
	in.on = fmt_date(notice, on);
	snprintf(no, sizeof no, "%ld-TB/%s", ++d->ub_no, body_tag);
	in.doc_no = no;
	if (app_insp_case_step(d->a, d->ac, c->id, IA_NOTIFY, &in, NULL, d->e))
		return d->e->code;
	if (year >= LAST_YEAR - 1 || want == ICN_NO_VIOLATION)
		goto close;
	memset(&in, 0, sizeof in);
	in.on = fmt_date(notice + 60, on);
	in.text = "Đã tổ chức kiểm điểm, khắc phục các thiếu sót theo kết luận.";
	if (app_insp_case_step(d->a, d->ac, c->id, IA_FOLLOWUP, &in, NULL, d->e))
		return d->e->code;
	notice += 60;
close:
	if (year == LAST_YEAR)
		return ERR_OK;
	memset(&in, 0, sizeof in);
	in.on = fmt_date(notice + 10, on);
	return app_insp_case_step(d->a, d->ac, c->id, IA_CLOSE, &in, NULL, d->e);
}

/* The programmes of body (org o, committee or inspection) for every year, with items on the
 * organisations of targets (cycled) and a case from the first nitems_case of them. */
static enum err_code programmes(struct demo_insp *d, const struct org *o, enum insp_body body,
				enum insp_pkind kind, const struct orgs *targets, int nitems,
				int ncases)
{
	static const char *const contents[] = {
		"Lãnh đạo, chỉ đạo thực hiện nghị quyết của cấp ủy cấp trên",
		"Thực hiện quy chế làm việc và nguyên tắc tập trung dân chủ",
		"Quản lý tài chính đảng, thu, nộp đảng phí",
		"Việc thi hành kỷ luật và thực hiện chế độ sinh hoạt đảng",
	};
	const char *tag = body == IB_INSPECTION ? "UBKT" : "ĐU";
	int y, k;

	if (!targets->n)
		return ERR_OK;
	for (y = FIRST_YEAR; y <= LAST_YEAR; y++) {
		struct insp_programme_in pin;
		struct insp_programme p;
		char year[16], appr[DATE_STR], doc[40], title[300];

		snprintf(year, sizeof year, "%d", y);
		snprintf(doc, sizeof doc, "%d-CTr/%s", y - 2000 + (kind == IPK_SUPERVISION ? 40 : 0),
			 tag);
		snprintf(title, sizeof title, "Chương trình %s năm %d của %s",
			 kind == IPK_INSPECTION ? "kiểm tra" : "giám sát", y,
			 body == IB_INSPECTION ? "Ủy ban Kiểm tra" : "Ban Thường vụ");
		memset(&pin, 0, sizeof pin);
		pin.org = o->code;
		pin.body = insp_body_name(body);
		pin.year = year;
		pin.kind = insp_pkind_name(kind);
		pin.title = title;
		pin.approved_on = fmt_date(date_from_ymd(y - 1, 12, 20), appr);
		pin.doc_no = doc;
		if (app_insp_programme_add(d->a, d->ac, &pin, &p, d->e))
			return d->e->code;
		for (k = 0; k < nitems; k++) {
			const struct org *t = &targets->v[(size_t)(y + k) % targets->n];
			struct insp_item_in iin;
			struct insp_item it;
			int month = 3 + 3 * k;
			enum insp_kind ik = kind == IPK_SUPERVISION ? (k % 2 ? IK_THEMATIC : IK_REGULAR)
						: k == 1 ? IK_FINANCE
						: k == 2 ? IK_DISCIPLINE_EXEC
							 : IK_PLAN;
			char f[DATE_STR], to[DATE_STR];

			memset(&iin, 0, sizeof iin);
			iin.org = t->code;
			iin.kind = insp_kind_name(ik);
			iin.from = fmt_date(date_from_ymd(y, month, 1), f);
			iin.to = fmt_date(date_from_ymd(y, month, 25), to);
			iin.content = contents[(size_t)(y + k) % 4];
			if (app_insp_item_add(d->a, d->ac, p.id, &iin, &it, d->e))
				return d->e->code;
			if (k < ncases) {
				struct insp_open_in cin;
				struct insp_case c;
				char item[24], no[40], don[DATE_STR], cf[DATE_STR], ct[DATE_STR];
				enum insp_conclusion want;
				long n = d->n;

				memset(&cin, 0, sizeof cin);
				snprintf(item, sizeof item, "%lld", (long long)it.id);
				snprintf(no, sizeof no, "%ld-QĐ/%s", ++d->qd_no, tag);
				cin.item_id = item;
				cin.decision_no = no;
				cin.decision_on = fmt_date(it.planned_from, don);
				cin.from = fmt_date(it.planned_from + 1, cf);
				cin.to = fmt_date(it.planned_to, ct);
				cin.team = body == IB_INSPECTION ? "Tổ kiểm tra của Ủy ban Kiểm tra"
								 : "Đoàn kiểm tra, giám sát của Ban Thường vụ";
				if (app_insp_case_open(d->a, d->ac, &cin, &c, d->e))
					return d->e->code;
				d->cases++;
				want = n % 4 == 0 ? ICN_VIOLATION
				       : n % 9 == 5 ? ICN_VIOLATION_DISCIPLINE
						    : ICN_NO_VIOLATION;
				if (steps(d, &c, y, tag, 0, want, n % 2 ? "reprimand" : "warning"))
					return d->e->code;
			}
		}
	}
	return ERR_OK;
}

/* Cases on signs of violation outside the programme, on members of committee o's subtree,
 * by its inspection committee, in 2021, 2023 and 2025: concluded violation_discipline and
 * the discipline (a warning or a reprimand) decided and notified. */
static enum err_code signs(struct demo_insp *d, const struct org *o, int idx)
{
	static const int years[] = {2021, 2023, 2025, 2026};
	size_t i;

	for (i = 0; i < sizeof years / sizeof years[0]; i++) {
		struct pick pk;
		struct insp_open_in cin;
		struct insp_case c;
		struct discipline_in di;
		int y = years[i];
		date_t dec = date_from_ymd(y, 4 + idx % 6, 5 + (int)i), decided;
		char mid[24], no[40], don[DATE_STR], cf[DATE_STR], ct[DATE_STR];
		const char *form = (idx + (int)i) % 2 ? "reprimand" : "warning";

		memset(&pk, 0, sizeof pk);
		pk.skip = idx + (long)i * 3;
		if (store_member_list(d->a->st, o->pre, o->last, 0, 0, 400, pick_member, &pk, d->e))
			return d->e->code;
		if (!pk.found)
			continue;
		memset(&cin, 0, sizeof cin);
		snprintf(mid, sizeof mid, "%lld", (long long)pk.m.id);
		snprintf(no, sizeof no, "%ld-QĐ/UBKT", ++d->qd_no);
		cin.member_id = mid;
		cin.body_org = o->code;
		cin.body = "inspection";
		cin.kind = "signs";
		cin.decision_no = no;
		cin.decision_on = fmt_date(dec, don);
		cin.from = fmt_date(dec + 2, cf);
		cin.to = fmt_date(dec + 40, ct);
		cin.team = "Tổ kiểm tra khi có dấu hiệu vi phạm";
		cin.content = "Kiểm tra khi có dấu hiệu vi phạm trong thực hiện nhiệm vụ được giao";
		if (app_insp_case_open(d->a, d->ac, &cin, &c, d->e))
			return d->e->code;
		d->cases++;
		if (y == LAST_YEAR) /* this year's: still open, late */
			continue;
		d->n = 2; /* conclude, notify and close */
		if (steps(d, &c, y, "UBKT", 1, ICN_VIOLATION_DISCIPLINE, form))
			return d->e->code;
		/* The discipline decided on the case's conclusion by the inspection committee. */
		decided = c.period_to + 5 + 20;
		memset(&di, 0, sizeof di);
		di.member_id = pk.m.id;
		di.form = (enum discipline_form)discipline_form_parse(form);
		di.date = decided;
		snprintf(di.body, sizeof di.body, "%s", o->code);
		snprintf(di.reason, sizeof di.reason, "%s",
			 "Vi phạm quy định về những điều đảng viên không được làm (kết luận kiểm tra "
			 "khi có dấu hiệu vi phạm)");
		di.act_date = dec - 90;
		snprintf(di.decision_no, sizeof di.decision_no, "%ld-QĐ/UBKT", ++d->qd_no);
		di.inspection = 1;
		di.case_id = c.id;
		di.notified_on = decided + 3;
		if (app_discipline_add(d->a, d->ac, &di, NULL, d->e))
			return d->e->code;
	}
	return ERR_OK;
}

static int first_grassroots(void *ctx, const struct org *o)
{
	struct orgs *l = ctx;

	if (o->kind == OK_GRASSROOTS && !l->n) {
		org_push(l, o);
		return 1;
	}
	return 0;
}

enum err_code demo_inspection(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_insp d;
	struct orgs top, comm, grass;
	struct org qk;
	char *after;
	enum err_code rc;
	size_t i;

	memset(&d, 0, sizeof d);
	memset(&top, 0, sizeof top);
	memset(&comm, 0, sizeof comm);
	d.a = a;
	d.ac = ac;
	d.e = e;
	if ((rc = store_org_by_code(a->st, "QK2", &qk, e)) ||
	    (rc = store_org_children(a->st, qk.id, org_push, &top, e)))
		goto out;
	for (i = 0; i < top.n; i++)
		if (top.v[i].kind == OK_COMMITTEE)
			org_push(&comm, &top.v[i]);
	if ((rc = app_nest_begin(a, e)))
		goto out;
	/* The region: its committee's programmes over every organisation under it, its
	 * inspection committee's over the committees. */
	if ((rc = programmes(&d, &qk, IB_COMMITTEE, IPK_INSPECTION, &top, 2, 1)) ||
	    (rc = programmes(&d, &qk, IB_COMMITTEE, IPK_SUPERVISION, &top, 1, 1)) ||
	    (rc = programmes(&d, &qk, IB_INSPECTION, IPK_INSPECTION, &comm, 3, 2)) ||
	    (rc = programmes(&d, &qk, IB_INSPECTION, IPK_SUPERVISION, &comm, 1, 0)))
		goto end;
	for (i = 0; i < comm.n; i++) {
		struct orgs below;

		memset(&below, 0, sizeof below);
		memset(&grass, 0, sizeof grass);
		rc = store_org_children(a->st, comm.v[i].id, org_push, &below, e);
		if (!rc)
			rc = store_org_children(a->st, comm.v[i].id, first_grassroots, &grass, e);
		if (!rc)
			rc = programmes(&d, &comm.v[i], IB_INSPECTION, IPK_INSPECTION, &below, 2, 1);
		if (!rc)
			rc = programmes(&d, &comm.v[i], IB_COMMITTEE, IPK_SUPERVISION, &below, 1,
					i % 3 == 0);
		if (!rc && grass.n && i % 2 == 0) {
			struct orgs cells;

			memset(&cells, 0, sizeof cells);
			rc = store_org_children(a->st, grass.v[0].id, org_push, &cells, e);
			if (!rc)
				rc = programmes(&d, &grass.v[0], IB_INSPECTION, IPK_INSPECTION,
						&cells, 1, 1);
			free(cells.v);
		}
		if (!rc)
			rc = signs(&d, &comm.v[i], (int)i);
		free(below.v);
		free(grass.v);
		if (rc)
			goto end;
	}
	after = app_json("{s:I}", "cases", (json_int_t)d.cases);
	rc = app_audit(a, ac, "demo.inspection", "org:QK2", qk.id, NULL, after, e);
	free(after);
end:
	if ((rc = app_nest_end(a, rc ? rc : e->code, e)))
		goto out;
	/* The inspection committee's account. */
	if ((rc = app_account_add(a, ac, DEMO_INSP_ACCOUNT, DEMO_INSP_PASSWORD, ROLE_CLERK, "QK2",
				  e)))
		goto out;
	rc = app_account_inspection(a, ac, DEMO_INSP_ACCOUNT, 1, e);
out:
	free(top.v);
	free(comm.v);
	return rc;
}
