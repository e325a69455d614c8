#!/bin/sh
# End-to-end tests of the field side of the office workflow (DESIGN §12,
# README "From the field to the office"): the office key under a
# passphrase, bundles from three laptops (three --data directories, the
# interviews answered in line mode through pipes), the cases marked sent,
# and receipts. Receipts are made with tests/e2e/mkreceipt.c, a stand-in
# for `office import` built here from the engine's sources.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/bundle.sh
set -u
. tests/e2e/lib.sh
e2e_setup bundle
printf 'correct horse battery staple\n' >"$TMP/pass"
printf 'another passphrase\n' >"$TMP/wrong"
P="--passphrase-file $TMP/pass"

${CC:-cc} -O1 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc -o "$TMP/mkreceipt" \
	tests/e2e/mkreceipt.c src/store/bundle.c src/store/receipt.c src/store/keyfile.c src/store/seal.c \
	src/base/codec.c src/base/text.c src/base/xalloc.c $(pkg-config --libs libsodium 2>/dev/null || echo -lsodium) ||
	echo "FAIL cannot build tests/e2e/mkreceipt.c"

# interview DATA: one interview of adult.in on the laptop of DATA.
interview() { IN=$E2E/plain/adult.in run 0 --plain --data "$1" $P; }
# ids DATA: the case ids of the laptop of DATA, one a line.
ids() { run 0 cases --data "$1" $P; awk 'NR > 1 { print $1 }' "$TMP/out"; }

begin "keygen writes the secret key encrypted under a passphrase, 0600, and its fingerprint"
run 0 keygen "$TMP/office" $P
fp=$(sed -n 's/^fingerprint: //p' "$TMP/out")
echo "$fp" | grep -qE '^[0-9a-f]{4}(-[0-9a-f]{4}){4}$' || bad "keygen printed no fingerprint: $fp"
[ "$(stat -c %a "$TMP/office.key")" = 600 ] || bad "the secret key is not 0600"
[ "$(head -1 "$TMP/office.key")" = tipscreen-key-2 ] || bad "the secret key is not encrypted"
grep -q '^sign ' "$TMP/office.pub" || bad "office.pub has no signing key"
printf 'short\n' >"$TMP/short"
run 2 keygen "$TMP/weak" --passphrase-file "$TMP/short"
has err "the passphrase is shorter than 8 characters"
[ ! -e "$TMP/weak.key" ] && [ ! -e "$TMP/weak.pub" ] || bad "a refused keygen wrote a file"
run 2 keygen "$TMP/office" $P
has err "a key is never overwritten"
end

begin "three laptops bundle their interviews, each sealed to the office and 0600"
for l in 1 2 3; do
	interview "$TMP/laptop$l"
done
interview "$TMP/laptop1"
mkdir -p "$TMP/stick"
for l in 1 2 3; do
	run 0 bundle --to "$TMP/office.pub" -o "$TMP/stick/laptop$l.bundle" --data "$TMP/laptop$l" $P
	has err "sealing to the office key $fp"
	[ "$(stat -c %a "$TMP/stick/laptop$l.bundle")" = 600 ] || bad "bundle $l is not 0600"
	has out "signed by this laptop and sealed to the office key $fp"
done
has out "Wrote $TMP/stick/laptop3.bundle: 1 case,"
ls "$TMP/stick" | grep -v '\.bundle$' && bad "a temporary file was left on the stick"
head -1 "$TMP/stick/laptop1.bundle" | grep -qx tipscreen-sealed-2 || bad "the bundle is not sealed"
grep -q consistent "$TMP/stick/laptop1.bundle" && bad "the bundle shows its contents"
end

begin "the laptops list their cases as sent; a second bundle sends nothing and writes nothing"
run 0 cases --data "$TMP/laptop1" $P
[ "$(grep -c 'complete  consistent-adult  (sent 20[0-9-]* [0-9:]*)$' "$TMP/out")" = 2 ] ||
	bad "cases does not show both cases sent: $(cat "$TMP/out")"
