#!/bin/sh
# End-to-end tests of the office side (DESIGN §12, README "The office"):
# bundles of three laptops (answered in line mode through pipes) imported
# into the office store, the same suite against SQLite and against a real
# PostgreSQL server that tests/office/pg.sh starts and stops here.
# Updates, conflicts and the concurrent imports use bundles remade by
# tests/office/mkbundle.c (built here from the engine's sources).
#   TIPSCREEN=build/asan/tipscreen sh tests/office/run.sh
set -u
. tests/e2e/lib.sh
. tests/office/pg.sh
e2e_setup office
printf 'correct horse battery staple\n' >"$TMP/pass"
P="--passphrase-file $TMP/pass"
K="--key $TMP/office.key $P"

${CC:-cc} -O1 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc -o "$TMP/mkbundle" \
	tests/office/mkbundle.c src/store/bundle.c src/store/keyfile.c src/store/seal.c \
	src/base/codec.c src/base/text.c src/base/xalloc.c $(pkg-config --libs libsodium 2>/dev/null || echo -lsodium) ||
	echo "FAIL cannot build tests/office/mkbundle.c"
# mk IN SEED MODE [N M] > OUT: a remade bundle; its laptop's key joins $TMP/laptops.
mk() { in=$1; shift; "$TMP/mkbundle" "$TMP/office.key" "$TMP/pass" "$in" "$@" 2>>"$TMP/mk.keys"; }
interview() { IN=$E2E/plain/adult.in run 0 --plain --data "$1" $P; }
ncases() { run 0 office cases $D; echo $(($(wc -l <"$TMP/out") - 2)); }	# (a header, a count)

begin "the field side: an office key, three laptops, four interviews, three bundles"
run 0 keygen "$TMP/office" $P
cp "$TMP/out" "$TMP/keygen.out"
run 0 keygen "$TMP/other" $P
for l in 1 2 3; do interview "$TMP/l$l"; done
interview "$TMP/l1"
# the laptop's own text export of a case, before it is sent (office show must print the same)
run 0 cases --data "$TMP/l1" $P
id1=$(awk 'NR == 2 { print $1 }' "$TMP/out")
run 0 export "$id1" --format txt --data "$TMP/l1" $P
cp "$TMP/out" "$TMP/l1-case.txt"
mkdir -p "$TMP/stick"
for l in 1 2 3; do
	run 0 bundle --to "$TMP/office.pub" -o "$TMP/stick/l$l.bundle" --data "$TMP/l$l" $P
	run 0 whoami "$TMP/l$l.pub" --name "laptop-$l" --data "$TMP/l$l" $P
	cp "$TMP/out" "$TMP/l$l.fp"
	cat "$TMP/l$l.pub" >>"$TMP/laptops"
done
run 0 bundle --to "$TMP/other.pub" -o "$TMP/stick/other.bundle" --all --data "$TMP/l2" $P
cat "$TMP/l1.pub" "$TMP/l2.pub" >"$TMP/two-laptops"
# an altered bundle: one character of its armour changed, far from the ends
awk 'NR == 2 { $0 = substr($0, 1, 999) (substr($0, 1000, 1) == "A" ? "B" : "A") substr($0, 1001) } 1' \
	"$TMP/stick/l1.bundle" >"$TMP/stick/altered.bundle"
cmp -s "$TMP/stick/l1.bundle" "$TMP/stick/altered.bundle" && bad "the bundle was not altered"
mk "$TMP/stick/l1.bundle" field9 same >"$TMP/h-same.bundle"
mk "$TMP/stick/l1.bundle" field9 trim >"$TMP/h-trim.bundle"
mk "$TMP/stick/l1.bundle" field9 trim >"$TMP/h-trim2.bundle"
mk "$TMP/stick/l1.bundle" field9 alter >"$TMP/h-alter.bundle"
mk "$TMP/stick/l1.bundle" field9 answer >"$TMP/h-answer.bundle"
mk "$TMP/stick/l1.bundle" bench many 50 0 >"$TMP/h-a.bundle"
mk "$TMP/stick/l1.bundle" bench many 50 25 >"$TMP/h-b.bundle"
mk "$TMP/stick/l1.bundle" field8 form >"$TMP/h-form.bundle"
mk "$TMP/stick/l1.bundle" field7 forge >"$TMP/forged.bundle"
mk "$TMP/stick/l1.bundle" bench many 50 12 >"$TMP/h-c.bundle"
sort -u "$TMP/mk.keys" >>"$TMP/laptops"
S="--signer $TMP/laptops"
end

# sql URL SQL: runs SQL on the store at URL as its owner (sqlite3 on the
# file; psql as the admin role), as someone who can write the database
# but has no office key; the output in $TMP/sql.out, the errors in
# $TMP/sql.err.
sql() {
	case $1 in
	sqlite:*) sqlite3 "${1#sqlite:}" "$2" >"$TMP/sql.out" 2>"$TMP/sql.err" ;;
	*) "$PGBIN/psql" -X -q -At -v ON_ERROR_STOP=1 "$(pg_admin "$1")" -c "$2" >"$TMP/sql.out" 2>"$TMP/sql.err" ;;
	esac
}

