/* keyshare: the office key split among custodians (store/keyshare.h) —
 * `keygen NAME --split K/N` writes NAME-1.share … NAME-N.share, each under
 * its custodian's passphrase, and NAME.pub, and no whole key unless --keep;
 * `keyjoin SHARE… -o NAME.key` rebuilds the key from any K of them. The
 * passphrases are asked in turn, or read one a line from --passphrase-file
 * in that order. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/keyfile.h"
#include "store/keyshare.h"
#include "store/store.h"
#include "cmd/cmd.h"

/* "K/N" into *k and *n: 0, or -1 after saying why. */
static int parse_split(const char *s, int *k, int *n)
{
	int used = 0;
	if (sscanf(s, "%d/%d%n", k, n, &used) != 2 || s[used] != '\0' || *k < 2 || *k > *n ||
	    *n > KEYSHARE_MAX) {
		fprintf(stderr, "tipscreen: error: --split %s: expected K/N, any K of N custodians "
			"rebuilding the key, with 2 <= K <= N <= %d (e.g. 3/5)\n", s, KEYSHARE_MAX);
		return -1;
	}
	return 0;
}

/* Writes text to a new file, 0600: 0, or -1 after saying why. */
static int write_new(const char *path, const char *text, size_t len)
{
	char err[256];
	int rc = fsx_write(path, text, len, 0600, FSX_NEW, err, sizeof err);
	if (rc != FSX_OK)
		fprintf(stderr, "%s: error: %s%s\n", path, err,
			rc == FSX_EXISTS ? " (a key or share is never overwritten)" : "");
	return rc == FSX_OK ? 0 : -1;
}

/* The files keygen --split would write: a new array of n + 2 paths (the
 * shares, NAME.pub, NAME.key), or NULL after saying which one exists. */
static char **split_paths(const char *name, int n, bool keep)
{
	char **p = xcalloc((size_t)n + 2, sizeof *p);
	for (int i = 0; i < n; i++)
		p[i] = xasprintf("%s-%d.share", name, i + 1);
	p[n] = xasprintf("%s.pub", name);
	p[n + 1] = xasprintf("%s.key", name);
	for (int i = 0; i < n + 1 + keep; i++)
		if (access(p[i], F_OK) == 0) {
			fprintf(stderr, "%s: error: it exists already (a key or share is never "
				"overwritten); nothing was written\n", p[i]);
			for (int j = 0; j < n + 2; j++)
				free(p[j]);
			free(p);
			return NULL;
		}
	return p;
}

static void free_paths(char **p, int n)
{
	for (int i = 0; p && i < n + 2; i++)
		free(p[i]);
	free(p);
}

/* The custodians' passphrases, asked in turn; each share written. */
static int write_shares(const struct keyfile_secret *key, int k, int n, char **paths,
			const char *passfile, char *pass)
{
	unsigned char *shares = sodium_malloc((size_t)n * KEYSHARE_BYTES);
	if (!shares || keyshare_split(key, k, n, shares) < 0) {
		sodium_free(shares);
		fputs("tipscreen: error: out of memory\n", stderr);
		return -1;
	}
	int done = 0;
	for (; done < n; done++) {
		char what[96], prompt[160];
		snprintf(what, sizeof what, "the passphrase of custodian %d of %d", done + 1, n);
		snprintf(prompt, sizeof prompt, "Custodian %d of %d, your passphrase for %s: ", done + 1,
			 n, paths[done]);
		size_t len;
		char *text = cmd_new_passphrase(passfile, done + 1, what, prompt, pass) < 0 ? NULL
			     : keyshare_text(&key->pub, done + 1, k, n, shares + (size_t)done * KEYSHARE_BYTES,
					     pass, &len);
		int w = text ? write_new(paths[done], text, len) : -1;
		free(text);
		if (w < 0)
			break;
	}
	sodium_free(shares);
	if (done == n)
		return 0;
	for (int i = 0; i < done; i++)	/* fewer than n shares help no one */
		unlink(paths[i]);
	return -1;
}

/* The whole key as NAME.key under one more passphrase (line of passfile),
 * what names it. */
