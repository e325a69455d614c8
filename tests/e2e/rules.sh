#!/bin/sh
# End-to-end tests of the assessment rules of DESIGN §4 (version 3) through
# the real binary: `assess` in words and its errors; `replay` on the bundled
# deck and on test decks that set the inputs of versions 2 and 3; piped
# interviews on those decks with their exports. The JSON fixtures of
# tests/e2e/assess/ are compared by tests/e2e/run.sh; among them the second
# domain review's reproductions (coached-19-doubted, sex-worker-declined,
# organs-without-means, forced-begging-without-means, …).
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/rules.sh
set -u
. tests/e2e/lib.sh
e2e_setup rules
json() { tr -d '\n' <"$TMP/out" | sed 's/  */ /g'; }

begin "assess: a child then, an adult now"
run 0 --width 1000 assess "$E2E/assess/child-then-adult-now.in"
has out "[consistent-child]"
has out "Under 18 when it began: yes (age 16 at the time)."
has out "Under 18 now: no (age 22 now)."
hasnt out "child-now:"
end

begin "assess: the presumption of minority now"
run 0 --width 1000 assess "$E2E/assess/presumed-minor-now.in"
has out "Under 18 when it began: presumed"
has out "Under 18 now: presumed"
has out "presumed-child: "
has out "Council of Europe Convention, Article 10(3); Directive 2011/36/EU, Article 13(2)"
has out "establish-age: "
has out "child-now: "
end

begin "assess: all three elements with the age unknown"
run 0 --width 1000 assess "$E2E/assess/all-elements-unknown-age.in"
has out "Outcome: Consistent with all three elements of trafficking in persons; the age at the time is unknown (Article 3(a)) [consistent-all-elements]"
hasnt out "[consistent-adult]"
end

begin "assess: intended exploitation cites no Article 5"
run 0 --width 1000 assess "$E2E/assess/intended-only.in"
has out "intended-exploitation: "
has out "This is not an attempt."
hasnt out "Article 5(2)"
hasnt out "[tip-5"
end

begin "assess: forced criminality and smuggling quote SOM Article 5 and flag non-punishment"
run 0 --width 1000 assess "$E2E/assess/forced-criminality-smuggled.in"
has out "non-punishment: "
has out "Smuggling of Migrants Protocol, Article 5 [som-5, en], text verified:"
has out "Migrants shall not become liable to criminal prosecution under this Protocol for the fact of having been the object of conduct set forth in article 6 of this Protocol."
has out "Words the answers matched: transportation; harbouring; coercion; forced labour or services."
end

begin "assess: exploitation without an act, a declined referral, an unknown setting"
run 0 --width 1000 assess "$E2E/assess/exploitation-without-act.in"
has out "[not-shown]"
has out "exploitation-without-act: "
run 0 --width 1000 assess "$E2E/assess/referral-declined.in"
has out "referral-declined: "
run 0 --width 1000 assess "$E2E/assess/setting-unknown.in"
has out "setting-unknown: "
end

begin "assess refuses an age at the act above the age now, on the later key's line"
printf 'age-now: 19\nact.recruitment: yes\nage-at-act: 25\n' >"$TMP/ages.in"
run 2 assess --json "$TMP/ages.in"
has err "$TMP/ages.in:3:1: error: age-at-act is above age-now"
[ -s "$TMP/out" ] && bad "printed a result for contradictory input"
printf 'age-at-act: 25\nact.recruitment: yes\nage-now: 19\n' >"$TMP/ages2.in"
run 2 assess --json "$TMP/ages2.in"
has err "$TMP/ages2.in:3:1: error: age-at-act is above age-now"
end

begin "assess: the coached 19, doubted, keeps the presumption of minority (review 2, H1)"
run 0 --width 1000 assess "$E2E/assess/coached-19-doubted.in"
has out "[consistent-child]"
has out "Under 18 now: presumed (age 19 given, doubted: there are reasons to believe the person is under 18"
has out "Under 18 when it began: presumed (age 18 given for the time, doubted with the age now"
has out "child-now: "
has out "Refer to child protection now, whatever the outcome"
hasnt out "Offer a referral"
end

begin "assess refuses the doubt without an age now, and child: no with a doubt"
printf 'act.recruitment: yes\nage-now-doubted: yes\n' >"$TMP/doubt.in"
run 2 assess "$TMP/doubt.in"
has err "$TMP/doubt.in:2:1: error: age-now-doubted needs age-now"
printf 'age-now: 19\nchild: no\nact.recruitment: yes\nage-now-doubted: yes\n' >"$TMP/doubt2.in"
run 2 assess "$TMP/doubt2.in"
has err "$TMP/doubt2.in:4:1: error: child: no contradicts age-now-doubted: yes"
printf 'age-now: 19\nminor-now: presumed\n' >"$TMP/doubt3.in"
run 2 assess "$TMP/doubt3.in"
has err "$TMP/doubt3.in:2:1: error: minor-now: presumed and unknown apply only when age-now is not known, or is doubted"
printf 'age-now: 19\nage-now-doubted: perhaps\n' >"$TMP/doubt4.in"
run 2 assess "$TMP/doubt4.in"
has err "$TMP/doubt4.in:2:18: error: 'perhaps' is not a value for age-now-doubted: expected yes or no"
end

