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
#include "office/office.h"

/* What every command may read: where its results go, and the files the
 * commands share. Each command takes it and, beside it, only the options
 * it takes (the structs below, or plain arguments), which the command
 * table's adapters (commands.c) build from the command line: no command
 * sees the parsed command line itself (make check keeps it to cmdline.c
 * and commands.c). */
struct cmd_ctx {
	FILE *out;		/* results: stdout, or a stream converting to the
				 * terminal's charset */
	const char *charset;	/* the user's locale charset ("UTF-8") */
	const char *deck;	/* deck directory */
	const char *bundled;	/* the bundled deck's directory (its law profiles) */
	const char *locales;	/* the directory of the PO files */
	int width;		/* wrap text to this many columns */
};

/* The case store: the store commands share these. */
struct cmd_store_opts {
	const char *data;		/* the data directory, or NULL for the default */
	const char *passphrase_file;	/* or NULL: asked on the terminal */
};

/* The languages (their PO files are the context's locales). */
struct cmd_lang_opts {
	const char *lang;	/* --lang, or NULL: from the environment */
	const char *second;	/* --second: the respondent's language, or NULL */
};

/* How a front end shows an interview (its width is the context's). */
struct cmd_front_opts {
	bool plain;		/* --plain: the line mode */
	bool codes;		/* --codes: the line mode's summary keeps its codes */
	int color;		/* --color: enum color_mode of tui.h */
	bool bidi_terminal;	/* --bidi terminal: the terminal reorders RTL text */
};

/* A secret key file: the office's, or the trainer's. */
struct cmd_key_opts {
	const char *key;		/* --key, or NULL (then an error) */
	const char *passphrase_file;	/* its passphrase, or NULL: asked */
};

/* The known laptops, for what they signed. */
struct cmd_signer_opts {
	const char *signer;	/* --signer: their keys' file, or NULL */
	bool any_signer;	/* --any-signer: open an unknown laptop's too */
};

/* assess and replay. */
struct cmd_report_opts {
	bool json;
	const char *law;	/* --law: a profile id, "none", or NULL for the default */
	struct cmd_lang_opts lang;
};

/* The interview (no command). */
struct cmd_interview_opts {
	struct cmd_front_opts front;
	struct cmd_lang_opts lang;
	const char *law;	/* as in struct cmd_report_opts */
	struct cmd_store_opts store;
	const char *contacts;	/* the contacts file, or NULL for the default */
};

struct cmd_export_opts {
	struct cmd_store_opts store;
	const char *format;	/* json (NULL), csv or txt */
	const char *seal_to;	/* an office public key, or NULL */
	const char *encoding;	/* csv: the charset, or NULL for UTF-8 */
	const char *law;	/* txt: as in struct cmd_report_opts */
	struct cmd_lang_opts lang;	/* txt */
};

struct cmd_bundle_opts {
	struct cmd_store_opts store;
	const char *to;		/* the office public key */
	const char *output;	/* -o: the file to write */
	bool all;		/* every completed case, sent or not */
};

struct cmd_receipt_opts {
	struct cmd_store_opts store;
	const char *to;		/* the office public key */
	bool del;		/* --delete: the confirmed cases */
	bool yes;		/* --delete without asking */
};

/* `office SUB`: what office_cmd.c puts in the office context. */
struct cmd_office_opts {
	const char *db;		/* --db: the store's URL, or NULL */
	struct cmd_key_opts key;
	struct cmd_signer_opts signer;
	bool dry_run;		/* import: store nothing */
	const char *receipt;	/* import: where to write the receipt */
	const char *by;		/* stats: the fields to count by */
	long long k;		/* stats: the smallest count shown; 0: 11 */
	const char *format;	/* stats: txt or csv, or NULL */
	const char *since, *laptop, *outcome, *state;	/* cases: the filters, or NULL */
	const char *comment, *reviewer;	/* review */
	const char *show;		/* conflicts: the conflict to show */
	const char *keep, *reason;	/* resolve */
};

/* train --result: the result sealed to the trainer. */
struct cmd_result_opts {
	const char *result;	/* the file to write, or NULL: none */
	const char *to;		/* the trainer's public key */
	const char *trainee;	/* the trainee's pseudonym */
};

struct cmd_train_opts {
	struct cmd_front_opts front;
	struct cmd_lang_opts lang;
	bool solo;		/* solo practice, the person's words shown */
	bool card;		/* print the role-play partner's card */
	bool json;		/* the debrief as JSON */
	const char *answers;	/* grade a trainee's answers file, or NULL */
	struct cmd_result_opts result;
};

struct deck;
struct store;

/* Opens and unlocks the case store (see unlock.c); an exit code, *out set
 * when EXIT_OK. */
