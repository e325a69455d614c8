# make coverage: the unit, e2e and tmux tests on a gcc --coverage build
# (build/cov/), then line and branch coverage per module from gcov
# (tests/coverage.sh). Included from the Makefile.
FLAGS_cov = $(WARN) $(DEFS) -O0 -g --coverage
$(eval $(call flavour,cov))
COV_BIN := $(UNIT_ALL:%=build/cov/tests/test_%)

.PHONY: coverage
coverage: build/cov/tipscreen $(COV_BIN)
	@find build/cov -name '*.gcda' -delete
	@TIPSCREEN=build/cov/tipscreen TEST_WRAP= sh tests/run.sh $(COV_BIN) >build/cov/tests.log 2>&1; \
	rc=$$?; tail -1 build/cov/tests.log; \
	sh tests/coverage.sh build/cov src/base src/domain src/store src/app src/train src/tui src/plain src/cmd src/office src/main.c; \
	[ $$rc = 0 ] || { echo "coverage: some tests failed (build/cov/tests.log)"; exit 1; }
$(eval $(call office_flavour,cov))
