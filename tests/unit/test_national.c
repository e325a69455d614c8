/* The five bundled profiles corrected by the second domain review (H5,
 * M8; DESIGN §11 version 2): each per-purpose rule on the situations it
 * decides, the outcome under the law with the provision that made the
 * difference named, and the Protocol's assessment beside it unchanged. */
#include "profile_run.h"

#include "base/xalloc.h"

/* The rule the national outcome came from. */
static void assert_rule(const struct run *r, const char *id)
{
	if (strcmp(r->n.rule->id, id) != 0)
		fail_msg("the rule is '%s', not '%s'", r->n.rule->id, id);
}

/* England and Wales s.2(3), (5): harbouring is a way of arranging travel,
 * and travel must occur; the answers say no one moved the person. */
static void test_gb_harbouring_without_travel_is_not_the_act(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 30\nact.harbouring: yes\nact.transportation: no\n"
		  "purpose.forced-labour: yes\nmeans.threat: no\n");
	assert_int_equal(r.a.el[EL_ACT].status, ST_MET);
	assert_int_equal(r.n.el[EL_ACT].status, ST_NOT_MET);
	assert_int_equal(r.n.outcome, OUT_NOT_SHOWN);
	assert_true(r.n.flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_true(says(&r.n, "s.2(3) and (5) of the Modern Slavery Act 2015: harbouring counts only "
			       "as a way of arranging or facilitating travel, and no travel is "
			       "recorded."));
	run_free(&r);
}

/* Travel not asked about: whether it occurred is unclear. */
static void test_gb_harbouring_with_travel_unanswered_is_unclear(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 30\nact.harbouring: yes\nact.receipt: yes\n"
		  "purpose.slavery: yes\n");
	assert_int_equal(r.n.el[EL_ACT].status, ST_UNCLEAR);
	assert_int_equal(r.n.outcome, OUT_INCOMPLETE);
	assert_true(says(&r.n, ": harbouring or receipt counts only as a way of arranging"));
	run_free(&r);
}

/* A border crossed is travel (s.2(5)(a)): harbouring on arrival counts. */
static void test_gb_harbouring_after_a_border_crossing_is_the_act(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 30\nact.harbouring: yes\nact.transportation: no\n"
		  "smuggling.irregular-entry: yes\npurpose.servitude: yes\nmeans.threat: no\n");
	assert_int_equal(r.n.el[EL_ACT].status, ST_MET);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_true(says(&r.n, "the act is arranging or facilitating travel, and travel is recorded."));
	run_free(&r);
}

/* For an adult, forced labour, begging and criminality assert compulsion
 * (DESIGN §3): s.2 with s.1 counts them without a means, with travel; the
 * note says that s.3(5) is not modelled. */
static void test_gb_adult_compelled_work_with_travel_needs_no_means(void **st)
{
	(void)st;
	static const char *const purposes[] = {
		"purpose.forced-labour", "purpose.forced-begging", "purpose.forced-criminality",
	};
	for (size_t i = 0; i < sizeof purposes / sizeof *purposes; i++) {
		char *in = xasprintf("age-at-act: 30\nact.transportation: yes\n%s: yes\n"
				     "means.threat: no\nmeans.use-of-force: no\nmeans.deception: no\n",
				     purposes[i]);
		struct run r;
		run_under(&r, "gb-ew", in);
		assert_int_equal(r.a.outcome, OUT_NOT_SHOWN);
		assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
		assert_false(r.n.el[EL_MEANS].required);
		assert_rule(&r, "slavery-labour");
		assert_true(cites(&r.n, "s1"));
		assert_true(says(&r.n, "s.2 with s.1 and s.3(2) of the Modern Slavery Act 2015: the "
				       "means are not required for an adult."));
		assert_true(i == 0 || says(&r.n, "(s.3(5) of the Modern Slavery Act 2015) are not "
						 "modelled"));
		run_free(&r);
		free(in);
	}
}

/* s.3(6): securing services from a child needs no means. */
static void test_gb_child_begging_is_s3_6(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 14\nact.transportation: yes\n"
		  "purpose.forced-begging: yes\nmeans.threat: no\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_CHILD);
	assert_rule(&r, "children-services");
	assert_true(cites(&r.n, "s3-6"));
	run_free(&r);
	run_under(&r, "gb-ew", "age-at-act: 30\nact.transportation: yes\n"
		  "purpose.forced-begging: yes\nmeans.threat: no\n");
	assert_false(cites(&r.n, "s3-6"));	/* not for an adult */
	run_free(&r);
}

