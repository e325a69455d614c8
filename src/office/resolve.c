/* resolve: a conflict at the office (issue 22) — `office conflicts --show
 * N` opens the stored version of the case and the incoming one (the
 * bundle kept aside) with the office key, replays each with the deck, and
 * prints their answers side by side (on each one's path), the differing
 * ones first; `office resolve N --keep
 * stored|incoming --reason TEXT` keeps one. Nothing is deleted: both
 * sealed bundles stay, the decision is a row of the append-only
 * resolutions table, and keeping the incoming version points the case's
 * row (made again from that bundle, with its MAC) at it. Both are
 * written to the audit log. A later import of the kept version's bundle
 * finds it identical, and its receipt confirms it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pwd.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/xalloc.h"
#include "domain/lint.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "app/caseexport.h"
#include "office/laptops.h"
#include "office/office.h"

/* A conflict's row and what it was resolved to. */
struct conflict {
	char id[24], case_id[64], laptop[OFFICE_LAPTOP + 16], bundle[DB_HASH_HEX];
	char kept[16];	/* "stored", "incoming", or "" */
	bool found;
};

static int take_conflict(void *arg, int ncol, const char *const *v)
{
	struct conflict *c = arg;
	if (ncol < 5 || !v[0] || !v[1] || !v[2] || !v[3])
		return 0;
	snprintf(c->id, sizeof c->id, "%s", v[0]);
	snprintf(c->case_id, sizeof c->case_id, "%s", v[1]);
	snprintf(c->laptop, sizeof c->laptop, "%s", v[2]);
	snprintf(c->bundle, sizeof c->bundle, "%s", v[3]);
	snprintf(c->kept, sizeof c->kept, "%s", v[4] ? v[4] : "");
	c->found = true;
	return 0;
}

/* Conflict n into *c: DB_OK (c->found says whether there is one) or a DB_
 * code. */
static int conflict_get(struct db *db, const char *n, struct conflict *c)
{
	memset(c, 0, sizeof *c);
	const char *p[] = { n };
	return db_exec(db, "SELECT id, case_id, laptop, bundle, (SELECT r.keep FROM resolutions r "
		       "WHERE r.conflict = conflicts.id ORDER BY r.id LIMIT 1) FROM conflicts WHERE "
		       "CAST(id AS TEXT) = $1", p, 1, take_conflict, c);
}

/* Opens the bundle of hash and finds case id of laptop in it: 0 (b to
 * bundle_free, *out in it), or -1 with why. */
static int open_case(struct db *db, const struct keyfile_secret *k, const char *hash,
		     const char *laptop, const char *id, struct bundle *b,
		     const struct bundle_case **out, char *why, size_t n)
{
	char *text, err[256], key[OFFICE_LAPTOP];
	size_t len;
	int got = db_bundle_sealed(db, hash, &text, &len);
	if (got <= 0) {
		snprintf(why, n, "%s", got < 0 ? db_error(db) : "its bundle is not in the store");
		return -1;
	}
	int rc = bundle_open(text, len, k->box, b, err, sizeof err);
	free(text);
	if (rc != 0) {
		snprintf(why, n, "its bundle does not open with this office key");
		return -1;
	}
	office_laptop(b->signer, key);
	for (size_t i = 0; strcmp(key, laptop) == 0 && i < b->n; i++)
		if (strcmp(b->cases[i].id, id) == 0) {
			*out = &b->cases[i];
			return 0;
		}
	bundle_free(b);
	snprintf(why, n, "its bundle is another laptop's, or does not hold the case (the store "
		 "was altered)");
	return -1;
}

/* One line of the side-by-side table: the question and both answers, each
 * cut to its column, a '*' before a question whose answers differ. */
static void side_line(FILE *out, const char *q, const char *a, const char *b)
{
	char *cq = office_clean(q), *ca = office_clean(a), *cb = office_clean(b);
	fprintf(out, "%c %-22.22s %-26.26s %-.26s\n", strcmp(a, b) ? '*' : ' ', cq, ca, cb);
	free(cq);
	free(ca);
	free(cb);
}

/* The answers of both versions, question by question in the deck's order
 * (those on each version's path, when the deck replays it), those that
 * differ first. */
