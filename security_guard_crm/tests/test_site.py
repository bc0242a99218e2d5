from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time

from .common import SecurityGuardCase


class TestSite(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.riyadh_site = cls.env["security.site"].create(
            {
                "name": "Olaya Towers",
                "partner_id": cls.client.id,
                "street": "King Fahd Road",
                "city": "Riyadh",
                "zip": "12211",
                "building_number": "2929",
                "district": "Al Olaya",
                "additional_number": "8282",
            }
        )

    def _create_site(self, **values):
        return self.env["security.site"].create(
            {"name": "Test Site", "partner_id": self.client.id, **values}
        )

    def test_gps_valid_values(self):
        """Coordinates inside the ranges, edges included, are accepted."""
        cases = [
            (0.0, 0.0),
            (24.7136, 46.6753),
            (90.0, 180.0),
            (-90.0, -180.0),
            (21.4858123, 39.1925456),
        ]
        for latitude, longitude in cases:
            with self.subTest(latitude=latitude, longitude=longitude):
                site = self._create_site(
                    latitude=latitude, longitude=longitude, country_id=False
                )

                self.assertEqual(site.latitude, latitude)
                self.assertEqual(site.longitude, longitude)

    def test_gps_invalid_values(self):
        """Coordinates out of range are rejected with the value and the range."""
        cases = [
            ({"latitude": 90.5}, "90.5", "-90 and 90"),
            ({"latitude": -91.0}, "-91.0", "-90 and 90"),
            ({"longitude": 180.25}, "180.25", "-180 and 180"),
            ({"longitude": -200.0}, "-200.0", "-180 and 180"),
        ]
        for values, shown_value, shown_range in cases:
            with self.subTest(values=values):
                with self.assertRaises(ValidationError) as caught:
                    self._create_site(**values)

                self.assertIn(shown_value, str(caught.exception))
                self.assertIn(shown_range, str(caught.exception))

    def test_gps_invalid_on_write(self):
        """Moving an existing site out of range is rejected too."""
        with self.assertRaises(ValidationError):
            self.site.latitude = 123.0

    def test_national_address_valid_values(self):
        """Well-formed Saudi national address numbers are accepted."""
        site = self._create_site(building_number="1234", zip="54321", additional_number="0001")

        self.assertEqual(site.building_number, "1234")
        self.assertEqual(site.zip, "54321")
        self.assertEqual(site.additional_number, "0001")

    def test_national_address_invalid_values(self):
        """Saudi national address numbers with the wrong digit count are rejected."""
        cases = [
            ("building_number", "292", "Building number"),
            ("building_number", "29290", "Building number"),
            ("building_number", "29a9", "Building number"),
            ("zip", "1221", "Postal code"),
            ("zip", "122111", "Postal code"),
            ("zip", "12-11", "Postal code"),
            ("additional_number", "828", "Additional number"),
            ("additional_number", "82821", "Additional number"),
        ]
        for field_name, value, label in cases:
            with self.subTest(field=field_name, value=value):
                with self.assertRaises(ValidationError) as caught:
                    self._create_site(**{field_name: value})

                self.assertIn(value, str(caught.exception))
                self.assertIn(label, str(caught.exception))

    def test_national_address_arabic_digits(self):
        """Arabic-Indic digits and spaces are stored as plain ASCII digits."""
        site = self._create_site(building_number=" ٢٩٢٩ ", zip="۱۲۲۱۱", additional_number="٨٢٨٢")

        self.assertEqual(site.building_number, "2929")
        self.assertEqual(site.zip, "12211")
        self.assertEqual(site.additional_number, "8282")

    def test_national_address_only_for_saudi_sites(self):
        """The digit counts are not enforced outside Saudi Arabia."""
        site = self._create_site(
            country_id=self.env.ref("base.ae").id,
            zip="123",
            building_number="7",
        )

        self.assertEqual(site.zip, "123")
        with self.assertRaises(ValidationError):
            site.country_id = self.country_sa

    def test_national_address_display(self):
        """The national address reads on one line in the Saudi order."""
        self.assertEqual(
            self.riyadh_site.national_address,
            "2929 King Fahd Road, Al Olaya, Riyadh 12211-8282",
        )

    def test_national_address_display_partial(self):
        """Missing parts leave no stray separators in the national address."""
        site = self._create_site(city="Jeddah", zip="23511")

        self.assertEqual(site.national_address, "Jeddah 23511")

    def test_default_country_is_saudi_arabia(self):
        """A new site defaults to Saudi Arabia."""
        self.assertEqual(self.riyadh_site.country_id, self.country_sa)

    def test_map_url(self):
        """A site with coordinates links to its position on Google Maps."""
        self.assertEqual(
            self.site.map_url,
            "https://www.google.com/maps/search/?api=1&query=24.7136000,46.6753000",
        )

    def test_map_url_equator(self):
        """A latitude of 0 with another longitude is a real position."""
        site = self._create_site(latitude=0.0, longitude=32.5, country_id=False)

        self.assertTrue(site.map_url)

    def test_open_map(self):
        """The map button opens the map link in a new tab."""
        action = self.site.action_open_map()

        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["url"], self.site.map_url)
        self.assertEqual(action["target"], "new")

    def test_open_map_without_coordinates(self):
        """Coordinates 0, 0 mean no position: no link and no map to open."""
        self.assertFalse(self.riyadh_site.map_url)
        with self.assertRaises(UserError):
            self.riyadh_site.action_open_map()

    def test_partner_must_be_security_client(self):
        """A site belongs to a security client, never to another partner."""
        supplier = self.env["res.partner"].create({"name": "Some Supplier"})

        with self.assertRaises(ValidationError) as caught:
            self._create_site(partner_id=supplier.id)

        self.assertIn("Some Supplier", str(caught.exception))

    @freeze_time("2026-06-01")
    def test_license_state_worst_licence(self):
        """The site shows the worst state of its licences."""
        site = self._create_site()
        self.assertEqual(site.license_state, "none")
        cases = [
            ("LIC-VALID", "2028-01-01", "valid"),
            ("LIC-EXPIRING", "2026-06-15", "expiring"),
            ("LIC-EXPIRED", "2026-05-01", "expired"),
        ]
        for name, date_expiry, expected in cases:
            with self.subTest(licence=name):
                self.env["security.site.license"].create(
                    {
                        "name": name,
                        "site_id": site.id,
                        "license_type_id": self.license_type.id,
                        "date_expiry": date_expiry,
                    }
                )

                self.assertEqual(site.license_state, expected)

        self.assertEqual(site.license_count, 3)

    def test_site_form(self):
        """An operations user creates a site through the form."""
        with Form(self.env["security.site"].with_user(self.user_operations)) as form:
            form.name = "Jubail Plant Gate 3"
            form.partner_id = self.client
            form.site_type = "petrochemical"
            form.user_id = self.user_supervisor
            form.city = "Jubail"
            form.zip = "35514"
            form.building_number = "6677"
            form.latitude = 27.0046
            form.longitude = 49.6460
            self.assertEqual(form.country_id, self.country_sa)
            self.assertIn("query=27.0046000,49.6460000", form.map_url)
        site = form.record

        self.assertEqual(site.site_type, "petrochemical")
        self.assertEqual(site.national_address, "6677, Jubail 35514")
        self.assertEqual(site.license_state, "none")

    def test_site_form_adds_licence(self):
        """A licence added on the site form belongs to the site and its client."""
        with Form(self.site.with_user(self.user_operations)) as form:
            with form.license_ids.new() as line:
                line.name = "BAL-778899"
                line.license_type_id = self.license_type

        new_license = self.site.license_ids.filtered(lambda lic: lic.name == "BAL-778899")
        self.assertEqual(new_license.partner_id, self.client)
        self.assertEqual(new_license.company_id, self.site.company_id)

    def test_billing_reads_name_and_address(self):
        """Billing reads a site's name, client, address and GPS position."""
        site = self.riyadh_site.with_user(self.user_billing)

        values = site.read(
            [
                "name",
                "partner_id",
                "street",
                "city",
                "zip",
                "building_number",
                "district",
                "additional_number",
                "national_address",
                "latitude",
                "longitude",
                "map_url",
                "contract_count",
            ]
        )[0]

        self.assertEqual(values["name"], "Olaya Towers")
        self.assertEqual(values["partner_id"][0], self.client.id)
        self.assertEqual(values["building_number"], "2929")
        self.assertEqual(values["national_address"], self.riyadh_site.national_address)

    def test_billing_cannot_read_operational_fields(self):
        """Billing cannot read the operational fields of a site."""
        site = self.site.with_user(self.user_billing)
        for field_name in (
            "license_ids",
            "license_count",
            "license_state",
            "site_type",
            "user_id",
            "notes",
        ):
            with self.subTest(field=field_name):
                with self.assertRaises(AccessError):
                    site.read([field_name])

    def test_billing_opens_site_form(self):
        """Billing opens the site form without any operational field in it."""
        form = Form(self.site.with_user(self.user_billing))

        self.assertEqual(form.name, "Main Hospital Campus")
        self.assertEqual(form.contract_count, 1)
        views = self.env["security.site"].with_user(self.user_billing).get_views([(False, "form")])
        form_fields = views["models"]["security.site"]["fields"]
        self.assertNotIn("license_ids", form_fields)
        self.assertNotIn("site_type", form_fields)
        self.assertIn("national_address", form_fields)

    def test_guard_opens_site_form(self):
        """A guard opens the site form with its licences and without contracts."""
        form = Form(self.site.with_user(self.user_guard))

        self.assertEqual(form.license_count, 1)
        views = self.env["security.site"].with_user(self.user_guard).get_views([(False, "form")])
        form_fields = views["models"]["security.site"]["fields"]
        self.assertIn("license_ids", form_fields)
        self.assertNotIn("contract_count", form_fields)

    def test_views_load_for_each_role(self):
        """Each role loads the site list, kanban and search views and their data."""
        view_types = [(False, "list"), (False, "kanban"), (False, "search")]
        users = {
            "guard": self.user_guard,
            "billing": self.user_billing,
            "operations": self.user_operations,
        }
        for role, user in users.items():
            with self.subTest(role=role):
                sites = self.env["security.site"].with_user(user)
                views = sites.get_views(view_types)
                fields_spec = dict.fromkeys(views["models"]["security.site"]["fields"], {})

                result = sites.web_search_read([("id", "=", self.site.id)], fields_spec)

                self.assertEqual(result["records"][0]["name"], "Main Hospital Campus")
                shows_licence_state = "license_state" in views["views"]["search"]["arch"]
                self.assertEqual(shows_licence_state, role != "billing")

    def test_billing_views_contracts(self):
        """Billing opens the contracts of a site from its smart button."""
        action = self.site.with_user(self.user_billing).action_view_contracts()

        contracts = self.env["security.contract"].search(action["domain"])
        self.assertEqual(contracts, self.contract)
        self.assertEqual(self.site.contract_ids, self.contract)

    def test_guard_cannot_view_contracts(self):
        """A guard cannot list the contracts of a site."""
        with self.assertRaises(AccessError):
            self.site.with_user(self.user_guard).action_view_contracts()

    def test_billing_cannot_view_licences(self):
        """Billing cannot list the licences of a site."""
        with self.assertRaises(AccessError):
            self.site.with_user(self.user_billing).action_view_licenses()

    def test_guard_reads_licences(self):
        """A guard reads the site's licences and type, but cannot edit the site."""
        site = self.site.with_user(self.user_guard)

        values = site.read(["license_ids", "site_type", "license_state"])[0]

        self.assertEqual(values["license_ids"], self.license.ids)
        with self.assertRaises(AccessError):
            site.write({"name": "Renamed by a guard"})

    def test_operations_cannot_link_contract(self):
        """Operations cannot link a contract to a site from the site side."""
        other_contract = self.env["security.contract"].create(
            {
                "partner_id": self.client.id,
                "date_start": "2026-01-01",
                "date_end": "2026-12-31",
            }
        )
        site = self.site.with_user(self.user_operations)

        with self.assertRaises(AccessError):
            site.write({"contract_ids": [Command.link(other_contract.id)]})

    def test_site_contracts_follow_contract_side(self):
        """Linking a site on a contract shows the contract on the site."""
        self.assertEqual(self.site.contract_ids, self.contract)
        self.assertEqual(self.site.contract_count, 1)
        self.assertFalse(self.riyadh_site.contract_ids)

    def test_gps_outside_saudi_arabia(self):
        """A Saudi site's position must fall in Saudi Arabia; the error names both values."""
        cases = [
            (24.7136, 0.0),
            (46.6753, 24.7136),
            (0.0, 46.6753),
            (51.5072, -0.1276),
        ]
        for latitude, longitude in cases:
            with self.subTest(latitude=latitude, longitude=longitude):
                with self.assertRaises(ValidationError) as caught:
                    self._create_site(latitude=latitude, longitude=longitude)

                self.assertIn(str(latitude), str(caught.exception))
                self.assertIn("outside Saudi Arabia", str(caught.exception))

    def test_gps_inside_saudi_arabia(self):
        """Saudi sites in Riyadh, Jeddah, Dammam and Jubail keep their position."""
        for latitude, longitude in [
            (24.7136, 46.6753),
            (21.4858, 39.1925),
            (26.4207, 50.0888),
            (27.0046, 49.6460),
        ]:
            with self.subTest(latitude=latitude, longitude=longitude):
                site = self._create_site(latitude=latitude, longitude=longitude)

                self.assertEqual(site.country_id.code, "SA")
                self.assertEqual(site.latitude, latitude)

