/* forms.c - the routing table of the pages that change records (forms). Every POST carries
 * the session's CSRF token (ROUTE_FORM: the server checks it before the handler runs). */
#include "page_form.h"

#define FORM (ROUTE_PAGE | ROUTE_FORM)

const struct route web_form_routes[] = {
	{"GET", "/orgs/{code}/members/new", web_member_new_get, ROUTE_PAGE,
	 "the form adding a member to the roll of an organisation"},
	{"POST", "/orgs/{code}/members/new", web_member_new_post, FORM, "add a member"},
	{"GET", "/members/{id}/edit", web_member_edit_get, ROUTE_PAGE,
	 "the form editing a member's record"},
	{"POST", "/members/{id}/edit", web_member_edit_post, FORM, "edit a member's record"},
	{"GET", "/members/{id}/status", web_member_status_get, ROUTE_PAGE,
	 "the form changing a member's status"},
	{"POST", "/members/{id}/status", web_member_status_post, FORM, "change a member's status"},
	{"GET", "/members/{id}/transfer", web_transfer_send_get, ROUTE_PAGE,
	 "the form sending a member to another organisation"},
	{"POST", "/members/{id}/transfer", web_transfer_send_post, FORM, "send a transfer"},
	{"POST", "/transfers/{id}/receive", web_transfer_receive, FORM,
	 "record a transferred member's arrival"},
	{"POST", "/transfers/{id}/return", web_transfer_return, FORM,
	 "end a temporary transfer"},
	{"GET", "/import", web_import_get, ROUTE_PAGE, "the import form"},
	{"POST", "/import", web_import_post, FORM, "import organisations or members from CSV"},
	{"GET", "/orgs/{code}/review", web_review_get, ROUTE_PAGE,
	 "the form grading a cell's whole roll for a year, with the quota of excellent members"},
	{"POST", "/orgs/{code}/review", web_review_post, FORM,
	 "record the grades (or proposals) of a cell's members, all or nothing"},
	{"GET", "/orgs/{code}/review-org", web_review_org_get, ROUTE_PAGE,
	 "an organisation's own review: its history and the form deciding its grade"},
	{"POST", "/orgs/{code}/review-org", web_review_org_post, FORM,
	 "decide an organisation's grade (the committee above)"},
	{"POST", "/discipline", web_discipline_post, FORM, "record a discipline decision"},
	{"POST", "/rules", web_rules_post, FORM, "add a newer version of a rule (system administrators)"},
	{"POST", "/emulation", web_emulation_post, FORM,
	 "add a version of an emulation model (system administrators)"},
	{"GET", "/orgs/{code}/emulation", web_org_emulation_get, ROUTE_PAGE,
	 "a cell's emulation ratings and the form rating it for a year"},
	{"POST", "/orgs/{code}/emulation", web_org_emulation_post, FORM,
	 "rate a cell against an emulation model for a year"},
	{NULL, NULL, NULL, 0, NULL},
};
