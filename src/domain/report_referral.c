/* report_referral: the summary's Referral section (report_advice.h), the
 * lines a worker acts on. The assessment's advice ids (DESIGN §4 rule 6b)
 * in words, in their order: the safety lines first, because they decide
 * what happens before the person leaves the room; refer or offer by the
 * age now, and where to by the outcome; the form's advice; the link to the
 * act; recorded conditions; national law. Then what the interview recorded
 * for the referral (a recruitment fee, the conditions, the situation now),
 * and the consent to referral. Never "a matter for the police" for the
 * person themselves. */
#include "domain/report_advice.h"

#include <string.h>

#include "base/xalloc.h"
#include "domain/catalog.h"
#include "domain/evidence.h"

static bool is_child(enum child_status c)
{
	return c == CHILD_YES || c == CHILD_PRESUMED;
}

static void item(struct report *r, const char *text)
{
	report_add(r, SEC_REFERRAL, "  - ", xstrdup(text));
}

/* ---- refer or offer, and where to --------------------------------------- */

static const char *refer_text(const struct assessment *a)
{
	if (is_child(a->child_now))
		return _("Refer to child protection now, whatever the outcome: the person is, or is presumed to be, under 18 now, and their consent is not the gate (tell them what will happen and ask what they want the service to know). A guardian is needed.");
	return _("Refer as for a child until the age now is known: the person was, or is presumed to have been, under 18 when it began.");
}

static const char *offer_text(const struct assessment *a)
{
	if (is_child(a->child))
		return _("Offer a referral, with the person's informed consent: they were under 18 when it began and keep the rights of a person trafficked as a child, but as an adult now they decide about their referral.");
	return _("Offer a referral, with the person's informed consent.");
}

/* Where the referral goes, by the outcome. */
static const char *where_text(const struct assessment *a)
{
	switch (a->outcome) {
	case OUT_NOT_SHOWN:
		return _("The referral is to the services that fit what the person needs; screen again if more comes out.");
	case OUT_INCOMPLETE:
		return _("The referral is for further assessment: the screening is incomplete.");
	default:
		return _("The referral is for formal identification (the national referral mechanism or the competent authority).");
	}
}

/* ---- the form's advice ------------------------------------------------- */

/* Whether police-or-specialist stands for every form of the Protocol's
 * list, shown without an act but with the means or for a child (rule 6). */
static bool every_form(const struct assessment *a)
{
	return a->flag[FLAG_EXPLOITATION_WITHOUT_ACT] &&
	       (a->el[EL_MEANS].status == ST_MET || is_child(a->child));
}

static bool forced_labour_form(const struct assessment *a)
{
	static const enum indicator v[] = { IND_PURPOSE_FORCED_LABOUR, IND_PURPOSE_BEGGING,
					    IND_PURPOSE_CRIMINALITY };
	if (!a->flag[FLAG_PURPOSE_WITHOUT_MEANS] && !a->flag[FLAG_EXPLOITATION_WITHOUT_ACT])
		return false;
	for (size_t k = 0; k < sizeof v / sizeof *v; k++)
		if (a->ind[v[k]] == IV_YES || a->ind[v[k]] == IV_INTENDED)
			return true;
	return false;
}

static const char *police_text(const struct assessment *a)
{
	if (every_form(a) && is_child(a->child))
		return _("Exploitation of a child is shown without an act. Ask first about the link: was the child moved, taken in or kept in order to be exploited? What a family asks of a child at home is not in itself trafficking. Where that link is there, every form of exploitation in the Protocol's list is an offence in itself in most systems: child protection, and the police or a specialist service.");
	if (every_form(a))
		return _("Exploitation is shown with the means but without an act: where the person was moved, taken in or kept for it (see the link below), every form of exploitation in the Protocol's list is an offence in itself in most systems: the police or a specialist service.");
	return _("Slavery, servitude, practices similar to slavery (debt bondage, serfdom, servile marriage, a child handed over) or removal of organs: offences in themselves in most systems, with or without the means: the police or a specialist service.");
}

/* labour-rights: forced labour or services without the means, recorded
 * conditions, or both (one line: each id once). */
static char *labour_text(const struct assessment *a, const struct assess_input *in)
{
	const char *form = _("Forced labour or services (begging and criminality included) is shown without any means: unless the work is exacted under menace of a penalty, a labour-rights matter: a labour-rights referral (the labour inspectorate, a union, legal aid).");
	const char *conditions = _("Exploitative working or living conditions are recorded: a labour-rights referral (the labour inspectorate, a union, legal aid).");
	bool f = forced_labour_form(a), c = in->value[IN_CONDITIONS] == IN_YES;
	if (f && c)
		return xasprintf("%s %s", form, _("Exploitative working or living conditions are recorded as well."));
	return xstrdup(f ? form : conditions);
}

