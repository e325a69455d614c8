/* national_text: the assessment under a law profile in words (the summary's
 * lines "Under <law>:") and as the JSON object "national" (national.h). */
#include "domain/national.h"

#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "base/xalloc.h"
#include "domain/catalog.h"
#include "domain/report.h"

static const char *const outcome_titles[] = {
	[OUT_CONSISTENT_CHILD] = N_("Consistent with the offence under this law, for a child"),
	[OUT_CONSISTENT_ADULT] = N_("Consistent with the offence under this law, for an adult"),
	[OUT_CONSISTENT_ALL] = N_("Consistent with the offence under this law; the age when it began is unknown"),
	[OUT_NOT_SHOWN] = N_("Not shown by these answers under this law; this is not proof that the offence did not occur"),
	[OUT_INCOMPLETE] = N_("Incomplete under this law: further assessment needed"),
};

static int provision_of(const struct profile *p, enum prof_role r)
{
	for (size_t i = 0; i < p->nprov; i++)
		if (p->prov[i].role == r)
			return (int)i;
	return -1;
}

const char *national_outcome_title(enum outcome o)
{
	return _(outcome_titles[o]);
}

/* ---- the summary under the law, as lines of the structured report ---- */

static void prose(struct report *r, const char *indent, char *text)
{
	report_line_add(r, SEC_NATIONAL, indent, text);
}

static struct report_line *as_is(struct report *r, const char *text)
{
	return report_line_add(r, SEC_NATIONAL, NULL, xstrdup(text));
}

static void elements_lines(struct report *r, const struct national *n)
{
	static const char *const titles[] = { N_("Act"), N_("Means"), N_("Purpose") };
	for (int e = 0; e < EL_SMUGGLING; e++)
		prose(r, "  ", xasprintf(_("%s: %s (%s)"), _(titles[e]),
					 report_element_status((enum element)e, n->el[e].status),
					 n->el[e].required ? _("required under this law")
							   : _("not required under this law")));
}

static void flags_lines(struct report *r, const struct national *n)
{
	char *s = xstrdup("");
	for (int f = 0; f < FLAG_COUNT; f++) {
		if (!n->flag[f])
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? ", " : "", assess_flag_name(f));
		free(s);
		s = t;
	}
	if (*s)
		prose(r, "  ", xasprintf(_("Flags under this law: %s."), s));
	free(s);
	/* The flags that regional law grounds cite the profile's provisions:
	 * child-now the presumption of minority when the age now is uncertain,
	 * else the assistance to a child victim. */
	static const struct { enum flag f; enum prof_role r; } grounds[] = {
		{ FLAG_NON_PUNISHMENT, PR_NON_PUNISHMENT }, { FLAG_CHILD_NOW, PR_MINORITY },
		{ FLAG_CHILD_NOW, PR_CHILD_NOW },
	};
	for (size_t k = 0; k < sizeof grounds / sizeof *grounds; k++) {
		int v = provision_of(n->p, grounds[k].r);
		if (grounds[k].r == PR_MINORITY && n->child_now != CHILD_PRESUMED)
			continue;
		if (n->flag[grounds[k].f] && v >= 0)
			prose(r, "  ", xasprintf(_("%s: see %s [%s]."), assess_flag_name(grounds[k].f),
						 n->p->prov[v].title, n->p->prov[v].id));
	}
}

/* The words of a provision's text that the answers matched: the
 * Protocol's words of the indicators answered yes or intended (an English
 * text), and the law's own name of each purpose so answered ("forced or
 * compulsory labour", its reference left off). A new "; " list. */
static char *matched_words(const struct national *n, const struct assessment *a,
			   const struct prof_provision *v)
{
	const char *text = v->text;
	const char *dot = v->text_name ? strrchr(v->text_name, '.') : NULL;
	char *s = !dot || strcmp(dot, ".en") == 0 ? report_matched_words(a, text, NULL) : xstrdup("");
	for (size_t i = 0; i < n->p->npurposes; i++) {
		const struct prof_purpose *pp = &n->p->purposes[i];
		if (a->ind[pp->ind] != IV_YES && a->ind[pp->ind] != IV_INTENDED)
			continue;
		char *w = xstrndup(pp->named, strcspn(pp->named, "("));
		size_t len = strlen(w);
		while (len && w[len - 1] == ' ')
			w[--len] = '\0';
		if (len && strstr(text, w) && !strstr(s, w)) {
			char *t = xasprintf("%s%s%s", s, *s ? "; " : "", w);
			free(s);
			s = t;
		}
		free(w);
	}
	return s;
}

/* A provision: quoted line by line, the matched words marked (a: NULL for
 * none), or cited alone with why. */
