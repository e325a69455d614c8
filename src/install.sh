#!/bin/sh
# make install / make uninstall / the installed paths, run from the top of
# the tree with DESTDIR, BINDIR, DATADIR and MANDIR in the environment:
#
#   sh src/install.sh paths              check the paths, print DATADIR
#   sh src/install.sh install BIN PAGE   install BIN, the deck, the law texts,
#                                        contacts.example, the translations
#                                        and the man page PAGE
#   sh src/install.sh uninstall          remove what install put there
#
# install writes the list of the files it put there to
# DATADIR/installed-files (paths without DESTDIR), and uninstall removes
# exactly those, then the directories of DATADIR if they are empty; so a
# file that left the tree since is still removed, and a file someone added
# under DATADIR is kept (and said). install first removes what an earlier
# install listed, so the installed deck is the tree's, not a mix.
set -eu
: "${DESTDIR=}" "${BINDIR:?}" "${DATADIR:?}" "${MANDIR:?}"
MANIFEST=$DATADIR/installed-files

say() { printf 'install: %s\n' "$*"; }

# The paths go into a C string and a roff line: plain absolute paths only.
check_paths() {
	for p in "$BINDIR" "$DATADIR" "$MANDIR"; do
		case $p in
		/*) ;;
		*) say "'$p' is not an absolute path" >&2; exit 2 ;;
		esac
		case $p in
		*[!A-Za-z0-9._/+-]* | */../* | */..)
			say "'$p': only letters, digits and . _ / + - are allowed (and no ..)" >&2
			exit 2 ;;
		esac
	done
}

# The files of the previous install (or none), one a line.
listed() {
	[ -f "$DESTDIR$MANIFEST" ] || return 0
	while IFS= read -r f; do
		case $f in
		"$BINDIR"/tipscreen | "$DATADIR"/* | "$MANDIR"/man1/tipscreen.1)
			case $f in */../*) continue ;; esac
			printf '%s\n' "$f" ;;
		esac
	done <"$DESTDIR$MANIFEST"
}

# The directories under DATADIR that hold a listed file, and theirs,
# deepest first.
listed_dirs() {
	listed | sed -n "s|^$DATADIR/||p" | while IFS= read -r f; do
		d=${f%/*}
		while [ "$d" != "$f" ]; do
			echo "$d"
			f=$d d=${d%/*}
		done
	done | sort -u | awk -F/ '{ print NF, $0 }' | sort -k1,1nr | cut -d' ' -f2-
}

uninstall() {
	n=0
	dirs=$(listed_dirs)
	for f in $(listed); do
		if [ -e "$DESTDIR$f" ] || [ -L "$DESTDIR$f" ]; then
			rm -f "$DESTDIR$f"
			n=$((n + 1))
		fi
	done
	rm -f "$DESTDIR$MANIFEST"
	for d in $dirs ""; do
		dir=$DESTDIR$DATADIR${d:+/$d}
		[ -d "$dir" ] || continue
		rmdir "$dir" 2>/dev/null || say "kept $dir: it holds files tipscreen did not install" >&2
	done
	echo "$n"
}

# put MODE SRC DIR [NAME]: installs SRC into DIR (a path without DESTDIR)
# as NAME (default: its own name) and lists it.
put() {
	dst=$3/${4:-${2##*/}}
	install -m "$1" "$2" "$DESTDIR$dst"
	printf '%s\n' "$dst" >>"$LIST"
}

install_all() {
	bin=$1 page=$2
	[ -x "$bin" ] && [ -f "$page" ] || { say "missing $bin or $page"; exit 1; }
	removed=$(uninstall)
	[ "$removed" = 0 ] || say "removed the $removed files of the previous install"
	for d in "$BINDIR" "$DATADIR/locales" "$MANDIR/man1" $(find screens/law screens/scenarios -type d); do
		case $d in /*) ;; *) d=$DATADIR/$d ;; esac
		install -d "$DESTDIR$d"
	done
	LIST=$(mktemp)
	trap 'rm -f "$LIST"' EXIT
	put 0755 "$bin" "$BINDIR" tipscreen
	for f in screens/*.screen screens/contacts.example; do put 0644 "$f" "$DATADIR/screens"; done
	for f in screens/scenarios/*.scenario; do put 0644 "$f" "$DATADIR/screens/scenarios"; done
	for f in $(find screens/law -type f | sort); do put 0644 "$f" "$DATADIR/${f%/*}"; done
	for f in locales/*.po locales/*.mo locales/tipscreen.pot; do put 0644 "$f" "$DATADIR/locales"; done
	sed "s|^\\.ds DD .*|.ds DD $DATADIR|" "$page" >"$DESTDIR$MANDIR/man1/tipscreen.1"
	chmod 0644 "$DESTDIR$MANDIR/man1/tipscreen.1"
	printf '%s\n' "$MANDIR/man1/tipscreen.1" >>"$LIST"
	install -m 0644 "$LIST" "$DESTDIR$MANIFEST"
	say "$(wc -l <"$LIST") files under ${DESTDIR:-/}, listed in $DESTDIR$MANIFEST"
}

check_paths
case ${1:-} in
paths) echo "$DATADIR" ;;
install) install_all "$2" "$3" ;;
uninstall) echo "uninstall: removed $(uninstall) files" ;;
*) echo "usage: sh src/install.sh paths | install BIN PAGE | uninstall" >&2; exit 2 ;;
esac
