/* commands: the command table — one row per command and per office or
 * trainer subcommand: its name, arity, the options it takes, what runs,
 * and its synopsis and help (commands.h says how cmdline.c reads it). The
 * adapters below turn a row's arguments into each cmd_* function's. */
#include "cmd/commands.h"

#ifndef TIPSCREEN_VERSION
#define TIPSCREEN_VERSION "0.1.0"
#endif

/* Option sets that several commands share. */
#define O_LANGS (OPT(LANG) | OPT(SECOND) | OPT(LOCALES))
#define O_STORE (OPT(DATA) | OPT(PASSPHRASE_FILE))
#define O_FRONT (OPT(PLAIN) | OPT(COLOR) | OPT(BIDI) | OPT(WIDTH))
#define O_OFFICE_KEY (OPT(KEY) | OPT(PASSPHRASE_FILE))

#define ARG(i) (argc > (i) ? argv[i] : NULL)

/* The context of the commands that take one (cmd.h). */
static struct cmd_ctx ctx_of(const struct options *o)
{
	return (struct cmd_ctx){ .out = o->out, .charset = o->charset, .deck = o->deck,
				 .bundled = o->bundled, .locales = o->locales, .width = o->width };
}

static int run_interview(const struct options *o, int argc, const char *const *argv)
{
	(void)argc, (void)argv;
	return cmd_interview(o);
}

static int run_check(const struct options *o, int argc, const char *const *argv)
{
	struct cmd_ctx c = ctx_of(o);
	return cmd_check(&c, ARG(0));
}

static int run_assess(const struct options *o, int argc, const char *const *argv)
{
	return cmd_assess(o, argc ? argv[0] : "-");
}

static int run_replay(const struct options *o, int argc, const char *const *argv)
{
	return cmd_replay(o, ARG(0));
}

static int run_graph(const struct options *o, int argc, const char *const *argv)
{
	(void)argc, (void)argv;
	struct cmd_ctx c = ctx_of(o);
	return cmd_graph(&c, o->path);
}

static int run_cases(const struct options *o, int argc, const char *const *argv)
{
	(void)argc, (void)argv;
	return cmd_cases(o);
}

static int run_export(const struct options *o, int argc, const char *const *argv)
{
	return cmd_export(o, ARG(0));
}

static int run_delete(const struct options *o, int argc, const char *const *argv)
{
	return cmd_delete(o, ARG(0));
}

static int run_keygen(const struct options *o, int argc, const char *const *argv)
{
	return cmd_keygen(o, ARG(0));
}

static int run_whoami(const struct options *o, int argc, const char *const *argv)
{
	return cmd_whoami(o, ARG(0));
}

static int run_unseal(const struct options *o, int argc, const char *const *argv)
{
	return cmd_unseal(o, ARG(0));
}

static int run_bundle(const struct options *o, int argc, const char *const *argv)
{
	(void)argc, (void)argv;
	return cmd_bundle(o);
}

static int run_receipt(const struct options *o, int argc, const char *const *argv)
{
	return cmd_receipt(o, ARG(0));
}

static int run_pot(const struct options *o, int argc, const char *const *argv)
{
	struct cmd_ctx c = ctx_of(o);
	return cmd_pot(&c, ARG(0));
}

static int run_scenarios(const struct options *o, int argc, const char *const *argv)
{
	return cmd_scenarios(o, ARG(0));
}

static int run_train(const struct options *o, int argc, const char *const *argv)
{
	return cmd_train(o, ARG(0));
}

static int run_trainer_report(const struct options *o, int argc, const char *const *argv)
{
	return cmd_trainer_report(o, (char **)argv, argc);
}

static int run_version(const struct options *o, int argc, const char *const *argv)
{
	(void)argc, (void)argv;
	struct cmd_ctx c = ctx_of(o);
	return cmd_version(&c, TIPSCREEN_VERSION);
}

