/* What unseal prints keeps line ends (LF, CRLF) and nothing else that
 * moves the cursor: a CR alone, in a line or at the very end, is removed
 * (found by tests/fuzz/corpus/unseal/bug-6-escapes-v1: it let the office's
 * next prompt overwrite the last line). */
#include "testutil.h"

#include <sodium.h>

#include "store/seal.h"

static char *printable(const char *payload)
{
	unsigned char opk[SEAL_BOX_PUBLIC], osk[SEAL_BOX_SECRET];
	unsigned char lpk[SEAL_SIGN_PUBLIC], lsk[SEAL_SIGN_SECRET];
	assert_true(sodium_init() >= 0);
	crypto_box_keypair(opk, osk);
	crypto_sign_keypair(lpk, lsk);
	size_t len, plen;
	char *s = seal_make(payload, strlen(payload), "UTF-8", opk, lsk, &len);
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(s, len, osk, &o, err, sizeof err), 0);
	char *p = seal_printable(&o, &plen);
	assert_non_null(p);
	seal_opened_free(&o);
	free(s);
	return p;
}

static void test_a_lone_cr_is_removed(void **st)
{
	(void)st;
	char *p = printable("one\r\ntwo\rthree\nlast\r");
	assert_string_equal(p, "one\r\ntwothree\nlast");
	free(p);
}

static void test_line_ends_are_kept(void **st)
{
	(void)st;
	char *p = printable("a\r\n\r\nb\n\nc");
	assert_string_equal(p, "a\r\n\r\nb\n\nc");
	free(p);
}

int main(void)
{
	const struct CMUnitTest t[] = {
		cmocka_unit_test(test_a_lone_cr_is_removed),
		cmocka_unit_test(test_line_ends_are_kept),
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
