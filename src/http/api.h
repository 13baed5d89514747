/* api.h - the handlers of the JSON API (/api/v1), one file per resource. */
#ifndef CADRE_API_H
#define CADRE_API_H

#include "http.h"

void api_org_get(struct req *r);
void api_member_get(struct req *r);

#endif
