/* office stats: counts of the stored cases by the fields of --by, small
 * cells suppressed (kanon.h, k of --k, 11 by default), as text or CSV. The
 * database groups (GROUP BY over the clear columns); this file then splits
 * the forms of exploitation (a case with two forms counts under each),
 * maps the child status to an age group, and suppresses. Every export is
 * written to the audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "office/kanon.h"
#include "office/office.h"

/* The fields --by can name, and the column each comes from. */
static const struct field {
	const char *name, *column;
} fields[] = {
	{ "month", "month" }, { "role", "role" }, { "outcome", "outcome" }, { "form", "forms" },
	{ "age-group", "child" }, { "place", "place" }, { "interpreter", "interpreter" },
	{ "deck-version", "deck_version" },
};
enum { NFIELD = sizeof fields / sizeof fields[0], MAXBY = NFIELD };

/* The age group of a child status (assess_child_name). */
static const char *age_group(const char *child)
{
	static const char *const map[][2] = {
		{ "yes", "child" }, { "presumed", "child" }, { "no", "adult" },
	};
	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (strcmp(child, map[i][0]) == 0)
			return map[i][1];
	return "unknown";
}

struct table {
	int by[MAXBY];	/* indexes into fields */
	size_t nby;
	char **key;	/* ncell * nby values */
	struct kanon_cell *cell;
	size_t ncell, cap;
};

/* Adds count to the cell of vals (nby values), making it if new. */
static void add_cell(struct table *t, const char *const *vals, long long count)
{
	for (size_t i = 0; i < t->ncell; i++) {
		size_t d = 0;
		while (d < t->nby && strcmp(t->key[i * t->nby + d], vals[d]) == 0)
			d++;
		if (d == t->nby) {
			t->cell[i].count += count;
			return;
		}
	}
	if (t->ncell == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cell = xrealloc(t->cell, t->cap * sizeof *t->cell);
		t->key = xrealloc(t->key, t->cap * (t->nby ? t->nby : 1) * sizeof *t->key);
	}
	for (size_t d = 0; d < t->nby; d++)
		t->key[t->ncell * t->nby + d] = xstrdup(vals[d]);
	t->cell[t->ncell].count = count;
	t->ncell++;
}

/* Expands one grouped row: the forms list into one value each. */
static void add_row(struct table *t, const char **vals, size_t d, const char *const *row,
		    long long count)
{
	if (d == t->nby) {
		add_cell(t, vals, count);
		return;
	}
	const char *v = row[d] ? row[d] : "";
	const char *col = fields[t->by[d]].column;
	if (strcmp(col, "child") == 0) {
		vals[d] = age_group(v);
		add_row(t, vals, d + 1, row, count);
	} else if (strcmp(col, "forms") == 0 && strchr(v, ',')) {
		for (const char *p = v; *p;) {
			size_t n = strcspn(p, ",");
			char *one = xasprintf("%.*s", (int)n, p);
			vals[d] = one;
			add_row(t, vals, d + 1, row, count);
			free(one);
			p += n + (p[n] == ',');
		}
	} else {
		vals[d] = *v ? v : "none";
		add_row(t, vals, d + 1, row, count);
	}
}

static int take_row(void *arg, int ncol, const char *const *row)
{
	struct table *t = arg;
	const char *vals[MAXBY];
	if ((size_t)ncol == t->nby + 1)
		add_row(t, vals, 0, row, atoll(row[t->nby] ? row[t->nby] : "0"));
	return 0;
}

/* Parses --by into t->by: 0, or -1 after saying what was expected. */
static int parse_by(const char *by, struct table *t)
{
	for (const char *p = by; *p;) {
		size_t n = strcspn(p, ","), f = 0;
		while (f < NFIELD && (strlen(fields[f].name) != n || strncmp(p, fields[f].name, n) != 0))
			f++;
		if (f == NFIELD || t->nby == MAXBY) {
			fprintf(stderr, "tipscreen: --by: '%.*s' is not a field: expected a comma-separated "
				"list of month, role, outcome, form, age-group, place, interpreter, "
				"deck-version\n", (int)n, p);
			return -1;
		}
		for (size_t d = 0; d < t->nby; d++)
			if (t->by[d] == (int)f) {
				fprintf(stderr, "tipscreen: --by: '%s' twice\n", fields[f].name);
				return -1;
			}
		t->by[t->nby++] = (int)f;
		p += n + (p[n] == ',');
	}
	return 0;
}

static int compare_cells(const struct table *t, size_t a, size_t b)
{
	for (size_t d = 0; d < t->nby; d++) {
		int c = strcmp(t->key[a * t->nby + d], t->key[b * t->nby + d]);
		if (c)
			return c;
	}
	return 0;
}

