#!/bin/sh
# make bench: one table, measured in one run, of
#   - the engine (build/rel/bench): the bundled deck, the translations, a
#     full replay, synthetic decks of 100 to 100,000 screens, a durable
#     commit against one fsync, the unlock;
#   - the wizard on an 80x24 pseudo-terminal (TERM=xterm-256color), beside
#     dialog(1)'s yes/no box and two floor programs drawing the same box
#     (tests/bench/floor.c: one linked like tipscreen, one with ncursesw
#     alone): the first screen, Enter to the next screen and the bytes it
#     writes, Esc, the resident memory at a question; medians of RUNS runs
#     (START_RUNS for the first screen, which is quick to measure and the
#     most disturbed by other programs on the machine).
#   - the store at 1, 1,000 and 5,000 complete cases (build/rel/storebench
#     builds them through the store's API, once, kept in build/bench-stores
#     until the store's code, the builder or the deck changes): a commit at each size beside its floor,
#     bytes per commit, `cases` beside its floor, `bundle --all` at 5,000
#     beside 1,000.
# Every ratio is taken pair by pair (the two sides run in turn) and shown
# as min/median/max. dialog is stopped with Esc, never Ctrl-C, which a
# `make` started in the background ignores.
# dialog is installed for the bench only (as root), never for the program.
# Targets are those of issues 14 and 25; a missed one says MISSED, never fails.
set -u
BIN=${TIPSCREEN:-./tipscreen}
B=${BENCH_DIR:-build/rel}
RUNS=${RUNS:-9}
START_RUNS=${START_RUNS:-31}
. tests/sandbox.sh
sandbox bench
# The state directory apart: fresh copies it for every run.
export TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME="$TMP/state"
unset LANGUAGE LC_ALL ESCDELAY

if ! command -v dialog >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		echo "bench: installing dialog for the bench (apt-get install dialog)"
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q dialog >/dev/null 2>&1
	fi
	command -v dialog >/dev/null 2>&1 ||
		echo "bench: dialog is not installed (apt-get install dialog): its column stays empty"
fi
have_dialog() { command -v dialog >/dev/null 2>&1; }

echo "bench: the engine (deck sizes up to 100,000 screens take a while)..."
"$B/bench" screens tests/e2e/answers/adult-consistent.answers >"$TMP/engine" || exit 1

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

# The wizard opens an encrypted store, made here once and copied for each
# run with the laptop's counter (so that every run sees the same store and
# the same laptop, not a rolled-back copy); each run types the
# passphrase at the prompt, as an interviewer does.
PASS='correct horse battery staple'
printf '%s\n' "$PASS" >"$TMP/pass"
"$BIN" cases --data "$TMP/store" --passphrase-file "$TMP/pass" >/dev/null || exit 1
cp -a "$TMP/state" "$TMP/state0"
# fresh DIR [STATE]: a copy of the store in DIR, and the laptop's record of
# it (the rollback counter of the state directory, $TMP/state or STATE) as
# it was when it was made.
fresh() {
	st=${2:-$TMP/state}
	rm -rf "$1" "$st" && cp -a "$TMP/store" "$1" && cp -a "$TMP/state0" "$st"
}
OURS="m:start|w:Passphrase: |m:unlock|k:$PASS\r|w:Start a new interview|m:first|k:\r|w:screening?"
OURS="$OURS|k:2\r|w:place?|k:1\r|w:apply.|k:\r|w:interpreting?|k:2\r|w:answers?|k:y\r|w:documents)?"
OURS="$OURS|r:question|k:n|w:(*) n No|m:enter|k:\r|w:care?|m:esc|k:\e|w:documents)?|k:\003|w:EXIT"
THEIRS="m:start|w:documents)?|r:question|m:enter|k:\r|w:care?|m:esc|k:\e|w:EXIT"
FLOOR="m:start|w:documents)?|r:question|k:q|w:EXIT"

