/* fuzz_keyshare: reading a custodian's share file (keyshare_parse, the
 * entry point for the pages `tipscreen keyjoin` reads back) and a laptop's
 * recovery notice (recovery_open, what `office recovery` reads), on any
 * bytes, with a fixed office key and a fixed laptop key. The shares are
 * only parsed: opening one costs an Argon2id run.
 *
 * An input that starts with a line "#notice" is first made into a notice
 * here (recovery_make, the rest of the input as the device's name), so the
 * fuzzer also reaches what is done with a genuine one.
 *
 * Properties besides the sanitizers': a share that parses has 1 <= index
 * <= n and 2 <= k <= n; a notice made here opens with its fields and the
 * laptop as signer; a device's name is printable ASCII without spaces. */
#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "store/keyshare.h"
#include "store/recovery.h"

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

static void share(const uint8_t *data, size_t size)
{
	struct keyshare s;
	char err[256];
	if (keyshare_parse((const char *)data, size, &s, err, sizeof err) != 0)
		return;
	if (s.index < 1 || s.index > s.n || s.k < 2 || s.k > s.n || s.n > KEYSHARE_MAX)
		fuzz_fail("a share parses as %d of %d, %d needed", s.index, s.n, s.k);
}

static void notice(const char *text, size_t len, const struct recovery *made)
{
	struct recovery r;
	char err[256];
	int rc = recovery_open(text, len, office_sk, &r, err, sizeof err);
	if (made && rc != 0)
		fuzz_fail("a notice made here does not open: %s", err);
	if (rc != 0)
		return;
	for (const char *p = r.device; *p; p++)
		if (*p <= ' ' || *p > '~')
			fuzz_fail("a notice's device name holds byte 0x%02x", (unsigned char)*p);
	if (made && (r.time != made->time || r.cases != made->cases ||
		     memcmp(r.laptop, laptop_pk, sizeof laptop_pk) != 0))
		fuzz_fail("a notice made here opens with other fields");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	setup();
	static const char mark[] = "#notice\n";
	if (size >= sizeof mark - 1 && memcmp(data, mark, sizeof mark - 1) == 0) {
		struct recovery r = { .time = 1764349200, .enrolled = 1764340000, .cases = (long long)size };
		size_t dl = size - (sizeof mark - 1);
		memcpy(r.device, data + sizeof mark - 1, dl < sizeof r.device - 1 ? dl : sizeof r.device - 1);
		size_t len;
		char *text = recovery_make(&r, office_pk, laptop_sk, &len);
		if (!text)
			fuzz_fail("recovery_make made nothing");
		notice(text, len, &r);
		free(text);
		return 0;
	}
	share(data, size);
	notice((const char *)data, size, NULL);
	return 0;
}
