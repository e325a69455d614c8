/* office: `tipscreen office SUBCOMMAND …` — opens the office store of
 * --db (default: office.db in $XDG_DATA_HOME/tipscreen-office, 0700),
 * creates its schema if needed, and runs init, cases, show, conflicts,
 * audit (here), import (import.c) or stats (stats.c). Nothing about a
 * respondent is printed except by `show`, which needs the office key and
 * is written to the audit log. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "base/fsx.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "office/office.h"

const char *office_date(const char *seconds, char buf[32])
{
	time_t t = (time_t)atoll(seconds ? seconds : "0");
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, 32, "?");
	return buf;
}

/* The store's URL: --db, else the default file (its directory made only
 * by init: every other command refuses a store that is not there). */
static char *store_url(const struct office_ctx *o, bool init)
{
	if (o->db)
		return xstrdup(o->db);
	char *dir = fsx_xdg(FSX_XDG_DATA, "tipscreen-office"), why[128];
	if (!dir) {
		fputs("tipscreen: error: no HOME nor XDG_DATA_HOME: give the store with --db\n", stderr);
		return NULL;
	}
	if (init && fsx_mkdir_p(dir, why, sizeof why) != 0) {
		fprintf(stderr, "%s: error: %s\n", dir, why);
		free(dir);
		return NULL;
	}
	char *url = xasprintf("sqlite:%s/office.db", dir);
	free(dir);
	return url;
}

void office_laptop(const unsigned char *key, char out[OFFICE_LAPTOP])
{
	sodium_bin2base64(out, OFFICE_LAPTOP, key, SEAL_SIGN_PUBLIC, sodium_base64_VARIANT_ORIGINAL);
}

/* A value read from the store, made safe for a terminal: no control,
 * bidi or invalid byte, and no line break (which could forge a line of
 * its own): a new string. */
static char *clean(const char *v)
{
	char *s = text_sanitize(v ? v : "");
	for (char *p = s; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	return s;
}

const char *office_laptop_shown(const char *column, char *out, size_t n)
{
	unsigned char key[SEAL_SIGN_PUBLIC];
	char fp[SEAL_FINGERPRINT];
	if (column && seal_key_decode(column, strlen(column), key, sizeof key) == 0) {
		seal_fingerprint(key, fp);
		snprintf(out, n, "%s", fp);
	} else {
		char *c = clean(column);
		snprintf(out, n, "%s", c);
		free(c);
	}
	return out;
}

/* The n values of v made safe (clean), into w: free_clean frees them. */
static void clean_all(int n, const char *const *v, char **w)
{
	for (int i = 0; i < n; i++)
		w[i] = clean(v[i]);
}

static void free_clean(int n, char **w)
{
	for (int i = 0; i < n; i++)
		free(w[i]);
}

static int print_case(void *arg, int ncol, const char *const *v)
{
	const struct office_ctx *o = arg;
	int outcome = db_case_column(FACT_OUTCOME), nconflicts = db_case_conflicts_column();
	if (ncol <= nconflicts)
		return 0;
	/* id laptop device bundle status deck created updated nrec hash, facts … conflicts */
	const char *const pick[] = { v[0], v[2], v[outcome], v[4], v[nconflicts] };
	char *w[5], c[32], u[32], lp[64];
	clean_all(5, pick, w);
	fprintf(o->out, "%-16s  %-24s  %-12s  %s  %s  %-22s  %-8s  %s\n", w[0],
		office_laptop_shown(v[1], lp, sizeof lp), w[1], office_date(v[6], c),
		office_date(v[7], u), w[2], w[3], w[4]);
	free_clean(5, w);
	return 0;
}

int office_cases(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	fprintf(o->out, "%-16s  %-24s  %-12s  %-16s  %-16s  %-22s  %-8s  %s\n", "id", "laptop",
		"device", "created", "updated", "outcome", "status", "conflicts");
	return db_cases(db, print_case, (void *)o) < 0 ? EXIT_RUNTIME : EXIT_OK;
}

static int print_conflict(void *arg, int ncol, const char *const *v)
{
	const struct office_ctx *o = arg;
	char d[32], lp[64], *w[7] = { NULL };
	if (ncol < 7)
		return 0;
	clean_all(7, v, w);
	fprintf(o->out, "conflict %s: case %s of laptop %s: bundle %.16s has %s records that "
		"diverge from the %s stored (found %s)\n", w[0], w[1],
		office_laptop_shown(v[2], lp, sizeof lp), w[3], w[4], w[5], office_date(v[6], d));
	free_clean(7, w);
	return 0;
}

int office_conflicts(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	return db_conflicts(db, print_conflict, (void *)o) < 0 ? EXIT_RUNTIME : EXIT_OK;
}

static int print_audit(void *arg, int ncol, const char *const *v)
{
	const struct office_ctx *o = arg;
	char d[32], *w[7] = { NULL };
	if (ncol < 7)
		return 0;
	clean_all(7, v, w);
	fprintf(o->out, "%s  %s  user %s  key %s  %s %s: %s\n", w[0], office_date(v[1], d), w[2],
		w[3], w[4], w[5], w[6]);
	free_clean(7, w);
	return 0;
}

/* Lists the log, then verifies its chain (and, with --key, every entry's
 * authentication): exit 0 when it holds, 1 (EXIT_RUNTIME) saying where it
 * breaks. */
int office_audit(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	if (o->key) {
		int rc;
		struct keyfile_secret *k = o->open_key(o->arg, &rc);
		if (!k)
			return rc;
		db_office_key_unchecked(db, k->box);
		keyfile_secret_free(k);
	}
	struct db_audit_check c;
	if (db_audit_list(db, print_audit, (void *)o) < 0 || db_audit_verify(db, &c) < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	if (c.broken) {
		fprintf(o->out, "THE AUDIT LOG IS BROKEN at entry %lld: %s. The entries from there on "
			"cannot be trusted.\n", c.broken, c.why);
		return EXIT_RUNTIME;
	}
	fprintf(o->out, "The audit log holds: %lld entries, %lld of them chained", c.rows, c.chained);
	if (o->key)
		fprintf(o->out, ", %lld authenticated with the office key.\n", c.macs);
	else
		fputs(" (give --key to check them against the office key too: without it, whoever "
		      "can write the store could have rewritten the chain).\n", o->out);
	return EXIT_OK;
}

/* Prints the lines of s, each made safe for a terminal, indented. */
static void print_lines(FILE *out, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, "\n");
		char *line = xasprintf("%.*s", (int)n, s);
		char *safe = text_sanitize(line);
		fprintf(out, "    %s\n", safe);
		free(safe);
		free(line);
		s += n + (s[n] == '\n');
	}
}