# The first screen alone: start, wait for it, then Ctrl-C for tipscreen
# (its own handler), Esc for dialog (with a short ESCDELAY: only the time
# to the first screen is measured), q for the floor programs.
START="m:start|w:Passphrase: |k:\003|w:EXIT"
DSTART="m:start|w:documents)?|k:\e|w:EXIT"
FSTART="m:start|w:documents)?|k:q|w:EXIT"
echo "bench: the first screen of each, $START_RUNS runs interleaved..."
: >"$TMP/start"
i=0
while [ "$i" -lt "$START_RUNS" ]; do
	fresh "$TMP/run"
	"$B/ttybench" "$START" -- "$BIN" --contacts screens/contacts.example --data "$TMP/run" 2>>"$TMP/errors" |
		sed 's/^start/ours/' >>"$TMP/start"
	if have_dialog; then
		ESCDELAY=25 "$B/ttybench" "$DSTART" -- dialog --yesno "$Q1" 12 70 2>>"$TMP/errors" |
			sed 's/^start/theirs/' >>"$TMP/start"
	fi
	"$B/ttybench" "$FSTART" -- "$B/bench-floor" "$Q1" 2>>"$TMP/errors" | sed 's/^start/floor/' >>"$TMP/start"
	"$B/ttybench" "$FSTART" -- "$B/bench-bare" "$Q1" 2>>"$TMP/errors" | sed 's/^start/bare/' >>"$TMP/start"
	i=$((i + 1))
done

echo "bench: the wizard, dialog and the floor, $RUNS runs each, interleaved..."
: >"$TMP/ours"; : >"$TMP/theirs"; : >"$TMP/floor"; : >"$TMP/bare"; : >"$TMP/shm"
SHM=
if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && SHM=$(mktemp -d /dev/shm/tipscreen-bench-XXXXXX); then
	sandbox_on_exit 'rm -rf "$SHM"'
fi
i=0
while [ "$i" -lt "$RUNS" ]; do
	fresh "$TMP/run"
	"$B/ttybench" "$OURS" -- "$BIN" --contacts screens/contacts.example --data "$TMP/run" >>"$TMP/ours" 2>>"$TMP/errors" ||
		echo "failed 1" >>"$TMP/ours"
	# The same walk with the store and the counter in memory: Enter
	# without the disk.
	if [ -n "$SHM" ]; then
		fresh "$SHM/run" "$SHM/state"
		XDG_STATE_HOME="$SHM/state" "$B/ttybench" "$OURS" -- "$BIN" --contacts screens/contacts.example --data "$SHM/run" \
			>>"$TMP/shm" 2>>"$TMP/errors" || echo "failed 1" >>"$TMP/shm"
	fi
	if have_dialog; then
		"$B/ttybench" "$THEIRS" -- dialog --yesno "$Q1" 12 70 --and-widget --yesno "$Q2" 12 70 \
			>>"$TMP/theirs" 2>>"$TMP/errors" || echo "failed 1" >>"$TMP/theirs"
	fi
	"$B/ttybench" "$FLOOR" -- "$B/bench-floor" "$Q1" >>"$TMP/floor" 2>>"$TMP/errors" ||
		echo "failed 1" >>"$TMP/floor"
	"$B/ttybench" "$FLOOR" -- "$B/bench-bare" "$Q1" >>"$TMP/bare" 2>>"$TMP/errors" ||
		echo "failed 1" >>"$TMP/bare"
	i=$((i + 1))
done

# get FILE NAME [FIELD]: the median of FIELD (default 2) of the NAME lines.
get() {
	awk -v n="$2" -v f="${3:-2}" '$1 == n { print $f }' "$1" | sort -n |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)]; else print "-" }'
}
# calc EXPR with a b c...: awk arithmetic on the values, "-" if any is.
calc() {
	e=$1; shift
	for v in "$@"; do [ "$v" = - ] && { echo -; return; }; done
	awk -v a="${1:-0}" -v b="${2:-0}" -v c="${3:-0}" "BEGIN { $e }"
}
# verdict VALUE LIMIT: "ok" when VALUE <= LIMIT, else MISSED.
verdict() { calc 'print (a <= b) ? "ok" : "MISSED"' "$1" "$2"; }
row() { printf '%-44s %10s %10s  %-28s %s\n' "$1" "$2" "$3" "$4" "$5"; }
section() { printf '%s\n' "$1"; }

t_start=$(get "$TMP/start" ours); d_start=$(get "$TMP/start" theirs)
f_start=$(get "$TMP/start" floor); b_start=$(get "$TMP/start" bare)
t_enter=$(get "$TMP/ours" enter); d_enter=$(get "$TMP/theirs" enter)
t_bytes=$(get "$TMP/ours" enter 3); d_bytes=$(get "$TMP/theirs" enter 3)
t_esc=$(get "$TMP/ours" esc); d_esc=$(get "$TMP/theirs" esc)
t_rss=$(get "$TMP/ours" question); d_rss=$(get "$TMP/theirs" question)
f_rss=$(get "$TMP/floor" question)
t_peak=$(get "$TMP/ours" rss); d_peak=$(get "$TMP/theirs" rss)
fsync=$(get "$TMP/engine" fsync); commit=$(get "$TMP/engine" commit)
fsync_ms=$(calc 'printf "%.2f", a / 1000' "$fsync")

