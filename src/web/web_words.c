/* web_words.c - codes shown in words on pages, in the page's language: the audit log's
 * actions, the actors ("cli:root"), and the coded values and keys inside stored details
 * (grades, steps, roles, sources, "score: -1"). JSON and CSV keep the codes. */
#include <string.h>

#include "../core/admission.h"
#include "pages.h"

static const struct {
	const char *code, *label;
} action_labels[] = {
	{"member.read", N_("Member record opened")},
	{"member.add", N_("Member added")},
	{"member.edit", N_("Member record edited")},
	{"member.status", N_("Member status changed")},
	{"member.transfer_sent", N_("Transfer sent")},
	{"member.transfer_received", N_("Transfer received")},
	{"member.transfer_cancelled", N_("Transfer cancelled")},
	{"member.transfer_returned", N_("Temporary stay ended")},
	{"member.transfer_redirected", N_("Transfer redirected")},
	{"member.merge", N_("Member moved by a merger")},
	{"member.split", N_("Member moved by a split")},
	{"member.dissolve", N_("Member moved by a dissolution")},
	{"members.list", N_("Member list read")},
	{"members.search", N_("Members searched")},
	{"org.establish", N_("Organisation established")},
	{"org.edit", N_("Organisation edited")},
	{"org.rename", N_("Organisation renamed")},
	{"org.move", N_("Organisation moved")},
	{"org.merge", N_("Organisations merged")},
	{"org.split", N_("Organisation split")},
	{"org.dissolve", N_("Organisation dissolved")},
	{"review.member.self", N_("Member's self-assessment")},
	{"review.member.proposal", N_("Member's grade proposed")},
	{"review.member.decision", N_("Member's grade decided")},
	{"review.org.self", N_("Organisation's self-assessment")},
	{"review.org.proposal", N_("Organisation's grade proposed")},
	{"review.org.decision", N_("Organisation's grade decided")},
	{"discipline.add", N_("Discipline recorded")},
	{"emulation.model.add", N_("Emulation model added")},
	{"emulation.rate", N_("Emulation rating recorded")},
	{"account.add", N_("Account created")},
	{"account.login", N_("Signed in")},
	{"token.add", N_("API token issued")},
	{"token.revoke", N_("API token revoked")},
	{"rule.add", N_("Rule version added")},
	{"holiday.add", N_("Holiday added")},
	{"holiday.remove", N_("Holiday removed")},
	{"import.orgs", N_("Organisations imported")},
	{"import.members", N_("Members imported")},
	{"import.reviews", N_("Reviews imported")},
	{"export.members", N_("Members exported")},
	{"report.download", N_("Report downloaded")},
	{"report.members", N_("Members behind a report figure read")},
	{"figures.rebuild", N_("Figures rebuilt")},
	{"admission.add", N_("Candidate for admission added")},
	{"admission.read", N_("Admission record opened")},
	{"admission.class", N_("Admission: awareness class recorded")},
	{"admission.application", N_("Admission: application recorded")},
	{"admission.verification", N_("Admission: verification recorded")},
	{"admission.cell_vote", N_("Admission: the cell's vote recorded")},
	{"admission.committee_vote", N_("Admission: the grassroots committee's vote recorded")},
	{"admission.decision", N_("Admission: decision recorded")},
	{"admission.ceremony", N_("Admission: ceremony recorded")},
	{"admission.recognition_vote", N_("Admission: recognition vote recorded")},
	{"admission.upper_ruling", N_("Admission: ruling of the committee above recorded")},
	{"admission.withdrawal", N_("Admission: case withdrawn")},
	{"admission.transfer", N_("Admission: case moved to another cell")},
	{NULL, NULL},
};

