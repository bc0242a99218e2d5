from odoo import Command
from odoo.tests.common import TransactionCase, new_test_user


class SecurityGuardCase(TransactionCase):
    """Base for the addon's tests: one user per group and a small client file.

    The data is built here, so the tests pass with and without demo data.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.country_sa = cls.env.ref("base.sa")

        cls.user_guard = cls._make_user("guard", "group_guard")
        cls.user_supervisor = cls._make_user("supervisor", "group_supervisor")
        cls.user_operations = cls._make_user("operations", "group_operations")
        cls.user_billing = cls._make_user("billing", "group_billing")
        cls.user_custodian = cls._make_user("custodian", "group_custodian")
        cls.user_manager = cls._make_user("manager", "group_manager")
        cls.user_employee = new_test_user(
            cls.env, login="sgcrm_employee", groups="base.group_user"
        )

        cls.client = cls.env["res.partner"].create(
            {
                "name": "King Fahd General Hospital",
                "is_company": True,
                "is_security_client": True,
                "security_entity_type": "government",
                "country_id": cls.country_sa.id,
            }
        )
        cls.billing_contact = cls.env["res.partner"].create(
            {
                "name": "Sara Al-Qahtani",
                "parent_id": cls.client.id,
                "security_contact_role": "billing",
            }
        )
        cls.renewal_contact = cls.env["res.partner"].create(
            {
                "name": "Fahad Al-Otaibi",
                "parent_id": cls.client.id,
                "security_contact_role": "renewal",
            }
        )
        cls.site = cls.env["security.site"].create(
            {
                "name": "Main Hospital Campus",
                "partner_id": cls.client.id,
                "latitude": 24.7136,
                "longitude": 46.6753,
            }
        )
        cls.license_type = cls.env["security.license.type"].create(
            {"name": "Civil Defence Safety Licence"}
        )
        cls.license = cls.env["security.site.license"].create(
            {
                "name": "CD-2026-0001",
                "site_id": cls.site.id,
                "license_type_id": cls.license_type.id,
                "date_issue": "2026-01-01",
                "date_expiry": "2027-01-01",
            }
        )
        cls.contract = cls.env["security.contract"].create(
            {
                "partner_id": cls.client.id,
                "site_ids": [Command.link(cls.site.id)],
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )

    @classmethod
    def _make_user(cls, login, group):
        return new_test_user(
            cls.env,
            login=f"sgcrm_{login}",
            name=f"Test {login.title()}",
            groups=f"security_guard_crm.{group}",
        )


class AccessCase(SecurityGuardCase):
    """Base of the access tests: the users by role and one record of each model."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users_by_role = {
            "guard": cls.user_guard,
            "supervisor": cls.user_supervisor,
            "operations": cls.user_operations,
            "billing": cls.user_billing,
            "custodian": cls.user_custodian,
            "manager": cls.user_manager,
            "employee": cls.user_employee,
        }
        cls.tag = cls.env["security.tag"].create(
            {"name": "Hospital", "company_id": cls.company.id}
        )
        cls.amendment = cls.env["security.contract.amendment"].create(
            {
                "name": "AMD-0001",
                "contract_id": cls.contract.id,
                "summary": "Two more guards at the emergency entrance.",
            }
        )
        cls.records_by_model = {
            "security.tag": cls.tag,
            "security.license.type": cls.license_type,
            "security.site": cls.site,
            "security.site.license": cls.license,
            "security.contract": cls.contract,
            "security.contract.amendment": cls.amendment,
        }

