/* The case commands: cases, export, delete, keygen and unseal. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../core/deck.h"
#include "../core/langs.h"
#include "../core/national.h"
#include "../core/report.h"
#include "../core/session.h"
#include "../core/stanza.h"
#include "../core/store.h"
#include "../core/text.h"
#include "../core/xalloc.h"
#include "cmd.h"

static void when(char *buf, size_t n, time_t t)
{
	strftime(buf, n, "%Y-%m-%d %H:%M", localtime(&t));
}

/* The outcome of a case so far, by replaying it; "damaged" when it fails
 * the integrity check. */
static const char *outcome_of(struct store *st, const struct deck *dk, const char *id)
{
	struct interview *iv = interview_new(dk);
	struct session ss;
	session_init(&ss, iv, st);
	struct assessment a;
	const char *why, *out = "damaged";
	if (session_resume(&ss, id) == 0 && interview_assess(iv, &a, &why) == 0)
		out = assess_outcome_name(a.outcome);
	interview_free(iv);
	return out;
}

int cmd_cases(const struct options *o)
{
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk)
		return EXIT_INPUT;
	struct store *st;
	int rc = cmd_open_store(o, &st);
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
		fprintf(o->out, "%-16s  %-16s  %-16s  %-8s  %s\n", "case", "started", "last change",
			"status", "outcome so far");
	}
	for (size_t i = 0; c && i < n; i++) {
		char a[32], b[32];
		when(a, sizeof a, c[i].created);
		when(b, sizeof b, c[i].updated);
		fprintf(o->out, "%-16s  %-16s  %-16s  %-8s  %s\n", c[i].id, a, b, c[i].status,
			outcome_of(st, dk, c[i].id));
	}
	free(c);
	store_close(st);
	deck_free(dk);
	return rc;
}

static int check_id(const char *id)
{
	if (store_id_valid(id))
		return 0;
	fprintf(stderr, "tipscreen: error: '%s' is not a case id: expected 16 hex digits, as `tipscreen cases` lists them\n", id);
	return -1;
}

int cmd_delete(const struct options *o, const char *id)
{
	if (check_id(id) < 0)
		return EXIT_INPUT;
	struct store *st;
	int rc = cmd_open_store(o, &st);
	if (rc != EXIT_OK)
		return rc;
	char err[256];
	int r = store_delete(st, id, err, sizeof err);
	if (r == 0)
		fprintf(o->out, "Deleted case %s.\n", id);
	else if (r == 1)
		fprintf(stderr, "tipscreen: error: no case %s\n", id);
	else
		fprintf(stderr, "tipscreen: error: %s\n", err);
	store_close(st);
	return r == 0 ? EXIT_OK : r == 1 ? EXIT_INPUT : EXIT_RUNTIME;
}

/* ---- export ------------------------------------------------------------- */

/* The records of a case as parsed stanzas, for the paradata. */
struct events {
	struct stanza_file *v;
	size_t n;
};

static int collect(void *ctx, const char *record)
{
	struct events *e = ctx;
	struct diags d = { 0 };
	e->v = xrealloc(e->v, (e->n + 1) * sizeof *e->v);
	int rc = stanza_parse("record", record, strlen(record), &e->v[e->n++], &d);
	diags_free(&d);
	return rc;
}

static const char *ev_get(const struct stanza_file *f, const char *k)
{
	const struct field *fl = f->n ? stanza_get(&f->s[0], k) : NULL;
	return fl ? fl->value : "";
}

/* A CSV field: quoted, and a leading = + - @ (a spreadsheet formula) made
 * inert with an apostrophe. */
static void csv_field(FILE *out, const char *s)
{
	char *clean = text_sanitize(s);
	fputc('"', out);
	if (strchr("=+-@\t\r", clean[0]) && clean[0])
		fputc('\'', out);
	for (const char *p = clean; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p == '\n' ? ' ' : *p, out);
	}
	fputc('"', out);
	free(clean);
}

