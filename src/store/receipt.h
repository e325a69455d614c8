/* receipt: the office's signed word that it stored cases of a laptop's
 * bundle, so that the laptop may delete them (DESIGN §12).
 *
 * `office import` makes one with receipt_make, signed with the office's
 * Ed25519 key (keyfile.h: it lives, encrypted, in the office key file, and
 * its public half in OFFICE.pub); `tipscreen receipt FILE` on the laptop
 * checks it with receipt_open against OFFICE.pub. The text is plain ASCII,
 * nothing in it about a respondent (case ids are random):
 *   tipscreen-receipt-2
 *   office BASE64             the office's signing key
 *   laptop BASE64             the laptop the receipt is for (its signer)
 *   store HEX32 NAME          the office store that holds the cases: its
 *                             random id and its name ([A-Za-z0-9._-], 1-64)
 *   time 1764349200
 *   case 0123456789abcdef 31 HEX64   id, records stored, bundle_case_hash
 *   …
 *   signature BASE64          Ed25519 over "tipscreen-receipt-2\0" and
 *                             every byte before this line
 * A receipt of the first format ("tipscreen-receipt-1", no store line,
 * signed over "tipscreen-receipt-1\0" …) is still read, its store empty.
 * A struct receipt owns its array: receipt_free. Pure functions over
 * buffers; receipt_open is the entry point for untrusted input. */
#ifndef TIPSCREEN_RECEIPT_H
#define TIPSCREEN_RECEIPT_H

#include <stddef.h>

#include "store/bundle.h"
#include "store/seal.h"

struct receipt_entry {
	char id[BUNDLE_ID + 1];
	long long records;	/* how many of the case's records the office holds */
	unsigned char hash[BUNDLE_HASH];	/* bundle_case_hash of those records */
};

enum { RECEIPT_STORE_ID = 32, RECEIPT_STORE_NAME = 64 };

struct receipt {
	unsigned char office[SEAL_SIGN_PUBLIC];
	unsigned char laptop[SEAL_SIGN_PUBLIC];
	char store_id[RECEIPT_STORE_ID + 1];	/* "" in a receipt of the first format */
	char store_name[RECEIPT_STORE_NAME + 1];
	long long time;
	struct receipt_entry *v;
	size_t n;
};

/* The receipt of v (n entries) for laptop (SEAL_SIGN_PUBLIC, the bundle's
 * signer) from the store of store_id and store_name, signed with
 * office_sign_sk (SEAL_SIGN_SECRET): a new string, *len its length; NULL
 * if an id is not 16 lowercase hex digits, or the store's id or name is
 * not of the form above. */
char *receipt_make(const unsigned char *laptop, const char *store_id, const char *store_name,
		   const struct receipt_entry *v, size_t n, long long time,
		   const unsigned char *office_sign_sk, size_t *len);

/* Checks and reads a receipt: 0 with *out; -1 with err ("LINE: …", no file
 * name) when it is malformed, truncated, signed by another key than
 * office_sign_pk, or altered. */
int receipt_open(const char *text, size_t len, const unsigned char *office_sign_pk,
		 struct receipt *out, char *err, size_t n);

void receipt_free(struct receipt *r);

#endif
