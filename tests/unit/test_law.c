/* The law texts: embedded byte for byte, quoted by whole lines, with their
 * status; every indicator's words are found in the text it cites. */
#include "testutil.h"

#include "domain/law.h"
#include "domain/vocab.h"

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = calloc(1, 65536);
	size_t n = fread(buf, 1, 65535, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

static void test_embedded_texts_equal_the_project_files(void **st)
{
	(void)st;
	assert_int_equal(law_blob_count, 14);
	for (unsigned i = 0; i < law_blob_count; i++) {
		char path[256];
		snprintf(path, sizeof path, "screens/law/%s.txt", law_blobs[i].name);
		char *text = read_file(path);
		assert_int_equal(strlen(text), law_blobs[i].len);
		assert_memory_equal(text, law_blobs[i].data, law_blobs[i].len);
		free(text);
	}
}

/* The quote is whole lines of the file, unchanged. */
static void assert_lines_of(const char *file, const char *quote)
{
	char *text = read_file(file);
	char *copy = strdup(quote);
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		char *hit = strstr(text, line);
		if (!hit || (hit != text && hit[-1] != '\n') || (hit[strlen(line)] != '\n' && hit[strlen(line)]))
			fail_msg("'%s' is not a whole line of %s", line, file);
	}
	free(copy);
	free(text);
}

static void test_quotes_are_whole_lines_verbatim(void **st)
{
	(void)st;
	static const char *const files[CITE_COUNT] = {
		"screens/law/tip-art3.en.txt", "screens/law/tip-art3.en.txt",
		"screens/law/tip-art3.en.txt", "screens/law/tip-art3.en.txt",
		"screens/law/som-art3.en.txt", "screens/law/som-art5.en.txt",
	};
	for (int c = 0; c < CITE_COUNT; c++) {
		struct law_quote q;
		assert_int_equal(law_quote(c, "en", &q), 0);
		assert_lines_of(files[c], q.text);
		assert_string_equal(q.status, "verified");
		assert_string_equal(q.lang, "en");
		law_quote_free(&q);
	}
}

static void test_each_cite_quotes_its_subparagraph(void **st)
{
	(void)st;
	struct law_quote q;
	assert_int_equal(law_quote(CITE_TIP_3A, "en", &q), 0);
	assert_true(strncmp(q.text, "(a) “Trafficking in persons” shall mean the recruitment", 58) == 0);
	assert_non_null(strstr(q.text, "harbouring"));	/* British spelling, as in the Protocol */
	law_quote_free(&q);
	assert_int_equal(law_quote(CITE_TIP_3D, "en", &q), 0);
	assert_string_equal(q.text, "(d) “Child” shall mean any person under eighteen years of age.");
	law_quote_free(&q);
	assert_int_equal(law_quote(CITE_SOM_3A, "en", &q), 0);
	assert_non_null(strstr(q.text, "“Smuggling of migrants” shall mean the procurement"));
	law_quote_free(&q);
	/* SOM Art. 5 has no label: its one line, whole, without the headers. */
	assert_int_equal(law_quote(CITE_SOM_5, "en", &q), 0);
	assert_string_equal(q.text, "Migrants shall not become liable to criminal prosecution under this Protocol for the fact of having been the object of conduct set forth in article 6 of this Protocol.");
	assert_string_equal(q.title, "Smuggling of Migrants Protocol, Article 5");
	assert_string_equal(q.cite, "som-5");
	law_quote_free(&q);
}

static void test_unverified_translation_says_so(void **st)
{
	(void)st;
	struct law_quote q;
	assert_int_equal(law_quote(CITE_TIP_3C, "fr", &q), 0);
	assert_string_equal(q.status, "unverified");
	assert_true(strncmp(q.text, "c) Le recrutement", 17) == 0);
	law_quote_free(&q);
	assert_int_equal(law_quote(CITE_SOM_5, "fr", &q), -1);	/* no French SOM Article 5 */
}

static void test_every_indicator_word_is_in_its_cited_text(void **st)
{
	(void)st;
	for (int i = 0; i < IND_COUNT; i++) {
		const char *cite = indicator_cite(i);
		if (!cite) {	/* the purposes beyond the Protocol's explicit list */
			assert_true(i == IND_PURPOSE_MARRIAGE || i == IND_PURPOSE_ADOPTION ||
				    i == IND_PURPOSE_SURROGACY || i == IND_PURPOSE_OTHER);
			continue;
		}
		struct law_quote q;
		assert_int_equal(law_quote(strcmp(cite, "tip-3a") == 0 ? CITE_TIP_3A : CITE_SOM_3A, "en", &q), 0);
		if (!strstr(q.text, indicator_words(i)))
			fail_msg("'%s' (%s) is not in %s", indicator_words(i), indicator_id(i), cite);
		law_quote_free(&q);
	}
}

/* Article 5 is a teaching citation: its whole body, verified, and never
 * among the citations an assessment can make. */
static void test_article_5_is_a_teaching_citation_only(void **st)
{
	(void)st;
	struct law_quote q;
	assert_int_equal(law_teaching_quote("tip-art5", "en", &q), 0);
	assert_lines_of("screens/law/tip-art5.en.txt", q.text);
	assert_true(strncmp(q.text, "1. Each State Party shall adopt", 31) == 0);
	assert_non_null(strstr(q.text, "(c) Organizing or directing other persons"));
	assert_int_equal(q.text[strlen(q.text) - 1], '.');
	assert_string_equal(q.status, "verified");
	assert_string_equal(q.cite, "tip-art5");
	law_quote_free(&q);
	assert_string_equal(law_teaching_id(0), "tip-art5");
	assert_null(law_teaching_id(1));
	for (int c = 0; c < CITE_COUNT; c++) {
		assert_string_not_equal(assess_cite_name(c), "tip-5");
		assert_string_not_equal(assess_cite_name(c), "tip-art5");
	}
	assert_int_equal(law_teaching_quote("tip-art5", "fr", &q), -1);
	assert_int_equal(law_teaching_quote("tip-3a", "en", &q), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_embedded_texts_equal_the_project_files),
		cmocka_unit_test(test_quotes_are_whole_lines_verbatim),
		cmocka_unit_test(test_each_cite_quotes_its_subparagraph),
		cmocka_unit_test(test_unverified_translation_says_so),
		cmocka_unit_test(test_every_indicator_word_is_in_its_cited_text),
		cmocka_unit_test(test_article_5_is_a_teaching_citation_only),
	};
	return cmocka_run_group_tests_name("law", tests, utf8_locale, NULL);
}
