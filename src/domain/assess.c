#include "domain/assess.h"

#include <string.h>

#define X_NAME(e, name) name,
static const char *const flag_names[] = { FLAG_TABLE(X_NAME) };
static const char *const caveat_names[] = { CAVEAT_TABLE(X_NAME) };
static const char *const cite_names[] = { CITE_TABLE(X_NAME) };
static const char *const advice_names[] = { ADVICE_TABLE(X_NAME) };
#undef X_NAME

static const char *const outcome_names[] = {
	"consistent-child", "consistent-adult", "consistent-all-elements", "not-shown",
	"incomplete"
};
static const char *const status_names[] = { "met", "not-met", "unclear" };
static const char *const child_names[] = { "yes", "no", "presumed", "unknown" };

/* The purposes beyond the Protocol's explicit list (DESIGN §3). */
static const enum indicator beyond_minimum[] = {
	IND_PURPOSE_MARRIAGE, IND_PURPOSE_ADOPTION, IND_PURPOSE_SURROGACY, IND_PURPOSE_OTHER
};

static bool is_child(enum child_status c)
{
	return c == CHILD_YES || c == CHILD_PRESUMED;
}

/* Minor now: the age now decides, unless it is doubted (18 or more with
 * reasons to believe the person is under 18: traffickers coach children to
 * claim adulthood), which makes it presumed; else minor-now as given. A
 * presumed minor now is the presumption of minority (CoE Convention Art.
 * 10(3), Directive 2011/36/EU Art. 13(2)), which concerns the age now. */
enum child_status assess_minor_now(const struct assess_input *in)
{
	int now = in->value[IN_AGE_NOW];
	if (inputs_age_doubted(in))
		return CHILD_PRESUMED;
	if (now >= 0)
		return now < 18 ? CHILD_YES : CHILD_NO;
	if (in->value[IN_MINOR_NOW] >= 0)
		return (enum child_status)in->value[IN_MINOR_NOW];
	return CHILD_UNKNOWN;
}

/* Child at the time of the act: a person presumed under 18 now by a doubted
 * age was under 18 when it began (yes by an age then under 18 or an
 * explicit yes, else presumed); otherwise the age then decides; else an
 * explicit yes or no; else under 18 now means under 18 then; else a
 * presumption now, or reasons to believe the person was under 18 then,
 * make it presumed. */
enum child_status assess_child(const struct assess_input *in)
{
	int age = in->value[IN_AGE], child = in->value[IN_CHILD];
	if (inputs_age_doubted(in))
		return (age >= 0 && age < 18) || child == CHILD_YES ? CHILD_YES : CHILD_PRESUMED;
	if (age >= 0)
		return age < 18 ? CHILD_YES : CHILD_NO;
	if (child == CHILD_YES || child == CHILD_NO)
		return (enum child_status)child;
	enum child_status now = assess_minor_now(in);
	if (now == CHILD_YES)
		return CHILD_YES;
	if (now == CHILD_PRESUMED || child == CHILD_PRESUMED)
		return CHILD_PRESUMED;
	return CHILD_UNKNOWN;
}

static bool counts_as_met(enum ind_value v, enum element e)
{
	return v == IV_YES || (v == IV_INTENDED && e == EL_PURPOSE);
}

enum status assess_element(const enum ind_value ind[IND_COUNT], enum element e)
{
	bool any = false, all_no = true;
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != e || ind[i] == IV_ABSENT)
			continue;
		if (counts_as_met(ind[i], e))
			return ST_MET;
		any = true;
		if (ind[i] != IV_NO)
			all_no = false;
	}
	return any && all_no ? ST_NOT_MET : ST_UNCLEAR;
}

static bool purpose_intended_only(const enum ind_value ind[IND_COUNT])
{
	bool intended = false;
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != EL_PURPOSE)
			continue;
		if (ind[i] == IV_YES)
			return false;
		if (ind[i] == IV_INTENDED)
			intended = true;
	}
	return intended;
}

static enum outcome decide(const struct assessment *a)
{
	enum status act = a->el[EL_ACT].status, means = a->el[EL_MEANS].status,
		    purpose = a->el[EL_PURPOSE].status;
	bool act_purpose = act == ST_MET && purpose == ST_MET;
	if (is_child(a->child) && act_purpose)
		return OUT_CONSISTENT_CHILD;
	if (a->child == CHILD_NO && act_purpose && means == ST_MET)
		return OUT_CONSISTENT_ADULT;
	if (a->child == CHILD_UNKNOWN && act_purpose && means == ST_MET)
		return OUT_CONSISTENT_ALL;
	if (a->child == CHILD_UNKNOWN && act_purpose)
		return OUT_INCOMPLETE;	/* means not met: with establish-age */
	for (int e = 0; e < EL_SMUGGLING; e++)
		if (a->el[e].required && a->el[e].status == ST_NOT_MET)
			return OUT_NOT_SHOWN;
	return OUT_INCOMPLETE;
}

static bool any_met(const struct assess_input *in, const enum indicator *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (counts_as_met(in->ind[v[i]], EL_PURPOSE))
			return true;
	return false;
}