# suite NAME URL URL2 URL3 URL4: the office's behaviour on the store at URL
# (a new one); URL2 … URL4 are more new stores. On PostgreSQL each is made
# by `office init` as the admin role, and used as the role tipscreen.
suite() {
	D="--db $2"
	Q="[$1]"
	rm -f "$TMP"/*.receipt "$TMP"/stick/*.receipt
	begin "$Q every office command but init refuses a store that was not initialised"
	run 1 office cases $D
	has err "office init"
	run 1 office import "$TMP/stick/l1.bundle" $K $S $D
	has err "office init"
	[ ! -e "$TMP/stick/l1.bundle.receipt" ] || bad "a receipt for a store that was never made"
	end

	begin "$Q office init creates the store, twice without harm, with an id and a name"
	case $2 in
	postgres*) run 1 office init $D
		has err "the store is made by the role that will own it" ;;
	esac
	run 0 office init --db "$(pg_admin "$2")"
	has out "office store ready"
	grep -q "): office ([0-9a-f]\{32\})\$" "$TMP/out" || bad "no name and id: $(cat "$TMP/out")"
	cp "$TMP/out" "$TMP/init.out"
	run 0 office init --db "$(pg_admin "$2")"
	cmp -s "$TMP/out" "$TMP/init.out" || bad "the second init changed the id"
	run 0 office init $D
	[ "$(head -1 "$TMP/out")" = "$(head -1 "$TMP/init.out")" ] || bad "the role tipscreen's init changed the id"
	storeid=$(sed -n 's/.*(\([0-9a-f]\{32\}\))$/\1/p' "$TMP/init.out")
	end

	begin "$Q three laptops' bundles imported: each case counted once"
	run 0 office import "$TMP/stick/l1.bundle" "$TMP/stick/l2.bundle" "$TMP/stick/l3.bundle" $K $S $D
	has out "imported 4, updated 0, identical 0, conflicts 0, refused 0"
	has out "l1.bundle: laptop "
	has out "l1.bundle: receipt $TMP/stick/l1.bundle.receipt (2 cases)"
	[ "$(ncases)" = 4 ] || bad "not 4 cases: $(cat "$TMP/out")"
	awk 'NR > 1 { print $1 }' "$TMP/out" | sort | uniq -d | grep . && bad "a case twice"
	grep -q consistent-adult "$TMP/out" || bad "cases shows no outcome"
	end

	begin "$Q the laptop accepts the office's receipt, which names the store"
	run 0 receipt "$TMP/stick/l1.bundle.receipt" --to "$TMP/office.pub" --data "$TMP/l1" $P
	has out "stored by the office store office ($storeid)"
	has out "tipscreen receipt $TMP/stick/l1.bundle.receipt --to $TMP/office.pub --delete"
	has out "Signed by the office key $(sed -n 's/^fingerprint: //p' "$TMP/keygen.out")"
	end

	begin "$Q the same bundle again: identical, nothing changes"
	run 0 office cases $D; cp "$TMP/out" "$TMP/before"
	run 0 office import "$TMP/stick/l1.bundle" $K $S $D
	has out "imported 0, updated 0, identical 2, conflicts 0, refused 0"
	run 0 office cases $D
	cmp -s "$TMP/out" "$TMP/before" || bad "the cases changed"
	end

	begin "$Q an altered bundle, one sealed to another key, one of an unknown laptop: refused, exit 2, nothing changed"
	run 2 office import "$TMP/stick/altered.bundle" $K $S $D
	has err "altered.bundle: error: refused: not a bundle that opens with this office key"
	has out "imported 0, updated 0, identical 0, conflicts 0, refused 1"
	run 2 office import "$TMP/stick/other.bundle" $K $S $D
	has err "refused"
	run 2 office import "$TMP/stick/l3.bundle" $K --signer "$TMP/two-laptops" $D
	has err "which is not in $TMP/two-laptops"
	run 2 office import "$TMP/stick/l3.bundle" $K $D
	has err "office import needs the known laptops: --signer LAPTOPS"
	run 0 office import "$TMP/stick/l3.bundle" $K --any-signer $D
	has err "NOT KNOWN"
	has out "identical 1"
	run 0 office cases $D
	cmp -s "$TMP/out" "$TMP/before" || bad "the cases changed"
	run 0 office audit $D
	has out "refuse "
	end

	begin "$Q a dry run stores nothing and writes no receipt"
	run 0 office import "$TMP/h-same.bundle" $K $S $D --dry-run
	has out "(dry run) $TMP/h-same.bundle"
	has out "imported 2"
	[ ! -e "$TMP/h-same.bundle.receipt" ] || bad "a dry run wrote a receipt"
	[ "$(ncases)" = 4 ] || bad "a dry run stored cases"
	end

	begin "$Q a later version that extends the records updates; an earlier one is identical"
	run 0 office import "$TMP/h-trim.bundle" $K $S $D
	has out "imported 2, updated 0"
	run 0 office import "$TMP/h-same.bundle" $K $S $D
	has out "imported 0, updated 2, identical 0, conflicts 0"
	run 0 office import "$TMP/h-trim2.bundle" $K $S $D
	has out "imported 0, updated 0, identical 2, conflicts 0"
	[ "$(ncases)" = 6 ] || bad "not 6 cases"
	end

	begin "$Q diverging records are a conflict, kept aside, never overwriting"
	run 0 office cases $D; cp "$TMP/out" "$TMP/before"
	run 0 office import "$TMP/h-alter.bundle" $K $S $D
	has out "imported 0, updated 0, identical 0, conflicts 2, refused 0"
	has out "receipt $TMP/h-alter.bundle.receipt (0 cases)"
	run 0 office import "$TMP/h-alter.bundle" $K $S $D
	has out "conflicts 2"
	run 0 office conflicts $D
	[ "$(grep -c 'diverge from the' "$TMP/out")" = 2 ] || bad "not 2 conflicts: $(cat "$TMP/out")"
	run 0 office cases $D
	awk '{ $NF = "" } 1' "$TMP/out" >"$TMP/now"
	awk '{ $NF = "" } 1' "$TMP/before" | cmp -s - "$TMP/now" || bad "a conflict changed a stored case"
	[ "$(awk 'NR > 1 && $NF == 1' "$TMP/out" | wc -l)" = 2 ] || bad "cases does not count the conflicts"
	end

	begin "$Q office show opens a case with the office key, and is audited"
	id=$(awk 'NR == 2 { print $1 }' "$TMP/before")
	run 0 office show "$id" $K $D
	has out "Office case file: case $id"
	has out "[consistent-adult]"
	run 2 office show "$id" --key "$TMP/other.key" $P $D
	has err "this office key did not write this store's audit log"
	# Another office's key writes nothing, so the log still verifies
	# with the store's own key (it would break on a row MACed by the other).
	run 2 office import "$TMP/stick/other.bundle" --key "$TMP/other.key" $P $S $D
	has err "nothing was written"
	run 2 office stats --key "$TMP/other.key" $P $D
	has err "this office key did not write this store's audit log"
	run 0 office audit $K $D
	hasnt out "BROKEN"
	run 2 office show 0000000000000000 $K $D
	has err "no case 0000000000000000 in the office store"
	end

	begin "$Q office show --format txt is the laptop's own text export but for the office's header; json parses"
	run 0 office show "$id1" --laptop laptop-1 --format txt $K $D
	has out "Office case file: case $id1 of laptop laptop-1 ("
	has out "Review state: received"
	sed '1,/^$/d' "$TMP/out" >"$TMP/office-case.txt"
	cmp -s "$TMP/l1-case.txt" "$TMP/office-case.txt" ||
		bad "office show differs from the laptop's export: $(diff "$TMP/l1-case.txt" "$TMP/office-case.txt" | head -5)"
	run 0 office show "$id1" --laptop laptop-1 --format json $K $D
	jq -e --arg id "$id1" '.case == $id and .office.name == "laptop-1"' "$TMP/out" \
		>/dev/null 2>"$TMP/json.err" || bad "the JSON does not parse or names another case: $(tail -1 "$TMP/json.err")"
	run 2 office show "$id1" --format pdf $K $D
	has err "takes txt or json"
	end

	begin "$Q three named laptops: their names in cases, audit and stats --by laptop"
	run 0 office cases $D
	for l in 1 2 3; do has out " laptop-$l "; done
	has out "6 cases"
	run 0 office audit $D
	for l in 1 2 3; do has out "import "; has out ": laptop laptop-$l "; done
	awk 'length > 80 { print "long: " $0 }' "$TMP/out" | grep . && bad "the audit log is wider than 80 columns"
	run 0 office stats --by laptop $K $D
	for l in 1 2 3; do
		fp=$(sed -n 's/^fingerprint: //p' "$TMP/l$l.fp")
		grep -q "^laptop-$l  *$fp  *[12] cases\{0,1\}$" "$TMP/out" || bad "stats --by laptop: laptop-$l $fp: $(cat "$TMP/out")"
	done
	run 0 office cases --laptop laptop-2 $D
	has out "1 case (filtered)"
	run 0 office cases $D
	awk 'length > 80 { print "long: " $0 }' "$TMP/out" | grep . && bad "office cases is wider than 80 columns"
	end

	begin "$Q a conflict in an answer: side by side, resolved both ways, both audited, no bundle deleted"
	run 0 office import "$TMP/h-answer.bundle" $K $S $D
	has out "conflicts 2"
	sql "$2" "SELECT COUNT(*) FROM bundles"
	nb=$(cat "$TMP/sql.out")
	run 0 office conflicts $D
	has out "4 conflicts"
	has out "open (office resolve 3)"
	run 0 office conflicts --show 3 $K $D
	has out "question"
	sed -n '5p' "$TMP/out" | grep -q '^\* [a-z.-]*  *yes  *no$' || bad "the differing answer is not first: $(sed -n '4,6p' "$TMP/out")"
	has out "(1 answer differs; the same below)"
	run 2 office resolve 3 --keep both --reason x $K $D
	has err "--keep"
	run 2 office resolve 3 --keep stored $K $D
	has err "needs --reason"
	run 0 office resolve 3 --keep stored --reason "the laptop's answer was typed wrong" $K $D
	has out "keeps the stored version"
	run 0 office resolve 4 --keep incoming --reason "the screener corrected it" $K $D
	has out "keeps the incoming version"
	run 2 office resolve 3 --keep incoming --reason again $K $D
	has err "resolved already"
	for n in 3 4; do
		sql "$2" "SELECT COUNT(*) FROM cases c JOIN conflicts f ON f.case_id = c.id AND f.laptop = c.laptop WHERE f.id = $n AND c.bundle = f.bundle"
		eval "points$n=\$(cat "\$TMP/sql.out")"
	done
	[ "$points3 $points4" = "0 1" ] || bad "the case of conflict 3 (kept stored) and of 4 (kept incoming) point at the incoming bundle: $points3 $points4"
	run 0 office conflicts $D
	has out "resolved: the office kept the stored version"
	has out "resolved: the office kept the incoming version"
	sql "$2" "SELECT COUNT(*) FROM bundles"
	[ "$(cat "$TMP/sql.out")" = "$nb" ] || bad "bundles: $nb, then $(cat "$TMP/sql.out")"
	sql "$2" "DELETE FROM resolutions"
	has sql.err "the table resolutions is append-only (tipscreen)"
	run 0 office audit $D $K
	[ "$(grep -c ' resolve [0-9a-f]*: conflict [34]: kept the ' "$TMP/out")" = 2 ] || bad "not both resolutions in the audit log"
	run 0 office import "$TMP/h-answer.bundle" $K $S $D --receipt "$TMP/answer.receipt"
	has out "identical 1, conflicts 1"
	has out "receipt $TMP/answer.receipt (1 case)"
	run 0 office stats $D $K --k 1 --by outcome
	has out "total 6"
	end

	begin "$Q review states: a case through every state, with comments; cases --state filters"
	for st in in-review has-issues in-review approved rejected has-issues; do
		run 0 office review "$id1" --laptop laptop-1 --state $st --comment "step $st" --reviewer "Ana R" $K $D
		has out "Case $id1 of laptop laptop-1: $st (by Ana R)."
	done
	run 0 office cases --state has-issues $D
	has out "$id1 laptop-1"
	has out "1 case (filtered)"
	run 0 office cases --state approved $D
	has out "0 cases (filtered)"
	run 0 office show "$id1" --laptop laptop-1 $K $D
	has out "Review state: has-issues"
	[ "$(grep -c 'by Ana R: step ' "$TMP/out")" = 6 ] || bad "not 6 steps in the history: $(sed -n '1,12p' "$TMP/out")"
	run 0 office audit $D $K
	[ "$(grep -c "review $id1: [a-z-]* by Ana R, laptop laptop-1" "$TMP/out")" = 6 ] || bad "not 6 reviews in the audit log"
	run 2 office review "$id1" --laptop laptop-1 --state done --comment x $K $D
	has err "received, in-review, has-issues, approved, rejected"
	run 2 office review "$id1" --laptop laptop-1 --state approved $K $D
	has err "needs --comment"
	run 2 office cases --state done $D
	has err "expected one of"
	sql "$2" "UPDATE reviews SET comment = 'edited'"
	has sql.err "the table reviews is append-only (tipscreen)"
	end

	begin "$Q statistics: small cells suppressed by default, --k 1 shows all, CSV"
	run 0 office stats $D $K
	has out "<11"
	has out "total *"	# (its only cells are small: the total would give them away)
	sql "$2" "SELECT by_fields || ' ' || k || ' ' || (cells LIKE '%T	-%') FROM exports ORDER BY id"
	grep -q "^month,outcome 11 \(1\|true\)$" "$TMP/sql.out" || bad "the export was not recorded: $(cat "$TMP/sql.out" "$TMP/sql.err")"
	sql "$2" "UPDATE exports SET k = 1"
	has sql.err "the table exports is append-only (tipscreen)"
	run 0 office stats $D --k 1 --by outcome $K
	has out "consistent-adult  6"
	has out "k = 1: every count is shown (not for publication). A case with several forms"
	run 0 office stats $D --by outcome,age-group,form --format csv --k 1 $K
	head -1 "$TMP/out" | grep -qx 'outcome,age-group,form,count' || bad "CSV header: $(head -1 "$TMP/out")"
	has out "consistent-adult,adult,forced-labour,6"
	run 2 office stats $D --by colour $K
	has err "'colour' is not a field"
	run 2 office stats --db mysql:x $K
	has err "expected sqlite:PATH or postgresql://"
	run 2 office frobnicate $D
	has err "unknown office command"
	run 2 office show $D
	has err "wrong number of arguments"
	end

	begin "$Q a case with two forms counts under both: SQL counts the case_facts rows"
	run 0 office init --db "$(pg_admin "$4")"
	run 0 office import "$TMP/h-form.bundle" $K $S --db $4
	has out "imported 2"
	run 0 office stats --db $4 --by form --k 1 --format csv $K
	has out "forced-labour,2"
	has out "servitude,2"
	[ "$(wc -l <"$TMP/out")" = 3 ] || bad "not two forms: $(cat "$TMP/out")"
	run 0 office stats --db $4 --by outcome,form,age-group --k 1 --format csv $K
	has out "consistent-adult,servitude,adult,2"
	run 0 office stats --db $4 --by flag --k 1 --format csv $K
	head -1 "$TMP/out" | grep -qx 'flag,count' || bad "flag CSV header: $(head -1 "$TMP/out")"
	run 0 office stats --db $4 --by form $K
	has out "counts under each"
	end

	begin "$Q office export --format htcds: README's field list, the rows expected, a pseudonym per row, audited"
	run 2 office export --format csv $K --db $4
	has err "needs --format htcds"
	run 0 office stats --db $4 --by month,deck-version --k 1 --format csv $K
	month=$(awk -F, 'NR == 2 { print $1 }' "$TMP/out")
	dv=$(awk -F, 'NR == 2 { print $2 }' "$TMP/out")
	run 0 office cases --db $4
	ids=$(awk 'NR > 1 && NF > 2 { print $1 }' "$TMP/out")
	run 0 office export --format htcds $K --db $4
	has err "2 cases exported"
	fields=$(sed -n '/^### The HTCDS export/,/^### PostgreSQL/p' README.md | sed -n 's/^| `\([A-Za-z_]*\)` |.*/\1/p' | paste -sd, -)
	[ "$(head -1 "$TMP/out" | tr -d '\r')" = "$fields" ] || bad "header: $(head -1 "$TMP/out"); README: $fields"
	want=",PossibleVictimOfTrafficking,NonPoliceGovernmentalOrganization,30,Threats FalsePromises WithholdsDocuments TakesEarnings,ForcedLabour,,Recruitment Transit Exploitation,,,,,,$month,consistent-adult,,,professional,office,$dv"
	got=$(awk 'NR > 1' "$TMP/out" | tr -d '\r' | cut -d, -f2- | sort -u)
	[ "$got" = "$want" ] || bad "rows: $got; expected: $want"
	[ "$(awk -F, 'NR > 1 { print $1 }' "$TMP/out" | sort -u | grep -c '^[0-9a-f]\{12\}$')" = 2 ] || bad "not two pseudonyms: $(cat "$TMP/out")"
	for c in $ids; do grep -q "$c" "$TMP/out" && bad "case id $c in the export"; done
	cp "$TMP/out" "$TMP/htcds1"
	run 0 office export --format htcds --since 2000-01-01 $K --db $4
	[ "$(awk -F, 'FNR > 1 { print $1 }' "$TMP/out" "$TMP/htcds1" | sort -u | wc -l)" = 4 ] || bad "the pseudonyms were not drawn again"
	run 0 office export --format htcds --since 2999-01-01 $K --db $4
	[ "$(wc -l <"$TMP/out")" = 1 ] || bad "--since kept cases: $(cat "$TMP/out")"
	run 0 office audit --db $4
	has out "export cases: HTCDS export: every case opened"
	has out "export cases: HTCDS export: every case changed since 2000-01-01 opened"
	end

	begin "$Q the audit log has every import, opening and statistics export, with who"
	run 0 office audit $D
	has out "import "
	has out "open $id"
	has out "stats cases: by month,outcome, k 11"
	has out "user $(id -un)  key $(sed -n 's/^fingerprint: //p' "$TMP/keygen.out")"
	end


	begin "$Q a laptop cannot put records under another laptop's case: each laptop's case is its own"
	T="--db $5"
	run 0 office init --db "$(pg_admin "$5")"
	run 0 office import "$TMP/forged.bundle" $K $S $T --receipt "$TMP/forged.receipt"
	has out "imported 2, updated 0, identical 0, conflicts 0"
	run 0 office import "$TMP/stick/l1.bundle" $K $S $T --receipt "$TMP/a.receipt"
	has out "imported 2, updated 0, identical 0, conflicts 0, refused 0"
	has out "receipt $TMP/a.receipt (2 cases)"
	run 0 office cases $T
	has out "4 cases"
	x=$(awk '$2 == "laptop-1" { print $1; exit }' "$TMP/out")
	[ "$(grep -c "^$x " "$TMP/out")" = 2 ] || bad "case $x is not held by two laptops"
	other=$(awk -v x="$x" '$1 == x && $2 != "laptop-1" { print $2 }' "$TMP/out")
	run 2 office show "$x" $K $T
	has err "2 laptops hold a case $x: give --laptop with one of:"
	run 0 office show "$x" --laptop laptop-1 $K $T
	has out "of laptop laptop-1 ("
	run 0 office show "$x" --laptop "$other" $K $T
	has out "(device vm)"
	run 0 office stats $T --by outcome --k 1 $K
	has out "total 4"
	end

	begin "$Q a row edited by SQL earns no receipt, and show and stats see the edit"
	a=$(cut -d' ' -f1 "$TMP/l1.pub")	# (the key, without the laptop's name)
	sql "$5" "SELECT bundle FROM cases WHERE laptop <> '$a' LIMIT 1"
	forged=$(cat "$TMP/sql.out")
	[ -n "$forged" ] || bad "no forged row: $(cat "$TMP/sql.err")"
	sql "$5" "UPDATE cases SET bundle = '$forged' WHERE laptop = '$a' AND id = '$x'"
	run 1 office import "$TMP/stick/l1.bundle" $K $S $T --receipt "$TMP/b.receipt"
	has err "case $x: its bundle was signed by another laptop: the office store was altered"
	[ ! -e "$TMP/b.receipt" ] || bad "a receipt for records the store does not hold"
	run 2 office show "$x" --laptop laptop-1 $K $T
	has err "is not in its stored bundle, or that bundle is another laptop's"
	run 1 office stats $T $K
	has err "its row is not the one the office stored"
	end

	begin "$Q database text reaches the terminal sanitised; show prints the signed bundle's values"
	case $5 in sqlite:*) c=char ;; *) c=chr ;; esac
	sql "$5" "UPDATE cases SET device = $c(27) || '[31mred' WHERE laptop <> '$a'"
	sql "$5" "INSERT INTO audit (at, os_user, key_fp, action, object, detail) VALUES (0, 'x', '-', $c(27) || '[1A' || $c(27) || '[2K', $c(27) || ']0;title' || $c(7), 'a' || $c(10) || '99  fake entry')"
	[ -s "$TMP/sql.err" ] && bad "the insert: $(cat "$TMP/sql.err")"
	run 0 office cases $T
	has out "[31mred"
	run 1 office audit $T
	has out "THE AUDIT LOG IS BROKEN"
	grep -q '^99  fake' "$TMP/out" && bad "a line break in the log forged a line"
	run 0 office show "$x" --laptop "$other" $K $T	# (the other laptop's row was altered above)
	has err "warning: the store's row of this case differs from its signed bundle"
	if grep -q "$(printf '\033')" "$TMP"/out; then bad "an escape reached the terminal"; fi
	end

	begin "$Q rows without their authentication (a migrated store) are counted after init --key makes them again from their bundles"
	sql "$2" "UPDATE cases SET mac = NULL, device = 'edited'"
	run 1 office stats $D $K
	has err "stored before schema 3"
	run 0 office init --db "$(pg_admin "$2")" $K
	has out "6 cases made again from their signed bundles"
	run 0 office stats $D $K --k 1 --by outcome
	has out "total 6"
	run 0 office cases $D
	hasnt out "edited"
	end

	begin "$Q the audit log: an edit by the owner is found, and where"
	run 0 office audit $D
	has out "chained"
	case $2 in
	sqlite:*) sql "$2" "DROP TRIGGER audit_no_update; UPDATE audit SET detail = 'nothing happened' WHERE id = 2; CREATE TRIGGER audit_no_update BEFORE update ON audit BEGIN SELECT RAISE(ABORT, 'the table audit is append-only (tipscreen)'); END" ;;
	*) sql "$2" "ALTER TABLE audit DISABLE TRIGGER USER; UPDATE audit SET detail = 'nothing happened' WHERE id = 2; ALTER TABLE audit ENABLE TRIGGER USER" ;;
	esac
	[ -s "$TMP/sql.err" ] && bad "the owner's edit: $(cat "$TMP/sql.err")"
	run 0 office cases $D
	run 1 office audit $D $K
	has out "THE AUDIT LOG IS BROKEN at entry 2: its content does not match its hash (it was edited)"
	end

	begin "$Q two imports of overlapping bundles at once: each case once"
	D="--db $3"
	run 0 office init --db "$(pg_admin "$3")"
	( $WRAP "$BIN" office import "$TMP/h-a.bundle" $K $S $D >"$TMP/c1" 2>&1; echo $? >"$TMP/c1.rc" ) &
	p1=$!
	( $WRAP "$BIN" office import "$TMP/h-b.bundle" $K $S $D >"$TMP/c2" 2>&1; echo $? >"$TMP/c2.rc" ) &
	p2=$!
	wait $p1 $p2
	[ "$(cat "$TMP/c1.rc" "$TMP/c2.rc")" = "0
0" ] || bad "an import failed: $(cat "$TMP/c1" "$TMP/c2")"
	imp=$(sed -n 's/^imported \([0-9]*\), updated 0, identical \([0-9]*\).*/\1 \2/p' "$TMP/c1" "$TMP/c2" |
		awk '{ i += $1; s += $2 } END { print i, s }')
	[ "$imp" = "75 25" ] || bad "imported, identical: $imp ($(cat "$TMP/c1" "$TMP/c2"))"
	[ "$(ncases)" = 75 ] || bad "not 75 cases"
	end
}

