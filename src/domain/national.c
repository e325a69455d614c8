#include "domain/national.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"

/* The indicators' names in sentences (acts, means and purposes). */
static const char *const ind_names[IND_COUNT] = {
	[IND_ACT_RECRUITMENT] = N_("recruitment"),
	[IND_ACT_TRANSPORTATION] = N_("transportation"),
	[IND_ACT_TRANSFER] = N_("transfer"),
	[IND_ACT_HARBOURING] = N_("harbouring"),
	[IND_ACT_RECEIPT] = N_("receipt"),
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

/* How a rule's act was read: the Protocol's acts; travel (transport, or
 * arrival in or entry into a country) with a way of arranging it; a way
 * without any travel recorded; or the exploitation itself as the act
 * (obtaining or maintaining the person). */
enum act_how { AH_PROTOCOL, AH_TRAVEL, AH_NO_TRAVEL, AH_EXPLOITATION };

/* One rule's reading of the answers. */
struct reading {
	const struct prof_rule *r;
	bool applies;		/* not a rule for children, for an adult */
	bool met_purpose, touched;	/* a purpose of it met; answered at all */
	enum status el[EL_SMUGGLING];
	bool intended_only;
	enum status means[PG_COUNT];	/* over the means that count for each group */
	bool ok[PG_COUNT];	/* the means needed for the group are met, or none is */
	enum act_how how;
	enum outcome outcome;
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

/* The status over the indicators that keep[] selects (DESIGN §4 rule 3). */
static enum status status_over(const enum ind_value *ind, const bool *keep, enum element e)
{
	enum ind_value only[IND_COUNT];
	for (int i = 0; i < IND_COUNT; i++)
		only[i] = keep[i] ? ind[i] : IV_ABSENT;
	return assess_element(only, e);
}

/* The purposes the law names, for this person (a form named for children
 * only counts for a child), and the means of the profile's Means:. */
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

/* Travel under MSA 2015 s.2(5): the person was moved (act.transportation:
 * "took the person, or arranged their travel"), or crossed a border
 * (smuggling.irregular-entry, smuggling.paid-facilitator: arriving in or
 * entering a country). */
static bool travel_recorded(const enum ind_value *ind)
{
	return ind[IND_ACT_TRANSPORTATION] == IV_YES || ind[IND_SMUGGLING_ENTRY] == IV_YES ||
	       ind[IND_SMUGGLING_PAID] == IV_YES;
}

/* True if a way of arranging travel other than transport itself is met. */
static bool way_met(const enum ind_value *ind)
{
	static const enum indicator ways[] = {
		IND_ACT_RECRUITMENT, IND_ACT_TRANSFER, IND_ACT_HARBOURING, IND_ACT_RECEIPT,
	};
	for (size_t k = 0; k < sizeof ways / sizeof *ways; k++)
		if (ind[ways[k]] == IV_YES)
			return true;
	return false;
}

static void read_act(struct reading *g, const struct national *n, const enum ind_value *ind)
{
	enum status protocol = status_over(ind, n->counted, EL_ACT);
	g->el[EL_ACT] = protocol;
	g->how = AH_PROTOCOL;
	if (g->r->act == PA_TRAVEL) {
		if (travel_recorded(ind) && (way_met(ind) || ind[IND_ACT_TRANSPORTATION] == IV_YES)) {
			g->el[EL_ACT] = ST_MET;
			g->how = AH_TRAVEL;
		} else if (way_met(ind)) {
			g->el[EL_ACT] = ind[IND_ACT_TRANSPORTATION] == IV_NO ? ST_NOT_MET : ST_UNCLEAR;
			g->how = AH_NO_TRAVEL;
		}
	} else if (g->r->act == PA_ANY && protocol != ST_MET) {
		for (int i = 0; i < IND_COUNT; i++)
			if (g->r->purpose[i] && n->counted[i] && ind[i] == IV_YES) {
				g->el[EL_ACT] = ST_MET;
				g->how = AH_EXPLOITATION;
			}
	}
}

static void read_purpose(struct reading *g, const struct national *n, const enum ind_value *ind)
{
	bool keep[IND_COUNT], intended = false, yes = false;
	for (int i = 0; i < IND_COUNT; i++) {
		keep[i] = g->r->purpose[i] && n->counted[i];
		g->touched |= keep[i] && ind[i] != IV_ABSENT;
		/* A form the law does not name, answered no, is a no here too. */
		keep[i] |= indicator_element(i) == EL_PURPOSE && !n->counted[i] && ind[i] == IV_NO;
		yes |= keep[i] && ind[i] == IV_YES;
		intended |= keep[i] && ind[i] == IV_INTENDED;
	}
	g->el[EL_PURPOSE] = status_over(ind, keep, EL_PURPOSE);
	/* A form the law does not name (for this person), met or perhaps met:
	 * whether the law covers it must be checked, so not "not met". */
	for (int i = 0; i < IND_COUNT; i++)
		if (g->el[EL_PURPOSE] != ST_MET && indicator_element(i) == EL_PURPOSE &&
		    !n->counted[i] && ind[i] != IV_ABSENT && ind[i] != IV_NO)
			g->el[EL_PURPOSE] = ST_UNCLEAR;
	g->met_purpose = g->el[EL_PURPOSE] == ST_MET;
	g->intended_only = g->met_purpose && intended && !yes;
}

/* The outcome words of DESIGN §4 rule 5, with the rule's means per group. */
static enum outcome decide(const struct reading *g, enum child_status child)
{
	bool ap = g->el[EL_ACT] == ST_MET && g->el[EL_PURPOSE] == ST_MET;
	if (is_child(child) && ap && g->ok[PG_CHILD])
		return OUT_CONSISTENT_CHILD;
	if (child == CHILD_NO && ap && g->ok[PG_ADULT])
		return OUT_CONSISTENT_ADULT;
	if (child == CHILD_UNKNOWN && ap && g->ok[PG_ADULT] && g->ok[PG_CHILD])
		return OUT_CONSISTENT_ALL;
	if (child == CHILD_UNKNOWN && ap && g->ok[PG_CHILD])
		return OUT_INCOMPLETE;	/* the age decides: establish-age */
	for (int e = 0; e < EL_SMUGGLING; e++)
		if (e != EL_MEANS && g->el[e] == ST_NOT_MET)
			return OUT_NOT_SHOWN;
	int grp = is_child(child) ? PG_CHILD : PG_ADULT;
	bool req = grp == PG_ADULT && g->r->children_only ? true : g->r->means[grp].required;
	if (req && g->means[grp] == ST_NOT_MET)
		return OUT_NOT_SHOWN;
	return OUT_INCOMPLETE;
}

static void read_rule(struct reading *g, const struct national *n, const enum ind_value *ind)
{
	const struct prof_rule *r = g->r;
	g->applies = !r->children_only || n->child != CHILD_NO;
	read_act(g, n, ind);
	read_purpose(g, n, ind);
	for (int grp = 0; grp < PG_COUNT; grp++) {
		const struct prof_means *m = &r->means[grp];
		g->means[grp] = status_over(ind, m->required ? m->counts : n->p->means_named, EL_MEANS);
		g->ok[grp] = !m->required || g->means[grp] == ST_MET;
	}
	if (r->children_only)
		g->ok[PG_ADULT] = false;
	g->el[EL_MEANS] = g->means[is_child(n->child) ? PG_CHILD : PG_ADULT];
	g->outcome = decide(g, n->child);
}

/* How well a reading fits: a met purpose first, then an answered one; then
 * consistent, incomplete, not shown. */
static int rank(const struct reading *g)
{
	static const int of_outcome[] = {
		[OUT_CONSISTENT_CHILD] = 3, [OUT_CONSISTENT_ADULT] = 3, [OUT_CONSISTENT_ALL] = 3,
		[OUT_INCOMPLETE] = 2, [OUT_NOT_SHOWN] = 1,
	};
	if (!g->applies)
		return -1;
	return (g->met_purpose ? 20 : g->touched ? 10 : 0) + of_outcome[g->outcome];
}

/* The law's words for the purposes of rule r met in the answers, joined
 * with ", "; a new string. */
static char *named_met(const struct national *n, const struct prof_rule *r,
		       const enum ind_value *ind)
{
	char *s = xstrdup("");
	for (size_t k = 0; k < n->p->npurposes; k++) {
		const struct prof_purpose *pp = &n->p->purposes[k];
		if (!r->purpose[pp->ind] || !n->counted[pp->ind] || !met(ind[pp->ind], EL_PURPOSE) ||
		    strstr(s, pp->named))
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? ", " : "", pp->named);
		free(s);
		s = t;
	}
	return s;
}

/* The names of the indicators of element e met in the answers for which
 * keep[] is false, joined with " or "; a new string, "" for none. */
static char *met_outside(const enum ind_value *ind, const bool *keep, enum element e)
{
	char *s = xstrdup("");
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != e || keep[i] || !met(ind[i], e))
			continue;
		char *t = xasprintf("%s%s%s", s, *s ? _(" or ") : "", _(ind_names[i]));
		free(s);
		s = t;
	}
	return s;
}

