#include "domain/national.h"

#include <stdarg.h>
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

/* The indicators' names in sentences (means and purposes). */
static const char *const ind_names[IND_COUNT] = {
	[IND_MEANS_THREAT] = N_("threat"),
	[IND_MEANS_FORCE] = N_("use of force"),
	[IND_MEANS_COERCION] = N_("coercion"),
	[IND_MEANS_ABDUCTION] = N_("abduction"),
	[IND_MEANS_FRAUD] = N_("fraud"),
	[IND_MEANS_DECEPTION] = N_("deception"),
	[IND_MEANS_POWER] = N_("abuse of power"),
	[IND_MEANS_VULNERABILITY] = N_("abuse of a position of vulnerability"),
	[IND_MEANS_PAYMENT] = N_("payment to a person having control over another"),
	[IND_PURPOSE_PROSTITUTION] = N_("exploitation of the prostitution of others"),
	[IND_PURPOSE_SEXUAL] = N_("other sexual exploitation"),
	[IND_PURPOSE_FORCED_LABOUR] = N_("forced labour or services"),
	[IND_PURPOSE_BEGGING] = N_("forced begging"),
	[IND_PURPOSE_CRIMINALITY] = N_("forced criminal activities"),
	[IND_PURPOSE_SLAVERY] = N_("slavery"),
	[IND_PURPOSE_SIMILAR] = N_("practices similar to slavery"),
	[IND_PURPOSE_MARRIAGE] = N_("forced marriage"),
	[IND_PURPOSE_SERVITUDE] = N_("servitude"),
	[IND_PURPOSE_ORGANS] = N_("removal of organs"),
	[IND_PURPOSE_ADOPTION] = N_("illegal adoption"),
	[IND_PURPOSE_SURROGACY] = N_("exploitation of surrogacy"),
	[IND_PURPOSE_OTHER] = N_("another form of exploitation"),
};

/* The purposes beyond the Protocol's explicit list (DESIGN §3). */
static bool beyond_minimum(enum indicator i)
{
	return i == IND_PURPOSE_MARRIAGE || i == IND_PURPOSE_ADOPTION ||
	       i == IND_PURPOSE_SURROGACY || i == IND_PURPOSE_OTHER;
}

static bool is_child(enum child_status c)
{
	return c == CHILD_YES || c == CHILD_PRESUMED;
}

static bool met(enum ind_value v, enum element e)
{
	return v == IV_YES || (v == IV_INTENDED && e == EL_PURPOSE);
}

static void differ(struct national *n, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void differ(struct national *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = xvasprintf(fmt, ap);
	va_end(ap);
	n->diff = xrealloc(n->diff, (n->ndiff + 1) * sizeof *n->diff);
	n->diff[n->ndiff++] = s;
}

/* A child status at the profile's age: a number decides; else the
 * Protocol's status (at 18) where the ages agree, or what 18 implies. */
static enum child_status at_age(int age, enum child_status protocol, int child_age)
{
	if (age >= 0)
		return age < child_age ? CHILD_YES : CHILD_NO;
	if (child_age == 18 || protocol == CHILD_PRESUMED || protocol == CHILD_UNKNOWN)
		return protocol;
	if (protocol == CHILD_YES)
		return child_age > 18 ? CHILD_YES : CHILD_UNKNOWN;
	return child_age < 18 ? CHILD_NO : CHILD_UNKNOWN;
}

/* Whether the means are required for group g under the purposes answered:
 * with "some", not if a form met exempts them; with none met, not if a form
 * that exempts them may still be met. */
static bool means_required(const struct profile *p, int g, const enum ind_value *ind)
{
	if (p->means[g] != PM_SOME)
		return p->means[g] == PM_ALWAYS;
	bool any = false, exempt = false, maybe = false;
	for (size_t k = 0; k < p->npurposes; k++) {
		const struct prof_purpose *pp = &p->purposes[k];
		enum ind_value v = ind[pp->ind];
		if (v == IV_ABSENT)
			continue;
		if (met(v, EL_PURPOSE)) {
			any = true;
			exempt |= pp->means[g] == 0;
		} else if (v != IV_NO) {
			maybe |= pp->means[g] == 0;
		}
	}
	return any ? !exempt : !maybe;
}

/* The status of element e over the indicators the law counts. */
static enum status counted_status(const struct national *n, const enum ind_value *ind,
				  enum element e)
{
	enum ind_value only[IND_COUNT];
	for (int i = 0; i < IND_COUNT; i++)
		only[i] = n->counted[i] ? ind[i] : IV_ABSENT;
	return assess_element(only, e);
}

static void count_indicators(struct national *n)
{
	const struct profile *p = n->p;
	for (int i = 0; i < IND_COUNT; i++) {
		enum element e = indicator_element(i);
		const struct prof_purpose *pp = e == EL_PURPOSE ? profile_purpose(p, i) : NULL;
		n->counted[i] = e == EL_ACT || (e == EL_MEANS && p->means_named[i]) ||
				(pp && (!pp->children_only || is_child(n->child)));
	}
}

/* Means or purposes the Protocol counts and the law does not name, met in
 * the answers: the element is unclear under the law unless met otherwise. */
static void uncounted(struct national *n, const enum ind_value *ind, enum element e)
{
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != e || n->counted[i] || !met(ind[i], e))
			continue;
		if (n->el[e].status != ST_MET)
			n->el[e].status = ST_UNCLEAR;
		if (e == EL_MEANS)
			differ(n, _("Under %s, %s is not among the means."), n->p->name, _(ind_names[i]));
		else if (profile_purpose(n->p, i))
			differ(n, _("Under %s, %s is named for a child only: whether it is covered for an adult must be checked."),
			       n->p->name, _(ind_names[i]));
		else
			differ(n, _("Under %s, %s is not named as a form of exploitation: whether it is covered must be checked."),
			       n->p->name, _(ind_names[i]));
	}
}

