/* laptops: the names the office gives its laptops (issue 22). A name comes
 * from the known laptops' file (--signer: "KEY NAME" a line, as `whoami
 * FILE --name NAME` writes it) when a bundle of that laptop is imported,
 * and is kept in the append-only laptops table (a laptop renamed gets a
 * new row: the last one is its name). Listings show the name, else the
 * fingerprint; the audit log's entries name both.
 *
 * Strings are borrowed; errors are DB_ codes with db_error. */
#ifndef TIPSCREEN_OFFICE_LAPTOPS_H
#define TIPSCREEN_OFFICE_LAPTOPS_H

#include <stddef.h>

#include "office/db.h"

/* Records name for laptop (its key in base64) unless it is its name
 * already; inside the caller's transaction. */
int laptops_name(struct db *db, const char *laptop, const char *name);
/* The laptop's name (made safe for a terminal) into out (n bytes), or ""
 * when it has none: 0, or a DB_ code. */
int laptops_name_of(struct db *db, const char *laptop, char *out, size_t n);

#endif