ratio() { calc 'printf "%.2fx", a / b' "$1" "$2"; }
# spread FILE_A NAME_A FILE_B NAME_B [FIELD] [PLUS]: min/median/max over the
# runs of A / (B + PLUS), the k-th NAME_A line of FILE_A against the k-th
# NAME_B line of FILE_B (the two ran in the same round); a pair with a
# zero (a run that measured nothing) is left out.
spread() {
	awk -v na="$2" -v nb="$4" -v f="${5:-2}" -v plus="${6:-0}" '
		NR == FNR && $1 == na { a[++i] = $f }
		NR != FNR && $1 == nb { b[++j] = $f }
		END { n = 0; for (k = 1; k <= i && k <= j; k++) if (a[k] > 0 && b[k] + plus > 0) r[++n] = a[k] / (b[k] + plus)
		      if (!n) { print "-"; exit }
		      for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (r[y] < r[x]) { t = r[x]; r[x] = r[y]; r[y] = t }
		      printf "%.2f/%.2f/%.2f", r[1], (n % 2 ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2), r[n] }' "$1" "$3"
}
# med3 "min/med/max": the median.
med3() { echo "$1" | cut -d/ -f2; }
printf '\nmake bench: tipscreen %s, dialog %s; %s cores, load average %s; 80x24 pty, medians of %s (first screen: of %s)\n' \
	"$("$BIN" --version | sed -n '1s/^tipscreen //p')" \
	"$(dialog --version 2>/dev/null | sed 's/^Version: //')" "$(nproc)" \
	"$(cut -d' ' -f1-3 /proc/loadavg)" "$RUNS" "$START_RUNS"
row "" "tipscreen" "reference" "target" ""
section "The wizard beside dialog's yes/no box (reference: dialog)"
s_start=$(spread "$TMP/start" ours "$TMP/start" theirs)
row "first screen drawn (ms)" "$t_start" "$d_start" \
	"<= 0.9x dialog" "$s_start $(verdict "$(med3 "$s_start")" 0.9)"
row "  floor: same libraries, one box (ms)" "$f_start" "$d_start" "(issue: 0.85x)" "$(ratio "$f_start" "$d_start")"
row "  bare ncursesw, one box (ms)" "$b_start" "$d_start" "(issue: 0.71x)" "$(ratio "$b_start" "$d_start")"
row "  first screen against the floor" "$t_start" "$f_start" \
	"within 5% of the floor" "$(ratio "$t_start" "$f_start") $(verdict "$t_start" "$(calc 'print b * 1.05' "$t_start" "$f_start")")"
s_enter=$(spread "$TMP/ours" enter "$TMP/theirs" enter 2 "$fsync_ms")
row "Enter to the next yes/no screen (ms)" "$t_enter" "$d_enter" \
	"<= dialog + one fsync" "$s_enter $(verdict "$(med3 "$s_enter")" 1) (fsync $fsync_ms ms)"
row "  the same, the store in memory (tmpfs)" "$(get "$TMP/shm" enter)" "$d_enter" "(the commit without a disk)" ""
row "bytes written for that screen change" "$t_bytes" "$d_bytes" "<= dialog's" "$(verdict "$t_bytes" "$d_bytes")"
row "Esc: back (dialog: leaves) (ms)" "$t_esc" "$d_esc" "<= 50 ms" "$(verdict "$t_esc" 50)"
s_rss=$(spread "$TMP/ours" question "$TMP/theirs" question 2 2048)
row "resident memory at a question (KB)" "$t_rss" "$d_rss" \
	"<= dialog + 2048 KB" "$s_rss $(verdict "$(med3 "$s_rss")" 1) (floor $f_rss)"
