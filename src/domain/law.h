/* law: the provisions the summary cites, quoted verbatim, and the texts
 * training quotes to teach.
 *
 * The texts are the project's copies in screens/law/ (from the shared
 * protocol folder), built into the binary byte for byte. Each has header
 * lines (Instrument, Provision, Language, Source, Status) before its body;
 * a quote is whole lines of the body, never re-worded. A teaching citation
 * (the Protocol's Art. 5, criminalization: DESIGN §10) is quoted by
 * training only, never by an assessment: it has no enum cite. */
#ifndef TIPSCREEN_LAW_H
#define TIPSCREEN_LAW_H

#include <stddef.h>

#include "domain/assess.h"

/* One embedded file; the generated law_data.c defines the table. */
struct law_blob {
	const char *name;	/* "tip-art3.en" */
	const char *data;	/* NUL-terminated */
	unsigned len;
};
extern const struct law_blob law_blobs[];
extern const unsigned law_blob_count;

struct law_quote {
	const char *cite;	/* "tip-3a", static */
	const char *title;	/* "Trafficking in Persons Protocol, Article 3(a)", static,
				 * English: pass it to _() */
	char *text;		/* the quoted lines, verbatim, joined by "\n"; owned */
	char *lang;		/* owned, from the Language: header */
	char *status;		/* owned: "verified" or "unverified", without the
				 * reason in brackets the Status: line may give */
	char *source;		/* owned */
};

/* Quotes the provision cited by c in language lang ("en"). Returns 0, or -1
 * if there is no text for it in that language. */
int law_quote(enum cite c, const char *lang, struct law_quote *q);
void law_quote_free(struct law_quote *q);

/* Quotes the teaching citation id ("tip-art5") in language lang ("en"):
 * its whole body. Returns 0, or -1 if id is not a teaching citation or has
 * no text in that language. q->cite is id's static copy. */
int law_teaching_quote(const char *id, const char *lang, struct law_quote *q);

/* The id of the i-th teaching citation (from 0), or NULL past the last. */
const char *law_teaching_id(size_t i);

/* The embedded file named name ("tip-art3.en"), or NULL. */
const struct law_blob *law_blob_find(const char *name);

/* The value of a header line of b ("Status", "Licence"), whole; a new
 * string the caller frees ("" if the text has no such line). */
char *law_blob_header(const struct law_blob *b, const char *key);

#endif
