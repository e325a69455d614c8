/* office import: bundles from field laptops into the office store (DESIGN
 * §12). Each bundle is opened with the office key, its laptop judged
 * against the known laptops (--signer), then stored in one transaction:
 * all or nothing, idempotent (the bundle's hash and each case's (laptop
 * key, id) are keys: a case is its laptop's), a case whose records extend
 * the stored ones updates it, one whose records diverge is a conflict
 * kept aside, never overwriting — decided from the records of the sealed
 * bundle the stored row names, opened with the office key and signed by
 * the same laptop, never from the row's columns. A dry run is the same
 * transaction rolled back. Then a receipt signed by the office, naming
 * the store, next to the bundle (FILE.receipt, replacing only an older
 * receipt) or at --receipt (a new file). office init --key makes every
 * row again from its bundle (office_reauthenticate). */
#include <errno.h>
#include <fcntl.h>
#include <malloc.h>
#include <sys/stat.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/receipt.h"
#include "store/seal.h"
#include "office/laptops.h"
#include "office/office.h"

enum { IMPORTED, UPDATED, IDENTICAL, CONFLICTS, NCOUNT };

struct import {
	const struct office_ctx *o;
	const struct keyfile_secret *key;
	const char *keyfp;
	const char *file;
	const char *text;	/* the bundle as it arrived */
	struct bundle b;
	char hash[DB_HASH_HEX];	/* of the file's bytes */
	char laptop[SEAL_FINGERPRINT];	/* the signer's fingerprint, for people */
	char signer[OFFICE_LAPTOP];	/* its full key: a case's identity is (signer, id) */
	char name[64];		/* its name in the known laptops' file, or "" */
	char shown[96];		/* "NAME (FINGERPRINT)", or the fingerprint */
	unsigned char (*chash)[BUNDLE_HASH];	/* each case's hash, made once, or NULL */
	bool fp_rows;	/* the store has rows keyed by the signer's fingerprint */
	bool *present;	/* each case: the store has it under the signer's key */
	struct bundle stored;	/* the last stored bundle opened (stored_hash) */
	char stored_hash[DB_HASH_HEX];
	int n[NCOUNT];
	struct receipt_entry *rv;	/* the cases the office now holds */
	size_t nr;
};

static void hex(const unsigned char *h, size_t n, char *out)
{
	sodium_bin2hex(out, 2 * n + 1, h, n);
}

static void case_hash_hex(const struct bundle_case *c, size_t nrec, char out[DB_HASH_HEX])
{
	unsigned char h[BUNDLE_HASH];
	bundle_case_hash(c->id, c->rec, nrec, h);
	hex(h, sizeof h, out);
}

/* Refuses the transaction: the store does not hold what its row says. */
static int altered(struct db *db, const char *id, const char *what)
{
	snprintf(db->err, sizeof db->err, "case %s: %s: the office store was altered (its row "
		 "does not match the sealed bundles it holds); nothing was decided from it", id, what);
	return DB_ERROR;
}

/* The stored, signed version of case id of this laptop: the case as the
 * bundle of hash holds it (opened with the office key, signed by this very
 * laptop), into *out (borrowed from im). DB_OK, or a DB_ code: a failed
 * read propagates, a bundle that is missing, does not open, is another
 * laptop's or does not hold the case is DB_ERROR (the store was altered). */
static int stored_version(struct db *db, struct import *im, const char *hash, const char *id,
			  const struct bundle_case **out)
{
	const struct bundle *b = &im->b;
	if (strcmp(hash, im->hash) != 0) {
		if (strcmp(hash, im->stored_hash) != 0) {
			char *text, err[256];
			size_t len;
			int rc = db_bundle_sealed(db, hash, &text, &len);
			if (rc < 0)
				return rc;
			bundle_free(&im->stored);
			im->stored_hash[0] = '\0';
			if (rc == 0)
				return altered(db, id, "its bundle is not in the store");
			rc = bundle_open(text, len, im->key->box, &im->stored, err, sizeof err);
			free(text);
			if (rc != 0)
				return altered(db, id, "its bundle does not open with this office key");
			snprintf(im->stored_hash, sizeof im->stored_hash, "%s", hash);
		}
		b = &im->stored;
	}
	if (sodium_memcmp(b->signer, im->b.signer, SEAL_SIGN_PUBLIC) != 0)
		return altered(db, id, "its bundle was signed by another laptop");
	for (size_t i = 0; i < b->n; i++)
		if (strcmp(b->cases[i].id, id) == 0) {
			*out = &b->cases[i];
			return DB_OK;
		}
	return altered(db, id, "its bundle does not hold it");
}

