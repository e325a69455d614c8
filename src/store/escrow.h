/* escrow: a laptop's master key also sealed to its office's key, so that
 * a forgotten passphrase can be recovered by whoever holds the office key,
 * and by no one else (DESIGN §6, the last point); and the store's key log,
 * which records each enrolment and recovery.
 *
 * The escrow is the meta row "escrow" of the store (store_escrow.c):
 *   "TSE1" ‖ office box key (32) ‖ office signing key (32) ‖ has signing
 *   key (1) ‖ time enrolled (8, LE) ‖ crypto_box_seal("TSM1" ‖ master key)
 *   to the office box key (84) ‖ BLAKE2b-256 of all that, keyed with a
 *   subkey of the master key (32)
 * The office's keys are in the clear so that `recover` can say which office
 * a laptop was enrolled with before anything is opened; the keyed hash
 * makes a record that was swapped or altered (to show another office, or
 * to seal another key) fail once the master key is known. Sealing to the
 * office's public key needs no secret: only opening does.
 *
 * The key log is the meta row "keylog", sealed under another subkey of the
 * master key: lines "enrol TIME FINGERPRINT" and "recover TIME
 * FINGERPRINT", oldest first.
 *
 * Errors as store.h's: a message in err that names the store's directory
 * where it helps, never a secret. */
#ifndef TIPSCREEN_ESCROW_H
#define TIPSCREEN_ESCROW_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "store/keyfile.h"
#include "store/store.h"

/* What the escrow row says. */
struct escrow_info {
	struct keyfile_public office;	/* the office it is sealed to */
	time_t enrolled;		/* when */
	bool verified;			/* its keyed hash was checked (unlocked store) */
};

/* Whether the store is enrolled: 0 with *out, 1 when it never was, -1 with
 * err when the row is malformed, or (in an unlocked store) fails its check.
 * A locked store's row is only read (verified false). */
int escrow_info(struct store *s, struct escrow_info *out, char *err, size_t n);

/* Seals the unlocked store's master key to office and records it (the
 * escrow row, replacing one to another office, and an "enrol" line of the
 * key log) in one transaction: 0, or -1 with err. */
int escrow_enrol(struct store *s, const struct keyfile_public *office, char *err, size_t n);

/* Unlocks the store with the office's secret key instead of its
 * passphrase: 0 (the store is then unlocked, as by store_unlock); 1 when
 * the store was never enrolled; -1 with err when it is enrolled with
 * another office's key, or the escrow does not open or fails its check; -2
 * with err when the store itself cannot be loaded. Nothing is written. */
int escrow_open(struct store *s, const struct keyfile_secret *office, char *err, size_t n);

/* The key log of the unlocked store: a new string of lines (empty when
 * nothing was logged), or NULL with err when it fails its check. */
char *escrow_log(struct store *s, char *err, size_t n);

#endif
