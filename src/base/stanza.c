#include "base/stanza.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/text.h"
#include "base/xalloc.h"

enum { MAX_FILE = 4 * 1024 * 1024 };

struct reader {
	const char *path;
	struct stanza_file *out;
	struct diags *d;
	struct stanza *cur;	/* open stanza, NULL between stanzas */
	int errors;
};

static void error(struct reader *r, int line, int col, const char *msg)
{
	diags_add(r->d, r->path, line, col, "%s", msg);
	r->errors++;
}

/* Checks one line for invalid UTF-8 and control characters, in one pass
 * with a fast path for ASCII. */
static bool line_ok(struct reader *r, const char *s, size_t n, int line)
{
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp = c;
		size_t k = c < 0x80 ? 1 : text_decode(s + i, n - i, &cp);
		if (k == 0) {
			diags_add(r->d, r->path, line, (int)text_chars(s, i) + 1,
				  "invalid UTF-8 byte 0x%02x: files must be UTF-8", c);
			r->errors++;
			return false;
		}
		if (cp != '\t' && (cp < 0x20 || cp >= 0x7F) && text_is_unsafe(cp)) {
			diags_add(r->d, r->path, line, (int)text_chars(s, i) + 1,
				  "control character U+%04X is not allowed in text", (unsigned)cp);
			r->errors++;
			return false;
		}
		i += k;
	}
	return true;
}

static bool key_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
}

static void add_field(struct reader *r, const char *s, size_t n, int line)
{
	size_t k = 0;
	while (k < n && key_char(s[k]))
		k++;
	if (k == 0 || k >= n || s[k] != ':') {
		error(r, line, (int)text_chars(s, k) + 1,
		      k == 0 ? "expected a field name (\"Key: value\")"
			     : "expected ':' after the field name");
		return;
	}
	if (!r->cur) {
		struct stanza_file *f = r->out;
		xgrow((void **)&f->s, &f->cap, f->n + 1, sizeof *f->s);
		r->cur = &f->s[f->n++];
		memset(r->cur, 0, sizeof *r->cur);
		r->cur->line = line;
	}
	char *key = xstrndup(s, k);
	size_t v = k + 1;
	while (v < n && (s[v] == ' ' || s[v] == '\t'))
		v++;
	size_t e = n;
	while (e > v && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	struct stanza *st = r->cur;
	xgrow((void **)&st->f, &st->cap, st->n + 1, sizeof *st->f);
	struct field *f = &st->f[st->n++];
	f->key = key;
	f->value = xstrndup(s + v, e - v);
	f->line = f->vline = line;
	f->col = 1;
	f->vcol = (int)text_chars(s, v) + 1;
}

static void add_continuation(struct reader *r, const char *s, size_t n, int line)
{
	if (!r->cur || r->cur->n == 0) {
		error(r, line, 1, "continuation line with no field before it");
		return;
	}
	struct field *f = &r->cur->f[r->cur->n - 1];
	size_t b = 0, e = n;
	while (b < n && (s[b] == ' ' || s[b] == '\t'))
		b++;
	while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t'))
		e--;
	bool dot = e - b == 1 && s[b] == '.';
	size_t add = dot ? 0 : e - b;
	size_t old = strlen(f->value);
	if (old == 0 && !dot) {	/* "Key:" alone, the value starts here */
		free(f->value);
		f->value = xstrndup(s + b, add);
		f->vline = line;
		f->vcol = (int)text_chars(s, b) + 1;
		return;
	}
	/* Continuation lines fold into one paragraph; "." starts a new one. */
	bool para = old > 0 && f->value[old - 1] == '\n';
	f->value = xrealloc(f->value, old + add + 2);
	size_t at = old;
	if (dot)
		f->value[at++] = '\n';
	else if (!para)
		f->value[at++] = ' ';
	memcpy(f->value + at, s + b, add);
	f->value[at + add] = '\0';
}

static void parse_line(struct reader *r, const char *s, size_t n, int line)
{
	if (n > 0 && s[n - 1] == '\r')
		n--;
	if (!line_ok(r, s, n, line))
		return;
	size_t b = 0;
	while (b < n && (s[b] == ' ' || s[b] == '\t'))
		b++;
	if (b == n) {
		r->cur = NULL;	/* blank line ends the stanza */
		return;
	}
	if (s[0] == '#')
		return;
	if (b > 0)
		add_continuation(r, s, n, line);
	else
		add_field(r, s, n, line);
}

int stanza_parse(const char *path, const char *buf, size_t len,
		 struct stanza_file *out, struct diags *d)
{
	memset(out, 0, sizeof *out);
	out->path = xstrdup(path);
	struct reader r = { .path = path, .out = out, .d = d };
	if (memchr(buf, '\0', len)) {
		error(&r, 0, 0, "contains a NUL byte: not a text file");
		return -1;
	}
	size_t i = 0;
	int line = 1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;	/* a byte order mark some editors add */
	while (i < len) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t n = nl ? (size_t)(nl - (buf + i)) : len - i;
		parse_line(&r, buf + i, n, line++);
		i += n + 1;
	}
	return r.errors ? -1 : 0;
}

/* Opens path for reading only if it is a regular file: a FIFO or a device
 * named *.screen would block or never end. */
static FILE *open_regular(const char *path, struct diags *d)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0) {
		diags_add(d, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diags_add(d, path, 0, 0, "not a regular file: expected a text file");
		close(fd);
		return NULL;
	}
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	FILE *fp = fdopen(fd, "rb");
	if (!fp)
		close(fd);
	return fp;
}

int stanza_slurp(const char *path, char **buf, size_t *len, struct diags *d)
{
	bool std = strcmp(path, "-") == 0;
	FILE *fp = std ? stdin : open_regular(path, d);
	*buf = NULL;
	*len = 0;
	if (!fp)
		return -1;
	size_t cap = 4096, n = 0;
	char *b = xmalloc(cap);
	size_t k;
	while ((k = fread(b + n, 1, cap - n, fp)) > 0) {
		n += k;
		if (n > MAX_FILE)
			break;
		if (n == cap)
			b = xrealloc(b, cap *= 2);
	}
	bool err = ferror(fp);
	if (!std)
		fclose(fp);
	if (err || n > MAX_FILE) {
		if (err)
			diags_add(d, path, 0, 0, "cannot read: %s", strerror(errno));
		else
			diags_add(d, path, 0, 0, "larger than %d bytes: not a tipscreen file", MAX_FILE);
		free(b);
		return -1;
	}
	*buf = b;
	*len = n;
	return 0;
}

int stanza_read(const char *path, struct stanza_file *out, struct diags *d)
{
	char *buf;
	size_t n;
	memset(out, 0, sizeof *out);
	if (stanza_slurp(path, &buf, &n, d) < 0)
		return -1;
	int rc = stanza_parse(strcmp(path, "-") == 0 ? "<stdin>" : path, buf, n, out, d);
	free(buf);
	return rc;
}

void stanza_file_free(struct stanza_file *f)
{
	for (size_t i = 0; i < f->n; i++) {
		for (size_t j = 0; j < f->s[i].n; j++) {
			free(f->s[i].f[j].key);
			free(f->s[i].f[j].value);
		}
		free(f->s[i].f);
	}
	free(f->s);
	free(f->path);
	memset(f, 0, sizeof *f);
}

const struct field *stanza_get(const struct stanza *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcasecmp(s->f[i].key, key) == 0)
			return &s->f[i];
	return NULL;
}
