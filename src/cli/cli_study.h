/* cli_study.h - the commands of documents, their study and action programmes (cmd_study.c,
 * docs/study.md), and their declared options, for the command table in main.c. */
#ifndef CADRE_CLI_STUDY_H
#define CADRE_CLI_STUDY_H

#include "cli.h"

extern struct opt doc_add_opts[], doc_list_opts[], doc_list_file_opts[], study_plan_opts[], study_session_opts[],
	study_attend_opts[], study_confirm_opts[], study_cov_opts[], action_prog_opts[], action_item_opts[],
	action_result_opts[], action_list_opts[];

int cmd_doc_add(struct cli *c, int npos, char **pos);
int cmd_doc_show(struct cli *c, int npos, char **pos);
int cmd_doc_list(struct cli *c, int npos, char **pos);
int cmd_study_plan(struct cli *c, int npos, char **pos);
int cmd_study_session(struct cli *c, int npos, char **pos);
int cmd_study_attend(struct cli *c, int npos, char **pos);
int cmd_study_confirm(struct cli *c, int npos, char **pos);
int cmd_study_coverage(struct cli *c, int npos, char **pos);
int cmd_action_programme(struct cli *c, int npos, char **pos);
int cmd_action_item(struct cli *c, int npos, char **pos);
int cmd_action_result(struct cli *c, int npos, char **pos);
int cmd_action_list(struct cli *c, int npos, char **pos);

#define CLI_STUDY_COMMANDS                                                                    \
	{"doc", "add", "NUMBER", N_("Register a document: its number as written (21-NQ/TW, "     \
				   "2008/HD-CT, 54/2017/TT-BQP), date, title, what it replaces."),  \
	 doc_add_opts, 1, 1, cmd_doc_add, 1},                                                   \
	{"doc", "show", "ID|NUMBER", N_("A document, what it replaces and what replaces it, its " \
					"study plans and sessions."), doc_list_opts, 1, 1,          \
	 cmd_doc_show, 1},                                                                      \
	{"doc", "list", "[WORDS...]", N_("The documents you see, newest first; words search the " \
					 "number and title without accents (nghi quyet 21, 21-nq)."),\
	 doc_list_file_opts, 0, 6, cmd_doc_list, 1},                                                 \
	{"study", "plan", "DOCUMENT", N_("Add a study plan (--org introduces it to --audience's "  \
					 "--tier), or list the document's plans without --org."),  \
	 study_plan_opts, 1, 1, cmd_study_plan, 1},                                             \
	{"study", "session", "DOCUMENT", N_("Record a study session of a document held by --org " \
					    "(--makeup-of: a make-up session)."),                   \
	 study_session_opts, 1, 1, cmd_study_session, 1},                                       \
	{"study", "attend", "SESSION MEMBER_ID...", N_("Record the attendance of members at a "    \
						       "study session."),                           \
	 study_attend_opts, 2, 64, cmd_study_attend, 1},                                        \
	{"study", "confirm", "DOCUMENT MEMBER_ID", N_("Record that a member confirms having "       \
						      "studied a document (as the handbook does)."), \
	 study_confirm_opts, 2, 2, cmd_study_confirm, 1},                                       \
	{"study", "coverage", "DOCUMENT", N_("A document's coverage in a subtree: members covered " \
					     "over members on the rolls, organisations that have "  \
					     "studied it, those missing."),                         \
	 study_cov_opts, 1, 1, cmd_study_coverage, 1},                                          \
	{"action", "programme", "DOCUMENT", N_("Add an organisation's action programme for a "     \
					       "document and year."),                               \
	 action_prog_opts, 1, 1, cmd_action_programme, 1},                                      \
	{"action", "item", "PROGRAMME", N_("Add an item to an action programme."),                \
	 action_item_opts, 1, 1, cmd_action_item, 1},                                           \
	{"action", "result", "PROGRAMME SEQ", N_("Record the year-end result of an item."),       \
	 action_result_opts, 2, 2, cmd_action_result, 1},                                       \
	{"action", "list", "[PROGRAMME]", N_("The action programmes of a subtree, or one with its " \
					     "items."), action_list_opts, 0, 1, cmd_action_list, 1},

#endif