/* The names of the means indicators of counts, joined with " or "; a new
 * string. */
static char *named_means(const bool *counts)
{
	bool none[IND_COUNT] = { false };
	enum ind_value all[IND_COUNT];
	for (int i = 0; i < IND_COUNT; i++)
		all[i] = counts[i] ? IV_YES : IV_ABSENT;
	return met_outside(all, none, EL_MEANS);
}

/* The differences the chosen rule makes to the means: not needed for an
 * adult, needed for a child, or some means that do not count. */
static void means_differences(struct national *n, const struct reading *g,
			      const enum ind_value *ind)
{
	const struct prof_rule *r = g->r;
	bool adult = !is_child(n->child) && !r->children_only, child = n->child != CHILD_NO;
	char *named = named_met(n, r, ind);
	if (adult && !r->means[PG_ADULT].required)
		differ(n, _("%s: the means are not required for an adult."), r->ref);
	if (child && r->means[PG_CHILD].required && *named)
		differ(n, _("%s: the means are required for a child too, for %s."), r->ref, named);
	else if (child && r->means[PG_CHILD].required)
		differ(n, _("%s: the means are required for a child too."), r->ref);
	int grp = is_child(n->child) ? PG_CHILD : PG_ADULT;
	if (r->means[grp].required) {
		/* The means met, or perhaps met, that the rule does not count. */
		enum ind_value maybe[IND_COUNT];
		for (int i = 0; i < IND_COUNT; i++)
			maybe[i] = ind[i] == IV_ABSENT || ind[i] == IV_NO ? IV_ABSENT : IV_YES;
		char *out = met_outside(maybe, r->means[grp].counts, EL_MEANS);
		if (*out && *named)
			differ(n, _("%s: its means for %s do not include %s."), r->ref, named, out);
		else if (*out)
			differ(n, _("%s: its means do not include %s."), r->ref, out);
		free(out);
		bool asked = false;
		for (int i = 0; i < IND_COUNT; i++)
			asked |= r->means[grp].counts[i] && ind[i] != IV_ABSENT;
		if (!asked) {
			char *names = named_means(r->means[grp].counts);
			differ(n, _("%s: none of its means (%s) is recorded."), r->ref, names);
			free(names);
		}
	}
	free(named);
}

