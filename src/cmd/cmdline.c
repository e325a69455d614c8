/* cmdline: argv to a row of the command table (commands.h) — one loop
 * over the option table sorts the words into options and arguments, the
 * command is found by its words, its arity and options are checked, and
 * only then are the options' values checked and stored. --help and the man
 * page's synopsis (--synopsis) are printed from the same tables. */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "cmd/commands.h"

/* Checks an option's value and stores it at off in c; 0, or the exit code
 * after a usage error. */
typedef int setter(struct cmdline *c, size_t off, const char *v);

static setter set_flag, set_string, set_k, set_width, set_color, set_bidi;

static const struct option_row {
	const char *name;
	const char *value;	/* NULL: a flag */
	setter *set;
	size_t off;		/* of the field in struct cmdline */
	const char *help;	/* NULL: hidden */
} options[] = {
#define CMD_OPT_ROW(id, name, value, set, field, help) \
	{ name, value, set, offsetof(struct cmdline, field), help },
	CMD_OPTIONS(CMD_OPT_ROW)
#undef CMD_OPT_ROW
};

/* The options every command takes. */
#define O_GLOBAL (OPT(HELP) | OPT(HELP_SHORT) | OPT(VERSION) | OPT(SYNOPSIS))

static int usage_error(const struct cmd_command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Says what is wrong, then cmd's synopsis when there is a command. */
static int usage_error(const struct cmd_command *cmd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("tipscreen: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (cmd && cmd != &cmd_version_row)
		fprintf(stderr, "Usage: tipscreen%s%s%s%s\n", *cmd->name ? " " : "", cmd->name,
			*cmd->synopsis ? " " : "", cmd->synopsis);
	fputs("Try 'tipscreen --help'.\n", stderr);
	return EXIT_INPUT;
}

static int set_flag(struct cmdline *c, size_t off, const char *v)
{
	(void)v;
	*(bool *)((char *)c + off) = true;
	return 0;
}

static int set_string(struct cmdline *c, size_t off, const char *v)
{
	*(const char **)((char *)c + off) = v;
	return 0;
}

/* A whole number from lo to hi, or -1. */
static long long number(const char *v, long long lo, long long hi)
{
	char *end;
	long long n = strtoll(v, &end, 10);
	return n < lo || n > hi || *end ? -1 : n;
}

static int set_k(struct cmdline *c, size_t off, const char *v)
{
	long long k = number(v, 1, 1000000);
	if (k < 0)
		return usage_error(NULL, "--k takes a number from 1 to 1000000, not '%s'", v);
	*(long long *)((char *)c + off) = k;
	return 0;
}

static int set_width(struct cmdline *c, size_t off, const char *v)
{
	long long w = number(v, 20, 1000);
	if (w < 0)
		return usage_error(NULL, "--width takes a number from 20 to 1000, not '%s'", v);
	*(int *)((char *)c + off) = (int)w;
	return 0;
}

/* --color WHEN: enum color_mode of tui.h. */
static int set_color(struct cmdline *c, size_t off, const char *v)
{
	static const char *const modes[] = { "auto", "never", "always" };
	for (int i = 0; i < 3; i++)
		if (strcmp(v, modes[i]) == 0) {
			*(int *)((char *)c + off) = i;
			return 0;
		}
	return usage_error(NULL, "--color takes never, auto or always, not '%s'", v);
}

static int set_bidi(struct cmdline *c, size_t off, const char *v)
{
	if (strcmp(v, "reorder") != 0 && strcmp(v, "terminal") != 0)
		return usage_error(NULL, "--bidi takes reorder or terminal, not '%s'", v);
	*(bool *)((char *)c + off) = strcmp(v, "terminal") == 0;
	return 0;
}

/* The row of option arg ("--name" or "--name=VALUE"), or -1. */
static int find_option(const char *arg)
{
	size_t n = strcspn(arg, "=");
	for (int i = 0; i < CMD_NOPT; i++)
		if (strlen(options[i].name) == n && strncmp(arg, options[i].name, n) == 0 &&
		    (options[i].value || arg[n] == '\0'))
			return i;
	return -1;
}

static int unknown_option(const char *arg)
{
	const char *names[CMD_NOPT];
	for (int i = 0; i < CMD_NOPT; i++)
		names[i] = options[i].name;
	char *name = strndup(arg, strcspn(arg, "="));
	const char *near = name ? suggest_nearest(name, names, CMD_NOPT) : NULL;
	free(name);
	if (near)
		return usage_error(NULL, "unknown option '%s' (did you mean '%s'?)", arg, near);
	return usage_error(NULL, "unknown option '%s'", arg);
}

/* Whether word is one of the '|'-separated words of list. */
static bool one_of(const char *word, const char *list)
{
	size_t n = strlen(word);
	for (const char *p = list; *p;) {
		size_t k = strcspn(p, "|");
		if (k == n && strncmp(p, word, n) == 0)
			return true;
		p += k + (p[k] == '|');
	}
	return false;
}

/* Sorts argv into options (with their values) and other words. */
static int sort_words(int argc, char **argv, struct cmdline *c)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' || a[1] == '\0') {
			if (c->npos == CMD_MAX_WORDS)
				return usage_error(NULL, "unexpected argument '%s'", a);
			c->pos[c->npos++] = a;
			continue;
		}
		int id = find_option(a);
		if (id < 0)
			return unknown_option(a);
		/* A flag that shares its name with an option whose value is one
		 * of a few words (--keep; --keep stored|incoming) is that
		 * option when one of those words follows. */
		for (int j = id + 1; !options[id].value && i + 1 < argc && j < CMD_NOPT; j++)
			if (options[j].value && strcmp(options[j].name, options[id].name) == 0 &&
			    one_of(argv[i + 1], options[j].value))
				id = j;
		const char *v = NULL, *eq = strchr(a, '=');
		if (options[id].value) {
			v = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
			if (!v || !*v)
				return usage_error(NULL, "%s needs a value", options[id].name);
		}
		if (c->ngiven == CMD_MAX_WORDS)
			return usage_error(NULL, "too many options");
		c->given[c->ngiven].opt = id;
		c->given[c->ngiven++].value = v;
	}
	return 0;
}

