/* stanza: the reader for tipscreen's data files.
 *
 * The format is the Debian control / debconf template family: "Key: value"
 * lines, stanzas separated by blank lines, "#" comment lines, and
 * continuation lines that start with a space or tab, folded into the value
 * with a space (a continuation line of a lone "." starts a new paragraph). Every field keeps the file, line and column
 * of its key and its value, so every later diagnostic can name them.
 *
 * A struct stanza_file owns all its strings; free it with stanza_file_free. */
#ifndef TIPSCREEN_STANZA_H
#define TIPSCREEN_STANZA_H

#include <stddef.h>

#include "base/diag.h"

struct field {
	char *key;	/* as written */
	char *value;	/* folded: continuation lines joined by spaces, "\n" for "." */
	int line, col;	/* of the key */
	int vline, vcol;	/* of the first character of the value */
};

struct stanza {
	struct field *f;
	size_t n, cap;
	int line;	/* of its first field */
};

struct stanza_file {
	char *path;
	struct stanza *s;
	size_t n, cap;
};

/* Parses buf[0..len) read from path. Returns 0, or -1 after adding every
 * problem to d (out then holds what could be read, and must still be
 * freed). Rejects invalid UTF-8, control characters and malformed lines.
 * A key may repeat within a stanza (several `Next:` lines); the reader of
 * each format decides which keys may. */
int stanza_parse(const char *path, const char *buf, size_t len,
		 struct stanza_file *out, struct diags *d);

/* Reads a whole file into *buf (a new buffer the caller frees; *len its
 * length, not NUL-terminated); "-" reads standard input. Anything but a
 * regular file (a FIFO, a device) is refused, as is a file over 4 MiB.
 * Returns 0, or -1 after a diagnostic. */
int stanza_slurp(const char *path, char **buf, size_t *len, struct diags *d);

/* Reads and parses a file (stanza_slurp, then stanza_parse). */
int stanza_read(const char *path, struct stanza_file *out, struct diags *d);

void stanza_file_free(struct stanza_file *f);

/* The first field with this key (case-insensitive), borrowed; NULL if
 * absent. */
const struct field *stanza_get(const struct stanza *s, const char *key);

#endif
