#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "law.h"
#include "text.h"
#include "xalloc.h"

static const char *const outcome_titles[] = {
	[OUT_CONSISTENT_CHILD] = "Consistent with trafficking in persons of a child (Article 3(c))",
	[OUT_CONSISTENT_ADULT] = "Consistent with trafficking in persons (Article 3(a))",
	[OUT_NOT_SHOWN] = "Not shown by these answers",
	[OUT_INCOMPLETE] = "Incomplete: further assessment needed",
};

static const char *const flag_texts[] = {
	[FLAG_INTENDED] = "The purpose is met through exploitation that was intended (told, planned or expected), not yet done. The purpose is the intent: exploitation need not have happened, and an attempt is an offence too (Article 5(2)(a)).",
	[FLAG_CONSENT_IRRELEVANT] = "The person says they agreed. That consent is irrelevant where any of the means were used (Article 3(b)) and for a child (Article 3(c)).",
	[FLAG_PURPOSE_WITHOUT_MEANS] = "Signs of exploitation without the means: consider a labour-rights or other referral, and screen again if coercion or deception comes out.",
	[FLAG_BEYOND_MINIMUM] = "A form of exploitation beyond the Protocol's minimum list (such as forced begging, forced criminality or forced marriage): check national law.",
	[FLAG_PRESUMED_CHILD] = "The age is unknown and there are reasons to believe the person was under 18: treated as a child. This presumption of minority comes from EU Directive 2011/36/EU and Council of Europe practice, not from the Protocol: check national law.",
	[FLAG_ESTABLISH_AGE] = "Act and purpose are met, the means are not shown, and the age is unknown: establish the age when it began. For a child the means are not required.",
	[FLAG_SMUGGLING] = "A border was crossed irregularly with a paid facilitator: possible migrant smuggling (Smuggling of Migrants Protocol, Article 3(a)). Smuggling and trafficking can overlap, and a person smuggled across a border can also be trafficked.",
};

static const char *const caveat_texts[] = {
	[CAVEAT_NOT_PRIVATE] = "The interview was not private: answers may be incomplete or guarded.",
	[CAVEAT_CONTROLLER_PRESENT] = "Someone who may control the person was present: the answers may not be free.",
	[CAVEAT_INFORMAL_INTERPRETER] = "A family member, companion or other non-professional interpreted: answers may have been filtered.",
	[CAVEAT_STOPPED_EARLY] = "The interview stopped early: questions not asked are unclear, not no.",
	[CAVEAT_MANY_DECLINED] = "Three or more questions were declined: the picture is incomplete.",
};

static const char *const value_texts[] = {
	[IV_ABSENT] = "not asked", [IV_YES] = "yes",
	[IV_INTENDED] = "intended (told, planned or expected)", [IV_NO] = "no",
	[IV_DONTKNOW] = "don't know", [IV_DECLINED] = "declined", [IV_UNANSWERED] = "not answered",
};

static const char *const status_texts[] = {
	[ST_MET] = "met", [ST_NOT_MET] = "not met", [ST_UNCLEAR] = "unclear",
};

static const char *const element_titles[] = { "Act", "Means", "Purpose" };

const char *report_outcome_title(enum outcome o) { return outcome_titles[o]; }
const char *report_flag_text(enum flag f) { return flag_texts[f]; }
const char *report_caveat_text(enum caveat c) { return caveat_texts[c]; }
const char *report_value_text(enum ind_value v) { return value_texts[v]; }
const char *report_status_text(enum status s) { return status_texts[s]; }

static void add_evidence(struct evidence **v, size_t *n, int ind, const char *text,
			 enum ind_value val)
{
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = (struct evidence){ ind, text, val };
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
			add_evidence(&v, n, sc->indicator, sc->question,
				     answer_value(interview_get(iv, sc->slot)));
		for (size_t j = 0; j < sc->nitems; j++)
			if (sc->items[j].indicator >= 0)
				add_evidence(&v, n, sc->items[j].indicator, sc->items[j].text,
					     answer_value(interview_get(iv, sc->items[j].slot)));
	}
	return v;
}

