/* manifest: the case store's sealed state — its generation (counted up at
 * every commit) and, for every case, the hash of the case's key and tail
 * rows as the store last wrote them. The store seals it under its master
 * key at every commit, so a case row put back from an older copy, removed
 * or added behind its back no longer matches.
 *
 * Entries are kept sorted by case id. A struct manifest owns its array:
 * manifest_free. No I/O here: the store reads and writes the sealed bytes. */
#ifndef TIPSCREEN_MANIFEST_H
#define TIPSCREEN_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { MANIFEST_HASH = 32, MANIFEST_ID = 16 };

struct manifest_entry {
	char id[MANIFEST_ID + 1];
	unsigned char hash[MANIFEST_HASH];	/* all zeros: known to be damaged */
};

struct manifest {
	uint64_t gen;
	struct manifest_entry *v;
	size_t n;
};

/* The entry of id, or NULL. Borrowed, valid until the next change. */
struct manifest_entry *manifest_find(const struct manifest *m, const char *id);
/* Sets (adding it if missing) the hash of id. */
void manifest_set(struct manifest *m, const char *id, const unsigned char *hash);
/* Removes id; false if it was not there. */
bool manifest_remove(struct manifest *m, const char *id);

/* The hash of a case's rows: BLAKE2b-256 over id, key and tail. */
void manifest_hash(const char *id, const void *ckey, size_t klen, const void *tail, size_t tlen,
		   unsigned char *out);

/* Sealed bytes of m under key (32 bytes): a new buffer, *len its length. */
unsigned char *manifest_seal(const struct manifest *m, const unsigned char *key, size_t *len);
/* Opens sealed bytes into *m: 0, or -1 if they fail the integrity check. */
int manifest_open(const unsigned char *in, size_t len, const unsigned char *key, struct manifest *m);

/* A deep copy (dst's old contents are not freed). */
void manifest_copy(struct manifest *dst, const struct manifest *src);
void manifest_free(struct manifest *m);

#endif
