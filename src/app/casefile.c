/* casefile: a case as a readable case file (casefile.h). The lines are
 * gathered in a struct report and printed by report_print, so the case
 * file wraps its prose as the summary does. */
#include "app/casefile.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/answer.h"
#include "domain/catalog.h"

#ifndef TIPSCREEN_VERSION	/* the Makefile defines it */
#define TIPSCREEN_VERSION "0.1.0"
#endif

void casefile_time(char *buf, size_t n, time_t t)
{
	struct tm tm;
	char day[24];
	if (!localtime_r(&t, &tm) || !strftime(day, sizeof day, "%Y-%m-%dT%H:%M:%S", &tm)) {
		snprintf(buf, n, "?");
		return;
	}
	long off = tm.tm_gmtoff / 60;
	snprintf(buf, n, "%s%c%02ld:%02ld", day, off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

void casefile_time_ms(char *buf, size_t n, long long ms)
{
	casefile_time(buf, n, (time_t)(ms / 1000));
}

/* ---- lines ------------------------------------------------------------- */

static void line(struct report *r, const char *indent, char *text)
{
	report_add(r, SEC_TITLE, indent, text);
}

static void heading(struct report *r, const char *title)
{
	line(r, NULL, xstrdup(""));
	line(r, NULL, xstrdup(title));
}

/* The format is translated so that a language can space the colon. */
static void field(struct report *r, const char *label, const char *value)
{
	/* TRANSLATORS: a label and its value, e.g. "Case: 3f9a…". */
	line(r, "  ", xasprintf(_("%s: %s"), label, value));
}

/* Text that may hold newlines (a note), each line after indent. */
static void lines(struct report *r, const char *indent, const char *text)
{
	char *copy = xstrdup(text);
	for (char *l = copy, *e; l; l = e ? e + 1 : NULL) {
		e = strchr(l, '\n');
		if (e)
			*e = '\0';
		line(r, indent, xstrdup(l));
	}
	free(copy);
}

/* ---- the case ----------------------------------------------------------- */

/* The last record of an event (and of an id, if given), or NULL. */
static const struct record *last_record(const struct records *rs, enum record_event ev,
					const char *id)
{
	for (size_t i = rs->n; i-- > 0;)
		if (rs->v[i].event == ev && (!id || strcmp(rs->v[i].id, id) == 0))
			return &rs->v[i];
	return NULL;
}

/* The screen where the interview stopped (the one before the stop screen
 * on the path: the stop key's screen or the safety question that stopped
 * it), or -1 if it did not stop. */
static int stopped_at(const struct interview *iv, const struct records *rs)
{
	const struct deck *dk = interview_deck(iv);
	size_t n;
	const int *path = interview_path(iv, &n, NULL);
	if (!last_record(rs, REC_AT, dk->s[dk->stop].id))
		return -1;	/* never reached: an unanswered question only leads there */
	for (size_t i = 1; i < n; i++)
		if (path[i] == dk->stop)
			return path[i - 1];
	return -1;
}

static const char *question_of(const struct screen *sc)
{
	return sc->question ? catalog_get(i18n_current(), sc->id, sc->question) : sc->id;
}

static void stop_text(struct report *r, const struct casefile *c)
{
	int at = c->iv ? stopped_at(c->iv, c->r) : -1;
	if (at < 0)
		return;
	const struct deck *dk = interview_deck(c->iv);
	const struct screen *sc = &dk->s[at];
	char t[32];
	casefile_time_ms(t, sizeof t, last_record(c->r, REC_AT, dk->s[dk->stop].id)->ms);
	line(r, "  ", xasprintf(_("Stopped: at %s (\"%s\", in %s), %s. The questions after it were not asked."),
				sc->id, question_of(sc), _(deck_section_title(dk, sc->section)), t));
}

static void case_head(struct report *r, const struct casefile *c)
{
	char t[32];
	line(r, NULL, xstrdup(_("CASE FILE: A SCREENING FOR POSSIBLE TRAFFICKING IN PERSONS")));
	line(r, "", xstrdup(_("Times are local time in ISO 8601, with the offset from UTC.")));
	line(r, NULL, xstrdup(""));
	field(r, _("Case"), c->id);
	casefile_time(t, sizeof t, c->info->created);
	field(r, _("Started"), t);
	casefile_time(t, sizeof t, c->info->updated);
	field(r, _("Last change"), t);
	const struct record *fin = last_record(c->r, REC_FINISH, NULL);
	if (fin)
		casefile_time_ms(t, sizeof t, fin->ms);
	char *st = strcmp(c->info->status, "complete") == 0
		? xasprintf(_("complete (finished %s)"), fin ? t : "?")
		: xstrdup(c->iv ? _("unfinished: it can be resumed")
				: _("unfinished (another deck cannot resume it)"));
	field(r, _("Status"), st);
	free(st);
	stop_text(r, c);
	const struct record *lang = last_record(c->r, REC_LANG, NULL);
	field(r, _("Language of the interview"), lang && *lang->new ? lang->new : "en");
	const struct record *second = last_record(c->r, REC_SECOND, NULL);
	if (second && *second->new)	/* bilingual (--second) */
		field(r, _("Respondent's language"), second->new);
	char *deck = *c->info->deck
		? xasprintf("%s%s", c->info->deck, c->iv ? _(" (the deck of this export)")
						      : _(" (another version of the deck than this export's)"))
		: xstrdup(_("of the first format (no identity recorded)"));
	field(r, _("Deck"), deck);
	free(deck);
	field(r, _("Program"), "tipscreen " TIPSCREEN_VERSION);
}

/* ---- the answers -------------------------------------------------------- */

static bool answered(const struct screen *sc)
{
	return sc->slot >= 0 || sc->nitems > 0;
}

/* One answer: "text: value [indicator]"; unanswered ones too. */
static void answer_line(struct report *r, const struct interview *iv, int slot, const char *ctx,
			const char *text, int indicator)
{
	const struct deck *dk = interview_deck(iv);
	const struct answer *an = interview_get(iv, slot);
	char *v = an->kind == ANS_NONE ? xstrdup(_("not answered")) : answer_format(dk, slot, an, false);
	const char *q = text ? catalog_get(i18n_current(), ctx, text) : ctx;
	line(r, "  - ", indicator >= 0 ? xasprintf("%s — %s [%s]", q, v, indicator_id(indicator))
				       : xasprintf("%s — %s", q, v));
	free(v);
}

static void screen_answers(struct report *r, const struct interview *iv, const struct screen *sc)
{
	if (sc->slot >= 0)
		answer_line(r, iv, sc->slot, sc->id, sc->question, sc->indicator);
	else
		line(r, "  ", xstrdup(question_of(sc)));
	for (size_t j = 0; j < sc->nitems; j++)
		answer_line(r, iv, sc->items[j].slot, sc->items[j].id, sc->items[j].text,
			    sc->items[j].indicator);
}

/* The answered screens on the path that want (setup or not; text or not). */
static size_t answers_where(struct report *r, const struct interview *iv, bool setup, bool grouped)
{
	const struct deck *dk = interview_deck(iv);
	size_t n, count = 0;
	const int *path = interview_path(iv, &n, NULL);
	const char *last = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct screen *sc = &dk->s[path[i]];
		if (!answered(sc) || screen_kind(sc->type)->account ||
		    deck_section_setup(dk, sc->section) != setup)
			continue;
		if (grouped && (!last || strcmp(last, sc->section) != 0)) {
			line(r, NULL, xstrdup(""));
			/* TRANSLATORS: a section's title as a heading, e.g. "The act:". */
			line(r, "  ", xasprintf(_("%s:"), _(deck_section_title(dk, sc->section))));
		}
		last = sc->section;
		screen_answers(r, iv, sc);
		count++;
	}
	return count;
}

static void accounts(struct report *r, const struct interview *iv)
{
	const struct deck *dk = interview_deck(iv);
	size_t n;
	bool any = false;
	const int *path = interview_path(iv, &n, NULL);
	for (size_t i = 0; i < n; i++) {
		const struct screen *sc = &dk->s[path[i]];
		if (!screen_kind(sc->type)->account || sc->slot < 0)
			continue;
		const struct answer *an = interview_get(iv, sc->slot);
		line(r, "  ", xasprintf("%s [%s]", question_of(sc), sc->id));
		line(r, "      ", an->kind == ANS_TEXT ? xasprintf("\"%s\"", an->text)
			: an->kind == ANS_NONE ? xstrdup(_("(not answered)"))
			: answer_format(dk, sc->slot, an, false));
		any = true;
	}
	if (!any)
		line(r, "  ", xstrdup(_("No account was recorded.")));
}

/* The answer to the screen that sets key, in words, or NULL. */
static char *answer_setting(const struct interview *iv, enum input_key key)
{
	const struct deck *dk = interview_deck(iv);
	for (size_t i = 0; i < dk->n; i++) {
		const struct screen *sc = &dk->s[i];
		if (sc->set.key != (int)key || sc->slot < 0 || !interview_on_path(iv, (int)i))
			continue;
		const struct answer *an = interview_get(iv, sc->slot);
		return an->kind == ANS_NONE ? NULL : answer_format(dk, sc->slot, an, false);
	}
	return NULL;
}

static void referral(struct report *r, const struct casefile *c)
{
	const struct deck *dk = interview_deck(c->iv);
	char *consent = answer_setting(c->iv, IN_REFERRAL);
	field(r, _("Consent to referral"), consent ? consent : _("not asked or not answered"));
	free(consent);
	const struct record *shown = NULL;
	for (size_t i = 0; i < dk->n && !shown; i++)
		if (dk->s[i].type == SCR_REFERRAL)
			shown = last_record(c->r, REC_AT, dk->s[i].id);
	char t[32];
	if (shown)
		casefile_time_ms(t, sizeof t, shown->ms);
	line(r, "  ", shown ? xasprintf(_("The referral contacts were shown to the person: %s."), t)
			    : xstrdup(_("The referral contacts were not shown: the interview did not reach them.")));
	line(r, "  ", xstrdup(_("The referral advice is in the summary below (Referral).")));
}

static void notes(struct report *r, const struct casefile *c)
{
	const struct deck *dk = interview_deck(c->iv);
	bool any = false;
	for (size_t i = 0; i < dk->n; i++) {
		const char *note = interview_note(c->iv, (int)i);
		if (!note)
			continue;
		const struct record *rec = last_record(c->r, REC_NOTE, dk->s[i].id);
		char t[32] = "?";
		if (rec)
			casefile_time_ms(t, sizeof t, rec->ms);
		line(r, "  - ", xasprintf(_("On %s (\"%s\"), %s:"), dk->s[i].id, question_of(&dk->s[i]), t));
		lines(r, "      ", note);
		any = true;
	}
	if (!any)
		line(r, "  ", xstrdup(_("No notes.")));
}

/* ---- the changes -------------------------------------------------------- */

/* One change in words: "setup.role: labour", "age.now: 34 → 35". */
static char *change_text(const struct record *e)
{
	switch (e->event) {
	case REC_ANSWER:
	case REC_NOTE:
		return *e->old ? xasprintf("%s: %s → %s", e->id, e->old, e->new)
			       : xasprintf("%s: %s", e->id, e->new);
	case REC_LANG:
		return xstrdup(e->new);
	case REC_SECOND:
		return xstrdup(*e->new ? e->new : _("none"));
	case REC_STOP:
		return strcmp(e->id, "-") == 0 ? xstrdup(_("taken back")) : xstrdup(e->id);
	case REC_ASSESSMENT:
		return xasprintf("%s %s", e->id, _("(recorded; the summary above is its reading)"));
	default:
		return xstrdup("");
	}
}

/* The changes, without the screens shown (the JSON export's paradata
 * has those). */
static void changes(struct report *r, const struct records *rs)
{
	heading(r, _("7. CHANGES, IN ORDER (the screens shown are in the JSON export)"));
	for (size_t i = 0; i < rs->n; i++) {
		const struct record *e = &rs->v[i];
		if (e->event == REC_AT)
			continue;
		char t[32];
		casefile_time_ms(t, sizeof t, e->ms);
		char *what = change_text(e);
		line(r, "  ", xasprintf("%s %s %s", t, record_event_name(e->event), what));
		free(what);
	}
}

static void recorded_only(struct report *r, const struct casefile *c)
{
	const struct record *a = last_record(c->r, REC_ASSESSMENT, NULL);
	heading(r, _("SUMMARY"));
	line(r, "", xasprintf(_("This interview was answered with another version of the deck (%s); this one cannot replay it. %s"),
			      *c->info->deck ? c->info->deck : _("of the first format"),
			      a ? _("The assessment recorded when it finished:")
				: _("It was not finished, so no assessment was recorded.")));
	if (a)
		lines(r, NULL, a->new);
}

void casefile_print(FILE *out, const struct casefile *c, int width)
{
	struct report r = { 0 };
	case_head(&r, c);
	if (c->iv) {
		heading(&r, _("1. SETUP (the interviewer's role, the place, the contact, the interpreter, the setting)"));
		if (!answers_where(&r, c->iv, true, false))
			line(&r, "  ", xstrdup(_("No setup was recorded.")));
		heading(&r, _("2. THE PERSON'S ACCOUNTS (the open answers, as recorded)"));
		accounts(&r, c->iv);
		heading(&r, _("3. THE ANSWERS, BY SECTION (with the indicator each sets)"));
		if (!answers_where(&r, c->iv, false, true))
			line(&r, "  ", xstrdup(_("No answers were recorded.")));
		heading(&r, _("4. REFERRAL"));
		referral(&r, c);
		heading(&r, _("5. THE SCREENER'S NOTES (observations, not the person's answers)"));
		notes(&r, c);
		heading(&r, _("6. SUMMARY"));
		if (stopped_at(c->iv, c->r) >= 0) {
			const struct screen *at = &interview_deck(c->iv)->s[stopped_at(c->iv, c->r)];
			line(&r, "", xasprintf(_("The interview was stopped at %s (in %s; see Stopped above): this summary covers only the questions asked before the stop."),
					       at->id, _(deck_section_title(interview_deck(c->iv), at->section))));
			line(&r, NULL, xstrdup(""));
		}
	} else {
		recorded_only(&r, c);
	}
	report_print(out, &r, width);
	report_free(&r);
	if (c->iv && c->summary)
		report_print(out, c->summary, width);
	struct report log = { 0 };
	changes(&log, c->r);
	report_print(out, &log, width);
	report_free(&log);
}
