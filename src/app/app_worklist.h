/* app_worklist.h - the home page's worklist: what waits for the signed-in account in its
 * subtree (transfers to receive, overdue ones, reviews of the year not yet decided, records
 * with problems), each a count scoped to the actor and a link to the list of those records.
 * Built from a table of providers (app_worklist.c): a later capability adds its item by
 * adding a provider, and the page and GET /api/v1/worklist show it without a change. */
#ifndef CADRE_APP_WORKLIST_H
#define CADRE_APP_WORKLIST_H

#include "app.h"

#define WORKLIST_MAX 20
#define WORKLIST_LINK 256

/* One item: id is stable (the API's key, the page's element id), title the English message
 * id (the page and the API translate it), link the page that lists the records counted
 * (path and query, already escaped for a URL). */
struct worklist_item {
	const char *id;
	const char *title;
	long count;
	char link[WORKLIST_LINK];
};

/* The worklist of an actor: year is the review year counted, top the code of the subtree's
 * top organisation (the actor's scope, or the root of the tree). */
struct worklist {
	int year;
	char top[ORG_CODE_MAX + 1];
	char top_name[ORG_NAME_MAX * 2 + 1];
	struct worklist_item items[WORKLIST_MAX];
	size_t n;
};

/* Fill w for the actor's whole scope and review year (0: the year of today). Every count
 * reads counters or indexes that hold only what is counted (open transfers, the figures'
 * counters, the members whose numbers clash), never the roll: cheap for the whole country. */
enum err_code app_worklist(struct app *a, const struct actor *ac, int year, struct worklist *w,
			   struct err *e);

/* The worklist of org_code's subtree (NULL or "": the actor's whole scope), as app_worklist:
 * org_code must be an organisation the actor sees, not dissolved (ERR_NOTFOUND otherwise,
 * as for one that does not exist). */
enum err_code app_worklist_of(struct app *a, const struct actor *ac, const char *org_code,
			      int year, struct worklist *w, struct err *e);

/* The members of the actor's scope whose numbers clash with another member's
 * (R-MEMBER-UNIQUE-NUMBERS: shared before the rule came, kept on both), by id, a page at a
 * time (limit + 1 are read: *more says whether another page exists); one audit entry
 * "members.number_clash" for the page. */
enum err_code app_worklist_clashes(struct app *a, const struct actor *ac, long offset,
				   long limit, store_member_cb cb, void *ctx, int *more,
				   struct err *e);

#endif
