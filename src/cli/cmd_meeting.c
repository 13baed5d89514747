/* cmd_meeting.c - cadre meeting. */
#include "cli.h"
