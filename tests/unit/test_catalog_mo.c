/* Compiled catalogs (catalog_load_mo, langs_open): a .mo file msgfmt made
 * of a PO file gives the very translations the PO file gives, entry by
 * entry (contexts, fuzzy and untranslated entries, placeholders that do
 * not agree all fall back to English alike) and the same header facts;
 * langs_open takes the .mo only when it is at least as new as its PO file,
 * and reads the PO file when the .mo is missing or damaged. */
#include "testutil.h"

#include <sys/stat.h>
#include <utime.h>

#include "domain/catalog.h"
#include "domain/langs.h"

/* Compiles dir/name.po into dir/name.mo with msgfmt. */
static void msgfmt(const char *dir, const char *name)
{
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "msgfmt -o '%s/%s.mo' '%s/%s.po'", dir, name, dir, name);
	assert_int_equal(system(cmd), 0);
}

/* Every entry of PO file po translates the same in its compiled form. */
static void same_as_po(const char *po)
{
	char *dir = make_dir(NULL), cmd[1400], path[1200];
	snprintf(cmd, sizeof cmd, "cp '%s' '%s/x.po'", po, dir);
	assert_int_equal(system(cmd), 0);
	msgfmt(dir, "x");
	struct diags d = { 0 };
	snprintf(path, sizeof path, "%s/x.po", dir);
	struct catalog *p = catalog_load(path, &d);
	snprintf(path, sizeof path, "%s/x.mo", dir);
	struct catalog *m = catalog_load_mo(path);
	assert_non_null(p);
	assert_non_null(m);
	size_t n, translated = 0;
	const struct catalog_entry *e = catalog_entries(p, &n);
	assert_true(n > 100);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(catalog_get(m, e[i].ctx, e[i].id), catalog_get(p, e[i].ctx, e[i].id));
		assert_int_equal(catalog_translated(m, e[i].ctx, e[i].id),
				 catalog_translated(p, e[i].ctx, e[i].id));
		translated += catalog_translated(m, e[i].ctx, e[i].id);
	}
	assert_true(translated > n / 2);
	assert_string_equal(catalog_lang(m), catalog_lang(p));
	assert_string_equal(catalog_name(m), catalog_name(p));
	assert_int_equal(catalog_reviewed(m), catalog_reviewed(p));
	assert_int_equal(catalog_rtl(m), catalog_rtl(p));
	assert_string_equal(catalog_get(m, NULL, "no such text"), "no such text");
	catalog_free(p);
	catalog_free(m);
	diags_free(&d);
	rm_tree(dir);
}

static void test_the_french_catalog_compiled_translates_as_its_po_file(void **st)
{
	(void)st;
	same_as_po("locales/fr.po");
}

static void test_the_spanish_catalog_compiled_translates_as_its_po_file(void **st)
{
	(void)st;
	same_as_po("locales/es.po");
}

static const char head[] =
	"msgid \"\"\nmsgstr \"\"\n\"Language: fr\\n\"\n"
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"X-Language-Name: Français\\n\"\n\n";

