/* app_meeting.h - meetings (issue 12; DOMAIN §7; docs/meetings.md): a cell's monthly, thematic
 * and extraordinary meetings and the study sessions of a document (any organisation, a
 * make-up session pointing at the one it makes up), with the attendance of every member on
 * the roll that day and the resolutions passed with their votes.
 *
 * Access is as for members: a meeting belongs to its organisation; outside the actor's subtree
 * it does not exist (ERR_NOTFOUND with the message of an id never used). Reading needs any
 * role covering the organisation; every change needs an editor's role (clerk and above,
 * ERR_DENIED for a viewer). Every change is one transaction with its audit entry
 * ("meeting.add", "meeting.attend", "meeting.resolution", "meeting.cancel"; an import one
 * "meeting.import" / "attendance.import" entry). Nothing is ever deleted: a cancelled meeting
 * keeps its record and its history. */
#ifndef CADRE_APP_MEETING_H
#define CADRE_APP_MEETING_H

#include "../core/meeting.h"
#include "app.h"
#include "table_out.h"

/* Record a meeting. m->org_code the organisation (in the actor's subtree), kind, on (not
 * after today for a held meeting; any date for MST_PLANNED), starts/ends (R-MEETING-MINUTES),
 * topic, agenda, content, guests; chair_id / secretary_id (0: none) must be on the roll that
 * day (for a study session: anywhere in the organiser's subtree that day); study: document_id
 * required (the document must exist), makeup_of optional (a study meeting of the same
 * document, visible to the actor); other kinds: neither. When m->n_att > 0 the attendance is
 * recorded at once as app_meeting_attend does (state held). Every problem at once
 * (ERR_INPUT/ERR_RULE), nothing written. Sets m->id, and on return *m is the meeting as
 * stored (app_meeting_get). */
enum err_code app_meeting_add(struct app *a, const struct actor *ac, struct meeting *m,
			      struct err *e);

/* app_meeting_add with everyone on the roll of the day present but the members m->att names
 * (their status as given), in one transaction: a refused attendance leaves no meeting. The
 * rows m->att named are freed; on return *m is the meeting as stored. */
enum err_code app_meeting_add_present(struct app *a, const struct actor *ac, struct meeting *m,
				      struct err *e);

/* Read meeting id with its attendance (in list order of the names) and resolutions. */
enum err_code app_meeting_get(struct app *a, const struct actor *ac, int64_t id,
			      struct meeting *m, struct err *e);

/* A list query: org_code ("" or NULL: the actor's scope) and its subtree (subtree 0: that
 * organisation alone), on dates from..to inclusive (DATE_NONE: open), kind (-1: any), state
 * (-1: any), document_id (0: any). */
struct meet_query {
	const char *org_code;
	int subtree;
	date_t from, to;
	int kind, state;
	int64_t document_id;
};
typedef int (*meeting_cb)(void *ctx, const struct meeting *m);
/* The meetings q picks, newest first (date, then id), from offset, at most limit (0: all);
 * each without att/res but with the counts n_present... and quorum_base; *total (when not
 * NULL) how many in all. */
enum err_code app_meeting_list(struct app *a, const struct actor *ac, const struct meet_query *q,
			       long offset, long limit, meeting_cb cb, void *ctx, long *total,
			       struct err *e);

/* The members expected at meeting id (the roll of its organisation on its date; a study
 * session: the members on the rolls of the organiser's subtree that day), each with the
 * attendance status it would get by default (present; not_counted for those on temporary
 * transfer elsewhere and the suspended), in list order of the names: the attendance form. */
enum err_code app_meeting_roll(struct app *a, const struct actor *ac, int64_t id,
			       struct meeting *m, struct err *e);

/* Record or replace the attendance of meeting id (not cancelled; its date not after today):
 * rows[0..n) name members (each once). A monthly/thematic/extraordinary meeting: every member
 * on the roll that day must be named (a missing one is an error naming the member) and no one
 * else; a study session: members of the organiser's subtree that day, any subset. Excused
 * needs a reason. The status stored is meeting_effective_status (temporary transfer
 * elsewhere, suspended, exempt-and-absent -> not_counted, the reason saying why). Sets the
 * meeting held and its quorum_base (R-MEETING-QUORUM); resolutions already recorded keep the
 * base they were measured against. Every problem at once, nothing written. */