static char *advice_text(const struct assessment *a, const struct assess_input *in,
			 enum advice v)
{
	switch (v) {
	case ADVICE_SAFETY_TONIGHT:
		return xstrdup(_("No safe place tonight: a shelter or a safety plan before the person leaves (the person must, or may have to, go back tonight)."));
	case ADVICE_OTHERS_AT_RISK:
		return xstrdup(_("Others are at risk (children, the family, others in the same place): tell child protection or the police, as the law and the person's safety allow."));
	case ADVICE_REFER:
		return xasprintf("%s %s", refer_text(a), where_text(a));
	case ADVICE_OFFER_REFERRAL:
		return xasprintf("%s %s", offer_text(a), where_text(a));
	case ADVICE_POLICE_OR_SPECIALIST:
		return xstrdup(police_text(a));
	case ADVICE_SCREEN_COMPULSION:
		return xstrdup(_("Screen again for compulsion: can the person refuse the work or leave it without a penalty (lost pay, threats, a debt, papers kept)? Forced labour is work exacted under the menace of a penalty and not offered voluntarily (ILO Forced Labour Convention, C29, Article 2(1))."));
	case ADVICE_LABOUR_RIGHTS:
		return labour_text(a, in);
	case ADVICE_SEX_WORK_SERVICES:
		return xstrdup(_("An adult's prostitution or sexual exploitation is shown without the means: national law decides whether a third party's part is an offence. Offer health, rights and specialist services; the police only with the person's consent or where the law requires it."));
	case ADVICE_FORCED_MARRIAGE_SERVICE:
		return xstrdup(_("Forced marriage: an offence in many systems: the police, or a specialist forced-marriage service."));
	case ADVICE_CHECK_NATIONAL_LAW:
		return xstrdup(_("A form of exploitation beyond the Protocol's explicit list (forced marriage, illegal adoption, exploitation of surrogacy or another form): check whether national law covers it, and refer to the service that fits."));
	case ADVICE_LINK_TO_ACT:
		return xstrdup(_("Exploitation is shown without an act: keeping a person in exploitation is harbouring, and taking them in is receipt. Check harbouring and receipt, and whether the act was done for the purpose of the exploitation (the link), before concluding."));
	default:
		return xstrdup(assess_advice_name(v));
	}
}

/* ---- what the interview recorded ------------------------------------- */

/* A recorded item with a line of its own for the referral, by its id in the
 * bundled deck (tests/unit/test_report.c checks that the deck has it). */
static const struct {
	const char *id;
	const char *text;
} recorded_advice[] = {
	{ "means.fees", N_("A recruitment fee was paid or is owed: employment agencies shall not charge workers any fees or costs (ILO Private Employment Agencies Convention, C181, Article 7): a labour-rights referral can help.") },
};

static void recorded(struct report *r, const struct evidence *ev, size_t nev)
{
	bool any = false;
	for (size_t i = 0; i < nev; i++) {
		if (ev[i].kind != EV_RECORDED)
			continue;
		if (!any)
			item(r, _("Recorded for the referral:"));
		any = true;
		report_add(r, SEC_REFERRAL, "      ",
			   xstrdup(catalog_get(i18n_current(), ev[i].ctx, ev[i].text)));
		for (size_t k = 0; k < sizeof recorded_advice / sizeof *recorded_advice; k++)
			if (ev[i].ctx && strcmp(ev[i].ctx, recorded_advice[k].id) == 0)
				report_add(r, SEC_REFERRAL, "      ",
					   xstrdup(_(recorded_advice[k].text)));
	}
}

/* ---- the consent to referral -------------------------------------------- */

static const char *consent_text(const struct assessment *a, const struct assess_input *in)
{
	int answer = in->value[IN_REFERRAL] < 0 ? IN_UNKNOWN : in->value[IN_REFERRAL];
	if (answer == IN_YES)
		return _("Consent to referral: yes.");
	if (answer == IN_NO && assess_has_advice(a, ADVICE_REFER))
		return _("Consent to referral: no. For a child, refer all the same, and explain to them what will happen.");
	if (answer == IN_NO)
		return _("Consent to referral: no. Give the contacts; refer without consent only where the law requires it.");
	if (assess_has_advice(a, ADVICE_REFER))
		return _("Consent to referral: not recorded. A child is referred in any case: tell them what will happen, and ask what they want the service to know.");
	return _("Consent to referral: not recorded. Ask the person before referring them.");
}

void report_advice_referral(struct report *r, const struct assessment *a,
			    const struct assess_input *in, const struct evidence *ev, size_t nev)
{
	report_add(r, SEC_REFERRAL, NULL, xstrdup(""));
	report_add(r, SEC_REFERRAL, NULL, xstrdup(_("Referral:")));
	for (int k = 0; k < a->nadvice; k++)
		report_add(r, SEC_REFERRAL, "  - ", advice_text(a, in, a->advice[k]));
	recorded(r, ev, nev);
	item(r, consent_text(a, in));
}
