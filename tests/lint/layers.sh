#!/bin/sh
# The layers of DESIGN §1: each folder of src/ may include only its own and
# those below it, and no two modules include each other, however far round.
#   sh tests/lint/layers.sh [SRC]     (SRC: src/ by default)
# Prints every upward include as FILE:LINE and every cycle, and exits 1 if
# there is any; make check runs it.
set -u
src=${1:-src}
status=0

# allowed LAYER: the folders a file of LAYER may include from.
allowed() {
	case $1 in
	base) echo "base" ;;
	domain) echo "base domain" ;;
	store) echo "base store" ;;
	app) echo "base domain store app" ;;
	train) echo "base domain store app train" ;;
	tui) echo "base domain store app train tui" ;;
	plain) echo "base domain store app train plain" ;;
	office) echo "base domain store app train office" ;;
	cmd) echo "base domain store app train tui plain office cmd" ;;
	*) echo "" ;;
	esac
}

layers="base domain store app train tui plain office cmd"
for d in "$src"/*/; do
	l=$(basename "$d")
	case " $layers " in
	*" $l "*) ;;
	*) echo "layers: $src/$l/ is not a layer of DESIGN §1 ($layers)"; status=1 ;;
	esac
done

edges=$(mktemp "${TMPDIR:-/tmp}/tipscreen-layers-XXXXXX")
trap 'rm -f "$edges"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
for l in $layers; do
	ok=$(allowed "$l")
	for f in "$src/$l"/*.[ch]; do
		[ -e "$f" ] || continue
		mod=$l/$(basename "$f" | sed 's/\.[ch]$//')
		grep -n '^[[:space:]]*#[[:space:]]*include[[:space:]]*"' "$f" | while IFS= read -r hit; do
			line=${hit%%:*}
			inc=$(echo "$hit" | sed 's/.*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/')
			case $inc in
			*/*) to=${inc%%/*} ;;
			*) echo "$f:$line: include \"$inc\" names no layer (write \"LAYER/$inc\")"; echo x >>"$edges.bad"; continue ;;
			esac
			case " $ok " in
			*" $to "*) ;;
			*) echo "$f:$line: $l/ may not include $inc (files in $l/ may include only: $ok)"; echo x >>"$edges.bad" ;;
			esac
			target=$(echo "$inc" | sed 's/\.h$//')
			[ "$target" = "$mod" ] || echo "$mod $target" >>"$edges"
		done
	done
done
if [ -e "$edges.bad" ]; then
	rm -f "$edges.bad"
	status=1
fi
# tsort names each loop it finds on stderr.
loops=$(tsort "$edges" 2>&1 >/dev/null | sed -n 's/^tsort: //p' | grep -v 'input contains a loop')
if [ -n "$loops" ]; then
	echo "layers: the modules of an include cycle (each includes the next, the last the first):"
	echo "$loops" | sed 's/^/  /'
	status=1
fi
[ "$status" = 0 ] && echo "layers: every include points down the layers of DESIGN §1, and none is in a cycle"
exit "$status"
