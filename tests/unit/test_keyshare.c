/* The office key split among custodians (store/keyshare.h): any K shares
 * rebuild it, K - 1 do not, a share's text round-trips and is read back
 * as typed from paper, a typo fails the checksum, a changed header or a
 * wrong passphrase does not open. */
#include "testutil.h"

#include <sodium.h>

#include "store/keyshare.h"

enum { K = 3, N = 5 };

struct split {
	struct keyfile_secret *key;
	unsigned char *raw;		/* N shares */
	struct keyshare head[N];	/* their headers, as read back */
};

static void split_new(struct split *s)
{
	assert_true(sodium_init() >= 0);
	s->key = keyfile_secret_new();
	keyfile_generate(s->key);
	s->raw = sodium_malloc(N * KEYSHARE_BYTES);
	assert_int_equal(keyshare_split(s->key, K, N, s->raw), 0);
	for (int i = 0; i < N; i++)
		s->head[i] = (struct keyshare){ .index = i + 1, .k = K, .n = N, .pub = s->key->pub };
}

static void split_free(struct split *s)
{
	keyfile_secret_free(s->key);
	sodium_free(s->raw);
}

/* Joins the shares of the indices (1-based) in idx. */
static int join(const struct split *s, const int *idx, int count, struct keyfile_secret *out)
{
	struct keyshare v[N];
	unsigned char buf[N * KEYSHARE_BYTES];
	for (int i = 0; i < count; i++) {
		v[i] = s->head[idx[i] - 1];
		memcpy(buf + i * KEYSHARE_BYTES, s->raw + (idx[i] - 1) * KEYSHARE_BYTES, KEYSHARE_BYTES);
	}
	return keyshare_join(v, buf, count, out);
}

static bool same_key(const struct keyfile_secret *a, const struct keyfile_secret *b)
{
	return memcmp(a->box, b->box, sizeof a->box) == 0 && memcmp(a->sign, b->sign, sizeof a->sign) == 0;
}

static void test_any_three_of_five_shares_rebuild_the_key(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	struct keyfile_secret *out = keyfile_secret_new();
	const int sets[][K] = { { 1, 2, 3 }, { 5, 3, 1 }, { 2, 4, 5 }, { 4, 1, 2 }, { 3, 4, 5 } };
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
		assert_int_equal(join(&s, sets[i], K, out), 0);
		assert_true(same_key(out, s.key));
	}
	const int all[] = { 5, 4, 3, 2, 1 };
	assert_int_equal(join(&s, all, N, out), 0);
	assert_true(same_key(out, s.key));
	keyfile_secret_free(out);
	split_free(&s);
}

static void test_two_shares_do_not_rebuild_the_key(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	struct keyfile_secret *out = keyfile_secret_new();
	const int two[] = { 1, 4 };
	assert_int_equal(join(&s, two, 2, out), -1);
	assert_false(same_key(out, s.key));
	keyfile_secret_free(out);
	split_free(&s);
}

static void test_a_share_reads_back_and_opens_with_its_passphrase(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	size_t len;
	char *text = keyshare_text(&s.key->pub, 2, K, N, s.raw + KEYSHARE_BYTES, "custodian two", &len);
	assert_non_null(text);
	struct keyshare back;
	char err[256];
	assert_int_equal(keyshare_parse(text, len, &back, err, sizeof err), 0);
	assert_int_equal(back.index, 2);
	assert_int_equal(back.k, K);
	assert_int_equal(back.n, N);
	assert_memory_equal(back.pub.box, s.key->pub.box, SEAL_BOX_PUBLIC);
	unsigned char share[KEYSHARE_BYTES];
	assert_int_equal(keyshare_unlock(&back, "custodian one", share), -1);
	assert_int_equal(keyshare_unlock(&back, "custodian two", share), 0);
	assert_memory_equal(share, s.raw + KEYSHARE_BYTES, KEYSHARE_BYTES);
	free(text);
	split_free(&s);
}

/* The first line of the body (after the comments) in text. */
static char *body_line(char *text)
{
	char *p = strstr(text, "as it is printed.\n");
	assert_non_null(p);
	return strchr(p, '\n') + 1;
}

static void test_a_share_typed_in_capitals_with_o_and_l_reads_back(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	size_t len;
	char *text = keyshare_text(&s.key->pub, 1, K, N, s.raw, "custodian one", &len);
	for (char *p = body_line(text); *p && strncmp(p, "checksum", 8) != 0; p++)
		*p = *p == '0' ? 'O' : *p == '1' ? 'l' : (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
	struct keyshare back;
	char err[256];
	assert_int_equal(keyshare_parse(text, len, &back, err, sizeof err), 0);
	unsigned char share[KEYSHARE_BYTES];
	assert_int_equal(keyshare_unlock(&back, "custodian one", share), 0);
	assert_memory_equal(share, s.raw, KEYSHARE_BYTES);
	free(text);
	split_free(&s);
}

static void test_a_mistyped_character_fails_the_checksum(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	size_t len;
	char *text = keyshare_text(&s.key->pub, 1, K, N, s.raw, "custodian one", &len);
	char *b = body_line(text);
	*b = *b == 'a' ? 'b' : 'a';
	struct keyshare back;
	char err[256];
	assert_int_equal(keyshare_parse(text, len, &back, err, sizeof err), -1);
	assert_non_null(strstr(err, "the checksum does not match the share"));
	free(text);
	split_free(&s);
}

static void test_a_share_whose_number_was_changed_does_not_open(void **st)
{
	(void)st;
	struct split s;
	split_new(&s);
	size_t len;
	char *text = keyshare_text(&s.key->pub, 1, K, N, s.raw, "custodian one", &len);
	struct keyshare back;
	char err[256];
	assert_int_equal(keyshare_parse(text, len, &back, err, sizeof err), 0);
	back.index = 2;	/* as if the header and the checksum were both rewritten */
	unsigned char share[KEYSHARE_BYTES];
	assert_int_equal(keyshare_unlock(&back, "custodian one", share), -1);
	free(text);
	split_free(&s);
}

static void test_a_malformed_share_names_its_line(void **st)
{
	(void)st;
	struct keyshare back;
	char err[256];
	const char *t = "tipscreen-share-1\noffice key 0000-0000-0000-0000-0000\nshare 6 of 5, any 3 "
			"rebuild the key\n";
	assert_int_equal(keyshare_parse(t, strlen(t), &back, err, sizeof err), -1);
	assert_string_equal(err, "3: expected \"share I of N, any K rebuild the key\" (2 <= K <= N <= 255)");
	t = "a key\n";
	assert_int_equal(keyshare_parse(t, strlen(t), &back, err, sizeof err), -1);
	assert_non_null(strstr(err, "1: expected \"tipscreen-share-1\""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_any_three_of_five_shares_rebuild_the_key),
		cmocka_unit_test(test_two_shares_do_not_rebuild_the_key),
		cmocka_unit_test(test_a_share_reads_back_and_opens_with_its_passphrase),
		cmocka_unit_test(test_a_share_typed_in_capitals_with_o_and_l_reads_back),
		cmocka_unit_test(test_a_mistyped_character_fails_the_checksum),
		cmocka_unit_test(test_a_share_whose_number_was_changed_does_not_open),
		cmocka_unit_test(test_a_malformed_share_names_its_line),
	};
	return cmocka_run_group_tests_name("keyshare", tests, NULL, NULL);
}
