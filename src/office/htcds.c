/* htcds: `office export --format htcds` — the stored cases as CSV in the
 * field names of IOM's Human Trafficking Case Data Standard 2.0, by the
 * mapping of README "The HTCDS export" (research: field-2.md §1.4).
 *
 * Most of what HTCDS asks (the means, the acts, the age at the act) is
 * only in the sealed records: the export opens every case's bundle with
 * the office key, from rows whose MACs hold, and is written to the audit
 * log as one opening. Rules kept here: a field tipscreen does not hold is
 * left empty, never guessed (gender, citizenship, industry, method of
 * recruitment, consent: tipscreen's consent to the interview is not
 * HTCDS's con_Consent); no outcome maps to NotAVictimOfTrafficking (a
 * screening that shows nothing leaves the status empty); only what
 * happened ("yes") maps to an HTCDS value, what was intended goes to the
 * extension column tipscreen_intended; each row carries a pseudonym
 * drawn for this export, never the case id. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/csv.h"
#include "base/diag.h"
#include "base/xalloc.h"
#include "domain/lint.h"
#include "domain/vocab.h"
#include "store/bundle.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "app/caseexport.h"
#include "office/office.h"

/* The columns, in order: HTCDS's names, then tipscreen's extensions. */
#define HTCDS_COLUMNS(X) \
	X(PSEUDONYM, "tipscreen_pseudonym") X(ORG_TYPE, "org_Type") \
	X(STATUS, "vic_TraffickingStatus") X(DECIDED_BY, "vic_TraffickingStatusDecisionMakingOrg") \
	X(AGE, "vic_AgeWhenTrafficked") X(CONTROL, "vic_MethodsOfControl") \
	X(EXPLOITATION, "vic_TypeOfExploitation") X(SEX, "vic_TypeOfSexExploitation") \
	X(EVENT, "hte_Type") X(CONSENT, "con_Consent") X(GENDER, "prs_Gender") \
	X(CITIZENSHIP, "prs_Citizenship") X(INDUSTRY, "vic_ForcedLabourIndustry") \
	X(RECRUITMENT, "vic_MethodOfRecruitment") X(MONTH, "tipscreen_month") \
	X(OUTCOME, "tipscreen_outcome") X(INTENDED, "tipscreen_intended") \
	X(ABDUCTION, "tipscreen_abduction") X(INTERPRETER, "tipscreen_interpreter") \
	X(PLACE, "tipscreen_place") X(DECK, "tipscreen_deck_version")

enum column {
#define HX_ENUM(id, name) COL_##id,
	HTCDS_COLUMNS(HX_ENUM)
#undef HX_ENUM
	NCOL
};

static const char *const column_name[] = {
#define HX_NAME(id, name) name,
	HTCDS_COLUMNS(HX_NAME)
#undef HX_NAME
};

/* A word from a table: key → value ("" for none). */
struct map {
	const char *key, *value;
};

static const char *lookup(const struct map *m, const char *key)
{
	for (; key && m->key; m++)
		if (strcmp(m->key, key) == 0)
			return m->value;
	return NULL;
}

/* role → org_Type, and → the deciding organisation; "" where the mapping
 * depends on the deployment (labour, health, border: configure). */
static const struct map org_type[] = {
	{ "police", "LawEnforcement" }, { "ngo", "NGO" }, { "health", "HealthServiceOrganisation" },
	{ "border", "ImmigrationService" }, { NULL, NULL }
};
static const struct map decided_by[] = {
	{ "police", "Police" }, { "labour", "NonPoliceGovernmentalOrganization" }, { "ngo", "NGO" },
	{ "other", "Other" }, { NULL, NULL }
};
/* Means items answered yes → vic_MethodsOfControl (Field Definitions.md
 * spelling). means.ritual gives two. */
static const struct map control[] = {
	{ "means.threatened", "Threats" }, { "means.ritual", "Threats PsychologicalAbuse" },
	{ "means.hurt", "PhysicalAbuse" }, { "means.sexual-violence", "SexualAbuse" },
	{ "means.lied", "FalsePromises" }, { "means.false-status", "FalsePromises" },
	{ "means.false-promise", "FalsePromises" }, { "means.emotional", "PsychologicalAbuse" },
	{ "means.authority", "Other" }, { "means.paid-controller", "Other" },
	{ "means.confined", "RestrictsMovement" }, { "means.phone-taken", "RestrictsMovement" },
	{ "means.documents-withheld", "WithholdsDocuments" },
	{ "means.wages-withheld", "TakesEarnings" }, { "means.debt-control", "DebtBondage" },
	{ "means.drugs", "PsychoactiveSubstances" }, { NULL, NULL }
};
/* The purpose indicators → vic_TypeOfExploitation; a few items more
 * precisely. */