static void act_differences(struct national *n, const struct reading *g, const enum ind_value *ind)
{
	const struct prof_rule *r = g->r;
	if (g->how == AH_TRAVEL) {
		differ(n, _("%s: the act is arranging or facilitating travel, and travel is recorded."),
		       r->act_ref);
	} else if (g->how == AH_NO_TRAVEL) {
		bool keep[IND_COUNT] = { [IND_ACT_TRANSPORTATION] = true };
		char *ways = met_outside(ind, keep, EL_ACT);
		differ(n, _("%s: %s counts only as a way of arranging or facilitating travel, and no travel is recorded."),
		       r->act_ref, ways);
		free(ways);
	} else if (r->act == PA_TRAVEL) {
		differ(n, _("%s: the act is arranging or facilitating travel."), r->act_ref);
	} else if (g->how == AH_EXPLOITATION) {
		differ(n, _("%s: no recruitment, transportation, transfer, harbouring or receipt is needed; obtaining the person's labour or services, or maintaining the person in the exploitation recorded, is the act."),
		       r->act_ref);
	}
}

/* Purposes the Protocol counts and the law does not name (for this
 * person), met in the answers: each rule's purpose is unclear unless met
 * otherwise (read_purpose); say why. */
static void uncounted_purposes(struct national *n, const enum ind_value *ind)
{
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != EL_PURPOSE || n->counted[i] || !met(ind[i], EL_PURPOSE))
			continue;
		if (profile_purpose(n->p, i))
			differ(n, _("Under %s, %s is named for a child only: whether it is covered for an adult must be checked."),
			       n->p->name, _(ind_names[i]));
		else
			differ(n, _("Under %s, %s is not named as a form of exploitation: whether it is covered must be checked."),
			       n->p->name, _(ind_names[i]));
	}
}

