from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form
from odoo.tools import format_date

from .common import SecurityGuardCase

REFERENCE_PATTERN = r"^SGC/\d{4}/\d{4}$"


class ContractCase(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Contract = cls.env["security.contract"]
        cls.other_client = cls.env["res.partner"].create(
            {
                "name": "Riyadh Logistics Park",
                "is_company": True,
                "is_security_client": True,
                "country_id": cls.country_sa.id,
            }
        )
        cls.other_contact = cls.env["res.partner"].create(
            {
                "name": "Omar Al-Harbi",
                "parent_id": cls.other_client.id,
                "security_contact_role": "billing",
            }
        )
        cls.other_site = cls.env["security.site"].create(
            {"name": "North Warehouse Gate", "partner_id": cls.other_client.id}
        )
        cls.payment_term = cls.env.ref("account.account_payment_term_30days")

    def _create_contract(self, **vals):
        return self.Contract.create(
            {
                "partner_id": self.client.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
                **vals,
            }
        )


class TestContractReference(ContractCase):
    def test_reference_from_sequence(self):
        """A contract left as "New" or without reference gets the next sequence number."""
        first = self._create_contract(name="New")
        second = self._create_contract()

        self.assertRegex(first.name, REFERENCE_PATTERN)
        self.assertRegex(second.name, REFERENCE_PATTERN)
        self.assertEqual(int(second.name[-4:]), int(first.name[-4:]) + 1)

    @freeze_time("2027-02-10")
    def test_reference_year_of_creation(self):
        """The year in the reference is the year the contract is recorded."""
        contract = self._create_contract(date_start="2026-12-01", date_end="2027-11-30")

        self.assertTrue(contract.name.startswith("SGC/2027/"), contract.name)

    def test_rejected_contract_keeps_no_number(self):
        """A contract rejected on save does not use up a reference number."""
        first = self._create_contract()
        with self.assertRaises(ValidationError):
            self._create_contract(date_start="2026-06-01", date_end="2026-05-01")
        second = self._create_contract()

        self.assertEqual(int(second.name[-4:]), int(first.name[-4:]) + 1)

    def test_reference_typed_by_user(self):
        """A reference typed by the user is kept."""
        contract = self._create_contract(name="MOH-RYD-2026-17")

        self.assertEqual(contract.name, "MOH-RYD-2026-17")

    @freeze_time("2026-06-01")
    def test_copy_takes_new_reference(self):
        """A duplicated contract is a draft with a new reference."""
        self.contract.action_activate()

        copy = self.contract.copy()

        self.assertNotEqual(copy.name, self.contract.name)
        self.assertRegex(copy.name, REFERENCE_PATTERN)
        self.assertEqual(copy.state, "draft")

    def test_duplicate_reference_rejected(self):
        """A reference already used in the company is rejected, naming it."""
        self._create_contract(name="MOH-RYD-2026-17")
        other = self._create_contract(name="MOH-RYD-2026-18")
        cases = [
            ("create", lambda: self._create_contract(name="MOH-RYD-2026-17")),
            ("write", lambda: other.write({"name": "MOH-RYD-2026-17"})),
            (
                "same batch",
                lambda: self.Contract.create(
                    [
                        {
                            "name": "MOH-RYD-2026-99",
                            "partner_id": self.client.id,
                            "date_start": "2026-01-01",
                            "date_end": "2026-12-31",
                        }
                    ]
                    * 2
                ),
            ),
        ]
        for label, operation in cases:
            with self.subTest(label), self.assertRaises(ValidationError) as error:
                operation()
            self.assertIn("MOH-RYD-2026-", str(error.exception))
        self.assertEqual(other.name, "MOH-RYD-2026-18")

    def test_same_reference_other_company(self):
        """Two companies may use the same reference."""
        company_b = self.env["res.company"].create({"name": "Gulf Guarding Jeddah"})
        self._create_contract(name="SHARED-1")

        contract_b = self.Contract.with_company(company_b).create(
            {
                "name": "SHARED-1",
                "partner_id": self.client.id,
                "company_id": company_b.id,
                "user_id": False,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )

        self.assertEqual(contract_b.name, "SHARED-1")


class TestContractConstraints(ContractCase):
    def test_end_before_start_rejected(self):
        """An end date before the start date is rejected, naming both dates."""
        with self.assertRaises(ValidationError) as error:
            self._create_contract(date_start="2026-06-01", date_end="2026-05-31")

        message = str(error.exception)
        self.assertIn(format_date(self.env, date(2026, 6, 1)), message)
        self.assertIn(format_date(self.env, date(2026, 5, 31)), message)

    def test_single_day_contract_allowed(self):
        """A contract may start and end on the same day, e.g. for an event."""
        contract = self._create_contract(date_start="2026-05-01", date_end="2026-05-01")

        self.assertEqual(contract.duration_days, 1)

    def test_site_of_other_client_rejected(self):
        """A site of another client is rejected, naming the site and both clients."""
        with self.assertRaises(ValidationError) as error:
            self.contract.site_ids = [Command.link(self.other_site.id)]

        message = str(error.exception)
        self.assertIn(self.other_site.name, message)
        self.assertIn(self.other_client.name, message)
        self.assertIn(self.client.name, message)

    def test_contact_of_other_client_rejected(self):
        """A contact of another client is rejected, naming the contact and the client."""
        for field_name in ("billing_contact_id", "renewal_contact_id"):
            with self.subTest(field_name), self.assertRaises(ValidationError) as error:
                self.contract.write({field_name: self.other_contact.id})
            message = str(error.exception)
            self.assertIn(self.other_contact.name, message)
            self.assertIn(self.client.name, message)

    def test_client_itself_not_a_contact(self):
        """The client company is not one of its own contact persons."""
        with self.assertRaises(ValidationError):
            self.contract.billing_contact_id = self.client

    def test_own_contacts_accepted(self):
        """Contacts of the contract's client are accepted."""
        self.contract.write(
            {
                "billing_contact_id": self.billing_contact.id,
                "renewal_contact_id": self.renewal_contact.id,
            }
        )

        self.assertEqual(self.contract.billing_contact_id, self.billing_contact)
        self.assertEqual(self.contract.renewal_contact_id, self.renewal_contact)

    def test_termination_before_start_rejected(self):
        """A termination date before the start date is rejected."""
        with freeze_time("2026-06-01"):
            self.contract.action_activate()
        self.contract.termination_reason = "Client closed the hospital wing."

        with self.assertRaises(ValidationError) as error:
            self.contract.termination_date = "2025-12-31"

        self.assertIn(format_date(self.env, date(2025, 12, 31)), str(error.exception))


class TestContractState(ContractCase):
    @freeze_time("2026-06-01")
    def test_activate_terminate_reset(self):
        """A contract goes draft, active, terminated, and back to draft."""
        self.contract.action_activate()
        self.assertEqual(self.contract.state, "active")

        self.contract.termination_reason = "Hospital moved to a new campus."
        self.contract.action_terminate()
        self.assertEqual(self.contract.state, "terminated")
        self.assertEqual(self.contract.termination_date, date(2026, 6, 1))

        self.contract.action_reset_to_draft()
        self.assertEqual(self.contract.state, "draft")
        self.assertFalse(self.contract.termination_date)
        self.assertFalse(self.contract.termination_reason)

    @freeze_time("2026-06-01")
    def test_termination_dialog(self):
        """The termination dialog records the date and reason and terminates the contract."""
        self.contract.action_activate()
        action = self.contract.action_open_termination_form()
        view_id = action["views"][0][0]

        with Form(self.contract.with_user(self.user_billing), view=view_id) as dialog:
            dialog.termination_date = date(2026, 5, 20)
            dialog.termination_reason = "Client breached the payment terms."
        self.contract.with_user(self.user_billing).action_terminate()

        self.assertEqual(self.contract.state, "terminated")
        self.assertEqual(self.contract.termination_date, date(2026, 5, 20))

    @freeze_time("2026-06-01")
    def test_terminate_needs_reason(self):
        """Terminating without a reason is refused."""
        self.contract.action_activate()

        with self.assertRaises(UserError):
            self.contract.action_terminate()

        self.assertEqual(self.contract.state, "active")

    @freeze_time("2026-06-01")
    def test_refused_transitions(self):
        """Each button refuses a contract in the wrong state, naming the reference."""
        cases = [
            ("draft", "action_terminate"),
            ("draft", "action_open_termination_form"),
            ("draft", "action_reset_to_draft"),
            ("active", "action_activate"),
            ("active", "action_reset_to_draft"),
            ("expired", "action_activate"),
            ("expired", "action_terminate"),
            ("terminated", "action_activate"),
            ("terminated", "action_terminate"),
        ]
        for state, method in cases:
            with self.subTest(state=state, method=method):
                contract = self._create_contract(termination_reason="Test reason")
                contract.state = state

                with self.assertRaises(UserError) as error:
                    getattr(contract, method)()

                self.assertIn(contract.name, str(error.exception))
                self.assertEqual(contract.state, state)

    @freeze_time("2027-01-05")
    def test_activate_ended_contract_refused(self):
        """A draft contract whose end date has passed cannot be activated."""
        with self.assertRaises(UserError) as error:
            self.contract.action_activate()

        self.assertIn(format_date(self.env, date(2026, 12, 31)), str(error.exception))

    @freeze_time("2026-06-01")
    def test_expired_reset_to_draft(self):
        """An expired contract can be reset to draft to be renewed."""
        self.contract.state = "expired"

        self.contract.action_reset_to_draft()

        self.assertEqual(self.contract.state, "draft")

    @freeze_time("2026-06-01")
    def test_operations_cannot_activate(self):
        """An operations user reads contracts but cannot change their state over RPC."""
        with self.assertRaises(AccessError):
            self.contract.with_user(self.user_operations).action_activate()

        self.assertEqual(self.contract.state, "draft")

    @freeze_time("2026-06-01")
    def test_unlink_only_draft(self):
        """Only draft contracts can be deleted, and refusing another names its reference."""
        self.contract.action_activate()

        with self.assertRaises(UserError) as error:
            self.contract.with_user(self.user_manager).unlink()
        self.assertIn(self.contract.name, str(error.exception))

        draft = self._create_contract()
        draft.with_user(self.user_manager).unlink()
        self.assertFalse(draft.exists())

    @freeze_time("2026-12-01")
    def test_days_left_and_duration(self):
        """The duration includes the start and end dates, and days left count from today."""
        self.contract.invalidate_recordset(["days_left"])

        self.assertEqual(self.contract.duration_days, 365)
        self.assertEqual(self.contract.days_left, 30)

    def test_ending_soon_follows_company_notice(self):
        """'Ending soon' lists active contracts ending within the company notice days."""
        self.contract.state = "active"
        cases = [
            ("2026-10-01", 60, False),
            ("2026-11-01", 60, True),
            ("2026-11-01", 30, False),
            ("2026-12-31", 60, True),
            ("2027-01-01", 60, False),
        ]
        for today, notice_days, expected in cases:
            with self.subTest(today=today, notice_days=notice_days), freeze_time(today):
                self.company.security_contract_notice_days = notice_days
                self.contract.invalidate_recordset(["is_ending_soon"])

                found = self.Contract.search([("is_ending_soon", "=", True)])

                self.assertEqual(self.contract in found, expected)
                self.assertEqual(self.contract.is_ending_soon, expected)


class TestContractForm(ContractCase):
    def test_form_client_change_clears_foreign_data(self):
        """Changing the client drops the previous client's sites and contacts."""
        with Form(self.Contract.with_user(self.user_billing)) as form:
            form.partner_id = self.client
            self.assertEqual(form.billing_contact_id, self.billing_contact)
            self.assertEqual(form.renewal_contact_id, self.renewal_contact)
            form.date_start = date(2026, 1, 1)
            form.date_end = date(2026, 12, 31)
            form.site_ids.add(self.site)

            form.partner_id = self.other_client

            self.assertEqual(len(form.site_ids), 0)
            self.assertEqual(form.billing_contact_id, self.other_contact)
            self.assertFalse(form.renewal_contact_id)
        contract = form.record

        self.assertEqual(contract.partner_id, self.other_client)
        self.assertRegex(contract.name, REFERENCE_PATTERN)

    def test_form_proposes_client_payment_terms(self):
        """The client's payment terms are proposed on a new contract."""
        self.client.property_payment_term_id = self.payment_term

        with Form(self.Contract.with_user(self.user_billing)) as form:
            form.partner_id = self.client
            form.date_start = date(2026, 1, 1)
            form.date_end = date(2026, 12, 31)

        self.assertEqual(form.record.payment_term_id, self.payment_term)

    def test_form_ambiguous_role_not_proposed(self):
        """No contact is proposed when two contacts share the role."""
        self.env["res.partner"].create(
            {
                "name": "Second Billing Clerk",
                "parent_id": self.client.id,
                "security_contact_role": "billing",
            }
        )

        with Form(self.Contract.with_user(self.user_billing)) as form:
            form.partner_id = self.client
            form.date_start = date(2026, 1, 1)
            form.date_end = date(2026, 12, 31)

            self.assertFalse(form.billing_contact_id)
            self.assertEqual(form.renewal_contact_id, self.renewal_contact)


class TestContractAccess(ContractCase):
    def test_operations_reads_no_money(self):
        """An operations user reads the contract but not its payment terms."""
        contract = self.contract.with_user(self.user_operations)

        values = contract.read(["name", "date_start", "date_end", "site_ids"])[0]
        self.assertEqual(values["name"], self.contract.name)

        for field_name in ("payment_term_id", "billing_cycle", "billing_contact_id"):
            with self.subTest(field_name), self.assertRaises(AccessError):
                contract.read([field_name])

    def test_operations_fields_hide_money(self):
        """fields_get gives an operations user no billing fields."""
        fields = self.Contract.with_user(self.user_operations).fields_get()

        self.assertIn("date_end", fields)
        self.assertNotIn("payment_term_id", fields)
        self.assertNotIn("billing_cycle", fields)

    def test_operations_opens_views(self):
        """An operations user loads every contract view, and the form shows no billing field."""
        contract = self.contract.with_user(self.user_operations)

        views = contract.get_views(
            [(False, "list"), (False, "kanban"), (False, "form"), (False, "search")]
        )
        form = Form(contract)

        self.assertNotIn("payment_term_id", views["views"]["form"]["arch"])
        self.assertEqual(form.date_end, "2026-12-31")

    def test_billing_reads_money(self):
        """A billing user reads and sets the payment terms."""
        contract = self.contract.with_user(self.user_billing)

        contract.payment_term_id = self.payment_term

        self.assertEqual(
            contract.read(["payment_term_id"])[0]["payment_term_id"][0], self.payment_term.id
        )

    def test_billing_creates_contract(self):
        """A billing user creates a contract and gets a reference from the sequence."""
        contract = self.Contract.with_user(self.user_billing).create(
            {"partner_id": self.client.id, "date_start": "2026-02-01", "date_end": "2027-01-31"}
        )

        self.assertRegex(contract.name, REFERENCE_PATTERN)

    def test_field_roles_cannot_read(self):
        """Guards, supervisors, custodians and employees cannot read contracts."""
        for user in (
            self.user_guard,
            self.user_supervisor,
            self.user_custodian,
            self.user_employee,
        ):
            for model in ("security.contract", "security.contract.amendment"):
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env[model].with_user(user).search([])
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.contract.with_user(user).read(["name"])


class TestContractCron(ContractCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.renewal_type = cls.env.ref("security_guard_crm.mail_activity_type_contract_renewal")
        cls.contract.write(
            {
                "renewal_contact_id": cls.renewal_contact.id,
                "user_id": cls.user_manager.id,
            }
        )
        cls.contract.state = "active"

    def _renewal_activities(self, contract):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "security.contract"),
                ("res_id", "=", contract.id),
                ("activity_type_id", "=", self.renewal_type.id),
            ]
        )

    def test_cron_expires_ended_contracts(self):
        """Active contracts past their end date expire, with a chatter message."""
        draft = self._create_contract(date_end="2026-12-15")
        with freeze_time("2027-01-01"):
            self.Contract._cron_check_end_dates()

        self.assertEqual(self.contract.state, "expired")
        self.assertEqual(draft.state, "draft")
        bodies = self.contract.message_ids.mapped("body")
        self.assertTrue(any("expired" in str(body) for body in bodies), bodies)

    def test_cron_keeps_contract_on_last_day(self):
        """A contract is still active on its end date."""
        with freeze_time("2026-12-31"):
            self.Contract._cron_check_end_dates()

        self.assertEqual(self.contract.state, "active")

    def test_cron_renewal_activity_once(self):
        """A contract ending soon gets one renewal activity, however often the cron runs."""
        with freeze_time("2026-11-15"):
            self.Contract._cron_check_end_dates()
            self.Contract._cron_check_end_dates()
        with freeze_time("2026-11-16"):
            self.Contract._cron_check_end_dates()

        activities = self._renewal_activities(self.contract)
        self.assertEqual(len(activities), 1)
        self.assertEqual(self.contract.renewal_activity_date_end, date(2026, 12, 31))
        self.assertIn(self.contract.name, activities.summary)

    def test_cron_no_second_activity_after_done(self):
        """A renewal activity marked done is not scheduled again for the same end date."""
        with freeze_time("2026-11-15"):
            self.Contract._cron_check_end_dates()
            self._renewal_activities(self.contract).action_done()
            self.Contract._cron_check_end_dates()

        self.assertFalse(self._renewal_activities(self.contract))

    def test_cron_new_end_date_new_activity(self):
        """Extending the end date allows a new reminder before the new end date."""
        with freeze_time("2026-11-15"):
            self.Contract._cron_check_end_dates()
            self._renewal_activities(self.contract).action_done()
        self.contract.date_end = "2027-06-30"

        with freeze_time("2027-05-15"):
            self.Contract._cron_check_end_dates()

        self.assertEqual(len(self._renewal_activities(self.contract)), 1)
        self.assertEqual(self.contract.renewal_activity_date_end, date(2027, 6, 30))

    def test_cron_outside_notice_no_activity(self):
        """A contract ending after the notice period gets no activity yet."""
        with freeze_time("2026-10-01"):
            self.Contract._cron_check_end_dates()

        self.assertFalse(self._renewal_activities(self.contract))

    def test_cron_activity_user(self):
        """The renewal contact's salesperson gets the activity, else the responsible."""
        cases = [
            (self.user_billing, self.user_billing),
            (self.user_guard, self.user_manager),
            (self.env["res.users"], self.user_manager),
        ]
        for salesperson, expected in cases:
            with self.subTest(salesperson=salesperson.login), freeze_time("2026-11-15"):
                contract = self._create_contract(
                    renewal_contact_id=self.renewal_contact.id,
                    user_id=self.user_manager.id,
                )
                contract.state = "active"
                self.renewal_contact.user_id = salesperson

                self.Contract._cron_check_end_dates()

                self.assertEqual(self._renewal_activities(contract).user_id, expected)


