#!/bin/sh
# The rules of the source beyond its layers (DESIGN §1, §9): curses only in
# src/tui; front ends render the view and send actions, so they neither
# include the engine's internals, nor build a review or a summary, nor move
# the interview, apply an action, switch the language or read the store
# themselves; a command sees its context and its own options, never the
# whole parsed command line; and no file of src/ is over 700 lines.
#   sh tests/lint/source.sh [SRC]     (SRC: src/ by default)
# Prints every breach with its file (and line), exits 1 if there is any;
# make check runs it, tests/lint/run.sh tests it by injection.
set -u
src=${1:-src}
status=0

# breach MESSAGE HITS: prints the hits under the message, when there are any.
breach() {
	[ -n "$2" ] || return 0
	echo "source: $1:"
	echo "$2" | sed 's/^/  /'
	status=1
}

engine=""
for l in base domain store app train plain cmd office; do
	[ -d "$src/$l" ] && engine="$engine $src/$l"
done
breach "curses included outside src/tui (the engine and the other front ends never draw)" \
	"$(grep -rnE '#include[[:space:]]*[<"](n?curses|ncursesw/)' $engine "$src/main.c" 2>/dev/null)"

fe=$(ls "$src"/tui/*.[ch] "$src"/plain/*.[ch] 2>/dev/null)
if [ -n "$fe" ]; then
	breach "a front end includes the engine's internals (DESIGN §9: render app/view.h)" \
		"$(grep -nE '#include[[:space:]]*"domain/(guard|assess|inputs|law|report|national)\.h"' $fe)"
	breach "a front end builds a review, summary or leave rule, or moves the interview, itself (use app/view.h; send an action)" \
		"$(grep -nE '\<(assess|guard|national|inputs)_[a-z]+\(|\<report_(build|evidence|add_text|text)\(|\<interview_(path|discarded|next|back|goto|answer|set_[a-z]+|stop|finish)\(' $fe)"
	breach "a front end applies an action, switches the language or reads the store itself (return the action to frontend_run; DO_LANG; view_start)" \
		"$(grep -nE '\<(session_do|i18n_use|store_[a-z_]+)\(|struct store_case' $fe)"
fi

if [ -d "$src/cmd" ]; then
	breach "a command reads the parsed command line itself (take struct cmd_ctx and its own options of cmd.h; commands.c's adapter fills them)" \
		"$(grep -nE 'struct cmdline|"cmd/commands\.h"' "$src"/cmd/*.[ch] | grep -vE '^[^:]*/cmd/(cmdline|commands)\.[ch]:')"
fi

long=$(find "$src" -name '*.[ch]' -exec wc -l {} + | awk '$2 != "total" && $1 > 700 { print $2 ": " $1 " lines" }')
breach "a file over 700 lines (split it by concern, as src/store/store_*.c)" "$long"

[ "$status" = 0 ] && echo "source: curses only in src/tui, front ends only render and send actions, commands see their own options, no file over 700 lines"
exit "$status"