/* Sorts the cells by their values (insertion: tables are small). */
static void sort_cells(struct table *t)
{
	char **tmp = xmalloc((t->nby ? t->nby : 1) * sizeof *tmp);
	for (size_t i = 1; i < t->ncell; i++)
		for (size_t j = i; j > 0 && compare_cells(t, j - 1, j) > 0; j--) {
			struct kanon_cell c = t->cell[j];
			t->cell[j] = t->cell[j - 1];
			t->cell[j - 1] = c;
			memcpy(tmp, &t->key[j * t->nby], t->nby * sizeof *tmp);
			memcpy(&t->key[j * t->nby], &t->key[(j - 1) * t->nby], t->nby * sizeof *tmp);
			memcpy(&t->key[(j - 1) * t->nby], tmp, t->nby * sizeof *tmp);
		}
	free(tmp);
}

/* Codes for kanon: equal values of a dimension get equal ints. */
static int *codes(const struct table *t)
{
	int *k = xcalloc(t->ncell * (t->nby ? t->nby : 1), sizeof *k);
	for (size_t d = 0; d < t->nby; d++)
		for (size_t i = 0; i < t->ncell; i++) {
			size_t j = 0;
			while (strcmp(t->key[j * t->nby + d], t->key[i * t->nby + d]) != 0)
				j++;
			k[i * t->nby + d] = (int)j;
		}
	return k;
}

/* A CSV value: quoted when needed, a leading = + - @ defused. */
static void csv_value(FILE *out, const char *v)
{
	bool quote = strpbrk(v, ",\"\r\n") || strchr("=+-@", *v) != NULL;
	if (!*v)
		quote = false;
	if (!quote) {
		fputs(v, out);
		return;
	}
	fputc('"', out);
	if (strchr("=+-@", *v))
		fputc('\'', out);
	for (; *v; v++)
		fputs(*v == '"' ? "\"\"" : (char[]){ *v, 0 }, out);
	fputc('"', out);
}

static void print_table(const struct office_ctx *o, const struct table *t, long long k, bool csv)
{
	char buf[24];
	long long total = 0;
	for (size_t d = 0; d < t->nby; d++) {
		if (csv)
			fprintf(o->out, "%s,", fields[t->by[d]].name);
		else
			fprintf(o->out, "%-22s ", fields[t->by[d]].name);
	}
	fputs("count\n", o->out);
	for (size_t i = 0; i < t->ncell; i++) {
		for (size_t d = 0; d < t->nby; d++) {
			if (csv) {
				csv_value(o->out, t->key[i * t->nby + d]);
				fputc(',', o->out);
			} else {
				fprintf(o->out, "%-22s ", t->key[i * t->nby + d]);
			}
		}
		fprintf(o->out, "%s\n", kanon_show(t->cell[i].count, t->cell[i].state, k, buf));
		total += t->cell[i].count;
	}
	if (csv)
		return;
	fprintf(o->out, "total %s\n", kanon_show(total, kanon_state_of(total, k > 1 ? k : 0), k, buf));
	if (k > 1)
		fprintf(o->out, "k = %lld: <%lld is a count from 1 to %lld; * is hidden so that totals "
			"cannot reveal such a count. A case with several forms of exploitation counts "
			"under each.\n", k, k, k - 1);
}

static void free_table(struct table *t)
{
	for (size_t i = 0; i < t->ncell * t->nby; i++)
		free(t->key[i]);
	free(t->key);
	free(t->cell);
}

int office_stats(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	struct table t = { .nby = 0 };
	const char *by = o->by ? o->by : "month,outcome";
	long long k = o->k ? o->k : 11;
	const char *format = o->format ? o->format : "txt";
	bool csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "txt") != 0) {
		fprintf(stderr, "tipscreen: office stats --format takes txt or csv, not '%s'\n", format);
		return EXIT_INPUT;
	}
	if (parse_by(by, &t) < 0)
		return EXIT_INPUT;
	char cols[256] = "", sql[768];
	for (size_t d = 0; d < t.nby; d++)
		snprintf(cols + strlen(cols), sizeof cols - strlen(cols), "%s%s", d ? ", " : "",
			 fields[t.by[d]].column);
	if (t.nby)
		snprintf(sql, sizeof sql, "SELECT %s, COUNT(*) FROM cases GROUP BY %s", cols, cols);
	else
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM cases");
	char detail[320];
	snprintf(detail, sizeof detail, "by %s, k %lld, %s", by, k, format);
	int rc = db_exec(db, sql, NULL, 0, take_row, &t);
	if (rc == DB_OK)
		rc = db_audit(db, "stats", "cases", detail, NULL);
	if (rc != DB_OK) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		free_table(&t);
		return EXIT_RUNTIME;
	}
	sort_cells(&t);
	int *keys = codes(&t);
	kanon_suppress(t.cell, keys, t.ncell, t.nby, k);
	free(keys);
	print_table(o, &t, k, csv);
	free_table(&t);
	return EXIT_OK;
}
