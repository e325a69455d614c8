#include "store/seal.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/codec.h"
#include "base/text.h"
#include "base/xalloc.h"

static const char head2[] = "tipscreen-sealed-2", head1[] = "tipscreen-sealed-1";
static const char inner_magic[4] = { 'T', 'S', 'S', '2' };
static const char context[] = "tipscreen-export-2";	/* and its NUL */

enum { SIG = crypto_sign_BYTES, INNER = 4 + SEAL_SIGN_PUBLIC + SIG + 1 };

static bool charset_name_ok(const char *c)
{
	size_t n = strlen(c);
	if (n == 0 || n >= SEAL_CHARSET)
		return false;
	for (; *c; c++)
		if (!strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-", *c))
			return false;
	return true;
}

/* The message the laptop signs. A new buffer, *len its length. */
static unsigned char *signed_message(const unsigned char *office_pk, const char *charset,
				     const void *payload, size_t plen, size_t *len)
{
	size_t cl = strlen(charset), k = sizeof context;
	*len = k + SEAL_BOX_PUBLIC + 1 + cl + plen;
	unsigned char *m = xmalloc(*len), *p = m;
	memcpy(p, context, k);
	memcpy(p += k, office_pk, SEAL_BOX_PUBLIC);
	p += SEAL_BOX_PUBLIC;
	*p++ = (unsigned char)cl;
	memcpy(p, charset, cl);
	memcpy(p + cl, payload, plen);
	return m;
}

char *seal_make(const void *payload, size_t len, const char *charset,
		const unsigned char *office_pk, const unsigned char *sign_sk, size_t *outlen)
{
	if (!charset_name_ok(charset))
		return NULL;
	size_t mlen, cl = strlen(charset), ilen = INNER + cl + len;
	unsigned char *m = signed_message(office_pk, charset, payload, len, &mlen);
	unsigned char *inner = xmalloc(ilen);
	memcpy(inner, inner_magic, 4);
	memcpy(inner + 4, sign_sk + 32, SEAL_SIGN_PUBLIC);	/* an Ed25519 secret key ends with its public key */
	crypto_sign_detached(inner + 4 + SEAL_SIGN_PUBLIC, NULL, m, mlen, sign_sk);
	inner[INNER - 1] = (unsigned char)cl;
	memcpy(inner + INNER, charset, cl);
	memcpy(inner + INNER + cl, payload, len);
	free(m);
	size_t clen = ilen + crypto_box_SEALBYTES;
	unsigned char *c = xmalloc(clen);
	crypto_box_seal(c, inner, ilen, office_pk);
	sodium_memzero(inner, ilen);
	free(inner);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(sizeof head2 + blen + 1);
	memcpy(out, head2, sizeof head2 - 1);
	out[sizeof head2 - 1] = '\n';
	sodium_bin2base64(out + sizeof head2, blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	free(c);
	*outlen = strlen(out);
	out[(*outlen)++] = '\n';
	out[*outlen] = '\0';
	return out;
}

/* The line at *p (its end in *end, without CR LF); *p moves past it. */
static const char *line_at(const char **p, const char *limit, size_t *len)
{
	const char *s = *p, *nl = memchr(s, '\n', (size_t)(limit - s));
	const char *e = nl ? nl : limit;
	*p = nl ? nl + 1 : limit;
	if (e > s && e[-1] == '\r')
		e--;
	*len = (size_t)(e - s);
	return s;
}

static int open_inner(const unsigned char *in, size_t ilen, const unsigned char *office_pk,
		      struct seal_opened *out, char *err, size_t n)
{
	size_t cl = ilen >= INNER ? in[INNER - 1] : 0;
	if (ilen < INNER || memcmp(in, inner_magic, 4) != 0 || ilen < INNER + cl || cl >= SEAL_CHARSET) {
		snprintf(err, n, "the sealed data is not a signed export");
		return -1;
	}
	memcpy(out->charset, in + INNER, cl);
	out->charset[cl] = '\0';
	if (!charset_name_ok(out->charset)) {
		snprintf(err, n, "the sealed data names no valid charset");
		return -1;
	}
	memcpy(out->signer, in + 4, SEAL_SIGN_PUBLIC);
	out->len = ilen - INNER - cl;
	size_t mlen;
	unsigned char *m = signed_message(office_pk, out->charset, in + INNER + cl, out->len, &mlen);
	int ok = crypto_sign_verify_detached(in + 4 + SEAL_SIGN_PUBLIC, m, mlen, out->signer) == 0;
	free(m);
	if (!ok) {
		snprintf(err, n, "the signature is bad: the export was changed or forged after it was "
			 "signed; it is not shown");
		return -1;
	}
	out->payload = xmalloc(out->len + 1);
	memcpy(out->payload, in + INNER + cl, out->len);
	out->payload[out->len] = '\0';
	out->version = 2;
	return 0;
}

int seal_open(const char *text, size_t len, const unsigned char *office_sk,
	      struct seal_opened *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	const char *p = text, *limit = text + len;
	size_t hl, bl;
	const char *h = line_at(&p, limit, &hl), *b = line_at(&p, limit, &bl);
	int version = hl == sizeof head2 - 1 && memcmp(h, head2, hl) == 0 ? 2
		      : hl == sizeof head1 - 1 && memcmp(h, head1, hl) == 0 ? 1 : 0;
	if (!version) {
		snprintf(err, n, "1: expected a sealed export (%s)", head2);
		return -1;
	}
	for (; p < limit; p++)
		if (!strchr(" \t\r\n", *p)) {
			snprintf(err, n, "3: expected nothing after the sealed data");
			return -1;
		}
	size_t cap = bl / 4 * 3 + 3, clen = 0;
	unsigned char *c = xmalloc(cap);
	int rc = -1;
	/* The armour holds ciphertext, which is public: decoded fast. */
	if (codec_base64_decode(b, bl, c, cap, &clen) != 0 || clen < crypto_box_SEALBYTES) {
		snprintf(err, n, "2: the sealed data is damaged");
	} else {
		unsigned char pk[SEAL_BOX_PUBLIC];
		crypto_scalarmult_base(pk, office_sk);
		size_t ilen = clen - crypto_box_SEALBYTES;
		unsigned char *in = xmalloc(ilen + 1);
		if (crypto_box_seal_open(in, c, clen, pk, office_sk) != 0) {
			snprintf(err, n, "not sealed to this key, or changed since");
		} else if (version == 2) {
			rc = open_inner(in, ilen, pk, out, err, n);
		} else {
			out->version = 1;
			out->len = ilen;
			out->payload = xmalloc(ilen + 1);
			memcpy(out->payload, in, ilen);
			out->payload[ilen] = '\0';
			rc = 0;
		}
		sodium_memzero(in, ilen);
		free(in);
	}
	free(c);
	return rc;
}

void seal_opened_free(struct seal_opened *o)
{
	if (o->payload) {
		sodium_memzero(o->payload, o->len);
		free(o->payload);
	}
	memset(o, 0, sizeof *o);
}

/* UTF-8 text without unsafe characters, line ends (LF or CRLF) kept. */
static char *sanitize_lines(const char *s)
{
	size_t n = strlen(s), o = 0;
	char *out = xmalloc(3 * n + 2);
	while (*s) {
		size_t k = strcspn(s, "\n");
		bool crlf = k > 0 && s[k - 1] == '\r' && s[k] == '\n';	/* a CR alone is not a line end */
		char *line = xstrndup(s, crlf ? k - 1 : k);
		char *clean = text_sanitize(line);
		size_t cl = strlen(clean);
		memcpy(out + o, clean, cl);
		o += cl;
		if (crlf)
			out[o++] = '\r';
		if (s[k] == '\n')
			out[o++] = '\n';
		free(line);
		free(clean);
		s += k + (s[k] == '\n');
	}
	out[o] = '\0';
	return out;
}

char *seal_printable(const struct seal_opened *o, size_t *len)
{
	/* A NUL would cut the text short: it is unsafe too, so it goes. */
	char *plain = xmalloc(o->len + 1);
	size_t k = 0;
	for (size_t i = 0; i < o->len; i++)
		if (o->payload[i])
			plain[k++] = (char)o->payload[i];
	plain[k] = '\0';
	bool utf8 = !*o->charset || text_is_utf8_charset(o->charset);
	char *u = utf8 ? plain : text_convert(plain, o->charset, "UTF-8");
	char *clean = u ? sanitize_lines(u) : NULL, *out = clean;
	if (clean && !utf8) {
		out = text_convert(clean, "UTF-8", o->charset);
		free(clean);
	}
	if (u != plain)
		free(u);
	free(plain);
	if (out)
		*len = strlen(out);
	return out;
}

void seal_fingerprint(const unsigned char *pk, char *out)
{
	unsigned char h[10];
	crypto_generichash(h, sizeof h, pk, SEAL_SIGN_PUBLIC, NULL, 0);
	for (int i = 0; i < 5; i++)
		snprintf(out + 5 * i, SEAL_FINGERPRINT - 5 * (size_t)i, "%02x%02x%s", h[2 * i], h[2 * i + 1],
			 i < 4 ? "-" : "");
}

int seal_key_decode(const char *s, size_t slen, unsigned char *key, size_t len)
{
	size_t got = 0;
	const char *end;
	return sodium_base642bin(key, len, s, slen, NULL, &got, &end,
				 sodium_base64_VARIANT_ORIGINAL) == 0 && got == len &&
	       end == s + slen ? 0 : -1;
}

/* One line of a list of laptops: 1 if it holds an entry, 0 if blank or a
 * comment, -1 (with *col) if bad. */
static int signer_line(const char *s, size_t len, struct seal_signer *e, size_t *col)
{
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i == len || s[i] == '#')
		return 0;
	size_t k = i;
	while (k < len && s[k] != ' ' && s[k] != '\t')
		k++;
	*col = i + 1;
	if (seal_key_decode(s + i, k - i, e->pk, sizeof e->pk) < 0)
		return -1;
	while (k < len && (s[k] == ' ' || s[k] == '\t'))
		k++;
	size_t o = 0;
	for (; k < len && o + 1 < sizeof e->name; k++)
		if (s[k] >= 0x20 && s[k] < 0x7f)
			e->name[o++] = s[k];
	e->name[o] = '\0';
	return 1;
}

int seal_signers_parse(const char *text, size_t len, struct seal_signer **out, size_t *n,
		       char *err, size_t errlen)
{
	*out = xcalloc(1, sizeof **out);
	*n = 0;
	const char *p = text, *limit = text + len;
	for (size_t line = 1; p < limit; line++) {
		size_t l, col = 1;
		const char *s = line_at(&p, limit, &l);
		struct seal_signer e = { 0 };
		int rc = signer_line(s, l, &e, &col);
		if (rc < 0) {
			snprintf(err, errlen, "%zu:%zu: expected a laptop's signing key (base64, from "
				 "`tipscreen whoami FILE`), then an optional name", line, col);
			free(*out);
			*out = NULL;
			*n = 0;
			return -1;
		}
		if (rc > 0) {
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[(*n)++] = e;
		}
	}
	return 0;
}

const struct seal_signer *seal_signer_find(const struct seal_signer *v, size_t n,
					   const unsigned char *pk)
{
	for (size_t i = 0; i < n; i++)
		if (sodium_memcmp(v[i].pk, pk, SEAL_SIGN_PUBLIC) == 0)
			return &v[i];
	return NULL;
}
