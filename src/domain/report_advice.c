/* report_advice: the summary's advice, as lines of the structured report
 * (report_advice.h): what is still unclear, what to ask next (the referral
 * is report_referral.c's). Each is a table of rules over the assessment and
 * its inputs, so that a rule reads as one row and a test can check it
 * alone. */
#include "domain/report_advice.h"

#include <stdlib.h>
#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"
#include "domain/evidence.h"

static void item(struct report *r, enum report_section sec, const char *text)
{
	report_add(r, sec, "  - ", xstrdup(text));
}

/* title is the whole label, its colon included, so that a language can
 * space it ("Points à éclaircir :"). */
static void heading(struct report *r, enum report_section sec, const char *title)
{
	report_add(r, sec, NULL, xstrdup(""));
	report_add(r, sec, NULL, xstrdup(title));
}

/* ---- what is still unclear, and what to ask next ----------------------- */

/* A rule of the unclear and ask-next lists: when it applies, its sentence. */
struct rule {
	bool (*when)(const struct assessment *a, const struct assess_input *in);
	const char *text;
};

static const char *const element_titles[] = { N_("Act"), N_("Means"), N_("Purpose") };

/* Whether an indicator's value leaves it open: not yes, intended or no. */
static bool open_value(enum ind_value v)
{
	return v == IV_DONTKNOW || v == IV_DECLINED || v == IV_UNANSWERED;
}

/* The open indicators of element e, "id (value), …"; NULL if none. */
static char *open_list(const struct assessment *a, enum element e)
{
	char *s = NULL;
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != e || !open_value(a->ind[i]))
			continue;
		char *n = xasprintf("%s%s%s (%s)", s ? s : "", s ? ", " : "", indicator_id(i),
				    ind_value_text(a->ind[i]));
		free(s);
		s = n;
	}
	return s;
}

static bool unclear_required(const struct assessment *a, int e)
{
	return a->el[e].required && a->el[e].status == ST_UNCLEAR;
}

static void unclear_elements(struct report *r, const struct assessment *a)
{
	for (int e = 0; e < EL_SMUGGLING; e++) {
		if (!unclear_required(a, e))
			continue;
		char *l = open_list(a, e);
		report_add(r, SEC_UNCLEAR, "  - ", l
			? xasprintf(_("%s: unclear; answers that leave it open: %s."), _(element_titles[e]), l)
			: xasprintf(_("%s: unclear; no answer shows it or rules it out."), _(element_titles[e])));
		free(l);
	}
}

static bool age_then_unknown(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->child == CHILD_UNKNOWN;
}

static bool age_then_presumed(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->child == CHILD_PRESUMED;
}

static bool age_now_unknown(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->child_now == CHILD_UNKNOWN;
}

static bool setting_unknown(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->caveat[CAVEAT_SETTING_UNKNOWN];
}

static bool stopped(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->caveat[CAVEAT_STOPPED_EARLY];
}

/* Consent not recorded where a referral is offered, not made. */
static bool consent_unknown_adult(const struct assessment *a, const struct assess_input *in)
{
	bool unknown = in->value[IN_REFERRAL] < 0 || in->value[IN_REFERRAL] == IN_UNKNOWN;
	return unknown && !assess_has_advice(a, ADVICE_REFER);
}

static const struct rule unclear_rules[] = {
	{ age_then_unknown, N_("The age when it began: not known.") },
	{ age_then_presumed, N_("The age when it began: presumed under 18, not established.") },
	{ age_now_unknown, N_("The age now: not known.") },
	{ setting_unknown, N_("Whether the interview was private, and whether someone who may control the person was present: not known.") },
	{ consent_unknown_adult, N_("Whether the person agrees to a referral: not recorded.") },
};

static bool any_declined(const struct assessment *a, const struct assess_input *in)
{
	(void)a;
	return in->declined > 0;
}

static bool not_safe_setting(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->caveat[CAVEAT_SETTING_UNKNOWN] || a->caveat[CAVEAT_NOT_PRIVATE] ||
	       a->caveat[CAVEAT_CONTROLLER_PRESENT] || a->caveat[CAVEAT_INFORMAL_INTERPRETER];
}