static bool intended_only(const struct national *n, const enum ind_value *ind)
{
	bool intended = false;
	for (int i = 0; i < IND_COUNT; i++) {
		if (!n->counted[i] || indicator_element(i) != EL_PURPOSE)
			continue;
		if (ind[i] == IV_YES)
			return false;
		intended |= ind[i] == IV_INTENDED;
	}
	return intended;
}

static enum outcome decide(const struct national *n, bool adult_req, bool child_req)
{
	enum status means = n->el[EL_MEANS].status;
	bool ap = n->el[EL_ACT].status == ST_MET && n->el[EL_PURPOSE].status == ST_MET;
	bool m = means == ST_MET;
	if (is_child(n->child) && ap && (m || !child_req))
		return OUT_CONSISTENT_CHILD;
	if (n->child == CHILD_NO && ap && (m || !adult_req))
		return OUT_CONSISTENT_ADULT;
	if (n->child == CHILD_UNKNOWN && ap && (m || (!adult_req && !child_req)))
		return OUT_CONSISTENT_ALL;
	if (n->child == CHILD_UNKNOWN && ap && !child_req)
		return OUT_INCOMPLETE;	/* the age decides: establish-age */
	for (int e = 0; e < EL_SMUGGLING; e++)
		if (n->el[e].required && n->el[e].status == ST_NOT_MET)
			return OUT_NOT_SHOWN;
	return OUT_INCOMPLETE;
}

static int provision_of(const struct profile *p, enum prof_role r)
{
	for (size_t i = 0; i < p->nprov; i++)
		if (p->prov[i].role == r)
			return (int)i;
	return -1;
}

