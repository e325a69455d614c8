/* mkseal: seals standard input to the fuzz harness's fixed office key
 * (crypto_box_seed_keypair over 32 bytes 'f', as fuzz_unseal.c) and writes
 * the armoured file `tipscreen export --seal-to` writes: signed with the
 * harness's fixed laptop key (32 bytes 'l') by default, or in the first,
 * unsigned format with the argument "1"; "whoami" prints that laptop's line
 * of a known-laptops list instead. Used only by make-seeds.sh to make
 * the sealed seeds of corpus/unseal/. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/seal.h"

int main(int argc, char **argv)
{
	static unsigned char in[1 << 20];
	size_t n = fread(in, 1, sizeof in, stdin);
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	unsigned char lpk[crypto_sign_PUBLICKEYBYTES], lsk[crypto_sign_SECRETKEYBYTES];
	unsigned char seed[32];
	if (sodium_init() < 0)
		return 1;
	memset(seed, 'f', sizeof seed);
	crypto_box_seed_keypair(pk, sk, seed);
	memset(seed, 'l', sizeof seed);
	crypto_sign_seed_keypair(lpk, lsk, seed);
	if (argc > 1 && strcmp(argv[1], "whoami") == 0) {
		char b[128];
		sodium_bin2base64(b, sizeof b, lpk, sizeof lpk, sodium_base64_VARIANT_ORIGINAL);
		printf("# known laptops\n%s fuzz laptop\n", b);
		return 0;
	}
	if (argc < 2 || strcmp(argv[1], "1") != 0) {
		size_t len;
		char *text = seal_make(in, n, "UTF-8", pk, lsk, &len);
		if (!text)
			return 1;
		fwrite(text, 1, len, stdout);
		free(text);
		return 0;
	}
	size_t clen = n + crypto_box_SEALBYTES;
	unsigned char *c = malloc(clen);
	size_t blen = sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL);
	char *b = malloc(blen);
	if (!c || !b)
		return 1;
	crypto_box_seal(c, in, n, pk);
	sodium_bin2base64(b, blen, c, clen, sodium_base64_VARIANT_ORIGINAL);
	printf("tipscreen-sealed-1\n%s\n", b);
	free(b);
	free(c);
	return 0;
}
