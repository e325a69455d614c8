#include "base/text.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "base/xalloc.h"

size_t text_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	size_t len;
	uint32_t c, min;
	if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

bool text_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

int text_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			w += 1;	/* shown as U+FFFD */
			i++;
			continue;
		}
		w += text_cp_width(cp);
		i += k;
	}
	return w;
}

size_t text_chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

bool text_is_unsafe(uint32_t cp)
{
	if (cp == '\n' || cp == '\t')
		return false;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		return true;
	if (cp == 0x061C || cp == 0x200E || cp == 0x200F)
		return true;
	if (cp >= 0x202A && cp <= 0x202E)
		return true;
	return cp >= 0x2066 && cp <= 0x2069;
}

char *text_sanitize(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = xmalloc(n * 3 + 1);	/* each bad byte may become 3 */
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			i++;
			continue;
		}
		if (!text_is_unsafe(cp)) {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* Appends s[0..n) to the growing buffer. */
struct buf {
	char *p;
	size_t n, cap;
	bool count;
	int lines;
};

/* With b->count set, only lines are counted (for text_rows). */
static void buf_put(struct buf *b, const char *s, size_t n)
{
	if (b->count) {
		b->lines += n == 1 && *s == '\n';
		return;
	}
	xgrow((void **)&b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

/* Width and byte length of the next word (up to a space or newline). */
static size_t raw_word(const char *s, size_t n, int *w)
{
	size_t i = 0;
	*w = 0;
	while (i < n && s[i] != ' ' && s[i] != '\n') {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			++*w;
			i++;
			continue;
		}
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = '?';
		}
		*w += text_cp_width(cp);
		i += k;
	}
	return i;
}

static bool is_guillemet(const char *t, unsigned char second)
{
	return (unsigned char)t[0] == 0xC2 && (unsigned char)t[1] == second;
}

/* A word of closing marks only (":", "?", "»", "?»"): French spaces them
 * from the word before, and a line must not begin with them. */
static bool closes(const char *t, size_t k)
{
	size_t j = 0;
	while (j < k) {
		if (strchr(":;!?", t[j]))
			j++;
		else if (k - j >= 2 && is_guillemet(t + j, 0xBB))
			j += 2;
		else
			return false;
	}
	return k > 0;
}

/* The next word with what French keeps on its line: the closing marks
 * after it (" :", " »"), and after an opening "«" the word it opens. */
static size_t word_len(const char *s, size_t n, int *w)
{
	size_t i = raw_word(s, n, w);
	while (i + 1 < n && s[i] == ' ' && s[i + 1] != ' ' && s[i + 1] != '\n') {
		int nw;
		size_t k = raw_word(s + i + 1, n - i - 1, &nw);
		bool opens = i >= 2 && is_guillemet(s + i - 2, 0xAB);
		if (!opens && !closes(s + i + 1, k))
			break;
		*w += 1 + nw;
		i += 1 + k;
	}
	return i;
}

/* Puts a word wider than the line, breaking it between characters. */
static int put_long_word(struct buf *b, const char *s, size_t n, int col, int width)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			cp = '?';
		}
		int cw = text_cp_width(cp);
		if (col + cw > width && col > 0) {
			buf_put(b, "\n", 1);
			col = 0;
		}
		buf_put(b, s + i, k);
		col += cw;
		i += k;
	}
	return col;
}

/* Wraps one line (no newline in it), keeping its indentation on every
 * line it becomes. */
static void wrap_line(struct buf *b, const char *s, size_t n, int width)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	int indent = (int)i < width / 2 ? (int)i : 0;
	bool first = true;
	int col = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		int w;
		size_t wl = word_len(s + i, n - i, &w);
		if (first || col + 1 + w > width) {
			if (!first)
				buf_put(b, "\n", 1);
			buf_put(b, s, (size_t)indent);
			col = indent;
		} else {
			buf_put(b, " ", 1);
			col++;
		}
		if (col + w <= width) {
			buf_put(b, s + i, wl);
			col += w;
		} else {
			col = put_long_word(b, s + i, wl, col, width);
		}
		first = false;
		i += wl;
	}
}

static void wrap_all(struct buf *b, const char *s, int width)
{
	if (width < 1)
		width = 1;
	for (;;) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		wrap_line(b, s, len, width);
		if (!nl)
			break;
		buf_put(b, "\n", 1);
		s = nl + 1;
	}
}

char *text_wrap(const char *s, int width)
{
	struct buf b = { 0 };
	buf_put(&b, "", 0);
	wrap_all(&b, s, width);
	return b.p;
}

int text_rows(const char *s, int width)
{
	struct buf b = { .count = true, .lines = 1 };
	wrap_all(&b, s, width);
	return b.lines;
}

bool text_charset_known(const char *charset)
{
	iconv_t cd = iconv_open(charset, "UTF-8");
	if (cd == (iconv_t)-1)
		return false;
	iconv_close(cd);
	return true;
}

bool text_is_utf8_charset(const char *cs)
{
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "UTF8") == 0);
}

char *text_convert(const char *s, const char *from, const char *to)
{
	char tocode[64];
	snprintf(tocode, sizeof tocode, "%s//TRANSLIT", to);
	iconv_t cd = iconv_open(tocode, from);
	if (cd == (iconv_t)-1)
		return NULL;
	size_t inleft = strlen(s), cap = inleft * 4 + 16, used = 0;
	char *out = xmalloc(cap);
	char *in = (char *)s;
	for (;;) {
		char *op = out + used;
		size_t outleft = cap - used - 1;
		size_t r = iconv(cd, inleft ? &in : NULL, &inleft, &op, &outleft);
		used = (size_t)(op - out);
		if (r != (size_t)-1 && inleft == 0) {
			op = out + used;
			outleft = cap - used - 1;
			iconv(cd, NULL, NULL, &op, &outleft);	/* flush shift state */
			used = (size_t)(op - out);
			break;
		}
		if (r == (size_t)-1 && errno == E2BIG) {
			cap *= 2;
			out = xrealloc(out, cap);
			continue;
		}
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	out[used] = '\0';
	return out;
}

size_t text_encode(uint32_t cp, char *out)
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
