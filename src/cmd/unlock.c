/* Opening and unlocking the case store for a command: the data directory,
 * and the passphrase from --passphrase-file or asked on the terminal with
 * echo off (twice for a new store). The passphrase never comes from argv
 * or the environment, and is wiped as soon as it has been used. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "store/store.h"
#include "cmd/cmd.h"

enum { PASS_MAX = CMD_PASS_MAX };

static int read_file(const char *path, char *buf)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: error: cannot read the passphrase file: %s\n", path, strerror(errno));
		return -1;
	}
	if (!fgets(buf, PASS_MAX, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	if (!*buf) {
		fprintf(stderr, "%s:1: error: expected the passphrase on the first line\n", path);
		return -1;
	}
	return 0;
}

/* Asks on the terminal itself, with echo off. The prompt and the answer
 * go through two streams of /dev/tty: one stream read after it was written
 * (or written after it was read) needs a positioning call between, which a
 * terminal cannot honour. */
static int ask(const char *prompt, char *buf)
{
	FILE *in = fopen("/dev/tty", "r"), *out = in ? fopen("/dev/tty", "w") : NULL;
	if (!out) {
		if (in)
			fclose(in);
		fputs("tipscreen: error: no terminal to ask the passphrase on: use --passphrase-file FILE\n",
		      stderr);
		return -1;
	}
	struct termios old, quiet;
	int fd = fileno(in);
	bool echo_off = tcgetattr(fd, &old) == 0;
	if (echo_off) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(fd, TCSAFLUSH, &quiet);
	}
	fputs(prompt, out);
	fflush(out);
	int rc = fgets(buf, PASS_MAX, in) ? 0 : -1;
	if (echo_off)
		tcsetattr(fd, TCSAFLUSH, &old);
	fputs("\n", out);
	fclose(out);
	fclose(in);
	buf[strcspn(buf, "\r\n")] = '\0';
	return rc;
}

static int set_new(struct store *st, const struct cmd_store_opts *o, char *pass, char *err,
		   size_t n)
{
	if (!o->passphrase_file) {
		char *again = sodium_malloc(PASS_MAX);
		fputs("tipscreen: this data directory has no passphrase yet. Choose one (8 characters "
		      "or more); without it the interviews cannot be read.\n", stderr);
		int rc = ask("New passphrase: ", pass) < 0 || ask("The same passphrase again: ", again) < 0
			 ? -1 : 0;
		if (rc == 0 && strcmp(pass, again) != 0) {
			snprintf(err, n, "the two passphrases differ");
			rc = -1;
		}
		sodium_free(again);
		if (rc < 0)
			return -1;
	}
	return store_set_passphrase(st, pass, err, n);
}

int cmd_passphrase(const char *file, const char *prompt, bool twice, char *buf)
{
	if (file)
		return read_file(file, buf);
	if (ask(prompt, buf) < 0)
		return -1;
	if (!twice)
		return 0;
	char *again = sodium_malloc(PASS_MAX);
	int rc = again && ask("The same passphrase again: ", again) == 0 && strcmp(buf, again) == 0
		 ? 0 : -1;
	if (rc < 0)
		fputs("tipscreen: error: the two passphrases differ\n", stderr);
	sodium_free(again);
	return rc;
}

int cmd_store_open(const struct cmd_store_opts *o, struct store **out)
{
	char *dir = o->data ? strdup(o->data) : store_default_dir();
	char err[512] = "";
	*out = NULL;
	if (!dir) {
		fputs("tipscreen: error: no data directory: set HOME or use --data DIR\n", stderr);
		return EXIT_INPUT;
	}
	int rc = store_open(dir, out, err, sizeof err);
	free(dir);
	if (rc < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_RUNTIME;
	}
	return EXIT_OK;
}

int cmd_store_unlock(const struct cmd_store_opts *o, struct store *st)
{
	char err[512] = "";
	char *pass = sodium_malloc(PASS_MAX);
	pass[0] = '\0';
	int rc;
	if (o->passphrase_file && read_file(o->passphrase_file, pass) < 0) {
		rc = EXIT_INPUT;
	} else if (!store_has_passphrase(st)) {
		rc = set_new(st, o, pass, err, sizeof err) < 0 ? EXIT_INPUT : EXIT_OK;
		if (rc != EXIT_OK && *err)
			fprintf(stderr, "tipscreen: error: %s\n", err);
	} else if ((o->passphrase_file || ask("Passphrase: ", pass) == 0) &&
		   store_unlock(st, pass, err, sizeof err) == 0) {
		rc = EXIT_OK;
	} else {
		fprintf(stderr, "tipscreen: error: %s\n", o->passphrase_file || *pass ? err : "no passphrase");
		rc = EXIT_INPUT;
	}
	sodium_free(pass);	/* zeroes it */
	return rc;
}

int cmd_open_store(const struct cmd_store_opts *o, struct store **out)
{
	int rc = cmd_store_open(o, out);
	if (rc == EXIT_OK && (rc = cmd_store_unlock(o, *out)) != EXIT_OK) {
		store_close(*out);
		*out = NULL;
	}
	return rc;
}
