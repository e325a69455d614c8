#!/bin/sh
# tmux tests of the real wizard: keys sent to a real terminal emulator,
# screens read back with capture-pane. Run from the top of the tree:
#   TIPSCREEN=build/asan/tipscreen sh tests/tui/run.sh
# The kill -9 test draws its kill points from SEED (printed; set it to
# replay the same points).
set -u
BIN=${TIPSCREEN:-./tipscreen}
WRAP=${TIPSCREEN_WRAP:-}
. tests/sandbox.sh
sandbox tui
# A server of our own on a socket in TMP, stopped on exit; in a directory
# of /tmp where TMP is too deep for a Unix socket's path (107 bytes).
SOCK="$TMP/tmux.sock"
sandbox_on_exit '$T kill-server 2>/dev/null'
if [ "${#SOCK}" -gt 100 ]; then
	SOCKDIR=$(mktemp -d /tmp/tipscreen-tmux-XXXXXX) || exit 1
	sandbox_on_exit 'rm -rf "$SOCKDIR"'
	SOCK=$SOCKDIR/tmux.sock
fi
T="tmux -S $SOCK"
SEED=${SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
case $SEED in
'' | *[!0-9]*) echo "FAIL SEED must be a number, not '$SEED'"; exit 2 ;;
esac
RNG=$SEED
echo "SEED=$SEED (the kill -9 test's points; SEED=$SEED sh tests/tui/run.sh replays them)"
# draw N: a number below N from RNG, a linear congruential generator.
draw() {
	RNG=$(( (RNG * 1103515245 + 12345) % 2147483648 ))
	drawn=$(( (RNG / 65536) % $1 ))
}
printf 'correct horse battery staple\n' >"$TMP/pass"
stores=0
# Timeouts are generous for sanitizer and valgrind builds; they only bound
# waiting, they measure nothing.
LIMIT=${TUI_WAIT:-20}

