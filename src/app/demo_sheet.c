/* demo_sheet.c - the demo's own assessments of key cadres (issue 13, docs/cadres.md "The
 * cadre's sheet and assessment"): every holder of a key position of the demo region today
 * gets an own assessment of each of the two years before today's, with a health class
 * (mostly 1 or 2, some 3); the first holder's later year is revised once, so that the
 * revisions show. Deterministic; one transaction, one audit entry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "app_int.h"
#include "app_sheet.h"

static const char *const selves[] = {
	"Hoàn thành tốt chức trách, nhiệm vụ được giao; giữ vững phẩm chất chính trị, đạo đức, "
	"lối sống; lãnh đạo đơn vị hoàn thành các chỉ tiêu huấn luyện, sẵn sàng chiến đấu.",
	"Chủ động tham mưu cho cấp ủy về công tác đảng, công tác chính trị; đoàn kết, gương mẫu; "
	"đơn vị đạt danh hiệu đơn vị quyết thắng.",
	"Thực hiện nghiêm nguyên tắc tập trung dân chủ; quan tâm xây dựng chi bộ trong sạch, "
	"vững mạnh; còn chậm đổi mới phương pháp chỉ đạo ở một số mặt công tác.",
};
static const char *const strengths[] = {
	"Bản lĩnh chính trị vững vàng; có kinh nghiệm chỉ huy, quản lý bộ đội.",
	"Nắm chắc tình hình địa bàn biên giới; làm tốt công tác dân vận.",
	"Có năng lực tổng hợp, tham mưu; tác phong sâu sát cơ sở.",
};
static const char *const weaknesses[] = {
	"Có lúc giải quyết công việc còn chậm.",
	"Trình độ ngoại ngữ, tin học còn hạn chế.",
	"",
};

struct demo_sh {
	int64_t *ids;
	size_t n, cap;
};

static int holder_seen(void *ctx, const struct key_holder *k)
{
	struct demo_sh *d = ctx;
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->ids[i] == k->member_id)
			return 0;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->ids = xrealloc(d->ids, d->cap * sizeof *d->ids);
	}
	d->ids[d->n++] = k->member_id;
	return 0;
}

enum err_code demo_sheet(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_sh d;
	struct assessment *x = xmalloc(sizeof *x);
	struct org qk;
	char *after;
	enum err_code rc;
	long rows = 0;
	size_t i;
	int y, mo, dd, k;

	memset(&d, 0, sizeof d);
	date_to_ymd(a->today, &y, &mo, &dd);
	if ((rc = store_org_by_code(a->st, "QK2", &qk, e)) ||
	    (rc = store_key_holders(a->st, qk.pre, qk.last, a->today, 0, 0, holder_seen, &d, e)))
		goto done;
	if ((rc = app_begin(a, e)))
		goto done;
	for (i = 0; i < d.n && !rc; i++) {
		struct member m;

		if ((rc = store_member_get(a->st, d.ids[i], &m, e)))
			break;
		for (k = 0; k < 2 + (i == 0) && !rc; k++) {
			struct assessment_input in;
			char year[16], health[16];
			size_t v = (i + (size_t)k) % 3;

			snprintf(year, sizeof year, "%d", y - 2 + (k > 0));
			snprintf(health, sizeof health, "%d", i % 7 == 5 ? 3 : 1 + (int)(i % 2));
			memset(&in, 0, sizeof in);
			in.year = year;
			in.health = health;
			in.self_text = selves[v];
			in.strengths = strengths[v];
			in.weaknesses = weaknesses[v];
			if (!(rc = app_assessment_store(a, ac, &m, &in, x, e)))
				rows++;
		}
	}
	if (!rc) {
		after = app_json("{s:I,s:I}", "cadres", (json_int_t)d.n, "assessments",
				 (json_int_t)rows);
		rc = app_audit(a, ac, "demo.assessments", "org:QK2", qk.id, NULL, after, e);
		free(after);
	}
	rc = app_end(a, rc, e);
done:
	free(d.ids);
	free(x);
	return rc;
}