begin "every office command of --help has its paragraph in the man page, and back"
run 0 --help
subs=$(sed -n 's/^ *tipscreen office \([a-z]*\).*/\1/p' "$TMP/out" | sort -u)
[ "$(echo "$subs" | wc -l)" = 11 ] || bad "not 11 office commands in --help: $subs"
man=$(sed -n 's/^\\fBtipscreen office \([a-z]*\).*/\1/p' src/tipscreen.1 | sort -u)
[ "$subs" = "$man" ] || bad "--help has $(echo $subs), the man page $(echo $man)"
for o in --db --dry-run --receipt --by --k; do
	grep -q -- "^  $o " "$TMP/out" || bad "--help does not explain $o"
done
end

begin "--help lists exactly the facts table's --by names, each with its help"
run 0 --help
table=$(sed -n 's/^	X([A-Z_]*, [a-z_]*, "[a-z-]*", "\([a-z-]*\)".*/\1/p' src/domain/facts.h)
[ "$(echo "$table" | wc -l)" -ge 9 ] || bad "the facts table was not read: $table"
help=$(sed -n '/^  --by /,/^  --k /p' "$TMP/out" | sed -n 's/^                       \([a-z-]*\): ..*/\1/p')
[ "$table" = "$help" ] || bad "--help has $(echo $help), the table $(echo $table)"
run 0 office init --db "sqlite:$TMP/by.db"
run 2 office stats --db "sqlite:$TMP/by.db" --by colour $K
for n in $table; do has err "$n"; done
end

