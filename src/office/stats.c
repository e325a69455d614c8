/* office stats: counts of the stored cases by the facts of --by (the
 * facts table, domain/facts.h), small cells suppressed (kanon.h, k of
 * --k, 11 by default), as text or CSV. The cases are counted here, from
 * the rows db_cases_check authenticated (their values as publish.h maps
 * them: a missing value "none", the child status by age group, a case
 * with two forms under each): one sort of the cases' cell keys, so the
 * cost is near-linear in cases and cells. This file sorts the cells, and
 * publish.h suppresses them (kanon, then against the earlier exports of
 * the same data) and records the export. Every export is written to the
 * audit log. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/xalloc.h"
#include "domain/facts.h"
#include "office/intern.h"
#include "office/kanon.h"
#include "office/office.h"
#include "office/publish.h"
#include "store/keyfile.h"
#include "store/seal.h"

enum { MAXBY = FACT_COUNT };

/* Appends a cell (the database grouped: each row is a cell of its own). */
static void add_cell(struct publish_table *t, const char *const *vals, long long count)
{
	if (t->ncell == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->cell = xrealloc(t->cell, t->cap * sizeof *t->cell);
		t->key = xrealloc(t->key, t->cap * (t->nby ? t->nby : 1) * sizeof *t->key);
	}
	for (size_t d = 0; d < t->nby; d++)
		t->key[t->ncell * t->nby + d] = xstrdup(vals[d] ? vals[d] : FACT_NONE);
	t->cell[t->ncell].count = count;
	t->ncell++;
}

/* Parses --by into t->by: 0, or -1 after saying what was expected. */
static int parse_by(const char *by, struct publish_table *t)
{
	for (const char *p = by; *p;) {
		size_t n = strcspn(p, ",");
		char *name = xstrndup(p, n);
		int f = fact_by_find(name);
		free(name);
		if (f < 0 || t->nby == MAXBY) {
			fprintf(stderr, "tipscreen: --by: '%.*s' is not a field: expected a comma-separated "
				"list of %s", (int)n, p, fact_by(0));
			for (int k = 1; k < FACT_COUNT; k++)
				fprintf(stderr, "%s%s", k + 1 < FACT_COUNT ? ", " : " or ", fact_by(k));
			fputc('\n', stderr);
			return -1;
		}
		for (size_t d = 0; d < t->nby; d++)
			if (t->by[d] == f) {
				fprintf(stderr, "tipscreen: --by: '%s' twice\n", fact_by(f));
				return -1;
			}
		t->by[t->nby++] = f;
		p += n + (p[n] == ',');
	}
	return 0;
}

/* The pieces a value of dimension d counts under (a ONE fact's value; each
 * value of a set, "none" for none, at most MAXV of them), each up to its
 * '\n': into out (borrowed from v), how many. */
enum { MAXV = 64 };

static size_t pieces_of(const char *v, enum fact f, const char **out)
{
	if (fact_kind(f) != FACT_SET) {
		out[0] = v;
		return 1;
	}
	if (!*v) {
		out[0] = FACT_NONE;
		return 1;
	}
	size_t n = 0;
	for (; *v && n < MAXV; v += strcspn(v, "\n") + (v[strcspn(v, "\n")] == '\n'))
		out[n++] = v;
	return n;
}

/* One dimension of the table: the cells' values along it (interned), and
 * for each of the fact's distinct values (p's codes) the ranks, by strcmp,
 * of the pieces it counts under: list[first[v]] … list[first[v + 1] - 1].
 * Owned: dimension_free. */
struct dimension {
	struct intern piece;
	size_t *first, *list, *order;	/* order[rank]: the piece's code */
};

static void dimension_make(const struct publish *p, enum fact f, struct dimension *dm)
{
	const struct intern *values = &p->value[f];
	memset(dm, 0, sizeof *dm);
	dm->first = xcalloc(values->n + 1, sizeof *dm->first);
	size_t n = 0, cap = 0;
	for (size_t v = 0; v < values->n; v++) {
		const char *got[MAXV];
		size_t k = pieces_of(intern_str(values, v), f, got);
		xgrow((void **)&dm->list, &cap, n + k + 1, sizeof *dm->list);
		for (size_t j = 0; j < k; j++)
			dm->list[n++] = intern_add(&dm->piece, got[j], strcspn(got[j], "\n"));
		dm->first[v + 1] = n;
	}
	size_t *rank = intern_rank(&dm->piece);
	dm->order = xcalloc(dm->piece.n + 1, sizeof *dm->order);
	for (size_t c = 0; c < dm->piece.n; c++)
		dm->order[rank[c]] = c;
	for (size_t j = 0; j < n; j++)
		dm->list[j] = rank[dm->list[j]];
	free(rank);
}

static void dimension_free(struct dimension *dm)
{
	intern_free(&dm->piece);
	free(dm->first);
	free(dm->list);
	free(dm->order);
}

/* A cell a case counts in: the ranks of its pieces, 0 past nby. */
struct cellkey {
	size_t r[MAXBY];
};

