/* fuzz_import.c - libFuzzer target: organisation and member CSV imports into a fresh
 * in-memory database, through app_import_body, the very path an API upload takes (CSV,
 * formulas read back, validation, rules, names, ids of any size, duplicates, unique numbers,
 * the store, the bounded answer and the report). The input is split at the first 0x00 byte
 * into the organisations file and the members file; the input's size picks ?skip_bad (bit 0)
 * and ?allow_duplicates (bit 1). Invariants: no crash or sanitizer report; an import either
 * succeeds with an answer or reports at least one problem; a failed import leaves no row
 * behind; a repeat with the same Idempotency-Key imports nothing more. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/app.h"

static long count_members(struct app *a, const struct actor *ac)
{
	long counts[MS__COUNT] = {0}, hosted = 0, n = 0;
	struct err e;
	int i;

	err_init(&e);
	if (app_org_counts(a, ac, "R", counts, &hosted, &e) == ERR_OK)
		for (i = 0; i < MS__COUNT; i++)
			n += counts[i];
	err_cleanup(&e);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = memchr(data, 0, size);
	size_t norgs = sep ? (size_t)(sep - data) : size;
	struct app a;
	struct actor ac;
	struct err e;
	long total_before, orgs_before = 0, orgs_after = 0;

	setenv("CADRE_TODAY", "2026-11-23", 1);
	err_init(&e);
	if (app_open(&a, ":memory:", 1, &e)) {
		err_cleanup(&e);
		return 0;
	}
	a.quiet = 1;
	memset(&ac, 0, sizeof ac);
	strcpy(ac.name, "fuzz");
	ac.role = ROLE_SYS_ADMIN;
	/* A root for files that do not bring one. */
	{
		struct org root;

		memset(&root, 0, sizeof root);
		root.militia = root.self_defence = root.reserve = -1;
		strcpy(root.code, "R");
		strcpy(root.name, "Root");
		root.kind = OK_COMMITTEE;
		date_parse("2000-01-01", &root.established, NULL);
		app_org_add(&a, &ac, &root, &e);
		err_clear(&e);
	}
	app_org_total(&a, &orgs_before, &e);
	if (norgs) {
		struct import_request q = {"orgs", (const char *)data, norgs, (int)(size & 1),
					   (int)(size >> 1 & 1), NULL, NULL, NULL, NULL, 0};
		json_t *ans = NULL;

		if (app_import_body(&a, &ac, &q, &ans, &e) != ERR_OK) {
			if (e.n == 0)
				abort(); /* a refusal always says why */
			app_org_total(&a, &orgs_after, &e);
			if (orgs_after != orgs_before)
				abort(); /* nothing half-written */
		} else if (!json_is_object(ans)) {
			abort(); /* an import that committed has its answer */
		}
		json_decref(ans);
	}
	err_clear(&e);
	if (sep && size > norgs + 1) {
		struct import_request q = {"members", (const char *)sep + 1, size - norgs - 1,
					   (int)(size & 1), (int)(size >> 1 & 1), "fuzz-key",
					   NULL, NULL, NULL, 0};
		json_t *ans = NULL;
		long after;

		total_before = count_members(&a, &ac);
		if (app_import_body(&a, &ac, &q, &ans, &e) != ERR_OK) {
			if (e.n == 0)
				abort();
			if (count_members(&a, &ac) != total_before)
				abort();
		} else {
			if (!json_is_object(ans))
				abort();
			json_decref(ans);
			ans = NULL;
			after = count_members(&a, &ac);
			err_clear(&e);
			/* The same key again: the first answer, nothing imported. */
			if (app_import_body(&a, &ac, &q, &ans, &e) != ERR_OK ||
			    !json_is_true(json_object_get(ans, "replayed")) ||
			    count_members(&a, &ac) != after)
				abort();
		}
		json_decref(ans);
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
