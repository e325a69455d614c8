/* The case commands: cases, export and delete (the office's keygen, whoami
 * and unseal are in office.c). */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/csv.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/deck.h"
#include "domain/langs.h"
#include "domain/report.h"
#include "store/record.h"
#include "store/store.h"
#include "app/caseexport.h"
#include "app/session.h"
#include "app/view.h"
#include "cmd/cmd.h"

static void when(char *buf, size_t n, time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm) || !strftime(buf, n, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, n, "?");
}

int cmd_open_store_noted(const struct cmd_store_opts *o, struct store **out)
{
	int rc = cmd_open_store(o, out);
	char *notice = rc == EXIT_OK ? store_notice(*out) : NULL;
	if (notice)
		fprintf(stderr, "tipscreen: warning: %s\n", notice);
	free(notice);
	return rc;
}

/* A case that a deck can no longer replay: one answered with another deck. */
static bool other_deck(const struct store_case *c, const struct deck *dk)
{
	return caseexport_other_deck(c, dk);
}

/* The outcome recorded when the case finished (its assessment record), or
 * NULL. Borrowed from r. */
static const char *recorded_outcome(const struct records *r)
{
	for (size_t i = r->n; i-- > 0;)
		if (r->v[i].event == REC_ASSESSMENT)
			return r->v[i].id;
	return NULL;
}

/* When the case was last sent to the office (`tipscreen bundle`), after
 * its outcome: "  (sent 2026-12-01 23:40)", ", changed since" when records
 * other than "sent" came after; "" if it never was. */
static void sent_note(const struct records *r, char *buf, size_t n)
{
	size_t i = r->n;
	while (i > 0 && r->v[i - 1].event != REC_SENT)
		i--;
	*buf = '\0';
	if (i == 0)
		return;
	bool changed = false;
	for (size_t k = i; k < r->n; k++)
		changed |= r->v[k].event != REC_SENT;
	char t[32];
	when(t, sizeof t, (time_t)(r->v[i - 1].ms / 1000));
	snprintf(buf, n, "  (sent %s%s)", t, changed ? ", changed since" : "");
}

/* The outcome of a case so far, into buf: by replaying it with this deck;
 * "other deck" (and the outcome it had) when this deck cannot replay it;
 * "damaged" only when it fails the integrity check. Then sent_note. */
static void outcome_of(struct store *st, const struct deck *dk, const struct store_case *c,
		       char *buf, size_t n, char *stopped, size_t nstopped)
{
	*stopped = '\0';
	struct records r;
	char err[256];
	if (strcmp(c->status, "damaged") == 0 || records_load(st, c->id, &r, err, sizeof err) < 0) {
		snprintf(buf, n, "damaged");
		return;
	}
	struct interview *iv = interview_new(dk);
	struct assessment a;
	const char *why, *had = recorded_outcome(&r);
	if (!other_deck(c, dk) && session_replay(iv, c->id, &r) == 0 &&
	    interview_assess(iv, &a, &why) == 0) {
		snprintf(buf, n, "%s", assess_outcome_name(a.outcome));
		if (view_stopped_at(iv) >= 0)
			snprintf(stopped, nstopped, "%s", dk->s[view_stopped_at(iv)].id);
	} else {
		char *clean = text_sanitize(had ? had : "");
		snprintf(buf, n, "other deck%s%.60s", *clean ? ": " : "", clean);
		free(clean);
	}
	size_t used = strlen(buf);
	sent_note(&r, buf + used, n - used);
	interview_free(iv);
	records_free(&r);
}

int cmd_cases(const struct cmd_ctx *ctx, const struct cmd_store_opts *o)
{
	struct deck *dk = cmd_load_deck(ctx->deck);
	if (!dk)
		return EXIT_INPUT;
	struct store *st;
	int rc = cmd_open_store_noted(o, &st);
	if (rc != EXIT_OK) {
		deck_free(dk);
		return rc;
	}
	char err[256];
	size_t n;
	struct store_case *c = store_cases(st, &n, err, sizeof err);
	if (!c) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		rc = EXIT_RUNTIME;
	} else {
		fprintf(ctx->out, "%-16s  %-16s  %-16s  %-8s  %s\n", "case", "started", "last change",
			"status", "outcome so far");
	}
	/* Every field is the store's own: hex ids, dates, fixed words. */
	for (size_t i = 0; c && i < n; i++) {
		char a[32] = "-", b[32] = "-", out[128], stopped[64];
		if (strcmp(c[i].status, "damaged") != 0) {
			when(a, sizeof a, c[i].created);
			when(b, sizeof b, c[i].updated);
		}
		outcome_of(st, dk, &c[i], out, sizeof out, stopped, sizeof stopped);
		/* A stopped interview is finished but not complete: it says where. */
		if (*stopped && strcmp(c[i].status, "complete") == 0)
			fprintf(ctx->out, "%-16s  %-16s  %-16s  %-8s  %s  (stopped at %s)\n", c[i].id, a, b,
				"stopped", out, stopped);
		else
			fprintf(ctx->out, "%-16s  %-16s  %-16s  %-8s  %s\n", c[i].id, a, b, c[i].status,
				out);
	}
	free(c);
	store_close(st);
	deck_free(dk);
	return rc;
}

