/* test_search_cache.c - the server's kept lists of the roll's words (docs/search.md, "Kept
 * by the server"): a search with them answers exactly what one without them answers (total,
 * page and order, every offset), whoever changes the roll (this connection or another, as
 * the command line beside a server); a change moves its words' versions on (roll_gen) and
 * the next search builds them again; a budget too small keeps nothing and changes nothing. */
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
#include "store/store_int.h"

struct fx {
	char path[64];
	struct app a, b; /* a: with the kept lists (a server's); b: without (the command line) */
	struct roll_cache *c;
	struct actor root;
	struct err e;
};

static date_t D(const char *s)
{
	date_t d;

	assert_int_equal(date_parse(s, &d, NULL), 0);
	return d;
}

static void add_org(struct fx *f, const char *code, const char *parent, enum org_kind kind)
{
	struct org o;

	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	snprintf(o.code, sizeof o.code, "%s", code);
	snprintf(o.parent_code, sizeof o.parent_code, "%s", parent);
	snprintf(o.name, sizeof o.name, "Tổ chức %s", code);
	o.kind = kind;
	o.established = D("2000-01-01");
	assert_int_equal(app_org_add(&f->a, &f->root, &o, &f->e), ERR_OK);
}

static int64_t add_member(struct fx *f, struct app *a, const char *name)
{
	struct member m;

	memset(&m, 0, sizeof m);
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "C1");
	assert_int_equal(member_set_name(&m, name, &f->e, 0), 0);
	strcpy(m.sex, "male");
	m.birth_date = D("1990-01-01");
	strcpy(m.ethnicity, "Kinh");
	strcpy(m.hometown, "Kon Tum");
	m.admission_decision_date = D("2015-01-01");
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	assert_int_equal(app_member_add(a, &f->root, &m, &f->e), ERR_OK);
	return m.id;
}

static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Đặng", "Dang"};
static const char *const middle[] = {"Văn", "Thị", "Đức"};
static const char *const given[] = {"Hùng", "Hưng", "Hà", "Minh", "Đạt", "Dũng"};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	char name[96];
	int fd, i, j, k, r;

	strcpy(f->path, "/tmp/cadre-test-scache-XXXXXX");
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
	add_org(f, "ROOT", "", OK_COMMITTEE);
	add_org(f, "E1", "ROOT", OK_GRASSROOTS);
	add_org(f, "C1", "E1", OK_CELL);
	/* 180 members, every name twice, added in an order unlike the lists' */
	for (r = 0; r < 2; r++)
		for (k = 5; k >= 0; k--)
			for (i = 0; i < 5; i++)
				for (j = 0; j < 3; j++) {
					snprintf(name, sizeof name, "%s %s %s", family[i], middle[j],
						 given[k]);
					add_member(f, &f->a, name);
				}
	assert_int_equal(app_open(&f->b, f->path, 0, &f->e), ERR_OK);
	f->b.quiet = 1;
	/* Every list kept, and a page off the kept lists whatever the number found. */
	f->c = store_roll_cache_new(64u << 20);
	store_roll_cache_tune(f->c, 1, 0);
	store_roll_cache_use(f->a.st, f->c);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	char p[80];

	app_close(&f->a);
	app_close(&f->b);
	store_roll_cache_free(f->c);
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
	char s[4096];
	size_t len;
};

static int collect(void *ctx, const struct member *m)
{
	struct ids *x = ctx;

	if (x->len < sizeof x->s - 32)
		x->len += (size_t)snprintf(x->s + x->len, sizeof x->s - x->len, "%lld,",
					   (long long)m->id);
	return 0;
}

/* "total:id,id,..." of a search on connection a, in the order answered. */
static void page(struct fx *f, struct app *a, const char *text, long offset, long limit,
		 char *out, size_t size)
{
	struct ids x = {{0}, 0};
	long total = -1;

	err_clear(&f->e);
	assert_int_equal(app_member_find(a, &f->root, text, "", offset, limit, &total, collect,
					 &x, &f->e),
			 ERR_OK);
	snprintf(out, size, "%ld:%s", total, x.s);
}

/* The total of a page(): the number before ':'. */
static long atoi_strict_total(const char *s)
{
	char *end;
	long n = strtol(s, &end, 10);

	assert_int_equal(*end, ':');
	return n;
}

static const char *const texts[] = {"van hung", "nguyen", "dang", "d", "thi h", "hung",
				    "van", "Hùng", "nguyen van", "le duc dung", "dang thi ha",
				    "đặng", "tran minh", "h"};

