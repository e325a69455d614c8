#include "domain/report_lines.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

struct report_line *report_line_add(struct report *r, enum report_section sec, const char *indent,
				    char *text)
{
	r->v = xrealloc(r->v, (r->n + 1) * sizeof *r->v);
	struct report_line *l = &r->v[r->n++];
	memset(l, 0, sizeof *l);
	l->section = sec;
	l->indent = indent;
	l->text = text;
	return l;
}

void report_add(struct report *r, enum report_section sec, const char *indent, char *text)
{
	report_line_add(r, sec, indent, text);
}

void report_take(struct report *r, struct report *from)
{
	r->v = xrealloc(r->v, (r->n + from->n + 1) * sizeof *r->v);
	if (from->n)
		memcpy(r->v + r->n, from->v, from->n * sizeof *r->v);
	r->n += from->n;
	free(from->v);
	memset(from, 0, sizeof *from);
}

void report_free(struct report *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->v[i].text);
		free(r->v[i].spans);
	}
	free(r->v);
	memset(r, 0, sizeof *r);
}