class TestContractReport(ContractCase):
    def setUp(self):
        super().setUp()
        # The report is printed in the client's language, which is Arabic in a
        # database created with Arabic loaded.
        self.client.lang = "en_US"
        self.contract.write(
            {
                "payment_term_id": self.payment_term.id,
                "billing_cycle": "quarterly",
                "amendment_ids": [
                    Command.create({"summary": "Two more guards at the emergency entrance."})
                ],
            }
        )

    def test_report_renders_summary(self):
        """The contract summary shows the reference, client, sites, terms and amendments."""
        html, _ = (
            self.env["ir.actions.report"]
            .with_user(self.user_billing)
            ._render_qweb_html(
                "security_guard_crm.action_report_contract_summary", self.contract.ids
            )
        )
        html = html.decode()

        for expected in (
            self.contract.name,
            self.client.name,
            self.site.name,
            self.payment_term.name,
            "Quarterly",
            "Two more guards at the emergency entrance.",
        ):
            with self.subTest(expected):
                self.assertIn(expected, html)

    def test_report_refused_without_billing(self):
        """Operations users cannot print the summary, even through the report URL."""
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.user_operations)._render_qweb_html(
                "security_guard_crm.action_report_contract_summary", self.contract.ids
            )

    def test_report_hidden_from_operations(self):
        """The Print menu entry is limited to billing users and managers."""
        report = self.env.ref("security_guard_crm.action_report_contract_summary")

        self.assertEqual(report.groups_id, self.env.ref("security_guard_crm.group_billing"))
