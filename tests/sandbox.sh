# The temporary directory every test script works in, and the environment
# that keeps it there; source it, then:
#   sandbox NAME        makes TMP, a new directory under $TMPDIR (or /tmp)
#                       named for NAME, removed when the script exits (also
#                       on INT and TERM); exports HOME, every XDG base
#                       directory and TMPDIR into it, so that nothing the
#                       script runs reads the user's configuration or writes
#                       into the user's HOME or TMPDIR
#   sandbox_on_exit CMD runs CMD (a command line) on exit before TMP is
#                       removed, e.g. to stop a server whose files are there
# A script run under tests/run.sh gets a HOME and TMPDIR of its own there as
# well, checked to be empty after it.
sandbox_exit_cmds=":"

sandbox() {
	TMP=$(mktemp -d "${TMPDIR:-/tmp}/tipscreen-$1-XXXXXX") || exit 1
	trap sandbox_exit EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" \
		XDG_DATA_HOME="$TMP/home/.local/share" XDG_STATE_HOME="$TMP/home/.local/state" \
		XDG_CACHE_HOME="$TMP/home/.cache" TMPDIR="$TMP/tmp"
	mkdir -p "$HOME" "$TMPDIR"
}

sandbox_on_exit() { sandbox_exit_cmds="$sandbox_exit_cmds; $1"; }

sandbox_exit() {
	eval "$sandbox_exit_cmds"
	# A test may have taken a directory's permissions away.
	chmod -R u+rwx "$TMP" 2>/dev/null
	rm -rf "$TMP"
}
