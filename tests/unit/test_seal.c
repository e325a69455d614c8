/* Signed, sealed exports: opened only with the office key and a good
 * signature, the signer named, old files still read as unsigned, CRLF
 * accepted, and what is printed made safe for a terminal. */
#include "testutil.h"

#include <sodium.h>

#include "store/seal.h"

struct keys {
	unsigned char office_pk[SEAL_BOX_PUBLIC], office_sk[SEAL_BOX_SECRET];
	unsigned char pk[SEAL_SIGN_PUBLIC], sk[SEAL_SIGN_SECRET];
};

static void make_keys(struct keys *k)
{
	assert_true(sodium_init() >= 0);
	crypto_box_keypair(k->office_pk, k->office_sk);
	crypto_sign_keypair(k->pk, k->sk);
}

static char *make(const struct keys *k, const char *payload, const char *charset, size_t *len)
{
	char *s = seal_make(payload, strlen(payload), charset, k->office_pk, k->sk, len);
	assert_non_null(s);
	return s;
}

static void test_a_signed_export_opens_and_names_its_signer(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len;
	char *s = make(&k, "{\"outcome\": \"x\"}\n", "UTF-8", &len);
	assert_memory_equal(s, "tipscreen-sealed-2\n", 19);
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(s, len, k.office_sk, &o, err, sizeof err), 0);
	assert_int_equal(o.version, 2);
	assert_memory_equal(o.signer, k.pk, sizeof k.pk);
	assert_string_equal(o.charset, "UTF-8");
	assert_string_equal((char *)o.payload, "{\"outcome\": \"x\"}\n");
	seal_opened_free(&o);
	free(s);
}

/* Re-seals the inner bytes of s (opened with the office key) after f
 * changed them: what someone holding only office.pub could do. */
static char *reseal(const struct keys *k, const char *s, size_t len, void (*f)(unsigned char *, size_t *),
		    size_t *outlen)
{
	size_t cap = len, clen;
	unsigned char *c = malloc(cap);
	const char *b = strchr(s, '\n') + 1;
	assert_int_equal(sodium_base642bin(c, cap, b, strcspn(b, "\n"), NULL, &clen, NULL,
					   sodium_base64_VARIANT_ORIGINAL), 0);
	size_t ilen = clen - crypto_box_SEALBYTES;
	unsigned char *in = malloc(ilen + 64);
	assert_int_equal(crypto_box_seal_open(in, c, clen, k->office_pk, k->office_sk), 0);
	f(in, &ilen);
	unsigned char *c2 = malloc(ilen + crypto_box_SEALBYTES);
	crypto_box_seal(c2, in, ilen, k->office_pk);
	size_t blen = sodium_base64_ENCODED_LEN(ilen + crypto_box_SEALBYTES, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(blen + 40);
	strcpy(out, "tipscreen-sealed-2\n");
	sodium_bin2base64(out + 19, blen, c2, ilen + crypto_box_SEALBYTES, sodium_base64_VARIANT_ORIGINAL);
	strcat(out, "\n");
	*outlen = strlen(out);
	free(c);
	free(c2);
	free(in);
	return out;
}

static void change_payload(unsigned char *in, size_t *len)
{
	in[*len - 2] ^= 1;	/* one bit of the payload */
}

static void change_charset(unsigned char *in, size_t *len)
{
	(void)len;
	in[4 + 32 + 64 + 1] = 'X';	/* "UTF-8" becomes "XTF-8" */
}

static void test_a_changed_export_is_refused(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len, len2;
	char *s = make(&k, "{\"outcome\": \"not-shown\"}\n", "UTF-8", &len);
	void (*changes[])(unsigned char *, size_t *) = { change_payload, change_charset };
	for (size_t i = 0; i < 2; i++) {
		char *t = reseal(&k, s, len, changes[i], &len2);
		struct seal_opened o;
		char err[256];
		assert_int_equal(seal_open(t, len2, k.office_sk, &o, err, sizeof err), -1);
		assert_non_null(strstr(err, "the signature is bad"));
		assert_null(o.payload);
		free(t);
	}
	free(s);
}

static void test_another_office_key_cannot_open_it(void **st)
{
	(void)st;
	struct keys k, other;
	make_keys(&k);
	make_keys(&other);
	size_t len;
	char *s = make(&k, "data", "UTF-8", &len);
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(s, len, other.office_sk, &o, err, sizeof err), -1);
	assert_non_null(strstr(err, "not sealed to this key"));
	free(s);
}

static void test_crlf_line_ends_are_accepted(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len;
	char *s = make(&k, "data", "UTF-8", &len);
	char *crlf = malloc(len + 3);
	size_t head = strcspn(s, "\n");
	memcpy(crlf, s, head);
	memcpy(crlf + head, "\r\n", 2);
	memcpy(crlf + head + 2, s + head + 1, len - head - 2);
	memcpy(crlf + len, "\r\n", 3);
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(crlf, len + 2, k.office_sk, &o, err, sizeof err), 0);
	assert_string_equal((char *)o.payload, "data");
	seal_opened_free(&o);
	free(crlf);
	free(s);
}

