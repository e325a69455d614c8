/* office: `tipscreen office SUBCOMMAND …` — opens the office store of
 * --db (default: office.db in $XDG_DATA_HOME/tipscreen-office, 0700),
 * creates its schema if needed, and runs init, cases, show, conflicts,
 * audit (here), import (import.c) or stats (stats.c). Nothing about a
 * respondent is printed except by `show`, which needs the office key and
 * is written to the audit log. */
#include <errno.h>
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

/* The store's URL: --db, else the default file (its directory made). */
static char *store_url(const struct office_ctx *o)
{
	if (o->db)
		return xstrdup(o->db);
	char *dir = fsx_xdg(FSX_XDG_DATA, "tipscreen-office"), why[128];
	if (!dir) {
		fputs("tipscreen: error: no HOME nor XDG_DATA_HOME: give the store with --db\n", stderr);
		return NULL;
	}
	if (fsx_mkdir_p(dir, why, sizeof why) != 0) {
		fprintf(stderr, "%s: error: %s\n", dir, why);
		free(dir);
		return NULL;
	}
	char *url = xasprintf("sqlite:%s/office.db", dir);
	free(dir);
	return url;
}

static int print_case(void *arg, int ncol, const char *const *v)
{
	const struct office_ctx *o = arg;
	int outcome = db_case_column(FACT_OUTCOME), nconflicts = db_case_conflicts_column();
	if (ncol <= nconflicts)
		return 0;
	char c[32], u[32];
	/* id laptop device bundle status deck created updated nrec hash, facts … conflicts */
	fprintf(o->out, "%-16s  %-24s  %-12s  %s  %s  %-22s  %-8s  %s\n", v[0], v[1], v[2],
		office_date(v[6], c), office_date(v[7], u), v[outcome], v[4], v[nconflicts]);
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
	char d[32];
	if (ncol >= 7)
		fprintf(o->out, "conflict %s: case %s of laptop %s: bundle %.16s has %s records that "
			"diverge from the %s stored (found %s)\n", v[0], v[1], v[2], v[3], v[4], v[5],
			office_date(v[6], d));
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
	char d[32];
	if (ncol >= 7)
		fprintf(o->out, "%s  %s  user %s  key %s  %s %s: %s\n", v[0], office_date(v[1], d),
			v[2], v[3], v[4], v[5], v[6]);
	return 0;
}

int office_audit(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	return db_audit_list(db, print_audit, (void *)o) < 0 ? EXIT_RUNTIME : EXIT_OK;
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

static void print_opened(const struct office_ctx *o, const struct db_case *s,
			 const struct bundle_case *c)
{
	char d[32];
	fprintf(o->out, "case %s\nlaptop %s (%s)\nstatus %s\ncreated %s\n", s->id, s->laptop,
		s->device, s->status, office_date(s->created, d));
	fprintf(o->out, "updated %s\ndeck %s\n", office_date(s->updated, d), *s->deck ? s->deck : "-");
	for (size_t f = 0; f < c->nfact; f++)
		fprintf(o->out, "%s %s\n", c->fact[f].name, *c->fact[f].value ? c->fact[f].value : "-");
	fprintf(o->out, "records %zu\n", c->nrec);
	for (size_t i = 0; i < c->nrec; i++) {
		fprintf(o->out, "record %lld\n", c->rec[i].seq);
		print_lines(o->out, c->rec[i].data);
	}
}

/* Opens the stored case id with the office key, prints it, audits it. */
int office_show(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	const char *id = argv[0];
	struct db_case s;
	int found = db_case_find(db, id, &s);
	if (found <= 0) {
		fprintf(stderr, "tipscreen: error: %s\n", found < 0 ? db_error(db) :
			"no such case in the office store (`tipscreen office cases` lists them)");
		return found < 0 ? EXIT_RUNTIME : EXIT_INPUT;
	}
	int rc;
	struct keyfile_secret *k = o->open_key(o->arg, &rc);
	if (!k) {
		db_case_free(&s);
		return rc;
	}
	char fp[SEAL_FINGERPRINT], lp[SEAL_FINGERPRINT], err[256];
	keyfile_fingerprint(&k->pub, fp);
	size_t len;
	char *text = db_bundle_sealed(db, s.bundle, &len);
	struct bundle b;
	rc = EXIT_INPUT;
	if (!text || bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "tipscreen: error: case %s: its bundle does not open with this office "
			"key (another key, or the store was altered)\n", id);
	} else {
		seal_fingerprint(b.signer, lp);
		for (size_t i = 0; i < b.n && strcmp(lp, s.laptop) == 0; i++)
			if (strcmp(b.cases[i].id, id) == 0) {
				if (db_audit(db, "open", id, "the case's records were shown", fp) < 0) {
					fprintf(stderr, "tipscreen: error: the audit log: %s\n",
						db_error(db));
					rc = EXIT_RUNTIME;
					break;
				}
				print_opened(o, &s, &b.cases[i]);
				rc = EXIT_OK;
			}
		if (rc == EXIT_INPUT)
			fprintf(stderr, "tipscreen: error: case %s is not in its stored bundle (the store "
				"was altered)\n", id);
		bundle_free(&b);
	}
	free(text);
	keyfile_secret_free(k);
	db_case_free(&s);
	return rc;
}

int office_init(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	fprintf(o->out, "office store ready (%s)\n", db_backend(db));
	return EXIT_OK;
}

int office_run(const struct office_ctx *o, office_fn *fn, int argc, const char *const *argv)
{
	if (o->db && !db_url_valid(o->db)) {
		fprintf(stderr, "tipscreen: --db '%s': expected sqlite:PATH or postgresql://… (a "
			"libpq URI)\n", o->db);
		return EXIT_INPUT;
	}
	umask(077);
	char *url = store_url(o), err[600];
	struct db *db = url ? db_open(url, err, sizeof err) : NULL;
	if (url && !db)
		fprintf(stderr, "tipscreen: error: the office store: %s\n", err);
	free(url);
	if (!db)
		return EXIT_RUNTIME;
	int rc = EXIT_RUNTIME;
	if (db_init(db) < 0)
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
	else
		rc = fn(o, db, argc, argv);
	db_close(db);
	return rc;
}
