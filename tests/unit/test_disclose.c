/* Publication that cannot be differenced (disclose.h): for random stores
 * and random sequences of --by tables, each suppressed by kanon and then
 * protected by disclose_protect against the tables before it, no small
 * count (1 to k-1, shown "<k") is exactly determined by adding and
 * subtracting the numbers all of them show. The exact solver here is independent of the module's:
 * Gaussian elimination over the rationals (fractions of long long kept
 * in lowest terms), a small count being determined exactly when adding
 * its coefficients to the shown ones' does not raise the rank. */
#include "testutil.h"

#include <stdbool.h>

#include "office/disclose.h"
#include "office/kanon.h"

enum { NF = 3, MAXP = 27, MAXT = 5, MAXC = 27 };

struct frac {
	long long n, d;
};

static long long g(long long a, long long b)
{
	a = a < 0 ? -a : a;
	b = b < 0 ? -b : b;
	while (b) {
		long long t = a % b;
		a = b;
		b = t;
	}
	return a ? a : 1;
}

static struct frac mk(long long n, long long d)
{
	if (d < 0) {
		n = -n;
		d = -d;
	}
	long long k = g(n, d);
	return (struct frac){ n / k, d / k };
}

static struct frac sub_mul(struct frac a, struct frac b, struct frac c)	/* a - b*c */
{
	struct frac bc = mk(b.n * c.n, b.d * c.d);
	return mk(a.n * bc.d - bc.n * a.d, a.d * bc.d);
}

/* The rank of the n rows (each m long) by rational elimination. */
static size_t rank(struct frac (*a)[MAXP], size_t n, size_t m)
{
	size_t r = 0;
	for (size_t col = 0; col < m && r < n; col++) {
		size_t p = r;
		while (p < n && a[p][col].n == 0)
			p++;
		if (p == n)
			continue;
		for (size_t j = 0; j < m; j++) {
			struct frac t = a[r][j];
			a[r][j] = a[p][j];
			a[p][j] = t;
		}
		for (size_t i = r + 1; i < n; i++) {
			if (a[i][col].n == 0)
				continue;
			struct frac f = mk(a[i][col].n * a[r][col].d, a[i][col].d * a[r][col].n);
			for (size_t j = 0; j < m; j++)
				a[i][j] = sub_mul(a[i][j], f, a[r][j]);
		}
		r++;
	}
	return r;
}

/* A store: the count of each profile over NF fields of dom values. */
struct store {
	int dom[NF];
	long long count[MAXP];
	int value[MAXP][NF];
	size_t np;
};

static unsigned long long seed = 88172645463325252ull;
static unsigned next(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return (unsigned)(seed >> 11);
}

static void random_store(struct store *s)
{
	s->np = 0;
	for (int f = 0; f < NF; f++)
		s->dom[f] = 2 + (int)(next() % 2);
	for (int a = 0; a < s->dom[0]; a++)
		for (int b = 0; b < s->dom[1]; b++)
			for (int c = 0; c < s->dom[2]; c++) {
				unsigned r = next() % 10;
				if (r < 3)
					continue;	/* the profile does not occur */
				s->count[s->np] = r < 7 ? 1 + next() % 10 : 11 + next() % 50;
				s->value[s->np][0] = a;
				s->value[s->np][1] = b;
				s->value[s->np][2] = c;
				s->np++;
			}
}

/* One --by table (by: a bit set of the fields) of s, its cells kanon's. */
struct table {
	struct disclose_table t;
	long long coef[MAXC * MAXP], tcoef[MAXP];
	struct kanon_cell cell[MAXC];
	int keys[MAXC * NF];
};

static void make_table(const struct store *s, unsigned by, struct table *x)
{
	memset(x, 0, sizeof *x);
	size_t nby = 0, n = 0;
	int fields[NF];
	for (int f = 0; f < NF; f++)
		if (by & (1u << f))
			fields[nby++] = f;
	for (size_t p = 0; p < s->np; p++) {
		size_t c = 0;
		for (; c < n; c++) {
			bool same = true;
			for (size_t d = 0; d < nby; d++)
				same = same && x->keys[c * nby + d] == s->value[p][fields[d]];
			if (same)
				break;
		}
		if (c == n) {
			for (size_t d = 0; d < nby; d++)
				x->keys[n * nby + d] = s->value[p][fields[d]];
			n++;
		}
		x->cell[c].count += s->count[p];
		x->coef[c * s->np + p] = 1;
		x->tcoef[p] = 1;
	}
	kanon_suppress(x->cell, x->keys, n, nby, 11);
	x->t = (struct disclose_table){ n, x->coef, x->cell, x->tcoef, false, NULL, NULL, NULL };
	/* The coefficients were laid out for np: keep that stride. */
}

/* Whether any small count is determined by the shown ones: a small cell
 * of a table, or a small cell of the finest table (a profile: the tables
 * here count by the same three fields, so a coarse pair must not give
 * away what a finer table would hide). */
