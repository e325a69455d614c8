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
