/* The field side of the office workflow (DESIGN §12): `bundle` (every
 * completed case not yet sent, in one file signed by this laptop and sealed
 * to the office, bundle.h; the cases then marked sent with a record) and
 * `receipt` (the office's signed word that it stored them, receipt.h,
 * after which they may be deleted from this laptop). This file reads the
 * store and writes the files; the formats are the engine's. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/fsx.h"
#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/facts.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/receipt.h"
#include "store/record.h"
#include "store/store.h"
#include "app/facts.h"
#include "cmd/cmd.h"

/* A case's records as the store keeps them, and parsed. */
struct raw {
	struct bundle_record *v;
	size_t n, cap, rcap;
	struct records r;
};

static int collect(void *ctx, const char *text)
{
	struct raw *w = ctx;
	struct record rec;
	if (record_parse(text, &rec) < 0)
		return -1;
	xgrow((void **)&w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n] = (struct bundle_record){ (long long)w->n + 1, xstrdup(text), strlen(text) };
	w->n++;
	xgrow((void **)&w->r.v, &w->rcap, w->r.n + 1, sizeof *w->r.v);
	w->r.v[w->r.n++] = rec;
	return 0;
}

static void raw_free(struct raw *w)
{
	for (size_t i = 0; i < w->n; i++) {
		sodium_memzero(w->v[i].data, w->v[i].len);
		free(w->v[i].data);
	}
	free(w->v);
	records_free(&w->r);
	memset(w, 0, sizeof *w);
}

static int raw_load(struct store *st, const char *id, struct raw *w)
{
	char err[256];
	memset(w, 0, sizeof *w);
	if (store_load(st, id, collect, w, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: case %s: %s\n", id, err);
		raw_free(w);
		return -1;
	}
	return 0;
}

/* How many records come before the trailing "sent" ones: the case as it
 * was sent, if it ends in one (*sent the time of the last), else all. */
static size_t before_sent(const struct records *r, long long *sent)
{
	size_t n = r->n;
	*sent = 0;
	while (n > 0 && r->v[n - 1].event == REC_SENT) {
		if (!*sent)
			*sent = r->v[n - 1].ms;
		n--;
	}
	return n;
}

/* ---- the facts the office counts ---------------------------------------- */

/* Case c's facts (app/facts.h) as the bundle carries them. */
static void case_facts(const struct deck *dk, struct bundle_case *c, const struct records *r)
{
	struct facts fs = { 0 };
	struct facts_case fc = { c->id, c->deck, c->created, r };
	facts_of_case(dk, &fc, &fs);
	c->fact = xcalloc(fs.n ? fs.n : 1, sizeof *c->fact);
	for (size_t i = 0; i < fs.n; i++)
		c->fact[c->nfact++] = (struct bundle_fact){ xstrdup(fact_name(fs.v[i].fact)),
							    xstrdup(fs.v[i].value) };
	facts_free(&fs);
}

/* ---- bundle --------------------------------------------------------------- */

/* The cases to send (all: those sent already too), in b (their records
 * owned by b); 0, or -1 after saying why. */
static int gather(bool all, struct store *st, const struct deck *dk, struct bundle *b)
{
	char err[256];
	size_t n, cap = 0;
	struct store_case *cs = store_cases(st, &n, err, sizeof err);
	if (!cs) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct raw w;
		long long sent;
		if (strcmp(cs[i].status, "damaged") == 0)
			fprintf(stderr, "tipscreen: warning: case %s is damaged (it fails the integrity "
				"check): it is not in the bundle\n", cs[i].id);
		if (strcmp(cs[i].status, "complete") != 0)
			continue;
		if (raw_load(st, cs[i].id, &w) < 0) {
			rc = -1;
			break;
		}
		size_t keep = before_sent(&w.r, &sent);
		if (keep < w.n && !all) {	/* sent, and not changed since */
			raw_free(&w);
			continue;
		}
		xgrow((void **)&b->cases, &cap, b->n + 1, sizeof *b->cases);
		struct bundle_case *c = &b->cases[b->n++];
		memset(c, 0, sizeof *c);
		snprintf(c->id, sizeof c->id, "%s", cs[i].id);
		snprintf(c->status, sizeof c->status, "%s", cs[i].status);
		snprintf(c->deck, sizeof c->deck, "%s", cs[i].deck);
		c->created = cs[i].created;
		c->updated = cs[i].updated;
		case_facts(dk, c, &w.r);
		for (size_t k = keep; k < w.n; k++) {	/* the case as it was sent */
			sodium_memzero(w.v[k].data, w.v[k].len);
			free(w.v[k].data);
		}
		c->rec = w.v;
		c->nrec = keep;
		w.v = NULL;
		w.n = 0;
		raw_free(&w);
	}
	free(cs);
	return rc;
}

