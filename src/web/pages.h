/* pages.h - the handlers of the web pages, one file each. */
#ifndef CADRE_PAGES_H
#define CADRE_PAGES_H

#include "web.h"

void web_home(struct req *r);
void web_login_get(struct req *r);
void web_login_post(struct req *r);
void web_logout(struct req *r);
void web_lang(struct req *r);
void web_static_css(struct req *r);

#endif