suite sqlite "sqlite:$TMP/office.db" "sqlite:$TMP/concurrent.db" "sqlite:$TMP/forms.db" \
	"sqlite:$TMP/trust.db"

begin "[sqlite] an entry naming a long path is folded within 80 columns, the path whole again when joined"
long="$TMP/a-folder-whose-name-is-longer-than-any-line-of-the-audit-log-of-tipscreen-office"
mkdir -p "$long" && cp "$TMP/two-laptops" "$long/known-laptops"
run 0 office init --db "sqlite:$long/office.db"
run 2 office import "$TMP/stick/l3.bundle" $K --signer "$long/known-laptops" --db "sqlite:$long/office.db"
run 0 office audit --db "sqlite:$long/office.db"
awk 'length > 80 { print "long: " $0 }' "$TMP/out" | grep . && bad "the audit log is wider than 80 columns"
tr -d ' \n' <"$TMP/out" | grep -qF "notin$long/known-laptops" ||
	bad "the path is not whole when its lines are joined: $(cat "$TMP/out")"
end

begin "[sqlite] REPLACE cannot rewrite the log, bundles or conflicts; a trigger made a no-op is refused at every open"
R="sqlite:$TMP/office.db"
sql "$R" "INSERT OR REPLACE INTO audit (id, at, os_user, key_fp, action, object, detail) VALUES (1, 0, 'nobody', '-', 'init', '-', 'nothing happened')"
has sql.err "the table audit is append-only (tipscreen)"
sql "$R" "INSERT OR REPLACE INTO bundles (hash, file, device, laptop, made, imported, sealed) SELECT hash, 'x', device, laptop, made, imported, 'gone' FROM bundles LIMIT 1"
has sql.err "the table bundles is append-only (tipscreen)"
cp "$TMP/office.db" "$TMP/noop.db"
sql "sqlite:$TMP/noop.db" "DROP TRIGGER audit_no_delete; CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT 1; END"
for c in cases conflicts audit init; do
	run 1 office $c --db "sqlite:$TMP/noop.db"
	has err "the store's triggers are not the ones tipscreen made"
