# The Philippines: Republic Act No. 9208 (Anti-Trafficking in Persons Act of
# 2003) as amended by RA 10364 (2012) and RA 11862 (2022). Consent is
# irrelevant ("with or without the victim's consent or knowledge"); a child
# needs no means; the adoption of a child for exploitation is named; a child
# is also a person over 18 unable to fully take care of or protect
# themselves because of a disability or condition (s.3(b)). The acts of
# s.3(a)'s first paragraph go beyond the Protocol's: "obtaining, hiring,
# providing, offering ... maintaining", so an employer who keeps a worker
# by threats in forced labour is within it (Act: any); its second paragraph
# (a child, no means) names only "recruitment, transportation, transfer,
# harboring, adoption or receipt". The licence of the stored text is not
# determined, so it is cited without quoting.
Profile: ph
Jurisdiction: Philippines
Instrument: Republic Act No. 9208 (Anti-Trafficking in Persons Act of 2003), as amended by RA 10364 and RA 11862
Citation: RA 9208, ss. 3(a), 3(b) and 17, as amended
Name: Republic Act No. 9208 as amended
Version: s.3 as amended by RA 10364 (2013); RA 11862 (2022) amended s.3(a) again, and the project holds no text of it
Date: 2013-02-06
Licence: not determined (Philippine statutes are not subject to copyright under Sec. 176 of RA 8293; the stored copies are third-party reproductions)
Status: unverified (not reviewed by a lawyer of the jurisdiction; no official text was reachable)
Source: https://www.officialgazette.gov.ph/
Child-age: 18
Child-note: Under s.3(b) of Republic Act No. 9208 a person over 18 who is
 unable to fully take care of or protect themselves from abuse, neglect,
 cruelty, exploitation or discrimination because of a physical or mental
 disability or condition is also a child: check whether this applies.
Ref: RA 9208 s.3(a), first paragraph
Act-ref: RA 9208 s.3(a) ("obtaining, hiring, providing, offering ... maintaining")
Means-adult: required
Means-child: required
Act: any
Consent: always
Consent-ref: RA 9208 s.3(a) ("with or without the victim's consent or knowledge")

Purpose: purpose.prostitution-of-others
Named: the exploitation or the prostitution of others

Purpose: purpose.sexual-exploitation
Named: other forms of sexual exploitation

Purpose: purpose.forced-labour
Named: forced labor or services

Purpose: purpose.forced-begging
Named: forced labor or services

Purpose: purpose.forced-criminality
Named: forced labor or services

Purpose: purpose.slavery
Named: slavery

Purpose: purpose.servitude
Named: servitude

Purpose: purpose.removal-of-organs
Named: the removal or sale of organs

Purpose: purpose.illegal-adoption
Named: the adoption of a child for the purpose of exploitation, or induced by any form of consideration for exploitative purposes (s.3(a), second paragraph)
For: children

# s.3(a), second paragraph: a child needs no means, with the Protocol's acts
# (adoption as a purpose above).
Rule: child
Purposes: purpose.prostitution-of-others purpose.sexual-exploitation
 purpose.forced-labour purpose.forced-begging purpose.forced-criminality
 purpose.slavery purpose.servitude purpose.removal-of-organs
 purpose.illegal-adoption
For: children
Ref: RA 9208 s.3(a), second paragraph
Means-child: never
Act: protocol

Provision: s3a
Title: RA 9208, Section 3(a) as amended (trafficking in persons)
Role: offence
Citation: Republic Act No. 9208, Sec. 3(a), as amended by RA 10364 and RA 11862
Source: https://www.officialgazette.gov.ph/
Not-quoted: the licence of the stored copy is not determined, and it is not the current text (RA 11862 amended it)

Provision: s3a-child
Title: RA 9208, Section 3(a), second paragraph, and 3(b) ("child")
Role: child
Citation: Republic Act No. 9208, Sec. 3(a), second paragraph, and Sec. 3(b), as amended
Source: https://www.officialgazette.gov.ph/
Not-quoted: the licence of the stored copy is not determined

Provision: s17
Title: RA 9208, Section 17 (legal protection to trafficked persons)
Role: non-punishment
Citation: Republic Act No. 9208, Sec. 17, as amended
Source: https://www.officialgazette.gov.ph/
Not-quoted: its text is not in the project's collection of law texts
