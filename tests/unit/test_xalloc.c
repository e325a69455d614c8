/* The allocation wrappers: zero sizes still give a pointer, xgrow doubles,
 * xasprintf formats (and gives "" on an encoding error), and running out of
 * memory calls the program's handler (the wizard clears the screen there)
 * before the process ends. */
#include "testutil.h"

#include <wchar.h>

#include "base/xalloc.h"

/* Under ASan, a failed malloc returns NULL (as without it) instead of
 * ending the test: the OOM path is what is tested. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

static jmp_buf oom_jump;
static int oom_calls;

static void on_oom(void)
{
	oom_calls++;
	longjmp(oom_jump, 1);
}

static void test_out_of_memory_calls_the_handler(void **st)
{
	(void)st;
	xalloc_set_oom_handler(on_oom);
	oom_calls = 0;
	volatile size_t huge = SIZE_MAX / 2;
	if (setjmp(oom_jump) == 0)
		(void)xmalloc(huge);
	assert_int_equal(oom_calls, 1);
	if (setjmp(oom_jump) == 0)
		(void)xcalloc(huge, 4);
	assert_int_equal(oom_calls, 2);
	static char *p;
	p = xmalloc(1);
	if (setjmp(oom_jump) == 0)
		p = xrealloc(p, huge);
	assert_int_equal(oom_calls, 3);
	free(p);
	xalloc_set_oom_handler(NULL);
}

static void test_zero_sizes_give_a_pointer(void **st)
{
	(void)st;
	void *a = xmalloc(0), *b = xcalloc(0, 0), *c = xrealloc(NULL, 0);
	assert_non_null(a);
	assert_non_null(b);
	assert_non_null(c);
	free(a);
	free(b);
	free(c);
}

static void test_xgrow_doubles_from_eight(void **st)
{
	(void)st;
	int *v = NULL;
	size_t cap = 0;
	xgrow((void **)&v, &cap, 1, sizeof *v);
	assert_int_equal(cap, 8);
	xgrow((void **)&v, &cap, 8, sizeof *v);
	assert_int_equal(cap, 8);
	xgrow((void **)&v, &cap, 9, sizeof *v);
	assert_int_equal(cap, 16);
	xgrow((void **)&v, &cap, 100, sizeof *v);
	assert_int_equal(cap, 128);
	v[127] = 1;
	free(v);
}

static void test_strings(void **st)
{
	(void)st;
	char *s = xstrndup("abcdef", 3), *t = xasprintf("%s-%d", s, 42);
	assert_string_equal(s, "abc");
	assert_string_equal(t, "abc-42");
	free(s);
	free(t);
	/* A wide character the C locale cannot encode: vsnprintf fails. */
	static const wchar_t bad[] = { 0xE9, 0 };
	t = xasprintf("%ls", bad);
	assert_string_equal(t, "");
	free(t);
}

int main(void)
{
	const struct CMUnitTest t[] = {
		cmocka_unit_test(test_out_of_memory_calls_the_handler),
		cmocka_unit_test(test_zero_sizes_give_a_pointer),
		cmocka_unit_test(test_xgrow_doubles_from_eight),
		cmocka_unit_test(test_strings),
	};
	return cmocka_run_group_tests(t, NULL, NULL);
}