/* Writes text to path as a new file (fsx.h's FSX_NEW), 0600. An exit
 * code; nothing is left behind on error. */
static int write_atomic(const char *path, const char *text, size_t len)
{
	char err[256];
	int rc = fsx_write(path, text, len, 0600, FSX_NEW, err, sizeof err);
	if (rc == FSX_EXISTS)
		fprintf(stderr, "%s: error: the file exists: choose another name (a bundle is never "
			"written over another, which may not have reached the office yet)\n", path);
	else if (rc != FSX_OK)
		fprintf(stderr, "%s: error: cannot be written: %s\n", path, err);
	return rc == FSX_OK ? EXIT_OK : rc == FSX_EXISTS ? EXIT_INPUT : EXIT_RUNTIME;
}

/* Appends a "sent" record to every case of b, in one transaction. An exit
 * code. */
static int mark_sent(struct store *st, const struct bundle *b, const char *fp)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	struct record r = { .ms = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000,
			    .event = REC_SENT, .id = (char *)fp, .old = "", .new = "" };
	char *text = record_format(&r), err[256];
	const char **ids = xcalloc(b->n + 1, sizeof *ids);
	for (size_t i = 0; i < b->n; i++)
		ids[i] = b->cases[i].id;
	int rc = EXIT_OK;
	/* One transaction for all of them: linear in the cases, not quadratic. */
	if (store_append_each(st, ids, b->n, text, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: the cases were bundled but cannot be marked as "
			"sent (%s): the next bundle will hold them again\n", err);
		rc = EXIT_RUNTIME;
	}
	free(ids);
	free(text);
	return rc;
}

/* The bundle's text for the office key pub: a new string, or NULL. */
static char *seal_bundle(struct store *st, struct bundle *b, const struct keyfile_public *pub,
			 size_t *len)
{
	unsigned char pk[SEAL_SIGN_PUBLIC];
	unsigned char *sk = sodium_malloc(SEAL_SIGN_SECRET);
	char err[256];
	char *text = NULL;
	if (!sk || store_signing_key(st, pk, sk, err, sizeof err) < 0)
		fprintf(stderr, "tipscreen: error: %s\n", sk ? err : "out of memory");
	else if (!(text = bundle_make(b, pub->box, sk, len, err, sizeof err)))
		fprintf(stderr, "tipscreen: error: %s\n", err);
	sodium_free(sk);
	return text;
}

static const int end_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };

static int bundle_store(const struct cmd_ctx *c, const struct cmd_bundle_opts *o, struct store *st,
			const struct deck *dk, const struct keyfile_public *pub, const char *fp)
{
	struct bundle b = { 0 };
	if (gethostname(b.device, sizeof b.device) != 0)
		snprintf(b.device, sizeof b.device, "laptop");
	b.device[sizeof b.device - 1] = '\0';
	for (char *p = b.device; *p; p++)
		if (*p < 0x20 || *p > 0x7E)
			*p = '?';
	b.time = (long long)time(NULL);
	if (gather(o->all, st, dk, &b) < 0) {
		bundle_free(&b);
		return EXIT_RUNTIME;
	}
	if (b.n == 0) {
		fprintf(stderr, "tipscreen: error: no completed case to send%s: no bundle written\n",
			o->all ? "" : " that was not sent already (--all sends them again)");
		bundle_free(&b);
		return EXIT_RUNTIME;
	}
	size_t len;
	char *text = seal_bundle(st, &b, pub, &len);
	/* Ctrl-C or a kill waits until the file is whole (or gone) and its
	 * cases are marked: never a temporary file left on the stick. */
	sigset_t ends, old;
	sigemptyset(&ends);
	for (size_t i = 0; i < sizeof end_signals / sizeof end_signals[0]; i++)
		sigaddset(&ends, end_signals[i]);
	sigprocmask(SIG_BLOCK, &ends, &old);
	int rc = text ? write_atomic(o->output, text, len) : EXIT_RUNTIME;
	if (rc == EXIT_OK)
		rc = mark_sent(st, &b, fp);
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (rc == EXIT_OK)
		fprintf(c->out, "Wrote %s: %zu case%s, signed by this laptop and sealed to the office "
			"key %s. Carry it to the office; the cases are marked as sent.\n", o->output, b.n,
			b.n == 1 ? "" : "s", fp);
	free(text);
	bundle_free(&b);
	return rc;
}