done
sql "sqlite:$TMP/noop.db" "CREATE TRIGGER audit_extra AFTER INSERT ON cases BEGIN SELECT 1; END"
run 1 office cases --db "sqlite:$TMP/noop.db"
end

begin "hints: .pub as --key, a password in a PostgreSQL URI, where init made the store, no conflicts, deleting a case never sent"
run 2 office cases --db "postgresql://tipscreen:secret@localhost/office"
has err "~/.pgpass"
run 0 office init --db "sqlite:$TMP/hints.db"
has out "location: sqlite:$TMP/hints.db"
run 0 office conflicts --db "sqlite:$TMP/hints.db"
has out "no conflicts"
run 2 office stats --key "$TMP/office.pub" $P --db "sqlite:$TMP/hints.db"
has err "$TMP/office.pub is the public key; --key takes the secret one ($TMP/office.key)"
interview "$TMP/l5"
interview "$TMP/l5"
run 0 cases --data "$TMP/l5" $P
c1=$(awk 'NR == 2 { print $1 }' "$TMP/out")
c2=$(awk 'NR == 3 { print $1 }' "$TMP/out")
# at a terminal (script(1) gives it one) it asks first: "no" keeps the case
printf 'no\n' | script -qec "$BIN delete $c1 --data $TMP/l5 $P" /dev/null >"$TMP/tty.out" 2>&1
grep -q "Delete it anyway? Type yes: " "$TMP/tty.out" || bad "delete did not ask: $(cat "$TMP/tty.out")"
grep -q "nothing deleted" "$TMP/tty.out" || bad "delete did not keep the case: $(cat "$TMP/tty.out")"
printf 'yes\n' | script -qec "$BIN delete $c2 --data $TMP/l5 $P" /dev/null >"$TMP/tty.out" 2>&1
grep -q "Deleted case $c2" "$TMP/tty.out" || bad "delete after yes: $(cat "$TMP/tty.out")"
run 0 cases --data "$TMP/l5" $P
has out "$c1"
hasnt out "$c2"
# without a terminal (a script) it warns and deletes
run 0 delete "$c1" --data "$TMP/l5" $P
has err "was never sent to the office"
run 2 whoami --name "laptop 5" --data "$TMP/l5" $P
has err "--name goes with the file"
run 2 whoami "$TMP/l5.pub" --name "bad;name" --data "$TMP/l5" $P
has err "a laptop's name is 1 to 63 letters"
end