begin "assess: an adult sex worker who declined is offered services, never police (review 2, H3b)"
run 0 --width 1000 assess "$E2E/assess/sex-worker-declined.in"
has out "national law decides whether a third party's part is an offence. Offer health, rights and specialist services; the police only with the person's consent or where the law requires it."
hasnt out "a matter for the police"
hasnt out "the police or a specialist service"
has out "referral-declined: "
end

begin "assess: organ removal and debt bondage without means go to the police or a specialist (review 2, H3a)"
for f in organs-without-means bondage-without-means; do
	run 0 --width 1000 assess "$E2E/assess/$f.in"
	has out "offences in themselves in most systems, with or without the means: the police or a specialist service."
	hasnt out "labour-rights"
done
end

begin "assess: forced labour without means is labour rights, then screen again for compulsion (review 2, H3c)"
run 0 --width 1000 assess "$E2E/assess/forced-begging-without-means.in"
has out "unless the work is exacted under menace of a penalty, a labour-rights matter"
has out "Screen again for compulsion"
hasnt out "police"
end

begin "assess: the referral's safety lines come first, recorded conditions last"
run 0 --width 1000 assess "$E2E/assess/safety-first.in"
sed -n '/^Referral:/,/^$/p' "$TMP/out" >"$TMP/ref"
first=$(sed -n 2p "$TMP/ref") second=$(sed -n 3p "$TMP/ref") third=$(sed -n 4p "$TMP/ref")
case $first in "  - No safe place tonight: a shelter or a safety plan before the person leaves"*) ;; *) bad "first line: $first" ;; esac
case $second in "  - Others are at risk"*) ;; *) bad "second line: $second" ;; esac
case $third in "  - Offer a referral"*) ;; *) bad "third line: $third" ;; esac
has out "Exploitative working or living conditions are recorded: a labour-rights referral"
end

begin "assess: a child at home without an act is asked about the link first (review 2, L5)"
run 0 --width 1000 assess "$E2E/assess/child-at-home-without-act.in"
has out "Ask first about the link: was the child moved, taken in or kept in order to be exploited?"
has out "What a family asks of a child at home is not in itself trafficking."
end

begin "assess: non-punishment by its version 3 trigger and wording"
run 0 --width 1000 assess "$E2E/assess/compelled-offence.in"
has out "non-punishment: The person may have been compelled to commit offences"
has out "they may be protected from prosecution or penalties for them. Raise it with the prosecutor or the referral mechanism"
hasnt out "should not be prosecuted"
run 0 --width 1000 assess "$E2E/assess/intended-criminality.in"
hasnt out "non-punishment: "
end

begin "assess in French: the review's terms, and a space before each label's colon"
run 0 --width 1000 --lang fr assess "$E2E/assess/sex-worker-declined.in"
has out "Points d'attention :"
has out "Orientation :"
hasnt out "Signalements"
hasnt out "établi"
hasnt out "affaire pour la police"
run 0 --width 1000 --lang fr assess "$E2E/assess/bondage-without-means.in"
has out "relève de la police ou d'un service spécialisé"
run 0 --width 1000 --lang es assess "$E2E/assess/compelled-offence.in"
has out "principio de no punición"
hasnt out "no sanción"
end

begin "assess refuses a minor-now that the age contradicts"
printf 'age-now: 20\nminor-now: yes\n' >"$TMP/minor.in"
run 2 assess "$TMP/minor.in"
has err "$TMP/minor.in:2:1: error: minor-now: yes contradicts age-now 18 or over"
printf 'age-now: 16\nchild: no\n' >"$TMP/child.in"
run 2 assess "$TMP/child.in"
has err "$TMP/child.in:2:1: error: child: no contradicts age-now under 18"
end

begin "assess refuses unknown values of the new keys"
printf 'minor-now: perhaps\nreferral-consent: later\n' >"$TMP/vals.in"
run 2 assess "$TMP/vals.in"
has err "$TMP/vals.in:1:12: error: 'perhaps' is not a value for minor-now: expected yes, no, presumed or unknown"
has err "$TMP/vals.in:2:19: error: 'later' is not a value for referral-consent: expected yes, no or unknown"
end

begin "replay on the bundled deck: a historical presumption"
run 0 replay --json "$E2E/answers/presumed-then.answers"
j=$(json)
case $j in *'"child": "presumed", "child_now": "unknown", "age_now_doubted": false, "outcome": "consistent-child"'*) ;;
	*) bad "child, child_now, outcome: $j" ;; esac
case $j in *'"flags": ["presumed-child", "establish-age"]'*) ;; *) bad "flags: $j" ;; esac
end

begin "replay on a deck that sets age-now, minor-now and referral-consent"
run 0 replay --deck "$E2E/decks/v2-inputs" --json "$E2E/answers/v2-child-now.answers"
cp "$TMP/out" "$TMP/replay.json"
j=$(json)
case $j in *'"child": "yes", "child_now": "yes", "age_now_doubted": false, "outcome": "consistent-child"'*) ;;
	*) bad "child, child_now, outcome: $j" ;; esac
