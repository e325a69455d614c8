/* passwd: a new passphrase for the laptop's store (DESIGN §6): the master
 * key is unlocked with the old passphrase and re-wrapped under the new one
 * (store_change_passphrase), nothing else is written. And the passphrases
 * of the commands that ask several in turn: from the terminal, or one a
 * line from --passphrase-file in the order they are asked. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "store/store.h"
#include "cmd/cmd.h"

/* Line number line (1-based) of file into buf: 0, or -1 after saying why. */
static int read_line(const char *file, int line, const char *what, char *buf)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "%s: error: cannot read the passphrase file: %s\n", file, strerror(errno));
		return -1;
	}
	struct stat st;
	if (line > 1 && (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode))) {
		/* Each passphrase is read by opening the file again: a pipe
		 * would have given its first lines away already. */
		fprintf(stderr, "%s: error: a passphrase file of several lines must be a regular file, "
			"not a pipe or a device\n", file);
		fclose(f);
		return -1;
	}
	bool got = false;
	for (int i = 1; i <= line && (got = fgets(buf, CMD_PASS_MAX, f) != NULL); i++) {
		/* A line longer than the buffer would shift every line after it. */
		if (!strchr(buf, '\n') && !feof(f)) {
			got = false;
			break;
		}
	}
	fclose(f);
	if (got)
		buf[strcspn(buf, "\r\n")] = '\0';
	if (!got || !*buf) {
		buf[0] = '\0';
		fprintf(stderr, "%s:%d: error: expected %s on line %d (one passphrase a line, in the "
			"order they are asked)\n", file, line, what, line);
		return -1;
	}
	return 0;
}

int cmd_passphrase_line(const char *file, int line, const char *what, const char *prompt,
			bool twice, char *buf)
{
	if (file)
		return read_line(file, line, what, buf);
	return cmd_passphrase(NULL, prompt, twice, buf);
}

int cmd_new_passphrase(const char *file, int line, const char *what, const char *prompt,
		       char *buf)
{
	if (cmd_passphrase_line(file, line, what, prompt, true, buf) < 0)
		return -1;
	if (strlen(buf) < STORE_PASS_MIN) {
		fprintf(stderr, "tipscreen: error: %s is shorter than %d characters\n", what,
			STORE_PASS_MIN);
		return -1;
	}
	return 0;
}

/* The old passphrase unlocks st: EXIT_OK, or an exit code after saying why. */
static int unlock_old(const struct cmd_store_opts *o, struct store *st, char *pass)
{
	char err[512];
	if (!store_has_passphrase(st)) {
		fputs("tipscreen: error: this store has no passphrase yet: there is none to change "
		      "(the first run of tipscreen sets one)\n", stderr);
		return EXIT_INPUT;
	}
	if (cmd_passphrase_line(o->passphrase_file, 1, "the current passphrase",
				"Current passphrase: ", false, pass) < 0)
		return EXIT_INPUT;
	int rc = store_unlock(st, pass, err, sizeof err);
	if (rc != 0) {
		fprintf(stderr, "tipscreen: error: %s; nothing was changed\n", err);
		return rc == -1 ? EXIT_INPUT : EXIT_RUNTIME;
	}
	return EXIT_OK;
}

int cmd_passwd(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *new_file)
{
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	struct store *st;
	int rc = cmd_store_open(o, &st);
	if (rc != EXIT_OK)
		return rc;
	char *pass = sodium_malloc(CMD_PASS_MAX), err[512];
	rc = pass ? unlock_old(o, st, pass) : EXIT_RUNTIME;
	/* From one file: the old passphrase, then the new; or the new one
	 * alone in --new-passphrase-file. */
	const char *file = new_file ? new_file : o->passphrase_file;
	if (rc == EXIT_OK && cmd_new_passphrase(file, new_file ? 1 : 2, "the new passphrase",
						"New passphrase: ", pass) < 0)
		rc = EXIT_INPUT;
	if (rc == EXIT_OK && store_change_passphrase(st, pass, NULL, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		rc = EXIT_RUNTIME;
	}
	if (rc == EXIT_OK)
		fputs("The passphrase was changed: the new one opens this store, the old one no "
		      "longer does. Nothing else was rewritten.\n", c->out);
	sodium_free(pass);
	store_close(st);
	return rc;
}
