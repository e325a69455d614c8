# tipscreen — a plain Makefile with explicit object lists.
#
#   make           build ./tipscreen
#   make run       build and start an interview on the bundled English deck
#   make test      every test (unit and end-to-end) under ASan + UBSan, and
#                  a short smoke of each fuzz harness
#   make fuzz      each libFuzzer harness for FUZZ_SECONDS (tests/fuzz/fuzz.mk)
#   make coverage  line and branch coverage per module
#   make valgrind  the same tests under valgrind, without sanitizers
#   make check     lint: the deck, and no curses in the engine
#   make bench     one table: the engine's timings, the wizard beside dialog
#   make deps      install the Debian packages the build and tests need
#   make install   the program, deck, translations, law texts and man page
#                  under PREFIX (and DESTDIR); make uninstall removes them
#   make man       check the man page (src/tipscreen.1)
#   make pot       extract every translatable string into locales/tipscreen.pot
#   make po        merge the template into every locales/*.po

VERSION  := 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share/tipscreen
MANDIR   ?= $(PREFIX)/share/man
DECKDIR  ?= $(CURDIR)/screens
LOCALEDIR ?= $(CURDIR)/locales

CC       ?= cc
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2
DEFS     := -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -DTIPSCREEN_VERSION='"$(VERSION)"'
CFLAGS   ?= -O2 -g
SAN      := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
CMOCKA   := $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)
# `make V=1` shows every command.
Q        := $(if $(V),,@)

