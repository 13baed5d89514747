/* cli.h - the command line: the command table, declared options, output helpers. */
#ifndef CADRE_CLI_H
#define CADRE_CLI_H

#include <jansson.h>
#include <stdio.h>

#include "../app/app.h"
#include "../app/app_json.h"

/* One declared option of a command. Options not declared are refused (Kore's habit: a
 * handler sees only validated input). */
struct opt {
	const char *name;   /* without the leading "--" */
	int has_arg;        /* 1: takes a value; 2: a value, and may be repeated */
	const char *help;
	const char *value;  /* set by the parser */
	int set;
};

#define CLI_REPEAT_MAX 64

/* The state of one run of the command. */
struct cli {
	const char *db;
	int json;
	int quiet;
	struct app app;
	int app_open;
	struct actor actor;
	struct err e;
	const struct command *cmd; /* the command being run */
	/* The values of repeated options (has_arg 2), in the order given. */
	struct {
		const char *name, *value;
	} rep[CLI_REPEAT_MAX];
	size_t nrep;
};

/* A command: "org add" is group "org", name "add". run returns an exit code. */
struct command {
	const char *group;
	const char *name;
	const char *args;    /* synopsis of positional arguments */
	const char *summary;
	struct opt *opts;    /* NULL-name terminated */
	int min_pos, max_pos;
	int (*run)(struct cli *c, int npos, char **pos);
	int needs_db;        /* 0: no database, 1: open existing, 2: create */
};

extern const struct command cli_commands[];

/* The value of option name of the running command, or NULL when not given. */
#define OPT(c, name) cli_opt((c)->cmd, name)
#define OPT_SET(c, name) cli_opt_set((c)->cmd, name)

/* The commands (one file per group). */
int cmd_init(struct cli *c, int npos, char **pos);
int cmd_demo(struct cli *c, int npos, char **pos);
int cmd_rules(struct cli *c, int npos, char **pos);
int cmd_org_add(struct cli *c, int npos, char **pos);
int cmd_org_edit(struct cli *c, int npos, char **pos);
int cmd_org_show(struct cli *c, int npos, char **pos);
int cmd_org_tree(struct cli *c, int npos, char **pos);
int cmd_org_rename(struct cli *c, int npos, char **pos);
int cmd_org_move(struct cli *c, int npos, char **pos);
int cmd_org_merge(struct cli *c, int npos, char **pos);
int cmd_org_split(struct cli *c, int npos, char **pos);
int cmd_org_dissolve(struct cli *c, int npos, char **pos);
int cmd_org_history(struct cli *c, int npos, char **pos);
/* cmd_find.c: the worklist and the organisation search. */
int cmd_worklist(struct cli *c, int npos, char **pos);
int cmd_org_find(struct cli *c, int npos, char **pos);
/* cmd_hb.c: the members' own accounts (docs/handbook.md). */
int cmd_hb_accounts(struct cli *c, int npos, char **pos);
int cmd_member_add(struct cli *c, int npos, char **pos);
int cmd_member_show(struct cli *c, int npos, char **pos);
int cmd_member_edit(struct cli *c, int npos, char **pos);
int cmd_member_list(struct cli *c, int npos, char **pos);
int cmd_member_search(struct cli *c, int npos, char **pos);
int cmd_member_status(struct cli *c, int npos, char **pos);
int cmd_member_transfer(struct cli *c, int npos, char **pos);
int cmd_member_receive(struct cli *c, int npos, char **pos);
int cmd_member_return(struct cli *c, int npos, char **pos);
int cmd_member_transfers(struct cli *c, int npos, char **pos);
int cmd_member_where(struct cli *c, int npos, char **pos);
int cmd_member_transfer_cancel(struct cli *c, int npos, char **pos);
int cmd_holiday_list(struct cli *c, int npos, char **pos);
int cmd_holiday_add(struct cli *c, int npos, char **pos);
int cmd_holiday_remove(struct cli *c, int npos, char **pos);
int cmd_import(struct cli *c, int npos, char **pos);
int cmd_audit_list(struct cli *c, int npos, char **pos);
int cmd_user_add(struct cli *c, int npos, char **pos);
int cmd_user_list(struct cli *c, int npos, char **pos);
/* cmd_insp.c: inspection and supervision (docs/inspection.md), with their options. */
extern struct opt insp_programme_add_opts[], insp_programme_list_opts[], insp_item_add_opts[],
	insp_case_open_opts[], insp_case_conclude_opts[], insp_case_notify_opts[],
	insp_case_followup_opts[], insp_case_close_opts[], insp_case_list_opts[];