/* Seconds on each screen: from its "at" to the next "at". */
static void time_on_screens(FILE *out, const struct events *e)
{
	fputs("  \"seconds_per_screen\": [", out);
	bool first = true;
	for (size_t i = 0; i < e->n; i++) {
		if (strcmp(ev_get(&e->v[i], "event"), "at") != 0)
			continue;
		double t0 = atof(ev_get(&e->v[i], "t")), t1 = t0;
		for (size_t j = i + 1; j < e->n; j++)
			if (strcmp(ev_get(&e->v[j], "event"), "at") == 0 ||
			    strcmp(ev_get(&e->v[j], "event"), "finish") == 0) {
				t1 = atof(ev_get(&e->v[j], "t"));
				break;
			}
		fprintf(out, "%s{\"screen\": ", first ? "" : ", ");
		report_json_string(out, ev_get(&e->v[i], "id"));
		fprintf(out, ", \"seconds\": %.1f}", t1 - t0);
		first = false;
	}
	fputs("],\n", out);
}

static void export_json(FILE *out, const char *id, const struct interview *iv,
			const struct assessment *a, const struct events *e)
{
	const struct deck *dk = interview_deck(iv);
	fputs("{\n  \"case\": ", out);
	report_json_string(out, id);
	fputs(",\n  \"assessment\": ", out);
	report_json(out, a);
	fputs(",\n  \"answers\": {", out);
	bool first = true;
	for (size_t i = 0; i < dk->nslots; i++) {
		const struct answer *an = interview_get(iv, (int)i);
		if (an->kind == ANS_NONE || !interview_slot_on_path(iv, (int)i))
			continue;
		char *v = answer_format(dk, (int)i, an, true);
		fputs(first ? "" : ", ", out);
		report_json_string(out, dk->slots[i].id);
		fputs(": ", out);
		report_json_string(out, v);
		free(v);
		first = false;
	}
	fputs("},\n  \"notes\": {", out);
	first = true;
	for (size_t i = 0; i < dk->n; i++) {
		const char *note = interview_note(iv, (int)i);
		if (!note)
			continue;
		fputs(first ? "" : ", ", out);
		report_json_string(out, dk->s[i].id);
		fputs(": ", out);
		report_json_string(out, note);
		first = false;
	}
	fputs("},\n", out);
	time_on_screens(out, e);
	fputs("  \"paradata\": [\n", out);
	for (size_t i = 0; i < e->n; i++) {
		fputs("    {", out);
		static const char *const keys[] = { "t", "event", "id", "old", "new" };
		for (int k = 0; k < 5; k++) {
			fprintf(out, "%s\"%s\": ", k ? ", " : "", keys[k]);
			report_json_string(out, ev_get(&e->v[i], keys[k]));
		}
		fputs(i + 1 < e->n ? "},\n" : "}\n", out);
	}
	fputs("  ]\n}\n", out);
}

static void export_csv(FILE *out, const char *id, const struct events *e)
{
	fputs("case,seq,time,event,id,old,new\r\n", out);
	for (size_t i = 0; i < e->n; i++) {
		csv_field(out, id);
		fprintf(out, ",%zu,", i);
		static const char *const keys[] = { "t", "event", "id", "old", "new" };
		for (int k = 0; k < 5; k++) {
			csv_field(out, ev_get(&e->v[i], keys[k]));
			fputs(k < 4 ? "," : "\r\n", out);
		}
	}
}

static void export_txt(FILE *out, const char *id, const struct interview *iv,
		       const struct assessment *a, const struct events *e, int width,
		       const struct profile *law)
{
	struct assess_input in;
	interview_inputs(iv, &in);
	size_t nev;
	struct evidence *ev = report_evidence(iv, &nev);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	fprintf(mem, _("Case %s"), id);
	fputs("\n\n", mem);
	report_text(mem, a, &in, ev, nev, width);
	if (law)
		national_print(mem, law, &in, a, width);
	fprintf(mem, "\n%s\n", _("Changes, in order (time, event, question, old, new):"));
	for (size_t i = 0; i < e->n; i++)
		fprintf(mem, "  %s  %s  %s  %s  %s\n", ev_get(&e->v[i], "t"), ev_get(&e->v[i], "event"),
			ev_get(&e->v[i], "id"), ev_get(&e->v[i], "old"), ev_get(&e->v[i], "new"));
	fclose(mem);
	char *clean = text_sanitize(buf);
	fputs(clean, out);
	free(clean);
	free(buf);
	free(ev);
}

