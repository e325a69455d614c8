/* schema: the fields of a stanza format as a table, read by one loop
 * (dpkg's fieldinfos[]).
 *
 * Each stanza kind of each format (a deck's screen, a profile's head, a
 * scenario's question, a contact, an answers file…) is a table of fields:
 * the key, its rules (required, may repeat, must not be empty) and a take
 * function that parses the value into the reader's object. schema_read
 * checks a stanza against its table and calls the take functions in file
 * order, so every format words each error the same way:
 *   unknown field 'Titel' in the scenario's first stanza (did you mean 'Title'?)
 *   unknown field 'Email' in a contact: expected Name, For, Phone, … or Note
 *   field 'Title' is given twice (first at line 3)
 *   a contact has no 'Name:' field
 *   field 'Title' is empty: expected a value
 *   'maybe' is not a value for Critical: expected yes or no
 * every one at the file, line and column of the field (base/diag.h).
 *
 * Tables are the caller's (usually static const); nothing here allocates
 * anything the caller must free, except schema_join's string. */
#ifndef TIPSCREEN_SCHEMA_H
#define TIPSCREEN_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/stanza.h"

enum {
	SCHEMA_REQUIRED = 1,	/* the stanza must have it */
	SCHEMA_REPEATS = 2,	/* may be given more than once (several `Next:`) */
	SCHEMA_NONEMPTY = 4,	/* an empty value is an error (take is not called) */
	SCHEMA_UNLISTED = 8,	/* known, but never suggested or listed as expected */
};

/* Parses one field's value into obj, the reader's state (which carries its
 * own path and diags for the errors of the value). */
typedef void schema_take_fn(void *obj, const struct field *f);

struct schema_field {
	const char *key;	/* matched without regard to case, unless the schema is exact */
	unsigned flags;	/* SCHEMA_* */
	schema_take_fn *take;	/* NULL: the reader looks the field up itself */
};

struct schema {
	const char *what;	/* the stanza in messages: "a screen", "a contact" */
	const struct schema_field *f;
	size_t n;
	/* What an unknown key should be, when the list of keys is too long to
	 * give ("a screen or item id of the deck"); NULL lists the keys. */
	const char *expected;
	/* Keys match with regard to case: they are ids of the deck or of the
	 * vocabulary (answers, inputs), not field names. */
	bool exact;
};

/* A schema of a static table that lists its keys: SCHEMA_OF("a contact", fields). */
#define SCHEMA_OF(what, fields) { (what), (fields), sizeof(fields) / sizeof *(fields), NULL, false }

/* Checks st against s and calls the take function of every known field, in
 * file order (a repeated field of a key that may not repeat is reported
 * and not taken again). Returns the number of diagnostics added to d. */
size_t schema_read(const struct schema *s, const struct stanza *st, const char *path,
		   void *obj, struct diags *d);

/* The one wording of a field given again: f, where the first one is at
 * first_line (for a reader that sees more than one stanza at a time). */
void schema_given_twice(const struct field *f, int first_line, const char *path,
			struct diags *d);

/* The index of f's value among words[0..n), or -1 after the error
 * "'v' is not a value for Key: expected a, b or c" (with "did you mean"
 * for a near miss). */
int schema_word(const struct field *f, const char *const *words, size_t n, const char *path,
		struct diags *d);

/* "a, b or c": a new string the caller frees. */
char *schema_join(const char *const *words, size_t n);

/* Whether s is an id of a profile or a scenario: one or more of a-z, 0-9,
 * '-' and '.'. */
bool schema_is_id(const char *s);

#endif
