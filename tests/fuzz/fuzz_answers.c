/* fuzz_answers: an answers file (as `replay` and scenario files take it)
 * on any bytes, applied to the bundled deck and walked to the summary as
 * `replay` does: the assessment, the summary in English and French, the
 * JSON, the off-path answers. */
#include <stdint.h>
#include <stdlib.h>

#include "answers.h"
#include "deck.h"
#include "diag.h"
#include "interview.h"
#include "stanza.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct deck *dk = fuzz_bundled_deck();
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(dk);
	if (stanza_parse("fuzz.answers", (const char *)data, size, &f, &d) == 0 &&
	    answers_apply(iv, &f, &d) == 0) {
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
