/* app_hb.c - every member's own handbook: member accounts with one-time activation codes, and
 * what a member account does with its own rows (docs/handbook.md). */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/vname.h"
#include "app_hb.h"
#include "app_int.h"
#include "app_study.h"

/* No 0/O, 1/I: a code is read off paper and typed on a phone. */
static const char code_alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

void hb_sheet_cleanup(struct hb_sheet *s)
{
	free(s->rows);
	memset(s, 0, sizeof *s);
}

/* The member a member actor's account is bound to (*mid), read by the account's id (one
 * lookup by key); ERR_DENIED for any other actor. */
static enum err_code own(struct app *a, const struct actor *ac, int64_t *mid, struct err *e)
{
	struct account acc;
	struct err tmp;
	enum err_code rc = ERR_NOTFOUND;

	*mid = 0;
	if (ac->role == ROLE_MEMBER && ac->account_id > 0) {
		err_init(&tmp);
		rc = store_account_by_id(a->st, ac->account_id, &acc, &tmp);
		err_cleanup(&tmp);
		if (rc == ERR_STORAGE)
			return err_set(e, ERR_STORAGE, "the database could not be read");
		if (!rc && acc.has_role && acc.role == ROLE_MEMBER)
			*mid = acc.member_id;
	}
	if (*mid > 0)
		return ERR_OK;
	return err_set(e, ERR_DENIED, "the handbook belongs to a member's own account; your role "
				      "(%s) has none", role_name(ac->role));
}

/* A code typed by a person: letters upper-cased, dashes and spaces dropped. 0 when what is
 * left is 12 characters of the alphabet. */
static int code_normal(const char *in, char out[13])
{
	size_t n = 0;

	for (; *in; in++) {
		char c = *in;

		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!memchr(code_alphabet, c, sizeof code_alphabet - 1) || n >= 12)
			return -1;
		out[n++] = c;
	}
	out[n] = 0;
	return n == 12 ? 0 : -1;
}

/* The stored form of a code: BLAKE2b of "ACCOUNT-ID:CODE" (the account's id salts it). */
static void code_hash(int64_t account_id, const char *normal, unsigned char out[HB_CODE_HASH])
{
	char in[48];

	snprintf(in, sizeof in, "%lld:%s", (long long)account_id, normal);
	crypto_generichash(out, HB_CODE_HASH, (const unsigned char *)in, strlen(in), NULL, 0);
	sodium_memzero(in, sizeof in);
}

/* A random code, as printed: "ABCD-EFGH-JKLM". */
static void code_random(char code[HB_CODE_CHARS])
{
	size_t i, k = 0;

	for (i = 0; i < 12; i++) {
		if (i && i % 4 == 0)
			code[k++] = '-';
		code[k++] = code_alphabet[randombytes_uniform(sizeof code_alphabet - 1)];
	}
	code[k] = 0;
}

/* The login of a member's account: the given name and the initials of the other words,
 * accent-free, and the member's id ("Nguyễn Văn An", 12 -> "annv.12"). */
static void login_of(const char *full_name, int64_t member_id, char *out, size_t cap)
{
	struct buf f;
	const char *s, *w, *last = NULL;
	char initials[16];
	size_t ni = 0, k = 0;
	char given[24];

	buf_init(&f, 0);
	vname_fold(full_name, &f);
	s = buf_str(&f);
	for (w = s; *w; w++)
		if (w == s || w[-1] == ' ')
			last = w;
	for (w = s; *w && w != last; w++)
		if ((w == s || w[-1] == ' ') && *w >= 'a' && *w <= 'z' && ni < sizeof initials - 1)
			initials[ni++] = *w;
	initials[ni] = 0;
	for (w = last ? last : ""; *w && *w != ' ' && k < sizeof given - 1; w++)
		if ((*w >= 'a' && *w <= 'z') || (*w >= '0' && *w <= '9'))
			given[k++] = *w;
	given[k] = 0;
	snprintf(out, cap, "%s%s.%lld", k ? given : "dv", initials, (long long)member_id);
	buf_cleanup(&f);
}

struct roll_take {
	struct hb_roll_row *v;
	size_t n, cap;
};