enum err_code app_meeting_attend(struct app *a, const struct actor *ac, int64_t id,
				 const struct meet_attendance *rows, size_t n, struct err *e);

/* Add resolution r (text, votes_for, against, abstain) to meeting id (held, attendance
 * recorded): votes checked against the members present (meeting_check_votes), r->base set to
 * the meeting's quorum_base, r->passed by meeting_passes, r->seq the next number. ERR_RULE when
 * no attendance is recorded yet. */
enum err_code app_meeting_resolution_add(struct app *a, const struct actor *ac, int64_t id,
					 struct meet_resolution *r, struct err *e);

/* Cancel meeting id (planned or held) with a reason (required): the state becomes cancelled,
 * the record, attendance and resolutions stay; already cancelled: ERR_RULE. */
enum err_code app_meeting_cancel(struct app *a, const struct actor *ac, int64_t id,
				 const char *reason, struct err *e);

/* The JSON of a meeting as --json and the API give it: {"id", "org", "org_name", "date",
 * "starts", "ends" ("HH:MM"), "minutes", "kind", "state", "topic", "agenda", "content",
 * "chair": {"id","name"}|null, "secretary": ..., "guests", "document_id"|null,
 * "makeup_of"|null, "quorum_base"|null, "counts": {"present","excused","absent",
 * "not_counted"}, "attendance": [{"member_id","name","org","status","reason"}] (when with_att),
 * "resolutions": [{"seq","text","for","against","abstain","base","passed","rule"}],
 * "rules", "recorded_by", "recorded_at"}. A new reference. */
json_t *app_meeting_json(const struct meeting *m, int with_att);

/* The minutes of meeting id as plain text (Vietnamese layout: header, time and place,
 * attendance, content, resolutions with votes and the count used, signatures), to out. */
enum err_code app_meeting_minutes(struct app *a, const struct actor *ac, int64_t id, FILE *out,
				  struct err *e);

/* ---- import and export (app_meet_import.c, app_meet_export.c; docs/csv.md) ---------- */

/* Import meetings from opts->in (CSV, columns of docs/csv.md: org, date, kind, starts, ends,
 * topic, agenda, content, chair_id, secretary_id, guests, document_id, makeup_of), each row
 * checked as app_meeting_add checks it: all or nothing, every bad row reported with its line
 * and what to fix; one audit entry ("import.meetings"). res->imported the meetings added. */
enum err_code app_import_meetings(struct app *a, const struct actor *ac,
				  const struct import_opts *opts, struct import_result *res,
				  struct err *e);
/* Import attendance from opts->in (CSV: meeting_id, or org + date + kind naming the meeting;
 * member_id or member_no (the personal-history number); status present|excused|absent;
 * reason), the rows of one meeting together: each meeting named gets its attendance replaced
 * and checked as app_meeting_attend checks it. The bulk path: one transaction, statements
 * prepared once, the members' numbers read once into memory, one audit entry for the file
 * ("import.attendance"); all or nothing. res->imported the rows stored. */
enum err_code app_import_attendance(struct app *a, const struct actor *ac,
				    const struct import_opts *opts, struct import_result *res,
				    struct err *e);
/* The meetings q picks as CSV or XLSX (columns of docs/csv.md) in a temporary file: *fd
 * open at its start (the caller closes it), *len its size; one audit entry
 * ("meetings.export"). */
enum err_code app_meeting_export(struct app *a, const struct actor *ac, const struct meet_query *q,
				 enum table_format f, int *fd, long long *len, struct err *e);
/* app_meeting_export written to path ("-": standard output). */
enum err_code app_meeting_export_file(struct app *a, const struct actor *ac,
				      const struct meet_query *q, enum table_format f,
				      const char *path, struct err *e);

#endif
