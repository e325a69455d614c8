#!/bin/sh
# Prints line and branch coverage per source file, from the .gcda files a
# gcc --coverage build left in OBJDIR (after its tests ran), with a total
# per directory. Branches are "taken at least once", as gcov -b counts them.
#   sh tests/coverage.sh OBJDIR DIR-OR-FILE...
set -eu
obj=$1
shift
files=""
for a in "$@"; do
	if [ -d "$a" ]; then files="$files $(ls "$a"/*.c)"; else files="$files $a"; fi
done
printf '%-26s %7s %7s %9s %7s\n' module lines '%' branches '%'
for f in $files; do
	dir=$obj/$(dirname "$f")
	# A module no test ran has no .gcda: gcov counts it as 0%.
	gcov -b -n -o "$dir" "$f" 2>/dev/null | awk -v f="$f" '
		/^File / { cur = substr($2, 2, length($2) - 2) }
		cur == f && /^Lines executed:/ { split($2, a, ":"); lp = a[2] + 0; ln = $4 }
		cur == f && /^Taken at least once:/ { split($4, a, ":"); bp = a[2] + 0; bn = $6 }
		cur == f && /^No branches/ { bp = 100; bn = 0 }
		END { printf "%-26s %7d %6.1f%% %9d %6.1f%%\n", f, ln, lp, bn, bp
		      printf "TOTAL %s %d %d %d %d\n", f, ln, ln * lp / 100 + 0.5, bn, bn * bp / 100 + 0.5 > "/dev/stderr" }'
done 2>"$obj/coverage.totals"
echo
awk '{ split($2, p, "/"); d = p[1] "/" p[2]; if ($2 == "src/main.c") d = "src/main.c"
       l[d] += $3; lc[d] += $4; b[d] += $5; bc[d] += $6; if (!(d in seen)) { seen[d] = 1; order[++n] = d } }
     END { for (i = 1; i <= n; i++) { d = order[i]
	     printf "%-26s %7d %6.1f%% %9d %6.1f%%\n", d " (all)", l[d], l[d] ? 100 * lc[d] / l[d] : 0,
		    b[d], b[d] ? 100 * bc[d] / b[d] : 100 } }' "$obj/coverage.totals"
