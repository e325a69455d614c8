/* make bench, the engine's part: loading the bundled deck, the
 * translations, a full replay; loading and checking synthetic decks of
 * 100 to 100,000 screens; a durable commit against one fsync; the unlock.
 * A benchmark that reports, never a timed test: it prints "KEY VALUE..."
 * lines that tests/bench/run.sh puts into its one table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <locale.h>

#include "base/xalloc.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "domain/answers.h"
#include "domain/deck.h"
#include "domain/langs.h"
#include "domain/lint.h"
#include "domain/report.h"
#include "store/store.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0..n-1] (reordered). Medians, not means: the machine is
 * shared, and a run another process slowed down says nothing about us. */
static double median(double *v, long n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Runs fn until a second has passed (at least min times, at most 10,000);
 * returns the median time of one run in microseconds. */
static double measure_n(void (*fn)(void *), void *arg, long min, long *runs)
{
	enum { MAX = 10000 };
	static double t[MAX];
	double start = now();
	long n = 0;
	do {
		double t0 = now();
		fn(arg);
		t[n++] = (now() - t0) * 1e6;
	} while (n < MAX && (now() - start < 1.0 || n < min));
	*runs = n;
	return median(t, n);
}

static double measure(void (*fn)(void *), void *arg, long *runs)
{
	return measure_n(fn, arg, 10, runs);
}

static void load(void *dir)
{
	struct diags d = { 0 };
	struct deck *dk = deck_load(dir, &d);
	if (!dk) {
		diags_print(&d, stderr);
		exit(1);
	}
	deck_free(dk);
	diags_free(&d);
}

static void load_langs(void *dir)
{
	struct langs l = { 0 };
	struct diags d = { 0 };
	if (langs_open(dir, &l, &d) < 0 || l.n < 2) {
		diags_print(&d, stderr);
		exit(1);
	}
	langs_free(&l);
	diags_free(&d);
}

struct replay {
	const struct deck *deck;
	const char *text;
	size_t len;
};

static void replay(void *arg)
{
	struct replay *r = arg;
	struct diags d = { 0 };
	struct stanza_file f;
	struct interview *iv = interview_new(r->deck);
	if (stanza_parse("bench", r->text, r->len, &f, &d) < 0 || answers_apply(iv, &f, &d) < 0) {
		diags_print(&d, stderr);
		exit(1);
	}
	struct assessment a;
	const char *why;
	interview_finish(iv);
	if (interview_assess(iv, &a, &why) < 0)
		exit(1);
	stanza_file_free(&f);
	diags_free(&d);
	interview_free(iv);
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		exit(1);
	}
	char *buf = malloc(1 << 20);
	*len = fread(buf, 1, (1 << 20) - 1, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* A synthetic deck of n yes-no questions in files of 1,000, each with a
 * condition on an earlier answer (a skip), then a review, the summary and
 * the stop screen: what `tipscreen check` accepts. */
static void write_deck(const char *dir, long n)
{
	static const char *const ind[] = { "act.recruitment", "means.deception",
					   "purpose.forced-labour" };
	FILE *f = NULL;
	for (long i = 0; i < n; i++) {
		if (i % 1000 == 0) {
			if (f)
				fclose(f);
			char *path = xasprintf("%s/f%06ld.screen", dir, i / 1000);
			f = fopen(path, "w");
			free(path);
			if (!f) {
				perror(dir);
				exit(1);
			}
			if (i == 0)	/* the sections every deck declares */
				fputs("Section: act\nTitle: Act\nStep: Act\n\nSection: review\nTitle: Review\n"
				      "Step: Review\n\nSection: summary\nTitle: Summary\nStep: Review\n\n"
				      "Section: stop\nTitle: Stop\nStep: Review\n\n", f);
		}
		fprintf(f, "Screen: q.%ld\nType: yesno\nSection: act\nIndicates: %s\n"
			"Question: Synthetic question number %ld, asked as a question would be?\n"
			"Statement: The person answered synthetic question number %ld.\n"
			"Help: What the interviewer should know.\nWhy: Why we ask.\n",
			i, ind[i % 3], i, i);
		if (i + 2 < n)
			fprintf(f, "Next: q.%ld if q.%ld\n", i + 2, i);
		if (i + 1 < n)
			fprintf(f, "Next: q.%ld\n\n", i + 1);
		else
			fputs("Next: review\n\n", f);
	}
	fputs("Screen: review\nType: review\nSection: review\nQuestion: Check every answer.\n"
	      "Next: summary\n\nScreen: summary\nType: summary\nSection: summary\nNext: end\n\n"
	      "Screen: stop\nType: stop\nSection: stop\nQuestion: Stop here.\nNext: summary\n", f);
	fclose(f);
}

static void rm_rf(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		perror("rm");
	free(cmd);
}

/* Loads and checks synthetic decks of growing size: "synth N US_PER_LOAD
 * US_PER_SCREEN RUNS", or "synth N skipped SECONDS" when the growth seen so
 * far says one load would take more than half a minute. */
static void bench_sizes(void)
{
	static const long sizes[] = { 100, 1000, 10000, 100000 };
	double prev = 0, prev2 = 0;
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		long n = sizes[k];
		if (prev2 > 0 && prev > prev2) {
			double est = prev * (prev / prev2) / 1e6;	/* same growth again */
			if (est > 30) {
				printf("synth %ld skipped %.0f\n", n, est);
				continue;
			}
		}
		char *dir = xasprintf("build/bench-deck-%ld", n);
		rm_rf(dir);
		if (mkdir(dir, 0700) < 0) {
			perror(dir);
			exit(1);
		}
		write_deck(dir, n);
		long runs;
		double us = measure_n(load, dir, 3, &runs);
		printf("synth %ld %.1f %.3f %ld\n", n, us, us / (double)(n + 3), runs);
		fflush(stdout);
		rm_rf(dir);
		free(dir);
		prev2 = prev;
		prev = us;
	}
}

/* One durable commit against one fsync of a small file, in a directory of
 * the build tree (the same disk as a real data directory on this machine),
 * and the unlock time of the passphrase. */
static void bench_store(void)
{
	char dir[] = "build/bench-store-XXXXXX";
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return;
	}
	char *sdir = xasprintf("%s/store", dir), err[256];
	struct store *st;
	if (store_open(sdir, &st, err, sizeof err) < 0 ||
	    store_set_passphrase(st, "bench passphrase", err, sizeof err) < 0) {
		fprintf(stderr, "bench: %s\n", err);
		exit(1);
	}
	char id[STORE_ID_LEN + 1];
	store_case_new(st, "", id, err, sizeof err);
	enum { N = 200 };
	const char *rec = "t: 1764349200.123\nevent: answer\nid: age.at-act\nold: 16\nnew: 30\n";
	/* A store in use has its WAL file already allocated: warm it up, so
	 * that both sides overwrite blocks the file system already has. */
	for (int i = 0; i < 1500; i++)
		store_append(st, id, rec, err, sizeof err);
	/* One commit, then one fsync, N times: both see the same moments of
	 * a disk other programs use too; the medians are reported. */
	char *path = xasprintf("%s/fsync.tmp", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	static double commits[N], syncs[N];
	for (int i = 0; i < N; i++) {
		double t0 = now();
		store_append(st, id, rec, err, sizeof err);
		commits[i] = (now() - t0) * 1e6;
		t0 = now();
		if (fd < 0 || pwrite(fd, rec, strlen(rec), 0) < 0 || fsync(fd) < 0) {
			perror(path);
			exit(1);
		}
		syncs[i] = (now() - t0) * 1e6;
	}
	double commit = median(commits, N), sync = median(syncs, N);
	close(fd);
	unlink(path);
	double t0 = now();
	store_unlock(st, "bench passphrase", err, sizeof err);
	double unlock = (now() - t0) * 1e3;
	printf("commit %.1f\nfsync %.1f\nunlock %.1f\n", commit, sync, unlock);
	store_close(st);
	rm_rf(dir);
	free(path);
	free(sdir);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: bench DECKDIR ANSWERS\n", stderr);
		return 2;
	}
	setlocale(LC_CTYPE, "C.UTF-8");
	long runs;
	printf("deck %.1f\n", measure(load, argv[1], &runs));
	printf("langs %.1f\n", measure(load_langs, "locales", &runs));
	struct diags d = { 0 };
	struct deck *dk = deck_load(argv[1], &d);
	struct replay r = { dk, NULL, 0 };
	r.text = slurp(argv[2], &r.len);
	printf("replay %.1f %zu\n", measure(replay, &r, &runs), dk->nslots);
	free((char *)r.text);
	deck_free(dk);
	diags_free(&d);
	fflush(stdout);
	bench_store();
	fflush(stdout);
	bench_sizes();
	return 0;
}