static bool establish_age(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->flag[FLAG_ESTABLISH_AGE] || a->child == CHILD_UNKNOWN;
}

static bool flag_without_act(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->flag[FLAG_EXPLOITATION_WITHOUT_ACT];
}

static bool flag_without_means(const struct assessment *a, const struct assess_input *in)
{
	(void)in;
	return a->flag[FLAG_PURPOSE_WITHOUT_MEANS];
}

/* Asked before the rest: the setting, then the ages, then the flags. */
static const struct rule ask_first[] = {
	{ not_safe_setting, N_("First make sure that the person can talk safely: in private, with no one who may control them present or able to hear, and with a professional interpreter if one is needed.") },
	{ establish_age, N_("How old was the person when it began? Anchor it to the events they told (a school year, a season, the journey), and look for documents.") },
	{ age_now_unknown, N_("How old is the person now? If that is not known, are there reasons to believe they are under 18 (appearance, documents, what they say)?") },
	{ flag_without_act, N_("How did the person come to be where they are: who brought them, who took them in, who keeps them there (harbouring, receipt)?") },
	{ flag_without_means, N_("Can the person leave, refuse the work, keep their papers, phone and pay? What would happen if they left (threats, force, a debt, lies, their situation used)?") },
};

/* Asked after the questions on the elements. */
static const struct rule ask_last[] = {
	{ any_declined, N_("Come back to the questions the person declined only if they wish to; do not press.") },
	{ consent_unknown_adult, N_("Does the person agree to be referred, and to whom?") },
};

/* A question for each indicator left open; NULL where the element's
 * question covers it. */
static const char *const ask_indicator[IND_COUNT] = {
	[IND_ACT_RECRUITMENT] = N_("Who first offered the work or the journey, and what was the person told?"),
	[IND_ACT_TRANSPORTATION] = N_("Who arranged or paid for the journey, and who travelled with the person?"),
	[IND_ACT_TRANSFER] = N_("Was the person handed over or passed on from one person to another on the way?"),
	[IND_ACT_HARBOURING] = N_("Who provides the place where the person stays, and can they leave it when they want?"),
	[IND_ACT_RECEIPT] = N_("Who met the person when they arrived, and what happened then?"),
	[IND_MEANS_THREAT] = N_("Has anyone threatened the person or their family (with harm, the police, deportation, shame or a curse)?"),
	[IND_MEANS_FORCE] = N_("Has anyone hit, hurt, locked up or sexually assaulted the person?"),
	[IND_MEANS_COERCION] = N_("Can the person come and go, get their papers and phone back, and keep their pay? What happens if they refuse?"),
	[IND_MEANS_ABDUCTION] = N_("Was the person taken or held somewhere against their will?"),
	[IND_MEANS_FRAUD] = N_("Are the pay, hours and conditions what the person was promised?"),
	[IND_MEANS_DECEPTION] = N_("Was the person told the truth about the work, the place, the employer and their legal status?"),
	[IND_MEANS_POWER] = N_("Did someone with power over the person (an employer, an official, a family or religious head, a sponsor) use it to make them go or stay?"),
	[IND_MEANS_VULNERABILITY] = N_("Did someone use the person's situation (no money, papers, language or support; an illness, an addiction, a relationship) so that they felt they had no real choice?"),
	[IND_MEANS_PAYMENT] = N_("Was anyone who had control over the person (a parent, a guardian, an employer) paid or given something for them?"),
	[IND_PURPOSE_PROSTITUTION] = N_("Does someone else arrange paid sex for the person, or take money from it?"),
	[IND_PURPOSE_SEXUAL] = N_("Are sexual acts demanded from the person, or filmed, by others?"),
	[IND_PURPOSE_FORCED_LABOUR] = N_("For whom does the person work, who sets the terms, and can they refuse or stop?"),
	[IND_PURPOSE_BEGGING] = N_("Does the person beg for someone else, who takes the money?"),
	[IND_PURPOSE_CRIMINALITY] = N_("Is the person made to commit offences (theft, drug growing or selling) for someone else?"),
	[IND_PURPOSE_SLAVERY] = N_("Is the person treated as property: bought, sold or \"owned\"?"),
	[IND_PURPOSE_SIMILAR] = N_("Does the person work off a debt with no end in sight, or were they given in marriage or handed over for someone else's gain?"),
	[IND_PURPOSE_MARRIAGE] = N_("Was the person married, or promised in marriage, without being free to refuse?"),
	[IND_PURPOSE_SERVITUDE] = N_("Must the person live and work under someone's control, for example in their home, with no way to change it?"),
	[IND_PURPOSE_ORGANS] = N_("Did anyone remove, or ask or plan to remove, one of the person's organs?"),
	[IND_PURPOSE_ADOPTION] = N_("Was a child given up, or taken, for an adoption arranged for money?"),
	[IND_PURPOSE_SURROGACY] = N_("Was the person made to carry a child for others?"),
	[IND_PURPOSE_OTHER] = N_("Is there another way in which others profit from the person?"),
};

