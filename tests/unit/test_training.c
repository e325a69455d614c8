/* What a training session prints before it starts (training.c): the
 * interviewer's intro gives none of the scenario's teaching points, for
 * every bundled scenario; the partner's card has the persona and no ids. */
#include "bundled.h"

#include "base/xalloc.h"
#include "train/scenario.h"
#include "train/training.h"

static char *printed(const struct scenario *s, int what)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (what == 2)
		training_card(f, s, deck, 1000);
	else
		training_intro(f, s, what == 1, 1000);
	fclose(f);
	return buf;
}

/* Every bundled scenario, each loaded without a diagnostic. */
static struct scenario *bundled_scenarios(size_t *n)
{
	struct scenario *v;
	struct diags d = { 0 };
	int got = scenario_load_dir("screens/scenarios", deck, &v, n, &d);
	assert_int_equal(got, (int)*n);
	diags_free(&d);
	return v;
}

static void no_intro_gives_a_teaching_point(void **st)
{
	(void)st;
	size_t n;
	struct scenario *v = bundled_scenarios(&n);
	assert_true(n >= 23);
	for (size_t i = 0; i < n; i++)
		for (int solo = 0; solo <= 1; solo++) {
			const struct scenario *s = &v[i];
			char *intro = printed(s, solo);
			if (strstr(intro, s->teaches) || strstr(intro, s->persona))
				fail_msg("the intro of %s gives its persona or what it teaches", s->id);
			for (size_t k = 0; k < s->nask; k++)
				if (s->ask[k].teaching && strstr(intro, s->ask[k].teaching))
					fail_msg("the intro of %s gives the teaching of %s", s->id,
						 s->ask[k].id);
			for (size_t k = 0; k < s->npoint; k++)
				if (strstr(intro, s->point[k].teaching))
					fail_msg("the intro of %s gives a teaching point", s->id);
			assert_non_null(strstr(intro, s->title));
			free(intro);
		}
	scenario_list_free(v, n);
}

static void every_intro_shows_its_setting(void **st)
{
	(void)st;
	size_t n;
	struct scenario *v = bundled_scenarios(&n);
	for (size_t i = 0; i < n; i++) {
		if (!v[i].setting)
			fail_msg("%s has no Setting:", v[i].id);
		char *intro = printed(&v[i], 0);
		if (!strstr(intro, v[i].setting))
			fail_msg("the intro of %s does not show its setting", v[i].id);
		free(intro);
	}
	scenario_list_free(v, n);
}

static void the_card_has_the_persona_and_no_ids(void **st)
{
	(void)st;
	struct scenario s;
	struct diags d = { 0 };
	assert_int_equal(scenario_load("screens/scenarios/farm-no-choice.scenario", deck, &s, &d), 0);
	char *card = printed(&s, 2);
	assert_non_null(strstr(card, s.persona));
	assert_non_null(strstr(card, "If you are asked anything else"));
	assert_null(strstr(card, s.id));
	for (size_t k = 0; k < s.nask; k++)
		if (s.ask[k].says && strstr(card, s.ask[k].id))
			fail_msg("the card names the id %s", s.ask[k].id);
	free(card);
	scenario_free(&s);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(no_intro_gives_a_teaching_point),
		cmocka_unit_test(every_intro_shows_its_setting),
		cmocka_unit_test(the_card_has_the_persona_and_no_ids),
	};
	return cmocka_run_group_tests_name("training", tests, bundled_setup, bundled_teardown);
}
