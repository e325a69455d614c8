#include "tui/edit.h"

#include "domain/answer.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

enum { DEFAULT_MAX = ANSWER_TEXT_MAX };

static void ensure(struct edit *e, size_t need)
{
	bool fresh = !e->buf;
	if (fresh || need + 1 > e->cap)
		xgrow((void **)&e->buf, &e->cap, need + 1, 1);
	if (fresh) {
		e->buf[0] = '\0';
		e->len = e->cur = 0;
	}
}

void edit_set(struct edit *e, const char *text)
{
	size_t n = text ? strlen(text) : 0;
	ensure(e, n);
	memcpy(e->buf, text ? text : "", n + 1);
	e->len = e->cur = n;
}

static uint32_t cp_at(const struct edit *e, size_t at, size_t *k)
{
	uint32_t cp = 0;
	*k = text_decode(e->buf + at, e->len - at, &cp);
	if (*k == 0)
		*k = 1;
	return cp;
}

/* True for code points drawn on the character before them. */
static bool joins(uint32_t cp)
{
	return cp >= 0x300 && text_cp_width(cp) == 0;
}

/* Offset of the next character boundary after at. */
static size_t next_char(const struct edit *e, size_t at)
{
	size_t k;
	if (at >= e->len)
		return e->len;
	cp_at(e, at, &k);
	at += k;
	while (at < e->len && joins(cp_at(e, at, &k)))
		at += k;
	return at;
}

static size_t prev_char(const struct edit *e, size_t at)
{
	size_t p = 0, q = 0;
	while (q < at) {
		p = q;
		q = next_char(e, q);
	}
	return p;
}

bool edit_insert(struct edit *e, uint32_t cp)
{
	char enc[4];
	size_t n;
	if (text_is_unsafe(cp) || cp == '\n' || cp == '\t' || cp > 0x10FFFF ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return false;
	n = text_encode(cp, enc);
	if (e->len + n > (e->max ? e->max : DEFAULT_MAX))
		return false;
	ensure(e, e->len + n);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, enc, n);
	e->len += n;
	e->cur += n;
	return true;
}

static void cut(struct edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, e->len - to + 1);
	e->len -= to - from;
	e->cur = from;
}

bool edit_backspace(struct edit *e)
{
	if (!e->buf || e->cur == 0)
		return false;
	cut(e, prev_char(e, e->cur), e->cur);
	return true;
}

bool edit_delete(struct edit *e)
{
	if (!e->buf || e->cur >= e->len)
		return false;
	cut(e, e->cur, next_char(e, e->cur));
	return true;
}

void edit_left(struct edit *e)
{
	if (e->buf)
		e->cur = prev_char(e, e->cur);
}

void edit_right(struct edit *e)
{
	if (e->buf)
		e->cur = next_char(e, e->cur);
}

void edit_home(struct edit *e)
{
	e->cur = 0;
}

void edit_end(struct edit *e)
{
	e->cur = e->len;
}

int edit_cursor_col(const struct edit *e)
{
	if (!e->buf)
		return 0;
	char *head = xstrndup(e->buf, e->cur);
	int w = text_width(head);
	free(head);
	return w;
}

void edit_free(struct edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}
