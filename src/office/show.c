/* show: `office show ID` — a case opened from the sealed bundle the
 * office stored, audited, printed by the laptop's own renderer
 * (app/caseexport.h: the text export's case file, or the JSON export)
 * under the office's header (laptop, bundle, review history) — and
 * `office review ID`, a step of the case's review (review.h), audited.
 * A case is its laptop's: --laptop picks one when several laptops hold
 * the id. */
#include <pwd.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "base/xalloc.h"
#include "domain/lint.h"
#include "domain/report.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "app/caseexport.h"
#include "office/laptops.h"
#include "office/office.h"
#include "office/review.h"

/* The laptops (their column values) holding a case id. */
struct laptops {
	char **v;
	size_t n, cap;
};

static int take_laptop(void *arg, int ncol, const char *const *v)
{
	struct laptops *l = arg;
	if (ncol >= 1 && v[0]) {
		xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
		l->v[l->n++] = xstrdup(v[0]);
	}
	return 0;
}

static void laptops_free(struct laptops *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

int office_case_laptop(const struct office_ctx *o, struct db *db, const char *id, char **laptop)
{
	struct laptops l = { 0 };
	int found = db_case_laptops(db, id, take_laptop, &l);
	if (found < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		laptops_free(&l);
		return EXIT_RUNTIME;
	}
	size_t match = 0, at = 0;
	char fp[64], name[128];
	for (size_t i = 0; i < l.n && found >= 0; i++) {
		office_laptop_shown(l.v[i], fp, sizeof fp);
		found = laptops_name_of(db, l.v[i], name, sizeof name);
		if (found >= 0 && (!o->laptop || office_laptop_is(o->laptop, name, fp)))
			at = match++ ? at : i;
	}
	if (found < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		laptops_free(&l);
		return EXIT_RUNTIME;
	}
	int rc = EXIT_OK;
	if (match == 1) {
		*laptop = xstrdup(l.v[at]);
	} else if (match == 0) {
		fprintf(stderr, "tipscreen: error: no case %s%s in the office store (`tipscreen office "
			"cases` lists them)\n", id, o->laptop && l.n ? " of that laptop" : "");
		rc = EXIT_INPUT;
	} else {
		fprintf(stderr, "tipscreen: error: %zu laptops hold a case %s: give --laptop with one "
			"of:", match, id);
		for (size_t i = 0; i < l.n; i++) {
			office_laptop_shown(l.v[i], fp, sizeof fp);
			if (laptops_name_of(db, l.v[i], name, sizeof name) == 0 && *name)
				fprintf(stderr, " %s (%s)", name, fp);
			else
				fprintf(stderr, " %s", fp);
		}
		fputc('\n', stderr);
		rc = EXIT_INPUT;
	}
	laptops_free(&l);
	return rc;
}

/* Whether the row's laptop column names the key (its base64, or its
 * fingerprint in a row of a store before schema 3). */
static bool row_is_of(const char *column, const unsigned char *key)
{
	char b[OFFICE_LAPTOP], fp[SEAL_FINGERPRINT];
	office_laptop(key, b);
	seal_fingerprint(key, fp);
	return strcmp(column, b) == 0 || strcmp(column, fp) == 0;
}

size_t office_case_export(const struct bundle_case *c, struct caseexport *x)
{
	memset(x, 0, sizeof *x);
	x->id = c->id;
	snprintf(x->info.id, sizeof x->info.id, "%s", c->id);
	snprintf(x->info.status, sizeof x->info.status, "%s", c->status);
	snprintf(x->info.deck, sizeof x->info.deck, "%s", c->deck);
	x->info.created = (time_t)c->created;
	x->info.updated = (time_t)c->updated;
	x->info.records = (int)c->nrec;
	x->r.v = xcalloc(c->nrec + 1, sizeof *x->r.v);
	size_t bad = 0;
	for (size_t i = 0; i < c->nrec; i++) {
		if (record_parse(c->rec[i].data, &x->r.v[x->r.n]) < 0)
			bad++;
		else
			x->r.n++;
	}
	return bad;
}

struct history {
	FILE *out;
	bool json, first, broken;
};

static void print_step(void *arg, const struct review_step *s)
{
	struct history *h = arg;
	char d[32];
	h->broken |= !s->ok;
	if (h->json) {
		fputs(h->first ? "\n    " : ",\n    ", h->out);
		fputs("{\"state\": ", h->out);
		report_json_string(h->out, s->state);
		fputs(", \"reviewer\": ", h->out);
		report_json_string(h->out, s->reviewer);
		fputs(", \"comment\": ", h->out);
		report_json_string(h->out, s->comment);
		fprintf(h->out, ", \"at\": \"%s\", \"authentic\": %s}", office_date(s->at, d),
			s->ok ? "true" : "false");
	} else {
		char *r = office_clean(s->reviewer), *c = office_clean(s->comment);
		fprintf(h->out, "  %s  %-10s  by %s: %s%s\n", office_date(s->at, d), s->state, r, c,
			s->ok ? "" : "  (NOT AUTHENTIC: altered in the store)");
		free(r);
		free(c);
	}
	h->first = false;
}

/* The office's header of the text case file. */
static int print_header(const struct office_ctx *o, struct db *db, const struct db_case *s,
			const struct bundle *b, const struct bundle_case *c)
{
	char fp[SEAL_FINGERPRINT], d[32], state[16], name[128];
	seal_fingerprint(b->signer, fp);
	if (laptops_name_of(db, s->laptop, name, sizeof name) < 0)
		return -1;
	char *dev = office_clean(b->device);
	fprintf(o->out, "Office case file: case %s of laptop %s%s%s%s (device %s)\n", c->id, name,
		*name ? " (" : "", fp, *name ? ")" : "", dev);
	free(dev);
	fprintf(o->out, "Bundle %.16s, imported %s\n", s->bundle, office_date(s->imported, d));
	if (review_state(db, s->laptop, s->id, state) < 0)
		return -1;
	fprintf(o->out, "Review state: %s\n", state);
	struct history h = { o->out, false, true, false };
	if (review_history(db, s->laptop, s->id, print_step, &h) < 0)
		return -1;
	fputs("\n", o->out);
	return 0;
}

/* The JSON export with the office's part ("office": laptop, bundle,
 * review) as its last member. */
static int print_json(const struct office_ctx *o, struct db *db, const struct db_case *s,
		      const struct bundle *b, const struct caseexport *x)
{
	char *buf = NULL, fp[SEAL_FINGERPRINT], d[32], state[16];
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	caseexport_json(mem, x);
	fclose(mem);
	/* The export ends "\n}\n": the office's member goes before it. */
	if (len >= 3 && strcmp(buf + len - 3, "\n}\n") == 0)
		len -= 3;
	fwrite(buf, 1, len, o->out);
	sodium_memzero(buf, len);
	free(buf);
	seal_fingerprint(b->signer, fp);
	if (review_state(db, s->laptop, s->id, state) < 0)
		return -1;
	char name[128];
	if (laptops_name_of(db, s->laptop, name, sizeof name) < 0)
		return -1;
	fprintf(o->out, ",\n  \"office\": {\"laptop\": \"%s\", \"name\": ", fp);
	report_json_string(o->out, name);
	fputs(", \"device\": ", o->out);
	report_json_string(o->out, b->device);
	fprintf(o->out, ", \"bundle\": \"%s\", \"imported\": \"%s\", \"state\": \"%s\", "
		"\"review\": [", s->bundle, office_date(s->imported, d), state);
	struct history h = { o->out, true, true, false };
	if (review_history(db, s->laptop, s->id, print_step, &h) < 0)
		return -1;
	fputs(h.first ? "]}\n}\n" : "\n  ]}\n}\n", o->out);
	return 0;
}

/* Prints the case c of b (the stored row s) as format asks. */
static int print_case(const struct office_ctx *o, struct db *db, const struct db_case *s,
		      const struct bundle *b, const struct bundle_case *c, const struct deck *dk)
{
	struct caseexport x;
	size_t bad = office_case_export(c, &x);
	if (bad)
		fprintf(stderr, "tipscreen: warning: case %s: %zu of its signed records cannot be "
			"read as records of tipscreen: the case file leaves them out\n", c->id, bad);
	caseexport_replay(&x, dk);
	bool json = o->format && strcmp(o->format, "json") == 0;
	int rc = json ? print_json(o, db, s, b, &x) : print_header(o, db, s, b, c);
	if (rc == 0 && !json)
		caseexport_txt(o->out, &x, o->width, NULL);
	if (rc < 0)
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
	char n[24];
	snprintf(n, sizeof n, "%zu", c->nrec);
	if (strcmp(s->device, b->device) != 0 || strcmp(s->status, c->status) != 0 ||
	    strcmp(s->nrec, n) != 0 || atoll(s->created) != c->created ||
	    atoll(s->updated) != c->updated)
		fputs("tipscreen: warning: the store's row of this case differs from its signed "
		      "bundle (the row was altered): the above is the bundle's\n", stderr);
	caseexport_free(&x);
	return rc < 0 ? EXIT_RUNTIME : EXIT_OK;
}

/* Opens the stored case (laptop, id) from its bundle, audits the opening,
 * prints it: an exit code. */
static int show_one(const struct office_ctx *o, struct db *db, const struct keyfile_secret *k,
		    const char *laptop, const char *id, const struct deck *dk)
{
	struct db_case s;
	int found = db_case_find(db, laptop, id, &s);
	if (found <= 0) {
		fprintf(stderr, "tipscreen: error: %s\n", found < 0 ? db_error(db) : "the case went");
		return EXIT_RUNTIME;
	}
	char fp[SEAL_FINGERPRINT], lp[SEAL_FINGERPRINT], err[256];
	keyfile_fingerprint(&k->pub, fp);
	size_t len;
	char *text;
	int got = db_bundle_sealed(db, s.bundle, &text, &len);
	struct bundle b;
	int rc = EXIT_INPUT;
	if (got < 0) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		rc = EXIT_RUNTIME;
	} else if (!got || bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "tipscreen: error: case %s: its bundle does not open with this office "
			"key (another key, or the store was altered)\n", id);
	} else {
		seal_fingerprint(b.signer, lp);
		for (size_t i = 0; i < b.n && row_is_of(laptop, b.signer); i++)
			if (strcmp(b.cases[i].id, id) == 0) {
				char nm[128] = "";
				laptops_name_of(db, laptop, nm, sizeof nm);
				char *detail = xasprintf("the case's records were shown (laptop %s%s%s%s)",
							 nm, *nm ? " (" : "", lp, *nm ? ")" : "");
				int a = db_audit_now(db, "open", id, detail, fp);
				free(detail);
				if (a < 0) {
					fprintf(stderr, "tipscreen: error: the audit log: %s\n",
						db_error(db));
					rc = EXIT_RUNTIME;
					break;
				}
				rc = print_case(o, db, &s, &b, &b.cases[i], dk);
			}
		if (rc == EXIT_INPUT)
			fprintf(stderr, "tipscreen: error: case %s is not in its stored bundle, or that "
				"bundle is another laptop's (the store was altered)\n", id);
		bundle_free(&b);
	}
	free(text);
	db_case_free(&s);
	return rc;
}

