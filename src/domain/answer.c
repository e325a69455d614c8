#include "domain/answer.h"

#include "domain/catalog.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"

static const struct screen *slot_screen(const struct deck *dk, int slot)
{
	return &dk->s[dk->slots[slot].screen];
}

static int parse_word(const char *s)
{
	int v = ind_value_lookup(s);
	return v == IV_UNANSWERED ? -1 : v;
}

static int parse_number(const struct screen *sc, const char *s, struct answer *out)
{
	char *end;
	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return -1;
	long n = strtol(s, &end, 10);
	out->kind = ANS_NUMBER;
	out->number = n;
	return n >= sc->min && n <= sc->max ? 0 : -1;
}

static int find_choice(const struct screen *sc, const char *code, size_t len)
{
	for (size_t i = 0; i < sc->nchoices; i++)
		if (strlen(sc->choices[i].code) == len && memcmp(sc->choices[i].code, code, len) == 0)
			return (int)i;
	return -1;
}

static int parse_single(const struct screen *sc, const char *s, struct answer *out)
{
	out->kind = ANS_CHOICE;
	out->choice = find_choice(sc, s, strlen(s));
	return out->choice < 0 ? -1 : 0;
}

static int parse_text(const struct screen *sc, const char *s, struct answer *out)
{
	(void)sc;
	out->kind = ANS_TEXT;
	out->text = text_sanitize(s);
	return 0;
}

static int parse_multi(const struct screen *sc, const char *s, struct answer *out)
{
	out->kind = ANS_MULTI;
	out->multi = 0;
	while (*s) {
		size_t n = strcspn(s, " ,");
		if (n) {
			int c = find_choice(sc, s, n);
			if (c < 0)
				return -1;
			out->multi |= 1u << c;
		}
		s += n;
		while (*s == ' ' || *s == ',')
			s++;
	}
	return 0;
}

/* ---- the screen types ------------------------------------------------- */

static int fits_number(const struct screen *sc, const struct answer *a, const char **why)
{
	(void)why;
	return a->number >= sc->min && a->number <= sc->max ? 0 : -1;
}

static int fits_single(const struct screen *sc, const struct answer *a, const char **why)
{
	(void)why;
	return a->choice >= 0 && (size_t)a->choice < sc->nchoices ? 0 : -1;
}

static int fits_multi(const struct screen *sc, const struct answer *a, const char **why)
{
	(void)why;
	return sc->nchoices >= 32 || (a->multi >> sc->nchoices) == 0 ? 0 : -1;
}

static int fits_text(const struct screen *sc, const struct answer *a, const char **why)
{
	(void)sc;
	if (!a->text)
		return -1;
	if (strlen(a->text) <= ANSWER_TEXT_MAX)
		return 0;
	*why = "a text of at most 16384 bytes (16 KiB)";
	return -1;
}

#define W(v) (1u << (v))
#define ASKS W(IV_DONTKNOW) | W(IV_DECLINED)

/* One row per screen type (dpkg's fieldinfos[], cdebconf's question
 * handlers): a new question type is a row here, and a row in each front
 * end's table of the same index. Types that take no answer take nothing. */
static const struct screen_kind kinds[SCR_TYPE_COUNT] = {
	[SCR_YESNO] = { ANS_WORD, false, false, W(IV_YES) | W(IV_INTENDED) | W(IV_NO) | ASKS,
			"yes, no, dontknow or declined", NULL, NULL },
	[SCR_SINGLE] = { ANS_CHOICE, false, false, ASKS,
			 "one of the screen's choice codes, dontknow or declined", parse_single,
			 fits_single },
	[SCR_MULTI] = { ANS_MULTI, true, false, W(IV_DECLINED),
			"the screen's choice codes separated by spaces, or declined", parse_multi,
			fits_multi },
	[SCR_NUMBER] = { ANS_NUMBER, false, false, ASKS,
			 "a whole number in the screen's range, dontknow or declined", parse_number,
			 fits_number },
	[SCR_TEXT] = { ANS_TEXT, true, true, W(IV_DECLINED), "a line of text, or declined", parse_text,
		       fits_text },
};

static const struct screen_kind no_answer = { ANS_NONE, true, false, 0,
					      "no answer: this screen takes none", NULL, NULL };

const struct screen_kind *screen_kind(enum screen_type t)
{
	return (unsigned)t < SCR_TYPE_COUNT && kinds[t].takes != ANS_NONE ? &kinds[t] : &no_answer;
}

static const struct screen_kind *slot_kind(const struct deck *dk, int slot)
{
	return screen_kind(deck_slot_type(dk, slot));
}

