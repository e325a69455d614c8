#!/bin/sh
# Every stanza format words its errors alike (base/schema.h): a field given
# twice and an unknown field with a near-miss name, fed to each format
# through the command that reads it: the deck, a law profile and a training
# scenario (check), the contacts (the interview), assessment inputs
# (assess), answers (replay, train --answers), the law configuration, and a
# trainee's result (trainer report). Each must say, at the field's line:
#   field 'KEY' is given twice (first at line N)
#   unknown field 'KEY' in WHAT (did you mean 'NEAR'?)
set -u
. tests/e2e/lib.sh
e2e_setup schema

# twice FILE LINE FIRST KEY: the "given twice" wording at FILE:LINE:1.
twice() { has err "$1:$2:1: error: field '$4' is given twice (first at line $3)"; }
# near FILE LINE KEY WHAT NEAR: the "unknown field" wording with its suggestion.
near() { has err "$1:$2:1: error: unknown field '$3' in $4 (did you mean '$5'?)"; }

cp -r screens "$TMP/deck"
D=$TMP/deck

begin "the deck: a Section stanza with a field twice and a misspelt one"
f=$D/80-review.screen
n=$(wc -l <"$f")
printf '\nSection: extra\nTitle: One\nTitle: Two\nSetpu: yes\n' >>"$f"
run 2 check "$D"
twice "$f" $((n + 4)) $((n + 3)) Title
near "$f" $((n + 5)) Setpu "a section" Setup
cp screens/80-review.screen "$f"
end

begin "a law profile: a Purpose stanza with a field twice and a misspelt one"
f=$D/law/profiles/eu.profile
n=$(wc -l <"$f")
printf '\nPurpose: purpose.forced-begging\nNamed: a\nNamed: b\nNoet: x\n' >>"$f"
run 2 check "$D"
twice "$f" $((n + 4)) $((n + 3)) Named
near "$f" $((n + 5)) Noet "a Purpose stanza" Note
cp screens/law/profiles/eu.profile "$f"
end

begin "a training scenario: a teaching point with a field twice and a misspelt one"
f=$D/scenarios/aunts-house.scenario
n=$(wc -l <"$f")
printf '\nAbout: act\nTeaching: a\nTeaching: b\nCritcal: yes\n' >>"$f"
run 2 check "$D"
twice "$f" $((n + 4)) $((n + 3)) Teaching
near "$f" $((n + 5)) Critcal "a teaching point stanza" Critical
cp screens/scenarios/aunts-house.scenario "$f"
end

begin "the contacts: a contact with a field twice and a misspelt one"
printf 'Name: Hotline\nName: Other\nPhnoe: 1\n' >"$TMP/contacts"
run 2 --plain --contacts "$TMP/contacts" --data "$TMP/data"
twice "$TMP/contacts" 2 1 Name
near "$TMP/contacts" 3 Phnoe "a contact" Phone
end

begin "assessment inputs: an input twice and a misspelt one"
printf 'consent: yes\nconsent: no\nmeans.decepton: yes\n' >"$TMP/bad.in"
run 2 assess "$TMP/bad.in"
twice "$TMP/bad.in" 2 1 consent
near "$TMP/bad.in" 3 means.decepton "the assessment inputs" means.deception
end

begin "answers: replay and train --answers, an answer twice and a misspelt id"
printf 'safety.private: yes\nsafety.private: no\nact.recruted: yes\n' >"$TMP/bad.answers"
run 2 replay "$TMP/bad.answers"
twice "$TMP/bad.answers" 2 1 safety.private
near "$TMP/bad.answers" 3 act.recruted "the answers" act.recruited
run 2 train aunts-house --answers "$TMP/bad.answers"
twice "$TMP/bad.answers" 2 1 safety.private
near "$TMP/bad.answers" 3 act.recruted "the answers" act.recruited
end

begin "the law configuration: Law twice and a misspelt key"
mkdir -p "$XDG_CONFIG_HOME/tipscreen"
c=$XDG_CONFIG_HOME/tipscreen/law
printf 'Law: us\nLaw: eu\nLwa: gb-ew\n' >"$c"
run 2 assess tests/e2e/assess/adult-all-three.in
twice "$c" 2 1 Law
near "$c" 3 Lwa "the law configuration" Law
rm "$c"
end

begin "a trainee's result: a field twice and a misspelt one (trainer report)"
${CC:-cc} -O1 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc -o "$TMP/mkresult" \
	tests/e2e/mkresult.c src/store/keyfile.c src/store/seal.c src/base/codec.c src/base/text.c src/base/xalloc.c \
	$(pkg-config --libs libsodium 2>/dev/null || echo -lsodium) || bad "cannot build tests/e2e/mkresult.c"
printf 'trainer passphrase\n' >"$TMP/kpass"
K="--passphrase-file $TMP/kpass"
run 0 keygen "$TMP/trainer" $K
printf 'Result: 1\nTrainee: ana\nTrainee: ben\nScenario: aunts-house\nVersion: 1\nScore: 90\nStarted: 2026-01-01T10:00:00Z\nFinished: 2026-01-01T10:20:00Z\nElemnt: act|met|met|agree\n' |
	"$TMP/mkresult" "$TMP/trainer.pub" >"$TMP/bad.res"
run 2 trainer report "$TMP/bad.res" --key "$TMP/trainer.key" $K
twice "$TMP/bad.res" 3 2 Trainee
near "$TMP/bad.res" 9 Elemnt "a training result" Element
has err "$TMP/bad.res: error: not a training result"
end

e2e_finish
