#!/bin/sh
# Training (DESIGN §10): the scenarios as the deck's regression tests
# (`tipscreen scenarios`), their checks (`tipscreen check`), and the debrief
# of a trainee's answers file (`tipscreen train ID --answers FILE`).
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/train.sh
set -u
. tests/e2e/lib.sh
e2e_setup train
FARM=screens/scenarios/farm-no-choice.scenario

begin "scenarios: every bundled scenario agrees with its expected assessment"
run 0 scenarios
has out "ok   farm-no-choice: consistent-adult; flags consent-irrelevant; cites tip-3a tip-3b"
has out "ok   girl-who-agreed: consistent-child"
grep -q '^[0-9]* scenarios: \([0-9]*\) agree, 0 differ$' "$TMP/out" || bad "no count line: $(tail -1 "$TMP/out")"
hasnt out "FAIL"
end

begin "scenarios --json: a list of id, outcome, flags, cites, agree"
run 0 scenarios --json
has out '{"id": "girl-who-agreed", "outcome": "consistent-child", "flags": ["consent-irrelevant", "child-now"], "cites": ["tip-3a", "tip-3c", "tip-3d"], "agree": true}'
hasnt out '"agree": false'
end

# A copy of the deck whose farm scenario has one expert answer changed.
mkdir -p "$TMP/deck/scenarios"
cp screens/*.screen "$TMP/deck/"
cp -r screens/law "$TMP/deck/"
sed 's/^Expert: yes$/&/' "$FARM" | awk '
	/^Ask: means.vulnerability-used$/ { in_q = 1 }
	in_q && /^Expert:/ { print "Expert: no"; in_q = 0; next }
	{ print }' > "$TMP/deck/scenarios/farm-no-choice.scenario"

begin "scenarios: a key changed to a wrong answer fails (exit 1) and says what was expected"
grep -q '^Expert: no$' "$TMP/deck/scenarios/farm-no-choice.scenario" || bad "the test's edit did not apply"
run 1 --deck "$TMP/deck" scenarios
has out "FAIL farm-no-choice: not-shown; flags purpose-without-means; cites tip-3a"
has out "expected consistent-adult; flags consent-irrelevant; cites tip-3a tip-3b"
has out "1 scenario: 0 agree, 1 differ"
run 1 --deck "$TMP/deck" scenarios --json
has out '"id": "farm-no-choice", "outcome": "not-shown"'
has out '"agree": false}'
end

begin "scenarios DIR: the scenarios of another directory against the deck"
run 1 scenarios "$TMP/deck/scenarios"
has out "FAIL farm-no-choice"
run 0 scenarios screens/scenarios
end

begin "check: a scenario's mistakes each with file:line:col, exit 2"
cat > "$TMP/deck/scenarios/bad.scenario" <<'SCEN'
Scenario: bad
Version: 1
Title: t
Audience: ngo lawyer
Level: expert
Teaches: t
Persona: p
Outcome: consistent-kid
Flags: smugling
Cites: tip-3a tip-9

Ask: means.liedd
Expert: yes

Ask: means.lied
Expert: perhaps
Critical: maybe

Ask: purpose.begging-compelled
Says: "I sit at the station."

About: purpse
Teaching: x

Foo: bar
SCEN
run 2 --deck "$TMP/deck" check
f=$TMP/deck/scenarios/bad.scenario
has err "$f:4:15: error: unknown audience (a setup.role code) 'lawyer'"
has err "$f:5:8: error: unknown level 'expert'"
has err "$f:8:10: error: unknown outcome 'consistent-kid' (did you mean 'consistent-child'?)"
has err "$f:9:8: error: unknown flag 'smugling' (did you mean 'smuggling'?)"
has err "$f:10:15: error: unknown citation 'tip-9'"
has err "$f:12:6: error: unknown screen or item id 'means.liedd' (did you mean 'means.lied'?)"
has err "$f:16:9: error: 'perhaps' is not an answer to means.lied: expected yes, no"
has err "$f:17:11: error: 'maybe' is not a value for Critical: expected yes or no"
has err "$f:19:1: error: question 'purpose.begging-compelled' has no 'Expert:' answer"
has err "$f:22:8: error: unknown element or flag 'purpse' (did you mean 'purpose'?)"
has err "$f:25:1: error: expected a stanza starting 'Ask:' (a question) or 'About:' (a teaching point)"
run 2 --deck "$TMP/deck" scenarios
end

begin "check: a scenario without its required fields names each"
printf 'Scenario: thin\nVersion: 1\n' > "$TMP/deck/scenarios/bad.scenario"
run 2 --deck "$TMP/deck" check
has err "bad.scenario:1:1: error: the scenario's first stanza has no 'Persona:' field"
has err "bad.scenario:1:1: error: the scenario's first stanza has no 'Outcome:' field"
rm "$TMP/deck/scenarios/bad.scenario"
end

begin "train --answers --json: the expert's own answers score 100 with no critical miss"
grep -v '^#' tests/e2e/situations/07-farm-vulnerability-used.answers > "$TMP/expert.answers"
run 0 train farm-no-choice --answers "$TMP/expert.answers" --json
has out '"scenario": "farm-no-choice"'
has out '"score": 100,'
has out '"critical": [],'
has out '"outcome": {"trainee": "consistent-adult", "expert": "consistent-adult", "agree": true}'
end

begin "train --answers --json: a trainee who missed the abused vulnerability"
run 0 train farm-no-choice --answers $E2E/train/farm-missed-vulnerability.answers --json
has out '"critical": ["means", "outcome", "means.vulnerability-used"],'
has out '"means": {"trainee": "not-met", "expert": "met", "agree": false}'
has out '"act": {"trainee": "met", "expert": "met", "agree": true}'
has out '"child": {"trainee": "no", "expert": "no", "agree": true}'
has out '"outcome": {"trainee": "not-shown", "expert": "consistent-adult", "agree": false}'
has out '{"id": "purpose.conditions", "trainee": "dontknow", "expert": "yes", "critical": false, "agree": false, "seconds": null}'
# 57 questions answered with a choice, less the 4 the card does not make
# knowable (Graded: no: setup.interpreter, now.tonight, now.others,
# now.family) = 53 graded: 2 critical (3 points), 51 others (1); 5 elements
# of 2 points: 6 + 51 + 10 = 67 possible. Missed: one critical question (3),
# one other (1), two elements (4): 59 of 67, floor(100 × 59 / 67) = 88.
has out '"score": 88,'
end

begin "train --answers: Graded: no answers are neither earned nor possible (farm-no-choice)"
# The card never says whether there is an interpreter, nor where he sleeps
# tonight, nor anything of others or his family: a trainee who answers them
# otherwise keeps the same score (59 of 67, as above).
sed -e 's/^setup.interpreter: .*/setup.interpreter: none/' -e 's/^now.tonight: .*/now.tonight: yes/' \
	-e 's/^now.others: .*/now.others: dontknow/' -e 's/^now.family: .*/now.family: yes/' \
	$E2E/train/farm-missed-vulnerability.answers > "$TMP/ungraded.answers"
