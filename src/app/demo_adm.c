/* demo_adm.c - the demo's admissions (issue 11, DOMAIN §5): in every grassroots organisation
 * one candidate at each open stage of the pipeline, and three years of admissions (a person
 * admitted in 2024 and one in 2025, both recognised as official since, one admitted in 2026
 * on probation); in a few of them the overdue items of the due list and the home worklist: a
 * ceremony past R-ADMIT-CEREMONY-WORKING-DAYS, a recognition vote past
 * R-PROBATION-VOTE-WORKING-DAYS, a case referred to the committee above after
 * R-PROBATION-FAILED-VOTES failed votes. Every case and step goes through app_adm_add and
 * app_adm_step, so every rule holds (ages, introducers, the 2/3 of the cell's official members
 * counted on the roll, who records what). Deterministic: its own random sequence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "../lib/rng.h"
#include "app_admission.h"
#include "app_int.h"

#define DEMO_ADM_SEED 0x41444d4953534e32ULL /* "ADMISSN2" */
/* Every organisation used has kept its roll since before the first case was listed. */
#define SINCE_Y 2022
/* One grassroots organisation in OVERDUE_EVERY has the overdue cases. */
#define OVERDUE_EVERY 25

static const char *const families[] = {
	"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
	"Lý", "Hà", "Lò", "Vàng", "Sùng", "Triệu", "Nông", "Ma"};
static const char *const middles_m[] = {"Văn", "Đức", "Minh", "Quang", "Xuân", "Hữu", "Ngọc"};
static const char *const middles_f[] = {"Thị", "Thu", "Thanh", "Ngọc", "Hồng"};
static const char *const givens_m[] = {
	"An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long", "Mạnh",
	"Nam", "Phong", "Quân", "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Trung"};
