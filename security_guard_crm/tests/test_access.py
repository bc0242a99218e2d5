"""Access matrix of the addon's models, per group, checked through the ORM."""

from itertools import count

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged
from odoo.tests.common import new_test_user

from .access_matrix import ACCESS_MATRIX
from .common import AccessCase

OPERATIONS = {"R": "read", "W": "write", "C": "create", "D": "unlink"}

# Models whose records belong to one company, hidden from the users of others.
COMPANY_BOUND_MODELS = [
    "security.tag",
    "security.site",
    "security.site.license",
    "security.contract",
    "security.contract.amendment",
]


@tagged("post_install", "-at_install", "security_access")
class TestAccess(AccessCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.name_counter = count(1)

        cls.company_b = cls.env["res.company"].create({"name": "Eastern Guarding Co."})
        cls.user_manager_b = new_test_user(
            cls.env,
            login="sgcrm_manager_b",
            name="Test Manager of Company B",
            groups="security_guard_crm.group_manager",
            company_id=cls.company_b.id,
            company_ids=[Command.set(cls.company_b.ids)],
        )

    def _create_values(self, model):
        """Return the values of a new, valid record of ``model`` in the main company."""
        name = f"Access test {next(self.name_counter)}"
        values_by_model = {
            "security.tag": {"name": name, "company_id": self.company.id},
            "security.license.type": {"name": name},
            "security.site": {"name": name, "partner_id": self.client.id},
            "security.site.license": {
                "name": name,
                "site_id": self.site.id,
                "license_type_id": self.license_type.id,
            },
            "security.contract": {
                "partner_id": self.client.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            },
            "security.contract.amendment": {
                "name": name,
                "contract_id": self.contract.id,
                "summary": "Night shift moved to 22:00.",
            },
        }
        return values_by_model[model]

    def _matrix_cases(self):
        """Yield (role, user, model, letter, allowed) for every cell of the matrix."""
        for model, rights_by_role in ACCESS_MATRIX.items():
            for role, rights in rights_by_role.items():
                for letter in OPERATIONS:
                    yield role, self.users_by_role[role], model, letter, letter in rights

    def _skip_unless_field(self, model, field_name):
        if field_name not in self.env[model]._fields:
            self.skipTest(
                f"{model}.{field_name} does not exist yet, so the access rule "
                "that depends on it cannot be checked"
            )

    def _assert_field_readable_only_by(self, record, field_name, allowed_roles):
        """Assert that only the users of ``allowed_roles`` read ``field_name`` of ``record``.

        Every other role that reads the record itself must be denied the
        field by ``read``, by a search on it and in ``fields_get``.
        """
        self._skip_unless_field(record._name, field_name)
        field = record._fields[field_name]
        search_path = field_name
        if field.type in ("one2many", "many2many"):
            # NOTE: Odoo 18 checks field groups in a search domain only for
            # columns of the model, so a refused user can still test whether
            # an x2many is empty (`(field, "!=", False)`). Only a search
            # through the related records is denied, which is checked here.
            search_path = f"{field_name}.{self.env[field.comodel_name]._rec_name}"
        elif not field.column_type:
            # A binary field stored as attachment has no column either, and
            # nothing to search through.
            search_path = None
        for role, user in self.users_by_role.items():
            record_as_user = record.with_user(user)
            allowed = role in allowed_roles
            if not allowed and not record_as_user.has_access("read"):
                # Denied at model level already, which the matrix tests cover.
                continue
            with self.subTest(role=role, field=field_name, allowed=allowed):
                if allowed:
                    values = record_as_user.read([field_name])
                    self.assertIn(field_name, values[0])
                    self.assertIn(field_name, record_as_user.fields_get([field_name]))
                else:
                    record_as_user.read(["name"])
                    with self.assertRaises(AccessError):
                        record_as_user.read([field_name])
                    if search_path:
                        with self.assertRaises(AccessError):
                            record_as_user.search([(search_path, "!=", False)])
                    self.assertNotIn(field_name, record_as_user.fields_get())

    def _run_operation(self, user, model, letter):
        """Run the operation of ``letter`` on ``model`` as ``user`` and check its result."""
        model_as_user = self.env[model].with_user(user)
        if letter == "R":
            record = self.records_by_model[model]
            self.assertEqual(model_as_user.search([("id", "=", record.id)]), record)
            values = record.with_user(user).read(["name"])
            self.assertEqual(values[0]["name"], record.name)
        elif letter == "W":
            record = self.env[model].create(self._create_values(model))
            new_name = f"Renamed {next(self.name_counter)}"
            record.with_user(user).write({"name": new_name})
            self.assertEqual(record.name, new_name)
        elif letter == "C":
            record = model_as_user.create(self._create_values(model))
            self.assertTrue(record.exists())
        else:
            record = self.env[model].create(self._create_values(model))
            record.with_user(user).unlink()
            self.assertFalse(record.exists())

    def test_rights_match_matrix(self):
        """has_access and check_access report exactly the rights of the matrix."""
        for role, user, model, letter, allowed in self._matrix_cases():
            operation = OPERATIONS[letter]
            model_as_user = self.env[model].with_user(user)
            record_as_user = self.records_by_model[model].with_user(user)
            with self.subTest(role=role, model=model, operation=operation, allowed=allowed):
                self.assertEqual(model_as_user.has_access(operation), allowed)
                self.assertEqual(record_as_user.has_access(operation), allowed)
                if allowed:
                    record_as_user.check_access(operation)
                else:
                    with self.assertRaises(AccessError):
                        record_as_user.check_access(operation)

    def test_operations_match_matrix(self):
        """search, read, write, create and unlink succeed or raise AccessError per the matrix."""
        for role, user, model, letter, allowed in self._matrix_cases():
            operation = OPERATIONS[letter]
            with self.subTest(role=role, model=model, operation=operation, allowed=allowed):
                if allowed:
                    self._run_operation(user, model, letter)
                else:
                    with self.assertRaises(AccessError):
                        self._run_operation(user, model, letter)

    def test_other_company_sees_nothing(self):
        """A manager of company B neither finds nor reads any record of company A."""
        for model in COMPANY_BOUND_MODELS:
            record = self.records_by_model[model]
            record_as_user = record.with_user(self.user_manager_b)
            with self.subTest(model=model):
                self.assertEqual(record.company_id, self.company)
                found = self.env[model].with_user(self.user_manager_b).search(
                    [("id", "=", record.id)]
                )
                self.assertFalse(found)
                self.assertFalse(record_as_user.has_access("read"))
                with self.assertRaises(AccessError):
                    record_as_user.read(["name"])

    def test_other_company_changes_nothing(self):
        """A manager of company B can neither write nor delete a record of company A."""
        for model in COMPANY_BOUND_MODELS:
            record = self.records_by_model[model].with_user(self.user_manager_b)
            with self.subTest(model=model, operation="write"):
                with self.assertRaises(AccessError):
                    record.write({"name": "Renamed by company B"})
            with self.subTest(model=model, operation="unlink"):
                with self.assertRaises(AccessError):
                    record.unlink()

    def test_other_company_own_records(self):
        """A manager of company B finds the sites of company B: only other companies are hidden."""
        site_b = self.env["security.site"].create(
            {
                "name": "Dammam Port Gate",
                "partner_id": self.client.id,
                "company_id": self.company_b.id,
            }
        )

        found = self.env["security.site"].with_user(self.user_manager_b).search([])

        self.assertEqual(found, site_b)

    def test_shared_tag_visible_to_all_companies(self):
        """A tag without a company is shared: a user of company B finds it."""
        shared_tag = self.env["security.tag"].create({"name": "Shared across companies"})

        found = self.env["security.tag"].with_user(self.user_manager_b).search(
            [("id", "in", (shared_tag | self.tag).ids)]
        )

        self.assertEqual(found, shared_tag)

    def test_license_types_company_bound(self):
        """A licence type of company A is hidden from a manager of company B."""
        license_type = (
            self.env["security.license.type"]
            .create({"name": "Company A permit", "company_id": self.company.id})
            .with_user(self.user_manager_b)
        )

        self.assertFalse(license_type.has_access("read"))
        with self.assertRaises(AccessError):
            license_type.read(["name"])

    def test_contract_payment_term_billing_only(self):
        """Only billing users read a contract's payment terms."""
        self._assert_field_readable_only_by(
            self.contract, "payment_term_id", {"billing", "manager"}
        )

    def test_contract_billing_cycle_billing_only(self):
        """Only billing users read a contract's billing cycle."""
        self._assert_field_readable_only_by(
            self.contract, "billing_cycle", {"billing", "manager"}
        )

    def test_contract_billing_contact_billing_only(self):
        """Only billing users read a contract's billing contact."""
        self._assert_field_readable_only_by(
            self.contract, "billing_contact_id", {"billing", "manager"}
        )

    def test_contract_signed_copy_billing_only(self):
        """Only billing users open the signed contract, which shows the prices."""
        self._assert_field_readable_only_by(
            self.contract, "signed_contract_file", {"billing", "manager"}
        )

    def test_site_licenses_operational_only(self):
        """Every guard role reads the licences of a site, but billing users are denied them."""
        self._assert_field_readable_only_by(
            self.site,
            "license_ids",
            {"guard", "supervisor", "operations", "custodian", "manager"},
        )

    def test_site_type_operational_only(self):
        """Every guard role reads the type of a site, but billing users are denied it."""
        self._assert_field_readable_only_by(
            self.site,
            "site_type",
            {"guard", "supervisor", "operations", "custodian", "manager"},
        )

    def test_site_notes_operational_only(self):
        """Every guard role reads the notes of a site, but billing users are denied them."""
        self._assert_field_readable_only_by(
            self.site,
            "notes",
            {"guard", "supervisor", "operations", "custodian", "manager"},
        )

    def test_site_responsible_operational_only(self):
        """Every guard role reads the responsible user of a site, billing users are denied it."""
        self._assert_field_readable_only_by(
            self.site,
            "user_id",
            {"guard", "supervisor", "operations", "custodian", "manager"},
        )

    def test_partner_contracts_hidden_from_guards(self):
        """A client's contracts list is readable by operations and billing, not by guards."""
        self._assert_field_readable_only_by(
            self.client,
            "security_contract_ids",
            {"operations", "billing", "manager"},
        )

    def test_site_billing_fields_readable(self):
        """Billing users read a site's name and client, which carries its address."""
        values = self.site.with_user(self.user_billing).read(["name", "partner_id"])

        self.assertEqual(values[0]["name"], "Main Hospital Campus")
        self.assertEqual(values[0]["partner_id"][0], self.client.id)

    def test_contract_documents_hidden_from_guards(self):
        """Attachments and messages of a contract follow the contract's rights."""
        attachment = self.env["ir.attachment"].create(
            {
                "name": "signed-contract.pdf",
                "raw": b"%PDF-1.4 signed contract",
                "res_model": "security.contract",
                "res_id": self.contract.id,
            }
        )
        message = self.contract.message_post(body="Payment is due within 30 days.")
        readers = {"operations", "billing", "manager"}

        for role, user in self.users_by_role.items():
            allowed = role in readers
            Attachment = self.env["ir.attachment"].with_user(user)
            Message = self.env["mail.message"].with_user(user)
            with self.subTest(role=role, allowed=allowed):
                self.assertEqual(
                    bool(Attachment.search([("id", "=", attachment.id)])), allowed
                )
                self.assertEqual(bool(Message.search([("id", "=", message.id)])), allowed)
                if allowed:
                    attachment.with_user(user).read(["name"])
                else:
                    with self.assertRaises(AccessError):
                        attachment.with_user(user).read(["name"])
