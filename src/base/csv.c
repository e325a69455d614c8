#include "base/csv.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

/* Characters that show nothing and would hide what a cell starts with: soft
 * hyphen, zero-width and joiner characters, word joiners and invisible
 * operators, variation selectors, the byte order mark, tags. */
static bool invisible(uint32_t c)
{
	return c == 0xAD || c == 0x34F || c == 0x180E || (c >= 0x200B && c <= 0x200F) ||
	       (c >= 0x2060 && c <= 0x206F) || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF ||
	       (c >= 0xFFF0 && c <= 0xFFFB) || (c >= 0xE0000 && c <= 0xE0FFF);
}

/* Spreadsheet formula starters that some charsets turn into = + - @. */
static bool formula_lookalike(uint32_t c)
{
	static const uint32_t v[] = { 0xFF1D, 0xFF0B, 0xFF0D, 0xFF20, 0xFE66, 0xFE62, 0xFE63, 0xFE6B,
				      0x2212, 0x207A, 0x208A, 0x207C, 0x208C };
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		if (c == v[i])
			return true;
	return false;
}

/* s sanitised, without invisible characters, newlines as spaces; *first
 * receives its first code point (0 if empty). */
static char *clean(const char *s, uint32_t *first)
{
	char *c = text_sanitize(s);
	size_t o = 0, n = strlen(c);
	*first = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_decode(c + i, n - i, &cp);	/* valid: sanitised */
		if (!invisible(cp)) {
			if (!*first)
				*first = cp;
			memmove(c + o, c + i, k);
			if (cp == '\n')
				c[o] = ' ';
			o += k;
		}
		i += k;
	}
	c[o] = '\0';
	return c;
}

int csv_field(FILE *out, const char *s, const char *charset, enum csv_quote quote)
{
	uint32_t first;
	char *c = clean(s, &first);
	char *conv = charset ? text_convert(c, "UTF-8", charset) : NULL;
	const char *v = charset ? conv : c;
	if (!v) {
		free(c);
		return -1;
	}
	bool guard = (v[0] && strchr("=+-@\t\r", v[0])) || formula_lookalike(first);
	bool quoted = quote == CSV_QUOTE_ALL || guard || strpbrk(v, ",\"\r\n");
	if (quoted)
		fputc('"', out);
	if (guard)
		fputc('\'', out);
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	if (quoted)
		fputc('"', out);
	free(conv);
	free(c);
	return 0;
}