int cmd_open_store(const struct cmd_store_opts *o, struct store **out);
/* The two halves: open (creating it) without a passphrase, then unlock
 * with --passphrase-file or on the terminal. */
int cmd_store_open(const struct cmd_store_opts *o, struct store **out);
int cmd_store_unlock(const struct cmd_store_opts *o, struct store *st);
/* The same, then the store's notice (store_notice) as a warning on stderr. */
int cmd_open_store_noted(const struct cmd_store_opts *o, struct store **out);

/* The whole of a file (at most 64 MiB), NUL-terminated: a new buffer, *len
 * its length; or NULL after saying why on stderr. */
char *cmd_slurp(const char *path, size_t *len);

enum { CMD_PASS_MAX = 1024 };
/* A passphrase into buf (CMD_PASS_MAX bytes, the caller's sodium_malloc
 * memory): the first line of file (--passphrase-file), else, file NULL,
 * asked on the terminal with echo off (twice, compared, when twice). 0, or
 * -1 after saying why. */
int cmd_passphrase(const char *file, const char *prompt, bool twice, char *buf);

/* Writes data (len bytes in charset) signed with this laptop's key and
 * sealed to the office public key in pubpath (seal.h). An exit code. */
int cmd_seal_export(FILE *out, const char *pubpath, struct store *st, const char *data, size_t len,
		    const char *charset);

/* Loads the deck or prints its problems; NULL then. */
struct deck *cmd_load_deck(const char *dir);

int cmd_check(const struct cmd_ctx *c, const char *dir);
int cmd_assess(const struct cmd_ctx *c, const struct cmd_report_opts *o, const char *file);
int cmd_replay(const struct cmd_ctx *c, const struct cmd_report_opts *o, const char *file);
/* The deck's state machine as DOT; scenario: a training scenario's id
 * whose path is drawn bold, or NULL. */
int cmd_graph(const struct cmd_ctx *c, const char *scenario);
int cmd_interview(const struct cmd_ctx *c, const struct cmd_interview_opts *o);
int cmd_cases(const struct cmd_ctx *c, const struct cmd_store_opts *o);
int cmd_export(const struct cmd_ctx *c, const struct cmd_export_opts *o, const char *id);
int cmd_delete(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *id);
/* Asks question, then "Type yes: ", on the terminal (/dev/tty): 1 when the
 * answer is yes; 0 otherwise, after saying nothing was deleted; -1 when
 * there is no terminal to ask on (the caller says what to do instead). */
int cmd_confirm_delete(const char *question);
/* keygen NAME: the office key pair. */
struct cmd_keygen_opts {
	const char *passphrase_file;	/* the passphrases, or NULL: asked twice */
	const char *split;		/* --split K/N, or NULL: one key file */
	bool keep;			/* --split: NAME.key too */
	bool trainer;			/* a trainer's key pair, named so in the messages */
};
int cmd_keygen(const struct cmd_ctx *c, const struct cmd_keygen_opts *o, const char *name);
/* keygen NAME --split K/N (keyshare.c): N share files and NAME.pub. */
int cmd_keygen_split(const struct cmd_ctx *c, const struct cmd_keygen_opts *o, const char *name);
/* keyjoin SHARE… -o NAME.key (keyshare.c): the key rebuilt from shares;
 * passfile: each share's passphrase a line, then the new key's. */
int cmd_keyjoin(const struct cmd_ctx *c, const char *passfile, const char *output, char **files,
		int n);

/* passwd (passwd.c): the old passphrase from line 1 of o->passphrase_file
 * (or asked), the new one from new_file's line 1, else line 2 of
 * o->passphrase_file (or asked twice). */
int cmd_passwd(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *new_file);

/* A passphrase into buf (CMD_PASS_MAX bytes of sodium_malloc memory): line
 * number line of file (what names it in the error), else, file NULL, asked
 * on the terminal with prompt (twice when twice). 0, or -1 after saying
 * why. cmd_new_passphrase also refuses one shorter than STORE_PASS_MIN,
 * and asks twice. */
int cmd_passphrase_line(const char *file, int line, const char *what, const char *prompt,
			bool twice, char *buf);
int cmd_new_passphrase(const char *file, int line, const char *what, const char *prompt,
		       char *buf);

/* enrol OFFICE.pub (escrow.c): the store's master key sealed to the office. */
int cmd_enrol(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *pubpath);
/* recover --key OFFICE.key: the office key's passphrase on line 1 of
 * key.passphrase_file, the store's new one on line 2. */
