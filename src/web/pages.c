/* pages.c - the routing table of the web pages (one file per page, as in cgit). */
#include "pages.h"

const struct route web_routes[] = {
	{"GET", "/", web_home, 0, "the start page: the user's organisation"},
	{"GET", "/login", web_login_get, ROUTE_PUBLIC | ROUTE_PAGE, "the sign-in form"},
	{"POST", "/login", web_login_post, ROUTE_PUBLIC | ROUTE_PAGE | ROUTE_FORM, "sign in"},
	{"POST", "/logout", web_logout, ROUTE_PAGE | ROUTE_FORM, "sign out"},
	{"POST", "/lang", web_lang, ROUTE_PUBLIC | ROUTE_PAGE | ROUTE_FORM, "switch language"},
	{"GET", "/static/cadre.css", web_static_css, ROUTE_PUBLIC, "the stylesheet"},
	{"GET", "/tree", web_tree, ROUTE_PAGE, "the organisation tree with member counts"},
	{"GET", "/orgs/{code}", web_org, ROUTE_PAGE | ROUTE_TOKEN_OK,
	 "an organisation: facts, figures, sub-organisations, members, history"},
	{"GET", "/members/{id}", web_member, ROUTE_PAGE | ROUTE_TOKEN_OK,
	 "a member's whole record and timeline (opening it is audited)"},
	{"GET", "/search", web_search, ROUTE_PAGE, "accent-free search of members"},
	{"GET", "/transfers", web_transfers, ROUTE_PAGE, "open transfers, with receive forms"},
	{"GET", "/audit", web_audit, ROUTE_PAGE, "the audit log of the user's subtree"},
	{NULL, NULL, NULL, 0, NULL},
};
