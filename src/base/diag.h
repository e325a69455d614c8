/* diag: a list of diagnostics, each "file:line:col: error: message".
 *
 * Engine modules never print and never exit: they append to a struct diags
 * that the caller owns, prints with diags_print() and frees with diags_free().
 * Every string in it is owned by the list. */
#ifndef TIPSCREEN_DIAG_H
#define TIPSCREEN_DIAG_H

#include <stddef.h>
#include <stdio.h>

struct diag {
	char *file;	/* may be NULL for diagnostics with no file */
	int line;	/* 1-based; 0 when unknown */
	int col;	/* 1-based, in characters; 0 when unknown */
	char *msg;
};

struct diags {
	struct diag *v;
	size_t n, cap;
};

/* Appends one error. The format is printf's. */
void diags_add(struct diags *d, const char *file, int line, int col,
	       const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Prints every diagnostic, one a line, as file:line:col: error: msg. */
void diags_print(const struct diags *d, FILE *out);

/* Frees what the list owns and leaves it empty and reusable. */
void diags_free(struct diags *d);

#endif
