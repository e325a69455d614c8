/* store_cases: the case store's cases (store.h): made, appended to,
 * read, listed and deleted, each a row of sealed records chained by hash
 * under the case's own key; and the error helpers the parts share. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/codec.h"
#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/store_int.h"

static const char *const status_names[CASE_NSTATUS] = { "open", "complete" };

int store_fail(char *err, size_t n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, n, fmt, ap);
	va_end(ap);
	return -1;
}

int store_db_fail(struct store *s, char *err, size_t n, const char *what)
{
	return store_fail(err, n, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* ---- cases -------------------------------------------------------------- */

bool store_id_valid(const char *id)
{
	if (strlen(id) != STORE_ID_LEN)
		return false;
	for (const char *p = id; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return false;
	return true;
}

static int insert_case(struct store *s, const char *id, const unsigned char *wrapped)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO cases(id, created, updated, status, ckey, tail) "
			       "VALUES(?, 0, 0, '-', ?, X'')", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, wrapped, WRAPPED, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

int store_case_new(struct store *s, const char *deck, char *id, char *err, size_t n)
{
	if (!store_deck_valid(deck))
		return store_fail(err, n, "not a deck identity");
	struct manifest next;
	if (store_begin(s, &next, err, n) < 0)
		return -1;
	unsigned char raw[STORE_ID_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(id, STORE_ID_LEN + 1, raw, sizeof raw);
	unsigned char *ck = s->ck, wrapped[WRAPPED];
	randombytes_buf(ck, KEY);
	char *ad = store_ad_of(id, "key");
	store_seal(wrapped, ck, KEY, ad, s->mk);
	free(ad);
	struct tail t = { .created = (long long)time(NULL), .status = CASE_OPEN };
	t.updated = t.created;
	snprintf(t.deck, sizeof t.deck, "%s", deck);
	store_chain_start(id, t.head);
	int rc = insert_case(s, id, wrapped) < 0 || store_write_tail(s, &next, id, wrapped, &t, ck) < 0
		 ? store_db_fail(s, err, n, "cannot create the case") : 0;
	return store_end(s, &next, rc, err, n);
}

/* Seals record as case id's next record, onto the chain in t. */
static int insert_record(struct store *s, const char *id, struct tail *t, const char *record,
			 const unsigned char *ck)
{
	size_t len = strlen(record);
	unsigned char *blob = xmalloc(len + NONCE + TAG);
	char *ad = store_record_ad(id, t->count, t->head);
	store_seal(blob, (const unsigned char *)record, len, ad, ck);
	free(ad);
	sqlite3_stmt *st = store_stmt(s, SQL_RECORD_INSERT);
	int rc = -1;
	if (st) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, t->count);
		sqlite3_bind_blob(st, 3, blob, (int)(len + NONCE + TAG), SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	store_chain_step(t->head, blob, len + NONCE + TAG);
	t->count++;
	free(blob);
	return rc;
}

/* Adds to the commit next for case id: k records, and the status (if >= 0).
 * ck is KEY bytes of guarded memory to work in. */
static int change_in(struct store *s, struct manifest *next, unsigned char *ck, const char *id,
		     const char *const *records, size_t k, int status, char *err, size_t n)
{
	unsigned char wrapped[WRAPPED];
	struct tail t;
	int rc = store_case_read(s, id, ck, wrapped, &t, err, n);
	if (rc > 0)
		rc = store_fail(err, n, "not saved: no case %s", id);
	rc = rc < 0 ? -1 : rc;
	if (rc == 0) {
		t.updated = (long long)time(NULL);
		if (status >= 0)
			t.status = (enum case_status)status;
		for (size_t i = 0; i < k && rc == 0; i++)
			rc = insert_record(s, id, &t, records[i], ck);
		if (rc < 0 || store_write_tail(s, next, id, wrapped, &t, ck) < 0)
			rc = store_db_fail(s, err, n, "not saved");
	}
	return rc;
}

/* One commit to case id: a record (if not NULL), and the status (if >= 0). */
static int change(struct store *s, const char *id, const char *record, int status, char *err,
		  size_t n)
{
	struct manifest next;
	if (store_begin(s, &next, err, n) < 0)
		return -1;
	int rc = change_in(s, &next, s->ck, id, &record, record ? 1 : 0, status, err, n);
	return store_end(s, &next, rc, err, n);
}

int store_append(struct store *s, const char *id, const char *record, char *err, size_t n)
{
	return change(s, id, record, -1, err, n);
}

int store_append_many(struct store *s, const char *id, const char *const *records, size_t k,
		      char *err, size_t n)
{
	struct manifest next;
	if (store_begin(s, &next, err, n) < 0)
		return -1;
	int rc = change_in(s, &next, s->ck, id, records, k, -1, err, n);
	return store_end(s, &next, rc, err, n);
}

int store_append_each(struct store *s, const char *const *ids, size_t k, const char *record,
		      char *err, size_t n)
{
	struct manifest next;
	if (store_begin(s, &next, err, n) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < k && rc == 0; i++)
		rc = change_in(s, &next, s->ck, ids[i], &record, 1, -1, err, n);
	return store_end(s, &next, rc, err, n);
}

int store_set_status(struct store *s, const char *id, const char *status, char *err, size_t n)
{
	for (int i = 0; i < CASE_NSTATUS; i++)
		if (strcmp(status, status_names[i]) == 0)
			return change(s, id, NULL, i, err, n);
	return store_fail(err, n, "not a case status: %s", status);
}

/* Opens the records of a case, in order, onto the chain; -1 with err at
 * the first that fails. *count and head are where the chain got to. Every
 * record is opened into one guarded buffer, grown when a record is longer
 * and wiped after each: one sodium_malloc per case, not per record (each
 * is an mmap with guard pages and an mlock). */
static int open_records(struct store *s, const char *id, const unsigned char *ck,
			int (*fn)(void *ctx, const char *record), void *ctx, long long *count,
			unsigned char *head, char *err, size_t n)
{
	sqlite3_stmt *st = store_stmt(s, SQL_RECORDS_READ);
	if (!st)
		return store_db_fail(s, err, n, "records");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = 0, step;
	store_chain_start(id, head);
	*count = 0;
	char *plain = NULL;
	size_t cap = 0;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		const void *blob = sqlite3_column_blob(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		size_t plen = len >= NONCE + TAG && blob ? len - NONCE - TAG : 0;
		if (blob && len >= NONCE + TAG && plen + 1 > cap) {
			if (plain)
				sodium_free(plain);
			cap = plen + 1 > 4096 ? plen + 1 : 4096;
			plain = sodium_malloc(cap);
			cap = plain ? cap : 0;
		}
		bool fits = blob && len >= NONCE + TAG && plain;
		char *ad = store_record_ad(id, *count, head);
		if (seq != *count || !fits ||
		    store_unseal((unsigned char *)plain, blob, len, ad, ck) != 0) {
			rc = store_fail(err, n, "case %s: record %lld fails the integrity check "
					"(changed, swapped or missing); it is not shown", id, *count);
		} else {
			plain[plen] = '\0';
			rc = fn(ctx, plain) < 0
			     ? store_fail(err, n, "case %s: record %lld cannot be read", id, *count) : 0;
			sodium_memzero(plain, plen);
			store_chain_step(head, blob, len);
			++*count;
		}
		free(ad);
	}
	if (plain)
		sodium_free(plain);
	if (rc == 0 && step != SQLITE_DONE)
		rc = store_db_fail(s, err, n, "records");
	sqlite3_reset(st);
	return rc;
}

int store_load(struct store *s, const char *id, int (*fn)(void *ctx, const char *record),
	       void *ctx, char *err, size_t n)
{
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED], head[HASH];
	struct tail t;
	long long count = 0;
	int rc = store_case_read(s, id, ck, wrapped, &t, err, n);
	if (rc > 0)
		rc = store_fail(err, n, "no case %s", id);
	if (rc == 0)
		rc = open_records(s, id, ck, fn, ctx, &count, head, err, n);
	if (rc == 0 && count < t.count)
		rc = store_fail(err, n, "case %s: records are missing at the store_end (truncated)", id);
	else if (rc == 0 && (count != t.count || sodium_memcmp(head, t.head, HASH) != 0))
		rc = store_fail(err, n, "case %s: its records do not match its sealed tail (added or "
				"replaced behind tipscreen's back)", id);
	sodium_free(ck);
	return rc;
}

static void fill_case(struct store_case *c, const char *id, const struct tail *t)
{
	memset(c, 0, sizeof *c);
	snprintf(c->id, sizeof c->id, "%s", id);
	if (!t) {
		snprintf(c->status, sizeof c->status, "damaged");
		return;
	}
	c->created = (time_t)t->created;
	c->updated = (time_t)t->updated;
	snprintf(c->status, sizeof c->status, "%s", status_names[t->status]);
	c->records = t->count > INT_MAX ? INT_MAX : (int)t->count;
	snprintf(c->deck, sizeof c->deck, "%s", t->deck);
}

int store_case_info(struct store *s, const char *id, struct store_case *out, char *err, size_t n)
{
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	struct tail t;
	int rc = store_case_read(s, id, ck, wrapped, &t, err, n);
	sodium_free(ck);
	if (rc == 0)
		fill_case(out, id, &t);
	return rc < 0 ? -1 : rc;
}

static int by_change(const void *a, const void *b)
{
	const struct store_case *x = a, *y = b;
	if (x->updated != y->updated)
		return x->updated < y->updated ? 1 : -1;
	if (x->created != y->created)
		return x->created < y->created ? 1 : -1;
	return strcmp(x->id, y->id);
}

/* The ids of every case: rows and the state's entries, each once. */
static char (*case_ids(struct store *s, size_t *n, char *err, size_t errlen))[STORE_ID_LEN + 1]
{
	sqlite3_stmt *st;
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM cases ORDER BY id", -1, &st, NULL) != SQLITE_OK) {
		store_db_fail(s, err, errlen, "cases");
		return NULL;
	}
	char (*v)[STORE_ID_LEN + 1] = xcalloc(s->man.n + 1, sizeof *v);
	size_t cap = s->man.n + 1;
	for (size_t i = 0; i < s->man.n; i++)
		snprintf(v[(*n)++], sizeof *v, "%s", s->man.v[i].id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		if (!id || !store_id_valid(id) || manifest_find(&s->man, id))
			continue;	/* not a case id: never shown */
		xgrow((void **)&v, &cap, *n + 1, sizeof *v);
		snprintf(v[(*n)++], sizeof *v, "%s", id);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {	/* never a short list that looks complete */
		free(v);
		store_db_fail(s, err, errlen, "cases");
		return NULL;
	}
	return v;
}

struct store_case *store_cases(struct store *s, size_t *n, char *err, size_t errlen)
{
	*n = 0;
	if (!s->mk) {
		store_fail(err, errlen, "cases: the store is locked");
		return NULL;
	}
	size_t k;
	char (*ids)[STORE_ID_LEN + 1] = case_ids(s, &k, err, errlen);
	if (!ids)
		return NULL;
	struct store_case *v = xcalloc(k + 1, sizeof *v);
	unsigned char *ck = sodium_malloc(KEY), wrapped[WRAPPED];
	char why[256];
	int rc = 0;
	for (size_t i = 0; i < k && rc >= 0; i++) {
		struct tail t;
		rc = store_case_read(s, ids[i], ck, wrapped, &t, why, sizeof why);
		if (rc == -1)
			rc = 0, fill_case(&v[(*n)++], ids[i], NULL);	/* damaged, listed so */
		else if (rc == 0)
			fill_case(&v[(*n)++], ids[i], &t);
		else if (rc < 0)
			snprintf(err, errlen, "%s", why);
	}
	sodium_free(ck);
	free(ids);
	if (rc < 0) {
		free(v);
		*n = 0;
		return NULL;
	}
	qsort(v, *n, sizeof *v, by_change);
	return v;
}

int store_delete(struct store *s, const char *id, char *err, size_t n)
{
	struct manifest next;
	if (store_begin(s, &next, err, n) < 0)
		return -1;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "DELETE FROM cases WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return store_end(s, &next, store_db_fail(s, err, n, "cases"), err, n);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : store_db_fail(s, err, n, "cannot delete");
	int gone = rc == 0 ? sqlite3_changes(s->db) : 0;
	sqlite3_finalize(st);
	bool listed = manifest_remove(&next, id);
	if (rc == 0 && !gone && !listed) {
		store_end(s, &next, -1, err, n);
		return 1;
	}
	if (store_end(s, &next, rc, err, n) < 0)
		return -1;
	/* Move the overwritten pages out of the WAL into the database too. */
	sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
	return 0;
}
