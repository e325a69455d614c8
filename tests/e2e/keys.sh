#!/bin/sh
# End-to-end tests of keys that can be recovered (DESIGN §6, README "Keys
# and recovery"): passwd (and a kill -9 at random points of it, seeded),
# enrol and recover with the office key, the recovery notice in the
# office's audit log, and the office key split among custodians (keygen
# --split, keyjoin) rebuilding a key that imports a bundle sealed to the
# original.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/keys.sh
#   KEYS_SEED=N KEYS_KILLS=N: the kill test's seed (printed) and its runs.
set -u
. tests/e2e/lib.sh
e2e_setup keys
# pass NAME LINE...: the passphrase file $TMP/NAME, one LINE a line.
pass() { pf=$TMP/$1; shift; printf '%s\n' "$@" >"$pf"; }
pass first 'first passphrase'
pass second 'second passphrase'
pass first-second 'first passphrase' 'second passphrase'
pass second-first 'second passphrase' 'first passphrase'
pass office 'office passphrase'
interview() { IN=$E2E/plain/adult.in run 0 --plain --data "$1" --passphrase-file "$2"; }
# opens DATA PASSFILE: whether the passphrase of PASSFILE opens every case.
opens() { $WRAP "$BIN" cases --data "$1" --passphrase-file "$2" >"$TMP/opens" 2>&1; }
# exports DATA PASSFILE OUT: every case exported, one after another, into OUT.
exports() {
	: >"$3"
	for id in $(awk 'NR > 1 { print $1 }' "$TMP/opens"); do
		$WRAP "$BIN" export "$id" --data "$1" --passphrase-file "$2" >>"$3" 2>&1 || echo "export $id failed" >>"$3"
	done
}
# rows DATA: the database's rows other than the key rows, as hex.
rows() {
	sqlite3 "$1/cases.db" "SELECT hex(id) || hex(v) FROM (SELECT k AS id, v FROM meta WHERE k NOT IN \
		('salt', 'cost', 'master')) UNION ALL SELECT hex(id) || hex(created) FROM cases UNION ALL \
		SELECT hex(id) || hex(seq) || hex(data) FROM records" 2>&1 | sort
}

D=$TMP/laptop
interview "$D" "$TMP/first"
interview "$D" "$TMP/first"
opens "$D" "$TMP/first"
exports "$D" "$TMP/first" "$TMP/before"

begin "passwd: the new passphrase opens every case, the old one no longer; only the key rows change"
rows "$D" >"$TMP/rows-before"
run 0 passwd --data "$D" --passphrase-file "$TMP/first-second"
has out "The passphrase was changed"
opens "$D" "$TMP/first" && bad "the old passphrase still opens the store"
grep -q "wrong passphrase" "$TMP/opens" || bad "the old passphrase is not refused as wrong: $(cat "$TMP/opens")"
opens "$D" "$TMP/second" || bad "the new passphrase does not open the store: $(cat "$TMP/opens")"
exports "$D" "$TMP/second" "$TMP/after"
cmp -s "$TMP/before" "$TMP/after" || bad "the cases differ after passwd"
rows "$D" >"$TMP/rows-after"
cmp -s "$TMP/rows-before" "$TMP/rows-after" || bad "passwd rewrote more than the key rows"
[ "$(stat -c %a "$D/cases.db")" = 600 ] || bad "cases.db is not 0600"
end

begin "passwd: the old and new passphrase from two files; a wrong old one changes nothing"
run 0 passwd --data "$D" --passphrase-file "$TMP/second" --new-passphrase-file "$TMP/first"
opens "$D" "$TMP/first" || bad "the new passphrase does not open the store"
run 2 passwd --data "$D" --passphrase-file "$TMP/second-first"
has err "wrong passphrase; nothing was changed"
opens "$D" "$TMP/first" || bad "a refused passwd changed the passphrase"
run 2 passwd --data "$D" --passphrase-file "$TMP/first"
has err "$TMP/first:2: error: expected the new passphrase on line 2"
pass short 'first passphrase' 'short'
run 2 passwd --data "$D" --passphrase-file "$TMP/short"
has err "the new passphrase is shorter than 8 characters"
opens "$D" "$TMP/first" || bad "a refused passwd changed the passphrase"
run 2 passwd --data "$TMP/empty" --passphrase-file "$TMP/first-second"
has err "this store has no passphrase yet"
run 2 passwd --data "$D"
has err "no terminal to ask the passphrase on"
end

