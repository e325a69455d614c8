/* The office's key files: a key written under a passphrase opens with it
 * and no other; an altered or cut file is refused; a key of the first
 * format (unencrypted) still opens, said so; a .pub carries both public
 * keys, and one of the first format only the sealing key. */
#include "testutil.h"

#include <sodium.h>
#include <sys/stat.h>

#include "store/keyfile.h"

static struct keyfile_secret *generated(void)
{
	assert_true(sodium_init() >= 0);
	struct keyfile_secret *k = keyfile_secret_new();
	assert_non_null(k);
	keyfile_generate(k);
	return k;
}

static void test_a_key_opens_with_its_passphrase_only(void **st)
{
	(void)st;
	struct keyfile_secret *k = generated(), *back = keyfile_secret_new();
	size_t len;
	char *text = keyfile_secret_text(k, "correct horse", &len), err[256];
	assert_non_null(text);
	assert_memory_equal(text, "tipscreen-key-2\n", 16);
	assert_int_equal(keyfile_parse_secret(text, len, "correct horse", back, err, sizeof err), 0);
	assert_memory_equal(back->box, k->box, sizeof k->box);
	assert_memory_equal(back->sign, k->sign, sizeof k->sign);
	assert_memory_equal(back->pub.box, k->pub.box, sizeof k->pub.box);
	assert_memory_equal(back->pub.sign, k->pub.sign, sizeof k->pub.sign);
	assert_true(back->pub.has_sign);
	assert_int_equal(keyfile_parse_secret(text, len, "correct horsE", back, err, sizeof err), -2);
	assert_string_equal(err, "wrong passphrase (or the key file was altered)");
	assert_int_equal(keyfile_parse_secret(text, len, NULL, back, err, sizeof err), -3);
	text[len - 10] = text[len - 10] == 'A' ? 'B' : 'A';	/* a byte of the secret box */
	assert_int_equal(keyfile_parse_secret(text, len, "correct horse", back, err, sizeof err), -2);
	assert_int_equal(keyfile_parse_secret(text, 30, "correct horse", back, err, sizeof err), -1);
	assert_string_equal(err, "2: expected the encrypted key in base64 (168 bytes)");
	assert_null(keyfile_secret_text(k, "", &len));
	free(text);
	keyfile_secret_free(back);
	keyfile_secret_free(k);
}

static void test_a_key_of_the_first_format_opens_unencrypted(void **st)
{
	(void)st;
	struct keyfile_secret *k = generated(), *back = keyfile_secret_new();
	char b64[64], err[256];
	sodium_bin2base64(b64, sizeof b64, k->box, sizeof k->box, sodium_base64_VARIANT_ORIGINAL);
	strcat(b64, "\r\n");
	assert_int_equal(keyfile_parse_secret(b64, strlen(b64), NULL, back, err, sizeof err), 1);
	assert_memory_equal(back->box, k->box, sizeof k->box);
	assert_memory_equal(back->pub.box, k->pub.box, sizeof k->pub.box);
	assert_false(back->pub.has_sign);
	assert_int_equal(keyfile_parse_secret("hello\n", 6, "x", back, err, sizeof err), -1);
	assert_string_equal(err, "1: expected \"tipscreen-key-2\" (a key written by `tipscreen keygen`)");
	keyfile_secret_free(back);
	keyfile_secret_free(k);
}

static void test_a_public_key_carries_both_keys(void **st)
{
	(void)st;
	struct keyfile_secret *k = generated();
	struct keyfile_public p;
	size_t len;
	char *text = keyfile_public_text(&k->pub, &len), err[256];
	assert_int_equal(keyfile_parse_public(text, len, &p, err, sizeof err), 0);
	assert_memory_equal(p.box, k->pub.box, sizeof p.box);
	assert_memory_equal(p.sign, k->pub.sign, sizeof p.sign);
	assert_true(p.has_sign);
	assert_int_equal(keyfile_parse_public(text, strcspn(text, "\n") + 1, &p, err, sizeof err), 0);
	assert_false(p.has_sign);	/* the first format */
	text[strcspn(text, "\n") + 2] = 'X';	/* "sXgn" */
	assert_int_equal(keyfile_parse_public(text, len, &p, err, sizeof err), -1);
	assert_string_equal(err, "2:1: expected \"sign\" and the office's signing key");
	/* The fingerprint staff read out covers both keys (DESIGN §12 v2): a
	 * .pub whose sign line was swapped shows another one; a key of the
	 * first format (no sign line) keeps its box key's. */
	char fp1[SEAL_FINGERPRINT], fp2[SEAL_FINGERPRINT], fp3[SEAL_FINGERPRINT];
	keyfile_fingerprint(&k->pub, fp1);
	seal_fingerprint(k->pub.box, fp2);
	assert_string_not_equal(fp1, fp2);
	struct keyfile_public swapped = k->pub;
	swapped.sign[0] ^= 1;
	keyfile_fingerprint(&swapped, fp3);
	assert_string_not_equal(fp1, fp3);
	swapped.has_sign = false;
	keyfile_fingerprint(&swapped, fp3);
	assert_string_equal(fp3, fp2);
	free(text);
	keyfile_secret_free(k);
}

static void test_a_key_file_others_may_read_is_refused(void **st)
{
	(void)st;
	struct keyfile_secret *k = generated(), *back = keyfile_secret_new();
	size_t len;
	char *text = keyfile_secret_text(k, "passphrase", &len), err[512];
	char *dir = make_dir("office.key", text, NULL), path[512];
	snprintf(path, sizeof path, "%s/office.key", dir);
	chmod(path, 0600);
	assert_int_equal(keyfile_open(path, "passphrase", back, err, sizeof err), 0);
	assert_int_equal(keyfile_open(path, "wrong one", back, err, sizeof err), -2);
	char want[600];
	snprintf(want, sizeof want, "%s: wrong passphrase (or the key file was altered)", path);
	assert_string_equal(err, want);
	chmod(path, 0640);
	assert_int_equal(keyfile_open(path, "passphrase", back, err, sizeof err), -1);
	assert_non_null(strstr(err, "others may read this secret key (mode 640)"));
	snprintf(path, sizeof path, "%s/none.key", dir);
	assert_int_equal(keyfile_open(path, "passphrase", back, err, sizeof err), -1);
	assert_non_null(strstr(err, "No such file or directory"));
	rm_tree(dir);
	free(text);
	keyfile_secret_free(back);
	keyfile_secret_free(k);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_key_opens_with_its_passphrase_only),
		cmocka_unit_test(test_a_key_of_the_first_format_opens_unencrypted),
		cmocka_unit_test(test_a_public_key_carries_both_keys),
		cmocka_unit_test(test_a_key_file_others_may_read_is_refused),
	};
	return cmocka_run_group_tests_name("keyfile", tests, NULL, NULL);
}
