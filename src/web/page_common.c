/* page_common.c - pieces the record pages share: labels of statuses and kinds, links to
 * records, the pager, the size budget of a page, and JSON details shown as text. */
#include <stdlib.h>
#include <string.h>

#include "pages.h"

static const char *const status_labels[MS__COUNT] = {
	[MS_PROBATIONARY] = N_("Probationary"),
	[MS_OFFICIAL] = N_("Official"),
	[MS_EXEMPT] = N_("Exempt from activity"),
	[MS_SUSPENDED] = N_("Suspended"),
	[MS_REMOVED] = N_("Removed from the roll"),
	[MS_EXPELLED] = N_("Expelled"),
	[MS_DECEASED] = N_("Deceased"),
	[MS_TRANSFERRED_OUT] = N_("Transferred out"),
};

static const char *const kind_labels[OK__COUNT] = {
	[OK_COMMITTEE] = N_("Party committee"),
	[OK_GRASSROOTS] = N_("Grassroots party committee"),
	[OK_SUBCOMMITTEE] = N_("Sub-committee"),
	[OK_CELL] = N_("Party cell"),
};

const char *web_status_label(const struct req *r, enum member_status s)
{
	if ((unsigned)s >= MS__COUNT)
		return "?";
	return web_tr(r, status_labels[s]);
}

const char *web_kind_label(const struct req *r, enum org_kind k)
{
	if ((unsigned)k >= OK__COUNT)
		return "?";
	return web_tr(r, kind_labels[k]);
}

/* Labels of the words that appear inside stored details (event kinds, field names, transfer
 * kinds); anything else is shown as stored. */
static const struct {
	const char *key, *label;
} word_labels[] = {
	{"add", N_("Added to the roll")},
	{"edit", N_("Record edited")},
	{"status", N_("Status changed")},
	{"transfer_sent", N_("Transfer sent")},
	{"transfer_received", N_("Transfer received")},
	{"transfer_returned", N_("Temporary stay ended")},
	{"establish", N_("Established")},
	{"committee", N_("Party committee")},
	{"grassroots", N_("Grassroots party committee")},
	{"subcommittee", N_("Sub-committee")},
	{"cell", N_("Party cell")},
	{"name", N_("Name")},
	{"source", N_("Source")},
	{"import", N_("Import")},
	{"parent", N_("Parent organisation")},
	{"rename", N_("Renamed")},
	{"move", N_("Moved")},
	{"merge", N_("Merged")},
	{"split", N_("Split")},
	{"dissolve", N_("Dissolved")},
	{"agency", N_("Agency")},
	{"combat", N_("Combat unit")},
	{"local_military", N_("Local military")},
	{"border_post", N_("Border post")},
	{"school", N_("School")},
	{"hospital", N_("Hospital")},
	{"enterprise", N_("Enterprise")},
	{"primary", N_("Primary")},
	{"intermediate", N_("Intermediate")},
	{"advanced", N_("Advanced")},
	{"senior", N_("Senior")},
	{"officer", N_("Officer")},
	{"professional", N_("Professional soldier")},
	{"soldier", N_("Soldier")},
	{"worker", N_("Defence worker")},
	{"militia", N_("Militia")},
	{"self_defence", N_("Self-defence")},
	{"reserve", N_("Reserve")},
	{"full_name", N_("Full name")},
	{"sex", N_("Sex")},
	{"birth_date", N_("Date of birth")},
	{"ethnicity", N_("Ethnicity")},
	{"religion", N_("Religion")},
	{"hometown", N_("Home town")},
	{"citizen_id", N_("Citizen ID")},
	{"education", N_("Education")},
	{"theory_level", N_("Political theory")},
	{"rank", N_("Rank")},
	{"category", N_("Category")},
	{"post", N_("Post")},
	{"history_no", N_("Record number")},
	{"card_no", N_("Party card number")},
	{"phone", N_("Phone")},
	{"admission_decision_date", N_("Admission decision")},
	{"admission_ceremony_date", N_("Admission ceremony")},
	{"official_date", N_("Official since")},
	{"org_code", N_("Organisation")},
	{"from", N_("From")},
	{"to", N_("To")},
	{"reason", N_("Reason")},
	{"effective", N_("Effective")},
	{"kind", N_("Kind")},
	{"transfer", N_("Transfer")},
	{"before", N_("Before")},
	{"after", N_("After")},
	{"temporary", N_("Temporary")},
	{"official", N_("Official")},
	{"probationary", N_("Probationary")},
	{"male", N_("Male")},
	{"female", N_("Female")},
	{NULL, NULL},
};

