/* fuzz_assess: the `assess` input file on any bytes, through what `assess`
 * does with it: inputs_parse, the Article 3 rules, the summary in English
 * and French at a width the input picks, the JSON and the words matched in
 * each cited text.
 *
 * Properties besides the sanitizers': accepted inputs never contradict
 * (assess_run succeeds, as cmd/assess.c relies on), and the JSON holds no
 * raw control character. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "base/diag.h"
#include "base/stanza.h"
#include "domain/assess.h"
#include "domain/catalog.h"
#include "domain/inputs.h"
#include "domain/report.h"

static void report(const struct assess_input *in, int width)
{
	struct assessment a;
	const char *why;
	if (assess_run(in, &a, &why) < 0)
		fuzz_fail("inputs_parse accepted inputs that contradict: %s", why);
	char *json = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);
	report_json(mem, &a);
	fclose(mem);
	if (fuzz_has_control(json, len, 1))
		fuzz_fail("the assessment JSON holds a control character");
	free(json);
	size_t n;
	struct evidence *ev = report_evidence_inputs(in, &n);
	report_text(fuzz_sink(), &a, in, ev, n, width);
	i18n_use(fuzz_bundled_fr());
	report_text(fuzz_sink(), &a, in, ev, n, width);
	i18n_use(NULL);
	free(ev);
	free(report_matched_words(&a, "recruitment, transportation, transfer, harbouring or receipt "
				  "of persons, by means of the threat or use of force", NULL));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct stanza_file f;
	struct assess_input in;
	if (stanza_parse("fuzz.in", (const char *)data, size, &f, &d) == 0 &&
	    inputs_parse(&f, &in, &d) == 0)
		report(&in, 20 + (int)(size % 100));
	diags_print(&d, fuzz_sink());
	stanza_file_free(&f);
	diags_free(&d);
	return 0;
}
