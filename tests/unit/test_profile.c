/* Law profiles: the bundled five load; the assessment under each differs
 * from the Protocol where its law does; broken profiles are refused with
 * file:line:col. */
#include "profile_run.h"

#include "base/xalloc.h"
#include "domain/report.h"

static void test_the_five_bundled_profiles_load(void **st)
{
	(void)st;
	struct diags d = { 0 };
	int n = profile_check_all("screens", &d);
	if (n < 0) {
		char *t = diags_text(&d);
		fail_msg("%s", t);
	}
	assert_int_equal(n, 5);
	diags_free(&d);
}

static const char child_labour_no_means[] =
	"age-at-act: 15\nact.recruitment: yes\npurpose.forced-labour: yes\n"
	"means.threat: no\nmeans.use-of-force: no\nmeans.fraud: no\nmeans.deception: no\n";

/* US: labour or services need force, fraud or coercion, for a child too. */
static void test_us_child_in_labour_without_means_is_not_shown(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", child_labour_no_means);
	assert_int_equal(r.a.outcome, OUT_CONSISTENT_CHILD);
	assert_int_equal(r.n.outcome, OUT_NOT_SHOWN);
	assert_true(r.n.el[EL_MEANS].required);
	assert_int_equal(r.n.el[EL_MEANS].status, ST_NOT_MET);
	assert_true(cites(&r.n, "1589a"));
	assert_false(cites(&r.n, "1591a"));
	assert_true(says(&r.n, "18 U.S.C. 1589(a): the means are required for a child too, for "
			       "labor or services."));
	run_free(&r);
}

/* US: a person under 18 in a commercial sex act needs no means. */
static void test_us_child_in_commercial_sex_needs_no_means(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 16\nact.recruitment: yes\n"
		  "purpose.prostitution-of-others: yes\nmeans.threat: no\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_CHILD);
	assert_false(r.n.el[EL_MEANS].required);
	assert_true(cites(&r.n, "1591a"));
	run_free(&r);
}

/* US: no abuse of a position of vulnerability among the means. */
static void test_us_vulnerability_is_not_among_the_means(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 30\nact.recruitment: yes\npurpose.forced-labour: yes\n"
		  "means.abuse-of-vulnerability: yes\n");
	assert_int_equal(r.a.outcome, OUT_CONSISTENT_ADULT);
	assert_int_equal(r.n.el[EL_MEANS].status, ST_UNCLEAR);
	assert_int_equal(r.n.outcome, OUT_INCOMPLETE);
	assert_true(says(&r.n, "18 U.S.C. 1589(a): its means for labor or services do not include "
			       "abuse of a position of vulnerability."));
	run_free(&r);
}

/* England and Wales s.2: arranging or facilitating travel, no means. */
static void test_gb_adult_moved_for_exploitation_without_means_is_consistent(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 24\nact.transportation: yes\n"
		  "purpose.forced-labour: yes\nmeans.threat: no\nmeans.deception: no\n");
	assert_int_equal(r.a.outcome, OUT_NOT_SHOWN);
	assert_true(r.a.flag[FLAG_PURPOSE_WITHOUT_MEANS]);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_false(r.n.el[EL_MEANS].required);
	assert_false(r.n.flag[FLAG_PURPOSE_WITHOUT_MEANS]);
	assert_true(cites(&r.n, "s2"));
	assert_true(says(&r.n, "s.2 with s.1 and s.3(2) of the Modern Slavery Act 2015: the means "
			       "are not required for an adult."));
	assert_true(says(&r.n, "s.2(3) and (5) of the Modern Slavery Act 2015: the act is arranging "
			       "or facilitating travel, and travel is recorded."));
	run_free(&r);
}

/* England and Wales: consent to the travel is irrelevant, means or not. */
static void test_gb_consent_is_irrelevant_without_means(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 24\nact.recruitment: yes\npurpose.forced-labour: yes\n"
		  "means.threat: no\nconsent: yes\n");
	assert_false(r.a.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_true(r.n.flag[FLAG_CONSENT_IRRELEVANT]);
	run_free(&r);
}

