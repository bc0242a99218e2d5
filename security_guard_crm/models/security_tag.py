from random import randint

from odoo import fields, models


class SecurityTag(models.Model):
    _name = "security.tag"
    _description = "Security Tag"
    _order = "name"

    def _default_color(self):
        return randint(1, 11)

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=_default_color)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        help="Leave empty to share the tag between all companies.",
    )

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A tag with this name already exists in this company.",
        ),
    ]
