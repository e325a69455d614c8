#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/contacts.h"
#include "../core/deck.h"
#include "../core/interview.h"
#include "../core/langs.h"
#include "../core/session.h"
#include "../core/sigexit.h"
#include "../core/store.h"
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

/* The unfinished cases of this deck, newest first: a new array; *n its
 * length. NULL after saying why when the store cannot list them. */
static struct store_case *open_cases(struct store *st, const struct deck *dk, size_t *n)
{
	char err[256];
	struct store_case *all = store_cases(st, n, err, sizeof err);
	if (!all) {
		fprintf(stderr, "tipscreen: error: cannot list the unfinished interviews: %s\n", err);
		return NULL;
	}
	size_t k = 0;
	for (size_t i = 0; all && i < *n; i++)
		if (strcmp(all[i].status, "open") == 0 && all[i].records > 0 &&
		    (!*all[i].deck || strcmp(all[i].deck, dk->identity) == 0))
			all[k++] = all[i];
	*n = k;
	return all;
}

/* The line mode's offer to resume; 0 when a case was resumed or begun. */
static int plain_start(struct session *ss, const struct store_case *c, size_t n, FILE *out)
{
	if (n > 0) {
		fprintf(out, "%s\n", _("Unfinished interviews:"));
		for (size_t i = 0; i < n && i < 9; i++) {
			char when[32];
			strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&c[i].updated));
			fprintf(out, _("  %zu. %s, last change %s"), i + 1, c[i].id, when);
			fputc('\n', out);
		}
		fprintf(out, "%s\n> ", _("Type its number to resume one, or press Enter for a new interview."));
		fflush(out);
		char line[64];
		if (!fgets(line, sizeof line, stdin))
			return 1;
		long k = strtol(line, NULL, 10);
		if (k >= 1 && (size_t)k <= n && k <= 9) {
			if (session_resume(ss, c[k - 1].id) < 0) {
				fprintf(stderr, "tipscreen: error: cannot resume: %s\n", ss->err);
				return -1;
			}
			fprintf(out, _("Resuming interview %s."), ss->id);
			fputc('\n', out);
			return 0;
		}
	}
	if (session_begin(ss) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", ss->err);
		return -1;
	}
	if (ss->store)
		{
		fprintf(out, _("Interview %s: every answer is saved, encrypted, as it is given."), ss->id);
		fputc('\n', out);
	}
	return 0;
}

static int run_plain(const struct options *o, struct session *ss, const struct contacts *c,
		     const char *cpath, const struct store_case *resume, size_t nresume,
		     const struct langs *l, int second, const struct profile *law)
{
	bool tty = isatty(STDOUT_FILENO);
	clear_on_exit = tty;
	sigexit_catch(on_signal);
	int rc = plain_start(ss, resume, nresume, o->out);
	if (rc < 0)
		return EXIT_RUNTIME;
	struct plain_opts po = { c, cpath, o->width, o->charset, l, second, law };
	if (rc == 0)
		rc = plain_run(ss, stdin, o->out, &po);
	fflush(o->out);
	if (tty) {
		if (rc == 0)
			fprintf(o->out, "\n%s\n", _("Press Enter to clear the screen and leave."));
		fflush(o->out);
		if (rc == 0) {
			int ch;
			while ((ch = getchar()) != EOF && ch != '\n')
				;
		}
		fputs(clear_seq, o->out);
		fflush(o->out);
	}
	if (rc != 0)
		fprintf(stderr, "tipscreen: the input ended before the interview was complete%s\n",
			ss->store ? "; what was answered is saved, and can be resumed" : "");
	return rc == 0 ? EXIT_OK : EXIT_RUNTIME;
}

int cmd_interview(const struct options *o)
{
	struct langs l;
	int lang, second;
	if (cmd_load_langs(o, &l, &lang, &second) != EXIT_OK)
		return EXIT_INPUT;
	struct profile *law;
	struct deck *dk = cmd_load_law(o, &law) == EXIT_OK ? cmd_load_deck(o->deck) : NULL;
	if (!dk) {
		cmd_free_law(law);
		langs_free(&l);
		return EXIT_INPUT;
	}
	struct contacts c;
	char *cpath;
	struct store *st = NULL;
	int rc = load_contacts(o, &c, &cpath) < 0 ? EXIT_INPUT : cmd_open_store(o, &st);
	if (rc != EXIT_OK) {
		free(cpath);
		deck_free(dk);
		cmd_free_law(law);
		langs_free(&l);
		return rc;
	}
	size_t nresume;
	struct store_case *resume = open_cases(st, dk, &nresume);
	if (!resume) {
		store_close(st);
		contacts_free(&c);
		free(cpath);
		deck_free(dk);
		cmd_free_law(law);
		langs_free(&l);
		return EXIT_RUNTIME;
	}
	struct interview *iv = interview_new(dk);
	struct session ss;
	session_init(&ss, iv, st);
	const char *why = NULL;
	if (!o->plain && tui_usable(&why)) {
		struct tui_opts to = { o->color, !text_is_utf8_charset(o->charset), o->charset, &c,
				       cpath, resume, nresume, &l, second, o->bidi_terminal, law };
		rc = tui_run(&ss, &to);
		rc = rc <= 1 ? EXIT_OK : rc;
	} else {
		if (!o->plain)
			fprintf(stderr, "tipscreen: %s: using the line mode.\n", why);
		rc = run_plain(o, &ss, &c, cpath, resume, nresume, &l, second, law);
	}
	free(resume);
	interview_free(iv);
	store_close(st);
	contacts_free(&c);
	free(cpath);
	deck_free(dk);
	cmd_free_law(law);
	i18n_use(NULL);
	langs_free(&l);
	return rc;
}
