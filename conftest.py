"""Root pytest configuration shared by the addon tests and tests/."""

import importlib

import odoo

# Odoo logs an ERROR when odoo.tests is imported outside test mode, and
# pytest-odoo imports it in pytest_cmdline_main, before any pytest_configure
# hook runs. pytest loads this file earlier than that.
odoo.tools.config["test_enable"] = True
importlib.import_module("odoo.tests")
odoo.tools.config["test_enable"] = False
