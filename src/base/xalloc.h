/* xalloc: allocation that never returns NULL.
 *
 * Out of memory is not an error the engine can recover from in a useful way:
 * the handler restores the terminal (front ends register one with
 * xalloc_set_oom_handler), says so on stderr and exits 1. */
#ifndef TIPSCREEN_XALLOC_H
#define TIPSCREEN_XALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows *p (holding *cap elements of size) to hold at least need elements. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a new string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same with a va_list (which it leaves to the caller to end). */
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* open_memstream, the house tool for building a string; out of memory
 * ends as the others do. Close it before reading *buf. */
FILE *xmemstream(char **buf, size_t *len);

/* Called before exiting on out of memory, e.g. to end curses mode. */
void xalloc_set_oom_handler(void (*fn)(void));

#endif
