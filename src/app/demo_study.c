/* demo_study.c - the demo region's documents and their study (docs/study.md): the five
 * documents of the seeds registered, their study plans tier by tier as seed 003 tells it, a
 * session of each document held by every grassroots organisation (a cell outside any holds
 * its own) in the demo year with most present and a make-up session three weeks later for
 * the others (one organiser in four lags: fewer present, fewer at the make-up; about 95%
 * covered in all, members who joined since not yet),
 * and the action programmes of a few grassroots organisations with their year-end results.
 * Sessions and attendance go through the meetings' code (app_meeting.h), as any would. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_int.h"
#include "app_meeting.h"
#include "app_study.h"

#define DEMO_STUDY_SEED 0x57d1e5ULL

static const struct {
	const char *number, *issued, *title, *org; /* org: "" the root */
} docs[] = {
	{"21-NQ/TW", "2022-06-16",
	 "Nghị quyết Hội nghị lần thứ năm Ban Chấp hành Trung ương Đảng khóa XIII về tăng "
	 "cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên "
	 "trong giai đoạn mới", ""},
	{"35-CT/TW", "2024-06-14",
	 "Chỉ thị của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn "
	 "quốc lần thứ XIV của Đảng", ""},
	{"769-NQ/QUTW", "2012-12-21",
	 "Nghị quyết của Quân ủy Trung ương về xây dựng đội ngũ cán bộ quân đội giai đoạn "
	 "2013 - 2020 và những năm tiếp theo", ""},
	{"2008/HD-CT", "2022-09-15",
	 "Hướng dẫn của Tổng cục Chính trị về học tập, quán triệt và thực hiện nghị quyết trong "
	 "Đảng bộ Quân đội", ""},
	{"168-KH/ĐU", "2022-08-01",
	 "Kế hoạch của Đảng ủy Quân khu học tập, quán triệt, triển khai thực hiện Nghị quyết "
	 "21-NQ/TW", ""},
};
#define NDOCS (sizeof docs / sizeof docs[0])

struct organiser {
	char code[ORG_CODE_MAX + 1];
	long pre, last;
};

struct demo_study {
	struct app *a;
	const struct actor *ac;
	struct rng r;
	struct organiser *v;
	size_t n, cap;
	long gr_last; /* the grassroots organisation being walked: its last */
	char root[ORG_CODE_MAX + 1];
	long sessions, present;
};

static int collect(void *ctx, const struct study_org_cov *c)
{
	struct demo_study *d = ctx;
	int grassroots = !strcmp(c->kind, "grassroots");
	int lone_cell = !strcmp(c->kind, "cell") && c->pre > d->gr_last;

	if (!d->root[0])
		snprintf(d->root, sizeof d->root, "%s", c->code);
	if (!grassroots && !lone_cell)
		return 0;
	if (grassroots)
		d->gr_last = c->last;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	snprintf(d->v[d->n].code, sizeof d->v[d->n].code, "%s", c->code);
	d->v[d->n].pre = c->pre;
	d->v[d->n].last = c->last;
	d->n++;
	return 0;
}

/* A session of doc held by org on day (a make-up of makeup_of when not 0), its attendance
 * from the roll expected that day (but those of skip[0..nskip): present at the session made
 * up), present with the chance per mille, the others excused or absent. The present go to
 * *got (grown as needed; NULL: not wanted); *id (when not NULL) is the session's id. */
static enum err_code session(struct demo_study *d, const struct doc *doc, const char *org,
			     date_t day, int64_t makeup_of, const int64_t *skip, size_t nskip,
			     unsigned per_mille, int64_t **got, size_t *ngot, int64_t *id,
			     struct err *e)
{
	struct study_session s;
	struct meeting *m = xmalloc(sizeof *m);
	struct meet_attendance *rows = NULL;
	enum err_code rc;
	size_t i, j, n = 0;

	memset(&s, 0, sizeof s);
	s.document_id = doc->id;
	snprintf(s.org_code, sizeof s.org_code, "%s", org);
	s.on_date = day;
	s.starts_min = 7 * 60 + 30;
	s.ends_min = 11 * 60;
	s.makeup_of = makeup_of;
	snprintf(s.topic, sizeof s.topic, "%s %s", makeup_of ? "Học bù" : "Học tập, quán triệt",
		 doc->number);
	meeting_init(m);
	if ((rc = app_study_session_add(d->a, d->ac, &s, e)) ||
	    (rc = app_meeting_roll(d->a, d->ac, s.id, m, e)))
		goto out;
	d->sessions++;
	rows = xcalloc(m->n_att + 1, sizeof *rows);
	for (i = 0; i < m->n_att; i++) {
		const struct meet_attendance *x = &m->att[i];

		for (j = 0; j < nskip && skip[j] != x->member_id; j++)
			;
		if (j < nskip)
			continue;
		rows[n] = *x;
		if (x->status == AT_NOT_COUNTED) {
			rows[n].status = AT_ABSENT; /* stored as not counted, with the reason */
		} else if (rng_chance(&d->r, per_mille)) {
			rows[n].status = AT_PRESENT;
			rows[n].reason[0] = 0;
			d->present++;
		} else if (rng_chance(&d->r, 500)) {
			rows[n].status = AT_EXCUSED;
			snprintf(rows[n].reason, sizeof rows[n].reason, "%s",
				 rng_chance(&d->r, 500) ? "Đi công tác" : "Ốm, điều trị tại bệnh xá");
		} else {
			rows[n].status = AT_ABSENT;
			rows[n].reason[0] = 0;
		}
		if (rows[n].status == AT_PRESENT && got) {
			*got = xrealloc(*got, (*ngot + 1) * sizeof **got);
			(*got)[(*ngot)++] = x->member_id;
		}
		n++;
	}
	if (n)
		rc = app_meeting_attend(d->a, d->ac, s.id, rows, n, e);
	if (id)
		*id = s.id;
out:
	free(rows);
	meeting_cleanup(m);
	free(m);
	return rc;
}