passed=0
failed=0
begin() { current=$1; ok=1; }
bad() { printf 'FAIL %s: %s\n' "$current" "$1"; ok=0; }
end() {
	if [ "$ok" = 1 ]; then passed=$((passed + 1)); printf 'ok   %s\n' "$current"
	else failed=$((failed + 1)); fi
	stop_tmux
}
# Stops the tmux server and waits until its process is gone: a new
# session started while the old server is still exiting dies with it.
stop_tmux() {
	pid=$($T display-message -p -t w '#{pid}' 2>/dev/null)
	$T kill-server 2>/dev/null
	i=0
	while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && [ "$i" -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	rm -f "$SOCK"	# tmux leaves it behind
}
# new_tmux COLS LINES COMMAND: the session "w" running COMMAND, checked to be up.
new_tmux() {
	printf 'set -g history-limit 5000\n' >"$TMP/tmux.conf"
	$T -f "$TMP/tmux.conf" new-session -d -s w -x "$1" -y "$2" "$3" &&
		$T has-session -t w 2>/dev/null || bad "tmux did not start"
}

# start TERM COLS LINES [ARGS]: the wizard in a new tmux server; its exit
# status lands in $TMP/rc.
start() {
	term=$1 cols=$2 lines=$3; shift 3
	rm -f "$TMP/rc"
	stores=$((stores + 1))
	STORE="--contacts screens/contacts.example --data $TMP/store$stores --passphrase-file $TMP/pass"
	# Training has no case store and takes none of these options; its
	# default store directory is then the one that must stay absent.
	xdg=""
	if [ "${1:-}" = train ]; then
		STORE="" xdg="XDG_DATA_HOME=$TMP/store$stores"
	fi
	new_tmux "$cols" "$lines" \
		"env TERM=$term ${ENVX:-} $xdg $WRAP $BIN $STORE $*; echo \$? >$TMP/rc; sleep 600"
}
# Sends a signal to the wizard: the children of the pane's shell, found by
# its pid in /proc (no procps, and never a process found by name).
signal() {
	sh_pid=$($T display-message -p -t w '#{pane_pid}')
	for kid in $(cat /proc/"$sh_pid"/task/*/children 2>/dev/null); do
		kill -"$1" "$kid" 2>/dev/null
	done
}
screen() { $T capture-pane -t w -p; }
history() { $T capture-pane -t w -p -S -; }
# wait_for TEXT: until the screen shows it (fails the test after LIMIT s).
wait_for() {
	i=0
	while ! screen | grep -qF -- "$1"; do
		i=$((i + 1))
		if [ "$i" -gt $((LIMIT * 10)) ]; then
			bad "never showed: $1"
			screen | sed 's/^/    | /'
			return 1
		fi
		sleep 0.1
	done
}
wait_gone() {
	i=0
	while screen | grep -qF -- "$1"; do
		i=$((i + 1))
		[ "$i" -gt $((LIMIT * 10)) ] && { bad "still shows: $1"; return 1; }
		sleep 0.1
	done
}
wait_exit() {
	i=0
	while [ ! -s "$TMP/rc" ]; do
		i=$((i + 1))
		[ "$i" -gt $((LIMIT * 10)) ] && { bad "did not exit"; return 1; }
		sleep 0.1
	done
}
keys() { for key in "$@"; do $T send-keys -t w "$key"; done; }
# step KEY... TEXT: send keys, then wait for the next screen to show TEXT.
step() {
	last=""
	for a in "$@"; do last=$a; done
	n=$#
	i=1
	for a in "$@"; do
		[ "$i" -lt "$n" ] && keys "$a"
		i=$((i + 1))
	done
	wait_for "$last"
}

# The whole adult interview by keys, ending on the summary.
interview_to_summary() {
	wait_for "Start a new interview" &&
	step Enter "Who is doing this screening?" &&
	step 2 Enter "Where is this interview taking place?" &&
	step 1 Enter "How did this contact come about?" &&
	step 1 3 Enter "Who is interpreting?" &&
	step 2 Enter "Are you somewhere private" &&
	step y Enter "Is anyone with the person" &&
	step n Enter "immediate danger" &&
	step n Enter "under 18 now" &&
	step n Enter "Read this aloud" &&
	step Enter "Do you agree to go on" &&
	step y Enter "How old are you now?" &&
	step 3 1 Enter "Tell me how you came to this job" &&
	step "Offered work on a farm" Enter "mark each of these" &&
	step y y n y n Enter "Did you cross into this country" &&
	step n Enter "How old were you when this began" &&
	step 3 0 Enter "Could you leave this work" &&
	step "CANARY-cannot-leave" Enter "How it began and what keeps" &&
	step y n n n n n y n n n Enter "How the person is kept there" &&
	step n y n y n n n n Enter "What work or other things" &&
	step "No pay" Enter "y if it happened, i if it" &&
	step n y n n Enter "And these forms" &&
	step n n n n n n n n Enter "At the start, did you" &&
	step y Enter "may admit an offence" &&
	step y Enter "y if it happened, i if it" &&
	step n n n Enter "made to commit any other offence" &&
	step n Enter "The situation now" &&
	step y n n Enter "go back there tonight" &&
	step n Enter "What would you like to happen now" &&
	step Enter "pass on your situation" &&
	step y Enter "Continue to the summary" &&
	step Enter "SUMMARY OF THE SCREENING"
}

no_answers_in() {
	out=$($1)
	for secret in "CANARY-cannot-leave" "Offered work on a farm" "Are you somewhere private" \
		"SUMMARY OF THE SCREENING" "Thank the person"; do
		printf '%s' "$out" | grep -qF "$secret" && bad "$2 still holds: $secret"
	done
}

for term in xterm-256color vt100 linux; do
	begin "a full interview by keys reaches the right summary ($term, 80x24)"
	start "$term" 80 24
	if interview_to_summary; then
		screen | grep -qF "[consistent-adult]" || bad "outcome is not consistent-adult"
		step Enter "Give the person the contacts" &&
		screen | grep -qF "National anti-trafficking hotline (example)" || bad "no contacts"
		step Enter "Thank the person" && keys Enter && wait_exit
		[ "$(cat "$TMP/rc" 2>/dev/null)" = 0 ] || bad "exit status $(cat "$TMP/rc" 2>/dev/null)"
		no_answers_in screen "the screen after exit"
		no_answers_in history "the scrollback after exit"
	fi
	end
done

# The stop key goes to stop-and-refer, the contacts and the close: the
# summary never comes on screen (DESIGN §5); the case's export has it.
begin "back and edit: age 16 changed to 30 makes the means required; the stop key never shows the summary"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview" &&
step Enter "Who is doing" && step 2 Enter "taking place" && step 1 Enter "contact come about" &&
step Enter "Who is interpreting" && step 2 Enter "somewhere private" && step y Enter "Is anyone" &&
step n Enter "immediate danger" && step n Enter "under 18 now" && step n Enter "Read this aloud" &&
step Enter "agree to go on" && step y Enter "How old are you now?" && step 3 1 Enter "Tell me how you came" &&
step F3 "Answer: declined" &&
step Enter "mark each of these" && step Enter "cross into this country" &&
step n Enter "How old were you" && step 1 6 Enter "under 18 when this began" &&
step Escape "How old were you" &&
step BSpace BSpace 3 0 Enter "Could you leave" && wait_gone "under 18 when this began" &&
keys C-t && wait_for "Stop the questions here" && step Enter "Give the person the contacts" &&
screen | grep -qF "National anti-trafficking hotline (example)" || bad "no contacts after the stop"
history | grep -qF "SUMMARY OF THE SCREENING" && bad "the summary was shown after the stop key"
step Enter "Thank the person" && keys Enter && wait_exit
history | grep -qF "SUMMARY OF THE SCREENING" && bad "the summary was shown after the stop key"
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
$WRAP $BIN export "$case" --format txt --data "$data" --passphrase-file "$TMP/pass" >"$TMP/export" 2>&1
grep -qF "Under 18 when it began: no (age 30 at the time)." "$TMP/export" || bad "age not 30 in the exported summary"
grep -qF "Means: unclear (required)" "$TMP/export" || bad "the means are not required in the exported summary"
grep -qF "stopped-early: " "$TMP/export" || bad "the exported summary does not say stopped early"
end

begin "an age when it began above the age now is refused on its screen; after a stop no screen shows the progress"
start xterm-256color 80 24
wait_for "Start a new interview" &&
step Enter "Who is doing" && step 3 Enter "taking place" && step 1 Enter "contact come about" &&
step Enter "Who is interpreting" && step 1 Enter "somewhere private" && step y Enter "Is anyone" &&
step n Enter "immediate danger" && step n Enter "under 18 now" && step n Enter "Read this aloud" &&
step Enter "agree to go on" && step y Enter "How old are you now?" &&
step 1 6 Enter "The person is under 18 now" && step Enter "Tell me how you came" &&
step F3 "Answer: declined" &&
step Enter "mark each of these" && step Enter "cross into this country" &&
step n Enter "How old were you" &&
step 1 7 Enter "Not accepted: the age when it began" &&
screen | grep -qF "How old were you" || bad "the age screen was left"
screen | grep -qF "› Means ›" || bad "no progress before the stop"
step BSpace BSpace 1 5 Enter "For a child the means are not required" &&
keys C-t && wait_for "Stop the questions here" &&
screen | grep -qF "› Means ›" && bad "the stop screen shows the progress"
step Enter "Give the person the contacts" &&
screen | grep -qF "› Means ›" && bad "the referral after a stop shows the progress"
step Enter "Thank the person" &&
screen | grep -qF "› Means ›" && bad "the close after a stop shows the progress"
keys Enter && wait_exit
end

begin "a safety stop (not private) shows the contacts and the close, never the summary; the export has it"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview" &&
step Enter "Who is doing" && step 2 Enter "taking place" && step 1 Enter "contact come about" &&
step Enter "Who is interpreting" && step 2 Enter "somewhere private" &&
step n Enter "Stop the questions here" && step Enter "Give the person the contacts" &&
screen | grep -qF "National anti-trafficking hotline (example)" || bad "no contacts after the stop"
step Enter "Thank the person" && keys Enter && wait_exit
history | grep -qF "SUMMARY OF THE SCREENING" && bad "the summary was shown after a safety stop"
history | grep -qF "Someone who may control" && bad "a caveat was shown after a safety stop"
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
$WRAP $BIN export "$case" --format txt --data "$data" --passphrase-file "$TMP/pass" >"$TMP/export" 2>&1
grep -qF "SUMMARY OF THE SCREENING" "$TMP/export" || bad "the export has no summary"
grep -qF "not-private: " "$TMP/export" || bad "the exported summary lacks the not-private caveat"
end

begin "a resize storm 80x24 -> 40x12 -> 20x6 -> 80x24 re-wraps and survives"
start xterm-256color 80 24
wait_for "Start a new interview" && step Enter "Who is doing this screening?"
$T resize-window -t w -x 40 -y 12; wait_for "Step 1 of 5: Start"
$T resize-window -t w -x 20 -y 6; wait_for "Terminal too small"
$T resize-window -t w -x 33 -y 9; wait_for "Terminal too small"
$T resize-window -t w -x 40 -y 12; wait_for "Caseworker of a"
$T resize-window -t w -x 80 -y 24; wait_for "[Start] › Act › Means"
screen | grep -qF "Caseworker of a non-governmental organisation" || bad "not re-wrapped at 80"
[ -s "$TMP/rc" ] && bad "the wizard exited"
end

begin "quick hide blanks the screen at once and a key brings it back"
start xterm-256color 80 24
wait_for "Start a new interview" && step Enter "Who is doing" && step 2 Enter "taking place" &&
step 1 Enter "contact come about" && step Enter "Who is interpreting" && step 2 Enter "somewhere private"
keys C-x
wait_gone "somewhere private"
screen | grep -q '[[:alnum:]]' && bad "the hidden screen is not blank"
keys Enter
wait_for "somewhere private"
end

begin "Ctrl-C leaves cleanly: no question or answer on screen or in the scrollback"
start xterm-256color 80 24
wait_for "Start a new interview" && step Enter "Who is doing" && step 2 Enter "taking place"
keys C-c
wait_exit
no_answers_in history "the scrollback after Ctrl-C"
screen | grep -qF "taking place" && bad "question left on screen"
end

for pair in TERM:15 HUP:1 QUIT:3; do
	sig=${pair%:*} num=${pair#*:}
	begin "SIG$sig clears the screen ($sig on TERM=linux, no alternate screen)"
	start linux 80 24
	wait_for "Start a new interview" && step Enter "Who is doing" && step 2 Enter "taking place"
	signal "$sig"
	wait_exit
	[ "$(cat "$TMP/rc" 2>/dev/null)" = $((128 + num)) ] || bad "exit status $(cat "$TMP/rc")"
	screen | grep -qF "taking place" && bad "question left on screen"
	history | grep -qF "taking place" && bad "question left in the scrollback"
	end
done

begin "Ctrl-\\ (SIGQUIT) in the line mode clears the screen and the scrollback"
start xterm-256color 80 24 --plain
wait_for "Who is doing this screening" && keys 2 Enter && wait_for "taking place"
keys 'C-\'
wait_exit
[ "$(cat "$TMP/rc" 2>/dev/null)" = 131 ] || bad "exit status $(cat "$TMP/rc")"
history | grep -qF "taking place" && bad "question left in the scrollback"
history | grep -qF "Who is doing" && bad "question left in the scrollback"
end

begin "F2 switches the language mid-interview; every answer is kept and the switch recorded"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview" && step Enter "Who is doing" && step 2 Enter "taking place" &&
step 1 Enter "contact come about" && step Enter "Who is interpreting" && step 2 Enter "somewhere private" &&
step y Enter "Is anyone" && step n Enter "immediate danger" && step n Enter "under 18 now" &&
step n Enter "Read this aloud" &&
step Enter "agree to go on" && step y Enter "How old are you now?" && step 3 0 Enter "Tell me how you came" &&
step F2 "Cuénteme cómo llegó a este trabajo" &&
screen | grep -qF "Idioma: Español (es), borrador" || bad "the switch does not say draft"
step Escape "[30]" &&
step F2 "Langue : Français (fr)" &&
screen | grep -qF "[30]" || bad "the age was lost in the switch"
step Enter "Racontez-moi comment vous êtes arrivé" &&
step F1 "Touches" && step Enter "Racontez-moi" &&
keys C-t && wait_for "Arrêtez les questions ici" && step Enter "Donnez à la personne"
history | grep -qF "RÉSUMÉ DU REPÉRAGE" && bad "the summary was shown after the stop key"
step F2 "Give the person the contacts"
keys C-c; wait_exit
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
$WRAP $BIN export "$case" --data "$data" --passphrase-file "$TMP/pass" >"$TMP/export" 2>&1
for sw in '"old": "", "new": "en"' '"old": "en", "new": "es"' '"old": "es", "new": "fr"' '"old": "fr", "new": "en"'; do
	grep -qF "\"event\": \"lang\", \"id\": \"-\", $sw" "$TMP/export" || bad "switch not recorded: $sw"
done
grep -qF '"age.now": "30"' "$TMP/export" || bad "the age is not in the case"
end

# A terminal that is not UTF-8 gets readable text: transliterated, never a
# run of "?" and never bytes that are not ASCII.
for loc in C fr_FR.ISO-8859-1; do
	begin "LANG=$loc: the wizard shows readable transliterated text"
	ENVX="LANG=$loc LC_ALL=" start xterm-256color 80 24 --lang fr
	wait_for "Commencer un nouvel entretien" && step Enter "Qui fait ce reperage ?" &&
	step 3 Enter "Ou se deroule cet entretien ?"
	screen >"$TMP/cap"
	grep -qF "Personnel" "$TMP/cap" || true
	grep -q '??' "$TMP/cap" && bad "a run of ? on the screen"
	LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMP/cap" && bad "bytes that are not ASCII"
	step Escape "Personnel d'une organisation non gouvernementale"
	end
done

begin "text typed on a Latin-1 terminal is stored as UTF-8"
ENVX="LANG=fr_FR.ISO-8859-1 LC_ALL=" start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Commencer un nouvel entretien" && step Enter "Qui fait ce reperage" &&
step 2 Enter "Ou se deroule" && step 1 Enter "Comment ce contact" && step Enter "Qui interprete" &&
step 2 Enter "endroit confidentiel" && step y Enter "Quelqu'un accompagne" &&
step n Enter "danger immediat" && keys n Enter && wait_gone "danger immediat" &&
step n Enter "Lisez ceci" && step Enter "Acceptez-vous" && keys y Enter && wait_gone "Acceptez-vous" &&
step 3 0 Enter "Racontez-moi" &&
keys C a f && $T send-keys -t w -H e9 && wait_for "[Cafe]" && step Enter "marquez chacun"
keys C-c; wait_exit
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
$WRAP $BIN export "$case" --data "$data" --passphrase-file "$TMP/pass" >"$TMP/export" 2>&1
grep -qF '"act.open": "Café"' "$TMP/export" || bad "the Latin-1 é was not stored as UTF-8"
end

begin "right to left: reordered, shaped and right-aligned; --bidi terminal leaves it logical"
start xterm-256color 80 24 --locales tests/locales --lang ar
wait_for "Start a new interview" && step Enter "ﺺﺤﻔﻟﺍ ﺍﺬﻫ ﻱﺮﺠﻳ ﻦﻣ"
screen | grep -q "ﺺﺤﻔﻟﺍ ﺍﺬﻫ ﻱﺮﺠﻳ ﻦﻣ\$" || bad "the question is not right-aligned"
screen | grep -qF "من يجري" && bad "logical order on a terminal without bidi"
keys C-c; wait_exit
stop_tmux
start xterm-256color 80 24 --locales tests/locales --lang ar --bidi terminal
wait_for "Start a new interview" && step Enter "من يجري هذا الفحص؟"
end

begin "40x12: the start offers the unfinished case, F1 ? Tab work there, the first question from its top"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview" && step Enter "Who is doing" && step 2 Enter "taking place"
keys C-c; wait_exit; stop_tmux
rm -f "$TMP/rc"
new_tmux 40 12 \
	"env TERM=xterm-256color $WRAP $BIN --contacts screens/contacts.example --data $data --passphrase-file $TMP/pass; echo \$? >$TMP/rc; sleep 600"
wait_for "Start a new interview" && wait_for "Resume interview" && wait_for "↓" &&
step F1 "Keys" && wait_for "↓" && step PageDown "↑" && step Escape "Start a new interview" &&
step "?" "Keys" && step Escape "Start a new interview" &&
step Tab "Before you start" && step Tab "Start a new interview" &&
keys PageDown PageDown PageDown && wait_for "blanks the screen" && step Enter "Who is doing this screening?"
screen | grep -qF "↓ 2 more" || bad "the choices below the screen are not announced"
end

# ---- the interviewer's hour (issue 23) ---------------------------------

# legend_has SIZE TEXT...: the legend (the last line) holds every TEXT.
legend_has() {
	size=$1; shift
	for want in "$@"; do
		screen | tail -1 | grep -qF -- "$want" || bad "$size: the legend lacks '$want': $(screen | tail -1)"
	done
}
# at_40x12 CHECK...: runs CHECK at 40x12, then the window is 80x24 again.
at_40x12() {
	$T resize-window -t w -x 40 -y 12; wait_for "Step "
	"$@"
	$T resize-window -t w -x 80 -y 24; wait_for "›"
}

begin "the safety keys on every legend, the review's keys and the way back to it, no path on the referral screen, the case id on leaving (80x24 and 40x12)"
rm -f "$TMP/rc"
stores=$((stores + 1))
data="$TMP/store$stores"
mkdir -p "$TMP/noconfig$stores"
new_tmux 80 24 "env TERM=xterm-256color XDG_CONFIG_HOME=$TMP/noconfig$stores $WRAP $BIN --data $data --passphrase-file $TMP/pass; echo \$? >$TMP/rc; sleep 600"
wait_for "Start a new interview" &&
wait_for "No referral contacts on this laptop yet" &&
step Enter "Who is doing this screening?" && step 2 Enter "taking place" &&
step 1 Enter "contact come about" && step 1 3 Enter "Who is interpreting?" &&
step 2 Enter "Are you somewhere private" &&
legend_has 80x24 "^X hide" "^T stop" "y yes" &&
at_40x12 legend_has 40x12 "^X hide" "^T stop" "y n d x" &&
step y Enter "Is anyone with the person" && step n Enter "immediate danger" &&
step n Enter "under 18 now" && step n Enter "Read this aloud" && step Enter "Do you agree to go on" &&
step y Enter "How old are you now?" && step 3 1 Enter "Tell me how you came to this job" &&
step "Offered work on a farm" Enter "mark each of these" &&
legend_has 80x24 "^X hide" "^T stop" "y yes" &&
at_40x12 legend_has 40x12 "^X hide" "^T stop" "y n d x" &&
step y y n y n Enter "Did you cross into this country" &&
step n Enter "How old were you when this began" && step 3 0 Enter "Could you leave this work" &&
step "Cannot leave" Enter "How it began and what keeps" &&
step y n n n n n y n n n Enter "How the person is kept there" &&
step n y n y n n n n Enter "What work or other things" &&
step "No pay" Enter "y if it happened, i if it" && step n y n n Enter "And these forms" &&
step n n n n n n n n Enter "At the start, did you" && step y Enter "may admit an offence" &&
step y Enter "y if it happened, i if it" && step n n n Enter "made to commit any other offence" &&
step n Enter "The situation now" && step y n n Enter "go back there tonight" &&
step n Enter "What would you like to happen now" && step Enter "pass on your situation" &&
step y Enter "Continue to the summary" &&
legend_has 80x24 "^X hide" "^T stop" &&
step Home "1. Who is doing this screening?" &&
step PageDown "↑" && step PageUp "1. Who is doing this screening?" &&
step End "Continue to the summary" && step Home "1. Who is doing" &&
step Enter "Border or immigration official" &&	# only on the question, not the review
legend_has 80x24 "^R review" &&
step Enter "1. Who is doing this screening?" &&
step Down Enter "Border post, port or airport" &&
step C-r "2. Where is this interview taking place?" &&
at_40x12 step Home Enter "^R review" &&	# the question's legend, not the review's
at_40x12 legend_has 40x12 "^X hide" "^T stop" "^R review" &&
step Enter "1. Who is doing this screening?" && step End "Continue to the summary" &&
step Enter "SUMMARY OF THE SCREENING" && step Enter "Give the person the contacts" &&
screen | grep -qF "Ask your supervisor for the local hotline" || bad "no sentence in place of the contacts"
screen | grep -qF "/" && bad "a path on the referral screen: $(screen | grep -F /)"
at_40x12 wait_for "Ask your supervisor"
screen | grep -qF "/" && bad "a path on the referral screen at 40x12"
step Enter "Thank the person" && keys Enter && wait_exit &&
wait_for "saved (complete)"
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
$T capture-pane -t w -p -J | grep -qF "tipscreen: case $case saved (complete)" ||
	bad "the leaving line lacks the case id $case"
$T capture-pane -t w -p -J | grep -qF "tipscreen export $case --format txt" ||
	bad "the leaving line lacks the export command"
no_answers_in screen "the screen after exit"
end

# ---- the passphrase screen (no --passphrase-file) --------------------

# start_asking DATA [ARGS]: the wizard on the store DATA, asking its passphrase.
start_asking() {
	d=$1; shift
	rm -f "$TMP/rc"
	new_tmux 80 24 \
		"env TERM=xterm-256color $WRAP $BIN --contacts screens/contacts.example --data $d $*; echo \$? >$TMP/rc; sleep 600"
}
PASS='correct horse battery staple'

begin "first use: the passphrase asked twice on a curses screen, too short and differing asked again"
start_asking "$TMP/asked"
wait_for "New passphrase: []" &&
step short Enter "Too short: a passphrase has 8 characters or more" &&
step "$PASS" Enter "The same passphrase again: []" &&
step "$PASS-not" Enter "The two passphrases differ" &&
wait_for "New passphrase: []" &&
step "$PASS" Enter "The same passphrase again" &&
keys "$PASS" && wait_for "[$(printf '%s' "$PASS" | tr -c '' '*')]" &&
history | grep -qF "horse" && bad "the passphrase is on the screen"
step Enter "Start a new interview"
keys C-c; wait_exit
printf '%s\n' "$PASS" >"$TMP/pass2"
$WRAP $BIN cases --data "$TMP/asked" --passphrase-file "$TMP/pass2" >/dev/null 2>"$TMP/err" ||
	bad "the passphrase set on the screen does not open the store: $(cat "$TMP/err")"
end

begin "Ctrl-X on the passphrase screen blanks it; a key brings it back with what was typed"
start_asking "$TMP/asked"
wait_for "Passphrase: []" && keys abc && wait_for "Passphrase: [***]" &&
keys C-x && wait_gone "Passphrase"
screen | grep -q '[[:alnum:]]' && bad "the hidden screen is not blank"
keys Enter
wait_for "Passphrase: [***]"
keys C-c; wait_exit
[ "$(cat "$TMP/rc" 2>/dev/null)" = 1 ] || bad "Ctrl-C on the passphrase screen: exit status $(cat "$TMP/rc" 2>/dev/null)"
end

begin "the passphrase screen comes in the language of --lang once the translations have loaded"
start_asking "$TMP/asked" --lang fr
wait_for "Phrase secrète : []"
keys C-c; wait_exit
end

begin "a wrong passphrase three times: a clear message, exit 2, the store file unchanged"
sum=$(cksum <"$TMP/asked/cases.db")
start_asking "$TMP/asked"
wait_for "Passphrase: []" &&
step "wrong one" Enter "Wrong passphrase. 2 tries left." &&
step "wrong two" Enter "Wrong passphrase. One try left." &&
keys "wrong three" Enter && wait_exit &&
wait_for "wrong passphrase, 3 times: the store was not opened"
[ "$(cat "$TMP/rc" 2>/dev/null)" = 2 ] || bad "exit status $(cat "$TMP/rc" 2>/dev/null)"
[ "$(cksum <"$TMP/asked/cases.db")" = "$sum" ] || bad "the store file changed"
history | grep -qF -e "wrong one" -e "wrong two" -e "wrong three" && bad "a typed passphrase is on the screen"
end

begin "a broken deck is refused with file:line:col after the terminal is restored, before any passphrase"
start_asking "$TMP/asked" --deck tests/e2e/decks/cycle
wait_exit
wait_for "10-main.screen:13:7: error: cycle"
[ "$(cat "$TMP/rc" 2>/dev/null)" = 2 ] || bad "exit status $(cat "$TMP/rc" 2>/dev/null)"
end

begin "without a terminal, the line mode starts with a notice"
printf '' | $WRAP $BIN --contacts screens/contacts.example --data "$TMP/pipe" --passphrase-file "$TMP/pass" >"$TMP/out" 2>"$TMP/err"
grep -qF "using the line mode" "$TMP/err" || bad "no notice"
grep -qF "line mode" "$TMP/out" || bad "the line mode did not start"
end

begin "TERM=dumb starts the line mode"
start dumb 80 24
wait_for "using the line mode"
end

# ---- the case store ---------------------------------------------------

# The steps of an interview: keys|what the next screen shows|slot=value.
cat >"$TMP/steps" <<'STEPS'
2 Enter|taking place|setup.role=labour
1 Enter|contact come about|setup.place=office
1 3 Enter|Who is interpreting|setup.contact=inspection self
2 Enter|somewhere private|setup.interpreter=professional
y Enter|Is anyone with the person|safety.private=yes
n Enter|immediate danger|safety.controller=no
n Enter|under 18 now|safety.danger=no
n Enter|Read this aloud|safety.minor=no
Enter|agree to go on|
y Enter|How old are you now?|consent.agree=yes
3 0 Enter|Tell me how you came|age.now=30
CANARY-5x9q Enter|mark each of these|act.open=CANARY-5x9q
y Enter|cross into this country|act.recruited=yes
STEPS

# The answers a case holds, one slot=value a line, sorted (from export).
held() {
	$WRAP $BIN export "$1" --format json --data "$2" --passphrase-file "$TMP/pass" 2>/dev/null |
		awk '/"answers": \{/ { sub(/.*"answers": \{/, ""); sub(/\},?$/, "");
			n = split($0, kv, /", "/); for (i = 1; i <= n; i++) { gsub(/"/, "", kv[i]);
			sub(/: /, "=", kv[i]); if (kv[i] != "") print kv[i] } }' | sort
}
send_step() { for key_ in $1; do keys "$key_"; done; }

begin "kill -9 at random points (SEED=$SEED), 20 runs: every committed answer is there and nothing else"
run=1
while [ "$run" -le 20 ] && [ "$ok" = 1 ]; do
	start xterm-256color 80 24
	data="$TMP/store$stores"
	draw 12; nconf=$((drawn + 1))	# steps confirmed
	wait_for "Start a new interview" && step Enter "Who is doing"
	: >"$TMP/want"
	maybe=""
	si=0
	while IFS='|' read -r ks mark kv; do
		si=$((si + 1))
		if [ "$si" -le "$nconf" ]; then
			send_step "$ks"; wait_for "$mark" || break
			[ -n "$kv" ] && echo "$kv" >>"$TMP/want"
		elif [ "$si" = $((nconf + 1)) ]; then
			send_step "$ks"	# the kill lands somewhere in or after these keys
			maybe=$kv
			draw 10; sleep "0.0$drawn"
			signal KILL
			break
		fi
	done <"$TMP/steps"
	wait_exit
	case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" 2>/dev/null | awk 'NR == 2 { print $1 }')
	held "$case" "$data" >"$TMP/got"
	sort "$TMP/want" >"$TMP/want.s"
	if ! cmp -s "$TMP/got" "$TMP/want.s"; then
		{ cat "$TMP/want.s"; [ -n "$maybe" ] && echo "$maybe"; } | sort >"$TMP/want2"
		cmp -s "$TMP/got" "$TMP/want2" || bad "run $run (after $nconf steps): held $(tr '\n' ' ' <"$TMP/got"), committed $(tr '\n' ' ' <"$TMP/want.s")"
	fi
	stop_tmux
	# Restart on the same store and resume at the question left.
	rm -f "$TMP/rc"
	new_tmux 80 24 \
		"env TERM=xterm-256color $WRAP $BIN --contacts screens/contacts.example --data $data --passphrase-file $TMP/pass; echo \$? >$TMP/rc; sleep 600"
	wait_for "Resume interview $case" && keys 1 || $WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" 2>&1 | sed "s/^/    cases: /"
	last=$(sed -n "${nconf}p" "$TMP/steps" | cut -d'|' -f2)
	next=$(sed -n "$((nconf + 1))p" "$TMP/steps" | cut -d'|' -f2)
	i=0
	while ! screen | grep -qF -e "$last" -e "$next"; do
		i=$((i + 1)); [ "$i" -gt $((LIMIT * 10)) ] && { bad "run $run: not resumed at \"$last\" or \"$next\""; screen | sed "s/^/    | /"; break; }
		sleep 0.1
	done
	keys C-c; wait_exit
	stop_tmux
	run=$((run + 1))
done
end

begin "typed text and notes never reach any file of the store, nor after delete"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview" && step Enter "Who is doing"
keys C-n; wait_for "Note: ["; send_step "NOTE-CANARY-8k2"; keys Enter; wait_for "Note saved"
while IFS='|' read -r ks mark kv; do send_step "$ks"; wait_for "$mark" || break; done <"$TMP/steps"
grep -rqa -e "CANARY-5x9q" -e "NOTE-CANARY-8k2" "$data" && bad "a canary is on disk while the interview runs"
keys C-c; wait_exit
grep -rqa -e "CANARY-5x9q" -e "NOTE-CANARY-8k2" "$data" && bad "a canary is on disk after leaving"
case=$($WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" | awk 'NR == 2 { print $1 }')
held "$case" "$data" | grep -qF "act.open=CANARY-5x9q" || bad "the text answer was not saved"
$WRAP $BIN delete "$case" --data "$data" --passphrase-file "$TMP/pass" >/dev/null || bad "delete failed"
grep -rqa -e "CANARY" -e "$case" "$data" && bad "something of the case is on disk after delete"
end

begin "a second tipscreen on the same store is refused, and no stale lock after kill -9"
start xterm-256color 80 24
data="$TMP/store$stores"
wait_for "Start a new interview"
$WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" >"$TMP/out" 2>"$TMP/err" && bad "second instance allowed"
grep -qF "another tipscreen is using this data directory" "$TMP/err" || bad "no clear message: $(cat "$TMP/err")"
signal KILL; wait_exit
$WRAP $BIN cases --data "$data" --passphrase-file "$TMP/pass" >/dev/null 2>"$TMP/err" || bad "stale lock: $(cat "$TMP/err")"
end

begin "the summary under --law gb-ew: the Protocol first, then the law with its texts' status"
start xterm-256color 80 24 --law gb-ew
if interview_to_summary; then
	screen >"$TMP/law.txt"
	i=0	# the summary page by page, each screen kept
	while ! grep -qF "this is not legal advice" "$TMP/law.txt" && [ "$i" -lt 60 ]; do
		keys PageDown; sleep 0.2; screen >>"$TMP/law.txt"; i=$((i + 1))
	done
	grep -qF "[consistent-adult]" "$TMP/law.txt" || bad "no Protocol outcome"
	grep -qF "Under s.2 of the Modern Slavery Act 2015 (England" "$TMP/law.txt" ||
		bad "no 'Under' section"
	grep -qF "text UNVERIFIED" "$TMP/law.txt" || bad "no text status"
	grep -qF "Check the current law; this is not legal advice." "$TMP/law.txt" || bad "no caution"
fi
end

begin "a solo training session: TRAINING on every screen, what the person says, the debrief"
start xterm-256color 80 24 train supervisor-interprets --solo
wait_for "Press Enter to begin" &&
step Enter "tipscreen TRAINING" && screen | grep -qF "Start a new interview" &&
step Enter "TRAINING Setup — about" &&
screen | grep -qF "Says: (The trainee is a labour inspector.)" || bad "no Says line"
step 2 Enter "taking place" &&
step 2 Enter "Says: (It is an inspection visit.)" &&
step 1 Enter 'Says: The supervisor: "I translate for him' &&
step 6 Enter 'Says: The supervisor: "I stay here.' &&
step y Enter "TRAINING Stop and refer" &&
step Enter "TRAINING Referral" &&
step Enter "TRAINING Close" &&
step Enter "TRAINING debrief: The supervisor offers to interpret" &&
wait_for "q: leave"
# The debrief screen at 80x24: pass or fail and the score on its first page.
screen | head -4 | grep -qF "PASSED — Score: 100% (19 of 19)" || bad "no pass and score on the first page"
screen | grep -qF "Element    Yours" || bad "no elements on the first page"
step End "the slowest questions:" &&
keys q &&
wait_exit
history | grep -qF "PASSED — Score: 100% (19 of 19)" || bad "no score after the debrief screen"
[ "$(cat "$TMP/rc" 2>/dev/null)" = 0 ] || bad "exit status $(cat "$TMP/rc" 2>/dev/null)"
[ ! -e "$TMP/store$stores" ] || bad "training created the case store $TMP/store$stores"
end

begin "a role-play session in French: the intro, the wizard and the debrief screen from the PO file"
# The fixture scenario of tests/e2e/train and its French (msgctxt).
mkdir -p "$TMP/cdeck/scenarios" "$TMP/loc"
cp screens/*.screen "$TMP/cdeck/"
cp -r screens/law "$TMP/cdeck/"
cp tests/e2e/train/classroom.scenario "$TMP/cdeck/scenarios/"
{ cat locales/fr.po; grep -v '^#' tests/e2e/train/classroom.fr.po; } >"$TMP/loc/fr.po"
start xterm-256color 80 24 train classroom-fixture --deck "$TMP/cdeck" --locales "$TMP/loc" --lang fr
wait_for "Une inspection du travail sur un chantier" &&
screen | grep -qF "FORMATION: L'interprète de l'inspecteur" || bad "no French intro"
screen | grep -qF "SECRET" && bad "the intro gives the persona or a teaching point"
step Enter "Commencer un nouvel entretien" &&
step Enter "FORMATION" && step Enter "Qui fait ce repérage" &&
step 2 Enter "Où se déroule cet entretien" &&
step 2 Enter "Comment ce contact a-t-il eu lieu" &&
step 1 Enter "Qui interprète" &&
step 6 Enter "Cet interprète connaît-il la personne" &&
keys y && step Enter "Arrêter et orienter" &&
step Enter "Orientation" &&
step Enter "Clôture" &&
step Enter "Débriefing de FORMATION: L'interprète de l'inspecteur" &&
wait_for "q : quitter" &&
screen | head -4 | grep -qF "RÉUSSI — Score: 100% (18 sur 18)" || bad "no French pass and score on the first page"
screen | grep -qF "Écarts importants" || bad "the debrief screen is not in French"
keys q
wait_exit
[ "$(cat "$TMP/rc" 2>/dev/null)" = 0 ] || bad "exit status $(cat "$TMP/rc" 2>/dev/null)"
end

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
