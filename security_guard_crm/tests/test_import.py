import io
from pathlib import Path

import openpyxl

from odoo.tools.misc import file_path

from .common import SecurityGuardCase

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

CLIENT_TEMPLATE = "res_partner_security_client_import_template.xlsx"
SITE_TEMPLATE = "security_site_import_template.xlsx"
CONTRACT_TEMPLATE = "security_contract_import_template.xlsx"

# The field each template column must map to without help, by column.
TEMPLATE_FIELDS = {
    CLIENT_TEMPLATE: (
        "res.partner",
        [
            "name",
            "is_company",
            "is_security_client",
            "security_entity_type",
            "parent_id",
            "security_contact_role",
            "vat",
            "company_registry",
            "street",
            "city",
            "country_id",
            "email",
        ],
    ),
    SITE_TEMPLATE: (
        "security.site",
        [
            "name",
            "partner_id",
            "site_type",
            "building_number",
            "street",
            "district",
            "city",
            "zip",
            "additional_number",
            "latitude",
            "longitude",
        ],
    ),
    CONTRACT_TEMPLATE: (
        "security.contract",
        [
            "name",
            "partner_id",
            "site_ids",
            "date_start",
            "date_end",
            "billing_cycle",
            "payment_term_id",
            "billing_contact_id",
            "renewal_contact_id",
        ],
    ),
}

# Example values written in the templates by scripts/make_import_templates.py.
CLIENT_COMPANY = "مجموعة النخبة التجارية"
CLIENT_HOSPITAL = "مستشفى الأمل العام"
CONTACT_BILLING = "سارة القحطاني"
CONTACT_RENEWAL = "فهد العتيبي"
SITE_COMPOUND = "مجمع النخبة السكني"
SITE_WAREHOUSE = "مستودعات النخبة - السلي"
SITE_HOSPITAL = "مستشفى الأمل العام - المبنى الرئيسي"
PAYMENT_TERMS_ARABIC = {
    "account.account_payment_term_30days": "30 يوماً",
    "account.account_payment_term_45days": "45 يوماً",
}

# Context of the Clients list, which the Import screen passes on to the import.
CLIENT_ACTION_CONTEXT = {"default_is_security_client": True, "default_is_company": True}

SITE_HEADERS = ["Name", "Client", "Latitude", "Longitude"]
CONTRACT_HEADERS = ["Reference", "Client", "Start Date", "End Date"]
CLIENT_HEADERS = ["Name", "Is a Company", "Security Client", "Country", "Tax ID", "Company ID"]