/* Why case c's facts cannot be stored, or NULL: every fact one of the
 * facts table (domain/facts.h), a ONE fact once. */
static const char *facts_problem(const struct bundle_case *c, char *why, size_t n)
{
	bool seen[FACT_COUNT] = { false };
	for (size_t i = 0; i < c->nfact; i++) {
		int f = fact_find(c->fact[i].name);
		if (f < 0) {
			snprintf(why, n, "case %s has the fact '%s', which this office does not count "
				 "(made by a later tipscreen?)", c->id, c->fact[i].name);
			return why;
		}
		if (fact_kind(f) == FACT_ONE && seen[f]) {
			snprintf(why, n, "case %s has the fact '%s' twice", c->id, c->fact[i].name);
			return why;
		}
		seen[f] = true;
	}
	return NULL;
}

/* Row r for case c of bundle b (the bundle's file hash, hex); the case's
 * hash from ch when the import made it already (NULL: made here). */
static void case_row(const struct bundle *b, const char *hash, const struct bundle_case *c,
		     const unsigned char *ch, struct db_case *r)
{
	char signer[OFFICE_LAPTOP];
	office_laptop(b->signer, signer);
	memset(r, 0, sizeof *r);
	r->id = xstrdup(c->id);
	r->laptop = xstrdup(signer);
	r->device = xstrdup(b->device);
	r->bundle = xstrdup(hash);
	r->status = xstrdup(c->status);
	r->deck = xstrdup(c->deck);
	r->created = xasprintf("%lld", c->created);
	r->updated = xasprintf("%lld", c->updated);
	r->nrec = xasprintf("%zu", c->nrec);
	r->hash = xmalloc(DB_HASH_HEX);
	if (ch)
		hex(ch, BUNDLE_HASH, r->hash);
	else
		case_hash_hex(c, c->nrec, r->hash);
	for (size_t i = 0; i < c->nfact; i++)	/* known: facts_problem */
		facts_set(&r->facts, fact_find(c->fact[i].name), c->fact[i].value);
	r->imported = xasprintf("%lld", (long long)time(NULL));
}

void office_case_row(const struct bundle *b, const char *hash, const struct bundle_case *c,
		     struct db_case *r)
{
	case_row(b, hash, c, NULL, r);
}

static void import_row(const struct import *im, const struct bundle_case *c, struct db_case *r)
{
	case_row(&im->b, im->hash, c, im->chash ? im->chash[c - im->b.cases] : NULL, r);
}

/* A case this laptop has in the store already (row s, under the key
 * old_laptop), against what the bundle brings (c, as row r). Decided from
 * the signed records of the bundle s points to, never from s's columns. */
static int stored_case(struct db *db, struct import *im, const struct bundle_case *c,
		       const struct db_case *s, const char *old_laptop, const struct db_case *r)
{
	const struct bundle_case *v;
	int rc = stored_version(db, im, s->bundle, c->id, &v);
	if (rc < 0)
		return rc;
	char h[DB_HASH_HEX], mine[DB_HASH_HEX];
	if (c->nrec >= v->nrec) {
		case_hash_hex(c, v->nrec, h);
		case_hash_hex(v, v->nrec, mine);
		if (strcmp(h, mine) == 0) {
			if (c->nrec == v->nrec && strcmp(old_laptop, im->signer) == 0)
				return IDENTICAL;
			rc = db_case_put(db, r, old_laptop);
			return rc < 0 ? rc : c->nrec == v->nrec ? IDENTICAL : UPDATED;
		}
	} else {
		case_hash_hex(v, c->nrec, mine);
		if (strcmp(mine, r->hash) == 0)
			return IDENTICAL;	/* an older bundle of records the store has */
	}
	rc = db_conflict_add(db, c->id, im->hash, im->signer, (long long)c->nrec, r->hash,
			     (long long)v->nrec);
	return rc < 0 ? rc : CONFLICTS;
}

/* What one case does to the store: IMPORTED … CONFLICTS, or a DB_ code.
 * The case is this laptop's (its full key and the id): another laptop's
 * case of the same id is another case. A row of a store before schema 3
 * is keyed by the laptop's fingerprint, and rewritten to the key. */
