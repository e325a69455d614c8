/* db_audit: the office store's audit log (db.h), a hash chain. Each row
 * holds prev, the hash of the chained row before it (64 zeros for the
 * first), and hash = BLAKE2b-256("tipscreen-audit-1\0" ‖ prev ‖ each of
 * at, os_user, key_fp, action, object, detail as an 8-byte little-endian
 * length and its bytes); mac, when the command had the office key, is
 * BLAKE2b-256 of hash keyed with a key derived from the office's X25519
 * secret key (crypto_kdf, context "tsoffice", subkey 1). With the key,
 * every chained row must have its MAC: every command that writes to the
 * log has the key, so a row without one was written by someone else (or
 * stripped of it). Rows of a store before
 * schema 3 have no chain (NULL) and come first. prev is unique, so two
 * appends after the same row cannot both be stored: the loser's
 * transaction runs again (DB_RETRY) and chains after the winner's. */
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "office/db.h"

#define AUDIT_MAGIC "tipscreen-audit-1"

enum { NFIELD = 6, HASH = 32 };

static const char zeros[DB_HASH_HEX] =
	"0000000000000000000000000000000000000000000000000000000000000000";

/* The OS user running this: the name, else the uid. */
static void os_user(char *buf, size_t n)
{
	struct passwd *pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "uid %ld", (long)geteuid());
}

/* The row's hash (hex) over prev and its NFIELD fields. */
static void row_hash(const char *prev, const char *const *field, char out[DB_HASH_HEX])
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, HASH);
	crypto_generichash_update(&st, (const unsigned char *)AUDIT_MAGIC, sizeof AUDIT_MAGIC);
	crypto_generichash_update(&st, (const unsigned char *)prev, strlen(prev));
	for (int i = 0; i < NFIELD; i++) {
		const char *f = field[i] ? field[i] : "";
		unsigned long long n = strlen(f);
		unsigned char len[8];
		for (int b = 0; b < 8; b++)
			len[b] = (unsigned char)(n >> (8 * b));
		crypto_generichash_update(&st, len, sizeof len);
		crypto_generichash_update(&st, (const unsigned char *)f, (size_t)n);
	}
	unsigned char h[HASH];
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(out, DB_HASH_HEX, h, sizeof h);
}

/* The MAC (hex) of a row's hash under db's audit key. */
static void row_mac(const struct db *db, const char *hash, char out[DB_HASH_HEX])
{
	unsigned char m[HASH];
	crypto_generichash(m, sizeof m, (const unsigned char *)hash, strlen(hash), db->audit_key,
			   sizeof db->audit_key);
	sodium_bin2hex(out, DB_HASH_HEX, m, sizeof m);
}

void db_office_key_unchecked(struct db *db, const unsigned char *office_box_sk)
{
	crypto_kdf_derive_from_key(db->audit_key, sizeof db->audit_key, 1, "tsoffice",
				   office_box_sk);
	crypto_kdf_derive_from_key(db->row_key, sizeof db->row_key, 2, "tsoffice", office_box_sk);
	db->has_key = true;
}

/* The last authenticated entry: its hash and MAC. */
struct last_mac {
	char hash[DB_HASH_HEX], mac[DB_HASH_HEX];
	bool found;
};

static int take_last_mac(void *arg, int ncol, const char *const *val)
{
	struct last_mac *l = arg;
	if (ncol < 2 || !val[0] || !val[1])
		return 0;
	snprintf(l->hash, sizeof l->hash, "%s", val[0]);
	snprintf(l->mac, sizeof l->mac, "%s", val[1]);
	l->found = true;
	return 0;
}

int db_office_key(struct db *db, const unsigned char *office_box_sk)
{
	db_office_key_unchecked(db, office_box_sk);
	struct last_mac l = { .found = false };
	int rc = db_exec(db, "SELECT hash, mac FROM audit WHERE mac IS NOT NULL AND mac <> '' "
			 "ORDER BY id DESC LIMIT 1", NULL, 0, take_last_mac, &l);
	if (rc < 0)
		return rc;
	if (!l.found)
		return DB_OK;
	char mac[DB_HASH_HEX];
	row_mac(db, l.hash, mac);
	if (sodium_memcmp(mac, l.mac, sizeof mac - 1) == 0)
		return DB_OK;
	sodium_memzero(db->audit_key, sizeof db->audit_key);
	sodium_memzero(db->row_key, sizeof db->row_key);
	db->has_key = false;
	snprintf(db->err, sizeof db->err, "this office key did not write this store's audit log "
		 "(its last authenticated entry does not verify with it): it is another "
		 "office's key, or the log was altered (`tipscreen office audit --key` says "
		 "where); nothing was written");
	return DB_ERROR;
}

