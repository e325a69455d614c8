/* profile_rule: the per-purpose rules of a law profile (DESIGN.md §11,
 * version 2). A Rule stanza says, for the purposes it names, which means
 * count for adults and for children ("required": the profile's Means:;
 * "never"; or a list of its own), which act the law needs (protocol,
 * travel, any), how consent is treated, and which provisions it cites. The
 * first stanza of the profile gives the same fields for the default rule,
 * which covers the named purposes that no rule for everyone names (a rule
 * "For: children" adds a way for a child beside it). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/schema.h"
#include "base/xalloc.h"
#include "domain/profile.h"
#include "domain/profile_parse.h"

static const char *const act_words[] = { "protocol", "travel", "any", NULL };
static const char *const consent_words[] = { "if-means", "always", "not-addressed", NULL };
static const char *const for_words[] = { "everyone", "children", NULL };
static const char *const group_keys[PG_COUNT] = { "Means-adult", "Means-child" };

enum { REQ = SCHEMA_REQUIRED | SCHEMA_NONEMPTY, OPT = SCHEMA_NONEMPTY };
static const struct schema_field rule_fields[] = {
	{ "Rule", REQ, NULL },		{ "Purposes", REQ, NULL },	{ "Ref", REQ, NULL },
	{ "For", OPT, NULL },		{ "Means-adult", OPT, NULL },	{ "Means-child", OPT, NULL },
	{ "Act", OPT, NULL },		{ "Act-ref", OPT, NULL },	{ "Consent", OPT, NULL },
	{ "Consent-ref", OPT, NULL },	{ "Cite", OPT, NULL },
};
static const struct schema rule_schema = SCHEMA_OF("a Rule stanza", rule_fields);

static char *value_or(const struct stanza *s, const char *key, const char *dflt)
{
	const struct field *f = stanza_get(s, key);
	return xstrdup(f && *f->value ? f->value : dflt);
}

/* Means-adult or Means-child: "required" counts the profile's Means:,
 * "never" needs none, a list counts those means alone. Absent: dflt. */
static void parse_means(struct profile_parser *ps, const struct field *f,
			const struct prof_means *dflt, struct prof_means *m)
{
	memset(m, 0, sizeof *m);
	if (!f || !*f->value) {
		if (dflt)
			*m = *dflt;
		return;
	}
	if (strcmp(f->value, "never") == 0)
		return;
	m->required = true;
	if (strcmp(f->value, "required") == 0) {
		memcpy(m->counts, ps->p->means_named, sizeof m->counts);
		return;
	}
	m->listed = true;
	char *copy = xstrdup(f->value);
	for (char *w = strtok(copy, " ,"); w; w = strtok(NULL, " ,")) {
		int i = indicator_lookup(w);
		if (i < 0 || indicator_element(i) != EL_MEANS)
			profile_err(ps, f, "%s: expected required, never or a list of means indicators "
				    "of DESIGN §3 (means.threat means.use-of-force …), not '%s'",
				    f->key, w);
		else
			m->counts[i] = true;
	}
	free(copy);
}

/* Purposes: purpose indicators, each named by a Purpose stanza. */
static void parse_purposes(struct profile_parser *ps, const struct field *f, struct prof_rule *r)
{
	if (!f || !*f->value)
		return;
	char *copy = xstrdup(f->value);
	for (char *w = strtok(copy, " ,"); w; w = strtok(NULL, " ,")) {
		int i = indicator_lookup(w);
		if (i < 0 || indicator_element(i) != EL_PURPOSE)
			profile_err(ps, f, "Purposes: '%s' is not a purpose indicator of DESIGN §3 "
				    "(purpose.forced-labour, purpose.slavery, …)", w);
		else if (!profile_purpose(ps->p, i))
			profile_err(ps, f, "Purposes: '%s' has no Purpose stanza in this profile "
				    "(name it with Purpose: and Named: first)", w);
		else
			r->purpose[i] = true;
	}
	free(copy);
}

/* Cite: provision ids of this profile. */
static void parse_cites(struct profile_parser *ps, const struct field *f, struct prof_rule *r)
{
	if (!f || !*f->value)
		return;
	char *copy = xstrdup(f->value);
	for (char *w = strtok(copy, " ,"); w; w = strtok(NULL, " ,")) {
		int k = profile_provision_index(ps->p, w);
		if (k < 0)
			profile_err(ps, f, "Cite: no Provision '%s' in this profile", w);
		else
			r->cite[k] = true;
	}
	free(copy);
}

