/* cmd_adm_export.c - cadre admission export FILE: an admissions list (the cases of a subtree
 * at a stage, or what is due) as CSV or XLSX, the table app_adm_export writes for the API's
 * downloads too. */
#include <string.h>
#include <strings.h>

#include "../app/app_adm_io.h"
#include "cli.h"

/* Whether path names a workbook (ends in .xlsx, any case). */
static int xlsx_name(const char *path)
{
	size_t n = strlen(path);

	return n > 5 && !strcasecmp(path + n - 5, ".xlsx");
}

int cli_adm_download(struct cli *c, int kind, const char *path)
{
	struct adm_list_query q;
	const char *v = OPT(c, "stage");

	memset(&q, 0, sizeof q);
	q.kind = kind == ADM_LIST_DUE ? ADM_LIST_DUE : ADM_LIST_CASES;
	q.org_code = OPT(c, "org");
	q.stage = -1;
	q.as_of = DATE_NONE;
	if (kind == ADM_LIST_CASES && v && v[0] && strcmp(v, "open")) {
		if (!strcmp(v, "all"))
			q.stage = AST__COUNT;
		else if ((q.stage = adm_stage_parse(v)) < 0) {
			err_add(&c->e, ERR_USAGE, 0, "stage", v, NULL,
				"the stage is one of candidate, class, applied, verified, "
				"cell_passed, committee_passed, decided, probation, referred, "
				"official, removed, withdrawn, refused, open or all");
			return cli_fail(c);
		}
	}
	if (kind == ADM_LIST_DUE && cli_date(c, "as-of", OPT(c, "as-of"), &q.as_of))
		return cli_fail(c);
	if (app_adm_export_file(&c->app, &c->actor, &q,
				OPT_SET(c, "xlsx") || xlsx_name(path) ? TABLE_XLSX : TABLE_CSV, path,
				&c->e))
		return cli_fail(c);
	return 0;
}

int cmd_adm_export(struct cli *c, int npos, char **pos)
{
	(void)npos;
	return cli_adm_download(c, OPT_SET(c, "due") ? ADM_LIST_DUE : ADM_LIST_CASES, pos[0]);
}
