/* contacts: the local referral contacts shown on the referral screen
 * whatever the outcome (DESIGN.md §5). They are the office's, not the
 * respondent's: a stanza file, one stanza per contact, with the fields
 * Name (required), For, Phone, Hours, Address and Note. A For: that
 * begins with the word "children" (or "child") is for those under 18 now,
 * or presumed to be; one that begins with "adults" (or "adult") for those
 * 18 or over now; any other is for anyone.
 *
 * A struct contacts owns its stanzas; free with contacts_free. */
#ifndef TIPSCREEN_CONTACTS_H
#define TIPSCREEN_CONTACTS_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"
#include "base/stanza.h"

struct contacts {
	struct stanza_file file;
};

/* Loads path. Returns 0; 1 if the file does not exist (no contacts yet);
 * -1 after adding problems to d. */
int contacts_load(const char *path, struct contacts *c, struct diags *d);

/* Whom a contact is for (its For: field). */
enum contacts_for { CONTACTS_ANYONE, CONTACTS_CHILD, CONTACTS_ADULT };

/* Whether contact i is for who: CONTACTS_ANYONE takes every contact;
 * CONTACTS_CHILD those for children and for anyone; CONTACTS_ADULT those
 * for adults and for anyone. */
bool contacts_fits(const struct contacts *c, size_t i, enum contacts_for who);

/* Prints every contact for who, one field a line, indented. Returns how
 * many it printed. */
size_t contacts_print(const struct contacts *c, enum contacts_for who, FILE *out);

void contacts_free(struct contacts *c);

/* The default path: $XDG_CONFIG_HOME/tipscreen/contacts, else
 * $HOME/.config/tipscreen/contacts. A new string the caller frees; NULL if
 * neither variable is set. */
char *contacts_default_path(void);

#endif
