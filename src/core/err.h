/* err.h - the one error type of cadre: a code plus every problem found, each with where and why. */
#ifndef CADRE_ERR_H
#define CADRE_ERR_H

#include <stddef.h>

/* Result codes. 0 is success. The CLI maps them to exit codes, the HTTP layer to statuses
 * (see err_exit_code). */
enum err_code {
	ERR_OK = 0,
	ERR_INPUT,     /* the input is malformed or a field is invalid: fix the input */
	ERR_NOTFOUND,  /* the record does not exist (or lies outside the actor's scope) */
	ERR_RULE,      /* the input is well formed but a party rule forbids the change */
	ERR_STORAGE,   /* the database failed (disk, lock, corruption) */
	ERR_USAGE,     /* the command line is wrong */
	ERR_DENIED,    /* the actor's role does not allow it (the record is within sight) */
	ERR_INTERNAL   /* a bug: a state that must not happen */
};

/* One problem: where (line/field/value, any may be empty) and what is wrong. */
struct err_item {
	long line;       /* 1-based input line, 0 when not from a file */
	char field[48];  /* the field or column name, "" when none */
	char value[96];  /* the offending value, shortened, "" when none */
	char rule[40];   /* the rule ID that was broken (R-...), "" when none */
	char msg[256];   /* what is wrong and how to fix it */
};

/* A list of problems plus the overall code. Validators append every problem they find so
 * the user can fix them all at once. Owns its items; release with err_cleanup. */
struct err {
	enum err_code code;
	struct err_item *items;
	size_t n, cap;
	size_t dropped;  /* problems not kept once ERR_MAX_ITEMS was reached */
};

#define ERR_MAX_ITEMS 100000

void err_init(struct err *e);
void err_cleanup(struct err *e);
void err_clear(struct err *e);

/* Append a problem. code is the overall code to record (the first non-OK code wins).
 * line may be 0, field/value/rule may be NULL. fmt is printf-style. Returns code. */
enum err_code err_add(struct err *e, enum err_code code, long line, const char *field,
		      const char *value, const char *rule, const char *fmt, ...)
	__attribute__((format(printf, 7, 8)));

/* Shorthand for a problem with only a message. */
enum err_code err_set(struct err *e, enum err_code code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Move all items of src to the end of dst (src is emptied). */
void err_merge(struct err *dst, struct err *src);

/* The documented process exit code of a result code: 0 ok, 2 usage, 3 input, 4 not found,
 * 5 rule, 6 storage, 7 denied, 70 internal. */
int err_exit_code(enum err_code code);

/* A short English name of a code ("input", "not found", ...). */
const char *err_code_name(enum err_code code);

/* Messages in the reader's language. The message ids are the English format strings; err_add
 * and err_set translate fmt before formatting it, in the language of the calling thread. The
 * translator is set once at start-up by the layer that holds the catalogues (src/web/i18n.c);
 * without one, messages stay English. The HTTP layer sets each request's language, the CLI
 * the language of LANG/LC_ALL/LC_MESSAGES. A translation keeps the printf conversions of its
 * msgid (msgfmt --check-format guarantees it for the catalogues built with cadre). */
/* Mark a message id for xgettext where it is written; err_tr translates it where it is used
 * (a "why" returned by a parser and passed as "%s"). */
#ifndef N_
#define N_(s) s
#endif
typedef const char *(*err_translate_fn)(const char *lang, const char *msgid);
void err_set_translator(err_translate_fn fn);
/* This thread's language: "vi" or "en" (anything else is English). */
void err_lang_set(const char *lang);
const char *err_lang(void);
/* msgid in this thread's language (msgid itself when there is no translation). */
const char *err_tr(const char *msgid);
/* The same in a given language. */
const char *err_tr_lang(const char *lang, const char *msgid);
/* The language named by a POSIX locale value ("vi_VN.UTF-8" -> "vi", anything else "en"). */
const char *err_lang_of_locale(const char *locale);

#endif
