#include "base/codec.h"

#include <stdbool.h>
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

static int base64_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	return c == '+' ? 62 : c == '/' ? 63 : -1;
}

int codec_base64_decode(const char *in, size_t n, unsigned char *out, size_t cap, size_t *len)
{
	const unsigned char *s = (const unsigned char *)in;
	if (n % 4)
		return -1;
	size_t pad = n && s[n - 1] == '=' ? 1 + (s[n - 2] == '=') : 0, o = 0;
	if (n / 4 * 3 - pad > cap)
		return -1;
	for (size_t i = 0; i < n; i += 4) {
		bool last = i + 4 == n;
		int a = base64_value(s[i]), b = base64_value(s[i + 1]);
		int c = last && pad == 2 ? 0 : base64_value(s[i + 2]);
		int d = last && pad ? 0 : base64_value(s[i + 3]);
		if ((a | b | c | d) < 0)
			return -1;
		unsigned long v = (unsigned long)a << 18 | (unsigned long)b << 12 |
				  (unsigned long)c << 6 | (unsigned long)d;
		out[o++] = (unsigned char)(v >> 16);
		if (last && pad == 2) {
			if (v & 0xffff)
				return -1;
			break;
		}
		out[o++] = (unsigned char)(v >> 8);
		if (last && pad == 1) {
			if (v & 0xff)
				return -1;
			break;
		}
		out[o++] = (unsigned char)v;
	}
	*len = o;
	return 0;
}
