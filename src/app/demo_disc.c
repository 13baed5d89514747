/* demo_disc.c - the demo region's discipline beyond the reprimands and warnings of the review
 * demo (docs/inspection.md "Discipline"): an expulsion (the member leaves the roll on the
 * effective date), a removal from post (the positions held end), and a reprimand recorded
 * after the member's grade of the last year was decided, which flags that review for revision
 * (the figures count it under revision, the worklist of the body that decided shows it). All
 * through app_discipline_add, as any user's decision; dated from the demo's today, so that the
 * limitation period and the dates hold. */
#include <stdio.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_cadres.h"
#include "app_int.h"
#include "app_report.h"

#define REGION "QK2"

struct pick {
	struct app *a;
	date_t before;            /* admitted before this day */
	int64_t skip[4];
	size_t nskip;
	int64_t id;
	int64_t org_id;
};

static int pick_member(void *ctx, const struct member *m)
{
	struct pick *p = ctx;
	size_t i;

	if (m->status != MS_OFFICIAL || m->temp_org_id || m->admission_decision_date == DATE_NONE ||
	    m->admission_decision_date >= p->before)
		return 0;
	for (i = 0; i < p->nskip; i++)
		if (p->skip[i] == m->id)
			return 0;
	p->id = m->id;
	p->org_id = m->org_id;
	return 1;
}

/* The grassroots organisation at or above org_id (its code into out). */
static enum err_code grassroots_of(struct app *a, int64_t org_id, char *out, size_t cap,
				   struct err *e)
{
	struct org o;

	while (org_id) {
		if (store_org_by_id(a->st, org_id, &o, e))
			return e->code;
		if (o.kind == OK_GRASSROOTS || o.kind == OK_COMMITTEE) {
			snprintf(out, cap, "%s", o.code);
			return ERR_OK;
		}
		org_id = o.parent_id;
	}
	return err_set(e, ERR_INTERNAL, "demo: no grassroots organisation above a cell");
}

struct holder {
	int64_t member_id;
};

static int first_holder(void *ctx, const struct holding *h)
{
	struct holder *x = ctx;

	if (h->valid_to != DATE_NONE || h->acting)
		return 0;
	x->member_id = h->member_id;
	return 1;
}

struct pos_pick {
	int64_t id;
};

static int first_key(void *ctx, const struct position *p)
{
	struct pos_pick *x = ctx;

	if (!p->is_key)
		return 0;
	x->id = p->id;
	return 1;
}

enum err_code demo_discipline(struct app *a, const struct actor *ac, struct err *e)
{
	struct discipline_in d;
	struct pick p;
	struct holder h = {0};
	struct pos_pick pp = {0};
	struct review_row rv;
	struct err tmp;
	date_t today = a->today;
	int y, mo, dd;
	char cell[ORG_CODE_MAX + 1] = "HG-CQ-TM";

	date_to_ymd(today, &y, &mo, &dd);
	memset(&p, 0, sizeof p);
	p.a = a;
	p.before = date_from_ymd(y - 6, 1, 1);
	/* a reprimand decided in December of the last year on a member whose grade of that year
	 * was already decided better than not complete: flagged for revision */
	while (1) {
		p.id = 0;
		if (app_member_list(a, ac, cell, DATE_NONE, 0, -1, pick_member, &p, e))
			return e->code;
		if (!p.id)
			return err_set(e, ERR_INTERNAL, "demo: no member to discipline in %s", cell);
		err_init(&tmp);
		if (!store_review_current(a->st, p.id, 0, y - 1, &rv, &tmp) &&
		    rv.grade >= 0 && rv.grade < G_NOT_COMPLETE) {
			err_cleanup(&tmp);
			break;
		}
		err_cleanup(&tmp);
		if (p.nskip == sizeof p.skip / sizeof p.skip[0])
			return err_set(e, ERR_INTERNAL, "demo: no decided review in %s", cell);
		p.skip[p.nskip++] = p.id;
	}
	memset(&d, 0, sizeof d);
	d.member_id = p.id;
	d.form = DF_REPRIMAND;
	d.date = date_from_ymd(y - 1, 12, 18);
	d.act_date = date_from_ymd(y - 1, 11, 20);
	d.notified_on = date_from_ymd(y - 1, 12, 22);
	snprintf(d.decision_no, sizeof d.decision_no, "%s", "58-QĐ/ĐU");
	if (grassroots_of(a, p.org_id, d.body, sizeof d.body, e))
		return e->code;
	snprintf(d.reason, sizeof d.reason, "%s",
		 "vi phạm quy định về sử dụng mạng xã hội, phát hiện sau khi đã xếp loại");
	if (app_discipline_add(a, ac, &d, NULL, e))
		return e->code;
	if (p.nskip < sizeof p.skip / sizeof p.skip[0])
		p.skip[p.nskip++] = p.id;
	/* an expulsion decided by the grassroots committee, taking effect a week later */
	p.id = 0;
	if (app_member_list(a, ac, cell, DATE_NONE, 0, -1, pick_member, &p, e))
		return e->code;
	if (!p.id)
		return err_set(e, ERR_INTERNAL, "demo: no member to expel in %s", cell);
	memset(&d, 0, sizeof d);
	d.member_id = p.id;
	d.form = DF_EXPULSION;
	d.date = today - 40;
	d.effective_on = today - 33;
	d.act_date = today - 120;
	d.notified_on = today - 38;
	snprintf(d.decision_no, sizeof d.decision_no, "%s", "61-QĐ/ĐU");
	if (grassroots_of(a, p.org_id, d.body, sizeof d.body, e))
		return e->code;
	snprintf(d.reason, sizeof d.reason, "%s",
		 "vi phạm nghiêm trọng kỷ luật quân đội, bị truy cứu trách nhiệm hình sự");
	if (app_discipline_add(a, ac, &d, NULL, e))
		return e->code;
	/* a removal from post: the holder of a key position of the province, by the region's
	 * standing committee; every post held ends */
	{
		struct org hg;

		if (app_org_get(a, ac, "HG", &hg, e) ||
		    app_positions(a, ac, "HG", DATE_NONE, first_key, &pp, e))
			return e->code;
		if (pp.id && app_holdings(a, ac, pp.id, today, first_holder, &h, e))
			return e->code;
	}
	if (!h.member_id)
		return ERR_OK; /* every key post of the province vacant: no removal to show */
	memset(&d, 0, sizeof d);
	d.member_id = h.member_id;
	d.form = DF_REMOVAL;
	d.date = today - 25;
	d.act_date = today - 200;
	d.notified_on = today - 24;
	snprintf(d.decision_no, sizeof d.decision_no, "%s", "112-QĐ/ĐU");
	snprintf(d.body, sizeof d.body, "%s", REGION);
	snprintf(d.reason, sizeof d.reason, "%s",
		 "thiếu trách nhiệm trong lãnh đạo, để xảy ra mất an toàn vũ khí tại đơn vị");
	return app_discipline_add(a, ac, &d, NULL, e);
}
