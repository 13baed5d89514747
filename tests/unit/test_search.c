/* test_search.c - search of names (docs/search.md): the words of a name (split on spaces,
 * apostrophes and hyphens; folded; lower-case with accents), the rules of matching (accents
 * typed match exactly, none fold, đ as d; the last word a beginning), totals and pages, the
 * index kept by every change of a name and equal to one built from scratch, and the search of
 * organisations by name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "app/app.h"
#include "core/vname.h"
#include "store/store_int.h"

/* ---- words ------------------------------------------------------------------------------ */

struct words {
	char lower[8][64], folded[8][64];
	int n;
};

static void take(void *ctx, const char *raw, size_t rawlen, const char *lower,
		 const char *folded)
{
	struct words *w = ctx;

	(void)raw;
	(void)rawlen;
	if (w->n < 8) {
		snprintf(w->lower[w->n], 64, "%s", lower);
		snprintf(w->folded[w->n], 64, "%s", folded);
		w->n++;
	}
}

static void test_words_split_and_fold(void **state)
{
	struct words w = {0};

	(void)state;
	vname_words("H'Hen Niê", take, &w);
	assert_int_equal(w.n, 3);
	assert_string_equal(w.lower[0], "h");
	assert_string_equal(w.lower[1], "hen");
	assert_string_equal(w.lower[2], "niê");
	assert_string_equal(w.folded[2], "nie");
	memset(&w, 0, sizeof w);
	vname_words("H\u2019Nga Byă", take, &w); /* the right single quotation mark */
	assert_int_equal(w.n, 3);
	assert_string_equal(w.folded[1], "nga");
	assert_string_equal(w.folded[2], "bya");
	memset(&w, 0, sizeof w);
	vname_words("ĐẶNG Thị Thu-Hà", take, &w);
	assert_int_equal(w.n, 4);
	assert_string_equal(w.lower[0], "đặng");
	assert_string_equal(w.folded[0], "dang");
	assert_string_equal(w.lower[2], "thu");
	assert_string_equal(w.lower[3], "hà");
	assert_string_equal(w.folded[3], "ha");
	memset(&w, 0, sizeof w);
	vname_words("  --  ' ", take, &w);
	assert_int_equal(w.n, 0);
	memset(&w, 0, sizeof w);
	vname_words("Hưng\u2010Hùng", take, &w); /* U+2010 HYPHEN */
	assert_int_equal(w.n, 2);
	assert_string_equal(w.folded[0], "hung");
	assert_string_equal(w.folded[1], "hung");
	assert_string_equal(w.lower[0], "hưng");
	assert_string_equal(w.lower[1], "hùng");
}

/* ---- the search on a database ---------------------------------------------------------- */

struct fx {
	char path[64];
	struct app a;
	struct actor root, e1;
	struct err e;
};

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

static void add_org(struct fx *f, const char *code, const char *parent, const char *name,
		    enum org_kind kind)
{
	struct org o;

	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", parent);
	snprintf(o.name, sizeof o.name, "%s", name);
	o.kind = kind;
	o.established = D("2000-01-01");
	assert_int_equal(app_org_add(&f->a, &f->root, &o, &f->e), ERR_OK);
}

static int64_t add_member_id(struct fx *f, int64_t id, const char *org, const char *name,
			     const char *born)
{
	struct member m;

	memset(&m, 0, sizeof m);
	m.id = id;
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "%s", org);
	assert_int_equal(member_set_name(&m, name, &f->e, 0), 0);
	strcpy(m.sex, "male");
	m.birth_date = D(born);
	strcpy(m.ethnicity, "Kinh");
	strcpy(m.hometown, "Kon Tum");
	m.admission_decision_date = D("2015-01-01");
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	assert_int_equal(app_member_add(&f->a, &f->root, &m, &f->e), ERR_OK);
	return m.id;
}

