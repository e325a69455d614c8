/* text: UTF-8 inside, iconv at the edges.
 *
 * Everything the engine holds is UTF-8. These helpers validate it, measure
 * it in terminal columns (wcwidth, never bytes), wrap it, strip characters
 * that must never reach a terminal or a file (C0/C1 controls, ESC, bidi
 * overrides), and convert to and from other charsets.
 *
 * Width and wrapping need an LC_CTYPE with UTF-8 (main sets C.UTF-8).
 * Functions returning char * return a new string the caller frees. */
#ifndef TIPSCREEN_TEXT_H
#define TIPSCREEN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (at most n bytes). Returns its length in
 * bytes, or 0 for an invalid or truncated sequence (overlongs, surrogates
 * and values above U+10FFFF are invalid). */
size_t text_decode(const char *s, size_t n, uint32_t *cp);

/* Encodes code point cp as UTF-8 into out (4 bytes); its length, or 0 for
 * a surrogate or a value past U+10FFFF. */
size_t text_encode(uint32_t cp, char *out);

/* True if s[0..n) is valid UTF-8. Otherwise *bad (if not NULL) is the
 * offset of the first bad byte. */
bool text_valid(const char *s, size_t n, size_t *bad);

/* Display width of one code point (0 for combining and controls). */
int text_cp_width(uint32_t cp);

/* Display width of a UTF-8 string in terminal columns. */
int text_width(const char *s);

/* Number of code points in s[0..n). */
size_t text_chars(const char *s, size_t n);

/* True for code points that are stripped: controls other than \n and \t,
 * DEL, C1, and the bidi embedding, override and isolate controls. */
bool text_is_unsafe(uint32_t cp);

/* Copy of s without unsafe code points; invalid bytes become U+FFFD. */
char *text_sanitize(const char *s);

/* s wrapped to at most width columns: lines broken at spaces, words longer
 * than a line broken between characters; existing newlines are kept. A
 * spaced closing mark (French " :", " ?", " »") stays with the word before
 * it, and an opening "« " with the word after it. */
char *text_wrap(const char *s, int width);

/* The number of lines text_wrap(s, width) has, without building it. */
int text_rows(const char *s, int width);

/* s converted from charset `from` to charset `to` with iconv; characters
 * that `to` lacks are transliterated (//TRANSLIT). NULL if the conversion
 * is not supported or s is not valid in `from`. */
char *text_convert(const char *s, const char *from, const char *to);

/* True if iconv converts between UTF-8 and charset. */
bool text_charset_known(const char *charset);

/* True if the charset name means UTF-8 ("UTF-8", "utf8"). */
bool text_is_utf8_charset(const char *charset);

#endif