static int write_kept(const struct keyfile_secret *key, const char *path, const char *passfile,
		      int line, const char *what, char *pass)
{
	char prompt[160];
	snprintf(prompt, sizeof prompt, "New passphrase for %s: ", path);
	if (cmd_new_passphrase(passfile, line, what, prompt, pass) < 0)
		return -1;
	size_t len;
	char *text = keyfile_secret_text(key, pass, &len);
	int w = text ? write_new(path, text, len) : -1;
	if (text)
		sodium_memzero(text, len);
	free(text);
	return w;
}

int cmd_keygen_split(const struct cmd_ctx *c, const struct cmd_keygen_opts *o, const char *name)
{
	int k, n;
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (parse_split(o->split, &k, &n) < 0)
		return EXIT_INPUT;
	char **paths = split_paths(name, n, o->keep);
	if (!paths)
		return EXIT_INPUT;
	if (!o->passphrase_file)
		fprintf(stderr, "tipscreen: the office key is split into %d shares, any %d of which "
			"rebuild it. Each custodian in turn chooses a passphrase (%d characters or "
			"more) for their share.\n", n, k, STORE_PASS_MIN);
	char *pass = sodium_malloc(CMD_PASS_MAX);
	struct keyfile_secret *key = keyfile_secret_new();
	if (!pass || !key) {
		fputs("tipscreen: error: out of memory\n", stderr);
		sodium_free(pass);
		keyfile_secret_free(key);
		free_paths(paths, n);
		return EXIT_RUNTIME;
	}
	keyfile_generate(key);
	int rc = write_shares(key, k, n, paths, o->passphrase_file, pass) < 0 ? EXIT_INPUT : EXIT_OK;
	size_t plen;
	char *ptext = keyfile_public_text(&key->pub, &plen);
	if (rc == EXIT_OK && o->keep && write_kept(key, paths[n + 1], o->passphrase_file, n + 1,
						     "the passphrase of the whole key (--keep)", pass) < 0)
		rc = EXIT_INPUT;
	if (rc == EXIT_OK && write_new(paths[n], ptext, plen) < 0) {
		if (o->keep)
			unlink(paths[n + 1]);
		rc = EXIT_RUNTIME;
	}
	if (rc != EXIT_OK)
		for (int i = 0; i < n; i++)
			unlink(paths[i]);
	if (rc == EXIT_OK) {
		char fp[SEAL_FINGERPRINT];
		keyfile_fingerprint(&key->pub, fp);
		fprintf(c->out, "Wrote %s-1.share … %s-%d.share (one to each custodian: any %d of them "
			"rebuild the key with `tipscreen keyjoin`) and %s (give it to the field "
			"laptops)%s%s.\nfingerprint: %s\n", name, name, n, k, paths[n],
			o->keep ? " and " : "; the whole key was written nowhere", o->keep ? paths[n + 1] : "",
			fp);
	}
	free(ptext);
	keyfile_secret_free(key);
	sodium_free(pass);
	free_paths(paths, n);
	return rc;
}

/* ---- keyjoin -------------------------------------------------------------- */

/* Reads the share files: 0, or -1 after saying why. */
static int read_shares(char **files, int n, struct keyshare *v)
{
	for (int i = 0; i < n; i++) {
		char err[512];
		size_t len;
		char *text = fsx_slurp(files[i], 1 << 16, &len, err, sizeof err);
		bool read = text != NULL;
		int rc = read ? keyshare_parse(text, len, &v[i], err, sizeof err) : -1;
		free(text);
		size_t line = read ? strspn(err, "0123456789") : 0;
		if (rc < 0 && line && err[line] == ':')
			fprintf(stderr, "%s:%.*s: error:%s\n", files[i], (int)line, err, err + line + 1);
		else if (rc < 0)
			fprintf(stderr, "%s: error: %s\n", files[i], err);
		if (rc < 0) {
			return -1;
		}
	}
	return 0;
}