/* The row named by words (one, or "office SUB"), or NULL. */
static const struct cmd_command *find_command(const char *group, const char *sub)
{
	size_t n = strlen(group);
	for (size_t i = 1; i < cmd_ncommands; i++) {
		const char *name = cmd_commands[i].name;
		const char *sp = strchr(name, ' ');
		if (!sp && !sub && strcmp(name, group) == 0)
			return &cmd_commands[i];
		if (sp && sub && (size_t)(sp - name) == n && strncmp(name, group, n) == 0 &&
		    strcmp(sp + 1, sub) == 0)
			return &cmd_commands[i];
	}
	return NULL;
}

/* Whether word is the first word of subcommands ("office", "trainer"). */
static bool is_group(const char *word)
{
	size_t n = strlen(word);
	for (size_t i = 1; i < cmd_ncommands; i++)
		if (strncmp(cmd_commands[i].name, word, n) == 0 && cmd_commands[i].name[n] == ' ')
			return true;
	return false;
}

/* "unknown command 'x'", with the nearest name of the group's commands
 * (group NULL: the top-level names, a group's first word once). */
static int unknown_command(const char *group, const char *word)
{
	const char *cands[64] = { NULL };
	char groups[8][32];
	size_t n = 0, ng = 0, len = group ? strlen(group) : 0;
	for (size_t i = 1; i < cmd_ncommands && n < 64; i++) {
		const char *name = cmd_commands[i].name, *sp = strchr(name, ' ');
		if (group && sp && (size_t)(sp - name) == len && strncmp(name, group, len) == 0)
			cands[n++] = sp + 1;
		else if (!group && !sp)
			cands[n++] = name;
		else if (!group && ng < 8 && !(ng && strncmp(groups[ng - 1], name, (size_t)(sp - name)) == 0)) {
			snprintf(groups[ng], sizeof groups[ng], "%.*s", (int)(sp - name), name);
			cands[n++] = groups[ng++];
		}
	}
	const char *near = suggest_nearest(word, cands, n);
	char what[64];
	snprintf(what, sizeof what, "%s%scommand", group ? group : "", group ? " " : "");
	if (near)
		return usage_error(NULL, "unknown %s '%s' (did you mean '%s'?)", what, word, near);
	return usage_error(NULL, "unknown %s '%s'", what, word);
}

/* The command the words name; *used: how many words its name takes. NULL
 * after a usage error. */