/* The shortest start of a case id taken for the whole, as git takes a
 * commit's. */
enum { ID_PREFIX_MIN = 4 };

static int check_id(const char *id)
{
	size_t n = strlen(id);
	if (n >= ID_PREFIX_MIN && n <= STORE_ID_LEN && strspn(id, "0123456789abcdef") == n)
		return 0;
	char *clean = text_sanitize(id);
	fprintf(stderr, "tipscreen: error: '%s' is not a case id: expected 16 hex digits, or the "
		"first %d or more of them, as `tipscreen cases` lists them\n", clean, ID_PREFIX_MIN);
	free(clean);
	return -1;
}

/* The case whose id begins with prefix (checked by check_id) into id:
 * EXIT_OK, or an exit code after saying that none or several do. */
static int resolve_id(struct store *st, const char *prefix, char id[STORE_ID_LEN + 1])
{
	char err[256];
	size_t n, found = 0, len = strlen(prefix);
	struct store_case *c = store_cases(st, &n, err, sizeof err);
	if (!c) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_RUNTIME;
	}
	for (size_t i = 0; i < n; i++)
		if (strncmp(c[i].id, prefix, len) == 0 && found++ == 0)
			snprintf(id, STORE_ID_LEN + 1, "%s", c[i].id);
	if (found > 1) {
		fprintf(stderr, "tipscreen: error: %zu cases begin with %s:", found, prefix);
		for (size_t i = 0; i < n; i++)
			if (strncmp(c[i].id, prefix, len) == 0)
				fprintf(stderr, " %s", c[i].id);
		fprintf(stderr, "; type more of the id\n");
	} else if (!found) {
		fprintf(stderr, len < STORE_ID_LEN ? "tipscreen: error: no case id begins with %s\n"
						   : "tipscreen: error: no case %s\n", prefix);
	}
	free(c);
	return found == 1 ? EXIT_OK : EXIT_INPUT;
}

/* A case never sent to the office (no "sent" record: no bundle holds it)
 * is lost for good when deleted: says so and, when the user is at a
 * terminal, asks first. Whether to go on. */
static bool never_sent_agreed(struct store *st, const char *id)
{
	struct records r;
	char err[256];
	if (records_load(st, id, &r, err, sizeof err) < 0)
		return true;	/* a damaged case: store_delete says what it can */
	bool sent = false;
	for (size_t i = 0; i < r.n; i++)
		sent |= r.v[i].event == REC_SENT;
	records_free(&r);
	if (sent)
		return true;
	fprintf(stderr, "tipscreen: warning: case %s was never sent to the office (`tipscreen "
		"bundle`): deleting it loses it for good\n", id);
	if (!isatty(STDIN_FILENO))
		return true;
	return cmd_confirm_delete("Delete it anyway?") == 1;
}

int cmd_confirm_delete(const char *question)
{
	FILE *tty = fopen("/dev/tty", "r+");
	if (!tty)
		return -1;
	fprintf(tty, "%s Type yes: ", question);
	fflush(tty);
	char line[16] = "";
	bool yes = fgets(line, sizeof line, tty) && strcmp(line, "yes\n") == 0;
	fclose(tty);
	if (!yes)
		fputs("tipscreen: nothing deleted.\n", stderr);
	return yes;
}

int cmd_delete(const struct cmd_ctx *c, const struct cmd_store_opts *o, const char *prefix)
{
	if (check_id(prefix) < 0)
		return EXIT_INPUT;
	struct store *st;
	int rc = cmd_open_store_noted(o, &st);
	if (rc != EXIT_OK)
		return rc;
	char id[STORE_ID_LEN + 1];
	if ((rc = resolve_id(st, prefix, id)) != EXIT_OK) {
		store_close(st);
		return rc;
	}
	if (!never_sent_agreed(st, id)) {
		store_close(st);
		return EXIT_OK;
	}
	char err[256];
	int r = store_delete(st, id, err, sizeof err);
	if (r == 0)
		fprintf(c->out, "Deleted case %s.\n", id);
	else if (r == 1)
		fprintf(stderr, "tipscreen: error: no case %s\n", id);
	else
		fprintf(stderr, "tipscreen: error: %s\n", err);
	store_close(st);
	return r == 0 ? EXIT_OK : r == 1 ? EXIT_INPUT : EXIT_RUNTIME;
}

/* ---- export ------------------------------------------------------------- */

static int export_csv(FILE *out, const struct caseexport *x, const char *charset)
{
	fputs("case,seq,time,event,id,old,new\r\n", out);
	for (size_t i = 0; i < x->r.n; i++) {
		const struct record *e = &x->r.v[i];
		char t[32];
		record_time(t, sizeof t, e->ms);
		const char *vals[] = { t, record_event_name(e->event), e->id, e->old, e->new };
		csv_field(out, x->id, charset, CSV_QUOTE_ALL);
		fprintf(out, ",%zu,", i);
		for (int k = 0; k < 5; k++) {
			if (csv_field(out, vals[k], charset, CSV_QUOTE_ALL) < 0)
				return -1;
			fputs(k < 4 ? "," : "\r\n", out);
		}
	}
	return 0;
}

