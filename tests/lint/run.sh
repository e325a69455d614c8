#!/bin/sh
# The layer check of make check (tests/lint/layers.sh), tested by injection:
# a copy of src/ with an upward include, an include with no layer, and a
# cycle must each be refused, naming the file; the tree as it is passes.
# Then the law-text check (tests/lint/law.sh) and the source rules
# (tests/lint/source.sh) the same way.
set -u
. tests/e2e/lib.sh
e2e_setup lint

# inject NAME: a fresh copy of src/ in $TMP/NAME/src.
inject() { rm -rf "$TMP/$1"; mkdir -p "$TMP/$1"; cp -R src "$TMP/$1/src"; }
check() { sh tests/lint/layers.sh "$1" >"$TMP/out" 2>"$TMP/err"; }

begin "the tree as it is keeps to its layers"
check src || bad "refused: $(head -5 "$TMP/out")"
end

begin "an upward include (the store includes the screen model) is refused, naming the file and line"
inject up
printf '#include "app/view.h"\n' >>"$TMP/up/src/store/record.c"
n=$(wc -l <"$TMP/up/src/store/record.c")
if check "$TMP/up/src"; then bad "accepted"; fi
has out "src/store/record.c:$n: store/ may not include app/view.h"
end

begin "an include of the domain from the base layer is refused"
inject base
printf '#include "domain/vocab.h"\n' >>"$TMP/base/src/base/text.h"
if check "$TMP/base/src"; then bad "accepted"; fi
has out "base/ may not include domain/vocab.h"
end

begin "an include without its layer's folder is refused"
inject bare
printf '#include "text.h"\n' >>"$TMP/bare/src/domain/vocab.c"
if check "$TMP/bare/src"; then bad "accepted"; fi
has out 'include "text.h" names no layer'
end

begin "a cycle inside a layer (deck includes lint, lint includes deck) is refused"
inject cycle
printf '#include "domain/lint.h"\n' >>"$TMP/cycle/src/domain/deck.h"
if check "$TMP/cycle/src"; then bad "accepted"; fi
has out "include cycle"
has out "domain/deck"
has out "domain/lint"
end

begin "a folder that is no layer is refused"
inject folder
mkdir -p "$TMP/folder/src/core"
printf 'int x;\n' >"$TMP/folder/src/core/x.c"
if check "$TMP/folder/src"; then bad "accepted"; fi
has out "src/core/ is not a layer"
end

# The law-text check (tests/lint/law.sh) on a copy of the texts, their
# checksums and the protocol's copies.
law_copy() {
	rm -rf "$TMP/law"; mkdir -p "$TMP/law/texts" "$TMP/law/protocol"
	cp screens/law/*.txt "$TMP/law/texts/"; cp screens/law/*.txt "$TMP/law/protocol/"
	cp tests/law.sha256 "$TMP/law/sums"
}
law() { sh tests/lint/law.sh "$TMP/law/texts" "$TMP/law/sums" "$1" >"$TMP/out" 2>"$TMP/err"; }
first=$(ls screens/law/*.txt | head -1 | xargs basename)

begin "the law texts as they are match their checksums and the protocol's copies"
law_copy
law "$TMP/law/protocol" || bad "refused: $(cat "$TMP/out")"
has out "law texts match $TMP/law/sums and $TMP/law/protocol"
end

begin "without the protocol's copies the check says so, and still checks the texts"
law_copy
law "$TMP/law/none" || bad "refused: $(cat "$TMP/out")"
has out "no $TMP/law/none here to compare them with"
printf ' ' >>"$TMP/law/texts/$first"
if law "$TMP/law/none"; then bad "a changed text accepted"; fi
has out "law: $TMP/law/texts/$first differs from its checksum in $TMP/law/sums"
end

begin "a law text that differs from the protocol's copy is refused"
law_copy
printf ' ' >>"$TMP/law/protocol/$first"
if law "$TMP/law/protocol"; then bad "accepted"; fi
has out "law: $TMP/law/texts/$first differs from $TMP/law/protocol"
end

begin "a law text without a checksum, and a checksum without its text, are refused"
law_copy
cp "$TMP/law/texts/$first" "$TMP/law/texts/new.en.txt"
rm "$TMP/law/texts/$first"
if law "$TMP/law/protocol"; then bad "accepted"; fi
has out "new.en.txt is not in $TMP/law/sums"
has out "lists $first, which is not in $TMP/law/texts"
end

# The source rules (tests/lint/source.sh) the same way.
source_check() { sh tests/lint/source.sh "$1" >"$TMP/out" 2>"$TMP/err"; }

begin "the tree as it is keeps to the source rules"
source_check src || bad "refused: $(head -5 "$TMP/out")"
end

begin "curses in the engine is refused, naming the file"
inject curses
printf '#include <curses.h>\n' >>"$TMP/curses/src/domain/vocab.c"
if source_check "$TMP/curses/src"; then bad "accepted"; fi
has out "curses included outside src/tui"
has out "src/domain/vocab.c"
end

begin "a front end that applies an action or reads the store itself is refused"
inject door
printf 'static void f(void) { session_do(0, 0); }\n' >>"$TMP/door/src/plain/plain.c"
if source_check "$TMP/door/src"; then bad "accepted"; fi
has out "a front end applies an action"
has out "src/plain/plain.c"
inject store
printf 'static void g(void) { store_cases(0); }\n' >>"$TMP/store/src/tui/wizard.c"
if source_check "$TMP/store/src"; then bad "accepted"; fi
has out "src/tui/wizard.c"
end

begin "a front end that assesses or moves the interview itself is refused"
inject assess
printf '#include "domain/assess.h"\nstatic void h(void) { interview_next(0); }\n' >>"$TMP/assess/src/tui/page.c"
if source_check "$TMP/assess/src"; then bad "accepted"; fi
has out "a front end includes the engine's internals"
has out "a front end builds a review, summary or leave rule, or moves the interview"
end

begin "a command that reads the whole parsed command line is refused"
inject cmdline
printf '#include "cmd/commands.h"\n' >>"$TMP/cmdline/src/cmd/pot.c"
if source_check "$TMP/cmdline/src"; then bad "accepted"; fi
has out "a command reads the parsed command line itself"
has out "src/cmd/pot.c"
end

begin "a file over 700 lines is refused, with its length"
inject long
awk 'BEGIN { for (i = 0; i < 701; i++) print "/* line */" }' >"$TMP/long/src/base/long.c"
if source_check "$TMP/long/src"; then bad "accepted"; fi
has out "src/base/long.c: 701 lines"
end

e2e_finish
