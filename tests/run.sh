#!/bin/sh
# Runs every unit test binary given as arguments, then the end-to-end and
# tmux tests of the real binary, and closes with one line counting all of
# them: "N passed, M failed".
#   sh tests/run.sh BINARY... (TIPSCREEN names the binary for tests/e2e)
set -u
log=$(mktemp /tmp/tipscreen-tests-XXXXXX)
trap 'rm -f "$log"' EXIT INT TERM
passed=0
failed=0
for t in "$@"; do
	$TEST_WRAP "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\./\1/p' "$log")
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s), listed below:/\1/p' "$log")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	# A crash, a sanitizer or valgrind error fails the binary as a whole.
	if [ "$rc" != 0 ] && [ "${f:-0}" = 0 ]; then
		echo "FAIL $t: exit status $rc"
		failed=$((failed + 1))
	fi
done
# The scripts of the real binary: through pipes, and the wizard in tmux.
for script in tests/e2e/run.sh tests/tui/run.sh; do
	sh "$script" >"$log" 2>&1
	rc=$?
	grep -v ' passed, .* failed$' "$log"
	p=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$log")
	f=$(sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$log")
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$rc" != 0 ] && [ "${f:-0}" = 0 ]; then
		echo "FAIL $script: exit status $rc"
		failed=$((failed + 1))
	fi
done
echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
