/* commands: the command table — one row per command and per office or
 * trainer subcommand: its name, arity, the options it takes, what runs,
 * and its synopsis and help (commands.h says how cmdline.c reads it). The
 * adapters below hand each cmd_* function the context and only the
 * options its row names (its own struct of cmd.h, or plain arguments). */
#include "cmd/commands.h"
#include "office/recovery_log.h"

#ifndef TIPSCREEN_VERSION
#define TIPSCREEN_VERSION "0.1.0"
#endif

/* Option sets that several commands share. */
#define O_LANGS (OPT(LANG) | OPT(SECOND) | OPT(LOCALES))
#define O_STORE (OPT(DATA) | OPT(PASSPHRASE_FILE))
#define O_FRONT (OPT(PLAIN) | OPT(CODES) | OPT(COLOR) | OPT(BIDI) | OPT(WIDTH))
#define O_OFFICE_KEY (OPT(KEY) | OPT(PASSPHRASE_FILE))

/* The command's argument i, or NULL. */
#define ARG(i) (c->nargs > (i) ? c->args[i] : NULL)

/* The option structs that several commands share (cmd.h). */
static struct cmd_store_opts store_of(const struct cmdline *c)
{
	return (struct cmd_store_opts){ .data = c->data, .passphrase_file = c->passphrase_file };
}

static struct cmd_lang_opts lang_of(const struct cmdline *c)
{
	return (struct cmd_lang_opts){ .lang = c->lang, .second = c->second };
}

static struct cmd_front_opts front_of(const struct cmdline *c)
{
	return (struct cmd_front_opts){ .plain = c->plain, .codes = c->codes, .color = c->color,
					.bidi_terminal = c->bidi_terminal };
}

static struct cmd_key_opts key_of(const struct cmdline *c)
{
	return (struct cmd_key_opts){ .key = c->key, .passphrase_file = c->passphrase_file };
}

static struct cmd_signer_opts signer_of(const struct cmdline *c)
{
	return (struct cmd_signer_opts){ .signer = c->signer, .any_signer = c->any_signer };
}

static struct cmd_report_opts report_of(const struct cmdline *c)
{
	return (struct cmd_report_opts){ .json = c->json, .law = c->law, .lang = lang_of(c) };
}

static int run_interview(const struct cmdline *c)
{
	struct cmd_interview_opts o = { .front = front_of(c), .lang = lang_of(c), .law = c->law,
					.store = store_of(c), .contacts = c->contacts };
	return cmd_interview(&c->ctx, &o);
}

static int run_check(const struct cmdline *c)
{
	return cmd_check(&c->ctx, ARG(0));
}

static int run_assess(const struct cmdline *c)
{
	struct cmd_report_opts o = report_of(c);
	return cmd_assess(&c->ctx, &o, c->nargs ? c->args[0] : "-");
}

static int run_replay(const struct cmdline *c)
{
	struct cmd_report_opts o = report_of(c);
	return cmd_replay(&c->ctx, &o, ARG(0));
}

static int run_graph(const struct cmdline *c)
{
	return cmd_graph(&c->ctx, c->path);
}

static int run_cases(const struct cmdline *c)
{
	struct cmd_store_opts o = store_of(c);
	return cmd_cases(&c->ctx, &o);
}

static int run_export(const struct cmdline *c)
{
	struct cmd_export_opts o = { .store = store_of(c), .format = c->format, .seal_to = c->seal_to,
				     .encoding = c->encoding, .law = c->law, .lang = lang_of(c) };
	return cmd_export(&c->ctx, &o, ARG(0));
}

static int run_delete(const struct cmdline *c)
{
	struct cmd_store_opts o = store_of(c);
	return cmd_delete(&c->ctx, &o, ARG(0));
}

static int run_keygen(const struct cmdline *c)
{
	struct cmd_keygen_opts o = { .passphrase_file = c->passphrase_file, .split = c->split,
				     .keep = c->keep, .trainer = c->trainer };
	return cmd_keygen(&c->ctx, &o, ARG(0));
}

static int run_keyjoin(const struct cmdline *c)
{
	return cmd_keyjoin(&c->ctx, c->passphrase_file, c->output, (char **)c->args, c->nargs);
}

static int run_passwd(const struct cmdline *c)
{
	struct cmd_store_opts o = store_of(c);
	return cmd_passwd(&c->ctx, &o, c->new_passphrase_file);
}

static int run_enrol(const struct cmdline *c)
{
	struct cmd_store_opts o = store_of(c);
	return cmd_enrol(&c->ctx, &o, ARG(0));
}

static int run_recover(const struct cmdline *c)
{
	struct cmd_recover_opts o = { .data = c->data, .key = key_of(c), .output = c->output };
	return cmd_recover(&c->ctx, &o);
}