static int import_case(struct db *db, struct import *im, const struct bundle_case *c)
{
	struct db_case s, r;
	const char *key = im->signer;
	int found = im->present[c - im->b.cases] ? db_case_find(db, key, c->id, &s) : 0;
	if (found == 0 && im->fp_rows) {
		key = im->laptop;
		found = db_case_find(db, key, c->id, &s);
	}
	if (found < 0)
		return found;
	import_row(im, c, &r);
	int what = found ? stored_case(db, im, c, &s, key, &r) : db_case_put(db, &r, NULL);
	if (what == DB_OK && !found)
		what = IMPORTED;
	if (found)
		db_case_free(&s);
	db_case_free(&r);
	return what;
}

static void add_receipt(struct import *im, const struct bundle_case *c)
{
	struct receipt_entry *e = &im->rv[im->nr++];
	snprintf(e->id, sizeof e->id, "%s", c->id);
	e->records = (long long)c->nrec;
	memcpy(e->hash, im->chash[c - im->b.cases], BUNDLE_HASH);
}

/* Locks the bundle and each of its cases (this laptop's key and the id)
 * before anything about them is read: two imports of one bundle, or of
 * two bundles that share a case, decide one after the other, each on
 * what the other stored; disjoint bundles do not wait for each other. */
static int lock_bundle(struct db *db, const struct import *im)
{
	const char **what = xcalloc(im->b.n + 1, sizeof *what);
	char **keys = xcalloc(im->b.n + 1, sizeof *keys);
	what[0] = im->hash;
	for (size_t i = 0; i < im->b.n; i++)
		what[i + 1] = keys[i] = xasprintf("%s %s", im->signer, im->b.cases[i].id);
	int rc = db_lock(db, what, im->b.n + 1);
	for (size_t i = 0; i < im->b.n; i++)
		free(keys[i]);
	free(keys);
	free(what);
	return rc;
}

static int import_tx(struct db *db, void *arg)
{
	struct import *im = arg;
	memset(im->n, 0, sizeof im->n);
	im->nr = 0;
	int locked = lock_bundle(db, im);
	if (locked < 0)
		return locked;
	int known = db_bundle_known(db, im->hash);
	if (known < 0)
		return known;
	/* Rows of a store before schema 3 are keyed by the fingerprint: looked
	 * up case by case only when this laptop has any. */
	char v[8];
	const char *fp[] = { im->laptop };
	int old = db_value(db, "SELECT 1 FROM cases WHERE laptop = $1 LIMIT 1", fp, 1, v, sizeof v);
	if (old < 0)
		return old;
	im->fp_rows = old > 0;
	const char **ids = xcalloc(im->b.n + 1, sizeof *ids);
	for (size_t i = 0; i < im->b.n; i++) {
		ids[i] = im->b.cases[i].id;
		im->present[i] = false;
	}
	old = db_cases_present(db, im->signer, ids, im->b.n, im->present);
	free(ids);
	if (old < 0)
		return old;
	int rc = known ? DB_OK
		       : db_bundle_put(db, im->hash, im->file, im->b.device, im->laptop, im->b.time,
				       im->text);
	for (size_t i = 0; rc == DB_OK && i < im->b.n; i++) {
		int what = import_case(db, im, &im->b.cases[i]);
		if (what < 0)
			return what;
		im->n[what]++;
		if (what != CONFLICTS)
			add_receipt(im, &im->b.cases[i]);
	}
	if (rc != DB_OK)
		return rc;
	if (*im->name && (rc = laptops_name(db, im->signer, im->name)) != DB_OK)
		return rc;
	char detail[512];
	snprintf(detail, sizeof detail, "laptop %s (%s), %zu case%s: imported %d, updated %d, "
		 "identical %d, conflicts %d", im->shown, im->b.device, im->b.n,
		 im->b.n == 1 ? "" : "s", im->n[IMPORTED],
		 im->n[UPDATED], im->n[IDENTICAL], im->n[CONFLICTS]);
	rc = db_audit(db, "import", im->hash, detail, im->keyfp);
	return rc == DB_OK && im->o->dry_run ? 1 : rc;
}

/* Whether path holds a receipt of tipscreen that may be replaced: a
 * regular file (not followed through a link) that begins like one. */