static int roll_take(void *ctx, const struct hb_roll_row *r)
{
	struct roll_take *t = ctx;

	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct hb_roll_row *v = realloc(t->v, cap * sizeof *v);

		if (!v)
			abort();
		t->v = v;
		t->cap = cap;
	}
	t->v[t->n++] = *r;
	return 0;
}

/* Make the account of roll row r (a new one: made 1) or give it a new code (made 2), the
 * code from code_of (the demo's) or random; the row of the sheet in out. */
static enum err_code sheet_one(struct app *a, const struct actor *ac, const struct org *o,
			       const struct hb_roll_row *r, date_t expires, const char *fixed_code,
			       const char *fixed_login, struct hb_sheet_row *out, struct err *e)
{
	struct account acc;
	unsigned char h[HB_CODE_HASH];
	char normal[13], subject[96], base[64], *after;
	enum err_code rc;
	int tries;

	memset(out, 0, sizeof *out);
	out->member_id = r->member_id;
	snprintf(out->full_name, sizeof out->full_name, "%s", r->full_name);
	if (fixed_code)
		snprintf(out->code, sizeof out->code, "%s", fixed_code);
	else
		code_random(out->code);
	if (code_normal(out->code, normal))
		return err_set(e, ERR_INTERNAL, "an activation code is not of the alphabet");
	if (r->account_id) {
		snprintf(out->login, sizeof out->login, "%s", r->login);
		code_hash(r->account_id, normal, h);
		if ((rc = store_hb_code_set(a->st, r->account_id, h, expires, e)))
			return rc;
		out->made = 2;
		snprintf(subject, sizeof subject, "account:%s", r->login);
		return app_audit(a, ac, "account.code", subject, o->id, NULL, NULL, e);
	}
	memset(&acc, 0, sizeof acc);
	if (fixed_login && fixed_login[0])
		snprintf(base, sizeof base, "%s", fixed_login);
	else
		login_of(r->full_name, r->member_id, base, sizeof base);
	snprintf(out->login, sizeof out->login, "%s", base);
	/* No password until the member sets one: "!" is no argon2id hash, so nothing matches. */
	snprintf(acc.password_hash, sizeof acc.password_hash, "!");
	for (tries = 0;; tries++) {
		struct err tmp;

		snprintf(acc.name, sizeof acc.name, "%s", out->login);
		err_init(&tmp);
		rc = store_account_insert(a->st, &acc, &tmp);
		if (rc == ERR_RULE && tries < 9) {
			/* The name is held (by an account made by hand): another one. */
			err_cleanup(&tmp);
			snprintf(out->login, sizeof out->login, "%.40s-%d", base, tries + 2);
			continue;
		}
		if (rc)
			err_merge(e, &tmp);
		err_cleanup(&tmp);
		if (rc)
			return rc;
		break;
	}
	if ((rc = store_role_grant(a->st, acc.id, ROLE_MEMBER, o->id, ac->name, e)))
		return rc;
	code_hash(acc.id, normal, h);
	sodium_memzero(normal, sizeof normal);
	if ((rc = store_hb_bind(a->st, acc.id, r->member_id, h, expires, ac->name, e)))
		return rc;
	out->made = 1;
	snprintf(subject, sizeof subject, "account:%s", out->login);
	/* Never the code. */
	after = app_json("{s:s,s:s,s:s,s:I}", "name", out->login, "role", "member", "org", o->code,
			 "member_id", (json_int_t)r->member_id);
	rc = app_audit(a, ac, "account.add", subject, o->id, NULL, after, e);
	free(after);
	return rc;
}

static enum err_code accounts(struct app *a, const struct actor *ac, const char *org_code,
			      int reissue,
			      void (*code_of)(size_t i, char code[HB_CODE_CHARS], char login[64]),
			      struct hb_sheet *s, struct err *e)
{
	struct org o;
	struct roll_take t = {0};
	long days = 14;
	size_t i;
	enum err_code rc;

