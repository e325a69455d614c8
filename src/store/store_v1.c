/* store_v1: the first store format, re-sealed in the current one at the
 * first unlock (store_v1_migrate, called from the sealed state's loading
 * when the store has no sealed state and this laptop never saw it in the
 * current format). Dead weight once every store is migrated. */
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

/* ---- the first format ------------------------------------------------------ */

/* A record of a case of the first format, decrypted. */
struct old_record {
	long long seq;
	unsigned char *plain;	/* sodium_malloc */
	size_t len;
};

struct old_case {
	char id[STORE_ID_LEN + 1];
	unsigned char *ckey, *tail;
	size_t klen, tlen;
	char status[16];
	long long created, updated;
};

static char *old_ad(const char *id, const char *what, long long seq)
{
	return xasprintf(OLD_FORMAT "|%s|%s|%lld", id, what, seq);
}

/* The records of an old case, opened under its old seals; -1 if any fails
 * (then the case stays as it is, listed as damaged). */
static int old_records(struct store *s, const struct old_case *c, const unsigned char *ck,
		       struct old_record **out, size_t *nout)
{
	sqlite3_stmt *st;
	*out = NULL;
	*nout = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT seq, blob FROM records WHERE id = ? ORDER BY seq", -1,
			       &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	int rc = 0;
	while (rc == 0 && sqlite3_step(st) == SQLITE_ROW) {
		long long seq = sqlite3_column_int64(st, 0);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		if (seq != (long long)*nout || len < NONCE + TAG) {
			rc = -1;
			break;
		}
		*out = xrealloc(*out, (*nout + 1) * sizeof **out);
		struct old_record *r = &(*out)[(*nout)++];
		r->seq = seq;
		r->len = len - NONCE - TAG;
		r->plain = sodium_malloc(r->len + 1);
		char *ad = old_ad(c->id, "record", seq);
		rc = store_unseal(r->plain, sqlite3_column_blob(st, 1), len, ad, ck);
		free(ad);
	}
	sqlite3_finalize(st);
	long long count = -1;
	char *ad = old_ad(c->id, "tail", 0);
	if (rc == 0 && (c->tlen != 8 + NONCE + TAG ||
			store_unseal((unsigned char *)&count, c->tail, c->tlen, ad, ck) != 0 ||
			count != (long long)*nout))
		rc = -1;
	free(ad);
	return rc;
}

static void old_records_free(struct old_record *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sodium_free(v[i].plain);
	free(v);
}

