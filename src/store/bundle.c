#include "store/bundle.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/codec.h"
#include "base/xalloc.h"

#define MAGIC "tipscreen-bundle-2"
#define MAGIC_1 "tipscreen-bundle-1"

/* The longest number on a line (seconds, counts, sequence numbers). */
enum { NUM_DIGITS = 18 };

/* The fact lines of the first format, in their order; a list fact's
 * values are comma-joined there, and each is read as one fact of the name
 * after the colon. */
static const char *const facts_1[] = {
	"outcome", "child", "flags:flag", "forms:form", "month", "role", "place", "interpreter",
	"deck-version",
};

static bool is_hex(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool is_printable(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
			return false;
	return true;
}

static bool fact_name_ok(const char *s, size_t len)
{
	if (len == 0 || len >= BUNDLE_FACT_NAME || s[0] == '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-'))
			return false;
	return true;
}

static bool id_ok(const char *s, size_t len)
{
	return len == BUNDLE_ID && is_hex(s, len);
}

static bool deck_ok(const char *s, size_t len)
{
	return len == 0 || (len == BUNDLE_DECK && is_hex(s, len));
}

static bool status_ok(const char *s, size_t len)
{
	return (len == 8 && memcmp(s, "complete", 8) == 0) || (len == 4 && memcmp(s, "open", 4) == 0);
}

/* ---- writing ------------------------------------------------------------ */

static void put_bytes(FILE *f, const char *key, const char *s, size_t len)
{
	codec_field_put(f, key, s, len);
}

static void put_str(FILE *f, const char *key, const char *s)
{
	put_bytes(f, key, s, strlen(s));
}

/* Why c cannot be written, or NULL. */
static const char *case_problem(const struct bundle_case *c)
{
	if (!id_ok(c->id, strlen(c->id)))
		return "a case id that is not 16 lowercase hex digits";
	if (!deck_ok(c->deck, strlen(c->deck)))
		return "a deck identity that is not 64 lowercase hex digits";
	if (!status_ok(c->status, strlen(c->status)))
		return "a status other than complete or open";
	for (size_t f = 0; f < c->nfact; f++)
		if (!fact_name_ok(c->fact[f].name, strlen(c->fact[f].name)) ||
		    !is_printable(c->fact[f].value, strlen(c->fact[f].value)))
			return "a fact whose name is not a lowercase word, or whose value is not "
			       "printable ASCII";
	for (size_t i = 0; i < c->nrec; i++)
		if (c->rec[i].seq != (long long)i + 1 || memchr(c->rec[i].data, '\0', c->rec[i].len))
			return "a record out of sequence, or holding a NUL byte";
	return NULL;
}

static void put_case(FILE *f, const struct bundle_case *c)
{
	put_str(f, "case", c->id);
	put_str(f, "status", c->status);
	put_str(f, "deck", c->deck);
	fprintf(f, "created %lld\nupdated %lld\n", c->created, c->updated);
	fprintf(f, "facts %zu\n", c->nfact);
	for (size_t k = 0; k < c->nfact; k++) {
		char key[BUNDLE_FACT_NAME + 8];
		snprintf(key, sizeof key, "fact %s", c->fact[k].name);
		put_str(f, key, c->fact[k].value);
	}
	fprintf(f, "records %zu\n", c->nrec);
	for (size_t i = 0; i < c->nrec; i++) {
		char key[32];
		snprintf(key, sizeof key, "record %lld", c->rec[i].seq);
		put_bytes(f, key, c->rec[i].data, c->rec[i].len);
	}
	put_str(f, "end", c->id);
}

/* The payload of b: a new buffer, *len its length; NULL with err. */
static char *payload(const struct bundle *b, size_t *len, char *err, size_t n)
{
	size_t dl = strnlen(b->device, BUNDLE_NAME);
	if (dl == BUNDLE_NAME || !is_printable(b->device, dl) || b->time < 0) {
		snprintf(err, n, "the device's name is not printable ASCII of at most %d characters",
			 BUNDLE_NAME - 1);
		return NULL;
	}
	for (size_t i = 0; i < b->n; i++) {
		const char *why = case_problem(&b->cases[i]);
		if (why) {
			snprintf(err, n, "case %zu has %s", i + 1, why);
			return NULL;
		}
	}
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	if (!f) {
		snprintf(err, n, "out of memory");
		return NULL;
	}
	fputs(MAGIC "\n", f);
	put_str(f, "device", b->device);
	fprintf(f, "time %lld\ncases %zu\n", b->time, b->n);
	for (size_t i = 0; i < b->n; i++)
		put_case(f, &b->cases[i]);
	fputs("end-bundle\n", f);
	fclose(f);
	return out;
}

