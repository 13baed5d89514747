/* app_json.c - the JSON shape of records (see app_json.h). */
#include <stdint.h>
#include <string.h>

#include "app_json.h"
#include "app_report.h"

json_t *json_date(date_t d)
{
	char buf[DATE_STR];

	return d == DATE_NONE ? json_null() : json_string(date_format(d, buf));
}

json_t *json_member(const struct member *m)
{
	json_t *j = json_object();
	int i;

	json_object_set_new(j, "id", json_integer(m->id));
	json_object_set_new(j, "full_name", json_string(m->full_name));
	json_object_set_new(j, "family_name", json_string(m->family));
	json_object_set_new(j, "middle_name", json_string(m->middle));
	json_object_set_new(j, "given_name", json_string(m->given));
	json_object_set_new(j, "org_code", json_string(m->org_code));
	json_object_set_new(j, "status", json_string(member_status_name(m->status)));
	json_object_set_new(j, "status_since", json_date(m->status_since));
	json_object_set_new(j, "birth_date", json_date(m->birth_date));
	for (i = 0; member_text_fields[i]; i++) {
		size_t cap;
		const char *v = member_text_field((struct member *)(uintptr_t)m,
						  member_text_fields[i], &cap);

		json_object_set_new(j, member_text_fields[i], json_string(v));
	}
	json_object_set_new(j, "admission_decision_date", json_date(m->admission_decision_date));
	json_object_set_new(j, "admission_ceremony_date", json_date(m->admission_ceremony_date));
	json_object_set_new(j, "official_date", json_date(m->official_date));
	json_object_set_new(j, "on_roll_since", json_date(m->org_since));
	if (m->temp_org_id) {
		json_object_set_new(j, "temporary_host", json_string(m->temp_org_code));
		json_object_set_new(j, "temporary_until", json_date(m->temp_until));
	}
	return j;
}

json_t *json_org(const struct org *o)
{
	json_t *j = json_object();

	json_object_set_new(j, "code", json_string(o->code));
	json_object_set_new(j, "name", json_string(o->name));
	json_object_set_new(j, "kind", json_string(org_kind_name(o->kind)));
	json_object_set_new(j, "parent_code", o->parent_code[0] ? json_string(o->parent_code)
							       : json_null());
	json_object_set_new(j, "grassroots_type", o->grassroots_type[0] ?
				json_string(o->grassroots_type) : json_null());
	json_object_set_new(j, "standing_board", json_boolean(o->standing_board));
	json_object_set_new(j, "local_committee", o->local_committee[0] ?
				json_string(o->local_committee) : json_null());
	json_object_set_new(j, "militia", o->militia >= 0 ? json_integer(o->militia) : json_null());
	json_object_set_new(j, "self_defence", o->self_defence >= 0 ?
				json_integer(o->self_defence) : json_null());
	json_object_set_new(j, "reserve", o->reserve >= 0 ? json_integer(o->reserve) : json_null());
	json_object_set_new(j, "established", json_date(o->established));
	json_object_set_new(j, "dissolved", json_date(o->dissolved));
	return j;
}

json_t *json_transfer(const struct transfer *t)
{
	static const char *const states[] = {"sent", "received", "ended"};

	json_t *j = json_pack("{s:I,s:I,s:s,s:s,s:s,s:o,s:o,s:o,s:s,s:s,s:o,s:b}", "id",
			      (json_int_t)t->id, "member_id", (json_int_t)t->member_id, "kind",
			      t->temporary ? "temporary" : "official", "from", t->from_code, "to",
			      t->to_code, "sent", json_date(t->sent_date), "received",
			      json_date(t->received_date), "until", json_date(t->until_date),
			      "state", t->cancelled ? "cancelled" : states[t->state], "reason",
			      t->reason, "due", json_date(t->due_date), "overdue", t->overdue);

	if (j && t->cancelled) {
		json_object_set_new(j, "cancelled", json_date(t->ended_date));
		json_object_set_new(j, "cancel_reason", json_string(t->cancel_reason));
		json_object_set_new(j, "cancelled_by", json_string(t->cancelled_by));
	}
	return j;
}

json_t *json_tree_node(const struct tree_node *n)
{
	return json_pack("{s:s,s:s,s:s,s:i,s:I,s:I,s:I,s:I,s:I}", "code", n->code, "name", n->name,
			 "kind", org_kind_name(n->kind), "depth", n->depth, "members",
			 (json_int_t)n->members, "official", (json_int_t)n->official, "probationary",
			 (json_int_t)n->probationary, "hosted", (json_int_t)n->hosted, "orgs",
			 (json_int_t)n->orgs);
}

