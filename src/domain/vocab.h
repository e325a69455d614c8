/* vocab: the fixed vocabulary of DESIGN.md §3.
 *
 * Indicator ids, elements and answer values are a contract shared by the
 * deck, exports, `assess` input and scenario files, so they live in one
 * table. Each indicator also names the words of the law text it matches,
 * which the summary highlights. All returned strings are static. */
#ifndef TIPSCREEN_VOCAB_H
#define TIPSCREEN_VOCAB_H

enum element { EL_ACT, EL_MEANS, EL_PURPOSE, EL_SMUGGLING, EL_COUNT };

/* X(enum suffix, id, element, citation id, words matched in that text), in
 * the order of DESIGN §3. Forced begging and forced criminality are forms of
 * forced labour or services (Directive 2011/36/EU Art. 2(3)), so they match
 * those words; forced marriage, illegal adoption, surrogacy and "other" are
 * beyond the Protocol's explicit list and match none. */
#define INDICATOR_TABLE(X) \
	X(ACT_RECRUITMENT, "act.recruitment", EL_ACT, "tip-3a", "recruitment") \
	X(ACT_TRANSPORTATION, "act.transportation", EL_ACT, "tip-3a", "transportation") \
	X(ACT_TRANSFER, "act.transfer", EL_ACT, "tip-3a", "transfer") \
	X(ACT_HARBOURING, "act.harbouring", EL_ACT, "tip-3a", "harbouring") \
	X(ACT_RECEIPT, "act.receipt", EL_ACT, "tip-3a", "receipt") \
	X(MEANS_THREAT, "means.threat", EL_MEANS, "tip-3a", "threat") \
	X(MEANS_FORCE, "means.use-of-force", EL_MEANS, "tip-3a", "use of force") \
	X(MEANS_COERCION, "means.coercion", EL_MEANS, "tip-3a", "coercion") \
	X(MEANS_ABDUCTION, "means.abduction", EL_MEANS, "tip-3a", "abduction") \
	X(MEANS_FRAUD, "means.fraud", EL_MEANS, "tip-3a", "fraud") \
	X(MEANS_DECEPTION, "means.deception", EL_MEANS, "tip-3a", "deception") \
	X(MEANS_POWER, "means.abuse-of-power", EL_MEANS, "tip-3a", "abuse of power") \
	X(MEANS_VULNERABILITY, "means.abuse-of-vulnerability", EL_MEANS, "tip-3a", \
	  "a position of vulnerability") \
	X(MEANS_PAYMENT, "means.payment-to-controller", EL_MEANS, "tip-3a", \
	  "giving or receiving of payments or benefits to achieve the consent of a person having control over another person") \
	X(PURPOSE_PROSTITUTION, "purpose.prostitution-of-others", EL_PURPOSE, "tip-3a", \
	  "exploitation of the prostitution of others") \
	X(PURPOSE_SEXUAL, "purpose.sexual-exploitation", EL_PURPOSE, "tip-3a", \
	  "other forms of sexual exploitation") \
	X(PURPOSE_FORCED_LABOUR, "purpose.forced-labour", EL_PURPOSE, "tip-3a", \
	  "forced labour or services") \
	X(PURPOSE_BEGGING, "purpose.forced-begging", EL_PURPOSE, "tip-3a", \
	  "forced labour or services") \
	X(PURPOSE_CRIMINALITY, "purpose.forced-criminality", EL_PURPOSE, "tip-3a", \
	  "forced labour or services") \
	X(PURPOSE_SLAVERY, "purpose.slavery", EL_PURPOSE, "tip-3a", "slavery") \
	X(PURPOSE_SIMILAR, "purpose.practices-similar-to-slavery", EL_PURPOSE, "tip-3a", \
	  "practices similar to slavery") \
	X(PURPOSE_MARRIAGE, "purpose.forced-marriage", EL_PURPOSE, NULL, NULL) \
	X(PURPOSE_SERVITUDE, "purpose.servitude", EL_PURPOSE, "tip-3a", "servitude") \
	X(PURPOSE_ORGANS, "purpose.removal-of-organs", EL_PURPOSE, "tip-3a", "removal of organs") \
	X(PURPOSE_ADOPTION, "purpose.illegal-adoption", EL_PURPOSE, NULL, NULL) \
	X(PURPOSE_SURROGACY, "purpose.surrogacy", EL_PURPOSE, NULL, NULL) \
	X(PURPOSE_OTHER, "purpose.other", EL_PURPOSE, NULL, NULL) \
	X(SMUGGLING_ENTRY, "smuggling.irregular-entry", EL_SMUGGLING, "som-3a", "illegal entry") \
	X(SMUGGLING_PAID, "smuggling.paid-facilitator", EL_SMUGGLING, "som-3a", \
	  "financial or other material benefit")

#define X_ENUM(e, id, el, cite, words) IND_##e,
enum indicator { INDICATOR_TABLE(X_ENUM) IND_COUNT };
#undef X_ENUM

/* Answer values an indicator can take (DESIGN §3). IV_ABSENT: not in the
 * input at all, which the assessment ignores. */
enum ind_value {
	IV_ABSENT, IV_YES, IV_INTENDED, IV_NO, IV_DONTKNOW, IV_DECLINED, IV_UNANSWERED,
	IV_COUNT
};

const char *indicator_id(enum indicator i);
/* The indicator with this id, or -1. */
int indicator_lookup(const char *id);
enum element indicator_element(enum indicator i);
/* The law text the indicator's words are in ("tip-3a"), and the words;
 * both NULL for the purposes beyond the Protocol's list. */
const char *indicator_cite(enum indicator i);
const char *indicator_words(enum indicator i);

/* "act", "means", "purpose", "smuggling". */
const char *element_name(enum element e);
int element_lookup(const char *name);

/* "yes", "intended", … ; "absent" for IV_ABSENT. */
const char *ind_value_name(enum ind_value v);
/* The value in words for people ("don't know"), in the interface language. */
const char *ind_value_text(enum ind_value v);
/* The value with this name (not "absent"), or -1. */
int ind_value_lookup(const char *name);

#endif