static bool old_receipt(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return false;
	struct stat sb;
	char head[20] = "";
	bool ok = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) &&
		  read(fd, head, sizeof head - 1) == (ssize_t)sizeof head - 1 &&
		  strncmp(head, "tipscreen-receipt-", 18) == 0;
	close(fd);
	return ok;
}

/* Writes the receipt of im, 0600: at --receipt as a new file (never over
 * anything), or next to its bundle (FILE.receipt), where it may replace
 * only an older receipt (a regular file that is one). */
static int write_receipt(struct db *db, struct import *im)
{
	if (!im->key->pub.has_sign) {
		fprintf(stderr, "tipscreen: warning: %s: no receipt: the office key of an older "
			"tipscreen cannot sign one\n", im->file);
		return 0;
	}
	char id[33], name[65];
	if (db_store_id(db, id, name) < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return -1;
	}
	size_t len;
	char *text = receipt_make(im->b.signer, id, name, im->rv, im->nr, (long long)time(NULL),
				  im->key->sign, &len);
	char *path = im->o->receipt ? xstrdup(im->o->receipt) : xasprintf("%s.receipt", im->file);
	char err[256] = "it cannot be made (the store's id or name is malformed)";
	enum fsx_mode how = !im->o->receipt && old_receipt(path) ? FSX_REPLACE : FSX_NEW;
	int rc = text ? fsx_write(path, text, len, 0600, how, err, sizeof err) : -1;
	/* Another import of the same bundle may have written its receipt since. */
	if (rc == FSX_EXISTS && !im->o->receipt && old_receipt(path))
		rc = fsx_write(path, text, len, 0600, FSX_REPLACE, err, sizeof err);
	if (rc != FSX_OK)
		fprintf(stderr, "%s: error: cannot write the receipt: %s%s\n", path, err,
			rc == FSX_EXISTS ? " (a receipt never replaces a file: give another "
			"--receipt FILE)" : "");
	else
		fprintf(im->o->out, "%s: receipt %s (%zu case%s)\n", im->file, path, im->nr,
			im->nr == 1 ? "" : "s");
	free(text);
	free(path);
	return rc == FSX_OK ? 0 : -1;
}

/* Refuses im's bundle: says why, and audits the refusal (not in a dry run). */
static void refuse(struct db *db, const struct import *im, const char *why)
{
	fprintf(stderr, "%s: error: refused: %s\n", im->file, why);
	fprintf(im->o->out, "%s: refused\n", im->file);
	if (!im->o->dry_run && db_audit_now(db, "refuse", im->hash, why, im->keyfp) < 0)
		fprintf(stderr, "tipscreen: error: the audit log: %s\n", db_error(db));
}

/* Whether the bundle's laptop is accepted; refuses it if not. */
static bool judge(struct db *db, struct import *im, const struct seal_signer *v, size_t nv)
{
	const struct seal_signer *known = seal_signer_find(v, nv, im->b.signer);
	if (known && *known->name) {
		snprintf(im->name, sizeof im->name, "%s", known->name);
		snprintf(im->shown, sizeof im->shown, "%s (%s)", known->name, im->laptop);
	}
	if (known)
		return true;
	if (im->o->any_signer) {
		fprintf(stderr, "tipscreen: WARNING: %s is signed by laptop %s (%s), which is NOT "
			"KNOWN (--any-signer): anyone with tipscreen and the office's public key could "
			"have made it.\n", im->file, im->laptop, im->b.device);
		return true;
	}
	char why[512];
	snprintf(why, sizeof why, "signed by laptop %s (it calls itself '%s'), which is not in %s: "
		 "add that laptop's key (`tipscreen whoami FILE` on the laptop) to the list, or "
		 "--any-signer to accept it", im->laptop, im->b.device,
		 im->o->signer ? im->o->signer : "the known laptops (--signer LAPTOPS)");
	refuse(db, im, why);
	return false;
}

