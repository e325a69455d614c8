/* Bundles and receipts: a bundle comes back whole, signer and all, with
 * the office key only; one altered, sealed to another key, unsigned,
 * badly signed or cut short is refused; its payload's mistakes name their
 * line. A receipt checks against the office's signing key, and one
 * altered, cut short or signed by another key is refused. */
#include "testutil.h"

#include <sodium.h>

#include "store/bundle.h"
#include "store/receipt.h"
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

static const char *const texts[] = {
	"tipscreen-record-2\nt 1\nevent 2:at\nid 10:setup.role\nold 0:\nnew 0:\n",
	"tipscreen-record-2\nt 2\nevent 6:answer\nid 9:free.text\nold 0:\nnew-text 12:two\nlines \n\n",
	"tipscreen-record-2\nt 3\nevent 6:finish\nid 1:-\nold 0:\nnew 0:\n",
};

/* A bundle of two cases, the second with the three records above. */
static void sample(struct bundle *b)
{
	memset(b, 0, sizeof *b);
	snprintf(b->device, sizeof b->device, "field laptop 3");
	b->time = 1796167130;
	b->n = 2;
	b->cases = calloc(2, sizeof *b->cases);
	for (size_t i = 0; i < 2; i++) {
		struct bundle_case *c = &b->cases[i];
		snprintf(c->id, sizeof c->id, "%016zx", 0xabc0 + i);
		snprintf(c->status, sizeof c->status, "complete");
		memset(c->deck, 'e', BUNDLE_DECK);
		c->created = 1796160000 + (long long)i;
		c->updated = 1796160100;
		static const char *const names[] = { "outcome", "form", "form", "deck-version" };
		c->nfact = i ? 4 : 1;
		c->fact = calloc(4, sizeof *c->fact);
		for (size_t f = 0; f < c->nfact; f++) {
			char v[32];
			snprintf(v, sizeof v, "%s-%zu-%zu", names[f], f, i);
			c->fact[f] = (struct bundle_fact){ strdup(names[f]), strdup(v) };
		}
		c->nrec = i ? 3 : 0;
		c->rec = calloc(3, sizeof *c->rec);
		for (size_t k = 0; k < c->nrec; k++)
			c->rec[k] = (struct bundle_record){ (long long)k + 1, strdup(texts[k]), strlen(texts[k]) };
	}
	free(b->cases[1].fact[3].value);
	b->cases[1].fact[3].value = strdup("");	/* an empty value comes back empty */
}

static char *make(const struct keys *k, size_t *len)
{
	struct bundle b;
	sample(&b);
	char err[256];
	char *s = bundle_make(&b, k->office_pk, k->sk, len, err, sizeof err);
	assert_non_null(s);
	bundle_free(&b);
	return s;
}

static void test_a_bundle_comes_back_whole(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len;
	char *s = make(&k, &len);
	struct bundle b, want;
	char err[256];
	assert_int_equal(bundle_open(s, len, k.office_sk, &b, err, sizeof err), 0);
	sample(&want);
	assert_memory_equal(b.signer, k.pk, sizeof k.pk);
	char fp[SEAL_FINGERPRINT];
	seal_fingerprint(k.pk, fp);
	assert_string_equal(b.fingerprint, fp);
	assert_string_equal(b.device, "field laptop 3");
	assert_int_equal(b.time, 1796167130);
	assert_int_equal(b.n, 2);
	for (size_t i = 0; i < 2; i++) {
		const struct bundle_case *c = &b.cases[i], *w = &want.cases[i];
		assert_string_equal(c->id, w->id);
		assert_string_equal(c->status, "complete");
		assert_string_equal(c->deck, w->deck);
		assert_int_equal(c->created, w->created);
		assert_int_equal(c->updated, w->updated);
		assert_int_equal(c->nfact, w->nfact);
		for (size_t f = 0; f < c->nfact; f++) {
			assert_string_equal(c->fact[f].name, w->fact[f].name);
			assert_string_equal(c->fact[f].value, w->fact[f].value);
		}
		assert_int_equal(c->nrec, w->nrec);
		for (size_t r = 0; r < c->nrec; r++) {
			assert_int_equal(c->rec[r].seq, r + 1);
			assert_int_equal(c->rec[r].len, strlen(texts[r]));
			assert_memory_equal(c->rec[r].data, texts[r], c->rec[r].len);
		}
	}
	unsigned char h1[BUNDLE_HASH], h2[BUNDLE_HASH];
	bundle_case_hash(b.cases[1].id, b.cases[1].rec, 3, h1);
	bundle_case_hash(want.cases[1].id, want.cases[1].rec, 3, h2);
	assert_memory_equal(h1, h2, BUNDLE_HASH);
	bundle_case_hash(want.cases[1].id, want.cases[1].rec, 2, h2);
	assert_memory_not_equal(h1, h2, BUNDLE_HASH);
	bundle_free(&want);
	bundle_free(&b);
	free(s);
}