# The kill test: passwd killed with SIGKILL after a random delay (seeded),
# spread over one whole run's length; each time exactly one of the two
# passphrases must open every case.
SEED=${KEYS_SEED:-$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}
KILLS=${KEYS_KILLS:-12}
echo "keys.sh: kill test seed $SEED ($KILLS runs; KEYS_SEED=$SEED repeats it)"
begin "passwd killed with -9 at random points (seed $SEED) leaves the old or the new passphrase working"
cur=first next=second
start=$(date +%s%N)
run 0 passwd --data "$D" --passphrase-file "$TMP/first-second"
span=$(( ($(date +%s%N) - start) / 1000000 ))
cur=second next=first
i=0 landed_new=0
while [ "$i" -lt "$KILLS" ]; do
	i=$((i + 1))
	ms=$(awk -v s="$SEED" -v i="$i" -v span="$span" 'BEGIN { srand(s * 1000 + i); printf "%d", rand() * span * 1.2 }')
	$WRAP "$BIN" passwd --data "$D" --passphrase-file "$TMP/$cur-$next" >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v ms="$ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	old=0 new=0
	opens "$D" "$TMP/$cur" && old=1
	opens "$D" "$TMP/$next" && new=1
	if [ "$old$new" = 01 ]; then
		t=$cur cur=$next next=$t
		landed_new=$((landed_new + 1))
	elif [ "$old$new" != 10 ]; then
		bad "run $i, killed after ${ms} ms: old passphrase opens: $old, new: $new"
		break
	fi
done
echo "keys.sh: $landed_new of $KILLS killed runs had changed the passphrase, the others had not"
opens "$D" "$TMP/$cur" || bad "the store does not open after the kills"
exports "$D" "$TMP/$cur" "$TMP/after-kills"
cmp -s "$TMP/before" "$TMP/after-kills" || bad "the cases differ after the kills"
[ "$cur" = first ] || run 0 passwd --data "$D" --passphrase-file "$TMP/second-first"
end

begin "recover on a laptop that was never enrolled says so and changes nothing"
run 0 keygen "$TMP/office" --passphrase-file "$TMP/office"
ofp=$(sed -n 's/^fingerprint: //p' "$TMP/out")
run 0 keygen "$TMP/other" --passphrase-file "$TMP/office"
pass recover 'office passphrase' 'recovered passphrase'
pass recovered 'recovered passphrase'
run 2 recover --key "$TMP/office.key" --data "$D" --passphrase-file "$TMP/recover" -o "$TMP/n0"
has err "this laptop was never enrolled with an office"
[ ! -e "$TMP/n0" ] || bad "a refused recover wrote a notice"
opens "$D" "$TMP/first" || bad "a refused recover changed the passphrase"
run 0 whoami --data "$D" --passphrase-file "$TMP/first"
has out "Not enrolled with an office"
end

begin "enrol: the master key sealed to the office key, recorded in the store, shown by whoami"
run 0 enrol "$TMP/office.pub" --data "$D" --passphrase-file "$TMP/first"
has out "Enrolled with the office key $ofp"
run 0 whoami "$TMP/laptop.pub" --data "$D" --passphrase-file "$TMP/first"
has out "Enrolled with the office key $ofp since "
run 0 enrol "$TMP/office.pub" --data "$D" --passphrase-file "$TMP/first"
has out "enrolled with the office key $ofp already"
run 2 enrol "$TMP/office.pub" --data "$D" --passphrase-file "$TMP/second"
has err "wrong passphrase"
end

begin "recover with another office's key is refused and changes nothing"
pass other-recover 'office passphrase' 'recovered passphrase'
run 2 recover --key "$TMP/other.key" --data "$D" --passphrase-file "$TMP/other-recover" -o "$TMP/n1"
has err "this laptop was enrolled with the office key $ofp, not with this one"
has err "nothing was changed"
[ ! -e "$TMP/n1" ] || bad "a refused recover wrote a notice"
opens "$D" "$TMP/first" || bad "a refused recover changed the passphrase"
opens "$D" "$TMP/recovered" && bad "a refused recover set the new passphrase"
pass wrong-office 'not the office passphrase' 'recovered passphrase'
run 2 recover --key "$TMP/office.key" --data "$D" --passphrase-file "$TMP/wrong-office" -o "$TMP/n1"
has err "wrong passphrase"
opens "$D" "$TMP/first" || bad "a refused recover changed the passphrase"
run 2 recover --data "$D" --passphrase-file "$TMP/recover"
has err "recover needs the office key: --key OFFICE.key"
end

begin "recover: the passphrase forgotten, the office key sets a new one, every case intact"
run 0 recover --key "$TMP/office.key" --data "$D" --passphrase-file "$TMP/recover" -o "$TMP/stick.notice"
has out "Recovered with the office key $ofp"
has out "(2 cases, unchanged)"
[ "$(stat -c %a "$TMP/stick.notice")" = 600 ] || bad "the notice is not 0600"
opens "$D" "$TMP/recovered" || bad "the new passphrase does not open the store: $(cat "$TMP/opens")"
opens "$D" "$TMP/first" && bad "the forgotten passphrase still opens the store"
opens "$D" "$TMP/recovered"
exports "$D" "$TMP/recovered" "$TMP/after-recover"
cmp -s "$TMP/before" "$TMP/after-recover" || bad "the cases differ after the recovery"
run 0 whoami --data "$D" --passphrase-file "$TMP/recovered"
has out "Recovered with the office key $ofp on "
run 2 recover --key "$TMP/office.key" --data "$D" --passphrase-file "$TMP/recover" -o "$TMP/stick.notice"
has err "it exists already"
opens "$D" "$TMP/recovered" || bad "a recover refused for its notice changed the passphrase"
end

