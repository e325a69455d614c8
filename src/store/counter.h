/* counter: the generation of a case store as this laptop last saw it,
 * kept outside the data directory, so that a store put back from an older
 * copy (a whole-file rollback, or a WAL deleted after a crash) is noticed.
 *
 * One small file per store, $XDG_STATE_HOME/tipscreen/store-ID (else
 * ~/.local/state/tipscreen/store-ID; directories created with their
 * parents, 0700; the file 0600), ID derived from the store's master key so
 * that two data directories never share one. The file holds two slots
 * (written in turn, so a torn write leaves the other), each with the
 * generation and a MAC under a key derived from the master key: it cannot
 * be edited to match an older store, only deleted or put back whole.
 *
 * A struct counter owns its file descriptor and a copy of the MAC key
 * (sodium_malloc): counter_close (which syncs it). */
#ifndef TIPSCREEN_COUNTER_H
#define TIPSCREEN_COUNTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { COUNTER_ID_BYTES = 16, COUNTER_KEY_BYTES = 32 };

struct counter;

/* Opens (creating it when missing) the counter of store sid. *seen is the
 * highest generation recorded, 0 when the file is new or holds no valid
 * slot (*found false then). Returns 0, or -1 with err when no counter can
 * be kept (no HOME, a directory that cannot be created): *out is NULL. */
int counter_open(const unsigned char *sid, const unsigned char *key, struct counter **out,
		 uint64_t *seen, bool *found, char *err, size_t n);

/* Records generation gen (a no-op unless it is higher than the one
 * recorded). The write reaches the kernel at once, so it survives a kill
 * of the process; it reaches the disk at counter_sync or counter_close
 * (one sync per session, not one per answer). 0, or -1 if it failed. */
int counter_advance(struct counter *c, uint64_t gen);
/* Syncs what counter_advance wrote to the disk. */
int counter_sync(struct counter *c);

/* The counter file's path (borrowed, valid until counter_close). */
const char *counter_path(const struct counter *c);

void counter_close(struct counter *c);

#endif
