/* fuzz_answers: an answers file (as `replay` and scenario files take it)
 * on any bytes, applied to the bundled deck and walked to the summary as
 * `replay` does: the assessment, the summary in English and French, the
 * JSON, the off-path answers. Before that, the input's first bytes drive
 * the cursor as a front end would (next, back, the stop key, a jump from
 * the review).
 *
 * Property besides the sanitizers': the cursor is always on a screen of
 * the path. */
#include <stdint.h>
#include <stdlib.h>

#include "util.h"
#include "base/diag.h"
#include "base/stanza.h"
#include "domain/answers.h"
#include "domain/deck.h"
#include "domain/interview.h"

static void drive(struct interview *iv, const uint8_t *data, size_t size)
{
	const struct deck *dk = interview_deck(iv);
	for (size_t i = 0; i < size && i < 64; i++) {
		switch (data[i] % 5) {
		case 0: interview_next(iv); break;
		case 1: interview_back(iv); break;
		case 2: if (data[i] % 7 == 2) interview_stop(iv); break;
		default: interview_goto(iv, (int)(data[i] % dk->n)); break;
		}
		int cur = interview_current(iv);
		if (cur < 0 || (size_t)cur >= dk->n || !interview_on_path(iv, cur))
			fuzz_fail("the cursor left the path (screen %d)", cur);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct deck *dk = fuzz_bundled_deck();
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(dk);
	if (stanza_parse("fuzz.answers", (const char *)data, size, &f, &d) == 0 &&
	    answers_apply(iv, &f, &d) == 0) {
		drive(iv, data, size);
		for (size_t steps = 0; steps <= dk->n && interview_next(iv); steps++)
			continue;
		fuzz_report(iv, 30 + (int)(size % 70));
	}
	diags_print(&d, fuzz_sink());
	stanza_file_free(&f);
	diags_free(&d);
	interview_free(iv);
	return 0;
}
