/* cmd_org.c - cadre org add|edit|show|tree|rename|move|merge|split|dissolve|history. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/csv.h"
#include "../lib/mem.h"
#include "cli.h"

static int set_text(struct cli *c, char *dst, size_t cap, const char *field, const char *v)
{
	if (strlen(v) >= cap) {
		err_add(&c->e, ERR_INPUT, 0, field, v, NULL,
			"%s is %zu bytes of UTF-8; the limit is %zu bytes: shorten it", field,
			strlen(v), cap - 1);
		return -1;
	}
	memcpy(dst, v, strlen(v) + 1);
	return 0;
}

int cmd_org_add(struct cli *c, int npos, char **pos)
{
	struct org o;
	const char *v;

	(void)npos;
	memset(&o, 0, sizeof o);
	o.militia = o.self_defence = o.reserve = -1;
	set_text(c, o.code, sizeof o.code, "code", pos[0]);
	set_text(c, o.parent_code, sizeof o.parent_code, "parent", OPT(c, "parent") ? OPT(c, "parent") : "");
	if (!(v = OPT(c, "name")))
		err_add(&c->e, ERR_USAGE, 0, "name", NULL, NULL, "--name is required");
	else
		set_text(c, o.name, sizeof o.name, "name", v);
	if (!(v = OPT(c, "kind")))
		err_add(&c->e, ERR_USAGE, 0, "kind", NULL, NULL,
			"--kind is required: committee, grassroots, subcommittee or cell");
	else if (org_kind_parse(v, &o.kind))
		err_add(&c->e, ERR_USAGE, 0, "kind", v, NULL,
			"kind must be committee, grassroots, subcommittee or cell");
	if ((v = OPT(c, "type")))
		set_text(c, o.grassroots_type, sizeof o.grassroots_type, "type", v);
	o.standing_board = OPT_SET(c, "standing-board");
	if ((v = OPT(c, "local-committee")))
		set_text(c, o.local_committee, sizeof o.local_committee, "local-committee", v);
	cli_count(c, "militia", OPT(c, "militia"), &o.militia);
	cli_count(c, "self-defence", OPT(c, "self-defence"), &o.self_defence);
	cli_count(c, "reserve", OPT(c, "reserve"), &o.reserve);
	cli_date(c, "date", OPT(c, "date"), &o.established);
	if (c->e.code || app_org_add(&c->app, &c->actor, &o, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_org(&o));
	else
		printf("established %s (%s) under %s\n", o.code, o.name,
		       o.parent_code[0] ? o.parent_code : "(root)");
	return 0;
}

int cmd_org_edit(struct cli *c, int npos, char **pos)
{
	struct org o;
	const char *v;
	date_t date;

	(void)npos;
	if (app_org_get(&c->app, &c->actor, pos[0], &o, &c->e))
		return cli_fail(c);
	if ((v = OPT(c, "type")))
		set_text(c, o.grassroots_type, sizeof o.grassroots_type, "type", v);
	if ((v = OPT(c, "standing-board"))) {
		if (strcmp(v, "0") && strcmp(v, "1"))
			err_add(&c->e, ERR_USAGE, 0, "standing-board", v, NULL, "give 1 or 0");
		o.standing_board = v[0] == '1';
	}
	if ((v = OPT(c, "local-committee")))
		set_text(c, o.local_committee, sizeof o.local_committee, "local-committee", v);
	if (OPT(c, "militia"))
		cli_count(c, "militia", OPT(c, "militia"), &o.militia);
	if (OPT(c, "self-defence"))
		cli_count(c, "self-defence", OPT(c, "self-defence"), &o.self_defence);
	if (OPT(c, "reserve"))
		cli_count(c, "reserve", OPT(c, "reserve"), &o.reserve);
	cli_date(c, "date", OPT(c, "date"), &date);
	if (c->e.code || app_org_edit(&c->app, &c->actor, &o, date, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(json_org(&o));
	else
		printf("updated %s\n", o.code);
	return 0;
}

struct show_ctx {
	json_t *arr;
	struct table *t;
};

static int show_child(void *ctx, const struct tree_node *n)
{
	struct show_ctx *s = ctx;
	char cnt[32], prob[32];

	if (n->depth != 1)
		return 0;
	if (s->arr) {
		cli_json_push(s->arr, json_pack("{s:s,s:s,s:s,s:I,s:I,s:I}", "code", n->code,
							"name", n->name, "kind",
							org_kind_name(n->kind), "members",
							(json_int_t)n->members, "official",
							(json_int_t)n->official, "probationary",
							(json_int_t)n->probationary));
		return 0;
	}
	snprintf(cnt, sizeof cnt, "%ld", n->members);
	snprintf(prob, sizeof prob, "%ld", n->probationary);
	table_row(s->t, n->code, n->name, org_kind_name(n->kind), cnt, prob);
	return 0;
}

static int show_lineage(void *ctx, const struct org *o)
{
	json_t *arr = ctx;

	cli_json_push(arr, json_string(o->code));
	return 0;
}

static void print_codes(const char *label, json_t *arr)
{
	size_t i;
	json_t *v;

	if (!json_array_size(arr))
		return;
	printf("%-18s", label);
	json_array_foreach(arr, i, v) printf("%s%s", i ? ", " : "", json_string_value(v));
	printf("\n");
}

int cmd_org_show(struct cli *c, int npos, char **pos)
{
	struct org o;
	long counts[MS__COUNT], hosted = 0;
	struct org_advice adv;
	date_t as_of = DATE_NONE;
	json_t *children, *pred, *succ;
	struct table t;
	struct show_ctx sc;
	char d[DATE_STR];

	(void)npos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of) ||
	    app_org_get(&c->app, &c->actor, pos[0], &o, &c->e))
		return cli_fail(c);
	children = json_array();
	pred = json_array();
	succ = json_array();
	table_init(&t, 5);
	table_row(&t, "CODE", "NAME", "KIND", "MEMBERS", "PROBATIONARY");
	sc.arr = c->json ? children : NULL;
	sc.t = &t;
	memset(counts, 0, sizeof counts);
	if (o.dissolved == DATE_NONE && as_of == DATE_NONE &&
	    app_org_counts(&c->app, &c->actor, o.code, counts, &hosted, &c->e))
		goto fail;
	if (app_org_tree(&c->app, &c->actor, o.code, 1, as_of, show_child, &sc, &c->e) &&
	    c->e.code != ERR_RULE)
		goto fail;
	err_clear(&c->e);
	if (app_org_lineage(&c->app, &c->actor, o.code, -1, show_lineage, pred, &c->e) ||
	    app_org_lineage(&c->app, &c->actor, o.code, 1, show_lineage, succ, &c->e))
		goto fail;
	memset(&adv, 0, sizeof adv);
	if (o.dissolved == DATE_NONE && app_org_advice(&c->app, &c->actor, o.code, &adv, &c->e))
		goto fail;
	if (c->json) {
		json_t *j = json_org(&o);

		json_object_set_new(j, "members", json_pack("{s:I,s:I,s:I,s:I,s:I,s:I}",
			"official", (json_int_t)counts[MS_OFFICIAL], "probationary",
			(json_int_t)counts[MS_PROBATIONARY], "exempt", (json_int_t)counts[MS_EXEMPT],
			"suspended", (json_int_t)counts[MS_SUSPENDED], "hosted_temporary",
			(json_int_t)hosted, "total_on_roll",
			(json_int_t)(counts[MS_OFFICIAL] + counts[MS_PROBATIONARY] +
				     counts[MS_EXEMPT] + counts[MS_SUSPENDED])));
		json_object_set_new(j, "children", children);
		json_object_set_new(j, "predecessors", pred);
		json_object_set_new(j, "successors", succ);
		cli_json_out(j);
		table_cleanup(&t);
		return 0;
	}
	printf("%s  %s\n", o.code, o.name);
	printf("%-18s%s%s%s\n", "kind", org_kind_name(o.kind), o.grassroots_type[0] ? ", " : "",
	       o.grassroots_type);
	if (o.parent_code[0])
		printf("%-18s%s\n", "parent", o.parent_code);
	if (o.local_committee[0])
		printf("%-18s%s (dual leadership)\n", "local committee", o.local_committee);
	printf("%-18s%s\n", "established", date_format(o.established, d));
	if (o.dissolved != DATE_NONE)
		printf("%-18s%s\n", "dissolved", date_format(o.dissolved, d));
	if (o.kind == OK_CELL)
		printf("%-18s%s\n", "standing board", o.standing_board ? "yes" : "no");
	if (o.militia >= 0 || o.self_defence >= 0 || o.reserve >= 0)
		printf("%-18smilitia %ld, self-defence %ld, reserve %ld\n", "forces",
		       o.militia < 0 ? 0 : o.militia, o.self_defence < 0 ? 0 : o.self_defence,
		       o.reserve < 0 ? 0 : o.reserve);
	if (o.dissolved == DATE_NONE && as_of == DATE_NONE) {
		printf("%-18s%ld official, %ld probationary, %ld exempt, %ld suspended (whole "
		       "subtree)\n", "members", counts[MS_OFFICIAL], counts[MS_PROBATIONARY],
		       counts[MS_EXEMPT], counts[MS_SUSPENDED]);
		if (hosted)
			printf("%-18s%ld on temporary transfer here (not on the roll)\n", "hosted",
			       hosted);
		if (adv.min_official)
			printf("%-18sfewer than %ld official members [%s]\n", "note",
			       adv.min_official, R_ORG_MIN_OFFICIAL);
		if (adv.board_min)
			printf("%-18s%ld official members: a cell committee should be elected "
			       "[%s]\n", "note", adv.official, R_CELL_STANDING_BOARD_MIN);
	}
	print_codes("predecessors", pred);
	print_codes("successors", succ);
	if (t.nrows > 1) {
		printf("\n");
		table_print(&t, stdout);
	}
	table_cleanup(&t);
	json_decref(children);
	json_decref(pred);
	json_decref(succ);
	return 0;
fail:
	table_cleanup(&t);
	json_decref(children);
	json_decref(pred);
	json_decref(succ);
	return cli_fail(c);
}

struct tree_out {
	json_t *arr;
	int as_json;
};

static int tree_print(void *ctx, const struct tree_node *n)
{
	struct tree_out *t = ctx;
	int i;

	if (t->as_json) {
		cli_json_push(t->arr, json_pack(
			"{s:s,s:s,s:s,s:i,s:I,s:I,s:I,s:I,s:I}", "code", n->code, "name", n->name,
			"kind", org_kind_name(n->kind), "depth", n->depth, "members",
			(json_int_t)n->members, "official", (json_int_t)n->official, "probationary",
			(json_int_t)n->probationary, "hosted", (json_int_t)n->hosted,
			"organisations", (json_int_t)n->orgs));
		return 0;
	}
	for (i = 0; i < n->depth; i++)
		fputs("  ", stdout);
	printf("%s  %s  [%ld member%s", n->code, n->name, n->members, n->members == 1 ? "" : "s");
	if (n->probationary)
		printf(", %ld probationary", n->probationary);
	if (n->orgs > 1)
		printf(", %ld organisations", n->orgs);
	printf("]\n");
	return 0;
}

int cmd_org_tree(struct cli *c, int npos, char **pos)
{
	struct tree_out t = {NULL, c->json};
	long depth = -1;
	date_t as_of = DATE_NONE;

	if (cli_count(c, "depth", OPT(c, "depth"), &depth) ||
	    cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	if (c->json)
		t.arr = json_array();
	if (app_org_tree(&c->app, &c->actor, npos ? pos[0] : "", (int)depth, as_of, tree_print, &t,
			 &c->e)) {
		json_decref(t.arr);
		return cli_fail(c);
	}
	if (c->json)
		cli_json_out(t.arr);
	return 0;
}

static int done_msg(struct cli *c, const char *what, const char *code)
{
	if (c->json)
		cli_json_out(json_pack("{s:s,s:s}", "done", what, "code", code));
	else
		printf("%s: %s\n", what, code);
	return 0;
}

int cmd_org_rename(struct cli *c, int npos, char **pos)
{
	date_t d;

	(void)npos;
	if (cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_org_rename(&c->app, &c->actor, pos[0], pos[1], d, &c->e))
		return cli_fail(c);
	return done_msg(c, "renamed", pos[0]);
}

int cmd_org_move(struct cli *c, int npos, char **pos)
{
	date_t d;

	(void)npos;
	if (!OPT(c, "to")) {
		err_add(&c->e, ERR_USAGE, 0, "to", NULL, NULL, "--to PARENT is required");
		return cli_fail(c);
	}
	if (cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_org_move(&c->app, &c->actor, pos[0], OPT(c, "to"), d, &c->e))
		return cli_fail(c);
	return done_msg(c, "moved", pos[0]);
}

int cmd_org_merge(struct cli *c, int npos, char **pos)
{
	date_t d;

	if (!OPT(c, "into")) {
		err_add(&c->e, ERR_USAGE, 0, "into", NULL, NULL, "--into CODE is required");
		return cli_fail(c);
	}
	if (cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_org_merge(&c->app, &c->actor, (const char *const *)pos, (size_t)npos,
			  OPT(c, "into"), d, &c->e))
		return cli_fail(c);
	return done_msg(c, "merged into", OPT(c, "into"));
}

static long read_file(void *ctx, char *p, size_t n)
{
	FILE *f = ctx;
	size_t got = fread(p, 1, n, f);

	return got == 0 && ferror(f) ? -1 : (long)got;
}

int cmd_org_split(struct cli *c, int npos, char **pos)
{
	struct split_assign *as = NULL;
	size_t n = 0, cap = 0;
	struct csv_reader *rd;
	struct csv_record rec;
	struct csv_error ce;
	FILE *f;
	date_t d;
	int got, header = 0, rc;

	(void)npos;
	if (!OPT(c, "assign")) {
		err_add(&c->e, ERR_USAGE, 0, "assign", NULL, NULL,
			"--assign FILE is required: a CSV of member_id,org_code");
		return cli_fail(c);
	}
	if (cli_date(c, "date", OPT(c, "date"), &d))
		return cli_fail(c);
	f = strcmp(OPT(c, "assign"), "-") ? fopen(OPT(c, "assign"), "rb") : stdin;
	if (!f) {
		err_add(&c->e, ERR_INPUT, 0, "assign", OPT(c, "assign"), NULL, "cannot open: %s",
			strerror(errno));
		return cli_fail(c);
	}
	rd = csv_reader_new(read_file, f, 4096);
	while ((got = csv_next(rd, &rec, &ce)) != 0) {
		char *end;
		long long id;

		if (got < 0) {
			err_add(&c->e, ERR_INPUT, ce.line, NULL, NULL, NULL, "%s", ce.msg);
			if (got == -2)
				break;
			continue;
		}
		if (!header++) {
			if (rec.nfields != 2 || strcmp(rec.field[0], "member_id") ||
			    strcmp(rec.field[1], "org_code")) {
				err_add(&c->e, ERR_INPUT, rec.line, NULL, NULL, NULL,
					"the header must be exactly member_id,org_code");
				break;
			}
			continue;
		}
		if (rec.nfields != 2) {
			err_add(&c->e, ERR_INPUT, rec.line, NULL, NULL, NULL,
				"a row has two fields: member_id,org_code");
			continue;
		}
		errno = 0;
		id = strtoll(rec.field[0], &end, 10);
		if (errno || *end || id <= 0 || strlen(rec.field[1]) > ORG_CODE_MAX) {
			err_add(&c->e, ERR_INPUT, rec.line, "member_id", rec.field[0], NULL,
				"member_id must be a member id and org_code an organisation code");
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			as = xrealloc(as, cap * sizeof *as);
		}
		as[n].member_id = id;
		snprintf(as[n].org_code, sizeof as[n].org_code, "%s", rec.field[1]);
		as[n].line = rec.line;
		n++;
	}
	csv_reader_free(rd);
	if (f != stdin)
		fclose(f);
	if (c->e.code || app_org_split(&c->app, &c->actor, pos[0], as, n,
				       OPT_SET(c, "keep-source"), d, &c->e)) {
		free(as);
		return cli_fail(c);
	}
	free(as);
	rc = done_msg(c, "split", pos[0]);
	return rc;
}

int cmd_org_dissolve(struct cli *c, int npos, char **pos)
{
	date_t d;

	(void)npos;
	if (cli_date(c, "date", OPT(c, "date"), &d) ||
	    app_org_dissolve(&c->app, &c->actor, pos[0], OPT(c, "members-to"), d, &c->e))
		return cli_fail(c);
	return done_msg(c, "dissolved", pos[0]);
}

struct hist_ctx {
	json_t *arr;
	struct table *t;
};

static int hist_row(void *ctx, const struct org_event *ev)
{
	struct hist_ctx *h = ctx;
	char d[DATE_STR];

	if (h->arr) {
		json_t *detail = json_loads(ev->detail, 0, NULL);

		cli_json_push(h->arr, json_pack("{s:s,s:s,s:s,s:s,s:o,s:s,s:s}", "date",
			date_format(ev->date, d), "kind", ev->kind, "org", ev->org_code, "other",
			ev->other_code, "detail", detail ? detail : json_null(), "actor", ev->actor,
			"recorded_at", ev->recorded_at));
		return 0;
	}
	table_row(h->t, date_format(ev->date, d), ev->kind, ev->org_code, ev->other_code,
		  ev->detail);
	return 0;
}

int cmd_org_history(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct hist_ctx h = {NULL, &t};

	(void)npos;
	table_init(&t, 5);
	table_row(&t, "DATE", "EVENT", "ORG", "OTHER", "DETAIL");
	if (c->json)
		h.arr = json_array();
	return cli_list_end(c, &t, h.arr,
			    app_org_history(&c->app, &c->actor, pos[0], hist_row, &h, &c->e), NULL);
}
