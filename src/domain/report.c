#include "domain/report.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "domain/law.h"
#include "domain/report_advice.h"

static const char *const outcome_titles[] = {
	[OUT_CONSISTENT_CHILD] = N_("Consistent with trafficking in persons of a child (Article 3(c))"),
	[OUT_CONSISTENT_ADULT] = N_("Consistent with trafficking in persons (Article 3(a))"),
	[OUT_CONSISTENT_ALL] = N_("Consistent with all three elements of trafficking in persons; the age at the time is unknown (Article 3(a))"),
	[OUT_NOT_SHOWN] = N_("Not shown by these answers"),
	[OUT_INCOMPLETE] = N_("Incomplete: further assessment needed"),
};

static const char *const flag_texts[] = {
	[FLAG_INTENDED] = N_("The purpose is met through exploitation that was intended (told, planned or expected), not yet done. The purpose is the intent: the offence is complete when the act is done for the purpose of exploitation, whether or not the exploitation has happened yet. This is not an attempt."),
	[FLAG_CONSENT_IRRELEVANT] = N_("The person says they agreed. If exploitation is established, that consent is irrelevant where any of the means were used (Article 3(b)) and for a child (Article 3(c))."),
	[FLAG_PURPOSE_WITHOUT_MEANS] = N_("Signs of exploitation without the means. What that means depends on the form (see Referral): slavery, servitude, practices similar to slavery and removal of organs are offences in themselves in most systems; forced labour or services only where the work is exacted under menace of a penalty; for an adult's prostitution, national law decides. Screen again if coercion or deception comes out."),
	[FLAG_EXPLOITATION_WITHOUT_ACT] = N_("Exploitation is shown, but no act: keeping a person in exploitation is harbouring, and taking them in is receipt. Check harbouring and receipt, and whether the act was done for the purpose of the exploitation, before concluding (see Referral)."),
	[FLAG_BEYOND_MINIMUM] = N_("A form of exploitation beyond the Protocol's explicit list (forced marriage, illegal adoption, exploitation of surrogacy or another form): check national law. Directive (EU) 2024/1712 lists these three; forced marriage can also be a practice similar to slavery (1956 Supplementary Convention, Article 1(c))."),
	[FLAG_PRESUMED_CHILD] = N_("The age when it began is not known or not believed, and the person is presumed to be under 18 now or there are reasons to believe they were under 18 then: the means are provisionally not required (Article 3(c)) until the age at the time is established. A person presumed to be under 18 now is treated as a child pending verification of the age (presumption of minority: Council of Europe Convention, Article 10(3); Directive 2011/36/EU, Article 13(2))."),
	[FLAG_ESTABLISH_AGE] = N_("The age when it began is not established, and it decides whether the means are required (for a child they are not, Article 3(c)); where the age given now is doubted, the age now is not established either. Establish the ages, giving the person the benefit of the doubt."),
	[FLAG_CHILD_NOW] = N_("The person is, or is presumed to be, under 18 now: refer to child protection now, whatever the outcome; a guardian is needed, and the interview must be child-friendly."),
	[FLAG_SMUGGLING] = N_("A border was crossed irregularly with a paid facilitator: possible migrant smuggling (Smuggling of Migrants Protocol, Article 3(a)). Smuggling and trafficking can overlap, and a person smuggled across a border can also be trafficked. Migrants are not liable to prosecution under that Protocol for having been smuggled (Article 5)."),
	[FLAG_NON_PUNISHMENT] = N_("The person may have been compelled to commit offences (criminal activities, an irregular entry, false documents, work without a permit, irregular stay, prostitution offences or another offence) as a direct consequence of being trafficked: they may be protected from prosecution or penalties for them. Raise it with the prosecutor or the referral mechanism (non-punishment principle: Directive 2011/36/EU, Article 8, authorities entitled not to prosecute; Council of Europe Convention, Article 26, the possibility of not imposing penalties). Check national law."),
	[FLAG_REFERRAL_DECLINED] = N_("The person does not agree to a referral: give them the contacts, and refer without their consent only where the law requires it."),
};

