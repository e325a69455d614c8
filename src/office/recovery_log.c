#include "office/recovery_log.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/fsx.h"
#include "store/keyfile.h"
#include "store/recovery.h"
#include "store/seal.h"

/* One notice's entry: written once, in a transaction of its own. */
struct entry {
	const char *hash, *detail, *keyfp;
	int known;		/* set: 1 if the log had it already */
};

static int log_tx(struct db *db, void *arg)
{
	struct entry *e = arg;
	const char *p[] = { e->hash };
	char found[8];
	e->known = db_value(db, "SELECT 1 FROM audit WHERE action = 'recovery' AND object = $1", p, 1,
			    found, sizeof found);
	if (e->known != 0)
		return e->known < 0 ? e->known : DB_OK;
	return db_audit(db, "recovery", e->hash, e->detail, e->keyfp);
}

/* Says why file is refused, and audits it. */
static int refuse_tx(struct db *db, void *arg)
{
	const struct entry *e = arg;
	return db_audit(db, "refuse", e->hash, e->detail, e->keyfp);
}

static void refuse(struct db *db, const char *file, const char *hash, const char *why, const char *keyfp)
{
	fprintf(stderr, "%s: error: refused: %s\n", file, why);
	struct entry e = { hash, why, keyfp, 0 };
	if (db_transact(db, refuse_tx, &e) != DB_OK)
		fprintf(stderr, "tipscreen: error: the audit log: %s\n", db_error(db));
}

/* Whether the notice's laptop is accepted: it says why not. */
static bool known_laptop(const struct office_ctx *o, const struct recovery *r,
			 const struct seal_signer *v, size_t nv, char *laptop, char *why, size_t n)
{
	seal_fingerprint(r->laptop, laptop);
	if (seal_signer_find(v, nv, r->laptop))
		return true;
	if (o->any_signer) {
		fprintf(stderr, "tipscreen: WARNING: a recovery notice of laptop %s (%s), which is NOT "
			"KNOWN (--any-signer)\n", laptop, r->device);
		return true;
	}
	snprintf(why, n, "signed by laptop %s (it calls itself '%s'), which is not in %s; "
		 "--any-signer to accept it", laptop, r->device,
		 o->signer ? o->signer : "the known laptops (--signer LAPTOPS)");
	return false;
}

/* One notice: 0 logged (or logged already), 1 refused, -1 an error. */
static int log_one(const struct office_ctx *o, struct db *db, const struct keyfile_secret *k,
		   const char *keyfp, const struct seal_signer *v, size_t nv, const char *file)
{
	size_t len;
	char why[512], hash[DB_HASH_HEX] = "-", laptop[SEAL_FINGERPRINT], t[32], e[32], td[32], ed[32];
	char *text = fsx_slurp(file, 1 << 16, &len, why, sizeof why);
	struct recovery r;
	int rc = 1;
	if (text) {
		unsigned char h[32];
		crypto_generichash(h, sizeof h, (const unsigned char *)text, len, NULL, 0);
		sodium_bin2hex(hash, sizeof hash, h, sizeof h);
	}
	if (!text || recovery_open(text, len, k->box, &r, why, sizeof why) < 0) {
		char said[600];
		snprintf(said, sizeof said, "not a recovery notice that opens with this office key: %s", why);
		refuse(db, file, hash, said, keyfp);
	} else if (!known_laptop(o, &r, v, nv, laptop, why, sizeof why)) {
		refuse(db, file, hash, why, keyfp);
	} else {
		snprintf(t, sizeof t, "%lld", r.time);
		snprintf(e, sizeof e, "%lld", r.enrolled);
		char detail[400];
		snprintf(detail, sizeof detail, "laptop %s (%s) recovered its store with this office key "
			 "on %s UTC (enrolled %s UTC; %lld cases)", laptop, r.device, office_date(t, td),
			 office_date(e, ed), r.cases);
		struct entry en = { hash, detail, keyfp, 0 };
		rc = db_transact(db, log_tx, &en) != DB_OK || en.known < 0 ? -1 : 0;
		if (rc < 0)
			fprintf(stderr, "%s: error: the audit log: %s\n", file, db_error(db));
		else
			fprintf(o->out, "%s: %s%s\n", file, detail, en.known ? " (in the audit log already)" : "");
	}
	free(text);
	return rc;
}

int office_recovery(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	if (!o->signer && !o->any_signer) {
		fputs("tipscreen: office recovery needs the known laptops: --signer LAPTOPS, or "
		      "--any-signer\n", stderr);
		return EXIT_INPUT;
	}
	struct seal_signer *v;
	size_t nv;
	if (o->load_signers(o->arg, &v, &nv) < 0)
		return EXIT_INPUT;
	int rc;
	/* The log's entries are authenticated with a key derived from the
	 * office key: without it, `office audit --key` would flag them. */
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (!k) {
		free(v);
		return rc;
	}
	int refused = 0, failed = 0;
	for (int i = 0; i < argc; i++) {
		int r = log_one(o, db, k, fp, v, nv, argv[i]);
		refused += r == 1;
		failed += r < 0;
	}
	keyfile_secret_free(k);
	free(v);
	return failed ? EXIT_RUNTIME : refused ? EXIT_INPUT : EXIT_OK;
}
