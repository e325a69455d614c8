/* publish: exports that cannot be differenced (publish.h). */
#include "office/publish.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/xalloc.h"
#include "office/disclose.h"

void publish_table_free(struct publish_table *t)
{
	for (size_t i = 0; i < t->ncell * t->nby; i++)
		free(t->key[i]);
	free(t->key);
	free(t->cell);
	t->key = NULL;
	t->cell = NULL;
	t->ncell = t->cap = 0;
}

void publish_init(struct publish *p)
{
	memset(p, 0, sizeof *p);
	crypto_generichash_init(&p->digest, NULL, 0, 32);
}

void publish_free(struct publish *p)
{
	for (int f = 0; f < FACT_COUNT; f++)
		intern_free(&p->value[f]);
	free(p->code);
	free(p->scratch);
	free(p->joined);
	memset(p, 0, sizeof *p);
}

const char *publish_value(const struct publish *p, size_t c, enum fact f)
{
	return intern_str(&p->value[f], p->code[c * FACT_COUNT + f]);
}

/* A ONE fact's value as stats.c's SQL counts it. */
static const char *one_value(const struct db_case *c, enum fact f)
{
	const char *v = facts_get(&c->facts, f), *stored, *group;
	v = v ? v : "";
	if (fact_group(f, 0, &stored)) {
		for (int i = 0; (group = fact_group(f, i, &stored)); i++)
			if (strcmp(v, stored) == 0)
				return group;
		return FACT_UNKNOWN;
	}
	return *v ? v : FACT_NONE;
}

/* A SET fact's values, sorted, one a line ("" for none), made in
 * p->joined (valid until the next call): its length. A case has few. */
static size_t set_value(struct publish *p, const struct db_case *c, enum fact f)
{
	xgrow((void **)&p->scratch, &p->nscratch, c->facts.n + 1, sizeof *p->scratch);
	size_t n = 0, len = 1;
	for (size_t i = 0; i < c->facts.n; i++)
		if (c->facts.v[i].fact == f && *c->facts.v[i].value) {
			const char *x = c->facts.v[i].value;
			size_t j = n++;
			for (; j > 0 && strcmp(p->scratch[j - 1], x) > 0; j--)
				p->scratch[j] = p->scratch[j - 1];
			p->scratch[j] = x;
			len += strlen(x) + 1;
		}
	xgrow((void **)&p->joined, &p->njoined, len, 1);
	char *out = p->joined;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(p->scratch[i]);
		memcpy(out, p->scratch[i], l);
		out += l;
		if (i + 1 < n)
			*out++ = '\n';
	}
	*out = '\0';
	return (size_t)(out - p->joined);
}

void publish_take(void *arg, const struct db_case *c)
{
	struct publish *p = arg;
	xgrow((void **)&p->code, &p->cap, (p->n + 1) * FACT_COUNT, sizeof *p->code);
	size_t *code = &p->code[p->n * FACT_COUNT];
	for (int f = 0; f < FACT_COUNT; f++) {
		if (fact_kind(f) == FACT_SET) {
			size_t len = set_value(p, c, f);
			code[f] = intern_add(&p->value[f], p->joined, len);
		} else {
			const char *v = one_value(c, f);
			code[f] = intern_add(&p->value[f], v, strlen(v));
		}
	}
	crypto_generichash_update(&p->digest, (const unsigned char *)c->mac, strlen(c->mac));
	p->n++;
}

/* How many times the case of values v counts in the total. */
static long long in_total(const struct publish_table *t, const char *const *v)
{
	long long m = 1;
	for (size_t d = 0; d < t->nby; d++)
		if (fact_kind(t->by[d]) == FACT_SET && *v[t->by[d]]) {
			long long n = 1;
			for (const char *s = v[t->by[d]]; *s; s++)
				n += *s == '\n';
			m *= n;
		}
	return m;
}

/* The earlier exports of the same data. */
struct history {
	struct publish_table *v;
	size_t n, cap;
};

static void history_free(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		publish_table_free(&h->v[i]);
	free(h->v);
}

/* "S\tCOUNT\tV1\tV2…" (shown), "H\tCOUNT\t…" (small), "C\tCOUNT\t…"
 * (complement), "T\tCOUNT" or "T\t-" (the total): one table's record. */