static void set_flags(struct national *n, const struct assess_input *in,
		      const struct assessment *a, bool adult_req, bool child_req)
{
	const struct profile *p = n->p;
	enum status act = n->el[EL_ACT].status, means = n->el[EL_MEANS].status,
		    purpose = n->el[EL_PURPOSE].status;
	bool child = is_child(n->child), consent = in->value[IN_CONSENT] == IN_YES;
	n->flag[FLAG_INTENDED] = n->el[EL_PURPOSE].intended_only;
	n->flag[FLAG_CONSENT_IRRELEVANT] = consent && purpose != ST_NOT_MET &&
		(p->consent == PC_ALWAYS ||
		 (p->consent == PC_IF_MEANS && (means == ST_MET || (child && !child_req))));
	n->flag[FLAG_PURPOSE_WITHOUT_MEANS] = n->child == CHILD_NO && adult_req &&
					      purpose == ST_MET && means == ST_NOT_MET;
	n->flag[FLAG_EXPLOITATION_WITHOUT_ACT] = purpose == ST_MET && act == ST_NOT_MET;
	for (int i = 0; i < IND_COUNT; i++)
		n->flag[FLAG_BEYOND_MINIMUM] |= beyond_minimum(i) && !n->counted[i] &&
						met(in->ind[i], EL_PURPOSE);
	n->flag[FLAG_PRESUMED_CHILD] = n->child == CHILD_PRESUMED;
	n->flag[FLAG_ESTABLISH_AGE] = adult_req != child_req &&
		(n->child == CHILD_PRESUMED ||
		 (n->child == CHILD_UNKNOWN && act == ST_MET && purpose == ST_MET && means != ST_MET));
	n->flag[FLAG_CHILD_NOW] = is_child(n->child_now);
	n->flag[FLAG_SMUGGLING] = a->flag[FLAG_SMUGGLING];
	n->flag[FLAG_NON_PUNISHMENT] = n->outcome != OUT_NOT_SHOWN &&
		(met(in->ind[IND_PURPOSE_CRIMINALITY], EL_PURPOSE) ||
		 in->ind[IND_SMUGGLING_ENTRY] == IV_YES);
	n->flag[FLAG_REFERRAL_DECLINED] = in->value[IN_REFERRAL] == IN_NO && !is_child(n->child_now);
}

static void set_cites(struct national *n, const struct assess_input *in)
{
	const struct profile *p = n->p;
	for (size_t i = 0; i < p->nprov; i++) {
		switch (p->prov[i].role) {
		case PR_OFFENCE: n->cite[i] = true; break;
		case PR_CHILD: n->cite[i] = is_child(n->child); break;
		case PR_CONSENT: n->cite[i] = n->flag[FLAG_CONSENT_IRRELEVANT]; break;
		case PR_NON_PUNISHMENT: n->cite[i] = n->flag[FLAG_NON_PUNISHMENT]; break;
		case PR_MINORITY: n->cite[i] = n->flag[FLAG_CHILD_NOW]; break;
		case PR_PURPOSE: break;
		}
	}
	for (size_t k = 0; k < p->npurposes; k++)
		if (p->purposes[k].cite >= 0 && met(in->ind[p->purposes[k].ind], EL_PURPOSE))
			n->cite[p->purposes[k].cite] = true;
}

/* The law's words for the purposes whose means are (not) required for
 * group g, joined with ", "; a new string. */
static char *named_where(const struct profile *p, int g, int required)
{
	char *s = xstrdup("");
	for (size_t k = 0; k < p->npurposes; k++) {
		const struct prof_purpose *pp = &p->purposes[k];
		if (pp->means[g] != required || strstr(s, pp->named))
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? ", " : "", pp->named);
		free(s);
		s = t;
	}
	return s;
}

static void means_differences(struct national *n)
{
	const struct profile *p = n->p;
	bool adult = n->child != CHILD_YES && n->child != CHILD_PRESUMED, child = n->child != CHILD_NO;
	bool never = p->means[PG_ADULT] == PM_NEVER && p->means[PG_CHILD] == PM_NEVER;
	if (p->act == PA_TRAVEL && never)
		differ(n, _("Under %s the means are not required; the act is arranging or facilitating travel."), p->name);
	else if (p->act == PA_TRAVEL)
		differ(n, _("Under %s the act is arranging or facilitating travel."), p->name);
	if (adult && p->means[PG_ADULT] == PM_NEVER && !(p->act == PA_TRAVEL && never))
		differ(n, _("Under %s the means are not required for an adult."), p->name);
	for (int g = 0; g < PG_COUNT; g++) {
		if (p->means[g] != PM_SOME || (g == PG_ADULT ? !adult : !child))
			continue;
		char *yes = named_where(p, g, 1), *no = named_where(p, g, 0);
		if (g == PG_ADULT)
			differ(n, _("Under %s the means are required for an adult for %s, but not for %s."),
			       p->name, yes, no);
		else
			differ(n, _("Under %s the means are required for a child for %s, but not for %s."),
			       p->name, yes, no);
		free(yes);
		free(no);
	}
	if (child && p->means[PG_CHILD] == PM_ALWAYS)
		differ(n, _("Under %s the means are required for a child too."), p->name);
}

