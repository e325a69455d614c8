#!/bin/sh
# make bench, the office's part: tipscreen beside the floor, the same
# database doing the same work without tipscreen (the sqlite3 and psql
# command-line clients):
#   - importing 10,000 cases from 100 bundles (100 cases each, remade from
#     one real interview by tests/office/mkbundle.c) into SQLite and into a
#     PostgreSQL server started here (tests/office/pg.sh); the floor runs
#     the same inserts (each bundle's sealed text and its 100 case rows, one
#     transaction a bundle) without opening, checking or hashing anything;
#   - `office stats --by month,role,outcome` over those 10,000 cases (it
#     checks every row's MAC first, so it counts only cases the office
#     imported), beside the same GROUP BY (median of RUNS runs).
# Seconds, and the ratio tipscreen / floor. Never a test: nothing fails.
set -u
BIN=${TIPSCREEN:-./tipscreen}
RUNS=${RUNS:-5}
. tests/sandbox.sh
. tests/office/pg.sh
sandbox obench
export LANG=C.UTF-8
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{ printf "%.3f\n", $1 - $2 }'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

echo "bench: office: 100 bundles of 100 cases..."
printf 'correct horse battery staple\n' >"$TMP/pass"
P="--passphrase-file $TMP/pass"
"$BIN" keygen "$TMP/office" $P >/dev/null 2>&1
"$BIN" --plain --data "$TMP/laptop" $P <tests/e2e/plain/adult.in >/dev/null 2>&1
"$BIN" bundle --to "$TMP/office.pub" -o "$TMP/one.bundle" --data "$TMP/laptop" $P >/dev/null 2>&1
${CC:-cc} -O2 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -Isrc -o "$TMP/mkbundle" \
	tests/office/mkbundle.c src/store/bundle.c src/store/keyfile.c src/store/seal.c \
	src/base/codec.c src/base/text.c src/base/xalloc.c $(pkg-config --libs libsodium 2>/dev/null || echo -lsodium) ||
	exit 1
mkdir "$TMP/b"
i=0
while [ $i -lt 100 ]; do
	"$TMP/mkbundle" "$TMP/office.key" "$TMP/pass" "$TMP/one.bundle" bench many 100 $((i * 100)) \
		>"$TMP/b/$(printf %03d $i).bundle" 2>"$TMP/laptops"
	i=$((i + 1))
done

# floor_sql FILE: the floor's inserts of one bundle, for either client;
# the sealed text is read by the client (readfile, \set).
floor_sql() {
	for f in "$TMP"/b/*.bundle; do
		h=$(basename "$f" .bundle)
		echo "BEGIN;"
		if [ "$1" = sqlite ]; then
			echo "INSERT INTO bundles VALUES ('$h', '$f', 'd', 'l', 1, 1, CAST(readfile('$f') AS TEXT));"
		else
			echo "\\set s \`cat $f\`"
			echo "INSERT INTO bundles VALUES ('$h', '$f', 'd', 'l', 1, 1, :'s');"
		fi
		seq 1 100 | awk -v h="$h" '{ printf "INSERT INTO cases VALUES ('\''%s%05d'\'', '\''l'\'', " \
			"'\''d'\'', '\''%s'\'', '\''complete'\'', '\''deck'\'', 1, 2, 62, '\''hash'\'', " \
			"'\''consistent-adult'\'', '\''no'\'', '\''2026-12'\'', " \
			"'\''ngo'\'', '\''office'\'', '\''none'\'', '\''1'\'', 3, NULL);\n" \
			"INSERT INTO case_facts VALUES ('\''l'\'', '\''%s%05d'\'', '\''form'\'', '\''forced-labour'\'');\n", \
			h, $1, h, h, $1 }'
		echo "COMMIT;"
	done
}

row() { printf '%-46s %9s s %9s s %7s\n' "$1" "$2" "$3" "$(echo "$2 $3" | awk '{ printf "%.1f", $1 / $2 }')"; }

# client KIND URL: the database's own client, reading SQL on stdin.
client() {
	if [ "$1" = sqlite ]; then sqlite3 -bail "${2#sqlite:}"; else "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$(pg_admin "$2")"; fi
}

# measure KIND URL FLOOR: the import and the statistics on one backend (two
# stores of the same schema: tipscreen's, the floor's).
measure() {
	kind=$1 url=$2 floor=$3
	# (on PostgreSQL the admin role makes the stores: README, two roles)
	for u in "$url" "$floor"; do
		"$BIN" office init --db "$(pg_admin "$u")" >/dev/null || return 1
	done
	t0=$(now)
	"$BIN" office import "$TMP"/b/*.bundle --key "$TMP/office.key" $P --signer "$TMP/laptops" \
		--db "$url" >"$TMP/import.out" 2>&1
	ti=$(since "$t0")
	tail -1 "$TMP/import.out" | grep -q '^imported 10000,' ||
		echo "bench: the import did not import 10,000 cases: $(tail -1 "$TMP/import.out")"
	floor_sql "$kind" >"$TMP/floor.sql"
	t0=$(now)
	client "$kind" "$floor" <"$TMP/floor.sql" >/dev/null 2>"$TMP/floor.err" ||
		echo "bench: the floor failed: $(head -3 "$TMP/floor.err")"
	tf=$(since "$t0")
	row "import 10,000 cases from 100 bundles, $kind" "$ti" "$tf"
	r=0
	: >"$TMP/ts"; : >"$TMP/fs"
	while [ $r -lt "$RUNS" ]; do
		t0=$(now)
		"$BIN" office stats --by month,role,outcome --key "$TMP/office.key" $P --db "$url" \
			>"$TMP/stats.out" 2>&1
		since "$t0" >>"$TMP/ts"
		t0=$(now)
		echo "SELECT month, role, outcome, COUNT(*) FROM cases GROUP BY month, role, outcome;" |
			client "$kind" "$url" >/dev/null
		since "$t0" >>"$TMP/fs"
		r=$((r + 1))
	done
	grep -q '^total 10000' "$TMP/stats.out" || echo "bench: office stats did not count 10,000 cases"
	row "office stats over 10,000 cases, $kind" "$(median <"$TMP/ts")" "$(median <"$TMP/fs")"
}

printf '\n%-46s %11s %11s %7s\n' "office (tipscreen beside the floor)" tipscreen floor ratio
measure sqlite "sqlite:$TMP/office.db" "sqlite:$TMP/floor.db"
if pg_start; then
	for d in office floor; do echo "CREATE DATABASE $d;"; done | pg_psql
	u() { echo "$PGURL" | sed "s|///postgres|///$1|"; }
	measure postgresql "$(u office)" "$(u floor)"
	pg_stop
else
	echo "bench: no PostgreSQL server could be started: install postgresql (make deps)"
fi
