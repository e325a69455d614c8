/* commands: the command line as two tables, after redis's command table
 * and tig's OPTION_INFO. CMD_OPTIONS below has one row per option;
 * cmd_commands[] (commands.c) one row per command and office subcommand,
 * with the options it takes. cmdline.c reads both: the parse (one loop over
 * the option table), the arity check, the dispatch, --help and the man
 * page's synopsis (--synopsis, compared with src/tipscreen.1 by
 * tests/e2e/cli.sh).
 *
 * A new option: a row here (name, value, setter, field of struct cmdline,
 * help), then its bit in the rows of the commands that take it, and its
 * field in their option structs (cmd.h), which their adapters fill. A new
 * command: its cmd_* function (the context, and its own options), then its
 * adapter and row in commands.c and its paragraph in src/tipscreen.1. An
 * option a command does not take is a usage error (exit 2). */
#ifndef TIPSCREEN_COMMANDS_H
#define TIPSCREEN_COMMANDS_H

#include <stdint.h>

#include "domain/facts.h"
#include "cmd/cmd.h"
#include "office/office.h"

/* X(ID, NAME, VALUE, SETTER, FIELD, HELP): VALUE names the option's value
 * (NULL: a flag); SETTER (cmdline.c) checks and stores it in FIELD of
 * struct cmdline; HELP is its --help text ("%s": the field's default),
 * NULL for a hidden option. */