static void purpose_differences(struct national *n, const struct assess_input *in)
{
	const struct profile *p = n->p;
	for (size_t k = 0; k < p->npurposes; k++) {
		const struct prof_purpose *pp = &p->purposes[k];
		if (!n->counted[pp->ind] || !met(in->ind[pp->ind], EL_PURPOSE))
			continue;
		if (beyond_minimum(pp->ind))
			differ(n, _("Under %s the exploitation includes %s, beyond the Protocol's explicit list."),
			       p->name, pp->named);
		if (pp->note)
			differ(n, "%s", pp->note);
	}
}

static void other_differences(struct national *n, const struct assess_input *in)
{
	const struct profile *p = n->p;
	if (p->child_age != 18)
		differ(n, _("Under %s a child is a person under %d, not under 18."), p->name, p->child_age);
	if (p->child_note && !is_child(n->child))
		differ(n, "%s", p->child_note);
	if (in->value[IN_CONSENT] == IN_YES && p->consent == PC_ALWAYS)
		differ(n, _("Under %s consent is irrelevant, whether or not the means were used."), p->name);
	if (in->value[IN_CONSENT] == IN_YES && p->consent == PC_NOT_ADDRESSED)
		differ(n, _("The provisions of %s cited here do not say how consent is treated: check the current law."), p->name);
	if (n->flag[FLAG_NON_PUNISHMENT] && provision_of(p, PR_NON_PUNISHMENT) < 0)
		differ(n, _("This profile cites no non-punishment provision of %s: check national law."), p->name);
	if (n->child_now == CHILD_PRESUMED && provision_of(p, PR_MINORITY) < 0)
		differ(n, _("This profile cites no presumption of minority of %s: check national law."), p->name);
}

void national_assess(const struct profile *p, const struct assess_input *in,
		     const struct assessment *a, struct national *n)
{
	memset(n, 0, sizeof *n);
	n->p = p;
	int now = in->value[IN_AGE_NOW];
	n->child = at_age(in->value[IN_AGE], a->child, p->child_age);
	if (in->value[IN_AGE] < 0 && now >= 0 && now < p->child_age)
		n->child = CHILD_YES;	/* under the age now: under it then */
	n->child_now = at_age(now, a->child_now, p->child_age);
	count_indicators(n);
	means_differences(n);
	for (int e = 0; e < EL_SMUGGLING; e++)
		n->el[e].status = counted_status(n, in->ind, e);
	uncounted(n, in->ind, EL_MEANS);
	uncounted(n, in->ind, EL_PURPOSE);
	n->el[EL_PURPOSE].intended_only = n->el[EL_PURPOSE].status == ST_MET &&
					  intended_only(n, in->ind);
	bool adult_req = means_required(p, PG_ADULT, in->ind);
	bool child_req = means_required(p, PG_CHILD, in->ind);
	n->el[EL_ACT].required = n->el[EL_PURPOSE].required = true;
	n->el[EL_MEANS].required = is_child(n->child) ? child_req : adult_req;
	n->outcome = decide(n, adult_req, child_req);
	set_flags(n, in, a, adult_req, child_req);
	set_cites(n, in);
	purpose_differences(n, in);
	other_differences(n, in);
}

void national_free(struct national *n)
{
	for (size_t i = 0; i < n->ndiff; i++)
		free(n->diff[i]);
	free(n->diff);
	memset(n, 0, sizeof *n);
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
		prose(r, "  ", xasprintf("%s: %s (%s)", _(titles[e]), assess_status_name(n->el[e].status),
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
	/* The flags that regional law grounds cite the profile's provisions. */
	static const struct { enum flag f; enum prof_role r; } grounds[] = {
		{ FLAG_NON_PUNISHMENT, PR_NON_PUNISHMENT }, { FLAG_CHILD_NOW, PR_MINORITY },
	};
	for (size_t k = 0; k < sizeof grounds / sizeof *grounds; k++) {
		int v = provision_of(n->p, grounds[k].r);
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
	report_line_add(r, SEC_NATIONAL, NULL, xasprintf("%s [%s], %s:", v->title, v->id, status));
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
