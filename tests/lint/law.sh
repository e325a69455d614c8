#!/bin/sh
# The law-text check of make check: the texts quoted verbatim (LAW, one
# *.txt a law) must equal the checksums committed in SUMS (sha256sum output,
# names without their folder), so a text cannot change by accident in any
# clone; and, where the verified copies (PROTOCOL, ../shared/protocol beside
# the tree) are present, equal those byte for byte. Their absence is said,
# never skipped in silence. Tested by injection in tests/lint/run.sh.
#   sh tests/lint/law.sh screens/law tests/law.sha256 ../shared/protocol
# After a law text changes on purpose (copied again from the protocol):
#   (cd screens/law && sha256sum *.txt) >tests/law.sha256
set -u
law=$1 sums=$2 protocol=$3
status=0
n=0
for f in "$law"/*.txt; do
	[ -e "$f" ] || continue
	name=$(basename "$f")
	n=$((n + 1))
	want=$(awk -v n="$name" '$2 == n { print $1 }' "$sums")
	if [ -z "$want" ]; then
		echo "law: $f is not in $sums (add its checksum: (cd $law && sha256sum *.txt) >$sums)"
		status=1
	elif [ "$(sha256sum <"$f" | cut -d' ' -f1)" != "$want" ]; then
		echo "law: $f differs from its checksum in $sums"
		status=1
	fi
done
for name in $(awk '{ print $2 }' "$sums"); do
	[ -e "$law/$name" ] || { echo "law: $sums lists $name, which is not in $law"; status=1; }
done
[ "$status" = 0 ] || exit 1
if [ ! -d "$protocol" ]; then
	echo "law: $n law texts match $sums; no $protocol here to compare them with"
	exit 0
fi
for f in "$law"/*.txt; do
	cmp -s "$f" "$protocol/$(basename "$f")" || { echo "law: $f differs from $protocol"; status=1; }
done
[ "$status" = 0 ] && echo "law: $n law texts match $sums and $protocol"
exit "$status"
