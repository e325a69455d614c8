/* The guard language: parsing (with error positions) and evaluation,
 * against a small fake environment. */
#include "testutil.h"

#include "domain/guard.h"
#include "domain/inputs.h"

static const char *const slots[] = { "q.private", "age.at-act", "q.role", "q.langs" };

static int resolve(void *ctx, const char *name, struct guard_ref *out)
{
	(void)ctx;
	for (int i = 0; i < 4; i++)
		if (strcmp(slots[i], name) == 0) {
			*out = (struct guard_ref){ GREF_SLOT, i };
			return 0;
		}
	int i;
	if ((i = indicator_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INDICATOR, i };
	else if ((i = element_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_ELEMENT, i };
	else if ((i = inputs_key_lookup(name)) >= 0)
		*out = (struct guard_ref){ GREF_INPUT, i };
	else
		return -1;
	return 0;
}

static const char *suggest(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "q.privat") == 0 ? "q.private" : NULL;
}

static const struct guard_names names = { NULL, resolve, suggest, NULL };

/* The fake interview: answers by slot, and a few assessment values. */
struct fake {
	struct gval slot[4];
	const char *child;
	int count_means;
};

static struct gval value(void *ctx, const struct guard_ref *r)
{
	struct fake *f = ctx;
	if (r->kind == GREF_SLOT)
		return f->slot[r->index];
	if (r->kind == GREF_INPUT && r->index == IN_CHILD)
		return (struct gval){ .t = GV_STR, .s = f->child };
	if (r->kind == GREF_ELEMENT)
		return (struct gval){ .t = GV_STR, .s = f->count_means ? "met" : "unclear" };
	return (struct gval){ .t = GV_STR, .s = "unanswered" };
}

static int count(void *ctx, enum element e)
{
	return e == EL_MEANS ? ((struct fake *)ctx)->count_means : 0;
}

static bool answered(void *ctx, int slot)
{
	struct fake *f = ctx;
	return !(f->slot[slot].t == GV_STR && strcmp(f->slot[slot].s, "unanswered") == 0);
}

static bool selected(void *ctx, int slot, const char *code)
{
	struct fake *f = ctx;
	return slot == 3 && strcmp(code, "fr") == 0 && f->slot[3].t == GV_STR;
}

static struct fake fake(void)
{
	struct fake f = { .child = "no" };
	f.slot[0] = (struct gval){ .t = GV_STR, .s = "yes" };
	f.slot[1] = (struct gval){ .t = GV_NUM, .n = 16 };
	f.slot[2] = (struct gval){ .t = GV_STR, .s = "police" };
	f.slot[3] = (struct gval){ .t = GV_STR, .s = "unanswered" };
	return f;
}

static bool eval(const char *src, struct fake *f)
{
	int col;
	char *msg = NULL;
	struct guard *g = guard_parse(src, &names, &col, &msg);
	if (!g)
		fail_msg("'%s' did not parse: %d: %s", src, col, msg);
	struct guard_env env = { f, value, count, answered, selected };
	bool r = guard_eval(g, &env);
	guard_free(g);
	return r;
}

/* Asserts that src fails to parse at column col with a message holding want. */
static void parse_error(const char *src, int col, const char *want)
{
	int c = 0;
	char *msg = NULL;
	struct guard *g = guard_parse(src, &names, &c, &msg);
	assert_null(g);
	assert_non_null(msg);
	if (!strstr(msg, want))
		fail_msg("'%s': message '%s' lacks '%s'", src, msg, want);
	assert_int_equal(c, col);
	free(msg);
}

static void test_comparisons_of_words_and_numbers(void **st)
{
	(void)st;
	struct fake f = fake();
	assert_true(eval("q.private = yes", &f));
	assert_false(eval("q.private = no", &f));
	assert_true(eval("q.private != no", &f));
	assert_true(eval("age.at-act < 18", &f));
	assert_true(eval("age.at-act >= 16", &f));
	assert_false(eval("age.at-act > 16", &f));
	assert_true(eval("q.role = \"police\"", &f));
	assert_true(eval("q.role = 'police'", &f));
}

static void test_bare_names_are_true_when_yes_or_presumed(void **st)
{
	(void)st;
	struct fake f = fake();
	assert_true(eval("q.private", &f));
	assert_false(eval("child", &f));
	f.child = "presumed";
	assert_true(eval("child", &f));
	f.child = "yes";
	assert_true(eval("child", &f));
	assert_true(eval("child = yes", &f));
}

static void test_missing_numbers_compare_false(void **st)
{
	(void)st;
	struct fake f = fake();
	f.slot[1] = (struct gval){ .t = GV_STR, .s = "dontknow" };
	assert_false(eval("age.at-act < 18", &f));
	assert_false(eval("age.at-act >= 18", &f));
	assert_true(eval("not (age.at-act >= 0)", &f));
	assert_true(eval("age.at-act = dontknow", &f));
}

static void test_and_or_not_and_precedence(void **st)
{
	(void)st;
	struct fake f = fake();
	assert_true(eval("q.private = no or age.at-act < 18 and q.role = \"police\"", &f));
	assert_false(eval("(q.private = no or age.at-act < 18) and q.role = \"border\"", &f));
	assert_true(eval("not q.private = no", &f));
	assert_false(eval("not not q.private = no", &f));
}

static void test_functions(void **st)
{
	(void)st;
	struct fake f = fake();
	assert_false(eval("any(means)", &f));
	f.count_means = 2;
	assert_true(eval("any(means)", &f));
	assert_true(eval("count(means) >= 2", &f));
	assert_false(eval("count(means) > 2", &f));
	assert_true(eval("answered(q.private)", &f));
	assert_false(eval("answered(q.langs)", &f));
	f.slot[3] = (struct gval){ .t = GV_STR, .s = "yes" };
	assert_true(eval("selected(q.langs, \"fr\")", &f));
	assert_false(eval("selected(q.langs, \"es\")", &f));
	assert_true(eval("means = met", &f));
}

static void test_unknown_name_with_did_you_mean(void **st)
{
	(void)st;
	parse_error("q.privat = yes", 1, "unknown name 'q.privat' (did you mean 'q.private'?)");
	parse_error("age.at-act < 18 and bogus", 21, "unknown name 'bogus'");
}

static void test_syntax_errors_carry_columns(void **st)
{
	(void)st;
	parse_error("", 1, "expected a condition");
	parse_error("q.private = ", 13, "expected a name, number or word");
	parse_error("(q.private = yes", 17, "expected ')'");
	parse_error("q.private = yes no", 17, "expected 'and', 'or' or the end");
	parse_error("q.private = \"yes", 13, "string is not closed");
	parse_error("q.private # 1", 11, "found '#'");
	parse_error("# 1", 1, "unexpected character");
	parse_error("and q.private", 1, "expected a value before 'and'");
}

static void test_type_errors(void **st)
{
	(void)st;
	parse_error("q.role < yes", 8, "compares numbers, not words");
	parse_error("any(q.private)", 5, "expected act, means, purpose or smuggling");
	parse_error("answered(means)", 10, "expected a screen or item id");
	parse_error("selected(q.langs)", 17, "expected ','");
	parse_error("size(means)", 1, "unknown function 'size'");
}

static void test_refs_are_listed(void **st)
{
	(void)st;
	int col;
	char *msg;
	struct guard *g = guard_parse("q.private = yes and any(means) and child", &names, &col, &msg);
	assert_non_null(g);
	int n = 0;
	void count_ref(void *ctx, const struct guard_ref *r);
	guard_each_ref(g, count_ref, &n);
	assert_int_equal(n, 3);
	guard_free(g);
}

void count_ref(void *ctx, const struct guard_ref *r)
{
	(void)r;
	++*(int *)ctx;
}

/* A string of n copies of unit, then tail: a new string. */
static char *repeat(const char *unit, size_t n, const char *tail)
{
	size_t u = strlen(unit);
	char *s = malloc(u * n + strlen(tail) + 1);
	for (size_t i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	strcpy(s + u * n, tail);
	return s;
}

/* 40,000 nested parentheses crashed check: nesting is capped, and the
 * error points at the first parenthesis too many. */
static void test_nesting_is_capped(void **st)
{
	(void)st;
	struct fake f = fake();
	char *ok = repeat("(", GUARD_MAX_DEPTH, "q.private");
	char *ok2 = repeat(")", GUARD_MAX_DEPTH, "");
	char *src = malloc(strlen(ok) + strlen(ok2) + 1);
	strcpy(src, ok);
	strcat(src, ok2);
	assert_true(eval(src, &f));
	free(src);
	free(ok);
	free(ok2);
	char *deep = repeat("(", 40000, "q.private");
	parse_error(deep, GUARD_MAX_DEPTH + 1, "nest at most 32 levels deep");
	free(deep);
	char *nots = repeat("not ", 40000, "q.private");
	parse_error(nots, 4 * GUARD_MAX_DEPTH + 1, "nest at most 32 levels deep");
	free(nots);
	char *even = repeat("not ", GUARD_MAX_DEPTH, "q.private");
	assert_true(eval(even, &f));
	free(even);
}

/* A 50,000-term chain passed check and then crashed every interview:
 * chains are evaluated in a loop, with "and" and "or" still short-cut. */
static void test_long_chains_evaluate(void **st)
{
	(void)st;
	struct fake f = fake();
	char *all = repeat("q.private and ", 50000, "age.at-act < 18");
	assert_true(eval(all, &f));
	free(all);
	char *last = repeat("q.private = no or ", 50000, "q.private");
	assert_true(eval(last, &f));
	free(last);
	char *none = repeat("q.private = no or ", 50000, "child");
	assert_false(eval(none, &f));
	free(none);
	char *mixed = repeat("(q.private and not child) or ", 20000, "child");
	assert_true(eval(mixed, &f));
	free(mixed);
}

/* Numbers above 999999 used to be clamped to it; now they are what they
 * say, and one too large for a long is an error. */
static void test_large_numbers_are_exact(void **st)
{
	(void)st;
	struct fake f = fake();
	f.slot[1] = (struct gval){ .t = GV_NUM, .n = 1500000 };
	assert_true(eval("age.at-act > 1000000", &f));
	assert_false(eval("age.at-act = 999999", &f));
	assert_true(eval("age.at-act = 1500000", &f));
	parse_error("age.at-act < 99999999999999999999", 14, "number too large");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_comparisons_of_words_and_numbers),
		cmocka_unit_test(test_bare_names_are_true_when_yes_or_presumed),
		cmocka_unit_test(test_missing_numbers_compare_false),
		cmocka_unit_test(test_and_or_not_and_precedence),
		cmocka_unit_test(test_functions),
		cmocka_unit_test(test_unknown_name_with_did_you_mean),
		cmocka_unit_test(test_syntax_errors_carry_columns),
		cmocka_unit_test(test_type_errors),
		cmocka_unit_test(test_refs_are_listed),
		cmocka_unit_test(test_nesting_is_capped),
		cmocka_unit_test(test_long_chains_evaluate),
		cmocka_unit_test(test_large_numbers_are_exact),
	};
	return cmocka_run_group_tests_name("guard", tests, utf8_locale, NULL);
}
