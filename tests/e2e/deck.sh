#!/bin/sh
# End-to-end tests of the deck, version 3 (DESIGN §5 v3), through the real
# binary in line mode: an age when it began above the age now refused on
# its screen; the coached "19" after "appears under 18"; interpreters that
# fail closed; the officers' warning before every self-incriminating block;
# and summaries, in every language, that speak of the person in statements.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/deck.sh
set -u
. tests/e2e/lib.sh
e2e_setup deck
printf 'correct horse battery staple\n' >"$TMP/pass"
store() { echo "--data $(mktemp -u "$TMP/store-XXXXXX") --passphrase-file $TMP/pass"; }
# The start of an interview of an NGO caseworker, no interpreter, safe;
# $1 answers "appears or says under 18".
start() { printf '3\n1\n1\n1\ny\nn\nn\n%s\n' "$1"; }

begin "an age when it began above the age now is refused on its screen (line mode)"
data=$(store)
{ start n; printf '\ny\n16\n\nOffered work\ny\ny\nn\ny\nn\nn\n17\n15\n'; } >"$TMP/age.in"
IN=$TMP/age.in run 1 --width 1000 --plain $data
has out "Not accepted: the age when it began cannot be above the age now (16)."
# Refused, and asked again on the same screen: 15 is then taken, and the
# interview goes on to the means for a child.
grep -A1 'Not accepted: the age when it began' "$TMP/out" | grep -q '^> $' ||
	bad "the age screen did not ask again"
has out "For a child the means are not required"
run 0 cases $data
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 export "$id" $data
has out '"age.at-act": "15"'
hasnt out '"age.at-act": "17"'
end

begin "an age now below the age when it began is refused when changed"
data=$(store)
{ start n; printf '\ny\n30\n\nOffered work\ny\ny\nn\ny\nn\nn\n25\n<\n<\n<\n<\n<\n<\n<\n<\n<\n20\n'; } >"$TMP/now.in"
IN=$TMP/now.in run 1 --width 1000 --plain $data
has out "Not accepted: the age when it began cannot be above the age now (30)."
end

begin "a coached 19 after 'appears under 18': the doubt screen, the child's referral"
{ start y; printf '\n\ny\n19\ny\n'; } >"$TMP/coached.in"
IN=$TMP/coached.in run 1 --width 1000 --plain $(store)
has out "Treat the person as a child until an age settles it."
has out "Do you doubt the age of 18 or more they now give?"
has out "The age given is doubted: the person is presumed to be under 18 now."
end

begin "a coached 19 replayed: no contradiction, the child's referral"
awk '/^Ask: /{id=$2} /^Expert: /{sub(/^Expert: /,""); print id": "$0}' \
	screens/scenarios/girl-who-agreed.scenario | sed -e 's/^age.now: .*/age.now: 19/' \
	-e 's/^age.at-act: .*/age.at-act: 15/' >"$TMP/coached.answers"
printf 'age.doubt: yes\n' >>"$TMP/coached.answers"
run 0 --width 1000 replay "$TMP/coached.answers"
grep -q '^Not assessed:.*referral.child' "$TMP/out" && bad "a doubted 19 did not get the child's referral"
# With the rules of DESIGN §4 v3: the doubt keeps the presumption of minority.
run 0 replay "$TMP/coached.answers" --json
has out '"child_now": "presumed"'
has out '"age_now_doubted": true'
has out '"child-now"'
has out '"refer"'
printf 'age.doubt: no\n' >"$TMP/undoubted.answers"
grep -v '^age.doubt:' "$TMP/coached.answers" >>"$TMP/undoubted.answers"
run 0 --width 1000 replay "$TMP/undoubted.answers"
grep -q '^Not assessed:.*referral.child' "$TMP/out" || bad "an undoubted 19 got the child's referral"
end

