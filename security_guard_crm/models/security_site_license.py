from odoo import fields, models


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
    )
    date_issue = fields.Date(string="Issue Date")
    date_expiry = fields.Date(string="Expiry Date", tracking=True)
