# Fuzzing (libFuzzer, clang): included from the Makefile. The harnesses
# link the engine built with -fsanitize=fuzzer,address,undefined (build/fuzz/).
#
#   make fuzz          each harness for FUZZ_SECONDS on its corpus (new inputs
#                      in build/fuzz/scratch/, crashes in build/fuzz/crashes/)
#   make fuzz-smoke    a short deterministic run of each (part of make test)

FUZZ_SECONDS ?= 60
# Runs of each harness in the smoke of `make test` (fixed seed: the same
# inputs every time).
FUZZ_SMOKE_RUNS ?= 1000
CLANG    ?= $(shell command -v clang-14 2>/dev/null || echo clang)
FUZZ_HARNESS := stanza deck guard catalog assess answers contacts unseal profile bundle keyshare
FUZZ_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FLAGS_fuzz = $(WARN) $(DEFS) -O1 -g $(FUZZ_SAN) -fsanitize=fuzzer-no-link
FUZZ_BIN := $(FUZZ_HARNESS:%=build/fuzz/fuzz_%)
FUZZ_OBJ  = $(patsubst %.c,build/fuzz/%.o,$(1)) build/fuzz/law_data.o

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC [fuzz] $<")
	$(Q)$(CLANG) $(FLAGS_fuzz) -DTIPSCREEN_DECKDIR='"$(DECKDIR)"' -DTIPSCREEN_LOCALEDIR='"$(LOCALEDIR)"' \
	  -DFUZZ_ROOT='"$(CURDIR)"' $(FRIBIDI_CFLAGS) -MMD -MP -Isrc -c $< -o $@
build/fuzz/law_data.o: build/law_data.c
	$(Q)$(CLANG) $(FLAGS_fuzz) -Isrc -c $< -o $@

# Every harness links the engine objects and nothing else.
FUZZ_LIBS := $(STORELIBS) -pthread
build/fuzz/fuzz_%: build/fuzz/tests/fuzz/fuzz_%.o build/fuzz/tests/fuzz/util.o $(call FUZZ_OBJ,$(CORE_SRC))
	@$(if $(Q),echo "  LD [fuzz] $@")
	$(Q)$(CLANG) $(FLAGS_fuzz) -fsanitize=fuzzer -o $@ $^ $(FUZZ_LIBS)

.PHONY: fuzz fuzz-build fuzz-smoke
fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@FUZZ_DIR=build/fuzz sh tests/fuzz/run.sh -max_total_time=$(FUZZ_SECONDS)

fuzz-smoke: fuzz-build
	@FUZZ_DIR=build/fuzz FUZZ_SMOKE_RUNS=$(FUZZ_SMOKE_RUNS) sh tests/fuzz/smoke.sh
