/* app_meet_import.c - import of meetings and attendance (docs/csv.md). */
#include "app_int.h"
#include "app_meeting.h"
