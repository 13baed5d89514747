/* fuzz_import.c - libFuzzer target: organisation and member CSV imports into a fresh
 * in-memory database, the whole path a file from outside takes (CSV, validation, rules,
 * names, the store). The input is split at the first 0x00 byte into the organisations file
 * and the members file. Invariants: no crash or sanitizer report; an import either succeeds
 * or reports at least one problem; a failed import leaves no row behind. */
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
	struct import_opts o;
	struct import_result r;
	long total_before, orgs_before = 0, orgs_after = 0;
	FILE *f;

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
	memset(&o, 0, sizeof o);
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
		f = fmemopen((void *)(uintptr_t)data, norgs, "rb");
		if (f) {
			o.in = f;
			if (app_import_orgs(&a, &ac, &o, &r, &e) != ERR_OK) {
				if (e.n == 0)
					abort(); /* a refusal always says why */
				app_org_total(&a, &orgs_after, &e);
				if (orgs_after != orgs_before)
					abort(); /* nothing half-written */
			}
			fclose(f);
		}
	}
	err_clear(&e);
	if (sep && size > norgs + 1) {
		total_before = count_members(&a, &ac);
		f = fmemopen((void *)(uintptr_t)(sep + 1), size - norgs - 1, "rb");
		if (f) {
			o.in = f;
			if (app_import_members(&a, &ac, &o, &r, &e) != ERR_OK) {
				if (e.n == 0)
					abort();
				if (count_members(&a, &ac) != total_before)
					abort();
			}
			fclose(f);
		}
	}
	err_cleanup(&e);
	app_close(&a);
	return 0;
}
