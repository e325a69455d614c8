#define _GNU_SOURCE /* qsort_r */
#include "domain/catalog.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/text.h"
#include "base/xalloc.h"

struct msg {
	char *ctx, *id, *str;	/* owned; ctx may be NULL, str "" if none */
	bool fuzzy;
	int line;
	bool usable;		/* translated, not fuzzy, placeholders agree */
};

struct catalog {
	char *path;
	struct msg *v;		/* file order, header excluded */
	size_t n;
	size_t *sorted;		/* indexes of v by (ctx, id), for lookups */
	char *lang, *name;
	bool reviewed, rtl;
	struct catalog_entry *entries;
	/* A compiled catalog: the .mo file mapped read-only, its number of
	 * strings, the offsets of its two tables, and whether its words are
	 * in the other byte order. */
	const unsigned char *mo;
	size_t mo_len;
	uint32_t mo_n, mo_orig, mo_trans;
	bool mo_swap;
};

/* The reader's state: the entry being built and where the text goes. */
struct po_reader {
	const char *path;
	struct diags *d;
	int lineno;
	char **target;		/* the string being continued by "…" lines */
	struct msg cur;
	bool have_id, in_entry, fuzzy_next, obsolete;
	struct msg *v;
	size_t n, cap;
	int errors;
	char *discard;		/* msgid_plural and msgstr[1…]: read, not kept */
};

static void po_error(struct po_reader *r, int col, const char *what)
{
	diags_add(r->d, r->path, r->lineno, col, "%s", what);
	r->errors++;
}

/* Refuses control, escape and bidi-override characters in a string, raw
 * or escaped, as the deck's files do; a newline and a tab are text. col is
 * where the string starts. */
static void check_text(struct po_reader *r, int col, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(s + i, n - i, &cp);
		if (k == 0)
			return;	/* the line's UTF-8 check names it */
		if (text_is_unsafe(cp)) {
			diags_add(r->d, r->path, r->lineno, col,
				  "control character U+%04X is not allowed in text", (unsigned)cp);
			r->errors++;
			return;
		}
		i += k;
	}
}

/* Appends the C-quoted string at s (after the opening quote) to *dst. */
static void append_quoted(struct po_reader *r, const char *line, const char *s, char **dst)
{
	size_t len = *dst ? strlen(*dst) : 0, start = len;
	char *out = xmalloc(len + strlen(s) + 1);
	if (*dst)
		memcpy(out, *dst, len);
	const char *p = s;
	for (; *p && *p != '"'; p++) {
		if (*p != '\\') {
			out[len++] = *p;
			continue;
		}
		static const char from[] = "ntr\"\\abfv", to[] = "\n\t\r\"\\\a\b\f\v";
		const char *k = p[1] ? strchr(from, p[1]) : NULL;
		if (!k) {
			po_error(r, (int)(p - line) + 1, "unknown escape in a string");
			break;
		}
		out[len++] = to[k - from];
		p++;
	}
	out[len] = '\0';
	check_text(r, (int)(s - line), out + start, len - start);
	if (*p != '"')
		po_error(r, (int)(p - line) + 1, "expected '\"' closing the string");
	else if (p[1 + strspn(p + 1, " \t\r")])
		po_error(r, (int)(p - line) + 2, "expected the end of the line after the string");
	free(*dst);
	*dst = out;
}

static void finish_entry(struct po_reader *r)
{
	if (!r->in_entry)
		return;
	if (!r->have_id || !r->cur.str) {
		po_error(r, 1, r->have_id ? "expected msgstr after msgid"
					  : "expected msgid in the entry");
		free(r->cur.ctx);
		free(r->cur.id);
		free(r->cur.str);
	} else {
		if (r->n == r->cap)
			r->v = xrealloc(r->v, (r->cap = r->cap ? 2 * r->cap : 64) * sizeof *r->v);
		r->v[r->n++] = r->cur;
	}
	r->cur = (struct msg){ 0 };
	r->have_id = r->in_entry = false;
	r->target = NULL;
}

/* Starts a keyword line: `msgctxt "…"`, `msgid "…"`, `msgstr "…"`,
 * `msgid_plural`, `msgstr[0]` (plural forms keep form 0 only). */
