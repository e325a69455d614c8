/* main: the command line, and nothing else — argv to a command. */
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/termcs.h"
#include "base/text.h"
#include "domain/facts.h"

#include "cmd/cmd.h"

#ifndef TIPSCREEN_VERSION
#define TIPSCREEN_VERSION "0.1.0"
#endif
#ifndef TIPSCREEN_DECKDIR
#define TIPSCREEN_DECKDIR "screens"
#endif
#ifndef TIPSCREEN_LOCALEDIR
#define TIPSCREEN_LOCALEDIR "locales"
#endif

static const char usage[] =
	"Usage: tipscreen [OPTIONS]                 run a screening interview (the wizard)\n"
	"       tipscreen check [DIR]               check a deck of screens\n"
	"       tipscreen assess [FILE|-] [--json] [--law ID]  apply the Article 3 rules\n"
	"       tipscreen replay FILE [--json] [--law ID]  run an interview from answers\n"
	"       tipscreen graph [--path ID]         print the state machine as Graphviz DOT\n"
	"       tipscreen cases                     list the interviews in the case store\n"
	"       tipscreen export ID [--format json|csv|txt] [--seal-to OFFICE.pub]\n"
	"       tipscreen delete ID                 delete an interview for good\n"
	"       tipscreen keygen NAME               write an office key pair NAME.pub, NAME.key\n"
	"                                           (NAME.key encrypted under a passphrase)\n"
	"       tipscreen whoami [FILE]             this laptop's signing key (to FILE too)\n"
	"       tipscreen unseal FILE --key OFFICE.key [--signer LAPTOPS] [--any-signer]\n"
	"                                           open a signed, sealed export\n"
	"       tipscreen bundle --to OFFICE.pub -o FILE [--all]\n"
	"                                           the completed cases not yet sent, in one\n"
	"                                           file sealed to the office; marks them sent\n"
	"       tipscreen receipt FILE --to OFFICE.pub [--delete [--yes]]\n"
	"                                           check the office's receipt; delete the\n"
	"                                           cases it confirms\n"
	"       tipscreen office init [--db URL]    create the office store\n"
	"       tipscreen office import FILE... --key OFFICE.key --signer LAPTOPS [--db URL]\n"
	"                    [--dry-run] [--receipt FILE] [--any-signer]\n"
	"                                           store the laptops' bundles; a receipt each\n"
	"       tipscreen office cases [--db URL]   the cases in the office store\n"
	"       tipscreen office show ID --key OFFICE.key [--db URL]  open one case\n"
	"       tipscreen office conflicts [--db URL]  records that diverge, kept aside\n"
	"       tipscreen office audit [--db URL]   every import, opening and statistics export\n"
	"       tipscreen office stats [--by FIELDS] [--k N] [--format txt|csv] [--db URL]\n"
	"                                           counts, small cells suppressed\n"
	"       tipscreen pot [DIR]                 the deck's texts as a PO template\n"
	"       tipscreen scenarios [DIR] [--json]  run every training scenario's expert key\n"
	"       tipscreen train [ID] [--solo] [--plain]  a training session, then its debrief\n"
	"       tipscreen train ID --card           the role-play partner's card\n"
	"       tipscreen train ID ... --result FILE --to TRAINER.pub --trainee NAME\n"
	"                                           the result, sealed to the trainer\n"
	"       tipscreen trainer report FILE... --key TRAINER.key [--format txt|csv]\n"
	"                                           a class's results as a matrix\n"
	"       tipscreen train ID --answers FILE [--json]  grade a trainee's answers (debrief)\n"
	"\n"
	"Options:\n"
	"  --plain            line mode: one prompt per question (screen readers, pipes)\n"
	"  --color WHEN       the wizard's colours: never, auto (default; NO_COLOR) or always\n"
	"  --deck DIR         the deck of screens (default " TIPSCREEN_DECKDIR ")\n"
	"  --lang LANG        the interview's language (en, fr, es; default from LANGUAGE,\n"
	"                     LC_ALL or LANG)\n"
	"  --second LANG      bilingual: the respondent's language under the interviewer's\n"
	"  --locales DIR      the translations (default " TIPSCREEN_LOCALEDIR ")\n"
	"  --encoding CS      export --format csv: the file's charset (default UTF-8)\n"
	"  --bidi HOW         right-to-left languages: reorder (default) or terminal, for\n"
	"                     terminals that reorder themselves (mlterm, konsole)\n"
	"  --contacts FILE    referral contacts (default $XDG_CONFIG_HOME/tipscreen/contacts)\n"
	"  --data DIR         the case store (default $XDG_DATA_HOME/tipscreen)\n"
	"  --passphrase-file FILE  the store's passphrase, on the first line (else asked);\n"
	"                     keygen, unseal, office import, office show: the office key's\n"
	"  --law ID           also assess under a law profile (eu, coe, gb-ew, us, ph;\n"
	"                     none: only the Protocol); default from\n"
	"                     $XDG_CONFIG_HOME/tipscreen/law ('Law: ID')\n"
	"  --seal-to FILE     export: sign with this laptop's key, seal to the office key\n"
	"  --key FILE         unseal, office import, office show, trainer report: the\n"
	"                     office's (or the trainer's) secret key\n"
	"  --to FILE          bundle, receipt: the office's public key (OFFICE.pub);\n"
	"                     train --result: the trainer's public key (from keygen)\n"
	"  -o FILE            bundle: the file to write (never over an existing one)\n"
	"  --all              bundle: every completed case, sent already or not\n"
	"  --delete           receipt: delete the cases the office confirms, for good\n"
	"  --yes              receipt --delete: without asking\n"
	"  --signer FILE      unseal, office import: the known laptops' keys (from\n"
	"                     `whoami FILE`)\n"
	"  --any-signer       unseal, office import: accept an unknown laptop, with a warning\n"
	"  --db URL           office: sqlite:PATH or postgresql://... (default sqlite:\n"
	"                     $XDG_DATA_HOME/tipscreen-office/office.db)\n"
	"  --dry-run          office import: say what it would do, store nothing\n"
	"  --receipt FILE     office import: the receipt (default: BUNDLE.receipt)\n"
	"  --by FIELDS        office stats: the facts to count by, comma-separated\n"
	"                     (default month,outcome), of:\n"
	FACT_BY_HELP
	"  --k N              office stats: counts from 1 to N-1 are hidden (default 11)\n"
	"  --answers FILE     train: the trainee's answers (the answers file of replay)\n"
	"  --path ID          graph: draw this training scenario's path bold\n"
	"  --result FILE      train: write the result, sealed (with --to and --trainee)\n"
	"  --trainee NAME     train --result: the trainee's pseudonym\n"
	"  --solo             train: solo practice, each question shows what the person says\n"
	"  --card             train: print the role-play partner's card\n"
	"  --json             assess, replay, scenarios, train: print JSON\n"
	"  --width N          wrap text to N columns (default 76)\n"
	"  --help             this text\n"
	"  --version          the version, and the identity of the deck (--deck)\n"
	"\n"
	"In the wizard: y n d x answer, Enter next, Esc back, F1 keys, Tab help,\n"
	"Ctrl-T stop and refer, Ctrl-X quick hide, Ctrl-C leave.\n"
	"In line mode: y n d x answer yes / no / don't know / declined (i: intended),\n"
	"numbers pick choices, < goes back, ? shows help, ! stops and refers.\n"
	"Exit status: 0 ok, 1 runtime error, 2 bad input or usage.\n";

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("tipscreen: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'tipscreen --help'.\n", stderr);
	return EXIT_INPUT;
}

