# The helpers every end-to-end script shares; source it after `set -u`:
#   . tests/e2e/lib.sh; e2e_setup NAME
# BIN is the binary (TIPSCREEN), WRAP a prefix for every run (valgrind);
# each script gets its own $TMP under TMPDIR, removed on exit, with the
# HOME, XDG directories and TMPDIR of the script in it (tests/sandbox.sh), so
# that no user configuration leaks in and nothing is left behind. A script
# ends with e2e_finish, which prints "N passed, M failed" (the line
# tests/run.sh counts).
. tests/sandbox.sh
BIN=${TIPSCREEN:-./tipscreen}
WRAP=${TIPSCREEN_WRAP:-}
E2E=tests/e2e
passed=0 failed=0 current="" ok=1

# e2e_setup NAME: the temporary directory and the clean environment.
e2e_setup() { sandbox "$1"; }

begin() { current=$1; ok=1; }
bad() { printf 'FAIL %s: %s\n' "$current" "$1"; ok=0; }
end() {
	if [ "$ok" = 1 ]; then passed=$((passed + 1)); printf 'ok   %s\n' "$current"
	else failed=$((failed + 1)); fi
}
# run CODE ARGS...: runs the binary with stdin from $IN (or /dev/null),
# output in $TMP/out and $TMP/err, and checks the exit code.
run() {
	want=$1; shift
	$WRAP "$BIN" "$@" <"${IN:-/dev/null}" >"$TMP/out" 2>"$TMP/err"
	got=$?
	[ "$got" = "$want" ] || bad "exit $got, expected $want ($*); stderr: $(head -c 400 "$TMP/err")"
}
has() { grep -qF -- "$2" "$TMP/$1" || bad "$1 lacks: $2"; }
hasnt() { ! grep -qF -- "$2" "$TMP/$1" || bad "$1 has: $2"; }

e2e_finish() {
	printf '\n%d passed, %d failed\n' "$passed" "$failed"
	[ "$failed" = 0 ]
}

# french_locale: compiles fr_FR.UTF-8 (decimal comma) into $TMP/locale with
# localedef (Debian's package locales has its source), for runs made with
# `in_french run ...`: a locale the machine need not have installed.
french_locale() {
	mkdir -p "$TMP/locale" &&
		localedef -i fr_FR -f UTF-8 "$TMP/locale/fr_FR.UTF-8" >"$TMP/localedef" 2>&1 ||
		bad "localedef cannot make fr_FR.UTF-8 (is the package locales installed?): $(head -c 300 "$TMP/localedef")"
}
# in_french COMMAND...: COMMAND (a shell function too) under LC_ALL=fr_FR.UTF-8.
in_french() {
	export LOCPATH="$TMP/locale" LC_ALL=fr_FR.UTF-8
	"$@"
	unset LOCPATH LC_ALL
}