/* Seals an old case's records, key and tail in the current format. */
static int reseal_case(struct store *s, struct manifest *m, const struct old_case *c,
		       const unsigned char *ck, const struct old_record *v, size_t nv)
{
	sqlite3_stmt *up, *cs;
	if (sqlite3_prepare_v2(s->db, "UPDATE records SET blob = ? WHERE id = ? AND seq = ?", -1, &up,
			       NULL) != SQLITE_OK)
		return -1;
	struct tail t = { .count = (long long)nv, .created = c->created, .updated = c->updated,
			  .status = strcmp(c->status, "complete") == 0 ? CASE_COMPLETE : CASE_OPEN };
	store_chain_start(c->id, t.head);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < nv; i++) {
		unsigned char *blob = xmalloc(v[i].len + NONCE + TAG);
		char *ad = store_record_ad(c->id, v[i].seq, t.head);
		store_seal(blob, v[i].plain, v[i].len, ad, ck);
		free(ad);
		store_chain_step(t.head, blob, v[i].len + NONCE + TAG);
		sqlite3_reset(up);
		sqlite3_bind_blob(up, 1, blob, (int)(v[i].len + NONCE + TAG), SQLITE_TRANSIENT);
		sqlite3_bind_text(up, 2, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(up, 3, v[i].seq);
		rc = sqlite3_step(up) == SQLITE_DONE ? 0 : -1;
		free(blob);
	}
	sqlite3_finalize(up);
	unsigned char wrapped[WRAPPED];
	char *ad = store_ad_of(c->id, "key");
	store_seal(wrapped, ck, KEY, ad, s->mk);
	free(ad);
	if (rc == 0 && sqlite3_prepare_v2(s->db, "UPDATE cases SET ckey = ?, created = 0, updated = 0, "
					  "status = '-' WHERE id = ?", -1, &cs, NULL) == SQLITE_OK) {
		sqlite3_bind_blob(cs, 1, wrapped, sizeof wrapped, SQLITE_STATIC);
		sqlite3_bind_text(cs, 2, c->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(cs) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(cs);
	} else {
		rc = -1;
	}
	return rc == 0 ? store_write_tail(s, m, c->id, wrapped, &t, ck) : -1;
}

/* One old case: re-sealed, or (if it fails its old checks) kept as it is
 * and marked damaged in the state. -1 only on a database error. */
static int migrate_case(struct store *s, struct manifest *m, const struct old_case *c)
{
	static const unsigned char zero[HASH];
	if (!store_id_valid(c->id))
		return 0;	/* not a case: listed as damaged, never shown */
	unsigned char *ck = sodium_malloc(KEY);
	char *ad = old_ad(c->id, "key", 0);
	struct old_record *v = NULL;
	size_t nv = 0;
	int ok = c->klen == WRAPPED && store_unseal(ck, c->ckey, c->klen, ad, s->mk) == 0 &&
		 old_records(s, c, ck, &v, &nv) == 0;
	free(ad);
	int rc = 0;
	if (ok)
		rc = reseal_case(s, m, c, ck, v, nv);
	else
		manifest_set(m, c->id, zero);
	old_records_free(v, nv);
	sodium_free(ck);
	return rc;
}

static struct old_case *old_cases(struct store *s, size_t *n)
{
	sqlite3_stmt *st;
	struct old_case *v = xcalloc(1, sizeof *v);
	*n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT id, ckey, tail, status, created, updated FROM cases",
			       -1, &st, NULL) != SQLITE_OK)
		return v;
	while (sqlite3_step(st) == SQLITE_ROW) {
		v = xrealloc(v, (*n + 1) * sizeof *v);
		struct old_case *c = &v[(*n)++];
		snprintf(c->id, sizeof c->id, "%s", (const char *)sqlite3_column_text(st, 0));
		c->klen = (size_t)sqlite3_column_bytes(st, 1);
		c->tlen = (size_t)sqlite3_column_bytes(st, 2);
		c->ckey = xmalloc(c->klen + 1);
		c->tail = xmalloc(c->tlen + 1);
		memcpy(c->ckey, sqlite3_column_blob(st, 1), c->klen);
		memcpy(c->tail, sqlite3_column_blob(st, 2), c->tlen);
		snprintf(c->status, sizeof c->status, "%s", (const char *)sqlite3_column_text(st, 3));
		c->created = sqlite3_column_int64(st, 4);
		c->updated = sqlite3_column_int64(st, 5);
	}
	sqlite3_finalize(st);
	return v;
}

/* Re-seals a store of the first format in this one, in one transaction. */
int store_v1_migrate(struct store *s, char *err, size_t n)
{
	if (store_run(s, SQL_BEGIN) < 0)
		return store_db_fail(s, err, n, "cannot re-seal the store in the new format");
	size_t nc;
	struct old_case *v = old_cases(s, &nc);
	struct manifest m = { .gen = 1 };
	int rc = 0;
	for (size_t i = 0; i < nc; i++) {
		if (rc == 0)
			rc = migrate_case(s, &m, &v[i]);
		free(v[i].ckey);
		free(v[i].tail);
	}
	free(v);
	if (rc < 0 || store_put_state(s, &m) < 0 || store_run(s, SQL_COMMIT) < 0) {
		store_db_fail(s, err, n, "cannot re-seal the store in the new format");
		store_run(s, SQL_ROLLBACK);
		manifest_free(&m);
		return -1;
	}
	manifest_free(&s->man);
	s->man = m;
	return 0;
}