int office_show(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	const char *id = argv[0];
	if (o->format && strcmp(o->format, "txt") != 0 && strcmp(o->format, "json") != 0) {
		char *f = office_clean(o->format);
		fprintf(stderr, "tipscreen: error: office show --format takes txt or json, not '%s'\n",
			f);
		free(f);
		return EXIT_INPUT;
	}
	char *laptop;
	int rc = office_case_laptop(o, db, id, &laptop);
	if (rc != EXIT_OK)
		return rc;
	struct diags d = { 0 };
	struct deck *dk = deck_load(o->deck, &d);
	if (!dk) {
		diags_print(&d, stderr);
		diags_free(&d);
		free(laptop);
		return EXIT_INPUT;
	}
	diags_free(&d);
	struct keyfile_secret *k = office_key(o, db, NULL, &rc);
	if (k) {
		rc = show_one(o, db, k, laptop, id, dk);
		keyfile_secret_free(k);
	}
	deck_free(dk);
	free(laptop);
	return rc;
}

/* The reviewer: --reviewer, else the account's name. */
static void reviewer_of(const struct office_ctx *o, char *buf, size_t n)
{
	struct passwd *pw = getpwuid(geteuid());
	snprintf(buf, n, "%s", o->reviewer ? o->reviewer
		 : pw && pw->pw_name && *pw->pw_name ? pw->pw_name : "unknown");
}