static const char *const givens_f[] = {
	"Anh", "Chi", "Dung", "Giang", "Hà", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Thảo"};
static const char *const courses[] = {"Lớp bồi dưỡng nhận thức về Đảng khóa 1",
				      "Lớp bồi dưỡng nhận thức về Đảng khóa 2"};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* A cell that keeps cases, and the official members who introduce and mentor. */
struct d_cell {
	int64_t id;
	char code[ORG_CODE_MAX + 1];
	int grassroots_cell; /* the grassroots organisation itself: no committee vote */
	int64_t official[3];
	int nofficial;
};

struct demo_adm {
	struct app *a;
	const struct actor *ac;
	struct err *e;
	struct rng r;
	int64_t cur_grassroots;
	long cur_last;
	long best; /* the official members of the cell chosen so far in cur_grassroots */
	struct d_cell *cells;
	size_t n, cap;
	long cases, steps;
};

static date_t ymd(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* The grassroots organisations, each with its cell of the most official members (the
 * organisation itself when it has no cell), among those kept since SINCE_Y. */
static int org_seen(void *ctx, const struct fig_org *o)
{
	struct demo_adm *d = ctx;
	long official = fig_map_get(&o->core, FIG_KEY(FD_STATUS, MS_OFFICIAL));
	struct d_cell *c;

	if (o->dissolved != DATE_NONE || o->established > ymd(SINCE_Y, 1, 1))
		return 0;
	if (o->kind == OK_GRASSROOTS) {
		if (d->n == d->cap) {
			d->cap = d->cap ? d->cap * 2 : 256;
			d->cells = xrealloc(d->cells, d->cap * sizeof *d->cells);
		}
		c = &d->cells[d->n++];
		memset(c, 0, sizeof *c);
		c->id = o->id;
		snprintf(c->code, sizeof c->code, "%s", o->code);
		c->grassroots_cell = 1;
		d->cur_grassroots = o->id;
		d->cur_last = o->last;
		d->best = official;
		return 0;
	}
	if (o->kind == OK_CELL && d->n && o->pre <= d->cur_last && official > 0 &&
	    (d->cells[d->n - 1].grassroots_cell || official > d->best)) {
		c = &d->cells[d->n - 1];
		c->id = o->id;
		snprintf(c->code, sizeof c->code, "%s", o->code);
		c->grassroots_cell = 0;
		d->best = official;
	}
	return 0;
}

/* The first three official members on c's roll since before SINCE_Y (introducers, mentor). */
static int member_seen(void *ctx, const struct member *m)
{
	struct d_cell *c = ctx;

	if (c->nofficial < 3 && m->status == MS_OFFICIAL && !m->temp_org_id &&
	    m->org_since != DATE_NONE && m->org_since <= ymd(SINCE_Y, 1, 1) &&
	    m->status_since <= ymd(SINCE_Y, 1, 1))
		c->official[c->nofficial++] = m->id;
	return c->nofficial >= 3;
}

/* List a candidate in c on listed; *id is the case. */
static enum err_code add(struct demo_adm *d, const struct d_cell *c, date_t listed,
			 enum adm_source src, int64_t *id)
{
	struct admission x;
	char name[VNAME_MAX + 1];
	int female = rng_chance(&d->r, 180);
	int y = 1996 + (int)rng_range(&d->r, 0, 7);
	enum err_code rc;

	memset(&x, 0, sizeof x);
	snprintf(name, sizeof name, "%s %s %s", families[rng_below(&d->r, N(families))],
		 female ? middles_f[rng_below(&d->r, N(middles_f))]
			: middles_m[rng_below(&d->r, N(middles_m))],
		 female ? givens_f[rng_below(&d->r, N(givens_f))]
			: givens_m[rng_below(&d->r, N(givens_m))]);
	if (member_set_name(&x.p, name, d->e, 0))
		return d->e->code;
	snprintf(x.p.sex, sizeof x.p.sex, "%s", female ? "female" : "male");
	x.p.birth_date = ymd(y, 1 + (int)rng_range(&d->r, 0, 11), 1 + (int)rng_range(&d->r, 0, 27));
	snprintf(x.p.ethnicity, sizeof x.p.ethnicity, "%s", rng_chance(&d->r, 700) ? "Kinh" : "Tày");
	snprintf(x.p.hometown, sizeof x.p.hometown, "%s", "Hà Giang");
	snprintf(x.p.org_code, sizeof x.p.org_code, "%s", c->code);
	x.source = src;
	x.listed_on = listed;
	/* A namesake born the same day somewhere in the region is kept, with a warning. */
	rc = app_adm_add(d->a, d->ac, &x, 1, d->e);
	*id = x.id;
	d->cases++;
	return rc;
}

/* Record step kind of case id on on: the counts of a vote from the cell's roll that day
 * (all for when pass, none when not), the other fields as the step needs. */
static enum err_code step(struct demo_adm *d, const struct d_cell *c, int64_t id,
			  enum adm_step_kind kind, date_t on, int pass)
{
	struct adm_step s;
	long n = 0;
	int k = (int)(id % 7);

	memset(&s, 0, sizeof s);
	s.kind = kind;
	s.on = on;
	s.passed = -1;
	s.eligible = s.present = s.votes_for = s.votes_against = -1;
	snprintf(s.detail, sizeof s.detail, "%s", "{}");
	switch (kind) {
	case ASK_CLASS:
		s.passed = pass;
		snprintf(s.number, sizeof s.number, "BD-%lld", (long long)id);
		snprintf(s.detail, sizeof s.detail, "{\"course\":\"%s\"}", courses[k % 2]);
		break;
	case ASK_APPLICATION:
		s.n_intro = 2;
		s.intro[0].member_id = c->official[0];
		s.intro[1].member_id = c->official[1];
		s.intro[0].worked_since = s.intro[1].worked_since = ymd(SINCE_Y - 1, 6, 1);
		break;
	case ASK_VERIFICATION:
		snprintf(s.detail, sizeof s.detail, "%s",
			 "{\"verifier\":\"Đ/c Bí thư chi bộ\",\"conclusion\":\"Lý lịch rõ ràng\"}");
		break;
	case ASK_CELL_VOTE:
	case ASK_RECOGNITION_VOTE:
		if (store_adm_official_count(d->a->st, c->id, on, 0, &n, d->e))
			return d->e->code;
		s.present = n;
		s.votes_for = pass ? n : 0;
		s.votes_against = pass ? 0 : n;
		break;
	case ASK_COMMITTEE_VOTE:
		s.eligible = s.present = s.votes_for = 7 + k % 3;
		s.votes_against = 0;
		break;
	case ASK_DECISION:
		snprintf(s.number, sizeof s.number, "%lld-QĐ/ĐU", (long long)(100 + id % 900));
		break;
	case ASK_CEREMONY:
		s.mentor_id = c->official[2];
		break;
	default:
		break;
	}
	d->steps++;
	return app_adm_step(d->a, d->ac, id, &s, NULL, d->e);
}

/* Take case id through the steps up to stage to from t0, a step every gap days (the
 * committee vote skipped for a grassroots cell); *last is the last step's date. */
static enum err_code take(struct demo_adm *d, const struct d_cell *c, int64_t id,
			  enum adm_stage to, date_t t0, int gap, date_t *last)
{
	static const enum adm_step_kind path[] = {ASK_CLASS, ASK_APPLICATION, ASK_VERIFICATION,
						  ASK_CELL_VOTE, ASK_COMMITTEE_VOTE,
						  ASK_DECISION, ASK_CEREMONY};
	static const enum adm_stage after[] = {AST_CLASS, AST_APPLIED, AST_VERIFIED,
					       AST_CELL_PASSED, AST_COMMITTEE_PASSED,
					       AST_DECIDED, AST_PROBATION};
	date_t on = t0;
	size_t i;
	enum err_code rc;

	*last = t0;
	for (i = 0; i < N(path); i++) {
		if (path[i] == ASK_COMMITTEE_VOTE && c->grassroots_cell) {
			if (to == AST_COMMITTEE_PASSED)
				break;
			continue;
		}
		if ((rc = step(d, c, id, path[i], on, 1)))
			return rc;
		*last = on;
		if (after[i] == to)
			break;
		on += gap;
	}
	return ERR_OK;
}

/* The steps from listed to stage to (the committee vote counted unless a grassroots cell). */
static int steps_to(const struct d_cell *c, enum adm_stage to)
{
	int n = (int)to; /* candidate 0, class 1, ... committee_passed 5, decided 6, probation 7 */

	if (c->grassroots_cell && to >= AST_COMMITTEE_PASSED)
		n--;
	return n;
}

/* A case listed on listed and taken to stage to; *last: its last step's date. */
static enum err_code case_to(struct demo_adm *d, const struct d_cell *c, date_t listed,
			     enum adm_stage to, int gap, int64_t *id, date_t *last)
{
	static const unsigned source_pm[ASRC__COUNT] = {450, 250, 250, 50};
	enum adm_source src = (enum adm_source)rng_pick_weighted(&d->r, source_pm, ASRC__COUNT);
	enum err_code rc;

	*last = listed;
	if ((rc = add(d, c, listed, src, id)) || to == AST_CANDIDATE)
		return rc;
	return take(d, c, *id, to, listed + 14, gap, last);
}

static enum err_code grassroots_cases(struct demo_adm *d, const struct d_cell *c, size_t gi)
{
	static const enum adm_stage open[] = {AST_CANDIDATE, AST_CLASS, AST_APPLIED,
					      AST_VERIFIED, AST_CELL_PASSED,
					      AST_COMMITTEE_PASSED, AST_DECIDED};
	int64_t id;
	size_t i;
	int j, shift = (int)rng_range(&d->r, 0, 9);
	date_t last, target = ymd(2026, 9, 21) + shift;
	enum err_code rc;

	/* The open stages: each case's last step in late September 2026 (the ceremony of the
	 * decided one is due after the demo's end, 31 October). */
	for (i = 0; i < N(open); i++) {
		int n = steps_to(c, open[i]);

		if (open[i] == AST_COMMITTEE_PASSED && c->grassroots_cell)
			continue;
		if ((rc = case_to(d, c, target - (n ? 14 + 18 * (n - 1) : 0), open[i], 18, &id,
				  &last)))
			return rc;
	}
	/* Three years of admissions: decided in 2024 and 2025 and recognised on time since;
	 * one decided in 2026, on probation. */
	for (j = 0; j < 2; j++) {
		if ((rc = case_to(d, c, ymd(2024 + j, 1, 8) + shift, AST_PROBATION, 21, &id,
				  &last)) ||
		    (rc = step(d, c, id, ASK_RECOGNITION_VOTE, date_add_months(last, 12) + 8, 1)))
			return rc;
	}
	if ((rc = case_to(d, c, ymd(2025, 9, 8) + shift, AST_PROBATION, 21, &id, &last)))
		return rc;
	if (gi % OVERDUE_EVERY)
		return ERR_OK;
	/* Overdue: a ceremony not held 30 working days after a decision of June 2026; a
	 * probation that ended in May 2026 without a vote; three failed votes, referred. */
	if ((rc = case_to(d, c, ymd(2026, 2, 2) + shift, AST_DECIDED, 21, &id, &last)) ||
	    (rc = case_to(d, c, ymd(2024, 12, 2) + shift, AST_PROBATION, 21, &id, &last)) ||
	    (rc = case_to(d, c, ymd(2024, 9, 2) + shift, AST_PROBATION, 21, &id, &last)))
		return rc;
	for (j = 0; j < 3; j++)
		if ((rc = step(d, c, id, ASK_RECOGNITION_VOTE,
			       date_add_months(last, 12) + 7 + j * 35, 0)))
			return rc;
	return ERR_OK;
}

enum err_code demo_admissions(struct app *a, const struct actor *ac, struct err *e)
{
	struct demo_adm d;
	enum err_code rc = ERR_OK;
	size_t i;

	memset(&d, 0, sizeof d);
	d.a = a;
	d.ac = ac;
	d.e = e;
	rng_seed(&d.r, DEMO_ADM_SEED);
	if ((rc = store_fig_walk(a->st, 1, 0x7fffffffL, 0, org_seen, &d, e)))
		goto out;
	for (i = 0; i < d.n && !rc; i++) {
		struct d_cell *c = &d.cells[i];

		if ((rc = store_member_of_org(a->st, c->id, 1, member_seen, c, e)))
			break;
		if (c->nofficial < 3)
			continue; /* too few members for introducers and a mentor */
		rc = grassroots_cases(&d, c, i);
		if (rc)
			err_add(e, rc, 0, NULL, NULL, NULL,
				"the demo's admissions stopped in '%s' (case %ld, step %ld)", c->code,
				d.cases, d.steps);
	}
out:
	free(d.cells);
	return rc;
}
