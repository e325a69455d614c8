/* main: the process — its safety settings, the terminal's charset and the
 * defaults of the installed paths — then argv to a command of the command
 * table (commands.h). */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/termcs.h"
#include "base/text.h"

#include "cmd/commands.h"

#ifndef TIPSCREEN_DECKDIR
#define TIPSCREEN_DECKDIR "screens"
#endif
#ifndef TIPSCREEN_LOCALEDIR
#define TIPSCREEN_LOCALEDIR "locales"
#endif

/* On a terminal whose charset is not UTF-8, results go through a stream
 * that transliterates (once said on stderr); pipes and files get UTF-8.
 * Returns that stream, which main closes, or NULL. */
static FILE *open_output(struct cmd_ctx *o)
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
 * ("fr_FR.ISO-8859-1"), if iconv knows it; else ASCII, which is safe. Only
 * LC_CTYPE is taken from the user's locale: every other category stays "C",
 * so that a number is written "0.5" in JSON and CSV under a French or
 * Spanish locale too (LC_NUMERIC would make it "0,5"), and the start reads
 * one locale file, not twelve. */
static void user_charset(char *buf, size_t n)
{
	if (setlocale(LC_CTYPE, "")) {
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
	struct cmdline c = { .ctx = { .out = stdout, .charset = charset,
				      .deck = TIPSCREEN_DECKDIR, .locales = TIPSCREEN_LOCALEDIR,
				      .bundled = TIPSCREEN_DECKDIR, .width = 76 } };
	const struct cmd_command *cmd;
	int rc = cmd_parse(argc, argv, &c, &cmd);
	if (rc != 0)
		return rc < 0 ? EXIT_OK : rc;
	FILE *conv = open_output(&c.ctx);
	rc = cmd_run(&c, cmd);
	if (conv)
		fclose(conv);
	return rc;
}