static void set_flags(struct national *n, const struct assess_input *in,
		      const struct assessment *a, const struct reading *g)
{
	const struct prof_rule *r = g->r;
	enum status act = n->el[EL_ACT].status, means = n->el[EL_MEANS].status,
		    purpose = n->el[EL_PURPOSE].status;
	bool child = is_child(n->child), consent = in->value[IN_CONSENT] == IN_YES;
	bool adult_req = r->children_only || r->means[PG_ADULT].required;
	bool child_req = r->means[PG_CHILD].required;
	n->flag[FLAG_INTENDED] = n->el[EL_PURPOSE].intended_only;
	n->flag[FLAG_CONSENT_IRRELEVANT] = consent && purpose != ST_NOT_MET &&
		(r->consent == PC_ALWAYS ||
		 (r->consent == PC_IF_MEANS && (means == ST_MET || (child && !child_req))));
	n->flag[FLAG_PURPOSE_WITHOUT_MEANS] = n->child == CHILD_NO && adult_req &&
					      purpose == ST_MET && means == ST_NOT_MET;
	n->flag[FLAG_EXPLOITATION_WITHOUT_ACT] = purpose == ST_MET && act == ST_NOT_MET;
	for (int i = 0; i < IND_COUNT; i++)
		n->flag[FLAG_BEYOND_MINIMUM] |= beyond_minimum(i) && !n->counted[i] &&
						met(in->ind[i], EL_PURPOSE);
	n->flag[FLAG_PRESUMED_CHILD] = n->child == CHILD_PRESUMED;
	n->flag[FLAG_ESTABLISH_AGE] = (n->child == CHILD_PRESUMED && adult_req != child_req) ||
		(n->child == CHILD_UNKNOWN && act == ST_MET && purpose == ST_MET &&
		 g->ok[PG_ADULT] != g->ok[PG_CHILD]);
	n->flag[FLAG_CHILD_NOW] = is_child(n->child_now);
	n->flag[FLAG_SMUGGLING] = a->flag[FLAG_SMUGGLING];
	n->flag[FLAG_NON_PUNISHMENT] = n->outcome != OUT_NOT_SHOWN && assess_compelled_offence(in);
	n->flag[FLAG_REFERRAL_DECLINED] = in->value[IN_REFERRAL] == IN_NO && !is_child(n->child_now);
}

/* The provisions cited: by role; the presumption of minority only when the
 * age now is uncertain (minor now presumed), the assistance to a child
 * victim for a child now; a purpose's and an applying rule's own. */
