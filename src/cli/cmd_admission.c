/* cmd_admission.c - cadre admission add|show|step|list|due (docs/admissions.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../app/app_admission.h"
#include "cli.h"

/* Options naming a person's fields, and the record fields they set. */
static const struct {
	const char *opt, *field;
} person_opts[] = {
	{"name", "full_name"}, {"sex", "sex"}, {"birth-date", "birth_date"},
	{"ethnicity", "ethnicity"}, {"religion", "religion"}, {"hometown", "hometown"},
	{"citizen-id", "citizen_id"}, {"education", "education"},
	{"theory-level", "theory_level"}, {"rank", "rank"}, {"category", "category"},
	{"post", "post"}, {"phone", "phone"},
	{NULL, NULL},
};

static void print_due(const struct admission *c, date_t today, char *out, size_t n)
{
	char d[DATE_STR];

	if (c->due_kind == DK_NONE) {
		snprintf(out, n, "-");
		return;
	}
	snprintf(out, n, err_tr("%s by %s%s"), adm_due_name(c->due_kind), date_format(c->due_on, d),
		 adm_overdue(c, today) ? err_tr(" (overdue)") : "");
}

int cmd_adm_add(struct cli *c, int npos, char **pos)
{
	struct admission a;
	const char *v;
	size_t i;
	int src;

	(void)npos;
	(void)pos;
	memset(&a, 0, sizeof a);
	a.p.birth_date = a.p.admission_decision_date = a.p.admission_ceremony_date = DATE_NONE;
	a.p.official_date = a.p.org_since = a.p.status_since = a.p.temp_until = DATE_NONE;
	if (!OPT(c, "org"))
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org CODE is required");
	if (!OPT(c, "name"))
		err_add(&c->e, ERR_USAGE, 0, "name", NULL, NULL, "--name is required");
	if (!OPT(c, "source"))
		err_add(&c->e, ERR_USAGE, 0, "source", NULL, NULL,
			"--source is required: soldier, squad_leader, youth_union or other");
	if (c->e.code)
		return cli_fail(c);
	snprintf(a.p.org_code, sizeof a.p.org_code, "%s", OPT(c, "org"));
	src = adm_source_parse(OPT(c, "source"));
	if (src < 0)
		err_add(&c->e, ERR_INPUT, 0, "source", OPT(c, "source"), NULL,
			"the source is soldier, squad_leader, youth_union or other");
	a.source = src < 0 ? ASRC_OTHER : (enum adm_source)src;
	for (i = 0; person_opts[i].opt; i++)
		if ((v = OPT(c, person_opts[i].opt)))
			member_set_field(&a.p, person_opts[i].field, v, &c->e, 0);
	if (cli_date(c, "listed-on", OPT(c, "listed-on"), &a.listed_on) || c->e.code)
		return cli_fail(c);
	if (app_adm_add(&c->app, &c->actor, &a, OPT_SET(c, "allow-duplicate"), &c->e))
		return cli_fail(c);
	if (c->json) {
		cli_json_out(app_adm_json(&a, c->app.today));
	} else {
		printf(err_tr("listed candidate %lld: %s, kept by %s\n"), (long long)a.id,
		       a.p.full_name, a.p.org_code);
		if (a.former_member_id)
			printf(err_tr("a re-admission of former member %lld\n"),
			       (long long)a.former_member_id);
	}
	return 0;
}

static int step_out(void *ctx, const struct adm_step *s)
{
	json_t *arr = ctx;
	char d[DATE_STR], votes[96] = "";
	int i;

	if (arr) {
		cli_json_push(arr, app_adm_step_json(s));
		return 0;
	}
	if (s->votes_for >= 0)
		snprintf(votes, sizeof votes, "  %ld/%ld present, %ld for, %ld against",
			 s->present, s->eligible, s->votes_for, s->votes_against);
	printf("  %s  %-17s %-10s %s%s%s%s\n", date_format(s->on, d), adm_step_name(s->kind),
	       s->org_code, s->passed < 0 ? "" : s->passed ? err_tr("passed") : err_tr("not passed"),
	       votes, s->number[0] ? "  no. " : "", s->number);
	for (i = 0; i < s->n_intro; i++)
		if (s->intro[i].member_id)
			printf(err_tr("      introducer: member %lld %s, working with the applicant "
				      "since %s\n"), (long long)s->intro[i].member_id,
			       s->intro[i].name, date_format(s->intro[i].worked_since, d));
		else
			printf(err_tr("      introducer: the Youth Union committee, resolution %s\n"),
			       s->intro[i].resolution);
	if (strcmp(s->detail, "{}") != 0 && s->detail[0])
		printf("      %s\n", s->detail);
	return 0;
}

