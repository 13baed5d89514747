/* api.c - the routing table of the JSON API. */
#include "api.h"

const struct route api_routes[] = {
	{"GET", "/api/v1/orgs/{code}", api_org_get, ROUTE_API, "an organisation with its counts"},
	{"GET", "/api/v1/members/{id}", api_member_get, ROUTE_API,
	 "a member's whole record and history (written to the audit log)"},
	{NULL, NULL, NULL, 0, NULL},
};
