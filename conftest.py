"""Root pytest configuration shared by the addon tests and tests/."""

import odoo


def pytest_configure(config):
    # Odoo logs an ERROR when odoo.tests is imported outside test mode;
    # pytest-odoo imports it before it switches test mode on.
    odoo.tools.config["test_enable"] = True
    import odoo.tests  # noqa: F401

    odoo.tools.config["test_enable"] = False
