/* demo.c - builds the sample Military Region 2 (seeds 000 and 003) into an empty database. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/vn_data.h"
#include "../lib/buf.h"
#include "../lib/csv.h"
#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_hb.h"
#include "app_cadres.h"
#include "app_sheet.h"
#include "app_int.h"
#include "app_plan.h"
#include "app_study.h"

/* Everything is drawn from one generator with a fixed seed, and every date is fixed: the
 * same build gives the same database, byte for byte in its exports. The demo's "now" is
 * DEMO_END; nothing is dated after it except the planned end of temporary transfers that
 * are still under way on that date. */
#define DEMO_SEED 0x4d52322d32303236ULL /* "MR2-2026" */
#define DEMO_END_Y 2026
#define DEMO_END_M 10
#define DEMO_END_D 31

/* Seed 002: party members are 22.7% of the militia and 10.65% of the reserve; in
 * ten-thousandths. Self-defence forces have no published figure: 20%. */
#define RATIO_MILITIA 2270
#define RATIO_RESERVE 1065
#define RATIO_SELF_DEFENCE 2000

/* Kinds of unit, which set who serves in a cell: categories, women, officers' posts. */
enum profile {
	PR_NONE,     /* a committee: no members of its own */
	PR_COMPANY,  /* a combat company */
	PR_AGENCY,   /* staff departments, agency cells */
	PR_DEPOT,    /* technical depots and workshops */
	PR_HOSPITAL,
	PR_SCHOOL,
	PR_BORDER,   /* the cells of a border post */
	PR_COMMUNE,  /* a commune-level military party cell */
	PR__COUNT
};

struct profile_info {
	unsigned cat[VN_CAT_COUNT]; /* weights by enum vn_category */
	unsigned female_pm;         /* women, per mille */
	const struct vn_list *posts; /* officers' posts particular to the unit, or NULL */
};

static const struct profile_info profiles[PR__COUNT] = {
	[PR_COMPANY] = {{[VN_CAT_OFFICER] = 22, [VN_CAT_PROFESSIONAL] = 8, [VN_CAT_SOLDIER] = 70},
			10, NULL},
	[PR_AGENCY] = {{[VN_CAT_OFFICER] = 60, [VN_CAT_PROFESSIONAL] = 30, [VN_CAT_WORKER] = 10},
		       150, NULL},
	[PR_DEPOT] = {{[VN_CAT_OFFICER] = 25, [VN_CAT_PROFESSIONAL] = 30, [VN_CAT_WORKER] = 45},
		      200, NULL},
	[PR_HOSPITAL] = {{[VN_CAT_OFFICER] = 45, [VN_CAT_PROFESSIONAL] = 40,
			  [VN_CAT_WORKER] = 15}, 200, &vn_post_medical},
	[PR_SCHOOL] = {{[VN_CAT_OFFICER] = 75, [VN_CAT_PROFESSIONAL] = 15, [VN_CAT_SOLDIER] = 10},
		       100, &vn_post_school},
	[PR_BORDER] = {{[VN_CAT_OFFICER] = 60, [VN_CAT_PROFESSIONAL] = 25, [VN_CAT_SOLDIER] = 15},
		       30, &vn_post_border},
	[PR_COMMUNE] = {{[VN_CAT_MILITIA] = 68, [VN_CAT_RESERVE] = 27,
			 [VN_CAT_SELF_DEFENCE] = 5}, 120, NULL},
};

/* Per mille of each category admitted within the last year (still probationary), and the
 * youngest and oldest age at admission. */
static const unsigned prob_pm[VN_CAT_COUNT] = {10, 20, 260, 25, 38, 30, 20};
static const int adm_age[VN_CAT_COUNT][2] = {
	{20, 26}, {20, 30}, {19, 22}, {22, 38}, {19, 35}, {21, 38}, {20, 30},
};

/* One organisation as planned. */
struct d_org {
	char code[ORG_CODE_MAX + 1];
	int parent;                 /* index, -1 for the root */
	char name[192];
	enum org_kind kind;
	const char *gtype;          /* "" when none */
	char local[128];            /* local party committee (dual leadership) */
	enum profile prof;
	int size;                   /* members to generate on its roll */
	int prov;                   /* vn_province index of a local unit, else -1 */
	int dist;                   /* district index within prov, else -1 */
	int unit;                   /* the division or brigade it belongs to, else -1 */
	date_t established;
	date_t adm_max;             /* members admitted before this date (restructured then) */
	int fixed;                  /* restructured: kept out of the random history */
	long militia, self_defence, reserve;
	int n_official;
	int n_cat[VN_CAT_COUNT];
};

/* One member as generated (id = index + 1): what the history needs. */
struct d_member {
	int org;
	enum vn_category cat;
	date_t birth, adm, cer, off;
	enum member_status status;
	int past_prob; /* imported probationary, recognised official in the history */
	int busy;      /* already given a part in the history */
};

/* A transfer planned for the history. */
struct d_transfer {
	int member, to;
	int temporary;
	date_t sent, received, until, returned; /* DATE_NONE when that step does not happen */
	const char *reason;
	char letter[32];
	int64_t id;
};

enum act_kind { ACT_SEND, ACT_RECEIVE, ACT_RETURN, ACT_STATUS, ACT_STEP };

struct demo;
typedef enum err_code (*step_fn)(struct demo *d, date_t date);

/* One dated call of the history; run in date order. */
struct action {
	date_t date;
	long seq;
	enum act_kind kind;
	int ref;                 /* transfer index, or member index for ACT_STATUS */
	enum member_status status;
	const char *reason;
	step_fn step;
	const char *what;        /* for messages */
};

struct demo {
	struct app *a;
	const struct actor *ac;
	struct err *e;
	struct rng r;
	struct d_org *o;
	size_t no, capo;
	struct d_member *m;
	size_t nm, capm;
	struct d_transfer *t;
	size_t nt, capt;
	struct action *act;
	size_t nact, capact;
	struct buf csv;
	long probation_months, ceremony_days, board_min;
	date_t end;
	/* organisations the restructuring steps work on */
	int merge_dst, merge_src, split_src, depot, depot_to, sapa, sapa_cq, moved, moved_to;
};

/* ---- small helpers ----------------------------------------------------------------- */

static date_t ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

static date_t weekday_on_or_after(date_t d)
{
	while (date_weekday(d) >= 5)
		d++;
	return d;
}

/* A working day drawn from [lo, hi] (moved forward off a weekend, so up to hi + 2). */
static date_t rand_day(struct rng *r, date_t lo, date_t hi)
{
	return weekday_on_or_after((date_t)rng_range(r, lo, hi));
}

static const char *pick(struct rng *r, const struct vn_list *l)
{
	unsigned long total = vn_list_total(l), x;
	size_t i;

	if (total == 0)
		return "";
	x = (unsigned long)rng_below(r, total);
	for (i = 0; i < l->n; i++) {
		if (x < l->item[i].weight)
			return l->item[i].name;
		x -= l->item[i].weight;
	}
	return l->item[l->n - 1].name;
}

/* A province drawn by population: among the first n of vn_province[]. */
static int pick_province(struct rng *r, size_t n)
{
	unsigned w[64];
	size_t i;

	if (n > sizeof w / sizeof w[0])
		n = sizeof w / sizeof w[0];
	for (i = 0; i < n; i++)
		w[i] = vn_province[i].home_weight;
	return (int)rng_pick_weighted(r, w, n);
}

/* Upper-case ASCII initials of the words of a Vietnamese name ("Hoàng Su Phì" -> "HSP");
 * extra adds the second letter of the last word ("Tân Uyên" -> "TUY"). */
static void initials(const char *name, int extra, char *out, size_t cap)
{
	struct buf f;
	const char *p, *last = NULL;
	size_t n = 0;

	buf_init(&f, 0);
	vname_fold(name, &f);
	for (p = buf_str(&f); *p; p++)
		if ((p == buf_str(&f) || p[-1] == ' ') && *p != ' ') {
			last = p;
			if (n + 1 < cap && *p >= 'a' && *p <= 'z')
				out[n++] = (char)(*p - 'a' + 'A');
		}
	if (extra && last && last[1] >= 'a' && last[1] <= 'z' && n + 1 < cap)
		out[n++] = (char)(last[1] - 'a' + 'A');
	out[n] = 0;
	buf_cleanup(&f);
}

/* ---- planning the tree ------------------------------------------------------------- */

/* Add an organisation under parent with a code; its name is set by org_name. The province,
 * district and unit are inherited from the parent. Returns its index. */
static int org_add(struct demo *d, int parent, const char *code, enum org_kind kind,
		   const char *gtype, enum profile prof, int size_lo, int size_hi, date_t est)
{
	struct d_org *o;

	if (d->no == d->capo) {
		d->capo = d->capo ? d->capo * 2 : 512;
		d->o = xrealloc(d->o, d->capo * sizeof *d->o);
	}
	o = &d->o[d->no];
	memset(o, 0, sizeof *o);
	snprintf(o->code, sizeof o->code, "%s", code);
	o->parent = parent;
	o->kind = kind;
	o->gtype = gtype;
	o->prof = prof;
	o->size = prof == PR_NONE ? 0 : (int)rng_range(&d->r, size_lo, size_hi);
	o->prov = parent >= 0 ? d->o[parent].prov : -1;
	o->dist = parent >= 0 ? d->o[parent].dist : -1;
	o->unit = parent >= 0 ? d->o[parent].unit : -1;
	o->established = est;
	o->adm_max = DATE_NONE;
	o->militia = o->self_defence = o->reserve = -1;
	return (int)d->no++;
}

