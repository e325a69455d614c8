/* fuzz_deck: a deck of one screen file from the input, then (after a line
 * "%%answers") an answers file walked to the summary, as `replay` does.
 *
 * Properties besides the sanitizers': a deck that loads has ids of the
 * documented characters (a letter, then letters, digits, . - _), none of
 * the words that mean something else in an answers file or a guard
 * (stop-at, end, and, yes, the elements, the inputs …); its path stays on
 * screens of the deck. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"
#include "base/diag.h"
#include "base/stanza.h"
#include "domain/answers.h"
#include "domain/deck.h"
#include "domain/inputs.h"
#include "domain/interview.h"
#include "domain/lint.h"
#include "domain/vocab.h"

/* The words an id may not be: they mean something else in a guard or an
 * answers file. */
static const char *const reserved[] = {
	"stop-at", "end", "and", "or", "not", "yes", "no", "dontknow", "declined", "unanswered",
	"intended", "met", "not-met", "unclear", NULL
};

static void check_id(const char *what, const char *id)
{
	if (!((*id >= 'a' && *id <= 'z') || (*id >= 'A' && *id <= 'Z')))
		fuzz_fail("a deck with the %s id '%s' (not starting with a letter) loaded", what, id);
	for (const unsigned char *p = (const unsigned char *)id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      (*p >= '0' && *p <= '9') || strchr("._-", *p)))
			fuzz_fail("a deck with the %s id '%s' (character 0x%02x) loaded", what, id, *p);
	for (int i = 0; reserved[i]; i++)
		if (strcmp(id, reserved[i]) == 0)
			fuzz_fail("a deck with the reserved %s id '%s' loaded", what, id);
	if (element_lookup(id) >= 0 || inputs_key_lookup(id) >= 0)
		fuzz_fail("a deck with the %s id '%s' (an element or input) loaded", what, id);
}

static void check_deck(const struct deck *dk)
{
	for (size_t i = 0; i < dk->n; i++) {
		check_id("screen", dk->s[i].id);
		for (size_t j = 0; j < dk->s[i].nitems; j++)
			check_id("item", dk->s[i].items[j].id);
	}
}

static void count_text(void *arg, const char *ctx, const char *text, const char *file, int line)
{
	(void)ctx;
	(void)file;
	(void)line;
	if (!text)
		fuzz_fail("deck_each_text gave a NULL text");
	++*(size_t *)arg;
}

static void walk(const struct deck *dk, const char *ans, size_t len)
{
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(dk);
	if (stanza_parse("fuzz.answers", ans, len, &f, &d) == 0 && answers_apply(iv, &f, &d) == 0) {
		/* Walk the path as a front end would, then report. */
		for (size_t steps = 0; steps <= dk->n && interview_next(iv); steps++) {
			int cur = interview_current(iv);
			if (cur < 0 || (size_t)cur >= dk->n)
				fuzz_fail("the path reached screen %d of %zu", cur, dk->n);
		}
		fuzz_report(iv, 40 + (int)(len % 60));
	}
	diags_print(&d, fuzz_sink());
	stanza_file_free(&f);
	diags_free(&d);
	interview_free(iv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *ans;
	size_t alen, dlen = fuzz_split((const char *)data, size, "%%answers", &ans, &alen);
	static char dir[4096];
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "%s/deck", fuzz_dir());
		mkdir(dir, 0700);
	}
	fuzz_write("deck/fuzz.screen", data, dlen);
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	if (dk && d.n)
		fuzz_fail("a deck loaded with %zu problems", d.n);
	if (!dk && !d.n)
		fuzz_fail("a deck was refused without a problem named");
	diags_print(&d, fuzz_sink());
	diags_free(&d);
	if (dk) {
		check_deck(dk);
		size_t texts = 0;
		deck_each_text(dk, count_text, &texts);	/* what `tipscreen pot` reads */
		walk(dk, ans ? ans : "", alen);
		deck_free(dk);
	}
	return 0;
}
