#!/bin/sh
# The command line against its tables (src/cmd/commands.h): an option a
# command does not take, a misspelt command or option, the wrong number of
# arguments, each a usage error (exit 2) that names what is wrong; and the
# man page's synopsis and command paragraphs, which must be what the
# command table generates (`tipscreen --synopsis`). Run from the top of the
# tree (tests/run.sh does):
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/cli.sh
set -u
. tests/e2e/lib.sh
e2e_setup cli
MAN=src/tipscreen.1

# refused WORDS...: the run exits 2, prints nothing on stdout, and says
# "tipscreen: ..." then how to get help.
refused() {
	run 2 "$@"
	[ ! -s "$TMP/out" ] || bad "stdout not empty for $*: $(head -c 200 "$TMP/out")"
	has err "Try 'tipscreen --help'."
}

begin "an option a command does not take is a usage error naming the option and the command"
refused graph --seal-to x --yes --k 5 --trainee bob
has err "tipscreen: graph does not take --seal-to"
has err "Usage: tipscreen graph [--path ID]"
refused graph --seal-to=x
has err "graph does not take --seal-to"
refused graph --path x --yes
has err "graph does not take --yes"
refused office cases --key x.key --db "sqlite:$TMP/office.db"
has err "office cases does not take --key"
has err "Usage: tipscreen office cases"
refused office init --dry-run --db "sqlite:$TMP/office.db"
has err "office init does not take --dry-run"
refused cases --json
has err "cases does not take --json"
refused check --data "$TMP/data"
has err "check does not take --data"
refused train --passphrase-file /nonexistent
has err "train does not take --passphrase-file"
refused --k 5
has err "the interview (no command) does not take --k"
refused --json --plain
has err "does not take --json"
[ ! -e "$TMP/office.db" ] && [ ! -e "$TMP/data" ] || bad "a refused command made a file"
end

begin "an option a command does not take is refused before its value is checked"
refused graph --k nonsense
has err "graph does not take --k"
hasnt err "takes a number"
refused office stats --k 0
has err "--k takes a number from 1 to 1000000, not '0'"
end

begin "a misspelt command, subcommand or option gets 'did you mean'"
refused grpah
has err "unknown command 'grpah' (did you mean 'graph'?)"
refused ofice init
has err "unknown command 'ofice' (did you mean 'office'?)"
refused office stast
has err "unknown office command 'stast' (did you mean 'stats'?)"
refused trainer reprot x
has err "unknown trainer command 'reprot' (did you mean 'report'?)"
refused graph --pth x
has err "unknown option '--pth' (did you mean '--path'?)"
refused --jsno
has err "unknown option '--jsno' (did you mean '--json'?)"
refused frobnicate
has err "unknown command 'frobnicate'"
hasnt err "did you mean"
refused office
has err "office needs a subcommand"
end

begin "the wrong number of arguments is a usage error with the command's synopsis"
refused replay
has err "wrong number of arguments for 'replay'"
has err "Usage: tipscreen replay FILE"
refused graph extra
has err "wrong number of arguments for 'graph'"
refused delete a b
has err "wrong number of arguments for 'delete'"
refused office show
has err "wrong number of arguments for 'office show'"
refused office cases extra
has err "wrong number of arguments for 'office cases'"
refused trainer report
has err "wrong number of arguments for 'trainer report'"
refused office import
has err "wrong number of arguments for 'office import'"
end

begin "a value option without its value is a usage error"
refused graph --path
has err "--path needs a value"
refused graph --path=
has err "--path needs a value"
end

# The man page's SYNOPSIS section and the tags of its COMMANDS paragraphs.
man_synopsis() { sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$MAN" | sed '1,2d;$d'; }
man_command_tags() {
	sed -n '/^\.SH COMMANDS/,/^\.SH OPTIONS/p' "$MAN" | awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }'
}
# roff to plain text, as man shows it.
plain() { sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g'; }

begin "the man page's SYNOPSIS is what the command table generates"
run 0 --synopsis
cp "$TMP/out" "$TMP/synopsis"
[ "$(grep -c '^\\fBtipscreen' "$TMP/synopsis")" -ge 20 ] || bad "too few rows in --synopsis"
man_synopsis >"$TMP/man-synopsis"
diff "$TMP/synopsis" "$TMP/man-synopsis" >"$TMP/diff" ||
	bad "src/tipscreen.1's SYNOPSIS differs from \`tipscreen --synopsis\` (paste it): $(head -20 "$TMP/diff")"
end

begin "every command row has its paragraph in the man page, in the table's order, and back"
grep '^\\fBtipscreen ' "$TMP/synopsis" >"$TMP/rows"
man_command_tags >"$TMP/tags"
diff "$TMP/rows" "$TMP/tags" >"$TMP/diff" ||
	bad "the COMMANDS tags differ from the command table's rows: $(head -20 "$TMP/diff")"
end

begin "--help lists every command row, with its synopsis"
run 0 --help
cp "$TMP/out" "$TMP/help"
n=0
while IFS= read -r row; do
	n=$((n + 1))
	name=$(echo "$row" | sed -n 's/^\\fB\(tipscreen[a-z ]*\)\\fR.*/\1/p')
	grep -q "^\(Usage: \|       \)$name\( \|$\)" "$TMP/help" || bad "--help lacks the row of '$name'"
done <"$TMP/synopsis"
[ "$n" -ge 20 ] || bad "only $n rows"
end

begin "COMMAND --help shows the command's synopsis and only the options it takes"
run 0 graph --help
has out "Usage: tipscreen graph [--path ID]"
has out "  --path ID"
has out "  --deck DIR"
hasnt out "--seal-to"
hasnt out "tipscreen check"
run 0 office stats --help
has out "Usage: tipscreen office stats"
has out "  --k N"
hasnt out "  --signer"
run 0 frobnicate --help
has out "       tipscreen check [DIR]"
end

# A word of a synopsis after an option that takes a value (a capital or a
# literal list such as json|csv|txt) is its value.
begin "every command takes the options its synopsis names"
grep '^\\fBtipscreen ' "$TMP/synopsis" | plain >"$TMP/plain"
n=0
while IFS= read -r row; do
	name=$(echo "$row" | sed -n 's/^tipscreen \([a-z]*\( [a-z]*\)\{0,1\}\) \{0,1\}\([^a-z].*\)\{0,1\}$/\1/p')
	# Too many arguments (or none, where one is needed): the options are
	# checked first, then the arity refuses to run the command.
	args="x x x x"
	first=$(echo "$row" | sed "s/^tipscreen $name *//" | cut -d' ' -f1)
	case $first in [A-Z]*) args="" ;; esac
	for opt in $(echo "$row" | grep -o -- '\(--[a-z-]*\|-o\)\( [A-Za-z.|]*\)\{0,1\}' | tr ' ' '='); do
		case $opt in *=*[A-Z]*|*=*'|'*|*=[a-z]*) ;; *=*) opt=${opt%%=*} ;; esac
		# shellcheck disable=SC2086
		run 2 $name $args "$opt"
		hasnt err "does not take"
		has err "wrong number of arguments"
		n=$((n + 1))
	done
done <"$TMP/plain"
[ "$n" -ge 30 ] || bad "only $n options read from the synopses"
end

e2e_finish
