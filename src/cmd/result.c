/* result: a trainee's result sealed to the trainer (`train ... --result FILE
 * --to TRAINER.pub`); trainer.c reads such results into the class report.
 *
 * The result is a stanza (stanza.h) sealed with seal.h's format 2:
 *   Result: 2 / Trainee: / Scenario: / Version: / Score: / Pass: yes|no /
 *   Started: / Finished: / Seconds: (optional: a live session's time)
 *   Element: act|met|met|agree           (five, trainee|expert|agree or differ)
 *   Question: means.lied|no|yes|differ|critical|12   (each graded question,
 *             "-" where not asked; critical or normal; the seconds on its
 *             screen, "-" without times)
 * Format 1 (no Pass:, four parts to a Question:) is still read.
 * It is signed with a key made for this result alone (a training result has
 * no laptop identity): the signature shows that it was not changed, the
 * seal that only the trainer opens it. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "base/csv.h"
#include "base/fsx.h"
#include "base/schema.h"
#include "base/stanza.h"
#include "base/xalloc.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "train/debrief.h"
#include "cmd/cmd.h"

/* One line of base64 key, as keygen writes it. */
static void iso(char *buf, size_t n, time_t t)
{
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
}

static char *payload(const struct debrief *d, const char *trainee, time_t started, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	char a[32], b[32];
	iso(a, sizeof a, started);
	iso(b, sizeof b, time(NULL));
	fprintf(f, "Result: 2\nTrainee: %s\nScenario: %s\nVersion: %ld\nScore: %d\nPass: %s\n"
		"Started: %s\nFinished: %s\n", trainee, d->s->id, d->s->version, d->score,
		d->pass ? "yes" : "no", a, b);
	if (d->seconds >= 0)
		fprintf(f, "Seconds: %.0f\n", d->seconds);
	for (int p = 0; p < PART_COUNT; p++)
		fprintf(f, "Element: %s|%s|%s|%s\n", scenario_part_name(p), d->part[p].trainee,
			d->part[p].expert, d->part[p].agree ? "agree" : "differ");
	for (size_t i = 0; i < d->nq; i++) {
		fprintf(f, "Question: %s|%s|%s|%s|%s|", d->qs[i].q->id,
			d->qs[i].trainee ? d->qs[i].trainee : "-", d->qs[i].q->expert,
			d->qs[i].agree ? "agree" : "differ", d->qs[i].q->critical ? "critical" : "normal");
		if (d->qs[i].seconds >= 0)
			fprintf(f, "%.0f\n", d->qs[i].seconds);
		else
			fputs("-\n", f);
	}
	fclose(f);
	return buf;
}

static bool name_ok(const char *s)
{
	if (!*s || strlen(s) > 40)
		return false;
	for (; *s; s++)
		if (*s == '|' || (unsigned char)*s < 0x20)
			return false;
	return true;
}

/* The trainer's public key of --to into pub: an exit code, after saying
 * what is wrong. */
static int trainer_key(const struct cmd_result_opts *o, struct keyfile_public *pub)
{
	char err[256];
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (keyfile_open_public(o->to, pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

int cmd_result_check(const struct cmd_result_opts *o)
{
	if (!name_ok(o->trainee)) {
		fprintf(stderr, "tipscreen: --trainee needs a pseudonym of up to 40 characters, no "
			"'|' and no control characters\n");
		return EXIT_INPUT;
	}
	struct keyfile_public pub;
	return trainer_key(o, &pub);
}

int cmd_result_write(const struct cmd_result_opts *o, const struct debrief *d, time_t started)
{
	if (!o->to || !o->trainee || !name_ok(o->trainee)) {
		fprintf(stderr, "tipscreen: --result needs --to TRAINER.pub and --trainee NAME (a "
			"pseudonym of up to 40 characters, no '|')\n");
		return EXIT_INPUT;
	}
	unsigned char pk[SEAL_BOX_PUBLIC], spk[SEAL_SIGN_PUBLIC], ssk[SEAL_SIGN_SECRET];
	struct keyfile_public pub;
	int keyed = trainer_key(o, &pub);
	if (keyed != EXIT_OK)
		return keyed;
	char err[256];
	memcpy(pk, pub.box, sizeof pk);
	crypto_sign_keypair(spk, ssk);
	size_t len, n;
	char *text = payload(d, o->trainee, started, &len);
	char *sealed = seal_make(text, len, "UTF-8", pk, ssk, &n);
	sodium_memzero(ssk, sizeof ssk);
	free(text);
	int w = sealed ? fsx_write(o->result, sealed, n, 0600, FSX_NEW, err, sizeof err) : FSX_FAIL;
	if (w != FSX_OK)
		fprintf(stderr, "%s: error: %s%s\n", o->result, sealed ? err : "cannot seal the result",
			w == FSX_EXISTS ? " (a result is never overwritten)" : "");
	int rc = w == FSX_OK ? EXIT_OK : w == FSX_EXISTS ? EXIT_INPUT : EXIT_RUNTIME;
	free(sealed);
	return rc;
}

