/* gen.c - seeded, deterministic generator of a national-scale organisation tree and roll.
 *
 * Usage: gen --seed N --orgs-out FILE --members-out FILE [--scale F] [--grouped]
 *        gen --seed N [--scale F] --reviews-out FILE --org-reviews-out FILE [--review-year Y]
 *
 * Scale 1.0 gives about 620 level-3 committees ("provinces": provincial military commands,
 * divisions, brigades, schools, ...) of about 9,000 members each: some 60,000 organisations
 * in 6 levels and 5.6 million members. The scale sets the number of level-3 committees; the
 * shape under each stays the same, so per-province benchmarks compare across scales. The
 * same seed and scale give the same bytes. Output follows docs/csv.md (every column, header
 * row). Members are numbered 1..N; by default their ids are shuffled across the tree, as ids
 * assigned over decades of admissions and transfers are (--grouped numbers them cell by cell,
 * the friendliest order for any store). The data describe the roll as of AS_OF.
 *
 * --reviews-out and --org-reviews-out add a year of review decisions (issue 4) for the same
 * seed and scale: every member's grade (member_id,year,grade), grouped by grassroots
 * organisation, and every grassroots organisation's own grade (org_code,year,grade). They are
 * drawn from a stream of their own, so the other files are the same bytes with or without
 * them, and they can be written alone (no --orgs-out, --members-out) for a data set made
 * before. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/core/vn_data.h"
#include "../src/lib/mem.h"
#include "../src/lib/rng.h"

/* The date the roll describes: every date generated lies on or before it. Fixed, not
 * today's date, so that output depends only on the seed and scale. */
#define AS_OF_Y 2025
#define AS_OF_M 6
#define AS_OF_D 30

#define LEVEL3_AT_SCALE_1 620
#define MEMBERS_PER_LEVEL3 9032  /* mean; 620 x 9,032 = 5.6 million */
#define DATE_NONE INT_MIN
#define NAME_CAP 256

/* ---- dates as days since 1970-01-01 (proleptic Gregorian) ----------------------------- */

static int days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(int z, int *y, int *m, int *d)
{
	int era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

static int is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* The same day of the month `years` later; 29 February becomes 28 February. */
static int add_years(int day, int years)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	y += years;
	if (m == 2 && d == 29 && !is_leap(y))
		d = 28;
	return days_from_civil(y, m, d);
}

static int year_of(int day)
{
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	return y;
}

/* ---- buffered CSV output --------------------------------------------------------------- */

#define OUT_CAP (4u << 20)

/* A file written through one big buffer. A write error is sticky and reported at close. */
struct out {
	FILE *f;
	const char *path;
	char *buf;
	size_t len;
	int failed;
};

static int out_open(struct out *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->path = path;
	o->f = fopen(path, "wb");
	if (!o->f) {
		fprintf(stderr, "gen: cannot create %s: %s\n", path, strerror(errno));
		return -1;
	}
	o->buf = xmalloc(OUT_CAP);
	return 0;
}

static void out_flush(struct out *o)
{
	if (o->len && !o->failed && fwrite(o->buf, 1, o->len, o->f) != o->len)
		o->failed = errno ? errno : EIO;
	o->len = 0;
}

/* Flush and close; returns 0, or -1 after saying what failed. */
static int out_close(struct out *o)
{
	int rc = 0;

	out_flush(o);
	if (fclose(o->f) != 0 && !o->failed)
		o->failed = errno ? errno : EIO;
	if (o->failed) {
		fprintf(stderr, "gen: writing %s failed: %s\n", o->path, strerror(o->failed));
		rc = -1;
	}
	free(o->buf);
	o->buf = NULL;
	return rc;
}

static void out_raw(struct out *o, const char *s, size_t n)
{
	if (o->len + n > OUT_CAP)
		out_flush(o);
	if (n > OUT_CAP) {
		if (!o->failed && fwrite(s, 1, n, o->f) != n)
			o->failed = errno ? errno : EIO;
		return;
	}
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void out_str(struct out *o, const char *s)
{
	out_raw(o, s, strlen(s));
}

static void out_c(struct out *o, char c)
{
	if (o->len + 1 > OUT_CAP)
		out_flush(o);
	o->buf[o->len++] = c;
}

/* One CSV field, quoted when it holds a comma, quote, CR or LF or starts or ends with a
 * space (the rule of docs/csv.md and src/lib/csv.h), quotes doubled. No separator. */
static void csv_text(struct out *o, const char *s)
{
	size_t n = strlen(s), i;
	int quote = n && (s[0] == ' ' || s[n - 1] == ' ');

	for (i = 0; i < n && !quote; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n')
			quote = 1;
	if (!quote) {
		out_raw(o, s, n);
		return;
	}
	out_c(o, '"');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			out_c(o, '"');
		out_c(o, s[i]);
	}
	out_c(o, '"');
}

static void out_uint(struct out *o, unsigned long long v)
{
	char tmp[24];
	size_t i = sizeof tmp;

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	out_raw(o, tmp + i, sizeof tmp - i);
}

/* v in exactly `width` digits, zero-padded (v must fit). */
static void out_digits(struct out *o, unsigned long long v, int width)
{
	char tmp[24];
	int i;

	for (i = width - 1; i >= 0; i--) {
		tmp[i] = (char)('0' + v % 10);
		v /= 10;
	}
	out_raw(o, tmp, (size_t)width);
}

/* YYYY-MM-DD, or nothing for DATE_NONE. */
static void out_date(struct out *o, int day)
{
	char tmp[10];
	int y, m, d;

	if (day == DATE_NONE)
		return;
	civil_from_days(day, &y, &m, &d);
	tmp[0] = (char)('0' + y / 1000);
	tmp[1] = (char)('0' + y / 100 % 10);
	tmp[2] = (char)('0' + y / 10 % 10);
	tmp[3] = (char)('0' + y % 10);
	tmp[4] = '-';
	tmp[5] = (char)('0' + m / 10);
	tmp[6] = (char)('0' + m % 10);
	tmp[7] = '-';
	tmp[8] = (char)('0' + d / 10);
	tmp[9] = (char)('0' + d % 10);
	out_raw(o, tmp, sizeof tmp);
}

/* ---- weighted tables ------------------------------------------------------------------ */

/* A vn_list with its running totals, for O(log n) picks. */
struct picker {
	const struct vn_list *list;
	uint64_t *cum;
};

static void picker_init(struct picker *p, const struct vn_list *l)
{
	uint64_t total = 0;
	size_t i;

	p->list = l;
	p->cum = xmalloc((l->n ? l->n : 1) * sizeof *p->cum);
	for (i = 0; i < l->n; i++) {
		total += l->item[i].weight;
		p->cum[i] = total;
	}
}

static const char *pick(struct rng *r, const struct picker *p)
{
	return p->list->item[rng_pick_cumulative(r, p->cum, p->list->n)].name;
}

/* ---- the organisation tree ------------------------------------------------------------ */

enum kind { KIND_COMMITTEE, KIND_GRASSROOTS, KIND_SUBCOMMITTEE, KIND_CELL };
static const char *const kind_code[] = { "committee", "grassroots", "subcommittee", "cell" };

enum gtype {
	GT_NONE, GT_AGENCY, GT_COMBAT, GT_LOCAL_MILITARY, GT_BORDER_POST, GT_SCHOOL,
	GT_HOSPITAL, GT_ENTERPRISE
};
static const char *const gtype_code[] = {
	"", "agency", "combat", "local_military", "border_post", "school", "hospital",
	"enterprise"
};

/* Who serves in a cell: sets the mix of member categories. */
enum flavour {
	FL_AGENCY, FL_COMBAT, FL_COMMUNE, FL_BORDER, FL_SCHOOL, FL_HOSPITAL, FL_ENTERPRISE,
	FL_COUNT
};

/* Category weights (enum vn_category order) per flavour. */
static const unsigned cat_mix[FL_COUNT][VN_CAT_COUNT] = {
	[FL_AGENCY] = { 60, 25, 5, 10, 0, 0, 0 },
	[FL_COMBAT] = { 35, 20, 45, 0, 0, 0, 0 },
	[FL_COMMUNE] = { 3, 0, 0, 0, 75, 7, 15 },
	[FL_BORDER] = { 55, 30, 15, 0, 0, 0, 0 },
	[FL_SCHOOL] = { 55, 15, 20, 10, 0, 0, 0 },
	[FL_HOSPITAL] = { 40, 40, 5, 15, 0, 0, 0 },
	[FL_ENTERPRISE] = { 15, 10, 0, 60, 0, 15, 0 },
};

/* Per cent of a unit's members whose home town is the unit's own province. */
static const unsigned local_pct[FL_COUNT] = {
	[FL_AGENCY] = 60, [FL_COMBAT] = 35, [FL_COMMUNE] = 97, [FL_BORDER] = 55,
	[FL_SCHOOL] = 20, [FL_HOSPITAL] = 40, [FL_ENTERPRISE] = 50,
};

struct org {
	char code[33];
	char name[160];
	char local_committee[96];
	int parent;           /* index in the org array, -1 for the root */
	int level3;           /* index of the level-3 ancestor (itself at level 3), -1 above */
	unsigned char level;  /* 1 (root) to 6 */
	unsigned char kind;   /* enum kind */
	unsigned char gtype;  /* enum gtype, grassroots only */
	unsigned char flavour;
	short province;       /* vn_province index of the area served, -1 for none */
	short district;       /* district index within it, -1 for none */
	int militia, self_defence, reserve;  /* -1: not given */
	int established;
	unsigned l3_index;    /* 0-based ordinal of a level-3 committee */
	unsigned target;      /* members to place on this roll */
	unsigned members, officials;  /* counted while members are written */
};

struct tree {
	struct org *org;
	size_t n, cap;
	/* Running unit numbers, so that names do not repeat across the tree. */
	unsigned next_division, next_brigade, next_regiment, next_battalion, next_hospital;
	unsigned next_school, next_company, next_enterprise;
};

static int tree_add(struct tree *t, int parent, enum kind kind, unsigned char level)
{
	struct org *o;

	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->org = xrealloc(t->org, t->cap * sizeof *t->org);
	}
	o = &t->org[t->n];
	memset(o, 0, sizeof *o);
	o->parent = parent;
	o->kind = (unsigned char)kind;
	o->level = level;
	o->level3 = parent >= 0 ? t->org[parent].level3 : -1;
	o->province = parent >= 0 ? t->org[parent].province : -1;
	o->district = parent >= 0 ? t->org[parent].district : -1;
	o->flavour = parent >= 0 ? t->org[parent].flavour : FL_AGENCY;
	o->militia = o->self_defence = o->reserve = -1;
	return (int)t->n++;
}