run 0 train farm-no-choice --answers "$TMP/ungraded.answers" --json
has out '"score": 88,'
for q in setup.interpreter now.tonight now.others now.family; do
	hasnt out "\"id\": \"$q\""
done
run 0 train farm-no-choice --answers "$TMP/ungraded.answers"
has out "FAILED — Score: 88% (59 of 67)"
hasnt out "setup.interpreter"
end

begin "scenarios: the Art. 5 scenario is bundled and agrees; tip-art5 is a teaching citation only"
REC=screens/scenarios/recruiter-who-was-recruited.scenario
run 0 scenarios
has out "ok   recruiter-who-was-recruited: consistent-adult; flags consent-irrelevant non-punishment; cites tip-3a tip-3b"
grep -q '^Teaching-Cites: tip-art5$' $REC || bad "no Teaching-Cites: tip-art5"
grep '^Cites:' $REC | grep -q 'tip-art5' && bad "tip-art5 among the assessment citations (Cites:)"
grep -q '^Audience: police' $REC || bad "not for police"
end

begin "train --answers: the Art. 5 debrief quotes tip-art5 under what the scenario teaches, never as an assessment"
# A trainee who treats her only as the recruiter (offences.compelled: no).
# 58 graded questions, 5 critical (means.lied, means.debt-control,
# purpose.paid-sex, offences.warning, offences.compelled): 15 + 53 = 68, and
# 5 elements of 2 points: 78 possible. Missed: offences.compelled (3):
# 75 of 78, floor(100 × 75 / 78) = 96; failed (a critical miss).
run 0 train recruiter-who-was-recruited --answers $E2E/train/recruiter-only-suspect.answers
has out "FAILED — Score: 96% (75 of 78)"
has out "!! offences.compelled"
has out "!! flag non-punishment: you did not raise it, the expert raised it"
teach=$(grep -n '^What this scenario teaches:' "$TMP/out" | cut -d: -f1)
art5=$(grep -n '\[tip-art5\]:$' "$TMP/out" | cut -d: -f1)
[ "$(grep -c '\[tip-art5\]' "$TMP/out")" = 1 ] || bad "tip-art5 quoted more than once, or not at all"
[ "$(grep -c 'Organizing or directing other persons to commit an offence' "$TMP/out")" = 1 ] ||
	bad "Art. 5(2)(c) not quoted exactly once"
