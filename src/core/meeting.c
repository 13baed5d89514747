/* meeting.c - the rules of meetings (DOMAIN §7; docs/meetings.md): names of kinds, states and
 * attendance statuses, who is counted, the length and quorum rules read from their dated
 * rules. Pure C. */
#include "meeting.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"

static const char *const kind_names[MK__COUNT] = {"monthly", "thematic", "extraordinary", "study"};
static const char *const state_names[MST__COUNT] = {"planned", "held", "cancelled"};
static const char *const att_names[AT__COUNT] = {"present", "excused", "absent", "not_counted"};

static int name_index(const char *const *names, int n, const char *s)
{
	int i;

	if (!s)
		return -1;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

const char *meeting_kind_name(enum meeting_kind k)
{
	return (unsigned)k < MK__COUNT ? kind_names[k] : "";
}

int meeting_kind_parse(const char *s)
{
	return name_index(kind_names, MK__COUNT, s);
}

const char *meeting_state_name(enum meeting_state s)
{
	return (unsigned)s < MST__COUNT ? state_names[s] : "";
}

int meeting_state_parse(const char *s)
{
	return name_index(state_names, MST__COUNT, s);
}

const char *attend_status_name(enum attend_status s)
{
	return (unsigned)s < AT__COUNT ? att_names[s] : "";
}

int attend_status_parse(const char *s)
{
	return name_index(att_names, AT__COUNT, s);
}

enum attend_status meeting_effective_status(const struct meet_roll_entry *r,
					    enum attend_status given)
{
	if (r->temp_away || r->status == MS_SUSPENDED)
		return AT_NOT_COUNTED;
	if (r->status == MS_EXEMPT && given != AT_PRESENT)
		return AT_NOT_COUNTED;
	return given;
}

int meeting_expected(enum member_status st)
{
	return st == MS_PROBATIONARY || st == MS_OFFICIAL || st == MS_EXEMPT || st == MS_SUSPENDED;
}

long meeting_quorum_base(const enum attend_status *st, long n)
{
	long i, base = 0;

	for (i = 0; i < n; i++)
		if (st[i] == AT_PRESENT || st[i] == AT_ABSENT)
			base++;
	return base;
}

static int parse_fraction(const char *s, long *num, long *den)
{
	char *end;

	errno = 0;
	*num = strtol(s, &end, 10);
	if (errno || end == s || *end != '/' || *num < 0)
		return 0;
	s = end + 1;
	*den = strtol(s, &end, 10);
	if (errno || end == s || *end || *den <= 0)
		return 0;
	return 1;
}

int meeting_passes(const struct ruleset *rs, date_t on, long base, long votes_for)
{
	const struct rule_version *v = ruleset_find(rs, R_MEETING_QUORUM, on);
	long num, den;

	if (!v || !parse_fraction(v->value, &num, &den))
		return -1;
	if (base <= 0 || votes_for <= 0)
		return 0;
	/* for / base > num / den, in integers: exactly half does not pass. */
	return (long long)den * votes_for > (long long)num * base;
}

enum err_code meeting_check_votes(long present, long votes_for, long against, long abstain,
				  struct err *e)
{
	size_t before = e->n + e->dropped;

	if (votes_for < 0)
		err_add(e, ERR_INPUT, 0, "for", NULL, NULL, "give the votes for (0 or more)");
	if (against < 0)
		err_add(e, ERR_INPUT, 0, "against", NULL, NULL, "give the votes against (0 or more)");
	if (abstain < 0)
		err_add(e, ERR_INPUT, 0, "abstain", NULL, NULL, "give the abstentions (0 or more)");
	if (e->n + e->dropped > before)
		return e->code;
	if (votes_for + against + abstain > present)
		return err_add(e, ERR_INPUT, 0, "for", NULL, R_MEETING_QUORUM,
			       "%ld votes (for, against, abstaining) is more than the %ld members "
			       "present",
			       votes_for + against + abstain, present);
	return ERR_OK;
}

enum err_code meeting_check_minutes(const struct ruleset *rs, date_t on, enum meeting_kind k,
				    int starts_min, int ends_min, long line, struct err *e)
{
	long min;

	if (starts_min < 0 || starts_min > 1440)
		return err_add(e, ERR_INPUT, line, "starts", NULL, NULL,
			       "the start is not a time of day (HH:MM)");
	if (ends_min < 0 || ends_min > 1440)
		return err_add(e, ERR_INPUT, line, "ends", NULL, NULL,
			       "the end is not a time of day (HH:MM)");
	if (ends_min <= starts_min)
		return err_add(e, ERR_INPUT, line, "ends", NULL, NULL,
			       "the meeting must end after it starts");
	if (k != MK_MONTHLY && k != MK_THEMATIC)
		return ERR_OK;
	if (!ruleset_int(rs, R_MEETING_MINUTES, on, &min))
		return ERR_OK;
	if (ends_min - starts_min < min)
		return err_add(e, ERR_RULE, line, "ends", NULL, R_MEETING_MINUTES,
			       "the meeting lasted %d minutes; a regular or thematic meeting lasts "
			       "at least %ld minutes",
			       ends_min - starts_min, min);
	return ERR_OK;
}

int meeting_parse_time(const char *s, int *min)
{
	int h, m;

	if (!s || strlen(s) != 5 || s[2] != ':')
		return -1;
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' || s[3] < '0' || s[3] > '5' ||
	    s[4] < '0' || s[4] > '9')
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (h > 24 || (h == 24 && m))
		return -1;
	*min = h * 60 + m;
	return 0;
}

char *meeting_format_time(int min, char out[6])
{
	if (min < 0 || min > 1440)
		min = 0;
	snprintf(out, 6, "%02d:%02d", min / 60, min % 60);
	return out;
}

void meeting_init(struct meeting *m)
{
	memset(m, 0, sizeof *m);
	m->on = DATE_NONE;
	m->state = MST_HELD;
	m->quorum_base = -1;
}

void meeting_cleanup(struct meeting *m)
{
	free(m->att);
	free(m->res);
	m->att = NULL;
	m->res = NULL;
	m->n_att = m->cap_att = m->n_res = m->cap_res = 0;
}

struct meet_attendance *meeting_att_push(struct meeting *m, const struct meet_attendance *r)
{
	if (m->n_att == m->cap_att) {
		m->cap_att = m->cap_att ? m->cap_att * 2 : 32;
		m->att = xrealloc(m->att, m->cap_att * sizeof *m->att);
	}
	m->att[m->n_att] = *r;
	return &m->att[m->n_att++];
}

struct meet_resolution *meeting_res_push(struct meeting *m, const struct meet_resolution *r)
{
	if (m->n_res == m->cap_res) {
		m->cap_res = m->cap_res ? m->cap_res * 2 : 4;
		m->res = xrealloc(m->res, m->cap_res * sizeof *m->res);
	}
	m->res[m->n_res] = *r;
	return &m->res[m->n_res++];
}