static const struct cmd_command *which(const struct cmdline *c, int *used)
{
	*used = c->version ? c->npos : c->npos ? 1 : 0;
	if (c->version)
		return &cmd_version_row;
	if (c->npos == 0)
		return &cmd_commands[0];
	const char *w = c->pos[0];
	const struct cmd_command *cmd;
	if (!is_group(w)) {
		if (!(cmd = find_command(w, NULL)))
			unknown_command(NULL, w);
		return cmd;
	}
	if (c->npos < 2) {
		usage_error(NULL, "%s needs a subcommand (tipscreen --help lists them)", w);
		return NULL;
	}
	*used = 2;
	if (!(cmd = find_command(w, c->pos[1])))
		unknown_command(w, c->pos[1]);
	return cmd;
}

/* Whether cmd takes every option given; says which it does not. */
static bool takes_options(const struct cmdline *c, const struct cmd_command *cmd)
{
	for (int i = 0; i < c->ngiven; i++) {
		int id = c->given[i].opt;
		if ((cmd->opts | O_GLOBAL) & ((uint64_t)1 << id))
			continue;
		if (*cmd->name)
			usage_error(cmd, "%s does not take %s", cmd->name, options[id].name);
		else
			usage_error(cmd, "the interview (no command) does not take %s", options[id].name);
		return false;
	}
	return true;
}

/* The command the words name, without a word about it when none does. */
static const struct cmd_command *lookup(const struct cmdline *c)
{
	if (c->npos == 0)
		return NULL;
	if (is_group(c->pos[0]))
		return c->npos < 2 ? NULL : find_command(c->pos[0], c->pos[1]);
	return find_command(c->pos[0], NULL);
}

static void print_help(FILE *f, const struct cmdline *defaults);
static void print_command_help(FILE *f, const struct cmd_command *cmd,
			       const struct cmdline *defaults);
static void print_synopsis(FILE *f);

/* Stores the flags given (flags true) or the values given, checking each
 * value: 0, or the exit code of the first bad one. */
static int store_options(struct cmdline *c, bool flags)
{
	for (int i = 0; i < c->ngiven; i++) {
		const struct option_row *r = &options[c->given[i].opt];
		int rc = !r->value == flags ? r->set(c, r->off, c->given[i].value) : 0;
		if (rc != 0)
			return rc;
	}
	return 0;
}

int cmd_parse(int argc, char **argv, struct cmdline *c, const struct cmd_command **cmd)
{
	int rc = sort_words(argc, argv, c);
	if (rc != 0)
		return rc;
	store_options(c, true);	/* --help, --version, --synopsis decide what runs */
	if (c->help || c->synopsis) {
		const struct cmd_command *named = c->help ? lookup(c) : NULL;
		if (named)
			print_command_help(stdout, named, c);
		else if (c->help)
			print_help(stdout, c);
		else
			print_synopsis(stdout);
		return -1;
	}
	int used;
	if (!(*cmd = which(c, &used)) || !takes_options(c, *cmd))
		return EXIT_INPUT;
	int n = c->npos - used;
	if (*cmd != &cmd_version_row && (n < (*cmd)->min || ((*cmd)->max >= 0 && n > (*cmd)->max)))
		return usage_error(*cmd, "wrong number of arguments for '%s'", (*cmd)->name);
	c->args = c->pos + used;
	c->nargs = n;
	return store_options(c, false);
}

/* Prints text's lines, the first from column at (the cursor is there), the
 * others indented to it; "%s" in text is dflt. */
static void print_lines(FILE *f, const char *text, int at, const char *dflt)
{
	for (const char *s = text; *s;) {
		size_t n = strcspn(s, "\n");
		const char *pc = strstr(s, "%s");
		if (pc && (size_t)(pc - s) < n)
			fprintf(f, "%.*s%s%.*s\n", (int)(pc - s), s, dflt ? dflt : "",
				(int)(n - (size_t)(pc - s) - 2), pc + 2);
		else
			fprintf(f, "%.*s\n", (int)n, s);
		s += n + (s[n] == '\n');
		if (*s)
			fprintf(f, "%*s", at, "");
	}
}

/* Prints label, broken at spaces into lines of at most 78 columns (the
 * others indented by indent); the width of its last line. */
static int print_label(FILE *f, const char *label, int indent)
{
	int col = 0;
	while ((int)strlen(label) + col > 78) {
		int room = 78 - col, cut = room;
		while (cut > 0 && label[cut] != ' ')
			cut--;
		if (cut <= 0)
			break;
		fprintf(f, "%.*s\n%*s", cut, label, indent, "");
		label += cut + 1;
		col = indent;
	}
	fputs(label, f);
	return col + (int)strlen(label);
}