struct step {
	const char *laptop, *id, *state, *reviewer, *comment, *key;
};

static int review_tx(struct db *db, void *arg)
{
	const struct step *s = arg;
	int rc = review_add(db, s->laptop, s->id, s->state, s->reviewer, s->comment);
	char fp[SEAL_FINGERPRINT], nm[128];
	office_laptop_shown(s->laptop, fp, sizeof fp);
	if (rc == DB_OK)
		rc = laptops_name_of(db, s->laptop, nm, sizeof nm);
	char *detail = xasprintf("%s by %s, laptop %s%s%s%s: %s", s->state, s->reviewer, nm,
				 *nm ? " (" : "", fp, *nm ? ")" : "", s->comment);
	if (rc == DB_OK)
		rc = db_audit(db, "review", s->id, detail, s->key);
	free(detail);
	return rc;
}

int office_review(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	const char *id = argv[0];
	if (!review_state_valid(o->state)) {
		char *s = office_clean(o->state ? o->state : "");
		fprintf(stderr, "tipscreen: error: office review needs --state, one of %s%s%s%s\n",
			review_states_list, *s ? " (not '" : "", s, *s ? "')" : "");
		free(s);
		return EXIT_INPUT;
	}
	if (!o->comment || !*o->comment) {
		fputs("tipscreen: error: office review needs --comment TEXT: why the case is in this "
		      "state\n", stderr);
		return EXIT_INPUT;
	}
	char *laptop;
	int rc = office_case_laptop(o, db, id, &laptop);
	if (rc != EXIT_OK)
		return rc;
	char fp[SEAL_FINGERPRINT], who[128];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (k) {
		reviewer_of(o, who, sizeof who);
		struct step s = { laptop, id, o->state, who, o->comment, fp };
		if (db_transact(db, review_tx, &s) != DB_OK) {
			fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
			rc = EXIT_RUNTIME;
		} else {
			char lp[64], nm[128] = "";
			laptops_name_of(db, laptop, nm, sizeof nm);
			fprintf(o->out, "Case %s of laptop %s: %s (by %s).\n", id,
				*nm ? nm : office_laptop_shown(laptop, lp, sizeof lp), o->state, who);
			rc = EXIT_OK;
		}
		keyfile_secret_free(k);
	}
	free(laptop);
	return rc;
}
