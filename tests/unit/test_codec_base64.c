/* The fast base64 decoder of sealed armour (codec_base64_decode): it
 * gives sodium's bytes for everything sodium encodes, and refuses what
 * sodium_base642bin's ORIGINAL variant refuses. */
#include "testutil.h"

#include <sodium.h>
#include <string.h>

#include "base/codec.h"

static void test_every_length_decodes_to_what_sodium_encoded(void **st)
{
	(void)st;
	unsigned char in[200], out[200];
	char b64[300];
	for (size_t n = 0; n < sizeof in; n++) {
		randombytes_buf(in, n);
		sodium_bin2base64(b64, sizeof b64, in, n, sodium_base64_VARIANT_ORIGINAL);
		size_t len = 999;
		assert_int_equal(codec_base64_decode(b64, strlen(b64), out, sizeof out, &len), 0);
		assert_int_equal(len, n);
		assert_memory_equal(out, in, n);
	}
}

/* Each input as sodium judges it: the fast decoder agrees. */
static void test_it_refuses_what_sodium_refuses(void **st)
{
	(void)st;
	const char *const cases[] = { "QUJD", "QUI=", "QQ==", "QUJ", "QUJDR", "QU=D", "QUJ=",
		"QR==", "QUK=", "Q===", "QUJD\n", " QUJD", "QU*D", "QUJDRA==", "====", "" };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		unsigned char a[16], b[16];
		size_t la = 0, lb = 0;
		int want = sodium_base642bin(a, sizeof a, cases[i], strlen(cases[i]), NULL, &la, NULL,
					     sodium_base64_VARIANT_ORIGINAL);
		int got = codec_base64_decode(cases[i], strlen(cases[i]), b, sizeof b, &lb);
		if ((want == 0) != (got == 0))
			fail_msg("'%s': sodium %d, codec %d", cases[i], want, got);
		if (want == 0) {
			assert_int_equal(lb, la);
			assert_memory_equal(a, b, la);
		}
	}
}

static void test_it_refuses_what_does_not_fit(void **st)
{
	(void)st;
	unsigned char out[2];
	size_t len;
	assert_int_equal(codec_base64_decode("QUJD", 4, out, sizeof out, &len), -1);
	assert_int_equal(codec_base64_decode("QUI=", 4, out, sizeof out, &len), 0);
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_length_decodes_to_what_sodium_encoded),
		cmocka_unit_test(test_it_refuses_what_sodium_refuses),
		cmocka_unit_test(test_it_refuses_what_does_not_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
