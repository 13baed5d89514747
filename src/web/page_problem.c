/* page_problem.c - GET /api/v1/problems[/NAME]: what each problem type of the API's
 * problem+json answers means and what to do about it, in Vietnamese or English (the page's
 * language; ?lang=en or ?lang=vi chooses). The "type" of every problem names one of these. */
#include <string.h>

#include "pages.h"

static const struct {
	const char *name;
	int status;
	const char *title, *means, *todo;
} problems[] = {
	{"bad-request", 400, N_("The request is malformed"),
	 N_("A query parameter, a field of the body or the command is not in the form the API "
	    "takes: a number that is not a number, a date not written YYYY-MM-DD, a field this "
	    "request does not have."),
	 N_("Read detail and errors[].field, correct the request as docs/web.md describes it, and "
	    "send it again.")},
	{"unauthenticated", 401, N_("Sign-in required"),
	 N_("The request carries no credentials, or its API token is unknown or revoked."),
	 N_("Send the header 'Authorization: Bearer TOKEN' with a token an administrator issued; "
	    "ask for a new one when it was revoked.")},
	{"denied", 403, N_("Your role does not allow this"),
	 N_("The record is within your scope, but your role (viewer, clerk, organisation "
	    "administrator) may not make this change."),
	 N_("Ask an account with a role that may do it, or an administrator to change your role.")},
	{"forbidden", 403, N_("Forbidden"),
	 N_("A form or a script in the page sent a state-changing request without the session's "
	    "CSRF token, or with a wrong one."),
	 N_("Reload the page and send the form again; scripts send the token in X-CSRF-Token or "
	    "use an API token.")},
	{"not-found", 404, N_("Not found"),
	 N_("The record does not exist, or it lies outside your scope (above your organisation "
	    "nothing is visible), or the address is not one of the API's."),
	 N_("Check the id or the code; the organisation tree and the search list what you may "
	    "see.")},
	{"method-not-allowed", 405, N_("Method not allowed"),
	 N_("The address exists but does not take this HTTP method."),
	 N_("Use the method docs/web.md and the OpenAPI description give for this address.")},
	{"rule", 409, N_("A party rule forbids this change"),
	 N_("The input is well formed, but a rule of the Party's statutes or instructions forbids "
	    "the change (errors[].rule names it, such as R-REVIEW-QUOTA); nothing was changed."),
	 N_("Read the rule on the Rules page; change the input so that it keeps the rule.")},
	{"too-large", 413, N_("Too large"),
	 N_("The body is larger than allowed: 64 KiB before signing in, 4 MiB for a form or a "
	    "JSON body, 64 MiB for an import; or a form has too many fields."),
	 N_("Split the file into parts, or send less at once.")},
	{"unsupported-media-type", 415, N_("Unsupported media type"),
	 N_("The body came with a Content-Type this address does not take: JSON bodies must be "
	    "application/json, imports text/csv."),
	 N_("Send the body again with the Content-Type the address takes.")},
	{"invalid-input", 422, N_("The input is not valid"),
	 N_("One or more fields are invalid; errors[] lists every problem with its field, value, "
	    "line (for a file) and message; nothing was changed."),
	 N_("Correct every field listed and send the whole request again.")},
	{"too-many-attempts", 429, N_("Too many attempts"),
	 N_("Too many failed sign-ins came for this account or from this address."),
	 N_("Wait the minutes the rule R-LOGIN-LOCK-MINUTES sets, then try again.")},
	{"internal", 500, N_("Internal error"),
	 N_("A fault of cadre itself: a state that must not happen."),
	 N_("Report it to the administrators with the time and the address; nothing is to be "
	    "fixed on your side.")},
	{"storage", 503, N_("The database is unavailable"),
	 N_("The database is busy with another writer (an import) or failed; nothing was "
	    "changed."),
	 N_("Send the request again after the seconds given in Retry-After.")},
	{"unavailable", 503, N_("Unavailable"),
	 N_("The server has too much work under way (uploads, searches) or is stopping."),
	 N_("Send the request again after the seconds given in Retry-After.")},
};

#define NPROBLEMS (sizeof problems / sizeof problems[0])

static void problem_section(struct req *r, size_t i, int linked)
{
	H(r, "<section class=\"problem\" id=\"");
	A(r, problems[i].name);
	H(r, "\"><h2>");
	if (linked) {
		H(r, "<a href=\"/api/v1/problems/");
		U(r, problems[i].name);
		H(r, "\">");
	}
	N(r, problems[i].status);
	H(r, " · ");
	T(r, web_tr(r, problems[i].title));
	if (linked)
		H(r, "</a>");
	H(r, "</h2><p><code>/api/v1/problems/");
	T(r, problems[i].name);
	H(r, "</code></p><p class=\"means\">");
	T(r, web_tr(r, problems[i].means));
	H(r, "</p><p class=\"todo\"><b>");
	TR(r, "What to do:");
	H(r, "</b> ");
	T(r, web_tr(r, problems[i].todo));
	H(r, "</p></section>\n");
}

void web_problem(struct req *r)
{
	const char *lang = req_query(r, "lang");
	const char *name = r->pathv[0];
	size_t i;

	if (lang && (!strcmp(lang, "en") || !strcmp(lang, "vi"))) {
		snprintf(r->lang, sizeof r->lang, "%s", lang);
		err_lang_set(r->lang);
	}
	if (name) {
		for (i = 0; i < NPROBLEMS; i++)
			if (!strcmp(problems[i].name, name))
				break;
		if (i == NPROBLEMS) {
			r->status = 404;
			web_error_page(r);
			return;
		}
		page_begin(r, web_tr(r, problems[i].title));
		problem_section(r, i, 0);
		H(r, "<p><a href=\"/api/v1/problems\">");
		TR(r, "Every problem type of the API");
		H(r, "</a></p>\n");
		page_end(r);
		return;
	}
	page_begin(r, _(r, "Every problem type of the API"));
	H(r, "<p>");
	TR(r, "The API answers an error as application/problem+json (RFC 9457): its type is one "
	      "of the addresses below, title says the kind of problem, detail and errors[] what "
	      "was wrong, in the language of Accept-Language.");
	H(r, "</p>\n");
	for (i = 0; i < NPROBLEMS; i++)
		problem_section(r, i, 1);
	page_end(r);
}
