/* vi_codes.c - Vietnamese words for coded CSV values, folded as a search folds names. */
#include "vi_codes.h"

#include <string.h>

#include "../lib/buf.h"
#include "vname.h"

/* Each word as vname_fold leaves it: no accents, đ as d, lower case, single spaces. */
static const struct {
	const char *kind, *folded, *code;
} words[] = {
	{"sex", "nam", "male"},
	{"sex", "nu", "female"},
	{"status", "du bi", "probationary"},
	{"status", "dang vien du bi", "probationary"},
	{"status", "chinh thuc", "official"},
	{"status", "dang vien chinh thuc", "official"},
	{"status", "mien sinh hoat", "exempt"},
	{"status", "dinh chi sinh hoat", "suspended"},
	{"status", "dinh chi", "suspended"},
	{"status", "xoa ten", "removed"},
	{"status", "khai tru", "expelled"},
	{"status", "tu tran", "deceased"},
	{"status", "da tu tran", "deceased"},
	{"status", "chuyen di", "transferred_out"},
	{"status", "da chuyen di", "transferred_out"},
	{"grade", "hoan thanh xuat sac nhiem vu", "excellent"},
	{"grade", "hoan thanh xuat sac", "excellent"},
	{"grade", "xuat sac", "excellent"},
	{"grade", "hoan thanh tot nhiem vu", "good"},
	{"grade", "hoan thanh tot", "good"},
	{"grade", "tot", "good"},
	{"grade", "hoan thanh nhiem vu", "complete"},
	{"grade", "hoan thanh", "complete"},
	{"grade", "khong hoan thanh nhiem vu", "not_complete"},
	{"grade", "khong hoan thanh", "not_complete"},
	{"step", "tu danh gia", "self"},
	{"step", "de xuat", "proposal"},
	{"step", "quyet dinh", "decision"},
};

const char *vi_code(const char *kind, const char *value)
{
	const char *code = NULL;
	struct buf f;
	size_t i;

	if (!value || !value[0] || strlen(value) > 64)
		return NULL;
	buf_init(&f, 0);
	vname_fold(value, &f);
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (!strcmp(words[i].kind, kind) && !strcmp(words[i].folded, buf_str(&f))) {
			code = words[i].code;
			break;
		}
	buf_cleanup(&f);
	return code;
}

const char *vi_code_or(const char *kind, const char *value)
{
	const char *c = vi_code(kind, value);

	return c ? c : value;
}
