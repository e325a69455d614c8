#!/bin/sh
# End-to-end tests of the law profiles (DESIGN §11) through the real binary:
# `check` validates them; `assess`, `replay`, a piped interview and its text
# export under --law ID (and the default from the configuration) show the
# Protocol's assessment unchanged, then the profile's; --json adds only
# "national"; broken profiles and unknown ids are refused.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/profiles.sh
set -u
. tests/e2e/lib.sh
e2e_setup profiles
P=$E2E/profiles
# national FIELD-TEXT: the "national" object, on one line, contains it.
national() {
	j=$(sed -n '/"national": {/,$p' "$TMP/out" | tr -d '\n' | sed 's/  */ /g')
	case $j in *"$1"*) ;; *) bad "national lacks $1: $j" ;; esac
}

begin "check validates every bundled profile"
run 0 check
has out "screens/law/profiles: 5 law profiles: ok"
end

# protocol_unchanged FILE ID: --json --law ID is the Protocol's JSON byte
# for byte up to its closing brace, then ",\n  \"national\": {".
protocol_unchanged() {
	run 0 assess "$1" --json
	cp "$TMP/out" "$TMP/plain.json"
	run 0 assess "$1" --json --law "$2"
	n=$(($(wc -c <"$TMP/plain.json") - 3))
	head -c "$n" "$TMP/plain.json" >"$TMP/a"
	head -c "$n" "$TMP/out" >"$TMP/b"
	cmp -s "$TMP/a" "$TMP/b" || bad "--law $2 changed the Protocol's JSON"
	tail -c +$((n + 1)) "$TMP/out" | head -c 17 | grep -qF ',' || bad "no member after the Protocol's"
	has out '  "national": {'
	national "\"profile\": \"$2\""
}