begin "an import without --db refuses: no store is made in the clerk's home, no receipt"
run 1 office import "$TMP/stick/l2.bundle" $K $S --receipt "$TMP/nodb.receipt"
has err "no office store there (\`tipscreen office init\` makes one)"
[ ! -e "$TMP/nodb.receipt" ] || bad "a receipt for a store that does not exist"
[ ! -e "$HOME/.local/share/tipscreen-office" ] || bad "the default store's directory was made"
end

begin "a receipt never replaces a file: --receipt refuses an existing path; next to the bundle only an older receipt"
R="--db sqlite:$TMP/office.db"
echo "my notes" >"$TMP/notes.txt"
run 1 office import "$TMP/stick/l2.bundle" $K $S $R --receipt "$TMP/notes.txt"
has err "cannot write the receipt"
[ "$(cat "$TMP/notes.txt")" = "my notes" ] || bad "the notes were replaced"
cp "$TMP/stick/l2.bundle" "$TMP/again.bundle"
echo "not a receipt" >"$TMP/again.bundle.receipt"
run 1 office import "$TMP/again.bundle" $K $S $R
[ "$(cat "$TMP/again.bundle.receipt")" = "not a receipt" ] || bad "a file next to the bundle was replaced"
rm "$TMP/again.bundle.receipt"
run 0 office import "$TMP/again.bundle" $K $S $R
run 0 office import "$TMP/again.bundle" $K $S $R
has out "receipt $TMP/again.bundle.receipt"
end