static void side_by_side(FILE *out, const struct bundle_case *s, const struct bundle_case *in,
			 const struct deck *dk)
{
	struct caseexport a, b;
	office_case_export(s, &a);
	office_case_export(in, &b);
	caseexport_replay(&a, dk);
	caseexport_replay(&b, dk);
	char h1[40], h2[40];
	snprintf(h1, sizeof h1, "stored (%zu records)", s->nrec);
	snprintf(h2, sizeof h2, "incoming (%zu records)", in->nrec);
	fprintf(out, "  %-22s %-26s %s\n", "question", h1, h2);
	size_t differ = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < dk->nslots; i++) {
			char *x = caseexport_answer(&a, dk, (int)i), *y = caseexport_answer(&b, dk, (int)i);
			bool d = strcmp(x ? x : "-", y ? y : "-") != 0;
			if ((x || y) && d == (pass == 0)) {
				side_line(out, dk->slots[i].id, x ? x : "-", y ? y : "-");
				differ += d;
			}
			free(x);
			free(y);
		}
		if (pass == 0)
			fprintf(out, "  (%zu answer%s differ%s; the same below)\n", differ,
				differ == 1 ? "" : "s", differ == 1 ? "s" : "");
	}
	caseexport_free(&a);
	caseexport_free(&b);
}

