#!/bin/sh
# Remakes the seeds of tests/fuzz/corpus/ that come from the shipped files
# (the deck, the PO files, the e2e answers and assess files, the contacts
# example), and the sealed seeds. Run from the top of the tree after one of
# those files changes, then commit corpus/. The seeds named bug-* (one per
# hole of issue 14) and crash-* (crashes found later) are written by hand
# and kept as they are.
set -eu
C=tests/fuzz/corpus
for h in stanza deck guard catalog assess answers contacts unseal profile; do
	mkdir -p "$C/$h"
	find "$C/$h" -name 'ship-*' -delete
done
deck=$(mktemp)
trap 'rm -f "$deck" "$deck.bin"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
cat screens/*.screen >"$deck"
# stanza: every shipped stanza file.
for f in screens/*.screen screens/contacts.example tests/e2e/answers/*.answers tests/e2e/assess/*.in \
	 tests/e2e/decks/*/*.screen; do
	cp "$f" "$C/stanza/ship-$(echo "$f" | tr / _)"
done
# deck: the bundled deck as one file, alone and with the e2e answers; the
# broken decks of the e2e tests.
cp "$deck" "$C/deck/ship-bundled"
for f in tests/e2e/answers/*.answers; do
	{ cat "$deck"; echo '%%answers'; cat "$f"; } >"$C/deck/ship-bundled+$(basename "$f")"
done
for f in tests/e2e/decks/*/*.screen; do
	cp "$f" "$C/deck/ship-$(echo "$f" | tr / _)"
done
# guard: every condition of the deck.
sed -n 's/^Next: [^ ]* if //p' screens/*.screen | sort -u | awk -v d="$C/guard" \
	'{ f = sprintf("%s/ship-%02d", d, NR); print > f; close(f) }'
# catalog: every PO file and the template.
for f in locales/*.po locales/*.pot tests/locales/*.po tests/e2e/locales/*/*.po; do
	cp "$f" "$C/catalog/ship-$(echo "$f" | tr / _)"
done
# assess, answers, contacts.
for f in tests/e2e/assess/*.in; do cp "$f" "$C/assess/ship-$(basename "$f")"; done
for f in tests/e2e/answers/*.answers; do cp "$f" "$C/answers/ship-$(basename "$f")"; done
cp screens/contacts.example "$C/contacts/ship-contacts.example"
for f in screens/law/profiles/*.profile; do cp "$f" "$C/profile/ship-$(basename "$f")"; done
# unseal: an assessment JSON signed and sealed to the harness's keys, in
# the first format, with CRLF line ends, and as plaintext for the harness
# to seal ("#plain", "#v1"); the known-laptops list of the e2e tests.
cc -O1 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc -o "$deck.bin" tests/fuzz/mkseal.c src/store/seal.c src/base/text.c src/base/xalloc.c \
	$(pkg-config --libs libsodium 2>/dev/null || echo -lsodium)
json=tests/e2e/assess/adult-all-three.json
"$deck.bin" <"$json" >"$C/unseal/ship-sealed"
"$deck.bin" 1 <"$json" >"$C/unseal/ship-sealed-v1"
sed 's/$/\r/' "$C/unseal/ship-sealed" >"$C/unseal/ship-sealed-crlf"
{ echo '#plain'; cat "$json"; } >"$C/unseal/ship-plain"
{ echo '#v1'; cat "$json"; } >"$C/unseal/ship-plain-v1"
"$deck.bin" whoami >"$C/unseal/ship-laptops"
echo "make-seeds: $(find "$C" -name 'ship-*' | wc -l) seeds from the shipped files"
