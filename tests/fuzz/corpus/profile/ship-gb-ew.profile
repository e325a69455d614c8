# England and Wales: the Modern Slavery Act 2015. Human trafficking (s.2) is
# arranging or facilitating travel with a view to exploitation; no means,
# for an adult or a child; consent to the travel is irrelevant (s.2(2)).
# Recruiting, transporting, transferring, harbouring or receiving are ways
# of arranging or facilitating the travel (s.2(3)), and travel must occur
# (s.2(5)): the deck records it as act.transportation ("took the person, or
# arranged their travel"; within a country too) or as a border crossed
# (smuggling.irregular-entry, smuggling.paid-facilitator). Exploitation is
# defined by s.3; s.3(6) (children and vulnerable persons) is not in
# ../shared/protocol and is cited without quoting.
Profile: gb-ew
Jurisdiction: England and Wales
Instrument: Modern Slavery Act 2015 (2015 c. 30)
Citation: Modern Slavery Act 2015, ss. 1-3
Name: s.2 of the Modern Slavery Act 2015
Version: ss. 1 and 2 as enacted; s.3 (1)-(5) as revised on legislation.gov.uk (amendments after enactment not checked)
Date: 2015-03-26
Licence: Open Government Licence v3.0
Status: unverified (not reviewed by a lawyer of the jurisdiction; s.2 and s.3 texts unverified)
Source: https://www.legislation.gov.uk/ukpga/2015/30
Child-age: 18
Ref: s.2 of the Modern Slavery Act 2015
Means-adult: never
Means-child: never
Act: travel
Act-ref: s.2(3) and (5) of the Modern Slavery Act 2015
Consent: always
Consent-ref: s.2(2) of the Modern Slavery Act 2015

Purpose: purpose.prostitution-of-others
Named: sexual exploitation (s.3(3))

Purpose: purpose.sexual-exploitation
Named: sexual exploitation (s.3(3))
Note: Under s.3(3) of the Modern Slavery Act 2015 sexual exploitation is what
 involves an offence under Part 1 of the Sexual Offences Act 2003 or s.1(1)(a)
 of the Protection of Children Act 1978: check which offence.

Purpose: purpose.forced-labour
Named: forced or compulsory labour (s.1, s.3(2))

Purpose: purpose.forced-begging
Named: forced or compulsory labour (s.1, s.3(2)); for a child, securing services (s.3(6))
Note: Begging or criminal activities count here as forced or compulsory
 labour (s.1, s.3(2)): for an adult the deck records them only when exacted
 under the menace of a penalty, and for a child s.3(6) needs no means.
 Services secured from an adult by force, threats or deception without that
 compulsion (s.3(5) of the Modern Slavery Act 2015) are not modelled: check
 s.3(5) where the answers record deception, threats or force.

Purpose: purpose.forced-criminality
Named: forced or compulsory labour (s.1, s.3(2)); for a child, securing services (s.3(6))
Note: Begging or criminal activities count here as forced or compulsory
 labour (s.1, s.3(2)): for an adult the deck records them only when exacted
 under the menace of a penalty, and for a child s.3(6) needs no means.
 Services secured from an adult by force, threats or deception without that
 compulsion (s.3(5) of the Modern Slavery Act 2015) are not modelled: check
 s.3(5) where the answers record deception, threats or force.

Purpose: purpose.slavery
Named: slavery (s.1, s.3(2))

Purpose: purpose.practices-similar-to-slavery
Named: servitude (s.1, s.3(2))

Purpose: purpose.servitude
Named: servitude (s.1, s.3(2))

Purpose: purpose.removal-of-organs
Named: removal of organs etc (s.3(4))

# Securing services from a child (s.3(6)) needs no means: for a child this
# rule comes first, so that its provision is the one the summary names.
Rule: children-services
Purposes: purpose.forced-labour purpose.forced-begging purpose.forced-criminality
For: children
Ref: s.2 with s.3(6) of the Modern Slavery Act 2015
Cite: s3-6

# Slavery, servitude and forced or compulsory labour (s.3(2), an offence
# under s.1, construed by ECHR Art. 4): for an adult the deck's items on
# forced labour, begging and criminality assert the compulsion (DESIGN §3).
Rule: slavery-labour
Purposes: purpose.forced-labour purpose.forced-begging purpose.forced-criminality
 purpose.slavery purpose.practices-similar-to-slavery purpose.servitude
Ref: s.2 with s.1 and s.3(2) of the Modern Slavery Act 2015
Cite: s1

Rule: sexual
Purposes: purpose.prostitution-of-others purpose.sexual-exploitation
Ref: s.2 with s.3(3) of the Modern Slavery Act 2015
Cite: s3

Rule: organs
Purposes: purpose.removal-of-organs
Ref: s.2 with s.3(4) of the Modern Slavery Act 2015
Cite: s3

Provision: s2
Title: Modern Slavery Act 2015, section 2(1)-(5)
Role: offence
Text: gb-msa2015-s2.en
Lines: (1) (2) (3) (4) (a) (b) (5) (a) (b) (c)

Provision: s1
Title: Modern Slavery Act 2015, section 1(1) and (5)
Role: purpose
Text: gb-msa2015-s1.en
Lines: (1) (a) (b) (5)

Provision: s3
Title: Modern Slavery Act 2015, section 3(1)-(5) (subsection (6) not quoted)
Role: purpose
Text: gb-msa2015-s3.en

Provision: s3-6
Title: Modern Slavery Act 2015, section 3(6) (securing services etc from children and vulnerable persons)
Role: purpose
Citation: Modern Slavery Act 2015 (2015 c. 30), s.3(6)
Source: https://www.legislation.gov.uk/ukpga/2015/30/section/3
Not-quoted: its text is not in the project's verified collection (the stored copy breaks off inside (6)(a))

Provision: s45
Title: Modern Slavery Act 2015, section 45 (defence for slavery or trafficking victims who commit an offence)
Role: non-punishment
Citation: Modern Slavery Act 2015 (2015 c. 30), s.45
Source: https://www.legislation.gov.uk/ukpga/2015/30/section/45
Not-quoted: its text is not in the project's collection of law texts
