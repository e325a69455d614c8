/* mkseal: seals standard input to the fuzz harness's fixed office key
 * (crypto_box_seed_keypair over 32 bytes 'f', as fuzz_unseal.c) and writes
 * the armoured file `tipscreen export --seal-to` writes. Used only by
 * make-seeds.sh to make the sealed seeds of corpus/unseal/. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	static unsigned char in[1 << 20];
	size_t n = fread(in, 1, sizeof in, stdin);
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	unsigned char seed[crypto_box_SEEDBYTES];
	if (sodium_init() < 0)
		return 1;
	memset(seed, 'f', sizeof seed);
	crypto_box_seed_keypair(pk, sk, seed);
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
