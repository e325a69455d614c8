/* mkreceipt: a test-only stand-in for the receipt `office import` writes,
 * so that tests/e2e/bundle.sh can check `tipscreen receipt` by itself:
 *   mkreceipt OFFICE.key PASSFILE BUNDLE [ID | old:ID]... > RECEIPT
 * opens the bundle with the office key (keyfile_open, bundle_open) and
 * confirms every case in it with receipt_make, but not the IDs given, and
 * for old:ID only the case's records but the last (as if the office held
 * an earlier version of it). Built by
 * the test script with cc; not part of tipscreen. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/receipt.h"

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

/* 1 if id is to be left out, 2 if to be confirmed in an older version. */
static int told(const char *id, int argc, char **argv)
{
	for (int i = 4; i < argc; i++)
		if (strcmp(argv[i], id) == 0)
			return 1;
		else if (strncmp(argv[i], "old:", 4) == 0 && strcmp(argv[i] + 4, id) == 0)
			return 2;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc < 4 || sodium_init() < 0)
		return 2;
	size_t len, plen;
	char *pass = slurp(argv[2], &plen), *text = slurp(argv[3], &len), err[512];
	if (!pass || !text)
		return 2;
	pass[strcspn(pass, "\r\n")] = '\0';
	struct keyfile_secret *k = keyfile_secret_new();
	struct bundle b;
	if (keyfile_open(argv[1], pass, k, err, sizeof err) != 0 ||
	    bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "mkreceipt: %s\n", err);
		return 2;
	}
	struct receipt_entry *v = calloc(b.n + 1, sizeof *v);
	size_t n = 0;
	for (size_t i = 0; i < b.n; i++) {
		int t = told(b.cases[i].id, argc, argv);
		if (t == 1)
			continue;
		size_t nrec = b.cases[i].nrec - (t == 2);
		memcpy(v[n].id, b.cases[i].id, sizeof v[n].id);
		v[n].records = (long long)nrec;
		bundle_case_hash(b.cases[i].id, b.cases[i].rec, nrec, v[n].hash);
		n++;
	}
	char *r = receipt_make(b.signer, "00000000000000000000000000000000", "test", v, n, 1796170000,
			       k->sign, &len);
	fwrite(r, 1, len, stdout);
	free(r);
	free(v);
	bundle_free(&b);
	keyfile_secret_free(k);
	free(text);
	free(pass);
	return 0;
}
