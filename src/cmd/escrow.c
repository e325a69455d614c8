/* escrow: enrol (the store's master key also sealed to the office key,
 * store/escrow.h) and recover (a forgotten passphrase replaced, with the
 * office key and nothing else), and the lines whoami shows about them.
 * recover also writes a notice for the office's audit log
 * (store/recovery.h), signed by the laptop and sealed to the office. */
#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/xalloc.h"
#include "store/escrow.h"
#include "store/keyfile.h"
#include "store/recovery.h"
#include "store/store.h"
#include "cmd/cmd.h"

/* A time as "2026-12-07 06:12 UTC" into buf (32 bytes). */
static const char *utc(time_t t, char *buf)
{
	struct tm tm;
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%d %H:%M UTC", &tm))
		snprintf(buf, 32, "%lld", (long long)t);
	return buf;
}

/* The recoveries of the key log, one line each. */
static void print_recoveries(FILE *out, struct store *st)
{
	char err[256], fp[SEAL_FINGERPRINT + 8], when[32];
	char *log = escrow_log(st, err, sizeof err);
	if (!log) {
		fprintf(stderr, "tipscreen: warning: %s\n", err);
		return;
	}
	for (char *p = log, *nl; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		long long t;
		if (sscanf(p, "recover %lld %32s", &t, fp) == 2)
			fprintf(out, "Recovered with the office key %s on %s.\n", fp, utc((time_t)t, when));
	}
	free(log);
}

void cmd_escrow_describe(FILE *out, struct store *st)
{
	struct escrow_info e;
	char err[256], fp[SEAL_FINGERPRINT], when[32];
	int rc = escrow_info(st, &e, err, sizeof err);
	if (rc < 0) {
		fprintf(stderr, "tipscreen: warning: %s\n", err);
	} else if (rc > 0) {
		fputs("Not enrolled with an office: a forgotten passphrase cannot be recovered "
		      "(`tipscreen enrol OFFICE.pub` makes that possible).\n", out);
	} else {
		keyfile_fingerprint(&e.office, fp);
		fprintf(out, "Enrolled with the office key %s since %s: a forgotten passphrase can be "
			"recovered with that key, and with nothing else.\n", fp, utc(e.enrolled, when));
	}
	print_recoveries(out, st);
}

