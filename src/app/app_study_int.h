/* app_study_int.h - what the register's import (app_doc_import.c) shares with app_study.c:
 * the one place where a document is checked and stored. */
#ifndef CADRE_APP_STUDY_INT_H
#define CADRE_APP_STUDY_INT_H

#include "app_study.h"

/* app_doc_add's body inside the caller's transaction, without the audit entry: the number
 * parsed (a refusal names the byte), title and date checked, org_code (NULL or "": the
 * actor's scope) within the actor's scope and editable, replaces (number or id) a document
 * the actor sees, and no document of the same number and date of issue (the register's
 * duplicate). line > 0: a row of an import, every problem names that line. Returns the first
 * code; e holds every problem found. */
enum err_code doc_add_tx(struct app *a, const struct actor *ac, const char *number_text,
			 date_t issued_on, const char *title, const char *replaces,
			 const char *org_code, long line, struct doc *d, struct err *e);

#endif