/* Takes the value of an option given as "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static bool is_opt(const char *arg, const char *name)
{
	size_t n = strlen(name);
	return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* The value of option name if argv[*i] is it; NULL otherwise. A missing
 * value is a usage error, reported here. */
static const char *value_of(int argc, char **argv, int *i, const char *name)
{
	if (!is_opt(argv[*i], name))
		return NULL;
	const char *v = option_value(argc, argv, i, name);
	if (!v || !*v) {
		usage_error("%s needs a value", name);
		exit(EXIT_INPUT);
	}
	return v;
}

/* --color WHEN: enum color_mode of tui.h, or -1. */
static int color_mode(const char *v)
{
	static const char *const modes[] = { "auto", "never", "always" };
	for (int i = 0; i < 3; i++)
		if (strcmp(v, modes[i]) == 0)
			return i;
	return -1;
}

struct cmdline {
	struct options o;
	const char *pos[256];
	int npos;
	bool version;	/* --version: after every option, so --deck counts */
};

static int parse(int argc, char **argv, struct cmdline *c)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			fputs(usage, stdout);
			return -1;
		} else if (strcmp(a, "--version") == 0) {
			c->version = true;
		} else if (strcmp(a, "--json") == 0) {
			c->o.json = true;
		} else if (strcmp(a, "--any-signer") == 0) {
			c->o.any_signer = true;
		} else if (strcmp(a, "--all") == 0) {
			c->o.all = true;
		} else if (strcmp(a, "--delete") == 0) {
			c->o.del = true;
		} else if (strcmp(a, "--yes") == 0) {
			c->o.yes = true;
		} else if (strcmp(a, "--solo") == 0) {
			c->o.solo = true;
		} else if (strcmp(a, "--card") == 0) {
			c->o.card = true;
		} else if (strcmp(a, "--dry-run") == 0) {
			c->o.dry_run = true;
		} else if ((v = value_of(argc, argv, &i, "--db"))) {
			c->o.db = v;
		} else if ((v = value_of(argc, argv, &i, "--receipt"))) {
			c->o.receipt = v;
		} else if ((v = value_of(argc, argv, &i, "--by"))) {
			c->o.by = v;
		} else if ((v = value_of(argc, argv, &i, "--k"))) {
			char *end;
			if ((c->o.k = strtoll(v, &end, 10)) < 1 || *end || c->o.k > 1000000)
				return usage_error("--k takes a number from 1 to 1000000, not '%s'", v);
		} else if (strcmp(a, "--plain") == 0) {
			c->o.plain = true;
		} else if (is_opt(a, "--color")) {
			if (!(v = option_value(argc, argv, &i, "--color")))
				return usage_error("--color needs a value: never, auto or always");
			if ((c->o.color = color_mode(v)) < 0)
				return usage_error("--color takes never, auto or always, not '%s'", v);
		} else if ((v = value_of(argc, argv, &i, "--deck"))) {
			c->o.deck = v;
		} else if ((v = value_of(argc, argv, &i, "--lang"))) {
			c->o.lang = v;
		} else if ((v = value_of(argc, argv, &i, "--second"))) {
			c->o.second = v;
		} else if ((v = value_of(argc, argv, &i, "--locales"))) {
			c->o.locales = v;
		} else if ((v = value_of(argc, argv, &i, "--encoding"))) {
			c->o.encoding = v;
		} else if ((v = value_of(argc, argv, &i, "--bidi"))) {
			if (strcmp(v, "reorder") != 0 && strcmp(v, "terminal") != 0)
				return usage_error("--bidi takes reorder or terminal, not '%s'", v);
			c->o.bidi_terminal = strcmp(v, "terminal") == 0;
		} else if ((v = value_of(argc, argv, &i, "--contacts"))) {
			c->o.contacts = v;
		} else if ((v = value_of(argc, argv, &i, "--data"))) {
			c->o.data = v;
		} else if ((v = value_of(argc, argv, &i, "--passphrase-file"))) {
			c->o.passphrase_file = v;
		} else if ((v = value_of(argc, argv, &i, "--format"))) {
			c->o.format = v;
		} else if ((v = value_of(argc, argv, &i, "--seal-to"))) {
			c->o.seal_to = v;
		} else if ((v = value_of(argc, argv, &i, "--law"))) {
			c->o.law = v;
		} else if ((v = value_of(argc, argv, &i, "--result"))) {
			c->o.result = v;
		} else if ((v = value_of(argc, argv, &i, "--to"))) {
			c->o.to = v;
		} else if ((v = value_of(argc, argv, &i, "--trainee"))) {
			c->o.trainee = v;
		} else if ((v = value_of(argc, argv, &i, "--path"))) {
			c->o.path = v;
		} else if ((v = value_of(argc, argv, &i, "--answers"))) {
			c->o.answers = v;
		} else if ((v = value_of(argc, argv, &i, "--key"))) {
			c->o.key = v;
		} else if ((v = value_of(argc, argv, &i, "-o"))) {
			c->o.output = v;
		} else if ((v = value_of(argc, argv, &i, "--signer"))) {
			c->o.signer = v;
		} else if ((v = value_of(argc, argv, &i, "--width"))) {
			if ((c->o.width = atoi(v)) < 20 || c->o.width > 1000)
				return usage_error("--width takes a number from 20 to 1000, not '%s'", v);
		} else if (a[0] == '-' && a[1] != '\0') {
			return usage_error("unknown option '%s'", a);
		} else if (c->npos < 256) {
			c->pos[c->npos++] = a;
		} else {
			return usage_error("unexpected argument '%s'", a);
		}
	}
	return 0;
}