static void test_an_altered_or_cut_bundle_is_refused(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len;
	char *s = make(&k, &len);
	struct bundle b;
	char err[256];
	for (size_t at = 19; at + 1 < len; at += 97) {	/* a byte of the armour */
		char *t = strdup(s);
		t[at] = t[at] == 'A' ? 'B' : 'A';
		assert_int_equal(bundle_open(t, len, k.office_sk, &b, err, sizeof err), -1);
		assert_int_equal(b.n, 0);
		free(t);
	}
	assert_int_equal(bundle_open(s, len / 2, k.office_sk, &b, err, sizeof err), -1);
	assert_int_equal(bundle_open(s, 0, k.office_sk, &b, err, sizeof err), -1);
	free(s);
}

static void test_another_key_cannot_open_it(void **st)
{
	(void)st;
	struct keys k, other;
	make_keys(&k);
	make_keys(&other);
	size_t len;
	char *s = make(&k, &len);
	struct bundle b;
	char err[256];
	assert_int_equal(bundle_open(s, len, other.office_sk, &b, err, sizeof err), -1);
	assert_non_null(strstr(err, "not sealed to this key"));
	free(s);
}

/* The payload of s, opened with the office key (what anyone holding
 * OFFICE.pub could re-seal after changing it). */
static char *payload_of(const struct keys *k, const char *s, size_t len, size_t *plen)
{
	struct seal_opened o;
	char err[256];
	assert_int_equal(seal_open(s, len, k->office_sk, &o, err, sizeof err), 0);
	char *p = malloc(o.len + 1);
	memcpy(p, o.payload, o.len + 1);
	*plen = o.len;
	seal_opened_free(&o);
	return p;
}