[ -n "$teach" ] && [ -n "$art5" ] && [ "$art5" -gt "$teach" ] ||
	bad "tip-art5 is not under what the scenario teaches ($teach, $art5)"
sed -n "1,${teach:-1}p" "$TMP/out" | grep -q 'Article 5\|tip-art5' && bad "Art. 5 quoted among the differences"
has out "Organizing or directing others (Art. 5(2)(c)) is the madam's liability,"
run 0 train recruiter-who-was-recruited --answers $E2E/train/recruiter-only-suspect.answers --json
has out '"teaching_cites": ["tip-art5"],'
has out '"critical": ["offences.compelled", "non-punishment"],'
has out '"score": 96,'
end

begin "the Art. 5 scenario in French and Spanish: the card, the intro's setting, the debrief"
run 0 train recruiter-who-was-recruited --card --lang fr
has out "La recruteuse qui avait été recrutée"
has out "Vous êtes une femme de 29 ans."
has out "« La madame ? Ils l'ont emmenée ailleurs. Je ne l'ai pas vue. »"
hasnt out "You are a woman of 29."
printf '\n' > "$TMP/enter.in"
# Enter, then the end of input: the intro only (the session ends before the debrief).
IN=$TMP/enter.in run 1 --width 1000 train recruiter-who-was-recruited --plain --lang es
has out "FORMACIÓN: La reclutadora que había sido reclutada"
has out "Una comisaría. Esta mañana la policía hizo una redada en un salón de masajes;"
hasnt out "madam"
hasnt out "Art. 5"
run 0 --width 1000 train recruiter-who-was-recruited --answers $E2E/train/recruiter-only-suspect.answers --lang fr
has out "ÉCHEC — Score: 96% (75 sur 78)"
has out "Le repérage ne tranche rien de tout cela : il oriente."
has out "[tip-art5]"
end