int cmd_insp_programme_add(struct cli *c, int npos, char **pos);
int cmd_insp_programme_list(struct cli *c, int npos, char **pos);
int cmd_insp_programme_show(struct cli *c, int npos, char **pos);
int cmd_insp_item_add(struct cli *c, int npos, char **pos);
int cmd_insp_item_remove(struct cli *c, int npos, char **pos);
int cmd_insp_case_open(struct cli *c, int npos, char **pos);
int cmd_insp_case_conclude(struct cli *c, int npos, char **pos);
int cmd_insp_case_notify(struct cli *c, int npos, char **pos);
int cmd_insp_case_followup(struct cli *c, int npos, char **pos);
int cmd_insp_case_close(struct cli *c, int npos, char **pos);
int cmd_insp_case_list(struct cli *c, int npos, char **pos);
int cmd_insp_case_show(struct cli *c, int npos, char **pos);
/* cmd_complaint.c: complaints and denunciations (docs/inspection.md), with their options. */
extern struct opt complaint_add_opts[], complaint_list_opts[], complaint_settle_opts[],
	complaint_withdraw_opts[];
int cmd_complaint_add(struct cli *c, int npos, char **pos);
int cmd_complaint_list(struct cli *c, int npos, char **pos);
int cmd_complaint_show(struct cli *c, int npos, char **pos);
int cmd_complaint_settle(struct cli *c, int npos, char **pos);
int cmd_complaint_withdraw(struct cli *c, int npos, char **pos);
/* cmd_training.c: training records (docs/cadres.md), with their options. */
extern struct opt training_add_opts[], training_edit_opts[], training_list_opts[],
	training_figures_opts[];
int cmd_training_add(struct cli *c, int npos, char **pos);
int cmd_training_show(struct cli *c, int npos, char **pos);
int cmd_training_edit(struct cli *c, int npos, char **pos);
int cmd_training_delete(struct cli *c, int npos, char **pos);
int cmd_training_list(struct cli *c, int npos, char **pos);
int cmd_training_figures(struct cli *c, int npos, char **pos);
/* cmd_sheet.c: the cadre's own assessment and the cadre's sheet (docs/cadres.md). */
extern struct opt assessment_add_opts[], assessment_list_opts[], sheet_opts[];
int cmd_assessment_add(struct cli *c, int npos, char **pos);
int cmd_assessment_list(struct cli *c, int npos, char **pos);
int cmd_assessment_show(struct cli *c, int npos, char **pos);
int cmd_sheet(struct cli *c, int npos, char **pos);
/* cmd_plan.c: personnel planning (docs/cadres.md "Planning"), with their options. */
extern struct opt plan_periods_opts[], plan_show_opts[], plan_version_opts[],
	plan_change_opts[], plan_criteria_opts[], plan_targets_opts[];
int cmd_plan_periods(struct cli *c, int npos, char **pos);
int cmd_plan_period(struct cli *c, int npos, char **pos);
int cmd_plan_show(struct cli *c, int npos, char **pos);
int cmd_plan_approve(struct cli *c, int npos, char **pos);
int cmd_plan_review(struct cli *c, int npos, char **pos);
int cmd_plan_add(struct cli *c, int npos, char **pos);
int cmd_plan_remove(struct cli *c, int npos, char **pos);
int cmd_plan_rerank(struct cli *c, int npos, char **pos);
int cmd_plan_criteria(struct cli *c, int npos, char **pos);
int cmd_plan_targets(struct cli *c, int npos, char **pos);
int cmd_user_grant(struct cli *c, int npos, char **pos);
int cmd_user_revoke(struct cli *c, int npos, char **pos);
int cmd_token_add(struct cli *c, int npos, char **pos);
int cmd_token_revoke(struct cli *c, int npos, char **pos);
int cmd_serve(struct cli *c, int npos, char **pos);
int cmd_audit_verify(struct cli *c, int npos, char **pos);
int cmd_audit_head(struct cli *c, int npos, char **pos);
int cmd_export(struct cli *c, int npos, char **pos);
/* cmd_adm_export.c: an admissions list (kind: ADM_LIST_CASES or ADM_LIST_DUE of
 * app/app_adm_io.h) written to path as CSV or XLSX (--xlsx, or a name ending in .xlsx) with the
 * options --org, --stage (cases) and --as-of (due); returns the exit code. `admission list` and
 * `admission due` may call it for --csv FILE / --xlsx FILE. */
