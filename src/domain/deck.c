/* deck: reading the *.screen files of a deck into screens, items and
 * sections, each stanza kind a schema table (base/schema.h); deck_link.c
 * then links them, deck_query.c answers questions about a loaded deck. */
#include "domain/deck.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/codec.h"
#include "base/schema.h"
#include "base/stanza.h"
#include "base/suggest.h"
#include "base/text.h"
#include "base/xalloc.h"
#include "domain/deck_loader.h"

#define X_NAME(e, name) name,
static const char *const type_names[SCR_TYPE_COUNT] = { SCREEN_TYPE_TABLE(X_NAME) };
#undef X_NAME

/* An error at line and col of the file being read. */
void deck_err(struct deck_loader *L, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = xmalloc(1024);
	vsnprintf(m, 1024, fmt, ap);
	va_end(ap);
	diags_add(L->d, L->file, line, col, "%s", m);
	free(m);
}

/* What a row of deck_type_rules may permit: one predicate per field. */
static bool has_range(const struct deck_type_rules *r)
{
	return r->range;
}

static bool has_choices(const struct deck_type_rules *r)
{
	return r->choices;
}

static bool has_indicates(const struct deck_type_rules *r)
{
	return r->indicates;
}

/* The names of the types whose row permits it, as a message says them
 * ("single and multi"), into buf. */
static const char *types_with(bool (*permits)(const struct deck_type_rules *), char *buf,
			      size_t size)
{
	const char *names[SCR_TYPE_COUNT];
	size_t n = 0, used = 0;
	for (int t = 0; t < SCR_TYPE_COUNT; t++)
		if (permits(deck_type_rules((enum screen_type)t)))
			names[n++] = type_names[t];
	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s",
					 i == 0 ? "" : i + 1 == n ? " and " : ", ", names[i]);
	return buf;
}

static int lookup(const char *const *list, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return (int)i;
	return -1;
}

/* "unknown X 'name' (did you mean 'y'?)" */
static void err_unknown(struct deck_loader *L, const struct field *f, const char *what,
			const char *const *cands, size_t n, const char *expected)
{
	const char *near = suggest_nearest(f->value, cands, n);
	if (near)
		deck_err(L, f->vline, f->vcol, "unknown %s '%s' (did you mean '%s'?)", what, f->value, near);
	else
		deck_err(L, f->vline, f->vcol, "unknown %s '%s': expected %s", what, f->value, expected);
}

static const char *const yes_no[] = { "yes", "no" };

static bool parse_bool(struct deck_loader *L, const struct stanza *st, const char *key)
{
	const struct field *f = stanza_get(st, key);
	return f && schema_word(f, yes_no, 2, L->file, L->d) == 0;
}

static int parse_indicator(struct deck_loader *L, const struct stanza *st)
{
	const struct field *f = stanza_get(st, "Indicates");
	if (!f)
		return -1;
	int i = indicator_lookup(f->value);
	if (i < 0) {
		const char *ids[IND_COUNT];
		for (int k = 0; k < IND_COUNT; k++)
			ids[k] = indicator_id(k);
		err_unknown(L, f, "indicator", ids, IND_COUNT, "an indicator id such as act.recruitment or means.deception "
			    "(the list: README, \"Writing screens\")");
	}
	return i;
}

static void check_intended(struct deck_loader *L, const struct stanza *st, int indicator,
			   bool intended)
{
	const struct field *f = stanza_get(st, "Intended");
	if (intended && (indicator < 0 || indicator_element(indicator) != EL_PURPOSE))
		deck_err(L, f->line, f->col, "'Intended: yes' needs a purpose indicator in 'Indicates:'");
}

