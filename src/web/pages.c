/* pages.c - the routing table of the web pages (one file per page, as in cgit). */
#include "pages.h"

const struct route web_routes[] = {
	{"GET", "/", web_home, 0, "the start page: the user's organisation"},
	{"GET", "/login", web_login_get, ROUTE_PUBLIC | ROUTE_PAGE, "the sign-in form"},
	{"POST", "/login", web_login_post, ROUTE_PUBLIC | ROUTE_PAGE | ROUTE_FORM, "sign in"},
	{"POST", "/logout", web_logout, ROUTE_PAGE | ROUTE_FORM, "sign out"},
	{"POST", "/lang", web_lang, ROUTE_PUBLIC | ROUTE_PAGE | ROUTE_FORM, "switch language"},
	{"GET", "/static/cadre.css", web_static_css, ROUTE_PUBLIC, "the stylesheet"},
	{NULL, NULL, NULL, 0, NULL},
};
