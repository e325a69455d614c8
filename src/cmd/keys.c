/* keys: the commands of the key files and of what is sealed with them —
 * keygen (the office key pair, its secret half encrypted under a
 * passphrase: keyfile.h), the opening of that key for the commands that
 * need it (cmd_office_key), the known laptops (cmd_load_signers), whoami
 * (this laptop's signing key, to give to the office), unseal (open a
 * signed, sealed export), and the sealing of an export (cmd_seal_export).
 * The formats are seal.h's; this file reads and writes the files. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "store/store.h"
#include "cmd/cmd.h"

char *cmd_slurp(const char *path, size_t *len)
{
	char err[128];
	char *text = fsx_slurp(path, FSX_SLURP_MAX, len, err, sizeof err);
	if (!text)
		fprintf(stderr, "%s: error: %s\n", path, err);
	return text;
}

/* Reads a key file (one line of base64; LF or CRLF) into key (len bytes). */
static int read_key(const char *path, unsigned char *key, size_t len)
{
	FILE *f = fopen(path, "r");
	char line[256];
	int ok = f && fgets(line, sizeof line, f) &&
		 seal_key_decode(line, strcspn(line, " \t\r\n"), key, len) == 0;
	if (f)
		fclose(f);
	if (!ok)
		fprintf(stderr, "%s:1: error: expected a key written by `tipscreen keygen`\n", path);
	return ok ? 0 : -1;
}

/* Writes text to a new file (never over an existing one: fsx.h's
 * FSX_NEW) with exactly mode, whatever the umask, durably. -2 if the file
 * exists. */
static int write_text(const char *path, const char *text, size_t len, mode_t mode)
{
	char err[256];
	int rc = fsx_write(path, text, len, mode, FSX_NEW, err, sizeof err);
	if (rc != FSX_OK)
		fprintf(stderr, "%s: error: %s%s\n", path, err,
			rc == FSX_EXISTS ? " (a key is never overwritten)" : "");
	return rc == FSX_OK ? 0 : rc == FSX_EXISTS ? -2 : -1;
}

/* Writes a key as one line of base64 (write_text). */
static int write_key(const char *path, const unsigned char *key, size_t len, const char *name,
		     mode_t mode)
{
	char b[200];
	sodium_bin2base64(b, sizeof b, key, len, sodium_base64_VARIANT_ORIGINAL);
	if (name)	/* a known laptops' line: "KEY NAME" (seal.h) */
		snprintf(b + strlen(b), sizeof b - strlen(b), " %s", name);
	strcat(b, "\n");
	int rc = write_text(path, b, strlen(b), mode);
	sodium_memzero(b, sizeof b);
	return rc;
}

/* The new key's passphrase, asked twice (or --passphrase-file), into pass:
 * 0, or -1 after saying why. */
static int new_passphrase(const char *passphrase_file, char *pass, bool trainer)
{
	const char *what = trainer ? "trainer" : "office";
	if (!passphrase_file)
		fprintf(stderr, "tipscreen: the %s key is kept encrypted under a passphrase (%d "
			"characters or more): without it nothing sealed to this key can be opened.\n",
			what, STORE_PASS_MIN);
	char prompt[64];
	snprintf(prompt, sizeof prompt, "New passphrase for the %s key: ", what);
	if (cmd_passphrase(passphrase_file, prompt, true, pass) < 0)
		return -1;
	if (strlen(pass) < STORE_PASS_MIN) {
		fprintf(stderr, "tipscreen: error: the passphrase is shorter than %d characters\n",
			STORE_PASS_MIN);
		return -1;
	}
	return 0;
}

/* Writes NAME.key (encrypted under pass) and NAME.pub: an exit code. */
static int write_pair(const struct keyfile_secret *k, const char *pass, const char *sec,
		      const char *pub)
{
	size_t slen, plen;
	char *stext = keyfile_secret_text(k, pass, &slen), *ptext = keyfile_public_text(&k->pub, &plen);
	int w = stext ? write_text(sec, stext, slen, 0600) : -1;
	if (w == 0 && (w = write_text(pub, ptext, plen, 0644)) != 0)
		unlink(sec);
	if (stext)
		sodium_memzero(stext, slen);
	free(stext);
	free(ptext);
	return w == 0 ? EXIT_OK : w == -2 ? EXIT_INPUT : EXIT_RUNTIME;
}

