/* profile_parse: what the reading of a law profile (profile.c) and of its
 * per-purpose rules (profile_rule.c) share while one file is read. Private
 * to those two files; everything else reads a profile with profile_load.
 *
 * The parser borrows the profile it fills and the diagnostics. */
#ifndef TIPSCREEN_PROFILE_PARSE_H
#define TIPSCREEN_PROFILE_PARSE_H

#include "base/diag.h"
#include "base/stanza.h"

struct profile;

struct profile_parser {
	const char *path;
	struct profile *p;
	struct diags *d;
	int errors;
};

/* An error at the value of field f (at line 0 when f is NULL). */
void profile_err(struct profile_parser *ps, const struct field *f, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* The index of the value of field key of s among words (NULL-terminated);
 * -1 if the field is absent or empty, or after an error if it is not one
 * of them. */
int profile_word(struct profile_parser *ps, const struct stanza *s, const char *key,
		 const char *const *words);

/* The index of provision id in p, or -1. */
int profile_provision_index(const struct profile *p, const char *id);

/* Reads the rules once the purposes and provisions are known: every Rule
 * stanza of f, then the default rule from the first stanza (Means-adult,
 * Means-child, Act, Act-ref, Ref, Consent, Consent-ref) for the named purposes no rule
 * for everyone names. Errors count against ps. */
void profile_rules_read(struct profile_parser *ps, const struct stanza_file *f);

/* Frees the rules of p. */
void profile_rules_free(struct profile *p);

#endif
