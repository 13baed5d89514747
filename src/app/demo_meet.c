/* demo_meet.c - the demo region's year of meetings. */
#include "app_int.h"
#include "app_meeting.h"
