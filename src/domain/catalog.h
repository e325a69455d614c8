/* catalog: one language's translations, read from a gettext PO file, or
 * from the .mo file the build compiles it into (catalog_load_mo).
 *
 * tipscreen reads the PO files of locales/ itself instead of going through
 * the C library's gettext: an interview needs a language whose system
 * locale is not installed, two languages on screen at once (interviewer's
 * and respondent's), and a switch mid-interview; and `tipscreen check`
 * needs the line of every entry. Translators still use their usual tools
 * (msgmerge, msgfmt --check, poedit).
 *
 * A lookup is by context and English text (msgctxt, msgid): the deck's
 * strings have their screen or item id as context, the program's strings
 * none. A missing, empty or fuzzy translation, and one whose placeholders
 * differ from the English, give the English back: never an empty string,
 * never a format string that does not match its arguments.
 *
 * The PO file's charset (its Content-Type header) is converted to UTF-8
 * on load. A catalog owns every string in it; catalog_free frees them. */
#ifndef TIPSCREEN_CATALOG_H
#define TIPSCREEN_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"

struct catalog;

/* One entry as read, for checks (see catalog_entry). Borrowed. */
struct catalog_entry {
	const char *ctx;	/* NULL: no msgctxt */
	const char *id;
	const char *str;	/* "" when untranslated */
	bool fuzzy;
	int line;		/* of the msgid */
};

/* Reads a PO file. Returns NULL after adding file:line:col errors to d
 * (syntax, bad escapes, unknown charset, text invalid in it). */
struct catalog *catalog_load(const char *path, struct diags *d);

/* Opens a compiled catalog (a .mo file that msgfmt made of a PO file,
 * UTF-8): mapped, not read, so that it opens in the same time whatever
 * its size; lookups search its sorted table. It holds only the usable
 * translations (no untranslated or fuzzy entry, no line numbers):
 * catalog_entries is empty and catalog_has is catalog_translated; `check`
 * reads the PO files. NULL for a file that is missing, not a .mo or not
 * UTF-8 (the caller then reads the PO file). */
struct catalog *catalog_load_mo(const char *path);
void catalog_free(struct catalog *c);

/* The translation of id in context ctx (NULL: none), or id itself. c may be
 * NULL (English). Never NULL, never "" unless id is "". */
const char *catalog_get(const struct catalog *c, const char *ctx, const char *id)
	__attribute__((format_arg(3)));

/* True if c has a usable translation of (ctx, id) (see above). */
bool catalog_translated(const struct catalog *c, const char *ctx, const char *id);

/* True if c has an entry (ctx, id), translated or not. */
bool catalog_has(const struct catalog *c, const char *ctx, const char *id);

/* Header facts: the language tag ("fr"), its own name ("Français"), and
 * whether a native speaker has reviewed it (header X-Reviewed: yes). For a
 * NULL catalog: "en", "English", true. */
const char *catalog_lang(const struct catalog *c);
const char *catalog_name(const struct catalog *c);
bool catalog_reviewed(const struct catalog *c);
/* True for a right-to-left language (header X-Direction: rtl). */
bool catalog_rtl(const struct catalog *c);
/* The file it was read from. */
const char *catalog_path(const struct catalog *c);

/* The entries in file order, header excluded; *n their number. */
const struct catalog_entry *catalog_entries(const struct catalog *c, size_t *n);

/* The placeholders of s in order (printf directives other than %%, and
 * ${name}), joined by spaces: a new string, for messages. */
char *catalog_placeholders(const char *s);
/* True if a and b have the same placeholders in the same order. */
bool catalog_placeholders_agree(const char *a, const char *b);

/* The program's interface language: the one process-wide setting, as the C
 * library's own textdomain. NULL (the default) is English. The catalog is
 * borrowed and must outlive its use. */
void i18n_use(const struct catalog *c);
const struct catalog *i18n_current(void);

/* Marks a program string for `make pot` and translates it now. */
#define _(s) catalog_get(i18n_current(), NULL, (s))
/* The same with a context, for short words that need one. */
#define C_(ctx, s) catalog_get(i18n_current(), (ctx), (s))
/* A text of the deck, by its screen or item id (extracted by `tipscreen
 * pot`, not xgettext). */
#define D_(ctx, s) catalog_get(i18n_current(), (ctx), (s))
/* Marks a string for `make pot` only: translate it where it is used, _(). */
#define N_(s) (s)
#define NC_(ctx, s) (s)

#endif