char *bundle_make(const struct bundle *b, const unsigned char *office_pk,
		  const unsigned char *sign_sk, size_t *len, char *err, size_t n)
{
	size_t plen;
	char *p = payload(b, &plen, err, n);
	if (!p)
		return NULL;
	char *text = seal_make(p, plen, "UTF-8", office_pk, sign_sk, len);
	sodium_memzero(p, plen);
	free(p);
	if (!text)
		snprintf(err, n, "the bundle cannot be sealed");
	return text;
}

/* ---- reading ------------------------------------------------------------ */

/* A cursor over the payload (from start): a line number is counted only
 * for an error, at the place the cursor stopped. */
struct cur {
	const char *p, *end, *start;
	char *err;
	size_t n;
};

static int fail(struct cur *c, const char *what)
{
	int line = 1;
	for (const char *q = c->start; (q = memchr(q, '\n', (size_t)(c->p - q))); q++)
		line++;
	snprintf(c->err, c->n, "%d: expected %s", line, what);
	return -1;
}

/* The word key and a space. */
static int key(struct cur *c, const char *k)
{
	size_t kl = strlen(k);
	if ((size_t)(c->end - c->p) <= kl || memcmp(c->p, k, kl) != 0 || c->p[kl] != ' ')
		return -1;
	c->p += kl + 1;
	return 0;
}

/* Decimal digits (at most NUM_DIGITS, no sign) into *v. */
static int digits(struct cur *c, long long *v)
{
	const char *s = c->p;
	long long x = 0;
	while (c->p < c->end && *c->p >= '0' && *c->p <= '9' && c->p - s < NUM_DIGITS)
		x = x * 10 + (*c->p++ - '0');
	if (c->p == s || (c->p < c->end && *c->p >= '0' && *c->p <= '9'))
		return -1;
	*v = x;
	return 0;
}

static int eol(struct cur *c)
{
	if (c->p >= c->end || *c->p != '\n')
		return -1;
	c->p++;
	return 0;
}

/* "KEY NUM\n". */
static int num_line(struct cur *c, const char *k, long long *v, const char *what)
{
	if (key(c, k) < 0 || digits(c, v) < 0 || eol(c) < 0)
		return fail(c, what);
	return 0;
}

/* "LEN:BYTES\n" at the cursor (codec.h): *s borrows the bytes. */
static int value(struct cur *c, const char **s, size_t *len)
{
	return codec_value_take(&c->p, c->end, s, len);
}

/* "KEY LEN:BYTES\n" into out (size bytes, NUL-terminated), the value
 * passing ok. */