static int dispatch(struct cmdline *c)
{
	const char *cmd = c->npos ? c->pos[0] : NULL;
	int args = c->npos - 1;
	if (!cmd)
		return cmd_interview(&c->o);
	if (strcmp(cmd, "check") == 0 && args <= 1)
		return cmd_check(&c->o, args ? c->pos[1] : NULL);
	if (strcmp(cmd, "assess") == 0 && args <= 1)
		return cmd_assess(&c->o, args ? c->pos[1] : "-");
	if (strcmp(cmd, "replay") == 0 && args == 1)
		return cmd_replay(&c->o, c->pos[1]);
	if (strcmp(cmd, "graph") == 0 && args == 0)
		return cmd_graph(&c->o);
	if (strcmp(cmd, "cases") == 0 && args == 0)
		return cmd_cases(&c->o);
	if (strcmp(cmd, "export") == 0 && args == 1)
		return cmd_export(&c->o, c->pos[1]);
	if (strcmp(cmd, "delete") == 0 && args == 1)
		return cmd_delete(&c->o, c->pos[1]);
	if (strcmp(cmd, "keygen") == 0 && args == 1)
		return cmd_keygen(&c->o, c->pos[1]);
	if (strcmp(cmd, "whoami") == 0 && args <= 1)
		return cmd_whoami(&c->o, args ? c->pos[1] : NULL);
	if (strcmp(cmd, "unseal") == 0 && args == 1)
		return cmd_unseal(&c->o, c->pos[1]);
	if (strcmp(cmd, "bundle") == 0 && args == 0)
		return cmd_bundle(&c->o);
	if (strcmp(cmd, "receipt") == 0 && args == 1)
		return cmd_receipt(&c->o, c->pos[1]);
	if (strcmp(cmd, "office") == 0)
		return cmd_office(&c->o, args, c->pos + 1);
	if (strcmp(cmd, "pot") == 0 && args <= 1)
		return cmd_pot(&c->o, args ? c->pos[1] : NULL);
	if (strcmp(cmd, "scenarios") == 0 && args <= 1)
		return cmd_scenarios(&c->o, args ? c->pos[1] : NULL);
	if (strcmp(cmd, "trainer") == 0 && args >= 2 && strcmp(c->pos[1], "report") == 0)
		return cmd_trainer_report(&c->o, (char **)c->pos + 2, args - 1);
	if (strcmp(cmd, "train") == 0 && args <= 1)
		return cmd_train(&c->o, args ? c->pos[1] : NULL);
	static const char *const known[] = { "check", "assess", "replay", "graph", "cases", "export",
					     "delete", "keygen", "whoami", "unseal", "pot", "bundle",
					     "receipt", "scenarios", "train", "trainer" };
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcmp(cmd, known[i]) == 0)
			return usage_error("wrong number of arguments for '%s'", cmd);
	return usage_error("unknown command '%s'", cmd);
}

