/* main.c - the cadre command: global options, the command table, dispatch. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <pwd.h>

#include "../lib/mem.h"
#include "../web/i18n.h"
#include "cli.h"
#include "cli_study.h"

#define DATE_OPT {"date", 1, N_("date of the change, YYYY-MM-DD (default: today)"), NULL, 0}

static struct opt no_opts[] = {{NULL, 0, NULL, NULL, 0}};
static struct opt org_add_opts[] = {
	{"parent", 1, N_("code of the parent organisation (omit only for the root)"), NULL, 0},
	{"name", 1, N_("the organisation's name"), NULL, 0},
	{"kind", 1, N_("committee, grassroots, subcommittee or cell"), NULL, 0},
	{"type", 1, N_("grassroots type: agency, combat, local_military, border_post, school, "
		    "hospital, enterprise"), NULL, 0},
	{"standing-board", 0, N_("the cell has a standing board (cell committee)"), NULL, 0},
	{"local-committee", 1, N_("the local party committee that also leads it"), NULL, 0},
	{"militia", 1, N_("militia headcount"), NULL, 0},
	{"self-defence", 1, N_("self-defence force headcount"), NULL, 0},
	{"reserve", 1, N_("reserve headcount"), NULL, 0},
	{"date", 1, N_("date established (default: today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt org_edit_opts[] = {
	{"type", 1, N_("grassroots type ('' to clear)"), NULL, 0},
	{"standing-board", 1, N_("1 or 0"), NULL, 0},
	{"local-committee", 1, N_("the local party committee that also leads it"), NULL, 0},
	{"militia", 1, N_("militia headcount"), NULL, 0},
	{"self-defence", 1, N_("self-defence force headcount"), NULL, 0},
	{"reserve", 1, N_("reserve headcount"), NULL, 0},
	DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt as_of_opts[] = {
	{"as-of", 1, N_("as things were on this date, YYYY-MM-DD"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt tree_opts[] = {
	{"depth", 1, N_("levels to show below the top (default: all)"), NULL, 0},
	{"as-of", 1, N_("the tree as it was on this date, YYYY-MM-DD"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt date_opts[] = {DATE_OPT, {NULL, 0, NULL, NULL, 0}};
static struct opt move_opts[] = {
	{"to", 1, N_("code of the new parent"), NULL, 0}, DATE_OPT, {NULL, 0, NULL, NULL, 0},
};
static struct opt merge_opts[] = {
	{"into", 1, N_("code of the organisation that takes over"), NULL, 0}, DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt split_opts[] = {
	{"assign", 1, N_("CSV file of member_id,org_code: where each member goes"), NULL, 0},
	{"keep-source", 0, N_("keep the source organisation (default: it is dissolved)"), NULL, 0},
	DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt dissolve_opts[] = {
	{"members-to", 1, N_("code of the organisation that receives the members"), NULL, 0},
	DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
#define MEMBER_FIELD_OPTS                                                                   \
	{"name", 1, N_("full name, family name first"), NULL, 0},                           \
	{"sex", 1, N_("male or female"), NULL, 0},                                          \
	{"birth-date", 1, N_("YYYY-MM-DD"), NULL, 0},                                       \
	{"ethnicity", 1, N_("Kinh, Tày, Thái, Mường, H'Mông, ..."), NULL, 0},               \
	{"religion", 1, N_("religion, if any"), NULL, 0},                                   \
	{"hometown", 1, N_("home town"), NULL, 0},                                          \
	{"citizen-id", 1, N_("12-digit citizen ID"), NULL, 0},                              \
	{"education", 1, N_("general education, e.g. 12/12"), NULL, 0},                     \
	{"theory-level", 1, N_("primary, intermediate, advanced or senior"), NULL, 0},      \
	{"rank", 1, N_("military rank"), NULL, 0},                                          \
	{"category", 1, N_("officer, professional, soldier, worker, militia, self_defence, " \
			   "reserve"), NULL, 0},                                            \
	{"post", 1, N_("current post"), NULL, 0},                                           \
	{"history-no", 1, N_("personal-history number, e.g. 012345HG"), NULL, 0},           \
	{"card-no", 1, N_("party card number"), NULL, 0},                                   \
	{"phone", 1, N_("phone number"), NULL, 0},                                          \
	{"decision-date", 1, N_("admission decision date"), NULL, 0},                       \
	{"ceremony-date", 1, N_("admission ceremony date"), NULL, 0},                       \
	{"official-date", 1, N_("date recognised as official"), NULL, 0}
static struct opt member_add_opts[] = {
	{"org", 1, N_("code of the organisation whose roll the member joins"), NULL, 0},
	MEMBER_FIELD_OPTS,
	{"status", 1, N_("probationary or official (default: official when --official-date is "
		      "given)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt adm_add_opts[] = {
	{"org", 1, N_("code of the cell that keeps the candidate"), NULL, 0},
	{"name", 1, N_("full name, family name first"), NULL, 0},
	{"sex", 1, N_("male or female"), NULL, 0},
	{"birth-date", 1, N_("YYYY-MM-DD"), NULL, 0},
	{"ethnicity", 1, N_("Kinh, Tày, Thái, Mường, H'Mông, ..."), NULL, 0},
	{"religion", 1, N_("religion, if any"), NULL, 0},
	{"hometown", 1, N_("home town"), NULL, 0},
	{"citizen-id", 1, N_("12-digit citizen ID"), NULL, 0},
	{"education", 1, N_("general education, e.g. 12/12"), NULL, 0},
	{"theory-level", 1, N_("primary, intermediate, advanced or senior"), NULL, 0},
	{"rank", 1, N_("military rank"), NULL, 0},
	{"category", 1, N_("officer, professional, soldier, worker, militia, self_defence, "
			   "reserve"), NULL, 0},
	{"post", 1, N_("current post"), NULL, 0},
	{"phone", 1, N_("phone number"), NULL, 0},
	{"source", 1, N_("soldier, squad_leader, youth_union or other"), NULL, 0},
	{"listed-on", 1, N_("date listed by the cell (default: today)"), NULL, 0},
	{"allow-duplicate", 0, N_("keep a person who looks like a member or candidate already "
			       "known (a warning then)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt adm_step_opts[] = {
	{"date", 1, N_("date of the step, YYYY-MM-DD (default: today)"), NULL, 0},
	{"present", 1, N_("members present at the vote"), NULL, 0},
	{"for", 1, N_("votes for"), NULL, 0},
	{"against", 1, N_("votes against"), NULL, 0},
	{"members", 1, N_("committee_vote: the committee's members"), NULL, 0},
	{"number", 1, N_("the decision's number (decision, upper_ruling)"), NULL, 0},
	{"body", 1, N_("decision, upper_ruling: the deciding body (default: the committee above); "
		    "transfer: the cell the case moves to"), NULL, 0},
	{"introducer", 2, N_("application: MEMBER_ID:SINCE, an official member who has worked with "
			  "the applicant since SINCE (twice)"), NULL, 0},
	{"resolution", 1, N_("application of a Youth Union member: the union committee's "
			  "resolution"), NULL, 0},
	{"mentor", 1, N_("ceremony: the mentor, an official member of the cell"), NULL, 0},
	{"course", 1, N_("class: the course"), NULL, 0},
	{"certificate", 1, N_("class: the certificate's number"), NULL, 0},
	{"result", 1, N_("passed or failed (class, verification, decision, upper_ruling)"), NULL, 0},
	{"verifier", 1, N_("verification: who verified"), NULL, 0},
	{"conclusion", 1, N_("verification: the conclusion"), NULL, 0},
	{"reason", 1, N_("withdrawal, a refusal, a removal: why"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt adm_list_opts[] = {
	{"org", 1, N_("only this organisation's subtree (default: your whole scope)"), NULL, 0},
	{"stage", 1, N_("only this stage (default: every open stage; 'all': closed ones too)"),
	 NULL, 0},
	{"as-of", 1, N_("the cases as they stood on this date, YYYY-MM-DD (default: today)"), NULL,
	 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt adm_due_opts[] = {
	{"org", 1, N_("only this organisation's subtree (default: your whole scope)"), NULL, 0},
	{"as-of", 1, N_("what was due on this date, YYYY-MM-DD (default: today)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt member_edit_opts[] = {MEMBER_FIELD_OPTS, DATE_OPT, {NULL, 0, NULL, NULL, 0}};
static struct opt member_show_opts[] = {{NULL, 0, NULL, NULL, 0}};
static struct opt member_list_opts[] = {
	{"org", 1, N_("code of the organisation (its whole subtree is listed)"), NULL, 0},
	{"as-of", 1, N_("the rolls as they were on this date"), NULL, 0},
	{"offset", 1, N_("skip this many members (default 0)"), NULL, 0},
	{"limit", 1, N_("list at most this many (default: all)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt member_search_opts[] = {
	{"org", 1, N_("search only this organisation's subtree"), NULL, 0},
	{"limit", 1, N_("at most this many results (default 50)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt member_status_opts[] = {
	DATE_OPT, {"reason", 1, N_("why (kept in the history)"), NULL, 0}, {NULL, 0, NULL, NULL, 0},
};
static struct opt member_transfer_opts[] = {
	{"to", 1, N_("code of the receiving organisation"), NULL, 0},
	{"temporary", 0, N_("a temporary transfer (3 months to under a year)"), NULL, 0},
	{"until", 1, N_("planned end of a temporary transfer"), NULL, 0},
	{"reason", 1, N_("why (new post, demobilisation, retirement, training, ...)"), NULL, 0},
	{"letter", 1, N_("number of the introduction letter"), NULL, 0},
	DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt transfer_cancel_opts[] = {
	{"reason", 1, N_("why the transfer is cancelled (kept in the member's history)"), NULL, 0},
	DATE_OPT,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt holiday_list_opts[] = {
	{"year", 1, N_("only this year's holidays"), NULL, 0}, {NULL, 0, NULL, NULL, 0},
};
static struct opt holiday_add_opts[] = {
	{"name", 1, N_("the holiday's name (e.g. 'Tết Nguyên đán')"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt org_filter_opts[] = {
	{"org", 1, N_("only transfers touching this organisation's subtree"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt where_opts[] = {
	{"date", 1, N_("the date asked about (default: today)"), NULL, 0}, {NULL, 0, NULL, NULL, 0},
};
static struct opt audit_list_opts[] = {
	{"org", 1, N_("only entries about this organisation's subtree"), NULL, 0},
	{"limit", 1, N_("at most this many entries, newest first (default 100)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt audit_verify_opts[] = {
	{"head", 1, N_("a head kept elsewhere ('cadre audit head'): the log must still hold it"), NULL,
	 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt user_add_opts[] = {
	{"role", 1, N_("viewer, clerk, org_admin or sys_admin"), NULL, 0},
	{"org", 1, N_("the organisation whose subtree the role covers (omit only for sys_admin)"),
	 NULL, 0},
	{"personnel", 0, N_("with the personnel right (training, planning, assessments)"), NULL, 0},
	{"inspection", 0, N_("with the inspection right (programmes, cases, complaints)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt user_right_opts[] = {
	{"personnel", 0, N_("the personnel right (training, planning, assessments)"), NULL, 0},
	{"inspection", 0, N_("the inspection right (programmes, cases, complaints)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt token_add_opts[] = {
	{"label", 1, N_("what the token is for (kept with it)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt serve_opts[] = {
	{"listen", 1, N_("ADDR:PORT to listen on (default 127.0.0.1:8080; [::1]:8080 for IPv6)"),
	 NULL, 0},
	{"cert", 1, N_("PEM certificate file: serve HTTPS (with --key)"), NULL, 0},
	{"key", 1, N_("PEM private key file of the certificate"), NULL, 0},
	{"threads", 1, N_("requests worked on at once, at most 64 (default 64)"), NULL, 0},
	{"quiet", 0, N_("do not log requests to standard error"), NULL, 0},
	{"tz", 1, N_("time zone of 'today' (IANA name; default CADRE_TZ, else Asia/Ho_Chi_Minh)"),
	 NULL, 0},
	{"max-per-address", 1, N_("connections one client address may hold at once; those beyond "
			       "are refused at once (default 32; $CADRE_MAX_PER_ADDRESS)"), NULL, 0},
	{"header-timeout", 1, N_("seconds a connection has to send its request's headers "
			      "(default 10; $CADRE_HEADER_TIMEOUT)"), NULL, 0},
	{"session-hours", 1, N_("a sign-in lasts at most this many hours, however used (default 12; "
			     "$CADRE_SESSION_HOURS)"), NULL, 0},
	{"wait", 1, N_("seconds a write waits for another (an import) before the answer 503 with "
		    "Retry-After, at most 25 (default 10; $CADRE_SERVE_WAIT)"), NULL, 0},
	{"upload-mib", 1, N_("memory all uploads under way may hold together, in MiB; more wait "
			  "or get 503 (default 192; $CADRE_UPLOAD_MIB)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt import_opts[] = {
	{"skip-bad", 1, N_("import the good rows; write the bad ones with their reasons to FILE"),
	 NULL, 0},
	{"allow-duplicates", 0, N_("keep rows that look like a member already on a roll or another "
				"row of the file (same name, birth date, home town): warned, not "
				"refused"), NULL, 0},
	{"once", 0, N_("import this file only once: if its content (SHA-256) was imported before, "
		    "say when and import nothing"), NULL, 0},
	{"create-positions", 0, N_("holdings: create a missing position of a valid kind (from the "
				"row's date)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt adm_export_opts[] = {
	{"org", 1, N_("the subtree (an organisation code; default: your scope)"), NULL, 0},
	{"stage", 1, N_("open (default), all, or one stage (candidate, class, applied, ...)"),
	 NULL, 0},
	{"due", 0, N_("what is due or overdue instead of the cases"), NULL, 0},
	{"as-of", 1, N_("with --due: the day the list answers for (default today)"), NULL, 0},
	{"xlsx", 0, N_("write a workbook (XLSX) instead of CSV (also when FILE ends in .xlsx)"),
	 NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
#define REVIEW_STEP_OPTS                                                                    \
	{"step", 1, N_("self, proposal or decision (default: decision)"), NULL, 0},         \
	{"date", 1, N_("date of the step, YYYY-MM-DD (default: today)"), NULL, 0},          \
	{"reason", 1, N_("why a decided (locked) review is changed: required then; the "    \
			 "change becomes a new revision"), NULL, 0}
static struct opt hb_accounts_opts[] = {
	{"org", 1, N_("the cell whose members get accounts"), NULL, 0},
	{"reissue", 0, N_("also a new code (the old one void) for each account not yet activated"),
	 NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt review_member_opts[] = {
	{"year", 1, N_("the year reviewed"), NULL, 0},
	{"grade", 1, N_("excellent, good, complete or not_complete"), NULL, 0},
	{"score", 1, N_("the 100-point score (gives the grade: R-REVIEW-SCORE-*)"), NULL, 0},
	REVIEW_STEP_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt review_org_opts[] = {
	{"year", 1, N_("the year reviewed"), NULL, 0},
	{"grade", 1, N_("excellent, good, complete or not_complete"), NULL, 0},
	{"score", 1, N_("the 100-point score, when the organisation was scored"), NULL, 0},
	REVIEW_STEP_OPTS,
	{NULL, 0, NULL, NULL, 0},
};
static struct opt review_history_opts[] = {
	{"org", 1, N_("an organisation's own reviews instead of a member's"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt review_sheet_opts[] = {
	{"year", 1, N_("the year reviewed"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt discipline_add_opts[] = {
	{"member", 1, N_("id of the member disciplined"), NULL, 0},
	{"org", 1, N_("code of the organisation disciplined (its leadership)"), NULL, 0},
	{"form", 1, N_("reprimand, warning, removal, expulsion or dissolution"), NULL, 0},
	{"body", 1, N_("code of the organisation whose committee decided"), NULL, 0},
	{"inspection", 0, N_("decided by the body's inspection committee (R-DISCIPLINE-AUTHORITY)"),
	 NULL, 0},
	{"reason", 1, N_("why (part of the record)"), NULL, 0},
	{"date", 1, N_("date decided, YYYY-MM-DD (default: today)"), NULL, 0},
	{"act-date", 1, N_("date of the act, YYYY-MM-DD (required: R-DISCIPLINE-LIMITATION counts "
			   "from it)"), NULL, 0},
	{"decision-no", 1, N_("the decision's number, as written: 12-QĐ/UBKT"), NULL, 0},
	{"case", 1, N_("id of the inspection case the decision concludes"), NULL, 0},
	{"notified", 1, N_("date the target was notified, YYYY-MM-DD"), NULL, 0},
	{"effective", 1, N_("date it takes effect, YYYY-MM-DD (default: the decision's date)"),
	 NULL, 0},
	{"members-to", 1, N_("dissolution: code of the organisation the members go to"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt discipline_list_opts[] = {
	{"org", 1, N_("only this organisation's subtree"), NULL, 0},
	{"year", 1, N_("only discipline decided in this year"), NULL, 0},
	{"form", 1, N_("only this form (reprimand, warning, removal, expulsion, dissolution)"),
	 NULL, 0},
	{"state", 1, N_("only this state (in_force, annulled, changed)"), NULL, 0},
	{"csv", 1, N_("write the list as CSV to FILE ('-' for standard output)"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt discipline_notify_opts[] = {
	{"date", 1, N_("the day the target was notified, YYYY-MM-DD (R-COMPLAINT-DAYS counts from "
		       "it)"), NULL, 0},
	{"number", 1, N_("the notice's number, as written: 05-TB/UBKT"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt emulation_opts[] = {
	{"model", 1, N_("the emulation model's code (chi-bo-4-tot, 4-tot-3-khong, ...; 'cadre "
		     "emulation models' lists them)"), NULL, 0},
	{"year", 1, N_("the year rated"), NULL, 0},
	{"met", 1, N_("for each criterion in the model's order, 1 met or 0 not: 1,0,1,1"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt emulation_add_opts[] = {
	{"name", 1, N_("the model's name, such as \"Chi bộ 4 tốt\""), NULL, 0},
	{"criterion", 2, N_("one criterion, one line of at most 200 bytes; repeat the option for "
			 "each, in the order ratings give them"), NULL, 0},
	{"criteria-file", 1, N_("a file of the criteria, one a line, in order (blank lines are "
			     "skipped; '-' for standard input), instead of --criterion"), NULL, 0},
	{"required", 1, N_("how many criteria a cell must meet to earn the title"), NULL, 0},
	{"from", 1, N_("the date from which this version applies, YYYY-MM-DD (default: today); "
		    "after the latest version's"), NULL, 0},
	{"source", 1, N_("the document that sets it (a directive, a plan)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt emulation_ratings_opts[] = {
	{"org", 1, N_("only this organisation's subtree (default: your whole scope)"), NULL, 0},
	{"year", 1, N_("only ratings of this year (default: every year)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt report_opts[] = {
	{"org", 1, N_("code of the organisation (default: your whole scope)"), NULL, 0},
	{"year", 1, N_("the year of reviews, admissions and transfers (default: that of --as-of)"),
	 NULL, 0},
	{"as-of", 1, N_("membership as it was on this date, YYYY-MM-DD (default: today)"), NULL, 0},
	{"csv", 0, N_("print the report as CSV, one record per figure (docs/reports.md)"), NULL, 0},
	{"xlsx", 1, N_("write the report as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt report_insp_opts[] = {
	{"org", 1, N_("code of the organisation (default: your whole scope)"), NULL, 0},
	{"from", 1, N_("first day of the period, YYYY-MM-DD (default 2020-01-01)"), NULL, 0},
	{"to", 1, N_("last day of the period (default: today)"), NULL, 0},
	{"csv", 0, N_("print the report as CSV, one record per figure (docs/reports.md)"), NULL, 0},
	{"xlsx", 1, N_("write the report as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt report_insp_list_opts[] = {
	{"org", 1, N_("code of the organisation of the report"), NULL, 0},
	{"from", 1, N_("first day of the period, YYYY-MM-DD (default 2020-01-01)"), NULL, 0},
	{"to", 1, N_("last day of the period (default: today)"), NULL, 0},
	{"filter", 1, N_("the number's filter as the report gives it (what=cases&body=...)"), NULL,
	 0},
	{"what", 1, N_("cases, discipline, complaints, late, notice or revisions"), NULL, 0},
	{"body", 1, N_("committee or inspection"), NULL, 0},
	{"act", 1, N_("inspection, signs or supervision"), NULL, 0},
	{"target", 1, N_("orgs or members"), NULL, 0},
	{"result", 1, N_("violation, no_violation or open"), NULL, 0},
	{"form", 1, N_("reprimand, warning, removal, expulsion or dissolution"), NULL, 0},
	{"level", 1, N_("committee, grassroots, subcommittee or cell"), NULL, 0},
	{"kind", 1, N_("complaint or denunciation"), NULL, 0},
	{"stage", 1, N_("received, settled or overdue"), NULL, 0},
	{"outcome", 1, N_("the settlement's outcome (kept, reduced, ...)"), NULL, 0},
	{"offset", 1, N_("skip this many rows (default 0)"), NULL, 0},
	{"limit", 1, N_("list at most this many (default: all)"), NULL, 0},
	{"csv", 0, N_("print the list as CSV"), NULL, 0},
	{"xlsx", 1, N_("write the list as an XLSX workbook to FILE"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt report_members_opts[] = {
	{"org", 1, N_("code of the organisation of the report"), NULL, 0},
	{"filter", 1, N_("the figure's filter, NAME=VALUE, as a report row gives it "
		      "(status=official, age=30-39, grade=excellent, ...)"), NULL, 0},
	{"year", 1, N_("the review year of a grade= filter (default: this year)"), NULL, 0},
	{"offset", 1, N_("skip this many members (default 0)"), NULL, 0},
	{"limit", 1, N_("list at most this many (default: all)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt report_cases_opts[] = {
	{"org", 1, N_("code of the organisation of the report"), NULL, 0},
	{"filter", 1, N_("the admission figure's filter, as a report row gives it "
		      "(adm_stage=candidate, adm_late=2026, ...)"), NULL, 0},
	{"year", 1, N_("the year of the figures (default: this year)"), NULL, 0},
	{"offset", 1, N_("skip this many cases (default 0)"), NULL, 0},
	{"limit", 1, N_("list at most this many (default: all)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt meeting_figures_opts[] = {
	{"org", 1, N_("code of the organisation whose subtree is counted (default: your scope)"),
	 NULL, 0},
	{"from", 1, N_("the first day of the period (default: 1 January of this year)"), NULL, 0},
	{"to", 1, N_("the last day of the period (default: today)"), NULL, 0},
	{"show", 1, N_("also list what is behind a figure: cells, missed_monthly, "
		    "missed_thematic or absentees"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt rollup_opts[] = {
	{"year", 1, N_("the review year (default: this year)"), NULL, 0},
	{"csv", 0, N_("print CSV, one record per organisation"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt rules_add_opts[] = {
	{"value", 1, N_("the new value (a number for a number rule, a list for a list rule)"), NULL,
	 0},
	{"from", 1, N_("the date from which it applies, YYYY-MM-DD"), NULL, 0},
	{"source", 1, N_("the document that sets it (for example 366-QĐ/TW)"), NULL, 0},
	{"description", 1, N_("what the rule means (default: the current description)"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

static struct opt worklist_opts[] = {
	{"org", 1, N_("only this organisation's subtree (default: your whole scope)"), NULL, 0},
	{"year", 1, N_("the review year whose undecided reviews are counted (default: this year)"),
	 NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};
static struct opt org_find_opts[] = {
	{"limit", 1, N_("list at most this many, 1 to 1000 (default 20)"), NULL, 0},
	{"open", 0, N_("leave out dissolved organisations"), NULL, 0},
	{NULL, 0, NULL, NULL, 0},
};

const struct command cli_commands[] = {
	{"init", NULL, "", N_("Create an empty database with the current schema and rules."),
	 no_opts, 0, 0, cmd_init, 2},
	{"demo", NULL, "", N_("Build the sample Military Region 2 (about 30,000 members) into an "
			   "empty database."), no_opts, 0, 0, cmd_demo, 2},
	{"rules", "add", "ID", N_("Add a newer version of a rule: a new value from a date (older "
			      "acts keep the value of their date)."), rules_add_opts, 1, 1,
	 cmd_rules_add, 1},
	{"holiday", "list", "", N_("The public holidays that working days skip."), holiday_list_opts,
	 0, 0, cmd_holiday_list, 1},
	{"holiday", "add", "DATE", N_("Add a public holiday (system administrator)."),
	 holiday_add_opts, 1, 1, cmd_holiday_add, 1},
	{"holiday", "remove", "DATE", N_("Remove a public holiday (system administrator; kept in the "
				      "audit log)."), no_opts, 1, 1, cmd_holiday_remove, 1},
	{"rules", NULL, "", N_("List the rules in force and their versions."), as_of_opts, 0, 0,
	 cmd_rules, 1},
	{"org", "add", "CODE", N_("Establish an organisation."), org_add_opts, 1, 1, cmd_org_add, 1},
	{"org", "edit", "CODE", N_("Change an organisation's type, standing board, local committee "
				"or force strengths."), org_edit_opts, 1, 1, cmd_org_edit, 1},
	{"org", "show", "CODE", N_("Show an organisation: its facts, counts, sub-organisations and "
				"lineage."), as_of_opts, 1, 1, cmd_org_show, 1},
	{"org", "tree", "[CODE]", N_("Show the tree with member counts."), tree_opts, 0, 1,
	 cmd_org_tree, 1},
	{"org", "rename", "CODE NAME", N_("Rename an organisation."), date_opts, 2, 2, cmd_org_rename,
	 1},
	{"org", "move", "CODE", N_("Move an organisation under another parent."), move_opts, 1, 1,
	 cmd_org_move, 1},
	{"org", "merge", "CODE...", N_("Merge organisations into another: members and "
				    "sub-organisations go to it."), merge_opts, 1, 64,
	 cmd_org_merge, 1},
	{"org", "split", "CODE", N_("Split an organisation: each member goes where --assign says."),
	 split_opts, 1, 1, cmd_org_split, 1},
	{"org", "dissolve", "CODE", N_("Dissolve an organisation (refused while members remain, "
				    "unless --members-to)."), dissolve_opts, 1, 1,
	 cmd_org_dissolve, 1},
	{"org", "find", "TEXT", N_("Find organisations by words of their name, accents optional "
				"(each word the beginning of a word of the name), the nearest the "
				"root first, within your scope."), org_find_opts, 1, 1, cmd_org_find, 1},
	{"worklist", NULL, "", N_("What waits for you in your subtree: transfers to receive or "
			       "overdue, reviews of the year not yet decided, records with problems; "
			       "each a count and the page that lists them (as the home page and GET "
			       "/api/v1/worklist)."), worklist_opts, 0, 0, cmd_worklist, 1},
	{"position", "kinds", "", N_("The catalogue of position kinds: party posts and the command "
				  "posts they pair with, which are key (docs/cadres.md)."),
	 no_opts, 0, 0, cmd_position_kinds, 1},
	{"position", "list", "", N_("The positions of an organisation with their holders on a "
				 "date."), cadre_position_list_opts, 0, 0, cmd_position_list, 1},
	{"position", "add", "", N_("Create a position of an organisation."),
	 cadre_position_add_opts, 0, 0, cmd_position_add, 1},
	{"position", "show", "ID|ORG:KIND", N_("A position with the history of its holders (or its "
					    "holders on a date with --as-of)."),
	 cadre_position_show_opts, 1, 1, cmd_position_show, 1},
	{"org", "flag", "CODE difficult|border", N_("Flag an organisation as a difficult or border "
						 "area from a date (or clear it with --off)."),
	 cadre_flag_opts, 2, 2, cmd_org_flag, 1},
	{"appoint", NULL, "MEMBER POSITION", N_("Appoint a member to a position by a decision "
					     "(R-POS-DECIDER-LEVEL); --acting for an acting "
					     "holder."), cadre_appoint_opts, 2, 2, cmd_appoint, 1},
	{"dismiss", NULL, "MEMBER POSITION", N_("End a member's holding of a position by a "
					     "decision, with the reason."),
	 cadre_dismiss_opts, 2, 2, cmd_dismiss, 1},
	{"transfer", NULL, "MEMBER FROM TO", N_("Transfer a cadre from one post to another by a "
					     "decision."), cadre_transfer_opts, 3, 3,
	 cmd_post_transfer, 1},
	{"rotate", NULL, "MEMBER FROM TO", N_("Rotate a cadre to another post (luân chuyển); marked "
					   "when the new post is in a difficult or border area."),
	 cadre_transfer_opts, 3, 3, cmd_rotate, 1},
	{"rotations", NULL, "", N_("The rotations of a year in a subtree, and how many went to "
				 "difficult or border areas."), cadre_rotations_opts, 0, 0,
	 cmd_rotations, 1},
	{"committee", "add", "", N_("A committee (cấp ủy) of an organisation for a term "
				 "(R-COMMITTEE-TERM-YEARS), with the seats set by the upper "
				 "committee."), cadre_committee_add_opts, 0, 0, cmd_committee_add,
	 1},
	{"committee", "list", "", N_("The committees of an organisation, newest term first."),
	 cadre_committee_list_opts, 0, 0, cmd_committee_list, 1},
	{"committee", "show", "ID", N_("A committee with its members on a date."),
	 cadre_committee_show_opts, 1, 1, cmd_committee_show, 1},
	{"committee", "seat", "ID", N_("Seat members on a committee (the congress's results, or an "
				    "appointment), all or nothing."), cadre_committee_seat_opts, 1, 1,
	 cmd_committee_seat, 1},
	{"committee", "leave", "ID MEMBER", N_("A member leaves a committee."),
	 cadre_committee_leave_opts, 2, 2, cmd_committee_leave, 1},
	{"vacancy", NULL, "", N_("The vacancy report of a subtree: key positions vacant or held by "
			      "an acting holder, committees below their seats, since when; border "
			      "and difficult areas first."), cadre_vacancy_opts, 0, 0, cmd_vacancy,
	 1},
	{"org", "history", "CODE", N_("The restructuring history of an organisation."), no_opts, 1, 1,
	 cmd_org_history, 1},
	{"member", "holdings", "ID", N_("The positions a member held and holds (their holdings, "
				     "oldest first)."), cadre_member_holdings_opts, 1, 1,
	 cmd_member_holdings, 1},
	{"member", "add", "", N_("Add a member to a roll."), member_add_opts, 0, 0, cmd_member_add, 1},
	{"member", "show", "ID", N_("Show a member's whole record and history."), member_show_opts, 1,
	 1, cmd_member_show, 1},
	{"member", "edit", "ID", N_("Correct fields of a member's record (old values are kept)."),
	 member_edit_opts, 1, 1, cmd_member_edit, 1},
	{"member", "list", "", N_("List the members of an organisation's subtree in Vietnamese name "
			       "order."), member_list_opts, 0, 0, cmd_member_list, 1},
	{"member", "search", "TEXT", N_("Find members by name; accents are optional."),
	 member_search_opts, 1, 1, cmd_member_search, 1},
	{"member", "status", "ID STATUS", N_("Change a member's status (official, exempt, "
					  "suspended, removed, expelled, deceased, "
					  "transferred_out)."), member_status_opts, 2, 2,
	 cmd_member_status, 1},
	{"member", "transfer", "ID", N_("Send a member to another organisation (official or "
				     "temporary)."), member_transfer_opts, 1, 1,
	 cmd_member_transfer, 1},
	{"member", "receive", "TRANSFER_ID", N_("Record that a transferred member has arrived."),
	 date_opts, 1, 1, cmd_member_receive, 1},
	{"member", "return", "TRANSFER_ID", N_("End a temporary transfer."), date_opts, 1, 1,
	 cmd_member_return, 1},
	{"member", "transfer-cancel", "TRANSFER_ID", N_("Cancel a transfer sent by mistake (the "
						     "sending side, before it is received)."),
	 transfer_cancel_opts, 1, 1, cmd_member_transfer_cancel, 1},
	{"member", "transfers", "", N_("List open transfers (sent and not received, temporary stays), "
				    "with their due dates; overdue ones are flagged."),
	 org_filter_opts, 0, 0, cmd_member_transfers, 1},
	{"member", "where", "ID", N_("Where a member was, and with what status, on a date."),
	 where_opts, 1, 1, cmd_member_where, 1},
	{"admission", "add", "", N_("List a candidate for admission (quần chúng ưu tú) kept by a "
				 "cell; the duplicate check finds former members (a re-admission)."),
	 adm_add_opts, 0, 0, cmd_adm_add, 1},
	{"admission", "show", "ID", N_("An admission case and the timeline of its steps."), no_opts,
	 1, 1, cmd_adm_show, 1},
	{"admission", "step", "ID|mMEMBER_ID STEP", N_("Record a step of an admission case: "
					 "class, application, verification, cell_vote, committee_vote, "
					 "decision, ceremony, recognition_vote, upper_ruling, "
					 "withdrawal or transfer (docs/admissions.md); mMEMBER_ID: the "
					 "case of a probationary member, opened when there is none."),
	 adm_step_opts, 2, 2, cmd_adm_step, 1},
	{"admission", "list", "", N_("The admission cases of a subtree in name order, with the "
				  "next step and its deadline."), adm_list_opts, 0, 0, cmd_adm_list,
	 1},
	{"admission", "due", "", N_("What is due in a subtree: ceremonies, recognition votes "
				 "(probationers past probation, with or without a case), decisions "
				 "awaited from the committee above; overdue ones flagged."),
	 adm_due_opts, 0, 0, cmd_adm_due, 1},
	{"meeting", "add", "", N_("Record a meeting of an organisation (monthly, thematic, "
			       "extraordinary, or a study session of a document), with its "
			       "attendance when given (docs/meetings.md)."),
	 meeting_add_opts, 0, 0, cmd_meeting_add, 1},
	{"meeting", "show", "ID", N_("A meeting with its attendance and resolutions."), no_opts, 1,
	 1, cmd_meeting_show, 1},
	{"meeting", "list", "", N_("The meetings of a subtree, newest first; --csv or --xlsx write "
				"the list."), meeting_list_opts, 0, 0, cmd_meeting_list, 1},
	{"meeting", "attend", "ID", N_("Record or replace the attendance of a meeting: every member "
				    "on the roll that day present, excused (with the reason) or "
				    "absent."), meeting_attend_opts, 1, 1, cmd_meeting_attend, 1},
	{"meeting", "resolution", "ID", N_("Add a resolution with its votes; it passes with more "
					"than half of the members counted (R-MEETING-QUORUM)."),
	 meeting_resolution_opts, 1, 1, cmd_meeting_resolution, 1},
	{"meeting", "cancel", "ID", N_("Cancel a meeting (its record stays)."), meeting_cancel_opts,
	 1, 1, cmd_meeting_cancel, 1},
	{"meeting", "minutes", "ID", N_("Print the minutes of a meeting as text (Vietnamese "
				     "layout)."), no_opts, 1, 1, cmd_meeting_minutes, 1},
	{"meeting", "figures", "", N_("The meeting figures of a subtree for a period: monthly and "
				   "thematic meetings held, attendance, members absent without "
				   "reason; --show lists the cells or members behind them."),
	 meeting_figures_opts, 0, 0, cmd_meeting_figures, 1},
	{"audit", "list", "", N_("The audit log of your subtree: who changed or opened what, when, "
			      "from where."), audit_list_opts, 0, 0, cmd_audit_list, 1},
	{"audit", "verify", "", N_("Check the audit log: its hash and MAC chains, signed checkpoints "
				"and length; name the first entry edited, deleted, forged or "
				"reordered (docs/audit.md)."), audit_verify_opts, 0, 0,
	 cmd_audit_verify, 1},
	{"audit", "head", "", N_("Print the audit log's head (entries and the last MAC) to keep "
			      "elsewhere for 'audit verify --head'."), no_opts, 0, 0, cmd_audit_head,
	 1},
	{"user", "add", "NAME", N_("Make an account with a role on an organisation; the password is "
				"read from standard input."), user_add_opts, 1, 1, cmd_user_add, 1},
	{"user", "list", "", N_("The accounts within your subtree and their roles."), no_opts, 0, 0,
	 cmd_user_list, 1},
	{"user", "grant", "NAME", N_("Grant a right on an account's role (--personnel: the "
				  "personnel right, --inspection: the inspection right; account "
				  "administrators of its subtree)."),
	 user_right_opts, 1, 1, cmd_user_grant, 1},
	{"user", "revoke", "NAME", N_("Revoke a right of an account's role (--personnel or "
				      "--inspection)."),
	 user_right_opts, 1, 1, cmd_user_revoke, 1},
	{"succession", "periods", "", N_("The planning periods (quy hoạch)."), plan_periods_opts, 0,
	 0, cmd_plan_periods, 1},
	{"succession", "period", "add CODE FROM_YEAR TO_YEAR",
	 N_("Add a planning period, as 2025-2030 (system administrator)."), plan_periods_opts, 4,
	 4, cmd_plan_period, 1},
	{"succession", "plan", "", N_("An organisation's plan for a period: the ranked successors "
				       "of each key position of its subtree with the criteria they "
				       "do not meet, the positions short, the targets, the "
				       "versions."),
	 plan_show_opts, 0, 0, cmd_plan_show, 1},
	{"succession", "approve", "", N_("Approve an organisation's plan for a period (version 1)."),
	 plan_version_opts, 0, 0, cmd_plan_approve, 1},
	{"succession", "review", "", N_("The yearly review of a plan: opens its next version."),
	 plan_version_opts, 0, 0, cmd_plan_review, 1},
	{"succession", "add", "", N_("Plan a successor for a key position, at a rank, with the "
				      "reason (R-PLAN-MAX-POSITIONS, R-PLAN-PER-POSITION)."),
	 plan_change_opts, 0, 0, cmd_plan_add, 1},
	{"succession", "remove", "", N_("Remove a planned successor, with the reason."),
	 plan_change_opts, 0, 0, cmd_plan_remove, 1},
	{"succession", "rerank", "", N_("Move a planned successor to another rank."),
	 plan_change_opts, 0, 0, cmd_plan_rerank, 1},
	{"succession", "criteria", "[KIND CRITERION VALUE]",
	 N_("The planning criteria in force per position kind; --set adds a dated row."),
	 plan_criteria_opts, 0, 3, cmd_plan_criteria, 1},
	{"succession", "targets", "", N_("A plan's structure targets (young, ethnic minority, "
					  "women) against the people planned; --set sets one."),
	 plan_targets_opts, 0, 0, cmd_plan_targets, 1},
	{"training", "add", "", N_("Record a member's training (course, school, kind, dates, "
				"result, certificate); needs the personnel right."),
	 training_add_opts, 0, 0, cmd_training_add, 1},
	{"training", "list", "", N_("Training records of a member (--member) or of the members "
				 "sent by a subtree (--org), by start date; --csv/--xlsx."),
	 training_list_opts, 0, 0, cmd_training_list, 1},
	{"training", "show", "ID", N_("One training record."), no_opts, 1, 1, cmd_training_show,
	 1},
	{"training", "edit", "ID", N_("Change fields of a training record (the old values stay in "
				   "the audit log)."), training_edit_opts, 1, 1,
	 cmd_training_edit, 1},
	{"training", "delete", "ID", N_("Delete a training record (kept, marked deleted)."),
	 no_opts, 1, 1, cmd_training_delete, 1},
	{"training", "figures", "", N_("Cadres sent to training in a year: the organisation and "
				    "each of its children, by kind (a member counted once)."),
	 training_figures_opts, 0, 0, cmd_training_figures, 1},
	{"inspection", "programme add", "", N_("Record a yearly programme of inspection or of "
					   "supervision of a committee or its inspection "
					   "committee (inspection right)."),
	 insp_programme_add_opts, 0, 0, cmd_insp_programme_add, 1},
	{"inspection", "programme list", "", N_("The programmes of a subtree, newest year first."),
	 insp_programme_list_opts, 0, 0, cmd_insp_programme_list, 1},
	{"inspection", "programme show", "ID", N_("A programme with its items."), no_opts, 1, 1,
	 cmd_insp_programme_show, 1},
	{"inspection", "item add", "", N_("Add an item to a programme: the target (organisation or "
				       "member), kind, planned period and content."),
	 insp_item_add_opts, 0, 0, cmd_insp_item_add, 1},
	{"inspection", "item remove", "ID", N_("Remove an item (kept, marked deleted; not once a "
					    "case was opened from it)."),
	 no_opts, 1, 1, cmd_insp_item_remove, 1},
	{"inspection", "case open", "", N_("Open a case by a decision: from a programme item "
					"(--item) or outside the programme (on signs of "
					"violation)."),
	 insp_case_open_opts, 0, 0, cmd_insp_case_open, 1},
	{"inspection", "case conclude", "ID", N_("Conclude a case: findings and conclusion (with "
					      "the proposed form of discipline)."),
	 insp_case_conclude_opts, 1, 1, cmd_insp_case_conclude, 1},
	{"inspection", "case notify", "ID", N_("Record the notice of a case's conclusion to its "
					    "target."),
	 insp_case_notify_opts, 1, 1, cmd_insp_case_notify, 1},
	{"inspection", "case followup", "ID", N_("Record the follow-up of a case's conclusions."),
	 insp_case_followup_opts, 1, 1, cmd_insp_case_followup, 1},
	{"inspection", "case close", "ID", N_("Close a notified case."), insp_case_close_opts, 1, 1,
	 cmd_insp_case_close, 1},
	{"inspection", "case list", "", N_("The cases of a subtree, newest first (--late: open past "
					"their period); --csv/--xlsx."),
	 insp_case_list_opts, 0, 0, cmd_insp_case_list, 1},
	{"inspection", "case show", "ID", N_("A case with its history."), no_opts, 1, 1,
	 cmd_insp_case_show, 1},
	{"assessment", "add", "", N_("Record a cadre's own yearly assessment in post (with the "
				  "health class); a new one for a year replaces the current one and "
				  "keeps it as a revision; needs the personnel right."),
	 assessment_add_opts, 0, 0, cmd_assessment_add, 1},
	{"assessment", "list", "", N_("A cadre's own assessments, newest year first (--all: every "
				   "revision)."), assessment_list_opts, 0, 0, cmd_assessment_list, 1},
	{"assessment", "show", "ID", N_("One revision of a cadre's own assessment."), no_opts, 1, 1,
	 cmd_assessment_show, 1},
	{"sheet", NULL, "MEMBER_ID", N_("The cadre's sheet (one A4 page for a personnel meeting): "
				      "identity, positions held, rotations, committees, plans, "
				      "training, reviews beside the own assessments, health; each "
				      "opening is audited (personnel right)."), sheet_opts, 1, 1,
	 cmd_sheet, 1},
	{"handbook", "accounts", "", N_("Make an account for every member of a cell without one, "
				     "each with a one-time activation code to print and hand out "
				     "(clerks of the cell or above; docs/handbook.md)."),
	 hb_accounts_opts, 0, 0, cmd_hb_accounts, 1},
	{"token", "add", "ACCOUNT", N_("Issue an API token for an account; it is printed once."),
	 token_add_opts, 1, 1, cmd_token_add, 1},
	{"token", "revoke", "ID", N_("Revoke an API token."), no_opts, 1, 1, cmd_token_revoke, 1},
	{"serve", NULL, "", N_("Serve the web application and the JSON API until stopped (SIGTERM "
			    "or Ctrl-C finishes the requests under way first)."), serve_opts, 0, 0,
	 cmd_serve, 1},
	{"import", NULL,
 "orgs|members|reviews|org-reviews|candidates|meetings|attendance|documents|training|"
 "holdings|committees|programmes|cases|discipline|complaints FILE",
	 N_("Import organisations, members, reviews, candidates for admission, meetings, "
	    "their attendance, the register of documents, training records, position holders, "
	    "committees, inspection programmes or cases, past discipline, or complaints and "
	    "denunciations from CSV (docs/csv.md, docs/study.md, docs/cadres.md, "
	    "docs/inspection.md; '-' for standard input); all or nothing unless --skip-bad "
	    "(reviews, meetings, attendance, documents, training, holdings, committees, "
	    "programmes, cases, discipline, complaints: always all or nothing)."),
	 import_opts, 2, 2,
	 cmd_import, 1},
	{"export", NULL, "orgs|members FILE", N_("Export organisations or members as CSV ('-' for "
					      "standard output)."), no_opts, 2, 2, cmd_export, 1},
	{"admission", "export", "FILE", N_("Write an admissions list (the cases of a subtree, or "
					"with --due what is due) as CSV or XLSX ('-' for "
					"standard output)."), adm_export_opts, 1, 1,
	 cmd_adm_export, 1},
	{"review", "member", "ID", N_("Record a step of a member's yearly review: self-assessment, "
				   "the cell's proposal or the decision (docs/reviews.md)."),
	 review_member_opts, 1, 1, cmd_review_member, 1},
	{"review", "org", "CODE", N_("Record a step of an organisation's yearly review; the "
				  "committee above decides."), review_org_opts, 1, 1,
	 cmd_review_org, 1},
	{"review", "history", "[ID]", N_("Every step of a member's reviews (or with --org an "
				      "organisation's): revisions, reasons, rules applied."),
	 review_history_opts, 0, 1, cmd_review_history, 1},
	{"review", "sheet", "CODE", N_("A cell's review form for a year: each member's self-"
				    "assessment, proposal and decision, and the quota."),
	 review_sheet_opts, 1, 1, cmd_review_sheet, 1},
	{"discipline", "add", "", N_("Record discipline decided on a member or an organisation."),
	 discipline_add_opts, 0, 0, cmd_discipline_add, 1},
	{"discipline", "list", "", N_("The discipline register of your subtree, newest first (the "
				   "inspection right)."),
	 discipline_list_opts, 0, 0, cmd_discipline_list, 1},
	{"discipline", "show", "ID", N_("One discipline record, whole (the inspection right)."),
	 no_opts, 1, 1, cmd_discipline_show, 1},
	{"discipline", "notify", "ID", N_("Record the day (and the notice) by which the target of "
				       "a discipline was notified."),
	 discipline_notify_opts, 1, 1, cmd_discipline_notify, 1},
	{"complaint", "add", "", N_("Lodge a complaint against a discipline decision (within "
				 "R-COMPLAINT-DAYS of its notice, with the body above) or, with "
				 "--kind denunciation, a denunciation about a member or an "
				 "organisation; needs the inspection right."),
	 complaint_add_opts, 0, 0, cmd_complaint_add, 1},
	{"complaint", "list", "", N_("The register of complaints and denunciations of a subtree, "
				  "newest first (--overdue: open past due); --csv/--xlsx."),
	 complaint_list_opts, 0, 0, cmd_complaint_list, 1},
	{"complaint", "show", "ID", N_("One complaint or denunciation, with the decision it "
				    "concerns and that decision's history."),
	 no_opts, 1, 1, cmd_complaint_show, 1},
	{"complaint", "settle", "ID", N_("Settle a complaint (kept, reduced, annulled, raised: the "
				      "decision changes as the settlement says, kept as history) "
				      "or a denunciation (founded, partly_founded, unfounded)."),
	 complaint_settle_opts, 1, 1, cmd_complaint_settle, 1},
	{"complaint", "withdraw", "ID", N_("Record that a complaint or denunciation was withdrawn."),
	 complaint_withdraw_opts, 1, 1, cmd_complaint_withdraw, 1},
	{"emulation", "models", "", N_("List the emulation models, every version with its criteria "
				    "(the one in force today marked)."), no_opts, 0, 0,
	 cmd_emulation_models, 1},
	{"emulation", "add", "CODE", N_("Add a version of an emulation model (or a new model) in "
				     "force from a date: system administrators only; ratings "
				     "already made keep their version."), emulation_add_opts, 1, 1,
	 cmd_emulation_add, 1},
	{"emulation", "ratings", "", N_("List the emulation ratings of your subtree, with the "
				     "criteria met and the model version applied."),
	 emulation_ratings_opts, 0, 0, cmd_emulation_ratings, 1},
	{"emulation", "rate", "CODE", N_("Rate a cell against an emulation model's criteria for a "
				      "year (the version in force on 31 December of that year)."),
	 emulation_opts, 1, 1, cmd_emulation_rate, 1},
	{"report", "inspection", "", N_("Seed 004's footnote 7: inspection, supervision, "
				     "discipline and complaints of a subtree and period (text, "
				     "--json, --csv or --xlsx FILE); needs the inspection right."),
	 report_insp_opts, 0, 0, cmd_report_inspection, 1},
	{"report", "inspection-list", "", N_("The cases, discipline or complaints behind a number "
					  "of the inspection report (--filter as the report gives "
					  "it); --csv or --xlsx FILE."),
	 report_insp_list_opts, 0, 0, cmd_report_inspection_list, 1},
	{"report", "members", "", N_("The members behind a figure of the report (a row's filter)."),
	 report_members_opts, 0, 0, cmd_report_members, 1},
	{"report", "cases", "", N_("The people behind an admission figure of the report (a row's "
				"adm_... filter): their cases."),
	 report_cases_opts, 0, 0, cmd_report_cases, 1},
	{"report", NULL, "", N_("The figures of an organisation's subtree: members, reviews, "
			     "discipline, forces (text, --json, --csv or --xlsx FILE)."),
	 report_opts, 0, 0, cmd_report, 1},
	{"rollup", NULL, "", N_("Every organisation's subtree totals, one line each (--json, --csv)."),
	 rollup_opts, 0, 0, cmd_rollup, 1},
	{"figures", "check", "", N_("Count the figures again from the records and compare with the "
				 "kept counters; exit 6 when they differ."), no_opts, 0, 0,
	 cmd_figures_check, 1},
	{"figures", "rebuild", "", N_("Count the figures again and store the recount where the kept "
				   "counters differ."), no_opts, 0, 0, cmd_figures_rebuild, 1},
	CLI_STUDY_COMMANDS
	{NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, 0},
};

static void usage(FILE *f)
{
	const struct command *cmd;

	fputs(err_tr("usage: cadre [--db FILE] [--json] COMMAND [ARGS]\n\n"
		     "cadre keeps the records of party organisations: the tree, members, transfers,\n"
		     "the yearly review and the figures.\n\n"
		     "commands:\n"), f);
	for (cmd = cli_commands; cmd->group; cmd++) {
		char head[64];

		snprintf(head, sizeof head, "%s%s%s %s", cmd->group, cmd->name ? " " : "",
			 cmd->name ? cmd->name : "", cmd->args);
		cli_help_line(f, head, 32, err_tr(cmd->summary));
	}
	fputs(err_tr("\nglobal options:\n"
		     "  --db FILE    the database (default: $CADRE_DB, else ./cadre.db)\n"
		     "  --json       print results as JSON\n"
		     "  --quiet      no progress bars\n"
		     "  --wait SECS  wait up to SECS for another import or a server writing to the\n"
		     "               database before failing with exit 6 (default 30; $CADRE_WAIT)\n"
		     "  --version    print the version\n"
		     "\n'cadre COMMAND --help' explains a command; 'man cadre' (docs/cadre.1) has it "
		     "all.\n"
		     "exit codes: 0 ok, 2 usage, 3 bad input, 4 not found, 5 refused by a rule,\n"
		     "6 storage failure, 7 not allowed for your role, 70 internal error.\n"
		     "CADRE_TOKEN=TOKEN acts as that API token's account (its role and scope).\n"), f);
}

/* Escape text for troff: a leading dot or quote, and backslashes. */
static void man_text(FILE *f, const char *s)
{
	if (*s == '.' || *s == '\'')
		fputs("\\&", f);
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\e", f);
		else if (*s == '-')
			fputs("\\-", f);
		else
			fputc(*s, f);
	}
}