static const char *const caveat_texts[] = {
	[CAVEAT_NOT_PRIVATE] = N_("The interview was not private: answers may be incomplete or guarded."),
	[CAVEAT_CONTROLLER_PRESENT] = N_("Someone who may control the person was present: the answers may not be free."),
	[CAVEAT_SETTING_UNKNOWN] = N_("It is not known whether the interview was private, or whether someone who may control the person was present: the answers may not be free."),
	[CAVEAT_INFORMAL_INTERPRETER] = N_("A family member, companion or other non-professional interpreted: answers may have been filtered."),
	[CAVEAT_STOPPED_EARLY] = N_("The interview stopped early: questions not asked are unclear, not no."),
	[CAVEAT_MANY_DECLINED] = N_("Three or more questions were declined: the picture is incomplete."),
};

static const char *const element_titles[] = { N_("Act"), N_("Means"), N_("Purpose") };
static const char *const element_words[] = {
	NC_("element", "act"), NC_("element", "means"), NC_("element", "purpose")
};

const char *report_outcome_title(enum outcome o) { return _(outcome_titles[o]); }
const char *report_flag_text(enum flag f) { return _(flag_texts[f]); }
const char *report_caveat_text(enum caveat c) { return _(caveat_texts[c]); }

static void add_evidence(struct evidence **v, size_t *n, int ind, const char *ctx,
			 const char *text, enum ind_value val)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = (struct evidence){ ind, ctx, text, val, EV_INDICATOR, NULL };
}

static void add_other(struct evidence **v, size_t *n, struct evidence e)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = e;
}

/* The checklist items on the path that set no indicator and were answered
 * yes: recorded for the referral. */
static void recorded_items(const struct interview *iv, struct evidence **v, size_t *n)
{
	const struct deck *dk = interview_deck(iv);
	size_t np;
	const int *path = interview_path(iv, &np, NULL);
	for (size_t i = 0; i < np; i++) {
		const struct screen *sc = &dk->s[path[i]];
		for (size_t j = 0; j < sc->nitems; j++) {
			const struct item *it = &sc->items[j];
			if (it->indicator < 0 && answer_value(interview_get(iv, it->slot)) == IV_YES)
				add_other(v, n, (struct evidence){ -1, it->id, it->text, IV_YES,
								   EV_RECORDED, NULL });
		}
	}
}

/* Where a stopped interview stopped: the screen before the stop screen on
 * the path (the stop key's screen, or the safety question that stopped). */
static void stop_point(const struct interview *iv, struct evidence **v, size_t *n)
{
	const struct deck *dk = interview_deck(iv);
	size_t np;
	const int *path = interview_path(iv, &np, NULL);
	for (size_t i = 1; i < np; i++) {
		if (path[i] != dk->stop)
			continue;
		const struct screen *sc = &dk->s[path[i - 1]];
		add_other(v, n, (struct evidence){ -1, sc->id, sc->question ? sc->question : sc->id,
						   IV_ABSENT, EV_STOP,
						   deck_section_title(dk, sc->section) });
		return;
	}
}

struct evidence *report_evidence(const struct interview *iv, size_t *n)
{
	const struct deck *dk = interview_deck(iv);
	struct evidence *v = NULL;
	size_t np;
	const int *path = interview_path(iv, &np, NULL);
	*n = 0;
	for (size_t i = 0; i < np; i++) {
		const struct screen *sc = &dk->s[path[i]];
		if (sc->slot >= 0 && sc->indicator >= 0)
			add_evidence(&v, n, sc->indicator, sc->id, deck_slot_statement(dk, sc->slot),
				     answer_value(interview_get(iv, sc->slot)));
		for (size_t j = 0; j < sc->nitems; j++)
			if (sc->items[j].indicator >= 0)
				add_evidence(&v, n, sc->items[j].indicator, sc->items[j].id,
					     deck_slot_statement(dk, sc->items[j].slot),
					     answer_value(interview_get(iv, sc->items[j].slot)));
	}
	recorded_items(iv, &v, n);
	stop_point(iv, &v, n);
	return v;
}