int cmd_adm_show(struct cli *c, int npos, char **pos)
{
	struct admission a;
	int64_t id;
	char d1[DATE_STR], d2[DATE_STR], due[96];

	(void)npos;
	if (cli_id(c, "id", pos[0], &id) || app_adm_get(&c->app, &c->actor, id, &a, &c->e))
		return cli_fail(c);
	if (c->json) {
		json_t *j = app_adm_json(&a, c->app.today), *steps = json_array();

		if (app_adm_steps(&c->app, &c->actor, id, step_out, steps, &c->e)) {
			json_decref(j);
			json_decref(steps);
			return cli_fail(c);
		}
		json_object_set_new(j, "steps", steps);
		cli_json_out(j);
		return 0;
	}
	printf("%lld  %s\n", (long long)a.id, a.p.full_name);
	printf("%-20s%s, %s %s\n", err_tr("sex, birth"), a.p.sex, err_tr("born"),
	       date_format(a.p.birth_date, d1));
	printf("%-20s%s\n", err_tr("cell"), a.p.org_code);
	printf("%-20s%s, %s %s\n", err_tr("source"), adm_source_name(a.source), err_tr("listed"),
	       date_format(a.listed_on, d1));
	printf("%-20s%s %s %s\n", err_tr("stage"), adm_stage_name(a.stage), err_tr("since"),
	       date_format(a.stage_since, d2));
	if (a.member_id)
		printf("%-20s%lld\n", err_tr("member"), (long long)a.member_id);
	if (a.mentor_id)
		printf("%-20s%lld\n", err_tr("mentor"), (long long)a.mentor_id);
	if (a.former_member_id)
		printf("%-20s%lld\n", err_tr("former member"), (long long)a.former_member_id);
	if (a.failed_votes)
		printf("%-20s%d\n", err_tr("failed votes"), a.failed_votes);
	print_due(&a, c->app.today, due, sizeof due);
	printf("%-20s%s\n", err_tr("next"), due);
	printf("%s\n", err_tr("steps:"));
	if (app_adm_steps(&c->app, &c->actor, id, step_out, NULL, &c->e))
		return cli_fail(c);
	return 0;
}

/* --introducer MEMBER_ID:SINCE into in. */
static int parse_introducer(struct cli *c, const char *v, struct adm_introducer *in)
{
	const char *colon = strchr(v, ':');
	char idtext[24];
	size_t len = colon ? (size_t)(colon - v) : strlen(v);
	int64_t id;

	memset(in, 0, sizeof *in);
	in->worked_since = DATE_NONE;
	if (!colon || len == 0 || len >= sizeof idtext) {
		err_add(&c->e, ERR_USAGE, 0, "introducer", v, NULL,
			"an introducer is MEMBER_ID:YYYY-MM-DD (the date they began working with "
			"the applicant)");
		return -1;
	}
	memcpy(idtext, v, len);
	idtext[len] = 0;
	if (cli_id(c, "introducer", idtext, &id) ||
	    cli_date(c, "introducer", colon + 1, &in->worked_since))
		return -1;
	if (in->worked_since == DATE_NONE) {
		err_add(&c->e, ERR_USAGE, 0, "introducer", v, NULL,
			"give the date the introducer began working with the applicant");
		return -1;
	}
	in->member_id = id;
	return 0;
}