int cli_adm_download(struct cli *c, int kind, const char *path);
int cmd_adm_export(struct cli *c, int npos, char **pos);
int cmd_rules_add(struct cli *c, int npos, char **pos);
/* cmd_review.c: reviews, discipline, emulation, the figures. */
int cmd_review_member(struct cli *c, int npos, char **pos);
int cmd_review_org(struct cli *c, int npos, char **pos);
int cmd_review_history(struct cli *c, int npos, char **pos);
int cmd_review_sheet(struct cli *c, int npos, char **pos);
/* cmd_discipline.c */
int cmd_discipline_add(struct cli *c, int npos, char **pos);
int cmd_discipline_list(struct cli *c, int npos, char **pos);
int cmd_discipline_show(struct cli *c, int npos, char **pos);
int cmd_discipline_notify(struct cli *c, int npos, char **pos);
int cmd_emulation_models(struct cli *c, int npos, char **pos);
int cmd_emulation_add(struct cli *c, int npos, char **pos);
int cmd_emulation_ratings(struct cli *c, int npos, char **pos);
int cmd_emulation_rate(struct cli *c, int npos, char **pos);
int cmd_report(struct cli *c, int npos, char **pos);
int cmd_report_members(struct cli *c, int npos, char **pos);
int cmd_report_cases(struct cli *c, int npos, char **pos);
int cmd_rollup(struct cli *c, int npos, char **pos);
int cmd_figures_check(struct cli *c, int npos, char **pos);
int cmd_figures_rebuild(struct cli *c, int npos, char **pos);

/* cmd_admission.c: admissions (docs/admissions.md). */
int cmd_adm_add(struct cli *c, int npos, char **pos);
int cmd_adm_show(struct cli *c, int npos, char **pos);
int cmd_adm_step(struct cli *c, int npos, char **pos);
int cmd_adm_list(struct cli *c, int npos, char **pos);
int cmd_adm_due(struct cli *c, int npos, char **pos);

/* cmd_meeting.c: meetings (docs/meetings.md), with their options. */
extern struct opt meeting_add_opts[], meeting_attend_opts[], meeting_list_opts[],
	meeting_resolution_opts[], meeting_cancel_opts[];
int cmd_meeting_add(struct cli *c, int npos, char **pos);
int cmd_meeting_show(struct cli *c, int npos, char **pos);
int cmd_meeting_list(struct cli *c, int npos, char **pos);
int cmd_meeting_attend(struct cli *c, int npos, char **pos);
int cmd_meeting_resolution(struct cli *c, int npos, char **pos);
int cmd_meeting_cancel(struct cli *c, int npos, char **pos);
int cmd_meeting_minutes(struct cli *c, int npos, char **pos);
int cmd_meeting_figures(struct cli *c, int npos, char **pos); /* cmd_meet_fig.c */
int cmd_report_inspection(struct cli *c, int npos, char **pos); /* cmd_insp_fig.c */
int cmd_report_inspection_list(struct cli *c, int npos, char **pos);
/* The report as text, table after table (cmd_review.c). */
struct report;
void print_report_text(const struct report *r);

/* cmd_cadres.c: key cadres (docs/cadres.md), with their options. */
extern struct opt cadre_position_list_opts[], cadre_position_add_opts[], cadre_position_show_opts[],
	cadre_flag_opts[], cadre_appoint_opts[], cadre_dismiss_opts[], cadre_transfer_opts[],
	cadre_rotations_opts[], cadre_committee_add_opts[], cadre_committee_list_opts[],
	cadre_committee_show_opts[], cadre_committee_seat_opts[], cadre_committee_leave_opts[],
	cadre_vacancy_opts[], cadre_member_holdings_opts[];
