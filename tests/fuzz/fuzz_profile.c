/* fuzz_profile: a law profile (DECK/law/profiles/ID.profile) on any bytes,
 * then, when it is accepted, assessments under it: inputs picked by the
 * input's bytes go through the Protocol's rules and the profile's, the
 * summary under the law in English and French and the JSON.
 *
 * The id the file must carry is its own `Profile:` value, so a shipped
 * profile is a valid seed. Property besides the sanitizers': the JSON
 * holds no raw control character. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "base/diag.h"
#include "base/stanza.h"
#include "domain/assess.h"
#include "domain/catalog.h"
#include "domain/inputs.h"
#include "domain/national.h"
#include "domain/profile.h"

/* Inputs that the Protocol's rules accept, varied by seed. */
static void inputs(unsigned seed, struct assess_input *in)
{
	inputs_init(in);
	for (int i = 0; i < IND_COUNT; i++, seed = seed * 1103515245u + 12345u)
		if ((seed >> 16) % 3 == 0)
			inputs_add_indicator(in, (enum indicator)i, (enum ind_value)((seed >> 20) % 3));
	int age = (int)((seed >> 8) % 40);
	in->value[IN_AGE] = seed % 5 == 0 ? -1 : age;
}

static void under(const struct profile *p, unsigned seed, int width)
{
	struct assess_input in;
	struct assessment a;
	const char *why;
	inputs(seed, &in);
	if (assess_run(&in, &a, &why) < 0)
		return;
	char *json = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&json, &len);
	national_report_json(mem, p, &in, &a);
	fclose(mem);
	if (fuzz_has_control(json, len, 1))
		fuzz_fail("the JSON under a profile holds a control character");
	free(json);
	national_print(fuzz_sink(), p, &in, &a, width);
	i18n_use(fuzz_bundled_fr());
	national_print(fuzz_sink(), p, &in, &a, width);
	i18n_use(NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct stanza_file f;
	if (stanza_parse("fz.profile", (const char *)data, size, &f, &d) == 0) {
		const struct field *id = f.n ? stanza_get(&f.s[0], "Profile") : NULL;
		struct profile p;
		if (profile_parse(&f, id ? id->value : "fz", &p, &d) == 0) {
			if (d.n)
				fuzz_fail("a profile was accepted with %zu problems", d.n);
			unsigned seed = 0;
			for (size_t i = 0; i < size && i < 64; i++)
				seed = seed * 131u + data[i];
			for (unsigned k = 0; k < 4; k++)
				under(&p, seed + k, 30 + (int)(k * 17));
			profile_free(&p);
		}
	}
	diags_print(&d, fuzz_sink());
	stanza_file_free(&f);
	diags_free(&d);
	return 0;
}