static int run_whoami(const struct cmdline *c)
{
	struct cmd_store_opts o = store_of(c);
	return cmd_whoami(&c->ctx, &o, ARG(0), c->name);
}

static int run_unseal(const struct cmdline *c)
{
	struct cmd_key_opts k = key_of(c);
	struct cmd_signer_opts s = signer_of(c);
	return cmd_unseal(&c->ctx, &k, &s, ARG(0));
}

static int run_bundle(const struct cmdline *c)
{
	struct cmd_bundle_opts o = { .store = store_of(c), .to = c->to, .output = c->output,
				     .all = c->all };
	return cmd_bundle(&c->ctx, &o);
}

static int run_receipt(const struct cmdline *c)
{
	struct cmd_receipt_opts o = { .store = store_of(c), .to = c->to, .del = c->del,
				      .yes = c->yes };
	return cmd_receipt(&c->ctx, &o, ARG(0));
}

static int run_law(const struct cmdline *c)
{
	return cmd_law(&c->ctx, ARG(0));
}

static int run_pot(const struct cmdline *c)
{
	return cmd_pot(&c->ctx, ARG(0));
}

static int run_scenarios(const struct cmdline *c)
{
	return cmd_scenarios(&c->ctx, c->json, ARG(0));
}

static int run_train(const struct cmdline *c)
{
	struct cmd_train_opts o = {
		.front = front_of(c), .lang = lang_of(c), .solo = c->solo, .card = c->card,
		.json = c->json, .answers = c->answers,
		.result = { .result = c->result, .to = c->to, .trainee = c->trainee },
	};
	return cmd_train(&c->ctx, &o, ARG(0));
}

static int run_trainer_report(const struct cmdline *c)
{
	struct cmd_key_opts k = key_of(c);
	return cmd_trainer_report(&c->ctx, &k, c->format, (char **)c->args, c->nargs);
}

static int run_version(const struct cmdline *c)
{
	return cmd_version(&c->ctx, TIPSCREEN_VERSION);
}

/* An office subcommand: fn over the office context office_cmd.c makes. */
static int run_office(const struct cmdline *c, office_fn *fn)
{
	struct cmd_office_opts o = {
		.db = c->db, .key = key_of(c), .signer = signer_of(c), .dry_run = c->dry_run,
		.receipt = c->receipt, .by = c->by, .k = c->k, .format = c->format,
		.since = c->since, .laptop = c->laptop, .outcome = c->outcome, .state = c->state,
		.comment = c->comment, .reviewer = c->reviewer, .show = c->show,
		.keep = c->keep_version, .reason = c->reason,
	};
	return cmd_office(&c->ctx, &o, fn, c->nargs, c->args);
}

