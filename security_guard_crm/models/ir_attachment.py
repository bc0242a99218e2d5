from odoo import fields, models


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    security_tag_ids = fields.Many2many(
        comodel_name="security.tag",
        relation="ir_attachment_security_tag_rel",
        string="Security Tags",
    )