static void org_name(struct demo *d, int i, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void org_name(struct demo *d, int i, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(d->o[i].name, sizeof d->o[i].name, fmt, ap);
	va_end(ap);
}

/* A cell under parent: code parent-suffix, name given. */
static int cell(struct demo *d, int parent, const char *suffix, enum profile prof, int lo, int hi,
		const char *name)
{
	char code[ORG_CODE_MAX + 8];
	int i;

	snprintf(code, sizeof code, "%s-%s", d->o[parent].code, suffix);
	i = org_add(d, parent, code, OK_CELL, "", prof, lo, hi, d->o[parent].established);
	org_name(d, i, "%s", name);
	return i;
}

/* Battalion with its agency cell and companies numbered first..first+n-1, under a regiment
 * (as a sub-committee) or directly under a division (as a grassroots committee). Company
 * codes hang off code_base ("E98-C1"), so they stay short. */
static int battalion(struct demo *d, int parent, const char *code, const char *code_base,
		     enum org_kind kind, int num, int first, int n)
{
	char cc[ORG_CODE_MAX + 8], nm[64];
	int b, k;

	b = org_add(d, parent, code, kind, kind == OK_GRASSROOTS ? "combat" : "", PR_NONE, 0, 0,
		    d->o[parent].established);
	org_name(d, b, "Đảng bộ Tiểu đoàn %d", num);
	snprintf(nm, sizeof nm, "Chi bộ Cơ quan Tiểu đoàn %d", num);
	cell(d, b, "CQ", PR_AGENCY, 8, 12, nm);
	for (k = first; k < first + n; k++) {
		int c;

		snprintf(cc, sizeof cc, "%s-C%d", code_base, k);
		c = org_add(d, b, cc, OK_CELL, "", PR_COMPANY, 16, 28, d->o[b].established);
		org_name(d, c, "Chi bộ Đại đội %d", k);
	}
	return b;
}

/* The restructuring the history performs on a regiment, if any. */
enum regiment_story { RS_NONE, RS_MERGE, RS_SPLIT };

static void regiment(struct demo *d, int div, const char *num, enum regiment_story story)
{
	static const struct {
		const char *code, *name;
	} direct[] = {
		{"C20", "Chi bộ Đại đội 20"}, {"C24", "Chi bộ Đại đội 24"},
		{"C25", "Chi bộ Đại đội 25"},
	};
	char code[16], bc[24];
	int e, k;

	snprintf(code, sizeof code, "E%s", num);
	e = org_add(d, div, code, OK_GRASSROOTS, "combat", PR_NONE, 0, 0, d->o[div].established);
	org_name(d, e, "Đảng bộ Trung đoàn %s", num);
	cell(d, e, "TM", PR_AGENCY, 12, 18, "Chi bộ Ban Tham mưu");
	cell(d, e, "CT", PR_AGENCY, 12, 18, "Chi bộ Ban Chính trị");
	cell(d, e, "HK", PR_AGENCY, 12, 18, "Chi bộ Ban Hậu cần - Kỹ thuật");
	for (k = 0; k < 3; k++)
		cell(d, e, direct[k].code, PR_COMPANY, 16, 26, direct[k].name);
	for (k = 1; k <= 3; k++) {
		int b;

		snprintf(bc, sizeof bc, "%s-D%d", code, k);
		if (story == RS_SPLIT && k == 2) {
			/* Battalion 2 holds three companies, the third a large one that the
			 * history splits in 2021 into itself and a new Company 8. */
			b = battalion(d, e, bc, code, OK_SUBCOMMITTEE, k, 5, 2);
			snprintf(bc, sizeof bc, "%s-C7", code);
			d->split_src = org_add(d, b, bc, OK_CELL, "", PR_COMPANY, 38, 44,
					       d->o[b].established);
			org_name(d, d->split_src, "Chi bộ Đại đội 7");
			d->o[d->split_src].fixed = 1;
		} else {
			battalion(d, e, bc, code, OK_SUBCOMMITTEE, k, 4 * (k - 1) + 1, 4);
		}
	}
	if (story == RS_MERGE) {
		/* Two small companies under the regiment, merged in 2019. */
		d->merge_dst = cell(d, e, "C15", PR_COMPANY, 14, 18, "Chi bộ Đại đội 15");
		d->merge_src = cell(d, e, "C16", PR_COMPANY, 12, 16, "Chi bộ Đại đội 16");
		d->o[d->merge_dst].fixed = d->o[d->merge_src].fixed = 1;
		d->o[d->merge_src].adm_max = ymd(2019, 5, 1);
	}
}

static void division(struct demo *d, int qk, const char *num, date_t est,
		     const char *const regs[3], const enum regiment_story story[3],
		     const int bns[2])
{
	char code[16], bc[24];
	int f, cq, k;

	snprintf(code, sizeof code, "F%s", num);
	f = org_add(d, qk, code, OK_COMMITTEE, "", PR_NONE, 0, 0, est);
	org_name(d, f, "Đảng bộ Sư đoàn %s", num);
	d->o[f].unit = f;
	snprintf(bc, sizeof bc, "%s-CQ", code);
	cq = org_add(d, f, bc, OK_GRASSROOTS, "agency", PR_NONE, 0, 0, est);
	org_name(d, cq, "Đảng bộ Cơ quan Sư đoàn %s", num);
	cell(d, cq, "TM", PR_AGENCY, 20, 28, "Chi bộ Phòng Tham mưu");
	cell(d, cq, "CT", PR_AGENCY, 20, 28, "Chi bộ Phòng Chính trị");
	cell(d, cq, "HK", PR_AGENCY, 20, 28, "Chi bộ Phòng Hậu cần - Kỹ thuật");
	for (k = 0; k < 3; k++)
		regiment(d, f, regs[k], story[k]);
	for (k = 0; k < 2; k++) {
		snprintf(bc, sizeof bc, "%s-D%d", code, bns[k]);
		battalion(d, f, bc, bc, OK_GRASSROOTS, bns[k], 1, 3);
	}
}

static void brigade(struct demo *d, int qk)
{
	int l, cq, k;
	char bc[24];

	l = org_add(d, qk, "LD168", OK_GRASSROOTS, "combat", PR_NONE, 0, 0, ymd(1971, 5, 16));
	org_name(d, l, "Đảng bộ Lữ đoàn Pháo binh 168");
	d->o[l].unit = l;
	cq = l;
	cell(d, cq, "TM", PR_AGENCY, 14, 20, "Chi bộ Ban Tham mưu");
	cell(d, cq, "CT", PR_AGENCY, 12, 18, "Chi bộ Ban Chính trị");
	cell(d, cq, "HK", PR_AGENCY, 12, 18, "Chi bộ Ban Hậu cần - Kỹ thuật");
	for (k = 1; k <= 3; k++) {
		snprintf(bc, sizeof bc, "LD168-D%d", k);
		battalion(d, l, bc, "LD168", OK_SUBCOMMITTEE, k, 3 * (k - 1) + 1, 3);
	}
}

/* A grassroots agency of the region's command with its department cells. */
static int region_agency(struct demo *d, int qk, const char *code, const char *gtype,
			 const char *name, const char *const (*cells)[3], size_t n)
{
	int g;
	size_t k;

	g = org_add(d, qk, code, OK_GRASSROOTS, gtype, PR_NONE, 0, 0, d->o[qk].established);
	org_name(d, g, "%s", name);
	for (k = 0; k < n; k++) {
		enum profile p = strcmp(cells[k][2], "depot") == 0      ? PR_DEPOT
				 : strcmp(cells[k][2], "hospital") == 0 ? PR_HOSPITAL
				 : strcmp(cells[k][2], "school") == 0   ? PR_SCHOOL
									: PR_AGENCY;

		cell(d, g, cells[k][0], p, p == PR_HOSPITAL ? 22 : 16, p == PR_HOSPITAL ? 34 : 28,
		     cells[k][1]);
	}
	return g;
}

static void region_agencies(struct demo *d, int qk)
{
	static const char *const tm[][3] = {
		{"TC", "Chi bộ Phòng Tác chiến", ""}, {"QH", "Chi bộ Phòng Quân huấn", ""},
		{"QL", "Chi bộ Phòng Quân lực", ""}, {"TT", "Chi bộ Phòng Thông tin", ""},
		{"CY", "Chi bộ Phòng Cơ yếu", ""},
	};
	static const char *const ct[][3] = {
		{"TC", "Chi bộ Phòng Tổ chức", ""}, {"CB", "Chi bộ Phòng Cán bộ", ""},
		{"TH", "Chi bộ Phòng Tuyên huấn", ""}, {"BV", "Chi bộ Phòng Bảo vệ an ninh", ""},
		{"DV", "Chi bộ Phòng Dân vận", ""},
	};
	static const char *const hc[][3] = {
		{"QN", "Chi bộ Phòng Quân nhu", ""}, {"DT", "Chi bộ Phòng Doanh trại", ""},
		{"XD", "Chi bộ Phòng Xăng dầu", ""}, {"VT", "Chi bộ Phòng Vận tải", ""},
		{"QY", "Chi bộ Phòng Quân y", ""},
	};
	static const char *const kt[][3] = {
		{"QK", "Chi bộ Phòng Quân khí", ""}, {"XM", "Chi bộ Phòng Xe - Máy", ""},
		{"K1", "Chi bộ Kho K1", "depot"}, {"X2", "Chi bộ Xưởng Sửa chữa tổng hợp", "depot"},
	};
	static const char *const bv[][3] = {
		{"KB", "Chi bộ Khoa Khám bệnh", "hospital"}, {"NOI", "Chi bộ Khoa Nội", "hospital"},
		{"NGOAI", "Chi bộ Khoa Ngoại", "hospital"},
		{"HSCC", "Chi bộ Khoa Hồi sức cấp cứu", "hospital"},
		{"DUOC", "Chi bộ Khoa Dược", "hospital"},
		{"CQ", "Chi bộ Cơ quan Bệnh viện", ""},
	};
	static const char *const ts[][3] = {
		{"KCT", "Chi bộ Khoa Chiến thuật", "school"},
		{"KXH", "Chi bộ Khoa Khoa học xã hội và nhân văn", "school"},
		{"KQS", "Chi bộ Khoa Quân sự chung", "school"},
		{"CQ", "Chi bộ Cơ quan Nhà trường", ""},
	};
	int s, b;

	region_agency(d, qk, "QK2-TM", "agency", "Đảng bộ Cơ quan Bộ Tham mưu Quân khu 2", tm, 5);
	region_agency(d, qk, "QK2-CT", "agency", "Đảng bộ Cơ quan Cục Chính trị Quân khu 2", ct, 5);
	region_agency(d, qk, "QK2-HC", "agency", "Đảng bộ Cơ quan Cục Hậu cần Quân khu 2", hc, 5);
	region_agency(d, qk, "QK2-KT", "agency", "Đảng bộ Cơ quan Cục Kỹ thuật Quân khu 2", kt, 4);
	region_agency(d, qk, "BV109", "hospital", "Đảng bộ Bệnh viện Quân y 109", bv, 6);
	s = region_agency(d, qk, "TQS-QK2", "school", "Đảng bộ Trường Quân sự Quân khu 2", ts, 4);
	b = org_add(d, s, "TQS-QK2-TD1", OK_SUBCOMMITTEE, "", PR_NONE, 0, 0, d->o[s].established);
	org_name(d, b, "Đảng bộ Tiểu đoàn Học viên 1");
	cell(d, b, "C1", PR_SCHOOL, 14, 22, "Chi bộ Đại đội Học viên 1");
	cell(d, b, "C2", PR_SCHOOL, 14, 22, "Chi bộ Đại đội Học viên 2");
}

/* Border posts (by province, in vn_province order): three each in the five border provinces. */
static const char *const border_posts[5][3] = {
	{"Lũng Cú", "Săm Pun", "Phó Bảng"},
	{"Y Tý", "A Mú Sung", "Bản Lầu"},
	{"Ma Lù Thàng", "Pa Vệ Sủ", "Mù Cả"},
	{"A Pa Chải", "Tây Trang", "Huổi Puốc"},
	{"Chiềng Khương", "Nậm Lạnh", "Mường Lạn"},
};

/* Whether the history changes this district's kind: Sa Pa became a town (thị xã) on
 * 2020-01-01, so it is built as a rural district (huyện) and renamed then. */
static int district_was_rural(const struct vn_province *p, const struct vn_district *dd)
{
	return strcmp(p->name, "Lào Cai") == 0 && strcmp(dd->name, "Sa Pa") == 0;
}

/* A district military command (grassroots, dual leadership with the district party
 * committee) with its agency cell and its commune, ward and district-seat cells. */
static void district(struct demo *d, int pi, int prov_org, size_t di, const char *dcode)
{
	const struct vn_province *p = &vn_province[pi];
	const struct vn_district *dd = &p->district[di];
	enum vn_district_kind kind = district_was_rural(p, dd) ? VN_DISTRICT_RURAL : dd->kind;
	const char *dk = vn_district_kind_name(kind);
	const char *local = kind == VN_DISTRICT_CITY ? "Thành ủy"
			    : kind == VN_DISTRICT_TOWN ? "Thị ủy"
						       : "Huyện ủy";
	/* Phú Thọ and Vĩnh Phúc (the last two) lie mostly in the midlands. */
	const struct vn_list *names = pi >= VN_MR2_PROVINCES - 2 ? &vn_commune_lowland
								 : &vn_commune_mountain;
	char code[64], nm[160];
	size_t order[64], nn = names->n < 64 ? names->n : 64, k;
	int g, c, n, j;

	g = org_add(d, prov_org, dcode, OK_GRASSROOTS, "local_military", PR_NONE, 0, 0,
		    d->o[prov_org].established);
	d->o[g].dist = (int)di;
	org_name(d, g, "Đảng bộ Quân sự %s %s", dk, dd->name);
	snprintf(d->o[g].local, sizeof d->o[g].local, "%s %s", local, dd->name);
	if (district_was_rural(p, dd))
		d->sapa = g;
	snprintf(nm, sizeof nm, "Chi bộ Cơ quan Ban Chỉ huy Quân sự %s %s", dk, dd->name);
	c = cell(d, g, "CQ", PR_AGENCY, 16, 30, nm);
	d->o[c].gtype = "agency";
	if (district_was_rural(p, dd))
		d->sapa_cq = c;
	/* Communes, wards and the district seat, named without repeats within the district. */
	n = kind == VN_DISTRICT_RURAL ? (int)rng_range(&d->r, 12, 18)
	    : kind == VN_DISTRICT_TOWN ? (int)rng_range(&d->r, 6, 9)
				       : (int)rng_range(&d->r, 8, 12);
	for (k = 0; k < nn; k++)
		order[k] = k;
	for (k = nn - 1; k > 0; k--) {
		size_t x = (size_t)rng_below(&d->r, k + 1), t = order[k];

		order[k] = order[x];
		order[x] = t;
	}
	for (j = 0; j < n && (size_t)j < nn; j++) {
		const char *unit, *cname;
		int ci, small;

		if (kind == VN_DISTRICT_RURAL && j == 0) {
			unit = "thị trấn";
			cname = dd->name;
		} else {
			unit = kind == VN_DISTRICT_CITY || (kind == VN_DISTRICT_TOWN && j < n / 2)
				       ? "phường"
				       : "xã";
			cname = names->item[order[j]].name;
		}
		snprintf(code, sizeof code, "%s-%02d", dcode, j + 1);
		small = rng_chance(&d->r, 85);
		ci = org_add(d, g, code, OK_CELL, "", PR_COMMUNE, small ? 5 : 10, small ? 8 : 30,
			     d->o[g].established);
		org_name(d, ci, "Chi bộ Quân sự %s %s", unit, cname);
		snprintf(d->o[ci].local, sizeof d->o[ci].local, "Đảng ủy %s %s", unit, cname);
	}
}

/* A provincial military command: its agency, school, border posts (border provinces) and
 * district commands. */
static void province(struct demo *d, int qk, int pi)
{
	const struct vn_province *p = &vn_province[pi];
	char code[ORG_CODE_MAX + 8], nm[160], used[32][8], ini[8];
	size_t di, nused = 0, k;
	int po, cq, j;

	po = org_add(d, qk, p->abbr, OK_COMMITTEE, "", PR_NONE, 0, 0, ymd(1980, 1, 1));
	d->o[po].prov = pi;
	org_name(d, po, "Đảng bộ Quân sự %s %s", vn_province_kind_name(p), p->name);
	snprintf(d->o[po].local, sizeof d->o[po].local, "Tỉnh ủy %s", p->name);
	snprintf(code, sizeof code, "%s-CQ", p->abbr);
	cq = org_add(d, po, code, OK_GRASSROOTS, "agency", PR_NONE, 0, 0, d->o[po].established);
	org_name(d, cq, "Đảng bộ Cơ quan Bộ Chỉ huy Quân sự %s %s", vn_province_kind_name(p),
		 p->name);
	cell(d, cq, "TM", PR_AGENCY, 18, 30, "Chi bộ Phòng Tham mưu");
	j = cell(d, cq, "HC", PR_AGENCY, 18, 30, "Chi bộ Phòng Hậu cần");
	cell(d, cq, "CT", PR_AGENCY, 18, 30, "Chi bộ Phòng Chính trị");
	cell(d, cq, "KT", PR_AGENCY, 18, 30, "Chi bộ Phòng Kỹ thuật");
	if (strcmp(p->abbr, "PT") == 0) {
		/* A depot cell dissolved in 2022, its members going to the logistics cell. */
		d->depot_to = j;
		d->depot = cell(d, cq, "KHO", PR_DEPOT, 12, 18, "Chi bộ Kho Vũ khí - Đạn");
		d->o[d->depot].fixed = 1;
		d->o[d->depot].adm_max = ymd(2022, 6, 1);
	}
	snprintf(nm, sizeof nm, "Chi bộ Trường Quân sự %s %s", vn_province_kind_name(p), p->name);
	j = cell(d, po, "TQS", PR_SCHOOL, 12, 20, nm);
	d->o[j].gtype = "school";
	if (p->border && pi < 5) {
		for (k = 0; k < 3; k++) {
			char bp[ORG_CODE_MAX + 8];
			int b;

			initials(border_posts[pi][k], 0, ini, sizeof ini);
			snprintf(bp, sizeof bp, "%s-BP-%s", p->abbr, ini);
			b = org_add(d, po, bp, OK_GRASSROOTS, "border_post", PR_NONE, 0, 0,
				    d->o[po].established);
			org_name(d, b, "Đảng bộ Đồn Biên phòng %s", border_posts[pi][k]);
			cell(d, b, "CH", PR_BORDER, 9, 14, "Chi bộ Chỉ huy Đồn");
			cell(d, b, "VT", PR_BORDER, 10, 16, "Chi bộ Đội Vũ trang");
			cell(d, b, "TS", PR_BORDER, 9, 14, "Chi bộ Đội Trinh sát");
			cell(d, b, "VD", PR_BORDER, 9, 14, "Chi bộ Đội Vận động quần chúng");
		}
	}
	for (di = 0; di < p->n_district; di++) {
		int attempt;

		/* District codes are initials; when two districts share them, the later one
		 * takes a letter more ("Tân Uyên" after "Than Uyên": TUY), then a digit. */
		for (attempt = 0; attempt < 10; attempt++) {
			size_t l;

			initials(p->district[di].name, attempt > 0, ini, sizeof ini - 1);
			l = strlen(ini);
			if (attempt > 1) {
				ini[l] = (char)('0' + attempt);
				ini[l + 1] = 0;
			}
			for (k = 0; k < nused; k++)
				if (strcmp(used[k], ini) == 0)
					break;
			if (k == nused)
				break;
		}
		if (nused < sizeof used / sizeof used[0])
			snprintf(used[nused++], sizeof used[0], "%s", ini);
		snprintf(code, sizeof code, "%s-%s", p->abbr, ini);
		district(d, pi, po, di, code);
	}
}

/* The whole tree, in the order the CSV lists it. */
static void plan_tree(struct demo *d)
{
	static const char *const regs316[3] = {"98", "148", "174"};
	static const char *const regs355[3] = {"82", "83", "166"};
	static const enum regiment_story st316[3] = {RS_NONE, RS_MERGE, RS_SPLIT};
	static const enum regiment_story st355[3] = {RS_NONE, RS_NONE, RS_NONE};
	static const int bns316[2] = {16, 18}, bns355[2] = {14, 17};
	int root, qk, pi;

	root = org_add(d, -1, "QD", OK_COMMITTEE, "", PR_NONE, 0, 0, ymd(1944, 12, 22));
	org_name(d, root, "Đảng bộ Quân đội");
	qk = org_add(d, root, "QK2", OK_COMMITTEE, "", PR_NONE, 0, 0, ymd(1946, 10, 19));
	org_name(d, qk, "Đảng bộ Quân khu 2");
	region_agencies(d, qk);
	division(d, qk, "316", ymd(1951, 5, 1), regs316, st316, bns316);
	division(d, qk, "355", ymd(1979, 2, 17), regs355, st355, bns355);
	brigade(d, qk);
	for (pi = 0; pi < VN_MR2_PROVINCES; pi++)
		province(d, qk, pi);
}

/* ---- generating the members -------------------------------------------------------- */

static const char *const member_header[] = {
	"id", "org_code", "full_name", "sex", "birth_date", "ethnicity", "religion", "hometown",
	"citizen_id", "education", "theory_level", "rank", "category", "post", "history_no",
	"card_no", "phone", "admission_decision_date", "admission_ceremony_date", "official_date",
	"status",
};
#define MEMBER_COLS (sizeof member_header / sizeof member_header[0])

static const char *religion_of(struct rng *r, const struct vn_ethnic *eth)
{
	unsigned long x = (unsigned long)rng_below(r, VN_RELIGION_SCALE);
	size_t i;

	for (i = 0; i < eth->religion.n; i++) {
		if (x < eth->religion.item[i].weight)
			return eth->religion.item[i].name;
		x -= eth->religion.item[i].weight;
	}
	return "";
}

/* Rank from the category and the age at the demo's end. */
static const char *rank_of(struct rng *r, enum vn_category cat, int age)
{
	const struct vn_category_info *ci = &vn_category[cat];
	long idx;

	if (ci->n_rank == 0)
		return "";
	switch (cat) {
	case VN_CAT_OFFICER:
		idx = (age - 22) / 4 + rng_range(r, -1, 0);
		if (idx > 7)
			idx = 7; /* Đại tá: no generals among the sample's cells */
		break;
	case VN_CAT_PROFESSIONAL:
		idx = (age - 22) / 5 + rng_range(r, -1, 0);
		break;
	case VN_CAT_SOLDIER:
		idx = age - 19 + rng_range(r, 0, 1);
		break;
	default: {
		static const unsigned w[7] = {25, 30, 20, 10, 8, 5, 2};

		idx = (long)rng_pick_weighted(r, w, 7);
		break;
	}
	}
	if (idx < 0)
		idx = 0;
	if (idx >= (long)ci->n_rank)
		idx = (long)ci->n_rank - 1;
	return ci->rank[idx];
}

static const char *theory_of(struct rng *r, enum vn_category cat, const char *rank)
{
	size_t i;

	if (cat == VN_CAT_OFFICER) {
		for (i = 0; i < vn_category[cat].n_rank; i++)
			if (strcmp(vn_category[cat].rank[i], rank) == 0)
				break;
		if (i <= 3)
			return "intermediate";
		if (i <= 5)
			return rng_chance(r, 300) ? "advanced" : "intermediate";
		return rng_chance(r, 400) ? "senior" : "advanced";
	}
	if (cat == VN_CAT_PROFESSIONAL)
		return rng_chance(r, 400) ? "intermediate" : "primary";
	return rng_chance(r, 700) ? "primary" : "";
}

/* The three admission dates of member m (birth and category set), as an official member,
 * a probationary one (admitted within the last year) or a past probationary one (admitted
 * 13-24 months ago, recognised in the history). Keeps adm within the organisation's cap. */
static void admission_dates(struct demo *d, struct d_member *m, const struct d_org *o, int mode)
{
	date_t floor = ymd(1982, 1, 4), lo, hi, adult;
	date_t last_cer = date_add_months(d->end, -(int)d->probation_months);
	int age, tries;

	if (o->established > floor)
		floor = o->established;
	for (tries = 0;; tries++) {
		adult = date_add_months(m->birth, 18 * 12) + 1;
		lo = adult > floor ? adult : floor;
		if (mode == 1) { /* probationary: ceremony within the last year */
			lo = lo > last_cer + 1 ? lo : last_cer + 1;
			hi = d->end - 45;
		} else if (mode == 2) {
			lo = lo > date_add_months(d->end, -24) ? lo : date_add_months(d->end, -24);
			hi = last_cer - 75;
		} else {
			hi = last_cer - 45;
		}
		if (o->adm_max != DATE_NONE && hi > o->adm_max)
			hi = o->adm_max;
		if (lo <= hi)
			break;
		if (tries == 40 || (o->adm_max != DATE_NONE && floor > o->adm_max)) {
			lo = hi; /* not reached with the demo's tree; keeps the loop finite */
			break;
		}
		/* Born too late for the dates wanted: make the member a year older. */
		m->birth -= 365;
	}
	age = (int)rng_range(&d->r, adm_age[m->cat][0], adm_age[m->cat][1]);
	if (mode == 0) {
		m->adm = date_add_months(m->birth, age * 12) + (date_t)rng_range(&d->r, 0, 364);
		if (m->adm < lo || m->adm > hi)
			m->adm = (date_t)rng_range(&d->r, lo, hi);
	} else {
		/* Admitted recently: born to be of a usual age for the category then. */
		m->adm = (date_t)rng_range(&d->r, lo, hi);
		m->birth = date_add_months(m->adm, -age * 12) - (date_t)rng_range(&d->r, 1, 364);
	}
	m->adm = weekday_on_or_after(m->adm);
	m->cer = date_add_working_days(m->adm, (int)rng_range(&d->r, 3, d->ceremony_days - 2));
	m->off = date_add_months(m->cer, (int)d->probation_months);
	m->status = mode == 0 ? MS_OFFICIAL : MS_PROBATIONARY;
	m->past_prob = mode == 2;
}

/* Generate member number idx (id idx + 1) on the roll of organisation oi and append its
 * CSV row. */
static void gen_member(struct demo *d, int oi, size_t idx, int nth)
{
	static const char *const phone_prefix[] = {
		"096", "097", "098", "086", "032", "033", "035", "038", "091", "094", "088", "090",
		"093", "089", "081", "083", "070", "077",
	};
	struct d_org *o = &d->o[oi];
	const struct profile_info *pr = &profiles[o->prof];
	struct d_member *m = &d->m[idx];
	struct rng *r = &d->r;
	const struct vn_ethnic *eth;
	const struct vn_name_style *sty;
	const struct vn_category_info *ci;
	const struct vn_province *home;
	const char *f[MEMBER_COLS];
	char id[24], name[VNAME_MAX + 1], hometown[160], cid[16], hno[16], card[16], phone[16];
	char bd[DATE_STR], ad[DATE_STR], cd[DATE_STR], od[DATE_STR];
	int sex, hp, hd, ei, age, mode;
	unsigned y;
	const char *rank, *post;

	memset(m, 0, sizeof *m);
	m->org = oi;
	m->cat = (enum vn_category)rng_pick_weighted(r, pr->cat, VN_CAT_COUNT);
	ci = &vn_category[m->cat];
	sex = rng_chance(r, pr->female_pm) ? VN_FEMALE : VN_MALE;
	/* Home: local units recruit in their province (communes in their district). */
	if (o->prov >= 0) {
		hp = rng_chance(r, o->prof == PR_COMMUNE ? 980 : 850) ? o->prov
								       : pick_province(r, VN_MR2_PROVINCES);
	} else {
		hp = rng_chance(r, 750) ? pick_province(r, VN_MR2_PROVINCES)
					: pick_province(r, vn_province_count);
	}
	home = &vn_province[hp];
	hd = hp == o->prov && o->dist >= 0 && rng_chance(r, 900)
		     ? o->dist
		     : (int)rng_below(r, home->n_district);
	/* Ethnicity: the home province's mix; mostly Kinh in the region's own units. */
	if (o->prov < 0)
		ei = rng_chance(r, 700) ? VN_ETH_KINH
					: (int)rng_pick_weighted(r, vn_province_ethnic_mix(home),
								 VN_ETH_COUNT);
	else if (o->prof != PR_COMMUNE)
		ei = rng_chance(r, 400) ? VN_ETH_KINH
					: (int)rng_pick_weighted(r, vn_province_ethnic_mix(home),
								 VN_ETH_COUNT);
	else
		ei = (int)rng_pick_weighted(r, vn_province_ethnic_mix(home), VN_ETH_COUNT);
	eth = &vn_ethnic[ei];
	sty = &vn_style[eth->style];
	snprintf(name, sizeof name, "%s %s %s",
		 rng_below(r, 100) < eth->own_family_pct ? pick(r, &eth->family)
							  : pick(r, &vn_family_kinh),
		 pick(r, &sty->middle[sex]),
		 rng_below(r, 100) < sty->own_given_pct ? pick(r, &sty->given[sex])
							 : pick(r, &vn_given_kinh[sex]));
	/* Birth, then the admission dates. */
	y = (unsigned)rng_range(r, ci->birth_year_min, ci->birth_year_max);
	m->birth = ymd((int)y, 1, 1) + (date_t)rng_range(r, 0, 364);
	mode = 0;
	if (rng_chance(r, prob_pm[m->cat]))
		mode = 1;
	else if (rng_chance(r, 5))
		mode = 2;
	if (o->adm_max != DATE_NONE)
		mode = 0;
	admission_dates(d, m, o, mode);
	age = date_years_between(m->birth, d->end);
	rank = rank_of(r, m->cat, age);
	if (m->cat == VN_CAT_OFFICER && pr->posts && rng_chance(r, 700))
		post = pick(r, pr->posts);
	else if (m->cat == VN_CAT_MILITIA && o->prof == PR_COMMUNE && nth < 2)
		post = nth == 0 ? "Chỉ huy trưởng Ban CHQS xã" : "Chính trị viên phó Ban CHQS xã";
	else
		post = pick(r, &ci->post);
	snprintf(hometown, sizeof hometown, "%s %s, %s %s",
		 vn_district_kind_name(home->district[hd].kind), home->district[hd].name,
		 vn_province_kind_name(home), home->name);
	{
		int by, bm, bdd;

		date_to_ymd(m->birth, &by, &bm, &bdd);
		/* R-MEMBER-UNIQUE-NUMBERS: the serials come from the member's number, so no
		 * two members share one; the draws stay, so the rest of the sample is as it
		 * was. */
		(void)rng_below(r, 1000000);
		snprintf(cid, sizeof cid, "%s%d%02d%06zu", home->id_code,
			 (by >= 2000 ? 2 : 0) + (sex == VN_FEMALE), by % 100,
			 (idx * 7919 + 1) % 1000000);
	}
	(void)rng_below(r, 1000000);
	snprintf(hno, sizeof hno, "%06zu%s", (idx * 104729 + 17) % 1000000, home->abbr);
	if (m->status == MS_OFFICIAL) {
		(void)rng_range(r, 10000000, 99999999);
		snprintf(card, sizeof card, "%08zu", 10000000 + (idx * 7877 + 3) % 90000000);
	} else {
		card[0] = 0;
	}
	if (rng_chance(r, 900))
		snprintf(phone, sizeof phone, "%s%07u",
			 phone_prefix[rng_below(r, sizeof phone_prefix / sizeof phone_prefix[0])],
			 (unsigned)rng_below(r, 10000000));
	else
		phone[0] = 0;

	snprintf(id, sizeof id, "%zu", idx + 1);
	f[0] = id;
	f[1] = o->code;
	f[2] = name;
	f[3] = sex == VN_FEMALE ? "female" : "male";
	f[4] = date_format(m->birth, bd);
	f[5] = eth->name;
	f[6] = religion_of(r, eth);
	f[7] = hometown;
	f[8] = cid;
	f[9] = m->cat == VN_CAT_MILITIA && rng_chance(r, 150) ? "9/12"
	       : age >= 52 && rng_chance(r, 300)             ? "10/10"
							     : "12/12";
	f[10] = theory_of(r, m->cat, rank);
	f[11] = rank;
	f[12] = ci->code;
	f[13] = post;
	f[14] = hno;
	f[15] = card;
	f[16] = phone;
	f[17] = date_format(m->adm, ad);
	f[18] = date_format(m->cer, cd);
	f[19] = m->status == MS_OFFICIAL ? date_format(m->off, od) : "";
	f[20] = member_status_name(m->status);
	csv_write_record(&d->csv, f, MEMBER_COLS);
	if (m->status == MS_OFFICIAL)
		o->n_official++;
	o->n_cat[m->cat]++;
}

static void gen_members(struct demo *d)
{
	size_t i, total = 0;
	int k;

	for (i = 0; i < d->no; i++)
		total += (size_t)d->o[i].size;
	d->m = xcalloc(total ? total : 1, sizeof *d->m);
	d->capm = total;
	buf_reset(&d->csv);
	csv_write_record(&d->csv, member_header, MEMBER_COLS);
	for (i = 0; i < d->no; i++)
		for (k = 0; k < d->o[i].size; k++)
			gen_member(d, (int)i, d->nm++, k);
}

/* Force headcount of a commune before scaling: its party members in that force over the
 * target ratio (ten-thousandths), within +-8% so that cells differ. A commune with no party
 * member in a force still has one. */
static long headcount(struct demo *d, int members, long ratio)
{
	long base;

	if (members == 0)
		return rng_range(&d->r, 40, 90);
	base = (members * 10000L + ratio / 2) / ratio;
	base = base * (1000 + rng_range(&d->r, -80, 80)) / 1000;
	return base < 25 ? 25 : base;
}

/* Headcounts of every commune cell for force cat, scaled so that across the region the
 * party members of that force are exactly ratio ten-thousandths of it. which: 0 militia,
 * 1 self-defence, 2 reserve. */
static void headcounts(struct demo *d, enum vn_category cat, long ratio, int which)
{
	long members = 0, raw = 0, target, given = 0, cum = 0, *v;
	size_t i;

	for (i = 0; i < d->no; i++) {
		struct d_org *o = &d->o[i];

		if (o->prof != PR_COMMUNE)
			continue;
		v = which == 0 ? &o->militia : which == 1 ? &o->self_defence : &o->reserve;
		*v = o->n_cat[cat] == 0 && cat == VN_CAT_SELF_DEFENCE
			     ? 0 /* no agency or enterprise with a self-defence unit */
			     : headcount(d, o->n_cat[cat], ratio);
		members += o->n_cat[cat];
		raw += *v;
	}
	if (raw == 0)
		return;
	target = (members * 10000L + ratio / 2) / ratio;
	for (i = 0; i < d->no; i++) {
		struct d_org *o = &d->o[i];

		if (o->prof != PR_COMMUNE)
			continue;
		v = which == 0 ? &o->militia : which == 1 ? &o->self_defence : &o->reserve;
		/* Round the running total, so the rounding never piles up in one cell. */
		cum += *v;
		*v = (cum * target + raw / 2) / raw - given;
		given += *v;
	}
}

static void write_orgs(struct demo *d)
{
	static const char *const header[] = {
		"code", "parent_code", "name", "kind", "grassroots_type", "standing_board",
		"local_committee", "militia", "self_defence", "reserve", "established",
	};
	size_t i;

	headcounts(d, VN_CAT_MILITIA, RATIO_MILITIA, 0);
	headcounts(d, VN_CAT_SELF_DEFENCE, RATIO_SELF_DEFENCE, 1);
	headcounts(d, VN_CAT_RESERVE, RATIO_RESERVE, 2);
	buf_reset(&d->csv);
	csv_write_record(&d->csv, header, 11);
	for (i = 0; i < d->no; i++) {
		struct d_org *o = &d->o[i];
		char mil[24] = "", sd[24] = "", rs[24] = "", est[DATE_STR];
		const char *f[11];

		if (o->prof == PR_COMMUNE) {
			snprintf(mil, sizeof mil, "%ld", o->militia);
			snprintf(sd, sizeof sd, "%ld", o->self_defence);
			snprintf(rs, sizeof rs, "%ld", o->reserve);
		}
		f[0] = o->code;
		f[1] = o->parent >= 0 ? d->o[o->parent].code : "";
		f[2] = o->name;
		f[3] = org_kind_name(o->kind);
		f[4] = o->gtype;
		/* R-CELL-STANDING-BOARD-MIN: cells with enough official members elect one. */
		f[5] = o->kind == OK_CELL && o->n_official >= d->board_min ? "1" : "0";
		f[6] = o->local;
		f[7] = mil;
		f[8] = sd;
		f[9] = rs;
		f[10] = date_format(o->established, est);
		csv_write_record(&d->csv, f, 11);
	}
}

/* Import d->csv as organisations (members: 0) or members (1), quietly. */
static enum err_code import_csv(struct demo *d, int members)
{
	struct import_opts io;
	struct import_result res;
	enum err_code rc;
	FILE *in;

	in = fmemopen(d->csv.s, d->csv.len, "r");
	if (!in)
		return err_set(d->e, ERR_INTERNAL, "cannot read the demo's CSV from memory");
	memset(&io, 0, sizeof io);
	io.in = in;
	io.in_name = members ? "demo members" : "demo organisations";
	io.in_size = (long long)d->csv.len;
	/* A made-up roll may pair a common name, a birth date and a home town by chance: two
	 * people, as in life, kept (with a warning) rather than refused as duplicates. */
	io.allow_duplicates = 1;
	rc = members ? app_import_members(d->a, d->ac, &io, &res, d->e)
		     : app_import_orgs(d->a, d->ac, &io, &res, d->e);
	fclose(in);
	return rc;
}

/* ---- planning the history ---------------------------------------------------------- */

static struct action *act_add(struct demo *d, date_t date, enum act_kind kind, int ref)
{
	struct action *x;

	if (d->nact == d->capact) {
		d->capact = d->capact ? d->capact * 2 : 512;
		d->act = xrealloc(d->act, d->capact * sizeof *d->act);
	}
	x = &d->act[d->nact];
	memset(x, 0, sizeof *x);
	x->date = date;
	x->seq = (long)d->nact;
	x->kind = kind;
	x->ref = ref;
	d->nact++;
	return x;
}

static void step_add(struct demo *d, date_t date, step_fn fn, const char *what)
{
	struct action *x = act_add(d, date, ACT_STEP, -1);

	x->step = fn;
	x->what = what;
}

static int transfer_add(struct demo *d, int member, int to, int temporary, date_t sent,
			date_t received, date_t until, date_t returned, const char *reason)
{
	struct d_transfer *t;
	int ti;

	if (d->nt == d->capt) {
		d->capt = d->capt ? d->capt * 2 : 256;
		d->t = xrealloc(d->t, d->capt * sizeof *d->t);
	}
	ti = (int)d->nt++;
	t = &d->t[ti];
	memset(t, 0, sizeof *t);
	t->member = member;
	t->to = to;
	t->temporary = temporary;
	t->sent = sent;
	t->received = received;
	t->until = until;
	t->returned = returned;
	t->reason = reason;
	{
		int y, mo, dd;

		date_to_ymd(sent, &y, &mo, &dd);
		snprintf(t->letter, sizeof t->letter, "%u-GGT/ĐU-%d",
			 (unsigned)rng_range(&d->r, 12, 980), y);
	}
	act_add(d, sent, ACT_SEND, ti);
	if (received != DATE_NONE)
		act_add(d, received, ACT_RECEIVE, ti);
	if (returned != DATE_NONE)
		act_add(d, returned, ACT_RETURN, ti);
	return ti;
}

static int is_army_cell(const struct d_org *o)
{
	return o->kind == OK_CELL && !o->fixed &&
	       (o->prof == PR_COMPANY || o->prof == PR_AGENCY || o->prof == PR_DEPOT ||
		o->prof == PR_HOSPITAL || o->prof == PR_SCHOOL || o->prof == PR_BORDER);
}

/* A random organisation index satisfying ok(d, candidate, ctx), or -1 after many tries. */
static int pick_org(struct demo *d, int (*ok)(const struct demo *d, int i, int from), int from)
{
	int tries;

	for (tries = 0; tries < 20000; tries++) {
		int i = (int)rng_below(&d->r, d->no);

		if (i != from && ok(d, i, from))
			return i;
	}
	return -1;
}

static int ok_army(const struct demo *d, int i, int from)
{
	(void)from;
	return is_army_cell(&d->o[i]);
}

static int ok_same_unit_company(const struct demo *d, int i, int from)
{
	return d->o[i].prof == PR_COMPANY && !d->o[i].fixed && d->o[i].unit == d->o[from].unit;
}

static int ok_same_province_commune(const struct demo *d, int i, int from)
{
	return d->o[i].prof == PR_COMMUNE && !d->o[i].fixed && d->o[i].prov == d->o[from].prov;
}

static int ok_host(const struct demo *d, int i, int from)
{
	const struct d_org *o = &d->o[i];

	(void)from;
	return o->kind == OK_CELL && (o->prof == PR_SCHOOL || o->prof == PR_HOSPITAL) &&
	       o->prov < 0 && !o->fixed;
}

/* A member not yet used by the history, on the roll of a non-restructured organisation,
 * for which want(d, member) holds; -1 when none is found. */
static int pick_member(struct demo *d, int (*want)(const struct demo *d, const struct d_member *m))
{
	int tries;

	for (tries = 0; tries < 200000; tries++) {
		size_t i = (size_t)rng_below(&d->r, d->nm);
		struct d_member *m = &d->m[i];

		if (!m->busy && !m->past_prob && !d->o[m->org].fixed && want(d, m)) {
			m->busy = 1;
			return (int)i;
		}
	}
	return -1;
}

static int want_officer(const struct demo *d, const struct d_member *m)
{
	return (m->cat == VN_CAT_OFFICER || m->cat == VN_CAT_PROFESSIONAL) &&
	       is_army_cell(&d->o[m->org]);
}

static int want_soldier(const struct demo *d, const struct d_member *m)
{
	return m->cat == VN_CAT_SOLDIER && d->o[m->org].prof == PR_COMPANY &&
	       d->o[m->org].unit >= 0;
}

static int want_local(const struct demo *d, const struct d_member *m)
{
	return d->o[m->org].prof == PR_COMMUNE;
}

static int want_official(const struct demo *d, const struct d_member *m)
{
	(void)d;
	return m->status == MS_OFFICIAL;
}

static int want_old_officer(const struct demo *d, const struct d_member *m)
{
	return m->status == MS_OFFICIAL && m->cat == VN_CAT_OFFICER &&
	       m->birth < ymd(1972, 1, 1) && is_army_cell(&d->o[m->org]);
}

static int want_older_local(const struct demo *d, const struct d_member *m)
{
	return m->status == MS_OFFICIAL && d->o[m->org].prof == PR_COMMUNE &&
	       m->birth < ymd(1980, 1, 1);
}

static const char *const officer_reasons[] = {
	"Điều động công tác", "Bổ nhiệm chức vụ mới", "Luân chuyển cán bộ",
	"Điều động theo yêu cầu nhiệm vụ",
};

/* Past official transfers: officers across the region, soldiers within their division or
 * brigade, militia and reservists between communes of a province when they move house. */
static void plan_transfers(struct demo *d)
{
	date_t latest = ymd(2026, 9, 30), first = ymd(2005, 1, 3);
	int n, k;

	for (n = 0, k = 0; n < 200 && k < 2000; k++) {
		int kind = k % 10 < 6 ? 0 : k % 10 < 8 ? 1 : 2, mi, to, again;
		date_t lo, sent, recv;
		const char *why;

		mi = pick_member(d, kind == 0 ? want_officer : kind == 1 ? want_soldier : want_local);
		if (mi < 0)
			continue;
		lo = d->m[mi].adm + 365;
		if (lo < first)
			lo = first;
		if (lo > latest) {
			d->m[mi].busy = 0;
			continue;
		}
		to = pick_org(d, kind == 0 ? ok_army : kind == 1 ? ok_same_unit_company
							  : ok_same_province_commune,
			      d->m[mi].org);
		if (to < 0) {
			d->m[mi].busy = 0;
			continue;
		}
		sent = rand_day(&d->r, lo, latest);
		recv = date_add_working_days(sent, (int)rng_range(&d->r, 2, 12));
		why = kind == 0 ? (d->o[to].prof == PR_BORDER
					   ? "Luân chuyển cán bộ về đơn vị biên giới"
					   : officer_reasons[rng_below(&d->r, 4)])
		      : kind == 1 ? "Điều động về đơn vị mới"
				  : "Chuyển nơi cư trú";
		transfer_add(d, mi, to, 0, sent, recv, DATE_NONE, DATE_NONE, why);
		n++;
		/* Some officers move twice. */
		again = kind == 0 && rng_chance(&d->r, 150) && recv + 365 < latest;
		if (again && n < 200) {
			int to2 = pick_org(d, ok_army, to);

			if (to2 >= 0 && to2 != d->m[mi].org) {
				sent = rand_day(&d->r, recv + 365, latest);
				transfer_add(d, mi, to2, 0, sent,
					     date_add_working_days(sent, (int)rng_range(&d->r, 2, 10)),
					     DATE_NONE, DATE_NONE, officer_reasons[rng_below(&d->r, 4)]);
				n++;
			}
		}
	}
}

/* An officer admitted at least a month before day, not yet used by the history; -1 when
 * none is found. */
static int officer_before(struct demo *d, date_t day)
{
	int tries, mi;

	for (tries = 0; tries < 50; tries++) {
		if ((mi = pick_member(d, want_officer)) < 0)
			return -1;
		if (d->m[mi].adm + 30 <= day)
			return mi;
		d->m[mi].busy = 0;
	}
	return -1;
}

static void plan_temporary(struct demo *d)
{
	int k, mi, host, to;

	/* Ended stays: training courses and treatment, 2022-2025. */
	for (k = 0; k < 4; k++) {
		date_t sent = rand_day(&d->r, ymd(2022 + k, 1, 10), ymd(2022 + k, 6, 30));
		date_t recv = date_add_working_days(sent, 2), until, back;

		if ((mi = officer_before(d, sent)) < 0 ||
		    (host = pick_org(d, ok_host, d->m[mi].org)) < 0)
			continue;
		until = date_add_months(sent, (int)rng_range(&d->r, 4, 9));
		back = weekday_on_or_after(until - (date_t)rng_range(&d->r, 3, 12));
		transfer_add(d, mi, host, 1, sent, recv, until, back,
			     d->o[host].prof == PR_HOSPITAL ? "Điều trị dài ngày"
							     : "Đi học bồi dưỡng ngắn hạn");
	}
	/* Stays under way on the demo's end (their planned end lies after it). */
	for (k = 0; k < 4; k++) {
		date_t sent = rand_day(&d->r, ymd(2026, 5, 4), ymd(2026, 7, 31));

		if ((mi = officer_before(d, sent)) < 0 ||
		    (host = pick_org(d, ok_host, d->m[mi].org)) < 0)
			continue;
		transfer_add(d, mi, host, 1, sent, date_add_working_days(sent, 2),
			     date_add_months(sent, (int)rng_range(&d->r, 6, 8)), DATE_NONE,
			     d->o[host].prof == PR_HOSPITAL ? "Điều trị dài ngày"
							     : "Đi học bồi dưỡng");
	}
	/* One official transfer sent and not yet received. */
	if ((mi = officer_before(d, ymd(2026, 10, 19))) >= 0 &&
	    (to = pick_org(d, ok_army, d->m[mi].org)) >= 0)
		transfer_add(d, mi, to, 0, ymd(2026, 10, 19), DATE_NONE, DATE_NONE, DATE_NONE,
			     "Điều động công tác");
}

static void status_add(struct demo *d, int mi, enum member_status st, date_t date,
		       const char *reason)
{
	struct action *x = act_add(d, date, ACT_STATUS, mi);

	x->status = st;
	x->reason = reason;
}

/* Plan a status change of an official member picked by want, dated from lo on and at
 * least a month after the member became official; a member too recent is put back. */
static void status_plan(struct demo *d, int (*want)(const struct demo *d, const struct d_member *m),
			enum member_status st, date_t lo, const char *reason)
{
	date_t hi = ymd(2026, 10, 16);
	int tries, mi;

	for (tries = 0; tries < 50; tries++) {
		if ((mi = pick_member(d, want)) < 0)
			return;
		if (d->m[mi].off + 30 <= hi) {
			if (lo < d->m[mi].off + 30)
				lo = d->m[mi].off + 30;
			status_add(d, mi, st, rand_day(&d->r, lo, hi), reason);
			return;
		}
		d->m[mi].busy = 0;
	}
}

static void plan_statuses(struct demo *d)
{
	size_t i;
	int k, removed_prob = 0;

	/* Probationers admitted 13-24 months before the end: official at exactly the end of
	 * probation (R-PROBATION-MONTHS), the cell's vote a few working days later; one fails. */
	for (i = 0; i < d->nm; i++) {
		struct d_member *m = &d->m[i];
		date_t vote;

		if (!m->past_prob)
			continue;
		m->busy = 1;
		vote = date_add_working_days(m->off, (int)rng_range(&d->r, 0, 15));
		if (vote > d->end - 1)
			vote = m->off;
		if (!removed_prob && m->cat == VN_CAT_MILITIA) {
			removed_prob = 1;
			status_add(d, (int)i, MS_REMOVED, vote,
				   "Không đủ tư cách đảng viên khi hết thời gian dự bị");
			continue;
		}
		status_add(d, (int)i, MS_OFFICIAL, vote, "Chi bộ xét công nhận đảng viên chính thức");
	}
	for (k = 0; k < 6; k++)
		status_plan(d, want_official, MS_DECEASED, ymd(2020, 1, 1), "Từ trần");
	for (k = 0; k < 5; k++)
		status_plan(d, want_official, MS_REMOVED, ymd(2023, 1, 1),
			    "Không đóng đảng phí 3 tháng trong năm không có lý do chính đáng");
	for (k = 0; k < 8; k++)
		status_plan(d, want_old_officer, MS_TRANSFERRED_OUT, ymd(2021, 1, 1),
			    "Nghỉ hưu, chuyển sinh hoạt đảng về địa phương nơi cư trú");
	for (k = 0; k < 3; k++)
		status_plan(d, want_older_local, MS_EXEMPT, ymd(2024, 1, 1),
			    "Sức khỏe yếu, được miễn sinh hoạt đảng");
}

/* ---- the restructuring steps ------------------------------------------------------- */

static enum err_code step_merge(struct demo *d, date_t date)
{
	const char *src[1];

	src[0] = d->o[d->merge_src].code;
	return app_org_merge(d->a, d->ac, src, 1, d->o[d->merge_dst].code, date, d->e);
}

static enum err_code step_rename(struct demo *d, date_t date)
{
	struct org o;
	struct buf nm;
	enum err_code rc;
	const char *dn = strstr(d->o[d->sapa].name, "Sa Pa");

	buf_init(&nm, 0);
	buf_printf(&nm, "Đảng bộ Quân sự thị xã %s", dn ? dn : "Sa Pa");
	rc = app_org_rename(d->a, d->ac, d->o[d->sapa].code, buf_str(&nm), date, d->e);
	if (!rc) {
		buf_reset(&nm);
		buf_printf(&nm, "Chi bộ Cơ quan Ban Chỉ huy Quân sự thị xã %s", dn ? dn : "Sa Pa");
		rc = app_org_rename(d->a, d->ac, d->o[d->sapa_cq].code, buf_str(&nm), date, d->e);
	}
	if (!rc)
		rc = app_org_get(d->a, d->ac, d->o[d->sapa].code, &o, d->e);
	if (!rc) {
		snprintf(o.local_committee, sizeof o.local_committee, "Thị ủy %s",
			 dn ? dn : "Sa Pa");
		rc = app_org_edit(d->a, d->ac, &o, date, d->e);
	}
	buf_cleanup(&nm);
	return rc;
}

static enum err_code step_move(struct demo *d, date_t date)
{
	return app_org_move(d->a, d->ac, d->o[d->moved].code, d->o[d->moved_to].code, date, d->e);
}

static enum err_code step_split(struct demo *d, date_t date)
{
	struct org o;
	struct split_assign *as;
	const struct d_org *src = &d->o[d->split_src];
	char c8[ORG_CODE_MAX + 1];
	size_t i, n = 0;
	enum err_code rc;
	int k = 0;

	/* The new company first, under the same battalion. */
	memset(&o, 0, sizeof o);
	snprintf(c8, sizeof c8, "%.*s8", (int)strlen(src->code) - 1, src->code);
	snprintf(o.code, sizeof o.code, "%s", c8);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", d->o[src->parent].code);
	snprintf(o.name, sizeof o.name, "Chi bộ Đại đội 8");
	o.kind = OK_CELL;
	o.militia = o.self_defence = o.reserve = -1;
	o.established = date;
	o.dissolved = DATE_NONE;
	if ((rc = app_org_add(d->a, d->ac, &o, d->e)))
		return rc;
	/* Every member on the roll is assigned: every other one admitted before the split
	 * goes to the new company, the rest stay. */
	as = xcalloc(src->size ? (size_t)src->size : 1, sizeof *as);
	for (i = 0; i < d->nm; i++) {
		if (d->m[i].org != d->split_src)
			continue;
		as[n].member_id = (int64_t)i + 1;
		as[n].line = (long)n + 1;
		snprintf(as[n].org_code, sizeof as[n].org_code, "%s",
			 d->m[i].adm < date && (k++ % 2) ? c8 : src->code);
		n++;
	}
	rc = app_org_split(d->a, d->ac, src->code, as, n, 1, date, d->e);
	free(as);
	return rc;
}

static enum err_code step_dissolve(struct demo *d, date_t date)
{
	return app_org_dissolve(d->a, d->ac, d->o[d->depot].code, d->o[d->depot_to].code, date,
				d->e);
}

static void plan_restructuring(struct demo *d)
{
	size_t i;

	/* A commune of Vị Xuyên (Hà Giang) goes to the provincial capital. */
	d->moved = d->moved_to = -1;
	for (i = 0; i < d->no; i++) {
		if (d->o[i].kind == OK_GRASSROOTS && d->o[i].prov == 0 && d->o[i].dist >= 0) {
			const char *dn = vn_province[0].district[d->o[i].dist].name;

			if (strcmp(dn, "Hà Giang") == 0)
				d->moved_to = (int)i;
			if (strcmp(dn, "Vị Xuyên") == 0 && i + 3 < d->no)
				d->moved = (int)i + 3; /* its CQ cell, the seat, then this commune */
		}
	}
	step_add(d, ymd(2019, 7, 1), step_merge, "merging two companies");
	step_add(d, ymd(2020, 1, 1), step_rename, "renaming the Sa Pa military command");
	if (d->moved >= 0 && d->moved_to >= 0)
		step_add(d, ymd(2020, 3, 2), step_move, "moving a commune military cell");
	step_add(d, ymd(2021, 4, 1), step_split, "splitting a company");
	step_add(d, ymd(2022, 9, 1), step_dissolve, "dissolving a depot cell");
}

static int cmp_action(const void *x, const void *y)
{
	const struct action *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Run the history in date order; stop at the first failure. */
static enum err_code run_history(struct demo *d)
{
	enum err_code rc = ERR_OK;
	size_t i;

	qsort(d->act, d->nact, sizeof *d->act, cmp_action);
	for (i = 0; i < d->nact && !rc; i++) {
		struct action *x = &d->act[i];
		struct d_transfer *t = x->ref >= 0 && x->kind != ACT_STATUS ? &d->t[x->ref] : NULL;
		struct transfer tr;
		char dd[DATE_STR];

		switch (x->kind) {
		case ACT_SEND:
			rc = app_member_transfer(d->a, d->ac, (int64_t)t->member + 1,
						 d->o[t->to].code, t->temporary, x->date,
						 t->temporary ? t->until : DATE_NONE, t->reason,
						 t->letter, &tr, d->e);
			t->id = tr.id;
			x->what = "sending a transfer";
			break;
		case ACT_RECEIVE:
			rc = app_member_receive(d->a, d->ac, t->id, x->date, &tr, d->e);
			x->what = "receiving a transfer";
			break;
		case ACT_RETURN:
			rc = app_member_return(d->a, d->ac, t->id, x->date, d->e);
			x->what = "ending a temporary transfer";
			break;
		case ACT_STATUS:
			rc = app_member_status(d->a, d->ac, (int64_t)x->ref + 1, x->status, x->date,
					       x->reason, d->e);
			x->what = "changing a member's status";
			break;
		case ACT_STEP:
			rc = x->step(d, x->date);
			break;
		}
		if (rc)
			err_add(d->e, rc, 0, NULL, NULL, NULL,
				"the demo's history stopped while %s on %s", x->what,
				date_format(x->date, dd));
	}
	return rc;
}

/* ---- the home page's worklist ------------------------------------------------------- */

/* Whether name holds the letter đ (Đặng, Đỗ, Đức, Điện ...): the worklist's members are
 * found by an accent-free search ("dang", "duc"), as d finds đ. */
static int has_dd(const char *name)
{
	return strstr(name, "Đ") != NULL || strstr(name, "đ") != NULL;
}

/* An official member the history left alone whose name holds đ: its index (id - 1) with
 * *out filled, or -1. */
static int worklist_member(struct demo *d, struct member *out)
{
	struct err tmp;
	int tries, mi;

	for (tries = 0; tries < 400; tries++) {
		if ((mi = pick_member(d, want_official)) < 0)
			return -1;
		err_init(&tmp);
		if (store_member_get(d->a->st, (int64_t)mi + 1, out, &tmp) == ERR_OK &&
		    out->status == MS_OFFICIAL && !out->temp_org_id && has_dd(out->full_name)) {
			err_cleanup(&tmp);
			return mi;
		}
		err_cleanup(&tmp);
	}
	return -1;
}

/* Give member id the number of kind k of holder, as an old register did before
 * R-MEMBER-UNIQUE-NUMBERS (both keep it; id is listed as clashing), in the audit log as a
 * correction of id's record. */
static enum err_code share_number(struct demo *d, const struct member *m, enum member_number k,
				  int64_t holder)
{
	struct member after;
	char subject[48], *before, *now;
	enum err_code rc;

	if ((rc = app_begin(d->a, d->e)))
		return rc;
	before = app_member_json(m);
	rc = store_member_number_share(d->a->st, m->id, k, holder, d->e);
	if (!rc)
		rc = store_member_get(d->a->st, m->id, &after, d->e);
	now = rc ? NULL : app_member_json(&after);
	snprintf(subject, sizeof subject, "member:%lld", (long long)m->id);
	if (!rc)
		rc = app_audit(d->a, d->ac, "member.edit", subject, m->org_id, before, now, d->e);
	free(before);
	free(now);
	return app_end(d->a, rc, d->e);
}

/* Something in each item of the home page's worklist on the demo's last day and after it:
 * official transfers sent and not yet received (two sent in the summer, overdue by
 * R-TRANSFER-COMPLETE-WORKING-DAYS; two in the last week), and members whose numbers clash
 * with another's, as records kept from before R-MEMBER-UNIQUE-NUMBERS (one pair of each
 * number). The reviews of the current year wait already: the demo's reviews end with 2025.
 * Made after the whole history, from members it left alone, whose names hold đ. Nothing the
 * seeds' figures count changes: a transfer not yet received leaves the member on the roll
 * they left, and a shared number is no figure. */
static enum err_code plan_worklist(struct demo *d)
{
	static const struct {
		int m, d;
		const char *reason;
	} sends[] = {
		{6, 8, "Điều động công tác"},
		{7, 6, "Luân chuyển cán bộ"},
		{10, 26, "Điều động công tác"},
		{10, 28, "Bổ nhiệm chức vụ mới"},
	};
	struct member m, holder;
	struct transfer tr;
	size_t i;
	int mi, to, k;
	enum err_code rc;

	for (i = 0; i < sizeof sends / sizeof sends[0]; i++) {
		char letter[32];

		if ((mi = worklist_member(d, &m)) < 0 ||
		    (to = pick_org(d, ok_army, d->m[mi].org)) < 0)
			return err_set(d->e, ERR_INTERNAL, "the demo found no member to send on a "
					   "transfer for the worklist");
		snprintf(letter, sizeof letter, "%u-GGT/ĐU-2026",
			 (unsigned)rng_range(&d->r, 12, 980));
		rc = app_member_transfer(d->a, d->ac, m.id, d->o[to].code, 0,
					 ymd(2026, sends[i].m, sends[i].d), DATE_NONE,
					 sends[i].reason, letter, &tr, d->e);
		if (rc)
			return rc;
	}
	for (k = MN_CITIZEN_ID; k <= MN_HISTORY_NO; k++) {
		if (worklist_member(d, &holder) < 0 || worklist_member(d, &m) < 0)
			return err_set(d->e, ERR_INTERNAL, "the demo found no member to share a "
					   "number for the worklist");
		if ((rc = share_number(d, &m, (enum member_number)k, holder.id)))
			return rc;
	}
	return ERR_OK;
}

/* ---- the whole demo ---------------------------------------------------------------- */

/* A rule value the demo builds by; ERR_INTERNAL when the rule is not in force. */
static enum err_code rule(struct demo *d, const char *id, long *out)
{
	if (!ruleset_int(&d->a->rules, id, d->end, out))
		return err_set(d->e, ERR_INTERNAL,
			       "the demo needs rule %s to be in force on its end date", id);
	return ERR_OK;
}

enum err_code app_demo(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo d;
	long n_orgs = 0;
	int quiet = a->quiet;
	enum err_code rc;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	d.e = e;
	d.end = ymd(DEMO_END_Y, DEMO_END_M, DEMO_END_D);
	d.merge_dst = d.merge_src = d.split_src = d.depot = d.depot_to = -1;
	d.sapa = d.sapa_cq = -1;
	rng_seed(&d.r, DEMO_SEED);
	buf_init(&d.csv, 0);
	a->quiet = 1;
	if (ac->scope_code[0]) {
		rc = err_add(e, ERR_RULE, 0, "scope", ac->scope_code, NULL,
			     "the demo builds the whole tree from its root; run it with the whole "
			     "tree in scope, not '%s'", ac->scope_code);
		goto out;
	}
	if ((rc = store_org_count(a->st, &n_orgs, e)))
		goto out;
	if (n_orgs > 0) {
		rc = err_add(e, ERR_RULE, 0, NULL, NULL, NULL,
			     "the database already holds %ld organisations; the demo builds only "
			     "into an empty database: give it a new file", n_orgs);
		goto out;
	}
	if ((rc = rule(&d, R_PROBATION_MONTHS, &d.probation_months)) ||
	    (rc = rule(&d, R_ADMIT_CEREMONY_WORKING_DAYS, &d.ceremony_days)) ||
	    (rc = rule(&d, R_CELL_STANDING_BOARD_MIN, &d.board_min)))
		goto out;
	if (d.ceremony_days < 5)
		d.ceremony_days = 5;
	plan_tree(&d);
	if (d.merge_dst < 0 || d.split_src < 0 || d.depot < 0 || d.sapa < 0) {
		rc = err_set(e, ERR_INTERNAL, "the demo's tree lacks an organisation its history "
					      "restructures");
		goto out;
	}
	gen_members(&d);
	{
		/* Members first (their counts decide standing boards and headcounts), then the
		 * organisations; imported in the other order. */
		struct buf members = d.csv;

		buf_init(&d.csv, 0);
		write_orgs(&d);
		rc = import_csv(&d, 0);
		buf_cleanup(&d.csv);
		d.csv = members;
		if (rc)
			goto out;
		rc = import_csv(&d, 1);
		if (rc) {
			err_add(e, rc, 0, NULL, NULL, NULL,
				"the demo's organisations were imported but its members were not; "
				"delete the database and build the demo again");
			goto out;
		}
	}
	plan_restructuring(&d);
	plan_transfers(&d);
	plan_temporary(&d);
	plan_statuses(&d);
	if ((rc = run_history(&d)) || (rc = demo_reviews(a, ac, e)) ||
	    (rc = demo_inspection(a, ac, e)) || (rc = plan_worklist(&d)) ||
	    (rc = demo_admissions(a, ac, e)) || (rc = demo_meetings(a, ac, e)) ||
	    (rc = demo_study(a, ac, e)) || (rc = demo_hb(a, ac, e)) ||
	    (rc = demo_cadres(a, ac, e)) ||
	    (rc = demo_training(a, ac, e)) || (rc = demo_sheet(a, ac, e)) ||
	    (rc = demo_plan(a, ac, e)) || (rc = demo_discipline(a, ac, e)) ||
	    (rc = demo_complaints(a, ac, e)))
		err_add(e, rc, 0, NULL, NULL, NULL,
			"the database holds part of the demo; delete it and build the demo again");
out:
	a->quiet = quiet;
	buf_cleanup(&d.csv);
	free(d.o);
	free(d.m);
	free(d.t);
	free(d.act);
	return rc;
}
