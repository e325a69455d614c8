#include "store/manifest.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "base/codec.h"
#include "base/xalloc.h"

enum { NONCE = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES,
       TAG = crypto_aead_xchacha20poly1305_ietf_ABYTES,
       ENTRY = MANIFEST_ID + MANIFEST_HASH, HEAD = 1 + 8 + 8 };

static const char ad[] = "tipscreen-2|state";

/* The index where id is, or where it would go. */
static size_t position(const struct manifest *m, const char *id, bool *found)
{
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(m->v[mid].id, id);
		if (c == 0) {
			*found = true;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

struct manifest_entry *manifest_find(const struct manifest *m, const char *id)
{
	bool found;
	size_t i = position(m, id, &found);
	return found ? &m->v[i] : NULL;
}

void manifest_set(struct manifest *m, const char *id, const unsigned char *hash)
{
	bool found;
	size_t i = position(m, id, &found);
	if (!found) {
		m->v = xrealloc(m->v, (m->n + 1) * sizeof *m->v);
		if (m->n > i)
			memmove(&m->v[i + 1], &m->v[i], (m->n - i) * sizeof *m->v);
		m->n++;
		snprintf(m->v[i].id, sizeof m->v[i].id, "%s", id);
	}
	memcpy(m->v[i].hash, hash, MANIFEST_HASH);
}

bool manifest_remove(struct manifest *m, const char *id)
{
	bool found;
	size_t i = position(m, id, &found);
	if (found) {
		memmove(&m->v[i], &m->v[i + 1], (m->n - i - 1) * sizeof *m->v);
		m->n--;
	}
	return found;
}

void manifest_hash(const char *id, const void *ckey, size_t klen, const void *tail, size_t tlen,
		   unsigned char *out)
{
	crypto_generichash_state st;
	unsigned char len[16];
	codec_put_u64(len, klen);
	codec_put_u64(len + 8, tlen);
	crypto_generichash_init(&st, NULL, 0, MANIFEST_HASH);
	crypto_generichash_update(&st, (const unsigned char *)id, strlen(id) + 1);
	crypto_generichash_update(&st, len, sizeof len);
	crypto_generichash_update(&st, ckey, klen);
	crypto_generichash_update(&st, tail, tlen);
	crypto_generichash_final(&st, out, MANIFEST_HASH);
}

unsigned char *manifest_seal(const struct manifest *m, const unsigned char *key, size_t *len)
{
	size_t plen = HEAD + m->n * ENTRY;
	unsigned char *plain = xmalloc(plen), *out = xmalloc(plen + NONCE + TAG);
	plain[0] = 2;
	codec_put_u64(plain + 1, m->gen);
	codec_put_u64(plain + 9, m->n);
	for (size_t i = 0; i < m->n; i++) {
		memcpy(plain + HEAD + i * ENTRY, m->v[i].id, MANIFEST_ID);
		memcpy(plain + HEAD + i * ENTRY + MANIFEST_ID, m->v[i].hash, MANIFEST_HASH);
	}
	randombytes_buf(out, NONCE);
	crypto_aead_xchacha20poly1305_ietf_encrypt(out + NONCE, NULL, plain, plen,
						   (const unsigned char *)ad, strlen(ad), NULL, out, key);
	free(plain);
	*len = plen + NONCE + TAG;
	return out;
}

int manifest_open(const unsigned char *in, size_t len, const unsigned char *key, struct manifest *m)
{
	memset(m, 0, sizeof *m);
	if (len < NONCE + TAG + HEAD)
		return -1;
	size_t plen = len - NONCE - TAG;
	unsigned char *plain = xmalloc(plen);
	int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(plain, NULL, NULL, in + NONCE, len - NONCE,
							    (const unsigned char *)ad, strlen(ad),
							    in, key);
	uint64_t n = rc == 0 ? codec_get_u64(plain + 9) : 0;
	if (rc != 0 || plain[0] != 2 || n > (plen - HEAD) / ENTRY || HEAD + n * ENTRY != plen) {
		free(plain);
		return -1;
	}
	m->gen = codec_get_u64(plain + 1);
	m->n = (size_t)n;
	m->v = xcalloc(m->n ? m->n : 1, sizeof *m->v);
	for (size_t i = 0; i < m->n; i++) {
		memcpy(m->v[i].id, plain + HEAD + i * ENTRY, MANIFEST_ID);
		memcpy(m->v[i].hash, plain + HEAD + i * ENTRY + MANIFEST_ID, MANIFEST_HASH);
	}
	free(plain);
	return 0;
}

void manifest_copy(struct manifest *dst, const struct manifest *src)
{
	*dst = *src;
	dst->v = xmalloc((src->n ? src->n : 1) * sizeof *dst->v);
	if (src->n)
		memcpy(dst->v, src->v, src->n * sizeof *dst->v);
}

void manifest_free(struct manifest *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}
