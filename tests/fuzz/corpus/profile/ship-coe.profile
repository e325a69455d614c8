# The Council of Europe Convention on Action against Trafficking in Human
# Beings (CETS No. 197, Warsaw 2005): the Protocol's definition (Art. 4),
# with the presumption of minority (Art. 10(3): only when the age is
# uncertain), the measures for an unaccompanied child victim (Art. 10(4))
# and the non-punishment provision (Art. 26). The licence of the treaty text is not determined, so
# every provision is cited without quoting. It binds the Parties, whose own
# codes must be checked.
Profile: coe
Jurisdiction: Council of Europe
Instrument: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Warsaw, 16 May 2005
Citation: CETS No. 197, Arts. 4, 10(3), 10(4) and 26
Name: the Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197)
Version: text as opened for signature on 16 May 2005 (the Convention has not been amended)
Date: 2005-05-16
Licence: not determined (treaty text; the Council of Europe's reuse terms were not checked)
Status: unverified (not reviewed by a lawyer of the jurisdiction; the texts were read from a mirror of the Dutch treaty database)
Source: https://wetten.overheid.nl/BWBV0004138
Child-age: 18
Ref: CETS No. 197, Art. 4(a)
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
Named: forced labour or services

Purpose: purpose.forced-criminality
Named: forced labour or services

Purpose: purpose.slavery
Named: slavery

Purpose: purpose.practices-similar-to-slavery
Named: practices similar to slavery

Purpose: purpose.servitude
Named: servitude

Purpose: purpose.removal-of-organs
Named: the removal of organs

Provision: art4-a
Title: CETS No. 197, Article 4(a) ("trafficking in human beings")
Role: offence
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 4(a)
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined

Provision: art4-b
Title: CETS No. 197, Article 4(b) (consent)
Role: consent
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 4(b)
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined

Provision: art4-c-d
Title: CETS No. 197, Article 4(c) and (d) (a child)
Role: child
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 4(c) and (d)
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined

Provision: art10-3
Title: CETS No. 197, Article 10(3) (presumption of minority)
Role: minority
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 10(3)
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined

Provision: art10-4
Title: CETS No. 197, Article 10(4) (an unaccompanied child victim: a legal guardian, identity and nationality, the family)
Role: child-now
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 10(4)
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined

Provision: art26
Title: CETS No. 197, Article 26 (non-punishment provision)
Role: non-punishment
Citation: Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197), Art. 26
Source: https://wetten.overheid.nl/BWBV0004138
Not-quoted: the licence of the treaty text is not determined
