"""Fixtures of the end-to-end tests: a live Odoo started by scripts/test.sh."""

import os

import pytest

from .rpc import JsonRpcClient


@pytest.fixture(scope="session")
def e2e_url():
    url = os.environ.get("SGCRM_E2E_URL")
    if not url:
        pytest.fail("SGCRM_E2E_URL is not set: run the end-to-end tests through `make test`")
    return url


@pytest.fixture(scope="session")
def e2e_db():
    return os.environ["SGCRM_E2E_DB"]


@pytest.fixture
def admin_rpc(e2e_url, e2e_db):
    client = JsonRpcClient(e2e_url, e2e_db)
    client.login("admin", "admin")
    return client
