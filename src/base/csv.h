/* csv: the one CSV field writer, with the formula guard every CSV the
 * program writes gets (DESIGN §6: a cell a spreadsheet would run as a
 * formula is made inert). The guard: the text is sanitised, invisible
 * characters (zero-width, joiners, soft hyphen, variation selectors,
 * tags, BOM) are dropped so they cannot hide what a cell starts with, line
 * ends become spaces, and a cell that starts with = + - @, a tab or a CR
 * (after any charset conversion), or with a Unicode look-alike of one
 * that a conversion could turn into it (＝ ＋ － ＠ ﹦ ﹢ ﹣ ﹫ − ⁺ ₊ ⁼ ₌),
 * gets a leading apostrophe. */
#ifndef TIPSCREEN_CSV_H
#define TIPSCREEN_CSV_H

#include <stdio.h>

/* Whether every field is quoted, or only those that need it (a comma, a
 * quote, a line end, or the guard's apostrophe). */
enum csv_quote { CSV_QUOTE_ALL, CSV_QUOTE_NEEDED };

/* Writes s (UTF-8) to out as one field, guarded, converted to charset
 * (NULL: left in UTF-8). No separator is written. 0, or -1 (nothing
 * written) if s cannot be converted to charset. */
int csv_field(FILE *out, const char *s, const char *charset, enum csv_quote quote);

#endif
