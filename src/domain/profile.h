/* profile: a national or regional law profile (DESIGN.md §11), read from
 * screens/law/profiles/ID.profile and checked with file:line:col errors.
 *
 * A profile says how one jurisdiction's offence differs from Article 3 of
 * the Protocol: the child age; the forms of exploitation it names, mapped
 * onto DESIGN §3's purpose indicators; and, per purpose or group of
 * purposes (version 2, DESIGN §11), a rule: the means that count for adults
 * and for children (none needed, or which), the act (the Protocol's, travel,
 * or any act such as obtaining or maintaining), and how consent is treated;
 * and the provisions it cites, each either quoted verbatim from an embedded
 * law text (a screens/law/ .txt file, with that text's status) or a citation
 * alone where the text is not bundled or its licence is not determined.
 *
 * The file is the stanza format of the deck: a first stanza describing the
 * profile (its rule for the purposes no rule for everyone names), then stanzas
 * `Purpose:` (a named form of exploitation), `Rule:` (a per-purpose rule)
 * and `Provision:`. README.md "Law profiles" and screens/law/profiles/
 * README.md document every field. A struct profile owns all its strings:
 * profile_free. */
#ifndef TIPSCREEN_PROFILE_H
#define TIPSCREEN_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
#include "base/stanza.h"
#include "domain/vocab.h"

enum { PG_ADULT, PG_CHILD, PG_COUNT };
/* The act: the Protocol's five acts; arranging or facilitating travel
 * (Modern Slavery Act 2015 s.2), of which they are the ways (s.2(3)) and
 * which must occur (s.2(5)); or any act, the obtaining or maintaining of
 * the person in the exploitation included (18 U.S.C. 1589(a) "provides or
 * obtains", RA 9208 s.3(a) "obtaining, hiring, … maintaining"). */
enum prof_act { PA_PROTOCOL, PA_TRAVEL, PA_ANY };
/* Consent: irrelevant where means were used (the Protocol, 3(b)), always
 * irrelevant (adult or child), or not addressed by the texts cited. */
enum prof_consent { PC_IF_MEANS, PC_ALWAYS, PC_NOT_ADDRESSED };
/* When a provision is cited: always (the offence), for a child, with
 * consent-irrelevant or non-punishment, when minor now is presumed (the
 * presumption of minority), when minor now is yes or presumed (assistance
 * to a child victim), or through a purpose or a rule. */
enum prof_role {
	PR_OFFENCE, PR_CHILD, PR_CONSENT, PR_NON_PUNISHMENT, PR_MINORITY, PR_CHILD_NOW, PR_PURPOSE
};

enum { PROFILE_MAX_PROVISIONS = 32 };

struct prof_provision {
	char *id;		/* "s2", unique in the profile */
	char *title;		/* "Modern Slavery Act 2015, section 2" */
	enum prof_role role;
	char *text;		/* the quoted lines, verbatim; NULL: a citation alone */
	char *text_name;	/* the embedded text ("gb-msa2015-s2.en"), or NULL */
	char *status;		/* the text's status word, "verified" or "unverified";
				 * NULL for a citation alone */
	char *as_at;		/* the text's As-at: line, or NULL */
	char *citation;		/* a citation alone: how to find it; NULL when quoted */
	char *source;		/* where the text is (citation alone: required) */
	char *why;		/* a citation alone: why it is not quoted */
};

struct prof_purpose {
	enum indicator ind;	/* a purpose indicator of DESIGN §3 */
	char *named;		/* the law's words for it */
	char *note;		/* a sentence shown when it is met, or NULL */
	bool children_only;	/* For: children — named only for a child */
	int cite;		/* index of a provision, or -1 */
};

/* The means that count for one group under a rule. */
struct prof_means {
	bool required;		/* false: "never", no means needed */
	bool counts[IND_COUNT];	/* the means indicators that count, when required */
	bool listed;		/* a list of the rule's own, not the profile's Means: */
};

/* A per-purpose rule: the offence of one provision for the purposes it
 * names. The profile's first stanza gives the default rule, for the named
 * purposes that no rule for everyone names. A purpose may be named by several
 * rules (alternative offences); the assessment takes the one the answers
 * fit best. */
struct prof_rule {
	char *id;		/* "1589"; "" for the default rule */
	char *ref;		/* the provision in sentences: "18 U.S.C. 1589(a)" */
	char *act_ref;		/* the act's provision in sentences: "s.2(3), (5)" */
	char *consent_ref;	/* the consent rule's provision in sentences: "s.2(2)" */
	bool purpose[IND_COUNT];	/* the purpose indicators it is for */
	bool children_only;	/* For: children */
	struct prof_means means[PG_COUNT];
	enum prof_act act;
	enum prof_consent consent;
	bool cite[PROFILE_MAX_PROVISIONS];	/* cited when it applies */
};

struct profile {
	char *id, *path;
	char *jurisdiction, *instrument, *citation;
	char *name;		/* for sentences: "Under <name> ..." */
	char *version, *date;	/* the version of the texts, and its date (YYYY-MM-DD) */
	char *licence, *status, *source;
	int child_age;
	char *child_note;	/* who else the law counts as a child, or NULL */
	bool means_named[IND_COUNT];	/* Means:, what "required" counts */
	struct prof_purpose *purposes;
	size_t npurposes;
	struct prof_rule *rules;	/* the Rule stanzas in file order, then the
					 * default rule */
	size_t nrules;
	struct prof_provision prov[PROFILE_MAX_PROVISIONS];
	size_t nprov;
};

/* Reads and checks the profile file at path. The profile's id must equal
 * the file's name without ".profile". Returns 0, or -1 after adding every
 * problem to d with its file:line:col (p then holds nothing to free). */
int profile_load(const char *path, struct profile *p, struct diags *d);

/* Checks an already parsed file (path and its expected id for messages). */
int profile_parse(const struct stanza_file *f, const char *id, struct profile *p,
		  struct diags *d);

void profile_free(struct profile *p);

/* The file of profile id in a deck: DECK/law/profiles/ID.profile; a new
 * string. An id that is a path (holds a '/') is returned as it is. NULL if
 * id is neither a valid id (a-z, 0-9, '-') nor a path ending ".profile". */
char *profile_path(const char *deck, const char *id);

/* Loads every ID.profile file of DECK/law/profiles, in name order. Returns the
 * number of profiles (0 if there is no such folder), or -1 after adding
 * every problem to d. */
int profile_check_all(const char *deck, struct diags *d);

/* The purpose entry of indicator i, or NULL if the law does not name it. */
const struct prof_purpose *profile_purpose(const struct profile *p, enum indicator i);

/* The default rule (the first stanza's): the last of p->rules. */
const struct prof_rule *profile_default_rule(const struct profile *p);

/* The configuration file naming the default profile, next to the contacts:
 * $XDG_CONFIG_HOME/tipscreen/law, else $HOME/.config/tipscreen/law; a new
 * string, NULL if neither variable is set. */
char *profile_config_path(void);

/* Reads that file: one field, "Law: ID" (or "Law: none"). Returns 0 with
 * *id a new string; 1 if the file does not exist; -1 after a diagnostic. */
int profile_config_read(const char *path, char **id, struct diags *d);

#endif