static int64_t add_member(struct fx *f, const char *org, const char *name, const char *born)
{
	return add_member_id(f, 0, org, name, born);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	int fd;

	strcpy(f->path, "/tmp/cadre-test-search-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	unsetenv("CADRE_AUDIT_KEY_FILE");
	err_init(&f->e);
	assert_int_equal(app_open(&f->a, f->path, 1, &f->e), ERR_OK);
	f->a.quiet = 1;
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	strcpy(f->e1.name, "test:e1");
	strcpy(f->e1.scope_code, "E1");
	f->e1.role = ROLE_CLERK;
	add_org(f, "ROOT", "", "Đảng bộ Quân đội", OK_COMMITTEE);
	add_org(f, "KT", "ROOT", "Đảng bộ tỉnh Kon Tum", OK_COMMITTEE);
	add_org(f, "E1", "KT", "Đảng bộ xã Đắk Hà", OK_GRASSROOTS);
	add_org(f, "E2", "KT", "Đảng bộ xã Bắc Mê", OK_GRASSROOTS);
	add_org(f, "C1", "E1", "Chi bộ thôn Kon Rờ Bàng", OK_CELL);
	add_org(f, "C2", "E2", "Chi bộ thôn Ia Chim", OK_CELL);
	add_member(f, "C1", "H'Hen Niê", "1990-01-01");        /* 1 */
	add_member(f, "C1", "H’Nga Byă", "1991-01-01");        /* 2 */
	add_member(f, "C1", "Đặng Văn Hùng", "1992-01-01");    /* 3 */
	add_member(f, "C1", "Dang Văn Hưng", "1993-01-01");    /* 4 */
	add_member(f, "C2", "Nguyễn Thị Thu-Hà", "1994-01-01"); /* 5: outside E1 */
	add_member(f, "C2", "Nguyễn Văn Hùng", "1995-01-01");   /* 6: outside E1 */
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[80];

	app_close(&f->a);
	err_cleanup(&f->e);
	unlink(f->path);
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s.auditkey", f->path);
	unlink(p);
	free(f);
	return 0;
}

struct ids {
	int64_t v[64];
	int n;
};

static int collect(void *ctx, const struct member *m)
{
	struct ids *x = ctx;

	if (x->n < 64)
		x->v[x->n++] = m->id;
	return 0;
}

/* The ids found for text by actor ac (sorted), as a string "1,3"; total in *total. */
static const char *found(struct fx *f, const struct actor *ac, const char *text, long offset,
			 long limit, long *total)
{
	static char out[256];
	struct ids x = {0};
	size_t len = 0;
	int i, j;

	out[0] = 0;
	err_clear(&f->e);
	if (app_member_find(&f->a, ac, text, "", offset, limit, total, collect, &x, &f->e))
		return "error";
	for (i = 0; i < x.n; i++)
		for (j = i + 1; j < x.n; j++)
			if (x.v[j] < x.v[i]) {
				int64_t t = x.v[i];

				x.v[i] = x.v[j];
				x.v[j] = t;
			}
	for (i = 0; i < x.n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld", i ? "," : "",
					(long long)x.v[i]);
	return out;
}

static void test_match_rules(void **state)
{
	struct fx *f = *state;
	long t;

	/* Apostrophes (' and ’) and hyphens separate words. */
	assert_string_equal(found(f, &f->root, "hen", 0, 50, &t), "1");
	assert_string_equal(found(f, &f->root, "nga", 0, 50, &t), "2");
	assert_string_equal(found(f, &f->root, "H'Hen", 0, 50, &t), "1");
	assert_string_equal(found(f, &f->root, "ha", 0, 50, &t), "5");
	assert_string_equal(found(f, &f->root, "thu ha", 0, 50, &t), "5");
	/* Without accents: folded, đ as d. */
	assert_string_equal(found(f, &f->root, "dang", 0, 50, &t), "3,4");
	assert_string_equal(found(f, &f->root, "d", 0, 50, &t), "3,4");
	assert_string_equal(found(f, &f->root, "hung", 0, 50, &t), "3,4,6");
	assert_int_equal(t, 3);
	/* With accents: those accents exactly (upper or lower case alike). */
	assert_string_equal(found(f, &f->root, "Đặng", 0, 50, &t), "3");
	assert_string_equal(found(f, &f->root, "Hưng", 0, 50, &t), "4");
	assert_string_equal(found(f, &f->root, "HÙNG", 0, 50, &t), "3,6");
	assert_string_equal(found(f, &f->root, "dang Hùng", 0, 50, &t), "3");
	/* The last word a beginning, the others whole; every word must match. */
	assert_string_equal(found(f, &f->root, "van hu", 0, 50, &t), "3,4,6");
	assert_string_equal(found(f, &f->root, "va hung", 0, 50, &t), "");
	assert_string_equal(found(f, &f->root, "nguyen hung", 0, 50, &t), "6");
	assert_string_equal(found(f, &f->root, "nobody", 0, 50, &t), "");
	assert_int_equal(t, 0);
	assert_string_equal(found(f, &f->root, "' -", 0, 50, &t), "error");
	assert_int_equal(f->e.code, ERR_INPUT);
}

/* The same answers when the scope is read whole instead of the index (the plan for small
 * scopes and common words). */
static void test_match_rules_scope_read(void **state)
{
	struct fx *f = *state;

	f->a.st->search_plan = 1;
	test_match_rules(state);
}

static void test_scope_total_pages(void **state)
{
	struct fx *f = *state;
	long t;

	/* Out of the actor's subtree: neither found nor counted. */
	assert_string_equal(found(f, &f->e1, "hung", 0, 50, &t), "3,4");
	assert_int_equal(t, 2);
	assert_string_equal(found(f, &f->e1, "nguyen", 0, 50, &t), "");
	assert_int_equal(t, 0);
	/* Pages: the total stays, the rows move on. */
	assert_string_equal(found(f, &f->root, "hung", 0, 2, &t), "3,6");
	assert_int_equal(t, 3);
	assert_string_equal(found(f, &f->root, "hung", 2, 2, &t), "4");
	assert_int_equal(t, 3);
	assert_string_equal(found(f, &f->root, "hung", 3, 2, &t), "");
	assert_int_equal(t, 3);
}

/* The words of every member, as "word:member" lines in order. */
static char *index_dump(struct fx *f)
{
	sqlite3_stmt *s;
	size_t cap = 4096, len = 0;
	char *out = calloc(1, cap);

	assert_int_equal(sqlite3_prepare_v2(f->a.st->db,
		"SELECT w.word, w.folded, m.member_id FROM member_word m"
		" JOIN name_word w ON w.id = m.word_id ORDER BY 1, 3", -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		len += (size_t)snprintf(out + len, cap - len, "%s/%s:%lld\n",
					(const char *)sqlite3_column_text(s, 0),
					(const char *)sqlite3_column_text(s, 1),
					(long long)sqlite3_column_int64(s, 2));
		assert_true(len < cap - 100);
	}
	sqlite3_finalize(s);
	return out;
}

static void test_index_follows_changes(void **state)
{
	struct fx *f = *state;
	const char *names[] = {"full_name"}, *values[] = {"Nguyễn Văn Hương"};
	const char *srcs[] = {"C2"};
	char *kept, *built;
	long t;

	/* A change of name: the new words in, the old ones out. */
	assert_int_equal(app_member_edit(&f->a, &f->root, 4, names, values, 1, DATE_NONE, &f->e),
			 ERR_OK);
	assert_string_equal(found(f, &f->root, "huong", 0, 50, &t), "4");
	assert_string_equal(found(f, &f->root, "Hưng", 0, 50, &t), "");
	assert_string_equal(found(f, &f->root, "dang", 0, 50, &t), "3");
	/* A merge moves the members: the search follows the roll (and the scope). */
	add_org(f, "C3", "E1", "Chi bộ thôn Đắk Tô", OK_CELL);
	assert_int_equal(app_org_merge(&f->a, &f->root, srcs, 1, "C3", D("2026-06-01"), &f->e),
			 ERR_OK);
	assert_string_equal(found(f, &f->e1, "nguyen", 0, 50, &t), "4,5,6");
	/* What was kept change by change is what a build from scratch gives. */
	kept = index_dump(f);
	assert_int_equal(store_begin(f->a.st, &f->e), ERR_OK);
	assert_int_equal(store_words_rebuild(f->a.st, &f->e), ERR_OK);
	assert_int_equal(store_commit(f->a.st, &f->e), ERR_OK);
	built = index_dump(f);
	assert_string_equal(kept, built);
	free(kept);
	free(built);
}

/* The ids found for text, in the order given, as "6,3"; total in *total. */
static const char *listed(struct fx *f, const struct actor *ac, const char *text, long offset,
			  long limit, long *total)
{
	static char out[256];
	struct ids x = {0};
	size_t len = 0;
	int i;

	out[0] = 0;
	err_clear(&f->e);
	if (app_member_find(&f->a, ac, text, "", offset, limit, total, collect, &x, &f->e))
		return "error";
	for (i = 0; i < x.n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%lld", i ? "," : "",
					(long long)x.v[i]);
	return out;
}

/* The roll's lists of words, as "word:key:member" lines in order, then its blocks. */
static char *roll_dump(struct fx *f)
{
	sqlite3_stmt *s;
	size_t cap = 8192, len = 0;
	char *out = calloc(1, cap);

	assert_int_equal(sqlite3_prepare_v2(f->a.st->db,
		"SELECT * FROM (SELECT w.word, hex(r.sort_key), r.member_id FROM roll_word r"
		" JOIN name_word w ON w.id = r.word_id ORDER BY 1, 2, 3)"
		" UNION ALL SELECT * FROM (SELECT 'block', key, hex(ids) FROM roll_block ORDER BY 2)",
		-1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW) {
		len += (size_t)snprintf(out + len, cap - len, "%s:%s:%lld\n",
					(const char *)sqlite3_column_text(s, 0),
					(const char *)sqlite3_column_text(s, 1),
					(long long)sqlite3_column_int64(s, 2));
		assert_true(len < cap - 200);
	}
	sqlite3_finalize(s);
	return out;
}

/* Every query, page by page, the same through the roll's lists (the whole roll: plan 0, the
 * few found by their keys; plan 3, always the walk of the lists in list order) as through
 * the index of all members' words (plan 2) and the scope read whole (plan 1):
 * the same members, in the same order, with the same total. */
static void same_by_every_plan(struct fx *f)
{
	static const char *const texts[] = {"hung", "van hung", "van hu", "d", "dang", "Đặng",
					    "Hùng", "nguyen", "nguyen van hung", "h", "ha",
					    "thu ha", "nobody", "van"};
	static const long pages[][2] = {{0, 50}, {0, 2}, {2, 2}, {4, 2}, {1, 3}, {5, 50}};
	size_t i, j;

	for (i = 0; i < sizeof texts / sizeof *texts; i++)
		for (j = 0; j < sizeof pages / sizeof *pages; j++) {
			char want[256];
			long t0, t1, t2;

			f->a.st->search_plan = 2;
			snprintf(want, sizeof want, "%s",
				 listed(f, &f->root, texts[i], pages[j][0], pages[j][1], &t2));
			f->a.st->search_plan = 1;
			assert_string_equal(listed(f, &f->root, texts[i], pages[j][0],
						   pages[j][1], &t1), want);
			f->a.st->search_plan = 0;
			assert_string_equal(listed(f, &f->root, texts[i], pages[j][0],
						   pages[j][1], &t0), want);
			assert_int_equal(t0, t2);
			f->a.st->search_plan = 3;
			assert_string_equal(listed(f, &f->root, texts[i], pages[j][0],
						   pages[j][1], &t0), want);
			assert_int_equal(t0, t2);
			assert_int_equal(t1, t2);
		}
	f->a.st->search_plan = 0;
}

static void test_roll_lists(void **state)
{
	struct fx *f = *state;
	const char *names[] = {"full_name"}, *values[] = {"Nguyễn Văn Hương"};
	struct transfer tr;
	char *kept, *built;
	long t;

	add_member(f, "C2", "Nguyễn Văn Hùng", "1986-01-01"); /* 7 */
	add_member(f, "C2", "Nguyễn Văn Hùng", "1987-01-01"); /* 8 */
	add_member(f, "C1", "Nguyễn Văn Hùng", "1988-01-01"); /* 9 */
	/* Ids far apart (the packed lists hold 65,536 ids a row). */
	assert_int_equal(add_member_id(f, 200001, "C1", "Lê Văn Hùng", "1980-01-01"), 200001);
	assert_int_equal(add_member_id(f, 65536, "C2", "Lê Thị Hà", "1981-01-01"), 65536);
	assert_string_equal(listed(f, &f->root, "le", 0, 50, &t), "65536,200001");
	assert_int_equal(t, 2);
	assert_string_equal(listed(f, &f->root, "le van hung", 0, 50, &t), "200001");
	assert_int_equal(t, 1);
	assert_string_equal(listed(f, &f->root, "hung", 0, 50, &t), "3,200001,6,7,8,9,4");
	assert_int_equal(t, 7);
	assert_int_equal(app_member_status(&f->a, &f->root, 200001, MS_REMOVED, D("2026-08-01"),
					   NULL, &f->e), ERR_OK);
	/* List order: the given name, the middle, the family (Vietnamese order), then the id;
	 * the total and the pages off the roll's lists. */
	assert_string_equal(listed(f, &f->root, "van hung", 0, 50, &t), "3,6,7,8,9,4");
	assert_int_equal(t, 6);
	assert_string_equal(listed(f, &f->root, "van hung", 2, 2, &t), "7,8");
	assert_int_equal(t, 6);
	assert_string_equal(listed(f, &f->root, "van hung", 5, 2, &t), "4");
	assert_string_equal(listed(f, &f->root, "van hung", 6, 2, &t), "");
	assert_int_equal(t, 6);
	assert_string_equal(listed(f, &f->root, "d", 0, 50, &t), "3,4");
	assert_int_equal(t, 2);
	assert_string_equal(listed(f, &f->root, "Hùng", 1, 50, &t), "6,7,8,9");
	assert_int_equal(t, 5);
	/* A subtree is not the whole roll: its own way, the same answers. */
	assert_string_equal(listed(f, &f->e1, "van hung", 0, 50, &t), "3,9,4");
	assert_int_equal(t, 3);
	same_by_every_plan(f);
	/* Off the roll (deceased): neither found nor counted; a rename: by the new name only;
	 * a transfer sent and received: still found, in the new organisation's scope. */
	assert_int_equal(app_member_status(&f->a, &f->root, 7, MS_DECEASED, D("2026-08-10"),
					   NULL, &f->e), ERR_OK);
	assert_string_equal(listed(f, &f->root, "van hung", 0, 50, &t), "3,6,8,9,4");
	assert_int_equal(t, 5);
	assert_int_equal(app_member_edit(&f->a, &f->root, 4, names, values, 1, DATE_NONE, &f->e),
			 ERR_OK);
	assert_string_equal(listed(f, &f->root, "van hu", 0, 50, &t), "3,6,8,9,4");
	assert_string_equal(listed(f, &f->root, "Hưng", 0, 50, &t), "");
	assert_int_equal(t, 0);
	assert_string_equal(listed(f, &f->root, "Hương", 0, 50, &t), "4");
	assert_int_equal(t, 1);
	assert_int_equal(app_member_transfer(&f->a, &f->root, 8, "C1", 0, D("2026-09-01"),
					     DATE_NONE, NULL, NULL, &tr, &f->e), ERR_OK);
	assert_int_equal(app_member_receive(&f->a, &f->root, tr.id, D("2026-09-05"), &tr, &f->e),
			 ERR_OK);
	assert_string_equal(listed(f, &f->root, "nguyen van hung", 0, 50, &t), "6,8,9");
	assert_string_equal(listed(f, &f->e1, "nguyen van hung", 0, 50, &t), "8,9");
	same_by_every_plan(f);
	/* What was kept change by change is what a build from scratch gives. */
	kept = roll_dump(f);
	assert_int_equal(store_begin(f->a.st, &f->e), ERR_OK);
	assert_int_equal(store_roll_rebuild(f->a.st, &f->e), ERR_OK);
	assert_int_equal(store_commit(f->a.st, &f->e), ERR_OK);
	built = roll_dump(f);
	assert_string_equal(kept, built);
	assert_true(strstr(kept, ":7\n") == NULL);
	free(kept);
	free(built);
	/* The whole roll's answers came off the roll's lists (and a subtree's did not). */
	assert_int_equal(sqlite3_exec(f->a.st->db, "DELETE FROM roll_word; DELETE FROM roll_block",
				      NULL, NULL, NULL), SQLITE_OK);
	assert_string_equal(listed(f, &f->root, "van hung", 0, 50, &t), "");
	assert_int_equal(t, 0);
	assert_string_equal(listed(f, &f->e1, "nguyen van hung", 0, 50, &t), "8,9");
}

struct orgs {
	char code[16][33];
	int n;
};

static int take_org(void *ctx, const struct org *o)
{
	struct orgs *x = ctx;

	if (x->n < 16)
		snprintf(x->code[x->n++], 33, "%s", o->code);
	return 0;
}

static void test_org_find(void **state)
{
	struct fx *f = *state;
	struct orgs x = {0};
	int more;

	assert_int_equal(app_org_find(&f->a, &f->root, "bac me", 0, 10, take_org, &x, &more,
				      &f->e), ERR_OK);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.code[0], "E2");
	memset(&x, 0, sizeof x);
	assert_int_equal(app_org_find(&f->a, &f->root, "dak", 0, 10, take_org, &x, &more, &f->e),
			 ERR_OK);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.code[0], "E1");
	memset(&x, 0, sizeof x);
	/* The nearest the root first; a limit says there are more. */
	assert_int_equal(app_org_find(&f->a, &f->root, "thon", 0, 1, take_org, &x, &more, &f->e),
			 ERR_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(more, 1);
	memset(&x, 0, sizeof x);
	/* Within the scope only; a rename is found by its new name. */
	assert_int_equal(app_org_find(&f->a, &f->e1, "thon", 0, 10, take_org, &x, &more, &f->e),
			 ERR_OK);
	assert_int_equal(x.n, 1);
	assert_string_equal(x.code[0], "C1");
	assert_int_equal(app_org_rename(&f->a, &f->root, "C1", "Chi bộ thôn Plei Đôn",
					D("2026-02-01"), &f->e), ERR_OK);
	memset(&x, 0, sizeof x);
	assert_int_equal(app_org_find(&f->a, &f->e1, "plei don", 0, 10, take_org, &x, &more,
				      &f->e), ERR_OK);
	assert_int_equal(x.n, 1);
	memset(&x, 0, sizeof x);
	assert_int_equal(app_org_find(&f->a, &f->e1, "kon ro", 0, 10, take_org, &x, &more,
				      &f->e), ERR_OK);
	assert_int_equal(x.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_split_and_fold),
		cmocka_unit_test_setup_teardown(test_match_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_match_rules_scope_read, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scope_total_pages, setup, teardown),
		cmocka_unit_test_setup_teardown(test_index_follows_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roll_lists, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_find, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