const char *web_word(const struct req *r, const char *key)
{
	size_t i;

	for (i = 0; word_labels[i].key; i++)
		if (!strcmp(word_labels[i].key, key))
			return web_tr(r, word_labels[i].label);
	return web_word_more(r, key);
}

void web_org_link(struct req *r, const char *code, const char *name)
{
	H(r, "<a href=\"/orgs/");
	A(r, code);
	H(r, "\">");
	T(r, name && name[0] ? name : code);
	H(r, "</a>");
}

void web_member_link(struct req *r, int64_t id, const char *name)
{
	H(r, "<a href=\"/members/");
	N(r, id);
	H(r, "\">");
	T(r, name);
	H(r, "</a>");
}

void web_fail(struct req *r)
{
	r->status = http_status_of(r->e.code ? r->e.code : ERR_INTERNAL);
	web_error_page(r);
}

int web_page_full(const struct req *r)
{
	return r->out.len > WEB_PAGE_BUDGET;
}

void web_pager(struct req *r, const char *prefix, long offset, long shown, int more)
{
	long prev = offset - WEB_PAGE_ROWS;

	if (!offset && !more)
		return;
	H(r, "<nav class=\"pager\">");
	if (offset > 0) {
		H(r, "<a rel=\"prev\" href=\"");
		A(r, prefix);
		H(r, "offset=");
		N(r, prev < 0 ? 0 : prev);
		H(r, "\">");
		TR(r, "Previous page");
		H(r, "</a>");
	}
	H(r, "<span class=\"count\">");
	Q(r, shown ? offset + 1 : offset);
	H(r, "–");
	Q(r, offset + shown);
	H(r, "</span>");
	if (more) {
		H(r, " <a rel=\"next\" href=\"");
		A(r, prefix);
		H(r, "offset=");
		N(r, offset + shown);
		H(r, "\">");
		TR(r, "Next page");
		H(r, "</a>");
	}
	H(r, "</nav>\n");
}

/* A stored string value under key: words from a fixed set (kinds, sexes, statuses) are
 * translated; names, reasons and codes are shown as stored. */
static void json_string_text(struct req *r, const char *key, const char *s)
{
	enum member_status st;

	if (!s[0]) {
		T(r, "—");
	} else if (key && (!strcmp(key, "from") || !strcmp(key, "to") || !strcmp(key, "status")) &&
		   !member_status_parse(s, &st)) {
		T(r, web_status_label(r, st));
	} else if (key && (!strcmp(key, "parent") || !strcmp(key, "from") || !strcmp(key, "to") ||
			   !strcmp(key, "members_to") || !strcmp(key, "into"))) {
		struct org o;
		struct err tmp;

		/* An organisation code: named only when the user may see it (above the scope
		 * nothing exists). */
		err_init(&tmp);
		if (!app_org_get(r->app, &r->actor, s, &o, &tmp))
			web_org_link(r, o.code, o.name);
		else
			T(r, "—");
		err_cleanup(&tmp);
	} else if (key && (!strcmp(key, "kind") || !strcmp(key, "sex"))) {
		T(r, web_word(r, s));
	} else if (key) {
		T(r, web_code_value(r, key, s));
	} else {
		T(r, s);
	}
}

/* One JSON value as text: strings as they are, other scalars in JSON, objects as
 * "label: value" pairs. key is the name the value is stored under (NULL at the top). */
static void json_value_text(struct req *r, const char *vkey, json_t *v, int depth)
{
	if (json_is_string(v)) {
		json_string_text(r, vkey, json_string_value(v));
	} else if (json_is_integer(v) && vkey && !strcmp(vkey, "score") &&
		   json_integer_value(v) < 0) {
		T(r, "—"); /* no score given */
	} else if (json_is_integer(v)) {
		N(r, json_integer_value(v));
	} else if (json_is_boolean(v)) {
		T(r, json_is_true(v) ? _(r, "yes") : _(r, "no"));
	} else if (json_is_object(v) && depth < 3) {
		const char *key;
		json_t *x;
		int first = 1;

		json_object_foreach(v, key, x) {
			if (json_is_string(x) && !json_string_value(x)[0])
				continue;
			if (!first)
				H(r, "; ");
			first = 0;
			T(r, web_word(r, key));
			H(r, ": ");
			json_value_text(r, key, x, depth + 1);
		}
	} else {
		char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

		T(r, s ? s : "");
		free(s);
	}
}

