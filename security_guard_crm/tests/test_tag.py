from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tools import mute_logger

from .common import SecurityGuardCase

DEFAULT_TAGS = [
    "tag_maintenance_contract",
    "tag_government_assets",
    "tag_industrial_guarding",
    "tag_residential_compound",
    "tag_healthcare",
    "tag_retail_mall",
    "tag_oil_gas",
    "tag_vip_events",
    "tag_banking",
    "tag_education",
]


class TestSecurityTag(SecurityGuardCase):
    def test_default_tags(self):
        """The default tags are shared by all companies and kept on update."""
        for xmlid in DEFAULT_TAGS:
            with self.subTest(tag=xmlid):
                tag = self.env.ref(f"security_guard_crm.{xmlid}")
                self.assertFalse(tag.company_id)
                data = self.env["ir.model.data"].search(
                    [("module", "=", "security_guard_crm"), ("name", "=", xmlid)]
                )
                self.assertTrue(data.noupdate)

    def test_name_unique_per_company(self):
        """Two tags of the same company cannot have the same name."""
        self.env["security.tag"].create({"name": "Airport", "company_id": self.company.id})

        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self.env["security.tag"].create({"name": "Airport", "company_id": self.company.id})

    def test_tag_rights(self):
        """Guards read tags, operations create them, only managers delete them."""
        tag = self.env.ref("security_guard_crm.tag_banking")
        self.assertEqual(tag.with_user(self.user_guard).name, "Banking")
        with self.assertRaises(AccessError):
            self.env["security.tag"].with_user(self.user_guard).create({"name": "Ports"})
        ports = self.env["security.tag"].with_user(self.user_operations).create({"name": "Ports"})
        with self.assertRaises(AccessError):
            ports.unlink()

        ports.with_user(self.user_manager).unlink()

        self.assertFalse(ports.exists())

    def test_tag_views(self):
        """The tag menu opens an editable list, a form and a search view."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_tag_action"
        )
        views = self.env["security.tag"].with_user(self.user_manager).get_views(
            [(False, "list"), (False, "form"), (action["search_view_id"][0], "search")]
        )

        self.assertIn('editable="bottom"', views["views"]["list"]["arch"])
        self.assertIn('name="color"', views["views"]["form"]["arch"])

    def test_attachment_tags(self):
        """Documents carry tags and are found by them."""
        contract_tag = self.env.ref("security_guard_crm.tag_maintenance_contract")
        document = self.env["ir.attachment"].create(
            {
                "name": "Maintenance schedule.pdf",
                "res_model": "res.partner",
                "res_id": self.client.id,
                "raw": b"%PDF-1.4",
                "security_tag_ids": [Command.link(contract_tag.id)],
            }
        )
        self.env["ir.attachment"].create(
            {
                "name": "Visitor log.pdf",
                "res_model": "res.partner",
                "res_id": self.client.id,
                "raw": b"%PDF-1.4",
            }
        )
        Attachment = self.env["ir.attachment"].with_user(self.user_guard)

        found = Attachment.search(
            [
                ("res_model", "=", "res.partner"),
                ("res_id", "=", self.client.id),
                ("security_tag_ids", "in", contract_tag.ids),
            ]
        )

        self.assertEqual(found, document)
        self.assertEqual(
            document.with_context(lang="en_US").security_res_model_name, "Contact"
        )

    def test_document_views(self):
        """The client documents list lets users edit the tags of each document."""
        views = self.env["ir.attachment"].with_user(self.user_guard).get_views(
            [
                (self.env.ref("security_guard_crm.ir_attachment_view_list_security_document").id, "list"),
                (self.env.ref("security_guard_crm.ir_attachment_view_search_security_document").id, "search"),
            ]
        )

        arch = views["views"]["list"]["arch"]
        self.assertIn('editable="bottom"', arch)
        self.assertIn('name="security_tag_ids"', arch)
