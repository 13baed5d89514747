/* page_study.h - the pages of documents and their study (page_study.c, docs/study.md). */
#ifndef CADRE_PAGE_STUDY_H
#define CADRE_PAGE_STUDY_H

#include "web.h"

/* GET /documents?q=&format=csv|xlsx: the register searched without accents, or downloaded. */
void web_doc_list(struct req *r);
/* GET and POST /documents/new: the form registering a document. */
void web_doc_new_get(struct req *r);
void web_doc_new_post(struct req *r);
/* GET /documents/{id}: a document, what it replaces and what replaces it, its study plans
 * and sessions, and the coverage of the user's subtree. */
void web_doc_show(struct req *r);
/* GET /documents/{id}/coverage?org=&as_of=: the coverage of a subtree with its organisations
 * (drill-down), and for an organisation with a roll of its own the members not covered. */
void web_doc_coverage(struct req *r);
/* GET /action-programmes?org=&year=: the action programmes of the subtree;
 * /action-programmes/{id}: one with its items and results. */
void web_action_list(struct req *r);
void web_action_show(struct req *r);

#endif