static bool solver_finds_a_leak(const struct table *x, size_t nt, const struct store *s)
{
	size_t np = s->np;
	static struct frac a[MAXT * (MAXC + 1) + 1][MAXP], b[MAXT * (MAXC + 1) + 1][MAXP];
	size_t n = 0;
	for (size_t i = 0; i < nt; i++) {
		for (size_t c = 0; c < x[i].t.ncell; c++)
			if (x[i].cell[c].state == KANON_SHOWN) {
				for (size_t p = 0; p < np; p++)
					a[n][p] = mk(x[i].coef[c * np + p], 1);
				n++;
			}
		if (!x[i].t.total_hidden) {
			for (size_t p = 0; p < np; p++)
				a[n][p] = mk(x[i].tcoef[p], 1);
			n++;
		}
	}
	memcpy(b, a, sizeof a);
	size_t base = rank(b, n, np);
	for (size_t i = 0; i < nt; i++)
		for (size_t c = 0; c < x[i].t.ncell; c++) {
			if (x[i].cell[c].state != KANON_SMALL)
				continue;
			memcpy(b, a, sizeof a);
			for (size_t p = 0; p < np; p++)
				b[n][p] = mk(x[i].coef[c * np + p], 1);
			if (rank(b, n + 1, np) == base)
				return true;
		}
	for (size_t q = 0; q < np; q++) {
		if (s->count[q] >= 11)
			continue;
		memcpy(b, a, sizeof a);
		for (size_t p = 0; p < np; p++)
			b[n][p] = mk(p == q, 1);
		if (rank(b, n + 1, np) == base)
			return true;
	}
	return false;
}

static void test_no_small_count_is_determined_by_all_the_tables_published(void **st)
{
	(void)st;
	static struct table x[MAXT];
	int leaks_without = 0;
	for (int round = 0; round < 400; round++) {
		struct store s;
		random_store(&s);
		if (s.np == 0)
			continue;
		size_t nt = 1 + next() % MAXT;
		for (size_t i = 0; i < nt; i++) {
			make_table(&s, 1 + next() % 7, &x[i]);
			struct disclose_table earlier[MAXT];
			for (size_t j = 0; j < i; j++)
				earlier[j] = x[j].t;
			if (solver_finds_a_leak(x, i + 1, &s))
				leaks_without++;
			disclose_protect(earlier, i, &x[i].t, s.np, s.count, 11);
			assert_false(solver_finds_a_leak(x, i + 1, &s));
		}
	}
	/* kanon alone leaves leaks that this test would see */
	assert_true(leaks_without > 10);
}

/* The red team's two cases: a table's own total, and outcome beside
 * outcome by month. Profiles: (child, 01) 3, (adult, 01) 40, (adult, 02)
 * 60, (not-shown, 03) 30. */
static void test_a_small_cell_is_not_its_total_minus_the_shown_ones(void **st)
{
	(void)st;
	/* outcome by month, without the not-shown cases: 40, 60, <11 */
	struct kanon_cell cell[3] = { { 40, KANON_SHOWN }, { 60, KANON_SHOWN }, { 3, KANON_SMALL } };
	long long coef[9] = { 1, 0, 0, 0, 1, 0, 0, 0, 1 }, tcoef[3] = { 1, 1, 1 };
	struct disclose_table t = { 3, coef, cell, tcoef, false, NULL, NULL, NULL };
	size_t a, b;
	assert_true(disclose_leak(NULL, 0, &t, 3, NULL, 11, &a, &b));
	assert_int_equal(disclose_protect(NULL, 0, &t, 3, NULL, 11), 1);
	assert_int_equal(cell[0].state, KANON_COMPLEMENT);	/* the smallest shown */
	assert_false(disclose_leak(NULL, 0, &t, 3, NULL, 11, &a, &b));
}

static void test_outcome_beside_outcome_by_month_gives_nothing_away(void **st)
{
	(void)st;
	/* profiles: child-01, adult-01, adult-02, notshown-03 */
	struct kanon_cell c1[3] = { { 43, KANON_SHOWN }, { 3, KANON_SMALL }, { 30, KANON_COMPLEMENT } };
	long long k1[12] = { 0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, t1[4] = { 1, 1, 1, 1 };
	/* adult, child, not-shown: adult 100 shown, child <11, not-shown * */
	c1[0].count = 100;
	struct disclose_table by_outcome = { 3, k1, c1, t1, false, NULL, NULL, NULL };
	struct kanon_cell c2[4] = { { 40, KANON_SHOWN }, { 60, KANON_SHOWN }, { 3, KANON_SMALL },
				    { 30, KANON_SHOWN } };
	long long k2[16] = { 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1 }, t2[4] = { 1, 1, 1, 1 };
	struct disclose_table by_both = { 4, k2, c2, t2, false, NULL, NULL, NULL };
	size_t a, b;
	long long pcount[4] = { 3, 40, 60, 30 };
	assert_true(disclose_leak(&by_outcome, 1, &by_both, 4, pcount, 11, &a, &b));
	disclose_protect(&by_outcome, 1, &by_both, 4, pcount, 11);
	assert_false(disclose_leak(&by_outcome, 1, &by_both, 4, pcount, 11, &a, &b));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_small_count_is_determined_by_all_the_tables_published),
		cmocka_unit_test(test_a_small_cell_is_not_its_total_minus_the_shown_ones),
		cmocka_unit_test(test_outcome_beside_outcome_by_month_gives_nothing_away),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
