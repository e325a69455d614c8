#define _GNU_SOURCE	/* memfd_create */
#include <signal.h>
#include <sys/mman.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/sigexit.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/contacts.h"
#include "domain/deck.h"
#include "domain/interview.h"
#include "domain/langs.h"
#include "store/store.h"
#include "app/session.h"
#include "app/frontend.h"
#include "app/view.h"
#include "tui/pass.h"
#include "tui/tui.h"
#include "plain/plain.h"
#include "cmd/cmd.h"

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

/* The contacts of file (--contacts; NULL: the default file, which may be
 * missing) into c, *path the file read: 0, 1 for none, or -1 after saying
 * why. */
static int load_contacts(const char *file, struct contacts *c, char **path)
{
	struct diags d = { 0 };
	*path = file ? strdup(file) : contacts_default_path();
	int rc = *path ? contacts_load(*path, c, &d) : 1;
	if (rc < 0)
		diags_print(&d, stderr);
	if (rc == 1 && file) {
		fprintf(stderr, "%s: error: no such contacts file\n", file);
		rc = -1;
	}
	diags_free(&d);
	return rc;
}

/* The line said on leaving, once the terminal is the shell's again: the
 * case's id, how it ended, and the command that exports it. Nothing about
 * the person. Said only when a case was begun. */
static void leaving_line(const struct session *ss, const struct cmd_store_opts *o)
{
	const char *id = session_id(ss);
	if (!*id)
		return;
	const struct interview *iv = session_interview(ss);
	const char *how = interview_complete(iv) && view_stopped_at(iv) >= 0 ? "stopped"
			  : interview_complete(iv) ? "complete"
						   : "not finished: the start screen offers to resume it";
	fprintf(stderr, "tipscreen: case %s saved (%s). Its case file: tipscreen export %s "
		"--format txt%s%s\n", id, how, id, o->data ? " --data " : "", o->data ? o->data : "");
}

/* Everything a front end is given, from the options and what was loaded. */
static struct frontend_opts fe_opts(const struct cmd_ctx *x, const struct cmd_front_opts *o,
				    const struct contacts *c, const char *cpath,
				    const struct view_start *start, const struct langs *l, int second,
				    const struct profile *law)
{
	return (struct frontend_opts){ .start = start, .contacts = c, .contacts_path = cpath,
				       .langs = l, .second = second, .law = law,
				       .charset = x->charset, .in = stdin, .out = x->out,
				       .width = x->width, .codes = o->codes,
				       .spoken = isatty(STDOUT_FILENO),
				       .color = o->color,
				       .bidi_terminal = o->bidi_terminal };
}

static int run_plain(FILE *out, struct session *ss, const struct frontend_opts *fo)
{
	bool tty = isatty(STDOUT_FILENO);
	clear_on_exit = tty;
	sigexit_catch(on_signal);
	int rc = frontend_run(&plain_frontend, ss, fo);
	fflush(out);
	if (tty) {
		if (rc == FRONTEND_COMPLETE)
			fprintf(out, "\n%s\n", _("Press Enter to clear the screen and leave."));
		fflush(out);
		if (rc == FRONTEND_COMPLETE) {
			int ch;
			while ((ch = getchar()) != EOF && ch != '\n')
				;
		}
		fputs(clear_seq, out);
		fflush(out);
	}
	if (rc != FRONTEND_COMPLETE)
		fprintf(stderr, "tipscreen: the input ended before the interview was complete%s\n",
			session_recorded(ss) ? "; what was answered is saved, and can be resumed" : "");
	return rc == FRONTEND_COMPLETE ? EXIT_OK : EXIT_RUNTIME;
}

/* Everything an interview needs, loaded before it starts. */
struct loaded {
	const struct cmd_ctx *ctx;
	const struct cmd_interview_opts *o;
	struct langs l;
	int lang, second;
	struct profile *law;	/* --law, or NULL */
	struct deck *dk;
	struct contacts c;
	char *cpath;
	char *example;	/* the bundled contacts.example, or NULL */
	struct store *st;
	struct view_start start;	/* the unfinished cases to offer */
	int rc;		/* why loading stopped: an exit code */
	bool langs_loaded;
};

static void loaded_free(struct loaded *x)
{
	view_start_free(&x->start);
	if (x->st)
		store_close(x->st);
	contacts_free(&x->c);	/* zeroed when there is no file */
	free(x->cpath);
	free(x->example);
	if (x->dk)
		deck_free(x->dk);
	cmd_free_law(x->law);
	i18n_use(NULL);
	if (x->langs_loaded)
		langs_free(&x->l);
}

/* The translations, the deck, the contacts, and the store opened (not yet
 * unlocked): EXIT_OK, or an exit code after saying why on stderr. */
static int load(struct loaded *x)
{
	const struct cmd_interview_opts *o = x->o;
	if (cmd_load_langs(x->ctx, &o->lang, &x->l, &x->lang, &x->second) != EXIT_OK)
		return x->rc = EXIT_INPUT;
	x->langs_loaded = true;
	if (cmd_load_law(x->ctx, o->law, &x->law) != EXIT_OK || !(x->dk = cmd_load_deck(x->ctx->deck)))
		return x->rc = EXIT_INPUT;
	if (load_contacts(o->contacts, &x->c, &x->cpath) < 0)
		return x->rc = EXIT_INPUT;
	x->example = xasprintf("%s/contacts.example", x->ctx->bundled);
	if (access(x->example, R_OK) != 0) {
		free(x->example);
		x->example = NULL;
	}
	return x->rc = cmd_store_open(&o->store, &x->st);
}