bool assess_compelled_offence(const struct assess_input *in)
{
	return in->ind[IND_PURPOSE_CRIMINALITY] == IV_YES ||
	       in->ind[IND_SMUGGLING_ENTRY] == IV_YES || in->value[IN_COMPELLED] == IN_YES;
}

static void set_flags(struct assessment *a, const struct assess_input *in)
{
	bool child = is_child(a->child), child_now = is_child(a->child_now);
	enum status act = a->el[EL_ACT].status, means = a->el[EL_MEANS].status,
		    purpose = a->el[EL_PURPOSE].status;
	a->flag[FLAG_INTENDED] = a->el[EL_PURPOSE].intended_only;
	a->flag[FLAG_CONSENT_IRRELEVANT] = in->value[IN_CONSENT] == IN_YES &&
		(means == ST_MET || child) && purpose != ST_NOT_MET && a->outcome != OUT_NOT_SHOWN;
	a->flag[FLAG_PURPOSE_WITHOUT_MEANS] =
		a->child == CHILD_NO && purpose == ST_MET && means == ST_NOT_MET;
	a->flag[FLAG_EXPLOITATION_WITHOUT_ACT] = purpose == ST_MET && act == ST_NOT_MET;
	a->flag[FLAG_BEYOND_MINIMUM] =
		any_met(in, beyond_minimum, sizeof beyond_minimum / sizeof *beyond_minimum);
	a->flag[FLAG_PRESUMED_CHILD] = a->child == CHILD_PRESUMED;
	a->flag[FLAG_ESTABLISH_AGE] = a->child == CHILD_PRESUMED ||
		(a->child == CHILD_UNKNOWN && act == ST_MET && purpose == ST_MET &&
		 means != ST_MET) || a->age_now_doubted;
	a->flag[FLAG_CHILD_NOW] = child_now;
	a->flag[FLAG_SMUGGLING] = in->ind[IND_SMUGGLING_ENTRY] == IV_YES &&
				  in->ind[IND_SMUGGLING_PAID] == IV_YES;
	a->flag[FLAG_NON_PUNISHMENT] = a->outcome != OUT_NOT_SHOWN && assess_compelled_offence(in);
	a->flag[FLAG_REFERRAL_DECLINED] = in->value[IN_REFERRAL] == IN_NO && !child_now;
}

static void set_cites(struct assessment *a)
{
	bool child = is_child(a->child);
	a->cite[CITE_TIP_3A] = true;
	a->cite[CITE_TIP_3B] = a->flag[FLAG_CONSENT_IRRELEVANT] && !child;
	a->cite[CITE_TIP_3C] = child;
	a->cite[CITE_TIP_3D] = child;
	a->cite[CITE_SOM_3A] = a->flag[FLAG_SMUGGLING];
	a->cite[CITE_SOM_5] = a->flag[FLAG_SMUGGLING];
}

static void set_caveats(struct assessment *a, const struct assess_input *in)
{
	a->caveat[CAVEAT_NOT_PRIVATE] = in->value[IN_PRIVATE] == IN_NO;
	a->caveat[CAVEAT_CONTROLLER_PRESENT] = in->value[IN_CONTROLLER] == IN_YES;
	a->caveat[CAVEAT_SETTING_UNKNOWN] = in->value[IN_PRIVATE] == IN_UNKNOWN ||
					    in->value[IN_CONTROLLER] == IN_UNKNOWN;
	a->caveat[CAVEAT_INFORMAL_INTERPRETER] = in->value[IN_INTERPRETER] == INTERP_INFORMAL;
	a->caveat[CAVEAT_STOPPED_EARLY] = in->value[IN_STOPPED] == IN_YES;
	a->caveat[CAVEAT_MANY_DECLINED] = in->declined >= MANY_DECLINED;
}

/* ---- the advice (rule 6b) --------------------------------------------- */

static void advise(struct assessment *a, enum advice v)
{
	if (!assess_has_advice(a, v))
		a->advice[a->nadvice++] = v;
}

/* The advice of one form of exploitation shown without the means (or
 * without the act, by purpose-without-means's grouping): slavery,
 * servitude, practices similar to slavery and removal of organs are
 * offences in themselves in most systems; forced labour or services only
 * where exacted under menace of a penalty (ILO C29 Art. 2(1)); an adult's
 * sexual exploitation is for national law, and the person is offered
 * services, not sent to the police. */
static void advise_form(struct assessment *a, enum indicator i)
{
	switch (i) {
	case IND_PURPOSE_PROSTITUTION:
	case IND_PURPOSE_SEXUAL:
		advise(a, ADVICE_SEX_WORK_SERVICES);
		break;
	case IND_PURPOSE_FORCED_LABOUR:
	case IND_PURPOSE_BEGGING:
	case IND_PURPOSE_CRIMINALITY:
		advise(a, ADVICE_LABOUR_RIGHTS);
		advise(a, ADVICE_SCREEN_COMPULSION);
		break;
	case IND_PURPOSE_MARRIAGE:
		advise(a, ADVICE_FORCED_MARRIAGE_SERVICE);
		break;
	case IND_PURPOSE_ADOPTION:
	case IND_PURPOSE_SURROGACY:
	case IND_PURPOSE_OTHER:
		advise(a, ADVICE_CHECK_NATIONAL_LAW);
		break;
	default:	/* slavery, similar practices, servitude, organs */
		advise(a, ADVICE_POLICE_OR_SPECIALIST);
	}
}

