#!/bin/sh
# The layer check of make check (tests/lint/layers.sh), tested by injection:
# a copy of src/ with an upward include, an include with no layer, and a
# cycle must each be refused, naming the file; the tree as it is passes.
# Then the law-text check (tests/lint/law.sh) the same way.
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

e2e_finish