run 1 bundle --to "$TMP/office.pub" -o "$TMP/stick/again.bundle" --data "$TMP/laptop1" $P
has err "no completed case to send that was not sent already"
[ ! -e "$TMP/stick/again.bundle" ] || bad "an empty bundle was written"
ls "$TMP/stick" | grep -q XXXX && bad "a temporary file was left"
run 0 bundle --to "$TMP/office.pub" -o "$TMP/stick/all.bundle" --all --data "$TMP/laptop1" $P
has out "2 cases"
end

begin "a bundle is never written over a file, and needs --to and -o"
cp "$TMP/stick/laptop2.bundle" "$TMP/keep"
interview "$TMP/laptop2"
run 2 bundle --to "$TMP/office.pub" -o "$TMP/stick/laptop2.bundle" --data "$TMP/laptop2" $P
has err "the file exists"
cmp -s "$TMP/keep" "$TMP/stick/laptop2.bundle" || bad "the existing bundle changed"
run 0 cases --data "$TMP/laptop2" $P
[ "$(grep -c '(sent ' "$TMP/out")" = 1 ] || bad "a refused bundle marked a case as sent"
run 2 bundle -o "$TMP/x.bundle" --data "$TMP/laptop2" $P
has err "bundle needs --to OFFICE.pub and -o FILE"
printf 'not a key\n' >"$TMP/bad.pub"
run 2 bundle --to "$TMP/bad.pub" -o "$TMP/x.bundle" --data "$TMP/laptop2" $P
has err "$TMP/bad.pub:1:1: expected the office's public key"
run 1 bundle --to "$TMP/office.pub" -o "$TMP/no/such/dir/x.bundle" --data "$TMP/laptop2" $P
has err "No such file or directory"
run 0 cases --data "$TMP/laptop2" $P
[ "$(grep -c '(sent ' "$TMP/out")" = 1 ] || bad "a bundle that failed to be written marked a case as sent"
end

begin "unseal does not open a bundle (an opening the audit log would miss); the office does, with its key"
run 2 unseal "$TMP/stick/laptop3.bundle" --key "$TMP/office.key" --any-signer $P
has err "laptop3.bundle: error: a bundle of a field laptop: its cases are opened with \`tipscreen office import\` and \`office show ID\`"
hasnt out "tipscreen-bundle-2"
run 0 office init --db "sqlite:$TMP/unseal.db"
run 0 office import "$TMP/stick/laptop3.bundle" --key "$TMP/office.key" --any-signer $P \
	--db "sqlite:$TMP/unseal.db" --receipt "$TMP/unseal.receipt"
run 0 office cases --db "sqlite:$TMP/unseal.db"
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 office show "$id" --key "$TMP/office.key" $P --db "sqlite:$TMP/unseal.db"
has out "Office case file: case $id"
has out "[consistent-adult]"
has out "Labour inspector"
run 0 office audit --db "sqlite:$TMP/unseal.db"
has out "open $id"
end

begin "the office key opens a bundle only with its passphrase; an old unencrypted key warns"
run 2 unseal "$TMP/stick/laptop3.bundle" --key "$TMP/office.key" --any-signer --passphrase-file "$TMP/wrong"
has err "$TMP/office.key: wrong passphrase"
hasnt out "tipscreen-bundle-2"
head -c 32 /dev/urandom | base64 >"$TMP/old.key"
chmod 600 "$TMP/old.key"
run 2 unseal "$TMP/stick/laptop3.bundle" --key "$TMP/old.key" --any-signer
has err "WARNING: $TMP/old.key is an UNENCRYPTED key"
has err "not sealed to this key"
chmod 644 "$TMP/office.key"
run 2 unseal "$TMP/stick/laptop3.bundle" --key "$TMP/office.key" --any-signer $P
has err "others may read this secret key (mode 644)"
chmod 600 "$TMP/office.key"
end