int cmd_keygen(const struct cmd_ctx *c, const struct cmd_keygen_opts *o, const char *name)
{
	if (o->split)
		return cmd_keygen_split(c, o, name);
	if (o->keep) {
		fputs("tipscreen: error: --keep goes with --split K/N (keygen without --split writes the "
		      "whole key anyway)\n", stderr);
		return EXIT_INPUT;
	}
	const char *passphrase_file = o->passphrase_file;
	bool trainer = o->trainer;
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	char *pass = sodium_malloc(CMD_PASS_MAX);
	struct keyfile_secret *k = keyfile_secret_new();
	if (!pass || !k) {
		sodium_free(pass);
		keyfile_secret_free(k);
		return EXIT_RUNTIME;
	}
	char *pub = xasprintf("%s.pub", name), *sec = xasprintf("%s.key", name);
	const char *there = access(sec, F_OK) == 0 ? sec : access(pub, F_OK) == 0 ? pub : NULL;
	if (there)	/* said before the passphrase is asked for nothing */
		fprintf(stderr, "%s: error: it exists already (a key is never overwritten)\n", there);
	int rc = there || new_passphrase(passphrase_file, pass, trainer) < 0 ? EXIT_INPUT : EXIT_OK;
	if (rc == EXIT_OK) {
		keyfile_generate(k);
		rc = write_pair(k, pass, sec, pub);
	}
	if (rc == EXIT_OK) {
		char fp[SEAL_FINGERPRINT];
		keyfile_fingerprint(&k->pub, fp);
		if (trainer)
			fprintf(c->out, "Wrote %s (give it to the trainees) and %s (the trainer key: "
				"keep it offline; with its passphrase it opens the class's results).\n"
				"fingerprint: %s\n", pub, sec, fp);
		else
			fprintf(c->out, "Wrote %s (give it to the field laptops) and %s (keep it in "
				"the office, offline: with its passphrase it opens every bundle and "
				"sealed export).\nfingerprint: %s\n", pub, sec, fp);
	}
	sodium_free(pass);
	keyfile_secret_free(k);
	free(pub);
	free(sec);
	return rc;
}

struct keyfile_secret *cmd_office_key(const struct cmd_key_opts *o, int *rc)
{
	return cmd_secret_key(o, false, rc);
}

struct keyfile_secret *cmd_secret_key(const struct cmd_key_opts *o, bool trainer, int *rc)
{
	*rc = EXIT_INPUT;
	if (sodium_init() < 0 || !o->key) {
		fputs(trainer ? "tipscreen: error: this needs the trainer key: --key TRAINER.key\n"
		      : "tipscreen: error: this needs the office key: --key OFFICE.key\n", stderr);
		return NULL;
	}
	size_t kl = strlen(o->key);
	if (kl > 4 && strcmp(o->key + kl - 4, ".pub") == 0) {
		char *p = text_sanitize(o->key);
		fprintf(stderr, "tipscreen: error: %s is the public key; --key takes the secret one "
			"(%.*s.key)\n", p, (int)(strlen(p) - 4), p);
		free(p);
		return NULL;
	}
	struct keyfile_secret *k = keyfile_secret_new();
	char err[512];
	int r = k ? keyfile_open(o->key, NULL, k, err, sizeof err) : -1;
	if (r == -3) {
		char *pass = sodium_malloc(CMD_PASS_MAX);
		r = pass && cmd_passphrase(o->passphrase_file, trainer ? ("Passphrase of the trainer "
					   "key: ") : "Passphrase of the office key: ", false, pass) == 0
		    ? keyfile_open(o->key, pass, k, err, sizeof err) : -4;
		sodium_free(pass);
	}
	if (r == 1)
		fprintf(stderr, "tipscreen: WARNING: %s is an UNENCRYPTED key of an older tipscreen: "
			"anyone who copies it can open everything sealed to it, and it cannot sign "
			"receipts. Make a new key with `tipscreen keygen`, give its .pub to the laptops, "
			"and keep this one only to open what was sealed to it.\n", o->key);
	if (r < 0) {
		if (r != -4)
			fprintf(stderr, "tipscreen: error: %s\n", k ? err : "out of memory");
		keyfile_secret_free(k);
		return NULL;
	}
	*rc = EXIT_OK;
	return k;
}