/* On a terminal whose charset is not UTF-8, results go through a stream
 * that transliterates (once said on stderr); pipes and files get UTF-8.
 * Returns that stream, which main closes, or NULL. */
static FILE *open_output(struct options *o)
{
	if (text_is_utf8_charset(o->charset) || !isatty(STDOUT_FILENO))
		return NULL;
	FILE *f = termcs_open(stdout, o->charset);
	if (!f)
		return NULL;
	fprintf(stderr, "tipscreen: this terminal uses %s, not UTF-8: some characters are shown "
		"approximately. A UTF-8 locale (e.g. LANG=C.UTF-8) shows them exactly.\n", o->charset);
	o->out = f;
	return f;
}

/* The charset of the user's terminal: the locale's; when the locale named
 * is not installed (common on field laptops), the charset its name says
 * ("fr_FR.ISO-8859-1"), if iconv knows it; else ASCII, which is safe. */
static void user_charset(char *buf, size_t n)
{
	if (setlocale(LC_ALL, "")) {
		snprintf(buf, n, "%s", nl_langinfo(CODESET));
		return;
	}
	const char *vars[] = { "LC_ALL", "LC_CTYPE", "LANG" }, *name = NULL;
	for (size_t i = 0; i < 3 && !name; i++)
		if (getenv(vars[i]) && *getenv(vars[i]))
			name = getenv(vars[i]);
	const char *dot = name ? strchr(name, '.') : NULL;
	snprintf(buf, n, "%.*s", dot ? (int)strcspn(dot + 1, "@") : 0, dot ? dot + 1 : "");
	if (!*buf || !text_charset_known(buf))
		snprintf(buf, n, "ANSI_X3.4-1968");
}

int main(int argc, char **argv)
{
	/* Interview records are about victims: never leave them in a core file,
	 * let no other process of ours read this one's memory, and create every
	 * file for the user alone. */
	struct rlimit no_core = { 0, 0 };
	setrlimit(RLIMIT_CORE, &no_core);
	prctl(PR_SET_DUMPABLE, 0);
	umask(077);
	char charset[64];
	user_charset(charset, sizeof charset);
	/* Text is UTF-8 inside; widths need a UTF-8 LC_CTYPE whatever the
	 * user's locale (the terminal's charset is handled at the edges). */
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "C.utf8");
	struct cmdline c = { .o = { .out = stdout, .charset = charset,
				    .deck = TIPSCREEN_DECKDIR, .locales = TIPSCREEN_LOCALEDIR,
				    .bundled = TIPSCREEN_DECKDIR, .width = 76 } };
	int rc = parse(argc, argv, &c);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	FILE *conv = open_output(&c.o);
	rc = c.version ? cmd_version(&c.o, TIPSCREEN_VERSION) : dispatch(&c);
	if (conv)
		fclose(conv);
	return rc;
}
