/* store_chain: the sealed state (the manifest, committed with each change
 * and checked against the generation outside the store), and a case's
 * rows: its sealed tail, the AD of each seal and the hash chain of its
 * records. */
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

/* ---- the sealed state ----------------------------------------------------- */

/* Writes sealed bucket b (NULL: an empty bucket, no row). */
static int put_bucket(struct store *s, int b, const unsigned char *v, size_t len)
{
	sqlite3_stmt *st = store_stmt(s, v ? SQL_BUCKET_PUT : SQL_BUCKET_DELETE);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, b);
	if (v)
		sqlite3_bind_blob(st, 2, v, (int)len, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	return rc;
}

int store_put_state(struct store *s, struct manifest *m)
{
	const unsigned char *key = store_subkey(s, SUB_STATE);
	size_t len;
	for (int b = 0; b < MANIFEST_BUCKETS; b++) {
		if (!(m->dirty & UINT64_C(1) << b))
			continue;
		unsigned char *v = manifest_seal_bucket(m, b, key, &len);
		int rc = put_bucket(s, b, v, len);
		free(v);
		if (rc < 0)
			return -1;
	}
	m->dirty = 0;
	unsigned char *root = manifest_seal_root(m, key, &len);
	int rc = store_meta_put(s, "state", root, len, true);
	free(root);
	return rc;
}

/* Opens the sealed buckets of the root in m, in order: 0, or -1. */
static int open_buckets(struct store *s, struct manifest *m)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT bucket, v FROM state ORDER BY bucket", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	const unsigned char *key = store_subkey(s, SUB_STATE);
	int rc = 0, b = 0, step;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		int row = sqlite3_column_int(st, 0);
		if (row < b || row >= MANIFEST_BUCKETS) {
			rc = -1;
			break;
		}
		for (; b < row && rc == 0; b++)
			rc = manifest_open_bucket(m, b, NULL, 0, key);
		if (rc == 0)
			rc = manifest_open_bucket(m, b++, sqlite3_column_blob(st, 1),
						  (size_t)sqlite3_column_bytes(st, 1), key);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	for (; b < MANIFEST_BUCKETS && rc == 0; b++)
		rc = manifest_open_bucket(m, b, NULL, 0, key);
	sqlite3_finalize(st);
	return rc;
}

/* Opens the sealed state b (len bytes) into s->man; a state of the
 * previous format, one sealed list, is re-sealed in buckets at once. */
static int open_state(struct store *s, const unsigned char *b, size_t len, char *err, size_t n)
{
	int v = manifest_open_root(b, len, store_subkey(s, SUB_STATE), &s->man);
	if (v == 3 && open_buckets(s, &s->man) == 0)
		return 0;
	if (v == 2) {
		if (store_run(s, SQL_BEGIN) < 0)
			return store_db_fail(s, err, n, "cannot re-seal the store's state");
		if (store_put_state(s, &s->man) < 0 ||
		    store_run(s, SQL_COMMIT) < 0) {
			store_db_fail(s, err, n, "cannot re-seal the store's state");
			store_run(s, SQL_ROLLBACK);
			return -1;
		}
		return 0;
	}
	return store_fail(err, n, "%s: the store's sealed state fails the integrity check; nothing "
			  "was changed", s->dir);
}

/* Begins a commit: next is a copy of the state, one generation on; s->ck
 * holds a case key until store_end wipes it. */
int store_begin(struct store *s, struct manifest *next, char *err, size_t n)
{
	if (!s->mk)
		return store_fail(err, n, "the store is locked");
	if (store_run(s, SQL_BEGIN) < 0)
		return store_db_fail(s, err, n, "not saved");
	manifest_copy(next, &s->man);
	next->gen++;
	return 0;
}

/* Ends a commit begun with store_begin: with rc 0 the state is sealed in and the
 * transaction committed (then the state is s's, and the counter outside
 * records its generation); otherwise, or if that fails, rolled back. */
int store_end(struct store *s, struct manifest *next, int rc, char *err, size_t n)
{
	sodium_memzero(s->ck, KEY);	/* the case key of this commit */
	if (rc == 0 && (store_put_state(s, next) < 0 ||
			store_run(s, SQL_COMMIT) < 0))
		rc = store_db_fail(s, err, n, "not saved");
	if (rc < 0) {
		store_run(s, SQL_ROLLBACK);
		manifest_free(next);
		return rc;
	}
	manifest_free(&s->man);
	s->man = *next;
	counter_advance(s->counter, s->man.gen);	/* after the commit is durable */
	return 0;
}

