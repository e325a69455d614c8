/* The per-purpose rules of a law profile (DESIGN §11 version 2): what a
 * Rule stanza and the first stanza's defaults read into, and every
 * malformed rule refused with file:line:col and what was expected. */
#include "testutil.h"

#include "base/stanza.h"
#include "base/xalloc.h"
#include "domain/profile.h"

/* A profile: this head (lines 1-16), two purposes (lines 18-19, 21-22)
 * and one provision (lines 24-29), then the test's stanzas from line 31. */
static const char head[] =
	"Profile: xx\nJurisdiction: X\nInstrument: X\nCitation: X\nName: the X Act\n"
	"Version: 1\nDate: 2020-01-01\nLicence: public domain\nStatus: unverified (test)\n"
	"Source: x\nChild-age: 18\nMeans-adult: required\nMeans-child: never\n"
	"Means: means.threat means.fraud means.deception\nAct: protocol\nConsent: if-means\n"
	"\nPurpose: purpose.forced-labour\nNamed: forced labour\n"
	"\nPurpose: purpose.slavery\nNamed: slavery\n"
	"\nProvision: p1\nTitle: the X Act, s.1\nRole: purpose\nCitation: X s.1\nSource: x\n"
	"Not-quoted: a test\n\n";

/* Parses head + rules as xx.profile: 0 with *p filled, or -1 with d. */
static int parse(const char *rules, struct profile *p, struct diags *d)
{
	char *text = xasprintf("%s%s", head, rules);
	struct stanza_file f;
	assert_int_equal(stanza_parse("xx.profile", text, strlen(text), &f, d), 0);
	int rc = profile_parse(&f, "xx", p, d);
	stanza_file_free(&f);
	free(text);
	return rc;
}

static const struct prof_rule *rule(const struct profile *p, const char *id)
{
	for (size_t i = 0; i < p->nrules; i++)
		if (strcmp(p->rules[i].id, id) == 0)
			return &p->rules[i];
	fail_msg("no rule '%s'", id);
	return NULL;
}

/* The rules are refused with a diagnostic that contains want. */
static void refused(const char *rules, const char *want)
{
	struct profile p;
	struct diags d = { 0 };
	if (parse(rules, &p, &d) == 0) {
		profile_free(&p);
		fail_msg("accepted:\n%s\nexpected: %s", rules, want);
	}
	assert_diag(&d, want);
	diags_free(&d);
}

static void test_a_rule_inherits_what_it_does_not_say(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("Rule: r\nPurposes: purpose.slavery\nRef: the X Act, s.1\n", &p, &d), 0);
	const struct prof_rule *r = rule(&p, "r");
	assert_true(r->purpose[IND_PURPOSE_SLAVERY]);
	assert_false(r->purpose[IND_PURPOSE_FORCED_LABOUR]);
	assert_true(r->means[PG_ADULT].required);
	assert_false(r->means[PG_ADULT].listed);
	assert_true(r->means[PG_ADULT].counts[IND_MEANS_FRAUD]);
	assert_false(r->means[PG_ADULT].counts[IND_MEANS_COERCION]);	/* not in Means: */
	assert_false(r->means[PG_CHILD].required);
	assert_int_equal(r->act, PA_PROTOCOL);
	assert_int_equal(r->consent, PC_IF_MEANS);
	assert_string_equal(r->ref, "the X Act, s.1");
	assert_string_equal(r->act_ref, "the X Act");	/* the profile's act, named by its Name */
	profile_free(&p);
}

static void test_a_list_of_means_counts_those_alone(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("Rule: r\nPurposes: purpose.forced-labour\nRef: s.1\n"
			       "Means-adult: means.threat means.coercion\nMeans-child: required\n",
			       &p, &d), 0);
	const struct prof_means *m = &rule(&p, "r")->means[PG_ADULT];
	assert_true(m->required);
	assert_true(m->listed);
	assert_true(m->counts[IND_MEANS_THREAT]);
	assert_true(m->counts[IND_MEANS_COERCION]);	/* a list may go beyond Means: */
	assert_false(m->counts[IND_MEANS_FRAUD]);
	assert_false(m->counts[IND_MEANS_DECEPTION]);
	assert_true(rule(&p, "r")->means[PG_CHILD].required);
	assert_true(rule(&p, "r")->means[PG_CHILD].counts[IND_MEANS_DECEPTION]);
	profile_free(&p);
}

static void test_never_needs_no_means(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("Rule: r\nPurposes: purpose.forced-labour\nRef: s.1\n"
			       "Means-adult: never\n", &p, &d), 0);
	assert_false(rule(&p, "r")->means[PG_ADULT].required);
	assert_false(rule(&p, "r")->means[PG_ADULT].counts[IND_MEANS_THREAT]);
	profile_free(&p);
}

static void test_act_consent_and_their_references(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("Rule: a\nPurposes: purpose.forced-labour\nRef: s.1\nAct: any\n"
			       "Act-ref: s.1 (\"obtains\")\nConsent: not-addressed\nCite: p1\n"
			       "\nRule: t\nPurposes: purpose.slavery\nRef: s.2\nAct: travel\n",
			       &p, &d), 0);
	const struct prof_rule *a = rule(&p, "a"), *t = rule(&p, "t");
	assert_int_equal(a->act, PA_ANY);
	assert_string_equal(a->act_ref, "s.1 (\"obtains\")");
	assert_int_equal(a->consent, PC_NOT_ADDRESSED);
	assert_string_equal(a->consent_ref, "s.1");	/* a consent rule of its own */
	assert_string_equal(t->consent_ref, "the X Act");	/* the profile's */
	assert_true(a->cite[0]);
	assert_int_equal(t->act, PA_TRAVEL);
	assert_string_equal(t->act_ref, "s.2");	/* an act of its own: named by its Ref */
	assert_false(t->cite[0]);
	profile_free(&p);
}

