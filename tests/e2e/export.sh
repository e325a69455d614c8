#!/bin/sh
# End-to-end tests of the text export as a case file (`export ID --format
# txt`): interviews piped through the line mode on a deck of the tests' own
# (tests/e2e/decks/casefile), then exported. The case file has its parts in
# order (the case with its dates and deck, the setup, the person's account,
# the answers by section, the referral and its consent, the screener's
# notes apart from the answers, the summary with its advice, the changes),
# dates as ISO 8601 and never seconds since the epoch; a stopped interview
# says where it stopped, and its summary is there; the JSON and CSV exports
# keep their fields.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/export.sh
set -u
. tests/e2e/lib.sh
e2e_setup export
DECK=$E2E/decks/casefile
printf 'correct horse battery staple\n' >"$TMP/pass"
CASES="--deck $DECK --data $TMP/store --passphrase-file $TMP/pass"
STORE="$CASES --width 300"

# interview INPUT [CODE]: pipes INPUT (printf format) through the line
# mode; $id is then the case it made (the one `cases` did not list before:
# cases made in the same second have no order).
interview() {
	printf "$1" >"$TMP/in"
	run 0 cases $CASES
	awk 'NR > 1 { print $1 }' "$TMP/out" >"$TMP/before"
	IN=$TMP/in run "${2:-0}" --plain --contacts screens/contacts.example $STORE
	run 0 cases $CASES
	id=$(awk 'NR > 1 { print $1 }' "$TMP/out" | grep -vxFf "$TMP/before")
	[ -n "$id" ] || bad "no new case"
}
# order A B: text A comes before text B in the output.
order() {
	a=$(grep -nF -- "$1" "$TMP/out" | head -1 | cut -d: -f1)
	b=$(grep -nF -- "$2" "$TMP/out" | head -1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ] || bad "'$1' is not before '$2'"
}
# no_epoch: no number of ten digits (seconds since the epoch) anywhere.
no_epoch() {
	if grep -nE '(^|[^0-9a-f])1[0-9]{9}([.][0-9]+)?([^0-9a-f]|$)' "$TMP/out" >"$TMP/epoch"; then
		bad "an epoch timestamp: $(head -3 "$TMP/epoch")"
	fi
}
iso='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{2}:[0-9]{2}'

# role, place, contact (two), interpreter, a note, private, age now, the
# account, act, means, purpose (intended), referral consent no, then Enter
# through the summary, the referral and the close.
interview '1\n1\n1 2\n2\n+ Bruises on both arms; watched the door.\ny\n34\nOffered farm work by a man online\ny\ny\ny\nn\ni\nn\n\n\n\n'
full=$id

begin "the case file has its parts in order"
run 0 export "$full" --format txt $STORE
has out "CASE FILE: A SCREENING FOR POSSIBLE TRAFFICKING IN PERSONS"
has out "  Case: $full"
order "  Case: $full" "1. SETUP"
order "1. SETUP" "2. THE PERSON'S ACCOUNTS"
order "2. THE PERSON'S ACCOUNTS" "3. THE ANSWERS, BY SECTION"
order "3. THE ANSWERS, BY SECTION" "4. REFERRAL"
order "4. REFERRAL" "5. THE SCREENER'S NOTES"
order "5. THE SCREENER'S NOTES" "6. SUMMARY"
order "6. SUMMARY" "SUMMARY OF THE SCREENING"
order "Cited provisions (quoted verbatim):" "7. CHANGES, IN ORDER"
end

begin "dates are ISO 8601 with the offset, never seconds since the epoch"
run 0 export "$full" --format txt $STORE
has out "Times are local time in ISO 8601, with the offset from UTC."
grep -qE "^  Started: $iso\$" "$TMP/out" || bad "no ISO start date"
grep -qE "^  Last change: $iso\$" "$TMP/out" || bad "no ISO date of the last change"
grep -qE "^  Status: complete \(finished $iso\)\$" "$TMP/out" || bad "no finishing date"
grep -qE "^  $iso answer setup.role: labour\$" "$TMP/out" || bad "the changes are not dated"
no_epoch
TZ=UTC-2 run 0 export "$full" --format txt $STORE
grep -qE '^  Started: [0-9T:-]+\+02:00$' "$TMP/out" || bad "the offset is not the local one"
no_epoch
end

begin "the setup, the account and the answers by section"
run 0 export "$full" --format txt $STORE
has out "  - Who is doing this screening? — Labour inspector"
has out "  - Where is this interview taking place? — Workplace or site of an inspection"
has out "  - How did this contact come about? — An inspection or a check; The person came forward"
has out "  - Who is interpreting? — A professional interpreter, in person"
has out "  - Are you somewhere private? — yes"
has out "  Tell me how you came to this job. [act.open]"
has out '      "Offered farm work by a man online"'
order "2. THE PERSON'S ACCOUNTS" '"Offered farm work by a man online"'
order '"Offered farm work by a man online"' "3. THE ANSWERS, BY SECTION"
has out "  - How old are you now? — 34"
has out "  - Someone offered or arranged the job. — yes [act.recruitment]"
has out "  - Someone keeps the papers and will not give them back. — no"
has out "  - The person works for others who control the terms. — intended (told, planned or expected) [purpose.forced-labour]"
end