int office_conflict_show(const struct office_ctx *o, struct db *db, const char *n)
{
	struct conflict c;
	if (conflict_get(db, n, &c) < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	if (!c.found) {
		fprintf(stderr, "tipscreen: error: no conflict %s (`tipscreen office conflicts` lists "
			"them)\n", n);
		return EXIT_INPUT;
	}
	struct db_case row;
	int got = db_case_find(db, c.laptop, c.case_id, &row);
	if (got <= 0) {
		fprintf(stderr, "tipscreen: error: conflict %s: %s\n", n,
			got < 0 ? db_error(db) : "its case is not in the store (altered)");
		return EXIT_RUNTIME;
	}
	struct diags dg = { 0 };
	struct deck *dk = deck_load(o->deck, &dg);
	if (!dk)
		diags_print(&dg, stderr);
	diags_free(&dg);
	int rc = EXIT_INPUT;
	char why[256], fp[SEAL_FINGERPRINT], lp[64], name[128];
	struct keyfile_secret *k = dk ? office_key(o, db, fp, &rc) : NULL;
	if (!k) {
		deck_free(dk);
		db_case_free(&row);
		return rc;
	}
	struct bundle sb, ib;
	const struct bundle_case *s, *in;
	rc = EXIT_RUNTIME;
	if (open_case(db, k, row.bundle, c.laptop, c.case_id, &sb, &s, why, sizeof why) < 0) {
		fprintf(stderr, "tipscreen: error: conflict %s, the stored version: %s\n", n, why);
	} else {
		if (open_case(db, k, c.bundle, c.laptop, c.case_id, &ib, &in, why, sizeof why) < 0) {
			fprintf(stderr, "tipscreen: error: conflict %s, the incoming version: %s\n", n,
				why);
		} else {
			char *detail = xasprintf("conflict %s: both versions' answers were shown", n);
			if (db_audit_now(db, "open", c.case_id, detail, fp) < 0) {
				fprintf(stderr, "tipscreen: error: the audit log: %s\n", db_error(db));
			} else {
				laptops_name_of(db, c.laptop, name, sizeof name);
				office_laptop_shown(c.laptop, lp, sizeof lp);
				fprintf(o->out, "Conflict %s: case %s of laptop %s%s%s%s\n", n, c.case_id,
					name, *name ? " (" : "", lp, *name ? ")" : "");
				fprintf(o->out, "stored: bundle %.16s; incoming: bundle %.16s%s%s\n\n",
					row.bundle, c.bundle, *c.kept ? "; resolved: kept " : "",
					c.kept);
				side_by_side(o->out, s, in, dk);
				if (!*c.kept)
					fprintf(o->out, "\nKeep one: tipscreen office resolve %s --keep "
						"stored|incoming --reason TEXT --key OFFICE.key\n", n);
				rc = EXIT_OK;
			}
			free(detail);
			bundle_free(&ib);
		}
		bundle_free(&sb);
	}
	keyfile_secret_free(k);
	deck_free(dk);
	db_case_free(&row);
	return rc;
}

struct resolution {
	const struct office_ctx *o;
	const struct keyfile_secret *k;
	const char *n, *keyfp;
	struct conflict c;
	size_t nrec;		/* the kept version's records */
	char why[300];
};

static int resolve_tx(struct db *db, void *arg)
{
	struct resolution *r = arg;
	int rc = conflict_get(db, r->n, &r->c);
	if (rc < 0)
		return rc;
	if (!r->c.found || *r->c.kept) {
		snprintf(r->why, sizeof r->why, r->c.found ? "conflict %s was resolved already (the "
			 "office kept the %s version)" : "no conflict %s (`tipscreen office "
			 "conflicts` lists them)", r->n, r->c.kept);
		return 1;
	}
	struct db_case row;
	int got = db_case_find(db, r->c.laptop, r->c.case_id, &row);
	if (got <= 0) {
		snprintf(r->why, sizeof r->why, "its case is not in the store (altered)");
		return got < 0 ? got : 1;
	}
	bool incoming = strcmp(r->o->keep, "incoming") == 0;
	const char *kept = incoming ? r->c.bundle : row.bundle;
	struct bundle b;
	const struct bundle_case *c;
	if (open_case(db, r->k, kept, r->c.laptop, r->c.case_id, &b, &c, r->why,
		      sizeof r->why) < 0) {
		db_case_free(&row);
		return 1;
	}
	r->nrec = c->nrec;
	if (incoming) {
		struct db_case now;
		office_case_row(&b, r->c.bundle, c, &now);
		rc = db_case_put(db, &now, r->c.laptop);
		db_case_free(&now);
	}
	char at[24], user[128], hash[DB_HASH_HEX];
	snprintf(hash, sizeof hash, "%s", kept);
	struct passwd *pw = getpwuid(geteuid());
	snprintf(user, sizeof user, "%s", pw && pw->pw_name ? pw->pw_name : "unknown");
	snprintf(at, sizeof at, "%lld", (long long)time(NULL));
	const char *p[] = { r->c.id, r->o->keep, hash, r->o->reason, user, at };
	if (rc == DB_OK)
		rc = db_exec(db, "INSERT INTO resolutions (conflict, keep, bundle, reason, os_user, at) "
			     "VALUES ($1, $2, $3, $4, $5, $6)", p, 6, NULL, NULL);
	char *detail = xasprintf("conflict %s: kept the %s version (bundle %.16s, %zu records; "
				 "the other's bundle stays): %s", r->c.id, r->o->keep, hash, c->nrec,
				 r->o->reason);
	if (rc == DB_OK)
		rc = db_audit(db, "resolve", r->c.case_id, detail, r->keyfp);
	free(detail);
	bundle_free(&b);
	db_case_free(&row);
	return rc;
}

int office_resolve(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	if (!o->keep || (strcmp(o->keep, "stored") != 0 && strcmp(o->keep, "incoming") != 0)) {
		fputs("tipscreen: error: office resolve needs --keep stored or --keep incoming\n",
		      stderr);
		return EXIT_INPUT;
	}
	if (!o->reason || !*o->reason) {
		fputs("tipscreen: error: office resolve needs --reason TEXT: why this version\n",
		      stderr);
		return EXIT_INPUT;
	}
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (!k)
		return rc;
	struct resolution r = { .o = o, .k = k, .n = argv[0], .keyfp = fp };
	int t = db_transact(db, resolve_tx, &r);
	keyfile_secret_free(k);
	if (t == 1) {
		fprintf(stderr, "tipscreen: error: conflict %s: %s\n", argv[0], r.why);
		return EXIT_INPUT;
	}
	if (t != DB_OK) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	fprintf(o->out, "Conflict %s: the office keeps the %s version of case %s (%zu records); "
		"both sealed bundles stay in the store.\n", r.c.id, o->keep, r.c.case_id, r.nrec);
	if (strcmp(o->keep, "incoming") == 0)
		fputs("Import that bundle again (`tipscreen office import FILE …`): its receipt then "
		      "confirms the version the office holds.\n", o->out);
	return EXIT_OK;
}