/* Keys and values of stored details that page_common's word table does not hold. */
static const struct {
	const char *code, *label;
} more_words[] = {
	{"org", N_("Organisation")},
	{"year", N_("Year")},
	{"grade", N_("Grade")},
	{"score", N_("Score")},
	{"revision", N_("Revision")},
	{"rules", N_("Rules applied")},
	{"role", N_("Role")},
	{"scope", N_("Scope")},
	{"step", N_("Step")},
	{"body", N_("Deciding body")},
	{"form", N_("Form")},
	{"member_id", N_("Member")},
	{"members_to", N_("Members go to")},
	{"into", N_("Into")},
	{"date", N_("Date")},
	{"until", N_("Until")},
	{"model", N_("Model")},
	{"version", N_("Version")},
	{"met", N_("Criteria met")},
	{"title", N_("Title")},
	{"value", N_("Value")},
	{"rows", N_("Rows")},
	{"imported", N_("Imported")},
	{"rejected", N_("Rejected")},
	{"file", N_("File")},
	{"filter", N_("Filter")},
	{"format", N_("Format")},
	{"count", N_("Count")},
	{"standing_board", N_("Cell committee")},
	{"grassroots_type", N_("Grassroots type")},
	{"militia", N_("Militia")},
	{"self_defence", N_("Self-defence")},
	{"account", N_("Account")},
	{"viewer", N_("Viewer")},
	{"clerk", N_("Clerk")},
	{"org_admin", N_("Organisation administrator")},
	{"sys_admin", N_("System administrator")},
	{"manual", N_("Entered by hand")},
	{"demo", N_("Demo data")},
	/* The keys of admission entries (app_admission.c) and their steps' details. */
	{"listed_on", N_("Listed on")},
	{"former_member_id", N_("Former member record")},
	{"stage", N_("Stage")},
	{"passed", N_("Passed")},
	{"number", N_("Number")},
	{"detail", N_("Details")},
	{"mentor_id", N_("Mentor")},
	{"course", N_("Course")},
	{"certificate", N_("Certificate")},
	{"verifier", N_("Verified by")},
	{"conclusion", N_("Conclusion")},
	{"late", N_("Late")},
	{"closes_as", N_("Closed as")},
	{"member_status", N_("Member status")},
	{"opened_at", N_("Opened at")},
	{"resolution", N_("Resolution")},
	{NULL, NULL},
};

const char *web_action_label(const struct req *r, const char *action)
{
	size_t i;

	for (i = 0; action_labels[i].code; i++)
		if (!strcmp(action_labels[i].code, action))
			return web_tr(r, action_labels[i].label);
	return action;
}

const char *web_word_more(const struct req *r, const char *key)
{
	size_t i;

	for (i = 0; more_words[i].code; i++)
		if (!strcmp(more_words[i].code, key))
			return web_tr(r, more_words[i].label);
	return key;
}

void web_actor(struct req *r, const char *actor)
{
	if (!strncmp(actor, "cli:", 4)) {
		/* The command line on the server, run by that system user. */
		TR(r, "command line");
		H(r, " (");
		T(r, actor + 4);
		H(r, ")");
	} else {
		T(r, actor);
	}
}

/* The stage of an admission case in words (as the board's columns name them). */
static const char *const adm_stage_words[AST__COUNT] = {
	[AST_CANDIDATE] = N_("Candidates"),
	[AST_CLASS] = N_("Awareness class passed"),
	[AST_APPLIED] = N_("Application filed"),
	[AST_VERIFIED] = N_("Personal history verified"),
	[AST_CELL_PASSED] = N_("Passed by the cell"),
	[AST_COMMITTEE_PASSED] = N_("Passed by the grassroots committee"),
	[AST_DECIDED] = N_("Admission decided"),
	[AST_PROBATION] = N_("Probationary members"),
	[AST_REFERRED] = N_("Referred to the committee above"),
	[AST_OFFICIAL] = N_("Recognised as official"),
	[AST_REMOVED] = N_("Removed from the rolls"),
	[AST_WITHDRAWN] = N_("Withdrawn"),
	[AST_REFUSED] = N_("Refused by the committee above"),
};

const char *web_code_value(const struct req *r, const char *key, const char *value)
{
	enum role role;
	int v;

	if (!strcmp(key, "grade") && (v = grade_parse(value)) >= 0)
		return web_grade_label(r, (enum grade)v);
	if (!strcmp(key, "step") && (v = review_step_parse(value)) >= 0)
		return web_step_label(r, (enum review_step)v);
	if (!strcmp(key, "form") && (v = discipline_form_parse(value)) >= 0)
		return web_discipline_label(r, (enum discipline_form)v);
	if ((!strcmp(key, "stage") || !strcmp(key, "closes_as") || !strcmp(key, "opened_at")) &&
	    (v = adm_stage_parse(value)) >= 0)
		return web_tr(r, adm_stage_words[v]);
	if (!strcmp(key, "role") && !role_parse(value, &role))
		return web_word_more(r, value);
	if (!strcmp(key, "source") || !strcmp(key, "category") || !strcmp(key, "theory_level") ||
	    !strcmp(key, "grassroots_type") || !strcmp(key, "kind") || !strcmp(key, "sex")) {
		const char *w = web_word(r, value);

		return w != value ? w : web_word_more(r, value);
	}
	return value;
}
