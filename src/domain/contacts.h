/* contacts: the local referral contacts shown on the referral screen
 * whatever the outcome (DESIGN.md §5). They are the office's, not the
 * respondent's: a stanza file, one stanza per contact, with the fields
 * Name (required), For, Phone, Hours, Address and Note.
 *
 * A struct contacts owns its stanzas; free with contacts_free. */
#ifndef TIPSCREEN_CONTACTS_H
#define TIPSCREEN_CONTACTS_H

#include <stdio.h>

#include "base/diag.h"
#include "base/stanza.h"

struct contacts {
	struct stanza_file file;
};

/* Loads path. Returns 0; 1 if the file does not exist (no contacts yet);
 * -1 after adding problems to d. */
int contacts_load(const char *path, struct contacts *c, struct diags *d);

/* Prints every contact, one field a line, indented. */
void contacts_print(const struct contacts *c, FILE *out);

void contacts_free(struct contacts *c);

/* The default path: $XDG_CONFIG_HOME/tipscreen/contacts, else
 * $HOME/.config/tipscreen/contacts. A new string the caller frees; NULL if
 * neither variable is set. */
char *contacts_default_path(void);

#endif
