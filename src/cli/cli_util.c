/* cli_util.c - option parsing, error printing, JSON and table output for the commands. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* fopencookie */
#endif
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/text.h"
#include "../lib/mem.h"
#include "cli.h"

/* The messages stream: what is written to it goes to standard error with every terminal
 * control byte shown as an escape (core/text), since messages echo values from input. */
static ssize_t msg_write(void *cookie, const char *s, size_t n)
{
	struct buf b;
	size_t off = 0;

	(void)cookie;
	buf_init(&b, 0);
	text_escape_controls(s, n, &b);
	while (off < b.len) {
		ssize_t w = write(STDERR_FILENO, b.s + off, b.len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	buf_cleanup(&b);
	return (ssize_t)n;
}

void cli_messages_escaped(void)
{
	static char sbuf[1 << 14];
	cookie_io_functions_t io = {NULL, msg_write, NULL, NULL};
	FILE *f = fopencookie(NULL, "w", io);

	if (!f)
		return;
	/* Whole lines at a time, so that a character is never split between writes. */
	setvbuf(f, sbuf, _IOLBF, sizeof sbuf);
	stderr = f;
}

static struct opt *find_opt(const struct command *cmd, const char *name, size_t len)
{
	struct opt *o;

	for (o = cmd->opts; o && o->name; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

void cli_usage(FILE *f, const struct command *cmd)
{
	struct opt *o;

	fprintf(f, err_tr("usage: cadre [--db FILE] %s%s%s%s%s\n"), cmd->group,
		cmd->name ? " " : "", cmd->name ? cmd->name : "", cmd->args[0] ? " " : "",
		cmd->args);
	fprintf(f, "\n%s\n", err_tr(cmd->summary));
	if (cmd->opts && cmd->opts[0].name) {
		fputs(err_tr("\noptions:\n"), f);
		for (o = cmd->opts; o->name; o++) {
			char head[64];

			snprintf(head, sizeof head, "--%s%s", o->name,
				 o->has_arg ? err_tr(" VALUE") : "");
			cli_help_line(f, head, 26, err_tr(o->help));
		}
	}
	cli_help_line(f, "--json", 26, err_tr("print the result as JSON"));
	cli_help_line(f, "--help", 26, err_tr("show this help"));
}

void cli_help_line(FILE *f, const char *head, int width, const char *text)
{
	size_t cols = 0;
	const unsigned char *p;

	fprintf(f, "  %s", head);
	/* Pad by characters, not bytes: a Vietnamese head has letters of two or three. */
	for (p = (const unsigned char *)head; *p; p++)
		cols += (*p & 0xC0) != 0x80;
	for (; cols < (size_t)width; cols++)
		fputc(' ', f);
	fprintf(f, " %s\n", text);
}

int cli_parse(struct cli *c, const struct command *cmd, int argc, char **argv, int from,
	      char **pos, int *npos, int *help)
{
	int i, only_pos = 0;

	*npos = 0;
	*help = 0;
	for (i = from; i < argc; i++) {
		const char *a = argv[i];
		const char *eq;
		struct opt *o;
		size_t len;

		if (only_pos || a[0] != '-' || a[1] != '-' || a[2] == 0) {
			if (!only_pos && strcmp(a, "--") == 0) {
				only_pos = 1;
				continue;
			}
			pos[(*npos)++] = argv[i];
			continue;
		}
		a += 2;
		eq = strchr(a, '=');
		len = eq ? (size_t)(eq - a) : strlen(a);
		if (len == 4 && strncmp(a, "help", 4) == 0) {
			*help = 1;
			continue;
		}
		if (len == 4 && strncmp(a, "json", 4) == 0 && !eq) {
			c->json = 1;
			continue;
		}
		o = find_opt(cmd, a, len);
		if (!o) {
			fprintf(stderr, err_tr("cadre: unknown option '--%.*s' for '%s%s%s'; see "
					"'cadre %s%s%s --help'\n"), (int)len, a, cmd->group, cmd->name ? " " : "",
				cmd->name ? cmd->name : "", cmd->group, cmd->name ? " " : "",
				cmd->name ? cmd->name : "");
			return err_exit_code(ERR_USAGE);
		}
		if (o->has_arg) {
			if (eq) {
				o->value = eq + 1;
			} else if (i + 1 < argc) {
				o->value = argv[++i];
			} else {
				fprintf(stderr, err_tr("cadre: option '--%s' needs a value\n"),
					o->name);
				return err_exit_code(ERR_USAGE);
			}
		} else if (eq) {
			fprintf(stderr, err_tr("cadre: option '--%s' takes no value\n"), o->name);
			return err_exit_code(ERR_USAGE);
		}
		if (o->has_arg == 2) {
			if (c->nrep == CLI_REPEAT_MAX) {
				fprintf(stderr, err_tr("cadre: options may be repeated at most %d "
						       "times\n"),
					CLI_REPEAT_MAX);
				return err_exit_code(ERR_USAGE);
			}
			c->rep[c->nrep].name = o->name;
			c->rep[c->nrep++].value = o->value;
		}
		o->set = 1;
	}
	if (*help)
		return 0;
	if (*npos < cmd->min_pos || *npos > cmd->max_pos) {
		if (cmd->args[0])
			fprintf(stderr, err_tr("cadre: '%s%s%s' takes the arguments %s; see --help\n"),
				cmd->group, cmd->name ? " " : "", cmd->name ? cmd->name : "",
				cmd->args);
		else
			fprintf(stderr, err_tr("cadre: '%s%s%s' takes no arguments; see --help\n"),
				cmd->group, cmd->name ? " " : "", cmd->name ? cmd->name : "");
		return err_exit_code(ERR_USAGE);
	}
	return 0;
}

const char *cli_opt(const struct command *cmd, const char *name)
{
	struct opt *o = find_opt(cmd, name, strlen(name));

	return o && o->set ? o->value : NULL;
}

size_t cli_opt_all(const struct cli *c, const char *name, const char **out, size_t cap)
{
	size_t i, n = 0;

	for (i = 0; i < c->nrep; i++)
		if (!strcmp(c->rep[i].name, name)) {
			if (n < cap)
				out[n] = c->rep[i].value;
			n++;
		}
	return n;
}

int cli_opt_set(const struct command *cmd, const char *name)
{
	struct opt *o = find_opt(cmd, name, strlen(name));

	return o && o->set;
}

int cli_fail(struct cli *c)
{
	size_t i;
	int code = err_exit_code(c->e.code ? c->e.code : ERR_INTERNAL);

	for (i = 0; i < c->e.n; i++) {
		const struct err_item *it = &c->e.items[i];

		fputs(err_tr("cadre: error: "), stderr);
		if (it->line)
			fprintf(stderr, err_tr("line %ld: "), it->line);
		if (it->field[0] && it->value[0])
			fprintf(stderr, "%s '%s': ", it->field, it->value);
		else if (it->field[0] && it->line)
			fprintf(stderr, "%s: ", it->field);
		fputs(it->msg, stderr);
		if (it->rule[0])
			fprintf(stderr, " [%s]", it->rule);
		fputc('\n', stderr);
	}
	if (c->e.dropped)
		fprintf(stderr, err_tr("cadre: error: ... and %zu more problems\n"), c->e.dropped);
	if (c->e.n == 0)
		fprintf(stderr, "cadre: error: %s\n", err_code_name(c->e.code));
	if (c->json) {
		json_t *arr = json_array();

		for (i = 0; i < c->e.n; i++) {
			const struct err_item *it = &c->e.items[i];
			json_t *p = json_object();

			if (it->line)
				json_object_set_new(p, "line", json_integer(it->line));
			if (it->field[0])
				json_object_set_new(p, "field", json_string(it->field));
			if (it->value[0])
				json_object_set_new(p, "value", json_string(it->value));
			if (it->rule[0])
				json_object_set_new(p, "rule", json_string(it->rule));
			json_object_set_new(p, "message", json_string(it->msg));
			json_array_append_new(arr, p);
		}
		cli_json_out(json_pack("{s:{s:s,s:i,s:o}}", "error", "code",
				       err_code_name(c->e.code), "exit", code, "problems", arr));
	}
	return code;
}

void cli_warnings(struct cli *c)
{
	size_t i, shown = 0;

	if (!c->app_open)
		return;
	for (i = 0; i < c->app.warn.n; i++) {
		const struct err_item *it = &c->app.warn.items[i];

		if (shown++ >= 50) {
			fprintf(stderr, err_tr("cadre: warning: ... and %zu more warnings\n"),
				c->app.warn.n - 50);
			break;
		}
		fputs(err_tr("cadre: warning: "), stderr);
		if (it->line)
			fprintf(stderr, err_tr("line %ld: "), it->line);
		fputs(it->msg, stderr);
		if (it->rule[0])
			fprintf(stderr, " [%s]", it->rule);
		fputc('\n', stderr);
	}
}

int cli_date(struct cli *c, const char *name, const char *s, date_t *out)
{
	const char *why;

	*out = DATE_NONE;
	if (!s || !s[0])
		return 0;
	if (date_parse(s, out, &why)) {
		err_add(&c->e, ERR_USAGE, 0, name, s, NULL, "%s %s", s, err_tr(why));
		return -1;
	}
	return 0;
}

int cli_id(struct cli *c, const char *name, const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = s ? strtoll(s, &end, 10) : 0;
	if (!s || errno || *end || v <= 0) {
		err_add(&c->e, ERR_USAGE, 0, name, s ? s : "", NULL,
			"%s must be a positive whole number", name);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_count(struct cli *c, const char *name, const char *s, long *out)
{
	char *end;
	long v;

	*out = -1;
	if (!s || !s[0])
		return 0;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 0) {
		err_add(&c->e, ERR_USAGE, 0, name, s, NULL, "%s must be a whole number, 0 or more",
			name);
		return -1;
	}
	*out = v;
	return 0;
}

int cli_year(struct cli *c, const char *name, const char *s, int required, int *out)
{
	char *end;
	long v;

	*out = 0;
	if (!s || !s[0]) {
		if (!required)
			return 0;
		err_add(&c->e, ERR_USAGE, 0, name, NULL, NULL, "--%s YEAR is required", name);
		return -1;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || v < 1900 || v > 9999) {
		err_add(&c->e, ERR_USAGE, 0, name, s, NULL, "%s must be a year such as 2025", name);
		return -1;
	}
	*out = (int)v;
	return 0;
}

int cli_json_broken;

void cli_json_push(json_t *arr, json_t *item)
{
	if (!item || json_array_append_new(arr, item)) {
		if (!cli_json_broken)
			fputs("cadre: error: an item of the answer could not be written as JSON\n",
			      stderr);
		cli_json_broken = 1;
	}
}

void cli_json_out(json_t *j)
{
	if (!j) {
		/* A NULL from jansson is a failure (text that is not UTF-8, no memory), never an
		 * empty answer. */
		cli_json_broken = 1;
		fputs("cadre: error: the answer could not be written as JSON\n", stderr);
		return;
	}
	json_dumpf(j, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	fputc('\n', stdout);
	json_decref(j);
}

/* ---- tables ------------------------------------------------------------------------- */

size_t cli_width(const char *s)
{
	size_t w = 0;
	const unsigned char *p = (const unsigned char *)s;

	while (*p) {
		unsigned cp;
		int n;

		if (*p < 0x80) {
			cp = *p;
			n = 1;
		} else if ((*p & 0xE0) == 0xC0) {
			cp = *p & 0x1F;
			n = 2;
		} else if ((*p & 0xF0) == 0xE0) {
			cp = *p & 0x0F;
			n = 3;
		} else {
			cp = *p & 0x07;
			n = 4;
		}
		for (int k = 1; k < n && p[k]; k++)
			cp = (cp << 6) | (p[k] & 0x3F);
		/* Combining diacritics take no column. */
		if (!(cp >= 0x300 && cp <= 0x36F))
			w++;
		while (n-- && *p)
			p++;
	}
	return w;
}

void table_init(struct table *t, size_t ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
}

static void table_grow(struct table *t)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->cells = xrealloc(t->cells, t->cap * t->ncols * sizeof *t->cells);
	}
}

void table_row(struct table *t, ...)
{
	va_list ap;
	size_t i;

	table_grow(t);
	va_start(ap, t);
	for (i = 0; i < t->ncols; i++) {
		const char *s = va_arg(ap, const char *);

		t->cells[t->nrows * t->ncols + i] = xstrdup(s ? s : "");
	}
	va_end(ap);
	t->nrows++;
}

void table_rowv(struct table *t, const char *const *cells)
{
	size_t i;

	table_grow(t);
	for (i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = xstrdup(cells[i] ? cells[i] : "");
	t->nrows++;
}

void table_print(struct table *t, FILE *f)
{
	size_t *w = xcalloc(t->ncols, sizeof *w), r, i;

	for (r = 0; r < t->nrows; r++)
		for (i = 0; i < t->ncols; i++) {
			size_t cw = cli_width(t->cells[r * t->ncols + i]);

			if (cw > w[i])
				w[i] = cw;
		}
	for (r = 0; r < t->nrows; r++) {
		for (i = 0; i < t->ncols; i++) {
			const char *s = t->cells[r * t->ncols + i];

			fputs(s, f);
			if (i + 1 < t->ncols) {
				size_t pad = w[i] - cli_width(s) + 2;

				while (pad--)
					fputc(' ', f);
			}
		}
		fputc('\n', f);
	}
	free(w);
}

void table_cleanup(struct table *t)
{
	size_t i;

	for (i = 0; i < t->nrows * t->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	memset(t, 0, sizeof *t);
}

int cli_list_end(struct cli *c, struct table *t, json_t *arr, enum err_code rc,
		 const char *empty_msg)
{
	int code = 0;

	if (rc) {
		code = cli_fail(c);
		json_decref(arr);
	} else if (c->json) {
		cli_json_out(arr);
	} else {
		json_decref(arr);
		if (t->nrows > 1 || !empty_msg)
			table_print(t, stdout);
		else
			fprintf(stderr, "%s\n", empty_msg);
	}
	table_cleanup(t);
	return code;
}