begin "the referral: its consent, when the contacts were shown, the advice"
run 0 export "$full" --format txt $STORE
has out "  Consent to referral: no"
grep -qE "^  The referral contacts were shown to the person: $iso\.\$" "$TMP/out" ||
	bad "no date of the referral contacts"
has out "Offer a referral, with the person's informed consent. The referral is for formal identification"
has out "  - Consent to referral: no. Give the contacts; refer without consent only where the law requires it."
has out "referral-declined: "
end

begin "the screener's notes are kept apart from the person's answers"
run 0 export "$full" --format txt $STORE
has out '  - On safety.private ("Are you somewhere private?"),'
has out "Bruises on both arms; watched the door."
order "5. THE SCREENER'S NOTES" "Bruises on both arms"
# Only in the notes and the change log: never among the answers.
n=$(grep -cF "Bruises on both arms" "$TMP/out")
[ "$n" = 2 ] || bad "the note is shown $n times, expected 2 (notes, changes)"
sed -n "/^1. SETUP/,/^5. THE SCREENER'S NOTES/p" "$TMP/out" | grep -qF "Bruises" &&
	bad "the note is among the answers"
end

begin "the summary of the case file is the summary, with what is unclear and what to ask"
run 0 export "$full" --format txt $STORE
has out "[consistent-all-elements]"
has out "Still unclear:"
has out "  - The age when it began: not known."
has out "What to ask next:"
has out "  - How old was the person when it began?"
hasnt out "Stopped:"
end

begin "a stopped interview: where it stopped, and its summary, in the case file"
# The setup, then "no" to "private?": the safety stop; Enter past the stop
# screen and what follows.
interview '2\n2\n3\n1\nn\n\n\n\n\n'
run 0 export "$id" --format txt $STORE
grep -qE "^  Stopped: at safety.private \(\"Are you somewhere private\?\", in Safety\), $iso\. The questions after it were not asked\.\$" "$TMP/out" ||
	bad "no stop with its place and date: $(grep -F Stopped "$TMP/out")"
has out "The interview was stopped at safety.private (in Safety; see Stopped above): this summary covers only the questions asked before the stop."
has out "SUMMARY OF THE SCREENING"
has out "[incomplete]"
has out "stopped-early: "
has out "  - The interview stopped early, at safety.private (in Safety): the questions after it were not asked."
has out "  - Who is doing this screening? — Caseworker of a non-governmental organisation"
has out "No account was recorded."
has out "No notes."
no_epoch
end

begin "the stop key: where it was pressed"
interview '1\n1\n1\n1\ny\n!\n\n\n\n\n'
run 0 export "$id" --format txt $STORE
has out "  Stopped: at age.now"
has out "  - The interview stopped early"
no_epoch
end

begin "an unfinished interview is not called stopped"
# Up to the safety question, unanswered: its guard leads to the stop
# screen on the path, but the interview never went there.
interview '1\n1\n1\n1\n' 1
run 0 export "$id" --format txt $STORE
has out "  Status: unfinished: it can be resumed"
hasnt out "Stopped:"
hasnt out "The interview was stopped"
has out "  - Who is interpreting? — No one: we speak the same language"
no_epoch
end

begin "the JSON and CSV exports keep their fields"
run 0 export "$full" --format json $STORE
has out '"case": "'"$full"'"'
has out '"deck_current": true'
has out '"outcome": "consistent-all-elements"'
has out '"setup.role": "labour"'
has out '"safety.private": " Bruises on both arms; watched the door."'
has out '"seconds_per_screen": [{"screen": "setup.role"'
grep -qE '"paradata": \[' "$TMP/out" || bad "no paradata"
grep -qE '\{"t": "[0-9]+\.[0-9]{3}", "event": "at", "id": "setup.role"' "$TMP/out" || bad "paradata times changed"
has out '{"section": "referral", "text": "Referral:", "indent": null, "quote": false, "marks": []}'
has out '{"section": "ask-next", "text": "What to ask next:"'
run 0 export "$full" --format csv $STORE
has out 'case,seq,time,event,id,old,new'
has out '"answer","setup.role","","labour"'
end

begin "under a French locale the JSON export still parses: seconds with a point, not a comma"
french_locale
in_french run 0 export "$full" --format json $STORE
jq -e . "$TMP/out" >/dev/null 2>&1 || bad "the JSON does not parse: $(grep -o '"seconds": [^}]*' "$TMP/out" | head -2)"
grep -qE '"seconds": [0-9]+\.[0-9]\}' "$TMP/out" || bad "no seconds written with a point"
has out '"setup.role": "labour"'
end

begin "nothing about the person on stderr"
run 0 export "$full" --format txt $STORE
[ -s "$TMP/err" ] && bad "stderr: $(head -c 300 "$TMP/err")"
end

e2e_finish