/* 18 U.S.C. 1589(a) has no fraud or deception among its means. */
static void test_us_labour_by_deception_alone_is_not_forced_labour(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 30\nact.recruitment: yes\nmeans.deception: yes\n"
		  "means.fraud: yes\nmeans.threat: no\nmeans.use-of-force: no\nmeans.coercion: no\n"
		  "purpose.forced-labour: yes\n");
	assert_int_equal(r.a.outcome, OUT_CONSISTENT_ADULT);
	assert_int_equal(r.n.outcome, OUT_NOT_SHOWN);
	assert_int_equal(r.n.el[EL_MEANS].status, ST_NOT_MET);
	assert_rule(&r, "1589");
	assert_true(says(&r.n, "18 U.S.C. 1589(a): its means for labor or services do not include "
			       "fraud or deception."));
	run_free(&r);
}

/* 1589(a) "provides or obtains": no Protocol act is needed. */
static void test_us_forced_labour_by_threat_without_an_act_is_consistent(void **st)
{
	(void)st;
	static const char in[] = "age-at-act: 30\nact.recruitment: no\nact.transportation: no\n"
		"act.transfer: no\nact.harbouring: no\nact.receipt: no\nmeans.threat: yes\n"
		"means.coercion: yes\npurpose.forced-labour: yes\n";
	struct run r;
	run_under(&r, "us", in);
	assert_int_equal(r.a.outcome, OUT_NOT_SHOWN);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_int_equal(r.n.el[EL_ACT].status, ST_MET);
	assert_false(r.n.flag[FLAG_EXPLOITATION_WITHOUT_ACT]);
	assert_true(says(&r.n, "18 U.S.C. 1589(a) (\"provides or obtains the labor or services\"): no "
			       "recruitment, transportation, transfer, harbouring or receipt is needed"));
	run_free(&r);
}

/* Non-punishment under a profile has the Protocol's v3 trigger: an offence
 * the person was made to commit counts, intended criminality does not. */
static void test_non_punishment_under_a_profile_has_the_v3_trigger(void **st)
{
	(void)st;
	static const char base[] = "age-at-act: 30\nact.recruitment: yes\nact.transportation: yes\n"
		"means.threat: yes\npurpose.forced-labour: yes\n";
	char in[512];
	struct run r;
	snprintf(in, sizeof in, "%scompelled-offence: yes\n", base);
	run_under(&r, "us", in);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_true(r.a.flag[FLAG_NON_PUNISHMENT]);
	assert_true(r.n.flag[FLAG_NON_PUNISHMENT]);
	run_free(&r);
	snprintf(in, sizeof in, "%scompelled-offence: no\npurpose.forced-criminality: intended\n", base);
	run_under(&r, "us", in);
	assert_false(r.a.flag[FLAG_NON_PUNISHMENT]);
	assert_false(r.n.flag[FLAG_NON_PUNISHMENT]);
	run_free(&r);
}

/* Labour only intended has not been obtained: the act is still needed. */
static void test_us_intended_labour_without_an_act_is_not_obtained(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 30\nact.recruitment: no\nact.transportation: no\n"
		  "act.transfer: no\nact.harbouring: no\nact.receipt: no\nmeans.threat: yes\n"
		  "purpose.forced-labour: intended\n");
	assert_int_equal(r.n.el[EL_ACT].status, ST_NOT_MET);
	assert_int_equal(r.n.outcome, OUT_NOT_SHOWN);
	run_free(&r);
}

/* 22 U.S.C. 7102(11)(B): fraud counts for servitude, peonage, debt bondage
 * and slavery. */
static void test_us_servitude_by_fraud_is_7102_11b(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 30\nact.recruitment: yes\nmeans.fraud: yes\n"
		  "means.threat: no\npurpose.practices-similar-to-slavery: yes\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_rule(&r, "7102-11b");
	assert_true(cites(&r.n, "7102"));
	run_free(&r);
}

/* 18 U.S.C. 1591(a): a child in a commercial sex act needs no means, and
 * "maintains" is an act. */
static void test_us_child_commercial_sex_needs_no_means_nor_protocol_act(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "us", "age-at-act: 16\nact.recruitment: no\nact.transportation: no\n"
		  "purpose.prostitution-of-others: yes\nmeans.threat: no\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_CHILD);
	assert_false(r.n.el[EL_MEANS].required);
	assert_rule(&r, "1591");
	assert_true(cites(&r.n, "1591a"));
	run_free(&r);
}

