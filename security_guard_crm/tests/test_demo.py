import re

from odoo.tests import TransactionCase

from ..models import identifiers

# Entity type of each demo client, by XML id.
DEMO_CLIENTS = {
    "partner_demo_hospital": "government",
    "partner_demo_petrochemical": "company",
    "partner_demo_mall": "company",
    "partner_demo_compound": "establishment",
}

DEMO_SITES = [
    "site_demo_hospital_main",
    "site_demo_hospital_clinics",
    "site_demo_hospital_warehouse",
    "site_demo_petrochemical_plant",
    "site_demo_petrochemical_office",
    "site_demo_mall_main",
    "site_demo_mall_parking",
    "site_demo_compound_phase1",
    "site_demo_compound_phase2",
]

# Generous box around each city of the demo sites, as
# (south, west, north, east) in decimal degrees.
CITY_BOUNDS = {
    "الرياض": (24.40, 46.40, 25.10, 47.05),
    "جدة": (21.25, 39.05, 21.90, 39.40),
    "الدمام": (26.25, 49.90, 26.60, 50.25),
    "الجبيل الصناعية": (26.85, 49.40, 27.20, 49.80),
}

# Demo licences whose state on the day the demo data is loaded is not "valid".
NOT_VALID_LICENSES = {
    "site_license_demo_petrochemical_plant_hcis": "expiring",
    "site_license_demo_compound_phase1_surveillance": "expired",
}

DEMO_CONTRACTS = {
    "contract_demo_mall_previous": "expired",
    "contract_demo_compound_terminated": "terminated",
    "contract_demo_hospital": "active",
    "contract_demo_petrochemical": "active",
    "contract_demo_mall": "active",
    "contract_demo_compound_draft": "draft",
}

# Login of each demo user (also its password) and the addon group it gets.
DEMO_USERS = {
    "user_demo_guard": ("guard@example.com", "group_guard"),
    "user_demo_supervisor": ("supervisor@example.com", "group_supervisor"),
    "user_demo_operations": ("operations@example.com", "group_operations"),
    "user_demo_accountant": ("accountant@example.com", "group_billing"),
}

SAUDI_VAT_PATTERN = r"^3\d{13}3$"
# Demo phone numbers have 000 where a real number has its exchange.
PHONE_PATTERN = r"^\+966 \d{2} 000 \d{4}$"
CONTRACT_REFERENCE_PATTERN = r"^SGC/(\d{4})/(\d{4})$"