# The expected national outcome of each fixture under each profile.
expect() {
	for pair in $2; do
		id=${pair%%=*} outcome=${pair#*=}
		begin "assess $1 --law $id: $outcome"
		protocol_unchanged "$P/$1.in" "$id"
		national "\"outcome\": \"$outcome\""
		end
	done
}
# Recruitment with no travel recorded: under England and Wales s.2 the act
# is unclear (s.2(3), (5)).
expect child-labour-no-means \
	"eu=consistent-child coe=consistent-child gb-ew=incomplete us=not-shown ph=consistent-child"
expect adult-moved-no-means \
	"eu=not-shown coe=not-shown gb-ew=consistent-adult us=not-shown ph=not-shown"
expect adult-forced-marriage \
	"eu=consistent-adult coe=incomplete gb-ew=incomplete us=incomplete ph=incomplete"
# The situations of the second domain review (H5, M8; DESIGN §11 version 2).
expect gb-harbouring-no-travel \
	"eu=consistent-adult coe=consistent-adult gb-ew=not-shown us=consistent-adult ph=consistent-adult"
expect adult-begging-travel-no-means \
	"eu=not-shown coe=not-shown gb-ew=consistent-adult us=not-shown ph=not-shown"
expect labour-deception-only \
	"eu=consistent-adult coe=consistent-adult gb-ew=incomplete us=not-shown ph=consistent-adult"
expect forced-labour-no-act \
	"eu=not-shown coe=not-shown gb-ew=not-shown us=consistent-adult ph=consistent-adult"
expect presumed-minor \
	"eu=consistent-child coe=consistent-child gb-ew=consistent-child us=consistent-child ph=consistent-child"

begin "each difference names the provision that made it"
run 0 assess "$P/gb-harbouring-no-travel.in" --json --law gb-ew
national '"act": {"status": "not-met", "required": true}'
national 's.2(3) and (5) of the Modern Slavery Act 2015: harbouring counts only as a way of arranging or facilitating travel, and no travel is recorded.'
run 0 assess "$P/adult-begging-travel-no-means.in" --json --law gb-ew
national 's.2 with s.1 and s.3(2) of the Modern Slavery Act 2015: the means are not required for an adult.'
national '(s.3(5) of the Modern Slavery Act 2015) are not modelled'
run 0 assess "$P/labour-deception-only.in" --json --law us
national '18 U.S.C. 1589(a): its means for labor or services do not include fraud or deception.'
run 0 assess "$P/forced-labour-no-act.in" --json --law us
national '18 U.S.C. 1589(a) (\"provides or obtains the labor or services\"): no recruitment, transportation, transfer, harbouring or receipt is needed'
run 0 assess "$P/forced-labour-no-act.in" --json --law ph
national 'RA 9208 s.3(a) (\"obtaining, hiring, providing, offering ... maintaining\"): no recruitment'
run 0 --width 1000 assess "$P/gb-harbouring-no-travel.in" --law gb-ew
has out "  - s.2(3) and (5) of the Modern Slavery Act 2015: harbouring counts only as a way of arranging or facilitating travel, and no travel is recorded."
end

begin "coe, eu: the presumption of minority only when minor now is presumed"
for law in coe:art10-3:art10-4 eu:art13-2:art13-16; do
	id=${law%%:*} rest=${law#*:}
	minority=${rest%%:*} assistance=${rest#*:}
	run 0 assess "$P/presumed-minor.in" --json --law "$id"
	national "\"$minority\""
	national "\"$assistance\""
	run 0 assess "$P/child-labour-no-means.in" --json --law "$id"
	j=$(sed -n '/"national": {/,$p' "$TMP/out" | tr -d '\n')
	case $j in *"\"$minority\""*) bad "$id cites $minority for a child of known age" ;; esac
	national "\"$assistance\""
done
end

begin "us: the means for a child depend on the purpose"
run 0 assess "$P/child-labour-no-means.in" --json --law us
national '"means": {"status": "not-met", "required": true}'
national '"cites": ["7102", "1589a"]'
national '18 U.S.C. 1589(a): the means are required for a child too, for labor or services.'
end

begin "gb-ew: no means, the act is travel, consent irrelevant"
run 0 assess "$P/adult-moved-no-means.in" --json --law gb-ew
national '"means": {"status": "not-met", "required": false}'
national '"flags": ["consent-irrelevant"]'
national 's.2(3) and (5) of the Modern Slavery Act 2015: the act is arranging or facilitating travel, and travel is recorded.'
national 's.2(2) of the Modern Slavery Act 2015: consent is irrelevant, whether or not the means were used.'
end

begin "eu: forced marriage is named; non-punishment cites Article 8"
run 0 assess "$P/adult-forced-marriage.in" --json --law eu
national '"flags": ["non-punishment"]'
national '"cites": ["art2-1", "art2-3", "art8"]'
national 'the exploitation includes the exploitation of forced marriage'
has out '"flags": ["beyond-minimum-purpose", "non-punishment"]'
run 0 --width 1000 assess "$P/adult-forced-marriage.in" --law eu
has out "  non-punishment: see Directive 2011/36/EU, Article 8 as replaced by Directive (EU) 2024/1712 (non-prosecution or non-application of penalties) [art8]."
end

begin "coe: cited without quoting, the presumption of minority for a child presumed now"
run 0 --width 1000 assess "$P/presumed-minor.in" --law coe
has out "Under the Council of Europe Convention on Action against Trafficking in Human Beings (CETS No. 197) (Council of Europe; profile coe):"
has out "CETS No. 197, Article 10(3) (presumption of minority) [art10-3], cited, not quoted:"
has out "Not quoted: the licence of the treaty text is not determined."
has out "Check the current law; this is not legal advice."
end

begin "the text: the Protocol first, unchanged; then the law, its texts with their status"
run 0 --width 1000 assess "$P/adult-moved-no-means.in"
cp "$TMP/out" "$TMP/plain.txt"
run 0 --width 1000 assess "$P/adult-moved-no-means.in" --law gb-ew
head -c "$(wc -c <"$TMP/plain.txt")" "$TMP/out" | cmp -s - "$TMP/plain.txt" || bad "the Protocol's summary changed"
has out "Outcome: Consistent with the offence under this law, for an adult [consistent-adult]"
has out "Modern Slavery Act 2015, section 2(1)-(5) [s2], text UNVERIFIED: not checked against the official text:"
has out "(1) A person commits an offence if the person arranges or facilitates the travel of another person (“V”) with a view to V being exploited."
has out "Modern Slavery Act 2015, section 1(1) and (5) [s1], text verified:"
has out "Version of the texts: ss. 1 and 2 as enacted"
has out "Check the current law; this is not legal advice."
end

begin "us and ph: summaries"
run 0 --width 1000 assess "$P/child-labour-no-means.in" --law us
has out "Outcome: Not shown by these answers under this law; this is not proof that the offence did not occur [not-shown]"
has out "18 U.S.C. 1589(a), forced labor [1589a], text UNVERIFIED"
run 0 --width 1000 assess "$P/adult-moved-no-means.in" --law ph
hasnt out "Under Republic Act No. 9208 as amended the means are not required"
has out "is also a child: check whether this applies."
has out "RA 9208 s.3(a) (\"with or without the victim's consent or knowledge\"): consent is irrelevant, whether or not the means were used."
end

begin "the default law from the configuration, and --law none"
mkdir -p "$XDG_CONFIG_HOME/tipscreen"
printf '# the office default\nLaw: us\n' >"$XDG_CONFIG_HOME/tipscreen/law"
run 0 assess "$P/child-labour-no-means.in" --json
national '"profile": "us"'
run 0 assess "$P/child-labour-no-means.in" --json --law none
hasnt out '"national"'
printf 'Lov: us\n' >"$XDG_CONFIG_HOME/tipscreen/law"
run 2 assess "$P/child-labour-no-means.in"
has err "tipscreen/law:1:1: error: unknown field 'Lov' in the law configuration (did you mean 'Law'?)"
rm "$XDG_CONFIG_HOME/tipscreen/law"
end

begin "unknown and broken profiles are refused"
run 2 assess "$P/child-labour-no-means.in" --law xx
has err "no usable law profile 'xx'"
run 2 assess "$P/child-labour-no-means.in" --law ../../etc/passwd
has err "--law takes a profile id"
sed 's/^Means-child: means.threat means.use-of-force means.coercion means.abduction$/Means-child: means.threat means.force/' \
	screens/law/profiles/us.profile >"$TMP/us.profile"
run 2 assess "$P/child-labour-no-means.in" --law "$TMP/us.profile"
has err "us.profile:$(grep -n '^Means-child: means.threat' screens/law/profiles/us.profile | cut -d: -f1):14: error: Means-child: expected required, never or a list of means indicators of DESIGN §3 (means.threat means.use-of-force …), not 'means.force'"
mkdir -p "$TMP/deck/law/profiles"
cp screens/*.screen "$TMP/deck/"
sed 's/^Text: eu-dir2011-36-art8-as-amended-2024.en/Text: eu-dir2011-36-art8.en/' \
	screens/law/profiles/eu.profile >"$TMP/deck/law/profiles/eu.profile"
run 2 check "$TMP/deck"
has err "law/profiles/eu.profile:$(grep -n '^Text: eu-dir2011-36-art8-as' screens/law/profiles/eu.profile | cut -d: -f1):7: error: Text: no law text 'eu-dir2011-36-art8.en' is built in"
sed 's/^Act: travel$/Act: journey/' screens/law/profiles/gb-ew.profile >"$TMP/deck/law/profiles/gb-ew.profile"
sed 's/^Purposes: purpose.prostitution-of-others purpose.sexual-exploitation$/Purposes: purpose.prostitution-of-others purpose.sex/' \
	screens/law/profiles/us.profile >"$TMP/deck/law/profiles/us.profile"
run 2 check "$TMP/deck"
has err "law/profiles/gb-ew.profile:$(grep -n '^Act: travel' screens/law/profiles/gb-ew.profile | cut -d: -f1):6: error: 'journey' is not a value for Act: expected protocol, travel or any"
has err "law/profiles/us.profile:$(grep -n '^Purposes: purpose.prostitution-of-others' screens/law/profiles/us.profile | cut -d: -f1):11: error: Purposes: 'purpose.sex' is not a purpose indicator of DESIGN §3"
end

begin "tipscreen law: the built-in texts; Article 5 a teaching citation, byte for byte"
run 0 law
has out "tip-art5.en                                verified   Article 5, Criminalization [teaching citation: training only, never an assessment's]"
has out "gb-msa2015-s1.en                           verified   Section 1"
[ "$(wc -l <"$TMP/out")" = "$(ls screens/law/*.txt | wc -l)" ] || bad "law lists $(wc -l <"$TMP/out") texts"
run 0 law tip-art5
cmp -s "$TMP/out" screens/law/tip-art5.en.txt || bad "law tip-art5 is not the text byte for byte"
run 0 law tip-art3.fr
cmp -s "$TMP/out" screens/law/tip-art3.fr.txt || bad "law tip-art3.fr is not the text byte for byte"
run 2 law tip-art9
has err "no law text 'tip-art9' is built in"
for id in eu coe gb-ew us ph; do
	run 0 assess "$P/presumed-minor.in" --json --law "$id"
	hasnt out "tip-art5"
	hasnt out "tip-5"
done
end

begin "replay --law gb-ew on the bundled deck"
run 0 --width 1000 replay "$E2E/answers/adult-consistent.answers" --law gb-ew
has out "SUMMARY OF THE SCREENING"
has out "Under s.2 of the Modern Slavery Act 2015 (England and Wales; profile gb-ew):"
run 0 replay "$E2E/answers/adult-consistent.answers" --law gb-ew --json
national '"profile": "gb-ew"'
end

begin "a piped interview --law eu, and its text export"
printf 'correct horse battery staple\n' >"$TMP/pass"
st="--data $TMP/store --passphrase-file $TMP/pass"
IN=$E2E/plain/adult.in run 0 --width 1000 --plain --law eu $st
has out "Under Directive 2011/36/EU as amended by Directive (EU) 2024/1712 (European Union; profile eu):"
run 0 cases $st
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 --width 1000 export "$id" --format txt --law eu $st
has out "Under Directive 2011/36/EU as amended by Directive (EU) 2024/1712 (European Union; profile eu):"
has out "Check the current law; this is not legal advice."
run 0 export "$id" --format txt $st
hasnt out "Under Directive 2011/36/EU"
end

e2e_finish
