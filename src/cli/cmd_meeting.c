/* cmd_meeting.c - cadre meeting add|show|list|attend|resolution|cancel|minutes
 * (docs/meetings.md). */
#include <stdlib.h>
#include <string.h>

#include "../app/app_meeting.h"
#include "../lib/mem.h"
#include "cli.h"

#define ATT_OPTS                                                                              \
	{"all-present", 0, N_("every member on the roll that day present, but those named by "  \
			      "--excused or --absent"), NULL, 0},                               \
	{"present", 2, N_("ids of members present, separated by commas (repeatable)"), NULL, 0},  \
	{"absent", 2, N_("ids of members absent without reason, separated by commas "           \
			 "(repeatable)"), NULL, 0},                                             \
	{"excused", 2, N_("a member absent with a reason: ID=REASON (repeatable)"), NULL, 0}

struct opt meeting_add_opts[] = {
	{"org", 1, N_("code of the organisation holding the meeting"), NULL, 0},
	{"date", 1, N_("the meeting's date, YYYY-MM-DD"), NULL, 0},
	{"kind", 1, N_("monthly, thematic, extraordinary or study"), NULL, 0},
	{"starts", 1, N_("the time it started, HH:MM"), NULL, 0},
	{"ends", 1, N_("the time it ended, HH:MM (R-MEETING-MINUTES)"), NULL, 0},
	{"topic", 1, N_("the topic (a thematic meeting's theme)"), NULL, 0},
	{"agenda", 1, N_("the agenda"), NULL, 0},
	{"content", 1, N_("what was discussed"), NULL, 0},
	{"chair", 1, N_("id of the member who chaired (on the roll that day)"), NULL, 0},
	{"secretary", 1, N_("id of the member who kept the minutes (on the roll that day)"), NULL,
	 0},
	{"guests", 1, N_("guests, as one line"), NULL, 0},
	{"document", 1, N_("a study session: id of the document studied"), NULL, 0},
	{"makeup-of", 1, N_("a make-up session: id of the session it makes up"), NULL, 0},
	{"planned", 0, N_("announce a meeting not yet held (attendance later)"), NULL, 0},
	ATT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt meeting_attend_opts[] = {
	ATT_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
struct opt meeting_list_opts[] = {
	{"org", 1, N_("only this organisation (and its subtree unless --only)"), NULL, 0},
	{"only", 0, N_("the organisation alone, not its subtree"), NULL, 0},
	{"from", 1, N_("meetings on or after this date, YYYY-MM-DD"), NULL, 0},
	{"to", 1, N_("meetings on or before this date, YYYY-MM-DD"), NULL, 0},
	{"kind", 1, N_("only this kind: monthly, thematic, extraordinary or study"), NULL, 0},
	{"state", 1, N_("only this state: planned, held or cancelled"), NULL, 0},
	{"document", 1, N_("only the study sessions of this document (its id)"), NULL, 0},
	{"offset", 1, N_("skip this many meetings (default 0)"), NULL, 0},
	{"limit", 1, N_("list at most this many (default: all)"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-': standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt meeting_resolution_opts[] = {
	{"text", 1, N_("the resolution's text"), NULL, 0},
	{"for", 1, N_("votes for"), NULL, 0},
	{"against", 1, N_("votes against"), NULL, 0},
	{"abstain", 1, N_("members present who did not vote (default 0)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
struct opt meeting_cancel_opts[] = {
	{"reason", 1, N_("why the meeting is cancelled"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

/* The ids of a comma-separated list into m with status st; problems into c->e. */
static void take_ids(struct cli *c, const char *opt, const char *list, enum attend_status st,
		     struct meeting *m)
{
	const char *p = list;

	while (*p) {
		size_t len = strcspn(p, ",");
		char one[32];
		int64_t id;

		if (len && len < sizeof one) {
			struct meet_attendance a;

			memcpy(one, p, len);
			one[len] = 0;
			if (!cli_id(c, opt, one, &id)) {
				memset(&a, 0, sizeof a);
				a.member_id = id;
				a.status = st;
				meeting_att_push(m, &a);
			}
		} else if (len) {
			err_add(&c->e, ERR_USAGE, 0, opt, NULL, NULL, "not a member id");
		}
		p += len;
		if (*p == ',')
			p++;
	}
}

static int att_named(const struct meeting *m, int64_t id)
{
	size_t i;

	for (i = 0; i < m->n_att; i++)
		if (m->att[i].member_id == id)
			return 1;
	return 0;
}

/* The attendance options into m->att. With --all-present, meeting id's roll (or, for a new
 * meeting, roll given) adds everyone not named as present. */
static void take_attendance(struct cli *c, struct meeting *m)
{
	const char *v[CLI_REPEAT_MAX];
	size_t n, i;

	n = cli_opt_all(c, "present", v, CLI_REPEAT_MAX);
	for (i = 0; i < n; i++)
		take_ids(c, "present", v[i], AT_PRESENT, m);
	n = cli_opt_all(c, "absent", v, CLI_REPEAT_MAX);
	for (i = 0; i < n; i++)
		take_ids(c, "absent", v[i], AT_ABSENT, m);
	n = cli_opt_all(c, "excused", v, CLI_REPEAT_MAX);
	for (i = 0; i < n; i++) {
		const char *eq = strchr(v[i], '=');
		char one[32];
		int64_t id;
		struct meet_attendance a;

		if (!eq || (size_t)(eq - v[i]) >= sizeof one) {
			err_add(&c->e, ERR_USAGE, 0, "excused", v[i], NULL,
				"give --excused ID=REASON");
			continue;
		}
		memcpy(one, v[i], (size_t)(eq - v[i]));
		one[eq - v[i]] = 0;
		if (cli_id(c, "excused", one, &id))
			continue;
		memset(&a, 0, sizeof a);
		a.member_id = id;
		a.status = AT_EXCUSED;
		snprintf(a.reason, sizeof a.reason, "%s", eq + 1);
		meeting_att_push(m, &a);
	}
}

/* --all-present: everyone on roll (the meeting's roll of the day) not named is present. */
static void fill_present(struct meeting *m, const struct meeting *roll)
{
	size_t i;

	for (i = 0; i < roll->n_att; i++)
		if (!att_named(m, roll->att[i].member_id)) {
			struct meet_attendance a;

			memset(&a, 0, sizeof a);
			a.member_id = roll->att[i].member_id;
			a.status = AT_PRESENT;
			meeting_att_push(m, &a);
		}
}

static int any_attendance(struct cli *c)
{
	return OPT_SET(c, "all-present") || OPT(c, "present") || OPT(c, "absent") ||
	       OPT(c, "excused");
}

static int opt_time(struct cli *c, const char *name, int *out)
{
	const char *v = OPT(c, name);

	if (!v) {
		err_add(&c->e, ERR_USAGE, 0, name, NULL, NULL, "--%s HH:MM is required", name);
		return -1;
	}
	if (meeting_parse_time(v, out)) {
		err_add(&c->e, ERR_INPUT, 0, name, v, NULL, "%s is not a time: give it as HH:MM", v);
		return -1;
	}
	return 0;
}

static void print_meeting(const struct meeting *m)
{
	char d[DATE_STR], t1[6], t2[6];
	size_t i;

	printf(err_tr("meeting %lld: %s, %s %s %s-%s (%d min), %s\n"), (long long)m->id,
	       m->org_code, meeting_kind_name(m->kind), date_format(m->on, d),
	       meeting_format_time(m->starts_min, t1), meeting_format_time(m->ends_min, t2),
	       m->ends_min - m->starts_min, meeting_state_name(m->state));
	if (m->topic[0])
		printf(err_tr("topic: %s\n"), m->topic);
	if (m->chair_id)
		printf(err_tr("chair: %s (member %lld)\n"), m->chair_name, (long long)m->chair_id);
	if (m->secretary_id)
		printf(err_tr("secretary: %s (member %lld)\n"), m->secretary_name,
		       (long long)m->secretary_id);
	if (m->document_id)
		printf(err_tr("document: %lld\n"), (long long)m->document_id);
	if (m->makeup_of)
		printf(err_tr("makes up meeting %lld\n"), (long long)m->makeup_of);
	if (m->state == MST_CANCELLED)
		printf(err_tr("cancelled: %s\n"), m->cancel_reason);
	if (m->quorum_base >= 0)
		printf(err_tr("attendance: %ld present, %ld excused, %ld absent, %ld not counted; "
			      "quorum base %ld (R-MEETING-QUORUM)\n"),
		       m->n_present, m->n_excused, m->n_absent, m->n_not_counted, m->quorum_base);
	for (i = 0; i < m->n_att; i++)
		printf("  %8lld  %-30s %-11s %s\n", (long long)m->att[i].member_id, m->att[i].name,
		       attend_status_name(m->att[i].status), m->att[i].reason);
	for (i = 0; i < m->n_res; i++)
		printf(err_tr("resolution %d: %s\n  for %ld, against %ld, abstain %ld of %ld counted: "
			      "%s\n"),
		       m->res[i].seq, m->res[i].text, m->res[i].votes_for, m->res[i].against,
		       m->res[i].abstain, m->res[i].base,
		       m->res[i].passed ? err_tr("passed") : err_tr("not passed"));
}

static int show(struct cli *c, int64_t id, struct meeting *m)
{
	if (app_meeting_get(&c->app, &c->actor, id, m, &c->e))
		return cli_fail(c);
	if (c->json)
		cli_json_out(app_meeting_json(m, 1));
	else
		print_meeting(m);
	return 0;
}

int cmd_meeting_add(struct cli *c, int npos, char **pos)
{
	struct meeting *m = xmalloc(sizeof *m);
	const char *v;
	int k, rc = 0;

	(void)npos;
	(void)pos;
	meeting_init(m);
	if (!OPT(c, "org"))
		err_add(&c->e, ERR_USAGE, 0, "org", NULL, NULL, "--org CODE is required");
	else
		snprintf(m->org_code, sizeof m->org_code, "%s", OPT(c, "org"));
	if (!OPT(c, "date"))
		err_add(&c->e, ERR_USAGE, 0, "date", NULL, NULL, "--date YYYY-MM-DD is required");
	else
		cli_date(c, "date", OPT(c, "date"), &m->on);
	v = OPT(c, "kind");
	if (!v)
		err_add(&c->e, ERR_USAGE, 0, "kind", NULL, NULL,
			"--kind is required: monthly, thematic, extraordinary or study");
	else if ((k = meeting_kind_parse(v)) < 0)
		err_add(&c->e, ERR_INPUT, 0, "kind", v, NULL,
			"the kind is monthly, thematic, extraordinary or study");
	else
		m->kind = (enum meeting_kind)k;
	opt_time(c, "starts", &m->starts_min);
	opt_time(c, "ends", &m->ends_min);
	if ((v = OPT(c, "topic")))
		snprintf(m->topic, sizeof m->topic, "%s", v);
	if ((v = OPT(c, "agenda")))
		snprintf(m->agenda, sizeof m->agenda, "%s", v);
	if ((v = OPT(c, "content")))
		snprintf(m->content, sizeof m->content, "%s", v);
	if ((v = OPT(c, "guests")))
		snprintf(m->guests, sizeof m->guests, "%s", v);
	if ((v = OPT(c, "chair")))
		cli_id(c, "chair", v, &m->chair_id);
	if ((v = OPT(c, "secretary")))
		cli_id(c, "secretary", v, &m->secretary_id);
	if ((v = OPT(c, "document")))
		cli_id(c, "document", v, &m->document_id);
	if ((v = OPT(c, "makeup-of")))
		cli_id(c, "makeup-of", v, &m->makeup_of);
	if (OPT_SET(c, "planned"))
		m->state = MST_PLANNED;
	take_attendance(c, m);
	if (c->e.code) {
		rc = cli_fail(c);
		goto out;
	}
	if (OPT_SET(c, "all-present")) {
		/* The meeting, the roll of its day and its attendance in one transaction. */
		if (app_meeting_add_present(&c->app, &c->actor, m, &c->e)) {
			rc = cli_fail(c);
			goto out;
		}
	} else if (app_meeting_add(&c->app, &c->actor, m, &c->e)) {
		rc = cli_fail(c);
		goto out;
	}
	if (c->json) {
		rc = show(c, m->id, m);
	} else {
		printf(err_tr("recorded meeting %lld of %s\n"), (long long)m->id, m->org_code);
	}
out:
	meeting_cleanup(m);
	free(m);
	return rc;
}

int cmd_meeting_show(struct cli *c, int npos, char **pos)
{
	struct meeting m;
	int64_t id;
	int rc;

	(void)npos;
	meeting_init(&m);
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	rc = show(c, id, &m);
	meeting_cleanup(&m);
	return rc;
}

struct list_out {
	json_t *arr;
	struct table *t;
};

static int list_row(void *ctx, const struct meeting *m)
{
	struct list_out *o = ctx;
	char id[24], d[DATE_STR], t1[6], t2[6], times[16], att[64];

	if (o->arr) {
		cli_json_push(o->arr, app_meeting_json(m, 0));
		return 0;
	}
	snprintf(id, sizeof id, "%lld", (long long)m->id);
	snprintf(times, sizeof times, "%s-%s", meeting_format_time(m->starts_min, t1),
		 meeting_format_time(m->ends_min, t2));
	if (m->quorum_base >= 0)
		snprintf(att, sizeof att, "%ld/%ld/%ld/%ld", m->n_present, m->n_excused, m->n_absent,
			 m->n_not_counted);
	else
		snprintf(att, sizeof att, "-");
	table_row(o->t, id, m->org_code, date_format(m->on, d), times, meeting_kind_name(m->kind),
		  meeting_state_name(m->state), att, m->topic);
	return 0;
}

int cmd_meeting_list(struct cli *c, int npos, char **pos)
{
	struct meet_query q;
	struct table t;
	struct list_out o = {NULL, NULL};
	const char *v;
	long offset = 0, limit = 0;
	enum err_code rc;

	(void)npos;
	(void)pos;
	memset(&q, 0, sizeof q);
	q.org_code = OPT(c, "org");
	q.subtree = !OPT_SET(c, "only");
	q.kind = q.state = -1;
	cli_date(c, "from", OPT(c, "from"), &q.from);
	cli_date(c, "to", OPT(c, "to"), &q.to);
	if ((v = OPT(c, "kind")) && (q.kind = meeting_kind_parse(v)) < 0)
		err_add(&c->e, ERR_USAGE, 0, "kind", v, NULL,
			"the kind is monthly, thematic, extraordinary or study");
	if ((v = OPT(c, "state")) && (q.state = meeting_state_parse(v)) < 0)
		err_add(&c->e, ERR_USAGE, 0, "state", v, NULL, "the state is planned, held or cancelled");
	if ((v = OPT(c, "document")))
		cli_id(c, "document", v, &q.document_id);
	if ((v = OPT(c, "offset")))
		cli_count(c, "offset", v, &offset);
	if ((v = OPT(c, "limit")))
		cli_count(c, "limit", v, &limit);
	if (c->e.code)
		return cli_fail(c);
	if (OPT(c, "csv") || OPT(c, "xlsx")) {
		int x = OPT(c, "xlsx") != NULL;

		if (app_meeting_export_file(&c->app, &c->actor, &q, x ? TABLE_XLSX : TABLE_CSV,
					    x ? OPT(c, "xlsx") : OPT(c, "csv"), &c->e))
			return cli_fail(c);
		return 0;
	}
	table_init(&t, 8);
	table_row(&t, err_tr("ID"), err_tr("ORG"), err_tr("DATE"), err_tr("TIME"), err_tr("KIND"),
		  err_tr("STATE"), err_tr("P/E/A/N"), err_tr("TOPIC"));
	if (c->json)
		o.arr = json_array();
	else
		o.t = &t;
	rc = app_meeting_list(&c->app, &c->actor, &q, offset, limit, list_row, &o, NULL, &c->e);
	return cli_list_end(c, &t, o.arr, rc, err_tr("no meetings\n"));
}

int cmd_meeting_attend(struct cli *c, int npos, char **pos)
{
	struct meeting *m = xmalloc(sizeof *m), *roll = xmalloc(sizeof *roll);
	int64_t id;
	int rc = 0;

	(void)npos;
	meeting_init(m);
	meeting_init(roll);
	if (cli_id(c, "id", pos[0], &id)) {
		rc = cli_fail(c);
		goto out;
	}
	if (!any_attendance(c))
		err_add(&c->e, ERR_USAGE, 0, "present", NULL, NULL,
			"give the attendance: --all-present, --present, --absent, --excused");
	take_attendance(c, m);
	if (c->e.code) {
		rc = cli_fail(c);
		goto out;
	}
	if (OPT_SET(c, "all-present")) {
		if (app_meeting_roll(&c->app, &c->actor, id, roll, &c->e)) {
			rc = cli_fail(c);
			goto out;
		}
		fill_present(m, roll);
	}
	if (app_meeting_attend(&c->app, &c->actor, id, m->att, m->n_att, &c->e)) {
		rc = cli_fail(c);
		goto out;
	}
	if (c->json) {
		rc = show(c, id, roll);
	} else {
		if (app_meeting_get(&c->app, &c->actor, id, roll, &c->e)) {
			rc = cli_fail(c);
			goto out;
		}
		printf(err_tr("attendance of meeting %lld: %ld present, %ld excused, %ld absent, %ld "
			      "not counted; quorum base %ld\n"),
		       (long long)id, roll->n_present, roll->n_excused, roll->n_absent,
		       roll->n_not_counted, roll->quorum_base);
	}
out:
	meeting_cleanup(m);
	meeting_cleanup(roll);
	free(m);
	free(roll);
	return rc;
}

int cmd_meeting_resolution(struct cli *c, int npos, char **pos)
{
	struct meet_resolution *r = xcalloc(1, sizeof *r);
	int64_t id = 0;
	int rc = 0;

	(void)npos;
	cli_id(c, "id", pos[0], &id);
	if (!OPT(c, "text"))
		err_add(&c->e, ERR_USAGE, 0, "text", NULL, NULL, "--text is required");
	else
		snprintf(r->text, sizeof r->text, "%s", OPT(c, "text"));
	if (!OPT(c, "for") || !OPT(c, "against"))
		err_add(&c->e, ERR_USAGE, 0, "for", NULL, NULL, "--for N and --against N are required");
	else {
		cli_count(c, "for", OPT(c, "for"), &r->votes_for);
		cli_count(c, "against", OPT(c, "against"), &r->against);
	}
	if (OPT(c, "abstain"))
		cli_count(c, "abstain", OPT(c, "abstain"), &r->abstain);
	if (c->e.code || app_meeting_resolution_add(&c->app, &c->actor, id, r, &c->e)) {
		rc = cli_fail(c);
	} else if (c->json) {
		cli_json_out(json_pack("{s:I,s:i,s:i,s:i,s:i,s:i,s:b,s:s}", "meeting_id",
				       (json_int_t)id, "seq", r->seq, "for", (json_int_t)r->votes_for,
				       "against", (json_int_t)r->against, "abstain",
				       (json_int_t)r->abstain, "base", (json_int_t)r->base, "passed",
				       r->passed, "rule", R_MEETING_QUORUM));
	} else {
		printf(err_tr("resolution %d of meeting %lld: %ld for of %ld counted: %s "
			      "(R-MEETING-QUORUM)\n"),
		       r->seq, (long long)id, r->votes_for, r->base,
		       r->passed ? err_tr("passed") : err_tr("not passed"));
	}
	free(r);
	return rc;
}

int cmd_meeting_cancel(struct cli *c, int npos, char **pos)
{
	struct meeting m;
	int64_t id;
	int rc = 0;

	(void)npos;
	meeting_init(&m);
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	if (!OPT(c, "reason")) {
		err_add(&c->e, ERR_USAGE, 0, "reason", NULL, NULL, "--reason is required");
		return cli_fail(c);
	}
	if (app_meeting_cancel(&c->app, &c->actor, id, OPT(c, "reason"), &c->e))
		return cli_fail(c);
	if (c->json)
		rc = show(c, id, &m);
	else
		printf(err_tr("cancelled meeting %lld\n"), (long long)id);
	meeting_cleanup(&m);
	return rc;
}

int cmd_meeting_minutes(struct cli *c, int npos, char **pos)
{
	int64_t id;

	(void)npos;
	if (cli_id(c, "id", pos[0], &id))
		return cli_fail(c);
	if (c->json) {
		struct meeting m;
		int rc;

		meeting_init(&m);
		rc = show(c, id, &m);
		meeting_cleanup(&m);
		return rc;
	}
	if (app_meeting_minutes(&c->app, &c->actor, id, stdout, &c->e))
		return cli_fail(c);
	return 0;
}