begin "the office key's fingerprint covers its signing key: a .pub with another sign line shows another"
fp=$(sed -n 's/^fingerprint: //p' "$TMP/keygen.out")
{ head -1 "$TMP/office.pub"; grep '^sign ' "$TMP/other.pub"; } >"$TMP/swapped.pub"
interview "$TMP/l9"
run 0 bundle --to "$TMP/swapped.pub" -o "$TMP/swapped.bundle" --data "$TMP/l9" $P
has err "sealing to the office key "
hasnt err "$fp"
run 0 bundle --to "$TMP/office.pub" -o "$TMP/l9.bundle" --all --data "$TMP/l9" $P
has err "sealing to the office key $fp"
end

begin "[postgresql] a throwaway server starts (initdb, pg_ctl, a Unix socket)"
pg_start || bad "the PostgreSQL server did not start"
end
if [ -n "${PGURL:-}" ]; then
	pg_psql -c "CREATE DATABASE office" -c "CREATE DATABASE concurrent" -c "CREATE DATABASE forms" \
		-c "CREATE DATABASE old" -c "CREATE DATABASE trust"
	suite postgresql "$(echo "$PGURL" | sed 's|///postgres|///office|')" \
		"$(echo "$PGURL" | sed 's|///postgres|///concurrent|')" \
		"$(echo "$PGURL" | sed 's|///postgres|///forms|')" \
		"$(echo "$PGURL" | sed 's|///postgres|///trust|')"
	begin "[postgresql] three importers at once over overlapping bundles, 30 rounds: each import succeeds, the store exact"
	r=1
	while [ $r -le 30 ]; do
		pg_psql -c "CREATE DATABASE round$r"
		U=$(echo "$PGURL" | sed "s|///postgres|///round$r|")
		"$BIN" office init --db "$(pg_admin "$U")" >/dev/null 2>"$TMP/init.err" || bad "round $r: init: $(cat "$TMP/init.err")"
		for b in a b c; do
			( $WRAP "$BIN" office import "$TMP/h-$b.bundle" $K $S --db "$U" --receipt "$TMP/r$r$b" \
				>"$TMP/c$b" 2>&1; echo $? >"$TMP/c$b.rc" ) &
			eval "p$b=\$!"
		done
		wait $pa $pb $pc
		for b in a b c; do
			[ "$(cat "$TMP/c$b.rc")" = 0 ] || bad "round $r: import $b: $(cat "$TMP/c$b")"
			grep -q "transaction is aborted" "$TMP/c$b" && bad "round $r: $(cat "$TMP/c$b")"
			[ -s "$TMP/r$r$b" ] || bad "round $r: no receipt for $b"
		done
		imp=$(sed -n 's/^imported \([0-9]*\), updated 0, identical \([0-9]*\), conflicts 0.*/\1 \2/p' \
			"$TMP/ca" "$TMP/cb" "$TMP/cc" | awk '{ i += $1; s += $2 } END { print i, s }')
		[ "$imp" = "75 75" ] || bad "round $r: imported, identical: $imp"
		"$PGBIN/psql" -X -q -At "$(pg_admin "$U")" -c "SELECT (SELECT COUNT(*) FROM cases) || ' ' || (SELECT COUNT(DISTINCT id) FROM cases) || ' ' || (SELECT COUNT(*) FROM conflicts) || ' ' || (SELECT COUNT(*) FROM audit WHERE action = 'import') || ' ' || (SELECT COUNT(*) FROM bundles)" >"$TMP/exact"
		[ "$(cat "$TMP/exact")" = "75 75 0 3 3" ] || bad "round $r: cases, ids, conflicts, imports, bundles: $(cat "$TMP/exact")"
		"$BIN" office audit --db "$U" $K >"$TMP/audit.out" 2>&1 || bad "round $r: the audit log: $(tail -2 "$TMP/audit.out")"
		pg_psql -c "DROP DATABASE round$r"
		r=$((r + 1))
	done
	end
	begin "[postgresql] a store of release 2 (schema 1, forms comma-joined) is migrated"
	O=$(echo "$PGURL" | sed 's|///postgres|///old|')
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$(pg_admin "$O")" >"$TMP/err" 2>&1 <<-'EOF' || bad "schema 1: $(cat "$TMP/err")"
	CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
	INSERT INTO meta VALUES ('schema', '1');
	CREATE TABLE bundles (hash TEXT PRIMARY KEY, file TEXT NOT NULL, device TEXT NOT NULL,
		laptop TEXT NOT NULL, made BIGINT NOT NULL, imported BIGINT NOT NULL, sealed TEXT NOT NULL);
	INSERT INTO bundles VALUES ('h1', 'f', 'd', 'l', 1, 2, 's');
	CREATE TABLE cases (id TEXT PRIMARY KEY, laptop TEXT NOT NULL, device TEXT NOT NULL,
		bundle TEXT NOT NULL REFERENCES bundles(hash), status TEXT NOT NULL, deck TEXT NOT NULL,
		created BIGINT NOT NULL, updated BIGINT NOT NULL, nrec BIGINT NOT NULL, hash TEXT NOT NULL,
		outcome TEXT NOT NULL, child TEXT NOT NULL, flags TEXT NOT NULL, forms TEXT NOT NULL,
		month TEXT NOT NULL, role TEXT NOT NULL, place TEXT NOT NULL, interpreter TEXT NOT NULL,
		deck_version TEXT NOT NULL, imported BIGINT NOT NULL);
	INSERT INTO cases VALUES ('0123456789abcdef', 'l', 'd', 'h1', 'complete', '', 1, 2, 3, 'x',
		'consistent-adult', 'presumed', '', 'forced-labour,servitude', '2026-12', 'ngo', 'office',
		'none', 'v', 4);
	EOF
	run 1 office stats --db "$(pg_admin "$O")" --by form,age-group --k 1 --format csv $K
	has err "of an older tipscreen: bring it to schema 4 with \`tipscreen office init\`"
	run 0 office init --db "$(pg_admin "$O")"
	run 0 office cases --db "$O"
	has out "0123456789abcdef l "
	run 1 office stats --db "$O" --by form,age-group --k 1 --format csv $K
	has err "stored before schema 3"
	"$PGBIN/psql" -X -q -At "$(pg_admin "$O")" -c "SELECT fact || ',' || value FROM case_facts ORDER BY 1" >"$TMP/facts"
	[ "$(cat "$TMP/facts" | tr '\n' ' ')" = "form,forced-labour form,servitude " ] ||
		bad "the forms were not moved: $(cat "$TMP/facts")"
	run 0 office init --db "$(pg_admin "$O")"
	end
	begin "[postgresql] the role tipscreen may not change the log, bundles or conflicts; the owner's triggers refuse it too"
	U=$(echo "$PGURL" | sed 's|///postgres|///office|')
	for t in audit bundles conflicts; do
		for q in "UPDATE $t SET laptop = 'x'" "DELETE FROM $t" "TRUNCATE $t" \
			"ALTER TABLE $t DISABLE TRIGGER USER"; do
			q=$(echo "$q" | sed 's/audit SET laptop/audit SET os_user/')
			"$PGBIN/psql" -X -q "$U" -c "$q" 2>"$TMP/err" && bad "tipscreen: $q passed"
			grep -q "permission denied\|must be owner" "$TMP/err" || bad "$q: $(cat "$TMP/err")"
			"$PGBIN/psql" -X -q "$(pg_admin "$U")" -c "$q" 2>"$TMP/err"
			# (TRUNCATE of a table others refer to is refused before its
			# trigger runs, which refuses it alone)
			case $q in
			ALTER*) ;;
			TRUNCATE*) grep -q "append-only (tipscreen)\|cannot truncate a table referenced" "$TMP/err" ||
				bad "$q as the owner: $(cat "$TMP/err")" ;;
			*) has err "the table $t is append-only (tipscreen)" ;;
			esac
		done
		"$PGBIN/psql" -X -q "$(pg_admin "$U")" -c "ALTER TABLE $t ENABLE TRIGGER USER" 2>"$TMP/err"
	done
	end
	begin "[postgresql] the office refuses to run as the owner of the store, or with a trigger disabled"
	run 1 office cases --db "$(pg_admin "$U")"
	has err "connect as the role tipscreen"
	"$PGBIN/psql" -X -q "$(pg_admin "$U")" -c "ALTER TABLE audit DISABLE TRIGGER audit_no_update"
	run 1 office cases --db "$U"
	has err "append-only triggers are not the ones tipscreen made"
	"$PGBIN/psql" -X -q "$(pg_admin "$U")" -c "ALTER TABLE audit ENABLE TRIGGER audit_no_update"
	run 0 office cases --db "$U"
	end
	pg_stop
fi
e2e_finish