	memset(s, 0, sizeof *s);
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "the random generator did not start");
	if ((rc = app_begin(a, e)))
		return rc;
	/* The organisation first: one out of sight is not found, whatever the role. */
	if ((rc = app_org_lookup(a, ac, org_code, &o, 1, "org", e)))
		goto out;
	if (!role_can_edit(ac->role)) {
		rc = err_set(e, ERR_DENIED, "your role (%s) may not make the members' accounts; a "
					    "clerk of the cell or above makes them",
			     role_name(ac->role));
		goto out;
	}
	snprintf(s->org_code, sizeof s->org_code, "%s", o.code);
	snprintf(s->org_name, sizeof s->org_name, "%s", o.name);
	ruleset_int(&a->rules, R_HB_CODE_DAYS, a->today, &days);
	s->expires = a->today + (date_t)days;
	if ((rc = store_hb_roll(a->st, o.id, roll_take, &t, e)))
		goto out;
	s->rows = calloc(t.n ? t.n : 1, sizeof *s->rows);
	if (!s->rows)
		abort();
	for (i = 0; i < t.n; i++) {
		char fixed[HB_CODE_CHARS], login[64] = "";
		const struct hb_roll_row *r = &t.v[i];

		if (r->account_id && (r->activated || !reissue) && !code_of) {
			struct hb_sheet_row *row = &s->rows[s->n++];

			memset(row, 0, sizeof *row);
			row->member_id = r->member_id;
			snprintf(row->full_name, sizeof row->full_name, "%s", r->full_name);
			snprintf(row->login, sizeof row->login, "%s", r->login);
			s->skipped++;
			continue;
		}
		if (r->account_id && code_of)
			continue;
		if (code_of)
			code_of(i, fixed, login);
		if ((rc = sheet_one(a, ac, &o, r, s->expires, code_of ? fixed : NULL, login,
				    &s->rows[s->n], e)))
			goto out;
		if (s->rows[s->n].made == 1)
			s->made++;
		else
			s->renewed++;
		s->n++;
	}
out:
	free(t.v);
	rc = app_end(a, rc, e);
	if (rc)
		hb_sheet_cleanup(s);
	return rc;
}

enum err_code app_hb_accounts(struct app *a, const struct actor *ac, const char *org_code,
			      int reissue, struct hb_sheet *s, struct err *e)
{
	return accounts(a, ac, org_code, reissue, NULL, s, e);
}

enum err_code app_hb_accounts_fixed(struct app *a, const struct actor *ac, const char *org_code,
				    void (*code_of)(size_t i, char code[HB_CODE_CHARS],
						    char login[64]),
				    struct hb_sheet *s, struct err *e)
{
	return accounts(a, ac, org_code, 0, code_of, s, e);
}

static enum err_code wrong_code(struct err *e)
{
	return err_add(e, ERR_DENIED, 0, "code", NULL, NULL,
		       "the login or the activation code is wrong, or the code was used already");
}

enum err_code app_hb_activate(struct app *a, const char *login, const char *code,
			      const char *password, const char *address, struct actor *out,
			      struct err *e)
{
	struct account acc;
	struct hb_binding b;
	struct err tmp;
	unsigned char h[HB_CODE_HASH];
	char normal[13], pwhash[PASSWORD_HASH_MAX], subject[96];
	const char *why;
	long min_len = 12, max_fails = 5, lock_minutes = 15, failed = -1;
	long long now = (long long)time(NULL);
	enum err_code rc;
	int ok;