int cmd_adm_step(struct cli *c, int npos, char **pos)
{
	static const char *const detail_opts[] = {"course", "certificate", "verifier",
						  "conclusion", "reason", NULL};
	struct adm_step s;
	struct admission a;
	const char *vals[CLI_REPEAT_MAX], *v;
	json_t *detail;
	char *dj;
	size_t n, i;
	int64_t id = 0, mid = 0, mentor = 0;
	int kind;

	(void)npos;
	memset(&s, 0, sizeof s);
	s.passed = -1;
	if (pos[0][0] == 'm') {
		/* mMEMBER_ID: the case of a probationary member (opened with the step when the
		 * member was added without one), as the due list names them. */
		if (cli_id(c, "id", pos[0] + 1, &mid))
			return cli_fail(c);
	} else if (cli_id(c, "id", pos[0], &id)) {
		return cli_fail(c);
	}
	kind = adm_step_parse(pos[1]);
	if (kind < 0 || kind == ASK_LISTED) {
		err_add(&c->e, ERR_USAGE, 0, "step", pos[1], NULL,
			"the step is class, application, verification, cell_vote, committee_vote, "
			"decision, ceremony, recognition_vote, upper_ruling, withdrawal or transfer");
		return cli_fail(c);
	}
	s.kind = (enum adm_step_kind)kind;
	if (cli_date(c, "date", OPT(c, "date"), &s.on) ||
	    cli_count(c, "present", OPT(c, "present"), &s.present) ||
	    cli_count(c, "for", OPT(c, "for"), &s.votes_for) ||
	    cli_count(c, "against", OPT(c, "against"), &s.votes_against) ||
	    cli_count(c, "members", OPT(c, "members"), &s.eligible))
		return cli_fail(c);
	if ((v = OPT(c, "mentor")) && cli_id(c, "mentor", v, &mentor))
		return cli_fail(c);
	s.mentor_id = mentor;
	if ((v = OPT(c, "result"))) {
		if (!strcmp(v, "passed"))
			s.passed = 1;
		else if (!strcmp(v, "failed"))
			s.passed = 0;
		else {
			err_add(&c->e, ERR_USAGE, 0, "result", v, NULL,
				"the result is passed or failed");
			return cli_fail(c);
		}
	}
	v = OPT(c, "number");
	if (!v && s.kind == ASK_CLASS)
		v = OPT(c, "certificate");
	if (v && strlen(v) >= sizeof s.number) {
		err_add(&c->e, ERR_INPUT, 0, "number", v, NULL, "the number is too long");
		return cli_fail(c);
	}
	snprintf(s.number, sizeof s.number, "%s", v ? v : "");
	snprintf(s.org_code, sizeof s.org_code, "%s", OPT(c, "body") ? OPT(c, "body") : "");
	n = cli_opt_all(c, "introducer", vals, CLI_REPEAT_MAX);
	for (i = 0; i < n; i++) {
		if (s.n_intro >= ADM_INTRODUCERS_MAX) {
			err_add(&c->e, ERR_USAGE, 0, "introducer", vals[i], NULL,
				"an application has at most two introducers");
			return cli_fail(c);
		}
		if (parse_introducer(c, vals[i], &s.intro[s.n_intro++]))
			return cli_fail(c);
	}
	if ((v = OPT(c, "resolution"))) {
		if (s.n_intro >= ADM_INTRODUCERS_MAX) {
			err_add(&c->e, ERR_USAGE, 0, "resolution", v, NULL,
				"an application has at most two introducers");
			return cli_fail(c);
		}
		memset(&s.intro[s.n_intro], 0, sizeof s.intro[0]);
		s.intro[s.n_intro].worked_since = DATE_NONE;
		snprintf(s.intro[s.n_intro].resolution, sizeof s.intro[0].resolution, "%s", v);
		s.n_intro++;
	}
	detail = json_object();
	for (i = 0; detail_opts[i]; i++)
		if ((v = OPT(c, detail_opts[i])))
			json_object_set_new(detail, detail_opts[i], json_string(v));
	dj = json_dumps(detail, JSON_COMPACT);
	json_decref(detail);
	if (!dj || strlen(dj) >= sizeof s.detail) {
		free(dj);
		err_add(&c->e, ERR_INPUT, 0, "detail", NULL, NULL,
			"the texts given are too long or not UTF-8");
		return cli_fail(c);
	}
	snprintf(s.detail, sizeof s.detail, "%s", dj);
	free(dj);
	if (mid ? app_adm_step_member(&c->app, &c->actor, mid, &s, &a, &c->e)
		: app_adm_step(&c->app, &c->actor, id, &s, &a, &c->e))
		return cli_fail(c);
	id = a.id;
	if (c->json) {
		json_t *j = app_adm_json(&a, c->app.today);

		json_object_set_new(j, "step", app_adm_step_json(&s));
		cli_json_out(j);
	} else {
		char due[96];

		print_due(&a, c->app.today, due, sizeof due);
		printf(err_tr("case %lld: %s recorded%s; stage %s; next: %s\n"), (long long)id,
		       adm_step_name(s.kind),
		       s.passed < 0 ? "" : s.passed ? err_tr(" (passed)") : err_tr(" (not passed)"),
		       adm_stage_name(a.stage), due);
		if (a.member_id && s.kind == ASK_CEREMONY)
			printf(err_tr("member %lld is a probationary member of %s\n"),
			       (long long)a.member_id, a.p.org_code);
	}
	return 0;
}

