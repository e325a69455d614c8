/* officefill: N cases with an office's spreads, for `make bench`'s
 * `office stats` at tens of thousands of groups (tests/office/bench.sh).
 * The rows go through the office's own db layer with the office key, so
 * they carry their MACs and stats counts them; the values follow the
 * research's fill.sh "wide": 120 months, 6 roles, 6 outcomes, 8 places,
 * 6 lists of forms (some of two), 4 child states, 3 interpreters, 3 deck
 * versions. Not a test; nothing about a person (made-up rows).
 *   officefill OFFICE.KEY PASSFILE URL N */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "office/db.h"
#include "store/keyfile.h"

static const char *const outcome[] = { "consistent-adult", "consistent-child",
	"consistent-all-elements", "incomplete", "not-shown", "other" };
static const char *const child[] = { "yes", "no", "presumed", "unknown" };
static const char *const forms[][2] = { { "forced-labour", NULL }, { "sexual-exploitation", NULL },
	{ "forced-labour", "debt-bondage" }, { "forced-begging", NULL }, { "forced-marriage", NULL },
	{ "forced-criminality", "forced-labour" } };
static const char *const role[] = { "ngo", "labour", "police", "health", "border", "other" };
static const char *const place[] = { "office", "workplace", "border", "shelter", "health", "home",
	"street", "other" };
static const char *const interpreter[] = { "none", "professional", "informal" };
static const char *const deck[] = { "8f43edbc3f67", "1a2b3c4d5e6f", "77aa88bb99cc" };

struct fill {
	long n;
};

static int fill_tx(struct db *db, void *arg)
{
	const struct fill *f = arg;
	int rc = db_bundle_put(db, "fill", "fill", "d", "l", 1, "s");
	for (long n = 1; n <= f->n && rc == DB_OK; n++) {
		char id[24], month[8];
		snprintf(id, sizeof id, "c%ld", n);
		snprintf(month, sizeof month, "%04ld-%02ld", 2017 + (n / 7) % 10, 1 + n % 12);
		struct db_case c = { .id = id, .laptop = "l", .device = "d", .bundle = "fill",
				     .status = "complete", .deck = "deck", .created = "1",
				     .updated = "2", .nrec = "62", .hash = "h", .imported = "3" };
		facts_set(&c.facts, FACT_OUTCOME, outcome[(n / 5) % 6]);
		facts_set(&c.facts, FACT_CHILD, child[(n / 17) % 4]);
		for (int i = 0; i < 2; i++)
			if (forms[(n / 19) % 6][i])
				facts_set(&c.facts, FACT_FORM, forms[(n / 19) % 6][i]);
		facts_set(&c.facts, FACT_MONTH, month);
		facts_set(&c.facts, FACT_ROLE, role[(n / 3) % 6]);
		facts_set(&c.facts, FACT_PLACE, place[(n / 11) % 8]);
		facts_set(&c.facts, FACT_INTERPRETER, interpreter[(n / 13) % 3]);
		facts_set(&c.facts, FACT_DECK_VERSION, deck[(n / 23) % 3]);
		rc = db_case_put(db, &c, NULL);
		facts_free(&c.facts);
	}
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: officefill OFFICE.KEY PASSFILE URL N\n");
		return 2;
	}
	char pass[256] = "", err[512] = "";
	if (sodium_init() < 0)
		return 1;
	FILE *p = fopen(argv[2], "r");
	if (!p || !fgets(pass, sizeof pass, p)) {
		fprintf(stderr, "officefill: %s: cannot read\n", argv[2]);
		return 1;
	}
	fclose(p);
	pass[strcspn(pass, "\n")] = '\0';
	struct keyfile_secret *k = keyfile_secret_new();
	if (!k || keyfile_open(argv[1], pass, k, err, sizeof err) != 0) {
		fprintf(stderr, "officefill: %s\n", err);
		return 1;
	}
	struct db *db = db_open(argv[3], false, err, sizeof err);
	if (!db) {
		fprintf(stderr, "officefill: %s\n", err);
		return 1;
	}
	db_office_key(db, k->box);
	keyfile_secret_free(k);
	struct fill f = { atol(argv[4]) };
	int rc = db_check(db) == DB_OK ? db_transact(db, fill_tx, &f) : DB_ERROR;
	if (rc != DB_OK)
		fprintf(stderr, "officefill: %s\n", db_error(db));
	db_close(db);
	return rc == DB_OK ? 0 : 1;
}
