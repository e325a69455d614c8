#define _GNU_SOURCE /* asprintf */
/* Catalogs: PO files read with positions, lookups by context, the fallback
 * to English, charsets, placeholders; the languages and how one is chosen;
 * and the shipped French and Spanish catalogs against the law texts. */
#include "testutil.h"

#include "domain/catalog.h"
#include "domain/langs.h"
#include "domain/law.h"
#include "domain/vocab.h"

static const char header_utf8[] =
	"msgid \"\"\n"
	"msgstr \"\"\n"
	"\"Language: fr\\n\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
	"\"X-Language-Name: Français\\n\"\n"
	"\"X-Reviewed: no\\n\"\n";

static struct catalog *load_text(const char *text, struct diags *d, char **dir)
{
	*dir = make_dir("t.po", text, NULL);
	char path[512];
	snprintf(path, sizeof path, "%s/t.po", *dir);
	return catalog_load(path, d);
}

/* A French catalog of the UTF-8 header and these entries; it must load. */
static struct catalog *load_fr(const char *entries, char **dir)
{
	char *po = NULL;
	struct diags d = { 0 };
	assert_true(asprintf(&po, "%s\n%s", header_utf8, entries) > 0);
	struct catalog *c = load_text(po, &d, dir);
	assert_non_null(c);
	assert_int_equal(d.n, 0);
	free(po);
	return c;
}

static void test_lookup_by_context_and_text(void **st)
{
	(void)st;
	char *dir;
	struct catalog *c = load_fr("msgid \"Yes\"\nmsgstr \"Oui\"\n\n"
				    "msgctxt \"short\"\nmsgid \"Yes\"\nmsgstr \"O\"\n\n"
				    "msgctxt \"age.at-act\"\nmsgid \"\"\n\"How old \"\n\"were you?\"\n"
				    "msgstr \"\"\n\"Quel âge \"\n\"aviez-vous ?\"\n", &dir);
	assert_string_equal(catalog_get(c, NULL, "Yes"), "Oui");
	assert_string_equal(catalog_get(c, "short", "Yes"), "O");
	assert_string_equal(catalog_get(c, "age.at-act", "How old were you?"), "Quel âge aviez-vous ?");
	assert_string_equal(catalog_get(c, "other", "Yes"), "Yes");
	assert_string_equal(catalog_lang(c), "fr");
	assert_string_equal(catalog_name(c), "Français");
	assert_false(catalog_reviewed(c));
	assert_false(catalog_rtl(c));
	size_t n;
	const struct catalog_entry *e = catalog_entries(c, &n);
	assert_int_equal(n, 3);
	assert_int_equal(e[0].line, 8);
	assert_int_equal(e[2].line, 16);
	catalog_free(c);
	rm_tree(dir);
}

/* Missing, empty and fuzzy translations, and translations whose
 * placeholders differ, all give the English back: never "". */
static void test_fallback_to_english(void **st)
{
	(void)st;
	char *dir;
	struct catalog *c = load_fr("msgid \"Empty\"\nmsgstr \"\"\n\n"
				    "#, fuzzy\nmsgid \"Fuzzy\"\nmsgstr \"Flou\"\n\n"
				    "#, c-format\nmsgid \"Step %d of %d: %s\"\nmsgstr \"Étape %d : %s\"\n\n"
				    "#, c-format\nmsgid \"Age %d, %s\"\nmsgstr \"%d ans, %s\"\n\n"
				    "#~ msgid \"Old\"\n#~ msgstr \"Vieux\"\n\n"
				    "msgid \"one\"\nmsgid_plural \"\"\n\"many\"\n"
				    "msgstr[0] \"un\"\nmsgstr[1] \"\"\n\"plusieurs\"\n", &dir);
	assert_string_equal(catalog_get(c, NULL, "one"), "un");	/* plural: form 0 */
	assert_string_equal(catalog_get(c, NULL, "Empty"), "Empty");
	assert_string_equal(catalog_get(c, NULL, "Fuzzy"), "Fuzzy");
	assert_false(catalog_translated(c, NULL, "Fuzzy"));
	assert_true(catalog_has(c, NULL, "Fuzzy"));
	assert_string_equal(catalog_get(c, NULL, "Step %d of %d: %s"), "Step %d of %d: %s");
	assert_string_equal(catalog_get(c, NULL, "Age %d, %s"), "%d ans, %s");
	assert_string_equal(catalog_get(c, NULL, "Missing"), "Missing");
	assert_string_equal(catalog_get(c, NULL, "Old"), "Old");
	assert_string_equal(catalog_get(NULL, NULL, "Anything"), "Anything");
	catalog_free(c);
	rm_tree(dir);
}

