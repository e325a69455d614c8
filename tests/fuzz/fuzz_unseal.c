/* fuzz_unseal: opening a sealed export (seal_open, the entry point for
 * untrusted files that `tipscreen unseal` reads), what unseal prints of it
 * (seal_printable), and the list of known laptops (seal_signers_parse), on
 * any bytes, with a fixed office key and a fixed laptop key.
 *
 * An input that starts with a line "#plain" is first signed and sealed
 * here (seal_make, the rest of the input is the payload), and one that
 * starts with "#v1" is sealed in the first, unsigned format, so the fuzzer
 * also reaches what is done with the contents of a genuine box, not only
 * with damaged armour.
 *
 * Properties besides the sanitizers': a box made here opens, with its
 * payload unchanged, the laptop as signer (version 2) or none (version 1);
 * what is printable holds no control or bidi character but tab and line
 * ends (LF, CRLF); a known-laptops entry's name is printable ASCII. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "store/seal.h"

static unsigned char office_pk[SEAL_BOX_PUBLIC], office_sk[SEAL_BOX_SECRET];
static unsigned char laptop_pk[SEAL_SIGN_PUBLIC], laptop_sk[SEAL_SIGN_SECRET];

static void setup(void)
{
	static int done;
	if (done++)
		return;
	if (sodium_init() < 0)
		abort();
	unsigned char seed[32];
	memset(seed, 'f', sizeof seed);
	crypto_box_seed_keypair(office_pk, office_sk, seed);
	memset(seed, 'l', sizeof seed);
	crypto_sign_seed_keypair(laptop_pk, laptop_sk, seed);
}

/* The first format: an unsigned sealed box, armoured. A new string. */
static char *seal_v1(const uint8_t *p, size_t n, size_t *len)
{
	size_t clen = n + crypto_box_SEALBYTES;
	unsigned char *c = malloc(clen);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(blen + 32);
	if (!c || !out)
		abort();
	crypto_box_seal(c, p, n, office_pk);
	strcpy(out, "tipscreen-sealed-1\n");
	sodium_bin2base64(out + strlen(out), blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	strcat(out, "\n");
	free(c);
	*len = strlen(out);
	return out;
}

static void check_printable(const struct seal_opened *o)
{
	if (o->charset[0] && strcmp(o->charset, "UTF-8") != 0)
		return;	/* another charset: its bytes are not UTF-8 */
	size_t len;
	char *p = seal_printable(o, &len);
	if (!p)
		return;
	for (size_t i = 0; i < len; i++)
		if (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'))
			fuzz_fail("a printable export holds a CR that does not end a line");
	char *lf = fuzz_strndup(p, len);
	size_t k = 0;
	for (size_t i = 0; i < len; i++)
		if (lf[i] != '\r')
			lf[k++] = lf[i];
	if (fuzz_has_control(lf, k, 1))
		fuzz_fail("a printable export holds a control or bidi character");
	free(lf);
	free(p);
}

static void open_and_check(const char *text, size_t len, const uint8_t *made, size_t mlen,
			   int version)
{
	struct seal_opened o;
	char err[256];
	memset(&o, 0, sizeof o);
	int rc = seal_open(text, len, office_sk, &o, err, sizeof err);
	if (version && rc != 0)
		fuzz_fail("a box sealed here does not open: %s", err);
	if (rc != 0)
		return;
	if (version && (o.version != version || o.len != mlen || memcmp(o.payload, made, mlen) != 0))
		fuzz_fail("a box sealed here opens as version %d with another payload", o.version);
	if (version == 2 && memcmp(o.signer, laptop_pk, sizeof laptop_pk) != 0)
		fuzz_fail("a box signed here names another signer");
	check_printable(&o);
	char fp[SEAL_FINGERPRINT];
	seal_fingerprint(o.signer, fp);
	seal_opened_free(&o);
}

static void signers(const uint8_t *data, size_t size)
{
	struct seal_signer *v = NULL;
	size_t n = 0;
	char err[256];
	if (seal_signers_parse((const char *)data, size, &v, &n, err, sizeof err) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		for (const char *p = v[i].name; *p; p++)
			if (*p < 0x20 || *p > 0x7E)
				fuzz_fail("a known laptop's name holds byte 0x%02x", (unsigned char)*p);
		if (seal_signer_find(v, n, v[i].pk) == NULL)
			fuzz_fail("seal_signer_find misses entry %zu", i);
	}
	free(v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	if (size >= 7 && memcmp(data, "#plain\n", 7) == 0) {
		size_t len;
		char *text = seal_make(data + 7, size - 7, "UTF-8", office_pk, laptop_sk, &len);
		if (!text)
			fuzz_fail("seal_make refused a payload");
		open_and_check(text, len, data + 7, size - 7, 2);
		free(text);
	} else if (size >= 4 && memcmp(data, "#v1\n", 4) == 0) {
		size_t len;
		char *text = seal_v1(data + 4, size - 4, &len);
		open_and_check(text, len, data + 4, size - 4, 1);
		free(text);
	} else {
		open_and_check((const char *)data, size, NULL, 0, 0);
		signers(data, size);
	}
	return 0;
}
