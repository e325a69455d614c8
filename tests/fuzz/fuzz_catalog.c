/* fuzz_catalog: the PO reader on any file, then every lookup of what it
 * loaded (each entry with and without its context, a miss, the header
 * facts, the placeholder helpers).
 *
 * Properties besides the sanitizers': a translation that catalog_get hands
 * out is safe to pass to printf with the English string's arguments: its
 * printf directives, parsed here independently with the full syntax (flags
 * including ' and I, width and precision with *, positional n$, length,
 * conversion), consume the same arguments in the same order as the
 * English's, and it has no %n; and it holds no control character other
 * than tab and newline. Lookups never give NULL, and find every entry. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "base/diag.h"
#include "domain/catalog.h"

/* The arguments a format string consumes, two characters each (class and
 * length); positional directives are kept whole. */
struct sig {
	char s[512];
	size_t n;
	bool bad;	/* %n, or more than fits */
};

static void add(struct sig *g, char cls, char len)
{
	if (g->n + 2 >= sizeof g->s) {
		g->bad = true;
		return;
	}
	g->s[g->n++] = cls;
	g->s[g->n++] = len;
	g->s[g->n] = '\0';
}

static const char *digits(const char *p)
{
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

/* A width or precision: digits, or '*' (an int argument, perhaps n$). */
static const char *width(const char *p, struct sig *g)
{
	if (*p != '*')
		return digits(p);
	p = digits(p + 1);
	add(g, 'i', '-');
	return p + (*p == '$');
}

/* Parses one directive after its '%'; returns the character after it. */
static const char *directive(const char *p, struct sig *g)
{
	const char *start = p - 1, *d = digits(p);
	bool positional = d > p && *d == '$';
	if (positional)
		p = d + 1;
	p += strspn(p, "-+ #0'I");
	p = width(p, g);
	if (*p == '.')
		p = width(p + 1, g);
	char len = '-';
	if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
		len = p[0] == 'h' ? 'H' : 'q';
		p += 2;
	} else if (*p && strchr("hlLqjzZt", *p)) {
		len = *p == 'L' || *p == 'q' ? 'q' : *p == 'Z' ? 'z' : *p;
		p++;
	}
	char c = *p ? *p++ : '\0', cls;
	if (c && strchr("di", c))
		cls = 'i';
	else if (c && strchr("ouxX", c))
		cls = 'u';
	else if (c && strchr("eEfFgGaA", c))
		cls = 'f';
	else if (c == 's' || c == 'S')
		cls = c == 'S' || len == 'l' ? 'w' : 's';
	else if (c == 'c' || c == 'C')
		cls = c == 'C' || len == 'l' ? 'W' : 'i';
	else if (c == 'p')
		cls = 'p';
	else if (c == 'm')
		return p;
	else if (c == 'n') {
		g->bad = true;
		return p;
	} else
		cls = '?';
	if (positional) {
		/* kept whole: "$" then the directive as written */
		for (const char *q = start; q < p; q++)
			add(g, '$', *q);
		return p;
	}
	add(g, cls, len);
	return p;
}

static void signature(const char *s, struct sig *g)
{
	memset(g, 0, sizeof *g);
	for (const char *p = s; *p;) {
		if (p[0] != '%') {
			p++;
		} else if (p[1] == '%') {
			p += 2;
		} else {
			p = directive(p + 1, g);
		}
	}
}

static void check_translation(const struct catalog *c, const char *ctx, const char *id)
{
	const char *t = catalog_get(c, ctx, id);
	if (!t)
		fuzz_fail("catalog_get gave NULL");
	if (t == id)
		return;
	struct sig e, s;
	signature(id, &e);
	signature(t, &s);
	if (s.bad || strcmp(e.s, s.s) != 0)
		fuzz_fail("catalog_get gave a translation whose printf directives do not take the "
			  "English's arguments: msgid \"%s\" (%s) msgstr \"%s\" (%s%s)",
			  id, e.s, t, s.s, s.bad ? ", %n" : "");
	if (fuzz_has_control(t, strlen(t), 0))
		fuzz_fail("catalog_get gave a translation with a control character (msgid \"%s\")",
			  id);
	if (!catalog_translated(c, ctx, id))
		fuzz_fail("catalog_get translated \"%s\", catalog_translated says it is not", id);
}

static void lookups(const struct catalog *c)
{
	size_t n;
	const struct catalog_entry *e = catalog_entries(c, &n);
	for (size_t i = 0; i < n; i++) {
		if (!catalog_has(c, e[i].ctx, e[i].id))
			fuzz_fail("catalog_has misses entry %zu (line %d)", i, e[i].line);
		check_translation(c, e[i].ctx, e[i].id);
		check_translation(c, NULL, e[i].id);
		check_translation(c, "fuzz.no-such-context", e[i].id);
		if (e[i].ctx)
			check_translation(c, e[i].ctx, e[i].ctx);
		free(catalog_placeholders(e[i].id));
		free(catalog_placeholders(e[i].str));
		catalog_placeholders_agree(e[i].id, e[i].str);
	}
	check_translation(c, NULL, "");
	if (!catalog_lang(c) || !catalog_name(c) || !catalog_path(c))
		fuzz_fail("a header fact is NULL");
	catalog_reviewed(c);
	catalog_rtl(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_write("fz.po", data, size);
	struct diags d = { 0 };
	struct catalog *c = catalog_load(path, &d);
	if (c && d.n)
		fuzz_fail("a catalog loaded with %zu problems", d.n);
	diags_print(&d, fuzz_sink());
	diags_free(&d);
	if (c) {
		lookups(c);
		catalog_free(c);
	}
	return 0;
}