static enum err_code plans(struct demo_study *d, const struct doc *doc, struct err *e)
{
	static const char *const tiers[] = {"regiment_up", "grassroots_members", "militia",
					    "reserve"};
	struct study_plan p;
	size_t i;
	enum err_code rc;

	for (i = 0; i < 4; i++) {
		memset(&p, 0, sizeof p);
		snprintf(p.org_code, sizeof p.org_code, "%s", d->root);
		snprintf(p.tier, sizeof p.tier, "%s", tiers[i]);
		if (i == 2)
			snprintf(p.category, sizeof p.category, "militia");
		else if (i == 3)
			snprintf(p.category, sizeof p.category, "reserve");
		p.deadline = date_from_ymd(2026, 10, 31);
		snprintf(p.note, sizeof p.note, "%s",
			 i == 0 ? "Đảng ủy Quân khu giới thiệu cho cán bộ cấp trung đoàn trở lên"
			 : i == 1 ? "Các đảng ủy cơ sở giới thiệu cho đảng viên"
			 : i == 2 ? "Chính trị viên ban chỉ huy quân sự xã phổ biến cho dân quân tự vệ"
				  : "Quân nhân dự bị học tập trong các đợt huấn luyện");
		if ((rc = app_study_plan_add(d->a, d->ac, doc->id, &p, e)))
			return rc;
	}
	return ERR_OK;
}

static enum err_code programmes(struct demo_study *d, const struct doc *doc, struct err *e)
{
	static const char *const items[] = {
		"Tổ chức học tập, quán triệt đến 100% cán bộ, đảng viên",
		"Xây dựng kế hoạch thực hiện của từng chi bộ",
		"Sơ kết, đánh giá kết quả thực hiện cuối năm",
	};
	struct action_programme p;
	struct action_item it;
	size_t i, k;
	enum err_code rc;

	for (i = 0; i < d->n && i < 8; i++) {
		memset(&p, 0, sizeof p);
		snprintf(p.org_code, sizeof p.org_code, "%s", d->v[i].code);
		p.document_id = doc->id;
		p.year = 2026;
		snprintf(p.title, sizeof p.title, "Chương trình hành động thực hiện %s", doc->number);
		if ((rc = app_action_add(d->a, d->ac, &p, e)))
			return rc;
		for (k = 0; k < 3; k++) {
			memset(&it, 0, sizeof it);
			snprintf(it.text, sizeof it.text, "%s", items[k]);
			snprintf(it.owner, sizeof it.owner, "%s", k ? "Bí thư chi bộ" : "Đảng ủy");
			it.due_on = date_from_ymd(2026, 3 + (int)k * 4, 28);
			if ((rc = app_action_item_add(d->a, d->ac, p.id, &it, e)))
				return rc;
			if (k < 2 && (rc = app_action_result(d->a, d->ac, p.id, it.seq,
							      k == 0 || rng_chance(&d->r, 700),
							      k == 0 ? "Hoàn thành" : "Đang thực hiện",
							      date_from_ymd(2026, 9, 30), e)))
				return rc;
		}
	}
	return ERR_OK;
}

enum err_code demo_study(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_study d;
	struct doc doc;
	enum err_code rc = ERR_OK;
	size_t k, i;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	d.gr_last = -1;
	rng_seed(&d.r, DEMO_STUDY_SEED);
	/* the organisers: every grassroots organisation, and the cells outside any */
	if ((rc = store_study_coverage(a->st, 0, 1, 1L << 40, 1, collect, &d, e)))
		return rc;
	if (!d.root[0])
		return err_set(e, ERR_INTERNAL, "the demo's tree is empty");
	for (k = 0; k < NDOCS && !rc; k++) {
		date_t issued, day;

		date_parse(docs[k].issued, &issued, NULL);
		if ((rc = app_doc_add(a, ac, docs[k].number, issued, docs[k].title, NULL,
				      docs[k].org[0] ? docs[k].org : d.root, &doc, e)))
			break;
		if ((rc = plans(&d, &doc, e)))
			break;
		day = date_from_ymd(2026, 2 + (int)k, 10);
		for (i = 0; i < d.n && !rc; i++) {
			int64_t *got = NULL, sid = 0;
			size_t ngot = 0;
			/* one organiser in four lags: fewer present, fewer at the make-up */
			int lags = rng_chance(&d.r, 250);

			rc = session(&d, &doc, d.v[i].code, day + (long)(i % 9), 0, NULL, 0,
				     lags ? 800 : 940, &got, &ngot, &sid, e);
			if (!rc)
				rc = session(&d, &doc, d.v[i].code, day + 21 + (long)(i % 9), sid,
					     got, ngot, lags ? 400 : 1000, NULL, NULL, NULL, e);
			free(got);
		}
		if (!rc && k < 2)
			rc = programmes(&d, &doc, e);
	}
	free(d.v);
	if (rc)
		err_add(e, rc, 0, NULL, NULL, NULL,
			"the demo's study of documents stopped after %ld sessions", d.sessions);
	return rc;
}
