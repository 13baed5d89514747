/* cmd_io.c - cadre import orgs|members|reviews|org-reviews|candidates|meetings|attendance|
 * documents|training|holdings|committees FILE, cadre export orgs|members FILE. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "../app/app_review_io.h"
#include "cli.h"

/* What a file holds: 0 orgs, 1 members, 2 member reviews, 3 organisation reviews, 4
 * candidates for admission, 5 meetings, 6 attendance, 7 documents (import only: reviews 0
 * when not allowed). Kinds 2, 3, 5, 6 and 7 are imported all or nothing. */
static int which(struct cli *c, const char *what, int reviews)
{
	if (strcmp(what, "orgs") == 0)
		return 0;
	if (strcmp(what, "members") == 0)
		return 1;
	if (reviews && strcmp(what, "reviews") == 0)
		return 2;
	if (reviews && strcmp(what, "org-reviews") == 0)
		return 3;
	if (reviews && strcmp(what, "candidates") == 0)
		return 4;
	if (reviews && strcmp(what, "meetings") == 0)
		return 5;
	if (reviews && strcmp(what, "attendance") == 0)
		return 6;
	if (reviews && strcmp(what, "documents") == 0)
		return 7;
	if (reviews && strcmp(what, "training") == 0)
		return 8;
	if (reviews && strcmp(what, "holdings") == 0)
		return 9;
	if (reviews && strcmp(what, "committees") == 0)
		return 10;
	if (reviews && strcmp(what, "programmes") == 0)
		return 11;
	if (reviews && strcmp(what, "cases") == 0)
		return 12;
	if (reviews && strcmp(what, "discipline") == 0)
		return 13;
	if (reviews && strcmp(what, "complaints") == 0)
		return 14;
	err_add(&c->e, ERR_USAGE, 0, NULL, what, NULL, reviews ?
		"say what to import: 'orgs', 'members', 'reviews', 'org-reviews', 'candidates', "
		"'meetings', 'attendance', 'documents', 'training', 'holdings', "
		"'committees', 'programmes', 'cases', 'discipline' or 'complaints'" :
		"say what to export: 'orgs' or 'members'");
	return -1;
}

