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
#include "office/review.h"

const char *office_date(const char *seconds, char buf[32])
{
	time_t t = (time_t)atoll(seconds ? seconds : "0");
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, 32, "?");
	return buf;
}

/* Takes k for what the command writes: EXIT_OK, or EXIT_INPUT after
 * saying why (another office's key must write nothing). */
static int use_key(struct db *db, const struct keyfile_secret *k)
{
	if (db_office_key(db, k->box) == DB_OK)
		return EXIT_OK;
	fprintf(stderr, "tipscreen: error: %s\n", db_error(db));
	return EXIT_INPUT;
}

struct keyfile_secret *office_key(const struct office_ctx *o, struct db *db, char *fp, int *rc)
{
	struct keyfile_secret *k = o->open_key(o->arg, rc);
	if (!k)
		return NULL;
	*rc = use_key(db, k);
	if (*rc != EXIT_OK) {
		keyfile_secret_free(k);
		return NULL;
	}
	if (fp)
		keyfile_fingerprint(&k->pub, fp);
	return k;
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
char *office_clean(const char *v)
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
		char *c = office_clean(column);
		snprintf(out, n, "%s", c);
		free(c);
	}
	return out;
}

bool office_laptop_is(const char *given, const char *name, const char *fp)
{
	return (name && strcmp(given, name) == 0) || strncmp(fp, given, strlen(given)) == 0;
}

/* The n values of v made safe (clean), into w: free_clean frees them. */
static void clean_all(int n, const char *const *v, char **w)
{
	for (int i = 0; i < n; i++)
		w[i] = office_clean(v[i]);
}

static void free_clean(int n, char **w)
{
	for (int i = 0; i < n; i++)
		free(w[i]);
}

/* What office cases shows: the filters, and how many it listed. */
struct listing {
	const struct office_ctx *o;
	long long since;	/* seconds, or 0 */
	size_t shown;
};

long long office_day(const char *date)
{
	struct tm tm = { 0 };
	char *end = strptime(date, "%Y-%m-%d", &tm);
	if (!end || *end)
		return -1;
	return (long long)timegm(&tm);
}

/* A row of office cases, in 80 columns: id, laptop (its name, else its
 * fingerprint, up to 12 characters), device, created, outcome, review
 * state, conflicts. */
static int print_case(void *arg, int ncol, const char *const *v)
{
	struct listing *l = arg;
	const struct office_ctx *o = l->o;
	int outcome = db_case_column(FACT_OUTCOME), nconflicts = db_case_conflicts_column();
	if (ncol <= nconflicts + 2)
		return 0;
	const char *state = v[nconflicts + 1] ? v[nconflicts + 1] : "received";
	char lp[64], c[32];
	office_laptop_shown(v[1], lp, sizeof lp);
	if ((l->since && atoll(v[7] ? v[7] : "0") < l->since) ||
	    (o->outcome && strcmp(o->outcome, v[outcome] ? v[outcome] : "") != 0) ||
	    (o->state && strcmp(o->state, state) != 0) ||
	    (o->laptop && !office_laptop_is(o->laptop, v[nconflicts + 2], lp)))
		return 0;
	/* id, the laptop's name (else its fingerprint), device, outcome, conflicts */
	const char *const pick[] = { v[0], v[nconflicts + 2] ? v[nconflicts + 2] : lp, v[2],
				     v[outcome], v[nconflicts] };
	char *w[5];
	clean_all(5, pick, w);
	fprintf(o->out, "%-16s %-12.12s %-8.8s %-10.10s %-16.16s %-10s %s\n", w[0], w[1], w[2],
		office_date(v[6], c), w[3], state, w[4]);
	free_clean(5, w);
	l->shown++;
	return 0;
}

