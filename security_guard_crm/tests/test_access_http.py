"""Access matrix checked through JSON-RPC, as the web client calls the server."""

from odoo.tests import tagged
from odoo.tests.common import HttpCase, JsonRpcException
from odoo.tools import mute_logger

from .access_matrix import ACCESS_MATRIX
from .common import AccessCase

ACCESS_ERROR = "odoo.exceptions.AccessError"


@tagged("post_install", "-at_install", "security_access")
class TestAccessHttp(HttpCase, AccessCase):
    def _call_kw(self, model, method, args, kwargs=None):
        """Call ``method`` of ``model`` through /web/dataset/call_kw as the logged-in user."""
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def _assert_access_error(self, model, method, args, kwargs=None):
        """Assert that the call returns a JSON-RPC error named AccessError."""
        with mute_logger("odoo.http"), self.assertRaises(JsonRpcException) as caught:
            self._call_kw(model, method, args, kwargs)
        self.assertEqual(str(caught.exception), ACCESS_ERROR)

    def test_read_matrix_over_rpc(self):
        """read and search_read over JSON-RPC follow the R column of the matrix."""
        for role, user in self.users_by_role.items():
            self.authenticate(user.login, user.login)
            for model, rights_by_role in ACCESS_MATRIX.items():
                record = self.records_by_model[model]
                allowed = "R" in rights_by_role[role]
                read_args = [record.ids, ["name"]]
                search_args = [[("id", "=", record.id)]]
                search_kwargs = {"fields": ["name"]}
                with self.subTest(role=role, model=model, allowed=allowed):
                    if allowed:
                        values = self._call_kw(model, "read", read_args)
                        self.assertEqual(values, [{"id": record.id, "name": record.name}])
                        values = self._call_kw(model, "search_read", search_args, search_kwargs)
                        self.assertEqual(values, [{"id": record.id, "name": record.name}])
                    else:
                        self._assert_access_error(model, "read", read_args)
                        self._assert_access_error(model, "search_read", search_args, search_kwargs)

    def test_guard_cannot_read_contracts(self):
        """A guard gets an AccessError from read and search_read on contracts."""
        self.authenticate(self.user_guard.login, self.user_guard.login)

        self._assert_access_error("security.contract", "read", [self.contract.ids, ["name"]])
        self._assert_access_error("security.contract", "search_read", [[]], {"fields": ["name"]})
        self._assert_access_error(
            "security.contract.amendment", "search_read", [[]], {"fields": ["name"]}
        )

    def test_guard_reads_sites_and_licenses(self):
        """A guard reads sites and their licences over JSON-RPC."""
        self.authenticate(self.user_guard.login, self.user_guard.login)

        sites = self._call_kw(
            "security.site",
            "search_read",
            [[("id", "=", self.site.id)]],
            {"fields": ["name", "license_ids"]},
        )

        self.assertEqual(sites[0]["license_ids"], self.license.ids)

    def test_billing_cannot_read_site_licenses(self):
        """A billing user gets an AccessError from site licences, directly or through a site."""
        self.authenticate(self.user_billing.login, self.user_billing.login)

        self._assert_access_error("security.site.license", "read", [self.license.ids, ["name"]])
        self._assert_access_error(
            "security.site.license", "search_read", [[]], {"fields": ["name"]}
        )
        self._assert_access_error(
            "security.site", "read", [self.site.ids, ["name", "license_ids"]]
        )

    def test_billing_reads_contracts_and_site_names(self):
        """A billing user reads contracts, and a site's name and client but not its licences."""
        self.authenticate(self.user_billing.login, self.user_billing.login)

        contracts = self._call_kw(
            "security.contract",
            "search_read",
            [[("id", "=", self.contract.id)]],
            {"fields": ["name", "site_ids"]},
        )
        sites = self._call_kw("security.site", "read", [self.site.ids])

        self.assertEqual(contracts[0]["site_ids"], self.site.ids)
        self.assertEqual(sites[0]["name"], "Main Hospital Campus")
        self.assertEqual(sites[0]["partner_id"][0], self.client.id)
        self.assertNotIn("license_ids", sites[0])

    def test_operations_cannot_read_billing_terms(self):
        """An operations user reads contracts over JSON-RPC but none of their billing terms."""
        billing_fields = ["payment_term_id", "billing_cycle", "billing_contact_id"]
        existing = [name for name in billing_fields if name in self.contract._fields]
        if not existing:
            self.skipTest(
                "security.contract has none of the billing fields "
                f"{', '.join(billing_fields)} yet, so their access cannot be checked"
            )
        self.authenticate(self.user_operations.login, self.user_operations.login)

        contracts = self._call_kw(
            "security.contract", "search_read", [[("id", "=", self.contract.id)]]
        )

        for field_name in existing:
            with self.subTest(field=field_name):
                self.assertNotIn(field_name, contracts[0])
                self._assert_access_error(
                    "security.contract", "read", [self.contract.ids, [field_name]]
                )
