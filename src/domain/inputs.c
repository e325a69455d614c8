#include "domain/inputs.h"

#include <stdlib.h>
#include <string.h>

#include "base/schema.h"
#include "base/xalloc.h"

struct key_info {
	const char *name;
	const char *const *words;	/* NULL-terminated; NULL for a number */
	const char *allowed;
};

static const char *const child_words[] = { "yes", "no", "presumed", "unknown", NULL };
static const char *const yn_unknown[] = { "yes", "no", "unknown", NULL };
static const char *const interp_words[] = { "none", "professional", "informal", NULL };
static const char *const yn_words[] = { "yes", "no", NULL };

static const struct key_info keys[IN_KEY_COUNT] = {
	[IN_AGE] = { "age-at-act", NULL, "a whole number from 0 to 130" },
	[IN_AGE_NOW] = { "age-now", NULL, "a whole number from 0 to 130" },
	[IN_CHILD] = { "child", child_words, "yes, no, presumed or unknown" },
	[IN_MINOR_NOW] = { "minor-now", child_words, "yes, no, presumed or unknown" },
	[IN_CONSENT] = { "consent", yn_unknown, "yes, no or unknown" },
	[IN_REFERRAL] = { "referral-consent", yn_unknown, "yes, no or unknown" },
	[IN_PRIVATE] = { "setting.private", yn_unknown, "yes, no or unknown" },
	[IN_CONTROLLER] = { "setting.controller-present", yn_unknown, "yes, no or unknown" },
	[IN_INTERPRETER] = { "setting.interpreter", interp_words,
			     "none, professional or informal" },
	[IN_STOPPED] = { "interview.stopped-early", yn_words, "yes or no" },
	[IN_AGE_DOUBTED] = { "age-now-doubted", yn_words, "yes or no" },
	[IN_COMPELLED] = { "compelled-offence", yn_unknown, "yes, no or unknown" },
	[IN_GOING_BACK] = { "now.going-back", yn_unknown, "yes, no or unknown" },
	[IN_OTHERS_AT_RISK] = { "now.others-at-risk", yn_unknown, "yes, no or unknown" },
	[IN_CONDITIONS] = { "conditions.exploitative", yn_unknown, "yes, no or unknown" },
};

void inputs_init(struct assess_input *in)
{
	for (int k = 0; k < IN_KEY_COUNT; k++)
		in->value[k] = -1;
	for (int i = 0; i < IND_COUNT; i++)
		in->ind[i] = IV_ABSENT;
	in->declined = 0;
}

static enum ind_value combine(enum ind_value old, enum ind_value v)
{
	if (old == IV_ABSENT)
		return v;
	if (old == IV_YES || v == IV_YES)
		return IV_YES;
	if (old == IV_INTENDED || v == IV_INTENDED)
		return IV_INTENDED;
	if (old == IV_NO)
		return v;	/* no + no = no; no + unclear = unclear */
	return old;	/* already unclear: the first unclear value stays */
}

void inputs_add_indicator(struct assess_input *in, enum indicator i, enum ind_value v)
{
	if (v == IV_ABSENT)
		return;
	if (v == IV_DECLINED)
		in->declined++;
	in->ind[i] = combine(in->ind[i], v);
}

const char *inputs_key_name(enum input_key k)
{
	return keys[k].name;
}

const char *inputs_key_allowed(enum input_key k)
{
	return keys[k].allowed;
}

bool inputs_key_is_number(enum input_key k)
{
	return keys[k].words == NULL;
}

const char *inputs_key_list(void)
{
	return "age-at-act, age-now, child, minor-now, consent, referral-consent, setting.private, setting.controller-present, setting.interpreter, interview.stopped-early, age-now-doubted, compelled-offence, now.going-back, now.others-at-risk or conditions.exploitative";
}

int inputs_key_lookup(const char *name)
{
	for (int k = 0; k < IN_KEY_COUNT; k++)
		if (strcmp(keys[k].name, name) == 0)
			return k;
	return -1;
}

static int parse_age(const char *s)
{
	int n = 0;
	if (!*s || strlen(s) > 3)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		n = n * 10 + (*s - '0');
	}
	return n <= AGE_MAX ? n : -1;
}