row "  peak, the unlock included (KB)" "$t_peak" "$d_peak" "Argon2id: 64 MiB by design" ""
row "passphrase to the start screen (ms)" "$(get "$TMP/ours" unlock)" "n/a" "Argon2id, 64 MiB" ""
row "start screen to the first question (ms)" "$(get "$TMP/ours" first)" "n/a" "" ""
section "The engine (reference: one fsync of a small file on the same disk)"
row "durable answer commit (us)" "$commit" "$fsync" "<= 2x one fsync" \
	"$(ratio "$commit" "$fsync") $(verdict "$commit" "$(calc 'print b * 2' "$commit" "$fsync")")"
row "unlock, Argon2id 64 MiB (ms)" "$(get "$TMP/engine" unlock)" "" "" ""
row "bundled deck, load and every check (us)" "$(get "$TMP/engine" deck)" "" "" ""
langs=$(get "$TMP/engine" langs)
row "translations en, fr, es, load (us)" "$langs" "" "<= 2000 us" "$(verdict "$langs" 2000)"
row "full replay, $(get "$TMP/engine" replay 3) answers, assess (us)" "$(get "$TMP/engine" replay)" "" "" ""
section "Synthetic decks, load and every check (tipscreen: us per screen; reference: ms per load)"
# The 1,000-screen deck is the base: 100 screens fit in the CPU's caches.
base=$(awk '$1 == "synth" && $2 == 1000 && $3 != "skipped" { print $4 }' "$TMP/engine")
base=${base:--}
for n in 100 1000 10000 100000; do
	line=$(awk -v n="$n" '$1 == "synth" && $2 == n' "$TMP/engine")
	if [ -z "$line" ]; then
		row "  $n screens" "-" "-" "" "not measured"
	elif [ "$(echo "$line" | awk '{ print $3 }')" = skipped ]; then
		row "  $n screens" "-" "-" "flat" \
			"MISSED: skipped, ~$(echo "$line" | awk '{ print $4 }') s a load at the growth seen"
	else
		per=$(echo "$line" | awk '{ print $4 }')
		ms=$(echo "$line" | awk '{ printf "%.1f", $3 / 1000 }')
		row "  $n screens" "$per" "$ms" "flat: <= 2x the 1,000's" \
			"$(ratio "$per" "$base") $(verdict "$per" "$(calc 'print b * 2' "$per" "$base")")"
	fi
done