	memset(out, 0, sizeof *out);
	if (sodium_init() < 0)
		return err_set(e, ERR_INTERNAL, "the hash library did not start");
	ruleset_int(&a->rules, R_PASSWORD_MIN_LENGTH, a->today, &min_len);
	ruleset_int(&a->rules, R_LOGIN_MAX_FAILS, a->today, &max_fails);
	ruleset_int(&a->rules, R_LOGIN_LOCK_MINUTES, a->today, &lock_minutes);
	if (password_check(password ? password : "", min_len, &why))
		return err_add(e, ERR_INPUT, 0, "password", NULL, R_PASSWORD_MIN_LENGTH,
			       "%s; use at least %ld characters", why, min_len);
	err_init(&tmp);
	rc = store_account_by_name(a->st, login ? login : "", &acc, &tmp);
	if (!rc)
		rc = store_hb_binding(a->st, acc.id, &b, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_STORAGE)
		return err_set(e, ERR_STORAGE, "the database could not be read");
	if (rc || acc.disabled || !acc.has_role || acc.role != ROLE_MEMBER || !b.has_code ||
	    code_normal(code ? code : "", normal))
		return wrong_code(e);
	if (acc.locked_until > now)
		return err_add(e, ERR_DENIED, 0, "code", NULL, R_LOGIN_MAX_FAILS,
			       "the account is locked after %ld failed tries; try again in %lld "
			       "minutes", max_fails, (acc.locked_until - now + 59) / 60);
	code_hash(acc.id, normal, h);
	sodium_memzero(normal, sizeof normal);
	ok = sodium_memcmp(h, b.code_hash, HB_CODE_HASH) == 0;
	if (!ok) {
		/* R-LOGIN-MAX-FAILS: a wrong code counts as a wrong password does. */
		if ((rc = app_begin(a, e)))
			return rc;
		rc = store_account_login_attempt(a->st, acc.id, now, &failed, e);
		if (rc == ERR_NOTFOUND) {
			err_clear(e);
			rc = ERR_OK;
		} else if (!rc && failed >= max_fails) {
			rc = store_account_set_login(a->st, acc.id, 0, now + lock_minutes * 60, e);
		}
		if ((rc = app_end(a, rc, e)))
			return rc;
		return wrong_code(e);
	}
	if (b.code_expires < a->today) {
		char d[DATE_STR];

		return err_add(e, ERR_RULE, 0, "code", NULL, R_HB_CODE_DAYS,
			       "the activation code was good until %s and has expired; ask your "
			       "cell's clerk for a new one", date_format(b.code_expires, d));
	}
	if (password_hash(password, pwhash))
		return err_set(e, ERR_INTERNAL, "the password could not be hashed (out of memory?)");
	if ((rc = app_begin(a, e)))
		return rc;
	rc = store_hb_activate(a->st, acc.id, pwhash, e);
	sodium_memzero(pwhash, sizeof pwhash);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		rc = wrong_code(e);
	}
	if (!rc) {
		struct actor me;

		memset(&me, 0, sizeof me);
		snprintf(me.name, sizeof me.name, "%s", acc.name);
		snprintf(me.scope_code, sizeof me.scope_code, "~");
		snprintf(me.address, sizeof me.address, "%s", address ? address : "");
		me.role = ROLE_MEMBER;
		me.account_id = acc.id;
		snprintf(subject, sizeof subject, "account:%s", acc.name);
		rc = app_audit(a, &me, "account.activate", subject, acc.role_org_id, NULL, NULL, e);
	}
	if ((rc = app_end(a, rc, e)))
		return rc;
	return app_login_account(a, acc.id, address, out, e);
}

int app_hb_self_period(struct app *a, int *year)
{
	const struct rule_version *v = ruleset_find(&a->rules, R_HB_SELF_PERIOD, a->today);
	int om, od, cm, cd, y, m, d, k;

	if (!v || sscanf(v->value, "%d-%d..%d-%d", &om, &od, &cm, &cd) != 4)
		return 0;
	date_to_ymd(a->today, &y, &m, &d);
	for (k = 0; k < 2; k++) {
		int yy = y - k;
		date_t from = date_from_ymd(yy, om, od);
		date_t to = date_from_ymd(cm * 100 + cd >= om * 100 + od ? yy : yy + 1, cm, cd);

		if (a->today >= from && a->today <= to) {
			*year = yy;
			return 1;
		}
	}
	return 0;
}

/* The upcoming meeting, kept (store_hb_meetings' callback). */
static int next_one(void *ctx, const struct hb_meeting *m)
{
	*(struct hb_meeting *)ctx = *m;
	return 1;
}

/* Count the documents not yet covered (store_hb_docs' callback). */
static int doc_due(void *ctx, const struct hb_doc *d)
{
	if (!d->covered)
		++*(long *)ctx;
	return 0;
}

/* The last day a query of dates reaches (9999-12-31). */
#define DATE_MAX_DAY 2932896

enum err_code app_hb_home(struct app *a, const struct actor *ac, struct hb_home *h,
			  struct err *e)
{
	int64_t mid;
	struct member m;
	struct org o;
	struct hb_plan p;
	struct err tmp;
	int mo, d, dec;
	enum err_code rc;

