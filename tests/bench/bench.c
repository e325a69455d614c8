/* make bench: how long loading the deck and replaying a full interview
 * take on this machine. A benchmark that reports, never a timed test. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <locale.h>

#include "answers.h"
#include "deck.h"
#include "report.h"

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
	return 0;
}