int cmd_bundle(const struct cmd_ctx *c, const struct cmd_bundle_opts *o)
{
	if (!o->to || !o->output) {
		fputs("tipscreen: error: bundle needs --to OFFICE.pub and -o FILE\n", stderr);
		return EXIT_INPUT;
	}
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	struct keyfile_public pub;
	char err[512], fp[SEAL_FINGERPRINT];
	if (keyfile_open_public(o->to, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_INPUT;
	}
	keyfile_fingerprint(&pub, fp);
	fprintf(stderr, "tipscreen: sealing to the office key %s: check it with the office.\n", fp);
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk)
		return EXIT_INPUT;
	struct store *st;
	int rc = cmd_open_store_noted(&o->store, &st);
	if (rc == EXIT_OK) {
		rc = bundle_store(c, o, st, dk, &pub, fp);
		if (rc == EXIT_OK)
			cmd_enrol_first(c->out, st, &pub);
		store_close(st);
	}
	deck_free(dk);
	return rc;
}

/* ---- receipt ---------------------------------------------------------- */

/* Whether the case as it is now is the one the office confirmed: the
 * entry's records hash alike, and nothing but "sent" records came after. */
static bool confirmed(const struct raw *w, const struct receipt_entry *e)
{
	long long sent;
	size_t keep = before_sent(&w->r, &sent);
	if (keep == w->n || (long long)keep != e->records)
		return false;
	unsigned char h[BUNDLE_HASH];
	bundle_case_hash(e->id, w->v, keep, h);
	return sodium_memcmp(h, e->hash, sizeof h) == 0;
}

/* Opens FILE against the office key of --to (whose fingerprint goes to
 * fp): an exit code. */
