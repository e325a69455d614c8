/* facts: the facts table's rows, and a case's facts as values (facts.h). */
#include "domain/facts.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/assess.h"

static const struct row {
	const char *column, *name, *by, *help;
	enum fact_kind kind;
	enum fact_source source;
} rows[FACT_COUNT] = {
#define FACT_X_ROW(e, col, nm, b, k, src, h) \
	{ .column = #col, .name = nm, .by = b, .help = h, .kind = FACT_##k, .source = FACT_FROM_##src },
	FACT_TABLE(FACT_X_ROW)
#undef FACT_X_ROW
};

static const struct row *row_of(enum fact f)
{
	static const struct row none = { "", "?", "?", "", FACT_ONE, FACT_FROM_CASE };
	return (unsigned)f < FACT_COUNT ? &rows[f] : &none;
}

const char *fact_name(enum fact f)
{
	return row_of(f)->name;
}

const char *fact_by(enum fact f)
{
	return row_of(f)->by;
}

const char *fact_column(enum fact f)
{
	return row_of(f)->column;
}

const char *fact_help(enum fact f)
{
	return row_of(f)->help;
}

enum fact_kind fact_kind(enum fact f)
{
	return row_of(f)->kind;
}

enum fact_source fact_source(enum fact f)
{
	return row_of(f)->source;
}

int fact_find(const char *name)
{
	for (int f = 0; f < FACT_COUNT; f++)
		if (strcmp(rows[f].name, name) == 0)
			return f;
	return -1;
}

int fact_by_find(const char *by)
{
	for (int f = 0; f < FACT_COUNT; f++)
		if (strcmp(rows[f].by, by) == 0)
			return f;
	return -1;
}

const char *fact_group(enum fact f, int i, const char **value)
{
	if (f != FACT_CHILD || i < 0 || i > CHILD_UNKNOWN)
		return NULL;
	*value = assess_child_name((enum child_status)i);
	return assess_age_group((enum child_status)i);
}

void facts_set(struct facts *fs, enum fact f, const char *value)
{
	for (size_t i = 0; i < fs->n; i++) {
		if (fs->v[i].fact != f)
			continue;
		if (fact_kind(f) == FACT_ONE) {
			free(fs->v[i].value);
			fs->v[i].value = xstrdup(value);
			return;
		}
		if (strcmp(fs->v[i].value, value) == 0)
			return;
	}
	xgrow((void **)&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
	fs->v[fs->n++] = (struct fact_value){ f, xstrdup(value) };
}

const char *facts_get(const struct facts *fs, enum fact f)
{
	for (size_t i = 0; i < fs->n; i++)
		if (fs->v[i].fact == f)
			return fs->v[i].value;
	return NULL;
}

void facts_free(struct facts *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->v[i].value);
	free(fs->v);
	memset(fs, 0, sizeof *fs);
}