int cmd_import(struct cli *c, int npos, char **pos)
{
	struct import_opts o;
	struct import_result r;
	struct stat sb;
	FILE *rej = NULL;
	char hex[65], key[80];
	int kind, rc;

	(void)npos;
	memset(&o, 0, sizeof o);
	memset(&r, 0, sizeof r);
	memset(&sb, 0, sizeof sb);
	if ((kind = which(c, pos[0], 1)) < 0)
		return cli_fail(c);
	if ((kind == 2 || kind == 3) && OPT(c, "skip-bad")) {
		err_add(&c->e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			"reviews are imported all or nothing (the quota is counted over the whole "
			"file): fix the bad rows instead of skipping them");
		return cli_fail(c);
	}
	if (kind == 7 && OPT(c, "skip-bad")) {
		err_add(&c->e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			"documents are imported all or nothing: fix the bad rows instead of "
			"skipping them");
		return cli_fail(c);
	}
	if (kind == 8 && OPT(c, "skip-bad")) {
		err_add(&c->e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			"training records are imported all or nothing: fix the bad rows instead of "
			"skipping them");
		return cli_fail(c);
	}
	if (kind >= 9 && OPT(c, "skip-bad")) {
		err_add(&c->e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			"%s are imported all or nothing: fix the bad rows instead of skipping them",
			pos[0]);
		return cli_fail(c);
	}
	if (OPT_SET(c, "create-positions") && kind != 9) {
		err_add(&c->e, ERR_USAGE, 0, "create-positions", NULL, NULL,
			"--create-positions is for 'import holdings' only");
		return cli_fail(c);
	}
	if ((kind == 5 || kind == 6) && OPT(c, "skip-bad")) {
		err_add(&c->e, ERR_USAGE, 0, "skip-bad", NULL, NULL,
			"meetings and attendance are imported all or nothing: fix the bad rows "
			"instead of skipping them");
		return cli_fail(c);
	}
	o.in_name = pos[1];
	o.in = strcmp(pos[1], "-") ? fopen(pos[1], "rb") : stdin;
	if (!o.in) {
		err_add(&c->e, ERR_INPUT, 0, NULL, pos[1], NULL, "cannot open %s: %s", pos[1],
			strerror(errno));
		return cli_fail(c);
	}
	if (fstat(fileno(o.in), &sb) == 0 && S_ISREG(sb.st_mode))
		o.in_size = sb.st_size;
	o.allow_duplicates = OPT_SET(c, "allow-duplicates");
	o.create_positions = OPT_SET(c, "create-positions");
	if (OPT_SET(c, "once")) {
		/* The key is the file's content: the same roll sent twice is imported once. */
		if (o.in == stdin || !S_ISREG(sb.st_mode)) {
			err_add(&c->e, ERR_USAGE, 0, "once", NULL, NULL,
				"--once needs a file (its content is hashed first), not standard "
				"input");
			if (o.in != stdin)
				fclose(o.in);
			return cli_fail(c);
		}
		if (app_file_sha256(o.in, hex)) {
			err_add(&c->e, ERR_INPUT, 0, NULL, pos[1], NULL, "cannot read %s: %s",
				pos[1], strerror(errno));
			fclose(o.in);
			return cli_fail(c);
		}
		snprintf(key, sizeof key, "sha256:%s", hex);
		o.once_key = key;
		o.sha256 = hex;
	}
	if (OPT(c, "skip-bad")) {
		rej = fopen(OPT(c, "skip-bad"), "wb");
		if (!rej) {
			err_add(&c->e, ERR_USAGE, 0, "skip-bad", OPT(c, "skip-bad"), NULL,
				"cannot write the rejects file: %s", strerror(errno));
			if (o.in != stdin)
				fclose(o.in);
			return cli_fail(c);
		}
		o.rejects = rej;
	}
	rc = app_import_run(&c->app, &c->actor, pos[0], &o, &r, &c->e);
	if (o.in != stdin)
		fclose(o.in);
	if (rej && fclose(rej) && !rc)
		rc = err_set(&c->e, ERR_STORAGE, "cannot finish writing the rejects file");
	if (rc) {
		int code = cli_fail(c);

		if (r.rows == 0 || r.rejected == 0 || rc == ERR_STORAGE)
			fputs(err_tr("cadre: nothing was imported\n"), stderr);
		else if (kind == 2 || kind == 3 || kind >= 5)
			fprintf(stderr, err_tr("cadre: nothing was imported: %ld of %ld rows have "
					       "problems; fix them and import the whole file again\n"),
				r.rejected, r.rows);
		else
			fprintf(stderr, err_tr("cadre: nothing was imported: %ld of %ld rows have "
					       "problems; fix them and import again, or use --skip-bad "
					       "FILE to import the good rows\n"),
				r.rejected, r.rows);
		return code;
	}
	if (r.replayed) {
		if (c->json)
			cli_json_out(json_pack("{s:s,s:b,s:s,s:I,s:I,s:I}", "imported", pos[0],
					       "already_imported", 1, "first_imported_at",
					       r.replayed_at, "rows", (json_int_t)r.rows,
					       "imported_rows", (json_int_t)r.imported,
					       "report_id", (json_int_t)r.report_id));
		else
			printf("%s was already imported on %s (%ld %s of %ld rows); nothing was "
			       "imported again\n", pos[1], r.replayed_at, r.imported, pos[0],
			       r.rows);
		return 0;
	}
	if (c->json)
		cli_json_out(json_pack("{s:s,s:I,s:I,s:I,s:I}", "imported", pos[0], "rows",
				       (json_int_t)r.rows, "imported_rows", (json_int_t)r.imported,
				       "rejected", (json_int_t)r.rejected, "warnings",
				       (json_int_t)r.warnings));
	else
		printf("imported %ld %s of %ld rows%s", r.imported, pos[0], r.rows,
		       r.rejected ? "" : "\n");
	if (r.rejected && !c->json)
		printf("; %ld rejected rows written with their reasons to %s\n", r.rejected,
		       OPT(c, "skip-bad"));
	return 0;
}

int cmd_export(struct cli *c, int npos, char **pos)
{
	FILE *out;
	int kind, rc;

	(void)npos;
	if ((kind = which(c, pos[0], 0)) < 0)
		return cli_fail(c);
	out = strcmp(pos[1], "-") ? fopen(pos[1], "wb") : stdout;
	if (!out) {
		err_add(&c->e, ERR_USAGE, 0, NULL, pos[1], NULL, "cannot write %s: %s", pos[1],
			strerror(errno));
		return cli_fail(c);
	}
	rc = kind == 0 ? app_export_orgs(&c->app, &c->actor, out, &c->e)
		       : app_export_members(&c->app, &c->actor, out, &c->e);
	if (out != stdout && fclose(out) && !rc)
		rc = err_set(&c->e, ERR_STORAGE, "cannot finish writing %s", pos[1]);
	if (rc) {
		if (out != stdout)
			remove(pos[1]);
		return cli_fail(c);
	}
	return 0;
}
