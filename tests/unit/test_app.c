/* test_app.c - the app layer on a fresh database: scope, history, as-of questions, rules. */
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

struct fx {
	char path[64];
	struct app a;
	struct actor root, e1;  /* the whole tree; only regiment E1's subtree */
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
	if (app_org_add(&f->a, &f->root, &o, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
}

static int64_t add_member(struct fx *f, const char *org, const char *name, const char *born,
			  const char *decided)
{
	struct member m;

	memset(&m, 0, sizeof m);
	m.org_since = m.status_since = m.temp_until = DATE_NONE;
	snprintf(m.org_code, sizeof m.org_code, "%s", org);
	assert_int_equal(member_set_name(&m, name, &f->e, 0), 0);
	strcpy(m.sex, "male");
	m.birth_date = D(born);
	strcpy(m.ethnicity, "Kinh");
	strcpy(m.hometown, "Hà Giang");
	m.admission_decision_date = D(decided);
	m.admission_ceremony_date = m.admission_decision_date + 10;
	m.official_date = date_add_months(m.admission_ceremony_date, 12);
	m.status = MS_OFFICIAL;
	if (app_member_add(&f->a, &f->root, &m, &f->e)) {
		fprintf(stderr, "%s\n", f->e.items[0].msg);
		fail();
	}
	return m.id;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	int fd;

	strcpy(f->path, "/tmp/cadre-test-app-XXXXXX");
	fd = mkstemp(f->path);
	close(fd);
	unlink(f->path);
	setenv("CADRE_TODAY", "2026-11-23", 1);
	unsetenv("CADRE_AUDIT_KEY_FILE"); /* the key beside the database: PATH.auditkey */
	err_init(&f->e);
	assert_int_equal(app_open(&f->a, f->path, 1, &f->e), ERR_OK);
	f->a.quiet = 1;
	strcpy(f->root.name, "test:root");
	f->root.role = ROLE_SYS_ADMIN;
	strcpy(f->e1.name, "test:e1");
	strcpy(f->e1.scope_code, "E1");
	f->e1.role = ROLE_CLERK;
	add_org(f, "ROOT", "", "Đảng bộ Quân đội", OK_COMMITTEE);
	add_org(f, "QK2", "ROOT", "Đảng bộ Quân khu 2", OK_COMMITTEE);
	add_org(f, "E1", "QK2", "Trung đoàn 1", OK_GRASSROOTS);
	add_org(f, "E2", "QK2", "Trung đoàn 2", OK_GRASSROOTS);
	add_org(f, "C1", "E1", "Chi bộ Đại đội 1", OK_CELL);
	add_org(f, "C2", "E1", "Chi bộ Đại đội 2", OK_CELL);
	add_org(f, "C3", "E2", "Chi bộ Đại đội 3", OK_CELL);
	add_member(f, "C1", "Đặng Văn Đức", "1990-01-01", "2010-01-01");   /* 1 */
	add_member(f, "C1", "Nguyễn Văn Hùng", "1991-01-01", "2011-01-01"); /* 2 */
	add_member(f, "C2", "Lê Thị Hưng", "1992-01-01", "2012-01-01");     /* 3 */
	add_member(f, "C3", "Trần Văn Hùng", "1993-01-01", "2013-01-01");   /* 4: outside E1 */
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
	int64_t v[256];
	char org[256][33];
	int n;
};

static int collect(void *ctx, const struct member *m)
{
	struct ids *x = ctx;

	if (x->n < 256) {
		snprintf(x->org[x->n], 33, "%s", m->org_code);
		x->v[x->n++] = m->id;
	}
	return 0;
}

/* DOMAIN §12: outside the actor's subtree a record does not exist, with the same message. */
static void test_scope_hides_records_outside(void **state)
{
	struct fx *f = *state;
	struct member m;
	struct org o;
	struct ids x = {0};
	struct err e1, e2;

	err_init(&e1);
	err_init(&e2);
	assert_int_equal(app_member_get(&f->a, &f->e1, 1, &m, &e1), ERR_OK);
	assert_int_equal(app_member_get(&f->a, &f->e1, 4, &m, &e1), ERR_NOTFOUND);
	assert_int_equal(app_member_get(&f->a, &f->e1, 999, &m, &e2), ERR_NOTFOUND);
	/* The same words for "outside" and "absent", but for the id itself. */
	assert_non_null(strstr(e1.items[0].msg, "no member has the id 4"));
	assert_non_null(strstr(e2.items[0].msg, "no member has the id 999"));
	err_clear(&e1);
	assert_int_equal(app_org_get(&f->a, &f->e1, "C3", &o, &e1), ERR_NOTFOUND);
	assert_int_equal(app_org_get(&f->a, &f->e1, "QK2", &o, &e1), ERR_NOTFOUND);
	err_clear(&e1);
	/* Search and lists stay inside. */
	/* "hung" finds Hùng and Hưng alike (accents folded), but only inside E1. */
	assert_int_equal(app_member_search(&f->a, &f->e1, "hung", "", 50, collect, &x, &e1), ERR_OK);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.v[0], 2);
	assert_int_equal(x.v[1], 3);
	x.n = 0;
	assert_int_equal(app_member_search(&f->a, &f->root, "hung", "", 50, collect, &x, &e1), ERR_OK);
	assert_int_equal(x.n, 3);
	x.n = 0;
	assert_int_equal(app_member_search(&f->a, &f->e1, "tran van", "", 50, collect, &x, &e1),
			 ERR_OK);
	assert_int_equal(x.n, 0);
	x.n = 0;
	assert_int_equal(app_member_list(&f->a, &f->e1, "", DATE_NONE, 0, -1, collect, &x, &e1),
			 ERR_OK);
	assert_int_equal(x.n, 3);
	x.n = 0;
	assert_int_equal(app_member_list(&f->a, &f->e1, "E2", DATE_NONE, 0, -1, collect, &x, &e1),
			 ERR_NOTFOUND);
	/* Changes outside are refused as "not found" too. */
	err_clear(&e1);
	assert_int_equal(app_org_rename(&f->a, &f->e1, "C3", "X", D("2026-01-01"), &e1),
			 ERR_NOTFOUND);
	err_clear(&e1);
	assert_int_equal(app_member_status(&f->a, &f->e1, 4, MS_DECEASED, D("2026-01-01"), NULL, &e1),
			 ERR_NOTFOUND);
	err_cleanup(&e1);
	err_cleanup(&e2);
}

/* Vietnamese list order: given name, then middle, then family. */
static void test_list_order(void **state)
{
	struct fx *f = *state;
	struct ids x = {0};

	assert_int_equal(app_member_list(&f->a, &f->root, "QK2", DATE_NONE, 0, -1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 4);
	assert_int_equal(x.v[0], 1); /* Đức */
	assert_int_equal(x.v[1], 2); /* Nguyễn Văn Hùng */
	assert_int_equal(x.v[2], 4); /* Trần Văn Hùng */
	assert_int_equal(x.v[3], 3); /* Hưng */
	x.n = 0;
	assert_int_equal(app_member_list(&f->a, &f->root, "QK2", DATE_NONE, 2, 1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.v[0], 4);
}

/* A page at any offset is the same slice of the full list (the page is selected, not
 * sorted whole), with many equal names to stress the ties. */
static void test_list_pages_match_full_list(void **state)
{
	static const char *const family[] = {"Nguyễn", "Trần", "Lê", "Đặng", "Hoàng"};
	static const char *const given[] = {"Hùng", "Hưng", "An", "Đức", "Dũng", "Anh", "Ánh"};
	struct fx *f = *state;
	static struct ids all;
	int i;

	memset(&all, 0, sizeof all);
	for (i = 0; i < 120; i++) {
		char name[96], born[16];

		snprintf(name, sizeof name, "%s Văn %s", family[i % 5], given[(i * 7 / 5) % 7]);
		snprintf(born, sizeof born, "19%02d-01-01", 70 + i % 20);
		add_member(f, i % 2 ? "C1" : "C2", name, born, "2010-01-01");
	}
	/* The whole list, sorted in full, is the reference. */
	assert_int_equal(app_member_list(&f->a, &f->root, "E1", DATE_NONE, 0, -1, collect, &all,
					 &f->e), ERR_OK);
	assert_int_equal(all.n, 123); /* 120 + Đức, Nguyễn Văn Hùng, Lê Thị Hưng in E1 */
	for (i = 0; i < all.n; i += 7) {
		struct ids x = {0};
		int k;

		assert_int_equal(app_member_list(&f->a, &f->root, "E1", DATE_NONE, i, 9, collect,
						 &x, &f->e), ERR_OK);
		assert_int_equal(x.n, i + 9 <= all.n ? 9 : all.n - i);
		for (k = 0; k < x.n; k++)
			assert_int_equal(x.v[k], all.v[i + k]);
	}
}

/* History is never overwritten: who was in C1 on a date, where was a member on a date. */
static void test_history_after_transfer_and_merge(void **state)
{
	struct fx *f = *state;
	struct transfer t;
	struct member_period w;
	struct ids x = {0};
	int st;
	const char *srcs[] = {"C2"};

	assert_int_equal(app_member_transfer(&f->a, &f->root, 1, "C3", 0, D("2020-05-04"),
					     DATE_NONE, "new post", "12/GT", &t, &f->e), ERR_OK);
	/* Sent, not yet received: still on the old roll. */
	assert_int_equal(app_member_where(&f->a, &f->root, 1, D("2020-05-05"), &w, &st, &f->e),
			 ERR_OK);
	assert_string_equal(w.org_code, "C1");
	assert_int_equal(app_member_receive(&f->a, &f->root, t.id, D("2020-05-11"), &t, &f->e),
			 ERR_OK);
	assert_int_equal(app_member_where(&f->a, &f->root, 1, D("2020-05-10"), &w, &st, &f->e),
			 ERR_OK);
	assert_string_equal(w.org_code, "C1");
	assert_int_equal(app_member_where(&f->a, &f->root, 1, D("2020-05-11"), &w, &st, &f->e),
			 ERR_OK);
	assert_string_equal(w.org_code, "C3");
	assert_int_equal(st, MS_OFFICIAL);
	assert_int_equal(app_member_where(&f->a, &f->root, 1, D("2009-12-31"), &w, &st, &f->e),
			 ERR_OK);
	assert_int_equal(st, -1);
	/* Merge C2 into C1 in 2022: C2's member moves; the past stays. */
	assert_int_equal(app_org_merge(&f->a, &f->root, srcs, 1, "C1", D("2022-06-01"), &f->e),
			 ERR_OK);
	assert_int_equal(app_member_list(&f->a, &f->root, "C1", DATE_NONE, 0, -1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 2); /* Hùng (2) and Hưng (3) */
	x.n = 0;
	assert_int_equal(app_member_list(&f->a, &f->root, "C2", D("2021-01-01"), 0, -1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 1);
	assert_int_equal(x.v[0], 3);
	assert_string_equal(x.org[0], "C2");
	x.n = 0;
	/* Who was in C1 in 2019: Đức (transferred out later) and Hùng. */
	assert_int_equal(app_member_list(&f->a, &f->root, "C1", D("2019-01-01"), 0, -1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 2);
	assert_int_equal(x.v[0], 1);
	assert_int_equal(x.v[1], 2);
	/* C2 is gone now, but answers as of before the merge. */
	x.n = 0;
	assert_int_equal(app_member_list(&f->a, &f->root, "C2", DATE_NONE, 0, -1, collect, &x,
					 &f->e), ERR_RULE);
	err_clear(&f->e);
}

/* A temporary member appears at the host but is not counted in its official roll. */
static void test_temporary_transfer_not_counted(void **state)
{
	struct fx *f = *state;
	struct transfer t;
	long counts[MS__COUNT], hosted = 0;
	struct ids x = {0};

	assert_int_equal(app_member_transfer(&f->a, &f->root, 2, "C3", 1, D("2026-09-01"),
					     D("2026-08-01"), NULL, NULL, &t, &f->e), ERR_RULE);
	err_clear(&f->e);
	/* R-TRANSFER-TEMP-MIN-MONTHS: two months is too short. */
	assert_int_equal(app_member_transfer(&f->a, &f->root, 2, "C3", 1, D("2026-09-01"),
					     D("2026-11-01"), NULL, NULL, &t, &f->e), ERR_RULE);
	assert_string_equal(f->e.items[0].rule, R_TRANSFER_TEMP_MIN_MONTHS);
	err_clear(&f->e);
	/* R-TRANSFER-TEMP-MAX-MONTHS: a year is too long. */
	assert_int_equal(app_member_transfer(&f->a, &f->root, 2, "C3", 1, D("2026-09-01"),
					     D("2027-09-01"), NULL, NULL, &t, &f->e), ERR_RULE);
	assert_string_equal(f->e.items[0].rule, R_TRANSFER_TEMP_MAX_MONTHS);
	err_clear(&f->e);
	assert_int_equal(app_member_transfer(&f->a, &f->root, 2, "C3", 1, D("2026-09-01"),
					     D("2027-02-01"), "training", NULL, &t, &f->e), ERR_OK);
	assert_int_equal(app_member_receive(&f->a, &f->root, t.id, D("2026-09-03"), &t, &f->e),
			 ERR_OK);
	assert_int_equal(app_org_counts(&f->a, &f->root, "C3", counts, &hosted, &f->e), ERR_OK);
	assert_int_equal(counts[MS_OFFICIAL], 1);
	assert_int_equal(hosted, 1);
	assert_int_equal(app_member_list(&f->a, &f->root, "C3", DATE_NONE, 0, -1, collect, &x,
					 &f->e), ERR_OK);
	assert_int_equal(x.n, 2);
	assert_int_equal(app_org_counts(&f->a, &f->root, "C1", counts, &hosted, &f->e), ERR_OK);
	assert_int_equal(counts[MS_OFFICIAL], 2); /* still on C1's roll */
	assert_int_equal(app_member_return(&f->a, &f->root, t.id, D("2026-11-20"), &f->e), ERR_OK);
	assert_int_equal(app_org_counts(&f->a, &f->root, "C3", counts, &hosted, &f->e), ERR_OK);
	assert_int_equal(hosted, 0);
}

struct tr_seen {
	int open;
};

static int count_open(void *ctx, const struct transfer *t)
{
	(void)t;
	((struct tr_seen *)ctx)->open++;
	return 0;
}

/* Leaving the rolls during a temporary stay ends the stay on that date, and a letter sent
 * but never presented is void. */
static void test_leaving_rolls_closes_transfers(void **state)
{
	struct fx *f = *state;
	struct transfer t, t2;
	struct member_history h;
	struct tr_seen seen = {0};
	size_t i;
	int found = 0;

	assert_int_equal(app_member_transfer(&f->a, &f->root, 2, "C3", 1, D("2026-05-04"),
					     D("2026-10-01"), NULL, NULL, &t, &f->e), ERR_OK);
	assert_int_equal(app_member_receive(&f->a, &f->root, t.id, D("2026-05-06"), &t, &f->e),
			 ERR_OK);
	assert_int_equal(app_member_transfer(&f->a, &f->root, 3, "C3", 0, D("2026-06-01"),
					     DATE_NONE, NULL, NULL, &t2, &f->e), ERR_OK);
	assert_int_equal(app_member_status(&f->a, &f->root, 2, MS_DECEASED, D("2026-08-10"), NULL,
					   &f->e), ERR_OK);
	assert_int_equal(app_member_status(&f->a, &f->root, 3, MS_TRANSFERRED_OUT,
					   D("2026-08-11"), NULL, &f->e), ERR_OK);
	assert_int_equal(app_transfer_list(&f->a, &f->root, "", count_open, &seen, &f->e), ERR_OK);
	assert_int_equal(seen.open, 0);
	assert_int_equal(app_member_history(&f->a, &f->root, 2, &h, &f->e), ERR_OK);
	for (i = 0; i < h.nperiods; i++)
		if (h.periods[i].temporary) {
			assert_int_equal(h.periods[i].from, D("2026-05-06"));
			assert_int_equal(h.periods[i].to, D("2026-08-10"));
			found = 1;
		}
	assert_true(found);
	member_history_cleanup(&h);
}

/* R-ORG-DISSOLVE-EMPTY: refused while members remain; nothing changes. */
static void test_R_ORG_DISSOLVE_EMPTY(void **state)
{
	struct fx *f = *state;
	struct org o;

	assert_int_equal(app_org_dissolve(&f->a, &f->root, "C2", NULL, D("2026-01-01"), &f->e),
			 ERR_RULE);
	assert_string_equal(f->e.items[0].rule, R_ORG_DISSOLVE_EMPTY);
	assert_non_null(strstr(f->e.items[0].msg, "1 members"));
	err_clear(&f->e);
	assert_int_equal(app_org_get(&f->a, &f->root, "C2", &o, &f->e), ERR_OK);
	assert_int_equal(o.dissolved, DATE_NONE);
	assert_int_equal(app_org_dissolve(&f->a, &f->root, "E1", "C1", D("2026-01-01"), &f->e),
			 ERR_RULE); /* has sub-organisations */
	err_clear(&f->e);
	assert_int_equal(app_org_dissolve(&f->a, &f->root, "C2", "C1", D("2026-01-01"), &f->e),
			 ERR_OK);
	assert_int_equal(app_org_get(&f->a, &f->root, "C2", &o, &f->e), ERR_OK);
	assert_int_equal(o.dissolved, D("2026-01-01"));
}

/* A move under one's own subtree is refused; the tree stays as it was. */
static void test_move_cycle_refused(void **state)
{
	struct fx *f = *state;
	struct org o;

	assert_int_equal(app_org_move(&f->a, &f->root, "QK2", "E1", D("2026-01-01"), &f->e),
			 ERR_RULE);
	err_clear(&f->e);
	assert_int_equal(app_org_get(&f->a, &f->root, "QK2", &o, &f->e), ERR_OK);
	assert_string_equal(o.parent_code, "ROOT");
	assert_int_equal(app_org_move(&f->a, &f->root, "C3", "E1", D("2026-01-01"), &f->e), ERR_OK);
	assert_int_equal(app_org_get(&f->a, &f->e1, "C3", &o, &f->e), ERR_OK); /* now in scope */
}

/* The cached name keys equal those computed directly from the whole name. */
static void test_name_keys_cache_matches_direct(void **state)
{
	static const char *const names[] = {
		"Hùng", "Lò Văn", "Nguyễn Văn Hùng", "Tôn Nữ Thị Ngọc Lan", "Giàng A Páo",
		"Đặng Văn Đức", "Hoàng Thị Mai", "Vàng Seo Phìn", "Nguyễn Văn Hùng", "Hà Thị Ánh",
		"Lê Hưng", "Lê Hùng", "Ðỗ Ðình Dũng", "Bùi Hoà", "Bùi Hòa", "A", NULL,
	};
	struct name_keys nk;
	struct member m;
	struct err e;
	int i, round;

	(void)state;
	name_keys_init(&nk);
	err_init(&e);
	for (round = 0; round < 2; round++) /* the second round is served from the cache */
		for (i = 0; names[i]; i++) {
			unsigned char key[VNAME_KEY_MAX];
			size_t kl;
			struct buf f, d;

			memset(&m, 0, sizeof m);
			assert_int_equal(member_set_name(&m, names[i], &e, 0), 0);
			assert_int_equal(name_keys_compute(&nk, &m), 0);
			kl = vname_sort_key(m.full_name, key, sizeof key);
			assert_int_equal(nk.k.sort_key_len, kl);
			assert_memory_equal(nk.k.sort_key, key, kl);
			buf_init(&f, 0);
			buf_init(&d, 0);
			vname_fold(m.full_name, &f);
			vname_dup_key(m.full_name, &d);
			assert_string_equal(nk.k.folded, buf_str(&f));
			assert_true(nk.k.dup_hash == app_hash64(buf_str(&d)));
			buf_cleanup(&f);
			buf_cleanup(&d);
		}
	name_keys_cleanup(&nk);
	err_cleanup(&e);
}

/* Run SQL on the database behind the app's back, as someone editing it by hand would. */
static void by_hand(struct fx *f, const char *sql)
{
	sqlite3 *db;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void audit_break(void **state, const char *sql, int64_t expect_bad, const char *why)
{
	struct fx *f = *state;
	struct audit_verdict v;
	unsigned char zero[AUDIT_HASH_BYTES] = {0};

	assert_int_equal(app_audit_verify(&f->a, NULL, &v, &f->e), ERR_OK);
	assert_memory_not_equal(v.head, zero, AUDIT_HASH_BYTES);
	assert_int_equal(v.bad_id, 0);
	assert_true(v.keyed);
	assert_true(v.entries >= 11); /* 7 organisations and 4 members added in setup */
	by_hand(f, "DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;");
	by_hand(f, sql);
	assert_int_equal(app_audit_verify(&f->a, NULL, &v, &f->e), ERR_STORAGE);
	assert_int_equal(v.bad_id, expect_bad);
	assert_non_null(strstr(v.why, why));
	err_clear(&f->e);
}

/* A forged entry with a correct plain hash but no MAC, and a wipe of the whole log, are
 * found; a head kept elsewhere finds a cut of the last entries that nothing else can. */
static void test_audit_forged_detected(void **state)
{
	audit_break(state, "UPDATE audit SET mac = NULL WHERE id = 3", 3, "has no MAC");
}

static void test_audit_wipe_detected(void **state)
{
	struct fx *f = *state;
	struct audit_verdict v;

	by_hand(f, "DROP TRIGGER audit_no_delete; DELETE FROM audit;");
	assert_int_equal(app_audit_verify(&f->a, NULL, &v, &f->e), ERR_STORAGE);
	assert_int_equal(v.entries, 0);
	assert_non_null(strstr(v.why, "wiped"));
	err_clear(&f->e);
}

static void test_audit_kept_head(void **state)
{
	struct fx *f = *state;
	struct audit_verdict v;
	unsigned char head[AUDIT_HASH_BYTES];
	char kept[2 * AUDIT_HASH_BYTES + 24], hex[2 * AUDIT_HASH_BYTES + 1];
	int64_t n;

	assert_int_equal(app_audit_head(&f->a, &n, head, &f->e), ERR_OK);
	audit_hex(head, hex);
	snprintf(kept, sizeof kept, "%lld:%s", (long long)n, hex);
	assert_int_equal(app_audit_verify(&f->a, kept, &v, &f->e), ERR_OK);
	assert_int_equal(app_audit_verify(&f->a, hex, &v, &f->e), ERR_OK);
	assert_int_equal(app_audit_verify(&f->a, "12:zz", &v, &f->e), ERR_USAGE);
	err_clear(&f->e);
	by_hand(f, "DROP TRIGGER audit_no_delete; DELETE FROM audit WHERE id > 8;");
	assert_int_equal(app_audit_verify(&f->a, NULL, &v, &f->e), ERR_OK);
	assert_int_equal(app_audit_verify(&f->a, kept, &v, &f->e), ERR_STORAGE);
	assert_non_null(strstr(v.why, "cut short"));
	err_clear(&f->e);
}

/* The audit log: every change is there, in a chain that shows an edit, a deletion or a
 * reordering by hand, naming the first entry touched. */
static void test_audit_edit_detected(void **state)
{
	audit_break(state, "UPDATE audit SET actor = 'someone else' WHERE id = 5", 5, "edited");
}

static void test_audit_delete_detected(void **state)
{
	audit_break(state, "DELETE FROM audit WHERE id = 4", 4, "missing");
}

static void test_audit_reorder_detected(void **state)
{
	/* Swap the contents of entries 6 and 7, ids kept. */
	audit_break(state,
		    "CREATE TEMP TABLE t AS SELECT * FROM audit WHERE id IN (6, 7);"
		    "DELETE FROM audit WHERE id IN (6, 7);"
		    "INSERT INTO audit SELECT 13 - id, at, actor, address, action, subject, org_id,"
		    " before, after, prev, hash, mac FROM t;", 6, "follow");
}

struct audit_seen {
	int n, edit_with_value, outside;
	char first_action[32], first_actor[64], first_subject[64];
};

static int audit_seen_cb(void *ctx, const struct audit_entry *en)
{
	struct audit_seen *x = ctx;

	if (x->n++ == 0) {
		snprintf(x->first_action, sizeof x->first_action, "%s", en->action);
		snprintf(x->first_actor, sizeof x->first_actor, "%s", en->actor);
		snprintf(x->first_subject, sizeof x->first_subject, "%s", en->subject);
	}
	if (!strcmp(en->action, "member.edit") && en->after && strstr(en->after, "Lào Cai"))
		x->edit_with_value = 1;
	if (!strcmp(en->subject, "member:4") || !strcmp(en->subject, "org:C3"))
		x->outside = 1;
	return 0;
}

static void test_audit_records_changes_and_reads(void **state)
{
	struct fx *f = *state;
	struct member_history h;
	struct audit_seen seen;
	const char *names[] = {"hometown"}, *values[] = {"Lào Cai"};
	sqlite3 *db;

	memset(&seen, 0, sizeof seen);
	assert_int_equal(app_member_edit(&f->a, &f->root, 1, names, values, 1, D("2026-01-01"),
					 &f->e), ERR_OK);
	assert_int_equal(app_member_history(&f->a, &f->e1, 1, &h, &f->e), ERR_OK);
	member_history_cleanup(&h);
	/* E1's clerk sees its subtree's entries, newest first: the reading just done. */
	assert_int_equal(app_audit_list(&f->a, &f->e1, "", 100, audit_seen_cb, &seen, &f->e),
			 ERR_OK);
	assert_string_equal(seen.first_action, "member.read");
	assert_string_equal(seen.first_actor, "test:e1");
	assert_string_equal(seen.first_subject, "member:1");
	assert_true(seen.edit_with_value);
	assert_false(seen.outside);
	/* An update or a delete through SQL is refused outright. */
	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET actor = 'x'", NULL, NULL, NULL),
			     SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Accounts: argon2id hashes, roles limited to a subtree, sign-in lockout, tokens. */
static void test_accounts_roles_and_sign_in(void **state)
{
	struct fx *f = *state;
	struct actor clerk, viewer, admin, by_token;
	struct member m;
	struct account acc;
	char token[TOKEN_CHARS];
	int64_t tid;
	int i;

	/* The password rule (R-PASSWORD-MIN-LENGTH) and the name rule, both reported. */
	assert_int_equal(app_account_add(&f->a, &f->root, "Thu Hà", "short", ROLE_CLERK, "E1",
					 &f->e), ERR_INPUT);
	assert_int_equal(f->e.n, 2);
	assert_string_equal(f->e.items[1].rule, R_PASSWORD_MIN_LENGTH);
	err_clear(&f->e);
	assert_int_equal(app_account_add(&f->a, &f->root, "clerk.e1", "mật khẩu đủ dài 2026",
					 ROLE_CLERK, "E1", &f->e), ERR_OK);
	assert_int_equal(app_account_add(&f->a, &f->root, "viewer.e1", "another long password",
					 ROLE_VIEWER, "E1", &f->e), ERR_OK);
	assert_int_equal(app_account_add(&f->a, &f->root, "admin.e1", "admin long password",
					 ROLE_ORG_ADMIN, "E1", &f->e), ERR_OK);
	/* Stored as argon2id, never as given. */
	assert_int_equal(store_account_by_name(f->a.st, "clerk.e1", &acc, &f->e), ERR_OK);
	assert_memory_equal(acc.password_hash, "$argon2id$", 10);
	assert_null(strstr(acc.password_hash, "mật khẩu"));
	/* Signing in gives the role on the subtree. */
	assert_int_equal(app_login_password(&f->a, "clerk.e1", "mật khẩu đủ dài 2026", "10.0.0.5",
					    &clerk, &f->e), ERR_OK);
	assert_string_equal(clerk.scope_code, "E1");
	assert_int_equal(clerk.role, ROLE_CLERK);
	assert_int_equal(app_login_password(&f->a, "viewer.e1", "another long password",
					    "10.0.0.6", &viewer, &f->e), ERR_OK);
	assert_int_equal(app_login_password(&f->a, "admin.e1", "admin long password", "10.0.0.7",
					    &admin, &f->e), ERR_OK);
	/* A clerk edits inside; a viewer reads but may not change (denied, not hidden). */
	assert_int_equal(app_member_status(&f->a, &clerk, 1, MS_SUSPENDED, D("2026-11-01"), NULL,
					   &f->e), ERR_OK);
	assert_int_equal(app_member_get(&f->a, &viewer, 2, &m, &f->e), ERR_OK);
	assert_int_equal(app_member_status(&f->a, &viewer, 2, MS_SUSPENDED, D("2026-11-01"), NULL,
					   &f->e), ERR_DENIED);
	err_clear(&f->e);
	/* Outside the subtree a record does not exist, for every role. */
	assert_int_equal(app_member_get(&f->a, &clerk, 4, &m, &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
	/* An organisation administrator manages accounts inside only, never above their role. */
	assert_int_equal(app_account_add(&f->a, &admin, "clerk.c3", "a long enough password",
					 ROLE_CLERK, "C3", &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
	assert_int_equal(app_account_add(&f->a, &admin, "boss", "a long enough password",
					 ROLE_SYS_ADMIN, "", &f->e), ERR_DENIED);
	err_clear(&f->e);
	assert_int_equal(app_account_add(&f->a, &clerk, "x.y", "a long enough password",
					 ROLE_VIEWER, "C1", &f->e), ERR_DENIED);
	err_clear(&f->e);
	/* Wrong password and unknown account get the same answer; R-LOGIN-MAX-FAILS locks. */
	assert_int_equal(app_login_password(&f->a, "nobody", "whatever it is", "1.2.3.4", &clerk,
					    &f->e), ERR_DENIED);
	assert_string_equal(f->e.items[0].msg, "the name or the password is wrong");
	err_clear(&f->e);
	for (i = 0; i < 5; i++) {
		assert_int_equal(app_login_password(&f->a, "viewer.e1", "wrong", "1.2.3.4",
						    &viewer, &f->e), ERR_DENIED);
		assert_string_equal(f->e.items[0].msg, "the name or the password is wrong");
		err_clear(&f->e);
	}
	assert_int_equal(app_login_password(&f->a, "viewer.e1", "another long password",
					    "10.0.0.6", &viewer, &f->e), ERR_DENIED);
	assert_string_equal(f->e.items[0].rule, R_LOGIN_MAX_FAILS);
	err_clear(&f->e);
	/* Tokens: issued by a system administrator, shown once, kept as a hash, revocable. */
	assert_int_equal(app_token_add(&f->a, &admin, "clerk.e1", "script", token, &tid, &f->e),
			 ERR_DENIED);
	err_clear(&f->e);
	assert_int_equal(app_token_add(&f->a, &f->root, "clerk.e1", "nightly export", token, &tid,
				       &f->e), ERR_OK);
	assert_memory_equal(token, "cdr_", 4);
	assert_true(strlen(token) > 40);
	assert_int_equal(app_login_token(&f->a, token, "10.0.0.9", &by_token, &f->e), ERR_OK);
	assert_string_equal(by_token.name, "clerk.e1");
	assert_string_equal(by_token.scope_code, "E1");
	assert_int_equal(app_login_token(&f->a, "cdr_not-a-token", "10.0.0.9", &by_token, &f->e),
			 ERR_DENIED);
	err_clear(&f->e);
	assert_int_equal(app_token_revoke(&f->a, &f->root, tid, &f->e), ERR_OK);
	assert_int_equal(app_login_token(&f->a, token, "10.0.0.9", &by_token, &f->e), ERR_DENIED);
	err_clear(&f->e);
	/* No secret reaches the audit log: neither password, nor its hash, nor the token. */
	{
		sqlite3 *db;
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM audit WHERE before || after"
						    " || subject LIKE '%argon2%' OR before || after LIKE"
						    " '%mật khẩu%' OR before || after || subject LIKE ?1",
						    -1, &st, NULL), SQLITE_OK);
		sqlite3_bind_text(st, 1, token + 4, -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(st, 0), 0);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
}

/* A new member from fields as typed: every problem at once, unreadable fields named once. */
static void test_member_add_fields_reports_all(void **state)
{
	struct fx *f = *state;
	struct member m;
	const char *names[] = {"org_code", "full_name", "sex", "birth_date", "ethnicity",
			       "admission_decision_date", "admission_ceremony_date"};
	const char *values[] = {"C1", "Trần Văn Bình", "nam", "1990-02-30", "Kinh", "2015-03-01",
				"2015-02-01"};
	int sex = 0, birth = 0, home = 0, order = 0;
	size_t i;

	assert_int_equal(app_member_add_fields(&f->a, &f->e1, names, values, 7, &m, &f->e),
			 ERR_INPUT);
	for (i = 0; i < f->e.n; i++) {
		sex += !strcmp(f->e.items[i].field, "sex");
		birth += !strcmp(f->e.items[i].field, "birth_date");
		home += !strcmp(f->e.items[i].field, "hometown");
		order += !strcmp(f->e.items[i].rule, R_MEMBER_DATES);
	}
	assert_int_equal(sex, 1);
	assert_int_equal(birth, 1); /* unreadable, and not also "missing" */
	assert_int_equal(home, 1);
	assert_int_equal(order, 1); /* the ceremony before the decision */
	err_clear(&f->e);
	values[2] = "male";
	values[3] = "1990-02-28";
	values[6] = "2015-03-10";
	names[4] = "hometown";
	values[4] = "Hà Giang";
	assert_int_equal(app_member_add_fields(&f->a, &f->e1, names, values, 7, &m, &f->e),
			 ERR_INPUT); /* now only the ethnicity is missing */
	assert_int_equal(f->e.n, 1);
	assert_string_equal(f->e.items[0].field, "ethnicity");
	err_clear(&f->e);
}

/* R-ORG-MIN-OFFICIAL and R-CELL-STANDING-BOARD-MIN as notes on a cell. */
static void test_org_advice_rules(void **state)
{
	struct fx *f = *state;
	struct org_advice adv;
	int i;

	assert_int_equal(app_org_advice(&f->a, &f->root, "C1", &adv, &f->e), ERR_OK);
	assert_int_equal(adv.official, 2);
	assert_int_equal(adv.min_official, 3);
	assert_int_equal(adv.board_min, 0);
	for (i = 0; i < 7; i++) {
		char name[64];

		snprintf(name, sizeof name, "Lê Văn Số%d", i);
		add_member(f, "C1", name, "1990-01-01", "2010-01-01");
	}
	assert_int_equal(app_org_advice(&f->a, &f->root, "C1", &adv, &f->e), ERR_OK);
	assert_int_equal(adv.official, 9);
	assert_int_equal(adv.min_official, 0);
	assert_int_equal(adv.board_min, 9);
	/* Not for anything but a cell, and not outside the scope. */
	assert_int_equal(app_org_advice(&f->a, &f->root, "E1", &adv, &f->e), ERR_OK);
	assert_int_equal(adv.min_official + adv.board_min, 0);
	assert_int_equal(app_org_advice(&f->a, &f->e1, "C3", &adv, &f->e), ERR_NOTFOUND);
	err_clear(&f->e);
}

/* A first load counts its rows as it reads them (store_member_bulk_count) and writes the
 * counters, the new ethnicities and the duplicate keys at the end; a row that then fails to
 * store makes the end count everything afresh. Either way the counters match the records. */
static long sql_count(struct fx *f, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	long n = -1;

	assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

static void bulk_load(struct fx *f, int with_failure)
{
	struct store *st = f->a.st;
	struct name_keys nk;
	static const char *const names[] = {"Giàng A Páo", "Sùng Thị Mỷ", "Vàng Seo Chứ"};
	long wrong = -1;
	int i;

	name_keys_init(&nk);
	assert_int_equal(store_begin(st, &f->e), ERR_OK);
	assert_int_equal(store_bulk_begin(st, &f->e), ERR_OK);
	for (i = 0; i < 3; i++) {
		struct member m;

		memset(&m, 0, sizeof m);
		assert_int_equal(member_set_name(&m, names[i], &f->e, 0), 0);
		m.org_id = 5 + i % 2; /* C1, C2 */
		m.org_since = m.status_since = D("2015-01-01");
		m.temp_until = DATE_NONE;
		strcpy(m.sex, i == 1 ? "female" : "male");
		strcpy(m.ethnicity, "Mông"); /* not yet in fig_ethnic */
		m.birth_date = D("1995-03-03");
		m.admission_decision_date = D("2015-01-01");
		m.admission_ceremony_date = D("2015-01-11");
		m.official_date = D("2016-01-11");
		m.status = MS_OFFICIAL;
		if (with_failure && i == 2)
			m.id = 1; /* taken: the row fails to store after it was counted */
		assert_int_equal(name_keys_compute(&nk, &m), 0);
		assert_int_equal(store_member_bulk_count(st, &m, &f->e), ERR_OK);
		assert_int_equal(store_member_insert(st, &m, &nk.k, &f->e),
				 with_failure && i == 2 ? ERR_RULE : ERR_OK);
	}
	err_clear(&f->e);
	assert_int_equal(store_bulk_end(st, &f->e), ERR_OK);
	assert_int_equal(store_commit(st, &f->e), ERR_OK);
	name_keys_cleanup(&nk);
	assert_int_equal(store_fig_verify(st, &wrong, &f->e), ERR_OK);
	assert_int_equal(wrong, 0);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM fig_ethnic WHERE name = 'Mông'"), 1);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM member"), with_failure ? 6 : 7);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM member_dupkey d JOIN member m"
				       " ON m.id = d.member_id AND m.dup_hash = d.dup_hash"),
			 with_failure ? 6 : 7);
	assert_int_equal(sql_count(f, "SELECT count(*) FROM member"
				       " WHERE org_id = 5 AND ethnicity = 'Mông'"), 1 + !with_failure);
}

static void test_bulk_load_counts(void **state)
{
	bulk_load(*state, 0);
}

static void test_bulk_load_row_failing_recounts(void **state)
{
	bulk_load(*state, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_keys_cache_matches_direct),
		cmocka_unit_test_setup_teardown(test_scope_hides_records_outside, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_pages_match_full_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_after_transfer_and_merge, setup, teardown),
		cmocka_unit_test_setup_teardown(test_temporary_transfer_not_counted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_leaving_rolls_closes_transfers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_R_ORG_DISSOLVE_EMPTY, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_cycle_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_records_changes_and_reads, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accounts_roles_and_sign_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_member_add_fields_reports_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_org_advice_rules, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_edit_detected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_delete_detected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_reorder_detected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_forged_detected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_wipe_detected, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_kept_head, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_load_counts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_load_row_failing_recounts, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
