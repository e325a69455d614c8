#include "tui/pass.h"

#include <stdio.h>
#include <string.h>

#include "base/text.h"
#include "domain/catalog.h"
#include "store/store.h"

static void wipe(char *buf)
{
	/* volatile: the compiler may not drop the stores */
	for (volatile char *p = buf; p < buf + PASS_MAX; p++)
		*p = 0;
}

void pass_clear(struct pass *ps)
{
	wipe(ps->buf);
	wipe(ps->first);
	ps->len = 0;
	ps->chars = 0;
}

void pass_init(struct pass *ps)
{
	memset(ps, 0, sizeof *ps);
	ps->phase = PASS_LOADING;
	ps->utf8 = true;
}

void pass_ready(struct pass *ps, bool new_store)
{
	ps->phase = new_store ? PASS_NEW : PASS_OLD;
}

static void typed_clear(struct pass *ps)
{
	wipe(ps->buf);
	ps->len = 0;
	ps->chars = 0;
}

static enum pass_result append(struct pass *ps, const char *bytes, size_t k)
{
	if (k == 0 || ps->len + k >= PASS_MAX)
		return PASS_NONE;
	memcpy(ps->buf + ps->len, bytes, k);
	ps->len += k;
	ps->chars++;
	return PASS_REDRAW;
}

static enum pass_result insert(struct pass *ps, uint32_t cp)
{
	char enc[4];
	return append(ps, enc, cp >= 0x20 && cp != 0x7f ? text_encode(cp, enc) : 0);
}

enum pass_result pass_byte(struct pass *ps, unsigned char c)
{
	char b = (char)c;
	return append(ps, &b, c >= 0x20 && c != 0x7f ? 1 : 0);
}

/* Deletes the last character (its UTF-8 continuation bytes too). */
static enum pass_result backspace(struct pass *ps)
{
	if (!ps->len)
		return PASS_NONE;
	do
		ps->buf[--ps->len] = '\0';
	while (ps->utf8 && ps->len && ((unsigned char)ps->buf[ps->len] & 0xC0) == 0x80);
	ps->chars--;
	return PASS_REDRAW;
}

/* Enter: what the phase does with what was typed. */
static enum pass_result submit(struct pass *ps)
{
	ps->msg[0] = '\0';
	switch (ps->phase) {
	case PASS_OLD:
		if (!ps->len) {
			snprintf(ps->msg, sizeof ps->msg, "%s", _("Type the passphrase, then Enter."));
			return PASS_REDRAW;
		}
		return PASS_UNLOCK;
	case PASS_NEW:
		if (ps->len < STORE_PASS_MIN) {
			snprintf(ps->msg, sizeof ps->msg,
				 _("Too short: a passphrase has %d characters or more. Choose another."),
				 STORE_PASS_MIN);
			typed_clear(ps);
			return PASS_REDRAW;
		}
		memcpy(ps->first, ps->buf, PASS_MAX);
		typed_clear(ps);
		ps->phase = PASS_AGAIN;
		return PASS_REDRAW;
	case PASS_AGAIN:
		if (strcmp(ps->first, ps->buf) != 0) {
			snprintf(ps->msg, sizeof ps->msg, "%s",
				 _("The two passphrases differ. Choose one again."));
			pass_clear(ps);
			ps->phase = PASS_NEW;
			return PASS_REDRAW;
		}
		return PASS_SET;
	default:
		return PASS_NONE;	/* still loading: the key waits its turn */
	}
}

enum pass_result pass_key(struct pass *ps, const struct wizard_key *k)
{
	switch (k->op) {
	case EDIT_INSERT: return insert(ps, k->ch);
	case EDIT_BACKSPACE: return backspace(ps);
	default: break;
	}
	switch (k->action) {
	case ACT_NEXT: return submit(ps);
	case ACT_HIDE: return PASS_HIDE;
	case ACT_REDRAW: return PASS_REDRAW;
	case ACT_BACK:
	case ACT_QUIT: return PASS_QUIT;
	default: return PASS_NONE;
	}
}

bool pass_wrong(struct pass *ps)
{
	typed_clear(ps);
	ps->wrong++;
	int left = PASS_TRIES - ps->wrong;
	if (left <= 0)
		return false;
	if (left == 1)
		snprintf(ps->msg, sizeof ps->msg, "%s", _("Wrong passphrase. One try left."));
	else
		snprintf(ps->msg, sizeof ps->msg, _("Wrong passphrase. %d tries left."), left);
	return true;
}