/* Contexts, a fuzzy entry and a translation whose placeholder differs. */
static void test_contexts_fuzzy_and_placeholders_fall_back_alike(void **st)
{
	(void)st;
	char *dir = make_dir("t.po", "", NULL), path[1200];
	snprintf(path, sizeof path, "%s/t.po", dir);
	FILE *f = fopen(path, "w");
	fprintf(f, "%smsgctxt \"a\"\nmsgid \"Yes\"\nmsgstr \"Oui (a)\"\n\n"
		"msgctxt \"b\"\nmsgid \"Yes\"\nmsgstr \"Oui (b)\"\n\n"
		"msgid \"Yes\"\nmsgstr \"Oui\"\n\n"
		"#, fuzzy\nmsgid \"Maybe\"\nmsgstr \"Peut-être\"\n\n"
		"#, c-format\nmsgid \"%%d cases\"\nmsgstr \"%%d dossiers\"\n\n"
		"msgid \"${n} left\"\nmsgstr \"il reste\"\n", head);
	fclose(f);
	msgfmt(dir, "t");
	snprintf(path, sizeof path, "%s/t.mo", dir);
	struct catalog *m = catalog_load_mo(path);
	assert_non_null(m);
	assert_string_equal(catalog_get(m, "a", "Yes"), "Oui (a)");
	assert_string_equal(catalog_get(m, "b", "Yes"), "Oui (b)");
	assert_string_equal(catalog_get(m, NULL, "Yes"), "Oui");
	assert_string_equal(catalog_get(m, "c", "Yes"), "Yes");
	assert_string_equal(catalog_get(m, NULL, "Maybe"), "Maybe");
	assert_string_equal(catalog_get(m, NULL, "%d cases"), "%d dossiers");
	assert_string_equal(catalog_get(m, NULL, "${n} left"), "${n} left");
	assert_string_equal(catalog_lang(m), "fr");
	assert_string_equal(catalog_name(m), "Français");
	assert_false(catalog_reviewed(m));
	catalog_free(m);
	rm_tree(dir);
}

/* Sets path's times to t seconds after the epoch. */
static void set_time(const char *path, time_t t)
{
	struct utimbuf u = { t, t };
	assert_int_equal(utime(path, &u), 0);
}

/* langs_open: the .mo when it is as new as its PO file; the PO file when
 * it is newer (edited since the build) or when the .mo is damaged. */
static void test_langs_open_takes_the_mo_only_when_current(void **st)
{
	(void)st;
	char *dir = make_dir(NULL), po[1200], mo[1200];
	snprintf(po, sizeof po, "%s/fr.po", dir);
	snprintf(mo, sizeof mo, "%s/fr.mo", dir);
	FILE *f = fopen(po, "w");
	fprintf(f, "%smsgid \"Yes\"\nmsgstr \"Oui, compilé\"\n", head);
	fclose(f);
	msgfmt(dir, "fr");
	f = fopen(po, "w");
	fprintf(f, "%smsgid \"Yes\"\nmsgstr \"Oui, du PO\"\n", head);
	fclose(f);
	set_time(po, 1000);
	set_time(mo, 2000);
	struct langs l = { 0 };
	struct diags d = { 0 };
	assert_int_equal(langs_open(dir, &l, &d), 0);
	assert_int_equal(l.n, 2);
	assert_string_equal(catalog_get(l.v[1], NULL, "Yes"), "Oui, compilé");
	langs_free(&l);
	set_time(po, 3000);	/* edited after the build */
	assert_int_equal(langs_open(dir, &l, &d), 0);
	assert_string_equal(catalog_get(l.v[1], NULL, "Yes"), "Oui, du PO");
	langs_free(&l);
	assert_int_equal(truncate(mo, 20), 0);
	set_time(mo, 4000);
	assert_int_equal(langs_open(dir, &l, &d), 0);	/* damaged: the PO file */
	assert_string_equal(catalog_get(l.v[1], NULL, "Yes"), "Oui, du PO");
	langs_free(&l);
	assert_int_equal(langs_load(dir, &l, &d), 0);	/* check: always the PO file */
	size_t n;
	catalog_entries(l.v[1], &n);
	assert_int_equal(n, 1);
	langs_free(&l);
	diags_free(&d);
	rm_tree(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_french_catalog_compiled_translates_as_its_po_file),
		cmocka_unit_test(test_the_spanish_catalog_compiled_translates_as_its_po_file),
		cmocka_unit_test(test_contexts_fuzzy_and_placeholders_fall_back_alike),
		cmocka_unit_test(test_langs_open_takes_the_mo_only_when_current),
	};
	return cmocka_run_group_tests_name("catalog_mo", tests, utf8_locale, NULL);
}