begin "train --answers: the debrief in words, critical misses first, the law quoted verbatim"
run 0 train farm-no-choice --answers $E2E/train/farm-missed-vulnerability.answers
has out "TRAINING debrief: Farm work for food, no papers (farm-no-choice, version 3)"
has out "FAILED — Score: 88% (59 of 67)"
[ "$(sed -n 2p "$TMP/out")" = "FAILED — Score: 88% (59 of 67)" ] || bad "pass/fail and the score are not first"
has out "means      not-met                    met                        DIFFER"
crit=$(grep -n '^Critical misses:' "$TMP/out" | cut -d: -f1)
other=$(grep -n '^Other differences:' "$TMP/out" | cut -d: -f1)
vuln=$(grep -n '!! means.vulnerability-used$' "$TMP/out" | cut -d: -f1)
cond=$(grep -n -- '-- purpose.conditions$' "$TMP/out" | cut -d: -f1)
has out "    you answered no, the expert yes"
has out "    Someone used the person's lack of money, papers, language or support,"
[ -n "$crit" ] && [ -n "$other" ] && [ -n "$vuln" ] && [ -n "$cond" ] &&
	[ "$crit" -lt "$vuln" ] && [ "$vuln" -lt "$other" ] && [ "$other" -lt "$cond" ] ||
	bad "not critical misses first: $crit $vuln $other $cond"
has out "Teaching point: The item asks whether the vulnerability was used"
has out "Trafficking in Persons Protocol, Article 3(b) [tip-3b]:"
has out "      (b) The consent of a victim of trafficking in persons to the intended"
end

begin "train: an unknown scenario, a missing --answers, a bad answers file: exit 2"
run 2 train no-such --answers "$TMP/expert.answers"
has err "no scenario 'no-such'"
run 2 train farm-no-choice --answers /nonexistent
printf 'means.lied: perhaps\n' > "$TMP/bad.answers"
run 2 train farm-no-choice --answers "$TMP/bad.answers"
has err "bad.answers:1:13: error: 'perhaps' is not an answer to means.lied"
end

begin "pot: the scenarios' texts, with the scenario id as the context"
run 0 pot
has out 'msgctxt "farm-no-choice"'
has out 'msgid "Farm work for food, no papers"'
grep -A1 'msgctxt "girl-who-agreed"' "$TMP/out" | grep -qF 'msgid "\"I am sixteen. Is that a problem?\""' ||
	bad "a Says line of girl-who-agreed is not in the template"
end

begin "graph --path: the scenario's expert path bold, the rest as before"
run 0 graph
cp "$TMP/out" "$TMP/plain.dot"
run 0 graph --path supervisor-interprets
has out '"setup.interpreter-tie" [label="setup.interpreter-tie\n(yesno)", style="filled,bold", fillcolor="#ffd27f"];'
has out '"setup.interpreter-tie" -> "stop" [label="not (setup.interpreter-tie = no)", color="#d95f02", penwidth=3];'
has out '"stop" -> "referral" [color="#d95f02", penwidth=3];'
hasnt out '"consent.agree" [label="consent.agree\n(yesno)", style='
[ "$(grep -c 'filled,bold' "$TMP/out")" = 8 ] || bad "not the 8 screens of the path filled"
[ "$(grep -c 'penwidth=3' "$TMP/out")" = 7 ] || bad "not the 7 edges of the path bold"
sed -e 's/, style="filled,bold", fillcolor="#ffd27f"//' -e 's/ \[color="#d95f02", penwidth=3\]//' \
	-e 's/, color="#d95f02", penwidth=3//' "$TMP/out" | cmp -s - "$TMP/plain.dot" ||
	bad "--path changed more than the path's style"
run 2 graph --path no-such
has err "no scenario 'no-such'"
end

begin "results of three trainees sealed to the trainer; trainer report prints the class matrix"
printf 'trainer passphrase\n' >"$TMP/kpass"
K="--passphrase-file $TMP/kpass"
run 0 keygen "$TMP/trainer" $K --trainer
has out "(give it to the trainees)"
has out "(the trainer key: keep it offline"
run 0 keygen "$TMP/other" $K
run 0 train farm-no-choice --answers "$TMP/expert.answers" --result "$TMP/ana.res" --to "$TMP/trainer.pub" --trainee ana
has err "the result is in $TMP/ana.res"
for t in ben cleo; do
	run 0 train farm-no-choice --answers $E2E/train/farm-missed-vulnerability.answers \
		--result "$TMP/$t.res" --to "$TMP/trainer.pub" --trainee $t