static void test_placeholders(void **st)
{
	(void)st;
	const struct { const char *in, *want; } cases[] = {
		{ "Step %d of %zu: %s", "%d %zu %s" },
		{ "100%% sure, %.300s", "%.300s" },
		{ "50 % des cas", "% d" },	/* printf reads "% d" here */
		{ "[% d] [% s] % n", "% d % s % n" },
		{ "%Id %S %ls %lld %hhx %'d %-08.3f %*d %1$*2$d", "%Id %S %ls %lld %hhx %'d %-08.3f %*d %1$*2$d" },
		{ "ends with %", "%" },
		{ "100% é", "% é" },
		{ "Hello ${name} and %1$s", "${name} %1$s" },
		{ "no placeholders", "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = catalog_placeholders(cases[i].in);
		assert_string_equal(p, cases[i].want);
		free(p);
	}
	assert_true(catalog_placeholders_agree("%d of %s", "%d sur %s"));
	assert_false(catalog_placeholders_agree("%d of %s", "%s sur %d"));
	assert_false(catalog_placeholders_agree("%d of %s", "%d"));
	assert_true(catalog_placeholders_agree("100%% done", "fini"));
	/* The red team's strings: each must differ from a plain English text. */
	const char *const evil[] = { "% n", "%Id", "%S", "[% d] [% s]", "%", "% 5$n", "%hhn", "%m" };
	for (size_t i = 0; i < sizeof evil / sizeof evil[0]; i++)
		assert_false(catalog_placeholders_agree("Plain text", evil[i]));
	assert_false(catalog_placeholders_agree("%d items", "%Id éléments"));
	assert_false(catalog_placeholders_agree("%s", "%S"));
}

/* A translation that smuggles a directive in is never used: the English
 * comes back, so printf never sees it. */
static void test_smuggled_directives_fall_back(void **st)
{
	(void)st;
	char *dir;
	struct catalog *c = load_fr("msgid \"Saved.\"\nmsgstr \"[% d] [% s]\"\n\n"
				    "msgid \"Screen %d\"\nmsgstr \"Écran %Id\"\n\n"
				    "msgid \"Done\"\nmsgstr \"Fini % n\"\n\n"
				    "msgid \"Name %s\"\nmsgstr \"Nom %S\"\n", &dir);
	assert_string_equal(catalog_get(c, NULL, "Saved."), "Saved.");
	assert_string_equal(catalog_get(c, NULL, "Screen %d"), "Screen %d");
	assert_string_equal(catalog_get(c, NULL, "Done"), "Done");
	assert_string_equal(catalog_get(c, NULL, "Name %s"), "Name %s");
	catalog_free(c);
	rm_tree(dir);
}

/* Control and escape characters are refused in a PO file as in a deck:
 * raw or escaped, with file:line:col. */
static void test_control_characters_are_refused(void **st)
{
	(void)st;
	const char *const bad[] = { "msgstr \"a\\ab\"", "msgstr \"a\x1b[2Jb\"",
				    "msgstr \"a\\rb\"", "msgstr \"a\xe2\x80\xae" "b\"" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char po[256];
		snprintf(po, sizeof po, "msgid \"\"\nmsgstr \"Language: fr\\n\"\n\n"
			 "msgid \"Hello\"\n%s\n", bad[i]);
		char *dir = make_dir("fr.po", po, NULL);
		char path[512];
		snprintf(path, sizeof path, "%s/fr.po", dir);
		struct diags d = { 0 };
		struct catalog *c = catalog_load(path, &d);
		assert_null(c);
		assert_diag(&d, "fr.po:5:8: error: control character U+");
		diags_free(&d);
		rm_tree(dir);
	}
}

/* A PO file in Latin-1 is converted to UTF-8 on load, header included. */
static void test_latin1_file_is_converted(void **st)
{
	(void)st;
	char *dir;
	struct diags d = { 0 };
	const char po[] =
		"msgid \"\"\nmsgstr \"\"\n"
		"\"Language: fr\\n\"\n"
		"\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
		"\"X-Language-Name: Fran\xe7" "ais\\n\"\n\n"
		"msgid \"Age\"\nmsgstr \"\xc2" "ge\"\n";
	struct catalog *c = load_text(po, &d, &dir);
	assert_non_null(c);
	assert_string_equal(catalog_get(c, NULL, "Age"), "Âge");
	assert_string_equal(catalog_name(c), "Français");
	catalog_free(c);
	rm_tree(dir);
}

static void test_errors_name_file_line_and_column(void **st)
{
	(void)st;
	const struct { const char *text; int line, col; const char *msg; } cases[] = {
		{ "msgid \"a\"\nmsgstr \"b\n", 2, 10, "expected '\"' closing the string" },
		{ "msgid \"a\"\nmsgstr \"b\\q\"\n", 2, 10, "unknown escape" },
		{ "msgid \"a\"\nmsgsrt \"b\"\n", 2, 1, "expected msgctxt, msgid or msgstr" },
		{ "msgid \"a\"\n\n", 2, 1, "expected msgstr after msgid" },
		{ "\"stray\"\n", 1, 1, "a continued string without msgid" },
		{ "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
		  "msgid \"a\"\nmsgstr \"\xe9\"\n", 4, 1, "not valid UTF-8" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *dir;
		struct diags d = { 0 };
		struct catalog *c = load_text(cases[i].text, &d, &dir);
		assert_null(c);
		assert_true(d.n >= 1);
		assert_non_null(strstr(d.v[0].file, "/t.po"));
		assert_int_equal(d.v[0].line, cases[i].line);
		assert_int_equal(d.v[0].col, cases[i].col);
		assert_non_null(strstr(d.v[0].msg, cases[i].msg));
		diags_free(&d);
		rm_tree(dir);
	}
}

static void test_interface_language_is_switchable(void **st)
{
	(void)st;
	char *dir;
	struct catalog *c = load_fr("msgid \"Keys\"\nmsgstr \"Touches\"\n", &dir);
	assert_string_equal(_("Keys"), "Keys");
	i18n_use(c);
	assert_string_equal(_("Keys"), "Touches");
	assert_ptr_equal(i18n_current(), c);
	i18n_use(NULL);
	assert_string_equal(_("Keys"), "Keys");
	catalog_free(c);
	rm_tree(dir);
}

/* The languages of a directory; how a tag or the environment names one. */
static void test_langs_find_and_environment(void **st)
{
	(void)st;
	char *fr = NULL, *es = NULL;
	assert_true(asprintf(&fr, "%s\nmsgid \"x\"\nmsgstr \"y\"\n", header_utf8) > 0);
	es = strdup("msgid \"\"\nmsgstr \"Language: es\\nX-Language-Name: Español\\n"
		    "X-Reviewed: yes\\nContent-Type: text/plain; charset=UTF-8\\n\"\n");
	char *dir = make_dir("fr.po", fr, "es.po", es, "notes.txt", "not a catalog", NULL);
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load(dir, &l, &d), 0);
	assert_int_equal(l.n, 3);
	assert_null(l.v[0]);
	assert_string_equal(catalog_lang(l.v[1]), "es");	/* name order */
	const char *tags[] = { "fr", "fr_FR", "fr_FR.ISO-8859-1", "fr-CA", "fr_FR.UTF-8@euro" };
	for (size_t i = 0; i < 5; i++)
		assert_int_equal(langs_find(&l, tags[i]), 2);
	assert_int_equal(langs_find(&l, "en_GB.UTF-8"), 0);
	assert_int_equal(langs_find(&l, "C"), 0);
	assert_int_equal(langs_find(&l, "de"), -1);
	assert_int_equal(langs_current(&l), 0);
	i18n_use(l.v[2]);
	assert_int_equal(langs_current(&l), 2);
	i18n_use(NULL);
	setenv("LANGUAGE", "de:es", 1);
	setenv("LANG", "fr_FR.UTF-8", 1);
	assert_int_equal(langs_from_env(&l), 1);
	unsetenv("LANGUAGE");
	assert_int_equal(langs_from_env(&l), 2);
	setenv("LC_ALL", "C", 1);
	assert_int_equal(langs_from_env(&l), 0);
	unsetenv("LC_ALL");
	setenv("LANG", "C.UTF-8", 1);
	char *label = langs_label(&l, 2);
	assert_string_equal(label, "Français (fr), draft: not reviewed by a native speaker");
	free(label);
	label = langs_label(&l, 1);
	assert_string_equal(label, "Español (es)");
	free(label);
	langs_free(&l);
	free(fr);
	free(es);
	rm_tree(dir);
}

static void test_broken_file_is_reported_and_others_load(void **st)
{
	(void)st;
	char *dir = make_dir("fr.po", "msgid \"a\"\nmsgstr \"b\"\n", "xx.po", "msgid \"a\n", NULL);
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load(dir, &l, &d), -1);
	assert_int_equal(l.n, 2);
	assert_true(d.n >= 1);
	assert_non_null(strstr(d.v[0].file, "xx.po"));
	diags_free(&d);
	langs_free(&l);
	rm_tree(dir);
}

