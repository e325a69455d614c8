#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/contacts.h"
#include "../core/deck.h"
#include "../core/interview.h"
#include "../core/text.h"
#include "../plain/plain.h"
#include "../tui/tui.h"
#include "cmd.h"

/* Clears the screen and the scrollback (xterm's ED 3), so that no question
 * or answer stays in the terminal after the interview. */
static const char clear_seq[] = "\033[H\033[2J\033[3J";

static volatile sig_atomic_t clear_on_exit;

static void on_signal(int sig)
{
	if (clear_on_exit) {
		ssize_t r = write(STDOUT_FILENO, clear_seq, sizeof clear_seq - 1);
		(void)r;
	}
	_exit(128 + sig);
}

static void watch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int load_contacts(const struct options *o, struct contacts *c, char **path)
{
	struct diags d = { 0 };
	*path = o->contacts ? strdup(o->contacts) : contacts_default_path();
	int rc = *path ? contacts_load(*path, c, &d) : 1;
	if (rc < 0)
		diags_print(&d, stderr);
	if (rc == 1 && o->contacts) {
		fprintf(stderr, "%s: error: no such contacts file\n", o->contacts);
		rc = -1;
	}
	diags_free(&d);
	return rc;
}

int cmd_interview(const struct options *o)
{
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk)
		return EXIT_INPUT;
	struct contacts c;
	char *cpath;
	if (load_contacts(o, &c, &cpath) < 0) {
		free(cpath);
		deck_free(dk);
		return EXIT_INPUT;
	}
	struct interview *iv = interview_new(dk);
	const char *why = NULL;
	int rc;
	if (!o->plain && tui_usable(&why)) {
		struct tui_opts to = { o->color, !text_is_utf8_charset(o->charset), &c, cpath };
		rc = tui_run(iv, &to);
		interview_free(iv);
		contacts_free(&c);
		free(cpath);
		deck_free(dk);
		return rc == 0 ? EXIT_OK : rc == 1 ? EXIT_OK : rc;
	}
	if (!o->plain)
		fprintf(stderr, "tipscreen: %s: using the line mode.\n", why);
	bool tty = isatty(STDOUT_FILENO);
	clear_on_exit = tty;
	watch_signals();
	struct plain_opts po = { &c, cpath, o->width, o->charset };
	rc = plain_run(iv, stdin, o->out, &po);
	fflush(o->out);
	if (tty) {
		if (rc == 0)
			fputs("\nPress Enter to clear the screen and leave.\n", o->out);
		fflush(o->out);
		if (rc == 0) {
			int ch;
			while ((ch = getchar()) != EOF && ch != '\n')
				;
		}
		fputs(clear_seq, stdout);
		fflush(stdout);
	}
	if (rc != 0)
		fputs("tipscreen: the input ended before the interview was complete\n", stderr);
	interview_free(iv);
	contacts_free(&c);
	free(cpath);
	deck_free(dk);
	return rc == 0 ? EXIT_OK : EXIT_RUNTIME;
}
