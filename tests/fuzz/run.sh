#!/bin/sh
# Runs each libFuzzer harness of tests/fuzz/ on its committed corpus, with
# the libFuzzer options given (e.g. -max_total_time=60, or -runs=1000
# -seed=1 for the smoke of `make test`), and closes with one line:
# "N passed, M failed". Run from the top of the tree:
#   FUZZ_DIR=build/fuzz sh tests/fuzz/run.sh OPTION... [-- HARNESS...]
# New inputs go to $FUZZ_DIR/scratch/HARNESS (never to the committed
# corpus; with FUZZ_SMOKE set, to a directory removed at the end); a crash
# is a failure that names its reproducer in $FUZZ_DIR/crashes/.
set -u
DIR=${FUZZ_DIR:?FUZZ_DIR names the directory of the fuzz build}
SRC=tests/fuzz
CORPUS=$SRC/corpus
opts=""
while [ $# -gt 0 ] && [ "$1" != -- ]; do opts="$opts $1"; shift; done
[ $# -gt 0 ] && shift
harnesses=${*:-$(cd "$CORPUS" && ls)}
# A sandbox of our own (HOME, XDG directories and TMPDIR in it): the
# harnesses write their inputs under its TMPDIR.
. tests/sandbox.sh
sandbox fuzzrun
# Leaks are failures too; a UBSan finding aborts like an ASan one.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:allocator_may_return_null=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
passed=0
failed=0
mkdir -p "$DIR/crashes"
for h in $harnesses; do
	bin=$DIR/fuzz_$h
	scratch=$DIR/scratch/$h
	# The smoke starts from the committed corpus alone, every time.
	[ -n "${FUZZ_SMOKE:-}" ] && scratch=$TMPDIR/scratch-$h
	log=$DIR/fuzz_$h.log
	mkdir -p "$scratch"
	if [ ! -x "$bin" ]; then
		echo "FAIL fuzz $h: no $bin (make fuzz-build)"
		failed=$((failed + 1))
		continue
	fi
	extra=""
	[ -f "$SRC/$h.dict" ] && extra="-dict=$SRC/$h.dict"
	# shellcheck disable=SC2086
	"$bin" $opts $extra -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$DIR/crashes/$h-" "$scratch" "$CORPUS/$h" >"$log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$rc" = 0 ]; then
		passed=$((passed + 1))
		echo "ok   fuzz $h (${runs:-?} runs)"
	else
		failed=$((failed + 1))
		crash=$(sed -n 's/^.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
		echo "FAIL fuzz $h: exit status $rc; reproducer: ${crash:-none written}; log: $log"
		grep -E 'ERROR|property broken|SUMMARY' "$log" | head -5
		[ -n "$crash" ] && echo "  reproduce: $bin $crash"
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
