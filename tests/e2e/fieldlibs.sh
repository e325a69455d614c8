#!/bin/sh
# The field tool never maps libpq (issue 25): the binary does not link it,
# and neither an interview waiting at a question nor the training, the
# store's commands or bundle load it at run time (LD_DEBUG=files names every
# object the loader maps, dlopen included). The office loads it for a
# postgresql:// URL only, which the last test shows the check can see.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/fieldlibs.sh
set -u
. tests/e2e/lib.sh
e2e_setup fieldlibs
printf 'correct horse battery staple\n' >"$TMP/pass"
P="--passphrase-file $TMP/pass"

# loads CODE ARGS...: runs the binary with the loader's trace in $TMP/libs.
loads() {
	want=$1; shift
	LD_DEBUG=files LD_DEBUG_OUTPUT="$TMP/ld" $WRAP "$BIN" "$@" <"${IN:-/dev/null}" \
		>"$TMP/out" 2>"$TMP/err"
	got=$?
	cat "$TMP"/ld.* >"$TMP/libs" 2>/dev/null
	rm -f "$TMP"/ld.*
	[ "$got" = "$want" ] || bad "exit $got, expected $want ($*); stderr: $(head -c 400 "$TMP/err")"
	grep -q 'file=' "$TMP/libs" || bad "no loader trace for $*"
}

begin "the binary does not link libpq"
ldd "$BIN" >"$TMP/ldd" 2>&1 || bad "ldd failed: $(head -c 200 "$TMP/ldd")"
hasnt ldd "libpq"
grep -q 'libsqlite3' "$TMP/ldd" || bad "ldd lists no libsqlite3: the check sees nothing"
end

begin "an interview waiting at a question, after unlock, maps no libpq"
mkfifo "$TMP/in"
$WRAP "$BIN" --plain --data "$TMP/d" $P <"$TMP/in" >"$TMP/iv.out" 2>"$TMP/iv.err" &
pid=$!
exec 3>"$TMP/in"
printf '2\n' >&3	# past the start screen, to the first question
i=0
while [ $i -lt 200 ] && ! grep -q '?' "$TMP/iv.out" 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
grep -q '?' "$TMP/iv.out" || bad "no question shown: $(head -c 300 "$TMP/iv.err")"
cp "/proc/$pid/maps" "$TMP/maps" 2>/dev/null || bad "cannot read /proc/$pid/maps"
exec 3>&-
wait $pid
grep -q 'libsodium' "$TMP/maps" || bad "maps lists no libsodium: the check sees nothing"
grep -q 'libpq' "$TMP/maps" && bad "the interview maps libpq"
end

begin "a line-mode interview, cases, export, bundle, delete and train load no libpq"
IN=$E2E/plain/adult.in loads 0 --plain --data "$TMP/d2" $P
hasnt libs "libpq"
loads 0 cases --data "$TMP/d2" $P
hasnt libs "libpq"
id=$(awk 'NR == 2 { print $1 }' "$TMP/out")
loads 0 export "$id" --data "$TMP/d2" $P
hasnt libs "libpq"
loads 0 keygen "$TMP/office" $P
hasnt libs "libpq"
loads 0 bundle --to "$TMP/office.pub" -o "$TMP/b.bundle" --data "$TMP/d2" $P
hasnt libs "libpq"
IN=$E2E/train/farm-solo.in loads 0 train farm-no-choice --solo --plain
hasnt libs "libpq"
loads 0 delete "$id" --data "$TMP/d2" $P
hasnt libs "libpq"
end

begin "the office loads libpq for a postgresql:// URL (the check can see it)"
loads 1 office cases --db "postgresql:///none?host=$TMP/nosocket"
grep -q "libpq" "$TMP/libs" || bad "libpq not loaded: $(head -c 300 "$TMP/err")"
loads 0 office init --db "$TMP/office.db"
hasnt libs "libpq"
end

e2e_finish
