#include "base/codec.h"

#include <string.h>

void codec_put_u64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

uint64_t codec_get_u64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

void codec_field_put(FILE *f, const char *key, const void *bytes, size_t len)
{
	fprintf(f, "%s %zu:", key, len);
	fwrite(bytes, 1, len, f);
	fputc('\n', f);
}

size_t codec_field_size(const char *key, size_t len)
{
	int digits = 1;
	for (size_t v = len; v >= 10; v /= 10)
		digits++;
	return strlen(key) + 1 + (size_t)digits + 1 + len + 1;
}

char *codec_field_write(char *p, const char *key, const void *bytes, size_t len)
{
	p += sprintf(p, "%s %zu:", key, len);
	memcpy(p, bytes, len);
	p[len] = '\n';
	return p + len + 1;
}

int codec_value_take(const char **p, const char *end, const char **s, size_t *len)
{
	const char *q = *p;
	size_t n = 0;
	int digits = 0;
	for (; q < end && *q >= '0' && *q <= '9'; q++, digits++) {
		if (digits == CODEC_DIGITS)
			return -1;
		n = n * 10 + (size_t)(*q - '0');
	}
	if (digits == 0 || q >= end || *q != ':')
		return -1;
	q++;
	if (n >= (size_t)(end - q) || q[n] != '\n')
		return -1;
	*s = q;
	*len = n;
	*p = q + n + 1;
	return 0;
}

int codec_field_take(const char **p, const char *end, const char *key, const char **s,
		     size_t *len)
{
	size_t k = strlen(key);
	if ((size_t)(end - *p) <= k || memcmp(*p, key, k) != 0 || (*p)[k] != ' ')
		return -1;
	const char *q = *p + k + 1;
	if (codec_value_take(&q, end, s, len) < 0)
		return -1;
	*p = q;
	return 0;
}

/* Each character's 6 bits, 255 for one outside the alphabet. */
static const unsigned char base64_value[256] = {
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 62, 255, 255, 255, 63,
	52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 255, 255, 255, 255, 255, 255,
	255, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 255, 255, 255, 255, 255,
	255, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40,
	41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
	255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255,
};

int codec_base64_decode(const char *in, size_t n, unsigned char *out, size_t cap, size_t *len)
{
	const unsigned char *s = (const unsigned char *)in;
	if (n % 4)
		return -1;
	size_t pad = n && s[n - 1] == '=' ? 1 + (s[n - 2] == '=') : 0, o = 0;
	if (n / 4 * 3 - pad > cap)
		return -1;
	size_t whole = pad ? n - 4 : n;
	unsigned bad = 0;
	for (size_t i = 0; i < whole; i += 4) {
		unsigned a = base64_value[s[i]], b = base64_value[s[i + 1]],
			 c = base64_value[s[i + 2]], d = base64_value[s[i + 3]];
		bad |= a | b | c | d;
		unsigned long v = (unsigned long)a << 18 | (unsigned long)b << 12 |
				  (unsigned long)c << 6 | (unsigned long)d;
		out[o++] = (unsigned char)(v >> 16);
		out[o++] = (unsigned char)(v >> 8);
		out[o++] = (unsigned char)v;
	}
	if (bad & 0x80)
		return -1;
	if (pad) {
		const unsigned char *q = s + n - 4;
		unsigned a = base64_value[q[0]], b = base64_value[q[1]];
		unsigned c = pad == 2 ? 0 : base64_value[q[2]];
		if ((a | b | c) & 0x80)
			return -1;
		unsigned long v = (unsigned long)a << 18 | (unsigned long)b << 12 | (unsigned long)c << 6;
		if (v & (pad == 2 ? 0xffffUL : 0xffUL))
			return -1;
		out[o++] = (unsigned char)(v >> 16);
		if (pad == 1)
			out[o++] = (unsigned char)(v >> 8);
	}
	*len = o;
	return 0;
}