/* The manual page, generated from the command table so the two never drift apart
 * (docs/cadre.1 is this output; a test checks it is current). */
static void print_man(FILE *f)
{
	const struct command *cmd;
	const struct opt *o;

	fputs(".TH CADRE 1 \"\" \"cadre 0.1\" \"cadre manual\"\n"
	      ".SH NAME\ncadre \\- records of the party organisations of an armed force\n"
	      ".SH SYNOPSIS\n.B cadre\n[\\fB\\-\\-db\\fR \\fIFILE\\fR] [\\fB\\-\\-json\\fR] "
	      "[\\fB\\-\\-quiet\\fR] \\fICOMMAND\\fR [\\fIARGS\\fR]\n"
	      ".SH DESCRIPTION\ncadre keeps the tree of party committees and cells with its "
	      "restructuring history, the member rolls with every member's history, transfers, the "
	      "yearly quality review, discipline and the figures reported up the tree. "
	      "Nothing is overwritten: any list can be asked as of a past date.\n"
	      ".SH GLOBAL OPTIONS\n.TP\n\\fB\\-\\-db\\fR \\fIFILE\\fR\nThe database "
	      "(default: \\fB$CADRE_DB\\fR, else \\fB./cadre.db\\fR).\n.TP\n\\fB\\-\\-json\\fR\n"
	      "Print results as JSON, UTF\\-8 as written.\n.TP\n\\fB\\-\\-quiet\\fR\nNo progress "
	      "bars.\n.TP\n\\fB\\-\\-wait\\fR \\fISECONDS\\fR\nWait up to SECONDS (default 30, "
	      "or \\fB$CADRE_WAIT\\fR) for another import or a server writing to the database, "
	      "then fail with exit 6.\n.SH COMMANDS\n", f);
	for (cmd = cli_commands; cmd->group; cmd++) {
		fputs(".SS ", f);
		man_text(f, cmd->group);
		if (cmd->name) {
			fputc(' ', f);
			man_text(f, cmd->name);
		}
		if (cmd->args[0]) {
			fputc(' ', f);
			man_text(f, cmd->args);
		}
		fputc('\n', f);
		man_text(f, cmd->summary);
		fputc('\n', f);
		for (o = cmd->opts; o && o->name; o++) {
			fputs(".TP\n\\fB\\-\\-", f);
			man_text(f, o->name);
			fputs("\\fR", f);
			if (o->has_arg)
				fputs(" \\fIVALUE\\fR", f);
			fputc('\n', f);
			man_text(f, o->help);
			fputc('\n', f);
		}
	}
	fputs(".SH ENVIRONMENT\n.TP\n.B CADRE_DB\nThe database when \\fB\\-\\-db\\fR is not given.\n"
	      ".TP\n.B CADRE_TODAY\nThe date taken as today (YYYY\\-MM\\-DD), for tests and replays.\n"
	      ".TP\n.B CADRE_TZ\nThe time zone in which today is taken (an IANA name; default "
	      "Asia/Ho_Chi_Minh).\n"
	      ".TP\n.B CADRE_USER\nThe name recorded in the history as who acted.\n"
	      ".TP\n.B CADRE_TOKEN\nAn API token (\\fBcadre token add\\fR): act as its account, "
	      "with its role and only within its organisation's subtree, instead of as the "
	      "database file's owner (the whole tree).\n"
	      ".TP\n.B CADRE_NO_PROGRESS\nNo progress bars.\n"
	      ".SH EXIT STATUS\n0 ok; 2 usage; 3 bad input; 4 not found; 5 refused by a rule; "
	      "6 storage failure; 7 not allowed for your role; 70 internal error.\n"
	      ".SH FILES\ndocs/csv.md (the CSV formats), docs/rules.md (the rules and their "
	      "sources), docs/reviews.md (the yearly review), docs/reports.md (the figures and "
	      "how each is counted).\n", f);
}

