#include "tui/bidi.h"

#include <fribidi.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

/* Mirrored brackets, marks after their base, Arabic presentation forms
 * without ligatures (a ligature would leave a cell empty). */
enum {
	FLAGS = FRIBIDI_FLAG_SHAPE_MIRRORING | FRIBIDI_FLAG_REORDER_NSM |
		FRIBIDI_FLAG_SHAPE_ARAB_PRES
};

/* The invisible marks and isolates that steer the algorithm. */
static bool is_mark(uint32_t cp)
{
	return cp == 0x200E || cp == 0x200F || cp == 0x061C || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

int bidi_visual(const char *s, struct bidi_row *out)
{
	size_t len = strlen(s), n = 0;
	memset(out, 0, sizeof *out);
	FriBidiChar *str = xmalloc((len + 1) * sizeof *str);
	size_t *from = xmalloc((len + 1) * sizeof *from);
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		size_t k = text_decode(s + i, len - i, &cp);
		if (k == 0) {
			free(str);
			free(from);
			return -1;
		}
		str[n] = cp;
		from[n] = i;
		i += k;
	}
	FriBidiCharType *types = xmalloc((n + 1) * sizeof *types);
	FriBidiBracketType *brackets = xmalloc((n + 1) * sizeof *brackets);
	FriBidiLevel *levels = xmalloc((n + 1) * sizeof *levels);
	FriBidiArabicProp *joining = xmalloc((n + 1) * sizeof *joining);
	FriBidiStrIndex *map = xmalloc((n + 1) * sizeof *map);
	FriBidiParType base = FRIBIDI_PAR_RTL;
	fribidi_get_bidi_types(str, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(str, (FriBidiStrIndex)n, types, brackets);
	int ok = n == 0 || fribidi_get_par_embedding_levels_ex(types, brackets, (FriBidiStrIndex)n,
							       &base, levels) != 0;
	if (ok && n) {
		fribidi_get_joining_types(str, (FriBidiStrIndex)n, joining);
		fribidi_join_arabic(types, (FriBidiStrIndex)n, levels, joining);
		fribidi_shape(FLAGS, levels, (FriBidiStrIndex)n, joining, str);
		for (size_t i = 0; i < n; i++)
			map[i] = (FriBidiStrIndex)i;
		ok = fribidi_reorder_line(FLAGS, types, (FriBidiStrIndex)n, 0, base, levels, str,
					  map) != 0;
	}
	if (ok) {
		out->cp = xmalloc((n + 1) * sizeof *out->cp);
		out->from = xmalloc((n + 1) * sizeof *out->from);
		for (size_t v = 0; v < n; v++) {
			if (is_mark(str[v]))
				continue;	/* it did its work; a terminal would show it */
			out->cp[out->n] = str[v];
			out->from[out->n++] = from[map[v]];
		}
	}
	free(types);
	free(brackets);
	free(levels);
	free(joining);
	free(map);
	free(str);
	free(from);
	return ok ? 0 : -1;
}

void bidi_row_free(struct bidi_row *r)
{
	free(r->cp);
	free(r->from);
	memset(r, 0, sizeof *r);
}