bool store_deck_valid(const char *d)
{
	if (strlen(d) > STORE_DECK_LEN)
		return false;
	for (; *d; d++)
		if (!strchr("0123456789abcdefABCDEF", *d))
			return false;
	return true;
}

static void tail_pack(const struct tail *t, unsigned char *p)
{
	memset(p, 0, TAIL_PLAIN);
	p[0] = 2;
	codec_put_u64(p + 1, (uint64_t)t->count);
	memcpy(p + 9, t->head, HASH);
	codec_put_u64(p + 9 + HASH, (uint64_t)t->created);
	codec_put_u64(p + 17 + HASH, (uint64_t)t->updated);
	p[25 + HASH] = (unsigned char)t->status;
	memcpy(p + 26 + HASH, t->deck, strlen(t->deck));
}

static int tail_unpack(const unsigned char *p, struct tail *t)
{
	t->count = (long long)codec_get_u64(p + 1);
	memcpy(t->head, p + 9, HASH);
	t->created = (long long)codec_get_u64(p + 9 + HASH);
	t->updated = (long long)codec_get_u64(p + 17 + HASH);
	t->status = (enum case_status)p[25 + HASH];
	memcpy(t->deck, p + 26 + HASH, STORE_DECK_LEN);
	t->deck[STORE_DECK_LEN] = '\0';
	return p[0] == 2 && t->count >= 0 && p[25 + HASH] < CASE_NSTATUS &&
	       store_deck_valid(t->deck) ? 0 : -1;
}

char *store_ad_of(const char *id, const char *what)
{
	return xasprintf(FORMAT "|%s|%s", id, what);
}

/* The additional data of record seq: the case, the number and the hash of
 * the chain before it. */
char *store_record_ad(const char *id, long long seq, const unsigned char *head)
{
	/* FORMAT "|%s|record|%lld|%s" without printf: every record read
	 * makes one, and vsnprintf was most of a record's cost. */
	static const char mid[] = "|record|";
	char num[24], *e = num + sizeof num, *d = e;
	unsigned long long u = seq < 0 ? 0 - (unsigned long long)seq : (unsigned long long)seq;
	do
		*--d = (char)('0' + u % 10);
	while (u /= 10);
	if (seq < 0)
		*--d = '-';
	size_t nid = strlen(id), nnum = (size_t)(e - d);
	char *ad = xmalloc(sizeof FORMAT + nid + sizeof mid - 1 + nnum + 1 + 2 * HASH + 1);
	char *p = ad;
	memcpy(p, FORMAT "|", sizeof FORMAT);
	p += sizeof FORMAT;
	memcpy(p, id, nid);
	p += nid;
	memcpy(p, mid, sizeof mid - 1);
	p += sizeof mid - 1;
	memcpy(p, d, nnum);
	p += nnum;
	*p++ = '|';
	sodium_bin2hex(p, 2 * HASH + 1, head, HASH);
	return ad;
}

void store_chain_start(const char *id, unsigned char *head)
{
	char *s = xasprintf(FORMAT "|chain|%s", id);
	crypto_generichash(head, HASH, (const unsigned char *)s, strlen(s), NULL, 0);
	free(s);
}

/* The chain after one more sealed record. */
void store_chain_step(unsigned char *head, const void *blob, size_t len)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, HASH);
	crypto_generichash_update(&st, head, HASH);
	crypto_generichash_update(&st, blob, len);
	crypto_generichash_final(&st, head, HASH);
}

int store_damaged(char *err, size_t n, const char *id)
{
	return store_fail(err, n, "case %s fails the integrity check: it was changed, or put back "
			  "from an older copy, behind tipscreen's back; it is not shown", id);
}

/* Reads case id's rows, checks them against the sealed state, and opens
 * its key (into ck, KEY bytes of sodium_malloc memory) and tail. wrapped
 * receives the sealed key. 0; 1 if there is no such case; with err, -1 for
 * a damaged case, -2 for a locked store or a database error. */