static bool beyond_list(enum indicator i)
{
	for (size_t k = 0; k < sizeof beyond_minimum / sizeof *beyond_minimum; k++)
		if (beyond_minimum[k] == i)
			return true;
	return false;
}

/* The form advice of purpose-without-means and exploitation-without-act,
 * purpose by purpose in the order of the §3 vocabulary. Without an act but
 * with the means met, or for a child, every form of the Protocol's list is
 * an offence in itself in most systems. */
static void advise_forms(struct assessment *a)
{
	bool without_act = a->flag[FLAG_EXPLOITATION_WITHOUT_ACT];
	if (!a->flag[FLAG_PURPOSE_WITHOUT_MEANS] && !without_act)
		return;
	bool offence = without_act &&
		       (a->el[EL_MEANS].status == ST_MET || is_child(a->child));
	for (int i = 0; i < IND_COUNT; i++) {
		if (indicator_element(i) != EL_PURPOSE || !counts_as_met(a->ind[i], EL_PURPOSE))
			continue;
		if (offence && !beyond_list(i))
			advise(a, ADVICE_POLICE_OR_SPECIALIST);
		else
			advise_form(a, i);
	}
}

/* Rule 6b: what decides what happens before the person leaves the room
 * first ("don't know" whether they go back tonight counts as at risk);
 * then refer or offer by the age now (an unknown age now with a child at
 * the act: refer, until the age now is known); the form's advice; the link
 * to the act; recorded conditions; national law. */
static void set_advice(struct assessment *a, const struct assess_input *in)
{
	int back = in->value[IN_GOING_BACK];
	if (back == IN_YES || back == IN_UNKNOWN)
		advise(a, ADVICE_SAFETY_TONIGHT);
	if (in->value[IN_OTHERS_AT_RISK] == IN_YES)
		advise(a, ADVICE_OTHERS_AT_RISK);
	bool refer = is_child(a->child_now) ||
		     (a->child_now == CHILD_UNKNOWN && is_child(a->child));
	advise(a, refer ? ADVICE_REFER : ADVICE_OFFER_REFERRAL);
	advise_forms(a);
	if (a->flag[FLAG_EXPLOITATION_WITHOUT_ACT])
		advise(a, ADVICE_LINK_TO_ACT);
	if (in->value[IN_CONDITIONS] == IN_YES)
		advise(a, ADVICE_LABOUR_RIGHTS);
	if (a->flag[FLAG_BEYOND_MINIMUM])
		advise(a, ADVICE_CHECK_NATIONAL_LAW);
}

int assess_run(const struct assess_input *in, struct assessment *a, const char **why)
{
	memset(a, 0, sizeof *a);
	const char *bad = inputs_contradiction(in, NULL);
	if (bad) {
		if (why)
			*why = bad;
		return -1;
	}
	memcpy(a->ind, in->ind, sizeof a->ind);
	a->child = assess_child(in);
	a->child_now = assess_minor_now(in);
	a->age_now_doubted = inputs_age_doubted(in);
	for (int e = 0; e < EL_SMUGGLING; e++)
		a->el[e].status = assess_element(in->ind, e);
	a->el[EL_ACT].required = true;
	a->el[EL_PURPOSE].required = true;
	a->el[EL_MEANS].required = !is_child(a->child);
	a->el[EL_PURPOSE].intended_only = a->el[EL_PURPOSE].status == ST_MET &&
					  purpose_intended_only(in->ind);
	a->outcome = decide(a);
	set_flags(a, in);
	set_cites(a);
	set_caveats(a, in);
	set_advice(a, in);
	return 0;
}

const char *assess_outcome_name(enum outcome o)
{
	return outcome_names[o];
}

const char *assess_status_name(enum status s)
{
	return status_names[s];
}

const char *assess_child_name(enum child_status c)
{
	return child_names[c];
}

const char *assess_age_group(enum child_status c)
{
	if (c == CHILD_UNKNOWN || (unsigned)c >= sizeof child_names / sizeof child_names[0])
		return "unknown";
	return is_child(c) ? "child" : "adult";
}

const char *assess_flag_name(enum flag f)
{
	return flag_names[f];
}

const char *assess_caveat_name(enum caveat c)
{
	return caveat_names[c];
}

const char *assess_cite_name(enum cite c)
{
	return cite_names[c];
}

const char *assess_advice_name(enum advice v)
{
	return advice_names[v];
}

bool assess_has_advice(const struct assessment *a, enum advice v)
{
	for (int k = 0; k < a->nadvice; k++)
		if (a->advice[k] == v)
			return true;
	return false;
}
