# The office store's unit tests link its db layer (src/office, SQLite and
# libpq) beside the engine; included by the Makefile after its flavours.
OFFICE_DB := src/office/db.c src/office/db_sqlite.c src/office/db_pg.c
define office_flavour
build/$(1)/tests/test_office_db: build/$(1)/tests/unit/test_office_db.o \
		$$(call objs,$(1),$$(CORE_SRC) $$(OFFICE_DB))
	@mkdir -p $$(dir $$@)
	$$(Q)$$(CC) $$(FLAGS_$(1)) -o $$@ $$^ $$(CMOCKA) $$(STORELIBS)
endef
$(eval $(call office_flavour,asan))
$(eval $(call office_flavour,vg))
