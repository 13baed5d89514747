/* api_openapi.c - GET /api/v1/openapi.json: src/http/openapi.json, built into the program. */
#include <string.h>

#include "api.h"

/* The file is kept as JSON (readable, checked by tools and by tests/unit/test_openapi.c) and
 * assembled in as it is, NUL-ended; the Makefile makes this object depend on it. The path
 * is relative to the top of the tree, where make runs the compiler. */
__asm__(".section .rodata\n"
	".global api_openapi_json\n"
	".type api_openapi_json, @object\n"
	".balign 16\n"
	"api_openapi_json:\n"
	".incbin \"src/http/openapi.json\"\n"
	".byte 0\n"
	".size api_openapi_json, . - api_openapi_json\n"
	".previous\n");

void api_openapi(struct req *r)
{
	buf_reset(&r->out);
	buf_adds(&r->out, api_openapi_json);
	r->status = 200;
	r->ctype = "application/json";
}
