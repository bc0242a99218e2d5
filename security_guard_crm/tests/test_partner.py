import base64
from ast import literal_eval

from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, HttpCase, tagged

from .common import SecurityGuardCase


class ClientFormCase(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # Odoo's default user template gives every internal user the right to
        # create contacts; the test users start without it.
        cls.user_manager.groups_id |= cls.env.ref("base.group_partner_manager")


class TestClientIdentifiers(ClientFormCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.country_ae = cls.env.ref("base.ae")
        cls.country_eg = cls.env.ref("base.eg")

    def _create_client(self, country, company_registry, **values):
        return self.env["res.partner"].with_context(lang="en_US").create(
            {
                "name": "Al Noor Shopping Mall",
                "is_company": True,
                "is_security_client": True,
                "security_entity_type": "company",
                "country_id": country.id,
                "company_registry": company_registry,
                **values,
            }
        )

    def test_saudi_cr_valid(self):
        """A Saudi client accepts a CR of 10 digits, with spaces or Arabic digits,
        and stores Arabic digits as ASCII."""
        cases = [
            ("1010123456", "1010123456"),
            ("4030 123 456", "4030 123 456"),
            ("\u0661\u0660\u0661\u0660\u0661\u0662\u0663\u0664\u0665\u0666", "1010123456"),
        ]
        for number, stored in cases:
            with self.subTest(number=number):
                client = self._create_client(self.country_sa, number)
                self.assertEqual(client.company_registry, stored)

    def test_saudi_cr_invalid(self):
        """A Saudi client rejects a CR that is not 10 digits, naming the number."""
        for number in ("101012345", "10101234567", "CR1010123456", "1010/123456"):
            with self.subTest(number=number):
                with self.assertRaises(ValidationError) as caught:
                    self._create_client(self.country_sa, number)
                message = str(caught.exception)
                self.assertIn(number, message)
                self.assertIn("10 digits", message)

    def test_uae_trade_license(self):
        """A UAE client accepts trade licence numbers and rejects malformed ones."""
        cases = [
            ("CN-1234567", True),
            ("654321", True),
            ("AB1", False),
            ("TRADE LICENCE", False),
            ("CN#1234567", False),
        ]
        for number, valid in cases:
            with self.subTest(number=number):
                if valid:
                    client = self._create_client(self.country_ae, number)
                    self.assertEqual(client.company_registry, number)
                    continue
                with self.assertRaises(ValidationError) as caught:
                    self._create_client(self.country_ae, number)
                self.assertIn(number, str(caught.exception))

    def test_cr_ignored_outside_scope(self):
        """Other countries and partners that are not security clients are not checked."""
        cases = [
            ("Saudi supplier", self.country_sa, False),
            ("Emirati supplier", self.country_ae, False),
            ("Egyptian client", self.country_eg, True),
        ]
        for name, country, is_client in cases:
            with self.subTest(name=name):
                partner = self.env["res.partner"].create(
                    {
                        "name": name,
                        "is_company": True,
                        "is_security_client": is_client,
                        "country_id": country.id,
                        "company_registry": "12-AB",
                    }
                )
                self.assertEqual(partner.company_registry, "12-AB")

    def test_cr_checked_when_becoming_client(self):
        """Marking a partner with an invalid CR as a client is rejected."""
        partner = self.env["res.partner"].create(
            {
                "name": "Gulf Cement Factory",
                "is_company": True,
                "country_id": self.country_sa.id,
                "company_registry": "12345",
            }
        )

        with self.assertRaises(ValidationError) as caught:
            partner.is_security_client = True

        self.assertIn("12345", str(caught.exception))

    def test_cr_checked_on_contact_of_client(self):
        """A contact of a client with a CR of its own is checked like the client."""
        owner = self._create_client(
            self.country_sa, False, name="Faisal Al-Harbi", is_company=False,
            security_entity_type="establishment",
        )

        with self.assertRaises(ValidationError) as caught:
            self.env["res.partner"].create(
                {
                    "name": "Al-Harbi Trading Establishment",
                    "parent_id": owner.id,
                    "country_id": self.country_sa.id,
                    "company_registry": "98765",
                }
            )

        self.assertIn("98765", str(caught.exception))

    def test_cr_label_by_country(self):
        """Saudi and Emirati partners name the company registry after the local register."""
        cases = [
            (self.country_sa, "Commercial Registration"),
            (self.country_ae, "Trade Licence"),
            (self.country_eg, "Company ID"),
        ]
        for country, label in cases:
            with self.subTest(country=country.code):
                partner = (
                    self.env["res.partner"]
                    .with_context(lang="en_US")
                    .new({"country_id": country.id})
                )
                self.assertEqual(partner.company_registry_label, label)

    def _new_client_form(self):
        """Return the client form of a new client, opened by a manager from the Clients menu."""
        form = Form(
            self.env["res.partner"]
            .with_user(self.user_manager)
            .with_context(default_is_security_client=True, default_is_company=True)
        )
        form.name = "Riyadh Business Park"
        return form

    def test_client_form_invalid_vat(self):
        """The client form rejects an invalid Saudi VAT number and names it."""
        form = self._new_client_form()
        form.country_id = self.country_sa
        form.security_entity_type = "company"
        form.vat = "300000000000001"

        with self.assertRaises(ValidationError) as caught:
            form.save()

        self.assertIn("300000000000001", str(caught.exception))

    def test_client_form_valid_identifiers(self):
        """The client form saves a valid VAT number and compacts the Saudi CR."""
        form = self._new_client_form()
        form.country_id = self.country_sa
        form.security_entity_type = "company"
        form.vat = "310175397400003"
        form.company_registry = "\u0661\u0660\u0661\u0660 \u0661\u0662\u0663 \u0664\u0665\u0666"

        client = form.save()

        self.assertEqual(client.vat, "310175397400003")
        self.assertEqual(client.company_registry, "1010123456")
        self.assertTrue(client.is_security_client)

    def test_client_form_invalid_cr(self):
        """The client form rejects an invalid Saudi CR and names it."""
        form = self._new_client_form()
        form.country_id = self.country_sa
        form.security_entity_type = "company"
        form.company_registry = "1010-12345"

        with self.assertRaises(ValidationError) as caught:
            form.save()

        self.assertIn("1010-12345", str(caught.exception))

    def test_client_form_requires_entity_type(self):
        """The client form does not save a client without an entity type."""
        form = self._new_client_form()

        with self.assertRaisesRegex(AssertionError, "security_entity_type"):
            form.save()


class TestClientContacts(ClientFormCase):
    def test_get_security_contacts(self):
        """Contacts are found by role from the client and from any of its contacts."""
        legal_contact = self.env["res.partner"].create(
            {
                "name": "Nora Al-Shehri",
                "parent_id": self.client.id,
                "security_contact_role": "legal",
            }
        )
        cases = [
            ("billing", self.billing_contact),
            ("renewal", self.renewal_contact),
            ("legal", legal_contact),
            ("operations", self.env["res.partner"]),
        ]
        for role, expected in cases:
            with self.subTest(role=role):
                self.assertEqual(self.client._get_security_contacts(role), expected)
                self.assertEqual(self.billing_contact._get_security_contacts(role), expected)

    def test_get_security_contacts_skips_archived(self):
        """An archived contact is no longer returned for its role."""
        self.billing_contact.active = False

        self.assertFalse(self.client._get_security_contacts("billing"))

    def test_get_security_contacts_unknown_role(self):
        """Asking for a role that does not exist is a programming error."""
        with self.assertRaises(ValueError):
            self.client._get_security_contacts("cleaning")

    def test_client_form_adds_contact_with_role(self):
        """A contact added on the client form keeps the role chosen there."""
        form = Form(self.client.with_user(self.user_manager))
        with form.child_ids.new() as contact:
            contact.type = "contact"
            contact.name = "Majed Al-Dosari"
            contact.security_contact_role = "operations"
        form.save()

        self.assertEqual(
            self.client._get_security_contacts("operations").name, "Majed Al-Dosari"
        )

    def test_tracking(self):
        """Changes of client status and entity type are logged in the chatter."""
        client = self.client.with_context(tracking_disable=False)
        # Odoo does not track records created in the same transaction: end
        # that transaction's tracking before the change under test.
        self.env.flush_all()
        self.env.cr.precommit.run()

        client.write({"security_entity_type": "company", "is_security_client": False})
        self.env.flush_all()
        self.env.cr.precommit.run()

        messages = self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", client.id)]
        )
        tracked = messages.tracking_value_ids.field_id.mapped("name")
        self.assertIn("security_entity_type", tracked)
        self.assertIn("is_security_client", tracked)


class TestClientSmartButtons(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site_north = cls.env["security.site"].create(
            {"name": "North Wing Car Park", "partner_id": cls.client.id}
        )
        cls.amendment = cls.env["security.contract.amendment"].create(
            {
                "name": "AMD-1",
                "contract_id": cls.contract.id,
                "summary": "Two more guards at the emergency entrance.",
            }
        )
        cls.other_client = cls.env["res.partner"].create(
            {
                "name": "Eastern Province Bank",
                "is_company": True,
                "is_security_client": True,
                "security_entity_type": "company",
            }
        )
        cls.other_site = cls.env["security.site"].create(
            {"name": "Head Office", "partner_id": cls.other_client.id}
        )
        cls.documents = {
            "client": cls._attach(cls.client),
            "site": cls._attach(cls.site),
            "license": cls._attach(cls.license),
            "contract": cls._attach(cls.contract),
            "amendment": cls._attach(cls.amendment),
        }
        cls.other_document = cls._attach(cls.other_site)

    @classmethod
    def _attach(cls, record):
        return cls.env["ir.attachment"].create(
            {
                "name": f"{record._name} {record.id}.pdf",
                "res_model": record._name,
                "res_id": record.id,
                "raw": b"%PDF-1.4",
            }
        )

    def test_counts(self):
        """Each client counts its own sites, licences, contracts and documents."""
        clients = (self.client | self.other_client).with_user(self.user_manager)
        expected = {
            "security_site_count": (2, 1),
            "security_license_count": (1, 0),
            "security_contract_count": (1, 0),
            "security_document_count": (5, 1),
        }
        for fname, counts in expected.items():
            with self.subTest(field=fname):
                self.assertEqual(tuple(clients.mapped(fname)), counts)

    def test_counts_query_count(self):
        """Counting for several clients takes as many queries as for one."""
        fnames = [
            "security_site_count",
            "security_license_count",
            "security_contract_count",
            "security_document_count",
        ]
        more_clients = self.env["res.partner"].create(
            [
                {"name": f"Client {index}", "is_company": True, "is_security_client": True}
                for index in range(3)
            ]
        )
        for client in more_clients:
            site = self.env["security.site"].create({"name": "Gate", "partner_id": client.id})
            self._attach(site)
        clients_one = self.client.with_user(self.user_manager)
        clients_many = (self.client | more_clients).with_user(self.user_manager)
        clients_many.read(fnames)  # warm the access caches

        queries = []
        for clients in (clients_one, clients_many):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            clients.read(fnames)
            queries.append(self.env.cr.sql_log_count - before)

        self.assertEqual(queries[0], queries[1])

    def test_counts_hidden_by_group(self):
        """Billing users cannot read licence counts, guards cannot read contract counts."""
        cases = [
            (self.user_billing, "security_license_count"),
            (self.user_guard, "security_contract_count"),
            (self.user_employee, "security_site_count"),
        ]
        for user, fname in cases:
            with self.subTest(user=user.login, field=fname):
                with self.assertRaises(AccessError):
                    self.client.with_user(user).read([fname])

    def test_documents_by_group(self):
        """Each group gets only the documents of the records it may read."""
        cases = [
            (self.user_guard, {"client", "site", "license"}),
            (self.user_supervisor, {"client", "site", "license"}),
            (self.user_billing, {"client", "site", "contract", "amendment"}),
            (self.user_operations, {"client", "site", "license", "contract", "amendment"}),
            (self.user_manager, {"client", "site", "license", "contract", "amendment"}),
        ]
        for user, visible in cases:
            with self.subTest(user=user.login):
                client = self.client.with_user(user)
                action = client.action_view_security_documents()
                documents = self.env["ir.attachment"].with_user(user).search(action["domain"])

                expected = self.env["ir.attachment"].union(
                    *(self.documents[key] for key in visible)
                )
                self.assertEqual(documents, expected)
                self.assertEqual(client.security_document_count, len(visible))

    def test_documents_skip_public_contract_attachment(self):
        """A guard does not get a contract attachment, even one marked public."""
        self.env.cr.execute(
            "UPDATE ir_attachment SET public = TRUE WHERE id = %s",
            [self.documents["contract"].id],
        )
        self.env.invalidate_all()

        action = self.client.with_user(self.user_guard).action_view_security_documents()
        documents = self.env["ir.attachment"].with_user(self.user_guard).search(action["domain"])

        self.assertNotIn(self.documents["contract"], documents)

    def test_documents_action_context(self):
        """A document created from the Documents list is attached to the client."""
        action = self.client.with_user(self.user_manager).action_view_security_documents()
        Attachment = self.env["ir.attachment"].with_user(self.user_manager)

        document = Attachment.with_context(action["context"]).create(
            {"name": "Site survey.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )

        self.assertEqual((document.res_model, document.res_id), ("res.partner", self.client.id))
        self.assertIn(document, Attachment.search(action["domain"]))

    def test_public_document_rejected(self):
        """Documents of a client file cannot be made public, but other attachments can."""
        for key, document in self.documents.items():
            with self.subTest(document=key):
                with self.assertRaises(ValidationError) as caught:
                    document.public = True
                self.assertIn(document.name, str(caught.exception))
        supplier = self.env["res.partner"].create({"name": "Uniform Supplier"})
        brochure = self._attach(supplier)

        brochure.public = True

        self.assertTrue(brochure.public)

    def test_actions_filter_and_default(self):
        """Each smart button opens the client's records and creates for the client."""
        client = self.client.with_user(self.user_manager)
        cases = [
            ("action_view_security_sites", "security.site", self.site | self.site_north),
            ("action_view_security_licenses", "security.site.license", self.license),
            ("action_view_security_contracts", "security.contract", self.contract),
        ]
        for method, model, expected in cases:
            with self.subTest(action=method):
                action = getattr(client, method)()
                self.assertEqual(action["res_model"], model)
                records = self.env[model].with_user(self.user_manager).search(action["domain"])
                self.assertEqual(records, expected)
        self.assertEqual(
            client.action_view_security_sites()["context"], {"default_partner_id": client.id}
        )
        self.assertEqual(
            client.action_view_security_contracts()["context"], {"default_partner_id": client.id}
        )

    def test_license_action_defaults_single_site(self):
        """The Licences button proposes the site only when the client has one."""
        self.assertEqual(
            self.other_client.action_view_security_licenses()["context"],
            {"default_site_id": self.other_site.id},
        )
        self.assertEqual(self.client.action_view_security_licenses()["context"], {})


class TestClientViews(SecurityGuardCase):
    def _form_arch(self, user):
        views = self.env["res.partner"].with_user(user).get_views([(False, "form")])
        return views["views"]["form"]["arch"]

    def test_smart_buttons_by_group(self):
        """The client form shows each smart button only to the groups allowed to use it."""
        buttons = {
            "sites": 'name="action_view_security_sites"',
            "licenses": 'name="action_view_security_licenses"',
            "contracts": 'name="action_view_security_contracts"',
            "documents": 'name="action_view_security_documents"',
        }
        cases = [
            (self.user_guard, {"sites", "licenses", "documents"}),
            (self.user_billing, {"sites", "contracts", "documents"}),
            (self.user_operations, {"sites", "licenses", "contracts", "documents"}),
            (self.user_employee, set()),
        ]
        for user, visible in cases:
            arch = self._form_arch(user)
            for button, marker in buttons.items():
                with self.subTest(user=user.login, button=button):
                    self.assertEqual(marker in arch, button in visible)

    def test_client_form_opens_for_employee(self):
        """An employee outside the addon's groups can still open a client's form."""
        form = Form(self.client.with_user(self.user_employee))

        self.assertEqual(form.name, self.client.name)

    def test_client_form_opens_for_guard(self):
        """A guard opens a client's form with its sites and counts."""
        form = Form(self.client.with_user(self.user_guard))

        self.assertEqual(form.security_site_count, 1)
        self.assertEqual(form.security_license_count, 1)
        self.assertEqual(len(form.security_site_ids), 1)

    def test_client_action_views(self):
        """The Clients menu opens security clients in the client list and kanban."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.res_partner_action_security_client"
        )
        views = dict((mode, view_id) for view_id, mode in action["views"])

        self.assertEqual(
            views["list"], self.env.ref("security_guard_crm.res_partner_view_list_security_client").id
        )
        self.assertEqual(
            views["kanban"],
            self.env.ref("security_guard_crm.res_partner_view_kanban_security_client").id,
        )
        clients = self.env["res.partner"].search(literal_eval(action["domain"]))
        self.assertIn(self.client, clients)
        self.assertNotIn(self.billing_contact, clients)
        for user in (self.user_guard, self.user_billing):
            with self.subTest(user=user.login):
                self.env["res.partner"].with_user(user).get_views(
                    [(views["kanban"], "kanban"), (views["list"], "list"), (False, "search")]
                )

    def test_search_by_tag_and_entity_type(self):
        """Clients are found by security tag and by entity type."""
        healthcare = self.env.ref("security_guard_crm.tag_healthcare")
        self.client.security_tag_ids = [Command.link(healthcare.id)]
        self.other_client = self.env["res.partner"].create(
            {
                "name": "Eastern Province Bank",
                "is_company": True,
                "is_security_client": True,
                "security_entity_type": "company",
            }
        )
        Partner = self.env["res.partner"].with_user(self.user_billing)

        tagged = Partner.search([("security_tag_ids", "in", healthcare.ids)])
        governments = Partner.search([("security_entity_type", "=", "government")])

        self.assertIn(self.client, tagged)
        self.assertNotIn(self.other_client, tagged)
        self.assertIn(self.client, governments)
        self.assertNotIn(self.other_client, governments)


BROWSER_HELPERS = """
const waitFor = (selector) => new Promise((resolve, reject) => {
    const start = Date.now();
    const poll = () => {
        const element = document.querySelector(selector);
        if (element) {
            resolve(element);
        } else if (Date.now() - start > 20000) {
            reject(new Error(`${selector} not found`));
        } else {
            setTimeout(poll, 100);
        }
    };
    poll();
});
"""


@tagged("post_install", "-at_install")
class TestClientScreens(SecurityGuardCase, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.attachment"].create(
            {
                "name": "Site survey.pdf",
                "res_model": "security.site",
                "res_id": cls.site.id,
                "raw": b"%PDF-1.4",
            }
        )
        cls.action_path = "/odoo/action-security_guard_crm.res_partner_action_security_client"

    def test_client_kanban_and_list(self):
        """The Clients menu renders its kanban and list views without errors."""
        code = BROWSER_HELPERS + """
        (async () => {
            await waitFor(".o_kanban_record:not(.o_kanban_ghost)");
            (await waitFor(".o_switch_view.o_list")).click();
            await waitFor(".o_list_view .o_data_row");
            console.log("test successful");
        })().catch((error) => console.error(error.message));
        """
        self.browser_js(self.action_path, code, login="sgcrm_manager")

    def test_guard_opens_client_documents(self):
        """A guard opens the Security tab and the Documents list of a client."""
        code = BROWSER_HELPERS + """
        (async () => {
            (await waitFor(".o_notebook a[name='security_client']")).click();
            await waitFor(".o_field_widget[name='security_site_ids'] .o_data_row");
            if (document.querySelector("button[name='action_view_security_contracts']")) {
                throw new Error("a guard sees the Contracts button");
            }
            (await waitFor("button[name='action_view_security_documents']")).click();
            await waitFor(".o_list_view .o_data_row");
            console.log("test successful");
        })().catch((error) => console.error(error.message));
        """
        self.browser_js(f"{self.action_path}/{self.client.id}", code, login="sgcrm_guard")


class TestClientTagCompany(SecurityGuardCase):
    def test_tag_of_other_company_rejected(self):
        """A client cannot carry a tag that belongs to another company."""
        other_company = self.env["res.company"].create({"name": "Jeddah Branch"})
        tag = self.env["security.tag"].create(
            {"name": "Jeddah Port", "company_id": other_company.id}
        )
        self.client.company_id = self.company

        with self.assertRaises(UserError):
            self.client.security_tag_ids = [Command.link(tag.id)]


class TestSecuritySettings(SecurityGuardCase):
    def test_negative_days_rejected(self):
        """Reminder days below zero are rejected with the value in the message."""
        for fname in ("security_license_warning_days", "security_contract_notice_days"):
            with self.subTest(field=fname):
                with self.assertRaises(ValidationError) as caught:
                    self.company.write({fname: -5})
                self.assertIn("-5", str(caught.exception))

    def test_zero_days_accepted(self):
        """Zero days is a valid setting: the reminder comes on the day itself."""
        self.company.write(
            {"security_license_warning_days": 0, "security_contract_notice_days": 0}
        )

        self.assertEqual(self.company.security_license_warning_days, 0)

    def test_settings_form(self):
        """The settings form stores the reminder days on the current company."""
        form = Form(self.env["res.config.settings"])
        form.security_license_warning_days = 45
        form.security_contract_notice_days = 90

        form.save().execute()

        self.assertEqual(self.company.security_license_warning_days, 45)
        self.assertEqual(self.company.security_contract_notice_days, 90)


# A valid 1x1 PNG, so that the partner avatar (an image field) has a file.
PNG_1PX = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6"
    "kgAAAABJRU5ErkJggg=="
)


class TestClientDocumentFiles(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        pdf = base64.b64encode(b"%PDF-1.4")
        cls.amendment = cls.env["security.contract.amendment"].create(
            {
                "name": "AMD-1",
                "contract_id": cls.contract.id,
                "summary": "Two more guards at the emergency entrance.",
                "document_file": pdf,
                "document_filename": "Amendment 1 signed.pdf",
            }
        )
        cls.contract.write(
            {
                "signed_contract_file": pdf,
                "signed_contract_filename": "Contract KFGH signed.pdf",
                # No file name: the documents list falls back to the field label.
                "compliance_certificate_file": pdf,
            }
        )
        cls.license.write({"document": pdf, "document_filename": "Civil defence licence.png"})
        cls.client.image_1920 = PNG_1PX
        cls.plain = cls.env["ir.attachment"].create(
            {
                "name": "Site survey.pdf",
                "res_model": "res.partner",
                "res_id": cls.client.id,
                "raw": b"%PDF-1.4",
            }
        )
        cls.files = {
            "signed_contract": cls._field_attachment(cls.contract, "signed_contract_file"),
            "compliance": cls._field_attachment(cls.contract, "compliance_certificate_file"),
            "amendment": cls._field_attachment(cls.amendment, "document_file"),
            "license": cls._field_attachment(cls.license, "document"),
            "plain": cls.plain,
        }

    @classmethod
    def _field_attachment(cls, record, field_name):
        return cls.env["ir.attachment"].search(
            [
                ("res_model", "=", record._name),
                ("res_id", "=", record.id),
                ("res_field", "=", field_name),
            ]
        )

    def _documents(self, user):
        client = self.client.with_user(user)
        action = client.action_view_security_documents()
        return self.env["ir.attachment"].with_user(user).search(action["domain"])

    def test_field_files_listed(self):
        """The Documents list contains the files of document fields, but not the avatar."""
        avatar = self._field_attachment(self.client, "image_1920")
        self.assertTrue(avatar)
        for key, attachment in self.files.items():
            with self.subTest(file=key):
                self.assertEqual(len(attachment), 1)

        documents = self._documents(self.user_manager)

        self.assertEqual(documents, self.env["ir.attachment"].union(*self.files.values()))
        self.assertNotIn(avatar, documents)
        self.assertEqual(self.client.with_user(self.user_manager).security_document_count, 5)

    def test_field_files_by_group(self):
        """Each group gets the field files it may read, never a field restricted to others."""
        cases = [
            (self.user_guard, {"license", "plain"}),
            (self.user_operations, {"compliance", "amendment", "license", "plain"}),
            (self.user_billing, {"signed_contract", "compliance", "amendment", "plain"}),
            (self.user_manager, set(self.files)),
        ]
        for user, visible in cases:
            with self.subTest(user=user.login):
                documents = self._documents(user)

                expected = self.env["ir.attachment"].union(*(self.files[key] for key in visible))
                self.assertEqual(documents, expected)
                self.assertEqual(
                    self.client.with_user(user).security_document_count, len(visible)
                )

    def test_signed_contract_hidden_from_operations(self):
        """ir.attachment's search drops the signed contract for users outside billing."""
        domain = [("res_field", "=", "signed_contract_file"), ("res_id", "=", self.contract.id)]
        cases = [
            (self.user_operations, self.env["ir.attachment"]),
            (self.user_billing, self.files["signed_contract"]),
        ]
        for user, expected in cases:
            with self.subTest(user=user.login):
                found = self.env["ir.attachment"].with_user(user).search(domain)

                self.assertEqual(found, expected)

    def test_document_name_and_kind(self):
        """A field file is named after its record's file name, else its field label."""
        cases = [
            ("signed_contract", "Contract KFGH signed.pdf", "Signed Contract"),
            ("compliance", "Compliance Certificate", "Compliance Certificate"),
            ("amendment", "Amendment 1 signed.pdf", "Document"),
            ("license", "Civil defence licence.png", "Document"),
            ("plain", "Site survey.pdf", "Attachment"),
        ]
        for key, name, kind in cases:
            with self.subTest(file=key):
                attachment = self.files[key].with_user(self.user_manager)

                self.assertEqual(attachment.security_document_name, name)
                self.assertEqual(attachment.security_document_kind, kind)

    def test_document_name_follows_record(self):
        """Renaming the file on its record renames the document in the list."""
        self.contract.signed_contract_filename = "Contract KFGH final.pdf"

        attachment = self.files["signed_contract"].with_user(self.user_billing)

        self.assertEqual(attachment.security_document_name, "Contract KFGH final.pdf")

    def test_rename_plain_document(self):
        """Editing the document name of a plain attachment renames the attachment."""
        document = self.plain.with_user(self.user_manager)

        document.security_document_name = "Site survey 2026.pdf"

        self.assertEqual(document.name, "Site survey 2026.pdf")

    def test_create_document_by_name(self):
        """A new line of the Documents list needs only the document name and file."""
        action = self.client.with_user(self.user_manager).action_view_security_documents()
        Attachment = self.env["ir.attachment"].with_user(self.user_manager)

        document = Attachment.with_context(action["context"]).create(
            {"security_document_name": "Guard roster.pdf", "datas": base64.b64encode(b"%PDF-1.4")}
        )

        self.assertEqual(document.name, "Guard roster.pdf")
        self.assertEqual(document.mimetype, "application/pdf")
        self.assertIn(document, Attachment.search(action["domain"]))

    def test_rename_field_file_rejected(self):
        """A field file cannot be renamed from the Documents list; the error names its record."""
        attachment = self.files["signed_contract"].with_user(self.user_billing)

        with self.assertRaises(UserError) as caught:
            attachment.security_document_name = "Other name.pdf"

        self.assertIn("Signed Contract", str(caught.exception))
        self.assertIn(self.contract.name, str(caught.exception))
        self.assertEqual(attachment.name, "signed_contract_file")

    def test_document_names_query_count(self):
        """Naming the field files of several contracts takes as many queries as for one."""
        pdf = base64.b64encode(b"%PDF-1.4")
        contracts = self.env["security.contract"].create(
            [
                {
                    "partner_id": self.client.id,
                    "date_start": "2026-01-01",
                    "date_end": "2026-12-31",
                    "signed_contract_file": pdf,
                    "signed_contract_filename": f"Contract {index}.pdf",
                    "compliance_certificate_file": pdf,
                    "compliance_certificate_filename": f"Certificate {index}.pdf",
                }
                for index in range(3)
            ]
        )
        Attachment = self.env["ir.attachment"].with_user(self.user_manager)
        domain = [
            ("res_model", "=", "security.contract"),
            ("res_field", "in", ["signed_contract_file", "compliance_certificate_file"]),
        ]
        one = Attachment.search(domain + [("res_id", "=", self.contract.id)])
        many = Attachment.search(domain + [("res_id", "in", (self.contract | contracts).ids)])
        fnames = ["security_document_name", "security_document_kind"]
        many.read(fnames)  # warm the access caches

        queries = []
        for attachments in (one, many):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            attachments.read(fnames)
            queries.append(self.env.cr.sql_log_count - before)

        self.assertEqual(len(many), 8)
        self.assertEqual(queries[0], queries[1])


class TestClientFileLayout(SecurityGuardCase):
    def test_contact_cards_show_numbers_left_to_right(self):
        """The contact cards of the client form write phone, mobile and email left to right."""
        views = self.env["res.partner"].get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])
        for fname in ("phone", "mobile", "email"):
            with self.subTest(field=fname):
                fields = arch.xpath(f"//field[@name='child_ids']/kanban//field[@name='{fname}']")

                self.assertTrue(fields)
                self.assertIn("o_force_ltr", fields[0].get("class", "").split())

    def test_site_licences_have_phone_cards(self):
        """A site's licences have a kanban, which Odoo shows on phones instead of the list."""
        views = self.env["security.site"].with_user(self.user_guard).get_views([(False, "form")])
        arch = etree.fromstring(views["views"]["form"]["arch"])

        licences = arch.xpath("//field[@name='license_ids']")

        self.assertTrue(licences)
        self.assertTrue(licences[0].xpath("./list"))
        self.assertTrue(licences[0].xpath("./kanban//field[@name='name']"))
        self.assertTrue(licences[0].xpath("./kanban//field[@name='state']"))
