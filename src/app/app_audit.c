/* app_audit.c - writing, listing and verifying the tamper-evident audit log. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app_int.h"

enum err_code app_audit(struct app *a, const struct actor *ac, const char *action,
			const char *subject, int64_t org_id, const char *before, const char *after,
			struct err *e)
{
	struct audit_entry en;
	time_t now = time(NULL);
	struct tm tm;

	memset(&en, 0, sizeof en);
	gmtime_r(&now, &tm);
	strftime(en.at, sizeof en.at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	snprintf(en.actor, sizeof en.actor, "%s", ac->name);
	snprintf(en.address, sizeof en.address, "%s", ac->address[0] ? ac->address : "local");
	snprintf(en.action, sizeof en.action, "%s", action);
	snprintf(en.subject, sizeof en.subject, "%s", subject);
	en.org_id = org_id;
	en.before = (char *)(uintptr_t)(before ? before : "");
	en.after = (char *)(uintptr_t)(after ? after : "");
	return store_audit_append(a->st, &en, e);
}

enum err_code app_member_event(struct app *a, const struct actor *ac, const struct member *m,
			       date_t date, const char *kind, const char *detail, struct err *e)
{
	char action[32], subject[48];

	if (store_member_event_add(a->st, m->id, date, kind, detail, ac->name, e))
		return e->code;
	snprintf(action, sizeof action, "member.%s", kind);
	snprintf(subject, sizeof subject, "member:%lld", (long long)m->id);
	return app_audit(a, ac, action, subject, m->org_id, NULL, detail, e);
}

char *app_member_json(const struct member *m)
{
	char d[5][DATE_STR];
	json_t *j = json_pack(
		"{s:I,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s,s:s}",
		"id", (json_int_t)m->id, "org_code", m->org_code, "status",
		member_status_name(m->status), "full_name", m->full_name, "sex", m->sex,
		"birth_date", date_format(m->birth_date, d[0]), "ethnicity", m->ethnicity,
		"religion", m->religion, "hometown", m->hometown, "citizen_id", m->citizen_id,
		"education", m->education, "theory_level", m->theory_level, "rank", m->rank,
		"category", m->category, "post", m->post, "history_no", m->history_no,
		"phone", m->phone, "admission_decision_date",
		date_format(m->admission_decision_date, d[1]), "admission_ceremony_date",
		date_format(m->admission_ceremony_date, d[2]), "official_date",
		date_format(m->official_date, d[3]));
	char *s;

	if (!j)
		return NULL;
	s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(j);
	return s;
}

enum err_code app_audit_list(struct app *a, const struct actor *ac, const char *org_code,
			     long limit, store_audit_cb cb, void *ctx, struct err *e)
{
	long pre, last;

	if (app_subtree(a, ac, org_code, 1, &pre, &last, e))
		return e->code;
	return store_audit_walk(a->st, pre, last, limit < 0 ? 100 : limit, cb, ctx, e);
}

struct verify {
	long n;
	int64_t expect_id;
	unsigned char prev[AUDIT_HASH_BYTES];
	int64_t bad_id;
	const char *why;
};

static int verify_one(void *ctx, const struct audit_entry *en)
{
	struct verify *v = ctx;
	unsigned char h[AUDIT_HASH_BYTES];

	v->n++;
	if (en->id != v->expect_id) {
		v->bad_id = v->expect_id;
		v->why = "is missing: entries were deleted or renumbered";
		return 1;
	}
	if (memcmp(en->prev, v->prev, AUDIT_HASH_BYTES) != 0) {
		v->bad_id = en->id;
		v->why = "does not follow the entry before it: entries were deleted, inserted or "
			 "reordered";
		return 1;
	}
	if (audit_hash(en, h) || memcmp(h, en->hash, AUDIT_HASH_BYTES) != 0) {
		v->bad_id = en->id;
		v->why = "was edited after it was written";
		return 1;
	}
	memcpy(v->prev, en->hash, AUDIT_HASH_BYTES);
	v->expect_id++;
	return 0;
}

enum err_code app_audit_verify(struct app *a, long *entries, int64_t *bad_id, const char **why,
			       unsigned char head[AUDIT_HASH_BYTES], struct err *e)
{
	struct verify v;

	memset(&v, 0, sizeof v);
	v.expect_id = 1;
	if (store_audit_walk(a->st, -1, 0, -1, verify_one, &v, e))
		return e->code;
	*entries = v.n;
	memcpy(head, v.prev, AUDIT_HASH_BYTES);
	*bad_id = v.bad_id;
	*why = v.why;
	if (v.bad_id)
		return err_set(e, ERR_STORAGE, "audit entry %lld %s", (long long)v.bad_id, v.why);
	return ERR_OK;
}
