/* api_org.c - organisations: the tree, one organisation, its members, its history and
 * lineage; establishing, editing and restructuring. */
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "api.h"

#define MEMBERS_PAGE 50
#define MEMBERS_PAGE_MAX 500

static int tree_item(void *ctx, const struct tree_node *n)
{
	json_array_append_new(ctx, json_tree_node(n));
	return 0;
}

/* GET /api/v1/orgs?root=CODE&depth=N&as_of=DATE */
void api_org_tree(struct req *r)
{
	const char *root = req_query(r, "root");
	long depth = req_query_long(r, "depth", -1, 0, 1000);
	struct api_page p;
	date_t as_of;
	json_t *items, *j;

	/* ?q=: the organisation picker's search (api_find.c). */
	if (req_query(r, "q")) {
		api_org_find(r);
		return;
	}
	api_page_init(r, &p, 0, API_LIST_MAX);
	api_query_date(r, "as_of", &as_of);
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	if (app_org_tree(r->app, &r->actor, root ? root : "", (int)depth, as_of, tree_item, items,
			 &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_page_slice(&p, items);
	j = json_pack("{s:o}", "items", items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}

static int lineage_code(void *ctx, const struct org *o)
{
	json_array_append_new(ctx, json_string(o->code));
	return 0;
}

/* The predecessors and successors of code into j; 0 or the app's code. */
static enum err_code add_lineage(struct req *r, const char *code, json_t *j)
{
	json_t *pred = json_array(), *succ = json_array();

	json_object_set_new(j, "predecessors", pred);
	json_object_set_new(j, "successors", succ);
	if (app_org_lineage(r->app, &r->actor, code, -1, lineage_code, pred, &r->e) ||
	    app_org_lineage(r->app, &r->actor, code, 1, lineage_code, succ, &r->e))
		return r->e.code;
	return ERR_OK;
}

struct org_view {
	json_t *children;
	json_t *subtree;
};

static int org_view_node(void *ctx, const struct tree_node *n)
{
	struct org_view *v = ctx;

	if (n->depth == 0)
		v->subtree = json_tree_node(n);
	else if (n->depth == 1)
		json_array_append_new(v->children, json_tree_node(n));
	return 0;
}

/* GET /api/v1/orgs/{code}?as_of=DATE: the organisation, its counts by status (now, when it
 * is active), its subtree's totals and children as of the date, its lineage. */
void api_org_get(struct req *r)
{
	struct org o;
	long counts[MS__COUNT], hosted = 0;
	struct org_view v = {NULL, NULL};
	date_t as_of;
	json_t *j = NULL, *c;
	int i;

	if (api_query_date(r, "as_of", &as_of) ||
	    app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e))
		goto fail;
	j = json_org(&o);
	if (o.dissolved == DATE_NONE && as_of == DATE_NONE) {
		if (app_org_counts(r->app, &r->actor, o.code, counts, &hosted, &r->e))
			goto fail;
		c = json_object();
		for (i = 0; i < MS__COUNT; i++)
			json_object_set_new(c, member_status_name((enum member_status)i),
					    json_integer(counts[i]));
		/* One definition of "official" in every answer (docs/web.md): the full members,
		 * those exempt from activity and those suspended among them, as the subtree's
		 * and the tree's "official" count them; "exempt" and "suspended" say how many of
		 * them are. */
		json_object_set_new(c, "official", json_integer(counts[MS_OFFICIAL] +
								counts[MS_EXEMPT] +
								counts[MS_SUSPENDED]));
		json_object_set_new(c, "hosted", json_integer(hosted));
		json_object_set_new(j, "counts", c);
	} else {
		json_object_set_new(j, "counts", json_null());
	}
	v.children = json_array();
	if (app_org_tree(r->app, &r->actor, o.code, 1, as_of, org_view_node, &v, &r->e)) {
		/* A dissolved organisation, or one not yet established on the date: no tree. */
		if (r->e.code != ERR_RULE) {
			json_decref(v.children);
			json_decref(v.subtree);
			goto fail;
		}
		err_clear(&r->e);
	}
	json_object_set_new(j, "as_of", json_date(as_of));
	json_object_set_new(j, "subtree", v.subtree ? v.subtree : json_null());
	json_object_set_new(j, "children", v.children);
	if (add_lineage(r, o.code, j))
		goto fail;
	reply_json(r, 200, j);
	return;
fail:
	json_decref(j);
	reply_problem(r);
}

static int member_item(void *ctx, const struct member *m)
{
	json_array_append_new(ctx, json_member(m));
	return 0;
}

/* GET /api/v1/orgs/{code}/members?offset&limit&as_of: one page of the subtree's members in
 * Vietnamese name order; "next" is the next page's address, null on the last page. */
void api_org_members(struct req *r)
{
	struct api_page p;
	date_t as_of;
	json_t *items, *j;
	int more = 0;

	api_page_init(r, &p, MEMBERS_PAGE, MEMBERS_PAGE_MAX);
	api_query_date(r, "as_of", &as_of);
	if (r->e.code) {
		reply_problem(r);
		return;
	}
	items = json_array();
	/* The page is audited (one entry) by app_member_page. */
	if (app_member_page(r->app, &r->actor, r->pathv[0], as_of, p.offset, p.limit, member_item,
			    items, &more, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	p.total = r->app->list_total;
	j = json_pack("{s:o}", "items", items);
	api_page_set(r, &p, j);
	reply_json(r, 200, j);
}

static int history_item(void *ctx, const struct org_event *ev)
{
	json_t *detail = json_loads(ev->detail, 0, NULL);

	json_array_append_new(ctx, json_pack("{s:o,s:s,s:s,s:o,s:o,s:s,s:s}", "date",
		json_date(ev->date), "kind", ev->kind, "org", ev->org_code, "other",
		ev->other_code[0] ? json_string(ev->other_code) : json_null(), "detail",
		detail ? detail : json_null(), "actor", ev->actor, "recorded_at",
		ev->recorded_at));
	return 0;
}

/* GET /api/v1/orgs/{code}/history */
void api_org_history(struct req *r)
{
	json_t *items = json_array();

	if (app_org_history(r->app, &r->actor, r->pathv[0], history_item, items, &r->e)) {
		json_decref(items);
		reply_problem(r);
		return;
	}
	api_reply_list(r, json_pack("{s:s,s:o}", "code", r->pathv[0], "items", items));
}

/* GET /api/v1/orgs/{code}/lineage */
void api_org_lineage(struct req *r)
{
	struct org o;
	json_t *j;

	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_pack("{s:s}", "code", o.code);
	if (add_lineage(r, o.code, j)) {
		json_decref(j);
		reply_problem(r);
		return;
	}
	reply_json(r, 200, j);
}

/* Copy a string member of body into dst (capacity cap) when present; a problem when too
 * long. */
static void take_text(struct req *r, json_t *body, const char *name, char *dst, size_t cap)
{
	const char *v = api_str(body, name);

	if (!v)
		return;
	if (strlen(v) >= cap) {
		err_add(&r->e, ERR_INPUT, 0, name, v, NULL,
			"%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", name,
			strlen(v), cap - 1);
		return;
	}
	memcpy(dst, v, strlen(v) + 1);
}

/* The attributes that are not restructuring, from body into o (those present). */
static void take_attributes(struct req *r, json_t *body, struct org *o)
{
	take_text(r, body, "grassroots_type", o->grassroots_type, sizeof o->grassroots_type);
	take_text(r, body, "local_committee", o->local_committee, sizeof o->local_committee);
	o->standing_board = api_bool(body, "standing_board", o->standing_board);
	o->militia = api_count(body, "militia", o->militia);
	o->self_defence = api_count(body, "self_defence", o->self_defence);
	o->reserve = api_count(body, "reserve", o->reserve);
}

/* Answer the organisation code as it is now (after a change), with status. */
static void reply_org(struct req *r, int status, const char *code)
{
	struct org o;
	json_t *j;
	struct buf loc;

	if (app_org_get(r->app, &r->actor, code, &o, &r->e)) {
		reply_problem(r);
		return;
	}
	j = json_org(&o);
	api_warnings(r, j);
	if (status != 201) {
		reply_json(r, status, j);
		return;
	}
	buf_init(&loc, 0);
	buf_printf(&loc, "/api/v1/orgs/%s", o.code);
	api_created(r, buf_str(&loc), j);
	buf_cleanup(&loc);
}

static const struct api_field org_add_fields[] = {
	{"code", AT_STRING, 1}, {"parent_code", AT_STRING, 0}, {"name", AT_STRING, 1},
	{"kind", AT_STRING, 1}, {"grassroots_type", AT_STRING, 0},
	{"standing_board", AT_BOOL, 0}, {"local_committee", AT_STRING, 0},
	{"militia", AT_COUNT, 0}, {"self_defence", AT_COUNT, 0}, {"reserve", AT_COUNT, 0},
	{"established", AT_DATE, 0}, {NULL, AT_STRING, 0},
};

/* POST /api/v1/orgs: establish an organisation (201, Location). */
void api_org_add(struct req *r)
{
	json_t *body = api_body_or_reply(r, org_add_fields);
	struct org o;

	if (!body)
		return;
	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	take_text(r, body, "code", o.code, sizeof o.code);
	take_text(r, body, "parent_code", o.parent_code, sizeof o.parent_code);
	take_text(r, body, "name", o.name, sizeof o.name);
	if (org_kind_parse(api_str(body, "kind"), &o.kind))
		err_add(&r->e, ERR_INPUT, 0, "kind", api_str(body, "kind"), NULL,
			"kind must be committee, grassroots, subcommittee or cell");
	take_attributes(r, body, &o);
	o.established = api_date(body, "established");
	if (r->e.code || app_org_add(r->app, &r->actor, &o, &r->e)) {
		size_t i;

		/* The app names the date as the command line's option; here it is a field. */
		for (i = 0; i < r->e.n; i++)
			if (!strcmp(r->e.items[i].field, "date"))
				snprintf(r->e.items[i].field, sizeof r->e.items[i].field, "established");
		api_hide_org(r, o.parent_code[0] ? o.parent_code : NULL);
		reply_problem(r);
	} else {
		reply_org(r, 201, o.code);
	}
	json_decref(body);
}

static const struct api_field org_edit_fields[] = {
	{"grassroots_type", AT_STRING, 0}, {"standing_board", AT_BOOL, 0},
	{"local_committee", AT_STRING, 0}, {"militia", AT_COUNT, 0},
	{"self_defence", AT_COUNT, 0}, {"reserve", AT_COUNT, 0}, {"date", AT_DATE, 0},
	{NULL, AT_STRING, 0},
};

/* PATCH /api/v1/orgs/{code}: the attributes given change; null clears one. */
void api_org_edit(struct req *r)
{
	json_t *body = api_body_or_reply(r, org_edit_fields);
	struct org o;

	if (!body)
		return;
	if (app_org_get(r->app, &r->actor, r->pathv[0], &o, &r->e))
		goto fail;
	take_attributes(r, body, &o);
	if (r->e.code || app_org_edit(r->app, &r->actor, &o, api_date(body, "date"), &r->e))
		goto fail;
	reply_org(r, 200, o.code);
	json_decref(body);
	return;
fail:
	api_hide_org(r, r->pathv[0]);
	reply_problem(r);
	json_decref(body);
}

static const struct api_field rename_fields[] = {
	{"name", AT_STRING, 1}, {"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};
static const struct api_field move_fields[] = {
	{"to", AT_STRING, 1}, {"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};
static const struct api_field merge_fields[] = {
	{"into", AT_STRING, 1}, {"also", AT_CODES, 0}, {"date", AT_DATE, 0},
	{NULL, AT_STRING, 0},
};
static const struct api_field dissolve_fields[] = {
	{"members_to", AT_STRING, 0}, {"date", AT_DATE, 0}, {NULL, AT_STRING, 0},
};
static const struct api_field split_fields[] = {
	{"assign", AT_ARRAY, 1}, {"keep_source", AT_BOOL, 0}, {"date", AT_DATE, 0},
	{NULL, AT_STRING, 0},
};

/* The end of a restructuring: the organisation as it is now, or the problem. */
static void restructured(struct req *r, json_t *body, enum err_code rc)
{
	if (rc) {
		api_hide_org(r, r->pathv[0]);
		reply_problem(r);
	} else {
		reply_org(r, 200, r->pathv[0]);
	}
	json_decref(body);
}

/* POST /api/v1/orgs/{code}/rename {"name", "date"} */
void api_org_rename(struct req *r)
{
	json_t *body = api_body_or_reply(r, rename_fields);

	if (body)
		restructured(r, body, app_org_rename(r->app, &r->actor, r->pathv[0],
						     api_str(body, "name"), api_date(body, "date"),
						     &r->e));
}

/* POST /api/v1/orgs/{code}/move {"to": PARENT, "date"} */
void api_org_move(struct req *r)
{
	json_t *body = api_body_or_reply(r, move_fields);

	if (body)
		restructured(r, body, app_org_move(r->app, &r->actor, r->pathv[0],
						   api_str(body, "to"), api_date(body, "date"),
						   &r->e));
}

/* POST /api/v1/orgs/{code}/merge {"into": DST, "also": [more sources], "date"}: code (and
 * the others) merged into DST in one step. */
void api_org_merge(struct req *r)
{
	json_t *body = api_body_or_reply(r, merge_fields), *also, *v;
	const char **srcs;
	size_t n = 1, i;

	if (!body)
		return;
	also = json_object_get(body, "also");
	srcs = xcalloc(1 + json_array_size(also), sizeof *srcs);
	srcs[0] = r->pathv[0];
	json_array_foreach(also, i, v) srcs[n++] = json_string_value(v);
	restructured(r, body, app_org_merge(r->app, &r->actor, srcs, n, api_str(body, "into"),
					    api_date(body, "date"), &r->e));
	free(srcs);
}

/* POST /api/v1/orgs/{code}/split {"assign": [{"member_id", "org_code"}...], "keep_source",
 * "date"}: a problem of an assignment names its 1-based position as its line. */
void api_org_split(struct req *r)
{
	json_t *body = api_body_or_reply(r, split_fields), *it, *mid, *code;
	struct split_assign *as;
	size_t i, n = 0;

	if (!body)
		return;
	as = xcalloc(json_array_size(json_object_get(body, "assign")) + 1, sizeof *as);
	json_array_foreach(json_object_get(body, "assign"), i, it) {
		long line = (long)i + 1;

		mid = json_object_get(it, "member_id");
		code = json_object_get(it, "org_code");
		if (!json_is_object(it) || json_object_size(it) != 2 || !json_is_integer(mid) ||
		    json_integer_value(mid) <= 0 || !json_is_string(code) ||
		    strlen(json_string_value(code)) > ORG_CODE_MAX) {
			err_add(&r->e, ERR_INPUT, line, "assign", NULL, NULL,
				"each assignment is {\"member_id\": ID, \"org_code\": CODE}");
			continue;
		}
		as[n].member_id = json_integer_value(mid);
		snprintf(as[n].org_code, sizeof as[n].org_code, "%s", json_string_value(code));
		as[n].line = line;
		n++;
	}
	restructured(r, body, r->e.code ? r->e.code :
		     app_org_split(r->app, &r->actor, r->pathv[0], as, n,
				   api_bool(body, "keep_source", 0), api_date(body, "date"), &r->e));
	free(as);
}

/* POST /api/v1/orgs/{code}/dissolve {"members_to", "date"} */
void api_org_dissolve(struct req *r)
{
	json_t *body = api_body_or_reply(r, dissolve_fields);
	const char *to;

	if (!body)
		return;
	to = api_str(body, "members_to");
	restructured(r, body, app_org_dissolve(r->app, &r->actor, r->pathv[0],
					       to && to[0] ? to : NULL, api_date(body, "date"),
					       &r->e));
}
