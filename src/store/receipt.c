#include "store/receipt.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

#define MAGIC "tipscreen-receipt-2"
#define MAGIC_1 "tipscreen-receipt-1"

enum { B64_KEY = 45, B64_SIG = 89, HEX_HASH = 2 * BUNDLE_HASH };

static bool id_ok(const char *s)
{
	if (strlen(s) != BUNDLE_ID)
		return false;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return false;
	return true;
}

/* A store's id: 32 lowercase hex digits; its name: 1 to 64 of
 * [A-Za-z0-9._-]. */
static bool store_ok(const char *id, const char *name)
{
	size_t n = strlen(name);
	if (strlen(id) != RECEIPT_STORE_ID || strspn(id, "0123456789abcdef") != RECEIPT_STORE_ID ||
	    n < 1 || n > RECEIPT_STORE_NAME)
		return false;
	return strspn(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == n;
}

static void sign_text(const char *text, size_t len, const unsigned char *sk, unsigned char *sig)
{
	crypto_sign_state st;
	crypto_sign_init(&st);
	crypto_sign_update(&st, (const unsigned char *)MAGIC, sizeof MAGIC);	/* and its NUL */
	crypto_sign_update(&st, (const unsigned char *)text, len);
	crypto_sign_final_create(&st, sig, NULL, sk);
}

static bool sign_check(const char *magic, const char *text, size_t len, const unsigned char *pk,
		       unsigned char *sig)
{
	crypto_sign_state st;
	crypto_sign_init(&st);
	crypto_sign_update(&st, (const unsigned char *)magic, strlen(magic) + 1);
	crypto_sign_update(&st, (const unsigned char *)text, len);
	return crypto_sign_final_verify(&st, sig, pk) == 0;
}

char *receipt_make(const unsigned char *laptop, const char *store_id, const char *store_name,
		   const struct receipt_entry *v, size_t n, long long time,
		   const unsigned char *office_sign_sk, size_t *len)
{
	if (!store_ok(store_id, store_name))
		return NULL;
	for (size_t i = 0; i < n; i++)
		if (!id_ok(v[i].id) || v[i].records < 0)
			return NULL;
	unsigned char office[SEAL_SIGN_PUBLIC], sig[crypto_sign_BYTES];
	crypto_sign_ed25519_sk_to_pk(office, office_sign_sk);
	char ob[B64_KEY], lb[B64_KEY], sb[B64_SIG], hx[HEX_HASH + 1];
	sodium_bin2base64(ob, sizeof ob, office, sizeof office, sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(lb, sizeof lb, laptop, SEAL_SIGN_PUBLIC, sodium_base64_VARIANT_ORIGINAL);
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	if (!f)
		return NULL;
	fprintf(f, MAGIC "\noffice %s\nlaptop %s\nstore %s %s\ntime %lld\n", ob, lb, store_id,
		store_name, time);
	for (size_t i = 0; i < n; i++) {
		sodium_bin2hex(hx, sizeof hx, v[i].hash, BUNDLE_HASH);
		fprintf(f, "case %s %lld %s\n", v[i].id, v[i].records, hx);
	}
	fflush(f);
	sign_text(out, *len, office_sign_sk, sig);
	sodium_bin2base64(sb, sizeof sb, sig, sizeof sig, sodium_base64_VARIANT_ORIGINAL);
	fprintf(f, "signature %s\n", sb);
	fclose(f);
	return out;
}

/* ---- reading ------------------------------------------------------------ */

/* One line of text at *p (without its LF) into line (size bytes): its
 * length, or -1 at the end, for a line too long, or one with a NUL or CR. */
static long next_line(const char **p, const char *end, char *line, size_t size)
{
	const char *lf = memchr(*p, '\n', (size_t)(end - *p));
	if (!lf || (size_t)(lf - *p) >= size)
		return -1;
	size_t l = (size_t)(lf - *p);
	memcpy(line, *p, l);
	line[l] = '\0';
	if (strlen(line) != l)
		return -1;
	*p = lf + 1;
	return (long)l;
}

static int key_field(const char *line, const char *k, unsigned char *key)
{
	size_t kl = strlen(k);
	return strncmp(line, k, kl) == 0 && line[kl] == ' ' &&
	       seal_key_decode(line + kl + 1, strlen(line + kl + 1), key, SEAL_SIGN_PUBLIC) == 0 ? 0 : -1;
}

static int case_line(const char *line, struct receipt_entry *e)
{
	char id[32], hx[HEX_HASH + 2];
	long long records;
	int used = -1;
	if (sscanf(line, "case %17s %18lld %65s%n", id, &records, hx, &used) != 3 ||
	    used != (int)strlen(line) || !id_ok(id) || records < 0 || strlen(hx) != HEX_HASH)
		return -1;
	size_t bin;
	if (sodium_hex2bin(e->hash, BUNDLE_HASH, hx, HEX_HASH, NULL, &bin, NULL) != 0 || bin != BUNDLE_HASH)
		return -1;
	for (const char *q = hx; *q; q++)
		if (*q >= 'A' && *q <= 'F')
			return -1;
	memcpy(e->id, id, BUNDLE_ID + 1);
	e->records = records;
	return 0;
}

static int fail(char *err, size_t n, int line, const char *what)
{
	snprintf(err, n, "%d: expected %s", line, what);
	return -1;
}

/* "store ID NAME" into out: 0, or -1. */
static int store_line(const char *line, struct receipt *out)
{
	if (strncmp(line, "store ", 6) != 0)
		return -1;
	const char *id = line + 6, *sp = strchr(id, ' ');
	if (!sp || (size_t)(sp - id) != RECEIPT_STORE_ID || strlen(sp + 1) > RECEIPT_STORE_NAME)
		return -1;
	memcpy(out->store_id, id, RECEIPT_STORE_ID);
	out->store_id[RECEIPT_STORE_ID] = '\0';
	snprintf(out->store_name, sizeof out->store_name, "%s", sp + 1);
	return store_ok(out->store_id, out->store_name) ? 0 : -1;
}

/* The head; *ln the number of its lines, *magic which format. */
static int parse_head(const char **p, const char *end, struct receipt *out, const char **magic,
		      int *ln, char *err, size_t n)
{
	char line[256];
	char *tail;
	if (next_line(p, end, line, sizeof line) < 0 ||
	    (strcmp(line, MAGIC) != 0 && strcmp(line, MAGIC_1) != 0))
		return fail(err, n, 1, "\"" MAGIC "\": this is not a receipt");
	*magic = strcmp(line, MAGIC) == 0 ? MAGIC : MAGIC_1;
	if (next_line(p, end, line, sizeof line) < 0 || key_field(line, "office", out->office) < 0)
		return fail(err, n, 2, "\"office\" and the office's signing key");
	if (next_line(p, end, line, sizeof line) < 0 || key_field(line, "laptop", out->laptop) < 0)
		return fail(err, n, 3, "\"laptop\" and the laptop's signing key");
	*ln = 4;
	if (strcmp(*magic, MAGIC) == 0) {
		if (next_line(p, end, line, sizeof line) < 0 || store_line(line, out) < 0)
			return fail(err, n, 4, "\"store ID NAME\": the office store's id (32 hex digits) "
				    "and name");
		++*ln;
	}
	if (next_line(p, end, line, sizeof line) < 0 || strncmp(line, "time ", 5) != 0 ||
	    line[5] < '0' || line[5] > '9' || strlen(line) > 5 + 18 ||
	    (out->time = strtoll(line + 5, &tail, 10), *tail))
		return fail(err, n, *ln, "\"time SECONDS\"");
	++*ln;
	return 0;
}

int receipt_open(const char *text, size_t len, const unsigned char *office_sign_pk,
		 struct receipt *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	const char *p = text, *end = text + len, *magic;
	int ln;
	if (parse_head(&p, end, out, &magic, &ln, err, n) < 0)
		return -1;
	size_t cap = 0;
	char line[256];
	for (;; ln++) {
		const char *at = p;
		if (next_line(&p, end, line, sizeof line) < 0) {
			receipt_free(out);
			return fail(err, n, ln, "\"case ID RECORDS HASH\" or \"signature\" (is it cut short?)");
		}
		if (strncmp(line, "signature ", 10) == 0) {
			unsigned char sig[crypto_sign_BYTES];
			size_t bin;
			const char *b64 = line + 10;
			if (p != end ||
			    sodium_base642bin(sig, sizeof sig, b64, strlen(b64), NULL, &bin, NULL,
					      sodium_base64_VARIANT_ORIGINAL) != 0 || bin != sizeof sig) {
				receipt_free(out);
				return fail(err, n, ln, "\"signature\" and 64 bytes of base64, the last line");
			}
			if (memcmp(out->office, office_sign_pk, SEAL_SIGN_PUBLIC) != 0) {
				receipt_free(out);
				snprintf(err, n, "2: signed by another office's key than the one given");
				return -1;
			}
			if (!sign_check(magic, text, (size_t)(at - text), office_sign_pk, sig)) {
				receipt_free(out);
				snprintf(err, n, "%d: the signature does not match: the receipt was altered", ln);
				return -1;
			}
			return 0;
		}
		xgrow((void **)&out->v, &cap, out->n + 1, sizeof *out->v);
		if (case_line(line, &out->v[out->n]) < 0) {
			receipt_free(out);
			return fail(err, n, ln, "\"case ID RECORDS HASH\": 16 hex digits, a count, 64 hex digits");
		}
		out->n++;
	}
}

void receipt_free(struct receipt *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}
