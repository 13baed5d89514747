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
/* The problems of e as an array of {line, field, value, rule, detail}, empty members left out. */
json_t *json_err_items(const struct err *e);

#endif