/* Every text, at several offsets and limits: the same on both connections. */
static void same_everywhere(struct fx *f)
{
	static const long offsets[] = {0, 3, 17, 40, 119};
	static const long limits[] = {1, 5, 50};
	char x[4200], y[4200];
	size_t t, o, l;

	for (t = 0; t < sizeof texts / sizeof *texts; t++)
		for (o = 0; o < sizeof offsets / sizeof *offsets; o++)
			for (l = 0; l < sizeof limits / sizeof *limits; l++) {
				page(f, &f->a, texts[t], offsets[o], limits[l], x, sizeof x);
				page(f, &f->b, texts[t], offsets[o], limits[l], y, sizeof y);
				if (strcmp(x, y))
					fail_msg("%s offset %ld limit %ld: kept %s, read %s",
						 texts[t], offsets[o], limits[l], x, y);
			}
}

static long long gen_of(struct fx *f, const char *word)
{
	sqlite3_stmt *s;
	long long g = -1;

	assert_int_equal(sqlite3_prepare_v2(f->a.st->db,
					    "SELECT coalesce((SELECT gen FROM roll_gen WHERE "
					    "word_id = w.id), 0) FROM name_word w WHERE word = ?1",
					    -1, &s, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		g = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return g;
}

static void test_kept_lists_answer_the_same(void **state)
{
	struct fx *f = *state;
	long long hits, builds, builds2;
	long kept;
	char x[4200];

	page(f, &f->a, "van hung", 0, 50, x, sizeof x);
	/* Nguyễn/Trần/Lê/Đặng/Dang Văn Hùng/Hưng: 5 x 2 x 2 */
	assert_int_equal(atoi_strict_total(x), 20);
	same_everywhere(f);
	store_roll_cache_stats(f->c, &hits, &builds, &kept);
	assert_true(builds > 0);
	assert_true(kept > 0);
	assert_true(hits > builds); /* built once, used by the searches after */
	/* Nothing changed: asked again, nothing is built. */
	same_everywhere(f);
	store_roll_cache_stats(f->c, &hits, &builds2, &kept);
	assert_int_equal(builds2, builds);
}

static void test_changes_move_versions(void **state)
{
	struct fx *f = *state;
	long long hits, builds, builds2, g_hung, g_minh;
	long kept;
	int64_t id;
	char x[4200], y[4200];
	const char *names[] = {"full_name"}, *values[] = {"Trần Văn Minh"};

	same_everywhere(f);
	store_roll_cache_stats(f->c, &hits, &builds, &kept);
	g_hung = gen_of(f, "hùng");
	g_minh = gen_of(f, "minh");
	/* A member added on this connection: in the next search, total and page. */
	id = add_member(f, &f->a, "Ân Văn Hùng");
	assert_true(gen_of(f, "hùng") > g_hung);
	assert_int_equal(gen_of(f, "minh"), g_minh); /* a word not changed keeps its version */
	page(f, &f->a, "van hung", 0, 1, x, sizeof x);
	snprintf(y, sizeof y, "21:%lld,", (long long)id); /* Ân comes first */
	assert_string_equal(x, y);
	same_everywhere(f);
	store_roll_cache_stats(f->c, &hits, &builds2, &kept);
	assert_true(builds2 > builds);
	/* Renamed on the other connection (the command line beside a server). */
	g_hung = gen_of(f, "hùng");
	assert_int_equal(app_member_edit(&f->b, &f->root, id, names, values, 1, DATE_NONE, &f->e),
			 ERR_OK);
	assert_true(gen_of(f, "hùng") > g_hung);
	assert_true(gen_of(f, "minh") > g_minh);
	page(f, &f->a, "van hung", 0, 1, x, sizeof x);
	assert_int_equal(atoi_strict_total(x), 20);
	page(f, &f->a, "tran van minh", 0, 50, x, sizeof x);
	assert_int_equal(atoi_strict_total(x), 3);
	same_everywhere(f);
	/* Off the roll (died) on the other connection: no longer found. */
	assert_int_equal(app_member_status(&f->b, &f->root, id, MS_DECEASED, D("2026-11-20"),
					   "", &f->e),
			 ERR_OK);
	page(f, &f->a, "tran van minh", 0, 50, x, sizeof x);
	assert_int_equal(atoi_strict_total(x), 2);
	same_everywhere(f);
}

static void test_small_budget_keeps_nothing(void **state)
{
	struct fx *f = *state;
	long long hits, builds;
	long kept;

	store_roll_cache_free(f->c);
	f->c = store_roll_cache_new(1); /* not one list fits */
	store_roll_cache_tune(f->c, 1, 0);
	store_roll_cache_use(f->a.st, f->c);
	same_everywhere(f);
	store_roll_cache_stats(f->c, &hits, &builds, &kept);
	assert_int_equal(kept, 0);
	assert_int_equal(hits, 0);
	assert_true(builds > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_kept_lists_answer_the_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_changes_move_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_small_budget_keeps_nothing, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
