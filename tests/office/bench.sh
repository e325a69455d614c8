#!/bin/sh
# make bench, the office's part: tipscreen beside its floor, the same
# database doing the same work without tipscreen (the sqlite3 and psql
# command-line clients), pair by pair (tipscreen then floor, each on a
# fresh store), each ratio as min/median/max over the pairs with its
# target and ok/MISSED:
#   - importing 10,000 cases from 100 bundles (100 cases each, remade from
#     one real interview by tests/office/mkbundle.c) into SQLite and into a
#     PostgreSQL server started here (tests/office/pg.sh, fsync off); the
#     floor runs the same inserts (each bundle's sealed text, its 100 case
#     rows with values as long as tipscreen's, MAC included, and their
#     facts, one transaction a bundle) without opening, checking or hashing
#     anything (research/perf-scripts/officefloor.py, "perbundle");
#     targets: <= 2.5x on SQLite, <= 2x on PostgreSQL;
#   - two importers at once into one PostgreSQL store (60 of the bundles
#     split in two) beside one importer of all of them: throughput >= 1.6x,
#     and every bundle stored (6,000 cases, 60 bundles, 60 import entries
#     each round);
#   - `office stats --by month,role,outcome,form,place` over 100,000 cases
#     with an office's spreads (tests/office/officefill.c: 120 months, 6
#     roles, 6 outcomes, 8 places, 6 lists of forms: about 51,000 groups),
#     each run on a fresh copy of the store (no earlier export to compare
#     with), beside the raw GROUP BY of the same cells: <= 3x.
# Never a test: nothing fails. RUNS pairs (3) for imports, 5 for stats.
# OFFICE_BENCH=sqlite runs only the SQLite lines (while iterating); the
# default runs everything.
set -u
BIN=${TIPSCREEN:-./tipscreen}
FILL=${OFFICEFILL:-build/rel/officefill}
RUNS=${RUNS:-3}
. tests/sandbox.sh
. tests/office/pg.sh
sandbox obench
export LANG=C.UTF-8
export PGOPTIONS="-c client_min_messages=warning"
now() { date +%s.%N; }
since() { echo "$(now) $1" | awk '{ printf "%.3f\n", $1 - $2 }'; }

echo "bench: office: 100 bundles of 100 cases..."
printf 'correct horse battery staple\n' >"$TMP/pass"
P="--passphrase-file $TMP/pass"
K="--key $TMP/office.key $P"
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
S="--signer $TMP/laptops"