	memset(h, 0, sizeof *h);
	if (own(a, ac, &mid, e))
		return e->code;
	if (store_member_get(a->st, mid, &m, e) || store_org_by_id(a->st, m.org_id, &o, e))
		return e->code;
	h->member_id = mid;
	snprintf(h->full_name, sizeof h->full_name, "%s", m.full_name);
	snprintf(h->org_code, sizeof h->org_code, "%s", o.code);
	snprintf(h->org_name, sizeof h->org_name, "%s", o.name);
	date_to_ymd(a->today, &h->year, &mo, &d);
	err_init(&tmp);
	rc = store_hb_plan_get(a->st, mid, h->year, &p, &tmp);
	err_cleanup(&tmp);
	if (rc == ERR_OK)
		h->plan = p.reported_on != DATE_NONE && p.results[0] ? 2 : 1;
	h->self_open = app_hb_self_period(a, &h->self_year);
	if (!h->self_open)
		h->self_year = h->year;
	if (store_hb_review_state(a->st, mid, h->self_year, &h->self_score,
				  &h->self_grade, &dec, e))
		return e->code;
	h->decided = dec;
	if (h->decided)
		h->self_open = 0;
	if (store_hb_meetings(a->st, mid, m.org_id, a->today, DATE_MAX_DAY, 0, 1, next_one,
			      &h->next, e))
		return e->code;
	return store_hb_docs(a->st, mid, o.id, doc_due, &h->docs_due, e);
}

enum err_code app_hb_docs(struct app *a, const struct actor *ac, store_hb_doc_cb cb, void *ctx,
			  struct err *e)
{
	int64_t mid;
	struct member m;
	struct org o;

	if (own(a, ac, &mid, e) || store_member_get(a->st, mid, &m, e) ||
	    store_org_by_id(a->st, m.org_id, &o, e))
		return e->code;
	return store_hb_docs(a->st, mid, o.id, cb, ctx, e);
}

struct doc_find {
	int64_t id;
	int found;
};

static int doc_is(void *ctx, const struct hb_doc *d)
{
	struct doc_find *f = ctx;

	if (d->id == f->id)
		f->found = 1;
	return f->found;
}

enum err_code app_hb_study_confirm(struct app *a, const struct actor *ac, int64_t doc_id,
				   int *added, struct err *e)
{
	int64_t mid;
	struct member m;
	struct org o;
	struct actor self;
	struct doc_find f = {doc_id, 0};

	*added = 0;
	if (own(a, ac, &mid, e) || store_member_get(a->st, mid, &m, e) ||
	    store_org_by_id(a->st, m.org_id, &o, e) ||
	    store_hb_docs(a->st, mid, o.id, doc_is, &f, e))
		return e->code;
	if (!f.found)
		return err_set(e, ERR_NOTFOUND, "no document to study has the id %lld",
			       (long long)doc_id);
	/* As for the self-assessment: the member's account as a clerk of its own cell, for
	 * this one confirmation of this one member. */
	self = *ac;
	self.role = ROLE_CLERK;
	snprintf(self.scope_code, sizeof self.scope_code, "%s", o.code);
	return app_study_confirm(a, &self, doc_id, mid, DATE_NONE, added, e);
}

enum err_code app_hb_meetings(struct app *a, const struct actor *ac, int upcoming, long limit,
			      store_hb_meeting_cb cb, void *ctx, struct err *e)
{
	int64_t mid;
	struct member m;

	if (own(a, ac, &mid, e) || store_member_get(a->st, mid, &m, e))
		return e->code;
	if (upcoming)
		return store_hb_meetings(a->st, mid, m.org_id, a->today, DATE_MAX_DAY, 0, limit, cb,
					 ctx, e);
	return store_hb_meetings(a->st, mid, m.org_id, 0, a->today - 1, 1, limit, cb, ctx, e);
}

enum err_code app_hb_meeting(struct app *a, const struct actor *ac, int64_t id,
			     struct hb_meeting *mt,
			     int (*att_cb)(void *ctx, const char *name, const char *status),
			     void *ctx, struct err *e)
{
	int64_t mid;
	struct member m;

	if (own(a, ac, &mid, e) || store_member_get(a->st, mid, &m, e) ||
	    store_hb_meeting(a->st, mid, m.org_id, id, mt, e))
		return e->code;
	/* The roll of a meeting only to a member who was there. */
	if (att_cb && !strcmp(mt->status, "present"))
		return store_hb_meeting_att(a->st, id, att_cb, ctx, e);
	return ERR_OK;
}

enum err_code app_hb_record(struct app *a, const struct actor *ac, struct member *m,
			    struct err *e)
{
	int64_t mid;
	char subject[48];