static int str_line(struct cur *c, const char *k, char *out, size_t size,
		    bool (*ok)(const char *, size_t), const char *what)
{
	const char *s;
	size_t len;
	const char *line = c->p;
	if (key(c, k) < 0 || value(c, &s, &len) < 0 || len >= size || !ok(s, len)) {
		c->p = line;
		return fail(c, what);
	}
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

static void add_fact(struct bundle_case *cs, size_t *cap, const char *name, const char *v,
		     size_t len)
{
	xgrow((void **)&cs->fact, cap, cs->nfact + 1, sizeof *cs->fact);
	cs->fact[cs->nfact++] = (struct bundle_fact){ xstrdup(name), xstrndup(v, len) };
}

static int fact_fail(struct cur *c, const char *name)
{
	char what[96];
	snprintf(what, sizeof what, "\"fact %s LEN:VALUE\", the value printable ASCII",
		 name ? name : "NAME");
	return fail(c, what);
}

/* "fact NAME LEN:VALUE\n" (name not given: any lowercase word). */
static int fact_line(struct cur *c, struct bundle_case *cs, size_t *cap, const char *name,
		     const char **v, size_t *len)
{
	const char *line = c->p;
	if (key(c, "fact") < 0)
		return fact_fail(c, name);
	const char *n = c->p;
	while (c->p < c->end && *c->p != ' ' && *c->p != '\n')
		c->p++;
	size_t nl = (size_t)(c->p - n);
	if (c->p >= c->end || *c->p != ' ' || !fact_name_ok(n, nl) ||
	    (name && (strlen(name) != nl || memcmp(n, name, nl) != 0)))
		return fact_fail(c, name);
	c->p++;
	if (value(c, v, len) < 0 || !is_printable(*v, *len)) {
		c->p = line;
		return fact_fail(c, name);
	}
	if (!name) {
		char *k = xstrndup(n, nl);
		add_fact(cs, cap, k, *v, *len);
		free(k);
	}
	return 0;
}

/* The facts of the current format: "facts N" and N fact lines. */
static int parse_facts(struct cur *c, struct bundle_case *cs)
{
	long long count;
	size_t cap = 0;
	const char *v;
	size_t len;
	if (num_line(c, "facts", &count, "\"facts N\"") < 0)
		return -1;
	for (long long i = 0; i < count; i++)
		if (fact_line(c, cs, &cap, NULL, &v, &len) < 0)
			return -1;
	return 0;
}

/* The nine fact lines of the first format. */
static int parse_facts_1(struct cur *c, struct bundle_case *cs)
{
	size_t cap = 0;
	for (size_t f = 0; f < sizeof facts_1 / sizeof facts_1[0]; f++) {
		char name[BUNDLE_FACT_NAME];
		const char *one = strchr(facts_1[f], ':'), *v;
		size_t len;
		snprintf(name, sizeof name, "%.*s", (int)strcspn(facts_1[f], ":"), facts_1[f]);
		if (fact_line(c, cs, &cap, name, &v, &len) < 0)
			return -1;
		if (!one) {
			add_fact(cs, &cap, name, v, len);
			continue;
		}
		for (const char *p = v, *end = v + len; p < end;) {
			const char *comma = memchr(p, ',', (size_t)(end - p));
			size_t n = comma ? (size_t)(comma - p) : (size_t)(end - p);
			if (n)
				add_fact(cs, &cap, one + 1, p, n);
			p += n + 1;
		}
	}
	return 0;
}

static bool name_ok(const char *s, size_t len)
{
	return len < BUNDLE_NAME && is_printable(s, len);
}

static int parse_records(struct cur *c, struct bundle_case *cs)
{
	long long count;
	if (num_line(c, "records", &count, "\"records N\"") < 0)
		return -1;
	size_t cap = 0;
	for (long long i = 0; i < count; i++) {
		long long seq;
		const char *s;
		size_t len;
		const char *line = c->p;
		if (key(c, "record") < 0 || digits(c, &seq) < 0 || c->p >= c->end || *c->p++ != ' ')
			return fail(c, "\"record SEQ LEN:BYTES\"");
		if (seq != i + 1)
			return fail(c, "the records' sequence numbers 1, 2, 3 … in order");
		if (value(c, &s, &len) < 0 || memchr(s, '\0', len)) {
			c->p = line;
			return fail(c, "a record's length, its bytes (no NUL) and a line end");
		}
		xgrow((void **)&cs->rec, &cap, cs->nrec + 1, sizeof *cs->rec);
		struct bundle_record *r = &cs->rec[cs->nrec++];
		r->seq = seq;
		r->data = xstrndup(s, len);
		r->len = len;
	}
	return 0;
}

static int parse_case(struct cur *c, struct bundle_case *cs, int version)
{
	if (str_line(c, "case", cs->id, sizeof cs->id, id_ok, "\"case 16:ID\", 16 lowercase hex digits") < 0 ||
	    str_line(c, "status", cs->status, sizeof cs->status, status_ok, "\"status\" complete or open") < 0 ||
	    str_line(c, "deck", cs->deck, sizeof cs->deck, deck_ok, "\"deck\" and 64 lowercase hex digits") < 0 ||
	    num_line(c, "created", &cs->created, "\"created SECONDS\"") < 0 ||
	    num_line(c, "updated", &cs->updated, "\"updated SECONDS\"") < 0)
		return -1;
	if ((version == 1 ? parse_facts_1(c, cs) : parse_facts(c, cs)) < 0)
		return -1;
	char end[BUNDLE_ID + 1];
	if (parse_records(c, cs) < 0)
		return -1;
	const char *line = c->p;
	if (str_line(c, "end", end, sizeof end, id_ok, "\"end\" and the case's id") < 0)
		return -1;
	if (strcmp(end, cs->id) != 0) {
		c->p = line;
		return fail(c, "\"end\" and the case's id");
	}
	return 0;
}

/* Whether id is among the first n cases of b. */
static bool seen(const struct bundle *b, const char *id, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(b->cases[i].id, id) == 0)
			return true;
	return false;
}