static int compare_cellkey(const void *a, const void *b)
{
	const struct cellkey *x = a, *y = b;
	for (size_t d = 0; d < MAXBY; d++)
		if (x->r[d] != y->r[d])
			return x->r[d] < y->r[d] ? -1 : 1;
	return 0;
}

/* Appends to *keys (grown) the cells case c counts in: each combination
 * of its pieces along the dimensions. */
static void case_keys(const struct publish *p, size_t c, const struct publish_table *t,
		      const struct dimension *dm, struct cellkey **keys, size_t *n, size_t *cap)
{
	size_t lo[MAXBY], hi[MAXBY], at[MAXBY];
	for (size_t d = 0; d < t->nby; d++) {
		size_t v = p->code[c * FACT_COUNT + t->by[d]];
		lo[d] = at[d] = dm[d].first[v];
		hi[d] = dm[d].first[v + 1];
	}
	for (bool more = true; more;) {
		xgrow((void **)keys, cap, *n + 1, sizeof **keys);
		struct cellkey *k = &(*keys)[(*n)++];
		memset(k, 0, sizeof *k);
		for (size_t d = 0; d < t->nby; d++)
			k->r[d] = dm[d].list[at[d]];
		size_t d = 0;
		while (d < t->nby && ++at[d] == hi[d])
			at[d] = lo[d], d++;
		more = d < t->nby;
	}
}

/* Counts the cases db_cases_check authenticated (p, their values mapped
 * as publish.h says: "none", the age group, a set's values) into t's
 * cells, sorted by their values (strcmp, dimension by dimension): what is
 * counted is exactly what was checked, and the count is one sort of the
 * cases' cells as ranks of their values, near-linear in the cases. */
static void count_cells(const struct publish *p, struct publish_table *t)
{
	struct dimension dm[MAXBY];
	for (size_t d = 0; d < t->nby; d++)
		dimension_make(p, t->by[d], &dm[d]);
	struct cellkey *keys = NULL;
	size_t n = 0, cap = 0;
	for (size_t c = 0; c < p->n; c++)
		case_keys(p, c, t, dm, &keys, &n, &cap);
	qsort(keys, n, sizeof *keys, compare_cellkey);
	const char *vals[MAXBY];
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && compare_cellkey(&keys[j], &keys[i]) == 0; j++)
			;
		for (size_t d = 0; d < t->nby; d++)
			vals[d] = intern_str(&dm[d].piece, dm[d].order[keys[i].r[d]]);
		add_cell(t, vals, (long long)(j - i));
	}
	free(keys);
	for (size_t d = 0; d < t->nby; d++)
		dimension_free(&dm[d]);
}

/* s left-aligned in width columns, then two spaces: "%-*s  " without
 * printf's cost (a table of 50,000 cells prints 250,000 of them). */
static void put_column(FILE *out, const char *s, int width)
{
	fputs(s, out);
	for (int n = width - (int)strlen(s); n > -2; n--)
		fputc(' ', out);
}

/* The width of column d: its name's, or its longest value's (a form such
 * as practices-similar-to-slavery is longer than the names). */
static int column_width(const struct publish_table *t, size_t d)
{
	size_t w = strlen(fact_by(t->by[d]));
	for (size_t i = 0; i < t->ncell; i++)
		if (strlen(t->key[i * t->nby + d]) > w)
			w = strlen(t->key[i * t->nby + d]);
	return (int)w;
}

static void print_table(const struct office_ctx *o, const struct publish_table *t, long long k, bool csv)
{
	char buf[24];
	long long total = 0;
	int *width = xcalloc(t->nby, sizeof *width);	/* once: a pass over every cell */
	for (size_t d = 0; d < t->nby && !csv; d++)
		width[d] = column_width(t, d);
	for (size_t d = 0; d < t->nby; d++) {
		if (csv)
			fprintf(o->out, "%s,", fact_by(t->by[d]));
		else
			put_column(o->out, fact_by(t->by[d]), width[d]);
	}
	fputs("count\n", o->out);
	for (size_t i = 0; i < t->ncell; i++) {
		for (size_t d = 0; d < t->nby; d++) {
			if (csv) {
				csv_field(o->out, t->key[i * t->nby + d], NULL, CSV_QUOTE_NEEDED);
				fputc(',', o->out);
			} else {
				put_column(o->out, t->key[i * t->nby + d], width[d]);
			}
		}
		fprintf(o->out, "%s\n", kanon_show(t->cell[i].count, t->cell[i].state, k, buf));
		total += t->cell[i].count;
	}
	free(width);
	if (csv)
		return;
	fprintf(o->out, "total %s\n", t->total_hidden ? "*" :
		kanon_show(total, kanon_state_of(total, k > 1 ? k : 0), k, buf));
	if (k > 1)
		fprintf(o->out, "k = %lld: <%lld is a count from 1 to %lld; * is hidden so that totals "
			"cannot reveal such a count.", k, k, k - 1);
	else
		fputs("k = 1: every count is shown (not for publication).", o->out);
	fputs(" A case with several forms of exploitation (or flags) counts under each, so the "
	      "counts may add up to more than the total.\n", o->out);
}

