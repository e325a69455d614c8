/* bundle: many completed cases of one field laptop in one file, signed by
 * the laptop and sealed to the office (DESIGN §12), carried on a USB stick.
 *
 * The payload, before seal_make signs and seals it (charset "UTF-8"), is
 * one field a line, every value length prefixed (LEN:BYTES, as record.h's
 * format), so that any bytes come back exactly and nothing is ambiguous:
 *   tipscreen-bundle-1
 *   device 7:laptop3          the laptop's name (its key is the signer)
 *   time 1764349200           when the bundle was made (seconds)
 *   cases 2
 *   case 16:0123456789abcdef
 *   status 8:complete
 *   deck 64:…                 the deck identity the case was answered with
 *   created 1764340000
 *   updated 1764349000
 *   fact outcome 16:consistent-adult      (one "fact" line per fact, in
 *   …                                      the order of BUNDLE_FACTS)
 *   records 31
 *   record 1 120:tipscreen-record-2…      seq, then the record's bytes
 *   …
 *   end 16:0123456789abcdef   closes the case
 * and after the last case "end-bundle". Anything else, a count that does
 * not match, a sequence that is not 1, 2, 3 …, a case twice, a bad id or a
 * fact that is not printable ASCII is an error naming the line.
 *
 * The facts are what the office's statistics count. They are computed on
 * the laptop by the engine when the bundle is made (the case replayed with
 * its deck and assessed; role, place and interpreter are the answers of
 * setup.role, setup.place and setup.interpreter), so the office needs no
 * deck; they are signed with the records. A fact that cannot be known is
 * "unknown" (e.g. a case of another deck: its outcome is then the one its
 * assessment record kept).
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
	BUNDLE_FACT = 256,	/* one fact's value, printable ASCII */
	BUNDLE_HASH = 32,	/* bundle_case_hash */
};

/* The facts of a case, X(enum suffix, name on the "fact" line):
 * outcome: assess_outcome_name ("consistent-child", … "incomplete");
 * child: assess_child_name of the child status at the time of the act;
 * flags: the flags set, comma-separated names (assess_flag_name), "" none;
 * forms: the forms of exploitation, the purpose indicators answered yes
 *        (or intended), comma-separated ids without "purpose."
 *        ("forced-labour,servitude"), "" none;
 * month: the month the case was made, "2026-12" (UTC);
 * role, place: the choices of setup.role and setup.place ("ngo", "shelter");
 * interpreter: setting.interpreter ("none", "professional", "informal");
 * deck-version: the deck's version as its files name it, else its
 *        identity's first 12 hex digits. */
#define BUNDLE_FACTS(X) \
	X(OUTCOME, "outcome") \
	X(CHILD, "child") \
	X(FLAGS, "flags") \
	X(FORMS, "forms") \
	X(MONTH, "month") \
	X(ROLE, "role") \
	X(PLACE, "place") \
	X(INTERPRETER, "interpreter") \
	X(DECK_VERSION, "deck-version")

#define X_ENUM(e, name) BUNDLE_FACT_##e,
enum bundle_fact { BUNDLE_FACTS(X_ENUM) BUNDLE_NFACTS };
#undef X_ENUM

/* The fact's name ("outcome"). */
const char *bundle_fact_name(enum bundle_fact f);

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
	char fact[BUNDLE_NFACTS][BUNDLE_FACT];
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
 * length. NULL with err when b cannot be written (a bad id, a fact or
 * device name that is not printable ASCII, or too long). */
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