/* One bundle: 0 stored (or a dry run), 1 refused, -1 a runtime error. */
static int import_one(struct db *db, struct import *im, const struct seal_signer *v, size_t nv,
		      int total[NCOUNT])
{
	size_t len;
	char err[256], why[600];
	char *text = fsx_slurp(im->file, FSX_SLURP_MAX, &len, why, sizeof why);
	if (!text) {
		fprintf(stderr, "%s: error: %s\n", im->file, why);
		snprintf(im->hash, sizeof im->hash, "-");
		refuse(db, im, "cannot be read");
		return 1;
	}
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)text, len, NULL, 0);
	hex(h, sizeof h, im->hash);
	im->text = text;
	int rc = 1;
	if (bundle_open(text, len, im->key->box, &im->b, err, sizeof err) != 0) {
		snprintf(why, sizeof why, "not a bundle that opens with this office key (altered, "
			 "sealed to another key, or not a bundle): %s", err);
		refuse(db, im, why);
		free(text);
		return 1;
	}
	seal_fingerprint(im->b.signer, im->laptop);
	office_laptop(im->b.signer, im->signer);
	snprintf(im->shown, sizeof im->shown, "%s", im->laptop);
	const char *bad = NULL;
	for (size_t i = 0; i < im->b.n && !bad; i++)
		bad = facts_problem(&im->b.cases[i], why, sizeof why);
	if (bad)
		refuse(db, im, bad);
	else if (judge(db, im, v, nv)) {
		im->rv = xcalloc(im->b.n + 1, sizeof *im->rv);
		/* Hashed once: a transaction run again does not hash again. */
		im->chash = xcalloc(im->b.n + 1, sizeof *im->chash);
		im->present = xcalloc(im->b.n + 1, sizeof *im->present);
		for (size_t i = 0; i < im->b.n; i++)
			bundle_case_hash(im->b.cases[i].id, im->b.cases[i].rec, im->b.cases[i].nrec,
					 im->chash[i]);
		int t = db_transact(db, import_tx, im);
		if (t < 0) {
			fprintf(stderr, "%s: error: nothing of it was stored: %s\n", im->file,
				db_error(db));
			rc = -1;
		} else {
			fprintf(im->o->out, "%s%s: laptop %s (%s), %zu case%s: imported %d, updated %d, "
				"identical %d, conflicts %d\n", im->o->dry_run ? "(dry run) " : "",
				im->file, im->shown, im->b.device, im->b.n, im->b.n == 1 ? "" : "s",
				im->n[IMPORTED],
				im->n[UPDATED], im->n[IDENTICAL], im->n[CONFLICTS]);
			for (int i = 0; i < NCOUNT; i++)
				total[i] += im->n[i];
			rc = im->o->dry_run ? 0 : write_receipt(db, im) < 0 ? -1 : 0;
		}
		free(im->rv);
		free(im->chash);
		free(im->present);
		im->chash = NULL;
		im->present = NULL;
	}
	bundle_free(&im->stored);
	bundle_free(&im->b);
	free(text);
	return rc;
}

/* --- office init --key: every case's row made again from its bundle ---- */

struct reauth {
	const struct keyfile_secret *key;
	const char *keyfp;
	struct db_case *v;	/* the rows: laptop, id, bundle (the rest unused) */
	size_t n, cap;
	long long done;
};

static int take_key(void *arg, int ncol, const char *const *val)
{
	struct reauth *r = arg;
	if (ncol < 4)
		return 0;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	memset(&r->v[r->n], 0, sizeof r->v[r->n]);
	r->v[r->n].id = xstrdup(val[0] ? val[0] : "");
	r->v[r->n].laptop = xstrdup(val[1] ? val[1] : "");
	r->v[r->n].bundle = xstrdup(val[3] ? val[3] : "");
	const char *imported = val[db_case_conflicts_column() - 2];	/* then mac, conflicts */
	r->v[r->n].imported = xstrdup(imported ? imported : "0");
	r->n++;
	return 0;
}

/* Row i again from the bundle it names, which must be signed by the laptop
 * the row names (its key, or its fingerprint in a row of schema 2). */
static int reauth_one(struct db *db, struct reauth *r, struct import *im, size_t i)
{
	const struct db_case *s = &r->v[i];
	char err[256], fp[SEAL_FINGERPRINT];
	int rc;
	if (i == 0 || strcmp(s->bundle, r->v[i - 1].bundle) != 0) {	/* sorted by bundle */
		char *text;
		size_t len;
		rc = db_bundle_sealed(db, s->bundle, &text, &len);
		if (rc <= 0)
			return rc < 0 ? rc : altered(db, s->id, "its bundle is not in the store");
		bundle_free(&im->b);
		rc = bundle_open(text, len, r->key->box, &im->b, err, sizeof err);
		free(text);
		if (rc != 0)
			return altered(db, s->id, "its bundle does not open with this office key");
	}
	seal_fingerprint(im->b.signer, im->laptop);
	office_laptop(im->b.signer, im->signer);
	snprintf(fp, sizeof fp, "%s", im->laptop);
	if (strcmp(s->laptop, im->signer) != 0 && strcmp(s->laptop, fp) != 0)
		return altered(db, s->id, "its bundle was signed by another laptop");
	snprintf(im->hash, sizeof im->hash, "%s", s->bundle);
	for (size_t c = 0; c < im->b.n; c++)
		if (strcmp(im->b.cases[c].id, s->id) == 0) {
			struct db_case row;
			import_row(im, &im->b.cases[c], &row);
			free(row.imported);
			row.imported = xstrdup(s->imported);
			rc = db_case_put(db, &row, s->laptop);
			db_case_free(&row);
			r->done += rc == DB_OK;
			return rc;
		}
	return altered(db, s->id, "its bundle does not hold it");
}