done
[ "$(stat -c %a "$TMP/ben.res")" = 600 ] || bad "a result file is not 0600"
grep -q 'vulnerability' "$TMP/ben.res" && bad "the result is not sealed"
run 0 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K
has out "farm-no-choice v3: 3 trainees, 1 passed"
has out "  class agreement (Fleiss' kappa): 0."
grep -q '^  ana  *100% yes   1.00     -  ok  *ok  *ok  *ok  *ok$' "$TMP/out" || bad "no row for ana"
grep -q '^  ben  *88% NO  *0.[0-9][0-9]     -  ok  *DIFFER  *ok  *ok  *DIFFER$' "$TMP/out" || bad "no row for ben"
grep -q '^  cleo ' "$TMP/out" || bad "no row for cleo"
has out "  !! 2 of 3  means.vulnerability-used  agreement 0.33  time -"
has out "  -- 2 of 3  purpose.conditions  agreement 0.33  time -"
crit=$(grep -n '!! 2 of 3  means.vulnerability-used' "$TMP/out" | cut -d: -f1)
other=$(grep -n -- '-- 2 of 3  purpose.conditions' "$TMP/out" | cut -d: -f1)
[ "$crit" -lt "$other" ] || bad "a non-critical miss is listed above a critical one"
awk 'length($0) > 80 { exit 1 }' "$TMP/out" || bad "a line of the report is wider than 80 columns"
run 0 --width 60 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K
awk '{ if (length($0) > 60) exit 1 }' "$TMP/out" || bad "a line of the report is wider than --width 60"
run 0 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K --format csv
has out '"ben","farm-no-choice","3","88","no",'
has out ',"","agree","not-met","agree","agree","not-shown"'
has out '"not-met","agree","agree","not-shown"'
run 0 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K --format json
has out '{"id": "farm-no-choice", "version": 3, "trainees": 3, "passed": 1, "fleiss": '
has out '{"trainee": "ana", "score": 100, "pass": true, "kappa": 1.0000, "seconds": null}'
has out '{"id": "means.vulnerability-used", "critical": true, "missed": 2, "asked": 3, "agreement": 0.3333, "mean_seconds": null}'
french_locale
in_french run 0 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K --format json
jq -e . "$TMP/out" >/dev/null 2>&1 || bad "under a French locale the report's JSON does not parse"
has out '"kappa": 1.0000'
in_french run 0 trainer report "$TMP/ana.res" "$TMP/ben.res" "$TMP/cleo.res" --key "$TMP/trainer.key" $K
has out "  class agreement (Fleiss' kappa): 0."
run 2 trainer report "$TMP/ana.res" --key "$TMP/trainer.key" $K --format yaml
has err "--format txt|csv|json"
end

begin "trainer report: two scenarios counted apart, a damaged file named and skipped, exit 2"
run 0 train girl-who-agreed --answers "$TMP/expert.answers" --result "$TMP/dan.res" --to "$TMP/trainer.pub" --trainee dan
printf 'not a result\n' > "$TMP/damaged.res"
run 2 trainer report "$TMP/ana.res" "$TMP/damaged.res" "$TMP/ben.res" "$TMP/dan.res" --key "$TMP/trainer.key" $K
has err "$TMP/damaged.res: error: not a training result: skipped, the others are reported"
has out "Class report: 3 results, 2 scenarios"
has out "farm-no-choice v3: 2 trainees, 1 passed"
has out "girl-who-agreed v3: 1 trainee, 0 passed"
has out "  class agreement (Fleiss' kappa): -"
hasnt out "of 3"
grep -q '^  dan ' "$TMP/out" || bad "no row for dan"
end