static void test_a_forged_or_unsigned_bundle_is_refused(void **st)
{
	(void)st;
	struct keys k, forger;
	make_keys(&k);
	make_keys(&forger);
	size_t len, plen, flen;
	char *s = make(&k, &len), *p = payload_of(&k, s, len, &plen);
	struct bundle b;
	char err[256];
	/* Another laptop's bundle opens, naming that laptop: the office then
	 * refuses it as unknown (seal_signer_find). */
	char *f = seal_make(p, plen, "UTF-8", k.office_pk, forger.sk, &flen);
	assert_int_equal(bundle_open(f, flen, k.office_sk, &b, err, sizeof err), 0);
	assert_memory_equal(b.signer, forger.pk, sizeof forger.pk);
	struct seal_signer known = { { 0 }, "field-1" };
	memcpy(known.pk, k.pk, sizeof k.pk);
	assert_null(seal_signer_find(&known, 1, b.signer));
	bundle_free(&b);
	free(f);
	/* The first format's unsigned box of the same payload is refused. */
	size_t clen = plen + crypto_box_SEALBYTES;
	unsigned char *c = malloc(clen);
	crypto_box_seal(c, (unsigned char *)p, plen, k.office_pk);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *v1 = malloc(blen + 32);
	strcpy(v1, "tipscreen-sealed-1\n");
	sodium_bin2base64(v1 + 19, blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	strcat(v1, "\n");
	assert_int_equal(bundle_open(v1, strlen(v1), k.office_sk, &b, err, sizeof err), -1);
	assert_non_null(strstr(err, "not signed"));
	free(c);
	free(v1);
	free(p);
	free(s);
}

/* Parses payload text, expecting an error that starts with want. */
static void refused(const char *text, const char *want)
{
	struct bundle b;
	char err[256];
	assert_int_equal(bundle_parse(text, strlen(text), &b, err, sizeof err), -1);
	if (strncmp(err, want, strlen(want)) != 0)
		fail_msg("error \"%s\", expected \"%s…\"", err, want);
	assert_int_equal(b.n, 0);
}

#define HEAD "tipscreen-bundle-1\ndevice 2:pc\ntime 5\n"
#define CASE "case 16:00000000000000aa\nstatus 8:complete\ndeck 0:\ncreated 1\nupdated 2\n" \
	"fact outcome 1:o\nfact child 1:c\nfact flags 0:\nfact forms 0:\nfact month 7:2026-12\n" \
	"fact role 3:ngo\nfact place 1:p\nfact interpreter 4:none\nfact deck-version 1:v\n"

/* The value of the first fact named name in case c, or NULL. */
static const char *fact_of(const struct bundle_case *c, const char *name, size_t nth)
{
	for (size_t i = 0; i < c->nfact; i++)
		if (strcmp(c->fact[i].name, name) == 0 && nth-- == 0)
			return c->fact[i].value;
	return NULL;
}

static void test_a_first_format_bundle_is_read_with_its_lists_split(void **st)
{
	(void)st;
	const char *old = HEAD "cases 1\ncase 16:00000000000000aa\nstatus 8:complete\ndeck 0:\n"
		"created 1\nupdated 2\nfact outcome 1:o\nfact child 2:no\nfact flags 9:smuggling\n"
		"fact forms 23:forced-labour,servitude\nfact month 7:2026-12\nfact role 3:ngo\n"
		"fact place 1:p\nfact interpreter 4:none\nfact deck-version 1:v\nrecords 0\n"
		"end 16:00000000000000aa\nend-bundle\n";
	struct bundle b;
	char err[256];
	assert_int_equal(bundle_parse(old, strlen(old), &b, err, sizeof err), 0);
	const struct bundle_case *c = &b.cases[0];
	assert_string_equal(fact_of(c, "form", 0), "forced-labour");
	assert_string_equal(fact_of(c, "form", 1), "servitude");
	assert_null(fact_of(c, "forms", 0));
	assert_string_equal(fact_of(c, "flag", 0), "smuggling");
	assert_string_equal(fact_of(c, "role", 0), "ngo");
	assert_string_equal(fact_of(c, "deck-version", 0), "v");
	assert_int_equal(c->nfact, 10);
	bundle_free(&b);
}

#define HEAD2 "tipscreen-bundle-2\ndevice 2:pc\ntime 5\ncases 1\ncase 16:00000000000000aa\n" \
	"status 8:complete\ndeck 0:\ncreated 1\nupdated 2\n"
#define TAIL2 "records 0\nend 16:00000000000000aa\nend-bundle\n"

static void test_the_facts_lines_are_checked(void **st)
{
	(void)st;
	const char *good = HEAD2 "facts 2\nfact form 3:a b\nfact deck-version 0:\n" TAIL2;
	struct bundle b;
	char err[256];
	assert_int_equal(bundle_parse(good, strlen(good), &b, err, sizeof err), 0);
	assert_string_equal(fact_of(&b.cases[0], "form", 0), "a b");
	assert_string_equal(fact_of(&b.cases[0], "deck-version", 0), "");
	bundle_free(&b);
	refused(HEAD2 "facts 1\nfact Form 1:a\n" TAIL2, "11: expected \"fact NAME LEN:VALUE\"");
	refused(HEAD2 "facts 1\nfact form 1:\x01\n" TAIL2, "11: expected \"fact NAME LEN:VALUE\"");
	refused(HEAD2 "facts 2\nfact form 1:a\n" TAIL2, "12: expected \"fact NAME LEN:VALUE\"");
	refused(HEAD2 TAIL2, "10: expected \"facts N\"");
}

static void test_the_payloads_mistakes_name_their_line(void **st)
{
	(void)st;
	const char *good = HEAD "cases 1\n" CASE "records 1\nrecord 1 5:a\nb\nc\nend 16:00000000000000aa\nend-bundle\n";
	struct bundle b;
	char err[256];
	assert_int_equal(bundle_parse(good, strlen(good), &b, err, sizeof err), 0);
	assert_string_equal(b.cases[0].rec[0].data, "a\nb\nc");
	assert_string_equal(fact_of(&b.cases[0], "role", 0), "ngo");
	bundle_free(&b);
	for (size_t cut = 0; cut < strlen(good); cut++) {	/* every truncation */
		assert_int_equal(bundle_parse(good, cut, &b, err, sizeof err), -1);
		assert_int_equal(b.n, 0);
	}
	refused("tipscreen-sealed-2\n", "1: expected \"tipscreen-bundle-2\"");
	refused(HEAD "cases 2\n" CASE "records 0\nend 16:00000000000000aa\n" CASE
		"records 0\nend 16:00000000000000aa\nend-bundle\n", "21: expected each case once");
	refused(HEAD "cases 1\n" CASE "records 1\nrecord 2 1:a\nend 16:00000000000000aa\nend-bundle\n",
		"20: expected the records' sequence numbers");
	refused(HEAD "cases 1\n" CASE "records 2\nrecord 1 1:a\nend 16:00000000000000aa\nend-bundle\n",
		"21: expected \"record SEQ LEN:BYTES\"");
	refused(HEAD "cases 1\n" CASE "records 0\nend 16:00000000000000aa\n", "21: expected \"end-bundle\"");
	refused(HEAD "cases 1\n" CASE "records 0\nend 16:00000000000000aa\nend-bundle\nmore\n",
		"21: expected \"end-bundle\" after the last case, and nothing after it");
	refused(HEAD "cases 1\ncase 16:00000000000000AA\n", "5: expected \"case 16:ID\"");
	refused(HEAD "cases 1\n" CASE "records 1\nrecord 1 999:a\nend-bundle\n", "20: expected a record's length");
	refused("tipscreen-bundle-1\ndevice 3:p\x01" "c\ntime 5\ncases 0\nend-bundle\n", "2: expected \"device");
	refused(HEAD "cases 99999999999999999999\n", "4: expected \"cases N\"");
}

static void test_a_bundle_that_cannot_be_written_is_refused(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	struct bundle b;
	sample(&b);
	char err[256];
	size_t len;
	b.cases[1].fact[0].value[0] = '\n';
	assert_null(bundle_make(&b, k.office_pk, k.sk, &len, err, sizeof err));
	assert_string_equal(err, "case 2 has a fact whose name is not a lowercase word, or whose "
			    "value is not printable ASCII");
	b.cases[1].fact[0].value[0] = 'r';
	b.cases[1].fact[0].name[0] = 'O';
	assert_null(bundle_make(&b, k.office_pk, k.sk, &len, err, sizeof err));
	b.cases[1].fact[0].name[0] = 'o';
	b.cases[1].rec[2].seq = 7;
	assert_null(bundle_make(&b, k.office_pk, k.sk, &len, err, sizeof err));
	assert_string_equal(err, "case 2 has a record out of sequence, or holding a NUL byte");
	bundle_free(&b);
}

/* ---- receipts ------------------------------------------------------------ */

#define STORE_ID "3c1f00000000000000000000000000aa"

static char *receipt(const struct keys *k, size_t *len)
{
	struct receipt_entry v[2] = { { "00000000000000aa", 3, { 1, 2, 3 } },
				      { "00000000000000bb", 40, { 9 } } };
	char *s = receipt_make(k->pk, STORE_ID, "nrm-national", v, 2, 1796167999, k->sk, len);
	assert_non_null(s);
	return s;
}

static void test_a_receipt_checks_against_the_office_key(void **st)
{
	(void)st;
	struct keys k;
	make_keys(&k);
	size_t len;
	char *s = receipt(&k, &len);
	struct receipt r;
	char err[256];
	assert_int_equal(receipt_open(s, len, k.pk, &r, err, sizeof err), 0);
	assert_memory_equal(r.office, k.pk, sizeof k.pk);
	assert_memory_equal(r.laptop, k.pk, sizeof k.pk);
	assert_int_equal(r.time, 1796167999);
	assert_string_equal(r.store_id, STORE_ID);
	assert_string_equal(r.store_name, "nrm-national");
	assert_int_equal(r.n, 2);
	assert_string_equal(r.v[1].id, "00000000000000bb");
	assert_int_equal(r.v[0].records, 3);
	assert_int_equal(r.v[0].hash[2], 3);
	assert_int_equal(r.v[1].hash[0], 9);
	receipt_free(&r);
	free(s);
}

static void test_an_altered_cut_or_foreign_receipt_is_refused(void **st)
{
	(void)st;
	struct keys k, other;
	make_keys(&k);
	make_keys(&other);
	size_t len;
	char *s = receipt(&k, &len);
	struct receipt r;
	char err[256];
	char *t = strdup(s);
	strstr(t, " 40 ")[2] = '1';	/* 41 records */
	assert_int_equal(receipt_open(t, len, k.pk, &r, err, sizeof err), -1);
	assert_string_equal(err, "8: the signature does not match: the receipt was altered");
	free(t);
	assert_int_equal(receipt_open(s, len, other.pk, &r, err, sizeof err), -1);
	assert_string_equal(err, "2: signed by another office's key than the one given");
	size_t cut = (size_t)(strstr(s, "signature") - s);
	assert_int_equal(receipt_open(s, cut, k.pk, &r, err, sizeof err), -1);
	assert_string_equal(err, "8: expected \"case ID RECORDS HASH\" or \"signature\" (is it cut short?)");
	for (size_t c = 0; c < len; c++) {
		assert_int_equal(receipt_open(s, c, k.pk, &r, err, sizeof err), -1);
		assert_int_equal(r.n, 0);
	}
	/* A signature of other's over the same lines, office line changed. */
	struct receipt_entry v = { "00000000000000aa", 3, { 1 } };
	char *f = receipt_make(k.pk, STORE_ID, "x", &v, 1, 5, other.sk, &len);
	assert_int_equal(receipt_open(f, len, k.pk, &r, err, sizeof err), -1);
	free(f);
	struct receipt_entry bad = { "not-an-id", 3, { 1 } };
	assert_null(receipt_make(k.pk, STORE_ID, "x", &bad, 1, 5, k.sk, &len));
	assert_null(receipt_make(k.pk, "3c1f", "x", &v, 1, 5, k.sk, &len));
	assert_null(receipt_make(k.pk, STORE_ID, "a name", &v, 1, 5, k.sk, &len));
	assert_null(receipt_make(k.pk, STORE_ID, "\033]0;x", &v, 1, 5, k.sk, &len));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_bundle_comes_back_whole),
		cmocka_unit_test(test_an_altered_or_cut_bundle_is_refused),
		cmocka_unit_test(test_another_key_cannot_open_it),
		cmocka_unit_test(test_a_forged_or_unsigned_bundle_is_refused),
		cmocka_unit_test(test_a_first_format_bundle_is_read_with_its_lists_split),
		cmocka_unit_test(test_the_facts_lines_are_checked),
		cmocka_unit_test(test_the_payloads_mistakes_name_their_line),
		cmocka_unit_test(test_a_bundle_that_cannot_be_written_is_refused),
		cmocka_unit_test(test_a_receipt_checks_against_the_office_key),
		cmocka_unit_test(test_an_altered_cut_or_foreign_receipt_is_refused),
	};
	return cmocka_run_group_tests_name("bundle", tests, NULL, NULL);
}