class TestImport(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env["res.lang"]._activate_lang("ar_001")

    def _read_template(self, file_name):
        return Path(file_path(f"security_guard_crm/static/xls/{file_name}")).read_bytes()

    def _make_xlsx(self, headers, rows):
        """Return the bytes of a one-sheet workbook with ``headers`` and ``rows``."""
        workbook = openpyxl.Workbook()
        sheet = workbook.active
        sheet.append(headers)
        for row in rows:
            sheet.append(row)
        content = io.BytesIO()
        workbook.save(content)
        return content.getvalue()

    def _make_importer(self, model, content, file_name, user, context=None, lang="en_US"):
        file_type = "text/csv" if file_name.endswith(".csv") else XLSX_MIMETYPE
        env = self.env(user=user, context=dict(self.env.context, lang=lang, **(context or {})))
        return env["base_import.import"].create(
            {
                "res_model": model,
                "file": content,
                "file_name": file_name,
                "file_type": file_type,
            }
        )

    def _preview(self, importer):
        options = {
            "has_headers": True,
            "quoting": '"',
            "separator": ",",
            "encoding": "utf-8",
            "date_format": "",
            "datetime_format": "",
            "float_thousand_separator": ",",
            "float_decimal_separator": ".",
        }
        preview = importer.parse_preview(options)
        self.assertNotIn("error", preview, preview.get("error"))
        return preview

    def _mapped_fields(self, preview):
        """Return the field path of each column as the Import screen sends it.
        A column without an automatic match gets False."""
        matches = preview["matches"] or {}
        return [
            "/".join(matches[index]) if index in matches else False
            for index in range(len(preview["headers"]))
        ]

    def _import(self, model, content, file_name, user, context=None, lang="en_US", dryrun=False):
        """Preview and import a file as ``user`` with the automatic column mapping."""
        importer = self._make_importer(model, content, file_name, user, context, lang)
        preview = self._preview(importer)
        return importer.execute_import(
            self._mapped_fields(preview), preview["headers"], preview["options"], dryrun=dryrun
        )

    def _import_template(self, file_name, user, context=None, lang="en_US"):
        model = TEMPLATE_FIELDS[file_name][0]
        content = self._read_template(file_name)
        return self._import(model, content, file_name, user, context, lang)

    def _import_all_templates(self):
        """Import the clients, sites and contracts templates in that order in
        Arabic, each as a user of the group that manages those records."""
        # The contracts template names its payment terms in Arabic. Setting the
        # names here keeps the test independent of the Arabic translation of
        # the account module being loaded.
        for xml_id, arabic_name in PAYMENT_TERMS_ARABIC.items():
            self.env.ref(xml_id).update_field_translations("name", {"ar_001": arabic_name})
        for file_name, user, context in (
            (CLIENT_TEMPLATE, self.user_operations, CLIENT_ACTION_CONTEXT),
            (SITE_TEMPLATE, self.user_operations, None),
            (CONTRACT_TEMPLATE, self.user_billing, None),
        ):
            result = self._import_template(file_name, user, context, lang="ar_001")
            self.assertEqual(result["messages"], [], file_name)
            self.assertTrue(result["ids"], file_name)

    def _translate_field_label(self, model, field_name, arabic_label):
        self.env["ir.model.fields"]._get(model, field_name).update_field_translations(
            "field_description", {"ar_001": arabic_label}
        )
        # Field labels are cached per model and language.
        self.env.registry.clear_cache()

    def _translate_selection_label(self, model, field_name, value, arabic_label):
        selection = self.env["ir.model.fields.selection"].search(
            [
                ("field_id", "=", self.env["ir.model.fields"]._get(model, field_name).id),
                ("value", "=", value),
            ]
        )
        selection.update_field_translations("name", {"ar_001": arabic_label})
        # The import caches the translations of selection labels per cursor.
        self.env.cr.cache.pop("ir.fields.converter", None)

    def _errors_of_row(self, result, row):
        """Return the error messages of data row ``row``, 0 being the first
        row under the headers."""
        return [
            message["message"]
            for message in result["messages"]
            if message["type"] == "error" and message.get("rows", {}).get("from") == row
        ]

    def test_import_templates_exist(self):
        """Each model offers its template, and the file exists in the addon."""
        cases = [
            ("security.site", {}, SITE_TEMPLATE),
            ("security.contract", {}, CONTRACT_TEMPLATE),
            ("res.partner", CLIENT_ACTION_CONTEXT, CLIENT_TEMPLATE),
        ]
        for model, context, file_name in cases:
            with self.subTest(model=model):
                templates = self.env[model].with_context(**context).get_import_templates()
                paths = [template["template"] for template in templates]

                self.assertIn(f"/security_guard_crm/static/xls/{file_name}", paths)
                for template in templates:
                    self.assertTrue(template["label"])
                    self.assertTrue(Path(file_path(template["template"].lstrip("/"))).is_file())

    def test_client_template_only_in_clients_list(self):
        """The Contacts import keeps Odoo's customer template and no client template."""
        templates = self.env["res.partner"].get_import_templates()

        paths = [template["template"] for template in templates]
        self.assertNotIn(f"/security_guard_crm/static/xls/{CLIENT_TEMPLATE}", paths)
        self.assertIn("/base/static/xls/res_partner.xlsx", paths)

    def test_template_headers_map_automatically(self):
        """Every column of every template maps to its field without help."""
        for file_name, (model, expected_fields) in TEMPLATE_FIELDS.items():
            with self.subTest(template=file_name):
                importer = self._make_importer(
                    model, self._read_template(file_name), file_name, self.user_manager
                )

                preview = self._preview(importer)

                self.assertEqual(self._mapped_fields(preview), expected_fields)

    def test_template_headers_map_in_arabic(self):
        """English headers still map when the user works in Arabic and the
        fields have Arabic labels, and an Arabic label maps as well."""
        self._translate_field_label("security.site", "partner_id", "العميل")
        self._translate_field_label("security.site", "district", "الحي")
        self._translate_field_label("security.contract", "date_start", "تاريخ البدء")
        arabic_env = self.env(context=dict(self.env.context, lang="ar_001"))
        site_fields = arabic_env["security.site"].fields_get(["partner_id"], ["string"])
        self.assertEqual(site_fields["partner_id"]["string"], "العميل")

        for file_name, (model, expected_fields) in TEMPLATE_FIELDS.items():
            with self.subTest(template=file_name):
                importer = self._make_importer(
                    model,
                    self._read_template(file_name),
                    file_name,
                    self.user_manager,
                    lang="ar_001",
                )

                preview = self._preview(importer)

                self.assertEqual(self._mapped_fields(preview), expected_fields)

        content = self._make_xlsx(["Name", "العميل", "الحي"], [["موقع", CLIENT_HOSPITAL, "حي"]])
        importer = self._make_importer(
            "security.site", content, "sites.xlsx", self.user_manager, lang="ar_001"
        )
        preview = self._preview(importer)
        self.assertEqual(self._mapped_fields(preview), ["name", "partner_id", "district"])

    def test_import_templates_create_records(self):
        """The three templates import in order in Arabic, with Arabic text
        kept as written and clients, sites, contacts and payment terms found
        by name."""
        self._import_all_templates()

        Partner = self.env["res.partner"]
        company = Partner.search([("name", "=", CLIENT_COMPANY)])
        hospital = Partner.search([("name", "=", CLIENT_HOSPITAL)])
        billing = Partner.search([("name", "=", CONTACT_BILLING)])
        renewal = Partner.search([("name", "=", CONTACT_RENEWAL)])
        self.assertEqual(len(company), 1)
        self.assertEqual(len(hospital), 1)
        self.assertTrue(company.is_security_client)
        self.assertTrue(company.is_company)
        self.assertEqual(company.security_entity_type, "company")
        self.assertEqual(company.vat, "310175397400003")
        self.assertEqual(company.company_registry, "1010123456")
        self.assertEqual(company.country_id, self.country_sa)
        self.assertEqual(company.city, "الرياض")
        self.assertEqual(hospital.security_entity_type, "government")
        self.assertEqual(billing.parent_id, company)
        self.assertEqual(billing.security_contact_role, "billing")
        self.assertEqual(renewal.security_contact_role, "renewal")
        # The Clients list context defaults new partners to client companies,
        # but the template's explicit FALSE cells win for contact persons.
        self.assertFalse(billing.is_security_client)
        self.assertFalse(billing.is_company)

        Site = self.env["security.site"]
        compound = Site.search([("name", "=", SITE_COMPOUND)])
        warehouse = Site.search([("name", "=", SITE_WAREHOUSE)])
        hospital_site = Site.search([("name", "=", SITE_HOSPITAL)])
        self.assertEqual(len(compound), 1)
        self.assertEqual(compound.partner_id, company)
        self.assertEqual(compound.site_type, "residential")
        self.assertEqual(compound.street, "طريق الملك فهد")
        self.assertEqual(compound.district, "العليا")
        self.assertEqual(compound.city, "الرياض")
        self.assertEqual(compound.building_number, "2929")
        self.assertEqual(compound.zip, "12211")
        self.assertEqual(compound.additional_number, "8282")
        self.assertAlmostEqual(compound.latitude, 24.7136)
        self.assertAlmostEqual(compound.longitude, 46.6753)
        self.assertEqual(compound.country_id, self.country_sa)
        self.assertEqual(warehouse.district, "السلي")
        self.assertEqual(warehouse.site_type, "warehouse")
        self.assertEqual(hospital_site.partner_id, hospital)
        self.assertEqual(hospital_site.site_type, "hospital")

        Contract = self.env["security.contract"]
        contract = Contract.search([("name", "=", "CT-2026-0001")])
        hospital_contract = Contract.search([("name", "=", "CT-2026-0002")])
        self.assertEqual(contract.partner_id, company)
        self.assertEqual(contract.site_ids, compound | warehouse)
        self.assertEqual(str(contract.date_start), "2026-01-01")
        self.assertEqual(str(contract.date_end), "2026-12-31")
        self.assertEqual(contract.billing_cycle, "monthly")
        self.assertEqual(
            contract.payment_term_id, self.env.ref("account.account_payment_term_30days")
        )
        self.assertEqual(contract.billing_contact_id, billing)
        self.assertEqual(contract.renewal_contact_id, renewal)
        self.assertEqual(contract.state, "draft")
        self.assertEqual(hospital_contract.partner_id, hospital)
        self.assertEqual(hospital_contract.site_ids, hospital_site)
        self.assertEqual(hospital_contract.billing_cycle, "quarterly")
        self.assertEqual(
            hospital_contract.payment_term_id,
            self.env.ref("account.account_payment_term_45days"),
        )
        self.assertFalse(hospital_contract.billing_contact_id)

    def test_import_test_run_creates_nothing(self):
        """The Test button (dry run) validates the sites template and saves no site."""
        self._import_template(CLIENT_TEMPLATE, self.user_operations, CLIENT_ACTION_CONTEXT)

        result = self._import(
            "security.site",
            self._read_template(SITE_TEMPLATE),
            SITE_TEMPLATE,
            self.user_operations,
            dryrun=True,
        )

        self.assertEqual(result["messages"], [])
        self.assertEqual(len(result["ids"]), 3)
        self.assertFalse(self.env["security.site"].search([("name", "=", SITE_COMPOUND)]))

    def test_import_bad_row_rejects_whole_file(self):
        """A bad row gets an error naming its value, and no row of the file is saved."""
        self.env["res.partner"].create(
            {"name": "شركة الواحة", "is_company": True, "is_security_client": True}
        )
        cases = [
            (
                "security.site",
                SITE_HEADERS,
                [
                    ["موقع سليم", "شركة الواحة", 24.5, 46.5],
                    ["موقع خاطئ", "شركة الواحة", 120, 46.5],
                ],
                "موقع سليم",
                ["120", "between -90 and 90"],
            ),
            (
                "security.site",
                SITE_HEADERS,
                [
                    ["موقع سليم", "شركة الواحة", 24.5, 46.5],
                    ["موقع خاطئ", "عميل غير مسجل", 24, 46],
                ],
                "موقع سليم",
                ["عميل غير مسجل", "No matching record"],
            ),
            (
                "security.contract",
                CONTRACT_HEADERS,
                [
                    ["CT-GOOD-0001", "شركة الواحة", "2026-01-01", "2026-12-31"],
                    ["CT-BAD-0002", "شركة الواحة", "2026-06-01", "2026-05-31"],
                ],
                "CT-GOOD-0001",
                ["CT-BAD-0002", "before its start date"],
            ),
            (
                "res.partner",
                CLIENT_HEADERS,
                [
                    ["عميل سليم", True, True, "SA", "310175397400003", "1010123456"],
                    ["عميل خاطئ", True, True, "SA", "123456789", "1010123457"],
                ],
                "عميل سليم",
                ["123456789", "does not seem to be valid"],
            ),
            (
                "res.partner",
                CLIENT_HEADERS,
                [
                    ["عميل سليم", True, True, "SA", "", "1010123456"],
                    ["عميل خاطئ", True, True, "SA", "", "12345"],
                ],
                "عميل سليم",
                ["12345", "exactly 10 digits"],
            ),
        ]
        for model, headers, rows, good_name, expected_texts in cases:
            with self.subTest(model=model, expected=expected_texts[0]):
                content = self._make_xlsx(headers, rows)
                context = CLIENT_ACTION_CONTEXT if model == "res.partner" else None

                result = self._import(model, content, "bad.xlsx", self.user_manager, context)

                self.assertFalse(result["ids"])
                errors = self._errors_of_row(result, 1)
                self.assertTrue(errors, result["messages"])
                # An unknown client also yields "Missing required value", so
                # the row may have more than one error.
                naming_errors = [
                    error for error in errors if all(text in error for text in expected_texts)
                ]
                self.assertEqual(len(naming_errors), 1, errors)
                self.assertFalse(self.env[model].search([("name", "=", good_name)]))

    def test_import_arabic_csv_clients(self):
        """A UTF-8 CSV of clients keeps its Arabic names, and the entity type
        is found by its English label or by its Arabic translation."""
        self._translate_selection_label(
            "res.partner", "security_entity_type", "establishment", "منشأة فردية"
        )
        content = (
            "Name,Is a Company,Security Client,Entity Type,Company ID,City,Country\n"
            "مؤسسة الحارس الأمين,True,True,منشأة فردية,1010234567,الدمام,SA\n"
            "شركة الواحة للمقاولات,True,True,Company,4030123456,جدة,SA\n"
        ).encode()

        result = self._import(
            "res.partner", content, "clients.csv", self.user_operations, CLIENT_ACTION_CONTEXT
        )

        self.assertEqual(result["messages"], [])
        Partner = self.env["res.partner"]
        establishment = Partner.search([("name", "=", "مؤسسة الحارس الأمين")])
        contractor = Partner.search([("name", "=", "شركة الواحة للمقاولات")])
        self.assertEqual(establishment.security_entity_type, "establishment")
        self.assertEqual(establishment.city, "الدمام")
        self.assertTrue(establishment.is_security_client)
        self.assertEqual(contractor.security_entity_type, "company")
        self.assertEqual(contractor.company_registry, "4030123456")

    def test_import_site_arabic_digits(self):
        """National address numbers typed with Arabic-Indic digits are saved in ASCII digits."""
        content = (
            "Name,Client,Building Number,Zip,Additional Number,District\n"
            f"بوابة المستشفى,{self.client.name},٢٩٢٩,١٢٢١١,٨٢٨٢,الملز\n"
        ).encode()

        result = self._import("security.site", content, "sites.csv", self.user_operations)

        self.assertEqual(result["messages"], [])
        site = self.env["security.site"].browse(result["ids"])
        self.assertEqual(site.building_number, "2929")
        self.assertEqual(site.zip, "12211")
        self.assertEqual(site.additional_number, "8282")
        self.assertEqual(site.district, "الملز")

    def test_payment_terms_match_in_user_language(self):
        """Payment terms are found by their name in the importing user's
        language, so the English name fails in Arabic and the Arabic name works."""
        payment_term = self.env["account.payment.term"].create({"name": "Net 45 Days"})
        payment_term.update_field_translations("name", {"ar_001": "صافي 45 يوماً"})
        headers = ["Reference", "Client", "Start Date", "End Date", "Payment Terms"]
        cases = [
            ("en_US", "Net 45 Days", True),
            ("ar_001", "صافي 45 يوماً", True),
            ("ar_001", "Net 45 Days", False),
        ]
        for lang, payment_term_name, is_found in cases:
            with self.subTest(lang=lang, payment_term=payment_term_name):
                reference = f"CT-PT-{lang}-{is_found}"
                content = self._make_xlsx(
                    headers,
                    [[reference, self.client.name, "2026-01-01", "2026-12-31", payment_term_name]],
                )

                result = self._import(
                    "security.contract", content, "contracts.xlsx", self.user_billing, lang=lang
                )

                contract = self.env["security.contract"].search([("name", "=", reference)])
                if is_found:
                    self.assertEqual(result["messages"], [])
                    self.assertEqual(contract.payment_term_id, payment_term)
                else:
                    self.assertFalse(contract)
                    errors = self._errors_of_row(result, 0)
                    self.assertEqual(len(errors), 1, result["messages"])
                    self.assertIn(payment_term_name, errors[0])
