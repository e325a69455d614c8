/* result: a trainee's result sealed to the trainer (`train ... --result FILE
 * --to TRAINER.pub`), and the class's report of such results (`trainer
 * report FILE... --key TRAINER.key [--format txt|csv]`).
 *
 * The result is a stanza (stanza.h) sealed with seal.h's format:
 *   Result: 1 / Trainee: / Scenario: / Version: / Score: / Started: / Finished:
 *   Element: act|met|met|agree           (five, trainee|expert|agree or differ)
 *   Question: means.lied|no|yes|differ   (each graded question; "-" not asked)
 * and read back through a schema table (base/schema.h) that checks every
 * field. This is format 1, kept as it is so that the results trainees have
 * already sealed and sent still open; a change would be "Result: 2".
 * It is signed with a key made for this result alone (a training result has
 * no laptop identity): the signature shows that it was not changed, the
 * seal that only the trainer opens it. */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "base/csv.h"
#include "base/fsx.h"
#include "base/schema.h"
#include "base/stanza.h"
#include "base/xalloc.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "train/debrief.h"
#include "cmd/cmd.h"

/* One line of base64 key, as keygen writes it. */
static void iso(char *buf, size_t n, time_t t)
{
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", gmtime(&t));
}

static char *payload(const struct debrief *d, const char *trainee, time_t started, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);
	char a[32], b[32];
	iso(a, sizeof a, started);
	iso(b, sizeof b, time(NULL));
	fprintf(f, "Result: 1\nTrainee: %s\nScenario: %s\nVersion: %ld\nScore: %d\nStarted: %s\n"
		"Finished: %s\n", trainee, d->s->id, d->s->version, d->score, a, b);
	for (int p = 0; p < PART_COUNT; p++)
		fprintf(f, "Element: %s|%s|%s|%s\n", scenario_part_name(p), d->part[p].trainee,
			d->part[p].expert, d->part[p].agree ? "agree" : "differ");
	for (size_t i = 0; i < d->nq; i++)
		fprintf(f, "Question: %s|%s|%s|%s\n", d->qs[i].q->id,
			d->qs[i].trainee ? d->qs[i].trainee : "-", d->qs[i].q->expert,
			d->qs[i].agree ? "agree" : "differ");
	fclose(f);
	return buf;
}

static bool name_ok(const char *s)
{
	if (!*s || strlen(s) > 40)
		return false;
	for (; *s; s++)
		if (*s == '|' || (unsigned char)*s < 0x20)
			return false;
	return true;
}

