from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form

from .common import SecurityGuardCase


class TestAmendment(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Amendment = cls.env["security.contract.amendment"]
        cls.other_contract = cls.env["security.contract"].create(
            {
                "partner_id": cls.client.id,
                "date_start": "2027-01-01",
                "date_end": "2027-12-31",
            }
        )

    def _create_amendment(self, contract, **vals):
        return self.Amendment.create(
            {"contract_id": contract.id, "summary": "Night shift added.", **vals}
        )

    def test_numbers_follow_per_contract(self):
        """Amendments are numbered 1, 2, 3 within each contract."""
        first = self._create_amendment(self.contract)
        second = self._create_amendment(self.contract)
        other = self._create_amendment(self.other_contract)
        batch = self.Amendment.create(
            [
                {"contract_id": self.contract.id, "summary": "Third."},
                {"contract_id": self.contract.id, "summary": "Fourth."},
            ]
        )

        self.assertEqual(first.name, "1")
        self.assertEqual(second.name, "2")
        self.assertEqual(other.name, "1")
        self.assertEqual(batch.mapped("name"), ["3", "4"])
        self.assertEqual(self.contract.amendment_count, 4)

    def test_number_after_highest(self):
        """The next number follows the highest numeric one, skipping typed text numbers."""
        self._create_amendment(self.contract, name="7")
        self._create_amendment(self.contract, name="A-1")

        amendment = self._create_amendment(self.contract)

        self.assertEqual(amendment.name, "8")

    def test_default_number_from_context(self):
        """Opened from a contract, the form proposes the contract's next number."""
        self._create_amendment(self.contract)

        with Form(self.Amendment.with_context(default_contract_id=self.contract.id)) as form:
            self.assertEqual(form.name, "2")
            form.summary = "Armed guard for the pharmacy."

        self.assertEqual(form.record.name, "2")

    def test_form_number_on_contract_choice(self):
        """Choosing the contract in the amendment form proposes its next number."""
        self._create_amendment(self.contract)
        self._create_amendment(self.contract)

        with Form(self.Amendment) as form:
            form.contract_id = self.other_contract
            self.assertEqual(form.name, "1")
            form.contract_id = self.contract
            self.assertEqual(form.name, "3")
            form.summary = "Patrol car added."

    def test_contract_form_numbers_new_lines(self):
        """Amendments added on the contract form are numbered in order before saving."""
        with Form(self.contract) as contract_form:
            with contract_form.amendment_ids.new() as line:
                line.summary = "First change."
                first_name = line.name
            with contract_form.amendment_ids.new() as line:
                line.summary = "Second change."
                second_name = line.name

        self.assertEqual((first_name, second_name), ("1", "2"))
        self.assertEqual(self.contract.amendment_ids.sorted("name").mapped("name"), ["1", "2"])

    def test_duplicate_number_rejected(self):
        """A number already used on the contract is rejected, naming it and the contract."""
        self._create_amendment(self.contract, name="5")
        other = self._create_amendment(self.contract, name="6")
        cases = [
            ("create", lambda: self._create_amendment(self.contract, name="5")),
            ("write", lambda: other.write({"name": "5"})),
        ]
        for label, operation in cases:
            with self.subTest(label), self.assertRaises(ValidationError) as error:
                operation()
            message = str(error.exception)
            self.assertIn("5", message)
            self.assertIn(self.contract.name, message)

        self.assertEqual(other.name, "6")

    def test_same_number_other_contract(self):
        """Two contracts may each have an amendment number 1."""
        self._create_amendment(self.contract, name="1")

        amendment = self._create_amendment(self.other_contract, name="1")

        self.assertEqual(amendment.name, "1")

    def test_related_client_and_company(self):
        """The amendment stores the client and company of its contract."""
        amendment = self._create_amendment(self.contract)

        self.assertEqual(amendment.partner_id, self.client)
        self.assertEqual(amendment.company_id, self.contract.company_id)
        self.assertIn(amendment, self.Amendment.search([("partner_id", "=", self.client.id)]))

    def test_amendment_logged_on_contract(self):
        """Adding an amendment posts its number and summary on the contract."""
        self._create_amendment(self.contract, summary="Guard count raised to 12.")

        bodies = " ".join(str(body) for body in self.contract.message_ids.mapped("body"))
        self.assertIn("Amendment 1 added", bodies)
        self.assertIn("Guard count raised to 12.", bodies)

    def test_access_by_role(self):
        """Billing users manage amendments, operations users only read them."""
        amendment = self._create_amendment(self.contract)

        self.assertEqual(amendment.with_user(self.user_operations).read(["name"])[0]["name"], "1")
        with self.assertRaises(AccessError):
            self.Amendment.with_user(self.user_operations).create(
                {"contract_id": self.contract.id, "summary": "Not allowed."}
            )

        created = self.Amendment.with_user(self.user_billing).create(
            {"contract_id": self.contract.id, "summary": "Allowed."}
        )
        self.assertEqual(created.name, "2")

    def test_deleted_with_contract(self):
        """Deleting a draft contract deletes its amendments."""
        amendment = self._create_amendment(self.other_contract)

        self.other_contract.unlink()

        self.assertFalse(amendment.exists())