int inputs_value_lookup(enum input_key k, const char *word)
{
	if (inputs_key_is_number(k))
		return parse_age(word);
	for (int i = 0; keys[k].words[i]; i++)
		if (strcmp(keys[k].words[i], word) == 0)
			return i;
	return -1;
}

const char *inputs_value_name(enum input_key k, int v)
{
	return keys[k].words ? keys[k].words[v] : NULL;
}

bool inputs_age_doubted(const struct assess_input *in)
{
	return in->value[IN_AGE_DOUBTED] == IN_YES && in->value[IN_AGE_NOW] >= 18;
}

/* The values a rule of contradiction looks at. */
struct ages {
	int age, now, child, minor, doubt;
	bool doubted;	/* inputs_age_doubted */
};

/* One rule of contradiction: NULL, or why the inputs contradict. */
typedef const char *contradiction_fn(const struct ages *g);

static const char *act_above_now(const struct ages *g)
{
	return g->age >= 0 && g->now >= 0 && g->age > g->now ? "age-at-act is above age-now" : NULL;
}

static const char *doubt_without_age(const struct ages *g)
{
	return g->doubt >= 0 && g->now < 0 ? "age-now-doubted needs age-now: it is the age given that is doubted" : NULL;
}

static const char *child_no_doubted(const struct ages *g)
{
	return g->child == CHILD_NO && g->doubt == IN_YES
		? "child: no contradicts age-now-doubted: yes (a person presumed under 18 now was under 18 when it began)"
		: NULL;
}

static const char *child_against_age(const struct ages *g)
{
	if (g->age < 0 || g->child < 0)
		return NULL;
	if (g->child == CHILD_NO && g->age < 18)
		return "child: no contradicts age-at-act under 18";
	if (g->child == CHILD_YES && g->age >= 18)
		return "child: yes contradicts age-at-act 18 or over";
	if (g->child == CHILD_PRESUMED || g->child == CHILD_UNKNOWN)
		return "child: presumed and unknown apply only when age-at-act is not known";
	return NULL;
}

/* Under 18 now means under 18 when it began. */
static const char *child_against_now(const struct ages *g)
{
	if (g->child == CHILD_NO && g->now >= 0 && g->now < 18)
		return "child: no contradicts age-now under 18";
	return NULL;
}

static const char *child_against_minor(const struct ages *g)
{
	if (g->child == CHILD_NO && (g->minor == CHILD_YES || g->minor == CHILD_PRESUMED))
		return "child: no contradicts minor-now: yes or presumed";
	return NULL;
}

/* minor-now: presumed beside a doubted age now of 18 or more is the
 * presumption of minority that the doubt keeps, not a contradiction. */
static const char *minor_against_now(const struct ages *g)
{
	if (g->now < 0 || g->minor < 0)
		return NULL;
	if (g->minor == CHILD_NO && g->now < 18)
		return "minor-now: no contradicts age-now under 18";
	if (g->minor == CHILD_YES && g->now >= 18)
		return "minor-now: yes contradicts age-now 18 or over";
	if (g->minor == CHILD_NO && g->doubted)
		return "minor-now: no contradicts age-now-doubted: yes";
	if (g->minor == CHILD_PRESUMED && g->doubted)
		return NULL;
	if (g->minor == CHILD_PRESUMED || g->minor == CHILD_UNKNOWN)
		return "minor-now: presumed and unknown apply only when age-now is not known, or is doubted (age-now-doubted: yes)";
	return NULL;
}

static const char *minor_against_age(const struct ages *g)
{
	if (g->age >= 18 && g->minor == CHILD_YES)
		return "minor-now: yes contradicts age-at-act 18 or over";
	if (g->age >= 18 && g->minor == CHILD_PRESUMED && !g->doubted)
		return "minor-now: presumed contradicts age-at-act 18 or over (unless age-now is doubted)";
	return NULL;
}

static const struct {
	contradiction_fn *fn;
	enum input_key a, b;	/* the keys that disagree; a is the one named */
} contradictions[] = {
	{ act_above_now, IN_AGE, IN_AGE_NOW },
	{ doubt_without_age, IN_AGE_DOUBTED, IN_AGE_DOUBTED },
	{ child_no_doubted, IN_CHILD, IN_AGE_DOUBTED },
	{ child_against_age, IN_CHILD, IN_AGE },
	{ child_against_now, IN_CHILD, IN_AGE_NOW },
	{ child_against_minor, IN_CHILD, IN_MINOR_NOW },
	{ minor_against_now, IN_MINOR_NOW, IN_AGE_NOW },
	{ minor_against_age, IN_MINOR_NOW, IN_AGE },
};

