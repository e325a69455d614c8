# United States (federal): 22 U.S.C. 7102 (definitions of the Trafficking
# Victims Protection Act), 18 U.S.C. 1589 (forced labor) and 1591 (sex
# trafficking). A person under 18 induced to perform a commercial sex act
# needs no force, fraud or coercion; labor or services need them, for a
# child too. State law is not covered.
Profile: us
Jurisdiction: United States (federal law)
Instrument: United States Code, 22 U.S.C. 7102; 18 U.S.C. 1589 and 1591
Citation: 22 U.S.C. 7102(3), (4), (11), (12); 18 U.S.C. 1589(a), 1591(a)
Name: 22 U.S.C. 7102 and 18 U.S.C. 1589 and 1591
Version: 7102 as renumbered by Pub. L. 115-427 (2019); 1589 as amended by Pub. L. 110-457 (2008); 1591 as amended by Pub. L. 114-22 (2015)
Date: 2019-01-09
Licence: public domain (17 U.S.C. 105)
Status: unverified (profile not reviewed by a US lawyer; texts from a mirror of the US Code, unverified)
Source: https://uscode.house.gov/
Child-age: 18
Means-adult: always
Means-child: some
Means: means.threat means.use-of-force means.coercion means.abduction means.fraud means.deception
Act: protocol
Consent: not-addressed

Purpose: purpose.prostitution-of-others
Named: a commercial sex act
Means-child: not-required
Cite: 1591a

Purpose: purpose.sexual-exploitation
Named: a commercial sex act
Means-child: not-required
Note: Under 18 U.S.C. 1591 and 22 U.S.C. 7102(12) sexual exploitation counts
 only as a commercial sex act (one on account of which anything of value is
 given to or received by any person): check that it was commercial.
Cite: 1591a

Purpose: purpose.forced-labour
Named: labor or services
Means-child: required
Cite: 1589a

Purpose: purpose.forced-begging
Named: labor or services
Means-child: required
Cite: 1589a

Purpose: purpose.forced-criminality
Named: labor or services
Means-child: required
Cite: 1589a

Purpose: purpose.slavery
Named: slavery
Means-child: required
Cite: 1589a

Purpose: purpose.practices-similar-to-slavery
Named: peonage or debt bondage
Means-child: required
Cite: 1589a

Purpose: purpose.servitude
Named: involuntary servitude
Means-child: required
Cite: 1589a

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