static void keyword_line(struct po_reader *r, const char *line)
{
	size_t kw = strcspn(line, " \t\"");
	const char *q = line + kw + strspn(line + kw, " \t");
	char **dst = NULL;
	if (*q != '"') {
		po_error(r, (int)(q - line) + 1, "expected a quoted string after the keyword");
		return;
	}
	if (kw == 7 && strncmp(line, "msgctxt", 7) == 0) {
		if (r->have_id || r->cur.ctx)
			finish_entry(r);
		dst = &r->cur.ctx;
		r->cur.ctx = xstrdup("");
	} else if (kw == 5 && strncmp(line, "msgid", 5) == 0) {
		if (r->have_id)
			finish_entry(r);
		r->have_id = true;
		dst = &r->cur.id;
		r->cur.id = xstrdup("");
	} else if ((kw == 6 && strncmp(line, "msgstr", 6) == 0) ||
		   (kw == 9 && strncmp(line, "msgstr[0]", 9) == 0)) {
		dst = &r->cur.str;
		free(r->cur.str);
		r->cur.str = xstrdup("");
	} else if ((kw == 12 && strncmp(line, "msgid_plural", 12) == 0) ||
		   (kw > 7 && strncmp(line, "msgstr[", 7) == 0)) {
		dst = &r->discard;
		free(r->discard);
		r->discard = NULL;
	} else {
		po_error(r, 1, "expected msgctxt, msgid or msgstr");
		return;
	}
	if (!r->in_entry) {
		r->in_entry = true;
		r->cur.fuzzy = r->fuzzy_next;
		r->fuzzy_next = false;
	}
	if (dst == &r->cur.id)
		r->cur.line = r->lineno;
	append_quoted(r, line, q + 1, dst);
	r->target = dst;
}

static void read_line(struct po_reader *r, char *line)
{
	line[strcspn(line, "\r\n")] = '\0';
	const char *s = line + strspn(line, " \t");
	if (*s == '\0') {
		finish_entry(r);
		r->obsolete = false;
	} else if (s[0] == '#') {
		if (r->have_id && r->cur.str)
			finish_entry(r);
		if (s[1] == '~')
			r->obsolete = true;
		else if (s[1] == ',' && strstr(s, "fuzzy"))
			r->fuzzy_next = true;
	} else if (r->obsolete) {
		return;
	} else if (*s == '"') {
		if (!r->target)
			po_error(r, (int)(s - line) + 1, "a continued string without msgid or msgstr before it");
		else
			append_quoted(r, line, s + 1, r->target);
	} else {
		keyword_line(r, s);
	}
}

/* The value of header field name in the header text h, or NULL: new. */
static char *header_field(const char *h, const char *name)
{
	size_t n = strlen(name);
	for (const char *l = h; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
		if (strncasecmp(l, name, n) == 0 && l[n] == ':') {
			const char *v = l + n + 1 + strspn(l + n + 1, " ");
			return xstrndup(v, strcspn(v, "\n"));
		}
	}
	return NULL;
}

static char *header_charset(const char *h)
{
	char *ct = header_field(h, "Content-Type");
	char *cs = NULL;
	const char *p = ct ? strstr(ct, "charset=") : NULL;
	if (p)
		cs = xstrndup(p + 8, strcspn(p + 8, " ;"));
	free(ct);
	return cs;
}

/* Converts every string of r to UTF-8 from charset cs. */
static void convert_all(struct po_reader *r, const char *cs)
{
	for (size_t i = 0; i < r->n; i++) {
		char **f[] = { &r->v[i].ctx, &r->v[i].id, &r->v[i].str };
		for (size_t k = 0; k < 3; k++) {
			if (!*f[k])
				continue;
			char *u = text_convert(*f[k], cs, "UTF-8");
			if (!u) {
				diags_add(r->d, r->path, r->v[i].line, 1,
					  "text not valid in the file's charset %s", cs);
				r->errors++;
				return;
			}
			free(*f[k]);
			*f[k] = u;
		}
	}
}

static void check_utf8(struct po_reader *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *f[] = { r->v[i].ctx, r->v[i].id, r->v[i].str };
		for (size_t k = 0; k < 3; k++)
			if (f[k] && !text_valid(f[k], strlen(f[k]), NULL)) {
				diags_add(r->d, r->path, r->v[i].line, 1,
					  "text not valid UTF-8 (the header says charset=UTF-8)");
				r->errors++;
				return;
			}
	}
}

static int cmp_key(const struct msg *a, const char *ctx, const char *id)
{
	if (!a->ctx != !ctx)
		return a->ctx ? 1 : -1;
	int c = ctx ? strcmp(a->ctx, ctx) : 0;
	return c ? c : strcmp(a->id, id);
}

static int cmp_index(const void *x, const void *y, void *msgs)
{
	const struct msg *v = msgs, *a = &v[*(const size_t *)x];
	return -cmp_key(&v[*(const size_t *)y], a->ctx, a->id);
}