begin "office recovery: the notice in the office's audit log, once; another office's key refused"
run 0 office init --db "sqlite:$TMP/office.db"
run 0 office recovery "$TMP/stick.notice" --key "$TMP/office.key" --passphrase-file "$TMP/office" \
	--signer "$TMP/laptop.pub" --db "sqlite:$TMP/office.db"
has out "recovered its store with this office key"
has out "2 cases"
run 0 office recovery "$TMP/stick.notice" --key "$TMP/office.key" --passphrase-file "$TMP/office" \
	--signer "$TMP/laptop.pub" --db "sqlite:$TMP/office.db"
has out "in the audit log already"
run 2 office recovery "$TMP/stick.notice" --key "$TMP/other.key" --passphrase-file "$TMP/office" \
	--signer "$TMP/laptop.pub" --db "sqlite:$TMP/office.db"
has err "this office key did not write this store's audit log"
has err "nothing was written"
run 0 office audit --db "sqlite:$TMP/office.db" --key "$TMP/office.key" --passphrase-file "$TMP/office"
[ "$(grep -c '  recovery [0-9a-f]' "$TMP/out")" = 1 ] || bad "the audit log has not one recovery: $(cat "$TMP/out")"
hasnt out "refuse"
end

S=$TMP/split
mkdir -p "$S"
pass custodians 'custodian one' 'custodian two' 'custodian three' 'custodian four' 'custodian five'
begin "keygen --split 3/5: five shares, 0600, printable, and no whole key on disk"
run 0 keygen "$S/office" --split 3/5 --passphrase-file "$TMP/custodians"
sfp=$(sed -n 's/^fingerprint: //p' "$TMP/out")
for i in 1 2 3 4 5; do
	f=$S/office-$i.share
	[ "$(stat -c %a "$f")" = 600 ] || bad "$f is not 0600"
	[ "$(head -1 "$f")" = tipscreen-share-1 ] || bad "$f is not a share"
	grep -qx "share $i of 5, any 3 rebuild the key" "$f" || bad "$f does not say which share it is"
	grep -qx "office key $sfp" "$f" || bad "$f does not name the key's fingerprint"
	grep -q '^checksum [0-9a-z]\{4\}-[0-9a-z]\{4\}$' "$f" || bad "$f has no checksum"
	[ "$(wc -l <"$f")" -le 60 ] && [ "$(awk '{ if (length > m) m = length } END { print m }' "$f")" -le 80 ] ||
		bad "$f does not fit on a page"
done
[ ! -e "$S/office.key" ] || bad "keygen --split wrote the whole key"
[ -e "$S/office.pub" ] || bad "keygen --split wrote no office.pub"
run 2 keygen "$S/office" --split 3/5 --passphrase-file "$TMP/custodians"
has err "it exists already"
run 2 keygen "$S/bad" --split 6/5 --passphrase-file "$TMP/custodians"
has err "--split 6/5: expected K/N"
pass four 'custodian one' 'custodian two' 'custodian three' 'custodian four'
run 2 keygen "$S/four" --split 3/5 --passphrase-file "$TMP/four"
has err ":5: error: expected the passphrase of custodian 5 of 5 on line 5"
ls "$S" | grep -q '^four' && bad "a refused keygen --split left files: $(ls "$S")"
run 2 keygen "$S/keep" --keep --passphrase-file "$TMP/custodians"
has err "--keep goes with --split"
end

begin "a bundle enrols a laptop never enrolled, and leaves an enrolled one as it is"
run 0 bundle --to "$S/office.pub" -o "$S/laptop.bundle" --data "$D" --passphrase-file "$TMP/recovered"
has out "sealed to the office key $sfp"
hasnt out "now enrolled"
run 0 whoami --data "$D" --passphrase-file "$TMP/recovered"
has out "Enrolled with the office key $ofp"
L=$TMP/laptop2
interview "$L" "$TMP/first"
run 0 bundle --to "$S/office.pub" -o "$S/laptop2.bundle" --data "$L" --passphrase-file "$TMP/first"
has out "This laptop is now enrolled with the office key $sfp"
run 0 whoami --data "$L" --passphrase-file "$TMP/first"
has out "Enrolled with the office key $sfp since "
end

