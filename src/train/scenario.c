#include "train/scenario.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/schema.h"
#include "base/stanza.h"
#include "base/suggest.h"
#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/interview.h"
#include "domain/law.h"

static const char *const level_names[LEVEL_COUNT] = { "basic", "intermediate", "advanced" };
static const char *const part_names[PART_COUNT] = { "act", "means", "purpose", "child", "outcome" };

const char *scenario_level_name(enum scenario_level l)
{
	return level_names[l];
}

const char *scenario_part_name(enum scenario_part p)
{
	return part_names[p];
}

/* What is being read, for the field handlers. */
struct reader {
	struct scenario *s;
	const struct deck *dk;
	const char *path;
	struct diags *d;
	bool seen_outcome, seen_cites, seen_flags, seen_law_outcome;
	const char *outcome_names[OUT_INCOMPLETE + 1];	/* the vocabulary, for lookups */
	const char *flag_names[FLAG_COUNT];
	const char *cite_names[CITE_COUNT];
};

static void init_names(struct reader *r)
{
	for (int i = 0; i <= OUT_INCOMPLETE; i++)
		r->outcome_names[i] = assess_outcome_name((enum outcome)i);
	for (int i = 0; i < FLAG_COUNT; i++)
		r->flag_names[i] = assess_flag_name((enum flag)i);
	for (int i = 0; i < CITE_COUNT; i++)
		r->cite_names[i] = assess_cite_name((enum cite)i);
}

/* An error at the value of field f. */
#define BAD(r, f, ...) diags_add((r)->d, (r)->path, (f)->vline, (f)->vcol, __VA_ARGS__)

/* Looks word up in names[0..n); -1 after an error naming the field. */
static int lookup(struct reader *r, const struct field *f, int col, const char *word,
		  const char *const *names, size_t n, const char *what)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(word, names[i]) == 0)
			return (int)i;
	const char *near = suggest_nearest(word, names, n);
	if (near)
		diags_add(r->d, r->path, f->vline, col, "unknown %s '%s' (did you mean '%s'?)", what,
			  word, near);
	else
		diags_add(r->d, r->path, f->vline, col, "unknown %s '%s'", what, word);
	return -1;
}

/* Calls fn on every space-separated word of f's value, with its column. */
typedef void word_fn(struct reader *r, const struct field *f, const char *word, int col, void *arg);
static void each_word(struct reader *r, const struct field *f, word_fn *fn, void *arg)
{
	const char *v = f->value;
	size_t i = 0;
	while (v[i]) {
		while (v[i] == ' ')
			i++;
		size_t j = i;
		while (v[j] && v[j] != ' ')
			j++;
		if (j > i) {
			char *w = xstrndup(v + i, j - i);
			fn(r, f, w, f->vcol + (int)i, arg);
			free(w);
		}
		i = j;
	}
}

static void add_flag(struct reader *r, const struct field *f, const char *w, int col, void *arg)
{
	bool *set = arg;
	if (strcmp(w, "none") == 0)
		return;
	int i = lookup(r, f, col, w, r->flag_names, FLAG_COUNT, "flag");
	if (i >= 0)
		set[i] = true;
}

static void add_cite(struct reader *r, const struct field *f, const char *w, int col, void *arg)
{
	(void)arg;
	int i = lookup(r, f, col, w, r->cite_names, CITE_COUNT, "citation");
	if (i >= 0)
		r->s->cite[i] = true;
}

/* Audience words are the role codes of the deck's setup.role screen. */
static void add_role(struct reader *r, const struct field *f, const char *w, int col, void *arg)
{
	(void)arg;
	int sc = deck_screen_find(r->dk, "setup.role");
	if (sc >= 0) {
		const struct screen *s = &r->dk->s[sc];
		const char **codes = xmalloc((s->nchoices + 1) * sizeof *codes);
		for (size_t i = 0; i < s->nchoices; i++)
			codes[i] = s->choices[i].code;
		int k = lookup(r, f, col, w, codes, s->nchoices, "audience (a setup.role code)");
		free(codes);
		if (k < 0)
			return;
	}
	r->s->audience = xrealloc(r->s->audience, (r->s->naudience + 1) * sizeof *r->s->audience);
	r->s->audience[r->s->naudience++] = xstrdup(w);
}

