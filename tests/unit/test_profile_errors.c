/* A law profile's mistakes, each refused with file:line:col and what was
 * expected: the bundled eu.profile with one change at a time. */
#include "testutil.h"

#include "base/stanza.h"
#include "domain/profile.h"

static char *eu;	/* screens/law/profiles/eu.profile */

static int read_eu(void **st)
{
	(void)st;
	FILE *f = fopen("screens/law/profiles/eu.profile", "r");
	assert_non_null(f);
	static char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	eu = buf;
	return 0;
}

/* eu.profile with the first `from` replaced by `to`: must be refused with a
 * diagnostic containing want. */
static void refused(const char *from, const char *to, const char *want)
{
	const char *at = strstr(eu, from);
	if (!at)
		fail_msg("eu.profile lacks \"%s\"", from);
	char *text = malloc(strlen(eu) + strlen(to) + 1);
	size_t k = (size_t)(at - eu);
	memcpy(text, eu, k);
	strcpy(text + k, to);
	strcat(text, at + strlen(from));
	struct diags d = { 0 };
	struct stanza_file f;
	assert_int_equal(stanza_parse("eu.profile", text, strlen(text), &f, &d), 0);
	struct profile p;
	if (profile_parse(&f, "eu", &p, &d) == 0) {
		profile_free(&p);
		fail_msg("accepted with \"%s\" for \"%s\"; expected: %s", to, from, want);
	}
	assert_diag(&d, want);
	stanza_file_free(&f);
	diags_free(&d);
	free(text);
}

static void test_the_bundled_profile_is_accepted(void **st)
{
	(void)st;
	struct diags d = { 0 };
	struct stanza_file f;
	assert_int_equal(stanza_parse("eu.profile", eu, strlen(eu), &f, &d), 0);
	struct profile p;
	assert_int_equal(profile_parse(&f, "eu", &p, &d), 0);
	profile_free(&p);
	stanza_file_free(&f);
	diags_free(&d);
}

static void test_head_fields(void **st)
{
	(void)st;
	refused("Status: unverified", "Status: maybe", "eu.profile:16:9: error: Status: expected verified or unverified");
	refused("Child-age: 18", "Child-age: 0", "eu.profile:18:12: error: Child-age: expected a whole number from 1 to 130, not '0'");
	refused("Profile: eu", "Profile: EU!",
		"eu.profile:8:10: error: Profile: 'EU!' differs from the file's name 'eu' (ID.profile)");
	refused("Jurisdiction: European Union", "Jurisdiction: European Union\nJurisdiction: again",
		"eu.profile:10:1: error: field 'Jurisdiction' is given twice (first at line 9)");
	refused("Date: 2024-07-14", "Date:", "field 'Date' is empty: expected a value");
}

static void test_purposes(void **st)
{
	(void)st;
	refused("Purpose: purpose.servitude", "Purpose: purpose.slavery",
		"Purpose: 'purpose.slavery' is named twice");
}

static void test_provisions(void **st)
{
	(void)st;
	refused("Provision: art2-6", "Provision: Art_2", "Provision: 'Art_2' is not an id");
	refused("Provision: art2-6", "Provision: art2-1", "provision 'art2-1' is defined twice");
	refused("Text: eu-dir2011-36-art2-as-amended-2024.en",
		"Text: eu-dir2011-36-art2-as-amended-2024.en\nCitation: Art. 2", "not both");
	refused("Text: eu-dir2011-36-art2-as-amended-2024.en",
		"Text: eu-dir2011-36-art2-as-amended-2024.en\nSource: https://example.org/",
		"a quoted provision takes its source from the text's own header");
}

int main(void)
{
	const struct CMUnitTest t[] = {
		cmocka_unit_test(test_the_bundled_profile_is_accepted),
		cmocka_unit_test(test_head_fields),
		cmocka_unit_test(test_purposes),
		cmocka_unit_test(test_provisions),
	};
	return cmocka_run_group_tests(t, read_eu, NULL);
}