static void test_a_file_of_the_first_format_opens_as_unsigned(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	unsigned char c[4 + crypto_box_SEALBYTES];
	crypto_box_seal(c, (const unsigned char *)"old!", 4, k.office_pk);
	char b[200] = "tipscreen-sealed-1\n";
	sodium_bin2base64(b + 19, sizeof b - 19, c, sizeof c, sodium_base64_VARIANT_ORIGINAL);
	strcat(b, "\n");
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(b, strlen(b), k.office_sk, &o, err, sizeof err), 0);
	assert_int_equal(o.version, 1);
	assert_string_equal((char *)o.payload, "old!");
	seal_opened_free(&o);
}

static void test_what_is_not_a_sealed_export_is_refused(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	static const char *const bad[] = { "", "hello\n", "tipscreen-sealed-2\n", "tipscreen-sealed-2\n!!!!\n",
					   "tipscreen-sealed-2\nAAAA\n", "tipscreen-sealed-3\nAAAA\n" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct seal_opened o;
		char err[256];
		if (seal_open(bad[i], strlen(bad[i]), k.office_sk, &o, err, sizeof err) == 0)
			fail_msg("opened bad input %zu", i);
	}
}

/* Whatever a signer put in, no control, escape or bidi character reaches
 * the office's terminal; line ends stay. */
static void test_what_is_printed_is_made_safe(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len, plen;
	char *s = make(&k, "a\033]0;PWNED\007\033[2Jb\xe2\x80\xae" "c\r\nnext\x01\n", "UTF-8", &len);
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(s, len, k.office_sk, &o, err, sizeof err), 0);
	char *p = seal_printable(&o, &plen);
	assert_string_equal(p, "a]0;PWNED[2Jbc\r\nnext\n");
	free(p);
	seal_opened_free(&o);
	free(s);
	/* In CP1252: its own bytes kept (0x80 is the euro sign), controls gone. */
	s = make(&k, "\x80 caf\xe9\033[31m\r\n", "CP1252", &len);
	assert_int_equal(seal_open(s, len, k.office_sk, &o, err, sizeof err), 0);
	p = seal_printable(&o, &plen);
	assert_string_equal(p, "\x80 caf\xe9[31m\r\n");
	free(p);
	seal_opened_free(&o);
	free(s);
}

static void test_a_list_of_laptops_is_read_and_searched(void **st)
{
	(void)st;
	struct keys a, b;
	make_keys(&a);
	make_keys(&b);
	char ka[64], kb[64], text[300];
	sodium_bin2base64(ka, sizeof ka, a.pk, sizeof a.pk, sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(kb, sizeof kb, b.pk, sizeof b.pk, sodium_base64_VARIANT_ORIGINAL);
	snprintf(text, sizeof text, "# the field laptops\n%s field-1\r\n\n  %s\tfield \033[2J2\n", ka, kb);
	struct seal_signer *v;
	size_t n;
	char err[256];
	assert_int_equal(seal_signers_parse(text, strlen(text), &v, &n, err, sizeof err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(seal_signer_find(v, n, a.pk)->name, "field-1");
	assert_string_equal(seal_signer_find(v, n, b.pk)->name, "field [2J2");
	struct keys c;
	make_keys(&c);
	assert_null(seal_signer_find(v, n, c.pk));
	free(v);
	snprintf(text, sizeof text, "%s one\nnot-base64 two\n", ka);
	assert_int_equal(seal_signers_parse(text, strlen(text), &v, &n, err, sizeof err), -1);
	assert_string_equal(err, "2:1: expected a laptop's signing key (base64, from `tipscreen whoami FILE`), then an optional name");
	char fp[SEAL_FINGERPRINT];
	seal_fingerprint(a.pk, fp);
	assert_int_equal(strlen(fp), 24);
	assert_int_equal(fp[4], '-');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_signed_export_opens_and_names_its_signer),
		cmocka_unit_test(test_a_changed_export_is_refused),
		cmocka_unit_test(test_another_office_key_cannot_open_it),
		cmocka_unit_test(test_crlf_line_ends_are_accepted),
		cmocka_unit_test(test_a_file_of_the_first_format_opens_as_unsigned),
		cmocka_unit_test(test_what_is_not_a_sealed_export_is_refused),
		cmocka_unit_test(test_what_is_printed_is_made_safe),
		cmocka_unit_test(test_a_list_of_laptops_is_read_and_searched),
	};
	return cmocka_run_group_tests_name("seal", tests, utf8_locale, NULL);
}
