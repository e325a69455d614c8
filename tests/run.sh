#!/bin/sh
# Runs every unit test binary given as arguments, then the end-to-end and
# tmux tests of the real binary, and closes with one line counting all of
# them: "N passed, M failed".
#   sh tests/run.sh BINARY... (TIPSCREEN names the binary for tests/e2e)
# Each test runs with a HOME, XDG directories and TMPDIR of its own, in a
# directory made here under the caller's TMPDIR; one that leaves anything in
# them fails, naming what it left. Everything is removed at the end, so the
# caller's HOME is never touched and its TMPDIR is left as it was.
set -u
# The tests expect English unless they ask for another language.
unset LANGUAGE LC_ALL LC_MESSAGES
export LANG=C.UTF-8
RUN=$(mktemp -d "${TMPDIR:-/tmp}/tipscreen-run-XXXXXX") || exit 1
trap 'chmod -R u+rwx "$RUN" 2>/dev/null; rm -rf "$RUN"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
log=$RUN/log
passed=0
failed=0
n=0
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
# sandboxed COMMAND...: runs COMMAND (output in $log) with a new HOME, XDG
# directories and TMPDIR, all empty, under $RUN/N; sets rc.
sandboxed() {
	n=$((n + 1))
	box=$RUN/$n
	mkdir -p "$box/home" "$box/tmp"
	HOME=$box/home XDG_CONFIG_HOME=$box/home/.config XDG_DATA_HOME=$box/home/.local/share \
		XDG_STATE_HOME=$box/home/.local/state XDG_CACHE_HOME=$box/home/.cache TMPDIR=$box/tmp \
		"$@" >"$log" 2>&1
	rc=$?
}
# left NAME: fails NAME if it left anything in its HOME or TMPDIR, then
# removes them.
left() {
	if [ -n "$(find "$box/home" "$box/tmp" -mindepth 1 | head -1)" ]; then
		echo "FAIL $1: left behind in its HOME or TMPDIR:"
		find "$box/home" "$box/tmp" -mindepth 1 -maxdepth 3 | sed "s|^$box/|    |" | head -10
		failed=$((failed + 1))
	fi
	chmod -R u+rwx "$box" 2>/dev/null
	rm -rf "$box"
}
for t in "$@"; do
	sandboxed ${TEST_WRAP:-} "$t"
	cat "$log"
	add "$log" "$rc" '^\[  PASSED  \] \([0-9]*\) test(s)\.' \
		'^\[  FAILED  \] \([0-9]*\) test(s), listed below:' "$t"
	left "$t"
done
# The scripts of the real binary: through pipes, installed, and the wizard in
# tmux; then the fuzz smoke when FUZZ_DIR names a fuzz build (not under valgrind).
for script in tests/lint/run.sh \
	tests/e2e/run.sh \
	tests/e2e/cli.sh \
	tests/e2e/rules.sh \
	tests/e2e/deck.sh \
	tests/e2e/situations.sh \
	tests/e2e/profiles.sh \
	tests/e2e/export.sh \
	tests/e2e/plain.sh \
	tests/e2e/install.sh \
	tests/e2e/bundle.sh \
	tests/e2e/keys.sh \
	tests/e2e/fieldlibs.sh \
	tests/e2e/train.sh \
	tests/e2e/schema.sh \
	tests/office/run.sh \
	tests/tui/run.sh ${FUZZ_DIR:+tests/fuzz/smoke.sh}; do
	sandboxed sh "$script"
	grep -v ' passed, .* failed$' "$log"
	add "$log" "$rc" '^\([0-9]*\) passed, [0-9]* failed$' '^[0-9]* passed, \([0-9]*\) failed$' "$script"
	left "$script"
done
echo
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