static void provision_lines(struct report *r, const struct national *n,
			    const struct prof_provision *v, const struct assessment *a)
{
	as_is(r, "");
	if (!v->text) {
		report_line_add(r, SEC_NATIONAL, NULL,
				xasprintf("%s [%s], %s", v->title, v->id, _("cited, not quoted:")));
		prose(r, "", xasprintf(_("%s. Not quoted: %s. Source: %s"), v->citation, v->why, v->source));
		return;
	}
	const char *status = strcmp(v->status, "verified") == 0
		? _("text verified") : _("text UNVERIFIED: not checked against the official text");
	/* TRANSLATORS: a national law's quoted provision: title, id, status. */
	report_line_add(r, SEC_NATIONAL, NULL, xasprintf(_("%s [%s], %s:"), v->title, v->id, status));
	char *m = a ? matched_words(n, a, v) : xstrdup("");
	char *copy = xstrdup(v->text);
	for (char *line = copy, *e; line; line = e ? e + 1 : NULL) {
		e = strchr(line, '\n');
		if (e)
			*e = '\0';
		struct report_line *l = as_is(r, line);
		l->quote = true;
		report_mark(l, m);
	}
	free(copy);
	free(m);
	if (v->as_at && *v->as_at)
		prose(r, "", xasprintf(_("Version of this text: %s"), v->as_at));
}

/* "Under <law>:", the outcome, elements, flags, each difference, the
 * provisions, the version of the texts and that this is not legal advice. */
static void national_lines(struct report *r, const struct national *n, const struct assessment *a)
{
	const struct profile *p = n->p;
	as_is(r, "");
	prose(r, "", xasprintf(_("Under %s (%s; profile %s):"), p->name, p->jurisdiction, p->id));
	prose(r, "  ", xasprintf(_("Outcome: %s [%s]"), national_outcome_title(n->outcome),
				 assess_outcome_name(n->outcome)));
	elements_lines(r, n);
	flags_lines(r, n);
	if (n->ndiff) {
		as_is(r, "");
		as_is(r, _("Differences from the Protocol:"));
	}
	for (size_t i = 0; i < n->ndiff; i++)
		prose(r, "  - ", xstrdup(n->diff[i]));
	as_is(r, "");
	as_is(r, _("Provisions of this law cited:"));
	for (size_t i = 0; i < p->nprov; i++)
		if (n->cite[i])
			provision_lines(r, n, &p->prov[i], a);
	as_is(r, "");
	prose(r, "", xasprintf(_("Profile: %s (%s). Version of the texts: %s (%s). Licence: %s. Profile status: %s."),
			       p->instrument, p->citation, p->version, p->date, p->licence, p->status));
	prose(r, "", xstrdup(_("Check the current law; this is not legal advice.")));
}

void national_report(struct report *r, const struct profile *p, const struct assess_input *in,
		     const struct assessment *a)
{
	struct national n;
	national_assess(p, in, a, &n);
	national_lines(r, &n, a);
	national_free(&n);
}

void national_text(FILE *out, const struct national *n, int width)
{
	struct report r = { 0 };
	national_lines(&r, n, NULL);
	report_print(out, &r, width);
	report_free(&r);
}

static void json_element(FILE *out, const struct national *n, enum element e)
{
	const struct element_result *r = &n->el[e];
	fprintf(out, "      \"%s\": {\"status\": \"%s\", \"required\": %s", element_name(e),
		assess_status_name(r->status), r->required ? "true" : "false");
	if (e == EL_PURPOSE)
		fprintf(out, ", \"intended_only\": %s", r->intended_only ? "true" : "false");
	fputc('}', out);
}

void national_json(FILE *out, const struct national *n)
{
	const struct profile *p = n->p;
	fputs(",\n  \"national\": {\n    \"profile\": ", out);
	report_json_string(out, p->id);
	fprintf(out, ",\n    \"outcome\": \"%s\",\n    \"elements\": {\n",
		assess_outcome_name(n->outcome));
	for (int e = 0; e < EL_SMUGGLING; e++) {
		json_element(out, n, e);
		fputs(e + 1 < EL_SMUGGLING ? ",\n" : "\n", out);
	}
	fputs("    },\n    \"flags\": [", out);
	bool first = true;
	for (int f = 0; f < FLAG_COUNT; f++)
		if (n->flag[f]) {
			fprintf(out, "%s\"%s\"", first ? "" : ", ", assess_flag_name(f));
			first = false;
		}
	fputs("],\n    \"cites\": [", out);
	first = true;
	for (size_t i = 0; i < p->nprov; i++)
		if (n->cite[i]) {
			fputs(first ? "" : ", ", out);
			report_json_string(out, p->prov[i].id);
			first = false;
		}
	fputs("],\n    \"differences\": [", out);
	for (size_t i = 0; i < n->ndiff; i++) {
		fputs(i ? ",\n      " : "\n      ", out);
		report_json_string(out, n->diff[i]);
	}
	fputs(n->ndiff ? "\n    ]\n  }" : "]\n  }", out);
}

void national_print(FILE *out, const struct profile *p, const struct assess_input *in,
		    const struct assessment *a, int width)
{
	struct report r = { 0 };
	national_report(&r, p, in, a);
	report_print(out, &r, width);
	report_free(&r);
}

void national_report_json(FILE *out, const struct profile *p, const struct assess_input *in,
			  const struct assessment *a)
{
	if (!p) {
		report_json(out, a);
		return;
	}
	struct national n;
	national_assess(p, in, a, &n);
	report_json_open(out, a);
	national_json(out, &n);
	fputs("\n}\n", out);
	national_free(&n);
}
