#!/bin/sh
# The fuzz smoke of `make test`: each harness on its committed corpus, then
# FUZZ_SMOKE_RUNS inputs (1000 unless set) mutated with a fixed seed, so the
# same inputs run every time. FUZZ_DIR names the fuzz build (build/fuzz).
FUZZ_SMOKE=1 exec sh tests/fuzz/run.sh -runs="${FUZZ_SMOKE_RUNS:-1000}" -seed=1
