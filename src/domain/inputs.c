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
	[IN_AGE_NOW_DOUBTED] = { "age-now-doubted", yn_words, "yes or no" },
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

/* One rule of contradiction: NULL, or why the inputs contradict. */
typedef const char *contradiction_fn(int age, int now, int child, int minor);

static const char *act_above_now(int age, int now, int child, int minor)
{
	(void)child, (void)minor;
	return age >= 0 && now >= 0 && age > now ? "age-at-act is above age-now" : NULL;
}

static const char *child_against_age(int age, int now, int child, int minor)
{
	(void)now, (void)minor;
	if (age < 0 || child < 0)
		return NULL;
	if (child == CHILD_NO && age < 18)
		return "child: no contradicts age-at-act under 18";
	if (child == CHILD_YES && age >= 18)
		return "child: yes contradicts age-at-act 18 or over";
	if (child == CHILD_PRESUMED || child == CHILD_UNKNOWN)
		return "child: presumed and unknown apply only when age-at-act is not known";
	return NULL;
}

/* Under 18 now means under 18 when it began. */
static const char *child_against_now(int age, int now, int child, int minor)
{
	(void)age;
	if (child != CHILD_NO)
		return NULL;
	if (now >= 0 && now < 18)
		return "child: no contradicts age-now under 18";
	if (minor == CHILD_YES || minor == CHILD_PRESUMED)
		return "child: no contradicts minor-now: yes or presumed";
	return NULL;
}

static const char *minor_against_now(int age, int now, int child, int minor)
{
	(void)age, (void)child;
	if (now < 0 || minor < 0)
		return NULL;
	if (minor == CHILD_NO && now < 18)
		return "minor-now: no contradicts age-now under 18";
	if (minor == CHILD_YES && now >= 18)
		return "minor-now: yes contradicts age-now 18 or over";
	if (minor == CHILD_PRESUMED || minor == CHILD_UNKNOWN)
		return "minor-now: presumed and unknown apply only when age-now is not known";
	return NULL;
}

static const char *minor_against_age(int age, int now, int child, int minor)
{
	(void)now, (void)child;
	if (age >= 18 && (minor == CHILD_YES || minor == CHILD_PRESUMED))
		return "minor-now: yes or presumed contradicts age-at-act 18 or over";
	return NULL;
}

static const struct {
	contradiction_fn *fn;
	enum input_key blame;	/* the key whose line a message names */
} contradictions[] = {
	{ act_above_now, IN_AGE },
	{ child_against_age, IN_CHILD },
	{ child_against_now, IN_CHILD },
	{ minor_against_now, IN_MINOR_NOW },
	{ minor_against_age, IN_MINOR_NOW },
};

const char *inputs_contradiction(const struct assess_input *in, enum input_key *key)
{
	const int *v = in->value;
	/* A doubted age now of 18 or more leaves the presumption of minority
	 * standing (rule 1): minor-now: presumed is then no contradiction. */
	int minor = v[IN_MINOR_NOW];
	if (minor == CHILD_PRESUMED && v[IN_AGE_NOW_DOUBTED] == IN_YES && v[IN_AGE_NOW] >= 18)
		minor = -1;
	for (size_t i = 0; i < sizeof contradictions / sizeof *contradictions; i++) {
		const char *why = contradictions[i].fn(v[IN_AGE], v[IN_AGE_NOW], v[IN_CHILD], minor);
		if (why) {
			if (key)
				*key = contradictions[i].blame;
			return why;
		}
	}
	return NULL;
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
	enum input_key blame;
	const char *why = inputs_contradiction(in, &blame);
	if (why) {
		const struct field *c = stanza_get(s, inputs_key_name(blame));
		diags_add(d, f->path, c ? c->line : 0, c ? c->col : 0, "%s", why);
	}
	return d->n > before ? -1 : 0;
}
