#!/bin/sh
# make bench, the wizard's part: tipscreen side by side with dialog(1) on
# the same machine, both on an 80x24 pseudo-terminal (TERM=xterm-256color),
# the median of RUNS runs each:
#   - start to the first screen drawn (tipscreen's is the passphrase prompt
#     of its encrypted store), the unlock, and the first question
#   - Enter to the next screen drawn, and the bytes that change writes, for
#     the same yes-no questions (safety.controller, then safety.danger)
#   - reaction to Esc, peak RSS
# dialog is installed for the bench only (as root), never for the program.
set -u
BIN=${TIPSCREEN:-./tipscreen}
TTYB=${TTYBENCH:-build/rel/ttybench}
RUNS=${RUNS:-7}
export TERM=xterm-256color HOME=$(mktemp -d /tmp/tipscreen-bench-XXXXXX)
trap 'rm -rf "$HOME"' EXIT

if ! command -v dialog >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q dialog >/dev/null 2>&1
	fi
	command -v dialog >/dev/null 2>&1 ||
		echo "bench: dialog is not installed (apt-get install dialog); its column stays empty"
fi

# The question text of a screen of the bundled deck, folded to one line.
question() {
	awk -v id="$1" '
		/^Screen: / { on = ($2 == id) }
		on && /^Question: / { sub(/^Question: /, ""); q = $0; inq = 1; next }
		on && inq && /^ / { sub(/^ /, ""); q = q " " $0; next }
		{ inq = 0 }
		END { print q }' screens/*.screen
}
Q1=$(question safety.controller)
Q2=$(question safety.danger)

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'; }

# run NAME FIELD SCRIPT PROGRAM...: the median of FIELD (2 ms, 3 bytes) of
# the measurement NAME.
run() {
	name=$1 field=$2 script=$3; shift 3
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		"$TTYB" "$script" -- "$@" 2>/dev/null | awk -v n="$name" -v f="$field" '$1 == n { print $f }'
		i=$((i + 1))
	done | median
}

# The wizard opens an encrypted store: made here once; each run types its
# passphrase at the prompt, as an interviewer does.
PASS='correct horse battery staple'
printf '%s\n' "$PASS" >"$HOME/pass"
"$BIN" cases --data "$HOME/store" --passphrase-file "$HOME/pass" >/dev/null
UNLOCK="w:Passphrase: |k:$PASS\r"
TO_CONTROLLER='w:Start a new interview|k:\r|w:screening?|k:2\r|w:place?|k:1\r|w:apply.|k:\r|w:interpreting?|k:2\r|w:answers?|k:y\r|w:documents)?'
OURS="$UNLOCK|$TO_CONTROLLER|k:n|w:(*) n No|m:enter|k:\r|w:care?|m:esc|k:\e|w:documents)?|k:\003|w:EXIT"
OURS_START="m:start|w:Passphrase: |k:$PASS\r|m:unlock|w:Start a new interview|m:first|k:\r|w:screening?|k:\003|w:EXIT"
THEIRS="m:start|w:documents)?|m:enter|k:\r|w:care?|m:esc|k:\e|w:EXIT"

ours() { run "$1" "$2" "$3" "$BIN" --contacts /dev/null --data "$HOME/store"; }
theirs() {
	command -v dialog >/dev/null 2>&1 || { echo "-"; return; }
	run "$1" "$2" "$THEIRS" dialog --yesno "$Q1" 12 70 --and-widget --yesno "$Q2" 12 70
}

printf '\nThe wizard beside dialog %s (80x24, %s runs, medians):\n' \
	"$(dialog --version 2>/dev/null | sed 's/^Version: //')" "$RUNS"
printf '%-44s %12s %12s\n' "" "tipscreen" "dialog"
printf '%-44s %12s %12s\n' "start to the first screen drawn (ms)" \
	"$(ours start 2 "$OURS_START")" "$(theirs start 2)"
printf '%-44s %12s %12s\n' "passphrase to the start screen (Argon2id)" "$(ours unlock 2 "$OURS_START")" "n/a"
printf '%-44s %12s %12s\n' "start screen to the first question (ms)" "$(ours first 2 "$OURS_START")" "n/a"
printf '%-44s %12s %12s\n' "Enter to the next yes-no screen (ms)" \
	"$(ours enter 2 "$OURS")" "$(theirs enter 2)"
printf '%-44s %12s %12s\n' "bytes written for that screen change" \
	"$(ours enter 3 "$OURS")" "$(theirs enter 3)"
printf '%-44s %12s %12s\n' "Esc: back (tipscreen), leave (dialog) (ms)" \
	"$(ours esc 2 "$OURS")" "$(theirs esc 2)"
ours_rss=$(i=0; while [ $i -lt 3 ]; do "$TTYB" "$OURS" -- "$BIN" --contacts /dev/null --data "$HOME/store" 2>/dev/null | awk '$1 == "rss" { print $2 }'; i=$((i + 1)); done | median)
their_rss=-
command -v dialog >/dev/null 2>&1 &&
	their_rss=$(i=0; while [ $i -lt 3 ]; do "$TTYB" "$THEIRS" -- dialog --yesno "$Q1" 12 70 --and-widget --yesno "$Q2" 12 70 2>/dev/null | awk '$1 == "rss" { print $2 }'; i=$((i + 1)); done | median)
printf '%-44s %12s %12s\n' "peak RSS (KB)" "$ours_rss" "$their_rss"
echo "Targets: start no slower than dialog; bytes per change at most dialog's; Esc within 50 ms;"
echo "RSS within dialog's plus 1024 KB."