#define CMD_OPTIONS(X) \
	X(PLAIN, "--plain", NULL, set_flag, plain, \
	  "line mode: one prompt per question (screen readers, pipes)") \
	X(CODES, "--codes", NULL, set_flag, codes, \
	  "line mode: the outcome, flag and citation codes in the summary") \
	X(COLOR, "--color", "WHEN", set_color, color, \
	  "the wizard's colours: never, auto (default; NO_COLOR) or always") \
	X(DECK, "--deck", "DIR", set_string, ctx.deck, "the deck of screens (default %s)") \
	X(LANG, "--lang", "LANG", set_string, lang, \
	  "the interview's language (en, fr, es; default from LANGUAGE,\n" \
	  "LC_ALL or LANG)") \
	X(SECOND, "--second", "LANG", set_string, second, \
	  "bilingual: the respondent's language under the interviewer's") \
	X(LOCALES, "--locales", "DIR", set_string, ctx.locales, "the translations (default %s)") \
	X(ENCODING, "--encoding", "CS", set_string, encoding, \
	  "export --format csv: the file's charset (default UTF-8)") \
	X(BIDI, "--bidi", "HOW", set_bidi, bidi_terminal, \
	  "right-to-left languages: reorder (default) or terminal, for\n" \
	  "terminals that reorder themselves (mlterm, konsole)") \
	X(CONTACTS, "--contacts", "FILE", set_string, contacts, \
	  "referral contacts (default $XDG_CONFIG_HOME/tipscreen/contacts)") \
	X(DATA, "--data", "DIR", set_string, data, \
	  "the case store (default $XDG_DATA_HOME/tipscreen)") \
	X(PASSPHRASE_FILE, "--passphrase-file", "FILE", set_string, passphrase_file, \
	  "the store's passphrase, on the first line (else asked);\n" \
	  "keygen, unseal, office import, office show: the office key's;\n" \
	  "passwd, recover, keygen --split, keyjoin: one a line, in the\n" \
	  "order they are asked") \
	X(NEW_PASSPHRASE_FILE, "--new-passphrase-file", "FILE", set_string, new_passphrase_file, \
	  "passwd: the new passphrase, on the first line (else the\n" \
	  "second line of --passphrase-file, else asked twice)") \
	X(SPLIT, "--split", "K/N", set_string, split, \
	  "keygen: split the office key into N shares, any K of which\n" \
	  "rebuild it (NAME-1.share …), each under its custodian's passphrase") \
	X(KEEP, "--keep", NULL, set_flag, keep, "keygen --split: write the whole key NAME.key too") \
	X(KEEP_VERSION, "--keep", "stored|incoming", set_string, keep_version, \
	  "office resolve: the version the office keeps") \
	X(LAW, "--law", "ID", set_string, law, \
	  "also assess under a law profile (eu, coe, gb-ew, us, ph;\n" \
	  "none: only the Protocol); default from\n" \
	  "$XDG_CONFIG_HOME/tipscreen/law ('Law: ID')") \
	X(FORMAT, "--format", "FORMAT", set_string, format, \
	  "export, office show: json (default; office show: txt), csv or txt;\n" \
	  "office stats, trainer report: txt (default) or csv") \
	X(SEAL_TO, "--seal-to", "FILE", set_string, seal_to, \
	  "export: sign with this laptop's key, seal to the office key") \
	X(KEY, "--key", "FILE", set_string, key, \
	  "unseal, office init, import, show, stats, audit, trainer\n" \
	  "report: the office's (or the trainer's) secret key") \
	X(TO, "--to", "FILE", set_string, to, \
	  "bundle, receipt: the office's public key (OFFICE.pub);\n" \
	  "train --result: the trainer's public key (from keygen)") \
	X(OUTPUT, "-o", "FILE", set_string, output, \
	  "bundle: the file to write (never over an existing one);\n" \
	  "keyjoin: the key file; recover: the notice for the office") \
	X(ALL, "--all", NULL, set_flag, all, "bundle: every completed case, sent already or not") \
	X(DELETE, "--delete", NULL, set_flag, del, \
	  "receipt: delete the cases the office confirms, for good") \
	X(YES, "--yes", NULL, set_flag, yes, "receipt --delete: without asking") \
	X(SIGNER, "--signer", "FILE", set_string, signer, \
	  "unseal, office import: the known laptops' keys (from\n" \
	  "`whoami FILE`)") \
	X(ANY_SIGNER, "--any-signer", NULL, set_flag, any_signer, \
	  "unseal, office import: accept an unknown laptop, with a warning") \
	X(DB, "--db", "URL", set_string, db, \
	  "office: sqlite:PATH or postgresql://... (default sqlite:\n" \
	  "$XDG_DATA_HOME/tipscreen-office/office.db)") \
	X(DRY_RUN, "--dry-run", NULL, set_flag, dry_run, \
	  "office import: say what it would do, store nothing") \
	X(RECEIPT, "--receipt", "FILE", set_string, receipt, \
	  "office import: the receipt (default: BUNDLE.receipt)") \
	X(BY, "--by", "FIELDS", set_string, by, CMD_BY_HELP) \
	X(K, "--k", "N", set_k, k, "office stats: counts from 1 to N-1 are hidden (default 11)") \
	X(NAME, "--name", "NAME", set_string, name, \
	  "whoami FILE: the laptop's name, written with its key (letters,\n" \
	  "digits, space, '.', '_', '-'; the office's listings show it)") \
	X(SINCE, "--since", "DATE", set_string, since, \
	  "office cases, export: only cases changed on or after DATE\n(YYYY-MM-DD)") \
	X(LAPTOP, "--laptop", "NAME", set_string, laptop, \
	  "office cases, show: the laptop (its fingerprint, or its start)") \
	X(OUTCOME, "--outcome", "O", set_string, outcome, \
	  "office cases: only cases of this outcome") \
	X(STATE, "--state", "S", set_string, state, \
	  "office review: the new state; office cases: only cases in it\n" \
	  "(received, in-review, has-issues, approved, rejected)") \
	X(SHOW, "--show", "N", set_string, show, \
	  "office conflicts: conflict N's answers, stored and incoming,\n" \
	  "side by side (needs --key; audited)") \
	X(REASON, "--reason", "TEXT", set_string, reason, "office resolve: why") \
	X(COMMENT, "--comment", "TEXT", set_string, comment, "office review: why") \
	X(REVIEWER, "--reviewer", "NAME", set_string, reviewer, \
	  "office review: who reviews (default: the account's name)") \
	X(ANSWERS, "--answers", "FILE", set_string, answers, \
	  "train: the trainee's answers (the answers file of replay)") \
	X(PATH, "--path", "ID", set_string, path, "graph: draw this training scenario's path bold") \
	X(RESULT, "--result", "FILE", set_string, result, \
	  "train: write the result, sealed (with --to and --trainee)") \
	X(TRAINEE, "--trainee", "NAME", set_string, trainee, "train --result: the trainee's pseudonym") \
	X(SOLO, "--solo", NULL, set_flag, solo, \
	  "train: solo practice, each question shows what the person says") \
	X(CARD, "--card", NULL, set_flag, card, "train: print the role-play partner's card") \
	X(TRAINER, "--trainer", NULL, set_flag, trainer, \
	  "keygen: a trainer's key pair (training results), named so") \
	X(JSON, "--json", NULL, set_flag, json, "assess, replay, scenarios, train: print JSON") \
	X(WIDTH, "--width", "N", set_width, ctx.width, "wrap text to N columns (default 76)") \
	X(HELP, "--help", NULL, set_flag, help, "this text") \
	X(HELP_SHORT, "-h", NULL, set_flag, help, NULL) \
	X(VERSION, "--version", NULL, set_flag, version, \
	  "the version, and the identity of the deck (--deck)") \
	X(SYNOPSIS, "--synopsis", NULL, set_flag, synopsis, NULL)