# ---- the store at 1, 1,000 and 5,000 complete cases ----
echo "bench: the store at 1, 1,000 and 5,000 cases..." >&2
SB=$B/storebench
SD=build/bench-stores
# Rebuilt when what they are made of changes: the store's code, the
# builder, the seed interview and the deck it answers.
stamp=$(cat src/store/*.[ch] tests/bench/storebench.c tests/e2e/plain/adult.in screens/*.screen | cksum)
if [ "$(cat "$SD/stamp" 2>/dev/null)" != "$stamp" ]; then
	echo "bench: building the stores (once, until the store's code changes; 1-2 minutes)..." >&2
	rm -rf "$SD" && mkdir -p "$SD" || exit 1
	W=$TMP/build
	if [ -n "$SHM" ]; then W=$SHM/build; fi	# fsync is free there: built fast
	"$BIN" --plain --data "$W/seed" --passphrase-file "$TMP/pass" <tests/e2e/plain/adult.in >/dev/null 2>&1 ||
		{ echo "bench: cannot make the seed interview"; exit 1; }
	for n in 1 1000 5000; do
		XDG_STATE_HOME=$W/state$n "$SB" build "$W/seed" "$TMP/pass" "$W/s$n" "$n" &&
			cp -a "$W/s$n" "$SD/s$n" && rm -rf "$W/s$n" || exit 1
	done
	rm -rf "$W"
	echo "$stamp" >"$SD/stamp"
fi
# copy N: a fresh copy of the N-case store in $TMP/cN; every run uses a new
# state directory, so that no laptop counter refuses a copy.
copy() { rm -rf "$TMP/c$1" && cp -a "$SD/s$1" "$TMP/c$1"; }
fresh_state() { rm -rf "$TMP/sbstate" && mkdir -p "$TMP/sbstate"; }
secs() { date +%s.%N; }
# timed NAME CMD...: "NAME seconds" appended to $TMP/sizes.
timed() {
	name=$1; shift
	t0=$(secs); "$@" >/dev/null 2>"$TMP/stderr" || { echo "$name failed: $*" >>"$TMP/store-errors"
		head -3 "$TMP/stderr" >>"$TMP/store-errors"; }
	echo "$name $(calc 'printf "%.4f", a - b' "$(secs)" "$t0")" >>"$TMP/sizes"
}
: >"$TMP/sizes"; : >"$TMP/store-errors"
copy 1; copy 5000; fresh_state
XDG_STATE_HOME=$TMP/sbstate "$SB" commit "$TMP/pass" "$TMP/c1" "$TMP/c5000" >"$TMP/commits" 2>"$TMP/stderr" ||
	{ echo "storebench commit failed"; head -3 "$TMP/stderr"; } >>"$TMP/store-errors"
SPAIRS=${STORE_PAIRS:-3}
"$BIN" keygen "$TMP/office" --passphrase-file "$TMP/pass" >/dev/null 2>&1
P="--passphrase-file $TMP/pass"
i=0
while [ "$i" -lt "$SPAIRS" ]; do
	fresh_state
	XDG_STATE_HOME=$TMP/sbstate timed cases5000 "$BIN" cases --data "$TMP/c5000" $P
	timed floor5000 "$SB" floor-cases "$TMP/c5000" "$TMP/pass"
	copy 1000; fresh_state; rm -f "$TMP/b.bundle"
	XDG_STATE_HOME=$TMP/sbstate timed bundle1000 "$BIN" bundle --all --to "$TMP/office.pub" -o "$TMP/b.bundle" --data "$TMP/c1000" $P
	copy 5000; fresh_state; rm -f "$TMP/b.bundle"
	XDG_STATE_HOME=$TMP/sbstate timed bundle5000 "$BIN" bundle --all --to "$TMP/office.pub" -o "$TMP/b.bundle" --data "$TMP/c5000" $P
	i=$((i + 1))
done
rm -rf "$TMP"/c1 "$TMP"/c1000 "$TMP"/c5000 "$TMP/b.bundle"
# cm KEY FIELD: field 2 min, 3 median, 4 max of a storebench line.
cm() { awk -v k="$1" -v f="$2" '$1 == k { print $f }' "$TMP/commits"; }
# us KEY: the median of a storebench line, rounded.
us() { awk -v k="$1" '$1 == k { printf "%.0f\n", $3 }' "$TMP/commits"; }
c3() { awk -v k="$1" '$1 == k { printf "%.2f/%.2f/%.2f", $2, $3, $4 }' "$TMP/commits"; }
section "The store at size (storebench; a commit is one store_append, durable)"
row "commit, 1 case (us)" "$(us commit_small_us)" "$(us commit_floor_us)" "floor: INSERT + COMMIT" "$(c3 commit_small_vs_floor)"
row "commit, 5,000 cases (us)" "$(us commit_big_us)" "$(us commit_floor_us)" "floor: INSERT + COMMIT" "$(c3 commit_big_vs_floor)"
row "  commit at 5,000 beside at 1" "$(us commit_big_us)" "$(us commit_small_us)" "<= 1.3x" \
	"$(c3 commit_big_vs_small) $(verdict "$(cm commit_big_vs_small 3)" 1.3)"
row "  bytes written per commit, 5,000 / 1" "$(us bytes_big)" "$(us bytes_small)" "flat: <= 1.1x" \
	"$(ratio "$(cm bytes_big 3)" "$(cm bytes_small 3)") $(verdict "$(cm bytes_big 3)" "$(calc 'print b * 1.1' "$(cm bytes_big 3)" "$(cm bytes_small 3)")") (floor $(us bytes_floor))"
s_cases=$(spread "$TMP/sizes" cases5000 "$TMP/sizes" floor5000)
row "cases, 5,000 cases (s)" "$(get "$TMP/sizes" cases5000)" "$(get "$TMP/sizes" floor5000)" "<= 3x floor" \
	"$s_cases $(verdict "$(med3 "$s_cases")" 3)"
s_bundle=$(spread "$TMP/sizes" bundle5000 "$TMP/sizes" bundle1000)
row "bundle --all, 5,000 beside 1,000 (s)" "$(get "$TMP/sizes" bundle5000)" "$(get "$TMP/sizes" bundle1000)" "linear: <= 6x" \
	"$s_bundle $(verdict "$(med3 "$s_bundle")" 6)"
[ ! -s "$TMP/store-errors" ] || { echo "bench: the store's runs said:"; sort -u "$TMP/store-errors" | head -5; }
[ ! -s "$TMP/errors" ] || { echo "bench: some pseudo-terminal runs did not finish (the medians are of the others):"; sort -u "$TMP/errors"; }