begin "a receipt confirms the cases the office stored; --delete deletes them, and only them"
set -- $(ids "$TMP/laptop1")
first=$1 second=$2
"$TMP/mkreceipt" "$TMP/office.key" "$TMP/pass" "$TMP/stick/laptop1.bundle" "$second" >"$TMP/receipt1"
run 0 receipt "$TMP/receipt1" --to "$TMP/office.pub" --data "$TMP/laptop1" $P
has out "$first  stored by the office"
hasnt out "$second"
has out "The office confirms 1 of the 1 case in the receipt."
[ "$(ids "$TMP/laptop1" | wc -l)" = 2 ] || bad "a receipt without --delete deleted a case"
# without --yes it asks on the terminal: none (setsid) refuses, "no" keeps
w=$WRAP; WRAP="setsid -w $WRAP"
run 2 receipt "$TMP/receipt1" --to "$TMP/office.pub" --delete --data "$TMP/laptop1" $P
WRAP=$w
has err "no terminal to confirm the deletion on: use --yes"
printf 'no\n' | script -qec "$BIN receipt $TMP/receipt1 --to $TMP/office.pub --delete --data $TMP/laptop1 $P" \
	/dev/null >"$TMP/tty.out" 2>&1
grep -q "Delete these 1 case from this laptop for good? Type yes: " "$TMP/tty.out" ||
	bad "receipt --delete did not ask: $(cat "$TMP/tty.out")"
grep -q "nothing deleted" "$TMP/tty.out" || bad "receipt --delete after no: $(cat "$TMP/tty.out")"
[ "$(ids "$TMP/laptop1" | wc -l)" = 2 ] || bad "a refused or declined --delete deleted a case"
run 0 receipt "$TMP/receipt1" --to "$TMP/office.pub" --delete --yes --data "$TMP/laptop1" $P
has out "Deleted 1 case from this laptop."
[ "$(ids "$TMP/laptop1")" = "$second" ] || bad "the wrong cases are left: $(ids "$TMP/laptop1")"
run 0 receipt "$TMP/receipt1" --to "$TMP/office.pub" --data "$TMP/laptop1" $P
has out "$first  not on this laptop"
end

begin "a receipt for another version of a case does not delete it"
"$TMP/mkreceipt" "$TMP/office.key" "$TMP/pass" "$TMP/stick/laptop1.bundle" "$first" "old:$second" 	>"$TMP/receipt-old"
run 0 receipt "$TMP/receipt-old" --to "$TMP/office.pub" --delete --yes --data "$TMP/laptop1" $P
has out "$second  changed after it was sent, or not the version the office stored: kept"
has out "The office confirms 0 of the 1 case"
[ "$(ids "$TMP/laptop1")" = "$second" ] || bad "a stale receipt deleted a case"
end

begin "an altered receipt, one of another office or for another laptop, is refused"
sed 's/^time 1/time 2/' "$TMP/receipt1" >"$TMP/receipt-altered"
run 2 receipt "$TMP/receipt-altered" --to "$TMP/office.pub" --delete --yes --data "$TMP/laptop1" $P
has err "$TMP/receipt-altered:7: the signature does not match: the receipt was altered"
run 0 keygen "$TMP/other" $P
run 2 receipt "$TMP/receipt1" --to "$TMP/other.pub" --data "$TMP/laptop1" $P
has err "signed by another office's key than the one given"
"$TMP/mkreceipt" "$TMP/office.key" "$TMP/pass" "$TMP/stick/laptop3.bundle" >"$TMP/receipt3"
run 2 receipt "$TMP/receipt3" --to "$TMP/office.pub" --delete --yes --data "$TMP/laptop1" $P
has err "a receipt for another laptop"
[ "$(ids "$TMP/laptop1")" = "$second" ] || bad "a refused receipt deleted a case"
head -c 100 "$TMP/receipt1" >"$TMP/receipt-cut"
run 2 receipt "$TMP/receipt-cut" --to "$TMP/office.pub" --data "$TMP/laptop1" $P
has err "$TMP/receipt-cut:"
head -1 "$TMP/office.pub" >"$TMP/nosign.pub"
run 2 receipt "$TMP/receipt1" --to "$TMP/nosign.pub" --data "$TMP/laptop1" $P
has err "an office key of the first format, without a signing key"
end

begin "the laptop with a receipt of all its cases deletes them all"
"$TMP/mkreceipt" "$TMP/office.key" "$TMP/pass" "$TMP/stick/laptop3.bundle" >"$TMP/receipt3"
run 0 receipt "$TMP/receipt3" --to "$TMP/office.pub" --delete --yes --data "$TMP/laptop3" $P
has out "Deleted 1 case from this laptop."
[ -z "$(ids "$TMP/laptop3")" ] || bad "laptop 3 still has cases"
end

e2e_finish