/* Loads case id once; replays it when this deck can. An exit code. */
static int load_case(struct store *st, const struct deck *dk, const char *id, struct caseexport *x,
		     bool replay)
{
	char err[256];
	memset(x, 0, sizeof *x);
	x->id = id;
	int found = store_case_info(st, id, &x->info, err, sizeof err);
	if (found == 1)
		snprintf(err, sizeof err, "no case %s", id);
	if (found != 0 || records_load(st, id, &x->r, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return found == 1 ? EXIT_INPUT : EXIT_RUNTIME;
	}
	if (replay)
		caseexport_replay(x, dk);
	return EXIT_OK;
}

/* The case id in format (in charset for csv; txt under the law profile of
 * law, as in cmd_load_law) to out: an exit code. */
static int export_case(const struct cmd_ctx *c, const char *law_id, struct store *st,
		       struct deck *dk, const char *id, const char *format, const char *charset,
		       FILE *out)
{
	struct caseexport x;
	bool csv = strcmp(format, "csv") == 0;
	int rc = load_case(st, dk, id, &x, !csv);
	if (rc == EXIT_OK && csv && export_csv(out, &x, charset) < 0) {
		fprintf(stderr, "tipscreen: error: the export cannot be converted to %s\n", charset);
		rc = EXIT_RUNTIME;
	} else if (rc == EXIT_OK && strcmp(format, "json") == 0) {
		caseexport_json(out, &x);
	} else if (rc == EXIT_OK && !csv) {
		struct profile *law;
		if ((rc = cmd_load_law(c, law_id, &law)) == EXIT_OK)
			caseexport_txt(out, &x, c->width, law);
		cmd_free_law(law);
	}
	if (rc == EXIT_OK && !x.iv && !csv)
		fprintf(stderr, "tipscreen: case %s %s: exported from its records%s\n", id,
			other_deck(&x.info, dk) || !*x.info.deck
			? "was answered with another version of the deck"
			: "cannot be replayed or assessed with this deck",
			caseexport_recorded_assessment(&x.r) ? ", with the assessment it had" : "");
	caseexport_free(&x);
	return rc;
}

/* Checks --format and --encoding; *encode: the csv is to be converted. */
static int export_options(const char *encoding, const char *format, bool *encode)
{
	if (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "txt")) {
		char *f = text_sanitize(format);
		fprintf(stderr, "tipscreen: error: --format takes json, csv or txt, not '%s'\n", f);
		free(f);
		return EXIT_INPUT;
	}
	*encode = encoding && !text_is_utf8_charset(encoding);
	if (encoding && strcmp(format, "csv") != 0) {
		fprintf(stderr, "tipscreen: error: --encoding is for --format csv\n");
		return EXIT_INPUT;
	}
	if (*encode && !text_charset_known(encoding)) {
		char *e = text_sanitize(encoding);
		fprintf(stderr, "tipscreen: error: --encoding %s: not a charset iconv knows "
			"(try CP1252 or ISO-8859-1)\n", e);
		free(e);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

int cmd_export(const struct cmd_ctx *c, const struct cmd_export_opts *o, const char *prefix)
{
	const char *format = o->format ? o->format : "json";
	bool encode;
	int rc = export_options(o->encoding, format, &encode);
	if (rc != EXIT_OK || check_id(prefix) < 0)
		return rc != EXIT_OK ? rc : EXIT_INPUT;
	struct langs l = { 0 };
	int lang, second;
	if (strcmp(format, "txt") == 0 && cmd_load_langs(c, &o->lang, &l, &lang, &second) != EXIT_OK)
		return EXIT_INPUT;
	struct deck *dk = cmd_load_deck(c->deck);
	if (!dk) {
		langs_free(&l);
		return EXIT_INPUT;
	}
	struct store *st;
	rc = cmd_open_store_noted(&o->store, &st);
	char id[STORE_ID_LEN + 1];
	if (rc == EXIT_OK && (rc = resolve_id(st, prefix, id)) != EXIT_OK)
		store_close(st);
	if (rc == EXIT_OK) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);	/* never a plaintext temp file */
		rc = export_case(c, o->law, st, dk, id, format, encode ? o->encoding : NULL, mem);
		fclose(mem);
		/* Bytes in another charset go out as they are, not through the
		 * terminal's conversion. */
		FILE *out = encode ? stdout : c->out;
		if (rc == EXIT_OK)
			rc = o->seal_to ? cmd_seal_export(out, o->seal_to, st, buf, len,
							  encode ? o->encoding : "UTF-8")
					: (fwrite(buf, 1, len, out), EXIT_OK);
		sodium_memzero(buf, len);
		free(buf);
		store_close(st);
	}
	deck_free(dk);
	i18n_use(NULL);
	langs_free(&l);
	return rc;
}
