/* flash.c - the confirmation shown on the page a change lands on ("Đã chuyển sinh hoạt ...").
 * The redirect after a change carries ?done=KEY (and &of=MEMBER_ID): KEY names a message of
 * the fixed table below, so nothing typed into an address is ever shown; the member, when
 * given, is looked up in the user's scope and named (or left out when out of sight). No
 * script and no cookie: the message belongs to the page it was sent to. */
#include <stdlib.h>
#include <string.h>

#include "flash.h"
#include "pages.h"

struct flash_msg {
	const char *key;
	const char *text; /* msgid */
};

static const struct flash_msg flash_table[] = {
	{"member-added", N_("Member added to the roll.")},
	{"member-edited", N_("The member's record was saved.")},
	{"member-unchanged", N_("Nothing was changed.")},
	{"status-changed", N_("The member's status was changed.")},
	{"transfer-sent", N_("Party activity transfer sent.")},
	{"transfer-received", N_("Arrival recorded: the member is on the roll.")},
	{"transfer-returned", N_("The temporary stay was ended.")},
	{"transfer-cancelled", N_("The transfer was cancelled.")},
	{"review-saved", N_("The review was saved.")},
	{"review-org-saved", N_("The organisation's review was saved.")},
	{"discipline-added", N_("The discipline decision was recorded.")},
	{"rule-added", N_("The new version of the rule was saved.")},
	{"emulation-saved", N_("The emulation rating was saved.")},
	{"model-added", N_("The emulation model was saved.")},
	{"import-done", N_("The import was finished.")},
	{"account-saved", N_("The account was saved.")},
	{"admission-added", N_("The candidate was added.")},
	{"admission-step", N_("The step was recorded.")},
	{"cadre-recorded", N_("The change of cadres was recorded.")},
	{"committee-added", N_("The committee was added.")},
	{"committee-seated", N_("The members were seated.")},
	{"committee-left", N_("The departure was recorded.")},
	{"personnel-granted", N_("The personnel right was granted.")},
	{"personnel-revoked", N_("The personnel right was revoked.")},
	{"training-added", N_("The training record was saved.")},
	{"programme-added", N_("The programme was recorded.")},
	{"item-added", N_("The item was added to the programme.")},
	{"case-opened", N_("The case was opened.")},
	{"case-step", N_("The step of the case was recorded.")},
	{"inspection-granted", N_("The inspection right was granted.")},
	{"inspection-revoked", N_("The inspection right was revoked.")},
	{"complaint-added", N_("The complaint was recorded.")},
	{"complaint-settled", N_("The settlement was recorded.")},
	{"complaint-withdrawn", N_("The withdrawal was recorded.")},
	{NULL, NULL},
};

static const struct flash_msg *flash_find(const char *key)
{
	const struct flash_msg *f;

	for (f = flash_table; key && f->key; f++)
		if (!strcmp(f->key, key))
			return f;
	return NULL;
}

int flash_known(const char *key)
{
	return flash_find(key) != NULL;
}

void flash_location(struct buf *b, const char *location, const char *key, int64_t member_id)
{
	const char *hash = strchr(location, '#');
	size_t n = hash ? (size_t)(hash - location) : strlen(location);

	buf_add(b, location, n);
	buf_addc(b, memchr(location, '?', n) ? '&' : '?');
	buf_adds(b, "done=");
	buf_adds(b, key);
	if (member_id > 0)
		buf_printf(b, "&of=%lld", (long long)member_id);
	if (hash)
		buf_adds(b, hash);
}

void web_flash(struct req *r)
{
	const struct flash_msg *f = flash_find(req_query(r, "done"));
	const char *of = req_query(r, "of");
	struct member m;
	char *end = NULL;
	long long id;

	if (!f || (r->status && r->status != 200) || !r->authed)
		return;
	H(r, "<p class=\"ok flash\" role=\"status\" id=\"flash\">");
	T(r, web_tr(r, f->text));
	id = of && of[0] ? strtoll(of, &end, 10) : 0;
	if (id > 0 && end && !*end && r->app) {
		struct err e;

		/* Named only when the user may see the member. */
		err_init(&e);
		if (!app_member_get(r->app, &r->actor, (int64_t)id, &m, &e)) {
			H(r, " ");
			web_member_link(r, m.id, m.full_name);
		}
		err_cleanup(&e);
	}
	H(r, "</p>\n");
}