/* EU: Directive (EU) 2024/1712 names forced marriage. */
static void test_eu_names_forced_marriage(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "eu", "age-at-act: 20\nact.recruitment: yes\npurpose.forced-marriage: yes\n"
		  "means.deception: yes\n");
	assert_true(r.a.flag[FLAG_BEYOND_MINIMUM]);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_false(r.n.flag[FLAG_BEYOND_MINIMUM]);
	assert_true(cites(&r.n, "art2-3"));
	assert_true(says(&r.n, "the exploitation includes the exploitation of forced marriage"));
	run_free(&r);
}

/* A form the law does not name makes the purpose unclear under it. */
static void test_gb_forced_marriage_is_not_named(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 20\nact.recruitment: yes\n"
		  "purpose.forced-marriage: yes\n");
	assert_int_equal(r.a.el[EL_PURPOSE].status, ST_MET);
	assert_int_equal(r.n.el[EL_PURPOSE].status, ST_UNCLEAR);
	assert_int_equal(r.n.outcome, OUT_INCOMPLETE);
	assert_true(r.n.flag[FLAG_BEYOND_MINIMUM]);
	assert_true(says(&r.n, "forced marriage is not named"));
	run_free(&r);
}

/* non-punishment and child-now cite the profile's provisions. */
static void test_regional_flags_cite_the_profile(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "eu", "age-at-act: 16\nminor-now: presumed\nact.recruitment: yes\n"
		  "purpose.forced-criminality: yes\n");
	assert_true(r.n.flag[FLAG_NON_PUNISHMENT]);
	assert_true(r.n.flag[FLAG_CHILD_NOW]);
	assert_true(cites(&r.n, "art8"));
	assert_true(cites(&r.n, "art13-2"));
	assert_true(cites(&r.n, "art2-5"));
	run_free(&r);
	run_under(&r, "coe", "minor-now: presumed\nact.recruitment: yes\n"
		  "purpose.forced-criminality: yes\n");
	assert_true(cites(&r.n, "art26"));
	assert_true(cites(&r.n, "art10-3"));
	assert_null(r.p.prov[0].text);	/* licence not determined: cited alone */
	run_free(&r);
	run_under(&r, "us", "age-at-act: 30\nact.recruitment: yes\nmeans.threat: yes\n"
		  "purpose.forced-criminality: yes\n");
	assert_true(r.n.flag[FLAG_NON_PUNISHMENT]);
	assert_true(says(&r.n, "cites no non-punishment provision"));
	run_free(&r);
}

/* The Philippines: consent irrelevant always; who else is a child. */
static void test_ph_consent_and_child_note(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "ph", "age-at-act: 19\nact.recruitment: yes\npurpose.forced-labour: yes\n"
		  "means.abuse-of-vulnerability: yes\nconsent: yes\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_true(r.n.flag[FLAG_CONSENT_IRRELEVANT]);
	assert_true(says(&r.n, "is also a child: check whether this applies"));
	run_free(&r);
}

/* The age unknown, the means not met: the age decides where a child needs
 * no means (eu), not where no one does (gb-ew). */
static void test_unknown_age_without_means(void **st)
{
	(void)st;
	static const char in[] = "act.transportation: yes\nmeans.threat: no\n"
				 "purpose.forced-labour: yes\n";
	struct run r;
	run_under(&r, "eu", in);
	assert_int_equal(r.a.outcome, OUT_INCOMPLETE);
	assert_int_equal(r.n.outcome, OUT_INCOMPLETE);
	assert_true(r.n.flag[FLAG_ESTABLISH_AGE]);
	run_free(&r);
	run_under(&r, "gb-ew", in);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ALL);
	assert_false(r.n.flag[FLAG_ESTABLISH_AGE]);
	run_free(&r);
}