static void set_cites(struct national *n, const struct assess_input *in,
		      const struct reading *g, size_t ng)
{
	const struct profile *p = n->p;
	for (size_t i = 0; i < p->nprov; i++) {
		switch (p->prov[i].role) {
		case PR_OFFENCE: n->cite[i] = true; break;
		case PR_CHILD: n->cite[i] = is_child(n->child); break;
		case PR_CONSENT: n->cite[i] = n->flag[FLAG_CONSENT_IRRELEVANT]; break;
		case PR_NON_PUNISHMENT: n->cite[i] = n->flag[FLAG_NON_PUNISHMENT]; break;
		case PR_MINORITY: n->cite[i] = n->child_now == CHILD_PRESUMED; break;
		case PR_CHILD_NOW: n->cite[i] = n->flag[FLAG_CHILD_NOW]; break;
		case PR_PURPOSE: break;
		}
	}
	for (size_t k = 0; k < p->npurposes; k++)
		if (p->purposes[k].cite >= 0 && n->counted[p->purposes[k].ind] &&
		    met(in->ind[p->purposes[k].ind], EL_PURPOSE))
			n->cite[p->purposes[k].cite] = true;
	for (size_t k = 0; k < ng; k++)
		for (size_t i = 0; g[k].applies && g[k].met_purpose && i < p->nprov; i++)
			n->cite[i] |= g[k].r->cite[i];
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

static bool has_role(const struct profile *p, enum prof_role r)
{
	for (size_t i = 0; i < p->nprov; i++)
		if (p->prov[i].role == r)
			return true;
	return false;
}

static void other_differences(struct national *n, const struct assess_input *in,
			      const struct prof_rule *r)
{
	const struct profile *p = n->p;
	if (p->child_age != 18)
		differ(n, _("Under %s a child is a person under %d, not under 18."), p->name, p->child_age);
	if (p->child_note && !is_child(n->child))
		differ(n, "%s", p->child_note);
	if (in->value[IN_CONSENT] == IN_YES && r->consent == PC_ALWAYS)
		differ(n, _("%s: consent is irrelevant, whether or not the means were used."),
		       r->consent_ref);
	if (in->value[IN_CONSENT] == IN_YES && r->consent == PC_NOT_ADDRESSED)
		differ(n, _("%s: the provisions cited here do not say how consent is treated: check the current law."),
		       r->consent_ref);
	if (n->flag[FLAG_NON_PUNISHMENT] && !has_role(p, PR_NON_PUNISHMENT))
		differ(n, _("This profile cites no non-punishment provision of %s: check national law."), p->name);
	if (n->child_now == CHILD_PRESUMED && !has_role(p, PR_MINORITY))
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
	struct reading *g = xcalloc(p->nrules, sizeof *g);
	size_t best = p->nrules - 1;	/* the default rule applies to everyone */
	for (size_t k = 0; k < p->nrules; k++) {
		g[k].r = &p->rules[k];
		read_rule(&g[k], n, in->ind);
		if (rank(&g[k]) > rank(&g[best]))
			best = k;
	}
	const struct reading *b = &g[best];
	n->rule = b->r;
	for (int e = 0; e < EL_SMUGGLING; e++)
		n->el[e].status = b->el[e];
	n->el[EL_PURPOSE].intended_only = b->intended_only;
	n->el[EL_ACT].required = n->el[EL_PURPOSE].required = true;
	int grp = is_child(n->child) ? PG_CHILD : PG_ADULT;
	n->el[EL_MEANS].required = grp == PG_ADULT && b->r->children_only ? true
					: b->r->means[grp].required;
	n->outcome = b->outcome;
	means_differences(n, b, in->ind);
	act_differences(n, b, in->ind);
	uncounted_purposes(n, in->ind);
	set_flags(n, in, a, b);
	set_cites(n, in, g, p->nrules);
	purpose_differences(n, in);
	other_differences(n, in, b->r);
	free(g);
}

void national_free(struct national *n)
{
	for (size_t i = 0; i < n->ndiff; i++)
		free(n->diff[i]);
	free(n->diff);
	memset(n, 0, sizeof *n);
}
