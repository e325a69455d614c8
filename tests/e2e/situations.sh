#!/bin/sh
# The 22 situations of the domain review's table (a)
# (../shared/research/domain-review.md), each an answers file of
# tests/e2e/situations/ replayed through the bundled deck: the outcome,
# the child at the time and now, the flags, the citations and the caveats
# of `replay --json` must be exactly those its "# expect" lines give, the
# legally right ones under DESIGN §4 version 3, and its advice ids in the
# order of rule 6b. The summary in words never says "victim" outside the
# quoted law texts, nor sends anyone to the police as "a matter" for it.
#   TIPSCREEN=build/asan/tipscreen sh tests/e2e/situations.sh
set -u
. tests/e2e/lib.sh
e2e_setup situations

# expected FILE KEY: the words of the file's "# expect KEY:" line, sorted.
expected() {
	sed -n "s/^# expect $2:[[:space:]]*//p" "$1" | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' '
}
# got KEY: the JSON's top-level value (a word or a list of words), sorted.
got() {
	sed -n "s/^  \"$1\": //p" "$TMP/out" | tr -d '[]",' | tr ' ' '\n' | sed '/^$/d' | sort | tr '\n' ' '
}
# The summary in words without the law texts it quotes (each quote follows
# a line naming the text "[tip-3b, en], text ...", up to a blank line).
unquoted() {
	awk '/\[(tip|som)-[0-9a-z]+, [a-z]+\], text/ { skip = 1; next } /^$/ { skip = 0 } !skip' "$TMP/out"
}

n=0
for f in "$E2E"/situations/*.answers; do
	n=$((n + 1))
	begin "situation $(basename "$f" .answers)"
	[ -n "$(expected "$f" outcome)" ] || bad "no '# expect outcome:' line"
	run 0 replay "$f" --json
	for key in outcome child child_now flags cites caveats; do
		want=$(expected "$f" "$key") have=$(got "$key")
		[ "$want" = "$have" ] || bad "$key: expected '$want', got '$have'"
	done
	# The advice in its order (rule 6b), not sorted.
	want=$(sed -n 's/^# expect advice:[[:space:]]*//p' "$f")
	have=$(sed -n 's/^  "advice": \[\(.*\)\],*$/\1/p' "$TMP/out" | tr -d '",')
	[ -n "$want" ] || bad "no '# expect advice:' line"
	[ "$want" = "$have" ] || bad "advice: expected '$want', got '$have'"
	run 0 --width 1000 replay "$f"
	if unquoted | grep -qi 'victim'; then
		bad "the summary says 'victim': $(unquoted | grep -i victim | head -n 1)"
	fi
	if unquoted | grep -qi 'matter for the police'; then
		bad "the summary says 'a matter for the police': $(unquoted | grep -i 'matter for the police' | head -n 1)"
	fi
	end
done
# The English texts of the deck (its questions, labels and help) and of the
# program (the summary's sentences, flags and caveats), as the translation
# template holds them: none says "victim" (DESIGN §5; the law texts, quoted
# as they are, are not in the template).
msgids() { awk '/^msgid / { m = 1 } /^msgstr/ { m = 0 } m' "$1"; }
begin "no question, label or summary sentence says victim"
$WRAP "$BIN" pot screens >"$TMP/deck.pot" 2>"$TMP/err" || bad "pot: $(head -c 300 "$TMP/err")"
[ "$(grep -c '^msgid' "$TMP/deck.pot")" -gt 100 ] || bad "the deck's template is nearly empty"
if command -v xgettext >/dev/null 2>&1; then
	xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
		--keyword=NC_:1c,2 -o "$TMP/src.pot" src/*/*.c src/*/*.h src/*.c 2>"$TMP/err" ||
		bad "xgettext: $(head -c 300 "$TMP/err")"
	[ "$(grep -c '^msgid' "$TMP/src.pot")" -gt 100 ] || bad "the program's template is nearly empty"
else
	bad "xgettext (gettext) is missing"
fi
for pot in "$TMP/deck.pot" "$TMP/src.pot"; do
	[ -f "$pot" ] && msgids "$pot" | grep -i 'victim' >"$TMP/victim" &&
		bad "$(basename "$pot") says victim: $(head -n 3 "$TMP/victim")"
done
end

begin "situation 10: the sex worker who declined is offered services, not the police"
run 0 --width 1000 replay "$E2E/situations/10-sex-worker-free-to-leave.answers"
has out "Offer health, rights and specialist services; the police only with the person's consent or where the law requires it."
end

begin "situation 22: the girl with her own parents, asked about the link first"
run 0 --width 1000 replay "$E2E/situations/22-girl-with-own-parents.answers"
has out "Ask first about the link"
end

begin "situations 16 and 20: the stop says where it stopped"
run 0 --width 1000 replay "$E2E/situations/16-supervisor-interprets-stop.answers"
has out "The interview stopped early, at "
run 0 --width 1000 replay "$E2E/situations/20-safety-dont-know-stops.answers"
has out "The interview stopped early, at safety.private (in Safety)"
end

begin "all 22 situations are there"
[ "$n" = 22 ] || bad "$n situation files, expected 22"
end
e2e_finish