/* The default rule (the first stanza's) takes the named purposes that no
 * rule for everyone names; a rule for children adds a way beside it. */
static void test_the_default_rule_takes_the_purposes_left(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(parse("Rule: c\nPurposes: purpose.forced-labour purpose.slavery\n"
			       "For: children\nRef: s.3\nAct: any\n", &p, &d), 0);
	assert_int_equal(p.nrules, 2);
	const struct prof_rule *dflt = profile_default_rule(&p);
	assert_string_equal(dflt->id, "");
	assert_string_equal(dflt->ref, "the X Act");
	assert_true(dflt->purpose[IND_PURPOSE_FORCED_LABOUR]);
	assert_true(dflt->purpose[IND_PURPOSE_SLAVERY]);
	assert_true(rule(&p, "c")->children_only);
	profile_free(&p);
	assert_int_equal(parse("Rule: e\nPurposes: purpose.forced-labour\nRef: s.3\n", &p, &d), 0);
	assert_false(profile_default_rule(&p)->purpose[IND_PURPOSE_FORCED_LABOUR]);
	assert_true(profile_default_rule(&p)->purpose[IND_PURPOSE_SLAVERY]);
	profile_free(&p);
	diags_free(&d);
}

/* Each malformed rule: file:line:col of the value, and what was expected. */
static void test_a_malformed_rule_is_refused_with_file_line_col(void **st)
{
	(void)st;
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nMeans-adult: means.threat means.fruad\n",
		"xx.profile:34:14: error: Means-adult: expected required, never or a list of means "
		"indicators of DESIGN §3 (means.threat means.use-of-force …), not 'means.fruad'");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nMeans-child: purpose.slavery\n",
		"xx.profile:34:14: error: Means-child: expected required, never or a list");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nAct: maybe\n",
		"xx.profile:34:6: error: 'maybe' is not a value for Act: expected protocol, travel or any");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nConsent: never\n",
		"xx.profile:34:10: error: 'never' is not a value for Consent: expected if-means, always "
		"or not-addressed");
	refused("Rule: r\nPurposes: purpose.slavery purpose.forced-marriage\nRef: s.1\n",
		"xx.profile:32:11: error: Purposes: 'purpose.forced-marriage' has no Purpose stanza in "
		"this profile");
	refused("Rule: r\nPurposes: purpose.labour\nRef: s.1\n",
		"xx.profile:32:11: error: Purposes: 'purpose.labour' is not a purpose indicator");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nCite: p1 p9\n",
		"xx.profile:34:7: error: Cite: no Provision 'p9' in this profile");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nFor: children\nMeans-adult: never\n",
		"xx.profile:35:14: error: Means-adult: a rule 'For: children' has no means for adults");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nFor: adults\n",
		"xx.profile:34:6: error: 'adults' is not a value for For: expected everyone or children");
	refused("Rule: r\nPurposes: purpose.slavery\n",
		"xx.profile:31:1: error: a Rule stanza has no 'Ref:' field");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\n\nRule: r\nPurposes: purpose.slavery\n"
		"Ref: s.1\n", "xx.profile:35:7: error: rule 'r' is defined twice");
	refused("Rule: R_1\nPurposes: purpose.slavery\nRef: s.1\n",
		"xx.profile:31:7: error: Rule: 'R_1' is not an id");
	refused("Rule: r\nPurposes: purpose.slavery\nRef: s.1\nMeans: means.threat\n",
		"xx.profile:34:1: error: unknown field 'Means' in a Rule stanza");
}

/* The first stanza's means take the same values as a rule's. */
static void test_the_profile_means_take_the_rule_values(void **st)
{
	(void)st;
	struct profile p;
	struct diags d = { 0 };
	char *h = xstrdup(head);
	char *at = strstr(h, "Means-adult: required");
	memcpy(at, "Means-adult: always  ", 21);
	struct stanza_file f;
	assert_int_equal(stanza_parse("xx.profile", h, strlen(h), &f, &d), 0);
	assert_int_equal(profile_parse(&f, "xx", &p, &d), -1);
	assert_diag(&d, "xx.profile:12:14: error: Means-adult: expected required, never or a list of "
			"means indicators of DESIGN §3 (means.threat means.use-of-force …), not 'always'");
	stanza_file_free(&f);
	diags_free(&d);
	free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_rule_inherits_what_it_does_not_say),
		cmocka_unit_test(test_a_list_of_means_counts_those_alone),
		cmocka_unit_test(test_never_needs_no_means),
		cmocka_unit_test(test_act_consent_and_their_references),
		cmocka_unit_test(test_the_default_rule_takes_the_purposes_left),
		cmocka_unit_test(test_a_malformed_rule_is_refused_with_file_line_col),
		cmocka_unit_test(test_the_profile_means_take_the_rule_values),
	};
	return cmocka_run_group_tests_name("profile_rules", tests, utf8_locale, NULL);
}