begin "train --result: an existing file or a missing key refused before the first question"
IN=$E2E/train/farm-solo.in run 2 train farm-no-choice --plain --solo --result "$TMP/ana.res" --to "$TMP/trainer.pub" --trainee ana
has err "$TMP/ana.res: error: the file exists (a result is never overwritten)"
hasnt out "TRAINING"
hasnt out "screen 1 of"
IN=$E2E/train/farm-solo.in run 2 train farm-no-choice --plain --result "$TMP/new.res" --to "$TMP/none.pub" --trainee ana
hasnt out "TRAINING"
IN=$E2E/train/farm-solo.in run 2 train farm-no-choice --plain --result "$TMP/no/such/dir/new.res" --to "$TMP/trainer.pub" --trainee ana
has err "its folder cannot be written"
hasnt out "TRAINING"
IN=/dev/null run 2 train --plain --result "$TMP/ana.res" --to "$TMP/trainer.pub" --trainee ana
hasnt out "choose a scenario"
end

begin "train --result of a live session: the time per question in the result, the debrief and the report"
IN=$E2E/train/farm-missed.in run 0 --width 1000 train farm-no-choice --plain --solo --result "$TMP/live.res" --to "$TMP/trainer.pub" --trainee eve
has out "Time: 0:00; the slowest questions:"
run 0 trainer report "$TMP/live.res" "$TMP/ana.res" --key "$TMP/trainer.key" $K
grep -q '^  eve  *88% NO  *0.[0-9][0-9]  0:00  ok ' "$TMP/out" || bad "no time for eve: $(grep eve "$TMP/out")"
has out "  !! 1 of 2  means.vulnerability-used  agreement 0.00  time 0:00"
run 0 trainer report "$TMP/live.res" --key "$TMP/trainer.key" $K --format json
has out '"seconds": 0}'
# A pseudonym is the trainee's own text: the report's CSV guards it as
# the exports do (a formula, or a look-alike of one, made inert).
n=0
for t in '=HYPERLINK("http://x.example","y")' '+1' '-1' '@x' '＝1+2' 'plain'; do
	n=$((n + 1))
	run 0 train farm-no-choice --answers "$TMP/expert.answers" --result "$TMP/f$n.res" \
		--to "$TMP/trainer.pub" --trainee "$t"
done
run 0 trainer report "$TMP"/f[1-6].res --key "$TMP/trainer.key" $K --format csv
has out "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"y\"\")\",\"farm-no-choice\""
has out "\"'+1\",\"farm-no-choice\""
has out "\"'-1\",\"farm-no-choice\""
has out "\"'@x\",\"farm-no-choice\""
has out "\"'＝1+2\",\"farm-no-choice\""
has out '"plain","farm-no-choice"'
run 2 trainer report "$TMP/ana.res" --key "$TMP/other.key" $K
has err "$TMP/ana.res: error: not sealed to this key"
hasnt out "ana"
run 2 trainer report "$TMP/ana.res" --key "$TMP/trainer.key" --passphrase-file /dev/null
hasnt err "office"
run 2 train farm-no-choice --answers "$TMP/expert.answers" --result "$TMP/ana.res" --to "$TMP/trainer.pub" --trainee ana
has err "a result is never overwritten"
run 2 train farm-no-choice --answers "$TMP/expert.answers" --result "$TMP/x.res" --to "$TMP/trainer.pub"
[ ! -e "$TMP/x.res" ] || bad "a result written without --trainee"
end