class TestDemo(TransactionCase):
    """Checks of the demo data: skipped in databases installed without it.

    The demo dates are relative to the day the demo data was loaded, so the
    checks compare them with that day (the creation day of the demo records),
    not with today.
    """

    def setUp(self):
        super().setUp()
        self.contract_petrochemical = self.env.ref(
            "security_guard_crm.contract_demo_petrochemical", raise_if_not_found=False
        )
        if not self.contract_petrochemical:
            self.skipTest("the database has no demo data of security_guard_crm")
        self.load_day = self.contract_petrochemical.create_date.date()

    def demo(self, xmlid):
        """Return the demo record of ``xmlid``, given without the module prefix."""
        return self.env.ref(f"security_guard_crm.{xmlid}")

    def test_clients_identity(self):
        """Each demo client is a Saudi company with a valid VAT number and CR."""
        for xmlid, entity_type in DEMO_CLIENTS.items():
            client = self.demo(xmlid)
            with self.subTest(client=xmlid):
                self.assertTrue(client.is_company)
                self.assertTrue(client.is_security_client)
                self.assertEqual(client.security_entity_type, entity_type)
                self.assertEqual(client.country_id, self.env.ref("base.sa"))
                self.assertRegex(client.vat, SAUDI_VAT_PATTERN)
                client.check_vat()
                if entity_type == "government":
                    self.assertFalse(client.company_registry)
                else:
                    self.assertTrue(identifiers.sa_cr_is_valid(client.company_registry))

    def test_clients_distinct_numbers(self):
        """No two demo clients share a VAT number or a commercial registration."""
        clients = [self.demo(xmlid) for xmlid in DEMO_CLIENTS]
        vats = [client.vat for client in clients]
        registries = [client.company_registry for client in clients if client.company_registry]

        self.assertEqual(len(set(vats)), len(vats))
        self.assertEqual(len(set(registries)), len(registries))

    def test_client_contacts(self):
        """Each client has a renewal and a billing contact with fictitious details."""
        for xmlid in DEMO_CLIENTS:
            client = self.demo(xmlid)
            contacts = client.child_ids
            with self.subTest(client=xmlid):
                self.assertTrue(client._get_security_contacts("renewal"))
                self.assertTrue(client._get_security_contacts("billing"))
                self.assertTrue(client.email.endswith("example.com"), client.email)
                self.assertRegex(client.phone, PHONE_PATTERN)
            for contact in contacts:
                with self.subTest(contact=contact.name):
                    self.assertTrue(contact.security_contact_role)
                    self.assertTrue(contact.email.endswith("example.com"), contact.email)
                    for number in (contact.phone, contact.mobile):
                        if number:
                            self.assertRegex(number, PHONE_PATTERN)

    def test_sites_address_and_position(self):
        """Each site has a full national address and a GPS position in its city."""
        for xmlid in DEMO_SITES:
            site = self.demo(xmlid)
            with self.subTest(site=xmlid):
                self.assertIn(site.partner_id, [self.demo(client) for client in DEMO_CLIENTS])
                self.assertEqual(site.country_id, self.env.ref("base.sa"))
                self.assertRegex(site.building_number, r"^\d{4}$")
                self.assertRegex(site.zip, r"^\d{5}$")
                self.assertRegex(site.additional_number, r"^\d{4}$")
                self.assertTrue(site.district)
                self.assertTrue(site.site_type)
                self.assertTrue(site.user_id.has_group("security_guard_crm.group_guard"))
                self.assertIn(site.city, CITY_BOUNDS)
                south, west, north, east = CITY_BOUNDS[site.city]
                self.assertTrue(south <= site.latitude <= north, site.latitude)
                self.assertTrue(west <= site.longitude <= east, site.longitude)

    def test_license_states(self):
        """One licence is expiring, one expired, the others valid on the load day."""
        licenses = self.env["security.site.license"].search(
            [("site_id", "in", [self.demo(xmlid).id for xmlid in DEMO_SITES])]
        )
        expected_by_license = {
            self.demo(xmlid): state for xmlid, state in NOT_VALID_LICENSES.items()
        }

        self.assertGreaterEqual(len(licenses), 10)
        for site_license in licenses:
            expected = expected_by_license.get(site_license, "valid")
            with self.subTest(license=site_license.name):
                self.assertEqual(site_license._get_state_on(self.load_day), expected)
                self.assertLess(site_license.date_issue, site_license.date_expiry)
                self.assertEqual(
                    site_license.activity_ids.activity_type_id,
                    self.env.ref("security_guard_crm.mail_activity_type_license_renewal"),
                )

    def test_contract_states_match_dates(self):
        """Each contract's state agrees with its dates on the load day."""
        day = self.load_day
        states = set()
        for xmlid, state in DEMO_CONTRACTS.items():
            contract = self.demo(xmlid)
            states.add(contract.state)
            with self.subTest(contract=xmlid):
                self.assertEqual(contract.state, state)
                self.assertLessEqual(contract.date_start, contract.date_end)
                if state == "draft":
                    self.assertGreater(contract.date_start, day)
                elif state == "active":
                    self.assertTrue(contract.date_start <= day <= contract.date_end)
                elif state == "expired":
                    self.assertLess(contract.date_end, day)
                else:
                    self.assertTrue(
                        contract.date_start <= contract.termination_date <= day,
                        contract.termination_date,
                    )
                    self.assertLess(contract.termination_date, contract.date_end)
                    self.assertTrue(contract.termination_reason)

        self.assertEqual(states, {"draft", "active", "expired", "terminated"})

    def test_contract_parties(self):
        """Contacts and sites of each contract belong to its client."""
        for xmlid in DEMO_CONTRACTS:
            contract = self.demo(xmlid)
            with self.subTest(contract=xmlid):
                self.assertEqual(contract.billing_contact_id.parent_id, contract.partner_id)
                self.assertEqual(contract.billing_contact_id.security_contact_role, "billing")
                self.assertEqual(contract.renewal_contact_id.parent_id, contract.partner_id)
                self.assertEqual(contract.renewal_contact_id.security_contact_role, "renewal")
                self.assertTrue(contract.site_ids)
                self.assertEqual(contract.site_ids.partner_id, contract.partner_id)
                self.assertTrue(contract.payment_term_id)
                self.assertTrue(contract.billing_cycle)
                self.assertTrue(contract.user_id.has_group("security_guard_crm.group_operations"))

    def test_contract_references(self):
        """References follow the sequence format, and the sequence continues after them."""
        numbers = []
        for xmlid in DEMO_CONTRACTS:
            contract = self.demo(xmlid)
            with self.subTest(contract=xmlid):
                match = re.match(CONTRACT_REFERENCE_PATTERN, contract.name)
                self.assertTrue(match, contract.name)
                year, number = int(match[1]), int(match[2])
                entry_day = self.load_day if contract.state == "draft" else contract.date_start
                self.assertEqual(year, entry_day.year)
                numbers.append(number)
        sequence = self.env.ref("security_guard_crm.seq_security_contract")

        self.assertGreater(sequence.number_next_actual, max(numbers))

    def test_petrochemical_amendments(self):
        """The petrochemical contract has amendments 1 and 2 within its period."""
        contract = self.contract_petrochemical
        amendments = contract.amendment_ids.sorted("date")

        self.assertEqual(amendments.mapped("name"), ["1", "2"])
        for amendment in amendments:
            with self.subTest(amendment=amendment.name):
                self.assertTrue(contract.date_start <= amendment.date <= self.load_day)
                self.assertTrue(amendment.summary)

    def test_documents_private(self):
        """The demo documents are private files of the expected type."""
        cases = [
            ("contract_demo_petrochemical", "signed_contract_file", "application/pdf"),
            ("contract_demo_petrochemical", "compliance_certificate_file", "application/pdf"),
            ("contract_amendment_demo_petrochemical_1", "document_file", "application/pdf"),
            ("site_license_demo_hospital_main_civil_defense", "document", "image/png"),
        ]
        Attachment = self.env["ir.attachment"]
        for xmlid, field_name, mimetype in cases:
            record = self.demo(xmlid)
            with self.subTest(record=xmlid, field=field_name):
                attachment = Attachment.search(
                    [
                        ("res_model", "=", record._name),
                        ("res_id", "=", record.id),
                        ("res_field", "=", field_name),
                    ]
                )
                self.assertEqual(len(attachment), 1)
                self.assertEqual(attachment.mimetype, mimetype)
                self.assertFalse(attachment.public)
        client_document = self.demo("attachment_demo_petrochemical_cr")

        self.assertEqual(client_document.mimetype, "image/png")
        self.assertFalse(client_document.public)
        client_documents = Attachment.search(
            self.demo("partner_demo_petrochemical")._get_security_document_domain()
        )
        self.assertIn(client_document, client_documents)

    def test_users_log_in(self):
        """Each demo user has its role and logs in with its login as password."""
        for xmlid, (login, group) in DEMO_USERS.items():
            user = self.demo(xmlid)
            with self.subTest(user=login):
                self.assertEqual(user.login, login)
                self.assertTrue(user.has_group(f"security_guard_crm.{group}"))
                self.assertEqual(user.notification_type, "inbox")
                auth_info = user.with_user(user)._check_credentials(
                    {"type": "password", "login": login, "password": login},
                    {"interactive": False},
                )
                self.assertEqual(auth_info["uid"], user.id)