/* The Philippines name the adoption of a child: for an adult it is unclear. */
static void test_ph_adoption_is_named_for_a_child_only(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "ph", "age-at-act: 15\nact.receipt: yes\npurpose.illegal-adoption: yes\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_CHILD);
	assert_false(r.n.flag[FLAG_BEYOND_MINIMUM]);
	run_free(&r);
	run_under(&r, "ph", "age-at-act: 25\nact.receipt: yes\nmeans.fraud: yes\n"
		  "purpose.illegal-adoption: yes\n");
	assert_int_equal(r.n.el[EL_PURPOSE].status, ST_UNCLEAR);
	assert_int_equal(r.n.outcome, OUT_INCOMPLETE);
	assert_true(says(&r.n, "illegal adoption is named for a child only"));
	assert_false(says(&r.n, "the exploitation includes"));
	run_free(&r);
}

/* A quoted provision is whole lines of its text, in the order asked. */
static void test_quoted_lines_are_whole_lines(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "eu", "act.recruitment: yes\n");
	const struct prof_provision *v = &r.p.prov[1];
	assert_string_equal(v->id, "art2-3");
	assert_true(strncmp(v->text, "3.   Exploitation shall include", 31) == 0);
	assert_null(strchr(v->text, '\n'));
	assert_string_equal(v->status, "unverified");
	run_free(&r);
}

/* An age numerically under a profile's child age other than 18. */
static void test_child_age_other_than_18(void **st)
{
	(void)st;
	char *dir = make_dir("xx.profile",
		"Profile: xx\nJurisdiction: X\nInstrument: X\nCitation: X\nName: the X Act\n"
		"Version: 1\nDate: 2020-01-01\nLicence: public domain\nStatus: unverified (test)\n"
		"Source: x\nChild-age: 16\nMeans-adult: required\nMeans-child: never\nAct: protocol\n"
		"Consent: if-means\n\nPurpose: purpose.forced-labour\nNamed: forced labour\n", NULL);
	char path[600];
	snprintf(path, sizeof path, "%s/xx.profile", dir);
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(profile_load(path, &p, &d), 0);
	struct assess_input in;
	inputs_of("age-at-act: 17\nact.recruitment: yes\npurpose.forced-labour: yes\n"
		  "means.threat: no\n", &in);
	struct assessment a;
	const char *why;
	assert_int_equal(assess_run(&in, &a, &why), 0);
	struct national n;
	national_assess(&p, &in, &a, &n);
	assert_int_equal(a.outcome, OUT_CONSISTENT_CHILD);
	assert_int_equal(n.child, CHILD_NO);
	assert_int_equal(n.outcome, OUT_NOT_SHOWN);
	assert_true(says(&n, "a child is a person under 16"));
	national_free(&n);
	profile_free(&p);
	rm_tree(dir);
}

static const char head[] =
	"Profile: bad\nJurisdiction: X\nInstrument: X\nCitation: X\nName: the X Act\n"
	"Version: 1\nDate: 2020-01-01\nLicence: public domain\nStatus: unverified (test)\n"
	"Source: x\nChild-age: 18\nMeans-adult: required\nMeans-child: never\nAct: protocol\n"
	"Consent: if-means\n";

/* Loads head + rest as bad.profile; asserts the error names want. */
static void assert_refused(const char *first, const char *rest, const char *want)
{
	char *text = xasprintf("%s%s", first, rest);
	char *dir = make_dir("bad.profile", text, NULL);
	char path[600];
	snprintf(path, sizeof path, "%s/bad.profile", dir);
	struct profile p;
	struct diags d = { 0 };
	assert_int_equal(profile_load(path, &p, &d), -1);
	int line, col, at = 0;
	assert_int_equal(sscanf(want, ":%d:%d: %n", &line, &col, &at), 2);
	char *full = xasprintf("%s:%d:%d: error: %s", path, line, col, want + at);
	assert_diag(&d, full);
	free(full);
	diags_free(&d);
	rm_tree(dir);
	free(text);
}