struct evidence *report_evidence_inputs(const struct assess_input *in, size_t *n)
{
	struct evidence *v = NULL;
	*n = 0;
	for (int i = 0; i < IND_COUNT; i++)
		if (in->ind[i] != IV_ABSENT)
			add_evidence(&v, n, i, NULL, indicator_id(i), in->ind[i]);
	return v;
}

/* ---- the structured report ------------------------------------------- */

/* A line of prose wrapped after indent (static); text is taken. */
static void prose(struct report *r, enum report_section sec, const char *indent, char *text)
{
	report_line_add(r, sec, indent, text);
}

/* A line printed as it is (headings, quoted law); text is copied. */
static struct report_line *as_is(struct report *r, enum report_section sec, const char *text)
{
	return report_line_add(r, sec, NULL, xstrdup(text));
}

/* "label: value"; the format is translated, so that a language can space
 * the colon ("oui : …"). */
static void pairs_text(struct report *r, enum report_section sec, const char *label,
		       const char *value)
{
	/* TRANSLATORS: a label and its value, e.g. "yes: The person was recruited". */
	prose(r, sec, "  - ", xasprintf(_("%s: %s"), label, value));
}

/* Whether every form of exploitation shown is beyond the Protocol's
 * explicit list (no words of its own in Article 3(a)). */
static bool beyond_list_only(const struct assessment *a)
{
	bool any = false;
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != EL_PURPOSE ||
		    (a->ind[i] != IV_YES && a->ind[i] != IV_INTENDED))
			continue;
		if (indicator_words(i))
			return false;
		any = true;
	}
	return any;
}

static const char *consistent_sentence(enum outcome o)
{
	switch (o) {
	case OUT_CONSISTENT_CHILD:
		return _("The answers are consistent with the elements of trafficking in persons for a child: an act, and a purpose of exploitation, concerning a person under 18 when it began. For a child the means are not required (Article 3(c) and (d)).");
	case OUT_CONSISTENT_ADULT:
		return _("The answers are consistent with all three elements of trafficking in persons: an act, a means and a purpose of exploitation (Article 3(a)).");
	case OUT_CONSISTENT_ALL:
		return _("The answers are consistent with all three elements of trafficking in persons: an act, a means and a purpose of exploitation (Article 3(a)). The age when it began is not known; if the person was under 18 then, Article 3(c) applies as well.");
	default:
		return NULL;
	}
}

static char *outcome_sentence(const struct assessment *a)
{
	const char *c = consistent_sentence(a->outcome);
	if (c && beyond_list_only(a))
		return xasprintf("%s %s", c, _("The only form of exploitation shown is beyond the Protocol's explicit list: whether it is covered is subject to national law."));
	if (c)
		return xstrdup(c);
	enum status want = a->outcome == OUT_NOT_SHOWN ? ST_NOT_MET : ST_UNCLEAR;
	char *list = xstrdup("");
	for (int e = 0; e < EL_SMUGGLING; e++) {
		if (!a->el[e].required || a->el[e].status != want)
			continue;
		char *l = xasprintf("%s%s%s", list, *list ? ", " : "", C_("element", element_words[e]));
		free(list);
		list = l;
	}
	char *s;
	if (a->outcome == OUT_NOT_SHOWN)
		s = xasprintf(_("The answers do not show the %s. This is not proof that trafficking did not occur."), list);
	else if (a->flag[FLAG_ESTABLISH_AGE])
		s = xstrdup(_("The screening is incomplete: the age when it began decides whether the means are required. Further assessment is needed."));
	else
		s = xasprintf(_("The screening is incomplete: further assessment is needed. Unclear: %s."),
			      *list ? list : _("none of the required elements is settled"));
	free(list);
	return s;
}

