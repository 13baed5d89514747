/* err.c - collecting problems with their place and reason. */
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/mem.h"
#include "text.h"

void err_init(struct err *e)
{
	memset(e, 0, sizeof *e);
}

void err_cleanup(struct err *e)
{
	free(e->items);
	memset(e, 0, sizeof *e);
}

void err_clear(struct err *e)
{
	e->n = 0;
	e->dropped = 0;
	e->code = ERR_OK;
}

/* Copy src into dst as valid UTF-8 (core/text: ill-formed bytes become U+FFFD), shortened
 * on a character boundary and marked "..." when it does not fit: a problem is shown and
 * sent as JSON, which takes only UTF-8. */
static void copy_short(char *dst, size_t cap, const char *src)
{
	if (!src) {
		dst[0] = 0;
		return;
	}
	if (strlen(src) < cap && text_copy(dst, cap, src))
		return;
	text_copy(dst, cap - 3, src);
	memcpy(dst + strlen(dst), "...", 4);
}

static err_translate_fn g_translate;
static _Thread_local char tl_lang[4] = "en";

void err_set_translator(err_translate_fn fn)
{
	g_translate = fn;
}

void err_lang_set(const char *lang)
{
	tl_lang[0] = lang && lang[0] == 'v' && lang[1] == 'i' ? 'v' : 'e';
	tl_lang[1] = tl_lang[0] == 'v' ? 'i' : 'n';
	tl_lang[2] = 0;
}

const char *err_lang(void)
{
	return tl_lang;
}

const char *err_tr_lang(const char *lang, const char *msgid)
{
	const char *s;

	if (!g_translate || !lang || lang[0] != 'v' || !msgid)
		return msgid;
	s = g_translate(lang, msgid);
	return s ? s : msgid;
}

const char *err_tr(const char *msgid)
{
	return err_tr_lang(tl_lang, msgid);
}

const char *err_lang_of_locale(const char *locale)
{
	return locale && locale[0] == 'v' && locale[1] == 'i' &&
			       (!locale[2] || locale[2] == '_' || locale[2] == '.' || locale[2] == '@')
		       ? "vi"
		       : "en";
}

static enum err_code vadd(struct err *e, enum err_code code, long line, const char *field,
			  const char *value, const char *rule, const char *fmt, va_list ap)
{
	struct err_item *it;

	if (e->code == ERR_OK)
		e->code = code;
	if (e->n >= ERR_MAX_ITEMS) {
		e->dropped++;
		return code;
	}
	if (e->n == e->cap) {
		e->cap = e->cap ? e->cap * 2 : 8;
		e->items = xrealloc(e->items, e->cap * sizeof *e->items);
	}
	it = &e->items[e->n++];
	it->line = line;
	copy_short(it->field, sizeof it->field, field);
	copy_short(it->value, sizeof it->value, value);
	copy_short(it->rule, sizeof it->rule, rule);
	{
		char msg[4 * sizeof it->msg];

		/* A message may quote input: keep it whole characters of UTF-8 (formatted in a
		 * larger buffer so that copy_short cuts it on a character boundary). */
		vsnprintf(msg, sizeof msg, err_tr(fmt), ap);
		copy_short(it->msg, sizeof it->msg, msg);
	}
	return code;
}

enum err_code err_add(struct err *e, enum err_code code, long line, const char *field,
		      const char *value, const char *rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(e, code, line, field, value, rule, fmt, ap);
	va_end(ap);
	return code;
}

enum err_code err_set(struct err *e, enum err_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(e, code, 0, NULL, NULL, NULL, fmt, ap);
	va_end(ap);
	return code;
}

void err_merge(struct err *dst, struct err *src)
{
	size_t i;

	if (dst->code == ERR_OK)
		dst->code = src->code;
	for (i = 0; i < src->n; i++) {
		if (dst->n >= ERR_MAX_ITEMS) {
			dst->dropped++;
			continue;
		}
		if (dst->n == dst->cap) {
			dst->cap = dst->cap ? dst->cap * 2 : 8;
			dst->items = xrealloc(dst->items, dst->cap * sizeof *dst->items);
		}
		dst->items[dst->n++] = src->items[i];
	}
	dst->dropped += src->dropped;
	err_clear(src);
}

int err_exit_code(enum err_code code)
{
	switch (code) {
	case ERR_OK: return 0;
	case ERR_USAGE: return 2;
	case ERR_INPUT: return 3;
	case ERR_NOTFOUND: return 4;
	case ERR_RULE: return 5;
	case ERR_STORAGE: return 6;
	case ERR_DENIED: return 7;
	case ERR_INTERNAL: return 70;
	}
	return 70;
}

const char *err_code_name(enum err_code code)
{
	switch (code) {
	case ERR_OK: return "ok";
	case ERR_USAGE: return "usage";
	case ERR_INPUT: return "bad input";
	case ERR_NOTFOUND: return "not found";
	case ERR_RULE: return "rule";
	case ERR_STORAGE: return "storage";
	case ERR_DENIED: return "denied";
	case ERR_INTERNAL: return "internal";
	}
	return "internal";
}
