/* recovery: the notice `tipscreen recover` writes for the office's audit
 * log, signed by the laptop and sealed to the office (seal.h), carried back
 * with the office key; `office recovery` (office/recovery.h) reads it.
 *
 * The file is a first line "tipscreen-recovery-1", then a sealed export
 * (seal_make's two lines) whose payload is plain ASCII:
 *   tipscreen-recovery-1
 *   device laptop3            the laptop's name (printable, no spaces)
 *   time 1764349200           when the store was recovered
 *   enrolled 1764340000       when it had been enrolled
 *   cases 12                  how many cases the store held
 * Nothing in it about a respondent. Pure functions over buffers;
 * recovery_open is the entry point for untrusted input. */
#ifndef TIPSCREEN_RECOVERY_H
#define TIPSCREEN_RECOVERY_H

#include <stdbool.h>
#include <stddef.h>

#include "store/seal.h"

struct recovery {
	unsigned char laptop[SEAL_SIGN_PUBLIC];	/* who signed it */
	char device[64];
	long long time, enrolled, cases;
};

/* The notice of r, signed with the laptop's sign_sk and sealed to
 * office_pk: a new string, *len its length. r->laptop is not read. */
char *recovery_make(const struct recovery *r, const unsigned char *office_pk,
		    const unsigned char *sign_sk, size_t *len);

/* Whether text begins as a recovery notice does. */
bool recovery_is(const char *text, size_t len);

/* Opens a notice with the office's secret box key: 0 with *out, or -1 with
 * err (no file name) when it is not one, was sealed to another key, or was
 * altered. */
int recovery_open(const char *text, size_t len, const unsigned char *office_sk,
		  struct recovery *out, char *err, size_t n);

#endif