static int one_outcome(struct reader *r, const struct field *f)
{
	int o = lookup(r, f, f->vcol, f->value, r->outcome_names, OUT_INCOMPLETE + 1, "outcome");
	return o < 0 ? OUT_INCOMPLETE : o;
}

/* The header stanza's fields: a table of key, rules and handler. */

static void h_id(void *obj, const struct field *f)
{
	struct reader *r = obj;
	if (!schema_is_id(f->value))
		BAD(r, f, "bad scenario id '%s': expected lower-case letters, digits, '-' and '.'",
		    f->value);
	r->s->id = xstrdup(f->value);
}

static void h_version(void *obj, const struct field *f)
{
	struct reader *r = obj;
	char *end;
	errno = 0;
	long v = strtol(f->value, &end, 10);
	if (errno || *end || v < 1 || end == f->value)
		BAD(r, f, "bad version '%s': expected a whole number from 1", f->value);
	r->s->version = v;
}

static void h_title(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->title = xstrdup(f->value);
}

static void h_teaches(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->teaches = xstrdup(f->value);
}

static void h_persona(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->persona = xstrdup(f->value);
}

static void h_setting(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->setting = xstrdup(f->value);
}

static void add_teaching_cite(struct reader *r, const struct field *f, const char *w, int col,
			      void *arg)
{
	(void)arg;
	const char *ids[8];
	size_t n = 0;
	while (n < 8 && (ids[n] = law_teaching_id(n)))
		n++;
	if (lookup(r, f, col, w, ids, n, "teaching citation") < 0)
		return;
	struct scenario *s = r->s;
	s->teaching_cite = xrealloc(s->teaching_cite, (s->nteaching_cite + 1) * sizeof *s->teaching_cite);
	s->teaching_cite[s->nteaching_cite++] = xstrdup(w);
}

static void h_teaching_cites(void *obj, const struct field *f)
{
	each_word(obj, f, add_teaching_cite, NULL);
}

static void h_audience(void *obj, const struct field *f)
{
	struct reader *r = obj;
	each_word(r, f, add_role, NULL);
}

static void h_level(void *obj, const struct field *f)
{
	struct reader *r = obj;
	int l = lookup(r, f, f->vcol, f->value, level_names, LEVEL_COUNT, "level");
	r->s->level = l < 0 ? LEVEL_BASIC : (enum scenario_level)l;
}

static void h_outcome(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->outcome = (enum outcome)one_outcome(r, f);
	r->seen_outcome = true;
}

static void h_flags(void *obj, const struct field *f)
{
	struct reader *r = obj;
	each_word(r, f, add_flag, r->s->flag);
	r->seen_flags = true;
}

static void h_cites(void *obj, const struct field *f)
{
	struct reader *r = obj;
	each_word(r, f, add_cite, NULL);
	r->seen_cites = true;
}

static void h_stop(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->stop_at = deck_screen_find(r->dk, f->value);
	if (r->s->stop_at < 0)
		BAD(r, f, "Stop-At names unknown screen '%s'", f->value);
}

static void h_law(void *obj, const struct field *f)
{
	struct reader *r = obj;
	if (!schema_is_id(f->value))
		BAD(r, f, "bad law profile id '%s'", f->value);
	r->s->law = xstrdup(f->value);
}

static void h_law_outcome(void *obj, const struct field *f)
{
	struct reader *r = obj;
	r->s->law_outcome = (enum outcome)one_outcome(r, f);
	r->seen_law_outcome = true;
}

static void h_law_flags(void *obj, const struct field *f)
{
	struct reader *r = obj;
	each_word(r, f, add_flag, r->s->law_flag);
}

enum { REQ = SCHEMA_REQUIRED | SCHEMA_NONEMPTY, OPT = SCHEMA_NONEMPTY };
static const struct schema_field head_fields[] = {
	{ "Scenario", REQ, h_id },       { "Version", REQ, h_version },
	{ "Title", REQ, h_title },       { "Audience", REQ, h_audience },
	{ "Level", REQ, h_level },       { "Teaches", REQ, h_teaches },
	{ "Persona", REQ, h_persona },   { "Setting", OPT, h_setting },
	{ "Outcome", REQ, h_outcome },
	{ "Flags", REQ, h_flags },       { "Cites", REQ, h_cites },
	{ "Stop-At", OPT, h_stop },      { "Law", OPT, h_law },
	{ "Law-Outcome", OPT, h_law_outcome }, { "Law-Flags", OPT, h_law_flags },
	{ "Teaching-Cites", OPT, h_teaching_cites },
};
static const struct schema head_schema = SCHEMA_OF("the scenario's first stanza", head_fields);