const struct cmd_command cmd_commands[] = {
	{ "", 0, 0, O_FRONT | OPT(DECK) | O_LANGS | OPT(LAW) | O_STORE | OPT(CONTACTS),
	  run_interview, NULL, "[OPTIONS]", "run a screening interview (the wizard)" },
	{ "check", 0, 1, OPT(DECK) | OPT(LOCALES), run_check, NULL, "[DIR]",
	  "check a deck of screens" },
	{ "assess", 0, 1, OPT(JSON) | OPT(LAW) | OPT(WIDTH) | OPT(DECK) | O_LANGS, run_assess, NULL,
	  "[FILE|-] [--json] [--law ID]", "apply the Article 3 rules" },
	{ "replay", 1, 1, OPT(JSON) | OPT(LAW) | OPT(WIDTH) | OPT(DECK) | O_LANGS, run_replay, NULL,
	  "FILE [--json] [--law ID]", "run an interview from answers" },
	{ "graph", 0, 0, OPT(DECK) | OPT(PATH), run_graph, NULL, "[--path ID]",
	  "print the state machine as Graphviz DOT" },
	{ "cases", 0, 0, OPT(DECK) | O_STORE, run_cases, NULL, "",
	  "list the interviews in the case store" },
	{ "export", 1, 1, OPT(FORMAT) | OPT(SEAL_TO) | OPT(ENCODING) | OPT(LAW) | OPT(WIDTH) |
	  OPT(DECK) | O_LANGS | O_STORE, run_export, NULL,
	  "ID [--format json|csv|txt] [--seal-to OFFICE.pub]", "print one interview" },
	{ "delete", 1, 1, O_STORE, run_delete, NULL, "ID", "delete an interview for good" },
	{ "keygen", 1, 1, OPT(PASSPHRASE_FILE), run_keygen, NULL, "NAME",
	  "write an office key pair NAME.pub, NAME.key\n(NAME.key encrypted under a passphrase)" },
	{ "whoami", 0, 1, O_STORE, run_whoami, NULL, "[FILE]",
	  "this laptop's signing key (to FILE too)" },
	{ "unseal", 1, 1, O_OFFICE_KEY | OPT(SIGNER) | OPT(ANY_SIGNER), run_unseal, NULL,
	  "FILE --key OFFICE.key [--signer LAPTOPS] [--any-signer]", "open a signed, sealed export" },
	{ "bundle", 0, 0, OPT(TO) | OPT(OUTPUT) | OPT(ALL) | OPT(DECK) | O_STORE, run_bundle, NULL,
	  "--to OFFICE.pub -o FILE [--all]",
	  "the completed cases not yet sent, in one\nfile sealed to the office; marks them sent" },
	{ "receipt", 1, 1, OPT(TO) | OPT(DELETE) | OPT(YES) | O_STORE, run_receipt, NULL,
	  "FILE --to OFFICE.pub [--delete [--yes]]",
	  "check the office's receipt; delete the\ncases it confirms" },
	{ "office init", 0, 0, OPT(DB), NULL, office_init, "[--db URL]", "create the office store" },
	{ "office import", 1, -1, OPT(DB) | O_OFFICE_KEY | OPT(SIGNER) | OPT(ANY_SIGNER) |
	  OPT(DRY_RUN) | OPT(RECEIPT), NULL, office_import,
	  "FILE... --key OFFICE.key --signer LAPTOPS [--db URL] [--dry-run] [--receipt FILE] "
	  "[--any-signer]", "store the laptops' bundles; a receipt each" },
	{ "office cases", 0, 0, OPT(DB), NULL, office_cases, "[--db URL]",
	  "the cases in the office store" },
	{ "office show", 1, 1, OPT(DB) | O_OFFICE_KEY, NULL, office_show,
	  "ID --key OFFICE.key [--db URL]", "open one case" },
	{ "office conflicts", 0, 0, OPT(DB), NULL, office_conflicts, "[--db URL]",
	  "records that diverge, kept aside" },
	{ "office audit", 0, 0, OPT(DB), NULL, office_audit, "[--db URL]",
	  "every import, opening and statistics export" },
	{ "office stats", 0, 0, OPT(DB) | OPT(BY) | OPT(K) | OPT(FORMAT), NULL, office_stats,
	  "[--by FIELDS] [--k N] [--format txt|csv] [--db URL]", "counts, small cells suppressed" },
	{ "pot", 0, 1, OPT(DECK), run_pot, NULL, "[DIR]", "the deck's texts as a PO template" },
	{ "scenarios", 0, 1, OPT(DECK) | OPT(JSON), run_scenarios, NULL, "[DIR] [--json]",
	  "run every training scenario's expert key" },
	{ "train", 0, 1, O_FRONT | OPT(DECK) | O_LANGS | OPT(SOLO) | OPT(CARD) | OPT(ANSWERS) |
	  OPT(JSON) | OPT(RESULT) | OPT(TO) | OPT(TRAINEE), run_train, NULL,
	  "[ID] [--solo] [--plain] [--card] [--answers FILE [--json]] "
	  "[--result FILE --to TRAINER.pub --trainee NAME]",
	  "a training session, then its debrief;\n--card: the role-play partner's card;\n"
	  "--answers: grade a trainee's answers (debrief);\n--result: the result, sealed to the "
	  "trainer" },
	{ "trainer report", 1, -1, O_OFFICE_KEY | OPT(FORMAT), run_trainer_report, NULL,
	  "FILE... --key TRAINER.key [--format txt|csv]", "a class's results as a matrix" },
};
const size_t cmd_ncommands = sizeof cmd_commands / sizeof cmd_commands[0];

const struct cmd_command cmd_version_row = {
	"--version", 0, -1, OPT(DECK), run_version, NULL, "", "",
};
