# The European Union: Directive 2011/36/EU as amended by Directive (EU)
# 2024/1712 (in force 14 July 2024; transposition by 15 July 2026). It binds
# the Member States, whose own codes must be checked. The new forms of
# exploitation: begging, criminal activities, surrogacy, forced marriage,
# illegal adoption (Art. 2(3)). The presumption of minority (Art. 13(2))
# applies only when the age is uncertain; Arts. 13-16 (assistance, support
# and protection of child victims) to every child victim.
Profile: eu
Jurisdiction: European Union
Instrument: Directive 2011/36/EU as amended by Directive (EU) 2024/1712
Citation: Directive 2011/36/EU, Arts. 2, 8 and 13-16, as amended by Directive (EU) 2024/1712
Name: Directive 2011/36/EU as amended by Directive (EU) 2024/1712
Version: Directive (EU) 2024/1712 of 13 June 2024 (EUR-Lex consolidated version 02011L0036-20240714); the Member States transpose it by 15 July 2026
Date: 2024-07-14
Licence: EU reuse (Commission Decision 2011/833/EU)
Status: unverified (not reviewed by a lawyer of the jurisdiction; texts from a third-party reproduction of the adopted text, unverified)
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Child-age: 18
Ref: Directive 2011/36/EU, Art. 2
Means-adult: required
Means-child: never
Act: protocol
Consent: if-means

Purpose: purpose.prostitution-of-others
Named: the exploitation of the prostitution of others

Purpose: purpose.sexual-exploitation
Named: other forms of sexual exploitation

Purpose: purpose.forced-labour
Named: forced labour or services

Purpose: purpose.forced-begging
Named: forced labour or services, including begging

Purpose: purpose.forced-criminality
Named: the exploitation of criminal activities

Purpose: purpose.slavery
Named: slavery

Purpose: purpose.practices-similar-to-slavery
Named: practices similar to slavery

Purpose: purpose.servitude
Named: servitude

Purpose: purpose.removal-of-organs
Named: the removal of organs

Purpose: purpose.surrogacy
Named: the exploitation of surrogacy
Note: Under Article 2(5) of Directive 2011/36/EU as amended, the rule that a
 child needs no means does not apply to the exploitation of surrogacy unless
 the surrogate mother is a child.

Purpose: purpose.forced-marriage
Named: the exploitation of forced marriage

Purpose: purpose.illegal-adoption
Named: the exploitation of illegal adoption

Provision: art2-1
Title: Directive 2011/36/EU, Article 2(1) (the offence)
Role: offence
Citation: Directive 2011/36/EU, Art. 2(1) (not amended by Directive (EU) 2024/1712)
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Not-quoted: its text is not in the project's collection of law texts

Provision: art2-3
Title: Directive 2011/36/EU, Article 2(3) as amended by Directive (EU) 2024/1712
Role: offence
Text: eu-dir2011-36-art2-as-amended-2024.en
Lines: 3.

Provision: art2-5
Title: Directive 2011/36/EU, Article 2(5) as amended by Directive (EU) 2024/1712
Role: child
Text: eu-dir2011-36-art2-as-amended-2024.en
Lines: 5.

Provision: art2-6
Title: Directive 2011/36/EU, Article 2(6) ("child")
Role: child
Citation: Directive 2011/36/EU, Art. 2(6)
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Not-quoted: its text is not in the project's collection of law texts

Provision: art2-4
Title: Directive 2011/36/EU, Article 2(4) (consent)
Role: consent
Citation: Directive 2011/36/EU, Art. 2(4)
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Not-quoted: its text is not in the project's collection of law texts

Provision: art8
Title: Directive 2011/36/EU, Article 8 as replaced by Directive (EU) 2024/1712 (non-prosecution or non-application of penalties)
Role: non-punishment
Text: eu-dir2011-36-art8-as-amended-2024.en

Provision: art13-2
Title: Directive 2011/36/EU, Article 13(2) (presumption of minority)
Role: minority
Citation: Directive 2011/36/EU, Art. 13(2)
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Not-quoted: its text is not in the project's collection of law texts

Provision: art13-16
Title: Directive 2011/36/EU, Articles 13 to 16 (assistance, support and protection of child victims)
Role: child-now
Citation: Directive 2011/36/EU, Arts. 13-16
Source: https://eur-lex.europa.eu/legal-content/EN/ALL/?uri=CELEX%3A32011L0036
Not-quoted: its text is not in the project's collection of law texts
