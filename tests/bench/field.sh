#!/bin/sh
# make bench, the interviewer's part (issue 23): how long the line mode's
# short summary takes to hear with espeak-ng at its default rate (175 words
# a minute; target under 90 s), beside the whole summary; and `replay` of an
# answers file of 20,000 and of 40,000 lines (target: the second at most
# about twice the first, a linear reader). Medians of RUNS runs. A missed
# target says MISSED; it never fails.
set -u
BIN=${TIPSCREEN:-./tipscreen}
RUNS=${RUNS:-5}
. tests/sandbox.sh
sandbox bench-field
export LANG=C.UTF-8
unset LANGUAGE LC_ALL
printf 'correct horse battery staple\n' >"$TMP/pass"

# Seconds of a WAV file espeak-ng wrote (16-bit mono at its rate).
wav_seconds() {
	rate=$(od -An -tu4 -j24 -N4 "$1" | tr -d ' ')
	size=$(wc -c <"$1")
	awk -v s="$size" -v r="$rate" 'BEGIN { printf "%.1f", (s - 44) / (2 * r) }'
}

echo "bench: the short summary, heard (espeak-ng, default rate)"
if command -v espeak-ng >/dev/null 2>&1 && command -v script >/dev/null 2>&1; then
	# A person at a terminal: the line mode gives the short summary first.
	script -qec "$BIN --plain --width 80 --data $TMP/store --passphrase-file $TMP/pass <tests/e2e/plain/adult.in" \
		/dev/null >"$TMP/out" 2>&1
	tr -d '\r' <"$TMP/out" | sed -n '/^SUMMARY OF THE SCREENING/,/^Type details/p' | sed '$d' >"$TMP/short.txt"
	# The whole summary, as a script gets it.
	"$BIN" --plain --width 80 --data "$TMP/store2" --passphrase-file "$TMP/pass" \
		<tests/e2e/plain/adult.in >"$TMP/full.out" 2>/dev/null
	sed -n '/^SUMMARY OF THE SCREENING/,/^Press Enter/p' "$TMP/full.out" | sed '$d' >"$TMP/full.txt"
	espeak-ng -w "$TMP/short.wav" -f "$TMP/short.txt"
	espeak-ng -w "$TMP/full.wav" -f "$TMP/full.txt"
	short=$(wav_seconds "$TMP/short.wav") full=$(wav_seconds "$TMP/full.wav")
	verdict=$(awk -v s="$short" 'BEGIN { print (s < 90) ? "ok" : "MISSED" }')
	printf '  %-44s %8s s  (%s words; target < 90 s: %s)\n' "short summary, typical adult case" \
		"$short" "$(wc -w <"$TMP/short.txt" | tr -d ' ')" "$verdict"
	printf '  %-44s %8s s  (%s words)\n' "whole summary (\"details\" too)" "$full" \
		"$(wc -w <"$TMP/full.txt" | tr -d ' ')"
else
	echo "  espeak-ng or script(1) is missing (apt-get install espeak-ng bsdutils): not measured"
fi

# An answers file of n lines: the complete example, each answer followed by
# comment lines (what a file kept by hand, or generated with explanations,
# looks like), up to n lines.
answers_of() {
	awk -v n="$1" 'NR == FNR { lines[++k] = $0; next } END {
		per = int((n - k) / k) + 1; out = 0
		for (i = 1; i <= k; i++) { print lines[i]; out++
			for (j = 0; j < per && out < n; j++) { print "# note " out; out++ } } }' \
		tests/e2e/answers/adult-consistent.answers tests/e2e/answers/adult-consistent.answers >"$2"
}

# The median of RUNS runs of replay FILE, in milliseconds.
replay_ms() {
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		"$BIN" replay "$1" >/dev/null 2>&1 || { echo "replay $1 failed" >&2; return 1; }
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000000))
		i=$((i + 1))
	done | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "bench: replay of long answers files (median of $RUNS runs)"
answers_of 20000 "$TMP/a20k.answers"
answers_of 40000 "$TMP/a40k.answers"
a=$(replay_ms "$TMP/a20k.answers") b=$(replay_ms "$TMP/a40k.answers")
ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", (a > 0 ? b / a : 1) }')
verdict=$(awk -v r="$ratio" -v b="$b" 'BEGIN { print (r <= 2.2 || b < 50) ? "ok" : "MISSED" }')
printf '  %-44s %8s ms\n' "replay, 20,000 lines" "$a"
printf '  %-44s %8s ms  (%sx; target about 2x at most: %s)\n' "replay, 40,000 lines" "$b" "$ratio" "$verdict"