/* The child's code: the parent's code, a dot, then the suffix. */
static void set_code(struct tree *t, int i, const char *prefix, unsigned num, int width)
{
	struct org *o = &t->org[i];
	const char *pc = o->parent >= 0 ? t->org[o->parent].code : "";

	int n;

	if (o->level <= 3)
		n = snprintf(o->code, sizeof o->code, "%s%0*u", prefix, width, num);
	else
		n = snprintf(o->code, sizeof o->code, "%s.%s%0*u", pc, prefix, width, num);
	/* Codes are at most 17 bytes by construction; a cut code would not be unique. */
	if (n < 0 || (size_t)n >= sizeof o->code) {
		fprintf(stderr, "gen: organisation code too long under %s\n", pc);
		exit(70);
	}
}

/* Set an organisation's name; names are short by construction, so one that does not fit is
 * a bug in this file. */
static void org_name(struct org *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void org_name(struct org *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(o->name, sizeof o->name, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof o->name) {
		fprintf(stderr, "gen: organisation name too long: %s\n", o->name);
		exit(70);
	}
}

static int random_date(struct rng *r, int y0, int y1)
{
	int lo = days_from_civil(y0, 1, 1), hi = days_from_civil(y1, 12, 31);

	return (int)rng_range(r, lo, hi);
}

/* When a unit under parent was established: after its parent, and often in the
 * restructuring of 2021-2024 (seed 004: thousands of grassroots organisations re-formed). */
static int unit_date(struct rng *r, const struct org *parent)
{
	int lo = parent->established, hi = days_from_civil(2024, 12, 31);
	int reform = days_from_civil(2021, 1, 1);

	if (lo < reform && rng_chance(r, 300))
		lo = reform;
	return (int)rng_range(r, lo, hi);
}

static void name_district(char *out, size_t cap, const char *what, const struct vn_district *d)
{
	snprintf(out, cap, "%s %s %s", what, vn_district_kind_name(d->kind), d->name);
}

static const char *district_committee(const struct vn_district *d)
{
	switch (d->kind) {
	case VN_DISTRICT_TOWN:
		return "Thị ủy";
	case VN_DISTRICT_CITY:
		return "Thành ủy";
	case VN_DISTRICT_RURAL:
		break;
	}
	return "Huyện ủy";
}

struct gen {
	struct rng rng;
	struct tree tree;
	struct picker commune[2];  /* mountain, lowland */
};

static const struct picker *commune_picker(struct gen *g, int province)
{
	if (province >= 0 && vn_province[province].zone == VN_ZONE_MOUNTAIN)
		return &g->commune[0];
	return &g->commune[1];
}

/* Add a cell under parent; name written by the caller. */
static int add_cell(struct gen *g, int parent, unsigned num, enum flavour fl)
{
	struct tree *t = &g->tree;
	int i = tree_add(t, parent, KIND_CELL, (unsigned char)(t->org[parent].level + 1));

	set_code(t, i, "C", num, 2);
	t->org[i].flavour = (unsigned char)fl;
	t->org[i].established = unit_date(&g->rng, &t->org[parent]);
	return i;
}

static int add_sub(struct gen *g, int parent, unsigned num)
{
	struct tree *t = &g->tree;
	int i = tree_add(t, parent, KIND_SUBCOMMITTEE, (unsigned char)(t->org[parent].level + 1));

	set_code(t, i, "S", num, 1);
	t->org[i].established = unit_date(&g->rng, &t->org[parent]);
	return i;
}

static const char *const agency_office[] = {
	"Phòng Tham mưu", "Phòng Chính trị", "Phòng Hậu cần - Kỹ thuật", "Phòng Hậu cần",
	"Phòng Kỹ thuật",
};
static const char *const agency_section[] = {
	"Ban Tác chiến", "Ban Quân lực", "Ban Thông tin", "Ban Tổ chức", "Ban Cán bộ",
	"Ban Tuyên huấn", "Ban Bảo vệ an ninh", "Ban Quân nhu", "Ban Doanh trại",
	"Ban Quân khí", "Ban Xe - Máy", "Ban Tài chính", "Ban Dân quân tự vệ", "Ban Quân y",
};
static const char *const agency_direct[] = {
	"Văn phòng", "Đội Xe", "Trung đội Cảnh vệ", "Kho Quân khí",
};
static const char *const regiment_direct[] = {
	"Cơ quan", "Đại đội Trinh sát", "Đại đội Thông tin", "Đại đội Công binh",
	"Đại đội Vận tải",
};
static const char *const border_team[] = {
	"Đội Vũ trang", "Đội Trinh sát", "Đội Vận động quần chúng",
	"Đội Phòng chống ma túy và tội phạm", "Trạm Kiểm soát Biên phòng", "Cơ quan Đồn",
};
static const char *const school_faculty[] = {
	"Khoa Chiến thuật", "Khoa Công tác Đảng, Công tác Chính trị", "Khoa Hậu cần - Kỹ thuật",
	"Khoa Quân sự địa phương", "Khoa Khoa học Xã hội và Nhân văn", "Khoa Bắn súng",
	"Khoa Ngoại ngữ - Tin học",
};
static const char *const school_block[] = {
	"Tiểu đoàn Học viên", "Khối Giảng dạy", "Khối Cơ quan",
};
static const char *const hospital_block[] = {
	"Khối Nội", "Khối Ngoại", "Khối Cận lâm sàng", "Khối Cơ quan",
};
static const char *const hospital_dept[] = {
	"Khoa Nội tổng hợp", "Khoa Ngoại chấn thương", "Khoa Truyền nhiễm",
	"Khoa Hồi sức cấp cứu", "Khoa Xét nghiệm", "Khoa Chẩn đoán hình ảnh", "Khoa Dược",
	"Khoa Răng Hàm Mặt", "Khoa Mắt", "Khoa Tai Mũi Họng", "Khoa Y học cổ truyền",
	"Khoa Phụ sản", "Khoa Nhi", "Khoa Ngoại tổng hợp",
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Build the subcommittees and cells of grassroots committee gi by its type. */
static void build_grassroots_body(struct gen *g, int gi)
{
	struct tree *t = &g->tree;
	struct rng *r = &g->rng;
	enum gtype gt = (enum gtype)t->org[gi].gtype;
	unsigned nsub = 0, ncell_per = 0, ndirect = 0, s, c, cellno = 1, base;
	int si, ci;

	switch (gt) {
	case GT_AGENCY:
		nsub = (unsigned)rng_range(r, 2, 4);
		ndirect = (unsigned)rng_range(r, 0, 2);
		break;
	case GT_COMBAT:
		nsub = (unsigned)rng_range(r, 2, 4);
		ndirect = (unsigned)rng_range(r, 1, 3);
		break;
	case GT_LOCAL_MILITARY:
		ndirect = (unsigned)rng_range(r, 7, 13);
		break;
	case GT_BORDER_POST:
		ndirect = (unsigned)rng_range(r, 3, 6);
		break;
	case GT_SCHOOL:
	case GT_HOSPITAL:
	case GT_ENTERPRISE:
		nsub = (unsigned)rng_range(r, 2, 3);
		ndirect = (unsigned)rng_range(r, 1, 2);
		break;
	case GT_NONE:
		break;
	}
	for (s = 1; s <= nsub; s++) {
		si = add_sub(g, gi, s);
		switch (gt) {
		case GT_AGENCY:
			org_name(&t->org[si], "Đảng bộ %s",
				 agency_office[(s - 1) % COUNT(agency_office)]);
			ncell_per = (unsigned)rng_range(r, 2, 4);
			break;
		case GT_COMBAT:
			org_name(&t->org[si], "Đảng bộ Tiểu đoàn %u",
				 ++t->next_battalion);
			ncell_per = (unsigned)rng_range(r, 3, 4);
			break;
		case GT_SCHOOL:
			org_name(&t->org[si], "Đảng bộ %s",
				 school_block[(s - 1) % COUNT(school_block)]);
			ncell_per = (unsigned)rng_range(r, 3, 5);
			break;
		case GT_HOSPITAL:
			org_name(&t->org[si], "Đảng bộ %s",
				 hospital_block[(s - 1) % COUNT(hospital_block)]);
			ncell_per = (unsigned)rng_range(r, 3, 5);
			break;
		case GT_ENTERPRISE:
			org_name(&t->org[si], "Đảng bộ Xí nghiệp %u",
				 s);
			ncell_per = (unsigned)rng_range(r, 2, 4);
			break;
		case GT_LOCAL_MILITARY:
		case GT_BORDER_POST:
		case GT_NONE:
			break;
		}
		/* Cells of one subcommittee take different names from a random start. */
		base = (unsigned)rng_below(r, 1000);
		for (c = 0; c < ncell_per; c++) {
			struct org *o;

			ci = add_cell(g, si, cellno++, (enum flavour)t->org[si].flavour);
			o = &t->org[ci];
			switch (gt) {
			case GT_AGENCY:
				org_name(o, "Chi bộ %s",
					 agency_section[(base + c) % COUNT(agency_section)]);
				break;
			case GT_COMBAT:
				org_name(o, "Chi bộ Đại đội %u",
					 ++t->next_company % 30 + 1);
				break;
			case GT_SCHOOL:
				if (s == 1)
					org_name(o, "Chi bộ Đại đội Học viên %u", c + 1);
				else
					org_name(o, "Chi bộ %s",
						 school_faculty[(base + c) %
								COUNT(school_faculty)]);
				break;
			case GT_HOSPITAL:
				org_name(o, "Chi bộ %s",
					 hospital_dept[(base + c) % COUNT(hospital_dept)]);
				break;
			case GT_ENTERPRISE:
				org_name(o, "Chi bộ Phân xưởng %u", c + 1);
				break;
			case GT_LOCAL_MILITARY:
			case GT_BORDER_POST:
			case GT_NONE:
				break;
			}
		}
	}
	base = (unsigned)rng_below(r, 1000);  /* distinct commune and team names, as above */
	for (c = 0; c < ndirect; c++) {
		struct org *o;
		const char *commune;
		const struct vn_list *cl;

		ci = add_cell(g, gi, cellno++, (enum flavour)t->org[gi].flavour);
		o = &t->org[ci];
		switch (gt) {
		case GT_AGENCY:
			org_name(o, "Chi bộ %s",
				 agency_direct[c % COUNT(agency_direct)]);
			break;
		case GT_COMBAT:
			org_name(o, "Chi bộ %s",
				 regiment_direct[c % COUNT(regiment_direct)]);
			if (c == 0)
				o->flavour = FL_AGENCY;
			break;
		case GT_LOCAL_MILITARY:
			if (c == 0) {
				org_name(o, "Chi bộ Cơ quan");
				o->flavour = FL_AGENCY;
				break;
			}
			/* A commune-level military party cell (chi bộ quân sự xã): led by the
			 * commune party committee too, and it holds the commune's forces. */
			cl = commune_picker(g, o->province)->list;
			commune = cl->item[(base + c) % cl->n].name;
			org_name(o, "Chi bộ Quân sự xã %s", commune);
			snprintf(o->local_committee, sizeof o->local_committee, "Đảng ủy xã %s",
				 commune);
			o->flavour = FL_COMMUNE;
			o->militia = (int)rng_range(r, 40, 160);
			o->self_defence = (int)rng_range(r, 0, 40);
			o->reserve = (int)rng_range(r, 60, 400);
			break;
		case GT_BORDER_POST:
			org_name(o, "Chi bộ %s",
				 border_team[c % COUNT(border_team)]);
			break;
		case GT_SCHOOL:
		case GT_HOSPITAL:
		case GT_ENTERPRISE:
			org_name(o, "Chi bộ %s",
				 c == 0 ? "Cơ quan" : "Phòng Kế hoạch - Kỹ thuật");
			if (c == 0)
				o->flavour = FL_AGENCY;
			break;
		case GT_NONE:
			break;
		}
	}
}

static int add_grassroots(struct gen *g, int parent, unsigned num, enum gtype gt,
			  enum flavour fl)
{
	struct tree *t = &g->tree;
	int i = tree_add(t, parent, KIND_GRASSROOTS, 4);

	set_code(t, i, "G", num, 2);
	t->org[i].gtype = (unsigned char)gt;
	t->org[i].flavour = (unsigned char)fl;
	t->org[i].established = unit_date(&g->rng, &t->org[parent]);
	return i;
}

/* Kinds of level-3 committee. */
enum l3type { L3_PROVINCE, L3_BORDER_GUARD, L3_DIVISION, L3_BRIGADE, L3_SCHOOL, L3_HOSPITAL,
	L3_ENTERPRISE, L3_NAVAL };

/* The grassroots committees of a level-3 committee l3 of type ty. */
static void build_level3_body(struct gen *g, int l3, enum l3type ty)
{
	struct tree *t = &g->tree;
	struct rng *r = &g->rng;
	int prov = t->org[l3].province, gi;
	const struct vn_province *p = prov >= 0 ? &vn_province[prov] : NULL;
	unsigned n, k, num = 1, base;
	const struct vn_list *cl;
	char unit[sizeof t->org[l3].name];

	/* "Đảng bộ Sư đoàn 316" has the agency "Đảng bộ Cơ quan Sư đoàn 316". */
	snprintf(unit, sizeof unit, "%s", t->org[l3].name + strlen("Đảng bộ "));
	gi = add_grassroots(g, l3, num++, GT_AGENCY, FL_AGENCY);
	org_name(&t->org[gi], "Đảng bộ Cơ quan %s", unit);
	build_grassroots_body(g, gi);

	switch (ty) {
	case L3_PROVINCE:
		/* District military commands: one grassroots committee per district. */
		n = (unsigned)rng_range(r, 7, 10);
		if (n > p->n_district)
			n = (unsigned)p->n_district;
		for (k = 0; k < n; k++) {
			const struct vn_district *d = &p->district[k];

			gi = add_grassroots(g, l3, num++, GT_LOCAL_MILITARY, FL_AGENCY);
			t->org[gi].district = (short)k;
			name_district(t->org[gi].name, sizeof t->org[gi].name, "Đảng bộ Quân sự",
				      d);
			snprintf(t->org[gi].local_committee, sizeof t->org[gi].local_committee,
				 "%s %s", district_committee(d), d->name);
			build_grassroots_body(g, gi);
		}
		if (rng_chance(r, 500)) {
			gi = add_grassroots(g, l3, num++, GT_COMBAT, FL_COMBAT);
			org_name(&t->org[gi], "Đảng bộ Trung đoàn %u",
				 ++t->next_regiment);
			build_grassroots_body(g, gi);
		}
		break;
	case L3_BORDER_GUARD:
		n = (unsigned)rng_range(r, 11, 15);
		cl = commune_picker(g, prov)->list;
		base = (unsigned)rng_below(r, 1000);  /* posts named after distinct communes */
		for (k = 0; k < n; k++) {
			const struct vn_district *d = &p->district[rng_below(r, p->n_district)];

			gi = add_grassroots(g, l3, num++, GT_BORDER_POST, FL_BORDER);
			org_name(&t->org[gi], "Đảng bộ Đồn Biên phòng %s",
				 cl->item[(base + k) % cl->n].name);
			snprintf(t->org[gi].local_committee, sizeof t->org[gi].local_committee,
				 "%s %s", district_committee(d), d->name);
			build_grassroots_body(g, gi);
		}
		break;
	case L3_DIVISION:
	case L3_BRIGADE:
	case L3_NAVAL:
		n = (unsigned)rng_range(r, 4, 6);
		for (k = 0; k < n; k++) {
			gi = add_grassroots(g, l3, num++, GT_COMBAT, FL_COMBAT);
			if (ty == L3_DIVISION)
				org_name(&t->org[gi], "Đảng bộ Trung đoàn %u", ++t->next_regiment);
			else if (ty == L3_NAVAL)
				org_name(&t->org[gi], "Đảng bộ Hải đoàn %u", ++t->next_regiment);
			else
				org_name(&t->org[gi], "Đảng bộ Tiểu đoàn %u", ++t->next_battalion);
			build_grassroots_body(g, gi);
		}
		break;
	case L3_SCHOOL:
	case L3_HOSPITAL:
	case L3_ENTERPRISE:
		n = (unsigned)rng_range(r, 5, 7);
		for (k = 0; k < n; k++) {
			enum gtype gt = ty == L3_SCHOOL ? GT_SCHOOL :
					ty == L3_HOSPITAL ? GT_HOSPITAL : GT_ENTERPRISE;
			enum flavour fl = ty == L3_SCHOOL ? FL_SCHOOL :
					  ty == L3_HOSPITAL ? FL_HOSPITAL : FL_ENTERPRISE;

			gi = add_grassroots(g, l3, num++, gt, fl);
			if (ty == L3_SCHOOL)
				org_name(&t->org[gi], "Đảng bộ %s",
					 school_faculty[k % COUNT(school_faculty)]);
			else if (ty == L3_HOSPITAL)
				org_name(&t->org[gi], "Đảng bộ Bệnh viện Quân y %u",
					 ++t->next_hospital);
			else {
				org_name(&t->org[gi], "Đảng bộ Công ty %u", ++t->next_enterprise);
				/* Enterprises keep self-defence forces. */
				t->org[gi].self_defence = (int)rng_range(r, 30, 150);
			}
			build_grassroots_body(g, gi);
		}
		break;
	}
}

/* Name and type the k-th level-3 committee (0-based, of n) under command c; province
 * commands come first, then the other kinds in turn. */
static enum l3type plan_level3(struct gen *g, int l3, const struct vn_command *c, unsigned k,
			       int *next_prov)
{
	static const enum l3type region_cycle[] = {
		L3_DIVISION, L3_BRIGADE, L3_DIVISION, L3_SCHOOL, L3_HOSPITAL, L3_ENTERPRISE,
	};
	static const enum l3type service_cycle[] = {
		L3_NAVAL, L3_BRIGADE, L3_BRIGADE, L3_SCHOOL, L3_HOSPITAL, L3_ENTERPRISE,
	};
	static const enum l3type border_cycle[] = { L3_BRIGADE, L3_SCHOOL, L3_HOSPITAL };
	struct tree *t = &g->tree;
	struct org *o = &t->org[l3];
	size_t i;
	enum l3type ty;
	unsigned extra;

	/* The next province this command is responsible for, if any is left. */
	for (i = (size_t)*next_prov; i < vn_province_count; i++) {
		const struct vn_province *p = &vn_province[i];

		if (c->kind == VN_COMMAND_REGION && p->region == c->region)
			break;
		if (c->kind == VN_COMMAND_BORDER_GUARD && p->border)
			break;
	}
	if (c->kind != VN_COMMAND_SERVICE && i < vn_province_count) {
		const struct vn_province *p = &vn_province[i];

		*next_prov = (int)i + 1;
		o->province = (short)i;
		if (c->kind == VN_COMMAND_REGION) {
			org_name(o, "Đảng bộ Quân sự %s %s",
				 vn_province_kind_name(p), p->name);
			ty = L3_PROVINCE;
		} else {
			org_name(o, "Đảng bộ Bộ đội Biên phòng %s %s",
				 vn_province_kind_name(p), p->name);
			ty = L3_BORDER_GUARD;
		}
		snprintf(o->local_committee, sizeof o->local_committee, "%s %s",
			 strcmp(vn_province_kind_name(p), "tỉnh") == 0 ? "Tỉnh ủy" : "Thành ủy",
			 p->name);
		return ty;
	}
	extra = k;
	if (c->kind == VN_COMMAND_REGION)
		ty = region_cycle[extra % COUNT(region_cycle)];
	else if (c->kind == VN_COMMAND_SERVICE)
		ty = service_cycle[extra % COUNT(service_cycle)];
	else
		ty = border_cycle[extra % COUNT(border_cycle)];
	/* Units of a military region are stationed in its provinces; the rest serve
	 * the whole country. */
	o->province = -1;
	switch (ty) {
	case L3_DIVISION:
		org_name(o, "Đảng bộ Sư đoàn %u", 300 + ++t->next_division);
		break;
	case L3_BRIGADE:
		if (c->kind == VN_COMMAND_BORDER_GUARD)
			org_name(o, "Đảng bộ Hải đoàn Biên phòng %u",
				 10 + ++t->next_brigade);
		else
			org_name(o, "Đảng bộ Lữ đoàn %u",
				 100 + ++t->next_brigade);
		break;
	case L3_NAVAL:
		/* Five naval regions; further slots of the cycle are brigades. */
		if (k / 6 < 5)
			org_name(o, "Đảng bộ Bộ Tư lệnh Vùng %u Hải quân",
				 k / 6 + 1);
		else
			org_name(o, "Đảng bộ Lữ đoàn %u",
				 100 + ++t->next_brigade);
		break;
	case L3_SCHOOL:
		org_name(o, "Đảng bộ Trường Quân sự %s số %u", c->name,
			 ++t->next_school);
		break;
	case L3_HOSPITAL:
		org_name(o, "Đảng bộ Bệnh viện Quân y %u",
			 100 + ++t->next_hospital);
		break;
	case L3_ENTERPRISE:
		org_name(o, "Đảng bộ Tổng công ty %u",
			 ++t->next_enterprise);
		break;
	case L3_PROVINCE:
	case L3_BORDER_GUARD:
		break;
	}
	return ty;
}

/* ---- placing members on rolls ---------------------------------------------------------- */

/* Spread target members of level-3 committee l3 (whose subtree is orgs [first, end)) over
 * its rolls: a few on grassroots and subcommittee rolls, the rest on cells with uneven
 * weights, at least 3 per cell. */
static void place_members(struct gen *g, size_t first, size_t end, unsigned target)
{
	struct org *org = g->tree.org;
	struct rng *r = &g->rng;
	double *w, total = 0;
	size_t i, ncell = 0;
	unsigned placed = 0, left;

	for (i = first; i < end; i++) {
		if (org[i].kind == KIND_GRASSROOTS || org[i].kind == KIND_SUBCOMMITTEE) {
			org[i].target = (unsigned)rng_below(r, 4);
			placed += org[i].target;
		} else if (org[i].kind == KIND_CELL) {
			ncell++;
		}
	}
	if (ncell == 0)
		return;
	w = xmalloc((end - first) * sizeof *w);
	for (i = first; i < end; i++) {
		w[i - first] = 0;
		if (org[i].kind != KIND_CELL)
			continue;
		/* Sum of two uniforms plus a floor: cells differ by a factor of about 8. */
		w[i - first] = 0.3 + rng_unit(r) + rng_unit(r);
		if (org[i].flavour == FL_COMMUNE)
			w[i - first] *= 0.8;
		total += w[i - first];
	}
	left = target > placed + 3 * (unsigned)ncell ? target - placed - 3 * (unsigned)ncell : 0;
	placed = 0;
	for (i = first; i < end; i++) {
		unsigned share;

		if (org[i].kind != KIND_CELL)
			continue;
		share = (unsigned)((double)left * w[i - first] / total);
		org[i].target = 3 + share;
		placed += share;
	}
	/* Hand out what rounding left over, one per cell from the first. */
	for (i = first; placed < left; i++) {
		if (i == end)
			i = first;
		if (org[i].kind == KIND_CELL) {
			org[i].target++;
			placed++;
		}
	}
	free(w);
}

/* ---- members --------------------------------------------------------------------------- */

struct member_tables {
	struct picker family_kinh, family_eth[VN_ETH_COUNT];
	struct picker middle[VN_STYLE_COUNT][2], given[VN_STYLE_COUNT][2], given_kinh[2];
	struct picker post[VN_CAT_COUNT], post_border, post_medical, post_school;
	uint64_t *eth_cum;      /* [province][VN_ETH_COUNT] */
	uint64_t *home_cum;     /* [province] */
	uint32_t *id_serial;    /* citizen-ID serials per (province, century/sex digit, yy) */
	uint32_t *history_serial;  /* per province */
	int as_of;
};

static void tables_init(struct member_tables *m)
{
	size_t i, np = vn_province_count;
	unsigned *home = xmalloc(np * sizeof *home);
	int s, e;

	picker_init(&m->family_kinh, &vn_family_kinh);
	for (e = 0; e < VN_ETH_COUNT; e++)
		picker_init(&m->family_eth[e], &vn_ethnic[e].family);
	for (s = 0; s < VN_STYLE_COUNT; s++) {
		picker_init(&m->middle[s][VN_MALE], &vn_style[s].middle[VN_MALE]);
		picker_init(&m->middle[s][VN_FEMALE], &vn_style[s].middle[VN_FEMALE]);
		picker_init(&m->given[s][VN_MALE], &vn_style[s].given[VN_MALE]);
		picker_init(&m->given[s][VN_FEMALE], &vn_style[s].given[VN_FEMALE]);
	}
	picker_init(&m->given_kinh[VN_MALE], &vn_given_kinh[VN_MALE]);
	picker_init(&m->given_kinh[VN_FEMALE], &vn_given_kinh[VN_FEMALE]);
	for (e = 0; e < VN_CAT_COUNT; e++)
		picker_init(&m->post[e], &vn_category[e].post);
	picker_init(&m->post_border, &vn_post_border);
	picker_init(&m->post_medical, &vn_post_medical);
	picker_init(&m->post_school, &vn_post_school);
	m->eth_cum = xmalloc(np * VN_ETH_COUNT * sizeof *m->eth_cum);
	m->home_cum = xmalloc(np * sizeof *m->home_cum);
	for (i = 0; i < np; i++) {
		rng_cumulate(vn_province_ethnic_mix(&vn_province[i]), VN_ETH_COUNT,
			     m->eth_cum + i * VN_ETH_COUNT);
		home[i] = vn_province[i].home_weight;
	}
	rng_cumulate(home, np, m->home_cum);
	free(home);
	m->id_serial = xcalloc(np * 4 * 100, sizeof *m->id_serial);
	m->history_serial = xcalloc(np, sizeof *m->history_serial);
	m->as_of = days_from_civil(AS_OF_Y, AS_OF_M, AS_OF_D);
}

static void picker_free(struct picker *p)
{
	free(p->cum);
	p->cum = NULL;
}

static void tables_cleanup(struct member_tables *m)
{
	int s, e;

	picker_free(&m->family_kinh);
	for (e = 0; e < VN_ETH_COUNT; e++)
		picker_free(&m->family_eth[e]);
	for (s = 0; s < VN_STYLE_COUNT; s++) {
		picker_free(&m->middle[s][0]);
		picker_free(&m->middle[s][1]);
		picker_free(&m->given[s][0]);
		picker_free(&m->given[s][1]);
	}
	picker_free(&m->given_kinh[0]);
	picker_free(&m->given_kinh[1]);
	for (e = 0; e < VN_CAT_COUNT; e++)
		picker_free(&m->post[e]);
	picker_free(&m->post_border);
	picker_free(&m->post_medical);
	picker_free(&m->post_school);
	free(m->eth_cum);
	free(m->home_cum);
	free(m->id_serial);
	free(m->history_serial);
}

/* An exponential draw with the given mean (days), for "how long after 18 did they join". */
static int exp_days(struct rng *r, double mean)
{
	return (int)(-mean * log(1.0 - rng_unit(r)));
}

/* A bijection of [0, modulus) for modulus a power of ten: spreads serial numbers so that
 * they do not look sequential. */
static unsigned long long scramble(unsigned long long serial, unsigned long long modulus,
				   unsigned long long salt)
{
	/* 2654435761 is odd and not a multiple of 5, so it is invertible modulo 10^k; serial
	 * stays below 10^8, so the product fits in 64 bits. */
	return (serial * 2654435761ULL + salt) % modulus;
}

static const char *const phone_prefix[] = {
	"086", "096", "097", "098", "032", "033", "034", "035", "036", "037", "038", "039",
	"088", "091", "094", "083", "084", "085", "081", "082", "070", "076", "077", "078",
	"079", "089", "090", "093", "056", "058",
};

enum status { ST_OFFICIAL, ST_PROBATIONARY, ST_EXEMPT, ST_SUSPENDED };
static const char *const status_code[] = { "official", "probationary", "exempt", "suspended" };

/* Append s to the name being built at *p (bounded by end). */
static void name_part(char **p, char *end, const char *s)
{
	size_t n = strlen(s);

	if (*p + n + 2 > end)
		return;
	memcpy(*p, s, n);
	*p += n;
	**p = ' ';
	(*p)++;
}

/* Generate member id on org o and write its CSV row. */
static void write_member(struct out *out, struct rng *r, struct member_tables *m,
			 unsigned long long id, struct org *o)
{
	const unsigned fl = o->flavour;
	enum vn_category cat = (enum vn_category)rng_pick_weighted(r, cat_mix[fl], VN_CAT_COUNT);
	const struct vn_category_info *ci = &vn_category[cat];
	unsigned female_pct = fl == FL_HOSPITAL ? ci->female_pct * 2 + 10 : ci->female_pct;
	int sex = (int)rng_below(r, 100) < (int)female_pct ? VN_FEMALE : VN_MALE;
	unsigned st_draw = (unsigned)rng_below(r, 10000);
	enum status st = st_draw < 300 ? ST_PROBATIONARY : st_draw < 380 ? ST_EXEMPT :
			 st_draw < 385 ? ST_SUSPENDED : ST_OFFICIAL;
	size_t prov;
	int district, eth, style, birth, decision, ceremony, official = DATE_NONE, age;
	int by0, by1, lo, hi, y;
	const struct vn_province *p;
	const struct vn_ethnic *et;
	const char *family, *middle, *given, *rank = "", *post, *religion = "", *theory = "";
	const char *education = "12/12";
	char full[NAME_CAP], home[NAME_CAP], *q;
	double mean_years;
	unsigned digit, yy;
	uint32_t serial;

	/* Home town: mostly the unit's own province (and district, for a commune cell). */
	if (o->province >= 0 && rng_below(r, 100) < local_pct[fl])
		prov = (size_t)o->province;
	else
		prov = rng_pick_cumulative(r, m->home_cum, vn_province_count);
	p = &vn_province[prov];
	if (fl == FL_COMMUNE && o->district >= 0 && (size_t)o->province == prov)
		district = o->district;
	else
		district = (int)rng_below(r, p->n_district);

	eth = (int)rng_pick_cumulative(r, m->eth_cum + prov * VN_ETH_COUNT, VN_ETH_COUNT);
	et = &vn_ethnic[eth];
	style = (int)et->style;
	if (rng_below(r, 100) < et->own_family_pct)
		family = pick(r, &m->family_eth[eth]);
	else
		family = pick(r, &m->family_kinh);
	middle = pick(r, &m->middle[style][sex]);
	do {
		if (rng_below(r, 100) < vn_style[style].own_given_pct)
			given = pick(r, &m->given[style][sex]);
		else
			given = pick(r, &m->given_kinh[sex]);
	} while (strcmp(given, middle) == 0);
	q = full;
	name_part(&q, full + sizeof full, family);
	name_part(&q, full + sizeof full, middle);
	name_part(&q, full + sizeof full, given);
	q[-1] = 0;
	snprintf(home, sizeof home, "%s, %s", p->district[district].name, p->name);

	/* Dates: decision after the 18th birthday, ceremony within 30 days, official 12
	 * months after the ceremony; a probationer's ceremony lies in the last 12 months. */
	mean_years = cat == VN_CAT_SOLDIER ? 1.5 : cat == VN_CAT_OFFICER ? 3.0 :
		     cat == VN_CAT_RESERVE ? 4.0 : 6.0;
	by0 = (int)ci->birth_year_min;
	by1 = (int)ci->birth_year_max;
	if (st == ST_PROBATIONARY) {
		ceremony = m->as_of - (int)rng_below(r, 360);
		decision = ceremony - (int)rng_range(r, 5, 30);
		birth = add_years(decision - exp_days(r, mean_years * 365.25), -18) -
			(int)rng_below(r, 365);
		lo = add_years(decision, -18);
		hi = days_from_civil(2006, 12, 31);  /* the youngest birth year generated */
		if (birth > lo || birth > hi)
			birth = (lo < hi ? lo : hi) - (int)rng_below(r, 365);
		if (year_of(birth) < 1966)
			birth = random_date(r, 1966, 1970);
	} else {
		if (st == ST_EXEMPT) {
			by0 = 1966;
			by1 = 1972;
		}
		birth = random_date(r, by0, by1);
		hi = add_years(m->as_of, -1) - 30;
		lo = add_years(birth, 18);
		if (lo > hi) {
			/* Too young to be official yet: make them a year or more older. */
			birth = add_years(hi, -18) - (int)rng_below(r, 3 * 365);
			lo = add_years(birth, 18);
		}
		decision = lo + exp_days(r, mean_years * 365.25);
		if (decision > hi)
			decision = (int)rng_range(r, lo, hi);
		ceremony = decision + (int)rng_range(r, 5, 30);
		official = add_years(ceremony, 1);
	}
	age = year_of(m->as_of) - year_of(birth);

	/* Rank by category and age. */
	if (cat == VN_CAT_OFFICER) {
		static const int step[] = { 0, 2, 5, 8, 12, 16, 21, 27 };
		int years = age - 22, g = 0;

		while (g + 1 < (int)COUNT(step) && years >= step[g + 1])
			g++;
		if (g > 0 && rng_chance(r, 200))
			g--;
		if (age >= 50 && rng_chance(r, 4))
			g = rng_chance(r, 100) ? 9 : 8;
		rank = ci->rank[g];
	} else if (cat == VN_CAT_PROFESSIONAL) {
		int g = (age - 24) / 4;

		g = g < 0 ? 0 : g >= (int)ci->n_rank ? (int)ci->n_rank - 1 : g;
		rank = ci->rank[g];
	} else if (cat == VN_CAT_SOLDIER) {
		static const unsigned w[] = { 10, 30, 30, 20, 10 };

		rank = ci->rank[rng_pick_weighted(r, w, COUNT(w))];
	} else if (cat == VN_CAT_RESERVE) {
		static const unsigned w[] = { 20, 30, 20, 12, 10, 5, 3 };

		rank = ci->rank[rng_pick_weighted(r, w, COUNT(w))];
	}

	/* Post: officers in border posts, hospitals and schools hold those units' posts. */
	post = pick(r, &m->post[cat]);
	if (cat == VN_CAT_OFFICER && rng_chance(r, 700)) {
		if (fl == FL_BORDER)
			post = pick(r, &m->post_border);
		else if (fl == FL_HOSPITAL)
			post = pick(r, &m->post_medical);
		else if (fl == FL_SCHOOL)
			post = pick(r, &m->post_school);
	}

	/* Religion: the group's shares per 10,000. */
	if (et->religion.n) {
		unsigned x = (unsigned)rng_below(r, VN_RELIGION_SCALE);
		size_t k;

		for (k = 0; k < et->religion.n; k++) {
			if (x < et->religion.item[k].weight) {
				religion = et->religion.item[k].name;
				break;
			}
			x -= et->religion.item[k].weight;
		}
	}

	/* Education: the North's 10-year system before the 1980s reform; some militia in the
	 * mountains left school after lower secondary. */
	y = year_of(birth);
	if (y < 1975 && p->region <= 4 && rng_chance(r, 400))
		education = "10/10";
	else if ((cat == VN_CAT_MILITIA || cat == VN_CAT_SELF_DEFENCE) &&
		 p->zone == VN_ZONE_MOUNTAIN && rng_chance(r, 300))
		education = rng_chance(r, 200) ? "7/12" : "9/12";

	/* Political theory: officers climb with rank; others mostly primary. */
	if (st == ST_PROBATIONARY) {
		theory = rng_chance(r, 300) ? "primary" : "";
	} else if (cat == VN_CAT_OFFICER) {
		if (age >= 40)
			theory = rng_chance(r, 150) ? "senior" : rng_chance(r, 650) ? "advanced" :
				 "intermediate";
		else if (age >= 30)
			theory = rng_chance(r, 200) ? "advanced" : "intermediate";
		else
			theory = rng_chance(r, 400) ? "intermediate" : "primary";
	} else {
		theory = rng_chance(r, 100) ? "intermediate" : rng_chance(r, 800) ? "primary" : "";
	}

	o->members++;
	if (st != ST_PROBATIONARY)
		o->officials++;

	/* The row, in the header's column order. */
	out_uint(out, id);
	out_c(out, ',');
	csv_text(out, o->code);
	out_c(out, ',');
	csv_text(out, full);
	out_c(out, ',');
	out_str(out, sex == VN_FEMALE ? "female," : "male,");
	out_date(out, birth);
	out_c(out, ',');
	csv_text(out, et->name);
	out_c(out, ',');
	csv_text(out, religion);
	out_c(out, ',');
	csv_text(out, home);
	out_c(out, ',');
	/* Citizen ID: province code, century-and-sex digit, two digits of the birth year,
	 * six serial digits (unique per prefix). */
	digit = (y >= 2000 ? 2u : 0u) + (sex == VN_FEMALE);
	yy = (unsigned)(y % 100);
	serial = m->id_serial[(prov * 4 + digit) * 100 + yy]++;
	out_raw(out, p->id_code, 3);
	out_digits(out, digit, 1);
	out_digits(out, yy, 2);
	out_digits(out, scramble(serial, 1000000, prov * 131 + yy), 6);
	out_c(out, ',');
	csv_text(out, education);
	out_c(out, ',');
	csv_text(out, theory);
	out_c(out, ',');
	csv_text(out, rank);
	out_c(out, ',');
	csv_text(out, ci->code);
	out_c(out, ',');
	csv_text(out, post);
	out_c(out, ',');
	/* Personal-history number: 6 digits and the province code. */
	serial = ++m->history_serial[prov];
	out_digits(out, scramble(serial, 1000000, prov * 977), 6);
	csv_text(out, p->abbr);
	out_c(out, ',');
	out_digits(out, scramble(id, 100000000, 12345), 8);
	out_c(out, ',');
	if (!rng_chance(r, 30)) {
		out_raw(out, phone_prefix[rng_below(r, COUNT(phone_prefix))], 3);
		out_digits(out, rng_below(r, 10000000), 7);
	}
	out_c(out, ',');
	out_date(out, decision);
	out_c(out, ',');
	out_date(out, ceremony);
	out_c(out, ',');
	out_date(out, st == ST_PROBATIONARY ? DATE_NONE : official);
	out_c(out, ',');
	csv_text(out, status_code[st]);
	out_c(out, '\n');
}

/* ---- main ------------------------------------------------------------------------------ */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: gen --seed N --orgs-out FILE --members-out FILE [--scale F] [--grouped]\n"
		"       gen --seed N [--scale F] --reviews-out FILE --org-reviews-out FILE\n"
		"           [--review-year Y]\n"
		"  --scale F   1.0 = about 620 provinces, 60,000 organisations, 5.6 million\n"
		"              members (default 1.0; 0.01 for a quick test)\n"
		"  --grouped   number members cell by cell instead of shuffling ids across\n"
		"              the tree\n"
		"  --reviews-out, --org-reviews-out  a year of decided reviews of every member\n"
		"              (member_id,year,grade) and grassroots organisation\n"
		"              (org_code,year,grade); with or without the other files\n"
		"  --review-year Y  the year reviewed (default 2025)\n");
}

