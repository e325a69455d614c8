#!/bin/sh
# Runs every unit test binary given as arguments, then the end-to-end and
# tmux tests of the real binary, and closes with one line counting all of
# them: "N passed, M failed".
#   sh tests/run.sh BINARY... (TIPSCREEN names the binary for tests/e2e)
set -u
# The tests expect English unless they ask for another language.
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
log=$(mktemp /tmp/tipscreen-tests-XXXXXX)
trap 'rm -f "$log"' EXIT INT TERM
passed=0
failed=0
# add LOG RC PASSED_RE FAILED_RE: adds the counts a run printed; a run that
# failed without counting a failure (a crash, a sanitizer) counts as one.
add() {
	p=$(sed -n "s/$3/\\1/p" "$1" | tail -1)
	f=$(sed -n "s/$4/\\1/p" "$1" | tail -1)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
	if [ "$2" != 0 ] && [ "${f:-0}" = 0 ]; then
		echo "FAIL $5: exit status $2"
		failed=$((failed + 1))
	fi
}
for t in "$@"; do
	$TEST_WRAP "$t" >"$log" 2>&1
	rc=$?
	cat "$log"
	add "$log" "$rc" '^\[  PASSED  \] \([0-9]*\) test(s)\.' \
		'^\[  FAILED  \] \([0-9]*\) test(s), listed below:' "$t"
done
# The scripts of the real binary: through pipes, installed, and the wizard in
# tmux; then the fuzz smoke when FUZZ_DIR names a fuzz build (not under valgrind).
for script in tests/lint/run.sh \
	tests/e2e/run.sh \
	tests/e2e/cli.sh \
	tests/e2e/rules.sh \
	tests/e2e/situations.sh \
	tests/e2e/profiles.sh \
	tests/e2e/export.sh \
	tests/e2e/install.sh \
	tests/e2e/bundle.sh \
	tests/e2e/train.sh \
	tests/office/run.sh \
	tests/tui/run.sh ${FUZZ_DIR:+tests/fuzz/smoke.sh}; do
	sh "$script" >"$log" 2>&1
	rc=$?
	grep -v ' passed, .* failed$' "$log"
	add "$log" "$rc" '^\([0-9]*\) passed, [0-9]* failed$' '^[0-9]* passed, \([0-9]*\) failed$' "$script"
done
echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
