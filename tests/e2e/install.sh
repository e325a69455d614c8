#!/bin/sh
# End-to-end tests of `make install` and `make uninstall` (into a temporary
# PREFIX, and a DESTDIR), the installed program and its man page, and that
# every command and option of `tipscreen --help` has its paragraph in the
# man page. Run from the top of the tree (tests/run.sh does):
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/install.sh
# TIPSCREEN is only used for --help; the installed program is build/inst's.
set -u
. tests/e2e/lib.sh
e2e_setup install
export MANWIDTH=400
unset MANPAGER PAGER
printf 'correct horse battery staple\n' >"$TMP/pass"
MAKE="make --no-print-directory -s"
ANSWERS=tests/e2e/answers/adult-consistent.answers

# run CODE PROGRAM ARGS...: any program (lib.sh's run is for BIN only);
# output in $TMP/out and $TMP/err.
run() {
	want=$1; shift
	"$@" <"${IN:-/dev/null}" >"$TMP/out" 2>"$TMP/err"
	got=$?
	[ "$got" = "$want" ] || bad "exit $got, expected $want ($*): $(head -c 600 "$TMP/err")"
}
# The files under a directory, one a line, relative to it.
files() { (cd "$1" && find . \( -type f -o -type l \) | sort); }

# The tree's ./tipscreen, before: installing must neither rebuild nor change it.
$MAKE tipscreen >/dev/null || { echo "FAIL cannot build ./tipscreen"; echo "0 passed, 1 failed"; exit 1; }
before=$(sha256sum tipscreen)$(stat -c %Y tipscreen)
./tipscreen replay "$ANSWERS" >"$TMP/tree-summary" 2>&1

P=$TMP/prefix
begin "make install into a PREFIX puts every file there"
run 0 $MAKE install PREFIX="$P"
for f in bin/tipscreen share/man/man1/tipscreen.1 share/tipscreen/screens/contacts.example \
	 share/tipscreen/locales/fr.po share/tipscreen/locales/es.po \
	 share/tipscreen/locales/fr.mo share/tipscreen/locales/es.mo \
	 share/tipscreen/locales/tipscreen.pot share/tipscreen/screens/law/README.md; do
	[ -f "$P/$f" ] || bad "missing $f"
done
# The compiled catalogs no older than their PO files, so that the installed
# program maps them (langs_open) instead of parsing the PO files.
for l in fr es; do
	[ "$P/share/tipscreen/locales/$l.po" -nt "$P/share/tipscreen/locales/$l.mo" ] &&
		bad "$l.mo is older than $l.po"
