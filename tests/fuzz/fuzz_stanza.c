/* fuzz_stanza: the stanza reader on any bytes. Whatever it accepts must
 * keep its promises: valid UTF-8, no control characters (a tab aside) in
 * keys or values, positions inside the file, every field findable. */
#include <stdint.h>
#include <string.h>

#include "util.h"
#include "base/diag.h"
#include "base/stanza.h"
#include "base/text.h"

static void check_field(const struct stanza *st, const struct field *f)
{
	size_t kl = strlen(f->key), vl = strlen(f->value);
	if (!text_valid(f->key, kl, NULL) || !text_valid(f->value, vl, NULL))
		fuzz_fail("a field read as invalid UTF-8 (line %d)", f->line);
	if (fuzz_has_control(f->key, kl, 0) || fuzz_has_control(f->value, vl, 0))
		fuzz_fail("a field read with a control character (line %d)", f->line);
	if (f->line < 1 || f->col < 1 || f->vline < f->line)
		fuzz_fail("a field with a bad position %d:%d, value %d:%d", f->line, f->col, f->vline,
			  f->vcol);
	if (!stanza_get(st, f->key))
		fuzz_fail("stanza_get does not find the key '%s' it read", f->key);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d = { 0 };
	struct stanza_file f;
	int rc = stanza_parse("fuzz.stanza", (const char *)data, size, &f, &d);
	if (rc == 0 && d.n)
		fuzz_fail("stanza_parse returned 0 with %zu problems", d.n);
	if (rc == 0)
		for (size_t i = 0; i < f.n; i++)
			for (size_t j = 0; j < f.s[i].n; j++)
				check_field(&f.s[i], &f.s[i].f[j]);
	diags_print(&d, fuzz_sink());
	stanza_file_free(&f);
	diags_free(&d);
	return 0;
}