static int parse_u64(const char *s, unsigned long long *v)
{
	char *end;

	errno = 0;
	if (!s || !*s || *s == '-')
		return -1;
	*v = strtoull(s, &end, 10);
	return errno || *end ? -1 : 0;
}

static int parse_scale(const char *s, double *v)
{
	char *end;

	errno = 0;
	if (!s || !*s)
		return -1;
	*v = strtod(s, &end);
	return errno || *end || !(*v > 0 && *v <= 20) ? -1 : 0;
}

static int cmp_uint(const void *a, const void *b)
{
	unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

	return x < y ? -1 : x > y;
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- a year of reviews (issue 4) ------------------------------------------------------- */

/* Per cent of each grassroots organisation's members given each grade: excellent, good,
 * complete, not complete. Excellent stays at most 20% of excellent plus good in every one
 * of them (R-REVIEW-EXCELLENT-QUOTA): 18/(18+73) is 19.8%, and rounding is corrected below. */
static const unsigned grade_pct[4] = { 18, 73, 8, 1 };
static const char *const grade_code[4] = { "excellent", "good", "complete", "not_complete" };
#define QUOTA_PCT 20

/* The organisation whose quota a member of org i counts in, as src/app/app_review.c
 * grassroots_of finds it: the nearest ancestor (or itself) of kind grassroots, or a cell
 * directly under a committee; a committee when there is neither. */
static int grassroots_of(const struct tree *t, int i)
{
	int guard = 0;

	while (guard++ < 64) {
		const struct org *o = &t->org[i];

		if (o->kind == KIND_GRASSROOTS || o->kind == KIND_COMMITTEE || o->parent < 0)
			break;
		if (o->kind == KIND_CELL && t->org[o->parent].kind == KIND_COMMITTEE)
			break;
		i = o->parent;
	}
	return i;
}

/* The grades of n members: the shares of grade_pct rounded, excellent lowered until it is
 * within the quota. */
static void grade_counts(unsigned n, unsigned c[4])
{
	unsigned k;

	for (k = 1; k < 4; k++)
		c[k] = (n * grade_pct[k] + 50) / 100;
	c[0] = (n * grade_pct[0] + 50) / 100;
	if (c[0] + c[2] + c[3] > n)
		c[0] = c[2] + c[3] > n ? 0 : n - c[2] - c[3];
	if (c[2] + c[3] > n) {
		c[2] = n;
		c[3] = 0;
	}
	c[1] = n - c[0] - c[2] - c[3];
	while (c[0] && c[0] * 100 > QUOTA_PCT * (c[0] + c[1])) {
		c[0]--;
		c[1]++;
	}
}

/* Write every member's decided grade of year, grassroots organisation by grassroots
 * organisation (members by id within each), and each grassroots organisation's grade. Org
 * grades are good, complete or not complete: excellent would need every sub-unit graded
 * first (R-REVIEW-ORG-EXCELLENT), and the sub-units are not reviewed here. */
static int write_reviews(const char *path, const char *org_path, const struct tree *t,
			 const uint32_t *slot, size_t nmembers, unsigned long long seed, int year)
{
	struct rng r;
	struct out o;
	int *gr = xmalloc((t->n ? t->n : 1) * sizeof *gr);
	size_t *start = xcalloc(t->n + 1, sizeof *start), *fill, j, k;
	uint32_t *ids = xmalloc((nmembers ? nmembers : 1) * sizeof *ids);
	unsigned char *grade = NULL;
	size_t gcap = 0;
	unsigned long long graded[4] = { 0 }, orgs = 0;
	int rc = -1;

	rng_seed(&r, seed ^ 0x7265766965777331ULL);  /* "reviews1": a stream of its own */
	for (j = 0; j < t->n; j++)
		gr[j] = grassroots_of(t, (int)j);
	/* Members grouped by grassroots organisation, ids ascending within each. */
	for (j = 0; j < nmembers; j++)
		start[gr[slot[j]] + 1]++;
	for (j = 0; j < t->n; j++)
		start[j + 1] += start[j];
	fill = xmalloc((t->n + 1) * sizeof *fill);
	memcpy(fill, start, (t->n + 1) * sizeof *fill);
	for (j = 0; j < nmembers; j++)
		ids[fill[gr[slot[j]]]++] = (uint32_t)(j + 1);
	free(fill);
	if (out_open(&o, path))
		goto out;
	out_str(&o, "member_id,year,grade\n");
	for (j = 0; j < t->n; j++) {
		size_t n = start[j + 1] - start[j];
		unsigned c[4], g;

		if (!n)
			continue;
		if (n > gcap) {
			gcap = n;
			grade = xrealloc(grade, gcap);
		}
		grade_counts((unsigned)n, c);
		for (k = 0, g = 0; g < 4; g++) {
			memset(grade + k, (int)g, c[g]);
			k += c[g];
			graded[g] += c[g];
		}
		for (k = n; k > 1; k--) {  /* shuffled over the members */
			size_t x = (size_t)rng_below(&r, k);
			unsigned char tmp = grade[k - 1];

			grade[k - 1] = grade[x];
			grade[x] = tmp;
		}
		for (k = 0; k < n; k++) {
			out_uint(&o, ids[start[j] + k]);
			out_c(&o, ',');
			out_uint(&o, (unsigned)year);
			out_c(&o, ',');
			out_str(&o, grade_code[grade[k]]);
			out_c(&o, '\n');
		}
	}
	if (out_close(&o))
		goto out;
	if (out_open(&o, org_path))
		goto out;
	out_str(&o, "org_code,year,grade\n");
	for (j = 0; j < t->n; j++) {
		unsigned d;

		if (gr[j] != (int)j || t->org[j].kind == KIND_COMMITTEE)
			continue;
		d = (unsigned)rng_below(&r, 100);
		csv_text(&o, t->org[j].code);
		out_c(&o, ',');
		out_uint(&o, (unsigned)year);
		out_c(&o, ',');
		out_str(&o, grade_code[d < 80 ? 1 : d < 97 ? 2 : 3]);
		out_c(&o, '\n');
		orgs++;
	}
	if (out_close(&o))
		goto out;
	fprintf(stderr, "gen: reviews of %d: %zu members (%llu excellent, %llu good, %llu complete,"
		" %llu not complete), %llu grassroots organisations\n", year, nmembers,
		graded[0], graded[1], graded[2], graded[3], orgs);
	rc = 0;
out:
	free(gr);
	free(start);
	free(ids);
	free(grade);
	return rc;
}

static void write_orgs(struct out *o, const struct tree *t)
{
	size_t i;

	out_str(o, "code,parent_code,name,kind,grassroots_type,standing_board,local_committee,"
		"militia,self_defence,reserve,established\n");
	for (i = 0; i < t->n; i++) {
		const struct org *g = &t->org[i];

		csv_text(o, g->code);
		out_c(o, ',');
		csv_text(o, g->parent >= 0 ? t->org[g->parent].code : "");
		out_c(o, ',');
		csv_text(o, g->name);
		out_c(o, ',');
		csv_text(o, kind_code[g->kind]);
		out_c(o, ',');
		csv_text(o, gtype_code[g->gtype]);
		out_c(o, ',');
		/* A cell of 9 or more official members elects a cell committee. */
		if (g->kind == KIND_CELL)
			out_c(o, g->officials >= 9 ? '1' : '0');
		out_c(o, ',');
		csv_text(o, g->local_committee);
		out_c(o, ',');
		if (g->militia >= 0)
			out_uint(o, (unsigned)g->militia);
		out_c(o, ',');
		if (g->self_defence >= 0)
			out_uint(o, (unsigned)g->self_defence);
		out_c(o, ',');
		if (g->reserve >= 0)
			out_uint(o, (unsigned)g->reserve);
		out_c(o, ',');
		out_date(o, g->established);
		out_c(o, '\n');
	}
}

int main(int argc, char **argv)
{
	unsigned long long seed = 0, id, nmembers = 0;
	const char *orgs_path = NULL, *members_path = NULL;
	const char *reviews_path = NULL, *org_reviews_path = NULL;
	unsigned long long review_year = 2025;
	double scale = 1.0, t0 = now_seconds(), t1;
	int have_seed = 0, grouped = 0, rc = 1, i, root;
	unsigned n2, n3, c, k, pnum = 0, level_count[7] = { 0 };
	struct gen g;
	struct member_tables mt;
	struct out om, oo;
	uint32_t *slot = NULL;
	unsigned *l3_members = NULL, nl3 = 0;
	size_t j, pos;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--seed") == 0 && parse_u64(v, &seed) == 0) {
			have_seed = 1;
			i++;
		} else if (strcmp(a, "--orgs-out") == 0 && v) {
			orgs_path = v;
			i++;
		} else if (strcmp(a, "--members-out") == 0 && v) {
			members_path = v;
			i++;
		} else if (strcmp(a, "--reviews-out") == 0 && v) {
			reviews_path = v;
			i++;
		} else if (strcmp(a, "--org-reviews-out") == 0 && v) {
			org_reviews_path = v;
			i++;
		} else if (strcmp(a, "--review-year") == 0 && parse_u64(v, &review_year) == 0 &&
			   review_year >= 1930 && review_year <= 9999) {
			i++;
		} else if (strcmp(a, "--scale") == 0 && parse_scale(v, &scale) == 0) {
			i++;
		} else if (strcmp(a, "--grouped") == 0) {
			grouped = 1;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "gen: bad or incomplete option '%s'%s%s\n", a,
				v ? " with value " : "", v ? v : "");
			usage(stderr);
			return 2;
		}
	}
	if (!have_seed || !orgs_path != !members_path || !reviews_path != !org_reviews_path ||
	    (!members_path && !reviews_path)) {
		fprintf(stderr, "gen: --seed is required, with --orgs-out and --members-out,"
			" or --reviews-out and --org-reviews-out, or all four\n");
		usage(stderr);
		return 2;
	}

	memset(&g, 0, sizeof g);
	rng_seed(&g.rng, seed);
	picker_init(&g.commune[0], &vn_commune_mountain);
	picker_init(&g.commune[1], &vn_commune_lowland);

	/* Levels 1-3. */
	n3 = (unsigned)(LEVEL3_AT_SCALE_1 * scale + 0.5);
	n3 = n3 ? n3 : 1;
	n2 = (n3 + 1) / 2;
	n2 = n2 > vn_command_count ? (unsigned)vn_command_count : n2;
	root = tree_add(&g.tree, -1, KIND_COMMITTEE, 1);
	snprintf(g.tree.org[root].code, sizeof g.tree.org[root].code, "VPA");
	org_name(&g.tree.org[root], "Đảng bộ Quân đội nhân dân Việt Nam");
	g.tree.org[root].established = days_from_civil(1944, 12, 22);
	l3_members = xcalloc(n3, sizeof *l3_members);
	for (c = 0; c < n2; c++) {
		const struct vn_command *cmd = &vn_command[c];
		unsigned share = n3 / n2 + (c < n3 % n2);
		int ci = tree_add(&g.tree, root, KIND_COMMITTEE, 2), next_prov = 0;

		set_code(&g.tree, ci, "R", c + 1, 2);
		org_name(&g.tree.org[ci], "Đảng bộ %s", cmd->name);
		g.tree.org[ci].established = random_date(&g.rng, 1945, 1978);
		for (k = 0; k < share; k++) {
			int l3 = tree_add(&g.tree, ci, KIND_COMMITTEE, 3);
			size_t first;
			enum l3type ty;
			unsigned target;

			set_code(&g.tree, l3, "P", ++pnum, 3);
			g.tree.org[l3].level3 = l3;
			g.tree.org[l3].l3_index = pnum - 1;
			g.tree.org[l3].established =
				(int)rng_range(&g.rng, g.tree.org[ci].established,
					       days_from_civil(2015, 12, 31));
			ty = plan_level3(&g, l3, cmd, k, &next_prov);
			first = g.tree.n;
			build_level3_body(&g, l3, ty);
			/* Provinces differ in size: 55% to 145% of the mean. */
			target = (unsigned)(MEMBERS_PER_LEVEL3 * (0.55 + 0.9 * rng_unit(&g.rng)));
			place_members(&g, first, g.tree.n, target);
		}
	}

	/* One slot per member, holding its org; ids are slot numbers + 1. */
	for (j = 0; j < g.tree.n; j++) {
		nmembers += g.tree.org[j].target;
		level_count[g.tree.org[j].level]++;
	}
	slot = xmalloc((nmembers ? nmembers : 1) * sizeof *slot);
	pos = 0;
	for (j = 0; j < g.tree.n; j++)
		for (k = 0; k < g.tree.org[j].target; k++)
			slot[pos++] = (uint32_t)j;
	if (!grouped) {
		for (j = nmembers; j > 1; j--) {
			size_t x = (size_t)rng_below(&g.rng, j);
			uint32_t tmp = slot[j - 1];

			slot[j - 1] = slot[x];
			slot[x] = tmp;
		}
	}

	tables_init(&mt);
	/* The reviews first: they draw from their own stream, so the members (drawn from g.rng
	 * next) are the same bytes either way. */
	if (reviews_path && write_reviews(reviews_path, org_reviews_path, &g.tree, slot,
					  (size_t)nmembers, seed, (int)review_year))
		goto out;
	if (!members_path) {
		rc = 0;
		goto out;
	}
	if (out_open(&om, members_path))
		goto out;
	out_str(&om, "id,org_code,full_name,sex,birth_date,ethnicity,religion,hometown,citizen_id,"
		"education,theory_level,rank,category,post,history_no,card_no,phone,"
		"admission_decision_date,admission_ceremony_date,official_date,status\n");
	for (id = 1; id <= nmembers; id++)
		write_member(&om, &g.rng, &mt, id, &g.tree.org[slot[id - 1]]);
	if (out_close(&om))
		goto out;
	if (out_open(&oo, orgs_path))
		goto out;
	write_orgs(&oo, &g.tree);
	if (out_close(&oo))
		goto out;

	/* Shape report on stderr. */
	for (j = 0; j < g.tree.n; j++) {
		const struct org *o = &g.tree.org[j];

		if (o->level3 >= 0)
			l3_members[g.tree.org[o->level3].l3_index] += o->members;
	}
	nl3 = n3;
	qsort(l3_members, nl3, sizeof *l3_members, cmp_uint);
	t1 = now_seconds();
	fprintf(stderr,
		"gen: seed %llu scale %g: %zu organisations (level 1-6: %u %u %u %u %u %u), "
		"%llu members\n",
		seed, scale, g.tree.n, level_count[1], level_count[2], level_count[3],
		level_count[4], level_count[5], level_count[6], nmembers);
	fprintf(stderr, "gen: members per level-3 committee: min %u median %u max %u\n",
		l3_members[0], l3_members[nl3 / 2], l3_members[nl3 - 1]);
	fprintf(stderr, "gen: %.2f s\n", t1 - t0);
	rc = 0;
out:
	tables_cleanup(&mt);
	picker_free(&g.commune[0]);
	picker_free(&g.commune[1]);
	free(slot);
	free(l3_members);
	free(g.tree.org);
	return rc;
}