int cmd_enrol(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *pubpath)
{
	struct keyfile_public pub;
	char err[512], fp[SEAL_FINGERPRINT], old[SEAL_FINGERPRINT], when[32];
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (keyfile_open_public(pubpath, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "%s\n", err);
		return EXIT_INPUT;
	}
	keyfile_fingerprint(&pub, fp);
	struct store *st;
	int rc = cmd_open_store_noted(o, &st);
	if (rc != EXIT_OK)
		return rc;
	struct escrow_info e;
	int was = escrow_info(st, &e, err, sizeof err);
	if (was == 0 && sodium_memcmp(e.office.box, pub.box, SEAL_BOX_PUBLIC) == 0) {
		fprintf(c->out, "This laptop is enrolled with the office key %s already (since %s); "
			"nothing was changed.\n", fp, utc(e.enrolled, when));
	} else if (escrow_enrol(st, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		rc = EXIT_RUNTIME;
	} else {
		if (was == 0) {
			keyfile_fingerprint(&e.office, old);
			fprintf(c->out, "It was enrolled with the office key %s: that key no longer "
				"recovers it.\n", old);
		}
		fprintf(c->out, "Enrolled with the office key %s: a forgotten passphrase of this laptop "
			"can be recovered with that key (`tipscreen recover --key OFFICE.key`), and "
			"with nothing else.\n", fp);
	}
	store_close(st);
	return rc;
}

void cmd_enrol_first(FILE *out, struct store *st, const struct keyfile_public *pub)
{
	struct escrow_info e;
	char err[512], fp[SEAL_FINGERPRINT];
	int was = escrow_info(st, &e, err, sizeof err);
	if (was == 1 && escrow_enrol(st, pub, err, sizeof err) == 0) {
		keyfile_fingerprint(pub, fp);
		fprintf(out, "This laptop is now enrolled with the office key %s: a forgotten passphrase "
			"can be recovered with that key (`tipscreen recover`), and with nothing else.\n", fp);
	} else if (was != 0) {
		fprintf(stderr, "tipscreen: warning: this laptop could not be enrolled with the office "
			"key: %s\n", err);
	}
}

/* Where the notice goes: -o, else next to the office key. A new string. */
static char *notice_path(const struct cmd_recover_opts *o, time_t now)
{
	if (o->output)
		return xstrdup(o->output);
	const char *slash = strrchr(o->key.key, '/');
	char stamp[32];
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	return xasprintf("%.*srecovery-%s.notice", slash ? (int)(slash - o->key.key + 1) : 0,
			 o->key.key, stamp);
}

/* Writes the notice of the recovery of st (unlocked) to path: 0, or an
 * exit code after saying why. */
static int write_notice(struct store *st, const struct keyfile_secret *k, const char *path,
			const struct escrow_info *e, long long cases, time_t now)
{
	struct recovery r = { .time = now, .enrolled = e->enrolled, .cases = cases };
	if (gethostname(r.device, sizeof r.device) != 0)
		snprintf(r.device, sizeof r.device, "laptop");
	r.device[sizeof r.device - 1] = '\0';
	unsigned char pk[SEAL_SIGN_PUBLIC], *sk = sodium_malloc(SEAL_SIGN_SECRET);
	char err[256] = "out of memory";
	size_t len;
	char *text = NULL;
	if (sk && store_signing_key(st, pk, sk, err, sizeof err) == 0)
		text = recovery_make(&r, k->pub.box, sk, &len);
	sodium_free(sk);
	int w = text ? fsx_write(path, text, len, 0600, FSX_NEW, err, sizeof err) : FSX_FAIL;
	free(text);
	if (w == FSX_EXISTS)
		fprintf(stderr, "%s: error: it exists already (a file is never overwritten): give "
			"another with -o FILE; nothing was changed\n", path);
	else if (w != FSX_OK)
		fprintf(stderr, "%s: error: cannot write the recovery notice: %s; nothing was changed\n",
			path, err);
	return w == FSX_OK ? EXIT_OK : w == FSX_EXISTS ? EXIT_INPUT : EXIT_RUNTIME;
}

/* Whether st is enrolled: EXIT_OK with *e, else an exit code after saying why. */
static int enrolled(struct store *st, struct escrow_info *e)
{
	char err[512];
	int rc = escrow_info(st, e, err, sizeof err);
	if (rc > 0)
		fputs("tipscreen: error: this laptop was never enrolled with an office (`tipscreen "
		      "enrol OFFICE.pub`): its passphrase cannot be recovered; nothing was changed\n",
		      stderr);
	else if (rc < 0)
		fprintf(stderr, "tipscreen: error: %s; nothing was changed\n", err);
	return rc == 0 ? EXIT_OK : rc > 0 ? EXIT_INPUT : EXIT_RUNTIME;
}

/* The recovery itself, the store open with the office key k. */
static int recover_with(const struct cmd_ctx *c, const struct cmd_recover_opts *o, struct store *st,
			const struct keyfile_secret *k, const struct escrow_info *e)
{
	char err[512], fp[SEAL_FINGERPRINT];
	size_t ncases = 0;
	struct store_case *cases = store_cases(st, &ncases, err, sizeof err);
	if (!cases) {
		fprintf(stderr, "tipscreen: error: %s; nothing was changed\n", err);
		return EXIT_RUNTIME;
	}
	free(cases);
	char *pass = sodium_malloc(CMD_PASS_MAX);
	if (!pass)
		return EXIT_RUNTIME;
	int rc = cmd_new_passphrase(o->key.passphrase_file, 2, "the store's new passphrase",
				    "New passphrase for this laptop's store: ", pass) < 0 ? EXIT_INPUT : EXIT_OK;
	time_t now = time(NULL);
	char *path = notice_path(o, now);
	if (rc == EXIT_OK)
		rc = write_notice(st, k, path, e, (long long)ncases, now);
	keyfile_fingerprint(&k->pub, fp);
	char *event = xasprintf("recover %lld %s", (long long)now, fp);
	if (rc == EXIT_OK && store_change_passphrase(st, pass, event, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		unlink(path);
		rc = EXIT_RUNTIME;
	}
	if (rc == EXIT_OK)
		fprintf(c->out, "Recovered with the office key %s: the new passphrase opens this store "
			"(%zu case%s, unchanged). The recovery is recorded in the store (`tipscreen "
			"whoami` shows it) and in %s: take it to the office, where `tipscreen office "
			"recovery %s --key OFFICE.key` writes it to the audit log.\n", fp, ncases,
			ncases == 1 ? "" : "s", path, path);
	free(event);
	free(path);
	sodium_free(pass);
	return rc;
}

int cmd_recover(const struct cmd_ctx *c, const struct cmd_recover_opts *o)
{
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (!o->key.key) {
		fputs("tipscreen: error: recover needs the office key: --key OFFICE.key\n", stderr);
		return EXIT_INPUT;
	}
	struct cmd_store_opts so = { .data = o->data };
	struct store *st;
	int rc = cmd_store_open(&so, &st);
	if (rc != EXIT_OK)
		return rc;
	struct escrow_info e;
	struct keyfile_secret *k = NULL;
	if ((rc = enrolled(st, &e)) == EXIT_OK)
		k = cmd_office_key(&o->key, &rc);
	if (k) {
		char err[512];
		int r = escrow_open(st, k, err, sizeof err);
		if (r != 0) {
			fprintf(stderr, "tipscreen: error: %s; nothing was changed\n", err);
			rc = r == -2 ? EXIT_RUNTIME : EXIT_INPUT;
		} else {
			rc = recover_with(c, o, st, k, &e);
		}
	}
	keyfile_secret_free(k);
	store_close(st);
	return rc;
}