/* RA 9208 s.3(a): "obtaining, hiring, … maintaining" are acts. */
static void test_ph_maintaining_a_worker_by_threats_is_an_act(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "ph", "age-at-act: 30\nact.recruitment: no\nact.harbouring: no\n"
		  "means.threat: yes\npurpose.forced-labour: yes\n");
	assert_int_equal(r.a.outcome, OUT_NOT_SHOWN);
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_ADULT);
	assert_true(says(&r.n, "RA 9208 s.3(a) (\"obtaining, hiring, providing, offering ... "
			       "maintaining\"): no recruitment"));
	run_free(&r);
}

/* Its second paragraph (a child, no means) names the narrower acts. */
static void test_ph_child_without_means_needs_a_listed_act(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "ph", "age-at-act: 15\nact.recruitment: no\nact.transportation: no\n"
		  "act.transfer: no\nact.harbouring: no\nact.receipt: no\nmeans.threat: no\n"
		  "purpose.forced-labour: yes\n");
	assert_int_equal(r.n.outcome, OUT_NOT_SHOWN);
	run_free(&r);
	run_under(&r, "ph", "age-at-act: 15\nact.recruitment: yes\nmeans.threat: no\n"
		  "purpose.forced-labour: yes\n");
	assert_int_equal(r.n.outcome, OUT_CONSISTENT_CHILD);
	assert_rule(&r, "child");
	run_free(&r);
}

/* CETS 197 Art. 10(3), Directive Art. 13(2): the presumption of minority
 * only where the age now is uncertain; a child of known age gets the child
 * assistance provisions. */
static void test_coe_eu_presumption_of_minority_only_when_presumed(void **st)
{
	(void)st;
	static const struct { const char *law, *minority, *assistance; } laws[] = {
		{ "coe", "art10-3", "art10-4" }, { "eu", "art13-2", "art13-16" },
	};
	for (size_t i = 0; i < sizeof laws / sizeof *laws; i++) {
		struct run r;
		run_under(&r, laws[i].law, "age-now: 15\nact.recruitment: yes\n"
			  "purpose.forced-labour: yes\n");
		assert_true(r.n.flag[FLAG_CHILD_NOW]);
		assert_false(cites(&r.n, laws[i].minority));
		assert_true(cites(&r.n, laws[i].assistance));
		run_free(&r);
		run_under(&r, laws[i].law, "minor-now: presumed\nact.recruitment: yes\n"
			  "purpose.forced-labour: yes\n");
		assert_true(cites(&r.n, laws[i].minority));
		assert_true(cites(&r.n, laws[i].assistance));
		run_free(&r);
		run_under(&r, laws[i].law, "age-now: 25\nact.recruitment: yes\n"
			  "purpose.forced-labour: yes\n");
		assert_false(cites(&r.n, laws[i].minority));
		assert_false(cites(&r.n, laws[i].assistance));
		run_free(&r);
	}
}

static void test_every_profile_is_unverified_by_a_lawyer(void **st)
{
	(void)st;
	static const char *const ids[] = { "coe", "eu", "gb-ew", "ph", "us" };
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct run r;
		run_under(&r, ids[i], "act.recruitment: yes\n");
		if (strncmp(r.p.status, "unverified (not reviewed by a lawyer of the jurisdiction",
			    56) != 0)
			fail_msg("%s: Status: %s", ids[i], r.p.status);
		run_free(&r);
	}
}

/* Under every profile, the Protocol's part of the JSON is byte for byte
 * the JSON without --law. */
static void test_the_protocol_json_is_unchanged_under_every_profile(void **st)
{
	(void)st;
	static const char *const ids[] = { "coe", "eu", "gb-ew", "ph", "us" };
	static const char *const inputs[] = {
		"age-at-act: 30\nact.harbouring: yes\nact.transportation: no\n"
		"purpose.forced-labour: yes\nmeans.threat: no\n",
		"age-at-act: 30\nact.recruitment: no\nmeans.threat: yes\npurpose.forced-labour: yes\n",
		"age-now: 15\nact.recruitment: yes\npurpose.prostitution-of-others: yes\nconsent: yes\n",
	};
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++)
		for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
			struct run r;
			run_under(&r, ids[i], inputs[k]);
			char *plain = NULL, *law = NULL;
			size_t n1 = 0, n2 = 0;
			FILE *f = open_memstream(&plain, &n1);
			national_report_json(f, NULL, &r.in, &r.a);
			fclose(f);
			f = open_memstream(&law, &n2);
			national_report_json(f, &r.p, &r.in, &r.a);
			fclose(f);
			assert_memory_equal(plain, law, n1 - 3);
			assert_true(strncmp(law + n1 - 3, ",\n  \"national\": {", 17) == 0);
			free(plain);
			free(law);
			run_free(&r);
		}
}

