from odoo import fields, models


class SecurityContract(models.Model):
    _name = "security.contract"
    _description = "Security Services Contract"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        required=True,
        copy=False,
        default=lambda self: self.env._("New"),
        tracking=True,
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
    site_ids = fields.Many2many(
        comodel_name="security.site",
        relation="security_contract_site_rel",
        string="Sites",
        check_company=True,
        domain="[('partner_id', '=', partner_id)]",
    )
    date_start = fields.Date(string="Start Date", required=True, tracking=True)
    date_end = fields.Date(string="End Date", required=True, tracking=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("active", "Active"),
            ("expired", "Expired"),
            ("terminated", "Terminated"),
        ],
        default="draft",
        required=True,
        copy=False,
        tracking=True,
    )
    amendment_ids = fields.One2many(
        comodel_name="security.contract.amendment",
        inverse_name="contract_id",
        string="Amendments",
    )
