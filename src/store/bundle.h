/* bundle: many completed cases of one field laptop in one file, signed by
 * the laptop and sealed to the office (DESIGN §12), carried on a USB stick.
 *
 * The payload, before seal_make signs and seals it (charset "UTF-8"), is
 * one field a line, every value length prefixed (LEN:BYTES, as record.h's
 * format), so that any bytes come back exactly and nothing is ambiguous:
 *   tipscreen-bundle-2
 *   device 7:laptop3          the laptop's name (its key is the signer)
 *   time 1764349200           when the bundle was made (seconds)
 *   cases 2
 *   case 16:0123456789abcdef
 *   status 8:complete
 *   deck 64:…                 the deck identity the case was answered with
 *   created 1764340000
 *   updated 1764349000
 *   facts 10
 *   fact outcome 16:consistent-adult    one line per fact, and per value
 *   fact form 13:forced-labour          of a set-valued fact
 *   …
 *   records 31
 *   record 1 120:tipscreen-record-2…      seq, then the record's bytes
 *   …
 *   end 16:0123456789abcdef   closes the case
 * and after the last case "end-bundle". Anything else, a count that does
 * not match, a sequence that is not 1, 2, 3 …, a case twice, a bad id, a
 * fact name that is not a lowercase word ("deck-version") or a fact value
 * that is not printable ASCII is an error naming the line.
 *
 * The first format, "tipscreen-bundle-1" (release 2), is still read: it
 * has, instead of "facts N" and its lines, nine fixed lines "fact outcome",
 * "child", "flags", "forms", "month", "role", "place", "interpreter",
 * "deck-version" in that order, flags and forms comma-joined; they are
 * read as the facts outcome … deck-version, one "flag" or "form" fact per
 * comma-separated value.
 *
 * The facts are what the office's statistics count; which facts there are
 * is the facts table's (domain/facts.h), not this format's: a bundle
 * carries them as names and values. They are computed on the laptop when
 * the bundle is made (app/facts.h), so the office needs no deck; they are
 * signed with the records.
 *
 * Everything here is a pure function over buffers: bundle_open (and
 * bundle_parse, the payload alone, for the fuzzer) are the entry points for
 * untrusted input. A struct bundle owns all its arrays and buffers:
 * bundle_free. */
#ifndef TIPSCREEN_BUNDLE_H
#define TIPSCREEN_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>

#include "store/seal.h"

enum {
	BUNDLE_ID = 16,		/* case ids: 16 lowercase hex digits */
	BUNDLE_DECK = 64,	/* a deck identity: 64 hex digits */
	BUNDLE_NAME = 64,	/* the device's name, printable ASCII */
	BUNDLE_FACT_NAME = 32,	/* a fact's name: lowercase letters and '-' */
	BUNDLE_HASH = 32,	/* bundle_case_hash */
};

/* One fact of a case (domain/facts.h names them): both strings owned. */
struct bundle_fact {
	char *name;	/* "outcome", "form", … */
	char *value;	/* printable ASCII, any length */
};

struct bundle_record {
	long long seq;		/* 1, 2, 3 … in the case's order */
	char *data;		/* the record as the store keeps it (record.h), */
	size_t len;		/* len bytes and a NUL */
};

struct bundle_case {
	char id[BUNDLE_ID + 1];
	char status[16];	/* "complete" (`tipscreen bundle` sends no other;
				 * "open" is read too) */
	char deck[BUNDLE_DECK + 1];	/* "" for a case of the first store format */
	long long created, updated;	/* seconds */
	struct bundle_fact *fact;	/* in the order of the bundle */
	size_t nfact;
	struct bundle_record *rec;
	size_t nrec;
};

struct bundle {
	unsigned char signer[SEAL_SIGN_PUBLIC];	/* the laptop's key (bundle_open) */
	char fingerprint[SEAL_FINGERPRINT];	/* of signer (bundle_open) */
	char device[BUNDLE_NAME];
	long long time;
	struct bundle_case *cases;
	size_t n;
};

/* The payload of b (device, time, cases; signer and fingerprint are not
 * used), signed with sign_sk (SEAL_SIGN_SECRET bytes) and sealed to
 * office_pk (SEAL_BOX_PUBLIC): armoured text, a new string, *len its
 * length. NULL with err when b cannot be written (a bad id, a fact name
 * that is not a lowercase word, a fact value or device name that is not
 * printable ASCII, or a name too long). */
char *bundle_make(const struct bundle *b, const unsigned char *office_pk,
		  const unsigned char *sign_sk, size_t *len, char *err, size_t n);

/* Opens a bundle with the office's secret key (SEAL_BOX_SECRET): 0 with
 * *out filled (signer and fingerprint set); -1 with err (no file name in
 * it: the caller adds it; "LINE: …" when the payload is malformed) when it
 * is not a bundle, was sealed to another key, altered, unsigned, or
 * badly signed: nothing of it is then returned. Whether the signer is a
 * known laptop is the caller's to judge (seal_signer_find). */
int bundle_open(const char *text, size_t len, const unsigned char *office_sk, struct bundle *out,
		char *err, size_t n);

/* The payload alone (as bundle_open has unsealed it): 0, or -1 with err
 * "LINE: what was expected". signer and fingerprint are left zero. */
int bundle_parse(const char *payload, size_t len, struct bundle *out, char *err, size_t n);

void bundle_free(struct bundle *b);

/* The hash of a case's first n records (BLAKE2b-256 over the id and each
 * record's seq, length and bytes): what a receipt confirms, and what the
 * laptop compares with its own records before deleting a case. */
void bundle_case_hash(const char *id, const struct bundle_record *rec, size_t n,
		      unsigned char out[BUNDLE_HASH]);

#endif