static void build_index(struct catalog *c)
{
	c->sorted = xmalloc((c->n ? c->n : 1) * sizeof *c->sorted);
	for (size_t i = 0; i < c->n; i++)
		c->sorted[i] = i;
	qsort_r(c->sorted, c->n, sizeof *c->sorted, cmp_index, c->v);
	c->entries = xcalloc(c->n ? c->n : 1, sizeof *c->entries);
	for (size_t i = 0; i < c->n; i++) {
		struct msg *m = &c->v[i];
		m->usable = *m->str && !m->fuzzy && catalog_placeholders_agree(m->id, m->str);
		c->entries[i] = (struct catalog_entry){ m->ctx, m->id, m->str, m->fuzzy, m->line };
	}
}

/* Takes the header entry out of r into c's fields and converts charsets. */
static void take_header(struct po_reader *r, struct catalog *c)
{
	char *h = NULL;
	for (size_t i = 0; i < r->n; i++) {
		if (!r->v[i].ctx && !*r->v[i].id) {
			h = r->v[i].str;
			free(r->v[i].id);
			memmove(&r->v[i], &r->v[i + 1], (r->n - i - 1) * sizeof *r->v);
			r->n--;
			break;
		}
	}
	char *cs = h ? header_charset(h) : NULL;
	if (cs && !text_is_utf8_charset(cs) && strcmp(cs, "CHARSET") != 0)
		convert_all(r, cs);
	else
		check_utf8(r);
	char *cvt = h && cs && !text_is_utf8_charset(cs) ? text_convert(h, cs, "UTF-8") : NULL;
	const char *hu = cvt ? cvt : h ? h : "";
	c->lang = header_field(hu, "Language");
	c->name = header_field(hu, "X-Language-Name");
	char *rev = header_field(hu, "X-Reviewed"), *dir = header_field(hu, "X-Direction");
	c->reviewed = rev && strcmp(rev, "yes") == 0;
	c->rtl = dir && strcmp(dir, "rtl") == 0;
	if (!c->lang || !*c->lang) {
		free(c->lang);
		const char *b = strrchr(r->path, '/');
		b = b ? b + 1 : r->path;
		c->lang = xstrndup(b, strcspn(b, "."));
	}
	if (!c->name || !*c->name) {
		free(c->name);
		c->name = xstrdup(c->lang);
	}
	free(rev);
	free(dir);
	free(cvt);
	free(cs);
	free(h);
}

struct catalog *catalog_load(const char *path, struct diags *d)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		diags_add(d, path, 0, 0, "cannot read the catalog: %m");
		return NULL;
	}
	struct po_reader r = { .path = path, .d = d };
	char *line = NULL;
	size_t cap = 0;
	while (getline(&line, &cap, f) >= 0) {
		r.lineno++;
		read_line(&r, line);
	}
	free(line);
	fclose(f);
	r.lineno++;
	finish_entry(&r);
	free(r.discard);
	struct catalog *c = xcalloc(1, sizeof *c);
	c->path = xstrdup(path);
	take_header(&r, c);
	c->v = r.v;
	c->n = r.n;
	build_index(c);
	if (r.errors) {
		catalog_free(c);
		return NULL;
	}
	return c;
}

void catalog_free(struct catalog *c)
{
	if (!c)
		return;
	if (c->mo)
		munmap((void *)c->mo, c->mo_len);
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].ctx);
		free(c->v[i].id);
		free(c->v[i].str);
	}
	free(c->v);
	free(c->sorted);
	free(c->entries);
	free(c->lang);
	free(c->name);
	free(c->path);
	free(c);
}

/* ---- compiled catalogs (.mo) ---------------------------------------------- */

static uint32_t word(const unsigned char *p, bool swap)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return swap ? __builtin_bswap32(v) : v;
}

static uint32_t mo_word(const struct catalog *c, size_t off)
{
	return word(c->mo + off, c->mo_swap);
}

/* String i of the table at off: NULL unless it lies inside the file and
 * ends with its NUL. */
static const char *mo_string(const struct catalog *c, uint32_t table, uint32_t i)
{
	uint32_t len = mo_word(c, table + 8 * (size_t)i), at = mo_word(c, table + 8 * (size_t)i + 4);
	if ((size_t)at + len >= c->mo_len || c->mo[at + len] != '\0')
		return NULL;
	return (const char *)c->mo + at;
}

/* Compares an original of a .mo ("ctx\4id", or "id") with (ctx, id), in
 * the byte order msgfmt sorted them in. */
static int mo_cmp(const char *o, const char *ctx, const char *id)
{
	if (ctx) {
		size_t n = strlen(ctx);
		int k = strncmp(o, ctx, n);
		if (k)
			return k;
		if ((unsigned char)o[n] != 4)
			return (unsigned char)o[n] < 4 ? -1 : 1;
		o += n + 1;
	}
	return strcmp(o, id);
}