int cmd_result_check(const struct cmd_result_opts *o)
{
	if (!name_ok(o->trainee)) {
		fprintf(stderr, "tipscreen: --trainee needs a pseudonym of up to 40 characters, no "
			"'|' and no control characters\n");
		return EXIT_INPUT;
	}
	struct keyfile_public pub;
	char err[256];
	if (keyfile_open_public(o->to, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

int cmd_result_write(const struct cmd_result_opts *o, const struct debrief *d, time_t started)
{
	if (!o->to || !o->trainee || !name_ok(o->trainee)) {
		fprintf(stderr, "tipscreen: --result needs --to TRAINER.pub and --trainee NAME (a "
			"pseudonym of up to 40 characters, no '|')\n");
		return EXIT_INPUT;
	}
	unsigned char pk[SEAL_BOX_PUBLIC], spk[SEAL_SIGN_PUBLIC], ssk[SEAL_SIGN_SECRET];
	struct keyfile_public pub;
	char err[256];
	if (sodium_init() < 0)
		return EXIT_RUNTIME;
	if (keyfile_open_public(o->to, &pub, err, sizeof err) < 0) {
		fprintf(stderr, "tipscreen: error: %s\n", err);
		return EXIT_INPUT;
	}
	memcpy(pk, pub.box, sizeof pk);
	crypto_sign_keypair(spk, ssk);
	size_t len, n;
	char *text = payload(d, o->trainee, started, &len);
	char *sealed = seal_make(text, len, "UTF-8", pk, ssk, &n);
	sodium_memzero(ssk, sizeof ssk);
	free(text);
	int w = sealed ? fsx_write(o->result, sealed, n, 0600, FSX_NEW, err, sizeof err) : FSX_FAIL;
	if (w != FSX_OK)
		fprintf(stderr, "%s: error: %s%s\n", o->result, sealed ? err : "cannot seal the result",
			w == FSX_EXISTS ? " (a result is never overwritten)" : "");
	int rc = w == FSX_OK ? EXIT_OK : w == FSX_EXISTS ? EXIT_INPUT : EXIT_RUNTIME;
	free(sealed);
	return rc;
}

/* ---- the class's report ------------------------------------------------- */

struct row {
	char *trainee, *scenario;
	long version;
	int score;
	char *el[PART_COUNT];		/* "agree" or the trainee's value */
};

struct miss {
	char *scenario, *question, *answer;	/* answer NULL: the question's count */
	int n;
};

struct class {
	struct row *rows;
	size_t nrows;
	struct miss *miss;
	size_t nmiss;
};

static void count_miss(struct class *c, const char *scen, const char *q, const char *answer)
{
	for (size_t i = 0; i < c->nmiss; i++) {
		struct miss *m = &c->miss[i];
		if (!strcmp(m->scenario, scen) && !strcmp(m->question, q) && !m->answer == !answer &&
		    (!answer || !strcmp(m->answer, answer))) {
			m->n++;
			return;
		}
	}
	c->miss = xrealloc(c->miss, (c->nmiss + 1) * sizeof *c->miss);
	c->miss[c->nmiss++] = (struct miss){ xstrdup(scen), xstrdup(q), answer ? xstrdup(answer) : NULL, 1 };
}

/* ---- reading a result: a schema table (base/schema.h) ----------------- */

/* What the take functions fill: the class, and the row of this file. */
struct result_reader {
	struct class *c;
	struct row *r;
	const char *file;
	struct diags *d;
};

/* Splits "a|b|c|d" into four borrowed parts of the copy buf; false if not four. */
static bool four(char *buf, char *part[4])
{
	part[0] = buf;
	for (int i = 1; i < 4; i++) {
		char *bar = strchr(part[i - 1], '|');
		if (!bar)
			return false;
		*bar = '\0';
		part[i] = bar + 1;
	}
	return !strchr(part[3], '|');
}

/* The four parts of an Element: or Question: value, or false after an
 * error naming the field. */
static bool parts(struct result_reader *rr, const struct field *f, char *buf, char *p[4])
{
	if (four(buf, p) && *p[0] && *p[1] && *p[2] &&
	    (!strcmp(p[3], "agree") || !strcmp(p[3], "differ")))
		return true;
	diags_add(rr->d, rr->file, f->vline, f->vcol, "'%s' is not a value for %s: expected "
		  "%s|TRAINEE|EXPERT|agree or differ", f->value, f->key,
		  strcasecmp(f->key, "Element") ? "QUESTION" : "ELEMENT");
	return false;
}

static void take_version_of_format(void *obj, const struct field *f)
{
	static const char *const known[] = { "1" };
	struct result_reader *rr = obj;
	schema_word(f, known, 1, rr->file, rr->d);
}

static void take_trainee(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	rr->r->trainee = xstrdup(f->value);
}

static void take_scenario(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	rr->r->scenario = xstrdup(f->value);
}

/* A whole number from min to max, or min after an error. */
static long number(struct result_reader *rr, const struct field *f, long min, long max)
{
	char *end;
	errno = 0;
	long v = strtol(f->value, &end, 10);
	if (!errno && !*end && end != f->value && v >= min && v <= max)
		return v;
	diags_add(rr->d, rr->file, f->vline, f->vcol, "'%s' is not a value for %s: expected a "
		  "whole number from %ld to %ld", f->value, f->key, min, max);
	return min;
}

static void take_version(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	rr->r->version = number(rr, f, 1, 1000000);
}

static void take_score(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	rr->r->score = (int)number(rr, f, 0, 100);
}

static void take_element(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	char *buf = xstrdup(f->value), *p[4];
	if (parts(rr, f, buf, p)) {
		int k = 0;
		while (k < PART_COUNT && strcmp(p[0], scenario_part_name(k)))
			k++;
		if (k == PART_COUNT)
			diags_add(rr->d, rr->file, f->vline, f->vcol, "unknown element '%s': expected "
				  "act, means, purpose, child or outcome", p[0]);
		else if (!rr->r->el[k])
			rr->r->el[k] = xstrdup(strcmp(p[3], "agree") ? p[1] : "agree");
	}
	free(buf);
}

static void take_question(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	if (!rr->r->scenario) {	/* a file out of the writer's order */
		diags_add(rr->d, rr->file, f->line, f->col, "'Question:' before 'Scenario:'");
		return;
	}
	char *buf = xstrdup(f->value), *p[4];
	if (parts(rr, f, buf, p) && strcmp(p[3], "agree")) {
		count_miss(rr->c, rr->r->scenario, p[0], NULL);
		count_miss(rr->c, rr->r->scenario, p[0], p[1]);
	}
	free(buf);
}

/* Format 1, as this release and the first training release write it. The
 * Element: and Question: values keep their "|" parts so that results
 * already sealed and sent are read as they are; a new format would be
 * "Result: 2" with fields of its own. Scenario: comes before Question:. */
enum { REQ = SCHEMA_REQUIRED | SCHEMA_NONEMPTY };
static const struct schema_field result_fields[] = {
	{ "Result", REQ, take_version_of_format },
	{ "Trainee", REQ, take_trainee },
	{ "Scenario", REQ, take_scenario },
	{ "Version", REQ, take_version },
	{ "Score", REQ, take_score },
	{ "Started", REQ, NULL },
	{ "Finished", REQ, NULL },
	{ "Element", SCHEMA_REPEATS | SCHEMA_NONEMPTY, take_element },
	{ "Question", SCHEMA_REPEATS | SCHEMA_NONEMPTY, take_question },
};
static const struct schema result_schema = SCHEMA_OF("a training result", result_fields);

static void row_free(struct row *r)
{
	free(r->trainee);
	free(r->scenario);
	for (int p = 0; p < PART_COUNT; p++)
		free(r->el[p]);
}

static int add_result(struct class *c, const char *file, const char *text, size_t len)
{
	struct stanza_file f;
	struct diags d = { 0 };
	struct row r = { 0 };
	struct result_reader rr = { c, &r, file, &d };
	if (stanza_parse(file, text, len, &f, &d) == 0) {
		if (f.n != 1 || !stanza_get(&f.s[0], "Scenario") ||
		    strcasecmp(f.s[0].f[0].key, "Result") != 0)
			diags_add(&d, file, 1, 1, "expected one stanza that starts 'Result: 1', then "
				  "Trainee:, Scenario:, …");
		else
			schema_read(&result_schema, &f.s[0], file, &rr, &d);
	}
	stanza_file_free(&f);
	if (d.n) {
		diags_print(&d, stderr);
		fprintf(stderr, "%s: error: not a training result\n", file);
		diags_free(&d);
		row_free(&r);
		return EXIT_INPUT;
	}
	c->rows = xrealloc(c->rows, (c->nrows + 1) * sizeof *c->rows);
	c->rows[c->nrows++] = r;
	return EXIT_OK;
}

static int by_count(const void *a, const void *b)
{
	const struct miss *x = a, *y = b;
	if (x->n != y->n)
		return y->n - x->n;
	int c = strcmp(x->scenario, y->scenario);
	return c ? c : strcmp(x->question, y->question);
}

static void report_txt(FILE *out, struct class *c)
{
	fprintf(out, "%-16s %-24s %5s", "trainee", "scenario", "score");
	for (int p = 0; p < PART_COUNT; p++)
		fprintf(out, " %-18s", scenario_part_name(p));
	fputc('\n', out);
	for (size_t i = 0; i < c->nrows; i++) {
		struct row *r = &c->rows[i];
		char sv[64];
		snprintf(sv, sizeof sv, "%s v%ld", r->scenario, r->version);
		fprintf(out, "%-16s %-24s %4d%%", r->trainee, sv, r->score);
		for (int p = 0; p < PART_COUNT; p++)
			fprintf(out, " %-18s", r->el[p] ? (strcmp(r->el[p], "agree") ? r->el[p] : "ok") : "?");
		fputc('\n', out);
	}
	qsort(c->miss, c->nmiss, sizeof *c->miss, by_count);
	fprintf(out, "\nQuestions most often missed:\n");
	for (size_t i = 0; i < c->nmiss; i++)
		if (!c->miss[i].answer)
			fprintf(out, "  %d of %zu  %s: %s\n", c->miss[i].n, c->nrows, c->miss[i].scenario,
				c->miss[i].question);
	fprintf(out, "\nCommon wrong answers:\n");
	for (size_t i = 0; i < c->nmiss; i++)
		if (c->miss[i].answer)
			fprintf(out, "  %d  %s: %s answered %s\n", c->miss[i].n, c->miss[i].scenario,
				c->miss[i].question, c->miss[i].answer);
}

/* A CSV field: quoted, with quotes doubled, and a leading formula sign made text. */
/* One field of the report's CSV (csv.h's guard: a trainee's pseudonym is
 * their own text), then a comma or the line end. */
static void csv(FILE *out, const char *s, bool last)
{
	csv_field(out, s, NULL, CSV_QUOTE_ALL);
	fputs(last ? "\r\n" : ",", out);
}

static void report_csv(FILE *out, const struct class *c)
{
	fputs("\"trainee\",\"scenario\",\"version\",\"score\",\"act\",\"means\",\"purpose\",\"child\",\"outcome\"\r\n", out);
	for (size_t i = 0; i < c->nrows; i++) {
		const struct row *r = &c->rows[i];
		char v[32], s[32];
		snprintf(v, sizeof v, "%ld", r->version);
		snprintf(s, sizeof s, "%d", r->score);
		csv(out, r->trainee, false);
		csv(out, r->scenario, false);
		csv(out, v, false);
		csv(out, s, false);
		for (int p = 0; p < PART_COUNT; p++)
			csv(out, r->el[p] ? r->el[p] : "", p == PART_COUNT - 1);
	}
}

static void class_free(struct class *c)
{
	for (size_t i = 0; i < c->nrows; i++) {
		free(c->rows[i].trainee);
		free(c->rows[i].scenario);
		for (int p = 0; p < PART_COUNT; p++)
			free(c->rows[i].el[p]);
	}
	free(c->rows);
	for (size_t i = 0; i < c->nmiss; i++) {
		free(c->miss[i].scenario);
		free(c->miss[i].question);
		free(c->miss[i].answer);
	}
	free(c->miss);
}

static int open_result(struct class *c, const char *file, const unsigned char *sk)
{
	size_t len;
	char *text = NULL, err[256];
	if (stanza_slurp(file, &text, &len, &(struct diags){ 0 }) < 0) {
		fprintf(stderr, "%s: error: cannot read the file\n", file);
		return EXIT_INPUT;
	}
	struct seal_opened so = { 0 };
	int rc = EXIT_INPUT;
	if (seal_open(text, len, sk, &so, err, sizeof err) < 0)
		fprintf(stderr, "%s: error: %s (a result sealed to another trainer's key is refused)\n",
			file, err);
	else
		rc = add_result(c, file, (const char *)so.payload, so.len);
	seal_opened_free(&so);
	free(text);
	return rc;
}

int cmd_trainer_report(const struct cmd_ctx *ctx, const struct cmd_key_opts *key,
		       const char *format, char **files, int n)
{
	const char *fmt = format ? format : "txt";
	if (!key->key || n < 1 || (strcmp(fmt, "txt") && strcmp(fmt, "csv"))) {
		fputs("tipscreen: trainer report needs FILE... --key TRAINER.key [--format txt|csv]\n",
		      stderr);
		return EXIT_INPUT;
	}
	int rc;
	struct keyfile_secret *k = cmd_office_key(key, &rc);	/* the trainer's, made by keygen */
	if (!k)
		return rc;
	struct class c = { 0 };
	rc = EXIT_OK;
	for (int i = 0; i < n && rc == EXIT_OK; i++)
		rc = open_result(&c, files[i], k->box);
	keyfile_secret_free(k);
	if (rc == EXIT_OK) {
		if (!strcmp(fmt, "csv"))
			report_csv(ctx->out, &c);
		else
			report_txt(ctx->out, &c);
	}
	class_free(&c);
	return rc;
}