int store_case_read(struct store *s, const char *id, unsigned char *ck, unsigned char *wrapped,
		    struct tail *t, char *err, size_t n)
{
	if (!s->mk)
		return store_fail(err, n, "the store is locked") - 1;
	sqlite3_stmt *st = store_stmt(s, SQL_CASE_READ);
	if (!st)
		return store_db_fail(s, err, n, "cases") - 1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	const struct manifest_entry *e = manifest_find(&s->man, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_db_fail(s, err, n, "cases") - 1;
		return e ? store_fail(err, n, "case %s fails the integrity check: it was removed behind "
				      "tipscreen's back", id) : 1;
	}
	const void *kb = sqlite3_column_blob(st, 0), *tb = sqlite3_column_blob(st, 1);
	size_t kl = (size_t)sqlite3_column_bytes(st, 0), tl = (size_t)sqlite3_column_bytes(st, 1);
	unsigned char h[HASH], plain[TAIL_PLAIN];
	if (kb && tb)
		manifest_hash(id, kb, kl, tb, tl, h);
	rc = -1;
	char *kad = store_ad_of(id, "key"), *tad = store_ad_of(id, "tail");
	if (e && kb && tb && kl == WRAPPED && tl == TAIL_SEALED && sodium_memcmp(h, e->hash, HASH) == 0 &&
	    store_unseal(ck, kb, kl, kad, s->mk) == 0 && store_unseal(plain, tb, tl, tad, ck) == 0 &&
	    tail_unpack(plain, t) == 0) {
		memcpy(wrapped, kb, WRAPPED);
		rc = 0;
	}
	free(kad);
	free(tad);
	sqlite3_reset(st);
	return rc == 0 ? 0 : store_damaged(err, n, id);
}

/* Seals t as case id's tail and records the rows' new hash in next. */
int store_write_tail(struct store *s, struct manifest *next, const char *id,
		     const unsigned char *wrapped, const struct tail *t, const unsigned char *ck)
{
	unsigned char plain[TAIL_PLAIN], sealed[TAIL_SEALED], h[HASH];
	tail_pack(t, plain);
	char *ad = store_ad_of(id, "tail");
	store_seal(sealed, plain, sizeof plain, ad, ck);
	free(ad);
	sqlite3_stmt *st = store_stmt(s, SQL_TAIL_WRITE);
	if (!st)
		return -1;
	sqlite3_bind_blob(st, 1, sealed, sizeof sealed, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE && sqlite3_changes(s->db) == 1 ? 0 : -1;
	sqlite3_reset(st);
	manifest_hash(id, wrapped, WRAPPED, sealed, sizeof sealed, h);
	manifest_set(next, id, h);
	return rc;
}

/* After the master key: the sealed state (re-sealing a store of the first
 * format), checked against the generation this laptop last saw. */
int store_load_state(struct store *s, char *err, size_t n)
{
	size_t len = 0;
	unsigned char *b = store_meta_blob(s, "state", &len);
	uint64_t seen = 0;
	bool found = false;
	free(s->notice);
	s->notice = NULL;
	store_open_counter(s, &seen, &found);
	manifest_free(&s->man);
	int rc = 0;
	if (b) {
		rc = open_state(s, b, len, err, n);
	} else if (found) {
		rc = store_fail(err, n, "%s: this laptop has seen this store in the current format, but it is "
				"now of the first one: it was put back from an older copy, or its sealed "
			  "state removed. Nothing was changed. If you restored it from a backup on "
			  "purpose, remove %s and run again", s->dir, counter_path(s->counter));
	} else {
		rc = store_v1_migrate(s, err, n);
	}
	free(b);
	if (rc == 0 && found && seen > s->man.gen)
		rc = store_fail(err, n, "%s: this store is older than the one this laptop last saw (generation "
				"%llu, last seen %llu): it was put back from an older copy, or its last changes "
			  "were lost (a deleted cases.db-wal file?). Nothing was changed. If you restored "
			  "it from a backup on purpose, remove %s and run again", s->dir,
			  (unsigned long long)s->man.gen, (unsigned long long)seen,
			  counter_path(s->counter));
	if (rc < 0)
		return -1;
	if (b && !found && s->counter)
		s->notice = xasprintf("this laptop had no record of this store (first use on this "
				      "account, or %s was removed): a rollback to an older copy could "
				      "not be checked this time", counter_path(s->counter));
	counter_advance(s->counter, s->man.gen);
	counter_sync(s->counter);
	return 0;
}