	if (own(a, ac, &mid, e) || store_member_get(a->st, mid, m, e))
		return e->code;
	snprintf(subject, sizeof subject, "member:%lld", (long long)m->id);
	return app_audit_read(a, ac, "member.read", subject, m->org_id, e);
}

enum err_code app_hb_self(struct app *a, const struct actor *ac, int year, int score,
			  enum grade grade, struct err *e)
{
	int64_t mid;
	struct member m;
	struct org o;
	struct actor self;
	struct review_in r;
	int open_year, sc, gr, dec;

	if (own(a, ac, &mid, e))
		return e->code;
	if (!app_hb_self_period(a, &open_year) || open_year != year) {
		const struct rule_version *v = ruleset_find(&a->rules, R_HB_SELF_PERIOD, a->today);

		return err_add(e, ERR_RULE, 0, "year", NULL, R_HB_SELF_PERIOD,
			       "the self-assessment of %d is not open now (the period is %s of the "
			       "year reviewed to the next year)", year, v ? v->value : "-");
	}
	if (store_hb_review_state(a->st, mid, year, &sc, &gr, &dec, e))
		return e->code;
	if (dec)
		return err_add(e, ERR_RULE, 0, "year", NULL, R_HB_SELF_PERIOD,
			       "your review of %d is decided: the self-assessment is closed", year);
	if (store_member_get(a->st, mid, &m, e) || store_org_by_id(a->st, m.org_id, &o, e))
		return e->code;
	/* The least the review needs to take a member's own first step through its own checks
	 * (the step's score and grade, the member on a roll, R-REVIEW-DATES): the member's
	 * account as a clerk of the member's own cell, for this one step of this one member,
	 * which is all the request below can name. */
	self = *ac;
	self.role = ROLE_CLERK;
	snprintf(self.scope_code, sizeof self.scope_code, "%s", o.code);
	memset(&r, 0, sizeof r);
	r.member_id = mid;
	r.year = year;
	r.step = RS_SELF;
	r.score = score;
	r.grade = grade;
	r.date = DATE_NONE;
	return app_review_member(a, &self, &r, e);
}

struct rev_ctx {
	review_cb cb;
	void *ctx;
};

static int rev_one(void *ctx, const struct review_row *r)
{
	struct rev_ctx *c = ctx;
	struct review_rec o;

	memset(&o, 0, sizeof o);
	o.id = r->id;
	o.member_id = r->member_id;
	snprintf(o.member_name, sizeof o.member_name, "%s", r->member_name);
	snprintf(o.org_code, sizeof o.org_code, "%s", r->org_code);
	snprintf(o.org_name, sizeof o.org_name, "%s", r->org_name);
	o.year = r->year;
	o.step = (enum review_step)r->step;
	o.score = r->score;
	o.grade = (enum grade)r->grade;
	o.date = r->date;
	snprintf(o.body, sizeof o.body, "%s", r->body_code);
	o.revision = r->revision;
	o.current = r->current;
	snprintf(o.reason, sizeof o.reason, "%s", r->reason);
	/* Who recorded a step is another member's account or a clerk's: not shown to the
	 * member (o.by stays empty). */
	return c->cb(c->ctx, &o);
}

enum err_code app_hb_reviews(struct app *a, const struct actor *ac, review_cb cb, void *ctx,
			     struct err *e)
{
	int64_t mid;
	struct rev_ctx c = {cb, ctx};

	if (own(a, ac, &mid, e))
		return e->code;
	return store_review_list(a->st, mid, 0, rev_one, &c, e);
}

enum err_code app_hb_plan(struct app *a, const struct actor *ac, int year, struct hb_plan *p,
			  struct err *e)
{
	int64_t mid;
	if (own(a, ac, &mid, e))
		return e->code;
	return store_hb_plan_get(a->st, mid, year, p, e);
}

enum err_code app_hb_plans(struct app *a, const struct actor *ac, store_hb_plan_cb cb,
			   void *ctx, struct err *e)
{
	int64_t mid;
	if (own(a, ac, &mid, e))
		return e->code;
	return store_hb_plans(a->st, mid, cb, ctx, e);
}

static int this_year(struct app *a)
{
	int y, m, d;

	date_to_ymd(a->today, &y, &m, &d);
	return y;
}

