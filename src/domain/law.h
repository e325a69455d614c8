/* law: the provisions the summary cites, quoted verbatim.
 *
 * The texts are the project's copies in screens/law/ (from the shared
 * protocol folder), built into the binary byte for byte. Each has header
 * lines (Instrument, Provision, Language, Source, Status) before its body;
 * a quote is whole lines of the body, never re-worded. */
#ifndef TIPSCREEN_LAW_H
#define TIPSCREEN_LAW_H

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

/* The embedded file named name ("tip-art3.en"), or NULL. */
const struct law_blob *law_blob_find(const char *name);

/* The value of a header line of b ("Status", "Licence"), whole; a new
 * string the caller frees ("" if the text has no such line). */
char *law_blob_header(const struct law_blob *b, const char *key);

#endif