/* A case as its signed bundle holds it (device, status, times, facts,
 * records: nothing from the row's columns), and where the row says
 * otherwise. */
static void print_opened(const struct office_ctx *o, const struct db_case *s,
			 const struct bundle *b, const struct bundle_case *c)
{
	char d[32], fp[SEAL_FINGERPRINT], when[24];
	seal_fingerprint(b->signer, fp);
	fprintf(o->out, "case %s\nlaptop %s (%s)\nstatus %s\ncreated %s\n", c->id, fp, b->device,
		c->status, office_date((snprintf(when, sizeof when, "%lld", c->created), when), d));
	fprintf(o->out, "updated %s\ndeck %s\n",
		office_date((snprintf(when, sizeof when, "%lld", c->updated), when), d),
		*c->deck ? c->deck : "-");
	for (size_t f = 0; f < c->nfact; f++)
		fprintf(o->out, "%s %s\n", c->fact[f].name, *c->fact[f].value ? c->fact[f].value : "-");
	fprintf(o->out, "records %zu\n", c->nrec);
	for (size_t i = 0; i < c->nrec; i++) {
		fprintf(o->out, "record %lld\n", c->rec[i].seq);
		print_lines(o->out, c->rec[i].data);
	}
	snprintf(when, sizeof when, "%zu", c->nrec);
	if (strcmp(s->device, b->device) != 0 || strcmp(s->status, c->status) != 0 ||
	    strcmp(s->nrec, when) != 0 || atoll(s->created) != c->created ||
	    atoll(s->updated) != c->updated)
		fputs("warning: the store's row of this case differs from its signed bundle (the row "
		      "was altered): the above is the bundle's\n", o->out);
}

/* The laptops (their column values) holding a case id. */
struct laptops {
	char **v;
	size_t n, cap;
};

static int take_laptop(void *arg, int ncol, const char *const *v)
{
	struct laptops *l = arg;
	if (ncol >= 1 && v[0]) {
		xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = xstrdup(v[0]);
	}
	return 0;
}

/* Whether the row's laptop column names the key (its base64, or its
 * fingerprint in a row of a store before schema 3). */
static bool row_is_of(const char *column, const unsigned char *key)
{
	char b[OFFICE_LAPTOP], fp[SEAL_FINGERPRINT];
	office_laptop(key, b);
	seal_fingerprint(key, fp);
	return strcmp(column, b) == 0 || strcmp(column, fp) == 0;
}

/* Opens the stored case (laptop, id) from its bundle, audits the opening,
 * prints it: an exit code. */