static void test_broken_profiles_are_refused_with_file_line_col(void **st)
{
	(void)st;
	assert_refused(head, "Chid-note: x\n", ":16:1: unknown field 'Chid-note' in a Profile "
		       "stanza (did you mean 'Child-note'?)");
	assert_refused(head, "\nPurpose: purpose.forced-labor\nNamed: x\n",
		       ":17:10: Purpose: 'purpose.forced-labor' is not a purpose indicator");
	assert_refused(head, "\nPurpose: purpose.slavery\nNamed: x\nCite: nowhere\n",
		       ":19:7: Cite: no Provision 'nowhere' in this profile");
	assert_refused(head, "\nProvision: p\nTitle: t\nRole: offence\nText: som-art5.en\n",
		       ":20:7: Text: the licence of 'som-art5.en' is not determined");
	assert_refused(head, "\nProvision: p\nTitle: t\nRole: offence\nText: no-such.en\n",
		       ":20:7: Text: no law text 'no-such.en' is built in");
	assert_refused(head, "\nProvision: p\nTitle: t\nRole: offence\nText: gb-msa2015-s2.en\n"
		       "Lines: (1) (9)\n", ":21:8: Lines: no line '(9)' in the text");
	assert_refused(head, "\nProvision: p\nTitle: t\nRole: law\nCitation: c\n",
		       ":19:7: 'law' is not a value for Role: expected offence, child, consent, "
		       "non-punishment, minority, child-now or purpose");
	assert_refused(head, "\nProvision: p\nTitle: t\nRole: child\nCitation: c\n",
		       ":20:11: a citation alone needs 'Source:'");
	assert_refused(head, "\nPurpose: purpose.slavery\nNamed: x\nFor: adults\n",
		       ":19:6: 'adults' is not a value for For: expected everyone or children");
	assert_refused(head, "\nNamed: x\n", ":17:1: expected a stanza that starts with "
		       "'Purpose:', 'Rule:' or 'Provision:'");
	char *other = xasprintf("Profile: other%s", strchr(head, '\n'));
	assert_refused(other, "", ":1:10: Profile: 'other' differs from the file's name 'bad'");
	free(other);
	char *nodate = xasprintf("%.*sDate: 1 May 2020%s", (int)(strstr(head, "Date:") - head),
				 head, strstr(head, "\nLicence:"));
	assert_refused(nodate, "", ":7:7: Date: expected YYYY-MM-DD");
	free(nodate);
}

static void test_the_default_law_is_read_from_the_configuration(void **st)
{
	(void)st;
	char *dir = make_dir("law", "# the office's default\nLaw: gb-ew\n", "bad", "Lov: us\n",
			     NULL);
	char path[600];
	snprintf(path, sizeof path, "%s/law", dir);
	char *id;
	struct diags d = { 0 };
	assert_int_equal(profile_config_read(path, &id, &d), 0);
	assert_string_equal(id, "gb-ew");
	free(id);
	snprintf(path, sizeof path, "%s/bad", dir);
	assert_int_equal(profile_config_read(path, &id, &d), -1);
	assert_diag(&d, "/bad:1:1: error: unknown field 'Lov' in the law configuration (did you mean 'Law'?)");
	snprintf(path, sizeof path, "%s/none", dir);
	assert_int_equal(profile_config_read(path, &id, &d), 1);
	diags_free(&d);
	rm_tree(dir);
}

/* --json under a law: the Protocol's JSON byte for byte, then "national". */
static void test_json_keeps_the_protocol_unchanged(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 24\nact.transportation: yes\npurpose.forced-labour: yes\n"
		  "means.threat: no\n");
	char *plain = NULL, *law = NULL;
	size_t n1 = 0, n2 = 0;
	FILE *f = open_memstream(&plain, &n1);
	national_report_json(f, NULL, &r.in, &r.a);
	fclose(f);
	f = open_memstream(&law, &n2);
	national_report_json(f, &r.p, &r.in, &r.a);
	fclose(f);
	assert_true(n2 > n1);
	assert_memory_equal(plain, law, n1 - 3);	/* all but "\n}\n" */
	assert_string_equal(law + n1 - 3, strstr(law, ",\n  \"national\": {"));
	assert_non_null(strstr(law, "\"outcome\": \"consistent-adult\""));
	assert_string_equal(law + n2 - 4, "}\n}\n");
	free(plain);
	free(law);
	run_free(&r);
}

