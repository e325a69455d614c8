/* fuzz_guard: the guard parser and evaluator on any condition.
 *
 * Names resolve as the deck loader resolves them, against the bundled deck
 * (slots, indicators, elements, assessment inputs); values come from an
 * environment that varies with the input, so evaluation sees numbers,
 * words and missing values. An input "#rep N A|B|C" stands for A written N
 * times, then B, then C written N times (N at most 100000): the seeds of
 * very deep or very long conditions stay small.
 *
 * Parsing and evaluation run on a thread with a 512 KiB stack: a condition
 * of any length or depth must not need more (the engine caps nesting and
 * evaluates chains in a loop; the interview has other frames above it).
 *
 * Property besides the sanitizers': numbers are exact, so for the first
 * number D in the input (up to 18 digits), "D < D1", "D1 > D" and "D = D"
 * are true whenever they parse. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "domain/deck.h"
#include "domain/guard.h"
#include "domain/inputs.h"
#include "domain/vocab.h"

static int resolve(void *ctx, const char *name, struct guard_ref *out)
{
	const struct deck *dk = ctx;
	int i;
	if ((i = deck_slot_find(dk, name)) >= 0)
		*out = (struct guard_ref){ GREF_SLOT, i };
	else if ((i = indicator_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INDICATOR, i };
	else if ((i = element_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_ELEMENT, i };
	else if ((i = inputs_key_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INPUT, i };
	else
		return -1;
	return 0;
}

/* Types, as a deck would give them but simpler: an element or indicator
 * is never a number, a number screen never a word. */
static const char *expects(void *ctx, const struct guard_ref *r, const struct gval *v)
{
	const struct deck *dk = ctx;
	if ((r->kind == GREF_ELEMENT || r->kind == GREF_INDICATOR) && v->t == GV_NUM)
		return "a status word";
	if (r->kind == GREF_SLOT && deck_slot_type(dk, r->index) == SCR_NUMBER && v->t == GV_STR)
		return "a number";
	return NULL;
}

static const char *suggest(void *ctx, const char *name)
{
	(void)ctx;
	(void)name;
	return "act";
}

/* The environment: a seed picks each value. */
static const char *const words[] = { "yes", "no", "dontknow", "declined", "unanswered",
				     "intended", "met", "not-met", "unclear", "presumed" };

static struct gval value(void *ctx, const struct guard_ref *r)
{
	unsigned h = *(unsigned *)ctx * 31u + (unsigned)r->kind * 7u + (unsigned)r->index;
	switch (h % 4) {
	case 0: return (struct gval){ .t = GV_NONE };
	case 1: return (struct gval){ .t = GV_NUM, .n = (long)(h % 200) - 20 };
	default: return (struct gval){ .t = GV_STR, .s = words[h % 10] };
	}
}

static int count(void *ctx, enum element e)
{
	return (int)((*(unsigned *)ctx + (unsigned)e) % 4);
}

static bool answered(void *ctx, int slot)
{
	return (*(unsigned *)ctx + (unsigned)slot) % 2;
}

static bool selected(void *ctx, int slot, const char *code)
{
	return (*(unsigned *)ctx + (unsigned)slot + (unsigned)strlen(code)) % 3 == 0;
}

static void count_ref(void *ctx, const struct guard_ref *r)
{
	(void)r;
	++*(size_t *)ctx;
}

/* The condition the input stands for: a new string. */
static char *expand(const uint8_t *data, size_t size)
{
	char *s = fuzz_strndup(data, size);
	unsigned long n;
	int at = 0;
	if (strncmp(s, "#rep ", 5) != 0 || sscanf(s + 5, "%lu %n", &n, &at) != 1 || n > 100000)
		return s;
	char *a = s + 5 + at, *b = strchr(a, '|'), *c = b ? strchr(b + 1, '|') : NULL;
	if (!c)
		return s;
	*b++ = '\0';
	*c++ = '\0';
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	if ((la + lc) * n > (1u << 22))
		return s;
	char *out = malloc((la + lc) * n + lb + 1), *p = out;
	if (!out)
		abort();
	for (unsigned long i = 0; i < n; i++, p += la)
		memcpy(p, a, la);
	memcpy(p, b, lb);
	p += lb;
	for (unsigned long i = 0; i < n; i++, p += lc)
		memcpy(p, c, lc);
	*p = '\0';
	free(s);
	return out;
}

static struct guard *parse(const char *src)
{
	struct guard_names names = { (void *)fuzz_bundled_deck(), resolve, suggest, expects };
	int col = 0;
	char *msg = NULL;
	struct guard *g = guard_parse(src, &names, &col, &msg);
	if (!g && (!msg || col < 1 || (size_t)col > strlen(src) + 1))
		fuzz_fail("a refused condition without a message or with column %d", col);
	free(msg);
	return g;
}

/* "D < D1", "D1 > D", "D = D" for the input's first number D. */
static void check_numbers(const char *src)
{
	const char *p = src + strcspn(src, "0123456789");
	size_t n = strspn(p, "0123456789");
	if (n == 0 || n > 18)
		return;
	static const char *const ops[] = { " < ", " > ", " = " };
	for (size_t i = 0; i < 3; i++) {
		char buf[128];
		snprintf(buf, sizeof buf, "%.*s%s%s%.*s%s", (int)n, p, i == 1 ? "1" : "", ops[i],
			 (int)n, p, i == 0 ? "1" : "");
		struct guard *g = parse(buf);
		unsigned seed = 0;
		struct guard_env env = { &seed, value, count, answered, selected };
		if (g && !guard_eval(g, &env))
			fuzz_fail("'%s' is false: a number in a condition is not exact", buf);
		guard_free(g);
	}
}

struct input {
	const uint8_t *data;
	size_t size;
};

static void *run(void *arg)
{
	const uint8_t *data = ((struct input *)arg)->data;
	size_t size = ((struct input *)arg)->size;
	char *src = expand(data, size);
	struct guard *g = parse(src);
	if (g) {
		unsigned seed = 0;
		for (size_t i = 0; i < size && i < 64; i++)
			seed = seed * 131u + data[i];
		struct guard_env env = { &seed, value, count, answered, selected };
		for (int k = 0; k < 3; k++, seed++)
			guard_eval(g, &env);
		size_t refs = 0;
		guard_each_ref(g, count_ref, &refs);
		guard_free(g);
	}
	check_numbers(src);
	free(src);
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_bundled_deck();	/* loaded on the main thread's stack */
	struct input in = { data, size };
	pthread_attr_t at;
	pthread_t t;
	if (pthread_attr_init(&at) != 0 || pthread_attr_setstacksize(&at, 512 * 1024) != 0 ||
	    pthread_create(&t, &at, run, &in) != 0 || pthread_join(t, NULL) != 0)
		fuzz_fail("cannot run the condition on a thread");
	pthread_attr_destroy(&at);
	return 0;
}