/* Prints label at column from, then text from column at (on the next line
 * when the label reaches it). */
static void print_item(FILE *f, int from, const char *label, int at, const char *text,
		       const char *dflt)
{
	int w = from + print_label(f, label, 20);
	if (w + 2 > at && at - from > 20)
		fprintf(f, "\n%*s", at, "");
	else
		fprintf(f, "%*s", w + 2 > at ? 2 : at - w, "");
	print_lines(f, text, at, dflt);
}

static const char help_keys[] =
	"In the wizard: y n d x answer, Enter next, Esc back, F1 keys, Tab help,\n"
	"Ctrl-T stop and refer, Ctrl-X quick hide, Ctrl-C leave.\n"
	"In line mode: y n d x answer yes / no / don't know / declined (i: intended),\n"
	"numbers pick choices, < goes back, ? shows help, ! stops and refers.\n"
	"Exit status: 0 ok, 1 runtime error, 2 bad input or usage.\n";

/* The help line of option i. */
static void print_option(FILE *f, int i, const struct cmdline *defaults)
{
	const struct option_row *r = &options[i];
	char label[64];
	snprintf(label, sizeof label, "  %s%s%s", r->name, r->value ? " " : "", r->value ? r->value : "");
	const char *dflt = r->set == set_string
			   ? *(const char *const *)((const char *)defaults + r->off) : NULL;
	print_item(f, 0, label, 21, r->help, dflt);
}

/* `tipscreen COMMAND --help`: its synopsis, and the options it takes. */
static void print_command_help(FILE *f, const struct cmd_command *cmd,
			       const struct cmdline *defaults)
{
	char label[256];
	snprintf(label, sizeof label, "Usage: tipscreen %s%s%s", cmd->name, *cmd->synopsis ? " " : "",
		 cmd->synopsis);
	print_item(f, 0, label, 43, cmd->help, NULL);
	fputs("\nOptions:\n", f);
	for (int i = 0; i < CMD_NOPT; i++)
		if (options[i].help && ((cmd->opts | OPT(HELP)) & ((uint64_t)1 << i)))
			print_option(f, i, defaults);
}

/* The help: every command row, every option row, then the keys. */
static void print_help(FILE *f, const struct cmdline *defaults)
{
	for (size_t i = 0; i < cmd_ncommands; i++) {
		const struct cmd_command *r = &cmd_commands[i];
		char label[256];
		snprintf(label, sizeof label, "%s%stipscreen%s%s%s%s", i ? "" : "Usage: ",
			 i ? "       " : "", *r->name ? " " : "", r->name, *r->synopsis ? " " : "",
			 r->synopsis);
		print_item(f, 0, label, 43, r->help, NULL);
	}
	fputs("\nOptions:\n", f);
	for (int i = 0; i < CMD_NOPT; i++)
		if (options[i].help)
			print_option(f, i, defaults);
	fprintf(f, "\n%s", help_keys);
}

/* Prints s in roff: words in capitals (the user's values) italic, the
 * others (what is typed as is) bold, brackets and bars roman. */
static void print_roff(FILE *f, const char *s)
{
	while (*s) {
		size_t n = 0;
		while (s[n] && (isalnum((unsigned char)s[n]) || strchr(".-_", s[n])))
			n++;
		if (!n) {
			fputc(*s++, f);
			continue;
		}
		fputs(isupper((unsigned char)*s) ? "\\fI" : "\\fB", f);
		for (size_t i = 0; i < n; i++)
			fputs(s[i] == '-' ? "\\-" : (char[]){ s[i], '\0' }, f);
		fputs("\\fR", f);
		s += n;
	}
}

/* The man page's SYNOPSIS: a line of roff per command row, a long one
 * continued under its synopsis. */
static void print_synopsis(FILE *f)
{
	fputs(".in +4n\n", f);
	for (size_t i = 0; i < cmd_ncommands; i++) {
		const struct cmd_command *r = &cmd_commands[i];
		fprintf(f, ".ti -4n\n\\fBtipscreen%s%s\\fR", *r->name ? " " : "", r->name);
		if (*r->synopsis)
			fputc(' ', f);
		print_roff(f, r->synopsis);
		fputc('\n', f);
	}
	fputs(".in -4n\n", f);
}