/* Reads a key file (one line of base64) into key (len bytes). */
static int read_key(const char *path, unsigned char *key, size_t len)
{
	FILE *f = fopen(path, "r");
	char line[256];
	size_t got = 0;
	int ok = f && fgets(line, sizeof line, f) &&
		 sodium_base642bin(key, len, line, strcspn(line, "\r\n"), NULL, &got, NULL,
				   sodium_base64_VARIANT_ORIGINAL) == 0 && got == len;
	if (f)
		fclose(f);
	if (!ok)
		fprintf(stderr, "%s:1: error: expected a key written by `tipscreen keygen`\n", path);
	return ok ? 0 : -1;
}

/* Writes data sealed to the public key in path, armoured as text. */
static int seal_out(FILE *out, const char *pubpath, const char *data, size_t len)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES];
	if (read_key(pubpath, pk, sizeof pk) < 0)
		return EXIT_INPUT;
	size_t clen = len + crypto_box_SEALBYTES;
	unsigned char *c = xmalloc(clen);
	crypto_box_seal(c, (const unsigned char *)data, len, pk);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *b = xmalloc(blen);
	sodium_bin2base64(b, blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	fprintf(out, "tipscreen-sealed-1\n%s\n", b);
	free(b);
	free(c);
	return EXIT_OK;
}

static int export_case(const struct options *o, struct store *st, struct deck *dk, const char *id,
		       const char *format, FILE *out)
{
	struct interview *iv = interview_new(dk);
	struct session ss;
	session_init(&ss, iv, st);
	struct events e = { 0 };
	char err[256];
	int rc = EXIT_OK;
	if (session_resume(&ss, id) < 0 || store_load(st, id, collect, &e, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", ss.err[0] ? ss.err : err);
		rc = EXIT_RUNTIME;
	} else {
		struct assessment a;
		const char *why;
		if (interview_assess(iv, &a, &why) < 0) {
			fprintf(stderr, "tipscreen: error: case %s: %s\n", id, why);
			rc = EXIT_RUNTIME;
		} else if (strcmp(format, "json") == 0) {
			export_json(out, id, iv, &a, &e);
		} else if (strcmp(format, "csv") == 0) {
			export_csv(out, id, &e);
		} else {
			struct profile *law;
			if ((rc = cmd_load_law(o, &law)) == EXIT_OK)
				export_txt(out, id, iv, &a, &e, o->width, law);
			cmd_free_law(law);
		}
	}
	for (size_t i = 0; i < e.n; i++)
		stanza_file_free(&e.v[i]);
	free(e.v);
	interview_free(iv);
	return rc;
}

/* The export in buf (UTF-8) converted to charset, characters it lacks
 * transliterated ("€" stays in CP1252, "“" becomes '"'). */
static int reencode(char **buf, size_t *len, const char *charset)
{
	char *conv = text_convert(*buf, "UTF-8", charset);
	if (!conv) {
		fprintf(stderr, "tipscreen: error: the export cannot be converted to %s\n", charset);
		return EXIT_RUNTIME;
	}
	sodium_memzero(*buf, *len);
	free(*buf);
	*buf = conv;
	*len = strlen(conv);
	return EXIT_OK;
}

int cmd_export(const struct options *o, const char *id)
{
	const char *format = o->format ? o->format : "json";
	if (strcmp(format, "json") && strcmp(format, "csv") && strcmp(format, "txt")) {
		fprintf(stderr, "tipscreen: error: --format takes json, csv or txt, not '%s'\n", format);
		return EXIT_INPUT;
	}
	bool encode = o->encoding && !text_is_utf8_charset(o->encoding);
	if (o->encoding && strcmp(format, "csv") != 0) {
		fprintf(stderr, "tipscreen: error: --encoding is for --format csv\n");
		return EXIT_INPUT;
	}
	if (encode && !text_charset_known(o->encoding)) {
		fprintf(stderr, "tipscreen: error: --encoding %s: not a charset iconv knows "
			"(try CP1252 or ISO-8859-1)\n", o->encoding);
		return EXIT_INPUT;
	}
	if (check_id(id) < 0)
		return EXIT_INPUT;
	struct langs l = { 0 };
	int lang, second;
	if (strcmp(format, "txt") == 0 && cmd_load_langs(o, &l, &lang, &second) != EXIT_OK)
		return EXIT_INPUT;
	struct deck *dk = cmd_load_deck(o->deck);
	if (!dk) {
		langs_free(&l);
		return EXIT_INPUT;
	}
	struct store *st;
	int rc = cmd_open_store(o, &st);
	if (rc == EXIT_OK) {
		char *buf = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);	/* never a plaintext temp file */
		rc = export_case(o, st, dk, id, format, mem);
		fclose(mem);
		if (rc == EXIT_OK && encode)
			rc = reencode(&buf, &len, o->encoding);
		/* Bytes in another charset go out as they are, not through the
		 * terminal's conversion. */
		FILE *out = encode ? stdout : o->out;
		if (rc == EXIT_OK)
			rc = o->seal_to ? seal_out(out, o->seal_to, buf, len)
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

/* ---- office keys ---------------------------------------------------------- */

static int write_key(const char *path, const unsigned char *key, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0) {
		int exists = errno == EEXIST;
		fprintf(stderr, "%s: error: %s%s\n", path, strerror(errno),
			exists ? " (a key is never overwritten)" : "");
		return exists ? -2 : -1;
	}
	char b[128];
	sodium_bin2base64(b, sizeof b, key, len, sodium_base64_VARIANT_ORIGINAL);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "%s\n", b);
	int rc = fflush(f) == 0 && fsync(fd) == 0 ? 0 : -1;
	fclose(f);
	sodium_memzero(b, sizeof b);
	return rc;
}