static char *cells_text(const struct publish_table *t)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return xstrdup("");
	static const char state[] = { [KANON_SHOWN] = 'S', [KANON_SMALL] = 'H',
				      [KANON_COMPLEMENT] = 'C' };
	long long total = 0;
	for (size_t i = 0; i < t->ncell; i++) {
		fprintf(f, "%c\t%lld", state[t->cell[i].state], t->cell[i].count);
		for (size_t d = 0; d < t->nby; d++) {	/* "\t%s" without printf's cost */
			fputc('\t', f);
			fputs(t->key[i * t->nby + d], f);
		}
		fputc('\n', f);
		total += t->cell[i].count;
	}
	if (t->total_hidden)
		fputs("T\t-\n", f);
	else
		fprintf(f, "T\t%lld\n", total);
	fclose(f);
	return out;
}

/* An earlier export's table from its record (by: comma-joined --by
 * names): 0, or -1 when it cannot be read. */
static int parse_table(const char *by, const char *cells, struct publish_table *t)
{
	memset(t, 0, sizeof *t);
	for (const char *p = by; *p && t->nby < FACT_COUNT;) {
		size_t n = strcspn(p, ",");
		char *name = xstrndup(p, n);
		int f = fact_by_find(name);
		free(name);
		if (f < 0)
			return -1;
		t->by[t->nby++] = f;
		p += n + (p[n] == ',');
	}
	for (const char *p = cells; *p;) {
		size_t n = strcspn(p, "\n");
		char *line = xstrndup(p, n), *save = NULL;
		char *st = strtok_r(line, "\t", &save), *count = strtok_r(NULL, "\t", &save);
		if (st && count && *st == 'T') {
			t->total_hidden = *count == '-';
		} else if (st && count) {
			xgrow((void **)&t->cell, &t->cap, t->ncell + 1, sizeof *t->cell);
			t->key = xrealloc(t->key, (t->ncell + 1) * (t->nby ? t->nby : 1) * sizeof *t->key);
			t->cell[t->ncell] = (struct kanon_cell){ atoll(count), *st == 'S' ? KANON_SHOWN :
								 *st == 'H' ? KANON_SMALL : KANON_COMPLEMENT };
			for (size_t d = 0; d < t->nby; d++) {
				char *v = strtok_r(NULL, "\t", &save);
				t->key[t->ncell * t->nby + d] = xstrdup(v ? v : "");
			}
			t->ncell++;
		}
		free(line);
		p += n + (p[n] == '\n');
	}
	return 0;
}

static int take_export(void *arg, int ncol, const char *const *v)
{
	struct history *h = arg;
	if (ncol < 2 || !v[0] || !v[1])
		return 0;
	xgrow((void **)&h->v, &h->cap, h->n + 1, sizeof *h->v);
	if (parse_table(v[0], v[1], &h->v[h->n]) == 0)
		h->n++;
	else
		publish_table_free(&h->v[h->n]);
	return 0;
}

/* The profiles: the distinct combinations of the values of fields (a bit
 * per fact) among the cases; rep[i] a case of profile i, count[i] how
 * many. */
struct profiles {
	size_t *rep, n;
	long long *count;
};

/* A case as sorted by the codes of its values of the fields. */
struct keyed {
	const size_t *code;
	unsigned fields;
	size_t c;
};

/* <0, 0 or >0 as x's values of the fields are before, the same as or
 * after y's (by their codes). */
static int compare_values(const struct keyed *x, const struct keyed *y)
{
	for (int f = 0; f < FACT_COUNT; f++)
		if ((x->fields & (1u << f)) && x->code[f] != y->code[f])
			return x->code[f] < y->code[f] ? -1 : 1;
	return 0;
}

static int compare_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = compare_values(x, y);
	return c ? c : (x->c > y->c) - (x->c < y->c);
}

/* The profiles in the order of their values' codes (any order does: a
 * count is given away or not whatever the order of the unknowns). */
static void make_profiles(const struct publish *p, unsigned fields, struct profiles *out)
{
	struct keyed *k = xcalloc(p->n + 1, sizeof *k);
	for (size_t c = 0; c < p->n; c++)
		k[c] = (struct keyed){ &p->code[c * FACT_COUNT], fields, c };
	qsort(k, p->n, sizeof *k, compare_keyed);
	out->rep = xcalloc(p->n + 1, sizeof *out->rep);
	out->count = xcalloc(p->n + 1, sizeof *out->count);
	out->n = 0;
	for (size_t c = 0; c < p->n; c++) {
		if (c == 0 || compare_values(&k[c - 1], &k[c]) != 0)
			out->rep[out->n++] = k[c].c;
		out->count[out->n - 1]++;
	}
	free(k);
}