/* An edit's detail {"before":{...},"after":{...}}: "field: old → new" for each field. */
static int json_edit_text(struct req *r, json_t *j)
{
	json_t *before = json_object_get(j, "before"), *after = json_object_get(j, "after");
	const char *key;
	json_t *x;
	int first = 1;

	if (json_object_size(j) != 2 || !json_is_object(before) || !json_is_object(after))
		return 0;
	H(r, "<span class=\"diff\">");
	json_object_foreach(after, key, x) {
		json_t *old = json_object_get(before, key);

		if (!first)
			H(r, "; ");
		first = 0;
		T(r, web_word(r, key));
		H(r, ": <del>");
		if (old)
			json_value_text(r, key, old, 1);
		H(r, "</del> → <ins>");
		json_value_text(r, key, x, 1);
		H(r, "</ins>");
	}
	H(r, "</span>");
	return 1;
}

void web_json_detail(struct req *r, const char *json)
{
	json_t *j;

	if (!json || !json[0])
		return;
	j = json_loads(json, JSON_DECODE_ANY, NULL);
	if (!j) {
		T(r, json);
		return;
	}
	if (!json_edit_text(r, j))
		json_value_text(r, NULL, j, 0);
	json_decref(j);
}

void web_member_rows_head(struct req *r)
{
	H(r, "<table class=\"members\"><thead><tr><th>");
	TR(r, "Full name");
	H(r, "</th><th>");
	TR(r, "Date of birth");
	H(r, "</th><th>");
	TR(r, "Status");
	H(r, "</th><th>");
	TR(r, "Organisation");
	H(r, "</th></tr></thead><tbody>\n");
}

void web_member_row(struct req *r, const struct member *m)
{
	H(r, "<tr><td>");
	web_member_link(r, m->id, m->full_name);
	H(r, "</td><td>");
	D(r, m->birth_date);
	H(r, "</td><td>");
	T(r, web_status_label(r, m->status));
	if (m->temp_org_id) {
		H(r, ", ");
		TR(r, "hosted at");
		H(r, " ");
		web_org_link(r, m->temp_org_code, NULL);
	}
	H(r, "</td><td>");
	web_org_link(r, m->org_code, NULL);
	H(r, "</td></tr>\n");
}

void web_pager_org(struct req *r, const char *path, const char *org, long offset, long shown,
		   int more)
{
	struct buf prefix;

	buf_init(&prefix, 0);
	buf_adds(&prefix, path);
	buf_addc(&prefix, '?');
	if (org && org[0]) {
		buf_adds(&prefix, "org=");
		web_url_arg(&prefix, org);
		buf_addc(&prefix, '&');
	}
	web_pager(r, buf_str(&prefix), offset, shown, more);
	buf_cleanup(&prefix);
}

int web_query_year(struct req *r)
{
	int y, m, d;

	date_to_ymd(r->app->today, &y, &m, &d);
	return (int)req_query_long(r, "year", y, 1930, y);
}

static const char *const grade_labels[G__COUNT] = {
	[G_EXCELLENT] = N_("Excellent"),
	[G_GOOD] = N_("Good"),
	[G_COMPLETE] = N_("Complete"),
	[G_NOT_COMPLETE] = N_("Not complete"),
};

static const char *const step_labels[RS__COUNT] = {
	[RS_SELF] = N_("Self-assessment"),
	[RS_PROPOSAL] = N_("Proposal of the cell"),
	[RS_DECISION] = N_("Decision"),
};

static const char *const discipline_labels[DF__COUNT] = {
	[DF_REPRIMAND] = N_("Reprimand"),
	[DF_WARNING] = N_("Warning"),
	[DF_REMOVAL] = N_("Removal from post"),
	[DF_EXPULSION] = N_("Expulsion"),
	[DF_DISSOLUTION] = N_("Dissolution"),
};

const char *web_grade_label(const struct req *r, enum grade g)
{
	return (unsigned)g < G__COUNT ? web_tr(r, grade_labels[g]) : "";
}

const char *web_step_label(const struct req *r, enum review_step s)
{
	return (unsigned)s < RS__COUNT ? web_tr(r, step_labels[s]) : "";
}

const char *web_discipline_label(const struct req *r, enum discipline_form f)
{
	return (unsigned)f < DF__COUNT ? web_tr(r, discipline_labels[f]) : "";
}

void web_year_options(struct req *r, int selected)
{
	int y, m, d, i;

	date_to_ymd(r->app->today, &y, &m, &d);
	for (i = y; i > y - 10; i--) {
		H(r, "<option");
		if (i == selected)
			H(r, " selected");
		H(r, ">");
		N(r, i);
		H(r, "</option>");
	}
	if (selected > 0 && selected <= y - 10) {
		H(r, "<option selected>");
		N(r, selected);
		H(r, "</option>");
	}
}