/* The age now decides protection (child-now), whatever the outcome. */
static void minor_now_text(struct report *r, const struct assessment *a,
			   const struct assess_input *in)
{
	int now = in->value[IN_AGE_NOW];
	char *s;
	switch (a->child_now) {
	case CHILD_YES:
		s = now >= 0 ? xasprintf(_("Under 18 now: yes (age %d now)."), now)
			     : xstrdup(_("Under 18 now: yes."));
		break;
	case CHILD_NO:
		s = now >= 0 ? xasprintf(_("Under 18 now: no (age %d now)."), now)
			     : xstrdup(_("Under 18 now: no."));
		break;
	case CHILD_PRESUMED:
		s = a->age_now_doubted
			? xasprintf(_("Under 18 now: presumed (age %d given, doubted: there are reasons to believe the person is under 18; children are coached to claim adulthood)."), now)
			: xstrdup(_("Under 18 now: presumed (age unknown, with reasons to believe the person is under 18)."));
		break;
	default:
		s = xstrdup(_("Under 18 now: unknown."));
	}
	prose(r, SEC_CHILD, "", s);
}

static void child_text(struct report *r, const struct assessment *a, const struct assess_input *in)
{
	char *s;
	switch (a->child) {
	case CHILD_YES:
		s = in->value[IN_AGE] >= 0 ? xasprintf(_("Under 18 when it began: yes (age %d at the time)."), in->value[IN_AGE])
					   : xstrdup(_("Under 18 when it began: yes."));
		break;
	case CHILD_NO:
		s = in->value[IN_AGE] >= 0 ? xasprintf(_("Under 18 when it began: no (age %d at the time)."), in->value[IN_AGE])
					   : xstrdup(_("Under 18 when it began: no."));
		break;
	case CHILD_PRESUMED:
		s = a->age_now_doubted && in->value[IN_AGE] >= 0
			? xasprintf(_("Under 18 when it began: presumed (age %d given for the time, doubted with the age now: a person presumed under 18 now was under 18 when it began)."), in->value[IN_AGE])
			: a->age_now_doubted
			? xstrdup(_("Under 18 when it began: presumed (the age now is doubted: a person presumed under 18 now was under 18 when it began)."))
			: xstrdup(_("Under 18 when it began: presumed (age unknown, with reasons to believe the person was under 18)."));
		break;
	default:
		s = xstrdup(_("Under 18 when it began: unknown."));
	}
	prose(r, SEC_CHILD, "", s);
	minor_now_text(r, a, in);
}

/* An element's status in words. Each element's name is the context of the
 * words said of it, so that a language can make them agree ("Moyens :
 * établis", "Finalité : établie"). */
const char *report_element_status(enum element e, enum status st)
{
	static const char *const words[][3] = {
		[EL_ACT] = { [ST_MET] = NC_("act", "met"), [ST_NOT_MET] = NC_("act", "not met"),
			     [ST_UNCLEAR] = NC_("act", "unclear") },
		[EL_MEANS] = { [ST_MET] = NC_("means", "met"), [ST_NOT_MET] = NC_("means", "not met"),
			       [ST_UNCLEAR] = NC_("means", "unclear") },
		[EL_PURPOSE] = { [ST_MET] = NC_("purpose", "met"),
				 [ST_NOT_MET] = NC_("purpose", "not met"),
				 [ST_UNCLEAR] = NC_("purpose", "unclear") },
	};
	return C_(element_name(e), words[e][st]);
}

/* Whether an element is required, in words that agree with it. */
static const char *element_required(int e, bool required)
{
	static const char *const words[][2] = {
		[EL_ACT] = { NC_("act", "not required for a child: recorded only"),
			     NC_("act", "required") },
		[EL_MEANS] = { NC_("means", "not required for a child: recorded only"),
			       NC_("means", "required") },
		[EL_PURPOSE] = { NC_("purpose", "not required for a child: recorded only"),
				 NC_("purpose", "required") },
	};
	return C_(element_name(e), words[e][required]);
}