/* The shares are of one key, each once, and enough: 0, or -1 after saying why. */
static int check_shares(char **files, int n, const struct keyshare *v)
{
	char fa[SEAL_FINGERPRINT], fb[SEAL_FINGERPRINT];
	for (int i = 1; i < n; i++) {
		if (memcmp(&v[i].pub.box, &v[0].pub.box, SEAL_BOX_PUBLIC) != 0 ||
		    memcmp(&v[i].pub.sign, &v[0].pub.sign, SEAL_SIGN_PUBLIC) != 0 || v[i].k != v[0].k ||
		    v[i].n != v[0].n) {
			keyfile_fingerprint(&v[0].pub, fa);
			keyfile_fingerprint(&v[i].pub, fb);
			fprintf(stderr, "%s: error: a share of another key (%s, %d of %d) than %s (%s, %d "
				"of %d): shares of different keys never rebuild one\n", files[i], fb,
				v[i].k, v[i].n, files[0], fa, v[0].k, v[0].n);
			return -1;
		}
		for (int j = 0; j < i; j++)
			if (v[j].index == v[i].index) {
				fprintf(stderr, "%s: error: the same share (%d of %d) as %s\n", files[i],
					v[i].index, v[i].n, files[j]);
				return -1;
			}
	}
	if (n < v[0].k) {
		keyfile_fingerprint(&v[0].pub, fa);
		fprintf(stderr, "tipscreen: error: %d share%s given, but the key %s needs any %d of its "
			"%d shares: nothing was rebuilt\n", n, n == 1 ? "" : "s", fa, v[0].k, v[0].n);
		return -1;
	}
	return 0;
}

/* Opens each share with its custodian's passphrase into shares. */
static int open_shares(char **files, int n, const struct keyshare *v, const char *passfile,
		       char *pass, unsigned char *shares)
{
	for (int i = 0; i < n; i++) {
		char what[96], prompt[600];
		snprintf(what, sizeof what, "the passphrase of the share %s", files[i]);
		snprintf(prompt, sizeof prompt, "Passphrase of %s (share %d of %d): ", files[i],
			 v[i].index, v[i].n);
		if (cmd_passphrase_line(passfile, i + 1, what, prompt, false, pass) < 0)
			return -1;
		if (keyshare_unlock(&v[i], pass, shares + (size_t)i * KEYSHARE_BYTES) < 0) {
			fprintf(stderr, "%s: error: wrong passphrase for this share (or its header was "
				"changed)\n", files[i]);
			return -1;
		}
	}
	return 0;
}

int cmd_keyjoin(const struct cmd_ctx *c, const char *passfile, const char *output, char **files,
		int n)
{
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (!output) {
		fputs("tipscreen: error: keyjoin needs the key file to write: -o NAME.key\n", stderr);
		return EXIT_INPUT;
	}
	if (access(output, F_OK) == 0) {
		fprintf(stderr, "%s: error: it exists already (a key is never overwritten)\n", output);
		return EXIT_INPUT;
	}
	struct keyshare *v = xcalloc((size_t)n, sizeof *v);
	char *pass = sodium_malloc(CMD_PASS_MAX);
	unsigned char *shares = sodium_malloc((size_t)n * KEYSHARE_BYTES);
	struct keyfile_secret *key = keyfile_secret_new();
	if (!pass || !shares || !key) {
		fputs("tipscreen: error: out of memory\n", stderr);
		keyfile_secret_free(key);
		sodium_free(shares);
		sodium_free(pass);
		free(v);
		return EXIT_RUNTIME;
	}
	int rc = read_shares(files, n, v) < 0 || check_shares(files, n, v) < 0 ||
		 open_shares(files, n, v, passfile, pass, shares) < 0 ? EXIT_INPUT : EXIT_OK;
	if (rc == EXIT_OK && keyshare_join(v, shares, n, key) < 0) {
		fputs("tipscreen: error: the shares do not rebuild the key they name (one was altered): "
		      "nothing was written\n", stderr);
		rc = EXIT_INPUT;
	}
	if (rc == EXIT_OK && write_kept(key, output, passfile, n + 1, "the rebuilt key's passphrase",
					      pass) < 0)
		rc = EXIT_INPUT;
	if (rc == EXIT_OK) {
		char fp[SEAL_FINGERPRINT];
		keyfile_fingerprint(&key->pub, fp);
		fprintf(c->out, "Wrote %s, the office key rebuilt from %d shares, under its new "
			"passphrase.\nfingerprint: %s\n", output, n, fp);
	}
	keyfile_secret_free(key);
	sodium_free(shares);
	sodium_free(pass);
	free(v);
	return rc;
}
