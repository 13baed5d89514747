/* page_meeting.h - the meeting pages (page_meeting.c, page_form_meeting.c,
 * page_meeting_fig.c) and the words they share. */
#ifndef CADRE_PAGE_MEETING_H
#define CADRE_PAGE_MEETING_H

#include "web.h"

/* A meeting's kind, state and attendance status in the request's language ("" unknown). */
const char *meet_web_kind(const struct req *r, int k);
const char *meet_web_state(const struct req *r, int s);
const char *meet_web_att(const struct req *r, int s);

void web_meetings_home(struct req *r);     /* GET /meetings: the scope's meetings */
void web_meetings(struct req *r);          /* GET /orgs/{code}/meetings */
void web_meeting(struct req *r);           /* GET /meetings/{id} */
void web_meeting_minutes(struct req *r);   /* GET /meetings/{id}/minutes */
void web_static_minutes_css(struct req *r); /* GET /static/minutes.css */
void web_meeting_new_get(struct req *r);   /* page_form_meeting.c */
void web_meeting_new_post(struct req *r);
void web_meeting_attend_get(struct req *r);
void web_meeting_attend_post(struct req *r);

#endif