struct cmd_recover_opts {
	const char *data;		/* the data directory, or NULL */
	struct cmd_key_opts key;	/* the office key and the passphrases' file */
	const char *output;		/* -o: the notice, or NULL: next to the key */
};
int cmd_recover(const struct cmd_ctx *c, const struct cmd_recover_opts *o);
struct store;
struct keyfile_public;
/* At a bundle: enrols the unlocked store with the office key pub when it
 * was never enrolled (an existing enrolment is left as it is), and says so;
 * a failure is a warning, the bundle stands. */
void cmd_enrol_first(FILE *out, struct store *st, const struct keyfile_public *pub);
/* For whoami: whether the unlocked store is enrolled, with which office,
 * and its recoveries. */
void cmd_escrow_describe(FILE *out, struct store *st);
int cmd_bundle(const struct cmd_ctx *c, const struct cmd_bundle_opts *o);
int cmd_receipt(const struct cmd_ctx *c, const struct cmd_receipt_opts *o, const char *file);

struct keyfile_secret;
/* The office key of --key (keyfile.h), its passphrase from
 * --passphrase-file or asked on the terminal: a new struct (free it with
 * keyfile_secret_free), or NULL after saying why, *rc the exit code (2 for
 * a missing, malformed or wrongly unlocked key). A key file of the first
 * format opens with a warning on stderr. */
struct keyfile_secret *cmd_office_key(const struct cmd_key_opts *o, int *rc);
/* The same for the office's or (trainer) the trainer's key, named so in
 * its messages. */
struct keyfile_secret *cmd_secret_key(const struct cmd_key_opts *o, bool trainer, int *rc);
int cmd_whoami(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *file,
	       const char *name);
int cmd_unseal(const struct cmd_ctx *c, const struct cmd_key_opts *key,
	       const struct cmd_signer_opts *signer, const char *file);
struct seal_signer;
/* The known laptops of --signer (seal_signers_parse), or an empty list:
 * 0, or -1 after saying why. Free *v. */
int cmd_load_signers(const struct cmd_signer_opts *o, struct seal_signer **v, size_t *n);
int cmd_pot(const struct cmd_ctx *c, const char *dir);
/* json: print JSON. */
int cmd_scenarios(const struct cmd_ctx *c, bool json, const char *dir);
int cmd_train(const struct cmd_ctx *c, const struct cmd_train_opts *o, const char *id);
/* trainer report FILE... --key TRAINER.key: the class's matrix (result.c). */
int cmd_trainer_report(const struct cmd_ctx *c, const struct cmd_key_opts *key,
		       const char *format, char **files, int n);
struct debrief;
/* --result FILE --to TRAINER.pub --trainee NAME: the debrief's result
 * sealed to the trainer, started at started; an exit code. */
#include <time.h>
/* Whether --trainee and --to can make a result: an exit code, after saying
 * why not. */
int cmd_result_check(const struct cmd_result_opts *o);
int cmd_result_write(const struct cmd_result_opts *o, const struct debrief *d, time_t started);

struct scenario;
struct interview;
/* The scenarios of dir (NULL: deckdir/scenarios) checked against dk, or
 * their problems printed; an exit code. *v and *n are set in every case
 * (scenario_list_free). */
int cmd_load_scenarios(const char *deckdir, const char *dir, const struct deck *dk,
		       struct scenario **v, size_t *n);
/* `tipscreen office SUB ARGS…` (office_cmd.c): the office context made
 * from c and o, then fn over the office store. */
int cmd_office(const struct cmd_ctx *c, const struct cmd_office_opts *o, office_fn *fn, int argc,
	       const char *const *argv);
/* --version: the version, then the deck's size and identity. */
int cmd_version(const struct cmd_ctx *c, const char *version);

struct profile;
/* Loads the law profile law (--law: an id, a path or "none"; NULL: the
 * configuration file's, ~/.config/tipscreen/law, "Law: ID") from the
 * context's deck, else its bundled deck; *p stays NULL when there is none.
 * An exit code: an unknown or broken profile is EXIT_INPUT after saying so.
 * The caller frees *p with cmd_free_law. */
int cmd_load_law(const struct cmd_ctx *c, const char *law, struct profile **p);
void cmd_free_law(struct profile *p);

/* `tipscreen law [NAME]`: the built-in law texts, one a line (name, status,
 * provision; a teaching citation marked), or the text NAME ("tip-art5" or
 * "tip-art5.en") as built in, byte for byte. */
int cmd_law(const struct cmd_ctx *c, const char *name);

struct langs;
/* Loads the languages of c->locales and makes the chosen one (--lang, else
 * the environment) the interface language; *second is --second's index or
 * -1. An exit code: a broken PO file, or an unknown --lang, is EXIT_INPUT
 * after saying so. The caller frees l with langs_free after its last use. */
int cmd_load_langs(const struct cmd_ctx *c, const struct cmd_lang_opts *o, struct langs *l,
		   int *lang, int *second);

#endif