int cmd_run(const struct cmdline *c, const struct cmd_command *cmd)
{
	return cmd->office ? run_office(c, cmd->office) : cmd->run(c);
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
	{ "keygen", 1, 1, OPT(PASSPHRASE_FILE) | OPT(SPLIT) | OPT(KEEP) | OPT(TRAINER), run_keygen,
	  NULL, "NAME [--trainer] [--split K/N [--keep]]",
	  "write an office (or trainer) key pair NAME.pub,\nNAME.key (NAME.key encrypted under a\n"
	  "passphrase); --split: N shares NAME-I.share\ninstead, any K of which rebuild the key" },
	{ "keyjoin", 1, -1, OPT(OUTPUT) | OPT(PASSPHRASE_FILE), run_keyjoin, NULL,
	  "SHARE... -o NAME.key", "rebuild the office key from K of its shares" },
	{ "passwd", 0, 0, O_STORE | OPT(NEW_PASSPHRASE_FILE), run_passwd, NULL,
	  "[--new-passphrase-file FILE]",
	  "change the store's passphrase (only the\nwrapped master key is rewritten)" },
	{ "enrol", 1, 1, O_STORE, run_enrol, NULL, "OFFICE.pub",
	  "let the office key recover this laptop's\nstore (its master key sealed to it)" },
	{ "recover", 0, 0, O_OFFICE_KEY | OPT(DATA) | OPT(OUTPUT), run_recover, NULL,
	  "--key OFFICE.key [-o NOTICE]",
	  "a forgotten passphrase: open the store with\nthe office key, set a new passphrase" },
	{ "whoami", 0, 1, O_STORE | OPT(NAME), run_whoami, NULL, "[FILE [--name NAME]]",
	  "this laptop's signing key (to FILE too)" },
	{ "unseal", 1, 1, O_OFFICE_KEY | OPT(SIGNER) | OPT(ANY_SIGNER), run_unseal, NULL,
	  "FILE --key OFFICE.key [--signer LAPTOPS] [--any-signer]", "open a signed, sealed export" },
	{ "bundle", 0, 0, OPT(TO) | OPT(OUTPUT) | OPT(ALL) | OPT(DECK) | O_STORE, run_bundle, NULL,
	  "--to OFFICE.pub -o FILE [--all]",
	  "the completed cases not yet sent, in one\nfile sealed to the office; marks them sent" },
	{ "receipt", 1, 1, OPT(TO) | OPT(DELETE) | OPT(YES) | O_STORE, run_receipt, NULL,
	  "FILE --to OFFICE.pub [--delete [--yes]]",
	  "check the office's receipt; delete the\ncases it confirms" },
	{ "office init", 0, 0, OPT(DB) | O_OFFICE_KEY, NULL, office_init, "[--key OFFICE.key] [--db URL]",
	  "create the office store; with --key, make\nevery case's row again from its bundle" },
	{ "office import", 1, -1, OPT(DB) | O_OFFICE_KEY | OPT(SIGNER) | OPT(ANY_SIGNER) |
	  OPT(DRY_RUN) | OPT(RECEIPT), NULL, office_import,
	  "FILE... --key OFFICE.key --signer LAPTOPS [--db URL] [--dry-run] [--receipt FILE] "
	  "[--any-signer]", "store the laptops' bundles; a receipt each" },
	{ "office cases", 0, 0, OPT(DB) | OPT(SINCE) | OPT(LAPTOP) | OPT(OUTCOME) | OPT(STATE), NULL,
	  office_cases, "[--since DATE] [--laptop NAME] [--outcome O] [--state S] [--db URL]",
	  "the cases in the office store, by date" },
	{ "office show", 1, 1, OPT(DB) | O_OFFICE_KEY | OPT(FORMAT) | OPT(LAPTOP) | OPT(DECK) |
	  OPT(WIDTH), NULL, office_show,
	  "ID --key OFFICE.key [--format txt|json] [--laptop NAME] [--db URL]",
	  "open one case: its case file, audited" },
	{ "office review", 1, 1, OPT(DB) | O_OFFICE_KEY | OPT(STATE) | OPT(COMMENT) | OPT(REVIEWER) |
	  OPT(LAPTOP), NULL, office_review,
	  "ID --key OFFICE.key --state S --comment TEXT [--reviewer NAME] [--laptop NAME] [--db URL]",
	  "set a case's review state, audited" },
	{ "office conflicts", 0, 0, OPT(DB) | OPT(SHOW) | O_OFFICE_KEY | OPT(DECK), NULL,
	  office_conflicts,
	  "[--show N --key OFFICE.key] [--db URL]",
	  "records that diverge, kept aside; --show:\nthe two versions' answers side by side" },
	{ "office resolve", 1, 1, OPT(DB) | O_OFFICE_KEY | OPT(KEEP_VERSION) | OPT(REASON), NULL,
	  office_resolve, "N --keep stored|incoming --reason TEXT --key OFFICE.key [--db URL]",
	  "keep one version of conflict N (the other's\nbundle stays), audited" },
	{ "office audit", 0, 0, OPT(DB) | O_OFFICE_KEY, NULL, office_audit,
	  "[--key OFFICE.key] [--db URL]",
	  "every import, opening and statistics export;\nverifies the log's chain" },
	{ "office recovery", 1, -1, OPT(DB) | O_OFFICE_KEY | OPT(SIGNER) | OPT(ANY_SIGNER), NULL,
	  office_recovery, "NOTICE... --key OFFICE.key --signer LAPTOPS [--db URL] [--any-signer]",
	  "write laptops' recovery notices (from\n`recover`) to the audit log" },
	{ "office stats", 0, 0, OPT(DB) | O_OFFICE_KEY | OPT(BY) | OPT(K) | OPT(FORMAT), NULL,
	  office_stats, "--key OFFICE.key [--by FIELDS] [--k N] [--format txt|csv] [--db URL]",
	  "counts, small cells suppressed" },
	{ "office export", 0, 0, OPT(DB) | O_OFFICE_KEY | OPT(FORMAT) | OPT(SINCE) | OPT(DECK), NULL,
	  office_export, "--format htcds --key OFFICE.key [--since DATE] [--db URL]",
	  "every case as CSV in the field names of\nIOM's HTCDS (README), audited" },
	{ "law", 0, 1, 0, run_law, NULL, "[NAME]",
	  "the built-in law texts; NAME: one, as built in" },
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
	{ "trainer report", 1, -1, O_OFFICE_KEY | OPT(FORMAT) | OPT(WIDTH), run_trainer_report, NULL,
	  "FILE... --key TRAINER.key [--format txt|csv|json] [--width N]",
	  "a class's results per scenario: pass, agreement, misses" },
};
const size_t cmd_ncommands = sizeof cmd_commands / sizeof cmd_commands[0];

const struct cmd_command cmd_version_row = {
	"--version", 0, -1, OPT(DECK), run_version, NULL, "", "",
};