/* Sets: key  or  Sets: key=value */
static struct setter parse_setter(struct deck_loader *L, const struct stanza *st)
{
	struct setter set = { -1, -1 };
	const struct field *f = stanza_get(st, "Sets");
	if (!f)
		return set;
	char *key = xstrdup(f->value);
	char *eq = strchr(key, '=');
	if (eq)
		*eq++ = '\0';
	set.key = inputs_key_lookup(key);
	if (set.key < 0) {
		const char *names[IN_KEY_COUNT];
		for (int k = 0; k < IN_KEY_COUNT; k++)
			names[k] = inputs_key_name(k);
		const char *near = suggest_nearest(key, names, IN_KEY_COUNT);
		if (near)
			deck_err(L, f->vline, f->vcol, "unknown assessment input '%s' (did you mean '%s'?)",
			    key, near);
		else
			deck_err(L, f->vline, f->vcol, "unknown assessment input '%s': expected %s", key,
			    inputs_key_list());
	} else if (eq) {
		set.value = inputs_value_lookup(set.key, eq);
		if (set.value < 0)
			deck_err(L, f->vline, f->vcol + (int)(eq - key), "'%s' is not a value for %s: expected %s",
			    eq, key, inputs_key_allowed(set.key));
	}
	free(key);
	return set;
}

/* Choice: code[=value] Label */
static void parse_choice(struct deck_loader *L, struct screen *sc, const struct field *f)
{
	const char *v = f->value;
	size_t n = strcspn(v, " \t");
	if (n == 0 || !v[n]) {
		deck_err(L, f->vline, f->vcol, "expected 'code label' (a code, a space, then the label)");
		return;
	}
	if (sc->nchoices >= DECK_MAX_CHOICES) {
		deck_err(L, f->line, f->col, "more than %d choices", DECK_MAX_CHOICES);
		return;
	}
	struct choice c = { .value = -1, .line = f->line };
	c.code = xstrndup(v, n);
	char *eq = strchr(c.code, '=');
	const char *word = c.code;
	if (eq) {
		*eq = '\0';
		word = eq + 1;
	}
	if (sc->set.key >= 0 && sc->set.value < 0) {
		c.value = inputs_value_lookup(sc->set.key, word);
		if (c.value < 0)
			deck_err(L, f->vline, f->vcol, "choice '%s' sets %s, which takes %s: write %s=VALUE",
			    c.code, inputs_key_name(sc->set.key), inputs_key_allowed(sc->set.key), c.code);
	} else if (eq) {
		deck_err(L, f->vline, f->vcol, "'code=value' needs a 'Sets: KEY' on the screen");
	}
	for (size_t i = 0; i < sc->nchoices; i++)
		if (strcmp(sc->choices[i].code, c.code) == 0)
			deck_err(L, f->vline, f->vcol, "choice code '%s' is used twice", c.code);
	while (v[n] == ' ' || v[n] == '\t')
		n++;
	c.label = xstrdup(v + n);
	sc->choices = xrealloc(sc->choices, (sc->nchoices + 1) * sizeof *sc->choices);
	sc->choices[sc->nchoices++] = c;
}

static void parse_range(struct deck_loader *L, struct screen *sc, const struct stanza *st)
{
	const struct field *f = stanza_get(st, "Range");
	char names[128];
	if (!deck_type_rules(sc->type)->range) {
		if (f)
			deck_err(L, f->line, f->col, "'Range:' is only for %s screens",
			    types_with(has_range, names, sizeof names));
		return;
	}
	char extra;
	if (!f || sscanf(f->value, "%ld %ld %c", &sc->min, &sc->max, &extra) != 2 ||
	    sc->min > sc->max || sc->min < 0 || sc->max > 1000000)
		deck_err(L, f ? f->vline : sc->line, f ? f->vcol : 1,
		    "expected 'Range: MIN MAX' with 0 <= MIN <= MAX <= 1000000");
}

/* Whether a yesno screen's yes, no and don't know ("yes", "no", "unknown")
 * are words of the key: not for the ages, the interpreter, or the child and
 * minor-now statuses (whose "presumed" must be said: Sets: KEY=VALUE). */
static bool yesno_sets(enum input_key k)
{
	return !inputs_key_is_number(k) && k != IN_INTERPRETER && k != IN_CHILD &&
	       k != IN_MINOR_NOW;
}