# A deck with the fixture scenario of the classroom's format, and a French
# catalogue with its translations (msgctxt: the scenario id).
mkdir -p "$TMP/cdeck/scenarios" "$TMP/loc"
cp screens/*.screen "$TMP/cdeck/"
cp -r screens/law "$TMP/cdeck/"
cp $E2E/train/classroom.scenario "$TMP/cdeck/scenarios/"
cp locales/es.po "$TMP/loc/"
{ cat locales/fr.po; grep -v '^#' $E2E/train/classroom.fr.po; } > "$TMP/loc/fr.po"
CL="--deck $TMP/cdeck --locales $TMP/loc"
printf 'setup.role: labour\nsetup.place: shelter\nsetup.contact: inspection\nsetup.interpreter: other\nsetup.interpreter-tie: yes\n' > "$TMP/cl.answers"

begin "train --card --lang fr: the partner's card in French, from the PO file's scenario context"
run 0 $CL train classroom-fixture --card --lang fr
has out "L'interprète de l'inspecteur"
has out "SECRET-PERSONA Vous êtes ouvrier ; votre chef traduit."
has out "  > Le chef : « Je traduis pour lui. »"
has out "Si l'on vous demande autre chose"
hasnt out "classroom-fixture"
run 0 $CL train classroom-fixture --card
has out "SECRET-PERSONA You are a worker; your supervisor translates."
end

begin "train --plain --lang fr: the intro in French, the setting only, no teaching point"
IN=/dev/null run 1 $CL train classroom-fixture --plain --lang fr
has out "FORMATION: L'interprète de l'inspecteur"
has out "Une inspection du travail sur un chantier, dans le bureau du chantier."
has out "Ce que le scénario"
hasnt out "SECRET"
IN=/dev/null run 1 $CL train classroom-fixture --plain --solo
has out "A labour inspection at a building site, in the site office."
hasnt out "SECRET"
end

begin "train --answers --lang fr: the debrief in French; Graded: no is not counted"
run 0 $CL train classroom-fixture --answers "$TMP/cl.answers" --lang fr
has out "RÉUSSI — Score: 100% (18 sur 18)"
has out "4 sur 4"
run 0 $CL train classroom-fixture --answers "$TMP/cl.answers" --json
hasnt out '"setup.place"'
sed 's/setup.interpreter-tie: yes/setup.interpreter-tie: no/' "$TMP/cl.answers" > "$TMP/cl2.answers"
run 0 $CL train classroom-fixture --answers "$TMP/cl2.answers" --lang fr
has out "ÉCHEC — Score:"
has out "Ce n'est pas privé tant que le chef est là."
end

begin "Teaching-Cites: the debrief teaches the scenario's lesson and quotes Art. 5, never as an assessment citation"
run 0 $CL train classroom-fixture --answers "$TMP/cl.answers"
has out "What this scenario teaches:"
has out "  SECRET-TEACHES a supervisor who interprets is a stop."
has out "[tip-art5]:"
has out "(c) Organizing or directing other persons to commit an offence"
run 0 $CL train classroom-fixture --answers "$TMP/cl.answers" --json
has out '"teaching_cites": ["tip-art5"],'
sed 's/^Teaching-Cites: tip-art5$/Teaching-Cites: tip-art9/' $E2E/train/classroom.scenario > "$TMP/cdeck/scenarios/classroom.scenario"
run 2 $CL check
has err "classroom.scenario:14:17: error: unknown teaching citation 'tip-art9'"
cp $E2E/train/classroom.scenario "$TMP/cdeck/scenarios/"
end

# snapshot DIR: every file under DIR with its size and checksum.
snapshot() { find "$1" -type f -exec md5sum {} + 2>/dev/null | sort; find "$1" | sort; }

begin "train --plain --solo: TRAINING on every screen, the person's words, the debrief"
IN=$E2E/train/farm-solo.in run 0 --width 1000 train farm-no-choice --plain --solo
has out "TRAINING: Farm work for food, no papers"
hasnt out "You are a man of 45."
hasnt out "This scenario teaches"
has out "Nothing is saved: this is a training session."
has out 'Says: Someone keeps the person'"'"'s wages or controls their earnings or bank card, so that they cannot leave. — "Wages? There were never any wages. He never said there would be." / Someone used the person'"'"'s lack of money'
screens=$(grep -c '^\[[^]]* — [^]]*\]$\|^TRAINING \[' "$TMP/out")
marked=$(grep -c '^TRAINING \[[^]]* — [^]]*\]$' "$TMP/out")
[ "$marked" -gt 20 ] && [ "$marked" = "$screens" ] || bad "$marked of $screens screens marked TRAINING"
has out "TRAINING debrief: Farm work for food, no papers (farm-no-choice, version 3)"
has out "PASSED — Score: 100% (67 of 67)"
end

begin "train --plain: a trainee's misses in the debrief at the end of the session"
IN=$E2E/train/farm-missed.in run 0 --width 1000 train farm-no-choice --plain --solo
has out "FAILED — Score: 88% (59 of 67)"
has out "!! means.vulnerability-used"
has out "you answered no, the expert yes"
end

begin "train --plain without --solo (role-play): no Says lines; --card has them"
IN=$E2E/train/farm-solo.in run 0 --width 1000 train farm-no-choice --plain
hasnt out "Says:"
has out "Role-play: your partner plays the person"
run 0 train farm-no-choice --card
has out "TRAINING role-play card: Farm work for food, no papers"
hasnt out "farm-no-choice"
hasnt out "means.vulnerability-used"
has out "You are a man of 45."
has out '  > "He picked the ones like me on purpose.'
has out "If you are asked anything else:"
end

begin "train: the picker lists the scenarios by level and audience, a number picks one"
# The numbers follow the bundled scenarios: find farm-no-choice's in the list.
IN=/dev/null run 2 --width 1000 train --plain
n=$(sed -n 's/^ *\([0-9]*\)\. .*(farm-no-choice).*/\1/p' "$TMP/out")
count=$(grep -c '^ *[0-9]*\. .*(.*)' "$TMP/out")
[ -n "$n" ] || bad "farm-no-choice is not in the picker"
{ echo "$n"; cat $E2E/train/farm-solo.in; } > "$TMP/picked.in"
IN=$TMP/picked.in run 0 --width 1000 train --plain --solo
has out "TRAINING: choose a scenario"
has out "basic:"
has out "$(printf '%4s' "$n"). Farm work for food, no papers (farm-no-choice) — ngo labour police"
has out "intermediate:"
grep -q '^ *[0-9]*\. A girl of 16 who "chose" to sell sex (girl-who-agreed) — ngo police health$' "$TMP/out" ||
	bad "girl-who-agreed is not listed with its audience"