# join NAME SHARE...: keyjoin of the shares (their custodians' passphrases,
# then "joined passphrase") into $S/NAME.key.
join() {
	name=$1; shift
	: >"$TMP/join"
	for n in "$@"; do
		sed -n "${n}p" "$TMP/custodians" >>"$TMP/join"
		set -- "$@" "$S/office-$n.share"
		shift
	done
	echo 'joined passphrase' >>"$TMP/join"
	run "$want_join" keyjoin "$@" -o "$S/$name.key" --passphrase-file "$TMP/join"
}
pass joined 'joined passphrase'

begin "keyjoin with any 3 of the 5 shares rebuilds the key, which imports the bundle (SQLite)"
for set in "1 2 3" "3 5 1" "2 4 5" "5 4 3 2 1"; do
	name=joined-$(echo "$set" | tr ' ' '-')
	want_join=0 join "$name" $set
	has out "fingerprint: $sfp"
	[ "$(stat -c %a "$S/$name.key")" = 600 ] || bad "$name.key is not 0600"
done
run 0 office init --db "sqlite:$S/office.db"
run 0 office import "$S/laptop.bundle" --key "$S/joined-3-5-1.key" --passphrase-file "$TMP/joined" \
	--signer "$TMP/laptop.pub" --db "sqlite:$S/office.db" --receipt "$S/receipt"
has out "imported 2"
run 0 office cases --db "sqlite:$S/office.db"
[ "$(grep -c consistent-adult "$TMP/out")" = 2 ] || bad "the office store does not hold the 2 cases"
end

begin "keyjoin refuses 2 shares, a share of another key, a share twice and a wrong passphrase"
want_join=2 join two 1 4
has err "2 shares given, but the key $sfp needs any 3 of its 5 shares"
[ ! -e "$S/two.key" ] || bad "keyjoin wrote a key from 2 shares"
pass other-custodians 'custodian one' 'custodian two'
run 0 keygen "$S/another" --split 2/2 --passphrase-file "$TMP/other-custodians"
pass mixed 'custodian one' 'custodian one' 'custodian three' 'joined passphrase'
run 2 keyjoin "$S/office-1.share" "$S/another-1.share" "$S/office-3.share" -o "$S/mixed.key" \
	--passphrase-file "$TMP/mixed"
has err "$S/another-1.share: error: a share of another key"
[ ! -e "$S/mixed.key" ] || bad "keyjoin wrote a key from shares of two keys"
run 2 keyjoin "$S/office-1.share" "$S/office-1.share" "$S/office-3.share" -o "$S/twice.key" \
	--passphrase-file "$TMP/mixed"
has err "the same share (1 of 5)"
pass wrong 'custodian one' 'custodian one' 'custodian three' 'joined passphrase'
run 2 keyjoin "$S/office-1.share" "$S/office-2.share" "$S/office-3.share" -o "$S/wrong.key" \
	--passphrase-file "$TMP/wrong"
has err "$S/office-2.share: error: wrong passphrase for this share"
[ ! -e "$S/wrong.key" ] || bad "keyjoin wrote a key after a wrong passphrase"
run 2 keyjoin "$S/office-1.share" "$S/office-2.share" "$S/office-3.share" -o "$S/joined-1-2-3.key" \
	--passphrase-file "$TMP/wrong"
has err "it exists already"
run 2 keyjoin "$S/office-1.share" --passphrase-file "$TMP/wrong"
has err "keyjoin needs the key file to write: -o NAME.key"
end

begin "a share typed back from paper: case, o for 0 and l for 1 are read; a typo fails its checksum"
f=$S/office-4.share
awk '/^#/ { body = 1 } body && /^[0-9a-z][0-9a-z][0-9a-z][0-9a-z]( |$)/ {
		$0 = toupper($0); gsub("0", "O"); gsub("1", "l") }
	/^checksum / { $2 = toupper($2) } { print }' "$f" >"$S/typed.share"
grep -q '[OL]' "$S/typed.share" || bad "the typed share has no O nor l to read"
pass typed 'custodian four' 'custodian two' 'custodian five' 'joined passphrase'
run 0 keyjoin "$S/typed.share" "$S/office-2.share" "$S/office-5.share" -o "$S/typed.key" --passphrase-file "$TMP/typed"
has out "fingerprint: $sfp"
line=$(($(grep -n '^#' "$f" | tail -1 | cut -d: -f1) + 1))
awk -v l="$line" 'NR == l { c = substr($0, 1, 1); $0 = (c == "a" ? "b" : "a") substr($0, 2) } { print }' "$f" >"$S/typo.share"
run 2 keyjoin "$S/typo.share" "$S/office-2.share" "$S/office-5.share" -o "$S/typo.key" --passphrase-file "$TMP/typed"
has err "the checksum does not match the share: a character was mistyped"
end

e2e_finish
