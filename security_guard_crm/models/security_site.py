from odoo import fields, models


class SecuritySite(models.Model):
    _name = "security.site"
    _description = "Secured Site"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "partner_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
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
    latitude = fields.Float(digits=(10, 7))
    longitude = fields.Float(digits=(10, 7))
    license_ids = fields.One2many(
        comodel_name="security.site.license",
        inverse_name="site_id",
        string="Licences",
        groups="security_guard_crm.group_guard",
    )
    tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="security_site_security_tag_rel",
        string="Tags",
    )
