/* app_cadres.h - key cadres (issue 13; DOMAIN §4; docs/cadres.md): the catalogue of position
 * kinds, positions of organisations, the organisations' flags difficult and border, holdings
 * of positions with the events appoint, dismiss, transfer between posts and rotate, the
 * committees (cấp ủy) per term with their members, the rotations of a year and the vacancy
 * report.
 *
 * Scope: positions, holdings, flags and committees are read within the actor's subtree (an
 * organisation outside it does not exist: ERR_NOTFOUND); a holder may be any member of the
 * tree. Writes need an editing role (clerk and above) over the organisation whose position or
 * committee changes (both ends of a transfer). Every change is one transaction with its audit
 * entry (position.add, org.flag, cadre.appoint, cadre.dismiss, cadre.transfer, cadre.rotate,
 * committee.add, committee.seat, committee.leave).
 *
 * Holders leaving the rolls, organisations dissolved: a holding ends only by a decision
 * (dismiss, transfer, rotate). A holder whose status leaves the rolls (removed, expelled,
 * deceased, transferred out) keeps the open holding, flagged holder_left from that day, and
 * the position counts as vacant from that day in the vacancy report; a dissolved
 * organisation's positions and committees leave the report (its holdings stay open for the
 * decision that ends them, shown with the organisation dissolved).
 *
 * Hooks for later work: planning (quy hoạch) and the cadre's sheet read the holdings of a
 * member (app_member_holdings) and the vacancy rows (app_vacancies); the congress work fills a
 * committee from election results with app_committee_fill(..., "election", ...). */
#ifndef CADRE_APP_CADRES_H
#define CADRE_APP_CADRES_H

#include "../store/store_cadres.h"
#include "app.h"

/* The decision behind an event: its number as written, its date, the code of the deciding
 * body (an organisation: R-POS-DECIDER-LEVEL). */
struct cadre_decision {
	const char *number;
	date_t decided_on;
	const char *body_code;
};

enum err_code app_pkinds(struct app *a, store_pkind_cb cb, void *ctx, struct err *e);

/* A position of kind at org_code from on (DATE_NONE: today), seats (0: 1; more than 1 only
 * for a kind that allows several), key: -1 as the catalogue says, else 0/1. One open
 * position of a kind per organisation. p receives it. */
enum err_code app_position_add(struct app *a, const struct actor *ac, const char *org_code,
			       const char *kind, long seats, int key, date_t on,
			       struct position *p, struct err *e);
/* A position by reference: its id, or "ORG:KIND" (the one in force on on; DATE_NONE: today). */
enum err_code app_position_ref(struct app *a, const struct actor *ac, const char *ref, date_t on,
			       struct position *p, struct err *e);
/* The positions of org_code in force on as_of (DATE_NONE: today). */
enum err_code app_positions(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, store_position_cb cb, void *ctx, struct err *e);
/* The holdings of a position: as_of DATE_NONE every one (its history), else those of that day. */
enum err_code app_holdings(struct app *a, const struct actor *ac, int64_t position_id,
			   date_t as_of, store_holding_cb cb, void *ctx, struct err *e);
/* The holdings of a member (positions held, oldest first): the cadre's sheet's hook. */
enum err_code app_member_holdings(struct app *a, const struct actor *ac, int64_t member_id,
				  store_holding_cb cb, void *ctx, struct err *e);

/* Set (set 1) or clear (0) flag ("difficult", "border") of org_code from on, by decision
 * (may be ""). Setting a flag already set, or clearing one not set, is refused. */
enum err_code app_org_flag(struct app *a, const struct actor *ac, const char *org_code,
			   const char *flag, int set, date_t on, const char *decision,
			   struct err *e);
enum err_code app_org_flags(struct app *a, const struct actor *ac, const char *org_code,
			    store_flag_cb cb, void *ctx, struct err *e);

/* Appoint member_id to position_id from on (DATE_NONE: today) by decision d; acting: as an
 * acting holder (quyền). Refused: the member off the rolls on that day, the position not in
 * force, its seats all held (an acting holder takes a seat of its own), the member already
 * holding it, a body that may not decide it (R-POS-DECIDER-LEVEL). h receives the holding. */
enum err_code app_appoint(struct app *a, const struct actor *ac, int64_t member_id,
			  int64_t position_id, const struct cadre_decision *d, int acting,
			  date_t on, struct holding *h, struct err *e);
/* End member_id's holding of position_id on on (after it began) by decision d, for reason
 * (required). */
enum err_code app_dismiss(struct app *a, const struct actor *ac, int64_t member_id,
			  int64_t position_id, const struct cadre_decision *d, const char *reason,
			  date_t on, struct err *e);
/* Move member_id from position from_id to to_id on on by decision d: the holding of from_id
 * ends and one of to_id begins (acting or not), linked to it. rotate: a rotation (luân
 * chuyển), marked to a difficult or border area when the target organisation carries the
 * flag on that day. The body must be allowed to decide both positions. */
enum err_code app_post_transfer(struct app *a, const struct actor *ac, int64_t member_id,
				int64_t from_id, int64_t to_id, const struct cadre_decision *d,
				int rotate, int acting, date_t on, struct holding *h,
				struct err *e);

/* The rotations that began in year (1 January to 31 December) at positions of org_code's
 * subtree (NULL: the actor's scope), with how many went to a difficult or a border area
 * (either counted once in *flagged). */
enum err_code app_rotations(struct app *a, const struct actor *ac, const char *org_code,
			    int year, store_holding_cb cb, void *ctx, long *n, long *to_difficult,
			    long *to_border, long *flagged, struct err *e);

