#!/bin/sh
# End-to-end tests of the assessment rules of DESIGN §4 version 2 through
# the real binary: `assess` in words and its errors; `replay` on the bundled
# deck and on a test deck that sets the new inputs; a piped interview on
# that deck with its exports. The JSON fixtures of tests/e2e/assess/ are
# compared by tests/e2e/run.sh.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/rules.sh
set -u
BIN=${TIPSCREEN:-./tipscreen}
WRAP=${TIPSCREEN_WRAP:-}
E2E=tests/e2e
TMP=$(mktemp -d /tmp/tipscreen-rules-XXXXXX)
trap 'rm -rf "$TMP"' EXIT INT TERM
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config"
mkdir -p "$HOME"
passed=0 failed=0 current="" ok=1
begin() { current=$1; ok=1; }
bad() { printf 'FAIL %s: %s\n' "$current" "$1"; ok=0; }
end() {
	if [ "$ok" = 1 ]; then passed=$((passed + 1)); printf 'ok   %s\n' "$current"
	else failed=$((failed + 1)); fi
}
# run CODE ARGS...: stdin from $IN (or /dev/null), output in $TMP/out, $TMP/err.
run() {
	want=$1; shift
	$WRAP "$BIN" "$@" <"${IN:-/dev/null}" >"$TMP/out" 2>"$TMP/err"
	got=$?
	[ "$got" = "$want" ] || bad "exit $got, expected $want ($*); stderr: $(head -c 400 "$TMP/err")"
}
has() { grep -qF -- "$2" "$TMP/$1" || bad "$1 lacks: $2"; }
hasnt() { ! grep -qF -- "$2" "$TMP/$1" || bad "$1 has: $2"; }
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

begin "assess refuses an age at the act above the age now, naming the line"
printf 'age-now: 19\nact.recruitment: yes\nage-at-act: 25\n' >"$TMP/ages.in"
run 2 assess --json "$TMP/ages.in"
has err "$TMP/ages.in:3:1: error: age-at-act is above age-now"
[ -s "$TMP/out" ] && bad "printed a result for contradictory input"
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
case $j in *'"child": "presumed", "child_now": "unknown", "outcome": "consistent-child"'*) ;;
	*) bad "child, child_now, outcome: $j" ;; esac
case $j in *'"flags": ["presumed-child", "establish-age"]'*) ;; *) bad "flags: $j" ;; esac
end

begin "replay on a deck that sets age-now, minor-now and referral-consent"
run 0 replay --deck "$E2E/decks/v2-inputs" --json "$E2E/answers/v2-child-now.answers"
cp "$TMP/out" "$TMP/replay.json"
j=$(json)
case $j in *'"child": "yes", "child_now": "yes", "outcome": "consistent-child"'*) ;;
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
case $j in *'"child": "unknown", "child_now": "no", "outcome": "incomplete"'*) ;;
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

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