static void set_actor(struct actor *ac)
{
	const char *user = getenv("CADRE_USER");
	struct passwd *pw;

	memset(ac, 0, sizeof *ac);
	if (!user || !user[0]) {
		pw = getpwuid(getuid());
		user = pw ? pw->pw_name : "unknown";
	}
	/* The local command line acts on the whole tree, as the database file's owner. */
	snprintf(ac->name, sizeof ac->name, "cli:%s", user);
	snprintf(ac->address, sizeof ac->address, "local");
	ac->role = ROLE_SYS_ADMIN;
	ac->personnel = 1;
	ac->inspection = 1;
}

/* A command that waits for another writer says so (once), in words. */
static void wait_notice(long waited_ms, long max_ms)
{
	(void)waited_ms;
	fprintf(stderr, err_tr("cadre: another import or a server is writing to the database; "
			       "waiting up to %ld s for it to finish (--wait SECONDS)\n"),
		(max_ms + 999) / 1000);
}

/* --wait SECONDS: absent (NULL or "") keeps *out. Returns -1 when not 0-3600. */
static int wait_parse(const char *s, long *out)
{
	char *end;
	long v;

	if (!s || !s[0])
		return 0;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0 || v > 3600)
		return -1;
	*out = v;
	return 0;
}

int main(int argc, char **argv)
{
	struct cli c;
	const struct command *cmd = NULL;
	char **pos;
	const char *token;
	int i, npos, help, rc;
	const char *wait;
	long wait_s = 30;

	/* glibc gives memory back to the kernel whenever the top of the heap is 128 KiB free
	 * and maps every block of 128 KiB or more apart: an import that takes and frees a
	 * large record a row then pays a brk or munmap a row, each a TLB flush on every
	 * processor (most of a national meetings import's time). Keep up to 64 MiB. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 4 << 20);
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	memset(&c, 0, sizeof c);
	err_init(&c.e);
	cli_messages_escaped();
	{
		/* Messages follow the locale's language (POSIX order: LC_ALL, LC_MESSAGES,
		 * LANG); vi_VN.UTF-8 gives Vietnamese. */
		const char *loc = getenv("LC_ALL");

		if (!loc || !loc[0])
			loc = getenv("LC_MESSAGES");
		if (!loc || !loc[0])
			loc = getenv("LANG");
		err_lang_set(err_lang_of_locale(loc));
		if (err_lang()[0] == 'v')
			i18n_init();
	}
	c.db = getenv("CADRE_DB");
	if (!c.db || !c.db[0])
		c.db = "cadre.db";
	wait = getenv("CADRE_WAIT");
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			c.db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			c.db = argv[i] + 5;
		else if (strcmp(argv[i], "--json") == 0)
			c.json = 1;
		else if (strcmp(argv[i], "--wait") == 0 && i + 1 < argc)
			wait = argv[++i];
		else if (strncmp(argv[i], "--wait=", 7) == 0)
			wait = argv[i] + 7;
		else if (strcmp(argv[i], "--quiet") == 0)
			c.quiet = 1;
		else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(argv[i], "--man") == 0) {
			print_man(stdout);
			return 0;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("cadre 0.1 (schema %d)\n", app_schema_latest());
			return 0;
		} else {
			fprintf(stderr, err_tr("cadre: unknown option '%s'; see 'cadre --help'\n"), argv[i]);
			return err_exit_code(ERR_USAGE);
		}
	}
	if (i >= argc) {
		usage(stderr);
		return err_exit_code(ERR_USAGE);
	}
	if (wait_parse(wait, &wait_s)) {
		fprintf(stderr, err_tr("cadre: --wait (or CADRE_WAIT) '%s' must be a whole number "
				       "of seconds from 0 to 3600\n"), wait);
		return err_exit_code(ERR_USAGE);
	}
	/* The server bounds its writers' wait itself (cmd_serve); a command waits as long as
	 * asked for another import or a server to finish writing. */
	app_wait_set(wait_s * 1000, wait_notice);
	if (strcmp(argv[i], "help") == 0) {
		usage(stdout);
		return 0;
	}
	for (const struct command *k = cli_commands; k->group; k++) {
		if (strcmp(k->group, argv[i]) != 0)
			continue;
		if (!k->name) {
			cmd = k;
			i++;
			break;
		}
		if (i + 1 < argc && strcmp(k->name, argv[i + 1]) == 0) {
			cmd = k;
			i += 2;
			break;
		}
		/* A name of two words ("programme add"): the two next arguments. */
		if (i + 2 < argc && strchr(k->name, ' ') &&
		    strlen(argv[i + 1]) == (size_t)(strchr(k->name, ' ') - k->name) &&
		    !strncmp(k->name, argv[i + 1], strlen(argv[i + 1])) &&
		    !strcmp(strchr(k->name, ' ') + 1, argv[i + 2])) {
			cmd = k;
			i += 3;
			break;
		}
	}
	/* "inspection case --help": the usage of every command named "case ..." of the group. */
	if (!cmd && i + 2 < argc &&
	    (!strcmp(argv[i + 2], "--help") || !strcmp(argv[i + 2], "-h"))) {
		int shown = 0;
		size_t w = strlen(argv[i + 1]);

		for (const struct command *k = cli_commands; k->group; k++)
			if (!strcmp(k->group, argv[i]) && k->name && strchr(k->name, ' ') &&
			    !strncmp(k->name, argv[i + 1], w) && k->name[w] == ' ') {
				if (shown++)
					putchar('\n');
				cli_usage(stdout, k);
			}
		if (shown)
			return 0;
	}
	if (!cmd) {
		int group_known = 0;

		for (const struct command *k = cli_commands; k->group; k++)
			if (strcmp(k->group, argv[i]) == 0)
				group_known = 1;
		if (group_known) {
			fprintf(stderr, err_tr("cadre: '%s' needs one of:"), argv[i]);
			for (const struct command *k = cli_commands; k->group; k++)
				if (strcmp(k->group, argv[i]) == 0)
					fprintf(stderr, " %s", k->name);
			fprintf(stderr, "\n");
			if (i + 1 < argc && (strcmp(argv[i + 1], "--help") == 0))
				return 0;
		} else {
			fprintf(stderr, err_tr("cadre: unknown command '%s'; see 'cadre --help'\n"),
				argv[i]);
		}
		return err_exit_code(ERR_USAGE);
	}
	c.cmd = cmd;
	pos = xcalloc((size_t)argc + 1, sizeof *pos);
	rc = cli_parse(&c, cmd, argc, argv, i, pos, &npos, &help);
	if (rc || help) {
		if (help)
			cli_usage(stdout, cmd);
		free(pos);
		return rc;
	}
	set_actor(&c.actor);
	if (cmd->needs_db) {
		if (cmd->needs_db == 1 && access(c.db, F_OK) != 0) {
			fprintf(stderr, err_tr("cadre: error: there is no database at %s; create "
					       "one with 'cadre --db %s init' (or 'cadre --db %s "
					       "demo')\n"), c.db, c.db, c.db);
			free(pos);
			return err_exit_code(ERR_STORAGE);
		}
		if (app_open(&c.app, c.db, cmd->needs_db == 2, &c.e)) {
			rc = cli_fail(&c);
			goto out;
		}
		c.app_open = 1;
		c.app.quiet = c.quiet || c.json;
		/* With an API token, act as its account (its role and scope), never more than
		 * the file's owner: how a script or a test acts as a clerk of one cell. */
		token = getenv("CADRE_TOKEN");
		if (token && token[0] &&
		    app_login_token(&c.app, token, "local", &c.actor, &c.e)) {
			rc = cli_fail(&c);
			goto out;
		}
	}
	rc = cmd->run(&c, npos, pos);
	if (cli_json_broken && rc == 0)
		rc = err_exit_code(ERR_INTERNAL);
	cli_warnings(&c);
out:
	if (c.app_open)
		app_close(&c.app);
	err_cleanup(&c.e);
	free(pos);
	vname_shutdown();
	return rc;
}