static int show_one(const struct office_ctx *o, struct db *db, const struct keyfile_secret *k,
		    const char *laptop, const char *id)
{
	struct db_case s;
	int found = db_case_find(db, laptop, id, &s);
	if (found <= 0) {
		fprintf(stderr, "tipscreen: error: %s\n", found < 0 ? db_error(db) : "the case went");
		return EXIT_RUNTIME;
	}
	char fp[SEAL_FINGERPRINT], lp[SEAL_FINGERPRINT], err[256];
	keyfile_fingerprint(&k->pub, fp);
	size_t len;
	char *text;
	int got = db_bundle_sealed(db, s.bundle, &text, &len);
	struct bundle b;
	int rc = EXIT_INPUT;
	if (got < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		rc = EXIT_RUNTIME;
	} else if (!got || bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "tipscreen: error: case %s: its bundle does not open with this office "
			"key (another key, or the store was altered)\n", id);
	} else {
		seal_fingerprint(b.signer, lp);
		for (size_t i = 0; i < b.n && row_is_of(laptop, b.signer); i++)
			if (strcmp(b.cases[i].id, id) == 0) {
				char *detail = xasprintf("the case's records were shown (laptop %s)", lp);
				int a = db_audit_now(db, "open", id, detail, fp);
				free(detail);
				if (a < 0) {
					fprintf(stderr, "tipscreen: error: the audit log: %s\n",
						db_error(db));
					rc = EXIT_RUNTIME;
					break;
				}
				print_opened(o, &s, &b, &b.cases[i]);
				rc = EXIT_OK;
			}
		if (rc == EXIT_INPUT)
			fprintf(stderr, "tipscreen: error: case %s is not in its stored bundle, or that "
				"bundle is another laptop's (the store was altered)\n", id);
		bundle_free(&b);
	}
	free(text);
	db_case_free(&s);
	return rc;
}

/* Opens the stored case id of every laptop that has one (a case is its
 * laptop's: two laptops may hold the same id), each audited. */
int office_show(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	const char *id = argv[0];
	struct laptops l = { 0 };
	int found = db_case_laptops(db, id, take_laptop, &l);
	if (found < 0 || l.n == 0) {
		fprintf(stderr, "tipscreen: error: %s\n", found < 0 ? db_error(db) :
			"no such case in the office store (`tipscreen office cases` lists them)");
		free(l.v);
		return found < 0 ? EXIT_RUNTIME : EXIT_INPUT;
	}
	int rc;
	struct keyfile_secret *k = o->open_key(o->arg, &rc);
	if (k && db_office_key(db, k->box) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", db_error(db));
		keyfile_secret_free(k);
		k = NULL;
		rc = EXIT_INPUT;
	}
	if (k) {
		if (l.n > 1)
			fprintf(o->out, "%zu laptops hold a case %s: each is shown, under its laptop\n",
				l.n, id);
		rc = EXIT_OK;
		for (size_t i = 0; i < l.n; i++) {
			int r = show_one(o, db, k, l.v[i], id);
			rc = rc == EXIT_OK ? r : rc;
		}
		keyfile_secret_free(k);
	}
	for (size_t i = 0; i < l.n; i++)
		free(l.v[i]);
	free(l.v);
	return rc;
}

int office_init(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	char id[33], name[65];
	if (db_store_id(db, id, name) < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	char *n = clean(name);
	fprintf(o->out, "office store ready (%s): %s (%s)\n", db_backend(db), n, id);
	free(n);
	if (!o->key)
		return EXIT_OK;
	int rc;
	struct keyfile_secret *k = o->open_key(o->arg, &rc);
	if (!k)
		return rc;
	rc = office_reauthenticate(o, db, k);
	keyfile_secret_free(k);
	return rc;
}

int office_run(const struct office_ctx *o, office_fn *fn, int argc, const char *const *argv)
{
	if (o->db && !db_url_valid(o->db)) {
		fprintf(stderr, "tipscreen: --db '%s': expected sqlite:PATH or postgresql://… (a "
			"libpq URI)\n", o->db);
		return EXIT_INPUT;
	}
	umask(077);
	bool init = fn == office_init;
	char *url = store_url(o, init), err[600];
	struct db *db = url ? db_open(url, init, err, sizeof err) : NULL;
	if (url && !db)
		fprintf(stderr, "tipscreen: error: the office store: %s\n", err);
	if (!db) {
		free(url);
		return EXIT_RUNTIME;
	}
	int rc = EXIT_RUNTIME;
	if ((init ? db_init(db, url) : db_check(db)) < 0)
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
	else
		rc = fn(o, db, argc, argv);
	free(url);
	db_close(db);
	return rc;
}
