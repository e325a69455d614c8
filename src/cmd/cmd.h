/* cmd: the batch commands and the options they share.
 *
 * Each cmd_* returns the process exit code: 0 ok, 1 runtime error, 2 bad
 * input or usage (DESIGN.md §8). They print results to stdout and
 * diagnostics to stderr; no diagnostic ever carries an answer's text. */
#ifndef TIPSCREEN_CMD_H
#define TIPSCREEN_CMD_H

#include <stdbool.h>
#include <stdio.h>

#include "base/exitcode.h"

/* What every command may read: where its results go, and the files the
 * commands share. Converted commands take it and their own options (the
 * command table's adapters, commands.c, slice both out of struct options);
 * the others still read struct options whole. */
struct cmd_ctx {
	FILE *out;		/* results: stdout, or a stream converting to the
				 * terminal's charset */
	const char *charset;	/* the user's locale charset ("UTF-8") */
	const char *deck;	/* deck directory */
	const char *bundled;	/* the bundled deck's directory (its law profiles) */
	const char *locales;	/* the directory of the PO files */
	int width;		/* wrap text to this many columns */
};

struct options {
	FILE *out;		/* results: stdout, or a stream converting to the
				 * terminal's charset */
	const char *charset;	/* the user's locale charset ("UTF-8") */
	const char *deck;	/* deck directory */
	const char *bundled;	/* the bundled deck's directory (its law profiles) */
	const char *contacts;	/* contacts file, or NULL for the default */
	const char *data;	/* the data directory, or NULL for the default */
	const char *passphrase_file;	/* or NULL: asked on the terminal */
	const char *format;	/* export: json, csv or txt */
	const char *seal_to;	/* export: an office public key */
	const char *key;	/* unseal: the office secret key */
	const char *law;	/* --law: a profile id, "none", or NULL for the default */
	const char *signer;	/* unseal: the known laptops' signing keys */
	bool any_signer;	/* unseal: open an unknown laptop's export too */
	const char *to;		/* bundle, receipt: the office public key; train --result: the trainer's */
	const char *output;	/* bundle: the file to write (-o) */
	bool all;		/* bundle: every completed case, sent or not */
	bool del;		/* receipt: delete the confirmed cases */
	bool yes;		/* receipt --delete: without asking */
	const char *db;		/* office: the store's URL (--db), or NULL */
	bool dry_run;		/* office import: store nothing */
	const char *receipt;	/* office import: where to write the receipt */
	const char *by;		/* office stats: the fields to count by */
	long long k;		/* office stats: the smallest count shown; 0: 11 */
	const char *lang;	/* --lang, or NULL: from the environment */
	const char *second;	/* --second: the respondent's language, or NULL */
	const char *locales;	/* the directory of the PO files */
	const char *encoding;	/* export csv: the charset, or NULL for UTF-8 */
	bool bidi_terminal;	/* --bidi terminal: the terminal reorders RTL text */
	const char *answers;	/* train: a trainee's answers file */
	const char *result;	/* train: write the sealed result here */
	const char *trainee;	/* train --result: the trainee's pseudonym */
	const char *path;	/* graph --path: a scenario id */
	bool solo;		/* train: solo practice, the person's words shown */
	bool card;		/* train: print the role-play partner's card */
	bool json;
	bool plain;
	int color;		/* enum color_mode of tui.h */
	int width;
};

struct deck;
struct store;

/* Opens and unlocks the case store (see unlock.c); an exit code, *out set
 * when EXIT_OK. */
int cmd_open_store(const struct options *o, struct store **out);
/* The two halves: open (creating it) without a passphrase, then unlock
 * with --passphrase-file or on the terminal. */
int cmd_store_open(const struct options *o, struct store **out);
int cmd_store_unlock(const struct options *o, struct store *st);
/* The same, then the store's notice (store_notice) as a warning on stderr. */
int cmd_open_store_noted(const struct options *o, struct store **out);

/* The whole of a file (at most 64 MiB), NUL-terminated: a new buffer, *len
 * its length; or NULL after saying why on stderr. */
char *cmd_slurp(const char *path, size_t *len);

