from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    security_license_warning_days = fields.Integer(
        related="company_id.security_license_warning_days",
        readonly=False,
    )
    security_contract_notice_days = fields.Integer(
        related="company_id.security_contract_notice_days",
        readonly=False,
    )