static void elements_text(struct report *r, const struct assessment *a, const struct evidence *ev,
			  size_t nev)
{
	for (int e = 0; e < EL_SMUGGLING; e++) {
		const struct element_result *el = &a->el[e];
		const char *req = element_required(e, el->required);
		as_is(r, SEC_ELEMENTS, "");
		char *h = xasprintf(_("%s: %s (%s)"), _(element_titles[e]),
				    report_element_status(e, el->status), req);
		report_line_add(r, SEC_ELEMENTS, NULL, h)->element = e + 1;
		bool any = false;
		for (size_t i = 0; i < nev; i++) {
			if (ev[i].kind != EV_INDICATOR ||
			    indicator_element(ev[i].indicator) != (enum element)e)
				continue;
			pairs_text(r, SEC_ELEMENTS, ind_value_text(ev[i].value),
				   catalog_get(i18n_current(), ev[i].ctx, ev[i].text));
			any = true;
		}
		if (!any)
			prose(r, SEC_ELEMENTS, "  ", xstrdup(_("No answers recorded for this element.")));
	}
}

static void list_text(struct report *r, enum report_section sec, const char *title,
		      const bool *on, size_t n, const char *(*name)(int), const char *const *texts)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any |= on[i];
	if (!any)
		return;
	as_is(r, sec, "");
	report_line_add(r, sec, NULL, xstrdup(title));
	for (size_t i = 0; i < n; i++)
		if (on[i])
			pairs_text(r, sec, name((int)i), _(texts[i]));
}

static const char *flag_name(int f) { return assess_flag_name(f); }
static const char *caveat_name(int c) { return assess_caveat_name(c); }

/* Whether w is one of the "; "-separated items of list. */
static bool listed(const char *list, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = list; (p = strstr(p, w)); p += n)
		if ((p == list || (p - list >= 2 && p[-2] == ';' && p[-1] == ' ')) &&
		    (p[n] == '\0' || p[n] == ';'))
			return true;
	return false;
}

char *report_matched_words(const struct assessment *a, const char *text,
			   const struct catalog *lang)
{
	char *s = xstrdup("");
	for (int i = 0; i < IND_COUNT; i++) {
		const char *w = indicator_words(i);
		w = w ? catalog_get(lang, "law", w) : NULL;
		if (a->ind[i] != IV_YES && a->ind[i] != IV_INTENDED)
			continue;
		if (!w || !strstr(text, w) || listed(s, w))
			continue;	/* not in this text, or already listed */
		char *n = xasprintf("%s%s%s", s, *s ? "; " : "", w);
		free(s);
		s = n;
	}
	return s;
}

/* The spans of the matched words (a "; " list) in one line of a quote. */
static void mark(struct report_line *l, const char *matched)
{
	for (const char *m = matched; *m;) {
		size_t ml = strcspn(m, ";");
		char *w = xstrndup(m, ml);
		for (const char *at = strstr(l->text, w); at && ml; at = strstr(at + ml, w)) {
			l->spans = xrealloc(l->spans, (l->nspans + 1) * sizeof *l->spans);
			l->spans[l->nspans++] = (struct report_span){ (size_t)(at - l->text), ml };
		}
		free(w);
		m += ml;
		while (*m == ';' || *m == ' ')
			m++;
	}
}

/* One quote: its title, status and text, line by line with the words the
 * answers matched marked, and those words listed (in the quote's own
 * language). */
static void quote_text(struct report *r, const struct assessment *a, const struct law_quote *q,
		       const struct catalog *lang)
{
	const char *status = strcmp(q->status, "verified") == 0
		? _("text verified") : _("text UNVERIFIED: not checked against the official text");
	as_is(r, SEC_CITES, "");
	/* TRANSLATORS: a quoted provision's title, its id and language, and its status. */
	report_line_add(r, SEC_CITES, NULL, xasprintf(_("%s [%s, %s], %s:"), _(q->title), q->cite, q->lang, status));
	char *m = report_matched_words(a, q->text, lang);
	char *copy = xstrdup(q->text);
	for (char *line = copy, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		if (e)
			*e = '\0';
		struct report_line *l = as_is(r, SEC_CITES, line);
		l->quote = true;
		mark(l, m);
	}
	free(copy);
	if (*m)
		prose(r, SEC_CITES, "", xasprintf(_("Words the answers matched: %s."), m));
	free(m);
}

