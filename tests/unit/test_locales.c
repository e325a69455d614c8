/* The shipped translations (the PO files of locales/) against the deck's wording rules:
 * no question, label, help or summary sentence calls the person a victim,
 * in English, French or Spanish (DESIGN §5). The law texts (context "law")
 * are quoted as they are and are left out. */
#include "testutil.h"

#include <ctype.h>

#include "domain/catalog.h"
#include "domain/deck.h"
#include "domain/langs.h"
#include "domain/lint.h"

/* True if s has "victim", "victime", "víctima" or "victima" in any case
 * (ASCII folded; the Spanish í and Í matched as bytes). */
static bool says_victim(const char *s)
{
	if (!s)
		return false;
	for (const char *p = s; *p; p++) {
		const char *q = p;
		if (tolower((unsigned char)*q) != 'v')
			continue;
		q++;
		if (tolower((unsigned char)*q) == 'i')
			q++;
		else if ((unsigned char)q[0] == 0xc3 && ((unsigned char)q[1] == 0xad || (unsigned char)q[1] == 0x8d))
			q += 2;
		else
			continue;
		const char *rest = "ctim";
		while (*rest && tolower((unsigned char)*q) == *rest) {
			q++;
			rest++;
		}
		if (!*rest)
			return true;
	}
	return false;
}

static void test_the_matcher_finds_every_form(void **st)
{
	(void)st;
	const char *yes[] = { "a victim", "Victims", "une victime", "VICTIME", "la víctima", "VÍCTIMAS",
			      "victima", "Víctima de trata" };
	const char *no[] = { "convict", "vict", "evicted", "vi ctim", "v\xc3\xa9" "ctime", "" };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		if (!says_victim(yes[i]))
			fail_msg("not found in '%s'", yes[i]);
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		if (says_victim(no[i]))
			fail_msg("found in '%s'", no[i]);
}

static bool is_law(const char *ctx)
{
	return ctx && (strcmp(ctx, "law") == 0 || strncmp(ctx, "law.", 4) == 0);
}

static void load_langs(struct langs *l)
{
	struct diags d = { 0 };
	assert_int_equal(langs_load("locales", l, &d), 0);
	diags_free(&d);
	assert_true(l->n >= 3);	/* English, and at least French and Spanish */
}

/* Every entry of every PO file, English and translation, law excepted. */
static void test_no_entry_says_victim_outside_the_law(void **st)
{
	(void)st;
	struct langs l = { 0 };
	load_langs(&l);
	for (size_t k = 1; k < l.n; k++) {
		size_t n;
		const struct catalog_entry *e = catalog_entries(l.v[k], &n);
		assert_true(n > 100);
		for (size_t i = 0; i < n; i++) {
			if (is_law(e[i].ctx))
				continue;
			if (says_victim(e[i].id) || says_victim(e[i].str))
				fail_msg("%s:%d: says victim: %s", catalog_path(l.v[k]), e[i].line,
					 says_victim(e[i].str) ? e[i].str : e[i].id);
		}
	}
	langs_free(&l);
}

static void check_text(const struct catalog *c, const char *ctx, const char *text, const char *where)
{
	if (!text)
		return;
	const char *shown = catalog_get(c, ctx, text);
	if (says_victim(shown))
		fail_msg("%s, in %s: says victim: %s", where, catalog_lang(c), shown);
}

/* The bundled deck as each language shows it: questions, help, why,
 * choices, checklist items and their help. */
static void test_the_deck_never_says_victim_in_any_language(void **st)
{
	(void)st;
	struct langs l = { 0 };
	load_langs(&l);
	struct diags d = { 0 };
	struct deck *dk = deck_load("screens", &d);
	assert_non_null(dk);
	for (size_t k = 0; k < l.n; k++) {
		for (size_t i = 0; i < dk->n; i++) {
			const struct screen *sc = &dk->s[i];
			check_text(l.v[k], sc->id, sc->question, sc->id);
			check_text(l.v[k], sc->id, sc->help, sc->id);
			check_text(l.v[k], sc->id, sc->why, sc->id);
			for (size_t j = 0; j < sc->nchoices; j++)
				check_text(l.v[k], sc->id, sc->choices[j].label, sc->id);
			for (size_t j = 0; j < sc->nitems; j++) {
				check_text(l.v[k], sc->items[j].id, sc->items[j].text, sc->items[j].id);
				check_text(l.v[k], sc->items[j].id, sc->items[j].help, sc->items[j].id);
			}
		}
	}
	deck_free(dk);
	diags_free(&d);
	langs_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_the_matcher_finds_every_form),
		cmocka_unit_test(test_no_entry_says_victim_outside_the_law),
		cmocka_unit_test(test_the_deck_never_says_victim_in_any_language),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