static void read_head(struct reader *r, const struct stanza *st)
{
	schema_read(&head_schema, st, r->path, r, r->d);
	if (r->s->law && !r->seen_law_outcome)
		diags_add(r->d, r->path, st->line, 1,
			  "'Law: %s' without 'Law-Outcome:': say the outcome expected under it", r->s->law);
	if (!r->s->law && (stanza_get(st, "Law-Outcome") || stanza_get(st, "Law-Flags")))
		diags_add(r->d, r->path, st->line, 1, "'Law-Outcome:' or 'Law-Flags:' without 'Law:'");
}

static bool yes_no(struct reader *r, const struct field *f)
{
	static const char *const words[] = { "yes", "no" };
	return schema_word(f, words, 2, r->path, r->d) == 0;
}

/* Checks that v is an answer to the ask's slot. */
static void check_answer(struct reader *r, const struct scenario_ask *q, const struct field *f,
			 const char *v, int col)
{
	struct answer a;
	const char *why;
	if (answer_parse(r->dk, q->slot, v, &a, &why) < 0)
		diags_add(r->d, r->path, f->vline, col, "'%s' is not an answer to %s: expected %s", v,
			  q->id, why);
	answer_clear(&a);
}

static void add_accept(struct reader *r, const struct field *f, const char *w, int col, void *arg)
{
	struct scenario_ask *q = arg;
	if (q->naccept == SCENARIO_MAX_ACCEPT) {
		diags_add(r->d, r->path, f->vline, col, "more than %d acceptable answers",
			  SCENARIO_MAX_ACCEPT);
		return;
	}
	long lo, hi;
	if (scenario_range(w, &lo, &hi) && (q->slot < 0 || deck_slot_type(r->dk, q->slot) != SCR_NUMBER ||
				   lo > hi))
		diags_add(r->d, r->path, f->vline, col, "'%s' is not a range for %s: expected N-M, "
			  "N not above M, on a number question", w, q->id);
	else if (q->slot >= 0 && !scenario_range(w, &lo, &hi))
		check_answer(r, q, f, w, col);
	q->accept[q->naccept++] = xstrdup(w);
}

static void unknown_ask(struct reader *r, const struct field *f)
{
	const char **ids = xmalloc((r->dk->n + r->dk->nslots) * sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < r->dk->n; i++)
		ids[n++] = r->dk->s[i].id;
	for (size_t i = 0; i < r->dk->nslots; i++)
		ids[n++] = r->dk->slots[i].id;
	const char *near = suggest_nearest(f->value, ids, n);
	if (near)
		BAD(r, f, "unknown screen or item id '%s' (did you mean '%s'?)", f->value, near);
	else
		BAD(r, f, "unknown screen or item id '%s': expected an id of the deck", f->value);
	free(ids);
}

static struct scenario_ask *cur_ask(struct reader *r)
{
	return &r->s->ask[r->s->nask - 1];
}

static void q_says(void *obj, const struct field *f)
{
	cur_ask(obj)->says = xstrdup(f->value);
}

static void q_expert(void *obj, const struct field *f)
{
	struct reader *r = obj;
	struct scenario_ask *q = cur_ask(r);
	q->expert = xstrdup(f->value);
	if (q->slot >= 0)
		check_answer(r, q, f, f->value, f->vcol);
	else if (q->screen >= 0)
		diags_add(r->d, r->path, f->line, f->col,
			  "screen '%s' takes no answer: give it 'Says:' only", q->id);
}

static void q_accept(void *obj, const struct field *f)
{
	struct reader *r = obj;
	each_word(r, f, add_accept, cur_ask(r));
}

static void q_critical(void *obj, const struct field *f)
{
	struct reader *r = obj;
	cur_ask(r)->critical = yes_no(r, f);
}

static void q_graded(void *obj, const struct field *f)
{
	struct reader *r = obj;
	cur_ask(r)->ungraded = !yes_no(r, f) && strcmp(f->value, "no") == 0;
}