static int open_receipt(const char *to, const char *file, struct receipt *r,
			char fp[SEAL_FINGERPRINT])
{
	struct keyfile_public pub;
	char err[512];
	if (!to) {
		fputs("tipscreen: error: receipt needs the office's public key: --to OFFICE.pub\n", stderr);
		return EXIT_INPUT;
	}
	if (keyfile_open_public(to, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_INPUT;
	}
	if (!pub.has_sign) {
		fprintf(stderr, "%s: error: an office key of the first format, without a signing key: "
			"it cannot sign receipts (make a new one with `tipscreen keygen`)\n", to);
		return EXIT_INPUT;
	}
	keyfile_fingerprint(&pub, fp);
	size_t len;
	char *text = cmd_slurp(file, &len);
	if (!text)
		return EXIT_INPUT;
	int rc = receipt_open(text, len, pub.sign, r, err, sizeof err);
	free(text);
	if (rc < 0) {
		fprintf(stderr, "%s:%s%s\n", file, *err >= '0' && *err <= '9' ? "" : " ", err);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Asks before deleting, unless --yes: 1 to go on, 0 if the user says no,
 * -1 with no terminal to ask on. */
static int agree(bool yes_given, size_t n)
{
	if (yes_given)
		return 1;
	char question[80];
	snprintf(question, sizeof question, "Delete these %zu case%s from this laptop for good?", n,
		 n == 1 ? "" : "s");
	int yes = cmd_confirm_delete(question);
	if (yes < 0)
		fputs("tipscreen: error: no terminal to confirm the deletion on: use --yes\n", stderr);
	return yes;
}

/* Lists what the receipt confirms on out; *ok receives the confirmed ids
 * (a new array, *nok long). */
static int check_entries(FILE *out, struct store *st, const struct receipt *r,
			 char (**ok)[STORE_ID_LEN + 1], size_t *nok)
{
	*ok = xcalloc(r->n + 1, sizeof **ok);
	*nok = 0;
	for (size_t i = 0; i < r->n; i++) {
		const struct receipt_entry *e = &r->v[i];
		struct store_case info;
		char err[256];
		struct raw w;
		int k = store_case_info(st, e->id, &info, err, sizeof err);
		if (k == 1) {
			fprintf(out, "%s  not on this laptop (deleted already?)\n", e->id);
		} else if (k < 0 || raw_load(st, e->id, &w) < 0) {
			fprintf(out, "%s  cannot be read here: kept\n", e->id);
		} else {
			bool yes = confirmed(&w, e);
			if (yes && *r->store_id)
				fprintf(out, "%s  stored by the office store %s (%s)\n", e->id,
					r->store_name, r->store_id);
			else
				fprintf(out, "%s  %s\n", e->id, yes ? "stored by the office" :
					"changed after it was sent, or not the version the office "
					"stored: kept");
			if (yes)
				snprintf((*ok)[(*nok)++], STORE_ID_LEN + 1, "%s", e->id);
			raw_free(&w);
		}
	}
	return EXIT_OK;
}

/* The receipt's laptop is this one: an exit code. */
static int for_this_laptop(struct store *st, const struct receipt *r, const char *file)
{
	unsigned char pk[SEAL_SIGN_PUBLIC];
	unsigned char *sk = sodium_malloc(SEAL_SIGN_SECRET);
	char err[256];
	int rc = sk && store_signing_key(st, pk, sk, err, sizeof err) == 0 ? EXIT_OK : EXIT_RUNTIME;
	sodium_free(sk);
	if (rc != EXIT_OK) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return rc;
	}
	if (sodium_memcmp(pk, r->laptop, sizeof pk) != 0) {
		char fp[SEAL_FINGERPRINT];
		seal_fingerprint(r->laptop, fp);
		fprintf(stderr, "%s:3: error: a receipt for another laptop (%s), not this one\n", file, fp);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Deletes the n confirmed cases ok, after asking unless yes_given. */
static int delete_confirmed(FILE *out, bool yes_given, struct store *st,
			    char (*ok)[STORE_ID_LEN + 1], size_t n)
{
	int yes = n ? agree(yes_given, n) : 0;
	if (yes <= 0)
		return yes < 0 ? EXIT_INPUT : EXIT_OK;
	int rc = EXIT_OK;
	for (size_t i = 0; i < n; i++) {
		char err[256];
		if (store_delete(st, ok[i], err, sizeof err) != 0) {
			fprintf(stderr, "tipscreen: error: case %s: %s\n", ok[i], err);
			rc = EXIT_RUNTIME;
		}
	}
	if (rc == EXIT_OK)
		fprintf(out, "Deleted %zu case%s from this laptop.\n", n, n == 1 ? "" : "s");
	return rc;
}

int cmd_receipt(const struct cmd_ctx *c, const struct cmd_receipt_opts *o, const char *file)
{
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	struct receipt r;
	char fp[SEAL_FINGERPRINT];
	int rc = open_receipt(o->to, file, &r, fp);
	if (rc != EXIT_OK)
		return rc;
	fprintf(c->out, "Signed by the office key %s: check it is the one written down.\n", fp);
	if (!*r.store_id)
		fputs("The receipt does not say which office store holds the cases (a receipt of an "
		      "older tipscreen).\n", c->out);
	struct store *st;
	if ((rc = cmd_open_store_noted(&o->store, &st)) != EXIT_OK) {
		receipt_free(&r);
		return rc;
	}
	char (*ok)[STORE_ID_LEN + 1] = NULL;
	size_t nok = 0;
	if ((rc = for_this_laptop(st, &r, file)) == EXIT_OK)
		rc = check_entries(c->out, st, &r, &ok, &nok);
	if (rc == EXIT_OK) {
		fprintf(c->out, "The office confirms %zu of the %zu case%s in the receipt.\n", nok, r.n,
			r.n == 1 ? "" : "s");
		if (o->del)
			rc = delete_confirmed(c->out, o->yes, st, ok, nok);
		else if (nok)
			fprintf(c->out, "`tipscreen receipt %s --to %s --delete` deletes them from this "
				"laptop.\n", file, o->to);
	}
	free(ok);
	store_close(st);
	receipt_free(&r);
	return rc;
}