/* Which inputs a screen type may set, and how. */
static void check_setter(struct deck_loader *L, struct screen *sc, const struct stanza *st)
{
	const struct field *f = stanza_get(st, "Sets");
	if (!f || sc->set.key < 0)
		return;
	bool ok, number = inputs_key_is_number(sc->set.key);
	switch (deck_type_rules(sc->type)->sets) {
	case DECK_SETS_YESNO: ok = sc->set.value >= 0 || yesno_sets(sc->set.key); break;
	case DECK_SETS_NUMBER: ok = number && sc->set.value < 0; break;
	case DECK_SETS_CHOICE: ok = !number && sc->set.value < 0; break;
	case DECK_SETS_VISIT: ok = sc->set.value >= 0; break;
	default: ok = false;
	}
	if (!ok)
		deck_err(L, f->vline, f->vcol, "a %s screen cannot set '%s'", type_names[sc->type], f->value);
}

static void check_text(struct deck_loader *L, struct screen *sc, const struct stanza *st)
{
	const struct deck_type_rules *r = deck_type_rules(sc->type);
	char names[128];
	if (!sc->question && r->question)
		deck_err(L, sc->line, 1, "screen '%s' has no 'Question:'", sc->id);
	if (r->asks && (!sc->help || !sc->why))
		deck_err(L, sc->line, 1, "screen '%s' needs 'Help:' for the interviewer and 'Why:' (why we ask)",
		    sc->id);
	if (sc->indicator >= 0 && !r->indicates)
		deck_err(L, stanza_get(st, "Indicates")->line, 1,
		    "'Indicates:' is for %s screens and checklist items",
		    types_with(has_indicates, names, sizeof names));
	if (r->choices && sc->nchoices < 2)
		deck_err(L, sc->line, 1, "a %s screen needs at least two 'Choice:' lines", type_names[sc->type]);
	if (sc->nchoices && !r->choices)
		deck_err(L, sc->choices[0].line, 1, "'Choice:' is only for %s screens",
		    types_with(has_choices, names, sizeof names));
}

/* What an id may not be, or NULL: the words conditions and answers files
 * give a meaning of their own. */
static const char *reserved(const char *id)
{
	const char *what = guard_reserved(id);
	if (what)
		return what;
	if (element_lookup(id) >= 0)
		return "an element";
	if (inputs_key_lookup(id) >= 0)
		return "an assessment input";
	if (strcmp(id, "stop-at") == 0)
		return "the answers files' key for the stop";
	if (strcmp(id, "end") == 0)
		return "the target that ends the interview";
	return NULL;
}

/* An id that is an indicator's id names that indicator in conditions, so
 * only the screen or item that indicates it may take it. */
static void check_id_indicator(struct deck_loader *L, const struct field *f, int indicator)
{
	int i = indicator_lookup(f->value);
	if (i >= 0 && i != indicator)
		deck_err(L, f->vline, f->vcol, "id '%s' is an indicator id, but this does not indicate it: "
		    "choose another id", f->value);
}

/* A screen or item id: a letter, then letters, digits, '.', '-' or '_' (it
 * must be a name in conditions), and none of the reserved words. */
