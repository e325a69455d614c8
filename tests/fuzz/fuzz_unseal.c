/* fuzz_unseal: `tipscreen unseal` on any file, with a fixed office key.
 *
 * An input that starts with a line "#plain" is first sealed here to the
 * office key (the rest of the input is the plaintext), so the fuzzer also
 * reaches what unseal does with the contents of a genuine-looking box, not
 * only with damaged armour.
 *
 * Property besides the sanitizers (pending: see util.h): what unseal prints holds no control or
 * bidi character other than tab and newline (an export is untrusted when
 * it reaches the office terminal). */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/cmd/cmd.h"
#include "util.h"

static unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
static char key_path[4096];

static void setup(void)
{
	if (key_path[0])
		return;
	if (sodium_init() < 0)
		abort();
	unsigned char seed[crypto_box_SEEDBYTES];
	memset(seed, 'f', sizeof seed);
	crypto_box_seed_keypair(pk, sk, seed);
	char b64[256];
	sodium_bin2base64(b64, sizeof b64, sk, sizeof sk, sodium_base64_VARIANT_ORIGINAL);
	strcat(b64, "\n");
	snprintf(key_path, sizeof key_path, "%s", fuzz_write("office.key", b64, strlen(b64)));
}

/* The armoured sealed file for plaintext p[0..n): a new string. */
static char *seal(const uint8_t *p, size_t n, size_t *len)
{
	size_t clen = n + crypto_box_SEALBYTES;
	unsigned char *c = malloc(clen);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(blen + 32);
	if (!c || !out)
		abort();
	crypto_box_seal(c, p, n, pk);
	strcpy(out, "tipscreen-sealed-1\n");
	sodium_bin2base64(out + strlen(out), blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	strcat(out, "\n");
	free(c);
	*len = strlen(out);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	const char *path;
	if (size >= 7 && memcmp(data, "#plain\n", 7) == 0) {
		size_t len;
		char *file = seal(data + 7, size - 7, &len);
		path = fuzz_write("export.sealed", file, len);
		free(file);
	} else {
		path = fuzz_write("export.sealed", data, size);
	}
	char *out = NULL;
	size_t len = 0;
	struct options o = { 0 };
	o.out = open_memstream(&out, &len);
	o.key = key_path;
	o.charset = "UTF-8";
	cmd_unseal(&o, path);
	fclose(o.out);
	if (fuzz_pending() && fuzz_has_control(out, len, 1))	/* issue 14 hole 6 */
		fuzz_fail("unseal printed a control character from the export");
	free(out);
	return 0;
}
