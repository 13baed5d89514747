/* fuzz_catalog.c - the .mo catalogue reader: any bytes are refused or indexed, never read
 * out of bounds, and every indexed message is found again by its id. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web/i18n.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog c;
	const char *why;
	size_t i;

	if (catalog_parse(&c, (const char *)data, size, &why))
		return 0;
	for (i = 0; i < c.n; i++) {
		const char *t = catalog_find(&c, c.ids[i]);

		if (c.strs[i][0] && t != c.strs[i])
			abort();
	}
	catalog_cleanup(&c);
	return 0;
}