done
for f in screens/*.screen $(find screens/law -type f); do
	cmp -s "$f" "$P/share/tipscreen/$f" || bad "share/tipscreen/$f differs from $f"
done
[ "$(stat -c %a "$P/bin/tipscreen")" = 755 ] || bad "bin/tipscreen is $(stat -c %a "$P/bin/tipscreen")"
[ "$(stat -c %a "$P/share/tipscreen/screens/10-safety.screen")" = 644 ] || bad "a screen is not 0644"
end

begin "make install neither rebuilds nor changes ./tipscreen, which still finds screens/"
[ "$(sha256sum tipscreen)$(stat -c %Y tipscreen)" = "$before" ] || bad "./tipscreen changed"
run 0 ./tipscreen check
has out "$(pwd)/screens: 55 screens"
run 0 ./tipscreen replay "$ANSWERS"
cmp -s "$TMP/out" "$TMP/tree-summary" || bad "./tipscreen's summary changed"
end

begin "the installed program finds its deck and translations, and runs an interview"
run 0 "$P/bin/tipscreen" check
has out "$P/share/tipscreen/screens: 55 screens"
has out "$P/share/tipscreen/locales/fr.po:1: Français (fr)"
hasnt out "warning"
run 0 "$P/bin/tipscreen" replay "$ANSWERS"
cmp -s "$TMP/out" "$TMP/tree-summary" || bad "its summary differs from ./tipscreen's"
run 0 "$P/bin/tipscreen" replay "$ANSWERS" --lang fr
has out "RÉSUMÉ"
run 0 "$P/bin/tipscreen" replay "$ANSWERS" --law gb-ew
has out "(England and Wales; profile gb-ew)"
IN=tests/e2e/plain/adult.in run 0 "$P/bin/tipscreen" --plain --data "$TMP/store" \
	--passphrase-file "$TMP/pass" --contacts "$P/share/tipscreen/screens/contacts.example"
has out "National anti-trafficking hotline (example)"
end

begin "the installed --version names the version and the deck's identity"
run 0 "$P/bin/tipscreen" --version
has out "tipscreen 0."
id=$(sed -n 's/.*identity \([0-9a-f]\{64\}\)$/\1/p' "$TMP/out")
[ -n "$id" ] || bad "no 64-digit identity: $(cat "$TMP/out")"
has out "$P/share/tipscreen/screens"
run 0 ./tipscreen --version
has out "$id"
end

begin "--version takes --deck, and a broken deck is said and exits 2"
run 2 "$BIN" --version --deck tests/e2e/decks/cycle
has out "tipscreen 0."
has err "tests/e2e/decks/cycle/10-main.screen:13:7: error: cycle"
hasnt out "identity"
end

begin "the installed man page shows, with the installed paths"
run 0 man --warnings -l "$P/share/man/man1/tipscreen.1"
has out "TIPSCREEN(1)"
has out "$P/share/tipscreen/screens/contacts.example"
[ ! -s "$TMP/err" ] || bad "man warns: $(head -c 400 "$TMP/err")"
end

begin "a reinstall removes what the previous one put there and the tree no longer has"
old=$P/share/tipscreen/screens/05-gone.screen
cp screens/10-safety.screen "$old"
printf '%s\n' "$old" >>"$P/share/tipscreen/installed-files"
run 0 $MAKE install PREFIX="$P"
[ ! -e "$old" ] || bad "the old screen is still installed"
run 0 "$P/bin/tipscreen" check
end

begin "make uninstall removes exactly what install put there"
touch "$P/share/mine"
run 0 $MAKE uninstall PREFIX="$P"
left=$(files "$P")
[ "$left" = "./share/mine" ] || bad "left behind: $left"
[ ! -e "$P/share/tipscreen" ] || bad "share/tipscreen is still there"
run 0 $MAKE uninstall PREFIX="$P"
has out "removed 0 files"
end

begin "a file someone else put under the data directory is kept, and said"
run 0 $MAKE install PREFIX="$P"
touch "$P/share/tipscreen/screens/local-notes"
run 0 $MAKE uninstall PREFIX="$P"
has err "kept $P/share/tipscreen/screens"
[ "$(files "$P")" = "$(printf './share/mine\n./share/tipscreen/screens/local-notes')" ] ||
	bad "left: $(files "$P")"
end

D=$TMP/stage
begin "make install with DESTDIR stages the files under it, with the final paths inside"
run 0 $MAKE install DESTDIR="$D" PREFIX=/opt/tipscreen
[ -x "$D/opt/tipscreen/bin/tipscreen" ] || bad "no staged binary"
grep -q "^/opt/tipscreen/share/tipscreen/screens/10-safety.screen$" \
	"$D/opt/tipscreen/share/tipscreen/installed-files" || bad "the list does not hold the final paths"
run 0 "$D/opt/tipscreen/bin/tipscreen" --help
has out "(default /opt/tipscreen/share/tipscreen/screens)"
run 0 "$D/opt/tipscreen/bin/tipscreen" check "$D/opt/tipscreen/share/tipscreen/screens" \
	--locales "$D/opt/tipscreen/share/tipscreen/locales"
has out "55 screens"
run 0 "$D/opt/tipscreen/bin/tipscreen" replay "$ANSWERS" --deck "$D/opt/tipscreen/share/tipscreen/screens"
cmp -s "$TMP/out" "$TMP/tree-summary" || bad "the staged program's summary differs"
run 0 man -l "$D/opt/tipscreen/share/man/man1/tipscreen.1"
has out "/opt/tipscreen/share/tipscreen/locales/*.po"
run 0 $MAKE uninstall DESTDIR="$D" PREFIX=/opt/tipscreen
[ -z "$(files "$D")" ] || bad "left behind: $(files "$D")"
[ "$(sha256sum tipscreen)$(stat -c %Y tipscreen)" = "$before" ] || bad "./tipscreen changed"
end

begin "a PREFIX that cannot go into a C string is refused before anything is built"
run 2 $MAKE install PREFIX="$TMP/a\"b"
has err "only letters, digits"
[ ! -e "$TMP/a\"b" ] || bad "something was installed"
end

# --- the man page beside --help ----------------------------------------
# The tags of the man page's paragraphs (.TP), as plain text.
tags() {
	awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' src/tipscreen.1 |
		sed -e 's/\\f[BIRP]//g' -e 's/\\-/-/g' -e 's/^\.[A-Z]* //' -e 's/"//g'
}
begin "every command and option of --help has its paragraph in the man page"
run 0 "$BIN" --help
cp "$TMP/out" "$TMP/help"
tags >"$TMP/tags"
opts=$(grep -o -- '--[a-z][a-z-]*' "$TMP/help" | sort -u)
cmds=$(sed -n 's/^\(Usage:\)\{0,1\} *tipscreen \([a-z][a-z]*\).*/\2/p' "$TMP/help" | sort -u)
[ "$(echo "$opts" | wc -l)" -ge 15 ] && [ "$(echo "$cmds" | wc -l)" -ge 10 ] ||
	bad "too few options or commands read from --help: $opts $cmds"
for o in $opts; do
	grep -q -- "^$o\( \|$\)" "$TMP/tags" || bad "option $o has no paragraph in src/tipscreen.1"
done
for c in $cmds; do
	grep -q -- "^tipscreen $c\( \|$\)" "$TMP/tags" || bad "command $c has no paragraph in src/tipscreen.1"
done
end

begin "the man page names the version --version prints"
run 0 "$BIN" --version
v=$(sed -n '1s/^tipscreen //p' "$TMP/out")
grep -q "^\.TH TIPSCREEN 1 [0-9-]* \"tipscreen $v\"" src/tipscreen.1 || bad "src/tipscreen.1's .TH does not say tipscreen $v"
end

begin "every option and command of the man page is in --help"
for o in $(grep -o -- '^--[a-z][a-z-]*' "$TMP/tags"); do
	grep -q -- "$o\([^a-z-]\|$\)" "$TMP/help" || bad "option $o of the man page is not in --help"
done
for c in $(sed -n 's/^tipscreen \([a-z]*\).*/\1/p' "$TMP/tags"); do
	echo "$cmds" | grep -qx "$c" || bad "command $c of the man page is not in --help"
done
end

e2e_finish
