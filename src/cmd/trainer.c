/* trainer: the class report (`trainer report FILE... --key TRAINER.key
 * [--format txt|csv|json] [--width N]`, DESIGN §10) of the results that
 * result.c seals, formats 1 and 2.
 *
 * Results are grouped by scenario (sorted, so counting is n log n): each
 * scenario has its own denominators. Per trainee: score, pass, the
 * elements and Cohen's kappa with the key over the graded answers; per
 * scenario: Fleiss' kappa of the class over its questions and, per
 * question, the share of pairs of trainees that agree, critical misses
 * first. A file that cannot be read is named and skipped; the others are
 * reported and the exit is 2. Everything here is owned by struct class. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/csv.h"
#include "base/schema.h"
#include "base/stanza.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "domain/report.h"
#include "store/keyfile.h"
#include "store/seal.h"
#include "train/kappa.h"
#include "train/scenario.h"
#include "cmd/cmd.h"

struct answer_row {
	char *id, *trainee, *expert;
	bool agree, critical;
	long seconds;	/* or -1 */
};

struct row {
	char *trainee, *scenario;
	long version;
	int score, pass;		/* pass: 1, 0, or -1 in format 1 */
	long seconds;			/* the session's, or -1 */
	char *el[PART_COUNT];		/* "agree" or the trainee's value */
	struct answer_row *q;
	size_t nq;
	double kappa;
};

struct class {
	struct row *rows;
	size_t nrows;
};

struct result_reader {
	struct row *r;
	const char *file;
	struct diags *d;
	int format;
};

/* Splits buf at '|' into n borrowed parts; false if not n. */
static bool split(char *buf, char **part, int n)
{
	part[0] = buf;
	for (int i = 1; i < n; i++) {
		char *bar = strchr(part[i - 1], '|');
		if (!bar)
			return false;
		*bar = '\0';
		part[i] = bar + 1;
	}
	return !strchr(part[n - 1], '|');
}

static bool parts(struct result_reader *rr, const struct field *f, char *buf, char **p, int n)
{
	if (split(buf, p, n) && *p[0] && *p[1] && *p[2] &&
	    (!strcmp(p[3], "agree") || !strcmp(p[3], "differ")) &&
	    (n < 5 || !strcmp(p[4], "critical") || !strcmp(p[4], "normal")) &&
	    (n < 6 || !strcmp(p[5], "-") || strspn(p[5], "0123456789") == strlen(p[5])))
		return true;
	diags_add(rr->d, rr->file, f->vline, f->vcol, "'%s' is not a value for %s: expected "
		  "%s|TRAINEE|EXPERT|agree or differ%s", f->value, f->key,
		  strcasecmp(f->key, "Element") ? "QUESTION" : "ELEMENT",
		  n == 6 ? "|critical or normal|SECONDS or -" : "");
	return false;
}