int cmd_position_kinds(struct cli *c, int npos, char **pos);
int cmd_position_list(struct cli *c, int npos, char **pos);
int cmd_position_add(struct cli *c, int npos, char **pos);
int cmd_position_show(struct cli *c, int npos, char **pos);
int cmd_org_flag(struct cli *c, int npos, char **pos);
int cmd_appoint(struct cli *c, int npos, char **pos);
int cmd_dismiss(struct cli *c, int npos, char **pos);
int cmd_post_transfer(struct cli *c, int npos, char **pos);
int cmd_rotate(struct cli *c, int npos, char **pos);
int cmd_rotations(struct cli *c, int npos, char **pos);
int cmd_committee_add(struct cli *c, int npos, char **pos);
int cmd_committee_list(struct cli *c, int npos, char **pos);
int cmd_committee_show(struct cli *c, int npos, char **pos);
int cmd_committee_seat(struct cli *c, int npos, char **pos);
int cmd_committee_leave(struct cli *c, int npos, char **pos);
int cmd_vacancy(struct cli *c, int npos, char **pos);
int cmd_member_holdings(struct cli *c, int npos, char **pos);

/* Parse argv[from..] against opts; positional arguments go to pos (caller's array of argc
 * slots), *npos set. --json and --help are understood everywhere. Returns 0, or an exit
 * code after printing the problem. */
int cli_parse(struct cli *c, const struct command *cmd, int argc, char **argv, int from,
	      char **pos, int *npos, int *help);
const char *cli_opt(const struct command *cmd, const char *name);
int cli_opt_set(const struct command *cmd, const char *name);
/* The values given to the repeatable option name (has_arg 2), in order, into out[0..cap);
 * returns how many were given. */
size_t cli_opt_all(const struct cli *c, const char *name, const char **out, size_t cap);
/* Print cmd's help (synopsis, summary, options) to f in the language of LANG (err_tr). */
void cli_usage(FILE *f, const struct command *cmd);
/* Print one help line: "  head", padded to width characters (UTF-8 counted as characters),
 * then " text". */
void cli_help_line(FILE *f, const char *head, int width, const char *text);

/* Print every problem of c->e to standard error (and as JSON to standard output with
 * --json); return the exit code of its code. */
int cli_fail(struct cli *c);
/* Print warnings collected by the app (a->warn). */
void cli_warnings(struct cli *c);
/* Parse an option's date ("YYYY-MM-DD"; NULL or "" -> DATE_NONE). Adds to c->e. */
int cli_date(struct cli *c, const char *name, const char *s, date_t *out);
/* Parse a positive id. */
int cli_id(struct cli *c, const char *name, const char *s, int64_t *out);
/* Parse a non-negative count ("" -> -1). */
int cli_count(struct cli *c, const char *name, const char *s, long *out);
/* Parse a year (1900-9999) into *out; NULL or "" gives 0, refused when required. */
int cli_year(struct cli *c, const char *name, const char *s, int required, int *out);

/* Print a JSON value to standard output (UTF-8 as is, indented), and free it. */
void cli_json_out(json_t *j);
/* Set when cli_json_out was given NULL (jansson failed): the command then exits 70. */
extern int cli_json_broken;
/* Append item to the list arr; a NULL item (jansson failed) sets cli_json_broken and says so,
 * so a list never silently loses a row. */
void cli_json_push(json_t *arr, json_t *item);
/* Make stderr the messages stream: control bytes echoed from input are written as visible
 * escapes (\x1b), never raw. Called once at start. */
void cli_messages_escaped(void);
/* A date as a JSON string, or null. */

/* A text table: add rows of cells, then print with columns aligned by display width. */
struct table {
	size_t ncols, nrows, cap;
	char **cells; /* nrows * ncols, owned */
};
void table_init(struct table *t, size_t ncols);
void table_row(struct table *t, ...); /* ncols strings */
void table_rowv(struct table *t, const char *const *cells); /* cells[0..ncols) */
void table_print(struct table *t, FILE *f);
void table_cleanup(struct table *t);
/* Finish a listing command: on failure (rc) print the problems; otherwise print arr as JSON
 * with --json, else the table (or empty_msg on standard error when it has only its header).
 * Frees both. Returns the exit code. */
int cli_list_end(struct cli *c, struct table *t, json_t *arr, enum err_code rc,
		 const char *empty_msg);
/* Members as 'member list' shows them: a JSON array when arr is set, else rows of t (made by
 * member_table_init). member_out is a store_member_cb over a struct member_out. */
struct member_out {
	json_t *arr;
	struct table *t;
};
void member_table_init(struct table *t);
int member_out(void *ctx, const struct member *m);
/* Display width of UTF-8 text (code points, combining marks as 0). */
size_t cli_width(const char *s);

#endif
