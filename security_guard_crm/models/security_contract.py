import logging
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import format_date

_logger = logging.getLogger(__name__)


class SecurityContract(models.Model):
    _name = "security.contract"
    _description = "Security Services Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id"]

    name = fields.Char(
        string="Reference",
        required=True,
        copy=False,
        default=lambda self: self.env._("New"),
        tracking=True,
        help='Left as "New", the reference is taken from the contract '
        "sequence when the contract is saved.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        default=lambda self: self.env.company,
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Client",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
        domain="[('is_security_client', '=', True)]",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        default=lambda self: self.env.user,
        tracking=True,
        check_company=True,
        help="Employee who follows the contract. Renewal reminders go to "
        "this user when the renewal contact has no salesperson.",
    )
    site_ids = fields.Many2many(
        comodel_name="security.site",
        relation="security_contract_site_rel",
        string="Sites",
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    site_count = fields.Integer(compute="_compute_site_count")
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    duration_days = fields.Integer(
        string="Duration (Days)",
        compute="_compute_duration_days",
        store=True,
        help="Number of days from the start date to the end date, both included.",
    )
    days_left = fields.Integer(
        compute="_compute_days_left",
        help="Days from today until the end date; negative once the end date has passed.",
    )
    is_ending_soon = fields.Boolean(
        string="Ending Soon",
        compute="_compute_is_ending_soon",
        search="_search_is_ending_soon",
        help="The contract is active and ends within the renewal notice period of its company.",
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        string="Status",
        group_expand=True,
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    termination_date = fields.Date(copy=False, tracking=True)
    termination_reason = fields.Text(copy=False, tracking=True)
    payment_term_id = fields.Many2one(
        comodel_name="account.payment.term",
        string="Payment Terms",
        check_company=True,
        tracking=True,
        groups="security_guard_crm.group_billing",
    )
    billing_cycle = fields.Selection(
        selection=[
            ("monthly", "Monthly"),
            ("quarterly", "Quarterly"),
            ("semi_annual", "Semi-annual"),
            ("annual", "Annual"),
        ],
        default="monthly",
        tracking=True,
        groups="security_guard_crm.group_billing",
        help="How often the client is invoiced for this contract.",
    )
    billing_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Billing Contact",
        check_company=True,
        domain="[('parent_id', '=', partner_id)]",
        groups="security_guard_crm.group_billing",
        help="Contact person of the client who receives the invoices.",
    )
    renewal_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Renewal Contact",
        check_company=True,
        domain="[('parent_id', '=', partner_id)]",
        help="Contact person of the client who negotiates the renewal. "
        "The renewal reminder goes to this contact's salesperson.",
    )
    tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="security_contract_security_tag_rel",
        string="Tags",
        check_company=True,
    )
    signed_contract_file = fields.Binary(
        string="Signed Contract",
        attachment=True,
        copy=False,
        groups="security_guard_crm.group_billing",
        help="Certified copy of the contract signed by both parties. "
        "It shows the prices, so only billing users open it.",
    )
    signed_contract_filename = fields.Char(
        copy=False, groups="security_guard_crm.group_billing"
    )
    compliance_certificate_file = fields.Binary(
        string="Compliance Certificate",
        attachment=True,
        copy=False,
        help="Security compliance certificate covering this contract.",
    )
    compliance_certificate_filename = fields.Char(copy=False)
    compliance_certificate_expiry = fields.Date(
        string="Certificate Expiry",
        copy=False,
        tracking=True,
    )
    amendment_ids = fields.One2many(
        comodel_name="security.contract.amendment",
        inverse_name="contract_id",
        string="Amendments",
    )
    amendment_count = fields.Integer(compute="_compute_amendment_count")
    notes = fields.Html()
    renewal_activity_date_end = fields.Date(
        string="Renewal Reminder For End Date",
        copy=False,
        readonly=True,
        help="End date for which the renewal activity was scheduled. The "
        "daily check schedules no second activity for the same end date.",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A contract with this reference already exists in this company.",
        ),
    ]

    @api.depends("site_ids")
    def _compute_site_count(self):
        for contract in self:
            contract.site_count = len(contract.site_ids)

    @api.depends("amendment_ids")
    def _compute_amendment_count(self):
        for contract in self:
            contract.amendment_count = len(contract.amendment_ids)

    @api.depends("date_start", "date_end")
    def _compute_duration_days(self):
        for contract in self:
            if contract.date_start and contract.date_end:
                contract.duration_days = (contract.date_end - contract.date_start).days + 1
            else:
                contract.duration_days = 0

    @api.depends("date_end")
    @api.depends_context("tz")
    def _compute_days_left(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.days_left = (contract.date_end - today).days if contract.date_end else 0

    @api.depends("state", "date_end", "company_id.security_contract_notice_days")
    @api.depends_context("tz")
    def _compute_is_ending_soon(self):
        today = fields.Date.context_today(self)
        for contract in self:
            notice_days = contract.company_id.security_contract_notice_days
            contract.is_ending_soon = bool(
                contract.state == "active"
                and contract.date_end
                and today <= contract.date_end <= today + timedelta(days=notice_days)
            )

    def _search_is_ending_soon(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(
                self.env._(
                    "Operator %(operator)s is not supported on 'Ending Soon'.", operator=operator
                )
            )
        today = fields.Date.context_today(self)
        company_domains = [
            [
                ("company_id", "=", company.id),
                ("date_end", ">=", today),
                ("date_end", "<=", today + timedelta(days=company.security_contract_notice_days)),
            ]
            for company in self.env["res.company"].sudo().search([])
        ]
        domain = expression.AND([[("state", "=", "active")], expression.OR(company_domains)])
        if (operator == "=") != bool(value):
            return ["!"] + expression.normalize_domain(domain)
        return domain

    @api.onchange("partner_id")
    def _onchange_partner_id(self):
        """Drop the sites and contacts of the previous client and propose
        the new client's contacts by their role."""
        partner = self.partner_id
        self.site_ids = self.site_ids.filtered(lambda site: site.partner_id == partner)
        if self.billing_contact_id.parent_id != partner:
            self.billing_contact_id = self._find_contact_by_role(partner, "billing")
        if self.renewal_contact_id.parent_id != partner:
            self.renewal_contact_id = self._find_contact_by_role(partner, "renewal")
        if partner and not self.payment_term_id:
            self.payment_term_id = partner.with_company(self.company_id).property_payment_term_id

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for contract in self:
            if (
                contract.date_start
                and contract.date_end
                and contract.date_end < contract.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Contract %(reference)s ends on %(date_end)s, before its start "
                        "date %(date_start)s. Set an end date on or after the start date.",
                        reference=contract.name,
                        date_end=format_date(self.env, contract.date_end),
                        date_start=format_date(self.env, contract.date_start),
                    )
                )

    @api.constrains("partner_id", "site_ids")
    def _check_sites_client(self):
        for contract in self:
            for site in contract.site_ids:
                if site.partner_id != contract.partner_id:
                    raise ValidationError(
                        self.env._(
                            "Site %(site)s belongs to %(site_client)s, not to %(client)s. "
                            "A contract may only cover the sites of its own client.",
                            site=site.name,
                            site_client=site.partner_id.display_name,
                            client=contract.partner_id.display_name,
                        )
                    )

    @api.constrains("partner_id", "billing_contact_id", "renewal_contact_id")
    def _check_contacts_client(self):
        for contract in self:
            for contact in contract.billing_contact_id | contract.renewal_contact_id:
                if contact.parent_id != contract.partner_id:
                    raise ValidationError(
                        self.env._(
                            "%(contact)s is not a contact person of %(client)s. Choose "
                            "one of the client's own contacts, or add this person to "
                            "the client first.",
                            contact=contact.name,
                            client=contract.partner_id.display_name,
                        )
                    )

    @api.constrains("termination_date", "date_start")
    def _check_termination_date(self):
        for contract in self:
            if contract.termination_date and contract.termination_date < contract.date_start:
                raise ValidationError(
                    self.env._(
                        "Contract %(reference)s cannot be terminated on %(date)s, before "
                        "it starts on %(date_start)s. Set a termination date on or after "
                        "the start date.",
                        reference=contract.name,
                        date=format_date(self.env, contract.termination_date),
                        date_start=format_date(self.env, contract.date_start),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if self._is_placeholder_reference(vals.get("name")):
                vals["name"] = self._next_reference(vals)
        self._raise_if_reference_taken(
            [(vals["name"], vals.get("company_id") or self.env.company.id) for vals in vals_list]
        )
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals or "company_id" in vals:
            self._raise_if_reference_taken(
                [
                    (
                        vals.get("name", contract.name),
                        vals.get("company_id", contract.company_id.id),
                    )
                    for contract in self
                ]
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_not_draft(self):
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %(reference)s is %(state)s and cannot be deleted. Only "
                        "draft contracts can be deleted: terminate it instead.",
                        reference=contract.name,
                        state=contract._get_state_label(),
                    )
                )

    def action_activate(self):
        today = fields.Date.context_today(self)
        for contract in self:
            if contract.state != "draft":
                raise UserError(
                    self.env._(
                        "Contract %(reference)s is %(state)s: only a draft contract can be "
                        "activated.",
                        reference=contract.name,
                        state=contract._get_state_label(),
                    )
                )
            if contract.date_end < today:
                raise UserError(
                    self.env._(
                        "Contract %(reference)s ended on %(date_end)s and cannot be "
                        "activated. Extend its end date first.",
                        reference=contract.name,
                        date_end=format_date(self.env, contract.date_end),
                    )
                )
        self.write({"state": "active"})
        return True

    def action_open_termination_form(self):
        """Open the termination dialog, where the user enters the date and reason."""
        self.ensure_one()
        self._raise_unless_active()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Terminate Contract %(reference)s", reference=self.name),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref("security_guard_crm.security_contract_view_form_terminate").id,
                    "form",
                )
            ],
            "target": "new",
        }

    def action_terminate(self):
        self._raise_unless_active()
        for contract in self:
            if not (contract.termination_reason or "").strip():
                raise UserError(
                    self.env._(
                        "Enter the reason for terminating contract %(reference)s.",
                        reference=contract.name,
                    )
                )
        today = fields.Date.context_today(self)
        for contract in self:
            contract.write(
                {"state": "terminated", "termination_date": contract.termination_date or today}
            )
        return True

    def action_reset_to_draft(self):
        for contract in self:
            if contract.state not in ("expired", "terminated"):
                raise UserError(
                    self.env._(
                        "Contract %(reference)s is %(state)s: only an expired or "
                        "terminated contract can be reset to draft.",
                        reference=contract.name,
                        state=contract._get_state_label(),
                    )
                )
        self.write({"state": "draft", "termination_date": False, "termination_reason": False})
        return True

    def action_view_amendments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "security_guard_crm.security_contract_amendment_action"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {"default_contract_id": self.id}
        return action

    def action_view_sites(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sites of %(reference)s", reference=self.name),
            "res_model": "security.site",
            "view_mode": "list,form",
            "domain": [("id", "in", self.site_ids.ids)],
            "context": {"default_partner_id": self.partner_id.id},
        }

    def _is_placeholder_reference(self, reference):
        return not reference or reference in ("New", self.env._("New"))

    def _next_reference(self, vals):
        company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        reference = self.env["ir.sequence"].with_company(company).next_by_code("security.contract")
        if not reference:
            raise UserError(
                self.env._(
                    "No sequence with code security.contract exists for company "
                    "%(company)s. Create one in Settings > Technical > Sequences, or "
                    "type the contract reference yourself.",
                    company=company.name,
                )
            )
        return reference

    def _raise_if_reference_taken(self, references):
        """Raise a ValidationError naming the first reference already used.

        The SQL constraint gives the same protection, but its message cannot
        name the reference, so this check runs first.

        :param references: list of (reference, company id) pairs to be saved
            on the records of ``self`` (none for a create)
        """
        seen = set()
        for reference, company_id in references:
            key = (reference, company_id)
            is_duplicate = key in seen or self.sudo().search_count(
                [
                    ("name", "=", reference),
                    ("company_id", "=", company_id),
                    ("id", "not in", self.ids),
                ],
                limit=1,
            )
            if is_duplicate:
                raise ValidationError(
                    self.env._(
                        "Reference %(reference)s is already used by another contract "
                        "of this company. Enter a different reference, or leave "
                        '"New" to take the next one from the sequence.',
                        reference=reference,
                    )
                )
            seen.add(key)

    def _raise_unless_active(self):
        for contract in self:
            if contract.state != "active":
                raise UserError(
                    self.env._(
                        "Contract %(reference)s is %(state)s: only an active contract "
                        "can be terminated.",
                        reference=contract.name,
                        state=contract._get_state_label(),
                    )
                )

    def _get_state_label(self):
        self.ensure_one()
        return dict(self._fields["state"]._description_selection(self.env))[self.state]

    @api.model
    def _find_contact_by_role(self, partner, role):
        """Return the client's only contact with ``role``, or an empty recordset."""
        if not partner:
            return self.env["res.partner"]
        contacts = partner.child_ids.filtered(lambda contact: contact.security_contact_role == role)
        return contacts if len(contacts) == 1 else self.env["res.partner"]

    def _get_renewal_user(self):
        """Return who gets the renewal activity: the salesperson of the renewal
        contact, else the responsible of the contract, else the current user.
        A salesperson or responsible who cannot read the contract is skipped."""
        self.ensure_one()
        candidates = self.renewal_contact_id.user_id | self.user_id
        for user in candidates:
            if user.active and self.with_user(user).has_access("read"):
                return user
        return self.env.user

    @api.model
    def _cron_check_end_dates(self):
        """Expire the active contracts whose end date has passed, and schedule
        one renewal activity per end date for the contracts ending soon."""
        today = fields.Date.context_today(self)
        expired = self.search([("state", "=", "active"), ("date_end", "<", today)])
        expired.write({"state": "expired"})
        for contract in expired:
            contract.message_post(
                body=self.env._(
                    "The contract ended on %(date_end)s and is now expired.",
                    date_end=format_date(self.env, contract.date_end),
                )
            )

        to_remind = self.search([("is_ending_soon", "=", True)]).filtered(
            lambda contract: contract.renewal_activity_date_end != contract.date_end
        )
        for contract in to_remind:
            user = contract._get_renewal_user()
            user_env = self.with_context(lang=user.lang).env
            contract.activity_schedule(
                "security_guard_crm.mail_activity_type_contract_renewal",
                summary=user_env._(
                    "Contract %(reference)s ends on %(date_end)s",
                    reference=contract.name,
                    date_end=format_date(user_env, contract.date_end),
                ),
                user_id=user.id,
            )
            contract.renewal_activity_date_end = contract.date_end

        _logger.info(
            "Contract end date check: %s contracts expired, %s renewal activities scheduled",
            len(expired),
            len(to_remind),
        )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Contracts"),
                "template": "/security_guard_crm/static/xls/security_contract_import_template.xlsx",
            }
        ]
