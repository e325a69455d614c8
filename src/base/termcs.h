/* termcs: the terminal's character set, at the edge.
 *
 * tipscreen keeps text in UTF-8. A terminal in another charset (a Latin-1
 * locale, the C locale) gets its output converted with transliteration,
 * never raw UTF-8 bytes, and its typed input converted to UTF-8. */
#ifndef TIPSCREEN_TERMCS_H
#define TIPSCREEN_TERMCS_H

#include <stdio.h>

/* A stream that converts what is written to it from UTF-8 to charset and
 * passes it on to out (which it does not close). Characters charset lacks
 * are transliterated ("“" → "\""), or written as "?" when there is no
 * transliteration. Close it with fclose before out. NULL if charset is
 * unknown to iconv. */
FILE *termcs_open(FILE *out, const char *charset);

/* line (in charset) converted to UTF-8 and sanitized: a new string the
 * caller frees. Bytes invalid in charset become U+FFFD. */
char *termcs_input(const char *line, const char *charset);

#endif
