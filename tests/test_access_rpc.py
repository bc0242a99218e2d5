"""Access matrix against the live server: one user per group, logged in over JSON-RPC.

The administrator creates the users and the records of this run. Each user then
logs in through /web/session/authenticate and tries every operation. Logins end
with a random suffix, so a second run against the same database does not clash.
"""

import uuid
from itertools import count

import pytest

from odoo.addons.security_guard_crm.tests.access_matrix import ACCESS_MATRIX

from .rpc import JsonRpcClient, RpcError

ACCESS_ERROR = "odoo.exceptions.AccessError"

GROUP_BY_ROLE = {
    "guard": ("security_guard_crm", "group_guard"),
    "supervisor": ("security_guard_crm", "group_supervisor"),
    "operations": ("security_guard_crm", "group_operations"),
    "billing": ("security_guard_crm", "group_billing"),
    "custodian": ("security_guard_crm", "group_custodian"),
    "manager": ("security_guard_crm", "group_manager"),
    "employee": ("base", "group_user"),
}
CASES = [
    pytest.param(role, model, letter, letter in rights, id=f"{role}-{model}-{letter}")
    for model, rights_by_role in ACCESS_MATRIX.items()
    for role, rights in rights_by_role.items()
    for letter in "RWCD"
]


class AccessScenario:
    """Users and records of one run, created by the administrator."""

    def __init__(self, url, db):
        self.url = url
        self.db = db
        self.run_id = uuid.uuid4().hex[:8]
        self.admin = JsonRpcClient(url, db)
        admin_session = self.admin.login("admin", "admin")
        self._names = count(1)
        self._clients_by_login = {}

        self.company_id = self.admin.call_kw(
            "res.users", "read", [[admin_session["uid"]], ["company_id"]]
        )[0]["company_id"][0]
        self.partner_id = self._admin_create(
            "res.partner",
            {"name": f"Riyadh Mall {self.run_id}", "is_company": True, "is_security_client": True},
        )
        self.site_id = self._admin_create(
            "security.site", {"name": f"North Gate {self.run_id}", "partner_id": self.partner_id}
        )
        self.license_type_id = self._admin_create(
            "security.license.type",
            {"name": f"Civil Defence {self.run_id}", "company_id": self.company_id},
        )
        self.record_ids = {
            "security.tag": self._admin_create(
                "security.tag", {"name": f"Mall {self.run_id}", "company_id": self.company_id}
            ),
            "security.license.type": self.license_type_id,
            "security.site": self.site_id,
            "security.site.license": self._admin_create(
                "security.site.license", self.create_values("security.site.license")
            ),
            "security.contract": self._admin_create(
                "security.contract", self.create_values("security.contract")
            ),
        }
        self.contract_id = self.record_ids["security.contract"]
        self.record_ids["security.contract.amendment"] = self._admin_create(
            "security.contract.amendment", self.create_values("security.contract.amendment")
        )

        self.logins_by_role = {
            role: self._create_user(role, group) for role, group in GROUP_BY_ROLE.items()
        }
        self.company_b_id = self._admin_create(
            "res.company", {"name": f"Eastern Guarding {self.run_id}"}
        )
        self.login_manager_b = self._create_user(
            "manager_b",
            GROUP_BY_ROLE["manager"],
            company_id=self.company_b_id,
            company_ids=[(6, 0, [self.company_b_id])],
        )

    def _admin_create(self, model, values):
        return self.admin.call_kw(model, "create", [values])

    def _group_id(self, module, name):
        data = self.admin.call_kw(
            "ir.model.data",
            "search_read",
            [[("module", "=", module), ("name", "=", name)]],
            {"fields": ["res_id"]},
        )
        return data[0]["res_id"]

    def _create_user(self, role, group, **values):
        login = f"sgcrm_e2e_{role}_{self.run_id}"
        self._admin_create(
            "res.users",
            {
                "name": f"E2E {role} {self.run_id}",
                "login": login,
                "password": login,
                "groups_id": [(6, 0, [self._group_id(*group)])],
                **values,
            },
        )
        return login

    def create_values(self, model):
        """Return the values of a new, valid record of ``model`` in the main company."""
        name = f"E2E {self.run_id} {next(self._names)}"
        if model == "security.tag":
            return {"name": name, "company_id": self.company_id}
        if model == "security.license.type":
            return {"name": name, "company_id": self.company_id}
        if model == "security.site":
            return {"name": name, "partner_id": self.partner_id}
        if model == "security.site.license":
            return {
                "name": name,
                "site_id": self.site_id,
                "license_type_id": self.license_type_id,
            }
        if model == "security.contract":
            return {
                "partner_id": self.partner_id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        if model == "security.contract.amendment":
            return {
                "name": name,
                "contract_id": self.contract_id,
                "summary": "One more guard on Fridays.",
            }
        raise ValueError(f"No test values for the model {model}")

    def new_record(self, model):
        """Create a record of ``model`` as the administrator and return its id."""
        return self._admin_create(model, self.create_values(model))

    def client_for(self, login):
        """Return a client logged in as ``login``, reusing its session between tests."""
        if login not in self._clients_by_login:
            client = JsonRpcClient(self.url, self.db)
            session = client.login(login, login)
            assert session["uid"], f"{login} could not log in"
            self._clients_by_login[login] = client
        return self._clients_by_login[login]


@pytest.fixture(scope="module")
def scenario(e2e_url, e2e_db):
    return AccessScenario(e2e_url, e2e_db)


def run_operation(scenario, client, model, letter):
    """Run the operation of ``letter`` on ``model`` through ``client`` and check its result."""
    if letter == "R":
        record_id = scenario.record_ids[model]
        values = client.call_kw(model, "read", [[record_id], ["name"]])
        assert [value["id"] for value in values] == [record_id]
        found = client.call_kw(
            model, "search_read", [[("id", "=", record_id)]], {"fields": ["name"]}
        )
        assert [value["id"] for value in found] == [record_id]
    elif letter == "W":
        record_id = scenario.new_record(model)
        new_name = f"Renamed {record_id} {scenario.run_id}"
        client.call_kw(model, "write", [[record_id], {"name": new_name}])
        values = scenario.admin.call_kw(model, "read", [[record_id], ["name"]])
        assert values[0]["name"] == new_name
    elif letter == "C":
        record_id = client.call_kw(model, "create", [scenario.create_values(model)])
        assert scenario.admin.call_kw(model, "search_count", [[("id", "=", record_id)]]) == 1
    else:
        record_id = scenario.new_record(model)
        client.call_kw(model, "unlink", [[record_id]])
        assert scenario.admin.call_kw(model, "search_count", [[("id", "=", record_id)]]) == 0


@pytest.mark.parametrize(("role", "model", "letter", "allowed"), CASES)
def test_matrix_over_rpc(scenario, role, model, letter, allowed):
    """Each operation over JSON-RPC succeeds or returns AccessError as the matrix specifies."""
    client = scenario.client_for(scenario.logins_by_role[role])

    if allowed:
        run_operation(scenario, client, model, letter)
    else:
        with pytest.raises(RpcError) as caught:
            run_operation(scenario, client, model, letter)
        assert caught.value.name == ACCESS_ERROR


@pytest.mark.parametrize("model", list(ACCESS_MATRIX))
def test_other_company_sees_nothing(scenario, model):
    """A manager of company B finds no record of company A and cannot read one by id."""
    fields = scenario.admin.call_kw(model, "fields_get", [], {"attributes": ["type"]})
    if "company_id" not in fields:
        pytest.skip(f"{model} has no company_id field yet, so it is shared by every company")
    client = scenario.client_for(scenario.login_manager_b)
    record_id = scenario.record_ids[model]

    found = client.call_kw(model, "search_read", [[("id", "=", record_id)]], {"fields": ["name"]})
    with pytest.raises(RpcError) as caught:
        client.call_kw(model, "read", [[record_id], ["name"]])

    assert found == []
    assert caught.value.name == ACCESS_ERROR


def test_billing_cannot_read_site_licenses_field(scenario):
    """A billing user reads a site's name but gets AccessError on its licences."""
    client = scenario.client_for(scenario.logins_by_role["billing"])

    sites = client.call_kw("security.site", "read", [[scenario.site_id], ["name"]])
    with pytest.raises(RpcError) as caught:
        client.call_kw("security.site", "read", [[scenario.site_id], ["license_ids"]])

    assert sites[0]["name"] == f"North Gate {scenario.run_id}"
    assert caught.value.name == ACCESS_ERROR
