/* db_case: the office store's case rows (db.h): their columns, read,
 * written with their MAC (every column and the SET facts, under the row
 * key), listed, and checked row by row as they are read. */
#include "office/db.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"

/* --- cases ---------------------------------------------------------------- */

#define DB_X_COUNT(name) +1
enum { NOWN = 0 DB_CASE_OWN(DB_X_COUNT) };
#undef DB_X_COUNT

/* "id, laptop, …, hash, outcome, …, imported": the cases table's columns,
 * in the order of db_case_column (a new string). */
char *db_case_columns(void)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		return xstrdup("id");
#define DB_X_NAME(name) fprintf(f, "%s, ", #name);
	DB_CASE_OWN(DB_X_NAME)
#undef DB_X_NAME
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE)
			fprintf(f, "%s, ", fact_column(k));
	fputs("imported, mac", f);
	fclose(f);
	return out;
}

/* The number of columns case_columns names. */
static int ncolumns(void)
{
	int n = NOWN + 2;
	for (int k = 0; k < FACT_COUNT; k++)
		n += fact_kind(k) == FACT_ONE;
	return n;
}

int db_case_column(enum fact f)
{
	int at = NOWN;
	for (int k = 0; k < FACT_COUNT && k != (int)f; k++)
		at += fact_kind(k) == FACT_ONE;
	return (unsigned)f < FACT_COUNT && fact_kind(f) == FACT_ONE ? at : -1;
}

int db_case_conflicts_column(void)
{
	return ncolumns();
}

void db_case_free(struct db_case *c)
{
#define DB_X_FREE(name) free(c->name);
	DB_CASE_OWN(DB_X_FREE)
#undef DB_X_FREE
	free(c->imported);
	free(c->mac);
	facts_free(&c->facts);
	memset(c, 0, sizeof *c);
}

static const char *text_or_empty(const char *v)
{
	return v ? v : "";
}

static int fill_case(void *arg, int ncol, const char *const *val)
{
	struct db_case *c = arg;
	if (ncol < ncolumns())
		return 1;
	int i = 0;
#define DB_X_TAKE(name) c->name = xstrdup(text_or_empty(val[i++]));
	DB_CASE_OWN(DB_X_TAKE)
#undef DB_X_TAKE
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE)
			facts_set(&c->facts, k, text_or_empty(val[i++]));
	c->imported = xstrdup(text_or_empty(val[i++]));
	c->mac = xstrdup(text_or_empty(val[i]));
	return 1;
}

static int take_fact(void *arg, int ncol, const char *const *val)
{
	struct db_case *c = arg;
	int f = ncol >= 2 && val[0] && val[1] ? fact_find(val[0]) : -1;
	if (f >= 0 && fact_kind(f) == FACT_SET)
		facts_set(&c->facts, f, val[1]);
	return 0;
}

int db_case_find(struct db *db, const char *laptop, const char *id, struct db_case *c)
{
	memset(c, 0, sizeof *c);
	char *cols = db_case_columns();
	char *sql = xasprintf("SELECT %s FROM cases WHERE laptop = $1 AND id = $2", cols);
	const char *p[] = { laptop, id };
	int rc = db_exec(db, sql, p, 2, fill_case, c);
	free(sql);
	free(cols);
	if (rc == 1)
		rc = db_exec(db, "SELECT fact, value FROM case_facts WHERE laptop = $1 AND case_id = $2 "
			     "ORDER BY fact, value", p, 2, take_fact, c);
	else if (rc == DB_OK)
		return 0;
	if (rc != DB_OK)
		db_case_free(c);
	return rc == DB_OK ? 1 : rc;
}

int db_case_laptops(struct db *db, const char *id, db_row_fn fn, void *arg)
{
	const char *p[] = { id };
	return db_exec(db, "SELECT laptop FROM cases WHERE id = $1 ORDER BY laptop", p, 1, fn, arg);
}

/* The values of c in the order of db_case_columns, into p (ncolumns()
 * of them, borrowed from c). */
enum { MAXCOLUMNS = NOWN + FACT_COUNT + 3 };

static void case_values(const struct db_case *c, const char **p)
{
	int i = 0;
#define DB_X_VAL(name) p[i++] = c->name;
	DB_CASE_OWN(DB_X_VAL)
#undef DB_X_VAL
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE) {
			const char *v = facts_get(&c->facts, k);
			p[i++] = v ? v : FACT_UNKNOWN;
		}
	p[i++] = c->imported;
	p[i] = c->mac && *c->mac ? c->mac : NULL;
}