/* A committee of org_code for the term starting term_start (its end by
 * R-COMMITTEE-TERM-YEARS), with seats members and standing_seats of them on the standing
 * committee, as set by the upper committee d->body_code (an ancestor; may be NULL) by decision
 * d->number (may be NULL). Terms of one organisation do not overlap. c receives it. */
enum err_code app_committee_add(struct app *a, const struct actor *ac, const char *org_code,
				date_t term_start, long seats, long standing_seats,
				const struct cadre_decision *d, struct committee *c,
				struct err *e);
/* A seat: a member and the role (cadre_committee_roles). */
struct committee_seat {
	int64_t member_id;
	const char *role;
};
/* Seat n members on committee_id from on (DATE_NONE: the term's start), how "election" (the
 * congress's results) or "appointment" (named by the upper committee, decision required).
 * All or nothing: every member on the rolls of the organisation's subtree that day, not
 * seated already, at most one secretary, the seats and the standing seats not exceeded; every
 * problem is reported. */
enum err_code app_committee_fill(struct app *a, const struct actor *ac, int64_t committee_id,
				 const struct committee_seat *s, size_t n, date_t on,
				 const char *how, const char *decision, struct err *e);
/* member_id leaves committee_id on on, for reason (required). */
enum err_code app_committee_leave(struct app *a, const struct actor *ac, int64_t committee_id,
				  int64_t member_id, date_t on, const char *reason,
				  struct err *e);
enum err_code app_committee_get(struct app *a, const struct actor *ac, int64_t id,
				struct committee *c, struct err *e);
/* The committee of org_code whose term covers on (ERR_NOTFOUND when none). */
enum err_code app_committee_at(struct app *a, const struct actor *ac, const char *org_code,
			       date_t on, struct committee *c, struct err *e);
enum err_code app_committees(struct app *a, const struct actor *ac, const char *org_code,
			     store_committee_cb cb, void *ctx, struct err *e);
/* How many members sit on committee_id on on (DATE_NONE: today), and of them on the standing
 * committee. */
enum err_code app_committee_seated(struct app *a, const struct actor *ac, int64_t committee_id,
				   date_t on, long *members, long *standing, struct err *e);
/* The members of committee_id seated on on (DATE_NONE: every seat ever). */
enum err_code app_cmembers(struct app *a, const struct actor *ac, int64_t committee_id,
			   date_t on, store_cmember_cb cb, void *ctx, struct err *e);

/* The vacancy report of org_code's subtree (NULL: the actor's scope) on as_of (DATE_NONE:
 * today): key positions vacant or held by an acting holder, committees of a term under way
 * below their seats; in priority order (border or difficult areas first, then combat-ready
 * units, then the rest), the longest vacant first within a priority. *out (caller frees)
 * holds *n rows. Their planning columns (successors, ready) are -1: the caller fills them
 * with app_plan_vacancy_fill for the rows it shows (a page of the list, or every row for a
 * whole export), since each judges the planned successors against their records (about
 * 13 us a successor at national scale) while the list itself is read from kept state. */
enum err_code app_vacancies(struct app *a, const struct actor *ac, const char *org_code,
			    date_t as_of, struct vacancy **out, size_t *n, struct err *e);

/* JSON of the records (new references). A position {"id", "org", "org_name", "kind",
 * "kind_vi", "kind_en", "side", "key", "seats", "from", "to", "org_dissolved"}; a holding
 * {"id", "position_id", "org", "kind", "member_id", "member_name", "acting", "from", "to",
 * "how", "decision", "decided_on", "body", "previous", "to_difficult", "to_border",
 * "holder_left", "end": null or {"how", "reason", "decision", "decided_on", "body"}}; a flag
 * {"flag", "from", "to", "decision"}; a committee {"id", "org", "term_start", "term_end",
 * "seats", "standing_seats", "decision", "body"}; a seat {"member_id", "member_name", "role",
 * "from", "to", "how", "decision", "end_reason"}; a vacancy {"what", "id", "org",
 * "org_name", "kind", "state", "seats", "filled", "acting", "standing_seats", "standing",
 * "since", "days", "border", "difficult", "combat", "priority"} (days: since to as_of). */
json_t *app_position_json(const struct position *p);
json_t *app_holding_json(const struct holding *h);
json_t *app_flag_json(const struct org_flag *f);
json_t *app_committee_json(const struct committee *c);
json_t *app_cmember_json(const struct committee_member *m);
json_t *app_vacancy_json(const struct vacancy *v, date_t as_of);

/* The accounts' home worklist: how many key positions and committees of the subtree
 * [pre, last] are short today (app_worklist.c). */
enum err_code app_vacancy_count(struct app *a, long pre, long last, long *n, struct err *e);

/* The demo's key cadres (demo_cadres.c): flags, positions, holders, committees of the current
 * and previous term, rotations to the border provinces; called by the demo after its tree
 * and members exist. */
enum err_code demo_cadres(struct app *a, const struct actor *ac, struct err *e);

/* Inside the caller's transaction: end every position member_id holds on on, by the decision
 * decision_no of decided_on taken by body, for reason (a removal from post by discipline,
 * app_discipline_add). Each end is a holding's dismissal audited as cadre.dismiss; *ended
 * gets how many. */
enum err_code app_holdings_end_tx(struct app *a, const struct actor *ac, int64_t member_id,
				  const struct org *body, const char *decision_no,
				  date_t decided_on, date_t on, const char *reason, long *ended,
				  struct err *e);

#endif
