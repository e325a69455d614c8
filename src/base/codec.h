/* codec: the byte encodings the store and the bundle share. A 64-bit
 * number as 8 bytes, least significant first (the store's tails and
 * manifest, the key file's cost); and the length-prefixed line
 * "key LEN:BYTES\n" of the record and bundle formats, whose bytes may hold
 * anything, newlines included, as the length says where they end. */
#ifndef TIPSCREEN_CODEC_H
#define TIPSCREEN_CODEC_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The longest length (or number) on a line, in decimal digits. */
enum { CODEC_DIGITS = 18 };

void codec_put_u64(unsigned char *p, uint64_t v);
uint64_t codec_get_u64(const unsigned char *p);

/* Writes "key LEN:BYTES\n" to f. */
void codec_field_put(FILE *f, const char *key, const void *bytes, size_t len);

/* The length of "key LEN:BYTES\n" for len bytes, and the line written at
 * p (that many bytes, no NUL): the end of what was written. For a text
 * made in one exact allocation (a record, which holds a respondent's
 * answers, leaves no copies behind in freed memory). */
size_t codec_field_size(const char *key, size_t len);
char *codec_field_write(char *p, const char *key, const void *bytes, size_t len);

/* Reads "LEN:BYTES\n" at *p, before end: *s borrows the bytes, *len is
 * their count, and *p moves past the line end. -1 (nothing moved) if the
 * length has no digits or too many, or the input ends before the bytes
 * and their line end. */
int codec_value_take(const char **p, const char *end, const char **s, size_t *len);

/* Reads "key LEN:BYTES\n" at *p, before end, as codec_value_take; -1 (nothing
 * moved) also if the line is of another key. */
int codec_field_take(const char **p, const char *end, const char *key, const char **s,
		     size_t *len);

/* Decodes base64 (the standard alphabet, '=' padding, nothing else, the
 * unused bits zero: what sodium_base642bin's ORIGINAL variant accepts)
 * into out (cap bytes): 0 with *len, or -1 if it is not that or does not
 * fit. Fast, not constant-time: for public bytes only (a sealed box's
 * ciphertext), never for secrets, which go through sodium_base642bin. */
int codec_base64_decode(const char *in, size_t n, unsigned char *out, size_t cap, size_t *len);

#endif