# The layers of DESIGN §1, lowest first: each may include only those before
# it (make check). The engine is every layer below the front ends; a layer's
# objects are its folder's files, so a new module is a new file, not a list edit.
ENGINE   := base domain store app train
CORE_SRC := $(foreach l,$(ENGINE),$(sort $(wildcard src/$(l)/*.c)))
FRONT_SRC := $(sort $(wildcard src/plain/*.c src/tui/*.c))
CURSES   := $(shell pkg-config --libs ncursesw 2>/dev/null || echo -lncursesw -ltinfo)
FRIBIDI  := $(shell pkg-config --libs fribidi 2>/dev/null || echo -lfribidi)
FRIBIDI_CFLAGS := $(shell pkg-config --cflags fribidi 2>/dev/null || echo -I/usr/include/fribidi)
# libpq is not linked: the office loads it for a postgresql:// URL only
# (src/office/pq_load.c), so the field tool never maps it. libgfshare
# (Debian's libgfshare-dev): the office key split among custodians.
STORELIBS := $(shell pkg-config --libs sqlite3 libsodium libgfshare 2>/dev/null || \
             echo -lsqlite3 -lsodium -lgfshare)
# The program's relative relocations packed (DT_RELR, binutils 2.38 and glibc
# 2.36, Debian 12): a start reads and writes fewer of its pages.
LINK     := -Wl,-z,pack-relative-relocs
CMD_SRC  := $(sort $(wildcard src/cmd/*.c src/office/*.c))
APP_SRC  := src/main.c $(CMD_SRC) $(FRONT_SRC)
LAW      := $(sort $(wildcard screens/law/*.txt))
# Each PO file compiled beside it (xx.mo, msgfmt's format with its hash
# table): an interview maps it instead of parsing the PO file; `check` and
# a PO file newer than its .mo still read the PO file.
MO       := $(patsubst %.po,%.mo,$(wildcard locales/*.po))

# Tests of the wizard: its logic without curses, then golden screens with it.
TUI_LOGIC := $(filter-out src/tui/tui.c src/tui/debrief.c,$(sort $(wildcard src/tui/*.c))) $(sort $(wildcard src/plain/*.c))
UNIT_TUI := edit wizard wizard_review bidi door
# Every other tests/unit/test_NAME.c links the engine alone (test_screens adds
# curses, test_office_db the office store: tests/office/office.mk).
UNIT     := $(filter-out $(UNIT_TUI) screens,$(patsubst tests/unit/test_%.c,%,$(sort $(wildcard tests/unit/test_*.c))))
UNIT_ALL := $(UNIT) $(UNIT_TUI) screens
UNIT_BIN := $(UNIT_ALL:%=build/asan/tests/test_%)

# Objects of each build flavour: rel (./tipscreen), asan (tests), vg (valgrind).
objs = $(patsubst %.c,build/$(1)/%.o,$(2)) build/$(1)/law_data.o

.PHONY: all run test test-run check valgrind bench asan deps install uninstall man clean clean-objs \
	pot po po-check FORCE
all: tipscreen

locales/%.mo: locales/%.po
	$(Q)msgfmt -o $@.tmp $< && mv $@.tmp $@

tipscreen: $(call objs,rel,$(CORE_SRC) $(APP_SRC)) | $(MO)
	@$(if $(Q),echo "  LD $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LINK) $(LDFLAGS) $(CURSES) $(FRIBIDI) $(STORELIBS)

build/law_data.c: $(LAW) src/domain/law_embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh src/domain/law_embed.sh $(LAW) > $@.tmp && mv $@.tmp $@

FLAGS_rel  = $(WARN) $(DEFS) $(CFLAGS)
FLAGS_asan = $(WARN) $(DEFS) -O1 -g $(SAN)
FLAGS_vg   = $(WARN) $(DEFS) -O0 -g

define flavour
build/$(1)/%.o: %.c
	@mkdir -p $$(dir $$@)
	@$$(if $$(Q),echo "  CC [$(1)] $$<")
	$$(Q)$$(CC) $$(FLAGS_$(1)) -DTIPSCREEN_DECKDIR='"$$(DECKDIR)"' -DTIPSCREEN_LOCALEDIR='"$$(LOCALEDIR)"' $$(FRIBIDI_CFLAGS) -MMD -MP -Isrc -c $$< -o $$@
build/$(1)/law_data.o: build/law_data.c
	$$(Q)$$(CC) $$(FLAGS_$(1)) -Isrc -c $$< -o $$@
build/$(1)/tipscreen: $$(call objs,$(1),$$(CORE_SRC) $$(APP_SRC)) | $$(MO)
	@$$(if $$(Q),echo "  LD [$(1)] $$@")
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CURSES) $$(FRIBIDI) $$(STORELIBS)
build/$(1)/tests/test_%: build/$(1)/tests/unit/test_%.o $$(call objs,$(1),$$(CORE_SRC))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
$$(UNIT_TUI:%=build/$(1)/tests/test_%): build/$(1)/tests/test_%: build/$(1)/tests/unit/test_%.o \
		$$(call objs,$(1),$$(CORE_SRC) $$(TUI_LOGIC))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(FRIBIDI) $$(STORELIBS)
build/$(1)/tests/test_screens: build/$(1)/tests/unit/test_screens.o \
		$$(call objs,$(1),$$(CORE_SRC) $$(TUI_LOGIC) src/tui/tui.c)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(CURSES) $$(FRIBIDI) $$(STORELIBS)
endef
$(eval $(call flavour,rel))
$(eval $(call flavour,asan))
$(eval $(call flavour,vg))
include tests/office/office.mk

# Installs missing Debian packages first (as root), or says how.
deps:
	@sh .ci/deps

run: deps
	@$(MAKE) --no-print-directory tipscreen
	./tipscreen

asan: build/asan/tipscreen $(UNIT_BIN)

# Unit tests, then end-to-end tests of the real binary; all under ASan+UBSan.
test: deps
	@$(MAKE) --no-print-directory test-run

test-run: check asan fuzz-build
	@ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	TIPSCREEN=build/asan/tipscreen TEST_WRAP= FUZZ_DIR=build/fuzz sh tests/run.sh $(UNIT_BIN)

check: build/asan/tipscreen po-check
	@sh tests/lint/layers.sh src
	@sh tests/lint/source.sh src
	build/asan/tipscreen check screens
	build/asan/tipscreen scenarios
	@sh tests/lint/law.sh screens/law tests/law.sha256 ../shared/protocol

VALGRIND := valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
            --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=99 \
            --suppressions=tests/valgrind.supp
valgrind: build/vg/tipscreen $(UNIT_ALL:%=build/vg/tests/test_%)
	@TIPSCREEN=build/vg/tipscreen TIPSCREEN_WRAP="$(VALGRIND)" TEST_WRAP="$(VALGRIND)" \
	sh tests/run.sh $(UNIT_ALL:%=build/vg/tests/test_%)

# One table: the engine's figures (build/rel/bench), then the wizard beside
# dialog and the floor programs on a pseudo-terminal (tests/bench/run.sh).
BENCH_BIN := build/rel/bench build/rel/ttybench build/rel/bench-floor build/rel/bench-bare \
	build/rel/storebench build/rel/officefill
bench: $(BENCH_BIN) tipscreen
	@TIPSCREEN=./tipscreen BENCH_DIR=build/rel sh tests/bench/run.sh
	@TIPSCREEN=./tipscreen sh tests/office/bench.sh
	@TIPSCREEN=./tipscreen sh tests/bench/field.sh

build/rel/bench-floor: tests/bench/floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(WARN) $(DEFS) $(CFLAGS) $(FRIBIDI_CFLAGS) -o $@ $< -Wl,--no-as-needed $(CURSES) $(FRIBIDI) $(STORELIBS)

build/rel/bench-bare: tests/bench/floor.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(WARN) $(DEFS) $(CFLAGS) -DBARE -o $@ $< $(CURSES)

build/rel/ttybench: tests/bench/ttybench.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(WARN) $(DEFS) $(CFLAGS) -o $@ $< -lutil

build/rel/storebench: build/rel/tests/bench/storebench.o $(call objs,rel,$(CORE_SRC))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(STORELIBS)

build/rel/officefill: build/rel/tests/office/officefill.o $(call objs,rel,$(CORE_SRC) $(OFFICE_DB))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(STORELIBS) -ldl

build/rel/bench: build/rel/tests/bench/bench.o $(call objs,rel,$(CORE_SRC))
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $^ $(STORELIBS)

# The template: the deck's texts (context: the screen or item id) from
# `tipscreen pot`, the program's strings from xgettext. Dated nowhere, so
# that an unchanged template stays byte-for-byte unchanged.
XGETTEXT := xgettext --language=C --from-code=UTF-8 --no-location --add-comments=TRANSLATORS: \
            --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --sort-output \
            --package-name=tipscreen --package-version=$(VERSION) --msgid-bugs-address=tipscreen
pot: build/pot/tipscreen.pot
	cp build/pot/tipscreen.pot locales/tipscreen.pot
	@echo "locales/tipscreen.pot: $$(grep -c '^msgid ' locales/tipscreen.pot) entries"

build/pot/tipscreen.pot: tipscreen $(wildcard src/*/*.c src/*/*.h src/*.c screens/*.screen screens/scenarios/*.scenario)
	@mkdir -p build/pot
	./tipscreen pot screens > build/pot/deck.pot
	$(XGETTEXT) -o build/pot/src.pot $(sort $(wildcard src/*/*.c src/*/*.h src/*.c))
	sed -i -e 's/charset=CHARSET/charset=UTF-8/' -e '/^"POT-Creation-Date:/d' build/pot/src.pot
	msgcat --use-first -o $@ build/pot/src.pot build/pot/deck.pot

po: pot
	@for f in locales/*.po; do \
	  msgmerge --quiet --update --backup=none --no-fuzzy-matching $$f locales/tipscreen.pot && \
	  msgattrib --no-obsolete -o $$f $$f && \
	  echo "$$f: $$(msgfmt --statistics -o /dev/null $$f 2>&1)"; done

# Every PO file passes msgfmt --check (format strings, headers), and the
# template is current: a string added without `make pot` fails here.
po-check: build/pot/tipscreen.pot
	@for f in locales/*.po $(wildcard tests/locales/*.po); do \
	  msgfmt --check --check-accelerators=_ -o /dev/null $$f || exit 1; done; \
	echo "po-check: msgfmt --check passes on every PO file"
	@cmp -s build/pot/tipscreen.pot locales/tipscreen.pot || \
	  { echo "po-check: locales/tipscreen.pot is out of date: run 'make po' and translate"; exit 1; }

# The installed program is ./tipscreen's objects with another main.o, the
# one that knows the installed paths (build/inst/): ./tipscreen is neither
# rebuilt nor changed, and keeps finding the tree's screens/ and locales/.
INST_ENV := DESTDIR='$(DESTDIR)' BINDIR='$(BINDIR)' DATADIR='$(DATADIR)' MANDIR='$(MANDIR)'
INST_OBJS := build/inst/src/main.o $(filter-out build/rel/src/main.o,$(call objs,rel,$(CORE_SRC) $(APP_SRC)))

install: build/inst/tipscreen build/man/tipscreen.1 $(MO)
	@$(INST_ENV) sh src/install.sh install build/inst/tipscreen build/man/tipscreen.1

uninstall:
	@$(INST_ENV) sh src/install.sh uninstall

build/inst/tipscreen: $(INST_OBJS)
	@$(if $(Q),echo "  LD [inst] $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LINK) $(LDFLAGS) $(CURSES) $(FRIBIDI) $(STORELIBS)

# Rewritten only when the installed paths change, so main.o follows them.
build/inst/paths: FORCE
	@mkdir -p $(dir $@)
	@$(INST_ENV) sh src/install.sh paths > $@.new
	@cmp -s $@.new $@ && rm $@.new || mv $@.new $@

build/inst/src/main.o: src/main.c build/inst/paths
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC [inst] $<")
	$(Q)$(CC) $(FLAGS_rel) -DTIPSCREEN_DECKDIR='"$(DATADIR)/screens"' \
	  -DTIPSCREEN_LOCALEDIR='"$(DATADIR)/locales"' $(FRIBIDI_CFLAGS) -MMD -MP -Isrc -c $< -o $@

# The man page: one source, src/tipscreen.1, checked by groff and man.
man: build/man/tipscreen.1

build/man/tipscreen.1: src/tipscreen.1
	@mkdir -p $(dir $@)
	@w=$$(groff -man -ww -z $< 2>&1; LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l $< 2>&1 >/dev/null); \
	if [ -n "$$w" ]; then echo "$$w"; echo "man: src/tipscreen.1 has warnings"; exit 1; fi
	$(Q)cp $< $@
	@echo "man: src/tipscreen.1 passes groff -ww and man --warnings (man -l src/tipscreen.1 shows it)"

clean-objs:
	rm -rf build/rel tipscreen

clean:
	rm -rf build tipscreen $(MO)

include tests/fuzz/fuzz.mk tests/coverage.mk tests/graph.mk

-include $(shell find build -name '*.d' 2>/dev/null)
.SECONDARY:
