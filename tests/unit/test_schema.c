/* The one loop that reads a stanza against its table of fields: each error
 * has one wording, at the field's line and column, whatever the format. */
#include "testutil.h"

#include "base/schema.h"

/* What the take functions saw, in order. */
struct seen {
	char log[256];
};

static void take(void *obj, const struct field *f)
{
	struct seen *s = obj;
	size_t n = strlen(s->log);
	snprintf(s->log + n, sizeof s->log - n, "%s%s=%s", n ? " " : "", f->key, f->value);
}

static const struct schema_field fields[] = {
	{ "Name", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take },
	{ "Phone", SCHEMA_NONEMPTY, take },
	{ "Next", SCHEMA_REPEATS, take },
	{ "Hidden", SCHEMA_UNLISTED, take },
	{ "Quiet", 0, NULL },
};
static const struct schema contact = SCHEMA_OF("a contact", fields);

/* Reads text's first stanza against sc; the diagnostics in d. */
static size_t read_one(const struct schema *sc, const char *text, struct seen *seen,
		   struct diags *d)
{
	struct stanza_file f;
	struct diags lex = { 0 };
	assert_int_equal(stanza_parse("t", text, strlen(text), &f, &lex), 0);
	diags_free(&lex);
	memset(seen, 0, sizeof *seen);
	size_t n = schema_read(sc, &f.s[0], "t", seen, d);
	stanza_file_free(&f);
	return n;
}

static void test_known_fields_are_taken_in_file_order(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Phone: 1\nname: A\nNext: x\nNext: y\nQuiet: q\n", &s, &d), 0);
	assert_string_equal(s.log, "Phone=1 name=A Next=x Next=y");
	diags_free(&d);
}

static void test_a_field_given_twice_names_the_first(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Name: A\nPhone: 1\nphone: 2\n", &s, &d), 1);
	assert_diag(&d, "t:3:1: error: field 'phone' is given twice (first at line 2)");
	assert_string_equal(s.log, "Name=A Phone=1");	/* the second is not taken */
	diags_free(&d);
}

static void test_an_unknown_field_near_a_key_gets_did_you_mean(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Name: A\nPhnoe: 1\n", &s, &d), 1);
	assert_diag(&d, "t:2:1: error: unknown field 'Phnoe' in a contact (did you mean 'Phone'?)");
	diags_free(&d);
}

static void test_an_unknown_field_far_from_every_key_lists_them(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Name: A\nEmail: x\n", &s, &d), 1);
	assert_diag(&d, "t:2:1: error: unknown field 'Email' in a contact: expected Name, Phone, "
		    "Next or Quiet");
	diags_free(&d);
}

static void test_an_unlisted_field_is_known_but_never_suggested(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Name: A\nHidden: h\nHiddn: x\n", &s, &d), 1);
	assert_string_equal(s.log, "Name=A Hidden=h");
	assert_diag(&d, "t:3:1: error: unknown field 'Hiddn' in a contact: expected Name, Phone, "
		    "Next or Quiet");
	diags_free(&d);
}

static void test_a_required_field_missing_is_named_at_the_stanza(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "\nPhone: 1\n", &s, &d), 1);
	assert_diag(&d, "t:2:1: error: a contact has no 'Name:' field");
	diags_free(&d);
}

static void test_an_empty_value_where_one_is_needed_is_refused(void **st)
{
	(void)st;
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&contact, "Name: A\nPhone:\nQuiet:\n", &s, &d), 1);
	assert_diag(&d, "t:2:1: error: field 'Phone' is empty: expected a value");
	assert_string_equal(s.log, "Name=A");
	diags_free(&d);
}

static void test_an_exact_schema_matches_keys_with_their_case(void **st)
{
	(void)st;
	static const struct schema_field ids[] = { { "act.recruited", 0, take } };
	const struct schema exact = { "the answers", ids, 1, "an id of the deck", true };
	struct seen s;
	struct diags d = { 0 };
	assert_int_equal(read_one(&exact, "act.recruited: yes\nAct.Recruited: no\nzzz: 1\n", &s, &d), 2);
	assert_string_equal(s.log, "act.recruited=yes");
	assert_diag(&d, "t:2:1: error: unknown field 'Act.Recruited' in the answers (did you mean "
		    "'act.recruited'?)");
	assert_diag(&d, "t:3:1: error: unknown field 'zzz' in the answers: expected an id of the deck");
	diags_free(&d);
}

static void test_a_word_not_in_the_list_gets_did_you_mean(void **st)
{
	(void)st;
	static const char *const words[] = { "basic", "intermediate", "advanced" };
	struct field f = { "Level", "basik", 4, 1, 4, 8 };
	struct diags d = { 0 };
	assert_int_equal(schema_word(&f, words, 3, "t", &d), -1);
	assert_diag(&d, "t:4:8: error: 'basik' is not a value for Level: expected basic, "
		    "intermediate or advanced (did you mean 'basic'?)");
	f.value = "advanced";
	assert_int_equal(schema_word(&f, words, 3, "t", &d), 2);
	diags_free(&d);
}

static void test_join_and_ids(void **st)
{
	(void)st;
	static const char *const w[] = { "a", "b", "c" };
	char *s = schema_join(w, 3);
	assert_string_equal(s, "a, b or c");
	free(s);
	s = schema_join(w, 1);
	assert_string_equal(s, "a");
	free(s);
	assert_true(schema_is_id("gb-ew.2"));
	assert_false(schema_is_id(""));
	assert_false(schema_is_id("GB"));
	assert_false(schema_is_id("a/b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_fields_are_taken_in_file_order),
		cmocka_unit_test(test_a_field_given_twice_names_the_first),
		cmocka_unit_test(test_an_unknown_field_near_a_key_gets_did_you_mean),
		cmocka_unit_test(test_an_unknown_field_far_from_every_key_lists_them),
		cmocka_unit_test(test_an_unlisted_field_is_known_but_never_suggested),
		cmocka_unit_test(test_a_required_field_missing_is_named_at_the_stanza),
		cmocka_unit_test(test_an_empty_value_where_one_is_needed_is_refused),
		cmocka_unit_test(test_an_exact_schema_matches_keys_with_their_case),
		cmocka_unit_test(test_a_word_not_in_the_list_gets_did_you_mean),
		cmocka_unit_test(test_join_and_ids),
	};
	return cmocka_run_group_tests_name("schema", tests, NULL, NULL);
}