# floor_sql KIND: the floor's inserts, one transaction a bundle; the sealed
# text is read by the client (readfile, \set); values as long as
# tipscreen's (a laptop's key, hashes, a MAC).
floor_sql() {
	for f in "$TMP"/b/*.bundle; do
		h=$(basename "$f" .bundle)
		echo "BEGIN;"
		if [ "$1" = sqlite ]; then
			echo "INSERT INTO bundles VALUES ('$h', '$f', 'vm', 'bd32-4d03-3482-a443-e636', 1796607648, 1796607679, CAST(readfile('$f') AS TEXT));"
		else
			echo "\\set s \`cat $f\`"
			echo "INSERT INTO bundles VALUES ('$h', '$f', 'vm', 'bd32-4d03-3482-a443-e636', 1796607648, 1796607679, :'s');"
		fi
		seq 1 100 | awk -v h="$h" 'BEGIN { k = "Xk3pQ0v9cT2mB7nR4sL8wY1zA6dF5gH0jK2lM9nP3qE="
			x = "e530cdb216d375c946431ecd03becb9693cb7e916ba1475421b28e15f4d55a7e" }
			{ printf "INSERT INTO cases VALUES ('\''b%s%012d'\'', '\''%s'\'', '\''vm'\'', " \
			"'\''%s'\'', '\''complete'\'', '\''%s'\'', 1796607648, 1796607648, 92, '\''%s'\'', " \
			"'\''consistent-adult'\'', '\''no'\'', '\''2026-12'\'', '\''ngo'\'', '\''office'\'', " \
			"'\''professional'\'', '\''8f43edbc3f67'\'', 1796607679, '\''%s'\'');\n" \
			"INSERT INTO case_facts VALUES ('\''%s'\'', '\''b%s%012d'\'', '\''form'\'', '\''forced-labour'\'');\n", \
			h, $1, k, h, x, x, x, k, h, $1 }'
		echo "COMMIT;"
	done
}

# client KIND URL: the database's own client, reading SQL on stdin.
client() {
	if [ "$1" = sqlite ]; then sqlite3 -bail "${2#sqlite:}"; else "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$(pg_admin "$2")"; fi
}

# fresh KIND NAME: a new, initialised store; prints its URL.
fresh() {
	if [ "$1" = sqlite ]; then
		rm -f "$TMP/$2.db" "$TMP/$2.db-wal" "$TMP/$2.db-shm"
		u="sqlite:$TMP/$2.db"
	else
		pg_psql -c "DROP DATABASE IF EXISTS $2" -c "CREATE DATABASE $2" >/dev/null
		u=$(echo "$PGURL" | sed "s|///postgres|///$2|")
	fi
	"$BIN" office init --db "$(pg_admin "$u")" >/dev/null || return 1
	echo "$u"
}

# spread FILE: min/median/max of the ratios (one a line), "a/b/c".
spread() {
	sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.2f/%.2f/%.2f", v[1], v[int((NR + 1) / 2)], v[NR] }'
}
median_of() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%.3f", v[int((NR + 1) / 2)] }'; }
# verdict SPREAD LIMIT [ge]: ok when the median is <= LIMIT (>= with ge).
verdict() {
	echo "$1 $2 ${3:-le}" | awk '{ split($1, s, "/"); m = s[2] + 0
		ok = $3 == "ge" ? m >= $2 : m <= $2; print ok ? "ok" : "MISSED" }'
}
row() { printf '%-44s %8s s %8s s %16s  %-10s %s (%ss)\n' "$1" "$2" "$3" "$4" "$5" "$6" \
	"$(since "$section" | cut -d. -f1)"; section=$(now); }

# import KIND FLOOR_LIMIT: RUNS pairs, each on fresh stores.
import_pairs() {
	kind=$1
	floor_sql "$kind" >"$TMP/floor.sql"
	: >"$TMP/ti"; : >"$TMP/tf"; : >"$TMP/r"
	r=0
	while [ $r -lt "$RUNS" ]; do
		u=$(fresh "$kind" imp) || return 1
		t0=$(now)
		"$BIN" office import "$TMP"/b/*.bundle $K $S --db "$u" >"$TMP/import.out" 2>&1
		ti=$(since "$t0")
		tail -1 "$TMP/import.out" | grep -q '^imported 10000,' ||
			echo "bench: the import did not import 10,000 cases: $(tail -1 "$TMP/import.out")"
		f=$(fresh "$kind" flo) || return 1
		t0=$(now)
		client "$kind" "$f" <"$TMP/floor.sql" >/dev/null 2>"$TMP/floor.err" ||
			echo "bench: the floor failed: $(head -3 "$TMP/floor.err")"
		tf=$(since "$t0")
		echo "$ti" >>"$TMP/ti"; echo "$tf" >>"$TMP/tf"
		echo "$ti $tf" | awk '{ printf "%.4f\n", $1 / $2 }' >>"$TMP/r"
		r=$((r + 1))
	done
	s=$(spread "$TMP/r")
	row "import 10,000 cases / 100 bundles, $kind" "$(median_of "$TMP/ti")" "$(median_of "$TMP/tf")" \
		"$s" "<= $2x" "$(verdict "$s" "$2")"
}

# concurrent: one importer of 60 bundles, then two of 30 each, on fresh
# PostgreSQL stores; throughput ratio = one's wall / two's wall.
concurrent() {
	: >"$TMP/t1"; : >"$TMP/t2"; : >"$TMP/r"
	lost=0 r=0 rollbacks=0
	ls "$TMP"/b/*.bundle | head -60 >"$TMP/all"
	awk 'NR % 2' "$TMP/all" >"$TMP/half1"
	awk 'NR % 2 == 0' "$TMP/all" >"$TMP/half2"
	while [ $r -lt "$RUNS" ]; do
		u=$(fresh postgresql one) || return 1
		t0=$(now)
		"$BIN" office import $(cat "$TMP/all") $K $S --db "$u" >"$TMP/one.out" 2>&1
		t1=$(since "$t0")
		u=$(fresh postgresql two) || return 1
		t0=$(now)
		"$BIN" office import $(cat "$TMP/half1") $K $S --db "$u" >"$TMP/two1.out" 2>&1 &
		p1=$!
		"$BIN" office import $(cat "$TMP/half2") $K $S --db "$u" >"$TMP/two2.out" 2>&1 &
		p2=$!
		wait $p1; e1=$?
		wait $p2; e2=$?
		t2=$(since "$t0")
		got=$(echo "SELECT (SELECT COUNT(*) FROM cases), (SELECT COUNT(*) FROM bundles), (SELECT COUNT(*) FROM audit WHERE action = 'import');" |
			"$PGBIN/psql" -X -q -At -F ' ' "$(pg_admin "$u")")
		if [ "$e1 $e2 $got" != "0 0 6000 60 60" ]; then
			lost=$((lost + 1))
			echo "bench: round $r of two importers: exit $e1 $e2, cases bundles imports $got"
		fi
		sleep 1	# the statistics of the importers' backends, flushed as they exit
		rb=$(echo "SELECT xact_rollback FROM pg_stat_database WHERE datname = 'two';" |
			"$PGBIN/psql" -X -q -At "$(pg_admin "$u")")
		rollbacks=$((rollbacks + ${rb:-0}))
		echo "$t1" >>"$TMP/t1"; echo "$t2" >>"$TMP/t2"
		echo "$t1 $t2" | awk '{ printf "%.4f\n", $1 / $2 }' >>"$TMP/r"
		r=$((r + 1))
	done
	s=$(spread "$TMP/r")
	row "2 PostgreSQL importers vs 1 (throughput)" "$(median_of "$TMP/t2")" "$(median_of "$TMP/t1")" \
		"$s" ">= 1.6x" "$(verdict "$s" 1.6 ge); bundles lost in $lost of $RUNS rounds; $rollbacks rolled back"
}

# stats KIND: office stats over the filled store (a fresh copy each run)
# beside the raw GROUP BY of the same cells.
stats_pairs() {
	kind=$1 runs=$((RUNS + 2))
	by=month,role,outcome,form,place
	q="SELECT c.month, c.role, c.outcome, j.value, c.place, COUNT(*) FROM cases c LEFT JOIN case_facts j ON j.laptop = c.laptop AND j.case_id = c.id AND j.fact = 'form' GROUP BY 1, 2, 3, 4, 5;"
	u=$(fresh "$kind" filled) || return 1
	"$FILL" "$TMP/office.key" "$TMP/pass" "$u" 100000 || { echo "bench: $FILL failed"; return 1; }
	if [ "$kind" = sqlite ]; then
		groups=$(sqlite3 "$TMP/filled.db" "SELECT COUNT(*) FROM (${q%;})")
	else
		groups=$("$PGBIN/psql" -X -q -At "$(pg_admin "$u")" -c "SELECT COUNT(*) FROM (${q%;}) AS g")
	fi
	: >"$TMP/ts"; : >"$TMP/fs"; : >"$TMP/r"
	r=0
	while [ $r -lt $runs ]; do
		if [ "$kind" = sqlite ]; then
			cp "$TMP/filled.db" "$TMP/copy.db"
			c="sqlite:$TMP/copy.db"
		else
			pg_psql -c "DROP DATABASE IF EXISTS copy" -c "CREATE DATABASE copy TEMPLATE filled" >/dev/null
			c=$(echo "$PGURL" | sed "s|///postgres|///copy|")
		fi
		t0=$(now)
		"$BIN" office stats --by $by $K --db "$c" >"$TMP/stats.out" 2>&1
		ts=$(since "$t0")
		t0=$(now)
		echo "$q" | client "$kind" "$c" >/dev/null
		tf=$(since "$t0")
		echo "$ts" >>"$TMP/ts"; echo "$tf" >>"$TMP/fs"
		echo "$ts $tf" | awk '{ printf "%.4f\n", $1 / $2 }' >>"$TMP/r"
		r=$((r + 1))
	done
	grep -q '^total ' "$TMP/stats.out" || echo "bench: office stats failed: $(tail -2 "$TMP/stats.out")"
	s=$(spread "$TMP/r")
	row "stats, $groups groups (100,000 cases), $kind" "$(median_of "$TMP/ts")" "$(median_of "$TMP/fs")" \
		"$s" "<= 3x" "$(verdict "$s" 3)"
}

printf '\n%-44s %10s %10s %16s  %-10s %s\n' "office (tipscreen beside the floor)" tipscreen floor \
	"ratio min/med/max" target "verdict (seconds the line took)"
section=$(now)
import_pairs sqlite 2.5
stats_pairs sqlite
if [ "${OFFICE_BENCH:-}" = sqlite ]; then
	:
elif pg_start; then
	import_pairs postgresql 2
	concurrent
	stats_pairs postgresql
	pg_stop
else
	echo "bench: no PostgreSQL server could be started: install postgresql (make deps)"
fi