static void q_teaching(void *obj, const struct field *f)
{
	cur_ask(obj)->teaching = xstrdup(f->value);
}

static const struct schema_field ask_fields[] = {
	{ "Ask", OPT, NULL },	/* read_ask reads the id first */
	{ "Says", OPT, q_says },	{ "Expert", OPT, q_expert },
	{ "Accept", OPT, q_accept },	{ "Critical", OPT, q_critical },
	{ "Teaching", OPT, q_teaching },	{ "Graded", OPT, q_graded },
};
static const struct schema ask_schema = SCHEMA_OF("a question stanza", ask_fields);

static void read_ask(struct reader *r, const struct stanza *st)
{
	struct scenario *s = r->s;
	const struct field *id = stanza_get(st, "Ask");
	for (size_t i = 0; i < s->nask; i++)
		if (strcmp(s->ask[i].id, id->value) == 0)
			diags_add(r->d, r->path, id->vline, id->vcol,
				  "'%s' is asked twice (first at line %d)", id->value, s->ask[i].line);
	s->ask = xrealloc(s->ask, (s->nask + 1) * sizeof *s->ask);
	struct scenario_ask *q = &s->ask[s->nask++];
	memset(q, 0, sizeof *q);
	q->id = xstrdup(id->value);
	q->line = id->line;
	q->slot = deck_slot_find(r->dk, id->value);
	q->screen = q->slot >= 0 ? r->dk->slots[q->slot].screen : deck_screen_find(r->dk, id->value);
	if (q->screen < 0)
		unknown_ask(r, id);
	schema_read(&ask_schema, st, r->path, r, r->d);
	if (q->slot >= 0 && !q->expert)
		diags_add(r->d, r->path, id->line, id->col, "question '%s' has no 'Expert:' answer", q->id);
	if (!q->expert && !q->says)
		diags_add(r->d, r->path, id->line, id->col, "'%s' has neither 'Says:' nor 'Expert:'",
			  q->id);
	if ((q->critical || q->naccept || q->ungraded) && !q->expert)
		diags_add(r->d, r->path, id->line, id->col,
			  "'Critical:', 'Accept:' or 'Graded:' on '%s', which has no 'Expert:' answer", q->id);
}

static struct scenario_point *cur_point(struct reader *r)
{
	return &r->s->point[r->s->npoint - 1];
}

static void p_critical(void *obj, const struct field *f)
{
	struct reader *r = obj;
	cur_point(r)->critical = yes_no(r, f);
}

static void p_teaching(void *obj, const struct field *f)
{
	cur_point(obj)->teaching = xstrdup(f->value);
}

static const struct schema_field point_fields[] = {
	{ "About", OPT, NULL },	/* read_point reads it first */
	{ "Critical", OPT, p_critical },
	{ "Teaching", REQ, p_teaching },
};
static const struct schema point_schema = SCHEMA_OF("a teaching point stanza", point_fields);

static void read_point(struct reader *r, const struct stanza *st)
{
	struct scenario *s = r->s;
	const struct field *about = stanza_get(st, "About");
	s->point = xrealloc(s->point, (s->npoint + 1) * sizeof *s->point);
	struct scenario_point *p = &s->point[s->npoint++];
	memset(p, 0, sizeof *p);
	p->part = p->flag = -1;
	p->line = about->line;
	for (int i = 0; i < PART_COUNT; i++)
		if (strcmp(about->value, part_names[i]) == 0)
			p->part = i;
	if (p->part < 0) {
		const char *all[PART_COUNT + FLAG_COUNT];
		for (int i = 0; i < PART_COUNT; i++)
			all[i] = part_names[i];
		for (int i = 0; i < FLAG_COUNT; i++)
			all[PART_COUNT + i] = r->flag_names[i];
		int k = lookup(r, about, about->vcol, about->value, all, PART_COUNT + FLAG_COUNT,
			       "element or flag");
		if (k >= PART_COUNT)
			p->flag = k - PART_COUNT;
	}
	schema_read(&point_schema, st, r->path, r, r->d);
	if (!p->teaching)
		p->teaching = xstrdup("");
}