/* The cited provisions in the interface language where the project has
 * them, each followed by the verified English (DESIGN §7); else English. */
static void cites_text(struct report *r, const struct assessment *a)
{
	const struct catalog *ui = i18n_current();
	as_is(r, SEC_CITES, "");
	report_line_add(r, SEC_CITES, NULL, xstrdup(_("Cited provisions (quoted verbatim):")));
	for (int c = 0; c < CITE_COUNT; c++) {
		if (!a->cite[c])
			continue;
		struct law_quote q;
		if (ui && law_quote(c, catalog_lang(ui), &q) == 0) {
			quote_text(r, a, &q, ui);
			law_quote_free(&q);
		}
		if (law_quote(c, "en", &q) < 0)
			continue;
		quote_text(r, a, &q, NULL);
		law_quote_free(&q);
	}
}

void report_build(struct report *r, const struct assessment *a, const struct assess_input *in,
		  const struct evidence *ev, size_t nev)
{
	memset(r, 0, sizeof *r);
	as_is(r, SEC_TITLE, _("SUMMARY OF THE SCREENING"));
	as_is(r, SEC_TITLE, "");
	prose(r, SEC_TITLE, "", xstrdup(_("A screening is not a legal determination. It shows which elements of Article 3 of the UN Trafficking in Persons Protocol the answers are consistent with; it does not decide anyone's status in law. Whatever the outcome, the referral below applies: for an adult, offer it; for a child, refer.")));
	as_is(r, SEC_OUTCOME, "");
	report_line_add(r, SEC_OUTCOME, NULL, xasprintf(_("Outcome: %s [%s]"), report_outcome_title(a->outcome),
						 assess_outcome_name(a->outcome)));
	prose(r, SEC_OUTCOME, "", outcome_sentence(a));
	as_is(r, SEC_CHILD, "");
	child_text(r, a, in);
	report_advice_referral(r, a, in, ev, nev);
	elements_text(r, a, ev, nev);
	list_text(r, SEC_FLAGS, _("Flags:"), a->flag, FLAG_COUNT, flag_name, flag_texts);
	list_text(r, SEC_CAVEATS, _("Caveats (these weaken confidence in the answers):"), a->caveat,
		  CAVEAT_COUNT, caveat_name, caveat_texts);
	report_advice_unclear(r, a, in, ev, nev);
	cites_text(r, a);
}

void report_add_text(struct report *r, enum report_section sec, const char *text)
{
	char *copy = xstrdup(text);
	for (char *line = copy, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		if (e)
			*e = '\0';
		if (!e && !*line)
			break;	/* after the last newline */
		if (strncmp(line, "  - ", 4) == 0)
			prose(r, sec, "  - ", xstrdup(line + 4));
		else
			prose(r, sec, "", xstrdup(line));
	}
	free(copy);
}

/* Prints text wrapped to width: the first line after first, the others
 * after as many spaces. */
static void hang(FILE *out, const char *first, const char *text, int width)
{
	int ind = (int)strlen(first);
	char *wrapped = text_wrap(text, width - ind > 20 ? width - ind : 20);
	for (char *line = wrapped, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		fprintf(out, "%*s%.*s\n", ind, line == wrapped ? first : "",
			e ? (int)(e - line) : (int)strlen(line), line);
	}
	free(wrapped);
}

void report_print(FILE *out, const struct report *r, int width)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct report_line *l = &r->v[i];
		if (l->indent)
			hang(out, l->indent, l->text, width);
		else
			fprintf(out, "%s\n", l->text);
	}
}