/* This laptop's signing key pair; sk is sodium_malloc'd (sodium_free). */
static unsigned char *signing_key(struct store *st, unsigned char *pk)
{
	char err[256];
	unsigned char *sk = sodium_malloc(SEAL_SIGN_SECRET);
	if (store_signing_key(st, pk, sk, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		sodium_free(sk);
		return NULL;
	}
	return sk;
}

int cmd_seal_export(FILE *out, const char *pubpath, struct store *st, const char *data, size_t len,
		    const char *charset)
{
	unsigned char office[SEAL_BOX_PUBLIC], pk[SEAL_SIGN_PUBLIC];
	if (read_key(pubpath, office, sizeof office) < 0)
		return EXIT_INPUT;
	unsigned char *sk = signing_key(st, pk);
	if (!sk)
		return EXIT_RUNTIME;
	size_t n;
	char *sealed = seal_make(data, len, charset, office, sk, &n);
	sodium_free(sk);
	if (!sealed) {
		fprintf(stderr, "tipscreen: error: cannot seal an export in charset %s\n", charset);
		return EXIT_INPUT;
	}
	fwrite(sealed, 1, n, out);
	free(sealed);
	return EXIT_OK;
}

/* Whether name can follow the key on its line of a known laptops' file
 * (seal_signers_parse keeps printable ASCII; a name is also shown in the
 * office's listings): 1 to 63 letters, digits, spaces, '.', '_', '-'. */
static bool name_valid(const char *name)
{
	size_t n = strlen(name);
	return n >= 1 && n <= 63 && name[0] != ' ' && name[n - 1] != ' ' &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ._-") == n;
}

int cmd_whoami(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *file,
	       const char *name)
{
	if (name && !file) {
		fputs("tipscreen: error: --name goes with the file the key is written to: whoami FILE "
		      "--name NAME\n", stderr);
		return EXIT_INPUT;
	}
	if (name && !name_valid(name)) {
		char *n = text_sanitize(name);
		fprintf(stderr, "tipscreen: error: --name '%s': a laptop's name is 1 to 63 letters, "
			"digits, spaces, '.', '_' or '-'\n", n);
		free(n);
		return EXIT_INPUT;
	}
	struct store *st;
	int rc = cmd_open_store_noted(o, &st);
	if (rc != EXIT_OK)
		return rc;
	unsigned char pk[SEAL_SIGN_PUBLIC];
	unsigned char *sk = signing_key(st, pk);
	if (!sk) {
		store_close(st);
		return EXIT_RUNTIME;
	}
	sodium_free(sk);
	char fp[SEAL_FINGERPRINT], b[64];
	seal_fingerprint(pk, fp);
	sodium_bin2base64(b, sizeof b, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
	fprintf(c->out, "This laptop signs its sealed exports with the key %s\n"
		"fingerprint: %s\n", b, fp);
	cmd_escrow_describe(c->out, st);
	store_close(st);
	if (file) {
		int w = write_key(file, pk, sizeof pk, name, 0644);
		if (w < 0)
			return w == -2 ? EXIT_INPUT : EXIT_RUNTIME;
		fprintf(c->out, "Wrote %s: give it to the office (unseal --signer %s).\n", file, file);
	} else {
		fputs("Read the fingerprint out to the office, or write the key to a file with "
		      "`tipscreen whoami FILE`.\n", c->out);
	}
	return EXIT_OK;
}

int cmd_load_signers(const struct cmd_signer_opts *o, struct seal_signer **v, size_t *n)
{
	*v = NULL;
	*n = 0;
	if (!o->signer)
		return 0;
	size_t len;
	char *text = cmd_slurp(o->signer, &len), err[256];
	if (!text)
		return -1;
	int rc = seal_signers_parse(text, len, v, n, err, sizeof err);
	free(text);
	if (rc < 0)
		fprintf(stderr, "%s:%s\n", o->signer, err);
	return rc;
}

/* Says who signed, and whether that is accepted: EXIT_OK or EXIT_INPUT. */
static int judge_signer(const struct cmd_signer_opts *o, const char *file,
			const struct seal_opened *so, const struct seal_signer *v, size_t n)
{
	if (so->version == 1) {
		if (!o->any_signer) {
			fprintf(stderr, "%s: error: an unsigned export of an older tipscreen: anyone with "
				"the office's public key could have made it; --any-signer opens it anyway\n", file);
			return EXIT_INPUT;
		}
		fprintf(stderr, "tipscreen: WARNING: %s is NOT SIGNED (an older tipscreen): anyone with "
			"the office's public key could have made it.\n", file);
		return EXIT_OK;
	}
	char fp[SEAL_FINGERPRINT];
	seal_fingerprint(so->signer, fp);
	const struct seal_signer *known = seal_signer_find(v, n, so->signer);
	if (known) {
		fprintf(stderr, "tipscreen: %s: signed by laptop %s%s%s%s\n", file, fp,
			*known->name ? " (" : "", known->name, *known->name ? ")" : "");
		return EXIT_OK;
	}
	if (!o->any_signer) {
		fprintf(stderr, "%s: error: signed by laptop %s, which is not in %s: give that laptop's "
			"key with --signer FILE (`tipscreen whoami FILE` on the laptop writes it), or "
			"--any-signer to open it anyway\n", file, fp,
			o->signer ? o->signer : "a list of known laptops (--signer)");
		return EXIT_INPUT;
	}
	fprintf(stderr, "tipscreen: WARNING: %s is signed by laptop %s, which is NOT KNOWN: anyone "
		"with tipscreen and the office's public key could have made it.\n", file, fp);
	return EXIT_OK;
}

/* Writes the opened export to out, made safe for a terminal (bytes in
 * another charset than UTF-8 to stdout, as they are). */
static int print_opened(FILE *out, const char *file, const struct seal_opened *so)
{
	size_t len;
	char *text = seal_printable(so, &len);
	if (!text) {
		fprintf(stderr, "%s: error: the export is not valid %s text\n", file, so->charset);
		return EXIT_INPUT;
	}
	bool utf8 = !*so->charset || text_is_utf8_charset(so->charset);
	fwrite(text, 1, len, utf8 ? out : stdout);
	sodium_memzero(text, len);
	free(text);
	return EXIT_OK;
}

int cmd_unseal(const struct cmd_ctx *c, const struct cmd_key_opts *key,
	       const struct cmd_signer_opts *signer, const char *file)
{
	struct seal_signer *v;
	size_t nv, len;
	int rc;
	if (cmd_load_signers(signer, &v, &nv) < 0)
		return EXIT_INPUT;
	struct keyfile_secret *k = cmd_office_key(key, &rc);
	if (!k) {
		free(v);
		return rc;
	}
	char *text = cmd_slurp(file, &len), err[256];
	struct seal_opened so = { 0 };
	rc = EXIT_INPUT;
	if (text && seal_open(text, len, k->box, &so, err, sizeof err) < 0) {
		size_t line = strspn(err, "0123456789");	/* "2: the sealed data is damaged" */
		if (line && err[line] == ':')
			fprintf(stderr, "%s:%.*s: error:%s\n", file, (int)line, err, err + line + 1);
		else
			fprintf(stderr, "%s: error: %s\n", file, err);
	} else if (text && so.len >= 17 && memcmp(so.payload, "tipscreen-bundle-", 17) == 0) {
		/* Every opening of a bundle's cases is audited: the office's. */
		fprintf(stderr, "%s: error: a bundle of a field laptop: its cases are opened with "
			"`tipscreen office import` and `office show ID`, which the audit log records\n",
			file);
	} else if (text && (rc = judge_signer(signer, file, &so, v, nv)) == EXIT_OK) {
		rc = print_opened(c->out, file, &so);
	}
	seal_opened_free(&so);
	free(text);
	free(v);
	keyfile_secret_free(k);
	return rc;
}
