import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

_logger = logging.getLogger(__name__)

RENEWAL_ACTIVITY_TYPE = "security_guard_crm.mail_activity_type_license_renewal"


class SecuritySiteLicense(models.Model):
    _name = "security.site.license"
    _description = "Site Security Licence"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_expiry, name"
    _check_company_auto = True

    name = fields.Char(string="Licence Number", required=True, tracking=True)
    site_id = fields.Many2one(
        comodel_name="security.site",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(
        related="site_id.company_id",
        store=True,
        index=True,
    )
    partner_id = fields.Many2one(
        related="site_id.partner_id",
        string="Client",
        store=True,
        index=True,
    )
    license_type_id = fields.Many2one(
        comodel_name="security.license.type",
        string="Licence Type",
        required=True,
        tracking=True,
        check_company=True,
    )
    issuing_authority = fields.Char(
        compute="_compute_issuing_authority",
        store=True,
        readonly=False,
        precompute=True,
        help="Authority that issued the licence, proposed from the licence type.",
    )
    date_issue = fields.Date(string="Issue Date")
    date_expiry = fields.Date(
        string="Expiry Date",
        tracking=True,
        help="Leave empty for a licence that does not expire.",
    )
    document = fields.Binary(
        attachment=True,
        copy=False,
        help="Scan of the licence as issued by the authority.",
    )
    document_filename = fields.Char(copy=False)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        required=True,
        tracking=True,
        check_company=True,
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        domain=lambda self: [("groups_id", "in", self.env.ref("security_guard_crm.group_guard").id)],
        help="Person who renews the licence and receives the renewal activity. "
        "Defaults to the site's responsible.",
    )
    state = fields.Selection(
        selection=[
            ("valid", "Valid"),
            ("expiring", "Expiring"),
            ("expired", "Expired"),
        ],
        string="Status",
        compute="_compute_state",
        store=True,
        tracking=True,
        help="Expiring during the company's warning days before the expiry "
        "date, expired from the day after it. A licence without expiry date "
        "stays valid. A daily scheduled action updates the status as days pass.",
    )
    renewal_activity_expiry = fields.Date(
        string="Renewal Scheduled For",
        readonly=True,
        copy=False,
        help="Expiry date for which the renewal activity was scheduled, so "
        "that no second activity is made for the same expiry date.",
    )

    @api.depends("license_type_id")
    def _compute_issuing_authority(self):
        for site_license in self:
            if site_license.license_type_id.issuing_authority:
                site_license.issuing_authority = site_license.license_type_id.issuing_authority

    @api.depends("site_id")
    def _compute_user_id(self):
        for site_license in self:
            site_license.user_id = (
                site_license.site_id.user_id or site_license.user_id or self.env.user
            )

    @api.depends("date_expiry", "company_id.security_license_warning_days")
    def _compute_state(self):
        today = fields.Date.context_today(self)
        for site_license in self:
            site_license.state = site_license._get_state_on(today)

    @api.constrains("date_issue", "date_expiry")
    def _check_dates(self):
        for site_license in self:
            if (
                site_license.date_issue
                and site_license.date_expiry
                and site_license.date_expiry <= site_license.date_issue
            ):
                raise ValidationError(
                    self.env._(
                        "Expiry date %(expiry)s of licence %(license)s is invalid: "
                        "it must be after the issue date %(issue)s.",
                        expiry=site_license.date_expiry,
                        license=site_license.name,
                        issue=site_license.date_issue,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        site_licenses = super().create(vals_list)
        site_licenses._schedule_renewal_activities()
        return site_licenses

    def write(self, vals):
        result = super().write(vals)
        if "date_expiry" in vals:
            self._schedule_renewal_activities()
        if "user_id" in vals:
            for site_license in self:
                site_license.activity_reschedule(
                    [RENEWAL_ACTIVITY_TYPE], new_user_id=site_license.user_id.id
                )
        return result

    def _get_state_on(self, day):
        """Return the state the licence has on ``day`` (a date). A licence is
        still in force on its expiry date and expired from the day after."""
        self.ensure_one()
        if not self.date_expiry:
            return "valid"
        if self.date_expiry < day:
            return "expired"
        if self.date_expiry <= day + timedelta(days=self.company_id.security_license_warning_days):
            return "expiring"
        return "valid"

    def _get_renewal_deadline(self, today):
        """Return the deadline of the renewal activity: the first day of the
        warning window, or ``today`` when the licence is already inside it."""
        self.ensure_one()
        warning_days = self.company_id.security_license_warning_days
        return max(self.date_expiry - timedelta(days=warning_days), today)

    def _schedule_renewal_activities(self):
        """Keep one open renewal activity per licence and expiry date.

        A licence gets a renewal activity once for each expiry date. When the
        expiry date changes, the open activity moves to the new deadline. When
        the expiry date is removed, the open activity is deleted.

        NOTE: a later change of the company's warning days moves neither the
        open activities nor their deadlines.

        :return: number of activities created
        """
        today = fields.Date.context_today(self)
        to_update = self.filtered(
            lambda site_license: site_license.renewal_activity_expiry != site_license.date_expiry
        )
        without_expiry = to_update.filtered(lambda site_license: not site_license.date_expiry)
        without_expiry.activity_unlink([RENEWAL_ACTIVITY_TYPE])
        without_expiry.renewal_activity_expiry = False

        created = 0
        for site_license in to_update - without_expiry:
            # The summary is stored text, so it is written in the language of
            # the person who reads it.
            responsible_env = self.with_context(lang=site_license.user_id.lang).env
            activity_vals = {
                "date_deadline": site_license._get_renewal_deadline(today),
                "summary": responsible_env._(
                    "Renew licence %(license)s before %(expiry)s",
                    license=site_license.name,
                    expiry=site_license.date_expiry,
                ),
                "user_id": site_license.user_id.id,
            }
            activities = site_license.activity_search([RENEWAL_ACTIVITY_TYPE])
            if activities:
                activities[1:].unlink()
                activities[0].write(activity_vals)
            else:
                site_license.activity_schedule(RENEWAL_ACTIVITY_TYPE, **activity_vals)
                created += 1
            site_license.renewal_activity_expiry = site_license.date_expiry
        return created

    @api.model
    def _cron_check_expiry(self):
        """Move licences to their state of today and schedule the missing
        renewal activities."""
        today = fields.Date.context_today(self)
        site_licenses = self.search([("date_expiry", "!=", False)])
        changed = 0
        for state in ("valid", "expiring", "expired"):
            to_write = site_licenses.filtered(
                lambda site_license, state=state: site_license.state != state
                and site_license._get_state_on(today) == state
            )
            to_write.write({"state": state})
            changed += len(to_write)
        created = site_licenses._schedule_renewal_activities()
        _logger.info(
            "Site licence expiry check: %s licences with an expiry date, "
            "%s changed state, %s renewal activities created",
            len(site_licenses),
            changed,
            created,
        )
