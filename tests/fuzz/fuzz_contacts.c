/* fuzz_contacts: the referral contacts file on any bytes, loaded and
 * printed as the referral screen and `--plain` print it.
 *
 * Property besides the sanitizers': what is printed holds no control or
 * bidi character (the file is the office's, but the screen is the
 * respondent's). */
#include <stdint.h>
#include <stdlib.h>

#include "util.h"
#include "base/diag.h"
#include "domain/contacts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("contacts", data, size);
	struct diags d = { 0 };
	struct contacts c;
	int rc = contacts_load(path, &c, &d);
	if (rc == 0 && d.n)
		fuzz_fail("contacts loaded with %zu problems", d.n);
	if (rc == 0) {
		char *out = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&out, &len);
		contacts_print(&c, CONTACTS_ANYONE, mem);
		fclose(mem);
		if (fuzz_has_control(out, len, 0))
			fuzz_fail("a contact printed with a control character");
		free(out);
	}
	diags_print(&d, fuzz_sink());
	contacts_free(&c);
	diags_free(&d);
	return 0;
}
