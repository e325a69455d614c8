# United States (federal): 22 U.S.C. 7102 (definitions of the Trafficking
# Victims Protection Act), 18 U.S.C. 1589 (forced labor) and 1591 (sex
# trafficking). Each offence has its own means and acts:
# - 1589(a): whoever "provides or obtains" labor or services by force,
#   threats, serious harm, abuse of legal process or a scheme: no fraud or
#   deception among its means, for a child too; no recruitment, transport or
#   harbouring needed.
# - 7102(11)(B): "the recruitment, harboring, transportation, provision, or
#   obtaining of a person for labor or services, through the use of force,
#   fraud, or coercion" for involuntary servitude, peonage, debt bondage or
#   slavery.
# - 1591(a): a commercial sex act by force, threats of force, fraud or
#   coercion, or by a person under 18 with no means; its acts include
#   "provides, obtains ... maintains".
# State law is not covered.
Profile: us
Jurisdiction: United States (federal law)
Instrument: United States Code, 22 U.S.C. 7102; 18 U.S.C. 1589 and 1591
Citation: 22 U.S.C. 7102(3), (4), (11), (12); 18 U.S.C. 1589(a), 1591(a)
Name: 22 U.S.C. 7102 and 18 U.S.C. 1589 and 1591
Version: 7102 as renumbered by Pub. L. 115-427 (2019); 1589 as amended by Pub. L. 110-457 (2008); 1591 as amended by Pub. L. 114-22 (2015)
Date: 2019-01-09
Licence: public domain (17 U.S.C. 105)
Status: unverified (not reviewed by a lawyer of the jurisdiction; texts from a mirror of the US Code, unverified)
Source: https://uscode.house.gov/
Child-age: 18
Means-adult: required
Means-child: required
Means: means.threat means.use-of-force means.coercion means.abduction means.fraud means.deception
Act: any
Consent: not-addressed

Purpose: purpose.prostitution-of-others
Named: a commercial sex act

Purpose: purpose.sexual-exploitation
Named: a commercial sex act
Note: Under 18 U.S.C. 1591 and 22 U.S.C. 7102(12) sexual exploitation counts
 only as a commercial sex act (one on account of which anything of value is
 given to or received by any person): check that it was commercial.

Purpose: purpose.forced-labour
Named: labor or services

Purpose: purpose.forced-begging
Named: labor or services

Purpose: purpose.forced-criminality
Named: labor or services

Purpose: purpose.slavery
Named: slavery

Purpose: purpose.practices-similar-to-slavery
Named: peonage or debt bondage

Purpose: purpose.servitude
Named: involuntary servitude

# 1589(a)(1)-(4): force, threats, physical restraint, serious harm, abuse of
# legal process, a scheme; not fraud or deception.
Rule: 1589
Purposes: purpose.forced-labour purpose.forced-begging purpose.forced-criminality
 purpose.slavery purpose.practices-similar-to-slavery purpose.servitude
Ref: 18 U.S.C. 1589(a)
Act-ref: 18 U.S.C. 1589(a) ("provides or obtains the labor or services")
Means-adult: means.threat means.use-of-force means.coercion means.abduction
Means-child: means.threat means.use-of-force means.coercion means.abduction
Cite: 1589a

# Force, fraud or coercion, for subjection to involuntary servitude,
# peonage, debt bondage or slavery.
Rule: 7102-11b
Purposes: purpose.slavery purpose.practices-similar-to-slavery purpose.servitude
Ref: 22 U.S.C. 7102(11)(B)
Act-ref: 22 U.S.C. 7102(11)(B) ("provision, or obtaining of a person")

# A person under 18 in a commercial sex act needs no means.
Rule: 1591
Purposes: purpose.prostitution-of-others purpose.sexual-exploitation
Ref: 18 U.S.C. 1591(a)
Act-ref: 18 U.S.C. 1591(a) ("provides, obtains, advertises, maintains")
Means-child: never
Cite: 1591a

Provision: 7102
Title: 22 U.S.C. 7102, paragraphs (3), (4), (11) and (12)
Role: offence
Text: us-22usc7102-defs.en

Provision: 1589a
Title: 18 U.S.C. 1589(a), forced labor
Role: purpose
Text: us-18usc1589a.en

Provision: 1591a
Title: 18 U.S.C. 1591(a), sex trafficking of children or by force, fraud, or coercion
Role: purpose
Text: us-18usc1591a.en