case $j in *'"flags": ["intended-exploitation", "child-now"]'*) ;; *) bad "flags: $j" ;; esac
printf 'age-now: 16\nact.recruitment: yes\npurpose.forced-begging: intended\nreferral-consent: no\n' >"$TMP/same.in"
run 0 assess --json "$TMP/same.in"
cmp -s "$TMP/out" "$TMP/replay.json" || bad "replay and assess differ: $(diff "$TMP/replay.json" "$TMP/out" | head -5)"
run 0 replay --deck "$E2E/decks/v2-inputs" "$E2E/answers/v2-child-now.answers"
has out "Under 18 now: yes (age 16 now)."
has out "Words the answers matched: recruitment; forced labour or services."
end

begin "replay on the test deck: an adult now who declines a referral"
sed 's/^age.now: 16/age.now: 30/' "$E2E/answers/v2-child-now.answers" >"$TMP/adult.answers"
run 0 replay --deck "$E2E/decks/v2-inputs" --json "$TMP/adult.answers"
j=$(json)
case $j in *'"child": "unknown", "child_now": "no", "age_now_doubted": false, "outcome": "incomplete"'*) ;;
	*) bad "child, child_now, outcome: $j" ;; esac
case $j in *'"flags": ["intended-exploitation", "establish-age", "referral-declined"]'*) ;; *) bad "flags: $j" ;; esac
end

begin "a piped interview on the test deck: the summary and the exports carry the age now"
printf 'correct horse battery staple\n' >"$TMP/pass"
st="--deck $E2E/decks/v2-inputs --data $TMP/store --passphrase-file $TMP/pass"
printf '\n16\ny\ni\n\nn\n\n\n\n' >"$TMP/answers.in"
IN=$TMP/answers.in run 0 --plain $st
has out "Under 18 now: yes (age 16 now)."
has out "child-now: "
run 0 cases $st
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 export "$id" $st
has out '"child_now": "yes"'
has out '"flags": ["intended-exploitation", "child-now"]'
run 0 export "$id" --format txt $st
has out "Under 18 now: yes (age 16 now)."
end

begin "replay on a deck that sets the version 3 inputs: the same assessment as assess"
run 0 replay --deck "$E2E/decks/v3-inputs" --json "$E2E/answers/v3-coached.answers"
cp "$TMP/out" "$TMP/replay3.json"
j=$(json)
case $j in *'"child": "presumed", "child_now": "presumed", "age_now_doubted": true, "outcome": "consistent-child"'*) ;;
	*) bad "child, child_now, age_now_doubted, outcome: $j" ;; esac
case $j in *'"advice": ["safety-tonight", "others-at-risk", "refer", "labour-rights"]'*) ;; *) bad "advice: $j" ;; esac
case $j in *'"non-punishment"'*) ;; *) bad "no non-punishment: $j" ;; esac
printf 'age-now: 19\nage-now-doubted: yes\nact.recruitment: yes\npurpose.prostitution-of-others: yes\ncompelled-offence: yes\nconditions.exploitative: yes\nnow.going-back: unknown\nnow.others-at-risk: yes\n' >"$TMP/same3.in"
run 0 assess --json "$TMP/same3.in"
cmp -s "$TMP/out" "$TMP/replay3.json" || bad "replay and assess differ: $(diff "$TMP/replay3.json" "$TMP/out" | head -5)"
end

begin "a piped interview on the version 3 test deck: the summary, the export and the advice"
printf 'correct horse battery staple\n' >"$TMP/pass3"
st3="--deck $E2E/decks/v3-inputs --data $TMP/store3 --passphrase-file $TMP/pass3"
printf '\n19\ny\ny\ny\ny\ny\nd\ny\n\n\n\n' >"$TMP/answers3.in"
IN=$TMP/answers3.in run 0 --plain --width 1000 $st3
has out "  - No safe place tonight: a shelter or a safety plan before the person leaves"
run 0 cases $st3
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 export "$id" $st3
has out '"advice": ["safety-tonight", "others-at-risk", "refer", "labour-rights"]'
has out '"age_now_doubted": true'
end

begin "a stopped interview says where it stopped, in the case file and its summary"
printf '\n19\ny\ny\n!\n\n\n\n' >"$TMP/stop3.in"
IN=$TMP/stop3.in run 0 --plain --width 1000 $st3
has out "The interview stopped early, at purpose.q (in Purpose): the questions after it were not asked."
run 0 cases $st3
id=$(awk '$6 == "stopped" { print $1 }' "$TMP/out" | head -n 1)
[ -n "$id" ] || bad "no stopped case listed: $(cat "$TMP/out")"
run 0 --width 1000 export "$id" --format txt $st3
has out "Stopped: at purpose.q (\"Does someone else arrange paid sex for you, or take money from it?\", in Purpose),"
has out "The interview was stopped at purpose.q (in Purpose; see Stopped above)"
end

e2e_finish
