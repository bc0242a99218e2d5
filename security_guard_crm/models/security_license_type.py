from odoo import fields, models


class SecurityLicenseType(models.Model):
    _name = "security.license.type"
    _description = "Security Licence Type"
    _order = "sequence, name"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        help="Leave empty to share the licence type between all companies.",
    )
    issuing_authority = fields.Char(
        translate=True,
        help="Authority that usually issues this type of licence; "
        "proposed on new licences of this type.",
    )
