/* fuzz_docnum.c - libFuzzer target: the number of a document (core/docnum.c) on any bytes.
 * Invariants: no crash or sanitizer report; a refusal says where (an offset within the input,
 * or at the 200-byte limit) and what was expected; an accepted number is valid NUL-ended text
 * within its fields' sizes, names a known type, and is a fixed point: its canonical spelling
 * parses again to the same number, num, type and issuer; its folded form has no upper case. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/docnum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(x)                                                                        \
	do {                                                                            \
		if (!(x)) {                                                             \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #x); \
			abort();                                                        \
		}                                                                       \
	} while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct docnum d, again;
	struct docnum_error pe = {0, NULL};
	char fold[DOCNUM_MAX];
	size_t i;

	if (docnum_parse((const char *)data, size, &d, &pe) != 0) {
		CHECK(pe.expected && pe.expected[0]);
		CHECK(pe.offset <= size || pe.offset == DOCNUM_INPUT_MAX);
		return 0;
	}
	CHECK(size <= DOCNUM_INPUT_MAX);
	CHECK(memchr(d.number, 0, sizeof d.number) && memchr(d.num, 0, sizeof d.num));
	CHECK(memchr(d.type, 0, sizeof d.type) && memchr(d.issuer, 0, sizeof d.issuer));
	CHECK(d.number[0] >= '0' && d.number[0] <= '9');
	CHECK(d.type_index >= 0 && docnum_types[d.type_index].code);
	CHECK(!strcmp(docnum_types[d.type_index].code, d.type));
	CHECK(d.issuer[0]);
	CHECK(docnum_parse(d.number, strlen(d.number), &again, &pe) == 0);
	CHECK(!strcmp(again.number, d.number) && !strcmp(again.num, d.num));
	CHECK(!strcmp(again.type, d.type) && !strcmp(again.issuer, d.issuer));
	CHECK(again.shape == d.shape);
	docnum_fold(d.number, fold, sizeof fold);
	for (i = 0; fold[i]; i++)
		CHECK(!(fold[i] >= 'A' && fold[i] <= 'Z'));
	return 0;
}