/* The translation of (ctx, id) in a compiled catalog, or NULL: a binary
 * search of the sorted originals, nothing read until it is asked for. */
static const char *mo_find(const struct catalog *c, const char *ctx, const char *id)
{
	uint32_t lo = 0, hi = c->mo_n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		const char *o = mo_string(c, c->mo_orig, mid);
		if (!o)
			return NULL;
		int k = mo_cmp(o, ctx, id);
		if (k == 0)
			return mo_string(c, c->mo_trans, mid);
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The header entry of the .mo file fd (its original is "", which sorts
 * first): a new string, or NULL. Read with pread, not through the mapping,
 * so that a language loaded but not used costs no resident page. */
static char *mo_read_header(int fd, const struct catalog *c)
{
	unsigned char o[8], t[8];
	if (!c->mo_n || pread(fd, o, 8, c->mo_orig) != 8 || pread(fd, t, 8, c->mo_trans) != 8 ||
	    word(o, c->mo_swap) != 0)
		return NULL;
	uint32_t len = word(t, c->mo_swap), at = word(t + 4, c->mo_swap);
	if ((size_t)at + len >= c->mo_len)
		return NULL;
	char *h = xmalloc((size_t)len + 1);
	if (pread(fd, h, len, at) != (ssize_t)len) {
		free(h);
		return NULL;
	}
	h[len] = '\0';
	return h;
}

/* The header's facts into c; false unless its charset is UTF-8. */
static bool mo_header(struct catalog *c, const char *path, char *h)
{
	char *cs = h ? header_charset(h) : NULL;
	bool utf8 = cs && text_is_utf8_charset(cs);
	free(cs);
	if (!utf8)
		return false;
	c->lang = header_field(h, "Language");
	c->name = header_field(h, "X-Language-Name");
	char *rev = header_field(h, "X-Reviewed"), *dir = header_field(h, "X-Direction");
	c->reviewed = rev && strcmp(rev, "yes") == 0;
	c->rtl = dir && strcmp(dir, "rtl") == 0;
	free(rev);
	free(dir);
	free(h);
	if (!c->lang || !*c->lang) {
		free(c->lang);
		const char *b = strrchr(path, '/');
		b = b ? b + 1 : path;
		c->lang = xstrndup(b, strcspn(b, "."));
	}
	if (!c->name || !*c->name) {
		free(c->name);
		c->name = xstrdup(c->lang);
	}
	return true;
}

struct catalog *catalog_load_mo(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || st.st_size < 28 || (uint64_t)st.st_size >= UINT32_MAX) {
		close(fd);
		return NULL;
	}
	unsigned char head[20];
	void *map = pread(fd, head, sizeof head, 0) == (ssize_t)sizeof head
		    ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	if (map == MAP_FAILED) {
		close(fd);
		return NULL;
	}
	/* Lookups jump about the file: no read-ahead around each. */
	madvise(map, (size_t)st.st_size, MADV_RANDOM);
	struct catalog *c = xcalloc(1, sizeof *c);
	c->mo = map;
	c->mo_len = (size_t)st.st_size;
	uint32_t magic = word(head, false);
	c->mo_swap = magic == 0xde120495u;
	c->mo_n = word(head + 8, c->mo_swap);
	c->mo_orig = word(head + 12, c->mo_swap);
	c->mo_trans = word(head + 16, c->mo_swap);
	bool ok = (magic == 0x950412deu || c->mo_swap) && word(head + 4, c->mo_swap) >> 16 == 0 &&
		  c->mo_n < c->mo_len / 16 &&
		  (size_t)c->mo_orig + 8 * (size_t)c->mo_n <= c->mo_len &&
		  (size_t)c->mo_trans + 8 * (size_t)c->mo_n <= c->mo_len;
	c->path = xstrdup(path);
	ok = ok && mo_header(c, path, mo_read_header(fd, c));
	close(fd);
	if (!ok) {
		catalog_free(c);
		return NULL;
	}
	return c;
}

