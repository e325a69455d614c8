/* publish: a statistics export that cannot be differenced (DESIGN §12,
 * version 2). Each export is recorded in the store's append-only exports
 * table with its cells (what it showed, what it hid) and a digest of the
 * data it counted (the MACs of every case's row, in order). A new table
 * is first suppressed by kanon (small cells, complements within its
 * lines), then by disclose against every earlier export of the same data:
 * more of its cells, then its total, are hidden until no small count of
 * it, of an earlier table, or of the finest table their fields make is
 * given away by adding and subtracting all their shown numbers. Exports
 * of other data (before or after an import) are not compared: what an
 * import adds can be had by differencing two exports on either side of
 * it, when one of them shows it (README, Threat model).
 *
 * The cases' values come from the rows db_cases_check authenticated
 * (publish_take is its callback), mapped as stats.c's SQL maps them (a
 * missing value "none", the child status to its age group, a set-valued
 * fact as the set of its values). */
#ifndef TIPSCREEN_PUBLISH_H
#define TIPSCREEN_PUBLISH_H

#include <sodium.h>
#include <stdbool.h>
#include <stddef.h>

#include "domain/facts.h"
#include "office/db.h"
#include "office/intern.h"
#include "office/kanon.h"

/* A table of counts: the fields it counts by, each cell's values (ncell *
 * nby strings, owned) and count. */
struct publish_table {
	int by[FACT_COUNT];
	size_t nby;
	char **key;
	struct kanon_cell *cell;
	size_t ncell, cap;
	bool total_hidden;
};
void publish_table_free(struct publish_table *t);

/* The counted cases: FACT_COUNT values each, as codes of each fact's
 * distinct values (interned: a case costs no allocation), and the digest
 * of their rows' MACs so far. Owns its strings and arrays: publish_free. */
struct publish {
	struct intern value[FACT_COUNT];	/* each fact's distinct values */
	size_t *code;	/* code[c * FACT_COUNT + f]: case c's value of fact f */
	size_t n, cap;
	const char **scratch;	/* a set's values while publish_take joins them */
	size_t nscratch;
	char *joined;
	size_t njoined;
	crypto_generichash_state digest;
};
void publish_init(struct publish *p);
void publish_free(struct publish *p);
/* Case c's value of fact f (borrowed, valid until publish_free): a ONE
 * fact's, or a SET fact's values sorted, one a line ("" for none). */
const char *publish_value(const struct publish *p, size_t c, enum fact f);
/* db_cases_check's callback: takes one authenticated case. */
void publish_take(void *arg, const struct db_case *c);

/* Suppresses t (its cells' states not yet set) for k, against the
 * earlier exports of the same data, and records it with by (the --by
 * text), in the caller's transaction: a DB_ code. */
int publish_protect(struct db *db, struct publish *p, struct publish_table *t, long long k,
		    const char *by);

#endif