static bool id_char(char c, bool first)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (!first && ((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'));
}

static void check_id(struct deck_loader *L, const struct field *f, const char *what)
{
	const char *id = f->value, *p = id;
	while (*p && id_char(*p, p == id))
		p++;
	const char *r;
	if (*p || p == id)
		deck_err(L, f->vline, f->vcol + (int)text_chars(id, (size_t)(p - id)),
		    "%s id '%s': expected a letter, then letters, digits, '.', '-' or '_'", what, id);
	else if ((r = reserved(id)))
		deck_err(L, f->vline, f->vcol, "%s id '%s' is %s: choose another id", what, id, r);
}

/* The screen or item being read, for the take functions. */
static struct screen *cur_screen(struct deck_loader *L)
{
	return &L->deck->s[L->deck->n - 1];
}

static struct item *cur_item(struct deck_loader *L)
{
	struct screen *sc = cur_screen(L);
	return &sc->items[sc->nitems - 1];
}

static void take_screen(void *obj, const struct field *f)
{
	struct deck_loader *L = obj;
	cur_screen(L)->id = xstrdup(f->value);
	check_id(L, f, "screen");
}

static void take_type(void *obj, const struct field *f)
{
	struct deck_loader *L = obj;
	int type = lookup(type_names, SCR_TYPE_COUNT, f->value);
	if (type < 0)
		err_unknown(L, f, "screen type", type_names, SCR_TYPE_COUNT,
			    "note, yesno, single, multi, number, text, checklist, review, summary, referral or stop");
	cur_screen(L)->type = type < 0 ? SCR_NOTE : (enum screen_type)type;
}

static void take_section(void *obj, const struct field *f)
{
	struct screen *sc = cur_screen(obj);
	sc->section = xstrdup(f->value);
	sc->section_col = f->vcol;
	sc->section_line = f->vline;
}

static void take_question(void *obj, const struct field *f)
{
	cur_screen(obj)->question = xstrdup(f->value);
}

static void take_help(void *obj, const struct field *f)
{
	cur_screen(obj)->help = xstrdup(f->value);
}

static void take_why(void *obj, const struct field *f)
{
	cur_screen(obj)->why = xstrdup(f->value);
}

static void take_fact(void *obj, const struct field *f)
{
	cur_screen(obj)->fact = xstrdup(f->value);
}

static void take_statement(void *obj, const struct field *f)
{
	cur_screen(obj)->statement = xstrdup(f->value);
}

static void take_next(void *obj, const struct field *f)
{
	struct screen *sc = cur_screen(obj);
	sc->next = xrealloc(sc->next, (sc->nnext + 1) * sizeof *sc->next);
	struct transition *tr = &sc->next[sc->nnext++];
	memset(tr, 0, sizeof *tr);
	tr->target = xstrdup(f->value);	/* split into target and guard later */
	tr->line = f->vline;
	tr->col = f->vcol;
}

/* Type, Indicates, Intended, Sets, Range and Choice depend on each other,
 * so add_screen reads them once the table has checked the stanza. */
static const struct schema_field screen_fields[] = {
	{ "Screen", 0, take_screen },
	{ "Type", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take_type },
	{ "Section", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take_section },
	{ "Question", SCHEMA_NONEMPTY, take_question },
	{ "Help", SCHEMA_NONEMPTY, take_help },
	{ "Why", SCHEMA_NONEMPTY, take_why },
	{ "Indicates", SCHEMA_NONEMPTY, NULL },
	{ "Intended", 0, NULL },
	{ "Sets", SCHEMA_NONEMPTY, NULL },
	{ "Range", 0, NULL },
	{ "Choice", SCHEMA_REPEATS, NULL },
	{ "Next", SCHEMA_REPEATS | SCHEMA_NONEMPTY, take_next },
	{ "Fact", SCHEMA_NONEMPTY, take_fact },
	{ "Statement", SCHEMA_NONEMPTY, take_statement },
};
static const struct schema screen_schema = SCHEMA_OF("a screen", screen_fields);

static void add_screen(struct deck_loader *L, const struct stanza *st)
{
	struct deck *dk = L->deck;
	xgrow((void **)&dk->s, &L->capscreens, dk->n + 1, sizeof *dk->s);
	struct screen *sc = &dk->s[dk->n++];
	memset(sc, 0, sizeof *sc);
	sc->file = L->file;
	sc->line = st->line;
	sc->slot = -1;
	sc->type = SCR_NOTE;
	schema_read(&screen_schema, st, L->file, L, L->d);
	if (!sc->id)
		sc->id = xstrdup("");
	if (!sc->section)
		sc->section = xstrdup("");
	sc->indicator = parse_indicator(L, st);
	check_id_indicator(L, stanza_get(st, "Screen"), sc->indicator);
	sc->intended = parse_bool(L, st, "Intended");
	check_intended(L, st, sc->indicator, sc->intended);
	sc->set = parse_setter(L, st);
	check_setter(L, sc, st);
	parse_range(L, sc, st);
	for (size_t i = 0; i < st->n; i++)
		if (strcasecmp(st->f[i].key, "Choice") == 0)
			parse_choice(L, sc, &st->f[i]);
	if (deck_type_rules(sc->type)->sets == DECK_SETS_CHOICE && sc->set.key >= 0 &&
	    sc->nchoices == 0)
		deck_err(L, sc->line, 1, "screen '%s' sets %s but has no choices", sc->id,
		    inputs_key_name(sc->set.key));
	check_text(L, sc, st);
}

static void take_item(void *obj, const struct field *f)
{
	struct deck_loader *L = obj;
	cur_item(L)->id = xstrdup(f->value);
	check_id(L, f, "item");
}

static void take_text(void *obj, const struct field *f)
{
	cur_item(obj)->text = xstrdup(f->value);
}

static void take_item_help(void *obj, const struct field *f)
{
	cur_item(obj)->help = xstrdup(f->value);
}

static void take_item_statement(void *obj, const struct field *f)
{
	cur_item(obj)->statement = xstrdup(f->value);
}

static const struct schema_field item_fields[] = {
	{ "Item", 0, take_item },
	{ "Text", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take_text },
	{ "Help", SCHEMA_NONEMPTY, take_item_help },
	{ "Statement", SCHEMA_NONEMPTY, take_item_statement },
	{ "Indicates", SCHEMA_NONEMPTY, NULL },
	{ "Intended", 0, NULL },
};
static const struct schema item_schema = SCHEMA_OF("an item", item_fields);

static void add_item(struct deck_loader *L, const struct stanza *st)
{
	struct deck *dk = L->deck;
	const struct field *id = stanza_get(st, "Item");
	struct screen *sc = dk->n ? &dk->s[dk->n - 1] : NULL;
	if (!sc || sc->file != L->file || !deck_type_rules(sc->type)->items) {
		deck_err(L, id->line, id->col, "item '%s' does not follow a checklist screen in this file",
		    id->value);
		return;
	}
	sc->items = xrealloc(sc->items, (sc->nitems + 1) * sizeof *sc->items);
	struct item *it = &sc->items[sc->nitems++];
	memset(it, 0, sizeof *it);
	it->line = st->line;
	schema_read(&item_schema, st, L->file, L, L->d);
	if (!it->id)
		it->id = xstrdup("");
	it->indicator = parse_indicator(L, st);
	check_id_indicator(L, id, it->indicator);
	it->intended = parse_bool(L, st, "Intended");
	check_intended(L, st, it->indicator, it->intended);
}

/* ---- Section stanzas: a section's title and its step of the progress --- */

static struct section *cur_section(struct deck_loader *L)
{
	return &L->deck->sections[L->deck->nsections - 1];
}

static void take_section_id(void *obj, const struct field *f)
{
	struct deck_loader *L = obj;
	struct section *s = cur_section(L);
	s->id = xstrdup(f->value);
	for (size_t i = 0; i + 1 < L->deck->nsections; i++)
		if (strcmp(L->deck->sections[i].id, s->id) == 0)
			deck_err(L, f->vline, f->vcol, "section '%s' is defined twice (first in %s:%d)", s->id,
			    L->deck->sections[i].file, L->deck->sections[i].line);
}

static void take_title(void *obj, const struct field *f)
{
	cur_section(obj)->title = xstrdup(f->value);
}

static void take_step(void *obj, const struct field *f)
{
	cur_section(obj)->step_name = xstrdup(f->value);
}

static void take_setup(void *obj, const struct field *f)
{
	struct deck_loader *L = obj;
	cur_section(L)->setup = schema_word(f, yes_no, 2, L->file, L->d) == 0;
}

static const struct schema_field section_fields[] = {
	{ "Section", SCHEMA_NONEMPTY, take_section_id },
	{ "Title", SCHEMA_REQUIRED | SCHEMA_NONEMPTY, take_title },
	{ "Step", SCHEMA_NONEMPTY, take_step },
	{ "Setup", SCHEMA_NONEMPTY, take_setup },
};
static const struct schema section_schema = SCHEMA_OF("a section", section_fields);

static void add_section(struct deck_loader *L, const struct stanza *st)
{
	struct deck *dk = L->deck;
	xgrow((void **)&dk->sections, &L->capsections, dk->nsections + 1, sizeof *dk->sections);
	struct section *s = &dk->sections[dk->nsections++];
	memset(s, 0, sizeof *s);
	s->file = L->file;
	s->line = st->line;
	s->step = -1;
	schema_read(&section_schema, st, L->file, L, L->d);
	if (!s->id)
		s->id = xstrdup("");
	if (!s->title)
		s->title = xstrdup(s->id);
}

/* Adds a file to the deck's identity: its name (not the directory, so a
 * copied deck keeps its identity), its length and its bytes. */
static void hash_file(crypto_generichash_state *h, const char *path, const char *buf, size_t len)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	unsigned char n[8];
	codec_put_u64(n, len);
	crypto_generichash_update(h, (const unsigned char *)base, strlen(base) + 1);
	crypto_generichash_update(h, n, sizeof n);
	crypto_generichash_update(h, (const unsigned char *)buf, len);
}

static void load_file(struct deck_loader *L, const char *path, crypto_generichash_state *h)
{
	struct stanza_file sf;
	char *buf;
	size_t len;
	memset(&sf, 0, sizeof sf);
	if (stanza_slurp(path, &buf, &len, L->d) == 0) {
		hash_file(h, path, buf, len);
		stanza_parse(path, buf, len, &sf, L->d);
		free(buf);
	}
	for (size_t i = 0; i < sf.n; i++) {
		const struct stanza *st = &sf.s[i];
		if (stanza_get(st, "Screen") && st->f[0].key == stanza_get(st, "Screen")->key)
			add_screen(L, st);
		else if (stanza_get(st, "Item") && st->f[0].key == stanza_get(st, "Item")->key)
			add_item(L, st);
		else if (stanza_get(st, "Section") && st->f[0].key == stanza_get(st, "Section")->key)
			add_section(L, st);
		else
			deck_err(L, st->line, 1, "a stanza starts with 'Screen:', 'Item:' or 'Section:', "
			    "found '%s:'", st->f[0].key);
	}
	stanza_file_free(&sf);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.screen files of dir, sorted; NULL after a diagnostic. */
static bool list_files(struct deck *dk, const char *dir, struct diags *d)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		diags_add(d, dir, 0, 0, "cannot open the deck directory: %s", strerror(errno));
		return false;
	}
	struct dirent *e;
	size_t cap = 0;
	while ((e = readdir(dp))) {
		size_t n = strlen(e->d_name);
		if (n < 8 || strcmp(e->d_name + n - 7, ".screen") != 0 || e->d_name[0] == '.')
			continue;
		xgrow((void **)&dk->files, &cap, dk->nfiles + 1, sizeof *dk->files);
		dk->files[dk->nfiles++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(dp);
	if (dk->nfiles > 1)
		qsort(dk->files, dk->nfiles, sizeof *dk->files, cmp_str);
	if (dk->nfiles == 0)
		diags_add(d, dir, 0, 0, "no *.screen files in the deck directory");
	return dk->nfiles > 0;
}


struct deck *deck_parse(const char *dir, struct diags *d)
{
	struct deck *dk = xcalloc(1, sizeof *dk);
	dk->start = dk->summary = dk->stop = dk->review = -1;
	size_t before = d->n;
	struct deck_loader L = { .deck = dk, .d = d };
	if (sodium_init() < 0) {
		diags_add(d, dir, 0, 0, "libsodium could not start");
	} else if (list_files(dk, dir, d)) {
		crypto_generichash_state h;
		unsigned char sum[DECK_IDENTITY_BYTES];
		crypto_generichash_init(&h, NULL, 0, sizeof sum);
		for (size_t i = 0; i < dk->nfiles; i++) {
			L.file = dk->files[i];
			load_file(&L, dk->files[i], &h);
		}
		crypto_generichash_final(&h, sum, sizeof sum);
		sodium_bin2hex(dk->identity, sizeof dk->identity, sum, sizeof sum);
		if (d->n == before)
			deck_link(&L);
	}
	free(L.names);
	if (d->n > before) {
		deck_free(dk);
		return NULL;
	}
	return dk;
}

