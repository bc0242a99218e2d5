import logging
from datetime import date

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, freeze_time

from .common import SecurityGuardCase

LOGGER = "odoo.addons.security_guard_crm.models.security_site_license"


@freeze_time("2026-06-01")
class TestSiteLicense(SecurityGuardCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.security_license_warning_days = 30
        cls.renewal_type = cls.env.ref("security_guard_crm.mail_activity_type_license_renewal")
        cls.site.user_id = cls.user_supervisor

    def _create_license(self, **values):
        return self.env["security.site.license"].create(
            {
                "name": "HCIS-0042",
                "site_id": self.site.id,
                "license_type_id": self.license_type.id,
                **values,
            }
        )

    def _renewal_activities(self, site_license):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "security.site.license"),
                ("res_id", "=", site_license.id),
                ("activity_type_id", "=", self.renewal_type.id),
            ]
        )

    def test_state_table(self):
        """The state follows the expiry date and 30 warning days, today 2026-06-01."""
        cases = [
            (False, "valid"),
            ("2026-08-01", "valid"),
            ("2026-07-02", "valid"),
            ("2026-07-01", "expiring"),
            ("2026-06-02", "expiring"),
            ("2026-06-01", "expiring"),
            ("2026-05-31", "expired"),
            ("2020-01-01", "expired"),
        ]
        for date_expiry, expected in cases:
            with self.subTest(date_expiry=date_expiry):
                site_license = self._create_license(date_expiry=date_expiry)

                self.assertEqual(site_license.state, expected)

    def test_state_follows_warning_days(self):
        """Widening the company's warning window turns a valid licence expiring."""
        site_license = self._create_license(date_expiry="2026-08-01")
        self.assertEqual(site_license.state, "valid")

        self.company.security_license_warning_days = 90

        self.assertEqual(site_license.state, "expiring")

    def test_state_follows_expiry_change(self):
        """Renewing an expired licence makes it valid again at once."""
        site_license = self._create_license(date_expiry="2026-05-01")
        self.assertEqual(site_license.state, "expired")

        site_license.date_expiry = "2027-05-01"

        self.assertEqual(site_license.state, "valid")

    def test_expiry_after_issue(self):
        """An expiry date on or before the issue date is rejected with both dates."""
        for date_expiry in ("2026-01-01", "2025-12-31"):
            with self.subTest(date_expiry=date_expiry):
                with self.assertRaises(ValidationError) as caught:
                    self._create_license(date_issue="2026-01-01", date_expiry=date_expiry)

                self.assertIn(date_expiry, str(caught.exception))
                self.assertIn("2026-01-01", str(caught.exception))

    def test_issuing_authority_from_type(self):
        """The licence type proposes its issuing authority, which stays editable."""
        license_type = self.env["security.license.type"].create(
            {
                "name": "Test Permit",
                "issuing_authority": "High Commission for Industrial Security",
            }
        )
        site_license = self._create_license(license_type_id=license_type.id)
        self.assertEqual(site_license.issuing_authority, "High Commission for Industrial Security")

        site_license.issuing_authority = "Royal Commission for Jubail and Yanbu"

        self.assertEqual(site_license.issuing_authority, "Royal Commission for Jubail and Yanbu")

    def test_license_types_data(self):
        """The Saudi licence types come with their issuing authorities."""
        hcis = self.env.ref("security_guard_crm.security_license_type_hcis")

        self.assertEqual(hcis.issuing_authority, "High Commission for Industrial Security")

    def test_responsible_defaults(self):
        """The responsible is the site's responsible, else the current user."""
        self.assertEqual(self._create_license().user_id, self.user_supervisor)

        self.site.user_id = False
        site_license = (
            self.env["security.site.license"]
            .with_user(self.user_operations)
            .create(
                {
                    "name": "HCIS-0044",
                    "site_id": self.site.id,
                    "license_type_id": self.license_type.id,
                }
            )
        )

        self.assertEqual(site_license.user_id, self.user_operations)

    def test_licence_form(self):
        """An operations user creates a licence through the form."""
        form = Form(self.env["security.site.license"].with_user(self.user_operations))
        form.name = "MOI-55-2026"
        form.site_id = self.site
        form.license_type_id = self.env.ref("security_guard_crm.security_license_type_private_security")
        form.date_issue = date(2026, 1, 1)
        form.date_expiry = date(2027, 1, 1)

        self.assertEqual(form.issuing_authority, "Ministry of Interior – Public Security")
        self.assertEqual(form.user_id, self.user_supervisor)
        self.assertEqual(form.partner_id, self.client)
        site_license = form.save()
        self.assertEqual(site_license.state, "valid")

    def test_activity_on_create(self):
        """A new licence gets one renewal activity due when the warning window opens."""
        site_license = self._create_license(date_expiry="2026-12-31")

        activity = self._renewal_activities(site_license)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2026, 12, 1))
        self.assertEqual(activity.user_id, self.user_supervisor)

    def test_activity_deadline_inside_window(self):
        """A licence already inside the warning window gets an activity due today."""
        site_license = self._create_license(date_expiry="2026-06-10")

        self.assertEqual(self._renewal_activities(site_license).date_deadline, date(2026, 6, 1))

    def test_no_activity_without_expiry(self):
        """A licence without expiry date gets no renewal activity."""
        site_license = self._create_license()

        self.assertFalse(self._renewal_activities(site_license))

    def test_cron_idempotent(self):
        """Running the daily check twice leaves one renewal activity per licence."""
        site_license = self._create_license(date_expiry="2026-06-20")
        license_model = self.env["security.site.license"]

        license_model._cron_check_expiry()
        license_model._cron_check_expiry()

        self.assertEqual(len(self._renewal_activities(site_license)), 1)

    def test_cron_schedules_missing_activity(self):
        """The daily check schedules the activity a licence does not have yet."""
        site_license = self._create_license(date_expiry="2026-06-20")
        self._renewal_activities(site_license).unlink()
        site_license.renewal_activity_expiry = False

        self.env["security.site.license"]._cron_check_expiry()

        self.assertEqual(len(self._renewal_activities(site_license)), 1)

    def test_cron_no_second_activity_after_done(self):
        """A renewal activity marked done is not scheduled again for the same expiry."""
        site_license = self._create_license(date_expiry="2026-06-20")
        self._renewal_activities(site_license).action_feedback(feedback="Renewal filed")

        self.env["security.site.license"]._cron_check_expiry()

        self.assertFalse(self._renewal_activities(site_license))

    def test_cron_updates_states(self):
        """The daily check moves licences on as days pass and logs its counts."""
        site_license = self._create_license(date_expiry="2026-08-01")
        other_license = self._create_license(name="HCIS-0043", date_expiry="2026-06-01")
        self.assertEqual(site_license.state, "valid")
        self.assertEqual(other_license.state, "expiring")

        with freeze_time("2026-07-15"), self.assertLogs(LOGGER, logging.INFO) as logs:
            self.env["security.site.license"]._cron_check_expiry()

        self.assertEqual(site_license.state, "expiring")
        self.assertEqual(other_license.state, "expired")
        self.assertEqual(len(logs.output), 1)
        self.assertIn("changed state", logs.output[0])

    def test_later_expiry_moves_activity(self):
        """Renewing to a later expiry moves the open activity instead of adding one."""
        site_license = self._create_license(date_expiry="2026-06-20")

        site_license.date_expiry = "2027-06-20"
        self.env["security.site.license"]._cron_check_expiry()

        activity = self._renewal_activities(site_license)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2027, 5, 21))
        self.assertIn("2027-06-20", activity.summary)

    def test_new_expiry_after_done_activity(self):
        """After a done renewal, a new expiry date brings a new activity."""
        site_license = self._create_license(date_expiry="2026-06-20")
        self._renewal_activities(site_license).action_feedback(feedback="Renewed")

        site_license.date_expiry = "2027-06-20"

        activity = self._renewal_activities(site_license)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.date_deadline, date(2027, 5, 21))

    def test_removed_expiry_removes_activity(self):
        """Clearing the expiry date removes the open renewal activity."""
        site_license = self._create_license(date_expiry="2026-06-20")

        site_license.date_expiry = False

        self.assertFalse(self._renewal_activities(site_license))
        self.assertEqual(site_license.state, "valid")

    def test_new_responsible_takes_activity(self):
        """A new responsible takes over the open renewal activity."""
        site_license = self._create_license(date_expiry="2026-06-20")

        site_license.user_id = self.user_operations

        self.assertEqual(self._renewal_activities(site_license).user_id, self.user_operations)

    def test_guard_reads_but_cannot_edit(self):
        """A guard reads licences but cannot change them."""
        site_license = self.license.with_user(self.user_guard)

        self.assertEqual(site_license.read(["name"])[0]["name"], "CD-2026-0001")
        with self.assertRaises(AccessError):
            site_license.write({"date_expiry": "2030-01-01"})

    def test_billing_cannot_read(self):
        """Billing has no access to site licences at all."""
        with self.assertRaises(AccessError):
            self.license.with_user(self.user_billing).read(["name"])
