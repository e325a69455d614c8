/* mkbundle: test-only bundles for tests/office/run.sh and the benchmarks,
 * made from a real bundle that the laptops wrote:
 *   mkbundle OFFICE.key PASSFILE IN.bundle SEED MODE [N M] > OUT.bundle
 * opens IN with the office key and writes it again signed by the laptop
 * key of SEED (any text: the same seed is the same laptop), with
 *   same   every case as it is
 *   trim   every case without its last record (an earlier version)
 *   alter  every case with a byte of its last record changed (diverging)
 *   many   N copies of IN's first case under new ids, numbered from M
 *          (the benchmark's 100 cases a bundle)
 *   form   every case with one more form of exploitation, "servitude"
 *          (so that a case counts under two forms)
 *   answer every case with its last "yes" answer made "no" (diverging in
 *          an answer, for the side-by-side view of a conflict)
 *   forge  every case under IN's own id (not a new one), a byte of its
 *          last record changed: another laptop's forgery of IN's cases
 * (every case but a forged one under a new id: its first digit changed, so
 * that the remade cases do not meet IN's) and prints that laptop's key line (for --signer) on stderr. Built by the
 * test script with cc; not part of tipscreen. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bundle.h"
#include "store/keyfile.h"

/* The last answer record of c whose new value is "yes" made "no". */
static void answer_no(struct bundle_case *c)
{
	static const char yes[] = "\nnew 3:yes", event[] = "\nevent 6:answer\n";
	for (size_t i = c->nrec; i-- > 0;) {
		struct bundle_record *r = &c->rec[i];
		char *at = strstr(r->data, yes);
		if (!at || !strstr(r->data, event))
			continue;
		size_t head = (size_t)(at - r->data), tail = r->len - head - (sizeof yes - 1);
		char *d = malloc(r->len + 1);
		memcpy(d, r->data, head);
		memcpy(d + head, "\nnew 2:no", 9);
		memcpy(d + head + 9, at + sizeof yes - 1, tail + 1);
		free(r->data);
		r->data = d;
		r->len = head + 9 + tail;
		return;
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *buf = malloc(64 << 20);
	*len = fread(buf, 1, (64 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

static void many(struct bundle *b, long n, long from)
{
	struct bundle_case *v = calloc((size_t)n, sizeof *v), *c0 = &b->cases[0];
	for (long i = 0; i < n; i++) {
		v[i] = *c0;
		snprintf(v[i].id, sizeof v[i].id, "%016lx", 0xb000000000000000ul + (unsigned long)(from + i));
		/* vary the facts so that the statistics have cells */
		static const char *const roles[] = { "ngo", "labour", "police", "health" };
		static const char *const months[] = { "2026-09", "2026-10", "2026-11", "2026-12" };
		v[i].fact = calloc(c0->nfact ? c0->nfact : 1, sizeof *v[i].fact);
		for (size_t f = 0; f < c0->nfact; f++) {
			const char *name = c0->fact[f].name, *val = c0->fact[f].value;
			if (strcmp(name, "role") == 0)
				val = roles[(from + i) % 4];
			else if (strcmp(name, "month") == 0)
				val = months[(from + i) / 7 % 4];
			v[i].fact[f] = (struct bundle_fact){ (char *)name, (char *)val };
		}
	}
	b->cases = v;	/* c0's records and strings are shared: this process exits after writing */
	b->n = (size_t)n;
}

int main(int argc, char **argv)
{
	if (argc < 6 || sodium_init() < 0)
		return 2;
	char pass[256] = "", err[256];
	FILE *pf = fopen(argv[2], "r");
	if (!pf || !fgets(pass, sizeof pass, pf))
		return 2;
	fclose(pf);
	pass[strcspn(pass, "\r\n")] = '\0';
	struct keyfile_secret *k = keyfile_secret_new();
	size_t len;
	char *text = slurp(argv[3], &len);
	struct bundle b;
	if (keyfile_open(argv[1], pass, k, err, sizeof err) < 0 || !text ||
	    bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "mkbundle: %s\n", err);
		return 1;
	}
	unsigned char seed[crypto_sign_SEEDBYTES], pk[crypto_sign_PUBLICKEYBYTES],
		sk[crypto_sign_SECRETKEYBYTES];
	crypto_generichash(seed, sizeof seed, (const unsigned char *)argv[4], strlen(argv[4]), NULL, 0);
	crypto_sign_seed_keypair(pk, sk, seed);
	const char *mode = argv[5];
	for (size_t i = 0; i < b.n; i++) {
		struct bundle_case *c = &b.cases[i];
		if (strcmp(mode, "forge") != 0)
			c->id[0] = c->id[0] == 'f' ? 'e' : 'f';
		if (strcmp(mode, "trim") == 0 && c->nrec > 1)
			c->nrec--;
		else if ((strcmp(mode, "alter") == 0 || strcmp(mode, "forge") == 0) && c->nrec > 0 &&
			 c->rec[c->nrec - 1].len > 0)
			c->rec[c->nrec - 1].data[c->rec[c->nrec - 1].len - 1] ^= 1;
		else if (strcmp(mode, "answer") == 0)
			answer_no(c);
		else if (strcmp(mode, "form") == 0) {
			c->fact = realloc(c->fact, (c->nfact + 1) * sizeof *c->fact);
			c->fact[c->nfact++] = (struct bundle_fact){ strdup("form"), strdup("servitude") };
		}
	}
	if (strcmp(mode, "many") == 0 && argc >= 8)
		many(&b, atol(argv[6]), atol(argv[7]));
	char *out = bundle_make(&b, k->pub.box, sk, &len, err, sizeof err);
	if (!out) {
		fprintf(stderr, "mkbundle: %s\n", err);
		return 1;
	}
	fwrite(out, 1, len, stdout);
	char b64[64];
	sodium_bin2base64(b64, sizeof b64, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
	fprintf(stderr, "%s %s\n", b64, argv[4]);
	return 0;
}