enum { CMD_PASS_MAX = 1024 };
/* A passphrase into buf (CMD_PASS_MAX bytes, the caller's sodium_malloc
 * memory): the first line of --passphrase-file, else asked on the terminal
 * with echo off (twice, compared, when twice). 0, or -1 after saying why. */
int cmd_passphrase(const struct options *o, const char *prompt, bool twice, char *buf);

/* Writes data (len bytes in charset) signed with this laptop's key and
 * sealed to the office public key in pubpath (seal.h). An exit code. */
int cmd_seal_export(FILE *out, const char *pubpath, struct store *st, const char *data, size_t len,
		    const char *charset);

/* Loads the deck or prints its problems; NULL then. */
struct deck *cmd_load_deck(const char *dir);

int cmd_check(const struct cmd_ctx *c, const char *dir);
int cmd_assess(const struct options *o, const char *file);
int cmd_replay(const struct options *o, const char *file);
/* The deck's state machine as DOT; scenario: a training scenario's id
 * whose path is drawn bold, or NULL. */
int cmd_graph(const struct cmd_ctx *c, const char *scenario);
int cmd_interview(const struct options *o);
int cmd_cases(const struct options *o);
int cmd_export(const struct options *o, const char *id);
int cmd_delete(const struct options *o, const char *id);
int cmd_keygen(const struct options *o, const char *name);
int cmd_bundle(const struct options *o);
int cmd_receipt(const struct options *o, const char *file);

struct keyfile_secret;
/* The office key of --key (keyfile.h), its passphrase from
 * --passphrase-file or asked on the terminal: a new struct (free it with
 * keyfile_secret_free), or NULL after saying why, *rc the exit code (2 for
 * a missing, malformed or wrongly unlocked key). A key file of the first
 * format opens with a warning on stderr. */
struct keyfile_secret *cmd_office_key(const struct options *o, int *rc);
int cmd_whoami(const struct options *o, const char *file);
int cmd_unseal(const struct options *o, const char *file);
struct seal_signer;
/* The known laptops of --signer (seal_signers_parse), or an empty list:
 * 0, or -1 after saying why. Free *v. */
int cmd_load_signers(const struct options *o, struct seal_signer **v, size_t *n);
int cmd_pot(const struct cmd_ctx *c, const char *dir);
int cmd_scenarios(const struct options *o, const char *dir);
int cmd_train(const struct options *o, const char *id);
/* trainer report FILE... --key TRAINER.key: the class's matrix (result.c). */
int cmd_trainer_report(const struct options *o, char **files, int n);
struct debrief;
/* --result FILE --to TRAINER.pub --trainee NAME: the debrief's result
 * sealed to the trainer, started at started; an exit code. */
#include <time.h>
int cmd_result_write(const struct options *o, const struct debrief *d, time_t started);

struct scenario;
struct interview;
/* The scenarios of dir (NULL: deckdir/scenarios) checked against dk, or
 * their problems printed; an exit code. *v and *n are set in every case
 * (scenario_list_free). */
int cmd_load_scenarios(const char *deckdir, const char *dir, const struct deck *dk,
		       struct scenario **v, size_t *n);
/* Prints the debrief of the trainee's interview iv on scenario s; an exit
 * code. */
int cmd_train_grade(const struct options *o, const struct scenario *s, const struct deck *dk,
		    const struct interview *iv, time_t started);
/* --version: the version, then the deck's size and identity. */
int cmd_version(const struct cmd_ctx *c, const char *version);

struct profile;
/* Loads the law profile of --law, else of the configuration file
 * (~/.config/tipscreen/law, "Law: ID"); *p stays NULL when there is none.
 * An exit code: an unknown or broken profile is EXIT_INPUT after saying so.
 * The caller frees *p with cmd_free_law. */
int cmd_load_law(const struct options *o, struct profile **p);
void cmd_free_law(struct profile *p);

struct langs;
/* Loads the languages of o->locales and makes the chosen one (--lang, else
 * the environment) the interface language; *second is --second's index or
 * -1. An exit code: a broken PO file, or an unknown --lang, is EXIT_INPUT
 * after saying so. The caller frees l with langs_free after its last use. */
int cmd_load_langs(const struct options *o, struct langs *l, int *lang, int *second);

#endif