struct adm_out {
	json_t *arr;
	struct table *t;
	date_t today;
};

static int adm_row(void *ctx, const struct admission *a)
{
	struct adm_out *o = ctx;
	char id[24], d[DATE_STR], due[96];

	if (o->arr) {
		cli_json_push(o->arr, app_adm_json(a, o->today));
		return 0;
	}
	if (a->id)
		snprintf(id, sizeof id, "%lld", (long long)a->id);
	else
		snprintf(id, sizeof id, "m%lld", (long long)a->member_id);
	print_due(a, o->today, due, sizeof due);
	table_row(o->t, id, a->p.full_name, date_format(a->p.birth_date, d), a->p.org_code,
		  adm_stage_name(a->stage), due);
	return 0;
}

int cmd_adm_list(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct adm_out o = {NULL, &t, c->app.today};
	const char *v = OPT(c, "stage");
	int stage = -1;
	date_t as_of;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	if (as_of != DATE_NONE)
		o.today = as_of;
	if (v && !strcmp(v, "all"))
		stage = AST__COUNT;
	else if (v && (stage = adm_stage_parse(v)) < 0) {
		err_add(&c->e, ERR_USAGE, 0, "stage", v, NULL,
			"the stage is one of candidate, class, applied, verified, cell_passed, "
			"committee_passed, decided, probation, referred, official, removed, "
			"withdrawn, refused, or all");
		return cli_fail(c);
	}
	table_init(&t, 6);
	table_row(&t, "ID", err_tr("NAME"), err_tr("BORN"), err_tr("CELL"), err_tr("STAGE"),
		  err_tr("NEXT"));
	if (c->json)
		o.arr = json_array();
	rc = app_adm_list_as_of(&c->app, &c->actor, OPT(c, "org"), stage, as_of, 0, 0, adm_row,
				&o, NULL, &c->e);
	return cli_list_end(c, &t, o.arr, rc, err_tr("no admission cases"));
}

int cmd_adm_due(struct cli *c, int npos, char **pos)
{
	struct table t;
	struct adm_out o = {NULL, &t, 0};
	date_t as_of;
	enum err_code rc;

	(void)npos;
	(void)pos;
	if (cli_date(c, "as-of", OPT(c, "as-of"), &as_of))
		return cli_fail(c);
	o.today = as_of == DATE_NONE ? c->app.today : as_of;
	table_init(&t, 6);
	table_row(&t, "ID", err_tr("NAME"), err_tr("BORN"), err_tr("CELL"), err_tr("STAGE"),
		  err_tr("DUE"));
	if (c->json)
		o.arr = json_array();
	rc = app_adm_due(&c->app, &c->actor, OPT(c, "org"), as_of, adm_row, &o, &c->e);
	return cli_list_end(c, &t, o.arr, rc, err_tr("nothing is due"));
}
