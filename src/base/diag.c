#include "base/diag.h"

#include <stdarg.h>
#include <stdlib.h>

#include "base/xalloc.h"

void diags_add(struct diags *d, const char *file, int line, int col,
	       const char *fmt, ...)
{
	xgrow((void **)&d->v, &d->cap, d->n + 1, sizeof *d->v);
	struct diag *g = &d->v[d->n++];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	g->msg = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	va_start(ap, fmt);
	vsnprintf(g->msg, n > 0 ? (size_t)n + 1 : 1, fmt, ap);
	va_end(ap);
	g->file = file ? xstrdup(file) : NULL;
	g->line = line;
	g->col = col;
}

void diags_print(const struct diags *d, FILE *out)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->file && g->line > 0 && g->col > 0)
			fprintf(out, "%s:%d:%d: error: %s\n", g->file, g->line, g->col, g->msg);
		else if (g->file && g->line > 0)
			fprintf(out, "%s:%d: error: %s\n", g->file, g->line, g->msg);
		else if (g->file)
			fprintf(out, "%s: error: %s\n", g->file, g->msg);
		else
			fprintf(out, "error: %s\n", g->msg);
	}
}

void diags_free(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}
