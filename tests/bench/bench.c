/* make bench: how long loading the deck and replaying a full interview
 * take on this machine. A benchmark that reports, never a timed test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <locale.h>

#include "xalloc.h"

#include <fcntl.h>
#include <unistd.h>

#include "answers.h"
#include "deck.h"
#include "langs.h"
#include "report.h"
#include "store.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs fn until a second has passed (at least 10 times); returns the mean
 * time per run in microseconds. */
static double measure(void (*fn)(void *), void *arg, long *runs)
{
	double start = now(), t;
	long n = 0;
	do {
		fn(arg);
		n++;
		t = now() - start;
	} while (t < 1.0 || n < 10);
	*runs = n;
	return t / (double)n * 1e6;
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
	if (langs_load(dir, &l, &d) < 0 || l.n < 2) {
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
	double t0 = now();
	for (int i = 0; i < N; i++)
		store_append(st, id, rec, err, sizeof err);
	double commit = (now() - t0) / N * 1e6;
	char *path = xasprintf("%s/fsync.tmp", dir);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	t0 = now();
	for (int i = 0; i < N; i++) {
		if (pwrite(fd, rec, strlen(rec), 0) < 0 || fsync(fd) < 0)
			break;
	}
	double sync = (now() - t0) / N * 1e6;
	close(fd);
	unlink(path);
	t0 = now();
	store_unlock(st, "bench passphrase", err, sizeof err);
	double unlock = (now() - t0) * 1e3;
	printf("durable answer commit:              %8.1f us  (one fsync of a small file: %.1f us; ratio %.2f, target <= 2)\n",
	       commit, sync, commit / sync);
	printf("unlock (Argon2id, 64 MiB, 2 passes): %7.1f ms\n", unlock);
	store_close(st);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		perror("rm");
	free(cmd);
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
	double us = measure(load, argv[1], &runs);
	printf("deck load (%s):            %8.1f us per load   (%ld runs)\n", argv[1], us, runs);
	us = measure(load_langs, "locales", &runs);
	printf("translations load (locales/*.po):   %8.1f us per load   (%ld runs)\n", us, runs);
	struct diags d = { 0 };
	struct deck *dk = deck_load(argv[1], &d);
	struct replay r = { dk, NULL, 0 };
	r.text = slurp(argv[2], &r.len);
	us = measure(replay, &r, &runs);
	printf("full replay (parse, %zu answers, assess): %8.1f us per replay (%ld runs)\n",
	       dk->nslots, us, runs);
	free((char *)r.text);
	deck_free(dk);
	diags_free(&d);
	bench_store();
	return 0;
}