static int reauth_tx(struct db *db, void *arg)
{
	struct reauth *r = arg;
	r->done = 0;
	struct import im = { .key = r->key };
	int rc = DB_OK;
	for (size_t i = 0; rc == DB_OK && i < r->n; i++)
		rc = reauth_one(db, r, &im, i);
	bundle_free(&im.b);
	if (rc == DB_OK)
		rc = db_audit(db, "reauthenticate", "cases", "every case's row made again from its "
			      "signed bundle", r->keyfp);
	return rc;
}

static int compare_bundle(const void *a, const void *b)
{
	return strcmp(((const struct db_case *)a)->bundle, ((const struct db_case *)b)->bundle);
}

int office_reauthenticate(const struct office_ctx *o, struct db *db,
			  const struct keyfile_secret *key, const char *fp)
{
	struct reauth r = { .key = key, .keyfp = fp };
	int rc = db_cases(db, take_key, &r);
	if (r.n)
		qsort(r.v, r.n, sizeof *r.v, compare_bundle);	/* each bundle opened once */
	if (rc == DB_OK)
		rc = db_transact(db, reauth_tx, &r);
	if (rc == DB_OK)
		fprintf(o->out, "%lld cases made again from their signed bundles, each authenticated "
			"with the office key %s\n", r.done, fp);
	else
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
	for (size_t i = 0; i < r.n; i++)
		db_case_free(&r.v[i]);
	free(r.v);
	return rc == DB_OK ? EXIT_OK : EXIT_RUNTIME;
}

/* Bundles of megabytes are read, decoded and opened one after the other:
 * the memory one frees (its plain text wiped first, store/seal.h) is kept
 * for the next, instead of being returned to the kernel and given back
 * as fresh pages that it zeroes again (glibc maps a block above its
 * threshold on its own, and trims the heap's top). */
static void keep_freed_memory(void)
{
	mallopt(M_MMAP_THRESHOLD, 64 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
}

int office_import(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	if (argc < 1) {
		fputs("tipscreen: office import needs one or more bundle files\n", stderr);
		return EXIT_INPUT;
	}
	if (o->receipt && argc > 1) {
		fputs("tipscreen: --receipt FILE takes one bundle; without it each receipt is "
		      "written next to its bundle\n", stderr);
		return EXIT_INPUT;
	}
	if (!o->signer && !o->any_signer) {
		fputs("tipscreen: office import needs the known laptops: --signer LAPTOPS (their "
		      "keys, from `tipscreen whoami FILE`), or --any-signer\n", stderr);
		return EXIT_INPUT;
	}
	struct seal_signer *v;
	size_t nv;
	if (o->load_signers(o->arg, &v, &nv) < 0)
		return EXIT_INPUT;
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (!k) {
		free(v);
		return rc;
	}
	db->locking = true;	/* import_tx locks its bundle and cases (db_lock) */
	keep_freed_memory();
	int total[NCOUNT] = { 0 }, refused = 0, failed = 0;
	for (int i = 0; i < argc; i++) {
		struct import im = { .o = o, .key = k, .keyfp = fp, .file = argv[i] };
		int r = import_one(db, &im, v, nv, total);
		refused += r == 1;
		failed += r < 0;
	}
	fprintf(o->out, "%simported %d, updated %d, identical %d, conflicts %d, refused %d\n",
		o->dry_run ? "(dry run: nothing was stored) " : "", total[IMPORTED], total[UPDATED],
		total[IDENTICAL], total[CONFLICTS], refused);
	keyfile_secret_free(k);
	free(v);
	return failed ? EXIT_RUNTIME : refused ? EXIT_INPUT : EXIT_OK;
}
