/* app_json.h - the JSON shape of records, shared by the command line (--json) and the API,
 * so a member carries the same fields everywhere. Every function returns a new reference. */
#ifndef CADRE_APP_JSON_H
#define CADRE_APP_JSON_H

#include <jansson.h>

#include "app.h"

/* "YYYY-MM-DD", or null for DATE_NONE. */
json_t *json_date(date_t d);
json_t *json_member(const struct member *m);
json_t *json_org(const struct org *o);
json_t *json_transfer(const struct transfer *t);
/* A tree node with its counts. */
json_t *json_tree_node(const struct tree_node *n);
/* Add the history of a member to its object j: "rolls", "statuses", "events", "transfers". */
void json_history_add(json_t *j, const struct member_history *h);
/* Emulation models and ratings (app_report.h). A model version: {code, version, name,
 * criteria: [text...], required, effective_from, source, added_by, added_at, in_force}. */
struct emulation_model_rec;
struct emulation_rating_rec;
json_t *json_emulation_version(const struct emulation_model_rec *m);
/* Add version m to the list of models arr, [{code, name, in_force_version, versions: [...]}]
 * (name: of the version in force today, else of the latest; in_force_version null when none
 * is in force yet). The versions of a model come in a row, as app_emulation_models gives
 * them. */
void json_emulation_models_add(json_t *arr, const struct emulation_model_rec *m);
/* A rating: {id, org_code, org_name, year, model, version, model_name, criteria: [{text,
 * met}], criteria_met, required, earned, current, by, at}. */
json_t *json_emulation_rating(const struct emulation_rating_rec *r);
/* The problems of e as an array of {line, field, value, rule, detail}, empty members left out. */
json_t *json_err_items(const struct err *e);
/* The first max problems of e, the same way (an answer carries a bounded number of them). */
json_t *json_err_items_max(const struct err *e, size_t max);

#endif