int db_audit(struct db *db, const char *action, const char *object, const char *detail,
	     const char *key)
{
	char at[24], user[128], prev[DB_HASH_HEX], hash[DB_HASH_HEX], mac[DB_HASH_HEX] = "";
	snprintf(at, sizeof at, "%lld", (long long)time(NULL));
	os_user(user, sizeof user);
	/* One appender at a time reads the head: two imports that end
	 * together chain one after the other instead of one rolling back. */
	const char *head[] = { "audit" };
	int rc = db_lock(db, head, 1);
	if (rc == DB_OK)
		rc = db_value(db, "SELECT hash FROM audit WHERE hash IS NOT NULL ORDER BY id DESC "
			      "LIMIT 1", NULL, 0, prev, sizeof prev);
	if (rc < 0)
		return rc;
	if (rc == 0)
		memcpy(prev, zeros, sizeof prev);
	const char *p[] = { at, user, key ? key : "-", action, object, detail, prev, hash, NULL };
	row_hash(prev, p, hash);
	if (db->has_key) {
		row_mac(db, hash, mac);
		p[8] = mac;
	}
	return db_exec(db, "INSERT INTO audit (at, os_user, key_fp, action, object, detail, prev, "
		       "hash, mac) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)", p, 9, NULL, NULL);
}

struct entry {
	const char *action, *object, *detail, *key;
};

static int audit_tx(struct db *db, void *arg)
{
	const struct entry *e = arg;
	return db_audit(db, e->action, e->object, e->detail, e->key);
}

int db_audit_now(struct db *db, const char *action, const char *object, const char *detail,
		 const char *key)
{
	struct entry e = { action, object, detail, key };
	return db_transact(db, audit_tx, &e);
}

int db_audit_list(struct db *db, db_row_fn fn, void *arg)
{
	return db_exec(db, "SELECT id, at, os_user, key_fp, action, object, detail, prev, hash, mac "
		       "FROM audit ORDER BY id", NULL, 0, fn, arg);
}

struct walk {
	const struct db *db;
	struct db_audit_check *out;
	char last[DB_HASH_HEX];
};

static int broken(struct walk *w, const char *id, const char *why)
{
	w->out->broken = atoll(id ? id : "0");
	snprintf(w->out->why, sizeof w->out->why, "%s", why);
	return 1;
}

static int check_row(void *arg, int ncol, const char *const *v)
{
	struct walk *w = arg;
	if (ncol < 10)
		return broken(w, "0", "the log lacks its chain's columns");
	w->out->rows++;
	if (!v[8]) {
		if (w->out->chained)
			return broken(w, v[0], "an entry without the chain after the chain began "
				      "(inserted by SQL)");
		return 0;
	}
	if (!v[7] || strcmp(v[7], w->last) != 0)
		return broken(w, v[0], "it does not follow the entry before it (an entry before "
			      "it was removed or inserted)");
	char h[DB_HASH_HEX];
	row_hash(v[7], &v[1], h);
	if (strcmp(h, v[8]) != 0)
		return broken(w, v[0], "its content does not match its hash (it was edited)");
	if (w->db->has_key) {
		char m[DB_HASH_HEX];
		if (!v[9] || !*v[9])
			return broken(w, v[0], "it has no authentication with the office key (it was "
				      "written by SQL, or stripped of it)");
		row_mac(w->db, v[8], m);
		if (sodium_memcmp(m, v[9], DB_HASH_HEX - 1) != 0 || strlen(v[9]) != DB_HASH_HEX - 1)
			return broken(w, v[0], "its authentication does not match the office key (it, "
				      "or an entry before it, was rewritten)");
		w->out->macs++;
	}
	w->out->chained++;
	memcpy(w->last, v[8], sizeof w->last);
	return 0;
}

int db_audit_verify(struct db *db, struct db_audit_check *out)
{
	memset(out, 0, sizeof *out);
	struct walk w = { db, out, { 0 } };
	memcpy(w.last, zeros, sizeof w.last);
	int rc = db_audit_list(db, check_row, &w);
	return rc < 0 ? rc : DB_OK;
}