int cmd_keygen(const struct options *o, const char *name)
{
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	crypto_box_keypair(pk, sk);
	char *pub = xasprintf("%s.pub", name), *sec = xasprintf("%s.key", name);
	int w = write_key(sec, sk, sizeof sk, 0600);
	if (w == 0)
		w = write_key(pub, pk, sizeof pk, 0644);
	int rc = w == 0 ? EXIT_OK : w == -2 ? EXIT_INPUT : EXIT_RUNTIME;
	sodium_memzero(sk, sizeof sk);
	if (rc == EXIT_OK)
		fprintf(o->out, "Wrote %s (give it to the field laptops) and %s (keep it in the office, "
			"offline: it opens every sealed export).\n", pub, sec);
	free(pub);
	free(sec);
	return rc;
}

int cmd_unseal(const struct options *o, const char *file)
{
	if (sodium_init() < 0 || !o->key) {
		fputs("tipscreen: error: unseal needs --key OFFICE.key\n", stderr);
		return EXIT_INPUT;
	}
	unsigned char sk[crypto_box_SECRETKEYBYTES], pk[crypto_box_PUBLICKEYBYTES];
	if (read_key(o->key, sk, sizeof sk) < 0)
		return EXIT_INPUT;
	crypto_scalarmult_base(pk, sk);
	FILE *f = fopen(file, "r");
	char head[64];
	size_t cap = 1 << 24;
	char *b64 = xmalloc(cap);
	int rc = EXIT_INPUT;
	if (!f || !fgets(head, sizeof head, f) || strcmp(head, "tipscreen-sealed-1\n") != 0 ||
	    !fgets(b64, (int)cap, f)) {
		fprintf(stderr, "%s:1: error: expected a sealed export (tipscreen-sealed-1)\n", file);
	} else {
		size_t len = 0;
		unsigned char *c = xmalloc(cap);
		char *plain = NULL;
		if (sodium_base642bin(c, cap, b64, strcspn(b64, "\r\n"), NULL, &len, NULL,
				      sodium_base64_VARIANT_ORIGINAL) != 0 || len < crypto_box_SEALBYTES) {
			fprintf(stderr, "%s:2: error: the sealed data is damaged\n", file);
		} else {
			plain = xmalloc(len - crypto_box_SEALBYTES + 1);
			if (crypto_box_seal_open((unsigned char *)plain, c, len, pk, sk) != 0) {
				fprintf(stderr, "%s: error: not sealed to this key, or changed since\n", file);
			} else {
				fwrite(plain, 1, len - crypto_box_SEALBYTES, o->out);
				rc = EXIT_OK;
			}
		}
		free(plain);
		free(c);
	}
	if (f)
		fclose(f);
	free(b64);
	sodium_memzero(sk, sizeof sk);
	return rc;
}