/* The summary under the law says what the JSON's differences say. */
static void test_the_text_names_the_provision_too(void **st)
{
	(void)st;
	struct run r;
	run_under(&r, "gb-ew", "age-at-act: 30\nact.harbouring: yes\nact.transportation: no\n"
		  "purpose.forced-labour: yes\n");
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	national_text(f, &r.n, 1000);
	fclose(f);
	assert_non_null(strstr(text, "harbouring counts only as a way of arranging or facilitating "
				     "travel, and no travel is recorded."));
	free(text);
	run_free(&r);
}

/* Over many answers under every profile: an outcome other than the
 * Protocol's always comes with at least one difference saying why. */
static void test_every_outcome_that_differs_says_why(void **st)
{
	(void)st;
	static const char *const ids[] = { "coe", "eu", "gb-ew", "ph", "us" };
	static const enum ind_value values[] = { IV_YES, IV_NO, IV_DONTKNOW, IV_INTENDED };
	for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
		struct run r;
		run_under(&r, ids[i], "act.recruitment: yes\n");
		unsigned seed = 7;
		for (int k = 0; k < 3000; k++) {
			struct assess_input in;
			inputs_init(&in);
			for (int x = 0; x < IND_COUNT; x++, seed = seed * 1103515245u + 12345u) {
				enum ind_value v = values[(seed >> 16) % 4];
				if ((seed >> 12) % 3 == 0 &&
				    (v != IV_INTENDED || indicator_element(x) == EL_PURPOSE))
					inputs_add_indicator(&in, (enum indicator)x, v);
			}
			in.value[IN_AGE] = seed % 4 == 0 ? -1 : (int)((seed >> 8) % 40);
			struct assessment a;
			const char *why;
			if (assess_run(&in, &a, &why) < 0)
				continue;
			struct national n;
			national_assess(&r.p, &in, &a, &n);
			if (n.outcome != a.outcome && n.ndiff == 0) {
				char *t = xasprintf("age-at-act: %d\n", in.value[IN_AGE]);
				for (int x = 0; x < IND_COUNT; x++)
					if (in.ind[x] != IV_ABSENT) {
						char *u = xasprintf("%s%s: %d\n", t, indicator_id(x), in.ind[x]);
						free(t);
						t = u;
					}
				fail_msg("%s: %s under the law, %s under the Protocol, and no difference "
					 "said, for:\n%s", ids[i], assess_outcome_name(n.outcome),
					 assess_outcome_name(a.outcome), t);
			}
			national_free(&n);
		}
		run_free(&r);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gb_harbouring_without_travel_is_not_the_act),
		cmocka_unit_test(test_gb_harbouring_with_travel_unanswered_is_unclear),
		cmocka_unit_test(test_gb_harbouring_after_a_border_crossing_is_the_act),
		cmocka_unit_test(test_gb_adult_compelled_work_with_travel_needs_no_means),
		cmocka_unit_test(test_gb_child_begging_is_s3_6),
		cmocka_unit_test(test_us_labour_by_deception_alone_is_not_forced_labour),
		cmocka_unit_test(test_us_forced_labour_by_threat_without_an_act_is_consistent),
		cmocka_unit_test(test_us_intended_labour_without_an_act_is_not_obtained),
		cmocka_unit_test(test_us_servitude_by_fraud_is_7102_11b),
		cmocka_unit_test(test_us_child_commercial_sex_needs_no_means_nor_protocol_act),
		cmocka_unit_test(test_ph_maintaining_a_worker_by_threats_is_an_act),
		cmocka_unit_test(test_ph_child_without_means_needs_a_listed_act),
		cmocka_unit_test(test_coe_eu_presumption_of_minority_only_when_presumed),
		cmocka_unit_test(test_non_punishment_under_a_profile_has_the_v3_trigger),
		cmocka_unit_test(test_every_profile_is_unverified_by_a_lawyer),
		cmocka_unit_test(test_the_protocol_json_is_unchanged_under_every_profile),
		cmocka_unit_test(test_the_text_names_the_provision_too),
		cmocka_unit_test(test_every_outcome_that_differs_says_why),
	};
	return cmocka_run_group_tests_name("national", tests, utf8_locale, NULL);
}
