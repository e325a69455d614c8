/* record: the paradata record, one change of an interview as the case store
 * keeps it (DESIGN §6). This module owns the record format: the session
 * writes records through record_format and reads them back through
 * record_parse; the exports read the same struct.
 *
 * The format ("tipscreen-record-2") is one field a line, each value length
 * prefixed, so that any text comes back byte for byte (leading spaces, a
 * newline, the word "declined"):
 *   tipscreen-record-2
 *   t 1764349200123
 *   event 6:answer
 *   id 10:age.at-act
 *   old 2:16
 *   new 2:30
 * and, for a free-text answer, "old-text"/"new-text" instead of "old"/"new":
 * the value is the text itself, never a word such as "declined". The
 * records of stores written before it ("t: 1764349200.123" stanzas) are
 * read too.
 *
 * A struct record owns its strings: record_clear frees them. A struct
 * records owns its array: records_free. */
#ifndef TIPSCREEN_RECORD_H
#define TIPSCREEN_RECORD_H

#include <stdbool.h>
#include <stddef.h>

struct store;

/* The events, in the order of record_event_name's table. */
enum record_event {
	REC_ANSWER,	/* id: the slot; old, new: the answer's text forms */
	REC_NOTE,	/* id: the screen; old, new: the note */
	REC_STOP,	/* id: the screen stopped at ("-": a stop taken back) */
	REC_AT,		/* id: a screen shown */
	REC_LANG,	/* new: the interview's language ("fr") */
	REC_FINISH,	/* the interview completed */
	REC_ASSESSMENT,	/* new: the assessment's JSON when the case finished */
	REC_SENT,	/* id: the office key's fingerprint: the case went into a
			 * bundle (`tipscreen bundle`), all the records before it */
	REC_SECOND,	/* new: the respondent's language shown under the
			 * questions (--second, "fr"; "" none). Cases begun
			 * before it have none */
	REC_NEVENTS
};

struct record {
	long long ms;		/* time: milliseconds since the epoch */
	enum record_event event;
	char *id;		/* never NULL after record_parse ("-" for none) */
	char *old, *new;	/* never NULL after record_parse ("" for none) */
	bool old_text, new_text;	/* a free-text answer, taken literally */
};

/* The event's name ("answer"), as the exports show it. */
const char *record_event_name(enum record_event e);

/* The record as text (a new string the caller frees). */
char *record_format(const struct record *r);

/* Parses one record (either format). Returns 0, or -1 when it is not a
 * record; out then owns nothing. */
int record_parse(const char *text, struct record *out);

void record_clear(struct record *r);

/* The time as seconds with milliseconds ("1764349200.123"); buf holds 32. */
void record_time(char *buf, size_t n, long long ms);

struct records {
	struct record *v;
	size_t n, cap;
};

/* Every record of case id, decrypted once: 0, or -1 with err on an
 * integrity error or a record that cannot be read (out is then empty). */
int records_load(struct store *s, const char *id, struct records *out, char *err, size_t n);
void records_free(struct records *r);

#endif
