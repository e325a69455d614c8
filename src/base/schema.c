#include "base/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/suggest.h"
#include "base/xalloc.h"

char *schema_join(const char *const *words, size_t n)
{
	char *s = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&s, &len);
	if (!out)
		return xstrdup("");
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", words[i]);
	fclose(out);
	return s;
}

bool schema_is_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '.'))
			return false;
	return true;
}

/* The row of key in s, or -1. */
static int find(const struct schema *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if ((s->exact ? strcmp : strcasecmp)(s->f[i].key, key) == 0)
			return (int)i;
	return -1;
}

/* The keys that may be suggested or listed: a new array of borrowed keys. */
static const char **listed(const struct schema *s, size_t *n)
{
	const char **v = xmalloc((s->n + 1) * sizeof *v);
	*n = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!(s->f[i].flags & SCHEMA_UNLISTED))
			v[(*n)++] = s->f[i].key;
	return v;
}

static void unknown(const struct schema *s, const struct field *f, const char *path,
		    struct diags *d)
{
	size_t n;
	const char **keys = listed(s, &n);
	const char *near = suggest_nearest(f->key, keys, n);
	if (near) {
		diags_add(d, path, f->line, f->col, "unknown field '%s' in %s (did you mean '%s'?)",
			  f->key, s->what, near);
	} else if (s->expected) {
		diags_add(d, path, f->line, f->col, "unknown field '%s' in %s: expected %s", f->key,
			  s->what, s->expected);
	} else {
		char *all = schema_join(keys, n);
		diags_add(d, path, f->line, f->col, "unknown field '%s' in %s: expected %s", f->key,
			  s->what, all);
		free(all);
	}
	free(keys);
}

void schema_given_twice(const struct field *f, int first_line, const char *path,
			struct diags *d)
{
	diags_add(d, path, f->line, f->col, "field '%s' is given twice (first at line %d)", f->key,
		  first_line);
}

/* The first field before f with f's key, or NULL. */
static const struct field *earlier(const struct schema *s, const struct stanza *st,
				   const struct field *f)
{
	for (const struct field *g = st->f; g < f; g++)
		if ((s->exact ? strcmp : strcasecmp)(g->key, f->key) == 0)
			return g;
	return NULL;
}

/* Whether f passes its row's rules; false after a diagnostic. */
static bool field_ok(const struct schema *s, const struct schema_field *row,
		     const struct stanza *st, const struct field *f, const char *path,
		     struct diags *d)
{
	const struct field *first = earlier(s, st, f);
	if (first && !(row->flags & SCHEMA_REPEATS)) {
		schema_given_twice(f, first->line, path, d);
		return false;
	}
	if ((row->flags & SCHEMA_NONEMPTY) && !*f->value) {
		diags_add(d, path, f->line, f->col, "field '%s' is empty: expected a value", f->key);
		return false;
	}
	return true;
}

static bool present(const struct schema *s, const struct stanza *st, const char *key)
{
	for (size_t i = 0; i < st->n; i++)
		if ((s->exact ? strcmp : strcasecmp)(st->f[i].key, key) == 0)
			return true;
	return false;
}

size_t schema_read(const struct schema *s, const struct stanza *st, const char *path,
		   void *obj, struct diags *d)
{
	size_t before = d->n;
	for (size_t i = 0; i < st->n; i++) {
		const struct field *f = &st->f[i];
		int k = find(s, f->key);
		if (k < 0)
			unknown(s, f, path, d);
		else if (field_ok(s, &s->f[k], st, f, path, d) && s->f[k].take)
			s->f[k].take(obj, f);
	}
	for (size_t k = 0; k < s->n; k++)
		if ((s->f[k].flags & SCHEMA_REQUIRED) && !present(s, st, s->f[k].key))
			diags_add(d, path, st->line, 1, "%s has no '%s:' field", s->what, s->f[k].key);
	return d->n - before;
}

int schema_word(const struct field *f, const char *const *words, size_t n, const char *path,
		struct diags *d)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(f->value, words[i]) == 0)
			return (int)i;
	const char *near = suggest_nearest(f->value, words, n);
	char *all = schema_join(words, n);
	diags_add(d, path, f->vline, f->vcol, "'%s' is not a value for %s: expected %s%s%s%s",
		  f->value, f->key, all, near ? " (did you mean '" : "", near ? near : "",
		  near ? "'?)" : "");
	free(all);
	return -1;
}