/* The help of --by: the names of the facts, from their table (facts.h). */
#define CMD_BY_HELP \
	"office stats: the facts to count by, comma-separated\n" \
	"(default month,outcome), of:" FACT_BY_HELP \
	"\n  or laptop, alone: the cases of each laptop (not published)"

enum cmd_opt {
#define CMD_OPT_ENUM(id, name, value, set, field, help) CMD_OPT_##id,
	CMD_OPTIONS(CMD_OPT_ENUM)
#undef CMD_OPT_ENUM
	CMD_NOPT
};
_Static_assert(CMD_NOPT <= 64, "an option set is a 64-bit mask");

/* The bit of option ID in an option set. */
#define OPT(id) ((uint64_t)1 << CMD_OPT_##id)

/* What the command line gave: the context, every option's value, and the
 * words that are not options. The parse's result; only the adapters of
 * commands.c read the options, each handing its command only its own. */
enum { CMD_MAX_WORDS = 256 };
struct cmdline {
	struct cmd_ctx ctx;	/* main's defaults; --deck, --locales, --width */
	/* The other options, named as in CMD_OPTIONS; NULL, false or 0 when
	 * not given. */
	const char *contacts, *data, *passphrase_file, *format, *seal_to, *key, *law, *signer,
		   *to, *output, *db, *receipt, *by, *lang, *second, *encoding, *answers, *result,
		   *trainee, *path, *new_passphrase_file, *split, *name, *since, *laptop, *outcome, *state,
		   *comment, *reviewer, *keep_version, *show, *reason;
	bool keep, any_signer, all, del, yes, dry_run, bidi_terminal, solo, card, trainer, json, plain, codes;
	int color;		/* enum color_mode of tui.h */
	long long k;
	const char *pos[CMD_MAX_WORDS];	/* the words that are not options */
	int npos;
	struct {
		int opt;		/* enum cmd_opt */
		const char *value;	/* NULL for a flag */
	} given[CMD_MAX_WORDS];		/* the options, in their order */
	int ngiven;
	const char *const *args;	/* the command's arguments (after its name) */
	int nargs;
	bool help, version, synopsis;
};

/* One command, or one office or trainer subcommand. */
struct cmd_command {
	const char *name;	/* "check", "office import"; "" is the interview */
	int min, max;		/* its arguments after the name; max -1: any number */
	uint64_t opts;		/* the options it takes (--help, --version always) */
	int (*run)(const struct cmdline *c);	/* its adapter (commands.c) */
	office_fn *office;	/* an office subcommand: run through cmd_office */
	const char *synopsis;	/* after "tipscreen NAME": the man page's tag */
	const char *help;	/* for --help; lines split by '\n' */
};

extern const struct cmd_command cmd_commands[];
extern const size_t cmd_ncommands;
/* The pseudo-command of --version (it takes --deck). */
extern const struct cmd_command cmd_version_row;

/* Parses argv into c (whose ctx holds the defaults), finds the command and
 * checks its arity and options: 0 with *cmd set; -1 when --help or
 * --synopsis printed their text (exit 0); else the exit code, after the
 * usage error on stderr. */
int cmd_parse(int argc, char **argv, struct cmdline *c, const struct cmd_command **cmd);
/* Runs cmd (commands.c) over c's options and arguments: the exit code. */
int cmd_run(const struct cmdline *c, const struct cmd_command *cmd);

#endif