/* The act, consent and means of s, each defaulting to dflt's (NULL: the
 * first stanza, whose fields the table requires). */
static void parse_terms(struct profile_parser *ps, const struct stanza *s,
			const struct prof_rule *dflt, struct prof_rule *r)
{
	for (int g = 0; g < PG_COUNT; g++)
		parse_means(ps, stanza_get(s, group_keys[g]), dflt ? &dflt->means[g] : NULL,
			    &r->means[g]);
	int a = profile_word(ps, s, "Act", act_words);
	r->act = a >= 0 ? (enum prof_act)a : dflt ? dflt->act : PA_PROTOCOL;
	int c = profile_word(ps, s, "Consent", consent_words);
	r->consent = c >= 0 ? (enum prof_consent)c : dflt ? dflt->consent : PC_IF_MEANS;
}

static void parse_rule(struct profile_parser *ps, const struct stanza *s,
		       const struct prof_rule *dflt, struct prof_rule *r)
{
	ps->errors += (int)schema_read(&rule_schema, s, ps->path, ps, ps->d);
	const struct field *id = stanza_get(s, "Rule");
	r->id = value_or(s, "Rule", "");
	if (*r->id && !schema_is_id(r->id))
		profile_err(ps, id, "Rule: '%s' is not an id: expected a-z, 0-9, '-' and '.'", r->id);
	for (size_t i = 0; *r->id && i < ps->p->nrules; i++)
		if (strcmp(ps->p->rules[i].id, r->id) == 0)
			profile_err(ps, id, "rule '%s' is defined twice", r->id);
	r->ref = value_or(s, "Ref", "");
	/* An act of the rule's own is named by the rule; an inherited one by
	 * the profile's Act-ref. */
	r->act_ref = value_or(s, "Act-ref", stanza_get(s, "Act") ? r->ref : dflt->act_ref);
	r->consent_ref = value_or(s, "Consent-ref",
				  stanza_get(s, "Consent") ? r->ref : dflt->consent_ref);
	parse_purposes(ps, stanza_get(s, "Purposes"), r);
	r->children_only = profile_word(ps, s, "For", for_words) == 1;
	const struct field *adult = stanza_get(s, group_keys[PG_ADULT]);
	if (r->children_only && adult)
		profile_err(ps, adult, "Means-adult: a rule 'For: children' has no means for adults");
	parse_terms(ps, s, dflt, r);
	parse_cites(ps, stanza_get(s, "Cite"), r);
}

void profile_rules_read(struct profile_parser *ps, const struct stanza_file *f)
{
	struct profile *p = ps->p;
	struct prof_rule dflt;
	memset(&dflt, 0, sizeof dflt);
	const struct stanza *head = &f->s[0];
	parse_terms(ps, head, NULL, &dflt);
	dflt.id = xstrdup("");
	dflt.ref = value_or(head, "Ref", p->name ? p->name : "");
	dflt.act_ref = value_or(head, "Act-ref", dflt.ref);
	dflt.consent_ref = value_or(head, "Consent-ref", dflt.ref);
	size_t n = 0;
	for (size_t i = 1; i < f->n; i++)
		n += strcasecmp(f->s[i].f[0].key, "Rule") == 0;
	p->rules = xcalloc(n + 1, sizeof *p->rules);
	for (size_t i = 1; i < f->n; i++)
		if (strcasecmp(f->s[i].f[0].key, "Rule") == 0) {
			parse_rule(ps, &f->s[i], &dflt, &p->rules[p->nrules]);
			p->nrules++;
		}
	for (size_t k = 0; k < p->npurposes; k++) {
		bool ruled = false;
		for (size_t i = 0; i < p->nrules; i++)
			ruled |= p->rules[i].purpose[p->purposes[k].ind] && !p->rules[i].children_only;
		dflt.purpose[p->purposes[k].ind] = !ruled;
	}
	p->rules[p->nrules++] = dflt;
}

void profile_rules_free(struct profile *p)
{
	for (size_t i = 0; i < p->nrules; i++) {
		free(p->rules[i].id);
		free(p->rules[i].ref);
		free(p->rules[i].act_ref);
		free(p->rules[i].consent_ref);
	}
	free(p->rules);
	p->rules = NULL;
	p->nrules = 0;
}

const struct prof_rule *profile_default_rule(const struct profile *p)
{
	return p->nrules ? &p->rules[p->nrules - 1] : NULL;
}