/* True if slot takes word v: its type takes it, and intended only where
 * the slot allows it. */
static bool takes_word(const struct deck *dk, int slot, enum ind_value v)
{
	return (unsigned)v < 32 && (slot_kind(dk, slot)->words & W(v)) &&
	       (v != IV_INTENDED || deck_slot_intended(dk, slot));
}

int answer_words(const struct deck *dk, int slot, enum ind_value out[5])
{
	static const enum ind_value order[] = { IV_YES, IV_INTENDED, IV_NO, IV_DONTKNOW, IV_DECLINED };
	int n = 0;
	for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
		if (takes_word(dk, slot, order[i]))
			out[n++] = order[i];
	return n;
}

const char *answer_expected(const struct deck *dk, int slot)
{
	if (deck_slot_type(dk, slot) == SCR_YESNO && deck_slot_intended(dk, slot))
		return "yes, intended, no, dontknow or declined";
	return slot_kind(dk, slot)->expected;
}

int answer_parse(const struct deck *dk, int slot, const char *s, struct answer *out,
		 const char **why)
{
	memset(out, 0, sizeof *out);
	const struct screen_kind *k = slot_kind(dk, slot);
	int w = parse_word(s);
	int rc = 0;
	/* A word is a word, except in a text, which takes only its own */
	if (w >= 0 && (k->takes != ANS_TEXT || (k->words & W(w)))) {
		out->kind = ANS_WORD;
		out->word = w;
	} else {
		rc = k->parse ? k->parse(slot_screen(dk, slot), s, out) : -1;
	}
	if (rc < 0)
		*why = answer_expected(dk, slot);
	else	/* its own reason kept: a text too long says so */
		rc = answer_check(dk, slot, out, why);
	if (rc < 0)
		answer_clear(out);
	return rc;
}

int answer_check(const struct deck *dk, int slot, const struct answer *a, const char **why)
{
	const struct screen_kind *k = slot_kind(dk, slot);
	const char *reason = NULL;
	bool ok;
	switch (a->kind) {
	case ANS_NONE: ok = true; break;
	case ANS_WORD: ok = takes_word(dk, slot, a->word); break;
	default:
		ok = a->kind == k->takes && k->fits && k->fits(slot_screen(dk, slot), a, &reason) == 0;
	}
	if (!ok)
		*why = reason ? reason : answer_expected(dk, slot);
	return ok ? 0 : -1;
}

static char *format_multi(const struct screen *sc, unsigned m, bool codes)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < sc->nchoices; i++) {
		if (!(m & (1u << i)))
			continue;
		const char *c = codes ? sc->choices[i].code : D_(sc->id, sc->choices[i].label);
		char *n = xasprintf("%s%s%s", s, *s ? (codes ? " " : "; ") : "", c);
		free(s);
		s = n;
	}
	return s;
}

char *answer_format(const struct deck *dk, int slot, const struct answer *a, bool codes)
{
	const struct screen *sc = slot_screen(dk, slot);
	switch (a->kind) {
	case ANS_WORD: return xstrdup(codes ? ind_value_name(a->word) : ind_value_text(a->word));
	case ANS_NUMBER: return xasprintf("%ld", a->number);
	case ANS_CHOICE:
		return xstrdup(codes ? sc->choices[a->choice].code
				     : D_(sc->id, sc->choices[a->choice].label));
	case ANS_MULTI: return format_multi(sc, a->multi, codes);
	case ANS_TEXT: return xstrdup(a->text);
	default: return xstrdup("");
	}
}

void answer_copy(struct answer *dst, const struct answer *a)
{
	*dst = *a;
	if (a->kind == ANS_TEXT)
		dst->text = xstrdup(a->text);
}

bool answer_equal(const struct answer *a, const struct answer *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
	case ANS_NONE: return true;
	case ANS_WORD: return a->word == b->word;
	case ANS_NUMBER: return a->number == b->number;
	case ANS_CHOICE: return a->choice == b->choice;
	case ANS_MULTI: return a->multi == b->multi;
	case ANS_TEXT: return strcmp(a->text, b->text) == 0;
	}
	return false;
}

void answer_clear(struct answer *a)
{
	if (a->kind == ANS_TEXT)
		free(a->text);
	memset(a, 0, sizeof *a);
}

enum ind_value answer_value(const struct answer *a)
{
	if (a->kind == ANS_NONE)
		return IV_UNANSWERED;
	return a->kind == ANS_WORD ? a->word : IV_ABSENT;
}