begin "an interpreter who knows the person, or an unknown interpreter, stops the interview"
printf '3\n1\n1\n6\ny\n\n\n\n' >"$TMP/tie.in"
IN=$TMP/tie.in run 0 --width 1000 --plain $(store)
has out "Does this interpreter know the person, or work, live or travel with them?"
has out "Stop the questions here."
hasnt out "Are you somewhere private"
hasnt out "SUMMARY OF THE SCREENING"
for word in d x; do
	printf '3\n1\n1\n%s\n\n\n\n' "$word" >"$TMP/unknown.in"
	IN=$TMP/unknown.in run 0 --plain $(store)
	has out "Stop the questions here."
	hasnt out "Are you somewhere private"
done
end

# line N TEXT: the first line of $TMP/out that holds TEXT.
line() { grep -nF -- "$1" "$TMP/out" | head -1 | cut -d: -f1; }

begin "an officer is warned before every self-incriminating block, and each can be skipped"
IN=$E2E/plain/police-border.in run 0 --plain $(store)
has out "The interview is complete."
w=$(line "may admit an offence") s=$(line "Others arranged paid sex") c=$(line "made to commit any other offence")
sw=$(line "admit an immigration offence") si=$(line "Did you cross the border without")
[ -n "$w" ] && [ -n "$s" ] && [ "$w" -lt "$s" ] && [ "$s" -lt "$c" ] ||
	bad "the offences block is not preceded by its warning"
[ -n "$sw" ] && [ -n "$si" ] && [ "$c" -lt "$sw" ] && [ "$sw" -lt "$si" ] ||
	bad "the smuggling block is not preceded by its warning"
has out "I am an officer."
# Skipped: n at each warning (lines 53 and 58 of the input) leaves out its
# block (lines 54-57 and 59-62).
sed -e '53s/^y$/n/' -e '54,57d' -e '58s/^y$/n/' -e '59,62d' "$E2E/plain/police-border.in" >"$TMP/skip.in"
IN=$TMP/skip.in run 0 --plain $(store)
has out "may admit an offence"
has out "admit an immigration offence"
hasnt out "Others arranged paid sex"
hasnt out "Did you cross the border without"
has out "The interview is complete."
end

begin "a caseworker gets no warning; the blocks are asked"
sed -e '1s/^1$/3/' -e '53d' -e '58d' "$E2E/plain/police-border.in" >"$TMP/ngo.in"
IN=$TMP/ngo.in run 0 --plain $(store)
hasnt out "may admit an offence"
hasnt out "admit an immigration offence"
has out "Others arranged paid sex"
has out "Did you cross the border without"
has out "The interview is complete."
end

# The summaries of every situation and every scenario's expert key, in
# every language: outside the quoted law no line speaks to the person
# ("you", "vous", "usted", "tú") or says "victim", and no answer line is a
# question (the summary says the statement, never the question).
begin "no summary speaks to the person or quotes a question, in en, fr and es"
mkdir -p "$TMP/keys"
for f in screens/scenarios/*.scenario; do
	awk '/^Ask: /{id=$2} /^Expert: /{sub(/^Expert: /,""); print id": "$0} /^Stop-At: /{print "stop-at: "$2}' \
		"$f" >"$TMP/keys/$(basename "$f" .scenario).answers"
done
n=0
for lang in en fr es; do
	for f in "$E2E"/situations/*.answers "$TMP"/keys/*.answers; do
		run 0 --width 1000 --lang "$lang" replay "$f"
		awk '/^(Cited provisions|Dispositions cit|Disposiciones cit)/ { exit } { print }' "$TMP/out" >"$TMP/said"
		if grep -inE '(^|[ («"“])(you|your|yours|vous|votre|vos|usted|tú)([ ,.;:!?»"”)]|$)|victim|víctima' \
			"$TMP/said" >"$TMP/bad"; then
			bad "$lang $(basename "$f"): $(head -1 "$TMP/bad")"
		fi
		if grep -E '^  - [^ :]+ ?: .*[?¿]' "$TMP/said" >"$TMP/bad"; then
			bad "$lang $(basename "$f"): an answer line is a question: $(head -1 "$TMP/bad")"
		fi
		n=$((n + 1))
	done
done
[ "$n" -ge 120 ] || bad "only $n summaries read"
end

e2e_finish