int scenario_load(const char *path, const struct deck *deck, struct scenario *out,
		  struct diags *d)
{
	memset(out, 0, sizeof *out);
	out->path = xstrdup(path);
	out->stop_at = -1;
	out->outcome = out->law_outcome = OUT_INCOMPLETE;
	size_t before = d->n;
	struct stanza_file f;
	if (stanza_read(path, &f, d) < 0) {
		stanza_file_free(&f);
		return -1;
	}
	struct reader r = { out, deck, path, d, false, false, false, false, { 0 }, { 0 }, { 0 } };
	init_names(&r);
	if (f.n == 0)
		diags_add(d, path, 1, 1, "empty scenario: expected a first stanza starting 'Scenario:'");
	else if (!stanza_get(&f.s[0], "Scenario"))
		diags_add(d, path, f.s[0].line, 1, "expected the first stanza to start with 'Scenario:'");
	for (size_t i = 0; i < f.n; i++) {
		const struct stanza *st = &f.s[i];
		if (i == 0 && stanza_get(st, "Scenario"))
			read_head(&r, st);
		else if (stanza_get(st, "Ask"))
			read_ask(&r, st);
		else if (stanza_get(st, "About"))
			read_point(&r, st);
		else if (i > 0)
			diags_add(d, path, st->line, 1,
				  "expected a stanza starting 'Ask:' (a question) or 'About:' (a teaching point)");
	}
	if (!out->id)
		out->id = xstrdup("");
	stanza_file_free(&f);
	return d->n > before ? -1 : 0;
}

void scenario_free(struct scenario *s)
{
	free(s->path);
	free(s->id);
	free(s->title);
	free(s->teaches);
	free(s->persona);
	free(s->setting);
	for (size_t i = 0; i < s->nteaching_cite; i++)
		free(s->teaching_cite[i]);
	free(s->teaching_cite);
	free(s->law);
	for (size_t i = 0; i < s->naudience; i++)
		free(s->audience[i]);
	free(s->audience);
	for (size_t i = 0; i < s->nask; i++) {
		struct scenario_ask *q = &s->ask[i];
		free(q->id);
		free(q->says);
		free(q->expert);
		free(q->teaching);
		for (size_t k = 0; k < q->naccept; k++)
			free(q->accept[k]);
	}
	free(s->ask);
	for (size_t i = 0; i < s->npoint; i++)
		free(s->point[i].teaching);
	free(s->point);
	memset(s, 0, sizeof *s);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n > k && strcmp(s + n - k, tail) == 0;
}

int scenario_load_dir(const char *dir, const struct deck *deck, struct scenario **out,
		      size_t *n, struct diags *d)
{
	*out = NULL;
	*n = 0;
	DIR *dp = opendir(dir);
	if (!dp) {
		if (errno == ENOENT)
			return 0;
		diags_add(d, dir, 0, 0, "cannot read the directory: %s", strerror(errno));
		return -1;
	}
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(dp)))
		if (e->d_name[0] != '.' && ends_with(e->d_name, ".scenario")) {
			names = xrealloc(names, (nn + 1) * sizeof *names);
			names[nn++] = xasprintf("%s/%s", dir, e->d_name);
		}
	closedir(dp);
	if (nn)
		qsort(names, nn, sizeof *names, cmp_str);
	size_t before = d->n;
	*out = xcalloc(nn ? nn : 1, sizeof **out);
	for (size_t i = 0; i < nn; i++) {
		scenario_load(names[i], deck, &(*out)[i], d);
		for (size_t k = 0; k < i; k++)
			if (*(*out)[i].id && strcmp((*out)[k].id, (*out)[i].id) == 0)
				diags_add(d, names[i], 1, 1, "scenario id '%s' is also the id of %s",
					  (*out)[i].id, (*out)[k].path);
		free(names[i]);
	}
	free(names);
	*n = nn;
	return d->n > before ? -1 : (int)nn;
}

void scenario_list_free(struct scenario *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		scenario_free(&v[i]);
	free(v);
}

const struct scenario *scenario_find(const struct scenario *v, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

const struct scenario_ask *scenario_ask_of(const struct scenario *s, const char *id)
{
	for (size_t i = 0; i < s->nask; i++)
		if (strcmp(s->ask[i].id, id) == 0)
			return &s->ask[i];
	return NULL;
}