void json_history_add(json_t *j, const struct member_history *h)
{
	json_t *p = json_array(), *s = json_array(), *ev = json_array(), *tr = json_array();
	size_t i;

	for (i = 0; i < h->nperiods; i++)
		json_array_append_new(p, json_pack("{s:s,s:o,s:o,s:b}", "org_code",
			h->periods[i].org_code, "from", json_date(h->periods[i].from), "to",
			json_date(h->periods[i].to), "temporary", h->periods[i].temporary));
	for (i = 0; i < h->nstatuses; i++)
		json_array_append_new(s, json_pack("{s:s,s:o,s:o}", "status",
			member_status_name(h->statuses[i].status), "from",
			json_date(h->statuses[i].from), "to", json_date(h->statuses[i].to)));
	for (i = 0; i < h->nevents; i++) {
		json_t *detail = json_loads(h->events[i].detail, 0, NULL);

		json_array_append_new(ev, json_pack("{s:o,s:s,s:o,s:s,s:s}", "date",
			json_date(h->events[i].date), "kind", h->events[i].kind, "detail",
			detail ? detail : json_null(), "actor", h->events[i].actor,
			"recorded_at", h->events[i].recorded_at));
	}
	for (i = 0; i < h->ntransfers; i++) {
		const struct transfer *t = &h->transfers[i];
		static const char *const states[] = {"sent", "received", "ended"};

		json_t *x = json_pack("{s:I,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:s}",
			"id", (json_int_t)t->id, "kind", t->temporary ? "temporary" : "official",
			"from", t->from_code, "to", t->to_code, "sent", json_date(t->sent_date),
			"received", json_date(t->received_date), "until",
			json_date(t->until_date), "ended", json_date(t->ended_date),
			"state", t->cancelled ? "cancelled" : states[t->state]);

		if (x && t->cancelled) {
			json_object_set_new(x, "cancel_reason", json_string(t->cancel_reason));
			json_object_set_new(x, "cancelled_by", json_string(t->cancelled_by));
		}
		json_array_append_new(tr, x);
	}
	json_object_set_new(j, "rolls", p);
	json_object_set_new(j, "statuses", s);
	json_object_set_new(j, "events", ev);
	json_object_set_new(j, "transfers", tr);
}

json_t *json_err_items(const struct err *e)
{
	return json_err_items_max(e, e->n);
}

json_t *json_err_items_max(const struct err *e, size_t max)
{
	json_t *arr = json_array();
	size_t i;

	for (i = 0; i < e->n && i < max; i++) {
		const struct err_item *it = &e->items[i];
		json_t *o = json_object();

		if (it->line)
			json_object_set_new(o, "line", json_integer(it->line));
		if (it->field[0])
			json_object_set_new(o, "field", json_string(it->field));
		if (it->value[0])
			json_object_set_new(o, "value", json_string(it->value));
		if (it->rule[0])
			json_object_set_new(o, "rule", json_string(it->rule));
		json_object_set_new(o, "detail", json_string(it->msg));
		json_array_append_new(arr, o);
	}
	return arr;
}

/* ---- emulation models and ratings ------------------------------------------------------ */

json_t *json_emulation_version(const struct emulation_model_rec *m)
{
	json_t *crit = json_array();
	size_t i;

	for (i = 0; i < m->ncriteria; i++)
		json_array_append_new(crit, json_string(m->criteria[i]));
	return json_pack("{s:s,s:i,s:s,s:o,s:i,s:o,s:s,s:s,s:s,s:b}", "code", m->code, "version",
			 m->version, "name", m->name, "criteria", crit, "required", m->required,
			 "effective_from", json_date(m->effective_from), "source", m->source,
			 "added_by", m->added_by, "added_at", m->added_at, "in_force", m->in_force);
}

void json_emulation_models_add(json_t *arr, const struct emulation_model_rec *m)
{
	size_t n = json_array_size(arr);
	json_t *last = n ? json_array_get(arr, n - 1) : NULL;

	if (!last || strcmp(json_string_value(json_object_get(last, "code")), m->code)) {
		last = json_pack("{s:s,s:s,s:n,s:[]}", "code", m->code, "name", m->name,
				 "in_force_version", "versions");
		json_array_append_new(arr, last);
	}
	if (m->in_force || json_is_null(json_object_get(last, "in_force_version")))
		json_object_set_new(last, "name", json_string(m->name));
	if (m->in_force)
		json_object_set_new(last, "in_force_version", json_integer(m->version));
	json_array_append_new(json_object_get(last, "versions"), json_emulation_version(m));
}

json_t *json_emulation_rating(const struct emulation_rating_rec *r)
{
	json_t *crit = json_array();
	size_t i;

	for (i = 0; i < r->model.ncriteria; i++)
		json_array_append_new(crit, json_pack("{s:s,s:b}", "text", r->model.criteria[i],
						      "met", r->met[i]));
	return json_pack("{s:I,s:s,s:s,s:i,s:s,s:i,s:s,s:o,s:I,s:i,s:b,s:b,s:s,s:s}", "id",
			 (json_int_t)r->id, "org_code", r->org_code, "org_name", r->org_name,
			 "year", r->year, "model", r->model.code, "version", r->model.version,
			 "model_name", r->model.name, "criteria", crit, "criteria_met",
			 (json_int_t)r->nmet, "required", r->model.required, "earned", r->earned,
			 "current", r->current, "by", r->by, "at", r->at);
}
