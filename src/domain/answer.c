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

const char *answer_expected(const struct deck *dk, int slot)
{
	switch (deck_slot_type(dk, slot)) {
	case SCR_YESNO:
		return deck_slot_intended(dk, slot)
			? "yes, intended, no, dontknow or declined"
			: "yes, no, dontknow or declined";
	case SCR_NUMBER: return "a whole number in the screen's range, dontknow or declined";
	case SCR_SINGLE: return "one of the screen's choice codes, dontknow or declined";
	case SCR_MULTI: return "the screen's choice codes separated by spaces, or declined";
	case SCR_TEXT: return "a line of text, or declined";
	default: return "no answer: this screen takes none";
	}
}

int answer_parse(const struct deck *dk, int slot, const char *s, struct answer *out,
		 const char **why)
{
	memset(out, 0, sizeof *out);
	enum screen_type t = deck_slot_type(dk, slot);
	const struct screen *sc = slot_screen(dk, slot);
	int w = parse_word(s);
	int rc = 0;
	if (w >= 0 && (t != SCR_TEXT || w == IV_DECLINED)) {
		out->kind = ANS_WORD;
		out->word = w;
	} else if (t == SCR_NUMBER) {
		rc = parse_number(sc, s, out);
	} else if (t == SCR_SINGLE) {
		out->kind = ANS_CHOICE;
		out->choice = find_choice(sc, s, strlen(s));
		rc = out->choice < 0 ? -1 : 0;
	} else if (t == SCR_MULTI) {
		rc = parse_multi(sc, s, out);
	} else if (t == SCR_TEXT) {
		out->kind = ANS_TEXT;
		out->text = text_sanitize(s);
	} else {
		rc = -1;
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
	enum screen_type t = deck_slot_type(dk, slot);
	const struct screen *sc = slot_screen(dk, slot);
	bool ok;
	switch (a->kind) {
	case ANS_NONE: ok = true; break;
	case ANS_WORD:
		if (a->word == IV_DECLINED)
			ok = true;
		else if (a->word == IV_DONTKNOW)
			ok = t != SCR_MULTI && t != SCR_TEXT;
		else if (a->word == IV_INTENDED)
			ok = t == SCR_YESNO && deck_slot_intended(dk, slot);
		else
			ok = t == SCR_YESNO && (a->word == IV_YES || a->word == IV_NO);
		break;
	case ANS_NUMBER: ok = t == SCR_NUMBER && a->number >= sc->min && a->number <= sc->max; break;
	case ANS_CHOICE: ok = t == SCR_SINGLE && a->choice >= 0 && (size_t)a->choice < sc->nchoices; break;
	case ANS_MULTI:
		ok = t == SCR_MULTI && (sc->nchoices >= 32 || (a->multi >> sc->nchoices) == 0);
		break;
	case ANS_TEXT:
		if (t == SCR_TEXT && a->text && strlen(a->text) > ANSWER_TEXT_MAX) {
			*why = "a text of at most 16384 bytes (16 KiB)";
			return -1;
		}
		ok = t == SCR_TEXT && a->text;
		break;
	default: ok = false;
	}
	if (!ok)
		*why = answer_expected(dk, slot);
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
