/* review: a case's review states (review.h). */
#include "office/review.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *const states[] = { "received", "in-review", "has-issues", "approved",
				      "rejected" };
const char review_states_list[] = "received, in-review, has-issues, approved, rejected";

bool review_state_valid(const char *s)
{
	for (size_t i = 0; s && i < sizeof states / sizeof states[0]; i++)
		if (strcmp(s, states[i]) == 0)
			return true;
	return false;
}

enum { NFIELD = 6 };

/* The MAC (hex) of a step's fields, each length-prefixed, under the rows'
 * key. */
static void step_mac(const struct db *db, const char *const *field, char out[DB_HASH_HEX])
{
	static const char magic[] = "tipscreen-review-1";
	crypto_generichash_state st;
	crypto_generichash_init(&st, db->row_key, sizeof db->row_key, 32);
	crypto_generichash_update(&st, (const unsigned char *)magic, sizeof magic);
	for (int i = 0; i < NFIELD; i++) {
		unsigned long long n = strlen(field[i]);
		unsigned char len[8];
		for (int b = 0; b < 8; b++)
			len[b] = (unsigned char)(n >> (8 * b));
		crypto_generichash_update(&st, len, sizeof len);
		crypto_generichash_update(&st, (const unsigned char *)field[i], (size_t)n);
	}
	unsigned char h[32];
	crypto_generichash_final(&st, h, sizeof h);
	sodium_bin2hex(out, DB_HASH_HEX, h, sizeof h);
}

int review_add(struct db *db, const char *laptop, const char *id, const char *state,
	       const char *reviewer, const char *comment)
{
	if (!db->has_key) {
		snprintf(db->err, sizeof db->err, "a review needs the office key");
		return DB_ERROR;
	}
	char now[24], mac[DB_HASH_HEX];
	snprintf(now, sizeof now, "%lld", (long long)time(NULL));
	const char *p[] = { laptop, id, state, reviewer, comment, now, mac };
	step_mac(db, p, mac);
	return db_exec(db, "INSERT INTO reviews (laptop, case_id, state, reviewer, comment, at, mac) "
		       "VALUES ($1, $2, $3, $4, $5, $6, $7)", p, 7, NULL, NULL);
}

struct walk {
	struct db *db;
	const char *laptop, *id;
	void (*fn)(void *arg, const struct review_step *s);
	void *arg;
	int n;
};

static int each_step(void *arg, int ncol, const char *const *v)
{
	struct walk *w = arg;
	if (ncol < 5)
		return 0;
	for (int i = 0; i < 5; i++)
		if (!v[i])
			return 0;
	struct review_step s = { v[0], v[1], v[2], v[3], true };
	if (w->db->has_key) {
		const char *f[] = { w->laptop, w->id, v[0], v[1], v[2], v[3] };
		char mac[DB_HASH_HEX];
		step_mac(w->db, f, mac);
		s.ok = strlen(v[4]) == DB_HASH_HEX - 1 &&
		       sodium_memcmp(mac, v[4], DB_HASH_HEX - 1) == 0;
	}
	w->n++;
	if (w->fn)
		w->fn(w->arg, &s);
	return 0;
}

int review_history(struct db *db, const char *laptop, const char *id,
		   void (*fn)(void *arg, const struct review_step *s), void *arg)
{
	struct walk w = { db, laptop, id, fn, arg, 0 };
	const char *p[] = { laptop, id };
	int rc = db_exec(db, "SELECT state, reviewer, comment, at, mac FROM reviews WHERE laptop = "
			 "$1 AND case_id = $2 ORDER BY id", p, 2, each_step, &w);
	return rc < 0 ? rc : w.n;
}

int review_state(struct db *db, const char *laptop, const char *id, char out[16])
{
	const char *p[] = { laptop, id };
	int rc = db_value(db, "SELECT state FROM reviews WHERE laptop = $1 AND case_id = $2 ORDER "
			  "BY id DESC LIMIT 1", p, 2, out, 16);
	if (rc == 0)
		snprintf(out, 16, "received");
	return rc < 0 ? rc : 0;
}