enum err_code app_hb_plan_write(struct app *a, const struct actor *ac, int year,
				const char *commitments, struct err *e)
{
	int64_t mid;
	char text[HB_PLAN_MAX + 1], subject[48], *after;
	struct member m;
	int y = this_year(a);
	enum err_code rc;

	if (own(a, ac, &mid, e))
		return e->code;
	if (year != y && year != y + 1)
		err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			"a plan is written for this year (%d) or the next", y);
	if (text_accept(commitments ? commitments : "", HB_PLAN_MAX, TEXT_LINES, text,
			sizeof text, e, 0, "commitments", "the commitments"))
		return e->code;
	if (!text[0])
		err_add(e, ERR_INPUT, 0, "commitments", NULL, NULL,
			"write what you commit to do this year");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = store_member_get(a->st, mid, &m, e);
	if (!rc)
		rc = store_hb_plan_write(a->st, mid, year, text, a->today, ac->name, e);
	snprintf(subject, sizeof subject, "member:%lld", (long long)mid);
	after = app_json("{s:i,s:s}", "year", year, "commitments", text);
	if (!rc)
		rc = app_audit(a, ac, "plan.write", subject, m.org_id, NULL, after, e);
	free(after);
	return app_end(a, rc, e);
}

enum err_code app_hb_plan_report(struct app *a, const struct actor *ac, int year,
				 const char *results, struct err *e)
{
	int64_t mid;
	char text[HB_PLAN_MAX + 1], subject[48], *after;
	struct member m;
	int y = this_year(a);
	enum err_code rc;

	if (own(a, ac, &mid, e))
		return e->code;
	if (year != y && year != y - 1)
		err_add(e, ERR_INPUT, 0, "year", NULL, NULL,
			"results are reported for this year (%d) or the one before", y);
	if (text_accept(results ? results : "", HB_PLAN_MAX, TEXT_LINES, text, sizeof text, e, 0,
			"results", "the results"))
		return e->code;
	if (!text[0])
		err_add(e, ERR_INPUT, 0, "results", NULL, NULL, "write what you achieved");
	if (e->code)
		return e->code;
	if ((rc = app_begin(a, e)))
		return rc;
	rc = store_member_get(a->st, mid, &m, e);
	if (!rc)
		rc = store_hb_plan_report(a->st, mid, year, text, a->today, ac->name, e);
	if (rc == ERR_NOTFOUND) {
		err_clear(e);
		rc = err_add(e, ERR_RULE, 0, "year", NULL, NULL,
			     "you have no action plan for %d: write it first", year);
	}
	snprintf(subject, sizeof subject, "member:%lld", (long long)mid);
	after = app_json("{s:i,s:s}", "year", year, "results", text);
	if (!rc)
		rc = app_audit(a, ac, "plan.report", subject, m.org_id, NULL, after, e);
	free(after);
	return app_end(a, rc, e);
}

enum err_code app_hb_plan_states(struct app *a, const struct actor *ac, const char *org_code,
				 int year, int (*cb)(void *ctx, int64_t member_id, int reported),
				 void *ctx, struct err *e)
{
	struct org o;

	if (app_org_lookup(a, ac, org_code, &o, 0, "org", e))
		return e->code;
	return store_hb_plan_states(a->st, o.id, year, cb, ctx, e);
}

/* The demo's member accounts: member i of the cell's roll (by name) is "dvNN.demo" with the
 * code "HBDM-SAMP-XY22" (docs/handbook.md lists them). */
static void demo_code(size_t i, char code[HB_CODE_CHARS], char login[64])
{
	snprintf(code, HB_CODE_CHARS, "HBDM-SAMP-%c%c22", code_alphabet[(i / 32) % 32],
		 code_alphabet[i % 32]);
	snprintf(login, 64, "dv%02zu.demo", i + 1);
}

enum err_code demo_hb(struct app *a, const struct actor *ac, struct err *e)
{
	struct hb_sheet s;
	struct actor me;
	enum err_code rc;

	if ((rc = app_hb_accounts_fixed(a, ac, HB_DEMO_CELL, demo_code, &s, e)))
		return rc;
	/* The first one activated, with a password the docs give, to try the handbook at once. */
	if (s.n)
		rc = app_hb_activate(a, s.rows[0].login, s.rows[0].code, HB_DEMO_PASSWORD, "local",
				     &me, e);
	hb_sheet_cleanup(&s);
	return rc;
}