static const struct map exploitation[] = {
	{ "purpose.prostitution-of-others", "SexualExploitation" },
	{ "purpose.sexual-exploitation", "SexualExploitation" },
	{ "purpose.forced-labour", "ForcedLabour" }, { "purpose.forced-begging", "ForcedBegging" },
	{ "purpose.forced-criminality", "Other" }, { "purpose.slavery", "Other" },
	{ "purpose.practices-similar-to-slavery", "Other" }, { "purpose.servitude", "Servitude" },
	{ "purpose.forced-marriage", "ForcedMarriage" },
	{ "purpose.removal-of-organs", "OrganRemoval" },
	{ "purpose.illegal-adoption", "ForcedAdoption" }, { "purpose.surrogacy", "Surrogacy" },
	{ "purpose.other", "Other" }, { NULL, NULL }
};
static const struct map exploitation_item[] = {
	{ "purpose.child-hazardous", "ChildLabour" }, { NULL, NULL }
};
static const struct map sex_item[] = {
	{ "purpose.paid-sex", "Prostitution" }, { "purpose.child-sex", "Prostitution" },
	{ "purpose.child-images", "Pornography" }, { NULL, NULL }
};
/* The act indicators → hte_Type. */
static const struct map event[] = {
	{ "act.recruitment", "Recruitment" }, { "act.transportation", "Transit" },
	{ "act.transfer", "Transit" }, { "act.harbouring", "Exploitation" },
	{ "act.receipt", "Exploitation" }, { NULL, NULL }
};

/* Adds the words of w (space-separated) to the list *s, each once. */
static void add_words(char **s, const char *w)
{
	for (const char *p = w; p && *p;) {
		size_t n = strcspn(p, " ");
		bool have = false;
		for (const char *q = *s; q && *q && !have;) {
			size_t k = strcspn(q, " ");
			have = k == n && strncmp(q, p, n) == 0;
			q += k + (q[k] == ' ');
		}
		if (!have) {
			char *t = xasprintf("%s%s%.*s", *s ? *s : "", *s && **s ? " " : "", (int)n, p);
			free(*s);
			*s = t;
		}
		p += n + (p[n] == ' ');
	}
}

static const char *fact_of(const struct bundle_case *c, const char *name)
{
	for (size_t i = 0; i < c->nfact; i++)
		if (strcmp(c->fact[i].name, name) == 0)
			return c->fact[i].value;
	return NULL;
}

static bool possible_victim(const char *outcome)
{
	return outcome && strncmp(outcome, "consistent-", 11) == 0;
}

/* The row of one case into col (NCOL new strings or NULL). */
static void row_of(const struct bundle_case *c, const struct caseexport *x,
		   const struct deck *dk, char **col)
{
	const char *outcome = fact_of(c, "outcome"), *role = fact_of(c, "role");
	const char *child = fact_of(c, "child");
	unsigned char r[6];
	char hexs[13];
	randombytes_buf(r, sizeof r);
	sodium_bin2hex(hexs, sizeof hexs, r, sizeof r);
	col[COL_PSEUDONYM] = xstrdup(hexs);
	if (possible_victim(outcome)) {
		col[COL_STATUS] = xstrdup("PossibleVictimOfTrafficking");
		const char *d = lookup(decided_by, role);
		col[COL_DECIDED_BY] = d ? xstrdup(d) : NULL;
	}
	const char *t = lookup(org_type, role);
	col[COL_ORG_TYPE] = t ? xstrdup(t) : NULL;
	for (size_t s = 0; s < dk->nslots; s++) {
		char *v = caseexport_answer(x, dk, (int)s);
		const char *id = dk->slots[s].id;
		int ind = deck_slot_indicator(dk, (int)s);
		const char *iid = ind >= 0 ? indicator_id(ind) : NULL;
		bool yes = v && strcmp(v, "yes") == 0, intended = v && strcmp(v, "intended") == 0;
		if (strcmp(id, "age.at-act") == 0 && v && child &&
		    (strcmp(child, "yes") == 0 || strcmp(child, "no") == 0))
			col[COL_AGE] = xstrdup(v);
		if (yes) {
			add_words(&col[COL_CONTROL], lookup(control, id));
			const char *e = lookup(exploitation_item, id);
			add_words(&col[COL_EXPLOITATION], e ? e : lookup(exploitation, iid));
			add_words(&col[COL_SEX], lookup(sex_item, id));
			add_words(&col[COL_EVENT], lookup(event, iid));
			if (strcmp(id, "means.taken") == 0)
				col[COL_ABDUCTION] = xstrdup("yes");
		}
		if (intended && iid)
			add_words(&col[COL_INTENDED], iid);
		free(v);
	}
	const char *f;
	col[COL_MONTH] = (f = fact_of(c, "month")) ? xstrdup(f) : NULL;
	col[COL_OUTCOME] = outcome ? xstrdup(outcome) : NULL;
	col[COL_INTERPRETER] = (f = fact_of(c, "interpreter")) ? xstrdup(f) : NULL;
	col[COL_PLACE] = (f = fact_of(c, "place")) ? xstrdup(f) : NULL;
	col[COL_DECK] = (f = fact_of(c, "deck-version")) ? xstrdup(f) : NULL;
}

/* A stored case to export: its row's keys, from the authenticated rows. */
struct stored {
	char *laptop, *id, *bundle;
	long long created, updated;
};

struct stored_list {
	struct stored *v;
	size_t n, cap;
	long long since;
};