/* The entry (ctx, id) of c, or NULL. */
static const struct msg *find(const struct catalog *c, const char *ctx, const char *id)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct msg *m = &c->v[c->sorted[mid]];
		int k = cmp_key(m, ctx, id);
		if (k == 0)
			return m;
		if (k < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* A compiled catalog's usable translation of (ctx, id), or NULL: msgfmt
 * left out the untranslated and fuzzy ones; the placeholders are checked
 * here, as build_index does for a PO file. */
static const char *mo_usable(const struct catalog *c, const char *ctx, const char *id)
{
	const char *s = mo_find(c, ctx, id);
	return s && *s && catalog_placeholders_agree(id, s) ? s : NULL;
}

const char *catalog_get(const struct catalog *c, const char *ctx, const char *id)
{
	if (c && id && c->mo) {
		const char *s = mo_usable(c, ctx, id);
		return s ? s : id;
	}
	const struct msg *m = c && id ? find(c, ctx, id) : NULL;
	return m && m->usable ? m->str : id;
}

bool catalog_has(const struct catalog *c, const char *ctx, const char *id)
{
	if (c && c->mo)
		return mo_find(c, ctx, id) != NULL;
	return c && find(c, ctx, id);
}

bool catalog_translated(const struct catalog *c, const char *ctx, const char *id)
{
	if (c && c->mo)
		return mo_usable(c, ctx, id) != NULL;
	const struct msg *m = c ? find(c, ctx, id) : NULL;
	return m && m->usable;
}

const char *catalog_lang(const struct catalog *c) { return c ? c->lang : "en"; }
const char *catalog_name(const struct catalog *c) { return c ? c->name : "English"; }
bool catalog_reviewed(const struct catalog *c) { return c ? c->reviewed : true; }
bool catalog_rtl(const struct catalog *c) { return c && c->rtl; }
const char *catalog_path(const struct catalog *c) { return c ? c->path : NULL; }

const struct catalog_entry *catalog_entries(const struct catalog *c, size_t *n)
{
	*n = c->n;
	return c->entries;
}

/* Skips an argument number "m$" at p, if there is one. */
static const char *skip_argnum(const char *p)
{
	size_t d = strspn(p, "0123456789");
	return d > 0 && p[d] == '$' ? p + d + 1 : p;
}

/* Skips a width or a precision: digits, or "*" with an optional "m$". */
static const char *skip_count(const char *p)
{
	if (*p == '*')
		return skip_argnum(p + 1);
	return p + strspn(p, "0123456789");
}

/* The length of the printf conversion specification at p (p[0] == '%',
 * p[1] != '%'), read by the full syntax of printf(3): an argument number
 * "m$", flags from "-+ #0'I", a width, a precision, a length modifier
 * (hh h l ll q L j z Z t), then the conversion. 0 if no valid conversion
 * follows: printf would still read one there (undefined behaviour). */
static size_t directive_len(const char *p)
{
	static const char *const lengths[] = { "hh", "ll", "h", "l", "q", "L", "j", "z", "Z", "t" };
	const char *q = skip_argnum(p + 1);
	q += strspn(q, "-+ #0'I");
	q = skip_count(q);
	if (*q == '.')
		q = skip_count(q + 1);
	for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
		size_t n = strlen(lengths[i]);
		if (strncmp(q, lengths[i], n) == 0) {
			q += n;
			break;
		}
	}
	return *q && strchr("diouxXeEfFgGaAcCsSpnm", *q) ? (size_t)(q - p) + 1 : 0;
}

/* The next placeholder at or after p, its length in *len; NULL when there
 * is none. A placeholder is a printf directive other than %% — or a '%'
 * that starts no valid one, taken with the rest of the string so that it
 * can only match the very same text — or ${name}. */
static const char *next_placeholder(const char *p, size_t *len)
{
	for (; *p; p++) {
		if (p[0] == '%' && p[1] == '%') {
			p++;
		} else if (p[0] == '%') {
			*len = directive_len(p);
			if (*len == 0)
				*len = strlen(p);
			return p;
		} else if (p[0] == '$' && p[1] == '{' && strchr(p, '}')) {
			*len = (size_t)(strchr(p, '}') - p) + 1;
			return p;
		}
	}
	return NULL;
}

bool catalog_placeholders_agree(const char *a, const char *b)
{
	size_t la, lb;
	for (;;) {
		a = next_placeholder(a, &la);
		b = next_placeholder(b, &lb);
		if (!a || !b)
			return !a && !b;
		if (la != lb || memcmp(a, b, la) != 0)
			return false;
		a += la;
		b += lb;
	}
}

char *catalog_placeholders(const char *s)
{
	char *out = xstrdup("");
	size_t len;
	for (const char *p = next_placeholder(s, &len); p; p = next_placeholder(p + len, &len)) {
		char *n = xasprintf("%s%s%.*s", out, *out ? " " : "", (int)len, p);
		free(out);
		out = n;
	}
	return out;
}

static const struct catalog *ui_catalog;

void i18n_use(const struct catalog *c) { ui_catalog = c; }
const struct catalog *i18n_current(void) { return ui_catalog; }