/* One export: the rows checked against their MACs, counted, and the
 * export audited, in one transaction (what is counted is what was
 * checked). */
struct export {
	struct publish_table *t;
	const char *detail, *keyfp, *by;
	long long k;
};

static int stats_tx(struct db *db, void *arg)
{
	struct export *e = arg;
	publish_table_free(e->t);
	struct publish p;
	publish_init(&p);
	int rc = db_cases_check(db, publish_take, &p);
	if (rc == DB_OK) {
		count_cells(&p, e->t);
		rc = publish_protect(db, &p, e->t, e->k, e->by);
	}
	if (rc == DB_OK)
		rc = db_audit(db, "stats", "cases", e->detail, e->keyfp);
	publish_free(&p);
	return rc;
}

/* The cases of each laptop (its name, fingerprint and count): an
 * operational table for the office, not a publication (no small cell is
 * hidden, nothing is recorded as an export), from the authenticated rows,
 * audited. */
struct by_laptop {
	FILE *out;
	const char *keyfp;
	char *rows;	/* the printed table */
	size_t len;
};

static int take_laptop_count(void *arg, int ncol, const char *const *v)
{
	FILE *f = arg;
	char fp[64];
	if (ncol < 3)
		return 0;
	char *name = office_clean(v[1] ? v[1] : "-");
	long long n = atoll(v[2] ? v[2] : "0");
	fprintf(f, "%-24.24s  %-24s  %6lld case%s\n", name, office_laptop_shown(v[0], fp, sizeof fp),
		n, n == 1 ? "" : "s");
	free(name);
	return 0;
}

static int by_laptop_tx(struct db *db, void *arg)
{
	struct by_laptop *b = arg;
	free(b->rows);
	b->rows = NULL;
	FILE *f = open_memstream(&b->rows, &b->len);
	int rc = f ? db_cases_check(db, NULL, NULL) : DB_ERROR;
	if (rc == DB_OK)
		rc = db_exec(db, "SELECT c.laptop, (SELECT n.name FROM laptops n WHERE n.laptop = "
			     "c.laptop ORDER BY n.id DESC LIMIT 1), COUNT(*) FROM cases c GROUP BY "
			     "c.laptop ORDER BY c.laptop", NULL, 0, take_laptop_count, f);
	if (f)
		fclose(f);
	if (rc == DB_OK)
		rc = db_audit(db, "stats", "cases", "by laptop (operational counts, not published)",
			      b->keyfp);
	return rc;
}

static int stats_by_laptop(const struct office_ctx *o, struct db *db)
{
	if (o->format && strcmp(o->format, "txt") != 0) {
		fputs("tipscreen: error: office stats --by laptop is the office's own table (txt): "
		      "counts for publication are by the facts\n", stderr);
		return EXIT_INPUT;
	}
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *key = office_key(o, db, fp, &rc);
	if (!key)
		return rc;
	keyfile_secret_free(key);	/* taken by the store: only the rows' MACs need it */
	struct by_laptop b = { o->out, fp, NULL, 0 };
	rc = db_transact(db, by_laptop_tx, &b);
	if (rc != DB_OK) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		free(b.rows);
		return EXIT_RUNTIME;
	}
	fprintf(o->out, "%-24s  %-24s  %s\n%s", "laptop", "fingerprint", " cases", b.rows);
	fputs("Operational counts for the office (every count shown): not for publication.\n",
	      o->out);
	free(b.rows);
	return EXIT_OK;
}

/* Counts from the rows the office stored and authenticated: the office
 * key is needed to check them (and to authenticate the audit entry). */
int office_stats(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	struct publish_table t = { .nby = 0 };
	const char *by = o->by ? o->by : "month,outcome";
	if (strcmp(by, "laptop") == 0)
		return stats_by_laptop(o, db);
	long long k = o->k ? o->k : 11;
	const char *format = o->format ? o->format : "txt";
	bool csv = strcmp(format, "csv") == 0;
	if (!csv && strcmp(format, "txt") != 0) {
		fprintf(stderr, "tipscreen: office stats --format takes txt or csv, not '%s'\n", format);
		return EXIT_INPUT;
	}
	if (parse_by(by, &t) < 0)
		return EXIT_INPUT;
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *key = office_key(o, db, fp, &rc);
	if (!key) {
		publish_table_free(&t);
		return rc;
	}
	keyfile_secret_free(key);	/* taken by the store: only the rows' MACs need it */
	char *detail = xasprintf("by %s, k %lld, %s", by, k, format);
	struct export e = { &t, detail, fp, by, k };
	rc = db_transact(db, stats_tx, &e);
	free(detail);
	if (rc != DB_OK) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		publish_table_free(&t);
		return EXIT_RUNTIME;
	}
	print_table(o, &t, k, csv);
	publish_table_free(&t);
	return EXIT_OK;
}
