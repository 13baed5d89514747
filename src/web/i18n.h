/* i18n.h - gettext .mo catalogues, read and checked by cadre itself, so that each request can
 * have its own language in a threaded server (gettext's own lookup follows one process-wide
 * locale). */
#ifndef CADRE_I18N_H
#define CADRE_I18N_H

#include <stddef.h>

/* A catalogue: msgid -> msgstr pairs sorted by msgid (as msgfmt writes them). The strings
 * point into data, which the catalogue owns. */
struct catalog {
	char *data;
	size_t len, n;
	const char **ids, **strs;
};

/* Check and index a .mo file's bytes (copied). Returns 0, or -1 with *why when the file is
 * not a well-formed catalogue (wrong magic, offsets outside the file, strings not ended,
 * msgids out of order). */
int catalog_parse(struct catalog *c, const char *data, size_t len, const char **why);
/* The translation of id, or NULL when the catalogue has none (or an empty one). */
const char *catalog_find(const struct catalog *c, const char *id);
void catalog_cleanup(struct catalog *c);

/* Load the Vietnamese catalogue ($CADRE_LOCALEDIR, build/locale next to the binary, then
 * /usr/share/locale) once, and make it the translator of src/core/err's messages. The CLI
 * calls it when its locale is Vietnamese; the server through web_init. */
void i18n_init(void);

#endif