static void take_item(void *arg, const struct db_case *c)
{
	struct stored_list *l = arg;
	if (atoll(c->updated) < l->since)
		return;
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct stored){ xstrdup(c->laptop), xstrdup(c->id), xstrdup(c->bundle),
				      atoll(c->created), atoll(c->updated) };
}

static int by_created(const void *a, const void *b)
{
	const struct stored *x = a, *y = b;
	return (x->created > y->created) - (x->created < y->created);
}

static void items_free(struct stored_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].laptop);
		free(l->v[i].id);
		free(l->v[i].bundle);
	}
	free(l->v);
}

struct export {
	struct stored_list *l;
	const char *keyfp, *detail;
};

static int collect_tx(struct db *db, void *arg)
{
	struct export *e = arg;
	items_free(e->l);
	long long since = e->l->since;
	memset(e->l, 0, sizeof *e->l);
	e->l->since = since;
	int rc = db_cases_check(db, take_item, e->l);
	if (rc == DB_OK)
		rc = db_audit(db, "export", "cases", e->detail, e->keyfp);
	return rc;
}

/* Opens item it's case from its bundle and writes its row: 0, or -1 after
 * saying why. */
static int export_one(FILE *out, struct db *db, const struct keyfile_secret *k,
		      const struct stored *it, const struct deck *dk)
{
	char *text, err[256], key[OFFICE_LAPTOP];
	size_t len;
	int got = db_bundle_sealed(db, it->bundle, &text, &len);
	struct bundle b;
	if (got <= 0 || bundle_open(text, len, k->box, &b, err, sizeof err) != 0) {
		fprintf(stderr, "tipscreen: error: case %s: its bundle %s\n", it->id,
			got < 0 ? db_error(db) : "does not open with this office key");
		if (got > 0)
			free(text);
		return -1;
	}
	free(text);
	office_laptop(b.signer, key);
	int rc = -1;
	for (size_t i = 0; strcmp(key, it->laptop) == 0 && i < b.n; i++) {
		if (strcmp(b.cases[i].id, it->id) != 0)
			continue;
		struct caseexport x;
		office_case_export(&b.cases[i], &x);
		caseexport_replay(&x, dk);
		char *col[NCOL] = { NULL };
		row_of(&b.cases[i], &x, dk, col);
		for (int c = 0; c < NCOL; c++) {
			csv_field(out, col[c] ? col[c] : "", NULL, CSV_QUOTE_NEEDED);
			fputs(c + 1 < NCOL ? "," : "\r\n", out);
			free(col[c]);
		}
		caseexport_free(&x);
		rc = 0;
	}
	if (rc < 0)
		fprintf(stderr, "tipscreen: error: case %s is not in its stored bundle, or that bundle "
			"is another laptop's (the store was altered)\n", it->id);
	bundle_free(&b);
	return rc;
}

int office_export(const struct office_ctx *o, struct db *db, int argc, const char *const *argv)
{
	(void)argc;
	(void)argv;
	if (!o->format || strcmp(o->format, "htcds") != 0) {
		fputs("tipscreen: error: office export needs --format htcds (the only format: IOM's "
		      "Human Trafficking Case Data Standard, README)\n", stderr);
		return EXIT_INPUT;
	}
	struct stored_list l = { 0 };
	if (o->since && (l.since = office_day(o->since)) < 0) {
		char *s = office_clean(o->since);
		fprintf(stderr, "tipscreen: error: --since '%s': expected a date YYYY-MM-DD\n", s);
		free(s);
		return EXIT_INPUT;
	}
	struct diags d = { 0 };
	struct deck *dk = deck_load(o->deck, &d);
	if (!dk)
		diags_print(&d, stderr);
	diags_free(&d);
	if (!dk)
		return EXIT_INPUT;
	int rc;
	char fp[SEAL_FINGERPRINT];
	struct keyfile_secret *k = office_key(o, db, fp, &rc);
	if (!k) {
		deck_free(dk);
		return rc;
	}
	char *detail = xasprintf("HTCDS export: every case%s%s opened", o->since ? " changed since " : "",
				 o->since ? o->since : "");
	struct export e = { &l, fp, detail };
	rc = db_transact(db, collect_tx, &e);
	free(detail);
	if (rc != DB_OK) {
		fprintf(stderr, "tipscreen: error: the office store: %s\n", db_error(db));
		rc = EXIT_RUNTIME;
	} else {
		if (l.n)
			qsort(l.v, l.n, sizeof *l.v, by_created);
		for (int c = 0; c < NCOL; c++)
			fprintf(o->out, "%s%s", column_name[c], c + 1 < NCOL ? "," : "\r\n");
		rc = EXIT_OK;
		for (size_t i = 0; i < l.n && rc == EXIT_OK; i++)
			if (export_one(o->out, db, k, &l.v[i], dk) < 0)
				rc = EXIT_RUNTIME;
		fprintf(stderr, "tipscreen: %zu case%s exported (HTCDS 2.0 field names; each row a "
			"pseudonym of this export), written to the audit log\n", l.n,
			l.n == 1 ? "" : "s");
	}
	items_free(&l);
	keyfile_secret_free(k);
	deck_free(dk);
	return rc;
}
