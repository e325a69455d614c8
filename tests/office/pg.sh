# A throwaway PostgreSQL server for the office tests and benchmarks; source
# it, then:
#   pg_start        initdb and pg_ctl in a new temporary directory, listening
#                   only on a Unix socket there; sets PGURL (a libpq URI, as
#                   the role tipscreen, which the office's commands use) and
#                   PGDIR; as root the server runs as the user nobody
#                   (PostgreSQL refuses to run as root). The two roles of the
#                   README: tipadmin (the superuser here) owns the stores,
#                   tipscreen (LOGIN, no other right) uses them.
#   pg_admin URL    the same URL as the role tipadmin (for office init)
#   pg_psql SQL     runs SQL as tipadmin with the server's psql (the floor of
#                   the bench)
#   pg_stop         stops the server by its pid and removes its directory
# The caller makes its sandbox first (tests/sandbox.sh): pg_start has its
# exit stop the server before the sandbox is removed.
pg_bin() {
	for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		[ -x "$d/initdb" ] && { echo "$d"; return 0; }
	done
	command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
	return 1
}

# as_pg CMD…: runs CMD as the server's user.
as_pg() {
	if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

pg_start() {
	PGBIN=$(pg_bin) || { echo "pg.sh: no initdb: install postgresql (make deps)" >&2; return 1; }
	base=${TMPDIR:-/tmp}
	# The directory goes to /tmp instead where its socket's path would be
	# too long for a Unix socket (107 bytes with .s.PGSQL.5432), and as root,
	# where the server runs as nobody, under a TMPDIR nobody cannot enter (a
	# 0700 directory of root's, as mktemp -d makes).
	if [ "${#base}" -gt 70 ] ||
		{ [ "$(id -u)" = 0 ] && ! runuser -u nobody -- test -x "$base"; }; then
		base=/tmp
	fi
	PGDIR=$(mktemp -d "$base/tipscreen-pg-XXXXXX") || return 1
	[ "$(id -u)" = 0 ] && chown nobody "$PGDIR"
	sandbox_on_exit pg_stop
	as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U tipadmin --auth=trust -E UTF8 --no-sync \
		>"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log" >&2; return 1; }
	as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
		-o "-k $PGDIR -c listen_addresses= -c fsync=off -c max_connections=40" start \
		>/dev/null 2>&1 || { cat "$PGDIR/server.log" >&2; return 1; }
	PGPID=$(head -1 "$PGDIR/data/postmaster.pid")
	PGURL="postgresql:///postgres?host=$PGDIR&user=tipscreen"
	export PGURL PGDIR PGPID
	pg_psql -c "CREATE ROLE tipscreen LOGIN"
}

pg_admin() {
	echo "$1" | sed 's/user=tipscreen/user=tipadmin/'
}

pg_psql() {
	"$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 "$(pg_admin "$PGURL")" "$@"
}

pg_stop() {
	[ -n "${PGPID:-}" ] || return 0
	kill -INT "$PGPID" 2>/dev/null
	i=0
	while kill -0 "$PGPID" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	PGPID=""
	rm -rf "$PGDIR"
}