/* A table's cells in the order of their values, for finding the cell of
 * given values by binary search (the cells of an earlier export are read
 * back from its record, not assumed sorted). */
struct lookup {
	const struct publish_table *t;
	size_t *order;
};

static int compare_keys(const char *const *x, const char *const *y, size_t nby)
{
	for (size_t d = 0; d < nby; d++) {
		int c = strcmp(x[d], y[d]);
		if (c)
			return c;
	}
	return 0;
}

/* A cell as sorted by its values. */
struct sorted_cell {
	const char *const *key;
	size_t nby, i;
};

static int compare_cells(const void *a, const void *b)
{
	const struct sorted_cell *x = a, *y = b;
	int c = compare_keys(x->key, y->key, x->nby);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* The cell whose values are v, or ncell. */
static size_t find_cell(const struct lookup *l, const char *const *v)
{
	size_t lo = 0, hi = l->t->ncell, n = l->t->nby;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = l->order[mid];
		int c = compare_keys((const char *const *)&l->t->key[i * n], v, n);
		if (c == 0)
			return i;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return l->t->ncell;
}

/* The values a case of values v counts under in dimension d of t (a case
 * counts under each value of a set-valued fact, "none" for an empty set,
 * as stats.c's SQL counts it): into out (its strings v's), how many. */
static size_t values_of(const struct publish_table *t, const char *const *v, size_t d, const char **out,
			size_t max)
{
	const char *have = v[t->by[d]];
	if (fact_kind(t->by[d]) != FACT_SET) {
		out[0] = have;
		return 1;
	}
	if (!*have) {
		out[0] = FACT_NONE;
		return 1;
	}
	size_t n = 0;
	for (const char *s = have; *s && n < max; s += strcspn(s, "\n") + (s[strcspn(s, "\n")] == '\n'))
		out[n++] = s;
	return n;
}

/* t's coefficients over the profiles, into d (its arrays new, sparse:
 * each profile lies in the few cells its values pick, found by binary
 * search, not compared with every cell). */
static void coefficients(const struct publish *p, const struct profiles *pr,
			 struct publish_table *t, struct disclose_table *d)
{
	size_t np = pr->n ? pr->n : 1, nby = t->nby;
	struct lookup l = { t, xcalloc(t->ncell + 1, sizeof *l.order) };
	struct sorted_cell *sc = xcalloc(t->ncell + 1, sizeof *sc);
	for (size_t i = 0; i < t->ncell; i++)
		sc[i] = (struct sorted_cell){ (const char *const *)&t->key[i * nby], nby, i };
	qsort(sc, t->ncell, sizeof *sc, compare_cells);
	for (size_t i = 0; i < t->ncell; i++)
		l.order[i] = sc[i].i;
	free(sc);
	d->ncell = t->ncell;
	d->cell = t->cell;
	d->total_hidden = t->total_hidden;
	d->coef = NULL;
	d->tcoef = xcalloc(np, sizeof *d->tcoef);
	size_t *pair = NULL, npair = 0, cap = 0;	/* (cell, profile) */
	size_t *last = xcalloc(t->ncell + 1, sizeof *last);
	enum { MAXV = 64 };
	const char *vals[FACT_COUNT][MAXV], *key[FACT_COUNT];
	size_t nv[FACT_COUNT], at[FACT_COUNT];
	char *piece[FACT_COUNT][MAXV];
	for (size_t q = 0; q < pr->n; q++) {
		const char *v[FACT_COUNT];
		for (int f = 0; f < FACT_COUNT; f++)
			v[f] = publish_value(p, pr->rep[q], f);
		d->tcoef[q] = in_total(t, v);
		bool any = true;
		for (size_t e = 0; e < nby; e++) {
			nv[e] = values_of(t, v, e, vals[e], MAXV);
			bool split = fact_kind(t->by[e]) == FACT_SET && *v[t->by[e]];
			for (size_t j = 0; j < nv[e]; j++) {
				piece[e][j] = split ? xstrndup(vals[e][j], strcspn(vals[e][j], "\n")) : NULL;
				/* A set holding the value "none" is not the empty set
				 * of the "none" cell. */
				if (split)
					vals[e][j] = strcmp(piece[e][j], FACT_NONE) == 0 ? NULL : piece[e][j];
			}
			at[e] = 0;
			any = any && nv[e] > 0;
		}
		while (any) {
			bool ok = true;
			for (size_t e = 0; e < nby; e++)
				ok = ok && (key[e] = vals[e][at[e]]) != NULL;
			size_t c = ok ? find_cell(&l, key) : t->ncell;
			if (c < t->ncell && last[c] != q + 1) {
				last[c] = q + 1;
				xgrow((void **)&pair, &cap, 2 * npair + 2, sizeof *pair);
				pair[2 * npair] = c;
				pair[2 * npair++ + 1] = q;
			}
			size_t e = 0;
			while (e < nby && ++at[e] == nv[e])
				at[e++] = 0;
			any = e < nby;
		}
		for (size_t e = 0; e < nby; e++)
			for (size_t j = 0; j < nv[e]; j++)
				free(piece[e][j]);
	}
	size_t *start = xcalloc(t->ncell + 2, sizeof *start), *col = xcalloc(npair + 1, sizeof *col);
	long long *val = xcalloc(npair + 1, sizeof *val);
	for (size_t j = 0; j < npair; j++)
		start[pair[2 * j] + 2]++;
	for (size_t i = 0; i < t->ncell; i++)
		start[i + 2] += start[i + 1];
	for (size_t j = 0; j < npair; j++) {
		size_t at1 = start[pair[2 * j] + 1]++;
		col[at1] = pair[2 * j + 1];
		val[at1] = 1;
	}
	d->start = start;
	d->col = col;
	d->val = val;
	free(pair);
	free(last);
	free(l.order);
}

/* The codes kanon takes: equal values of a dimension equal ints (each
 * value's rank among the dimension's distinct values by strcmp). */
static int *codes(const struct publish_table *t)
{
	int *k = xcalloc(t->ncell * (t->nby ? t->nby : 1) + 1, sizeof *k);
	size_t *code = xcalloc(t->ncell + 1, sizeof *code);
	for (size_t d = 0; d < t->nby; d++) {
		struct intern in = { 0 };
		for (size_t i = 0; i < t->ncell; i++) {
			const char *v = t->key[i * t->nby + d];
			code[i] = intern_add(&in, v, strlen(v));
		}
		size_t *rank = intern_rank(&in);
		for (size_t i = 0; i < t->ncell; i++)
			k[i * t->nby + d] = (int)rank[code[i]];
		free(rank);
		intern_free(&in);
	}
	free(code);
	return k;
}

int publish_protect(struct db *db, struct publish *p, struct publish_table *t, long long k,
		    const char *by)
{
	int *keys = codes(t);
	kanon_suppress(t->cell, keys, t->ncell, t->nby, k);
	free(keys);
	t->total_hidden = false;
	crypto_generichash_state st = p->digest;	/* the digest so far, for this export */
	unsigned char h[32];
	char digest[DB_HASH_HEX];
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(digest, sizeof digest, h, sizeof h);
	struct history hist = { 0 };
	const char *q[] = { digest };
	int rc = db_exec(db, "SELECT by_fields, cells FROM exports WHERE digest = $1 ORDER BY id", q, 1,
			 take_export, &hist);
	if (rc == DB_OK && k > 1) {
		unsigned fields = 0;
		for (size_t i = 0; i <= hist.n; i++) {
			const struct publish_table *x = i < hist.n ? &hist.v[i] : t;
			for (size_t d = 0; d < x->nby; d++)
				fields |= 1u << x->by[d];
		}
		struct profiles pr;
		make_profiles(p, fields, &pr);
		struct disclose_table *d = xcalloc(hist.n + 1, sizeof *d);
		for (size_t i = 0; i <= hist.n; i++)
			coefficients(p, &pr, i < hist.n ? &hist.v[i] : t, &d[i]);
		disclose_protect(d, hist.n, &d[hist.n], pr.n, pr.count, k);
		t->total_hidden = d[hist.n].total_hidden;
		for (size_t i = 0; i <= hist.n; i++) {
			free(d[i].tcoef);
			free((void *)d[i].start);
			free((void *)d[i].col);
			free((void *)d[i].val);
		}
		free(d);
		free(pr.rep);
		free(pr.count);
	}
	history_free(&hist);
	if (rc != DB_OK)
		return rc;
	char *cells = cells_text(t), at[24], kk[24];
	snprintf(at, sizeof at, "%lld", (long long)time(NULL));
	snprintf(kk, sizeof kk, "%lld", k);
	const char *v[] = { at, digest, by, kk, cells };
	rc = db_exec(db, "INSERT INTO exports (at, digest, by_fields, k, cells) VALUES ($1, $2, $3, $4, "
		     "$5)", v, 5, NULL, NULL);
	free(cells);
	return rc;
}