static int parse_all(struct cur *c, struct bundle *b)
{
	long long count;
	int version = 2;
	if (c->end - c->p >= (long)sizeof MAGIC_1 && memcmp(c->p, MAGIC_1 "\n", sizeof MAGIC_1) == 0)
		version = 1;
	else if (c->end - c->p < (long)sizeof MAGIC || memcmp(c->p, MAGIC "\n", sizeof MAGIC) != 0)
		return fail(c, "\"" MAGIC "\": this is not a bundle");
	c->p += sizeof MAGIC;
	if (str_line(c, "device", b->device, sizeof b->device, name_ok,
		     "\"device LEN:NAME\", printable ASCII") < 0 ||
	    num_line(c, "time", &b->time, "\"time SECONDS\"") < 0 ||
	    num_line(c, "cases", &count, "\"cases N\"") < 0)
		return -1;
	size_t cap = 0;
	for (long long i = 0; i < count; i++) {
		struct bundle_case cs = { 0 };
		const char *line = c->p;
		int rc = parse_case(c, &cs, version);
		xgrow((void **)&b->cases, &cap, b->n + 1, sizeof *b->cases);
		b->cases[b->n++] = cs;	/* bundle_free frees it, whole or not */
		if (rc < 0)
			return -1;
		if (seen(b, cs.id, b->n - 1)) {
			c->p = line;
			return fail(c, "each case once (this one is in the bundle twice)");
		}
	}
	if (c->end - c->p != (long)sizeof "end-bundle" || memcmp(c->p, "end-bundle\n", sizeof "end-bundle") != 0)
		return fail(c, "\"end-bundle\" after the last case, and nothing after it");
	return 0;
}

int bundle_parse(const char *payload, size_t len, struct bundle *out, char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	struct cur c = { payload, payload + len, payload, err, n };
	if (parse_all(&c, out) < 0) {
		bundle_free(out);
		return -1;
	}
	return 0;
}

int bundle_open(const char *text, size_t len, const unsigned char *office_sk, struct bundle *out,
		char *err, size_t n)
{
	memset(out, 0, sizeof *out);
	struct seal_opened so = { 0 };
	if (seal_open(text, len, office_sk, &so, err, n) < 0)
		return -1;
	int rc = -1;
	if (so.version != 2)
		snprintf(err, n, "the bundle is not signed: anyone with the office's public key could "
			 "have made it");
	else if (strcmp(so.charset, "UTF-8") != 0)
		snprintf(err, n, "not a bundle (a sealed export in %s)", so.charset);
	else
		rc = bundle_parse((const char *)so.payload, so.len, out, err, n);
	if (rc == 0) {
		memcpy(out->signer, so.signer, sizeof out->signer);
		seal_fingerprint(so.signer, out->fingerprint);
	}
	seal_opened_free(&so);
	return rc;
}

void bundle_free(struct bundle *b)
{
	for (size_t i = 0; i < b->n; i++) {
		struct bundle_case *c = &b->cases[i];
		for (size_t k = 0; k < c->nrec; k++) {
			sodium_memzero(c->rec[k].data, c->rec[k].len);
			free(c->rec[k].data);
		}
		free(c->rec);
		for (size_t k = 0; k < c->nfact; k++) {
			free(c->fact[k].name);
			free(c->fact[k].value);
		}
		free(c->fact);
	}
	free(b->cases);
	memset(b, 0, sizeof *b);
}

static void put_u64(crypto_generichash_state *st, uint64_t v)
{
	unsigned char b[8];
	codec_put_u64(b, v);
	crypto_generichash_update(st, b, sizeof b);
}

void bundle_case_hash(const char *id, const struct bundle_record *rec, size_t n,
		      unsigned char out[BUNDLE_HASH])
{
	static const char context[] = "tipscreen-case-1";
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, BUNDLE_HASH);
	crypto_generichash_update(&st, (const unsigned char *)context, sizeof context);
	crypto_generichash_update(&st, (const unsigned char *)id, strnlen(id, BUNDLE_ID));
	put_u64(&st, n);
	for (size_t i = 0; i < n; i++) {
		put_u64(&st, (uint64_t)rec[i].seq);
		put_u64(&st, rec[i].len);
		crypto_generichash_update(&st, (const unsigned char *)rec[i].data, rec[i].len);
	}
	crypto_generichash_final(&st, out, BUNDLE_HASH);
}
