/* mkresult: a test-only stand-in for the result `train --result` writes, so
 * that tests/e2e/schema.sh can give `trainer report` a result with any
 * payload (a field given twice, an unknown field):
 *   mkresult TRAINER.pub < PAYLOAD > RESULT
 * seals standard input to the trainer's key, signed with a key made for it
 * alone, as cmd/result.c does. Built by the test script with cc; not part
 * of tipscreen. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/keyfile.h"
#include "store/seal.h"

int main(int argc, char **argv)
{
	struct keyfile_public pub;
	char err[256];
	if (argc != 2 || sodium_init() < 0 || keyfile_open_public(argv[1], &pub, err, sizeof err) < 0) {
		fprintf(stderr, "usage: mkresult TRAINER.pub < PAYLOAD > RESULT\n");
		return 2;
	}
	static char buf[1 << 16];
	size_t len = fread(buf, 1, sizeof buf, stdin);
	unsigned char spk[SEAL_SIGN_PUBLIC], ssk[SEAL_SIGN_SECRET];
	crypto_sign_keypair(spk, ssk);
	size_t n;
	char *sealed = seal_make(buf, len, "UTF-8", pub.box, ssk, &n);
	if (!sealed || fwrite(sealed, 1, n, stdout) != n)
		return 1;
	free(sealed);
	return 0;
}