/* The quoted line of the law's part (SEC_NATIONAL) that holds a span
 * marking exactly word: true if there is one. */
static bool marked(const struct report *rep, const char *word)
{
	for (size_t i = 0; i < rep->n; i++) {
		const struct report_line *l = &rep->v[i];
		for (size_t k = 0; l->section == SEC_NATIONAL && l->quote && k < l->nspans; k++)
			if (l->spans[k].len == strlen(word) &&
			    strncmp(l->text + l->spans[k].start, word, l->spans[k].len) == 0)
				return true;
	}
	return false;
}

/* The law's part of the structured report marks the words the answers
 * matched in its quoted provisions, as the Protocol's part does: the
 * Protocol's words in an English text (the EU), the law's own name of the
 * purpose (England and Wales: "forced or compulsory labour"); its text
 * rendering is the same lines. */
static void test_the_law_part_marks_the_matched_words(void **st)
{
	(void)st;
	static const char inputs[] = "age-at-act: 30\nact.recruitment: yes\npurpose.forced-labour: yes\n"
				     "means.deception: yes\nact.transfer: no\n";
	static const struct { const char *law, *word, *unmarked; } cases[] = {
		{ "eu", "forced labour or services", "removal of organs" },
		{ "gb-ew", "forced or compulsory labour", "servitude" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct run r;
		run_under(&r, cases[i].law, inputs);
		struct report rep = { 0 };
		national_report(&rep, &r.p, &r.in, &r.a);
		if (!marked(&rep, cases[i].word))
			fail_msg("%s: '%s' is not marked", cases[i].law, cases[i].word);
		assert_false(marked(&rep, cases[i].unmarked));
		char *a = NULL, *b = NULL;
		size_t na, nb;
		FILE *fa = open_memstream(&a, &na), *fb = open_memstream(&b, &nb);
		report_print(fa, &rep, 72);
		national_text(fb, &r.n, 72);
		fclose(fa);
		fclose(fb);
		assert_string_equal(a, b);
		free(a);
		free(b);
		report_free(&rep);
		run_free(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_five_bundled_profiles_load),
		cmocka_unit_test(test_us_child_in_labour_without_means_is_not_shown),
		cmocka_unit_test(test_us_child_in_commercial_sex_needs_no_means),
		cmocka_unit_test(test_us_vulnerability_is_not_among_the_means),
		cmocka_unit_test(test_gb_adult_moved_for_exploitation_without_means_is_consistent),
		cmocka_unit_test(test_gb_consent_is_irrelevant_without_means),
		cmocka_unit_test(test_eu_names_forced_marriage),
		cmocka_unit_test(test_the_law_part_marks_the_matched_words),
		cmocka_unit_test(test_gb_forced_marriage_is_not_named),
		cmocka_unit_test(test_regional_flags_cite_the_profile),
		cmocka_unit_test(test_ph_consent_and_child_note),
		cmocka_unit_test(test_unknown_age_without_means),
		cmocka_unit_test(test_ph_adoption_is_named_for_a_child_only),
		cmocka_unit_test(test_quoted_lines_are_whole_lines),
		cmocka_unit_test(test_child_age_other_than_18),
		cmocka_unit_test(test_broken_profiles_are_refused_with_file_line_col),
		cmocka_unit_test(test_the_default_law_is_read_from_the_configuration),
		cmocka_unit_test(test_json_keeps_the_protocol_unchanged),
	};
	return cmocka_run_group_tests_name("profile", tests, utf8_locale, NULL);
}
