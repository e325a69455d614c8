/* store_escrow: the escrow of the master key to the office key, and the
 * sealed key log (escrow.h has the formats). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/codec.h"
#include "base/xalloc.h"
#include "store/escrow.h"
#include "store/store_int.h"

#define KEYLOG_AD FORMAT "|keylog"

enum {
	INNER = 4 + KEY,				/* "TSM1" ‖ master key */
	SEALED = INNER + crypto_box_SEALBYTES,
	BODY = 4 + SEAL_BOX_PUBLIC + SEAL_SIGN_PUBLIC + 1 + 8 + SEALED,
	RECORD = BODY + crypto_generichash_BYTES,
	O_BOX = 4, O_SIGN = O_BOX + SEAL_BOX_PUBLIC, O_HAS = O_SIGN + SEAL_SIGN_PUBLIC,
	O_TIME = O_HAS + 1, O_SEALED = O_TIME + 8,
};

/* The keyed hash of an escrow row's body under mk's escrow subkey. */
static void row_mac(const unsigned char *subkey, const unsigned char *body, unsigned char *mac)
{
	crypto_generichash(mac, crypto_generichash_BYTES, body, BODY, subkey, KEY);
}

/* The escrow row (RECORD bytes) into row: 0, 1 without one, -1 malformed. */
static int read_row(struct store *s, unsigned char *row)
{
	size_t len = 0;
	unsigned char *b = store_meta_blob(s, "escrow", &len);
	if (!b)
		return 1;
	int rc = len == RECORD && memcmp(b, "TSE1", 4) == 0 && b[O_HAS] <= 1 ? 0 : -1;
	if (rc == 0)
		memcpy(row, b, RECORD);
	free(b);
	return rc;
}

static void info_of(const unsigned char *row, struct escrow_info *out)
{
	memset(out, 0, sizeof *out);
	memcpy(out->office.box, row + O_BOX, SEAL_BOX_PUBLIC);
	memcpy(out->office.sign, row + O_SIGN, SEAL_SIGN_PUBLIC);
	out->office.has_sign = row[O_HAS] == 1;
	out->enrolled = (time_t)codec_get_u64(row + O_TIME);
}

/* Checks the row's keyed hash with the escrow subkey: 0 or -1. */
static int row_check(const unsigned char *subkey, const unsigned char *row)
{
	unsigned char mac[crypto_generichash_BYTES];
	row_mac(subkey, row, mac);
	return sodium_memcmp(mac, row + BODY, sizeof mac) == 0 ? 0 : -1;
}

int escrow_info(struct store *s, struct escrow_info *out, char *err, size_t n)
{
	unsigned char row[RECORD];
	int rc = read_row(s, row);
	if (rc < 0)
		return store_fail(err, n, "%s: the store's escrow record is damaged", s->dir);
	if (rc > 0)
		return 1;
	info_of(row, out);
	if (s->mk) {
		if (row_check(store_subkey(s, SUB_ESCROW), row) < 0)
			return store_fail(err, n, "%s: the store's escrow record was altered (it fails its "
					  "check under the store's key)", s->dir);
		out->verified = true;
	}
	return 0;
}

/* "enrol 1764349200 3f2a-…": a new string. */
static char *event_line(const char *what, const struct keyfile_public *office)
{
	char fp[SEAL_FINGERPRINT];
	keyfile_fingerprint(office, fp);
	return xasprintf("%s %lld %s", what, (long long)time(NULL), fp);
}

int escrow_enrol(struct store *s, const struct keyfile_public *office, char *err, size_t n)
{
	if (!s->mk)
		return store_fail(err, n, "the store is locked");
	unsigned char row[RECORD], *inner = sodium_malloc(INNER);
	if (!inner)
		return store_fail(err, n, "out of memory");
	memcpy(row, "TSE1", 4);
	memcpy(row + O_BOX, office->box, SEAL_BOX_PUBLIC);
	memcpy(row + O_SIGN, office->sign, SEAL_SIGN_PUBLIC);
	row[O_HAS] = office->has_sign ? 1 : 0;
	codec_put_u64(row + O_TIME, (uint64_t)time(NULL));
	memcpy(inner, "TSM1", 4);
	memcpy(inner + 4, s->mk, KEY);
	crypto_box_seal(row + O_SEALED, inner, INNER, office->box);
	sodium_free(inner);
	row_mac(store_subkey(s, SUB_ESCROW), row, row + BODY);
	char *line = event_line("enrol", office);
	int rc = 0;
	if (store_run(s, SQL_BEGIN) < 0 ||
	    store_meta_put(s, "escrow", row, sizeof row, true) < 0 || store_keylog_add(s, line) < 0 ||
	    store_run(s, SQL_COMMIT) < 0) {
		rc = store_db_fail(s, err, n, "the laptop was not enrolled");
		store_run(s, SQL_ROLLBACK);
	}
	free(line);
	return rc;
}