int office_cases(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	struct listing l = { o, 0, 0 };
	if (o->since && (l.since = office_day(o->since)) < 0) {
		char *s = office_clean(o->since);
		fprintf(stderr, "tipscreen: error: --since '%s': expected a date YYYY-MM-DD\n", s);
		free(s);
		return EXIT_INPUT;
	}
	if (o->state && !review_state_valid(o->state)) {
		char *s = office_clean(o->state);
		fprintf(stderr, "tipscreen: error: --state '%s': expected one of %s\n", s,
			review_states_list);
		free(s);
		return EXIT_INPUT;
	}
	fprintf(o->out, "%-16s %-12s %-8s %-10s %-16s %-10s %s\n", "id", "laptop", "device",
		"created", "outcome", "state", "c");
	if (db_cases(db, print_case, &l) < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	fprintf(o->out, "%zu case%s%s\n", l.shown, l.shown == 1 ? "" : "s",
		o->since || o->outcome || o->state || o->laptop ? " (filtered)" : "");
	return EXIT_OK;
}

/* A conflict in three lines of 80 columns: the case and its laptop, the
 * records and the bundle kept aside, how it stands. */
static int print_conflict(void *arg, int ncol, const char *const *v)
{
	struct listing *l = arg;
	const struct office_ctx *o = l->o;
	l->shown++;
	char d[32], lp[64], *w[9] = { NULL };
	if (ncol < 9)
		return 0;
	clean_all(9, v, w);
	fprintf(o->out, "conflict %s: case %s of laptop %.24s\n", w[0], w[1],
		v[8] ? w[8] : office_laptop_shown(v[2], lp, sizeof lp));
	fprintf(o->out, "  %s records that diverge from the %s stored, in bundle %.16s\n", w[4],
		w[5], w[3]);
	if (v[7])
		fprintf(o->out, "  found %s; resolved: the office kept the %s version\n",
			office_date(v[6], d), w[7]);
	else
		fprintf(o->out, "  found %s; open (office resolve %s)\n", office_date(v[6], d), w[0]);
	free_clean(9, w);
	return 0;
}

int office_conflicts(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	if (o->show)
		return office_conflict_show(o, db, o->show);
	struct listing l = { o, 0, 0 };
	int rc = db_conflicts(db, print_conflict, &l);
	if (rc < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		return EXIT_RUNTIME;
	}
	if (l.shown == 0)
		fputs("no conflicts\n", o->out);
	else
		fprintf(o->out, "%zu conflict%s (each side by side: office conflicts --show N --key "
			"OFFICE.key)\n", l.shown, l.shown == 1 ? "" : "s");
	return EXIT_OK;
}

/* Where to cut a word too long for a line: at most max bytes, never
 * inside a UTF-8 sequence. */
static size_t word_cut(const char *p, size_t max)
{
	size_t n = max;
	while (n > 1 && ((unsigned char)p[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Prints text (one line, made safe) folded at spaces to 80 columns, the
 * first line indented by 4, the others by 6. A word longer than a line (a
 * store's path) is cut, its rest beginning the next line. */
static void fold(FILE *out, const char *text)
{
	enum { WIDTH = 80, FIRST = 4, NEXT = 6 };
	int col = 0;
	bool cut = false;
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		size_t n = strcspn(p, " ");
		if (!n)
			break;
		bool long_word = n > WIDTH - NEXT;
		if (long_word)
			n = word_cut(p, WIDTH - NEXT);
		if (!col) {
			fputs("    ", out);
			col = FIRST + (int)n;
		} else if (cut || col + 1 + (int)n > WIDTH) {
			fputs("\n      ", out);
			col = NEXT + (int)n;
		} else {
			fputc(' ', out);
			col += 1 + (int)n;
		}
		fwrite(p, 1, n, out);
		p += n;
		cut = long_word;
	}
	fputc('\n', out);
}

/* An entry in two lines (or more) of 80 columns: its number, time, user
 * and key; then what was done (a bundle's hash cut to 16 digits). */
static int print_audit(void *arg, int ncol, const char *const *v)
{
	const struct office_ctx *o = arg;
	char d[32], *w[7] = { NULL };
	if (ncol < 7)
		return 0;
	clean_all(7, v, w);
	fprintf(o->out, "%s  %s  user %s  key %s\n", w[0], office_date(v[1], d), w[2], w[3]);
	bool hash = strlen(w[5]) == 64 && strspn(w[5], "0123456789abcdef") == 64;
	char *what = xasprintf("%s %.*s: %s", w[4], hash ? 16 : (int)strlen(w[5]), w[5], w[6]);
	fold(o->out, what);
	free(what);
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
		fprintf(o->out, "THE AUDIT LOG IS BROKEN at entry %lld: %s.\nThe entries from there "
			"on cannot be trusted.\n", c.broken, c.why);
		return EXIT_RUNTIME;
	}
	fprintf(o->out, "The audit log holds: %lld entries, %lld of them chained", c.rows, c.chained);
	if (o->key)
		fprintf(o->out, ",\n%lld authenticated with the office key.\n", c.macs);
	else
		fputs(".\nGive --key to check them against the office key too: without it, whoever\n"
		      "can write the store could have rewritten the chain.\n", o->out);
	return EXIT_OK;
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
	char *n = office_clean(name);
	fprintf(o->out, "office store ready (%s): %s (%s)\n", db_backend(db), n, id);
	free(n);
	if (!o->key)
		return EXIT_OK;
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (!k)
		return rc;
	rc = office_reauthenticate(o, db, k, fp);
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
	/* A password written in the URI ends up in the shell's history and in
	 * ps: libpq's password file keeps it instead. */
	if (o->db && strncmp(o->db, "postgres", 8) == 0 && strchr(o->db, '@')) {
		const char *auth = strstr(o->db, "://"), *at = strchr(o->db, '@');
		const char *colon = auth ? strchr(auth + 3, ':') : NULL;
		if (colon && colon < at) {
			fputs("tipscreen: error: --db: a password in the URI is refused (it would be "
			      "seen in ps and the shell's history): put it in ~/.pgpass, libpq's "
			      "password file (README: the office store on PostgreSQL)\n", stderr);
			return EXIT_INPUT;
		}
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
	if (init && rc == EXIT_OK) {
		char *u = office_clean(url);
		fprintf(o->out, "location: %s\n", u);
		free(u);
	}
	free(url);
	db_close(db);
	return rc;
}
