/* office: the office's commands over the office store (db.h): init,
 * import (import.c), cases, show, conflicts, audit, stats (office.c,
 * stats.c). The command layer builds a struct office_ctx from the command
 * line and calls office_run with one of the office_* commands; office_run
 * opens the store (init creates or migrates its schema; every other
 * command refuses a store without it, or whose guards are not intact:
 * db_check) and closes it. Each returns an exit code (base/exitcode.h). */
#ifndef TIPSCREEN_OFFICE_H
#define TIPSCREEN_OFFICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "base/exitcode.h"
#include "office/db.h"

struct keyfile_secret;
struct seal_signer;

/* What the office commands read; the caller owns every pointer. */
struct office_ctx {
	FILE *out;		/* results */
	const char *db;		/* the store's URL (--db), or NULL for the default */
	const char *key;	/* the office key's path (--key), for messages */
	const char *signer;	/* the known laptops' file (--signer), or NULL */
	bool any_signer;	/* import: accept an unknown laptop, with a warning */
	bool dry_run;		/* import: store nothing */
	const char *receipt;	/* import: where to write the receipt, or NULL */
	const char *by;		/* stats: the fields to count by, or NULL */
	long long k;		/* stats: the smallest count shown; 0: 11 */
	const char *format;	/* stats: txt or csv; show: txt or json; or NULL */
	const char *deck;	/* show: the deck that replays a case */
	int width;		/* show: the case file's width */
	const char *since;	/* cases: only cases changed since this date, or NULL */
	const char *laptop;	/* cases, show, review: a laptop's fingerprint (or start) */
	const char *outcome;	/* cases: only this outcome, or NULL */
	const char *state;	/* cases: only this review state; review: the new one */
	const char *comment;	/* review: why */
	const char *reviewer;	/* review: who (NULL: the account's name) */
	const char *show;	/* conflicts: the conflict to show side by side */
	const char *keep;	/* resolve: "stored" or "incoming" */
	const char *reason;	/* resolve: why */
	/* Opens the office key (asking its passphrase): a new key, or NULL
	 * after saying why with *rc the exit code. */
	struct keyfile_secret *(*open_key)(void *arg, int *rc);
	/* The known laptops of signer (an empty list without it): 0, or -1
	 * after saying why. The caller frees *v. */
	int (*load_signers)(void *arg, struct seal_signer **v, size_t *n);
	void *arg;		/* for open_key and load_signers */
};

/* One office command over an open store; argv holds its arguments. */
typedef int office_fn(const struct office_ctx *o, struct db *db, int argc,
		      const char *const *argv);

office_fn office_init, office_import, office_cases, office_show, office_conflicts, office_audit,
	office_stats, office_review, office_resolve, office_export;

/* office init --key: every case's row made again from the signed bundle
 * it names (opened with key, already taken by office_key, fingerprint fp;
 * signed by the row's laptop), with its MAC: what a store of an older
 * schema needs before `office stats` counts its rows; a row whose bundle
 * does not match stops it, nothing changed. */
int office_reauthenticate(const struct office_ctx *o, struct db *db,
			  const struct keyfile_secret *key, const char *fp);

/* Case c of a bundle as the exports take it (app/caseexport.h, not
 * replayed; caseexport_free): its records parsed; the number of its
 * records that are not records of tipscreen (left out). */
struct bundle_case;
struct caseexport;
size_t office_case_export(const struct bundle_case *c, struct caseexport *x);

/* office conflicts --show N (resolve.c): an exit code. */
int office_conflict_show(const struct office_ctx *o, struct db *db, const char *n);

/* The row of case c of the bundle b (stored as hash): every string new
 * (db_case_free); its facts must be known ones (import checks them). */
struct bundle;
struct bundle_case;
void office_case_row(const struct bundle *b, const char *hash, const struct bundle_case *c,
		     struct db_case *r);

/* Opens the store of o->db (default: office.db in
 * $XDG_DATA_HOME/tipscreen-office, made 0700 by init only), initialises it
 * (office_init) or checks it (any other fn), runs fn, closes the store:
 * an exit code. */
int office_run(const struct office_ctx *o, office_fn *fn, int argc, const char *const *argv);

/* A laptop as the office store keys its cases: its full signing key
 * (SEAL_SIGN_PUBLIC bytes) in base64, into out. */
enum { OFFICE_LAPTOP = 48 };
void office_laptop(const unsigned char *key, char out[OFFICE_LAPTOP]);
/* A laptop column of the store for people: the fingerprint of the key it
 * holds, or (a row of a store before schema 3, or an altered one) the
 * value itself made safe for a terminal; into out (n bytes). */
const char *office_laptop_shown(const char *column, char *out, size_t n);

/* A value read from the store made safe for a terminal, line breaks and
 * tabs made spaces (no forged line): a new string. */
char *office_clean(const char *v);

/* The one laptop (its column value, a new string, into *laptop) holding
 * case id and matching o->laptop (a fingerprint, or its start), else an
 * exit code after saying why (none, or several: --laptop then names
 * them). */
int office_case_laptop(const struct office_ctx *o, struct db *db, const char *id, char **laptop);

/* Whether --laptop given names a laptop: its name, or its fingerprint fp
 * or the start of it. */
bool office_laptop_is(const char *given, const char *name, const char *fp);

/* DATE (YYYY-MM-DD, UTC) as seconds since the epoch, or -1. */
long long office_day(const char *date);

/* A time as "2026-12-01 23:40" (UTC) into buf (32 bytes). */
const char *office_date(const char *seconds, char buf[32]);

struct keyfile_secret;
/* The office key of the command (o->open_key), taken for what it writes
 * (db_office_key: refused, and nothing written, when it is not the key
 * that wrote the store's audit log), its fingerprint in fp (SEAL_FINGERPRINT bytes) when fp
 * is not NULL: the key, which the caller frees (keyfile_secret_free); or
 * NULL with *rc the exit code, after saying why. */
struct keyfile_secret *office_key(const struct office_ctx *o, struct db *db, char *fp, int *rc);

#endif
