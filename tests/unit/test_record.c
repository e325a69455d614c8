/* The paradata record format: every value comes back exactly, text answers
 * stay text, the first format is still read, and anything else is refused. */
#include "testutil.h"

#include "store/record.h"

static void round_trip(const char *old, bool old_text, const char *new, bool new_text)
{
	struct record r = { .ms = 1764349200123LL, .event = REC_ANSWER, .id = "act.open",
			    .old = (char *)old, .new = (char *)new, .old_text = old_text,
			    .new_text = new_text };
	char *text = record_format(&r);
	struct record back;
	assert_int_equal(record_parse(text, &back), 0);
	assert_true(back.ms == r.ms);
	assert_int_equal(back.event, REC_ANSWER);
	assert_string_equal(back.id, "act.open");
	assert_string_equal(back.old, old);
	assert_string_equal(back.new, new);
	assert_int_equal(back.old_text, old_text);
	assert_int_equal(back.new_text, new_text);
	record_clear(&back);
	free(text);
}

static void test_the_word_declined_as_a_text_stays_a_text(void **st)
{
	(void)st;
	round_trip("", false, "declined", true);
	round_trip("declined", false, "declined", true);	/* the word, then the text */
}

static void test_leading_and_trailing_spaces_come_back(void **st)
{
	(void)st;
	round_trip("  two leading", true, "trailing   ", true);
	round_trip(" ", true, "\t tab first", true);
}

static void test_a_newline_in_a_value_comes_back(void **st)
{
	(void)st;
	round_trip("one\ntwo", true, "line\n\nnew: forged\nid 3:xyz\n", true);
	round_trip("", false, "\n", true);
}

static void test_every_event_has_a_name_and_comes_back(void **st)
{
	(void)st;
	for (int e = 0; e < REC_NEVENTS; e++) {
		struct record r = { .ms = 5, .event = (enum record_event)e, .id = "-", .old = "",
				    .new = "x" }, back;
		char *text = record_format(&r);
		assert_int_equal(record_parse(text, &back), 0);
		assert_int_equal(back.event, e);
		assert_string_not_equal(record_event_name(back.event), "?");
		record_clear(&back);
		free(text);
	}
}

static void test_records_of_the_first_format_are_read(void **st)
{
	(void)st;
	struct record r;
	assert_int_equal(record_parse("t: 1764349200.5\nevent: answer\nid: age.at-act\nold: 16\nnew: 30\n",
				      &r), 0);
	assert_true(r.ms == 1764349200500LL);
	assert_int_equal(r.event, REC_ANSWER);
	assert_string_equal(r.id, "age.at-act");
	assert_string_equal(r.old, "16");
	assert_string_equal(r.new, "30");
	assert_false(r.new_text);
	record_clear(&r);
	char t[32];
	record_time(t, sizeof t, 1764349200005LL);
	assert_string_equal(t, "1764349200.005");
}

static void test_anything_else_is_refused(void **st)
{
	(void)st;
	static const char *const bad[] = {
		"",
		"tipscreen-record-2\n",
		"tipscreen-record-2\nt 1\nevent 6:answer\nid 1:x\nold 0:\nnew 9:short\n",	/* length */
		"tipscreen-record-2\nt 1\nevent 6:answer\nid 1:x\nold 0:\n",	/* no new */
		"tipscreen-record-2\nt 1\nevent 5:fetch\nid 1:x\nold 0:\nnew 0:\n",	/* event */
		"tipscreen-record-2\nt x\nevent 6:answer\nid 1:x\nold 0:\nnew 0:\n",	/* time */
		"tipscreen-record-2\nt 1\nevent 6:answer\nid 1:x\nold 0:\nnew 0:\nmore\n",
		"tipscreen-record-2\nt 1\nevent 6:answer\nid 1:x\nold -1:\nnew 0:\n",
		"tipscreen-record-2\nt 1\nevent 6:answer\nid 99999999999999999999:x\nold 0:\nnew 0:\n",
		"t: 1\nevent: nonsense\nid: x\nnew: y\n",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct record r;
		if (record_parse(bad[i], &r) == 0)
			fail_msg("accepted bad record %zu", i);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_word_declined_as_a_text_stays_a_text),
		cmocka_unit_test(test_leading_and_trailing_spaces_come_back),
		cmocka_unit_test(test_a_newline_in_a_value_comes_back),
		cmocka_unit_test(test_every_event_has_a_name_and_comes_back),
		cmocka_unit_test(test_records_of_the_first_format_are_read),
		cmocka_unit_test(test_anything_else_is_refused),
	};
	return cmocka_run_group_tests_name("record", tests, NULL, NULL);
}
