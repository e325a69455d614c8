/* fuzz util: what the libFuzzer harnesses of tests/fuzz/ share.
 *
 * Each harness is one fuzz_<name>.c defining LLVMFuzzerTestOneInput; this
 * module gives them a private scratch directory (the engine reads decks,
 * PO and contacts files by path), a sink for output, the bundled deck, and
 * fuzz_fail, the one way a harness reports a broken property (it aborts,
 * so libFuzzer saves the input as a crash). Nothing here is part of
 * tipscreen itself. */
#ifndef TIPSCREEN_FUZZ_UTIL_H
#define TIPSCREEN_FUZZ_UTIL_H

#include <stddef.h>
#include <stdio.h>

struct deck;

/* The scratch directory of this process (made on first use, removed at
 * exit), under $TMPDIR or /tmp. Borrowed. */
const char *fuzz_dir(void);

/* Writes data to name inside fuzz_dir() (replacing it); returns the path,
 * a static buffer valid until the next call. Aborts if it cannot. */
const char *fuzz_write(const char *name, const void *data, size_t len);

/* A NUL-terminated copy of data (the caller frees it). */
char *fuzz_strndup(const void *data, size_t len);

/* A stream that discards what is written (opened once, never closed);
 * standard error when FUZZ_VERBOSE is set, to see what a reproducer did. */
FILE *fuzz_sink(void);

/* The bundled deck (screens/ of the tree), loaded once; aborts if it does
 * not load. */
const struct deck *fuzz_bundled_deck(void);

/* The first line of the input that is exactly sep (with its newline):
 * *second then points after it. Returns the length of the part before it
 * (all of len when there is no such line; *second is NULL then). */
size_t fuzz_split(const char *data, size_t len, const char *sep, const char **second,
		  size_t *second_len);

/* Reports a broken property with the harness's message and aborts. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

/* True if s[0..len) (UTF-8) holds a control character: C0 other than tab
 * and newline, DEL, C1. With bidi, also the bidi controls text_is_unsafe
 * refuses (what must never reach a terminal unsanitised). Invalid UTF-8
 * bytes are not counted here. */
int fuzz_has_control(const char *s, size_t len, int bidi);

#endif

struct interview;
struct catalog;

/* The bundled French translation (locales/fr.po), loaded once. */
const struct catalog *fuzz_bundled_fr(void);

/* What `replay` does after reading the answers: the assessment, then the
 * summary in English and in French at width columns, and the JSON, all
 * into the sink; the off-path answers; then interview_finish. */
void fuzz_report(struct interview *iv, int width);
