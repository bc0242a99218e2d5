# make run   prepare the machine and serve Odoo with the addon and demo data
# make test  prepare the machine and run every test
PORT ?= 8069
DB ?= security_guard_crm
TEST_DB ?= security_guard_crm_test

.PHONY: run test prepare pot

prepare:
	scripts/prepare.sh

run:
	PORT=$(PORT) DB=$(DB) scripts/run.sh

test:
	TEST_DB=$(TEST_DB) scripts/test.sh

# Export the translation template and merge it into ar.po (needs gettext).
pot:
	scripts/export_pot.sh