/* A SET fact's value, for sorting. */
struct pair {
	const char *name, *value;
};

static int compare_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : strcmp(x->value, y->value);
}

/* What the MAC of a row is made in: the fields, each its length (8
 * bytes, least significant first) then its bytes, in one buffer (one
 * BLAKE2b update gives the same as one a piece), and the SET facts to
 * sort; both reused from row to row (mac_work_free). */
struct mac_work {
	unsigned char *b;
	size_t n, cap;
	struct pair *pairs;
	size_t npairs;
};

static void mac_work_free(struct mac_work *w)
{
	free(w->b);
	free(w->pairs);
}

static void mac_field(struct mac_work *m, const char *v)
{
	v = v ? v : "";
	size_t n = strlen(v);
	if (m->n + 8 + n > m->cap)
		xgrow((void **)&m->b, &m->cap, m->n + 8 + n, 1);
	unsigned char *at = m->b + m->n;
	for (int b = 0; b < 8; b++)
		at[b] = (unsigned char)((unsigned long long)n >> (8 * b));
	memcpy(at + 8, v, n);
	m->n += 8 + n;
}

/* Sorts a row's few SET facts (insertion sort: no call per comparison). */
static void sort_pairs(struct pair *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct pair x = v[i];
		size_t j = i;
		for (; j > 0 && compare_pair(&v[j - 1], &x) > 0; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* The MAC of a case's row (hex): every column but mac, then its SET
 * facts sorted, each length-prefixed, under the row key. */
static void case_mac(const struct db *db, const struct db_case *c, char out[DB_HASH_HEX],
		     struct mac_work *w)
{
	const char *p[MAXCOLUMNS];
	case_values(c, p);
	w->n = 0;
	for (int i = 0, n = ncolumns(); i + 1 < n; i++)
		mac_field(w, p[i]);
	xgrow((void **)&w->pairs, &w->npairs, c->facts.n + 1, sizeof *w->pairs);
	size_t n = 0;
	for (size_t i = 0; i < c->facts.n; i++)
		if (fact_kind(c->facts.v[i].fact) == FACT_SET)
			w->pairs[n++] = (struct pair){ fact_name(c->facts.v[i].fact), c->facts.v[i].value };
	sort_pairs(w->pairs, n);
	for (size_t i = 0; i < n; i++) {
		mac_field(w, w->pairs[i].name);
		mac_field(w, w->pairs[i].value);
	}
	unsigned char m[32];
	crypto_generichash(m, sizeof m, w->b, w->n, db->row_key, sizeof db->row_key);
	sodium_bin2hex(out, DB_HASH_HEX, m, sizeof m);
}

/* The INSERT, or (update) the UPDATE of the row ($N+1, $1) of every
 * column, N the number of columns. */
static char *put_sql(bool update)
{
	char *cols = db_case_columns(), *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	if (!f) {
		free(cols);
		return NULL;
	}
	if (update) {
		fputs("UPDATE cases SET ", f);
		const char *col = strchr(cols, ' ') + 1;	/* every column but id */
		for (int i = 2; i <= ncolumns(); i++) {
			fprintf(f, "%s%.*s = $%d", i > 2 ? ", " : "", (int)strcspn(col, ","), col, i);
			col = strchr(col, ' ') ? strchr(col, ' ') + 1 : col;
		}
		fprintf(f, " WHERE laptop = $%d AND id = $1", ncolumns() + 1);
	} else {
		fprintf(f, "INSERT INTO cases (%s) VALUES (", cols);
		for (int i = 1; i <= ncolumns(); i++)
			fprintf(f, "%s$%d", i > 1 ? ", " : "", i);
		fputc(')', f);
	}
	fclose(f);
	free(cols);
	return out;
}

/* Inserts the case_facts rows of c. */
static int put_facts(struct db *db, const struct db_case *c)
{
	const char *p[] = { c->laptop, c->id, NULL, NULL };
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < c->facts.n; i++) {
		if (fact_kind(c->facts.v[i].fact) != FACT_SET)
			continue;
		p[2] = fact_name(c->facts.v[i].fact);
		p[3] = c->facts.v[i].value;
		rc = db_exec(db, "INSERT INTO case_facts (laptop, case_id, fact, value) VALUES ($1, $2, "
			     "$3, $4)", p, 4, NULL, NULL);
	}
	return rc;
}

int db_case_put(struct db *db, const struct db_case *c, const char *old_laptop)
{
	/* The old row's facts go first: they refer to its key, which the
	 * update may rewrite (a fingerprint of schema 2 to the full key). */
	const char *q[] = { old_laptop, c->id };
	int rc = old_laptop ? db_exec(db, "DELETE FROM case_facts WHERE laptop = $1 AND case_id = $2",
				      q, 2, NULL, NULL) : DB_OK;
	if (rc != DB_OK)
		return rc;
	int n = ncolumns();
	char mac[DB_HASH_HEX] = "";
	if (db->has_key) {
		struct mac_work w = { 0 };
		case_mac(db, c, mac, &w);
		mac_work_free(&w);
	}
	const char *p[MAXCOLUMNS];
	case_values(c, p);
	p[n - 1] = *mac ? mac : NULL;
	p[n] = old_laptop;
	char **sql = &db->put_sql[old_laptop != NULL];
	if (!*sql)
		*sql = put_sql(old_laptop != NULL);
	rc = *sql ? db_exec(db, *sql, p, old_laptop ? n + 1 : n, NULL, NULL) : DB_ERROR;
	if (!*sql)
		snprintf(db->err, sizeof db->err, "out of memory");
	return rc == DB_OK ? put_facts(db, c) : rc;
}

struct present {
	const char *const *ids;
	size_t n;
	bool *present;
};

static int take_present(void *arg, int ncol, const char *const *val)
{
	struct present *p = arg;
	for (size_t i = 0; ncol > 0 && val[0] && i < p->n; i++)
		if (strcmp(p->ids[i], val[0]) == 0)
			p->present[i] = true;
	return 0;
}

int db_cases_present(struct db *db, const char *laptop, const char *const *ids, size_t n,
		     bool *present)
{
	enum { CHUNK = 200 };
	const char **p = xcalloc(CHUNK + 1, sizeof *p);
	int rc = DB_OK;
	p[0] = laptop;
	for (size_t at = 0; rc == DB_OK && at < n; at += CHUNK) {
		size_t k = n - at < CHUNK ? n - at : CHUNK;
		char *sql = NULL;
		size_t len;
		FILE *f = open_memstream(&sql, &len);
		if (!f) {
			rc = DB_ERROR;
			break;
		}
		fputs("SELECT id FROM cases WHERE laptop = $1 AND id IN (", f);
		for (size_t i = 0; i < k; i++) {
			fprintf(f, "%s$%zu", i ? ", " : "", i + 2);
			p[i + 1] = ids[at + i];
		}
		fputc(')', f);
		fclose(f);
		struct present pr = { ids + at, k, present + at };
		rc = db_exec(db, sql, p, (int)k + 1, take_present, &pr);
		free(sql);
	}
	free(p);
	return rc;
}

int db_cases(struct db *db, db_row_fn fn, void *arg)
{
	char *cols = db_case_columns();
	char *sql = xasprintf("SELECT %s, (SELECT COUNT(*) FROM conflicts f WHERE f.case_id = "
			      "cases.id AND f.laptop = cases.laptop), (SELECT r.state FROM reviews r "
			      "WHERE r.laptop = cases.laptop AND r.case_id = cases.id ORDER BY r.id DESC "
			      "LIMIT 1), (SELECT n.name FROM laptops n WHERE n.laptop = cases.laptop "
			      "ORDER BY n.id DESC LIMIT 1) FROM cases ORDER BY created, id, laptop", cols);
	int rc = db_exec(db, sql, NULL, 0, fn, arg);
	free(sql);
	free(cols);
	return rc;
}

/* The SET facts of every case, read before the cases and in their order
 * (db_cases_check): the strings in one buffer (grown, so rows hold
 * offsets), a row's laptop shared with the row before when it is the
 * same. Owned by the check: facts_rows_free. */
struct fact_row {
	size_t laptop, id, value;
	enum fact fact;
};

struct fact_rows {
	char *text;
	size_t len, cap;
	struct fact_row *v;
	size_t n, vcap;
	size_t at;	/* the first row no case has taken yet */
};

static size_t text_add(struct fact_rows *r, const char *s)
{
	size_t n = strlen(s) + 1, at = r->len;
	xgrow((void **)&r->text, &r->cap, r->len + n, 1);
	memcpy(r->text + at, s, n);
	r->len += n;
	return at;
}

static int take_facts_row(void *arg, int ncol, const char *const *val)
{
	struct fact_rows *r = arg;
	if (ncol < 4 || !val[0] || !val[1] || !val[2] || !val[3])
		return 0;
	int f = fact_find(val[2]);
	if (f < 0 || fact_kind(f) != FACT_SET)
		return 0;
	xgrow((void **)&r->v, &r->vcap, r->n + 1, sizeof *r->v);
	struct fact_row *row = &r->v[r->n];
	row->laptop = r->n && strcmp(r->text + row[-1].laptop, val[0]) == 0 ? row[-1].laptop
								       : text_add(r, val[0]);
	row->id = text_add(r, val[1]);
	row->value = text_add(r, val[3]);
	row->fact = f;
	r->n++;
	return 0;
}

static void facts_rows_free(struct fact_rows *r)
{
	free(r->text);
	free(r->v);
}

/* What db_cases_check keeps between rows: the facts, the buffers a row's
 * case and MAC are made in (reused: no allocation per row), the caller's
 * callback and the first failure. */
struct check {
	struct db *db;
	struct fact_rows facts;
	struct facts one;	/* the row's facts: values borrowed, never facts_free'd */
	struct mac_work mw;
	void (*each)(void *arg, const struct db_case *c);
	void *arg;
};

/* The case of a row: every string borrowed from val (valid during the
 * row's callback) or from ch->facts; its facts in ch->one. */
static void row_case(struct check *ch, const char *const *val, struct db_case *c)
{
	int i = 0;
#define DB_X_BORROW(name) c->name = (char *)text_or_empty(val[i++]);
	DB_CASE_OWN(DB_X_BORROW)
#undef DB_X_BORROW
	struct facts *fs = &ch->one;
	fs->n = 0;
	for (int k = 0; k < FACT_COUNT; k++)
		if (fact_kind(k) == FACT_ONE) {
			xgrow((void **)&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
			fs->v[fs->n++] = (struct fact_value){ k, (char *)text_or_empty(val[i++]) };
		}
	c->imported = (char *)text_or_empty(val[i++]);
	c->mac = (char *)text_or_empty(val[i]);
	struct fact_rows *r = &ch->facts;
	for (; r->at < r->n && strcmp(r->text + r->v[r->at].laptop, c->laptop) == 0 &&
	       strcmp(r->text + r->v[r->at].id, c->id) == 0; r->at++) {
		xgrow((void **)&fs->v, &fs->cap, fs->n + 1, sizeof *fs->v);
		fs->v[fs->n++] = (struct fact_value){ r->v[r->at].fact, r->text + r->v[r->at].value };
	}
	c->facts = *fs;
}

static int check_row(void *arg, int ncol, const char *const *val)
{
	struct check *ch = arg;
	if (ncol < ncolumns()) {
		snprintf(ch->db->err, sizeof ch->db->err, "the cases table lacks columns");
		return DB_ERROR;
	}
	struct db_case c;
	row_case(ch, val, &c);
	char mac[DB_HASH_HEX];
	case_mac(ch->db, &c, mac, &ch->mw);
	if (strlen(c.mac) != DB_HASH_HEX - 1 || sodium_memcmp(mac, c.mac, DB_HASH_HEX - 1) != 0) {
		snprintf(ch->db->err, sizeof ch->db->err, "case %.16s (laptop %.44s): its row is not "
			 "the one the office stored: it was edited by SQL, or stored before schema 3 "
			 "(then import that laptop's latest bundle again, which rewrites it); nothing "
			 "was counted", c.id, c.laptop);
		return DB_ERROR;
	}
	if (ch->each)
		ch->each(ch->arg, &c);
	return 0;
}

/* The facts are read first (the same ORDER BY as the cases, the same
 * collation), then each case's row is checked as it is read: a row takes
 * the facts rows from ch->facts.at on that have its key. */
int db_cases_check(struct db *db, void (*each)(void *arg, const struct db_case *c), void *arg)
{
	struct check ch = { .db = db, .each = each, .arg = arg };
	int rc = db_exec(db, "SELECT laptop, case_id, fact, value FROM case_facts ORDER BY laptop, "
			 "case_id, fact, value", NULL, 0, take_facts_row, &ch.facts);
	if (rc == DB_OK) {
		char *cols = db_case_columns();
		char *sql = xasprintf("SELECT %s FROM cases ORDER BY laptop, id", cols);
		rc = db_exec(db, sql, NULL, 0, check_row, &ch);
		free(sql);
		free(cols);
	}
	facts_rows_free(&ch.facts);
	free(ch.one.v);
	mac_work_free(&ch.mw);
	return rc;
}