void report_print_json(FILE *out, const struct report *r)
{
	static const char *const sections[] = {
		[SEC_TITLE] = "title", [SEC_OUTCOME] = "outcome", [SEC_CHILD] = "child",
		[SEC_ELEMENTS] = "elements", [SEC_FLAGS] = "flags", [SEC_CAVEATS] = "caveats",
		[SEC_CITES] = "cites", [SEC_NATIONAL] = "national", [SEC_REFERRAL] = "referral",
		[SEC_UNCLEAR] = "unclear", [SEC_ASK] = "ask-next",
	};
	fputs("[", out);
	for (size_t i = 0; i < r->n; i++) {
		const struct report_line *l = &r->v[i];
		fprintf(out, "%s\n    {\"section\": \"%s\", \"text\": ", i ? "," : "", sections[l->section]);
		report_json_string(out, l->text);
		fputs(", \"indent\": ", out);
		if (l->indent)
			report_json_string(out, l->indent);
		else
			fputs("null", out);
		fprintf(out, ", \"quote\": %s, \"marks\": [", l->quote ? "true" : "false");
		for (size_t k = 0; k < l->nspans; k++)
			fprintf(out, "%s[%zu, %zu]", k ? ", " : "", l->spans[k].start, l->spans[k].len);
		fputs("]}", out);
	}
	fputs(r->n ? "\n  ]" : "]", out);
}

void report_text(FILE *out, const struct assessment *a, const struct assess_input *in,
		 const struct evidence *ev, size_t nev, int width)
{
	struct report r;
	report_build(&r, a, in, ev, nev);
	report_print(out, &r, width);
	report_free(&r);
}

void report_json_string(FILE *out, const char *s)
{
	char *clean = text_sanitize(s);
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)clean; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(out, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(out, "\\u%04x", *p);
		else
			fputc(*p, out);
	}
	fputc('"', out);
	free(clean);
}

static void json_names(FILE *out, const bool *on, size_t n, const char *(*name)(int))
{
	fputc('[', out);
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		if (!on[i])
			continue;
		if (!first)
			fputs(", ", out);
		report_json_string(out, name((int)i));
		first = false;
	}
	fputc(']', out);
}

static const char *cite_name(int c) { return assess_cite_name(c); }

static void json_element(FILE *out, const struct assessment *a, enum element e)
{
	const struct element_result *r = &a->el[e];
	fprintf(out, "    \"%s\": {\"status\": \"%s\", \"required\": %s", element_name(e),
		assess_status_name(r->status), r->required ? "true" : "false");
	if (e == EL_PURPOSE)
		fprintf(out, ", \"intended_only\": %s", r->intended_only ? "true" : "false");
	fputs(", \"indicators\": {", out);
	bool first = true;
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != e || a->ind[i] == IV_ABSENT)
			continue;
		fprintf(out, "%s\"%s\": \"%s\"", first ? "" : ", ", indicator_id(i),
			ind_value_name(a->ind[i]));
		first = false;
	}
	fputs("}}", out);
}

void report_json(FILE *out, const struct assessment *a)
{
	report_json_open(out, a);
	fputs("\n}\n", out);
}

void report_json_open(FILE *out, const struct assessment *a)
{
	fprintf(out, "{\n  \"child\": \"%s\",\n  \"child_now\": \"%s\",\n  \"age_now_doubted\": %s,\n"
		"  \"outcome\": \"%s\",\n  \"elements\": {\n", assess_child_name(a->child),
		assess_child_name(a->child_now), a->age_now_doubted ? "true" : "false",
		assess_outcome_name(a->outcome));
	for (int e = 0; e < EL_SMUGGLING; e++) {
		json_element(out, a, e);
		fputs(e + 1 < EL_SMUGGLING ? ",\n" : "\n", out);
	}
	fputs("  },\n  \"flags\": ", out);
	json_names(out, a->flag, FLAG_COUNT, flag_name);
	fputs(",\n  \"cites\": ", out);
	json_names(out, a->cite, CITE_COUNT, cite_name);
	fputs(",\n  \"caveats\": ", out);
	json_names(out, a->caveat, CAVEAT_COUNT, caveat_name);
	fputs(",\n  \"advice\": [", out);	/* in the order of rule 6b */
	for (int k = 0; k < a->nadvice; k++) {
		fputs(k ? ", " : "", out);
		report_json_string(out, assess_advice_name(a->advice[k]));
	}
	fputc(']', out);
}

void report_mark(struct report_line *l, const char *matched)
{
	mark(l, matched);
}