/* The element's question when none of its indicators is open to ask
 * again, and none was declined. */
static const char *const ask_element[] = {
	N_("How did the person come to be where they are: who offered, arranged, moved, housed or received them?"),
	N_("How was the person brought to go, or kept there: threats, force, debts, papers kept, lies, someone's power or their situation used?"),
	N_("What does the person do there, for whom, under what conditions, and who takes the money?"),
};

static void ask_elements(struct report *r, const struct assessment *a)
{
	for (int e = 0; e < EL_SMUGGLING; e++) {
		if (!unclear_required(a, e))
			continue;
		bool asked = false, declined = false;	/* a declined answer is not pressed */
		for (int i = 0; i < IND_COUNT; i++) {
			if (indicator_element(i) != (enum element)e)
				continue;
			declined |= a->ind[i] == IV_DECLINED;
			if (!ask_indicator[i] || !(a->ind[i] == IV_DONTKNOW || a->ind[i] == IV_UNANSWERED))
				continue;
			item(r, SEC_ASK, _(ask_indicator[i]));
			asked = true;
		}
		if (!asked && !declined)
			item(r, SEC_ASK, _(ask_element[e]));
	}
}

static size_t rules_add(struct report *r, enum report_section sec, const struct rule *v, size_t n,
			const struct assessment *a, const struct assess_input *in)
{
	size_t added = 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].when(a, in)) {
			item(r, sec, _(v[k].text));
			added++;
		}
	return added;
}

#define RULES(v) v, sizeof v / sizeof *v

/* Where the interview stopped, when it did: the screen and its section. */
static void stopped_line(struct report *r, const struct assessment *a, const struct evidence *ev,
			 size_t nev)
{
	if (!stopped(a, NULL))
		return;
	for (size_t i = 0; i < nev; i++)
		if (ev[i].kind == EV_STOP) {
			/* The screen's id and section, not its question: a summary
			 * never quotes a question put to the person (DESIGN §5 v3). */
			report_add(r, SEC_UNCLEAR, "  - ", xasprintf(_("The interview stopped early, at %s (in %s): the questions after it were not asked."),
				   ev[i].ctx, _(ev[i].section)));
			return;
		}
	item(r, SEC_UNCLEAR, _("The interview stopped early: the questions after the stop were not asked."));
}

void report_advice_unclear(struct report *r, const struct assessment *a,
			   const struct assess_input *in, const struct evidence *ev, size_t nev)
{
	struct report part = { 0 };
	unclear_elements(&part, a);
	rules_add(&part, SEC_UNCLEAR, RULES(unclear_rules), a, in);
	stopped_line(&part, a, ev, nev);
	if (part.n) {
		heading(r, SEC_UNCLEAR, _("Still unclear:"));
		report_take(r, &part);
	}
	rules_add(&part, SEC_ASK, RULES(ask_first), a, in);
	ask_elements(&part, a);
	rules_add(&part, SEC_ASK, RULES(ask_last), a, in);
	if (part.n) {
		heading(r, SEC_ASK, _("What to ask next:"));
		report_take(r, &part);
	}
	report_free(&part);
}