int escrow_open(struct store *s, const struct keyfile_secret *office, char *err, size_t n)
{
	unsigned char row[RECORD];
	int rc = read_row(s, row);
	if (rc != 0)
		return rc > 0 ? 1 : store_fail(err, n, "%s: the store's escrow record is damaged", s->dir);
	struct escrow_info info;
	info_of(row, &info);
	if (sodium_memcmp(info.office.box, office->pub.box, SEAL_BOX_PUBLIC) != 0) {
		char want[SEAL_FINGERPRINT], got[SEAL_FINGERPRINT];
		keyfile_fingerprint(&info.office, want);
		keyfile_fingerprint(&office->pub, got);
		return store_fail(err, n, "this laptop was enrolled with the office key %s, not with "
				  "this one (%s)", want, got);
	}
	unsigned char *inner = sodium_malloc(INNER);
	if (!inner)
		return store_fail(err, n, "out of memory");
	if (crypto_box_seal_open(inner, row + O_SEALED, SEALED, office->pub.box, office->box) != 0 ||
	    memcmp(inner, "TSM1", 4) != 0) {
		sodium_free(inner);
		return store_fail(err, n, "%s: the escrow does not open with this office key (it was "
				  "altered)", s->dir);
	}
	unsigned char *mk = sodium_malloc(KEY), sub[KEY];
	if (!mk) {
		sodium_free(inner);
		return store_fail(err, n, "out of memory");
	}
	memcpy(mk, inner + 4, KEY);
	sodium_free(inner);
	store_derive_subkey(mk, SUB_ESCROW, sub);
	rc = row_check(sub, row);
	sodium_memzero(sub, sizeof sub);
	if (rc < 0) {
		sodium_free(mk);
		return store_fail(err, n, "%s: the escrow record was altered (it fails its check)", s->dir);
	}
	return store_adopt_master(s, mk, err, n);
}

/* The opened key log: a new string ("" without one), or NULL if it fails. */
static char *log_open(struct store *s)
{
	size_t len = 0;
	unsigned char *b = store_meta_blob(s, "keylog", &len);
	if (!b)
		return xstrdup("");
	char *text = NULL;
	if (len >= NONCE + TAG) {
		text = xmalloc(len - NONCE - TAG + 1);
		if (store_unseal((unsigned char *)text, b, len, KEYLOG_AD, store_subkey(s, SUB_KEYLOG)) == 0) {
			text[len - NONCE - TAG] = '\0';
		} else {
			free(text);
			text = NULL;
		}
	}
	free(b);
	return text;
}

char *escrow_log(struct store *s, char *err, size_t n)
{
	if (!s->mk) {
		store_fail(err, n, "the store is locked");
		return NULL;
	}
	char *text = log_open(s);
	if (!text)
		store_fail(err, n, "%s: the store's key log fails its check", s->dir);
	return text;
}

int store_keylog_add(struct store *s, const char *event)
{
	char *old = log_open(s);
	if (!old)
		return -1;	/* a damaged log is never replaced by a shorter one */
	char *text = xasprintf("%s%s\n", old, event);
	size_t len = strlen(text);
	unsigned char *b = xmalloc(len + NONCE + TAG);
	store_seal(b, (const unsigned char *)text, len, KEYLOG_AD, store_subkey(s, SUB_KEYLOG));
	int rc = store_meta_put(s, "keylog", b, len + NONCE + TAG, true);
	free(b);
	free(text);
	free(old);
	return rc;
}
