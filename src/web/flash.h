/* flash.h - the confirmation of a change on the page it lands on (flash.c). */
#ifndef CADRE_FLASH_H
#define CADRE_FLASH_H

#include <stdint.h>

#include "web.h"

/* Append to b location (a local path, maybe with a query and a #fragment) carrying the
 * message key (one of the fixed table: "transfer-sent", ...) and, when member_id > 0, the
 * member it is about. */
void flash_location(struct buf *b, const char *location, const char *key, int64_t member_id);
/* Whether key names a message of the table. */
int flash_known(const char *key);
/* Write the message the query names (?done=KEY&of=ID), if any, as a status paragraph: the
 * layout calls it under the page's title. */
void web_flash(struct req *r);

#endif