struct evidence *report_evidence_inputs(const struct assess_input *in, size_t *n)
{
	struct evidence *v = NULL;
	*n = 0;
	for (int i = 0; i < IND_COUNT; i++)
		if (in->ind[i] != IV_ABSENT)
			add_evidence(&v, n, i, indicator_id(i), in->ind[i]);
	return v;
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

static void pairs_text(FILE *out, const char *label, const char *value, int width)
{
	char *s = xasprintf("%s: %s", label, value);
	hang(out, "  - ", s, width);
	free(s);
}

static char *outcome_sentence(const struct assessment *a)
{
	switch (a->outcome) {
	case OUT_CONSISTENT_CHILD:
		return xstrdup("The answers are consistent with the elements of trafficking in persons for a child: an act, and a purpose of exploitation, concerning a person under 18 when it began. For a child the means are not required (Article 3(c) and (d)). Refer for formal identification and to child protection.");
	case OUT_CONSISTENT_ADULT:
		return xstrdup("The answers are consistent with all three elements of trafficking in persons: an act, a means and a purpose of exploitation (Article 3(a)). Refer for formal identification.");
	default:
		break;
	}
	enum status want = a->outcome == OUT_NOT_SHOWN ? ST_NOT_MET : ST_UNCLEAR;
	char *list = xstrdup("");
	for (int e = 0; e < EL_SMUGGLING; e++) {
		if (!a->el[e].required || a->el[e].status != want)
			continue;
		char *l = xasprintf("%s%s%s", list, *list ? ", " : "", element_name(e));
		free(list);
		list = l;
	}
	char *s;
	if (a->outcome == OUT_NOT_SHOWN)
		s = xasprintf("The answers do not show the %s. This is not proof that trafficking did not occur.", list);
	else if (a->flag[FLAG_ESTABLISH_AGE])
		s = xstrdup("The screening is incomplete: the age when it began decides whether the means are required. Further assessment is needed.");
	else
		s = xasprintf("The screening is incomplete: further assessment is needed. Unclear: %s.",
			      *list ? list : "none of the required elements is settled");
	free(list);
	return s;
}

static void child_text(FILE *out, const struct assessment *a, const struct assess_input *in,
		       int width)
{
	char *s;
	switch (a->child) {
	case CHILD_YES:
		s = in->value[IN_AGE] >= 0 ? xasprintf("Under 18 when it began: yes (age %d at the time).", in->value[IN_AGE])
					   : xstrdup("Under 18 when it began: yes.");
		break;
	case CHILD_NO:
		s = in->value[IN_AGE] >= 0 ? xasprintf("Under 18 when it began: no (age %d at the time).", in->value[IN_AGE])
					   : xstrdup("Under 18 when it began: no.");
		break;
	case CHILD_PRESUMED:
		s = xstrdup("Under 18 when it began: presumed (age unknown, with reasons to believe the person was under 18).");
		break;
	default:
		s = xstrdup("Under 18 when it began: unknown.");
	}
	hang(out, "", s, width);
	free(s);
}

static void elements_text(FILE *out, const struct assessment *a, const struct evidence *ev,
			  size_t nev, int width)
{
	for (int e = 0; e < EL_SMUGGLING; e++) {
		const struct element_result *r = &a->el[e];
		const char *req = r->required ? "required"
				  : "not required for a child: recorded only";
		fprintf(out, "\n%s: %s (%s)\n", element_titles[e], report_status_text(r->status), req);
		bool any = false;
		for (size_t i = 0; i < nev; i++) {
			if (indicator_element(ev[i].indicator) != (enum element)e)
				continue;
			pairs_text(out, report_value_text(ev[i].value), ev[i].text, width);
			any = true;
		}
		if (!any)
			hang(out, "  ", "No answers recorded for this element.", width);
	}
}

static void list_text(FILE *out, const char *title, const bool *on, size_t n,
		      const char *(*name)(int), const char *const *texts, int width)
{
	bool any = false;
	for (size_t i = 0; i < n; i++)
		any |= on[i];
	if (!any)
		return;
	fprintf(out, "\n%s:\n", title);
	for (size_t i = 0; i < n; i++)
		if (on[i])
			pairs_text(out, name((int)i), texts[i], width);
}

static const char *flag_name(int f) { return assess_flag_name(f); }
static const char *caveat_name(int c) { return assess_caveat_name(c); }

char *report_matched_words(const struct assessment *a, const char *text)
{
	char *s = xstrdup("");
	for (int i = 0; i < IND_COUNT; i++) {
		const char *w = indicator_words(i);
		if (a->ind[i] != IV_YES && a->ind[i] != IV_INTENDED)
			continue;
		if (!w || !strstr(text, w))
			continue;
		char *n = xasprintf("%s%s%s", s, *s ? "; " : "", w);
		free(s);
		s = n;
	}
	return s;
}

static void cites_text(FILE *out, const struct assessment *a, int width)
{
	fputs("\nCited provisions (quoted verbatim):\n", out);
	for (int c = 0; c < CITE_COUNT; c++) {
		if (!a->cite[c])
			continue;
		struct law_quote q;
		if (law_quote(c, "en", &q) < 0)
			continue;
		fprintf(out, "\n%s [%s], text %s:\n%s\n", q.title, q.cite, q.status, q.text);
		char *m = report_matched_words(a, q.text);
		if (*m) {
			char *s = xasprintf("Words the answers matched: %s.", m);
			hang(out, "", s, width);
			free(s);
		}
		free(m);
		law_quote_free(&q);
	}
}

void report_text(FILE *out, const struct assessment *a, const struct assess_input *in,
		 const struct evidence *ev, size_t nev, int width)
{
	fputs("SUMMARY OF THE SCREENING\n\n", out);
	hang(out, "", "A screening is not a legal determination. It shows which elements of Article 3 of the UN Trafficking in Persons Protocol the answers are consistent with; it does not decide anyone's status in law. Refer for formal identification whatever the outcome.", width);
	fprintf(out, "\nOutcome: %s [%s]\n", report_outcome_title(a->outcome),
		assess_outcome_name(a->outcome));
	char *s = outcome_sentence(a);
	hang(out, "", s, width);
	free(s);
	fputc('\n', out);
	child_text(out, a, in, width);
	elements_text(out, a, ev, nev, width);
	list_text(out, "Flags", a->flag, FLAG_COUNT, flag_name, flag_texts, width);
	list_text(out, "Caveats (these weaken confidence in the answers)", a->caveat, CAVEAT_COUNT,
		  caveat_name, caveat_texts, width);
	cites_text(out, a, width);
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
	fprintf(out, "{\n  \"child\": \"%s\",\n  \"outcome\": \"%s\",\n  \"elements\": {\n",
		assess_child_name(a->child), assess_outcome_name(a->outcome));
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
	fputs("\n}\n", out);
}
