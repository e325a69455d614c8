/* manifest: the case store's sealed state — its generation (counted up at
 * every commit) and, for every case, the hash of the case's key and tail
 * rows as the store last wrote them. The store seals it under its master
 * key at every commit, so a case row put back from an older copy, removed
 * or added behind its back no longer matches.
 *
 * So that a commit does not grow with the store, the entries are sealed in
 * MANIFEST_BUCKETS buckets by the first digits of the case id, and a small
 * sealed root holds the generation and the hash of every sealed bucket: a
 * commit re-seals the buckets it changed (marked in dirty) and the root.
 * A bucket put back from an older copy no longer matches the root's hash
 * of it; the root itself is bound to the generation, as the whole list
 * was. The state of the previous format (one sealed list, version 2) is
 * still read, to be re-sealed in buckets.
 *
 * Entries are kept sorted by case id, so a bucket's entries are
 * contiguous. A struct manifest owns its array: manifest_free. No I/O
 * here: the store reads and writes the sealed bytes. */
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

enum { MANIFEST_BUCKETS = 64 };

struct manifest {
	uint64_t gen;
	struct manifest_entry *v;
	size_t n;
	/* The hash of each bucket as last sealed; all zeros for an empty one,
	 * which has no sealed bytes. */
	unsigned char bucket[MANIFEST_BUCKETS][MANIFEST_HASH];
	uint64_t dirty;	/* bit b: bucket b changed since it was sealed */
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

/* The bucket of a case id (0 .. MANIFEST_BUCKETS - 1). */
int manifest_bucket_of(const char *id);

/* Seals bucket b of m under key (32 bytes) and records its hash in m: a
 * new buffer, *len its length; NULL (and a zero hash) for an empty bucket. */
unsigned char *manifest_seal_bucket(struct manifest *m, int b, const unsigned char *key,
				    size_t *len);
/* Sealed bytes of m's root (generation and bucket hashes): a new buffer. */
unsigned char *manifest_seal_root(const struct manifest *m, const unsigned char *key, size_t *len);

/* Opens a sealed root into *m (no entries yet): 3. Opens a whole state
 * of the previous format into *m, every non-empty bucket dirty: 2. -1 if
 * the bytes fail the integrity check. */
int manifest_open_root(const unsigned char *in, size_t len, const unsigned char *key,
		       struct manifest *m);
/* Opens sealed bucket b (in NULL, len 0: none stored) after the root and
 * buckets 0 .. b-1, appending its entries to m: -1 unless its hash is the
 * root's and every entry belongs to b, in order. */
int manifest_open_bucket(struct manifest *m, int b, const unsigned char *in, size_t len,
			 const unsigned char *key);

/* A deep copy (dst's old contents are not freed). */
void manifest_copy(struct manifest *dst, const struct manifest *src);
void manifest_free(struct manifest *m);

#endif
