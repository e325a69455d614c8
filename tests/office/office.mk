# The office's unit tests link their office modules (src/office: the db
# layer over SQLite and libpq, the small-cell suppression) beside the
# engine; included by the Makefile after its flavours.
OFFICE_DB := src/office/db.c src/office/db_case.c src/office/db_schema.c src/office/db_audit.c src/office/db_sqlite.c src/office/db_pg.c src/office/pq_load.c
define office_flavour
build/$(1)/tests/test_office_db: build/$(1)/tests/unit/test_office_db.o \
		$$(call objs,$(1),$$(CORE_SRC) $$(OFFICE_DB))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
build/$(1)/tests/test_kanon: build/$(1)/tests/unit/test_kanon.o \
		$$(call objs,$(1),$$(CORE_SRC) src/office/kanon.c)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
build/$(1)/tests/test_intern: build/$(1)/tests/unit/test_intern.o \
		$$(call objs,$(1),$$(CORE_SRC) src/office/intern.c)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
build/$(1)/tests/test_disclose: build/$(1)/tests/unit/test_disclose.o \
		$$(call objs,$(1),$$(CORE_SRC) src/office/kanon.c src/office/disclose.c)
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
endef
$(eval $(call office_flavour,asan))
$(eval $(call office_flavour,vg))