const char *inputs_contradiction_keys(const struct assess_input *in, enum input_key *a,
				      enum input_key *b)
{
	const int *v = in->value;
	struct ages g = { v[IN_AGE], v[IN_AGE_NOW], v[IN_CHILD], v[IN_MINOR_NOW],
			  v[IN_AGE_DOUBTED], inputs_age_doubted(in) };
	for (size_t i = 0; i < sizeof contradictions / sizeof *contradictions; i++) {
		const char *why = contradictions[i].fn(&g);
		if (why) {
			*a = contradictions[i].a;
			*b = contradictions[i].b;
			return why;
		}
	}
	return NULL;
}

const char *inputs_contradiction(const struct assess_input *in, enum input_key *key)
{
	enum input_key a, b;
	const char *why = inputs_contradiction_keys(in, &a, &b);
	if (why && key)
		*key = a;
	return why;
}

/* What the take functions fill. */
struct in_reader {
	struct assess_input *in;
	const char *path;
	struct diags *d;
};

static void take_indicator(void *obj, const struct field *f)
{
	struct in_reader *r = obj;
	int ind = indicator_lookup(f->key);
	int v = ind_value_lookup(f->value);
	bool purpose = indicator_element(ind) == EL_PURPOSE;
	if (v < 0 || (v == IV_INTENDED && !purpose))
		diags_add(r->d, r->path, f->vline, f->vcol,
			  "'%s' is not a value for %s: expected yes, no, dontknow, declined or unanswered%s",
			  f->value, f->key, purpose ? " (or intended)" : "");
	else
		inputs_add_indicator(r->in, ind, v);
}

static void take_input(void *obj, const struct field *f)
{
	struct in_reader *r = obj;
	int k = inputs_key_lookup(f->key);
	int v = inputs_value_lookup(k, f->value);
	if (v < 0)
		diags_add(r->d, r->path, f->vline, f->vcol, "'%s' is not a value for %s: expected %s",
			  f->value, f->key, keys[k].allowed);
	else
		r->in->value[k] = v;
}

/* The table of an inputs file: every indicator (which may repeat: its
 * answers combine, rule 2) and every assessment input once. */
static struct schema_field *input_fields(size_t *n)
{
	struct schema_field *v = xmalloc((IND_COUNT + IN_KEY_COUNT) * sizeof *v);
	*n = 0;
	for (int i = 0; i < IND_COUNT; i++)
		v[(*n)++] = (struct schema_field){ indicator_id(i), SCHEMA_REPEATS, take_indicator };
	for (int k = 0; k < IN_KEY_COUNT; k++)
		v[(*n)++] = (struct schema_field){ keys[k].name, 0, take_input };
	return v;
}

int inputs_parse(const struct stanza_file *f, struct assess_input *in, struct diags *d)
{
	size_t before = d->n;
	inputs_init(in);
	if (f->n > 1)
		diags_add(d, f->path, f->s[1].line, 1,
			  "expected one stanza; a blank line ends the input");
	if (f->n == 0)
		return d->n > before ? -1 : 0;
	const struct stanza *s = &f->s[0];
	size_t n;
	struct schema_field *fields = input_fields(&n);
	char *expected = xasprintf("an indicator id or %s", inputs_key_list());
	struct schema sc = { "the assessment inputs", fields, n, expected, true };
	struct in_reader r = { in, f->path, d };
	schema_read(&sc, s, f->path, &r, d);
	free(expected);
	free(fields);
	enum input_key ka, kb;
	const char *why = inputs_contradiction_keys(in, &ka, &kb);
	if (why) {	/* on the line of the later key: the one that contradicts */
		const struct field *c = stanza_get(s, inputs_key_name(ka));
		const struct field *c2 = stanza_get(s, inputs_key_name(kb));
		if (!c || (c2 && c2->line > c->line))
			c = c2;
		diags_add(d, f->path, c ? c->line : 0, c ? c->col : 0, "%s", why);
	}
	return d->n > before ? -1 : 0;
}
