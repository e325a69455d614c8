/* fuzz_bundle: the field-to-office files on any bytes — a bundle's payload
 * (bundle_parse), a sealed bundle (bundle_open, with a fixed office key),
 * a receipt (receipt_open) and the office's key files
 * (keyfile_parse_public; keyfile_parse_secret without a passphrase, so
 * that no input costs an Argon2id run).
 *
 * An input that starts with a line "#seal" has the rest signed and sealed
 * here with a fixed laptop key (seal_make), so the fuzzer reaches the
 * payload parser through bundle_open too.
 *
 * Properties besides the sanitizers': a payload that parses is made again
 * by bundle_make and opens to the same cases, records and facts, signed by
 * the laptop; a failed parse returns nothing; a receipt that opens has
 * only well-formed ids. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/receipt.h"
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

static void same_case(const struct bundle_case *a, const struct bundle_case *b)
{
	if (strcmp(a->id, b->id) || strcmp(a->status, b->status) || strcmp(a->deck, b->deck) ||
	    a->created != b->created || a->updated != b->updated || a->nrec != b->nrec ||
	    a->nfact != b->nfact)
		fuzz_fail("case %s comes back changed", a->id);
	for (size_t f = 0; f < a->nfact; f++)
		if (strcmp(a->fact[f].name, b->fact[f].name) || strcmp(a->fact[f].value, b->fact[f].value))
			fuzz_fail("case %s: fact %s comes back changed", a->id, a->fact[f].name);
	for (size_t i = 0; i < a->nrec; i++)
		if (a->rec[i].seq != b->rec[i].seq || a->rec[i].len != b->rec[i].len ||
		    memcmp(a->rec[i].data, b->rec[i].data, a->rec[i].len))
			fuzz_fail("case %s: record %zu comes back changed", a->id, i + 1);
}

/* A parsed bundle, made and opened again, is the same. */
static void round_trip(const struct bundle *b)
{
	size_t len;
	char err[256];
	char *text = bundle_make(b, office_pk, laptop_sk, &len, err, sizeof err);
	if (!text)
		fuzz_fail("bundle_make refuses a bundle bundle_parse read: %s", err);
	struct bundle again;
	if (bundle_open(text, len, office_sk, &again, err, sizeof err) != 0)
		fuzz_fail("a bundle made here does not open: %s", err);
	if (memcmp(again.signer, laptop_pk, sizeof laptop_pk) || strcmp(again.device, b->device) ||
	    again.time != b->time || again.n != b->n)
		fuzz_fail("a bundle made here opens with another signer, device, time or count");
	for (size_t i = 0; i < b->n; i++)
		same_case(&b->cases[i], &again.cases[i]);
	bundle_free(&again);
	free(text);
}

static void payload(const char *data, size_t size)
{
	struct bundle b;
	char err[256];
	if (bundle_parse(data, size, &b, err, sizeof err) != 0) {
		if (b.n || b.cases)
			fuzz_fail("a failed parse returns cases");
		return;
	}
	round_trip(&b);
	bundle_free(&b);
}

static void others(const char *data, size_t size)
{
	struct bundle b;
	struct receipt r;
	struct keyfile_public p;
	char err[256];
	if (bundle_open(data, size, office_sk, &b, err, sizeof err) == 0)
		bundle_free(&b);
	if (receipt_open(data, size, laptop_pk, &r, err, sizeof err) == 0) {
		for (size_t i = 0; i < r.n; i++)
			if (strlen(r.v[i].id) != BUNDLE_ID)
				fuzz_fail("a receipt opens with a bad case id");
		receipt_free(&r);
	}
	keyfile_parse_public(data, size, &p, err, sizeof err);
	struct keyfile_secret *k = keyfile_secret_new();
	if (!k)
		abort();
	keyfile_parse_secret(data, size, NULL, k, err, sizeof err);
	keyfile_secret_free(k);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	const char *d = (const char *)data;
	if (size >= 6 && memcmp(data, "#seal\n", 6) == 0) {
		size_t len;
		char *text = seal_make(d + 6, size - 6, "UTF-8", office_pk, laptop_sk, &len);
		struct bundle b;
		char err[256];
		if (!text)
			fuzz_fail("seal_make refused a payload");
		if (bundle_open(text, len, office_sk, &b, err, sizeof err) == 0)
			bundle_free(&b);
		free(text);
		return 0;
	}
	payload(d, size);
	others(d, size);
	return 0;
}