/* The shipped catalogs: complete, drafts, and every law word they give is
 * in the law text of their language, so the summary can highlight it. */
static void test_shipped_catalogs_match_their_law_texts(void **st)
{
	(void)st;
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", &l, &d), 0);
	assert_true(l.n >= 3);
	for (size_t k = 1; k < l.n; k++) {
		const struct catalog *c = l.v[k];
		assert_false(catalog_reviewed(c));	/* until a native speaker says so */
		struct law_quote q;
		assert_int_equal(law_quote(CITE_TIP_3A, catalog_lang(c), &q), 0);
		assert_string_equal(q.status, "unverified");
		for (int i = 0; i < IND_COUNT; i++) {
			const char *w = indicator_words(i);
			if (!w || strcmp(indicator_cite(i), "tip-3a") != 0)
				continue;
			assert_true(catalog_translated(c, "law", w));
			const char *t = catalog_get(c, "law", w);
			if (!strstr(q.text, t))
				fail_msg("%s: \"%s\" is not in the %s text", catalog_path(c), t,
					 catalog_lang(c));
		}
		law_quote_free(&q);
	}
	langs_free(&l);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup_by_context_and_text),
		cmocka_unit_test(test_fallback_to_english),
		cmocka_unit_test(test_placeholders),
		cmocka_unit_test(test_smuggled_directives_fall_back),
		cmocka_unit_test(test_control_characters_are_refused),
		cmocka_unit_test(test_latin1_file_is_converted),
		cmocka_unit_test(test_errors_name_file_line_and_column),
		cmocka_unit_test(test_interface_language_is_switchable),
		cmocka_unit_test(test_langs_find_and_environment),
		cmocka_unit_test(test_broken_file_is_reported_and_others_load),
		cmocka_unit_test(test_shipped_catalogs_match_their_law_texts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