static void take_format(void *obj, const struct field *f)
{
	static const char *const known[] = { "1", "2" };
	struct result_reader *rr = obj;
	rr->format = schema_word(f, known, 2, rr->file, rr->d) + 1;
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

static void take_pass(void *obj, const struct field *f)
{
	static const char *const words[] = { "yes", "no" };
	struct result_reader *rr = obj;
	int w = schema_word(f, words, 2, rr->file, rr->d);
	rr->r->pass = w < 0 ? -1 : w == 0;
}

static void take_seconds(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	rr->r->seconds = number(rr, f, 0, 10000000);
}

static void take_element(void *obj, const struct field *f)
{
	struct result_reader *rr = obj;
	char *buf = xstrdup(f->value), *p[4];
	if (parts(rr, f, buf, p, 4)) {
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
	int n = rr->format == 2 ? 6 : 4;
	char *buf = xstrdup(f->value), *p[6];
	if (parts(rr, f, buf, p, n)) {
		struct row *r = rr->r;
		r->q = xrealloc(r->q, (r->nq + 1) * sizeof *r->q);
		r->q[r->nq++] = (struct answer_row){ xstrdup(p[0]), xstrdup(p[1]), xstrdup(p[2]),
						     !strcmp(p[3], "agree"),
						     n == 6 && !strcmp(p[4], "critical"),
						     n == 6 && *p[5] != '-' ? strtol(p[5], NULL, 10) : -1 };
	}
	free(buf);
}

/* Result: comes first, so that Question: knows its format. */
enum { REQ = SCHEMA_REQUIRED | SCHEMA_NONEMPTY };
static const struct schema_field result_fields[] = {
	{ "Result", REQ, take_format },
	{ "Trainee", REQ, take_trainee },
	{ "Scenario", REQ, take_scenario },
	{ "Version", REQ, take_version },
	{ "Score", REQ, take_score },
	{ "Pass", SCHEMA_NONEMPTY, take_pass },
	{ "Started", REQ, NULL },
	{ "Finished", REQ, NULL },
	{ "Seconds", SCHEMA_NONEMPTY, take_seconds },
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
	for (size_t i = 0; i < r->nq; i++) {
		free(r->q[i].id);
		free(r->q[i].trainee);
		free(r->q[i].expert);
	}
	free(r->q);
}

static int add_result(struct class *c, const char *file, const char *text, size_t len)
{
	struct stanza_file f;
	struct diags d = { 0 };
	struct row r = { .pass = -1, .seconds = -1 };
	struct result_reader rr = { &r, file, &d, 1 };
	if (stanza_parse(file, text, len, &f, &d) == 0) {
		if (f.n != 1 || strcasecmp(f.s[0].f[0].key, "Result") != 0)
			diags_add(&d, file, 1, 1, "expected one stanza that starts 'Result: 2', then "
				  "Trainee:, Scenario:, …");
		else
			schema_read(&result_schema, &f.s[0], file, &rr, &d);
	}
	stanza_file_free(&f);
	if (d.n) {
		diags_print(&d, stderr);
		diags_free(&d);
		row_free(&r);
		return EXIT_INPUT;
	}
	c->rows = xrealloc(c->rows, (c->nrows + 1) * sizeof *c->rows);
	c->rows[c->nrows++] = r;
	return EXIT_OK;
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
	if (rc != EXIT_OK)
		fprintf(stderr, "%s: error: not a training result: skipped, the others are reported\n",
			file);
	return rc;
}

/* ---- counting ------------------------------------------------------------ */

/* The index of s in the category table *v (added if new). */
static int category(const char ***v, int *k, const char *s)
{
	for (int i = 0; i < *k; i++)
		if (!strcmp((*v)[i], s))
			return i;
	*v = xrealloc(*v, (size_t)(*k + 1) * sizeof **v);
	(*v)[*k] = s;
	return (*k)++;
}

/* The trainee's category of answer q: the key's where it was accepted. */
static const char *rated(const struct answer_row *q)
{
	return q->agree ? q->expert : q->trainee;
}

static void row_kappa(struct row *r)
{
	const char **cats = NULL;
	int k = 0, *a = xcalloc(r->nq + 1, sizeof *a), *b = xcalloc(r->nq + 1, sizeof *b);
	for (size_t i = 0; i < r->nq; i++) {
		a[i] = category(&cats, &k, rated(&r->q[i]));
		b[i] = category(&cats, &k, r->q[i].expert);
	}
	r->kappa = kappa_cohen(a, b, r->nq, k);
	free(a);
	free(b);
	free(cats);
}

/* One question of a scenario across its trainees. */
struct qstat {
	const char *id;
	bool critical;
	int asked, missed;
	double agreement;	/* P_i of Fleiss */
	long seconds, timed;	/* the trainees' seconds on it, how many had times */
};

struct group {
	struct row **r;	/* borrowed */
	size_t n;
	struct qstat *q;
	size_t nq;
	double fleiss;
	int passed;
};

static const struct answer_row *answer_of(const struct row *r, const char *id, size_t hint)
{
	if (hint < r->nq && !strcmp(r->q[hint].id, id))
		return &r->q[hint];
	for (size_t i = 0; i < r->nq; i++)
		if (!strcmp(r->q[i].id, id))
			return &r->q[i];
	return NULL;
}

/* The questions are those of the group's first result (one scenario);
 * a trainee without one counts as "-", not asked. */
static void group_count(struct group *g)
{
	const struct row *first = g->r[0];
	g->nq = first->nq;
	g->q = xcalloc(g->nq + 1, sizeof *g->q);
	int *counts = NULL;
	const char **cats = NULL;
	int k = 0;
	int **cat = xcalloc(g->nq + 1, sizeof *cat);
	for (size_t i = 0; i < g->nq; i++) {
		struct qstat *q = &g->q[i];
		q->id = first->q[i].id;
		cat[i] = xcalloc(g->n, sizeof **cat);
		for (size_t t = 0; t < g->n; t++) {
			const struct answer_row *a = answer_of(g->r[t], q->id, i);
			q->critical |= a && a->critical;
			q->asked++;
			q->missed += !a || !a->agree;
			if (a && a->seconds >= 0) {
				q->seconds += a->seconds;
				q->timed++;
			}
			cat[i][t] = category(&cats, &k, a ? rated(a) : "-");
		}
	}
	counts = xcalloc(g->nq * (size_t)k + 1, sizeof *counts);
	for (size_t i = 0; i < g->nq; i++)
		for (size_t t = 0; t < g->n; t++)
			counts[i * (size_t)k + (size_t)cat[i][t]]++;
	double *p = xcalloc(g->nq + 1, sizeof *p);
	g->fleiss = kappa_fleiss(counts, g->nq, k, (int)g->n, p);
	for (size_t i = 0; i < g->nq; i++) {
		g->q[i].agreement = g->n > 1 ? p[i] : NAN;
		free(cat[i]);
	}
	free(p);
	free(cat);
	free(cats);
	free(counts);
	for (size_t t = 0; t < g->n; t++)
		g->passed += g->r[t]->pass == 1;
}

static int by_scenario(const void *a, const void *b)
{
	const struct row *x = *(const struct row *const *)a, *y = *(const struct row *const *)b;
	int c = strcmp(x->scenario, y->scenario);
	return c ? c : strcmp(x->trainee, y->trainee);
}

/* Critical misses first, then the most missed, then by id. */
static int by_miss(const void *a, const void *b)
{
	const struct qstat *x = a, *y = b;
	if (x->critical != y->critical)
		return y->critical - x->critical;
	if (x->missed != y->missed)
		return y->missed - x->missed;
	return strcmp(x->id, y->id);
}

/* The groups of c, one per scenario; *n set. */
static struct group *groups(struct class *c, size_t *n)
{
	struct row **order = xcalloc(c->nrows + 1, sizeof *order);
	for (size_t i = 0; i < c->nrows; i++) {
		order[i] = &c->rows[i];
		row_kappa(order[i]);
	}
	if (c->nrows > 1)
		qsort(order, c->nrows, sizeof *order, by_scenario);
	struct group *g = xcalloc(c->nrows + 1, sizeof *g);
	*n = 0;
	for (size_t i = 0; i < c->nrows; i++) {
		if (!*n || strcmp(g[*n - 1].r[0]->scenario, order[i]->scenario))
			g[(*n)++].r = &order[i];
		g[*n - 1].n++;
	}
	if (!*n)
		free(order);	/* otherwise g[0].r owns it */
	for (size_t i = 0; i < *n; i++) {
		group_count(&g[i]);
		if (g[i].nq > 1)
			qsort(g[i].q, g[i].nq, sizeof *g[i].q, by_miss);
	}
	return g;
}

static void groups_free(struct group *g, size_t n)
{
	if (n)
		free(g[0].r);
	for (size_t i = 0; i < n; i++)
		free(g[i].q);
	free(g);
}

/* ---- printing ------------------------------------------------------------- */

static void kappa_str(char *buf, size_t n, double k)
{
	if (isnan(k))
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%.2f", k);
}

static const char *pass_word(int pass)
{
	return pass == 1 ? _("yes") : pass == 0 ? _("NO") : "?";
}

/* A line cut to width columns, without trailing blanks. */
static void line(FILE *out, int width, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void line(FILE *out, int width, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	size_t n = strlen(buf);
	while (n > 0 && text_width(buf) > width) {
		n--;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)
			n--;
		buf[n] = '\0';
	}
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	fprintf(out, "%s\n", buf);
}

/* s cut or padded to exactly cols display columns, into buf. */
static const char *cell(char *buf, size_t size, const char *s, int cols)
{
	size_t n = 0;
	int w = 0;
	while (s[n]) {
		size_t k = 1;
		while (s[n + k] && ((unsigned char)s[n + k] & 0xC0) == 0x80)
			k++;
		uint32_t cp;
		text_decode(s + n, k, &cp);
		int cw = text_cp_width(cp);
		if (w + cw > cols || n + k + (size_t)cols >= size)
			break;
		w += cw < 0 ? 0 : cw;
		n += k;
	}
	memcpy(buf, s, n);
	while (w++ < cols && n + 1 < size)
		buf[n++] = ' ';
	buf[n] = '\0';
	return buf;
}

static void paragraph(FILE *out, const char *indent, const char *text, int width)
{
	char *w = text_wrap(text, width - (int)strlen(indent));
	for (char *l = w, *nl; l && *l; l = nl) {
		nl = strchr(l, '\n');
		if (nl)
			*nl++ = '\0';
		fprintf(out, "%s%s\n", indent, l);
		if (!nl)
			break;
	}
	free(w);
}

/* m:ss, or "-" without a time. */
static const char *duration(char *buf, size_t n, long secs)
{
	if (secs < 0)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%ld:%02ld", secs / 60, secs % 60);
	return buf;
}

static void report_txt(FILE *out, const struct group *g, size_t ng, size_t nrows, int width)
{
	line(out, width, "%s: %zu %s, %zu %s", _("Class report"), nrows,
	     nrows == 1 ? _("result") : _("results"), ng, ng == 1 ? _("scenario") : _("scenarios"));
	paragraph(out, "", _("kappa: agreement beyond chance, 1 = as the key (per trainee) or "
			     "all alike (the class), 0 = no better than chance. Agreement per "
			     "question: the share of pairs of trainees who answered alike."), width);
	for (size_t i = 0; i < ng; i++) {
		char fk[16], name[80];
		kappa_str(fk, sizeof fk, g[i].fleiss);
		fputc('\n', out);
		line(out, width, "%s v%ld: %zu %s, %d %s", g[i].r[0]->scenario, g[i].r[0]->version,
		     g[i].n, g[i].n == 1 ? _("trainee") : _("trainees"), g[i].passed, _("passed"));
		line(out, width, "  %s: %s", _("class agreement (Fleiss' kappa)"), fk);
		line(out, width, "  %s %5s %-4s %5s %5s  %-6s %-6s %-6s %-6s %-6s",
		     cell(name, sizeof name, _("trainee"), 12), _("score"), _("pass"), _("kappa"),
		     _("time"), "act", "means", "purpose", "child", "outcome");
		for (size_t t = 0; t < g[i].n; t++) {
			const struct row *r = g[i].r[t];
			char ck[16];
			kappa_str(ck, sizeof ck, r->kappa);
			char el[PART_COUNT][8];
			for (int p = 0; p < PART_COUNT; p++)
				snprintf(el[p], sizeof el[p], "%s", !r->el[p] ? "?" :
					 strcmp(r->el[p], "agree") ? "DIFFER" : "ok");
			char tm[32];
			line(out, width, "  %s %4d%% %-4s %5s %5s  %-6s %-6s %-6s %-6s %-6s",
			     cell(name, sizeof name, r->trainee, 12), r->score, pass_word(r->pass), ck,
			     duration(tm, sizeof tm, r->seconds), el[0], el[1], el[2], el[3], el[4]);
		}
		line(out, width, "  %s", _("Questions missed, critical (!!) first:"));
		size_t shown = 0;
		for (size_t k = 0; k < g[i].nq; k++) {
			const struct qstat *q = &g[i].q[k];
			if (!q->missed)
				continue;
			char ag[16];
			kappa_str(ag, sizeof ag, q->agreement);
			char tm[32];
			line(out, width, "  %s %d %s %d  %s  %s %s  %s %s", q->critical ? "!!" : "--",
			     q->missed, _("of"), q->asked, q->id, _("agreement"), ag, _("time"),
			     duration(tm, sizeof tm, q->timed ? q->seconds / q->timed : -1));
			shown++;
		}
		if (!shown)
			line(out, width, "    %s", _("none"));
	}
}

static void csv(FILE *out, const char *s, bool last)
{
	csv_field(out, s, NULL, CSV_QUOTE_ALL);
	fputs(last ? "\r\n" : ",", out);
}

static void report_csv(FILE *out, const struct group *g, size_t ng)
{
	fputs("\"trainee\",\"scenario\",\"version\",\"score\",\"pass\",\"kappa\",\"seconds\",\"act\",\"means\","
	      "\"purpose\",\"child\",\"outcome\"\r\n", out);
	for (size_t i = 0; i < ng; i++)
		for (size_t t = 0; t < g[i].n; t++) {
			const struct row *r = g[i].r[t];
			char v[32], s[32], k[16];
			snprintf(v, sizeof v, "%ld", r->version);
			snprintf(s, sizeof s, "%d", r->score);
			kappa_str(k, sizeof k, r->kappa);
			csv(out, r->trainee, false);
			csv(out, r->scenario, false);
			csv(out, v, false);
			csv(out, s, false);
			csv(out, r->pass == 1 ? "yes" : r->pass == 0 ? "no" : "", false);
			csv(out, k, false);
			char sec[32] = "";
			if (r->seconds >= 0)
				snprintf(sec, sizeof sec, "%ld", r->seconds);
			csv(out, sec, false);
			for (int p = 0; p < PART_COUNT; p++)
				csv(out, r->el[p] ? r->el[p] : "", p == PART_COUNT - 1);
		}
}

static void json_number(FILE *out, double k)
{
	if (isnan(k))
		fputs("null", out);
	else
		fprintf(out, "%.4f", k);
}

static void class_json(FILE *out, const struct group *g, size_t ng)
{
	fputs("{\"scenarios\": [", out);
	for (size_t i = 0; i < ng; i++) {
		fprintf(out, "%s\n  {\"id\": ", i ? "," : "");
		report_json_string(out, g[i].r[0]->scenario);
		fprintf(out, ", \"version\": %ld, \"trainees\": %zu, \"passed\": %d, \"fleiss\": ",
			g[i].r[0]->version, g[i].n, g[i].passed);
		json_number(out, g[i].fleiss);
		fputs(",\n   \"results\": [", out);
		for (size_t t = 0; t < g[i].n; t++) {
			const struct row *r = g[i].r[t];
			fprintf(out, "%s\n    {\"trainee\": ", t ? "," : "");
			report_json_string(out, r->trainee);
			fprintf(out, ", \"score\": %d, \"pass\": %s, \"kappa\": ", r->score,
				r->pass == 1 ? "true" : r->pass == 0 ? "false" : "null");
			json_number(out, r->kappa);
			if (r->seconds < 0)
				fputs(", \"seconds\": null}", out);
			else
				fprintf(out, ", \"seconds\": %ld}", r->seconds);
		}
		fputs("],\n   \"questions\": [", out);
		for (size_t k = 0; k < g[i].nq; k++) {
			const struct qstat *q = &g[i].q[k];
			fprintf(out, "%s\n    {\"id\": ", k ? "," : "");
			report_json_string(out, q->id);
			fprintf(out, ", \"critical\": %s, \"missed\": %d, \"asked\": %d, \"agreement\": ",
				q->critical ? "true" : "false", q->missed, q->asked);
			json_number(out, q->agreement);
			fputs(", \"mean_seconds\": ", out);
			json_number(out, q->timed ? (double)q->seconds / (double)q->timed : NAN);
			fputc('}', out);
		}
		fputs("]}", out);
	}
	fputs("\n]}\n", out);
}

int cmd_trainer_report(const struct cmd_ctx *ctx, const struct cmd_key_opts *key,
		       const char *format, char **files, int n)
{
	const char *fmt = format ? format : "txt";
	if (!key->key || n < 1 || (strcmp(fmt, "txt") && strcmp(fmt, "csv") && strcmp(fmt, "json"))) {
		fputs("tipscreen: trainer report needs FILE... --key TRAINER.key "
		      "[--format txt|csv|json]\n", stderr);
		return EXIT_INPUT;
	}
	int rc;
	struct keyfile_secret *k = cmd_secret_key(key, true, &rc);
	if (!k)
		return rc;
	struct class c = { 0 };
	for (int i = 0; i < n; i++)
		if (open_result(&c, files[i], k->box) != EXIT_OK)
			rc = EXIT_INPUT;
	keyfile_secret_free(k);
	size_t ng;
	struct group *g = groups(&c, &ng);
	if (!strcmp(fmt, "csv"))
		report_csv(ctx->out, g, ng);
	else if (!strcmp(fmt, "json"))
		class_json(ctx->out, g, ng);
	else
		report_txt(ctx->out, g, ng, c.nrows, ctx->width > 0 ? ctx->width : 80);
	groups_free(g, ng);
	for (size_t i = 0; i < c.nrows; i++)
		row_free(&c.rows[i]);
	free(c.rows);
	return rc;
}