/* The unfinished cases to offer, once the store is unlocked. */
static int load_cases(struct loaded *x)
{
	char err[256];
	if (view_start(&x->start, x->st, x->dk, err, sizeof err) == 0)
		return x->rc = EXIT_OK;
	fprintf(stderr, "tipscreen: error: cannot list the unfinished interviews: %s\n", err);
	return x->rc = EXIT_RUNTIME;
}

/* ---- the wizard's passphrase screen ------------------------------------ */

/* While curses holds the terminal, what would go to stderr (a broken
 * deck's file:line:col messages) is kept in memory, and written out once
 * the terminal is restored. */
struct held {
	int saved, mem;
};

static void hold_stderr(struct held *h)
{
	fflush(stderr);
	h->mem = memfd_create("tipscreen-diagnostics", MFD_CLOEXEC);
	h->saved = h->mem >= 0 ? dup(STDERR_FILENO) : -1;
	if (h->saved >= 0)
		dup2(h->mem, STDERR_FILENO);
}

static void release_stderr(struct held *h)
{
	fflush(stderr);
	if (h->saved >= 0) {
		dup2(h->saved, STDERR_FILENO);
		close(h->saved);
		char buf[4096];
		ssize_t n;
		for (off_t at = 0; (n = pread(h->mem, buf, sizeof buf, at)) > 0; at += n)
			if (write(STDERR_FILENO, buf, (size_t)n) < 0)
				break;
	}
	if (h->mem >= 0)
		close(h->mem);
}

static int wizard_load(void *ctx, bool *new_store)
{
	struct loaded *x = ctx;
	if (load(x) != EXIT_OK)
		return -1;
	*new_store = !store_has_passphrase(x->st);
	return 0;
}

static int wizard_unlock(void *ctx, const char *pass, bool set)
{
	struct loaded *x = ctx;
	char err[256];
	int rc = set ? store_set_passphrase(x->st, pass, err, sizeof err)
		     : store_unlock(x->st, pass, err, sizeof err);
	if (rc < 0 && set)
		fprintf(stderr, "tipscreen: error: %s\n", err);	/* held until curses ends */
	return rc;
}

/* The wizard asks the passphrase itself, on its first screen, and loads
 * everything else while the person types. An exit code. */
static int run_wizard_unlocking(const struct cmd_ctx *c, const struct cmd_interview_opts *o)
{
	struct loaded x = { .ctx = c, .o = o };
	struct held h;
	tui_open((enum color_mode)o->front.color);
	hold_stderr(&h);
	struct tui_unlock u = { wizard_load, wizard_unlock, &x };
	bool ascii = !text_is_utf8_charset(c->charset);
	int r = tui_unlock(&u, ascii);
	if (r == TUI_UNLOCKED)
		load_cases(&x);
	if (r != TUI_UNLOCKED || x.rc != EXIT_OK) {
		tui_close();
		release_stderr(&h);
		if (r == TUI_WRONG)
			fprintf(stderr, "tipscreen: error: wrong passphrase, %d times: the store was not "
				"opened, and nothing was written\n", PASS_TRIES);
		int rc = r >= 128 ? r : r == TUI_LEFT ? EXIT_RUNTIME : r == TUI_WRONG ? EXIT_INPUT
			: x.rc != EXIT_OK ? x.rc : EXIT_RUNTIME;
		loaded_free(&x);
		return rc;
	}
	struct interview *iv = interview_new(x.dk);
	struct session *ss = session_new(iv, x.st);
	struct frontend_opts fo = fe_opts(c, &o->front, &x.c, x.cpath, &x.start, &x.l, x.second,
					  x.law);
	fo.contacts_example = x.example;
	int rc = frontend_run(&tui_frontend, ss, &fo);	/* closes the terminal when it ends */
	release_stderr(&h);	/* what was said meanwhile, now that it can be read */
	if (rc <= 1)
		leaving_line(ss, &o->store);
	session_free(ss);
	interview_free(iv);
	loaded_free(&x);
	return rc <= 1 ? EXIT_OK : rc;
}

int cmd_interview(const struct cmd_ctx *c, const struct cmd_interview_opts *o)
{
	const char *why = NULL;
	bool wizard = !o->front.plain && tui_usable(&why);
	if (wizard && !o->store.passphrase_file)
		return run_wizard_unlocking(c, o);
	struct loaded x = { .ctx = c, .o = o };
	if (load(&x) != EXIT_OK || cmd_store_unlock(&o->store, x.st) != EXIT_OK ||
	    load_cases(&x) != EXIT_OK) {
		int rc = x.rc != EXIT_OK ? x.rc : EXIT_INPUT;
		loaded_free(&x);
		return rc;
	}
	struct interview *iv = interview_new(x.dk);
	struct session *ss = session_new(iv, x.st);
	struct frontend_opts fo = fe_opts(c, &o->front, &x.c, x.cpath, &x.start, &x.l, x.second,
					  x.law);
	fo.contacts_example = x.example;
	int rc;
	if (wizard) {
		rc = frontend_run(&tui_frontend, ss, &fo);
		rc = rc <= FRONTEND_LEFT ? EXIT_OK : rc;
	} else {
		if (!o->front.plain)
			fprintf(stderr, "tipscreen: %s: using the line mode.\n", why);
		rc = run_plain(c->out, ss, &fo);
	}
	if (rc == EXIT_OK || rc == EXIT_RUNTIME)
		leaving_line(ss, &o->store);
	session_free(ss);
	interview_free(iv);
	loaded_free(&x);
	return rc;
}