sed -n '/^basic:/,/^intermediate:/p' "$TMP/out" | grep -qF '(supervisor-interprets)' ||
	bad "supervisor-interprets is not under basic"
sed -n '/^intermediate:/,/^advanced:/p' "$TMP/out" | grep -qF '(girl-who-agreed)' ||
	bad "girl-who-agreed is not under intermediate"
has out "Score: 100%"
over=$((count + 1))
printf '%s\n' "$over" > "$TMP/over.in"
IN=$TMP/over.in run 2 train --plain
has err "no scenario number '$over'"
end

begin "train: the case store is never opened, nothing is written under its directory or HOME"
mkdir -p "$TMP/data/tipscreen"
echo sentinel > "$TMP/data/tipscreen/keep"
export XDG_DATA_HOME="$TMP/data"
before=$(snapshot "$TMP/data"; snapshot "$HOME")
IN=$E2E/train/farm-solo.in run 0 train farm-no-choice --plain --solo
IN=$E2E/train/farm-solo.in run 0 train farm-no-choice --plain
after=$(snapshot "$TMP/data"; snapshot "$HOME")
[ "$before" = "$after" ] || bad "files changed: $(printf '%s\n%s\n' "$before" "$after" | sort | uniq -u | head -5)"
hasnt out "every answer is saved"
rm -rf "$TMP/data"
IN=$E2E/train/farm-solo.in run 0 train farm-no-choice --plain
[ ! -e "$TMP/data" ] || bad "training created $TMP/data"
unset XDG_DATA_HOME
end

begin "train takes neither --data nor --passphrase-file: it has no case store"
run 2 --data "$TMP/data" train farm-no-choice --plain
has err "train does not take --data"
run 2 train farm-no-choice --passphrase-file /nonexistent
has err "train does not take --passphrase-file"
[ ! -e "$TMP/data" ] || bad "a refused command created $TMP/data"
end

e2e_finish
