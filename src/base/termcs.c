/* fopencookie is a GNU extension. */
#define _GNU_SOURCE
#include "base/termcs.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

struct conv {
	FILE *out;
	iconv_t cd;
	char pend[4];	/* an incomplete UTF-8 sequence from the last write */
	size_t npend;
};

/* Length of the longest prefix of s[0..n) that does not end inside a
 * UTF-8 sequence. */
static size_t complete_prefix(const char *s, size_t n)
{
	size_t i = n;
	for (size_t back = 0; back < 3 && i > 0; back++) {
		unsigned char c = (unsigned char)s[i - 1];
		if ((c & 0xC0) != 0x80) {
			size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
			return need > back + 1 ? i - 1 : n;
		}
		i--;
	}
	return n;
}

static void convert(struct conv *c, char *in, size_t n)
{
	char buf[1024];
	while (n > 0) {
		char *op = buf;
		size_t left = sizeof buf;
		size_t r = iconv(c->cd, &in, &n, &op, &left);
		fwrite(buf, 1, (size_t)(op - buf), c->out);
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		/* No transliteration, or an invalid byte: one "?" for it. */
		uint32_t cp;
		size_t k = text_decode(in, n, &cp);
		k = k ? k : 1;
		fputc('?', c->out);
		in += k;
		n -= k;
	}
}

static ssize_t conv_write(void *cookie, const char *buf, size_t size)
{
	struct conv *c = cookie;
	char *all = xmalloc(c->npend + size);
	memcpy(all, c->pend, c->npend);
	memcpy(all + c->npend, buf, size);
	size_t n = c->npend + size;
	size_t done = complete_prefix(all, n);
	convert(c, all, done);
	c->npend = n - done;
	memcpy(c->pend, all + done, c->npend);
	free(all);
	fflush(c->out);
	return (ssize_t)size;
}

static int conv_close(void *cookie)
{
	struct conv *c = cookie;
	if (c->npend)
		fputc('?', c->out);
	fflush(c->out);
	iconv_close(c->cd);
	free(c);
	return 0;
}

FILE *termcs_open(FILE *out, const char *charset)
{
	char to[64];
	snprintf(to, sizeof to, "%s//TRANSLIT", charset);
	iconv_t cd = iconv_open(to, "UTF-8");
	if (cd == (iconv_t)-1)
		return NULL;
	struct conv *c = xcalloc(1, sizeof *c);
	c->out = out;
	c->cd = cd;
	cookie_io_functions_t io = { .write = conv_write, .close = conv_close };
	FILE *f = fopencookie(c, "w", io);
	if (!f) {
		iconv_close(cd);
		free(c);
		return NULL;
	}
	setvbuf(f, NULL, _IOLBF, 0);
	return f;
}

char *termcs_input(const char *line, const char *charset)
{
	char *u = text_convert(line, charset, "UTF-8");
	char *clean = text_sanitize(u ? u : line);
	free(u);
	return clean;
}
