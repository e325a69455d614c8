/* langs: the languages an interview can be held in, one PO file each.
 *
 * English is built in (the deck and the program are written in it) and is
 * always there; the others are the *.po files of the locales directory,
 * loaded at start (compiled into .mo files by the build: langs_open). A struct langs owns its catalogs; langs_free frees them. */
#ifndef TIPSCREEN_LANGS_H
#define TIPSCREEN_LANGS_H

#include <stddef.h>

#include "base/diag.h"
#include "domain/catalog.h"

struct langs {
	struct catalog **v;	/* v[0] is NULL: English */
	size_t n;
};

/* Loads every *.po file of dir, in name order. A missing dir leaves English
 * alone. Returns 0, or -1 after adding the errors of bad files to d (the
 * good ones are loaded all the same). */
int langs_load(const char *dir, struct langs *out, struct diags *d);
/* The same for an interview: each language from its compiled catalog
 * (xx.mo beside xx.po, made by the build, at least as new as the PO file),
 * which opens in constant time; from the PO file where there is none. */
int langs_open(const char *dir, struct langs *out, struct diags *d);
void langs_free(struct langs *l);

/* The index of the language named by tag, or -1: "fr", "fr_FR",
 * "fr_FR.UTF-8@euro" and "fr-FR" all name "fr"; "en", "C" and "POSIX"
 * name English. */
int langs_find(const struct langs *l, const char *tag);

/* The index of the interface language (i18n_current) in l; 0 if it is not
 * one of l's. */
int langs_current(const struct langs *l);

/* The language of the environment: the first of LANGUAGE's list that is
 * known, else LC_ALL, else LANG; 0 (English) when none is known. */
int langs_from_env(const struct langs *l);

/* "Français (fr), draft: not reviewed by a native speaker", or
 * "English (en)": how a language is shown wherever one is picked. New. */
char *langs_label(const struct langs *l, int i);

#endif
