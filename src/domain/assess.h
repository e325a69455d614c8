/* assess: the Article 3 rules of DESIGN.md §4 (version 3), exactly.
 *
 * A pure function from struct assess_input to struct assessment: child
 * status, the status of each element, whether it is required, the outcome,
 * flags, citations, caveats and the advice ids in the order of rule 6b. Nothing here knows about screens or
 * wording; the report module turns an assessment into words and JSON. */
#ifndef TIPSCREEN_ASSESS_H
#define TIPSCREEN_ASSESS_H

#include <stdbool.h>

#include "domain/inputs.h"
#include "domain/vocab.h"

enum status { ST_MET, ST_NOT_MET, ST_UNCLEAR };

/* The outcomes of rule 5; consistent-all-elements is all three elements
 * with the age at the time unknown. */
enum outcome {
	OUT_CONSISTENT_CHILD, OUT_CONSISTENT_ADULT, OUT_CONSISTENT_ALL, OUT_NOT_SHOWN,
	OUT_INCOMPLETE
};

/* Flags in the order DESIGN §4 lists them; X(enum suffix, name). */
#define FLAG_TABLE(X) \
	X(INTENDED, "intended-exploitation") \
	X(CONSENT_IRRELEVANT, "consent-irrelevant") \
	X(PURPOSE_WITHOUT_MEANS, "purpose-without-means") \
	X(EXPLOITATION_WITHOUT_ACT, "exploitation-without-act") \
	X(BEYOND_MINIMUM, "beyond-minimum-purpose") \
	X(PRESUMED_CHILD, "presumed-child") \
	X(ESTABLISH_AGE, "establish-age") \
	X(CHILD_NOW, "child-now") \
	X(SMUGGLING, "smuggling") \
	X(NON_PUNISHMENT, "non-punishment") \
	X(REFERRAL_DECLINED, "referral-declined")

#define CAVEAT_TABLE(X) \
	X(NOT_PRIVATE, "not-private") \
	X(CONTROLLER_PRESENT, "controller-present") \
	X(SETTING_UNKNOWN, "setting-unknown") \
	X(INFORMAL_INTERPRETER, "informal-interpreter") \
	X(STOPPED_EARLY, "stopped-early") \
	X(MANY_DECLINED, "many-declined")

/* The Protocol texts cited (rule 7). Article 5 is not among them: intended
 * exploitation is a complete offence, not an attempt. */
#define CITE_TABLE(X) \
	X(TIP_3A, "tip-3a") \
	X(TIP_3B, "tip-3b") \
	X(TIP_3C, "tip-3c") \
	X(TIP_3D, "tip-3d") \
	X(SOM_3A, "som-3a") \
	X(SOM_5, "som-5")

/* The advice ids of DESIGN §3 (version 3), the summary's referral lines.
 * The table's order is the §3 list's, not the order of the advice: rule 6b
 * decides that (struct assessment's advice). */
#define ADVICE_TABLE(X) \
	X(REFER, "refer") \
	X(OFFER_REFERRAL, "offer-referral") \
	X(POLICE_OR_SPECIALIST, "police-or-specialist") \
	X(SCREEN_COMPULSION, "screen-compulsion") \
	X(LABOUR_RIGHTS, "labour-rights") \
	X(SEX_WORK_SERVICES, "sex-work-services") \
	X(FORCED_MARRIAGE_SERVICE, "forced-marriage-service") \
	X(CHECK_NATIONAL_LAW, "check-national-law") \
	X(LINK_TO_ACT, "link-to-act") \
	X(SAFETY_TONIGHT, "safety-tonight") \
	X(OTHERS_AT_RISK, "others-at-risk")

#define X_ENUM(e, name) ADVICE_##e,
enum advice { ADVICE_TABLE(X_ENUM) ADVICE_COUNT };
#undef X_ENUM
#define X_ENUM(e, name) FLAG_##e,
enum flag { FLAG_TABLE(X_ENUM) FLAG_COUNT };
#undef X_ENUM
#define X_ENUM(e, name) CAVEAT_##e,
enum caveat { CAVEAT_TABLE(X_ENUM) CAVEAT_COUNT };
#undef X_ENUM
#define X_ENUM(e, name) CITE_##e,
enum cite { CITE_TABLE(X_ENUM) CITE_COUNT };
#undef X_ENUM

/* Three or more declined answers give the many-declined caveat. */
enum { MANY_DECLINED = 3 };

struct element_result {
	enum status status;
	bool required;
	bool intended_only;	/* purpose: met only through "intended" */
};

struct assessment {
	enum child_status child;	/* under 18 at the time of the act */
	enum child_status child_now;	/* under 18 now ("minor now") */
	bool age_now_doubted;	/* an age now of 18 or more, doubted (rule 1) */
	enum outcome outcome;
	struct element_result el[EL_SMUGGLING];	/* act, means, purpose */
	enum ind_value ind[IND_COUNT];	/* the inputs' combined values */
	bool flag[FLAG_COUNT];
	bool cite[CITE_COUNT];
	bool caveat[CAVEAT_COUNT];
	/* The advice in the order of rule 6b, each id once: the order the
	 * Referral section renders them and the JSON lists them. */
	enum advice advice[ADVICE_COUNT];
	int nadvice;
};

/* Applies the rules. Returns 0, or -1 if the inputs contradict each other
 * (rule 1's errors: inputs_contradiction); *why then says how. */
int assess_run(const struct assess_input *in, struct assessment *out, const char **why);

/* The child status at the time of the act, and the minor-now status, of
 * the inputs alone (DESIGN §4 rule 1). */
enum child_status assess_child(const struct assess_input *in);
enum child_status assess_minor_now(const struct assess_input *in);

/* Whether the inputs record an offence the person may have been compelled
 * to commit (the trigger of non-punishment, rule 6): criminality that
 * happened, irregular entry, or compelled-offence: yes. Intended
 * criminality is no offence yet. Law profiles use the same trigger. */
bool assess_compelled_offence(const struct assess_input *in);

/* The status of one element over the given indicator values (rule 3). */
enum status assess_element(const enum ind_value ind[IND_COUNT], enum element e);

/* Names for JSON and text: "consistent-child", "met", "not-met", … */
const char *assess_outcome_name(enum outcome o);
const char *assess_status_name(enum status s);
const char *assess_child_name(enum child_status c);
/* The age group a child status counts under in the office's statistics:
 * "child" (yes, presumed), "adult" (no) or "unknown". */
const char *assess_age_group(enum child_status c);
const char *assess_flag_name(enum flag f);
const char *assess_caveat_name(enum caveat c);
const char *assess_cite_name(enum cite c);
const char *assess_advice_name(enum advice v);
/* Whether the assessment gives advice v. */
bool assess_has_advice(const struct assessment *a, enum advice v);

#endif
