/* fsx: the file plumbing every module shares (redis's util.c): reading a
 * whole file. Nothing here knows what a file holds; errors are returned as
 * text for the caller to print. */
#ifndef TIPSCREEN_FSX_H
#define TIPSCREEN_FSX_H

#include <stddef.h>

/* The largest file fsx_slurp reads for a caller that names no smaller
 * limit: a sealed bundle or a key list. */
enum { FSX_SLURP_MAX = 64 << 20 };

/* Reads the whole file at path, at most max bytes, into a new buffer with
 * a NUL after its last byte (caller frees with free); *len is its length.
 * On failure returns NULL and puts the reason, without the path, in err
 * (errlen bytes). */
char *fsx_slurp(const char *path, size_t max, size_t *len, char *err, size_t errlen);

#endif
