/* demo_complaint.c - the demo's complaints and denunciations (placeholder, filled below). */
#include "app_int.h"
